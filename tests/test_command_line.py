"""One command line: the same name for each idea on every command, one style of error."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import REPO, SHIPPED_CATALOG
from helpers import category_file, write_catalog
from pscatalog.cli.common import OUTPUT_FORMATS
from pscatalog.cli.main import cli
from pscatalog.outputs.reporters import REPORTER_BY_NAME

CAPITALISED = """\
- id: jira
  name: JIRA
  maturity: Minimal
  variants:
    - id: custom
"""
PROBLEM = "pscatalog: the catalog has 1 error; 'pscatalog validate' shows them\n"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def elsewhere(in_tmp: Path) -> Path:
    """A catalog in data/offerings, found only through the configuration file conf.toml."""
    write_catalog(in_tmp / "data" / "offerings", {"x.yaml": category_file(CAPITALISED)})
    (in_tmp / "conf.toml").write_text(
        'catalog = "data/offerings"\nignore = ["C301"]\n', encoding="utf-8"
    )
    return in_tmp


@pytest.fixture
def capitalised(in_tmp: Path) -> Path:
    """./catalog with one rule finding: C004 in x.yaml, fixable."""
    return write_catalog(in_tmp / "catalog", {"x.yaml": category_file(CAPITALISED)})


@pytest.mark.parametrize(
    "args",
    [
        ["validate"],
        ["baseline", "-o", "b.json"],
        ["fmt", "--check"],
        ["render"],
        ["export"],
        ["stats"],
    ],
)
def test_config_is_accepted_before_or_after_the_command(elsewhere: Path, args: list[str]) -> None:
    """`pscatalog --config F CMD` and `pscatalog CMD --config F` find the same catalog."""
    before = run("--config", "conf.toml", *args)
    after = run(*args, "--config", "conf.toml")
    assert before == after
    assert before[0] in (0, 1)
    assert "no catalog found" not in before[2]
    assert run(*args)[2].startswith("pscatalog: error: no catalog found")


@pytest.mark.parametrize(
    "args", [["rules"], ["explain", "C004"], ["schema", "levels"], ["import", "--help"]]
)
def test_config_is_accepted_by_every_command(elsewhere: Path, args: list[str]) -> None:
    """Commands that read no configuration still take --config, before or after their name."""
    assert run(*args, "--config", "conf.toml")[:2] == run("--config", "conf.toml", *args)[:2]
    assert run(*args, "--config", "conf.toml")[0] == 0


def test_config_given_twice_is_a_usage_error(elsewhere: Path) -> None:
    """Two different files: one line and the usage hint, exit 2; the same one twice is fine."""
    assert run("--config", "conf.toml", "validate", "--config", "other.toml") == (
        2,
        "",
        "pscatalog: error: --config is given twice: conf.toml and other.toml\n"
        "Try 'pscatalog validate --help' for help.\n",
    )
    assert run("--config", "conf.toml", "validate", "--config", "conf.toml")[0] == 1


def test_config_reaches_diff_after_its_name(elsewhere: Path) -> None:
    """`diff OLD NEW --config F`: both folders found, the change listed."""
    shutil.copytree(elsewhere / "data" / "offerings", elsewhere / "old")
    assert run("diff", "./old", "./data/offerings", "--config", "conf.toml") == (
        0,
        "## Catalog changes\n\nNo changes to the catalog.\n",
        "pscatalog: ./old has 1 error; 'pscatalog validate ./old' shows them\n"
        "pscatalog: ./data/offerings has 1 error; 'pscatalog validate ./data/offerings' "
        "shows them\n",
    )


def test_output_is_dash_o_on_every_command_that_writes(capitalised: Path) -> None:
    """baseline, export, import and schema all take -o/--output."""
    assert run("baseline", "-o", "b.json")[:2] == (0, "Recorded 1 finding in b.json.\n")
    assert run("export", "-o", "c.json", "--quiet") == (0, "", "")
    assert json.loads(Path("c.json").read_text(encoding="utf-8"))["levels"]
    assert run("schema", "-o", "schemas", "--quiet") == (0, "", "")
    assert sorted(path.name for path in Path("schemas").iterdir()) == [
        "category.schema.json",
        "levels.schema.json",
    ]
    services = REPO / "tests" / "fixtures" / "real-data" / "services-2022-11.yml"
    code, _, _ = run(
        "import", str(services), "-o", "imported", "--quiet", "--output-format", "json"
    )
    assert code == 1
    assert (Path("imported") / "levels.yaml").is_file()


@pytest.mark.parametrize(
    ("args", "what"),
    [
        (["validate", "--report", "json:catalog/x.yaml"], "report"),
        (["export", "-o", "catalog/../catalog/x.yaml"], "export"),
        (["baseline", "-o", "catalog/levels.yaml"], "baseline"),
        (["validate", "--report", "json:catalog/report.yml"], "report"),
        (["baseline", "-o", "catalog/new.YAML"], "baseline"),
    ],
)
def test_an_output_never_replaces_a_catalog_file(
    capitalised: Path, args: list[str], what: str
) -> None:
    """A report, an export or a baseline that would replace or become a catalog file: refused."""
    before = {path: path.read_bytes() for path in Path("catalog").iterdir()}
    code, _, err = run(*args)
    named = args[-1].removeprefix("json:")
    assert code == 2
    assert (
        f"pscatalog: error: {named} is a file of the catalog; write the {what} elsewhere"
        in err.splitlines()
    )
    assert {path: path.read_bytes() for path in Path("catalog").iterdir()} == before


def test_quiet_leaves_out_summaries_and_notes(capitalised: Path) -> None:
    """--quiet prints only what the command is for: findings, output, errors."""
    finding = "catalog/x.yaml:7:15: error C004 maturity 'Minimal' must be written in lowercase\n"
    code, out, err = run("validate", "--quiet")
    assert (code, err) == (1, "")
    assert out.startswith(finding)
    assert "Found" not in out
    assert run("validate", "-q", "--output-format", "concise") == (1, finding, "")
    assert run("baseline", "-q") == (0, "", "")
    assert run("validate", "-q", "--baseline", "pscatalog-baseline.json") == (0, "", "")
    assert run("fmt", "--check", "-q", "catalog/x.yaml") == (0, "", "")
    assert run("stats", "-q")[2] == ""
    assert run("render", "-q")[2] == ""
    assert run("export", "-q")[2] == ""


@pytest.mark.parametrize("command", [["render"], ["export"], ["stats"]])
def test_commands_not_about_findings_count_them_in_one_line(
    capitalised: Path, command: list[str]
) -> None:
    """render, export and stats: one line of problems, less those a baseline records."""
    code, out, err = run(*command)
    assert (code, err) == (0, PROBLEM)
    assert out
    assert run("baseline")[0] == 0
    assert run(*command, "--baseline", "pscatalog-baseline.json") == (0, out, "")


def test_diff_counts_each_sides_problems_in_one_line(capitalised: Path) -> None:
    """Diff names the side with problems, in one line, and takes --baseline."""
    shutil.copytree("catalog", "old")
    code, out, err = run("diff", "./old", "./catalog")
    assert (code, err) == (
        0,
        "pscatalog: ./old has 1 error; 'pscatalog validate ./old' shows them\n"
        "pscatalog: ./catalog has 1 error; 'pscatalog validate ./catalog' shows them\n",
    )
    assert out == "## Catalog changes\n\nNo changes to the catalog.\n"
    assert run("baseline")[0] == 0
    assert run("diff", "./old", "./catalog", "--baseline", "pscatalog-baseline.json") == (
        0,
        out,
        "pscatalog: ./old has 1 error; 'pscatalog validate ./old' shows them\n",
    )


@pytest.mark.parametrize(
    "args",
    [
        ["validate", "--xyzzy"],
        ["baseline", "--xyzzy"],
        ["fmt", "--xyzzy"],
        ["render", "--xyzzy"],
        ["export", "--xyzzy"],
        ["stats", "--xyzzy"],
        ["diff", "--xyzzy"],
        ["import", "--xyzzy"],
        ["schema", "--xyzzy"],
        ["rules", "--xyzzy"],
        ["explain", "--xyzzy"],
    ],
)
def test_usage_errors_are_one_line_and_the_usage_hint(in_tmp: Path, args: list[str]) -> None:
    """An unknown option, on any command: the same two lines, exit 2."""
    assert run(*args) == (
        2,
        "",
        f"pscatalog: error: no such option '--xyzzy'\nTry 'pscatalog {args[0]} --help' for help.\n",
    )


@pytest.mark.parametrize(
    ("args", "message", "command"),
    [
        (
            ["validate", "--output-format", "xml"],
            "invalid value for '--output-format': 'xml' is not one of 'full', 'concise', 'json', 'github'",
            "validate",
        ),
        (
            ["validate", "--report", "pdf:x.pdf"],
            "invalid value for '--report': expected FORMAT:PATH with FORMAT one of gitlab, junit, sarif, github, json, got 'pdf:x.pdf'",
            "validate",
        ),
        (["validate", "--diff"], "--unsafe-fixes and --diff go with --fix", "validate"),
        (
            ["validate", "--staged", "--fix"],
            "--staged and --fix cannot be used together",
            "validate",
        ),
        (["render", "--staged"], "--staged goes with --check", "render"),
        (["diff", "HEAD"], "name OLD and NEW (or use --merge-base)", "diff"),
        (["explain"], "missing argument 'CODE'", "explain"),
        (["nope"], "no such command 'nope'", None),
    ],
)
def test_every_usage_error_has_the_same_style(
    capitalised: Path, args: list[str], message: str, command: str | None
) -> None:
    """Click's errors and pscatalog's read alike: lower-case, no final period, the hint."""
    where = f"pscatalog {command}" if command else "pscatalog"
    assert run(*args) == (2, "", f"pscatalog: error: {message}\nTry '{where} --help' for help.\n")


def test_output_format_names_the_reporters() -> None:
    """--output-format offers exactly the reporters that print to a terminal or CI log."""
    assert all(name in REPORTER_BY_NAME for name in OUTPUT_FORMATS)
    for command in ("validate", "diff", "import"):
        assert "--output-format" in run(command, "--help")[1]
    for command in ("render", "export", "stats", "baseline"):
        assert "--output-format" not in run(command, "--help")[1]


# -- validate --staged, with the real git -----------------------------------------------


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)


@pytest.fixture
def committed(in_tmp: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git repository whose one commit holds the shipped catalog."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(in_tmp.parent))
    for name in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{name}_NAME", "Practice Manager")
        monkeypatch.setenv(f"GIT_{name}_EMAIL", "pm@handbook.invalid")
    git(in_tmp, "init", "-q", "-b", "main")
    shutil.copytree(SHIPPED_CATALOG, in_tmp / "catalog")
    shutil.copytree(REPO / "schema", in_tmp / "schema")
    (in_tmp / "README.md").write_text("# Handbook\n", encoding="utf-8")
    git(in_tmp, "add", "-A")
    git(in_tmp, "commit", "-q", "-m", "The catalog")
    return in_tmp


def test_staged_does_nothing_when_the_commit_touches_no_catalog_file(committed: Path) -> None:
    """A commit of the README only: no catalog is read, one line, exit 0."""
    (committed / "README.md").write_text("# Handbook\n\nMore.\n", encoding="utf-8")
    git(committed, "add", "README.md")
    assert run("validate", "--staged") == (0, "No catalog file changed.\n", "")
    assert run("validate", "--staged", "-q") == (0, "", "")
    assert run("render", "--check", "--staged") == (0, "No page to check.\n", "")


def test_staged_checks_a_commit_that_changes_only_the_configuration(committed: Path) -> None:
    """A typo in pscatalog.toml, committed alone, is refused as every later run would be."""
    (committed / "pscatalog.toml").write_text('catalog = "data/offers"\n', encoding="utf-8")
    git(committed, "add", "pscatalog.toml")
    code, out, err = run("validate", "--staged")
    assert (code, out) == (2, "")
    assert err.startswith("pscatalog: error: no such catalog folder: ")
    assert err.rstrip().endswith("data/offers")
    (committed / "pscatalog.toml").write_text('ignore = ["C301"]\n', encoding="utf-8")
    git(committed, "add", "pscatalog.toml")
    assert run("validate", "--staged") == (0, "No problems found in 7 files.\n", "")


def test_staged_checks_a_commit_that_changes_only_the_baseline(committed: Path) -> None:
    """Entries dropped from the baseline the hook is given: every file is checked again."""
    path = committed / "catalog" / "integration.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("maturity: complete", "maturity: Complete", 1),
        encoding="utf-8",
    )
    assert run("baseline", "-o", "baseline.json")[0] == 0
    git(committed, "add", "-A")
    git(committed, "commit", "-q", "-m", "Adopt with a baseline")
    (committed / "baseline.json").write_text('{"version": 3, "findings": []}\n', encoding="utf-8")
    git(committed, "add", "baseline.json")
    code, out, _ = run(
        "validate", "--staged", "--baseline", "baseline.json", "--output-format", "concise"
    )
    assert code == 1
    assert " error C004 maturity 'Complete' must be written in lowercase\n" in out


def test_staged_in_a_repository_without_a_catalog_checks_nothing(
    in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Hooks installed before the catalog exists: every commit passes, nothing is read."""
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(in_tmp.parent))
    git(in_tmp, "init", "-q")
    (in_tmp / "README.md").write_text("# Handbook\n", encoding="utf-8")
    git(in_tmp, "add", "README.md")
    assert run("validate", "--staged") == (0, "No catalog file changed.\n", "")
    assert run("render", "--check", "--staged") == (0, "No page to check.\n", "")
    assert run("validate")[2].startswith("pscatalog: error: no catalog found")


