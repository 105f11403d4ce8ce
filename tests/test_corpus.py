"""Hostile and broken input: diagnostics at their place, never a traceback, the rest still checked.

Every case is a catalog: the clean base files, one sibling category file with a
known fault (``Minimal``: C004 at ``sibling.yaml:7:15``) and the hostile input.
Validation must report the input's problems at their file, line and column (or
stop with one exit-2 line for what cannot be checked at all), never show a
traceback, stay within the stated bounds, and still report the sibling's C004.

Bounds, generous on purpose (the machines that run this suite are shared):

- any single case: validation ends within a watchdog of 60 s (``SECONDS``), which
  only catches a hang: speed is measured by ``bench/``, not asserted here; work
  that must grow linearly is counted (lines of pscatalog run, at N and 2N);
- expansion bombs and very large inputs: less than 200 MB of Python memory
  at the peak of validation (``MEGABYTES``, measured with tracemalloc), and
  less than 300 MB resident for a whole ``pscatalog validate`` process
  (``PROCESS_MEGABYTES``: about 45 MB of it is Python and the imports).

Small inputs live in ``tests/corpus/`` (files under ``levels/`` are used as
the levels file); binary, huge and file-system cases are generated here, in
``tmp_path``.
"""

from __future__ import annotations

import copy
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from counting import growth, lines_run, watchdog
from helpers import write_catalog
from pscatalog.catalog.schemas import load_schema
from pscatalog.checks.checker import ValidationResult, validate
from pscatalog.cli.main import cli
from pscatalog.diagnostics import pointer_from_parts
from pscatalog.yamltext.loader import DEFAULT_LIMITS, Limits, load_document
from test_properties import emit_yaml

CORPUS = Path(__file__).resolve().parent / "corpus"
EXAMPLES = Path(__file__).resolve().parent / "examples"
SECONDS = 60.0
MEGABYTES = 200
PROCESS_MEGABYTES = 300

SIBLING = """\
id: migration
name: Migration Services
level: product
offerings:
  - id: github-migration
    name: GitHub migration
    maturity: Minimal
    variants:
      - id: custom
"""
SIBLING_FINDING = ("C004", 7, 15)
IGNORED = frozenset({"C301"})
"""Codes left out of the comparisons: the modeline warning is about every file
without a modeline, which no input here has, on purpose."""

HEAD = "id: integration\nname: Integration Services\nlevel: product\n"
OFFERINGS = (
    "offerings:\n"
    "  - id: jira\n"
    "    name: JIRA\n"
    "    maturity: minimal\n"
    "    variants:\n"
    "      - id: custom\n"
)
CLEAN = HEAD + OFFERINGS
"""A clean category file of 9 lines; the offering's keys are indented by 4."""

Seen = tuple[str, int, int]
"""(code, line, column) of a diagnostic of one file."""


# -- running a case


def make_catalog(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write the base catalog, the faulty sibling and ``files`` (text or bytes) under ``root``."""
    write_catalog(root, {"sibling.yaml": SIBLING})
    for name, content in files.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        (root / name).write_bytes(data)
    return root


def timed_validate(
    paths: list[Path], *, limits: Limits | None = None, seconds: float = SECONDS
) -> ValidationResult:
    """Validate (a hang past ``seconds`` fails); check every diagnostic has a file, line, column."""
    with watchdog(seconds):
        result = validate(paths, limits=limits)
    for diagnostic in result.diagnostics:
        location = diagnostic.location
        assert location.file, diagnostic
        assert location.line >= 1, diagnostic
        assert location.column >= 1, diagnostic
    return result


def by_file(result: ValidationResult) -> dict[str, list[Seen]]:
    """Group the diagnostics by file name, as (code, line, column), leaving out IGNORED codes."""
    found: dict[str, list[Seen]] = {}
    for diagnostic in result.diagnostics:
        if diagnostic.code in IGNORED:
            continue
        location = diagnostic.location
        seen = (diagnostic.code, location.line, location.column)
        found.setdefault(Path(location.file).name, []).append(seen)
    return {name: sorted(seen) for name, seen in found.items()}


def check(
    root: Path, *, limits: Limits | None = None, seconds: float = SECONDS
) -> dict[str, list[Seen]]:
    """Validate the catalog at ``root``; assert the sibling's fault is still found; group by file."""
    found = by_file(timed_validate([root], limits=limits, seconds=seconds))
    assert SIBLING_FINDING in found.get("sibling.yaml", []), "the sibling file was not checked"
    return found


def invoke(*args: str) -> Result:
    """Run the command line in-process; assert it ended by exiting, without a traceback."""
    result = CliRunner().invoke(cli, list(args))
    if result.exception is not None:
        assert isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result


def run_process(
    args: list[str], *, cwd: Path, timeout: float = 30
) -> subprocess.CompletedProcess[str]:
    """Run ``pscatalog`` as a separate process, as a hook does; assert no traceback."""
    command = [sys.executable, "-c", "from pscatalog.cli.main import main; main()", *args]
    completed = subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, timeout=timeout, check=False
    )
    assert "Traceback" not in completed.stdout + completed.stderr
    return completed


def run_measured(args: list[str], *, cwd: Path) -> tuple[int, str, float]:
    """Run ``pscatalog`` as a process; return its exit code, output and peak resident MB."""
    command = [sys.executable, "-c", "from pscatalog.cli.main import main; main()", *args]
    with (cwd / ".stdout").open("w+b") as out, (cwd / ".stderr").open("w+b") as err:
        process = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=err)
        try:
            with watchdog(SECONDS):
                # wait4 gives this child's own peak, whatever other children this process ran.
                _, status, usage = os.wait4(process.pid, 0)
        except TimeoutError:
            process.kill()
            process.wait()
            raise
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        output = out.read().decode("utf-8", "replace") + err.read().decode("utf-8", "replace")
    assert "Traceback" not in output
    return process.returncode, output, usage.ru_maxrss / 1024


