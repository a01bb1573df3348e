"""What one generation can hand the next while `mkdocs serve` runs.

A preview rebuilds after every save. With a thousand stories, parsing every digest
and rendering every page again would take seconds, so the plugin keeps this cache
across rebuilds: a digest whose file has not changed is not parsed again, a story
whose digest and templates have not changed is not rendered again, and a page whose
text is what was last written is not compared with the disk again.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..digest.loading import Digest, Problem, read_digest
from ..digest.register import Entry, Register, read_entry, resolve
from ..digest.schema import Story


def _stamp(paths: list[Path]) -> tuple[tuple[int, int], ...]:
    stamps = []
    for path in paths:
        try:
            stat = os.stat(path)
            stamps.append((stat.st_mtime_ns, stat.st_size))
        except OSError:
            stamps.append((0, 0))
    return tuple(stamps)


def templates_stamp(*folders: Path) -> tuple:
    return tuple(
        (str(p), p.stat().st_mtime_ns) for folder in folders for p in sorted(folder.rglob("*"))
    )


@dataclass
class GenerationCache:
    digests: dict[Path, tuple[tuple, Digest]] = field(default_factory=dict)
    story_pages: dict[str, tuple[Story, object, dict[str, str]]] = field(default_factory=dict)
    written: dict[str, str] = field(default_factory=dict)
    listings: dict[str, tuple[tuple, str]] = field(default_factory=dict)
    """List pages (home, people, a person, a topic): what they showed, and their text."""
    entries: dict[Path, tuple[tuple, Entry]] = field(default_factory=dict)
    resolved: dict[str, tuple[Digest, tuple, Digest]] = field(default_factory=dict)
    """A digest, the register entries its actors used, and the digest resolved with them:
    an unchanged story keeps its resolved object, so its pages are not rendered again."""

    def read_entry(self, path: Path, display: str) -> tuple[Entry | None, list[Problem]]:
        """`register.read_entry`, parsing again only if the file changed."""
        cached = self.entries.get(path)
        stamp = _stamp([path])
        if cached is not None and cached[0] == stamp:
            return cached[1], []
        entry, problems = read_entry(path, display)
        if entry is not None:
            self.entries[path] = (stamp, entry)
        else:
            self.entries.pop(path, None)
        return entry, problems

    def resolve(self, digest: Digest, register: Register) -> tuple[Digest, list[Problem]]:
        """`register.resolve`, keeping the last result while the digest and the register
        entries it uses are the same objects."""
        used = tuple(register.entries.get(actor.id) for actor in digest.story.actors)
        cached = self.resolved.get(digest.file)
        if (
            cached is not None
            and cached[0] is digest
            and all(a is b for a, b in zip(cached[1], used, strict=True))
        ):
            return cached[2], []
        resolved, problems = resolve(digest, register)
        if not problems:
            self.resolved[digest.file] = (digest, used, resolved)
        return resolved, problems

    def read_digest(self, path: Path, display: str) -> tuple[Digest | None, list[Problem]]:
        """`loading.read_digest`, parsing again only if the file (or its article) changed."""
        cached = self.digests.get(path)
        if cached is not None:
            stamp, digest = cached
            if stamp == self._stamp(path, digest.story):
                return digest, []
        digest, problems = read_digest(path, display)
        if digest is not None:
            self.digests[path] = (self._stamp(path, digest.story), digest)
        else:
            self.digests.pop(path, None)
        return digest, problems

    @staticmethod
    def _stamp(path: Path, story: Story) -> tuple:
        texts = [path.parent / s.text_file for s in story.sources if s.text_file]
        return _stamp([path, *texts])

    def pages_of(
        self, story: Story, stamp: object, render: Callable[[], dict[str, str]]
    ) -> dict[str, str]:
        """A story's rendered pages, rendered again only if the story or templates changed."""
        cached = self.story_pages.get(story.id)
        if cached is not None and cached[0] is story and cached[1] == stamp:
            return cached[2]
        pages = render()
        self.story_pages[story.id] = (story, stamp, pages)
        return pages
