"""Every key is one the schema defines.

A misspelt key (``maturty``) is not an extra piece of information: it is a
missing one, which every other tool ignores. The diagnostic points at the key
and suggests the closest known one.

**Fix:** correct the key's spelling, or remove it.

Failing:

```yaml
- id: jira
  name: JIRA
  maturty: complete
```

Passing:

```yaml
- id: jira
  name: JIRA
  maturity: complete
```
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pscatalog.diagnostics import Severity
from pscatalog.rules._schema_words import did_you_mean, quoted, schema_of

if TYPE_CHECKING:
    from jsonschema import ValidationError

CODE = "S001"
NAME = "unknown-key"
SEVERITY = Severity.ERROR
SUMMARY = "every key is one the schema defines"

KEYWORDS = frozenset({"additionalProperties"})
"""The JSON Schema keywords whose errors this code reports."""


def describe(error: ValidationError, name: str) -> tuple[str, str | None]:
    """Return the message and hint for an unknown key ``error`` found (one per key)."""
    known = list(schema_of(error).get("properties", {}))
    present = error.instance if isinstance(error.instance, dict) else {}
    free = [key for key in known if key not in present]  # renaming to one of them repeats it
    hint = did_you_mean(name, free) or f"allowed keys here: {quoted(known)}"
    return f"unknown key '{name}'", hint
