"""`diff`: a revision is a revision, and `diff --check` reports land on the merge request's lines.

A merge request controls the work tree: a folder it commits must never stand in for a
revision, and nothing in its file names or catalog text may crash the reports.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import REPO, SHIPPED_CATALOG
from pscatalog.cli.main import cli

IDENTITY = {
    "GIT_AUTHOR_NAME": "Practice Manager",
    "GIT_AUTHOR_EMAIL": "pm@handbook.invalid",
    "GIT_COMMITTER_NAME": "Practice Manager",
    "GIT_COMMITTER_EMAIL": "pm@handbook.invalid",
}
DELETED_JIRA = (
    "D004 'jira' is deleted while sold as 'GL-JIRA' (it was at line 44 of catalog/integration.yaml)"
)
JIRA_START = "  - id: jira\n"
JIRA_END = "  - id: jenkins\n"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, check=True, capture_output=True, text=True
    ).stdout


def delete_jira(folder: Path) -> None:
    """Delete the JIRA offering, sold as GL-JIRA, from integration.yaml."""
    path = folder / "integration.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index(JIRA_START)] + text[text.index(JIRA_END) :], encoding="utf-8")


@pytest.fixture
def handbook(in_tmp: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A repository whose base commit holds the shipped catalog; returns the base commit."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    for name, value in IDENTITY.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(in_tmp.parent))
    git(in_tmp, "init", "-q", "-b", "main")
    shutil.copytree(SHIPPED_CATALOG, in_tmp / "catalog")
    shutil.copytree(REPO / "schema", in_tmp / "schema")
    git(in_tmp, "add", "-A")
    git(in_tmp, "commit", "-q", "-m", "The catalog")
    return git(in_tmp, "rev-parse", "HEAD").strip()


def merge_request(root: Path, decoy: str | None) -> None:
    """Commit the deletion of a sold offering, and a decoy folder holding the old catalog."""
    if decoy is not None:
        shutil.copytree(SHIPPED_CATALOG, root / decoy)
    delete_jira(root / "catalog")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Delete JIRA")


def test_deleting_a_sold_offering_fails_the_change_check(handbook: str, in_tmp: Path) -> None:
    """Without a decoy: D004, at the new file's offerings key, saying where it was before."""
    merge_request(in_tmp, None)
    code, out, err = run("diff", handbook, "HEAD", "--check")
    assert (code, err) == (1, "")
    assert out == (
        f"catalog/integration.yaml:11:1: error {DELETED_JIRA}\n"
        "   |\n"
        "11 | offerings:\n"
        "   | ^^^^^^^^^\n"
        "   = hint: restore it and mark its variants 'retired: true'; delete it in a later "
        "merge request, once this one is merged\n"
        "Found 1 error in 7 files.\n"
    )


@pytest.mark.parametrize("decoy", ["HEAD", "base"])
def test_a_folder_named_like_a_revision_cannot_stand_in_for_it(
    handbook: str, in_tmp: Path, decoy: str
) -> None:
    """The issue's bypass: a committed `HEAD/` or `<base hash>/` holding the old catalog is refused."""
    name = handbook if decoy == "base" else decoy
    merge_request(in_tmp, name)
    code, out, err = run("diff", handbook, "HEAD", "--check", "--report", "gitlab:cq.json")
    assert (code, out) == (2, "")
    assert err == (
        f"pscatalog: error: '{name}' is both a folder and a git revision: write './{name}' "
        "for the folder; for the revision, remove or rename the folder\n"
        "Try 'pscatalog diff --help' for help.\n"
    )
    assert not Path("cq.json").exists()
    code, out, _ = run("diff", handbook, "HEAD")
    assert (code, out) == (2, "")


