"""Helpers for the tests of fixes: what a code's fix makes of a file."""

from __future__ import annotations

from pathlib import Path

from pscatalog.checks.checker import validate
from pscatalog.checks.config import Config
from pscatalog.checks.suppressions import is_suppression
from pscatalog.diagnostics import Diagnostic
from pscatalog.rules.base import FixContext
from pscatalog.rules.registry import FIXABLE
from pscatalog.yamltext.edits import apply_edits, comment_change, intended_data
from pscatalog.yamltext.loader import Document
from pscatalog.yamltext.verify import check_rewrite


def fix_text(doc: Document, diagnostics: list[Diagnostic], code: str, context: FixContext) -> str:
    """Return ``doc``'s text with the edits of ``code``'s fix for ``diagnostics`` made.

    The new text must pass the writer's check: it reads as the data with
    exactly the changes the edits declare, and keeps every other comment.
    """
    fixer = FIXABLE[code]
    edits = [edit for diagnostic in diagnostics for edit in fixer.fix(context, diagnostic)]
    before = doc.text or ""
    after = apply_edits(before, edits)
    check_rewrite(
        before,
        after,
        data=intended_data(doc.data, edits),
        comments=comment_change(edits),
        anchored=is_suppression,
    )
    return after


def fixed(root: Path, name: str, code: str) -> str:
    """Validate the catalog at ``root`` (every code on); return ``name`` once ``code``'s fix is made."""
    result = validate([root], config=Config())
    [catalog] = result.catalogs
    [doc] = [doc for doc in catalog.documents if doc.path.name == name]
    found = [
        diagnostic
        for diagnostic in result.diagnostics
        if diagnostic.code == code and Path(diagnostic.location.file).name == name
    ]
    assert found, f"no {code} in {name}"
    return fix_text(doc, found, code, FixContext(doc, catalog.files))
