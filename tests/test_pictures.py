"""The pictures: a story's map (places at their coordinates, its route, the source's
distances, countries), its timeline graphic and its share card, read back from what
`mkdocs build` and `explainer generate` write."""

from __future__ import annotations

import json
import math
import re
import struct
from pathlib import Path

import extruct
import pytest
import yaml
from bs4 import BeautifulSoup
from PIL import Image, ImageDraw, ImageFont

from generator.digest.register import load_story
from generator.website.pictures.atlas import MAP_DATA_VARIABLE
from generator.website.pictures.cards import Card, draw_card
from generator.website.pictures.fonts import font_for
from generator.website.pictures.topojson import TopologyError, decode_arcs, features

from .conftest import ROOT, STORY_ID, explainer, mkdocs, page, project_with

REPORTING = Path(__file__).parent / "fixtures" / "reporting"
TESSING = "example-tessing-dam-flood"
STORY, _ = load_story(ROOT / "content" / f"{STORY_ID}.yml")
BASE = f"stories/{STORY_ID}"


def text_of(node) -> str:
    return " ".join(node.get_text(" ").split())


# TopoJSON -----------------------------------------------------------------------------

TOPOLOGY = {
    "type": "Topology",
    "transform": {"scale": [0.5, 0.25], "translate": [10, 40]},
    "objects": {
        "countries": {
            "type": "GeometryCollection",
            "geometries": [
                {"type": "Polygon", "arcs": [[0, 1]], "id": "001",
                 "properties": {"name": "Westland"}},
                {"type": "Polygon", "arcs": [[-1, 2]], "properties": {"name": "Eastland"}},
                {"type": "MultiPolygon", "arcs": [[[3]], [[4]]],
                 "properties": {"name": "Islands"}},
                {"type": "LineString", "arcs": [0], "properties": {"name": "A line"}},
            ],
        }
    },
    # quantized and delta-encoded: each position is the step from the one before
    "arcs": [
        [[4, 0], [0, 4]],  # the border: (4, 0) to (4, 4)
        [[4, 4], [-4, 0], [0, -4], [4, 0]],  # Westland's other sides, back to (4, 0)
        [[4, 0], [4, 0], [0, 4], [-4, 0]],  # Eastland's other sides, to (4, 4)
        [[20, 20], [1, 0], [-1, 1], [0, -1]],
        [[30, 30], [2, 0], [-2, 2], [0, -2]],
    ],
}  # fmt: skip


def test_topojson_decodes_a_small_hand_made_topology() -> None:
    found = {f.name: f for f in features(TOPOLOGY, "countries")}
    assert set(found) == {"Westland", "Eastland", "Islands"}  # a line is no country
    assert found["Westland"].id == "001" and found["Eastland"].id is None
    # x * 0.5 + 10, y * 0.25 + 40; consecutive arcs share their end point
    assert found["Westland"].polygons == [
        [[(12.0, 40.0), (12.0, 41.0), (10.0, 41.0), (10.0, 40.0), (12.0, 40.0)]]
    ]
    # `-1` is arc 0 (`~0`) reversed: the shared border, walked the other way
    assert found["Eastland"].polygons == [
        [[(12.0, 41.0), (12.0, 40.0), (14.0, 40.0), (14.0, 41.0), (12.0, 41.0)]]
    ]
    islands = found["Islands"].polygons
    assert len(islands) == 2 and islands[1][0][0] == (25.0, 47.5)


def test_topojson_without_a_transform_keeps_the_positions() -> None:
    plain = {"type": "Topology", "arcs": [[[1.5, 2.5], [3, 4]]], "objects": {}}
    assert decode_arcs(plain) == [[(1.5, 2.5), (3.0, 4.0)]]


