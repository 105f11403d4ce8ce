"""The packaged JSON Schemas, and checking a document against them.

Each schema error becomes one diagnostic at the line and column of the value
at fault, with a message written for the person editing the file. For
``oneOf``/``anyOf`` the most useful sub-error is chosen (jsonschema's
``best_match``); unknown keys are reported one by one, at the key.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cache
from typing import TYPE_CHECKING, Any, NamedTuple

from pscatalog.catalog.schemas import CATEGORY, LEVELS, load_schema
from pscatalog.diagnostics import Diagnostic, Location, diagnose
from pscatalog.rules import (
    bad_format,
    invalid_value,
    missing_key,
    out_of_range,
    schema_violation,
    unknown_key,
    wrong_type,
)
from pscatalog.rules._schema_words import all_required, schema_of, what
from pscatalog.rules.base import SchemaCode
from pscatalog.yamltext.loader import Document, PathPart
from pscatalog.yamltext.scalars import resolve_plain

if TYPE_CHECKING:
    from jsonschema import ValidationError
    from jsonschema.protocols import Validator

SCHEMA_CODES: tuple[SchemaCode, ...] = (
    unknown_key,
    missing_key,
    wrong_type,
    invalid_value,
    bad_format,
    out_of_range,
    schema_violation,
)
"""The codes of schema findings; each module describes the errors of its keywords."""
_CODE_BY_KEYWORD: dict[str, SchemaCode] = {
    keyword: code for code in SCHEMA_CODES for keyword in code.KEYWORDS
}


@cache
def validator(kind: str) -> Validator:
    """Return the compiled reference validator of ``kind`` (python-jsonschema), built once."""
    from jsonschema import Draft202012Validator

    return Draft202012Validator(load_schema(kind))


_ITEMS = {CATEGORY: ("offerings", "offering"), LEVELS: ("levels", "level")}
"""The list each kind of file is made of, and the definition of its items."""


@cache
def _item_schema(kind: str) -> dict[str, Any]:
    """Return the schema of one item of the file's list, with the definitions it uses."""
    schema = load_schema(kind)
    return {
        "$schema": schema["$schema"],
        "$ref": f"#/$defs/{_ITEMS[kind][1]}",
        "$defs": schema["$defs"],
    }


@cache
def _shell_schema(kind: str) -> dict[str, Any]:
    """Return the file's schema with its list's items unchecked (checked one by one)."""
    schema = load_schema(kind)
    key = _ITEMS[kind][0]
    listed = {**schema["properties"][key], "items": True}
    return {**schema, "properties": {**schema["properties"], key: listed}}


@cache
def _reference(schema_name: str, kind: str) -> Validator:
    from jsonschema import Draft202012Validator

    schema = _item_schema(kind) if schema_name == "item" else _shell_schema(kind)
    return Draft202012Validator(schema)


@cache
def _fast(schema_name: str, kind: str) -> Callable[[Any], bool]:
    """Return a fast yes/no check (jsonschema-rs), or one that always says no without it.

    jsonschema-rs decides whether a document or an item is valid about a hundred
    times faster than python-jsonschema; python-jsonschema, the reference,
    explains what is not. Both implement the same keywords alike (the
    conformance tests show it), so the diagnostics are the reference's either way.
    """
    try:
        import jsonschema_rs
    except ImportError:  # pragma: no cover - a platform without its wheel
        return lambda instance: False
    schemas = {"document": load_schema(kind), "item": _item_schema(kind)}
    is_valid: Callable[[Any], bool] = jsonschema_rs.Draft202012Validator(
        schemas[schema_name]
    ).is_valid
    return is_valid


