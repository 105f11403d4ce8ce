"""The baseline: today's findings, recorded so that only new ones fail.

A team adopting pscatalog on an imperfect catalog records its findings once
(``pscatalog baseline``); ``validate --baseline FILE`` then fails only on
findings that are not in the file, and reports the entries that no longer
occur, so the file shrinks as the catalog is cleaned. Findings are matched by
the fingerprints of the GitLab Code Quality report
(:mod:`pscatalog.checks.fingerprints`): the file, the code, the place in the
data with entries named by their ids (never the line or a position in a
list), and what the finding is about there (the value, the keys of a mapping,
the entries of a list, the text of a line, or a digest of text that could not
be read as data). Moving lines, or inserting, removing and reordering other
entries, does not turn old findings into new ones; a changed value does.

The file is JSON with one finding per line, for readable diffs in review::

    {
      "version": 3,
      "findings": [
        {"fingerprint": "…", "code": "C105", "file": "catalog/dedicated.yaml",
         "pointer": "/offerings/[dedicated-engineer]/variants/[standard]/sku",
         "value": "GL-DE", "message": "SKU 'GL-DE' is already used"},
        ...
      ]
    }

An entry holds ``fingerprint``, ``code``, ``file`` and ``pointer``; at most
one of ``value``, ``keys``, ``entries``, ``text`` and ``digest`` (the
subject); an ``occurrence`` above 0 when findings share all of these; and a
``message`` for people, which is not matched. Nothing an entry says is taken on trust:
its fingerprint must be the hash of its own fields
(:func:`pscatalog.checks.fingerprints.fingerprint_of`), or the entry is
reported (``N005``) and matches nothing, so that what a reviewer reads is
what is matched. A key written twice in one object makes the file unusable.

Baselines of versions 1 and 2, written by earlier releases, matched a
finding by its place alone, whatever its value: they are refused, with a
message to record the baseline again.
"""

from __future__ import annotations

import bisect
import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from typing import Any

from pscatalog.checks.checker import ValidationResult
from pscatalog.checks.fingerprints import (
    SUBJECT_KINDS,
    Subject,
    fingerprint_of,
    identities,
    identity_path,
    repository_root,
)
from pscatalog.errors import PscatalogError, UsageError
from pscatalog.files.bounded import JSON_MAX_BYTES, BoundedReadError, parse_json, read_bytes
from pscatalog.rules import baseline_entry_mismatch, stale_baseline_entry

BASELINE_FORMAT_VERSION = 3
"""The version ``pscatalog baseline`` writes, and the only one ``--baseline`` reads."""
OLDER_VERSIONS = (1, 2)
"""Versions of earlier releases: refused with a message to record the baseline again."""
DEFAULT_BASELINE = "pscatalog-baseline.json"
"""The file ``pscatalog baseline`` writes unless told otherwise."""

_FIELDS = (
    "fingerprint",
    "code",
    "file",
    "pointer",
    *SUBJECT_KINDS,
    "related",
    "occurrence",
    "message",
)
"""The fields of an entry, in the order they are written."""


class BaselineError(PscatalogError):
    """The baseline file cannot be read; the message names it."""


class MissingBaseline(BaselineError, UsageError):
    """The baseline named on the command line does not exist: a usage error."""


@dataclass(frozen=True)
class Entry:
    """One recorded finding, as its baseline entry says it."""

    fingerprint: str
    code: str
    file: str
    pointer: str
    subject: Subject | None
    occurrence: int
    message: str
    line: int
    """Where the entry starts in the baseline file (1-based), to report it."""
    column: int = 1
    """The column of its opening brace (1-based)."""
    related: tuple[str, ...] = ()
    """What the finding relates to (a repeat's first use), as ``file#pointer``."""

    @property
    def verified(self) -> bool:
        """Whether the fingerprint is the hash of the entry's own fields."""
        expected = fingerprint_of(
            self.file,
            self.code,
            self.pointer,
            self.subject,
            self.occurrence,
            related=self.related,
        )
        return self.fingerprint == expected


def baseline_text(result: ValidationResult) -> str:
    """Return the baseline file (version 3) recording every finding of ``result``."""
    rows = []
    for diagnostic, identity in zip(result.diagnostics, identities(result), strict=True):
        row: dict[str, Any] = {
            "fingerprint": identity.fingerprint,
            "code": identity.code,
            "file": identity.path,
            "pointer": identity.pointer,
        }
        if identity.subject is not None:
            row.update(identity.subject.as_json())
        if identity.related:
            row["related"] = list(identity.related)
        if identity.occurrence:
            row["occurrence"] = identity.occurrence
        row["message"] = result.canonical(diagnostic).message
        rows.append(row)
    rows.sort(key=lambda row: (row["file"], row["code"], row["pointer"], row["fingerprint"]))
    # A file name that is not UTF-8 holds lone surrogates: written as JSON escapes, they
    # read back as they were, and the file stays UTF-8.
    lines = [_LONE_SURROGATE.sub(_escaped, json.dumps(row, ensure_ascii=False)) for row in rows]
    body = ",\n    ".join(lines)
    findings = f"[\n    {body}\n  ]" if lines else "[]"
    return f'{{\n  "version": {BASELINE_FORMAT_VERSION},\n  "findings": {findings}\n}}\n'


