"""jsonschema-rs decides, python-jsonschema explains: the diagnostics are the reference's."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import REPO, SHIPPED_CATALOG
from pscatalog.catalog.model import load_catalog
from pscatalog.checks.schema import check_document

EXAMPLES = sorted(
    [
        *(REPO / "tests" / "examples" / "invalid").iterdir(),
        *(REPO / "tests" / "examples" / "valid").iterdir(),
    ]
)


def findings(folder: Path, *, fast: bool, split: bool) -> list[tuple[str, str, int, int, str, str]]:
    catalog = load_catalog(folder)
    return [
        (
            f.diagnostic.code,
            f.diagnostic.location.file,
            f.diagnostic.location.line,
            f.diagnostic.location.column,
            f.diagnostic.message,
            f.keyword,
        )
        for doc in catalog.documents
        if doc.ok
        for f in check_document(doc, catalog.kind_of(doc), fast=fast, split=split)
    ]


@pytest.mark.parametrize("folder", EXAMPLES, ids=lambda p: p.name)
def test_fast_and_split_checks_give_the_reference_diagnostics(folder: Path) -> None:
    """Whole-document python-jsonschema, item by item, and jsonschema-rs first: one result."""
    reference = findings(folder, fast=False, split=False)
    assert findings(folder, fast=False, split=True) == reference
    assert findings(folder, fast=True, split=True) == reference


def test_many_faults_in_one_file_are_all_explained(tmp_path: Path) -> None:
    """Faults in several offerings of one file and at its top are all reported, in order."""
    text = (SHIPPED_CATALOG / "dedicated.yaml").read_text(encoding="utf-8")
    broken = (
        text.replace("level: transformation", "level: Transformation")
        .replace("amount: 147900", 'amount: "147900"')
        .replace("amount: 628575", "amount: -1")
    )
    folder = tmp_path / "catalog"
    folder.mkdir()
    (folder / "dedicated.yaml").write_text(broken, encoding="utf-8")
    fast = findings(folder, fast=True, split=True)
    assert fast == findings(folder, fast=False, split=False)
    assert [code for code, *_ in fast] == ["S005", "S003", "S006"]
