"""Who the article is about: people (a name with something that says it is a person: a
title, a role, an apposition, a verb of saying, the surname used alone), organisations,
government bodies and media (a name with an institutional word, or a body that speaks),
each with every spelling the article uses."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cache

import regex

from ..digest.names import name_key, similarity, slug
from .names import (
    DEGREES,
    FUNCTION_WORDS,
    KIND_OF_WORD,
    MEDIA_CONTEXT,
    NAME,
    NAME_RE,
    OFFICE_WORDS,
    PARTICLE,
    ROLE_NOUNS,
    described_as_body,
    is_place,
    is_title,
    org_kind,
)
from .verbs import SAYING

ROLE_RE = "|".join(sorted(ROLE_NOUNS, key=len, reverse=True))
OFFICE = regex.compile(
    rf"\b((?i:{ROLE_RE}))\s+(?:of|for)\s+(?:the\s+)?\p{{Lu}}[\p{{L}}’'-]*"
    r"(?:\s+(?:of\s+(?:the\s+)?|and\s+)?\p{Lu}[\p{L}’'-]*)*(?:,\s+|\s+)$"
)
"""An office held at a named body, right before a name: `Chairman of the Harbour Board`."""


@dataclass(eq=False)
class DraftActor:
    """Compared by identity: two actors with one name are still two until merged."""

    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    described_as: list[str] = field(default_factory=list)
    roles: set[str] = field(default_factory=set)
    ages: set[int] = field(default_factory=set)  # "Aoife O’Shaughnessy, 34," -> 34

    @property
    def id(self) -> str:
        return slug(self.name, max_length=60) or "item"

    def names(self) -> list[str]:
        return [self.name, *self.aliases]

    def add_name(self, name: str) -> None:
        if name != self.name and name not in self.aliases:
            self.aliases.append(name)

    @property
    def surname(self) -> str:
        return self.name.split()[-1]


@dataclass
class Mention:
    paragraph: int
    start: int
    end: int
    text: str
    titled: str  # the title words in front, if any ("Mr", "Prime Minister")


STATE_BODY = regex.compile(
    r"(?:\b(?i:the)\s+|\b\p{Lu}\p{Ll}+[’']s\s+(?=\p{Ll}))(?P<name>(?:\p{Lu}[\p{L}-]*\s+(?:\p{Ll}[\p{Ll}-]*\s+){0,2}"
    r"|(?:\p{Ll}[\p{Ll}-]*\s+){1,2})(?:ministry|department|embassy)"
    r"|(?<=[’']s\s+)(?:presidency|government|cabinet)"
    r"|(?<=(?i:the)\s+)\p{Lu}\p{Ll}+(?:an|ian|ish|ese|i|ic)\s+(?:presidency|government|cabinet))"
    r"(?=(?:\s+(?:on|in)\s+\p{Lu}\p{Ll}+)?,?\s+(?:has\s+|had\s+)?(?:said|says|told|added|"
    r"announced|stated|confirmed|denied|warned|insisted|claimed|wrote|posted|called|"
    r"described|issued)\b)"
)
"""A body of the state named in lower case as it speaks: `the defence ministry said`,
`the Kaldoran embassy in Wirralong said`, `the Ostran presidency has issued`."""
NOT_QUALIFIERS = frozenset(
    "same new old former relevant whole entire other responsible country’s country's "
    "government government’s government's".split()
)
"""Words before "ministry" that do not name one: `the same ministry`."""

CALENDAR_NAMES = frozenset("jun jan mar may june april august".split())
"""Months that are also given names (`Jun Takeda`, `May Ruiz`, `April Dahl`)."""


def _given_name(words: list[str], text: str, start: int) -> bool:
    """Whether a month's name in front of a name is a given name: `Jun Takeda-Moreau said`,
    not `In June Marrow said`."""
    return (
        words[0].lower() in CALENDAR_NAMES
        and len(words) >= 2
        and not regex.search(
            r"(?i:\b(?:in|on|by|since|until|from|last|next|early|late|mid|during|of|since))\s+$",
            text[max(0, start - 12) : start],
        )
        and not regex.match(r"\d", text[start + len(words[0]) :].lstrip())
    )


def _strip(match: regex.Match, paragraph: int, text: str) -> Mention | None:
    """A capitalised run without the sentence-initial words and titles in front."""
    words = match.group(0).split()
    start = match.start()
    titles: list[str] = []
    while words and (
        (words[0].lower() in FUNCTION_WORDS and not _given_name(words, text, start))
        or is_title(words[0])
        or words[0].lower() in ROLE_NOUNS
        or regex.fullmatch(r"\p{Lu}\p{Ll}*(?:-\p{Ll}+)+", words[0])  # Dad-of-two, Mum-to-be
    ):
        if is_title(words[0]) or (titles and words[0].lower() in ROLE_NOUNS):
            titles.append(words[0])  # "Chief Executive": a title and a role
        elif titles:
            break
        start = text.index(words[0], start) + len(words[0])
        words = words[1:]
        while start < len(text) and text[start] == " ":
            start += 1
    inner = [i for i, w in enumerate(words[:-1]) if is_title(w) or w.lower() in ROLE_NOUNS]
    honorific = bool(inner) and HONORIFIC.fullmatch(words[inner[-1]]) is not None
    named = " ".join(words[inner[-1] + 1 :]) if inner else ""
    if inner and inner[-1] < len(words) - 1 and (honorific or not org_kind(named)):
        # ("... on Media Affairs Dr Farah Chattha": whatever the words before, Dr
        # begins a person's name)
        # "Health Minister Ilona Várkonyi", "Assembly of Nations Secretary-General Amadou
        # Keïta": the office in front, its body's name included, is a title
        cut = inner[-1] + 1
        titles = words[:cut]
        start = text.index(words[cut], start + sum(len(w) + 1 for w in words[: cut - 1]))
        words = words[cut:]
    office = [w[:-2] for w in words[:-1] if regex.search(r"[’']s$", w)]
    if any(is_title(w) or w.lower() in ROLE_NOUNS for w in office) and not org_kind(
        " ".join(words)
    ):
        return None  # "Prime Minister's Questions", "the President's Cup": not a name
    end = match.end()
    if words and len(words[-1]) <= 4 and is_title(words[-1]) and text[end : end + 1] == ".":
        return None  # "Cabinet Secretary Hon. Peter X": titles before the name, no name
    if words and regex.search(r"[’']s$", words[-1]):  # Marrow’s staff: the name is Marrow
        words[-1] = words[-1][:-2]
        end -= 2
    if not words or not words[-1]:
        return None
    return Mention(paragraph, start, end, " ".join(words), " ".join(titles))


OF_PART = regex.compile(rf"\s+(?:of|for|and)\s+(?:the\s+)?(?P<name>{NAME})")


def capitalised_runs(paragraphs: list[str]) -> list[Mention]:
    """Every run of capitalised words; an institution's runs on through `of`, `for`
    (`Harbour Authority of Nerrick`, `Ministry for the Sea`)."""
    found = []
    solo = {
        m.group(0) for text in paragraphs for m in NAME_RE.finditer(text) if " " not in m.group(0)
    }
    for index, text in enumerate(paragraphs):
        for match in NAME_RE.finditer(text):
            mention = _strip(match, index, text)
            if mention is None:
                continue
            words = mention.text.split()
            last_org = max((i for i, w in enumerate(words) if org_kind(w)), default=-1)
            if 0 <= last_org < len(words) - 2 and (last_org >= 1 or is_title(words[1])):
                # ("Parliament Speaker Vyacheslav Korzh": a one-word body, a title, a name)
                # "Harbour Board Lev Sarna": an institution, then a person's name
                org_end = text.index(words[last_org], mention.start) + len(words[last_org])
                org = " ".join(words[: last_org + 1])
                found.append(Mention(index, mention.start, org_end, org, mention.titled))
                person_at = text.index(words[last_org + 1], org_end)
                mention = Mention(index, person_at, mention.end, text[person_at : mention.end], "")
            # an office's body is named short: "Chairman of the Council of Ministers Zoltán
            # Fekete-Várady" is the Council of Ministers, then a person
            office = bool(
                regex.search(rf"\b(?i:{ROLE_RE})\s+of\s+(?:the\s+)?$", text[: mention.start])
            )
            tail: Mention | None = None
            titled = regex.search(rf"(?i:\b(?:{ROLE_RE}))$", mention.text)
            for _ in range(3) if org_kind(mention.text) and not titled else ():
                # not through a title: "Press Secretary of the President Zarina Abdykadyr"
                more = OF_PART.match(text, mention.end)
                if not more or org_kind(more.group("name")):
                    break
                words = more.group("name").split()
                said = len(words) > 2 and _said_after().match(text[more.end() :])
                named = words[-1] not in OFFICE_WORDS  # "of Regional Affairs": no one's name
                if len(words) > 1 and named and (words[-1] in solo or office or said):
                    # "of Dravonia Radomir Velkan", "of Vardenia Kalin Boyadzhiev noted"; the
                    # office's own words first ("and Land Reclamation Bahodir Ganiyev")
                    cut = max((i for i, w in enumerate(words[:-1]) if w in OFFICE_WORDS),
                              default=0)  # fmt: skip
                    at = more.start("name")
                    for word in words[: cut + 1]:
                        at = text.index(word, at) + len(word)
                    mention.end = at
                    mention.text = text[mention.start : mention.end]
                    rest = text.index(words[cut + 1], mention.end)
                    tail = Mention(index, rest, more.end(), text[rest : more.end()], "")
                    break
                mention.end = more.end()
                mention.text = text[mention.start : mention.end]
            if found and found[-1].paragraph == index and found[-1].end > mention.start:
                continue  # the tail of an institution's name already taken
            if titled and org_kind(mention.text[: titled.start()]):
                continue  # a title, not a body: "Press Secretary", "Health Minister"
            joined = found[-1] if found and found[-1].paragraph == index else None
            if (
                joined is not None and org_kind(mention.text) and not org_kind(joined.text)
                and text[joined.end : mention.start] == " and "
            ):  # fmt: skip
                joined.end, joined.text = mention.end, text[joined.start : mention.end]
                continue
            found.append(mention)
            if tail is not None:
                found.append(tail)
    return found


MEMBER_OF = regex.compile(
    r"\s+(?:of|from|at)\s+(?:the\s+)?"
    r"(?P<body>\p{Lu}[\p{L}’'&-]*(?:\s+(?:of|for|and|on|\p{Lu}[\p{L}’'&-]*)){0,8})"
)
"""A person's body after their name: `of the Harwell Centre for Strategic Studies`."""


