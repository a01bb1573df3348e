"""TopoJSON, decoded: the format the map data (npm's `world-atlas`) comes in.

A topology stores each line once, as an *arc*: a border shared by two countries is
one arc that both countries' rings name. An arc's points are integers, each the
difference from the point before (delta encoding); the topology's `transform` (a
scale and a translation) turns them back into longitude and latitude. A ring is a
list of arc indexes, `~i` (a negative number) meaning arc `i` reversed; consecutive
arcs share their end point. https://github.com/topojson/topojson-specification
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import accumulate
from typing import Any

Point = tuple[float, float]
Ring = list[Point]
Polygon = list[Ring]
"""The outer ring first, then any holes."""


class TopologyError(ValueError):
    """The file is not a TopoJSON topology this decoder can read."""


@dataclass(frozen=True)
class Feature:
    """One named geometry of a topology's object (a country)."""

    name: str
    id: str | None
    polygons: list[Polygon]


def decode_arcs(topology: dict[str, Any]) -> list[list[Point]]:
    """Every arc of the topology as (longitude, latitude) points."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        if transform is None:  # not quantized: the positions are as they are
            arcs.append([(float(p[0]), float(p[1])) for p in arc])
            continue
        (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
        xs = accumulate(position[0] for position in arc)  # each step added to the last
        ys = accumulate(position[1] for position in arc)
        arcs.append([(x * sx + tx, y * sy + ty) for x, y in zip(xs, ys, strict=True)])
    return arcs


def ring(arcs: list[list[Point]], indexes: list[int]) -> Ring:
    """The ring made of the arcs at `indexes` (`~i`: arc i reversed)."""
    points: Ring = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def polygons(geometry: dict[str, Any], arcs: list[list[Point]]) -> list[Polygon]:
    """A Polygon or MultiPolygon geometry's polygons; nothing for any other type."""
    if geometry.get("type") == "Polygon":
        return [[ring(arcs, r) for r in geometry["arcs"]]]
    if geometry.get("type") == "MultiPolygon":
        return [[ring(arcs, r) for r in polygon] for polygon in geometry["arcs"]]
    return []


def features(topology: dict[str, Any], name: str) -> list[Feature]:
    """The geometries of the topology's object `name`, each with its `properties.name`."""
    try:
        if topology.get("type") != "Topology":
            raise TopologyError('not a TopoJSON topology (expected `"type": "Topology"`)')
        collection = topology["objects"][name]
        arcs = decode_arcs(topology)
        found = []
        for geometry in collection.get("geometries", [collection]):
            shapes = polygons(geometry, arcs)
            if shapes:
                label = (geometry.get("properties") or {}).get("name") or ""
                identifier = geometry.get("id")
                found.append(Feature(str(label), None if identifier is None else str(identifier),
                                     shapes))  # fmt: skip
        return found
    except TopologyError:
        raise
    except (KeyError, IndexError, TypeError, ValueError, AttributeError) as error:
        raise TopologyError(f"not a TopoJSON topology this can read ({error!r})") from None
