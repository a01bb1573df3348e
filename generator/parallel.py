"""Using the machine's other cores for work that is the same for each story.

MkDocs builds pages on one core, and while the generator runs (in `on_config`) the
others are idle. Reading a thousand digests and rendering their pages are independent
per story, so they are split over forked worker processes: the workers inherit the
function and the inputs (nothing is pickled on the way in) and send back only results.
Small sites, machines with one core and systems without `fork` run it in-process.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
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