@cache
def _said_after() -> regex.Pattern:
    return regex.compile(
        rf"^,?\s+(?:[\p{{L}}’'-]+\s+){{0,1}}(?:{SAYING})\b"
        rf"|^,\s+(?:the|a|an|his|her|its|their|who|\d+)\b[^,.;:]{{0,80}},\s+(?:{SAYING})\b"
    )


def _person_signals(
    mention: Mention, text: str, solo_surnames: set[str], solo_people: set[str]
) -> bool:
    before = text[max(0, mention.start - 40) : mention.start]
    after = text[mention.end : mention.end + 120]
    if mention.titled:
        return True
    if _dotted_title(before):
        return True  # "Hon. Peter Kiprono", "Mr. Oprea-Valek"
    if regex.search(rf"\b(?:{ROLE_RE})s?\s*,?\s*$", before, regex.IGNORECASE):
        return True
    if OFFICE.search(text[max(0, mention.start - 80) : mention.start]):
        return True  # "Chairman of the Harbour Board Lev Sarna"
    if len(mention.text.split()) > 1 and regex.search(
        r"\b(?i:the|a|an|our|their|his|her)\s+(?:[\p{Ll}-]+\s+){0,2}"
        r"\p{Ll}[\p{Ll}-]*(?:er|or|ist|ian|ant|ent)\s*$",
        before,
    ):
        return True  # "the government backbencher Priya Castellanos", "the novelist Ana Ruiz"
    if regex.match(rf",\s+(?:\d{{1,3}}|aged \d+|who|whose)\b|,\s+(?:{DEGREES})", after):
        return True  # "Ana Ruiz, 52,", "Ana Ruiz, who", "Ana Ruiz, M.D.,"
    if regex.search(r"\p{Ll}{3,},\s*$", before) and regex.match(
        r"(?:\s+(?:of|from)\s+\p{Lu}[\p{L}’'-]*(?:\s+\p{Lu}[\p{L}’'-]*){0,3})?,", after
    ):
        return True  # in apposition: "his running mate, Lene Kjærgaard, was", "a reader,
        # Agnes Brell of Upper Quay, wrote"
    if regex.match(rf",[^.;:]{{0,80}},\s+(?:{SAYING})\b", after) and not org_kind(mention.text):
        return True  # "Hamid Qureshi-Lang, waiting at the station, said"
    if regex.match(rf",\s+(?:the|a|an|his|her|its)\s+[^,.]{{0,60}}\b(?:{ROLE_RE})s?\b", after):
        return True
    office_at = rf",\s+(?:\p{{Ll}}[\p{{Ll}}-]*\s+){{0,2}}(?:{ROLE_RE})\s+(?:of|at|for)\s+\p{{Lu}}"
    if regex.match(office_at, after, regex.IGNORECASE) and not org_kind(mention.text):
        return True  # "Oren Kalvaitis, chief executive of Harrowlight,"

    if _said_after().match(after) and not org_kind(mention.text):
        return True
    # "Niamh Sato of the Harwell Centre for Strategic Studies told me" (a body's own name
    # runs on through "of" as one run, so a run followed by a body is a member's)
    member = MEMBER_OF.match(after)
    if member and len(mention.text.split()) > 1 and org_kind(member.group("body")):
        return True
    if regex.search(rf"(?:\b(?:{SAYING})|according to|quoted|cited)\s*,?\s*$", before):
        return True
    words = mention.text.split()
    return words[-1] in solo_surnames or (len(words) > 1 and words[0] in solo_people)


