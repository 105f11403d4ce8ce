"""Offering ids are unique across the whole catalog.

Other tools, exports and the diff follow an offering by its ``id``. GitLab's
real services file shipped the id ``Dedicated-12`` twice: the second entry was
really the security-cleared 12-month engineer, and the pages built from the
file showed one of them twice.

**Fix:** give the offering its own id; if it is a way of delivering another
offering, make it a variant of that offering instead.

Failing:

```yaml
offerings:
  - id: dedicated-engineer
    # ...
  - id: dedicated-engineer
    # ...
```

Passing:

```yaml
offerings:
  - id: dedicated-engineer
    # ...
  - id: cleared-dedicated-engineer
    # ...
```
"""

from __future__ import annotations

from collections.abc import Iterator

from pscatalog.catalog.model import Catalog
from pscatalog.diagnostics import Severity
from pscatalog.rules._unique import repeats
from pscatalog.rules.base import Finding

CODE = "C103"
NAME = "duplicate-offering-id"
SEVERITY = Severity.ERROR
SUMMARY = "offering ids are unique across the catalog"
SUPERSEDES: frozenset[str] = frozenset()


def check(catalog: Catalog) -> Iterator[Finding]:
    """Yield every repeat after the first, with the first as related place."""
    items = (
        (offering.entry.text("id"), offering.entry.text("id") or "", offering.entry.at("id"))
        for offering in catalog.offerings
        if offering.entry.text("id") is not None
    )
    return repeats(
        items,
        "offering id",
        "give the offering its own id, or make it a variant of the other offering",
    )
