"""`explainer build --with mkdocs|properdocs|zensical`: the whole site, by any builder.

MkDocs and ProperDocs run the explainer plugin, which generates the tree, finishes
each page and swaps the staged site in itself. Zensical runs no plugins, so here the
tree is generated, Zensical builds it into a staging folder (through a configuration
that inherits the project's and changes only `site_dir`), the post-build step
finishes that folder, and it is swapped in only when all of it passed: a failure
leaves the last site and the last generated tree as they were.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from .finish import SiteFacts, finish_site
from .project import Project
from .staging import BuildLock, Staging
from .tree import restore

BUILDERS = ("mkdocs", "properdocs", "zensical")


class BuildFailed(Exception):
    """The builder failed; the message says which and how to see why."""


def _command(builder: str) -> list[str]:
    """How to run a builder installed beside this package (or on the PATH)."""
    if builder == "mkdocs":
        return [sys.executable, "-m", "mkdocs"]
    beside = Path(sys.executable).parent / builder
    found = str(beside) if beside.exists() else shutil.which(builder)
    if found is None:
        raise BuildFailed(f"{builder} is not installed (expected `pip install {builder}`)")
    return [found]


def build_with(
    project: Project,
    config_file: Path,
    builder: str,
    say: Callable[[str], None],
    republish: bool = False,
) -> None:
    """Build the site with `builder`; BuildFailed (or InputError) if it cannot.
    `republish`: only what changed since the last build (`--dirty`; MkDocs and
    ProperDocs, which run the plugin; Zensical builds everything)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if builder in ("mkdocs", "properdocs"):
        dirty = ["--dirty"] if republish else []
        command = [*_command(builder), "build", *dirty, "-f", str(config_file)]
        if subprocess.run(command, cwd=project.root, env=env, check=False).returncode:
            raise BuildFailed(f"{builder} build failed (its messages are above)")
        return
    if republish:
        say("zensical runs no plugins, so it builds the whole site")
    lock = BuildLock(project.root)
    lock.acquire(on_wait=say)
    try:
        _build_with_zensical(project, config_file, env, say)
    finally:
        lock.release()


def _build_with_zensical(
    project: Project, config_file: Path, env: dict[str, str], say: Callable[[str], None]
) -> None:
    from mkdocs.config import load_config  # where the site goes, as the config says

    site, newsroom, stats = project.generate()
    say(f"generated {stats.written} page(s), {stats.unchanged} unchanged")
    target = Path(load_config(str(config_file)).site_dir)
    staging, left = Staging.begin(target)
    for problem in left:
        say(problem)
    staged_config = config_file.parent / f".explainer-zensical-{os.getpid()}.yml"
    staged_config.write_text(
        f"INHERIT: {config_file.name}\nsite_dir: {staging.folder}\n", encoding="utf-8"
    )
    try:
        command = [*_command("zensical"), "build", "--clean", "-f", str(staged_config)]
        if subprocess.run(command, cwd=project.root, env=env, check=False).returncode:
            raise BuildFailed("zensical build failed (its messages are above)")
        facts = SiteFacts.of(site, newsroom, _url(site))
        # Zensical's script adds style elements: its policy must allow inline styles
        done = finish_site(staging.folder, facts, say, inline_styles=True)
        say(f"finished {done.pages} page(s)" + (", wrote a sitemap" if done.sitemap else ""))
    except BaseException:
        staging.discard()
        restore(stats.previous)
        raise
    finally:
        staged_config.unlink(missing_ok=True)
    left_over = staging.swap_in()
    say(f"site ready in {target}")
    if left_over:
        say(left_over)


def _url(site) -> str | None:
    return str(site.url) if site.url else None
