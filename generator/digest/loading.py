"""YAML files to validated models, with every problem located at file:line:column.

PyYAML composes the file into a node graph (which keeps positions); we turn the
nodes into plain data ourselves so that duplicate keys are caught, aliases are
expanded under a budget and every value keeps the line it came from. pydantic
then validates the data, and its error locations are mapped back to lines.
"""

from __future__ import annotations

import difflib
import os
import pickle
import re
import typing
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from ..parallel import fork_map
from .fidelity import misquotes
from .schema import (
    LANGUAGE_PATTERN,
    SLUG_PATTERN,
    TIME_PATTERN,
    WIKIDATA_PATTERN,
    SiteConfig,
    Story,
)

MAX_FILE_BYTES = 1_000_000
"""A digest is a few dozen kilobytes; anything near a megabyte is a mistake."""
MAX_NODES = 200_000
"""Budget of values after alias expansion: stops "billion laughs" before memory grows."""
MAX_DEPTH = 64

Loc = tuple[str | int, ...]
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: same nodes, 10x faster


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with an input file, where it is and what was expected."""

    file: str
    line: int
    column: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}" if self.line else self.file
        return (
            f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )


class InputError(Exception):
    """Raised when one or more input files have problems; carries all of them."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    def __reduce__(self) -> tuple:
        return (type(self), (self.problems,))  # pickled whole (from a child process)


def field_path(loc: Loc) -> str:
    """('quotes', 3, 'speaker') -> 'quotes[3].speaker'."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


_SCALARS = {
    "tag:yaml.org,2002:null": yaml.constructor.SafeConstructor.construct_yaml_null,
    "tag:yaml.org,2002:bool": yaml.constructor.SafeConstructor.construct_yaml_bool,
    "tag:yaml.org,2002:int": yaml.constructor.SafeConstructor.construct_yaml_int,
    "tag:yaml.org,2002:float": yaml.constructor.SafeConstructor.construct_yaml_float,
}
"""The plain scalars' constructors, called directly (the generic path is 3x slower)."""


_CLOCK = re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?$")


class _Budget(Exception):
    def __init__(self, mark: yaml.Mark, message: str):
        self.mark, self.message = mark, message


