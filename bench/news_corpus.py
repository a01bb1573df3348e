"""N made-up stories that behave like real news, for benchmarks: every story has its own
people, places, quotes and article text, and the vocabulary keeps growing with N.

    .venv/bin/python bench/news_corpus.py --sizes 100 1000 10000   # distinct words at each N

Words are drawn by a Pitman-Yor process over made-up words (syllables): each next word
is a new one with a probability that falls slowly as the text grows, else an earlier
word in proportion to how often it was used. That gives the two laws real text follows:
a few words are very common (Zipf), and the number of distinct words keeps growing as
a power of the text's length (Heaps). Stories are made one after another from one
seeded process, so the corpus of N stories is the first N of any larger one, and the
same N always gives the same corpus. Actor ids carry the story's number: the same id in
two stories would be one actor.

Each story's article is written first; its quotes are sentences of that article, so
every digest passes `explainer validate` (quotes checked word for word). People's and
places' names are made from the story's number, so no two stories share a person. All
of it is clearly made up: every article says EXAMPLE ARTICLE.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ren",
    "sa",
    "to",
    "vik",
    "dan",
    "el",
    "or",
    "us",
    "an",
    "ber",
    "git",
    "ho",
    "ja",
    "ne",
    "pol",
    "ras",
    "ti",
    "bru",
    "cho",
    "fe",
    "gor",
    "hal",
    "ist",
    "jun",
    "kre",
    "lut",
    "mar",
    "nov",
    "pe",
    "qui",
    "sel",
    "tam",
    "ul",
    "ve",
    "wen",
    "yar",
    "zo",
    "ach",
    "bel",
    "cor",
    "dus",
]
"""The syllables made-up words and names are made of (also `cast_bench.py`'s names)."""
DISCOUNT, STRENGTH = 0.6, 20.0
"""Pitman-Yor parameters: the vocabulary grows about as the text's length to the 0.6."""


class Words:
    """A text's words, drawn from a vocabulary that keeps growing."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.tokens: list[str] = []  # every word drawn so far (to draw an old one)
        self.vocabulary: list[str] = []
        self.known: set[str] = set()

    def new_word(self) -> str:
        while True:
            word = "".join(self.rng.choice(SYLLABLES) for _ in range(self.rng.randint(1, 4)))
            if word not in self.known:
                self.known.add(word)
                self.vocabulary.append(word)
                return word

    def word(self) -> str:
        n, v = len(self.tokens), len(self.vocabulary)
        if n == 0 or self.rng.random() < (STRENGTH + DISCOUNT * v) / (STRENGTH + n):
            word = self.new_word()
        else:
            word = self.rng.choice(self.tokens)
        self.tokens.append(word)
        return word

    def sentence(self, low: int = 6, high: int = 18) -> str:
        words = [self.word() for _ in range(self.rng.randint(low, high))]
        return " ".join(words).capitalize() + "."

    def phrase(self, low: int = 2, high: int = 5) -> str:
        return " ".join(self.word() for _ in range(self.rng.randint(low, high)))


def _name(number: int, rng: random.Random) -> str:
    """A made-up word that encodes `number`, so two stories' names never coincide."""
    digits = []
    while True:
        number, rest = divmod(number, len(SYLLABLES))
        digits.append(SYLLABLES[rest])
        if number == 0:
            break
    return ("".join(digits) + rng.choice(SYLLABLES)).capitalize()


def story(index: int, words: Words) -> tuple[dict[str, Any], str]:
    """One story's digest and the article it quotes."""
    rng = words.rng
    story_id = f"news-{index:05d}"
    people = [
        {
            "id": f"p{index}-{n}",
            "name": f"{_name(rng.randrange(10**6), rng)} {_name(index * 8 + n, rng)}",
            "kind": "person",
        }
        for n in range(rng.randint(2, 4))
    ]
    bodies = [
        {
            "id": f"b{index}-{n}",
            "name": f"{_name(index * 8 + 5 + n, rng)} {words.word().capitalize()}",
            "kind": rng.choice(["organisation", "government-body"]),
        }
        for n in range(rng.randint(1, 2))
    ]
    places = [f"{_name(index * 8 + 7, rng)}", f"{_name(index * 8 + 7, rng)}burg"]
    headline = f"{places[0]} {words.phrase(3, 7)}"
    paragraphs, quotes = [], []
    for n in range(rng.randint(6, 12)):
        speaker = rng.choice(people + bodies)
        said = words.sentence()
        quotes.append((f"quote-{n}", speaker["id"], said))
        paragraphs.append(
            f"{words.sentence()} “{said}” {speaker['name']} said in {rng.choice(places)}. "
            f"{words.sentence(10, 30)}"
        )
    article = "\n\n".join([headline, "EXAMPLE ARTICLE: made-up names and places.", *paragraphs])
    day = dt.date(2025, 1, 1) + dt.timedelta(days=index % 600)
    digest = {
        "id": story_id,
        "title": headline,
        "dek": words.sentence(8, 16),
        "summary": " ".join(words.sentence() for _ in range(4)),
        "why_it_matters": " ".join(words.sentence() for _ in range(2)),
        "updated": day.isoformat(),
        "tags": [f"Topic {words.word()}", f"Topic {places[0]}"],
        "sources": [
            {
                "id": "wire",
                "outlet": "Example Wire",
                "title": headline,
                "published": day.isoformat(),
                "text_file": f"articles/{story_id}.txt",
            }
        ],
        "actors": [{**actor, "role": words.sentence(4, 10)} for actor in people + bodies],
        "quotes": [
            {
                "id": quote_id,
                "text": text,
                "speaker": speaker,
                "extent": "full",
                "context": words.sentence(4, 10),
                "source": "wire",
            }
            for quote_id, speaker, text in quotes
        ],
        "timeline": [
            {
                "id": f"event-{n}",
                "date": (day - dt.timedelta(days=3 - n)).isoformat(),
                "what": words.sentence(6, 12),
                "certainty": rng.choice(["confirmed", "reported"]),
                "places": [f"place-{n % 2}"],
            }
            for n in range(3)
        ],
        "places": [
            {
                "id": f"place-{n}",
                "name": name,
                "kind": rng.choice(["city", "village", "region"]),
                "role": words.sentence(4, 10),
            }
            for n, name in enumerate(places)
        ],
    }
    return digest, article


def stories(count: int, seed: int = 7) -> Iterator[tuple[dict[str, Any], str]]:
    words = Words(random.Random(seed))
    for index in range(count):
        yield story(index, words)


def make_news_corpus(content_dir: Path, count: int) -> int:
    """Write `count` stories and their articles into `content_dir`; returns the number of
    distinct words in them."""
    (content_dir / "articles").mkdir(parents=True, exist_ok=True)
    words = Words(random.Random(7))
    for index in range(count):
        digest, article = story(index, words)
        (content_dir / "articles" / f"{digest['id']}.txt").write_text(article, encoding="utf-8")
        (content_dir / f"{digest['id']}.yml").write_text(
            yaml.safe_dump(digest, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
    return len(words.vocabulary)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000, 10000])
    args = parser.parse_args(argv)
    words = Words(random.Random(7))
    print(f"{'stories':>8}  {'words':>10}  {'distinct':>9}")
    made = 0
    for size in sorted(args.sizes):
        while made < size:
            story(made, words)
            made += 1
        print(f"{size:>8}  {len(words.tokens):>10,}  {len(words.vocabulary):>9,}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
