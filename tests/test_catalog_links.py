"""Links in a catalog folder: read when they stay in the repository, reported when not."""

from __future__ import annotations

import os
import re
from pathlib import Path

from helpers import findings, write_catalog
from pscatalog.checks.checker import validate


def test_link_outside_the_repository_is_not_read(tmp_path: Path) -> None:
    """A catalog file linking out of the repository is Y008 and its content never shown."""
    secret = tmp_path / "secret.yaml"
    secret.write_text("password: hunter2\n", encoding="utf-8")
    repository = tmp_path / "handbook"
    (repository / ".git").mkdir(parents=True)
    root = write_catalog(repository / "catalog", {})
    (root / "leak.yaml").symlink_to(secret)
    result = validate([root])
    assert [(d.code, Path(d.location.file).name, d.location.line) for d in result.diagnostics] == [
        ("Y008", "leak.yaml", 1)
    ]
    assert result.diagnostics[0].message == (
        "is a link to a file outside the repository; it is not read"
    )
    assert "hunter2" not in repr(result.catalogs[0].documents)


def test_link_inside_the_repository_is_read(tmp_path: Path) -> None:
    """A link to a file elsewhere in the same repository is read like the file."""
    repository = tmp_path / "handbook"
    (repository / ".git").mkdir(parents=True)
    shared = repository / "shared"
    shared.mkdir()
    (shared / "x.yaml").write_text(
        "id: more\nname: More\nlevel: product\nofferings:\n"
        "  - id: more\n    name: More\n    maturity: Planned\n    variants:\n      - id: custom\n",
        encoding="utf-8",
    )
    root = write_catalog(repository / "catalog", {})
    os.symlink("../shared/x.yaml", root / "x.yaml")
    assert findings(root) == [("C004", "x.yaml", 7, 15)]


def test_link_loop_is_reported(tmp_path: Path) -> None:
    """A link that points at itself is Y008, and the other files are still checked."""
    root = write_catalog(tmp_path / "catalog", {"x.yaml": "id: x\n"})
    (root / "loop.yaml").symlink_to(root / "loop.yaml")
    assert findings(root) == [("Y008", "loop.yaml", 1, 1), ("S002", "x.yaml", 1, 1)]


def test_fmt_reports_a_link_loop_and_formats_the_rest(tmp_path: Path) -> None:
    """``fmt`` on a folder with a looping link: Y008 for it, the other files formatted."""
    from click.testing import CliRunner

    from pscatalog.cli.main import cli

    repository = tmp_path / "handbook"
    (repository / ".git").mkdir(parents=True)
    root = write_catalog(repository / "catalog", {"x.yaml": "id:   x\n"})
    (root / "loop.yaml").symlink_to("loop.yaml")
    for args in (["fmt", str(root)], ["fmt", str(root / "loop.yaml")]):
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 1, result.output
        [shown] = re.findall(
            r"^(.*):1:1: error Y008 is a link that loops; it is not read$", result.output, re.M
        )
        # Named from the current folder, wherever the test runs.
        assert os.path.abspath(shown) == str(root / "loop.yaml")
    assert (root / "x.yaml").read_text(encoding="utf-8") == "id: x\n"
