"""Where an article quotes someone: passages between quotation marks, in every common
convention (“…” "…" ‘…’ '…' «…» „…“ ‹…›), nested quotes kept inside the outer one, an
apostrophe (don’t, O’Neill, the ’90s, the workers’ union) never taken for a mark, and the
newspaper convention of a quote running over paragraphs, each reopening with a mark and
only the last one closing."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from .verbs import SAYING

# opening mark -> the marks that close it
PAIRS: dict[str, str] = {
    "“": '”"',
    "„": "“”",
    "«": "»",
    "‹": "›",
    '"': '"”',
    "‘": "’'",
    "'": "'’",
    "‚": "‘’",
}
SINGLE = "‘'‚"
OPENING_CONTEXT = " \t([{—–-/:;“\"‘'«„"
ELISIONS = ("em", "til", "tis", "twas", "cause", "n")


@dataclass(frozen=True)
class Span:
    """One paragraph's part of a quote: text[start:end] are the quoted words."""

    paragraph: int
    start: int
    end: int  # at the closing mark, or the paragraph's end when the quote runs on
    text: str
    closed: bool


@dataclass(frozen=True)
class QuotedPassage:
    spans: tuple[Span, ...]
    mark: str  # the opening mark

    @property
    def first(self) -> Span:
        return self.spans[0]

    @property
    def last(self) -> Span:
        return self.spans[-1]


def _is_letter(text: str, i: int) -> bool:
    return 0 <= i < len(text) and text[i].isalnum()


def _opens(text: str, i: int) -> bool:
    """Whether the mark at text[i] opens a quote (and is not an apostrophe)."""
    mark = text[i]
    if mark not in PAIRS:
        return False
    after = text[i + 1 : i + 2]
    if not after or after.isspace():
        return False
    if mark in "“„«‹":
        return True
    before = text[i - 1] if i else " "
    if before not in OPENING_CONTEXT and not before.isspace():
        return False
    if mark in SINGLE:
        rest = text[i + 1 : i + 6].lower()
        word = rest.split(" ")[0].rstrip(".,;:!?")
        if word in ELISIONS or (word[:2].isdigit() and word[2:] in ("s", "")):
            return False  # 'em, ’til, '90s: an apostrophe for left-out letters
    return True


def _closes_at(text: str, start: int, mark: str) -> int:
    """Where the quote opened by `mark` just before `start` closes; -1 if it runs on."""
    closers = PAIRS[mark]
    candidates = []
    for j in range(start, len(text)):
        c = text[j]
        if c not in closers:
            continue
        if (
            mark in SINGLE
            and _is_letter(text, j + 1)
            and (_is_letter(text, j - 1) or regex.match(r"\d\ds\b", text[j + 1 : j + 4]))
        ):
            continue  # don’t, O’Neill, the '80s
        if mark == '"' and _is_letter(text, j + 1) and not text[j - 1 : j].isspace():
            continue
        candidates.append(j)
        if mark not in SINGLE:
            return j
    if mark in SINGLE:
        for n, j in enumerate(candidates):
            # "the workers’ union": a plural possessive when another mark closes later,
            # before any new quote opens
            possessive = (
                text[j - 1 : j] in ("s", "z")
                and text[j + 1 : j + 2] == " "
                and text[j + 2 : j + 3].islower()
            )
            later = candidates[n + 1 :]
            reopens = next((k for k in range(j + 1, len(text)) if _opens(text, k)), len(text))
            if possessive and later and later[0] < reopens:
                continue
            return j
    return -1


def find_quotes(paragraphs: list[str]) -> list[QuotedPassage]:
    """Every quoted passage, in order; one that runs over paragraphs is one passage."""
    found: list[QuotedPassage] = []
    running: list[Span] = []
    running_mark = ""
    for index, paragraph in enumerate(paragraphs):
        position = 0
        if running:
            lead = len(paragraph) - len(paragraph.lstrip())
            if lead < len(paragraph) and paragraph[lead] == running_mark:
                position = lead  # the quote goes on in this paragraph
            else:
                found.append(QuotedPassage(tuple(running), running_mark))
                running = []
        while position < len(paragraph):
            start = next((i for i in range(position, len(paragraph)) if _opens(paragraph, i)), -1)
            if start < 0:
                break
            mark = paragraph[start]
            end = _closes_at(paragraph, start + 1, mark)
            closed = end >= 0
            end = end if closed else len(paragraph)
            span = Span(index, start + 1, end, paragraph[start + 1 : end], closed)
            if running:
                running.append(span)
            else:
                running_mark = mark
                running = [span]
            if not closed:
                break  # runs on into the next paragraph
            found.append(QuotedPassage(tuple(running), running_mark))
            running = []
            position = end + 1
    if running:
        found.append(QuotedPassage(tuple(running), running_mark))
    return found


def clean(text: str) -> str:
    """The quoted words as a digest keeps them: without the space that French marks
    take and without a trailing comma that belongs to the article's sentence."""
    return text.strip().rstrip(",").strip()


NEXT_SENTENCE = regex.compile(rf" \p{{Lu}}(?!(?:\S*\s+){{0,4}}(?:{SAYING})\b)")
"""A sentence after a quote, not the quote's attribution (`Keel asked`)."""


def blank_quotes(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with each (start, end) range and its marks blanked out, offsets kept."""
    chars = list(text)
    for start, end in spans:
        for i in range(max(0, start - 1), min(len(chars), end + 1)):
            chars[i] = " "
        # a sentence that ends inside the quote ends where its marks close: “… instruments.”
        # It did not … (not “… a no?” Keel asked.)
        if 0 < end < len(text) and text[end - 1] in ".!?" and NEXT_SENTENCE.match(text, end + 1):
            chars[end] = text[end - 1]
    return "".join(chars)
