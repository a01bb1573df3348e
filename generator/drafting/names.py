"""The words the drafter reads names and roles by: general English news usage, in any
script (names are matched by Unicode letter classes, so `Łucja Wąsik`, `José Ángel
Ibarra` and `Şebnem Yıldız` are names like any other)."""

from __future__ import annotations

import regex

from ..digest.names import TITLES

WORD = r"\p{Lu}[\p{L}\p{M}]*(?:[’'‘ʻ\-]\p{L}[\p{L}\p{M}]*)*(?:(?<=s)[’'](?=\s\p{Lu}))?"
"""A capitalised word: `Marrow`, `O’Neill`, `Jean-Luc`, `McAllister`, `Łucja`, and a
plural possessive inside a name (`Dockers’` in `Dockers’ Union`)."""
PARTICLE = (
    r"(?:van|von|vom|zum|der|den|de|del|della|degli|dei|des|di|da|do|dos|das|du|la|le|bin|bint|"
    r"ibn|ben|al|el|ter|ten|y|e|zu|af|ap|ab|&)"
)
"""Lowercase words inside names: Dutch, German, Romance, Arabic and Hebrew, Welsh; and
the `&` of a firm's name (`Tollard & Finch`)."""
PREFIXED = r"(?:al|el|bin|ben|abu|ibn)-\p{Lu}[\p{L}\p{M}]*"
INITIAL = r"\p{Lu}\."
NAME_WORD = rf"(?:{PREFIXED}|{WORD}|{INITIAL})"
MUTATED = r"(?:an\s+)?(?:bh|[thnbdgm])\p{Lu}\p{Ll}[\p{L}\p{M}]*"
"""An Irish surname's word after its first, whose first letter is mutated: `Mac an
tSaoir`, `Ó hUiginn`, `Ní bhFaoláin` (never first: `mRNA` is not a name)."""
NAME = rf"{NAME_WORD}(?:\s+(?:(?:{PARTICLE}\s+)*{NAME_WORD}|{MUTATED})){{0,7}}"
"""A run of capitalised words, particles allowed between them: `Ana de la Cruz`."""
NAME_RE = regex.compile(rf"(?<![\p{{L}}\p{{M}}’'\-]){NAME}(?![\p{{L}}\p{{M}}])")

ORG_WORDS = {
    "government-body": (
        "Ministry Department Office Police Court Tribunal Parliament Senate Assembly "
        "Congress Government Administration Cabinet Council Commission Authority Agency "
        "Army Navy Forces Guard Service Bureau Prosecutor Prosecutors Inspectorate Duma "
        "Directorate Secretariat Presidency Municipality Constabulary Coastguard Regulator "
        "Ombudsman Watchdog Branch Division"
    ).split(),
    "media": (
        "News Times Post Herald Tribune Gazette Journal Telegraph Chronicle Radio TV "
        "Television Broadcasting Broadcaster Press Wire Daily Weekly Observer Courier "
        "Express Mirror Magazine Channel Newswire Dispatch Bulletin Review Standard Media "
        "Clarion Sentinel Examiner Inquirer Enquirer Advertiser Ledger Register Record "
        "Argus Gleaner Courant Spectator Globe Mail Echo"
    ).split(),
    "organisation": (
        "Party Union Federation Association League Club Group Company Corporation Corp "
        "Inc Ltd PLC Bank Fund Foundation Trust Institute University College School "
        "Hospital Board Network Coalition Alliance Movement Front Organisation Organization "
        "Society Chamber Council Committee Consortium Cooperative Co-operative Brigade Legion "
        "Industries Holdings Airlines Airways Lines Partners Centre Center FC United Rovers "
        "Athletic Wanderers Albion Rangers Hotspur Foods Capital Motors Systems Technologies "
        "Labs Pharma Pharmaceuticals Logistics Robotics Solutions Ventures Investments "
        "Securities Insurance Brewery Breweries Steel Petroleum Telecom Software Analytics "
        "Bancorp Electric Shipyards Clinic Clinics LLP LLC SA AG GmbH NV BV SpA SE Oyj Oy "
        "AB ASA Plc KG Exchange Banque Frères Beteiligungen Railways Railway Utilities"
    ).split(),
}
PLACE_WORDS = frozenset(
    "Street Road Lane Avenue Close Square Drive Way Crescent Gardens Terrace Place Row "
    "Villa Bridge River Lake Mountain Mount Valley Hill Hills Island Islands Bay Coast "
    "Airport Station Stadium Arena Hall Church Cathedral Castle Palace Park Beach Harbour "
    "Port Estate Quay Wharf Square Boulevard Highway Motorway Forest Desert Sea Ocean Hotel "
    "Camp".split()
)
"""Words that end a place's name, not a person's or a body's: `Juniper Close`."""

