"""The same person under two ids: found by comparing names, reported with the id to use.

Every named actor (a register entry, or a story's own actor, whose stories all count
as one actor) is an *identity* with every spelling any file gives it. Spellings are
compared by `names.name_key`: without accents, script, case or a title in front.

- **Same name** (certain): two ids share a spelling, or one goes by a surname alone
  (`Chancellor Brandvik`) that is the surname of the other's full name (people only:
  `Wagner` the company is not `Richard Wagner`). This is an error: the site would show
  one person on two pages. A short form that is only an alias (`Kim`, `Putin`) is not
  compared: many people share a surname.
- **Like names** (likely): every word alike letter by letter (`Lukashenko`,
  `Lukashenka`; `Jörg`, `Iorg`), or the same first and last name around a middle one,
  between actors of one kind. Listed by `explainer actors duplicates` and noted by
  `validate`, never an error: transliterations differ, and so do relatives.

Ids joined by certain matches form a group, and each is pointed at the group's best
id (the register's, else the one most stories use). Anonymous actors are never
compared: they are nobody in particular. Either side's `distinct_from` silences a pair.
Like names are compared only where surnames start alike and are alike themselves, so
the check stays fast with thousands of actors (`bench/cast_bench.py`).
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from dataclasses import dataclass, field

from .loading import Digest, Loc, Problem, locate
from .names import name_key, similarity, surname
from .register import Entry, Register

ALIKE = 75
"""Two words of a name are alike at this RapidFuzz ratio or above: `Alexander` and
`Aleksandr` (78), `Yevgeny` and `Evgeny` (92); `John` and `Jane` (50) are not."""


@dataclass(frozen=True)
class Definition:
    """Where an identity is written down: a register file, or an actor in a story."""

    file: str
    problem_at: Loc
    lines: dict[str, int]
    """Each name key this definition gives the identity, and the line it is on."""
    source: Digest | Entry

    def problem(self, message: str) -> Problem:
        return self.source.problem(self.problem_at, message)

    def where(self, key: str) -> str:
        return f"{self.file}:{self.lines.get(key, 0)}"


@dataclass
class Identity:
    id: str
    registered: bool
    kind: str | None
    spellings: dict[str, str] = field(default_factory=dict)
    """Name key -> the first spelling that gave it."""
    primary: str = ""
    """The key of the name they go by (the register's, or the story's `name`)."""
    definitions: list[Definition] = field(default_factory=list)
    distinct_from: set[str] = field(default_factory=set)
    stories: int = 0
    quotes: int = 0

    def define(self, names: list[tuple[str, Loc]], file: str, at: Loc, source) -> None:
        """Add the spellings `names` (each with where it is written in `source`)."""
        lines = {}
        for name, loc in names:
            key = name_key(name)
            if key and loc[-1] == "name":
                self.primary = self.primary or key
            if key:
                self.spellings.setdefault(key, name)
                lines.setdefault(key, locate(source.positions, loc)[0])
        if lines:
            self.definitions.append(Definition(file, at, lines, source))

    def where(self, key: str) -> str:
        return next((d.where(key) for d in self.definitions if key in d.lines), "")


@dataclass(frozen=True)
class Match:
    """Two ids that look like one actor; `new` is the id to keep."""

    old: Identity
    new: Identity
    old_key: str
    new_key: str
    certain: bool
    via: Identity | None = None
    """When `old` is like `new` only through a third id (both like it)."""

    @property
    def old_name(self) -> str:
        return self.old.spellings[self.old_key]

    @property
    def new_name(self) -> str:
        return self.new.spellings[self.new_key]

    def describe(self) -> str:
        how = "same name" if self.certain else "like names"
        via = f", as {self.via.id} is" if self.via else ""
        return f"{self.old.id} -> {self.new.id} ({how}{via}: “{self.old_name}”, “{self.new_name}”)"

    def reason(self) -> str:
        """Why the two look like one actor, with where the other's name is written."""
        where = self.new.where(self.new_key)
        there = f"{self.new.id!r} “{self.new_name}” ({where})"
        if self.via is not None:
            return f"“{self.old_name}” is like {self.via.id!r}, which is like {there}"
        if self.old_key == self.new_key:
            return f"“{self.old_name}” is also a name of {self.new.id!r} ({where})"
        if self.certain and " " in self.old_key:
            return f"“{self.old_name}” has the surname that {there} goes by"
        if self.certain:
            return f"“{self.old_name}” is only the surname of {there}"
        return f"“{self.old_name}” is like {there}"


