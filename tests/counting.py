"""Measures of work that do not depend on the machine: lines of pscatalog run, calls made.

Tests of bounded or linear work count what the code does instead of timing
it, so that a loaded machine, a coverage tracer or a slow disk cannot fail
them, and a quadratic loop cannot pass them: the work at 2N is compared with
the work at N. A hang is caught by :func:`watchdog`, which never judges speed.
"""

from __future__ import annotations

import contextlib
import signal
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType
from typing import Any, TypeVar

import pscatalog

PACKAGE = str(Path(pscatalog.__file__).resolve().parent)
T = TypeVar("T")


def lines_run(function: Callable[[], T]) -> tuple[T, int]:
    """Return what ``function()`` returns and how many lines of pscatalog it ran.

    Every line executed in the package's modules counts, loop iterations and
    comprehensions included: a deterministic measure of Python-level work.
    """
    count = 0

    def in_package(frame: FrameType, event: str, argument: Any) -> Any:
        nonlocal count
        if event == "line":
            count += 1
        return in_package

    def on_call(frame: FrameType, event: str, argument: Any) -> Any:
        return in_package if frame.f_code.co_filename.startswith(PACKAGE) else None

    previous = sys.gettrace()
    sys.settrace(on_call)
    try:
        result = function()
    finally:
        sys.settrace(previous)
    return result, count


def growth(work: Callable[[int], int], size: int) -> float:
    """Return how much ``work(n)`` grows when ``n`` doubles from ``size``: 2 when linear."""
    return work(2 * size) / work(size)


@contextlib.contextmanager
def watchdog(seconds: float) -> Iterator[None]:
    """Fail the block with :class:`TimeoutError` if it runs ``seconds`` (a hang, not slowness)."""

    def expire(signum: int, frame: FrameType | None) -> None:
        raise TimeoutError(f"still running after {seconds:.0f} s: a hang")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
