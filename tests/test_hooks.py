"""The hooks as a handbook uses them: the real pre-commit and git, in temporary repositories.

Each handbook repository holds a copy of the shipped catalog and installs this checkout's
hooks at its last commit, as the README shows (pre-commit clones the revision). The hook
environment is built once, in a pre-commit home shared by the tests of this module.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, SHIPPED_CATALOG

GIT_IDENTITY = {
    "GIT_AUTHOR_NAME": "Handbook Maintainer",
    "GIT_AUTHOR_EMAIL": "maintainer@handbook.invalid",
    "GIT_COMMITTER_NAME": "Handbook Maintainer",
    "GIT_COMMITTER_EMAIL": "maintainer@handbook.invalid",
}
HEADLINE = re.compile(r"^\S+:\d+:\d+: (?:error|warning|info) [A-Z]\d{3} .*$", re.MULTILINE)
PSCATALOG = [sys.executable, "-c", "from pscatalog.cli.main import main; main()"]


class Handbook:
    """A handbook repository with the shipped catalog and this checkout's hooks."""

    def __init__(self, root: Path, env: dict[str, str]) -> None:
        self.root = root
        self.env = env

    def git(self, *args: str) -> subprocess.CompletedProcess[str]:
        """Run git in the repository."""
        return subprocess.run(
            ["git", *args], cwd=self.root, env=self.env, capture_output=True, text=True, check=False
        )

    def commit(self, message: str, *, verify: bool = True) -> tuple[int, str]:
        """Commit what is staged; return git's exit code and what the hooks printed."""
        flags = [] if verify else ["--no-verify"]
        done = self.git("commit", "-q", *flags, "-m", message)
        return done.returncode, done.stdout + done.stderr

    def commits(self) -> int:
        """How many commits the branch holds."""
        return int(self.git("rev-list", "--count", "HEAD").stdout.strip() or 0)

    def path(self, name: str) -> Path:
        """A path in the repository."""
        return self.root / name

    def edit(self, name: str, old: str, new: str, count: int = 1) -> None:
        """Replace text in a file of the repository (it must be there)."""
        path = self.path(name)
        text = path.read_text(encoding="utf-8")
        assert old in text, (name, old)
        path.write_text(text.replace(old, new, count), encoding="utf-8")

    def line(self, name: str, text: str, after: str | None = None) -> int:
        """Return the 1-based line of the first line of ``name`` holding ``text`` (after ``after``)."""
        lines = self.path(name).read_text(encoding="utf-8").splitlines()
        start = next(i for i, line in enumerate(lines) if after in line) if after else 0
        return next(i for i, line in enumerate(lines[start:], start + 1) if text in line)

    def pscatalog(self, *args: str) -> subprocess.CompletedProcess[str]:
        """Run this checkout's pscatalog in the repository."""
        return subprocess.run(
            [*PSCATALOG, *args],
            cwd=self.root,
            env=self.env,
            capture_output=True,
            text=True,
            check=False,
        )


@pytest.fixture(scope="module")
def revision() -> str:
    """The commit of this checkout the hooks are installed from."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    found = subprocess.run(["git", "rev-parse", "HEAD"], cwd=REPO, capture_output=True, text=True)
    if found.returncode != 0:
        pytest.skip("this checkout is not a git repository")
    return found.stdout.strip()


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One pre-commit home for the module: the hooks' environment is built once."""
    return tmp_path_factory.mktemp("pre-commit-home")


