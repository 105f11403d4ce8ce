"""Example catalogs: valid ones give no finding, invalid ones exactly their expected.txt.

``examples/valid/<name>/`` and ``examples/invalid/<CODE>-<slug>/`` are complete
catalog folders. Each invalid folder has an ``expected.txt`` that lists every
diagnostic it must give, one per line, as ``CODE file:line:column``.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from pscatalog.checks.checker import validate
from pscatalog.checks.config import Config
from pscatalog.rules.registry import CODES

EXAMPLES = Path(__file__).resolve().parent / "examples"
VALID = sorted(path for path in (EXAMPLES / "valid").iterdir() if path.is_dir())
INVALID = sorted(path for path in (EXAMPLES / "invalid").iterdir() if path.is_dir())
EXAMPLE_FAMILIES = "YSCM"
"""Code families shown by whole-catalog examples: YAML, schema, catalog, maturity."""
EXPECTED_LINE = re.compile(r"[A-Z][0-9]{3} [^\s:]+:[0-9]+:[0-9]+")


def found(folder: Path) -> list[str]:
    """Validate the catalog folder; list each diagnostic as ``CODE file:line:column``."""
    root = folder.resolve()
    lines = []
    # The modeline rule is left out of tests unless asked for (see conftest).
    config = Config() if folder.name.startswith("C301") else None
    for diagnostic in validate([folder], config=config).diagnostics:
        location = diagnostic.location
        file = Path(os.path.relpath(os.path.abspath(location.file), root)).as_posix()
        lines.append(f"{diagnostic.code} {file}:{location.line}:{location.column}")
    return lines


def expected(folder: Path) -> list[str]:
    return (folder / "expected.txt").read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize("folder", VALID, ids=[path.name for path in VALID])
def test_valid_example_gives_no_diagnostic(folder: Path) -> None:
    """A valid example catalog gives no diagnostic at all, not even a warning."""
    assert found(folder) == []


@pytest.mark.parametrize("folder", INVALID, ids=[path.name for path in INVALID])
def test_invalid_example_gives_exactly_its_expected_diagnostics(folder: Path) -> None:
    """An invalid example gives every diagnostic of its expected.txt and no other."""
    assert sorted(found(folder)) == sorted(expected(folder))


@pytest.mark.parametrize("folder", INVALID, ids=[path.name for path in INVALID])
def test_invalid_example_shows_the_code_it_is_named_after(folder: Path) -> None:
    """Each invalid folder's expected.txt is well formed and includes the code in its name."""
    lines = expected(folder)
    assert lines
    for line in lines:
        assert EXPECTED_LINE.fullmatch(line), line
    code = folder.name.split("-", 1)[0]
    assert code in CODES
    assert any(line.startswith(code + " ") for line in lines)


def test_there_are_at_least_three_valid_examples() -> None:
    """The valid examples cover more than a minimal catalog."""
    assert len(VALID) >= 3


def test_every_code_has_an_invalid_example() -> None:
    """Every YAML, schema, catalog and maturity code is shown by an invalid example folder."""
    shown = {folder.name.split("-", 1)[0] for folder in INVALID}
    codes = {code for code in CODES if code[0] in EXAMPLE_FAMILIES}
    assert sorted(codes - shown) == []
