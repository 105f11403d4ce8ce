"""A demotion states its reason.

Lowering an offering's maturity changes what sales may promise. The catalog
keeps why, in ``maturity_reason``, written or changed in the same change (its words:
spacing, letter case, characters that take no space, full-width forms and the
final punctuation do not make a new reason).
Checked by ``pscatalog diff OLD NEW --check``.

**Fix:** write ``maturity_reason`` on the offering.

Failing:

```yaml
# before: maturity: complete
maturity: viable
```

Passing:

```yaml
# before: maturity: complete
maturity: viable
maturity_reason: Delivery times slipped on the last three engagements; margin under review.
```
"""

from __future__ import annotations

from collections.abc import Iterator

from pscatalog.catalog.model import MATURITIES, Catalog, Offering
from pscatalog.catalog.names import words_key
from pscatalog.catalog.pairing import Pairing
from pscatalog.diagnostics import Severity
from pscatalog.rules.base import Finding

CODE = "D002"
NAME = "demotion-without-reason"
SEVERITY = Severity.ERROR
SUMMARY = "a demotion says why"


def check(pairing: Pairing, old: Catalog, new: Catalog) -> Iterator[Finding]:
    """Yield offerings demoted without a new ``maturity_reason``."""
    for before, after in pairing.pairs:
        old_rank, new_rank = before.maturity_rank, after.maturity_rank
        if old_rank is None or new_rank is None or new_rank >= old_rank:
            continue
        reason = after.entry.text("maturity_reason")
        if reason and words_key(reason) != words_key(before.entry.text("maturity_reason") or ""):
            continue
        yield Finding(
            f"'{_name(after)}' is demoted from '{MATURITIES[old_rank]}' to "
            f"'{MATURITIES[new_rank]}' without a reason",
            after.entry.at("maturity"),
            "say why in 'maturity_reason', in the same change",
        )


def _name(offering: Offering) -> str:
    return offering.entry.text("id") or offering.entry.text("name") or "?"
