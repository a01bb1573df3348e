"""Site search: the Pagefind index of the built site.

Pagefind writes a static index split into fragments that the browser fetches only
when a reader searches (`theme/assets/search.js` drives Material's search box).
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

from mkdocs.exceptions import PluginError

log = logging.getLogger("mkdocs.plugins.explainer")

SEARCH_ROOT = "article.md-content__inner"
SEARCH_EXCLUDE = ".ex-story-nav, .ex-pager, .ex-meta, .headerlink"
SEARCH_PAGES = (
    "{index.html,about/index.html,topics/index.html,people/index.html,people/page/*/index.html,"
    "people/*/index.html,stories/*/index.html,stories/*/{actors,quotes,responses,questions}/index.html}"
)
"""What search covers: each story's summary, actors, quotes, responses and open questions,
and the first page of every person. The timeline, places, sources, topic pages and
later pages of a person repeat what these hold; leaving them out keeps the indexer
under 1 GiB of memory at a thousand stories."""


SEARCH_DIR = "pagefind"


def index_for_search(
    site_dir: Path, shard_size: int = 500, changed: set[str] | None = None, background: bool = False
) -> None:
    """Build the Pagefind index into `site_dir/pagefind/`, from each page's article only.

    In the background (while serving) it runs on one thread at the lowest priority."""
    started = time.perf_counter()
    if (site_dir / SEARCH_DIR).exists():
        shutil.rmtree(site_dir / SEARCH_DIR)  # (interim: the whole index again)
    env = {**os.environ, "RAYON_NUM_THREADS": "1"} if background else None
    command = [
        sys.executable, "-m", "pagefind", "--site", str(site_dir), "--quiet",
        "--root-selector", SEARCH_ROOT, "--exclude-selectors", SEARCH_EXCLUDE,
        "--glob", SEARCH_PAGES,
    ]  # fmt: skip
    if background and shutil.which("nice"):
        command = ["nice", "-n", "19", *command]
    result = subprocess.run(command, capture_output=True, text=True, check=False, env=env)
    if result.returncode != 0:
        raise PluginError(f"explainer: the search index failed:\n{result.stderr or result.stdout}")
    log.info("explainer: search index built in %.2f s", time.perf_counter() - started)


class SearchIndexer:
    """Indexes in the background while serving: once saves have stopped for a moment,
    one run at a time, at the lowest priority, so it never slows the next rebuild."""

    QUIET = 3.0  # seconds without a rebuild before indexing

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._site_dir: Path | None = None
        self._due = 0.0
        self._thread: threading.Thread | None = None

    def request(self, site_dir: Path) -> None:
        with self._lock:
            self._site_dir, self._due = site_dir, time.monotonic() + self.QUIET
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, daemon=True)
                self._thread.start()

    def _run(self) -> None:
        while True:
            with self._lock:
                wait = self._due - time.monotonic()
                site_dir = self._site_dir
                if wait <= 0:
                    self._site_dir = None
                    if site_dir is None:
                        self._thread = None
                        return
            if wait > 0:
                time.sleep(wait)
                continue
            try:
                index_for_search(site_dir, background=True)
            except PluginError as error:
                log.warning("%s", error)
            except Exception as error:  # the preview's search must outlive any one failure
                log.warning("explainer: the search index failed (%s: %s); it is built "
                            "again after the next change", type(error).__name__, error)  # fmt: skip
