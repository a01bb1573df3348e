"""Across stories: one cast of actors, topics, and the order readers see stories in.

An actor is one person across every story: a register entry (`content/actors/`), or
an actor a story defines itself, where the same id in two digests is the same actor.
A story-only actor's name and kind must agree between stories (a conflict is reported
in both files, never merged silently); their role, affiliation and how the source
describes them belong to each story and are shown per story. Spellings (`aliases`)
are collected from the register and every story. The same person under two ids is
found by `identity`. Anonymous actors belong to their story alone: no people page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..digest.identity import Identity, Match, duplicate_problems, find_matches, identities
from ..digest.loading import Digest, Problem
from ..digest.register import Register
from ..digest.schema import Actor, Quote, RegisteredActor, SiteConfig, Story
from .paths import topic_slug


@dataclass(frozen=True)
class Appearance:
    """One actor in one story."""

    story: Story
    actor: Actor
    quotes: list[Quote]


@dataclass(frozen=True)
class Person:
    """An actor across every story they appear in (people and organisations alike)."""

    id: str
    name: str
    kind: str
    aliases: list[str]
    appearances: list[Appearance] = field(default_factory=list)
    description: str | None = None
    wikidata: str | None = None
    links: list[str] = field(default_factory=list)

    @property
    def quote_count(self) -> int:
        return sum(len(a.quotes) for a in self.appearances)


@dataclass(frozen=True)
class Topic:
    slug: str
    name: str
    stories: list[Story]


@dataclass(frozen=True)
class Newsroom:
    """Every story, with the indexes built across them."""

    stories: list[Story]
    people: list[Person]
    topics: list[Topic]
    todos: list[Problem] = field(default_factory=list)
    """Fields of the digests that still hold a TODO marker."""
    likely_duplicates: list[Match] = field(default_factory=list)
    """Ids whose names are alike but not the same: to check, not errors."""
    register: Register = field(default_factory=lambda: Register({}, ""))
    cast: dict[str, Identity] = field(default_factory=dict)
    """Every named actor (register and story-only) with their spellings and counts."""


def order_stories(stories: list[Story], order: str) -> list[Story]:
    if order == "title":
        return sorted(stories, key=lambda s: (s.title.casefold(), s.id))
    by_id = sorted(stories, key=lambda s: s.id)  # ties never depend on the file system
    return sorted(by_id, key=lambda s: s.updated, reverse=order == "newest-first")


def _registered(entry_actor: RegisteredActor) -> Person:
    return Person(
        entry_actor.id,
        entry_actor.name,
        entry_actor.kind,
        list(entry_actor.aliases),
        description=entry_actor.description,
        wikidata=entry_actor.wikidata,
        links=[str(link) for link in entry_actor.links],
    )


def build_newsroom(
    digests: list[Digest],
    site: SiteConfig,
    register: Register,
    duplicates: bool = True,
    find: Callable[[dict[str, Identity]], list[Match]] = find_matches,
) -> tuple[Newsroom, list[Problem]]:
    """Index the stories (their actors resolved against the register); report actors
    whose id is shared but whose identity is not, and one actor under two ids (as
    `find` finds them: `find_matches`, or the build's ledger)."""
    problems: list[Problem] = []
    first: dict[str, tuple[Digest, int]] = {}
    people: dict[str, Person] = {}
    stories = order_stories([d.story for d in digests], site.order)
    by_story = {d.story.id: d for d in digests}
    for story in stories:
        digest = by_story[story.id]
        for index, actor in enumerate(story.actors):
            if actor.anonymous:
                continue
            entry = register.get(actor.id)
            if actor.id not in people:
                people[actor.id] = (
                    _registered(entry) if entry else Person(actor.id, actor.name, actor.kind, [])
                )
            person = people[actor.id]
            if entry is None and actor.id not in first:
                first[actor.id] = (digest, index)
            for name in () if entry else ("name", "kind"):
                other, other_index = first[actor.id]
                mine, theirs = getattr(actor, name), getattr(person, name)
                if mine == theirs:
                    continue
                there = other.problem(("actors", other_index, name), "")
                problems.append(
                    digest.problem(
                        ("actors", index, name),
                        f"actor {actor.id!r} has {name} {mine!r} here but {theirs!r} in "
                        f"{there.file}:{there.line} (expected the same {name} for the same "
                        "actor id in every story, or a different id for a different actor)",
                    )
                )
            for alias in (actor.name, *actor.aliases):
                if alias != person.name and alias not in person.aliases:
                    person.aliases.append(alias)
            person.appearances.append(Appearance(story, actor, story.quotes_by(actor.id)))
    topics: dict[str, Topic] = {}
    for story in stories:
        for tag in story.tags:
            slug = topic_slug(tag)
            topics.setdefault(slug, Topic(slug, tag, [])).stories.append(story)
    cast = identities(register, digests)
    matches = find(cast)
    if duplicates:
        problems += duplicate_problems(matches)
    newsroom = Newsroom(
        stories,
        sorted(people.values(), key=lambda p: (KIND_ORDER.index(p.kind), p.name.casefold(), p.id)),
        sorted(topics.values(), key=lambda t: (t.name.casefold(), t.slug)),
        sorted(todo for digest in digests for todo in digest.todos),
        [m for m in matches if not m.certain],
        register,
        cast,
    )
    return newsroom, problems


KIND_ORDER = ("person", "organisation", "government-body", "media")
"""The people index's groups, in this order (the schema's `ActorKind`)."""