def read_baseline(path: Path) -> list[Entry]:
    """Read a baseline file; raise :class:`BaselineError` if it cannot be used.

    A file that does not exist raises :class:`MissingBaseline`, a usage error.
    """
    try:
        raw = read_bytes(path, max_bytes=JSON_MAX_BYTES)
    except BoundedReadError as exc:
        if str(exc) == "no such file":
            raise MissingBaseline(f"{path}: no such baseline file") from None
        raise BaselineError(f"{path}: {exc}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BaselineError(
            f"{path}: not UTF-8 (byte {exc.object[exc.start]:#04x} at offset {exc.start}): "
            "save it as UTF-8"
        ) from None
    try:
        data: Any = parse_json(raw)
    except BoundedReadError as exc:
        raise BaselineError(f"{path}: not a baseline file: {exc}") from None
    except RecursionError:
        raise BaselineError(f"{path}: not a baseline file: nested too deeply") from None
    rows = _findings(path, data)
    # A byte order mark is no column an editor shows.
    starts = _entry_starts(path, text.removeprefix("\ufeff"))
    if len(starts) != len(rows):  # cannot happen once every entry is an object; never a crash
        starts = [(1, 1)] * len(rows)
    return [_entry(path, row, *start) for row, start in zip(rows, starts, strict=True)]


def apply_baseline(result: ValidationResult, path: Path, entries: list[Entry]) -> ValidationResult:
    """Drop the findings recorded in the baseline; report the entries that cannot stand.

    An entry whose fingerprint is not the hash of its own fields matches
    nothing and is an error (``N005``). An entry that no longer occurs is a
    note (``N004``) when its file was checked, or when its file lies in the
    catalog's folder but is not one of its files (deleted, or not written
    yet): with some files named (as pre-commit does), entries about the
    catalog's other files are left alone. The result counts the findings
    dropped (``baselined``).
    """
    current = [identity.fingerprint for identity in identities(result)]
    verified: list[Entry] = []
    unverified: list[Entry] = []
    for entry in entries:
        (verified if entry.verified else unverified).append(entry)
    recorded = {entry.fingerprint for entry in verified}
    kept = [
        diagnostic
        for diagnostic, fingerprint in zip(result.diagnostics, current, strict=True)
        if fingerprint not in recorded
    ]
    found = set(current)
    gone = _gone(result)
    name = str(path)
    stale = [
        stale_baseline_entry.found(
            name, entry.line, entry.column, entry.code, entry.file, entry.pointer
        )
        for entry in verified
        if entry.fingerprint not in found and gone(entry.file)
    ]
    mismatched = [
        baseline_entry_mismatch.found(
            name, entry.line, entry.column, entry.code, entry.file, entry.pointer
        )
        for entry in unverified
    ]
    diagnostics = sorted(kept + stale + mismatched, key=lambda diagnostic: diagnostic.sort_key)
    baselined = result.baselined + len(result.diagnostics) - len(kept)
    return replace(result, diagnostics=diagnostics, baselined=baselined)


def _gone(result: ValidationResult) -> Callable[[str], bool]:
    """Return whether an entry's finding, not found, is gone rather than left unchecked.

    It is when its file was checked, or when its file is not a file of a
    catalog read although it lies in that catalog's folder (a file deleted or
    never written). With some files named (as pre-commit does), the catalog's
    other files are not checked; the files of another catalog folder are none
    of this run's business.
    """
    root = repository_root()
    documents = [doc for catalog in result.catalogs for doc in catalog.documents]
    paths = {doc.name: os.path.relpath(doc.path) for doc in documents}
    checked = {identity_path(paths.get(file, file), root) for file in result.files}
    known = checked | {identity_path(file, root) for file in paths.values()}
    folders = {identity_path(os.path.relpath(catalog.root), root) for catalog in result.catalogs}

    def gone(file: str) -> bool:
        return file in checked or (
            file not in known and PurePosixPath(file).parent.as_posix() in folders
        )

    return gone


def _findings(path: Path, data: Any) -> list[dict[str, Any]]:
    """Return the entries of a parsed baseline file, after checking its version and form."""
    if not isinstance(data, dict):
        raise BaselineError(f"{path}: not a version {BASELINE_FORMAT_VERSION} baseline file")
    version = data.get("version")
    if type(version) is int and version in OLDER_VERSIONS:
        raise BaselineError(
            f"{path}: a version {version} baseline, which matched findings by their place "
            "alone; record it again with 'pscatalog baseline' (see docs/adopting.md)"
        )
    if type(version) is not int or version != BASELINE_FORMAT_VERSION:
        raise BaselineError(f"{path}: not a version {BASELINE_FORMAT_VERSION} baseline file")
    unknown = sorted(set(data) - {"version", "findings"})
    if unknown:
        raise BaselineError(
            f"{path}: unknown key '{unknown[0]}': a baseline has 'version' and 'findings'"
        )
    rows = data.get("findings")
    if not isinstance(rows, list):
        raise BaselineError(f"{path}: 'findings' must be a list")
    for number, row in enumerate(rows, 1):
        if not isinstance(row, dict):
            raise BaselineError(f"{path}: entry {number} of 'findings' is not an object")
    return rows


