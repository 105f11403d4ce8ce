"""The README's quick start is what CI runs."""

from __future__ import annotations

import re

from conftest import REPO


def quick_start_commands() -> list[str]:
    """Return the commands of the README's quick-start code block."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## Quick start\n.*?```sh\n(.*?)```", readme, re.S)
    assert block is not None
    return block.group(1).strip().splitlines()


def test_quick_start_is_two_commands_that_ci_runs_verbatim() -> None:
    """The two quick-start commands appear, unchanged, as lines of .ci/run."""
    commands = quick_start_commands()
    assert len(commands) == 2
    assert "pscatalog validate" in commands[0]
    assert "pytest" in commands[1]
    ci_lines = (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert all(command in ci_lines for command in commands)
