"""The pages outside the global navigation (`builders/later.py`): a made-up site of
fourteen stories, so that their folders are more than `parallel.THRESHOLD` and are
built in forked workers, as a large site's are."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from bench.news_corpus import make_news_corpus
from generator.parallel import THRESHOLD

from .conftest import mkdocs, project_with
from .test_safety import tree_digest

STORIES = 14


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    content = tmp_path_factory.mktemp("later") / "content"
    make_news_corpus(content, STORIES)
    return content


@pytest.fixture
def project(corpus: Path, tmp_path: Path) -> Path:
    (tmp_path / "project").mkdir()
    return project_with(corpus, tmp_path / "project")


def folders_of_later_pages(project: Path) -> set[str]:
    """The folders of the generated tree's pages that the global navigation leaves out."""
    listed = {"index.md", "topics/index.md", "people/index.md", "about.md"}
    tree = project / "generated"
    return {
        page.parent.relative_to(tree).as_posix()
        for page in tree.rglob("*.md")
        if page.relative_to(tree).as_posix() not in listed
    }


def test_every_page_is_built_and_in_the_sitemap_when_workers_build_them(project: Path) -> None:
    result = mkdocs("build", "--strict", cwd=project)
    assert result.returncode == 0, result.stderr
    assert len(folders_of_later_pages(project)) >= THRESHOLD  # so workers built them
    site = project / "site"
    pages = {
        p.relative_to(site).parent.as_posix() + "/"
        for p in site.rglob("index.html")
        if not p.relative_to(site).as_posix().startswith(("pagefind/", "assets/"))
    }
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    base = "https://explainer.example.org/"
    listed = {url.removeprefix(base) or "./" for url in re.findall(r"<loc>(.*?)</loc>", sitemap)}
    assert {p if p != "./" else "./" for p in pages} == listed
    story = next((site / "stories").iterdir())
    assert (story / "quotes" / "index.html").is_file()
    assert "ex-quote" in (story / "quotes" / "index.html").read_text(encoding="utf-8")


def test_a_warning_in_a_page_a_worker_built_is_shown_once_and_fails_a_strict_build(
    project: Path,
) -> None:
    with (project / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("plugins:\n  - explainer:\n      templates_dir: theme/pages\n  - search\n")
    assert mkdocs("build", "--strict", cwd=project).returncode == 0
    site_before = tree_digest(project / "site")
    template = project / "theme" / "pages" / "story" / "sources.md.j2"
    template.write_text(
        template.read_text().replace(
            "{% block body %}", "{% block body %}\n[x](actors.md#nowhere)\n"
        )
    )
    result = mkdocs("build", "--strict", cwd=project)
    assert result.returncode == 1
    warned = re.findall(r"WARNING .*sources.md' contains a link 'actors.md#nowhere'", result.stderr)
    sources = list((project / "generated" / "stories").glob("*/sources.md"))
    assert len(sources) >= 2 and len(warned) == len(sources)
    assert f"Aborted with {len(sources)} warnings in strict mode" in result.stdout
    assert tree_digest(project / "site") == site_before


def test_a_page_that_fails_in_a_worker_stops_the_build_with_its_message_not_a_traceback(
    project: Path,
) -> None:
    assert mkdocs("build", "--strict", cwd=project).returncode == 0
    site_before = tree_digest(project / "site")
    own = project / "own-theme"
    own.mkdir()
    shutil.copy2(project / "theme" / "overrides" / "main.html", own / "main.html")
    main = own / "main.html"
    failing = (
        "{% if page and page.meta.section == 'timeline' %}{{ no_such_thing.attribute }}{% endif %}"
    )
    text = main.read_text(encoding="utf-8")
    main.write_text(text.replace("{% block site_nav %}", "{% block site_nav %}" + failing))
    with (project / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("theme:\n  name: material\n  custom_dir: own-theme\n")
    result = mkdocs("build", "--strict", cwd=project)
    assert result.returncode == 1
    assert re.search(r"Error building page 'stories/[^/']+/timeline.md'", result.stderr)
    assert "no_such_thing" in result.stderr and "Traceback" not in result.stderr
    assert tree_digest(project / "site") == site_before
