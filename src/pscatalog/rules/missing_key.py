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
from pscatalog.rules._schema_words import quoted

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
    return f"{name} is missing the required {noun} {quoted(missing)}", None
