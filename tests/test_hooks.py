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


@pytest.mark.parametrize(
    ("moved", "headline"),
    [
        (
            "catalog/archive/integration.yaml",
            "catalog/archive:1:1: error C205 1 YAML file in this sub-folder of the catalog "
            "('integration.yaml') is not read: catalog files lie directly in the catalog folder",
        ),
        (
            "catalog/integration.YAML",
            "catalog/integration.YAML:1:1: error C205 a file ending in '.YAML' is not read: "
            "catalog files end in '.yaml' or '.yml'",
        ),
    ],
)
def test_a_category_moved_where_it_is_not_read_is_refused(
    book: Handbook, moved: str, headline: str
) -> None:
    """A sub-folder or a capital suffix would take a category out of the catalog: C205, refused."""
    (book.root / moved).parent.mkdir(exist_ok=True)
    book.git("mv", "catalog/integration.yaml", moved)
    code, output = book.commit("Put integration aside")
    assert code == 1
    assert headlines(output) == [headline]
    assert book.commits() == 1


@pytest.mark.parametrize("how", ["moved", "deleted"])
def test_a_commit_that_takes_the_whole_catalog_away_is_refused(book: Handbook, how: str) -> None:
    """`git mv catalog old` or `git rm -r catalog`: no catalog left to check against, refused."""
    if how == "moved":
        book.git("mv", "catalog", "old")
    else:
        book.git("rm", "-rq", "catalog")
    code, output = book.commit("Take the catalog away")
    assert code == 1
    assert (
        "pscatalog: error: the commit deletes the catalog: catalog/ loses its 7 catalog files "
        "and git's index holds no catalog; a catalog moved elsewhere is named with 'catalog' "
        "in the configuration, in the same commit\n"
    ) in output
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
        "        args: [--baseline, pscatalog-baseline.json, --]\n"
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
    for name in ("pscatalog-validate", "pscatalog-render-check", "pscatalog-format"):
        assert hooks[name]["args"] == ["--"], name
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


# -- the commit, not the work tree ----------------------------------------------------

COACHING = (
    "# yaml-language-server: $schema=../schema/category.schema.json\n"
    "id: coaching\nname: Coaching Services\nlevel: adoption\nofferings:\n"
    "  - id: team-coaching\n    name: Team coaching\n    maturity: planned\n"
    "    variants:\n      - id: custom\n"
)
REGION_PAGE = "# Services\n\n<!-- pscatalog:begin categories -->\n<!-- pscatalog:end -->\n"


def note(path: str, situation: str) -> str:
    return f"pscatalog: note: {path} {situation}; the check judges what the commit holds\n"


def test_a_forgotten_file_the_commit_needs_does_not_count(book: Handbook) -> None:
    """Education moved to Product, the new Adoption category left untracked: refused, and why."""
    book.path("catalog/coaching.yaml").write_text(COACHING, encoding="utf-8")
    book.edit("catalog/education.yaml", "level: adoption", "level: product")
    book.path("services.md").write_text(REGION_PAGE, encoding="utf-8")
    assert book.pscatalog("render", "--write", "services.md", "-q").returncode == 0
    book.git("add", "catalog/education.yaml", "services.md")
    code, output = book.commit("Move education to Product")
    assert code == 1
    line = book.line("catalog/levels.yaml", "id: adoption")
    assert headlines(output) == [
        f"catalog/levels.yaml:{line}:9: error C203 level 'adoption' has no category"
    ]
    assert (
        note("catalog/coaching.yaml", "is not in git's index (untracked): the commit leaves it out")
        in output
    )
    assert re.search(r"pscatalog render --check\.+Failed", output)
    assert "services.md: stale region 'categories' at line 3\n" in output
    assert "-#### Coaching Services\n" in output
    assert book.commits() == 1
    book.git("add", "catalog/coaching.yaml")
    code, output = book.commit("Move education to Product, with coaching")
    assert code == 0, output
    assert book.commits() == 2


