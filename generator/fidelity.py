"""Quote fidelity: every quote must appear word for word in the source's text.

Typography is not wording: curly and straight quotation marks, apostrophes,
dashes and runs of white space count as equal. Anything else (a changed word,
a dropped comma inside the quote) is reported with the closest passage of the
article, so the editor sees what the source really says.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from pathlib import Path

from .schema import Story

_TYPOGRAPHY = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u00ab": '"', "\u00bb": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
        "\u2015": "-", "\u2212": "-",
        "\u00a0": " ", "\u2009": " ", "\u202f": " ",
    }
)  # fmt: skip
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Text with typographic variants folded, for comparing wording only."""
    text = text.translate(_TYPOGRAPHY).replace("\u2026", "...")
    return _SPACE.sub(" ", text).strip()


def closest_passage(needle: str, article: str) -> str:
    """The stretch of the article most like `needle` (compared normalised, returned
    as the article prints it), about as many words long."""
    words = article.split()
    folded = [normalise(word) for word in words]
    size = max(1, len(needle.split()))
    best, best_ratio = 0, -1.0
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(needle)
    for start in range(0, max(1, len(words) - size + 1)):
        matcher.set_seq1(" ".join(folded[start : start + size]))
        if matcher.real_quick_ratio() <= best_ratio or matcher.quick_ratio() <= best_ratio:
            continue
        ratio = matcher.ratio()
        if ratio > best_ratio:
            best, best_ratio = start, ratio
    return " ".join(words[best : best + size])


def misquotes(story: Story, digest_dir: Path) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """(location, message) for each quote not found verbatim in its source's text file."""
    texts: dict[str, tuple[str, str] | None] = {}  # source id -> (as printed, normalised)
    for index, source in enumerate(story.sources):
        if source.text_file is None:
            continue
        path = digest_dir / source.text_file
        try:
            printed = path.read_text(encoding="utf-8")
            texts[source.id] = (printed, normalise(printed))
        except (OSError, UnicodeDecodeError) as error:
            texts[source.id] = None
            reason = getattr(error, "strerror", None) or str(error)
            yield (
                ("sources", index, "text_file"),
                f"cannot read {source.text_file} ({reason}; expected a UTF-8 text file "
                "relative to the digest)",
            )
    for index, quote in enumerate(story.quotes):
        article = texts.get(quote.source)
        if not article:
            continue
        printed, folded = article
        for paragraph in quote.paragraphs:
            wanted = normalise(paragraph)
            if wanted in folded:
                continue
            closest = closest_passage(wanted, printed)
            file = story.source(quote.source).text_file
            yield (
                ("quotes", index, "text"),
                f"not found word for word in {file}: «{paragraph}» "
                f"(closest passage in the article: «{closest}»)",
            )