def identities(register: Register, digests: list[Digest]) -> dict[str, Identity]:
    """Every named actor, with every spelling, definition and count."""
    found: dict[str, Identity] = {}
    for actor_id, entry in register.entries.items():
        identity = found[actor_id] = Identity(actor_id, True, entry.actor.kind)
        names = [(entry.actor.name, ("name",))]
        names += [(alias, ("aliases", i)) for i, alias in enumerate(entry.actor.aliases)]
        identity.define(names, entry.file, ("id",), entry)
        identity.distinct_from.update(entry.actor.distinct_from)
    for digest in digests:
        story = digest.story
        for index, actor in enumerate(story.actors):
            if actor.anonymous:
                continue
            identity = found.setdefault(actor.id, Identity(actor.id, False, actor.kind))
            identity.distinct_from.update(actor.distinct_from)
            identity.stories += 1
            identity.quotes += len(story.quotes_by(actor.id))
            here: Loc = ("actors", index)
            names = [(alias, (*here, "aliases", i)) for i, alias in enumerate(actor.aliases)]
            if identity.registered:  # only the story's own spellings are its to answer for
                identity.define(names, digest.file, (*here, "aliases"), digest)
            else:
                names.insert(0, (actor.name or "", (*here, "name")))
                identity.define(names, digest.file, (*here, "id"), digest)
    return found


def _rank(identity: Identity) -> tuple:
    """The id to keep sorts first: the register's, then the one more stories use, then
    the first in alphabetical order."""
    return (not identity.registered, -identity.stories, identity.id)


def _words_alike(a: str, b: str, initials: bool) -> bool:
    if a == b:
        return True
    if initials and (len(a) == 1 or len(b) == 1):
        return a[0] == b[0]
    if any(c.isdigit() for c in a + b):
        return False
    return similarity(a, b) >= ALIKE


def _alike(a: str, b: str) -> bool:
    """Like names: word by word alike, or alike first and last words around a middle name."""
    wa, wb = a.split(), b.split()
    if len(wa) == len(wb):
        return all(
            _words_alike(x, y, initials=i < len(wa) - 1)
            for i, (x, y) in enumerate(zip(wa, wb, strict=True))
        )
    if min(len(wa), len(wb)) < 2:
        return False
    return _words_alike(wa[0], wb[0], initials=True) and _words_alike(
        wa[-1], wb[-1], initials=False
    )


def _alike_surnames(surnames: list[str]) -> list[tuple[str, str]]:
    """Each pair (first, second), first <= second in `surnames` (sorted), of surnames
    alike as `_words_alike` says. All pairs are scored at once by RapidFuzz (in C++,
    on every core): a block can hold thousands of surnames (a common one, or a common
    start), and comparing each pair in Python grows with their square."""
    from rapidfuzz import fuzz, process

    scores = process.cdist(surnames, surnames, scorer=fuzz.ratio, score_cutoff=ALIKE,
                           workers=-1)  # fmt: skip
    pairs = []
    for i, j in zip(*scores.nonzero(), strict=True):
        first, second = surnames[i], surnames[j]
        if i <= j and (i == j or not any(c.isdigit() for c in first + second)):
            pairs.append((first, second))
    return pairs


