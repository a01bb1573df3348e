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
- A republish stages only what it built again, and only a build that finished puts
  it in place (`publish_changes`), a file at a time: its cost follows the change, not
  the site (at 10,000 stories, swapping a whole site of 250,000 files took 25 s).
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

    def discard(self) -> str | None:
        return remove_tree(self.folder)

    def publish_changes(
        self, removed: list[str], search: str, built: list[str], gone: list[str],
        primary: bool,
    ) -> str | None:  # fmt: skip
        """Republishing in place: put what this folder holds (the files built again) into
        the published site, one file at a time, and take out the `removed` files.

        Each file is renamed over the old one, so a reader gets the old file or the new,
        never part of one; for a moment, some pages may be new and others not yet. Search
        indexes go whole: under `search` (the index folder), the `built` shards and, if
        `primary`, the site's own index replace the old ones, the `gone` shards leave,
        and the manifest comes last. What the site had is removed after. Nothing here
        runs before the whole build succeeded. Returns what could not be removed."""
        site, here = self.target, self.folder
        trash = Path(tempfile.mkdtemp(prefix=f".{site.name}.old-", dir=site.parent))
        for top, _dirs, names in os.walk(here):
            relative = os.path.relpath(top, here)
            if relative == search or relative.startswith(f"{search}/"):
                continue
            if names:
                (site / relative).mkdir(parents=True, exist_ok=True)
            for name in names:
                os.replace(f"{top}/{name}", site / relative / name)
        index, new = site / search, here / search
        if new.is_dir():
            shards = "shards"
            for name in [*built, *gone]:
                if (index / shards / name).exists():
                    (trash / shards).mkdir(exist_ok=True)
                    (index / shards / name).rename(trash / shards / name)
            for name in built:
                (index / shards).mkdir(parents=True, exist_ok=True)
                (new / shards / name).rename(index / shards / name)
            manifest = "shards.json"
            if primary:
                index.mkdir(exist_ok=True)
                for entry in [*index.iterdir(), *new.iterdir()]:
                    if entry.name in (shards, manifest):
                        continue
                    if entry.parent == index:
                        entry.rename(trash / entry.name)
                    else:
                        entry.rename(index / entry.name)
            with contextlib.suppress(OSError):
                (index / shards).rmdir()  # when no shard is left
            os.replace(new / manifest, index / manifest)
        for path in removed:
            with contextlib.suppress(FileNotFoundError):
                (site / path).unlink()
            parent = (site / path).parent
            while parent != site:
                try:
                    parent.rmdir()  # only when empty
                except OSError:
                    break
                parent = parent.parent
        return remove_tree(trash) or remove_tree(here)

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
