"""Which pages `render --check` and `--write` work on, and where a region can be.

Pages in every Markdown suffix and case, folders of pages, links out of the
repository, a byte order mark, regions in HTML blocks, markers where no region
can be, and writes that fail for one page only.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from ruamel.yaml import YAML

from conftest import REPO, SHIPPED_CATALOG
from counting import watchdog
from helpers import write_catalog
from pscatalog.catalog.model import display_name, load_catalog
from pscatalog.cli.main import cli
from pscatalog.outputs.rendering import (
    PAGE_SUFFIXES,
    PageProblem,
    PageSync,
    RegionError,
    _lines,
    find_regions,
    is_page,
    needs_check,
    render,
    sync_pages,
    write_pages,
)

REGION = "<!-- pscatalog:begin maturity -->\n<!-- pscatalog:end -->\n"
SUFFIXES = ".md, .markdown, .mdown, .mdwn, .mkd, .mkdn"


def run(*args: str) -> tuple[int, str, str]:
    """Invoke the CLI in-process; return exit code, stdout and stderr."""
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def book(in_tmp: Path) -> Path:
    """A handbook repository (its top marked by .git) with a small clean catalog."""
    (in_tmp / ".git").mkdir()
    write_catalog(in_tmp / "catalog", {})
    return in_tmp


def filled(catalog: Path, view: str = "maturity") -> str:
    """A region of ``view`` as `--write` fills it from the catalog at ``catalog``."""
    rendered = render(load_catalog(catalog), view)
    return f"<!-- pscatalog:begin {view} -->\n\n{rendered}\n<!-- pscatalog:end -->\n"


def headlines(out: str) -> list[str]:
    """The lines of `--check`'s output that are not diff lines."""
    return [line for line in out.splitlines() if not re.match(r"[-+@ ]|\.\.\. \(", line)]


# -- Markdown suffixes ------------------------------------------------------------------

PAGE_NAMES = ["other.Markdown", "p.md", "upper.MD", "w.mkd", "x.mkdn", "y.MDOWN", "z.mdwn"]


def test_pages_are_markdown_whatever_the_case_of_their_suffix(book: Path) -> None:
    """Named or found in a folder, every Markdown suffix in any case is a page; others are not."""
    docs = book / "docs"
    docs.mkdir()
    for name in [*PAGE_NAMES, "notes.txt", "page.mdx", ".md", "page.md.orig"]:
        (docs / name).write_text(REGION, encoding="utf-8")
    code, out, err = run("render", "--check", "docs")
    assert (code, err) == (1, "")
    shown = " ".join(f"docs/{name}" for name in PAGE_NAMES)
    assert headlines(out) == [
        *(f"docs/{name}: stale region 'maturity' at line 1" for name in PAGE_NAMES),
        f"7 pages stale; 'pscatalog render --write {shown}' renders their regions anew.",
    ]
    assert run("render", "--write", "docs/upper.MD", "docs/other.Markdown")[0] == 0
    assert run("render", "--write", "docs") == (
        0,
        "".join(
            f"docs/{name}: updated region 'maturity' at line 1\n"
            for name in PAGE_NAMES
            if name not in ("upper.MD", "other.Markdown")
        )
        + "5 pages updated, 2 up to date.\n",
        "",
    )
    for name in PAGE_NAMES:
        assert (docs / name).read_text(encoding="utf-8") == filled(book / "catalog")
    for name in ["notes.txt", "page.mdx", ".md", "page.md.orig"]:
        assert (docs / name).read_text(encoding="utf-8") == REGION


