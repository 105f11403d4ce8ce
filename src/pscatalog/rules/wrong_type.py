"""Every value has the type the schema says.

A price written as text (``"$14,400"``), a list where a mapping belongs, a
number where a name belongs: other tools read the value and get something
they cannot use. GitLab's services file shipped prices as text.

**Fix:** write the value as the schema's type; numbers without quotes or currency
signs.

Failing:

```yaml
price:
  amount: "$14,400"
  currency: USD
  unit: block
```

Passing:

```yaml
price:
  amount: 14400
  currency: USD
  unit: block
```
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

from pscatalog.diagnostics import Severity
from pscatalog.rules._schema_words import (
    TYPE_NAMES,
    schema_of,
    shown,
    suggestion,
    written,
    yaml_scalar,
)
from pscatalog.yamltext.edits import flow_text
from pscatalog.yamltext.quoting import double_quoted

if TYPE_CHECKING:
    from jsonschema import ValidationError

CODE = "S003"
NAME = "wrong-type"
SEVERITY = Severity.ERROR
SUMMARY = "every value has the type the schema says"

KEYWORDS = frozenset({"type"})
"""The JSON Schema keywords whose errors this code reports."""


def describe(
    error: ValidationError, name: str, *, as_written: str | None = None
) -> tuple[str, str | None]:
    """Return the message and hint for a value of the wrong type.

    ``as_written`` is the value's text in the file, when it is a plain scalar:
    a hint to quote it quotes that text (``"1.10"``), not the number read.
    """
    value: Any = error.validator_value
    instance: Any = error.instance
    expected = value if isinstance(value, list) else [value]
    names = " or ".join(TYPE_NAMES.get(str(type_name), str(type_name)) for type_name in expected)
    hint = _hint(error, expected, instance, as_written)
    return f"{name} must be {names}, not {shown(instance)}", hint


def _hint(
    error: ValidationError, expected: list[Any], instance: Any, as_written: str | None
) -> str | None:
    """Say what to write instead: a value the field takes, never one it refuses."""
    schema = schema_of(error)
    enum = schema.get("enum")
    if isinstance(enum, list) and enum:
        return f"write one of {', '.join(written(value) for value in enum)}"
    if {"integer", "number"} & set(expected):
        number = _number(instance)
        if number is not None:
            return f"write {number} (a number: no quotes, currency or separators)"
        example = suggestion(schema)
        return f"write a number, such as {example}" if example is not None else "write a number"
    if "boolean" in expected:
        truthy = isinstance(instance, str) and instance.strip().lower() in _TRUE
        return f"write {'true' if truthy else 'false'} (true or false, without quotes)"
    if "string" in expected and not isinstance(instance, dict | list):
        text = yaml_scalar(instance) if as_written is None else as_written
        if _fits(schema, text):
            return f"quote the value: {double_quoted(text)}"
        example = suggestion(schema)
        return f"write text such as {written(example)}" if example is not None else None
    if "array" in expected and _list_of_it_fits(schema, instance):
        return f"write it as a list: {flow_text([instance])}"
    example = suggestion(schema)
    if isinstance(example, dict | list):
        return f"write {'a list' if isinstance(example, list) else 'a mapping'}, such as: " + (
            flow_text(example)
        )
    return None


def _list_of_it_fits(schema: dict[str, Any], instance: Any) -> bool:
    """Whether a list holding just ``instance`` is what the field takes (one link, one stage)."""
    if instance is None or isinstance(instance, dict | list) or "$ref" in json.dumps(schema):
        return False  # a schema that refers elsewhere cannot be checked on its own here
    from jsonschema import Draft202012Validator

    return bool(Draft202012Validator(schema).is_valid([instance]))


_TRUE = frozenset({"true", "yes", "y", "on", "1"})


def _number(value: Any) -> int | float | None:
    """Return the number a text means (``"$14,400"`` is 14400), if it means one."""
    if not isinstance(value, str):
        return None
    digits = value.strip().lstrip("$€£").replace(",", "").strip()
    try:
        number = float(digits)
    except ValueError:
        return None
    if number != number or number in (float("inf"), float("-inf")):
        return None
    return int(number) if number.is_integer() else number


def _fits(schema: dict[str, Any], text: str) -> bool:
    """Whether ``text``, quoted, passes the field's pattern and length."""
    pattern = schema.get("pattern")
    if isinstance(pattern, str) and re.search(pattern, text) is None:
        return False
    minimum = schema.get("minLength")
    return not (isinstance(minimum, int) and len(text) < minimum)
