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

from typing import TYPE_CHECKING, Any

from pscatalog.diagnostics import Severity
from pscatalog.rules._schema_words import TYPE_NAMES, shown, yaml_scalar

if TYPE_CHECKING:
    from jsonschema import ValidationError

CODE = "S003"
NAME = "wrong-type"
SEVERITY = Severity.ERROR
SUMMARY = "every value has the type the schema says"

KEYWORDS = frozenset({"type"})
"""The JSON Schema keywords whose errors this code reports."""


def describe(error: ValidationError, name: str) -> tuple[str, str | None]:
    """Return the message and hint for a value of the wrong type."""
    value: Any = error.validator_value
    instance: Any = error.instance
    expected = value if isinstance(value, list) else [value]
    names = " or ".join(TYPE_NAMES.get(str(type_name), str(type_name)) for type_name in expected)
    hint = None
    if isinstance(instance, str) and {"integer", "number"} & set(expected):
        hint = "write the number without quotes"
    elif "string" in expected and not isinstance(instance, dict | list):
        hint = f'quote the value: "{yaml_scalar(instance)}"'
    return f"{name} must be {names}, not {shown(instance)}", hint
