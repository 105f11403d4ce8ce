"""Inputs kept from fuzzing (fuzz/regressions/): each validates without an exception.

The check is the fuzz target's own (fuzz/fuzz_validate.py): the input is a
category file of one catalog and the levels file of another, both are
validated and every report is rendered, and every diagnostic points inside
its file. A new failing input found by ``fuzz/run.py`` is minimised into
``fuzz/regressions/`` and replayed here from then on.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

FUZZ = Path(__file__).resolve().parent.parent / "fuzz"
REGRESSIONS = sorted(path for path in (FUZZ / "regressions").iterdir() if path.is_file())

sys.path.insert(0, str(FUZZ))
from fuzz_validate import check_input, make_workspace  # noqa: E402
from run import MAX_LEN, mutate  # noqa: E402


@pytest.mark.parametrize("path", REGRESSIONS, ids=[path.name for path in REGRESSIONS])
def test_kept_fuzz_input_validates_without_an_exception(path: Path, tmp_path: Path) -> None:
    """A kept input gives diagnostics inside its file and raises nothing."""
    check_input(path.read_bytes(), make_workspace(tmp_path))


def test_fuzz_target_accepts_every_seed(tmp_path: Path) -> None:
    """The seed corpus runs through the fuzz target cleanly, so a fuzz run starts sound."""
    workspace = make_workspace(tmp_path)
    seeds = sorted(path for path in (FUZZ / "corpus").iterdir() if path.is_file())
    assert seeds
    for seed in seeds:
        check_input(seed.read_bytes(), workspace)


def test_fallback_mutations_are_reproducible_and_bounded() -> None:
    """The plain-Python runner's mutations depend only on the seed and stay under the size cap."""
    pool = [b"id: x\nname: y\n", b"a: [1, 2]\n"]
    tokens = [b"&a ", b"*a", b"\x00"]
    assert mutate(pool[0], random.Random(7), tokens, pool) == mutate(
        pool[0], random.Random(7), tokens, pool
    )
    rng = random.Random(1)
    assert all(len(mutate(b"x" * MAX_LEN, rng, tokens, pool)) <= MAX_LEN for _ in range(200))
