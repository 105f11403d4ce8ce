"""Where people meet pscatalog: the real pre-commit, and the CI template run by gitlab-ci-local.

These tests install pscatalog from this repository's last commit (pre-commit clones it at
its revision), so they need the package registry, and take tens of seconds.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import venv
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from conftest import REPO, SHIPPED_CATALOG

GIT_IDENTITY = {
    "GIT_AUTHOR_NAME": "Handbook Maintainer",
    "GIT_AUTHOR_EMAIL": "maintainer@handbook.invalid",
    "GIT_COMMITTER_NAME": "Handbook Maintainer",
    "GIT_COMMITTER_EMAIL": "maintainer@handbook.invalid",
}


def git(
    cwd: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, text=True, env=env, check=False
    )


def this_revision() -> str:
    """The commit of this repository that the hooks are installed from."""
    result = git(REPO, "rev-parse", "HEAD")
    if result.returncode != 0:
        pytest.skip("this checkout is not a git repository")
    return result.stdout.strip()


def handbook(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A handbook repository holding a copy of the shipped catalog, committed."""
    root = tmp_path / "handbook"
    root.mkdir()
    env = {**os.environ, **GIT_IDENTITY}
    git(root, "init", "-q", "-b", "main", env=env)
    shutil.copytree(SHIPPED_CATALOG, root / "catalog")
    shutil.copytree(REPO / "schema", root / "schema")
    return root, env


def break_maturity(root: Path) -> None:
    """Write JIRA's maturity in capitals (catalog/integration.yaml)."""
    path = root / "catalog" / "integration.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("maturity: complete", "maturity: Complete", 1), encoding="utf-8")


def broken_line(root: Path) -> int:
    lines = (root / "catalog" / "integration.yaml").read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if "maturity: Complete" in line)


def test_pre_commit_hook_passes_a_clean_commit_and_refuses_a_broken_one(tmp_path: Path) -> None:
    """With the real pre-commit, a clean catalog commits; a broken one is refused at file:line."""
    revision = this_revision()
    root, env = handbook(tmp_path)
    env["PRE_COMMIT_HOME"] = str(tmp_path / "pre-commit-cache")
    (root / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {REPO}\n    rev: {revision}\n    hooks:\n      - id: pscatalog-validate\n",
        encoding="utf-8",
    )
    pre_commit = [sys.executable, "-m", "pre_commit"]
    assert subprocess.run([*pre_commit, "install"], cwd=root, env=env, check=False).returncode == 0
    git(root, "add", "-A", env=env)
    clean = git(root, "commit", "-q", "-m", "Add the catalog", env=env)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "pscatalog validate" in clean.stdout + clean.stderr

    break_maturity(root)
    git(root, "add", "-A", env=env)
    refused = git(root, "commit", "-q", "-m", "Capitalise a maturity", env=env)
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0
    line = broken_line(root)
    assert f"catalog/integration.yaml:{line}:15: error C004 maturity 'Complete'" in output
    assert git(root, "log", "--oneline", env=env).stdout.count("\n") == 1


def test_hook_definition_matches_catalog_files_only() -> None:
    """The hook's `files:` pattern takes the top catalog's YAML files and nothing else."""
    hooks = {hook["id"]: hook for hook in YAML(typ="safe").load(REPO / ".pre-commit-hooks.yaml")}
    pattern = re.compile(hooks["pscatalog-validate"]["files"])
    for path in ("catalog/jira.yaml", "catalog/levels.yml"):
        assert pattern.search(path), path
    for path in (
        "data/catalog/products.yaml",
        "handbook/catalog/x.yaml",
        "catalog/README.md",
        "catalog/sub/x.yaml",
        "schema/category.schema.json",
        "catalogs/x.yaml",
    ):
        assert not pattern.search(path), path


def test_ci_template_is_valid_gitlab_ci() -> None:
    """The template passes GitLab's CI schema (as vendored by check-jsonschema)."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            "--builtin-schema",
            "vendor.gitlab-ci",
            str(REPO / "ci" / "pscatalog.gitlab-ci.yml"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="module")
def job_python(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A virtual environment whose `python` the shell-executed job uses."""
    if shutil.which("gitlab-ci-local") is None or shutil.which("rsync") is None:
        if os.environ.get("CI"):
            pytest.fail("CI must install gitlab-ci-local and rsync (see .ci/run)")
        pytest.skip("gitlab-ci-local or rsync is not installed")
    folder = tmp_path_factory.mktemp("job-venv")
    venv.create(folder, with_pip=True)
    return folder / "bin"


