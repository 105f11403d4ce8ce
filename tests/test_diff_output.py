"""The diffs pscatalog prints: fmt --diff, validate --fix --diff, render --check.

Each is exact for small cases, and applies: what `fmt --diff` and `validate
--fix --diff` print, given to the real GNU patch or git apply, makes the files
what `fmt` and `validate --fix` write.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpers import LEVELS_YAML, category_file, write_catalog
from pscatalog.catalog.model import load_catalog
from pscatalog.cli.main import cli
from pscatalog.outputs.rendering import MAX_DIFF_LINES, PageSync, render_catalog
from pscatalog.yamltext import linediff
from test_linediff import work


def run(*args: str) -> tuple[int, str, str]:
    """Invoke the CLI in-process; return exit code, stdout and stderr as printed (CR LF kept)."""
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout_bytes.decode(), result.stderr_bytes.decode()


CRLF_UNENDED = (
    "id: integration\r\nname: Integration Services\r\nlevel: product\r\nofferings:\r\n"
    "    - id: jira\r\n      name: JIRA\r\n      maturity: Minimal\r\n      variants: [{id: custom}]"
)
"""A category file with CR LF breaks, four-space items, and no break at its end."""

REORDERED = """\
offerings:
  - variants:
      - id: custom
    maturity: planned
    name: GitHub
    id: github

  - id: gitlab
    name: GitLab
    maturity: planned
    variants:
      - id: custom
level: product
name: Migration Services
id: migration
"""
"""A category file with its keys out of the schema's order."""

SPACED_LEVELS = LEVELS_YAML.replace("  - id: adoption", "\n\n  - id: adoption")
"""levels.yaml with two blank lines where the canonical layout has one, and none elsewhere."""


@pytest.fixture
def unformatted(in_tmp: Path) -> Path:
    """./catalog with three files to reformat, in a git repository with everything committed."""
    root = write_catalog(in_tmp / "catalog", {})
    (root / "levels.yaml").write_text(SPACED_LEVELS, encoding="utf-8")
    (root / "integration.yaml").write_bytes(CRLF_UNENDED.encode("utf-8"))
    (root / "migration.yaml").write_text(REORDERED, encoding="utf-8")
    return root


def test_fmt_diff_keeps_cr_lf_and_marks_a_last_line_without_a_break(unformatted: Path) -> None:
    """A CR LF file that does not end with a break: its lines keep CR LF, the marker follows."""
    code, out, err = run("fmt", "--diff", "catalog/integration.yaml")
    assert (code, err) == (1, "1 file would be reformatted.\n")
    assert out == (
        "--- catalog/integration.yaml\n"
        "+++ catalog/integration.yaml\n"
        "@@ -2,7 +2,8 @@\n"
        " name: Integration Services\r\n"
        " level: product\r\n"
        " offerings:\r\n"
        "-    - id: jira\r\n"
        "-      name: JIRA\r\n"
        "-      maturity: Minimal\r\n"
        "-      variants: [{id: custom}]\n"
        "\\ No newline at end of file\n"
        "+  - id: jira\r\n"
        "+    name: JIRA\r\n"
        "+    maturity: Minimal\r\n"
        "+    variants:\r\n"
        "+      - id: custom\r\n"
    )


def test_fmt_diff_of_blank_lines_and_reordered_keys(unformatted: Path) -> None:
    """Blank lines in levels.yaml, keys put in order: hunks as small as the changes."""
    code, out, _ = run("fmt", "--diff", "catalog/levels.yaml", "catalog/migration.yaml")
    assert code == 1
    assert out == (
        "--- catalog/levels.yaml\n"
        "+++ catalog/levels.yaml\n"
        "@@ -4,11 +4,11 @@\n"
        "     rank: 1\n"
        "     persona: The platform owner\n"
        " \n"
        "-\n"
        "   - id: adoption\n"
        "     name: Adoption\n"
        "     rank: 2\n"
        "     persona: The enablement lead\n"
        "+\n"
        "   - id: transformation\n"
        "     name: Transformation\n"
        "     rank: 3\n"
        "--- catalog/migration.yaml\n"
        "+++ catalog/migration.yaml\n"
        "@@ -1,15 +1,15 @@\n"
        "+id: migration\n"
        "+name: Migration Services\n"
        "+level: product\n"
        " offerings:\n"
        "-  - variants:\n"
        "-      - id: custom\n"
        "-    maturity: planned\n"
        "+  - id: github\n"
        "     name: GitHub\n"
        "-    id: github\n"
        "+    maturity: planned\n"
        "+    variants:\n"
        "+      - id: custom\n"
        " \n"
        "   - id: gitlab\n"
        "     name: GitLab\n"
        "     maturity: planned\n"
        "     variants:\n"
        "       - id: custom\n"
        "-level: product\n"
        "-name: Migration Services\n"
        "-id: migration\n"
    )


