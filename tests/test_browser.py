"""The readers' site in a real browser: accessibility (axe-core), valid HTML (Nu Html
Checker), structured data, privacy, weight, phones and screenshots."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path

import extruct
import pytest
from bs4 import BeautifulSoup

from .browser import chromium, nu_errors, png_size, run_axe, serve_directory
from .conftest import ROOT, SECTIONS, STORY_ID

pytestmark = pytest.mark.browser

SCREENSHOTS = ROOT / "test-output" / "screenshots"
PAGES = [
    "",
    *(f"stories/{STORY_ID}/{s}" for s in SECTIONS),
    "about/",
    "topics/",
    "topics/russia/",
    "people/",
    "people/putin/",
]


@pytest.fixture(scope="module")
def base_url(site: Path) -> Iterator[str]:
    with serve_directory(site) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with chromium() as browser:
        yield browser


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES)
def test_axe_finds_no_violation(browser: object, base_url: str, path: str, scheme: str) -> None:
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(base_url + path)
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == (
        "slate" if scheme == "dark" else "default"
    )
    violations = run_axe(page)
    context.close()
    assert violations == [], json.dumps(violations, indent=1)


def test_nu_html_checker_finds_no_error(site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= 10
    errors = nu_errors(pages)
    assert errors == [], json.dumps(errors, indent=1)


def test_nu_html_checker_reports_invalid_html(tmp_path: Path) -> None:
    """The checker really runs and reports: a duplicate id and misnested elements."""
    bad = tmp_path / "invalid.html"
    bad.write_text(
        '<!DOCTYPE html>\n<html lang="en"><head><title>Invalid</title></head><body>\n'
        '<p id="twice">One</p>\n<p id="twice">Two <b><i>misnested</b></i></p>\n'
        "</body></html>\n",
        encoding="utf-8",
    )
    errors = nu_errors([bad])
    messages = [e["message"] for e in errors]
    assert all(e["type"] == "error" and e["url"].endswith("/invalid.html") for e in errors)
    assert any("Duplicate ID" in m and "twice" in m for m in messages), messages
    assert any("violates nesting rules" in m for m in messages), messages


def structured(site: Path, path: str) -> dict:
    html = (site / path / "index.html").read_text(encoding="utf-8")
    return extruct.extract(
        html,
        base_url="https://explainer.example.org/" + path,
        syntaxes=["json-ld", "opengraph"],
        uniform=True,
    )


def test_story_pages_carry_news_article_json_ld(site: Path) -> None:
    from generator.digest.register import load_story

    story, _ = load_story(ROOT / "content" / f"{STORY_ID}.yml")
    story_url = f"https://explainer.example.org/stories/{STORY_ID}/"
    for section in SECTIONS:
        data = structured(site, f"stories/{STORY_ID}/{section}")
        [graph] = data["json-ld"]
        articles = [n for n in graph["@graph"] if n["@type"] == "NewsArticle"]
        [article] = articles
        assert article["headline"] == story.title
        assert article["@id"] == story_url + "#article"
        assert article["dateModified"] == story.updated.isoformat()
        assert article["datePublished"]
        assert article["publisher"]["name"] and article["author"]["name"]
        [source] = article["isBasedOn"]
        assert source["publisher"]["name"] == "Breitbart News"
        assert source["author"]["name"] == "Kurt Zindulka"
        assert article["about"]["@type"] == "Event"
        assert article["about"]["startDate"] == "2023-06-23"
        mentioned = {m["name"]: m["@type"] for m in article["mentions"]}
        assert mentioned["Alexander Lukashenko"] == "Person"
        assert mentioned["Wagner Group"] == "Organization"
        assert mentioned["Federal Security Service (FSB)"] == "GovernmentOrganization"
        assert mentioned["BelTA"] == "NewsMediaOrganization"
        assert len(mentioned) == len(story.actors)
        [og] = data["opengraph"]
        assert og["@type"] == "article"  # extruct maps og:type to @type
        assert og["og:url"] == story_url + section
        assert og["og:title"].endswith(story.title)
        assert og["og:description"] == story.dek


def test_quotes_page_lists_quotations(site: Path) -> None:
    from generator.digest.register import load_story

    story, _ = load_story(ROOT / "content" / f"{STORY_ID}.yml")
    [graph] = structured(site, f"stories/{STORY_ID}/quotes/")["json-ld"]
    quotations = [n for n in graph["@graph"] if n["@type"] == "Quotation"]
    assert len(quotations) == len(story.quotes)
    for item, quote in zip(quotations, story.quotes, strict=True):
        assert item["text"] == "\n\n".join(quote.paragraphs)
        assert item["creator"]["name"] == story.actor(quote.speaker).name


def test_canonical_twitter_and_sitemap(site: Path) -> None:
    for path in PAGES:
        soup = BeautifulSoup((site / path / "index.html").read_text(), "html.parser")
        canonical = soup.find("link", rel="canonical")
        assert canonical["href"] == "https://explainer.example.org/" + path
        card = "summary_large_image" if path.startswith("stories/") else "summary"
        assert soup.find("meta", attrs={"name": "twitter:card"})["content"] == card
        assert soup.find("meta", attrs={"name": "twitter:title"})["content"]
    sitemap = (site / "sitemap.xml").read_text()
    for path in PAGES:
        assert f"<loc>https://explainer.example.org/{path}</loc>" in sitemap
    home = structured(site, "")["json-ld"][0]
    assert home["@type"] == "WebSite" and home["url"] == "https://explainer.example.org/"


def first_view(
    browser: object, url: str, **context_options: object
) -> tuple[object, object, list[str], list[tuple[str, bytes]]]:
    """Load `url` in a fresh context: (context, page, URLs requested, [(url, body)])."""
    context = browser.new_context(**context_options)
    page = context.new_page()
    responses: list = []
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.on("response", lambda response: responses.append(response))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    bodies = [(r.url, r.body()) for r in responses if r.status == 200]
    return context, page, requested, bodies


def settle(page: object, pending: set) -> None:
    """Wait until none of the page's requests is still in flight.

    `wait_for_load_state("networkidle")` cannot do it: it returns at once when the page
    has already been idle after loading, whatever a search fetches later. The sync API
    dispatches events only inside its calls, so none is missed between the check and
    the wait; the wait's timeout only bounds a hang."""
    while pending:
        page.wait_for_event("requestfinished", timeout=30_000)