def test_a_folder_written_as_a_path_is_a_folder(handbook: str, in_tmp: Path) -> None:
    """`./HEAD` names the folder; a bare name that is only a folder is one too."""
    merge_request(in_tmp, "HEAD")
    code, out, _ = run("diff", handbook, "./HEAD")
    assert (code, out) == (0, "## Catalog changes\n\nNo changes to the catalog.\n")
    shutil.copytree(in_tmp / "HEAD", in_tmp / "snapshot")
    code, out, err = run("diff", "snapshot", "main")
    assert code == 0, err
    assert "| JIRA (`jira`) | `integration` | Complete | GL-JIRA |" in out
    code, out, err = run("diff", "./no-such-folder", "HEAD")
    assert (code, out, err) == (
        2,
        "",
        "pscatalog: error: no such catalog folder: ./no-such-folder\n"
        "Try 'pscatalog diff --help' for help.\n",
    )


def test_an_empty_argument_is_a_usage_error(handbook: str, in_tmp: Path) -> None:
    """`diff "" HEAD`: never the working folder; exit 2 with one line, either side."""
    delete_jira(in_tmp / "catalog")
    message = (
        "pscatalog: error: an empty argument names neither a catalog folder nor a git revision\n"
        "Try 'pscatalog diff --help' for help.\n"
    )
    assert run("diff", "", "HEAD", "--check") == (2, "", message)
    assert run("diff", "HEAD", "", "--check") == (2, "", message)


def test_check_reports_name_work_tree_paths_and_new_lines(handbook: str, in_tmp: Path) -> None:
    """gitlab, junit, sarif, github and json reports of `diff --check` name catalog/x.yaml."""
    merge_request(in_tmp, None)
    args = ["diff", handbook, "HEAD", "--check", "--output-format", "concise"]
    for name in ("gitlab", "junit", "sarif", "github", "json"):
        args += ["--report", f"{name}:report.{name}"]
    code, out, _ = run(*args)
    assert code == 1
    assert out == f"catalog/integration.yaml:11:1: error {DELETED_JIRA}\n"
    [issue] = json.loads(Path("report.gitlab").read_text(encoding="utf-8"))
    assert issue["location"] == {"path": "catalog/integration.yaml", "lines": {"begin": 11}}
    cases = ET.parse("report.junit").getroot().iter("testcase")
    failed = [case for case in cases if case.find("failure") is not None]
    assert [(case.get("name"), case.get("file")) for case in failed] == [
        ("catalog/integration.yaml", "catalog/integration.yaml")
    ]
    sarif = json.loads(Path("report.sarif").read_text(encoding="utf-8"))
    [result] = sarif["runs"][0]["results"]
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {
        "uri": "catalog/integration.yaml",
        "uriBaseId": "%SRCROOT%",
    }
    assert location["region"] == {"startLine": 11, "startColumn": 1}
    assert (
        Path("report.github")
        .read_text(encoding="utf-8")
        .startswith("::error file=catalog/integration.yaml,line=11,col=1,title=D004::")
    )
    [diagnostic] = json.loads(Path("report.json").read_text(encoding="utf-8"))["diagnostics"]
    assert (diagnostic["file"], diagnostic["line"], diagnostic["related"]) == (
        "catalog/integration.yaml",
        11,
        [],
    )
    for name in ("gitlab", "junit", "sarif", "github", "json"):
        assert handbook not in Path(f"report.{name}").read_text(encoding="utf-8"), name