def test_an_untracked_configuration_does_not_steer_the_check(book: Handbook) -> None:
    """`ignore = ["C"]` in an untracked pscatalog.toml hides nothing the commit breaks."""
    book.path("pscatalog.toml").write_text('ignore = ["C"]\n', encoding="utf-8")
    book.edit("catalog/education.yaml", "level: adoption", "level: nosuchlevel")
    book.git("add", "catalog/education.yaml")
    code, output = book.commit("Move education nowhere")
    assert code == 1
    assert headlines(output) == [
        f"catalog/education.yaml:{book.line('catalog/education.yaml', 'level: nosuch')}:8: "
        "error C201 level 'nosuchlevel' is not defined in the levels file",
        f"catalog/levels.yaml:{book.line('catalog/levels.yaml', 'id: adoption')}:9: "
        "error C203 level 'adoption' has no category",
    ]
    assert (
        note("pscatalog.toml", "is not in git's index (untracked): the commit leaves it out")
        in output
    )
    assert book.commits() == 1


def test_a_deletion_from_the_index_counts_though_the_file_stays(book: Handbook) -> None:
    """`git rm --cached` the only Adoption category: the commit deletes it, the disk keeps it."""
    book.git("rm", "-q", "--cached", "catalog/education.yaml")
    code, output = book.commit("Stop tracking education")
    assert code == 1
    line = book.line("catalog/levels.yaml", "id: adoption")
    assert headlines(output) == [
        f"catalog/levels.yaml:{line}:9: error C203 level 'adoption' has no category"
    ]
    assert (
        note(
            "catalog/education.yaml", "is not in git's index (untracked): the commit leaves it out"
        )
        in output
    )
    assert book.commits() == 1


def test_an_unstaged_fix_does_not_hide_a_staged_fault(book: Handbook) -> None:
    """Without pre-commit's stash (a plain hook runner): the staged text is what is judged."""
    book.edit("catalog/education.yaml", "level: adoption", "level: nosuch")
    book.git("add", "catalog/education.yaml")
    book.edit("catalog/education.yaml", "level: nosuch", "level: adoption")
    done = book.pscatalog("validate", "--staged", "--output-format", "concise")
    assert done.returncode == 1
    assert [line.split(": error ")[1] for line in done.stdout.splitlines()] == [
        "C201 level 'nosuch' is not defined in the levels file",
        "C203 level 'adoption' has no category",
    ]
    assert done.stderr == note(
        "catalog/education.yaml",
        "has changes that are not staged: the commit holds it without them",
    )
    assert book.pscatalog("validate", "--staged", "-q").stderr == ""


def test_a_configuration_only_commit_is_checked_against_every_file(book: Handbook) -> None:
    """A pscatalog.toml committed alone that breaks every file is refused, file by file."""
    book.path("pscatalog.toml").write_text("[limits]\nmax-depth = 2\n", encoding="utf-8")
    book.git("add", "pscatalog.toml")
    code, output = book.commit("Tune the limits")
    assert code == 1
    found = headlines(output)
    assert sorted({line.split(":")[0] for line in found}) == sorted(
        f"catalog/{path.name}" for path in book.path("catalog").iterdir()
    )
    assert all(" error Y009 nesting is deeper than the limit of 2 levels" in line for line in found)
    assert book.commits() == 1


