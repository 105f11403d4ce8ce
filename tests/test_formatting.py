"""The formatter: canonical layout, comments kept, values never changed, safe writes."""

from __future__ import annotations

import json
import os
import re
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import SHIPPED_CATALOG
from helpers import LEVELS_YAML, findings, write_catalog
from pscatalog.catalog.schemas import CATEGORY, LEVELS, load_schema
from pscatalog.checks.schema import validator
from pscatalog.cli.main import cli
from pscatalog.tools import formatting
from pscatalog.tools.formatting import FormatError, Outcome, format_paths, format_text
from pscatalog.yamltext.loader import load_document


def fmt(text: str, kind: str = CATEGORY) -> str:
    """Format dedented ``text`` and check that formatting again changes nothing."""
    formatted = format_text(textwrap.dedent(text), kind)
    assert format_text(formatted, kind) == formatted
    return formatted


def data_of(text: str, tmp_path: Path) -> Any:
    """Return what the loader reads from ``text`` (through a file, as validate reads it)."""
    path = tmp_path / "data-of.yaml"
    path.write_text(text, encoding="utf-8")
    doc = load_document(path, path.name)
    assert doc.ok, doc.diagnostics
    return doc.data


def run(*args: str) -> tuple[int, str, str]:
    """Invoke the CLI in-process; return exit code, stdout and stderr."""
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


UNFORMATTED = """\
offerings:
    -   name: JIRA
        id: jira
        maturity: complete
        variants: [{id: custom}]
level: product
name: Integration Services
id: integration
"""
FORMATTED = """\
id: integration
name: Integration Services
level: product
offerings:
  - id: jira
    name: JIRA
    maturity: complete
    variants:
      - id: custom
"""


# -- the canonical layout


def test_keys_take_the_schema_order_and_comments_move_with_them() -> None:
    """Keys follow the schema at every level; a comment above or beside a key moves with it."""
    assert fmt(
        """\
        # yaml-language-server: $schema=../schema/category.schema.json
        offerings:
          - variants:
              - sku: GL-JIRA  # the SKU
                # the base variant
                id: standard
            # how mature it is
            maturity: complete
            name: JIRA
            id: jira  # stable id
        level: product
        name: Integration Services
        id: integration
        """
    ) == textwrap.dedent(
        """\
        # yaml-language-server: $schema=../schema/category.schema.json
        id: integration
        name: Integration Services
        level: product
        offerings:
          - id: jira  # stable id
            name: JIRA
            # how mature it is
            maturity: complete
            variants:
              # the base variant
              - id: standard
                sku: GL-JIRA  # the SKU
        """
    )


def test_levels_file_takes_the_levels_schema_order() -> None:
    """In levels.yaml a level's keys follow the levels schema, and levels are a blank line apart."""
    assert fmt(
        """\
        levels:
        - rank: 1
          persona: The platform owner
          name: Product
          id: product
        - {id: adoption, name: Adoption, rank: 2, persona: The enablement lead}
        schema_version: 1
        """,
        LEVELS,
    ) == textwrap.dedent(
        """\
        schema_version: 1
        levels:
          - id: product
            name: Product
            rank: 1
            persona: The platform owner

          - id: adoption
            name: Adoption
            rank: 2
            persona: The enablement lead
        """
    )


def test_unknown_keys_go_last_in_their_own_order() -> None:
    """Keys the schema does not name follow the known ones, in the order they were written."""
    assert fmt(
        """\
        zeta: 1
        offerings: []
        alpha: 2
        id: integration
        """
    ) == textwrap.dedent(
        """\
        id: integration
        offerings: []
        zeta: 1
        alpha: 2
        """
    )


def test_one_blank_line_between_offerings_and_none_elsewhere() -> None:
    """Offerings are one blank line apart, before their comments; other blank lines go."""
    assert fmt(
        """\
        id: integration


        offerings:
          - id: a

            maturity: planned
          - id: b
            variants:

              - id: custom



          # about c
          - id: c
        """
    ) == textwrap.dedent(
        """\
        id: integration
        offerings:
          - id: a
            maturity: planned

          - id: b
            variants:
              - id: custom

          # about c
          - id: c
        """
    )


def test_flow_collections_become_block() -> None:
    """Flow mappings and sequences are written in block style, empty ones stay ``{}``/``[]``."""
    assert fmt(
        """\
        id: integration
        offerings: [{id: a, stages: [Plan, Create], variants: [{id: custom, duration: {value: 2, unit: day}}]}]
        owner: {}
        """
    ) == textwrap.dedent(
        """\
        id: integration
        owner: {}
        offerings:
          - id: a
            stages:
              - Plan
              - Create
            variants:
              - id: custom
                duration:
                  value: 2
                  unit: day
        """
    )


def test_indentation_becomes_two_spaces_with_lists_under_their_key() -> None:
    """Four-space indents and lists flush with their key come out in the canonical indentation."""
    assert fmt(UNFORMATTED) == FORMATTED


