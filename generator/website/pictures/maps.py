"""A story's map, as numbers for the SVG template (`theme/pages/pictures.md.j2`): its
places at their coordinates, its route, the source's distances drawn to scale, and
the countries around them for orientation.

Projection: equirectangular around the places' centre, longitudes shortened by the
cosine of the centre's latitude, so that near the centre a kilometre is as long east
to west as north to south (over a story's few hundred kilometres the error is small).
The frame is the places' bounding box with a margin, widened to between 1:1 and 2:1.
Country shapes are clipped to the frame and simplified to under a pixel, so the inline
SVG stays small.

A distance is drawn from the place it is measured to, towards the place that gives
it (or a route's last stop), as long as the source says, with the source's words at
its end: two accounts of one distance end at two marks on one line.

Labels are laid out at the size they have on a phone, the largest relative to the
picture (`LABEL_SIZE` user units; `theme/assets/explainer.css` sets the same sizes),
so they neither overlap nor leave the picture on any screen.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from itertools import pairwise

import shapely
from markupsafe import Markup
from shapely.geometry import LineString, Point, box
from shapely.geometry.base import BaseGeometry
from shapely.ops import polylabel

from ...digest.schema import Distance, Place, Story
from .atlas import Atlas
from .layout import Board, Label, around, wrap

WIDTH = 640
"""The map's width in SVG user units; its height follows from the frame."""
LABEL_SIZE = 24
"""A place's label, in user units, as a phone shows it (explainer.css: `.ex-map text`)."""
COUNTRY_SIZE = 19
"""A country's name (explainer.css: `.ex-map .ex-map__country`)."""
MARKER = 7
"""A place's marker: its radius in user units."""
MARGIN = 0.2
"""Space around the places, as a share of their extent on each side."""
MIN_EXTENT_KM = 30
KM_PER_DEGREE = 111.32
SIMPLIFY = 0.8
"""Detail kept in a country's outline, in user units (under a pixel on most screens)."""
WRAP = 20
"""Characters per line of a distance's label."""
ATTEMPTS = 4
"""Frames tried, each wider, when labels would cover something."""
RULER = 13
"""How far beside the line between two places a distance's ruler is drawn."""


def number(value: float) -> str:
    """A coordinate as the SVG needs it: whole units, or one decimal."""
    rounded = round(value, 1)
    return str(int(rounded)) if rounded == int(rounded) else str(rounded)


@dataclass(frozen=True)
class Projection:
    """Degrees to user units around (`lon0`, `lat0`), which lands at (`x0`, `y0`)."""

    lon0: float
    lat0: float
    scale: float  # user units per degree of latitude
    x0: float
    y0: float

    @property
    def km_per_unit(self) -> float:
        return KM_PER_DEGREE / self.scale

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        return (
            self.x0 + (lon - self.lon0) * math.cos(math.radians(self.lat0)) * self.scale,
            self.y0 - (lat - self.lat0) * self.scale,
        )

    def array(self, coords):  # an (n, 2) array of degrees, as `shapely.transform` gives
        cos = math.cos(math.radians(self.lat0))
        return (coords - [self.lon0, self.lat0]) * [cos * self.scale, -self.scale] + [
            self.x0,
            self.y0,
        ]

    def degrees(self, x: float, y: float) -> tuple[float, float]:
        cos = math.cos(math.radians(self.lat0))
        return self.lon0 + (x - self.x0) / (cos * self.scale), self.lat0 - (
            y - self.y0
        ) / self.scale


Bounds = tuple[float, float, float, float]
"""West, south, east and north, in degrees."""


def bounds_of(places: list[Place]) -> Bounds:
    lons = [p.longitude for p in places if p.longitude is not None]
    lats = [p.latitude for p in places if p.latitude is not None]
    return min(lons), min(lats), max(lons), max(lats)


def frame(bounds: Bounds) -> tuple[Projection, float]:
    """The projection that fits `bounds`, with a margin, into WIDTH; and the height."""
    west, south, east, north = bounds
    lat0, lon0 = (south + north) / 2, (west + east) / 2
    cos = math.cos(math.radians(lat0))
    # extents in km, each at least MIN_EXTENT_KM, with the margin on both sides
    wide = max((east - west) * cos * KM_PER_DEGREE, MIN_EXTENT_KM) * (1 + 2 * MARGIN)
    tall = max((north - south) * KM_PER_DEGREE, MIN_EXTENT_KM) * (1 + 2 * MARGIN)
    wide, tall = max(wide, tall), max(tall, wide / 2)  # between 1:1 and 2:1
    scale = WIDTH / wide * KM_PER_DEGREE
    height = tall / wide * WIDTH
    return Projection(lon0, lat0, scale, WIDTH / 2, height / 2), height