KIND_OF_WORD = {w: kind for kind, words in ORG_WORDS.items() for w in words}
ORG_WORD_RE = regex.compile(rf"\b(?:{'|'.join(sorted(KIND_OF_WORD, key=len, reverse=True))})\b")

BODY_NOUNS = frozenset(
    "company firm maker manufacturer producer group business retailer chain carrier airline "
    "operator lender bank insurer developer builder supplier distributor brand startup "
    "start-up conglomerate giant exporter importer utility broker fund investor charity "
    "club team party union organisation organization agency body regulator watchdog "
    "consortium publisher broadcaster miner refiner automaker carmaker shipbuilder "
    "chipmaker drugmaker pharmaceutical platform app network brewer grocer supermarket "
    "confectioner manufacturer shipper exporter".split()
)
"""Nouns that make a name a body when they describe it: `Kaleva Cellworks, the battery
maker that ...`."""
BODY_APPOSITION = regex.compile(
    r",\s+(?:the|a|an)\s+(?P<np>(?:[\p{L}’'-]+\s+){0,4}?(?P<head>[\p{L}-]+))"
    r"(?=\s+(?:that|which|whose|behind|of|in|at|for|with|from|based)\b|\s*[,.;:—–])",
    regex.IGNORECASE,
)
"""An apposition after a name, up to its head noun."""


BODY_BEFORE = regex.compile(
    r"(?:^|[.,;:!?]\s+)(?:the|a|an|its)\s+"
    r"(?:(?!(?:of|for|at|in|from|with|to)\b)[\p{L}’'-]+\s+){0,3}?(?P<head>[\p{L}-]+),\s*$",
    regex.IGNORECASE,
)
"""A description in apposition before a name, up to its head noun: `The port operator, `."""
BODY_TITLE = regex.compile(
    r"\b(?:the|a|an|its)\s+(?:[\p{Ll}-]+\s+){0,2}?(?P<head>\p{Ll}[\p{Ll}-]*)\s+$"
)
"""A description right before a name, without a comma: `the network company `."""


SPEAKS_FOR = regex.compile(
    r"\b(?:spokes(?:man|woman|person|people)|representative|press\s+officer)\s+"
    r"(?:for|of|at)\s+(?:the\s+)?$",
    regex.IGNORECASE,
)
"""Whom a spokesperson speaks for, before its name: a body (`a spokesperson for `)."""


def described_as_body(after: str, before: str = "") -> bool:
    """Whether the text after a name (`, the battery maker that`, `, the Nerrick-based
    confectioner,`) or before it (`The port operator, `, `a spokesperson for `)
    describes it as a body."""
    if SPEAKS_FOR.search(before):
        return True
    if regex.match(  # "Vantrell Infrastructure, which said"
        r",\s+which\s+(?:has\s+|had\s+)?(?:said|says|told|added|stated|announced|confirmed|"
        r"denied|warned|insisted|argued|claimed)\b",
        after,
    ):
        return True
    found = BODY_APPOSITION.match(after) or BODY_BEFORE.search(before) or BODY_TITLE.search(before)
    return bool(found) and (
        found.group("head").lower() in BODY_NOUNS or "-based " in found.group(0).lower()
    )


OFFICE_WORDS = frozenset(
    "Affairs Agriculture Communications Culture Defence Defense Development Economy "
    "Education Energy Environment Finance Fisheries Food Forestry Health Housing "
    "Industry Infrastructure Innovation Interior Justice Labour Labor Land Management "
    "Mines Mining Planning Protection Reclamation Resources Science Security Sport "
    "Technology Tourism Trade Transport Water Welfare Works Youth Relations Studies "
    "Research Policy".split()
)
"""The words that end a ministry's or an office's name, before its holder's name:
`Minister of Water and Land Reclamation Bahodir Ganiyev`."""
DEGREES = r"M\.D\.|Ph\.D\.|D\.Phil\.|MD|PhD|MBA|MPH|FRCP|FRCS|OBE|MBE|CBE|KC|QC|Jr\.|Sr\."
"""Degrees and honours written after a name, between commas."""
MEDIA_CONTEXT = regex.compile(
    r"(?:news agency|state media|state news agency|state broadcaster|state television|"
    r"broadcaster|newspaper|daily|agency|outlet|tabloid|channel|website)\s*$",
    regex.IGNORECASE,
)