def test_quoting_follows_yaml_1_1_readings() -> None:
    """Plain where YAML 1.1 and 1.2 agree; double quotes for ``no``, dates, ``1:30``; no needless quotes."""
    assert fmt(
        """\
        id: integration
        name: 'Integration Services'
        level: "product"
        offerings:
          - id: a
            name: no
            summary: On
            description: 1:30
            owner: "it's: tricky"
            target_audience: 'say "hi"'
            url: "https://example.com/a#b"
            stages: ["012", '2022-10-27', y, "- dash", "line\\nbreak", "tab\\there", "café"]
            evidence:
              last_delivered: 2022-10-27
        """
    ) == textwrap.dedent(
        """\
        id: integration
        name: Integration Services
        level: product
        offerings:
          - id: a
            name: "no"
            summary: "On"
            description: "1:30"
            url: https://example.com/a#b
            owner: "it's: tricky"
            target_audience: say "hi"
            stages:
              - "012"
              - "2022-10-27"
              - "y"
              - "- dash"
              - "line\\nbreak"
              - "tab\\there"
              - café
            evidence:
              last_delivered: "2022-10-27"
        """
    )


def test_numbers_are_written_as_yaml_1_1_reads_them() -> None:
    """A number YAML 1.1 reads differently is rewritten to its value; others stay as written."""
    assert fmt(
        """\
        - 012
        - 0o17
        - 1e3
        - .5
        - 2.50
        - +5
        - 0x1F
        - TRUE
        - ~
        - !!str 12
        - !!float 3
        -
        """
    ) == textwrap.dedent(
        """\
        - 12
        - 15
        - 1000.0
        - 0.5
        - 2.50
        - +5
        - 0x1F
        - TRUE
        - ~
        - "12"
        - 3.0
        -
        """
    )


def test_comments_sit_two_spaces_after_the_value() -> None:
    """End-of-line comments keep their text and stand two spaces after the value or the key."""
    assert fmt(
        """\
        id: integration     #   the id
        name: C# and "#"   # a hash in a value is no comment
        offerings:
          - id: a #tight
            stages: [Plan, Create]      # stages
            duration:   # a mapping below
              value: 2
        """
    ) == textwrap.dedent(
        """\
        id: integration  #   the id
        name: C# and "#"  # a hash in a value is no comment
        offerings:
          - id: a  #tight
            stages:  # stages
              - Plan
              - Create
            duration:  # a mapping below
              value: 2
        """
    )


def test_leading_comments_and_modeline_stay_first() -> None:
    """Comments above the first key stay at the top, whatever key comes first afterwards."""
    assert fmt(
        """\
        # yaml-language-server: $schema=../schema/category.schema.json

        # Integration Services.
        level: product
        id: integration
        # the end
        """
    ) == textwrap.dedent(
        """\
        # yaml-language-server: $schema=../schema/category.schema.json
        # Integration Services.
        id: integration
        level: product
        # the end
        """
    )


def test_comments_of_a_first_key_go_on_the_item_line() -> None:
    """A key that becomes the first of an item brings its comments to the item's line."""
    assert fmt(
        """\
        offerings:
          - name: JIRA
            # about the id
            id: jira  # the id
        """
    ) == textwrap.dedent(
        """\
        offerings:
          # about the id
          - id: jira  # the id
            name: JIRA
        """
    )


def test_block_scalars_keep_their_lines() -> None:
    """Literal and folded scalars keep style, chomping and lines, re-indented two spaces in."""
    assert fmt(
        """\
        offerings:
            -   description: |
                    first line
                      indented more

                    last line
                summary: >-
                    folded
                    text
                id: a
            -   id: b
                description: |+
                    kept

            -   id: c
        """
    ) == textwrap.dedent(
        """\
        offerings:
          - id: a
            summary: >-
              folded
              text
            description: |
              first line
                indented more

              last line

          - id: b
            description: |+
              kept

          - id: c
        """
    )


def test_an_anchor_moves_before_its_alias() -> None:
    """When reordering puts an alias first, the anchored value and the alias trade places."""
    assert fmt(
        """\
        offerings:
          - variants:
              - price: &usd {amount: 1, currency: USD, unit: day}
                id: custom
            evidence: {delivery_kit: x}
            id: a
            owner: *usd
        """
    ) == textwrap.dedent(
        """\
        offerings:
          - id: a
            owner: &usd
              amount: 1
              currency: USD
              unit: day
            evidence:
              delivery_kit: x
            variants:
              - id: custom
                price: *usd
        """
    )


def test_crlf_is_kept_and_byte_order_mark_dropped() -> None:
    """A CR LF file stays CR LF (no fight with git's autocrlf); a byte order mark goes."""
    assert format_text("\ufeffid: a\r\nname: A  # n\r\n", CATEGORY) == "id: a\r\nname: A  # n\r\n"


@pytest.mark.parametrize("newline", ["\r", "\x85", "\u2028", "\u2029"])
def test_other_line_breaks_become_line_feeds(newline: str) -> None:
    """CR alone, NEL, LS and PS (line breaks for libyaml, not for every YAML 1.2 reader) become LF."""
    text = f"name: A{newline}id: a  # n{newline}"
    assert format_text(text, CATEGORY) == "id: a  # n\nname: A\n"