def path(geometry: BaseGeometry) -> Markup:
    """An SVG path of a geometry's polygons (or lines): whole units, relative moves."""
    parts: list[str] = []

    def line(coords, closed: bool) -> None:
        points = [(round(x), round(y)) for x, y in coords]
        points = [p for i, p in enumerate(points) if i == 0 or p != points[i - 1]]
        if len(points) < (3 if closed else 2):
            return
        text = f"M{points[0][0]} {points[0][1]}l"
        for (x1, y1), (x2, y2) in pairwise(points):
            for value in (x2 - x1, y2 - y1):
                text += str(value) if value < 0 or text[-1] == "l" else f" {value}"
        parts.append(text + ("z" if closed else ""))

    for part in getattr(geometry, "geoms", [geometry]):
        if part.geom_type == "Polygon":
            line(part.exterior.coords[:-1], True)
            for hole in part.interiors:
                line(hole.coords[:-1], True)
        elif part.geom_type in ("LineString", "LinearRing"):
            line(part.coords, False)
        elif hasattr(part, "geoms"):
            parts.append(str(path(part)))
    return Markup("".join(parts))


@dataclass(frozen=True)
class Country:
    name: str
    path: Markup


@dataclass(frozen=True)
class Marker:
    x: float
    y: float
    place: Place


@dataclass(frozen=True)
class Measure:
    """A distance as the source gives it: a ruler beside the line from the place it is
    measured to, from (x1, y1) to where the source's distance ends (x2, y2), its end
    marks (`tick`) and its words."""

    x1: float
    y1: float
    x2: float
    y2: float
    tick: Markup
    distance: Distance
    label: Label


@dataclass(frozen=True)
class Route:
    travelled: Markup
    heading: Markup | None
    arrows: Markup


@dataclass(frozen=True)
class ScaleBar:
    x: float
    y: float
    length: float
    kilometres: int
    label: Label


@dataclass(frozen=True)
class StoryMap:
    """Everything the map template draws, in user units of a WIDTH x height picture."""

    width: int
    height: int
    countries: tuple[Country, ...]
    markers: tuple[Marker, ...]
    labels: tuple[Label, ...]
    """Place labels, then country names."""
    measures: tuple[Measure, ...]
    route: Route | None
    scale: ScaleBar
    unmapped: tuple[Place, ...]
    """The story's places that have no coordinates."""

    @property
    def country_names(self) -> list[str]:
        return [c.name for c in self.countries]


def _nice_kilometres(target: float) -> int:
    """The round length (1, 2 or 5 times a power of ten) nearest below `target`."""
    power = 10 ** math.floor(math.log10(max(target, 1)))
    return int(max(n * power for n in (1, 2, 5) if n * power <= max(target, 1)))


def _arrow(x1: float, y1: float, x2: float, y2: float, size: float = 9) -> str:
    """A chevron at the middle of a segment, pointing from its start to its end."""
    length = math.hypot(x2 - x1, y2 - y1)
    if length < size * 3:
        return ""
    ux, uy = (x2 - x1) / length, (y2 - y1) / length
    mx, my = (x1 + x2) / 2 + ux * size / 2, (y1 + y2) / 2 + uy * size / 2
    left = (mx - ux * size - uy * size * 0.7, my - uy * size + ux * size * 0.7)
    right = (mx - ux * size + uy * size * 0.7, my - uy * size - ux * size * 0.7)
    return (f"M{number(left[0])} {number(left[1])}L{number(mx)} {number(my)}"
            f"L{number(right[0])} {number(right[1])}")  # fmt: skip


def _certainty_words(story: Story, distance: Distance) -> str:
    if distance.certainty == "claimed" and distance.claimed_by:
        return f"claimed by {story.actor(distance.claimed_by).name}"
    return distance.certainty


def _measures(
    story: Story, at: dict[str, tuple[float, float]], project: Projection
) -> list[tuple[float, float, float, float, Distance]]:
    """Each distance that can be drawn: from its `to` place towards the place giving it."""
    found = []
    given = [(p.id, d) for p in story.places for d in p.distances]
    if story.route:
        given += [(story.route.stops[-1], d) for d in story.route.distances]
    for origin_id, distance in given:
        if origin_id not in at or distance.to not in at:
            continue
        (x1, y1), (xo, yo) = at[distance.to], at[origin_id]
        length = math.hypot(xo - x1, yo - y1)
        if length == 0:
            continue
        units = distance.kilometres / project.km_per_unit
        found.append((x1, y1, x1 + (xo - x1) / length * units, y1 + (yo - y1) / length * units,
                      distance))  # fmt: skip
    return found


