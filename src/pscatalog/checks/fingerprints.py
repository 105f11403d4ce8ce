"""Where a report names a file, and the fingerprint that identifies a finding.

The ``gitlab`` and ``sarif`` reports share these, so that a finding carries
the same identity in both. A fingerprint hashes the file's path from the
repository's top folder, the code and the JSON pointer of the finding, never
its line: a finding keeps its fingerprint when unrelated lines move, and CI
tools do not show it as fixed and new again.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path, PurePath

from pscatalog.diagnostics import Diagnostic
from pscatalog.files.repository import repository_root as _top_folder


def repository_root() -> Path | None:
    """Return the top folder of the git work tree around the current folder, if any."""
    return _top_folder(Path.cwd())


def repository_path(file: str, root: Path | None) -> str:
    """Return ``file`` (relative to the current folder) relative to ``root``, with ``/``.

    Outside a git work tree (``root`` is ``None``) the path stays relative to
    the current folder.
    """
    if root is None:
        return PurePath(file).as_posix()
    # git names its top folder with symbolic links resolved; so does getcwd().
    absolute = os.path.join(os.getcwd(), file)
    try:
        relative = os.path.relpath(absolute, os.path.realpath(root))
    except ValueError:  # another drive on Windows
        return PurePath(file).as_posix()
    return PurePath(relative).as_posix()


def fingerprints(diagnostics: Sequence[Diagnostic], paths: Sequence[str]) -> list[str]:
    """Return the fingerprint of each diagnostic, ``paths`` being their repository paths.

    A fingerprint is the hex SHA-256 of the JSON array ``[path, code,
    pointer]`` written in UTF-8. When those three repeat in one report (two
    duplicate keys in one file, say), the second appends occurrence number 1
    to the array, the third 2, and so on, so that every fingerprint in a
    report is distinct and the first keeps the fingerprint it has alone.
    """
    import hashlib  # imported here for the same reason as subprocess above

    seen: dict[tuple[str, str, str], int] = {}
    result = []
    for diagnostic, path in zip(diagnostics, paths, strict=True):
        identity = (path, diagnostic.code, diagnostic.location.pointer)
        occurrence = seen.get(identity, 0)
        seen[identity] = occurrence + 1
        parts: list[str | int] = [*identity, occurrence] if occurrence else [*identity]
        # A JSON array keeps the parts apart whatever characters they hold.
        text = json.dumps(parts, ensure_ascii=False)
        # A lone surrogate (a name that is not UTF-8) is hashed as it is, never a crash.
        result.append(hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest())
    return result
