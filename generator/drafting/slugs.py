"""Ids for drafted items."""

from __future__ import annotations

from ..digest import names


def slug(text: str) -> str:
    """An id for a drafted item: the project's slug (transliterated), or `item`."""
    return names.slug(text, max_length=60) or "item"
