"""The MkDocs plugin: `mkdocs build` and `mkdocs serve` generate the pages themselves.

- on_config: apply `site_config.yml`, check every digest and write the
  Markdown tree into `docs_dir` (only the files whose text changed); add the
  built-in theme's overrides to Material's.
- on_files / on_post_build: the pages outside the global navigation (every story's,
  person's and topic's) are built after MkDocs' own, a folder at a time, on every
  core, and none is kept once written (`later`).
- build: one build of a project at a time (`staging.BuildLock`: a second waits).
  A problem in any input stops the build with located messages and no traceback.
  The site is built into a staging folder of its own beside `site_dir` and
  swapped in only when the whole build succeeded (strict warnings included), so a
  failed build leaves the last good site and the generated tree as they were.
- republish (`mkdocs build --dirty`): the same, but only the pages whose inputs
  changed since the last build are generated and built again (`changes` says which),
  and only the search shards holding a changed page are indexed again. The staging
  folder holds only those, put into the site when the build succeeded
  (`Staging.publish_changes`); without a last site, everything is built and swapped
  in. The site is the same, byte for byte, as a clean build's. The build's ledger is
  kept in `cache_dir`.
- serve: a problem keeps the last good pages, logs the messages and shows them
  in Material's announcement bar until the file is fixed.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import logging
import re
import time
import zlib
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from ..digest.loading import InputError, Problem
from ..digest.schema import SiteConfig
from ..parallel import ChildFailed, in_child
from ..website import theme
from ..website.search import (
    SEARCH_DIR,
    SHARD_SIZE,
    Indexed,
    Placement,
    SearchIndexer,
    index_for_search,
    searched,
)
from .changes import Ledger, Made, built_key, made, site_key, static_key, still
from .finish import SiteFacts, finish_page, inline_scripts, write_headers
from .later import Failed, Job, build_later, hold_back, is_page, sitemap_entries
from .project import Project
from .staging import BuildLock, LockTimeout, Staging
from .tree import restore

log = logging.getLogger("mkdocs.plugins.explainer")


class ExplainerConfig(base.Config):
    content_dir = c.Type(str, default="content")
    """Folder of story digests (`<story-id>.yml`), relative to mkdocs.yml."""
    templates_dir = c.Optional(c.Type(str))
    """Jinja2 templates of the generated Markdown pages (default: the built-in theme's)."""
    assets_dir = c.Optional(c.Type(str))
    """Files copied into the generated tree under `assets/` (default: the built-in ones)."""
    feeds_dir = c.Optional(c.Type(str))
    """Templates of the Atom feed (default: the built-in one)."""
    site_config = c.Type(str, default="site_config.yml")
    """Site-wide settings an editor changes (title, url, language, order)."""
    map_data = c.Optional(c.Type(str))
    """The countries' TopoJSON for the stories' maps (default: npm's `world-atlas`
    installed in `.venv/map-data`; see `website/pictures/atlas.py`)."""
    cache_dir = c.Type(str, default=".cache/explainer")
    """Where a build keeps what the next one needs to redo only what changed (keep it,
    with `docs_dir` and `site_dir`, between CI jobs: README, Republishing)."""
    search_shard_size = c.Type(int, default=SHARD_SIZE)
    """Stories and people per search index shard (`website/search.py`): the indexer's
    memory grows with it, and a reader's first search with the number of shards."""


DIRTY_WARNING = "A 'dirty' build is being performed"


class ExactDirtyBuild(logging.Filter):
    """MkDocs warns that a dirty build may leave navigation and links out of date; with
    this plugin it does not (every page whose inputs changed is built again), so the
    warning, which would stop a `--strict` build, is left out."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith(DIRTY_WARNING)


class Plan:
    """What this build makes of each file of the site, and what it keeps of the last."""

    def __init__(self) -> None:
        self.keys: dict[str, str] = {}
        """Each page or copied file of the site (its path in the site) -> its key."""
        self.kept: set[str] = set()
        """What the last site already holds as it must be (republishing only)."""
        self.scripts: dict[str, tuple[str, ...]] = {}
        """Each page built now -> its inline scripts' hashes."""
        self.distinct: dict[tuple[str, ...], tuple[str, ...]] = {}
        """Each distinct set of script hashes, kept once (most pages share one)."""
        self.packed: dict[str, bytes] = {}
        """Each page read and not yet written -> its HTML, compressed (`on_page_content`)."""


class ExplainerPlugin(BasePlugin[ExplainerConfig]):
    def __init__(self) -> None:
        self.serving = False
        self.dirty = False
        self.problems: list[Problem] = []
        self.previous: dict[Path, bytes | None] = {}
        self.lock: BuildLock | None = None
        self.staging: Staging | None = None  # the build's own folder, while building
        self.mkdocs_config: Any = None
        self.built = False
        self.ledger: Ledger | None = None
        self.plan = Plan()
        self.indexer = SearchIndexer()
        self.site: SiteConfig | None = None  # the last good inputs, kept while serving
        self.facts: SiteFacts | None = None
        self.in_place: list[str] | None = None
        """Republishing in place: the files of the last site to remove (else None)."""
        self.indexed: Indexed | None = None
        self.collector_paused = False
        self.files: Any = None
        self.nav: Any = None
        self.env: Any = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup also keeps this instance alive across `serve` rebuilds.
        self.serving = command == "serve"
        self.dirty = dirty
        if dirty and not self.serving:
            logging.getLogger("mkdocs.commands.build").addFilter(ExactDirtyBuild())

    @property
    def republishing(self) -> bool:
        return self.dirty and not self.serving

    def cache_folder(self, config: Any) -> Path:
        return Path(config.config_file_path).parent / self.config.cache_dir

    def project(self, config: Any) -> Project:
        root = Path(config.config_file_path).parent
        return Project.from_options(root, self.config, Path(config.docs_dir))

    def on_config(self, config: Any) -> Any:
        self.built, self.previous, self.mkdocs_config = False, {}, config
        self.in_place, self.indexed = None, None
        if self.republishing and gc.isenabled():
            # A republish builds a few pages but makes objects for every file and page of
            # the site; Python's cycle collector would go over them again and again (at
            # 10,000 stories, a fifth of the republish). It runs once, before indexing,
            # or from `on_nav` on when most pages are to be built again.
            gc.disable()
            self.collector_paused = True
        overrides = str(theme.overrides_dir())
        if overrides not in config.theme.dirs:
            # after the project's own custom_dir (if any), before Material's templates
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, overrides)
        project = self.project(config)
        self.indexer.shard_size = self.config.search_shard_size
        self.lock = self.lock or BuildLock(project.root)
        try:
            self.lock.acquire(on_wait=lambda message: log.info("explainer: %s", message))
        except LockTimeout as error:
            raise PluginError(f"explainer: {error}") from None
        started = time.perf_counter()
        if self.ledger is None or not self.serving:  # serving keeps its ledger in memory
            self.ledger = Ledger.load(self.cache_folder(config))
            log.info("explainer: build cache read in %.2f s", time.perf_counter() - started)
        self.plan = Plan()
        try:
            if self.serving:  # the ledger keeps the stories read from one rebuild to the next
                site, self.facts, stats = self.generate(project, config)
            else:
                site, self.facts, stats, ledger = in_child(lambda: self.generate(project, config))
                self.ledger.take(ledger)
        except ChildFailed as error:  # killed, for example out of memory
            raise PluginError(f"explainer: generating the pages failed: {error}") from None
        except InputError as error:
            self.problems = error.problems
            message = f"{len(error.problems)} problem(s) in the content:\n{error}"
            if not self.serving:
                raise PluginError(message) from None
            log.error(message + "\nServing the last good pages until this is fixed.")
            return config
        self.problems, self.previous = [], stats.previous
        self.site = site
        log.info(
            "explainer: %d page(s) written, %d unchanged, %d removed in %.2f s",
            stats.written,
            stats.unchanged,
            stats.removed,
            time.perf_counter() - started,
        )
        config.site_name = site.title
        config.site_description = site.description
        if site.url and not self.serving:
            config.site_url = str(site.url)
        config.theme["language"] = site.language
        if not self.serving:
            self.staging, left = Staging.begin(Path(config.site_dir))
            for problem in left:
                log.info("explainer: %s", problem)
            config.site_dir = str(self.staging.folder)
        return config

    def generate(self, project: Project, config: Any) -> tuple:
        """Check every input and write the generated tree: the site's settings, what the
        post-build step needs of the stories (`SiteFacts`) and what was written; outside
        `serve`, also the ledger.

        Outside `serve` this runs in a child process (`parallel.in_child`): it holds
        every story at once, and what it frees the build's process would otherwise keep
        (Python keeps the memory of freed objects when a few live ones are among them)."""
        assert self.ledger is not None
        site, newsroom, stats = project.generate(self.ledger)
        url = str(site.url) if site.url and not self.serving else config.site_url
        facts = SiteFacts.of(site, newsroom, url or None)
        if self.serving:
            return site, facts, stats
        self.ledger.release()  # the stories are in `newsroom` (resolved)
        return site, facts, stats, self.ledger.handed_over()

    def on_files(self, files: Any, *, config: Any) -> Any:
        """The pages outside the global navigation are built after MkDocs' own, a
        folder at a time (`later`)."""
        self.files = hold_back(files, config.nav)
        return self.files

    def on_nav(self, nav: Any, *, config: Any, files: Any) -> Any:
        """Each file's key, and, when republishing, which the last site already holds:
        MkDocs' `--dirty` builds a page only when its file `is_modified()`, which here
        says whether its key changed."""
        self.nav = nav
        if self.serving or self.ledger is None or self.staging is None:
            return nav
        ledger, plan, last = self.ledger, self.plan, self.staging.target
        docs = config.docs_dir
        untitled = [
            (page.file.src_uri, built_key(ledger.tree.get(page.file.src_uri),
                                          Path(page.file.abs_src_path)))
            for page in nav.pages if page.file.src_uri in _untitled(config.nav)
        ]  # fmt: skip
        ledger.begin_site(site_key(
            ledger.tree_globals,
            _config_files(Path(config.config_file_path)),
            [theme.overrides_dir(), theme.metadata_dir(),
             *([Path(config.theme.custom_dir)] if config.theme.custom_dir else [])],
            (config.site_url, untitled, self.config.search_shard_size),
        ))  # fmt: skip
        in_nav = {page.file.src_uri for page in nav.pages}
        last_site = str(last)
        for file in files:
            if is_page(file):
                key = built_key(ledger.tree.get(file.src_uri), f"{docs}/{file.src_uri}")
                keep = file.src_uri not in in_nav  # their titles show on every page
            elif file.abs_src_path is not None and not file.generated_by:
                key, keep = static_key(file.abs_src_path), True
            else:
                continue
            plan.keys[file.dest_uri] = key
            if not self.republishing:
                continue
            if keep and still(ledger.site.get(file.dest_uri), key,
                              f"{last_site}/{file.dest_uri}"):  # fmt: skip
                plan.kept.add(file.dest_uri)
            file.is_modified = _answer(file.dest_uri not in plan.kept)
        if len(plan.kept) < len(plan.keys) / 2:
            self._resume_collector()  # most pages are built again: their garbage is freed
        return nav

    def on_env(self, env: Any, *, config: Any, files: Any) -> Any:
        self.env = env
        env.globals["explainer_sitemap"] = lambda today: sitemap_entries(
            files, config.site_url, today
        )
        return env

    @event_priority(-100)  # after every other plugin's
    def on_page_content(self, html: str, *, page: Any, config: Any, files: Any) -> str:
        """MkDocs reads and converts every page it builds itself (those of the global
        navigation; all of them when `nav` is not configured) before it writes the
        first, holding all their text at once: from here
        until the page is written, its HTML is kept compressed, and its Markdown, which
        nothing reads again, not at all (an empty text, not None: `Page.title` reads
        None as "not read yet")."""
        page.markdown = ""
        self.plan.packed[page.file.src_uri] = zlib.compress(html.encode("utf-8"), 1)
        return ""

    @event_priority(100)  # before every other plugin's
    def on_page_context(self, context: dict, *, page: Any, config: Any, nav: Any) -> dict:
        packed = self.plan.packed.pop(page.file.src_uri, None)
        if packed is not None:
            page.content = zlib.decompress(packed).decode("utf-8")
        context["explainer_problems"] = [str(p) for p in self.problems]
        return context

    def on_post_page(self, output: str, *, page: Any, config: Any) -> str:
        """The post-build step's work on each page, as MkDocs writes it."""
        output = finish_page(output, page.file.dest_uri, self.facts)
        if not self.serving:
            scripts = inline_scripts(output)
            self.plan.scripts[page.file.dest_uri] = self.plan.distinct.setdefault(scripts, scripts)
            # MkDocs keeps every page's text until the build ends; once written, nothing
            # reads it again, and at 100,000 pages it is most of the build's memory.
            page.markdown = page.content = None
        return output

    def _written(self, file: Any) -> tuple[str, ...] | None:
        """What a page built by `later` leaves in its worker's plan: its scripts."""
        return self.plan.scripts.get(file.dest_uri)

    def on_post_template(self, output_content: str, *, template_name: str, config: Any) -> str:
        return finish_page(output_content, template_name, self.facts)  # 404.html

    @event_priority(100)  # before every other plugin's: the later pages are part of the site
    def on_post_build(self, *, config: Any) -> None:
        try:
            job = Job(config, self.files, self.nav, self.env, self.dirty, self._written,
                      serving=self.serving)  # fmt: skip
            written = build_later(job)
        except Failed as error:
            raise PluginError(f"explainer: {error}") from None
        plan = self.plan
        for path, scripts in written:
            if scripts is not None:
                plan.scripts[path] = plan.distinct.setdefault(scripts, scripts)
        if self.serving:
            # A preview shows the edited page at once; its search catches up a moment later.
            self.indexer.placement = self.facts.search if self.facts else Placement()
            self.indexer.request(Path(config.site_dir))
            self._release()
        else:
            self.finish_build(Path(config.site_dir))
        self.built = True

    def finish_build(self, site_dir: Path) -> None:
        """Keep what the last site holds as it must be, index what changed for search,
        write the headers, and record what this build made for the next."""
        ledger, plan, last = self.ledger, self.plan, self.staging.target
        assert ledger is not None
        # only what changed is staged, and put in place at the end; when nothing of the
        # last site is kept, everything was built, and the staged site is swapped in
        in_place = self.republishing and bool(plan.kept)
        if self.republishing:
            removed = [path for path in ledger.site if path not in plan.keys]
            changed = {path for path in plan.keys if path not in plan.kept} | set(removed)
            built = len(plan.keys) - len(plan.kept)
            self.in_place = removed if in_place else None
            log.info("explainer: republished %d of %d file(s), kept %d from %s (%s)",
                     built, len(plan.keys), len(plan.kept), last,
                     "in place" if in_place else "the whole site")  # fmt: skip
        else:
            changed = None
        self._resume_collector()
        give_back_memory()  # Pagefind's runs start now, while MkDocs still holds every page
        self.indexed = index_for_search(
            site_dir,
            shard_size=self.config.search_shard_size,
            changed=changed,
            pages=searched(plan.keys) if in_place else None,
            last=last if in_place else None,
            placement=self.facts.search if self.facts else None,
        )
        site: dict[str, Made] = {}
        folder = str(site_dir)
        for path, key in plan.keys.items():
            if path in plan.kept:  # hard-linked: the same file, as it was recorded
                site[path] = ledger.site[path]
            elif record := made(f"{folder}/{path}", key, plan.scripts.get(path, ())):
                site[path] = record
        ledger.site = site
        write_headers(site_dir, scripts=[h for r in site.values() for h in r.scripts])

    def on_build_error(self, *, error: Exception) -> None:
        """The build failed (strict warnings included): undo what it changed."""
        self._resume_collector()
        self.built = False
        restore(self.previous)
        self.previous = {}
        if self.staging is not None:
            left = self.staging.discard()
            log.error(
                "explainer: build failed; %s and the generated pages are unchanged",
                self.staging.target,
            )
            if left:
                log.error("explainer: %s", left)
            self._unstage()
        self._release()

    def on_shutdown(self) -> None:
        """After a successful build: swap the staged site in."""
        try:
            if self.staging is not None and self.built:
                started = time.perf_counter()
                if self.in_place is not None:
                    left = self._publish_changes(self.in_place)
                    how = f"{len(self.in_place)} file(s) removed"
                else:
                    left = self._swap_in()
                    how = "swapped in, the last one removed"
                log.info(
                    "explainer: site ready in %s (%s, in %.2f s)",
                    self.staging.target,
                    how,
                    time.perf_counter() - started,
                )
                if left:
                    log.warning("explainer: %s", left)
                if self.ledger is not None and self.mkdocs_config is not None:
                    started = time.perf_counter()
                    self.ledger.save(self.cache_folder(self.mkdocs_config))
                    log.info(
                        "explainer: build cache saved in %.2f s", time.perf_counter() - started
                    )
            elif self.staging is not None:
                self.staging.discard()
        finally:
            self._resume_collector()
            self._unstage()
            self._release()

    def _resume_collector(self) -> None:
        if self.collector_paused:
            gc.enable()
            self.collector_paused = False

    def _swap_in(self) -> str | None:
        assert self.staging is not None
        try:
            return self.staging.swap_in()
        except OSError as error:
            self.staging.discard()
            raise PluginError(
                f"explainer: could not put the new site in place of {self.staging.target} "
                f"({error.strerror}: {error.filename}); the last site is unchanged"
            ) from None

    def _publish_changes(self, removed: list[str]) -> str | None:
        assert self.staging is not None and self.indexed is not None
        done = self.indexed
        try:
            return self.staging.publish_changes(
                removed, SEARCH_DIR, done.built, done.removed, done.primary_built
            )
        except OSError as error:
            self.ledger = None  # the site is part old, part new: the next build makes all
            raise PluginError(
                f"explainer: could not put the new files into {self.staging.target} "
                f"({error.strerror}: {error.filename}); build again without --dirty"
            ) from None

    def _unstage(self) -> None:
        """Point MkDocs back at the real site folder (`gh-deploy` reads it after the build)."""
        if self.staging is not None and self.mkdocs_config is not None:
            self.mkdocs_config.site_dir = str(self.staging.target)
        self.staging = None

    def _release(self) -> None:
        if self.lock is not None:
            self.lock.release()

    def on_serve(self, server: Any, *, config: Any, builder: Any) -> Any:
        project = self.project(config)
        # The generated folder is ours: a rebuild we caused must not start another.
        server.unwatch(config.docs_dir)
        for path in (
            project.content_dir,
            project.templates_dir,
            project.assets_dir,
            project.feeds_dir,
            project.site_config_path,
            theme.overrides_dir(),
            *([Path(config.theme.custom_dir)] if config.theme.custom_dir else []),
        ):
            if path.exists():
                server.watch(str(path))
        return server


