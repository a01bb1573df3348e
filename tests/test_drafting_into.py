"""`explainer draft ARTICLE --into STORY`: a second source added to a story, on two
made-up articles that give one statement in two translations."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import yaml

from tests.conftest import explainer, mkdocs

EXAMPLES = Path(__file__).parent / "fixtures" / "drafting" / "into"
STORY = "example-border-talks"


def test_a_second_translation_is_linked_not_duplicated(project: Path) -> None:
    for story in (project / "content").glob("*.yml"):
        story.unlink()  # the two example articles alone
    shutil.rmtree(project / "content" / "actors", ignore_errors=True)
    first = explainer("draft", str(EXAMPLES / "first-wire.txt"), "--id", STORY, cwd=project)
    assert first.returncode == 0, first.stderr
    target = project / "content" / f"{STORY}.yml"
    before = target.read_text(encoding="utf-8")

    added = explainer("draft", str(EXAMPLES / "second-translation.txt"), "--into", STORY,
                      cwd=project)  # fmt: skip
    assert added.returncode == 0, added.stderr
    assert "1 linked as renderings" in added.stdout and "1 already there" in added.stdout
    after = target.read_text(encoding="utf-8")
    story = yaml.safe_load(after)
    assert [s["id"] for s in story["sources"]] == ["northgate-wire", "velgrad-daily-courier"]
    quotes = {q["id"]: q for q in story["quotes"]}
    linked = [q for q in quotes.values() if q.get("rendering_of")]
    assert len(linked) == 1
    original = quotes[linked[0]["rendering_of"]]
    assert original["text"].startswith("We will never accept border changes")
    assert linked[0]["text"].startswith("We shall never accept changes to our borders")
    assert original["speaker"] == linked[0]["speaker"] == "ilka-varna"
    said = [q["text"] for q in quotes.values()]
    assert said.count("The door to dialogue remains open") == 1  # both give it: once
    # every line of the story that the addition does not touch stays as it was
    removed = [line for line in difflib.ndiff(before.splitlines(), after.splitlines())
               if line.startswith("- ")]  # fmt: skip
    assert removed == []
    checked = explainer("validate", str(target), cwd=project)
    assert checked.returncode == 0, checked.stderr
    built = mkdocs("build", "--strict", cwd=project)
    assert built.returncode == 0, built.stderr
    page = (project / "site" / "stories" / STORY / "quotes" / "index.html").read_text("utf-8")
    assert "We shall never accept changes to our borders" in page


def test_into_a_story_that_does_not_exist_is_a_clear_error(project: Path) -> None:
    result = explainer("draft", str(EXAMPLES / "first-wire.txt"), "--into", "no-such-story",
                       cwd=project)  # fmt: skip
    assert result.returncode == 1
    assert "there is no story 'no-such-story'" in result.stderr


def test_a_file_that_is_not_an_article_is_refused(project: Path, tmp_path: Path) -> None:
    page = tmp_path / "cookies.html"
    page.write_text("<html><body><p>Accept cookies</p></body></html>", encoding="utf-8")
    result = explainer("draft", str(page), "--id", "example-nothing", cwd=project)
    assert result.returncode == 1
    assert "does not look like an article" in result.stderr
    assert not (project / "content" / "example-nothing.yml").exists()
