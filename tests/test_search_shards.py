"""Search in shards (`website/search.py`): a made-up site of eight stories whose index is
built with two units (stories, people) a shard, so that it has many shards. Searched in
Chromium through the site's own search box; indexed twice, again after one page
changed, after a story went away, with another shard count, in a hard-linked copy of
a published site, and by the indexer that runs under `mkdocs serve`."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.news_corpus import make_news_corpus
from generator.builders.finish import HASHED, search_placement, write_headers
from generator.builders.project import Project
from generator.digest.register import load_story
from generator.website.search import (
    MANIFEST,
    SEARCH_EXCLUDE,
    SEARCH_PAGES,
    SEARCH_ROOT,
    Placement,
    SearchIndexer,
    index_for_search,
    indexed_pages,
    plan,
    unit_of,
)

from .browser import chromium, serve_directory
from .conftest import mkdocs, page, project_with

STORIES = 8
SHARD_SIZE = 2
"""Units a shard: eight stories and their people make dozens of shards."""


def pagefind_tree(site: Path) -> dict[str, bytes]:
    """Every file of the search index, by its path below `pagefind/`."""
    root = site / "pagefind"
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def manifest(site: Path) -> dict:
    return json.loads((site / "pagefind" / MANIFEST).read_text(encoding="utf-8"))


def copy_site(site: Path, target: Path) -> Path:
    shutil.copytree(site, target, symlinks=True)
    return target


def fully_indexed(site: Path, target: Path, shard_size: int = SHARD_SIZE) -> dict[str, bytes]:
    """The index of `site`'s pages built from scratch in a copy at `target` (with the
    site's placement, as the build has it: see `PLACEMENT`)."""
    copy = copy_site(site, target)
    shutil.rmtree(copy / "pagefind")
    index_for_search(copy, shard_size=shard_size, placement=PLACEMENT)
    return pagefind_tree(copy)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A made-up site of STORIES stories, built by `mkdocs build --strict` with the
    plugin's `search_shard_size` at SHARD_SIZE."""
    where = tmp_path_factory.mktemp("shards")
    make_news_corpus(where / "content", STORIES)
    (where / "project").mkdir()
    project = project_with(where / "content", where / "project")
    with (project / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write(f"plugins:\n  - explainer:\n      search_shard_size: {SHARD_SIZE}\n"
                     "  - search\n")  # fmt: skip
    result = mkdocs("build", "--strict", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "shard(s) indexed" in result.stderr
    return project


PLACEMENT = Placement()
"""The built project's stories' dates and people's stories (`SiteFacts.search`), set by
`site`."""


@pytest.fixture(scope="module")
def site(project: Path) -> Path:
    newsroom = Project.from_mkdocs(project / "mkdocs.yml").load()[1]
    global PLACEMENT
    PLACEMENT = search_placement(newsroom)
    return project / "site"


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with chromium() as browser:
        yield browser


def test_the_shards_hold_every_page_search_covers_once(site: Path, tmp_path: Path) -> None:
    """As many shards as the plan says, each holding only what a merged index reads,
    and together the very pages one Pagefind run over SEARCH_PAGES indexes."""
    shards = manifest(site)["shards"]
    assert len(shards) >= 8, shards
    assert [s["from"] for s in shards] == sorted((s["from"] for s in shards), reverse=True)
    counts = [manifest(site)["primary"]["pages"]]
    for shard in shards:
        folder = site / "pagefind" / shard["path"]
        names = {p.name for p in folder.iterdir()}
        assert {"pagefind-entry.json", "index", "fragment"} <= names, names
        assert not names & {"pagefind.js", "pagefind-worker.js", "wasm.en.pagefind"}, names
        [language] = json.loads((folder / "pagefind-entry.json").read_text())["languages"].values()
        assert language["page_count"] == shard["pages"]
        counts.append(language["page_count"])
    single = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site), "--quiet",
         "--output-path", str(tmp_path / "single"), "--root-selector", SEARCH_ROOT,
         "--exclude-selectors", SEARCH_EXCLUDE, "--glob", SEARCH_PAGES],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert single.returncode == 0, single.stderr
    entry = json.loads((tmp_path / "single" / "pagefind-entry.json").read_text())
    [language] = entry["languages"].values()
    assert sum(counts) == language["page_count"] == len(indexed_pages(site))


