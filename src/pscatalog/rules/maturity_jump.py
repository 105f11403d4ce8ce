"""A maturity rises at most one step in one change, unless its evidence changes with it.

A maturity claim is what sales and customers rely on. Going from ``minimal``
to ``complete`` in one merge request, with the evidence untouched, is a claim
nobody checked: either a step was skipped or the evidence that justifies it is
missing from the change. Checked by ``pscatalog diff OLD NEW --check``.

**Fix:** raise the maturity one step, or record the evidence that supports the new
level (``evidence``) in the same change.

Failing:

```yaml
# before: maturity: minimal
maturity: complete
```

Passing:

```yaml
# before: maturity: minimal
maturity: viable
evidence:
  deliveries: 1
```
"""

from __future__ import annotations

from collections.abc import Iterator

from pscatalog.catalog.model import MATURITIES, Catalog, Offering
from pscatalog.catalog.pairing import Pairing
from pscatalog.diagnostics import Severity
from pscatalog.rules.base import Finding

CODE = "D001"
NAME = "maturity-jump"
SEVERITY = Severity.ERROR
SUMMARY = "a maturity rises one step at a time, unless its evidence changes too"


def check(pairing: Pairing, old: Catalog, new: Catalog) -> Iterator[Finding]:
    """Yield offerings whose maturity rose more than one step with the same evidence."""
    for before, after in pairing.pairs:
        old_rank, new_rank = before.maturity_rank, after.maturity_rank
        if old_rank is None or new_rank is None or new_rank - old_rank <= 1:
            continue
        if before.entry.data.get("evidence") != after.entry.data.get("evidence"):
            continue
        steps = new_rank - old_rank
        yield Finding(
            f"'{_name(after)}' rises from '{MATURITIES[old_rank]}' to '{MATURITIES[new_rank]}' "
            f"({steps} steps) with no change to its evidence",
            after.entry.at("maturity"),
            f"raise it one step, to '{MATURITIES[old_rank + 1]}', or record the evidence for "
            f"'{MATURITIES[new_rank]}' in the same change",
        )


def _name(offering: Offering) -> str:
    return offering.entry.text("id") or offering.entry.text("name") or "?"
