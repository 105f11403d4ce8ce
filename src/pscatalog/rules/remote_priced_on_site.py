"""An entry whose id says it is delivered remotely carries the remote price.

``training_sessions_security_essentials_remote`` (``GL-SEC-R``) costs 7000,
the on-site price its own ``price_desc`` gives, not the 5,000 it gives for
remote delivery. Either the id or the price is wrong; import keeps both and
reports the entry.

**Fix:** give the entry the remote price, or an id and SKU that do not say
remote.

Failing:

```yaml
- id: training_sessions_security_essentials_remote
  price: 7000
  price_desc: "<strong>Remote:</strong> $5,000<br/><strong>On-site:</strong> $7,000"
```

Passing:

```yaml
- id: training_sessions_security_essentials_remote
  price: 5000
  price_desc: "<strong>Remote:</strong> $5,000<br/><strong>On-site:</strong> $7,000"
```
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pscatalog.catalog.values import AMOUNT, number_text, parse_amount
from pscatalog.diagnostics import Diagnostic, Location, Related, Severity, diagnose
from pscatalog.rules import remote_priced_on_site as this_code  # diagnose() stamps its code

CODE = "I008"
NAME = "remote-priced-on-site"
SEVERITY = Severity.WARNING
SUMMARY = "an entry whose id says remote is priced as remote"

_AFTER_LABEL = rf"\s*:?\s*(?:</strong>)?\s*(?:is\s*)?\$(?P<figure>{AMOUNT})"
_REMOTE_PRICE = re.compile(r"remote(?: delivery)?" + _AFTER_LABEL, re.IGNORECASE)
_ON_SITE_PRICE = re.compile(r"(?:on-?site|at your site)" + _AFTER_LABEL, re.IGNORECASE)


def check(
    source_id: str,
    amount: float,
    description: str,
    at: Callable[[], Location],
    price_at: Callable[[], Location],
) -> Diagnostic | None:
    """Return a finding if an entry whose id says remote has its description's on-site price.

    ``at`` finds the place of the id, ``price_at`` that of the price; they are
    called only for a finding.
    """
    if "remote" not in source_id.lower():
        return None
    remote = _REMOTE_PRICE.search(description)
    on_site = _ON_SITE_PRICE.search(description)
    if remote is None or on_site is None:
        return None
    remote_amount = parse_amount(remote["figure"])
    if remote_amount is None or not amount == parse_amount(on_site["figure"]) != remote_amount:
        return None
    return diagnose(
        this_code,
        f"id '{source_id}' says remote, but its price {number_text(amount)} is the on-site "
        f"price of its price_desc (remote: ${remote['figure']})",
        at(),
        "give the entry the remote price, or an id that does not say remote",
        (Related(price_at(), "the price is given here"),),
    )
