"""The editors' safety net: located errors from the command line, builds that stop
cleanly, nothing lost, identical output, and a JSON Schema that matches the models."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from generator.cli import actor_schema, story_schema

from .conftest import ROOT, STORY_ID, explainer, mkdocs, use_own_templates

DIGEST = f"content/{STORY_ID}.yml"

# (name, text to replace, replacement, what the message must say, field in the message)
BAD_INPUTS = [
    ("syntax", "title: Wagner’s", 'title: "Wagner’s', "YAML syntax", None),
    (
        "bad indentation",
        "  - id: rt\n    role: Reported",
        "  - id: rt\n      role: Reported",
        "YAML syntax",
        None,
    ),
    ("tab", "  - id: rt\n    role:", "  - id: rt\n\trole:", "tab characters", None),
    (
        "duplicate key",
        "updated: 2026-11-26",
        "updated: 2026-11-26\nupdated: 2026-11-27",
        "duplicate key `updated`",
        "updated",
    ),
    (
        "unknown key",
        "    speaker: putin\n",
        "    speker: putin\n",
        "did you mean `speaker`?",
        ".speker",
    ),
    ("missing field", "    extent: full\n", "\n", "missing required field `extent`", ".extent"),
    (
        "wrong type",
        "    kind: government-body\n    role: Accused by Prigozhin",
        "    kind: [government-body]\n    role: Accused by Prigozhin",
        "is not allowed",
        ".kind",
    ),
    ("impossible date", "date: 2023-06-23", "date: 2023-06-31", "not a real date", ".date"),
    ("empty string", "dek: >-", 'dek: ""\nold_dek: >-', "is empty", "dek"),
    ("duplicate id", "  - id: patriots\n", "  - id: mistaken\n", "duplicate id 'mistaken'", ".id"),
    (
        "dangling speaker",
        "    speaker: putin\n",
        "    speaker: vladimir\n",
        "unknown actor id 'vladimir'",
        ".speaker",
    ),
    (
        "dangling response body",
        "    body: fsb\n",
        "    body: kgb\n",
        "unknown actor id 'kgb'",
        ".body",
    ),
    (
        "dangling response quote",
        "quotes: [armed-rebellion]",
        "quotes: [armed-revolt]",
        "unknown quote id 'armed-revolt'",
        ".quotes[0]",
    ),
    (
        "dangling event place",
        "places: [rostov-on-don]",
        "places: [rostov]",
        "unknown place id 'rostov'",
        ".places[0]",
    ),
    (
        "dangling quote source",
        "    source: breitbart-2023-06-24\n    via: belta",
        "    source: bbc\n    via: belta",
        "unknown source id 'bbc'",
        ".source",
    ),
    ("id not a slug", "  - id: belta\n", "  - id: ../belta\n", "is not a valid id", ".id"),
    (
        "claimed without claimant",
        "    claimed_by: wagner-group\n",
        "\n",
        "needs `claimed_by`",
        ".certainty",
    ),
    (
        "misquote",
        "text: de-escalate tensions",
        "text: deescalate tension",
        "closest passage in the article",
        ".text",
    ),
]


def write_variant(project: Path, old: str, new: str) -> Path:
    digest = project / DIGEST
    text = digest.read_text(encoding="utf-8")
    assert old in text, old
    digest.write_text(text.replace(old, new, 1), encoding="utf-8")
    return digest


def tree_digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_validate_passes_on_the_seed(project: Path) -> None:
    result = explainer("validate", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "1 story file(s) checked, no problems" in result.stdout


@pytest.mark.parametrize(
    ("old", "new", "expected", "field"),
    [case[1:] for case in BAD_INPUTS],
    ids=[case[0] for case in BAD_INPUTS],
)
def test_validate_locates_each_kind_of_bad_input(
    project: Path, old: str, new: str, expected: str, field: str | None
) -> None:
    write_variant(project, old, new)
    result = explainer("validate", cwd=project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    located = [line for line in lines if expected in line]
    assert located, result.stderr
    # file:line:column: field.path: message
    path, line, column, rest = located[0].split(":", 3)
    assert path == DIGEST and int(line) > 0 and int(column) > 0
    if field:
        assert rest.split(": ", 1)[0].strip().endswith(field), located[0]
    assert lines[-1].endswith("problem(s) in 1 file(s)")


def test_validate_reports_every_file_at_once(project: Path) -> None:
    (project / "content" / "empty.yml").write_text("", encoding="utf-8")
    (project / "content" / "latin.yml").write_bytes("title: caf\xe9\n".encode("latin-1"))
    (project / "content" / "big.yml").write_text("x: " + "y" * 1_200_000, encoding="utf-8")
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"b{i}: &b{i} [{', '.join(['*a' if i == 0 else f'*b{i - 1}'] * 10)}]\n" for i in range(8)
    )
    (project / "content" / "bomb.yml").write_text(bomb, encoding="utf-8")
    write_variant(project, "    speaker: putin\n", "    speaker: vladimir\n")
    result = explainer("validate", cwd=project)
    assert result.returncode == 1
    err = result.stderr
    assert "content/empty.yml: the file is empty" in err
    assert "content/latin.yml:1:11: not UTF-8" in err
    assert "content/big.yml: file is 1,200,003 bytes" in err
    assert "content/bomb.yml:" in err and "aliases expand too far" in err
    assert "unknown actor id 'vladimir'" in err
    assert err.strip().endswith("5 problem(s) in 5 file(s)")
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("    speaker: putin\n", "    speker: putin\n", "did you mean `speaker`?"),
        ("    speaker: putin\n", "    speaker: vladimir\n", "unknown actor id 'vladimir'"),
    ],
    ids=["misspelled key", "dangling speaker"],
)
def test_bad_digest_does_not_build_and_leaves_the_last_site(
    project: Path, old: str, new: str, expected: str
) -> None:
    assert mkdocs("build", "--strict", cwd=project).returncode == 0
    site_before = tree_digest(project / "site")
    generated_before = tree_digest(project / "generated")
    write_variant(project, old, new)
    result = mkdocs("build", "--strict", cwd=project)
    assert result.returncode == 1
    assert expected in result.stderr and f"{DIGEST}:" in result.stderr
    assert "Traceback" not in result.stderr
    assert tree_digest(project / "site") == site_before
    assert tree_digest(project / "generated") == generated_before


def test_failed_strict_build_restores_site_and_generated_pages(project: Path) -> None:
    """A warning MkDocs raises after generation (here a template links to a missing
    anchor) also leaves the last good site and generated tree untouched."""
    assert mkdocs("build", "--strict", cwd=project).returncode == 0
    site_before = tree_digest(project / "site")
    generated_before = tree_digest(project / "generated")
    template = use_own_templates(project) / "story" / "sources.md.j2"
    template.write_text(
        template.read_text().replace(
            "{% block body %}", "{% block body %}\n[x](actors.md#nowhere)\n"
        )
    )
    write_variant(
        project, "role: Reported Lukashenko’s account", "role: Carried Lukashenko’s account"
    )
    result = mkdocs("build", "--strict", cwd=project)
    assert result.returncode == 1 and "nowhere" in result.stderr
    assert tree_digest(project / "site") == site_before
    assert tree_digest(project / "generated") == generated_before


def test_template_error_is_located_not_a_traceback(project: Path) -> None:
    template = use_own_templates(project) / "story" / "actors.md.j2"
    template.write_text(template.read_text().replace("{{ actor.role }}", "{{ actor.rol }}"))
    result = mkdocs("build", cwd=project)
    assert result.returncode == 1
    assert "theme/pages/story/actors.md.j2:" in result.stderr and "rol" in result.stderr
    assert "Traceback" not in result.stderr


def test_two_builds_give_identical_trees(project: Path, tmp_path: Path) -> None:
    assert mkdocs("build", "--strict", cwd=project).returncode == 0
    first_site, first_generated = tree_digest(project / "site"), tree_digest(project / "generated")
    assert mkdocs("build", "--strict", cwd=project).returncode == 0
    assert tree_digest(project / "generated") == first_generated
    assert tree_digest(project / "site") == first_site


def test_generator_never_writes_into_content(project: Path) -> None:
    before = tree_digest(project / "content")
    assert mkdocs("build", "--strict", cwd=project).returncode == 0
    assert explainer("generate", cwd=project).returncode == 0
    assert tree_digest(project / "content") == before


def test_committed_json_schema_matches_the_models() -> None:
    committed = (ROOT / "content" / "story.schema.json").read_text(encoding="utf-8")
    assert committed == story_schema(), "run: explainer schema -o content/story.schema.json"
    schema = json.loads(committed)
    assert schema["additionalProperties"] is False
    assert "speaker" in schema["$defs"]["Quote"]["required"]
    committed = (ROOT / "content" / "actor.schema.json").read_text(encoding="utf-8")
    assert committed == actor_schema(), "run: explainer schema --actor -o content/actor.schema.json"
    assert json.loads(committed)["required"] == ["id", "name", "kind"]


def test_every_register_entry_names_its_schema() -> None:
    entries = sorted((ROOT / "content" / "actors").glob("*.yml"))
    assert entries
    for entry in entries:
        first = entry.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../actor.schema.json", entry


def test_every_digest_names_the_schema() -> None:
    for digest in (ROOT / "content").glob("*.yml"):
        first = digest.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=story.schema.json", digest