@pytest.mark.parametrize(
    ("name", "page"),
    [
        ("services.md", True),
        ("handbook/UPPER.MD", True),
        ("a/b.Markdown", True),
        ("a/b.mdown", True),
        ("a/b.MdWn", True),
        ("a/b.mkd", True),
        ("a/b.MKDN", True),
        ("a/.md", False),
        ("a/page.mdx", False),
        ("a/page.rmd", False),
        ("a/page.litcoffee", False),
        ("a/page.md.txt", False),
        ("a/page.html", False),
        ("a/page.mkdown", False),
    ],
)
def test_the_hook_takes_exactly_the_pages(name: str, page: bool) -> None:
    """The render-check hook's files: and is_page agree on every name; the catalog's files too."""
    hooks = {hook["id"]: hook for hook in YAML(typ="safe").load(REPO / ".pre-commit-hooks.yaml")}
    pattern = re.compile(hooks["pscatalog-render-check"]["files"])
    assert is_page(name) is page
    assert bool(pattern.search(name)) is page
    assert pattern.search("catalog/jira.yaml")
    assert not pattern.search("catalog/archive/jira.yaml")


def test_help_names_every_page_suffix() -> None:
    """`render --help` lists the suffixes the code takes, so the two cannot part."""
    code, out, _ = run("render", "--help")
    assert code == 0
    assert ", ".join(PAGE_SUFFIXES) == SUFFIXES
    assert " ".join(out.split()).count(SUFFIXES + ", in any case") == 1


# -- folders ----------------------------------------------------------------------------

FRESH_NOTE = "# Notes\n\nNo region here, only `<!-- pscatalog:begin maturity -->` in code.\n"


@pytest.mark.parametrize("option", ["--check", "--write"])
def test_a_catalog_file_is_never_a_page(book: Path, option: str) -> None:
    """A description holding marker lines: its YAML file named as a page is refused, untouched."""
    path = book / "catalog" / "a-product.yaml"
    text = path.read_text(encoding="utf-8") + (
        "description: |\n  <!-- pscatalog:begin categories -->\n  <!-- pscatalog:end -->\n"
    )
    path.write_text(text, encoding="utf-8")
    assert run("render", option, "catalog/a-product.yaml") == (
        2,
        "",
        "pscatalog: error: not a page: catalog/a-product.yaml: a YAML file is never a page\n"
        "Try 'pscatalog render --help' for help.\n",
    )
    assert path.read_text(encoding="utf-8") == text
    (book / "page.md").symlink_to("catalog/a-product.yaml")
    assert run("render", option, "page.md") == (
        2,
        "",
        "pscatalog: error: not a page: page.md: a YAML file is never a page\n"
        "Try 'pscatalog render --help' for help.\n",
    )
    assert path.read_text(encoding="utf-8") == text


def test_a_region_after_a_deeply_nested_list_is_found(book: Path) -> None:
    """Ten levels of list (past the CommonMark preset's limit of 20 blocks) hide no region."""
    nested = "".join("  " * depth + f"- level {depth}\n" for depth in range(10))
    page = book / "deep.md"
    page.write_text(
        f"# Services\n\n{nested}\n<!-- pscatalog:begin catalog -->\nSTALE\n<!-- pscatalog:end -->\n",
        encoding="utf-8",
    )
    code, out, _ = run("render", "--check", "deep.md")
    assert (code, headlines(out)[0]) == (1, "deep.md: stale region 'catalog' at line 14")


def test_a_page_nested_past_the_parsers_limit_is_an_error(book: Path) -> None:
    """Sixty levels: where the parser stops reading is an error at its line, never a silence."""
    nested = "".join("  " * depth + f"- level {depth}\n" for depth in range(60))
    page = book / "deep.md"
    page.write_text(
        f"# S\n\n{nested}\n<!-- pscatalog:begin catalog -->\n<!-- pscatalog:end -->\n",
        encoding="utf-8",
    )
    assert run("render", "--check", "deep.md") == (
        1,
        "1 page could not be checked.\n",
        "deep.md:51: error: lists or quotes nest too deeply here for pscatalog to read the rest "
        "of the page (a region after this line would go unseen); nest them less\n",
    )


