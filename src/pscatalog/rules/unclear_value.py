"""A value has a clear meaning in the form the catalog gives it.

"Varies", "Call for pricing", "N/A", "TBD", a ``#TODO`` placeholder, a
stage list such as "All", a link that is not one: the catalog has no honest
number or list for them. Import leaves the catalog's field empty, keeps the
value exactly as it was under the offering's ``imported.unmapped``, and
reports it so that someone gives it a meaning.

**Fix:** write the value in the form the field takes (a number of days, a
price, a list of stages, a full ``https://`` link), or move the words to a
description.

Failing:

```yaml
- id: health-check
  duration_desc: Varies
```

Passing:

```yaml
- id: health-check
  duration_desc: 5-10 days
```
"""

from __future__ import annotations

from pscatalog.diagnostics import Severity
from pscatalog.rules._import_codes import UNCLEAR_VALUE as CODE

__all__ = ["CODE", "NAME", "SEVERITY", "SUMMARY"]

NAME = "unclear-value"
SEVERITY = Severity.WARNING
SUMMARY = "a value has a clear meaning in the catalog's form"