def find_actors(paragraphs: list[str]) -> list[DraftActor]:
    """The article's actors, from its body paragraphs with the quotes blanked out."""
    runs = capitalised_runs(paragraphs)
    lowered = " ".join(paragraphs)
    solo = {m.text for m in runs if len(m.text.split()) == 1}
    # a single name used as a person's: "Dáithí, 36, said", "Aoife said"
    solo_people = {
        m.text
        for m in runs
        if len(m.text.split()) == 1
        and regex.match(
            rf",\s+\d{{1,3}},|\s+(?:{SAYING})\b", paragraphs[m.paragraph][m.end : m.end + 30]
        )
    }
    actors: list[DraftActor] = []
    by_key: dict[str, DraftActor] = {}

    def add(name: str, kind: str) -> DraftActor:
        key = name_key(name)
        if key in by_key:
            return by_key[key]
        actor = DraftActor(name, kind)
        actors.append(actor)
        by_key[key] = actor
        return actor

    # organisations and media first: a name with an institutional word in it
    for mention in runs:
        text = paragraphs[mention.paragraph]
        before = text[max(0, mention.start - 40) : mention.start]
        words = mention.text.split()
        kind = org_kind(mention.text)
        if MEDIA_CONTEXT.search(before):
            kind = "media"
        elif kind is None and described_as_body(text[mention.end : mention.end + 120], before):
            kind = "organisation"
        if kind is None or (len(words) < 2 and kind != "media" and not words[0].isupper()):
            continue
        if len(words) == 1 and words[0] in KIND_OF_WORD:
            continue  # "Media contact:", "News": the word for a kind of body, not a name
        owner = words[0] if regex.search(r"[’']s$", words[0]) and len(words) > 2 else None
        name = " ".join(words[1:]) if owner else mention.text
        number = regex.match(r"(?:-|\s)\d{1,3}(?![\d\p{L}])", text[mention.end :])
        if kind == "media" and number:  # "the channel Tervania-1", "Borzovia 24"
            name += number.group(0)
        actor = _same_org(actors, name) or add(name, kind)
        actor.add_name(mention.text)
    # bodies of the state that the article names in lower case: "the defence ministry"
    for text in paragraphs:
        for found in STATE_BODY.finditer(text):
            words = found.group("name").split()
            if words[0].lower() in NOT_QUALIFIERS or words[0].lower() in FUNCTION_WORDS:
                continue
            name = body_name(found.group("name"))
            post = regex.match(r"\s+in\s+\p{Lu}\p{Ll}+", text[found.end() :])
            if post and name.endswith("Embassy"):  # an embassy is the one in its city
                name += post.group(0).replace("\n", " ").rstrip()
            # by its whole name: a name key drops "Foreign" and "Defence" as titles
            body = next((a for a in actors if a.name == name), None)
            if body is None:
                body = DraftActor(name, "government-body")
                actors.append(body)
            body.add_name(found.group("name"))
            owner = regex.match(r"\p{Lu}\p{Ll}+[’']s\s", found.group(0))
            if owner:  # "Kaldora’s defence ministry", as the article names it
                body.add_name(found.group(0).strip())
    # people: a name with a sign that it is a person's; then, once their surnames are
    # known, their relatives ("Kostas Andreou" before "his mum Despina Andreou")
    tails = _office_tails(runs, paragraphs)
    for mention in [*runs, *runs]:
        text = paragraphs[mention.paragraph]
        words = mention.text.split()
        if org_kind(mention.text) or any(w.isupper() and len(w) > 1 for w in words):
            continue
        if any(mention.text in a.names() for a in actors if a.kind != "person"):
            continue
        owners = [i for i, w in enumerate(words[:-1]) if regex.search(r"[’']s$", w)]
        if owners and len(words) - owners[-1] > 2:  # "Love Villa’s Kostas Andreou"
            words = words[owners[-1] + 1 :]
            at = text.index(words[0], mention.start)
            mention = Mention(mention.paragraph, at, mention.end, text[at : mention.end], "")
        surname = words[-1]
        known = next(
            (a for a in actors if a.kind == "person" and a.surname == surname
             and _same_given_name(a.name.split(), words)),
            None,
        )  # fmt: skip
        if known is None:  # "De la Cruz" for Ignacio de la Cruz Ortega
            part = mention.text.casefold()
            known = next(
                (a for a in actors if a.kind == "person" and len(a.name.split()) > 2
                 and f" {part} " in f" {a.name.casefold()} "
                 and not a.name.casefold().startswith(part)),
                None,
            )  # fmt: skip
        if known is None and len(words) == 1 and mention.titled:
            # "Mr Tan" for Tan Boon Keat, "Mdm Rosnah" for Rosnah Ismail: names whose
            # family name (or the name used with a title) comes first
            firsts = [a for a in actors if a.kind == "person" and len(a.name.split()) > 1
                      and a.name.split()[0] == words[0]]  # fmt: skip
            if firsts and not any(a.kind == "person" and a.surname == words[0] for a in actors):
                for person in firsts:
                    person.add_name(words[0])
                continue
        if known is not None:
            if len(words) >= 2 or known.surname != surname:
                known.add_name(mention.text)
            _describe(known, mention, text)
            continue
        if len(words) < 2 and not mention.titled:
            continue
        after_office = bool(regex.search(r"\b(?:of|and|for)\s+$", text[: mention.start]))
        if after_office and mention.text in tails:
            continue
        while len(words) > 2 and after_office:
            # "Minister of Agriculture and Food Ildikó Szarvas": the body's words first
            words = words[1:]
            mention.start = text.index(words[0], mention.start)
            mention.text = " ".join(words)
            after_office = len(words) > 1 and (
                _elsewhere(words[0], words[1], lowered) or words[0] in OFFICE_WORDS
            )
        while len(words) > 2 and (
            regex.search(rf"(?<!\p{{L}}){regex.escape(words[0].lower())}(?!\p{{L}})", lowered)
            or is_title(words[0])
        ):
            # "Economic Relations Zdenka Horvát": common words in front; "Alliance Leader
            # Nadia Kowal": a title left after the body's name
            words = words[1:]
            mention.start = text.index(words[0], mention.start)
            mention.text = " ".join(words)
        family = any(a.kind == "person" and a.surname == surname for a in actors)
        if not (family or _person_signals(mention, text, solo, solo_people)):
            continue
        last = mention.text.split()[-1]
        if last.lower() in ROLE_NOUNS or last in OFFICE_WORDS:
            continue  # a title, not a name: "Chief Scientific Officer", "Corporate Communications"
        if _place_like(mention, text) or is_place(mention.text):
            continue
        person = add(mention.text, "person")
        _describe(person, mention, text)
    _add_surnames(actors, runs)
    return actors


