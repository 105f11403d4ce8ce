"""The repository a path belongs to: git's top folder, found without running git.

This is the one place that answers "which repository is this in?". Reports
name files from its top folder, configuration and catalog discovery stop
there, and reads and writes stay inside it (:mod:`pscatalog.files.boundary`).

The top folder is the nearest folder above a path that holds ``.git``, a
folder in a plain clone or a file in a worktree or a submodule, as git itself
finds it. Nothing is run: a pre-commit hook pays a few ``stat`` calls, not a
``git`` process.

The walk follows the path as written, without resolving its links, so that
``catalog -> /elsewhere`` is judged from the repository that holds the link,
not from wherever the link leads. A ``.git`` reached through a link inside an
enclosing repository (``catalog -> /home/me/other-clone``) does not count:
a repository cannot be entered that way.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

GIT_MARKER = ".git"


def repository_root(start: Path | str | None = None) -> Path | None:
    """Return the top folder of the git work tree holding ``start``, or ``None`` outside git.

    ``start`` (default: the current folder) need not exist. The result is an
    absolute path spelled as ``start`` is, links left as written.
    """
    folder = Path(os.path.abspath(start if start is not None else os.getcwd()))
    found = [candidate for candidate in (folder, *folder.parents) if _holds_git(candidate)]
    if not found:
        return None
    # Outermost first: an inner top folder counts only where it physically lies
    # inside the outer one (a submodule, a nested clone), never through a link.
    root = found[-1]
    real_root = os.path.realpath(root)
    for candidate in reversed(found[:-1]):
        real = os.path.realpath(candidate)
        if not is_within(real, real_root):
            break
        root, real_root = candidate, real
    return root


def boundary_of(folder: Path | str) -> Path:
    """Return the folder that reads and writes at ``folder`` must stay in.

    The git top folder around ``folder``; outside git, ``folder`` itself.
    """
    return repository_root(folder) or Path(os.path.abspath(folder))


def is_within(path: str, folder: str) -> bool:
    """Whether the physical path ``path`` is ``folder`` or lies below it (both resolved)."""
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _holds_git(folder: Path) -> bool:
    try:
        mode = os.stat(folder / GIT_MARKER).st_mode
    except (OSError, ValueError):
        return False
    return stat.S_ISDIR(mode) or stat.S_ISREG(mode)
