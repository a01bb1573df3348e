"""A second article added to a story that has a digest already: its source, the actors
the story does not know yet, and its quotes. A quote the story already has from the same
speaker is not added twice; one that gives the same statement in other words (another
translation, another outlet's rendering) is added and linked to it with `rendering_of`,
so the two are shown side by side. Every line of the story file the addition does not
touch stays byte for byte."""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

from ..digest.fidelity import normalise
from ..digest.merge import _dump, _yaml, keep_untouched
from ..digest.names import name_key
from .digest import unique

SAME_STATEMENT = 60
"""How alike (RapidFuzz's token-set ratio, 0-100, on folded words) two quotes of one
speaker must be to count as one statement in two renderings. Two translations of one
sentence share its names, numbers and most content words; two different statements of
one speaker in one story rarely reach it (measured on tests/fixtures/drafting/into)."""


@dataclass
class Addition:
    text: str  # the story file's new text
    source_id: str
    added: list[str]  # quote ids added
    linked: dict[str, str]  # quote id -> the quote it renders
    skipped: list[str]  # drafted quotes the story already has
    new_actors: list[str]


def _words(text: str) -> str:
    return normalise(text).casefold()


def same_statement(a: str, b: str) -> bool:
    return fuzz.token_set_ratio(_words(a), _words(b)) >= SAME_STATEMENT


def add_to_story(original: str, drafted: dict, text_file: str) -> Addition:
    """`original`, a story's YAML, with the drafted digest's source, new actors and
    quotes added."""
    yaml, story = _yaml(original)
    yaml.width = 4096  # new long lines are not folded (the story's own lines stay as they are)
    before = _dump(yaml, story)
    source = dict(drafted["sources"][0])
    source_ids = {str(s["id"]) for s in story.get("sources", [])}
    source["id"] = unique(source["id"], source_ids)
    source["text_file"] = text_file
    story.setdefault("sources", []).append(source)

    known: dict[str, str] = {}
    actor_ids = {str(a["id"]) for a in story.get("actors", [])}
    for actor in story.get("actors", []):
        for name in (actor.get("name"), *(actor.get("aliases") or [])):
            if name and not actor.get("anonymous"):
                known[name_key(str(name))] = str(actor["id"])
    renamed: dict[str, str] = {}
    new_actors = []
    for actor in drafted["actors"]:
        names = [actor.get("name"), *(actor.get("aliases") or [])]
        match = next((known[k] for n in names if n and (k := name_key(n)) in known), None)
        if actor["id"] in actor_ids and match is None and not actor.get("anonymous"):
            match = actor["id"] if "name" not in actor else None  # a register id
        if match is not None and not actor.get("anonymous"):
            renamed[actor["id"]] = match
            continue
        fresh = dict(actor)
        fresh["id"] = unique(actor["id"], actor_ids)
        renamed[actor["id"]] = fresh["id"]
        story.setdefault("actors", []).append(fresh)
        new_actors.append(fresh["id"])

    quote_ids = {str(q["id"]) for q in story.get("quotes", [])}
    existing = list(story.get("quotes", []))
    added, linked, skipped = [], {}, []
    for quote in drafted["quotes"]:
        entry = dict(quote)
        entry["speaker"] = renamed.get(quote["speaker"], quote["speaker"])
        if "via" in entry:
            entry["via"] = renamed.get(entry["via"], entry["via"])
        entry["source"] = source["id"]
        same_speaker = [q for q in existing if str(q.get("speaker")) == entry["speaker"]]
        if any(_words(str(q["text"])) == _words(entry["text"]) for q in same_speaker):
            skipped.append(entry["text"])
            continue
        rendering = next(
            (q for q in same_speaker if q.get("source") != source["id"]
             and same_statement(str(q["text"]), entry["text"])),
            None,
        )  # fmt: skip
        entry["id"] = unique(entry["id"], quote_ids)
        if rendering is not None:
            entry["rendering_of"] = str(rendering["id"])
            linked[entry["id"]] = str(rendering["id"])
        story.setdefault("quotes", []).append(entry)
        added.append(entry["id"])
    after = _dump(yaml, story)
    return Addition(
        keep_untouched(original, before, after), source["id"], added, linked, skipped, new_actors
    )
