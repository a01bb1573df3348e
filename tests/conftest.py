"""Shared fixtures: a throwaway copy of the project, and the seed site built by real MkDocs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
STORY_ID = "wagner-march-halted"
SECTIONS = [
    "",
    "actors/",
    "quotes/",
    "responses/",
    "timeline/",
    "places/",
    "questions/",
    "sources/",
]
"""The seed story's pages, as paths below `stories/<id>/`."""
PROJECT_FILES = ("content", "theme", "generated/.gitignore", "mkdocs.yml", "site_config.yml")


def copy_project(target: Path) -> Path:
    """The project's inputs (not its build output) copied to `target`."""
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


def project_with(content: Path, target: Path) -> Path:
    """A project at `target` whose content folder is a copy of `content` (an example site
    under `tests/fixtures/`), with the repository's settings and theme."""
    for name in ("mkdocs.yml", "site_config.yml"):
        shutil.copy2(ROOT / name, target / name)
    shutil.copytree(ROOT / "theme", target / "theme")
    (target / "generated").mkdir()
    shutil.copytree(content, target / "content")
    return target


def use_own_templates(project: Path) -> Path:
    """Point the project's plugin at its own copy of the page templates (a maintainer's
    set-up), so a test can change them; returns that folder."""
    with (project / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("plugins:\n  - explainer:\n      templates_dir: theme/pages\n  - search\n")
    return project / "theme" / "pages"


def run(args: list[str], cwd: Path, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        args, cwd=cwd, capture_output=True, text=True, timeout=timeout, env=env, check=False
    )


def mkdocs(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return run([sys.executable, "-m", "mkdocs", *args], cwd)


def explainer(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return run([sys.executable, "-m", "generator.cli", *args], cwd)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def built(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """The seed project built once with `mkdocs build --strict`."""
    project = copy_project(tmp_path_factory.mktemp("built") / "project")
    result = mkdocs("build", "--strict", cwd=project)
    assert result.returncode == 0, result.stderr
    return project, result


@pytest.fixture(scope="session")
def site(built: tuple[Path, subprocess.CompletedProcess[str]]) -> Path:
    return built[0] / "site"


def page(site: Path, path: str) -> BeautifulSoup:
    """A built page, parsed; `path` as in the URL, e.g. `stories/x/quotes/`."""
    file = site / path / "index.html" if not path.endswith(".html") else site / path
    return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
