"""Who said a quote: read from the sentence around it, not from the nearest name.

The sentence is taken with every quote blanked out, so only the article's own words are
read. Its verbs of saying are tried nearest the quote first; each gives a subject: a
name (with a title or description in front, an apposition after), a pronoun (the
sentence's own subject, the paragraph's last reported speaker, the sentence before's
subject, the last speaker), an office or description (`the ministry`, `the Deputy Prime
Minister`: the actor it fits best), or an unnamed source (`a senior official`). A
speaker the rules are not sure of is marked as a guess."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import regex

from .actors import FORMER, DraftActor, body_name, mentions, shared_spellings
from .names import (
    DEGREES,
    FUNCTION_WORDS,
    NAME_RE,
    PARTICLE,
    ROLE_NOUNS,
    UNNAMED,
    is_place,
    is_title,
    org_kind,
)
from .quotes import QuotedPassage
from .verbs import MEDIA_VERBS, SAYING

ABBREVIATIONS = (
    r"(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Prof|Gen|Col|Lt|Sgt|Capt|Rev|No|Inc|Ltd|Co|vs|\p{Lu}|"
    r"Sen|Rep|Gov|Supt|Insp|Det|Cllr|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|"
    r"Adm|Hon|Amb|Maj|Cmdr|Cdr|Brig|Cpl|Fr|Engr|"
    r"Ph\.D|M\.D|D\.Phil|M\.Sc|B\.Sc|B\.A|M\.A|LL\.M|J\.D)"
)
AUXILIARY = (
    r"(?:has|had|have|also|later|then|further|again|previously|reportedly|allegedly|was|were|"
    r"is|are|would|will|had been|has since|once|repeatedly|simply|bluntly|angrily|firmly|"
    r"publicly|privately|earlier|today|yesterday|tonight|last night|on \p{L}+day|"
    r"in a statement|separately|quickly|flatly|not|did not|didn’t|didn't|only|just)"
)
ROLES = "|".join(ROLE_NOUNS)
PERSON_NOUNS = frozenset(ROLE_NOUNS)


def _plural(noun: str) -> str:
    if noun.endswith("man"):
        return noun[:-3] + "men"  # spokesmen, fishermen
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"  # deputies
    return noun + ("es" if noun.endswith(("s", "sh", "ch", "x")) else "s")


PEOPLE_PLURALS = frozenset(_plural(noun) for noun in ROLE_NOUNS) | {
    "people", "relatives", "families", "members", "crew", "staff", "children", "men",
    "women", "locals", "officials", "residents", "survivors", "colleagues", "friends",
}  # fmt: skip
"""Words a report names a group of people by, who can say something together."""
GROUP_SUBJECT = regex.compile(
    r"\s*(?P<np>(?:(?i:the|their|his|her|its|our|some|several|many|most|all|both|two|three|"
    r"four|five|six|seven|eight|nine|ten|dozens\s+of|hundreds\s+of)|\d[\d,]*)\s+"
    r"(?:[\p{L}’'-]+\s+){0,3}?(?P<noun>\p{Ll}[\p{Ll}-]*)"
    r"(?:\s+(?:of|from|at|in|on)\s+(?:the\s+)?(?:[\p{Ll}-]+\s+)?\p{L}[\p{L}’'-]*)?"
    r"|(?P<noun>\p{Lu}\p{Ll}+)\s+(?:of|from|at|in|on)\s+(?:the\s+)?\p{L}[\p{L}’'-]*)"
    r"(?=[\s,])"
)
"""A sentence whose subject is a group of people: `Three students from Ostrevik ...`,
`The port's three pilots, all of whom ...`, `Relatives of the crew ...`."""
SPOKESPERSON = regex.compile(
    r"^(?i:a|an|the)\s+(?:(?:senior|chief|official|press|deputy)\s+)*"
    r"(?:(?:spokes(?:man|woman|person)|representative|statement)\s+(?:for|of|from)\s+"
    r"(?P<body>(?:the\s+)?\p{Lu}[^,;]*)"
    r"|(?P<body>\p{Lu}[\p{L}\p{Lu}&-]*(?:\s+(?:of\s+|for\s+|and\s+)?\p{Lu}[\p{L}&-]*){0,4})"
    r"\s+spokes(?:man|woman|person))$"
)
SPOKESPERSON_FOR = regex.compile(
    r"(?P<whose>[^,.;:]{2,60}?)[’']s\s+(?:official\s+|chief\s+|deputy\s+)?spokes\w+"
    r"|spokes\w+\s+(?:for|of)\s+(?P<whose>[^,.;:]{2,60}?)(?=\s+(?:said|says|told|"
    r"added|declined|did|has|had|was|is)\b|[,.;:])"
)
"""Whom a spokesperson speaks for: `the mayor's official spokesperson`, `a spokeswoman for
Mr X said`."""
BARE_SPOKESPERSON = regex.compile(
    r"(?i:a|an|the)\s+(?:(?:senior|chief|press|deputy)\s+)?"
    r"(?:spokes(?:man|woman|person)|representative)"
)
"""A spokesperson the article does not say whose."""
PRESS_SERVICE = regex.compile(
    r"(?i:the\s+)?(?i:press\s+(?:service|office))(?:\s+(?i:of|for)\s+(?P<body>(?i:the\s+)?\p{Lu}[^,.;:]*?))?"
    r"|(?i:the\s+)?(?P<body>\p{Lu}[\p{L}’'-]*(?:\s+(?:of\s+|for\s+)?\p{Lu}[\p{L}’'-]*){0,4})"
    r"\s+(?i:press\s+(?:service|office))"
)
"""`the press service (of X)`, `the X press office`: the body's own voice."""
INITIALISED = {
    "PM": "prime minister", "FM": "foreign minister", "DG": "director-general",
    "CS": "cabinet secretary", "AG": "attorney general", "SG": "secretary-general",
    "VP": "vice president", "CEO": "chief executive",
}  # fmt: skip
"""Offices a report names by their initials after the first mention (`the PM said`)."""
OFFICES = {
    "head of state": {"president", "king", "queen", "emir", "monarch", "sultan"},
    "head of government": {"prime", "premier", "chancellor", "taoiseach"},
    "leader": {"leader", "head", "president", "prime", "premier", "chancellor", "king",
               "queen", "emir", "monarch", "sultan", "taoiseach", "chairman", "chairwoman"},
    "diplomat": {"diplomat", "ambassador", "envoy", "consul", "foreign"},
    "monarch": {"king", "queen", "monarch", "emir", "sultan", "oba", "ooni", "alaafin"},
}  # fmt: skip
"""Offices a report names a person by after the first mention, and the titles they hold."""
BODIES = {
    "police": "police",
    "the police": "police",
    "prosecutors": "prosecut",
    "the prosecution": "prosecut",
    "the defence": "defence",
    "the court": "court",
}
"""Bodies a report names by their function: the force, service or court the article
names (`Nerrick Police`, `the Regional Prosecution Service`)."""
MALE = {"mr", "sir", "lord", "father", "brother"}
FEMALE = {"mrs", "ms", "miss", "dame", "lady", "sister"}
HONORIFICS = "|".join(sorted(MALE | FEMALE | {m.capitalize() for m in MALE | FEMALE}))
"""Honorifics that tell a person's sex, for the pronouns that refer to them."""
KIN = {
    "he": "son|husband|father|brother|grandfather|grandson|uncle|nephew|widower|boyfriend",
    "she": "daughter|wife|mother|sister|grandmother|granddaughter|aunt|niece|widow|girlfriend",
}
"""Words for relatives that tell a person's sex: `His daughter, Ana Ruiz,`."""
GENDERED_ROLES = {
    "he": frozenset(
        "spokesman chairman businessman congressman councilman alderman king prince actor "
        "mr sir lord".split()
    )
    | frozenset(KIN["he"].split("|")),
    "she": frozenset(
        "spokeswoman chairwoman businesswoman congresswoman councilwoman queen princess "
        "actress mrs ms miss dame lady madam mdm".split()
    )
    | frozenset(KIN["she"].split("|")),
}
"""Roles that tell a person's sex (`the spokeswoman, Ana Ruiz`)."""
ANONYMOUS = regex.compile(
    r"\b(?:(?:asked|wished|wishing|asking|requested|requesting)\s+not\s+to\s+be\s+"
    r"(?:named|identified)|declined\s+to\s+be\s+(?:named|identified)|"
    r"(?:on|under)\s+(?:the\s+)?condition\s+of\s+anonymity|requested\s+anonymity|"
    r"speaking\s+anonymously)\b",
    regex.IGNORECASE,
)
"""Words around a subject that say it is not named, whatever it names: `a friend of
Marrow's, who asked not to be named, said` is the friend."""
HEARSAY = regex.compile(
    r"(?<!\b(?:its|his|her|their|our|my)\s+(?:[\p{L}-]+\s+)?)"
    r"(?<!^\s*(?:in|with)\s+(?:(?:a|an|the)\s+(?:[\p{L}-]+\s+)?)?)"  # "said in a report that"
    r"(?P<np>(?:\b(?:a|an|the)\s+(?:[\p{L}-]+\s+)?)?"
    r"(?:complaints?|claims?|allegations?|accusations?|rumou?rs?|reports?|suggestions?))"
    r"\s+(?:that|of)\b[^“”«»„‘’\"]*$",
    regex.IGNORECASE,
)
"""Words someone else is said to have used, between a verb of saying and the quote: "a
single complaint that he was ‘…’" is the complaint's, not the speaker's ("its report
that", "said in a preliminary report that" are the speaker's own)."""
TELLING = regex.compile(
    r"told|asked|said|warned|promised|assured|insisted|replied|answered|explained|texted"
)
"""Verbs of one person telling another: `Marrow said a docker had told her that ...`."""
NAMED_AFTER = regex.compile(
    r"\s*(?:(?:Those|These|They)\s+(?:were|are)\s+the\s+words\s+of"
    r"|The\s+(?:[\p{Ll}-]+\s+){0,2}?(?:words|criticism|warning|plea|appeal|remarks?|"
    r"comments?|call|complaint|rebuke|admission|announcement|statement|message|verdict|"
    r"assessment|answer|reply|response|claim|question)\s+came\s+from"
    r"|(?:That|This|The)\s+(?:[\p{Ll}-]+\s+){0,2}?(?:voice|words|line)\s+(?:belongs|belonged)\s+to"
    r"|(?:That|This|Such)\s+(?:was|is)\s+the\s+(?:[\p{Ll}-]+\s+){0,2}?(?:verdict|view|"
    r"assessment|judge?ment|opinion|conclusion|warning|advice)\s+of"
    r"|The\s+\p{Ll}[^,.;:“”«»\"]{0,60}?\s+(?P<was>was|is)"
    r"|(?:That|This)\s+(?P<was>was|is)(?:\s+(?i:the|a|an)\s+[^,.;:“”«»\"]{1,80},)?)\s+",
)
"""The start of a paragraph that names who said the quote before it."""
IDENTIFIED = regex.compile(
    r"\b(?:The|This|That)\s+(?:[\p{Ll}-]+\s+){0,2}?(?P<noun>[\p{Ll}-]+)\s+"
    r"(?:was|has\s+been|had\s+been|is)\s+(?:later\s+|since\s+|subsequently\s+)?"
    r"(?:identified|named)\b[^.;]*?\bas\s+(?P<rest>[^.;]+)"
)
"""`The official was later identified by the embassy as ...`: who a description was."""
READ_OUT = regex.compile(
    r"\b(?:reads?|reading)\s+(?:it|them|out|aloud|from|(?:a|the|his|her|their)\s+"
    r"(?:\p{Ll}+\s+)?(?:letter|note|message|statement|post|poem|email|text))\b"
)
"""Someone reading out words that are another's: a letter, a note, a post."""
CIRCLE = regex.compile(
    r"(?:(?:some|several|many|other|senior|two|three|four)\s+)*"
    r"(?:sources|people|allies|aides|associates|insiders|those|relatives|colleagues|figures)"
    r"\s+(?:close\s+to|familiar\s+with|around|of|to|within|inside|near)\s",
    regex.IGNORECASE,
)
"""People around someone, unnamed: `Sources close to Veller said` are not Veller."""
FIRST_NAME_ONLY = regex.compile(
    r"(?P<who>\b(?:a|an|one|another)\s[^,]*?),?\s+(?:who\s+)?(?:gave|giving|gives)\s+"
    r"(?:only\s+)?(?:his|her|their)\s+(?:first\s+)?name(?:\s+only)?(?:\s+as|\s*,)\s*$",
    regex.IGNORECASE,
)
"""A speaker the article gives a first name only, which is not a name to draft an actor by."""
GIVEN_ONLY = regex.compile(
    r"\b(?:gave|giving|gives|give)\s+(?:only\s+)?(?:his|her|their)\s+(?:first\s+)?name"
    r"(?:\s+only)?(?:\s+as|\s*,)\s+(?P<name>\p{Lu}[\p{L}’'-]+)"
    r"|\b(?:named|identified|known)\s+only\s+as\s+(?P<name>\p{Lu}[\p{L}’'-]+)"
    r"|(?<![\p{L}’'-]\s)(?<![\p{L}’'-])(?P<name>\p{Lu}\p{Ll}+),\s+(?:a|an)\s[^,.;]{0,60}?"
    r"\b(?:declined|refused|asked\s+not|did\s+not\s+want)\s+to\s+(?:give|be\s+identified\s+by)\s+"
    r"(?:his|her|their)\s+(?:last|full|family|second)\s+name"
)
"""`who gave his name only as Tyrese`: a first name that is not a name to draft an actor by."""


AGED_FIRST_NAME = regex.compile(
    r"(?<!\p{Lu}[\p{L}’'.-]*\s)(?<![\p{L}’'-])(?P<name>\p{Lu}\p{Ll}+),\s+"
    r"(?:(?:aged\s+)?\d{1,3},|(?:a|an)\s+\d{1,3}-year-old\b)"
)
"""`said Greta, 67, who was evacuated`, `said Sorina, a 34-year-old nurse`: one name and an
age, as vox pops give them."""


