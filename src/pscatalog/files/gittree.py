"""Files as a git revision, or git's index, holds them: read from git, never from the work tree.

``diff`` reads a side of a comparison at a revision, and the pre-commit hooks
judge the commit git's index holds. Neither may read the work tree, where a
file the commit does not hold (untracked, ignored, or changed and not staged)
would stand in for the one it does. A :class:`GitTree` names a revision or
the index; :meth:`GitTree.folder` lists a folder there and
:meth:`GitTree.resolve` finds a file, each following symbolic links as the
work tree follows them (never out of the repository); :func:`read_blobs` and
:func:`blob_sizes` read what they found, each in one git process.

Every git command here only reads: it takes no lock (``GIT_OPTIONAL_LOCKS=0``)
and reads paths literally (``GIT_LITERAL_PATHSPECS=1``: a ``*`` in a folder's
name is a ``*``).
"""

from __future__ import annotations

import os
import posixpath
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from pscatalog.errors import UsageError

REGULAR_MODES = ("100644", "100755")
"""The modes of files git stores as they are (not links, submodules or folders)."""
LINK_MODE = "120000"
"""The mode of a symbolic link, whose blob is the path it leads to."""
MAX_LINKS = 16
"""How many links in a row are followed before a path counts as a loop."""


@dataclass(frozen=True, slots=True)
class TreeEntry:
    """A file or folder of a :class:`GitTree`: its path from the top, mode, kind and object."""

    path: PurePosixPath
    mode: str
    kind: str
    """``blob`` (a file or a link), ``tree`` (a folder) or ``commit`` (a submodule)."""
    object: str
    """The object id; empty for a folder of the index (the index holds no trees)."""

    @property
    def name(self) -> str:
        """The last part of the path."""
        return self.path.name

    @property
    def is_file(self) -> bool:
        """Whether git stores the content of a file here (a link is not one)."""
        return self.kind == "blob" and self.mode in REGULAR_MODES


