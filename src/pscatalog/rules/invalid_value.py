"""Every value is one of those the schema allows.

Maturity, delivery, deployment, duration and price units take one of a fixed
list of values. The diagnostic lists them and suggests the closest.

**Fix:** use one of the allowed values.

Failing:

```yaml
delivery: onsite
```

Passing:

```yaml
delivery: on-site
```
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pscatalog.diagnostics import Severity
from pscatalog.rules._schema_words import did_you_mean, quoted, shown, written

if TYPE_CHECKING:
    from jsonschema import ValidationError

CODE = "S004"
NAME = "invalid-value"
SEVERITY = Severity.ERROR
SUMMARY = "every value is one the schema allows"

KEYWORDS = frozenset({"enum", "const"})
"""The JSON Schema keywords whose errors this code reports."""


def describe(error: ValidationError, name: str) -> tuple[str, str | None]:
    """Return the message and hint for a value not among those allowed."""
    value: Any = error.validator_value
    instance: Any = error.instance
    if error.validator == "const":
        return f"{name} must be {shown(value)}, not {shown(instance)}", f"write {written(value)}"
    allowed = [str(option) for option in value]
    hint = did_you_mean(str(instance), allowed) if isinstance(instance, str) else None
    if hint is None:
        hint = "write one of " + ", ".join(written(option) for option in value)
    return f"{name} is {shown(instance)}, not one of {quoted(allowed)}", hint
