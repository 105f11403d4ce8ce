"""`diff --check` reports land on the merge request's lines, with the real git.

GitLab shows a Code Quality finding on a merge request's line when the path is the file's
path in the repository and the line is the line of the new revision. Every report format
must say so, whatever the work tree holds at the time.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import REPO, SHIPPED_CATALOG
from pscatalog.cli.main import cli

FORMATS = ("gitlab", "junit", "sarif", "github", "json")


def git(root: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=root, check=True, capture_output=True, text=True
    ).stdout


@pytest.fixture
def promoted(in_tmp: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, int]:
    """Two commits: the shipped catalog, then eLearning promoted two steps (D001).

    The work tree then gains three lines above the offering, not committed: the new
    revision's line of the maturity, not the work tree's, is what the reports must give.
    Returns the base commit and that line.
    """
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(in_tmp.parent))
    for name in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{name}_NAME", "Practice Manager")
        monkeypatch.setenv(f"GIT_{name}_EMAIL", "pm@handbook.invalid")
    git(in_tmp, "init", "-q", "-b", "main")
    shutil.copytree(SHIPPED_CATALOG, in_tmp / "catalog")
    shutil.copytree(REPO / "schema", in_tmp / "schema")
    git(in_tmp, "add", "-A")
    git(in_tmp, "commit", "-q", "-m", "The catalog")
    base = git(in_tmp, "rev-parse", "HEAD").strip()
    path = in_tmp / "catalog" / "education.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("maturity: minimal", "maturity: complete", 1), encoding="utf-8")
    git(in_tmp, "commit", "-q", "-am", "Promote eLearning")
    committed = git(in_tmp, "show", "HEAD:catalog/education.yaml").splitlines()
    start = next(i for i, line in enumerate(committed) if "asynchronous-elearning" in line)
    line = next(i for i, text in enumerate(committed[start:], start + 1) if "maturity:" in text)
    path.write_text("# one\n# two\n# three\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    return base, line


def test_every_report_names_the_work_tree_path_and_the_new_line(
    promoted: tuple[str, int], in_tmp: Path
) -> None:
    """gitlab, junit, sarif, github and json: catalog/education.yaml at the line of HEAD."""
    base, line = promoted
    args = ["diff", base, "HEAD", "--check", "--output-format", "concise"]
    for name in FORMATS:
        args += ["--report", f"{name}:report.{name}"]
    result = CliRunner().invoke(cli, args)
    message = (
        "'asynchronous-elearning' rises from 'minimal' to 'complete' (2 steps) with no new evidence"
    )
    assert result.exit_code == 1
    assert result.stdout == f"catalog/education.yaml:{line}:15: error D001 {message}\n"
    [issue] = json.loads(Path("report.gitlab").read_text(encoding="utf-8"))
    assert (issue["check_name"], issue["location"]) == (
        "D001",
        {"path": "catalog/education.yaml", "lines": {"begin": line}},
    )
    cases = list(ET.parse("report.junit").getroot().iter("testcase"))
    failed = [case for case in cases if case.find("failure") is not None]
    assert [(case.get("name"), case.get("file")) for case in failed] == [
        ("catalog/education.yaml", "catalog/education.yaml")
    ]
    assert all(":" not in (case.get("file") or "") for case in cases)
    [found] = json.loads(Path("report.sarif").read_text(encoding="utf-8"))["runs"][0]["results"]
    place = found["locations"][0]["physicalLocation"]
    assert place == {
        "artifactLocation": {"uri": "catalog/education.yaml", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": line, "startColumn": 15},
    }
    assert Path("report.github").read_text(encoding="utf-8") == (
        f"::error file=catalog/education.yaml,line={line},col=15,title=D001::{message}"
        "%0Ahint: raise it one step, to 'viable', or record the evidence for 'complete' in the "
        "same change\n"
    )
    [diagnostic] = json.loads(Path("report.json").read_text(encoding="utf-8"))["diagnostics"]
    assert (diagnostic["file"], diagnostic["line"], diagnostic["column"]) == (
        "catalog/education.yaml",
        line,
        15,
    )
    for name in ("gitlab", "sarif", "json", "junit"):
        assert "HEAD:" not in Path(f"report.{name}").read_text(encoding="utf-8"), name


def test_reports_from_a_sub_folder_still_name_paths_from_the_top(
    promoted: tuple[str, int], in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Run from catalog/, GitLab's path and SARIF's URI still start at the repository's top."""
    base, line = promoted
    monkeypatch.chdir(in_tmp / "catalog")
    args = ["diff", base, "HEAD", "--check", "--report", "gitlab:../cq.json"]
    assert CliRunner().invoke(cli, [*args, "--report", "sarif:../out.sarif"]).exit_code == 1
    [issue] = json.loads((in_tmp / "cq.json").read_text(encoding="utf-8"))
    assert issue["location"] == {"path": "catalog/education.yaml", "lines": {"begin": line}}
    [found] = json.loads((in_tmp / "out.sarif").read_text(encoding="utf-8"))["runs"][0]["results"]
    assert found["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == (
        "catalog/education.yaml"
    )
