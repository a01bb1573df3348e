"""A story's timeline as a graphic, as numbers for the SVG template: each event on a
time scale, numbered as in the list under it, its certainty shown by its shape (and
named in its link), each a link to its entry.

The scale runs from the first event's day to the end of the last's, every day an
equal band. An event with a time of day is a mark at that time (as the source gives
it, in whatever zone it names); one without is a bar across its day: some time that
day. Events that would overlap go on lanes under each other, in the list's order.
Sizes are for a phone, the largest relative to the picture, as the map's are.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from markupsafe import Markup

from ...digest.schema import Event, Story
from .layout import text_width
from .maps import LABEL_SIZE, number

WIDTH = 640
LANE = 40
"""Height of a lane, in user units."""
MARK = 9
"""A mark's radius."""
HEADER = 40
"""Room for the dates above the lanes."""
FOOTER = 36
"""Room for the times of day under them, when some event has one."""
EDGE = 6
SHAPES = ("confirmed", "reported", "claimed", "retracted")
"""Every standing, in the legend's order: a filled circle, a ring, a diamond, a cross."""


def shape(certainty: str, x: float, y: float, r: float = MARK) -> Markup:
    """The mark of a standing, centred on (x, y), as an SVG path."""
    if certainty in ("confirmed", "reported"):
        return Markup(f"M{number(x - r)} {number(y)}a{r} {r} 0 1 0 {2 * r} 0"
                      f"a{r} {r} 0 1 0 {-2 * r} 0z")  # fmt: skip
    if certainty == "claimed":
        d = r * 1.25
        return Markup(f"M{number(x)} {number(y - d)}L{number(x + d)} {number(y)}"
                      f"L{number(x)} {number(y + d)}L{number(x - d)} {number(y)}z")  # fmt: skip
    d = r * 0.8
    return Markup(f"M{number(x - d)} {number(y - d)}L{number(x + d)} {number(y + d)}"
                  f"M{number(x + d)} {number(y - d)}L{number(x - d)} {number(y + d)}")  # fmt: skip


@dataclass(frozen=True)
class Mark:
    """One event: its number in the list, its shape, and the bar of its day when it has
    no time of day."""

    number: int
    event: Event
    x: float
    y: float
    shape: Markup
    bar: tuple[float, float, float, float] | None
    """x, y, width and height of the day's bar."""
    number_x: float
    number_anchor: str


@dataclass(frozen=True)
class Day:
    date: dt.date
    x: float
    width: float
    labelled: bool
    middle: float


@dataclass(frozen=True)
class Hour:
    x: float
    text: str | None


@dataclass(frozen=True)
class TimelineGraphic:
    width: int
    height: int
    marks: tuple[Mark, ...]
    days: tuple[Day, ...]
    hours: tuple[Hour, ...]
    lanes_top: int
    lanes_bottom: int
    hours_y: int
    """The baseline of the times of day, under the lanes."""
    standings: tuple[str, ...]
    """The standings its events have, in the legend's order."""
    first: dt.date
    last: dt.date


def _minutes(time: str) -> int:
    return int(time[:2]) * 60 + int(time[3:5])


def _day_label_width() -> float:
    return text_width("30 September", LABEL_SIZE) * 0.75 + 12  # "23 June" is typical


def timeline_graphic(story: Story) -> TimelineGraphic | None:
    """The graphic of the story's timeline, or None when it has no events."""
    events = story.chronology()
    if not events:
        return None
    first, last = events[0].date, events[-1].date
    count = (last - first).days + 1
    band = (WIDTH - 2 * EDGE) / count
    step = max(1, math.ceil(_day_label_width() / band))
    days = tuple(
        Day(
            first + dt.timedelta(days=n),
            round(EDGE + n * band, 1),
            round(band, 1),
            n % step == 0,
            round(EDGE + (n + 0.5) * band, 1),
        )
        for n in range(count)
    )
    number_width = text_width(str(len(events)), LABEL_SIZE)
    lanes: list[float] = []  # where each lane's last mark ends
    marks = []
    for index, event in enumerate(events, start=1):
        day = days[(event.date - first).days]
        if event.time:
            x = day.x + _minutes(event.time) / 1440 * band
            bar = None
        else:
            bar = (day.x + 3, day.x + band - 3)
            x = bar[0] + MARK * 1.25 + 4 if band >= 6 * MARK + number_width else day.x + band / 2
        after = x + MARK + 5
        anchor = "start"
        if after + number_width > WIDTH - EDGE:
            after, anchor = x - MARK - 5, "end"
        left = min(bar[0] if bar else x - MARK, after - number_width if anchor == "end" else x)
        right = max(bar[1] if bar else x + MARK, after + number_width if anchor == "start" else x)
        lane = next((i for i, end in enumerate(lanes) if end + 4 <= left), len(lanes))
        if lane == len(lanes):
            lanes.append(right)
        lanes[lane] = right
        y = HEADER + lane * LANE + LANE / 2
        box = (round(bar[0], 1), y - 14, round(bar[1] - bar[0], 1), 28) if bar else None
        marks.append(Mark(index, event, round(x, 1), y, shape(event.certainty, x, y), box,
                          round(after, 1), anchor))  # fmt: skip
    timed_days = {e.date for e in events if e.time}
    hours = []
    hour_label = text_width("18:00", LABEL_SIZE) + 10
    for day in days:
        if day.date not in timed_days:
            continue
        labelled = (6, 12, 18) if band >= 4 * hour_label else (12,) if band >= hour_label else ()
        hours += [Hour(round(day.x + h / 24 * band, 1), f"{h:02d}:00" if h in labelled else None)
                  for h in (6, 12, 18)]  # fmt: skip
    bottom = HEADER + len(lanes) * LANE
    height = bottom + (FOOTER if any(h.text for h in hours) else EDGE)
    present = {e.certainty for e in events}
    return TimelineGraphic(
        WIDTH, round(height), tuple(marks), days, tuple(hours), HEADER, bottom, bottom + 26,
        tuple(s for s in SHAPES if s in present), first, last,
    )  # fmt: skip
