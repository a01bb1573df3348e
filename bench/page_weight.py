"""Page weight of a built site as a reader's first view sees it.

For each page: the HTML's size, and everything the browser fetched on a first view
(HTML, CSS, JavaScript, the search index...) summed after gzip -9, as a server that
compresses would send it. Loads each page in Debian's Chromium through Playwright.

    .venv/bin/python bench/page_weight.py [SITE_DIR] [PATH ...]
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.browser import CHROMIUM, CHROMIUM_ARGS, serve_directory


def first_view_bytes(browser, url: str) -> tuple[int, int, int]:
    """(requests, bytes as sent uncompressed, bytes after gzip -9) of a first view."""
    context = browser.new_context()
    page = context.new_page()
    responses = []
    page.on("response", lambda response: responses.append(response))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    bodies = [r.body() for r in responses if r.status == 200]
    context.close()
    return len(bodies), sum(map(len, bodies)), sum(len(gzip.compress(b, 9)) for b in bodies)


def main(argv: list[str]) -> int:
    site = Path(argv[0]) if argv else Path("site")
    paths = argv[1:] or sorted(
        str(p.parent.relative_to(site)).replace(".", "") + "/" for p in site.rglob("index.html")
    )
    print(f"{'page':60} {'HTML':>9} {'requests':>8} {'first view':>11} {'compressed':>11}")
    with serve_directory(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for path in paths:
            path = path.lstrip("/")
            html = (site / path / "index.html").stat().st_size
            count, raw, packed = first_view_bytes(browser, base + path)
            print(f"/{path:59} {html:>9,} {count:>8} {raw:>11,} {packed:>11,}")
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
