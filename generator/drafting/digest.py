"""A draft written as the data of a digest that `explainer validate` accepts, with TODO
markers wherever only an editor can write."""

from __future__ import annotations

import datetime as dt

from .actors import DraftActor
from .draft import Draft, DraftQuote
from .slugs import slug

TODO = "TODO"
UNKNOWN = "Unknown speaker"


def unique(base: str, taken: set[str]) -> str:
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


def unnamed_speakers(draft: Draft) -> dict[int, DraftActor]:
    """An anonymous actor for each way the article describes a speaker it does not name
    (`a senior official`, `one resident`); never shared, never merged with another."""
    found: dict[str, DraftActor] = {}
    chosen: dict[int, DraftActor] = {}
    for quote in draft.quotes:
        if quote.speaker is not None:
            continue
        described = quote.unnamed.strip()
        name = (described[:1].upper() + described[1:]) if described else UNKNOWN
        chosen[id(quote)] = found.setdefault(name, DraftActor(name, "person"))
    return chosen


def quote_entry(quote: DraftQuote, quote_id: str, speaker: str, source_id: str,
                actor_ids: dict[int, str]) -> dict:  # fmt: skip
    entry = {
        "id": quote_id,
        "text": "\n".join(quote.paragraphs),
        "speaker": speaker,
        "extent": quote.extent,
        "context": f"{TODO}: when, where and about what it was said"
        + (" (the speaker is a guess: check it)" if quote.guess else ""),
        "source": source_id,
    }
    if quote.via is not None and id(quote.via) in actor_ids:
        entry["via"] = actor_ids[id(quote.via)]
    if quote.attribution:
        entry["attribution"] = quote.attribution
    return entry


def actor_entry(actor: DraftActor, actor_id: str, anonymous: bool) -> dict:
    return {
        "id": actor_id,
        "name": actor.name,
        **({"aliases": actor.aliases} if actor.aliases else {}),
        "kind": actor.kind,
        "role": f"{TODO}: their part in this story",
        **({"described_as": actor.described_as} if actor.described_as else {}),
        **({"anonymous": True} if anonymous else {}),
    }


def source_entry(draft: Draft, source_id: str, text_file: str) -> dict:
    source: dict = {
        "id": source_id,
        "outlet": draft.outlet or f"{TODO}: the publication",
        "title": draft.title,
    }
    if draft.author:
        source["author"] = draft.author
    if draft.published:
        source["published"] = draft.published.isoformat()
    if draft.credit:
        image = {"caption": draft.caption} if draft.caption else {}
        source["images"] = [{**image, "credit": draft.credit}]
    source["text_file"] = text_file
    return source


def draft_digest(draft: Draft, story_id: str, text_file: str, updated: dt.date) -> dict:
    """The draft as a digest's data."""
    source_id = slug(draft.outlet or "source")
    unnamed = unnamed_speakers(draft)
    anonymous = list(dict.fromkeys(unnamed.values()))
    actors = [*draft.actors, *anonymous]
    ids: set[str] = set()
    actor_ids = {id(a): unique(a.id, ids) for a in actors}
    quotes, quote_ids = [], set()
    for quote in draft.quotes:
        speaker = quote.speaker or unnamed[id(quote)]
        words = " ".join(quote.text.split()[:4])
        quote_id = unique(slug(words) or "quote", quote_ids)
        quotes.append(quote_entry(quote, quote_id, actor_ids[id(speaker)], source_id, actor_ids))
    place_ids: set[str] = set()
    return {
        "id": story_id,
        "title": draft.title,
        "dek": f"{TODO}: one line under the title",
        "summary": f"{TODO}: what happened, in our own words, hedges kept",
        "why_it_matters": f"{TODO}: why it matters",
        "updated": updated.isoformat(),
        "tags": [],
        "sources": [source_entry(draft, source_id, text_file)],
        "actors": [
            actor_entry(actor, actor_ids[id(actor)], actor in anonymous) for actor in actors
        ],
        "quotes": quotes,
        "places": [
            {
                "id": unique(slug(place), place_ids),
                "name": place,
                "kind": "region"
                if place.split()[-1] in ("Region", "Oblast", "Province")
                else "city",
                "role": f"{TODO}: why the place matters",
            }
            for place in draft.places
        ],
        "open_questions": [
            {"id": f"question-{n}", "question": f"{TODO}: the question, in our words", "wording": w}
            for n, w in enumerate(draft.questions, 1)
        ],
    }