def queries(project: Path, site: Path) -> dict[str, tuple[str, str]]:
    """For each shard, a query and the address it must find: the first words of a quote
    of a story in it, or else the name of a person in it."""
    found = {}
    for index in plan(indexed_pages(site), SHARD_SIZE, PLACEMENT)[1:]:
        units = sorted({unit_of(p) for p in index.pages})
        story = next((u.split("/")[1] for u in units if u.startswith("stories/")), None)
        if story:
            quote = load_story(project / "content" / f"{story}.yml")[0].quotes[0]
            words = " ".join(quote.paragraphs[0].split()[:8])
            found[index.name] = (words, f"/stories/{story}/quotes/")
        else:
            person = units[0].split("/")[1]
            name = page(site, f"people/{person}/").h1.get_text(" ", strip=True)
            found[index.name] = (name, f"/people/{person}/")
    assert set(found) == {s["name"] for s in manifest(site)["shards"]}
    return found


def search_box(browser: object, url: str, wanted: dict[str, tuple[str, str]]) -> list[str]:
    """Type each query into the page's search box; the shards whose address was not
    among the results shown, and any script error."""
    context = browser.new_context()
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.goto(url)
    missed = []
    for name, (query, address) in wanted.items():
        tab.fill("input.md-search__input", "")
        tab.wait_for_function("!document.querySelector('.md-search-result__item')")
        tab.fill("input.md-search__input", query)
        try:
            tab.wait_for_selector(f'a.md-search-result__link[href^="{address}"]', timeout=10_000)
        except Exception:  # Playwright's TimeoutError: report every shard, not the first
            shown = tab.eval_on_selector_all("a.md-search-result__link", "a => a.map(e => e.href)")
            missed.append(f"{name}: {query!r} did not show {address}: {shown}")
    context.close()
    return missed + errors


@pytest.mark.browser
def test_the_search_box_finds_a_page_of_every_shard(
    project: Path, site: Path, browser: object
) -> None:
    wanted = queries(project, site)
    with serve_directory(site) as base:
        missed = search_box(browser, base + "stories/news-00000/", wanted)
    assert missed == []


COMMON = "quotes"
"""A word of most pages of every story: the name of its quotes page, in its links."""


@pytest.mark.browser
def test_a_first_search_reads_the_newest_shards_and_older_ones_when_asked(
    site: Path, browser: object
) -> None:
    """A word of every story: the box merges the newest shards, twice as many each time,
    until it has a page of results, and says since when; each click on the button
    merges older ones, until every shard is searched and the button is gone."""
    order = [s["name"] for s in manifest(site)["shards"]]
    fetched: list[str] = []
    with serve_directory(site) as base:
        tab = browser.new_page()
        tab.on(
            "request",
            lambda r: (
                fetched.append(m[1]) if (m := re.search(r"/shards/([^/]+)/", r.url)) else None
            ),
        )
        tab.goto(base + "about/")
        tab.fill("input.md-search__input", COMMON)
        tab.wait_for_selector(".md-search-result__item")
        tab.wait_for_load_state("networkidle")
        first = list(dict.fromkeys(fetched))
        assert 1 < len(first) < len(order) and first == order[: len(first)], (first, order)
        meta = tab.text_content(".md-search-result__meta")
        assert re.fullmatch(
            r"\s*(\d+) matching page\(s\) in stories since January \d, 2025", meta
        ), meta
        counts = [int(meta.split()[0])]
        assert counts[0] >= 10
        while tab.locator(".ex-search-older button").count():
            tab.click(".ex-search-older button")
            tab.wait_for_function(
                "n => parseInt(document.querySelector('.md-search-result__meta').textContent) > n",
                arg=counts[-1],
            )
            counts.append(int(tab.text_content(".md-search-result__meta").split()[0]))
        tab.wait_for_load_state("networkidle")
        assert list(dict.fromkeys(fetched)) == order
        assert "since" not in tab.text_content(".md-search-result__meta")
        assert len(counts) >= 2 and counts == sorted(set(counts)), counts
        tab.close()


