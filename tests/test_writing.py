"""Safe writes: atomic, permissions kept, links written through, never out of the repository."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pscatalog.files.writer import UnsafeWrite, write_atomically


def test_write_replaces_and_keeps_permissions(tmp_path: Path) -> None:
    """The file gets the new text and keeps its mode; no temporary file is left."""
    path = tmp_path / "x.yaml"
    path.write_text("old\n", encoding="utf-8")
    path.chmod(0o640)
    write_atomically(path, "new\n")
    assert path.read_text(encoding="utf-8") == "new\n"
    assert path.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.yaml"]


def test_failed_replace_leaves_the_original_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If the final step fails, the original is intact and the temporary file is gone."""
    path = tmp_path / "x.yaml"
    path.write_text("old\n", encoding="utf-8")

    def broken(source: str, destination: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(OSError, match="No space left"):
        write_atomically(path, "new\n")
    assert path.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.yaml"]


def test_link_inside_the_repository_is_written_through(tmp_path: Path) -> None:
    """A link to a file in the same repository stays a link; its target gets the text."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "shared").mkdir()
    target = tmp_path / "shared" / "x.yaml"
    target.write_text("old\n", encoding="utf-8")
    (tmp_path / "catalog").mkdir()
    link = tmp_path / "catalog" / "x.yaml"
    link.symlink_to("../shared/x.yaml")
    write_atomically(link, "new\n")
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8") == "new\n"


def test_link_out_of_the_repository_is_refused(tmp_path: Path) -> None:
    """A link leading outside the repository is not written, and its target is untouched."""
    outside = tmp_path / "outside.yaml"
    outside.write_text("keep\n", encoding="utf-8")
    repository = tmp_path / "handbook"
    (repository / ".git").mkdir(parents=True)
    link = repository / "x.yaml"
    link.symlink_to(outside)
    with pytest.raises(UnsafeWrite, match="leads outside"):
        write_atomically(link, "new\n")
    assert outside.read_text(encoding="utf-8") == "keep\n"


def test_link_can_be_replaced_instead_of_followed(tmp_path: Path) -> None:
    """With follow_links=False the link becomes a file and its target is untouched."""
    outside = tmp_path / "outside.yaml"
    outside.write_text("keep\n", encoding="utf-8")
    (tmp_path / "out").mkdir()
    link = tmp_path / "out" / "x.yaml"
    link.symlink_to(outside)
    write_atomically(link, "new\n", follow_links=False)
    assert not link.is_symlink()
    assert link.read_text(encoding="utf-8") == "new\n"
    assert outside.read_text(encoding="utf-8") == "keep\n"
