"""The MkDocs plugin: `mkdocs build` and `mkdocs serve` generate the pages themselves.

- on_config: apply `site_config.yml`, check every digest and write the
  Markdown tree into `docs_dir` (only the files whose text changed); add the
  built-in theme's overrides to Material's.
- build: one build of a project at a time (`staging.BuildLock`: a second waits).
  A problem in any input stops the build with located messages and no traceback.
  The site is built into a staging folder of its own beside `site_dir` and
  swapped in only when the whole build succeeded (strict warnings included), so a
  failed build leaves the last good site and the generated tree as they were.
- serve: a problem keeps the last good pages, logs the messages and shows them
  in Material's announcement bar until the file is fixed.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from ..digest.loading import InputError, Problem
from ..digest.schema import SiteConfig
from ..website import theme
from ..website.search import SearchIndexer, index_for_search
from .cache import GenerationCache
from .finish import SiteFacts, finish_page, write_headers
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
        self.cache: GenerationCache | None = None
        self.indexer = SearchIndexer()
        self.site: SiteConfig | None = None  # the last good inputs, kept while serving
        self.facts: SiteFacts | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup also keeps this instance alive across `serve` rebuilds.
        self.serving = command == "serve"
        self.dirty = dirty
        self.cache = GenerationCache() if self.serving else None

    def project(self, config: Any) -> Project:
        root = Path(config.config_file_path).parent
        return Project.from_options(root, self.config, Path(config.docs_dir))

    def on_config(self, config: Any) -> Any:
        self.built, self.previous, self.mkdocs_config = False, {}, config
        overrides = str(theme.overrides_dir())
        if overrides not in config.theme.dirs:
            # after the project's own custom_dir (if any), before Material's templates
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, overrides)
        project = self.project(config)
        self.lock = self.lock or BuildLock(project.root)
        try:
            self.lock.acquire(on_wait=lambda message: log.info("explainer: %s", message))
        except LockTimeout as error:
            raise PluginError(f"explainer: {error}") from None
        started = time.perf_counter()
        try:
            site, newsroom, stats = project.generate(self.cache)
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
        self.facts = SiteFacts.of(site, newsroom, config.site_url or None)
        if not self.serving and not self.dirty:
            self.staging, left = Staging.begin(Path(config.site_dir))
            for problem in left:
                log.info("explainer: %s", problem)
            config.site_dir = str(self.staging.folder)
        return config

    def on_page_context(self, context: dict, *, page: Any, config: Any, nav: Any) -> dict:
        context["explainer_problems"] = [str(p) for p in self.problems]
        return context

    def on_post_page(self, output: str, *, page: Any, config: Any) -> str:
        """The post-build step's work on each page, as MkDocs writes it."""
        return finish_page(output, page.file.dest_uri, self.facts)

    def on_post_template(self, output_content: str, *, template_name: str, config: Any) -> str:
        return finish_page(output_content, template_name, self.facts)  # 404.html

    def on_post_build(self, *, config: Any) -> None:
        if self.serving:
            # A preview shows the edited page at once; its search catches up a moment later.
            self.indexer.request(Path(config.site_dir))
            self._release()
        else:
            index_for_search(Path(config.site_dir))
            write_headers(Path(config.site_dir))
        self.built = True

    def on_build_error(self, *, error: Exception) -> None:
        """The build failed (strict warnings included): undo what it changed."""
        self.built = False
        restore(self.previous)
        self.previous = {}
        if self.cache is not None:
            self.cache.written.clear()  # the disk no longer holds what was written
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
                try:
                    left = self.staging.swap_in()
                except OSError as error:
                    self.staging.discard()
                    raise PluginError(
                        f"explainer: could not put the new site in place of "
                        f"{self.staging.target} ({error.strerror}: {error.filename}); "
                        "the last site is unchanged"
                    ) from None
                log.info("explainer: site ready in %s", self.staging.target)
                if left:
                    log.warning("explainer: %s", left)
            elif self.staging is not None:
                self.staging.discard()
        finally:
            self._unstage()
            self._release()

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
