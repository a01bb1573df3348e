"""How good is `explainer draft`? It drafts the seed article and scores the draft
against the hand-written digest.

    .venv/bin/python bench/draft_eval.py [ARTICLE] [DIGEST]

Quotes: precision and recall of exact text, after folding quotation marks, apostrophes
and dashes (a multi-paragraph quote must come out as one quote with the same words).
Speakers: of the quotes found, the share whose drafted speaker is the digest's speaker
(the same actor when their names or spellings meet).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from generator.digest.fidelity import normalise
from generator.digest.register import load_story
from generator.drafting import draft_article

ROOT = Path(__file__).resolve().parent.parent


def fold(names: list[str]) -> set[str]:
    return {normalise(n).casefold().removeprefix("russia's ") for n in names}


def main(argv: list[str]) -> int:
    article = Path(argv[0]) if argv else ROOT / "content" / "articles" / "wagner-march-halted.txt"
    digest = Path(argv[1]) if len(argv) > 1 else ROOT / "content" / "wagner-march-halted.yml"
    story, problems = load_story(digest)
    if story is None:
        raise SystemExit("\n".join(map(str, problems)))
    draft = draft_article(article.read_text(encoding="utf-8"))
    gold = {normalise(" ".join(q.paragraphs)): q for q in story.quotes}
    drafted = {normalise(" ".join(q.paragraphs)): q for q in draft.quotes}
    found = [text for text in drafted if text in gold]
    right = []
    for text in found:
        speaker = drafted[text].speaker
        expected = story.actor(gold[text].speaker)
        if speaker is not None and fold(speaker.names()) & fold([expected.name, *expected.aliases]):
            right.append(text)
    for text in gold:
        if text not in drafted:
            print(f"missed:  {text[:70]!r}")
    for text in drafted:
        if text not in gold:
            print(f"extra:   {text[:70]!r}")
    for text in found:
        if text not in right:
            speaker = drafted[text].speaker
            print(f"speaker: {text[:40]!r}: {speaker and speaker.name} "
                  f"(expected {story.actor(gold[text].speaker).name})")  # fmt: skip
    precision = len(found) / len(drafted) if drafted else 0.0
    recall = len(found) / len(gold) if gold else 0.0
    accuracy = len(right) / len(found) if found else 0.0
    guessed = sum(q.guess for q in draft.quotes)
    print(f"quotes: {len(gold)} in the digest, {len(drafted)} drafted, {len(found)} exact")
    print(f"quote precision {precision:.3f}  recall {recall:.3f}")
    print(
        f"speaker accuracy {accuracy:.3f} ({len(right)}/{len(found)}; {guessed} marked as guesses)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
