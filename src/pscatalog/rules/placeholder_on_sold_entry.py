"""An entry sold with a SKU has no ``#TODO`` placeholder and no empty SKU, SOW or price.

``sku: #TODO`` looks like a value but YAML reads everything after ``#`` as a
comment: the key is empty. On an entry that is sold with a SKU (or meant to
be: its SKU is the placeholder), an empty ``sku``, ``standard_sow`` or
``price`` means the entry cannot be ordered as the page says. Import keeps the
empty key under ``imported.unmapped`` and a SKU without its SOW stays, so
that ``pscatalog validate`` reports the incomplete variant too.

**Fix:** fill in the value, or, if the entry is not sold with a standard SKU,
remove the ``sku`` and the placeholders and sell it with a custom SOW.

Failing:

```yaml
- id: training_sessions_admin
  sku: #TODO
  standard_sow: #TODO
```

Passing:

```yaml
- id: training_sessions_admin
  sku: GL-ADMIN
  standard_sow: https://docs.google.com/document/d/example/edit
```
"""

from __future__ import annotations

from pscatalog.diagnostics import Diagnostic, Location, Severity, diagnose
from pscatalog.rules import placeholder_on_sold_entry as this_code  # diagnose() stamps its code

CODE = "I004"
NAME = "placeholder-on-sold-entry"
SEVERITY = Severity.ERROR
SUMMARY = "an entry sold with a SKU has no '#TODO' or empty sku, standard_sow or price"


def placeholder(key: str, source_id: str | None, at: Location) -> Diagnostic:
    """Return the finding for a ``#TODO`` placeholder (``at`` is the comment's place)."""
    return diagnose(
        this_code,
        f"{key} is a '#TODO' placeholder, read as empty, on entry '{source_id or '?'}', which "
        "is sold with a SKU",
        at,
        f"fill in the {key}, or sell the entry with a custom SOW",
    )


def empty(key: str, source_id: str | None, at: Location) -> Diagnostic:
    """Return the finding for an empty ``sku``, ``standard_sow`` or ``price``."""
    return diagnose(
        this_code,
        f"{key} is empty on entry '{source_id or '?'}', which is sold with a SKU",
        at,
        f"fill in the {key}, or sell the entry with a custom SOW",
    )
