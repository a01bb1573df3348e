"""Quote fidelity: the closest passage of a misquote, bounded messages, safe text files.

Articles here are made-up examples: invented words from a seeded generator, no real
text, except where the seed digest's own article is copied in to check a real misquote.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.digest.fidelity import MAX_TEXT_BYTES, closest_passage
from generator.digest.loading import Problem, load_story

from .conftest import ROOT, STORY_ID

SEED = ROOT / "content" / f"{STORY_ID}.yml"
SEED_ARTICLE = ROOT / "content" / "articles" / f"{STORY_ID}.txt"
SECRET = "EXAMPLE-SECRET-7f3a9c: made-up contents that must never appear in a message"
SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in ("a", "e", "i", "o", "u", "ai", "ou")]


def made_up_article(words: int, seed: int = 1) -> str:
    """An example article of invented words (Zipf-like frequencies, sentences,
    paragraphs): made-up text, not a real article."""
    rng = random.Random(seed)
    vocab = sorted(
        {"".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 4))) for _ in range(3000)}
    )
    weights = [1 / (rank + 1) for rank in range(len(vocab))]
    sentences, count = [], 0
    while count < words:
        length = rng.randint(6, 24)
        picked = rng.choices(vocab, weights, k=length)
        sentences.append(" ".join(picked).capitalize() + rng.choice("..,?!"))
        count += length
        if rng.random() < 0.2:
            sentences.append("\n\n")
    return " ".join(sentences)


EXAMPLE = made_up_article(6000)
WORDS = EXAMPLE.split()


def passage(start: int, size: int) -> list[str]:
    return WORDS[start : start + size]


# -- closest_passage ----------------------------------------------------------------


def test_closest_passage_of_a_quote_with_changed_words() -> None:
    original = passage(2000, 60)
    quote = list(original)
    for at in (3, 17, 40):
        quote[at] = "zyxqu"  # made-up replacement words
    assert closest_passage(" ".join(quote), EXAMPLE) == " ".join(original)


def test_closest_passage_of_a_quote_with_a_dropped_word() -> None:
    original = passage(3100, 40)
    quote = original[:25] + original[26:]
    assert closest_passage(" ".join(quote), EXAMPLE) == " ".join(original)


def test_closest_passage_of_a_quote_with_an_added_word() -> None:
    original = passage(4100, 40)
    quote = [*original[:10], "zyxqu", *original[10:]]
    assert closest_passage(" ".join(quote), EXAMPLE) == " ".join(original)


def test_closest_passage_when_the_matching_words_are_spread_far_apart() -> None:
    # every other word changed: no two matching words are next to each other
    original = passage(1500, 60)
    quote = [word if at % 2 else f"zyx{at}" for at, word in enumerate(original)]
    assert closest_passage(" ".join(quote), EXAMPLE) == " ".join(original)


def test_closest_passage_of_a_quote_stitched_from_distant_places() -> None:
    first, second = passage(1000, 30), passage(5000, 20)
    found = closest_passage(" ".join(first + second), EXAMPLE)
    assert found is not None and found.startswith(" ".join(first))


def test_closest_passage_at_the_ends_of_the_article() -> None:
    opening, ending = passage(0, 12), WORDS[-12:]
    assert closest_passage(" ".join(["zyxqu", *opening[1:]]), EXAMPLE) == " ".join(opening)
    assert closest_passage(" ".join([*ending[:-1], "zyxqu"]), EXAMPLE) == " ".join(ending)


def test_closest_passage_of_a_long_misquote() -> None:
    original = passage(2500, 3000)
    quote = list(original)
    for at in (10, 900, 2999):
        quote[at] = "zyxqu"
    del quote[1500]
    assert closest_passage(" ".join(quote), EXAMPLE) == " ".join(original)


def test_closest_passage_compares_typography_and_case_loosely() -> None:
    article = "Example text: the “made-up” words—zorbel’s own—were never spoken."
    assert (
        closest_passage('the "made-up" words-ZORBEL\'S OWN-were never spken.', article)
        == "the “made-up” words—zorbel’s own—were never spoken."
    )


def test_closest_passage_of_a_misspelt_word() -> None:
    assert closest_passage("fluberrgast", "Example: the fluberragast was made up.") == (
        "fluberragast"
    )


def test_no_closest_passage_when_nothing_is_alike() -> None:
    unrelated = "quorvant plibbex strunderwhal ossifrax mellupine cadrovost"
    assert closest_passage(unrelated, EXAMPLE) is None
    assert closest_passage(unrelated, "") is None


# -- messages, through load_story -----------------------------------------------------


def write_digest(folder: Path, text_file: str, quote: str | None = None) -> Path:
    """The seed digest in `folder`, its first source's text file set to `text_file`
    and, if given, its second quote's text to `quote`."""
    data: dict[str, Any] = yaml.safe_load(SEED.read_text(encoding="utf-8"))
    data["sources"][0]["text_file"] = text_file
    if quote is not None:
        data["quotes"][1]["text"] = quote
    path = folder / f"{STORY_ID}.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def problems_of(path: Path) -> list[Problem]:
    story, problems = load_story(path)
    assert (story is None) == bool(problems)
    return problems


