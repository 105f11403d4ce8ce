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

from pscatalog.diagnostics import Severity
from pscatalog.rules._import_codes import UNMAPPED_CATEGORY as CODE

__all__ = ["CODE", "NAME", "SEVERITY", "SUMMARY"]

NAME = "unmapped-category"
SEVERITY = Severity.WARNING
SUMMARY = "the source's category is one of the framework's"
