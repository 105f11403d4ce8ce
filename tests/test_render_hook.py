"""The render-check hook with the real pre-commit and git, pages of every Markdown suffix.

The handbook installs this checkout's `pscatalog-render-check` at its last commit, with
its defaults, as the README shows; pre-commit builds the hook's environment once for the
module.
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

IDENTITY = {
    "GIT_AUTHOR_NAME": "Handbook Maintainer",
    "GIT_AUTHOR_EMAIL": "maintainer@handbook.invalid",
    "GIT_COMMITTER_NAME": "Handbook Maintainer",
    "GIT_COMMITTER_EMAIL": "maintainer@handbook.invalid",
}
PSCATALOG = [sys.executable, "-c", "from pscatalog.cli.main import main; main()"]
REGION = "<!-- pscatalog:begin categories -->\n<!-- pscatalog:end -->\n"
FOLD = f"# Services\n\n<details>\n<summary>Our services</summary>\n{REGION}</details>\n"
PAGES = {
    "services.md": f"# Services\n\n{REGION}",
    "docs/hb/other.markdown": REGION,
    "docs/hb/UPPER.MD": REGION,
    "docs/fold.Md": FOLD,
}


class Book:
    """A handbook repository whose commits run the render-check hook."""

    def __init__(self, root: Path, env: dict[str, str]) -> None:
        self.root = root
        self.env = env

    def run(self, *command: str) -> subprocess.CompletedProcess[str]:
        """Run a command in the repository; its output as text."""
        return subprocess.run(
            list(command), cwd=self.root, env=self.env, capture_output=True, text=True
        )

    def commit(self, message: str) -> tuple[int, str]:
        """Stage everything and commit; git's exit code and what the hook printed."""
        assert self.run("git", "add", "-A").returncode == 0
        done = self.run("git", "commit", "-q", "-m", message)
        return done.returncode, done.stdout + done.stderr

    def write(self, name: str, text: str) -> None:
        """Write a file of the repository, its folders made as needed."""
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def revision() -> str:
    """The commit of this checkout the hook is installed from."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    found = subprocess.run(["git", "rev-parse", "HEAD"], cwd=REPO, capture_output=True, text=True)
    if found.returncode != 0:
        pytest.skip("this checkout is not a git repository")
    return found.stdout.strip()


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One pre-commit home for the module: the hook's environment is built once."""
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture
def book(tmp_path: Path, revision: str, home: Path) -> Book:
    """A handbook with the shipped catalog and fresh pages, committed through the hook."""
    env = {**os.environ, **IDENTITY, "PRE_COMMIT_HOME": str(home)}
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        env.pop(name, None)
    handbook = Book(tmp_path / "handbook", env)
    handbook.root.mkdir()
    assert handbook.run("git", "init", "-q", "-b", "main").returncode == 0
    shutil.copytree(SHIPPED_CATALOG, handbook.root / "catalog")
    shutil.copytree(REPO / "schema", handbook.root / "schema")
    handbook.write(
        ".pre-commit-config.yaml",
        f"repos:\n  - repo: {REPO}\n    rev: {revision}\n    hooks:\n"
        "      - id: pscatalog-render-check\n",
    )
    installed = handbook.run(sys.executable, "-m", "pre_commit", "install")
    assert installed.returncode == 0, installed.stdout + installed.stderr
    for name, text in PAGES.items():
        handbook.write(name, text)
    written = handbook.run(*PSCATALOG, "render", "--write", "-q", *PAGES)
    assert written.returncode == 0, written.stderr
    code, output = handbook.commit("Add the pages")
    assert code == 0, output
    return handbook


def test_a_catalog_change_rechecks_pages_of_every_suffix_and_folded_regions(book: Book) -> None:
    """services.md re-rendered alone: the .markdown, .MD and <details> pages stop the commit."""
    education = book.root / "catalog" / "education.yaml"
    text = education.read_text(encoding="utf-8")
    assert "name: Asynchronous eLearning" in text
    education.write_text(text.replace("name: Asynchronous eLearning", "name: Async eLearning"))
    assert book.run(*PSCATALOG, "render", "--write", "-q", "services.md").returncode == 0
    code, output = book.commit("Rename the eLearning offering")
    assert code == 1
    assert re.search(r"pscatalog render --check\.+Failed", output)
    stale = sorted(re.findall(r"^(\S+): stale region 'categories' at line (\d+)$", output, re.M))
    assert stale == [
        ("docs/fold.Md", "5"),
        ("docs/hb/UPPER.MD", "1"),
        ("docs/hb/other.markdown", "1"),
    ]
    assert "3 pages stale, 1 up to date; 'pscatalog render --write " in output
    fixed = book.run(*PSCATALOG, "render", "--write", "-q", "docs")
    assert fixed.returncode == 0, fixed.stderr
    code, output = book.commit("Rename the eLearning offering")
    assert code == 0, output
    assert re.search(r"pscatalog render --check\.+Passed", output)


def test_a_page_with_markers_out_of_place_is_reported_not_skipped(book: Book) -> None:
    """Markers in a list stop the commit at their line; a page without markers passes."""
    book.write("notes.MARKDOWN", "# Notes\n\n- services:\n  " + REGION.replace("\n<", "\n  <"))
    code, output = book.commit("Add notes")
    assert code == 1
    assert (
        "notes.MARKDOWN:4: error: a marker inside a list item is not a region (the rendered "
        "tables cannot go there); put the markers at the top level of the page, neither "
        "indented nor quoted\n"
    ) in output
    assert book.run("git", "reset", "-q", "--hard").returncode == 0
    book.write("README.Markdown", "# The handbook\n\nNo region here.\n")
    code, output = book.commit("Add a README")
    assert code == 0, output
    assert re.search(r"pscatalog render --check\.+Passed", output)
