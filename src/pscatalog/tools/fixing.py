"""Fixes: what ``pscatalog validate --fix`` changes, and what it leaves.

Each fixable code declares its fix and whether it is safe (``rules.FIXABLE``):
a wrongly cased maturity, a value YAML 1.1 would read differently, a missing
or outdated modeline. Unsafe fixes (a ``custom`` variant for an offering that
has no base variant) need ``unsafe=True``. Every file that is fixed is then
put in the canonical layout (``pscatalog fmt``), which keeps every comment and
value. Fixes are text edits at the diagnostics' places: nothing else in a file
changes, and a file is written atomically, or not at all when its result does
not read back.
"""

from __future__ import annotations

import difflib
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from pscatalog.catalog.model import Catalog
from pscatalog.checks.checker import ValidationResult, validate
from pscatalog.checks.config import Config
from pscatalog.diagnostics import Diagnostic
from pscatalog.files.writer import write_atomically
from pscatalog.rules.base import Edit
from pscatalog.rules.registry import FIXABLE
from pscatalog.tools.formatting import FormatError, format_text
from pscatalog.yamltext.loader import Document


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

    def summary(self) -> str:
        """Return one line: what was fixed, in how many files, and what is left."""
        total = sum(self.fixed.values())
        codes = ", ".join(f"{code} x{count}" for code, count in sorted(self.fixed.items()))
        left = len(self.remaining.diagnostics)
        files = len(self.changes)
        fixed = f"Fixed {total} finding{'' if total == 1 else 's'}" + (
            f" ({codes})" if codes else ""
        )
        return (
            f"{fixed}; {files} file{'' if files == 1 else 's'} changed (fixes and canonical "
            f"layout); {left} finding{'' if left == 1 else 's'} left."
        )

    def diff(self) -> str:
        """Return a unified diff of every change."""
        chunks: list[str] = []
        for path, (before, after) in self.changes.items():
            name = self.names.get(path, str(path))
            chunks.extend(
                difflib.unified_diff(
                    before.splitlines(keepends=True),
                    after.splitlines(keepends=True),
                    f"a/{name}",
                    f"b/{name}",
                )
            )
        return "".join(chunks)


def fix_catalog(
    paths: Iterable[Path | str] = (),
    *,
    config: Config | None = None,
    unsafe: bool = False,
    write: bool = True,
) -> FixResult:
    """Fix what can be fixed in the catalogs at ``paths`` (as ``validate`` finds them).

    With ``write=False`` nothing is written and :attr:`FixResult.remaining`
    still tells what would be left.
    """
    paths = list(paths)
    result = validate(paths, config=config)
    outcome = FixResult()
    for catalog in result.catalogs:
        for doc in catalog.documents:
            if doc.text is None or not doc.ok:
                continue
            diagnostics = [d for d in result.diagnostics if d.location.file == doc.name]
            fixed, text = _fix_text(doc, diagnostics, unsafe)
            text = _canonical(text, catalog, doc)
            if text != doc.text:
                outcome.changes[doc.path] = (doc.text, text)
                outcome.names[doc.path] = doc.name
                outcome.fixed.update(fixed)
    if write:
        for path, (_, after) in outcome.changes.items():
            write_atomically(path.resolve(), after)
        outcome.remaining = validate(paths, config=config)
    else:
        outcome.remaining = _validate_as_fixed(result, outcome, config)
    return outcome


def _fix_text(
    doc: Document, diagnostics: list[Diagnostic], unsafe: bool
) -> tuple[Counter[str], str]:
    """Apply the fixes of ``diagnostics`` to the document's text."""
    edits: list[tuple[Edit, str]] = []
    for diagnostic in diagnostics:
        fixer = FIXABLE.get(diagnostic.code)
        if fixer is None or (fixer.FIX == "unsafe" and not unsafe):
            continue
        edits.extend((edit, diagnostic.code) for edit in fixer.fix(doc, diagnostic))
    lines = (doc.text or "").split("\n")
    fixed: Counter[str] = Counter()
    taken: dict[int, list[tuple[int, int]]] = {}
    # From the end, so that earlier positions stay valid; overlapping edits are skipped.
    for edit, code in sorted(edits, key=lambda item: (item[0].line, item[0].start), reverse=True):
        spans = taken.setdefault(edit.line, [])
        if any(edit.start < end and start < edit.end for start, end in spans) or (
            edit.start == edit.end and (edit.start, edit.end) in spans
        ):
            continue
        if edit.line > 0:
            original = lines[edit.line - 1][edit.start - 1 : edit.end - 1]
            if original == edit.replacement:
                continue
        spans.append((edit.start, edit.end))
        if edit.line == 0:
            lines.insert(0, edit.replacement)
        else:
            source = lines[edit.line - 1]
            lines[edit.line - 1] = (
                source[: edit.start - 1] + edit.replacement + source[edit.end - 1 :]
            )
        fixed[code] += 1
    return fixed, "\n".join(lines)


def _canonical(text: str, catalog: Catalog, doc: Document) -> str:
    """Return ``text`` in the canonical layout, or as it is if it cannot be formatted."""
    try:
        return format_text(text, catalog.kind_of(doc))
    except FormatError:
        return text


def _validate_as_fixed(
    result: ValidationResult, outcome: FixResult, config: Config | None
) -> ValidationResult:
    """Validate a temporary copy of the catalogs with the fixes applied."""
    if not outcome.changes:
        return result
    with tempfile.TemporaryDirectory(prefix="pscatalog-fix-") as scratch:
        copies: dict[Path, Path] = {}
        for index, catalog in enumerate(result.catalogs):
            target = Path(scratch) / str(index) / catalog.root.name
            shutil.copytree(catalog.root, target, symlinks=True)
            copies[catalog.root] = target
            for path, (_, after) in outcome.changes.items():
                if path.parent == catalog.root:
                    (target / path.name).write_text(after, encoding="utf-8")
        fixed = validate(list(copies.values()), config=config)
    names = {
        str((copies[catalog.root] / doc.path.name).resolve()): doc.name
        for catalog in result.catalogs
        for doc in catalog.documents
    }
    return _renamed(fixed, names)


def _renamed(result: ValidationResult, names: dict[str, str]) -> ValidationResult:
    """Name the copies' files as the originals are named (reports show their lines)."""

    def original(file: str) -> str:
        return names.get(str(Path(file).resolve()), file)

    for catalog in result.catalogs:
        for doc in catalog.documents:
            doc.name = original(doc.name)

    diagnostics = [
        replace(
            diagnostic,
            location=replace(diagnostic.location, file=original(diagnostic.location.file)),
            related=tuple(
                replace(r, location=replace(r.location, file=original(r.location.file)))
                for r in diagnostic.related
            ),
        )
        for diagnostic in result.diagnostics
    ]
    return replace(result, diagnostics=diagnostics, files=[original(f) for f in result.files])
