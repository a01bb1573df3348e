"""An article as people have it (plain text with blank or single line breaks, or a saved
web page) turned into its parts: headline, byline, outlet, date, image captions and
credits, and the body's paragraphs."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

import regex

from ..digest.names import name_key
from .names import FUNCTION_WORDS, NAME, ORG_WORD_RE, org_kind

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
MONTH_ABBREVIATIONS = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
_MONTH = rf"(?:{MONTHS}|(?:{MONTH_ABBREVIATIONS})\.?)"
DATE_PATTERNS = (
    rf"\b(?P<day>\d{{1,2}}) (?P<month>{_MONTH}),? (?P<year>\d{{4}})\b",
    rf"\b(?P<month>{_MONTH}) (?P<day>\d{{1,2}}),? (?P<year>\d{{4}})\b",
    r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b",
    # 28/06/2026 and 28.06.2026; 06/28/2026 (month first) where the day is over 12
    r"\b(?P<day>\d{1,2})[./](?P<month>\d{1,2})[./](?P<year>\d{4})\b",
    r"\b(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{4})\b",
)
CREDIT = re.compile(
    r"^(?:photo(?:graph)?|image|picture|pic|credit|illustration|video)s?\s*(?:credit)?\s*[:|]"
    r"|\((?:photo|image|picture|credit)[^)]*\)\s*$"
    r"|(?:^|\s)[A-Z][\w.&' -]*/\s*[A-Z][\w .&-]+(?:\s+via [\w .&-]+)?$"  # NAME/AGENCY
    r"|\bvia (?:Getty|AP|AFP|Reuters|EPA|Shutterstock|[\w.-]+ Images)\b"
    r"|\b(?:Getty Images|Shutterstock|Alamy|EPA-EFE|AP Photo|Reuters/)\b"
    r"|^©",
    re.IGNORECASE,
)
BOILERPLATE = re.compile(
    r"^(?:read more|related|recommended|more on this|see also|sign up|subscribe|advertisement"
    r"|share this|share on|click here|comments?\b|please let us know|follow us|follow [\w .’'-]+ on"
    r"|copyright\b|©|all rights reserved|this article (?:was|has been)|listen to this|watch:"
    r"|most read|trending|newsletter)",
    re.IGNORECASE,
)
_FILED = r"(?:\s+(?i:in|at)\s+\p{Lu}[\p{L}.-]*(?:\s+\p{Lu}[\p{L}.-]*){0,2})?"
"""Where a reporter filed from, after the name: `in Port Aubel`, `at Brenn Park`."""
BYLINE = regex.compile(
    r"^(?i:by|written by|words by|reporting by|interview by|interviewed by|story by|text by|"
    r"edited by|compiled by|by:|authors?:|reporter:)\s+"
    rf"(?P<names>{NAME}{_FILED}(?:\s*(?:,|(?i:and)|&)\s*{NAME}{_FILED})*)"
    r"(?:\s*(?:,|\||—|–|-|(?i:for))\s*(?P<outlet>[^,|]+?))?\s*$",
)
STAFF_LINE = regex.compile(
    rf"^(?P<names>{NAME})\s*(?:,|\|)\s*(?P<role>(?:[\p{{L}}-]+\s+){{0,3}}"
    r"(?i:correspondent|editor|reporter|writer|journalist|staff|columnist|producer|"
    r"reporters|contributor)(?:,\s*(?i:at|in)\s+[^,|]+)?|[^,|]+)$",
)
STAFF_BYLINE = regex.compile(
    rf"^(?i:by)\s+(?P<outlet>{NAME})\s+(?i:staff|reporters|desk|newsroom)(?P<names>)$"
)
DATELINE = regex.compile(
    r"^(?:[\p{Lu}][\p{Lu}\p{M} .’'-]+(?:,[^()/]{0,40}?)?\s*)?"
    r"(?:\((?P<outlet>[\p{L}\d .&’'-]{2,40})\)\s*[—–-]+\s*"
    r"|\.?\s*/(?P<outlet>[\p{L}\d .&’'-]{2,40})/\.?\s)"
)
COPYRIGHT = regex.compile(
    r"^(?:copyright\s*)?(?:©\s*)?(?:(?P<year>\d{4})\s+(?P<outlet>[^.]+?)|(?P<outlet>[^.\d]+?)\s+\d{4})"
    r"\s*(?:\.|$)",
    regex.IGNORECASE,
)
CAPTION_LABEL = regex.compile(
    r"^\[?\s*(?i:picture|photo|image|video)\s+(?i:caption)\s*:\s*(?P<caption>.*?)\]?\s*$"
)
"""A caption printed with its label: `[Picture caption: …]`."""
FROM_BYLINE = regex.compile(
    rf"^(?i:from)\s+(?P<names>{NAME})\s*,\s*\p{{Lu}}[\p{{L}}-]*(?:\s+\p{{Lu}}[\p{{L}}-]*)*$"
)
"""A byline with the place it was filed from: `From Oluwaseun Adeyemi-Bankole, Ilemora`."""
WITH_AGENCIES = regex.compile(
    rf"^(?P<names>{NAME}(?:\s*(?:,|(?i:and)|&)\s*{NAME})*)\s*"
    r"\((?i:with|and|additional reporting by)\s[^)]*\)$"
)
"""A byline crediting agencies too: `Agnieszka Bale (with Halyard, GPA)`."""
BREADCRUMB = regex.compile(
    r"[\p{Lu}][\p{L} &’'-]{0,30}(?:\s+[·|•›>/]\s+[\p{Lu}][\p{L} &’'-]{0,30})+"
)
"""A section's path: `Politics · Federal · Foreign affairs`."""
_JOB_AFTER = (
    r"\s+(?:[\p{L}-]+\s+)?(?:editor|correspondent|reporter|writer|journalist|columnist|producer)"
)
NAME_AND_JOB = regex.compile(rf"^(?P<names>{NAME})(?P<role>{_JOB_AFTER})$")
"""A byline with the job after the name and no comma: `Lorna Quayle Diplomatic editor`."""
_ENTRY = rf"{NAME}(?:{_JOB_AFTER}|{_FILED})"
TEAM_LINE = regex.compile(rf"^(?P<names>{_ENTRY}(?:(?:(?:\s*,)?\s+(?i:and)\s+|\s*,\s*){_ENTRY})+)$")
"""Two reporters, each with a job or a place: `Lorna Quayle Diplomatic editor, and Jo
Pike in Ostra`."""
REPORTING_BY = regex.compile(
    rf"(?i:reporting|writing) by (?P<names>{NAME}(?:\s*(?:,|and)\s*{NAME})*)"
)


