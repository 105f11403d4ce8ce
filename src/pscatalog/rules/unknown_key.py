"""Every key is one the schema defines.

A misspelt key (``maturty``) is not an extra piece of information: it is a
missing one, which every other tool ignores. The diagnostic points at the key
and suggests the closest known one.

In a flow mapping, a ``,`` ends a value: ``{amount: 25,000, currency: USD}``
is an amount of 25 and a key ``000``. That key is reported with what the
comma did, and the hint writes the number whole; removing the key would leave
a price a thousand times too low.

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

from typing import TYPE_CHECKING, Any

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
    split = _split_number(present, name)
    if split is not None:
        key, number = split
        return (
            f"unknown key '{name}': the ',' before it ended the number of '{key}' at {number}",
            f"write '{key}: {number}{name.zfill(3)}' (a number without thousands separators)",
        )
    free = [key for key in known if key not in present]  # renaming to one of them repeats it
    hint = did_you_mean(name, free) or f"allowed keys here: {quoted(known)}"
    return f"unknown key '{name}'", hint


def _split_number(present: dict[str, Any], name: str) -> tuple[str, int] | None:
    """Return the key and number a thousands separator cut short, if ``name`` is the rest.

    ``{amount: 25,000}`` reads as ``amount: 25`` and a key ``000`` (named
    ``0``) without a value, right after it.
    """
    if not (name.isascii() and name.isdigit() and len(name) <= 3) or present.get(name) is not None:
        return None
    keys = list(present)
    index = keys.index(name) if name in keys else 0
    if index == 0:
        return None
    before = keys[index - 1]
    number = present[before]
    if isinstance(number, int) and not isinstance(number, bool) and number >= 0:
        return before, number
    return None
