"""A maturity rises at most one step in one change, unless new evidence comes with it.

A maturity claim is what sales and customers rely on. Going from ``minimal``
to ``complete`` in one merge request, with no new evidence, is a claim nobody
checked: either a step was skipped or the evidence that justifies it is
missing from the change. New evidence is a link, document or note that was not
there before, or a larger number of deliveries; evidence that is only
reordered, requoted or removed is not new. Checked by
``pscatalog diff OLD NEW --check``.

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

import json
from collections.abc import Iterator
from typing import Any

from pscatalog.catalog.model import MATURITIES, Catalog, Offering
from pscatalog.catalog.pairing import Pairing
from pscatalog.diagnostics import Severity
from pscatalog.rules.base import Finding

CODE = "D001"
NAME = "maturity-jump"
SEVERITY = Severity.ERROR
SUMMARY = "a maturity rises one step at a time, unless new evidence comes with it"


def check(pairing: Pairing, old: Catalog, new: Catalog) -> Iterator[Finding]:
    """Yield offerings whose maturity rose more than one step with the same evidence."""
    for before, after in pairing.pairs:
        old_rank, new_rank = before.maturity_rank, after.maturity_rank
        if old_rank is None or new_rank is None or new_rank - old_rank <= 1:
            continue
        if _adds_evidence(before.entry.data.get("evidence"), after.entry.data.get("evidence")):
            continue
        steps = new_rank - old_rank
        yield Finding(
            f"'{_name(after)}' rises from '{MATURITIES[old_rank]}' to '{MATURITIES[new_rank]}' "
            f"({steps} steps) with no new evidence",
            after.entry.at("maturity"),
            f"raise it one step, to '{MATURITIES[old_rank + 1]}', or record the evidence for "
            f"'{MATURITIES[new_rank]}' in the same change",
        )


def _name(offering: Offering) -> str:
    return offering.entry.text("id") or offering.entry.text("name") or "?"


def _adds_evidence(old: Any, new: Any) -> bool:
    """Whether ``new`` holds evidence ``old`` did not: a value added or changed, never only moved.

    Lists are compared as sets of their items (a reordered list adds nothing);
    a number adds evidence when it grows (more deliveries); a mapping adds
    evidence when one of its keys does.
    """
    if isinstance(new, dict):
        before = old if isinstance(old, dict) else {}
        return any(_adds_evidence(before.get(key), value) for key, value in new.items())
    if isinstance(new, list):
        had = {_canonical(item) for item in old} if isinstance(old, list) else {_canonical(old)}
        return any(_canonical(item) not in had for item in new)
    if new is None or new == "":
        return False
    if _is_number(new):
        return not _is_number(old) or new > old
    return bool(new != old)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _canonical(value: Any) -> str:
    """Return one text for equal values, whatever their keys' order."""
    return json.dumps(value, sort_keys=True, default=str)