def test_short_misquote_keeps_the_message_format(tmp_path: Path) -> None:
    shutil.copytree(SEED_ARTICLE.parent, tmp_path / "articles")
    path = write_digest(
        tmp_path,
        f"articles/{STORY_ID}.txt",
        "unacceptable to start a massacre in Russia’s territory.",
    )
    [problem] = problems_of(path)
    assert problem.field == "quotes[1].text"
    assert problem.message == (
        f"not found word for word in articles/{STORY_ID}.txt: "
        "«unacceptable to start a massacre in Russia’s territory.» "
        "(closest passage in the article: "
        "«“unacceptable to start a bloodbath in Russia’s territory.”»)"
    )


def test_no_similar_passage_is_said_so(tmp_path: Path) -> None:
    shutil.copytree(SEED_ARTICLE.parent, tmp_path / "articles")
    unrelated = "quorvant plibbex strunderwhal ossifrax"  # made-up words
    [problem] = problems_of(write_digest(tmp_path, f"articles/{STORY_ID}.txt", unrelated))
    assert problem.field == "quotes[1].text"
    assert "no similar passage in the article" in problem.message
    assert "closest passage" not in problem.message


def made_up_misquote(folder: Path, quote: str) -> Problem:
    """The problem with quote[1] of the seed digest when its source's text is the made-up
    EXAMPLE article and the quote is `quote` (the seed's other quotes of that source are
    reported too, as not found in it: left aside)."""
    (folder / "articles").mkdir()
    (folder / "articles" / "example.txt").write_text(EXAMPLE, encoding="utf-8")
    problems = problems_of(write_digest(folder, "articles/example.txt", quote))
    [problem] = [p for p in problems if p.field == "quotes[1].text"]
    return problem


def test_long_misquote_message_shows_the_first_difference(tmp_path: Path) -> None:
    original = passage(2200, 1500)
    quote = list(original)
    quote[700] = "zyxqu"  # made up
    quote[1200] = "vorple"
    text = " ".join(quote)
    assert len(text) > 5000
    message = made_up_misquote(tmp_path, text).message
    assert len(message) < 1000
    assert f"({len(text):,} characters)" in message
    assert "at its word 701" in message
    assert f"«zyxqu» where the article has «{original[700]}»" in message
    assert " ".join(original[696:700]) in message  # context before the difference
    assert "vorple" not in message  # only the first difference
    assert text not in message and " ".join(original) not in message


def test_long_misquote_with_a_dropped_word(tmp_path: Path) -> None:
    original = passage(1000, 200)
    text = " ".join(original[:120] + original[121:])
    problem = made_up_misquote(tmp_path, text)
    assert "at its word 121" in problem.message
    assert f"without the article's «{original[120]}»" in problem.message
    assert len(problem.message) < 1000


# -- the text file: checked before it is opened ----------------------------------------