@dataclass(frozen=True, slots=True)
class GitTree:
    """A revision of the repository whose top folder is ``top``, or its index.

    ``commit`` is a commit id; ``None`` means git's index: what the next
    commit will hold.
    """

    top: Path
    commit: str | None = None

    @property
    def label(self) -> str:
        """Where it is, as messages say: ``at revision 1a2b3c4d5e6f`` or ``in git's index``."""
        return "in git's index" if self.commit is None else f"at revision {self.commit[:12]}"

    def folder(self, folder: PurePosixPath) -> list[TreeEntry]:
        """Return the entries directly in ``folder`` (a path from the top; ``.`` for it).

        A sub-folder of the index is one entry of kind ``tree``, without an
        object. Entries the index holds in a merge conflict are left out.
        """
        where = [] if str(folder) == "." else ["--", f"{folder}/"]
        if self.commit is not None:
            return _tree_entries(run_git(self.top, "ls-tree", "-z", self.commit, *where))
        entries: dict[str, TreeEntry] = {}
        for entry in _index_entries(run_git(self.top, "ls-files", "-s", "-z", *where)):
            inside = entry.path.relative_to(folder) if str(folder) != "." else entry.path
            first = inside.parts[0]
            if len(inside.parts) == 1:
                entries[first] = entry
            else:
                entries.setdefault(first, TreeEntry(folder / first, "040000", "tree", ""))
        return list(entries.values())

    def below(self, folder: PurePosixPath) -> list[TreeEntry]:
        """Return every file at any depth below ``folder`` (a path from the top), in one process."""
        where = ["--", f"{folder}/"]
        if self.commit is not None:
            listing = _tree_entries(run_git(self.top, "ls-tree", "-r", "-z", self.commit, *where))
        else:
            listing = _index_entries(run_git(self.top, "ls-files", "-s", "-z", *where))
        return [entry for entry in listing if entry.kind == "blob"]

    def entry(self, path: PurePosixPath) -> TreeEntry | None:
        """Return the entry at ``path`` (a path from the top), ``None`` if there is none."""
        return self.entries([path]).get(path)

    def entries(self, paths: Sequence[PurePosixPath]) -> dict[PurePosixPath, TreeEntry]:
        """Return the entries at ``paths`` (paths from the top) that exist, in one git process."""
        if not paths:
            return {}
        names = [str(path) for path in paths]
        if self.commit is not None:
            listed = _tree_entries(run_git(self.top, "ls-tree", "-z", self.commit, "--", *names))
            return {entry.path: entry for entry in listed if entry.path in paths}
        listed = _index_entries(run_git(self.top, "ls-files", "-s", "-z", "--", *names))
        found = {entry.path: entry for entry in listed if entry.path in paths}
        for entry in listed:
            for parent in entry.path.parents:
                if parent in paths and parent not in found:
                    found[parent] = TreeEntry(parent, "040000", "tree", "")
        return found

    def resolve(self, entry: TreeEntry) -> TreeEntry | None:
        """Return the file a link leads to (``entry`` itself if it is a file).

        ``None`` for a link to nothing, to a folder, or round a loop. Raises
        :class:`UsageError` for a link that leads out of the repository: what
        it names is no file of the repository, and must not stand in for one.
        """
        for _ in range(MAX_LINKS):
            if entry.kind != "blob":
                return None
            if entry.mode != LINK_MODE:
                return entry if entry.is_file else None
            resolved = self.link_target(entry)
            if resolved is None:
                raise UsageError(
                    f"'{printable(str(entry.path))}' {self.label} is a link out of the "
                    "repository: the catalog cannot be read there"
                )
            found = self.entry(resolved)
            if found is None:
                return None
            entry = found
        return None

    def link_target(self, entry: TreeEntry) -> PurePosixPath | None:
        """Return the path (from the top) the link ``entry`` names; ``None`` if it leads out."""
        [target] = read_blobs(self.top, [entry.object])
        resolved = posixpath.normpath(
            posixpath.join(str(entry.path.parent), os.fsdecode(target or b""))
        )
        if resolved == ".." or resolved.startswith(("../", "/")):
            return None
        return PurePosixPath(resolved)


def read_files(
    tree: GitTree, paths: Sequence[PurePosixPath], *, max_bytes: int, strict: bool = True
) -> list[bytes | int | None]:
    """Read the files at ``paths`` (paths from the top) in ``tree``, links followed.

    Each is its content; its size where it is larger than ``max_bytes`` (it
    is not read); ``None`` where ``tree`` has no file there. A link out of the
    repository raises :class:`UsageError`, or with ``strict=False`` reads as
    no file.
    """
    found = tree.entries(paths)
    targets: list[TreeEntry | None] = []
    for path in paths:
        entry = found.get(path)
        try:
            targets.append(tree.resolve(entry) if entry is not None else None)
        except UsageError:
            if strict:
                raise
            targets.append(None)
    objects = [target.object if target is not None else "" for target in targets]
    sizes = blob_sizes(tree.top, objects)
    contents = read_blobs(
        tree.top,
        [obj if 0 <= size <= max_bytes else "" for obj, size in zip(objects, sizes, strict=True)],
    )
    return [
        content if content is not None else (size if size > max_bytes else None)
        for content, size in zip(contents, sizes, strict=True)
    ]


def read_blobs(top: Path, objects: Sequence[str]) -> list[bytes | None]:
    """Read git objects in one process (``git cat-file --batch``); ``None`` for a missing one.

    An empty name reads nothing, and gives ``None``.
    """
    named = [obj for obj in objects if obj]
    if not named:
        return [None] * len(objects)
    output = run_git(top, "cat-file", "--batch", stdin=b"".join(f"{o}\n".encode() for o in named))
    if output is None:
        raise UsageError("git cat-file could not read the catalog's files")
    contents: list[bytes | None] = []
    position = 0
    for _ in named:
        end = output.index(b"\n", position)
        header = output[position:end].split()
        if len(header) != 3 or header[1] != b"blob":  # "<name> missing", or not a file
            contents.append(None)
            position = end + 1
            continue
        size = int(header[2])
        contents.append(output[end + 1 : end + 1 + size])
        position = end + 1 + size + 1  # the content is followed by a newline
    read = iter(contents)
    return [next(read) if obj else None for obj in objects]


