"""Words for schema findings: how a value, a list of names or a near miss is shown.

Shared by the schema codes' modules (S001-S007), which each describe the
errors of their JSON Schema keywords.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jsonschema import ValidationError

PathPart = str | int

TYPE_NAMES = {
    "object": "a mapping",
    "array": "a list",
    "string": "a string",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "null": "empty",
}
"""JSON Schema's type names, as a message says them."""

_ITEM_NAMES = {
    "levels": "level",
    "offerings": "offering",
    "variants": "variant",
    "marketing_material": "link",
    "stages": "stage",
}


def what(path: list[PathPart], instance: Any = None) -> str:
    """Name the value at ``path`` the way the file shows it.

    An item of a list is named by its ``id`` when it has one (``offering
    'jira'``), else by its place (``offering 3``).
    """
    if not path:
        return "the document"
    last = path[-1]
    if isinstance(last, str):
        return f"'{last}'"
    parent = path[-2] if len(path) > 1 else None
    noun = _ITEM_NAMES.get(str(parent), f"item of '{parent}'" if parent is not None else "item")
    item_id = instance.get("id") if isinstance(instance, dict) else None
    if isinstance(item_id, str) and item_id:
        return f"{noun} {shown(item_id)}"
    return f"{noun} {last + 1}"


def shown(value: Any) -> str:
    """Show a value in a message: strings quoted (and cut when long), others in words."""
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


def yaml_scalar(value: Any) -> str:
    """Return a scalar as it would be written in YAML, for a hint that quotes it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    return str(value)


def written(value: Any) -> str:
    """Return a value as a hint shows it to be written: ``'complete'``, or ``"no"`` with its quotes.

    A string that must be quoted in YAML (``no``, ``012``, ``a: b``) is shown
    with the double quotes to type, so that the hint leads to the value meant.
    """
    from pscatalog.yamltext.quoting import double_quoted, plain_ok

    if isinstance(value, str):
        return f"'{value}'" if plain_ok(value) else f"{double_quoted(value)} (with the quotes)"
    return yaml_scalar(value)  # a number or a boolean: quotes would make it text


def suggestion(schema: Mapping[str, Any], key: str = "") -> Any:
    """Return a value that the schema allows for a field, to suggest in a hint (``None``: none).

    The first example the schema gives, else the first value of its enum; for
    maturity, ``minimal``, which needs no evidence and allows SKUs. None for an
    id, a name, a level or a SKU: an example there would name something else.
    """
    if key == "maturity":
        return "minimal"
    if key in _IDENTITIES:
        return None
    examples = schema.get("examples")
    if isinstance(examples, list) and examples:
        return examples[0]
    enum = schema.get("enum")
    if isinstance(enum, list) and enum:
        return enum[0]
    return None


_IDENTITIES = frozenset({"id", "name", "level", "sku", "persona"})


def quoted(names: list[str]) -> str:
    """Return names quoted and joined: ``'id', 'name'``."""
    return ", ".join(f"'{name}'" for name in names)


def listed(value: Any) -> list[str]:
    """Return a schema's list of names as strings (an empty list for anything else)."""
    return [str(item) for item in value] if isinstance(value, list) else []


def did_you_mean(word: str, options: list[str]) -> str | None:
    """Suggest the option closest to ``word`` (letter case first), if one is close."""
    by_lower = {option.lower(): option for option in options}
    if word.lower() in by_lower:
        return f"did you mean '{by_lower[word.lower()]}'?"
    close = difflib.get_close_matches(word.lower(), list(by_lower), n=1, cutoff=0.6)
    return f"did you mean '{by_lower[close[0]]}'?" if close else None


def schema_of(error: ValidationError) -> dict[str, Any]:
    """Return the schema (as a dict) whose keyword the error failed."""
    return dict(error.schema) if isinstance(error.schema, Mapping) else {}


def all_required(error: ValidationError) -> bool:
    """Whether the branches of a failed ``oneOf``/``anyOf`` each only ask for keys."""
    context = error.context or ()
    return bool(context) and all(
        sub.validator == "required" and list(sub.relative_path) == [] for sub in context
    )
