"""The pages outside the global navigation, built after the builder's own, a folder at a time.

MkDocs reads and converts every page before it writes the first, and keeps a `Page`
for each until the build ends. Only the pages of the global navigation need that
(every page shows their titles); a story's, a person's or a topic's pages do not.

- `hold_back` (from `on_files`): those pages become `LaterFile`s. Links still find
  them (their address is known) and the build's ledger still keys them, but the
  builder's own loops do not read, build or copy them.
- `build_later` (from `on_post_build`, before the search index): they are built here,
  a folder at a time, in forked workers (`parallel.fork_map`). Each folder goes through
  the builder's own steps (`_populate_page`, then `_build_page`, then its anchor links
  checked), so every plugin's page events run as for any page. Each page is dropped
  once its folder is written: the build's process holds no page, and the pages are
  built on all the machine's cores.
- What a worker logs is sent back and logged again by the build, so it is shown once
  and a `--strict` build counts its warnings. A page that fails stops the build with
  the builder's own message.
- Anchor links are checked within a folder (a story's pages link to each other's
  anchors). An anchor link to another folder's page is not checked, as MkDocs does not
  check one to a page it did not build (`--dirty`).
- The sitemap lists them too (`theme/overrides/sitemap.xml`, through `sitemap_entries`).
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import groupby
from typing import Any
from urllib.parse import urljoin

from mkdocs.structure.files import File, Files, InclusionLevel

from ..parallel import LogCapture, fork_map, log_again

SHOWN_FAILURES = 3
"""Folders whose failure is shown: a broken template fails them all, and the first say why."""


class LaterFile(File):
    """A page of the site that the builder's own loops leave to `build_later`."""

    def is_documentation_page(self) -> bool:
        return False

    def is_static_page(self) -> bool:
        return False

    def is_media_file(self) -> bool:
        return False

    def copy_file(self, dirty: bool = False) -> None:
        """Built by `build_later`, not copied."""


def is_page(file: File) -> bool:
    """A page of the site, whoever builds it."""
    return isinstance(file, LaterFile) or file.is_documentation_page()


def hold_back(files: Files, nav: list | None) -> Files:
    """`files`, each page that `nav` (the configured navigation) does not list made a
    `LaterFile`, in the same order. Without a configured navigation, every page is in it."""
    if nav is None:
        return files
    listed = _listed(nav)
    return Files([_later(file) if _held_back(file, listed) else file for file in files])


def _held_back(file: File, listed: set[str]) -> bool:
    return file.is_documentation_page() and file.src_uri not in listed and not file.generated_by


def _later(file: File) -> LaterFile:
    return LaterFile(
        file.src_uri,
        file.src_dir,
        file.dest_dir,
        file.use_directory_urls,
        dest_uri=file.dest_uri,
        inclusion=file.inclusion,
    )


def later_files(files: Files) -> list[LaterFile]:
    return [file for file in files if isinstance(file, LaterFile)]


def sitemap_entries(files: Files, site_url: str | None, today: str) -> Iterator[tuple[str, str]]:
    """The sitemap's address and date of every page, in the order of `files`, as MkDocs'
    sitemap gives them: a page built by the builder from its `Page`, a later page (which
    has none yet) as its `Page` would (none without a `site_url`), dated `today`."""
    base = site_url if not site_url or site_url.endswith("/") else site_url + "/"
    for file in files:
        if isinstance(file, LaterFile):
            if base and file.inclusion.is_included():
                yield urljoin(base, file.url), today
        elif file.is_documentation_page() and file.inclusion.is_included():
            page = file.page
            if page is not None and not page.is_link and (page.canonical_url or page.abs_url):
                yield page.canonical_url or page.abs_url, page.update_date


@dataclass
class Built:
    """What a folder's build sends back to the build's process."""

    results: list[tuple[str, Any]] = field(default_factory=list)
    records: list[tuple[str, int, str]] = field(default_factory=list)
    error: str | None = None


@dataclass
class Job:
    """What every folder's build needs, inherited by the forked workers."""

    config: Any
    files: Files
    nav: Any
    env: Any
    dirty: bool
    after: Callable[[File], Any]
    """Called once each page is written: what the build's process needs of it."""
    serving: bool = False
    """Under `mkdocs serve`, pages excluded from the site (`draft_docs`) are built too."""
    parent: int = field(default_factory=os.getpid)
    pages: list[File] = field(init=False)
    """The pages the builder built itself (a page's template may list them)."""

    def __post_init__(self) -> None:
        self.pages = self.files.documentation_pages(inclusion=self.inclusion)

    def inclusion(self, level: InclusionLevel) -> bool:
        return level.is_in_serve() if self.serving else level.is_included()

    def builder(self) -> tuple[Any, Any]:
        """The running builder's own build module and Page class (MkDocs' or ProperDocs')."""
        root = type(self.config).__module__.split(".")[0]
        build = importlib.import_module(f"{root}.commands.build")
        pages = importlib.import_module(f"{root}.structure.pages")
        return build, pages.Page


class Failed(Exception):
    """A later page could not be built; the builder has logged why."""


def build_later(job: Job) -> list[tuple[str, Any]]:
    """Build every later page that needs it (all, or under `--dirty` the modified
    ones); each page's `job.after`, by its path in the site. Failed if one failed."""
    todo = sorted(
        (
            f
            for f in later_files(job.files)
            if job.inclusion(f.inclusion) and (not job.dirty or f.is_modified())
        ),
        key=_folder,
    )
    folders = [list(files) for _, files in groupby(todo, key=_folder)]
    results: list[tuple[str, Any]] = []
    failed: list[str] = []
    for built in fork_map(lambda folder: _build_folder(job, folder), folders):
        if built.error is not None:
            failed.append(built.error)
            if len(failed) > SHOWN_FAILURES:
                continue  # a broken template fails every folder: the first few say why
        log_again(built.records)
        results += built.results
    if failed:
        more = len(failed) - SHOWN_FAILURES
        raise Failed(
            f"a page could not be built: {failed[0]}"
            + (f" (and {more} more folder(s) of pages failed)" if more > 0 else "")
        )
    return results


def _build_folder(job: Job, folder: list[File]) -> Built:
    build, page_class = job.builder()
    config = job.config
    built = Built()
    capture = LogCapture(built.records) if os.getpid() != job.parent else None
    try:
        for file in folder:
            page_class(None, file, config)
            build._populate_page(file.page, config, job.files, job.dirty)
        for file in folder:
            build._build_page(
                file.page, config, job.pages, job.nav, job.env, job.dirty,
                excluded=file.inclusion.is_excluded(),
            )  # fmt: skip
            built.results.append((file.dest_uri, job.after(file)))
        for file in folder:
            file.page.validate_anchor_links(
                files=job.files, log_level=config.validation.links.anchors
            )
    except Exception as error:  # the builder has logged which page and why
        built.error = str(error) or type(error).__name__
    finally:
        for file in folder:
            file.page = None
        if capture is not None:
            capture.stop()
    return built


def _folder(file: File) -> str:
    return file.src_uri.rpartition("/")[0]


def _listed(nav: list) -> set[str]:
    """Every page a configured navigation lists."""
    found: set[str] = set()
    for item in nav:
        if isinstance(item, str):
            found.add(item)
        elif isinstance(item, dict):
            for value in item.values():
                if isinstance(value, str):
                    found.add(value)
                elif isinstance(value, list):
                    found |= _listed(value)
    return found
