"""The baseline: today's findings, recorded so that only new ones fail.

A team adopting pscatalog on an imperfect catalog records its findings once
(``pscatalog baseline``); ``validate --baseline FILE`` then fails only on
findings that are not in the file, and reports the entries that no longer
occur, so the file shrinks as the catalog is cleaned. Findings are matched by
the fingerprints of the GitLab Code Quality report
(:mod:`pscatalog.checks.fingerprints`: the file, the code, and the place in
the data with entries named by their ids, never the line or a position in a
list), so moving lines, or inserting, removing and reordering other entries,
does not turn old findings into new ones.

The file is JSON with one finding per line, for readable diffs in review::

    {
      "version": 2,
      "findings": [
        {"fingerprint": "…", "code": "C103", "file": "catalog/dedicated.yaml",
         "pointer": "/offerings/[dedicated-engineer]/id", "message": "…"},
        ...
      ]
    }

``fingerprint``, ``code`` and ``file`` are required; ``pointer`` and
``message`` are there for people. Version 1 files (written by earlier
releases, whose fingerprints and pointers hold list indexes) are still read,
and matched as they were written; ``pscatalog baseline`` writes version 2.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from pscatalog.checks.checker import ValidationResult
from pscatalog.checks.fingerprints import (
    identities,
    legacy_fingerprints,
    repository_path,
    repository_root,
)
from pscatalog.errors import PscatalogError
from pscatalog.files.bounded import JSON_MAX_BYTES, BoundedReadError, parse_json, read_bytes
from pscatalog.rules import stale_baseline_entry

BASELINE_FORMAT_VERSION = 2
"""The version ``pscatalog baseline`` writes."""
READ_VERSIONS = (1, 2)
"""The versions ``validate --baseline`` reads."""
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
    version: int = BASELINE_FORMAT_VERSION
    """The version of the file the entry was read from: version 1 fingerprints hold
    list indexes (:func:`pscatalog.checks.fingerprints.legacy_fingerprints`)."""


def baseline_text(result: ValidationResult) -> str:
    """Return the baseline file (version 2) recording every finding of ``result``."""
    rows = sorted(
        (
            {
                "fingerprint": identity.fingerprint,
                "code": result.canonical(diagnostic).code,
                "file": identity.path,
                "pointer": identity.pointer,
                "message": diagnostic.message,
            }
            for diagnostic, identity in zip(result.diagnostics, identities(result), strict=True)
        ),
        key=lambda row: (row["file"], row["code"], row["pointer"], row["fingerprint"]),
    )
    # A file name that is not UTF-8 holds lone surrogates: written as JSON escapes, they
    # read back as they were, and the file stays UTF-8.
    lines = [_LONE_SURROGATE.sub(_escaped, json.dumps(row, ensure_ascii=False)) for row in rows]
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
    version = data.get("version") if isinstance(data, dict) else None
    if type(version) is not int or version not in READ_VERSIONS:
        read = " or ".join(str(known) for known in READ_VERSIONS)
        raise BaselineError(f"{path}: not a version {read} baseline file")
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
                    version,
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

    The result counts the findings dropped (``baselined``). Only entries
    about files that were checked can be found stale: with some files named
    (as pre-commit does), the others' entries are left alone.
    """
    found_now = identities(result)
    current = [identity.fingerprint for identity in found_now]
    legacy = (
        legacy_fingerprints(result)
        if any(entry.version == 1 for entry in entries)
        else [""] * len(current)
    )
    recorded = {(entry.version == 1, entry.fingerprint) for entry in entries}
    kept = [
        diagnostic
        for diagnostic, fingerprint, old in zip(result.diagnostics, current, legacy, strict=True)
        if (False, fingerprint) not in recorded and (True, old) not in recorded
    ]
    found = {(False, fingerprint) for fingerprint in current}
    found.update((True, old) for old in legacy)
    root = repository_root()
    checked = {repository_path(file, root) for file in result.files}
    name = str(path)
    stale = [
        stale_baseline_entry.found(name, entry.line, entry.code, entry.file, entry.pointer)
        for entry in entries
        if (entry.version == 1, entry.fingerprint) not in found and entry.file in checked
    ]
    diagnostics = sorted(kept + stale, key=lambda diagnostic: diagnostic.sort_key)
    baselined = result.baselined + len(result.diagnostics) - len(kept)
    return replace(result, diagnostics=diagnostics, baselined=baselined)


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _escaped(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"