@pytest.mark.parametrize(
    "bad",
    [{"type": "FeatureCollection", "features": []}, {"type": "Topology", "objects": {}},
     {"type": "Topology", "arcs": [], "objects": {"countries": {"type": "GeometryCollection",
      "geometries": [{"type": "Polygon", "arcs": [[7]]}]}}}],
)  # fmt: skip
def test_a_file_that_is_no_topology_is_refused(bad: dict) -> None:
    with pytest.raises(TopologyError):
        features(bad, "countries")


# Coordinates: located errors ------------------------------------------------------------


def tessing_project(tmp_path: Path) -> Path:
    (tmp_path / "project").mkdir()
    return project_with(REPORTING, tmp_path / "project")


def write_story(project: Path, data: dict, story: str = TESSING) -> str:
    path = project / "content" / f"{story}.yml"
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    path.write_text(text, encoding="utf-8")
    return text


def read_story(project: Path, story: str = TESSING) -> dict:
    return yaml.safe_load((project / "content" / f"{story}.yml").read_text(encoding="utf-8"))


def line_of_key(text: str, key: str, after: str = "places:") -> int:
    """The line of the first `key:` after the line `after`."""
    lines = text.splitlines()
    start = lines.index(after)
    return next(
        i + 1 for i, line in enumerate(lines) if i > start and line.strip().startswith(f"{key}:")
    )


