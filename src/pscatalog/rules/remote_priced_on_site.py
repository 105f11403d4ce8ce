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

from pscatalog.diagnostics import Severity
from pscatalog.rules._import_codes import REMOTE_PRICED_ON_SITE as CODE

__all__ = ["CODE", "NAME", "SEVERITY", "SUMMARY"]

NAME = "remote-priced-on-site"
SEVERITY = Severity.WARNING
SUMMARY = "an entry whose id says remote is priced as remote"
