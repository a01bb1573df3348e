"""The map data: country shapes from Natural Earth, as npm's `world-atlas` ships them.

Nothing is downloaded at build time: the file is installed beside the project (README,
set-up) and named by the `EXPLAINER_MAP_DATA` environment variable, or else by the
plugin's `map_data` option (relative to mkdocs.yml), or else found at the project's
`.venv/map-data/node_modules/world-atlas/countries-50m.json` or the same path in the
Python environment explainer runs from. The map data has an npm folder of its own:
npm removes from a folder what a later install there does not name. Without it the
site builds without maps, and one warning says how to install it; a site whose places
have no coordinates needs no map data at all.
"""

from __future__ import annotations

import functools
import json
import logging
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry

from ...digest.schema import Story
from .topojson import TopologyError, features

log = logging.getLogger("mkdocs.plugins.explainer")

MAP_DATA_VARIABLE = "EXPLAINER_MAP_DATA"
NPM_FILE = Path("node_modules") / "world-atlas" / "countries-50m.json"
DEFAULT_MAP_DATA = Path(".venv") / "map-data" / NPM_FILE
INSTALL = "npm install --prefix .venv/map-data world-atlas@2"


class Country:
    """A country of the map data: its name, its rings in longitude and latitude, and
    its shape for clipping, made the first time it is needed (most maps need a few)."""

    def __init__(self, name: str, polygons: list[list[list[tuple[float, float]]]]):
        self.name, self.polygons = name, polygons
        points = [point for polygon in polygons for point in polygon[0]]
        lons, lats = [p[0] for p in points], [p[1] for p in points]
        self.bounds = (min(lons), min(lats), max(lons), max(lats))

    def __repr__(self) -> str:
        return f"Country({self.name!r})"

    @functools.cached_property
    def shape(self) -> BaseGeometry:
        """Its polygons as one geometry (Natural Earth's parts of a country are apart)."""
        parts = [p for p in (_polygon(rings) for rings in self.polygons) if p is not None]
        return parts[0] if len(parts) == 1 else MultiPolygon(parts)


@dataclass(frozen=True)
class Atlas:
    """The countries of the map data, and which file they came from."""

    source: str
    stamp: tuple[int, int]
    """The file's modification time and size when it was read."""
    countries: tuple[Country, ...] = field(repr=False, compare=False)

    def near(self, west: float, south: float, east: float, north: float) -> list[Country]:
        """The countries whose bounding boxes meet the given box (degrees)."""
        return [
            c for c in self.countries
            if c.bounds[0] <= east and c.bounds[2] >= west
            and c.bounds[1] <= north and c.bounds[3] >= south
        ]  # fmt: skip


def candidates(root: Path, setting: str | None) -> list[Path]:
    """Where the map data may be, in the order it is looked for. A file named by the
    environment variable or the setting is the only one looked at: when it is missing,
    the warning says so rather than another file being used unasked."""
    if os.environ.get(MAP_DATA_VARIABLE):
        return [Path(os.environ[MAP_DATA_VARIABLE]).expanduser()]
    if setting:
        return [root / setting]
    return [root / DEFAULT_MAP_DATA, Path(sys.prefix) / "map-data" / NPM_FILE]


def _polygon(rings: list[list[tuple[float, float]]]) -> Polygon | None:
    rings = [r for r in rings if len(r) >= 4]  # a ring needs three points and its closing one
    return Polygon(rings[0], rings[1:]) if rings else None


@functools.lru_cache(maxsize=2)
def _read(path: str, stamp: tuple[int, int]) -> Atlas:
    """The countries of one file (cached while its modification time and size hold)."""
    topology = json.loads(Path(path).read_text(encoding="utf-8"))
    countries = [
        Country(f.name, f.polygons)
        for f in features(topology, "countries")
        if f.name and any(len(polygon[0]) >= 4 for polygon in f.polygons)
    ]
    return Atlas(path, stamp, tuple(countries))


def load_atlas(path: Path) -> Atlas:
    """The map data in `path`; OSError or TopologyError (a ValueError) if unreadable."""
    stat = path.stat()
    return _read(str(path), (stat.st_mtime_ns, stat.st_size))


def located(stories: Iterable[Story]) -> bool:
    """Some story has a place with coordinates: the site needs map data."""
    return any(place.latitude is not None for story in stories for place in story.places)


def atlas_for(stories: Iterable[Story], root: Path, setting: str | None = None) -> Atlas | None:
    """The map data the stories need: None when no place has coordinates, or when the
    map data cannot be found or read (then one warning says what to do; the site is
    built without maps)."""
    if not located(stories):
        return None
    tried = candidates(root, setting)
    path = next((p for p in tried if p.is_file()), None)
    if path is None:
        log.warning(
            "explainer: no map data, so the stories' maps are left out (looked for %s). "
            "Install it with `%s` in the project folder, or set %s to a countries "
            "TopoJSON file",
            ", ".join(str(p) for p in tried),
            INSTALL,
            MAP_DATA_VARIABLE,
        )
        return None
    try:
        return load_atlas(path)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, TopologyError) as error:
        log.warning(
            "explainer: the map data %s cannot be read (%s), so the stories' maps are left "
            "out. Install it again with `%s`",
            path,
            error,
            INSTALL,
        )
        return None
