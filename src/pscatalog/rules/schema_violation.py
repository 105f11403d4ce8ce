"""The document matches the schema in every other respect.

Any other way a value fails the schema, such as a duration that is both a
fixed value and a range.

**Fix:** follow the message; the schema's description of the field (shown by editors
on hover) says what it takes.

Failing:

```yaml
duration:
  value: 3
  min: 1
  max: 5
  unit: day
```

Passing:

```yaml
duration:
  min: 1
  max: 5
  unit: day
```
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pscatalog.diagnostics import Severity
from pscatalog.rules._schema_words import all_required, listed, schema_of

if TYPE_CHECKING:
    from jsonschema import ValidationError

CODE = "S007"
NAME = "schema-violation"
SEVERITY = Severity.ERROR
SUMMARY = "the document matches the schema"

KEYWORDS: frozenset[str] = frozenset()
"""The JSON Schema keywords whose errors this code reports: every other one."""

ONE_LINE = {"type": "string", "pattern": "\\n"}
"""The schema's ``not`` beside each pattern: no line break (``$`` would accept a final one)."""


def describe(error: ValidationError, name: str) -> tuple[str, str | None]:
    """Return the message and hint for any other way a value fails the schema."""
    keyword = error.validator
    schema = schema_of(error)
    if keyword in ("oneOf", "anyOf") and all_required(error):
        branches = dict.fromkeys(tuple(listed(sub.validator_value)) for sub in error.context or ())
        forms = " or ".join(" and ".join(f"'{key}'" for key in keys) for keys in branches)
        return f"{name} needs {forms}", None
    if keyword == "oneOf":
        description = schema.get("description")
        return f"{name} matches more than one allowed form", str(
            description
        ) if description else None
    if keyword == "contains":
        return f"{name} has no item of the required kind", schema.get("description")
    if keyword == "not" and error.validator_value == ONE_LINE:
        return f"{name} must be on one line", "remove the final line break a | or > block adds"
    if keyword == "not":
        return f"{name} is not allowed here", None
    message = error.message
    return f"{name}: {message[:1].lower()}{message[1:]}", None