@pytest.mark.parametrize("path", PAGES)
def test_no_request_leaves_the_site(browser: object, base_url: str, path: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    requested: list[str] = []
    pending: set = set()
    page.on("request", lambda request: (requested.append(request.url), pending.add(request)))
    page.on("requestfinished", lambda request: pending.discard(request))
    page.on("requestfailed", lambda request: pending.discard(request))
    page.goto(base_url + path)
    page.wait_for_load_state("networkidle")
    page.fill("input.md-search__input", "Prigozhin")  # the search must stay local too
    page.wait_for_selector(".md-search-result__item")
    settle(page, pending)
    context.close()
    assert any("/pagefind/" in u for u in requested), requested  # the search really ran
    outside = [u for u in requested if not u.startswith((base_url, "data:", "blob:"))]
    assert outside == []


@pytest.mark.parametrize("path", PAGES)
def test_page_weight(browser: object, base_url: str, site: Path, path: str) -> None:
    html = (site / path / "index.html").read_bytes()
    assert len(html) < 40_000, f"{path}: HTML is {len(html):,} bytes"
    context, _, _, bodies = first_view(browser, base_url + path)
    context.close()
    compressed = sum(len(gzip.compress(body, 9)) for _, body in bodies)
    assert compressed < 120_000, f"{path}: first view is {compressed:,} bytes compressed"


@pytest.mark.parametrize("path", PAGES)
def test_nothing_scrolls_sideways_on_a_phone(browser: object, base_url: str, path: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2)
    page = context.new_page()
    page.goto(base_url + path)
    page.wait_for_load_state("networkidle")
    widths = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    context.close()
    assert widths[0] <= widths[1], f"{path}: content is {widths[0]}px wide on a 360px screen"


def test_print_hides_navigation_and_search(browser: object, base_url: str) -> None:
    page = browser.new_page()
    page.goto(f"{base_url}stories/{STORY_ID}/quotes/")
    page.emulate_media(media="print")
    hidden = page.evaluate(
        """() => ['.md-header', '.md-sidebar--primary', '.md-search', '.ex-story-nav', '.md-footer']
              .map(s => document.querySelector(s))
              .filter(e => e && getComputedStyle(e).display !== 'none')
              .map(e => e.className)"""
    )
    assert hidden == []
    assert page.locator("figure.ex-quote").first.is_visible()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.pdf(path=str(SCREENSHOTS / "quotes-print.pdf"))
    page.close()


@pytest.mark.parametrize(("width", "scale"), [(1280, 1), (360, 2)])
@pytest.mark.parametrize(
    ("kind", "path"),
    [("home", ""), *((s.strip("/") or "summary", f"stories/{STORY_ID}/{s}") for s in SECTIONS)],
)
def test_screenshots(
    browser: object, base_url: str, kind: str, path: str, width: int, scale: int
) -> None:
    """Screenshots of each page kind for people to look at (test-output/screenshots/):
    each of the page it names, styled, at the size asked for."""
    height = 900
    context = browser.new_context(
        viewport={"width": width, "height": height}, device_scale_factor=scale
    )
    page = context.new_page()
    page.goto(base_url + path)
    page.wait_for_load_state("networkidle")
    heading = page.locator(".md-content h1").first
    assert heading.is_visible(), f"{path}: no visible main heading"
    assert heading.inner_text().strip()
    # A sheet that failed to load is still listed, empty and unreadable: count its rules.
    sheets = page.evaluate(
        """() => [...document.styleSheets]
              .filter((s) => s.href && new URL(s.href).pathname.endsWith("/assets/explainer.css"))
              .map((s) => { try { return s.cssRules.length; } catch { return 0; } })"""
    )
    assert sheets and sheets[0] > 0, f"{path}: assets/explainer.css is not applied ({sheets})"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    target = SCREENSHOTS / f"{kind}-{width}.png"
    target.unlink(missing_ok=True)
    page.screenshot(path=str(target), full_page=True)
    context.close()
    shot_width, shot_height = png_size(target)
    assert shot_width == width * scale, (shot_width, shot_height)
    assert shot_height >= height * scale, (shot_width, shot_height)


PICTURES = [
    ("map", f"stories/{STORY_ID}/places/", "figure.ex-map-figure"),
    ("summary-map", f"stories/{STORY_ID}/", "figure.ex-map-figure"),
    ("timeline-graphic", f"stories/{STORY_ID}/timeline/", "figure.ex-timescale-figure"),
]


def test_the_pages_checked_above_carry_the_pictures(site: Path) -> None:
    """The seed's places, summary and timeline pages (checked above for axe, the Nu Html
    Checker, requests, weight and phones) hold the map and the timeline graphic."""
    for _, path, selector in PICTURES:
        soup = BeautifulSoup((site / path / "index.html").read_text(), "html.parser")
        assert soup.select_one(f"{selector} svg.ex-figure"), path


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("width", "scale"), [(1280, 1), (360, 2)])
@pytest.mark.parametrize(("kind", "path", "selector"), PICTURES)
def test_picture_screenshots(
    browser: object,
    base_url: str,
    kind: str,
    path: str,
    selector: str,
    width: int,
    scale: int,
    scheme: str,
) -> None:
    """Screenshots of the map and the timeline graphic in both schemes, for people to
    look at (test-output/screenshots/): each drawn, within the page's width, its labels
    as text."""
    context = browser.new_context(
        viewport={"width": width, "height": 900}, device_scale_factor=scale, color_scheme=scheme
    )
    page = context.new_page()
    page.goto(base_url + path)
    page.wait_for_load_state("networkidle")
    figure = page.locator(selector)
    box = figure.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width, box
    assert page.locator(f"{selector} svg text").count() > 0
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    target = SCREENSHOTS / f"{kind}-{width}-{scheme}.png"
    figure.screenshot(path=str(target))
    context.close()
    assert png_size(target)[0] <= width * scale


