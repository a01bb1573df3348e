"""`explainer` as a newsroom installs it: a wheel built from this repository, installed
into a fresh virtual environment, used in an empty folder far from the repository."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .browser import fetch, mkdocs_serve
from .conftest import ROOT, run


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The `bin/` folder of a fresh venv with explainer installed from its wheel."""
    work = tmp_path_factory.mktemp("install")
    wheels = work / "dist"
    built = run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels),
                 str(ROOT)], work, timeout=600)  # fmt: skip
    assert built.returncode == 0, built.stderr
    [wheel] = wheels.glob("explainer-*.whl")
    venv = work / "venv"
    assert run([sys.executable, "-m", "venv", str(venv)], work).returncode == 0
    installing = run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", str(wheel)],
                     work, timeout=900)  # fmt: skip
    assert installing.returncode == 0, installing.stderr
    return venv / "bin"


@pytest.fixture
def empty_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "newsroom"
    folder.mkdir()
    return folder


def tool(installed: Path, name: str, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    return subprocess.run([str(installed / name), *args], cwd=cwd, capture_output=True,
                          text=True, timeout=300, env=env, check=False)  # fmt: skip


def test_the_wheel_carries_the_theme(installed: Path, empty_folder: Path) -> None:
    code = "import explainer_theme; print(explainer_theme.__file__)"
    where = tool(installed, "python", "-c", code, cwd=empty_folder)
    assert "site-packages" in where.stdout, where.stdout + where.stderr
    theme = Path(where.stdout.strip()).parent
    shipped = {p.relative_to(theme).as_posix() for p in theme.rglob("*") if p.is_file()}
    source = ROOT / "theme"
    expected = {p.relative_to(source).as_posix() for p in source.rglob("*")
                if p.is_file() and "__pycache__" not in p.parts}  # fmt: skip
    assert expected <= shipped, sorted(expected - shipped)


def test_new_story_validate_build_and_serve_in_an_empty_folder(
    installed: Path, empty_folder: Path
) -> None:
    started = tool(installed, "explainer", "init", cwd=empty_folder)
    assert started.returncode == 0, started.stderr
    assert {p.name for p in empty_folder.iterdir()} >= {"mkdocs.yml", "site_config.yml", "content"}
    new = tool(installed, "explainer", "new", "example-story", cwd=empty_folder)
    assert new.returncode == 0, new.stderr
    checked = tool(installed, "explainer", "validate", cwd=empty_folder)
    assert checked.returncode == 0, checked.stderr
    assert "1 story file(s) checked, no problems" in checked.stdout
    built = tool(installed, "mkdocs", "build", "--strict", cwd=empty_folder)
    assert built.returncode == 0, built.stderr
    summary = (empty_folder / "site" / "stories" / "example-story" / "index.html").read_text()
    assert 'type="application/ld+json"' in summary  # the theme's overrides were used
    assert (empty_folder / "site" / "assets" / "explainer.css").is_file()
    assert (empty_folder / "site" / "pagefind" / "pagefind.js").is_file()
    with mkdocs_serve([str(installed / "mkdocs")], empty_folder) as base:
        url = f"{base}/stories/example-story/"
        deadline = time.monotonic() + 120
        while "ex-story-nav" not in fetch(url) and time.monotonic() < deadline:
            time.sleep(0.5)
        assert "ex-story-nav" in fetch(url)
