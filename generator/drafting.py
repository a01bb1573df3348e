"""A first draft of a digest from a plain-text article: quotes, speakers, actors.

Rules, not a model: quotation marks (curly or straight, including the newspaper
convention of a quote running over several paragraphs, each opening with a mark and
only the last closing), attribution verbs around a quote ("X said", "X claimed",
"according to X", "the ministry continued", "he said"), and capitalised names merged
by surname or shared words. Whatever it is unsure of is marked for the editor.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .digest import names

OPEN, CLOSE = '“"', '”"'
ATTRIBUTION_VERBS = (
    "said|says|claimed|claims|claiming|responded|responds|continued|added|told|stated|"
    "charged|called|warned|announced|insisted|argued|wrote|declared|noted|agreed|denied"
)
MEDIA_VERBS = "reported|reports|said|quoted"
ORG_WORDS = (
    "Group|Ministry|Service|Company|Agency|Council|Army|Government|Kremlin|Office|"
    "Committee|Party|Bank|Court|Police|Forces|Media|Commission|Union|Parliament"
)
TITLES = {
    "Prime", "Minister", "President", "Chancellor", "General", "Mr", "Mrs", "Ms", "Dr",
    "Sir", "Senator", "Governor", "Mayor", "Secretary", "Foreign", "Defence", "Defense",
}  # fmt: skip
REFERENCES = r"he|she|it|the (?:ministry|service|agency|group|spokesman)"
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
DATES = (
    rf"\b(?:On )?(?:{MONTHS}) \d{{1,2}}(?:, \d{{4}})?"
    r"|\bOn (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b"
)
STOP_WORDS = {
    "The", "A", "An", "On", "In", "For", "It", "Earlier", "Following", "Should", "Members",
    "Responding", "Such", "We", "They", "Follow", "Please", "COMMENTS", "If", "But", "And",
}  # fmt: skip


@dataclass
class DraftActor:
    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    described_as: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        return slug(self.name)

    def names(self) -> list[str]:
        return [self.name, *self.aliases]


@dataclass
class DraftQuote:
    paragraphs: list[str]
    extent: str
    speaker: DraftActor | None = None
    via: DraftActor | None = None
    guess: bool = False
    attribution: str = ""

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


@dataclass
class Draft:
    title: str
    author: str | None = None
    outlet: str | None = None
    caption: str | None = None
    credit: str | None = None
    actors: list[DraftActor] = field(default_factory=list)
    quotes: list[DraftQuote] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)


def slug(text: str) -> str:
    """An id for a drafted item: the project's slug (transliterated), or `item`."""
    return names.slug(text, max_length=60) or "item"


def _raw_paragraphs(text: str) -> list[str]:
    return [p for p in re.split(r"\n\s*\n", text.replace("\r\n", "\n")) if p.strip()]


def paragraphs_of(text: str) -> list[str]:
    return [
        " ".join(p.split()) for p in re.split(r"\n\s*\n", text.replace("\r\n", "\n")) if p.strip()
    ]


# --- quotes ---------------------------------------------------------------------------


@dataclass
class _Span:
    paragraph: int
    start: int
    end: int  # exclusive, at the closing mark (or the paragraph's end when it runs on)
    text: str


def quote_spans(paragraphs: list[str]) -> list[list[_Span]]:
    """Quoted passages; a passage that runs over paragraphs is one list of spans."""
    found: list[list[_Span]] = []
    running: list[_Span] = []
    for index, paragraph in enumerate(paragraphs):
        position = 0
        if running and paragraph[:1] not in OPEN:
            found.append(running)  # a run-on quote that never reopened: close it here
            running = []
        while True:
            start = _find_open(paragraph, position)
            if start < 0:
                break
            end = _find_close(paragraph, start + 1)
            if end < 0:
                running.append(_Span(index, start + 1, len(paragraph), paragraph[start + 1 :]))
                break
            span = _Span(index, start + 1, end, paragraph[start + 1 : end])
            if running:
                running.append(span)
                found.append(running)
                running = []
            else:
                found.append([span])
            position = end + 1
    if running:
        found.append(running)
    return found


def _find_open(text: str, start: int) -> int:
    for i in range(start, len(text)):
        c = text[i]
        if c == "“":
            return i
        if c == '"' and (i == 0 or not text[i - 1].isalnum()):
            return i
    return -1