def pagefind_urls(page: object, query: str) -> list[str]:
    """Every page and section URL Pagefind returns for `query`, as the site's search would."""
    return page.evaluate(
        """async (query) => {
            const form = document.forms.namedItem("site-search");
            const pf = await import(new URL(form.dataset.pagefind, location.href).href);
            const search = await pf.search(query);
            const data = await Promise.all(search.results.map((r) => r.data()));
            return data.flatMap((d) => [d.url, ...d.sub_results.map((s) => s.url)]);
        }""",
        query,
    )


def test_search_finds_every_quote_and_each_speakers_quotes(browser: object, base_url: str) -> None:
    from generator.digest.register import load_story

    story, _ = load_story(ROOT / "content" / f"{STORY_ID}.yml")
    page = browser.new_page()
    page.goto(base_url)
    quotes_page = f"/stories/{STORY_ID}/quotes/"
    for quote in story.quotes:
        words = " ".join(quote.paragraphs[0].split()[:8])
        urls = pagefind_urls(page, words)
        assert any(u.startswith(quotes_page) for u in urls), (quote.id, urls)
    for speaker in story.speakers():
        urls = pagefind_urls(page, speaker.name)
        assert f"{quotes_page}#said-by-{speaker.id}" in urls, (speaker.id, urls)
    page.close()


def test_search_box_shows_results(browser: object, base_url: str) -> None:
    page = browser.new_page()
    page.goto(f"{base_url}stories/{STORY_ID}/")
    page.fill("input.md-search__input", "Prigozhin field camps")
    page.wait_for_selector(".md-search-result__item")
    titles = page.locator(".md-search-result__title").all_inner_texts()
    page.close()
    assert any("Quotes" in t for t in titles), titles
