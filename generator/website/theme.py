"""Where the built-in theme is: this repository's `theme/`, installed with the package
as `explainer_theme`, so an installed `explainer` works in any folder."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def theme_dir() -> Path:
    return Path(str(files("explainer_theme")))


def pages_dir() -> Path:
    return theme_dir() / "pages"


def feeds_dir() -> Path:
    return theme_dir() / "feeds"


def assets_dir() -> Path:
    return theme_dir() / "assets"


def metadata_dir() -> Path:
    """The head every page gets (JSON-LD, OpenGraph, feed links), whichever the builder."""
    return theme_dir() / "metadata"


def overrides_dir() -> Path:
    return theme_dir() / "overrides"


def starter(name: str) -> Path:
    """A file `explainer init` or `explainer new` starts a project or story from."""
    return theme_dir() / "starter" / name