def test_a_baseline_must_be_committed_as_it_is_checked(
    tmp_path: Path, revision: str, pre_commit_home: Path
) -> None:
    """Dropping an entry from the baseline alone is refused; an untracked baseline too."""
    hooks = "      - id: pscatalog-validate\n        args: [--baseline, baseline.json, --]\n"
    book = make_handbook(tmp_path / "handbook", revision, pre_commit_home, hooks)
    book.edit("catalog/integration.yaml", "maturity: complete", "maturity: Complete", count=2)
    assert book.pscatalog("baseline", "-o", "baseline.json", "-q").returncode == 0
    book.git("add", "catalog", "schema")
    code, output = book.commit("Import the catalog")
    assert code == 1
    assert (
        "pscatalog: error: the baseline baseline.json is not in git's index (untracked): the "
        "commit leaves it out, and the check reads it from the work tree: stage it "
        "('git add -- baseline.json')\n"
    ) in output
    book.git("add", "baseline.json")
    code, output = book.commit("Import the catalog, with its baseline")
    assert code == 0, output
    baseline = book.path("baseline.json")
    lines = baseline.read_text(encoding="utf-8").splitlines(keepends=True)
    # One entry a line: drop the first (which ends with a comma, the second not).
    first = next(i for i, line in enumerate(lines) if '"fingerprint"' in line)
    forgotten = re.search(r'"/offerings/\[([a-z0-9-]+)\]/maturity"', lines[first])
    assert forgotten is not None
    baseline.write_text("".join(lines[:first] + lines[first + 1 :]), encoding="utf-8")
    book.git("add", "baseline.json")
    code, output = book.commit("Forget a finding")
    assert code == 1
    line = book.line(
        "catalog/integration.yaml", "maturity: Complete", after=f"- id: {forgotten.group(1)}"
    )
    assert headlines(output) == [
        f"catalog/integration.yaml:{line}:15: error C004 maturity 'Complete' must be written "
        "in lowercase"
    ]
    assert book.commits() == 1


def test_a_page_named_like_an_option_is_a_page(book: Handbook) -> None:
    """A stale page named `--quiet.md`: checked and named, never read as an option."""
    page = book.path("--quiet.md")
    page.write_text(REGION_PAGE, encoding="utf-8")
    book.git("add", "--", "--quiet.md")
    code, output = book.commit("Add a page")
    assert code == 1
    assert re.search(r"pscatalog render --check\.+Failed", output)
    assert "--quiet.md: stale region 'categories' at line 3\n" in output
    assert "no such option" not in output


def test_a_page_with_unstaged_changes_is_not_judged(book: Handbook) -> None:
    """Without pre-commit's stash: the page on disk is not the commit's; refused, named."""
    book.path("services.md").write_text(REGION_PAGE, encoding="utf-8")
    book.git("add", "services.md")
    assert book.pscatalog("render", "--write", "services.md", "-q").returncode == 0
    done = book.pscatalog("render", "--check", "--staged", "--", "services.md")
    assert (done.returncode, done.stdout) == (1, "1 page could not be checked.\n")
    assert done.stderr == (
        "services.md: error: has changes that are not staged: the commit holds it without "
        "them; the check judges what the commit holds\n"
    )
    book.path("notes.md").write_text("No region here.\n", encoding="utf-8")
    done = book.pscatalog("render", "--check", "--staged", "--", "notes.md")
    assert (done.returncode, done.stdout, done.stderr) == (0, "No page to check.\n", "")


# -- the pre-push hook ----------------------------------------------------------------


@pytest.fixture
def pushed(tmp_path: Path, revision: str, pre_commit_home: Path) -> Handbook:
    """A handbook with the change check, its catalog pushed to a bare remote's main."""
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True)
    book = make_handbook(
        tmp_path / "handbook",
        revision,
        pre_commit_home,
        "      - id: pscatalog-validate\n      - id: pscatalog-changes\n",
    )
    book.git("remote", "add", "origin", str(remote))
    book.git("add", "-A")
    assert book.commit("Add the catalog")[0] == 0
    first = book.git("push", "-q", "origin", "main")
    assert first.returncode == 0, first.stdout + first.stderr
    book.git("remote", "set-head", "origin", "main")
    return book


def branches(book: Handbook) -> str:
    """The branches of the remote."""
    return book.git("ls-remote", "--heads", "origin").stdout


def demote(book: Handbook, branch: str) -> tuple[str, int]:
    """Commit, on a new branch from main, a demotion without a reason (D002)."""
    book.git("switch", "-q", "-c", branch, "main")
    book.edit("catalog/education.yaml", "maturity: viable", "maturity: minimal")
    book.git("commit", "-q", "-am", "Demote instructor-led training")
    short = book.git("rev-parse", "--short", "HEAD").stdout.strip()
    return short, book.line("catalog/education.yaml", "maturity: minimal")


