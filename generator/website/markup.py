"""Escaping: every string from YAML reaches the Markdown as text, never as markup.

The generated pages are Markdown that MkDocs renders to HTML, so a value must be
neutralised twice: for HTML (`<`, `&`, quotes) and for Markdown and its
extensions (emphasis, links, attribute lists, block syntax at a line's start).
Characters that would mean something are written as numeric character
references, which Markdown passes through untouched and browsers show as the
character itself. The two fields documented as Markdown are rendered to HTML here,
through an allowlist (`markdown_field`).
"""

from __future__ import annotations

import difflib
import json
import re
from typing import Any

from markdown_it import MarkdownIt
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


# The fields documented as Markdown (`summary`, `why_it_matters`) are rendered here,
# through an allowlist: markdown-it-py's empty preset with only paragraphs, emphasis,
# strong, inline links and backslash escapes switched on. Any other syntax (headings,
# lists, quotes, tables, reference definitions, admonitions, raw HTML, images) is not
# a rule of this parser, so it stays text; and a link is kept only when its parsed
# target passes `link_allowed`.
LINK_SCHEMES = ("https://", "http://", "mailto:")
_ALLOWED_TARGET = re.compile(r"^(?:https?://[^/?#\s]+|mailto:[^\s]+)", re.IGNORECASE)
_PROSE_RULES = ["emphasis", "link", "escape"]
_FENCE_MARKS = str.maketrans({"`": "&#96;", "~": "&#126;"})


def link_allowed(target: str) -> bool:
    """A link target readers may follow: a web address with a host, or mailto."""
    return bool(_ALLOWED_TARGET.match(target))


_PROSE = MarkdownIt("zero").enable(_PROSE_RULES)
_PROSE.validateLink = link_allowed
_EVERY_LINK = MarkdownIt("zero").enable(_PROSE_RULES)
_EVERY_LINK.validateLink = lambda target: True


def markdown_links(value: str) -> list[str]:
    """Every link target a Markdown field holds, as the renderer parses it."""
    return [
        str(child.attrs["href"])
        for token in _EVERY_LINK.parse(value)
        for child in token.children or ()
        if child.type == "link_open"
    ]


def markdown_field(value: str) -> Markup:
    """A field documented as Markdown, as HTML: paragraphs, emphasis, strong and links
    to allowed addresses; everything else is shown as the text it is.

    The HTML is one `<div>` block, which Python-Markdown keeps as it is. Backticks
    and tildes become character references: MkDocs' fenced code runs before raw HTML
    is set aside, and would read a line of them as a code fence.
    """
    html = _PROSE.render(value).strip().translate(_FENCE_MARKS)
    return Markup(f'<div class="ex-prose">\n{html}\n</div>')


def attr(value: Any) -> Markup:
    """A value inside a double-quoted HTML attribute."""
    return escape(str(value))


def front_matter_value(value: Any) -> Markup:
    """A value for YAML front matter: HTML-escaped (MkDocs puts titles into
    templates unescaped) and JSON-quoted (JSON strings are valid YAML)."""
    return Markup(
        json.dumps(str(escape(_WHITESPACE.sub(" ", str(value)).strip())), ensure_ascii=False)
    )


_TOKENS = re.compile(r"\S+")


def _comparable(word: str) -> str:
    return re.sub(r"[^\w]+", "", word.casefold())


def marked_differences(text: str, other: str) -> Markup:
    """`text` escaped for Markdown and HTML, with each word that `other` does not have
    in the same place wrapped in `<mark>`: two renderings of one statement, their
    differences visible (and named for screen readers by the mark's role)."""
    mine, theirs = _TOKENS.findall(text), _TOKENS.findall(other)
    matcher = difflib.SequenceMatcher(
        None, [_comparable(w) for w in mine], [_comparable(w) for w in theirs], autojunk=False
    )
    same = {
        i for block in matcher.get_matching_blocks() for i in range(block.a, block.a + block.size)
    }
    return Markup(" ").join(
        md_text(word) if index in same else Markup("<mark>") + md_text(word) + Markup("</mark>")
        for index, word in enumerate(mine)
    )
