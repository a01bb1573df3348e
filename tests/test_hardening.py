"""What a hostile user or a careful reviewer tries: builds at once, values that become
paths, names the site keeps for itself, files that will not go away, deploys, a search
indexer that meets the unexpected, and input that is not what it claims to be."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from bench.corpus import make_corpus
from generator.website.paths import address
from generator.website.search import SearchIndexer

from .conftest import STORY_ID, explainer, mkdocs, run
from .test_safety import DIGEST, tree_digest, write_variant

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def digest_data(project: Path) -> dict:
    return yaml.safe_load((project / DIGEST).read_text(encoding="utf-8"))


def write_digest(project: Path, data: dict) -> None:
    (project / DIGEST).write_text(
        yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )


def problem_lines(result: subprocess.CompletedProcess[str], needle: str) -> list[str]:
    return [line for line in result.stderr.splitlines() if needle in line]


# Two builds at once ---------------------------------------------------------------


def test_two_builds_started_together_leave_a_complete_site(project: Path) -> None:
    make_corpus(project / "content", 30)
    builds = [
        subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "build", "--strict"],
            cwd=project,
            env=ENV,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [build.communicate(timeout=600)[0] for build in builds]
    assert [build.returncode for build in builds] == [0, 0], outputs
    assert sum("waiting for it to finish" in output for output in outputs) == 1, outputs
    site = project / "site"
    stories = sorted(p.stem for p in (project / "content").glob("*.yml"))
    assert len(stories) == 31
    for story in stories:
        for page in ("", "actors/", "quotes/", "sources/"):
            assert (site / "stories" / story / page / "index.html").is_file(), (story, page)
    assert (site / "pagefind" / "pagefind.js").is_file()
    assert (site / "sitemap.xml").is_file() and (site / "feed.xml").is_file()
    assert not list(project.glob(".site.*")), "a staging or old folder was left behind"


# Values that become paths -----------------------------------------------------------


def test_an_overlong_tag_is_a_located_error_and_nothing_is_written(project: Path) -> None:
    assert mkdocs("build", "--strict", cwd=project).returncode == 0
    site_before, generated_before = (
        tree_digest(project / "site"),
        tree_digest(project / "generated"),
    )
    data = digest_data(project)
    data["tags"] = ["Russia", "x" * 300]
    write_digest(project, data)
    checked = explainer("validate", cwd=project)
    assert checked.returncode == 1 and "Traceback" not in checked.stderr
    [line] = problem_lines(checked, "tags[1]")
    assert re.match(rf"{DIGEST}:\d+:\d+: tags\[1\]: is too long \(expected at most 60 ", line)
    built = mkdocs("build", "--strict", cwd=project)
    assert built.returncode == 1 and "Traceback" not in built.stderr
    assert problem_lines(built, "tags[1]")
    assert tree_digest(project / "site") == site_before
    assert tree_digest(project / "generated") == generated_before


def test_a_tag_without_letters_is_refused(project: Path) -> None:
    data = digest_data(project)
    data["tags"] = ["!!!"]
    write_digest(project, data)
    checked = explainer("validate", cwd=project)
    assert problem_lines(checked, "tags[0]: a tag needs at least one letter or digit")


def test_a_failed_write_puts_the_generated_tree_back(project: Path) -> None:
    """A file that cannot be written mid-way through generating (here a file stands
    where a folder must go) leaves the tree as it was, with a message, no traceback."""
    assert explainer("generate", cwd=project).returncode == 0
    people = project / "generated" / "people"
    for path in sorted(people.rglob("*"), reverse=True):
        path.rmdir() if path.is_dir() else path.unlink()
    people.rmdir()
    people.write_text("in the way", encoding="utf-8")
    before = tree_digest(project / "generated")
    write_variant(project, "title: Wagner’s", "title: Changed, Wagner’s")  # index.md changes
    result = explainer("generate", cwd=project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert re.search(
        r"generated/people\S*: cannot write the generated tree \(Not a directory\)", result.stderr
    )
    assert tree_digest(project / "generated") == before


# Names the site keeps for itself ------------------------------------------------------


@pytest.mark.parametrize(
    ("where", "value", "field"),
    [("actor", "page", "actors[9].id"), ("actor", "index", "actors[9].id"),
     ("tag", "Page", "tags[4]"), ("tag", "INDEX", "tags[4]")],
)  # fmt: skip
def test_reserved_names_are_refused_where_they_are_written(
    project: Path, where: str, value: str, field: str
) -> None:
    data = digest_data(project)
    if where == "actor":
        data["actors"].append({"id": value, "name": "Page Turner", "kind": "person", "role": "x"})
    else:
        data["tags"].append(value)
    write_digest(project, data)
    checked = explainer("validate", cwd=project)
    assert checked.returncode == 1
    [line] = problem_lines(checked, f": {field}: ")
    assert re.match(rf"{DIGEST}:\d+:\d+: ", line) and "is reserved" in line, line
    assert "expected any other name" in line


def test_two_pages_for_one_address_are_an_error_not_an_overwrite(tmp_path: Path) -> None:
    from generator.digest.schema import SiteConfig
    from generator.website.catalog import Newsroom
    from generator.website.pages import PathCollision, Renderer
    from generator.website.theme import pages_dir

    site = SiteConfig(title="Example", description="An example site")
    renderer = Renderer(pages_dir(), site, Newsroom([], [], []))
    renderer.add("people/page/2.md", "the people index, page 2")
    assert address("people/page/2.md") == address("people/page/2/index.md") == "people/page/2/"
    with pytest.raises(PathCollision, match="people/page/2/"):
        renderer.add("people/page/2/index.md", "a person called page, page 2")
    with pytest.raises(PathCollision):
        renderer.add("people/page/2.md", "the same path again")
    assert renderer.pages == {"people/page/2.md": "the people index, page 2"}


# Links in Markdown fields are checked when validating -----------------------------------


def test_a_link_to_a_missing_anchor_is_a_validation_error_in_the_digest(project: Path) -> None:
    data = digest_data(project)
    data["summary"] = "See [below](#nowhere)."
    write_digest(project, data)
    checked = explainer("validate", cwd=project)
    [line] = problem_lines(checked, "'#nowhere'")
    assert re.match(rf"{DIGEST}:\d+:\d+: summary: link target '#nowhere' is not allowed", line)
    built = mkdocs("build", "--strict", cwd=project)
    assert built.returncode == 1 and problem_lines(built, f"{DIGEST}:")
    assert "generated/" not in built.stderr


# A file that cannot be removed ----------------------------------------------------------


@pytest.fixture
def immutable() -> Iterator[list[Path]]:
    """Files made immutable (`chattr +i`: not even root may delete them), made mutable
    again afterwards so that the test's folder can be cleaned up."""
    made: list[Path] = []
    yield made
    for path in made:
        subprocess.run(["chattr", "-i", str(path)], check=False)


