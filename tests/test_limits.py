"""Limits hold for every command, on the data as aliases expand it.

A hostile catalog file (nested past ``max-depth``, written out or through an
alias to a deeply anchored value, or an alias bomb, with short or long
strings) gets a Y009 diagnostic at the place that crosses the limit, from
every command; none ends in ``RecursionError`` or ``MemoryError``. Data at
the limits goes through every command.
"""

from __future__ import annotations

import json
import re
import subprocess
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

import pscatalog.tools.diffing
from helpers import write_catalog
from pscatalog.cli.main import cli
from pscatalog.files.bounded import value_depth
from pscatalog.yamltext.loader import DEFAULT_LIMITS, load_text

HEAD = """\
id: integration
name: Integration Services
level: product
offerings:
  - id: deep
    name: Deep
    maturity: planned
    variants:
      - id: custom
    imported:
      source: services.yml
      unmapped:
"""
"""A category file up to the mapping whose values are the hostile ones (at depth 6)."""

ANCHORED = 200
"""Levels of the anchored value aliased deep down."""


def nest(levels: int, leaf: str = "x") -> str:
    """Return a flow value nesting ``leaf`` in ``levels`` lists."""
    return "[" * levels + leaf + "]" * levels


def category(*values: str) -> str:
    """Return the category file with ``values`` (``key: value`` lines) under ``unmapped``."""
    return HEAD + "".join(f"        {value}\n" for value in values)


def laughs(leaf: str, copies: int) -> list[str]:
    """Return the lines of a billion-laughs bomb: ten of ten of ten of ten ``leaf``, ``copies`` times.

    The last line is ``k``, ``copies`` aliases of the third anchor.
    """
    lines = [f"l0: &l0 [{', '.join([leaf] * 10)}]"]
    lines += [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 10)}]" for i in (1, 2)]
    lines.append(f"k: [{', '.join(['*l2'] * copies)}]")
    return lines


LONG = "y" * 1000
"""A string that weighs 11 values in the alias budget."""


@dataclass(frozen=True)
class Hostile:
    """A catalog file that crosses a limit, and the diagnostic every command owes for it."""

    text: str
    line: int
    column: int
    message: str

    @property
    def concise(self) -> str:
        """The diagnostic as the concise and full reports write its first line."""
        return f"catalog/x.yaml:{self.line}:{self.column}: error Y009 {self.message}"


DEPTH = DEFAULT_LIMITS.max_depth
OVER = {
    "nesting written out": Hostile(
        category(f"k: {nest(DEPTH - 4)}"),
        13,
        11 + DEPTH - 4,
        f"nesting is deeper than the limit of {DEPTH} levels",
    ),
    "an alias to a deep value": Hostile(
        category(f"a: &deep {nest(ANCHORED)}", f"k: {nest(DEPTH - 5 - ANCHORED + 1, '*deep')}"),
        14,
        12 + DEPTH - 5 - ANCHORED + 1,
        f"the alias '*deep' nests the data deeper than the limit of {DEPTH} levels",
    ),
    "an alias to a deep value, merged": Hostile(
        category(
            f"a: &deep {{m: {nest(ANCHORED)}}}",
            f"k: {nest(DEPTH - 5 - ANCHORED, '{<<: *deep}')}",
        ),
        14,
        12 + DEPTH - 5 - ANCHORED + 5,
        f"the alias '*deep' nests the data deeper than the limit of {DEPTH} levels",
    ),
    "an alias bomb": Hostile(
        category(*laughs("x", 89)),
        16,
        8 + 5 * 89,
        "aliases expand to more than 100,000 values",
    ),
    "an alias bomb of long strings": Hostile(
        category(*laughs(LONG, 8)),
        16,
        8 + 5 * 8,
        "aliases expand to more than 100,000 values",
    ),
}
"""Files past a limit, by what makes them hostile."""

AT_LIMITS = {
    "nesting written out": category(f"k: {nest(DEPTH - 5)}"),
    "an alias to a deep value": category(
        f"a: &deep {nest(ANCHORED)}", f"k: {nest(DEPTH - 5 - ANCHORED, '*deep')}"
    ),
    "an alias to a deep value, merged": category(
        f"a: &deep {{m: {nest(ANCHORED)}}}",
        f"k: {nest(DEPTH - 5 - ANCHORED - 1, '{<<: *deep}')}",
    ),
    "an alias bomb": category(*laughs("x", 88)),
    "an alias bomb of long strings": category(*laughs(LONG, 7)),
}
"""Files at the limits (the deepest nesting, nearly the most alias values): not refused."""

PAGE = "# Services\n\n<!-- pscatalog:begin categories -->\n<!-- pscatalog:end -->\n"

