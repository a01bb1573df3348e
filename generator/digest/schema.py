"""The digest's data model: the one place where the shape of a story is stated.

Every other module (loading, pages, the JSON Schema editors get) reads the shape
from here. Field descriptions become the tooltips of the JSON Schema.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterator
from typing import Annotated, ClassVar, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    HttpUrl,
    StringConstraints,
)

from ..website.markup import link_allowed, markdown_links
from ..website.paths import (
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


def _degrees(limit: int, positive: str, negative: str, example: str):
    """A check of a coordinate in decimal degrees, with the message an editor needs."""
    expected = (
        f"expected degrees from -{limit} to {limit}: {positive} positive, {negative} negative"
    )

    def check(value: object) -> object:
        if isinstance(value, bool) or not isinstance(value, int | float):
            shown = f"text {value!r}" if isinstance(value, str) else type(value).__name__
            raise ValueError(
                f"expected a number of degrees such as {example}, got {shown} "
                f"(write decimal degrees; {positive} positive, {negative} negative)"
            )
        if not math.isfinite(value):
            raise ValueError(f"{value!r} is not a finite number ({expected})")
        if not -limit <= value <= limit:
            raise ValueError(f"{value!r} is out of range ({expected})")
        return value

    return check


Latitude = Annotated[
    float,
    BeforeValidator(_degrees(90, "north", "south", "55.76")),
    Field(json_schema_extra={"minimum": -90, "maximum": 90}),
]
Longitude = Annotated[
    float,
    BeforeValidator(_degrees(180, "east", "west", "37.62")),
    Field(json_schema_extra={"minimum": -180, "maximum": 180}),
]

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
EventCertainty = Literal["confirmed", "reported", "claimed", "retracted"]
"""A fact's standing; `retracted`: reported once, since withdrawn or shown wrong."""

TIME_PATTERN = (
    r"^(?:[01][0-9]|2[0-3]):[0-5][0-9]"
    r"(?: ?(?:Z|UTC|GMT|[+-](?:[01][0-9]|2[0-3]):?[0-5][0-9]))?$"
)
TimeOfDay = Annotated[
    str,
    StringConstraints(strip_whitespace=True, pattern=TIME_PATTERN),
    Field(
        description="A time of day, 24-hour `HH:MM`, with its zone where the source gives "
        "one: `14:05`, `14:05 UTC`, `14:05+03:00`."
    ),
]
LANGUAGE_PATTERN = r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$"
Language = Annotated[
    str,
    StringConstraints(pattern=LANGUAGE_PATTERN),
    Field(description="A language code (BCP 47): `en`, `ru`, `uk`, `pt-BR`."),
]
OpenKind = Annotated[
    str,
    StringConstraints(pattern=SLUG_PATTERN, max_length=40),
]
"""A kind from a list that grows with the news: the usual ones are named in the field's
description; any other lower-case word or hyphenated words are accepted and shown as
they are (`air-base` as "Air base")."""
SomeActors = Annotated[
    Slug | Annotated[list[Slug], Field(min_length=1)],
    Field(description="An actor id, or a list of actor ids."),
]


