"""Stories to Markdown pages, through the Jinja2 templates in `theme/pages/`.

Python decides which pages exist and hands each template its data; the
templates decide what a page looks like.
"""

from __future__ import annotations

import datetime as dt
import functools
import posixpath
import re
import urllib.parse
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import babel
import jinja2
from markupsafe import Markup

from ..builders.changes import listing_key, story_key
from ..builders.tree import KEPT, Content
from ..digest.schema import SiteConfig, Story
from ..parallel import fork_map
from . import markup, paths
from .catalog import Newsroom
from .metadata import wikidata_url
from .pictures import pictures_of
from .pictures.atlas import Atlas
from .pictures.maps import number


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

STORIES_AT_ONCE = 500
"""Stories rendered (on the machine's cores) before their pages go to the sink: a big
site's pages are never all in memory at once."""
STORIES_PER_PAGE = 20
PEOPLE_PER_PAGE = 100


def long_date(value: dt.date) -> str:
    """24 June 2023: unambiguous for readers anywhere."""
    return f"{value.day} {value:%B %Y}"


def day_month(value: dt.date) -> str:
    """24 June: a day on a time scale whose year is said once."""
    return f"{value.day} {value:%B}"


def kilometres(value: float) -> str:
    return f"{value:,.0f}"


def excerpt(text: str, words: int = 12) -> str:
    """The first words of a quote, for links to it."""
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def host(url: str) -> str:
    """`https://www.example.org/about` -> `example.org`: a link's name where the page
    has no better one."""
    name = urllib.parse.urlsplit(url).hostname or url
    return name.removeprefix("www.")


def quoted(values: Iterable[str]) -> str:
    """["a", "b"] -> “a”, “b”."""
    return ", ".join(f"“{value}”" for value in values)


def language_name(code: str, locale: str = "en") -> str:
    """`ru` -> `Russian` (in the site's language); the code itself if Babel has no name."""
    try:
        return babel.Locale.parse(code, sep="-").get_display_name(locale.replace("-", "_"))
    except (ValueError, babel.UnknownLocaleError):
        return code


def kind_label(kind: str, labels: dict[str, str] | None = None) -> str:
    """A kind as readers see it: a known label, or `air-base` as `Air base`."""
    return (labels or {}).get(kind) or kind.replace("-", " ").capitalize()


def clock(time: str | None) -> str:
    """`14:05+03:00` -> `14:05 (UTC+03:00)`; `14:05 UTC` stays."""
    if not time:
        return ""
    match = re.fullmatch(r"(\d\d:\d\d) ?([+-]\d\d:?\d\d)", time)
    return f"{match[1]} (UTC{match[2]})" if match else time


def environment(templates_dir: Path, language: str = "en") -> jinja2.Environment:
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
    env.globals.update(
        wikidata_url=wikidata_url,
        person_path=paths.person_path,
        topic_path=paths.topic_path,
        story_path=paths.story_path,
        story_dir=paths.story_dir,
    )
    env.filters.update(
        markdown=markup.markdown_field,
        attr=markup.attr,
        front=markup.front_matter_value,
        long_date=long_date,
        day_month=day_month,
        km=kilometres,
        excerpt=excerpt,
        quoted=quoted,
        host=host,
        language=functools.partial(language_name, locale=language),
        kind_label=kind_label,
        clock=clock,
        marked_differences=markup.marked_differences,
        num=lambda value: Markup(number(value)),  # a picture's coordinate: digits only
    )
    return env


@dataclass(frozen=True)
class Listing:
    """One page of a long list (stories on the home page, people, a topic's stories)."""

    items: list[Any]
    number: int
    count: int
    paths: list[str]  # the path of every page of the list, first to last

    def path(self, number: int) -> str:
        return self.paths[number - 1]