def reference_errors(
    data: Any, kind: str, *, fast: bool = True, split: bool = True
) -> Iterator[ValidationError]:
    """Yield python-jsonschema's errors for ``data``, the same as validating it whole.

    With ``split``, the file's list (offerings, levels) is checked item by item,
    and with ``fast`` only what jsonschema-rs finds invalid is explained, so one
    fault in a large file costs what one offering does. Neither changes the
    errors (a test shows it).
    """
    if fast and _fast("document", kind)(data):
        return
    key = _ITEMS[kind][0]
    items = data.get(key) if isinstance(data, dict) else None
    if not split or not isinstance(items, list):
        yield from validator(kind).iter_errors(data)
        return
    yield from _reference("shell", kind).iter_errors(data)
    item_is_valid = _fast("item", kind) if fast else (lambda instance: False)
    item_validator = _reference("item", kind)
    for index, item in enumerate(items):
        if item_is_valid(item):
            continue
        for error in item_validator.iter_errors(item):
            error.path.extendleft((index, key))
            yield error


class SchemaFinding(NamedTuple):
    """A schema error as a diagnostic, with the keyword that failed.

    A rule that reports the same fault in its own words names the keywords it
    supersedes; the checker then keeps the rule's diagnostic only.
    """

    diagnostic: Diagnostic
    keyword: str


def check_document(
    doc: Document, kind: str, *, fast: bool = True, split: bool = True
) -> Iterator[SchemaFinding]:
    """Yield a finding for every schema error of ``doc`` against ``kind``.

    ``fast`` and ``split`` are those of :func:`reference_errors`: the findings
    are the same either way.
    """
    findings: dict[tuple[str, str, str], SchemaFinding] = {}
    for error in reference_errors(doc.data, kind, fast=fast, split=split):
        for finding in _findings(doc, error):
            diagnostic = finding.diagnostic
            # jsonschema reports each missing key of a mapping apart; the message
            # names them all, so one diagnostic per mapping is enough.
            key = (diagnostic.location.pointer, finding.keyword, diagnostic.message)
            findings.setdefault(key, finding)
    # A value of the wrong type fails its enum or pattern too: one fault, one diagnostic.
    mistyped = {pointer for pointer, keyword, _ in findings if keyword == "type"}
    for (pointer, keyword, _), finding in findings.items():
        if keyword == "type" or pointer not in mistyped or keyword == "additionalProperties":
            yield finding


def _findings(doc: Document, error: ValidationError) -> Iterator[SchemaFinding]:
    error = _most_useful(error)
    keyword = str(error.validator)
    path: list[PathPart] = list(error.absolute_path)
    if keyword == "additionalProperties" and isinstance(error.instance, dict):
        known = schema_of(error).get("properties", {})
        for key in error.instance:
            if key not in known:
                message, hint = unknown_key.describe(error, key)
                location = doc.locate([*path, key], key=True)
                yield SchemaFinding(diagnose(unknown_key, message, location, hint), keyword)
        return
    code = _CODE_BY_KEYWORD.get(keyword, schema_violation)
    location = doc.locate(path, key=keyword == "required")
    name = what(path, error.instance)
    if code is wrong_type:
        # The hint quotes the value as it is written (1.10, 1e3), not as it was read.
        as_written = _plain_written(doc, location, error.instance)
        message, hint = wrong_type.describe(error, name, as_written=as_written)
    else:
        message, hint = code.describe(error, name)
    yield SchemaFinding(diagnose(code, message, location, hint), keyword)


def _plain_written(doc: Document, location: Location, value: Any) -> str | None:
    """Return the text of a one-line plain scalar at ``location`` that reads ``value``."""
    line = doc.line_text(location.line)
    if line is None or isinstance(value, dict | list):
        return None
    text = line[location.column - 1 :]
    if not text or text[0] in "'\"[{|>&!*#":
        return None
    comment = text.find(" #")
    text = (text[:comment] if comment >= 0 else text).rstrip(" \t")
    read = resolve_plain(text)
    return text if type(read) is type(value) and read == value else None


def _most_useful(error: ValidationError) -> ValidationError:
    from jsonschema.exceptions import best_match

    while error.validator in ("oneOf", "anyOf") and error.context:
        if all_required(error):
            return error
        error = best_match(error.context)
    return error
