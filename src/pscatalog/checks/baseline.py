"""The baseline: today's findings, recorded so that only new ones fail.

A team adopting pscatalog on an imperfect catalog records its findings once
(``pscatalog baseline``); ``validate --baseline FILE`` then fails only on
findings that are not in the file, and reports the entries that no longer
occur, so the file shrinks as the catalog is cleaned. Findings are matched by
the fingerprints of the GitLab Code Quality report (file, code and JSON
pointer, never the line), so moving lines does not turn old findings into new
ones.

The file is JSON with one finding per line, for readable diffs in review::

    {
      "version": 1,
      "findings": [
        {"fingerprint": "…", "code": "C103", "file": "catalog/dedicated.yaml", ...},
        ...
      ]
    }
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from pscatalog.checks.checker import ValidationResult
from pscatalog.checks.fingerprints import fingerprints, repository_path, repository_root
from pscatalog.diagnostics import Diagnostic
from pscatalog.errors import PscatalogError
from pscatalog.files.bounded import JSON_MAX_BYTES, BoundedReadError, parse_json, read_bytes
from pscatalog.rules import stale_baseline_entry

BASELINE_FORMAT_VERSION = 1
DEFAULT_BASELINE = "pscatalog-baseline.json"
"""The file ``pscatalog baseline`` writes unless told otherwise."""


class BaselineError(PscatalogError):
    """The baseline file cannot be read; the message names it."""


@dataclass(frozen=True)
class Entry:
    """One recorded finding."""

    fingerprint: str
    code: str
    file: str
    pointer: str
    message: str
    line: int
    """Where the entry is in the baseline file (1-based), to report it when stale."""


def _identities(diagnostics: Sequence[Diagnostic]) -> list[tuple[str, str]]:
    """Return (fingerprint, repository path) of each diagnostic."""
    root = repository_root()
    paths = [repository_path(d.location.file, root) for d in diagnostics]
    return list(zip(fingerprints(diagnostics, paths), paths, strict=True))


def baseline_text(result: ValidationResult) -> str:
    """Return the baseline file recording every finding of ``result``."""
    rows = sorted(
        (
            {
                "fingerprint": fingerprint,
                "code": diagnostic.code,
                "file": path,
                "pointer": diagnostic.location.pointer,
                "message": diagnostic.message,
            }
            for diagnostic, (fingerprint, path) in zip(
                result.diagnostics, _identities(result.diagnostics), strict=True
            )
        ),
        key=lambda row: (row["file"], row["code"], row["pointer"], row["fingerprint"]),
    )
    lines = [json.dumps(row, ensure_ascii=False) for row in rows]
    body = ",\n    ".join(lines)
    findings = f"[\n    {body}\n  ]" if lines else "[]"
    return f'{{\n  "version": {BASELINE_FORMAT_VERSION},\n  "findings": {findings}\n}}\n'


def read_baseline(path: Path) -> list[Entry]:
    """Read a baseline file; raise :class:`BaselineError` if it cannot be used."""
    try:
        raw = read_bytes(path, max_bytes=JSON_MAX_BYTES)
    except BoundedReadError as exc:
        reason = "no such baseline file" if str(exc) == "no such file" else str(exc)
        raise BaselineError(f"{path}: {reason}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BaselineError(f"{path}: cannot be read: {exc}") from None
    try:
        data: Any = parse_json(raw)
    except BoundedReadError as exc:
        raise BaselineError(f"{path}: not a baseline file: {exc}") from None
    except RecursionError:
        raise BaselineError(f"{path}: not a baseline file: nested too deeply") from None
    if not isinstance(data, dict) or data.get("version") != BASELINE_FORMAT_VERSION:
        raise BaselineError(f"{path}: not a version {BASELINE_FORMAT_VERSION} baseline file")
    rows = data.get("findings")
    if not isinstance(rows, list):
        raise BaselineError(f"{path}: 'findings' must be a list")
    lines = _entry_lines(text, len(rows))
    entries = []
    for row, line in zip(rows, lines, strict=True):
        try:
            entries.append(
                Entry(
                    str(row["fingerprint"]),
                    str(row["code"]),
                    str(row["file"]),
                    str(row.get("pointer", "")),
                    str(row.get("message", "")),
                    line,
                )
            )
        except (KeyError, TypeError):
            raise BaselineError(
                f"{path}:{line}: an entry needs 'fingerprint', 'code' and 'file'"
            ) from None
    return entries


def _entry_lines(text: str, count: int) -> list[int]:
    """Return the line of each entry: the lines holding a fingerprint, in order."""
    lines = [number for number, line in enumerate(text.splitlines(), 1) if '"fingerprint"' in line]
    # A baseline reformatted by another tool may not put one entry per line.
    return lines if len(lines) == count else [1] * count


def apply_baseline(result: ValidationResult, path: Path, entries: list[Entry]) -> ValidationResult:
    """Drop the findings recorded in the baseline; report entries that no longer occur.

    Only entries about files that were checked can be found stale: with some
    files named (as pre-commit does), the others' entries are left alone.
    """
    identities = _identities(result.diagnostics)
    recorded = {entry.fingerprint for entry in entries}
    kept = [
        diagnostic
        for diagnostic, (fingerprint, _) in zip(result.diagnostics, identities, strict=True)
        if fingerprint not in recorded
    ]
    found = {fingerprint for fingerprint, _ in identities}
    root = repository_root()
    checked = {repository_path(file, root) for file in result.files}
    name = str(path)
    stale = [
        stale_baseline_entry.found(name, entry.line, entry.code, entry.file, entry.pointer)
        for entry in entries
        if entry.fingerprint not in found and entry.file in checked
    ]
    diagnostics = sorted(kept + stale, key=lambda diagnostic: diagnostic.sort_key)
    return replace(result, diagnostics=diagnostics)