def test_an_undeletable_file_in_the_old_site_never_blocks_a_build(
    project: Path, immutable: list[Path]
) -> None:
    assert mkdocs("build", "--strict", cwd=project).returncode == 0
    stuck = project / "site" / "sitemap.xml"
    result = subprocess.run(["chattr", "+i", str(stuck)], capture_output=True, text=True)
    assert result.returncode == 0, f"chattr is needed for this test: {result.stderr}"
    immutable.append(stuck)
    for attempt in range(3):
        text = (project / DIGEST).read_text(encoding="utf-8")
        text = re.sub(r"^title: .*$", f"title: Edit {attempt}, Wagner", text, flags=re.M)
        (project / DIGEST).write_text(text, encoding="utf-8")
        built = mkdocs("build", "--strict", cwd=project)
        assert built.returncode == 0, built.stderr
        assert "Traceback" not in built.stderr
        assert "could not remove" in built.stderr and "sitemap.xml" in built.stderr
        summary = (project / "site" / "stories" / STORY_ID / "index.html").read_text("utf-8")
        assert f"Edit {attempt}, Wagner" in summary  # the new site is in place
        immutable[:] = [*project.glob(".site.old-*/sitemap.xml")]
    assert len(immutable) == 1  # each build tried to clear the leftover, none was blocked


# mkdocs gh-deploy ----------------------------------------------------------------------


def test_gh_deploy_publishes_the_built_site(project: Path, tmp_path: Path) -> None:
    remote = tmp_path / "remote.git"
    git_env = {
        **ENV,
        "GIT_AUTHOR_NAME": "Example Desk",
        "GIT_AUTHOR_EMAIL": "desk@example.org",
        "GIT_COMMITTER_NAME": "Example Desk",
        "GIT_COMMITTER_EMAIL": "desk@example.org",
    }

    def git(*args: str, cwd: Path = project) -> str:
        done = subprocess.run(["git", *args], cwd=cwd, env=git_env, capture_output=True,
                              text=True, check=True)  # fmt: skip
        return done.stdout

    git("init", "-q", "--bare", str(remote), cwd=tmp_path)
    git("init", "-q")
    git("add", "-A")
    git("commit", "-q", "-m", "An example project")
    git("remote", "add", "origin", str(remote))
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "gh-deploy", "--force", "--no-history"],
        cwd=project, env=git_env, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    published = git("ls-tree", "-r", "--name-only", "gh-pages", cwd=remote).split()
    assert f"stories/{STORY_ID}/quotes/index.html" in published
    assert "pagefind/pagefind.js" in published and "index.html" in published


# The search indexer under serve ---------------------------------------------------------


