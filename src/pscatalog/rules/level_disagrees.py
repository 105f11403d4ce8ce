"""The level an entry gives agrees with the level of its category.

GitLab's file gives every entry ``level: 1 - Product``. In the catalog, the
level belongs to the category: Implementation, Integration and Migration are
level 1 (Product), Education level 2 (Adoption), Dedicated and Expert level 3
(Transformation), as this project's levels decision says. Import files each
entry under its category's level, keeps the source's value under
``imported.unmapped``, and reports the disagreement once per category, with
the other entries as related places.

**Fix:** nothing in the catalog, if the decision holds; otherwise change the
category's level in the catalog, with the reason in the CHANGELOG.

Failing:

```yaml
- id: training_sessions_basics
  category: Education
  level: 1 - Product
```

Passing:

```yaml
- id: training_sessions_basics
  category: Education
  level: 2 - Adoption
```
"""

from __future__ import annotations

from pscatalog.diagnostics import Severity
from pscatalog.rules._import_codes import LEVEL_DISAGREES as CODE

__all__ = ["CODE", "NAME", "SEVERITY", "SUMMARY"]

NAME = "level-disagrees"
SEVERITY = Severity.WARNING
SUMMARY = "the source's level agrees with the catalog's levels"