def _office_tails(runs: list[Mention], paragraphs: list[str]) -> set[str]:
    """Short runs that end an office's title, not a person's name: `Water Management`
    in `the Minister of Agriculture and Water Management, Aino Kettunen`."""
    tails = set()
    for mention in runs:
        text = paragraphs[mention.paragraph]
        if (
            len(mention.text.split()) <= 2
            and regex.search(r"\p{Lu}[\p{L}’'-]*\s+(?:of|and|for)\s+$", text[: mention.start])
            and regex.match(r",\s+\p{Lu}", text[mention.end :])
        ):
            tails.add(mention.text)
    return tails


def _elsewhere(word: str, following: str, text: str) -> bool:
    """Whether `word` stands elsewhere in the text without `following` after it (`Works`
    in `Harbour Works emphasised`): part of a body's name, not of a person's."""
    return any(
        not text[m.end() :].lstrip().startswith(following)
        for m in regex.finditer(rf"(?<!\p{{L}}){regex.escape(word)}(?!\p{{L}})", text)
    )


def _same_given_name(known: list[str], words: list[str]) -> bool:
    """Whether a name with this surname can be the known person's: no first name, the
    same one spelt another way (`Alexander`, `Aleksandr`), or its initial; `Kostas
    Andreou` is not his mother `Despina Andreou`."""
    if len(words) < 2 or len(known) < 2 or regex.fullmatch(PARTICLE, words[0].lower()):
        return True  # no first name: "Van der Hoek"
    a, b = known[0].rstrip("."), words[0].rstrip(".")
    if (len(b) == 1 and a.startswith(b)) or (len(a) == 1 and b.startswith(a)):
        return True  # an initial
    return similarity(name_key(a), name_key(b)) >= 70  # the same, or spelt another way


