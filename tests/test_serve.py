"""`mkdocs serve` regenerates the pages when a digest changes."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from .browser import fetch, mkdocs_serve
from .conftest import STORY_ID

pytestmark = pytest.mark.serve


def wait_for(url: str, needle: str, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if needle in fetch(url):
            return True
        time.sleep(0.25)
    return False


@pytest.fixture
def served(project: Path) -> Iterator[tuple[Path, str]]:
    with mkdocs_serve([sys.executable, "-m", "mkdocs"], project) as base:
        yield project, base


def test_editing_a_digest_updates_the_served_page(served: tuple[Path, str]) -> None:
    project, base = served
    url = f"{base}/stories/{STORY_ID}/actors/"
    assert wait_for(url, "Private military company whose forces marched towards Moscow")
    digest = project / "content" / f"{STORY_ID}.yml"
    text = digest.read_text(encoding="utf-8")
    digest.write_text(
        text.replace(
            "role: Private military company whose forces marched towards Moscow",
            "role: Mercenary force that marched on Moscow (edited while serving)",
        ),
        encoding="utf-8",
    )
    assert wait_for(url, "Mercenary force that marched on Moscow (edited while serving)")


def test_serve_shows_problems_keeps_the_last_good_page_and_recovers(
    served: tuple[Path, str],
) -> None:
    project, base = served
    url = f"{base}/stories/{STORY_ID}/actors/"
    assert wait_for(url, "Private military company whose forces marched towards Moscow")
    digest = project / "content" / f"{STORY_ID}.yml"
    good = digest.read_text(encoding="utf-8")
    digest.write_text(good.replace("    speaker: putin\n", "    speker: putin\n", 1), "utf-8")
    assert wait_for(url, "did you mean `speaker`?")
    html = fetch(url)
    assert f"content/{STORY_ID}.yml:" in html and "ex-problems" in html
    assert "Private military company whose forces marched towards Moscow" in html  # last good
    digest.write_text(
        good.replace("marched towards Moscow", "marched towards Moscow (fixed)"), "utf-8"
    )
    assert wait_for(url, "marched towards Moscow (fixed)")
    assert "ex-problems" not in fetch(url)
