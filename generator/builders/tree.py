"""Writing the generated Markdown tree: only files whose text changed.

Unchanged files keep their modification time, so `mkdocs serve --dirty`
re-renders only the pages of the story that was edited. Each file is written
to a temporary name and renamed into place, so a reader of the tree never sees
half a file. Files the generator no longer produces are removed; hidden files
(such as the folder's `.gitignore`) are left alone.

A file is text (a page), bytes (a picture), or `KEPT`: a file the tree already holds
as it must be, so neither made nor compared again: a page whose inputs have the key
it was made with (`changes`), a picture whose name is a hash of what it is drawn from.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ..digest.loading import InputError, Problem


class Kept:
    """A file the tree already holds as it must be (see the module's docstring)."""

    def __repr__(self) -> str:
        return "KEPT"


KEPT = Kept()
Content = str | bytes | Kept


@dataclass(frozen=True)
class TreeStats:
    written: int
    unchanged: int
    removed: int
    previous: dict[Path, bytes | None] = field(default_factory=dict, repr=False)
    """What each changed file held before (None: it did not exist), for `restore`."""


def restore(previous: dict[Path, bytes | None]) -> None:
    """Put back the files a `TreeWriter` changed, e.g. when the build that followed failed."""
    for path, data in previous.items():
        if data is None:
            path.unlink(missing_ok=True)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)


def _safe_target(root: Path, relative: str) -> Path:
    parts = PurePosixPath(relative).parts
    if not parts or PurePosixPath(relative).is_absolute() or ".." in parts:
        raise ValueError(f"refusing to write outside {root}: {relative}")
    return root.joinpath(*parts)


class TreeWriter:
    """Writes the tree file by file as the pages are made, so a big site's pages are
    never all in memory at once; `finish` removes what was not put, `undo` puts back
    everything changed so far (a failed generation leaves the tree as it was)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.previous: dict[Path, bytes | None] = {}
        self.made: list[Path] = []
        self.ready: set[Path] = set()
        self.seen: set[str] = set()
        self.kept: set[str] = set()
        """The files put as KEPT."""
        self.written = self.unchanged = self.removed = 0
        root.mkdir(parents=True, exist_ok=True)

    def put(self, relative: str, content: Content) -> None:
        """Make the tree hold `content` at `relative`; InputError if it cannot."""
        with self._located():
            self._put(relative, content)

    def finish(self) -> TreeStats:
        """Remove the files no page was put for; the changes made."""
        with self._located():
            self._remove_others()
        return TreeStats(self.written, self.unchanged, self.removed, self.previous)

    def undo(self) -> None:
        restore(self.previous)
        for folder in reversed(self.made):
            with contextlib.suppress(OSError):
                folder.rmdir()
        self.previous, self.made = {}, []

    @contextlib.contextmanager
    def _located(self):
        try:
            yield
        except OSError as error:
            self.undo()
            where = error.filename or self.root
            raise InputError(
                [Problem(str(where), 0, 0, "",
                         f"cannot write the generated tree ({error.strerror})")]
            ) from None  # fmt: skip

    def _put(self, relative: str, text: Content) -> None:
        self.seen.add(relative)
        if text is KEPT:  # the caller has just seen it there
            self.kept.add(relative)
            self.unchanged += 1
            return
        target = _safe_target(self.root, relative)
        data = text.encode("utf-8") if isinstance(text, str) else text
        try:
            old = target.read_bytes()
        except FileNotFoundError:
            old = None
        if old == data:
            self.unchanged += 1
            return
        self.previous[target] = old
        if target.parent not in self.ready:
            parts = target.parent.relative_to(self.root).parts
            for depth in range(1, len(parts) + 1):
                folder = self.root.joinpath(*parts[:depth])
                if not folder.is_dir():
                    folder.mkdir()
                    self.made.append(folder)
            self.ready.add(target.parent)
        temporary = target.with_name(f".{target.name}.tmp")
        try:
            with open(temporary, "wb") as handle:
                handle.write(data)
            os.replace(temporary, target)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
        self.written += 1

    def _remove_others(self) -> None:
        top = str(self.root)
        emptied: set[str] = set()  # folders removed, as they are walked from the bottom up
        for folder, dirs, files in os.walk(top, topdown=False):
            relative_folder = os.path.relpath(folder, top)
            if any(part.startswith(".") for part in Path(relative_folder).parts):
                continue
            left = len(files) + len(dirs)
            for name in files:
                relative = name if relative_folder == "." else f"{relative_folder}/{name}"
                if name.startswith(".") or relative in self.seen:
                    continue
                path = Path(folder) / name
                self.previous[path] = path.read_bytes()
                path.unlink()
                self.removed += 1
                left -= 1
            left -= sum(f"{folder}/{d}" in emptied for d in dirs)
            if folder != top and left == 0:
                os.rmdir(folder)
                emptied.add(folder)