def test_staged_sees_a_deletion_pre_commit_never_names(committed: Path) -> None:
    """`git rm` of the only Adoption category, no file named: C203 in levels.yaml."""
    git(committed, "rm", "-q", "catalog/education.yaml")
    code, out, err = run("validate", "--staged", "--output-format", "concise")
    assert (code, err) == (1, "")
    assert out == "catalog/levels.yaml:13:9: error C203 level 'adoption' has no category\n"


def test_staged_adds_what_the_index_changes_to_the_named_files(committed: Path) -> None:
    """A staged change to integration.yaml is checked even when pre-commit names no file."""
    path = committed / "catalog" / "integration.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("maturity: complete", "maturity: Complete", 1),
        encoding="utf-8",
    )
    git(committed, "add", "catalog/integration.yaml")
    code, out, _ = run("validate", "--staged", "--output-format", "concise")
    assert code == 1
    assert out.startswith("catalog/integration.yaml:")
    assert " error C004 maturity 'Complete' must be written in lowercase\n" in out


def test_staged_follows_a_catalog_file_to_the_file_it_links_to(committed: Path) -> None:
    """education.yaml links to data/edu.yaml: a commit that changes only the target is checked."""
    (committed / "data").mkdir()
    git(committed, "mv", "catalog/education.yaml", "data/edu.yaml")
    (committed / "catalog" / "education.yaml").symlink_to("../data/edu.yaml")
    git(committed, "add", "-A")
    git(committed, "commit", "-q", "-m", "education kept in data/")
    target = committed / "data" / "edu.yaml"
    target.write_text(
        target.read_text(encoding="utf-8").replace("level: adoption", "level: nosuch"),
        encoding="utf-8",
    )
    git(committed, "add", "data/edu.yaml")
    code, out, _ = run("validate", "--staged", "--output-format", "concise")
    assert (code, out.splitlines()[0]) == (
        1,
        "catalog/education.yaml:7:8: error C201 level 'nosuch' is not defined in the levels file",
    )