def paginate(items: list[Any], size: int, path: Callable[[int], str]) -> list[Listing]:
    """Split `items` into pages of `size`; page n at `path(n)`."""
    count = max(1, -(-len(items) // size))
    paths = [path(n) for n in range(1, count + 1)]
    return [Listing(items[(n - 1) * size : n * size], n, count, paths) for n in range(1, count + 1)]


def paginate_folder(items: list[Any], first: str) -> list[Listing]:
    """Pages of a list kept in one folder: `<folder>/index.md`, `<folder>/2.md`, ..."""
    return paginate(items, STORIES_PER_PAGE, functools.partial(paths.folder_page, first))


def link(here: str, target: str) -> Markup:
    """A Markdown link from page `here` to page `target` (both relative to the tree).

    Paths are made of ids and topic slugs (letters, digits, hyphens): safe as they are.
    """
    return Markup(posixpath.relpath(target, posixpath.dirname(here) or "."))


class PathCollision(ValueError):
    """Two pages of the tree would be written to one address on the site."""


class Renderer:
    """Renders each page of the tree with the data its template needs.

    `keys` (story id -> key, see `builders.changes`) and `kept` (is this page, made
    with this key, in the tree?) let a rebuild skip the pages whose inputs are the
    same; `self.keys` records each page's key for the next one."""

    def __init__(
        self,
        templates_dir: Path,
        site: SiteConfig,
        newsroom: Newsroom,
        atlas: Atlas | None = None,
        kept: Callable[[str, str], bool] | None = None,
        keys: dict[str, str] | None = None,
        sink: Callable[[str, Content], None] | None = None,
    ):
        self.env = environment(templates_dir, site.language)
        self.site, self.newsroom = site, newsroom
        self.pages: dict[str, Content] = {}
        """Every page made, unless a `sink` takes each as it is made (and writes it)."""
        self.sink = sink or self.pages.__setitem__
        self.paths: set[str] = set()
        self.addresses: dict[str, str] = {}
        self.atlas = atlas
        self.kept = kept
        self.story_keys = keys or {}
        self.keys: dict[str, str] = {}

    def render(self, path: str, template: str, **context: Any) -> str:
        return self.env.get_template(template).render(
            site=self.site,
            here=path,
            link=functools.partial(link, path),
            **context,
        )

    def add(self, path: str, text: Content, key: str | None = None) -> None:
        """Put a page into the tree; two pages for one address is an error, never a
        silent overwrite."""
        where = paths.address(path)
        other = self.addresses.setdefault(where, path)
        if other != path or path in self.paths:
            raise PathCollision(
                f"two pages would be written to `{where}`: `{other}` and `{path}` "
                "(expected every id and topic to give a page of its own)"
            )
        self.paths.add(path)
        self.sink(path, text)
        if key is not None:
            self.keys[path] = key

    def page(self, path: str, template: str, **context: Any) -> None:
        self.add(path, self.render(path, template, **context))

    def story_paths(self, story: Story) -> list[str]:
        return [f"{paths.story_dir(story.id)}/{s.filename}" for s in SECTIONS if s.shown(story)]

    def story_unchanged(self, story: Story) -> bool:
        key = self.story_keys.get(story.id)
        return (
            self.kept is not None
            and key is not None
            and all(self.kept(path, key) for path in self.story_paths(story))
        )

    def story(self, story: Story) -> dict[str, str]:
        """The pages of one story."""
        sections = [s for s in SECTIONS if s.shown(story)]
        pictures = pictures_of(story, self.atlas)
        pages = {}
        for section in sections:
            path = f"{paths.story_dir(story.id)}/{section.filename}"
            pages[path] = self.render(
                path,
                section.template,
                story=story,
                section=section,
                sections=sections,
                pictures=pictures,
            )
        return pages

    def listing(
        self, listings: list[Listing], template: str, about: tuple = (), **context: Any
    ) -> None:
        """Render each page of a list; with keys, only the pages whose items (what the
        page shows of each) or `about` (what else it shows) changed."""
        for listing in listings:
            path = listing.path(listing.number)
            if self.kept is None:
                self.page(path, template, listing=listing, **context)
                continue
            key = listing_key(template, listing.paths, about, listing.items, self.story_keys)
            if self.kept(path, key):
                self.add(path, KEPT, key)
            else:
                self.add(path, self.render(path, template, listing=listing, **context), key)


def render_site(
    newsroom: Newsroom,
    site: SiteConfig,
    templates_dir: Path,
    atlas: Atlas | None = None,
    kept: Callable[[str, str], bool] | None = None,
    sink: Callable[[str, Content], None] | None = None,
) -> Renderer:
    """Every generated page and the key of each: the renderer's `pages` (relative path
    -> Markdown text, or KEPT when the tree holds it as it must be) and `keys`.

    `atlas`: the map data for the stories' maps (None: no maps). `kept`: whether the
    tree holds a page made with a key (None: render every page). The keys leave out
    `Ledger.tree_globals`, on which every page depends. `sink` takes each page as it
    is made instead of `pages` (to write it at once).
    """
    keys = {story.id: story_key(story) for story in newsroom.stories}
    r = Renderer(templates_dir, site, newsroom, atlas, kept, keys, sink)
    r.listing(paginate(newsroom.stories, STORIES_PER_PAGE, paths.home_page), "home.md.j2")
    r.page("about.md", "about.md.j2", newsroom=newsroom)
    changed = []
    for story in newsroom.stories:
        if r.story_unchanged(story):
            for path in r.story_paths(story):
                r.add(path, KEPT, keys[story.id])
        else:
            changed.append(story)
    for start in range(0, len(changed), STORIES_AT_ONCE):
        batch = changed[start : start + STORIES_AT_ONCE]
        for story, pages in zip(batch, fork_map(r.story, batch), strict=True):
            for path, text in pages.items():
                r.add(path, text, keys[story.id])
    r.listing(paginate(newsroom.people, PEOPLE_PER_PAGE, paths.people_page), "people.md.j2")
    for person in newsroom.people:
        r.listing(
            paginate_folder(person.appearances, paths.person_path(person.id)),
            "person.md.j2",
            about=(
                person.name,
                person.kind,
                person.aliases,
                person.description,
                person.wikidata,
                person.links,
                len(person.appearances),
                person.quote_count,
            ),
            person=person,
        )
    r.page(f"{paths.TOPICS_DIR}/index.md", "topics.md.j2", topics=newsroom.topics)
    for topic in newsroom.topics:
        r.listing(
            paginate_folder(topic.stories, paths.topic_path(topic.name)),
            "topic.md.j2",
            about=(topic.name,),
            topic=topic,
        )
    return r
