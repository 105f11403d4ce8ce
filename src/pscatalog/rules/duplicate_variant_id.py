"""Variant ids are unique within their offering.

A variant is named by its offering's id and its own: two variants with one id
cannot be told apart in exports, pages or orders.

**Fix:** give each variant of the offering its own id (``remote``, ``on-site``,
``6-months``...).

Failing:

```yaml
variants:
  - id: standard
  - id: standard
```

Passing:

```yaml
variants:
  - id: standard
  - id: remote
```
"""

from __future__ import annotations

from collections.abc import Iterator

from pscatalog.catalog.model import Catalog
from pscatalog.diagnostics import Severity
from pscatalog.rules._unique import repeats
from pscatalog.rules.base import Finding

CODE = "C106"
NAME = "duplicate-variant-id"
SEVERITY = Severity.ERROR
SUMMARY = "variant ids are unique within their offering"
SUPERSEDES: frozenset[str] = frozenset()


def check(catalog: Catalog) -> Iterator[Finding]:
    """Yield every repeat after the first, with the first as related place."""
    for offering in catalog.offerings:
        items = (
            (variant_id, variant_id, variant.at("id"))
            for variant in offering.variants
            if (variant_id := variant.text("id")) is not None
        )
        yield from repeats(items, "variant id", "give each variant its own id")
