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
    """By hand: the tree generated, then Zensical run on it."""
    assert explainer("generate", cwd=project).returncode == 0
    result = run([tool("zensical"), "build"], project)
    assert result.returncode == 0, result.stdout + result.stderr
    check_site(project / "site")


def test_a_zensical_build_that_fails_leaves_the_last_site(project: Path) -> None:
    assert explainer("build", "--with", "zensical", cwd=project).returncode == 0
    before = (project / "site" / "index.html").read_bytes()
    digest = project / "content" / f"{STORY_ID}.yml"
    digest.write_text(digest.read_text(encoding="utf-8").replace("extent: full", "extent: all"))
    result = explainer("build", "--with", "zensical", cwd=project)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "'all' is not allowed" in result.stderr
    assert "nothing was built; the last site is unchanged" in result.stderr
    assert (project / "site" / "index.html").read_bytes() == before
    assert not list(project.glob(".site.staging-*")) and not list(project.glob(".explainer-*"))


def test_properdocs_runs_the_plugin(project: Path) -> None:
    result = run([tool("properdocs"), "build", "--strict", "-f", "mkdocs.yml"], project)
    assert result.returncode == 0, result.stderr
    assert "explainer:" in result.stderr  # the plugin generated the pages itself
    check_site(project / "site")


# Material's templates we override -------------------------------------------------------

OVERRIDES = ROOT / "theme" / "overrides"


def material_template(name: str) -> Path:
    import material

    return Path(material.__file__).parent / "templates" / name


def test_overridden_partials_match_the_installed_materials_original() -> None:
    """An upgrade of Material is a decision: each partial we copied records the sha256 of
    the original it was made from, and the installed original must still be that file."""
    import hashlib
    import re

    copies = sorted((OVERRIDES / "partials").glob("*.html"))
    assert copies
    for copy in copies:
        recorded = re.search(
            r"upstream: mkdocs-material (\S+) (\S+) sha256 ([0-9a-f]{64})",
            copy.read_text(encoding="utf-8"),
        )
        assert recorded, f"{copy.name}: no `upstream:` line recording the original"
        version, name, digest = recorded.groups()
        original = material_template(name).read_bytes()
        assert hashlib.sha256(original).hexdigest() == digest, (
            f"Material's {name} is no longer the {version} original that {copy.name} was made "
            "from: compare the two, carry our changes over, and record the new sha256"
        )


def test_the_blocks_main_html_fills_are_in_materials_base_template() -> None:
    import re

    base = material_template("base.html").read_text(encoding="utf-8")
    ours = (OVERRIDES / "main.html").read_text(encoding="utf-8")
    for block in re.findall(r"{%-? block (\w+)", ours):
        assert re.search(rf"{{% block {block} %}}", base), f"Material's base.html lost `{block}`"


def test_the_publishing_workflow_builds_checks_and_uploads_the_site() -> None:
    import yaml

    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "publish.yml").read_text())
    steps = workflow["jobs"]["build"]["steps"]
    commands = [step.get("run", "") for step in steps]
    assert any(".venv/bin/explainer validate" in c for c in commands)
    assert any(c.startswith(".venv/bin/explainer build --republish") for c in commands)
    [upload] = [s for s in steps if s.get("uses", "").startswith("actions/upload-pages-artifact")]
    assert upload["with"]["path"] == "site"
    [cache] = [s for s in steps if s.get("uses", "").startswith("actions/cache")]
    # what a republish needs of the last run (README: Republishing)
    assert cache["with"]["path"].split() == ["generated", "site", ".cache/explainer"]
    assert workflow["jobs"]["deploy"]["steps"][0]["uses"].startswith("actions/deploy-pages")