def git(*args: str, cwd: Path) -> str:
    """Run git in ``cwd``; return its standard output."""
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True)
    return done.stdout


def commit_all(root: Path) -> None:
    git("init", "-q", cwd=root)
    git("add", "-A", cwd=root)
    git("-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "-qm", "x", cwd=root)


def files(catalog: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(catalog.iterdir())}


@pytest.mark.parametrize(
    "tool",
    [
        ["patch", "--quiet", "--fuzz=0", "--no-backup-if-mismatch", "-p0", "-i"],
        ["git", "apply", "-p0"],
    ],
    ids=["patch", "git apply"],
)
def test_fmt_diff_applied_gives_what_fmt_writes(
    unformatted: Path, tmp_path: Path, tool: list[str]
) -> None:
    """The real patch and git apply turn the catalog into what `fmt` writes, byte for byte."""
    copy = tmp_path / "copy"
    shutil.copytree(unformatted, copy / "catalog")
    commit_all(copy)
    code, out, _ = run("fmt", "--diff")
    assert code == 1
    assert run("fmt")[0] == 0
    (copy / "fmt.diff").write_bytes(out.encode("utf-8"))
    subprocess.run([*tool, "fmt.diff"], cwd=copy, check=True, capture_output=True)
    assert files(copy / "catalog") == files(unformatted)


def test_fmt_diff_of_a_file_whose_name_holds_a_line_break(in_tmp: Path, tmp_path: Path) -> None:
    """The name is quoted as git quotes it, no header line is forged, and the diff applies."""
    catalog = write_catalog(in_tmp / "catalog", {})
    (catalog / "x\n+++ evil.yaml").write_text(REORDERED, encoding="utf-8")
    copy = tmp_path / "copy"
    shutil.copytree(catalog, copy / "catalog")
    commit_all(copy)
    code, out, _ = run("fmt", "--diff")
    assert code == 1
    assert [line for line in out.splitlines() if line.startswith(("--- ", "+++ "))] == [
        "--- catalog/levels.yaml",
        "+++ catalog/levels.yaml",
        '--- "catalog/x\\n+++ evil.yaml"',
        '+++ "catalog/x\\n+++ evil.yaml"',
    ]
    assert '+++ "catalog/x\\n+++ evil.yaml"\n@@ -1,15 +1,15 @@\n+id: migration\n' in out
    assert run("fmt")[0] == 0
    (copy / "fmt.diff").write_bytes(out.encode("utf-8"))
    git("apply", "-p0", "fmt.diff", cwd=copy)
    assert files(copy / "catalog") == files(catalog)


FIXABLE = """\
- id: jira  # the Jira integration
  name: JIRA
  maturity: Minimal
  summary: no
  variants:
    - id: custom
"""


def test_fix_diff_applied_with_git_apply_gives_what_fix_writes(in_tmp: Path) -> None:
    """`validate --fix --diff` has a/ and b/ paths: plain `git apply` makes the fixed files."""
    catalog = write_catalog(
        in_tmp / "catalog",
        {"x.yaml": category_file(FIXABLE), "levels.yaml": SPACED_LEVELS},
    )
    other = CRLF_UNENDED.replace("integration", "migration").replace("Integration", "Migration")
    other = other.replace("JIRA", "Jenkins")
    (catalog / "y.yaml").write_bytes(other.replace("jira", "jenkins").encode("utf-8"))
    copy = in_tmp / "copy"
    shutil.copytree(catalog, copy / "catalog")
    commit_all(copy)
    code, out, err = run("validate", "--fix", "--diff", "--output-format", "concise")
    assert (code, err) == (
        0,
        "Would fix 3 findings (C004 x2, Y003 x1); 3 files would change (fixes and canonical "
        "layout); 0 findings left.\n",
    )
    assert out.startswith(
        "--- a/catalog/levels.yaml\n+++ b/catalog/levels.yaml\n@@ -4,11 +4,11 @@\n"
    )
    assert (
        "--- a/catalog/x.yaml\n"
        "+++ b/catalog/x.yaml\n"
        "@@ -4,7 +4,7 @@\n"
        " offerings:\n"
        "   - id: jira  # the Jira integration\n"
        "     name: JIRA\n"
        "-    maturity: Minimal\n"
        "-    summary: no\n"
        "+    maturity: minimal\n"
        '+    summary: "no"\n'
        "     variants:\n"
        "       - id: custom\n"
        "--- a/catalog/y.yaml\n"
    ) in out
    assert run("validate", "--fix")[0] == 0
    (copy / "fix.diff").write_bytes(out.encode("utf-8"))
    git("apply", "fix.diff", cwd=copy)
    assert files(copy / "catalog") == files(catalog)


# -- render --check


def stale_page(catalog: Path) -> tuple[str, str]:
    """A page whose catalog region is stale in one table row; and that page rendered."""
    rendered = render_catalog(load_catalog(catalog))
    assert rendered.count("| `custom` |") == 3
    stale = rendered.replace("| `custom` |", "| `bespoke` |", 1)
    page = "# Services\n\n<!-- pscatalog:begin catalog -->\n\n{}\n<!-- pscatalog:end -->\n\nEnd.\n"
    return page.format(stale), page.format(rendered)


def test_render_check_shows_one_line_of_context(in_tmp: Path) -> None:
    """One stale row: the diff of that row with one line either side, page and rendered names."""
    catalog = write_catalog(in_tmp / "catalog", {})
    old, new = stale_page(catalog)
    Path("page.md").write_text(old, encoding="utf-8")
    code, out, err = run("render", "--check", "page.md")
    assert (code, err) == (1, "")
    old_lines, new_lines = old.splitlines(), new.splitlines()
    at = next(n for n, line in enumerate(old_lines) if "bespoke" in line)
    assert out == (
        "page.md: stale region 'catalog' at line 3\n"
        "--- page.md\n"
        "+++ page.md (rendered)\n"
        f"@@ -{at},3 +{at},3 @@\n"
        f" {old_lines[at - 1]}\n"
        f"-{old_lines[at]}\n"
        f"+{new_lines[at]}\n"
        f" {old_lines[at + 1]}\n"
        "1 page stale; 'pscatalog render --write page.md' renders its regions anew.\n"
    )


def test_render_check_marks_a_page_that_does_not_end_with_a_break(in_tmp: Path) -> None:
    """The page's last line has no break: the diff says so, as diff does."""
    write_catalog(in_tmp / "catalog", {})
    Path("page.md").write_text(
        "<!-- pscatalog:begin maturity -->\nold\n<!-- pscatalog:end -->", encoding="utf-8"
    )
    code, out, _ = run("render", "--check", "page.md")
    assert code == 1
    lines = out.splitlines()
    assert lines[1:5] == [
        "--- page.md",
        "+++ page.md (rendered)",
        "@@ -1,3 +1,10 @@",
        " <!-- pscatalog:begin maturity -->",
    ]
    assert lines[5:7] == ["-old", "+"]
    assert lines[-3:-1] == [" <!-- pscatalog:end -->", "\\ No newline at end of file"]


def test_render_check_cuts_a_long_diff(in_tmp: Path) -> None:
    """A diff longer than MAX_DIFF_LINES: that many lines, then one that says it is cut."""
    catalog = write_catalog(in_tmp / "catalog", {})
    rendered = render_catalog(load_catalog(catalog))
    stale = "".join(f"{line}!\n" for line in rendered.splitlines())
    Path("page.md").write_text(
        f"<!-- pscatalog:begin catalog -->\n\n{stale}\n<!-- pscatalog:end -->\n", encoding="utf-8"
    )
    code, out, _ = run("render", "--check", "page.md")
    assert code == 1
    lines = out.splitlines()
    assert lines[1:4] == [
        "--- page.md",
        "+++ page.md (rendered)",
        "@@ -2,{0} +2,{0} @@".format(len(rendered.splitlines()) + 2),
    ]
    assert len(lines) == 1 + MAX_DIFF_LINES + 1 + 1
    assert lines[-2] == f"... (diff cut at {MAX_DIFF_LINES} lines)"


def test_render_check_stops_computing_once_it_has_enough_lines() -> None:
    """A page changed in every fourth row: the cut diff costs a fraction of the whole one."""
    old = "".join(f"| row {n} |\n" for n in range(4000))
    new = "".join(f"| row {n} |\n" if n % 4 else f"| changed {n} |\n" for n in range(4000))
    sync = PageSync(Path("page.md"), "page.md", old, new, (), ())
    cut = work(linediff, sync.diff)
    whole = work(linediff, lambda: sync.diff(max_lines=10**9))
    assert len(sync.diff().splitlines()) == MAX_DIFF_LINES + 1
    # Headers, then a hunk of five lines per changed row; the first has no line above it.
    assert len(sync.diff(max_lines=10**9).splitlines()) == 2 + 1000 * 5 - 1
    assert cut < whole / 2