DEMOTED = (
    "catalog/education.yaml:{line}:15: error D002 'instructor-led-training' is demoted from "
    "'viable' to 'minimal' without a reason"
)


def test_only_the_ref_pre_commit_names_is_checked(pushed: Handbook) -> None:
    """pre-commit names a push's first ref: that one is checked; it is refused when it breaks a rule.

    `git push origin good bad` sends both with only `good` checked (pre-commit's
    limit, said in the README; CI's change job checks every merge request).
    """
    pushed.git("switch", "-q", "-c", "aaa-good", "main")
    pushed.path("notes.md").write_text("Notes.\n", encoding="utf-8")
    pushed.git("add", "notes.md")
    pushed.git("commit", "-q", "-m", "Notes")
    short, line = demote(pushed, "zzz-bad")
    done = pushed.git("push", "origin", "zzz-bad")
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert (
        f'pscatalog: checking zzz-bad (commit {short} "Demote instructor-led training") '
        "against origin/HEAD\n"
    ) in output
    assert headlines(output) == [DEMOTED.format(line=line)]
    assert "refs/heads/zzz-bad" not in branches(pushed)
    done = pushed.git("push", "origin", "aaa-good", "zzz-bad")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "refs/heads/aaa-good" in branches(pushed)
    assert "refs/heads/zzz-bad" in branches(pushed)


def test_pushing_main_is_not_refused_for_another_local_branch(pushed: Handbook) -> None:
    """A push of main passes though a local branch it does not send breaks D002."""
    demote(pushed, "mr/demote")
    pushed.git("switch", "-q", "main")
    pushed.path("notes.md").write_text("Notes.\n", encoding="utf-8")
    pushed.git("add", "notes.md")
    pushed.git("commit", "-q", "-m", "Notes")
    done = pushed.git("push", "origin", "main")
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert re.search(r"pscatalog diff --check\.+Passed\n", output), output
    assert "mr/demote" not in output
    assert "refs/heads/mr/demote" not in branches(pushed)


def test_a_tag_named_like_the_remote_head_is_never_the_base(pushed: Handbook) -> None:
    """A tag `origin/HEAD` at the pushed commit would compare it with itself: not used."""
    _, line = demote(pushed, "demote")
    pushed.git("tag", "origin/HEAD", "HEAD")
    done = pushed.git("push", "origin", "demote")
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert headlines(output) == [DEMOTED.format(line=line)]
    assert "refs/heads/demote" not in branches(pushed)
    named = pushed.pscatalog("diff", "--check", "--merge-base", "origin/HEAD")
    assert (named.returncode, named.stdout) == (2, "")
    assert named.stderr.startswith(
        "pscatalog: error: 'origin/HEAD' names refs/remotes/origin/HEAD and "
        "refs/tags/origin/HEAD: name the branch by its full ref, such as "
        "'refs/remotes/origin/HEAD'\n"
    )


def test_deleting_a_branch_is_not_checked(pushed: Handbook) -> None:
    """A push that only deletes a branch sends no commit: nothing to check, it goes through."""
    pushed.git("switch", "-q", "-c", "old", "main")
    assert pushed.git("push", "-q", "origin", "old").returncode == 0
    pushed.git("switch", "-q", "main")
    done = pushed.git("push", "origin", "--delete", "old")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "refs/heads/old" not in branches(pushed)


