"""An interview printed as questions and answers: `Q:`/`A:` lines, or each turn led by
the speaker's name (`HALDEN:`, a broadcast transcript's `PRESENTER:` and guests). The
answers are each speaker's words, quoted whole; the questions are not quotes. In a
transcript whose staff are labelled by role (`NAME, HOST:`, `NAME, BYLINE:`), every turn of
theirs is the outlet's own voice: not a quote, but the words of others they quote between
marks are read as in any article."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import regex

from .actors import DraftActor, mentions

_LABEL = r"Q|A|[\p{Lu}][\p{Lu}\p{M}’' .-]{1,40}|[\p{Lu}][\p{L}’' .-]{1,30}"
TURN = regex.compile(
    rf"^(?P<label>{_LABEL})(?<!\s)(?:,\s*(?P<role>[\p{{Lu}}][\p{{Lu}}\p{{M}}, .’'-]{{1,60}}))?"
    r"(?:\s*\([^()]{1,40}\))?:"  # "(through translator)" after the name
    r"(?:\s+(?P<text>\S.*))?$"
)
# a broadcaster's own people, as transcripts label them
STAFF = regex.compile(
    r"\b(?:HOST|CO-HOST|BYLINE|ANCHOR|PRESENTER|CORRESPONDENT|REPORTER|INTERVIEWER|MODERATOR)\b"
)
# "(Through interpreter)", "(Laughter)", "(SOUNDBITE OF MUSIC)"
DIRECTION = regex.compile(r"^\s*\([^()]{1,80}\)[\s.]*")


@dataclass
class Interview:
    answers: dict[int, str] = field(default_factory=dict)  # paragraph -> the answer
    labels: dict[int, str] = field(default_factory=dict)
    staff: set[int] = field(default_factory=set)  # paragraphs in the outlet's own voice
    cues: dict[int, int] = field(default_factory=dict)  # where the staff's words begin

    @property
    def paragraphs(self) -> set[int]:
        return set(self.labels)

    def speaker(
        self, actors: list[DraftActor], body: list[str], label: str = "A"
    ) -> DraftActor | None:
        """Who gave an answer: the person its label names, or (for `A:`) the person the
        article names just before the questions, else the one it names most."""
        if label != "A":
            found = mentions(label.title(), actors) or mentions(label, actors)
            if found:
                return found[0][2]
            key = label.casefold()
            named = [a for a in actors if any(n.casefold() == key for n in a.names())
                     or a.name.split()[-1].casefold() == key]  # fmt: skip
            if named:
                return named[0]
            if len(label.split()) < 2 or label.split()[0].casefold() in ("unidentified", "unknown"):
                return None  # a first name alone ("GLEB:") is for an editor to check
            return DraftActor(_as_written(label, body), "person")
        counts: Counter[int] = Counter()
        people = [a for a in actors if a.kind == "person"]
        first = min(self.labels)
        # the person the paragraph just before the questions names ("Dr X has measured the
        # glacier for twenty years."), else the one the article names most (not whoever
        # the paragraphs before name in passing: "Her father, X, joins us. We talk for two
        # hours.")
        weights = {first - 1: 200}
        for index, text in enumerate(body):
            if index in self.labels:
                continue
            for _, end, actor in mentions(text, people):
                if text[end : end + 1] not in ("’", "'"):  # not "Papadakis’s comments"
                    counts[id(actor)] += weights.get(index, 1)
        if not counts:
            return None
        best = counts.most_common(1)[0][0]
        return next(a for a in people if id(a) == best)


def _as_written(label: str, body: list[str]) -> str:
    """A label in capitals as the article spells the name elsewhere, else in title case."""
    pattern = regex.compile(r"(?<!\p{L})" + regex.escape(label) + r"(?!\p{L})", regex.I)
    for text in body:
        found = pattern.search(text)
        if found and not found.group(0).isupper():
            return found.group(0)
    return regex.sub(r"\p{L}+", lambda m: m.group(0)[:1] + m.group(0)[1:].lower(), label)


def _turns(body: list[str]) -> dict[int, regex.Match[str]]:
    """Paragraphs that open a turn: a label then its words, or (for a labelled member of
    staff) the label alone with the words in the paragraphs after it."""
    turns = {}
    for index, text in enumerate(body):
        match = TURN.match(text)
        if match and (match.group("text") or match.group("role")):
            turns[index] = match
    return turns


def _staff(turns: dict[int, regex.Match[str]]) -> set[str]:
    """The labels of the outlet's own people: named with a staff role, and then by surname."""
    staff = {m.group("label") for m in turns.values() if STAFF.search(m.group("role") or "")}
    return staff | {label.split()[-1] for label in staff}


def _spoken(text: str) -> str:
    """A turn's words without the stage directions before them."""
    while match := DIRECTION.match(text):
        text = text[match.end() :]
    return text.strip()


def answers(body: list[str]) -> Interview:
    """The interview's turns, when the article has at least two questions and two answers."""
    turns = _turns(body)
    labels = Counter(m.group("label") for m in turns.values())
    interview = Interview()
    if len(labels) < 2 or sum(labels.values()) < 4:
        return interview
    questions = Counter(
        m.group("label") for m in turns.values() if (m.group("text") or "").rstrip().endswith("?")
    )
    staff = _staff(turns)
    asking = {label for label in labels if label == "Q" or questions[label] * 2 > labels[label]}
    asking |= staff & set(labels)
    if not asking or len(labels) == len(asking):
        return interview
    answer = -1
    speaking = ""  # the label of the turn under way
    last_turn = max(turns)
    for index in range(min(turns), last_turn + 1):
        match = turns.get(index)
        if match is None:
            if DIRECTION.fullmatch(body[index]):  # "(SOUNDBITE OF ARCHIVED RECORDING)"
                answer, speaking = -1, ""
            elif speaking in staff:
                interview.staff.add(index)
            elif answer >= 0:  # an answer that goes on over paragraphs
                interview.labels[index] = interview.labels[answer]
                interview.answers[answer] = (
                    interview.answers[answer] + " " + body[index].strip()
                ).strip()
            continue
        speaking = match.group("label")
        answer = -1
        if speaking in staff:
            interview.staff.add(index)
            interview.cues[index] = match.start("text") if match.group("text") else len(body[index])
            continue
        interview.labels[index] = speaking
        if speaking not in asking:
            words = _spoken(match.group("text") or "")
            if words.strip(" .") or not match.group("text"):  # "(Speaking Kaldoran)." is no words
                interview.answers[index] = words
                answer = index
    interview.answers = {i: text for i, text in interview.answers.items() if text}
    return interview