class NotAnArticle(ValueError):
    """The input has no article text to draft from."""


@dataclass
class Article:
    headline: str
    paragraphs: list[str]  # the body, each paragraph on one line
    authors: list[str] = field(default_factory=list)
    outlet: str | None = None
    date: dt.date | None = None
    captions: list[tuple[str | None, str]] = field(default_factory=list)  # (caption, credit)
    text: str = ""  # the plain text the digest's quotes are checked against
    bylined: bool = False  # the article has a byline (its authors, or its staff)


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs, whether separated by blank lines or by single line breaks: a block of
    lines that mostly end a sentence is one paragraph a line; a hard-wrapped block is
    one paragraph."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    paragraphs: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        lines = [" ".join(line.split()) for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        ended = sum(1 for line in lines if re.search(r"[.!?…:\"”’»)]$", line))
        if (len(lines) > 1 and ended / len(lines) >= 0.5) or _headed(lines):
            paragraphs.extend(lines)
        else:
            paragraphs.append(" ".join(lines))
    return paragraphs


def _headed(lines: list[str]) -> bool:
    """A block whose first line is a headline, byline or caption over other lines."""
    return len(lines) > 1 and not re.search(r"[.,;:]$", lines[0]) and len(lines[0]) < 160


def parse_date(text: str) -> dt.date | None:
    for pattern in DATE_PATTERNS:
        match = re.search(pattern, text) or re.search(pattern, text.title())  # "MAR 10, 2026"
        if not match:
            continue
        month = match.group("month").rstrip(".")
        try:
            if month.isdigit():
                number = int(month)
            else:
                number = next(
                    i for i, name in enumerate(MONTHS.split("|"), 1) if name.startswith(month[:3])
                )
            return dt.date(int(match.group("year")), number, int(match.group("day")))
        except (ValueError, StopIteration):
            continue
    return None


