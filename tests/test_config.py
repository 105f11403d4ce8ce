"""Configuration: [tool.pscatalog] in pyproject.toml, or pscatalog.toml."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from helpers import category_file, write_catalog
from pscatalog.checks.checker import validate
from pscatalog.checks.config import ConfigError, find_config, load_config
from pscatalog.cli.main import cli
from pscatalog.diagnostics import Severity
from pscatalog.rules.registry import CODES

VIABLE_WITHOUT_MATERIAL = """\
- id: jira
  name: JIRA
  maturity: Viable
  evidence:
    deliveries: 2
  variants:
    - id: custom
"""


@pytest.fixture
def project(in_tmp: Path) -> Path:
    """A folder with catalog/ holding a capitalised viable offering without material or plan."""
    write_catalog(in_tmp / "catalog", {"x.yaml": category_file(VIABLE_WITHOUT_MATERIAL)})
    return in_tmp


def codes(project: Path, toml: str, file: str = "pscatalog.toml") -> list[tuple[str, str]]:
    (project / file).write_text(toml, encoding="utf-8")
    config = load_config(find_config(), known_codes=CODES)
    # The small catalogs of these tests have no modelines (C301 has tests of its own).
    return [
        (d.code, str(d.severity)) for d in validate(config=config).diagnostics if d.code != "C301"
    ]


def test_without_configuration_everything_is_reported(project: Path) -> None:
    """No configuration file: all codes at their default severities."""
    assert [(d.code, str(d.severity)) for d in validate().diagnostics] == [
        ("C004", "error"),
        ("M003", "warning"),
        ("M004", "warning"),
    ]


def test_ignore_by_code_and_prefix(project: Path) -> None:
    """`ignore` drops codes and code prefixes."""
    assert codes(project, 'ignore = ["M"]\n') == [("C004", "error")]
    assert codes(project, 'ignore = ["M003"]\n') == [("C004", "error"), ("M004", "warning")]


def test_select_keeps_only_the_named(project: Path) -> None:
    """`select` keeps only the named codes and prefixes."""
    assert codes(project, 'select = ["M00"]\n') == [("M003", "warning"), ("M004", "warning")]


def test_severity_override(project: Path) -> None:
    """`[severity]` changes a code's severity, and so the exit code."""
    assert codes(project, '[severity]\nM004 = "error"\nC004 = "warning"\n') == [
        ("C004", "warning"),
        ("M003", "warning"),
        ("M004", "error"),
    ]


def test_per_file_ignores(project: Path) -> None:
    """`[per-file-ignores]` drops codes for files matching a glob, relative to the config file."""
    assert codes(project, '[per-file-ignores]\n"catalog/x.yaml" = ["C", "M003"]\n') == [
        ("M004", "warning")
    ]
    assert codes(project, '[per-file-ignores]\n"other/*.yaml" = ["C"]\n')[0] == ("C004", "error")


def test_pyproject_table(project: Path) -> None:
    """[tool.pscatalog] in pyproject.toml is read when there is no pscatalog.toml."""
    toml = '[project]\nname = "handbook"\n\n[tool.pscatalog]\nignore = ["M"]\n'
    assert codes(project, toml, "pyproject.toml") == [("C004", "error")]


