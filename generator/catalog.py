"""Across stories: shared actors, topics, and the order readers see stories in.

Actors are defined in the stories themselves: the same id in two digests is the
same actor. Their name and kind must agree (a conflict is reported in both
files, never merged silently); their role, affiliation and how the source
describes them belong to each story and are shown per story. Spellings
(`aliases`) are collected from every story.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .loading import Digest, Problem
from .paths import topic_slug
from .schema import Actor, Quote, SiteConfig, Story


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


def order_stories(stories: list[Story], order: str) -> list[Story]:
    if order == "title":
        return sorted(stories, key=lambda s: (s.title.casefold(), s.id))
    by_id = sorted(stories, key=lambda s: s.id)  # ties never depend on the file system
    return sorted(by_id, key=lambda s: s.updated, reverse=order == "newest-first")


def build_newsroom(digests: list[Digest], site: SiteConfig) -> tuple[Newsroom, list[Problem]]:
    """Index the stories; report actors whose id is shared but whose identity is not."""
    problems: list[Problem] = []
    first: dict[str, tuple[Digest, int]] = {}
    people: dict[str, Person] = {}
    stories = order_stories([d.story for d in digests], site.order)
    by_story = {d.story.id: d for d in digests}
    for story in stories:
        digest = by_story[story.id]
        for index, actor in enumerate(story.actors):
            if actor.id not in first:
                first[actor.id] = (digest, index)
                people[actor.id] = Person(actor.id, actor.name, actor.kind, [])
            person = people[actor.id]
            other, other_index = first[actor.id]
            for name in ("name", "kind"):
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
    newsroom = Newsroom(
        stories,
        sorted(people.values(), key=lambda p: (p.name.casefold(), p.id)),
        sorted(topics.values(), key=lambda t: (t.name.casefold(), t.slug)),
        sorted(todo for digest in digests for todo in digest.todos),
    )
    return newsroom, problems
