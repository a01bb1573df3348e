"""How the build scales: N generated stories, built by `mkdocs build`, in a table.

    .venv/bin/python bench/build_bench.py [--sizes 10 100 1000] [--baseline 200]
                                          [--serve 1000] [--edits 5] [--keep DIR]
                                          [--corpus seed|news] [--verify]

For each N: distinct words of the corpus (news only), generation seconds (the plugin's
own timing inside the build), full `mkdocs build` seconds (a fresh clone: no generated
tree, no site, no build cache), ms per built page, the generator's share of the build,
peak memory of the whole build and of the `mkdocs build` process alone ("MkDocs MiB":
MkDocs and the generator, without the forked workers and Pagefind), site size and the
HTML size of one story page; then the republish: one story's title corrected,
`mkdocs build --dirty` with the last build's output and cache kept, its seconds and
peak memory. `--verify` then builds the
same inputs clean in a second folder and compares the two sites with `diff -r`. Then the
same site at --baseline stories built a second way, with every story page in the
global navigation, and the ratio of the two builds. Then the edit-to-update time under
`mkdocs serve --dirty` at --serve stories (`--serve 0` skips it): one story's digest is
changed and the served page polled until it shows the change (median of --edits).
Then the bytes a reader's first view of a story page transfers, compressed, search
included.

Peak memory ("peak PSS MiB") is the largest SUM, over the `mkdocs build` process and
all its descendants (the forked loading and rendering workers, the Pagefind indexer),
of each process's proportional set size: Pss in /proc/<pid>/smaps_rollup, where pages
shared between forked workers are divided among them and so count once in the sum
(VmRSS from /proc/<pid>/status when smaps_rollup is unreadable). The process tree is
found through the ppid links in /proc/*/stat and sampled every 0.1 s (SAMPLE_SECONDS),
so a child living less than that may be missed: the true peak can be a little higher.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.corpus import make_corpus
from bench.news_corpus import make_news_corpus
from tests.browser import fetch, free_port

ROOT = Path(__file__).resolve().parent.parent
PROJECT_FILES = ("theme", "mkdocs.yml", "site_config.yml", "generated/.gitignore")
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
SAMPLE_SECONDS = 0.1
"""How often the build's process tree is sampled for its memory."""


def _parent_pids() -> dict[int, int]:
    """pid -> ppid of every process in /proc."""
    parents = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue  # the process has gone
        # "pid (comm) state ppid ...": comm may hold spaces and parentheses
        parents[int(text[: text.index(" ")])] = int(text[text.rindex(")") + 2 :].split()[1])
    return parents


def process_tree(root: int) -> list[int]:
    """`root` and all its descendants that are alive now."""
    children: dict[int, list[int]] = {}
    for pid, ppid in _parent_pids().items():
        children.setdefault(ppid, []).append(pid)
    tree, todo = [], [root]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo.extend(children.get(pid, []))
    return tree


def process_kib(pid: int) -> int:
    """A process's Pss in KiB (VmRSS if its smaps_rollup is unreadable); 0 once gone."""
    for name, field in (("smaps_rollup", "Pss:"), ("status", "VmRSS:")):
        try:
            with open(f"/proc/{pid}/{name}", encoding="ascii") as file:
                for line in file:
                    if line.startswith(field):
                        return int(line.split()[1])
        except (OSError, ValueError):
            continue
    return 0


class TreeMemory:
    """Samples, every SAMPLE_SECONDS until stopped, the summed Pss of a process and all
    its descendants; `peak_kib` is the largest sum seen, `own_kib` the largest Pss of the
    process itself (MkDocs and the generator, without the workers and Pagefind)."""

    def __init__(self, root: int) -> None:
        self.root = root
        self.peak_kib = 0
        self.own_kib = 0
        self.samples = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while True:
            own = process_kib(self.root)
            total = own + sum(process_kib(pid) for pid in process_tree(self.root)[1:])
            self.peak_kib = max(self.peak_kib, total)
            self.own_kib = max(self.own_kib, own)
            self.samples += 1
            if self._stop.wait(SAMPLE_SECONDS):
                return

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak_kib


CORPUS = "seed"
"""`seed`: N copies of the seed story (bench/corpus.py); `news`: N stories of their own,
with a vocabulary that grows with N (bench/news_corpus.py)."""


def make_project(where: Path, count: int) -> tuple[Path, int]:
    for name in PROJECT_FILES:
        source, target = ROOT / name, where / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target)
        else:
            shutil.copy2(source, target)
    distinct = 0
    if CORPUS == "news":
        distinct = make_news_corpus(where / "content", count)
    else:
        make_corpus(where / "content", count)
    return where, distinct


