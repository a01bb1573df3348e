"""One build at a time, and a site that is swapped in whole or not at all.

- `BuildLock`: a build (generating the Markdown tree, building the site, swapping it
  in) holds an exclusive lock on `.explainer.lock` in the project folder. A second
  build started meanwhile waits for the first to finish and says so; the operating
  system releases the lock of a build that was killed.
- `Staging`: the site is built into a new folder of its own beside `site_dir`, named
  uniquely. Only a build that finished swaps it in: the old site is renamed aside, the
  new one renamed into place, then the old one removed. Folders left by builds that
  were killed are removed at the start of the next build. A file that cannot be
  removed is reported and left where it is; it never stops a later build.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

LOCK_FILE = ".explainer.lock"


class LockTimeout(Exception):
    """Another build held the project's lock for longer than we were willing to wait."""


class BuildLock:
    """An exclusive lock on one project's generated tree and site."""

    def __init__(self, root: Path, timeout: float = 900.0) -> None:
        self.path = root / LOCK_FILE
        self.timeout = timeout
        self._handle: int | None = None

    def acquire(self, on_wait: Callable[[str], None]) -> None:
        """Take the lock, waiting for another build if need be (`on_wait` is told once)."""
        if self._handle is not None:
            return
        handle = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + self.timeout
        told = False
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if not told:
                    on_wait(
                        f"another build of this project is running ({self.path} is locked); "
                        "waiting for it to finish"
                    )
                    told = True
                if time.monotonic() > deadline:
                    os.close(handle)
                    raise LockTimeout(
                        f"another build of this project held {self.path} for over "
                        f"{self.timeout:.0f} s; stop it or wait, then build again"
                    ) from None
                time.sleep(0.2)
        self._handle = handle

    def release(self) -> None:
        if self._handle is not None:
            fcntl.flock(self._handle, fcntl.LOCK_UN)
            os.close(self._handle)
            self._handle = None


def remove_tree(folder: Path) -> str | None:
    """Remove `folder`; if some of it cannot be removed, say what and why (else None)."""
    failures: list[str] = []

    def failed(path: str, error: BaseException) -> None:
        failures.append(f"{path}: {getattr(error, 'strerror', None) or error}")

    if not folder.exists() and not folder.is_symlink():
        return None
    if sys.version_info >= (3, 12):
        shutil.rmtree(folder, onexc=lambda _, path, error: failed(path, error))
    else:
        shutil.rmtree(folder, onerror=lambda _, path, info: failed(path, info[1]))
    if not failures:
        return None
    return (
        f"could not remove {folder} ({len(failures)} item(s) left, first {failures[0]}); "
        "it does not affect the site, remove it by hand"
    )


@dataclass(frozen=True)
class Staging:
    """A build's own folder beside the site, and swapping it in."""

    target: Path
    folder: Path

    @classmethod
    def begin(cls, target: Path) -> tuple[Staging, list[str]]:
        """A new staging folder for `target`, after removing what killed builds left.
        Call it holding the `BuildLock`. Returns the staging and what could not be removed."""
        target = target.absolute()
        target.parent.mkdir(parents=True, exist_ok=True)
        leftovers = [
            *target.parent.glob(f".{target.name}.staging*"),
            *target.parent.glob(f".{target.name}.old*"),
        ]
        left = [problem for folder in sorted(leftovers) if (problem := remove_tree(folder))]
        folder = Path(tempfile.mkdtemp(prefix=f".{target.name}.staging-", dir=target.parent))
        folder.chmod(0o755)  # mkdtemp makes it private; a site is for reading
        return cls(target, folder), left

    def keep_from_last(self, files: list[str], folders: list[str]) -> None:
        """Put files of the last site into this one as they are, without copying: each
        is hard-linked (the same bytes on disk, in both sites), so the last site is not
        changed and nothing is written into a file it holds. `files` and `folders` (all
        their files) are relative to the site; a folder the last site lacks is skipped.
        A later step that replaces a linked file removes it first (as `website.search`
        does with the shards it indexes again)."""
        here, last = str(self.folder), str(self.target)
        made: set[str] = set()

        def folder_for(relative: str) -> None:
            parent = os.path.dirname(relative)
            if parent and parent not in made:
                folder_for(parent)
                with contextlib.suppress(FileExistsError):
                    os.mkdir(f"{here}/{parent}")
                made.add(parent)

        for relative in sorted(files):
            folder_for(relative)
            os.link(f"{last}/{relative}", f"{here}/{relative}")
        for folder in folders:
            for top, _dirs, names in os.walk(f"{last}/{folder}"):
                relative_top = os.path.relpath(top, last)
                for name in names:
                    relative = f"{relative_top}/{name}"
                    folder_for(relative)
                    os.link(f"{last}/{relative}", f"{here}/{relative}")

    def discard(self) -> str | None:
        return remove_tree(self.folder)

    def swap_in(self) -> str | None:
        """Put the staged site in place of the old one; the old one is removed after.
        Returns what of the old site could not be removed, if anything."""
        old = None
        if self.target.exists() or self.target.is_symlink():
            old = Path(tempfile.mkdtemp(prefix=f".{self.target.name}.old-", dir=self.target.parent))
            old.rmdir()  # a unique free name: the old site is renamed to it
            self.target.rename(old)
        try:
            self.folder.rename(self.target)
        except OSError:
            if old is not None:
                old.rename(self.target)  # put the old site back
            raise
        return remove_tree(old) if old is not None else None