def test_a_folder_named_stands_for_the_pages_in_it(book: Path) -> None:
    """Pages below the folder are checked and written; those without a region, left alone."""
    content = book / "content"
    (content / "sub").mkdir(parents=True)
    (content / ".git").mkdir()
    (content / "a.md").write_text(f"# A\n\n{REGION}", encoding="utf-8")
    (content / "sub" / "b.MARKDOWN").write_text(filled(book / "catalog"), encoding="utf-8")
    (content / "c.md").write_text("# Nothing here\n", encoding="utf-8")
    (content / "d.md").write_text(FRESH_NOTE, encoding="utf-8")
    (content / ".git" / "x.md").write_text(REGION, encoding="utf-8")
    code, out, err = run("render", "--check", "content")
    assert (code, err) == (1, "")
    assert headlines(out) == [
        "content/a.md: stale region 'maturity' at line 3",
        "1 page stale, 1 up to date, 2 left alone (no region); "
        "'pscatalog render --write content/a.md' renders its regions anew.",
    ]
    assert run("render", "--write", "content") == (
        0,
        "content/a.md: updated region 'maturity' at line 3\n"
        "1 page updated, 1 up to date, 2 left alone (no region).\n",
        "",
    )
    assert (content / "a.md").read_text(encoding="utf-8") == f"# A\n\n{filled(book / 'catalog')}"
    assert (content / "c.md").read_text(encoding="utf-8") == "# Nothing here\n"
    assert (content / "d.md").read_text(encoding="utf-8") == FRESH_NOTE
    assert (content / ".git" / "x.md").read_text(encoding="utf-8") == REGION
    assert run("render", "--check", "content") == (
        0,
        "2 pages up to date, 2 left alone (no region).\n",
        "",
    )


def test_a_folder_named_like_a_page_stands_for_its_pages(book: Path) -> None:
    """`render --check DIR.md` on a folder: the pages in it, not 'name the pages'."""
    (book / "DIR.md").mkdir()
    (book / "DIR.md" / "in.md").write_text(REGION, encoding="utf-8")
    code, out, err = run("render", "--check", "DIR.md")
    assert (code, err) == (1, "")
    assert headlines(out)[0] == "DIR.md/in.md: stale region 'maturity' at line 1"


def test_the_repository_top_stands_for_every_page(book: Path) -> None:
    """`render --write .` fills the pages of the repository, the catalog found as usual."""
    (book / "services.md").write_text(REGION, encoding="utf-8")
    (book / "README.md").write_text("# Handbook\n", encoding="utf-8")
    (book / ".git" / "description.md").write_text(REGION, encoding="utf-8")
    assert run("render", "--write", ".") == (
        0,
        "services.md: updated region 'maturity' at line 1\n"
        "1 page updated, 1 left alone (no region).\n",
        "",
    )
    assert (book / "services.md").read_text(encoding="utf-8") == filled(book / "catalog")
    assert (book / ".git" / "description.md").read_text(encoding="utf-8") == REGION


def test_a_folder_without_a_region_is_an_error(book: Path) -> None:
    """A folder named whose pages hold no region: one line naming it, exit 1."""
    (book / "docs").mkdir()
    (book / "docs" / "readme.md").write_text("# Docs\n", encoding="utf-8")
    (book / "empty").mkdir()
    message = (
        f"error: no page in it holds a pscatalog region ({SUFFIXES} pages, links out of "
        "the repository and .git left out)\n"
    )
    assert run("render", "--check", "docs") == (
        1,
        "1 page left alone (no region).\n",
        f"docs/: {message}",
    )
    assert run("render", "--write", "empty") == (1, "No page written.\n", f"empty/: {message}")


def test_a_catalog_folder_and_a_folder_of_pages(book: Path) -> None:
    """A folder holding a levels file is the catalog the pages are rendered from."""
    other = write_catalog(book / "archive" / "offerings", {})
    (other / "a-product.yaml").write_text(
        (other / "a-product.yaml").read_text(encoding="utf-8").replace("minimal", "viable"),
        encoding="utf-8",
    )
    (book / "content").mkdir()
    (book / "content" / "page.md").write_text(REGION, encoding="utf-8")
    code, _, err = run("render", "--write", "content", "archive/offerings")
    assert code == 0, err
    assert (book / "content" / "page.md").read_text(encoding="utf-8") == filled(other)
    assert filled(other) != filled(book / "catalog")


