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
    """Put back the files a `write_tree` changed, e.g. when the build that followed failed."""
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


def write_tree(pages: dict[str, Content], root: Path) -> TreeStats:
    """Make `root` hold exactly `pages`.

    All or nothing: when a file cannot be written or removed, what was changed so far
    is put back and InputError names the file and the reason."""
    previous: dict[Path, bytes | None] = {}
    made: list[Path] = []
    try:
        return _write_tree(pages, root, previous, made)
    except OSError as error:
        restore(previous)
        for folder in reversed(made):
            with contextlib.suppress(OSError):
                folder.rmdir()
        where = error.filename or root
        raise InputError(
            [Problem(str(where), 0, 0, "", f"cannot write the generated tree ({error.strerror})")]
        ) from None


def _write_tree(
    pages: dict[str, Content],
    root: Path,
    previous: dict[Path, bytes | None],
    made: list[Path],
) -> TreeStats:
    """`write_tree`'s work; records each file it changes in `previous` and each folder
    it makes in `made` as it goes, so that a failure can be undone."""
    root.mkdir(parents=True, exist_ok=True)
    written = unchanged = removed = 0
    ready: set[Path] = set()
    for relative, text in sorted(pages.items()):
        if text is KEPT:  # the caller has just seen it there
            unchanged += 1
            continue
        target = _safe_target(root, relative)
        data = text.encode("utf-8") if isinstance(text, str) else text
        try:
            old = target.read_bytes()
        except FileNotFoundError:
            old = None
        if old == data:
            unchanged += 1
            continue
        previous[target] = old
        if target.parent not in ready:
            parts = target.parent.relative_to(root).parts
            for depth in range(1, len(parts) + 1):
                folder = root.joinpath(*parts[:depth])
                if not folder.is_dir():
                    folder.mkdir()
                    made.append(folder)
            ready.add(target.parent)
        temporary = target.with_name(f".{target.name}.tmp")
        try:
            with open(temporary, "wb") as handle:
                handle.write(data)
            os.replace(temporary, target)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
        written += 1

    for folder, _dirs, files in os.walk(root, topdown=False):
        here = Path(folder)
        relative_folder = here.relative_to(root).as_posix()
        if any(part.startswith(".") for part in here.relative_to(root).parts):
            continue
        for name in files:
            relative = name if relative_folder == "." else f"{relative_folder}/{name}"
            if name.startswith(".") or relative in pages:
                continue
            path = here / name
            previous[path] = path.read_bytes()
            path.unlink()
            removed += 1
        if here != root and not any(here.iterdir()):
            here.rmdir()
    return TreeStats(written, unchanged, removed, previous)
