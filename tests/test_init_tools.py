"""`pscatalog init` with the real tools: git, pre-commit, yamllint, gitlab-ci-local.

pre-commit installs pscatalog from this repository's last commit, so these tests need the
package registry and take tens of seconds.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO
from pscatalog.tools.init import Source
from test_ci_template import run_job as run_template_job
from test_integration import GIT_IDENTITY, git, job_python, this_revision

__all__ = ["job_python"]  # the fixture, shared with test_integration


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One pre-commit cache for the module: pscatalog's hook environment is built once."""
    return tmp_path_factory.mktemp("pre-commit-cache")


def repository(tmp_path: Path, files: dict[str, str]) -> tuple[Path, dict[str, str]]:
    root = tmp_path / "handbook"
    root.mkdir(exist_ok=True)
    env = {**os.environ, **GIT_IDENTITY}
    git(root, "init", "-q", "-b", "main", env=env)
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")
    return root, env


def init(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pscatalog", "init", *args],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )


def pre_commit_all_files(root: Path, env: dict[str, str], home: Path) -> str:
    git(root, "add", "-A", env=env)
    result = subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--all-files"],
        cwd=root,
        env={**env, "PRE_COMMIT_HOME": str(home)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def validate_config(root: Path, env: dict[str, str], said: str = "") -> None:
    """`pre-commit validate-config` accepts the configuration init wrote or edited.

    ``said``: what it says of the handbook's own keys, which init keeps.
    """
    result = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-config", ".pre-commit-config.yaml"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode, result.stdout + result.stderr) == (0, said)


def yamllint(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "yamllint", "--strict", "-f", "parsable", *args],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )


def test_init_in_an_empty_repository_passes_pre_commit_and_yamllint(
    tmp_path: Path, pre_commit_home: Path
) -> None:
    """From nothing: every hook passes on every file, yamllint too; a second init changes nothing."""
    revision = this_revision()
    root, env = repository(tmp_path, {})
    result = init(root, "--repository", str(REPO), "--rev", revision)
    assert result.returncode == 0, result.stdout + result.stderr
    validate_config(root, env)
    output = pre_commit_all_files(root, env, pre_commit_home)
    for hook in ("pscatalog validate", "pscatalog fmt", "pscatalog render --check"):
        assert any(line.startswith(hook) and line.endswith("Passed") for line in output.split("\n"))
    linted = yamllint(root, ".")
    assert (linted.returncode, linted.stdout) == (0, "")
    git(root, "commit", "-q", "-m", "pscatalog init", env=env)
    again = init(root, "--repository", str(REPO), "--rev", revision, "-q")
    assert (again.returncode, again.stdout, again.stderr) == (0, "", "")
    assert git(root, "status", "--porcelain", env=env).stdout == ""


EXISTING = {
    ".pre-commit-config.yaml": """\
---
# The handbook's hooks.
x-yaml-files: &yaml-files
  types: [yaml]
repos:
  - repo: local  # checks of our own
    hooks:
      - id: no-tabs
        name: no tabs in YAML
        entry: "\\t"
        language: pygrep
        <<: *yaml-files
""",
    ".gitlab-ci.yml": """\
---
include: 'ci/pages.yml'  # the site's jobs
""",
    "ci/pages.yml": """\
---
pages:
  stage: deploy
  script:
    - echo building the site
""",
    ".yamllint": """\
---
extends: default
rules:
  line-length:
    # generated files
    ignore: |
      /vendor/
""",
}


def test_init_on_existing_files_keeps_them_working(tmp_path: Path, pre_commit_home: Path) -> None:
    """Existing hooks, CI and yamllint settings gain pscatalog's; the handbook's still run."""
    revision = this_revision()
    (tmp_path / "handbook" / "ci").mkdir(parents=True)
    root, env = repository(tmp_path, EXISTING)
    result = init(root, "--repository", str(REPO), "--rev", revision)
    assert result.returncode == 0, result.stdout + result.stderr
    validate_config(root, env, "[WARNING] Unexpected key(s) present at root: x-yaml-files\n")
    output = pre_commit_all_files(root, env, pre_commit_home)
    assert any(line.startswith("no tabs in YAML") for line in output.split("\n"))
    linted = yamllint(root, ".")
    assert (linted.returncode, linted.stdout) == (0, "")
    # The default 80 columns: the CI include's URL passes as one word.
    assert (root / ".yamllint").read_text(encoding="utf-8") == EXISTING[".yamllint"].replace(
        "      /vendor/\n",
        "      /vendor/\n      /catalog/\n    allow-non-breakable-inline-mappings: true\n",
    ) + (
        "  document-start:\n    ignore:\n      - /catalog/\n"
        "  new-lines:\n    ignore:\n      - /catalog/\n"
        "  comments:\n    ignore:\n      - /catalog/\n"
    )
    git(root, "commit", "-q", "-m", "pscatalog init", env=env)
    assert init(root, "--repository", str(REPO), "--rev", revision).returncode == 0
    assert git(root, "status", "--porcelain", env=env).stdout == ""


def test_gitlab_ci_local_lists_the_job_init_includes(tmp_path: Path) -> None:
    """The CI file init writes, with the template it names, is a pipeline GitLab would run."""
    if shutil.which("gitlab-ci-local") is None:
        if os.environ.get("CI"):
            pytest.fail("CI must install gitlab-ci-local (see .ci/run)")
        pytest.skip("gitlab-ci-local is not installed")
    (tmp_path / "handbook" / "ci").mkdir(parents=True)
    files = {name: EXISTING[name] for name in (".gitlab-ci.yml", "ci/pages.yml")}
    root, env = repository(tmp_path, files)
    assert init(root).returncode == 0
    # The include is fetched from its URL once; the cache holds this checkout's template.
    cached = root / ".gitlab-ci-local" / "includes" / Source().template_url.removeprefix("https://")
    cached.parent.mkdir(parents=True)
    shutil.copy(REPO / "ci" / "pscatalog.gitlab-ci.yml", cached)
    git(root, "add", "-A", env=env)
    git(root, "commit", "-q", "-m", "CI", env=env)
    listed = subprocess.run(
        ["gitlab-ci-local", "--list"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert listed.returncode == 0, listed.stdout + listed.stderr
    jobs = [line.split()[0] for line in listed.stdout.splitlines()[-2:]]
    assert sorted(jobs) == ["pages", "pscatalog-validate"]


def test_gitlab_ci_file_passes_the_ci_schema(tmp_path: Path) -> None:
    """The .gitlab-ci.yml init writes passes GitLab's CI schema (vendored by check-jsonschema)."""
    root, _ = repository(tmp_path, {})
    assert init(root).returncode == 0
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            "--builtin-schema",
            "vendor.gitlab-ci",
            str(root / ".gitlab-ci.yml"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_configuration_listing_some_hooks_gets_the_others_and_they_run(
    tmp_path: Path, pre_commit_home: Path
) -> None:
    """Validate and fmt listed: render-check and the change check are added, and all run.

    The render check then catches a stale page that the configuration as it was let through.
    """
    revision = this_revision()
    hooks = (
        f"repos:\n  - repo: {REPO}\n    rev: {revision}\n    hooks:\n"
        "      - id: pscatalog-validate\n      - id: pscatalog-format\n"
    )
    root, env = repository(tmp_path, {".pre-commit-config.yaml": hooks})
    result = init(root, "--repository", str(REPO), "--rev", revision)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (
        "updated .pre-commit-config.yaml: pscatalog-render-check, pscatalog-changes added; "
        "default_install_hook_types set\n"
    ) in result.stdout
    assert (root / ".pre-commit-config.yaml").read_text(encoding="utf-8") == hooks + (
        "      - id: pscatalog-render-check\n      - id: pscatalog-changes\n"
        "default_install_hook_types:\n  - pre-commit\n  - pre-push\n"
    )
    validate_config(root, env)
    output = pre_commit_all_files(root, env, pre_commit_home)
    assert "pscatalog render --check" in output
    (root / "catalog.md").write_text(
        "# The catalog\n\n<!-- pscatalog:begin catalog -->\n<!-- pscatalog:end -->\n",
        encoding="utf-8",
    )
    git(root, "add", "catalog.md", env=env)
    hook = subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "pscatalog-render-check"],
        cwd=root,
        env={**env, "PRE_COMMIT_HOME": str(pre_commit_home)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert hook.returncode == 1, hook.stdout + hook.stderr
    assert "catalog.md: stale region" in hook.stdout


def test_a_ci_file_ending_in_variables_is_edited_and_gitlab_reads_it(tmp_path: Path) -> None:
    """The finding's CI file: the job and pscatalog's, listed by gitlab-ci-local; GitLab's schema.

    A local clone as the repository: the template is copied and included as `local:`.
    """
    if shutil.which("gitlab-ci-local") is None:
        if os.environ.get("CI"):
            pytest.fail("CI must install gitlab-ci-local (see .ci/run)")
        pytest.skip("gitlab-ci-local is not installed")
    revision = this_revision()
    text = "job:\n  script: [echo building]\nvariables:\n  FOO: bar\n"
    root, env = repository(tmp_path, {".gitlab-ci.yml": text})
    result = init(root, "--repository", str(REPO), "--rev", revision)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (root / ".gitlab-ci.yml").read_text(encoding="utf-8") == text + (
        f"  PSCATALOG_PIP_SPEC: git+{REPO.as_uri()}@{revision}\n"
        "include:\n  - local: ci/pscatalog.gitlab-ci.yml\n"
    )
    git(root, "add", "-A", env=env)
    git(root, "commit", "-q", "-m", "CI", env=env)
    listed = subprocess.run(
        ["gitlab-ci-local", "--list"], cwd=root, env=env, capture_output=True, text=True
    )
    assert listed.returncode == 0, listed.stdout + listed.stderr
    jobs = [line.split()[0] for line in listed.stdout.splitlines()[-2:]]
    assert sorted(jobs) == ["job", "pscatalog-validate"]
    schema = subprocess.run(
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            "--builtin-schema",
            "vendor.gitlab-ci",
            str(root / ".gitlab-ci.yml"),
            str(root / "ci" / "pscatalog.gitlab-ci.yml"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert schema.returncode == 0, schema.stdout + schema.stderr
    assert init(root, "--repository", str(REPO), "--rev", revision).returncode == 0
    changed = git(root, "status", "--porcelain", "--", ".", ":!.gitlab-ci-local", env=env)
    assert changed.stdout == ""


def test_the_ci_job_init_sets_up_runs_for_real(tmp_path: Path, job_python: Path) -> None:
    """gitlab-ci-local runs the job init set up: it passes on init's catalog, fails on a broken one.

    The job installs pscatalog from the local clone at the revision init pinned, with the
    template init copied, and leaves its Code Quality and JUnit reports.
    """
    revision = this_revision()
    root, env = repository(tmp_path, {})
    result = init(root, "--repository", str(REPO), "--rev", revision)
    assert result.returncode == 0, result.stdout + result.stderr
    git(root, "add", "-A", env=env)
    git(root, "commit", "-q", "-m", "pscatalog init", env=env)
    code, output = run_template_job(root, env, job_python, "pscatalog-validate")
    assert code == 0, output
    assert "No problems found in 4 files." in output
    assert (root / "pscatalog-code-quality.json").read_text(encoding="utf-8") == "[]\n"
    path = root / "catalog" / "education.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("maturity: planned", "maturity: Planned"),
        encoding="utf-8",
    )
    git(root, "commit", "-q", "-am", "a capital", env=env)
    code, output = run_template_job(root, env, job_python, "pscatalog-validate")
    assert code != 0
    assert "catalog/education.yaml:8:15: error C004 maturity 'Planned' must be written in " in (
        output
    )


OWN_YAMLLINT = (
    "---\nextends: default\nrules:\n  line-length:\n    ignore:\n      - /data/offerings/\n"
)


def test_a_configured_catalog_folder_is_where_init_writes_and_what_the_hooks_check(
    tmp_path: Path, pre_commit_home: Path
) -> None:
    """A configured data/offerings: the catalog goes there, and the hooks and yamllint follow.

    No catalog/ is written; the page renders the configured catalog; a second init finds it
    and writes nothing; the hooks refuse a fault committed there.
    """
    revision = this_revision()
    root, env = repository(
        tmp_path, {"pscatalog.toml": 'catalog = "data/offerings"\n', ".yamllint": OWN_YAMLLINT}
    )
    result = init(root, "--repository", str(REPO), "--rev", revision)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "created data/offerings/levels.yaml\n" in result.stdout
    assert not (root / "catalog").exists()
    levels = (root / "data" / "offerings" / "levels.yaml").read_text(encoding="utf-8")
    assert levels.startswith("# yaml-language-server: $schema=../../schema/levels.schema.json\n")
    assert "rendered from the catalog (`data/offerings/`)" in (root / "services.md").read_text(
        encoding="utf-8"
    )
    assert (root / ".yamllint").read_text(encoding="utf-8") == OWN_YAMLLINT + (
        "    allow-non-breakable-inline-mappings: true\n"
        "  document-start:\n    ignore:\n      - /data/offerings/\n"
        "  new-lines:\n    ignore:\n      - /data/offerings/\n"
        "  comments:\n    ignore:\n      - /data/offerings/\n"
    )
    hooks = (root / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    assert "      - id: pscatalog-format\n        files: ^data/offerings/[^/]+\\.ya?ml$\n" in hooks
    validate_config(root, env)
    output = pre_commit_all_files(root, env, pre_commit_home)
    for hook in ("pscatalog validate", "pscatalog fmt", "pscatalog render --check"):
        assert any(line.startswith(hook) and line.endswith("Passed") for line in output.split("\n"))
    linted = yamllint(root, ".")
    assert (linted.returncode, linted.stdout) == (0, "")
    git(root, "commit", "-q", "-m", "pscatalog init", env=env)
    again = init(root, "--repository", str(REPO), "--rev", revision)
    assert again.returncode == 0, again.stdout + again.stderr
    assert (
        "unchanged data/offerings/: it holds 4 catalog files; init never writes into a catalog\n"
    ) in again.stdout
    assert git(root, "status", "--porcelain", env=env).stdout == ""
    # The hooks check that folder: a fault committed there is refused, at its place.
    path = root / "data" / "offerings" / "education.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("maturity: planned", "maturity: Planned"),
        encoding="utf-8",
    )
    git(root, "add", "-A", env=env)
    commit = subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--all-files"],
        cwd=root,
        env={**env, "PRE_COMMIT_HOME": str(pre_commit_home)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert commit.returncode == 1
    assert "data/offerings/education.yaml:8:15: error C004 maturity 'Planned'" in commit.stdout


STAGED_CI = (
    "# the handbook's own pipeline\nstages: [lint, build]  # in this order\n\n"
    "lint-pages:\n  stage: lint\n  script:\n    - echo lint\n"
)


def test_stages_without_test_get_it_and_gitlab_ci_local_runs_the_pipeline(
    tmp_path: Path, job_python: Path
) -> None:
    """A stages: list without test gets it, comments kept; gitlab-ci-local runs the pipeline.

    It lists the handbook's job and pscatalog's, and runs pscatalog's for real.
    """
    if shutil.which("gitlab-ci-local") is None:
        if os.environ.get("CI"):
            pytest.fail("CI must install gitlab-ci-local (see .ci/run)")
        pytest.skip("gitlab-ci-local is not installed")
    revision = this_revision()
    root, env = repository(tmp_path, {".gitlab-ci.yml": STAGED_CI})
    result = init(root, "--repository", str(REPO), "--rev", revision)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (
        "updated .gitlab-ci.yml: pscatalog's template included; test added to stages:, the "
        "stage of the template's jobs; PSCATALOG_PIP_SPEC set\n"
    ) in result.stdout
    text = (root / ".gitlab-ci.yml").read_text(encoding="utf-8")
    assert text.startswith(
        "# the handbook's own pipeline\nstages: [lint, build, test]  # in this order\n"
    )
    git(root, "add", "-A", env=env)
    git(root, "commit", "-q", "-m", "pscatalog init", env=env)
    listed = subprocess.run(
        ["gitlab-ci-local", "--list"], cwd=root, env=env, capture_output=True, text=True
    )
    assert listed.returncode == 0, listed.stdout + listed.stderr
    lines = listed.stdout.splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("name "))
    column = lines[header].index("stage")
    jobs = {line.split()[0]: line[column:].split()[0] for line in lines[header + 1 :]}
    assert jobs == {"lint-pages": "lint", "pscatalog-validate": "test"}
    code, output = run_template_job(root, env, job_python, "pscatalog-validate")
    assert code == 0, output
    assert "No problems found in 4 files." in output
