"""The repository: one way to find its top folder, and a boundary no path crosses.

Each test builds a real git repository (``git init``) and the links a
hostile commit could hold, then runs the command line as a user would.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from helpers import write_catalog
from pscatalog.checks.checker import validate
from pscatalog.cli.main import cli
from pscatalog.files.boundary import OutsideRepository, inside
from pscatalog.files.repository import repository_root

GIT = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.com"]


def git(*args: str, cwd: Path) -> str:
    """Run git in ``cwd``; return its output."""
    return subprocess.run(
        [*GIT, *args], cwd=cwd, check=True, capture_output=True, text=True
    ).stdout.strip()


def git_top(folder: Path) -> Path:
    """Return git's own answer for the top folder around ``folder``."""
    return Path(git("rev-parse", "--show-toplevel", cwd=folder))


def run(*args: str) -> Result:
    """Run the command line in-process; it must end by exiting, never by another exception."""
    result = CliRunner().invoke(cli, list(args))
    if result.exception is not None:
        assert isinstance(result.exception, SystemExit), repr(result.exception)
    return result


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git repository with a clean catalog, run from its top; ``../outside`` is empty."""
    top = tmp_path / "repo"
    top.mkdir()
    git("init", "-q", cwd=top)
    write_catalog(top / "catalog", {})
    (tmp_path / "outside").mkdir()
    monkeypatch.chdir(top)
    return top


# -- one finder


def test_the_top_folder_is_gits_from_any_folder_inside(repo: Path) -> None:
    """From the top, a subfolder or a path not yet created, the top folder is git's."""
    (repo / "handbook" / "pages").mkdir(parents=True)
    for start in (repo, repo / "handbook" / "pages", repo / "new" / "folder"):
        assert repository_root(start) == repo
    assert git_top(repo / "handbook" / "pages") == repo.resolve()


def test_a_worktree_and_a_nested_clone_are_their_own_top(repo: Path) -> None:
    """A worktree (whose .git is a file) and a clone inside a clone are found as git finds them."""
    git("add", "-A", cwd=repo)
    git("commit", "-q", "-m", "catalog", cwd=repo)
    git("worktree", "add", "-q", "--detach", str(repo / "wt"), cwd=repo)
    assert (repo / "wt" / ".git").is_file()
    (repo / "nested").mkdir()
    git("init", "-q", cwd=repo / "nested")
    for folder in (repo / "wt" / "catalog", repo / "nested"):
        assert repository_root(folder) == git_top(folder)


def test_outside_git_there_is_no_top_folder(tmp_path: Path) -> None:
    """Outside any repository the finder says so."""
    assert repository_root(tmp_path) is None


def test_a_clone_reached_through_a_link_is_not_a_top_folder(repo: Path, tmp_path: Path) -> None:
    """A link in the repository to another clone does not make that clone the repository."""
    other = tmp_path / "other-clone"
    other.mkdir()
    git("init", "-q", cwd=other)
    (repo / "linked").symlink_to(other)
    assert repository_root(repo / "linked") == repo


def test_reports_name_files_from_the_top_folder_in_a_worktree(repo: Path) -> None:
    """Code Quality paths are relative to the worktree's top, found without running git."""
    git("add", "-A", cwd=repo)
    git("commit", "-q", "-m", "catalog", cwd=repo)
    git("worktree", "add", "-q", "--detach", str(repo / "wt"), cwd=repo)
    (repo / "wt" / "catalog" / "x.yaml").write_text("id: x\n", encoding="utf-8")
    os.chdir(repo / "wt" / "catalog")
    result = run("validate", ".", "--report", "gitlab:gl.json")
    assert result.exit_code == 1
    report = (repo / "wt" / "catalog" / "gl.json").read_text(encoding="utf-8")
    assert '"path": "catalog/x.yaml"' in report


# -- reading: a catalog folder or setting out of the repository


def test_a_catalog_folder_linking_out_of_the_repository_is_refused(
    repo: Path, tmp_path: Path
) -> None:
    """`catalog -> /elsewhere`: every command that reads it stops with one line, exit 2."""
    elsewhere = write_catalog(tmp_path / "elsewhere", {"secret.yaml": "id: top-secret\n"})
    (repo / "handbook").mkdir()
    (repo / "handbook" / "catalog").symlink_to(elsewhere)
    line = (
        f"pscatalog: error: {repo}/handbook/catalog: leads to {elsewhere}, "
        f"outside the repository {repo}\n"
    )
    for command in (
        ["validate", "handbook/catalog"],
        ["validate", "handbook/catalog/secret.yaml"],
        ["validate", "--fix", "handbook/catalog"],
        ["render", "handbook/catalog"],
        ["export", "handbook/catalog"],
        ["stats", "handbook/catalog"],
        ["baseline", "handbook/catalog"],
        ["diff", "./catalog", "./handbook/catalog"],
    ):
        result = run(*command)
        assert (result.exit_code, result.stdout, result.stderr) == (2, "", line), command
    result = run("fmt", "handbook/catalog")
    assert (result.exit_code, result.stderr) == (
        2,
        f"pscatalog: error: handbook/catalog: leads to {elsewhere}, "
        f"outside the repository {repo}\n",
    )
    assert sorted(path.name for path in repo.iterdir()) == [".git", "catalog", "handbook"]