def run_build(project: Path, config: str = "mkdocs.yml", republish: bool = False) -> dict:
    """A full `mkdocs build` from an empty generated tree, as on a fresh clone (or, with
    `republish`, `mkdocs build --dirty` with the last build's output and cache kept): its
    time and peak memory (the largest summed Pss of the build's whole process tree, see
    TreeMemory).

    The previous build's output is moved aside and deleted after the timed build: deleting
    thousands of files just before it would slow the build's own writes."""
    trash = Path(tempfile.mkdtemp(dir=project, prefix=".old-"))
    if not republish:
        (project / "generated").rename(trash / "generated")
        (project / "generated").mkdir()
        shutil.copy2(trash / "generated" / ".gitignore", project / "generated" / ".gitignore")
        for kept in ("site", ".cache"):
            if (project / kept).exists():
                (project / kept).rename(trash / kept)
    subprocess.run(["sync"], check=False)
    started = time.perf_counter()
    dirty = ["--dirty"] if republish else []
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "-f", config, *dirty],
        cwd=project, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    memory = TreeMemory(process.pid)
    output = process.stdout.read()
    peak_kib = memory.stop()  # before reaping it, so its pid cannot be reused meanwhile
    own_kib = memory.own_kib
    status = process.wait()
    seconds = time.perf_counter() - started
    shutil.rmtree(trash)
    if status != 0:
        raise SystemExit(f"build failed in {project}:\n{output[-3000:]}")
    generated = re.search(r"explainer: \d+ page\(s\) written.* in ([\d.]+) s", output)
    pages = sum(1 for _ in (project / "site").rglob("*.html"))
    size = sum(p.stat().st_size for p in (project / "site").rglob("*") if p.is_file())
    return {
        "build": seconds,
        "generate": float(generated.group(1)) if generated else float("nan"),
        "pages": pages,
        "peak_mib": peak_kib / 1024,
        "own_mib": own_kib / 1024,
        "site_mib": size / 2**20,
    }


def correct_a_story(project: Path) -> str:
    """Correct one story's title, as an editor would: its id."""
    digests = sorted((project / "content").glob("*.yml"))
    digest = digests[len(digests) // 2]
    data = yaml.safe_load(digest.read_text(encoding="utf-8"))
    data["title"] += " (corrected)"
    digest.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    return digest.stem


def same_as_clean(project: Path) -> bool:
    """Build the project's inputs clean in a second folder; `diff -r` the two sites."""
    clean = project.with_name(project.name + "-clean")
    shutil.rmtree(clean, ignore_errors=True)
    clean.mkdir()
    for name in (*PROJECT_FILES, "content"):
        source, target = project / name, clean / name
        target.parent.mkdir(parents=True, exist_ok=True)
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, target)
    run_build(clean)
    same = subprocess.run(["diff", "-r", "-q", str(project / "site"), str(clean / "site")],
                          capture_output=True, text=True, check=False)  # fmt: skip
    if same.returncode:
        print(same.stdout[-2000:])
    shutil.rmtree(clean, ignore_errors=True)
    return same.returncode == 0


def story_page_bytes(project: Path) -> int:
    story = sorted((project / "site" / "stories").iterdir())[0]
    return (story / "index.html").stat().st_size


def global_nav_config(project: Path) -> str:
    """A copy of mkdocs.yml whose nav lists every page of every story (the baseline)."""
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    entries = []
    for digest in sorted((project / "content").glob("*.yml")):
        story = yaml.safe_load(digest.read_text(encoding="utf-8"))
        pages = sorted((project / "generated" / "stories" / story["id"]).glob("*.md"))
        entries.append({story["title"]: [f"stories/{story['id']}/{p.name}" for p in pages]})
    nav = yaml.safe_dump({"nav": [{"Home": "index.md"}, {"Stories": entries}]}, allow_unicode=True)
    config = re.sub(r"^nav:\n(?:  - .*\n)+", nav, config, flags=re.MULTILINE)
    (project / "mkdocs-global-nav.yml").write_text(config, encoding="utf-8")
    return "mkdocs-global-nav.yml"


def edit_to_update(project: Path, edits: int) -> list[float]:
    """Seconds from saving a changed digest to the served page showing the change."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}"],
        cwd=project, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    digest = sorted((project / "content").glob("*.yml"))[0]
    story = yaml.safe_load(digest.read_text(encoding="utf-8"))
    url = f"http://127.0.0.1:{port}/stories/{story['id']}/"
    times = []
    try:
        deadline = time.monotonic() + 900
        while story["dek"].split(":")[0] not in fetch(url):
            if time.monotonic() > deadline or server.poll() is not None:
                raise SystemExit("mkdocs serve did not come up")
            time.sleep(0.5)
        time.sleep(3)  # let the first build's search index settle
        text = digest.read_text(encoding="utf-8")
        for n in range(edits):
            marker = f"edited-{n}-{time.time_ns()}"
            data = yaml.safe_load(text)
            data["dek"] = f"{marker} {data['dek']}"
            digest.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
            started = time.perf_counter()
            while marker not in fetch(url):
                if time.perf_counter() - started > 120:
                    raise SystemExit("the edit never showed")
                time.sleep(0.02)
            times.append(time.perf_counter() - started)
            time.sleep(1.5)
    finally:
        server.terminate()
        server.wait(timeout=30)
    return times


def search_words(project: Path) -> str:
    """Two words of a quote of the site's first story, to search for."""
    digest = sorted((project / "content").glob("*.yml"))[0]
    quote = yaml.safe_load(digest.read_text(encoding="utf-8"))["quotes"][0]["text"]
    return " ".join(re.findall(r"\w{4,}", quote)[:2])


