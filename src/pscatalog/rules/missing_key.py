"""Every required key is present.

Levels need ``id``, ``name``, ``rank`` and ``persona``; categories ``id``,
``name``, ``level`` and ``offerings``; offerings ``id``, ``name``, ``maturity``
and ``variants``; variants ``id``. Prices need ``currency`` and ``unit``,
durations ``unit``.

**Fix:** add the missing key.

Failing:

```yaml
- id: jira
  name: JIRA
  variants:
    - id: custom
```

Passing:

```yaml
- id: jira
  name: JIRA
  maturity: minimal
  variants:
    - id: custom
```
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pscatalog.diagnostics import Severity
from pscatalog.rules._schema_words import quoted, schema_of, suggestion, yaml_scalar
from pscatalog.yamltext.quoting import plain_ok

if TYPE_CHECKING:
    from jsonschema import ValidationError

CODE = "S002"
NAME = "missing-key"
SEVERITY = Severity.ERROR
SUMMARY = "every required key is present"

KEYWORDS = frozenset({"required"})
"""The JSON Schema keywords whose errors this code reports."""


def describe(error: ValidationError, name: str) -> tuple[str, str | None]:
    """Return the message and hint for a mapping missing required keys."""
    instance: Any = error.instance
    keys: Any = error.validator_value
    missing = [key for key in keys if isinstance(instance, dict) and key not in instance]
    noun = "key" if len(missing) == 1 else "keys"
    return f"{name} is missing the required {noun} {quoted(missing)}", _hint(error, missing)


_ONE_EACH = {"rank": "level"}
"""Keys whose values the siblings share out one each, and what the siblings are."""


def _hint(error: ValidationError, missing: list[str]) -> str:
    """Name each key to add, with a value the schema allows where one is simple to write."""
    properties = schema_of(error).get("properties", {})
    parts = []
    for key in missing:
        choices = properties.get(key, {}).get("enum")
        if key in _ONE_EACH and isinstance(choices, list):
            # No one value fits every place: each is taken by exactly one sibling.
            values = [yaml_scalar(choice) for choice in choices]
            written = " or ".join([", ".join(values[:-1]), values[-1]] if values[1:] else values)
            parts.append(f"'{key}' ({written}: the one no other {_ONE_EACH[key]} has)")
            continue
        value = suggestion(properties.get(key, {}), key)
        if isinstance(value, str | int | float) and not isinstance(value, bool):
            parts.append(f"'{key}: {yaml_scalar(value) if plain_ok(str(value)) else value}'")
        else:
            parts.append(f"'{key}'")
    return "add " + ", ".join(parts)
