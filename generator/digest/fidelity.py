"""Quote fidelity: every quote, and every field that gives the source's own words,
must appear word for word in the source's text.

The fields are the schema's to name (`Story.source_words`): quotes (but paraphrases),
the source's attribution of a quote, how it describes an actor, its wording of a time,
a distance or an open question, the accounts of a discrepancy. Outside quotes, case
does not count (a description may open a sentence) and `…` marks words left out:
each part must be in the article.

Typography is not wording: curly and straight quotation marks, apostrophes,
dashes and runs of white space count as equal. Anything else (a changed word,
a dropped comma inside the quote) is reported with the closest passage of the
article, so the editor sees what the source really says; for a long quote the
message shows where the first difference is instead of echoing both texts, and
when nothing in the article is alike it says so.

Finding the closest passage takes time about linear in the article's length:
the article's word pairs are indexed once, each word pair of the quote (or its
word alone, where the pair is not in the article) votes for the alignment
(article position minus quote position) it would have, and only the few best
alignments are scored with RapidFuzz. Pairs and words found very often vote for
nothing and at most `MAX_VOTING_WORDS` words of a quote vote, so the work stays
bounded for any input. A short quote that no alignment fits well is also
compared with every stretch of the article as long as it (still linear).

The article file named by `text_file` must be a regular file inside the
digest's folder and at most `MAX_TEXT_BYTES` long: that is checked before it is
opened, so a link to a system file, a device or a FIFO is refused, not read.
"""

from __future__ import annotations

import heapq
import os
import re
import stat
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from itertools import accumulate, pairwise
from pathlib import Path

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

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
_ELISION = re.compile(r"\s*(?:…|\.\.\.)\s*")
"""`…` in a field that gives the source's words (not in a quote) marks words left out."""
_NOT_WORD = re.compile(r"\W+")
_NOT_WORDS = re.compile(r"[^\w\s]+")

MAX_TEXT_BYTES = 5_000_000
"""An article's plain text is a few dozen kilobytes; a book is not a source text."""
MAX_VOTING_WORDS = 4096
"""Words of a quote that vote for an alignment (spread evenly over a longer quote)."""
MAX_FANOUT = 64
"""A word pair (or word) found more often than this in the article votes for nothing."""
CANDIDATES = 4
"""Best alignments scored in full."""
MIN_SIMILARITY = 50.0
"""RapidFuzz ratio (0-100) below which a passage is not called similar at all."""
GOOD_SIMILARITY = 75.0
"""A ratio this high from the vote is taken as is; below it a short quote is also
compared with every stretch of the article."""
SCAN_WORDS = 12
"""Quotes this short, with no good alignment from the vote, are compared with every
stretch of the article as long as they are (linear: each stretch is short)."""
MAX_SCORED_WORDS = 4096
"""Words of a longer quote compared when scoring a candidate passage."""
LONG_QUOTE_CHARS = 300
"""Quotes longer than this are not echoed in full: the message shows the first difference."""
CONTEXT_WORDS = 5
"""Words shown on each side of the first difference."""
MAX_SNIPPET_CHARS = 240
"""Longest stretch of text a message shows for one side of the first difference."""
_DIFF_CHUNK = 2000
"""Words aligned at a time when looking for the first difference."""
_EDGE_WORDS = 8
_EDGE_SLACK = 3
_SHIFTS = sorted(range(-_EDGE_SLACK, _EDGE_SLACK + 1), key=abs)


def normalise(text: str) -> str:
    """Text with typographic variants folded, for comparing wording only."""
    text = text.translate(_TYPOGRAPHY).replace("\u2026", "...")
    return _SPACE.sub(" ", text).strip()


def _key(folded_word: str) -> str:
    """What a word votes with: case and punctuation dropped (`“Russia’s,` -> `russias`)."""
    lowered = folded_word.casefold()
    return _NOT_WORD.sub("", lowered) or lowered