def test_links_in_a_folder_are_followed_inside_and_noted_outside(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Links inside: each page once, loops end; links out: a note each, never read."""
    root = tmp_path / "book"
    (root / ".git").mkdir(parents=True)
    write_catalog(root / "catalog", {})
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "victim.md").write_text(f"SECRET\n{REGION}", encoding="utf-8")
    content = root / "content"
    (content / "sub").mkdir(parents=True)
    (content / "sub" / "page.md").write_text(filled(root / "catalog"), encoding="utf-8")
    (content / "alias").symlink_to("sub")
    (content / "loop").symlink_to(".")
    (content / "same.md").symlink_to("sub/page.md")
    (content / "out").symlink_to(outside)
    (content / "out.md").symlink_to(outside / "victim.md")
    monkeypatch.chdir(root)
    note = f"note: it leads outside the repository {root}; pscatalog reads no page there\n"
    assert run("render", "--check", "content") == (
        0,
        "1 page up to date.\n",
        f"content/out: {note}content/out.md: {note}",
    )
    assert run("render", "--write", "content")[0] == 0
    assert (outside / "victim.md").read_text(encoding="utf-8") == f"SECRET\n{REGION}"


# -- links out of the repository --------------------------------------------------------


def test_no_page_is_read_or_written_through_a_link_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A page link or a folder link that leads out: the same error for --check and --write."""
    root = tmp_path / "book"
    (root / ".git").mkdir(parents=True)
    write_catalog(root / "catalog", {})
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "victim.md").write_text(f"SECRET\n{REGION}", encoding="utf-8")
    (outside / "other.md").write_text(f"SECRET\n{REGION}", encoding="utf-8")
    (root / "link.md").symlink_to(outside / "victim.md")
    (root / "docs").symlink_to(outside)
    (root / "page.md").write_text(REGION, encoding="utf-8")
    monkeypatch.chdir(root)
    refused = f"error: it leads outside the repository {root}; pscatalog reads no page there\n"
    expected_err = f"link.md: {refused}docs/other.md: {refused}"
    code, out, err = run("render", "--check", "link.md", "docs/other.md", "page.md")
    assert (code, err) == (1, expected_err)
    assert headlines(out) == [
        "page.md: stale region 'maturity' at line 1",
        "1 page stale, 2 could not be checked; "
        "'pscatalog render --write page.md' renders its regions anew.",
    ]
    assert "SECRET" not in out
    assert run("render", "--write", "link.md", "docs/other.md", "page.md") == (
        1,
        "page.md: updated region 'maturity' at line 1\n1 page updated, 2 could not be written.\n",
        expected_err,
    )
    assert run("render", "--check", "docs") == (1, "No page checked.\n", f"docs/: {refused}")
    assert (outside / "victim.md").read_text(encoding="utf-8") == f"SECRET\n{REGION}"
    assert (outside / "other.md").read_text(encoding="utf-8") == f"SECRET\n{REGION}"
    assert (root / "page.md").read_text(encoding="utf-8") == filled(root / "catalog")


# -- a byte order mark ------------------------------------------------------------------


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_byte_order_mark_before_the_first_marker(book: Path, newline: str) -> None:
    """The mark is skipped to find the marker, and kept where it was on write."""
    page = book / "bom.md"
    page.write_bytes(b"\xef\xbb\xbf" + REGION.replace("\n", newline).encode("utf-8"))
    assert run("render", "--write", "bom.md") == (
        0,
        "bom.md: updated region 'maturity' at line 1\n1 page updated.\n",
        "",
    )
    expected = "\ufeff" + filled(book / "catalog").replace("\n", newline)
    assert page.read_bytes() == expected.encode("utf-8")
    assert run("render", "--check", "bom.md") == (0, "1 page up to date.\n", "")


# -- regions in HTML blocks, markers where no region can be -----------------------------

DETAILS = """\
# Services

<details>
<summary>Our services</summary>
<!-- pscatalog:begin categories -->
<!-- pscatalog:end -->
</details>

Outro.
"""


