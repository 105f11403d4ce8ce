"""The catalog has a levels file.

``levels.yaml`` defines the three levels of service that every category file
names in its ``level``. Without it, no category's level can be checked and
no page can be ordered.

**Fix:** add ``levels.yaml`` to the catalog folder.

Failing (a catalog folder without ``levels.yaml``):

```yaml
# catalog/integration.yaml
id: integration
name: Integration Services
level: product
```

Passing (``catalog/levels.yaml`` added):

```yaml
# yaml-language-server: $schema=../schema/levels.schema.json
levels:
  - id: product
    name: Product
    rank: 1
    persona: The platform owner
  - id: adoption
    name: Adoption
    rank: 2
    persona: The enablement lead
  - id: transformation
    name: Transformation
    rank: 3
    persona: The executive sponsor
```
"""

from __future__ import annotations

from collections.abc import Iterator

from pscatalog.catalog.model import Catalog, Place, display_name
from pscatalog.diagnostics import Severity
from pscatalog.rules.base import Finding
from pscatalog.yamltext.loader import Document

CODE = "C204"
NAME = "missing-levels-file"
SEVERITY = Severity.ERROR
SUMMARY = "the catalog has a levels file"
SUPERSEDES: frozenset[str] = frozenset()


def check(catalog: Catalog) -> Iterator[Finding]:
    """Yield the expected levels file when the catalog has none."""
    if catalog.levels_doc is not None:
        return
    path = catalog.levels_path
    yield Finding(
        "the catalog has no levels file",
        Place(Document(path, display_name(path)), ()),
        f"add {path.name} with the three levels of service",
    )
