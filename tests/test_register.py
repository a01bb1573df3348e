"""One cast across stories: the actor register, duplicates, merging, anonymous sources.

The example site (`tests/fixtures/cast/`) is made up: three stories that name one
made-up chancellor three ways, and an unnamed official in two of them.
"""

from __future__ import annotations

import difflib
import json
import re
from pathlib import Path

import extruct
import pytest
import yaml

from generator.digest.names import name_key, slug
from generator.drafting import slug as draft_slug

from .conftest import explainer, mkdocs, page, project_with

CAST = Path(__file__).parent / "fixtures" / "cast"
RAIL, GRAIN = "content/example-rail-strike.yml", "content/example-grain-talks.yml"


def cast_project(target: Path) -> Path:
    """A project whose content is the example stories and their register."""
    return project_with(CAST, target)


@pytest.fixture
def cast(tmp_path: Path) -> Path:
    return cast_project(tmp_path)


def texts(project: Path) -> dict[str, str]:
    content = project / "content"
    return {
        str(p.relative_to(project)): p.read_text(encoding="utf-8")
        for p in sorted(content.rglob("*.yml"))
    }


def changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    """(lines only in before, lines only in after), in order."""
    diff = list(difflib.ndiff(before.splitlines(), after.splitlines()))
    return (
        [line[2:] for line in diff if line.startswith("- ")],
        [line[2:] for line in diff if line.startswith("+ ")],
    )


# The example site, before and after the merge -----------------------------------------


def test_duplicates_are_reported_with_the_id_to_use(cast: Path) -> None:
    listed = explainer("actors", "duplicates", cwd=cast)
    assert listed.returncode == 0, listed.stderr
    assert "same name   chancellor-brandvik -> brandvik" in listed.stdout
    assert "same name   joerg-brandvik -> brandvik" in listed.stdout
    assert "explainer actors merge chancellor-brandvik brandvik" in listed.stdout
    assert "2 likely duplicate(s): 2 with the same name" in listed.stdout

    checked = explainer("validate", cwd=cast)
    assert checked.returncode == 1
    lines = [x for x in checked.stderr.splitlines() if "looks like" in x]
    assert len(lines) == 2, checked.stderr
    rail = next(x for x in lines if x.startswith(RAIL))
    assert re.match(rf"{RAIL}:22:5: actors\[0\]\.id: actor 'chancellor-brandvik' looks like "
                    r"'brandvik': “Chancellor Brandvik” is only the surname of 'brandvik' "
                    r"“Jörg Brandvik” \(content/actors/brandvik\.yml:3\)", rail)  # fmt: skip
    assert "expected `id: brandvik`" in rail and "distinct_from: [brandvik]" in rail
    grain = next(x for x in lines if x.startswith(GRAIN))
    assert "“Joerg Brandvik” is also a name of 'brandvik' (content/actors/brandvik.yml:5)" in grain
    # and the site is not built with one person on three pages
    assert mkdocs("build", cwd=cast).returncode == 1


