"""End to end: the seed digest built by `mkdocs build --strict`, read back from the HTML."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import yaml

from generator.digest.register import load_story

from .conftest import ROOT, SECTIONS, STORY_ID, explainer, page

STORY, _ = load_story(ROOT / "content" / f"{STORY_ID}.yml")
ARTICLE = (ROOT / "content" / "articles" / f"{STORY_ID}.txt").read_text(encoding="utf-8")
BASE = f"stories/{STORY_ID}"


def text_of(node) -> str:
    return " ".join(node.get_text(" ").split())


def test_strict_build_has_no_warning(built: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    _, result = built
    assert "WARNING" not in result.stderr, result.stderr


@pytest.mark.parametrize("section", SECTIONS)
def test_each_story_page_exists(site: Path, section: str) -> None:
    soup = page(site, f"{BASE}/{section}")
    assert soup.find("h1") is not None
    nav = soup.find("nav", class_="ex-story-nav")
    assert nav is not None and len(nav.find_all("a")) == 8


def test_home_page_lists_the_story(site: Path) -> None:
    soup = page(site, "")
    link = soup.find("a", href=re.compile(rf"{BASE}/$"))
    assert link is not None and text_of(link) == STORY.title


def test_every_article_quotation_is_in_the_digest() -> None:
    """Every passage the article puts in quotation marks is one of the digest's quotes."""
    quoted: list[str] = []
    for paragraph in ARTICLE.split("\n\n"):
        quoted += re.findall(r"“([^”]+)”", paragraph)
        # A quote that runs on: the paragraph opens a mark it never closes.
        if paragraph.count("“") > paragraph.count("”"):
            quoted.append(paragraph[paragraph.rindex("“") + 1 :])
    digest = [p for q in STORY.quotes for p in q.paragraphs]
    assert len(quoted) == 15
    for passage in quoted:
        passage = passage.strip().rstrip(",")
        assert passage in digest, f"not in the digest: {passage!r}"


def test_every_quote_is_on_the_quotes_page_with_its_speaker(site: Path) -> None:
    soup = page(site, f"{BASE}/quotes/")
    for quote in STORY.quotes:
        figure = soup.find("figure", id=f"quote-{quote.id}")
        assert figure is not None, quote.id
        shown = text_of(figure.find("blockquote"))
        assert shown == " ".join(quote.paragraphs), quote.id
        for paragraph in quote.paragraphs:
            assert paragraph in ARTICLE, f"{quote.id} is not verbatim"
        speaker = STORY.actor(quote.speaker)
        caption = figure.find("figcaption")
        link = caption.find("a", href=re.compile(rf"actors/#{speaker.id}$"))
        assert link is not None and text_of(link) == speaker.name
        source_link = caption.find("a", href=re.compile(rf"sources/#source-{quote.source}$"))
        assert source_link is not None


def test_every_actor_is_on_the_actors_page_with_links_to_their_quotes(site: Path) -> None:
    soup = page(site, f"{BASE}/actors/")
    for actor in STORY.actors:
        heading = soup.find(id=actor.id)
        assert heading is not None and text_of(heading) == actor.name
        card = heading.find_parent("li")
        assert actor.role in text_of(card)
        for quote in STORY.quotes_by(actor.id):
            assert card.find("a", href=re.compile(rf"quotes/#quote-{quote.id}$")), quote.id


def test_every_response_is_on_the_responses_page(site: Path) -> None:
    soup = page(site, f"{BASE}/responses/")
    for response in STORY.responses:
        block = soup.find(id=f"response-{response.id}")
        assert block is not None, response.id
        body = STORY.actor(response.body)
        heading = block.find_previous("h2")
        assert text_of(heading) == body.name
        assert response.action in text_of(block)
        for quote_id in response.quotes:
            assert block.find("a", href=re.compile(rf"quotes/#quote-{quote_id}$"))


def test_hedges_stay_visible(site: Path) -> None:
    soup = page(site, f"{BASE}/timeline/")
    labels = [text_of(s) for s in soup.select(".ex-certainty")]
    assert labels.count("Reported") == sum(e.certainty == "reported" for e in STORY.timeline)
    assert "Claimed by Yevgeny Prigozhin" in labels
    summary = text_of(page(site, f"{BASE}/"))
    for hedge in ("reportedly", "claimed", "According to"):
        assert hedge in summary


def test_explainer_generate_writes_the_tree_mkdocs_uses(project: Path) -> None:
    result = explainer("generate", cwd=project)
    assert result.returncode == 0, result.stderr
    generated = project / "generated"
    assert (generated / BASE / "quotes.md").is_file()
    first = {p: p.stat().st_mtime_ns for p in generated.rglob("*.md")}
    again = explainer("generate", cwd=project)
    assert "0 written" in again.stdout
    assert {p: p.stat().st_mtime_ns for p in generated.rglob("*.md")} == first
    front = (generated / BASE / "quotes.md").read_text(encoding="utf-8").split("---")[1]
    assert yaml.safe_load(front)["title"].startswith("Quotes: ")