def test_a_region_in_a_details_block_is_filled_and_shows_inside_it(book: Path) -> None:
    """The region's blank lines end the HTML block: its tables render inside the fold."""
    page = book / "det.md"
    page.write_text(DETAILS, encoding="utf-8")
    code, out, err = run("render", "--check", "det.md")
    assert (code, err) == (1, "")
    assert headlines(out)[0] == "det.md: stale region 'categories' at line 5"
    assert run("render", "--write", "det.md") == (
        0,
        "det.md: updated region 'categories' at line 5\n1 page updated.\n",
        "",
    )
    rendered = render(load_catalog(book / "catalog"), "categories")
    written = page.read_text(encoding="utf-8")
    assert written == DETAILS.replace(
        "<!-- pscatalog:begin categories -->\n",
        f"<!-- pscatalog:begin categories -->\n\n{rendered}\n",
    )
    html = MarkdownIt("commonmark").enable("table").render(written)
    assert html.count("<table>") == 3
    assert html.index("<details>") < html.index("<h4>") < html.rindex("</table>")
    assert html.rindex("</table>") < html.index("</details>")
    assert run("render", "--write", "det.md") == (0, "1 page up to date.\n", "")
    assert page.read_text(encoding="utf-8") == written


OUT_OF_PLACE = [
    (
        "- item\n  <!-- pscatalog:begin maturity -->\n  <!-- pscatalog:end -->\n",
        2,
        "a marker inside a list item is not a region (the rendered tables cannot go there); "
        "put the markers at the top level of the page, neither indented nor quoted",
    ),
    (
        "> <!-- pscatalog:begin maturity -->\n> <!-- pscatalog:end -->\n",
        1,
        "a marker inside a block quote is not a region (the rendered tables cannot go "
        "there); put the markers at the top level of the page, neither indented nor quoted",
    ),
    (
        "Intro\n\nSee <!-- pscatalog:begin maturity --> here.\n\n<!-- pscatalog:end -->\n",
        3,
        "a marker amid text is not a region; put it on a line of its own",
    ),
    (
        "<pre>\n<!-- pscatalog:begin maturity -->\n<!-- pscatalog:end -->\n</pre>\n",
        2,
        "a marker inside the HTML block that starts at line 1 (<pre>) is text: what that "
        "block holds is not Markdown; put the markers outside it",
    ),
    (
        "<!-- notes\n<!-- pscatalog:begin maturity -->\n<!-- pscatalog:end -->\n",
        2,
        "a marker inside the HTML comment that starts at line 1 is text; end that comment "
        "before the marker",
    ),
    (
        "<!-- pscatalog-begin maturity -->\n<!-- pscatalog:end -->\n",
        1,
        "a comment that looks like a marker but is not one: write "
        "<!-- pscatalog:begin VIEW --> or <!-- pscatalog:end -->, in lower case, on one line",
    ),
    (
        "<!-- PSCATALOG:BEGIN maturity -->\n<!-- pscatalog:end -->\n",
        1,
        "a comment that looks like a marker but is not one: write "
        "<!-- pscatalog:begin VIEW --> or <!-- pscatalog:end -->, in lower case, on one line",
    ),
    (
        "<!-- pscatalog:begin maturity -->\n<!-- pscatalog:end --> old table\n",
        2,
        "a marker shares its line with other text; put it on a line of its own",
    ),
    (
        "<div>\n\t<!-- pscatalog:begin maturity -->\n\t<!-- pscatalog:end -->\n</div>\n",
        2,
        "a marker indented 4 columns or more would be read as code once the region is "
        "filled; indent it less",
    ),
]


@pytest.mark.parametrize(("text", "line", "message"), OUT_OF_PLACE)
def test_a_marker_where_no_region_can_be_is_an_error_at_its_line(
    book: Path, text: str, line: int, message: str
) -> None:
    """Never text taken silently: the page and line, why, and the page left as it is."""
    page = book / "p.md"
    page.write_text(text, encoding="utf-8")
    assert run("render", "--check", "p.md") == (
        1,
        "1 page could not be checked.\n",
        f"p.md:{line}: error: {message}\n",
    )
    assert run("render", "--write", "p.md") == (
        1,
        "1 page could not be written.\n",
        f"p.md:{line}: error: {message}\n",
    )
    assert page.read_text(encoding="utf-8") == text
    assert needs_check(page)


