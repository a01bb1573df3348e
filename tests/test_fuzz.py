"""Property-based: random and mutated digests never crash or hang the loader; the
result is always either a valid story or a list of located problems.

Each digest is written next to a copy of the seed's `articles/` folder, so the parts a
mutation leaves alone really validate (the quotes are checked against the article).
Each property test also counts its outcomes and asserts it saw the outcomes it should:
both valid stories and located problems for the mutations, only problems for noise."""

from __future__ import annotations

import copy
import datetime as dt
import shutil
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.digest.loading import load_story

from .conftest import ROOT, STORY_ID

SEED_TEXT = (ROOT / "content" / f"{STORY_ID}.yml").read_text(encoding="utf-8")
SEED = yaml.safe_load(SEED_TEXT)
FUZZ = settings(
    max_examples=200,
    deadline=dt.timedelta(seconds=10),  # a generous bound that only a hang would break
    suppress_health_check=[HealthCheck.too_slow],
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
# Words of our own for a quote's `context`: any one non-blank line is valid there, so
# rewording contexts keeps the story valid; a blank or two-line one is a located problem.
own_words = st.text(
    alphabet=st.characters(categories=["L", "M", "N", "P", "S", "Zs"]), min_size=1, max_size=40
) | st.sampled_from(["", " ", "\u00a0", "two\nlines", "Said on Saturday."])


def is_one_line(words: str) -> bool:
    return bool(words.strip()) and "\n" not in words


def node_paths(data: Any, path: tuple = ()) -> Iterator[tuple]:
    yield path
    if isinstance(data, dict):
        for key, value in data.items():
            yield from node_paths(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from node_paths(value, (*path, index))


def digest_folder(tmp_path: Path) -> Path:
    """The digest's path in `tmp_path`, with the seed's articles beside it."""
    shutil.copytree(ROOT / "content" / "articles", tmp_path / "articles")
    return tmp_path / f"{STORY_ID}.yml"


def check(path: Path, text: str | bytes) -> str:
    """Load `text` from `path`; "valid" or "invalid", after checking the problems."""
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
    return "invalid" if problems else "valid"


def test_the_unmutated_seed_is_valid(tmp_path: Path) -> None:
    assert check(digest_folder(tmp_path), SEED_TEXT) == "valid"


def test_structurally_mutated_digests(tmp_path: Path) -> None:
    digest_path = digest_folder(tmp_path)
    outcomes: Counter[str] = Counter()

    @FUZZ
    @given(data=st.data())
    def mutate(data: st.DataObject) -> None:
        digest = copy.deepcopy(SEED)
        # About half the examples only reword quotes' contexts: their outcome is known.
        if data.draw(st.booleans(), label="only rewording contexts"):
            for _ in range(data.draw(st.integers(1, 3), label="rewordings")):
                quote = data.draw(st.integers(0, len(SEED["quotes"]) - 1), label="quote")
                digest["quotes"][quote]["context"] = data.draw(own_words, label="words")
            contexts = [q["context"] for q in digest["quotes"]]
            expected = "valid" if all(map(is_one_line, contexts)) else "invalid"
            outcome = check(digest_path, yaml.safe_dump(digest, allow_unicode=True))
            assert outcome == expected, contexts
            outcomes[outcome] += 1
            return
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
        outcomes[check(digest_path, yaml.safe_dump(digest, allow_unicode=True))] += 1

    mutate()
    # Of 200 examples about 50 are valid (seen: 39 to 63); 20 is a floor, not a timing.
    assert outcomes["valid"] >= 20 and outcomes["invalid"] >= 20, outcomes


def test_textually_mutated_digests(tmp_path: Path) -> None:
    digest_path = digest_folder(tmp_path)
    outcomes: Counter[str] = Counter()

    @FUZZ
    @given(data=st.data())
    def edit(data: st.DataObject) -> None:
        text = SEED_TEXT
        for _ in range(data.draw(st.integers(1, 3), label="edits")):
            start = data.draw(st.integers(0, len(text)), label="start")
            end = data.draw(st.integers(start, min(len(text), start + 40)), label="end")
            insert = data.draw(
                st.text(alphabet=st.sampled_from(list(":-[]{}&*!|>'\"#%@`\t\n ,?abc1")), max_size=8)
            )
            text = text[:start] + insert + text[end:]
        outcomes[check(digest_path, text)] += 1

    edit()
    assert outcomes["valid"] >= 20 and outcomes["invalid"] >= 20, outcomes


def test_arbitrary_bytes(tmp_path: Path) -> None:
    digest_path = digest_folder(tmp_path)
    outcomes: Counter[str] = Counter()

    @FUZZ
    @given(raw=st.binary(max_size=400) | st.text(max_size=400).map(str.encode))
    def noise(raw: bytes) -> None:
        outcome = check(digest_path, raw)
        assert outcome == "invalid", raw  # noise is never a story: a located problem each
        outcomes[outcome] += 1

    noise()
    assert outcomes["invalid"] >= 100 and outcomes["valid"] == 0, outcomes