def test_canonical_text_is_left_as_it_is() -> None:
    """Formatting a formatted file changes nothing."""
    assert format_text(FORMATTED, CATEGORY) == FORMATTED


def test_values_never_change(tmp_path: Path) -> None:
    """The loader reads the same data before and after, for every construct tested above."""
    text = textwrap.dedent(
        """\
        offerings: [{id: a, name: no, stages: [012, "1:30", 2022-10-27, 1e3, ~, TRUE]}]
        id: integration
        description: >
          folded
          text
        """
    )
    assert data_of(format_text(text, CATEGORY), tmp_path) == data_of(text, tmp_path)


@pytest.mark.parametrize("plain", [".inf", "-.Inf", ".NaN", "1e400", "-1E+999", "9" * 101])
def test_a_number_pscatalog_keeps_as_text_is_written_as_it_was(plain: str) -> None:
    """Quoted, '.inf' would be a string for every reader that reads a number there: kept plain."""
    text = f"id: x\nname: X\nlevel: product\norder: {plain}\nofferings: []\n"
    assert format_text(text, CATEGORY) == text
    quoted = text.replace(f"order: {plain}", f"order: '{plain}'")
    assert format_text(quoted, CATEGORY) == text.replace(f"order: {plain}", f'order: "{plain}"')


def test_syntax_error_raises_with_the_loader_diagnostics() -> None:
    """Text that does not parse raises FormatError carrying the loader's diagnostic."""
    with pytest.raises(FormatError) as caught:
        format_text("id: [a\n", CATEGORY)
    assert [(d.code, d.location.line, d.location.column) for d in caught.value.diagnostics] == [
        ("Y001", 1, 7)
    ]


def test_duplicate_keys_are_not_formatted() -> None:
    """A duplicate key is an error the formatter will not guess about."""
    with pytest.raises(FormatError) as caught:
        format_text("id: a\nid: b\n", CATEGORY)
    assert [d.code for d in caught.value.diagnostics] == ["Y002"]


