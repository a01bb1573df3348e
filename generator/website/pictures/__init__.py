"""Pictures drawn at build time: a story's map, its timeline graphic and its share card.

Python computes the numbers (projected points, paths, scales, label positions); the
SVG markup is in the theme's templates (`theme/pages/pictures.md.j2`), and the share
card is a PNG that Pillow draws (`cards`).
"""

from __future__ import annotations

from dataclasses import dataclass

from ...digest.schema import Story
from .atlas import Atlas
from .maps import StoryMap, story_map
from .timeline import TimelineGraphic, timeline_graphic


@dataclass(frozen=True)
class Pictures:
    """What a story's pages draw: its map (None without coordinates or map data) and
    its timeline graphic (None without events)."""

    map: StoryMap | None
    timeline: TimelineGraphic | None


def pictures_of(story: Story, atlas: Atlas | None) -> Pictures:
    return Pictures(story_map(story, atlas), timeline_graphic(story))