def _find_close(text: str, start: int) -> int:
    for i in range(start, len(text)):
        c = text[i]
        if c == "”":
            return i
        if c == '"' and (i + 1 == len(text) or not text[i + 1].isalnum()):
            return i
    return -1


def clean_quote(text: str) -> str:
    """The quote as a digest keeps it: without a trailing comma that belongs to the
    article's own sentence."""
    return text.strip().rstrip(",").strip()


# --- actors ----------------------------------------------------------------------------

_NAME = r"[A-Z][\w’'-]+(?:\s+(?:of\s+)?[A-Z][\w’'-]+)*"


def find_actors(paragraphs: list[str]) -> list[DraftActor]:
    """People (capitalised full names, merged by surname) and organisations."""
    text = "\n".join(paragraphs)
    unquoted = re.sub(r"“[^”]*”", " ", text)
    actors: list[DraftActor] = []

    def add(name: str, kind: str) -> DraftActor:
        for actor in actors:
            if name in actor.names():
                return actor
        actor = DraftActor(name, kind)
        actors.append(actor)
        return actor

    # Media: "state media BelTA", "... RT reported"
    for match in re.finditer(r"state media ([A-Z][A-Za-z]+)", unquoted):
        actor = add(match.group(1), "media")
        prefix = unquoted[max(0, match.start() - 30) : match.start() + len("state media")]
        described = re.search(r"([A-Z][a-z]+ state media)$", prefix)
        if described and described.group(1) not in actor.described_as:
            actor.described_as.append(described.group(1))
    # Organisations: "Russia’s Federal Security Service", "Wagner Private Military Company"
    for match in re.finditer(
        rf"(?:([A-Z][a-z]+)’s\s+)?((?:[A-Z][\w-]+\s+)*?(?:{ORG_WORDS}))\b", unquoted
    ):
        owner, name = match.group(1), match.group(2)
        if name.split()[0] in STOP_WORDS or (len(name.split()) < 2 and name != "Kremlin"):
            continue
        actor = _merge_org(actors, name) or add(name, "organisation")
        if owner and f"{owner}’s {name}" not in actor.aliases:
            actor.aliases.append(f"{owner}’s {name}")
        if any(w in name for w in ("Ministry", "Service", "Kremlin", "Government", "Office")):
            actor.kind = "government-body"
    # People: two or three capitalised words, not an organisation or a place
    for match in re.finditer(r"\b([A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,4})\b", unquoted):
        words = match.group(1).split()
        titled = False
        while words and words[0] in TITLES:
            words, titled = words[1:], True
        if len(words) < 2:
            continue
        words = words[-3:]
        name = " ".join(words)
        if words[0] in STOP_WORDS or re.search(ORG_WORDS, name) or words[-1] in ("Region", "On"):
            continue
        if any(w in ("Moscow", "Russia", "Ukraine", "Belarus", "Twitter") for w in words):
            continue
        surname = words[-1]
        person = next(
            (a for a in actors if a.kind == "person" and a.name.split()[-1] == surname), None
        )
        if person is None:
            if not (titled or _looks_like_person(name, unquoted)):
                continue
            person = add(name, "person")
        elif name != person.name and name not in person.aliases:
            person.aliases.append(name)
    for person in (a for a in actors if a.kind == "person"):
        surname = person.name.split()[-1]
        if re.search(rf"\b{surname}\b", unquoted) and surname not in person.aliases:
            person.aliases.append(surname)
        for match in re.finditer(
            rf"\b((?:[A-Z][a-z]+\s+)?[a-z]+(?:\s+[a-z]+)?)\s+{re.escape(person.name)}", unquoted
        ):
            words = match.group(1)
            titled = words.split()[-1] in ("chief", "dictator", "leader", "president", "minister")
            if titled and words not in person.described_as:
                person.described_as.append(words)
    return actors


def _looks_like_person(name: str, text: str) -> bool:
    """A first name and a surname: the surname also stands alone somewhere, or the
    name is the subject of an attribution verb."""
    surname = name.split()[-1]
    if len(re.findall(rf"\b{re.escape(surname)}\b", text)) >= 2:
        return True
    return bool(re.search(rf"{re.escape(name)},?\s+(?:{ATTRIBUTION_VERBS})\b", text))


