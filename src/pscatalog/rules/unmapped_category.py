"""An entry's category is one of the framework's categories of service.

The framework has six categories: Implementation, Integration, Migration,
Education, Dedicated and Expert; "Consulting" entries go to Dedicated, Expert
or Implementation by what they sell. An entry whose category is none of
these is imported into a category named after its source value, reported
once per value with the other entries as related places, so that nothing is
lost and someone decides where it belongs.

**Fix:** give the entry one of the framework's categories, or add the new
category to the framework (and to the levels decision) on purpose.

Failing:

```yaml
- id: partner-enablement
  category: Partners
```

Passing:

```yaml
- id: partner-enablement
  category: Education
```
"""

from __future__ import annotations

from collections.abc import Iterable

from pscatalog.diagnostics import Diagnostic, Location, Related, Severity, diagnose
from pscatalog.rules import unmapped_category as this_code  # diagnose() stamps its code

CODE = "I009"
NAME = "unmapped-category"
SEVERITY = Severity.WARNING
SUMMARY = "the source's category is one of the framework's"


def finding(
    text: str, category_id: str, at: Location, others: Iterable[Location] = ()
) -> Diagnostic:
    """Return the finding for a source category ``text`` imported as ``category_id``.

    ``others`` are the places of the same category in the other entries.
    """
    return diagnose(
        this_code,
        f"category '{text}' is none of the framework's categories; its entries are imported "
        f"into a category of their own, '{category_id}'",
        at,
        "give the entries one of the framework's categories: Implementation, Integration, "
        "Migration, Education, Dedicated or Expert",
        [Related(other, "also this category") for other in others],
    )
