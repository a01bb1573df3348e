"""How good is `explainer draft`? It drafts articles and scores the drafts against
hand-made gold labels.

    .venv/bin/python bench/draft_eval.py                 # the seed article vs its digest
    .venv/bin/python bench/draft_eval.py --set eval      # tests/fixtures/drafting/eval/
    .venv/bin/python bench/draft_eval.py --set heldout   # the first held-out set, now a dev set
    .venv/bin/python bench/draft_eval.py --set heldout2  # the held-out set: run it rarely
    .venv/bin/python bench/draft_eval.py --set heldout3  # held out once, a dev set since
    .venv/bin/python bench/draft_eval.py --set eval -v   # and every miss, extra, wrong speaker

Quotes: precision and recall of exact text, after folding quotation marks, apostrophes,
dashes and spaces, and without the sentence's own punctuation at the end. A quote that
the gold gives whole and the draft gives as consecutive quotes of one speaker (or the
other way round) counts as found: where one statement ends is the editor's call.
Speakers: of the quotes found, the share whose drafted speaker is the gold one (the same
actor when any of their spellings meet; an unnamed source when the gold has none).
A wrong speaker is "flagged" when the draft marked it as a guess.
Actors: precision and recall of the drafted actors against the gold ones, by spelling.
Metadata: headline, authors, outlet and date, each right or wrong.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from generator.digest.fidelity import normalise
from generator.digest.names import name_key
from generator.drafting import Draft, draft_article

ROOT = Path(__file__).resolve().parent.parent
SETS = ROOT / "tests" / "fixtures" / "drafting"


@dataclass
class GoldQuote:
    text: str
    speaker: list[str] | None  # every spelling of the speaker; None for an unnamed source


@dataclass
class Gold:
    name: str
    article: Path
    quotes: list[GoldQuote]
    actors: list[list[str]]  # each actor's spellings
    headline: str | None = None
    authors: list[str] | None = None
    outlet: str | None = None
    date: dt.date | None = None


@dataclass
class Score:
    gold: int = 0
    drafted: int = 0
    found: int = 0
    right: int = 0
    flagged_wrong: int = 0
    flagged_right: int = 0
    """Right speakers marked as guesses anyway: what flagging costs an editor."""
    actors_gold: int = 0
    actors_drafted: int = 0
    actors_right_gold: int = 0
    actors_right_drafted: int = 0
    meta_right: int = 0
    meta_total: int = 0
    notes: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in self.__dataclass_fields__:
            if name != "notes":
                setattr(self, name, getattr(self, name) + getattr(other, name))


def fold(text: str) -> str:
    return normalise(text).strip().rstrip(",.;:").strip()


def keys(names: list[str]) -> set[str]:
    found = set()
    for name in names:
        key = name_key(name)
        if key:
            found.add(key)
            if "s " in key[:-1]:  # "russias foreign ministry" -> "foreign ministry"
                found.add(key.split(" ", 1)[1])
    return found


def load_gold(path: Path) -> Gold:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    spellings = {a["name"]: [a["name"], *(a.get("aliases") or [])] for a in data["actors"]}
    quotes = [
        GoldQuote(q["text"], spellings.get(q["speaker"], [q["speaker"]]) if q["speaker"] else None)
        for q in data["quotes"]
    ]
    date = data.get("date")
    return Gold(
        path.stem,
        path.with_name(data["article"]),
        quotes,
        list(spellings.values()),
        data.get("headline"),
        data.get("authors") or [],
        data.get("outlet"),
        date if isinstance(date, dt.date) else None,
    )


def seed_gold() -> Gold:
    from generator.digest.register import load_story

    story, problems = load_story(ROOT / "content" / "wagner-march-halted.yml")
    if story is None:
        raise SystemExit("\n".join(map(str, problems)))
    quotes = []
    for q in story.quotes:
        actor = story.actor(q.speaker) if isinstance(q.speaker, str) else None
        names = [actor.name, *actor.aliases] if actor and not actor.anonymous else None
        quotes.append(GoldQuote(" ".join(q.paragraphs), names))
    return Gold(
        "seed",
        ROOT / "content" / "articles" / "wagner-march-halted.txt",
        quotes,
        [[a.name, *a.aliases] for a in story.actors if not a.anonymous],
    )


def match_quotes(gold: list[GoldQuote], draft: Draft) -> list[tuple[GoldQuote, list[int]]]:
    """Each gold quote found, with the drafted quotes that give it."""
    drafted = [fold(" ".join(q.paragraphs)) for q in draft.quotes]
    found = []
    for quote in gold:
        text = fold(quote.text)
        for start in range(len(drafted)):
            joined = ""
            for end in range(start, min(start + 4, len(drafted))):
                joined = f"{joined} {drafted[end]}".strip() if joined else drafted[end]
                if fold(joined) == text:
                    found.append((quote, list(range(start, end + 1))))
                    break
                if not text.startswith(fold(joined)):
                    break
            else:
                continue
            if found and found[-1][0] is quote:
                break
        else:
            # one drafted quote that holds several gold ones is matched by its parts
            for index, whole in enumerate(drafted):
                if text and text in whole and len(text) > 20 and whole != text:
                    found.append((quote, [index]))
                    break
    return found


def score(gold: Gold, verbose: bool) -> Score:
    draft = draft_article(gold.article.read_text(encoding="utf-8"))
    result = Score(gold=len(gold.quotes), drafted=len(draft.quotes))
    matched = match_quotes(gold.quotes, draft)
    used: set[int] = set()
    for quote, indexes in matched:
        result.found += 1
        used.update(indexes)
        drafted = draft.quotes[indexes[0]]
        speaker = drafted.speaker
        if quote.speaker is None:
            right = speaker is None
        else:
            right = speaker is not None and bool(keys(speaker.names()) & keys(quote.speaker))
        if right:
            result.right += 1
            result.flagged_right += drafted.guess
        else:
            result.flagged_wrong += drafted.guess
            said = speaker.name if speaker else f"unnamed ({drafted.unnamed or '-'})"
            expected = quote.speaker[0] if quote.speaker else "an unnamed source"
            mark = " (flagged)" if drafted.guess else ""
            result.notes.append(f"speaker: {quote.text[:45]!r}: {said}, expected {expected}{mark}")
    result.drafted = len(draft.quotes) - len(used) + len({tuple(i) for _, i in matched})
    for quote in gold.quotes:
        if all(q is not quote for q, _ in matched):
            result.notes.append(f"missed:  {quote.text[:70]!r}")
    for index, quote in enumerate(draft.quotes):
        if index not in used:
            result.notes.append(f"extra:   {quote.text[:70]!r}")
    named = [a for a in draft.actors]
    result.actors_gold, result.actors_drafted = len(gold.actors), len(named)
    gold_keys = [keys(names) for names in gold.actors]
    drafted_keys = [keys(a.names()) for a in named]
    result.actors_right_gold = sum(any(g & d for d in drafted_keys) for g in gold_keys)
    result.actors_right_drafted = sum(any(g & d for g in gold_keys) for d in drafted_keys)
    for actor, k in zip(named, drafted_keys, strict=True):
        if not any(g & k for g in gold_keys):
            result.notes.append(f"actor+:  {actor.name} ({actor.kind})")
    for names, g in zip(gold.actors, gold_keys, strict=True):
        if not any(g & d for d in drafted_keys):
            result.notes.append(f"actor-:  {names[0]}")
    if gold.headline is not None:
        checks = {
            "headline": (normalise(draft.title), normalise(gold.headline)),
            "authors": (sorted(map(name_key, draft.authors)),
                        sorted(map(name_key, gold.authors or []))),
            "outlet": (name_key(draft.outlet or ""), name_key(gold.outlet or "")),
            "date": (draft.published, gold.date),
        }  # fmt: skip
        for what, (got, expected) in checks.items():
            result.meta_total += 1
            if got == expected:
                result.meta_right += 1
            else:
                result.notes.append(f"{what}: {got!r}, expected {expected!r}")
    if verbose:
        for note in result.notes:
            print(f"    {note}")
    return result


def ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "  -  "


def row(name: str, s: Score) -> str:
    wrong = s.found - s.right
    return (
        f"{name[:34]:34} {s.gold:4} {s.drafted:4} {s.found:4}  {ratio(s.found, s.drafted)}"
        f"  {ratio(s.found, s.gold)}  {ratio(s.right, s.found)}  {s.flagged_wrong:2}/{wrong:<2}"
        f"  {ratio(s.actors_right_drafted, s.actors_drafted)}  "
        f"{ratio(s.actors_right_gold, s.actors_gold)}  {s.meta_right}/{s.meta_total}"
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--set",
        choices=[
            "seed",
            "eval",
            "dev",
            "dev3",
            "dev4",
            "dev5",
            "dev6",
            "dev7",
            "dev8",
            "dev9",
            "dev10",
            "dev11",
            "dev12",
            "dev13",
            "dev14",
            "heldout",
            "heldout2",
            "heldout3",
        ],
        default="seed",
    )
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    golds = (
        [seed_gold()]
        if args.set == "seed"
        else [load_gold(p) for p in sorted((SETS / args.set).glob("*.yml"))]
    )
    if not golds:
        raise SystemExit(f"no gold labels in {SETS / args.set}")
    print(f"{'article':34} gold  out  hit  q-prec  q-rec  speaker wrong-  act-p  act-r  meta")
    print(f"{'':34} {'':14}  {'':6}  {'':5}  {'':6}  flagged")
    total = Score()
    for gold in golds:
        result = score(gold, False)
        print(row(gold.name, result))
        if args.verbose:
            for note in result.notes:
                print(f"    {note}")
        total.add(result)
    print(row("micro-average", total))
    print(f"quotes: {total.gold} in the gold, {total.drafted} drafted, {total.found} exact")
    print(
        f"quote precision {ratio(total.found, total.drafted)}  "
        f"recall {ratio(total.found, total.gold)}"
    )
    print(
        f"speaker accuracy {ratio(total.right, total.found)} ({total.right}/{total.found}; "
        f"{total.flagged_wrong} of {total.found - total.right} wrong ones flagged as guesses)"
    )
    print(f"flagged as guesses: {total.flagged_wrong + total.flagged_right} of {total.found}, "
          f"{total.flagged_right} of them right")  # fmt: skip
    print(f"actor precision {ratio(total.actors_right_drafted, total.actors_drafted)}  "
          f"recall {ratio(total.actors_right_gold, total.actors_gold)}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
