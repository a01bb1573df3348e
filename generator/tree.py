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
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class TreeStats:
    written: int
    unchanged: int
    removed: int


def _safe_target(root: Path, relative: str) -> Path:
    target = (root / relative).resolve()
    if not target.is_relative_to(root.resolve()):
        raise ValueError(f"refusing to write outside {root}: {relative}")
    return target


def write_tree(pages: dict[str, str], root: Path) -> TreeStats:
    root.mkdir(parents=True, exist_ok=True)
    written = unchanged = removed = 0
    for relative, text in sorted(pages.items()):
        target = _safe_target(root, relative)
        data = text.encode("utf-8")
        try:
            if target.read_bytes() == data:
                unchanged += 1
                continue
        except FileNotFoundError:
            pass
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
            path.unlink()
            removed += 1
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return TreeStats(written, unchanged, removed)
