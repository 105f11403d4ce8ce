"""The CI template's hardening, run for real by gitlab-ci-local in the shell.

Nothing a merge request holds, and no variable an including project sets, can turn into an
option, a glob or a folder standing in for a revision; a missing value fails the job.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

from conftest import REPO
from test_integration import break_maturity, git, handbook, job_python

__all__ = ["job_python"]  # the fixture, shared with test_integration

TEMPLATE = REPO / "ci" / "pscatalog.gitlab-ci.yml"


def including_project(tmp_path: Path, *, pip_spec: str | None) -> tuple[Path, dict[str, str]]:
    """A handbook repository whose .gitlab-ci.yml includes the template (committed)."""
    root, env = handbook(tmp_path)
    shutil.copy(TEMPLATE, root / "pscatalog.gitlab-ci.yml")
    variables = f'variables:\n  PSCATALOG_PIP_SPEC: "{pip_spec}"\n' if pip_spec else ""
    (root / ".gitlab-ci.yml").write_text(
        "include:\n  - local: pscatalog.gitlab-ci.yml\n" + variables, encoding="utf-8"
    )
    return root, env


def commit(root: Path, env: dict[str, str], message: str) -> str:
    git(root, "add", "-A", env=env)
    git(root, "commit", "-q", "-m", message, env=env)
    return git(root, "rev-parse", "HEAD", env=env).stdout.strip()


def run_job(
    root: Path, env: dict[str, str], bin_folder: Path, job: str, **variables: str
) -> tuple[int, str]:
    """Run one job of the template in the shell; return its exit code and output."""
    args = ["gitlab-ci-local", "--shell-executor-no-image", "--force-shell-executor"]
    for name, value in variables.items():
        args += ["--variable", f"{name}={value}"]
    result = subprocess.run(
        [*args, job],
        cwd=root,
        env={**env, "PATH": f"{bin_folder}{os.pathsep}{env['PATH']}"},
        capture_output=True,
        text=True,
        check=False,
    )
    return result.returncode, result.stdout + result.stderr


def test_template_has_no_default_package_and_says_what_to_set(
    tmp_path: Path, job_python: Path
) -> None:
    """Without PSCATALOG_PIP_SPEC the job installs nothing and fails with what to set."""
    root, env = including_project(tmp_path, pip_spec=None)
    commit(root, env, "Catalog")
    code, output = run_job(root, env, job_python, "pscatalog-validate")
    assert code != 0
    assert "pscatalog: set PSCATALOG_PIP_SPEC to a pinned install of pscatalog" in output
    assert "git+https://gitlab.com/pscatalog/pscatalog.git@v0.1.0" in output


def test_path_variable_holding_an_option_is_refused_and_nothing_is_edited(
    tmp_path: Path, job_python: Path
) -> None:
    """PSCATALOG_PATHS="--fix catalog" is refused; the fixable file stays byte for byte."""
    root, env = including_project(tmp_path, pip_spec=str(REPO))
    break_maturity(root)
    commit(root, env, "Catalog with a capitalised maturity")
    before = (root / "catalog" / "integration.yaml").read_bytes()
    code, output = run_job(
        root, env, job_python, "pscatalog-validate", PSCATALOG_PATHS="--fix catalog"
    )
    assert code != 0
    assert "a line of them starts with '-', like an option: refused" in output
    assert (root / "catalog" / "integration.yaml").read_bytes() == before
    assert git(root, "status", "--porcelain", "--", "catalog", env=env).stdout == ""


def test_paths_are_never_split_on_spaces(tmp_path: Path, job_python: Path) -> None:
    """A catalog folder named with a space is one path; the job passes on it."""
    root, env = including_project(tmp_path, pip_spec=str(REPO))
    shutil.move(root / "catalog", root / "the catalog")
    commit(root, env, "Catalog in a folder with a space")
    code, output = run_job(
        root, env, job_python, "pscatalog-validate", PSCATALOG_PATHS="the catalog"
    )
    assert code == 0, output
    assert "No problems found in 7 files." in output


def test_changes_job_fails_closed_without_a_base(tmp_path: Path, job_python: Path) -> None:
    """An empty base commit never compares against the work tree: the job fails."""
    root, env = including_project(tmp_path, pip_spec=str(REPO))
    commit(root, env, "Catalog")
    code, output = run_job(
        root,
        env,
        job_python,
        "pscatalog-changes",
        CI_PIPELINE_SOURCE="merge_request_event",
        CI_MERGE_REQUEST_DIFF_BASE_SHA="",
    )
    assert code != 0
    assert "pscatalog: the merge request's base and head must be commit ids; got ''" in output


def test_changes_job_fails_closed_on_a_folder_named_like_the_base(
    tmp_path: Path, job_python: Path
) -> None:
    """The issue's bypass: a committed folder named after the base, holding the old catalog."""
    root, env = including_project(tmp_path, pip_spec=str(REPO))
    base = commit(root, env, "Catalog")
    shutil.copytree(root / "catalog", root / base)
    integration = root / "catalog" / "integration.yaml"
    text = integration.read_text(encoding="utf-8")
    integration.write_text(
        text[: text.index("  - id: jira\n")] + text[text.index("  - id: jenkins\n") :],
        encoding="utf-8",
    )
    commit(root, env, "Delete JIRA, keep a copy of the old catalog")
    code, output = run_job(
        root,
        env,
        job_python,
        "pscatalog-changes",
        CI_PIPELINE_SOURCE="merge_request_event",
        CI_MERGE_REQUEST_DIFF_BASE_SHA=base,
    )
    assert code != 0
    assert f"pscatalog: error: '{base}' is both a folder and a git revision" in output
    assert "No changes to the catalog" not in output


def test_changes_job_writes_its_reports_when_the_merge_request_breaks_the_yaml(
    tmp_path: Path, job_python: Path
) -> None:
    """NEW with a syntax error: the job fails, and both reports hold the error at NEW's line."""
    root, env = including_project(tmp_path, pip_spec=str(REPO))
    base = commit(root, env, "Catalog")
    dedicated = root / "catalog" / "dedicated.yaml"
    text = dedicated.read_text(encoding="utf-8")
    dedicated.write_text(text + "extra: [unclosed\n", encoding="utf-8")
    line = len(text.splitlines()) + 1
    commit(root, env, "Break the YAML")
    code, output = run_job(
        root,
        env,
        job_python,
        "pscatalog-changes",
        CI_PIPELINE_SOURCE="merge_request_event",
        CI_MERGE_REQUEST_DIFF_BASE_SHA=base,
    )
    assert code != 0, output
    assert f"catalog/dedicated.yaml:{line}:17: error Y001 " in output
    assert "has YAML or schema errors; the rules for changes need them fixed" in output
    artifacts = root / ".gitlab-ci-local" / "artifacts" / "pscatalog-changes"
    issues = json.loads(
        (artifacts / "pscatalog-changes-code-quality.json").read_text(encoding="utf-8")
    )
    assert [(i["check_name"], i["location"]) for i in issues] == [
        ("Y001", {"path": "catalog/dedicated.yaml", "lines": {"begin": line}})
    ]
    suite = ET.parse(artifacts / "pscatalog-changes-junit.xml").getroot()
    [failed] = [case for case in suite.iter("testcase") if case.find("failure") is not None]
    assert failed.get("name") == "catalog/dedicated.yaml"
    assert (failed.findtext("failure") or "").startswith(f"catalog/dedicated.yaml:{line}:17: Y001 ")
