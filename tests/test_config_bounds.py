"""Configuration stops at the repository, and a setting that would check nothing is refused.

The search for ``pscatalog.toml`` or ``[tool.pscatalog]`` never reads a file
above the repository's top folder: a ``pyproject.toml`` in a shared runner's
build folder or a home folder cannot make a broken catalog pass, nor break a
run. Settings that would silently check nothing, catalogs outside the
repository and limits out of range stop the run with one line (exit 2).
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

import pscatalog.checks.config
from helpers import category_file, write_catalog
from pscatalog.checks.config import find_config
from pscatalog.cli.main import cli

BROKEN = """\
- id: jira
  name: JIRA
  maturity: Complete
  variants:
    - id: custom
"""
"""An offering that claims a maturity without evidence, in the wrong case: errors C004, M002..."""

IGNORE_EVERYTHING = '[tool.pscatalog]\nignore = ["C", "D", "M", "N", "S", "Y"]\n'
DEEP = "[tool.other]\nx = " + "[" * 3000 + "]" * 3000 + "\n"


def run(*args: str) -> Result:
    """Run the command line in-process; it must end by exiting, never by another exception."""
    result = CliRunner().invoke(cli, list(args))
    if result.exception is not None:
        assert isinstance(result.exception, SystemExit), repr(result.exception)
    return result


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git repository (``git init``) in ``tmp_path/repo`` with a broken catalog, run from it."""
    top = tmp_path / "repo"
    top.mkdir()
    subprocess.run(["git", "init", "-q"], cwd=top, check=True)
    write_catalog(top / "catalog", {"x.yaml": category_file(BROKEN)})
    (tmp_path / "outside").mkdir()
    monkeypatch.chdir(top)
    return top