class Model(BaseModel):
    """Common settings: unknown keys are errors, strings are never coerced from numbers."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Image(Model):
    caption: Line | None = Field(None, description="The image's caption as the source gives it.")
    credit: Line = Field(description="Who took or supplied the image, as credited.")


class Source(Model):
    MOVED: ClassVar[dict[str, str]] = {
        "image": "moved to `images`, a list (`images: [{credit: ..., caption: ...}]`)",
    }

    id: Slug
    outlet: Line = Field(description="The publication, e.g. `Breitbart News`.")
    title: Line | None = Field(
        None,
        description="The article's headline, verbatim. Leave out for a post without one "
        "(a live blog's entry).",
    )
    author: Line | None = Field(None, description="The byline.")
    published: IsoDate | None = Field(None, description="Publication date, YYYY-MM-DD.")
    time: TimeOfDay | None = Field(None, description="Publication time, where the source gives it.")
    url: HttpUrl | None = Field(None, description="Web address of the article (http or https).")
    images: list[Image] = Field(default_factory=list, description="The article's pictures.")
    text_file: RelativePath | None = Field(
        None,
        description="Plain-text copy of the article, relative to this digest's folder; "
        "when set, `explainer validate` checks every quote, and every field that gives the "
        "source's own words, against it.",
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


class Post(Model):
    """A social media post the source embeds or cites, that the quote is taken from."""

    platform: Line = Field(description="Where it was posted: `Telegram`, `X`, `Facebook`.")
    account: Line | None = Field(None, description="The account, as shown: `@example`.")
    url: HttpUrl | None = Field(None, description="The post's web address.")
    posted: IsoDate | None = Field(None, description="When it was posted, YYYY-MM-DD.")
    time: TimeOfDay | None = None


class Quote(Model):
    id: Slug
    text: Text = Field(
        description="The words exactly as printed, without the quotation marks. A quote that "
        "runs over several paragraphs has one paragraph per line (a folded `>` block with a "
        "blank line between paragraphs). For a paraphrase, the source's own sentence."
    )
    speaker: SomeActors = Field(
        description="The actor id of who said it; a list of ids for a joint statement."
    )
    extent: Literal["full", "partial", "paraphrase"] = Field(
        description="`full`: a sentence or more; `partial`: a word or phrase inside the "
        "source's own sentence; `paraphrase`: what the source reports them saying without "
        "quotation marks (never shown as a quotation)."
    )
    cut_off: bool = Field(
        False, description="The source itself cuts the quote off (mid-sentence, or with `…`)."
    )
    context: Line = Field(description="When, where and about what it was said, in our words.")
    source: Slug = Field(description="The id of the source it is taken from.")
    via: SomeActors | None = Field(
        None,
        description="Actor id of the outlet or channel that relayed it to the source, "
        "e.g. a state news agency; a list for a chain of relays, nearest the speaker first. "
        "Leave out when the source heard it directly or does not say.",
    )
    attribution: Line | None = Field(
        None, description="The source's own attribution, verbatim, e.g. `the ministry continued`."
    )
    language: Language | None = Field(
        None,
        description="The language it was said or written in, when the source gives it in "
        "translation: `ru`.",
    )
    translated_by: Line | None = Field(
        None,
        description="Who translated it, as the source credits them (`Reuters`, `the "
        "Kremlin's English website`). Leave out when the source does not say.",
    )
    rendering_of: Slug | None = Field(
        None,
        description="The id of another quote that is the same statement in another "
        "source's words (another translation): the two are shown side by side.",
    )
    post: Post | None = None

    @property
    def paragraphs(self) -> list[str]:
        return [line.strip() for line in self.text.splitlines() if line.strip()]

    @property
    def speakers(self) -> list[str]:
        return [self.speaker] if isinstance(self.speaker, str) else list(self.speaker)

    @property
    def relays(self) -> list[str]:
        if self.via is None:
            return []
        return [self.via] if isinstance(self.via, str) else list(self.via)

    @property
    def verbatim(self) -> bool:
        """The words are the speaker's own, in quotation marks in the source."""
        return self.extent != "paraphrase"


class Response(Model):
    id: Slug
    body: Slug = Field(description="The actor id of the government, body or official responding.")
    action: Line = Field(description="What they did or said, in our words, hedges kept.")
    stance: OpenKind = Field(
        description="Their stance: `condemns`, `supports`, `mediates`, `neutral`, "
        "`accuses`, `denies`, `warns`, `demands`, `welcomes`, or another word of that kind."
    )
    quotes: list[Slug] = Field(default_factory=list, description="Ids of the quotes it rests on.")


