"""Each catalog file starts with a modeline naming its current schema.

Editors learn which schema a file follows from its first line::

    # yaml-language-server: $schema=../schema/category.schema.json

(a modeline among the comments above the first value, after a ``---`` say,
counts too).

With it, VS Code's YAML extension and the GitLab Web IDE validate and complete
the file while it is typed. The modeline must name the schema of the file's
kind (``levels.schema.json`` for the levels file, ``category.schema.json`` for
the others), as a relative path to a file that is the current schema (its
version and every rule: a schema file kept beside the catalog and edited by
hand, or written by an older release, would have the editor check other
rules), or as the schema's published URL (its ``$id``). A missing,
wrong or outdated modeline leaves the editor silent or checking against the
wrong rules. A warning: the catalog itself is not wrong.

**Fix:** make the first line the modeline shown above (``levels.schema.json``
for ``levels.yaml``); where the modeline is right but the file it names is
missing or outdated, write the current schemas there with
``pscatalog schema --output schema``.

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

import posixpath
import re
from collections.abc import Iterator
from dataclasses import replace

from pscatalog.catalog.model import LEVELS_FILE_NAMES, Catalog, Place
from pscatalog.catalog.schemas import (
    CATEGORY,
    LEVELS,
    SCHEMA_FILES,
    load_schema,
    read_schema,
    schema_reference,
)
from pscatalog.diagnostics import Diagnostic, Severity
from pscatalog.files.sources import Files
from pscatalog.rules.base import Finding, FixContext
from pscatalog.yamltext.edits import TextEdit, set_first_line, set_line
from pscatalog.yamltext.lines import LineIndex
from pscatalog.yamltext.loader import Document
from pscatalog.yamltext.verify import CommentChange

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
        problem = _problem(doc, kind, catalog.files)
        if problem is not None:
            yield Finding(problem, Place(doc, (), line=1), _hint(doc, kind, catalog.files))


def _hint(doc: Document, kind: str, files: Files) -> str:
    """Write the schemas where a relative modeline points, else name the modeline to write."""
    found = header_modeline(doc.text or "")
    match = _MODELINE.match(found[1].strip()) if found is not None else None
    reference = match.group(1) if match is not None else ""
    current = schema_reference(doc.path.parent, kind, files)
    local = "://" not in current
    if reference.rsplit("/", 1)[-1] == SCHEMA_FILES[kind] and "://" not in reference:
        if local and current != reference:
            # The current schemas are in the repository already: point at them, not a copy.
            return f"point it at them: '# yaml-language-server: $schema={current}' (--fix does)"
        folder = posixpath.normpath(
            posixpath.join(posixpath.dirname(doc.name), posixpath.dirname(reference))
        )
        return f"write the current schemas there: 'pscatalog schema --output {folder}'"
    return f"make the first line '# yaml-language-server: $schema={current}'"


def header_modeline(text: str) -> tuple[int, str] | None:
    """Return the line number (from 1) and text of the modeline at the top of ``text``.

    The modeline is the first comment of the file's header: the lines before
    its first value, which may hold blank lines, other comments, directives
    and a ``---``. That is where editors look for it. A comment that does not
    start its line is not a modeline.
    """
    index = LineIndex(text)
    for number in range(1, index.count + 1):
        line = index.line(number) or ""
        stripped = line.strip()
        if stripped.startswith("#"):
            if line.startswith("#") and _MODELINE.match(stripped):
                return number, line
            continue
        if stripped and not stripped.startswith("%") and not _DOCUMENT_START.match(stripped):
            return None
    return None


_DOCUMENT_START = re.compile(r"---(?:\s+#.*)?$")


def _problem(doc: Document, kind: str, files: Files) -> str | None:
    found = header_modeline(doc.text or "")
    match = _MODELINE.match(found[1].strip()) if found is not None else None
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
    schema = read_schema(files.read_small(doc.path.parent / reference))
    if schema is None:
        return f"the modeline names '{reference}', which is not a readable schema file"
    if schema.get("$id") != current_id:
        return f"the modeline names '{reference}', whose $id is not the current '{current_id}'"
    if schema != load_schema(kind):
        # The right $id over other rules: the editor would check the file by rules
        # pscatalog does not (an older release's, or a schema edited by hand).
        return f"the modeline names '{reference}', whose rules are not the current {kind} schema's"
    return None


FIX = "safe"


def fix(context: FixContext, diagnostic: Diagnostic) -> list[TextEdit]:
    """Write the modeline of the file's kind.

    It names the current schema file where the repository keeps one (see
    :func:`~pscatalog.catalog.schemas.schema_reference`), else the schema's
    published URL. An outdated or wrong modeline is replaced where it stands
    (after a ``---``, say); otherwise the modeline is inserted above the first
    line.
    """
    doc = context.doc
    kind = LEVELS if doc.path.name in LEVELS_FILE_NAMES else CATEGORY
    reference = schema_reference(doc.path.parent, kind, context.files)
    modeline = f"# yaml-language-server: $schema={reference}"
    found = header_modeline(context.text)
    if found is not None:
        number, old = found
        change = CommentChange(removed=(old.strip(),), added=(modeline,))
        indent = old[: len(old) - len(old.lstrip())]
        return [replace(set_line(context.text, number, indent + modeline), comments=change)]
    edit = set_first_line(context.text, modeline, replace=False)
    return [replace(edit, comments=CommentChange(added=(modeline,)))]
