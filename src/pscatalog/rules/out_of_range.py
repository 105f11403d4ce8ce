"""Numbers and lists stay within their bounds.

Prices are not negative, durations are more than zero, NPS is between -100
and 100, a category has at least one offering, a list does not repeat an
item.

**Fix:** bring the value within the bound the message names.

Failing:

```yaml
nps:
  score: 140
```

Passing:

```yaml
nps:
  score: 40
```
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pscatalog.diagnostics import Severity
from pscatalog.rules._schema_words import shown

if TYPE_CHECKING:
    from jsonschema import ValidationError

CODE = "S006"
NAME = "out-of-range"
SEVERITY = Severity.ERROR
SUMMARY = "numbers and lists stay within their bounds"

KEYWORDS = frozenset(
    {
        "minimum",
        "exclusiveMinimum",
        "maximum",
        "exclusiveMaximum",
        "minItems",
        "maxItems",
        "uniqueItems",
    }
)
"""The JSON Schema keywords whose errors this code reports."""

_BOUNDS = {
    "minimum": "at least",
    "exclusiveMinimum": "more than",
    "maximum": "at most",
    "exclusiveMaximum": "less than",
}


def describe(error: ValidationError, name: str) -> tuple[str, str | None]:
    """Return the message and hint for a number or a list out of its bounds."""
    keyword = str(error.validator)
    value: Any = error.validator_value
    if keyword in _BOUNDS:
        return f"{name} must be {_BOUNDS[keyword]} {value}, not {shown(error.instance)}", None
    if keyword == "uniqueItems":
        return f"{name} lists the same item more than once", "remove the repeated item"
    bound = "at least" if keyword == "minItems" else "at most"
    plural = "s" if value != 1 else ""
    if keyword == "minItems":
        hint = "add an item" if value == 1 else f"add items, {value} at least"
    else:
        hint = f"keep {value} item{plural} at most"
    return f"{name} must have {bound} {value} item{plural}", hint
