"""The whole article drafted: its quotes with their speakers, its actors and metadata."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

import regex

from ..digest.names import name_key
from .actors import DraftActor, find_actors
from .article import MONTHS, Article, read_article
from .attribution import THIRD_PERSON, Attribution, Reader, given_names_only
from .interview import answers
from .names import NAME, names_in_capitals
from .quotes import QuotedPassage, Span, blank_quotes, clean, find_quotes
from .verbs import SAYING

DATES = (
    rf"\b(?:On )?(?:{MONTHS}) \d{{1,2}}(?:, \d{{4}})?|\b\d{{1,2}} (?:{MONTHS})(?: \d{{4}})?"
    r"|\bOn (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b"
)
PLACE = regex.compile(
    r"\b(?:city|town|village|port|region|province) of (\p{Lu}[\p{L}-]+(?:[ -]\p{Lu}[\p{L}-]+)*)"
    r"|\b(\p{Lu}[\p{L}-]+ (?:Region|Province|Oblast|County|District|Governorate))\b"
)


@dataclass
class DraftQuote:
    paragraphs: list[str]
    extent: str
    speaker: DraftActor | None = None
    via: DraftActor | None = None
    guess: bool = False
    attribution: str = ""
    unnamed: str = ""  # the article's words for a speaker it does not name

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


@dataclass
class Draft:
    title: str
    author: str | None = None
    authors: list[str] = field(default_factory=list)
    outlet: str | None = None
    published: dt.date | None = None
    caption: str | None = None
    credit: str | None = None
    actors: list[DraftActor] = field(default_factory=list)
    quotes: list[DraftQuote] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    text: str = ""  # the article's plain text, as the digest's quotes are checked against


def draft_article(text: str) -> Draft:
    """The draft of an article given as text (plain or a saved web page)."""
    return draft_from(read_article(text))


def _extent(passage: QuotedPassage, paragraphs: list[str], text: str) -> str:
    before = paragraphs[passage.first.paragraph][: passage.first.start - 1].rstrip()
    opens = not before or before.endswith((":", ".", "?", "!", "—"))
    opens = opens or bool(regex.search(rf"\b(?:{SAYING})\s*,\s*$", before))
    return "full" if opens and text[:1].isupper() else "partial"


LABELLED = regex.compile(
    r"(?i:\bso[- ]called|\bknown\s+as|\bnicknamed|\bdubbed|\bbranded|\bbilled\s+as|"
    r"\b(?:en)?titled|\bsigns?(?:\s+(?:his|her|their|its|\w+s|only|as)){0,4}|"
    r"\bcalls?\s+(?:him|her|it|them)sel(?:f|ves)|"
    r"\bwhat\s+(?!(?i:he|she|they|I|we)\s)(?:[\p{Ll}’'-]+\s+){0,4}?"
    r"(?:calls?|called|terms?|termed|dubs?|dubbed)"
    r"(?:\s+(?:a|an|the|its|their))?|"
    r"\b(?:the|that|this)\s+(?:very\s+)?(?:word|words|phrase|term|expression|motto|label)s?)"
    r"\s*$"
)
"""Words before a quote that make it a name for something: `so-called`, `known as`,
`who signs his letters only ‘Ken from Oldacre’`, `what some critics call`, `the word`
(but "what he called" gives his words)."""
TITLED = regex.compile(r"(?i:\b(?:en)?titled|\bheadlined)\s*$")
"""Words before a title of a work, however long: `a commentary titled “…”`."""
ON_SHOW = regex.compile(r"\b(?:on|in)\s+\p{Lu}[\p{L}’'-]*(?:\s+\p{Lu}[\p{L}’'-]*)*[’']s\s*$")
"""Words before a programme's or a paper's name: `she said on ABN’s “Face the Week.”`."""


SIGNS = (
    r"(?:banner|sign|signboard|placard|poster|billboard|graffiti|t-shirt|slogan|sticker|"
    r"leaflet|flyer|hashtag|plaque|inscription|headline)s?"
)
ON_A_SIGN_BEFORE = regex.compile(
    rf"(?i:\b{SIGNS}\s+(?:that\s+|which\s+)?(?:read|reads|reading|said|saying|says|"
    r"proclaim(?:s|ed|ing)?|declar(?:es|ed|ing))\s*:?\s*)$"
)
ON_A_SIGN_AFTER = regex.compile(
    r"(?i:^\W*(?:say|says|said|read|reads|proclaim(?:s|ed)?|declare[sd]?)\s+"
    rf"(?:the|a|an|their|its|his|her|one|some|many)\s+(?:[\w-]+\s+){{0,2}}{SIGNS}\b)"
)
ON_A_SIGN_SUBJECT = regex.compile(
    rf"(?i:\b{SIGNS}(?:\s+(?:in|on|at|outside|above|by|over)\s+(?:the\s+)?[\w’'-]+)?\s+"
    r"(?:warn|read|say|declar|proclaim|urg|ask|tell|promis|announc|demand|insist)\w*\b"
    r"(?:\s+(?:of|that|about|against|visitors|drivers|readers|passers-by|people|everyone))*"
    r"\s*:?\s*)$"
)
"""Words that give a quote to a sign, not to someone: `“Forward”, say the banners`,
`placards reading “…”`, `a sign in the foyer warns of “…”`: what a sign says is its
text, not a quote."""
WORKS = (
    r"(?:report|study|review|survey|paper|book|novel|memoir|film|documentary|album|song|"
    r"play|series|show|programme|program|plan|strategy|campaign|operation|bill|act|law|"
    r"exhibition|podcast|column|essay|poem|opera|painting|brochure|manifesto|initiative|"
    r"project|scheme|doctrine|motto|slogan|banner|headline|hashtag|exercise|drill|mission|"
    r"manoeuvre|maneuver|summit|festival|forum|conference|tournament|prize|award|fund|"
    r"treaty|accord|pact|charter|app)"
)
TITLE_AFTER_WORK = regex.compile(rf"(?i:\b{WORKS}s?)\s*,?\s*$")
"""A work's or a plan's name right after the word for it: `its 2019 flood study, “Living
with the Varn”,`, `the state programme «Bright Roads – 2030»`."""
QUESTION_PUT = regex.compile(
    r"(?i:(?:\b(?:reporters?|journalists?|interviewers?|correspondents?|presenters?|hosts?|"
    r"questioners?)\b[^.;:!?]*?\bask(?:ed|s|ing)?\b|(?:^|[.;:!?]\s+)asked\b|\bwhen asked\b|"
    r"\bwas asked\b)[^.;:!?]*?\b(?:whether|if|about)\b[^.;:!?,]*)$"
)
"""A reporter's question: `One reporter asked her whether the city had “gambled and
lost”`: words put to someone, which they did not say (not the answer after a comma:
`Asked whether ..., he said it was “…”`)."""


def _on_a_sign(passage: QuotedPassage, blanked: list[str]) -> bool:
    first, last = passage.first, passage.last
    before = blanked[first.paragraph][: first.start - 1]
    after = blanked[last.paragraph][last.end + 1 :]
    return bool(
        ON_A_SIGN_BEFORE.search(before)
        or ON_A_SIGN_AFTER.search(after)
        or ON_A_SIGN_SUBJECT.search(before)
    )


def _not_said(passage: QuotedPassage, blanked: list[str], text: str) -> bool:
    """A quoted name or question, not words someone said: a work's title after the word
    for it (capitalised, no sentence of its own), a reporter's question's words."""
    first = passage.first
    before = blanked[first.paragraph][: first.start - 1]
    words = text.split()
    titled = (
        TITLE_AFTER_WORK.search(before) is not None
        and words[0][:1].isupper()
        and len(words) <= 12
        and not text.rstrip().endswith((".", "!", "?"))
    )
    return titled or QUESTION_PUT.search(before) is not None


def _words(quote: DraftQuote) -> str:
    return " " + " ".join(regex.findall(r"\w+", quote.text.casefold())) + " "


def _said_again(quotes: list[DraftQuote]) -> set[int]:
    """The quotes that repeat another, word for word or a part of it (a standfirst, a
    caption or a summary gives words the body quotes): of each, one is kept, the longer,
    or the one whose attribution is surest (the first of equals). Not a part of a few
    words, nor a sure part of what someone else said."""
    texts = [_words(q) for q in quotes]
    dropped: set[int] = set()
    for n, quote in enumerate(quotes):
        short = len(texts[n].split()) < 3  # only word for word: “immediately” twice
        for m, other in enumerate(quotes):
            if m == n or m in dropped or texts[n] not in texts[m]:
                continue
            if short and texts[n] != texts[m]:
                continue
            apart = quote.speaker and other.speaker and quote.speaker is not other.speaker
            if apart and not quote.guess:
                continue
            same = texts[n] == texts[m]
            if (
                not same
                or (quote.guess and not other.guess)
                or (quote.guess == other.guess and m < n)
            ):
                dropped.add(n)
                break
    return dropped


def _two_of_a_pronoun(attribution: Attribution, texts: list[str]) -> bool:
    """`“..., and so will she,” she added`: the quote speaks of a "she" that is not its
    speaker, so two people fit the pronoun that gives the speaker."""
    said = regex.match(r"\W*(he|she)\b", attribution.words, regex.IGNORECASE)
    return bool(said) and any(
        regex.search(THIRD_PERSON[said.group(1).lower()], text, regex.IGNORECASE) for text in texts
    )


def _by_description(attribution: Attribution) -> bool:
    """Whether the words that attribute a quote give its speaker by a description only
    (`the minister said`, `the company said`), not by a name or a pronoun."""
    speaker, words = attribution.speaker, attribution.words
    if speaker is None or not words or regex.match(r"\W*(?:he|she|they|it|we|i)\b", words, regex.I):
        return False
    said = name_key(words)
    return not any(name_key(n) and name_key(n) in said for n in [*speaker.names(), speaker.surname])


def _capitalised(text: str) -> bool:
    """Every word of four letters or more capitalised, as in a title: `Face the Week.`"""
    return all(w[:1].isupper() for w in text.split() if len(w) > 3)


def _worth_keeping(
    quote: DraftQuote,
    attribution: Attribution,
    headline: bool = False,
    inside: bool = False,
    alone: bool = False,
) -> bool:
    """A quoted word or title with no one saying it is not a quote: scare quotes
    (`so-called “reforms”`), titles of works, nicknames."""
    words = quote.text.split()
    if (
        inside and len(words) <= 2 and all(w[:1].isupper() for w in words)
        and not quote.text.endswith((".", "!", "?"))
    ):  # fmt: skip
        return False  # in mid-sentence, a nickname or a name: “Rocket” to her teammates
    if not attribution.cue and quote.extent == "partial" and not headline:
        return False  # in the middle of a sentence that gives no one: a title, a term
    # a title or a name in capitals ("Port Of Call"), not words of four letters or fewer
    # alone ("I saw it all")
    long_words = [w for w in words if len(w) > 3]
    capitalised = bool(long_words) and all(w[:1].isupper() for w in long_words)
    if attribution.cue or not attribution.guess:
        return not (len(words) <= 6 and capitalised and len(words) > 1
                    and not quote.text.endswith((".", "!", "?")))  # fmt: skip
    if alone and quote.text.endswith((".", "!", "?")):
        return True  # a line of dialogue, a paragraph of its own: “Mirror.” “Which exit?”
    if len(words) < 5:
        return False
    return not capitalised


OUR_STAFF = regex.compile(
    r"\b[Oo]ur\s+(?:[\p{L}-]+\s+){0,4}?(?:correspondent|reporter|editor|producer|colleague)s?"
    rf",?\s+(?P<name>{NAME})"
)
HANDLE = regex.compile(r"\s\(@\w{1,30}\)(?=,)")
ABBREVIATION = regex.compile(r"(?<=\p{L})\s\((?:\p{Lu}[\p{Lu}&]{1,7}|@\w{1,30})\)(?=,?\s+\p{Ll})")


def _spaces(match: regex.Match[str]) -> str:
    return " " * len(match.group(0))


MINOR_WORDS = frozenset("a an the of in on to for and as at by with from or but nor".split())


def _title_case_heading(text: str) -> bool:
    """A line set in title case, as US headlines and crossheads are: five words or more,
    nearly all but the minor ones capitalised, no sentence's end."""
    words = text.split()
    if len(words) < 5 or text.rstrip().endswith((".", "?", "!", ":", ",", "”", '"', "’")):
        return False
    if text.lstrip().startswith(("—", "–", "-")) or text.count(",") >= 2:
        return False  # "— Ana Ruiz, Chair of the Board, Arvelle SA": a signature
    content = [w for w in words if w.lower() not in MINOR_WORDS]
    return sum(w[:1].isupper() for w in content) >= max(4, 0.8 * len(content))


def _one_person_speaking(attribution: Attribution, texts: list[str]) -> bool:
    """Words in the first person singular given to a body: someone speaks in them."""
    speaker = attribution.speaker
    return (
        speaker is not None
        and speaker.kind != "person"
        and any(
            regex.search(r"\b(?:I|I'm|I’m|I've|I’ve|I'd|I’d|I'll|I’ll|me|my)\b", t) for t in texts
        )
    )


def draft_from(article: Article) -> Draft:
    body = article.paragraphs
    draft = Draft(
        title=article.headline,
        author=", ".join(article.authors) or None,
        authors=article.authors,
        outlet=article.outlet,
        published=article.date,
        text=article.text,
    )
    if article.captions:
        draft.caption, draft.credit = article.captions[0]
    interview = answers(body)
    passages = [p for p in find_quotes(body) if p.first.paragraph not in interview.paragraphs]
    # a social handle after a name is not part of the sentence: "X (@handle), said"
    blanked = [HANDLE.sub(_spaces, blank_quotes(text, [])) for text in body]
    everything = "\n".join(body)
    blanked = [names_in_capitals(text, everything) for text in blanked]
    # a heading in title case ("Tahirov Leaves Orlin to Cheers") is no one's name
    blanked = [" " * len(text) if _title_case_heading(text) else text for text in blanked]
    for passage in passages:
        for span in passage.spans:
            blanked[span.paragraph] = blank_quotes(
                blanked[span.paragraph], [(span.start, span.end)]
            )
    for index in interview.paragraphs:
        blanked[index] = " " * len(body[index])
    for index, cue in interview.cues.items():  # "ANKRAH:" is a label, not a mention
        blanked[index] = " " * cue + blanked[index][cue:]
    own = name_key(article.outlet or "")
    given_only = given_names_only(blanked)
    # the outlet's own people: "Our Eastern Europe correspondent, Nadia Holm, has sent this"
    staff = {m.group("name") for text in blanked for m in OUR_STAFF.finditer(text)}
    draft.actors = [  # the article's own outlet is not an actor in its story, nor is a
        # speaker who gave a first name only
        a for a in find_actors(blanked)
        if not (own and a.kind == "media" and set(name_key(a.name).split()) <= set(own.split()))
        and a.name not in given_only and a.name not in staff
    ]  # fmt: skip
    # an abbreviation after a name is not part of the sentence: "Brenvale Railways (BVR) said"
    reader = Reader(body, [ABBREVIATION.sub(_spaces, t) for t in blanked], draft.actors)
    found: list[tuple[int, DraftQuote]] = []
    # in the article's order: after an interview's answers, "he said" is the interviewee
    steps = sorted(
        [(p.first.paragraph, p) for p in passages] + [(index, None) for index in interview.answers],
        key=lambda s: s[0],
    )
    for index, passage in steps:
        if passage is None:
            text = interview.answers[index]
            speaker = interview.speaker(draft.actors, body, interview.labels[index])
            if speaker is not None and speaker not in draft.actors:
                draft.actors.append(speaker)  # named only by the transcript's label
            found.append((index, DraftQuote([text], "full", speaker, guess=speaker is None)))
            if speaker is not None:
                reader.keep(Attribution(speaker=speaker, guess=False, cue=True), index, text)
            continue
        texts = [clean(s.text) for s in passage.spans]
        if not all(texts):
            continue
        attribution = reader.attribute(passage)
        if _by_description(attribution):
            attribution.guess = True  # "the minister said": which one is for an editor to check
        if _two_of_a_pronoun(attribution, texts):
            attribution.guess = True
        if _one_person_speaking(attribution, texts):
            attribution.guess = True  # "I've been here since seven": not a company's words
        quote = DraftQuote(texts, _extent(passage, body, texts[0]), attribution.speaker,
                           attribution.via, attribution.guess, attribution.words,
                           attribution.unnamed)  # fmt: skip
        before = body[passage.first.paragraph][: passage.first.start - 1].rstrip()
        inside = bool(before) and not before.endswith((":", ".", "!", "?"))
        titled = TITLED.search(before) or (ON_SHOW.search(before) and _capitalised(quote.text))
        if (LABELLED.search(before) and len(quote.text.split()) <= 5) or titled:
            continue  # a name for something, not words someone said: so-called “reforms”
        if _on_a_sign(passage, blanked) or _not_said(passage, blanked, quote.text):
            continue
        after = body[passage.last.paragraph][passage.last.end + 1 :]
        alone = not before and not after.strip()
        if not _worth_keeping(quote, attribution, inside=inside, alone=alone):
            continue
        reader.keep(attribution, passage.last.paragraph, texts[-1])
        found.append((passage.first.paragraph, quote))
    # an answer is a turn of its own, never a crosshead ("A: Thank you.")
    found = [
        (i, q) for i, q in found
        if i in interview.answers or not _crosshead(q, body[i], [q for _, q in found])
    ]  # fmt: skip
    found.sort(key=lambda x: x[0])
    again = _said_again([q for _, q in found])
    draft.quotes = [q for n, (_, q) in enumerate(found) if n not in again]
    draft.quotes[:0] = _headline_quotes(article.headline, draft)
    draft.questions = open_questions(body)
    joined = " ".join(body)
    for match in re.finditer(DATES, joined):
        if match.group(0) not in draft.dates:
            draft.dates.append(match.group(0))
    for match in PLACE.finditer(joined):
        place = match.group(1) or match.group(2)
        if place not in draft.places and not any(place in a.names() for a in draft.actors):
            draft.places.append(place)
    return draft


def _crosshead(quote: DraftQuote, paragraph: str, quotes: list[DraftQuote]) -> bool:
    """A heading inside the article that repeats words quoted below it (a crosshead, a
    live blog's entry heading: `Roskamp: "The exit poll is a poll"`): a short paragraph
    without a sentence of its own, whose quote is another one or a part of it."""
    if len(quote.paragraphs) > 1:
        return False
    text = " ".join(quote.text.split()).casefold().rstrip(".!?,")
    rest = paragraph.replace(quote.paragraphs[0], " ")
    words = regex.findall(r"\w+", rest)
    if len(words) > 6 or regex.search(r"[.!?](?:\s|$)", rest.strip(" \"'‘’“”«»„")):
        return False
    return any(
        other is not quote and text in " ".join(other.text.split()).casefold()
        for other in quotes
    )  # fmt: skip


def _headline_quotes(headline: str, draft: Draft) -> list[DraftQuote]:
    """A quote printed only in the headline (one the body repeats is the body's)."""
    said = {" ".join(q.text.split()).casefold() for q in draft.quotes}
    found = []
    blanked = blank_quotes(headline, [])
    passages = find_quotes([headline])
    for passage in passages:
        blanked = blank_quotes(blanked, [(passage.first.start, passage.first.end)])
    reader = Reader([headline], [blanked], draft.actors)
    for passage in passages:
        text = clean(passage.first.text).rstrip(".!?,")
        if not text or any(text.casefold() in s for s in said):
            continue
        attribution = reader.attribute(passage)
        if attribution.speaker is None:
            attribution = _headline_speaker(headline, passage.first, draft.actors) or attribution
        quote = DraftQuote([clean(passage.first.text)], "partial", attribution.speaker,
                           attribution.via, attribution.guess or attribution.speaker is None,
                           attribution.words, attribution.unnamed)  # fmt: skip
        if _worth_keeping(quote, attribution, headline=True):
            found.append(quote)
    return found


def _headline_speaker(headline: str, span: Span, actors: list[DraftActor]) -> Attribution | None:
    """`Mayor: ‘…’` or `‘…’ says defiant mayor`: a name or a role beside the quote."""
    around = headline[: span.start - 1] + " " + headline[span.end + 1 :]
    for actor in actors:
        if any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", around) for n in actor.names()):
            return Attribution(actor, None, True)
        if any(re.search(rf"\b{re.escape(role)}\b", around, re.I) for role in actor.roles):
            return Attribution(actor, None, True)
    return None


def open_questions(paragraphs: list[str]) -> list[str]:
    """Sentences in which the article says something is not yet known."""
    found = []
    for paragraph in paragraphs:
        for sentence in re.split(r"(?<=[.!?])\s+", paragraph):
            if re.search(r"remains to be seen|not (?:yet )?known|unclear|unconfirmed", sentence):
                found.append(sentence.rstrip("."))
    return found
