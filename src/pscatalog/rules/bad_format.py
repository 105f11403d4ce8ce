"""Ids, SKUs, URLs, dates and currency codes are well formed.

Ids are lowercase slugs (``dedicated-engineer``), SKUs uppercase
(``GL-ENGR-3``), links http(s) URLs, dates ``YYYY-MM-DD``, currencies ISO 4217
codes (``USD``). Names are not empty.

**Fix:** write the value in the form the message names; the hint suggests one.

Failing:

```yaml
- id: Dedicated-12
```

Passing:

```yaml
- id: dedicated-engineer
```
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from pscatalog.catalog.schemas import PATTERN_MEANINGS
from pscatalog.diagnostics import Severity
from pscatalog.rules._schema_words import shown, written

if TYPE_CHECKING:
    from jsonschema import ValidationError

CODE = "S005"
NAME = "bad-format"
SEVERITY = Severity.ERROR
SUMMARY = "ids, SKUs, URLs, dates and codes are well formed"

KEYWORDS = frozenset({"pattern", "minLength", "maxLength"})
"""The JSON Schema keywords whose errors this code reports."""


def describe(error: ValidationError, name: str) -> tuple[str, str | None]:
    """Return the message and hint for a value not in the form its field takes."""
    value: Any = error.validator_value
    instance: Any = error.instance
    if error.validator == "minLength":
        return f"{name} must not be empty", None
    if error.validator == "maxLength":
        return f"{name} must be at most {value} characters long", None
    meaning = PATTERN_MEANINGS.get(str(value), f"text matching the pattern '{value}'")
    return f"{name} {shown(instance)} is not {meaning}", _pattern_hint(str(value), instance)


def _pattern_hint(pattern: str, instance: Any) -> str | None:
    if not isinstance(instance, str):
        return None
    if pattern == r"^[a-z0-9]+(?:-[a-z0-9]+)*$":
        slug = re.sub(r"[^a-z0-9]+", "-", instance.lower()).strip("-")
        return f"write {written(slug)}" if slug else None
    if pattern == r"^[A-Z0-9][A-Z0-9+]*(?:-[A-Z0-9+]+)*$":
        sku = re.sub(r"[^A-Z0-9+]+", "-", instance.upper()).strip("-")
        return f"write {written(sku)}" if sku and sku != instance else None
    return None
