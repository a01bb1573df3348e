"""The actor register: the people and bodies every story shares, one file each.

`content/actors/<id>.yml` holds what is true of an actor in every story: the name
readers know, every spelling, the kind, a short neutral description, a Wikidata id.
A story lists the actor by that id and adds only what is its own (role, how the
source describes them, the source's spellings). An actor that is in no register
entry is defined by the story itself, as before the register existed.

`resolve` gives each story's actors their register name and kind, so templates,
feeds and metadata read one shape whichever way an actor was defined.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..website.paths import PEOPLE_DIR, reserved_problem
from .loading import (
    REGISTER_DIR,
    Digest,
    InputError,
    Loc,
    Problem,
    field_path,
    locate,
    read_digest,
    read_model,
)
from .names import name_key
from .schema import ACTOR_REFERENCES, Actor, RegisteredActor, Story, references, replace_at


@dataclass(frozen=True)
class Entry:
    """One register file, loaded: the actor and where its fields are."""

    actor: RegisteredActor
    file: str
    positions: dict[Loc, tuple[int, int]]

    def problem(self, loc: Loc, message: str) -> Problem:
        return Problem(self.file, *locate(self.positions, loc), field_path(loc), message)


@dataclass(frozen=True)
class Register:
    entries: dict[str, Entry]
    folder: str
    """The register folder as shown in messages, e.g. `content/actors`."""

    def get(self, actor_id: str) -> RegisteredActor | None:
        entry = self.entries.get(actor_id)
        return entry.actor if entry else None


def register_dir(content_dir: Path) -> Path:
    return content_dir / REGISTER_DIR


def register_files(content_dir: Path) -> list[Path]:
    folder = register_dir(content_dir)
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.iterdir()
        if p.suffix.lower() in (".yml", ".yaml") and not p.name.startswith((".", "_"))
    )


def read_entry(
    path: Path, display: str, raw: bytes | None = None
) -> tuple[Entry | None, list[Problem]]:
    """Read and check one register file (or `raw`, the text it is about to be given)."""
    actor, _, positions, problems = read_model(RegisteredActor, path, display, raw)
    if actor is None:
        return None, problems
    entry = Entry(actor, display, positions)
    if actor.id != path.stem:
        problems.append(
            entry.problem(
                ("id",),
                f"{actor.id!r} does not match the file name (expected `{path.stem}`, "
                f"or rename the file to `{actor.id}{path.suffix}`)",
            )
        )
    problem = reserved_problem(actor.id, PEOPLE_DIR)
    if problem:
        problems.append(entry.problem(("id",), problem))
    return (None, problems) if problems else (entry, [])


Reader = Callable[[Path, str], tuple[Entry | None, list[Problem]]]


def load_register(
    content_dir: Path,
    display: Callable[[Path], str],
    read: Reader | None = None,
    removed: set[Path] | frozenset[Path] = frozenset(),
) -> Register:
    """Every register entry (but those about to be `removed`); InputError lists every
    problem of every file."""
    read = read or read_entry
    entries: dict[str, Entry] = {}
    problems: list[Problem] = []
    for path in register_files(content_dir):
        if path in removed:
            continue
        entry, found = read(path, display(path))
        problems += found
        if entry is not None:
            entries[entry.actor.id] = entry
    if problems:
        raise InputError(problems)
    return Register(entries, display(register_dir(content_dir)))


ANONYMOUS_WORDS = frozenset({"unknown", "unnamed", "anonymous", "unidentified"})
"""A person named with one of these words is an unnamed or unknown speaker."""


def resolve(digest: Digest, register: Register) -> tuple[Digest, list[Problem]]:
    """The digest with each register actor's name and kind filled in from the register,
    and what does not fit: a story-only actor without a name or kind, a register actor
    whose name, kind or Wikidata id the story contradicts."""
    story = digest.story
    problems: list[Problem] = []
    actors: list[Actor] = []
    for index, actor in enumerate(story.actors):
        entry = register.entries.get(actor.id)
        found = (
            _anonymous_problems(actor, entry, register)
            if actor.anonymous
            else _registered_problems(actor, entry)
            if entry
            else _story_only_problems(actor, register)
        )
        problems += [digest.problem(("actors", index, *loc), message) for loc, message in found]
        if entry and not actor.anonymous:
            actor = actor.model_copy(
                update={
                    "name": entry.actor.name,
                    "kind": entry.actor.kind,
                    "wikidata": entry.actor.wikidata,
                }
            )
        actors.append(actor)
    if problems:
        return digest, problems
    if all(new is old for new, old in zip(actors, story.actors, strict=True)):
        return digest, []
    resolved = Story.model_construct(**{**dict(story), "actors": actors})
    return dataclasses.replace(digest, story=resolved), []


def _anonymous_problems(
    actor: Actor, entry: Entry | None, register: Register
) -> list[tuple[Loc, str]]:
    if entry is not None:
        return [
            (
                ("id",),
                f"{actor.id!r} is a named actor of the register ({entry.file}); an anonymous "
                "source needs an id of this story's own (expected e.g. `unnamed-official`)",
            )
        ]
    return _story_only_problems(actor, register, anonymous=True)


def _registered_problems(actor: Actor, entry: Entry) -> list[tuple[Loc, str]]:
    problems = []
    for field in ("name", "kind", "wikidata"):
        mine, theirs = getattr(actor, field), getattr(entry.actor, field)
        if mine is not None and mine != theirs:
            hint = " (put the source's spelling in `aliases`)" if field == "name" else ""
            problems.append(
                (
                    (field,),
                    f"the register gives actor {actor.id!r} the {field} {theirs!r} "
                    f"({entry.file}), not {mine!r} (expected no `{field}` here: the "
                    f"register's is used){hint}",
                )
            )
    return problems


def _story_only_problems(
    actor: Actor, register: Register, anonymous: bool = False
) -> list[tuple[Loc, str]]:
    problems = []
    what = "an anonymous actor" if anonymous else f"not in the register ({register.folder}/)"
    for field in ("name", "kind"):
        if getattr(actor, field) is None:
            problems.append(
                (
                    (),
                    f"missing field `{field}`: actor {actor.id!r} is {what}, so the story "
                    "gives its name and kind (expected both"
                    + ("" if anonymous else ", or the id of a register actor")
                    + ")",
                )
            )
    if (
        not anonymous
        and actor.name
        and actor.kind in ("person", None)
        and (ANONYMOUS_WORDS & set(name_key(actor.name).split()) or _describes(actor.name))
    ):
        problems.append(
            (
                ("name",),
                f"{actor.name!r} reads as an unnamed or unknown speaker (expected "
                "`anonymous: true`, so they are never taken for someone of the same "
                "description in another story)",
            )
        )
    return problems


def _describes(name: str) -> bool:
    """`A senior port official` describes someone; `The Hague`, `A. J. Smith` name."""
    words = name.split()
    return (
        len(words) > 1
        and words[0].casefold() in ("a", "an", "the", "one")
        and words[1][:1].islower()
    )


def load_story(path: Path, display: str | None = None) -> tuple[Story | None, list[Problem]]:
    """One digest read and resolved against the register beside it (`<folder>/actors/`):
    the story as its pages show it. Problems of the register or the digest, if any."""
    try:
        register = load_register(path.parent, str)
    except InputError as error:
        return None, error.problems
    digest, problems = read_digest(path, display)
    if digest is None:
        return None, problems
    digest, problems = resolve(digest, register)
    return (None, problems) if problems else (digest.story, [])


def use_register_ids(data: dict, register: Register) -> list[str]:
    """A drafted digest's actors matched to the register by name (any spelling, compared
    by `name_key`): each match takes the register's id, and leaves its name and kind to
    the register. Every reference follows. Returns the ids taken from the register."""
    spellings = {
        name_key(name): actor_id
        for actor_id, entry in register.entries.items()
        for name in entry.actor.names
    }
    renamed: dict[str, str] = {}
    taken = {str(actor["id"]) for actor in data.get("actors", [])}
    for actor in data.get("actors", []):
        if actor.get("anonymous"):
            continue
        keys = [name_key(n) for n in (actor.get("name", ""), *actor.get("aliases", []))]
        found = next((spellings[k] for k in keys if k in spellings), None)
        if found is None or found in renamed.values():
            continue
        if found in taken and found != actor["id"]:
            continue  # the draft has another actor of that id
        entry = register.entries[found].actor
        renamed[actor["id"]] = found
        actor["id"] = found
        known = {name_key(n) for n in entry.names}
        own = [
            n for n in (actor.pop("name"), *actor.get("aliases", [])) if name_key(n) not in known
        ]
        actor.pop("kind", None)
        actor.pop("aliases", None)
        if own:
            actor["aliases"] = own
    for pattern in ACTOR_REFERENCES:
        for loc, value in list(references(data, pattern)):
            if value in renamed:
                replace_at(data, loc, renamed[value])
    return sorted(renamed.values())