def find_matches(found: dict[str, Identity]) -> list[Match]:
    """Every pair of ids that look like one actor, certain ones first."""
    by_key: dict[str, set[str]] = defaultdict(set)
    by_surname: dict[str, set[str]] = defaultdict(set)
    blocks: dict[str, dict[str, set[tuple[str, str]]]] = defaultdict(lambda: defaultdict(set))
    for identity in found.values():
        for key in identity.spellings:
            if " " not in key and key != identity.primary:
                continue  # a short form (`Kim`) says nothing: many people share it
            by_key[key].add(identity.id)
            if identity.kind == "person" and " " in key:
                by_surname[surname(key)].add(identity.id)
            last = surname(key)
            blocks[f"{identity.kind} {last[:3]}"][last].add((key, identity.id))
    pairs: dict[tuple[str, str], tuple[str, str, bool]] = {}

    def note(a: str, b: str, key_a: str, key_b: str, certain: bool) -> None:
        if a == b or b in found[a].distinct_from or a in found[b].distinct_from:
            return
        pair = (a, b) if a < b else (b, a)
        keys = (key_a, key_b) if a < b else (key_b, key_a)
        if pair not in pairs or (certain and not pairs[pair][2]):
            pairs[pair] = (*keys, certain)

    for key, ids in by_key.items():
        for a, b in itertools.combinations(sorted(ids), 2):
            note(a, b, key, key, certain=True)
        if " " not in key:  # the surname someone goes by is the surname of a full name
            for a in (i for i in ids if found[i].kind == "person"):
                for b in by_surname.get(key, ()):
                    full = next(k for k in found[b].spellings if " " in k and surname(k) == key)
                    note(a, b, key, full, certain=True)
    # like names: compared only where surnames are alike (surnames first, then people)
    for block in blocks.values():
        for first, second in _alike_surnames(sorted(block)):
            for (key_a, a), (key_b, b) in itertools.product(
                sorted(block[first]), sorted(block[second])
            ):
                if a < b and key_a != key_b and _alike(key_a, key_b):
                    note(a, b, key_a, key_b, certain=False)
                elif b < a and key_a != key_b and _alike(key_b, key_a):
                    note(b, a, key_b, key_a, certain=False)
    return _report(found, pairs)


def _report(
    found: dict[str, Identity], pairs: dict[tuple[str, str], tuple[str, str, bool]]
) -> list[Match]:
    """Certain pairs joined into groups, each member pointed at the group's best id; like
    pairs as they are, unless already in one group."""
    group = {actor_id: actor_id for actor_id in found}

    def root(actor_id: str) -> str:
        while group[actor_id] != actor_id:
            group[actor_id] = group[group[actor_id]]
            actor_id = group[actor_id]
        return actor_id

    for (a, b), (_, _, certain) in pairs.items():
        if certain:
            group[root(a)] = root(b)
    members: dict[str, list[Identity]] = defaultdict(list)
    for actor_id in found:
        members[root(actor_id)].append(found[actor_id])

    def keys(a: str, b: str) -> tuple[str, str, bool] | None:
        """The keys by which `a` and `b` are alike (a's first), and whether certainly."""
        found_pair = pairs.get((a, b) if a < b else (b, a))
        if found_pair is None:
            return None
        key_a, key_b, certain = found_pair
        return (key_a, key_b, certain) if a < b else (key_b, key_a, certain)

    matches = []
    for team in members.values():
        best = min(team, key=_rank)
        for identity in team:
            if identity is best:
                continue
            direct = keys(identity.id, best.id)
            if direct is not None and direct[2]:
                matches.append(Match(identity, best, direct[0], direct[1], True))
                continue
            via = next(  # the member through which it joined the group
                other for other in team if (k := keys(identity.id, other.id)) and k[2]
            )
            old_key = keys(identity.id, via.id)[0]  # type: ignore[index]
            new_key = best.primary or next(iter(best.spellings))
            matches.append(Match(identity, best, old_key, new_key, True, via))
    for (a, b), (key_a, key_b, certain) in pairs.items():
        if not certain and root(a) != root(b):
            new, old = sorted((found[a], found[b]), key=_rank)
            spelt = {a: key_a, b: key_b}
            matches.append(Match(old, new, spelt[old.id], spelt[new.id], False))
    return sorted(matches, key=lambda m: (not m.certain, m.new.id, m.old.id))


def duplicate_problems(matches: list[Match]) -> list[Problem]:
    """The certain matches as errors, each where the id to replace gives the name."""
    problems = []
    for match in matches:
        if not match.certain:
            continue
        for definition in match.old.definitions:
            if match.old_key not in definition.lines:
                continue
            problems.append(
                definition.problem(
                    f"actor {match.old.id!r} looks like {match.new.id!r}: {match.reason()} "
                    f"(expected `id: {match.new.id}`: `explainer actors merge {match.old.id} "
                    f"{match.new.id}` changes every file; or `distinct_from: [{match.new.id}]` "
                    "if they are two people)"
                )
            )
    return problems