def test_merge_makes_one_person_and_keeps_every_other_line(cast: Path) -> None:
    before = texts(cast)
    for old in ("chancellor-brandvik", "joerg-brandvik"):
        merged = explainer("actors", "merge", old, "brandvik", cwd=cast)
        assert merged.returncode == 0, merged.stderr
        assert f"merged '{old}' into 'brandvik'" in merged.stdout
    after = texts(cast)
    assert set(after) == set(before)
    # files that never mentioned the two ids are untouched
    assert [f for f in before if before[f] != after[f]] == [GRAIN, RAIL]
    # in the two that did, only the lines naming the old ids changed, and every
    # comment is still there (the one on a removed line moved to the next line kept)
    removed, added = changed_lines(before[RAIL], after[RAIL])
    assert removed == [
        "  - id: chancellor-brandvik",
        "    name: Chancellor Brandvik   # title and surname, as the Courier prints it",
        "    kind: person",
        "    speaker: chancellor-brandvik",
        "    body: chancellor-brandvik",
    ]
    assert added == [
        "  - id: brandvik",
        "    aliases: [Chancellor Brandvik] # title and surname, as the Courier prints it",
        "    speaker: brandvik",
        "    body: brandvik",
    ]
    removed, added = changed_lines(before[GRAIN], after[GRAIN])
    assert removed == [
        "  - id: joerg-brandvik",
        "    name: Joerg Brandvik",
        "    kind: person",
        "    speaker: joerg-brandvik",
    ]
    assert added == ["  - id: brandvik", "    speaker: brandvik"]
    for name, text in before.items():
        comments = [line for line in text.splitlines() if line.lstrip().startswith("#")]
        assert all(c in after[name].splitlines() for c in comments), name

    checked = explainer("validate", cwd=cast)
    assert checked.returncode == 0, checked.stderr
    assert "3 story file(s) checked, no problems" in checked.stdout
    built = mkdocs("build", "--strict", cwd=cast)
    assert built.returncode == 0, built.stderr
    site = cast / "site"
    assert sorted(p.name for p in (site / "people").iterdir() if p.is_dir()) == [
        "brandvik",
        "velmark-ports-authority",
    ]
    person = page(site, "people/brandvik/")
    assert person.find("h1").get_text(strip=True) == "Jörg Brandvik"
    assert len(person.select(".md-content h2 a")) == 3
    assert len(person.select("figure.ex-quote")) == 3
    people = page(site, "people/")
    assert [a.get_text() for a in people.select(".md-content li a")] == [
        "Jörg Brandvik",
        "Velmark Ports Authority",
    ]
    assert [h.get_text(strip=True) for h in people.select(".md-content h2")] == [
        "People",
        "Government bodies",
    ]


def jsonld(site: Path, path: str) -> list[dict]:
    html = (site / path / "index.html").read_text(encoding="utf-8")
    return extruct.extract(html, syntaxes=["json-ld"], uniform=True)["json-ld"]


def test_json_ld_links_the_register_actor_to_wikidata(cast: Path) -> None:
    wikidata = "https://www.wikidata.org/wiki/Q4115189"
    assert mkdocs("build", "--strict", cwd=cast).returncode == 1  # duplicates first
    for old in ("chancellor-brandvik", "joerg-brandvik"):
        assert explainer("actors", "merge", old, "brandvik", cwd=cast).returncode == 0
    assert mkdocs("build", "--strict", cwd=cast).returncode == 0
    site = cast / "site"
    [profile] = jsonld(site, "people/brandvik")
    assert profile["@type"] == "ProfilePage"
    assert profile["mainEntity"]["name"] == "Jörg Brandvik"
    assert profile["mainEntity"]["sameAs"] == [wikidata, "https://example.org/velmark/chancellor"]
    [graph] = jsonld(site, "stories/example-harbour-deal")
    [article] = [n for n in graph["@graph"] if n["@type"] == "NewsArticle"]
    mentions = {m["name"]: m for m in article["mentions"]}
    assert mentions["Jörg Brandvik"]["sameAs"] == wikidata
    assert "sameAs" not in mentions["Velmark Ports Authority"]  # the register gives none
    # the anonymous official is nobody's name, in any story
    [graph] = jsonld(site, "stories/example-rail-strike/quotes")
    creators = [n["creator"] for n in graph["@graph"] if n["@type"] == "Quotation"]
    assert {"@type": "Person", "description": "A senior port official: Described the backlog"} in (
        creators
    )
    assert all(c.get("name") != "A senior port official" for c in creators)
    [article] = [n for n in graph["@graph"] if n["@type"] == "NewsArticle"]
    assert "A senior port official" not in json.dumps(article["mentions"])


def test_anonymous_speakers_are_never_one_person(cast: Path) -> None:
    for old in ("chancellor-brandvik", "joerg-brandvik"):
        assert explainer("actors", "merge", old, "brandvik", cwd=cast).returncode == 0
    listed = explainer("actors", cwd=cast)
    assert "port-official" not in listed.stdout  # never a shared actor
    assert mkdocs("build", "--strict", cwd=cast).returncode == 0
    site = cast / "site"
    assert not (site / "people" / "port-official").exists()
    for story, said in (("example-rail-strike", "Ships are waiting"),
                        ("example-grain-talks", "The backlog has cleared")):  # fmt: skip
        actors = page(site, f"stories/{story}/actors/")
        card = actors.find(id="port-official").find_parent("li")
        assert "Unnamed source" in card.get_text()
        assert not card.find("a", href=re.compile("people/"))
        quotes = page(site, f"stories/{story}/quotes/")
        assert said in quotes.get_text() and "A senior port official" in quotes.get_text()