class Article:
    """An article's words, indexed once for any number of `closest()` look-ups."""

    def __init__(self, text: str):
        self.printed: list[str] = text.split()
        self.folded: list[str] = normalise(text).split()
        if len(self.folded) != len(self.printed):  # a space normalise() does not know
            self.folded = [normalise(word) for word in self.printed]
        self._text = " ".join(self.folded)
        self.keys: list[str] = _NOT_WORDS.sub("", self._text.casefold()).split()
        if len(self.keys) != len(self.folded):  # a word of punctuation only
            self.keys = [_key(word) for word in self.folded]
        # where each word starts in _text, then the end + 1
        self._offsets = list(accumulate((len(word) + 1 for word in self.folded), initial=0))
        self._pairs: dict[tuple[str, str], list[int]] = {}
        self._words: dict[str, list[int]] = {}
        for position, key in enumerate(self.keys):
            self._words.setdefault(key, []).append(position)
        for position, pair in enumerate(pairwise(self.keys)):
            self._pairs.setdefault(pair, []).append(position)

    def closest(self, needle: str) -> tuple[int, int] | None:
        """Start and end word of the stretch most like `needle` (normalised text), or None
        when no stretch is similar at all (RapidFuzz ratio under `MIN_SIMILARITY`)."""
        words = needle.split()
        if not words or not self.printed:
            return None
        keys = [_key(word) for word in words]
        best: tuple[float, int, int] | None = None
        for start, end in self._candidates(keys):
            start, end = self._refine(keys, start, end)
            score = _score(words, self.folded[start:end])
            if best is None or score > best[0]:
                best = (score, start, end)
        if (best is None or best[0] < GOOD_SIMILARITY) and len(words) <= SCAN_WORDS:
            scanned = self._scan(words)
            if scanned is not None and (best is None or scanned[0] > best[0]):
                best = scanned
        if best is None or best[0] < MIN_SIMILARITY:
            return None
        return best[1], best[2]

    def _candidates(self, keys: list[str]) -> list[tuple[int, int]]:
        """Windows (start, end) for the alignments that the quote's words vote for most."""
        size = len(keys)
        votes: dict[int, int] = defaultdict(int)
        hits: dict[int, list[int]] = defaultdict(list)  # alignment -> quote positions
        step = max(1, -(-size // MAX_VOTING_WORDS))
        for at in range(0, size, step):
            positions = self._pairs.get((keys[at], keys[at + 1])) if at + 1 < size else None
            if positions is None:  # no such pair (a changed word next to it): the word alone
                positions = self._words.get(keys[at])
            if not positions or len(positions) > MAX_FANOUT:
                continue
            for position in positions:
                votes[position - at] += 1
                hits[position - at].append(at)
        if not votes:
            return []
        band = min(max(2, size // 50), 200)  # how far the alignment may drift
        chosen: list[int] = []
        leaders = heapq.nlargest(8 * CANDIDATES, votes, key=lambda d: (votes[d], -d))
        support = {
            d: sum(votes.get(d + shift, 0) for shift in range(-band, band + 1)) for d in leaders
        }
        for diagonal in sorted(leaders, key=lambda d: (-support[d], d)):
            if all(abs(diagonal - other) > 2 * band for other in chosen):
                chosen.append(diagonal)
            if len(chosen) == CANDIDATES:
                break
        windows: list[tuple[int, int]] = []
        for diagonal in chosen:
            windows.append(self._clamp(diagonal, diagonal + size))
            # the span from the first to the last matched word, for quotes with words
            # dropped or added (the alignment drifts along the quote)
            near = [
                (at, at + d)
                for d in range(diagonal - 5 * band, diagonal + 5 * band + 1)
                for at in hits.get(d, ())
            ]
            first, last = min(near), max(near)
            start, end = first[1] - first[0], last[1] + size - last[0]
            if 0 < end - start <= 2 * size + 2 * band:
                windows.append(self._clamp(start, end))
        return list(dict.fromkeys(windows))

    def _clamp(self, start: int, end: int) -> tuple[int, int]:
        start = min(max(0, start), len(self.printed) - 1)
        return start, min(max(start + 1, end), len(self.printed))

    def _refine(self, keys: list[str], start: int, end: int) -> tuple[int, int]:
        """Move each end of the window by at most `_EDGE_SLACK` words so that the first of
        the quote's opening (last of its closing) word pairs found nearby lines up; a
        changed word at an edge stays in the window, in the place of the word it replaced."""
        size = len(keys)
        width = min(size, 2)  # a pair of words: one word alone lines up by chance too often
        edge = range(min(size - width + 1, _EDGE_WORDS))
        if self.keys[start] != keys[0]:  # an edge word in its place stays there
            start += self._shift(keys, width, edge, start)
        if self.keys[end - 1] != keys[-1]:
            end += self._shift(keys, width, [size - width - at for at in edge], end - size)
        return self._clamp(start, end)

    def _shift(self, keys: list[str], width: int, order: Iterable[int], origin: int) -> int:
        """How far from `origin + at` the article has the quote's words `at` to
        `at + width`, for the first `at` in `order` found within `_EDGE_SLACK` words
        (nearest first); else 0."""
        for at in order:
            wanted = keys[at : at + width]
            for shift in _SHIFTS:
                position = origin + at + shift
                if position >= 0 and self.keys[position : position + width] == wanted:
                    return shift
        return 0

    def window(self, start: int, end: int) -> str:
        """Words start to end of the article, normalised, as one string."""
        return self._text[self._offsets[start] : self._offsets[end] - 1]

    def _scan(self, words: list[str]) -> tuple[float, int, int] | None:
        """Every stretch of the article as long as a short quote: the best one, if any is
        similar at all (the first of equals)."""
        size = min(len(words), len(self.folded))
        stretches = [
            self.window(start, start + size) for start in range(len(self.folded) - size + 1)
        ]
        found = process.extractOne(
            " ".join(words), stretches, scorer=fuzz.ratio, score_cutoff=MIN_SIMILARITY
        )
        return None if found is None else (found[1], found[2], found[2] + size)


def _score(words: Sequence[str], window: Sequence[str]) -> float:
    """How alike a quote and a stretch of article are (0-100), on at most
    `MAX_SCORED_WORDS` words of each so that a huge quote costs bounded time."""
    return fuzz.ratio(" ".join(words[:MAX_SCORED_WORDS]), " ".join(window[:MAX_SCORED_WORDS]))


def closest_passage(needle: str, article: str) -> str | None:
    """The stretch of the article most like `needle` (compared normalised, returned
    as the article prints it), about as many words long; None when nothing in the
    article is similar."""
    index = Article(article)
    found = index.closest(normalise(needle))
    return None if found is None else " ".join(index.printed[found[0] : found[1]])


def _same_word(quoted: str, printed: str, at: int, size: int) -> bool:
    """Whether a quote's word is the article's (both normalised); the quote's first and
    last word may be the end or the start of a longer one (`bloodbath` in `“bloodbath`)."""
    if quoted == printed:
        return True
    if size == 1:
        return quoted in printed
    return (at == 0 and printed.endswith(quoted)) or (at == size - 1 and printed.startswith(quoted))


def first_difference(quote: Sequence[str], passage: Sequence[str]) -> tuple[int, int, int, int]:
    """Where a quote first differs from a passage, both given as normalised words: the
    first differing stretch as (quote start, quote end, passage start, passage end).

    Aligns at most `_DIFF_CHUNK` words of each at a time, so long texts cost linear time.
    """
    size, length = len(quote), len(passage)
    at = other = 0
    while at < size and other < length:
        left, right = quote[at : at + _DIFF_CHUNK], passage[other : other + _DIFF_CHUNK]
        cut = at + len(left) < size or other + len(right) < length
        ops = Levenshtein.opcodes([_key(w) for w in left], [_key(w) for w in right])
        last_equal: tuple[int, int] | None = None
        for tag, q1, q2, p1, p2 in ops.as_list():
            if tag == "equal":
                for offset in range(q2 - q1):
                    i, j = at + q1 + offset, other + p1 + offset
                    if not _same_word(quote[i], passage[j], i, size):
                        return i, i + 1, j, j + 1
                last_equal = (at + q2 - 1, other + p2 - 1)
            elif cut and last_equal is not None and (q2 == len(left) or p2 == len(right)):
                break  # may only be where a chunk was cut: align again from the last match
            else:
                return at + q1, at + q2, other + p1, other + p2
        if last_equal is None:
            break
        at, other = last_equal[0] + 1, last_equal[1] + 1
    return at, min(at + 1, size), other, min(other + 1, length)


def _clip(text: str, limit: int, keep_end: bool = False) -> str:
    """`text`, or its first (last) `limit` characters and `…`."""
    if len(text) <= limit:
        return text
    return "…" + text[-limit:].lstrip() if keep_end else text[:limit].rstrip() + "…"


def _words(words: Sequence[str], start: int, end: int) -> str:
    """words[start:end], at most `CONTEXT_WORDS` of them and `MAX_SNIPPET_CHARS` / 3."""
    shown = " ".join(words[start : min(end, start + CONTEXT_WORDS)])
    return _clip(shown + (" …" if end > start + CONTEXT_WORDS else ""), MAX_SNIPPET_CHARS // 3)


def _snippet(words: Sequence[str], start: int, end: int) -> str:
    """words[start:end] with a few words either side, `…` where the text goes on;
    at most about `MAX_SNIPPET_CHARS` long."""
    end = min(end, start + CONTEXT_WORDS)
    first, last = max(0, start - CONTEXT_WORDS), min(len(words), end + CONTEXT_WORDS)
    third = MAX_SNIPPET_CHARS // 3
    parts = [
        ("…" if first > 0 else "") + _clip(" ".join(words[first:start]), third, keep_end=True),
        _clip(" ".join(words[start:end]), third),
        _clip(" ".join(words[end:last]), third) + ("…" if last < len(words) else ""),
    ]
    return " ".join(part for part in parts if part)


def _opening(paragraph: str) -> str:
    """The first words of a long quote, to name it."""
    cut = paragraph[:60]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut) + "…"


def misquote_message(file: str, paragraph: str, article: Article) -> str:
    """What is wrong with a quote paragraph not found word for word in the article."""
    wanted = normalise(paragraph)
    found = article.closest(wanted)
    if len(paragraph) <= LONG_QUOTE_CHARS:
        if found is None:
            return (
                f"not found word for word in {file}: «{paragraph}» "
                "(no similar passage in the article)"
            )
        closest = " ".join(article.printed[found[0] : found[1]])
        return (
            f"not found word for word in {file}: «{paragraph}» "
            f"(closest passage in the article: «{closest}»)"
        )
    named = (
        f"not found word for word in {file}: the quote «{_opening(paragraph)}» "
        f"({len(paragraph):,} characters)"
    )
    if found is None:
        return f"{named}: no similar passage in the article"
    words, printed = wanted.split(), paragraph.split()
    if len(printed) != len(words):
        printed = words
    start, end = found
    passage = article.printed[start:end]
    q1, q2, p1, p2 = first_difference(words, article.folded[start:end])
    if p1 == p2:
        what = f"«{_words(printed, q1, q2)}», which the article does not have"
    elif q1 == q2:
        what = f"without the article's «{_words(passage, p1, p2)}»"
    else:
        what = f"«{_words(printed, q1, q2)}» where the article has «{_words(passage, p1, p2)}»"
    return (
        f"{named} first differs from the closest passage in the article at its word "
        f"{q1 + 1:,}, {what}: the quote reads «{_snippet(printed, q1, q2)}», the article "
        f"«{_snippet(passage, p1, p2)}»"
    )


def _read_text(digest_dir: Path, name: str) -> str:
    """The text file `name`, checked before it is opened: inside `digest_dir`, a regular
    file, at most `MAX_TEXT_BYTES`. Raises ValueError saying what is wrong otherwise."""
    folder = digest_dir.resolve()
    try:
        path = (digest_dir / name).resolve(strict=True)
    except OSError as error:
        raise ValueError(error.strerror or "cannot be found") from None
    except RuntimeError:  # Python before 3.13 on a loop of links
        raise ValueError("a loop of links") from None
    if not path.is_relative_to(folder):
        raise ValueError("it leads outside the digest's folder")
    try:
        info = os.stat(path)
    except OSError as error:
        raise ValueError(error.strerror or "cannot be read") from None
    if not stat.S_ISREG(info.st_mode):
        raise ValueError("not a regular file")
    if info.st_size > MAX_TEXT_BYTES:
        raise ValueError(f"{info.st_size:,} bytes")
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as error:
        raise ValueError(error.strerror or "cannot be opened") from None
    with os.fdopen(descriptor, "rb") as file:
        if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):  # swapped since the check
            raise ValueError("not a regular file")
        data = file.read(MAX_TEXT_BYTES + 1)
    if len(data) > MAX_TEXT_BYTES:
        raise ValueError(f"over {MAX_TEXT_BYTES:,} bytes")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ValueError(f"not UTF-8: {error.reason} at byte {error.start:,}") from None


def misquotes(story: Story, digest_dir: Path) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """(location, message) for each quote not found verbatim in its source's text file."""
    texts: dict[str, str | None] = {}  # source id -> the article as printed
    for index, source in enumerate(story.sources):
        if source.text_file is None:
            continue
        try:
            texts[source.id] = _read_text(digest_dir, source.text_file)
        except ValueError as error:
            texts[source.id] = None
            yield (
                ("sources", index, "text_file"),
                f"cannot read {source.text_file} ({error}; expected a UTF-8 text file inside "
                f"the digest's folder, at most {MAX_TEXT_BYTES:,} bytes)",
            )
    folded = {key: normalise(text) for key, text in texts.items() if text is not None}
    indexed: dict[str, Article] = {}  # built only for a source that is misquoted
    caseless: dict[str, str] = {}
    for loc, words, sources in story.source_words():
        readable = [key for key in (sources or list(folded)) if key in folded]
        if not readable:  # no text file, or one that cannot be read (reported above)
            continue
        wanted = normalise(words)
        if any(wanted in folded[key] for key in readable):
            continue
        if loc[0] != "quotes" or loc[-1] != "text":
            # Not a quotation: a description may open the source's sentence (`The
            # chancellor`), and `…` marks words left out (`X said … the ministry continued`)
            for key in readable:
                caseless.setdefault(key, folded[key].casefold())
            parts = [p for p in _ELISION.split(wanted.casefold()) if p.strip()]
            if any(all(p in caseless[k] for p in parts) for k in readable):
                continue
        first = readable[0]
        if first not in indexed:
            indexed[first] = Article(texts[first] or "")
        file = story.source(first).text_file or ""
        yield loc, misquote_message(file, words, indexed[first])
