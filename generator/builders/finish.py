"""The post-build step: what readers and search engines get, added to any builder's site.

A builder (MkDocs, ProperDocs, Zensical) turns the generated Markdown tree into
HTML. Everything our site adds to that HTML is done here, from the built pages and
the stories, so that every builder's site gets it and nothing is written twice:

- each page's head: JSON-LD, OpenGraph and Twitter tags, the canonical address and
  the feed links (`theme/metadata/head.html.j2`), chosen by the page's address
  (`stories/<id>/<section>/`, `people/<id>/`, or a page of the site);
- the HTML fixes (`website.html_fixes`);
- a sitemap, where the builder wrote none;
- the Pagefind search index;
- `_headers`: the HTTP headers a host should send (a Content-Security-Policy with
  the hashes of the builder's few inline scripts, and caching of hashed files), in the
  format Netlify and Cloudflare Pages read; README lists them for other hosts.

The MkDocs plugin calls `finish_page` as each page is written; `finish_site` goes
through a finished site folder (`explainer build --with zensical`). A page that
already has our head is left as it is, so running the step twice changes nothing.
"""

from __future__ import annotations

import base64
import dataclasses
import functools
import hashlib
import pickle
import posixpath
import re
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin
from xml.sax.saxutils import escape as xml_escape

import jinja2

from ..digest.schema import SiteConfig, Story
from ..parallel import fork_map
from ..website import theme
from ..website.catalog import Newsroom, Person
from ..website.feeds import ATOM, JSON_FEED
from ..website.html_fixes import mend
from ..website.metadata import page_metadata
from ..website.pages import SECTIONS
from ..website.paths import PEOPLE_DIR, STORIES_DIR, story_dir
from ..website.pictures.cards import SIZE, card_of, card_path
from ..website.search import Placement, index_for_search

HEAD_MARK = '<meta property="og:type"'
"""Our head is in a page that has this: the step has run on it."""
SECTION_TITLES = {section.slug: section.title for section in SECTIONS}


@dataclass(frozen=True)
class SiteFacts:
    """What the step needs to know of the site: its settings, stories and people.

    It is kept through the whole build, while MkDocs holds every page: each story is
    kept pickled and compressed (a tenth of its size as objects) and taken out when one
    of its pages is finished (`story`); each person without their appearances, which
    hold the stories again and which the head does not show."""

    site: SiteConfig
    stories: dict[str, bytes]
    """Each story, by id: pickled and compressed (see `story`)."""
    people: dict[str, Person]
    base_url: str | None
    """Where the site is published, ending in `/`; None while previewing."""
    cards: dict[str, str] = field(default_factory=dict)
    """Each story's share card: its path on the site, by story id."""
    search: Placement = field(default_factory=Placement)
    """Where each story's and person's pages go in the search shards (`search_placement`)."""
    _last: list[Story] = field(default_factory=list, repr=False, compare=False)
    """The story taken out last: a story's pages are built one after another."""

    @classmethod
    def of(cls, site: SiteConfig, newsroom: Newsroom, base_url: str | None) -> SiteFacts:
        base = base_url.rstrip("/") + "/" if base_url else None
        return cls(
            site,
            {story.id: _pack(story) for story in newsroom.stories},
            {person.id: dataclasses.replace(person, appearances=[]) for person in newsroom.people},
            base,
            {story.id: card_path(card_of(story, site), story) for story in newsroom.stories},
            search_placement(newsroom),
        )

    @property
    def head(self) -> jinja2.Template:
        """The template of each page's head (`theme/metadata/head.html.j2`)."""
        return _metadata_templates().get_template("head.html.j2")  # reloaded when edited

    def story(self, story_id: str) -> Story | None:
        if self._last and self._last[0].id == story_id:
            return self._last[0]
        packed = self.stories.get(story_id)
        if packed is None:
            return None
        self._last[:] = [pickle.loads(zlib.decompress(packed))]
        return self._last[0]


