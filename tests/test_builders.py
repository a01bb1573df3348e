"""Builders beyond MkDocs: Zensical builds the generated tree; ProperDocs runs the plugin."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.digest.register import load_story

from .conftest import ROOT, SECTIONS, STORY_ID, explainer, run

STORY, _ = load_story(ROOT / "content" / f"{STORY_ID}.yml")


def tool(name: str) -> str:
    path = shutil.which(name, path=str(Path(sys.executable).parent))
    if path is None:
        pytest.fail(f"{name} is not installed: run the README's test set-up")
    return path


def check_site(site: Path) -> None:
    for section in SECTIONS:
        assert (site / "stories" / STORY_ID / section / "index.html").is_file(), section
    quotes = BeautifulSoup(
        (site / "stories" / STORY_ID / "quotes" / "index.html").read_text(encoding="utf-8"),
        "html.parser",
    )
    shown = " ".join(quotes.get_text(" ").split())
    for quote in STORY.quotes:
        for paragraph in quote.paragraphs:
            assert paragraph in shown, quote.id
        assert STORY.actor(quote.speaker).name in shown


def test_zensical_builds_the_generated_tree(project: Path) -> None:
    assert explainer("build", cwd=project).returncode == 0
    result = run([tool("zensical"), "build"], project)
    assert result.returncode == 0, result.stdout + result.stderr
    check_site(project / "site")


def test_properdocs_runs_the_plugin(project: Path) -> None:
    result = run([tool("properdocs"), "build", "--strict", "-f", "mkdocs.yml"], project)
    assert result.returncode == 0, result.stderr
    assert "explainer:" in result.stderr  # the plugin generated the pages itself
    check_site(project / "site")
