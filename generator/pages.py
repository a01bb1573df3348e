"""Stories to Markdown pages, through the Jinja2 templates in `theme/pages/`.

Python decides which pages exist and hands each template its data; the
templates decide what a page looks like.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import jinja2

from . import markup
from .schema import SiteConfig, Story


@dataclass(frozen=True)
class Section:
    """One page of a story: its file name, its title and when it exists."""

    slug: str
    title: str
    template: str
    shown: Callable[[Story], bool] = lambda story: True

    @property
    def filename(self) -> str:
        return f"{self.slug}.md"


SECTIONS: tuple[Section, ...] = (
    Section("index", "Summary", "story/summary.md.j2"),
    Section("actors", "Key actors", "story/actors.md.j2"),
    Section("quotes", "Quotes", "story/quotes.md.j2"),
    Section("responses", "Official responses", "story/responses.md.j2"),
    Section("timeline", "Timeline", "story/timeline.md.j2", lambda s: bool(s.timeline)),
    Section("places", "Places", "story/places.md.j2", lambda s: bool(s.places)),
    Section(
        "questions",
        "Open questions",
        "story/questions.md.j2",
        lambda s: bool(s.open_questions or s.discrepancies),
    ),
    Section("sources", "Sources", "story/sources.md.j2"),
)

STORIES_DIR = "stories"


def story_dir(story: Story) -> str:
    return f"{STORIES_DIR}/{story.id}"


def long_date(value: dt.date) -> str:
    """24 June 2023: unambiguous for readers anywhere."""
    return f"{value.day} {value:%B %Y}"


def kilometres(value: float) -> str:
    return f"{value:,.0f}"


def excerpt(text: str, words: int = 12) -> str:
    """The first words of a quote, for links to it."""
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def quoted(values: Iterable[str]) -> str:
    """["a", "b"] -> “a”, “b”."""
    return ", ".join(f"“{value}”" for value in values)


def environment(templates_dir: Path) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir)),
        undefined=jinja2.StrictUndefined,
        # Markdown, not HTML: `finalize` escapes every value for Markdown and HTML.
        # Only the output of our own macros is marked `|safe` (it was escaped inside).
        autoescape=False,
        finalize=markup.md_text,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        markdown=markup.markdown_field,
        attr=markup.attr,
        front=markup.front_matter_value,
        long_date=long_date,
        km=kilometres,
        excerpt=excerpt,
        quoted=quoted,
    )
    return env


def order_stories(stories: Iterable[Story], order: str) -> list[Story]:
    if order == "title":
        return sorted(stories, key=lambda s: (s.title.casefold(), s.id))
    newest = order == "newest-first"
    # Ties broken by id, so the order never depends on the file system.
    by_id = sorted(stories, key=lambda s: s.id)
    return sorted(by_id, key=lambda s: s.updated, reverse=newest)


def render_site(stories: list[Story], site: SiteConfig, templates_dir: Path) -> dict[str, str]:
    """Every generated page: relative path -> Markdown text."""
    env = environment(templates_dir)
    pages: dict[str, str] = {}
    ordered = order_stories(stories, site.order)
    pages["index.md"] = env.get_template("home.md.j2").render(site=site, stories=ordered)
    for story in ordered:
        sections = [s for s in SECTIONS if s.shown(story)]
        for section in sections:
            template = env.get_template(section.template)
            pages[f"{story_dir(story)}/{section.filename}"] = template.render(
                site=site, story=story, section=section, sections=sections
            )
    return pages