def peak_megabytes(action: Callable[[], object]) -> float:
    """Return the peak of Python memory allocated while ``action`` runs, in MB."""
    tracemalloc.start()
    try:
        action()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak / 1_000_000


# -- the corpus folder


CORPUS_EXPECTED: dict[str, list[Seen]] = {
    # syntax errors, one per construct, at the parser's position
    "syntax/flow-map-unclosed.yaml": [("Y001", 5, 10)],
    "syntax/flow-map-double-comma.yaml": [("Y001", 4, 27)],
    # at the end of the last line: the hint names where the list opens
    "syntax/flow-seq-unclosed.yaml": [("Y001", 10, 26)],
    "syntax/flow-seq-colon-in-value.yaml": [("Y001", 10, 25)],
    "syntax/block-scalar-bad-header.yaml": [("Y001", 4, 15)],
    "syntax/block-scalar-dedent.yaml": [("Y001", 6, 3)],
    # at the opening quote: the string never closed
    "syntax/double-quoted-unclosed.yaml": [("Y001", 10, 14)],
    "syntax/double-quoted-bad-escape.yaml": [("Y001", 4, 17)],
    "syntax/single-quoted-unclosed.yaml": [("Y001", 4, 18)],
    "syntax/anchor-without-name.yaml": [("Y001", 4, 9)],
    "syntax/alias-undefined.yaml": [("Y001", 4, 8)],
    "syntax/alias-with-anchor.yaml": [("Y001", 4, 11)],
    "syntax/alias-inside-its-anchor.yaml": [("Y001", 10, 23)],
    "syntax/directive-unknown-version.yaml": [("Y001", 1, 1)],
    "syntax/directive-twice.yaml": [("Y001", 2, 1)],
    "syntax/directive-without-document-start.yaml": [("Y001", 2, 1)],
    "syntax/tag-directive-bad-handle.yaml": [("Y001", 1, 8)],
    "syntax/content-after-document-end.yaml": [("Y001", 5, 1)],
    "syntax/document-start-inside-mapping.yaml": [("Y001", 7, 1)],
    "syntax/block-mapping-bad-indent.yaml": [("Y001", 10, 4)],
    "syntax/block-sequence-then-key.yaml": [("Y001", 6, 3)],
    "syntax/colon-in-plain-value.yaml": [("Y001", 10, 18)],
    "syntax/key-without-colon.yaml": [("Y001", 5, 1)],
    "syntax/reserved-indicator.yaml": [("Y001", 4, 8)],
    "syntax/mapping-as-key.yaml": [("Y001", 4, 3)],
    "syntax/merge-of-a-scalar.yaml": [("Y001", 10, 13)],
    # duplicate keys at every level, at the second key
    "duplicate-keys/top.yaml": [("Y002", 4, 1)],
    "duplicate-keys/quoted-and-plain.yaml": [("Y002", 4, 1)],
    "duplicate-keys/offering.yaml": [("Y002", 8, 5)],
    "duplicate-keys/variant.yaml": [("C002", 9, 9), ("Y002", 10, 9)],
    "duplicate-keys/evidence.yaml": [("M003", 7, 15), ("M004", 7, 15), ("Y002", 10, 7)],
    "duplicate-keys/price.yaml": [("Y002", 13, 11)],
    "duplicate-keys/duration.yaml": [("Y002", 10, 41)],
    "duplicate-keys/nps.yaml": [("Y002", 11, 9)],
    "levels/duplicate-level-key.yaml": [("C202", 9, 11), ("Y002", 6, 5)],
    "levels/duplicate-top-key.yaml": [("C202", 6, 1), ("Y002", 6, 1)],
    # tags: reported at the tagged value, never run or built
    "tags/python-object-apply.yaml": [("S003", 4, 8), ("Y005", 4, 8)],
    "tags/python-object-new.yaml": [("S003", 4, 8), ("Y005", 4, 8)],
    "tags/python-name.yaml": [("Y005", 4, 8)],
    "tags/binary.yaml": [("Y005", 4, 8)],
    "tags/set.yaml": [("S003", 10, 13), ("Y005", 10, 13)],
    "tags/omap.yaml": [("S003", 10, 21), ("S003", 10, 30), ("Y005", 10, 13)],
    "tags/local.yaml": [("Y005", 4, 8)],
    "tags/tag-directive.yaml": [("Y005", 6, 8)],
    "tags/verbatim.yaml": [("Y005", 4, 8)],
    "tags/wrong-core-tag.yaml": [("S003", 4, 8), ("Y001", 4, 8)],
    # anchors, aliases and merge keys: plain data, or a bomb stopped at its alias
    "anchors/alias-reuse.yaml": [],
    "anchors/merge-keys.yaml": [],
    "anchors/merge-list.yaml": [("S002", 5, 5), ("S002", 6, 5)],
    "anchors/billion-laughs.yaml": [("Y009", 14, 37)],
    # documents
    "documents/two-documents.yaml": [("Y004", 10, 1)],
    "documents/end-then-start.yaml": [("Y004", 11, 1)],
    "documents/explicit-single.yaml": [],
    "documents/scalar.yaml": [("S003", 1, 1)],
    "documents/list.yaml": [("S003", 1, 1)],
    "documents/null.yaml": [("S003", 1, 1)],
    "documents/start-marker-only.yaml": [("S003", 2, 1)],
    # empty files, whitespace and tabs
    "whitespace/empty.yaml": [("Y006", 1, 1)],
    "whitespace/spaces-and-newlines.yaml": [("Y006", 1, 1)],
    "whitespace/comment-only.yaml": [("Y006", 1, 1)],
    "whitespace/end-marker-only.yaml": [("Y001", 1, 1)],
    "whitespace/tab-indent.yaml": [("Y001", 5, 1)],
    "whitespace/tab-before-key.yaml": [("Y001", 10, 1)],
    "whitespace/tab-only-line.yaml": [("Y001", 4, 1)],
    "whitespace/tab-in-value.yaml": [],
    "whitespace/trailing-spaces.yaml": [],
}
"""Each corpus file and every diagnostic it must give (codes in IGNORED aside)."""