def make_handbook(
    root: Path, revision: str, home: Path, hooks: str, *, autoupdate: bool = False
) -> Handbook:
    """Create the repository, write its .pre-commit-config.yaml, install the hooks.

    As the README says: both hook types installed by default, and with ``autoupdate``
    the revision written by ``pre-commit autoupdate --bleeding-edge`` in place of a
    placeholder (no release is tagged).
    """
    root.mkdir()
    env = {**os.environ, **GIT_IDENTITY, "PRE_COMMIT_HOME": str(home)}
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        env.pop(name, None)
    book = Handbook(root, env)
    book.git("init", "-q", "-b", "main")
    shutil.copytree(SHIPPED_CATALOG, root / "catalog")
    shutil.copytree(REPO / "schema", root / "schema")
    rev = "COMMIT  # a commit of pscatalog" if autoupdate else revision
    config = root / ".pre-commit-config.yaml"
    config.write_text(
        "default_install_hook_types: [pre-commit, pre-push]\n"
        f"repos:\n  - repo: {REPO}\n    rev: {rev}\n    hooks:\n{hooks}",
        encoding="utf-8",
    )
    commands = [["install"]]
    if autoupdate:
        commands.append(["autoupdate", "--bleeding-edge", "--repo", str(REPO)])
    for command in commands:
        done = subprocess.run(
            [sys.executable, "-m", "pre_commit", *command],
            cwd=root,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stdout + done.stderr
    if autoupdate:
        assert f"    rev: {revision}  # a commit of pscatalog\n" in config.read_text("utf-8")
    assert (root / ".git" / "hooks" / "pre-push").is_file()
    return book


ALL_HOOKS = (
    "      - id: pscatalog-validate\n"
    "      - id: pscatalog-format\n"
    "      - id: pscatalog-render-check\n"
    "      - id: pscatalog-changes\n"
)


@pytest.fixture
def book(tmp_path: Path, revision: str, pre_commit_home: Path) -> Handbook:
    """A handbook with every hook at its defaults, its catalog committed through them."""
    handbook = make_handbook(
        tmp_path / "handbook", revision, pre_commit_home, ALL_HOOKS, autoupdate=True
    )
    (handbook.root / "README.md").write_text("# The handbook\n", encoding="utf-8")
    handbook.git("add", "-A")
    code, output = handbook.commit("Add the catalog")
    assert code == 0, output
    assert "pscatalog validate" in output
    return handbook


def headlines(output: str) -> list[str]:
    """The findings' first lines, ``file:line:column: severity CODE message``, in order."""
    return HEADLINE.findall(output)


def test_every_hook_passes_an_unrelated_commit_with_its_defaults(book: Handbook) -> None:
    """A commit that changes a page without a region and no catalog file passes every hook."""
    (book.root / "README.md").write_text("# The handbook\n\nSee the services page.\n", "utf-8")
    (book.root / "notes.md").write_text("A page without <!-- a region -->.\n", "utf-8")
    book.git("add", "-A")
    code, output = book.commit("Edit the README")
    assert code == 0, output
    assert re.search(r"pscatalog validate\.+Passed", output)
    assert re.search(r"pscatalog render --check\.+Passed", output)
    assert book.commits() == 2


def test_deleting_a_category_file_is_checked_against_the_whole_catalog(book: Handbook) -> None:
    """`git rm` of the only Adoption category: refused with C203 in the unchanged levels.yaml."""
    book.git("rm", "-q", "catalog/education.yaml")
    code, output = book.commit("Drop education")
    assert code == 1
    line = book.line("catalog/levels.yaml", "id: adoption")
    assert headlines(output) == [
        f"catalog/levels.yaml:{line}:9: error C203 level 'adoption' has no category"
    ]
    assert "Found 1 error in 2 files.\n" in output
    assert book.commits() == 1


def test_renaming_a_level_shows_the_categories_that_name_the_old_id(book: Handbook) -> None:
    """levels.yaml committed alone: C203 there, and C201 in every unchanged category naming it."""
    book.edit("catalog/levels.yaml", "id: product", "id: platform")
    book.git("add", "catalog/levels.yaml")
    code, output = book.commit("Rename the Product level")
    assert code == 1
    expected = [
        f"catalog/{name}:{book.line(f'catalog/{name}', 'level: product')}:8: error C201 "
        "level 'product' is not defined in the levels file"
        for name in ("implementation.yaml", "integration.yaml")
    ]
    expected.append(
        f"catalog/levels.yaml:{book.line('catalog/levels.yaml', 'id: platform')}:9: error C203 "
        "level 'platform' has no category"
    )
    expected.append(
        f"catalog/migration.yaml:{book.line('catalog/migration.yaml', 'level: product')}:8: "
        "error C201 level 'product' is not defined in the levels file"
    )
    assert headlines(output) == expected
    assert "Found 4 errors in 4 files.\n" in output
    assert book.commits() == 1


def test_moving_a_category_to_another_level_shows_the_level_it_left(book: Handbook) -> None:
    """education.yaml moved to Transformation: Adoption, in levels.yaml, has no category left."""
    book.edit("catalog/education.yaml", "level: adoption", "level: transformation")
    book.git("add", "catalog/education.yaml")
    code, output = book.commit("Move education")
    assert code == 1
    line = book.line("catalog/levels.yaml", "id: adoption")
    assert headlines(output) == [
        f"catalog/levels.yaml:{line}:9: error C203 level 'adoption' has no category"
    ]
    assert book.commits() == 1


def test_a_duplicate_id_added_in_the_first_file_is_blamed_there(book: Handbook) -> None:
    """A new offering reusing 'jira' in dedicated.yaml (first by name) is reported there."""
    path = book.path("catalog/dedicated.yaml")
    path.write_text(
        path.read_text(encoding="utf-8")
        + "\n  - id: jira\n    name: Embedded Jira engineer\n    maturity: planned\n"
        "    variants:\n      - id: custom\n",
        encoding="utf-8",
    )
    book.git("add", "catalog/dedicated.yaml")
    code, output = book.commit("Add an offering")
    assert code == 1
    added = book.line("catalog/dedicated.yaml", "- id: jira")
    first = book.line("catalog/integration.yaml", "- id: jira")
    assert headlines(output) == [
        f"catalog/dedicated.yaml:{added}:9: error C103 offering id 'jira' is already used"
    ]
    assert f"   = catalog/integration.yaml:{first}:9: already used here\n" in output
    assert book.commits() == 1


def test_an_offering_inserted_above_baselined_findings_makes_none_new(
    tmp_path: Path, revision: str, pre_commit_home: Path
) -> None:
    """With a baseline, inserting an offering above recorded findings commits; a renamed id does not."""
    hooks = (
        "      - id: pscatalog-validate\n"
        "        args: [--baseline, pscatalog-baseline.json]\n"
        "      - id: pscatalog-format\n"
    )
    book = make_handbook(tmp_path / "handbook", revision, pre_commit_home, hooks)
    book.edit("catalog/integration.yaml", "maturity: complete", "maturity: Complete", count=3)
    recorded = book.pscatalog("baseline")
    assert recorded.stdout == "Recorded 3 findings in pscatalog-baseline.json.\n"
    book.git("add", "-A")
    code, output = book.commit("Import the catalog")
    assert code == 0, output
    book.edit(
        "catalog/integration.yaml",
        "offerings:\n",
        "offerings:\n  - id: github-sync\n    name: GitHub synchronisation\n"
        "    maturity: planned\n    variants:\n      - id: custom\n\n",
    )
    book.git("add", "catalog/integration.yaml")
    code, output = book.commit("Add an offering at the top")
    assert code == 0, output
    book.edit("catalog/integration.yaml", "- id: jira", "- id: jira-cloud")
    book.git("add", "catalog/integration.yaml")
    code, output = book.commit("Rename an offering")
    assert code == 1
    line = book.line("catalog/integration.yaml", "maturity: Complete", after="- id: jira-cloud")
    assert headlines(output) == [
        f"catalog/integration.yaml:{line}:15: error C004 maturity 'Complete' must be written "
        "in lowercase",
        "pscatalog-baseline.json:5:5: info N004 baseline entry C004 in "
        "catalog/integration.yaml (/offerings/[jira]/maturity) no longer occurs",
    ]
    assert book.commits() == 2


def test_the_render_check_leaves_pages_without_a_region_and_follows_the_catalog(
    book: Handbook,
) -> None:
    """A page with a region is re-checked when the catalog changes, or loses a file."""
    page = book.path("handbook/services.md")
    page.parent.mkdir()
    page.write_text(
        "# Services\n\n<!-- pscatalog:begin categories -->\n<!-- pscatalog:end -->\n", "utf-8"
    )
    assert book.pscatalog("render", "--write", "handbook/services.md").returncode == 0
    book.git("add", "-A")
    code, output = book.commit("Add the services page")
    assert code == 0, output
    book.edit("catalog/integration.yaml", "name: JIRA", "name: Jira Software")
    book.git("add", "catalog/integration.yaml")
    code, output = book.commit("Rename Jira")
    assert code == 1
    assert re.search(r"pscatalog render --check\.+Failed", output)
    assert "handbook/services.md: stale region 'categories' at line 3\n" in output
    book.git("reset", "-q", "--hard")
    book.git("rm", "-q", "catalog/expert.yaml")
    code, output = book.commit("Drop the expert category")
    assert code == 1
    assert "handbook/services.md: stale region 'categories' at line 3\n" in output
    assert book.commits() == 2


def test_the_pre_push_hook_catches_a_two_step_jump_before_ci(
    tmp_path: Path, revision: str, pre_commit_home: Path
) -> None:
    """pscatalog-changes compares the push with the branch it will merge into."""
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True)
    book = make_handbook(
        tmp_path / "handbook",
        revision,
        pre_commit_home,
        "      - id: pscatalog-changes\n",
    )
    book.git("remote", "add", "origin", str(remote))
    book.git("add", "-A")
    assert book.commit("Add the catalog")[0] == 0
    first = book.git("push", "-q", "origin", "main")
    assert first.returncode == 0, first.stdout + first.stderr
    assert re.search(r"pscatalog diff --check\.+Passed", first.stdout + first.stderr)
    book.git("switch", "-q", "-c", "promote")
    book.edit("catalog/education.yaml", "maturity: minimal", "maturity: complete")
    book.git("commit", "-q", "-am", "Promote eLearning")
    pushed = book.git("push", "-q", "origin", "promote")
    assert pushed.returncode == 1
    line = book.line("catalog/education.yaml", "maturity: complete", after="asynchronous-elearning")
    assert headlines(pushed.stdout + pushed.stderr) == [
        f"catalog/education.yaml:{line}:15: error D001 'asynchronous-elearning' rises from "
        "'minimal' to 'complete' (2 steps) with no new evidence"
    ]
    assert book.git("ls-remote", "--heads", str(remote), "promote").stdout == ""
    book.edit("catalog/education.yaml", "maturity: complete", "maturity: viable")
    book.git("commit", "-q", "-am", "One step at a time")
    pushed = book.git("push", "-q", "origin", "promote")
    assert pushed.returncode == 0, pushed.stdout + pushed.stderr
    assert book.git("ls-remote", "--heads", str(remote), "promote").stdout.endswith(
        "refs/heads/promote\n"
    )


def test_the_hook_definitions_are_as_the_readme_describes() -> None:
    """The validate and render-check hooks run always at commit time; changes before a push."""
    from ruamel.yaml import YAML

    hooks = {hook["id"]: hook for hook in YAML(typ="safe").load(REPO / ".pre-commit-hooks.yaml")}
    commit_stages = ["pre-commit", "pre-merge-commit", "manual"]
    assert hooks["pscatalog-validate"]["entry"] == "pscatalog validate --staged"
    assert hooks["pscatalog-render-check"]["entry"] == "pscatalog render --check --staged"
    for name in ("pscatalog-validate", "pscatalog-render-check"):
        assert (hooks[name]["always_run"], hooks[name]["stages"]) == (True, commit_stages)
    assert (hooks["pscatalog-format"]["entry"], hooks["pscatalog-format"]["stages"]) == (
        "pscatalog fmt",
        commit_stages,
    )
    changes = hooks["pscatalog-changes"]
    assert (changes["entry"], changes["pass_filenames"], changes["stages"]) == (
        "pscatalog diff --check --merge-base",
        False,
        ["pre-push", "manual"],
    )
