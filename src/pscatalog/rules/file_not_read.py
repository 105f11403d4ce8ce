"""Every YAML file in the catalog folder is a catalog file that is read.

The catalog's files are the ``.yaml`` and ``.yml`` files directly in its
folder. A file in a sub-folder (``catalog/archive/old.yaml``) or with its
suffix in capitals (``catalog/extra.YAML``) is not read: its offerings are in
no page, no export and no check. Rather than skip it in silence, pscatalog
names it, as an error: a file meant to be part of the catalog must not be
lost (renaming ``dedicated.yaml`` to ``dedicated.YAML`` or moving it into a
sub-folder would take its offerings out of the catalog, and a hook that only
warned would let the commit through), and one kept aside on purpose is kept
aside knowingly. A link to a folder is named
too, and never followed: it may lead out of the repository. Hidden files and
folders (``.gitlab-ci.yml``, ``.github/``) belong to other tools and are left
alone.

**Fix:** move the file into the catalog folder, or rename it to end in
``.yaml``; a file kept aside on purpose goes outside the catalog folder (or
is listed under ``per-file-ignores`` for ``C205``).

Failing:

```yaml
# catalog/archive/old.yaml: in a sub-folder of the catalog, not read
id: old-training
name: Old training
level: adoption
offerings: []
```

Passing:

```yaml
# catalog/training.yaml: directly in the catalog folder
id: training
name: Training
level: adoption
offerings: []
```
"""

from __future__ import annotations

import sys

from pscatalog.diagnostics import Diagnostic, Location, Severity, diagnose

CODE = "C205"
NAME = "file-not-read"
SEVERITY = Severity.ERROR
SUMMARY = "every YAML file in the catalog folder is a catalog file that is read"


def sub_folder(name: str, count: int, shown: str) -> Diagnostic:
    """Return the finding for a sub-folder of the catalog that holds YAML files.

    ``count`` is how many YAML files it holds, ``shown`` the first of them, as
    a path from the sub-folder.
    """
    files, verb = (f"{count} YAML file", "is") if count == 1 else (f"{count} YAML files", "are")
    more = ", ..." if count > 1 else ""
    return diagnose(
        _THIS,
        f"{files} in this sub-folder of the catalog ('{shown}'{more}) {verb} not read: "
        "catalog files lie directly in the catalog folder",
        Location(name, 1, 1),
        "move the files into the catalog folder to check them, or out of it",
    )


def linked_folder(name: str) -> Diagnostic:
    """Return the finding for a link to a folder in the catalog (never followed)."""
    return diagnose(
        _THIS,
        "this link to a folder is not followed: catalog files lie directly in the catalog folder",
        Location(name, 1, 1),
        "move the files into the catalog folder to check them, or remove the link",
    )


def other_suffix(name: str, suffix: str, proper: str) -> Diagnostic:
    """Return the finding for a file whose YAML suffix is spelled otherwise (``.YAML``)."""
    return diagnose(
        _THIS,
        f"a file ending in '{suffix}' is not read: catalog files end in '.yaml' or '.yml'",
        Location(name, 1, 1),
        f"rename it to '{proper}'",
    )


_THIS = sys.modules[__name__]