def test_check_from_a_subfolder_names_paths_from_the_top(
    handbook: str, in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Run from catalog/, the Code Quality path is still catalog/integration.yaml."""
    merge_request(in_tmp, None)
    monkeypatch.chdir(in_tmp / "catalog")
    code, out, _ = run(
        "diff",
        handbook,
        "HEAD",
        "--check",
        "--output-format",
        "concise",
        "--report",
        "gitlab:cq.json",
    )
    assert code == 1
    assert out.startswith("integration.yaml:11:1: error D004 ")
    [issue] = json.loads(Path("cq.json").read_text(encoding="utf-8"))
    assert issue["location"]["path"] == "catalog/integration.yaml"


def test_file_names_that_are_not_utf8_in_a_revision(handbook: str, in_tmp: Path) -> None:
    """A committed catalog file whose name is not UTF-8: every report is written."""
    name = os.fsdecode(b"caf\xe9.yaml")
    text = (in_tmp / "catalog" / "integration.yaml").read_text(encoding="utf-8")
    (in_tmp / "catalog" / name).write_text(
        text.replace("id: integration", "id: cafe")
        .replace("- id: ", "- id: x")
        .replace("sku: GL-", "sku: CAFE-"),
        encoding="utf-8",
    )
    git(in_tmp, "add", "-A")
    git(in_tmp, "commit", "-q", "-m", "A file named in Latin-1")
    base = git(in_tmp, "rev-parse", "HEAD").strip()
    path = in_tmp / "catalog" / name
    path.write_text(
        path.read_text(encoding="utf-8").replace("maturity: planned", "maturity: complete", 1),
        encoding="utf-8",
    )
    delete_jira(in_tmp / "catalog")
    git(in_tmp, "commit", "-q", "-am", "Delete JIRA")
    args = ["diff", base, "HEAD", "--check", "--output-format", "concise"]
    for report in ("gitlab", "junit", "sarif", "github", "json"):
        args += ["--report", f"{report}:report.{report}"]
    code, out, err = run(*args)
    assert code == 1, err
    assert "catalog/integration.yaml:11:1: error D004 " in out
    for report in ("gitlab", "sarif", "json"):
        json.loads(Path(f"report.{report}").read_text(encoding="utf-8"))
    names = [case.get("name") for case in ET.parse("report.junit").getroot().iter("testcase")]
    assert "catalog/caf\\xe9.yaml" in names


def test_a_revision_whose_modeline_names_a_folder_is_read(handbook: str, in_tmp: Path) -> None:
    """Modelines naming `..`, `../schema` or `../catalog` at a revision: read as usual."""
    for index, target in enumerate(("..", "../schema", "../catalog", "../schema/")):
        path = (
            in_tmp
            / "catalog"
            / ("integration.yaml", "education.yaml", "expert.yaml", "levels.yaml")[index]
        )
        lines = path.read_text(encoding="utf-8").split("\n", 1)
        path.write_text(f"# yaml-language-server: $schema={target}\n{lines[1]}", encoding="utf-8")
    git(in_tmp, "commit", "-q", "-am", "Odd modelines")
    code, out, _ = run("diff", "HEAD~1", "HEAD", "--check", "--output-format", "concise")
    assert (code, out) == (0, "")


def test_decoys_on_both_sides_are_refused_even_without_a_catalog(
    handbook: str, in_tmp: Path
) -> None:
    """The catalog deleted, folders named after the base and HEAD holding one catalog: refused."""
    shutil.copytree(SHIPPED_CATALOG, in_tmp / handbook)
    shutil.copytree(SHIPPED_CATALOG, in_tmp / "HEAD")
    shutil.rmtree(in_tmp / "catalog")
    git(in_tmp, "add", "-A")
    git(in_tmp, "commit", "-q", "-m", "Replace the catalog with decoys")
    code, out, err = run("diff", handbook, "HEAD", "--check")
    assert (code, out) == (2, "")
    assert err == (
        f"pscatalog: error: '{handbook}' is both a folder and a git revision: write "
        f"'./{handbook}' for the folder; for the revision, remove or rename the folder\n"
        "Try 'pscatalog diff --help' for help.\n"
    )


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("pyproject.toml", '[tool.pscatalog]\nignore = ["D"]\n'),
        ("pscatalog.toml", 'select = ["C"]\n'),
    ],
)
def test_a_merge_request_cannot_loosen_the_change_check(
    handbook: str, in_tmp: Path, name: str, text: str
) -> None:
    """A configuration the merge request adds is not what checks it: D004 still fails it."""
    (in_tmp / name).write_text(text, encoding="utf-8")
    merge_request(in_tmp, None)
    code, out, _ = run("diff", handbook, "HEAD", "--check", "--output-format", "concise")
    assert code == 1
    assert out == f"catalog/integration.yaml:11:1: error {DELETED_JIRA}\n"


def test_a_suppression_the_merge_request_adds_does_not_silence_the_change_check(
    handbook: str, in_tmp: Path
) -> None:
    """`# pscatalog: ignore[D004]` written by the change itself is not obeyed."""
    merge_request(in_tmp, None)
    path = in_tmp / "catalog" / "integration.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("offerings:\n", "offerings:  # pscatalog: ignore[D004] cleanup\n"),
        encoding="utf-8",
    )
    git(in_tmp, "commit", "-q", "-am", "Silence the check")
    code, out, _ = run("diff", handbook, "HEAD", "--check", "--output-format", "concise")
    assert code == 1
    assert out == f"catalog/integration.yaml:11:1: error {DELETED_JIRA}\n"


def test_the_base_revisions_configuration_is_the_one_that_applies(
    handbook: str, in_tmp: Path
) -> None:
    """A configuration already in the base revision applies, as the reviewers agreed it."""
    (in_tmp / "pscatalog.toml").write_text('ignore = ["D004"]\n', encoding="utf-8")
    git(in_tmp, "add", "pscatalog.toml")
    git(in_tmp, "commit", "-q", "-m", "Deletions are reviewed by hand here")
    base = git(in_tmp, "rev-parse", "HEAD").strip()
    merge_request(in_tmp, None)
    assert run("diff", base, "HEAD", "--check", "--output-format", "concise") == (0, "", "")


def test_a_change_that_moves_the_catalog_fails_closed_and_says_why(
    handbook: str, in_tmp: Path
) -> None:
    """The check reads the catalog where the base keeps it; a move is reviewed by hand."""
    (in_tmp / "data").mkdir()
    git(in_tmp, "mv", "catalog", "data/offerings")
    (in_tmp / "pscatalog.toml").write_text('catalog = "data/offerings"\n', encoding="utf-8")
    git(in_tmp, "add", "-A")
    git(in_tmp, "commit", "-q", "-m", "Move the catalog")
    code, out, err = run("diff", handbook, "HEAD", "--check")
    assert (code, out) == (2, "")
    assert err.startswith("pscatalog: error: HEAD (commit ")
    assert "\"Move the catalog\") configures the catalog as 'data/offerings', and commit " in err
    assert err.endswith(
        "\"The catalog\" keeps it at 'catalog': the change check reads the catalog where the old "
        "revision keeps it; a change that moves the catalog is reviewed by hand\n"
        "Try 'pscatalog diff --help' for help.\n"
    )


def test_a_copy_left_at_the_old_place_cannot_hide_a_move(handbook: str, in_tmp: Path) -> None:
    """The catalog copied to data/offerings and configured there, the old copy kept: refused."""
    shutil.copytree(in_tmp / "catalog", in_tmp / "data" / "offerings")
    (in_tmp / "data" / "offerings" / "dedicated.yaml").unlink()
    (in_tmp / "pscatalog.toml").write_text('catalog = "data/offerings"\n', encoding="utf-8")
    git(in_tmp, "add", "-A")
    git(in_tmp, "commit", "-q", "-m", "Move the catalog, keep a copy")
    code, _, err = run("diff", handbook, "HEAD", "--check")
    assert code == 2
    assert "configures the catalog as 'data/offerings'" in err
    assert "a change that moves the catalog is reviewed by hand" in err


def test_a_copy_of_an_offering_cannot_hide_its_demotion(handbook: str, in_tmp: Path) -> None:
    """A duplicate of 'jira', unchanged and suppressed, does not stand in for the demoted one."""
    catalog = in_tmp / "catalog"
    text = (catalog / "integration.yaml").read_text(encoding="utf-8")
    jira = text[text.index(JIRA_START) : text.index(JIRA_END)]
    copy = (
        jira.replace("  - id: jira\n", "  - id: jira  # pscatalog: ignore[C103] kept\n")
        .replace("    name: JIRA\n", "    name: JIRA  # pscatalog: ignore[C104] kept\n")
        .replace("sku: GL-JIRA\n", "sku: GL-JIRA  # pscatalog: ignore[C105] kept\n")
    )
    (catalog / "aaa.yaml").write_text(
        "id: aaa\nname: Aaa Services\nlevel: product\nofferings:\n" + copy, encoding="utf-8"
    )
    (catalog / "integration.yaml").write_text(
        text.replace(jira, jira.replace("maturity: complete", "maturity: minimal")),
        encoding="utf-8",
    )
    git(in_tmp, "add", "-A")
    git(in_tmp, "commit", "-q", "-m", "Demote JIRA behind a copy")
    code, out, _ = run("diff", handbook, "HEAD", "--check", "--output-format", "concise")
    assert code == 1
    assert "error D002 'jira' is demoted from 'complete' to 'minimal' without a reason" in out


EXTRA = """\
id: extra
name: Extra Services
level: product
offerings:
  - id: extra-one
    name: Extra one
    maturity: minimal
    variants:
      - id: standard
        sku: GL-EXTRA
        standard_sow: https://example.com/sow
  - id: extra-two
    name: Extra two
    maturity: planned
    variants:
      - id: custom
"""


def test_a_catalog_file_that_is_a_link_is_read_in_a_revision(handbook: str, in_tmp: Path) -> None:
    """A category file that links inside the repository is checked as the work tree reads it."""
    (in_tmp / "data").mkdir()
    (in_tmp / "data" / "extra.yaml").write_text(EXTRA, encoding="utf-8")
    (in_tmp / "catalog" / "extra.yaml").symlink_to("../data/extra.yaml")
    git(in_tmp, "add", "-A")
    git(in_tmp, "commit", "-q", "-m", "A category kept elsewhere")
    with_link = git(in_tmp, "rev-parse", "HEAD").strip()
    one, two = EXTRA.index("  - id: extra-one"), EXTRA.index("  - id: extra-two")
    (in_tmp / "data" / "extra.yaml").write_text(EXTRA[:one] + EXTRA[two:], encoding="utf-8")
    git(in_tmp, "commit", "-q", "-am", "Delete the sold offering behind the link")
    code, out, _ = run("diff", with_link, "HEAD", "--check", "--output-format", "concise")
    assert code == 1
    assert "error D004 'extra-one' is deleted while sold as 'GL-EXTRA'" in out


def test_a_catalog_file_that_links_out_of_the_repository_stops_the_check(
    handbook: str, in_tmp: Path
) -> None:
    """A link out of the repository in a revision cannot be read: the check is refused."""
    (in_tmp / "catalog" / "outside.yaml").symlink_to("../../elsewhere.yaml")
    git(in_tmp, "add", "-A")
    git(in_tmp, "commit", "-q", "-m", "A category outside")
    code, out, err = run("diff", handbook, "HEAD", "--check")
    assert (code, out) == (2, "")
    assert err.startswith("pscatalog: error: 'catalog/outside.yaml' at revision ")
    assert "is a link out of the repository: the catalog cannot be read there\n" in err


def line_of(text: str, needle: str, after: str = "") -> int:
    """Return the 1-based line of the first line holding ``needle`` (after ``after``)."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if after in line) if after else 0
    return next(i for i, line in enumerate(lines[start:], start + 1) if needle in line)


DEDICATED_SKUS = (
    "'GL-ENGR-3', 'GL-ENGR-6', 'GL-ENGR-12', 'GL-ENGR-CLEARED-3', 'GL-ENGR-CLEARED-6', "
    "'GL-ENGR-CLEARED-12'"
)


def test_an_offering_deleted_with_its_file_is_placed_in_a_file_that_exists(
    handbook: str, in_tmp: Path
) -> None:
    """`git rm catalog/dedicated.yaml`: D004 at its level in levels.yaml, in every report."""
    old = git(in_tmp, "show", "HEAD:catalog/dedicated.yaml")
    git(in_tmp, "rm", "-q", "catalog/dedicated.yaml")
    git(in_tmp, "commit", "-q", "-m", "Drop the dedicated engineers")
    args = ["diff", handbook, "HEAD", "--check", "--output-format", "concise"]
    for name in ("gitlab", "junit", "sarif", "github", "json"):
        args += ["--report", f"{name}:report.{name}"]
    code, out, _ = run(*args)
    levels = (in_tmp / "catalog" / "levels.yaml").read_text(encoding="utf-8")
    line = line_of(levels, "id: transformation")
    was = line_of(old, "- id: dedicated-engineer")
    message = (
        f"'dedicated-engineer' is deleted while sold as {DEDICATED_SKUS} "
        f"(it was at line {was} of catalog/dedicated.yaml)"
    )
    assert (code, out) == (1, f"catalog/levels.yaml:{line}:9: error D004 {message}\n")
    for name in ("gitlab", "junit", "sarif", "github", "json"):
        report = Path(f"report.{name}").read_text(encoding="utf-8")
        assert handbook not in report, name
        assert "HEAD~" not in report, name
    [issue] = json.loads(Path("report.gitlab").read_text(encoding="utf-8"))
    assert issue["location"] == {"path": "catalog/levels.yaml", "lines": {"begin": line}}
    # Identified by the place it had: the deleted file, the offering by its id, its id's value.
    identity = json.dumps(
        [
            "catalog/dedicated.yaml",
            "D004",
            "/offerings/[dedicated-engineer]/id",
            {"value": "dedicated-engineer"},
        ]
    )
    assert issue["fingerprint"] == hashlib.sha256(identity.encode()).hexdigest()
    [result] = json.loads(Path("report.sarif").read_text(encoding="utf-8"))["runs"][0]["results"]
    assert "relatedLocations" not in result
    assert result["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "catalog/levels.yaml", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": line, "startColumn": 9},
    }
    cases = ET.parse("report.junit").getroot().iter("testcase")
    assert [case.get("name") for case in cases if case.find("failure") is not None] == [
        "catalog/levels.yaml"
    ]