class _DataBuilder:
    """Turns a composed YAML node graph into plain data, remembering positions."""

    def __init__(self) -> None:
        self.positions: dict[Loc, tuple[int, int]] = {}
        self.problems: list[tuple[Loc, yaml.Mark, str]] = []
        self.nodes = 0
        self._scalars = yaml.constructor.SafeConstructor()

    def build(self, node: yaml.Node, loc: Loc = (), depth: int = 0) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise _Budget(node.start_mark, f"more than {MAX_NODES} values after expanding aliases")
        if depth > MAX_DEPTH:
            raise _Budget(node.start_mark, f"nested more than {MAX_DEPTH} levels deep")
        self.positions.setdefault(loc, _position(node.start_mark))
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, loc, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*loc, i), depth + 1) for i, item in enumerate(node.value)]
        tag = node.tag
        if tag == "tag:yaml.org,2002:str" or tag == "tag:yaml.org,2002:timestamp":
            return node.value  # dates are parsed by the schema, so a bad one gets a located error
        if tag == "tag:yaml.org,2002:int" and _CLOCK.match(node.value):
            return node.value  # `14:05` is a time of day, not YAML 1.1's base-60 number 845
        construct = _SCALARS.get(tag)
        try:
            if construct is not None:
                return construct(self._scalars, node)
            return self._scalars.construct_object(node, deep=True)
        except (yaml.constructor.ConstructorError, ValueError) as error:
            problem = getattr(error, "problem", None) or str(error)
            self.problems.append((loc, node.start_mark, f"cannot read this value ({problem})"))
            return None

    def _mapping(self, node: yaml.MappingNode, loc: Loc, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_seen: dict[str, yaml.Mark] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.problems.append(
                    (
                        loc,
                        key_node.start_mark,
                        "merge keys (`<<`) are not supported (expected plain fields)",
                    )
                )
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.append((loc, key_node.start_mark, "a key must be plain text"))
                continue
            key = str(key_node.value)
            if key in first_seen:
                first = first_seen[key]
                self.problems.append(
                    (
                        (*loc, key),
                        key_node.start_mark,
                        f"duplicate key `{key}` (first given on line {first.line + 1}; "
                        "expected each key once, the second would silently replace the first)",
                    )
                )
                continue
            first_seen[key] = key_node.start_mark
            self.positions[(*loc, key)] = _position(key_node.start_mark)
            result[key] = self.build(value_node, (*loc, key), depth + 1)
        return result


def _position(mark: yaml.Mark) -> tuple[int, int]:
    return mark.line + 1, mark.column + 1


def _yaml_message(error: yaml.YAMLError) -> str:
    text = " ".join(
        part for part in (getattr(error, "context", None), getattr(error, "problem", None)) if part
    ) or str(error)
    if "\\t" in text or "\t" in text or "tab character" in text:
        return f"YAML syntax: {text} (indent with spaces; tab characters are not allowed)"
    if "mapping values are not allowed" in text:
        return (
            f"YAML syntax: {text} (check this line's indentation, or quote a value containing ': ')"
        )
    if "expected <block end>" in text or "did not find expected key" in text:
        return f"YAML syntax: {text} (check the indentation of this line and the one before)"
    if "found unexpected end of stream" in text or "while scanning a quoted scalar" in text:
        return f"YAML syntax: {text} (a quotation mark is not closed)"
    return f"YAML syntax: {text}"


def read_yaml(
    path: Path, display: str, raw: bytes | None = None
) -> tuple[Any, dict[Loc, tuple[int, int]], list[Problem]]:
    """Parse one YAML file safely (or `raw`, the text it is about to be given).
    Returns (data, positions, problems)."""

    def problem(line: int, column: int, message: str, loc: Loc = ()) -> Problem:
        return Problem(display, line, column, field_path(loc), message)

    try:
        size = path.stat().st_size if raw is None else len(raw)
    except OSError as error:
        return None, {}, [problem(0, 0, f"cannot read the file ({error.strerror})")]
    if size > MAX_FILE_BYTES:
        return (
            None,
            {},
            [problem(0, 0, f"file is {size:,} bytes (expected at most {MAX_FILE_BYTES:,})")],
        )
    if raw is None:
        try:
            raw = path.read_bytes()
        except OSError as error:
            return None, {}, [problem(0, 0, f"cannot read the file ({error.strerror})")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        return (
            None,
            {},
            [
                problem(
                    line,
                    column,
                    f"not UTF-8: byte 0x{raw[error.start]:02x} (save the file as UTF-8)",
                )
            ],
        )
    if not text.strip() or all(
        not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()
    ):
        return None, {}, [problem(0, 0, "the file is empty (expected a YAML mapping of fields)")]
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        if error.context_mark and "end of stream" in str(error.problem):
            mark = error.context_mark  # where the unclosed quote or bracket opened
        line, column = _position(mark) if mark else (0, 0)
        return None, {}, [problem(line, column, _yaml_message(error))]
    except yaml.reader.ReaderError as error:
        # libyaml counts bytes of the UTF-8 text, PyYAML's own reader characters
        before = (
            text.encode("utf-8")[: error.position].decode("utf-8", "ignore")
            if _LOADER is not yaml.SafeLoader
            else text[: error.position]
        )
        line = before.count("\n") + 1
        column = len(before) - (before.rfind("\n") + 1) + 1
        return (
            None,
            {},
            [
                problem(
                    line,
                    column,
                    f"YAML syntax: character U+{error.character:04X} is not allowed "
                    "(remove it: control characters cannot appear in YAML)",
                )
            ],
        )
    except yaml.YAMLError as error:
        return None, {}, [problem(0, 0, _yaml_message(error))]
    if not isinstance(node, yaml.MappingNode):
        line, column = _position(node.start_mark) if node else (1, 1)
        return (
            None,
            {},
            [problem(line, column, "expected a mapping of fields (`key: value` lines)")],
        )
    builder = _DataBuilder()
    try:
        data = builder.build(node)
    except _Budget as error:
        line, column = _position(error.mark)
        return None, {}, [problem(line, column, f"{error.message} (aliases expand too far)")]
    problems = [problem(*_position(mark), message, loc) for loc, mark, message in builder.problems]
    return data, builder.positions, problems


def locate(positions: dict[Loc, tuple[int, int]], loc: Loc) -> tuple[int, int]:
    for end in range(len(loc), -1, -1):
        if loc[:end] in positions:
            return positions[loc[:end]]
    return 1, 1


def _model_at(model: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    """The model class that holds the field at `loc` (for suggestions on unknown keys)."""
    current: Any = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        field = current.model_fields.get(part)
        if field is None:
            return None
        current = _inner_model(field.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _inner_model(annotation: Any) -> Any:
    for arg in (annotation, *typing.get_args(annotation)):
        if isinstance(arg, type) and issubclass(arg, BaseModel):
            return arg
        inner = typing.get_args(arg)
        for candidate in inner:
            if isinstance(candidate, type) and issubclass(candidate, BaseModel):
                return candidate
    return None


_TYPE_NAMES = {
    str: "text",
    int: "a number",
    float: "a number",
    bool: "true/false",
    list: "a list",
    dict: "a mapping",
    type(None): "nothing (null)",
}


def _describe(value: Any) -> str:
    return _TYPE_NAMES.get(type(value), type(value).__name__)


def explain(error: dict[str, Any], model: type[BaseModel]) -> str:
    """A pydantic error as `what is wrong (what was expected)`."""
    kind, loc, value = error["type"], error["loc"], error.get("input")
    ctx = error.get("ctx") or {}
    name = loc[-1] if loc else ""
    if kind == "missing":
        owner = _model_at(model, loc)
        field = owner.model_fields.get(str(name)) if owner else None
        hint = f" ({field.description.rstrip('.')})" if field and field.description else ""
        return f"missing required field `{name}`{hint}"
    if kind == "extra_forbidden":
        owner = _model_at(model, loc)
        moved = getattr(owner, "MOVED", {}) if owner else {}
        if name in moved:
            return f"field `{name}` has {moved[name]}"
        fields = sorted(owner.model_fields) if owner else []
        close = difflib.get_close_matches(str(name), fields, n=1, cutoff=0.6)
        if close:
            return f"unknown field `{name}` (did you mean `{close[0]}`?)"
        return f"unknown field `{name}` (expected one of: {', '.join(fields)})"
    if kind == "string_type":
        hint = "; put it in quotes" if isinstance(value, int | float | bool) else ""
        return f"expected text, got {_describe(value)}{hint}"
    if kind == "string_too_short":
        return "is empty (expected some text)"
    if kind == "string_too_long":
        return f"is too long (expected at most {ctx.get('max_length')} characters)"
    if kind == "string_pattern_mismatch":
        if ctx.get("pattern") == SLUG_PATTERN:
            return (
                f"{value!r} is not a valid id (expected lower-case letters, digits and "
                "single hyphens, e.g. `wagner-group`)"
            )
        if ctx.get("pattern") == TIME_PATTERN:
            return (
                f"{value!r} is not a time of day (expected 24-hour `HH:MM`, with a zone where "
                "known: `14:05`, `14:05 UTC`, `14:05+03:00`)"
            )
        if ctx.get("pattern") == LANGUAGE_PATTERN:
            return f"{value!r} is not a language code (expected e.g. `ru`, `uk`, `pt-BR`)"
        if ctx.get("pattern") == WIKIDATA_PATTERN:
            return (
                f"{value!r} is not a Wikidata id (expected `Q` and digits, e.g. `Q42`, as in "
                "https://www.wikidata.org/wiki/Q42)"
            )
        return f"{value!r} has the wrong form (expected to match {ctx.get('pattern')})"
    if kind == "literal_error":
        return f"{value!r} is not allowed (expected {ctx.get('expected')})"
    if kind in ("list_type", "tuple_type"):
        return f"expected a list, got {_describe(value)}"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"expected a mapping of fields, got {_describe(value)}"
    if kind == "too_short":
        return f"expected at least {ctx.get('min_length')} item(s), got {len(value or [])}"
    if kind.startswith("url"):
        return f"{value!r} is not a web address (expected one starting with http:// or https://)"
    if kind in ("float_parsing", "float_type", "int_parsing", "int_type"):
        return f"expected a number such as 230 or 12.5, got {_describe(value)} {value!r}"
    if kind == "finite_number":
        return f"{value!r} is not a finite number (expected a number such as 230 or 12.5)"
    if kind in ("greater_than", "greater_than_equal"):
        limit = ctx.get("gt", ctx.get("ge"))
        return f"{value!r} is too small (expected a number greater than {limit})"
    if kind in ("less_than", "less_than_equal"):
        limit = ctx.get("lt", ctx.get("le"))
        return f"{value!r} is too large (expected a number no greater than {limit:,})"
    if kind in ("bool_parsing", "bool_type"):
        return f"expected true or false, got {value!r}"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    return f"{error['msg']} (got {value!r})"


def validate(
    model: type[BaseModel],
    data: Any,
    positions: dict[Loc, tuple[int, int]],
    display: str,
) -> tuple[Any, list[Problem]]:
    """Validate plain data against a model; problems carry lines from `positions`."""
    try:
        instance = model.model_validate(data)
    except ValidationError as errors:
        found = errors.errors(include_url=False)
        # A misspelt key shows up twice: unknown `speker` and missing `speaker`.
        # The suggestion on the first says it all, so the second is dropped.
        messages = [explain(error, model) for error in found]
        suggested = {
            (*error["loc"][:-1], message.split("`")[3])
            for error, message in zip(found, messages, strict=True)
            if error["type"] == "extra_forbidden" and "did you mean `" in message
        }
        problems = [
            Problem(
                display, *locate(positions, tuple(error["loc"])), field_path(error["loc"]), message
            )
            for error, message in zip(found, messages, strict=True)
            if not (error["type"] == "missing" and tuple(error["loc"]) in suggested)
        ]
        return None, problems
    return share_field_sets(instance), []


def share_field_sets(model: BaseModel, shared: dict[frozenset, set] | None = None) -> BaseModel:
    """`model`, with each of its models (itself and those in its fields) given the same
    set of the fields it was given (pydantic's `model_fields_set`) as every other model
    given the same fields, not a set of its own.

    A story is a few hundred small models, and a set each was a third of its memory:
    at 10,000 stories, 100 MiB. The models are frozen, so nothing adds to a set in
    place (`model_copy` copies it before it adds the fields it updates)."""
    shared = {} if shared is None else shared
    fields = model.__pydantic_fields_set__
    object.__setattr__(
        model, "__pydantic_fields_set__", shared.setdefault(frozenset(fields), fields)
    )
    for value in model.__dict__.values():
        for item in value if isinstance(value, list | tuple) else (value,):
            if isinstance(item, BaseModel):
                share_field_sets(item, shared)
    return model


def read_model(
    model: type[BaseModel], path: Path, display: str, raw: bytes | None = None
) -> tuple[Any, Any, dict[Loc, tuple[int, int]], list[Problem]]:
    """One YAML file read and validated as `model`: (instance or None, the plain data,
    positions, problems)."""
    data, positions, problems = read_yaml(path, display, raw)
    if data is None or problems:
        return None, data, positions, problems
    instance, problems = validate(model, data, positions, display)
    return instance, data, positions, problems


@dataclass(frozen=True)
class Digest:
    """A loaded story and where its fields are in its file (for cross-story problems)."""

    story: Story
    file: str
    packed_positions: bytes
    """Where its fields are in its file (`positions`), pickled: as a dict, a story's
    hundreds of positions took as much memory as the story."""
    todos: tuple[Problem, ...] = ()
    """Fields still holding a TODO marker: not errors, a list of what is left to write."""

    @classmethod
    def of(cls, story: Story, file: str, positions: dict[Loc, tuple[int, int]], todos=()) -> Digest:
        return cls(story, file, pickle.dumps(positions, pickle.HIGHEST_PROTOCOL), todos)

    @property
    def positions(self) -> dict[Loc, tuple[int, int]]:
        return pickle.loads(self.packed_positions)

    def problem(self, loc: Loc, message: str) -> Problem:
        return located(self.file, self.positions, loc, message)


def located(file: str, positions: dict[Loc, tuple[int, int]], loc: Loc, message: str) -> Problem:
    return Problem(file, *locate(positions, loc), field_path(loc), message)


def read_digest(
    path: Path, display: str | None = None, raw: bytes | None = None
) -> tuple[Digest | None, list[Problem]]:
    """Read and check one digest (or `raw`, the text it is about to be given). Returns
    it, or None and its problems."""
    display = display or str(path)
    story, data, positions, problems = read_model(Story, path, display, raw)
    if story is None:
        return None, problems
    todos = tuple(
        located(display, positions, loc, f"TODO left: {text[len(TODO) :].lstrip(' :')}")
        for loc, text in _todos(data)
    )
    digest = Digest.of(story, display, positions, todos)
    problems = [
        located(display, positions, loc, message)
        for loc, message in chain(story.problems(), misquotes(story, path.parent))
    ]
    if story.id != path.stem:
        problems.append(
            digest.problem(
                ("id",),
                f"{story.id!r} does not match the file name (expected `{path.stem}`, "
                f"or rename the file to `{story.id}{path.suffix}`)",
            )
        )
    return (None, problems) if problems else (digest, [])


TODO = "TODO"


def _todos(data: Any, loc: Loc = ()) -> Iterator[tuple[Loc, str]]:
    """Every text value that starts with a TODO marker, with where it is."""
    if isinstance(data, str):
        if data.lstrip().startswith(TODO):
            yield loc, " ".join(data.split())
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _todos(value, (*loc, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _todos(value, (*loc, index))


def load_story(path: Path, display: str | None = None) -> tuple[Story | None, list[Problem]]:
    """Read and check one digest. Returns the story, or None and its problems."""
    digest, problems = read_digest(path, display)
    return (digest.story if digest else None), problems


def _is_digest_name(name: str) -> bool:
    """`*.yml` or `*.yaml` in any case, not hidden and not set aside with `_`."""
    return name.lower().endswith((".yml", ".yaml")) and not name.startswith((".", "_"))


REGISTER_DIR = "actors"
"""The content folder's subfolder for the actor register: one `<id>.yml` per actor."""


def story_files(content_dir: Path) -> list[Path]:
    """The digests in a content folder: `*.yml` and `*.yaml` in any case, sorted.
    Names starting with `.` or `_` are left out (a place for drafts)."""
    return sorted(p for p in content_dir.iterdir() if _is_digest_name(p.name) and p.is_file())


def stray_digests(content_dir: Path, root: Path | None = None) -> list[Problem]:
    """YAML files in subfolders of the content folder: never read, so reported rather
    than silently left out of the site. Folders starting with `.` or `_` are skipped, and
    so is the actor register (its files are read as register entries)."""
    problems = []
    for folder, subfolders, files in os.walk(content_dir):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith((".", "_")))
        if Path(folder) == content_dir:
            subfolders[:] = [d for d in subfolders if d != REGISTER_DIR]
            continue
        for name in sorted(files):
            if _is_digest_name(name):
                path = Path(folder) / name
                problems.append(
                    Problem(
                        display_path(path, root),
                        0,
                        0,
                        "",
                        f"not read: digests go directly in {display_path(content_dir, root)}/ "
                        "(move it there, or start its folder's name with `_` to keep it "
                        "out of the site)",
                    )
                )
    return problems


def load_digests(
    paths: Iterable[Path],
    root: Path | None = None,
    read: Callable[[list[Path], dict[Path, str]], list[tuple[Digest | None, list[Problem]]]]
    | None = None,
) -> list[Digest]:
    """Load digests; raise InputError with every problem of every file if any.

    `read` may replace reading every file (paths, how each is shown -> what
    `read_digest` gives for each): the build's ledger reads only changed files.
    """
    paths = list(paths)
    shown = {path: display_path(path, root) for path in paths}
    if read is None:
        loaded = fork_map(lambda path: read_digest(path, shown[path]), paths)
    else:
        loaded = read(paths, shown)
    digests: list[Digest] = []
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for path, (digest, found) in zip(paths, loaded, strict=True):
        display = shown[path]
        problems.extend(found)
        if digest is None:
            continue
        if digest.story.id in seen:
            problems.append(
                digest.problem(
                    ("id",), f"story id {digest.story.id!r} is also used by {seen[digest.story.id]}"
                )
            )
            continue
        seen[digest.story.id] = display
        digests.append(digest)
    if problems:
        raise InputError(problems)
    return digests


def load_site_config(path: Path, root: Path | None = None) -> SiteConfig:
    display = display_path(path, root)
    data, positions, problems = read_yaml(path, display)
    if not problems:
        config, problems = validate(SiteConfig, data, positions, display)
    if problems:
        raise InputError(problems)
    return config


def display_path(path: Path, root: Path | None) -> str:
    if root is not None:
        try:
            return str(path.resolve().relative_to(root.resolve()))
        except ValueError:
            pass
    return str(path)
