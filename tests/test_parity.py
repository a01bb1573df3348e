"""Any builder, the same site: the seed project built by `explainer build --with` each of
MkDocs, ProperDocs and Zensical, and the same reader's checks run on all three.

Where a builder cannot do something, a test says so by name (and the README's table).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import extruct
import pytest

from generator.builders.build import BUILDERS
from generator.digest.register import load_story

from .browser import axe_violations, chromium, nu_errors, png_size, serve_directory, site_headers
from .conftest import ROOT, SECTIONS, STORY_ID, copy_project, explainer

pytestmark = pytest.mark.browser

STORY, _ = load_story(ROOT / "content" / f"{STORY_ID}.yml")
STORY_PAGES = [f"stories/{STORY_ID}/{section}" for section in SECTIONS]


@pytest.fixture(scope="module", params=BUILDERS)
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp(request.param) / "project")
    result = explainer("build", "--with", request.param, cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with chromium() as browser:
        yield browser


def builder_of(site: Path) -> str:
    return site.parent.parent.name.rstrip("0123456789")


def test_every_story_page_has_json_ld_opengraph_and_feed_links(built: Path) -> None:
    for path in STORY_PAGES:
        html = (built / path / "index.html").read_text(encoding="utf-8")
        data = extruct.extract(html, syntaxes=["json-ld", "opengraph"], uniform=True)
        [graph] = data["json-ld"]
        [article] = [n for n in graph["@graph"] if n["@type"] == "NewsArticle"]
        assert article["headline"] == STORY.title, path
        [og] = data["opengraph"]
        assert og["@type"] == "article" and og["og:url"].endswith(f"/{path}"), path
        assert 'type="application/atom+xml"' in html and '<link rel="canonical"' in html, path


def test_every_story_page_names_its_share_card_and_the_site_has_it(built: Path) -> None:
    site_url = "https://explainer.example.org/"
    cards = set()
    for path in STORY_PAGES:
        html = (built / path / "index.html").read_text(encoding="utf-8")
        [og] = extruct.extract(html, syntaxes=["opengraph"], uniform=True)["opengraph"]
        cards.add(og["og:image"])
    [card] = cards
    assert card.startswith(site_url) and card.endswith(".png"), card
    assert png_size(built / card.removeprefix(site_url)) == (1200, 630)


def test_the_nu_html_checker_finds_no_error(built: Path) -> None:
    pages = sorted(p for p in built.rglob("*.html") if "pagefind" not in p.parts)
    assert len(pages) >= 20
    errors = nu_errors(pages)
    assert errors == [], json.dumps(errors, indent=1)


def test_axe_finds_no_violation_in_either_scheme(built: Path, browser: object) -> None:
    with serve_directory(built) as base:
        found = axe_violations(browser, base, ["", *STORY_PAGES, "people/putin/"])
    assert found == {}, json.dumps(found, indent=1)


def test_search_finds_every_quote(built: Path, browser: object) -> None:
    with serve_directory(built) as base:
        page = browser.new_page()
        page.goto(base)
        for quote in STORY.quotes:
            words = " ".join(quote.paragraphs[0].split()[:8])
            urls = page.evaluate(
                """async ([base, query]) => {
                    const pf = await import(base + "pagefind/pagefind.js");
                    const search = await pf.search(query);
                    const data = await Promise.all(search.results.map((r) => r.data()));
                    return data.map((d) => d.url);
                }""",
                [base, words],
            )
            assert any(f"/stories/{STORY_ID}/quotes/" in u for u in urls), (quote.id, urls)
        page.close()


def test_no_request_leaves_the_site(built: Path, browser: object) -> None:
    with serve_directory(built) as base:
        context = browser.new_context()
        page = context.new_page()
        requested: list[str] = []
        page.on("request", lambda request: requested.append(request.url))
        for path in ["", *STORY_PAGES]:
            page.goto(base + path)
            page.wait_for_load_state("networkidle")
        context.close()
    outside = [u for u in requested if not u.startswith((base, "data:", "blob:"))]
    assert outside == []


def test_the_search_box_runs_on_pagefind(built: Path, browser: object) -> None:
    """Our search box is a Material template override; Zensical renders Material's look
    itself and runs no overrides, so its box searches with Zensical's own index."""
    if builder_of(built) == "zensical":
        pytest.xfail("Zensical runs no Material template overrides: its own search box")
    with serve_directory(built) as base:
        page = browser.new_page()
        page.goto(f"{base}stories/{STORY_ID}/")
        page.fill("input.md-search__input", "Prigozhin field camps")
        page.wait_for_selector(".md-search-result__item")
        assert page.locator("form[name=site-search]").count() == 1
        page.close()


CSP_LISTENER = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(
  `${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
"""


def test_pages_and_search_run_under_the_documented_security_policy(
    built: Path, browser: object
) -> None:
    """The Content-Security-Policy in the site's `_headers` (README: Publishing), sent by
    the server: Chromium reports no violation on a story's pages, and search still runs."""
    headers = site_headers(built)
    policy = headers["Content-Security-Policy"]
    script_src = next(d for d in policy.split("; ") if d.startswith("script-src "))
    assert "'unsafe-inline'" not in script_src and script_src.startswith("script-src 'self'")
    inline_styles = "style-src 'self' 'unsafe-inline'" in policy
    # only Zensical's site needs inline styles: its script adds style elements
    assert inline_styles == (builder_of(built) == "zensical"), policy
    with serve_directory(built, headers) as base:
        context = browser.new_context()
        context.add_init_script(CSP_LISTENER)
        page = context.new_page()
        violations = []
        for path in ["", *STORY_PAGES, "people/putin/"]:
            response = page.goto(base + path)
            assert response.headers["content-security-policy"] == policy
            page.wait_for_load_state("networkidle")
            violations += [f"{path}: {v}" for v in page.evaluate("window.__violations")]
        results = page.evaluate(
            """async (base) => {
                const pf = await import(base + "pagefind/pagefind.js");
                return (await pf.search("Prigozhin")).results.length;
            }""",
            base,
        )
        violations += [f"search: {v}" for v in page.evaluate("window.__violations")]
        context.close()
    assert results > 0
    assert violations == []