CALLED_ONLY = regex.compile(
    r"\b(?:a|an)\s+(?:[\p{Ll}-]+\s+){1,3}?(?:called|named)\s+(?P<name>\p{Lu}[\p{Ll}’'-]+)"
    r"(?![\p{L}’'-]|\s+\p{Lu})"
)
"""`a shop assistant called Oksana`: a first name, all the article gives."""


def given_names_only(paragraphs: list[str]) -> set[str]:
    """The first names an article says are all a speaker gave (`GIVEN_ONLY`), and a name
    given alone with an age that the article never gives with another name or a title
    (`Greta, 67,`)."""
    found = {m.group("name") for text in paragraphs for m in GIVEN_ONLY.finditer(text)}
    found |= {m.group("name") for text in paragraphs for m in CALLED_ONLY.finditer(text)}
    text = "\n".join(paragraphs)
    for match in AGED_FIRST_NAME.finditer(text):
        name = regex.escape(match.group("name"))
        if not regex.search(rf"\b{name}\s+\p{{Lu}}|\p{{Lu}}[\p{{L}}’'.-]*\s+{name}\b", text):
            found.add(match.group("name"))
    return found


STATE_HEADS = frozenset("ministry department embassy government cabinet".split())
"""What "the ministry" may be: a body of the state."""
COMPANY_HEADS = frozenset(
    "company firm group bank airline operator business club team network broadcaster "
    "newspaper".split()
)
"""What "the company" may be: a body that is not the state's."""
INVERTED = r"(?:stood|stands|sat|sits|lay|lies|was|were|came|comes|waited|waits|walked)"
"""Verbs before their subject after a place (`Outside the gates stood Vera Holm`)."""
REMARKS_MADE = regex.compile(
    r"\s*(?P<np>[^.,;:]{3,120}?)\s+(?:made|delivered)\s+the\s+(?:remarks|comments|statement)\b"
)
"""`Spokesperson X made the remarks at a press briefing`: whose the words before were."""
REACHED = regex.compile(
    r"\s*(?i:when|after|once|as)\s[^,]{0,40}?"
    r"\b(?:reached|contacted|called|rang|phoned|asked|approached|interviewed)\s"
    r"[^.;:]{0,160},\s*(?=(?:he|she)\s)"
)
"""An opening clause in which someone was reached, before a pronoun: `When I reached X
by telephone, he ...`."""
FRONTED = (
    r"(?i:in|at|on|with|for|from|after|before|during|under|through|via|by|according|"
    r"speaking|asked|when|while|as|outside|inside|near|behind|beside|across|around|beyond|"
    r"later|earlier|afterwards|meanwhile|yesterday|today|tonight|nearby|elsewhere)\b"
)
"""How a sentence's opening phrase starts (`In a filing with the Exchange, ...`)."""
SEEN_BY = regex.compile(r"\b(?:seen|obtained|reviewed|reported|published|leaked)\s+(?:by|to)\s+$")
"""Who has a document without having written it: `a memo seen by the Ledger`."""
PAPERS = (
    "report|study|review|audit|survey|memo|paper|papers|analysis|bulletin|submission|"
    "ruling|judgment|judgement|guidance|assessment|update|briefing|notice|statement|release"
)
"""Documents that say things in a body's name: `the review says`, `its bulletin says`."""
DOCUMENTS = (
    "report|study|statement|letter|filing|review|audit|survey|memo|paper|analysis|inquiry|"
    "submission|ruling|judgment|judgement|response|reply|press release|note|post|website"
)
"""What a body or person writes, whose words are theirs: "the authority's own report"."""
TITLE_APPOSITION = regex.compile(rf",\s+(?=[^,]*\b(?i:{ROLES})\b)\p{{L}}[^,]*,\s*$")
"""A title after a name, between commas: `, Chief Executive Officer of Quellmark,`, `, chief
executive and chair of the board of Veltrana Foods,`."""
PAST_TENSE = (
    "met|made|took|gave|went|came|spoke|wrote|sent|held|left|brought|began|won|lost|"
    "paid|kept|led|read|rang|saw|sat|stood|told|thought|felt|found|became|broke|chose|"
    "drove|flew|fought|hit|put|ran|set|shook|shut|struck|swore|threw|hung|dismissed"
)
"""Common irregular verbs in the past tense (most take -ed): where a clause's subject ends."""
POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "their": "they", "its": "it"}
PRONOUNS = {"he", "she", "they", "it", "we", "i"}
THIRD_PERSON = {"he": r"\b(?:he|him|his|himself)\b", "she": r"\b(?:she|her|hers|herself)\b"}
OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they", "me": "i", "us": "we"}
AS_SAYING = (
    r"(?:saying|says|replying|telling|adding|writing|warning|arguing|insisting|claiming|"
    r"stating|remarking|declaring|describing|calling)"
)
"""`quoted X as replying`: the words after "as" that make X the speaker."""
VERB_RE = regex.compile(  # not "so-called", nor a noun: "the warning centre", "his claims"
    rf"(?<![\w-])(?<!\b(?i:the|a|an|this|that|its|his|her|their|our|your)\s+)(?:{SAYING})\b",
    regex.IGNORECASE,
)
ORG_HEADS = (
    "ministry|department|office|police|court|council|government|authority|agency|"
    "commission|committee|party|union|company|club|group|army|service|federation|"
    "board|bank|embassy|administration|prosecutors?|parliament|senate|regulator|firm|"
    "airline|operator|university|hospital|school|team|association|league|foundation|"
    "campaign|organisation|organization|institute|network|broadcaster|newspaper|"
    "centre|center|brigade|trust|charity|coalition|alliance|cabinet|station|museum|"
    "laboratory|lab|observatory|festival"
)


Resolved = tuple[DraftActor | None, str, bool]
"""(the actor, the article's words for a speaker it does not name, whether it is sure)."""


