"""Site search: the Pagefind index of the built site, built in shards.

Pagefind writes a static index split into fragments that the browser fetches only
when a reader searches (`theme/assets/search.js` drives Material's search box).

One Pagefind run over the whole site needs memory in proportion to the site (540 MiB
at 1,000 stories of made-up news), so the index is built in pieces whose size does not
grow with it:

- every indexed page belongs to a unit: a story (`stories/<id>/...`), a person
  (`people/<id>/`), or the site itself (home, about, the people index's first page);
- the site's own pages are the primary index, in `pagefind/` with `pagefind.js`;
- stories and people are spread over shards by date, `pagefind/shards/<first>-<last>/`
  (`plan`): a story by its publication date, a person with the first story (by id)
  they are in (`Placement`), because a correction to a story changes its people's
  pages too, and one shard is then indexed again instead of one for each of its
  people. Each year is one shard, halved in time while a part holds more than
  `shard_size` units (one day that still does is split by the crc32 of its units).
  Whether a part is split depends on its own units only, so adding, correcting or
  removing a story changes its own shard (two when a part splits or joins again)
  and moves no other unit. A site of at most `shard_size` units has no shards:
  everything is in the primary, as before (one index, nothing to merge);
- `pagefind/shards.json` (deterministic) lists the shards newest first; the browser
  merges them into the primary with Pagefind's `mergeIndex` (which reuses the
  primary's WebAssembly, so a shard keeps only what a merged index reads) newest
  first and only as far as a search needs: until a query has a page of results, or
  when a reader asks for older stories. A first search reads the newest shard, not
  all of them.

An index's own pages are its digest in the manifest: an index whose pages, settings or
folder changed since the manifest was written is indexed again, and so is one holding
a page named in `changed`. Nothing is written in place (the site folder may be a
hard-linked copy of the published site): a folder Pagefind writes into is removed
first, and the manifest is replaced whole.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import logging
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import zlib
from collections.abc import Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from mkdocs.exceptions import PluginError

from .paths import PEOPLE_DIR, STORIES_DIR

log = logging.getLogger("mkdocs.plugins.explainer")

SEARCH_ROOT = "article.md-content__inner"
SEARCH_EXCLUDE = ".ex-story-nav, .ex-pager, .ex-meta, .headerlink"
SITE_PAGES = (
    "index.html",
    "about/index.html",
    "people/index.html",
)
"""The site's own pages that search covers (the primary index, which every search
reads). Not the lists of links to pages search has: the topics index and the people
index's later pages. At 10,000 stories they made the primary's index chunks twice a
shard's, and a search for a topic's name fetched the whole topics index (52 KB)."""
STORY_PAGES = (
    "index.html",
    "actors/index.html",
    "quotes/index.html",
    "responses/index.html",
    "questions/index.html",
)
"""A story's pages that search covers, below `stories/<id>/`."""
PERSON_PAGES = ("index.html",)
"""A person's pages that search covers, below `people/<id>/` (the first page only)."""
SEARCH_GLOBS = (
    *SITE_PAGES,
    *(f"{PEOPLE_DIR}/*/{page}" for page in PERSON_PAGES),
    *(f"{STORIES_DIR}/*/{page}" for page in STORY_PAGES),
)
SEARCH_PAGES = "{" + ",".join(SEARCH_GLOBS) + "}"
"""What search covers, as one glob: each story's summary, actors, quotes, responses and
open questions, and the first page of every person. The timeline, places, sources,
topic pages and later pages of a person repeat what these hold."""

SEARCH_DIR = "pagefind"
"""The index's folder in the site (a name `paths.RESERVED_NAMES` keeps from ids)."""
SHARDS_DIR = "shards"
MANIFEST = "shards.json"
SHARD_SIZE = 2000
"""Stories and people a shard holds on average (the plugin's `search_shard_size`). On
made-up news, Pagefind needs about 55 MiB for 500 (about 530 pages), 144 MiB for 2,000,
where one run over 1,000 stories (5,500 units) needed 540 MiB; but each shard adds an
index chunk (about 25 KB) per word to a reader's first search, so 2,000 keeps a site of
up to 2,000 units in one index and the number of shards small."""
PARALLEL = 1
"""Pagefind runs at a time: each already uses every core, and MkDocs still holds every
page of the site while they run, so a second run's memory is added to the build's peak
(at 10,000 made-up stories, about 150 MiB on top of 1.2 GiB)."""
MERGED_READS = ("pagefind-entry.json", "index", "fragment", "filter")
"""What the browser reads of a merged index, besides its `*.pf_meta`: the rest of
Pagefind's bundle (its scripts, UI and WebAssembly) is the primary's alone."""
LAYOUT = 3
"""The manifest's format and the shards' layout: a new one indexes everything again."""