@pytest.mark.browser
def test_the_primary_alone_finds_no_story_so_the_box_merges_the_shards(
    project: Path, site: Path, browser: object
) -> None:
    """The shards really are apart from the primary: Pagefind without them finds the
    site's own pages but no story (what the search box found above came from them)."""
    query, address = next(q for q in queries(project, site).values() if "/stories/" in q[1])
    with serve_directory(site) as base:
        tab = browser.new_page()
        tab.goto(base)
        urls = tab.evaluate(
            """async ([base, query]) => {
                const pf = await import(base + "pagefind/pagefind.js");
                const found = async (q) =>
                    Promise.all((await pf.search(q)).results.map((r) => r.data()));
                return [(await found(query)).map((d) => d.url), (await found("people")).length];
            }""",
            [base, query],
        )
        tab.close()
    assert not any(u.startswith(address) for u in urls[0]), urls
    assert urls[1] > 0  # the people index pages are in the primary


@pytest.mark.browser
def test_a_site_served_below_a_path_finds_its_shards_pages_there(
    project: Path, site: Path, browser: object
) -> None:
    wanted = {n: (q, "/site" + a) for n, (q, a) in list(queries(project, site).items())[:4]}
    with serve_directory(project) as base:
        missed = search_box(browser, base + "site/people/", wanted)
    assert missed == []


def test_indexing_twice_gives_the_same_bytes(site: Path, tmp_path: Path) -> None:
    first = fully_indexed(site, tmp_path / "first")
    assert first == pagefind_tree(site)
    assert fully_indexed(site, tmp_path / "second") == first


def change_page(site: Path, path: str, words: str) -> None:
    """Add a paragraph to a built page's article, as a new file (never through a link)."""
    file = site / path
    html = file.read_text(encoding="utf-8")
    start = html.index('<article class="md-content__inner')
    end = html.index("</article>", start)
    file.unlink()
    file.write_text(html[:end] + f"<p>{words}</p>" + html[end:], encoding="utf-8")


def test_one_changed_page_indexes_its_shard_only_and_equals_indexing_all(
    site: Path, tmp_path: Path
) -> None:
    copy = copy_site(site, tmp_path / "copy")
    before = pagefind_tree(copy)
    path = "stories/news-00003/quotes/index.html"
    change_page(copy, path, "Zorbulent quintaxial made-up words")
    [shard] = [
        i.name for i in plan(indexed_pages(copy), SHARD_SIZE, PLACEMENT)[1:] if path in i.pages
    ]
    done = index_for_search(
        copy, shard_size=SHARD_SIZE, changed={path, "stories/x/timeline/"}, placement=PLACEMENT
    )
    assert done.built == [shard] and not done.primary_built and not done.removed
    after = pagefind_tree(copy)
    differ = {name for name in before.keys() | after.keys() if before.get(name) != after.get(name)}
    assert {n.split("/")[1] for n in differ if n.startswith("shards/")} == {shard}, differ
    assert not {n for n in differ if not n.startswith("shards/")} - {MANIFEST}, differ
    assert after == fully_indexed(copy, tmp_path / "full")


