"""`parallel.in_child`: the build's generation runs in a forked child process, and only
what it returns, raises and logs comes back."""

from __future__ import annotations

import logging
import os
import signal

import pytest

from generator.digest.loading import InputError, Problem
from generator.parallel import ChildFailed, ChildTraceback, in_child


def resident_mib() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS in /proc/self/status")


def test_a_child_returns_its_result_and_takes_the_memory_it_used_with_it() -> None:
    left: list[str] = []

    def make_many_objects_and_keep_a_few() -> int:
        # as generating the site does: many objects made, a few kept among them, which
        # keeps the memory of the others from the system in the process that made them
        objects = [str(number) * 8 for number in range(3_000_000)]  # about 300 MiB
        left.extend(objects[::50])
        return len(objects)

    before = resident_mib()
    assert in_child(make_many_objects_and_keep_a_few) == 3_000_000
    assert resident_mib() - before < 50
    assert left == []  # what the child kept went with it


def test_an_input_error_in_the_child_comes_back_with_every_problem() -> None:
    problems = [
        Problem("content/a.yml", 3, 1, "title", "expected a title"),
        Problem("content/b.yml", 7, 5, "quotes[0].speaker", "no such actor"),
    ]

    def fail() -> None:
        raise InputError(problems)

    with pytest.raises(InputError) as raised:
        in_child(fail)
    assert raised.value.problems == sorted(problems)
    assert "content/b.yml:7" in str(raised.value)


def test_a_warning_logged_in_the_child_is_logged_once_by_the_build(
    caplog: pytest.LogCaptureFixture,
) -> None:
    def warn() -> str:
        logging.getLogger("mkdocs.plugins.explainer").warning("explainer: no map data")
        return "done"

    with caplog.at_level(logging.INFO):
        assert in_child(warn) == "done"
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert [(r.name, r.getMessage()) for r in warnings] == [
        ("mkdocs.plugins.explainer", "explainer: no map data")
    ]


def test_a_mistake_in_the_child_is_raised_with_where_it_happened() -> None:
    def divide_by_zero() -> float:
        return 1 / 0

    with pytest.raises(ZeroDivisionError) as raised:
        in_child(divide_by_zero)
    assert isinstance(raised.value.__cause__, ChildTraceback)
    assert "divide_by_zero" in str(raised.value.__cause__)


def test_a_child_that_is_killed_is_reported_not_waited_for() -> None:
    def killed() -> None:
        os.kill(os.getpid(), signal.SIGKILL)

    with pytest.raises(ChildFailed, match="signal 9"):
        in_child(killed)