def test_a_formatter_fault_never_reaches_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If the output would read differently, the file is left as it was and fmt says why."""
    path = tmp_path / "catalog" / "integration.yaml"
    path.parent.mkdir()
    path.write_text(UNFORMATTED, encoding="utf-8")
    monkeypatch.setattr(formatting, "canonical_text", lambda *args, **kwargs: "id: other\n")
    result = format_paths([path])
    assert [(file.outcome, file.error) for file in result.files] == [
        (Outcome.FAILED, "not formatted: the new text would read as different data")
    ]
    assert path.read_text(encoding="utf-8") == UNFORMATTED
    assert result.exit_code == 1


# -- the shipped catalog


def test_shipped_catalog_is_canonical() -> None:
    """`fmt --check` on the shipped catalog finds nothing to change."""
    assert run("fmt", "--check", str(SHIPPED_CATALOG)) == (0, "7 files already formatted.\n", "")


@dataclass
class _Entry:
    """A line of a canonical file with what belongs to it: the comments above, the lines below."""

    text: str
    """The line without indentation; for a list item, what follows the dash."""
    item: bool
    comments: list[str]
    children: list[_Entry]


def _entries(lines: list[str], start: int, indent: int) -> tuple[list[_Entry], int]:
    """Read the entries at ``indent`` of a file in canonical layout, from line ``start``."""
    entries: list[_Entry] = []
    pending: list[str] = []
    index = start
    while index < len(lines):
        line = lines[index]
        depth = len(line) - len(line.lstrip(" "))
        if line.strip() and depth < indent:
            break
        index += 1
        if not line.strip():
            continue
        if line.lstrip().startswith("#"):
            pending.append(line.strip())
            continue
        text = line.strip()
        item = text.startswith("- ")
        children, index = _entries(lines, index, indent + 2)
        if item:
            children = [_Entry(text[2:], False, [], []), *children]
        entries.append(_Entry(text[2:] if item else text, item, pending, children))
        pending = []
    return entries, index


def _scramble(text: str, counter: list[int]) -> str:
    """Rewrite a canonical file: keys reversed, 4-space indents, lists flush with their key.

    Plain strings are single-quoted, and a comment is added above every entry and after
    every value.
    """
    lines = text.splitlines()
    header = []
    while lines and lines[0].startswith("#"):
        header.append(lines.pop(0))
    entries, _ = _entries(lines, 0, 0)
    out: list[str] = []

    def added(kind: str) -> str:
        counter[0] += 1
        return f"# {kind} {counter[0]}"

    def quoted(value: str) -> str:
        if value.startswith('"') or re.fullmatch(r"-?[0-9.]+|true|false", value):
            return value
        return "'" + value.replace("'", "''") + "'"

    def write(entries: list[_Entry], column: int, lead: str | None = None) -> None:
        keyed = not any(entry.item for entry in entries)
        for index, entry in enumerate(reversed(entries) if keyed else entries):
            inline = index == 0 and lead is not None and not entry.comments
            if index == 0 and lead is not None and not inline:
                out.append(lead.rstrip())
            if not inline:
                out.extend(" " * column + comment for comment in entry.comments)
                out.append(" " * column + added("added"))
            prefix = lead if inline and lead is not None else " " * column
            if entry.item:
                first = entry.children[0].text
                if re.match(r"[a-z_]+:( |$)", first):
                    write(entry.children, column + 4, lead=" " * column + "-   ")
                else:
                    out.append(" " * column + "-   " + quoted(first))
                continue
            key, _, value = entry.text.partition(": ")
            if value:
                out.append(f"{prefix}{key}: {quoted(value)}    {added('eol')}")
            else:
                out.append(prefix + entry.text)
                nested = entry.children and entry.children[0].item
                write(entry.children, column if nested else column + 4)

    write(entries, 0)
    return "\n".join(header + out) + "\n"


def _without_added(text: str) -> str:
    kept = [line for line in text.splitlines() if not line.lstrip().startswith("# added ")]
    return "".join(re.sub(r"  # eol \d+$", "", line) + "\n" for line in kept)


@pytest.mark.parametrize("name", sorted(path.name for path in SHIPPED_CATALOG.glob("*.yaml")))
def test_scrambled_shipped_file_comes_back(name: str) -> None:
    """A shipped file scrambled (keys, indentation, quotes, comments) formats back to itself, comments kept."""
    shipped = (SHIPPED_CATALOG / name).read_text(encoding="utf-8")
    counter = [0]
    scrambled = _scramble(shipped, counter)
    kind = LEVELS if name == "levels.yaml" else CATEGORY
    formatted = format_text(scrambled, kind)
    assert _without_added(formatted) == shipped
    added = re.findall(r"# (?:added|eol) \d+", scrambled)
    assert len(added) == counter[0]
    assert sorted(re.findall(r"# (?:added|eol) \d+", formatted)) == sorted(added)


# -- the command


@pytest.fixture
def catalog(in_tmp: Path) -> Path:
    """A catalog in ./catalog whose integration.yaml, and only it, needs formatting."""
    levels = format_text(LEVELS_YAML, LEVELS)
    return write_catalog(
        in_tmp / "catalog", {"levels.yaml": levels, "integration.yaml": UNFORMATTED}
    )


def test_check_lists_the_files_that_would_change(catalog: Path) -> None:
    """`--check` names the files to reformat, writes nothing, and exits with 1."""
    assert run("fmt", "--check") == (
        1,
        "would reformat catalog/integration.yaml\n"
        "1 file would be reformatted, 4 files already formatted.\n",
        "",
    )
    assert (catalog / "integration.yaml").read_text(encoding="utf-8") == UNFORMATTED


def test_check_passes_on_a_formatted_catalog(catalog: Path) -> None:
    """`--check` exits with 0 once the catalog is formatted."""
    (catalog / "integration.yaml").write_text(FORMATTED, encoding="utf-8")
    assert run("fmt", "--check", "catalog") == (0, "5 files already formatted.\n", "")


def test_diff_prints_the_changes_and_writes_nothing(catalog: Path) -> None:
    """`--diff` prints a unified diff on stdout, the summary on stderr, and exits with 1."""
    code, out, err = run("fmt", "--diff", "catalog/integration.yaml")
    assert (code, err) == (1, "1 file would be reformatted.\n")
    assert out == (
        "--- catalog/integration.yaml\n"
        "+++ catalog/integration.yaml\n"
        "@@ -1,8 +1,9 @@\n"
        "+id: integration\n"
        "+name: Integration Services\n"
        "+level: product\n"
        " offerings:\n"
        "-    -   name: JIRA\n"
        "-        id: jira\n"
        "-        maturity: complete\n"
        "-        variants: [{id: custom}]\n"
        "-level: product\n"
        "-name: Integration Services\n"
        "-id: integration\n"
        "+  - id: jira\n"
        "+    name: JIRA\n"
        "+    maturity: complete\n"
        "+    variants:\n"
        "+      - id: custom\n"
    )
    assert (catalog / "integration.yaml").read_text(encoding="utf-8") == UNFORMATTED


def test_diff_is_empty_when_nothing_changes(catalog: Path) -> None:
    """`--diff` on a formatted file prints no diff and exits with 0."""
    assert run("fmt", "--diff", "catalog/levels.yaml") == (0, "", "1 file already formatted.\n")


def test_fmt_writes_and_lists_the_files_it_reformatted(catalog: Path) -> None:
    """Without options the files are rewritten in place and named."""
    assert run("fmt") == (
        0,
        "reformatted catalog/integration.yaml\n1 file reformatted, 4 files already formatted.\n",
        "",
    )
    assert (catalog / "integration.yaml").read_text(encoding="utf-8") == FORMATTED
    assert run("fmt") == (0, "5 files already formatted.\n", "")


def test_syntax_error_is_left_byte_for_byte(catalog: Path) -> None:
    """A file that does not parse is untouched and reported as validate reports it; exit 1."""
    broken = b"id: broken\r\nname: [Broken\r\n"
    (catalog / "broken.yaml").write_bytes(broken)
    code, out, err = run("fmt")
    assert (code, out) == (
        1,
        "reformatted catalog/integration.yaml\n"
        "1 file reformatted, 4 files already formatted, 1 file not formatted.\n",
    )
    assert err == (
        "catalog/broken.yaml:2:14: error Y001 did not find expected ',' or ']' "
        "(while parsing a flow sequence)\n"
        "  |\n"
        "2 | name: [Broken\n"
        "  |              ^\n"
        "  = hint: close the list that opens at line 2, column 7 with ']', "
        "and separate its values with ','\n"
        "Found 1 error in 1 file.\n"
    )
    assert (catalog / "broken.yaml").read_bytes() == broken


@pytest.mark.parametrize(
    ("key", "column", "marker"), [("? [a, b]\n: x\n", 3, "^^^^^^"), ("? {a: 1}\n: x\n", 3, "^^")]
)
def test_a_key_that_is_a_list_or_mapping_is_reported_not_formatted(
    catalog: Path, key: str, column: int, marker: str
) -> None:
    """A complex key stops that file as validate does (Y001); the other files are formatted."""
    odd = b"id: odd\r\n" + key.encode()
    (catalog / "odd.yaml").write_bytes(odd)
    code, out, err = run("fmt")
    assert (code, out) == (
        1,
        "reformatted catalog/integration.yaml\n"
        "1 file reformatted, 4 files already formatted, 1 file not formatted.\n",
    )
    first = key.splitlines()[0]
    assert err == (
        f"catalog/odd.yaml:2:{column}: error Y001 a mapping key must be a plain string, "
        "not a mapping or a list\n"
        "  |\n"
        f"2 | {first}\n"
        f"  | {' ' * (column - 1)}{marker}\n"
        "  = hint: catalog files use plain keys such as 'id:'\n"
        "Found 1 error in 1 file.\n"
    )
    assert (catalog / "odd.yaml").read_bytes() == odd


def test_syntax_error_shows_the_source_line(catalog: Path) -> None:
    """The full report shows the faulty line with a marker, as validate does."""
    (catalog / "broken.yaml").write_text("id: broken\nname: a: b\n", encoding="utf-8")
    code, _, err = run("fmt", "--check", "catalog/broken.yaml")
    assert code == 1
    assert err == (
        "catalog/broken.yaml:2:8: error Y001 mapping values are not allowed in this context\n"
        "  |\n"
        "2 | name: a: b\n"
        "  |        ^^^\n"
        "  = hint: quote the value: it contains ': '\n"
        "Found 1 error in 1 file.\n"
    )


def test_missing_path_is_a_usage_error(in_tmp: Path) -> None:
    """A path that does not exist is one line on stderr and exit code 2."""
    assert run("fmt", "nowhere") == (
        2,
        "",
        "pscatalog: error: no such file or folder: nowhere\nTry 'pscatalog fmt --help' for help.\n",
    )


def test_a_file_that_is_not_yaml_is_a_usage_error(in_tmp: Path) -> None:
    """Naming a file that is not .yaml or .yml is exit code 2."""
    (in_tmp / "notes.txt").write_text("x", encoding="utf-8")
    assert run("fmt", "notes.txt") == (
        2,
        "",
        "pscatalog: error: not a catalog file (.yaml or .yml): notes.txt\n"
        "Try 'pscatalog fmt --help' for help.\n",
    )


def test_no_catalog_found_is_a_usage_error(in_tmp: Path) -> None:
    """Without a path and without a catalog folder around, fmt stops with exit code 2."""
    code, out, err = run("fmt")
    assert (code, out) == (2, "")
    assert err.startswith("pscatalog: error: no catalog found")


def test_the_configured_catalog_is_formatted(in_tmp: Path) -> None:
    """Without a path, the catalog that the configuration names is used."""
    levels = format_text(LEVELS_YAML, LEVELS)
    write_catalog(
        in_tmp / "data" / "offerings", {"levels.yaml": levels, "integration.yaml": UNFORMATTED}
    )
    (in_tmp / "pscatalog.toml").write_text('catalog = "data/offerings"\n', encoding="utf-8")
    code, out, _ = run("fmt", "--check")
    assert (code, out.splitlines()[0]) == (1, "would reformat data/offerings/integration.yaml")


# -- safe writes


def test_write_is_atomic(catalog: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A failure while replacing the file leaves the original intact and no temporary file."""

    def fail(source: str, target: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    result = format_paths([catalog / "integration.yaml"])
    assert [(file.outcome, file.error) for file in result.files] == [
        (Outcome.FAILED, "cannot be written: No space left on device")
    ]
    assert (catalog / "integration.yaml").read_text(encoding="utf-8") == UNFORMATTED
    assert sorted(path.name for path in catalog.iterdir()) == [
        "a-product.yaml",
        "b-adoption.yaml",
        "c-transformation.yaml",
        "integration.yaml",
        "levels.yaml",
    ]


def test_write_keeps_the_file_mode(catalog: Path) -> None:
    """A reformatted file keeps its permissions."""
    path = catalog / "integration.yaml"
    path.chmod(0o640)
    format_paths([path])
    assert (path.stat().st_mode & 0o777, path.read_text(encoding="utf-8")) == (0o640, FORMATTED)


def test_symlink_out_of_the_repository_is_refused(catalog: Path, tmp_path_factory: Any) -> None:
    """A link that leads out of the repository is neither read nor written; exit 1."""
    outside = tmp_path_factory.mktemp("elsewhere") / "secret.yaml"
    outside.write_text(UNFORMATTED, encoding="utf-8")
    (catalog / "linked.yaml").symlink_to(outside)
    code, out, err = run("fmt", "catalog")
    assert code == 1
    assert out.endswith("1 file not formatted.\n")
    assert err == (
        f"pscatalog: error: catalog/linked.yaml: leads to {outside}, outside the repository "
        f"{catalog.absolute()}: a symbolic link is not followed out of it\n"
    )
    assert outside.read_text(encoding="utf-8") == UNFORMATTED


def test_symlink_inside_the_repository_rewrites_its_target(in_tmp: Path) -> None:
    """Inside a git repository a link is followed: its target is rewritten, the link stays."""
    (in_tmp / ".git").mkdir()
    shared = in_tmp / "shared.yaml"
    shared.write_text(UNFORMATTED, encoding="utf-8")
    catalog = write_catalog(in_tmp / "catalog", {"levels.yaml": format_text(LEVELS_YAML, LEVELS)})
    (catalog / "integration.yaml").symlink_to(Path("..") / "shared.yaml")
    assert run("fmt", "catalog/integration.yaml")[0] == 0
    assert (catalog / "integration.yaml").is_symlink()
    assert shared.read_text(encoding="utf-8") == FORMATTED


# -- properties: any valid category file


_DEFS = load_schema(CATEGORY)["$defs"]


def _enum(definition: str, key: str) -> list[str]:
    values: list[str] = _DEFS[definition]["properties"][key]["enum"]
    return values


_SLUGS = st.from_regex(r"[a-z][a-z0-9]{0,5}(-[a-z0-9]{1,4}){0,2}", fullmatch=True)
_SKUS = st.from_regex(r"[A-Z][A-Z0-9]{1,4}(-[A-Z0-9+]{1,3}){0,2}", fullmatch=True)
_URLS = _SLUGS.map(lambda slug: f"https://example.com/{slug}#{slug}")
_DATES = st.dates(min_value=date(2015, 1, 1), max_value=date(2030, 12, 31)).map(str)
# Strings that YAML 1.1 tools read as something else, or that need quotes anyway.
_TRICKY = [
    "no", "On", "yes", "y", "N", "off", "012", "0o17", "1:30", "2022-10-27", "1_000", "0b101",
    "true", "null", "~", "12", "1e3", ".inf", "", " spaced ", "a: b", "x #y", "#hash", "- dash",
    "[list]", "{map}", "*star", "&amp", "!bang", "%pct", "@at", "`tick", "it's", 'say "hi"',
    "tab\there", "line\nbreak", "café – ünïcode", "...", "---", "?", "=", "<<",
]  # fmt: skip
_CHARACTERS = st.one_of(
    st.characters(min_codepoint=0x20, max_codepoint=0x7E),
    st.sampled_from("éü–…¡中😀\t\n"),
)
_TEXTS = st.one_of(
    st.sampled_from(_TRICKY),
    st.from_regex(r"[A-Z][a-z]{1,8}( [a-z]{1,8}){0,4}\.?", fullmatch=True),
    st.text(_CHARACTERS, max_size=24),
)
_NAMES = _TEXTS.filter(lambda text: bool(text) and "\t" not in text and "\n" not in text)
_COMMENT_TEXTS = st.text(
    st.characters(min_codepoint=0x20, max_codepoint=0x7E) | st.sampled_from("é–中"), max_size=20
)
_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9_ .,()/'-]*[A-Za-z0-9.)]|[A-Za-z]")
# Plain words that YAML 1.2 reads as strings but YAML 1.1 does not.
_PLAIN_TRICKY = {"no", "On", "yes", "y", "N", "off", "1:30", "2022-10-27", "1_000", "0b101", "="}


@st.composite
def _variants(draw: Any, planned: bool) -> dict[str, Any]:
    variant: dict[str, Any] = {
        "id": draw(st.sampled_from(["standard", "custom", "remote", "6-months"]))
    }
    optional: dict[str, Any] = {
        "name": _NAMES,
        "description": st.one_of(
            _TEXTS,
            st.builds(
                _Block,
                st.sampled_from("|>"),
                st.lists(
                    st.from_regex(r"[A-Za-z][a-z ]{0,12}|", fullmatch=True), min_size=1, max_size=4
                ),
                st.sampled_from(["", "-", "+"]),
            ),
        ),
        "sku": _SKUS,
        "standard_sow": _URLS,
        "delivery": st.sampled_from(_enum("variant", "delivery")),
        "deployment": st.sampled_from(_enum("variant", "deployment")),
        "clearance": st.booleans(),
        "class_size": st.integers(1, 40),
        "duration": st.one_of(
            st.fixed_dictionaries(
                {"value": st.integers(1, 12), "unit": st.sampled_from(_enum("duration", "unit"))}
            ),
            st.fixed_dictionaries(
                {
                    "min": st.integers(1, 3),
                    "max": st.integers(4, 9),
                    "unit": st.sampled_from(_enum("duration", "unit")),
                },
                optional={"note": _TEXTS},
            ),
        ),
        "price": st.fixed_dictionaries(
            {
                "amount": st.one_of(st.integers(0, 50_000), st.floats(0, 1e6, allow_nan=False)),
                "currency": st.sampled_from(["USD", "EUR"]),
                "unit": st.sampled_from(_enum("price", "unit")),
            },
            optional={"note": _TEXTS},
        ),
    }
    for key, strategy in optional.items():
        if draw(st.integers(0, 2)) == 0:
            variant[key] = draw(strategy)
    if variant["id"] == "standard" and planned:
        variant["id"] = "custom"
    if variant["id"] == "standard":
        variant.setdefault("sku", draw(_SKUS))
        variant.setdefault("standard_sow", draw(_URLS))
    if variant["id"] == "custom" or planned:
        variant.pop("sku", None)
    return variant


@st.composite
def _offerings(draw: Any) -> dict[str, Any]:
    maturity = draw(st.sampled_from(_enum("offering", "maturity")))
    offering: dict[str, Any] = {
        "id": draw(_SLUGS),
        "name": draw(_NAMES),
        "maturity": maturity,
        "variants": draw(st.lists(_variants(maturity == "planned"), min_size=1, max_size=3)),
    }
    if not any(variant["id"] in ("standard", "custom") for variant in offering["variants"]):
        offering["variants"][0]["id"] = "custom"
        offering["variants"][0].pop("sku", None)
    optional: dict[str, Any] = {
        "summary": _TEXTS,
        "url": _URLS,
        "owner": _TEXTS,
        "stages": st.lists(_NAMES, min_size=1, max_size=3, unique=True),
        "evidence": st.fixed_dictionaries(
            {},
            optional={
                "deliveries": st.integers(0, 99),
                "last_delivered": _DATES,
                "marketing_material": st.lists(_URLS, min_size=1, max_size=2),
                "nps": st.fixed_dictionaries(
                    {"score": st.integers(-100, 100)}, optional={"measured_on": _DATES}
                ),
            },
        ),
        "imported": st.fixed_dictionaries(
            {"source": st.just("services.yml")},
            optional={
                "unmapped": st.dictionaries(
                    st.sampled_from(["zeta", "Alpha", "no", "x y", "1"]),
                    _TEXTS | st.integers(),
                    max_size=3,
                )
            },
        ),
    }
    for key, strategy in optional.items():
        if draw(st.integers(0, 2)) == 0:
            offering[key] = draw(strategy)
    return offering


class _Block:
    """A literal or folded block scalar to write, as its lines."""

    def __init__(self, style: str, lines: list[str], chomping: str) -> None:
        self.style, self.lines, self.chomping = style, lines, chomping
        if not self.lines[0]:
            self.lines[0] = "text"


def _has_block(value: Any) -> bool:
    if isinstance(value, dict):
        return any(_has_block(item) for item in value.values())
    if isinstance(value, list):
        return any(_has_block(item) for item in value)
    return isinstance(value, _Block)


class _Writer:
    """Writes generated data as YAML in a random style, with random comments."""

    def __init__(self, draw: Callable[[Any], Any]) -> None:
        self.draw = draw
        self.indent = draw(st.sampled_from([2, 3, 4]))
        self.flush_lists = draw(st.booleans())
        self.gap = draw(st.sampled_from([1, 3]))
        self.lines: list[str] = []
        self.comments: list[str] = []

    def chance(self, one_in: int) -> bool:
        return bool(self.draw(st.integers(0, one_in - 1)) == 0)

    def comment(self) -> str:
        text = f"#c{len(self.comments)}: {self.draw(_COMMENT_TEXTS)}".rstrip()
        self.comments.append(text)
        return text

    def eol(self) -> str:
        return " " * self.draw(st.integers(1, 3)) + self.comment() if self.chance(3) else ""

    def above(self, column: int) -> None:
        if self.chance(6):
            self.lines.append("")
        if self.chance(4):
            self.lines.append(" " * column + self.comment())

    def scalar(self, value: Any) -> str:
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, (int, float)):
            return repr(value)
        assert isinstance(value, str)
        plain = (
            _PLAIN.fullmatch(value) is not None and value.lower() not in ("true", "false", "null")
        ) or value in _PLAIN_TRICKY
        if plain and self.chance(2):
            return value
        if not any(character in value for character in "\n\t") and self.chance(2):
            return "'" + value.replace("'", "''") + "'"
        return json.dumps(value, ensure_ascii=False)

    def flow(self, value: Any) -> str:
        if isinstance(value, dict):
            return "{" + ", ".join(f"{key}: {self.flow(item)}" for key, item in value.items()) + "}"
        if isinstance(value, list):
            return "[" + ", ".join(self.flow(item) for item in value) + "]"
        return json.dumps(value, ensure_ascii=False)

    def key(self, key: str) -> str:
        return key if _PLAIN.fullmatch(key) and key != "no" else json.dumps(key)

    def mapping(self, value: dict[str, Any], column: int, lead: str | None = None) -> None:
        keys = self.draw(st.permutations(list(value)))
        for index, key in enumerate(keys):
            if index == 0 and lead is not None:
                prefix = lead
            else:
                self.above(column)
                prefix = " " * column
            self.value(f"{prefix}{self.key(key)}:", value[key], column)

    def sequence(self, items: list[Any], column: int) -> None:
        for item in items:
            self.above(column)
            if isinstance(item, dict) and item:
                self.mapping(item, column + 1 + self.gap, lead=" " * column + "-" + " " * self.gap)
            else:
                self.value(" " * column + "-", item, column)

    def value(self, head: str, value: Any, column: int) -> None:
        collection = isinstance(value, (dict, list))
        if collection and (not value or (not _has_block(value) and self.chance(4))):
            self.lines.append(f"{head} {self.flow(value)}{self.eol()}")
        elif isinstance(value, dict):
            self.lines.append(head + self.eol())
            self.mapping(value, column + self.indent)
        elif isinstance(value, list):
            self.lines.append(head + self.eol())
            self.sequence(
                value, column if self.flush_lists and head.endswith(":") else column + self.indent
            )
        elif isinstance(value, _Block):
            self.lines.append(f"{head} {value.style}{value.chomping}{self.eol()}")
            content = " " * (column + self.indent)
            self.lines.extend(content + line if line else "" for line in value.lines)
        else:
            self.lines.append(f"{head} {self.scalar(value)}{self.eol()}")