def test_an_unknown_speaker_must_be_marked_anonymous(cast: Path) -> None:
    path = cast / RAIL
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    anonymous: true\n", "", 1), encoding="utf-8")
    checked = explainer("validate", cwd=cast)
    assert checked.returncode == 1
    [line] = [x for x in checked.stderr.splitlines() if "unnamed or unknown" in x]
    assert line.startswith(f"{RAIL}:29:5: actors[1].name: 'A senior port official' reads as")
    assert "expected `anonymous: true`" in line


# Merging: refusals, both ids in one story, two register entries, re-wrapped files ------


def test_merge_refuses_while_a_digest_does_not_validate(cast: Path) -> None:
    path = cast / GRAIN
    path.write_text(path.read_text(encoding="utf-8").replace("extent: full", "extnt: full", 1))
    before = texts(cast)
    merged = explainer("actors", "merge", "chancellor-brandvik", "brandvik", cwd=cast)
    assert merged.returncode == 1
    assert f"{GRAIN}:" in merged.stderr and "did you mean `extent`?" in merged.stderr
    assert "every file must be valid first; nothing changed" in merged.stderr
    assert texts(cast) == before


def test_merge_refuses_to_replace_a_register_id_by_a_story_one(cast: Path) -> None:
    before = texts(cast)
    merged = explainer("actors", "merge", "brandvik", "chancellor-brandvik", cwd=cast)
    assert merged.returncode == 1
    assert "expected `explainer actors merge chancellor-brandvik brandvik`" in merged.stderr
    assert explainer("actors", "merge", "brandvik", "nobody", cwd=cast).returncode == 1
    assert texts(cast) == before


def test_merge_folds_two_actors_of_one_story_into_one(cast: Path) -> None:
    path = cast / "content" / "example-harbour-deal.yml"
    text = path.read_text(encoding="utf-8").replace(
        "  - id: velmark-ports-authority\n",
        "  - id: j-brandvik\n    name: J. Brandvik\n    kind: person\n"
        "    role: Signed for the government\n    described_as: [the signatory]\n"
        "  - id: velmark-ports-authority\n",
    )
    text = text.replace("    speaker: brandvik\n", "    speaker: j-brandvik\n")
    path.write_text(text, encoding="utf-8")
    merged = explainer("actors", "merge", "j-brandvik", "brandvik", cwd=cast)
    assert merged.returncode == 0, merged.stderr
    assert "actor 'j-brandvik' folded into 'brandvik'" in merged.stdout
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    [actor] = [a for a in data["actors"] if a["id"] == "brandvik"]
    assert actor["aliases"] == ["J. Brandvik"] and actor["described_as"] == ["the signatory"]
    assert [a["id"] for a in data["actors"]] == ["brandvik", "velmark-ports-authority"]
    assert data["quotes"][0]["speaker"] == "brandvik"
    assert explainer("validate", str(path), cwd=cast).returncode == 0


def test_merging_two_register_entries_keeps_every_spelling(cast: Path) -> None:
    register = cast / "content" / "actors"
    (register / "brandvik-j.yml").write_text(
        "# A second entry for the same made-up person\nid: brandvik-j\nname: J. Brandvik\n"
        "aliases: [Brandvík]\nkind: person\n",
        encoding="utf-8",
    )
    merged = explainer("actors", "merge", "brandvik-j", "brandvik", cwd=cast)
    assert merged.returncode == 0, merged.stderr
    assert not (register / "brandvik-j.yml").exists()
    entry = yaml.safe_load((register / "brandvik.yml").read_text(encoding="utf-8"))
    assert entry["aliases"][-2:] == ["J. Brandvik", "Brandvík"]
    text = (register / "brandvik.yml").read_text(encoding="utf-8")
    assert text.startswith("# Example register entry: a made-up person.\n")
    assert "# Wikidata's sandbox item: a harmless stand-in for a real id.\n" in text


