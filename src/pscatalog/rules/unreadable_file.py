"""The file can be read.

A path in the catalog that cannot be read (no permission, a broken link, a
folder named like a YAML file) is reported, and the rest of the catalog is
checked.

**Fix:** fix the file's permissions or link, or remove it from the catalog folder.

Failing:

```yaml
catalog/integration.yaml -> ../elsewhere/missing.yaml   # a broken link
```

Passing:

```yaml
catalog/integration.yaml   # a readable file
```
"""

from __future__ import annotations

import sys

from pscatalog.diagnostics import Diagnostic, Location, Severity, diagnose

CODE = "Y008"
NAME = "unreadable-file"
SEVERITY = Severity.ERROR
SUMMARY = "the file can be read"


def folder(name: str) -> Diagnostic:
    """Return the finding for a folder named like a catalog file."""
    return _whole(name, "is a directory, not a YAML file")


def not_regular(name: str) -> Diagnostic:
    """Return the finding for a pipe, a socket or a device named like a catalog file."""
    return _whole(name, "is not a regular file (a pipe or a device)")


def unreadable(name: str, reason: str) -> Diagnostic:
    """Return the finding for a file the system does not let pscatalog read."""
    return _whole(name, f"cannot be read: {reason}")


def outside_link(name: str, *, loops: bool) -> Diagnostic:
    """Return the finding for a link out of the repository (or one that loops)."""
    shown = "a link that loops" if loops else "a link to a file outside the repository"
    return _whole(name, f"is {shown}; it is not read", "replace the link with the file itself")


def _whole(name: str, message: str, hint: str | None = None) -> Diagnostic:
    return diagnose(_THIS, message, Location(name, 1, 1), hint)


_THIS = sys.modules[__name__]
