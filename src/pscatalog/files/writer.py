"""Writing files safely: all or nothing, and never out of the repository.

A write goes to a temporary file beside the target, is flushed to disk, and
replaces the target in one step, so a crash or a full disk never leaves half
a file behind. A target that is a symbolic link is written through (the link
stays a link), but only when it resolves inside the repository around it.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from pscatalog.catalog.model import repository_root
from pscatalog.errors import PscatalogError


class UnsafeWrite(PscatalogError):
    """The target of a write resolves outside the repository it is named in."""


def write_atomically(
    path: Path, text: str, *, within: Path | None = None, follow_links: bool = True
) -> None:
    """Replace ``path`` with ``text`` (UTF-8) in one step, keeping its permissions.

    ``within`` is the folder the write must stay in (default: the git work tree
    around ``path``, or its folder outside git); a link leading out of it is
    refused with :class:`UnsafeWrite`. With ``follow_links=False`` a link is
    replaced by the file instead of written through (what a fresh output wants).
    """
    boundary = (within or repository_root(path.parent)).resolve()
    linked = follow_links and path.is_symlink()
    target = path.resolve() if linked else path.parent.resolve() / path.name
    if not target.is_relative_to(boundary):
        raise UnsafeWrite(f"refusing to write {path}: it leads outside {boundary}")
    folder = target.parent
    mode = target.stat().st_mode & 0o7777 if target.exists() else None
    fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
