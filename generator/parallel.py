"""Forked processes: the machine's other cores, and memory given back whole.

- `fork_map`: MkDocs builds pages on one core, and while the generator runs (in
  `on_config`) the others are idle. Reading a thousand digests and rendering their
  pages are independent per story, so they are split over forked worker processes: the
  workers inherit the function and the inputs (nothing is pickled on the way in) and
  send back only results.
- `in_child`: work that makes many objects and keeps few (generating the Markdown tree
  holds every story at once) runs in a forked child, and only what it returns comes
  back. Python does not give the system back the memory of objects it freed when a few
  live ones are left among them; a child's memory goes back whole when it ends.
- What a child logs on the builder's loggers is sent back and logged again by the
  build's process (`LogCapture`), so it is shown once and `--strict` counts its warnings.

Small sites, machines with one core and systems without `fork` run it in-process.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import multiprocessing
import os
import pickle
import signal
import sys
import traceback
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

THRESHOLD = 100
"""Below this many items, starting workers costs more than it saves."""

_job: tuple[Callable[[Any], Any], Sequence[Any]] | None = None


def _run(bounds: tuple[int, int]) -> list[Any]:
    assert _job is not None
    function, items = _job
    return [function(item) for item in items[bounds[0] : bounds[1]]]


def fork_map(function: Callable[[T], R], items: Sequence[T]) -> list[R]:
    """[function(item) for item in items], in forked workers when that pays."""
    global _job
    workers = min(os.cpu_count() or 1, 8)
    forkable = "fork" in multiprocessing.get_all_start_methods()
    if len(items) < THRESHOLD or workers < 2 or not forkable or _job is not None:
        return [function(item) for item in items]
    size = -(-len(items) // (workers * 4))
    bounds = [(start, min(start + size, len(items))) for start in range(0, len(items), size)]
    _job = (function, items)
    # The workers share the parent's memory until they write to it; Python's cycle
    # collector, going over every object the parent made, would write to all of them and
    # give each worker a copy. Frozen, they are left out of its rounds.
    gc.freeze()
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            return [result for chunk in pool.map(_run, bounds) for result in chunk]
    finally:
        gc.unfreeze()
        _job = None


class LogCapture(logging.Handler):
    """In a forked process: what the builder's loggers would show, kept to be logged
    again by the build's process (which shows it and counts its warnings)."""

    LOGGERS = ("mkdocs", "properdocs")

    def __init__(self, records: list[tuple[str, int, str]]) -> None:
        super().__init__(logging.NOTSET)
        self.records = records
        self.saved = {}
        for name in self.LOGGERS:
            logger = logging.getLogger(name)
            self.saved[name] = logger.handlers
            logger.handlers = [self]

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))

    def stop(self) -> None:
        for name, handlers in self.saved.items():
            logging.getLogger(name).handlers = handlers


def log_again(records: list[tuple[str, int, str]]) -> None:
    """Log what a `LogCapture` kept, in this process."""
    for name, level, message in records:
        logging.getLogger(name).log(level, message)


class ChildFailed(Exception):
    """A child process ended without an answer (killed, for example out of memory)."""


class ChildTraceback(Exception):
    """Where an exception raised in a child process came from (its traceback, as text)."""


def in_child(function: Callable[[], R]) -> R:
    """function(), run in a forked child process: its result (pickled) or the exception
    it raised comes back, and what it logged is logged here. Whatever else it made goes
    with the child. Without `fork`, in-process."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return function()
    reading, writing = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        os.close(reading)
        _answer(function, writing)
    os.close(writing)
    try:
        with os.fdopen(reading, "rb") as pipe:
            data = pipe.read()
        _, status = os.waitpid(pid, 0)
        pid = 0
    finally:
        if pid:  # interrupted: the child goes too
            os.kill(pid, signal.SIGTERM)
            os.waitpid(pid, 0)
    if not data:
        raise ChildFailed(f"the process ended without an answer ({_ending(status)})")
    outcome, value, records, where = pickle.loads(data)
    log_again(records)
    if outcome == "raised":
        raise value from (ChildTraceback(where) if where else None)
    return value


def _answer(function: Callable[[], Any], writing: int) -> None:
    records: list[tuple[str, int, str]] = []
    capture = LogCapture(records)
    code = 0
    try:
        try:
            answer = ("returned", function(), records, "")
        except Exception as error:
            answer = ("raised", error, records, traceback.format_exc())
        finally:
            capture.stop()
        try:
            data = pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:
            where = answer[3] or traceback.format_exc()
            data = pickle.dumps(("raised", ChildFailed(where), records, ""))
        with os.fdopen(writing, "wb") as pipe:
            pipe.write(data)
    except BaseException:
        code = 1
    finally:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(Exception):
                stream.flush()
        os._exit(code)


def _ending(status: int) -> str:
    if os.WIFSIGNALED(status):
        return f"signal {os.WTERMSIG(status)}"
    return f"exit status {os.waitstatus_to_exitcode(status)}"
