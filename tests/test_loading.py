"""The schema and the loader: the seed loads; bad input gets located, readable errors."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.digest.loading import Problem, load_story
from generator.digest.register import load_story as load_resolved
from generator.digest.schema import Story

from .conftest import ROOT, STORY_ID

SEED = ROOT / "content" / f"{STORY_ID}.yml"
SEED_TEXT = SEED.read_text(encoding="utf-8")


def load_variant(tmp_path: Path, old: str, new: str, name: str = STORY_ID) -> list[Problem]:
    assert old in SEED_TEXT, f"the seed digest no longer contains {old!r}"
    if not (tmp_path / "articles").exists():
        shutil.copytree(SEED.parent / "articles", tmp_path / "articles")
    path = tmp_path / f"{name}.yml"
    path.write_text(SEED_TEXT.replace(old, new, 1), encoding="utf-8")
    story, problems = load_story(path)
    assert (story is None) == bool(problems)
    return problems


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_seed_digest_loads() -> None:
    story, problems = load_resolved(SEED)
    assert problems == []
    assert isinstance(story, Story)
    assert story.id == STORY_ID
    assert {a.id for a in story.actors} >= {
        "lukashenko",
        "prigozhin",
        "putin",
        "wagner-group",
        "fsb",
        "russian-foreign-ministry",
        "russian-military-leadership",
        "belta",
        "rt",
    }
    lukashenko = story.actor("lukashenko")
    assert {"Alexander Lukashenko", "Aleksandr Lukashenko"} <= {
        lukashenko.name,
        *lukashenko.aliases,
    }


def test_multi_paragraph_quote_keeps_its_paragraphs() -> None:
    story, _ = load_story(SEED)
    statement = story.quote("foreign-ministry-statement")
    assert len(statement.paragraphs) == 3
    assert statement.paragraphs[1].startswith("The attempted armed mutiny")


def test_misspelled_key_is_located_and_suggested(tmp_path: Path) -> None:
    problems = load_variant(tmp_path, "    speaker: putin\n", "    speker: putin\n")
    messages = [str(p) for p in problems]
    typo = next(p for p in problems if "speker" in p.message)
    text = SEED_TEXT.replace("    speaker: putin\n", "    speker: putin\n", 1)
    assert typo.line == line_of(text, "    speker: putin")
    assert typo.column == 5
    assert "did you mean `speaker`?" in typo.message
    assert typo.field.startswith("quotes[") and typo.field.endswith("].speker")
    # the misspelling is not reported a second time as a missing field
    assert not any("missing required field `speaker`" in m for m in messages)


def test_dangling_speaker_is_reported_with_the_known_ids(tmp_path: Path) -> None:
    problems = load_variant(tmp_path, "    speaker: putin\n", "    speaker: vladimir\n")
    [problem] = problems
    assert problem.field.endswith(".speaker")
    assert "unknown actor id 'vladimir'" in problem.message
    assert "putin" in problem.message  # what was expected
    assert str(problem).startswith(f"{tmp_path / (STORY_ID + '.yml')}:{problem.line}:")


def test_yaml_syntax_error_names_the_line(tmp_path: Path) -> None:
    problems = load_variant(tmp_path, "title: Wagner’s", 'title: "Wagner’s')
    [problem] = problems
    assert problem.line > 0 and "YAML syntax" in problem.message


def test_tab_indentation_is_explained(tmp_path: Path) -> None:
    problems = load_variant(
        tmp_path, "  - id: lukashenko\n    aliases:", "  - id: lukashenko\n\taliases:"
    )
    [problem] = problems
    assert problem.line == line_of(SEED_TEXT, "  - id: lukashenko") + 1
    assert "tab" in problem.message


def test_duplicate_key_is_an_error_not_a_silent_overwrite(tmp_path: Path) -> None:
    problems = load_variant(
        tmp_path, "updated: 2026-11-26\n", "updated: 2026-11-26\nupdated: 2026-11-27\n"
    )
    [problem] = problems
    first = line_of(SEED_TEXT, "updated: ")
    assert problem.line == first + 1
    assert f"first given on line {first}" in problem.message


def test_wrong_type_and_impossible_date(tmp_path: Path) -> None:
    problems = load_variant(tmp_path, "updated: 2026-11-26", "updated: 2026-02-30")
    [problem] = problems
    assert problem.field == "updated" and "not a real date" in problem.message
    problems = load_variant(
        tmp_path, "    aliases: [Putin, President Vladimir Putin]", "    aliases: Putin"
    )
    assert "expected a list" in problems[0].message


def test_empty_string_and_number_for_text(tmp_path: Path) -> None:
    problems = load_variant(tmp_path, "    text: betrayal\n", '    text: ""\n')
    assert "is empty" in problems[0].message
    problems = load_variant(tmp_path, "    text: betrayal\n", "    text: 1917\n")
    assert "expected text, got a number; put it in quotes" in problems[0].message


def test_duplicate_id_is_reported(tmp_path: Path) -> None:
    problems = load_variant(tmp_path, "  - id: patriots\n", "  - id: mistaken\n")
    assert any("duplicate id 'mistaken'" in p.message for p in problems)


@pytest.mark.parametrize("bad", ["Wagner Group", "../evil", "a/b", "x..y", "-x"])
def test_ids_must_be_slugs(tmp_path: Path, bad: str) -> None:
    problems = load_variant(tmp_path, "  - id: rt\n", f'  - id: "{bad}"\n')
    assert any("is not a valid id" in p.message for p in problems)


def test_story_id_must_match_file_name(tmp_path: Path) -> None:
    problems = load_variant(
        tmp_path, "id: wagner-march-halted", "id: wagner-march-halted", name="other"
    )
    [problem] = problems
    assert problem.field == "id" and "does not match the file name" in problem.message


def test_not_utf8_empty_and_oversized_files(tmp_path: Path) -> None:
    latin = tmp_path / "latin.yml"
    latin.write_bytes("id: caf\u00e9\n".encode("latin-1"))
    [problem] = load_story(latin)[1]
    assert "not UTF-8" in problem.message and problem.line == 1

    empty = tmp_path / "empty.yml"
    empty.write_text("# nothing yet\n", encoding="utf-8")
    [problem] = load_story(empty)[1]
    assert "empty" in problem.message

    huge = tmp_path / "huge.yml"
    huge.write_text("title: " + "x" * 1_100_000, encoding="utf-8")
    [problem] = load_story(huge)[1]
    assert "expected at most" in problem.message


def test_alias_bomb_is_stopped(tmp_path: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    bomb = tmp_path / "bomb.yml"
    bomb.write_text("\n".join(lines) + "\n", encoding="utf-8")
    [problem] = load_story(bomb)[1]
    assert "aliases expand too far" in problem.message


def test_missing_article_text_file_is_reported(tmp_path: Path) -> None:
    problems = load_variant(tmp_path, "text_file: articles/", "text_file: missing/")
    [problem] = problems
    assert problem.field == "sources[0].text_file" and "cannot read missing/" in problem.message


def test_quote_fidelity_ignores_typography_only(tmp_path: Path) -> None:
    # straight apostrophe instead of the article's curly one: same wording, accepted
    assert (
        load_variant(
            tmp_path, "bloodbath in Russia’s territory.", "bloodbath in Russia's territory."
        )
        == []
    )
    # a changed word: reported with the article's real wording
    [problem] = load_variant(tmp_path, "start a bloodbath in", "start a massacre in")
    assert problem.field.endswith(".text")
    assert (
        "(closest passage in the article: "
        "«“unacceptable to start a bloodbath in Russia’s territory.”»)" in problem.message
    )


def test_models_given_the_same_fields_share_one_set_of_them_and_a_copy_gets_its_own() -> None:
    story, problems = load_resolved(SEED)
    assert problems == []
    first = story.quotes[0]
    alike = [q for q in story.quotes[1:] if q.model_fields_set == first.model_fields_set]
    assert alike, "the seed has no two quotes given the same fields"
    assert all(q.model_fields_set is first.model_fields_set for q in alike)
    given = set(first.model_fields_set)
    unset = next(name for name in type(first).model_fields if name not in given)
    copied = first.model_copy(update={unset: None})
    assert unset in copied.model_fields_set
    assert first.model_fields_set == given and alike[0].model_fields_set == given
