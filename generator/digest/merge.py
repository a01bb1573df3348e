"""`explainer actors merge OLD NEW`: one actor id replaced by another in every file.

Each file is edited with ruamel.yaml's round-trip mode (comments, key order, quoting
and flow style kept). ruamel re-wraps long quoted text as it writes, so its output
is not written as it is: the change between ruamel's rendering of the file before
and after the edit is applied to the original text, and every line outside the
change stays byte for byte what it was.

What changes, in each digest: the actor entry `OLD` becomes `NEW` (with the register's
name and kind if `NEW` is a register actor; the old name kept as a spelling), or is
folded into the story's `NEW` entry when the story has both; every reference to
`OLD` (speakers, relays, responding bodies, claims, accounts) becomes `NEW`. When
both are register actors, `OLD`'s spellings join `NEW`'s entry and `OLD`'s file is
removed. Nothing is written unless every file is valid before and after.
"""

from __future__ import annotations

import difflib
import io
import itertools
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.util import load_yaml_guess_indent

from .names import name_key
from .schema import ACTOR_REFERENCES, references, replace_at


class MergeError(Exception):
    """The merge cannot be made; the message says why and what to do."""


@dataclass
class Edit:
    """One file's new text, and what changed in it (for the report)."""

    path: Path
    text: str | None  # None: the file is removed
    changes: list[str] = field(default_factory=list)


def _yaml(text: str) -> tuple[YAML, Any]:
    """A round-trip loader and dumper set to the file's own indentation."""
    _, sequence, offset = load_yaml_guess_indent(text)
    sequence, offset = sequence or 2, offset or 0
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.indent(mapping=max(2, sequence - offset), sequence=sequence, offset=offset)
    return yaml, yaml.load(text)


def _dump(yaml: YAML, data: Any) -> str:
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def keep_untouched(original: str, before: str, after: str) -> str:
    """`original` with the change from `before` to `after` applied.

    `before` and `after` are ruamel's renderings of the file without and with the edit;
    a line that is the same in all three anchors the texts. Between two anchors, the
    original's lines are kept unless the edit changed that stretch.
    """
    o, b, a = (t.splitlines(keepends=True) for t in (original, before, after))

    def matches(x: list[str], y: list[str]) -> dict[int, int]:
        """Index in x -> index in y, for the lines difflib pairs."""
        matcher = difflib.SequenceMatcher(None, x, y, autojunk=False)
        return {m.a + k: m.b + k for m in matcher.get_matching_blocks() for k in range(m.size)}

    b_in_o, a_of_b = matches(b, o), matches(b, a)
    anchors = [(-1, -1, -1)]
    for j in range(len(b)):
        if j in b_in_o and j in a_of_b:
            i, k = b_in_o[j], a_of_b[j]
            if i > anchors[-1][0] and k > anchors[-1][2]:
                anchors.append((i, j, k))
    anchors.append((len(o), len(b), len(a)))
    result: list[str] = []
    for (i0, j0, k0), (i1, j1, k1) in itertools.pairwise(anchors):
        gap_b, gap_a = b[j0 + 1 : j1], a[k0 + 1 : k1]
        result += o[i0 + 1 : i1] if gap_b == gap_a else gap_a
        if i1 < len(o):
            result.append(o[i1])
    return "".join(result)


def _add_spellings(actor: CommentedMap, names: list[str], taken: list[str]) -> list[str]:
    """Add `names` to the actor's `aliases` unless the same spelling is there or in `taken`."""
    known = {name_key(n) for n in taken}
    aliases = actor.get("aliases")
    known |= {name_key(str(n)) for n in aliases or []}
    added = []
    for name in names:
        key = name_key(name)
        if key and key not in known:
            known.add(key)
            added.append(name)
    if not added:
        return []
    if aliases is None:
        aliases = CommentedSeq()
        aliases.fa.set_flow_style()
        position = list(actor).index("name") + 1 if "name" in actor else 1
        actor.insert(position, "aliases", aliases)
    aliases.extend(added)
    return added


def _keep_comments(actor: CommentedMap, comments: list[Any]) -> None:
    """End-of-line comments of removed keys, moved to the line of a key that stays (its
    spellings, or its id) when that line has none of its own."""
    for comment in comments:
        home = next((k for k in ("aliases", "id") if k in actor and k not in actor.ca.items), None)
        if home is not None:
            actor.ca.items[home] = comment


