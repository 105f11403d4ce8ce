"""Safe writes: atomic, permissions kept, links written through, never out of the repository."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pscatalog.files.writer import UnsafeWrite, WriteRefused, write_atomically


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


# -- what is refused, and why


def _refusal(path: Path, text: str, **options: object) -> WriteRefused:
    with pytest.raises(WriteRefused) as caught:
        write_atomically(path, text, **options)  # type: ignore[arg-type]
    return caught.value


def test_a_file_created_while_pscatalog_worked_is_refused(tmp_path: Path) -> None:
    """previous=None means the file did not exist: one that exists now is left alone."""
    path = tmp_path / "x.yaml"
    path.write_text("theirs\n", encoding="utf-8")
    refused = _refusal(path, "mine\n", previous=None)
    assert (refused.path, refused.reason) == (path, "it was created while pscatalog worked")
    assert str(refused) == (
        f"refusing to write {path}: it was created while pscatalog worked; "
        "the file is left as it was"
    )
    assert path.read_text(encoding="utf-8") == "theirs\n"


def test_a_new_file_is_written_when_none_was_expected(tmp_path: Path) -> None:
    """previous=None and still no file: it is written."""
    path = tmp_path / "x.yaml"
    write_atomically(path, "é\n", previous=None)
    assert path.read_bytes() == "é\n".encode()


def test_a_file_as_it_was_read_is_replaced(tmp_path: Path) -> None:
    """The text read before (non-ASCII too) is still there: the write goes ahead."""
    path = tmp_path / "x.yaml"
    path.write_text("name: Zürich\n", encoding="utf-8")
    write_atomically(path, "name: Genève\n", previous="name: Zürich\n")
    assert path.read_text(encoding="utf-8") == "name: Genève\n"


def test_a_file_that_changed_is_refused_with_its_name_and_reason(tmp_path: Path) -> None:
    """A file whose text is no longer the one read is refused, named, and left as it is."""
    path = tmp_path / "x.yaml"
    path.write_text("id: b\n", encoding="utf-8")
    refused = _refusal(path, "id: c\n", previous="id: a\n")
    assert (refused.path, refused.reason) == (path, "it changed on disk since pscatalog read it")
    assert path.read_text(encoding="utf-8") == "id: b\n"


def test_a_target_that_is_not_a_regular_file_is_refused(tmp_path: Path) -> None:
    """A folder (or a pipe) where the file should be is refused, whether or not it was read."""
    path = tmp_path / "x.yaml"
    path.mkdir()
    refused = _refusal(path, "id: a\n")
    assert (refused.path, refused.reason) == (path, "it is not a regular file")
    refused = _refusal(path, "id: a\n", previous="id: a\n")
    assert (refused.path, refused.reason) == (path, "it changed on disk since pscatalog read it")
    pipe = tmp_path / "pipe.yaml"
    os.mkfifo(pipe)
    assert _refusal(pipe, "id: a\n").reason == "it is not a regular file"
    assert path.is_dir()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe.yaml", "x.yaml"]


# -- how the new text gets there


def test_the_temporary_file_is_hidden_beside_the_target(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The text goes to '.NAME.<random>.tmp' in the target's folder, then replaces it."""
    path = tmp_path / "x.yaml"
    path.write_text("old\n", encoding="utf-8")
    moves: list[tuple[str, str, bytes]] = []
    replace = os.replace

    def spy(source: str, destination: str) -> None:
        moves.append((source, destination, Path(source).read_bytes()))
        replace(source, destination)

    monkeypatch.setattr(os, "replace", spy)
    write_atomically(path, "new\n")
    [(source, destination, written)] = moves
    assert Path(destination) == path
    assert Path(source).parent == tmp_path
    assert Path(source).name.startswith(".x.yaml.")
    assert Path(source).name.endswith(".tmp")
    assert written == b"new\n"


def test_a_file_owned_by_someone_else_keeps_its_owner(tmp_path: Path) -> None:
    """Run as root, the replacement gets the existing file's owner and group."""
    if os.geteuid() != 0:
        pytest.skip("only root can give a file to another owner")
    path = tmp_path / "x.yaml"
    path.write_text("old\n", encoding="utf-8")
    os.chown(path, 4321, 4322)
    inode = path.stat().st_ino
    write_atomically(path, "new\n")
    status = path.stat()
    assert (status.st_uid, status.st_gid) == (4321, 4322)
    assert status.st_ino != inode  # replaced, not written in place
    assert path.read_text(encoding="utf-8") == "new\n"


def test_a_file_whose_owner_cannot_be_kept_is_written_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where the replacement could not have the file's owner, the file itself is rewritten."""
    path = tmp_path / "x.yaml"
    path.write_text("a much longer old text\n", encoding="utf-8")
    inode = path.stat().st_ino
    status = path.stat()
    owner = (status.st_uid + 1, status.st_gid + 1)

    def stat_as_if_owned(target: object, *args: object, **kwargs: object) -> os.stat_result:
        found = real_stat(target, *args, **kwargs)  # type: ignore[arg-type]
        if Path(str(target)) == path:
            values = list(found)
            values[4:6] = owner
            return os.stat_result(values)
        return found

    def refuse(*args: object) -> None:
        raise PermissionError(1, "Operation not permitted")

    real_stat = os.stat
    monkeypatch.setattr(os, "stat", stat_as_if_owned)
    monkeypatch.setattr(os, "chown", refuse)
    write_atomically(path, "new\n")
    monkeypatch.undo()
    assert path.stat().st_ino == inode
    assert path.read_text(encoding="utf-8") == "new\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.yaml"]


def test_a_file_with_the_same_owner_is_replaced_without_changing_owners(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The replacement already has the owner: no chown is tried, the file is replaced."""
    path = tmp_path / "x.yaml"
    path.write_text("old\n", encoding="utf-8")
    inode = path.stat().st_ino

    def refuse(*args: object) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "chown", refuse)
    write_atomically(path, "new\n")
    assert path.stat().st_ino != inode
    assert path.read_text(encoding="utf-8") == "new\n"


def test_a_folder_that_cannot_be_flushed_does_not_stop_the_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Flushing the folder's entry is best effort: a file system that refuses it still gets the file."""
    path = tmp_path / "x.yaml"
    path.write_text("old\n", encoding="utf-8")
    real_open = os.open

    def no_folders(name: object, flags: int, *args: object, **kwargs: object) -> int:
        if Path(str(name)).is_dir():
            raise OSError(22, "Invalid argument")
        return real_open(name, flags, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", no_folders)
    write_atomically(path, "new\n")
    assert path.read_text(encoding="utf-8") == "new\n"


def test_a_failed_write_removes_its_temporary_even_if_that_fails_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The write's own error is what is raised, whatever happens to the temporary file."""
    path = tmp_path / "x.yaml"
    path.write_text("old\n", encoding="utf-8")

    def full(*args: object) -> None:
        raise OSError(28, "No space left on device")

    def stuck(*args: object) -> None:
        raise OSError(16, "Device or resource busy")

    monkeypatch.setattr(os, "fsync", full)
    monkeypatch.setattr(os, "unlink", stuck)
    with pytest.raises(OSError, match="No space left"):
        write_atomically(path, "new\n")
    monkeypatch.undo()
    assert path.read_text(encoding="utf-8") == "old\n"
