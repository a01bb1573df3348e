"""The digest's data model: the one place where the shape of a story is stated.

Every other module (loading, pages, the JSON Schema editors get) reads the shape
from here. Field descriptions become the tooltips of the JSON Schema.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    HttpUrl,
    StringConstraints,
)

from .markup import link_allowed, markdown_links
from .paths import (
    MAX_TOPIC_LENGTH,
    PEOPLE_DIR,
    STORIES_DIR,
    TOPICS_DIR,
    reserved_problem,
    topic_slug,
)

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
MAX_DISTANCE = 1_000_000
"""Kilometres or miles between two places: a bound that no distance on Earth (nor to
the Moon) reaches, and that stops `1e308` being taken for one."""


def _one_line(value: str) -> str:
    if "\n" in value or "\r" in value:
        raise ValueError("must be a single line (use a folded `>` block for long text)")
    return value


def _iso_date(value: object) -> object:
    """Accept a date or a `YYYY-MM-DD` string, nothing else (no timestamps, no numbers)."""
    if isinstance(value, dt.datetime):
        raise ValueError("expected a date written YYYY-MM-DD, without a time")
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError as error:
            raise ValueError(f"{value.strip()} is not a real date ({error})") from None
    raise ValueError("expected a date written YYYY-MM-DD")


_IMAGE = re.compile(r"!\[[^\]]*\]\(")


def _safe_markdown(value: str) -> str:
    """Markdown fields carry text formatting and web links, nothing that runs.

    Links are checked as the renderer parses them (`markup.markdown_links`), so a
    target hidden in a reference, a quote or a list is found like any other."""
    if _IMAGE.search(value):
        raise ValueError(
            "images are not supported in text fields (expected text, *emphasis* and links)"
        )
    for target in markdown_links(value):
        if not link_allowed(target):
            raise ValueError(
                f"link target {target!r} is not allowed (expected a web address starting "
                "with https:// or http://, or mailto:)"
            )
    return value


def _relative_path(value: str) -> str:
    parts = value.replace("\\", "/").split("/")
    if value.startswith(("/", "~")) or ".." in parts or ":" in value:
        raise ValueError("must be a path relative to the digest's folder, without `..`")
    return value


Slug = Annotated[
    str,
    StringConstraints(pattern=SLUG_PATTERN, max_length=80),
    Field(description="An id: lower-case letters, digits and single hyphens, e.g. `wagner-group`."),
]
Line = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=2000),
    AfterValidator(_one_line),
]


def _topic(value: str) -> str:
    if not topic_slug(value):
        raise ValueError("a tag needs at least one letter or digit (it names a topic page)")
    return value


Tag = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_TOPIC_LENGTH),
    AfterValidator(_one_line),
    AfterValidator(_topic),
    Field(description="A topic; each becomes a page under `topics/`."),
]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=20000)]
Markdown = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=20000),
    AfterValidator(_safe_markdown),
    Field(
        description="Markdown: paragraphs, *emphasis*, **strong** and [links](https://...) "
        "to web or mailto: addresses. Anything else (headings, lists, HTML) is shown as text."
    ),
]
IsoDate = Annotated[
    dt.date, BeforeValidator(_iso_date), Field(json_schema_extra={"format": "date"})
]
RelativePath = Annotated[str, StringConstraints(min_length=1), AfterValidator(_relative_path)]

ActorKind = Literal["person", "organisation", "government-body", "media"]
WIKIDATA_PATTERN = r"^Q[1-9][0-9]{0,11}$"
WikidataId = Annotated[
    str,
    StringConstraints(pattern=WIKIDATA_PATTERN),
    Field(
        description="The Wikidata item: `Q` and digits, e.g. `Q42` "
        "(https://www.wikidata.org/wiki/Q42). Linked from the person's page and JSON-LD."
    ),
]

Certainty = Literal["confirmed", "reported", "claimed"]
"""How sure the article is: states it as fact, reports it (\"reportedly\"), or
attributes it as a party's claim."""


class Model(BaseModel):
    """Common settings: unknown keys are errors, strings are never coerced from numbers."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Image(Model):
    caption: Line | None = Field(None, description="The image's caption as the source gives it.")
    credit: Line = Field(description="Who took or supplied the image, as credited.")


class Source(Model):
    id: Slug
    outlet: Line = Field(description="The publication, e.g. `Breitbart News`.")
    title: Line = Field(description="The article's headline, verbatim.")
    author: Line | None = Field(None, description="The byline.")
    published: IsoDate | None = Field(None, description="Publication date, YYYY-MM-DD.")
    url: HttpUrl | None = Field(None, description="Web address of the article (http or https).")
    image: Image | None = None
    text_file: RelativePath | None = Field(
        None,
        description="Plain-text copy of the article, relative to this digest's folder; "
        "when set, `explainer validate` checks every quote against it.",
    )


class RegisteredActor(Model):
    """One entry of the actor register, `content/actors/<id>.yml`: a person or body as
    every story knows them. Stories refer to it by id and add only what is theirs."""

    id: Slug = Field(description="The actor's id in every story; also the file name.")
    name: Line = Field(description="The name readers know, e.g. `Alexander Lukashenko`.")
    aliases: list[Line] = Field(
        default_factory=list,
        description="Every other spelling, transliteration and short form, e.g. "
        "`Aleksandr Lukashenko`, `Александр Лукашенко`, `Lukashenko`.",
    )
    kind: ActorKind
    description: Line | None = Field(
        None, description="Who they are, short and neutral, e.g. `President of Belarus`."
    )
    wikidata: WikidataId | None = None
    links: list[HttpUrl] = Field(
        default_factory=list, description="Other pages about them: an official site, a profile."
    )
    distinct_from: list[Slug] = Field(
        default_factory=list,
        description="Actor ids with a like name that are someone else (two people both "
        "called `John Smith`): never reported as duplicates of this one.",
    )

    @property
    def names(self) -> list[str]:
        return [self.name, *self.aliases]


class Actor(Model):
    id: Slug = Field(
        description="An id from the actor register (`content/actors/`), or one of this story's own."
    )
    name: Line | None = Field(
        None,
        description="The name readers know, e.g. `Alexander Lukashenko`. Leave out for a "
        "register actor (the register's is used); required otherwise.",
    )
    aliases: list[Line] = Field(
        default_factory=list, description="Other spellings and names used in the source."
    )
    kind: ActorKind | None = Field(
        None, description="Leave out for a register actor; required otherwise."
    )
    role: Line = Field(description="Their part in this story, in our words.")
    affiliation: Line | None = Field(None, description="Country, employer or allegiance.")
    described_as: list[Line] = Field(
        default_factory=list,
        description="How the source describes them, verbatim (e.g. `Wagner chief`).",
    )
    anonymous: bool = Field(
        False,
        description="An unnamed source (`a senior official familiar with the talks`) or an "
        "unknown speaker: `name` describes them. Never shared with another story, never "
        "given a people page, never named as a person in search engines' data.",
    )
    wikidata: WikidataId | None = Field(
        None, description="For an actor of this story only; a register actor's is in the register."
    )
    distinct_from: list[Slug] = Field(
        default_factory=list,
        description="Actor ids with a like name that are someone else: never reported as "
        "duplicates of this one.",
    )


class Quote(Model):
    id: Slug
    text: Text = Field(
        description="The words exactly as printed, without the quotation marks. A quote that "
        "runs over several paragraphs has one paragraph per line (a folded `>` block with a "
        "blank line between paragraphs)."
    )
    speaker: Slug = Field(description="The actor id of who said it.")
    extent: Literal["full", "partial"] = Field(
        description="`full`: a sentence or more; `partial`: a word or phrase inside the "
        "source's own sentence."
    )
    context: Line = Field(description="When, where and about what it was said, in our words.")
    source: Slug = Field(description="The id of the source it is taken from.")
    via: Slug | None = Field(
        None,
        description="Actor id of the outlet or channel that relayed it to the source, "
        "e.g. a state news agency. Leave out when the source heard it directly or does "
        "not say.",
    )
    attribution: Line | None = Field(
        None, description="The source's own attribution, verbatim, e.g. `the ministry continued`."
    )

    @property
    def paragraphs(self) -> list[str]:
        return [line.strip() for line in self.text.splitlines() if line.strip()]


class Response(Model):
    id: Slug
    body: Slug = Field(description="The actor id of the government, body or official responding.")
    action: Line = Field(description="What they did or said, in our words, hedges kept.")
    stance: Literal["condemns", "supports", "mediates", "neutral"]
    quotes: list[Slug] = Field(default_factory=list, description="Ids of the quotes it rests on.")


class Event(Model):
    id: Slug
    date: IsoDate
    when: Line | None = Field(
        None, description="The source's own time wording, e.g. `On Saturday`, `Earlier in the day`."
    )
    what: Line = Field(description="What happened, in our words, hedges kept.")
    certainty: Certainty
    claimed_by: Slug | None = Field(
        None, description="Actor id of whoever makes the claim (required when `claimed`)."
    )
    reported_by: Slug | None = Field(
        None, description="Actor id of the outlet the source credits, e.g. a news agency."
    )
    places: list[Slug] = Field(default_factory=list)
    quotes: list[Slug] = Field(default_factory=list)


class Distance(Model):
    to: Slug = Field(description="The place id the distance is measured to.")
    value: float = Field(
        gt=0,
        le=MAX_DISTANCE,
        strict=True,  # `yes` or "230" is not a number
        allow_inf_nan=False,
        description="The distance as a number, in `unit`.",
    )
    unit: Literal["km", "mi"]
    approximate: bool = False
    wording: Line = Field(description="The source's words, verbatim.")
    certainty: Certainty
    claimed_by: Slug | None = Field(
        None, description="Actor id of whoever gives the figure (required when `claimed`)."
    )

    @property
    def kilometres(self) -> float:
        return self.value * 1.609344 if self.unit == "mi" else self.value

    @property
    def miles(self) -> float:
        return self.value / 1.609344 if self.unit == "km" else self.value


class Place(Model):
    id: Slug
    name: Line
    kind: Literal["city", "region", "country", "site"]
    country: Line | None = None
    role: Line = Field(description="Why the place matters to the story, in our words.")
    distances: list[Distance] = Field(default_factory=list)


class OpenQuestion(Model):
    id: Slug
    question: Line = Field(description="What is not yet known, in our words.")
    wording: Line | None = Field(None, description="The source's words, verbatim.")
    why_it_matters: Line | None = None


class Account(Model):
    says: Line = Field(description="What this account says, verbatim.")
    according_to: Slug | None = Field(None, description="Actor id, when the account is theirs.")
    quote: Slug | None = Field(None, description="Quote id, when the account is a quote.")
    note: Line | None = None


class Discrepancy(Model):
    id: Slug
    title: Line = Field(description="What does not add up, as a short question or statement.")
    accounts: list[Account] = Field(min_length=1)
    note: Line = Field(description="Our explanation, without taking a side we cannot check.")


class KeyFact(Model):
    label: Line
    value: Line


ACTOR_REFERENCES: tuple[tuple[str, ...], ...] = (
    ("quotes", "*", "speaker"),
    ("quotes", "*", "via"),
    ("responses", "*", "body"),
    ("timeline", "*", "claimed_by"),
    ("timeline", "*", "reported_by"),
    ("places", "*", "distances", "*", "claimed_by"),
    ("discrepancies", "*", "accounts", "*", "according_to"),
    ("actors", "*", "distinct_from", "*"),
)
"""Every field of a digest that holds an actor id (`*`: each item of a list). Checked by
`Story.problems`, rewritten by `explainer actors merge`."""


def references(data: object, pattern: tuple[str, ...]) -> Iterator[tuple[tuple, object]]:
    """(location, value) of each field matching `pattern` in a model or in plain data."""

    def walk(node: object, loc: tuple, rest: tuple[str, ...]) -> Iterator[tuple[tuple, object]]:
        if not rest:
            if node is not None:
                yield loc, node
            return
        head, *tail = rest
        if head == "*":
            for index, item in enumerate(node if isinstance(node, list) else []):
                yield from walk(item, (*loc, index), tuple(tail))
        elif isinstance(node, dict):
            yield from walk(node.get(head), (*loc, head), tuple(tail))
        elif isinstance(node, BaseModel):
            yield from walk(getattr(node, head, None), (*loc, head), tuple(tail))

    yield from walk(data, (), pattern)


def replace_at(data: object, loc: tuple, value: object) -> None:
    """Set the field at `loc` (from `references`) in plain or round-trip YAML data."""
    node = data
    for part in loc[:-1]:
        node = node[part]  # type: ignore[index]
    node[loc[-1]] = value  # type: ignore[index]


class Story(Model):
    """One news story's digest: the whole of `content/<id>.yml`."""

    id: Slug = Field(description="The story's id; also its file name and URL.")
    title: Line
    dek: Line = Field(description="One-line standfirst under the title.")
    summary: Markdown = Field(description="What happened, in our own words.")
    why_it_matters: Markdown
    key_facts: list[KeyFact] = Field(default_factory=list)
    published: IsoDate | None = Field(
        None, description="When the explainer was first published, YYYY-MM-DD (default: `updated`)."
    )
    updated: IsoDate = Field(description="When the digest was last updated, YYYY-MM-DD.")
    tags: list[Tag] = Field(default_factory=list)
    sources: list[Source] = Field(min_length=1)
    actors: list[Actor] = Field(min_length=1)
    quotes: list[Quote] = Field(default_factory=list)
    responses: list[Response] = Field(default_factory=list)
    timeline: list[Event] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    open_questions: list[OpenQuestion] = Field(default_factory=list)
    discrepancies: list[Discrepancy] = Field(default_factory=list)

    def actor(self, actor_id: str) -> Actor:
        return next(a for a in self.actors if a.id == actor_id)

    def quote(self, quote_id: str) -> Quote:
        return next(q for q in self.quotes if q.id == quote_id)

    def place(self, place_id: str) -> Place:
        return next(p for p in self.places if p.id == place_id)

    def source(self, source_id: str) -> Source:
        return next(s for s in self.sources if s.id == source_id)

    def quotes_by(self, actor_id: str) -> list[Quote]:
        return [q for q in self.quotes if q.speaker == actor_id]

    def speakers(self) -> list[Actor]:
        """Actors who are quoted, in the order of their first quote."""
        return [self.actor(i) for i in dict.fromkeys(q.speaker for q in self.quotes)]

    def responding_bodies(self) -> list[Actor]:
        """Actors who responded, in the order of their first response."""
        return [self.actor(i) for i in dict.fromkeys(r.body for r in self.responses)]

    def responses_by(self, actor_id: str) -> list[Response]:
        return [r for r in self.responses if r.body == actor_id]

    def problems(self) -> Iterator[tuple[tuple[str | int, ...], str]]:
        """Rules that span fields: unique ids and cross-references that resolve.

        Yields (location, message) pairs; the location is a path into the digest.
        """
        collections = {
            "sources": self.sources,
            "actors": self.actors,
            "quotes": self.quotes,
            "responses": self.responses,
            "timeline": self.timeline,
            "places": self.places,
            "open_questions": self.open_questions,
            "discrepancies": self.discrepancies,
        }
        ids: dict[str, set[str]] = {}
        for name, items in collections.items():
            seen: dict[str, int] = {}
            for index, item in enumerate(items):
                if item.id in seen:
                    yield (
                        (name, index, "id"),
                        f"duplicate id {item.id!r} (already used by {name}[{seen[item.id]}]; "
                        "expected each id once)",
                    )
                seen.setdefault(item.id, index)
            ids[name] = set(seen)

        def ref(loc: tuple[str | int, ...], value: str | None, kind: str) -> Iterator:
            if value is not None and value not in ids[kind]:
                known = ", ".join(sorted(ids[kind])) or "none defined"
                yield (
                    loc,
                    f"unknown {kind[:-1]} id {value!r} (expected one of: {known})",
                )

        yield from self._address_problems()
        for pattern in ACTOR_REFERENCES[:-1]:  # `distinct_from` may name another story's
            for loc, value in references(self, pattern):
                yield from ref(loc, value, "actors")  # type: ignore[arg-type]
        for i, q in enumerate(self.quotes):
            yield from ref(("quotes", i, "source"), q.source, "sources")
        for i, r in enumerate(self.responses):
            for j, quote_id in enumerate(r.quotes):
                yield from ref(("responses", i, "quotes", j), quote_id, "quotes")
        for i, e in enumerate(self.timeline):
            for j, place_id in enumerate(e.places):
                yield from ref(("timeline", i, "places", j), place_id, "places")
            for j, quote_id in enumerate(e.quotes):
                yield from ref(("timeline", i, "quotes", j), quote_id, "quotes")
            if e.certainty == "claimed" and e.claimed_by is None:
                yield (
                    ("timeline", i, "certainty"),
                    "a claimed event needs `claimed_by` (expected the actor id of who claims it)",
                )
        for i, p in enumerate(self.places):
            for j, d in enumerate(p.distances):
                yield from ref(("places", i, "distances", j, "to"), d.to, "places")
                if d.certainty == "claimed" and d.claimed_by is None:
                    yield (
                        ("places", i, "distances", j, "certainty"),
                        "a claimed distance needs `claimed_by` "
                        "(expected the actor id of who claims it)",
                    )
        for i, d in enumerate(self.discrepancies):
            for j, a in enumerate(d.accounts):
                yield from ref(("discrepancies", i, "accounts", j, "quote"), a.quote, "quotes")

    def _address_problems(self) -> Iterator[tuple[tuple[str | int, ...], str]]:
        """Ids and tags that would take a name the site keeps for its own pages."""
        named: list[tuple[tuple[str | int, ...], str, str]] = [(("id",), self.id, STORIES_DIR)]
        named += [(("actors", i, "id"), a.id, PEOPLE_DIR) for i, a in enumerate(self.actors)]
        named += [(("tags", i), topic_slug(t), TOPICS_DIR) for i, t in enumerate(self.tags)]
        for loc, name, folder in named:
            problem = reserved_problem(name, folder)
            if problem:
                yield loc, problem


class SiteConfig(Model):
    """`site_config.yml`: the settings an editor changes for the whole site."""

    title: Line = Field(description="The site's name, shown in the header and the browser tab.")
    description: Line = Field(description="One line about the site, for search engines.")
    url: HttpUrl | None = Field(None, description="Where the site is published (canonical URLs).")
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2}(-[A-Za-z]{2,4})?$")] = "en"
    publisher: Line | None = Field(None, description="Who publishes the site.")
    order: Literal["newest-first", "oldest-first", "title"] = Field(
        "newest-first", description="How the home page orders stories (by `updated`)."
    )