def test_merge_keeps_long_lines_its_yaml_library_would_rewrap(cast: Path) -> None:
    """A digest written by PyYAML (long values wrapped at 80 columns): ruamel.yaml would
    wrap them differently, yet every line outside the change stays as it was."""
    path = cast / GRAIN
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["summary"] = "Talks on grain exports " * 12 + "resumed."
    data["actors"][0]["role"] = "Chaired the talks on grain and on the port's fees " * 3
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    before = path.read_text(encoding="utf-8")
    assert explainer("actors", "merge", "joerg-brandvik", "brandvik", cwd=cast).returncode == 0
    removed, added = changed_lines(before, path.read_text(encoding="utf-8"))
    assert removed == ["- id: joerg-brandvik", "  name: Joerg Brandvik", "  kind: person",
                       "  speaker: joerg-brandvik"]  # fmt: skip
    assert added == ["- id: brandvik", "  speaker: brandvik"]


def test_distinct_from_keeps_two_people_of_one_name_apart(cast: Path) -> None:
    path = cast / RAIL
    text = path.read_text(encoding="utf-8").replace(
        "    described_as: [the chancellor]\n",
        "    described_as: [the chancellor]\n    distinct_from: [brandvik, joerg-brandvik]\n",
    )
    path.write_text(text, encoding="utf-8")
    grain = cast / GRAIN
    grain.write_text(
        grain.read_text(encoding="utf-8").replace(
            "    role: Chaired the talks\n",
            "    role: Chaired the talks\n    distinct_from: [brandvik]\n",
        ),
        encoding="utf-8",
    )
    checked = explainer("validate", cwd=cast)
    assert checked.returncode == 0, checked.stderr
    assert mkdocs("build", "--strict", cwd=cast).returncode == 0
    assert (cast / "site" / "people" / "chancellor-brandvik" / "index.html").is_file()


# Names in any script, ids and reserved names --------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Jörg Brandvik", "jorg-brandvik"), ("Йорг Брандвик", "iorg-brandvik"),
     ("Zoë Ó Súilleabháin", "zoe-o-suilleabhain"), ("Łucja Żółć", "lucja-zolc"),
     ("Ψαράς", "psaras"), ("O’Brien’s", "obriens"), ("🙂", "")],
)  # fmt: skip
def test_slugs_transliterate_names_to_readable_ids(name: str, expected: str) -> None:
    assert slug(name) == expected
    assert draft_slug(name) == (expected or "item")  # the drafter's ids are the same


def test_names_compare_without_accents_titles_or_case() -> None:
    same = ["Jörg Brandvik", "JORG BRANDVIK", "Chancellor Jorg Brandvik", "Mr. Jörg Brandvik",
            "Deputy Prime Minister Jörg Brandvik"]  # fmt: skip
    assert {name_key(n) for n in same} == {"jorg brandvik"}
    assert name_key("King") == "king"  # a title is never the whole name


def test_a_cyrillic_spelling_matches_when_listed_and_is_noted_when_only_alike(cast: Path) -> None:
    path = cast / GRAIN
    path.write_text(
        path.read_text(encoding="utf-8").replace("name: Joerg Brandvik", "name: Йорг Брандвик"),
        encoding="utf-8",
    )
    checked = explainer("validate", cwd=cast)
    assert "“Йорг Брандвик” is also a name of 'brandvik'" in checked.stderr
    # a transliteration the register does not list: like names, a note and not an error
    register = cast / "content" / "actors" / "brandvik.yml"
    register.write_text(register.read_text(encoding="utf-8").replace("  - Йорг Брандвик\n", ""))
    assert explainer("actors", "merge", "chancellor-brandvik", "brandvik", cwd=cast).returncode == 0
    checked = explainer("validate", cwd=cast)
    assert checked.returncode == 0, checked.stderr
    assert (
        "note: actors joerg-brandvik -> brandvik (like names: “Йорг Брандвик”, “Jörg Brandvik”)"
        in checked.stdout
    )
    listed = explainer("actors", "duplicates", cwd=cast)
    assert "like names  joerg-brandvik -> brandvik" in listed.stdout


def test_a_cyrillic_tag_gets_a_readable_topic_address(cast: Path) -> None:
    for old in ("chancellor-brandvik", "joerg-brandvik"):
        assert explainer("actors", "merge", old, "brandvik", cwd=cast).returncode == 0
    path = cast / RAIL
    path.write_text(path.read_text(encoding="utf-8").replace("[Velmark, Rail]", "[Порты]"))
    assert mkdocs("build", "--strict", cwd=cast).returncode == 0
    topic = page(cast / "site", "topics/porty/")
    assert topic.find("h1").get_text(strip=True) == "Порты"