BAD_COORDINATES = [
    ("latitude out of range", {"latitude": 95.2}, "latitude",
     r"places\[0\]\.latitude: 95\.2 is out of range \(expected degrees from -90 to 90: "
     r"north positive, south negative\)"),
    ("longitude out of range", {"longitude": -181}, "longitude",
     r"places\[0\]\.longitude: -181 is out of range \(expected degrees from -180 to 180: "
     r"east positive, west negative\)"),
    ("degrees and minutes as text", {"latitude": "45°24′S"}, "latitude",
     r"places\[0\]\.latitude: expected a number of degrees such as 55\.76, got text "
     r"'45°24′S' \(write decimal degrees"),
    ("not a number", {"longitude": math.nan}, "longitude",
     r"places\[0\]\.longitude: nan is not a finite number \(expected degrees from -180"),
    ("true or false", {"latitude": True}, "latitude",
     r"places\[0\]\.latitude: expected a number of degrees such as 55\.76, got bool"),
    ("one without the other", {"longitude": None}, "latitude",
     r"places\[0\]\.latitude: `latitude` without `longitude` \(expected both, or neither"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("what", "change", "key", "expected"), BAD_COORDINATES, ids=[b[0] for b in BAD_COORDINATES]
)
def test_a_place_with_bad_coordinates_is_a_located_error(
    tmp_path: Path, what: str, change: dict, key: str, expected: str
) -> None:
    project = tessing_project(tmp_path)
    data = read_story(project)
    place = data["places"][0]
    assert place["latitude"] and place["longitude"]
    place.update(change)
    if place["longitude"] is None:
        del place["longitude"]
    text = write_story(project, data)
    result = explainer("validate", cwd=project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    [line] = [x for x in result.stderr.splitlines() if x.startswith("content/")]
    assert re.match(rf"content/{TESSING}\.yml:(\d+):\d+: {expected}", line), line
    assert int(line.split(":")[1]) == line_of_key(text, key), (line, what)


BAD_ROUTES = [
    ("unknown stop", {"stops": ["lower-tessing", "nowhere"]},
     r"route\.stops\[1\]: unknown place id 'nowhere' \(expected one of: grennick-airfield, "
     r"lower-tessing, tessing-dam\)"),
    ("a single place", {"stops": ["lower-tessing"]},
     r"route\.stops: a route needs two places"),
    ("a stop without coordinates", {"stops": ["lower-tessing", "unmapped-farm"]},
     r"route\.stops\[1\]: place 'unmapped-farm' has no coordinates \(expected `latitude` and "
     r"`longitude` on it, to draw the route\)"),
    ("heading for an unknown place", {"stops": ["tessing-dam"], "towards": "the-sea"},
     r"route\.towards: unknown place id 'the-sea'"),
    ("a claimed distance without who claims it",
     {"stops": ["tessing-dam", "lower-tessing"], "distances": [
         {"to": "grennick-airfield", "value": 9, "unit": "km", "wording": "6 miles downstream",
          "certainty": "claimed"}]},
     r"route\.distances\[0\]\.certainty: a claimed distance needs `claimed_by`"),
]  # fmt: skip


@pytest.mark.parametrize(("what", "route", "expected"), BAD_ROUTES, ids=[b[0] for b in BAD_ROUTES])
def test_a_route_through_unknown_or_unmapped_places_is_a_located_error(
    tmp_path: Path, what: str, route: dict, expected: str
) -> None:
    project = tessing_project(tmp_path)
    data = read_story(project)
    if "unmapped-farm" in route["stops"]:
        data["places"].append({"id": "unmapped-farm", "name": "A farm", "kind": "farm",
                               "role": "Somewhere without coordinates."})  # fmt: skip
    data["route"] = {"label": "The flood wave", **route}
    write_story(project, data)
    result = explainer("validate", cwd=project)
    assert result.returncode == 1, result.stdout
    [line] = [x for x in result.stderr.splitlines() if x.startswith("content/")]
    assert re.match(rf"content/{TESSING}\.yml:\d+:\d+: {expected}", line), (what, line)


# Maps ---------------------------------------------------------------------------------


def strip_coordinates(project: Path) -> None:
    for path in (project / "content").glob("*.yml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for place in data.get("places", []):
            place.pop("latitude", None)
            place.pop("longitude", None)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


def test_a_story_without_coordinates_has_no_map_and_no_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tessing_project(tmp_path)
    strip_coordinates(project)
    monkeypatch.setenv(MAP_DATA_VARIABLE, str(tmp_path / "no-such-map-data.json"))
    assert explainer("validate", cwd=project).returncode == 0
    result = mkdocs("build", "--strict", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "no map data" not in result.stderr  # none needed, none asked for
    site = project / "site"
    places = page(site, f"stories/{TESSING}/places/")
    assert places.select(".md-content svg") == []
    assert [h.get("id") for h in places.select(".md-content h2")] == [
        "place-lower-tessing", "place-tessing-dam", "place-grennick-airfield"
    ]  # fmt: skip
    summary = page(site, f"stories/{TESSING}/")
    assert summary.select(".ex-map") == [] and summary.find(id="where-it-happened") is None
    assert page(site, f"stories/{TESSING}/timeline/").select_one("svg.ex-timescale")


def test_without_map_data_the_site_is_built_without_maps_and_one_warning_says_how(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tessing_project(tmp_path)
    monkeypatch.setenv(MAP_DATA_VARIABLE, str(tmp_path / "no-such-map-data.json"))
    result = mkdocs("build", cwd=project)
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if "WARNING" in line]
    assert len(warnings) == 1, result.stderr
    assert (
        "no map data" in warnings[0]
        and "npm install --prefix .venv/map-data world-atlas@2" in (warnings[0])
    )
    for story in ("example-kessel-ford-closure", TESSING):
        places = page(project / "site", f"stories/{story}/places/")
        assert places.select(".md-content svg") == [] and places.select(".md-content h2")
    # `--strict` makes every warning an error, this one too
    assert mkdocs("build", "--strict", cwd=project).returncode == 1


def test_map_data_named_by_the_variable_is_drawn(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A hand-made topology stands in for Natural Earth: its country is drawn and named."""
    topology = tmp_path / "countries.json"
    topology.write_text(json.dumps(TOPOLOGY), encoding="utf-8")
    monkeypatch.setenv(MAP_DATA_VARIABLE, str(topology))
    project = tessing_project(tmp_path)
    data = read_story(project)
    for place, (lat, lon) in zip(data["places"], [(40.5, 11.0), (40.55, 10.95), (40.45, 11.08)],
                                 strict=True):  # fmt: skip
        place.update(latitude=lat, longitude=lon)
    write_story(project, data)
    result = mkdocs("build", "--strict", cwd=project)
    assert result.returncode == 0, result.stderr
    svg = page(project / "site", f"stories/{TESSING}/places/").select_one("svg.ex-map")
    assert [text_of(t) for t in svg.select("text.ex-map__country")] == ["Westland"]
    assert "with the borders of Westland" in text_of(svg.find("desc"))
    assert len(svg.select("path.ex-map__land")) == 1


def test_the_seed_map_shows_its_places_route_and_both_accounts_of_the_distance(
    site: Path,
) -> None:
    soup = page(site, f"{BASE}/places/")
    svg = soup.select_one("figure.ex-map-figure svg")
    assert svg["role"] == "img"
    title_id, desc_id = svg["aria-labelledby"].split()
    assert text_of(svg.find(id=title_id)) and svg.find(id=title_id).name == "title"
    description = text_of(svg.find(id=desc_id))
    assert "Rostov-on-Don" in description and "heading for Moscow, not reached" in description
    labels = [text_of(t) for t in svg.select("text")]
    for place in STORY.places:
        assert place.name in labels, place.name
    assert {"Belarus", "Russia"} <= set(labels)  # countries named for orientation
    measures = " ".join(text_of(t) for t in svg.select("text.ex-map__measure"))
    assert "“only around 230 miles south of Moscow” reported" in measures
    assert "“just 200km short” claimed by Yevgeny Prigozhin" in measures
    assert len(svg.select("path.ex-map__measure")) == 2
    assert svg.select_one("path.ex-map__route") and svg.select_one(".ex-map__route--heading")
    # the text alternative: the places listed under the map, the route in words
    assert [h["id"] for h in soup.select(".md-content h2")] == [
        f"place-{p.id}" for p in STORY.places
    ]
    route = " ".join(soup.select_one(".ex-route").get_text().split())
    assert route == (
        "Wagner’s march on Moscow: Rostov-on-Don → Lipetsk Region, heading for Moscow, not reached."
    )
    assert "“just 200km short” Claimed by Yevgeny Prigozhin" in text_of(
        soup.select_one(".md-content")
    )
    # the summary has the small map, and a link to this page
    summary = page(site, f"{BASE}/")
    assert summary.select_one("#where-it-happened ~ figure svg.ex-map--small")
    assert summary.find("a", href="places/", string=re.compile("Every place"))


def test_the_timeline_graphic_links_each_mark_to_its_entry_in_order(site: Path) -> None:
    soup = page(site, f"{BASE}/timeline/")
    svg = soup.select_one("figure.ex-timescale-figure svg")
    assert svg.find(id=svg["aria-labelledby"]).name == "title"
    marks = svg.select("a")
    events = STORY.chronology()
    assert [a["href"] for a in marks] == [f"#event-{e.id}" for e in events]
    entries = [li["id"] for li in soup.select("ol.ex-timeline > li")]
    assert entries == [f"event-{e.id}" for e in events]  # numbered alike
    for number, (mark, event) in enumerate(zip(marks, events, strict=True), start=1):
        assert f"ex-mark--{event.certainty}" in mark["class"]
        assert text_of(mark.find("text")) == str(number)
        name = text_of(mark.find("title"))
        assert name.startswith(f"{number}. ") and event.certainty in name, name
    # certainty is a shape, not only a colour: circles (confirmed, reported), diamonds
    shapes = {e.certainty: m.select_one("path")["d"] for m, e in zip(marks, events, strict=True)}
    assert "a" in shapes["confirmed"] and "a" not in shapes["claimed"]
    legend = text_of(soup.select_one("figure.ex-timescale-figure figcaption"))
    assert "● confirmed · ○ reported · ◇ claimed" in legend


# Share cards ------------------------------------------------------------------------------


def png_chunks(data: bytes) -> list[str]:
    chunks, at = [], 8
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at : at + 8])
        chunks.append(kind.decode("ascii"))
        at += 12 + length
    return chunks


def test_the_share_card_is_a_1200_by_630_png_named_in_the_head(site: Path) -> None:
    html = (site / BASE / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    image = soup.find("meta", property="og:image")["content"]
    assert re.fullmatch(rf"https://explainer\.example\.org/{BASE}/card-[0-9a-f]{{16}}\.png", image)
    assert soup.find("meta", attrs={"name": "twitter:card"})["content"] == "summary_large_image"
    assert soup.find("meta", attrs={"name": "twitter:image"})["content"] == image
    assert soup.find("meta", property="og:image:width")["content"] == "1200"
    [graph] = extruct.extract(html, syntaxes=["json-ld"], uniform=True)["json-ld"]
    [article] = [n for n in graph["@graph"] if n["@type"] == "NewsArticle"]
    assert article["image"]["url"] == image
    card = site / image.removeprefix("https://explainer.example.org/")
    with Image.open(card) as picture:
        assert picture.size == (1200, 630) and picture.format == "PNG"
    assert not {"tIME", "tEXt", "iTXt", "zTXt", "eXIf"} & set(png_chunks(card.read_bytes()))
    # every page of the story names the same card
    for section in ("quotes/", "places/"):
        other = BeautifulSoup((site / BASE / section / "index.html").read_text(), "html.parser")
        assert other.find("meta", property="og:image")["content"] == image


def test_a_card_is_drawn_again_only_when_what_it_shows_changes(project: Path) -> None:
    assert explainer("generate", cwd=project).returncode == 0
    folder = project / "generated" / BASE
    [card] = folder.glob("card-*.png")
    before = (card.read_bytes(), card.stat().st_mtime_ns)
    again = explainer("generate", cwd=project)
    assert "0 written" in again.stdout
    [same] = folder.glob("card-*.png")
    assert same == card and (card.read_bytes(), card.stat().st_mtime_ns) == before
    digest = project / "content" / f"{STORY_ID}.yml"
    text = digest.read_text(encoding="utf-8")
    digest.write_text(text.replace(f"title: {STORY.title}", "title: A new title"), "utf-8")
    changed = explainer("generate", cwd=project)
    assert changed.returncode == 0 and "1 removed" in changed.stdout
    [new] = folder.glob("card-*.png")
    assert new != card and new.read_bytes() != before[0]
    with Image.open(new) as picture:
        assert picture.size == (1200, 630)


def test_a_cyrillic_title_is_drawn_in_letters_not_boxes() -> None:
    title = "Лукашенко заявил, что Пригожин остановил марш"
    path = font_for(title, bold=True)
    assert path is not None, "no system font: run tests/setup.sh"
    font = ImageFont.truetype(path, 64)

    def glyph(char: str) -> bytes:
        image = Image.new("L", (96, 96))
        ImageDraw.Draw(image).text((12, 4), char, font=font, fill=255)
        return image.tobytes()

    box = glyph(chr(0x10FFFD))  # a character no font has: drawn as the missing-glyph box
    glyphs = {char: glyph(char) for char in set(title) if char.isalpha()}
    assert all(glyph != box for glyph in glyphs.values()), [
        c for c, g in glyphs.items() if g == box
    ]
    assert len(set(glyphs.values())) == len(glyphs)  # every letter its own shape
    card = Card("Explainer", title, "Лидер Белоруссии говорит о сделке.", "Updated 1 May 2026",
                (path, font_for("Лидер Белоруссии")))  # fmt: skip
    data = draw_card(card)
    assert data == draw_card(card)  # the same inputs, the same bytes
    assert struct.unpack(">II", data[16:24]) == (1200, 630)
