"""An interview printed as questions and answers: `Q:`/`A:` lines, or each turn led by
the speaker's name (`HALDEN:`, a broadcast transcript's `PRESENTER:` and guests). The
answers are each speaker's words, quoted whole; the questions are not quotes."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import regex

from .actors import DraftActor, mentions

TURN = regex.compile(
    r"^(?P<label>Q|A|[\p{Lu}][\p{Lu}\p{M}’' .-]{1,40}|[\p{Lu}][\p{L}’' .-]{1,30}):"
    r"\s+(?P<text>\S.*)$"
)


@dataclass
class Interview:
    answers: dict[int, str] = field(default_factory=dict)  # paragraph -> the answer
    labels: dict[int, str] = field(default_factory=dict)

    @property
    def paragraphs(self) -> set[int]:
        return set(self.labels)

    def speaker(
        self, actors: list[DraftActor], body: list[str], label: str = "A"
    ) -> DraftActor | None:
        """Who gave an answer: the person its label names, else (for `A:`) the person
        the article names just before the questions, or names most."""
        if label != "A":
            found = mentions(label.title(), actors) or mentions(label, actors)
            if found:
                return found[0][2]
            key = label.casefold()
            named = [a for a in actors if any(n.casefold() == key for n in a.names())
                     or a.name.split()[-1].casefold() == key]  # fmt: skip
            if named:
                return named[0]
        counts: Counter[int] = Counter()
        people = [a for a in actors if a.kind == "person"]
        first = min(self.labels)
        # the person the paragraphs just before the questions name, else the most named
        weights = {first - 1: 200, first - 2: 100}
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


def answers(body: list[str]) -> Interview:
    """The interview's turns, when the article has at least two questions and two answers."""
    turns = {i: m for i, text in enumerate(body) if (m := TURN.match(text))}
    labels = Counter(m.group("label") for m in turns.values())
    interview = Interview()
    if len(labels) < 2 or sum(labels.values()) < 4:
        return interview
    questions = Counter(
        m.group("label") for m in turns.values() if m.group("text").rstrip().endswith("?")
    )
    asking = {label for label in labels if label == "Q" or questions[label] * 2 > labels[label]}
    if not asking or len(labels) == len(asking):
        return interview
    answer = -1
    last_turn = max(turns)
    for index in range(min(turns), last_turn + 1):
        match = turns.get(index)
        if match is None:
            if answer >= 0:  # an answer that goes on over paragraphs
                interview.labels[index] = interview.labels[answer]
                interview.answers[answer] += " " + body[index].strip()
            continue
        interview.labels[index] = match.group("label")
        answer = -1
        if match.group("label") not in asking:
            interview.answers[index] = match.group("text").strip()
            answer = index
    return interview
