"""Every entry has an id, a name, a category and one of the five maturities.

An offering needs all four. When the source lacks one, or gives a maturity
the framework does not have, import writes a stand-in that it names in the
message (the id for a missing name, the category ``uncategorised``, the
lowest maturity the entry's SKUs allow) and keeps the source's value under
``imported.unmapped``.

**Fix:** give the entry the missing value in the source, or replace the
stand-in in the catalog.

Failing:

```yaml
- id: training_sessions_devops
  name: GitLab DevOps Fundamentals Training
  category: Education
  maturity: Beta
```

Passing:

```yaml
- id: training_sessions_devops
  name: GitLab DevOps Fundamentals Training
  category: Education
  maturity: Lovable
```
"""

from __future__ import annotations

from pscatalog.diagnostics import Severity
from pscatalog.rules._import_codes import MISSING_VALUE as CODE

__all__ = ["CODE", "NAME", "SEVERITY", "SUMMARY"]

NAME = "missing-value"
SEVERITY = Severity.ERROR
SUMMARY = "every entry has an id, a name, a category and a maturity"
