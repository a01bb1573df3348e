"""What finding one actor under two ids costs, as the cast grows.

    .venv/bin/python bench/cast_bench.py                 # 1,000 / 5,000 / 20,000 actors
    .venv/bin/python bench/cast_bench.py --stories 1000  # and a site's load, with and without

Part 1 makes N made-up people from 45 syllables (so surnames recur, and many names
differ by a syllable: more like names than real news has, an upper bound), each with
a full name and a surname-only short form, half of them register entries, and times
`identity.find_matches` (median of 3). Part 2 loads a
generated site of `--stories` stories with and without the duplicate check, in the
same process, and prints the ratio.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.corpus import make_corpus
from bench.news_corpus import SYLLABLES
from generator.builders.project import Project
from generator.digest.identity import Identity, find_matches
from generator.digest.names import name_key


def made_up_name(rng: random.Random) -> str:
    def word(parts: int) -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()

    return f"{word(rng.randint(1, 2))} {word(rng.randint(2, 3))}"


def cast_of(size: int, seed: int = 1) -> dict[str, Identity]:
    rng = random.Random(seed)
    cast = {}
    for index in range(size):
        name = made_up_name(rng)
        identity = Identity(f"person-{index}", index % 2 == 0, "person")
        for spelling in (name, name.split()[-1]):
            identity.spellings.setdefault(name_key(spelling), spelling)
        cast[identity.id] = identity
    return cast


def timed(run, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 20000])
    parser.add_argument("--stories", type=int, default=0)
    args = parser.parse_args(argv)
    print(f"{'actors':>8}  {'matches':>8}  {'seconds':>8}  {'µs/actor':>9}")
    for size in args.sizes:
        cast = cast_of(size)
        matches = find_matches(cast)
        seconds = timed(lambda cast=cast: find_matches(cast))
        print(f"{size:>8}  {len(matches):>8}  {seconds:>8.3f}  {seconds / size * 1e6:>9.1f}")
    if args.stories:
        with tempfile.TemporaryDirectory() as scratch:
            root = Path(scratch)
            root.joinpath("mkdocs.yml").write_text(
                Path("mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8"
            )
            shutil.copytree("theme", root / "theme")
            shutil.copy2("site_config.yml", root / "site_config.yml")
            (root / "generated").mkdir()
            make_corpus(root / "content", args.stories)
            project = Project.from_mkdocs(root / "mkdocs.yml")
            without = timed(lambda: project.load(duplicates=False))
            checked = timed(lambda: project.load())
            print(
                f"load of {args.stories} stories: {without:.2f} s without the duplicate check, "
                f"{checked:.2f} s with it (ratio {checked / without:.2f})"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
