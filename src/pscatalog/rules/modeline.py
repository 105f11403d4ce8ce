"""Each catalog file starts with a modeline naming its current schema.

Editors learn which schema a file follows from its first line::

    # yaml-language-server: $schema=../schema/category.schema.json

With it, VS Code's YAML extension and the GitLab Web IDE validate and complete
the file while it is typed. The modeline must name the schema of the file's
kind (``levels.schema.json`` for the levels file, ``category.schema.json`` for
the others), as a relative path to a file that exists and has the current
schema version, or as the schema's published URL (its ``$id``). A missing,
wrong or outdated modeline leaves the editor silent or checking against the
wrong rules. A warning: the catalog itself is not wrong.

**Fix:** make the first line the modeline shown above (``levels.schema.json``
for ``levels.yaml``).

Failing:

```yaml
# Integration services
id: integration
```

Passing (the published URL; the relative path passes too where the file is):

```yaml
# yaml-language-server: $schema=https://pscatalog.gitlab.io/schema/v1/category.schema.json
# Integration services
id: integration
```
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from pscatalog.catalog.model import Catalog, Place
from pscatalog.catalog.schemas import SCHEMA_FILES, load_schema, schema_reference
from pscatalog.diagnostics import Diagnostic, Severity
from pscatalog.rules.base import Edit, Finding
from pscatalog.yamltext.loader import Document

CODE = "C301"
NAME = "modeline"
SEVERITY = Severity.WARNING
SUMMARY = "each file starts with a modeline naming its current schema"
SUPERSEDES: frozenset[str] = frozenset()

_MODELINE = re.compile(r"#\s*yaml-language-server:\s*\$schema=(\S+)")


def check(catalog: Catalog) -> Iterator[Finding]:
    """Yield files whose first line is not the modeline of their current schema."""
    for doc in catalog.documents:
        if doc.text is None:
            continue  # unreadable: reported as such
        kind = catalog.kind_of(doc)
        problem = _problem(doc, kind)
        if problem is not None:
            expected = f"# yaml-language-server: $schema=../schema/{SCHEMA_FILES[kind]}"
            yield Finding(problem, Place(doc, (), line=1), f"make the first line '{expected}'")


def _problem(doc: Document, kind: str) -> str | None:
    text = doc.text or ""
    first = text.split("\n", 1)[0].lstrip("\ufeff")
    match = _MODELINE.match(first.strip())
    if match is None:
        return "the file does not start with a modeline naming its schema"
    reference = match.group(1)
    wanted = SCHEMA_FILES[kind]
    current_id = str(load_schema(kind)["$id"])
    if reference == current_id:
        return None
    if reference.rsplit("/", 1)[-1] != wanted:
        return f"the modeline names '{reference}', not the {kind} schema '{wanted}'"
    if "://" in reference:
        return f"the modeline names '{reference}', not the current schema '{current_id}'"
    schema_id = _schema_id(doc, reference)
    if schema_id is None:
        return f"the modeline names '{reference}', which is not a readable schema file"
    if schema_id != current_id:
        return f"the modeline names '{reference}', whose $id is not the current '{current_id}'"
    return None


def _schema_id(doc: Document, reference: str) -> object:
    """Return the ``$id`` of the schema file a relative reference names, if readable."""
    try:
        target = (doc.path.parent / reference).resolve()
        return json.loads(target.read_text(encoding="utf-8")).get("$id")
    except (OSError, ValueError, AttributeError):
        return None


FIX = "safe"


def fix(doc: Document, diagnostic: Diagnostic) -> list[Edit]:
    """Write the modeline of the file's kind as its first line.

    It names ``../schema/<kind>.schema.json`` where that file is the current
    schema, else the schema's published URL.
    """
    kind = "levels" if doc.path.name in ("levels.yaml", "levels.yml") else "category"
    modeline = f"# yaml-language-server: $schema={schema_reference(doc.path.parent, kind)}"
    first = (doc.text or "").split("\n", 1)[0]
    if _MODELINE.match(first.strip()):
        return [Edit(1, 1, len(first) + 1, modeline)]
    return [Edit(0, 1, 1, modeline)]