def run_template(tmp_path: Path, bin_folder: Path, *, broken: bool) -> tuple[int, str, Path]:
    """Include the template in a handbook repository and run its job in the shell."""
    root, env = handbook(tmp_path)
    shutil.copy(REPO / "ci" / "pscatalog.gitlab-ci.yml", root / "pscatalog.gitlab-ci.yml")
    (root / ".gitlab-ci.yml").write_text(
        "include:\n  - local: pscatalog.gitlab-ci.yml\n"
        f'variables:\n  PSCATALOG_PIP_SPEC: "{REPO}"\n',
        encoding="utf-8",
    )
    if broken:
        break_maturity(root)
    git(root, "add", "-A", env=env)
    git(root, "commit", "-q", "-m", "Catalog", env=env)
    env["PATH"] = f"{bin_folder}{os.pathsep}{env['PATH']}"
    result = subprocess.run(
        [
            "gitlab-ci-local",
            "--shell-executor-no-image",
            "--force-shell-executor",
            "pscatalog-validate",
        ],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    artifacts = root / ".gitlab-ci-local" / "artifacts" / "pscatalog-validate"
    return result.returncode, result.stdout + result.stderr, artifacts


def test_ci_template_job_passes_on_a_clean_catalog(tmp_path: Path, job_python: Path) -> None:
    """The included job installs pscatalog, passes, and leaves empty reports."""
    code, output, artifacts = run_template(tmp_path, job_python, broken=False)
    assert code == 0, output
    assert "No problems found in 7 files." in output
    assert json.loads((artifacts / "pscatalog-code-quality.json").read_text(encoding="utf-8")) == []
    suite = ET.parse(artifacts / "pscatalog-junit.xml").getroot()
    assert suite.iter("testcase").__next__() is not None
    assert not list(suite.iter("failure"))


def test_ci_template_job_fails_on_a_broken_catalog(tmp_path: Path, job_python: Path) -> None:
    """The job fails on a broken catalog and still leaves both reports, naming the fault."""
    code, output, artifacts = run_template(tmp_path, job_python, broken=True)
    assert code != 0
    assert "error C004 maturity 'Complete'" in output
    issues = json.loads((artifacts / "pscatalog-code-quality.json").read_text(encoding="utf-8"))
    assert [(i["check_name"], i["location"]["path"], i["severity"]) for i in issues] == [
        ("C004", "catalog/integration.yaml", "major")
    ]
    failures = list(ET.parse(artifacts / "pscatalog-junit.xml").getroot().iter("failure"))
    assert len(failures) == 1
    assert "C004" in (failures[0].text or "")


def test_ci_template_changes_job_flags_a_two_step_jump(tmp_path: Path, job_python: Path) -> None:
    """In a merge request, the changes job fails on a two-step maturity jump, with its report."""
    root, env = handbook(tmp_path)
    shutil.copy(REPO / "ci" / "pscatalog.gitlab-ci.yml", root / "pscatalog.gitlab-ci.yml")
    (root / ".gitlab-ci.yml").write_text(
        "include:\n  - local: pscatalog.gitlab-ci.yml\n"
        f'variables:\n  PSCATALOG_PIP_SPEC: "{REPO}"\n',
        encoding="utf-8",
    )
    git(root, "add", "-A", env=env)
    git(root, "commit", "-q", "-m", "Catalog", env=env)
    base = git(root, "rev-parse", "HEAD", env=env).stdout.strip()
    education = root / "catalog" / "education.yaml"
    education.write_text(
        education.read_text(encoding="utf-8").replace("maturity: minimal", "maturity: complete", 1),
        encoding="utf-8",
    )
    git(root, "commit", "-q", "-am", "Promote eLearning", env=env)
    env["PATH"] = f"{job_python}{os.pathsep}{env['PATH']}"
    result = subprocess.run(
        [
            "gitlab-ci-local",
            "--shell-executor-no-image",
            "--force-shell-executor",
            "--variable",
            "CI_PIPELINE_SOURCE=merge_request_event",
            "--variable",
            f"CI_MERGE_REQUEST_DIFF_BASE_SHA={base}",
            "pscatalog-changes",
        ],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "error D001 'asynchronous-elearning' rises from 'minimal' to 'complete'" in output
    artifacts = root / ".gitlab-ci-local" / "artifacts" / "pscatalog-changes"
    issues = json.loads(
        (artifacts / "pscatalog-changes-code-quality.json").read_text(encoding="utf-8")
    )
    assert [issue["check_name"] for issue in issues] == ["D001"]
    summary = (artifacts / "pscatalog-diff.md").read_text(encoding="utf-8")
    assert "Asynchronous eLearning" in summary
