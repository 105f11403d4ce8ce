"""Fixes: what ``pscatalog validate --fix`` changes, and what it leaves.

Each fixable code declares its fix and whether it is safe
(:data:`pscatalog.rules.registry.FIXABLE`): a wrongly cased maturity, a value
YAML 1.1 would read differently, a missing or outdated modeline. Unsafe fixes
(a ``custom`` variant for an offering that has no base variant) need
``unsafe=True``. A fix changes only the characters of the node it fixes,
found through the parser's positions (:mod:`pscatalog.yamltext.edits`); every
file is then put in the canonical layout (``pscatalog fmt``).

The fixed texts are validated in memory, before anything is written, exactly
as a run on the written files would validate them. A file is written only
after its new text passes the writer's checks: it reads as the data before
with exactly the fixes' changes, keeps every comment (less and plus what a
fix means to change: the modeline) and every suppression on its line.
Otherwise it is left byte for byte and the refusal is reported.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pscatalog.catalog.model import Catalog
from pscatalog.checks.checker import ValidationResult, validate
from pscatalog.checks.config import Config
from pscatalog.checks.suppressions import is_suppression
from pscatalog.diagnostics import Diagnostic, Severity
from pscatalog.files.sources import Files
from pscatalog.files.writer import WriteRefused, write_atomically
from pscatalog.rules.base import FixContext
from pscatalog.rules.registry import FIXABLE
from pscatalog.tools.formatting import FormatError, format_text
from pscatalog.yamltext.edits import (
    EditConflict,
    TextEdit,
    apply_edits,
    comment_change,
    intended_data,
    without_conflicts,
)
from pscatalog.yamltext.lines import unified_diff
from pscatalog.yamltext.loader import Document
from pscatalog.yamltext.verify import VerifyError, check_rewrite


@dataclass
class FixResult:
    """What was fixed, the files changed, and the validation after the fixes."""

    fixed: Counter[str] = field(default_factory=Counter)
    """How many findings of each code were fixed."""
    changes: dict[Path, tuple[str, str]] = field(default_factory=dict)
    """Each changed file: (text before, text after), by path."""
    remaining: ValidationResult = field(default_factory=ValidationResult)
    """Validation of the catalog as fixed (as it would be, with ``write=False``)."""
    names: dict[Path, str] = field(default_factory=dict)
    """How reports name each changed file."""
    refused: dict[Path, str] = field(default_factory=dict)
    """Files left as they were because their new text failed a check, with the reason."""
    written: bool = True
    """Whether the changes were written (false for ``--diff``: they are only shown)."""

    def summary(self) -> str:
        """Return one line: what was fixed, in how many files, and what is left."""
        total = sum(self.fixed.values())
        codes = ", ".join(f"{code} x{count}" for code, count in sorted(self.fixed.items()))
        left = len(self.remaining.diagnostics)
        files = len(self.changes)
        verb, change = ("Fixed", "changed") if self.written else ("Would fix", "would change")
        fixed = f"{verb} {total} finding{'' if total == 1 else 's'}" + (
            f" ({codes})" if codes else ""
        )
        return (
            f"{fixed}; {files} file{'' if files == 1 else 's'} {change} (fixes and canonical "
            f"layout); {left} finding{'' if left == 1 else 's'} left."
        )

    def refusals(self) -> str:
        """Return one line per file left as it was, naming the file and the reason."""
        return "".join(
            f"pscatalog: error: {self.names.get(path, str(path))}: not fixed: {reason}\n"
            for path, reason in self.refused.items()
        )

    def diff(self) -> str:
        """Return a unified diff of every change."""
        return "".join(
            unified_diff(before, after, f"a/{self.names[path]}", f"b/{self.names[path]}")
            for path, (before, after) in self.changes.items()
        )

    @property
    def exit_code(self) -> int:
        """1 when an error is left or a file was refused, else 0."""
        return 1 if self.refused or self.remaining.exit_code else 0


@dataclass(frozen=True, slots=True)
class _Plan:
    """The new text of one file, and the check it must pass to be written."""

    after: str
    fixed: Counter[str]
    check: Callable[[str], None]


def fix_catalog(
    paths: Iterable[Path | str] = (),
    *,
    config: Config | None = None,
    unsafe: bool = False,
    write: bool = True,
) -> FixResult:
    """Fix what can be fixed in the catalogs at ``paths`` (as ``validate`` finds them).

    With ``write=False`` nothing is written and :attr:`FixResult.remaining`
    still tells what would be left: it is the validation of the fixed texts,
    held in memory, under the files' own names and places.
    """
    paths = list(paths)
    result = validate(paths, config=config)
    outcome = FixResult(written=write)
    plans: dict[Path, _Plan] = {}
    named = set(result.files)  # with files named, only those are fixed
    for catalog in result.catalogs:
        for doc in catalog.documents:
            if doc.name not in named:
                continue
            plan = _plan(doc, catalog, _diagnostics_of(result, doc), unsafe, outcome)
            if plan is not None:
                plans[doc.path] = plan
    accepted: dict[Path, str] = {}
    for path, plan in plans.items():
        before = outcome.changes[path][0]
        try:
            if write:
                write_atomically(path, plan.after, check=plan.check, previous=before)
            else:
                plan.check(plan.after)
        except (VerifyError, WriteRefused) as exc:
            outcome.refused[path] = exc.reason if isinstance(exc, WriteRefused) else str(exc)
            del outcome.changes[path]
            continue
        accepted[path] = plan.after
        outcome.fixed.update(plan.fixed)
    outcome.remaining = validate(paths, config=config, files=Files(accepted))
    return outcome


def _diagnostics_of(result: ValidationResult, doc: Document) -> list[Diagnostic]:
    return [d for d in result.diagnostics if d.location.file == doc.name]


def _plan(
    doc: Document,
    catalog: Catalog,
    diagnostics: list[Diagnostic],
    unsafe: bool,
    outcome: FixResult,
) -> _Plan | None:
    """Return the fixed and formatted text of one file and its check, ``None`` if unchanged."""
    if doc.text is None or not doc.ok:
        return None
    errors = [d for d in doc.diagnostics if d.severity is Severity.ERROR]
    if errors:
        # Its text does not read cleanly: a fix could not be checked against it.
        first = errors[0]
        outcome.names[doc.path] = doc.name
        outcome.refused[doc.path] = (
            f"fix its YAML error first ({first.code} at line {first.location.line})"
        )
        return None
    context = FixContext(doc, catalog.files)
    edits, fixed = _edits(context, diagnostics, unsafe)
    try:
        text = apply_edits(doc.text, edits)
    except EditConflict:
        return None
    text = _canonical(text, catalog, doc)
    if text == doc.text:
        return None
    outcome.changes[doc.path] = (doc.text, text)
    outcome.names[doc.path] = doc.name
    return _Plan(text, fixed, _checker(doc.text, doc.data, edits))


def _edits(
    context: FixContext, diagnostics: list[Diagnostic], unsafe: bool
) -> tuple[list[TextEdit], Counter[str]]:
    """Return the edits of the fixable findings (overlapping ones dropped), and their codes."""
    proposed: list[tuple[TextEdit, str]] = []
    for diagnostic in diagnostics:
        fixer = FIXABLE.get(diagnostic.code)
        if fixer is None or (fixer.FIX == "unsafe" and not unsafe):
            continue
        proposed.extend((edit, diagnostic.code) for edit in fixer.fix(context, diagnostic))
    kept = without_conflicts(
        edit for edit, _ in proposed if context.text[edit.start : edit.end] != edit.replacement
    )
    codes = {id(edit): code for edit, code in proposed}
    return kept, Counter(codes[id(edit)] for edit in kept)


def _checker(before: str, data: Any, edits: list[TextEdit]) -> Callable[[str], None]:
    """Return the check a fixed text must pass: exactly the fixes' data and comment changes."""
    expected = intended_data(data, edits)
    comments = comment_change(edits)

    def check(after: str) -> None:
        check_rewrite(before, after, data=expected, comments=comments, anchored=is_suppression)

    return check


def _canonical(text: str, catalog: Catalog, doc: Document) -> str:
    """Return ``text`` in the canonical layout, or as it is if it cannot be formatted."""
    try:
        return format_text(text, catalog.kind_of(doc))
    except FormatError:
        return text
