"""The packaged JSON Schemas of the catalog's files: which schema a kind of file follows.

The schemas are package data (``pscatalog/schemas/``), identical to the
repository's ``schema/`` folder; this module reads them and says how a
catalog file's modeline should name them.
"""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path, PurePath
from typing import Any

from pscatalog.files.bounded import BoundedReadError, parse_json
from pscatalog.files.repository import repository_root
from pscatalog.files.sources import DISK, Files

LEVELS = "levels"
CATEGORY = "category"
SCHEMA_FILES = {LEVELS: "levels.schema.json", CATEGORY: "category.schema.json"}
"""The schema file of each kind of catalog file."""
_PACKAGED = Path(__file__).resolve().parent.parent / "schemas"

PATTERN_MEANINGS = {
    r"^[a-z0-9]+(?:-[a-z0-9]+)*$": "a lowercase slug (letters, digits and single hyphens)",
    r"^[A-Z0-9][A-Z0-9+]*(?:-[A-Z0-9+]+)*$": "an uppercase SKU such as 'GL-JIRA'",
    r"^https?://[!-~]+$": "an http(s) URL",
    r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$": "a date written YYYY-MM-DD",
    r"^[A-Z]{3}$": "a three-letter ISO 4217 currency code such as 'USD'",
    "^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069"
    "\\ufeff\\ufffe\\uffff]*$": "a name on one line without control characters",
}
"""What each pattern of the schemas means, in words, for messages and docs."""


@cache
def schema_text(kind: str) -> str:
    """Return the packaged schema file of ``kind`` (``levels`` or ``category``)."""
    # Beside this module in the installed package; read directly rather than through
    # importlib.resources, whose import costs a hook run several milliseconds.
    return (_PACKAGED / SCHEMA_FILES[kind]).read_text(encoding="utf-8")


@cache
def load_schema(kind: str) -> dict[str, Any]:
    """Return the packaged schema of ``kind`` as data."""
    schema: dict[str, Any] = json.loads(schema_text(kind))
    return schema


def schema_reference(folder: Path, kind: str, files: Files = DISK) -> str:
    """Return what a modeline in ``folder`` should name for the schema of ``kind``.

    A relative path to the current schema where the repository keeps one
    beside the catalog (``../schema/<kind>.schema.json``) or in the ``schema``
    folder at its top (``../../schema/...`` for ``data/offerings``); else the
    published URL, the schema's ``$id``.
    """
    name = SCHEMA_FILES[kind]
    candidates = [f"../schema/{name}"]
    top = repository_root(folder)
    if top is not None:
        at_top = PurePath(os.path.relpath(top / "schema" / name, os.path.abspath(folder)))
        if at_top.as_posix() not in candidates:
            candidates.append(at_top.as_posix())
    current = load_schema(kind)
    for relative in candidates:
        if read_schema(files.read_small(folder / relative)) == current:
            return relative
    return str(current["$id"])


def read_schema(text: str | None) -> dict[str, Any] | None:
    """Return a schema file's text as data, ``None`` if it is not a JSON object."""
    if text is None:
        return None
    try:
        data = parse_json(text)
    except BoundedReadError:
        return None
    return data if isinstance(data, dict) else None