def test_staged_follows_a_catalog_folder_that_is_a_link(committed: Path) -> None:
    """A catalog folder that links to data/offerings: a staged change there is checked."""
    (committed / "data").mkdir()
    git(committed, "mv", "catalog", "data/offerings")
    (committed / "catalog").symlink_to("data/offerings")
    git(committed, "add", "-A")
    git(committed, "commit", "-q", "-m", "the catalog kept in data/")
    path = committed / "data" / "offerings" / "education.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("level: adoption", "level: nosuch"),
        encoding="utf-8",
    )
    git(committed, "add", "-A")
    code, out, _ = run("validate", "--staged", "--output-format", "concise")
    assert code == 1
    assert (
        "catalog/education.yaml:7:8: error C201 level 'nosuch' is not defined in the levels file"
    ) in out.splitlines()


def test_staged_sees_a_category_moved_into_a_linked_folder(committed: Path) -> None:
    """catalog/archive -> ../old holding migration.yaml: C205 from git's index, refused."""
    (committed / "old").mkdir()
    git(committed, "mv", "catalog/migration.yaml", "old/")
    (committed / "catalog" / "archive").symlink_to("../old", target_is_directory=True)
    git(committed, "add", "-A")
    code, out, _ = run("validate", "--staged", "--output-format", "concise")
    assert (code, out) == (
        1,
        "catalog/archive:1:1: error C205 1 YAML file in this sub-folder of the catalog "
        "('migration.yaml') is not read: catalog files lie directly in the catalog folder\n",
    )