@dataclass(frozen=True)
class Target:
    """What `NEW` is: its name, kind and spellings, and whether the register has it."""

    id: str
    name: str
    kind: str
    spellings: list[str]
    registered: bool


def merge_digest(path: Path, text: str, old: str, new: Target) -> Edit | None:
    """The digest with `old` replaced by `new.id`, or None when it never mentions `old`."""
    yaml, data = _yaml(text)
    before = _dump(yaml, data)
    edit = Edit(path, None)
    actors = data.get("actors") or []
    ids = [str(a.get("id")) for a in actors]
    if old in ids:
        mine = actors[ids.index(old)]
        spellings = [str(mine[k]) for k in ("name",) if mine.get(k)]
        spellings += [str(n) for n in mine.get("aliases") or []]
        if new.id in ids:
            kept = actors[ids.index(new.id)]
            added = _add_spellings(kept, spellings, [new.name])
            for phrase in mine.get("described_as") or []:
                if phrase not in (kept.get("described_as") or []):
                    kept.setdefault("described_as", CommentedSeq()).append(phrase)
            actors.pop(ids.index(old))
            edit.changes.append(
                f"actor {old!r} folded into {new.id!r}"
                + (f" (spellings added: {', '.join(added)})" if added else "")
                + f"; its role {str(mine.get('role'))!r} gave way to {new.id!r}'s"
            )
        else:
            mine["id"] = new.id
            if new.registered:
                comments = [mine.ca.items.pop(k) for k in ("name", "kind", "wikidata")
                             if k in mine.ca.items]  # fmt: skip
                for key in ("name", "kind", "wikidata"):
                    mine.pop(key, None)
                taken = new.spellings
            else:
                mine["name"], mine["kind"] = new.name, new.kind
                taken, comments = [new.name], []
            added = _add_spellings(mine, spellings, taken)
            _keep_comments(mine, comments)
            edit.changes.append(
                f"actor {old!r} is now {new.id!r}"
                + (f" (spellings kept: {', '.join(added)})" if added else "")
            )
    count = 0
    for pattern in ACTOR_REFERENCES:
        for loc, value in list(references(data, pattern)):
            if value == old:
                replace_at(data, loc, new.id)
                count += 1
    for actor in actors:  # `distinct_from: [OLD]` may now name the actor itself, or twice
        listed = actor.get("distinct_from")
        seen = {str(actor.get("id"))}
        for index in reversed(range(len(listed or []))):
            if listed[index] in seen or listed.count(listed[index]) > 1:
                del listed[index]
            else:
                seen.add(str(listed[index]))
    if count:
        edit.changes.append(f"{count} reference(s) to {old!r} now name {new.id!r}")
    if not edit.changes:
        return None
    edit.text = keep_untouched(text, before, _dump(yaml, data))
    return edit


def merge_entries(
    old_path: Path, old_text: str, new_path: Path, new_text: str
) -> tuple[Edit, Edit]:
    """Two register entries made one: `old`'s spellings and what `new` lacks move into
    `new`'s file, and `old`'s file goes."""
    _, old_data = _yaml(old_text)
    yaml, data = _yaml(new_text)
    before = _dump(yaml, data)
    spellings = [str(old_data["name"]), *(str(n) for n in old_data.get("aliases") or [])]
    added = _add_spellings(data, spellings, [str(data["name"])])
    moved = []
    for key in ("description", "wikidata"):
        if old_data.get(key) and not data.get(key):
            data[key] = old_data[key]
            moved.append(key)
    for url in old_data.get("links") or []:
        if url not in (data.get("links") or []):
            data.setdefault("links", CommentedSeq()).append(url)
            moved.append(url)
    edit = Edit(new_path, keep_untouched(new_text, before, _dump(yaml, data)))
    edit.changes.append(
        f"spellings added: {', '.join(added) or 'none'}"
        + (f"; from {old_path.name}: {', '.join(moved)}" if moved else "")
    )
    return edit, Edit(old_path, None, ["removed (merged into " + new_path.name + ")"])


def write_edits(edits: list[Edit]) -> None:
    """Write every new text (each file replaced whole, never half-written), then remove."""
    for edit in edits:
        if edit.text is None:
            continue
        fd, temporary = tempfile.mkstemp(dir=edit.path.parent, prefix=f".{edit.path.name}.")
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
                handle.write(edit.text)
            os.chmod(temporary, edit.path.stat().st_mode & 0o777)
            os.replace(temporary, edit.path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    for edit in edits:
        if edit.text is None:
            edit.path.unlink()
