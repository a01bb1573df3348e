"""Writing the generated Markdown tree: only files whose text changed.

Unchanged files keep their modification time, so `mkdocs serve --dirty`
re-renders only the pages of the story that was edited. Each file is written
to a temporary name and renamed into place, so a reader of the tree never sees
half a file. Files the generator no longer produces are removed; hidden files
(such as the folder's `.gitignore`) are left alone.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path


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
    target = (root / relative).resolve()
    if not target.is_relative_to(root.resolve()):
        raise ValueError(f"refusing to write outside {root}: {relative}")
    return target


def write_tree(pages: dict[str, str], root: Path) -> TreeStats:
    root.mkdir(parents=True, exist_ok=True)
    written = unchanged = removed = 0
    previous: dict[Path, bytes | None] = {}
    for relative, text in sorted(pages.items()):
        target = _safe_target(root, relative)
        data = text.encode("utf-8")
        try:
            old = target.read_bytes()
        except FileNotFoundError:
            old = None
        if old == data:
            unchanged += 1
            continue
        previous[target] = old
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".md")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.chmod(temporary, 0o644)
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        written += 1

    wanted = {_safe_target(root, relative) for relative in pages}
    for path in sorted(root.rglob("*"), reverse=True):
        if any(part.startswith(".") for part in path.relative_to(root).parts):
            continue
        if path.is_file() and path.resolve() not in wanted:
            previous[path] = path.read_bytes()
            path.unlink()
            removed += 1
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return TreeStats(written, unchanged, removed, previous)
