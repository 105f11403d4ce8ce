"""The one writer: every file pscatalog writes goes through :func:`write_atomically`.

Before anything is replaced, the new text is checked (``check``, for a YAML
file the checks of :mod:`pscatalog.yamltext.verify`; for a report or an export
that it reads back as its format); a failed check writes nothing and raises
:class:`WriteRefused` naming the file and the reason, and the file is left
byte for byte. A file that changed on disk since the change was computed from
it (``previous``) is refused too, so that two runs at once never undo each
other's work.

A write goes to a temporary file beside the target (its folder made if it is
missing), is flushed to disk, and replaces the target in one step, so a crash
or a full disk never leaves half a file behind. An existing file keeps its
mode and its owner; a new file gets the mode the umask gives (as ``open``
would create it). A file with several hard links is written in place once the
new text is complete and flushed beside it, so that every link sees the new
text; so is a file whose owner cannot be kept by a replacement. A target that
is a symbolic link is written through (the link stays a link), but only when
it resolves inside the repository around it.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from pscatalog.errors import PscatalogError
from pscatalog.files.boundary import OutsideRepository, inside
from pscatalog.files.repository import boundary_of

_BYTE_ORDER_MARK = b"\xef\xbb\xbf"
UNKNOWN: Any = object()
"""As ``previous``: the text the change started from is not known (or does not matter)."""


class UnsafeWrite(PscatalogError):
    """The target of a write resolves outside the repository it is named in."""


class WriteRefused(PscatalogError):
    """A write was refused before anything was written; the file is as it was."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"refusing to write {path}: {reason}; the file is left as it was")
        self.path = path
        self.reason = reason


def write_atomically(
    path: Path,
    text: str,
    *,
    within: Path | None = None,
    follow_links: bool = True,
    check: Callable[[str], None] | None = None,
    previous: str | None = UNKNOWN,
) -> None:
    """Replace ``path`` with ``text`` (UTF-8) in one step, after checking it.

    ``check`` raises :class:`ValueError` (its message the reason) when the
    text must not be written. ``previous`` is the text the new one was made
    from (``None``: the file did not exist); if the file no longer holds it,
    the write is refused. ``within`` is the folder the write must stay in
    (default: the git work tree around ``path``, or its folder outside git);
    a link leading out of it is refused with :class:`UnsafeWrite`. With
    ``follow_links=False`` a link is replaced by the file instead of written
    through (what a fresh output wants).
    """
    boundary = within or boundary_of(path.parent)
    try:  # every component of the path, not only the file's own link
        linked = follow_links and path.is_symlink()
        target = inside(path, boundary) if linked else inside(path.parent, boundary) / path.name
    except OutsideRepository:
        raise UnsafeWrite(f"refusing to write {path}: it leads outside {boundary}") from None
    if _in_git_folder(target, boundary):
        # git's own files (configuration, hooks) are never pscatalog's to write.
        raise UnsafeWrite(f"refusing to write {path}: it leads into a .git folder")
    if check is not None:
        try:
            check(text)
        except ValueError as exc:
            raise WriteRefused(path, str(exc)) from None
    data = text.encode("utf-8")
    try:
        # A report's or an export's folder is made as needed: inside the boundary, as
        # the target was checked to be.
        target.parent.mkdir(parents=True, exist_ok=True)
        with _folder_locked(target.parent):
            # Checked and replaced under one lock: two pscatalog runs writing the same
            # file take turns, and the second finds the file changed.
            existing = _status(target)
            if previous is not UNKNOWN:
                _check_unchanged(path, target, existing, previous)
            if existing is not None and not stat.S_ISREG(existing.st_mode):
                raise WriteRefused(path, "it is not a regular file")
            if existing is not None and not _writable(target, existing):
                raise WriteRefused(path, "it is read-only")
            _write(target, data, existing)
    except OSError as exc:
        # Name the file asked for, not the temporary file beside it.
        raise OSError(exc.errno, exc.strerror, str(path)) from None


def _in_git_folder(target: Path, boundary: Path) -> bool:
    """Whether ``target`` is inside a ``.git`` folder (or is one's file) under ``boundary``."""
    try:
        parts = target.relative_to(os.path.realpath(boundary)).parts
    except ValueError:
        parts = target.parts
    return any(part == ".git" for part in parts)


@contextlib.contextmanager
def _folder_locked(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``folder`` (advisory: other pscatalog runs honour it)."""
    try:
        import fcntl
    except ImportError:  # not on this system: no lock to take
        yield
        return
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:  # a file system that cannot open folders: write without the lock
        yield
        return
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)  # closing releases the lock


def _writable(target: Path, existing: os.stat_result) -> bool:
    """Whether the file may be written: a file with no write permission for anyone is not.

    Replacing a file needs only its folder's permission; a read-only file is
    left as it is, as an editor leaves it, even for a user who could replace it.
    """
    return bool(existing.st_mode & 0o222) and os.access(target, os.W_OK)


def _status(target: Path) -> os.stat_result | None:
    try:
        return target.stat()
    except FileNotFoundError:
        return None


def _check_unchanged(
    path: Path, target: Path, existing: os.stat_result | None, previous: str | None
) -> None:
    if previous is None:
        if existing is not None:
            raise WriteRefused(path, "it was created while pscatalog worked")
        return
    try:
        current = target.read_bytes()
    except OSError:
        current = None
    if current is not None and current.startswith(_BYTE_ORDER_MARK):
        current = current[len(_BYTE_ORDER_MARK) :]  # the text was read without it
    if current != previous.encode("utf-8").removeprefix(_BYTE_ORDER_MARK):
        raise WriteRefused(path, "it changed on disk since pscatalog read it")


def _write(target: Path, data: bytes, existing: os.stat_result | None) -> None:
    folder = target.parent
    fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if existing is None:
            os.chmod(temporary, 0o666 & ~_umask())
        else:
            os.chmod(temporary, stat.S_IMODE(existing.st_mode))
            if existing.st_nlink > 1 or not _same_owner(temporary, existing):
                # A replacement would split the links or change the owner: write the
                # complete, flushed text into the file itself instead.
                _write_in_place(target, data)
                os.unlink(temporary)
                return
        os.replace(temporary, target)
        _sync_folder(folder)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _same_owner(temporary: str, existing: os.stat_result) -> bool:
    """Give the temporary file the existing file's owner; whether that worked."""
    mine = os.stat(temporary)
    if (mine.st_uid, mine.st_gid) == (existing.st_uid, existing.st_gid):
        return True
    try:
        os.chown(temporary, existing.st_uid, existing.st_gid)
    except OSError:
        return False
    return True


def _write_in_place(target: Path, data: bytes) -> None:
    with open(target, "r+b") as stream:
        stream.write(data)
        stream.truncate()
        stream.flush()
        os.fsync(stream.fileno())


def _sync_folder(folder: Path) -> None:
    """Flush the folder's entry for the replaced file (a crash keeps one of the two)."""
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def _umask() -> int:
    # Read by setting it: the only portable way. Set back at once.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