def _inner_points(polygon: BaseGeometry) -> list[Point]:
    """Spots for a country's name, the roomiest first: the point farthest from its
    edges, then the points of a grid over it, those farther from an edge first."""
    west, south, east, north = polygon.bounds
    grid = [
        Point(west + (east - west) * (i + 0.5) / 5, south + (north - south) * (j + 0.5) / 5)
        for i in range(5) for j in range(5)
    ]  # fmt: skip
    inside = [p for p in grid if polygon.contains(p)]
    edge = polygon.exterior
    return [polylabel(polygon, 1.0), *sorted(inside, key=lambda p: -edge.distance(p))]


def _clipped_countries(
    atlas: Atlas, project: Projection, width: float, height: float
) -> list[tuple[str, BaseGeometry]]:
    """The countries in the frame, clipped to it (a rectangle in degrees too, so they are
    clipped before they are projected), in user units, simplified."""
    west, north = project.degrees(0, 0)
    east, south = project.degrees(width, height)
    shapes = []
    for country in atlas.near(west, south, east, north):
        clipped = shapely.clip_by_rect(country.shape, west, south, east, north)
        if clipped.is_empty:
            continue
        simple = shapely.transform(clipped, project.array).simplify(SIMPLIFY)
        if not simple.is_valid:
            simple = shapely.make_valid(simple)
        if simple.area >= 4:
            shapes.append((country.name, simple))
    return shapes


def story_map(story: Story, atlas: Atlas | None) -> StoryMap | None:
    """The story's map, or None when no place has coordinates or there is no map data."""
    located = [p for p in story.places if p.located]
    if not located or atlas is None:
        return None
    best: tuple[float, StoryMap] | None = None
    bounds = bounds_of(located)
    for _ in range(ATTEMPTS):
        project, height = frame(bounds)
        drawn, covered, wanted = _draw(story, located, atlas, project, height)
        if best is None or covered < best[0]:
            best = (covered, drawn)
        if covered == 0:
            break
        # labels cover something: frame again, with room for each where it wants to be
        x1, y1, x2, y2 = shapely.union_all(wanted).bounds
        (west, north), (east, south) = project.degrees(x1, y1), project.degrees(x2, y2)
        bounds = (min(bounds[0], west), min(bounds[1], south), max(bounds[2], east),
                  max(bounds[3], north))  # fmt: skip
    return best[1]


@functools.lru_cache(maxsize=64)
def _countries(atlas: Atlas, project: Projection, height: float) -> tuple:
    """Clipped and simplified countries (stories with the same frame share them)."""
    return tuple(_clipped_countries(atlas, project, WIDTH, height))