def _place_like(mention: Mention, text: str) -> bool:
    """After `in`, `at`, `to` ...: a place's name, unless a title or an age says a
    person's (`belongs to Agnes Brell, 77,`)."""
    before = text[max(0, mention.start - 12) : mention.start]
    aged = regex.match(r",\s+(?:\d{1,3}|aged\s+\d{1,3}),", text[mention.end :])
    return bool(regex.search(r"\b(?:in|at|near|from|to|outside|across)\s+$", before)) and (
        not mention.titled and not aged
    )


def _same_org(actors: list[DraftActor], name: str) -> DraftActor | None:
    """An organisation already found under a shorter or longer form of this name."""
    distinctive = {w for w in name.split() if not org_kind(w) and not w.endswith(("’s", "'s"))}
    for actor in actors:
        if actor.kind == "person":
            continue
        if name in actor.names():
            return actor
        theirs = {w for n in actor.names() for w in n.split() if not org_kind(w)}
        if distinctive and distinctive <= theirs and org_kind(name) == org_kind(actor.name):
            return actor
    return None


HONORIFIC = regex.compile(r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sir|Dame)\.?")
POSTED = r"(?:\s+(?:in|to|at)\s+\p{Lu}[\p{L}’'-]*(?:\s+\p{Lu}[\p{L}’'-]*)?)?"
"""Where an office is held, after its name: `the Kaldoran Ambassador in Navapura, X`."""
FORMER = "(former)"
"""A role that marks someone described as holding an office no longer."""