@functools.cache
def _metadata_templates() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(theme.metadata_dir())),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def search_placement(newsroom: Newsroom) -> Placement:
    """`SiteFacts.search`: a story's shard is its time, its first publication (which a
    correction or an update leaves as it is). A correction to a story changes its
    people's pages too (they list its title), so each person goes with the first story
    (by id) they are in, and republishing a story indexes one shard, not one for each
    of its people."""
    return Placement(
        anchors={
            f"{PEOPLE_DIR}/{person.id}": (
                f"{STORIES_DIR}/{min(a.story.id for a in person.appearances)}"
            )
            for person in newsroom.people
            if person.appearances
        },
        dates={f"{STORIES_DIR}/{s.id}": s.published or s.updated for s in newsroom.stories},
    )


def _pack(story: Story) -> bytes:
    return zlib.compress(pickle.dumps(story, protocol=pickle.HIGHEST_PROTOCOL), 1)


def address_of(path: str) -> str:
    """The address of a built file: `stories/x/quotes/index.html` -> `stories/x/quotes/`."""
    return path[: -len("index.html")] if path.endswith("index.html") else path


def page_head(facts: SiteFacts, path: str, has_canonical: bool) -> str:
    """Our head for the built file at `path` (relative to the site folder)."""
    address = address_of(path)
    parts = [p for p in address.split("/") if p]
    site = facts.site
    story = person = section = None
    title = site.title
    if len(parts) >= 2 and parts[0] == STORIES_DIR and parts[1] in facts.stories:
        story = facts.story(parts[1])
        section = parts[2] if len(parts) > 2 and parts[2] in SECTION_TITLES else "index"
        title = story.title if section == "index" else f"{SECTION_TITLES[section]}: {story.title}"
    elif len(parts) >= 2 and parts[0] == PEOPLE_DIR and parts[1] in facts.people:
        person = facts.people[parts[1]]
        number = parts[2] if len(parts) > 2 and parts[2].isdigit() else None
        title = f"{person.name}: page {number}" if number else person.name
    url = urljoin(facts.base_url, address) if facts.base_url else None
    story_url = urljoin(facts.base_url, f"{story_dir(story.id)}/") if story and url else None
    up = posixpath.relpath(".", posixpath.dirname(path) or ".")
    image = None
    if story is not None and story.id in facts.cards:
        card = facts.cards[story.id]  # absolute where the site's address is known
        image = urljoin(facts.base_url, card) if facts.base_url else posixpath.join(up, card)
    meta = page_metadata(site, story, section, url, story_url, title, person, image, SIZE)
    feeds = (
        {"atom": posixpath.normpath(posixpath.join(up, ATOM)),
         "json": posixpath.normpath(posixpath.join(up, JSON_FEED))}
        if site.url
        else None
    )  # fmt: skip
    return facts.head.render(meta=meta, feeds=feeds, canonical=None if has_canonical else url)


def finish_page(html: str, path: str, facts: SiteFacts | None) -> str:
    """One built page, finished: the HTML fixes, and our head where it has none yet."""
    html = mend(html)
    if facts is None or HEAD_MARK in html:
        return html
    end = html.find("</head>")
    if end < 0:
        return html
    head = page_head(facts, path, '<link rel="canonical"' in html[:end])
    return html[:end] + head + html[end:]


_NOT_OURS = ("pagefind/", "assets/")
"""Folders of the search index and the theme's files: no pages of the site."""


@dataclass
class Finished:
    pages: int = 0
    changed: int = 0
    sitemap: bool = False


def finish_site(
    site_dir: Path,
    facts: SiteFacts,
    progress: Callable[[str], None] | None = None,
    inline_styles: bool = False,
) -> Finished:
    """Every page of a built site finished, a sitemap where there is none, the search
    index and the headers file (`inline_styles`: see `security_policy`)."""
    pages = sorted(site_dir.rglob("*.html"))
    ours = [p for p in pages if not p.relative_to(site_dir).as_posix().startswith(_NOT_OURS)]

    def finish_file(page: Path) -> bool:
        text = page.read_text(encoding="utf-8")
        finished = finish_page(text, page.relative_to(site_dir).as_posix(), facts)
        if finished != text:
            page.write_text(finished, encoding="utf-8")
        return finished != text

    done = Finished(len(ours), sum(fork_map(finish_file, ours)))  # each page on its own
    if facts.base_url and not (site_dir / "sitemap.xml").exists():
        write_sitemap(site_dir, pages, facts.base_url)
        done.sitemap = True
    if progress:
        progress(f"{done.changed} of {done.pages} page(s) finished; building the search index")
    index_for_search(site_dir, placement=facts.search)
    write_headers(site_dir, inline_styles)
    return done


