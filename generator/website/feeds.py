"""Feeds of stories, newest `updated` first: Atom (RFC 4287) and JSON Feed 1.1.

Written into the generated tree as `feed.xml` and `feed.json`, so any builder
copies them. Feeds need absolute addresses: without `url` in site_config.yml
there are none.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jinja2

from ..digest.schema import Correction, SiteConfig, Story
from .catalog import Newsroom
from .pages import long_date
from .paths import story_dir

FEED_SIZE = 50
ATOM, JSON_FEED = "feed.xml", "feed.json"


def _stamp(date: Any) -> str:
    return f"{date.isoformat()}T00:00:00Z"


def _summary(story: Story) -> str:
    """The standfirst, and what changed last in a developing story: a feed reader shows
    an updated entry with its news."""
    news = story.news()
    if not news:
        return story.dek
    latest = news[0]
    what = (
        f"Correction: we said: {latest.wrong} It is: {latest.right}"
        if isinstance(latest, Correction)
        else latest.what
    )
    return f"{story.dek} Latest ({long_date(latest.date)}): {what}"


def feed_items(newsroom: Newsroom, base: str) -> list[dict[str, Any]]:
    newest = sorted(newsroom.stories, key=lambda s: (s.updated, s.id), reverse=True)
    return [
        {
            "id": story.id,
            "title": story.title,
            "url": f"{base}{story_dir(story.id)}/",
            "published": _stamp(story.published or story.updated),
            "updated": _stamp(story.updated),
            "summary": _summary(story),
            "tags": story.tags,
        }
        for story in newest[:FEED_SIZE]
    ]


def render_feeds(newsroom: Newsroom, site: SiteConfig, templates_dir: Path) -> dict[str, str]:
    if site.url is None:
        return {}
    base = str(site.url).rstrip("/") + "/"
    items = feed_items(newsroom, base)
    updated = max((i["updated"] for i in items), default="1970-01-01T00:00:00Z")
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir)),
        autoescape=True,  # XML: every value escaped
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    atom = env.get_template("atom.xml.j2").render(
        site=site, base=base, items=items, updated=updated
    )
    json_feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": site.title,
        "home_page_url": base,
        "feed_url": f"{base}{JSON_FEED}",
        "description": site.description,
        "language": site.language,
        "authors": [{"name": site.publisher or site.title}],
        "items": [
            {
                "id": item["url"],
                "url": item["url"],
                "title": item["title"],
                "content_text": item["summary"],
                "summary": item["summary"],
                "date_published": item["published"],
                "date_modified": item["updated"],
                "tags": item["tags"],
            }
            for item in items
        ],
    }
    return {
        ATOM: atom,
        JSON_FEED: json.dumps(json_feed, ensure_ascii=False, indent=1) + "\n",
    }
