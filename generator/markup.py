"""Escaping: every string from YAML reaches the Markdown as text, never as markup.

The generated pages are Markdown that MkDocs renders to HTML, so a value must be
neutralised twice: for HTML (`<`, `&`, quotes) and for Markdown and its
extensions (emphasis, links, attribute lists, block syntax at a line's start).
Characters that would mean something are written as numeric character
references, which Markdown passes through untouched and browsers show as the
character itself.
"""

from __future__ import annotations

import json
import re
from typing import Any

from markupsafe import Markup, escape

# Inline syntax anywhere in a line: HTML, emphasis, code, links and images,
# attribute lists, tables, and the marks of common extensions (~~ ^^ == ::).
_INLINE = {c: f"&#{ord(c)};" for c in '&<>"\\`*_[]{}|~^=!:'}
_INLINE_TABLE = str.maketrans(_INLINE)
# Block syntax that only counts at the start of a line: headings, quotes,
# list items (including "1." and "1)"), definition lists and rules.
_WHITESPACE = re.compile(r"\s+")
_ODD_SPACE = re.compile(r"[^\S ]|  ")  # any white space but a single space
_SPECIAL = re.compile(r"[&<>\"\\`*_\[\]{}|~^=!:]|^\s*(?:[#>+\-:]|\d+[.)])")
_LINE_START = re.compile(r"^(\s*)([#>+\-:]|\d+(?=[.)]))", re.MULTILINE)


def _escape_line_starts(text: str) -> str:
    def repl(match: re.Match[str]) -> str:
        lead, token = match.group(1), match.group(2)
        if token.isdigit():
            return f"{lead}{token[:-1]}&#{ord(token[-1])};"
        return f"{lead}&#{ord(token)};"

    return _LINE_START.sub(repl, text)


def md_text(value: Any) -> Markup:
    """Any value as literal inline text in Markdown: one line, nothing interpreted."""
    if isinstance(value, Markup):
        return value
    text = value if isinstance(value, str) else str(value)
    if _ODD_SPACE.search(text):
        text = _WHITESPACE.sub(" ", text)
    if _SPECIAL.search(text):
        text = _escape_line_starts(text.translate(_INLINE_TABLE))
    return Markup(text)


def markdown_field(value: str) -> Markup:
    """A field documented as Markdown: formatting and links kept, raw HTML and
    attribute lists shown as text, no headings (the page owns its outline).

    Link targets are already restricted to http(s) and mailto by the schema.
    """
    text = value.replace("&", "&amp;").replace("<", "&lt;")
    text = text.replace("{", "&#123;").replace("}", "&#125;")
    text = re.sub(r"^(\s*)#", r"\1&#35;", text, flags=re.MULTILINE)
    return Markup(text)


def attr(value: Any) -> Markup:
    """A value inside a double-quoted HTML attribute."""
    return escape(str(value))


def front_matter_value(value: Any) -> Markup:
    """A value for YAML front matter: HTML-escaped (MkDocs puts titles into
    templates unescaped) and JSON-quoted (JSON strings are valid YAML)."""
    return Markup(
        json.dumps(str(escape(_WHITESPACE.sub(" ", str(value)).strip())), ensure_ascii=False)
    )