def _is_byline(line: str) -> regex.Match | None:
    if len(line) > 120:
        return None
    match = BYLINE.match(line)
    if match:
        return match
    match = STAFF_LINE.match(line)
    if (
        match and not ORG_WORD_RE.search(match.group("names")) and len(line.split()) <= 10
        and len(match.group("names").split()) >= 2 and not re.search(r"\d", line)
        # a sentence is no byline: "On Wednesday, the mayor was in a better mood."
        and not line.rstrip().endswith((".", "!", "?", ":"))  # nor a transcript's label
        and match.group("names").split()[0].lower() not in FUNCTION_WORDS
    ):  # fmt: skip
        return match
    agencies = WITH_AGENCIES.match(line)
    if agencies:
        return agencies
    filed = FROM_BYLINE.match(line)
    if filed and len(filed.group("names").split()) >= 2 and len(line.split()) <= 8:
        return filed
    team = TEAM_LINE.match(line)
    if team and (regex.search(_JOB_AFTER, line) or regex.search(r"\s(?i:in|at)\s", line)):
        return team
    job = NAME_AND_JOB.match(line)
    if job:
        names = job.group("names").split()
        if names[-1][:1].isupper() and len(names) > 2 and not JOB.search(names[-1]):
            # the capitalised first word of the job went with the name: put it back
            at = line.rindex(names[-1])
            job = NAME_AND_JOB.match(line[:at].rstrip() + " " + line[at:].lower())
        if job and 2 <= len(job.group("names").split()) <= 4:
            return job
    return STAFF_BYLINE.match(line)


SECTIONS = frozenset(
    "opinion analysis comment news world politics business sport sports culture lifestyle "
    "science health technology tech environment features feature review reviews explainer "
    "live commentary transcripts transcript diplomacy europe nation metro region regional "
    "international foreign".split()
)
"""A section's name (`Opinion`) under a byline or a masthead: not the outlet."""
SECTION_QUALIFIERS = frozenset("local national breaking latest top stories home".split())
JOB = re.compile(
    r"correspondent|editor|reporter|writer|journalist|staff|columnist|producer|"
    r"contributor|desk|\d|\bchief\b|\bfellow\b|analyst|researcher|professor|director",
    re.IGNORECASE,
)


def _read_byline(byline: regex.Match, article: Article) -> None:
    """Authors and, where the byline names it, the outlet: `By NAME, OUTLET`,
    `NAME | OUTLET`, `NAME, Political Correspondent`, `By OUTLET staff`."""
    outlet = byline.groupdict().get("outlet") or byline.groupdict().get("role")
    if JOB.search(byline.group("names")) and byline.re is STAFF_LINE:
        outlet = None  # "Senior Fellow, Ports Programme": the author's job and department
    if outlet:  # "Cricket Correspondent, at Ashcombe Park", ", in Cassarine": where, not who
        outlet = regex.sub(r"(?:^|,)\s*(?i:at|in)\s+[^,|]+$", "", outlet) or None
    article.bylined = True
    role = byline.groupdict().get("role") or ""
    if byline.re is NAME_AND_JOB and role.split()[0].lower() == "staff":
        article.outlet = article.outlet or byline.group("names")  # "Valley Record staff writer"
        return
    names, *publication = regex.split(r"\s+(?i:for)\s+", byline.group("names"), maxsplit=1)
    helper = regex.fullmatch(rf"(?i:with)\s+(?P<names>{NAME})(?:\s+(?i:in)\s+.+)?", outlet or "")
    if helper:  # "NAME, with NAME in PLACE": a second reporter, on the spot
        names, outlet = f"{names}, {helper.group('names')}", None
    outlet = outlet or (publication[0] if publication else None)  # "By NAME FOR OUTLET"
    for name in _names(names):
        if JOB.search(name):
            continue
        # "BRC Westmoor": an outlet's initials first (a surname in capitals comes last)
        acronym = bool(regex.match(r"\p{Lu}{2,5}\s", name)) and not name.isupper()
        if org_kind(name) or name.split()[0].lower() == "the" or " " not in name or acronym:
            # "By NAME and NAME, MNN": one word is the outlet, not an author
            outlet = outlet or name
        elif name not in article.authors:
            article.authors.append(name)
    if outlet:
        staff = regex.match(r"(.+?)\s+(?:staff|desk|newsroom)$", outlet, regex.I)
        outlet = staff.group(1) if staff else outlet
        outlet = regex.split(r",\s*", outlet)[-1]
    if outlet and not JOB.search(outlet) and not article.outlet:
        article.outlet = outlet.strip()