ROLE_NOUNS = (
    "spokesman spokeswoman spokesperson spokespeople representative official minister "
    "president chancellor premier mayor governor senator director chief head leader "
    "chairman chairwoman chair secretary ambassador envoy commander general officer "
    "inspector superintendent constable detective judge magistrate prosecutor lawyer "
    "attorney barrister solicitor coach manager captain striker midfielder defender "
    "goalkeeper player analyst economist professor researcher scientist doctor nurse "
    "surgeon founder owner executive ceo chief-executive adviser advisor aide "
    "campaigner activist organiser organizer resident witness survivor victim "
    "candidate deputy lawmaker legislator mp councillor councilor dictator strongman "
    "king queen prince princess pope bishop priest imam rabbi editor reporter "
    "correspondent author writer negotiator mediator diplomat worker teacher student "
    "farmer fisherman driver pilot engineer chairperson boss founder partner "
    "commissioner administrator regulator treasurer auditor economist historian "
    "expert veteran referee umpire spokesperson midfielder forward winger keeper "
    "boss star chef singer actor actress artist athlete runner rider champion "
    "commuter pensioner shopkeeper protester protestor passenger grandmother grandfather "
    "mother father mum dad widow widower neighbour neighbor landlord tenant homeowner "
    "parent volunteer businessman businesswoman entrepreneur shopper customer patient "
    "fan supporter voter councilwoman councilman alderman trustee governor-general "
    "fiancé fiancée wife husband partner son daughter brother sister friend boyfriend "
    "girlfriend pal colleague docker dockworker miner cleaner porter soldier sailor "
    "firefighter paramedic lecturer cyclist motorist pedestrian tourist visitor villager "
    "islander shopowner baker butcher monarch sergeant corporal lieutenant waiter waitress "
    "mechanic vendor trader bartender labourer laborer clerk"
).split()

UNNAMED = regex.compile(
    r"^(?:a|an|one|two|three|several|some|many|other|another)\s+(?:[\p{L}’'-]+\s+){0,4}?"
    r"(?:source|sources|official|officials|resident|residents|witness|witnesses|person|"
    r"people|diplomat|diplomats|analyst|analysts|member|members|worker|workers|employee|"
    r"employees|insider|insiders|spokesman|spokeswoman|spokesperson|aide|aides|"
    r"lawmaker|lawmakers|observer|observers|expert|experts|fan|fans|passenger|"
    r"passengers|driver|drivers|neighbour|neighbours|neighbor|neighbors|[\p{Ll}-]+er|"
    r"[\p{Ll}-]+ist|[\p{Ll}-]+ian)\b"
    r"|^(?:officials|sources|residents|witnesses|analysts|experts|observers|critics|"
    r"protesters|protestors|campaigners|organisers|organizers|locals|fans|neighbours|"
    r"neighbors|witnesses|relatives|parents|villagers|shoppers|commuters|passengers)$",
    regex.IGNORECASE,
)
"""Speakers the article does not name: `a senior official`, `one resident`, `sources`."""

FUNCTION_WORDS = frozenset(
    (
        "a an the this that these those it its it’s he she they we you i his her their our "
        "your my me him them us there here then when where while whom who whose which what "
        "why how if but and or nor so yet for of on in at by to from with without within "
        "into onto upon over under after before since until during through across against "
        "among between about above below near as though although because unless whether "
        "once also still even just only not no nor yes all any both each every few more "
        "most other some such many much several own same than too very can could may might "
        "must shall should will would do does did done is are was were be been being have "
        "has had having earlier later meanwhile however instead indeed moreover yesterday "
        "today tomorrow tonight now last next first second third finally again already "
        "said says added told asked speaking responding following according despite amid "
        "including like unlike one another two three four five six seven eight nine ten "
        "inside outside around along beyond besides elsewhere overall asked reporting "
        "members officials sources police witnesses critics supporters protesters "
        "residents analysts experts authorities please follow read watch listen breaking update "
        "updated published posted photo image video live exclusive analysis opinion "
        "editorial comment comments monday tuesday wednesday thursday friday saturday sunday "
        "january february march april may june july august september october november "
        "december mon tue wed thu fri sat sun jan feb mar apr jun jul aug sep sept oct nov dec "
        "neither either"
    ).split()
)
"""Words that are capitalised at the start of a sentence or in a heading, not names;
and weekdays and months, which the drafter keeps as dates."""