def test_a_push_with_warnings_says_which_commit_and_how_to_see_them(pushed: Handbook) -> None:
    """The pushed commit's other problems are counted with its short id, subject and a hint."""
    pushed.git("switch", "-q", "-c", "plan", "main")
    pushed.edit(
        "catalog/education.yaml",
        "      execution_plan: https://docs.google.com/document/d/1tZxq2Pkig_6ZDfxF_ha7iVHIuTr4NtIZvMS2o0Sh88Y/edit\n",
        "",
    )
    pushed.git("commit", "-q", "--no-verify", "-am", "Drop the plan")
    short = pushed.git("rev-parse", "--short", "HEAD").stdout.strip()
    done = pushed.pscatalog("diff", "--check", "--merge-base", "--output-format", "concise")
    assert (done.returncode, done.stdout) == (0, "")
    assert done.stderr == (
        f'pscatalog: checking HEAD (commit {short} "Drop the plan") against origin/HEAD\n'
        f'pscatalog: commit {short} "Drop the plan" has 1 warning; '
        "'pscatalog validate' shows them\n"
    )
    pushed.git("switch", "-q", "main")
    done = pushed.pscatalog("diff", "--check", "--merge-base", "main", "plan", "-q")
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    done = pushed.pscatalog("diff", "--check", "--merge-base", "main", "plan")
    assert done.stderr == (
        f'pscatalog: checking plan (commit {short} "Drop the plan") against main\n'
        f'pscatalog: commit {short} "Drop the plan" has 1 warning; '
        "'pscatalog validate' on a checkout of it shows them\n"
    )


def test_other_hooks_run_at_pre_push_unless_kept_to_commits(
    tmp_path: Path, revision: str, pre_commit_home: Path
) -> None:
    """A hook without `stages:` runs at push too; `default_stages: [pre-commit]` keeps it out."""
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True)
    local = (
        "      - id: pscatalog-changes\n"
        "  - repo: local\n"
        "    hooks:\n"
        "      - id: shout\n"
        "        name: the handbook's own hook\n"
        "        entry: echo\n"
        "        language: system\n"
        "        always_run: true\n"
    )
    book = make_handbook(tmp_path / "handbook", revision, pre_commit_home, local)
    book.git("remote", "add", "origin", str(remote))
    book.git("add", "-A")
    assert book.commit("Add the catalog")[0] == 0
    done = book.git("push", "origin", "main")
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert re.search(r"the handbook's own hook\.+Passed", output)
    assert re.search(r"pscatalog diff --check\.+Passed", output)
    config = book.path(".pre-commit-config.yaml")
    config.write_text(
        "default_stages: [pre-commit]\n" + config.read_text(encoding="utf-8"), encoding="utf-8"
    )
    book.git("commit", "-q", "-am", "Keep the handbook's hook to commits")
    done = book.git("push", "origin", "main")
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert "the handbook's own hook" not in output
    assert re.search(r"pscatalog diff --check\.+Passed", output)


def test_the_index_is_read_by_exact_names(book: Handbook) -> None:
    """A configured `c[a]talog/` is read as named; `catalog/`, which a pattern would match, is not."""
    book.git("mv", "catalog", "c[a]talog")
    book.path("catalog").mkdir()
    book.path("catalog/levels.yaml").write_text("id: [broken\n", encoding="utf-8")
    book.path("pscatalog.toml").write_text('catalog = "c[a]talog"\n', encoding="utf-8")
    book.git("add", "-A")
    done = book.pscatalog("validate", "--staged")
    assert (done.returncode, done.stdout, done.stderr) == (0, "No problems found in 7 files.\n", "")


def test_a_configuration_named_must_be_in_the_commit(book: Handbook) -> None:
    """`--config ci.toml` under --staged reads the index's ci.toml; an untracked one is refused."""
    book.edit("catalog/integration.yaml", "maturity: complete", "maturity: Complete")
    book.git("add", "catalog/integration.yaml")
    book.path("ci.toml").write_text('ignore = ["C004"]\n', encoding="utf-8")
    done = book.pscatalog("--config", "ci.toml", "validate", "--staged")
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == ("pscatalog: error: ci.toml: no such configuration file in git's index\n")
    book.git("add", "ci.toml")
    # The commit adds the configuration in use: every file is checked, by it.
    done = book.pscatalog("validate", "--staged", "--config", "ci.toml")
    assert (done.returncode, done.stdout, done.stderr) == (0, "No problems found in 7 files.\n", "")
