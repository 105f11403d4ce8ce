"""Where a catalog's texts come from: the disk, texts held in memory, or both.

A :class:`Files` is what a catalog is read from. By default it is the disk.
Texts laid over it (path → text) are read instead of the files at those
paths: the fixed texts ``validate --fix --diff`` reports on before anything
is written, an editor's unsaved buffers, the files of a git revision. A
:class:`Files` that does not read the disk at all (``disk=False``) is a
catalog held wholly in memory.

Paths are compared as absolute paths, without resolving links (a link is
read through when the disk is read, as the loader does).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping
from pathlib import Path

_SMALL_FILE = 1024 * 1024
"""The most :meth:`Files.read_small` reads: schema files and the like are far smaller."""


def absolute(path: Path) -> Path:
    """Return ``path`` made absolute and normalised, its links left as they are."""
    return Path(os.path.normpath(os.path.abspath(path)))


Held = str | bytes | int
"""What memory holds of a file: its text, its bytes (decoded as the loader decodes a
file), or only its size (a content too large to have been read)."""


class Files:
    """The texts of some files in memory, laid over the disk (or standing alone)."""

    def __init__(self, texts: Mapping[Path, Held] | None = None, *, disk: bool = True) -> None:
        self._held = {absolute(path): held for path, held in (texts or {}).items()}
        self._texts = {path: held for path, held in self._held.items() if isinstance(held, str)}
        self.disk = disk
        """Whether files not held in memory are read from the disk."""

    def __repr__(self) -> str:
        return f"Files({len(self._texts)} in memory, disk={self.disk})"

    @property
    def in_memory(self) -> Mapping[Path, str]:
        """The texts held in memory, by absolute path."""
        return self._texts

    def text(self, path: Path) -> str | None:
        """Return the text held in memory for ``path``, if one is."""
        return self._texts.get(absolute(path))

    def held(self, path: Path) -> Held | None:
        """Return what memory holds for ``path`` (text, bytes or a size), if anything."""
        return self._held.get(absolute(path))

    def children(self, folder: Path) -> list[Path]:
        """Return the entries of ``folder``: those on disk (if read) and those in memory.

        Entries in memory are named under ``folder`` as given, so that names
        shown in reports keep the form the command line used.
        """
        found: dict[str, Path] = {}
        if self.disk:
            try:
                for child in folder.iterdir():
                    found[child.name] = child
            except OSError:
                pass
        base = absolute(folder)
        for path in self._held:
            if path.parent == base:
                found.setdefault(path.name, folder / path.name)
            elif path.is_relative_to(base):
                # A file deeper down implies the sub-folder it lies in.
                first = path.relative_to(base).parts[0]
                found.setdefault(first, folder / first)
        return list(found.values())

    def held_below(self, folder: Path) -> list[Path]:
        """Return the paths held in memory anywhere below ``folder``, sorted."""
        base = absolute(folder)
        return sorted(path for path in self._held if path.is_relative_to(base) and path != base)

    def is_folder(self, path: Path) -> bool:
        """Whether ``path`` is a folder on disk, or holds texts in memory."""
        if self.disk and path.is_dir():
            return True
        base = absolute(path)
        return any(known.is_relative_to(base) and known != base for known in self._held)

    def exists(self, path: Path) -> bool:
        """Whether ``path`` is a file or folder on disk (if read) or in memory."""
        if self.held(path) is not None or self.is_folder(path):
            return True
        return self.disk and (path.exists() or path.is_symlink())

    def read_small(self, path: Path) -> str | None:
        """Return the text of a small file (a schema a modeline names), ``None`` if unreadable."""
        held = self.held(path)
        if isinstance(held, str):
            return held
        if isinstance(held, bytes):
            return _small_text(held)
        if held is not None or not self.disk:
            return None
        try:
            if not stat.S_ISREG(os.stat(path).st_mode):
                return None  # a pipe or a device: reading it could wait forever
            with open(path, "rb") as stream:
                data = stream.read(_SMALL_FILE + 1)
        except (OSError, ValueError):  # ValueError: a NUL in the path
            return None
        if len(data) > _SMALL_FILE:
            return None
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            return None


DISK = Files()
"""The disk, with nothing in memory."""


def _small_text(data: bytes) -> str | None:
    if len(data) > _SMALL_FILE:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None