TITLE_WORDS = TITLES | {"mr.", "mrs.", "ms.", "dr."}


STATE_WORDS = frozenset(
    "Republic Kingdom Federation Federative Emirates Emirate Principality Commonwealth "
    "Confederation Sultanate Duchy".split()
)
"""Words in a country's name (`Federative Republic`), never in a person's."""


LEADING_PLACE_WORDS = frozenset(
    "Port Lake Mount Fort Cape Lower Upper North South East West Inis Isle Loch Glen Hotel "
    "Camp".split()
)
"""Words that start a place's name: `Port Hessel`, `Lower Virel`, `Inis Treabhair`, `Hotel
Miraval`."""


def is_place(name: str) -> bool:
    words = name.split()
    return (
        words[-1] in PLACE_WORDS
        or any(word in STATE_WORDS for word in words)
        or (len(words) == 2 and words[0] in LEADING_PLACE_WORDS)
    )


def is_title(word: str) -> bool:
    """`Mr`, `Gen.`, `President`, and titles joined by a hyphen: `Director-General`."""
    word = word.lower().rstrip(".")
    # hyphenated: `Secretary-General`, `Director-General`, `Vice-President`
    return word in TITLES or ("-" in word and word.rpartition("-")[2] in TITLES)


def org_kind(name: str) -> str | None:
    """The kind of actor a name's institutional word says it is, if any (a name with an
    `&` in it is a firm's)."""
    if " & " in name:
        return "organisation"
    for word in reversed(name.split()):
        word = regex.sub(r"[’']s?$", "", word)
        kind = KIND_OF_WORD.get(word)
        if kind:
            return kind
        if "-" in word and KIND_OF_WORD.get(word.rpartition("-")[2]) == "media":
            return "media"  # a paper's double name: the Times-Dispatch, the Post-Register
    return None


_CAPITALS_WORD = r"\p{Lu}[\p{Lu}\p{M}’'-]*\p{Lu}"
CAPITALS_RUN = regex.compile(
    rf"(?<![\p{{L}}\p{{M}}’'-])(?:{_CAPITALS_WORD}\s+){{1,3}}{_CAPITALS_WORD}(?![\p{{L}}\p{{M}}])"
)
"""Two to four words in capitals: a name as some newsletters print it (`Chair RUTH
ABERNATHY-COLE`)."""
SECTION_LABEL = regex.compile(r"\s*\p{Lu}[\p{Lu}\p{M}\d ’'&,.-]*\s*(?:—|–|:)")
"""A label in capitals that opens a paragraph: `THE SPEED BUMP —`, `HAPPY BIRTHDAY:`."""


def names_in_capitals(text: str, article: str) -> str:
    """`text` with names printed in capitals in running text set in the case the article
    spells them elsewhere, else in title case: `RUTH ABERNATHY-COLE` -> `Ruth
    Abernathy-Cole`. The same length, so every position in the text stays where it was;
    a paragraph's opening label, a heading and acronyms (`US FDA`) are left alone."""
    if len(regex.findall(r"\b\p{Ll}+\b", text)) < 3:
        return text  # a heading or a line in capitals
    label = SECTION_LABEL.match(text)
    start = label.end() if label else 0

    def as_written(word: str) -> str:
        found = regex.search(
            rf"(?<![\p{{L}}]){regex.escape(word)}(?![\p{{L}}])", article, regex.IGNORECASE
        )
        while found and found.group(0).isupper():
            found = regex.compile(
                rf"(?<![\p{{L}}]){regex.escape(word)}(?![\p{{L}}])", regex.IGNORECASE
            ).search(article, found.end())
        if found:
            return found.group(0)
        return regex.sub(r"\p{L}+", lambda m: m.group(0)[:1] + m.group(0)[1:].lower(), word)

    def name(run: regex.Match[str]) -> str:
        words = run.group(0).split()
        if all(len(w) <= 3 for w in words):
            return run.group(0)  # acronyms: "US FDA", "UK MPs"
        cased = regex.sub(r"\S+", lambda m: as_written(m.group(0)), run.group(0))
        return cased if len(cased) == len(run.group(0)) else run.group(0)

    return text[:start] + CAPITALS_RUN.sub(name, text[start:])
