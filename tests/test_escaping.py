"""A corpus of hostile strings in every kind of field: none of it runs in the built site."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from generator.digest.loading import load_story

from .conftest import STORY_ID, mkdocs

PAYLOADS = [
    "<script>alert('x1')</script>",
    '<img src=x onerror="alert(`x2`)">',
    "[click me](javascript:alert('x3'))",
    "![pic](javascript:alert('x4'))",
    '<a href="javascript:alert(5)">x5</a>',
    "{{ 7*7 }} and {% if true %}x6{% endif %}",
    '{: onclick="alert(7)" } x7',
    "<svg/onload=alert(8)>",
    '" onmouseover="alert(9)" x="',
    "<iframe src=//evil.invalid></iframe>",
    "<style>body{display:none}</style>",
    "&lt;script&gt;alert(10)&lt;/script&gt; &amp; &#60;b&#62;",
    "# not a heading",
    "- not a list",
    "1. not a list",
    "> not a quote",
    "<!-- not a comment -->",
    "**not bold** _not em_ `not code` ~~not struck~~",
    "[^1] *[HTML]: Hyper Text",
    '--8<-- "README.md"',
    "<https://evil.invalid>",
    "javascript:alert(11)",
    "line\u2028separator",
]


def hostile_digest(payload_of: Callable[[str], str]) -> dict:
    """The seed digest with a payload in every plain-text field a reader sees."""
    data = yaml.safe_load(
        (Path(__file__).parent.parent / "content" / f"{STORY_ID}.yml").read_text()
    )
    data["title"] = payload_of("title")
    data["dek"] = payload_of("dek")
    data["tags"] = [payload_of("tag")]
    data["key_facts"] = [{"label": payload_of("fact label"), "value": payload_of("fact value")}]
    source = data["sources"][0]
    source.pop("text_file")  # the quotes are no longer the article's
    source.update(
        title=payload_of("source title"),
        outlet=payload_of("outlet"),
        author=payload_of("author"),
        images=[
            {"caption": payload_of("caption"), "credit": payload_of("credit")},
            {"caption": payload_of("caption"), "credit": payload_of("credit")},
        ],
    )
    data["updates"] = [{"date": "2026-11-01", "what": payload_of("update")}]
    data["corrections"] = [
        {"date": "2026-11-02", "wrong": payload_of("wrong"), "right": payload_of("right"),
         "page": "timeline"},
        {"date": "2026-11-03", "wrong": payload_of("wrong"), "right": payload_of("right")},
    ]  # fmt: skip
    for number, actor in enumerate(data["actors"]):
        # a number of its own, so that no two actors share a name (a duplicate error)
        if "name" in actor:  # the story's own actor; the register's are in hostile_register
            actor["name"] = f"{payload_of('name')} story {number}"
        actor.update(
            role=payload_of("role"),
            affiliation=payload_of("affiliation"),
            aliases=[f"{payload_of('alias')} story {number}"],
            described_as=[payload_of("described")],
        )
    data["quotes"][0]["text"] = "\n".join(PAYLOADS)  # one paragraph each
    for quote in data["quotes"]:
        quote.update(context=payload_of("context"), attribution=payload_of("attribution"))
    for quote in data["quotes"][1:]:
        quote["text"] = payload_of("quote")
    data["quotes"][1].update(language="ru", translated_by=payload_of("translator"),
                             post={"platform": payload_of("platform"),
                                   "account": payload_of("account")})  # fmt: skip
    data["quotes"][2].update(extent="paraphrase")
    data["quotes"][3]["rendering_of"] = data["quotes"][1]["id"]
    for response in data["responses"]:
        response["action"] = payload_of("action")
    for event in data["timeline"]:
        event.update(what=payload_of("what"), when=payload_of("when"))
        event["history"] = [{"date": "2023-06-23", "certainty": "reported",
                             "note": payload_of("history")}]  # fmt: skip
    for place in data["places"]:
        place.update(name=payload_of("place"), role=payload_of("place role"))
        for distance in place.get("distances", []):
            distance["wording"] = payload_of("wording")
    for question in data["open_questions"]:
        question.update(question=payload_of("question"), wording=payload_of("q wording"))
    for discrepancy in data["discrepancies"]:
        discrepancy.update(title=payload_of("disc"), note=payload_of("note"))
        for account in discrepancy["accounts"]:
            account["says"] = payload_of("says")
    # Markdown fields: formatting allowed, raw HTML and attribute lists are not.
    data["summary"] = "Plain **bold** then " + " ".join(
        p for p in PAYLOADS if "javascript:" not in p and "](" not in p
    )
    data["why_it_matters"] = "<script>alert('md')</script> {: onclick=alert(1) }"
    return data


def hostile_register(register: Path, payload_of: Callable[[str], str]) -> None:
    """The register entries with a payload in every field a reader sees."""
    for number, path in enumerate(sorted(register.glob("*.yml"))):
        entry = yaml.safe_load(path.read_text(encoding="utf-8"))
        entry.update(
            name=f"{payload_of('register name')} {number}",
            aliases=[f"{payload_of('register alias')} {number}"],
            description=payload_of("description"),
            links=["https://example.org/?q=%3Cscript%3Ealert(12)%3C/script%3E"],
        )
        path.write_text(yaml.safe_dump(entry, allow_unicode=True), encoding="utf-8")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from .conftest import copy_project

    project = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    counter = iter(range(10_000))
    data = hostile_digest(lambda field: PAYLOADS[next(counter) % len(PAYLOADS)])
    hostile_register(
        project / "content" / "actors", lambda field: PAYLOADS[next(counter) % len(PAYLOADS)]
    )
    digest = project / "content" / f"{STORY_ID}.yml"
    digest.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    _, problems = load_story(digest)
    assert problems == [], problems
    result = mkdocs("build", "--strict", cwd=project)
    assert result.returncode == 0, result.stderr
    return project / "site"


def pages(site: Path) -> list[tuple[Path, BeautifulSoup]]:
    return [
        (path, BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser"))
        for path in sorted(site.rglob("*.html"))
    ]


def test_no_payload_runs(hostile_site: Path) -> None:
    found = pages(hostile_site)
    assert len(found) >= 9
    for path, soup in found:
        for tag in soup.find_all(True):
            for name, value in tag.attrs.items():
                assert not name.lower().startswith("on"), f"{path}: {tag.name} has {name}"
                values = value if isinstance(value, list) else [value]
                for v in values:
                    assert not re.match(r"\s*javascript:", str(v), re.I), f"{path}: {name}={v}"
        for script in soup.find_all("script"):
            if script.get("type") == "application/ld+json":
                # data, not code: valid JSON that cannot close its element
                assert "<" not in script.string and json.loads(script.string)
                continue
            assert "alert" not in (script.string or "") and "evil" not in script.get("src", "")
        content = soup.select_one(".md-content")
        for forbidden in ("script", "img", "iframe", "style", "foreignobject"):
            assert content.find(forbidden) is None, f"{path}: <{forbidden}> in the content"
        # the only pictures are the theme's own (the map, the timeline graphic)
        for svg in content.find_all("svg"):
            assert "ex-figure" in svg.get("class", []), f"{path}: a foreign <svg> in the content"
        assert "49" not in content.get_text()  # {{ 7*7 }} was not evaluated


def test_payloads_show_as_literal_text(hostile_site: Path) -> None:
    quotes = BeautifulSoup(
        (hostile_site / "stories" / STORY_ID / "quotes" / "index.html").read_text(), "html.parser"
    )
    first = quotes.find("figure", class_="ex-quote").find("blockquote")
    shown = [p.get_text() for p in first.find_all("p")]
    assert shown == [line for p in PAYLOADS for line in p.splitlines()]
    text = " ".join(s.get_text(" ") for _, s in pages(hostile_site))
    for payload in PAYLOADS:
        assert " ".join(payload.split()) in " ".join(text.split()), payload


@pytest.mark.parametrize(
    "markdown",
    [
        "[x](javascript:alert(1))",
        "[x]( javascript:alert(1) )",
        "[x](JaVaScRiPt:alert(1))",
        "[x](<javascript:alert(1)>)",
        "[x](java&#115;cript:alert(1))",
        "![x](https://example.org/a.png)",
        "[x](data:text/html;base64,PHNjcmlwdD4=)",
        "[x](vbscript:msgbox)",
        "[x](//evil.invalid/)",
        "[x](other-page.md)",
        "See [below](#nowhere)",
    ],
)
def test_markdown_fields_refuse_unsafe_links(tmp_path: Path, markdown: str) -> None:
    data = yaml.safe_load(
        (Path(__file__).parent.parent / "content" / f"{STORY_ID}.yml").read_text()
    )
    data["summary"] = markdown
    digest = tmp_path / f"{STORY_ID}.yml"
    digest.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    _, problems = load_story(digest)
    assert any(p.field == "summary" for p in problems), problems


# Markdown a digest's `summary` and `why_it_matters` may hold, hostile or merely out of
# place: none of it may become anything but paragraphs, emphasis, strong and web links.
HOSTILE_MARKDOWN = [
    "> [go]: JaVaScRiPt:alert(1)\n\n[quoted ref][go]",
    "- [r]: javascript:alert(2)\n\n[listed ref][r]",
    "[ref]: javascript:alert(3)\n\n[plain ref][ref]",
    "Setext heading\n===",
    "Setext two\n---",
    "# ATX heading",
    '!!! danger "Admonition"\n    admonition body',
    "| a | b |\n|---|---|\n| 1 | 2 |",
    "<script>alert(4)</script>",
    "<b onclick=alert(5)>raw bold</b>",
    '<div markdown="1">*inside html*</div>',
    "    indented code",
    "```\nfenced code\n```",
    "`inline code`",
    "- list item\n- second item",
    "1. ordered item",
    "> block quote",
    "<https://autolink.example>",
    "Term\n: definition",
    "*[HTML]: abbreviation",
    "Footnote[^1]\n\n[^1]: the note",
    "{: .cls onclick=alert(6) }",
    "Text with attributes {: #id onclick=alert(7) }",
    "***",
    "<!-- comment -->",
    "&lt;b&gt; &amp; &#60;i&#62;",
    "Hard  \nbreak",
    "~~strike~~ ==mark== ^^ins^^ H~2~O",
    '--8<-- "README.md"',
    "{{ 7*7 }} {% raw %}",
    "Allowed: *em* **strong** [a link](https://example.org/x) [desk](mailto:desk@example.org)",
]
PROSE_TAGS = {"p", "em", "strong", "a"}


@pytest.fixture(scope="module")
def hostile_markdown_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from .conftest import copy_project

    project = copy_project(tmp_path_factory.mktemp("hostile-md") / "project")
    digest = project / "content" / f"{STORY_ID}.yml"
    data = yaml.safe_load(digest.read_text(encoding="utf-8"))
    data["summary"] = "\n\n".join(HOSTILE_MARKDOWN)
    data["why_it_matters"] = "\n".join(HOSTILE_MARKDOWN)  # one paragraph, soft breaks
    digest.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    _, problems = load_story(digest)
    assert problems == [], problems
    result = mkdocs("build", "--strict", cwd=project)
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_markdown_fields_hold_only_paragraphs_emphasis_strong_and_web_links(
    hostile_markdown_site: Path,
) -> None:
    summary = BeautifulSoup(
        (hostile_markdown_site / "stories" / STORY_ID / "index.html").read_text("utf-8"),
        "html.parser",
    )
    fields = summary.select(".md-content .ex-prose")
    assert len(fields) == 2  # summary and why it matters
    for field in fields:
        tags = {tag.name for tag in field.find_all(True)}
        assert tags == PROSE_TAGS, tags  # the allowed ones are there, nothing else
        for link in field.find_all("a"):
            assert set(link.attrs) <= {"href", "title"}, link.attrs
            assert re.match(r"(https://|mailto:)", link["href"]), link["href"]
        assert [a["href"] for a in field.find_all("a")] == [
            "https://example.org/x",
            "mailto:desk@example.org",
        ]
        text = " ".join(field.get_text(" ").split())
        for shown in ("[quoted ref][go]", "Setext heading ===", "# ATX heading", "!!! danger",
                      "| a | b |", "<script>alert(4)</script>", "- list item", "> block quote",
                      "{: .cls onclick=alert(6) }", "{{ 7*7 }}", "&lt;b&gt;"):  # fmt: skip
            assert shown in text, shown
    content = summary.select_one(".md-content")
    # the page's own outline is untouched: no heading, list or table came from the fields
    assert [h.get_text(strip=True) for h in content.find_all(["h1", "h2"])][1:3] == [
        "What happened",
        "Why it matters",
    ]
    assert not content.find(["table", "blockquote", "pre", "code", "script", "hr"])
