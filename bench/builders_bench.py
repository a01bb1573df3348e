"""Build time with each builder: `explainer build --with X`, from an empty generated tree.

    .venv/bin/python bench/builders_bench.py                    # the seed site, then 1,000 stories
    .venv/bin/python bench/builders_bench.py --sizes 0 100      # 0: the seed site alone

Each size is a fresh project (the seed, plus N generated stories from `bench/corpus.py`);
each builder builds it `--runs` times from scratch (generated tree, site and caches
removed before each run) and the median wall time is printed, with ms per page.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.corpus import make_corpus

ROOT = Path(__file__).resolve().parent.parent
FILES = ("theme", "mkdocs.yml", "site_config.yml", "content")


def project(where: Path, count: int) -> Path:
    for name in FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, where / name)
        else:
            shutil.copy2(source, where / name)
    (where / "generated").mkdir()
    if count:
        make_corpus(where / "content", count)
    return where


def clean(folder: Path) -> None:
    for name in ("generated", "site", ".cache"):
        shutil.rmtree(folder / name, ignore_errors=True)
    (folder / "generated").mkdir()


def build(folder: Path, builder: str) -> float:
    clean(folder)
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "generator.cli", "build", "--with", builder],
        cwd=folder, capture_output=True, text=True, check=False,
    )  # fmt: skip
    elapsed = time.perf_counter() - started
    if result.returncode:
        raise SystemExit(f"{builder} failed:\n{result.stderr[-2000:]}")
    return elapsed


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[0, 1000])
    parser.add_argument("--builders", nargs="+", default=["mkdocs", "properdocs", "zensical"])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    print(f"{'stories':>8}  {'builder':<11} {'pages':>6}  {'median s':>9}  {'ms/page':>8}")
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as scratch:
            folder = project(Path(scratch), size)
            for builder in args.builders:
                times = [build(folder, builder) for _ in range(args.runs)]
                pages = sum(1 for _ in (folder / "site").rglob("*.html"))
                median = statistics.median(times)
                print(
                    f"{size + 1:>8}  {builder:<11} {pages:>6}  {median:>9.2f}  "
                    f"{median / pages * 1000:>8.1f}",
                    flush=True,
                )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
