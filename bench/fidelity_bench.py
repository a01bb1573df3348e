"""How long the quote-fidelity check takes to find the closest passage of a misquote.

    .venv/bin/python bench/fidelity_bench.py [--repeat 5] [--old-repeat 1]

Two cases, each on a synthetic article of made-up words (a seeded vocabulary of
invented words strung into sentences and paragraphs; no real article text):

- large: a ~220 KB article and a 20,000-character passage of it with a few words
  changed and one dropped;
- small: a 2,300-word article and a 146-word passage of it with a few words changed,
  also timed with the old sliding-window search for the baseline.

Prints the median of --repeat timings of `closest_passage` and of the full check that
`explainer validate` runs (`misquotes` on a story whose quote is the misquote), and
whether the passage found is the one the misquote was made from.
"""

from __future__ import annotations

import argparse
import difflib
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from generator.digest.fidelity import closest_passage, misquotes, normalise
from generator.digest.schema import Story

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "content" / "wagner-march-halted.yml"
SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in ("a", "e", "i", "o", "u", "ai", "ou")]


def vocabulary(rng: random.Random, size: int = 4000) -> list[str]:
    """Invented words of one to four syllables, none of them real on purpose."""
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.choice((1, 2, 2, 3, 3, 4)))))
    return sorted(words)


def article(rng: random.Random, words: int) -> str:
    """Made-up prose grown sentence by sentence: Zipf-like word frequencies, capitals,
    commas, full stops, now and then a quoted phrase, paragraphs."""
    vocab = vocabulary(rng)
    weights = [1 / (rank + 1) for rank in range(len(vocab))]
    paragraphs: list[str] = []
    sentences: list[str] = []
    count = 0
    while count < words:
        length = rng.randint(6, 28)
        picked = rng.choices(vocab, weights, k=length)
        if rng.random() < 0.3:
            picked[rng.randrange(length)] += ","
        if rng.random() < 0.1:
            at = rng.randrange(length - 3)
            picked[at], picked[at + 2] = "“" + picked[at], picked[at + 2] + "”"
        sentences.append(" ".join(picked).capitalize() + rng.choice(".....?!"))
        count += length
        if rng.random() < 0.2:
            paragraphs.append(" ".join(sentences))
            sentences = []
    paragraphs.append(" ".join(sentences))
    return "\n\n".join(paragraphs)


def misquote(rng: random.Random, text: str, start: int, size: int) -> tuple[str, str]:
    """(passage, misquote): `size` words of `text` from word `start`, and the same with
    a few words changed and one dropped."""
    passage = text.split()[start : start + size]
    changed = list(passage)
    for at in rng.sample(range(1, size - 1), 4):
        changed[at] = "zyxquv" + str(at)
    del changed[rng.randrange(1, len(changed) - 1)]
    return " ".join(passage), " ".join(changed)


def words_for_chars(text: str, start: int, chars: int) -> int:
    """How many words of `text` from word `start` make about `chars` characters."""
    total = 0
    for count, word in enumerate(text.split()[start:], 1):
        total += len(word) + 1
        if total > chars:
            return count - 1
    return count


# The search before this benchmark's change, copied from generator/fidelity.py as it was
# (a difflib.SequenceMatcher slid over every word position: quadratic), for the baseline.
def old_closest_passage(needle: str, article: str) -> str:
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


def median_seconds(repeat: int, run: Callable[[], Any]) -> tuple[float, Any]:
    """Median wall time of `repeat` calls of `run`, and what the last call returned."""
    times, result = [], None
    for _ in range(repeat):
        began = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - began)
    return statistics.median(times), result


def story_quoting(folder: Path, text: str, quote: str) -> Story:
    """The seed story with its source's text file replaced by `text` and its quotes by
    one quoting `quote`, as `explainer validate` would check it."""
    (folder / "articles").mkdir(exist_ok=True)
    (folder / "articles" / "bench.txt").write_text(text, encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(SEED.read_text(encoding="utf-8"))
    data["sources"][0]["text_file"] = "articles/bench.txt"
    data["quotes"] = [{**data["quotes"][1], "text": quote}]  # a quote of sources[0]
    return Story.model_validate(data)


def verdict(found: str | None, passage: str) -> str:
    """Whether the passage found is the one the misquote was made from."""
    if found == passage:
        return "yes, exactly"
    if found and found in passage:
        return f"within it ({len(found.split())} of its {len(passage.split())} words)"
    return "NO"


def case(name: str, text: str, passage: str, quote: str, repeat: int) -> tuple[float, float]:
    """Times and prints one case: (closest_passage seconds, full check seconds)."""
    seconds, found = median_seconds(repeat, lambda: closest_passage(quote, text))
    right = verdict(found, passage)
    print(
        f"{name}: article {len(text):,} characters / {len(text.split()):,} words; "
        f"misquote {len(quote):,} characters / {len(quote.split()):,} words"
    )
    print(f"  closest_passage  median of {repeat}: {seconds:8.3f} s   right passage: {right}")
    with tempfile.TemporaryDirectory() as folder:
        story = story_quoting(Path(folder), text, quote)
        seconds_all, problems = median_seconds(repeat, lambda: list(misquotes(story, Path(folder))))
    print(
        f"  misquotes (full) median of {repeat}: {seconds_all:8.3f} s   problems: {len(problems)}"
    )
    for _, message in problems:
        print(f"    {message}\n    ({len(message)} characters)")
    return seconds, seconds_all


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--old-repeat", type=int, default=1, help="the old search is slow")
    args = parser.parse_args(argv)

    rng = random.Random(20230624)
    large = article(rng, 36_000)
    while len(large.encode()) > 225_000:  # about 220 KB
        large = large[: large.rindex("\n\n")]
    start = len(large.split()) // 3
    passage, quote = misquote(rng, large, start, words_for_chars(large, start, 20_000))
    seconds = max(case("large", large, passage, quote, args.repeat))
    print(f"  target under 2 s: {'met' if seconds < 2 else 'MISSED'}")

    small = article(random.Random(146), 2_300)
    small = " ".join(small.split()[:2_300])
    passage, quote = misquote(rng, small, 1_200, 147)
    new, _ = case("small", small, passage, quote, args.repeat)
    if args.old_repeat < 1:
        return 0
    old, found = median_seconds(args.old_repeat, lambda: old_closest_passage(quote, small))
    right = verdict(found, passage)
    print(
        f"  old closest_passage median of {args.old_repeat}: {old:8.3f} s   right passage: {right}"
    )
    print(f"  old / new: {old / new:,.0f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