@st.composite
def category_files(draw: Any) -> tuple[str, list[str]]:
    """A valid category file in a random style: its text and its comments."""
    data: dict[str, Any] = {
        "id": draw(_SLUGS),
        "name": draw(_NAMES),
        "level": draw(st.sampled_from(["product", "adoption", "transformation"])),
        "offerings": draw(st.lists(_offerings(), min_size=1, max_size=3)),
    }
    if draw(st.booleans()):
        data["schema_version"] = 1
    if draw(st.booleans()):
        data["description"] = draw(_TEXTS)
    writer = _Writer(draw)
    writer.lines.append("# yaml-language-server: $schema=../schema/category.schema.json")
    writer.comments.append(writer.lines[0])
    writer.mapping(data, 0)
    if writer.chance(3):
        writer.lines.append(writer.comment())
    return "\n".join(writer.lines) + "\n", writer.comments


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(category_files())
def test_fmt_keeps_data_and_comments_and_is_idempotent(
    tmp_path_factory: Any, generated: tuple[str, list[str]]
) -> None:
    """For any valid category file: same data after fmt, every comment kept, fmt twice = once."""
    text, comments = generated
    folder = tmp_path_factory.mktemp("property")
    before = data_of(text, folder)
    assert validator(CATEGORY).is_valid(before)
    formatted = format_text(text, CATEGORY)
    # Through JSON, so that true and 1, or 1 and 1.0, do not pass for each other.
    after = data_of(formatted, folder)
    assert json.dumps(after, sort_keys=True) == json.dumps(before, sort_keys=True)
    for comment in comments:
        assert formatted.count(comment) == text.count(comment), comment
    assert format_text(formatted, CATEGORY) == formatted


