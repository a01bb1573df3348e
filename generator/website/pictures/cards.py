"""A story's share card: the 1200x630 PNG a link preview shows (`og:image`), drawn
with Pillow from the story's title, standfirst and date and the site's name.

The card's file name carries a hash of everything it is drawn from (the texts, the
fonts, Pillow's version and this module's `VERSION`): a card whose name is already
in the generated tree is not drawn again, a changed title gives a new name (and the
old file goes), and a link preview never shows a stale card from its cache. The PNG
carries no time or other metadata, so two builds of the same inputs give the same
bytes.
"""

from __future__ import annotations

import hashlib
import io
import json
from dataclasses import dataclass
from pathlib import Path

import PIL
from PIL import Image, ImageDraw, ImageFont

from ...digest.schema import SiteConfig, Story
from ..pages import long_date
from ..paths import story_dir
from .fonts import font_for

SIZE = (1200, 630)
VERSION = 3
"""Raise it when the drawing changes: every card is drawn again."""
BACKGROUND = (29, 53, 87)  # the site's primary colour (theme/assets/explainer.css)
ACCENT = (230, 57, 70)
TEXT = (255, 255, 255)
SOFT = (214, 224, 238)
MARGIN = 80
TITLE_SIZES = (64, 56, 50, 44, 40)
"""The title's font sizes, tried largest first until it fits in TITLE_LINES (at the
smallest, it may take one line more)."""
TITLE_LINES = 3
DEK_SIZES = (30, 27, 24)
"""The standfirst's font sizes, tried largest first until it fits whole."""
DEK_LINES = 4
COLOURS = 64
"""Colours of the PNG's palette: text on one background needs few (a third the bytes)."""


@dataclass(frozen=True)
class Card:
    """What a card shows, and the fonts it is drawn in."""

    site: str
    title: str
    dek: str
    date: str
    fonts: tuple[str | None, str | None]
    """The bold font (title) and the regular one (everything else)."""

    @property
    def key(self) -> str:
        """A hash of everything the card is drawn from."""
        fonts = [(f, Path(f).stat().st_size) if f else None for f in self.fonts]
        inputs = [VERSION, PIL.__version__, self.site, self.title, self.dek, self.date, fonts]
        return hashlib.sha256(json.dumps(inputs, ensure_ascii=False).encode()).hexdigest()[:16]


def card_of(story: Story, site: SiteConfig) -> Card:
    date = f"Updated {long_date(story.updated)}"
    regular_text = " ".join((site.title, story.dek, date))
    return Card(
        site.title, story.title, story.dek, date, (font_for(story.title, bold=True),
                                                   font_for(regular_text))
    )  # fmt: skip


def card_path(card: Card, story: Story) -> str:
    """Where the card goes in the generated tree (and on the site)."""
    return f"{story_dir(story.id)}/card-{card.key}.png"


def _font(path: str | None, size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    if path is None:
        return ImageFont.load_default(size)
    return ImageFont.truetype(path, size)


def _lines(text: str, font, width: float) -> list[str]:
    """`text` broken into lines no wider than `width` (a word wider than a line, as in a
    script written without spaces, is broken between characters)."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if font.getlength(candidate) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        line = ""
        for char in word:
            if line and font.getlength(line + char) > width:
                lines.append(line)
                line = ""
            line += char
    if line:
        lines.append(line)
    return lines


def _cut(lines: list[str], count: int, font, width: float) -> list[str]:
    """At most `count` lines, the last ending in `…` when text was left out."""
    if len(lines) <= count:
        return lines
    last = lines[count - 1]
    while last and font.getlength(last + " …") > width:
        last = last[:-1]
    return [*lines[: count - 1], last.rstrip() + " …"]


def draw_card(card: Card) -> bytes:
    """The card as PNG bytes."""
    image = Image.new("RGB", SIZE, BACKGROUND)
    draw = ImageDraw.Draw(image)
    width = SIZE[0] - 2 * MARGIN
    bold, regular = card.fonts
    draw.rectangle((0, 0, 16, SIZE[1]), fill=ACCENT)

    site_font = _font(regular, 30)
    draw.text((MARGIN, 64), card.site, font=site_font, fill=SOFT)
    draw.rectangle((MARGIN, 112, MARGIN + 64, 118), fill=ACCENT)

    date_font = _font(regular, 28)
    bottom = SIZE[1] - 60
    draw.text((MARGIN, bottom), card.date, font=date_font, fill=SOFT, anchor="ls")

    for size in TITLE_SIZES:
        title_font = _font(bold, size)
        title = _lines(card.title, title_font, width)
        if len(title) <= TITLE_LINES:
            break
    title = _cut(title, TITLE_LINES + 1, title_font, width)
    y = 150
    step = round(size * 1.18)
    for line in title:
        draw.text((MARGIN, y), line, font=title_font, fill=TEXT, anchor="la")
        y += step

    y += 20
    for size in DEK_SIZES:  # the standfirst whole if it can be, in the room above the date
        dek_font = _font(regular, size)
        step = round(size * 1.35)
        room = min(DEK_LINES, (bottom - 40 - y) // step)
        dek = _lines(card.dek, dek_font, width)
        if len(dek) <= room:
            break
    for line in _cut(dek, room, dek_font, width) if room > 0 else []:
        draw.text((MARGIN, y), line, font=dek_font, fill=SOFT, anchor="la")
        y += step

    # Fast octree and zlib level 6: about 10 ms a card where median cut and level 9 took
    # 70 (a thousand stories' cards are drawn on a clean build), at the same size.
    palette = image.quantize(COLOURS, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    out = io.BytesIO()
    palette.save(out, format="PNG", optimize=False, compress_level=6)  # no time, no text
    return out.getvalue()