@dataclass(frozen=True)
class Index:
    """One Pagefind index: the primary (`name` "") or a shard, and the pages it holds."""

    name: str
    pages: tuple[str, ...]
    span: tuple[str, str] | None = None
    """A shard's first and last day (ISO dates), None for the primary and undated units."""

    @property
    def path(self) -> str:
        """Its folder, relative to `pagefind/`."""
        return f"{SHARDS_DIR}/{self.name}/" if self.name else ""

    @property
    def digest(self) -> str:
        return hashlib.sha256("\n".join(self.pages).encode("utf-8")).hexdigest()[:16]


@dataclass
class Indexed:
    """What a run did: the indexes built, kept as they were, and removed."""

    primary_built: bool = False
    built: list[str] = field(default_factory=list)
    """The shards built."""
    kept: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def indexed_pages(site_dir: Path) -> list[str]:
    """Every built page search covers (SEARCH_PAGES), site-relative, sorted."""
    found = {
        path.relative_to(site_dir).as_posix()
        for pattern in SEARCH_GLOBS
        for path in site_dir.glob(pattern)
        if path.is_file()
    }
    return sorted(found)


SEARCHED = re.compile("|".join(re.escape(glob).replace(r"\*", "[^/]*") for glob in SEARCH_GLOBS))
"""SEARCH_GLOBS as one pattern (`*` within one folder, as in Pagefind's globs)."""


def searched(paths: Iterable[str]) -> list[str]:
    """Of a site's files (site-relative), those search covers, sorted."""
    return sorted(path for path in paths if SEARCHED.fullmatch(path))


def unit_of(page: str) -> str | None:
    """The story or person a page belongs to (`stories/<id>`, `people/<id>`), or None
    for the site's own pages (which include the people index's later pages)."""
    parts = page.split("/")
    if len(parts) >= 3 and parts[0] == STORIES_DIR:
        return f"{STORIES_DIR}/{parts[1]}"
    if len(parts) == 3 and parts[0] == PEOPLE_DIR and parts[1] != "page":
        return f"{PEOPLE_DIR}/{parts[1]}"
    return None


def shard_count(units: int, shard_size: int) -> int:
    """K: 1 (no shards) up to `shard_size` units, else the power of two that keeps the
    average part at or under `shard_size`."""
    if shard_size < 1:
        raise PluginError(f"explainer: the search shard size must be at least 1, not {shard_size}")
    if units <= shard_size:
        return 1
    return 2 ** math.ceil(math.log2(math.ceil(units / shard_size)))


def shard_of(unit: str, count: int) -> int:
    """A unit's part of a crowded day: crc32 is stable across runs and machines
    (Python's hash is not)."""
    return zlib.crc32(unit.encode("utf-8")) % count


@dataclass(frozen=True)
class Placement:
    """What places a unit in a shard besides its pages (`SiteFacts.search`)."""

    anchors: Mapping[str, str] = field(default_factory=dict)
    """Units that go into another unit's shard: a person into their first story's, so
    that what changes together is indexed together."""
    dates: Mapping[str, dt.date] = field(default_factory=dict)
    """A story's date (its first publication): its shard's time. A unit without one
    (nor an anchor with one) goes into the undated shards, searched last."""

    def date_of(self, unit: str) -> dt.date | None:
        return self.dates.get(self.anchors.get(unit, unit))


def _day(ordinal: int) -> str:
    return dt.date.fromordinal(ordinal).strftime("%Y%m%d")


def _iso(ordinal: int) -> str:
    return dt.date.fromordinal(ordinal).isoformat()