def test_the_search_indexer_survives_an_unexpected_error(site: Path, tmp_path: Path) -> None:
    """An error that is not a build error (here a path the OS refuses) is logged and
    the indexer goes on: the next request is indexed."""
    copy = tmp_path / "site"
    subprocess.run(["cp", "-r", str(site), str(copy)], check=True)
    (copy / "pagefind").rename(tmp_path / "old-index")
    indexer = SearchIndexer()
    indexer.QUIET = 0.1
    indexer.request(Path("bad\0path"))
    time.sleep(1)
    indexer.request(copy)
    deadline = time.monotonic() + 120
    while not (copy / "pagefind" / "pagefind.js").exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert (copy / "pagefind" / "pagefind.js").is_file()


# Input that is not what it claims to be --------------------------------------------------


def test_a_nul_byte_is_located_where_it_is(project: Path) -> None:
    text = (project / DIGEST).read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    lines[11] = lines[11][:4] + "\0" + lines[11][4:]
    (project / DIGEST).write_text("".join(lines), encoding="utf-8")
    checked = explainer("validate", cwd=project)
    assert re.search(rf"^{DIGEST}:12:5: YAML syntax: character U\+0000 is not allowed",
                     checked.stderr, re.MULTILINE), checked.stderr  # fmt: skip


def test_an_unclosed_quote_is_located_where_it_opens(project: Path) -> None:
    """The quotation mark opens on the digest's last line and is never closed: YAML
    reads on to the end of the file, but the message points at the mark."""
    last = len((project / DIGEST).read_text(encoding="utf-8").splitlines())
    write_variant(project, "note: Both are", 'note: "Both are')
    checked = explainer("validate", cwd=project)
    assert re.search(rf"^{DIGEST}:{last}:11: YAML syntax: .*quotation mark is not closed",
                     checked.stderr, re.MULTILINE), checked.stderr  # fmt: skip


@pytest.mark.parametrize(
    ("value", "expected"),
    [(".inf", "not a finite number"), ("1.0e+308", "is too large"), ("yes", "expected a number"),
     ('"230"', "expected a number"), ("-3", "is too small")],
)  # fmt: skip
def test_a_distance_must_be_a_real_number_in_range(
    project: Path, value: str, expected: str
) -> None:
    text = (project / DIGEST).read_text(encoding="utf-8")
    [old] = re.findall(r"\n( +value: [\d.]+)\n", text)[:1]
    write_variant(project, old, old.split(":")[0] + f": {value}")
    checked = explainer("validate", cwd=project)
    assert checked.returncode == 1
    [line] = problem_lines(checked, ".value: ")
    assert re.match(rf"{DIGEST}:\d+:\d+: places\[\d+\]\.distances\[\d+\]\.value: ", line)
    assert expected in line, line


def test_a_digest_with_an_upper_case_suffix_is_read(project: Path) -> None:
    (project / DIGEST).rename(project / "content" / f"{STORY_ID}.YML")
    checked = explainer("validate", cwd=project)
    assert checked.returncode == 0, checked.stderr
    assert "1 story file(s) checked" in checked.stdout


def test_a_digest_in_a_subfolder_is_reported_not_ignored(project: Path) -> None:
    (project / "content" / "2023").mkdir()
    (project / DIGEST).rename(project / "content" / "2023" / f"{STORY_ID}.yml")
    (project / "content" / "_drafts").mkdir()
    (project / "content" / "_drafts" / "idea.yml").write_text("title: later\n", "utf-8")
    checked = explainer("validate", cwd=project)
    assert checked.returncode == 1
    [line] = problem_lines(checked, "not read")
    assert line.startswith(
        f"content/2023/{STORY_ID}.yml: not read: digests go directly in content/"
    )
    assert "_drafts" not in checked.stderr


def test_draft_refuses_what_would_not_validate_and_writes_nothing(
    project: Path, tmp_path: Path
) -> None:
    article = tmp_path / "example-article.txt"  # made up: single line breaks only
    article.write_text(
        "Example Bridge Reopens In Exampleton\nThe mayor of Exampleton said little.\n"
        "Nobody else was named in this made-up example.\n",
        encoding="utf-8",
    )
    before = tree_digest(project / "content")
    result = explainer("draft", str(article), "--id", "example-bridge", cwd=project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert re.search(r"^content/example-bridge.yml:\d+:\d+: ", result.stderr, re.M), result.stderr
    assert "nothing was written" in result.stderr
    assert tree_digest(project / "content") == before


@pytest.mark.parametrize("kind", ["too big", "not a file"])
def test_draft_refuses_an_article_that_is_too_big_or_not_a_file(
    project: Path, tmp_path: Path, kind: str
) -> None:
    if kind == "too big":
        article = tmp_path / "long.txt"
        article.write_text("Headline\n\n" + "word " * 60_000, encoding="utf-8")
    else:
        article = tmp_path / "fifo"
        os.mkfifo(article)
    result = run([sys.executable, "-m", "generator.cli", "draft", str(article)], project, 60)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    expected = "expected an article of at most" if kind == "too big" else "not a regular file"
    assert expected in result.stderr
