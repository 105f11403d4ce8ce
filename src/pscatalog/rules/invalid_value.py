"""Every value is one of those the schema allows.

Maturity, delivery, deployment, duration and price units take one of a fixed
list of values. The diagnostic lists them and suggests the closest.

**Fix:** use one of the allowed values.

Failing:

```yaml
delivery: onsite
```

Passing:

```yaml
delivery: on-site
```
"""

from __future__ import annotations

from pscatalog.checks.schema import INVALID_VALUE as CODE
from pscatalog.diagnostics import Severity

__all__ = ["CODE", "NAME", "SEVERITY", "SUMMARY"]

NAME = "invalid-value"
SEVERITY = Severity.ERROR
SUMMARY = "every value is one the schema allows"
