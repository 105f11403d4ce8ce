"""Entry ids are unique in the services file being imported.

GitLab's pages and the SKU tables built from ``services.yml`` find an entry by
its ``id``. The 2022 file shipped ``Dedicated-12`` twice: the second entry was
really the security-cleared 12-month engineer (``GL-ENGR-CLEARED-12``), and
the pages showed one of them twice. Import keeps both entries, each as an
offering with the same id, so that ``pscatalog validate`` reports the
duplicate (C103) until someone decides; it never renames one silently.

**Fix:** give the second entry its own id in the source, or, after import,
give the offering its own id or make it a variant of the other offering.

Failing:

```yaml
- id: Dedicated-12
  sku: GL-ENGR-12
- id: Dedicated-12
  sku: GL-ENGR-CLEARED-12
```

Passing:

```yaml
- id: Dedicated-12
  sku: GL-ENGR-12
- id: Dedicated-Cleared-12
  sku: GL-ENGR-CLEARED-12
```
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from pscatalog.diagnostics import Diagnostic, Location, Related, Severity, diagnose
from pscatalog.rules import duplicate_source_id as this_code  # diagnose() stamps its code

CODE = "I001"
NAME = "duplicate-source-id"
SEVERITY = Severity.ERROR
SUMMARY = "entry ids are unique in the imported services file"

Locate = Callable[[], Location]
"""Finds a place: called only for the places a finding shows."""


def check(entries: Iterable[tuple[str, Any, Locate]]) -> Iterator[Diagnostic]:
    """Yield a finding for each entry whose id an earlier entry has.

    ``entries`` gives each entry's id, its SKU and how to find the place of
    its id, in file order; the first entry with the id is the related place.
    """
    first: dict[str, tuple[int, Locate]] = {}
    for position, (source_id, sku, at) in enumerate(entries):
        earlier_position, earlier = first.setdefault(source_id, (position, at))
        if earlier_position == position:
            continue
        also = f" (this one is sold as '{sku}')" if isinstance(sku, str) else ""
        yield diagnose(
            this_code,
            f"id '{source_id}' is already used by another entry{also}; both are imported as "
            "offerings with the same id",
            at(),
            "give this entry its own id, or make it a variant of the other",
            (Related(earlier(), "already used here"),),
        )
