"""Where a project's inputs and output live, and generating its Markdown tree.

The MkDocs plugin and the `explainer` command both go through `Project`, so
they read the same files and write the same tree.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import jinja2

from ..digest.loading import (
    Digest,
    InputError,
    Problem,
    display_path,
    load_digests,
    load_site_config,
    read_digest,
    story_files,
    stray_digests,
)
from ..digest.register import Register, load_register, read_entry, resolve
from ..digest.schema import SiteConfig
from ..parallel import fork_map
from ..website import theme
from ..website.catalog import Newsroom, build_newsroom
from ..website.feeds import render_feeds
from ..website.pages import PathCollision, render_site
from ..website.pictures.atlas import Atlas, atlas_for
from ..website.pictures.cards import card_of, card_path, draw_card
from .changes import Ledger, code_key, file_key, folder_key, hash_of, made, still
from .tree import KEPT, Content, TreeStats, TreeWriter

CARDS_AT_ONCE = 200
"""Share cards drawn before they are written: drawn cards are never all in memory."""


def template_problem(error: jinja2.TemplateError, root: Path) -> Problem:
    """A template error (a maintainer's mistake) located like a content problem."""
    filename = getattr(error, "filename", None)
    line = getattr(error, "lineno", None) or 0
    if filename is None:  # a runtime error: its template frame is in the traceback
        for frame, frame_line in traceback.walk_tb(error.__traceback__):
            if frame.f_code.co_filename.endswith(".j2"):
                filename, line = frame.f_code.co_filename, frame_line
    filename = filename or "template"
    with contextlib.suppress(ValueError):
        filename = str(Path(filename).resolve().relative_to(root.resolve()))
    return Problem(filename, line, 1 if line else 0, "", f"template error: {error.message}")


def _read_pending(read, pending: dict[Path, bytes], path: Path, display: str):
    return read(path, display, pending.get(path))


def _read_all_pending(
    pending: dict[Path, bytes], paths: list[Path], shown: dict[Path, str]
) -> list[tuple[Digest | None, list[Problem]]]:
    return [read_digest(path, shown[path], pending.get(path)) for path in paths]


@contextlib.contextmanager
def _cycle_collector_paused() -> Iterator[None]:
    """Python's cycle collector paused while thousands of stories are read: it would
    otherwise go again and again over every object already made (reading 10,000 stories
    back from the build cache took seven times as long with it)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@dataclass(frozen=True)
class Project:
    root: Path
    content_dir: Path
    templates_dir: Path
    assets_dir: Path
    feeds_dir: Path
    site_config_path: Path
    output_dir: Path
    map_data: str | None = None
    """Where the map data is, relative to the project (default: `pictures.atlas`)."""

    @classmethod
    def from_mkdocs(cls, config_file: Path | None = None) -> Project:
        """Read the paths from an `mkdocs.yml` (its plugin options and `docs_dir`)."""
        from mkdocs.config import load_config  # imported late: validating needs no MkDocs
        from mkdocs.exceptions import ConfigurationError

        config_file = (config_file or Path("mkdocs.yml")).resolve()
        if not config_file.is_file():
            raise InputError(
                [
                    Problem(
                        str(config_file),
                        0,
                        0,
                        "",
                        "no mkdocs.yml here (run in the project folder, pass --config, "
                        "or start a project here with `explainer init`)",
                    )
                ]
            )
        try:
            config = load_config(str(config_file))
        except ConfigurationError as error:
            raise InputError([Problem(str(config_file), 0, 0, "", str(error))]) from None
        plugin = config.plugins.get("explainer")
        if plugin is None:
            raise InputError(
                [
                    Problem(
                        str(config_file), 0, 0, "plugins", "the `explainer` plugin is not enabled"
                    )
                ]
            )
        return cls.from_options(config_file.parent, plugin.config, Path(config.docs_dir))

    @classmethod
    def from_options(cls, root: Path, options, docs_dir: Path) -> Project:
        """Paths from the plugin's options; a folder not given is the built-in theme's."""

        def folder(option: str | None, built_in: Path) -> Path:
            return root / option if option else built_in

        return cls(
            root=root,
            content_dir=root / options.content_dir,
            templates_dir=folder(options.templates_dir, theme.pages_dir()),
            assets_dir=folder(options.assets_dir, theme.assets_dir()),
            feeds_dir=folder(options.feeds_dir, theme.feeds_dir()),
            site_config_path=root / options.site_config,
            output_dir=docs_dir,
            map_data=getattr(options, "map_data", None),
        )

    def story_paths(self) -> list[Path]:
        if not self.content_dir.is_dir():
            raise InputError(
                [Problem(str(self.content_dir), 0, 0, "", "the content folder does not exist")]
            )
        return story_files(self.content_dir)

    def load(
        self,
        paths: list[Path] | None = None,
        ledger: Ledger | None = None,
        pending: dict[Path, bytes | None] | None = None,
        duplicates: bool = True,
    ) -> tuple[SiteConfig, Newsroom]:
        """Site settings, the actor register and every story; InputError lists all
        problems at once. `ledger`: read only the files that changed since it was
        kept. `pending` gives some files the text they are about to have, or None for
        a file about to be removed (a change checked before it is written).
        `duplicates=False` leaves out the check for one actor under two ids."""
        with _cycle_collector_paused():
            return self._load(paths, ledger, pending, duplicates)

    def _load(
        self,
        paths: list[Path] | None,
        ledger: Ledger | None,
        pending: dict[Path, bytes | None] | None,
        duplicates: bool,
    ) -> tuple[SiteConfig, Newsroom]:
        problems: list[Problem] = []
        site: SiteConfig | None = None
        register = Register({}, "")
        digests = []
        pending = pending or {}
        try:
            site = load_site_config(self.site_config_path, self.root)
        except InputError as error:
            problems.extend(error.problems)
        try:
            if pending:
                read = functools.partial(_read_pending, read_entry, pending)
            else:
                read = ledger.read_entry if ledger else None
            removed = {path for path, text in pending.items() if text is None}
            register = load_register(self.content_dir, self.display, read, removed)
        except InputError as error:
            problems.extend(error.problems)
        try:
            if paths is None:
                paths = self.story_paths()
                problems.extend(stray_digests(self.content_dir, self.root))
                if ledger is not None:
                    ledger.forget_missing(paths)
            if pending:
                read_all = functools.partial(_read_all_pending, pending)
            else:
                read_all = ledger.read_digests if ledger else None
            digests = load_digests(paths, self.root, read_all)
        except InputError as error:
            problems.extend(error.problems)
        if ledger is not None:
            results = ledger.resolve_all(digests, register)
        else:
            results = [resolve(digest, register) for digest in digests]
        resolved = []
        for digest, found in results:
            problems.extend(found)
            if not found:
                resolved.append(digest)
        if site is not None:
            find = {"find": ledger.find_matches} if ledger else {}
            newsroom, conflicts = build_newsroom(resolved, site, register, duplicates, **find)
            problems.extend(conflicts)
        if problems:
            raise InputError(problems)
        return site, newsroom

    def display(self, path: Path) -> str:
        """A path as messages show it: relative to the project when inside it."""
        return display_path(path, self.root)

    def tree_key(self, site: SiteConfig, atlas: Atlas | None) -> str:
        """`Ledger.tree_globals`: what every generated page depends on."""
        return hash_of(
            code_key(),
            folder_key(self.templates_dir, self.feeds_dir),
            site,
            file_key(Path(atlas.source)) if atlas else None,
        )

    def render(
        self, ledger: Ledger | None = None
    ) -> tuple[SiteConfig, Newsroom, dict[str, Content], dict[str, str]]:
        """Every file of the generated tree, in memory: path -> text (a page), bytes (a
        share card drawn now) or KEPT (a file the tree already has as it must be); and
        the key of each page. With a `ledger`, only what changed is read and rendered."""
        pages: dict[str, Content] = {}
        site, newsroom, keys = self.make(pages.__setitem__, ledger)
        return site, newsroom, pages, keys

    def make(
        self, put: Callable[[str, Content], None], ledger: Ledger | None = None
    ) -> tuple[SiteConfig, Newsroom, dict[str, str]]:
        """Make every file of the generated tree, handing each to `put` as it is made
        (see `render`); the key of each page."""
        site, newsroom = self.load(ledger=ledger)
        atlas = atlas_for(newsroom.stories, self.root, self.map_data)
        kept = None
        if ledger is not None:
            ledger.begin_tree(self.tree_key(site, atlas))
            out = str(self.output_dir)

            def kept(path: str, key: str) -> bool:
                return still(ledger.tree.get(path), key, f"{out}/{path}")

        try:
            rendered = render_site(newsroom, site, self.templates_dir, atlas, kept, put)
            for path, text in render_feeds(newsroom, site, self.feeds_dir).items():
                put(path, text)
        except jinja2.TemplateError as error:
            raise InputError([template_problem(error, self.root)]) from None
        except PathCollision as error:
            raise InputError([Problem(str(self.output_dir), 0, 0, "", str(error))]) from None
        if self.assets_dir.is_dir():
            for asset in sorted(self.assets_dir.rglob("*")):
                if asset.is_file() and not asset.name.startswith("."):
                    relative = asset.relative_to(self.assets_dir).as_posix()
                    put(f"assets/{relative}", asset.read_text(encoding="utf-8"))
        self.share_cards(site, newsroom, put)
        return site, newsroom, rendered.keys

    def share_cards(
        self, site: SiteConfig, newsroom: Newsroom, put: Callable[[str, Content], None]
    ) -> None:
        """Each story's share card: KEPT when the generated tree has it (its name is a
        hash of its inputs), else drawn now (on the machine's cores, a batch at a time)."""
        missing = []
        for story in newsroom.stories:
            card = card_of(story, site)
            path = card_path(card, story)
            if (self.output_dir / path).is_file():
                put(path, KEPT)
            else:
                missing.append((path, card))
        for start in range(0, len(missing), CARDS_AT_ONCE):
            batch = missing[start : start + CARDS_AT_ONCE]
            for (path, _), drawn in zip(batch, fork_map(lambda m: draw_card(m[1]), batch),
                                        strict=True):  # fmt: skip
                put(path, drawn)

    def generate(self, ledger: Ledger | None = None) -> tuple[SiteConfig, Newsroom, TreeStats]:
        """Load and check everything, then render it and write what changed, file by
        file. With a `ledger`, only what changed since it was kept is read and
        rendered, and it then holds the key of every page of the tree.

        Nothing is written when any input has a problem; a template that fails while
        the tree is being written leaves it as it was.
        """
        out, content = self.output_dir.resolve(), self.content_dir.resolve()
        if out == content or content.is_relative_to(out) or out == self.root.resolve():
            raise InputError(
                [
                    Problem(
                        str(self.output_dir),
                        0,
                        0,
                        "docs_dir",
                        "the generated folder must be a folder of its own, "
                        "not the project or the content folder",
                    )
                ]
            )
        writer = TreeWriter(self.output_dir)
        try:
            site, newsroom, keys = self.make(writer.put, ledger)
            stats = writer.finish()
        except BaseException:
            writer.undo()
            raise
        if ledger is not None:
            out, records = str(self.output_dir), {}
            for path, key in keys.items():
                record = ledger.tree.get(path) if path in writer.kept else None
                if record is None or record.key != key:
                    record = made(f"{out}/{path}", key)
                if record is not None:
                    records[path] = record
            ledger.tree = records
        return site, newsroom, stats