def blob_sizes(top: Path, objects: Sequence[str]) -> list[int]:
    """Return the size of each git object (``git cat-file --batch-check``); -1 if missing."""
    named = [obj for obj in objects if obj]
    if not named:
        return [-1] * len(objects)
    stdin = b"".join(f"{o}\n".encode() for o in named)
    output = run_git(top, "cat-file", "--batch-check", stdin=stdin) or b""
    sizes = []
    for line in output.splitlines():
        header = line.split()
        sizes.append(int(header[2]) if len(header) == 3 and header[1] == b"blob" else -1)
    if len(sizes) != len(named):
        sizes = [-1] * len(named)
    found = iter(sizes)
    return [next(found) if obj else -1 for obj in objects]


def git_top(cwd: Path, *, need_git: bool = True) -> Path | None:
    """Return the top folder of the git work tree around ``cwd`` (links resolved), if any."""
    output = run_git(cwd, "rev-parse", "--show-toplevel", need_git=need_git)
    if output is None:
        return None
    return Path(output.decode("utf-8", "surrogateescape").strip()).resolve()


def run_git(
    cwd: Path,
    *args: str,
    stdin: bytes | None = None,
    need_git: bool = True,
    literal: bool = True,
) -> bytes | None:
    """Run a git command that only reads; return its output, ``None`` if it failed.

    Paths are read literally unless ``literal=False`` (for patterns such as
    ``*.md``). Without git installed, raise :class:`UsageError`, or with
    ``need_git=False`` return ``None``.
    """
    env = {**os.environ, "GIT_OPTIONAL_LOCKS": "0"}
    env["GIT_LITERAL_PATHSPECS"] = "1" if literal else "0"
    try:
        completed = subprocess.run(
            ["git", *args],
            cwd=cwd,
            input=stdin,
            capture_output=True,
            env=env,
            check=False,
            stdin=None if stdin is not None else subprocess.DEVNULL,
        )
    except FileNotFoundError:
        if not need_git:
            return None
        raise UsageError(
            "git is not installed: reading a revision or git's index needs it"
        ) from None
    return completed.stdout if completed.returncode == 0 else None


def printable(name: str) -> str:
    """Return a path read from git as messages show it: bytes that are not UTF-8 escaped."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _tree_entries(listing: bytes | None) -> list[TreeEntry]:
    """Parse ``git ls-tree -z``: ``<mode> <kind> <object>`` and a tab before each path."""
    entries = []
    for record in (listing or b"").split(b"\0"):
        if not record:
            continue
        meta, _, path = record.partition(b"\t")
        mode, kind, obj = meta.decode("ascii").split()
        entries.append(TreeEntry(PurePosixPath(os.fsdecode(path)), mode, kind, obj))
    return entries


def _index_entries(listing: bytes | None) -> list[TreeEntry]:
    """Parse ``git ls-files -s -z``: ``<mode> <object> <stage>`` and a tab before each path.

    Stage 0 only: a path in a merge conflict has no content a commit can hold
    yet (git refuses the commit until it is resolved).
    """
    entries = []
    for record in (listing or b"").split(b"\0"):
        if not record:
            continue
        meta, _, path = record.partition(b"\t")
        mode, obj, stage = meta.decode("ascii").split()
        if stage != "0":
            continue
        kind = {"160000": "commit", "040000": "tree"}.get(mode, "blob")
        entries.append(TreeEntry(PurePosixPath(os.fsdecode(path)), mode, kind, obj))
    return entries