def test_a_sku_removed_with_its_variant_is_placed_at_the_offering(
    handbook: str, in_tmp: Path
) -> None:
    """JIRA's standard variant replaced by a custom one: D003 at JIRA's variants, a line of NEW."""
    path = in_tmp / "catalog" / "integration.yaml"
    old = path.read_text(encoding="utf-8")
    start, end = old.index(JIRA_START), old.index(JIRA_END)
    block = old[start:end]
    variants = block.index("    variants:\n") + len("    variants:\n")
    path.write_text(
        old[:start] + block[:variants] + "      - id: custom\n\n" + old[end:], encoding="utf-8"
    )
    git(in_tmp, "commit", "-q", "-am", "JIRA without its SKU")
    code, out, _ = run("diff", handbook, "HEAD", "--check", "--output-format", "concise")
    new = path.read_text(encoding="utf-8")
    line = line_of(new, "    variants:", after="- id: jira")
    assert (code, out) == (
        1,
        f"catalog/integration.yaml:{line}:5: error D003 SKU 'GL-JIRA' of 'jira' is renamed or "
        "removed without being retired first\n",
    )


def test_an_offering_deleted_from_a_renamed_file_is_placed_in_its_new_name(
    handbook: str, in_tmp: Path
) -> None:
    """dedicated.yaml renamed engineers.yaml, its sold offering replaced: D004 there."""
    old = git(in_tmp, "show", "HEAD:catalog/dedicated.yaml")
    git(in_tmp, "mv", "catalog/dedicated.yaml", "catalog/engineers.yaml")
    path = in_tmp / "catalog" / "engineers.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  - id: dedicated-engineer\n")
    planned = (
        "  - id: embedded-engineer\n    name: Embedded engineer\n    maturity: planned\n"
        "    variants:\n      - id: custom\n"
    )
    path.write_text(text[:start] + planned, encoding="utf-8")
    git(in_tmp, "commit", "-q", "-am", "Rename the file, drop the engineers")
    code, out, _ = run("diff", handbook, "HEAD", "--check", "--output-format", "concise")
    line = line_of(path.read_text(encoding="utf-8"), "offerings:")
    was = line_of(old, "- id: dedicated-engineer")
    assert (code, out) == (
        1,
        f"catalog/engineers.yaml:{line}:1: error D004 'dedicated-engineer' is deleted while "
        f"sold as {DEDICATED_SKUS} (it was at line {was} of catalog/dedicated.yaml)\n",
    )