COMMANDS = {
    "validate": ["validate", "catalog"],
    "validate concise": ["validate", "--output-format", "concise", "catalog"],
    "validate json": ["validate", "--output-format", "json", "catalog"],
    "validate github": ["validate", "--output-format", "github", "catalog"],
    "validate reports": [
        "validate",
        *("--report", "gitlab:gl.json", "--report", "sarif:out.sarif"),
        *("--report", "junit:junit.xml", "--report", "json:out.json", "catalog"),
    ],
    "fmt": ["fmt", "catalog"],
    "fmt --check": ["fmt", "--check", "catalog"],
    "fmt --diff": ["fmt", "--diff", "catalog"],
    "validate --fix": ["validate", "--fix", "catalog"],
    "validate --fix --unsafe-fixes --diff": [
        "validate",
        *("--fix", "--unsafe-fixes", "--diff", "catalog"),
    ],
    "render": ["render", "catalog"],
    "render catalog": ["render", "--view", "catalog", "catalog"],
    "render maturity": ["render", "--view", "maturity", "catalog"],
    "render svg": ["render", "--format", "svg", "catalog"],
    "render --check": ["render", "--check", "catalog", "page.md"],
    "render --write": ["render", "--write", "catalog", "page.md"],
    "export json": ["export", "catalog"],
    "export services-yml": ["export", "--format", "services-yml", "catalog"],
    "export -o": ["export", "catalog", "-o", "export.json"],
    "stats": ["stats", "catalog"],
    "stats json": ["stats", "--format", "json", "catalog"],
    "diff": ["diff", "./clean", "./catalog"],
    "diff json": ["diff", "--format", "json", "./catalog", "./clean"],
    "diff --check": ["diff", "--check", "./clean", "./catalog"],
    "baseline": ["baseline", "-o", "baseline.json", "catalog"],
}
"""Every command that reads a catalog, in each of its output formats."""


@pytest.fixture
def project(in_tmp: Path) -> Path:
    """A folder with a clean catalog (``clean``) and a handbook page with a region."""
    write_catalog(in_tmp / "clean", {})
    (in_tmp / "page.md").write_text(PAGE, encoding="utf-8")
    return in_tmp


def run(*args: str) -> Result:
    """Run the command line in-process; it must end by exiting, never by another exception."""
    result = CliRunner().invoke(cli, list(args))
    if result.exception is not None:
        assert isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def y009_places(name: str, result: Result, folder: Path) -> list[tuple[int, int, str]]:
    """Return (line, column, message) of each Y009 of catalog/x.yaml the command reported."""
    if name == "validate json":
        return [
            (d["line"], d["column"], d["message"])
            for d in json.loads(result.stdout)["diagnostics"]
            if d["code"] == "Y009"
        ]
    if name == "validate github":
        pattern = (
            r"^::error file=catalog/x\.yaml,line=(\d+),col=(\d+),title=Y009::(.*?)(?:%0Ahint: .*)?$"
        )
        found = re.findall(pattern, result.stdout, flags=re.MULTILINE)
        return [(int(a), int(b), c) for a, b, c in found]
    if name == "baseline":
        rows = json.loads((folder / "baseline.json").read_text(encoding="utf-8"))["findings"]
        return [(0, 0, row["message"]) for row in rows if row["code"] == "Y009"]
    pattern = r"^catalog/x\.yaml:(\d+):(\d+): error Y009 (.*)$"
    found = re.findall(pattern, result.stdout + result.stderr, flags=re.MULTILINE)
    return [(int(a), int(b), c) for a, b, c in found]


def test_the_fixtures_cross_the_limits_where_they_say() -> None:
    """Each hostile file is Y009 at its place; each file at the limits loads, as deep as the limit."""
    for hostile in OVER.values():
        doc = load_text(hostile.text, "x.yaml")
        assert [
            (d.code, d.location.line, d.location.column, d.message) for d in doc.diagnostics
        ] == [("Y009", hostile.line, hostile.column, hostile.message)]
    depths = {
        name: value_depth(load_text(text, "x.yaml").data, 1000) for name, text in AT_LIMITS.items()
    }
    assert depths == {
        "nesting written out": DEPTH,
        "an alias to a deep value": DEPTH,
        "an alias to a deep value, merged": DEPTH,
        "an alias bomb": 9,
        "an alias bomb of long strings": 9,
    }


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("case", OVER)
def test_every_command_reports_a_file_past_a_limit(project: Path, case: str, command: str) -> None:
    """Past a limit, every command gives Y009 at the place, and exits as it does for an error."""
    hostile = OVER[case]
    write_catalog(project / "catalog", {"x.yaml": hostile.text})
    result = run(*COMMANDS[command])
    expected_exit = 0 if command == "baseline" else 1
    assert result.exit_code == expected_exit, result.output
    line, column = (0, 0) if command == "baseline" else (hostile.line, hostile.column)
    assert y009_places(command, result, project) == [(line, column, hostile.message)]
    if command not in ("validate json", "validate github", "baseline"):
        assert hostile.concise in (result.stdout + result.stderr).splitlines()
    assert (project / "catalog" / "x.yaml").read_text(encoding="utf-8") == hostile.text


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("case", AT_LIMITS)
def test_every_command_takes_a_file_at_the_limits(project: Path, case: str, command: str) -> None:
    """At the limits, no command refuses the file or fails on it."""
    write_catalog(project / "catalog", {"x.yaml": AT_LIMITS[case]})
    result = run(*COMMANDS[command])
    # The base files of these catalogs are not in the canonical layout: 'fmt --check'
    # and 'fmt --diff' report them, and 'render --check' finds the page's region stale.
    expected_exit = 1 if command in ("fmt --check", "fmt --diff", "render --check") else 0
    assert result.exit_code == expected_exit, result.output
    assert "Y009" not in result.output
    if command == "export json":
        exported = json.loads(result.stdout)
        offering = exported["levels"][0]["categories"][1]["offerings"][0]
        assert offering["id"] == "deep"
        depth = value_depth(offering["imported"]["unmapped"], 1000)
        assert depth == value_depth(load_text(AT_LIMITS[case], "x.yaml").data, 1000) - 4