def _merge_org(actors: list[DraftActor], name: str) -> DraftActor | None:
    distinctive = {w for w in name.split() if not re.fullmatch(ORG_WORDS, w)}
    for actor in actors:
        if actor.kind == "person" or name == actor.name:
            if name == actor.name:
                return actor
            continue
        theirs = {w for n in actor.names() for w in n.split() if not re.fullmatch(ORG_WORDS, w)}
        if distinctive and distinctive & theirs - {"Russia’s", "Russian", "State"}:
            if name not in actor.aliases:
                actor.aliases.append(name)
            return actor
    return None


def _mentions(text: str, actors: list[DraftActor]) -> list[tuple[int, int, DraftActor]]:
    """(start, end, actor) of every mention of a known actor, longest names first."""
    found: list[tuple[int, int, DraftActor]] = []
    taken: list[tuple[int, int]] = []
    names = sorted(((n, a) for a in actors for n in a.names()), key=lambda x: -len(x[0]))
    for name, actor in names:
        for match in re.finditer(rf"(?<![\w’]){re.escape(name)}(?![\w])", text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            taken.append((match.start(), match.end()))
            found.append((match.start(), match.end(), actor))
    # "the Wagner leader", "the ministry": descriptors of a known actor
    for match in re.finditer(
        r"\bthe ([A-Z][a-z]+ )?(leader|chief|ministry|service|agency)\b", text
    ):
        word, role = (match.group(1) or "").strip(), match.group(2)
        for actor in actors:
            owner = word and any(word in n for n in actor.names())
            if (role in ("leader", "chief") and actor.kind == "person" and owner) or (
                role in ("ministry", "service", "agency") and role.title() in actor.name
            ):
                found.append((match.start(), match.end(), actor))
    return sorted(found, key=lambda m: m[0])


# --- speakers --------------------------------------------------------------------------


def _sentence_bounds(paragraph: str, start: int, end: int) -> tuple[int, int]:
    """The sentence holding [start, end): from the last full stop outside quotes."""
    left = start
    depth = 0
    while left > 0:
        c = paragraph[left - 1]
        if c == "”":
            depth += 1
        elif c == "“":
            depth -= 1
        elif c in ".!?" and depth <= 0 and paragraph[left : left + 1] == " ":
            break
        left -= 1
    right = end
    while right < len(paragraph) and not (
        paragraph[right] in ".!?" and (right + 1 == len(paragraph) or paragraph[right + 1] == " ")
    ):
        if paragraph[right] == "“":
            close = paragraph.find("”", right + 1)
            right = close if close > 0 else len(paragraph)
        right += 1
    return left, min(len(paragraph), right + 1)


Attribution = tuple[DraftActor | None, DraftActor | None, bool, str]


def attribute(
    quote_spans: list[_Span],
    paragraphs: list[str],
    actors: list[DraftActor],
    previous: DraftQuote | None,
) -> Attribution:
    """(speaker, via, guess, attribution words) for one quote."""
    span = quote_spans[0]
    # attribution may sit in the sentence of the first span or, for run-on quotes, any span
    candidates: list[tuple[str, int, int]] = []
    for s in quote_spans:
        p = paragraphs[s.paragraph]
        left, right = _sentence_bounds(p, s.start - 1, s.end)
        candidates.append((p, left, right))
    via = None
    for text, left, right in candidates:
        sentence = text[left:right]
        outside = _blank_quotes(sentence)
        mentions = _mentions(outside, actors)
        for start, end, actor in mentions:
            after = outside[end : end + 40]
            before = outside[max(0, start - 40) : start]
            if actor.kind == "media" and (
                re.match(rf"\s+(?:{MEDIA_VERBS})\b", after)
                or re.search(r"according to(?: [\w\s]+)?\s*$", before)
            ):
                via = actor
        speakers = [
            (start, actor, outside[end : end + 25].strip())
            for start, end, actor in mentions
            if actor.kind != "media"
            and re.match(
                rf",?\s+(?:has\s+|had\s+|have\s+)?(?:{ATTRIBUTION_VERBS})\b",
                outside[end : end + 40],
            )
            and not re.search(r"\b(?:both|and)\s+(?:the\s+)?$", outside[max(0, start - 12) : start])
            and not re.match(r"\s+and\b", outside[end : end + 6])
        ]
        if speakers:
            start, actor, words = speakers[0]
            return actor, via, False, sentence_attribution(outside, start, words)
        pronoun = re.search(rf"(?:,|^)\s*({REFERENCES})\s+(?:{ATTRIBUTION_VERBS})\b", outside)
        if pronoun:
            actor = _resolve_reference(pronoun.group(1), paragraphs, span, actors)
            if actor is not None:
                return actor, via, False, pronoun.group(0).strip(" ,")
    if previous is not None and previous.speaker is not None:
        return previous.speaker, via or previous.via, True, ""
    return None, via, True, ""


def sentence_attribution(outside: str, start: int, words: str) -> str:
    """The source's attribution, from the speaker's name through the verb:
    "Aleksandr Lukashenko has claimed"."""
    match = re.match(rf"(.*?\b(?:{ATTRIBUTION_VERBS}))\b", outside[start : start + 80])
    return match.group(1).strip(" ,:") if match else words


def _blank_quotes(text: str) -> str:
    """The text with quoted words replaced by spaces (same length: offsets still hold)."""
    return re.sub(r"“[^”]*(?:”|$)", lambda m: " " * len(m.group(0)), text)


def _resolve_reference(
    word: str, paragraphs: list[str], span: _Span, actors: list[DraftActor]
) -> DraftActor | None:
    """The actor a pronoun or "the ministry" refers back to: the last one mentioned."""
    before = " ".join([*paragraphs[: span.paragraph], paragraphs[span.paragraph][: span.start]])
    mentions = _mentions(_blank_quotes(before), actors)
    if word in ("he", "she"):
        wanted = {"person"}
    elif word == "it":
        wanted = {"organisation", "government-body"}
    else:
        noun = word.split()[-1].title()
        return next((a for _, _, a in reversed(mentions) if noun in a.name), None)
    return next((a for _, _, a in reversed(mentions) if a.kind in wanted), None)


# --- the whole article -----------------------------------------------------------------


def draft_article(text: str) -> Draft:
    paragraphs = paragraphs_of(text)
    title = paragraphs[0] if paragraphs else "TODO: headline"
    draft = Draft(title=title)
    body_start = 1
    credit = re.compile(r"(?:/|\bvia\s+)(?:AFP|AP|Reuters|Getty Images|EPA)|Getty Images$")
    raw = _raw_paragraphs(text)
    for index in range(1, min(4, len(raw))):
        lines = [line.strip() for line in raw[index].splitlines() if line.strip()]
        for number, line in enumerate(lines):
            if credit.search(line):
                draft.credit = line
                draft.caption = " ".join(lines[:number]) or None
                body_start = index + 1
    body = paragraphs[body_start:]
    for paragraph in body:
        follow = re.match(r"Follow ([A-Z][a-z]+ [A-Z][a-z]+) on", paragraph)
        if follow:
            draft.author = follow.group(1)
        email = re.search(r"@([a-z0-9-]+)\.(?:com|org|net|co\.uk)", paragraph)
        if email:
            draft.outlet = email.group(1).title()
    body = [p for p in body if not re.match(r"(Follow |COMMENTS|Please let us know)", p)]
    draft.actors = find_actors(body)
    previous: DraftQuote | None = None
    previous_end: tuple[int, int] | None = None  # (paragraph, offset) where it closed
    for spans in quote_spans(body):
        paragraphs_text = [clean_quote(s.text) for s in spans]
        if not all(paragraphs_text):
            continue
        first = spans[0]
        before = body[first.paragraph][: first.start - 1].rstrip()
        opens = not before or before.endswith(":")
        extent = "full" if opens and paragraphs_text[0][:1].isupper() else "partial"
        quote = DraftQuote(paragraphs_text, extent)
        quote.speaker, quote.via, quote.guess, quote.attribution = attribute(
            spans, body, draft.actors, previous
        )
        # A paragraph that is only a quote, with no attribution of its own, right after
        # a full quote: the same statement going on (the newspaper convention).
        whole = first.start == 1 and spans[-1].end >= len(body[spans[-1].paragraph]) - 1
        if (
            whole and quote.guess and previous is not None and previous.extent == "full"
            and previous_end is not None and previous_end[0] == first.paragraph - 1
        ):  # fmt: skip
            previous.paragraphs.extend(paragraphs_text)
            previous_end = (spans[-1].paragraph, spans[-1].end)
            continue
        draft.quotes.append(quote)
        previous = quote
        previous_end = (spans[-1].paragraph, spans[-1].end)
    draft.questions = open_questions(body)
    for match in re.finditer(DATES, " ".join(body)):
        if match.group(0) not in draft.dates:
            draft.dates.append(match.group(0))
    for match in re.finditer(
        r"\b(?:city of ([A-Z][\w-]+(?:-[\w]+)*)|([A-Z][a-z]+ Region))", " ".join(body)
    ):
        place = match.group(1) or match.group(2)
        if place not in draft.places:
            draft.places.append(place)
    return draft


# --- the draft as a digest -------------------------------------------------------------

TODO = "TODO"


def _unique(base: str, taken: set[str]) -> str:
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


def open_questions(paragraphs: list[str]) -> list[str]:
    """Sentences in which the article says something is not yet known."""
    found = []
    for paragraph in paragraphs:
        for sentence in re.split(r"(?<=[.!?])\s+", paragraph):
            if re.search(r"remains to be seen|not (?:yet )?known|unclear|unconfirmed", sentence):
                found.append(sentence.rstrip("."))
    return found


def draft_digest(draft: Draft, story_id: str, text_file: str, updated: dt.date) -> dict:
    """The draft as the data of a digest that `explainer validate` accepts, with TODO
    markers wherever only an editor can write."""
    source_id = slug(draft.outlet or "source")
    actors = list(draft.actors)
    if any(q.speaker is None for q in draft.quotes):
        actors.append(DraftActor("Unknown speaker", "person"))
    ids: set[str] = set()
    actor_ids = {id(a): _unique(a.id, ids) for a in actors}
    unknown = actors[-1] if any(q.speaker is None for q in draft.quotes) else None
    quotes, quote_ids = [], set()
    for quote in draft.quotes:
        speaker = quote.speaker or unknown
        words = " ".join(quote.text.split()[:4])
        entry = {
            "id": _unique(slug(words) or "quote", quote_ids),
            "text": "\n".join(quote.paragraphs),
            "speaker": actor_ids[id(speaker)],
            "extent": quote.extent,
            "context": f"{TODO}: when, where and about what it was said"
            + (" (the speaker is a guess: check it)" if quote.guess else ""),
            "source": source_id,
        }
        if quote.via is not None:
            entry["via"] = actor_ids[id(quote.via)]
        if quote.attribution:
            entry["attribution"] = quote.attribution
        quotes.append(entry)
    source = {
        "id": source_id,
        "outlet": draft.outlet or f"{TODO}: the publication",
        "title": draft.title,
    }
    if draft.author:
        source["author"] = draft.author
    if draft.credit:
        image = {"caption": draft.caption} if draft.caption else {}
        source["images"] = [{**image, "credit": draft.credit}]
    source["text_file"] = text_file
    place_ids: set[str] = set()
    return {
        "id": story_id,
        "title": draft.title,
        "dek": f"{TODO}: one line under the title",
        "summary": f"{TODO}: what happened, in our own words, hedges kept",
        "why_it_matters": f"{TODO}: why it matters",
        "updated": updated.isoformat(),
        "tags": [],
        "sources": [source],
        "actors": [
            {
                "id": actor_ids[id(actor)],
                "name": actor.name,
                **({"aliases": actor.aliases} if actor.aliases else {}),
                "kind": actor.kind,
                "role": f"{TODO}: their part in this story",
                **({"described_as": actor.described_as} if actor.described_as else {}),
                **({"anonymous": True} if actor is unknown else {}),
            }
            for actor in actors
        ],
        "quotes": quotes,
        "places": [
            {
                "id": _unique(slug(place), place_ids),
                "name": place,
                "kind": "region" if place.endswith("Region") else "city",
                "role": f"{TODO}: why the place matters",
            }
            for place in draft.places
        ],
        "open_questions": [
            {"id": f"question-{n}", "question": f"{TODO}: the question, in our words", "wording": w}
            for n, w in enumerate(draft.questions, 1)
        ],
    }
