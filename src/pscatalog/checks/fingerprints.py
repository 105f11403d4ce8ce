"""Where a report names a file, and the fingerprint that identifies a finding.

The ``gitlab`` and ``sarif`` reports and the baseline share these, so that a
finding carries the same identity in all three. A fingerprint hashes the
file's path from the repository's top folder, the code, and the place of the
finding in the file's data: its JSON pointer with every list index replaced
by what identifies the entry there, never its line. An offering's variant's
SKU is ``/offerings/[jira]/variants/[remote]/sku``, whatever the positions of
the offering and the variant in their lists, so a finding keeps its
fingerprint when lines move, and when other entries are inserted, removed or
reordered; it changes when an id along its path changes.

An entry of a list is named by (see :func:`stable_pointer`):

- ``[ID]``, for a mapping with a string ``id`` (levels, offerings, variants);
- ``[=VALUE]``, for a string (a marketing material link, a stage);
- ``[#INDEX]``, for anything else, by position, as a last resort.

Inside a token, ``~`` is written ``~0`` and ``/`` ``~1`` (as in RFC 6901); a
key that starts with ``[`` starts with ``~2`` instead, and an id that starts
with ``=`` or ``#`` with ``~3`` or ``~4``, so that no two places share a
name. Version 1 baselines recorded fingerprints of the plain JSON pointer,
list indexes included; :func:`legacy_fingerprints` computes those, to read
them.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from pathlib import Path, PurePath
from typing import Any, NamedTuple

from pscatalog.checks.checker import ValidationResult
from pscatalog.diagnostics import Diagnostic
from pscatalog.files.repository import repository_root as _top_folder
from pscatalog.yamltext.loader import Document


def repository_root() -> Path | None:
    """Return the top folder of the git work tree around the current folder, if any."""
    return _top_folder(Path.cwd())


def repository_path(file: str, root: Path | None) -> str:
    """Return ``file`` (relative to the current folder) relative to ``root``, with ``/``.

    Outside a git work tree (``root`` is ``None``) the path stays relative to
    the current folder.
    """
    if root is None:
        return PurePath(file).as_posix()
    # git names its top folder with symbolic links resolved; so does getcwd().
    absolute = os.path.join(os.getcwd(), file)
    try:
        relative = os.path.relpath(absolute, os.path.realpath(root))
    except ValueError:  # another drive on Windows
        return PurePath(file).as_posix()
    return PurePath(relative).as_posix()


class Identity(NamedTuple):
    """What identifies a finding across runs."""

    path: str
    """The file's path from the repository's top folder."""
    pointer: str
    """The finding's place in the file's data, entries named by their ids."""
    fingerprint: str
    """The hash of the path, the code and the pointer (and an occurrence number)."""


def identities(result: ValidationResult) -> list[Identity]:
    """Return the identity of each diagnostic of ``result``, in order.

    A finding a run that names files placed in a named file is identified as
    a run over the whole catalog reports it (:meth:`ValidationResult.canonical`).
    A file of a git revision read by ``diff`` is named by its path in the work
    tree.
    """
    root = repository_root()
    documents = {doc.name: doc for catalog in result.catalogs for doc in catalog.documents}
    rows = []
    for diagnostic in result.diagnostics:
        original = result.canonical(diagnostic)
        doc = documents.get(original.location.file)
        path = repository_path(_file_of(original, doc), root)
        data = doc.data if doc is not None else None
        rows.append((path, original.code, stable_pointer(data, original.location.pointer)))
    return [
        Identity(path, pointer, fingerprint)
        for (path, _, pointer), fingerprint in zip(rows, _hashes(rows), strict=True)
    ]


def fingerprints(result: ValidationResult) -> list[str]:
    """Return the fingerprint of each diagnostic of ``result``, in order.

    A fingerprint is the hex SHA-256 of the JSON array ``[path, code,
    pointer]`` written in UTF-8, the pointer as :func:`stable_pointer` writes
    it. When those three repeat in one report (two duplicate keys in one
    file, say), the second appends occurrence number 1 to the array, the
    third 2, and so on, so that every fingerprint in a report is distinct and
    the first keeps the fingerprint it has alone.
    """
    return [identity.fingerprint for identity in identities(result)]


def legacy_fingerprints(result: ValidationResult) -> list[str]:
    """Return each diagnostic's fingerprint as version 1 baselines recorded it.

    The same hash over the plain JSON pointer, list indexes included; only
    reading a version 1 baseline needs it.
    """
    root = repository_root()
    rows = []
    for diagnostic in result.diagnostics:
        original = result.canonical(diagnostic)
        path = repository_path(original.location.file, root)
        rows.append((path, original.code, original.location.pointer))
    return _hashes(rows)


def stable_pointer(data: Any, pointer: str) -> str:
    """Return ``pointer`` (RFC 6901, into ``data``) with each list index replaced by an id.

    See the module's documentation for the form. Where the pointer leaves
    ``data`` (a place the data does not have), the rest of it is kept as it
    is written.
    """
    if not pointer:
        return ""
    tokens = []
    node: Any = data
    for raw in pointer.split("/")[1:]:
        key = raw.replace("~1", "/").replace("~0", "~")
        if isinstance(node, list) and key.isascii() and key.isdigit() and int(key) < len(node):
            index = int(key)
            tokens.append(_entry(node[index], index))
            node = node[index]
        elif isinstance(node, dict) and key in node:
            tokens.append(_key(key))
            node = node[key]
        else:
            tokens.append(_key(key))
            node = None
    return "".join("/" + token for token in tokens)


def _file_of(diagnostic: Diagnostic, doc: Document | None) -> str:
    """Return the file a finding is in, as a path from the current folder.

    A document's path, rather than its name in reports: a file of a git
    revision is named ``REV:path`` but lies, for this purpose, in the work tree.
    """
    if doc is None:
        return diagnostic.location.file
    try:
        return os.path.relpath(doc.path)
    except ValueError:  # another drive on Windows
        return diagnostic.location.file


def _entry(item: Any, index: int) -> str:
    if isinstance(item, dict) and isinstance(item.get("id"), str):
        identifier = _escaped(item["id"])
        if identifier.startswith(("=", "#")):
            identifier = ("~3" if identifier[0] == "=" else "~4") + identifier[1:]
        return f"[{identifier}]"
    if isinstance(item, str):
        return f"[={_escaped(item)}]"
    return f"[#{index}]"


def _key(key: str) -> str:
    escaped = _escaped(key)
    return "~2" + escaped[1:] if escaped.startswith("[") else escaped


def _escaped(text: str) -> str:
    return text.replace("~", "~0").replace("/", "~1")


def _hashes(rows: Sequence[tuple[str, str, str]]) -> list[str]:
    """Return the fingerprint of each (path, code, pointer), numbering repeats."""
    seen: dict[tuple[str, str, str], int] = {}
    result = []
    for identity in rows:
        occurrence = seen.get(identity, 0)
        seen[identity] = occurrence + 1
        parts: list[str | int] = [*identity, occurrence] if occurrence else [*identity]
        # A JSON array keeps the parts apart whatever characters they hold.
        text = json.dumps(parts, ensure_ascii=False)
        # A lone surrogate (a name that is not UTF-8) is hashed as it is, never a crash.
        result.append(hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest())
    return result