CORPUS_FILES = sorted(path.relative_to(CORPUS).as_posix() for path in CORPUS.rglob("*.yaml"))


def corpus_catalog(root: Path, relative: str) -> tuple[Path, str]:
    """Put a corpus file into a catalog (``levels/`` files as the levels file); return its name."""
    source = CORPUS / relative
    name = "levels.yaml" if relative.startswith("levels/") else source.name
    return make_catalog(root, {name: source.read_bytes()}), name


def test_every_corpus_file_has_its_expected_diagnostics_listed() -> None:
    """The table of expectations and the corpus folder list the same files."""
    assert sorted(CORPUS_EXPECTED) == CORPUS_FILES


@pytest.mark.parametrize("relative", CORPUS_FILES)
def test_corpus_file_gives_its_diagnostics_at_their_place(relative: str, tmp_path: Path) -> None:
    """A corpus file gives exactly its listed diagnostics, and the sibling file is still checked."""
    root, name = corpus_catalog(tmp_path / "catalog", relative)
    found = check(root)
    assert found.get(name, []) == sorted(CORPUS_EXPECTED[relative])


@pytest.mark.parametrize("relative", CORPUS_FILES)
def test_corpus_file_through_the_command_line(
    relative: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`pscatalog validate` prints each diagnostic as file:line:column, exits 1, and shows no traceback."""
    _, name = corpus_catalog(tmp_path / "catalog", relative)
    monkeypatch.chdir(tmp_path)
    result = invoke("validate", "catalog", "--output-format", "concise")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    for code, line, column in CORPUS_EXPECTED[relative]:
        assert any(
            entry.startswith(f"catalog/{name}:{line}:{column}: ") and f" {code} " in entry
            for entry in lines
        ), (code, line, column)
    assert "catalog/sibling.yaml:7:15: error C004 " in result.stdout


def test_syntax_error_message_names_the_problem_and_hints_the_fix(tmp_path: Path) -> None:
    """A tab used to indent is Y001 with the hint that YAML indents with spaces."""
    root, name = corpus_catalog(tmp_path / "catalog", "whitespace/tab-before-key.yaml")
    result = validate([root])
    (diagnostic,) = [d for d in result.diagnostics if d.location.file.endswith(name)]
    assert diagnostic.code == "Y001"
    assert diagnostic.hint == "YAML indents with spaces, never tabs"


@pytest.mark.parametrize(
    "relative",
    ["tags/python-object-apply.yaml", "tags/python-object-new.yaml", "tags/python-name.yaml"],
)
def test_python_tags_run_nothing_in_a_separate_process(relative: str, tmp_path: Path) -> None:
    """Code-running tags are Y005 in a real `pscatalog` process, and no PWNED file appears."""
    corpus_catalog(tmp_path / "catalog", relative)
    completed = run_process(["validate", "catalog", "--output-format", "concise"], cwd=tmp_path)
    assert completed.returncode == 1
    assert f"catalog/{Path(relative).name}:4:8: error Y005 " in completed.stdout
    assert "catalog/sibling.yaml:7:15: error C004 " in completed.stdout
    assert not list(tmp_path.rglob("PWNED"))


def test_merged_offering_is_checked_like_a_written_one(tmp_path: Path) -> None:
    """An offering built from '<<' merges of two anchors has no finding of its own."""
    root, name = corpus_catalog(tmp_path / "catalog", "anchors/merge-list.yaml")
    result = validate([root])
    pointers = {d.location.pointer for d in result.diagnostics if d.location.file.endswith(name)}
    assert pointers == {"/offerings/0", "/offerings/1"}
    (offering,) = [o for o in result.catalogs[0].offerings if o.entry.text("id") == "ldap"]
    assert offering.maturity == "minimal"
    assert [variant.text("id") for variant in offering.variants] == ["custom"]


# -- encodings and line ends


def test_bom_is_ignored(tmp_path: Path) -> None:
    """A UTF-8 byte-order mark before a clean file gives no finding."""
    root = make_catalog(tmp_path / "catalog", {"bom.yaml": b"\xef\xbb\xbf" + CLEAN.encode()})
    assert check(root).get("bom.yaml", []) == []


def test_bom_does_not_shift_positions(tmp_path: Path) -> None:
    """After a BOM, a syntax error is at the line and column it has without the BOM."""
    broken = HEAD + "owner: a: b\n" + OFFERINGS
    root = make_catalog(
        tmp_path / "catalog",
        {"bom.yaml": b"\xef\xbb\xbf" + broken.encode(), "plain.yaml": broken.encode()},
    )
    found = check(root)
    assert found["bom.yaml"] == found["plain.yaml"] == [("Y001", 4, 9)]


def test_crlf_file_is_clean_and_positions_match_lf(tmp_path: Path) -> None:
    """CRLF line ends read as LF ones: a clean file is clean, a fault is at the same place."""
    broken = HEAD + OFFERINGS + "    summary: Jira: tested\n"
    root = make_catalog(
        tmp_path / "catalog",
        {
            "clean-crlf.yaml": CLEAN.replace("\n", "\r\n"),
            "broken-crlf.yaml": broken.replace("\n", "\r\n"),
            "broken-bom-crlf.yaml": b"\xef\xbb\xbf" + broken.replace("\n", "\r\n").encode(),
            "broken-mixed.yaml": broken.replace("\n", "\r\n", 4),
            "broken-cr.yaml": broken.replace("\n", "\r"),
        },
    )
    found = check(root)
    assert found.get("clean-crlf.yaml", []) == []
    for name in ("broken-crlf.yaml", "broken-bom-crlf.yaml", "broken-mixed.yaml", "broken-cr.yaml"):
        assert found[name] == [("Y001", 10, 18)], name


@pytest.mark.parametrize(
    ("data", "line", "column"),
    [
        pytest.param((HEAD + "owner: ps\x00team\n" + OFFERINGS).encode(), 4, 10, id="in-a-value"),
        pytest.param(b"\x00" + CLEAN.encode(), 1, 1, id="first-byte"),
        pytest.param(CLEAN.encode() + b"\x00", 10, 1, id="last-byte"),
        pytest.param("name: Café\x00\n".encode(), 1, 11, id="after-accents"),
        pytest.param(CLEAN.encode("utf-16-le"), 1, 2, id="utf-16-without-bom"),
        # Lines end where YAML says they do: a CR alone ends one, as in syntax errors.
        pytest.param(b"id: x\rname: a\x00b\r", 2, 8, id="cr-line-ends"),
    ],
)
def test_nul_byte_is_a_syntax_error_at_its_place(
    data: bytes, line: int, column: int, tmp_path: Path
) -> None:
    """A NUL byte is Y001 at its line and character column, named in the message."""
    root = make_catalog(tmp_path / "catalog", {"nul.yaml": data})
    assert check(root)["nul.yaml"] == [("Y001", line, column)]
    (diagnostic,) = [
        d for d in validate([root]).diagnostics if d.location.file.endswith("nul.yaml")
    ]
    assert diagnostic.message == "the file contains a NUL byte"


@pytest.mark.parametrize(
    ("data", "line", "column", "byte"),
    [
        pytest.param((HEAD + "owner: André\n").encode("latin-1"), 4, 12, 0xE9, id="latin-1"),
        pytest.param(CLEAN.encode() + b"    summary: \xc0\xaf\n", 10, 14, 0xC0, id="overlong"),
        pytest.param(CLEAN.encode() + b"    summary: \xed\xa0\x80\n", 10, 14, 0xED, id="surrogate"),
        pytest.param(CLEAN.encode() + b"    summary: caf\xc3", 10, 17, 0xC3, id="cut-at-the-end"),
        pytest.param(
            "name: Café \udcff\n".encode("utf-8", "surrogateescape"), 1, 12, 0xFF, id="stray-byte"
        ),
        pytest.param(CLEAN.encode("utf-16"), 1, 1, 0xFF, id="utf-16"),
        pytest.param(CLEAN.encode("utf-32"), 1, 1, 0xFF, id="utf-32"),
        pytest.param(b"id: x\rname: Andr\xe9\r", 2, 11, 0xE9, id="cr-line-ends"),
    ],
)
def test_bytes_that_are_not_utf8_are_reported_at_the_first_one(
    data: bytes, line: int, column: int, byte: int, tmp_path: Path
) -> None:
    """A file that is not UTF-8 is Y007 at its first bad byte, which the message names."""
    root = make_catalog(tmp_path / "catalog", {"bytes.yaml": data})
    assert check(root)["bytes.yaml"] == [("Y007", line, column)]
    (diagnostic,) = [
        d for d in validate([root]).diagnostics if d.location.file.endswith("bytes.yaml")
    ]
    assert f"byte 0x{byte:02x}" in diagnostic.message


# -- long lines, deep nesting, large files

MEGABYTE = 1_000_000


def test_one_megabyte_value_is_read(tmp_path: Path) -> None:
    """A 1 MB summary on one line is read without a finding (the watchdog catches a hang)."""
    text = CLEAN + "    summary: " + "x" * MEGABYTE + "\n"
    root = make_catalog(tmp_path / "catalog", {"long.yaml": text})
    assert check(root).get("long.yaml", []) == []


def test_fault_at_the_end_of_a_one_megabyte_line_is_at_its_column(tmp_path: Path) -> None:
    """A ': ' after a 1 MB plain value is Y001 at its column, counted in characters."""
    text = CLEAN + "    summary: " + "é" * MEGABYTE + ": x\n"
    root = make_catalog(tmp_path / "catalog", {"long.yaml": text})
    assert check(root)["long.yaml"] == [("Y001", 10, 14 + MEGABYTE)]


def test_one_megabyte_key_is_a_syntax_error(tmp_path: Path) -> None:
    """A 1 MB key is longer than YAML allows a plain key to be: Y001 on its line."""
    text = HEAD + "k" * MEGABYTE + ": 1\n" + OFFERINGS
    root = make_catalog(tmp_path / "catalog", {"long.yaml": text})
    assert check(root)["long.yaml"] == [("Y001", 4, MEGABYTE + 1)]


def test_one_megabyte_flow_list_with_a_repeated_item_is_reported(tmp_path: Path) -> None:
    """A 1 MB line of stages repeating one item is one S006 at the list (no hang)."""
    text = CLEAN + "    stages: [" + "Plan, " * (MEGABYTE // 6) + "Plan]\n"
    root = make_catalog(tmp_path / "catalog", {"long.yaml": text})
    assert check(root)["long.yaml"] == [("S006", 10, 13)]


@pytest.mark.parametrize(
    ("suffix", "line", "column"),
    [
        pytest.param(
            "    stages:\n" + "".join("  " * (i + 3) + "-\n" for i in range(1000)),
            264,
            513,
            id="block-sequences",
        ),
        pytest.param(
            "    evidence:\n" + "".join("  " * (i + 3) + f"k{i}:\n" for i in range(1000)),
            264,
            513,
            id="block-mappings",
        ),
        pytest.param("    stages: " + "[" * 100_000 + "\n", 10, 266, id="flow-sequences"),
        pytest.param("    stages: " + "{a: " * 100_000 + "\n", 10, 1025, id="flow-mappings"),
    ],
)
def test_nesting_past_the_limit_is_reported_where_it_crosses(
    suffix: str, line: int, column: int, tmp_path: Path
) -> None:
    """Nesting deeper than 256 levels is Y009 at the first value past the limit, without a crash."""
    root = make_catalog(tmp_path / "catalog", {"deep.yaml": CLEAN + suffix})
    assert check(root)["deep.yaml"] == [("Y009", line, column)]


def test_nesting_up_to_the_limit_is_read(tmp_path: Path) -> None:
    """A configured depth limit is inclusive: one level more is Y009, at that level."""
    # The stages list is the fourth level: document, offerings, offering, stages.
    root = make_catalog(
        tmp_path / "catalog",
        {
            "at-limit.yaml": CLEAN + "    stages: " + "[" * 5 + "]" * 5 + "\n",
            "past-limit.yaml": CLEAN + "    stages: " + "[" * 6 + "]" * 6 + "\n",
        },
    )
    found = check(root, limits=Limits(max_depth=8))
    assert ("Y009", 10, 18) in found["past-limit.yaml"]
    assert all(code != "Y009" for code, _, _ in found["at-limit.yaml"])


def test_file_over_the_size_limit_is_not_read(tmp_path: Path) -> None:
    """A file one byte over a configured size limit is Y009 at 1:1; one at the limit is read."""
    limits = Limits(max_file_bytes=1000)
    padded = CLEAN + "#" * (999 - len(CLEAN)) + "\n"
    assert len(padded) == 1000
    root = make_catalog(
        tmp_path / "catalog", {"at-limit.yaml": padded, "over-limit.yaml": padded + "\n"}
    )
    found = check(root, limits=limits)
    assert found.get("at-limit.yaml", []) == []
    assert found["over-limit.yaml"] == [("Y009", 1, 1)]
    (diagnostic,) = [
        d for d in validate([root], limits=limits).diagnostics if "over-limit" in d.location.file
    ]
    assert diagnostic.message == "file is 1,001 bytes, more than the limit of 1,000"


def test_file_over_the_default_size_limit_is_refused_without_reading_it(tmp_path: Path) -> None:
    """A sparse file one byte past the default limit is Y009 at once, with little memory used."""
    root = make_catalog(tmp_path / "catalog", {})
    with (root / "huge.yaml").open("wb") as huge:
        huge.write(CLEAN.encode())
        huge.truncate(DEFAULT_LIMITS.max_file_bytes + 1)
    assert check(root)["huge.yaml"] == [("Y009", 1, 1)]
    assert peak_megabytes(lambda: validate([root])) < 50


def test_size_limit_from_the_configuration_applies_on_the_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """[limits] max-file-bytes in pscatalog.toml makes a larger file Y009 through the CLI."""
    make_catalog(tmp_path / "catalog", {"big.yaml": CLEAN + "#" * 2000 + "\n"})
    (tmp_path / "pscatalog.toml").write_text("[limits]\nmax-file-bytes = 1000\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = invoke("validate", "catalog", "--output-format", "concise")
    assert result.exit_code == 1
    assert "catalog/big.yaml:1:1: error Y009 " in result.stdout
    assert "catalog/sibling.yaml:7:15: error C004 " in result.stdout


# -- expansion bombs


def _billion_laughs_catalog(root: Path) -> Path:
    return corpus_catalog(root, "anchors/billion-laughs.yaml")[0]


def test_billion_laughs_is_stopped_in_time_and_memory(tmp_path: Path) -> None:
    """Nine levels of ten aliases each are Y009 at the alias past the limit, cheaply."""
    root = _billion_laughs_catalog(tmp_path / "catalog")
    assert check(root)["billion-laughs.yaml"] == [("Y009", 14, 37)]
    peak = peak_megabytes(lambda: validate([root]))
    assert peak < MEGABYTES, f"{peak:.0f} MB"


def test_billion_laughs_in_a_separate_process(tmp_path: Path) -> None:
    """`pscatalog validate` on a billion-laughs file ends quickly, in bounded memory, with Y009."""
    _billion_laughs_catalog(tmp_path / "catalog")
    code, output, megabytes = run_measured(
        ["validate", "catalog", "--output-format", "concise"], cwd=tmp_path
    )
    assert megabytes < PROCESS_MEGABYTES, f"{megabytes:.0f} MB resident"
    assert code == 1
    assert "catalog/billion-laughs.yaml:14:37: error Y009 " in output
    assert "catalog/sibling.yaml:7:15: error C004 " in output


def test_wide_mapping_repeated_by_aliases_counts_every_value(tmp_path: Path) -> None:
    """Aliases of a 20,000-key mapping count 40,001 values each: the third crosses the limit."""
    wide = "{" + ", ".join(f"k{i}: v" for i in range(20_000)) + "}"
    text = HEAD + f"owner: &m {wide}\n" + OFFERINGS + "    stages: [*m, *m, *m, *m]\n"
    root = make_catalog(tmp_path / "catalog", {"wide.yaml": text})
    assert check(root)["wide.yaml"] == [("Y009", 11, 22)]


def test_long_string_repeated_by_aliases_stays_within_memory(tmp_path: Path) -> None:
    """A 100 KB string repeated by 2,000 aliases (200 MB if copied) is reported in bounded memory.

    Aliases of one scalar count one value each, so the alias limit lets this
    through; any text built from the whole list (a message, a report) is then
    200 MB. Either an S006 (the list repeats an item) or a Y009 (a limit on
    what aliases expand to) is a right answer; a blow-up is not.
    """
    text = (
        CLEAN
        + "    summary: &s "
        + "x" * 100_000
        + "\n    stages: ["
        + ", ".join(["*s"] * 2_000)
        + "]\n"
    )
    root = make_catalog(tmp_path / "catalog", {"quadratic.yaml": text})
    found = check(root)["quadratic.yaml"]
    assert found == [("S006", 11, 13)] or [code for code, _, _ in found] == ["Y009"]
    peak = peak_megabytes(lambda: validate([root]))
    assert peak < MEGABYTES, f"{peak:.0f} MB"


def test_long_string_repeated_by_aliases_in_a_separate_process(tmp_path: Path) -> None:
    """The same bomb through `pscatalog validate`: a finding at the list, in bounded resident memory."""
    text = (
        CLEAN + "    summary: &s " + "x" * 100_000 + "\n    stages: [" + ", ".join(["*s"] * 2_000)
    )
    make_catalog(tmp_path / "catalog", {"quadratic.yaml": text + "]\n"})
    code, output, megabytes = run_measured(
        ["validate", "catalog", "--output-format", "concise"], cwd=tmp_path
    )
    assert megabytes < PROCESS_MEGABYTES, f"{megabytes:.0f} MB resident"
    assert code == 1
    assert "catalog/quadratic.yaml:11:" in output
    assert "catalog/sibling.yaml:7:15: error C004 " in output


def test_many_aliases_of_a_wrong_value_are_reported_at_the_anchor(tmp_path: Path) -> None:
    """99,000 aliases of a number in a list of strings are reported, the first at its anchor."""
    text = CLEAN + "    summary: &n 1\n    stages: [" + ", ".join(["*n"] * 99_000) + "]\n"
    root = make_catalog(tmp_path / "catalog", {"aliases.yaml": text})
    found = check(root)["aliases.yaml"]
    assert ("S003", 10, 14) in found


# -- many findings in one file


def _keys(count: int) -> str:
    """``count`` keys, one a line: ``k0: 1`` ..."""
    return "".join(f"k{index}: 1\n" for index in range(count))


def test_locating_every_key_of_a_wide_mapping_is_linear(tmp_path: Path) -> None:
    """Locating each key of one mapping costs the same at 4,000 keys as at 2,000: work doubles."""

    def work(size: int) -> int:
        path = tmp_path / f"wide-{size}.yaml"
        path.write_text(_keys(size), encoding="utf-8")
        doc = load_document(path, "wide.yaml")
        keys = [f"k{index}" for index in range(size)]
        lines, count = lines_run(lambda: [doc.locate([key], key=True).line for key in keys])
        assert lines == list(range(1, size + 1))
        return count

    assert growth(work, 2_000) <= 2.01


def test_many_duplicate_keys_load_in_linear_work(tmp_path: Path) -> None:
    """N keys then N repeats of the first: each repeat is one Y002, and the work doubles with N."""

    def work(size: int) -> int:
        path = tmp_path / f"dups-{size}.yaml"
        path.write_text(_keys(size) + "k0: 2\n" * size, encoding="utf-8")
        doc, count = lines_run(lambda: load_document(path, "dups.yaml"))
        assert len(doc.diagnostics) == size
        assert {d.code for d in doc.diagnostics} == {"Y002"}
        assert (doc.diagnostics[-1].location.line, doc.data) == (
            2 * size,
            {**{f"k{index}": 1 for index in range(size)}, "k0": 2},
        )
        return count

    assert growth(work, 2_000) <= 2.01


def test_full_report_of_many_findings_is_linear(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The full text report of 4,000 findings in one file takes twice the work of 2,000."""
    from pscatalog.outputs.reporters import REPORTER_BY_NAME

    monkeypatch.chdir(tmp_path)

    def work(size: int) -> int:
        make_catalog(Path(f"{size}/catalog"), {"wide.yaml": HEAD + _keys(size) + OFFERINGS})
        result = validate([Path(f"{size}/catalog")])
        assert len(result.diagnostics) == size + 1  # and the sibling's C004
        report, count = lines_run(lambda: REPORTER_BY_NAME["full"](result))
        last = size - 1
        assert f"{size}/catalog/wide.yaml:{size + 3}:1: error S001 unknown key 'k{last}'" in report
        return count

    assert growth(work, 2_000) <= 2.01


# -- files and folders


@pytest.fixture
def repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git work tree (a .git folder is enough) with a catalog, run from its top."""
    top = tmp_path / "repo"
    (top / ".git").mkdir(parents=True)
    make_catalog(top / "catalog", {})
    monkeypatch.chdir(top)
    return top


def test_symlink_to_a_file_inside_the_repository_is_read(repository: Path) -> None:
    """A link to a category file elsewhere in the repository is checked under the link's name."""
    (repository / "shared").mkdir()
    (repository / "shared" / "integration.yaml").write_text(
        HEAD + "owner: a: b\n" + OFFERINGS, encoding="utf-8"
    )
    (repository / "catalog" / "integration.yaml").symlink_to("../shared/integration.yaml")
    assert check(Path("catalog"))["integration.yaml"] == [("Y001", 4, 9)]


def test_symlink_out_of_the_repository_is_not_read(repository: Path, tmp_path: Path) -> None:
    """A link to a file outside the repository is Y008; its content appears nowhere."""
    secret = tmp_path / "outside" / "secret.yaml"
    secret.parent.mkdir()
    secret.write_text("id: top-secret-value\nname: [\n", encoding="utf-8")
    (repository / "catalog" / "secret.yaml").symlink_to(secret)
    assert check(Path("catalog"))["secret.yaml"] == [("Y008", 1, 1)]
    result = invoke("validate", "catalog")
    assert result.exit_code == 1
    assert "catalog/secret.yaml:1:1: error Y008 is a link to a file outside the repository" in (
        result.stdout
    )
    assert "top-secret-value" not in result.output


def test_dangling_symlink_is_reported(repository: Path) -> None:
    """A link to nothing is Y008 at 1:1, and the rest of the catalog is checked."""
    (repository / "catalog" / "gone.yaml").symlink_to("nowhere.yaml")
    assert check(Path("catalog"))["gone.yaml"] == [("Y008", 1, 1)]


def test_symlink_loops_are_reported(repository: Path) -> None:
    """Links that loop (two to each other, one to itself) are each Y008, without hanging."""
    catalog = repository / "catalog"
    (catalog / "loop-a.yaml").symlink_to("loop-b.yaml")
    (catalog / "loop-b.yaml").symlink_to("loop-a.yaml")
    (catalog / "self.yaml").symlink_to("self.yaml")
    found = check(Path("catalog"))
    for name in ("loop-a.yaml", "loop-b.yaml", "self.yaml"):
        assert found[name] == [("Y008", 1, 1)], name


def test_named_symlink_loop_is_reported(repository: Path) -> None:
    """Naming a looping link on the command line is Y008 for it, exit 1, no traceback."""
    (repository / "catalog" / "self.yaml").symlink_to("self.yaml")
    result = invoke("validate", "catalog/self.yaml", "--output-format", "concise")
    assert result.exit_code == 1
    assert "catalog/self.yaml:1:1: error Y008 " in result.stdout


def test_unreadable_file_is_reported(repository: Path) -> None:
    """A file without read permission is Y008 at 1:1 (not checkable as root, who reads anyway)."""
    path = repository / "catalog" / "locked.yaml"
    path.write_text(CLEAN, encoding="utf-8")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as root: chmod 000 does not stop root from reading the file")
        assert check(Path("catalog"))["locked.yaml"] == [("Y008", 1, 1)]
    finally:
        path.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_file_that_cannot_be_opened_is_reported(
    repository: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file whose opening fails with EACCES is Y008 naming the reason (simulated: works as root)."""
    path = repository / "catalog" / "locked.yaml"
    path.write_text(CLEAN, encoding="utf-8")
    locked = path.resolve()
    real_open = Path.open

    def refuse(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self.resolve() == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    result = validate([Path("catalog")])
    (diagnostic,) = [d for d in result.diagnostics if d.location.file.endswith("locked.yaml")]
    assert (diagnostic.code, diagnostic.location.line, diagnostic.location.column) == ("Y008", 1, 1)
    assert diagnostic.message == "cannot be read: Permission denied"
    assert SIBLING_FINDING in by_file(result)["sibling.yaml"]


def test_named_pipe_does_not_hang_validation(repository: Path) -> None:
    """A FIFO named like a catalog file is Y008, not a read that waits forever (run in a process)."""
    os.mkfifo(repository / "catalog" / "pipe.yaml")
    try:
        completed = run_process(
            ["validate", "catalog", "--output-format", "concise"], cwd=repository, timeout=20
        )
    except subprocess.TimeoutExpired:
        pytest.fail("validation waited on the named pipe for 20 s")
    assert completed.returncode == 1
    assert "catalog/pipe.yaml:1:1: error Y008 " in completed.stdout
    assert "catalog/sibling.yaml:7:15: error C004 " in completed.stdout


def test_directory_named_like_a_catalog_file_is_reported(repository: Path) -> None:
    """A folder, or a link to a folder, named like a YAML file is Y008 at 1:1."""
    catalog = repository / "catalog"
    (catalog / "folder.yaml").mkdir()
    (catalog / "folder-link.yaml").symlink_to("folder.yaml")
    found = check(Path("catalog"))
    assert found["folder.yaml"] == [("Y008", 1, 1)]
    assert found["folder-link.yaml"] == [("Y008", 1, 1)]


def test_levels_file_that_is_a_directory_is_one_finding(repository: Path) -> None:
    """A levels.yaml folder is Y008 there, without a missing-levels-file finding as well."""
    catalog = repository / "catalog"
    (catalog / "levels.yaml").unlink()
    (catalog / "levels.yaml").mkdir()
    found = by_file(timed_validate([Path("catalog")]))
    assert found["levels.yaml"] == [("Y008", 1, 1)]


def test_missing_path_is_one_line_and_exit_2(tmp_path: Path) -> None:
    """A path that does not exist stops with one error line on stderr and exit code 2."""
    completed = run_process(["validate", "no/such/catalog"], cwd=tmp_path)
    assert completed.returncode == 2
    assert completed.stdout == ""
    assert completed.stderr == (
        "pscatalog: error: no such file or folder: no/such/catalog\n"
        "Try 'pscatalog validate --help' for help.\n"
    )


def test_named_file_that_is_not_yaml_is_one_line_and_exit_2(repository: Path) -> None:
    """A named file without a .yaml or .yml suffix stops with one error line and exit code 2."""
    (repository / "catalog" / "notes.txt").write_text("hello\n", encoding="utf-8")
    result = invoke("validate", "catalog/notes.txt")
    assert result.exit_code == 2
    assert (
        result.stderr == "pscatalog: error: not a catalog file (.yaml or .yml): catalog/notes.txt\n"
        "Try 'pscatalog validate --help' for help.\n"
    )


@pytest.mark.parametrize("report", ["full", "concise", "json", "github"])
def test_paths_with_spaces_and_non_ascii_names(
    report: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A catalog folder and file with spaces and accents are named as they are, in every format."""
    folder = tmp_path / "mon catalogue – été"
    make_catalog(folder, {"intégration ü.yaml": HEAD + "owner: a: b\n" + OFFERINGS})
    monkeypatch.chdir(tmp_path)
    assert check(Path(folder.name))["intégration ü.yaml"] == [("Y001", 4, 9)]
    result = invoke("validate", folder.name, "--output-format", report)
    assert result.exit_code == 1
    assert "mon catalogue – été/intégration ü.yaml" in result.stdout
    if report == "json":
        json.loads(result.stdout)


@pytest.mark.parametrize("report", ["gitlab", "junit", "sarif", "json"])
def test_file_name_that_is_not_utf8_is_reported_in_every_report(
    report: str, tmp_path: Path
) -> None:
    """A file whose name is not UTF-8 (Latin-1 'é') is reported, and every report is valid UTF-8."""
    root = make_catalog(tmp_path / "catalog", {})
    (root / os.fsdecode(b"caf\xe9.yaml")).write_bytes((HEAD + "owner: a: b\n" + OFFERINGS).encode())
    output = tmp_path / f"report.{report}"
    command = [
        sys.executable,
        "-c",
        "from pscatalog.cli.main import main; main()",
        "validate",
        "catalog",
        "--output-format",
        "concise",
        "--report",
        f"{report}:{output}",
    ]
    completed = subprocess.run(command, cwd=tmp_path, capture_output=True, timeout=30, check=False)
    assert b"Traceback" not in completed.stdout + completed.stderr
    assert completed.returncode == 1, completed.stderr
    assert b"catalog/sibling.yaml:7:15: error C004 " in completed.stdout
    assert b":4:9: error Y001 " in completed.stdout
    data = output.read_bytes().decode("utf-8")  # a report is UTF-8 text
    if report != "junit":
        json.loads(data)


# -- schema types: every field with a value of the wrong type


WRONG_VALUE = {
    "string": 12345,
    "integer": "many",
    "number": "many",
    "boolean": "yes",
    "array": "text",
    "object": "text",
}
"""A value of another type for each JSON Schema type."""


def schema_fields(kind: str) -> dict[tuple[str | int, ...], str]:
    """Return every field of a schema kind, as a path (lists' first item) and its type."""
    schema = load_schema(kind)
    definitions = schema["$defs"]
    fields: dict[tuple[str | int, ...], str] = {}

    def resolve(node: dict[str, Any]) -> dict[str, Any]:
        while "$ref" in node:
            target = definitions[node["$ref"].rsplit("/", 1)[-1]]
            node = {**target, **{key: value for key, value in node.items() if key != "$ref"}}
        return node

    def walk(node: dict[str, Any], path: tuple[str | int, ...]) -> None:
        node = resolve(node)
        for key, child in node.get("properties", {}).items():
            child = resolve(child)
            if isinstance(child.get("type"), str):
                fields[(*path, key)] = child["type"]
            walk(child, (*path, key))
        items = node.get("items")
        if isinstance(items, dict):
            items = resolve(items)
            if isinstance(items.get("type"), str):
                fields[(*path, 0)] = items["type"]
            walk(items, (*path, 0))

    walk(schema, ())
    return fields


def _set(data: Any, path: tuple[str | int, ...], value: Any) -> None:
    node = data
    for part in path[:-1]:
        node = node[part] if isinstance(part, int) else node.setdefault(part, {})
    node[path[-1]] = value


WRONG_TYPE_CASES = [
    pytest.param(kind, file_name, path, field_type, id=f"{kind}{pointer_from_parts(path)}")
    for kind, file_name in (("category", "integration.yaml"), ("levels", "levels.yaml"))
    for path, field_type in schema_fields(kind).items()
]


@pytest.mark.parametrize(("kind", "file_name", "path", "field_type"), WRONG_TYPE_CASES)
def test_wrong_type_for_a_field_is_one_s003_at_its_value(
    kind: str, file_name: str, path: tuple[str | int, ...], field_type: str, tmp_path: Path
) -> None:
    """A value of the wrong type in any field of the schema is one S003 at that value."""
    example = EXAMPLES / "valid" / "every-optional-field"
    data = copy.deepcopy(load_document(example / file_name, file_name).data)
    _set(data, path, WRONG_VALUE[field_type])
    text, positions = emit_yaml(data)
    root = tmp_path / "catalog"
    shutil.copytree(example, root)
    (root / "sibling.yaml").write_text(SIBLING, encoding="utf-8")
    (root / file_name).write_text(text, encoding="utf-8")
    result = timed_validate([root])
    pointer = pointer_from_parts(path)
    at_field = [
        (d.code, d.location.line, d.location.column)
        for d in result.diagnostics
        if d.location.file.endswith(file_name) and d.location.pointer == pointer
    ]
    assert at_field == [("S003", *positions[path])]
    assert SIBLING_FINDING in by_file(result)["sibling.yaml"]


def test_every_schema_type_has_a_wrong_value() -> None:
    """Every type the schemas use has a wrong value to try, so no field is skipped."""
    for kind in ("category", "levels"):
        assert set(schema_fields(kind).values()) <= set(WRONG_VALUE)
    assert len(WRONG_TYPE_CASES) > 60


# -- keys


def test_alias_of_a_mapping_used_as_a_key_is_a_syntax_error(tmp_path: Path) -> None:
    """'*m : x' with a mapping anchored as m is Y001 at the alias, as a written mapping key is."""
    text = HEAD + "owner: &m {team: ps}\n*m : x\n" + OFFERINGS
    root = make_catalog(tmp_path / "catalog", {"keys.yaml": text})
    found = check(root)["keys.yaml"]
    assert ("Y001", 5, 1) in found
    assert not any(code == "S001" for code, _, _ in found)


def test_keys_of_other_types_become_their_text(tmp_path: Path) -> None:
    """Plain keys that read as null, numbers or booleans are unknown keys named by their text."""
    text = HEAD + "~: 1\n1.5: 2\ntrue: 3\n012: 4\n" + OFFERINGS
    root = make_catalog(tmp_path / "catalog", {"keys.yaml": text})
    result = timed_validate([root])
    unknown = sorted(
        d.message for d in result.diagnostics if d.code == "S001" and "keys" in d.location.file
    )
    assert unknown == [
        "unknown key '1.5'",
        "unknown key '12'",
        "unknown key 'null'",
        "unknown key 'true'",
    ]


def test_every_diagnostic_line_exists_in_its_file(tmp_path: Path) -> None:
    """Across the whole corpus in one catalog, no diagnostic points past the end of its file."""
    root = make_catalog(tmp_path / "catalog", {})
    for relative in CORPUS_FILES:
        if not relative.startswith("levels/"):
            shutil.copy(CORPUS / relative, root / Path(relative).name)
    result = timed_validate([root], seconds=3 * SECONDS)
    for diagnostic in result.diagnostics:
        path = Path(diagnostic.location.file)
        lines = len(re.split(r"\r\n|\r|\n", path.read_text(encoding="utf-8")))
        assert diagnostic.location.line <= lines, diagnostic
