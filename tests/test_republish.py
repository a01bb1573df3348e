"""Republishing (`mkdocs build --dirty` with the last build's site, tree and cache kept)
builds again only what an edit touched, and gives the same bytes as a clean build.

The project is the made-up cast examples (three stories sharing a register actor, once
their three ids for him are merged, and a tag: tests/fixtures/cast) plus a few made-up
news stories that no edit touches.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from bench.news_corpus import make_news_corpus

from .conftest import ROOT, explainer, mkdocs, project_with, use_own_templates

CAST = ROOT / "tests" / "fixtures" / "cast"
REPUBLISHED = re.compile(r"republished (\d+) of (\d+) file\(s\), kept (\d+)")
SHARDS = re.compile(r"(\d+) shard\(s\) indexed, (\d+) kept")


def files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def clean_build(project: Path, where: Path) -> Path:
    """The project's inputs built from nothing in `where` (no tree, site or cache)."""
    for name in ("content", "theme", "mkdocs.yml", "site_config.yml"):
        source = project / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, where / name)
    (where / "generated").mkdir()
    result = mkdocs("build", "--strict", cwd=where)
    assert result.returncode == 0, result.stderr
    return where / "site"


def republish(project: Path, command=None) -> tuple[int, int, int]:
    """`mkdocs build --dirty` (or `command`): (files built again, files of the site, files
    kept)."""
    result = (command or (lambda: mkdocs("build", "--strict", "--dirty", cwd=project)))()
    assert result.returncode == 0, result.stderr
    found = REPUBLISHED.search(result.stderr)
    assert found, result.stderr
    assert SHARDS.search(result.stderr), result.stderr
    return int(found[1]), int(found[2]), int(found[3])


def assert_same_as_clean(project: Path, tmp_path: Path) -> None:
    ours, clean = files(project / "site"), files(clean_build(project, tmp_path / "clean"))
    assert sorted(ours) == sorted(clean)
    different = [path for path in ours if ours[path] != clean[path]]
    assert not different, different[:10]


@pytest.fixture
def published(tmp_path: Path) -> Path:
    """The example project, built once (as the last publication)."""
    (tmp_path / "project").mkdir()
    project = project_with(CAST, tmp_path / "project")
    make_news_corpus(project / "content", 4)
    for other in ("joerg-brandvik", "chancellor-brandvik"):  # one person in three stories
        assert explainer("actors", "merge", other, "brandvik", cwd=project).returncode == 0
    with (project / "mkdocs.yml").open("a", encoding="utf-8") as config:  # many shards
        config.write("plugins:\n  - explainer:\n      search_shard_size: 2\n  - search\n")
    result = mkdocs("build", "--strict", cwd=project)
    assert result.returncode == 0, result.stderr
    assert (project / ".cache" / "explainer" / "ledger.pickle").is_file()
    return project


def built_page(project: Path, path: str) -> str:
    return (project / "site" / path).read_text(encoding="utf-8")