def test_a_removed_story_and_a_new_shard_count_equal_indexing_all(
    site: Path, tmp_path: Path
) -> None:
    """A story gone (no page of it rendered again, so none in `changed`): its shard is
    indexed again, or removed when the story was all it held. A new shard size that
    splits every year otherwise: every shard is built anew."""
    copy = copy_site(site, tmp_path / "copy")
    shutil.rmtree(copy / "stories" / "news-00005")
    [held] = [
        i.name
        for i in plan(indexed_pages(site), SHARD_SIZE, PLACEMENT)[1:]
        if "stories/news-00005/index.html" in i.pages
    ]
    done = index_for_search(copy, shard_size=SHARD_SIZE, changed=set(), placement=PLACEMENT)
    assert done.built + done.removed == [held] and not done.primary_built, done
    assert pagefind_tree(copy) == fully_indexed(copy, tmp_path / "full")
    done = index_for_search(copy, shard_size=SHARD_SIZE * 4, changed=set(), placement=PLACEMENT)
    assert done.removed and done.built and not done.kept
    assert not set(done.built) & set(done.removed)
    assert pagefind_tree(copy) == fully_indexed(copy, tmp_path / "full4", SHARD_SIZE * 4)
    done = index_for_search(copy, shard_size=10_000, changed=set(), placement=PLACEMENT)
    assert done.primary_built and not done.built and not (copy / "pagefind" / "shards").exists()
    assert manifest(copy)["shards"] == []


def test_a_hard_linked_copy_of_the_published_site_is_never_written_through(
    site: Path, tmp_path: Path
) -> None:
    """Republishing stages a hard-linked copy of the last site: indexing the copy, a
    part or all of it, leaves every byte of the published site as it was."""
    published = copy_site(site, tmp_path / "published")
    before = {p: p.read_bytes() for p in published.rglob("*") if p.is_file()}
    staged = tmp_path / "staged"
    shutil.copytree(published, staged, copy_function=os.link)
    path = "stories/news-00001/index.html"
    change_page(staged, path, "Glimmerous restaged words")
    index_for_search(staged, shard_size=SHARD_SIZE, changed={path})
    index_for_search(staged, shard_size=SHARD_SIZE * 4, changed={path})
    index_for_search(staged, shard_size=SHARD_SIZE)
    after = {p: p.read_bytes() for p in published.rglob("*") if p.is_file()}
    assert after == before


def made_up_site(stories: int = 40, people: int = 30) -> tuple[list[str], Placement]:
    """The searched pages of `stories` stories, one every twelve days from 1 January 2024,
    and of `people` people, each in one story; and their placement."""
    pages = [
        f"stories/s{n}/{p}" for n in range(stories) for p in ("index.html", "quotes/index.html")
    ]
    pages += [
        "index.html",
        "people/index.html",
        *(f"people/a{n}/index.html" for n in range(people)),
    ]
    dates = {
        f"stories/s{n}": dt.date(2024, 1, 1) + dt.timedelta(days=12 * n) for n in range(stories)
    }
    anchors = {f"people/a{n}": f"stories/s{n}" for n in range(people)}
    return sorted(pages), Placement(anchors, dates)


def test_shards_are_parts_of_a_year_newest_first_each_at_most_the_shard_size() -> None:
    """A year of more than the shard size's units is halved in time, part by part,
    until each holds at most that many; a shard's name is its part of the year, its
    span the days of the stories in it; the newest come first."""
    pages, placement = made_up_site()
    shards = plan(pages, 10, placement)[1:]
    spans = [s.span for s in shards]
    assert spans == sorted(spans, reverse=True) and all(s[0] <= s[1] for s in spans)
    assert [s.name[:4] for s in shards] == sorted((s.name[:4] for s in shards), reverse=True)
    assert {s.name[:4] for s in shards} == {"2024", "2025"}
    for shard in shards:
        units = {unit_of(p) for p in shard.pages}
        assert len(units) <= 10
        days = {placement.date_of(u).isoformat() for u in units}
        assert shard.span == (min(days), max(days))
        first, last = (dt.datetime.strptime(d, "%Y%m%d").date() for d in shard.name.split("-")[:2])
        assert all(first.isoformat() <= d <= last.isoformat() for d in days)
    everything = sorted(p for s in shards for p in s.pages)
    assert everything == [p for p in pages if unit_of(p)]


def test_a_crowded_day_is_split_by_name_and_undated_units_come_last() -> None:
    pages = [f"stories/d{n}/index.html" for n in range(30)] + ["people/nobody/index.html"]
    day = dt.date(2025, 3, 4)
    placement = Placement({}, {f"stories/d{n}": day for n in range(30)})
    names = [s.name for s in plan(sorted(pages), 10, placement)[1:]]
    assert names == ["20250304-20250304-1of4", "20250304-20250304-2of4",
                     "20250304-20250304-3of4", "20250304-20250304-4of4", "undated"]  # fmt: skip


