"""`explainer actors`: the cast across every story, its likely duplicates, and merging.

explainer actors               every named actor: id, name, kind, stories, quotes
explainer actors duplicates    ids that look like one actor, with the id to keep
explainer actors merge OLD NEW every file rewritten to use NEW instead of OLD
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .builders.project import Project
from .builders.staging import BuildLock, LockTimeout
from .digest.identity import Identity, find_matches
from .digest.loading import InputError, Problem
from .digest.merge import Edit, Target, merge_digest, merge_entries, write_edits
from .website.catalog import KIND_ORDER, Newsroom


def _report(problems: list[Problem], why: str) -> int:
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"explainer actors: {why}", file=sys.stderr)
    return 1


def _cast(project: Project) -> dict[str, Identity]:
    """Every named actor; InputError for any problem other than duplicates themselves."""
    _, newsroom = project.load(duplicates=False)
    return newsroom.cast


def cmd_list(project: Project, args: argparse.Namespace) -> int:
    try:
        cast = _cast(project)
    except InputError as error:
        return _report(error.problems, "fix these first (`explainer validate` lists them)")
    rows = sorted(cast.values(), key=lambda i: (KIND_ORDER.index(i.kind), _name(i).casefold()))
    width = max((len(i.id) for i in rows), default=2)
    print(f"{'id':<{width}}  {'stories':>7}  {'quotes':>6}  {'kind':<15}  name")
    for identity in rows:
        where = "" if identity.registered else "  (this story's own)" if identity.stories == 1 \
            else "  (stories' own)"  # fmt: skip
        print(
            f"{identity.id:<{width}}  {identity.stories:>7}  {identity.quotes:>6}  "
            f"{identity.kind or '':<15}  {_name(identity)}{where}"
        )
    registered = sum(i.registered for i in rows)
    print(f"{len(rows)} actor(s): {registered} in the register, {len(rows) - registered} not")
    return 0


def _name(identity: Identity) -> str:
    return next(iter(identity.spellings.values()), identity.id)


def cmd_duplicates(project: Project, args: argparse.Namespace) -> int:
    try:
        cast = _cast(project)
    except InputError as error:
        return _report(error.problems, "fix these first (`explainer validate` lists them)")
    matches = find_matches(cast)
    for match in matches:
        print(f"{'same name' if match.certain else 'like names':<10}  {match.describe()}")
        print(f"            explainer actors merge {match.old.id} {match.new.id}")
    certain = sum(m.certain for m in matches)
    print(
        f"{len(matches)} likely duplicate(s): {certain} with the same name (errors until "
        f"merged or marked `distinct_from`), {len(matches) - certain} with like names"
    )
    return 0


def _target(newsroom: Newsroom, new: str) -> Target:
    entry = newsroom.register.get(new)
    if entry is not None:
        return Target(new, entry.name, entry.kind, entry.names, True)
    person = next(p for p in newsroom.people if p.id == new)
    return Target(new, person.name, person.kind, [person.name, *person.aliases], False)


class MergeRefused(Exception):
    """The merge makes no sense as asked; the message says what to ask instead."""


def plan_merge(project: Project, old: str, new: str) -> list[Edit]:
    """Every file's new text; MergeRefused or InputError when the merge cannot be made."""
    _, newsroom = project.load(duplicates=False)
    cast = newsroom.cast
    for actor_id in (old, new):
        if actor_id not in cast:
            raise MergeRefused(
                f"no named actor {actor_id!r} in the register or any story (expected an id "
                "that `explainer actors` lists; anonymous actors are never merged)"
            )
    if old == new:
        raise MergeRefused("OLD and NEW are the same id")
    if cast[old].registered and not cast[new].registered:
        raise MergeRefused(
            f"{old!r} is in the register and {new!r} is not: the register's id is the one to "
            f"keep (expected `explainer actors merge {new} {old}`)"
        )
    target = _target(newsroom, new)
    edits: list[Edit] = []
    for path in project.story_paths():
        edit = merge_digest(path, path.read_text(encoding="utf-8"), old, target)
        if edit is not None:
            edits.append(edit)
    entries = newsroom.register.entries
    if old in entries:
        old_path = Path(project.root / entries[old].file)
        new_path = Path(project.root / entries[new].file)
        edits += merge_entries(
            old_path,
            old_path.read_text(encoding="utf-8"),
            new_path,
            new_path.read_text(encoding="utf-8"),
        )
    return edits


def cmd_merge(project: Project, args: argparse.Namespace) -> int:
    lock = BuildLock(project.root)  # no build reads the files while they change
    try:
        lock.acquire(on_wait=lambda m: print(f"explainer actors merge: {m}", file=sys.stderr))
        try:
            edits = plan_merge(project, args.old, args.new)
        except InputError as error:
            return _report(
                error.problems, "merge refused: every file must be valid first; nothing changed"
            )
        except MergeRefused as error:
            print(f"explainer actors merge: {error}; nothing changed", file=sys.stderr)
            return 1
        pending = {e.path: None if e.text is None else e.text.encode("utf-8") for e in edits}
        try:
            project.load(pending=pending, duplicates=False)
        except InputError as error:
            return _report(
                error.problems, "the merge would leave these problems, so nothing was changed"
            )
        write_edits(edits)
    except LockTimeout as error:
        print(f"explainer actors merge: {error}", file=sys.stderr)
        return 1
    finally:
        lock.release()
    for edit in edits:
        for change in edit.changes:
            print(f"{project.display(edit.path)}: {change}")
    print(f"merged {args.old!r} into {args.new!r}: {len(edits)} file(s) changed, all valid")
    return 0


def add_parser(commands: argparse._SubParsersAction) -> None:
    actors = commands.add_parser(
        "actors", help="the actors across every story: list, likely duplicates, merge"
    )
    actors.set_defaults(run=cmd_list)
    sub = actors.add_subparsers(dest="actors_command")
    listing = sub.add_parser("list", help="every named actor with its stories and quotes")
    listing.set_defaults(run=cmd_list)
    duplicates = sub.add_parser(
        "duplicates", help="ids that look like one actor, and the id to keep"
    )
    duplicates.set_defaults(run=cmd_duplicates)
    merge = sub.add_parser(
        "merge", help="replace actor id OLD by NEW in every file, keeping comments and layout"
    )
    merge.add_argument("old", metavar="OLD")
    merge.add_argument("new", metavar="NEW")
    merge.set_defaults(run=cmd_merge)