def edit(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


def test_republish_after_editing_a_story_equals_a_clean_build(
    published: Path, tmp_path: Path
) -> None:
    story = published / "content" / "example-rail-strike.yml"
    edit(story, lambda d: d.update(title=d["title"] + " (corrected)"))
    result = explainer("build", "--republish", cwd=published)
    built, total, kept = republish(published, lambda: result)
    assert kept > 0 and built < total / 2, (built, total, kept)
    indexed, unchanged = map(int, SHARDS.search(result.stderr).groups())
    assert 0 < indexed < indexed + unchanged, result.stderr  # only the story's shards
    assert "Rail strike stops freight to Ostrava Bay (corrected)" in built_page(
        published, "stories/example-rail-strike/index.html"
    )
    assert_same_as_clean(published, tmp_path)


def test_a_republish_puts_only_what_changed_into_the_published_site(
    published: Path, tmp_path: Path
) -> None:
    """In place: the site's folder stays; an unchanged page is the same file; a changed
    one is a new file; the search shards indexed again replace the old ones."""
    site = published / "site"
    story = published / "content" / "example-rail-strike.yml"
    others = [p for p in (site / "stories").iterdir() if p.name != "example-rail-strike"]
    before = {
        "site": site.stat().st_ino,
        "changed": (site / "stories" / "example-rail-strike" / "index.html").stat().st_ino,
        "unchanged": (others[0] / "timeline" / "index.html").stat().st_ino,
    }
    edit(story, lambda d: d.update(title=d["title"] + " (corrected)"))
    result = mkdocs("build", "--strict", "--dirty", cwd=published)
    assert result.returncode == 0, result.stderr
    assert "(in place)" in result.stderr, result.stderr
    assert site.stat().st_ino == before["site"]
    assert (others[0] / "timeline" / "index.html").stat().st_ino == before["unchanged"]
    changed = site / "stories" / "example-rail-strike" / "index.html"
    assert changed.stat().st_ino != before["changed"]
    assert not list(published.glob(".site.*")), "a staging or old folder was left behind"
    assert_same_as_clean(published, tmp_path)


def test_republish_after_editing_a_shared_actor_equals_a_clean_build(
    published: Path, tmp_path: Path
) -> None:
    entry = published / "content" / "actors" / "brandvik.yml"
    text = entry.read_text(encoding="utf-8")
    entry.write_text(re.sub(r"^name: .*$", "name: Jörg K. Brandvik", text, flags=re.M), "utf-8")
    assert republish(published)[2] > 0  # files kept
    assert "Jörg K. Brandvik" in built_page(published, "people/brandvik/index.html")
    assert_same_as_clean(published, tmp_path)


def test_republish_after_changing_a_tag_equals_a_clean_build(
    published: Path, tmp_path: Path
) -> None:
    story = published / "content" / "example-grain-talks.yml"
    edit(story, lambda d: d.update(tags=["Velmark", "Harvest"]))  # "Grain" goes, "Harvest" comes
    republish(published)
    assert (published / "site" / "topics" / "harvest" / "index.html").is_file()
    assert not (published / "site" / "topics" / "grain").exists()
    assert_same_as_clean(published, tmp_path)


def test_republish_after_removing_a_story_equals_a_clean_build(
    published: Path, tmp_path: Path
) -> None:
    (published / "content" / "example-harbour-deal.yml").unlink()
    republish(published)
    assert not (published / "site" / "stories" / "example-harbour-deal").exists()
    assert_same_as_clean(published, tmp_path)


def test_republish_when_the_shards_change_equals_a_clean_build(tmp_path: Path) -> None:
    """Twelve stories more and one fewer: the search has new shards for the new days,
    and the removed story's day has none left, so in the republish old shards go and
    new ones come, in place."""
    (tmp_path / "project").mkdir()
    project = project_with(CAST, tmp_path / "project")
    for other in ("joerg-brandvik", "chancellor-brandvik"):
        assert explainer("actors", "merge", other, "brandvik", cwd=project).returncode == 0
    make_news_corpus(project / "content", 2)
    with (project / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("plugins:\n  - explainer:\n      search_shard_size: 4\n  - search\n")
    assert mkdocs("build", "--strict", cwd=project).returncode == 0
    shards = (project / "site" / "pagefind" / "shards").iterdir
    before = {p.name for p in shards()}
    make_news_corpus(project / "content", 14)  # the same two stories, and twelve more
    (project / "content" / "news-00001.yml").unlink()
    built, total, kept = republish(project)
    assert kept > 0 and built < total, (built, total, kept)
    after = {p.name for p in shards()}
    assert before - after and after - before and before & after, (before, after)
    assert_same_as_clean(project, tmp_path)


def test_republish_after_changing_a_template_builds_everything_again(
    published: Path, tmp_path: Path
) -> None:
    templates = use_own_templates(published)
    summary = templates / "story" / "summary.md.j2"
    text = summary.read_text("utf-8").replace(
        "{% block body %}", "{% block body %}\nAn example line from a template.\n", 1
    )
    summary.write_text(text, "utf-8")
    built, total, kept = republish(published)
    pages = [p for p in (published / "site").rglob("*.html") if "pagefind" not in p.parts]
    assert built >= len(pages), (built, total, kept)  # every page; only copied files kept
    html = built_page(published, "stories/example-rail-strike/index.html")
    assert "An example line from a template." in html
    assert_same_as_clean(published, tmp_path)


def test_a_failed_republish_leaves_the_last_site_as_it_was(published: Path) -> None:
    """The new site shares unchanged files with the last one (hard links): a republish
    that fails late, after writing pages, must not have changed any of them."""
    before = files(published / "site")
    story = published / "content" / "example-rail-strike.yml"
    edit(story, lambda d: d.update(title=d["title"] + " (corrected)"))
    templates = use_own_templates(published)  # and a strict warning: a link to no page
    page = templates / "story" / "summary.md.j2"
    text = page.read_text("utf-8").replace(
        "{% block body %}", "{% block body %}\n[a broken link](no-such-page.md)\n", 1
    )
    page.write_text(text, "utf-8")
    result = mkdocs("build", "--strict", "--dirty", cwd=published)
    assert result.returncode != 0
    assert "no-such-page.md" in result.stderr
    assert files(published / "site") == before
