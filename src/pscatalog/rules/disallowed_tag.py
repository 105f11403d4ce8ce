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

import sys

from pscatalog.diagnostics import Diagnostic, Location, Severity, diagnose

CODE = "Y005"
NAME = "disallowed-tag"
SEVERITY = Severity.ERROR
SUMMARY = "values carry no YAML tags"


def found(name: str, tag: str, line: int, column: int) -> Diagnostic:
    """Return the finding for ``tag`` (as the parser gives it) at ``line``/``column``."""
    shown = "!!" + tag[len(_CORE) :] if tag.startswith(_CORE) else tag
    return diagnose(
        _THIS,
        f"tag '{shown}' is not allowed: catalog files hold plain data",
        Location(name, line, column),
        "remove the tag, and write the value as plain data the field takes",
    )


_CORE = "tag:yaml.org,2002:"


_THIS = sys.modules[__name__]