def test_a_link_that_climbs_out_of_a_catalog_kept_in_its_own_repository(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`catalog/sub -> ..` leads above a repository whose top is the catalog: refused."""
    catalog = write_catalog(tmp_path / "catalog", {})
    git("init", "-q", cwd=catalog)
    write_catalog(tmp_path / "other", {})
    (catalog / "sub").symlink_to("..")
    monkeypatch.chdir(tmp_path)
    result = run("validate", "catalog/sub/other")
    assert (result.exit_code, result.stderr) == (
        2,
        f"pscatalog: error: {catalog}/sub/other: leads to {tmp_path}, "
        f"outside the repository {catalog}\n",
    )
    with pytest.raises(OutsideRepository):
        validate([catalog / "sub" / "other"])


def test_a_link_inside_the_repository_keeps_working(repo: Path) -> None:
    """`catalog -> handbook/catalog` inside the repository is read as the folder itself."""
    (repo / "catalog").rename(repo / "offerings")
    (repo / "catalog").symlink_to("offerings")
    (repo / "offerings" / "x.yaml").symlink_to("../offerings/a-product.yaml")
    result = run("validate", "--output-format", "concise", "catalog")
    assert (result.exit_code, result.stderr) == (1, "")
    assert "catalog/x.yaml:1:5: error C102" in result.stdout


# -- writing: an output through a folder link


@pytest.mark.parametrize(
    ("command", "message"),
    [
        (["export", "-o", "link/out.json"], "refusing to write link/out.json: it leads outside"),
        (
            ["validate", "--report", "gitlab:link/gl.json"],
            "refusing to write link/gl.json: it leads outside",
        ),
        (["baseline", "-o", "link/b.json"], "refusing to write link/b.json: it leads outside"),
        (["render", "--write", "catalog", "link/page.md"], None),
        (["schema", "--output", "link/schema"], "link/schema: leads to {outside},"),
        (["import", "services.yml", "--output", "link"], "link: leads to {outside},"),
        (["import", "services.yml", "--output", "link/new"], "link/new: leads to {outside},"),
    ],
)
def test_an_output_through_a_folder_link_out_is_refused(
    repo: Path, tmp_path: Path, command: list[str], message: str | None
) -> None:
    """Nothing is written (or created) outside the repository; one line, exit 2."""
    outside = tmp_path / "outside"
    (repo / "link").symlink_to(outside)
    (outside / "page.md").write_text(
        "<!-- pscatalog:begin categories -->\n<!-- pscatalog:end -->\n", encoding="utf-8"
    )
    (repo / "services.yml").write_text(
        "- id: x\n  name: X\n  level: 1 - Product\n  category: Integration\n  maturity: Planned\n",
        encoding="utf-8",
    )
    result = run(*command)
    if message is None:
        # A page is refused on its own (render goes on with the other pages): exit 1.
        line = f"link/page.md: error: it leads outside the repository {repo}; "
        line += "pscatalog reads no page there"
        assert (result.exit_code, result.stderr.splitlines()[-1]) == (1, line)
    else:
        if message.startswith("refusing"):
            message = f"{message} {repo}"
        else:
            message = message.format(outside=outside) + f" outside the repository {repo}"
        assert result.exit_code == 2
        assert result.stderr.splitlines()[-1] == f"pscatalog: error: {message}"
    assert sorted(path.name for path in outside.iterdir()) == ["page.md"]
    assert (outside / "page.md").read_text(encoding="utf-8").count("\n") == 2


def test_an_output_through_a_link_inside_the_repository_is_written(repo: Path) -> None:
    """`-o reports-link/out.json` whose link stays inside the repository writes there."""
    (repo / "reports").mkdir()
    (repo / "reports-link").symlink_to("reports")
    result = run("export", "-o", "reports-link/out.json")
    assert (result.exit_code, result.stderr) == (0, "")
    assert (repo / "reports" / "out.json").read_text(encoding="utf-8").startswith("{")


def test_inside_follows_each_component_as_the_system_does(repo: Path, tmp_path: Path) -> None:
    """`..` after a link goes to the parent of where the link led, not of the link."""
    (repo / "deep" / "er").mkdir(parents=True)
    (repo / "up").symlink_to(repo / "deep" / "er")
    assert inside("up/../x", repo) == repo / "deep" / "x"
    (repo / "out").symlink_to(tmp_path / "outside")
    with pytest.raises(OutsideRepository) as caught:
        inside("out/../repo/catalog", repo)
    assert str(caught.value) == (
        f"out/../repo/catalog: leads to {tmp_path / 'outside'}, outside the repository {repo}"
    )