def give_back_memory() -> None:
    """Return the memory the build freed to the system (what the pages' text took while
    MkDocs wrote them), where the C library can (glibc's `malloc_trim`)."""
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):  # not glibc: it stays with us
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def _answer(value: bool):
    """A file's `is_modified`, as this build decided it."""
    return lambda: value


def _untitled(nav: Any) -> set[str]:
    """The pages of a configured `nav` listed without a title (they take it from the
    page, so a change of it shows on every page)."""
    found: set[str] = set()
    for item in nav or []:
        if isinstance(item, str):
            found.add(item)
        elif isinstance(item, dict):
            for value in item.values():
                if isinstance(value, list):
                    found |= _untitled(value)
    return found


_INHERIT = re.compile(r"^INHERIT:\s*['\"]?([^'\"#\n]+?)['\"]?\s*(?:#.*)?$", re.MULTILINE)


def _config_files(config_file: Path) -> list[Path]:
    """An `mkdocs.yml` and every file it INHERITs from, in order."""
    files: list[Path] = []
    while config_file.is_file() and config_file not in files:
        files.append(config_file)
        found = _INHERIT.search(config_file.read_text(encoding="utf-8", errors="replace"))
        if found is None:
            break
        config_file = (config_file.parent / found[1]).resolve()
    return files