def _entry(path: Path, row: dict[str, Any], line: int, column: int) -> Entry:
    """Return the entry ``row``, at ``line``; raise :class:`BaselineError` if it is malformed."""
    where = f"{path}:{line}"
    unknown = [key for key in row if key not in _FIELDS]
    if unknown:
        raise BaselineError(f"{where}: an entry has no field '{unknown[0]}'")
    for key in ("fingerprint", "code", "file"):
        if not isinstance(row.get(key), str):
            raise BaselineError(f"{where}: an entry needs 'fingerprint', 'code' and 'file'")
    for key in ("pointer", "message", "text"):
        if key in row and not isinstance(row[key], str):
            raise BaselineError(f"{where}: an entry's '{key}' must be a string")
    kinds = [kind for kind in SUBJECT_KINDS if kind in row]
    if len(kinds) > 1:
        raise BaselineError(f"{where}: an entry has one of {_listed(SUBJECT_KINDS)}, not two")
    subject = Subject(kinds[0], row[kinds[0]]) if kinds else None
    if subject is not None and not _well_formed(subject):
        raise BaselineError(f"{where}: an entry's '{subject.kind}' is not as pscatalog writes it")
    related = row.get("related", [])
    if (
        not isinstance(related, list)
        or ("related" in row and not related)
        or not all(isinstance(place, str) for place in related)
    ):
        raise BaselineError(f"{where}: an entry's 'related' must be a list of places")
    occurrence = row.get("occurrence", 0)
    if type(occurrence) is not int or occurrence < 0 or ("occurrence" in row and not occurrence):
        raise BaselineError(f"{where}: an entry's 'occurrence' must be a number above 0")
    return Entry(
        row["fingerprint"],
        row["code"],
        row["file"],
        row.get("pointer", ""),
        subject,
        occurrence,
        row.get("message", ""),
        line,
        column,
        tuple(related),
    )


def _well_formed(subject: Subject) -> bool:
    data = subject.data
    if subject.kind in ("keys", "entries"):
        return isinstance(data, list) and all(isinstance(item, str) for item in data)
    if subject.kind in ("text", "digest"):
        return isinstance(data, str)
    return data is None or isinstance(data, (str, int, float))  # bool is an int


def _listed(words: tuple[str, ...]) -> str:
    quoted = [f"'{word}'" for word in words]
    return ", ".join(quoted[:-1]) + " and " + quoted[-1]


# A JSON string (the text is valid JSON once parsed, so every string ends), and whether a
# colon follows it (a key); or a bracket.
_TOKEN = re.compile(r'"[^"\\]*+(?:\\.[^"\\]*+)*+"(\s*+:)?|[\[\]{}]')
_LINE_END = re.compile(r"\r\n?|\n")


def _entry_starts(path: Path, text: str) -> list[tuple[int, int]]:
    r"""Return the line and column each entry of ``findings`` starts at; refuse a repeated key.

    ``json`` keeps the last of two equal keys, so a reviewer reading the first
    would not see what is matched: a key written twice, in any object, makes
    the file unusable. Keys are compared as JSON reads them (``"a"`` and
    ``"\u0061"`` are one key). ``text`` is valid JSON (it was parsed).
    """
    starts = [0] + [match.end() for match in _LINE_END.finditer(text)]
    stack: list[_Open] = []
    found: list[tuple[int, int]] = []
    for match in _TOKEN.finditer(text):
        token = match.group()
        if token in ("{", "["):
            parent = stack[-1] if stack else None
            if token == "{" and parent is not None and parent.findings:
                line = bisect.bisect_right(starts, match.start())
                found.append((line, match.start() - starts[line - 1] + 1))
            findings = (
                token == "["
                and len(stack) == 1
                and parent is not None
                and parent.last == "findings"
            )
            stack.append(_Open(set() if token == "{" else None, findings))
        elif token in ("}", "]"):
            stack.pop()
        elif match.group(1) is not None and stack and stack[-1].keys is not None:
            quoted = token[: match.start(1) - match.start()]
            key = json.loads(quoted) if "\\" in quoted else quoted[1:-1]
            if key in stack[-1].keys:
                line = bisect.bisect_right(starts, match.start())
                raise BaselineError(f"{path}:{line}: the key '{key}' is written twice")
            stack[-1].keys.add(key)
            stack[-1].last = key
    return found


@dataclass
class _Open:
    """An object or an array that :func:`_entry_starts` is inside."""

    keys: set[str] | None
    """An object's keys so far; ``None`` for an array."""
    findings: bool = False
    """The array is the baseline's ``findings``."""
    last: str | None = None
    """An object's last key."""


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _escaped(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"
