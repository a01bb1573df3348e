"""Property-based: random and mutated digests never crash or hang the loader; the
result is always either a valid story or a list of located problems."""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.loading import load_story

from .conftest import ROOT, STORY_ID

SEED_TEXT = (ROOT / "content" / f"{STORY_ID}.yml").read_text(encoding="utf-8")
SEED = yaml.safe_load(SEED_TEXT)
FUZZ = settings(
    max_examples=150,
    deadline=dt.timedelta(seconds=10),  # a generous bound that only a hang would break
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=40)
    | st.dates().map(str)
    | st.sampled_from(["putin", "lukashenko", "claimed", "partial", "2023-02-30", "", " "])
)
values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=12), children, max_size=3)
    ),
    max_leaves=8,
)


def node_paths(data: Any, path: tuple = ()) -> Iterator[tuple]:
    yield path
    if isinstance(data, dict):
        for key, value in data.items():
            yield from node_paths(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from node_paths(value, (*path, index))


def check(path: Path, text: str | bytes) -> None:
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    story, problems = load_story(path, "digest.yml")
    assert (story is None) == bool(problems)
    lines = (text.count(b"\n") if isinstance(text, bytes) else text.count("\n")) + 2
    for problem in problems:
        assert problem.file == "digest.yml"
        assert problem.message.strip()
        assert 0 <= problem.line <= lines
        assert str(problem).startswith("digest.yml")


@FUZZ
@given(data=st.data())
def test_structurally_mutated_digests(tmp_path: Path, data: st.DataObject) -> None:
    digest = copy.deepcopy(SEED)
    for _ in range(data.draw(st.integers(1, 4), label="mutations")):
        path = data.draw(st.sampled_from(list(node_paths(digest))[1:]), label="path")
        parent = digest
        for part in path[:-1]:
            parent = parent[part]
        operation = data.draw(st.sampled_from(["replace", "delete", "add"]), label="op")
        if operation == "replace":
            parent[path[-1]] = data.draw(values, label="value")
        elif operation == "delete":
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent[data.draw(st.text(max_size=12), label="key")] = data.draw(values)
        else:
            parent.append(data.draw(values, label="item"))
    check(tmp_path / f"{STORY_ID}.yml", yaml.safe_dump(digest, allow_unicode=True))


@FUZZ
@given(data=st.data())
def test_textually_mutated_digests(tmp_path: Path, data: st.DataObject) -> None:
    text = SEED_TEXT
    for _ in range(data.draw(st.integers(1, 3), label="edits")):
        start = data.draw(st.integers(0, len(text)), label="start")
        end = data.draw(st.integers(start, min(len(text), start + 40)), label="end")
        insert = data.draw(
            st.text(alphabet=st.sampled_from(list(":-[]{}&*!|>'\"#%@`\t\n ,?abc1")), max_size=8)
        )
        text = text[:start] + insert + text[end:]
    check(tmp_path / f"{STORY_ID}.yml", text)


@FUZZ
@given(raw=st.binary(max_size=400) | st.text(max_size=400).map(str.encode))
def test_arbitrary_bytes(tmp_path: Path, raw: bytes) -> None:
    check(tmp_path / f"{STORY_ID}.yml", raw)