def _parts(
    units: list[tuple[int, str]], first: int, end: int, shard_size: int
) -> Iterable[tuple[str, list[tuple[int, str]]]]:
    """The shards of `units` (day ordinal, unit) dated from `first` to before `end`,
    newest first, each with its name: halved in time while a part holds more than
    `shard_size`; a single day that still does is split by crc32."""
    if len(units) <= shard_size:
        yield f"{_day(first)}-{_day(end - 1)}", units
    elif end - first == 1:
        count = shard_count(len(units), shard_size)
        crowd: dict[int, list[tuple[int, str]]] = {}
        for day, unit in units:
            crowd.setdefault(shard_of(unit, count), []).append((day, unit))
        for n in sorted(crowd):
            yield f"{_day(first)}-{_day(first)}-{n + 1}of{count}", crowd[n]
    else:
        middle = (first + end) // 2
        later = [u for u in units if u[0] >= middle]
        earlier = [u for u in units if u[0] < middle]
        if later:
            yield from _parts(later, middle, end, shard_size)
        if earlier:
            yield from _parts(earlier, first, middle, shard_size)


def plan(pages: Iterable[str], shard_size: int, placement: Placement | None = None) -> list[Index]:
    """The primary, then the non-empty shards newest first, from the indexed pages
    (see the module's docstring); undated units last, by crc32."""
    placement = placement or Placement()
    site: list[str] = []
    units: dict[str, list[str]] = {}
    for page in pages:
        unit = unit_of(page)
        (site if unit is None else units.setdefault(unit, [])).append(page)
    if shard_count(len(units), shard_size) == 1:
        return [Index("", tuple(sorted(site + [p for ps in units.values() for p in ps])))]
    years: dict[int, list[tuple[int, str]]] = {}
    undated: list[str] = []
    for unit in units:
        day = placement.date_of(unit)
        if day is None:
            undated.append(unit)
        else:
            years.setdefault(day.year, []).append((day.toordinal(), unit))
    indexes = [Index("", tuple(sorted(site)))]
    for year in sorted(years, reverse=True):
        first, end = dt.date(year, 1, 1).toordinal(), dt.date(year + 1, 1, 1).toordinal()
        for name, members in _parts(years[year], first, end, shard_size):
            days = [day for day, _ in members]
            span = (_iso(min(days)), _iso(max(days)))
            indexes.append(Index(name, _pages_of([u for _, u in members], units), span))
    count = shard_count(len(undated), shard_size)
    crowd: dict[int, list[str]] = {}
    for unit in undated:
        crowd.setdefault(shard_of(unit, count), []).append(unit)
    for n in sorted(crowd):
        name = "undated" if count == 1 else f"undated-{n + 1}of{count}"
        indexes.append(Index(name, _pages_of(crowd[n], units)))
    return indexes


def _pages_of(members: list[str], units: dict[str, list[str]]) -> tuple[str, ...]:
    return tuple(sorted(page for unit in members for page in units[unit]))


def settings() -> str:
    """What else an index depends on: a change in any of these indexes everything again."""
    try:
        version = metadata.version("pagefind")
    except metadata.PackageNotFoundError:
        version = "unknown"
    return f"{LAYOUT} {version} {SEARCH_ROOT} | {SEARCH_EXCLUDE}"


