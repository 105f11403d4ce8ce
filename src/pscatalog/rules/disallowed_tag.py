"""Values carry no YAML tags.

Catalog files hold plain data: strings, numbers, booleans, lists and
mappings. A tag such as ``!!python/object/apply`` asks a YAML reader to build
an object or run code; pscatalog never does, and reports the tag instead. The
standard tags ``!!str``, ``!!int``, ``!!float``, ``!!bool``, ``!!null``,
``!!map`` and ``!!seq`` are allowed.

**Fix:** remove the tag; quote the value if it must stay a string.

Failing:

```yaml
price: !!python/object/apply:os.system ["true"]
```

Passing:

```yaml
price:
  amount: 2400
  currency: USD
  unit: engagement
```
"""

from __future__ import annotations

from pscatalog.diagnostics import Severity
from pscatalog.yamltext.loader import DISALLOWED_TAG as CODE

__all__ = ["CODE", "NAME", "SEVERITY", "SUMMARY"]

NAME = "disallowed-tag"
SEVERITY = Severity.ERROR
SUMMARY = "values carry no YAML tags"