def test_pyproject_without_table_is_not_a_configuration(project: Path) -> None:
    """A pyproject.toml without [tool.pscatalog] is passed over."""
    (project / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert find_config() is None


@pytest.mark.parametrize(
    ("text", "ours"),
    [
        ('[project]\nname = "x"\n[tool.pscatalog\nignore = ["M"]\n', True),
        ('[project]\nname = "x"\n[ "tool" . pscatalog\r\nignore = ["M"]\n', True),
        ('[project]\ndependencies = [\n  "pscatalog"\n]\n[tool.black\n', False),
    ],
)
def test_a_broken_pyproject_is_ours_when_it_names_our_table(
    project: Path, text: str, ours: bool
) -> None:
    """An unclosed [tool.pscatalog header is reported, not passed over; another tool's is not."""
    (project / "pyproject.toml").write_text(text, encoding="utf-8", newline="")
    result = CliRunner().invoke(cli, ["validate"])
    error = (
        "pscatalog: error: " in result.stderr and "pyproject.toml: invalid TOML" in result.stderr
    )
    assert (result.exit_code == 2, error) == (ours, ours)


def test_catalog_key_names_the_catalog(in_tmp: Path) -> None:
    """`catalog` names the folder validated when no path is given, relative to the file."""
    write_catalog(in_tmp / "handbook" / "offerings", {})
    (in_tmp / "pscatalog.toml").write_text(
        'catalog = "handbook/offerings"\nignore = ["C301"]\n', encoding="utf-8"
    )
    result = CliRunner().invoke(cli, ["validate"])
    assert (result.exit_code, result.stdout) == (0, "No problems found in 4 files.\n")


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('slect = ["M"]\n', "pscatalog.toml: unknown key 'slect' (did you mean 'select'?)"),
        (
            'ignore = "M003"\n',
            'pscatalog.toml: \'ignore\' must be a list of codes, such as ["M003", "C1"]',
        ),
        ('ignore = ["Z9"]\n', "pscatalog.toml: 'ignore': 'Z9' is not a code or a prefix of one"),
        (
            '[severity]\nM003 = "fatal"\n',
            "pscatalog.toml: 'severity': 'M003' must be \"error\", \"warning\" or \"info\", not 'fatal'",
        ),
        ('[severity]\nM999 = "error"\n', "pscatalog.toml: 'severity': 'M999' is not a code"),
        ("catalog = 3\n", "pscatalog.toml: 'catalog' must be a path, as a string"),
        ("ignore = [\n", "pscatalog.toml: invalid TOML"),
    ],
)
def test_bad_configuration_is_one_line_and_exit_2(project: Path, toml: str, message: str) -> None:
    """A configuration that cannot be used stops with one line naming the key, exit 2."""
    (project / "pscatalog.toml").write_text(toml, encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate"])
    assert result.exit_code == 2
    assert result.stdout == ""
    expected_start = f"pscatalog: error: {(project / 'pscatalog.toml').resolve()}".replace(
        str((project / "pscatalog.toml").resolve()), str(project.resolve() / "pscatalog.toml")
    )
    assert result.stderr.startswith(expected_start)
    assert message.split(": ", 1)[1] in result.stderr
    assert result.stderr.count("\n") == 1


def test_config_option_names_the_file(project: Path) -> None:
    """`--config FILE` reads that file instead of looking for one."""
    (project / "strict.toml").write_text(
        'ignore = ["C301"]\n[severity]\nM003 = "error"\n', encoding="utf-8"
    )
    result = CliRunner().invoke(
        cli, ["--config", "strict.toml", "validate", "--output-format", "concise"]
    )
    assert result.exit_code == 1
    assert [line.split()[1:3] for line in result.stdout.splitlines()] == [
        ["error", "C004"],
        ["error", "M003"],
        ["warning", "M004"],
    ]


def test_missing_config_option_file_is_exit_2(project: Path) -> None:
    """`--config` naming a missing file: one line, exit 2."""
    result = CliRunner().invoke(cli, ["--config", "nope.toml", "validate"])
    assert result.exit_code == 2
    assert result.stderr == "pscatalog: error: nope.toml: no such configuration file\n"


def test_severity_parse() -> None:
    """Severity names parse case-insensitively; others are refused."""
    assert Severity.parse("Warning") is Severity.WARNING
    with pytest.raises(ValueError, match="unknown severity 'fatal'"):
        Severity.parse("fatal")


def test_config_error_is_a_pscatalog_error() -> None:
    """ConfigError is what the CLI turns into exit code 2."""
    from pscatalog.errors import PscatalogError

    assert issubclass(ConfigError, PscatalogError)


def test_limits_are_configurable(project: Path) -> None:
    """`[limits]` bounds the loader: a file over max-file-bytes is Y009, not read."""
    assert codes(project, "[limits]\nmax-file-bytes = 100\n")[:3] == [
        ("Y009", "error"),
        ("Y009", "error"),
        ("Y009", "error"),
    ]


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        (
            "[limits]\nmax-depth = 0\n",
            "'limits': 'max-depth' must be a whole number from 1 to 256, not 0",
        ),
        (
            "[limits]\nmax-size = 10\n",
            "'limits': unknown key 'max-size' (known: max-file-bytes, max-depth, max-alias-nodes)",
        ),
        ("limits = 3\n", "'limits' must be a table of max-file-bytes, max-depth, max-alias-nodes"),
    ],
)
def test_bad_limits_are_one_line_and_exit_2(project: Path, toml: str, message: str) -> None:
    """A limit that is not a positive whole number, or unknown, stops with exit 2."""
    (project / "pscatalog.toml").write_text(toml, encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate"])
    assert result.exit_code == 2
    assert result.stderr == f"pscatalog: error: {project.resolve() / 'pscatalog.toml'}: {message}\n"