def read_manifest(root: Path) -> dict | None:
    """The last run's manifest, or None when there is none it can trust."""
    try:
        manifest = json.loads((root / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return (
        manifest if isinstance(manifest, dict) and manifest.get("settings") == settings() else None
    )


def manifest_text(indexes: list[Index]) -> str:
    """The manifest: the browser reads `shards` in order (newest first), each one's
    `path` (relative to this file) and `from`, its first day (null when undated)."""
    primary, shards = indexes[0], indexes[1:]
    data = {
        "settings": settings(),
        "primary": {"digest": primary.digest, "pages": len(primary.pages)},
        "shards": [
            {
                "name": s.name,
                "path": s.path,
                "digest": s.digest,
                "pages": len(s.pages),
                "from": s.span[0] if s.span else None,
                "to": s.span[1] if s.span else None,
            }
            for s in shards
        ],
    }
    return json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def _replace_text(path: Path, text: str) -> None:
    """Write `path` as a new file (never into the old one, which may be hard-linked)."""
    with tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", dir=path.parent, prefix=f".{path.name}.", delete=False
    ) as tmp:
        tmp.write(text)
    os.replace(tmp.name, path)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()


def _is_stale(index: Index, root: Path, previous: dict | None, changed: set[str] | None) -> bool:
    if changed is None or previous is None:
        return True
    if not (root / index.path / "pagefind-entry.json").is_file():
        return True
    if index.name:
        before = {s.get("name"): s.get("digest") for s in previous.get("shards", [])}
    else:
        before = {"": (previous.get("primary") or {}).get("digest")}
    return before.get(index.name) != index.digest or not changed.isdisjoint(index.pages)


def _clear_primary(root: Path) -> None:
    """Remove the primary's own files, leaving the shards."""
    for entry in root.iterdir():
        if entry.name != SHARDS_DIR:
            _remove(entry)


def _keep_merged_reads(folder: Path) -> None:
    """Drop what a merged shard never has fetched (about 0.6 MB of scripts and wasm)."""
    for entry in folder.iterdir():
        if entry.name not in MERGED_READS and not entry.name.endswith(".pf_meta"):
            _remove(entry)


def run_pagefind(site_dir: Path, index: Index, background: bool) -> None:
    """One Pagefind run over `index`'s pages into its folder (which must not exist).

    Its settings go in a `pagefind.json` of a folder of its own, its working folder:
    a shard's list of pages can be longer than one command-line argument may be, and
    no `pagefind.yml` of the project is read by chance."""
    output = site_dir / SEARCH_DIR / index.path
    config = {
        "site": str(site_dir.resolve()),
        "output_path": str(output.resolve()),
        "glob": "{" + ",".join(index.pages) + "}",
        "root_selector": SEARCH_ROOT,
        "exclude_selectors": [s.strip() for s in SEARCH_EXCLUDE.split(",")],
    }
    env = {**os.environ, "RAYON_NUM_THREADS": "1"} if background else None
    command = [sys.executable, "-m", "pagefind", "--quiet"]
    if background and shutil.which("nice"):
        command = ["nice", "-n", "19", *command]
    with tempfile.TemporaryDirectory(prefix="explainer-pagefind-") as work:
        (Path(work) / "pagefind.json").write_text(json.dumps(config), encoding="utf-8")
        result = subprocess.run(
            command, cwd=work, capture_output=True, text=True, check=False, env=env
        )
    if result.returncode != 0:
        which = f"shard {index.name}" if index.name else "the site's own pages"
        raise PluginError(
            f"explainer: the search index failed ({which}):\n{result.stderr or result.stdout}"
        )
    if index.name:
        _keep_merged_reads(output)


def run_all(site_dir: Path, indexes: list[Index], background: bool) -> None:
    """Pagefind over each index, PARALLEL at a time (one in the background); the first
    failure stops the runs not yet started."""
    with ThreadPoolExecutor(max_workers=1 if background else PARALLEL) as pool:
        futures = [pool.submit(run_pagefind, site_dir, i, background) for i in indexes]
        try:
            for future in futures:
                future.result()
        finally:
            for future in futures:
                future.cancel()


def index_for_search(
    site_dir: Path,
    shard_size: int = SHARD_SIZE,
    changed: set[str] | None = None,
    background: bool = False,
    pages: list[str] | None = None,
    last: Path | None = None,
    placement: Placement | None = None,
) -> Indexed:
    """Build the Pagefind index into `site_dir/pagefind/`, from each page's article only.

    `changed=None` indexes everything; else `changed` holds the site-relative paths of
    the pages rendered again (`stories/x/quotes/index.html`), and only the indexes that
    hold one of them, or whose pages or folder changed, are built again. The result is
    the same, byte for byte, either way. In the background (while serving) it runs one
    Pagefind at a time, on one thread, at the lowest priority.

    `pages`: the pages search covers, when the caller knows them (else `site_dir` is
    searched for them). `last`: the published site that `site_dir` only adds to (a
    republish in place, `Staging.publish_changes`): the last indexes are read there and
    stay there; `site_dir` gets the indexes built again and the manifest, and the pages
    they need from `last` (hard-linked); `Indexed.removed` names the shards to remove.
    `placement`: see `plan`."""
    started = time.perf_counter()
    root = site_dir / SEARCH_DIR
    before = (last or site_dir) / SEARCH_DIR
    indexes = plan(indexed_pages(site_dir) if pages is None else pages, shard_size, placement)
    previous = read_manifest(before) if changed is not None else None
    if previous is None:
        changed = None
    stale = [i for i in indexes if _is_stale(i, before, previous, changed)]
    names = {i.name for i in stale}
    done = Indexed("" in names, [i.name for i in stale if i.name])
    done.kept = [i.name for i in indexes if i.name and i.name not in names]
    shards = {i.name for i in indexes if i.name}
    done.removed = _gone_shards(before, shards)
    if last is not None:  # a folder of its own: nothing of the last indexes is in it
        _link_pages(last, site_dir, [page for index in stale for page in index.pages])
        root.mkdir(exist_ok=True)
    elif changed is None:
        _remove(root)
    else:
        for name in done.removed:
            _remove(root / SHARDS_DIR / name)
        for leftover in [root / MANIFEST, *root.glob(f".{MANIFEST}.*")]:
            _remove(leftover)  # none until every index is right: a run cut short indexes all
        if "" in names:
            _clear_primary(root)
        for index in stale:
            if index.name:
                _remove(root / index.path)
    run_all(site_dir, stale, background)
    if len(indexes) == 1:
        _remove(root / SHARDS_DIR)
    _replace_text(root / MANIFEST, manifest_text(indexes))
    log.info(
        "explainer: search index built in %.2f s: %d shard(s) indexed, %d kept, %d removed; "
        "the site's own pages %s",
        time.perf_counter() - started,
        len(done.built),
        len(done.kept),
        len(done.removed),
        "indexed" if done.primary_built else "kept",
    )
    return done


def _link_pages(last: Path, site_dir: Path, pages: list[str]) -> None:
    """Hard-link into `site_dir` the pages it lacks that `last` has (what an index built
    again reads of the pages not built again)."""
    made: set[str] = set()
    for page in pages:
        target = site_dir / page
        if page in made or target.exists():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(FileNotFoundError):
            os.link(last / page, target)
        made.add(page)


def _gone_shards(root: Path, names: set[str]) -> list[str]:
    """The folders of shards the plan no longer has (a K change: every one)."""
    folder = root / SHARDS_DIR
    if not folder.is_dir():
        return []
    return sorted(e.name for e in folder.iterdir() if e.name not in names)


class SearchIndexer:
    """Indexes in the background while serving: once saves have stopped for a moment,
    one run at a time, at the lowest priority, so it never slows the next rebuild.
    The pages changed by the requests since the last run are indexed together."""

    QUIET = 3.0  # seconds without a rebuild before indexing

    def __init__(self, shard_size: int = SHARD_SIZE) -> None:
        self.shard_size = shard_size
        self.placement = Placement()
        """See `plan`: set by the plugin with each rebuild's facts."""
        self._lock = threading.Lock()
        self._site_dir: Path | None = None
        self._changed: set[str] | None = None
        self._due = 0.0
        self._thread: threading.Thread | None = None

    def request(self, site_dir: Path, changed: set[str] | None = None) -> None:
        """Index `site_dir` soon: only what `changed` touches, or all of it (None)."""
        with self._lock:
            if self._site_dir is None:
                self._changed = None if changed is None else set(changed)
            elif self._site_dir != site_dir or changed is None or self._changed is None:
                self._changed = None
            else:
                self._changed |= changed
            self._site_dir, self._due = site_dir, time.monotonic() + self.QUIET
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, daemon=True)
                self._thread.start()

    def _run(self) -> None:
        while True:
            with self._lock:
                wait = self._due - time.monotonic()
                site_dir, changed = self._site_dir, self._changed
                if wait <= 0:
                    self._site_dir, self._changed = None, None
                    if site_dir is None:
                        self._thread = None
                        return
            if wait > 0:
                time.sleep(wait)
                continue
            try:
                index_for_search(
                    site_dir, self.shard_size, changed, background=True, placement=self.placement
                )
            except PluginError as error:
                log.warning("%s", error)
            except Exception as error:  # the preview's search must outlive any one failure
                log.warning("explainer: the search index failed (%s: %s); it is built "
                            "again after the next change", type(error).__name__, error)  # fmt: skip
