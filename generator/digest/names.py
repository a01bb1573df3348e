"""Names to ids, and names compared as a reader would compare them.

`slug` is the one way the project turns text into an id or a URL segment: story,
actor and topic ids alike. It transliterates (python-slugify, through
text-unidecode) so that `Jörg` becomes `jorg` and a Cyrillic name becomes readable
Latin letters, never an empty or broken id.

`name_key` is what two spellings of a name are compared by: without accents,
script, case, punctuation, or a title in front (`Mr`, `President`, `Prime
Minister`). `similarity` scores two keys for the likely-duplicates report, where
transliterations differ by a letter or two (`Lukashenko`, `Lukashenka`).
"""

from __future__ import annotations

from slugify import slugify

MAX_SLUG_LENGTH = 80

_APOSTROPHES = [["'", ""], ["’", ""], ["ʼ", ""], ["`", ""]]
"""`Wagner’s` is `wagners`, not `wagner-s`; `O’Brien` is `obrien`."""


def slug(text: str, max_length: int = MAX_SLUG_LENGTH) -> str:
    """`Jörg Brandvik` -> `jorg-brandvik`; `Александр Лукашенко` -> `aleksandr-lukashenko`.

    Lower-case ASCII letters, digits and single hyphens (the schema's id form), cut at
    a word boundary to `max_length`. Empty when the text has nothing to transliterate
    (only symbols or emoji): the caller decides what that means.
    """
    return slugify(
        text, max_length=max_length, word_boundary=True, replacements=_APOSTROPHES
    ).strip("-")


TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "dr",
        "prof",
        "professor",
        "sir",
        "dame",
        "lord",
        "lady",
        "herr",
        "frau",
        "mme",
        "mlle",
        "m",
        "sr",
        "sra",
        "president",
        "vice",
        "prime",
        "minister",
        "chancellor",
        "premier",
        "governor",
        "mayor",
        "senator",
        "sen",
        "rep",
        "representative",
        "congressman",
        "congresswoman",
        "mp",
        "deputy",
        "foreign",
        "defence",
        "defense",
        "interior",
        "finance",
        "acting",
        "former",
        "general",
        "gen",
        "lieutenant",
        "lt",
        "colonel",
        "col",
        "major",
        "maj",
        "captain",
        "capt",
        "admiral",
        "adm",
        "marshal",
        "field",
        "commander",
        "sergeant",
        "sgt",
        "king",
        "queen",
        "prince",
        "princess",
        "emperor",
        "pope",
        "cardinal",
        "archbishop",
        "bishop",
        "rev",
        "reverend",
        "father",
        "imam",
        "rabbi",
        "sheikh",
        "emir",
        "ayatollah",
        "judge",
        "justice",
        "chief",
        "secretary",
        "ambassador",
        "chairman",
        "chairwoman",
        "chair",
        "leader",
        "extraordinary",
        "plenipotentiary",
        "mla",
        "mpp",
        "msp",
        "mep",
        "mna",
        "td",
        "cllr",
        "madam",
        "madame",
        "mdm",
        "hon",
        "honourable",
        "honorable",
        "alhaji",
        "haji",
        "hajiya",
        "speaker",
        "oba",
        "ooni",
        "alaafin",
        "alhaja",
        "engr",
        "shri",
        "smt",
        "datuk",
        "dato",
        "encik",
        "puan",
    ]
)
"""Words that can stand before a name without being part of it, after `slug` (so
`Mr.` is `mr`): honorifics, offices and ranks. A run of them is dropped from the
front of a name (`Deputy Prime Minister`), never the name's last word."""


def name_key(name: str) -> str:
    """`President Jörg Brandvik` -> `jorg brandvik`; what two spellings are compared by."""
    words = slug(name, max_length=0).split("-")
    while len(words) > 1 and words[0] in TITLES:
        words.pop(0)
    return " ".join(word for word in words if word)


def surname(key: str) -> str:
    """The last word of a name key: `jorg brandvik` -> `brandvik`."""
    return key.rsplit(" ", 1)[-1]


def similarity(a: str, b: str) -> float:
    """0 to 100: how alike two name keys are, letter by letter (RapidFuzz's ratio)."""
    from rapidfuzz import fuzz

    return fuzz.ratio(a, b)