def first_view(project: Path) -> tuple[int, int]:
    """Compressed bytes of a story page's first view, and of that view plus one search."""
    import gzip

    from playwright.sync_api import sync_playwright

    from tests.browser import CHROMIUM, CHROMIUM_ARGS, serve_directory

    story = sorted((project / "site" / "stories").iterdir())[0].name
    with serve_directory(project / "site") as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        bodies: list[bytes] = []
        page.on("response", lambda r: bodies.append(r.body()) if r.status == 200 else None)
        page.goto(f"{base}stories/{story}/")
        page.wait_for_load_state("networkidle")
        view = sum(len(gzip.compress(b, 9)) for b in bodies)
        page.fill("input.md-search__input", search_words(project))
        page.wait_for_selector(".md-search-result__item", timeout=30_000)
        page.wait_for_load_state("networkidle")
        searched = sum(len(gzip.compress(b, 9)) for b in bodies)
        browser.close()
    return view, searched


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument("--baseline", type=int, default=200, help="0 skips it")
    parser.add_argument(
        "--verify", action="store_true", help="diff -r each republished site against a clean build"
    )
    parser.add_argument(
        "--serve", type=int, default=1000, help="stories for the edit-to-update run; 0 skips it"
    )
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it")
    parser.add_argument(
        "--corpus", choices=["seed", "news"], default="seed", help="the stories (see CORPUS)"
    )
    args = parser.parse_args()
    global CORPUS
    CORPUS = args.corpus
    work = args.keep or Path(tempfile.mkdtemp(prefix="explainer-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    header = (
        f"{'N':>5} {'words':>7} {'pages':>6} {'generate s':>10} {'build s':>8} {'ms/page':>8} "
        f"{'gen share':>9} {'peak PSS MiB':>12} {'MkDocs MiB':>10} {'site MiB':>8} "
        f"{'story HTML':>10} "
        f"{'republish s':>11} {'its PSS MiB':>11}" + (f" {'same':>5}" if args.verify else "")
    )
    print(
        f"peak PSS MiB: the largest sum of Pss over `mkdocs build` and all its child "
        f"processes (workers, Pagefind), sampled every {SAMPLE_SECONDS} s from /proc"
    )
    print(header)
    projects: dict[int, Path] = {}
    rows: dict[int, dict[str, float]] = {}
    for count in sorted(set(args.sizes) | ({args.baseline} if args.baseline else set())):
        project, distinct = make_project(work / f"n{count}", count)
        row = run_build(project)
        projects[count], rows[count] = project, row
        correct_a_story(project)
        again = run_build(project, republish=True)
        same = f" {'yes' if same_as_clean(project) else 'NO':>5}" if args.verify else ""
        print(
            f"{count:>5} {distinct:>7,} {row['pages']:>6} {row['generate']:>10.2f} "
            f"{row['build']:>8.2f} {1000 * row['build'] / row['pages']:>8.2f} "
            f"{row['generate'] / row['build']:>9.1%} {row['peak_mib']:>12.0f} "
            f"{row['own_mib']:>10.0f} "
            f"{row['site_mib']:>8.1f} {story_page_bytes(project):>10,} "
            f"{again['build']:>11.2f} {again['peak_mib']:>11.0f}{same}",
            flush=True,
        )
    sizes = sorted(args.sizes)
    if len(sizes) >= 2:
        small, large = rows[sizes[-2]], rows[sizes[-1]]
        ratio = (large["build"] / large["pages"]) / (small["build"] / small["pages"])
        html_ratio = story_page_bytes(projects[sizes[-1]]) / story_page_bytes(projects[sizes[0]])
        print(f"ms/page at N={sizes[-1]} / at N={sizes[-2]}: {ratio:.2f}")
        print(f"story page HTML at N={sizes[-1]} / at N={sizes[0]}: {html_ratio:.3f}")
    if args.baseline:
        base = projects[args.baseline]
        ours = rows[args.baseline]
        nav = run_build(base, global_nav_config(base))
        print(
            f"baseline N={args.baseline}, every story page in the global nav: "
            f"{nav['build']:.2f} s, story HTML {story_page_bytes(base):,} bytes; "
            f"ours {ours['build']:.2f} s: {nav['build'] / ours['build']:.1f}x faster"
        )
        run_build(base)  # leave it as ours
    if args.serve:
        project = projects.get(args.serve) or make_project(work / f"n{args.serve}", args.serve)[0]
        times = edit_to_update(project, args.edits)
        print(
            f"edit-to-update under `mkdocs serve --dirty` at N={args.serve}: median "
            f"{statistics.median(times):.2f} s ({', '.join(f'{t:.2f}' for t in times)})"
        )
    largest = projects[sizes[-1]]
    view, searched = first_view(largest)
    print(
        f"first view of a story page at N={sizes[-1]}: {view:,} bytes compressed; "
        f"{searched:,} with a first search"
    )
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