def read_paths(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Record every file the configuration search opens (to search it or to parse it)."""
    opened: list[Path] = []
    for name in ("may_hold", "load_toml"):
        original = getattr(pscatalog.checks.config, name)

        def recorded(path: Path, *args: Any, _original: Any = original, **kwargs: Any) -> Any:
            opened.append(Path(path))
            return _original(path, *args, **kwargs)

        monkeypatch.setattr(pscatalog.checks.config, name, recorded)
    return opened


# -- the search stops at the repository


@pytest.mark.parametrize("name", ["pyproject.toml", "pscatalog.toml"])
def test_a_configuration_above_the_repository_is_never_read(
    repo: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """A file above the git top folder that ignores every code does not make a broken catalog pass."""
    above = repo.parent / name
    above.write_text(
        IGNORE_EVERYTHING.removeprefix("[tool.pscatalog]\n")
        if name == "pscatalog.toml"
        else IGNORE_EVERYTHING,
        encoding="utf-8",
    )
    opened = read_paths(monkeypatch)
    (repo / "catalog" / "sub").mkdir()
    monkeypatch.chdir(repo / "catalog" / "sub")
    assert find_config() is None
    result = run("validate", "--output-format", "concise", "..")
    assert result.exit_code == 1
    assert "catalog/x.yaml:7:15: error C004 maturity 'Complete' must be written in lowercase" in (
        result.stdout.replace("../x.yaml", "catalog/x.yaml")
    )
    assert above not in opened
    assert all(path.is_relative_to(repo) for path in opened)


def test_a_hostile_pyproject_above_the_repository_breaks_nothing(repo: Path) -> None:
    """Arrays nested 3,000 deep in a pyproject.toml above the repository: the run goes on."""
    (repo.parent / "pyproject.toml").write_text(DEEP, encoding="utf-8")
    result = run("validate", "--output-format", "concise")
    assert (result.exit_code, result.stderr) == (1, "")
    assert "catalog/x.yaml:7:15: error C004" in result.stdout


def test_a_configuration_in_the_repository_is_found_from_below(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Inside the repository the search still goes up to its top folder."""
    (repo / "pyproject.toml").write_text(IGNORE_EVERYTHING, encoding="utf-8")
    (repo / "docs").mkdir()
    monkeypatch.chdir(repo / "docs")
    assert find_config() == repo / "pyproject.toml"
    assert run("validate").exit_code == 0


def test_outside_git_the_search_stops_at_the_folder_that_holds_the_catalog(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without git, the project's folder (the one with catalog/) is the top: nothing above is read."""
    project = tmp_path / "project"
    write_catalog(project / "catalog", {"x.yaml": category_file(BROKEN)})
    (tmp_path / "pyproject.toml").write_text(IGNORE_EVERYTHING, encoding="utf-8")
    (project / "docs").mkdir()
    monkeypatch.chdir(project / "docs")
    assert find_config() is None
    assert run("validate").exit_code == 1
    (project / "pscatalog.toml").write_text('ignore = ["C004", "M"]\n', encoding="utf-8")
    assert find_config() == project / "pscatalog.toml"
    assert run("validate").exit_code == 0


def test_outside_git_without_a_catalog_only_the_current_folder_is_searched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No catalog/ folder around and no git: the current folder alone."""
    (tmp_path / "pscatalog.toml").write_text('ignore = ["M"]\n', encoding="utf-8")
    (tmp_path / "below").mkdir()
    monkeypatch.chdir(tmp_path / "below")
    assert find_config() is None


def test_a_configuration_linking_out_of_the_repository_is_refused(
    repo: Path, tmp_path: Path
) -> None:
    """`pscatalog.toml -> ../outside/x.toml`: not read; one line, exit 2."""
    target = tmp_path / "outside" / "x.toml"
    target.write_text(IGNORE_EVERYTHING.removeprefix("[tool.pscatalog]\n"), encoding="utf-8")
    (repo / "pscatalog.toml").symlink_to(target)
    result = run("validate")
    assert (result.exit_code, result.stderr) == (
        2,
        f"pscatalog: error: {repo}/pscatalog.toml: leads to {target}, outside the repository "
        f"{repo}: a configuration outside the repository is not read\n",
    )


# -- the catalog a configuration names stays in the repository


@pytest.mark.parametrize("setting", ["../outside", "{outside}", "catalog/../.."])
def test_a_catalog_setting_outside_the_repository_is_refused(
    repo: Path, tmp_path: Path, setting: str
) -> None:
    """`catalog = "../other"` or an absolute path elsewhere: one line naming the setting, exit 2."""
    value = setting.format(outside=tmp_path / "outside")
    (repo / "pscatalog.toml").write_text(f'catalog = "{value}"\n', encoding="utf-8")
    result = run("validate")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"pscatalog: error: {repo}/pscatalog.toml: 'catalog' = {value!r} "
        f"is outside the repository {repo}: name a folder inside it\n"
    )


def test_a_catalog_setting_through_a_link_out_is_refused(repo: Path, tmp_path: Path) -> None:
    """A setting naming a folder link that leads out is refused like a path written out."""
    (repo / "offerings").symlink_to(tmp_path / "outside")
    (repo / "pscatalog.toml").write_text('catalog = "offerings"\n', encoding="utf-8")
    result = run("validate")
    assert (result.exit_code, result.stderr) == (
        2,
        f"pscatalog: error: {repo}/pscatalog.toml: 'catalog' = 'offerings' "
        f"is outside the repository {repo}: name a folder inside it\n",
    )


# -- settings that would check nothing, and limits out of range


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        (
            'ignore = [""]\n',
            "'ignore': an empty code would match every code: "
            'name codes or prefixes, such as "M003" or "M"',
        ),
        (
            'select = ["C", " "]\n',
            "'select': an empty code would match every code: "
            'name codes or prefixes, such as "M003" or "M"',
        ),
        (
            "select = []\n",
            "'select' is empty, so it would match nothing: "
            'name codes or prefixes, such as ["M003", "C1"], or remove it',
        ),
        (
            '[per-file-ignores]\n"catalog/x.yaml" = []\n',
            "'per-file-ignores' 'catalog/x.yaml' is empty, so it would match nothing: "
            'name codes or prefixes, such as ["M003", "C1"], or remove it',
        ),
        (
            '[per-file-ignores]\n"" = ["M"]\n',
            "'per-file-ignores': an empty glob matches no file: "
            'write one such as "catalog/legacy-*.yaml"',
        ),
        (
            '[per-file-ignores]\n"catalog/*.yaml" = [""]\n',
            "'per-file-ignores' 'catalog/*.yaml': an empty code would match every code: "
            'name codes or prefixes, such as "M003" or "M"',
        ),
        ('catalog = ""\n', "'catalog' must name a folder, such as \"catalog\""),
        ('catalog = "cata\\u0000log"\n', "'catalog' must name a folder, such as \"catalog\""),
        ('[severity]\n"M00\\n3" = "error"\n', "'severity': 'M00\\n3' is not a code"),
        (
            '[severity]\nM003 = ["error"]\n',
            "'severity': 'M003' must be \"error\", \"warning\" or \"info\", not ['error']",
        ),
    ],
)
def test_a_setting_that_would_check_nothing_is_refused(repo: Path, toml: str, message: str) -> None:
    """An empty selector, list or glob is a configuration error, never a silent "check nothing"."""
    (repo / "pscatalog.toml").write_text(toml, encoding="utf-8")
    result = run("validate")
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        f"pscatalog: error: {repo}/pscatalog.toml: {message}\n",
    )


@pytest.mark.parametrize(
    ("key", "value", "low", "high"),
    [
        ("max-depth", "0", "1", "256"),
        ("max-depth", "-1", "1", "256"),
        ("max-depth", "257", "1", "256"),
        ("max-depth", "true", "1", "256"),
        ("max-file-bytes", "1_000_000_000_000", "1", "1,073,741,824"),
        ("max-file-bytes", "1.5", "1", "1,073,741,824"),
        ("max-alias-nodes", "0", "1", "1,000,000"),
        ("max-alias-nodes", '"100"', "1", "1,000,000"),
        ("max-alias-nodes", "9223372036854775807", "1", "1,000,000"),
    ],
)
def test_a_limit_out_of_range_is_refused_with_the_range(
    repo: Path, key: str, value: str, low: str, high: str
) -> None:
    """0, negative, absurdly large or not a whole number: one line giving the allowed range."""
    (repo / "pscatalog.toml").write_text(f"[limits]\n{key} = {value}\n", encoding="utf-8")
    shown = {"true": "True", "1_000_000_000_000": "1000000000000", '"100"': "'100'"}.get(
        value, value
    )
    result = run("validate")
    assert (result.exit_code, result.stderr) == (
        2,
        f"pscatalog: error: {repo}/pscatalog.toml: 'limits': '{key}' must be a whole number "
        f"from {low} to {high}, not {shown}\n",
    )


def test_limits_at_the_ends_of_their_ranges_are_taken(repo: Path) -> None:
    """The largest values allowed are accepted, and so is 1."""
    (repo / "pscatalog.toml").write_text(
        "[limits]\nmax-depth = 256\nmax-file-bytes = 1073741824\nmax-alias-nodes = 1\n",
        encoding="utf-8",
    )
    assert run("validate").exit_code == 1


# -- --config naming a pyproject.toml


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("tool = 3\n", "'tool' must be a table"),
        ('tool = "pscatalog"\n', "'tool' must be a table"),
        ("[tool]\npscatalog = 3\n", "[tool.pscatalog] must be a table"),
        ("[[tool.pscatalog]]\nignore = []\n", "[tool.pscatalog] must be a table"),
        ('[project]\nname = "handbook"\n', "no [tool.pscatalog] table"),
        ("[tool.black]\nline-length = 99\n", "no [tool.pscatalog] table"),
    ],
)
def test_config_naming_a_pyproject_without_a_usable_table_is_one_line(
    repo: Path, toml: str, message: str
) -> None:
    """`--config pyproject.toml` whose tool or tool.pscatalog is not a table: one line, exit 2."""
    (repo / "pyproject.toml").write_text(toml, encoding="utf-8")
    result = run("--config", "pyproject.toml", "validate")
    assert (result.exit_code, result.stderr) == (
        2,
        f"pscatalog: error: pyproject.toml: {message}\n",
    )


def test_a_name_with_a_line_break_stays_on_one_line(repo: Path) -> None:
    """Whatever a file's name holds, the error is one line (line breaks shown escaped)."""
    result = run("--config", "bad\nname.toml", "validate")
    assert (result.exit_code, result.stderr) == (
        2,
        "pscatalog: error: bad\\nname.toml: no such configuration file\n",
    )
