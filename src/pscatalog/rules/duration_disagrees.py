"""The number of days in ``duration`` agrees with ``duration_desc``.

``duration: 15`` beside ``duration_desc: 20 days`` tells the buyer two
things. Import keeps the number as the variant's duration and the text as its
note, and reports the disagreement so that someone checks which is right.

**Fix:** make the two say the same length, or give a range (``15-20 days``).

Failing:

```yaml
- id: implementation-rapid-results-sm
  duration: 15
  duration_desc: 20 days
```

Passing:

```yaml
- id: implementation-rapid-results-sm
  duration: 15
  duration_desc: 15-20 days
```
"""

from __future__ import annotations

from pscatalog.diagnostics import Severity
from pscatalog.rules._import_codes import DURATION_DISAGREES as CODE

__all__ = ["CODE", "NAME", "SEVERITY", "SUMMARY"]

NAME = "duration-disagrees"
SEVERITY = Severity.WARNING
SUMMARY = "'duration' agrees with 'duration_desc'"
