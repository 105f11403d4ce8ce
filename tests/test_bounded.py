"""Every JSON or TOML file pscatalog reads is bounded in size and depth.

The baseline (``--baseline``), the configuration (``--config``, or the one
found), a ``pyproject.toml`` met while looking for it, and the schema file a
modeline names: none can hang a run (a pipe, a device, a socket), exhaust its
memory (a huge file, keys of thousands of dotted parts) or end it in
``RecursionError`` (arrays nested thousands deep).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tomllib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from helpers import write_catalog
from pscatalog.checks.checker import validate
from pscatalog.checks.config import Config
from pscatalog.cli.main import cli
from pscatalog.files.bounded import BoundedReadError, load_json, load_toml, read_bytes

NOT_REGULAR = "is not a regular file (a pipe, a socket or a device)"
WATCHDOG = 60
"""Seconds after which a run that reads a pipe is taken for a hang (it takes well under one)."""


def run(*args: str) -> Result:
    """Run the command line in-process; it must end by exiting, never by another exception."""
    result = CliRunner().invoke(cli, list(args))
    if result.exception is not None:
        assert isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def run_process(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run pscatalog as its own process, under a watchdog that only catches a hang."""
    return subprocess.run(
        [sys.executable, "-m", "pscatalog", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=WATCHDOG,
        check=False,
    )


@pytest.fixture
def project(in_tmp: Path) -> Path:
    """A folder with a clean catalog, run from it."""
    write_catalog(in_tmp / "catalog", {})
    return in_tmp


@pytest.fixture
def unix_socket(in_tmp: Path) -> Iterator[Path]:
    """A socket bound to ``./sock``."""
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind("sock")
    try:
        yield in_tmp / "sock"
    finally:
        server.close()


def sparse(path: Path, size: int) -> Path:
    """Make ``path`` a file of ``size`` bytes that takes no room on disk."""
    with path.open("wb") as stream:
        stream.truncate(size)
    return path


# -- an input that is not a regular file


@pytest.mark.parametrize("option", ["--config", "--baseline"])
@pytest.mark.parametrize("name", ["/dev/null", "/dev/zero", "link-to-zero", "sock"])
def test_a_device_socket_or_link_to_one_is_refused(
    project: Path, unix_socket: Path, option: str, name: str
) -> None:
    """`--config /dev/zero`, a socket, or a link to a device: one line, exit 2."""
    (project / "link-to-zero").symlink_to("/dev/zero")
    args = ["--config", name, "validate"] if option == "--config" else ["validate", option, name]
    result = run(*args)
    assert (result.exit_code, result.stderr) == (2, f"pscatalog: error: {name}: {NOT_REGULAR}\n")


@pytest.mark.parametrize("option", ["--config", "--baseline"])
def test_a_pipe_is_refused_without_waiting_for_it(project: Path, option: str) -> None:
    """A named pipe given as an input is refused at once: nothing writes to it, nothing waits."""
    os.mkfifo(project / "pipe")
    args = (
        ["--config", "pipe", "validate"] if option == "--config" else ["validate", option, "pipe"]
    )
    completed = run_process(*args, cwd=project)
    assert (completed.returncode, completed.stderr) == (
        2,
        f"pscatalog: error: pipe: {NOT_REGULAR}\n",
    )


@pytest.mark.parametrize("option", ["--config", "--baseline"])
def test_a_folder_is_refused(project: Path, option: str) -> None:
    """A folder given as an input file: one line, exit 2."""
    args = (
        ["--config", "catalog", "validate"]
        if option == "--config"
        else ["validate", option, "catalog"]
    )
    result = run(*args)
    assert (result.exit_code, result.stderr) == (
        2,
        "pscatalog: error: catalog: is a folder, not a file\n",
    )


@pytest.mark.parametrize("page", ["pipe.md", "/dev/zero"])
def test_a_page_that_is_a_pipe_or_a_device_is_a_problem_not_a_hang(
    project: Path, page: str
) -> None:
    """`render --check` given a pipe or a device as a page reports it, reads nothing, exits 1."""
    os.mkfifo(project / "pipe.md")
    completed = run_process("render", "--check", "catalog", page, cwd=project)
    assert completed.returncode == 1
    # Named as given: /dev/zero shares only the root with the project's folder.
    assert completed.stderr.endswith(f"{page}: error: {NOT_REGULAR}\n")


# -- size


def test_a_baseline_larger_than_the_limit_is_not_read(project: Path) -> None:
    """A baseline of more than 64 MiB is refused before a byte of it is read."""
    sparse(project / "baseline.json", 64 * 1024 * 1024 + 1)
    result = run("validate", "--baseline", "baseline.json")
    assert (result.exit_code, result.stderr) == (
        2,
        "pscatalog: error: baseline.json: is 67,108,865 bytes, more than the limit of 67,108,864\n",
    )


def test_a_configuration_larger_than_the_limit_is_not_read(project: Path) -> None:
    """A pscatalog.toml of more than 1 MiB is refused, found or named."""
    sparse(project / "pscatalog.toml", 1024 * 1024 + 1)
    line = "pscatalog.toml: is 1,048,577 bytes, more than the limit of 1,048,576\n"
    named = run("--config", "pscatalog.toml", "validate")
    assert (named.exit_code, named.stderr) == (2, f"pscatalog: error: {line}")
    found = run("validate")
    assert (found.exit_code, found.stderr) == (2, f"pscatalog: error: {project}/{line}")


def test_read_bytes_reads_no_more_than_the_limit(tmp_path: Path) -> None:
    """A file one byte over the limit is refused; one at the limit is read whole."""
    path = tmp_path / "x.json"
    path.write_bytes(b"[1, 2]")
    assert read_bytes(path, max_bytes=6) == b"[1, 2]"
    with pytest.raises(BoundedReadError, match=r"^is 6 bytes, more than the limit of 5$"):
        read_bytes(path, max_bytes=5)


# -- depth and shape


def test_a_deeply_nested_baseline_is_one_line(project: Path) -> None:
    """A baseline nesting arrays 100,000 deep is refused before the JSON parser sees it."""
    (project / "baseline.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    result = run("validate", "--baseline", "baseline.json")
    assert (result.exit_code, result.stderr) == (
        2,
        "pscatalog: error: baseline.json: not a baseline file: "
        "nests deeper than the limit of 32 levels\n",
    )


@pytest.mark.parametrize(
    ("toml", "reason", "parsed"),
    [
        ("x = " + "[" * 3000 + "]" * 3000 + "\n", "nests deeper than the limit of 32 levels", 0),
        (
            "x = " + "{a = " * 3000 + "1" + "}" * 3000 + "\n",
            "nests deeper than the limit of 32 levels",
            0,
        ),
        ("a" + ".a" * 100_000 + " = 1\n", "a key has more than 32 dotted parts", 0),
        ("[" + ".".join(["t"] * 40) + "]\n", "a key has more than 32 dotted parts", 0),
        (
            "[" + ".".join(["t"] * 20) + "]\n" + ".".join(["k"] * 20) + " = 1\n",
            "nests deeper than the limit of 32 levels",
            1,
        ),
    ],
)
def test_a_configuration_nested_or_dotted_too_deeply_is_one_line(
    project: Path, monkeypatch: pytest.MonkeyPatch, toml: str, reason: str, parsed: int
) -> None:
    """Nesting or key parts past the limit: one line, exit 2, and no parse where it is avoidable.

    A table and a key each within the limit can together nest past it: that is
    found once parsed (a parse of bounded cost).
    """
    (project / "strict.toml").write_text(toml, encoding="utf-8")
    calls = count_calls(monkeypatch, tomllib, "loads")
    result = run("--config", "strict.toml", "validate")
    assert (result.exit_code, result.stderr) == (2, f"pscatalog: error: strict.toml: {reason}\n")
    assert len(calls) == parsed


def count_calls(monkeypatch: pytest.MonkeyPatch, owner: Any, name: str) -> list[object]:
    """Count the calls of ``owner.name``; return the list that grows by one per call."""
    calls: list[object] = []
    original: Callable[..., Any] = getattr(owner, name)

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(args[0] if args else None)
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, name, counted)
    return calls


def test_json_and_toml_at_the_limit_are_read(tmp_path: Path) -> None:
    """Nesting of exactly 32 levels, and keys of 32 parts, are read."""
    (tmp_path / "x.json").write_text("[" * 32 + "1" + "]" * 32, encoding="utf-8")
    value: Any = load_json(tmp_path / "x.json")
    for _ in range(32):
        assert isinstance(value, list)
        value = value[0]
    assert value == 1
    (tmp_path / "x.toml").write_text("a" + ".a" * 31 + " = 1\n", encoding="utf-8")
    table: Any = load_toml(tmp_path / "x.toml")
    for _ in range(32):
        table = table["a"]
    assert table == 1


def test_brackets_and_dots_in_strings_and_comments_do_not_count(tmp_path: Path) -> None:
    """What looks like nesting inside a string or a comment is text."""
    (tmp_path / "x.json").write_text('{"a": "' + "[" * 100 + '\\"", "b": [1]}', encoding="utf-8")
    assert load_json(tmp_path / "x.json") == {"a": "[" * 100 + '"', "b": [1]}
    toml = (
        "[tool.pscatalog]  # [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n"
        f'ignore = ["M"]\nnote = "{"[" * 40}"\nlong = """\n{"." * 40}\n"""\n'
        f"path = '{'a.' * 40}'\n"
    )
    (tmp_path / "x.toml").write_text(toml, encoding="utf-8")
    assert load_toml(tmp_path / "x.toml")["tool"]["pscatalog"]["ignore"] == ["M"]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "baseline.json",
            '\\"' * 500_000,
            "baseline.json: not a baseline file: not valid JSON: "
            "Expecting value: line 1 column 1 (char 0)",
        ),
        (
            "baseline.json",
            '"\\' * 500_000,
            "baseline.json: not a baseline file: not valid JSON: "
            "Unterminated string starting at: line 1 column 1 (char 0)",
        ),
        ("strict.toml", 'x = "' + '\\"' * 300_000 + "\n", None),
        ("strict.toml", "x = " + "'''a" * 200_000 + "\n", None),
    ],
)
def test_quotes_and_backslashes_cost_linear_time(
    project: Path, name: str, content: str, message: str | None
) -> None:
    """Text made of unpaired quotes and escapes is measured in one pass, not once per quote.

    Before the fix each of these took hours: every quote started a string that
    ran to the end of the text and failed. The watchdog only catches a hang.
    """
    (project / name).write_text(content, encoding="utf-8")
    if name.endswith(".toml"):
        args = ["--config", name, "validate"]
    else:
        args = ["validate", "--baseline", name]
    completed = run_process(*args, cwd=project)
    assert completed.returncode == 2
    line = completed.stderr.removeprefix("pscatalog: error: ")
    if message is not None:
        assert line == message + "\n"
    else:
        assert line.startswith(f"{name}: invalid TOML: ")
        assert line.count("\n") == 1


