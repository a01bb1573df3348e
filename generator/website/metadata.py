"""What search engines and social cards read: schema.org JSON-LD and OpenGraph.

Plain data built from the models; `builders/finish.py` writes it into
each page's head (JSON-LD through Jinja's `tojson`, which escapes `<`, `>` and
`&`, so no string from a digest can close the script element).
"""

from __future__ import annotations

from typing import Any

from ..digest.schema import Actor, SiteConfig, Story
from .catalog import Person

SCHEMA_TYPES = {
    "person": "Person",
    "organisation": "Organization",
    "government-body": "GovernmentOrganization",
    "media": "NewsMediaOrganization",
}


def wikidata_url(item: str) -> str:
    return f"https://www.wikidata.org/wiki/{item}"


def _thing(actor: Actor) -> dict[str, Any]:
    """A named actor; an anonymous one is described, never given a name."""
    thing: dict[str, Any] = {"@type": SCHEMA_TYPES[actor.kind or "person"]}
    if actor.anonymous:
        thing["description"] = f"{actor.name}: {actor.role}"
        return thing
    thing["name"] = actor.name
    if actor.aliases:
        thing["alternateName"] = actor.aliases
    thing["description"] = actor.role
    if actor.wikidata:
        thing["sameAs"] = wikidata_url(actor.wikidata)
    return thing


def _publisher(site: SiteConfig) -> dict[str, Any]:
    publisher: dict[str, Any] = {"@type": "Organization", "name": site.publisher or site.title}
    if site.url:
        publisher["url"] = str(site.url)
    return publisher


def story_article(
    story: Story,
    site: SiteConfig,
    story_url: str | None,
    image: str | None = None,
    size: tuple[int, int] = (0, 0),
) -> dict[str, Any]:
    """The explainer as a schema.org NewsArticle (`image`: its share card, `size` px)."""
    article: dict[str, Any] = {
        "@type": "NewsArticle",
        "headline": story.title,
        "description": story.dek,
        "datePublished": (story.published or story.updated).isoformat(),
        "dateModified": story.updated.isoformat(),
        "inLanguage": site.language,
        "author": _publisher(site),
        "publisher": _publisher(site),
        "genre": "Explainer",
        "keywords": story.tags,
        "mentions": [_thing(actor) for actor in story.actors if not actor.anonymous],
        "isBasedOn": [
            {
                "@type": "NewsArticle",
                **({"headline": source.title} if source.title else {}),
                **({"author": {"@type": "Person", "name": source.author}} if source.author else {}),
                "publisher": {"@type": "NewsMediaOrganization", "name": source.outlet},
                **({"datePublished": source.published.isoformat()} if source.published else {}),
                **({"url": str(source.url)} if source.url else {}),
            }
            for source in story.sources
        ],
    }
    if image:
        article["image"] = {"@type": "ImageObject", "url": image, "width": size[0],
                            "height": size[1]}  # fmt: skip
    if story.corrections:
        article["correction"] = [
            {
                "@type": "CorrectionComment",
                "text": f"We said: {c.wrong} It is: {c.right}",
                "datePublished": c.date.isoformat(),
            }
            for c in sorted(story.corrections, key=lambda c: c.date)
        ]
    if story.timeline:
        event: dict[str, Any] = {
            "@type": "Event",
            "name": story.title,
            "description": story.dek,
            "startDate": min(e.date for e in story.timeline).isoformat(),
            "endDate": max(e.date for e in story.timeline).isoformat(),
        }
        if story.places:
            event["location"] = [{"@type": "Place", "name": p.name} for p in story.places]
        article["about"] = event
    if story_url:
        article["@id"] = f"{story_url}#article"
        article["url"] = story_url
        article["mainEntityOfPage"] = story_url
    return article


def quotations(story: Story, article: dict[str, Any]) -> list[dict[str, Any]]:
    """Each quotation (not a paraphrase: those are not the speaker's words)."""
    found = []
    for quote in story.quotes:
        if not quote.verbatim:
            continue
        creators = [_thing(story.actor(actor_id)) for actor_id in quote.speakers]
        item: dict[str, Any] = {
            "@type": "Quotation",
            "text": "\n\n".join(quote.paragraphs),
            "creator": creators[0] if len(creators) == 1 else creators,
            "isPartOf": {"@id": article["@id"]} if "@id" in article else article["headline"],
        }
        found.append(item)
    return found


def profile(person: Person, page_url: str | None) -> dict[str, Any]:
    """A people page as a schema.org ProfilePage about the person or body."""
    thing: dict[str, Any] = {"@type": SCHEMA_TYPES[person.kind], "name": person.name}
    if person.aliases:
        thing["alternateName"] = person.aliases
    if person.description:
        thing["description"] = person.description
    same_as = [wikidata_url(person.wikidata)] if person.wikidata else []
    if same_as or person.links:
        thing["sameAs"] = same_as + person.links
    page: dict[str, Any] = {"@type": "ProfilePage", "mainEntity": thing}
    if page_url:
        page["url"] = page_url
    return page


def page_metadata(
    site: SiteConfig,
    story: Story | None,
    section: str | None,
    page_url: str | None,
    story_url: str | None,
    title: str,
    person: Person | None = None,
    image: str | None = None,
    image_size: tuple[int, int] = (0, 0),
) -> dict[str, Any]:
    """Everything the page head needs: OpenGraph fields and the JSON-LD graph (`image`:
    a story's share card, `image_size` its width and height)."""
    site_name = site.title
    if person is not None:
        return {
            "type": "profile",
            "title": title,
            "description": person.description or site.description,
            "url": page_url,
            "site_name": site_name,
            "locale": site.language,
            "jsonld": {"@context": "https://schema.org", **profile(person, page_url)},
        }
    if story is None:
        website: dict[str, Any] = {"@type": "WebSite", "name": site_name}
        if site.url:
            website["url"] = str(site.url)
        website["description"] = site.description
        website["publisher"] = _publisher(site)
        return {
            "type": "website",
            "title": title,
            "description": site.description,
            "url": page_url,
            "site_name": site_name,
            "locale": site.language,
            "jsonld": {"@context": "https://schema.org", **website},
        }
    article = story_article(story, site, story_url, image, image_size)
    graph: list[dict[str, Any]] = [article]
    if section == "quotes":
        graph += quotations(story, article)
    return {
        "type": "article",
        "title": title,
        "description": story.dek,
        "url": page_url,
        "site_name": site_name,
        "locale": site.language,
        "published": article["datePublished"],
        "modified": article["dateModified"],
        "tags": story.tags,
        "image": image,
        "image_size": image_size,
        "image_alt": f"{story.title} ({site_name})",
        "jsonld": {"@context": "https://schema.org", "@graph": graph},
    }
