"""Whether a path stays inside the repository, every component of it.

A catalog, a configuration's ``catalog`` setting and every file pscatalog
writes must stay in the repository they belong to: a link committed to the
repository (``catalog -> /home/me``, ``catalog/sub -> ..``, an output folder
that links elsewhere) must not make pscatalog read or write outside it,
where the content could land in CI logs or overwrite a file nobody reviewed.

:func:`inside` follows the path component by component, the way the system
does when it opens the path: each link is followed where it is met, and
``..`` goes to the parent of where the path has got to. Once the path is in
the repository, every later component must stay in it; at the end it must be
in it.
"""

from __future__ import annotations

import os
from pathlib import Path

from pscatalog.errors import PscatalogError
from pscatalog.files.repository import is_within


class OutsideRepository(PscatalogError):
    """A path leads out of the repository it must stay in."""

    def __init__(self, path: Path | str, reached: Path | str, boundary: Path | str) -> None:
        self.path = str(path)
        """The path as it was given."""
        self.reached = str(reached)
        """Where it is when it leaves ``boundary``, its links followed."""
        self.boundary = str(boundary)
        """The folder it must stay in."""
        super().__init__(f"{path}: leads to {reached}, outside the repository {boundary}")


def inside(path: Path | str, boundary: Path | str) -> Path:
    """Return where ``path`` leads, with every link followed, if it stays within ``boundary``.

    ``path`` need not exist (an output to create); relative paths are taken
    from the current folder. Raises :class:`OutsideRepository` naming where the
    path leaves ``boundary``.
    """
    real_boundary = os.path.realpath(boundary)
    parts = Path(os.path.join(os.getcwd(), path)).parts
    current = parts[0]
    entered = is_within(current, real_boundary)
    for part in parts[1:]:
        if part == "..":
            current = os.path.dirname(current)
        else:
            step = os.path.join(current, part)
            current = os.path.realpath(step) if os.path.islink(step) else step
        if is_within(current, real_boundary):
            entered = True
        elif entered:
            break
    else:
        if entered:
            return Path(current)
    raise OutsideRepository(path, current, boundary)


def is_inside(path: Path | str, boundary: Path | str) -> bool:
    """Whether ``path`` stays within ``boundary`` (see :func:`inside`)."""
    try:
        inside(path, boundary)
    except OutsideRepository:
        return False
    return True
