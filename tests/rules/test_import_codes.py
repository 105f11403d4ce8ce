"""The import codes (I001-I015) on the real services files: every finding, word for word.

Each import of a real snapshot is compared whole with its golden report
(tests/rules/golden/, written by scripts/regenerate-import-golden.py), and so
is the import of each import code's 'Failing:' example: the
code, place, message, hint and related places of every finding.
"""

from __future__ import annotations

import json
import runpy

import pytest

from conftest import REPO
from pscatalog.rules.registry import CODES

SCRIPT = runpy.run_path(str(REPO / "scripts" / "regenerate-import-golden.py"))
GOLDEN = REPO / "tests" / "rules" / "golden"


@pytest.mark.parametrize("name", sorted(SCRIPT["FILES"]))
def test_import_of_a_real_snapshot_reports_as_its_golden_file(name: str) -> None:
    """Importing the snapshot reports exactly its golden report."""
    expected = (GOLDEN / name).read_text(encoding="utf-8")
    assert SCRIPT["import_report"](name) == expected


def test_the_golden_reports_cover_every_import_code() -> None:
    """Each import code's example reports it, and the golden folder holds only the script's files."""
    examples = json.loads((GOLDEN / "import-examples.json").read_text(encoding="utf-8"))
    assert sorted(examples) == sorted(code for code in CODES if code.startswith("I"))
    for code, diagnostics in examples.items():
        assert code in {diagnostic["code"] for diagnostic in diagnostics}, code
    assert sorted(path.name for path in GOLDEN.iterdir()) == sorted(SCRIPT["FILES"])