def check_in_subprocess(path: Path, timeout: float = 60) -> list[list[str]]:
    """load_story(path) in a child process with bounded memory and time, so that a
    regression (reading /dev/zero, opening a FIFO) fails the test instead of hanging
    or filling the machine's memory. Returns [field, message] pairs."""
    code = (
        "import json, resource, sys\n"
        "resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))\n"
        "from generator.digest.loading import load_story\n"
        "story, problems = load_story(__import__('pathlib').Path(sys.argv[1]))\n"
        "print(json.dumps([[p.field, p.message] for p in problems]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout)


def assert_refused(problems: list[list[str]] | list[Problem], why: str) -> str:
    pairs = [(p.field, p.message) if isinstance(p, Problem) else tuple(p) for p in problems]
    [(field, message)] = pairs
    assert field == "sources[0].text_file"
    assert why in message
    assert (
        f"expected a UTF-8 text file inside the digest's folder, at most {MAX_TEXT_BYTES:,} bytes"
        in message
    )
    return message


def test_text_file_linked_outside_the_digest_folder_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(SECRET, encoding="utf-8")
    digest = tmp_path / "digest"
    (digest / "articles").mkdir(parents=True)
    (digest / "articles" / "story.txt").symlink_to(outside / "secret.txt")
    message = assert_refused(
        problems_of(write_digest(digest, "articles/story.txt")), "outside the digest's folder"
    )
    assert "EXAMPLE-SECRET" not in message and "made-up contents" not in message


def test_folder_linked_outside_the_digest_folder_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "story.txt").write_text(SECRET, encoding="utf-8")
    digest = tmp_path / "digest"
    digest.mkdir()
    (digest / "articles").symlink_to(outside, target_is_directory=True)
    message = assert_refused(
        problems_of(write_digest(digest, "articles/story.txt")), "outside the digest's folder"
    )
    assert "EXAMPLE-SECRET" not in message


@pytest.mark.skipif(not Path("/etc/passwd").is_file(), reason="needs /etc/passwd")
def test_text_file_linked_to_a_system_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "story.txt").symlink_to("/etc/passwd")
    message = assert_refused(
        problems_of(write_digest(tmp_path, "articles/story.txt")), "outside the digest's folder"
    )
    assert "root:" not in message


def test_link_inside_the_digest_folder_is_followed(tmp_path: Path) -> None:
    shutil.copytree(SEED_ARTICLE.parent, tmp_path / "articles")
    (tmp_path / "articles" / "link.txt").symlink_to(f"{STORY_ID}.txt")
    assert problems_of(write_digest(tmp_path, "articles/link.txt")) == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifo_is_refused_without_hanging(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    os.mkfifo(tmp_path / "articles" / "story.txt")
    assert_refused(
        check_in_subprocess(write_digest(tmp_path, "articles/story.txt")), "not a regular file"
    )


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_link_to_dev_zero_is_refused_without_hanging(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "story.txt").symlink_to("/dev/zero")
    problems = check_in_subprocess(write_digest(tmp_path, "articles/story.txt"))
    assert_refused(problems, "outside the digest's folder")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifo_behind_a_link_inside_the_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    os.mkfifo(tmp_path / "articles" / "pipe")
    (tmp_path / "articles" / "story.txt").symlink_to("pipe")
    assert_refused(
        check_in_subprocess(write_digest(tmp_path, "articles/story.txt")), "not a regular file"
    )


def test_text_file_over_the_size_bound_is_refused(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    big = tmp_path / "articles" / "story.txt"
    with big.open("wb") as file:
        file.truncate(MAX_TEXT_BYTES + 1)  # sparse: no disk written
    message = assert_refused(
        problems_of(write_digest(tmp_path, "articles/story.txt")),
        f"{MAX_TEXT_BYTES + 1:,} bytes",
    )
    assert len(message) < 400


def test_missing_and_non_utf8_text_files_are_refused(tmp_path: Path) -> None:
    assert_refused(problems_of(write_digest(tmp_path, "articles/none.txt")), "cannot read")
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "story.txt").write_bytes(b"made-up example \xff\xfe text")
    message = assert_refused(problems_of(write_digest(tmp_path, "articles/story.txt")), "not UTF-8")
    assert "made-up example" not in message
