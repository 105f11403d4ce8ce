"""The packaged JSON Schemas, and checking a document against them.

Each schema error becomes one diagnostic at the line and column of the value
at fault, with a message written for the person editing the file. For
``oneOf``/``anyOf`` the most useful sub-error is chosen (jsonschema's
``best_match``); unknown keys are reported one by one, at the key.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterator, Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, NamedTuple

from pscatalog.catalog.schemas import CATEGORY, LEVELS, PATTERN_MEANINGS, load_schema
from pscatalog.diagnostics import Diagnostic, Location, Severity
from pscatalog.yamltext.loader import Document, PathPart

if TYPE_CHECKING:
    from jsonschema import ValidationError
    from jsonschema.protocols import Validator

UNKNOWN_KEY = "S001"
MISSING_KEY = "S002"
WRONG_TYPE = "S003"
INVALID_VALUE = "S004"
BAD_FORMAT = "S005"
OUT_OF_RANGE = "S006"
SCHEMA_VIOLATION = "S007"

_ONE_LINE = {"type": "string", "pattern": "\\n"}
"""Beside each pattern: no line break (Python's ``$`` would accept a final one)."""
_TYPE_NAMES = {
    "object": "a mapping",
    "array": "a list",
    "string": "a string",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "null": "empty",
}
_CODE_BY_KEYWORD = {
    "additionalProperties": UNKNOWN_KEY,
    "required": MISSING_KEY,
    "type": WRONG_TYPE,
    "enum": INVALID_VALUE,
    "const": INVALID_VALUE,
    "pattern": BAD_FORMAT,
    "minLength": BAD_FORMAT,
    "maxLength": BAD_FORMAT,
    "minimum": OUT_OF_RANGE,
    "maximum": OUT_OF_RANGE,
    "exclusiveMinimum": OUT_OF_RANGE,
    "exclusiveMaximum": OUT_OF_RANGE,
    "minItems": OUT_OF_RANGE,
    "maxItems": OUT_OF_RANGE,
    "uniqueItems": OUT_OF_RANGE,
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
        known = list(_schema_of(error).get("properties", {}))
        for key in error.instance:
            if key in known:
                continue
            location = doc.locate([*path, key], key=True)
            yield _diagnostic(
                UNKNOWN_KEY,
                f"unknown key '{key}'",
                location,
                _did_you_mean(key, known) or f"allowed keys here: {_quoted(known)}",
                keyword,
            )
        return
    code = _CODE_BY_KEYWORD.get(keyword, SCHEMA_VIOLATION)
    message, hint = _describe(error, path)
    location = doc.locate(path, key=keyword == "required")
    yield _diagnostic(code, message, location, hint, keyword)


def _diagnostic(
    code: str, message: str, location: Location, hint: str | None, keyword: str
) -> SchemaFinding:
    return SchemaFinding(Diagnostic(code, Severity.ERROR, message, location, hint), keyword)


def _most_useful(error: ValidationError) -> ValidationError:
    from jsonschema.exceptions import best_match

    while error.validator in ("oneOf", "anyOf") and error.context:
        if _all_required(error):
            return error
        error = best_match(error.context)
    return error


def _all_required(error: ValidationError) -> bool:
    """Whether the branches of a failed ``oneOf``/``anyOf`` each only ask for keys."""
    context = error.context or ()
    return bool(context) and all(
        sub.validator == "required" and list(sub.relative_path) == [] for sub in context
    )


def _describe(error: ValidationError, path: list[PathPart]) -> tuple[str, str | None]:
    """Return the message and hint for one schema error."""
    keyword = error.validator
    value: Any = error.validator_value
    instance: Any = error.instance
    schema = _schema_of(error)
    what = _what(path)
    if keyword == "required":
        missing = [key for key in value if isinstance(instance, dict) and key not in instance]
        keys = _quoted(missing)
        noun = "key" if len(missing) == 1 else "keys"
        return f"{what} is missing the required {noun} {keys}", None
    if keyword in ("oneOf", "anyOf") and _all_required(error):
        branches = dict.fromkeys(tuple(_listed(sub.validator_value)) for sub in error.context or ())
        forms = " or ".join(" and ".join(f"'{key}'" for key in keys) for keys in branches)
        return f"{what} needs {forms}", None
    if keyword == "oneOf":
        return f"{what} matches more than one allowed form", _forms_hint(schema)
    if keyword == "type":
        expected = value if isinstance(value, list) else [value]
        names = " or ".join(_TYPE_NAMES.get(str(name), str(name)) for name in expected)
        hint = None
        if isinstance(instance, str) and {"integer", "number"} & set(expected):
            hint = "write the number without quotes"
        elif "string" in expected and not isinstance(instance, (dict, list)):
            hint = f'quote the value: "{_yaml_scalar(instance)}"'
        return f"{what} must be {names}, not {_shown(instance)}", hint
    if keyword == "enum":
        allowed = [str(option) for option in value]
        hint = _did_you_mean(str(instance), allowed) if isinstance(instance, str) else None
        return f"{what} is {_shown(instance)}, not one of {_quoted(allowed)}", hint
    if keyword == "const":
        return f"{what} must be {_shown(value)}, not {_shown(instance)}", None
    if keyword == "pattern":
        meaning = PATTERN_MEANINGS.get(str(value), f"text matching the pattern '{value}'")
        return f"{what} {_shown(instance)} is not {meaning}", _pattern_hint(str(value), instance)
    if keyword == "minLength":
        return f"{what} must not be empty", None
    if keyword in ("minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum"):
        bound = {
            "minimum": "at least",
            "exclusiveMinimum": "more than",
            "maximum": "at most",
            "exclusiveMaximum": "less than",
        }[keyword]
        return f"{what} must be {bound} {value}, not {_shown(instance)}", None
    if keyword == "minItems":
        return f"{what} must have at least {value} item{'s' if value != 1 else ''}", None
    if keyword == "maxItems":
        return f"{what} must have at most {value} item{'s' if value != 1 else ''}", None
    if keyword == "uniqueItems":
        return f"{what} lists the same item more than once", None
    if keyword == "contains":
        return f"{what} has no item of the required kind", schema.get("description")
    if keyword == "not" and value == _ONE_LINE:
        return f"{what} must be on one line", "remove the final line break a | or > block adds"
    if keyword == "not":
        return f"{what} is not allowed here", None
    message = error.message
    return f"{what}: {message[:1].lower()}{message[1:]}", None


def _schema_of(error: ValidationError) -> dict[str, Any]:
    return dict(error.schema) if isinstance(error.schema, Mapping) else {}


def _listed(value: Any) -> list[str]:
    return [str(item) for item in value] if isinstance(value, list) else []


_ITEM_NAMES = {
    "levels": "level",
    "offerings": "offering",
    "variants": "variant",
    "marketing_material": "link",
    "stages": "stage",
}


def _what(path: list[PathPart]) -> str:
    """Name the value at ``path`` the way the file shows it."""
    if not path:
        return "the document"
    last = path[-1]
    if isinstance(last, str):
        return f"'{last}'"
    parent = path[-2] if len(path) > 1 else None
    noun = _ITEM_NAMES.get(str(parent), f"item of '{parent}'" if parent is not None else "item")
    return f"{noun} {last + 1}"


def _shown(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return repr(value) if len(value) <= 60 else repr(value[:57] + "...")
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _yaml_scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    return str(value)


def _quoted(names: list[str]) -> str:
    return ", ".join(f"'{name}'" for name in names)


def _did_you_mean(word: str, options: list[str]) -> str | None:
    by_lower = {option.lower(): option for option in options}
    if word.lower() in by_lower:
        return f"did you mean '{by_lower[word.lower()]}'?"
    close = difflib.get_close_matches(word.lower(), list(by_lower), n=1, cutoff=0.6)
    return f"did you mean '{by_lower[close[0]]}'?" if close else None


def _pattern_hint(pattern: str, instance: Any) -> str | None:
    if not isinstance(instance, str):
        return None
    if pattern == r"^[a-z0-9]+(?:-[a-z0-9]+)*$":
        slug = re.sub(r"[^a-z0-9]+", "-", instance.lower()).strip("-")
        return f"write '{slug}'" if slug else None
    if pattern == r"^[A-Z0-9][A-Z0-9+]*(?:-[A-Z0-9+]+)*$":
        sku = re.sub(r"[^A-Z0-9+]+", "-", instance.upper()).strip("-")
        return f"write '{sku}'" if sku and sku != instance else None
    return None


def _forms_hint(schema: dict[str, Any]) -> str | None:
    description = schema.get("description")
    return str(description) if description else None
