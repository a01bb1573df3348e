"""Mending the builders' HTML where no template block reaches.

Zensical writes `aria-hidden="true"` on the label of its drawer overlay; HTML does
not allow it on a label tied to a control, so it is dropped the same way.

Material writes `autocomplete="off"` on its drawer and search toggles (to stop
Firefox restoring their state), but HTML allows `autocomplete` only on text-like
inputs, so the Nu Html Checker reports it. Those inputs sit in Material's
`base.html` outside any block an override could replace, so the built page is
mended here: each `<input>` start tag is read by Python's HTML parser (attributes in
any order, any quoting) and written again without the attribute when it is a
checkbox. Only the `<input>` tags are parsed, so the cost stays small on big sites.
"""

from __future__ import annotations

from html import escape
from html.parser import HTMLParser

_LONGEST_TAG = 4096
"""An `<input>` tag longer than this is left as it is."""


class _StartTag(HTMLParser):
    """Reads the first start tag of a piece of HTML: its name, attributes and text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.found: tuple[str, list[tuple[str, str | None]], str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.found is None:
            self.found = (tag, attrs, self.get_starttag_text() or "")

    handle_startendtag = handle_starttag


def _start_tag(html: str, at: int) -> tuple[str, list[tuple[str, str | None]], str] | None:
    """The start tag at `at`, read up to the first `>` that ends it (a `>` inside a
    quoted value does not)."""
    end = at
    while (end := html.find(">", end + 1)) != -1 and end - at < _LONGEST_TAG:
        parser = _StartTag()
        parser.feed(html[at : end + 1])
        if parser.found is not None:
            return parser.found if html.startswith(parser.found[2], at) else None
    return None


def _write_tag(name: str, attrs: list[tuple[str, str | None]]) -> str:
    parts = [name]
    for key, value in attrs:
        parts.append(key if value is None else f'{key}="{escape(value, quote=True)}"')
    return f"<{' '.join(parts)}>"


def _drop_attribute(html: str, element: str, attribute: str, when) -> str:
    """`html` without `attribute` on each `element` start tag whose attributes (a dict of
    lower-cased values) satisfy `when`."""
    pieces: list[str] = []
    done = 0
    opening = f"<{element}"
    at = html.find(opening)
    while at != -1:
        tag = _start_tag(html, at)
        if tag is not None:
            name, attrs, text = tag
            values = {key: (value or "").lower() for key, value in attrs}
            if name == element and attribute in values and when(values):
                kept = [(key, value) for key, value in attrs if key != attribute]
                pieces += [html[done:at], _write_tag(name, kept)]
                done = at + len(text)
        at = html.find(opening, at + 1)
    return "".join(pieces) + html[done:] if pieces else html


def drop_checkbox_autocomplete(html: str) -> str:
    """`html` with the `autocomplete` attribute removed from every checkbox input."""
    return _drop_attribute(html, "input", "autocomplete", lambda a: a.get("type") == "checkbox")


def drop_hidden_control_labels(html: str) -> str:
    """`html` without `aria-hidden` on a `<label for=...>`: Zensical hides its drawer
    overlay's label so, which HTML forbids on a label tied to a control."""
    return _drop_attribute(html, "label", "aria-hidden", lambda a: "for" in a)


def mend(html: str) -> str:
    """Every fix above, on one built page."""
    return drop_hidden_control_labels(drop_checkbox_autocomplete(html))
