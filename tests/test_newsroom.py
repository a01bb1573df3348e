"""Many stories: shared actors, conflicts, topics, feeds, paging and a small global nav."""

from __future__ import annotations

import json
import posixpath
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import pytest
import yaml

from bench.corpus import make_corpus, story_data

from .conftest import STORY_ID, copy_project, explainer, mkdocs, page

ATOM = "{http://www.w3.org/2005/Atom}"


def add_story(project: Path, index: int, **changes: object) -> dict:
    data = story_data(index)
    data.update(changes)
    path = project / "content" / f"{data['id']}.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    return data


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed story plus 44 generated ones, built with `mkdocs build --strict`."""
    project = copy_project(tmp_path_factory.mktemp("newsroom") / "project")
    make_corpus(project / "content", 44)
    result = mkdocs("build", "--strict", cwd=project)
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_shared_actor_page_lists_every_story_and_quote(newsroom: Path) -> None:
    pages = [page(newsroom, p) for p in ("people/putin/", "people/putin/2/", "people/putin/3/")]
    assert pages[0].find("h1").get_text(strip=True) == "Vladimir Putin"
    stories = [a for soup in pages for a in soup.select("h2 a")]
    assert [len(soup.select("h2 a")) for soup in pages] == [20, 20, 5]
    assert len({a["href"] for a in stories}) == 45
    # Putin has two quotes in every story: each one is shown, linked to its context
    assert sum(len(soup.select("figure.ex-quote")) for soup in pages) == 90
    assert any(
        soup.find("a", href=re.compile(rf"stories/{STORY_ID}/quotes/#quote-betrayal$"))
        for soup in pages
    )
    # the story's actors page links to the shared page
    actors = page(newsroom, f"stories/{STORY_ID}/actors/")
    assert actors.find("a", href=re.compile(r"people/putin/$"))


def test_people_index_is_paged_and_complete(newsroom: Path) -> None:
    pages, names, path = [], [], "people/"
    while path:
        soup = page(newsroom, path)
        pages.append(path)
        names += [a.get_text() for a in soup.select(".md-content li a")]
        following = soup.find("a", string=re.compile("Next"))
        path = (
            posixpath.normpath(posixpath.join(path, following["href"])) + "/" if following else None
        )
    # 9 seed actors, 44 spokespeople, 44 correspondents and 44 institutes: two pages
    assert pages == ["people/", "people/page/2/"]
    assert len(names) == 9 + 44 + 44 + 44
    assert len(set(names)) == len(names)
    # grouped by kind, people first; each group in alphabetical order
    first = page(newsroom, "people/")
    groups = [h.get_text(strip=True) for h in first.select(".md-content h2")]
    assert groups[:2] == ["People", "Organisations"]
    people = [a.get_text() for a in first.select(".md-content h2 + ul a")][:91]
    assert "Vladimir Putin" in people and "Institute 1" not in people
    assert people == sorted(people, key=str.casefold)


def validate_with_a_renamed_actor(project: Path, actor_id: str, name: str) -> tuple[dict, str]:
    """A second story that gives `actor_id` the name `name`: its id, and the one problem
    `explainer validate` reports about that name."""
    data = add_story(project, 1)
    for actor in data["actors"]:
        if actor["id"] == actor_id:
            actor["name"] = name
    path = project / "content" / f"{data['id']}.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    result = explainer("validate", cwd=project)
    assert result.returncode == 1
    [line] = [x for x in result.stderr.splitlines() if repr(name) in x]
    return data, line


def test_conflicting_actor_definitions_are_reported_in_both_files(project: Path) -> None:
    """Two stories give their own actor of one id two names."""
    data, line = validate_with_a_renamed_actor(
        project, "russian-military-leadership", "Russian top brass"
    )
    assert re.match(rf"content/{data['id']}\.yml:\d+:\d+: actors\[6\]\.name: ", line)
    assert re.search(rf"'Russian military leadership' in content/{STORY_ID}\.yml:\d+ ", line)
    assert "expected the same name" in line
    assert mkdocs("build", cwd=project).returncode == 1


def test_a_story_contradicting_the_register_is_told_where_the_register_says_otherwise(
    project: Path,
) -> None:
    data, line = validate_with_a_renamed_actor(project, "putin", "V. V. Putin")
    assert re.match(rf"content/{data['id']}\.yml:\d+:\d+: actors\[2\]\.name: ", line)
    assert "'Vladimir Putin' (content/actors/putin.yml)" in line
    assert "put the source's spelling in `aliases`" in line


def test_topic_pages(newsroom: Path) -> None:
    topics = page(newsroom, "topics/")
    entries = {a.get_text(): a["href"] for a in topics.select(".md-content li a")}
    assert entries["Russia"] == "russia/"
    russia = page(newsroom, "topics/russia/")
    assert [a.get_text() for a in russia.select("h2 a")] == [
        "Wagner’s march on Moscow halted after Lukashenko says he brokered a deal"
    ]
    summary = page(newsroom, f"stories/{STORY_ID}/")
    assert summary.select_one(".ex-topics a[href$='topics/russia/']")


def test_home_is_paged_newest_first(newsroom: Path) -> None:
    home, two, three = (page(newsroom, p) for p in ("", "archive/2/", "archive/3/"))
    cards = [s.select(".ex-stories h2 a") for s in (home, two, three)]
    assert [len(c) for c in cards] == [20, 20, 5]
    dates = [t["datetime"] for s in (home, two, three) for t in s.select(".ex-stories small time")]
    assert dates == sorted(dates, reverse=True)
    assert home.select_one(".ex-pager a[href$='archive/2/']")
    assert three.find("a", string="← Previous")["href"] == "../2/"


def test_global_nav_holds_only_home_topics_people_about(newsroom: Path) -> None:
    soup = page(newsroom, f"stories/{STORY_ID}/quotes/")
    primary = soup.select(".md-nav--primary .md-nav__item a.md-nav__link")
    assert [a.get_text(strip=True) for a in primary] == ["Home", "Topics", "People", "About"]


def test_feeds_are_valid_and_newest_first(newsroom: Path) -> None:
    atom_text = (newsroom / "feed.xml").read_text(encoding="utf-8")
    parsed = feedparser.parse(atom_text)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    root = ET.fromstring(atom_text)
    for required in ("id", "title", "updated", "author"):
        assert root.find(f"{ATOM}{required}") is not None, required
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == 45
    for entry in entries:
        for required in ("id", "title", "updated", "summary"):
            assert (entry.findtext(f"{ATOM}{required}") or "").strip(), required
        assert entry.find(f"{ATOM}link[@rel='alternate']").get("href").startswith("https://")
    updated = [e.findtext(f"{ATOM}updated") for e in entries]
    assert updated == sorted(updated, reverse=True)
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", u) for u in updated)

    feed = json.loads((newsroom / "feed.json").read_text(encoding="utf-8"))
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["title"] and feed["home_page_url"] and feed["feed_url"].endswith("feed.json")
    assert [i["date_modified"] for i in feed["items"]] == updated
    assert all(i["id"] and i["url"] and i["content_text"] for i in feed["items"])


def test_every_page_links_the_feeds(newsroom: Path) -> None:
    for html in list(newsroom.rglob("index.html"))[:60]:
        text = html.read_text(encoding="utf-8")
        assert 'type="application/atom+xml"' in text and 'type="application/feed+json"' in text


def test_story_page_size_does_not_grow_with_the_site(site: Path, newsroom: Path) -> None:
    small = (site / "stories" / STORY_ID / "quotes" / "index.html").stat().st_size
    large = (newsroom / "stories" / STORY_ID / "quotes" / "index.html").stat().st_size
    assert abs(large - small) / small < 0.02


def _tree(folder: Path) -> dict[str, bytes]:
    files = (p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in files}


def test_the_ledger_regenerates_the_same_tree_as_a_fresh_generation(project: Path) -> None:
    """What the build's ledger keeps between generations (serve keeps it in memory, a
    build in the cache folder) never leaves a stale page, and an unchanged story's pages
    are not rendered again."""
    import dataclasses

    from generator.builders.changes import Ledger
    from generator.builders.project import Project

    make_corpus(project / "content", 30)
    built = Project.from_mkdocs(project / "mkdocs.yml")
    fresh = dataclasses.replace(built, output_dir=project / "fresh")
    ledger = Ledger()
    built.generate(ledger)

    def regenerate() -> dict[str, bytes]:
        _, _, pages, _ = built.render(ledger)  # what is rendered again, before writing
        built.generate(ledger)
        fresh.generate()
        assert _tree(built.output_dir) == _tree(fresh.output_dir)
        return {path: text for path, text in pages.items() if isinstance(text, str)}

    digest = sorted((project / "content").glob("story-*.yml"))[3]
    data = yaml.safe_load(digest.read_text(encoding="utf-8"))
    data["title"] = "A changed title"
    data["actors"][2]["aliases"].append("V. V. Putin")
    digest.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    rendered = regenerate()
    assert "A changed title" in rendered[f"stories/{data['id']}/index.md"]
    assert "V. V. Putin" in rendered["people/putin/index.md"]
    other = sorted((project / "content").glob("story-*.yml"))[5].stem
    assert f"stories/{other}/index.md" not in rendered  # not rendered again
    # a register entry changed: its person page and every story naming them follow
    entry = project / "content" / "actors" / "putin.yml"
    text = entry.read_text(encoding="utf-8")
    entry.write_text(text.replace("name: Vladimir Putin", "name: Vladimir V. Putin"), "utf-8")
    entry.write_text(entry.read_text("utf-8").replace("President of Russia", "Head of state"))
    rendered = regenerate()
    assert "Head of state" in rendered["people/putin/index.md"]
    assert "Vladimir V. Putin" in rendered[f"stories/{data['id']}/quotes.md"]
    # a page changed by hand is made again, though its inputs are the same
    page = built.output_dir / "stories" / other / "index.md"
    page.write_text("edited by hand", encoding="utf-8")
    regenerate()


def test_the_news_benchmark_corpus_is_valid_and_its_vocabulary_grows(tmp_path: Path) -> None:
    """bench/news_corpus.py: stories of their own, valid, with new words as N grows."""
    from bench.news_corpus import make_news_corpus

    project = copy_project(tmp_path / "project")
    shutil.rmtree(project / "content")
    small = make_news_corpus(tmp_path / "small", 10)
    distinct = make_news_corpus(project / "content", 40)
    assert distinct > 2 * small  # 4x the stories: 2.5x the words (copies of one story: 1x)
    result = explainer("validate", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "40 story file(s) checked, no problems" in result.stdout
    titles = {
        yaml.safe_load(p.read_text("utf-8"))["title"] for p in (project / "content").glob("*.yml")
    }
    assert len(titles) == 40
