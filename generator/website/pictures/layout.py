"""Text in a picture: how wide a label is, and where it goes without covering another.

The browser draws the labels in the reader's system font, which the build cannot
measure, so widths are estimated from the characters (generously: a wide sans-serif
such as DejaVu Sans). Labels are placed one at a time, each at the first of its
candidate spots that stays inside the picture and covers nothing already placed (a
label, a marker, a line); when none is free, at the spot that covers least.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from shapely.geometry import box
from shapely.geometry.base import BaseGeometry

LINE_HEIGHT = 1.2
"""Lines of a label apart, in em (the template's `dy`)."""

_NARROW = set("iljtfrI.,:;'’‘|!()[] ")
_WIDE = set("mwMW@%—")


def text_width(text: str, size: float, capitals: bool = False) -> float:
    """An estimate, on the wide side, of `text`'s width at font size `size`;
    `capitals`: shown in capitals, letter-spaced (a country's name on the map)."""
    em = 0.0
    for char in text:
        if capitals:
            em += 0.86 if char.isalnum() else 0.5  # a capital and the letter-spacing
        elif char in _NARROW:
            em += 0.34
        elif char in _WIDE:
            em += 0.92
        elif char.isupper():
            em += 0.72
        else:
            em += 0.6
    return em * size


def wrap(text: str, width: int) -> tuple[str, ...]:
    """`text` in lines of at most `width` characters (a longer word keeps its line)."""
    return tuple(textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False))


@dataclass(frozen=True)
class Label:
    """Text at a point: `anchor` is SVG's `text-anchor`, `baseline` its
    `dominant-baseline` (`central`: the lines centred on `y`; `text-after-edge`: above
    it; `text-before-edge`: below it)."""

    x: float
    y: float
    anchor: str
    baseline: str
    lines: tuple[str, ...]
    kind: str = "place"

    @property
    def first_dy(self) -> float:
        """The first line's shift in em, so that every line stays on its side of `y`."""
        extra = len(self.lines) - 1
        if self.baseline == "central":
            return round(-extra * LINE_HEIGHT / 2, 2) or 0
        if self.baseline == "text-after-edge":
            return round(-extra * LINE_HEIGHT, 2) or 0
        return 0

    def area(self, size: float, capitals: bool = False) -> BaseGeometry:
        """The box the label covers at font size `size`."""
        width = max(text_width(line, size, capitals) for line in self.lines)
        height = len(self.lines) * LINE_HEIGHT * size
        left = {"start": self.x, "middle": self.x - width / 2, "end": self.x - width}[self.anchor]
        top = {
            "central": self.y - height / 2,
            "text-after-edge": self.y - height,
            "text-before-edge": self.y,
        }[self.baseline]
        return box(left, top, left + width, top + height)


def around(x: float, y: float, gap: float, lines: tuple[str, ...], kind: str) -> list[Label]:
    """Spots for a label beside a point, best first: right, left, above, below, then
    the corners."""
    return [
        Label(x + gap, y, "start", "central", lines, kind),
        Label(x - gap, y, "end", "central", lines, kind),
        Label(x, y - gap, "middle", "text-after-edge", lines, kind),
        Label(x, y + gap, "middle", "text-before-edge", lines, kind),
        Label(x + gap * 0.7, y - gap * 0.7, "start", "text-after-edge", lines, kind),
        Label(x + gap * 0.7, y + gap * 0.7, "start", "text-before-edge", lines, kind),
        Label(x - gap * 0.7, y - gap * 0.7, "end", "text-after-edge", lines, kind),
        Label(x - gap * 0.7, y + gap * 0.7, "end", "text-before-edge", lines, kind),
    ]


@dataclass
class Board:
    """What is already drawn in a `width` x `height` picture, and the labels placed."""

    width: float
    height: float
    taken: list[BaseGeometry] = field(default_factory=list)
    edge: float = 3.0
    covered: float = 0.0
    """How much the labels placed so far cover of each other, the lines and the outside."""
    wanted: list[BaseGeometry] = field(default_factory=list)
    """Each label's first spot: where it would be, given room."""

    def cost(self, area: BaseGeometry) -> float:
        """How much of `area` covers something, or lies outside the picture."""
        inside = box(self.edge, self.edge, self.width - self.edge, self.height - self.edge)
        outside = area.area - area.intersection(inside).area
        return outside * 10 + sum(
            area.intersection(t).area for t in self.taken if area.intersects(t)
        )

    def place(
        self, spots: Iterable[Label], size: float, capitals: bool = False, required: bool = True
    ) -> Label | None:
        """The first free spot (or, when `required`, the least covered), now taken."""
        best: tuple[float, Label, BaseGeometry] | None = None
        for spot in spots:
            area = spot.area(size, capitals)
            if best is None and required:
                self.wanted.append(area)
            cost = self.cost(area)
            if best is None or cost < best[0]:
                best = (cost, spot, area)
            if cost == 0:
                break
        if best is None or (best[0] > 0 and not required):
            return None
        self.taken.append(best[2])
        self.covered += best[0]
        return replace(best[1], x=round(best[1].x, 1), y=round(best[1].y, 1))
