"""A value whose meaning is clear is converted to the catalog's form, and said so.

A link relative to the site (``/services/education/gitlab-basics/``) becomes
``https://about.gitlab.com/services/education/gitlab-basics/``; an
approximate duration (``~1-3 days``) becomes a range of days; a "Consulting"
entry goes to the category of what it sells. Each conversion is reported at
its source line, so that the import can be reviewed line by line.

**Fix:** nothing is wrong; write the value in the catalog's form in the
source to silence the note.

Failing:

```yaml
- id: integration_jira
  desc_url: /services/integration/
```

Passing:

```yaml
- id: integration_jira
  desc_url: https://about.gitlab.com/services/integration/
```
"""

from __future__ import annotations

from pscatalog.diagnostics import Severity
from pscatalog.rules._import_codes import CONVERTED_VALUE as CODE

__all__ = ["CODE", "NAME", "SEVERITY", "SUMMARY"]

NAME = "converted-value"
SEVERITY = Severity.INFO
SUMMARY = "a value is converted to the catalog's form"