_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.DOTALL | re.IGNORECASE)
_DATA_TYPE = re.compile(r"""\btype\s*=\s*["']?application/(?:ld\+)?json""", re.IGNORECASE)


def inline_scripts(html: str) -> tuple[str, ...]:
    """`'sha256-...'` of every distinct inline script a page runs (data blocks such as
    JSON-LD are not run, and need none)."""
    found = set()
    for attributes, body in _SCRIPT.findall(html):
        if "src=" in attributes or _DATA_TYPE.search(attributes) or not body.strip():
            continue
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        found.add(f"'sha256-{digest}'")
    return tuple(sorted(found))


def inline_script_hashes(site_dir: Path) -> list[str]:
    """`inline_scripts` of every page of a built site."""
    pages = site_dir.rglob("*.html")
    return sorted({h for page in pages for h in inline_scripts(page.read_text(encoding="utf-8"))})


def security_policy(
    site_dir: Path, inline_styles: bool = False, scripts: Iterable[str] | None = None
) -> str:
    """The Content-Security-Policy the site passes: its own files only, no inline script
    but the builder's own (by hash), WebAssembly for the search, no plugins or frames.
    `inline_styles` for a builder whose script adds style elements (Zensical's).
    `scripts`: the inline scripts' hashes, when the caller has them (else every page is
    read for them)."""
    hashes = sorted(set(scripts)) if scripts is not None else inline_script_hashes(site_dir)
    sources = " ".join(["'self'", "'wasm-unsafe-eval'", *hashes])
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src {sources}",
            "style-src 'self' 'unsafe-inline'" if inline_styles else "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )


HASHED = ("/assets/javascripts/bundle.*", "/assets/stylesheets/*", "/pagefind/fragment/*",
          "/pagefind/index/*", "/pagefind/shards/:shard/fragment/*",
          "/pagefind/shards/:shard/index/*")  # fmt: skip
"""Files whose names change with their content: cached for a year, never revalidated.
A shard's folder is a placeholder (`:shard`, one path segment): Cloudflare Pages allows
one `*` in a pattern."""


def write_headers(
    site_dir: Path, inline_styles: bool = False, scripts: Iterable[str] | None = None
) -> None:
    """`_headers`: what a host should send with the site (Netlify, Cloudflare Pages)."""
    lines = [
        "# HTTP headers for this site, written by `explainer build` (README: Publishing).",
        "/*",
        f"  Content-Security-Policy: {security_policy(site_dir, inline_styles, scripts)}",
        "  X-Content-Type-Options: nosniff",
        "  Referrer-Policy: strict-origin-when-cross-origin",
        "  Cache-Control: public, max-age=0, must-revalidate",
    ]
    for pattern in HASHED:
        lines += [pattern, "  Cache-Control: public, max-age=31536000, immutable"]
    (site_dir / "_headers").write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_sitemap(site_dir: Path, pages: list[Path], base_url: str) -> None:
    """A sitemap of every page (sitemaps.org 0.9), for a builder that writes none."""
    urls = sorted(
        urljoin(base_url, address_of(page.relative_to(site_dir).as_posix()))
        for page in pages
        if page.name == "index.html"
        and not page.relative_to(site_dir).as_posix().startswith(("pagefind/", "assets/"))
    )
    entries = "".join(f"  <url><loc>{xml_escape(url)}</loc></url>\n" for url in urls)
    (site_dir / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{entries}</urlset>\n",
        encoding="utf-8",
    )