def test_a_suppressed_yaml11_warning_keeps_the_value_as_written(tmp_path: Path) -> None:
    """A value whose Y003 warning is suppressed stays plain; the others are still quoted.

    Quoted, the suppression would suppress nothing (N001). The offering's first
    line keeps its key, which the suppression is about.
    """
    source = """\
        id: integration
        name: Integration Services
        level: product
        offerings:
          - name:   NO  # pscatalog: ignore[Y003] Norway's code
            id: jira
            maturity: minimal
            description: yes
            variants:
              # pscatalog: ignore[Y003] the word on purpose
              - id: on
              - id: custom
        """
    assert fmt(source) == textwrap.dedent(
        """\
        id: integration
        name: Integration Services
        level: product
        offerings:
          - name: NO  # pscatalog: ignore[Y003] Norway's code
            id: jira
            maturity: minimal
            description: "yes"
            variants:
              # pscatalog: ignore[Y003] the word on purpose
              - id: on
              - id: custom
        """
    )
    root = write_catalog(tmp_path / "catalog", {"integration.yaml": fmt(source)})
    assert [f for f in findings(root) if f[0] in ("Y003", "N001")] == []


@pytest.mark.parametrize(
    "comment_line",
    [
        "  - name: JIRA  # pscatalog: ignore[C003] the product's own spelling\n",
        "  # pscatalog: ignore[C003] the product's own spelling\n  - name: JIRA\n",
    ],
)
def test_a_suppression_on_an_items_first_line_keeps_that_line(comment_line: str) -> None:
    """The first key of an offering stays first when a suppression stands on its line.

    Moved, the suppression would apply to another key. The other keys are ordered.
    """
    source = (
        "id: integration\nname: Integration Services\nlevel: product\nofferings:\n"
        + comment_line
        + "    variants:\n      - id: custom\n    maturity: minimal\n    id: jira\n"
    )
    expected = (
        "id: integration\nname: Integration Services\nlevel: product\nofferings:\n"
        + comment_line
        + "    id: jira\n    maturity: minimal\n    variants:\n      - id: custom\n"
    )
    assert fmt(source) == expected