def test_staged_outside_git_is_a_usage_error(
    capitalised: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Outside a repository there is no index to read: one line and the hint, exit 2."""
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(capitalised.parent.parent))
    assert run("validate", "--staged") == (
        2,
        "",
        "pscatalog: error: --staged needs a git repository: it reads what git's index changes\n"
        "Try 'pscatalog validate --help' for help.\n",
    )


def test_merge_base_without_a_branch_to_compare_with_checks_nothing(committed: Path) -> None:
    """The first push: no remote branch yet, so nothing to compare and exit 0."""
    assert run("diff", "--check", "--merge-base") == (
        0,
        "",
        "pscatalog: no branch to compare with; nothing to check\n",
    )
    assert run("diff", "--check", "--merge-base", "no-such-branch") == (
        2,
        "",
        "pscatalog: error: not a git revision: 'no-such-branch'\n"
        "Try 'pscatalog diff --help' for help.\n",
    )


@pytest.mark.parametrize("args", [["rules"], ["export", str(SHIPPED_CATALOG)]])
def test_a_reader_that_goes_away_ends_the_command_quietly(args: list[str]) -> None:
    """``pscatalog rules | head -1``: no error message, no traceback, exit 1 as click's."""
    import os
    import sys

    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first line is written
    try:
        result = subprocess.run(
            [sys.executable, "-m", "pscatalog", *args],
            stdout=write_end,
            capture_output=False,
            stderr=subprocess.PIPE,
            timeout=60,
            check=False,
        )
    finally:
        os.close(write_end)
    assert (result.returncode, result.stderr) == (1, b"")