def test_a_new_story_moves_no_other_unit() -> None:
    """The assignment is stable: with one more story every unit stays where it was,
    and the new story's shard gains it."""
    pages, placement = made_up_site()
    before = {p: i.name for i in plan(pages, 10, placement)[1:] for p in i.pages}
    dates = {**placement.dates, "stories/new": dt.date(2024, 6, 2)}
    more = sorted([*pages, "stories/new/index.html"])
    after = {
        p: i.name for i in plan(more, 10, Placement(placement.anchors, dates))[1:] for p in i.pages
    }
    assert {p: after[p] for p in before} == before
    assert after["stories/new/index.html"] in set(before.values())


def test_a_person_is_indexed_with_their_first_story() -> None:
    """A correction to a story changes its people's pages (they list its title): with
    the placement the build gives, they are in the story's shard, so one shard is
    indexed again, not one for each person."""
    pages, placement = made_up_site()
    shards = plan(pages, 10, placement)[1:]
    for n in range(30):
        [shard] = [i for i in shards if f"people/a{n}/index.html" in i.pages]
        assert f"stories/s{n}/index.html" in shard.pages
    unanchored = plan(pages, 10, Placement({}, placement.dates))[1:]
    assert any(  # without their stories, people have no date: they are searched last
        f"stories/s{n}/index.html" not in i.pages
        for n in range(30) for i in unanchored if f"people/a{n}/index.html" in i.pages
    )  # fmt: skip


def test_the_indexer_under_serve_indexes_what_every_request_changed(
    site: Path, tmp_path: Path
) -> None:
    """Two rebuilds, each with a page of its own, then quiet: the background run
    indexes both, and the index is the one built from scratch."""
    copy = copy_site(site, tmp_path / "copy")
    first, second = "stories/news-00002/quotes/index.html", "people/p6-0/index.html"
    change_page(copy, first, "Plintheral served words")
    change_page(copy, second, "Vorsatic served words")
    expected = fully_indexed(copy, tmp_path / "full")
    assert pagefind_tree(copy) != expected
    indexer = SearchIndexer(shard_size=SHARD_SIZE)
    indexer.placement = PLACEMENT
    indexer.QUIET = 0.2
    indexer.request(copy, {first})
    indexer.request(copy, {second})
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if pagefind_tree(copy) == expected:
                break
        except FileNotFoundError:  # a folder removed while it was being read: not done
            pass
        time.sleep(0.2)
    assert pagefind_tree(copy) == expected


def header_patterns(site: Path) -> list[re.Pattern[str]]:
    """The `_headers` blocks that cache for a year, as Cloudflare Pages matches them: `*`
    anything, `:name` one path segment."""
    patterns = []
    for line in (site / "_headers").read_text(encoding="utf-8").splitlines():
        if line.startswith("/") and line != "/*":
            regex = re.escape(line).replace(r"\*", ".*")
            patterns.append(re.compile(re.sub(r":[a-z]+", "[^/]+", regex) + "$"))
    return patterns


def test_the_headers_cache_every_shard_file_whose_name_is_its_content(
    site: Path, tmp_path: Path
) -> None:
    copy = copy_site(site, tmp_path / "copy")
    write_headers(copy)
    patterns = header_patterns(copy)
    assert len(patterns) == len(HASHED)
    shards = copy / "pagefind" / "shards"
    hashed = [p for p in shards.rglob("*") if p.parent.name in ("fragment", "index")]
    assert hashed
    for file in hashed:
        address = "/" + file.relative_to(copy).as_posix()
        assert any(p.match(address) for p in patterns), address
    for entry in shards.glob("*/pagefind-entry.json"):
        address = "/" + entry.relative_to(copy).as_posix()
        assert not any(p.match(address) for p in patterns), address