def _draw(
    story: Story, located: list[Place], atlas: Atlas, project: Projection, height: float
) -> tuple[StoryMap, float, list[BaseGeometry]]:
    """The map in this frame, how much its labels cover (0: nothing), and where each
    label would be given room."""
    at = {p.id: project(p.longitude, p.latitude) for p in located}  # type: ignore[arg-type]
    board = Board(WIDTH, height)
    countries = _countries(atlas, project, height)

    # the scale bar, bottom left
    kilometres = _nice_kilometres(WIDTH / 4 * project.km_per_unit)
    length = kilometres / project.km_per_unit
    bar_y = height - 12
    scale_label = Label(12, bar_y - 8, "start", "text-after-edge", (f"{kilometres:,} km",), "scale")
    board.taken.append(box(8, bar_y - 6, 16 + length, bar_y + 4))
    board.taken.append(scale_label.area(LABEL_SIZE))
    scale = ScaleBar(12, bar_y, round(length, 1), kilometres, scale_label)

    # markers and lines first: labels must not cover them
    for x, y in at.values():
        board.taken.append(Point(x, y).buffer(MARKER + 2))
    route = None
    if story.route:
        stops = [at[s] for s in story.route.stops if s in at]
        travelled = LineString(stops) if len(stops) > 1 else None
        heading = None
        if story.route.towards in at and stops:
            (x1, y1), (x2, y2) = stops[-1], at[story.route.towards]
            gap = MARKER + 4
            length_to = math.hypot(x2 - x1, y2 - y1)
            if length_to > gap:
                heading = LineString([(x1, y1), (x2 - (x2 - x1) / length_to * gap,
                                                 y2 - (y2 - y1) / length_to * gap)])  # fmt: skip
        for line in (travelled, heading):
            if line is not None:
                board.taken.append(line.buffer(3))
        arrows = "".join(_arrow(*a, *b) for a, b in pairwise(stops))
        route = Route(path(travelled) if travelled else Markup(""),
                      path(heading) if heading else None, Markup(arrows))  # fmt: skip
    view = box(0, 0, WIDTH, height)
    drawn = []
    # Measures from one place in one direction become parallel rulers beside the line,
    # the shortest nearest, so that two accounts of one distance are both seen.
    rulers: dict[tuple[str, int], int] = {}
    for x1, y1, x2, y2, distance in sorted(
        _measures(story, at, project), key=lambda m: math.hypot(m[2] - m[0], m[3] - m[1])
    ):
        if not view.contains(Point(x2, y2)):
            continue  # ends off the map: the places list gives it
        length = math.hypot(x2 - x1, y2 - y1) or 1
        ux, uy = (x2 - x1) / length, (y2 - y1) / length
        nx, ny = (-uy, ux) if -uy > 0 or (uy == 0 and ux > 0) else (uy, -ux)  # the east side
        key = (distance.to, round(math.degrees(math.atan2(uy, ux)) / 5))
        offset = RULER * (rulers.setdefault(key, 0) + 1)
        rulers[key] += 1
        a = (x1 + nx * offset, y1 + ny * offset)
        b = (x2 + nx * offset, y2 + ny * offset)
        drawn.append((a, b, (nx, ny), distance))
        board.taken.append(LineString([a, b]).buffer(3))

    labels = []
    for place in located:
        x, y = at[place.id]
        spots = around(x, y, MARKER + 5, (place.name,), "place")
        labels.append(board.place(spots, LABEL_SIZE))
    measures = []
    for (ax, ay), (bx, by), (nx, ny), distance in drawn:
        ends = "".join(f"M{number(x + nx * 6)} {number(y + ny * 6)}L{number(x - nx * 6)} "
                       f"{number(y - ny * 6)}" for x, y in ((ax, ay), (bx, by)))  # fmt: skip
        words = (
            *wrap(f"“{distance.wording}”", WRAP),
            *wrap(_certainty_words(story, distance), WRAP),
        )
        # beside the ruler's end, then beside its middle (either side), then around its end
        mx, my = (ax + bx) / 2, (ay + by) / 2
        spots = [
            Label(x + side * nx * gap, y + side * ny * gap,
                  "start" if side * nx >= 0 else "end", baseline, words, "measure")
            for x, y in ((bx, by), (mx, my)) for side in (1, -1) for gap in (12, 26)
            for baseline in ("central", "text-after-edge", "text-before-edge")
        ] + around(bx, by, 14, words, "measure") + around(bx, by, 30, words, "measure")  # fmt: skip
        label = board.place(spots, LABEL_SIZE)
        measures.append(Measure(round(ax, 1), round(ay, 1), round(bx, 1), round(by, 1),
                                Markup(ends), distance, label))  # fmt: skip
    named = {p.name for p in located}
    for name, shape in sorted(countries, key=lambda c: -c[1].area):
        if name in named:
            continue  # a place of the story: its own label says it
        largest = max(getattr(shape, "geoms", [shape]), key=lambda g: g.area)
        if largest.geom_type != "Polygon" or largest.area < WIDTH * height * 0.03:
            continue
        spots = [Label(p.x, p.y, "middle", "central", (name,), "country")
                 for p in _inner_points(largest)]  # fmt: skip
        spots = [s for s in spots
                 if largest.intersection(s.area(COUNTRY_SIZE, True)).area
                 >= 0.8 * s.area(COUNTRY_SIZE, True).area]  # fmt: skip
        placed = board.place(spots, COUNTRY_SIZE, capitals=True, required=False)
        if placed is not None:
            labels.append(placed)
    covered = board.covered
    return (
        StoryMap(
            WIDTH,
            round(height),
            tuple(Country(name, path(shape)) for name, shape in countries),
            tuple(Marker(round(at[p.id][0], 1), round(at[p.id][1], 1), p) for p in located),
            tuple(labels),
            tuple(measures),
            route,
            scale,
            tuple(p for p in story.places if not p.located),
        ),
        covered,
        board.wanted,
    )
