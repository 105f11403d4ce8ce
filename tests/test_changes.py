"""Rules for changes: `pscatalog diff OLD NEW --check` (D001-D004)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import SHIPPED_CATALOG
from pscatalog.catalog.model import load_catalog
from pscatalog.checks.changes import check_changes
from pscatalog.checks.config import Config
from pscatalog.cli.main import cli

Edit = tuple[str, str, str]
"""(file name, old text, new text): one replacement in a copy of the shipped catalog."""


def edited(tmp_path: Path, name: str, edits: list[Edit]) -> Path:
    folder = tmp_path / name
    shutil.copytree(SHIPPED_CATALOG, folder)
    for file, old, new in edits:
        path = folder / file
        text = path.read_text(encoding="utf-8")
        assert old in text, (file, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder


def line_of(folder: Path, file: str, text: str) -> int:
    lines = (folder / file).read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)


def found(old: Path, new: Path) -> list[tuple[str, str, int, int]]:
    diagnostics = check_changes(load_catalog(old), load_catalog(new), Config())
    return [
        (d.code, Path(d.location.file).name, d.location.line, d.location.column)
        for d in diagnostics
    ]


ASYNC_TO_COMPLETE: Edit = (
    "education.yaml",
    "    maturity: minimal\n    summary: Self-paced",
    "    maturity: complete\n    summary: Self-paced",
)


def test_no_change_no_finding(tmp_path: Path) -> None:
    """Two identical catalogs break no rule."""
    assert found(SHIPPED_CATALOG, edited(tmp_path, "new", [])) == []


def test_two_step_jump_without_evidence_is_d001(tmp_path: Path) -> None:
    """Minimal -> complete with the evidence untouched is D001 at the new maturity."""
    new = edited(tmp_path, "new", [ASYNC_TO_COMPLETE])
    line = line_of(new, "education.yaml", ["maturity: complete", "    summary: Self-paced"][0])
    assert ("D001", "education.yaml", line, 15) in found(SHIPPED_CATALOG, new)


def test_one_step_or_new_evidence_passes(tmp_path: Path) -> None:
    """One step up is fine; so are two steps when the evidence changes in the same change."""
    one_step = (
        ASYNC_TO_COMPLETE[0],
        ASYNC_TO_COMPLETE[1],
        ASYNC_TO_COMPLETE[1].replace("minimal", "viable"),
    )
    assert [c for c, *_ in found(SHIPPED_CATALOG, edited(tmp_path, "a", [one_step]))] == []
    with_evidence = (
        "education.yaml",
        "    maturity: minimal\n    summary: Self-paced",
        "    maturity: complete\n    evidence:\n      deliveries: 3\n    summary: Self-paced",
    )
    assert [c for c, *_ in found(SHIPPED_CATALOG, edited(tmp_path, "b", [with_evidence]))] == []


def test_demotion_needs_a_reason(tmp_path: Path) -> None:
    """Complete -> viable is D002 unless a maturity_reason is written in the same change."""
    demote = ("integration.yaml", "maturity: complete", "maturity: viable")
    new = edited(tmp_path, "new", [demote])
    assert found(SHIPPED_CATALOG, new) == [
        ("D002", "integration.yaml", line_of(new, "integration.yaml", "maturity: viable"), 15)
    ]
    explained = (
        "integration.yaml",
        "maturity: complete",
        "maturity: viable\n    maturity_reason: Two late deliveries this quarter.",
    )
    assert found(SHIPPED_CATALOG, edited(tmp_path, "b", [explained])) == []


def test_renamed_sku_must_be_retired_first(tmp_path: Path) -> None:
    """A SKU renamed without `retired: true` in the old version is D003 at the new SKU."""
    rename = ("education.yaml", "sku: GL-BAS-R", "sku: GL-BAS-REMOTE")
    new = edited(tmp_path, "new", [rename])
    assert found(SHIPPED_CATALOG, new) == [
        ("D003", "education.yaml", line_of(new, "education.yaml", "GL-BAS-REMOTE"), 14)
    ]
    old = edited(
        tmp_path,
        "old",
        [("education.yaml", "sku: GL-BAS-R\n", "sku: GL-BAS-R\n        retired: true\n")],
    )
    assert found(old, edited(tmp_path, "new2", [rename])) == []


def test_deleted_offering_with_sku_is_d004_in_the_old_file(tmp_path: Path) -> None:
    """Deleting a sold offering is D004, reported where it was in the old version."""
    text = (SHIPPED_CATALOG / "integration.yaml").read_text(encoding="utf-8")
    start = text.index("  - id: jenkins")
    new = edited(tmp_path, "new", [("integration.yaml", text[start:], "")])
    old_line = line_of(SHIPPED_CATALOG, "integration.yaml", "- id: jenkins")
    assert found(SHIPPED_CATALOG, new) == [("D004", "integration.yaml", old_line, 9)]


def test_configuration_applies_and_a_change_cannot_suppress_its_own_check(
    tmp_path: Path,
) -> None:
    """`ignore` silences a change rule; a suppression comment the change adds does not."""
    jump = (
        ASYNC_TO_COMPLETE[0],
        ASYNC_TO_COMPLETE[1],
        ASYNC_TO_COMPLETE[2].replace(
            "maturity: complete",
            "maturity: complete  # pscatalog: ignore[D001] audited by the practice lead",
        ),
    )
    assert found(SHIPPED_CATALOG, edited(tmp_path, "a", [jump])) == [
        ("D001", "education.yaml", 66, 15)
    ]
    new = edited(tmp_path, "b", [ASYNC_TO_COMPLETE])
    assert (
        check_changes(load_catalog(SHIPPED_CATALOG), load_catalog(new), Config(ignore=("D",))) == []
    )


def test_cli_check_between_folders_reports_and_exits_1(tmp_path: Path) -> None:
    """`diff --check` prints the findings like validate and exits 1; reports are written."""
    new = edited(tmp_path, "new", [ASYNC_TO_COMPLETE])
    report = tmp_path / "cq.json"
    result = CliRunner().invoke(
        cli,
        [
            "diff",
            str(SHIPPED_CATALOG),
            str(new),
            "--check",
            "--output-format",
            "concise",
            "--report",
            f"gitlab:{report}",
        ],
    )
    assert result.exit_code == 1
    [line] = result.stdout.splitlines()
    assert line.endswith(
        "error D001 'asynchronous-elearning' rises from 'minimal' to 'complete' (2 steps) "
        "with no new evidence"
    )
    assert '"check_name": "D001"' in report.read_text(encoding="utf-8")


def git(cwd: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Practice Manager",
        "GIT_AUTHOR_EMAIL": "pm@handbook.invalid",
        "GIT_COMMITTER_NAME": "Practice Manager",
        "GIT_COMMITTER_EMAIL": "pm@handbook.invalid",
    }
    return subprocess.run(
        ["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True
    ).stdout


def test_check_between_two_git_revisions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Between two commits: a two-step jump (D001) and a renamed SKU (D003) are flagged."""
    repo = tmp_path / "handbook"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    shutil.copytree(SHIPPED_CATALOG, repo / "catalog")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "catalog")
    for file, old, new in (
        ASYNC_TO_COMPLETE,
        ("education.yaml", "sku: GL-BAS-R", "sku: GL-BAS-REMOTE"),
    ):
        path = repo / "catalog" / file
        path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "promote and rename")
    monkeypatch.chdir(repo)
    result = CliRunner().invoke(
        cli, ["diff", "HEAD~1", "HEAD", "--check", "--output-format", "concise"]
    )
    assert result.exit_code == 1
    codes = [(line.split()[2], line.split(":")[1]) for line in result.stdout.splitlines()]
    assert [code for code, _ in codes] == ["D003", "D001"]
    assert all(line.startswith("catalog/education.yaml:") for line in result.stdout.splitlines())