def test_a_page_found_in_a_folder_with_a_misplaced_marker_is_reported(book: Path) -> None:
    """A folder's page is left alone only when it has no marker at all, not a misplaced one."""
    (book / "docs").mkdir()
    (book / "docs" / "quote.md").write_text(OUT_OF_PLACE[1][0], encoding="utf-8")
    (book / "docs" / "page.md").write_text(filled(book / "catalog"), encoding="utf-8")
    assert run("render", "--check", "docs") == (
        1,
        "1 page up to date, 1 could not be checked.\n",
        f"docs/quote.md:1: error: {OUT_OF_PLACE[1][2]}\n",
    )


# -- writes that fail -------------------------------------------------------------------


def test_a_page_that_cannot_be_written_leaves_the_others_written(book: Path) -> None:
    """A read-only page is refused with its reason; the next page is still written."""
    (book / "a.md").write_text(REGION, encoding="utf-8")
    (book / "a.md").chmod(0o444)
    (book / "b.md").write_text(REGION, encoding="utf-8")
    assert run("render", "--write", "a.md", "b.md") == (
        1,
        "b.md: updated region 'maturity' at line 1\n1 page updated, 1 could not be written.\n",
        "a.md: error: not written: it is read-only; the page is left as it was\n",
    )
    assert (book / "a.md").read_text(encoding="utf-8") == REGION
    assert (book / "b.md").read_text(encoding="utf-8") == filled(book / "catalog")


# -- the hook's page selection with the real git ----------------------------------------