@dataclass
class Attribution:
    speaker: DraftActor | None = None
    via: DraftActor | None = None
    guess: bool = True
    words: str = ""  # the source's attribution, e.g. "Ilse Marrow told reporters"
    unnamed: str = ""  # how the article describes a speaker it does not name
    cue: bool = False  # the sentence attributes the quote (a verb of saying, "according to")


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence of `text` (quotes already blanked) holding [start, end). A full stop
    ends one unless it ends an abbreviation or a lower-case word follows it (`at 10 p.m.
    and was in his cabin`)."""
    left = start
    while left > 0:
        if text[left - 1] in ".!?" and text[left : left + 1] == " " and _ends(text, left - 1):
            break
        left -= 1
    right = max(start, end - 1)  # (a full stop put where a quote's marks close)
    while right < len(text):
        if (
            text[right] in ".!?"
            and (right + 1 == len(text) or text[right + 1] == " ")
            and _ends(text, right)
        ):
            break
        right += 1
    return left, min(len(text), right + 1)


def _ends(text: str, stop: int) -> bool:
    """Whether the full stop (or ! or ?) at `stop`, followed by a space, ends a sentence."""
    head = text[max(0, stop - 5) : stop].split(" ")[-1]
    if regex.fullmatch(ABBREVIATIONS, head):
        return False
    return not regex.match(r" \p{Ll}", text[stop + 1 : stop + 3])


REPORTING = (
    "told|tell|telling|phoned|rang|rung|called|wrote|written|texted|emailed|messaged|said|assured|"
    "promised|warned|insisted"
)
"""Verbs by which one person in reported speech gives another their words."""


DIALOGUE_LINE = 100
"""The longest paragraph taken for a line of dialogue, not a statement going on."""


class Reader:
    """Attribution of the quotes of one article, in order (it keeps the last speaker)."""

    def __init__(self, paragraphs: list[str], blanked: list[str], actors: list[DraftActor]):
        self.paragraphs = paragraphs
        self.blanked = blanked
        self.actors = actors
        self.last: Attribution | None = None
        self.before_last: Attribution | None = None  # the last other speaker
        self.last_text = ""
        self.last_paragraph = -10
        self.pronouns: dict[int, str] = {}
        self.spoken: Counter[int] = Counter()
        """How many quotes each actor (by id) was surely given so far."""
        """A person (by id) -> "he" or "she", as a sure "he said" of them gave it."""
        self.given_only = given_names_only(blanked)
        self.alone_now = False  # the quote just attributed is all its paragraph holds
        self.last_alone = False  # and so was the last one kept

    # --- noun phrases ---------------------------------------------------------------

    def _before(self, paragraph: int, position: int) -> str:
        return " ".join([*self.blanked[max(0, paragraph - 3) : paragraph],
                         self.blanked[paragraph][:position]])  # fmt: skip

    def resolve(self, phrase: str, paragraph: int, position: int) -> Resolved:
        """(actor, unnamed description, sure) for the noun phrase that said something."""
        phrase = phrase.strip(" ,;:—–-")
        phrase = regex.sub(r"^(?:but|and|yet|so|meanwhile|however|still|now),?\s+", "", phrase,
                           flags=regex.IGNORECASE)  # fmt: skip
        phrase = regex.sub(
            r"\s+(?:itself|himself|herself|themselves)$", "", phrase
        )  # "Oriel itself"
        if not phrase:
            return None, "", False
        short = regex.fullmatch(rf"(?i:the)\s+(?P<initials>{'|'.join(INITIALISED)})", phrase)
        if short:  # "the PM said": the prime minister
            phrase = "the " + INITIALISED[short.group("initials")]
        if phrase in self.given_only:  # "Tyrese told the Echo": the first name he gave only
            return None, phrase, True
        words = phrase.split()
        if (
            len(words) > 1 and words[-1] in self.given_only and words[-2][:1].islower()
            and not regex.fullmatch(PARTICLE, words[-2])  # not "de la Fuente"
        ):  # fmt: skip
            return None, phrase, True  # "His wife Michelle, 41, added": a first name only
        service = PRESS_SERVICE.fullmatch(phrase)
        whose = regex.fullmatch(r"(?P<service>[^,]+),\s*(?P<name>[^,]+?),?", phrase)
        if not service and whose and PRESS_SERVICE.fullmatch(whose.group("service").strip()):
            named = mentions(whose.group("name"), self.actors)  # "the press service of the
            if named:  # president, NAME": his, though it may be speaking for itself
                return named[0][2], "", False
        if service:  # "the press service of the Granite Hall", "the Velmar press office"
            actor, unnamed, sure = self._press_service(service.group("body"), paragraph, position)
            # a person's press service may be speaking for itself: for an editor to check
            return actor, unnamed, sure and (actor is None or actor.kind != "person")
        apposition = regex.fullmatch(
            r"(?i:the|a|an|his|her|its|their)\s[^,]+,\s*(?P<name>[^,]+)", phrase
        )
        if apposition:  # "the head of the chamber of commerce, Gisela Brandt": the name
            name = apposition.group("name")
            named = mentions(name, self.actors)
            if named and named[0][0] == 0 and named[0][1] == len(name):
                return named[0][2], "", True
        spokes = SPOKESPERSON.match(phrase)
        if spokes:  # "a spokesman for United Refuse Workers", "an ONR spokeswoman"
            body = spokes.group("body")
            known = mentions(body, self.actors)
            if known:
                return known[-1][2], "", True
            if not regex.fullmatch(r"(?:the\s+)?\p{Ll}.*", body):
                return self._new_actor(regex.sub(r"^the\s+", "", body), "organisation"), "", True
        lowered = phrase.lower()
        if lowered in BODIES:  # "Police said", "Prosecutors said": the force, the service
            found_body = self._described(BODIES[lowered], paragraph, position)
            return found_body if found_body[0] is not None else (None, phrase, True)
        document = regex.fullmatch(r"the (statement|post|letter|release|filing|notice)", lowered)
        if document:  # "the statement said": whoever the article says issued it
            issuer = self._issuer(document.group(1), paragraph, position)
            if issuer is not None:
                return issuer, "", True
            if self.last is not None and self.last.speaker is not None:
                return self.last.speaker, "", False
        paper = regex.fullmatch(rf"the\s+(?:\p{{Ll}}+\s+)?({PAPERS})", lowered)
        if paper:  # "the review says": whoever the article says wrote it, as a guess
            issuer = self._author_of(paper.group(1), paragraph, position)
            if issuer is not None:
                return issuer, "", False
        owned = regex.fullmatch(
            rf"(?P<owner>.+?)[’']s?\s+(?:\p{{Ll}}+\s+){{0,2}}(?:{PAPERS}|website|channel)",
            phrase,
            regex.IGNORECASE,
        )
        if owned:  # "the authority's latest bulletin", "the Government's own budget papers"
            owner = self.resolve(owned.group("owner"), paragraph, position)
            if owner[0] is not None and owner[0].kind != "media":
                return owner
        spokes_lower = regex.match(
            rf"^(?:a|an|the)\s+(?:spokes(?:man|woman|person)|representative)\s+(?:for|of|from)\s+"
            rf"the\s+(?P<head>{ORG_HEADS})$",
            lowered,
        )
        if spokes_lower:  # "a spokesperson for the council"
            return self._described(spokes_lower.group("head"), paragraph, position)
        for_role = regex.match(
            rf"^(?:a|an|the)\s+(?:spokes(?:man|woman|person)|representative)\s+(?:for|of)\s+"
            rf"the\s+(?P<head>{'|'.join(ROLE_NOUNS)})$",
            lowered,
        ) or regex.match(  # "the prime minister's official spokesman"
            rf"^the\s+(?:\p{{Ll}}+\s+)?(?P<head>{'|'.join(ROLE_NOUNS)})[’']s\s+"
            r"(?:(?:official|chief|deputy|press)\s+)*spokes(?:man|woman|person)$",
            lowered,
        )
        if for_role:  # "a spokesman for the minister": whom the article calls the minister
            found = self._described(for_role.group("head"), paragraph, position)
            if found[0] is not None and found[0].kind == "person":
                return found[0], "", False
        if BARE_SPOKESPERSON.fullmatch(phrase) and lowered.startswith("the "):
            # "the spokesman said": the one the article named so, or whom the last one it
            # described spoke for ("a spokeswoman for Mr X", "the mayor's spokesperson")
            earlier = self._earlier_spokesperson(phrase.split()[-1].lower(), paragraph, position)
            if earlier[0] is not None:
                return earlier
        if BARE_SPOKESPERSON.fullmatch(phrase):
            # "North Carrow Police closed the lane, a spokesperson said": the body the
            # sentence, or the one before, is about (a guess: the article does not say)
            body = self._spoken_for(paragraph, position)
            return (body, "", False) if body is not None else (None, phrase, False)
        firm = regex.fullmatch(
            r"(?i:analysts|economists|strategists|researchers)\s+(?:at|from)\s+(?P<org>.+)", phrase
        )
        if firm:  # "Analysts at Brightwater Securities said": the firm's note
            named = mentions(firm.group("org"), self.actors)
            if named and named[0][2].kind not in ("person", "media"):
                return named[0][2], "", True
        head = regex.split(r"\s+(?:at|of|from|for|in|on|with|close to)\s+", phrase)[0]
        if (
            head != phrase
            and head[:1].isupper()
            and (head.lower() in PEOPLE_PLURALS or head.endswith(("ers", "ians")))
        ):  # "Islanders on Inis Treabhair", "Residents of Carrow": the people, not the place
            return None, phrase, True
        if (
            regex.match(r"(?:a|an|one|two|three|several|some)\s", head, regex.I)
            and head.split()[-1][:1].islower()
            and head.split()[-1].lower() not in PRONOUNS
        ):
            return None, phrase, True  # "a pal of the star", "a senior party official"
        office_of = regex.match(
            rf"(?:the|its|his|her|their)\s+(?:[\p{{L}}-]+\s+){{0,2}}?(?P<head>{ROLES})\s+(?:of|for|at)\s",
            phrase,
            regex.IGNORECASE,
        )
        if office_of and not regex.search(r"\bhead of (?:state|government)\b", phrase, regex.I):
            # "the Chairman of the State Council": the chairman, not the council; the
            # office's own words tell two ministers apart ("of Agriculture")
            titles = {w.lower() for w in phrase.split() if is_title(w) or w[:1].isupper()}
            return self._described(office_of.group("head").lower(), paragraph, position, titles)
        someone = regex.fullmatch(r"(?i:the)\s+(?P<head>person|source|insider|man|woman)", phrase)
        if someone:  # "the person said": the one described before, named or not
            return self._described(someone.group("head").lower(), paragraph, position)
        office_word = regex.match(
            r"(?i:the)\s+(?P<office>presidential|ministerial|mayoral|royal)\s+"
            r"(?:decree|statement|office|press\s+service|administration|palace|order|spokes\w+)",
            phrase,
        )
        if office_word:  # "the presidential decree says": the president's words
            adjective = office_word.group("office").lower()
            head = "king" if adjective == "royal" else adjective[:-2].rstrip("i")
            found = self._described(head, paragraph, position)
            if found[0] is not None:
                return found[0], "", False
        if CIRCLE.match(phrase) and not VERB_RE.search(phrase):
            return None, phrase, True
        found = [m for m in mentions(phrase, self.actors) if not _possessive(phrase, m[1])]
        office = regex.match(rf"(.+?)[’']s?\s+(?:{ORG_HEADS})$", phrase)
        if not found and office and mentions(office.group(1), self.actors):
            return mentions(office.group(1), self.actors)[-1][2], "", False  # "Halm's office"
        theirs = regex.match(rf"(its|his|her|their)\s+(?:\p{{Ll}}+\s+){{0,2}}(?:{DOCUMENTS})$",
                             phrase.strip(), regex.IGNORECASE)  # fmt: skip
        if theirs:  # "its report": whoever "it" is
            owner = POSSESSIVE_PRONOUNS[theirs.group(1).lower()]
            return self._pronoun(owner, paragraph, position)
        document = regex.match(
            rf"(.+?)[’']s?\s+(?:\p{{Ll}}+\s+){{0,2}}(?:{DOCUMENTS})(?:\s+(?:to|for|on|about)\s.*)?$",
            phrase.strip(),
        )
        if document and mentions(document.group(1), self.actors):
            # "the authority's own report": who wrote it
            return mentions(document.group(1), self.actors)[-1][2], "", True
        if found:
            # "Detective Constable Raj Pellow of Wendlemoor Police": the person, not the
            # force (a name that runs over "of", `Bank of Ardmore`, is one mention)
            own = [m for m in found if m[1] == len(head) and m[2].kind == "person"
                   and len(phrase[m[0] : m[1]].split()) > 1]  # fmt: skip
            start, end, actor = (own or found)[-1]
            # "Mr Tan" of two Tans, "Vellacott-Amadi" of two sisters: one of them, a guess
            return actor, "", phrase[start:end] not in shared_spellings(self.actors)
        words = phrase.split()
        alone = regex.fullmatch(r"[^\p{L}]*(\p{Lu}[\p{L}’'-]+)", phrase)
        single = alone.group(1) if alone else None
        short = [a for a in self.actors if a.kind not in ("person", "media")
                 and single and " " not in single and len(a.name.split()) > 1
                 and a.name.split()[0] == single]  # fmt: skip
        if len(short) == 1:  # "Miravel said": Miravel Infrastructure Partners
            short[0].add_name(single)
            return short[0], "", True
        last = words[-1].lower()
        if len(words) == 1 and last in OBJECT_PRONOUNS:  # "quoted him as saying"
            last = OBJECT_PRONOUNS[last]
        if last in PRONOUNS:
            return self._pronoun(last, paragraph, position)
        if UNNAMED.search(phrase) and not regex.search(r"\bthe\b", phrase.split(",")[0]):
            return None, phrase, True
        name = _trailing_name(phrase)
        if name and len(name.split()) == 1 and UNNAMED.search(name.lower()):
            return None, phrase, True  # "Neighbors told the station"
        if name and (is_place(name) or self._country(name)):
            return None, "", False  # "residents of Juniper Close": a place, not a speaker
        if name and (len(name.split()) > 1 or phrase.strip() == name):
            actor = self._new_actor(name)
            return actor, "", len(name.split()) > 1 and phrase.strip() == name
        aged = regex.search(r"\bthe (\d{1,3})-year-old\b", phrase, regex.IGNORECASE)
        if aged:  # "the 34-year-old said": the person the article gave that age
            before = mentions(self._before(paragraph, position), self.actors)
            same = [a for _, _, a in reversed(before) if int(aged.group(1)) in a.ages]
            if same:
                return same[0], "", len(set(same)) == 1
            left, _ = sentence_bounds(self.blanked[paragraph], position, position)
            subject = self._previous_subject(paragraph, left, people=True)
            if isinstance(subject, DraftActor) and not subject.ages:
                return subject, "", False  # the person the article was about, as a guess
        owned_role = regex.fullmatch(
            rf"(?P<place>\p{{Lu}}[\p{{L}}-]+)[’']s\s+(?:\p{{Ll}}[\p{{L}}-]*\s+){{0,2}}?"
            rf"(?P<head>{'|'.join(ROLE_NOUNS)})",
            phrase,
        )
        if owned_role and not mentions(owned_role.group("place"), self.actors):
            # "Meridana's president": whom the article calls the president
            found = self._described(owned_role.group("head").lower(), paragraph, position)
            if found[0] is not None:
                return found
        office = regex.search(r"\b(?:the|its|his|her|their)\s+(head of (?:state|government))\b",
                              phrase, regex.IGNORECASE)  # fmt: skip
        if office:
            return self._described(office.group(1).lower(), paragraph, position)
        role = regex.search(
            rf"\b(?:the|its|his|her|their)\s+(?:[\p{{L}}’'-]+\s+){{0,3}}?"
            rf"(?P<head>(?:\p{{L}}+-)*(?:{ORG_HEADS}|{'|'.join(ROLE_NOUNS)}))s?"
            r"(?:\s+(?:of|for|at)\s+(?:the\s+)?[\p{L}’' -]+)?$",
            phrase,
            regex.IGNORECASE,
        )
        if role:  # "the Morvanian leader": the one of the two leaders who is Morvanian
            head = role.group("head").lower()
            introduced = list(regex.finditer(
                rf"\b(?i:a|an|one|another)\s+(?:[\p{{Ll}}-]+\s+){{0,3}}{regex.escape(head)}\b",
                self.blanked[paragraph][:position],
            ))  # fmt: skip
            text = self.blanked[paragraph]
            apposed = (
                bool(introduced)
                and any(  # "Families of the Fleet, a group of ...,"
                    regex.fullmatch(r",\s*", text[end : introduced[-1].start()])
                    for _, end, _ in mentions(text[: introduced[-1].start()], self.actors)
                )
            )
            if (
                introduced
                and phrase.lower().startswith("the ")
                and not apposed
                and not mentions(text[introduced[-1].start() : position], self.actors)
            ):  # "One western diplomat was blunter. “…,” the diplomat said.": that one
                return None, introduced[-1].group(0), True
            titles = {w.lower() for w in phrase.split() if is_title(w) or w[:1].isupper()}
            found = self._described(role.group("head").lower(), paragraph, position, titles)
            named = regex.fullmatch(
                rf"(?i:the)\s+(?P<name>(?:\p{{Ll}}[\p{{L}}-]*\s+){{1,2}}(?:{'|'.join(STATE_HEADS)}))",
                phrase.strip(),
            )
            if found[0] is None and named:  # "the defence ministry said": a body, as named
                body = self._new_actor(body_name(named.group("name")), "government-body")
                body.add_name(named.group("name"))
                return body, "", True
            return found
        if UNNAMED.search(phrase):
            return None, phrase, True
        return None, "", False

    def _earlier_spokesperson(self, noun: str, paragraph: int, position: int) -> Resolved:
        """Who "the spokesman" is: the person the article gave that role, else whom the
        last spokesperson it mentioned speaks for, as a guess (the article does not say
        it is the same one)."""
        named = self._described(noun, paragraph, position)
        if named[0] is not None and named[0].kind == "person" and noun in named[0].roles:
            return named
        text = self._before(paragraph, position)
        found = list(SPOKESPERSON_FOR.finditer(text))
        if not found:
            return None, "", False
        last = found[-1]
        whose = regex.sub(r"^.*\b(?:that|and|but|,)\s+", "", last.group("whose").strip())
        actor, _, _ = self.resolve(whose, paragraph, position - len(text) + last.start("whose"))
        return (actor, "", False) if actor is not None else (None, "", False)

    def _spoken_for(self, paragraph: int, position: int) -> DraftActor | None:
        """The body a spokesperson the article does not name speaks for: the first one
        named in the sentence up to `position`, else in the sentence before."""
        text = self.blanked[paragraph]
        left, _ = sentence_bounds(text, position, position)
        for sentence in (text[left:position], self._sentence_before(paragraph, left)):
            bodies = [
                actor
                for _, end, actor in mentions(sentence, self.actors)
                if actor.kind not in ("person", "media") and not _possessive(sentence, end)
            ]
            if bodies:
                return bodies[0]
        return None

    def _press_service(self, body: str | None, paragraph: int, position: int) -> Resolved:
        """A press service speaks for its body: the one it names, else the one the article
        last named with a press service (`according to the Granite Hall press service`)."""
        if body is None:
            named = list(PRESS_SERVICE.finditer(self._before(paragraph, position)))
            body = next((m.group("body") for m in reversed(named) if m.group("body")), None)
            if body is None:
                return None, "the press service", False
        body = regex.sub(r"^(?i:the)\s+|[’']s$", "", body.strip())  # "the Legion's press service"
        office = regex.match(rf"(?P<head>{ROLES})\s+of\s+(?:the\s+)?", body, regex.IGNORECASE)
        if office:  # "the press service of the President of Kestrava": that president
            titles = {w.lower() for w in regex.findall(r"\p{Lu}[\p{L}-]*", body)}
            found = self._described(office.group("head").lower(), paragraph, position, titles)
            if found[0] is not None and found[0].kind == "person":
                return found
        known = mentions(body, self.actors)
        if known:
            return known[-1][2], "", True
        if body[:1].isupper():
            return self._new_actor(body, org_kind(body) or "organisation"), "", True
        return None, "", False

    def _issuer(self, document: str, paragraph: int, position: int) -> DraftActor | None:
        """Who issued the statement (post, letter) a sentence mentions: the first actor
        named in the last sentence before `position` that mentions one."""
        text = self._before(paragraph, position)
        found = list(regex.finditer(rf"\b{document}\b", text, regex.IGNORECASE))
        for match in reversed(found):
            start, end = sentence_bounds(text, match.start(), match.end())
            named = [m for m in mentions(text[start:end], self.actors)
                     if not _possessive(text[start:end], m[1])]  # fmt: skip
            if named:
                return named[0][2]
        return None

    def _author_of(self, paper: str, paragraph: int, position: int) -> DraftActor | None:
        """Whose the report (review, memo) is: the body named as its owner the last time the
        article mentions one (`the Water Regulator's annual review`, `a review by X`),
        else the issuer of the last one; never an outlet that saw it."""
        text = self._before(paragraph, position)
        owned = list(regex.finditer(
            rf"[’']s?\s+(?:[\p{{L}}-]+\s+){{0,3}}?{paper}\b|\b{paper}\s+(?:by|from|of)\s+",
            text,
            regex.IGNORECASE,
        ))  # fmt: skip
        for match in reversed(owned):
            if text[match.start()] in "’'":
                named = [m for m in mentions(text[: match.start()], self.actors)
                         if m[1] == match.start()]  # fmt: skip
            else:
                named = [m for m in mentions(text[match.end() : match.end() + 80], self.actors)
                         if m[0] <= 4]  # fmt: skip
            if named and named[-1][2].kind != "media":
                return named[-1][2]
        for match in reversed(list(regex.finditer(rf"\b{paper}\b", text, regex.IGNORECASE))):
            start, end = sentence_bounds(text, match.start(), match.end())
            sentence = text[start:end]
            named = [m[2] for m in mentions(sentence, self.actors)
                     if not _possessive(sentence, m[1]) and m[2].kind != "media"
                     and not SEEN_BY.search(sentence[: m[0]])]  # fmt: skip
            if named:
                return named[0]
        return None

    def _country(self, name: str) -> bool:
        """A one-word name the article also makes an adjective of (`Sarnova` beside
        `Sarnovan`, `Ostra` beside `Ostran`): a country's or a city's, not a person's."""
        if " " in name or len(name) < 4:
            return False
        stems = {name, name[:-1]}
        forms = "|".join(
            regex.escape(form)
            for form in {s + e for s in stems for e in ("n", "an", "ian", "ese")} - {name}
        )
        pattern = regex.compile(rf"(?<![\p{{L}}’'-])(?:{forms})(?![\p{{L}}])")
        return any(pattern.search(text) for text in self.blanked)

    def _new_actor(self, name: str, kind: str | None = None) -> DraftActor:
        for actor in self.actors:
            if name in actor.names():
                return actor
        for actor in self.actors:
            if actor.kind == "person" and actor.surname == name:
                actor.add_name(name)  # the surname alone, after the first mention
                return actor
        actor = DraftActor(name, kind or org_kind(name) or "person")
        self.actors.append(actor)
        return actor

    def _pronoun(self, word: str, paragraph: int, position: int) -> Resolved:
        people = word in ("he", "she", "i")
        # the sentence's own subject: "Marrow rejected the claim, and she said ..."
        left, _ = sentence_bounds(self.blanked[paragraph], position, position)
        head = self.blanked[paragraph][left:position]
        # its subject: a name, after capitalised words or a title ("Opposition leader X")
        subject = regex.match(rf"\s*(?:(?:\p{{Lu}}\p{{Ll}}+|(?:{ROLES}))\s+){{0,3}}", head)
        own = [m for m in mentions(head, self.actors) if m[0] <= (subject.end() if subject else 0)]
        said_so = regex.search(rf"(?r)\s(?:{SAYING})\s+(?:that\s+)?{word}\b", head)
        sayer = mentions(head[: said_so.start()], self.actors) if said_so and people else []
        if sayer and not head[sayer[-1][1] : said_so.start()].strip(" ,"):
            # "Morganthal-Diaz said she had told Hoyer ...": the one who said so
            actor = sayer[-1][2]
            if actor.kind == "person" and self._fits(word, actor):
                return actor, "", id(actor) in self.pronouns
        if own and (own[0][2].kind == "person") == people and self._fits(word, own[0][2]):
            return own[0][2], "", True
        reached = REACHED.match(head)
        if reached and people:
            # "When I reached Petru Halmagyi by telephone, he would say only that ...": the
            # one the opening clause reached
            fitting = [m[2] for m in mentions(reached.group(0), self.actors)
                       if m[2].kind == "person" and self._fits(word, m[2])
                       and not _possessive(reached.group(0), m[1])]  # fmt: skip
            if len(set(map(id, fitting))) == 1:
                return fitting[0], "", True
        answer = self._answerer(word, paragraph, left)
        if answer is not None:
            return answer, "", False
        # who the paragraph reported as saying something; the sentence before's subject;
        # who the paragraph before reported: likely, certain when also the last speaker
        for found in (
            self._earlier_sayer(paragraph, self.blanked[paragraph][:left], people),
            self._previous_subject(paragraph, left, people, plural=word == "they"),
            self._earlier_sayer(paragraph - 1, self.blanked[paragraph - 1], people)
            if paragraph > 0 else None,
        ):  # fmt: skip
            if isinstance(found, str):
                return None, found, False  # someone the article does not name
            if found is not None and self._fits(word, found):
                # sure when also the last speaker, and that one was not a guess itself
                sure = self.last is not None and found is self.last.speaker and not self.last.guess
                return found, "", sure
        last = self.last
        recent = last is not None and paragraph - self.last_paragraph <= 2
        if (
            recent
            and last.speaker is not None
            and ((last.speaker.kind == "person") == people or word == "they")
        ):
            # sure unless someone the reader cannot name spoke since ("The minister, for
            # his part, told the agency ...") or the pronoun does not fit ("she", "Mr X")
            spoke = VERB_RE.search(self._sentence_before(paragraph, left))
            if self._fits(word, last.speaker):
                # unsure when the last speaker's own words speak of a "she" ("I married
                # her knowing ..."): the pronoun may be hers
                other_one = THIRD_PERSON.get(word)
                spoken_of = bool(other_one and regex.search(other_one, self.last_text, regex.I))
                # "they" is seldom one person the article names: a group, a body it did not
                # take for one (`Corvell Estates did not answer. “…,” they said`)
                one = word == "they" and last.speaker.kind == "person"
                return last.speaker, "", not spoke and not spoken_of and not one
            # "Ms Ruiz told Mr Lind ... quoted him as replying": who the sentence before
            # names that the pronoun fits
            near = self._sentence_before(paragraph, left) + " " + head
            fitting = self._last_fitting(near, word, last.speaker)
            if fitting is not None:
                return fitting, "", False
            topic = self._topic()
            if topic is not None and topic is not last.speaker and self._fits(word, topic):
                return topic, "", False  # whom the article is about: a guess
            other = self.before_last.speaker if self.before_last else None
            if other is not None and other.kind == "person" and self._fits(word, other):
                return other, "", False  # the speaker before: a guess
            # else the last person named before who fits: a guess too
            earlier = self._last_fitting(self._before(paragraph, position), word, last.speaker)
            return (earlier or last.speaker), "", False
        before = mentions(self._before(paragraph, position), self.actors)
        wanted = [a for _, _, a in reversed(before)
                  if (a.kind == "person") == people and self._fits(word, a)]  # fmt: skip
        return (wanted[0] if wanted else None), "", False

    def _topic(self) -> DraftActor | None:
        """The person the article is about: the subject of its first paragraph (`Odette
        X, who has died aged 87, presented ...`), whom a "she" with no one nearer means."""
        for text in [text for text in self.blanked if text.strip()][:3]:
            named = mentions(text[:80], self.actors)
            if named:  # the first paragraph that names anyone (not a date line)
                first = named[0]
                whole = first[2].kind == "person" and not text[: first[0]].strip()
                return first[2] if whole else None
        return None

    def _answerer(self, word: str, paragraph: int, left: int) -> DraftActor | None:
        """After a question someone `asked him` (`‘Is that your best?’ one reporter asked
        him.`), or one that "he asked" when the answer is what "she said", the answer is
        the one asked: the speaker before the one who asked."""
        last, other = self.last, self.before_last
        if last is None or not self.last_text.rstrip().endswith("?"):
            return None
        if paragraph - self.last_paragraph > 1:
            return None
        asked = regex.search(r"\basked\s+(him|her)\b", self._sentence_before(paragraph, left))
        asker = regex.match(r"\W*(he|she)\b", last.words, regex.IGNORECASE)
        put_to = asked is not None and OBJECT_PRONOUNS[asked.group(1).lower()] == word
        other_sex = asker is not None and word in ("he", "she") and asker.group(1).lower() != word
        if not (put_to or other_sex):
            return None
        if other is not None and other.speaker is not None and other.speaker is not last.speaker:
            return other.speaker if self._fits(word, other.speaker) else None
        # no one spoke before the question: the one it was put to, named just before
        if last.speaker is None:
            return None
        return self._last_fitting(self._before(paragraph, left), word, last.speaker)

    def _last_fitting(self, text: str, pronoun: str, but: DraftActor) -> DraftActor | None:
        """The last person `text` names, other than `but`, whom `pronoun` fits."""
        return next(
            (a for _, _, a in reversed(mentions(text, self.actors))
             if a.kind == "person" and a is not but and self._fits(pronoun, a)),
            None,
        )  # fmt: skip

    def _sentence_before(self, paragraph: int, left: int) -> str:
        """The sentence before the one starting at `left` (in the paragraph before, for
        the first sentence of a paragraph)."""
        text = self.blanked[paragraph][:left].rstrip()
        if not text and paragraph > 0:
            text = self.blanked[paragraph - 1].rstrip()
        if not text:
            return ""
        start, _ = sentence_bounds(text, len(text) - 1, len(text) - 1)
        return text[start:]

    def _fits(self, pronoun: str, actor: DraftActor) -> bool:
        """Whether `he` or `she` can be `actor`: not when the article gives them an
        honorific of the other sex (`Mr Pellow` for "she") or said "he said" of them."""
        if pronoun not in ("he", "she") or actor.kind != "person":
            return True
        if self.pronouns.get(id(actor), pronoun) != pronoun:
            return False  # the article said "he said" of them
        text = " ".join(self.blanked)
        surname = regex.escape(actor.surname)
        if any(a is not actor and a.kind == "person" and a.surname == actor.surname
               for a in self.actors):  # fmt: skip
            # "his sister, Aoife O’Rourke-Finch" says nothing of Callum O’Rourke-Finch
            surname = regex.escape(actor.name)
        found = {
            m.lower()
            for m in regex.findall(
                rf"\b({HONORIFICS})\.?\s+(?:\p{{Lu}}[\p{{L}}.’'-]*\s+){{0,2}}{surname}\b", text
            )
        }
        other = FEMALE if pronoun == "he" else MALE
        if found & other:
            return False
        if actor.roles & GENDERED_ROLES["she" if pronoun == "he" else "he"]:
            return False  # "the spokeswoman, X" is not "he"
        named_so = regex.search(  # "He is her press officer, Callum Reyes, and ..."
            rf"\b(?P<pronoun>He|She)\s+(?:is|was)\s+(?:[^.,;]{{1,60}},\s+)?"
            rf"(?:\p{{Lu}}[\p{{L}}’'-]*\s+){{0,2}}{surname}\b",
            text,
        )
        if named_so and named_so.group("pronoun").lower() != pronoun:
            return False
        kin = KIN["she" if pronoun == "he" else "he"]
        return not regex.search(  # "His daughter, Rosalind Pike," / "Pike, his daughter,"
            rf"(?i:\b(?:{kin}))\b,?\s+(?:\p{{Lu}}[\p{{L}}’'-]*\s+){{0,2}}{surname}\b"
            rf"|\b{surname},\s+(?i:(?:his|her|their|the)\s+(?:[\p{{L}}-]+\s+)?(?:{kin}))\b",
            text,
        )

    def _earlier_sayer(self, paragraph: int, text: str, people: bool) -> DraftActor | str | None:
        """Who `text` (a paragraph, or its part before a pronoun) last reported as saying
        something: `Annika Brell said 40 staff were working`, `..., said Dr Ewa Lind`; or
        how it describes a speaker it does not name (`a waiter ... said`)."""
        for verb in reversed(list(VERB_RE.finditer(text))):
            start, end = sentence_bounds(text, verb.start(), verb.end())
            sentence = text[start:end]
            shifted = _Shifted(verb, -start)
            whole = len(sentence)
            found = self._verb_subject(sentence, shifted, whole, whole, paragraph, start)
            if found is None and regex.search(r",\s*$", sentence[: shifted.start()]):
                found = self._inverted(sentence, shifted, paragraph, start)
            if found is not None and found.speaker is None and found.unnamed and not found.guess:
                return found.unnamed  # "a waiter who gave his name only as Tiago said ..."
            if found is None or found.speaker is None or found.guess:
                continue
            if regex.match(r"(?:he|she|they|it|we|i)\b", found.words, regex.I) or regex.search(
                r"(?<!\p{L})(?:he|she|they|it|we|i)\s+(?:\p{Ll}+\s+)?\p{Ll}+$", found.words, regex.I
            ):
                continue  # a pronoun itself ("in her last week she had asked"): nothing new
            spokesperson = bool(SPOKESPERSON.match(found.words.rsplit(" ", 1)[0]))
            if (found.speaker.kind == "person") == people or (people and spokesperson):
                return found.speaker
        return None

    def _previous_subject(
        self, paragraph: int, left: int, people: bool, plural: bool = False
    ) -> DraftActor | str | None:
        """The subject of the sentence before: the first actor it names, not as a
        possessive (`Graham Pettifer, who lives there, said his neighbour ...`); through
        sentences that open with a pronoun themselves, up to three back. A person it
        describes and does not name (`Her brother`) is that description; for `plural`
        ("they"), so is a group of people (`Three students from Ostrevik`)."""
        for _ in range(3):
            text = self.blanked[paragraph]
            if left <= 1:
                if paragraph == 0 or not self.blanked[paragraph - 1].strip():
                    return None
                paragraph -= 1
                text = self.blanked[paragraph].rstrip()
                left = len(text)
            start, _ = sentence_bounds(text, max(0, left - 2), max(0, left - 2))
            sentence = text[start:left]
            if regex.match(r"\s*(?:he|she|they|it|i|we)\b", sentence, regex.I) or regex.search(
                rf",\s*(?:he|she|they)\s+(?:{SAYING})(?:\W*$|,)", sentence, regex.I
            ):  # "She said she had not slept.", "Dockers will be paid, he said.", "His
                # father, he said, had sailed all his life.": the
                left = start  # sentence before that
                continue
            named = mentions(sentence, self.actors)
            group = GROUP_SUBJECT.match(sentence) if plural else None
            if (
                group and group.group("noun") in PEOPLE_PLURALS
                and not any(begin < group.end("np") for begin, _, _ in named)
            ):  # fmt: skip
                return group.group("np").strip()
            described = regex.match(  # "(On Wednesday,) the prime minister was ..."
                rf"\s*(?:{FRONTED}[^,]{{0,40}},\s*)?[Tt]he\s+(?:\p{{Ll}}[\p{{L}}-]*\s+)?"
                rf"({'|'.join(ROLE_NOUNS)})\b(?![’']s\b)",  # not "The president's spokesman"
                sentence,
            )
            if described and people and (not named or named[0][0] > described.end()):
                # "The judge refused bail.": the person the article described so
                actor = self._described(described.group(1).lower(), paragraph, start)[0]
                if actor is not None and actor.kind == "person":
                    return actor
            # the subject comes after the phrases that open the sentence ("In a video
            # filmed in ..., flanked by two of his commanders, Tahirov repeated ...")
            opening = regex.match(
                rf"\s*(?:(?:{FRONTED}|\p{{Ll}}+ed\b)(?![^,]*\b{INVERTED}\b)[^,]{{0,100}},\s*)+",
                sentence,
            )  # (not "Outside the gates stood Vera Holm, 71,": the subject after its verb)
            someone = regex.compile(
                r"\s*(?P<np>(?:A|An|Another|One|His|Her|Their|a|an|another|one|his|her|their)"
                rf"\s+(?:[\p{{Ll}}-]+\s+){{0,2}}?(?P<noun>{ROLES}))(?=,|\s)"
            ).match(sentence, opening.end() if opening else 0)
            if someone and not opening and someone.group("np")[:1].islower():
                someone = None  # in lower case only after an opening phrase
            if (
                someone and people
                and not any(begin < someone.start("np") + 80 for begin, _, _ in named)
            ):  # fmt: skip
                # "Another neighbour, who gave his name only as Kev, lent ...": not named
                return someone.group("np")
            given = regex.match(
                # a comma before "who": not "Dockers who"
                r"\s*(?P<np>(?:\p{L}[\p{L}-]*-year-old\s+)?\p{Lu}\p{Ll}+)(?=,\s+who\b|,\s+\d{1,3},)",
                sentence,
            )
            if given and people and not any(begin < given.end() for begin, _, _ in named):
                return given.group("np")  # "Eleven-year-old Mia, who ...": a first name only
            reach = 80 + (opening.end() if opening else 0)
            for index, (begin, end, actor) in enumerate(named):
                if begin > reach:
                    break
                if opening and begin < opening.end():
                    continue  # a name inside the opening phrase is not the subject
                if _possessive(sentence, end):
                    continue
                # a preposition in the name's own clause makes it an object ("Asked whether
                # Veller would ..."); one in a clause before a comma does not ("Honoured
                # Irrigator of the Republic, veteran Oqila Rahmonova, ...")
                clause = sentence.rfind(",", 0, begin) + 1
                if regex.search(
                    r"(?<![\p{L}-])(?:whether|if|that|with|to|by|of|for|asked)(?![\p{L}-])",
                    sentence[clause:begin],
                    regex.I,
                ):
                    # "A spokeswoman for Ørnvik, Mette Kval-Oduya, declined ...": the name
                    # in apposition is the subject
                    after = named[index + 1] if index + 1 < len(named) else None
                    if (
                        after is not None
                        and regex.fullmatch(r",\s*", sentence[end : after[0]])
                        and regex.match(r"\s*,", sentence[after[1] :])
                        and (after[2].kind == "person") == people
                    ):
                        return after[2]
                    break
                return actor if (actor.kind == "person") == people else None
            return None
        return None

    def _described(
        self, head: str, paragraph: int, position: int, titles: set[str] | None = None
    ) -> Resolved:
        """`the ministry`, `the spokeswoman`, `the Deputy Prime Minister`: the actor that
        fits best (most of the title's words), the last mentioned among equals; sure when
        only one fits."""
        before = mentions(self._before(paragraph, position), self.actors)
        candidates = [a for _, _, a in reversed(before)] + [
            a for a in self.actors if a not in {m[2] for m in before}
        ]
        heads = OFFICES.get(head, {head, head.rstrip("s")})
        body = bool(regex.fullmatch(ORG_HEADS, head)) or head in BODIES.values()
        fitting = [
            actor for actor in candidates
            if heads & actor.roles
            or (body and actor.kind != "person"
                and any(w.lower().startswith(h) for n in actor.names() for w in n.split()
                        for h in heads))
        ]  # fmt: skip
        current = [a for a in fitting if FORMER not in a.roles]
        if (titles or set()) & {"former", "then"}:
            # "the former general": not the general in office now
            fitting = [a for a in fitting if FORMER in a.roles]
        elif current and len(current) < len(fitting):
            fitting = current  # "the minister": not the one described as "the then minister"
        if fitting:
            score = {id(a): len((titles or set()) & a.roles) for a in fitting}
            best = max(score.values())
            top = [a for a in fitting if score[id(a)] == best]
            if len(set(map(id, top))) > 1 and head in OFFICES:
                # "the head of state noted" of two presidents: the one the article quotes
                # most so far (state media's own), as a guess
                top.sort(key=lambda a: -self.spoken[id(a)])
            return top[0], "", len(set(map(id, top))) == 1
        if body:  # "the company": the organisation the article names most as a subject
            # (not after "with the", "to the": `a filing with the Stock Exchange`)
            bodies = [a for a in candidates if a.kind != "person" and a.kind != "media"]
            if head in COMPANY_HEADS:  # "the company" is not the ministry
                bodies = [a for a in bodies if a.kind != "government-body"] or bodies
            if head in STATE_HEADS:  # nor is "the ministry" a party or a company
                bodies = [a for a in bodies if a.kind == "government-body"]
            if bodies:
                text = " ".join(self.blanked)
                after = regex.compile(r"\b(?:in|on|at|with|to|from|by|for|of|into)\s+(?:the\s+)?$")
                counts = {id(a): sum(not after.search(text[max(0, m[0] - 12) : m[0]])
                                     for m in mentions(text, [a])) for a in bodies}  # fmt: skip
                best = max(bodies, key=lambda a: counts[id(a)])
                return best, "", False
        former = "former " if (titles or set()) & {"former", "then"} else ""
        return None, f"the {former}{head}", False  # described, never named: an unnamed source

    # --- verbs around a quote ---------------------------------------------------------

    def attribute(self, passage: QuotedPassage) -> Attribution:
        result = self._attribute(passage)
        self.alone_now = self._alone(passage)
        if result.speaker is not None and not result.guess and self._spoken_of(passage, result):
            result.guess = True
        if result.speaker is None and result.unnamed:
            named = (
                self._named_later(result.unnamed)
                or self._identified(passage.last.paragraph)
                or self._named_after_lede(result.unnamed, passage.last.paragraph)
            )
            if named is not None:
                result.speaker, result.unnamed, result.guess = named, "", True
        return result

    def _named_later(self, description: str) -> DraftActor | None:
        """The person a speaker described and not named (`a retired teacher who was
        travelling with ...`) is named by the same description elsewhere in the article:
        `The retired teacher, Ingeborg Falck, 71, said ...`; a guess."""
        core = regex.match(
            r"(?i:a|an)\s+(?P<words>(?:[\p{Ll}-]+\s+){0,2}[\p{Ll}-]+)(?=\s+(?:who|whose|of|from|at|in|on|with)\b|,|$)",
            description.strip(),
        )
        if core is None or core.group("words").split()[-1] not in PERSON_NOUNS:
            return None
        words = r"\s+".join(map(regex.escape, core.group("words").split()))
        text = "\n".join(self.blanked)
        for found in regex.finditer(rf"\b(?i:the)\s+{words},\s+(?P<name>[^,.;:]+)", text):
            named = mentions(found.group("name"), self.actors)
            if named and named[0][0] == 0 and named[0][2].kind == "person":
                return named[0][2]
        return None

    def _named_after_lede(self, description: str, paragraph: int) -> DraftActor | None:
        """The news convention of a first paragraph that describes its subject (`A wedding
        planner accused of ... told a jury ...`) and a second that names them (`Celestine
        Harrow, 44, of Lower Fennick, denies ...`): that person, a guess."""
        if paragraph > 1 or paragraph + 1 >= len(self.blanked):
            return None
        if not regex.match(r"(?i:a|an)\s", description.strip()):
            return None
        following = self.blanked[paragraph + 1].lstrip()
        named = mentions(following, self.actors)
        if (
            named and named[0][0] == 0 and named[0][2].kind == "person"
            and regex.match(r",\s+(?:aged\s+)?\d{1,3},", following[named[0][1] :])
        ):  # fmt: skip
            return named[0][2]
        return None

    def _identified(self, paragraph: int) -> DraftActor | None:
        """The person a speaker the article described and did not name turned out to be:
        `The official was later identified by the embassy as Ingvild Rask`, in the
        quote's paragraph or the next two; a guess."""
        for text in self.blanked[paragraph : paragraph + 3]:
            for found in IDENTIFIED.finditer(text):
                if found.group("noun") not in PERSON_NOUNS:
                    continue
                named = [a for _, _, a in mentions(found.group("rest"), self.actors)
                         if a.kind == "person"]  # fmt: skip
                if named:
                    return named[-1]
                name = _trailing_name(found.group("rest").strip())
                if name and len(name.split()) > 1:
                    return self._new_actor(name, "person")
        return None

    def _spoken_of(self, passage: QuotedPassage, result: Attribution) -> bool:
        """The quote's own words speak of its speaker, found by a pronoun or by nothing
        but the quote before (a paragraph that is only a quote), by their title (`“The
        President of Tervania is welcome ...,” she added`) or name: likely not theirs."""
        speaker = result.speaker
        if speaker is None or speaker.kind != "person":
            return False
        first = regex.sub(r"\W", "", result.words.split(" ")[0]).lower()
        if result.words and first not in PRONOUNS:
            return False
        text = " ".join(self.paragraphs[s.paragraph][s.start : s.end] for s in passage.spans)
        for title in regex.finditer(
            rf"\b(?i:the)\s+(?P<role>{ROLES})\b(?:\s+of\s+(?:the\s+)?(?P<of>\p{{Lu}}[\p{{L}}-]*))?",
            text,
            regex.IGNORECASE,
        ):
            of = title.group("of")
            if title.group("role").lower() in speaker.roles and (
                of is None or of.lower() in speaker.roles
            ):
                return True
        given = speaker.name.split()[0]  # "Everett says that about everyone"
        by_first_name = len(speaker.name.split()) > 1 and not is_title(given)
        return bool(mentions(text, [speaker])) or (
            by_first_name and bool(regex.search(rf"\b{regex.escape(given)}\b", text))
        )

    def _attribute(self, passage: QuotedPassage) -> Attribution:
        relative = self._relative(passage)
        if relative is not None:
            return relative
        remarks = self._remarks_made(passage)
        if remarks is not None:
            return remarks
        result = Attribution()
        for span in dict.fromkeys([passage.first, passage.last]):
            found = self._in_sentence(span.paragraph, span.start - 1, span.end + 1)
            if found.via and not result.via:
                result.via = found.via
            result.cue = result.cue or found.cue
            if found.speaker is not None or found.unnamed:
                found.via = found.via or result.via
                return found
        label = (
            self._label(passage)
            or self._signed(passage)
            or self._introduced(passage)
            or self._said_before(passage)
        )
        if label is not None:
            label.via = result.via
            return label
        named_after = self._named_after(passage)
        if named_after is not None:
            named_after.via = result.via
            return named_after
        turn = self._turn(passage)
        if turn is not None:
            return turn
        same_paragraph = self.last is not None and self.last_paragraph == passage.first.paragraph
        if self._continues(passage) or (same_paragraph and self._follows(passage)):
            # the same statement going on: a paragraph of its own, or the rest of a quote
            # split by its attribution ("“…,” said Marrow. “…”")
            assert self.last is not None
            result.speaker, result.guess, result.cue = self.last.speaker, self.last.guess, True
            result.unnamed = self.last.unnamed
        elif self.last is not None and passage.first.paragraph - self.last_paragraph <= 1:
            result.speaker, result.guess = self.last.speaker, True
            result.unnamed = self.last.unnamed
        elif self._alone(passage) and passage.first.paragraph > 0:
            # a paragraph that is only a quote, after one that introduced someone ("The
            # chairwoman, Ana Ruiz, read a statement to the court."): likely theirs
            subject = self._previous_subject(passage.first.paragraph, 0, people=True)
            if isinstance(subject, str):
                result.unnamed, result.guess = subject, True
            else:
                result.speaker = subject
        result.via = result.via or (self.last.via if self.last and result.speaker is
                                    self.last.speaker and result.speaker else None)  # fmt: skip
        return result

    def keep(self, result: Attribution, paragraph: int, text: str = "") -> None:
        """Take `result` as the last quote's: pronouns and run-on quotes refer to it; "he
        said" or "she said" of a person tells the pronoun that fits them."""
        said = regex.match(r"\W*(he|she)\b", result.words, regex.IGNORECASE)
        if said and not result.guess and result.speaker and result.speaker.kind == "person":
            self.pronouns.setdefault(id(result.speaker), said.group(1).lower())
        if result.speaker is not None and not result.guess:
            self.spoken[id(result.speaker)] += 1
        if self.last is not None and self.last.speaker is not result.speaker:
            self.before_last = self.last
        self.last, self.last_paragraph, self.last_text = result, paragraph, text
        self.last_alone, self.alone_now = self.alone_now, False

    def _remarks_made(self, passage: QuotedPassage) -> Attribution | None:
        """A lede whose quotes the next paragraph gives to someone: `Saravand on Thursday
        called on Marevia to honour the lease, stressing that it is “…”.` then `Foreign
        Ministry spokesperson X made the remarks at a regular press briefing`: X's."""
        following = passage.last.paragraph + 1
        if following >= len(self.blanked) or passage.first.paragraph > 2:
            return None
        made = REMARKS_MADE.match(self.blanked[following])
        if made is None:
            return None
        named = mentions(made.group("np"), self.actors)
        if not named or named[-1][2].kind != "person":
            return None
        words = self._source(following, made.start("np"), made.end())
        return Attribution(named[-1][2], None, False, words.strip(), cue=True)

    def _relative(self, passage: QuotedPassage) -> Attribution | None:
        """A quote after a relative clause's colon: `“…,” she said, handing the microphone
        to the winner, who began: “…”` is the winner's, not hers."""
        first = passage.first
        text = self.blanked[first.paragraph]
        clause = regex.search(
            r"(?P<np>[^,;:.!?]+),\s+who\s+(?:\p{Ll}+\s+){0,2}?\p{Ll}+:\s*$", text[: first.start - 1]
        )
        if clause is None:
            return None
        phrase = clause.group("np").strip()
        np = regex.search(
            r"(?:(?:the|a|an|his|her|their|its)\s+(?:[\p{L}-]+\s+){0,2}[\p{L}-]+"
            r"|(?:\p{Lu}[\p{L}’'-]+\s*)+)$",
            phrase,
        )
        if np is None:
            return None
        start = clause.start("np") + len(clause.group("np")) - len(clause.group("np").lstrip())
        actor, unnamed, sure = self.resolve(np.group(0), first.paragraph, start + np.start())
        if actor is None and not unnamed:
            unnamed, sure = np.group(0), False
        words = self._source(first.paragraph, clause.start("np"), len(text[: first.start - 1]))
        return Attribution(actor, None, not sure, words.strip(" :"), unnamed, cue=True)

    def _introduced(self, passage: QuotedPassage) -> Attribution | None:
        """A quote after a colon that ends a sentence of someone doing something else: `A
        season-ticket holder waiting outside summed up the mood: “…”`: that sentence's
        subject, the words before its first verb in the past tense."""
        first = passage.first
        text = self.blanked[first.paragraph]
        before = text[: first.start - 1].rstrip()
        if not before.endswith(":"):
            return None
        start, _ = sentence_bounds(text, len(before) - 1, len(before) - 1)
        clause = before[start:-1]
        # "In a video posted on Telegram, the shaven-headed Drask, 51, stood ... and growled:"
        fronted = regex.match(rf"\s*{FRONTED}[^,]{{0,80}},\s*", clause)
        if fronted:
            start += fronted.end()
            clause = clause[fronted.end() :]
        verb = regex.search(rf"(?<=\S\s+)(?:\p{{Ll}}+ed|{PAST_TENSE}|was|were)\b(?![’'-])", clause)
        if verb is None:
            return None
        subject = clause[: verb.start()].strip()
        subject = regex.sub(r",\s+(?:aged\s+)?\d{1,3},?$", "", subject).strip()
        named = mentions(subject, self.actors)
        if (
            "," in subject
            and named
            and named[0][0] == 0
            and regex.fullmatch(
                r"(?:,\s+(?:aged\s+)?\d{1,3})?(?:,\s+(?:a|an|the|his|her)\s[^,]{1,60})?,?",
                subject[named[0][1] :],
            )
        ):  # "Ivo Marangozov, 29, a mechanic, was more cautious:" the name
            subject = subject[: named[0][1]]
        if "," in subject or subject.lower() in PRONOUNS:
            return None  # a pronoun: "She went on: “…”" is the speaker going on
        if regex.match(r"(?i:when|after|before|as|while|since|if|although|because|once|until)\b",
                       subject):  # fmt: skip
            return None  # "When Ruth took over the presses he left a letter ...": not Ruth
        inner = regex.search(r"(?<=\S\s+)(he|she|they)\s*$", subject, regex.IGNORECASE)
        if inner:  # "X remembers the last words she spoke: “…”": hers, as far as X recalls
            actor, unnamed, _ = self._pronoun(inner.group(1).lower(), first.paragraph,
                                              start + inner.start(1))  # fmt: skip
            sure = False
        else:
            actor, unnamed, sure = self.resolve(subject, first.paragraph, start)
        if actor is None and not unnamed:
            return None
        if READ_OUT.search(clause):
            sure = False  # "... and Agnes reads it to me": someone else's words, read out
        words = self._source(first.paragraph, start, start + verb.end())
        return Attribution(actor, None, not sure, words.strip(), unnamed, cue=True)

    def _said_before(self, passage: QuotedPassage) -> Attribution | None:
        """A quote that opens its paragraph after one that ends `In his speech, the
        President of Altanvar said:`: whom that verb of saying gives."""
        first = passage.first
        if first.start > 1 or first.paragraph == 0:
            return None
        text = self.blanked[first.paragraph - 1].rstrip()
        if not self.paragraphs[first.paragraph - 1].rstrip().endswith(":"):
            return None
        going = regex.search(r"\b(?P<who>he|she)\s+(?:went|goes)\s+on:$", text, regex.IGNORECASE)
        if going:  # "After thanking his ministers, he went on:"
            actor, _, sure = self._pronoun(going.group("who").lower(), first.paragraph - 1,
                                           going.start())  # fmt: skip
            if actor is not None:
                words = self._source(first.paragraph - 1, going.start(), going.end() - 1)
                return Attribution(actor, None, not sure, words, cue=True)
        if not regex.search(rf"\b(?:{SAYING})\b[^.!?:]{{0,40}}:$", text, regex.IGNORECASE):
            return self._intro_subject(first.paragraph - 1)
        start, _ = sentence_bounds(text, len(text) - 1, len(text) - 1)
        sentence = text[start:]
        verbs = list(VERB_RE.finditer(sentence))
        if not verbs:  # "the warning:" is no verb
            return None
        end = len(sentence)
        return self._verb_subject(sentence, verbs[-1], end, end, first.paragraph - 1, start)

    def _intro_subject(self, paragraph: int) -> Attribution | None:
        """A paragraph that introduces the quotes after it and does not say who said them
        in its last words: `X has released an audio message. Here is the key passage:`.
        The subject of its first sentence, as a guess (it may introduce someone else)."""
        text = self.blanked[paragraph]
        intro = regex.match(
            r"\s*(?P<np>[^.;:]{2,120}?)\s+(?:(?:has|have|had)\s+(?:just\s+)?)?"
            r"(?:released|published|posted|issued|addressed|written|wrote|sent|shared|"
            r"recorded|made|given|gave|delivered|finished|ended|concluded)\b",
            text,
        )
        if intro is None:
            # "Here is the key passage of the prime minister's address, in our translation:"
            intro = regex.search(
                r"(?:\b(?:of|from)\s+)(?P<np>(?:the\s+)?[^.;:,]{2,60}?)[’']s?\s+"
                r"(?:\p{Ll}+\s+){0,2}(?:address|speech|statement|message|remarks|letter|"
                r"post|video|broadcast|interview)\b",
                text,
            )
        if intro is None:
            return None
        actor, _, _ = self.resolve(intro.group("np"), paragraph, intro.start("np"))
        if actor is None:
            return None
        words = self._source(paragraph, intro.start("np"), intro.end())
        return Attribution(actor, None, True, words.strip(), cue=True)

    def _signed(self, passage: QuotedPassage) -> Attribution | None:
        """A quote alone in its paragraph, signed in the next one (a press release's quote
        block, a pull quote): `— Professor Ana Ruiz, Head of Nephrology at ...`."""
        last = passage.last
        here = self.blanked[last.paragraph]
        if here[: passage.first.start - 1].strip():
            return None
        paragraph, after = last.paragraph, here[last.end + 1 :]
        if not after.strip(" .,"):  # signed in the next paragraph
            if last.paragraph + 1 >= len(self.blanked):
                return None
            paragraph, after = last.paragraph + 1, self.blanked[last.paragraph + 1]
        signed = regex.match(r"\s*(?:—|–|―|--?)\s*(?P<np>[^,;:(]{2,80})", after)
        if not signed:
            return None
        name = signed.group("np").strip()
        found = mentions(name, self.actors)
        words = name.split()
        while len(words) > 2 and is_title(words[0]):  # "Professor Ana Ruiz"
            words = words[1:]
        if found:
            actor = found[0][2]
        elif len(words) >= 2 and NAME_RE.fullmatch(" ".join(words)):
            actor = self._new_actor(" ".join(words), "person")  # a name, signed
        else:
            return None
        offset = len(self.blanked[paragraph]) - len(after) if paragraph == last.paragraph else 0
        words = self._source(paragraph, offset + signed.start("np"), offset + signed.end("np"))
        return Attribution(actor, None, False, words.strip(), cue=True)

    def _label(self, passage: QuotedPassage) -> Attribution | None:
        """`• PM Jonas Roskamp: ‘We don’t concede’` (a key point, an entry heading): the
        name that is all the paragraph says before its colon."""
        first = passage.first
        before = self.blanked[first.paragraph][: first.start - 1]
        label = regex.fullmatch(r"[\W\d]*?(?P<np>\p{Lu}[^:.!?]{1,80}?)\s*:\s*", before)
        if not label:
            return None
        found = mentions(label.group("np"), self.actors)
        if not found or found[-1][1] != len(label.group("np")):
            return None
        title = label.group("np")[: found[-1][0]]  # "PM", "Mayor of Nerrick", not a sentence
        if not regex.fullmatch(r"(?:(?:\p{Lu}[\p{L}.’'-]*|of|the|for)\s+){0,4}", title):
            return None
        words = self._source(first.paragraph, label.start("np"), label.end("np"))
        return Attribution(found[-1][2], None, False, words, cue=True)

    def _named_after(self, passage: QuotedPassage) -> Attribution | None:
        """A paragraph that is only a quote, whose speaker the next paragraph names: `Those
        were the words of X`, `The criticism came from X`; `The neighbour who had to find
        out was X`, a guess."""
        last = passage.last
        after = self.blanked[last.paragraph][last.end + 1 :]
        if passage.first.start <= 1 and NAMED_AFTER.match(after):
            # "‘…’ Those were the words of Vallmoor manager X at his press conference"
            following, text, start = last.paragraph, after, last.end + 1
        elif self._alone(passage) and last.paragraph + 1 < len(self.blanked):
            following, text, start = last.paragraph + 1, self.blanked[last.paragraph + 1], 0
        else:
            return None
        opening = NAMED_AFTER.match(text)
        if opening is None:
            return None
        found = mentions(text[opening.end() :], self.actors)
        person = [m for m in found if m[0] <= 40 and m[2].kind == "person"
                  and not _possessive(text[opening.end() :], m[1])]  # fmt: skip
        found = person[:1] or found
        if not found or found[0][0] > 40 or found[0][2].kind not in ("person", "organisation"):
            return None
        if found[0][0] > 2 and not person:
            return None
        words = self._source(following, start, start + opening.end() + found[0][1])
        return Attribution(found[0][2], None, opening.group("was") is not None, words, cue=True)

    def _alone(self, passage: QuotedPassage) -> bool:
        """The quote is all its paragraph holds."""
        first = passage.first
        return (
            first.start <= 1
            and not self.paragraphs[first.paragraph][: first.start - 1].strip()
            and passage.last.end >= len(self.paragraphs[passage.last.paragraph]) - 2
        )

    def _turn(self, passage: QuotedPassage) -> Attribution | None:
        """A line of dialogue: a short quote alone in its paragraph, right after another
        (`“Which exit?”` / `“Third.”`), or a question, or the answer to one, is the other
        one's turn: the speaker before the last, as a guess."""
        last, other = self.last, self.before_last
        text = self.paragraphs[passage.first.paragraph]
        asked = self.last_text.rstrip().endswith("?") or text.rstrip(" ”\"’'»").endswith("?")
        if (
            last is None or other is None or not (self.last_alone or asked)
            or passage.first.paragraph - self.last_paragraph != 1
            or not self._alone(passage)
            or len(text) > DIALOGUE_LINE
            or len(self.last_text) > DIALOGUE_LINE
        ):  # fmt: skip
            return None
        if other.speaker is None and not other.unnamed:
            return None
        return Attribution(other.speaker, None, True, "", other.unnamed, cue=True)

    def _continues(self, passage: QuotedPassage) -> bool:
        """A paragraph that is only a quote, right after a paragraph that quoted someone:
        the same speaker going on (the newspaper convention)."""
        first = passage.first
        return (
            self._alone(passage)
            and self.last is not None and (self.last.speaker is not None or bool(self.last.unnamed))
            and first.paragraph - self.last_paragraph == 1
        )  # fmt: skip

    def _source(self, paragraph: int, start: int, end: int) -> str:
        """The article's own words at [start, end) of a paragraph, or "" when a quote
        lies inside (an attribution is only ever the source's words, verbatim)."""
        original = self.paragraphs[paragraph][start:end]
        if original != self.blanked[paragraph][start:end]:
            return ""
        return original.strip(" ,:;—–-")

    def _follows(self, passage: QuotedPassage) -> bool:
        """The quote opens a sentence right after the sentence that attributed the
        paragraph's last quote, with nothing of the article's own in between."""
        text = self.blanked[passage.first.paragraph]
        before = text[: passage.first.start - 1].rstrip()
        if not before.endswith((".", "!", "?", ":")):
            return False
        start, _ = sentence_bounds(text, len(before) - 1, len(before) - 1)
        return bool(VERB_RE.search(text[start : len(before)]))

    def _in_sentence(self, paragraph: int, open_at: int, close_at: int) -> Attribution:
        text = self.blanked[paragraph]
        left, right = sentence_bounds(text, open_at, close_at)
        sentence = text[left:right]
        result = Attribution(cue=bool(regex.search(
            r"\b(?:according to|in a statement)\b", sentence, regex.I
        ) or any(v.group(0)[0].islower() for v in VERB_RE.finditer(sentence))))  # fmt: skip
        q_start, q_end = open_at - left, close_at - left
        result.via = self._via(sentence)
        quoting = regex.search(
            r"(?P<np>[^,;]+?),?\s+(?:was|were|has been|had been)\s+"
            r"(?:(?:also|later|again|earlier|previously|widely|\p{Ll}+ly)\s+)?"
            r"(?:quoted|cited)\s+by\s+"
            rf"(?P<via>.+?)\s+as\s+{AS_SAYING}\b",
            sentence,
        ) or regex.search(
            rf"(?P<via>\S.*?)\s+(?:quoted|cited)\s+(?P<np>.+?)\s+as\s+{AS_SAYING}\b", sentence
        )
        reading = regex.search(  # "The statement read in part, “…”": its issuer's words
            r"\b(?P<np>(?i:the)\s+(?:statement|post|letter|release|filing|notice))\s+"
            r"(?:read|reads)\b(?:\s+in\s+part)?\s*[,:]?\s*$",
            sentence[:q_start],
        )
        made_by = regex.search(  # "the broader charge, made by X, that the election was run
            # by “…”": X's words
            r"\b(?:charge|claim|accusation|allegation|complaint|warning|criticism|demand|"
            r"promise|pledge|argument|assertion)s?,?\s+(?:made|levelled|leveled|voiced|issued|"
            r"repeated|raised)\s+by\s+(?P<np>[^,;:]+?),?\s+that\b[^“”«»\"]*$",
            sentence[:q_start],
        )
        for found in (quoting, reading, made_by):
            if found:
                attributed = self._noun_phrase(found, paragraph, left, result.via)
                if attributed is not None:
                    return attributed
        verbs = sorted(
            VERB_RE.finditer(sentence),
            key=lambda v: _distance(v, q_start, q_end, sentence),
        )
        relayed = self._quoting(sentence, verbs, q_start, q_end, paragraph, left)
        if relayed is not None:
            return relayed
        for verb in verbs:
            if not verb.group(0)[0].islower() and sentence[: verb.start()].strip():
                continue  # a capitalised "Says" in a name or heading; "Said Marrow:" opens
            attribution = self._verb_subject(sentence, verb, q_start, q_end, paragraph, left)
            if attribution is not None:
                inner = self._reported_speaker(
                    sentence[verb.end() : q_start], attribution, paragraph, left + verb.end()
                )
                if inner is not None:  # "X said Y had phoned him to tell him he had “…”"
                    attribution.speaker, attribution.unnamed, attribution.guess = inner, "", True
                attribution.cue = True
                attribution.via = attribution.via or result.via
                if attribution.speaker is not None and attribution.speaker is attribution.via:
                    attribution.via = None
                return attribution
        according = regex.search(
            r"\b(?:according to|in the words of|in (?=(?:his|her|their|its)\s+(?:own\s+)?words))"
            r"\s*(?P<np>[^,.;:]+)",
            sentence,
            regex.IGNORECASE,
        )
        if according:
            start = left + according.start("np")
            phrase = regex.sub(
                r"^(his|her|their|its)\s+(?:own\s+)?words$",
                lambda m: POSSESSIVE_PRONOUNS[m.group(1).lower()],
                according.group("np").strip(),
                flags=regex.IGNORECASE,
            )  # "in her words" -> "she"
            actor, unnamed, sure = self.resolve(phrase, paragraph, start)
            # "“…,” she would tell every new pilot, according to X": X may only relay them
            relayed = q_end <= according.start() and regex.search(
                r"\b(?:he|she|they)\b", sentence[q_end : according.start()], regex.I
            )
            agency = regex.search(  # "according to the country's state news agency, MNA"
                r"(?i)\b(?:news agency|state media|state television|broadcaster|newspaper)\b",
                phrase,
            )
            if agency:
                actor = actor if actor is not None and actor.kind == "media" else None
                unnamed = ""
            reported = regex.match(  # "According to a statement by X, the prime minister
                # directed that “…”": the subject of the clause it leads speaks, X relays
                r"\s*,\s*(?P<np>[^,]{2,60}?)\s+\p{Ll}+(?:ed|s)\s+(?:that\s+)?[“\"‘']?\s*$",
                sentence[according.end() : q_start],
            )
            if reported and q_start > according.start():
                at = according.end() + reported.start("np")
                subject, _, subject_sure = self.resolve(reported.group("np"), paragraph, left + at)
                if subject is not None and subject.kind == "person":
                    words = self._source(
                        paragraph, left + at, left + according.end() + reported.end()
                    )
                    via = actor if actor is not None and actor is not subject else result.via
                    return Attribution(subject, via, not subject_sure, words.strip(), cue=True)
            if (actor is not None and actor.kind != "media") or unnamed:
                words = self._source(paragraph, left + according.start(), left + according.end())
                guess = not sure or bool(relayed)
                return Attribution(actor, result.via, guess, words, unnamed, cue=True)
            if (actor is not None or agency) and q_start < according.start():
                # "X's minister, Idris B, has thanked “…”, according to the state news
                # agency, MNA": the subject's words, relayed by the agency
                head = sentence[:q_start]
                subject = [m for m in mentions(head, self.actors)
                           if m[2].kind != "media" and not _possessive(head, m[1])]  # fmt: skip
                if subject:
                    words = self._source(paragraph, left + subject[0][0], left + subject[0][1])
                    return Attribution(subject[0][2], actor, len(subject) > 1, words, cue=True)
        return result

    def _reported_speaker(
        self, between: str, attribution: Attribution, paragraph: int, position: int
    ) -> DraftActor | None:
        """A person the words between a verb of saying and its quote report as telling
        someone something (`said Brisebois had phoned him to tell him he had`, `said her
        captain had told her that`): the quote may be theirs."""
        if attribution.speaker is None or not between.strip():
            return None
        described = regex.search(
            rf"\b(?:his|her|their|the)\s+(?P<head>{'|'.join(ROLE_NOUNS)})\s+"
            rf"(?:had\s+|has\s+)?(?:{REPORTING})\b",
            between,
        )
        if described:
            actor = self._described(described.group("head"), paragraph, position)[0]
            if actor is not None and actor is not attribution.speaker and actor.kind == "person":
                return actor
        for start, end, actor in mentions(between, self.actors):
            if actor is attribution.speaker or actor.kind != "person" or _possessive(between, end):
                continue
            if regex.search(r"\b(?:to|by|with|from|of|for|asked|told)\s+$", between[:start]):
                continue  # an object: "said she told Veller ..."
            if regex.match(rf"\s+(?:[\p{{Ll}}’']+\s+){{0,8}}?(?:{REPORTING})\b", between[end:]):
                return actor
        return None

    def _noun_phrase(
        self, found: regex.Match, paragraph: int, left: int, via: DraftActor | None
    ) -> Attribution | None:
        """The speaker a match's `np` names, in a sentence starting at `left`."""
        actor, unnamed, sure = self.resolve(found.group("np"), paragraph, left + found.start("np"))
        if actor is None and not unnamed:
            return None
        words = self._source(paragraph, left + found.start("np"), left + found.end())
        return Attribution(actor, via, not sure, words, unnamed, cue=True)

    def _quoting(self, sentence: str, verbs: list[regex.Match], q_start: int, q_end: int,
                 paragraph: int, left: int) -> Attribution | None:  # fmt: skip
        """`X said, quoting President Y, that ...`: Y's words, relayed by X."""
        quoting = regex.search(r"\b(?:quoting|citing)\s+(?P<np>[^,;:]+?)\s*(?:,|$)", sentence)
        if quoting is None or q_start <= quoting.start() < q_end or quoting.start() > q_start:
            return None
        np_at = left + quoting.start("np")
        actor, unnamed, sure = (
            (None, quoting.group("np"), True)  # "citing sources in the Southern District"
            if regex.match(
                r"(?:sources|officials|people|diplomats|witnesses)\b", quoting.group("np")
            )
            else self.resolve(quoting.group("np"), paragraph, np_at)
        )
        if (actor is None and not unnamed) or (actor is not None and actor.kind == "media"):
            return None
        relay = next(
            (found.speaker for verb in verbs
             if (found := self._verb_subject(sentence, verb, q_start, q_end, paragraph, left))),
            None,
        ) or self._via(sentence)  # fmt: skip
        words = self._source(paragraph, left + quoting.start(), left + quoting.end("np"))
        via = relay if relay is not actor else None
        return Attribution(actor, via, not sure, words, "" if actor else unnamed, cue=True)

    def _via(self, sentence: str) -> DraftActor | None:
        for start, end, actor in mentions(sentence, self.actors):
            if actor.kind != "media":
                continue
            after, before = sentence[end : end + 30], sentence[max(0, start - 40) : start]
            if regex.match(rf"\s+(?:{MEDIA_VERBS})\b", after) or regex.search(
                r"(?:according to|told|quoted by|cited by|carried by|in an interview with|"
                r"speaking to|told the)\s+(?:the\s+)?(?:[\p{L}\s]+\s)?$",
                before,
            ):
                return actor
        return None

    def _verb_subject(self, sentence: str, verb: regex.Match, q_start: int, q_end: int,
                      paragraph: int, offset: int) -> Attribution | None:  # fmt: skip
        """The speaker a verb of saying gives, or None when it gives none."""
        between = sentence[q_end : verb.start()]
        opens = verb.end() <= q_start and not sentence[: verb.start()].strip()
        if opens or (verb.start() >= q_end and not between.strip(" ,—–-")):
            # "...," said Ilse Marrow, the port's director
            inverted = self._inverted(sentence, verb, paragraph, offset)
            if inverted is not None:
                return inverted
        if verb.start() < q_end and verb.end() > q_start:
            return None
        head = sentence[: verb.start()]
        if regex.search(r"\b(?:been|being|was|were|is|are|be)\s+$", head) and not regex.match(
            r"\s+(?:as|by)\b", sentence[verb.end() :]
        ):
            return None  # "had been told": someone else spoke
        if verb.group(0).lower().endswith("ing") and regex.search(r",\s*$", head):
            # "Marrow rejected the claim, saying ...": the main clause's subject
            for other in reversed(list(VERB_RE.finditer(head))):
                found = self._verb_subject(sentence, other, q_start, q_end, paragraph, offset)
                if found is not None:
                    return found
            subject = next(  # "Despina Andreou, 58, leapt to his defence, writing: ..."
                (m for m in mentions(head, self.actors)
                 if not _possessive(head, m[1]) and not _modifier(head, m[1])),
                None,
            )  # fmt: skip
            if subject is not None and not regex.search(
                r"(?<![\p{L}-])(?:whether|if|that|with|to|by|of|for|asked)(?![\p{L}-])",
                head[: subject[0]],
                regex.IGNORECASE,
            ):
                words = self._source(paragraph, offset + subject[0], offset + verb.end())
                return Attribution(subject[2], None, False, words)
            pronoun = regex.match(r"\s*(?P<who>He|She)\s", head)
            if subject is None and pronoun:  # "She has tried ..., telling RTVM that she is"
                actor, unnamed, sure = self._pronoun(
                    pronoun.group("who").lower(), paragraph, offset + pronoun.start("who")
                )
                if actor is not None:
                    words = self._source(paragraph, offset + pronoun.start("who"),
                                         offset + verb.end())  # fmt: skip
                    return Attribution(actor, None, not sure, words)
        floor = max(head.rfind(c) for c in (";", ":", "—", "–", "(", ")"))
        if q_end <= verb.start():
            floor = max(floor, q_end - 1)
        end = len(head)
        while True:  # without what stands between a subject and its verb
            tail = head[:end]
            cut = regex.search(
                rf"(?:,?\s+{AUXILIARY}|,\s+(?:the|a|an|his|her|its|their|who|whose|which|of|from|one\s+of|"
                rf"(?:in|on)\s+(?:a|an|the|its|his|her|their)|during|through|via|\d+|\p{{Ll}}+ing|\p{{Ll}}+ed"
                rf"|(?:\p{{Lu}}[\p{{L}}-]*\s+){{0,3}}\p{{Lu}}[\p{{L}}-]*[’']s?(?=\s+\p{{Ll}}))\b"
                r"(?:[^,]|,(?=\d))*,|,\s+\d{1,3}|,)\s*$",  # a comma in "2,100" goes on
                tail,
            )
            degree = regex.search(rf",\s+(?:{DEGREES})\s*,?\s*$", tail)
            title = TITLE_APPOSITION.search(tail) or degree  # ", M.D., Ph.D.," after a name
            if title and not any(m[2].kind == "person" for m in mentions(title[0], self.actors)):
                cut = title  # ", Vice President of Sales at Quellmark," (not ", General X,")
            if not cut or cut.start() <= floor:
                break
            # a relative clause goes, its first comma stays: the words before may be an
            # apposition in turn ("X, chairman of Y, who handed in ..., said")
            relative = regex.match(r",\s+(?:who|which|one\s+of)\b.*,", cut.group(0).strip())
            end = cut.start() + bool(relative)
        if verb.group(0).lower().startswith("say"):
            cited = regex.search(
                r"\s+(?:was|were|is|has been|had been)\s+(?:quoted|cited|heard)\s+as\s*$",
                head[:end],
            )
            end = cited.start() if cited else end
        if end > floor + 1 and regex.search(r"\s(?:and|but)\s*$", head[:end]):
            return self._coordinated(head, floor, paragraph, offset, verb)
        if end <= floor + 1 or regex.search(r"\b(?:and|or|but|that|if|whether)\s*$", head[:end]):
            return None
        # the noun phrase: the words just before the verb, after a comma or conjunction
        start = floor + 1
        for boundary in regex.finditer(
            r",\s+|\s+(?:and|but|while|as|after|before|when|because|that|which|who)\s+",
            head[:end],
        ):
            if boundary.start() <= floor:
                continue
            joined = (
                boundary.group(0).strip() == "and"
                and head[boundary.end() : boundary.end() + 1].isupper()
            )
            if joined and regex.search(
                r"\b(?:of|for)\s+(?:the\s+)?\p{Lu}", head[start : boundary.start()]
            ):
                continue  # "the Minister of Agriculture and Water Management"
            if joined and any(m[0] < boundary.start() and m[1] >= boundary.end()
                              for m in mentions(head[:end], self.actors)):  # fmt: skip
                continue  # one name with "and" in it: "the Heart and Vessel Trust"
            start = boundary.end()
        whole = start
        lead = mentions(head[whole:end], self.actors)[:1]
        if (
            lead
            and not head[whole : whole + lead[0][0]].strip()
            and regex.match(
                r"\s+(?:in|during|at|on|after|before|with|over|from)\s",
                head[whole + lead[0][1] : end],
            )
        ):  # "Marrow in a telephone conversation with Veller on Thursday called": the name
            end = whole + lead[0][1]  # the phrase after it tells where, when, with whom
        words = list(regex.finditer(r"\S+", head[start:end]))
        if len(words) > 8:
            start += words[-8].start()
            start = next(  # not inside a long name: "the Ministry of Foreign Affairs of ..."
                (whole + m[0] for m in mentions(head[whole:end], self.actors)
                 if whole + m[0] < start < whole + m[1]),
                start,
            )  # fmt: skip
        participle = regex.search(  # "A driver accused of taking £40,000 from the union told"
            r"\s(?:accused|charged|suspected|convicted|cleared|jailed)\s+(?:of|with|for)\s",
            head[whole:end],
        )
        if participle and head[whole : whole + participle.start()].strip():
            start, end = whole, whole + participle.start()
        phrase = head[start:end]
        if regex.match(r"(?:a|an|the|his|her|its|their)\s", phrase):
            # "Ana Ruiz, a member of the party, the Alliance, said": the name before
            chunks = list(regex.finditer(r"[^,]+", head[floor + 1 : start]))
            for n, chunk in reversed(list(enumerate(chunks))[-3:]):
                text = chunk.group(0).strip()
                if regex.match(FRONTED, text):
                    break  # "In a filing with the Exchange, the company said": not a name
                named = [m for m in mentions(text, self.actors) if m[1] == len(text)]
                opening = chunks[n - 1].group(0).strip() if n else ""
                if (
                    named
                    and regex.match(FRONTED, opening)
                    and regex.search(rf"\b(?i:{ROLES})\s*$", opening)
                ):
                    break  # "in a statement read by his spokesman, X, the president
                    # said": X is the spokesman's name, not the subject's
                if regex.search(
                    r"(?i:according\s+to)\b[^,]*,\s*$", head[: floor + 1 + chunk.start()]
                ):
                    break  # "According to the priest, Fr Colm X, the minister told ...": not X
                if named or _trailing_name(text):
                    start = (
                        floor
                        + 1
                        + chunk.start()
                        + (len(chunk.group(0)) - len(chunk.group(0).lstrip()))
                    )
                    phrase = head[start:end]
                    break
        led = regex.match(r",\s*(?:led|headed)\s+by\s+(?P<name>[^,]+)", head[end:])
        if led and regex.match(r"\s*(?i:the|a|an|his|her|their|its)\s", phrase):
            # "The team, led by Professor X, wrote": X speaks for it, as a guess
            named = mentions(led.group("name"), self.actors)
            if named and named[0][2].kind == "person":
                words = self._source(paragraph, offset + start, offset + verb.end())
                return Attribution(named[0][2], None, True, words.strip())
        service = regex.search(r"(?:^|,)\s*(?P<service>[^,]+),\s*$", head[floor + 1 : start])
        if service and PRESS_SERVICE.fullmatch(service.group("service").strip()):
            # "The press service of Lutvania's president, Algirdas Zemkalnis, says": the
            # press service speaks, whoever it speaks for
            start = floor + 1 + service.start("service")
            phrase = head[start:end]
        if phrase.strip().lower() in ("who", "which"):
            # "a solicitor, Harjit Sandhu-Morrow, who said ...": the name before "who"
            before_who = head[floor + 1 : start].rstrip(" ,")
            named = mentions(before_who, self.actors)
            if (
                named
                and regex.fullmatch(  # "Vantrell Infrastructure, which said": its name's end
                    r"(?:\s+\p{Lu}[\p{L}’'-]*){0,2}", before_who[named[-1][1] :]
                )
            ):
                who = named[-1]
                if phrase.strip().lower() == "who" and who[2].kind != "person":
                    # "Dr X, director of the Safety Office, who said": X, not the office
                    holder = [
                        m
                        for m in named[:-1]
                        if m[2].kind == "person"
                        and regex.fullmatch(
                            r",\s+[^,]*\b(?:of|at|for)\s+(?:the\s+)?", before_who[m[1] : who[0]]
                        )
                    ]
                    who = holder[-1] if holder else who
                words = self._source(paragraph, offset + floor + 1 + who[0],
                                     offset + verb.end())  # fmt: skip
                return Attribution(who[2], None, False, words)
            aside = regex.search(
                rf"(?P<np>[^,]+),\s+(?i:he|she|they|we|i)\s+(?:{SAYING}),\s*$",
                head[floor + 1 : start],
            )
            if aside:  # "... came from one at the test centre, she says, who told her ...":
                # the one before the aside, whom the article does not name (a guess)
                who = regex.sub(r"^.*\b(?:from|by)\s+", "", aside.group("np")).strip()
                words = self._source(paragraph, offset + start, offset + verb.end())
                return Attribution(None, None, True, words, who)
        first_name = FIRST_NAME_ONLY.search(head[floor + 1 : start])
        if first_name:  # "a waiter who gave his name only as Tiago said": not named
            words = self._source(paragraph, offset + floor + 1, offset + verb.end())
            return Attribution(None, None, False, words.strip(), first_name.group("who"))
        if ANONYMOUS.search(head[whole:]):  # "a member of X, who asked not to be named,"
            words = self._source(paragraph, offset + whole, offset + verb.end())
            unnamed = self.paragraphs[paragraph][offset + whole : offset + end].strip(" ,")
            if SPOKESPERSON.match(unnamed):  # "a Treasury spokesman, who declined to be
                # named,": the body speaks through its spokesperson
                body, _, sure = self.resolve(unnamed, paragraph, offset + whole)
                if body is not None:
                    return Attribution(body, None, not sure, words.strip())
            return Attribution(None, None, False, words.strip(), unnamed)
        said = [v for v in VERB_RE.finditer(phrase) if phrase[v.end() :].strip(" ,")]
        if said and TELLING.fullmatch(verb.group(0).lower()):
            # "Marrow said a member of staff had told her that ...": the one reported
            # as telling, a guess
            at = said[-1].end()
            reported = regex.sub(r"^\s*(?:that\s+)?", "", phrase[at:])
            at += phrase.index(reported, at)
            actor, unnamed, _sure = self.resolve(reported, paragraph, offset + start + at)
            words = self._source(paragraph, offset + start, offset + verb.end())
            return Attribution(actor, None, True, words, "" if actor else unnamed or reported)
        actor, unnamed, sure = self.resolve(phrase, paragraph, offset + verb.start())
        if actor is None and end < len(head):
            # "Their employer, the charity Open Hands Relief, says", "The mission's head, the
            # general Samuel Ochieng, told": the name in apposition
            rest = head[end:]
            aside = [m for m in mentions(rest, self.actors) if m[2].kind != "media"]
            whole = len(aside) == 1 and regex.fullmatch(r"\s*,?\s*", rest[aside[0][1] :])
            if (
                len(aside) == 1 and not _possessive(rest, aside[0][1])
                and (not unnamed or (whole and aside[0][2].kind == "person"))
            ):  # fmt: skip
                actor, sure, unnamed = aside[0][2], True, ""
        if (
            actor is not None and self.last is not None and actor is self.last.speaker
            and self.last_text.rstrip().endswith("?") and self.before_last is not None
            and self.before_last.speaker is not None
            and regex.fullmatch(r"repl\w+|answer\w*|respond\w*|retort\w*", verb.group(0).lower())
            and phrase.strip().lower() in PRONOUNS
        ):  # fmt: skip
            # "“Is that a yes?” the host asked. “It's an answer,” she replied.": the other one
            actor, sure = self.before_last.speaker, False
        if (
            actor is None and unnamed.lower().startswith("the ")
            and verb.group(0).lower() in ("added", "adds") and self.last is not None
            and self.last.speaker is not None and self.last.speaker.kind == "person"
            and paragraph - self.last_paragraph <= 1
        ):  # fmt: skip
            # "The under-fire leader added:" whom the article gave no such title: the one
            # who spoke just before, as a guess
            actor, unnamed, sure = self.last.speaker, "", False
        if actor is None and not unnamed:
            return None
        if (
            actor is not None
            and actor.kind == "media"
            and verb.group(0).lower() in ("reported", "reports", "reporting")
        ):
            return None  # the channel, not the speaker
        words = self._source(paragraph, offset + start, offset + verb.end())
        if verb.end() <= q_start:
            # "told her that after a complaint that he was ‘swearing’": the complaint's
            # words, not the teller's
            hearsay = HEARSAY.search(sentence[verb.end() : q_start])
            if hearsay and not regex.search(
                r"\bas\s+(?:[“\"‘«][^”\"’»]*[”\"’»]\s*(?:,|and|or)\s*)*[“\"‘'«]?\s*$",
                sentence[verb.end() : q_start],
            ):
                # (but "dismissed Tahirov's claim that ... as “a provocation”" is the
                # dismisser's)
                return Attribution(None, None, True, words, hearsay.group("np"))
        return Attribution(actor, None, not sure, words, unnamed)

    def _coordinated(self, head: str, floor: int, paragraph: int, offset: int,
                     verb: regex.Match) -> Attribution | None:  # fmt: skip
        """`The head of the delegation conveyed greetings and said that ...`: the verb
        shares the clause's subject, the words before its first verb in the past tense."""
        start = floor + 1
        clause = head[start:]
        opener = regex.match(
            r"\s*(?:when|after|before|as|while|although|though|if|since|because|once|until|"
            r"according\s+to)\b[^,]*,\s*",
            clause,
            regex.IGNORECASE,
        )
        if opener:  # "When the hall reopened in 1952, Mayor X stood there and told ..."
            start += opener.end()
            clause = head[start:]
        first = regex.search(rf"(?<=\S\s+)(?:\p{{Ll}}+ed|{PAST_TENSE})\b(?![’'-])", clause)
        if first is None:
            return None
        # after what the clause opens with: "In a filing on Wednesday, Veltrana disclosed"
        lead = max(clause.rfind(",", 0, first.start()) + 1, 0)
        lead += len(clause[lead:]) - len(clause[lead:].lstrip())
        phrase = clause[lead : first.start()].strip(" ,")
        said = list(VERB_RE.finditer(phrase))
        if said:
            # "Rusk said his rival had once leaned over the fence and told him": what was
            # said has a subject of its own, after "said"
            at = said[-1].end()
            reported = regex.sub(rf"^\s*(?:that\s+)?|\s+(?:{AUXILIARY})(?:\s+(?:{AUXILIARY}))*$",
                                 "", phrase[at:])  # fmt: skip
            if not reported:
                return None
            at += phrase.index(reported, at)
            actor, unnamed, _sure = self.resolve(reported, paragraph, offset + start + lead + at)
            words = self._source(paragraph, offset + start + lead, offset + verb.end())
            return Attribution(actor, None, True, words, "" if actor else unnamed or reported)
        if ";" in phrase:
            return None
        resolved = (
            self.resolve(phrase, paragraph, offset + start + lead)
            if phrase and len(phrase.split()) <= 8 and not regex.fullmatch(AUXILIARY, phrase)
            else (None, "", False)
        )
        actor, unnamed, sure = resolved
        if actor is None and not unnamed:
            # "Ostran hardman Pavel Rusk, 58, has since massed troops ... and vowed": the
            # name before its apposition, after a description of a few words
            named = [m for m in mentions(clause[: first.start()], self.actors)
                     if not _possessive(clause, m[1])]  # fmt: skip
            if (
                not named
                or len(clause[: named[0][0]].split()) > 6
                or VERB_RE.search(clause[: named[0][0]])
            ):
                return None
            actor, lead, sure = named[0][2], named[0][0], len(named) == 1
        words = self._source(paragraph, offset + start + lead, offset + verb.end())
        return Attribution(actor, None, not sure, words, unnamed)

    def _inverted(self, sentence: str, verb: regex.Match, paragraph: int,
                  offset: int) -> Attribution | None:  # fmt: skip
        """`said Ilse Marrow, the port's director`: the subject after the verb."""
        after = sentence[verb.end() :]
        phrase = regex.match(rf"\s*((?:{ABBREVIATIONS}\.\s+)*[^,.;:]*)", after).group(1)
        phrase = regex.sub(rf"^(?:{AUXILIARY})\s+", "", phrase)
        phrase = regex.split(
            r"\s+(?:in|on|at|to|during|after|before|when|as|while|from|of)\s", phrase
        )[0]
        if phrase.lower() in ("", "that") or regex.match(r"(?:it|that|so)\b", phrase):
            return None
        apposition = regex.match(
            r"\s*(?:the|a|an|his|her|its|their)\s[^,.;:]*,\s*([^,.;:]+)", after
        )
        if apposition:  # "said the council’s leader, Priya Ward, who ...": the name
            named = mentions(apposition.group(1), self.actors)
            if named and named[0][0] == 0 and named[0][2].kind == "person":
                end = offset + verb.end() + apposition.start(1) + named[0][1]
                words = self._source(paragraph, offset + verb.start(), end)
                return Attribution(named[0][2], None, False, words)
        actor, unnamed, sure = self.resolve(phrase, paragraph, offset + verb.end())
        if actor is None and not unnamed:
            if not regex.fullmatch(r"(?i:the|a|an)\s+\p{Ll}[\p{Ll}-]*", phrase):
                return None
            # "said the skipper of one of the boats, who asked not to be named": someone
            # the article describes and does not name (a guess, unless it says so)
            whole = regex.match(r"\s*([^,.;:]*)", after).group(1)
            phrase = unnamed = regex.sub(rf"^(?:{AUXILIARY})\s+", "", whole).strip()
            sure = bool(ANONYMOUS.search(after))
        end = offset + verb.end() + after.index(phrase) + len(phrase)
        words = self._source(paragraph, offset + verb.start(), end)
        return Attribution(actor, None, not sure, words, unnamed)


