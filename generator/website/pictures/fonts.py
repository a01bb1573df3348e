"""The system's fonts, for drawing text into a picture (the share card).

A font is looked for where Debian, Fedora, Arch, macOS and Windows keep DejaVu Sans
or Arial, or else found with fontconfig (`fc-match`). Before a text beyond Latin
letters is drawn, the font is checked to have every character of it (`fc-query`'s
character set): when it lacks some (a Chinese headline in DejaVu), fontconfig is asked
for a font that has them, so that Cyrillic, Greek, Arabic or any script a font on the
machine has is drawn as letters, never as empty boxes. With no font at all, Pillow's
own is used (Latin letters only), and one warning says so.
"""

from __future__ import annotations

import functools
import logging
import shutil
import subprocess
from pathlib import Path

log = logging.getLogger("mkdocs.plugins.explainer")

KNOWN: dict[bool, tuple[str, ...]] = {
    False: (
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",  # Debian, Ubuntu
        "/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf",  # Fedora
        "/usr/share/fonts/TTF/DejaVuSans.ttf",  # Arch
        "/usr/share/fonts/dejavu/DejaVuSans.ttf",
        "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",  # macOS
        "/Library/Fonts/Arial Unicode.ttf",
        "C:/Windows/Fonts/arial.ttf",
    ),
    True: (
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
        "/usr/share/fonts/dejavu-sans-fonts/DejaVuSans-Bold.ttf",
        "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf",
        "/System/Library/Fonts/Supplemental/Arial Bold.ttf",
        "/Library/Fonts/Arial Bold.ttf",
        "C:/Windows/Fonts/arialbd.ttf",
    ),
}
"""Where common sans-serif fonts are, regular (False) and bold (True)."""


def _run(*command: str) -> str | None:
    if shutil.which(command[0]) is None:
        return None
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=20, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout.strip() if result.returncode == 0 else None


@functools.cache
def fc_match(pattern: str) -> str | None:
    """The file of fontconfig's best font for `pattern`, when fontconfig is there."""
    found = _run("fc-match", "--format=%{file}", pattern)
    return found if found and Path(found).is_file() else None


@functools.cache
def charset(path: str) -> tuple[tuple[int, int], ...] | None:
    """The ranges of characters a font file has (None: fontconfig cannot tell)."""
    found = _run("fc-query", "--format=%{charset}", path)
    if not found:
        return None
    ranges = []
    for part in found.split():
        low, _, high = part.partition("-")
        try:
            ranges.append((int(low, 16), int(high or low, 16)))
        except ValueError:
            return None
    return tuple(ranges)


def _common(char: str) -> bool:
    """Latin letters, digits and the usual punctuation: every text font has them."""
    code = ord(char)
    return code < 0x250 or 0x2000 <= code <= 0x206F or code == 0x20AC


def missing(path: str, text: str) -> set[str]:
    """The characters of `text` the font lacks (none, when that cannot be told)."""
    rare = {c for c in set(text) if c.isprintable() and not c.isspace() and not _common(c)}
    ranges = charset(path) if rare else None  # fontconfig is asked only when needed
    if ranges is None:
        return set()
    return {char for char in rare if not any(low <= ord(char) <= high for low, high in ranges)}


@functools.cache
def default_font(bold: bool) -> str | None:
    """The system's sans-serif font: DejaVu Sans (or Arial) where it is known to be, or
    else fontconfig's choice."""
    known = next((p for p in KNOWN[bold] if Path(p).is_file()), None)
    return known or fc_match("sans-serif:bold" if bold else "sans-serif")


@functools.cache
def _warn_no_font() -> None:
    log.warning(
        "explainer: no system font found for the share cards, so they use Pillow's own "
        "(Latin letters only). Install one, e.g. `apt-get install fonts-dejavu-core`"
    )


def font_for(text: str, bold: bool = False) -> str | None:
    """The font file to draw `text` in: the system's sans-serif when it has every
    character, or else one fontconfig finds that has them. None: there is none."""
    first = default_font(bold)
    if first is None:
        _warn_no_font()
        return None
    lacking = missing(first, text)
    if not lacking:
        return first
    codes = " ".join(f"{ord(c):x}" for c in sorted(lacking)[:64])
    other = fc_match(f"sans-serif{':bold' if bold else ''}:charset={codes}")
    if other and not missing(other, text):
        return other
    _warn_lacking("".join(sorted(lacking)))
    return first  # the best there is: those characters show as boxes


@functools.cache
def _warn_lacking(characters: str) -> None:
    log.warning(
        "explainer: no font on this machine has %s, so a share card shows them as boxes "
        "(install a font that has them, e.g. Debian's fonts-noto-cjk for Chinese, "
        "Japanese and Korean)",
        " ".join(characters[:20]),
    )
