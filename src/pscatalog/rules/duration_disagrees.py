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

from pscatalog.catalog.values import number_text
from pscatalog.diagnostics import Diagnostic, Location, Related, Severity, diagnose
from pscatalog.rules import duration_disagrees as this_code  # diagnose() stamps its code

CODE = "I006"
NAME = "duration-disagrees"
SEVERITY = Severity.WARNING
SUMMARY = "'duration' agrees with 'duration_desc'"


def finding(days: float, text: str, at: Location, described_at: Location) -> Diagnostic:
    """Return the finding for ``duration`` (``at``) disagreeing with ``duration_desc``."""
    return diagnose(
        this_code,
        f"duration {number_text(days)} disagrees with duration_desc '{text}'; the number is "
        "imported, the text kept as its note",
        at,
        "make the two say the same length, or give a range such as '15-20 days'",
        (Related(described_at, "the duration is described here"),),
    )