def _names(text: str) -> list[str]:
    """The names in a byline, each as written, or in title case when set in capitals."""
    found = [n.strip() for n in re.split(r"\s*(?:,|\band\b|&)\s*", text, flags=re.I)]
    found = [regex.sub(r"\s+(?i:in|at)\s+\p{Lu}.*$", "", n) for n in found]  # "in Port Aubel"
    found = [_without_job(n) for n in found]
    return [  # in capitals, a name in title case; one word in capitals is an outlet's (MNN)
        _title_case(n) if (n.isupper() or _mostly_capitals(n)) and " " in n else n
        for n in found
        if n
    ]


def _without_job(name: str) -> str:
    """`Lorna Quayle Diplomatic editor` -> `Lorna Quayle`; a job alone stays one
    (`Courts Reporter`), for the byline's reader to leave out."""
    short = regex.sub(rf"(?i:{_JOB_AFTER})$", "", name)
    return short if len(short.split()) >= 2 else name


def _mostly_capitals(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return len(letters) > 3 and sum(c.isupper() for c in letters) > 0.7 * len(letters)


def _title_case(name: str) -> str:
    """`JESS McCARTHY-BRAND` -> `Jess Mccarthy-Brand`; the case of `Mc` is lost."""
    return regex.sub(r"\p{L}+", lambda m: m.group(0)[:1].upper() + m.group(0)[1:].lower(), name)


def read_text(text: str) -> Article:
    """The parts of a plain-text article: the headline is its first line."""
    paragraphs = split_paragraphs(text)
    if not paragraphs:
        raise NotAnArticle("there is no text in it")
    masthead = _masthead(paragraphs) if len(paragraphs) > 1 else None
    printed = None
    if masthead is not None:  # the outlet's name (or a section's path) over the headline,
        paragraphs = paragraphs[1:]  # as a saved page's text begins, and the section's
        while len(paragraphs) > 1 and (_section_line(paragraphs[0]) or _date_line(paragraphs[0])):
            printed = printed or _date_line(paragraphs[0])  # path or the date under it
            paragraphs = paragraphs[1:]
    masthead = masthead or None
    article = Article(headline=paragraphs[0], paragraphs=[], text=text, outlet=masthead)
    article.date = printed
    body: list[str] = []
    pending_caption: str | None = None
    dated_by: str | None = None  # a name beside the date, the outlet if none is found
    for number, paragraph in enumerate(paragraphs[1:], 1):
        # the header: above the first paragraphs of the story itself (a standfirst or a
        # few subheading lines may come before the byline and the date)
        header = number <= 8 and sum(len(p.split()) for p in body) < 60
        byline = _is_byline(paragraph) if header else None
        if byline:
            _read_byline(byline, article)
            continue
        if header and len(paragraph) < 80 and parse_date(paragraph):
            article.date = article.date or parse_date(paragraph)
            named, sure = _outlet_in_date_line(paragraph)
            if named and sure:  # "Thursday 15 October 2026, 12.01am, The Courier"
                article.outlet = named
            dated_by = dated_by or named  # "Marevia Today | Wednesday 14 October 2026"
            if not re.search(r"[.!?]$", paragraph) or re.match(
                r"(?:published|updated|posted|first published)", paragraph, re.I
            ):
                continue
        if BOILERPLATE.match(paragraph):
            _read_footer(paragraph, article)
            continue
        labelled = CAPTION_LABEL.match(paragraph)
        if labelled:  # "[Picture caption: SABRE-RATTLING: … said the games were ‘reckless’]"
            article.captions.append((labelled.group("caption").strip(), None))
            continue
        if CREDIT.search(paragraph) and len(paragraph) < 200 and not _quoted(paragraph):
            caption, credit = _split_credit(paragraph)
            article.captions.append((caption or pending_caption, credit))
            pending_caption = None
            continue
        if header and _is_caption(paragraph, paragraphs, number):
            pending_caption = paragraph
            continue
        reporting = REPORTING_BY.search(paragraph)
        if reporting and len(paragraph) < 200 and not _quoted(paragraph):
            if not article.bylined:
                article.authors.extend(n for n in _names(reporting.group("names"))
                                       if n not in article.authors)  # fmt: skip
            continue
        if header and _outlet_line(paragraph):
            article.outlet = article.outlet or paragraph
            continue
        above = paragraphs[number - 1]
        outlet = paragraph.split(",")[0].strip()
        if header and article.bylined and above in article.authors and _outlet_line(outlet):
            article.outlet = article.outlet or outlet  # "NBS News, Glenmoray" under the name
            continue
        if header and article.bylined and _under_byline(paragraph, above, article.authors):
            # "By NAME" over "Staff Writer" (the author's job) or "The Valley Courier-Star"
            if not JOB.search(paragraph) and paragraph.lower() not in SECTIONS:
                article.outlet = article.outlet or paragraph
            continue
        if header and _author_line(paragraph, paragraphs, number):
            article.authors.extend(n for n in _names(paragraph) if n not in article.authors)
            article.bylined = True
            continue
        dateline = DATELINE.match(paragraph) if len(body) <= 2 else None
        if dateline and not article.outlet:
            article.outlet = dateline.group("outlet").strip()
        body.append(paragraph)
    article.paragraphs = body
    if article.date is None:
        article.date = next((d for p in body[:2] if (d := _dateline_date(p))), None)
    article.outlet = article.outlet or dated_by
    if not article.outlet:
        email = re.search(r"@([a-z0-9-]+)\.(?:com|org|net|co\.uk)\b", text)
        if email:
            article.outlet = email.group(1).title()
    return article


ACRONYM = regex.compile(r"\p{Lu}{2,4}")
"""An outlet known by its initials (`ENN`); a longer word in capitals is a name (`ATLAS`)."""


def _masthead(paragraphs: list[str]) -> str | None:
    """The outlet's name as a masthead prints it over the headline, without the section
    after it: `THE HARBOUR REVIEW · LONG READ` -> `The Harbour Review`, `ENN | Transcripts`
    -> `ENN`, `The Sunday Compass | Review | The Interview`; a publisher's name over a
    section's (`ATLAS` over `World | Feature`, a think tank's name over `Commentary`); an
    agency's service (`SARPRESS English Service`, the agency its dateline names). "": a
    section's path alone (`World | Europe`), no outlet. None: the first line is the
    headline."""
    line, following = paragraphs[0].strip(), paragraphs[1]
    parts = regex.split(r"\s+[·|•›>]\s+", line)
    name = parts[0]
    if _section_words(name) and (len(parts) > 1 or _section_line(following)):
        return ""  # "World | Europe", "LOCAL NEWS" over "Politics"
    if _section_words(name) and line.isupper() and len(name.split()) <= 3:
        return ""  # "LOCAL NEWS": a section's name in capitals
    if ACRONYM.fullmatch(name):
        return name if len(parts) > 1 or _section_line(following) else None
    agency = regex.match(r"(\p{Lu}{3,10})\s+(?:\p{Lu}\p{Ll}+\s+)?(?:Service|Desk|Wire)$", line)
    if agency and any(
        (found := DATELINE.match(p)) and found.group("outlet") == agency.group(1)
        for p in paragraphs[1:6]
    ):
        return agency.group(1)  # "SARPRESS English Service" over "KAIRAN (SARPRESS) --"
    name = _title_case(name) if _mostly_capitals(name) else name
    if _outlet_line(name):
        return name
    if (
        len(parts) > 1
        and len(name.split()) <= 6
        and regex.fullmatch(NAME, name)
        and (
            org_kind(name)
            or regex.match(r"The\s", name)
            or any(_section_words(p) for p in parts[1:])
        )
    ):
        return name  # "The Sunday Compass | Review | The Interview"
    plate = (
        len(parts) == 1
        and len(name.split()) <= 6
        and (line.isupper() or org_kind(name) is not None)
    )
    return name if plate and _section_line(following) else None


def _outlet_in_date_line(line: str) -> tuple[str | None, bool]:
    """The outlet a date line names, and whether surely (a paper's word in its name):
    `Thursday 15 October 2026, 12.01am, The Courier`; `Marevia Today | Wednesday 14
    October 2026 | Last updated 23:55` (or a column's name: `The Saturday Interview`)."""
    piped = regex.split(r"\s+[|·•]\s+", line.strip())
    parts = piped if len(piped) > 1 else regex.split(r",\s+", line.strip())
    for n, part in enumerate(parts):
        if parse_date(part) or regex.search(r"\d", part) or _section_words(part):
            continue
        if _outlet_line(part):
            return part, True
        if n == 0 and len(piped) > 1 and regex.fullmatch(NAME, part) and len(part.split()) <= 4:
            return part, False
    return None, False


def _section_words(text: str) -> bool:
    """Words that name a section, not an outlet: `World`, `LOCAL NEWS`, `Top stories`."""
    words = text.casefold().split()
    return bool(words) and all(w in SECTIONS or w in SECTION_QUALIFIERS for w in words)


def _section_line(line: str) -> bool:
    """A section's name or path: `World | Feature`, `Commentary`."""
    return bool(BREADCRUMB.fullmatch(line)) or line.strip().casefold() in SECTIONS


def _date_line(line: str) -> dt.date | None:
    """The date alone on a line: `Saturday, October 17, 2026`."""
    found = parse_date(line) if len(line) < 60 and not re.search(r"[.!?]$", line) else None
    return found if found and len(regex.findall(r"\p{L}+", line)) <= 4 else None


def _outlet_line(paragraph: str) -> bool:
    """A line that is only the outlet's name: `The Ostravian Chronicle`."""
    return (
        len(paragraph.split()) <= 6 and org_kind(paragraph) == "media"
        and not JOB.search(paragraph)  # "Sentinel Staff Writer" is the author's job
        and bool(regex.fullmatch(NAME, regex.sub(r"^The\s+", "", paragraph)))
    )  # fmt: skip


def _under_byline(paragraph: str, above: str, authors: list[str]) -> bool:
    """A short line of capitalised words right under the byline: the author's job
    (`Senior Correspondent`) or the outlet (`The Valley Courier-Star`)."""
    return (
        (bool(_is_byline(above)) or above in authors)
        and len(paragraph.split()) <= 5 and not re.search(r"\d", paragraph)
        and bool(regex.fullmatch(r"(?:\p{Lu}[\p{L}’'.&-]*\s*)+", paragraph))
    )  # fmt: skip


def _author_line(paragraph: str, paragraphs: list[str], number: int) -> bool:
    """Names alone on their line (`A B`, `A B and C D`), over a line with the author's
    job (`Business Correspondent, RVN News`), the outlet (`NBS News, Glenmoray`), the
    date, or a section's name and then the date (`Opinion`)."""
    following = paragraphs[number + 1] if number + 1 < len(paragraphs) else ""
    after = paragraphs[number + 2] if number + 2 < len(paragraphs) else ""
    names = _names(paragraph)
    return (
        bool(names) and all(2 <= len(n.split()) <= 4 and regex.fullmatch(NAME, n) for n in names)
        and not org_kind(paragraph) and not JOB.search(paragraph) and len(following) < 80
        and (bool(JOB.search(following)) or _outlet_line(following.split(",")[0].strip())
             or bool(parse_date(following))
             or (len(following.split()) == 1 and following[:1].isupper()
                 and bool(parse_date(after))))
    )  # fmt: skip


def _dateline_date(paragraph: str) -> dt.date | None:
    head = paragraph[:80]
    return parse_date(head) if DATELINE.match(paragraph) else None


def _quoted(paragraph: str) -> bool:
    return bool(re.search(r"[“”«»„]|(?:^|\s)[\"'‘]\w", paragraph))


def _split_credit(line: str) -> tuple[str | None, str]:
    match = re.search(
        r"\s*(\((?:photo|image|picture|credit)[^)]*\)|(?:photo(?:graph)?|image|picture|credit)s?"
        r"\s*:.*|[\w .&-]*/[\w .&-]+(?:via [\w .&-]+)?|©.*)$",
        line,
        re.IGNORECASE,
    )
    label = r"^\(?(?:photo(?:graph)?|image|picture|credit)s?\s*(?:credit)?\s*:\s*"
    if match and match.start() > 0:
        caption = line[: match.start()].strip() or None
        return caption, regex.sub(label, "", match.group(1).strip(" ()"), flags=regex.I)
    return None, regex.sub(label, "", line.strip(), flags=regex.I).rstrip(")")


def _is_caption(paragraph: str, paragraphs: list[str], number: int) -> bool:
    """A line right above a credit line: the photo's caption."""
    following = paragraphs[number + 1] if number + 1 < len(paragraphs) else ""
    return bool(CREDIT.search(following)) and len(following) < 120 and not _quoted(following)


def _read_footer(paragraph: str, article: Article) -> None:
    follow = regex.match(rf"(?i:follow) (?P<name>{NAME}) (?i:on)", paragraph)
    if follow and not article.authors:
        article.authors.append(follow.group("name"))
    found = (
        COPYRIGHT.match(paragraph) if regex.match(r"(?:copyright|©)", paragraph, regex.I) else None
    )
    if found:
        outlet = found.group("outlet").strip()
        # the copyright gives the outlet's full name: "Northline" -> "Northline News
        # Agency", "AW" -> "Allied Wire"
        if not article.outlet or _short_for(article.outlet, outlet):
            article.outlet = outlet


def _short_for(short: str, full: str) -> bool:
    """`Northline` or `AW` is a short form of `Northline News Agency`, `Allied Wire`."""
    key, words = name_key(short), name_key(full).split()
    return key in " ".join(words) or key == "".join(w[0] for w in words if w)


def read_html(html: str) -> Article:
    """A saved web page's article, extracted with trafilatura."""
    import trafilatura

    extracted = trafilatura.bare_extraction(
        _prepared(html), with_metadata=True, include_comments=False, include_tables=False
    )
    document = extracted.as_dict() if extracted is not None else None
    if not document or not (document.get("text") or "").strip():
        raise NotAnArticle("no article text could be found in the page")
    body = document["text"]
    title = (document.get("title") or "").strip()
    lines = [line for line in body.split("\n") if line.strip()]
    if title and lines and lines[0].strip() == title:
        lines = lines[1:]
    text = "\n\n".join([title or lines[0], *lines])
    article = read_text(text)
    marked = _marked_authors(html)
    if marked:
        article.authors = marked
    elif document.get("author"):
        article.authors = _names(document["author"].replace(";", ","))
    article.outlet = document.get("sitename") or article.outlet
    if document.get("date"):
        with contextlib.suppress(ValueError):
            article.date = dt.date.fromisoformat(document["date"][:10])
    return article


POST_LINK = regex.compile(
    r"https?://(?:www\.)?(?:x|twitter|instagram|facebook|threads|bsky|t)\.(?:com|me|net|app)/"
)
POST_CLASS = regex.compile(
    r"tweet|x-post|fb-post|facebook|social|instagram|telegram|bluesky|threads|mastodon"
)


def _prepared(html: str) -> str:
    """`html` with the parts of its article that text extraction drops made paragraphs
    of the article: embedded social posts (`_quote_posts`) and boxes of the article's own
    text set aside from it (`_open_boxes`)."""
    from lxml import etree
    from lxml import html as markup

    try:
        page = markup.fromstring(html)
    except (ValueError, etree.ParserError):
        return html
    changed = _quote_posts(page) + _open_boxes(page)
    return markup.tostring(page, encoding="unicode") if changed else html


def _open_boxes(page: Any) -> int:
    """An `<aside>` inside the `<article>` that holds paragraphs of prose (a
    correspondent's analysis box), not links or a line or two: made a `<div>`, so its
    paragraphs are the article's. How many."""
    opened = 0
    for article in page.iter("article"):
        for box in list(article.iter("aside")):
            prose = [p for p in box.iter("p") if len(p.text_content().split()) >= 15]
            linked = sum(len(a.text_content().split()) for a in box.iter("a"))
            if len(prose) >= 2 and linked * 4 < len(box.text_content().split()):
                box.tag = "div"
                opened += 1
    return opened


def _quote_posts(page: Any) -> int:
    """Each embedded social post (a `<blockquote>` of a tweet, an X or Telegram post,
    kept in a `<figure>` that text extraction drops as an image) made a paragraph of its
    own: its words in quotation marks, then who posted it (`“…” — NAME (@handle) DATE`),
    as a print article quotes a post. How many."""
    from lxml import html as markup

    posts = [
        quote for quote in page.iter("blockquote")
        if POST_CLASS.search(quote.get("class") or "")
        or any(POST_LINK.match(link.get("href") or "") for link in quote.iter("a"))
    ]  # fmt: skip
    for quote in posts:
        said = [" ".join(p.text_content().split()) for p in quote.iter("p")]
        said = [text for text in said if text]
        whole = " ".join(quote.text_content().split())
        signed = whole
        for text in said:
            signed = signed.replace(text, "", 1)
        if not said:
            continue
        paragraph = markup.Element("p")
        paragraph.text = f"“{' '.join(said)}” {signed.strip()}".rstrip()
        box = quote.getparent()
        target = box if box is not None and box.tag == "figure" and len(box) == 1 else quote
        target.addprevious(paragraph)
        paragraph.tail = target.tail
        target.getparent().remove(target)
    return len(posts)


AUTHOR_NODES = (
    "//a[@rel='author']",
    "//*[@itemprop='author']//*[@itemprop='name']",
    "//*[contains(@class,'byline') or contains(@class,'contributor') or contains(@class,'author')]"
    "//*[contains(concat(' ',@class,' '),' name ') or contains(@class,'__name')"
    " or contains(@class,'-name')]",
)
"""Where a page marks its authors' names: `rel="author"`, schema.org's `itemprop`, a
byline's `name` element (`<span class="name">` beside the reporter's role)."""


def _marked_authors(html: str) -> list[str]:
    """The authors' names as the page marks them up in its article, else nowhere; each
    element's text alone (text extraction runs a name into the role beside it)."""
    from lxml import etree
    from lxml import html as markup

    with contextlib.suppress(ValueError, etree.ParserError):
        page = markup.fromstring(html)
        scope = (page.xpath("//article") or [page])[0]
        for path in AUTHOR_NODES:
            names = []
            for node in scope.xpath("." + path):
                name = regex.sub(r"^(?i:by)\s+", "", " ".join(node.text_content().split()))
                fits = regex.fullmatch(NAME, name) and 2 <= len(name.split()) <= 4
                if fits and name not in names:
                    names.append(name)
            if names:
                return names
    return []


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:1000].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text)


def read_article(text: str) -> Article:
    """The article in `text`, plain or HTML; NotAnArticle says why it is not one."""
    if "\x00" in text:
        raise NotAnArticle("it is a binary file, not text")
    article = read_html(text) if looks_like_html(text) else read_text(text)
    words = sum(len(p.split()) for p in article.paragraphs)
    if words < 12:
        raise NotAnArticle(
            f"it has {words} words of body text in {len(article.paragraphs)} paragraph(s) "
            "(expected a news article: a headline on the first line, then paragraphs)"
        )
    return article