class Change(Model):
    """An earlier standing of a timeline entry: what it was, from when."""

    date: IsoDate
    certainty: EventCertainty
    source: Slug | None = Field(None, description="The id of the source that said so then.")
    note: Line | None = Field(None, description="What changed, in our words.")


class Event(Model):
    id: Slug
    date: IsoDate
    time: TimeOfDay | None = None
    when: Line | None = Field(
        None, description="The source's own time wording, e.g. `On Saturday`, `Earlier in the day`."
    )
    what: Line = Field(description="What happened, in our words, hedges kept.")
    certainty: EventCertainty = Field(description="Its standing now.")
    claimed_by: Slug | None = Field(
        None, description="Actor id of whoever makes the claim (required when `claimed`)."
    )
    reported_by: Slug | None = Field(
        None, description="Actor id of the outlet the source credits, e.g. a news agency."
    )
    sources: list[Slug] = Field(
        default_factory=list,
        description="Ids of the sources it rests on, when the story draws on several.",
    )
    history: list[Change] = Field(
        default_factory=list,
        description="Its earlier standings, oldest first: reported on one day, confirmed or "
        "retracted on another.",
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
    kind: OpenKind = Field(
        description="`city`, `region`, `country`, `site`, `village`, `airfield`, `border-"
        "crossing`, `base`, or another word of that kind."
    )
    country: Line | None = None
    role: Line = Field(description="Why the place matters to the story, in our words.")
    distances: list[Distance] = Field(default_factory=list)
    latitude: Latitude | None = Field(
        None,
        description="Where it is, in decimal degrees north (south is negative), e.g. `55.76`; "
        "with `longitude`, it puts the place on the story's map.",
    )
    longitude: Longitude | None = Field(
        None,
        description="Decimal degrees east (west is negative), e.g. `37.62`; with `latitude`.",
    )

    @property
    def located(self) -> bool:
        """It has coordinates: it is on the map."""
        return self.latitude is not None and self.longitude is not None


class Route(Model):
    """A journey the story follows (a march, a convoy, a flight), drawn on the map in
    order."""

    label: Line = Field(description="What travelled, in our words, e.g. `Wagner’s march`.")
    stops: list[Slug] = Field(
        min_length=1,
        description="The ids of the places it went through, in order; each place needs "
        "`latitude` and `longitude`.",
    )
    towards: Slug | None = Field(
        None,
        description="The id of a place it was heading for and did not reach: drawn as a "
        "dashed line from the last stop.",
    )
    distances: list[Distance] = Field(
        default_factory=list,
        description="How far from a place (most often `towards`) it got, as the source "
        "gives it, e.g. `just 200km short`: drawn from that place towards the last stop.",
    )


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


class Update(Model):
    """What changed in a developing story, and when."""

    date: IsoDate
    time: TimeOfDay | None = None
    what: Line = Field(description="What is new, in our words.")


SECTION_SLUGS = Literal[
    "summary", "actors", "quotes", "responses", "timeline", "places", "questions", "sources"
]


class Correction(Model):
    """Something the explainer got wrong: shown at the top of the page it affects."""

    date: IsoDate = Field(description="When it was corrected, YYYY-MM-DD.")
    wrong: Line = Field(description="What we said, that was wrong.")
    right: Line = Field(description="What is right.")
    page: SECTION_SLUGS = Field("summary", description="The page of the story it affects.")


ACTOR_REFERENCES: tuple[tuple[str, ...], ...] = (
    ("quotes", "*", "speaker"),
    ("quotes", "*", "via"),
    ("responses", "*", "body"),
    ("timeline", "*", "claimed_by"),
    ("timeline", "*", "reported_by"),
    ("places", "*", "distances", "*", "claimed_by"),
    ("route", "distances", "*", "claimed_by"),
    ("discrepancies", "*", "accounts", "*", "according_to"),
    ("actors", "*", "distinct_from", "*"),
)
"""Every field of a digest that holds an actor id (`*`: each item of a list). Checked by
`Story.problems`, rewritten by `explainer actors merge`."""


def references(data: object, pattern: tuple[str, ...]) -> Iterator[tuple[tuple, object]]:
    """(location, value) of each field matching `pattern` in a model or in plain data."""

    def walk(node: object, loc: tuple, rest: tuple[str, ...]) -> Iterator[tuple[tuple, object]]:
        if not rest:
            if isinstance(node, list):  # one id or a list of them (`speaker`, `via`)
                for index, item in enumerate(node):
                    yield (*loc, index), item
            elif node is not None:
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
    updates: list[Update] = Field(
        default_factory=list, description="What changed since first publication, any order."
    )
    corrections: list[Correction] = Field(default_factory=list)
    sources: list[Source] = Field(min_length=1)
    actors: list[Actor] = Field(min_length=1)
    quotes: list[Quote] = Field(default_factory=list)
    responses: list[Response] = Field(default_factory=list)
    timeline: list[Event] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    route: Route | None = Field(
        None, description="A journey the story follows through its places, drawn on the map."
    )
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
        """Their quotes, joint statements included."""
        return [q for q in self.quotes if actor_id in q.speakers]

    def speakers(self) -> list[Actor]:
        """Actors who are quoted, in the order of their first quote."""
        return [self.actor(i) for i in dict.fromkeys(s for q in self.quotes for s in q.speakers)]

    def quote_groups(self) -> list[tuple[list[Actor], list[Quote]]]:
        """Quotes grouped by who said them (a joint statement's speakers together), in
        the order of each group's first quote."""
        groups: dict[tuple[str, ...], list[Quote]] = {}
        for quote in self.quotes:
            groups.setdefault(tuple(quote.speakers), []).append(quote)
        return [([self.actor(i) for i in ids], quotes) for ids, quotes in groups.items()]

    def renderings(self) -> list[tuple[Quote, Quote]]:
        """Pairs of quotes that are one statement in two sources' words."""
        return [(self.quote(q.rendering_of), q) for q in self.quotes if q.rendering_of]

    def source_words(self) -> Iterator[tuple[tuple[str | int, ...], str, list[str] | None]]:
        """Every field that gives the source's own words: (location, text, the ids of
        the sources it must be found in, or None for any of the story's sources)."""
        for i, q in enumerate(self.quotes):
            if q.verbatim:
                for paragraph in q.paragraphs:
                    yield ("quotes", i, "text"), paragraph, [q.source]
            if q.attribution:
                yield ("quotes", i, "attribution"), q.attribution, [q.source]
        for i, a in enumerate(self.actors):
            for j, phrase in enumerate(a.described_as):
                yield ("actors", i, "described_as", j), phrase, None
        for i, e in enumerate(self.timeline):
            if e.when:
                yield ("timeline", i, "when"), e.when, e.sources or None
        for i, p in enumerate(self.places):
            for j, d in enumerate(p.distances):
                yield ("places", i, "distances", j, "wording"), d.wording, None
        for j, d in enumerate(self.route.distances if self.route else []):
            yield ("route", "distances", j, "wording"), d.wording, None
        for i, question in enumerate(self.open_questions):
            if question.wording:
                yield ("open_questions", i, "wording"), question.wording, None
        for i, d in enumerate(self.discrepancies):
            for j, account in enumerate(d.accounts):
                quoted = next((q.source for q in self.quotes if q.id == account.quote), None)
                yield (
                    ("discrepancies", i, "accounts", j, "says"),
                    account.says,
                    [quoted] if quoted else None,
                )

    def route_stops(self) -> list[Place]:
        """The places of the route's stops, in order."""
        return [self.place(stop) for stop in self.route.stops] if self.route else []

    def chronology(self) -> list[Event]:
        """The timeline in date order; events of one day in the digest's order. The
        timeline page's list and its graphic number the events in this order."""
        return sorted(self.timeline, key=lambda e: e.date)

    def corrections_on(self, page: str) -> list[Correction]:
        return sorted(
            (c for c in self.corrections if c.page == page), key=lambda c: c.date, reverse=True
        )

    def news(self) -> list[Update | Correction]:
        """Updates and corrections, newest first."""
        return sorted([*self.updates, *self.corrections], key=lambda u: u.date, reverse=True)

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
            yield from ref(("quotes", i, "rendering_of"), q.rendering_of, "quotes")
            if q.rendering_of == q.id:
                yield (("quotes", i, "rendering_of"), "a quote cannot be a rendering of itself "
                       "(expected the id of the same statement in another source)")  # fmt: skip
            if q.cut_off and not q.verbatim:
                yield (("quotes", i, "cut_off"), "a paraphrase has no quotation to cut off "
                       "(expected `cut_off` only on a full or partial quote)")  # fmt: skip
        for i, e in enumerate(self.timeline):
            for j, source_id in enumerate(e.sources):
                yield from ref(("timeline", i, "sources", j), source_id, "sources")
            for j, change in enumerate(e.history):
                yield from ref(("timeline", i, "history", j, "source"), change.source, "sources")
        dated = [(("updates", i, "date"), u.date) for i, u in enumerate(self.updates)]
        dated += [(("corrections", i, "date"), c.date) for i, c in enumerate(self.corrections)]
        for loc, date in dated:
            if date > self.updated:
                yield (loc, f"{date.isoformat()} is after `updated` ({self.updated.isoformat()}) "
                       "(expected `updated` to be the date of the latest change)")  # fmt: skip
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
        distances = [(("places", i, "distances", j), d) for i, p in enumerate(self.places)
                     for j, d in enumerate(p.distances)]  # fmt: skip
        if self.route:
            distances += [
                (("route", "distances", j), d) for j, d in enumerate(self.route.distances)
            ]
        for loc, d in distances:
            yield from ref((*loc, "to"), d.to, "places")
            if d.certainty == "claimed" and d.claimed_by is None:
                yield (
                    (*loc, "certainty"),
                    "a claimed distance needs `claimed_by` "
                    "(expected the actor id of who claims it)",
                )
        yield from self._coordinate_problems(ids["places"])
        for i, d in enumerate(self.discrepancies):
            for j, a in enumerate(d.accounts):
                yield from ref(("discrepancies", i, "accounts", j, "quote"), a.quote, "quotes")

    def _coordinate_problems(
        self, place_ids: set[str]
    ) -> Iterator[tuple[tuple[str | int, ...], str]]:
        """A place's coordinates come as a pair, and a route goes through located places."""
        for i, p in enumerate(self.places):
            if (p.latitude is None) != (p.longitude is None):
                given, missing = ("latitude", "longitude") if p.longitude is None else (
                    "longitude", "latitude")  # fmt: skip
                yield (("places", i, given), f"`{given}` without `{missing}` (expected both, "
                       "or neither for a place that is not on the map)")  # fmt: skip
        if self.route is None:
            return
        stops = [(("route", "stops", j), stop) for j, stop in enumerate(self.route.stops)]
        if self.route.towards is not None:
            stops.append((("route", "towards"), self.route.towards))
        if len(stops) < 2:
            yield (("route", "stops"), "a route needs two places (expected two `stops` or "
                   "more, or a stop and the place it was heading `towards`)")  # fmt: skip
        known = {p.id: p for p in self.places}
        for loc, stop in stops:
            if stop not in place_ids:
                known_ids = ", ".join(sorted(place_ids)) or "none defined"
                yield (loc, f"unknown place id {stop!r} (expected one of: {known_ids})")
            elif not known[stop].located:
                yield (loc, f"place {stop!r} has no coordinates (expected `latitude` and "
                       "`longitude` on it, to draw the route)")  # fmt: skip

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