def _dotted_title(before: str) -> regex.Match[str] | None:
    """A title's short form with its dot just before a name: `Hon. `, `Mr. `, `Adm. `."""
    dotted = regex.search(r"\b(\p{Lu}\p{Ll}{1,3})\.\s+$", before)
    return dotted if dotted and is_title(dotted.group(1)) else None


SHORT_TITLES = {
    "capt": "captain", "gen": "general", "adm": "admiral", "col": "colonel",
    "lt": "lieutenant", "sgt": "sergeant", "supt": "superintendent", "insp": "inspector",
    "det": "detective", "gov": "governor", "sen": "senator", "rep": "representative",
    "amb": "ambassador", "prof": "professor", "cllr": "councillor", "cmdr": "commander",
    "maj": "major", "brig": "brigadier", "cpl": "corporal",
}  # fmt: skip
"""A title's short form and the role it names (`Capt X` is `the captain`)."""


def _describe(person: DraftActor, mention: Mention, text: str) -> None:
    """The words around a name that say who the person is: `harbour chief Ilse Marrow`,
    `Ilse Marrow, the port's director,`."""
    if mention.titled:
        person.add_name(f"{mention.titled} {mention.text}")
        person.roles.update(w.lower() for w in mention.titled.split())
        # "Capt X" is "the captain": a title's short form gives its role
        person.roles.update(
            SHORT_TITLES[w.lower().rstrip(".")] for w in mention.titled.split()
            if w.lower().rstrip(".") in SHORT_TITLES
        )  # fmt: skip
    before = text[max(0, mention.start - 60) : mention.start]
    if mention.titled and before.rstrip().endswith(mention.titled):  # ", Mr Oleg Stavrinov"
        before = before[: before.rstrip().rfind(mention.titled)]
    dotted = _dotted_title(before)
    if dotted:  # "Cabinet Secretary Hon. Peter X": the title and the office before it
        person.roles.add(dotted.group(1).lower())
        before = before[: dotted.start()] + " "
    match = regex.search(
        rf"((?:[\p{{L}}’'-]+\s+){{0,2}}(?:{ROLE_RE}))\s+$", before, regex.IGNORECASE
    ) or next(  # in apposition: "Kessmark’s fisheries minister, Sigrún Thorvaldsdóttir"
        (found for after_role in ("", r"(?:\s+\p{Ll}+)?")  # "head coach": the coach
         if (found := regex.search(rf"((?:[\p{{L}}’'-]+\s+){{0,2}}(?:{ROLE_RE})){after_role}"
                                   rf"{POSTED},\s+$", before, regex.IGNORECASE))),
        None,
    )  # fmt: skip
    if match:
        words = match.group(1)
        first = words.split()[0]
        if first.lower() in FUNCTION_WORDS:
            words = " ".join(words.split()[1:])
        if words and words not in person.described_as:
            person.described_as.append(words)
        person.roles.add(words.split()[-1].lower())
        if regex.match(r"(?i:then|former|ex-|late|outgoing)\b", words):
            person.roles.add(FORMER)  # "the then prime minister": not "the prime minister" now
        # and what else the description says: "Morvanian President", "Foreign Ministry
        # spokeswoman" (which of two presidents, a diplomat)
        person.roles.update(
            regex.sub(r"[’']s$", "", w.lower()) for w in words.split() if w[:1].isupper()
        )
    if regex.search(  # through a title: "headed by the Minister of ... Affairs, X"
        r"\b(?:headed|led|chaired) by\b[^.;]{0,110}$",
        text[max(0, mention.start - 130) : mention.start],
    ):
        person.roles.update(("head", "leader"))  # "a delegation headed by ... X"
    office = OFFICE.search(text[max(0, mention.start - 80) : mention.start])
    if office:  # "Deputy Prime Minister of Kelvoria Georgios Anagnostou"
        person.roles.add(office.group(1).lower())
        # and the office's own words: "Minister of Agriculture and Water Management" (not
        # whom it serves: "Press Secretary of the President" is no president)
        head, _, served = office[0].partition(" of ")
        person.roles.update(w.lower() for w in regex.findall(r"\p{Lu}[\p{L}’'-]*", head))
        person.roles.update(
            w.lower()
            for w in regex.findall(r"\p{Lu}[\p{L}’'-]*", served)
            if w.lower() not in ROLE_NOUNS
        )
        ahead = regex.search(r"((?:\p{Lu}\p{Ll}+\s+){1,2})$", text[: office.start(1)])
        if ahead:
            person.roles.update(w.lower() for w in ahead.group(1).split())
    after = text[mention.end : mention.end + 100]
    age = regex.match(r",\s+(?:aged\s+)?(\d{1,3}),", after)
    if age:
        person.ages.add(int(age.group(1)))
    apposition = regex.match(r",\s+((?:the|a|an|his|her|its)\s+[^,.;:]{2,60}?),", after)
    if apposition:
        roles = regex.findall(rf"\b({ROLE_RE})s?\b", apposition.group(1), regex.IGNORECASE)
        person.roles.update(r.lower() for r in roles)