def _trailing_name(phrase: str) -> str | None:
    """A capitalised name that ends the phrase and is not a function word or title."""
    matches = list(NAME_RE.finditer(phrase))
    if not matches or phrase[matches[-1].end() :].strip():
        return None
    words = matches[-1].group(0).split()
    while words and (words[0].lower() in FUNCTION_WORDS or is_title(words[0])):
        words = words[1:]
    if not words or (len(words) == 1 and words[0].lower() in FUNCTION_WORDS):
        return None
    return " ".join(words)


class _Shifted:
    """A regex match seen from a slice of the text it was found in."""

    def __init__(self, match: regex.Match, shift: int) -> None:
        self._match, self._shift = match, shift

    def start(self) -> int:
        return self._match.start() + self._shift

    def end(self) -> int:
        return self._match.end() + self._shift

    def group(self, n: int = 0) -> str:
        return self._match.group(n)


def _modifier(text: str, end: int) -> bool:
    """A name used to qualify a role: `Dunmarra head coach`, `Velmora club spokesman`."""
    return bool(regex.match(rf"\s+(?:[\p{{Ll}}-]+\s+){{0,2}}(?:{ROLES})\b", text[end : end + 40]))


def _possessive(text: str, end: int) -> bool:
    return bool(regex.match(r"[’']s?\s", text[end : end + 3]))


def _distance(verb: regex.Match, q_start: int, q_end: int, sentence: str) -> tuple[int, int]:
    """Nearest the quote first; a verb right after the quote before one before it."""
    if verb.start() >= q_end:
        return (0 if not sentence[q_end : verb.start()].strip(" ,—–-") else 1, verb.start() - q_end)
    if verb.end() <= q_start:
        return (1, q_start - verb.end())
    return (2, 0)