@pytest.mark.parametrize("name", ["feed", "assets", "search", "pagefind", "archive", "people"])
@pytest.mark.parametrize("where", ["story actor", "register", "story"])
def test_reserved_names_are_refused_for_every_id(cast: Path, where: str, name: str) -> None:
    content = cast / "content"
    if where == "story actor":
        path = content / "example-harbour-deal.yml"
        path.write_text(path.read_text(encoding="utf-8").replace(
            "  - id: velmark-ports-authority\n",
            f"  - id: {name}\n    name: Someone Else\n    kind: person\n    role: x\n"
            "  - id: velmark-ports-authority\n"))  # fmt: skip
        field = "actors[1].id"
    elif where == "register":
        path = content / "actors" / f"{name}.yml"
        path.write_text(f"id: {name}\nname: Someone Else\nkind: person\n", encoding="utf-8")
        field = "id"
    else:
        old = content / "example-harbour-deal.yml"
        path = content / f"{name}.yml"
        path.write_text(old.read_text(encoding="utf-8").replace(
            "id: example-harbour-deal", f"id: {name}"))  # fmt: skip
        old.unlink()
        field = "id"
    checked = explainer("validate", cwd=cast)
    assert checked.returncode == 1
    shown = path.relative_to(cast)
    [line] = [x for x in checked.stderr.splitlines() if x.startswith(f"{shown}:")]
    assert re.match(rf"{shown}:\d+:\d+: {re.escape(field)}: '{name}' is reserved", line), line


def test_register_problems_are_located_in_the_register_file(cast: Path) -> None:
    register = cast / "content" / "actors" / "brandvik.yml"
    register.write_text(register.read_text(encoding="utf-8").replace("Q4115189", "q4115189"))
    checked = explainer("validate", cwd=cast)
    assert checked.returncode == 1
    [line] = [x for x in checked.stderr.splitlines() if x.startswith("content/actors/")]
    assert line.startswith(
        "content/actors/brandvik.yml:11:1: wikidata: 'q4115189' is not a Wikidata id (expected "
        "`Q` and digits"
    )


def test_a_draft_takes_the_register_id_of_an_actor_it_recognises(cast: Path) -> None:
    article = cast / "port.txt"
    article.write_text(
        "Port reopens early\n\nEXAMPLE ARTICLE: made-up names and places.\n\n"
        "“We are ahead of schedule,” Joerg Brandvik said on Monday.\n",
        encoding="utf-8",
    )
    drafted = explainer("draft", str(article), "--id", "example-port-reopens", cwd=cast)
    assert drafted.returncode == 0, drafted.stderr
    digest = cast / "content" / "example-port-reopens.yml"
    text = digest.read_text(encoding="utf-8")
    assert "# Actors found in the register: brandvik\n" in text
    data = yaml.safe_load(text)
    [actor] = [a for a in data["actors"] if a["id"] == "brandvik"]
    assert "name" not in actor and "kind" not in actor  # the register's are used
    assert data["quotes"][0]["speaker"] == "brandvik"
    checked = explainer("validate", str(digest.relative_to(cast)), cwd=cast)
    assert checked.returncode == 0, checked.stderr


def test_merge_rewrites_ids_inside_joint_statements_and_relay_chains(cast: Path) -> None:
    path = cast / RAIL
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        "    speaker: port-official\n",
        "    speaker: [port-official, chancellor-brandvik]\n"
        "    via: [velmark-ports-authority, chancellor-brandvik]\n",
    )
    text = text.replace(
        "  - id: port-official\n",
        "  - id: velmark-ports-authority\n    role: Relayed the official's words\n\n"
        "  - id: port-official\n",
    )
    path.write_text(text, encoding="utf-8")
    # the joint statement's words are still the article's; validate says only the duplicate
    before = explainer("validate", cwd=cast)
    assert all("looks like" in x for x in before.stderr.splitlines()[:-1]), before.stderr
    assert explainer("actors", "merge", "chancellor-brandvik", "brandvik", cwd=cast).returncode == 0
    after = path.read_text(encoding="utf-8")
    assert "    speaker: [port-official, brandvik]\n" in after
    assert "    via: [velmark-ports-authority, brandvik]\n" in after
    assert "chancellor-brandvik" not in after
    assert explainer("validate", str(path.relative_to(cast)), cwd=cast).returncode == 0
