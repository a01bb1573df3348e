"""The MkDocs plugin: `mkdocs build` and `mkdocs serve` generate the pages themselves.

- on_config: apply `site_config.yml`, check every digest and write the
  Markdown tree into `docs_dir` (only the files whose text changed).
- build: a problem in any input stops the build with located messages and no
  traceback. The site is built into a staging folder beside `site_dir` and
  swapped in only when the whole build succeeded (strict warnings included),
  so a failed build leaves the last good site and the generated tree as they were.
- serve: a problem keeps the last good pages, logs the messages and shows them
  in Material's announcement bar until the file is fixed.
"""

from __future__ import annotations

import logging
import re
import shutil
import time
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from .cache import GenerationCache
from .loading import InputError, Problem
from .metadata import page_metadata
from .pages import SECTIONS, story_dir
from .project import Project
from .schema import SiteConfig, Story
from .search import SearchIndexer, index_for_search
from .tree import restore

log = logging.getLogger("mkdocs.plugins.explainer")
_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input [^>]*type="checkbox"[^>]*?) autocomplete="off"')
titles = {section.slug: section.title for section in SECTIONS}


class ExplainerConfig(base.Config):
    content_dir = c.Type(str, default="content")
    """Folder of story digests (`<story-id>.yml`), relative to mkdocs.yml."""
    templates_dir = c.Type(str, default="theme/pages")
    """Jinja2 templates of the generated Markdown pages."""
    assets_dir = c.Type(str, default="theme/assets")
    """Stylesheets copied into the generated tree under `assets/`."""
    feeds_dir = c.Type(str, default="theme/feeds")
    """Templates of the Atom feed."""
    site_config = c.Type(str, default="site_config.yml")
    """Site-wide settings an editor changes (title, url, language, order)."""


class ExplainerPlugin(BasePlugin[ExplainerConfig]):
    def __init__(self) -> None:
        self.serving = False
        self.dirty = False
        self.problems: list[Problem] = []
        self.previous: dict[Path, bytes | None] = {}
        self.site_dir: Path | None = None  # the real site_dir while building into staging
        self.built = False
        self.cache: GenerationCache | None = None
        self.indexer = SearchIndexer()
        self.site: SiteConfig | None = None  # the last good inputs, kept while serving
        self.stories: dict[str, Story] = {}

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup also keeps this instance alive across `serve` rebuilds.
        self.serving = command == "serve"
        self.dirty = dirty
        self.cache = GenerationCache() if self.serving else None

    def project(self, config: Any) -> Project:
        root = Path(config.config_file_path).parent
        return Project.from_options(root, self.config, Path(config.docs_dir))

    def on_config(self, config: Any) -> Any:
        self.built, self.previous, self.site_dir = False, {}, None
        started = time.perf_counter()
        try:
            site, newsroom, stats = self.project(config).generate(self.cache)
        except InputError as error:
            self.problems = error.problems
            message = f"{len(error.problems)} problem(s) in the content:\n{error}"
            if not self.serving:
                raise PluginError(message) from None
            log.error(message + "\nServing the last good pages until this is fixed.")
            return config
        self.problems, self.previous = [], stats.previous
        self.site, self.stories = site, {story.id: story for story in newsroom.stories}
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
        if not self.serving and not self.dirty:
            self.site_dir = Path(config.site_dir)
            staging = self.staging_dir()
            shutil.rmtree(staging, ignore_errors=True)
            config.site_dir = str(staging)
        return config

    def staging_dir(self) -> Path:
        assert self.site_dir is not None
        return self.site_dir.with_name(f".{self.site_dir.name}.staging")

    def on_page_context(self, context: dict, *, page: Any, config: Any, nav: Any) -> dict:
        context["explainer_problems"] = [str(p) for p in self.problems]
        if self.site is not None:
            story = self.stories.get(page.meta.get("story", ""))
            section = page.meta.get("section")
            title = self.site.title
            if story is not None:
                title = story.title if section == "index" else f"{titles[section]}: {story.title}"
            story_url = None
            if story is not None and config.site_url:
                story_url = urljoin(config.site_url, f"{story_dir(story)}/")
            context["explainer_meta"] = page_metadata(
                self.site, story, section, page.canonical_url, story_url, title
            )
        return context

    def on_post_page(self, output: str, *, page: Any, config: Any) -> str:
        # Material writes autocomplete="off" on its drawer and search toggles (to stop
        # Firefox restoring their state), but HTML allows autocomplete only on text-like
        # inputs: the Nu Html Checker reports it. Those inputs sit outside any template
        # block, so they are mended here.
        # The page is written next and never read again: a thousand-story build holds
        # every page object to its end, so their largest parts are let go here.
        page.content = None
        page.markdown = None
        return _CHECKBOX_AUTOCOMPLETE.sub(r"\1", output)

    def on_post_template(self, output_content: str, *, template_name: str, config: Any) -> str:
        return _CHECKBOX_AUTOCOMPLETE.sub(r"\1", output_content)  # 404.html, as above

    def on_post_build(self, *, config: Any) -> None:
        if self.serving:
            # A preview shows the edited page at once; its search catches up a moment later.
            self.indexer.request(Path(config.site_dir))
        else:
            index_for_search(Path(config.site_dir))
        self.built = True

    def on_build_error(self, *, error: Exception) -> None:
        """The build failed (strict warnings included): undo what it changed."""
        self.built = False
        restore(self.previous)
        self.previous = {}
        if self.cache is not None:
            self.cache.written.clear()  # the disk no longer holds what was written
        if self.site_dir is not None:
            shutil.rmtree(self.staging_dir(), ignore_errors=True)
            log.error(
                "explainer: build failed; %s and the generated pages are unchanged", self.site_dir
            )
            self.site_dir = None

    def on_shutdown(self) -> None:
        """After a successful build: swap the staged site in."""
        if self.site_dir is None or not self.built:
            return
        staging, target = self.staging_dir(), self.site_dir
        old = target.with_name(f".{target.name}.old")
        shutil.rmtree(old, ignore_errors=True)
        if target.exists():
            target.rename(old)
        staging.rename(target)
        shutil.rmtree(old, ignore_errors=True)
        log.info("explainer: site ready in %s", target)
        self.site_dir = None

    def on_serve(self, server: Any, *, config: Any, builder: Any) -> Any:
        project = self.project(config)
        # The generated folder is ours: a rebuild we caused must not start another.
        server.unwatch(config.docs_dir)
        overrides = [Path(config.theme.custom_dir)] if config.theme.custom_dir else []
        for path in (
            project.content_dir,
            project.templates_dir,
            project.assets_dir,
            project.site_config_path,
            *overrides,
        ):
            if path.exists():
                server.watch(str(path))
        return server