def services(*lines: str) -> str:
    """Return a services file with one entry whose extra keys are ``lines``."""
    entry = textwrap.dedent(
        """\
        - id: deep
          name: Deep
          level: 1 - Product
          category: Integration
          maturity: Planned
        """
    )
    return entry + "".join(f"  {line}\n" for line in lines)


@pytest.mark.parametrize(
    ("lines", "line", "column", "message"),
    [
        (
            [f"odd: {nest(DEPTH - 1)}"],
            6,
            7 + DEPTH - 1,
            "nesting is deeper than the limit of 256 levels",
        ),
        (
            [f"a: &deep {nest(ANCHORED)}", f"odd: {nest(DEPTH - 2 - ANCHORED + 1, '*deep')}"],
            7,
            8 + DEPTH - 2 - ANCHORED + 1,
            "the alias '*deep' nests the data deeper than the limit of 256 levels",
        ),
        (laughs("x", 89), 9, 2 + 5 * 89, "aliases expand to more than 100,000 values"),
        (laughs(LONG, 8), 9, 2 + 5 * 8, "aliases expand to more than 100,000 values"),
    ],
)
def test_import_reports_a_services_file_past_a_limit(
    in_tmp: Path, lines: list[str], line: int, column: int, message: str
) -> None:
    """Import gives Y009 at the place in the services file, writes nothing and exits 1."""
    (in_tmp / "services.yml").write_text(services(*lines), encoding="utf-8")
    result = run("import", "services.yml", "--output-format", "concise")
    assert result.exit_code == 1
    assert result.stdout == f"services.yml:{line}:{column}: error Y009 {message}\n"
    assert not (in_tmp / "catalog").exists()


def test_diff_of_a_revision_never_reads_a_file_past_the_size_limit(
    in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A blob larger than max-file-bytes is Y009 with its size, and git is never asked for it.

    Git stores gigabytes of one repeated byte in a few megabytes: reading such
    a blob to find it too large would exhaust the memory of a CI job.
    """

    def git(*args: str) -> str:
        command = ["git", "-c", "user.name=T", "-c", "user.email=t@example.com", *args]
        return subprocess.run(command, check=True, capture_output=True, text=True).stdout

    git("init", "-q")
    write_catalog(in_tmp / "catalog", {})
    git("add", "catalog")
    git("commit", "-q", "-m", "catalog")
    (in_tmp / "catalog" / "big.yaml").write_text("a" * 5000, encoding="utf-8")
    git("add", "catalog")
    git("commit", "-q", "-m", "big")
    big = git("rev-parse", "HEAD:catalog/big.yaml").strip()
    (in_tmp / "pscatalog.toml").write_text(
        'ignore = ["C301"]\n[limits]\nmax-file-bytes = 4096\n', encoding="utf-8"
    )
    asked: list[bytes] = []
    original = pscatalog.files.gittree.run_git

    def recorded(cwd: Path, *args: str, stdin: bytes | None = None, **options: Any) -> bytes | None:
        if args[:2] == ("cat-file", "--batch"):
            asked.append(stdin or b"")
        return original(cwd, *args, stdin=stdin, **options)

    monkeypatch.setattr(pscatalog.files.gittree, "run_git", recorded)
    result = run("diff", "HEAD~1", "HEAD")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        "HEAD:catalog/big.yaml:1:1: error Y009 file is 5,000 bytes, more than the limit of 4,096"
    )
    assert asked
    assert not any(big.encode() in stdin for stdin in asked)