def _add_surnames(actors: list[DraftActor], runs: list[Mention]) -> None:
    """The surname alone, and the first name alone where only one person has it
    (tabloids and sports reports call people `Kostas` after the first mention)."""
    solo = {m.text for m in runs}
    people = [a for a in actors if a.kind == "person" and len(a.name.split()) > 1]
    first_names = Counter(a.name.split()[0] for a in people)
    for person in people:
        if person.surname in solo:
            person.add_name(person.surname)
        first = person.name.split()[0]
        if (
            first in solo
            and first_names[first] == 1
            and not any(a.surname == first for a in people)
        ):
            person.add_name(first)


def body_name(words: str) -> str:
    """The name of a body the article names in lower case: `defence ministry` ->
    `Defence Ministry`."""
    return " ".join(word[:1].upper() + word[1:] for word in words.split())


def shared_spellings(actors: list[DraftActor]) -> set[str]:
    """Spellings that name more than one actor (two sisters' surname)."""
    seen = Counter(name for actor in actors for name in set(actor.names()))
    return {name for name, count in seen.items() if count > 1}


def mentions(text: str, actors: list[DraftActor]) -> list[tuple[int, int, DraftActor]]:
    """(start, end, actor) of every mention of a known actor; where spellings overlap,
    the longest (`Ilse Marrow`, not `Marrow`)."""
    spellings: dict[str, DraftActor] = {}
    for actor in actors:
        for name in actor.names():
            spellings.setdefault(name, actor)
    if not spellings or not text:
        return []
    pattern = _spellings_pattern(tuple(sorted(spellings, key=lambda n: (-len(n), n))))
    return [(m.start(), m.end(), spellings[m.group(0)]) for m in pattern.finditer(text)]


@cache
def _spellings_pattern(names: tuple[str, ...]) -> regex.Pattern:
    """One pattern for all the spellings, longest first (so the longest wins)."""
    alternatives = "|".join(regex.escape(name) for name in names)
    return regex.compile(rf"(?<![\p{{L}}’'])(?:{alternatives})(?![\p{{L}}])")
