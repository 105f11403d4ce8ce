"""Y008 unreadable-file: each file that is not read says why, at its first line."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from helpers import write_catalog
from pscatalog.checks.checker import validate
from pscatalog.diagnostics import Diagnostic, Location, Severity


@pytest.fixture
def repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git work tree (a .git folder) with a catalog, run from its top."""
    top = tmp_path / "handbook"
    (top / ".git").mkdir(parents=True)
    write_catalog(top / "catalog", {})
    monkeypatch.chdir(top)
    return top


def _y008(name: str, message: str, hint: str | None = None) -> Diagnostic:
    return Diagnostic("Y008", Severity.ERROR, message, Location(f"catalog/{name}", 1, 1), hint)


def test_a_link_out_of_the_repository(repository: Path) -> None:
    """A catalog file that is a link to a file outside the repository is not read."""
    outside = repository.parent / "secret.yaml"
    outside.write_text("id: x\n", encoding="utf-8")
    (repository / "catalog" / "leak.yaml").symlink_to(outside)
    assert validate(["catalog"]).diagnostics == [
        _y008(
            "leak.yaml",
            "is a link to a file outside the repository; it is not read",
            "replace the link with the file itself",
        )
    ]


def test_a_link_that_loops(repository: Path) -> None:
    """A link to itself (through another) is not read either, and says it loops."""
    catalog = repository / "catalog"
    (catalog / "a.yaml").symlink_to(catalog / "b.yaml")
    (catalog / "b.yaml").symlink_to(catalog / "a.yaml")
    assert validate(["catalog"]).diagnostics == [
        _y008(name, "is a link that loops; it is not read", "replace the link with the file itself")
        for name in ("a.yaml", "b.yaml")
    ]


def test_a_pipe(repository: Path) -> None:
    """A pipe named like a catalog file is not read."""
    catalog = repository / "catalog"
    os.mkfifo(catalog / "pipe.yaml")
    assert validate(["catalog"]).diagnostics == [
        _y008("pipe.yaml", "is not a regular file (a pipe or a device)")
    ]
