"""Real reporting: joint statements, relays, translations, paraphrase, unnamed sources,
social posts, developing stories, corrections, and the source's words checked.

The example site (`tests/fixtures/reporting/`) is made up: three short stories in the
house styles of a wire, a tabloid, a state agency in translation and a live blog.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import extruct
import pytest
import yaml
from bs4 import BeautifulSoup

from generator.digest.loading import read_digest
from generator.digest.schema import replace_at

from .browser import axe_violations, chromium, nu_errors, serve_directory
from .conftest import ROOT, explainer, mkdocs, page, project_with

REPORTING = Path(__file__).parent / "fixtures" / "reporting"
STORIES = sorted(p.stem for p in REPORTING.glob("*.yml"))
KESSEL, SALTMERE, TESSING = (
    "example-kessel-ford-closure",
    "example-saltmere-quay-fire",
    "example-tessing-dam-flood",
)
SCREENSHOTS = ROOT / "test-output" / "screenshots"


def reporting_project(target: Path) -> Path:
    return project_with(REPORTING, target)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = reporting_project(tmp_path_factory.mktemp("reporting"))
    checked = explainer("validate", cwd=project)
    assert checked.returncode == 0, checked.stderr
    assert checked.stdout.strip() == f"{len(STORIES)} story file(s) checked, no problems"
    result = mkdocs("build", "--strict", cwd=project)
    assert result.returncode == 0, result.stderr
    return project / "site"


def figure(site: Path, story: str, quote: str) -> BeautifulSoup:
    return page(site, f"stories/{story}/quotes/").find("figure", id=f"quote-{quote}")


def text_of(element: BeautifulSoup) -> str:
    return " ".join(element.get_text().split())


def caption(site: Path, story: str, quote: str) -> str:
    return text_of(figure(site, story, quote).figcaption)


def jsonld(site: Path, path: str) -> list[dict]:
    html = (site / path / "index.html").read_text(encoding="utf-8")
    [graph] = extruct.extract(html, syntaxes=["json-ld"], uniform=True)["json-ld"]
    return graph["@graph"]


# What readers see ---------------------------------------------------------------------


def test_a_joint_statement_has_every_speaker(built: Path) -> None:
    quotes = page(built, f"stories/{KESSEL}/quotes/")
    headings = [h.get_text(" ", strip=True) for h in quotes.select(".md-content h2")]
    joint = "Marrovian Interior Ministry and Dunmere Interior Ministry: joint statement"
    assert any(h.startswith(joint) for h in headings), headings
    assert "(joint statement)" in caption(built, KESSEL, "joint-statement")
    [statement] = [
        q for q in jsonld(built, f"stories/{KESSEL}/quotes") if q["@type"] == "Quotation"
        and q["text"].startswith(figure(built, KESSEL, "joint-statement").p.get_text()[:20])
    ]  # fmt: skip
    assert [c["name"] for c in statement["creator"]] == [
        "Marrovian Interior Ministry",
        "Dunmere Interior Ministry",
    ]
    # each speaker's people page has it
    for person in ("marrovian-interior-ministry", "dunmere-interior-ministry"):
        assert page(built, f"people/{person}/").select("figure.ex-quote")


def test_a_chain_of_relays_is_shown_in_order(built: Path) -> None:
    shown = caption(built, KESSEL, "no-political-reasons")
    assert "via Marrovian State Agency (example), then Radio Kessel" in shown, shown


def test_a_translated_quote_names_its_language_and_translator(built: Path) -> None:
    assert "Translated from German by the MSA English desk" in caption(
        built, KESSEL, "remain-closed-msa"
    )
    assert "Translated from German by Example Wire" in caption(built, KESSEL, "stays-shut-wire")


def test_two_renderings_are_side_by_side_with_their_differences_marked(built: Path) -> None:
    quotes = page(built, f"stories/{KESSEL}/quotes/")
    pair = quotes.find(id="rendering-stays-shut-wire")
    first, second = pair.find_all("figure")
    marked = [[m.get_text() for m in f.find_all("mark")] for f in (first, second)]
    assert "remain" in marked[0] and "stays" in marked[1], marked
    assert "declared" in marked[0] and "found" in marked[1], marked
    # words both have are not marked
    assert "crossing" not in marked[0] + marked[1]
    assert quotes.find("a", href="#rendering-stays-shut-wire")


def test_a_paraphrase_is_never_in_quotation_marks(built: Path) -> None:
    for story, quote in ((KESSEL, "emergency-vehicles"), (SALTMERE, "shut-months-ago"),
                         (TESSING, "breach-confirmed")):  # fmt: skip
        shown = figure(built, story, quote)
        assert shown.find("blockquote") is None
        text = shown.find("p", class_="ex-paraphrase").get_text()
        assert text.startswith("Paraphrase, not their words:")
        assert not re.search(r"[“”\"]|(?:^|\s)‘", text.split(":", 1)[1])
        assert "Paraphrase" in shown.figcaption.get_text()
        quotations = [q["text"] for q in jsonld(built, f"stories/{story}/quotes")
                      if q["@type"] == "Quotation"]  # fmt: skip
        assert all(text.split(": ", 1)[1][:30] not in q for q in quotations)


def test_an_unnamed_source_is_described_not_named(built: Path) -> None:
    actors = page(built, f"stories/{SALTMERE}/actors/")
    card = actors.find(id="port-official-saltmere").find_parent("li")
    assert "Unnamed source" in card.get_text()
    assert "a senior official at the port, who asked not to be named" in card.get_text()
    assert not (built / "people" / "port-official-saltmere").exists()
    graph = jsonld(built, f"stories/{SALTMERE}/quotes")
    named = [m.get("name") for node in graph
             for m in (*node.get("mentions", []), node.get("creator", {}))]  # fmt: skip
    assert "A senior port official" not in named
    assert any("A senior port official" in json.dumps(node.get("creator")) for node in graph)


def test_a_social_post_and_a_quote_cut_off_by_the_source(built: Path) -> None:
    shown = caption(built, TESSING, "leave-now")
    assert "Posted on X by @TessingMayor, 11 April 2026 06:52 (the post)" in shown
    link = figure(built, TESSING, "leave-now").figcaption.find("a", string="the post")
    assert link["href"] == "https://example.org/social/x/TessingMayor/status/1042"
    cut = figure(built, SALTMERE, "three-crews")
    assert cut.blockquote.get_text().rstrip().endswith("…")
    assert "Full quote, cut off in the source" in cut.figcaption.get_text()


def test_a_post_without_a_headline_its_time_and_images(built: Path) -> None:
    sources = page(built, f"stories/{TESSING}/sources/")
    heading = sources.find(id="source-example-post-live-0715")
    assert text_of(heading).startswith("A post without a headline, The Example Post")
    items = [text_of(li) for li in heading.find_next("ul").find_all("li")]
    assert "Published: 11 April 2026, 07:15" in items, items
    assert [i.split(":")[0] for i in items if i.startswith("Image")] == [
        "Image 1", "Image 2", "Image 3"
    ]  # fmt: skip


def test_a_developing_story_shows_its_updates_newest_first(built: Path) -> None:
    summary = page(built, f"stories/{TESSING}/")
    latest = [text_of(li) for li in summary.select("ul.ex-updates li")]
    assert latest[0].startswith("12 April 2026") and latest[-1].startswith("11 April 2026 12:00")
    assert any("Correction." in item for item in latest)
    assert summary.select_one("ul.ex-updates a[href='timeline/']")
    # the correction at the top of the page it affects
    timeline = page(built, f"stories/{TESSING}/timeline/")
    note = timeline.select_one(".md-content .admonition.warning")
    assert note.select_one(".admonition-title").get_text(strip=True) == "Correction, 12 April 2026"
    assert "We said: The evacuation of the lower town began at 05:30." in note.get_text()
    assert note.find_previous("h1") is not None and timeline.select_one("ol.ex-timeline")


def test_timeline_entries_have_times_sources_and_history(built: Path) -> None:
    timeline = page(built, f"stories/{TESSING}/timeline/")
    breach = timeline.find(id="event-dam-breach")
    assert "Confirmed" in breach.get_text()
    history = text_of(breach.find("p", class_="ex-history"))
    assert history.startswith("Earlier: Reported on 11 April 2026 (The Example Post, 07:15)")
    evacuation = timeline.find(id="event-evacuation-begins")
    assert "11 April 2026 06:30" in text_of(evacuation)
    assert "Sources: The Example Post, 07:15" in text_of(evacuation)
    assert "Sources: The Example Post, 07:15; The Example Post, 11:40" in text_of(breach)
    retracted = timeline.find(id="event-airfield-flooded")
    assert retracted.find(class_="ex-certainty--retracted").get_text() == "Retracted"
    assert retracted.find("del") is not None


def test_stances_and_place_kinds_beyond_the_usual(built: Path) -> None:
    def shown(section: str, selector: str) -> set[str]:
        return {
            element.get_text()
            for story in STORIES
            for element in page(built, f"stories/{story}/{section}/").select(selector)
        }

    assert {"Accuses", "Denies", "Warns"} <= shown("responses", ".ex-stance")
    kinds = shown("places", ".ex-kind")
    assert {"Border crossing", "Village", "Airfield"} <= kinds


def test_corrections_and_updates_reach_search_engines_and_feeds(built: Path) -> None:
    [article] = [n for n in jsonld(built, f"stories/{TESSING}") if n["@type"] == "NewsArticle"]
    assert article["dateModified"] == "2026-04-12"
    [correction] = article["correction"]
    assert correction["@type"] == "CorrectionComment"
    assert correction["datePublished"] == "2026-04-12"
    assert correction["text"].startswith("We said: The evacuation of the lower town began")
    feed = json.loads((built / "feed.json").read_text(encoding="utf-8"))
    [item] = [i for i in feed["items"] if i["id"].endswith(f"/{TESSING}/")]
    assert item["date_modified"] == "2026-04-12T00:00:00Z"
    assert "Latest (12 April 2026): The water is going down" in item["summary"]


# What `explainer validate` says ---------------------------------------------------------


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return reporting_project(tmp_path)


def change(project: Path, story: str, edit) -> list[str]:
    path = project / "content" / f"{story}.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    edit(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    result = explainer("validate", cwd=project)
    assert result.returncode == 1
    return [line for line in result.stderr.splitlines() if line.startswith("content/")]


def quote(data: dict, quote_id: str) -> dict:
    return next(q for q in data["quotes"] if q["id"] == quote_id)


BROKEN = [
    ("joint speaker unknown", KESSEL,
     lambda d: quote(d, "joint-statement")["speaker"].append("nobody"),
     r"quotes\[\d+\]\.speaker\[2\]: unknown actor id 'nobody'"),
    ("relay unknown", KESSEL, lambda d: quote(d, "no-political-reasons")["via"].append("nobody"),
     r"quotes\[\d+\]\.via\[2\]: unknown actor id 'nobody'"),
    ("language", KESSEL, lambda d: quote(d, "remain-closed-msa").update(language="German"),
     r"quotes\[\d+\]\.language: 'German' is not a language code \(expected e\.g\. `ru`"),
    ("extent", SALTMERE, lambda d: quote(d, "shut-months-ago").update(extent="indirect"),
     r"quotes\[\d+\]\.extent: 'indirect' is not allowed \(expected 'full', 'partial' or "
     r"'paraphrase'\)"),
    ("rendering", KESSEL, lambda d: quote(d, "stays-shut-wire").update(rendering_of="nothing"),
     r"quotes\[\d+\]\.rendering_of: unknown quote id 'nothing'"),
    ("rendering of itself", KESSEL,
     lambda d: quote(d, "stays-shut-wire").update(rendering_of="stays-shut-wire"),
     r"quotes\[\d+\]\.rendering_of: a quote cannot be a rendering of itself"),
    ("cut-off paraphrase", SALTMERE, lambda d: quote(d, "shut-months-ago").update(cut_off=True),
     r"quotes\[\d+\]\.cut_off: a paraphrase has no quotation to cut off"),
    ("post url", TESSING, lambda d: quote(d, "leave-now")["post"].update(url="ftp://example.org"),
     r"quotes\[\d+\]\.post\.url: 'ftp://example\.org' is not a web address"),
    ("post time", TESSING, lambda d: quote(d, "leave-now")["post"].update(time="25:00"),
     r"quotes\[\d+\]\.post\.time: '25:00' is not a time of day \(expected 24-hour `HH:MM`"),
    ("source time", TESSING, lambda d: d["sources"][0].update(time="7.15am"),
     r"sources\[0\]\.time: '7\.15am' is not a time of day"),
    ("event source", TESSING, lambda d: d["timeline"][0]["sources"].append("elsewhere"),
     r"timeline\[0\]\.sources\[2\]: unknown source id 'elsewhere'"),
    ("history certainty", TESSING,
     lambda d: d["timeline"][0]["history"][0].update(certainty="rumoured"),
     r"timeline\[0\]\.history\[0\]\.certainty: 'rumoured' is not allowed"),
    ("history source", TESSING, lambda d: d["timeline"][0]["history"][0].update(source="x"),
     r"timeline\[0\]\.history\[0\]\.source: unknown source id 'x'"),
    ("correction page", TESSING, lambda d: d["corrections"][0].update(page="home"),
     r"corrections\[0\]\.page: 'home' is not allowed"),
    ("update after updated", TESSING, lambda d: d["updates"][0].update(date="2026-05-01"),
     r"updates\[0\]\.date: 2026-05-01 is after `updated` \(2026-04-12\)"),
    ("stance", TESSING, lambda d: d["responses"][0].update(stance="Warns!"),
     r"responses\[0\]\.stance: 'Warns!' is not a valid id"),
    ("place kind", TESSING, lambda d: d["places"][0].update(kind="Small Town"),
     r"places\[0\]\.kind: 'Small Town' is not a valid id"),
    ("moved image", TESSING,
     lambda d: d["sources"][1].update(image={"credit": "Someone"}),
     r"sources\[1\]\.image: field `image` has moved to `images`, a list"),
]  # fmt: skip


@pytest.mark.parametrize(("what", "story", "edit", "expected"), BROKEN, ids=[b[0] for b in BROKEN])
def test_each_new_field_broken_is_a_located_error(
    project: Path, what: str, story: str, edit, expected: str
) -> None:
    [line] = change(project, story, edit)
    assert re.match(rf"content/{story}\.yml:\d+:\d+: {expected}", line), line


def test_unquoted_times_are_times_not_numbers(project: Path) -> None:
    path = project / "content" / f"{TESSING}.yml"
    text = path.read_text(encoding="utf-8").replace("time: '06:30'", "time: 06:30")
    assert "time: 06:30\n" in text
    path.write_text(text, encoding="utf-8")
    assert explainer("validate", cwd=project).returncode == 0


def source_words(story: str) -> Iterator[tuple[str, tuple, str]]:
    digest, problems = read_digest(REPORTING / f"{story}.yml")
    assert digest is not None, problems
    for loc, words, _ in digest.story.source_words():
        if loc[-1] == "text":
            loc = (*loc, None)  # a quote's paragraph: the line of the folded text
        yield story, loc, words


FIELDS = [case for story in STORIES for case in source_words(story)]


def test_every_kind_of_source_words_field_is_checked() -> None:
    kinds = {(loc[0], loc[-1] if isinstance(loc[-1], str) else loc[-2]) for _, loc, _ in FIELDS}
    assert kinds >= {
        ("quotes", "text"), ("quotes", "attribution"), ("actors", "described_as"),
        ("timeline", "when"), ("places", "wording"), ("open_questions", "wording"),
        ("discrepancies", "says"),
    }  # fmt: skip


def one_word_changed(words: str) -> str:
    parts = words.split()
    index = max(range(len(parts)), key=lambda i: len(parts[i]))  # the longest word
    parts[index] = "zebra" if parts[index].lower() != "zebra" else "okapi"
    return " ".join(parts)


@pytest.mark.parametrize(
    ("story", "loc", "words"),
    FIELDS,
    ids=[f"{s}:{'.'.join(map(str, loc))}" for s, loc, _ in FIELDS],
)
def test_a_source_words_field_changed_by_one_word_is_a_fidelity_error(
    tmp_path: Path, story: str, loc: tuple, words: str
) -> None:
    shutil.copytree(REPORTING, tmp_path / "content")
    path = tmp_path / "content" / f"{story}.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if loc[-1] is None:  # a quote: change the paragraph inside its text
        loc = loc[:-1]
        replace_at(data, loc, data_at(data, loc).replace(words, one_word_changed(words)))
    else:
        replace_at(data, loc, one_word_changed(words))
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    digest, problems = read_digest(path, f"content/{story}.yml")
    assert digest is None
    field = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in loc).lstrip(".")
    [problem] = problems
    assert problem.field == field and problem.line > 0
    assert "not found word for word in articles/" in problem.message


def data_at(data: object, loc: tuple) -> str:
    for part in loc:
        data = data[part]  # type: ignore[index]
    return data  # type: ignore[return-value]


# In the browser -----------------------------------------------------------------------

PAGES = [f"stories/{story}/{section}" for story in STORIES
         for section in ("", "actors/", "quotes/", "responses/", "timeline/", "places/",
                         "questions/", "sources/")]  # fmt: skip


@pytest.mark.browser
def test_the_example_site_passes_axe_in_both_schemes_and_the_nu_checker(built: Path) -> None:
    pages = [p for p in PAGES if (built / p / "index.html").is_file()]
    assert len(pages) >= 20
    with chromium() as browser, serve_directory(built) as base:
        found = axe_violations(browser, base, pages)
        # screenshots for people to look at (test-output/screenshots/)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        tab = browser.new_page(viewport={"width": 1280, "height": 900})
        for name, path in (("renderings", f"stories/{KESSEL}/quotes/#renderings"),
                           ("timeline-correction", f"stories/{TESSING}/timeline/"),
                           ("latest", f"stories/{TESSING}/"),
                           ("paraphrase-cut-off", f"stories/{SALTMERE}/quotes/")):  # fmt: skip
            tab.goto(base + path)
            tab.wait_for_load_state("networkidle")
            tab.screenshot(path=str(SCREENSHOTS / f"reporting-{name}.png"), full_page=True)
    assert found == {}, json.dumps(found, indent=1)
    errors = nu_errors(sorted(built.rglob("*.html")))
    assert errors == [], json.dumps(errors, indent=1)
