"""Editors' tools: `explainer new`, `explainer draft`, and the draft's quality."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml

from generator.drafting import draft_article

from .conftest import ROOT, STORY_ID, explainer, mkdocs

ARTICLE = ROOT / "content" / "articles" / f"{STORY_ID}.txt"


def test_new_writes_a_skeleton_that_validates_with_a_list_of_todos(project: Path) -> None:
    result = explainer("new", "my-story", cwd=project)
    assert result.returncode == 0, result.stderr
    digest = project / "content" / "my-story.yml"
    text = digest.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=story.schema.json")
    sections = "sources actors quotes responses timeline places open_questions discrepancies"
    for section in [*sections.split(), "summary", "why_it_matters"]:
        section += ":"
        assert f"\n{section}" in text, section
    checked = explainer("validate", "content/my-story.yml", cwd=project)
    assert checked.returncode == 0, checked.stderr
    assert "Traceback" not in checked.stderr
    todos = [line for line in checked.stdout.splitlines() if "TODO left" in line]
    assert any(line.startswith("content/my-story.yml:") and ": summary: " in line for line in todos)
    assert checked.stdout.strip().endswith(f"{len(todos)} TODO(s) left to write")


def test_new_refuses_an_existing_story_and_a_bad_id(project: Path) -> None:
    before = (project / "content" / f"{STORY_ID}.yml").read_bytes()
    result = explainer("new", STORY_ID, cwd=project)
    assert result.returncode == 1 and "already exists; not overwriting it" in result.stderr
    assert (project / "content" / f"{STORY_ID}.yml").read_bytes() == before
    bad = explainer("new", "../escape", cwd=project)
    assert bad.returncode == 1 and "not a valid story id" in bad.stderr
    assert not (project / "escape.yml").exists()


def test_draft_of_the_seed_article_validates_and_builds(project: Path) -> None:
    result = explainer("draft", str(ARTICLE), "--id", "drafted", cwd=project)
    assert result.returncode == 0, result.stderr
    drafted = yaml.safe_load((project / "content" / "drafted.yml").read_text(encoding="utf-8"))
    said = re.search(r"\((\d+) quotes, (\d+) speaker\(s\) guessed, (\d+) actors\)", result.stdout)
    assert said, result.stdout  # what it says it wrote is what it wrote
    assert int(said[1]) == len(drafted["quotes"]) > 0
    assert int(said[3]) == len(drafted["actors"])
    assert int(said[2]) == sum("the speaker is a guess" in q["context"] for q in drafted["quotes"])
    (project / "content" / f"{STORY_ID}.yml").unlink()  # the draft alone
    checked = explainer("validate", cwd=project)
    assert checked.returncode == 0, checked.stderr
    assert "TODO left" in checked.stdout
    built = mkdocs("build", "--strict", cwd=project)
    assert built.returncode == 0, built.stderr
    quotes = (project / "site" / "stories" / "drafted" / "quotes" / "index.html").read_text()
    assert "They wanted to disband PMC Wagner." in quotes
    again = explainer("draft", str(ARTICLE), "--id", "drafted", cwd=project)
    assert again.returncode == 1 and "not overwriting" in again.stderr


def test_draft_scores_on_the_seed() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "draft_eval.py")],
        capture_output=True, text=True, check=False, cwd=ROOT,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    scores = {}
    for line in result.stdout.splitlines():
        if not line.startswith(("quote precision", "speaker accuracy")):
            continue
        words = line.split()
        for name in ("precision", "recall", "accuracy"):
            if name in words:
                scores[name] = float(words[words.index(name) + 1])
    assert scores["precision"] >= 0.95 and scores["recall"] >= 0.95
    assert scores["accuracy"] >= 0.85


def test_draft_rules_on_a_small_article() -> None:
    article = (
        "Minister Quits After Vote\n\n"
        'Prime Minister Anna Kovacs said the vote was "a betrayal of trust" on Monday.\n\n'
        "“We will not give up. The fight goes on,” she said.\n\n"
        "The opposition leader, Peter Novak, claimed the result was “long overdue”, "
        "according to state media TASR.\n\n"
        "Novak added: “This is the first day of a new government.\n\n"
        "“Our work starts tomorrow.”\n"
    )
    draft = draft_article(article)
    assert draft.title == "Minister Quits After Vote"
    got = {q.text: (q.speaker.name if q.speaker else None, q.extent) for q in draft.quotes}
    assert got == {
        "a betrayal of trust": ("Anna Kovacs", "partial"),
        "We will not give up. The fight goes on": ("Anna Kovacs", "full"),
        "long overdue": ("Peter Novak", "partial"),
        "This is the first day of a new government.\n\nOur work starts tomorrow.": (
            "Peter Novak",
            "full",
        ),
    }
    assert next(q for q in draft.quotes if q.text == "long overdue").via.name == "TASR"
    novak = next(a for a in draft.actors if a.name == "Peter Novak")
    assert "Novak" in novak.aliases