# -- a pyproject.toml met while looking for the configuration


DEEP_UNRELATED = "[tool.other]\nx = " + "[" * 3000 + "]" * 3000 + "\n"


def test_an_unrelated_deep_pyproject_is_never_parsed(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pyproject.toml that cannot configure pscatalog is passed over unparsed, however hostile."""
    (project / "pyproject.toml").write_text(DEEP_UNRELATED, encoding="utf-8")
    calls = count_calls(monkeypatch, tomllib, "loads")
    result = run("validate", "--output-format", "concise")
    assert (result.exit_code, result.stderr) == (0, "")
    assert calls == []


def test_a_pyproject_naming_pscatalog_elsewhere_is_parsed_within_bounds(project: Path) -> None:
    """A hostile pyproject.toml that names pscatalog, but not as its table, breaks nothing."""
    (project / "pyproject.toml").write_text(
        '[project.scripts]\npscatalog = "pscatalog.cli.main:main"\n' + DEEP_UNRELATED,
        encoding="utf-8",
    )
    result = run("validate", "--output-format", "concise")
    assert (result.exit_code, result.stderr) == (0, "")


def test_a_pyproject_with_keys_of_many_parts_is_passed_over_at_once(project: Path) -> None:
    """Keys of 200,000 dotted parts (quadratic work for tomllib) cost nothing unless they name us."""
    (project / "pyproject.toml").write_text("a" + ".a" * 200_000 + " = 1\n", encoding="utf-8")
    result = run("validate", "--output-format", "concise")
    assert (result.exit_code, result.stderr) == (0, "")


def test_a_pscatalog_table_in_a_hostile_pyproject_is_one_line(project: Path) -> None:
    """A pyproject.toml that has [tool.pscatalog] but cannot be read within bounds stops the run."""
    (project / "pyproject.toml").write_text(
        '[tool.pscatalog]\nignore = ["M"]\n' + DEEP_UNRELATED, encoding="utf-8"
    )
    result = run("validate")
    assert (result.exit_code, result.stderr) == (
        2,
        f"pscatalog: error: {project}/pyproject.toml: nests deeper than the limit of 32 levels\n",
    )


def test_a_pipe_named_pyproject_is_passed_over(project: Path) -> None:
    """A pipe where a pyproject.toml would be is not read (nothing would ever write to it)."""
    os.mkfifo(project / "pyproject.toml")
    completed = run_process("validate", "--output-format", "concise", cwd=project)
    assert (completed.returncode, completed.stderr) == (0, "")


def test_a_pipe_named_pscatalog_toml_is_one_line(project: Path) -> None:
    """A pipe named pscatalog.toml is the configuration, and cannot be read: exit 2."""
    os.mkfifo(project / "pscatalog.toml")
    completed = run_process("validate", cwd=project)
    assert (completed.returncode, completed.stderr) == (
        2,
        f"pscatalog: error: {project}/pscatalog.toml: {NOT_REGULAR}\n",
    )


# -- a schema file named by a modeline


@pytest.mark.parametrize(
    "content",
    [b"[" * 100_000 + b"]" * 100_000, b'{"$id": ' + b"[" * 40 + b"]" * 40 + b"}"],
)
def test_a_hostile_schema_file_named_by_a_modeline_is_not_readable(
    tmp_path: Path, content: bytes
) -> None:
    """A modeline naming a deeply nested file gets C301 (not a readable schema), no crash."""
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "category.schema.json").write_bytes(content)
    modeline = "# yaml-language-server: $schema=../schema/category.schema.json\n"
    root = write_catalog(tmp_path / "catalog", {"x.yaml": modeline + "id: x\n"})
    result = validate([root / "x.yaml"], config=Config())
    assert [
        (d.code, d.location.line, d.message) for d in result.diagnostics if d.code == "C301"
    ] == [
        (
            "C301",
            1,
            "the modeline names '../schema/category.schema.json', "
            "which is not a readable schema file",
        )
    ]