def git(root: Path, *args: str) -> None:
    """Run git in ``root`` as a handbook maintainer; it must succeed."""
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Handbook Maintainer",
        "GIT_AUTHOR_EMAIL": "maintainer@handbook.invalid",
        "GIT_COMMITTER_NAME": "Handbook Maintainer",
        "GIT_COMMITTER_EMAIL": "maintainer@handbook.invalid",
    }
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        env.pop(name, None)
    done = subprocess.run(["git", *args], cwd=root, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


@pytest.fixture
def repository(in_tmp: Path) -> Path:
    """A git repository with a small catalog and fresh pages of every suffix and case."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    git(in_tmp, "init", "-q", "-b", "main")
    write_catalog(in_tmp / "catalog", {})
    (in_tmp / "docs" / "hb").mkdir(parents=True)
    for name in ("services.md", "docs/hb/other.markdown", "docs/hb/UPPER.MD"):
        (in_tmp / name).write_text(filled(in_tmp / "catalog"), encoding="utf-8")
    (in_tmp / "docs" / "hb" / "details.Md").write_text(
        DETAILS.replace("categories", "maturity"), encoding="utf-8"
    )
    assert run("render", "--write", "docs/hb/details.Md")[0] == 0
    git(in_tmp, "add", "-A")
    git(in_tmp, "commit", "-q", "-m", "pages")
    return in_tmp


def test_staged_checks_every_tracked_page_of_any_suffix_when_the_catalog_changes(
    repository: Path,
) -> None:
    """A catalog change re-checks .markdown, .MD and the <details> page, not only .md."""
    category = repository / "catalog" / "a-product.yaml"
    category.write_text(
        category.read_text(encoding="utf-8").replace("minimal", "planned"), encoding="utf-8"
    )
    assert run("render", "--write", "services.md")[0] == 0
    git(repository, "add", "-A")
    code, out, err = run("render", "--check", "--staged", "catalog/a-product.yaml", "services.md")
    assert (code, err) == (1, "")
    pages = ["docs/hb/UPPER.MD", "docs/hb/details.Md", "docs/hb/other.markdown"]
    assert sorted(headlines(out)[:-1]) == sorted(
        f"{page}: stale region 'maturity' at line {5 if 'details' in page else 1}" for page in pages
    )
    assert headlines(out)[-1].startswith("3 pages stale, 1 up to date; ")


def test_staged_reports_a_changed_page_whose_markers_are_out_of_place(repository: Path) -> None:
    """A page whose only markers sit in a quote is reported, not skipped as markerless."""
    (repository / "docs" / "quote.MARKDOWN").write_text(OUT_OF_PLACE[1][0], encoding="utf-8")
    (repository / "docs" / "howto.md").write_text(FRESH_NOTE, encoding="utf-8")
    git(repository, "add", "-A")
    assert run("render", "--check", "--staged", "docs/quote.MARKDOWN", "docs/howto.md") == (
        1,
        "1 page could not be checked.\n",
        f"docs/quote.MARKDOWN:1: error: {OUT_OF_PLACE[1][2]}\n",
    )
    assert run("render", "--check", "--staged", "docs/howto.md") == (
        0,
        "No page to check.\n",
        "",
    )


# -- generated pages: regions at the top level and in HTML blocks ------------------------

NOISE = [
    "Some text with `<!-- pscatalog:end -->` in code.\n",
    "```\n<!-- pscatalog:begin maturity -->\n```\n",
    "<details>\n<summary>Unrelated</summary>\n\nText.\n\n</details>\n",
    "- item\n- another\n",
    "> a quote\n",
    "# A heading\n",
]
WRAPPERS = [
    "{region}",
    "<details>\n<summary>Services</summary>\n{region}</details>\n",
    "<details>\n{region}</details>\n",
    "<div>\n  {region}</div>\n",
    "<table><tr><td>\n{region}</td></tr></table>\n",
]
BODIES = ["", "stale\n", "\n", "<table>\n<tr><td>old</td></tr>\n</table>\n"]


@st.composite
def folded_pages(draw: st.DrawFn) -> tuple[str, int]:
    """A page with one to three regions, each at the top level or in an HTML block."""
    parts: list[str] = []
    regions = draw(st.integers(1, 3))
    for _ in range(regions):
        parts += draw(st.lists(st.sampled_from(NOISE), max_size=2))
        view = draw(st.sampled_from(["categories", "catalog", "maturity"]))
        wrapper = draw(st.sampled_from(WRAPPERS))
        indent = "  " if wrapper.startswith("<div>") else ""
        region = (
            f"<!-- pscatalog:begin {view} -->\n{draw(st.sampled_from(BODIES))}"
            f"{indent}<!-- pscatalog:end -->\n"
        )
        parts.append(wrapper.format(region=region))
    parts += draw(st.lists(st.sampled_from(NOISE), max_size=2))
    text = "\n".join(parts).replace("\n", draw(st.sampled_from(["\n", "\r\n", "\r"])))
    return ("\ufeff" if draw(st.booleans()) else "") + text, regions


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(folded_pages())
def test_folded_regions_are_written_once_and_stay_written(page: tuple[str, int]) -> None:
    """Every region is found and filled, nothing else changes, a second write changes nothing."""
    text, count = page
    catalog = load_catalog(SHIPPED_CATALOG)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "page.md"
        path.write_bytes(text.encode("utf-8"))
        regions = find_regions(text)
        assert len(regions) == count
        outcomes = write_pages(sync_pages(catalog, [path]))
        assert [type(outcome) for outcome in outcomes] == [PageSync]
        written = path.read_bytes().decode("utf-8")
        assert written.startswith("\ufeff") == text.startswith("\ufeff")
        again = find_regions(written)
        assert [region.view for region in again] == [region.view for region in regions]
        lines = _lines(written)
        for region in again:
            body = "".join(lines[region.begin : region.end - 1])
            assert "stale" not in body
            assert "<td>old</td>" not in body
        assert sync_pages(catalog, [path])[0] == PageSync(
            path, display_name(path), written, written, tuple(again), ()
        )


def test_a_line_of_repeated_marker_openings_is_judged_in_linear_time() -> None:
    """Four megabytes of unclosed openings on one line: an error at once, never a hang."""
    text = "<!-- pscatalog:begin " * 200_000 + "\n"
    with watchdog(60), pytest.raises(RegionError) as raised:
        find_regions(text)
    assert (raised.value.line, raised.value.message) == (
        1,
        "a comment that looks like a marker but is not one: write "
        "<!-- pscatalog:begin VIEW --> or <!-- pscatalog:end -->, in lower case, on one line",
    )


def test_a_page_changed_since_it_was_read_is_not_overwritten(book: Path) -> None:
    """write_pages: the changed page is reported and kept; the other page is written."""
    (book / "a.md").write_text(REGION, encoding="utf-8")
    (book / "b.md").write_text(REGION, encoding="utf-8")
    outcomes = sync_pages(load_catalog(book / "catalog"), [Path("a.md"), Path("b.md")])
    (book / "a.md").write_text(f"# Edited meanwhile\n{REGION}", encoding="utf-8")
    written = write_pages(outcomes)
    assert written[0] == PageProblem(
        "a.md",
        "not written: it changed on disk since pscatalog read it; the page is left as it was",
    )
    assert written[1] == outcomes[1]
    assert (book / "a.md").read_text(encoding="utf-8") == f"# Edited meanwhile\n{REGION}"
    assert (book / "b.md").read_text(encoding="utf-8") == filled(book / "catalog")


def test_the_hint_names_a_page_named_like_an_option_after_a_double_dash(book: Path) -> None:
    """A stale '-x.md': the command the hint gives writes it, and is not read as an option."""
    (book / "-x.md").write_text(REGION, encoding="utf-8")
    code, out, err = run("render", "--check", "--", "-x.md")
    assert (code, err) == (1, "")
    assert headlines(out)[-1] == (
        "1 page stale; 'pscatalog render --write -- -x.md' renders its regions anew."
    )
    assert run("render", "--write", "--", "-x.md")[0] == 0
    assert (book / "-x.md").read_text(encoding="utf-8") == filled(book / "catalog")


def test_which_pages_the_hook_must_look_at(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A region or something to report: yes; no marker, only markers in code, no file: no."""
    root = tmp_path / "book"
    (root / ".git").mkdir(parents=True)
    (tmp_path / "outside.md").write_text("# Nothing\n", encoding="utf-8")
    monkeypatch.chdir(root)
    pages = {
        "region.md": REGION.encode(),
        "bom.md": b"\xef\xbb\xbf" + REGION.encode(),
        "folded.md": DETAILS.encode(),
        "unpaired.md": b"<!-- pscatalog:end -->\n",
        "latin1.md": b"<!-- pscatalog:begin maturity -->\n\xe9\n",
        "plain.md": b"# Nothing\n",
        "code.md": FRESH_NOTE.encode(),
    }
    for name, data in pages.items():
        (root / name).write_bytes(data)
    (root / "out.md").symlink_to(tmp_path / "outside.md")
    (root / "gone.md").symlink_to("nowhere.md")
    looked_at = [name for name in [*pages, "out.md", "gone.md"] if needs_check(Path(name))]
    assert looked_at == ["region.md", "bom.md", "folded.md", "unpaired.md", "latin1.md", "out.md"]


def test_a_folder_named_twice_or_within_another_is_searched_as_one(book: Path) -> None:
    """Each page once; a folder whose pages another folder named already holds is no error."""
    (book / "content" / "sub").mkdir(parents=True)
    (book / "content" / "sub" / "page.md").write_text(REGION, encoding="utf-8")
    (book / "content" / "readme.md").write_text("# Content\n", encoding="utf-8")
    code, out, err = run("render", "--check", "content", "content/sub", "./content")
    assert (code, err) == (1, "")
    assert headlines(out) == [
        "content/sub/page.md: stale region 'maturity' at line 1",
        "1 page stale, 1 left alone (no region); "
        "'pscatalog render --write content/sub/page.md' renders its regions anew.",
    ]
    code, out, err = run("render", "--check", "content/sub/page.md", "content")
    assert (code, err) == (1, "")
    assert headlines(out)[-1].startswith("1 page stale, 1 left alone (no region); ")
