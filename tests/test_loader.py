"""The loader: YAML 1.2 data with positions, and every bad file as a diagnostic."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest

from counting import growth, lines_run, watchdog
from helpers import category_file, findings, write_catalog
from pscatalog.checks.checker import validate
from pscatalog.diagnostics import Diagnostic, Location, Severity
from pscatalog.yamltext.loader import Document, Limits, load_document, load_text, read_file_text

Seen = tuple[str, int, int]
"""(code, line, column) of a diagnostic of one document."""


def load(tmp_path: Path, content: str | bytes, name: str = "file.yaml") -> Document:
    """Write ``content`` (text is dedented, bytes are written as they are) and load it."""
    path = tmp_path / name
    if isinstance(content, str):
        path.write_bytes(textwrap.dedent(content).lstrip("\n").encode("utf-8"))
    else:
        path.write_bytes(content)
    return load_document(path, name)


def seen(doc: Document) -> list[Seen]:
    return [(d.code, d.location.line, d.location.column) for d in doc.diagnostics]


# -- values and positions

NESTED = """
offering:
  id: jira
  stages:
    - Plan
    - Verify
  variants:
    - id: standard
      price:
        amount: 2400
        currency: USD
  tags: {kind: [remote, on-site]}
"""


def test_locate_gives_the_position_of_values_in_nested_mappings_and_lists(tmp_path: Path) -> None:
    """locate() gives the 1-based line and column where each value starts."""
    doc = load(tmp_path, NESTED)
    assert doc.ok
    assert seen(doc) == []
    where = {
        ("offering", "id"): (2, 7),
        ("offering", "stages"): (4, 5),
        ("offering", "stages", 0): (4, 7),
        ("offering", "stages", 1): (5, 7),
        ("offering", "variants", 0): (7, 7),
        ("offering", "variants", 0, "id"): (7, 11),
        ("offering", "variants", 0, "price", "amount"): (9, 17),
        ("offering", "variants", 0, "price", "currency"): (10, 19),
        ("offering", "tags", "kind", 1): (11, 25),
    }
    for parts, (line, column) in where.items():
        location = doc.locate(list(parts))
        assert (location.line, location.column) == (line, column), parts
        assert location.file == "file.yaml"


def test_locate_gives_pointers_of_the_path(tmp_path: Path) -> None:
    """The location of a found value carries the JSON pointer of its path."""
    doc = load(tmp_path, NESTED)
    location = doc.locate(["offering", "variants", 0, "price", "amount"])
    assert location.pointer == "/offering/variants/0/price/amount"
    assert doc.locate([]).pointer == ""


def test_locate_with_key_gives_the_position_of_the_key(tmp_path: Path) -> None:
    """With key=True, the location of a mapping entry is that of its key."""
    doc = load(tmp_path, NESTED)
    where = {
        ("offering",): (1, 1),
        ("offering", "stages"): (3, 3),
        ("offering", "variants", 0, "price"): (8, 7),
        ("offering", "variants", 0, "price", "amount"): (9, 9),
        ("offering", "tags", "kind"): (11, 10),
    }
    for parts, (line, column) in where.items():
        location = doc.locate(list(parts), key=True)
        assert (location.line, location.column) == (line, column), parts


def test_locate_with_key_on_a_list_item_gives_the_item(tmp_path: Path) -> None:
    """A list item has no key: key=True gives the item's own position."""
    doc = load(tmp_path, NESTED)
    location = doc.locate(["offering", "stages", 1], key=True)
    assert (location.line, location.column) == (5, 7)


def test_locate_of_a_missing_path_gives_the_nearest_existing_parent(tmp_path: Path) -> None:
    """A path that does not exist is located at its nearest parent, with that parent's pointer."""
    doc = load(tmp_path, NESTED)
    cases = {
        ("offering", "variants", 0, "price", "min"): (9, 9, "/offering/variants/0/price"),
        ("offering", "stages", 7): (4, 5, "/offering/stages"),
        ("offering", "id", "deeper"): (2, 7, "/offering/id"),
        ("nowhere", "at", "all"): (1, 1, ""),
    }
    for parts, (line, column, pointer) in cases.items():
        location = doc.locate(list(parts))
        assert (location.line, location.column, location.pointer) == (line, column, pointer)


def test_root_position_is_where_the_document_starts(tmp_path: Path) -> None:
    """The whole document is located where its first value starts, after comments."""
    doc = load(tmp_path, "# a comment\n\nid: jira\n")
    location = doc.locate([])
    assert (location.line, location.column, location.pointer) == (3, 1, "")


def test_pointer_escapes_tilde_and_slash(tmp_path: Path) -> None:
    """Keys with '~' and '/' are escaped as '~0' and '~1' in pointers (RFC 6901)."""
    doc = load(
        tmp_path,
        """
        "a/b":
          "m~n": 1
          "x~1y": 2
        """,
    )
    assert doc.data == {"a/b": {"m~n": 1, "x~1y": 2}}
    location = doc.locate(["a/b", "m~n"])
    assert (location.line, location.column, location.pointer) == (2, 10, "/a~1b/m~0n")
    assert doc.locate(["a/b", "x~1y"]).pointer == "/a~1b/x~01y"


# -- YAML 1.2 resolution, and YAML 1.1 readings as warnings


def test_yaml11_booleans_stay_strings_with_a_warning_at_each(tmp_path: Path) -> None:
    """no, on and yes are strings (YAML 1.2), each warned at its value with the quoting fix."""
    doc = load(tmp_path, "a: no\nb: on\nc: yes\n")
    assert doc.ok
    assert doc.data == {"a": "no", "b": "on", "c": "yes"}
    assert seen(doc) == [("Y003", 1, 4), ("Y003", 2, 4), ("Y003", 3, 4)]
    no, on, yes = doc.diagnostics
    assert no.severity is Severity.WARNING
    assert no.message == (
        "'no' is read as the boolean false by YAML 1.1 tools such as Ruby and Hugo"
    )
    assert no.hint == 'quote it: "no"'
    assert on.message == (
        "'on' is read as the boolean true by YAML 1.1 tools such as Ruby and Hugo"
    )
    assert on.hint == 'quote it: "on"'
    assert yes.hint == 'quote it: "yes"'


def test_leading_zero_number_is_decimal_with_an_octal_warning(tmp_path: Path) -> None:
    """012 is the int 12 (YAML 1.2), warned because YAML 1.1 reads the octal 10."""
    doc = load(tmp_path, "class_size: 012\n")
    assert doc.data == {"class_size": 12}
    assert seen(doc) == [("Y003", 1, 13)]
    (warning,) = doc.diagnostics
    assert warning.message == (
        "'012' is read as the octal number 10 by YAML 1.1 tools such as Ruby and Hugo"
    )
    assert warning.hint == "write it as 12 (or quote it if it is text)"


def test_yaml12_octal_is_ten(tmp_path: Path) -> None:
    """0o12 is the int 10 under the YAML 1.2 core schema."""
    doc = load(tmp_path, "class_size: 0o12\n")
    assert doc.ok
    assert doc.data == {"class_size": 10}


def test_yaml12_octal_is_warned_as_read_differently_by_yaml11(tmp_path: Path) -> None:
    """0o12 is a string in YAML 1.1 (Ruby), so it is a Y003 warning at the value."""
    doc = load(tmp_path, "class_size: 0o12\n")
    assert seen(doc) == [("Y003", 1, 13)]
    assert doc.diagnostics[0].severity is Severity.WARNING


def test_core_schema_numbers_and_nulls(tmp_path: Path) -> None:
    """0x1F, 1.5, ~, null and an empty value resolve by the core schema.

    .inf stays text (JSON has none); other YAML readers read a number, so it is Y003.
    """
    doc = load(
        tmp_path,
        """
        hex: 0x1F
        inf: .inf
        negative_inf: -.inf
        float: 1.5
        tilde: ~
        word: null
        empty:
        true_word: true
        """,
    )
    assert doc.ok
    assert seen(doc) == [("Y003", 2, 6), ("Y003", 3, 15)]
    assert doc.diagnostics[0].message == (
        "'.inf' is read as a number by other YAML readers (JSON has no such number: it stays "
        "text here)"
    )
    assert doc.data == {
        "hex": 31,
        "inf": ".inf",
        "negative_inf": "-.inf",
        "float": 1.5,
        "tilde": None,
        "word": None,
        "empty": None,
        "true_word": True,
    }


def test_underscored_number_stays_a_string_with_a_warning(tmp_path: Path) -> None:
    """1_000 is a string in YAML 1.2 and a number in YAML 1.1: warned."""
    doc = load(tmp_path, "amount: 1_000\n")
    assert doc.data == {"amount": "1_000"}
    assert seen(doc) == [("Y003", 1, 9)]
    assert doc.diagnostics[0].message == (
        "'1_000' is read as a number by YAML 1.1 tools such as Ruby and Hugo"
    )
    assert doc.diagnostics[0].hint == 'quote it: "1_000"'


def test_sexagesimal_stays_a_string_with_a_warning(tmp_path: Path) -> None:
    """1:30 is a string in YAML 1.2 and a base-60 number in YAML 1.1: warned."""
    doc = load(tmp_path, "note: 1:30\n")
    assert doc.data == {"note": "1:30"}
    assert seen(doc) == [("Y003", 1, 7)]
    assert "base-60" in doc.diagnostics[0].message


def test_plain_dates_stay_iso_strings_with_a_warning(tmp_path: Path) -> None:
    """Plain dates and timestamps stay as written, warned because YAML 1.1 reads dates."""
    doc = load(tmp_path, "last_delivered: 2022-10-28\nmeasured: 2022-10-28 10:00:00\n")
    assert doc.data == {"last_delivered": "2022-10-28", "measured": "2022-10-28 10:00:00"}
    assert seen(doc) == [("Y003", 1, 17), ("Y003", 2, 11)]
    assert doc.diagnostics[0].message == (
        "'2022-10-28' is read as a date, not a string, by YAML 1.1 tools such as Ruby and Hugo"
    )
    assert doc.diagnostics[0].hint == 'quote it: "2022-10-28"'


def test_quoted_values_stay_strings_and_are_not_warned(tmp_path: Path) -> None:
    """Quoted values are strings whatever they look like, and no YAML 1.1 warning is given."""
    doc = load(
        tmp_path,
        """
        a: "no"
        b: 'on'
        c: "012"
        d: "2022-10-28"
        e: '1_000'
        f: "1:30"
        g: "0x1F"
        h: "null"
        "on": quoted key
        """,
    )
    assert doc.ok
    assert seen(doc) == []
    assert doc.data == {
        "a": "no",
        "b": "on",
        "c": "012",
        "d": "2022-10-28",
        "e": "1_000",
        "f": "1:30",
        "g": "0x1F",
        "h": "null",
        "on": "quoted key",
    }


def test_yaml11_reading_of_a_key_is_warned_at_the_key(tmp_path: Path) -> None:
    """A plain key such as on: is the string 'on', warned at the key."""
    doc = load(tmp_path, "id: x\non: 1\n")
    assert doc.data == {"id": "x", "on": 1}
    assert seen(doc) == [("Y003", 2, 1)]
    assert doc.diagnostics[0].hint == 'quote it: "on"'


def test_yaml11_reading_is_a_warning_in_a_catalog(tmp_path: Path) -> None:
    """Through validation, a plain 'no' in a string field is one Y003 warning and nothing else."""
    root = write_catalog(
        tmp_path / "catalog",
        {
            "integration.yaml": category_file(
                """
                - id: jira
                  name: JIRA
                  maturity: minimal
                  summary: no
                  variants:
                    - id: custom
                """
            )
        },
    )
    assert findings(root) == [("Y003", "integration.yaml", 8, 14)]


# -- bad input: every problem a diagnostic at its place, never an exception


def test_unclosed_flow_sequence_is_a_syntax_error_where_the_file_ends(tmp_path: Path) -> None:
    """An unclosed '[' is reported at the end of the last line; the hint names the '['."""
    doc = load(tmp_path, "name: x\nstages: [Plan, Verify\n")
    assert not doc.ok
    assert doc.data is None
    assert seen(doc) == [("Y001", 2, 22)]
    assert (doc.diagnostics[0].message, doc.diagnostics[0].hint) == (
        "did not find expected ',' or ']' (while parsing a flow sequence)",
        "close the list that opens at line 2, column 9 with ']', and separate its values with ','",
    )


@pytest.mark.parametrize("quote", ['"', "'"])
def test_an_unclosed_quote_is_reported_where_it_opens(tmp_path: Path, quote: str) -> None:
    """The end of the file is where the parser gives up; the opening quote is the fault."""
    doc = load(tmp_path, f"id: x\nname: {quote}GitLab basics\nmaturity: minimal\n")
    assert seen(doc) == [("Y001", 2, 7)]
    assert (doc.diagnostics[0].message, doc.diagnostics[0].hint) == (
        "the quoted value that starts here is never closed",
        f"end the value with {quote}",
    )


def test_a_key_indented_between_two_levels_gets_an_indentation_hint(tmp_path: Path) -> None:
    """A key indented less than its siblings and more than their parent: say indentation."""
    doc = load(tmp_path, "offerings:\n  - id: x\n    name: z\n   variants:\n      - id: c\n")
    assert seen(doc) == [("Y001", 4, 4)]
    assert doc.diagnostics[0].hint == (
        "indent this line as the keys or list items above it, or as their parent"
    )


def test_bad_indentation_is_a_syntax_error_at_the_misplaced_key(tmp_path: Path) -> None:
    """A key indented between two levels is reported at that key."""
    doc = load(tmp_path, "a:\n  b: 1\n c: 2\n")
    assert (doc.ok, doc.data) == (False, None)
    assert seen(doc) == [("Y001", 3, 2)]
    assert doc.diagnostics[0].message == (
        "did not find expected key (while parsing a block mapping)"
    )


def test_colon_space_in_a_plain_value_is_a_syntax_error_with_a_quoting_hint(
    tmp_path: Path,
) -> None:
    """key: a: b is reported at the second ':' with the hint to quote the value."""
    doc = load(tmp_path, "key: a: b\n")
    assert (doc.ok, doc.data) == (False, None)
    assert seen(doc) == [("Y001", 1, 7)]
    assert doc.diagnostics[0].message == "mapping values are not allowed in this context"
    assert doc.diagnostics[0].hint == "quote the value: it contains ': '"


@pytest.mark.parametrize(
    ("raw", "line", "column"),
    [
        (b"a:\n\tb: 1\n", 2, 1),
        (b"a: 1\n\tb: 2\n", 2, 1),
    ],
)
def test_tab_indentation_is_a_syntax_error_with_a_hint_about_tabs(
    tmp_path: Path, raw: bytes, line: int, column: int
) -> None:
    """A tab used to indent is reported at the tab, with the hint that YAML indents with spaces."""
    doc = load(tmp_path, raw)
    assert (doc.ok, doc.data) == (False, None)
    assert seen(doc) == [("Y001", line, column)]
    assert doc.diagnostics[0].hint == "YAML indents with spaces, never tabs"


def test_duplicate_top_level_key_is_reported_at_the_repeat(tmp_path: Path) -> None:
    """A repeated key is Y002 at the repeat, with the first occurrence as related."""
    doc = load(tmp_path, "id: a\nname: b\nid: c\n")
    assert seen(doc) == [("Y002", 3, 1)]
    (duplicate,) = doc.diagnostics
    assert duplicate.severity is Severity.ERROR
    assert duplicate.message == "duplicate key 'id': YAML readers keep only one of the values"
    assert duplicate.hint == "remove one of the keys, or merge their values"
    assert [
        (r.location.file, r.location.line, r.location.column, r.label) for r in duplicate.related
    ] == [("file.yaml", 1, 1, "first written here")]
    # Like most YAML readers, the last value wins; the data is still usable.
    assert doc.ok
    assert doc.data == {"id": "c", "name": "b"}


def test_duplicate_keys_in_an_offering_and_a_variant_are_reported_in_a_catalog(
    tmp_path: Path,
) -> None:
    """Y002 at each repeated key of an offering and of a variant, related to the first."""
    text = category_file(
        """
        - id: jira
          name: JIRA
          maturity: minimal
          name: Jira
          variants:
            - id: custom
              delivery: remote
              delivery: hybrid
        """
    )
    root = write_catalog(tmp_path / "catalog", {"integration.yaml": text})
    assert findings(root) == [
        ("Y002", "integration.yaml", 8, 5),
        ("Y002", "integration.yaml", 12, 9),
    ]
    related = [
        [(r.location.line, r.location.column, r.label) for r in d.related]
        for d in validate([root]).diagnostics
    ]
    assert related == [[(6, 5, "first written here")], [(11, 9, "first written here")]]


@pytest.mark.parametrize("content", ["", "   \n\n", "# nothing here yet\n  # still nothing\n"])
def test_empty_or_comment_only_file_is_reported(tmp_path: Path, content: str) -> None:
    """A file with no YAML document (empty, blank or comments only) is Y006 at 1:1."""
    doc = load(tmp_path, content.encode("utf-8"))
    assert (doc.ok, doc.data) == (False, None)
    assert seen(doc) == [("Y006", 1, 1)]
    assert doc.diagnostics[0].message == "the file holds no YAML document"
    assert doc.diagnostics[0].hint == "add the file's content, or delete the file"


def test_file_not_in_utf8_is_reported_at_the_byte(tmp_path: Path) -> None:
    """A Latin-1 byte is Y007 at its line and column, and the file is not read further."""
    doc = load(tmp_path, b"id: x\nname: Caf\xe9 training\n")
    assert (doc.ok, doc.data) == (False, None)
    assert seen(doc) == [("Y007", 2, 10)]
    assert doc.diagnostics[0].message == "is not valid UTF-8: byte 0xe9 cannot be decoded"
    assert doc.diagnostics[0].hint == "save the file as UTF-8"


def test_file_not_in_utf8_column_counts_characters(tmp_path: Path) -> None:
    """The Y007 column counts characters, not bytes, after valid non-ASCII text on its line."""
    # "name: Café fa" is 13 characters (14 bytes); the Latin-1 ç is the 14th character.
    doc = load(tmp_path, "name: Café fa".encode() + b"\xe7ade\n")
    assert seen(doc) == [("Y007", 1, 14)]


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    """A UTF-8 byte order mark is skipped: data and positions are as without it."""
    doc = load(tmp_path, b"\xef\xbb\xbfid: jira\nname: JIRA\n")
    assert doc.ok
    assert seen(doc) == []
    assert doc.data == {"id": "jira", "name": "JIRA"}
    location = doc.locate(["id"])
    assert (location.line, location.column) == (1, 5)
    key = doc.locate(["id"], key=True)
    assert (key.line, key.column) == (1, 1)


def test_crlf_line_ends_are_accepted_with_right_positions(tmp_path: Path) -> None:
    """Windows line ends read as usual, and lines and columns are those an editor shows."""
    doc = load(tmp_path, b"id: jira\r\nstages:\r\n  - Plan\r\n  - Verify\r\n")
    assert doc.ok
    assert seen(doc) == []
    assert doc.data == {"id": "jira", "stages": ["Plan", "Verify"]}
    location = doc.locate(["stages", 1])
    assert (location.line, location.column) == (4, 5)


def test_crlf_line_ends_keep_syntax_error_positions_right(tmp_path: Path) -> None:
    """A syntax error in a CRLF file is at the line and column an editor shows."""
    doc = load(tmp_path, b"a:\r\n  b: 1\r\n c: 2\r\n")
    assert seen(doc) == [("Y001", 3, 2)]


def test_nul_byte_is_reported_at_its_place(tmp_path: Path) -> None:
    """A NUL byte is Y001 at its line and column, with a message that names it."""
    doc = load(tmp_path, b"id: jira\nname: JI\x00RA\n")
    assert (doc.ok, doc.data) == (False, None)
    assert seen(doc) == [("Y001", 2, 9)]
    assert doc.diagnostics[0].message == "the file contains a NUL byte"


def test_nul_byte_after_non_ascii_text_is_reported_at_its_place(tmp_path: Path) -> None:
    """The NUL byte's line and column count characters, also after accented letters."""
    doc = load(tmp_path, "name: Café façade\nsummary: x\x00\nowner: y\n".encode())
    assert seen(doc) == [("Y001", 2, 11)]


def test_second_document_is_reported_and_the_first_is_kept(tmp_path: Path) -> None:
    """A second '---' document is Y004 at its '---'; the first document is the data."""
    doc = load(tmp_path, "id: a\n---\nid: b\n")
    assert seen(doc) == [("Y004", 2, 1)]
    assert doc.diagnostics[0].message == (
        "a catalog file holds one YAML document; this is a second one"
    )
    assert doc.diagnostics[0].hint == (
        "remove the '---' and what follows, or move it to a file of its own"
    )
    assert doc.ok
    assert doc.data == {"id": "a"}


def test_explicit_start_and_end_of_one_document_are_fine(tmp_path: Path) -> None:
    """A single document written with '---' and '...' is no finding."""
    doc = load(tmp_path, "---\nid: a\n...\n")
    assert doc.ok
    assert seen(doc) == []
    assert doc.data == {"id": "a"}


def test_first_of_two_documents_is_still_validated(tmp_path: Path) -> None:
    """With a second document, the first one's schema errors are still reported."""
    text = category_file(
        """
        - id: jira
          name: JIRA
          variants:
            - id: custom
        """
    )
    root = write_catalog(tmp_path / "catalog", {"integration.yaml": text + "---\nid: other\n"})
    assert findings(root) == [
        ("S002", "integration.yaml", 5, 5),
        ("Y004", "integration.yaml", 9, 1),
    ]


def test_unknown_tag_is_reported_and_ignored(tmp_path: Path) -> None:
    """A local tag is Y005 at the tagged value; the value is read as plain data."""
    doc = load(tmp_path, "id: jira\nname: !foo JIRA\n")
    assert seen(doc) == [("Y005", 2, 7)]
    assert doc.diagnostics[0].message == "tag '!foo' is not allowed: catalog files hold plain data"
    assert doc.diagnostics[0].hint == (
        "remove the tag, and write the value as plain data the field takes"
    )
    assert doc.data == {"id": "jira", "name": "JIRA"}


def test_python_object_tag_runs_nothing(in_tmp: Path) -> None:
    """!!python/object/apply is Y005 and never executed: no file named PWNED appears."""
    doc = load(in_tmp, 'run: !!python/object/apply:os.system ["touch PWNED"]\n')
    assert seen(doc) == [("Y005", 1, 6)]
    assert doc.diagnostics[0].message == (
        "tag '!!python/object/apply:os.system' is not allowed: catalog files hold plain data"
    )
    assert doc.data == {"run": ["touch PWNED"]}
    assert not (in_tmp / "PWNED").exists()


def test_python_object_tag_in_a_catalog_runs_nothing(in_tmp: Path) -> None:
    """Validating a catalog with a code-running tag reports Y005 and creates no file."""
    text = category_file(
        """
        - id: jira
          name: JIRA
          maturity: minimal
          stages: !!python/object/apply:os.system ["touch PWNED"]
          variants:
            - id: custom
        """
    )
    root = write_catalog(in_tmp / "catalog", {"integration.yaml": text})
    assert findings(root) == [("Y005", "integration.yaml", 8, 13)]
    assert not (in_tmp / "PWNED").exists()
    assert not (root / "PWNED").exists()


def test_standard_tags_are_allowed(tmp_path: Path) -> None:
    """!!str, !!int, !!float, !!bool, !!null, !!map and !!seq are plain data, not findings."""
    doc = load(
        tmp_path,
        """
        a: !!str 12
        b: !!int "12"
        c: !!float 1
        d: !!bool true
        e: !!null ""
        f: !!map {x: 1}
        g: !!seq [x]
        """,
    )
    assert seen(doc) == []
    assert doc.data == {
        "a": "12",
        "b": 12,
        "c": 1.0,
        "d": True,
        "e": None,
        "f": {"x": 1},
        "g": ["x"],
    }


def billion_laughs() -> str:
    """Nine levels of anchors, each a list of ten aliases of the one before."""
    lines = ["a: &a [" + ", ".join(['"lol"'] * 10) + "]"]
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 10) + "]")
    return "\n".join(lines) + "\n"


def test_alias_expansion_bomb_is_stopped_quickly(tmp_path: Path) -> None:
    """A billion-laughs file is Y009 at the alias that crosses the limit."""
    with watchdog(60):  # catches a hang; the bound is in the alias count (Y009)
        doc = load(tmp_path, billion_laughs())
    assert (doc.ok, doc.data) == (False, None)
    assert [code for code, _, _ in seen(doc)] == ["Y009"]
    bomb = doc.diagnostics[0]
    assert bomb.message == "aliases expand to more than 100,000 values"
    assert bomb.hint == "write the values out instead of repeating anchors"
    # Level e repeats d (11,111 values each) ten times: the limit is crossed on line 5,
    # well before the last levels; the diagnostic is at one of the aliases there.
    line = doc.line_text(bomb.location.line)
    assert bomb.location.line == 5
    assert line is not None
    assert line[bomb.location.column - 1 :].startswith("*d")


def test_nesting_deeper_than_the_limit_is_reported(tmp_path: Path) -> None:
    """10,000 nested '[' are Y009 at the first one past the 256-level limit, without a crash."""
    doc = load(tmp_path, "[" * 10_000)
    assert (doc.ok, doc.data) == (False, None)
    assert seen(doc) == [("Y009", 1, 257)]
    assert doc.diagnostics[0].message == "nesting is deeper than the limit of 256 levels"


def test_recursive_alias_is_reported(tmp_path: Path) -> None:
    """An alias to the list it is inside is Y001 at the alias."""
    doc = load(tmp_path, "a: &a [1, *a]\n")
    assert (doc.ok, doc.data) == (False, None)
    assert seen(doc) == [("Y001", 1, 11)]
    assert doc.diagnostics[0].message == "alias '*a' refers to the mapping or list it is inside"


def test_undefined_alias_is_reported(tmp_path: Path) -> None:
    """An alias with no anchor is Y001 at the alias."""
    doc = load(tmp_path, "id: x\nname: *nope\n")
    assert (doc.ok, doc.data) == (False, None)
    assert seen(doc) == [("Y001", 2, 7)]
    assert doc.diagnostics[0].message == "alias '*nope' is undefined"


def test_alias_repeats_the_anchored_value(tmp_path: Path) -> None:
    """An alias is the anchored value; it is located where the alias is written."""
    doc = load(tmp_path, "a: &x [1, 2]\nb: *x\n")
    assert doc.ok
    assert seen(doc) == []
    assert doc.data == {"a": [1, 2], "b": [1, 2]}
    location = doc.locate(["b"])
    assert (location.line, location.column) == (2, 4)


MERGE = """
defaults: &defaults
  delivery: remote
  deployment: any
  clearance: true
variants:
  - id: standard
    delivery: on-site
    <<: *defaults
    deployment: self-managed
"""


def test_merge_key_merges_values_and_explicit_keys_win(tmp_path: Path) -> None:
    """<< adds the anchored mapping's keys; keys written in the mapping, before or after, win.

    A key written before the merge that also brings it in is Y010: Ruby lets the
    merge win there.
    """
    doc = load(tmp_path, MERGE)
    assert doc.ok
    assert seen(doc) == [("Y010", 8, 5)]
    [override] = doc.diagnostics
    assert override.message == (
        "the merge brings in 'delivery', which this mapping already sets: "
        "YAML readers disagree on which value wins"
    )
    assert [str(related) for related in override.related] == ["file.yaml:7:5: already set here"]
    assert doc.data["variants"] == [
        {"id": "standard", "delivery": "on-site", "deployment": "self-managed", "clearance": True}
    ]


def test_merged_value_is_located_where_the_anchor_defines_it(tmp_path: Path) -> None:
    """A merged value's position is where the anchored mapping defines it."""
    doc = load(tmp_path, MERGE)
    merged = doc.locate(["variants", 0, "clearance"])
    assert (merged.line, merged.column) == (4, 14)
    merged_key = doc.locate(["variants", 0, "clearance"], key=True)
    assert (merged_key.line, merged_key.column) == (4, 3)
    explicit = doc.locate(["variants", 0, "deployment"])
    assert (explicit.line, explicit.column) == (9, 17)
    assert doc.locate(["variants", 0, "clearance"]).pointer == "/variants/0/clearance"


def test_a_merge_first_in_its_mapping_is_read_alike_by_every_reader(tmp_path: Path) -> None:
    """Keys written after a merge win for every reader: no finding."""
    doc = load(tmp_path, "d: &d {a: 1, b: 2}\nm:\n  <<: *d\n  a: 3\n")
    assert (seen(doc), doc.data["m"]) == ([], {"a": 3, "b": 2})


def test_two_merges_that_bring_in_one_key_are_reported(tmp_path: Path) -> None:
    """Merged mappings that share a key are Y010 too: readers pick different ones."""
    doc = load(tmp_path, "a: &a {x: 1}\nb: &b {x: 2}\nc:\n  <<: [*a, *b]\n")
    assert seen(doc) == [("Y010", 4, 3)]
    assert doc.diagnostics[0].message == (
        "two merges bring in 'x': YAML readers disagree on which value wins"
    )


def test_merge_of_a_scalar_is_reported(tmp_path: Path) -> None:
    """<< with a value that is not a mapping is Y001 at that value."""
    doc = load(tmp_path, "c:\n  <<: 1\n  x: 2\n")
    assert seen(doc) == [("Y001", 2, 7)]
    assert doc.diagnostics[0].message == "a merge key '<<' needs a mapping or a list of mappings"


def test_directory_named_like_a_yaml_file_is_reported(tmp_path: Path) -> None:
    """Loading a directory is Y008 at 1:1, not an exception."""
    (tmp_path / "folder.yaml").mkdir()
    doc = load_document(tmp_path / "folder.yaml", "folder.yaml")
    assert (doc.ok, doc.data) == (False, None)
    assert seen(doc) == [("Y008", 1, 1)]
    assert doc.diagnostics[0].message == "is a directory, not a YAML file"


def test_missing_file_is_reported(tmp_path: Path) -> None:
    """Loading a path that does not exist is Y008, not an exception."""
    doc = load_document(tmp_path / "gone.yaml", "gone.yaml")
    assert (doc.ok, doc.data) == (False, None)
    assert seen(doc) == [("Y008", 1, 1)]
    assert doc.diagnostics[0].message.startswith("cannot be read: ")


def test_directory_named_like_a_yaml_file_in_a_catalog_is_reported(tmp_path: Path) -> None:
    """A folder named like a YAML file in the catalog folder is Y008, as the rule documents."""
    root = write_catalog(tmp_path / "catalog", {})
    (root / "integration.yaml").mkdir()
    assert findings(root) == [("Y008", "integration.yaml", 1, 1)]


def test_broken_link_in_a_catalog_is_reported(tmp_path: Path) -> None:
    """A catalog file that is a broken symbolic link is Y008, and the rest is still checked."""
    root = write_catalog(tmp_path / "catalog", {})
    (root / "integration.yaml").symlink_to(tmp_path / "nowhere.yaml")
    assert findings(root) == [("Y008", "integration.yaml", 1, 1)]


def test_mapping_as_a_key_is_reported(tmp_path: Path) -> None:
    """A mapping used as a key is Y001 at that key: JSON keys are strings."""
    doc = load(tmp_path, "id: x\n? {a: 1}\n: 2\n")
    assert seen(doc) == [("Y001", 2, 3)]
    assert doc.diagnostics[0].message == (
        "a mapping key must be a plain string, not a mapping or a list"
    )


def test_list_as_a_key_is_reported(tmp_path: Path) -> None:
    """A flow list used as a key is Y001 at that key."""
    doc = load(tmp_path, "id: x\n[a, b]: 2\n")
    assert seen(doc) == [("Y001", 2, 1)]


def test_mapping_as_a_key_in_a_catalog_is_one_diagnostic(tmp_path: Path) -> None:
    """A mapping key in a category file is reported once, as Y001 (one fault, one diagnostic)."""
    text = "id: integration\nname: Integration Services\nlevel: product\n? {a: 1}\n: 2\n"
    text += "offerings:\n  - id: jira\n    name: JIRA\n    maturity: minimal\n"
    text += "    variants:\n      - id: custom\n"
    root = write_catalog(tmp_path / "catalog", {"integration.yaml": text})
    assert findings(root) == [("Y001", "integration.yaml", 4, 3)]


def test_a_broken_file_does_not_stop_the_others(tmp_path: Path) -> None:
    """With one category file unparsable, the other files' findings are still reported."""
    broken = "id: integration\nname: Integration Services\nlevel: [product\n"
    other = category_file(
        """
        - id: github-migration
          name: GitHub migration
          maturity: done
          variants:
            - id: custom
        """,
        category_id="migration",
    )
    root = write_catalog(
        tmp_path / "catalog", {"integration.yaml": broken, "migration.yaml": other}
    )
    assert findings(root) == [
        ("Y001", "integration.yaml", 3, 16),
        ("S004", "migration.yaml", 7, 15),
    ]


def test_every_broken_file_is_reported_in_one_run(tmp_path: Path) -> None:
    """Several unreadable files in one catalog each get their own diagnostic."""
    root = write_catalog(
        tmp_path / "catalog",
        {"empty.yaml": "", "tabs.yaml": "id: x\n\tname: y\n", "two.yaml": "a: 1\n---\nb: 2\n"},
    )
    (root / "latin1.yaml").write_bytes(b"id: caf\xe9\n")
    result = findings(root)
    assert ("Y006", "empty.yaml", 1, 1) in result
    assert ("Y007", "latin1.yaml", 1, 8) in result
    assert ("Y001", "tabs.yaml", 2, 1) in result
    assert ("Y004", "two.yaml", 2, 1) in result


@pytest.mark.parametrize(
    ("text", "reading", "hint"),
    [
        ("-0x1A", "the number -26 by YAML 1.1 tools such as Ruby and Hugo", 'quote it: "-0x1A"'),
        ("-0b11", "the number -3 by YAML 1.1 tools such as Ruby and Hugo", 'quote it: "-0b11"'),
        (
            "1e3",
            "a string, not a number, by YAML 1.1 tools such as Ruby and Hugo",
            "write it as 1000.0 (or quote it if it is text)",
        ),
        (
            "08",
            "a string, not a number, by YAML 1.1 tools such as Ruby and Hugo",
            "write it as 8 (or quote it if it is text)",
        ),
        (
            "-.5",
            "a string, not a number, by YAML 1.1 tools such as Ruby and Hugo",
            "write it as -0.5 (or quote it if it is text)",
        ),
    ],
)
def test_numbers_yaml11_reads_otherwise_are_warned(
    tmp_path: Path, text: str, reading: str, hint: str
) -> None:
    """Signed hex and binary are numbers only for 1.1; 1e3, 08 and -.5 only for 1.2."""
    doc = load(tmp_path, f"summary: {text}\n")
    [warning] = doc.diagnostics
    assert (warning.code, warning.message, warning.hint) == (
        "Y003",
        f"'{text}' is read as {reading}",
        hint,
    )


def test_a_url_in_a_flow_collection_is_a_plain_string(tmp_path: Path) -> None:
    """YAML 1.2 lets a plain value in a flow collection hold ':' (libyaml 0.2.5 reads it so)."""
    doc = load(
        tmp_path,
        "a: [https://example.com/x]\nb: {c: https://example.com/, d: [x:y]}\n",
    )
    assert doc.ok, doc.diagnostics
    assert doc.data == {
        "a": ["https://example.com/x"],
        "b": {"c": "https://example.com/", "d": ["x:y"]},
    }
    assert doc.locate(["b", "c"]) == Location("file.yaml", 2, 8, "/b/c")


# -- every loader finding, word for word

KEY_HINT = "catalog files use plain keys such as 'id:'"
CANNOT_START = "found character that cannot start any token (while scanning for the next token)"
NOT_ALLOWED = "mapping values are not allowed in this context"
INDENT_HINT = "indent this key as the keys beside it (it is indented more than they are)"
LOADER_FINDINGS: dict[str, tuple[str | bytes, Limits, list[tuple[object, ...]]]] = {
    "too-large": (
        "a: 1\nb: 2\n",
        Limits(max_file_bytes=8),
        [
            (
                "Y009",
                1,
                1,
                "file is 10 bytes, more than the limit of 8",
                "split the file, or raise the limit if the file is genuine",
                [],
            )
        ],
    ),
    "too-deep": (
        "a: {b: {c: 1}}\n",
        Limits(max_depth=2),
        [("Y009", 1, 8, "nesting is deeper than the limit of 2 levels", None, [])],
    ),
    "alias-too-deep": (
        "a: &x {b: {c: 1}}\nd: {e: *x}\n",
        Limits(max_depth=3),
        [
            (
                "Y009",
                2,
                8,
                "the alias '*x' nests the data deeper than the limit of 3 levels",
                "write the value out here, or refer to a less deeply nested one",
                [],
            )
        ],
    ),
    "too-many-aliases": (
        "a: &x [1, 2, 3]\nb: [*x, *x]\n",
        Limits(max_alias_nodes=5),
        [
            (
                "Y009",
                2,
                9,
                "aliases expand to more than 5 values",
                "write the values out instead of repeating anchors",
                [],
            )
        ],
    ),
    "control-character": (
        "a: \x07\n",
        Limits(),
        [("Y001", 1, 4, "character U+0007 is not allowed in YAML", None, [])],
    ),
    "parser": (
        "a: [1\n",
        Limits(),
        [
            (
                "Y001",
                1,
                6,
                "did not find expected ',' or ']' (while parsing a flow sequence)",
                "close the list that opens at line 1, column 4 with ']', "
                "and separate its values with ','",
                [],
            )
        ],
    ),
    "nul": (b"a: \x00\n", Limits(), [("Y001", 1, 4, "the file contains a NUL byte", None, [])]),
    "tab": (
        "a:\n\tb: 1\n",
        Limits(),
        [("Y001", 2, 1, CANNOT_START, "YAML indents with spaces, never tabs", [])],
    ),
    "special-character": (
        "a: @x\n",
        Limits(),
        [("Y001", 1, 4, CANNOT_START, "quote the value if it starts with a special character", [])],
    ),
    "colon-in-value": (
        "a: b: c\n",
        Limits(),
        [("Y001", 1, 5, NOT_ALLOWED, "quote the value: it contains ': '", [])],
    ),
    "key-indented-too-far": (
        "a:\n  b: 1\n   c: 2\n",
        Limits(),
        [("Y001", 3, 5, NOT_ALLOWED, INDENT_HINT, [])],
    ),
    "key-not-scalar": (
        "? [a]\n: 1\n",
        Limits(),
        [
            (
                "Y001",
                1,
                3,
                "a mapping key must be a plain string, not a mapping or a list",
                KEY_HINT,
                [],
            )
        ],
    ),
    "alias-key": (
        "a: &x [1]\n*x : 2\n",
        Limits(),
        [
            (
                "Y001",
                2,
                1,
                "a mapping key must be a plain string, not a mapping or a list",
                KEY_HINT,
                [],
            )
        ],
    ),
    "undefined-alias": (
        "a: *nope\n",
        Limits(),
        [("Y001", 1, 4, "alias '*nope' is undefined", None, [])],
    ),
    "alias-in-its-anchor": (
        "a: &x [*x]\n",
        Limits(),
        [("Y001", 1, 8, "alias '*x' refers to the mapping or list it is inside", None, [])],
    ),
    "bad-merge": (
        "a: 1\nb:\n  <<: 3\n",
        Limits(),
        [("Y001", 3, 7, "a merge key '<<' needs a mapping or a list of mappings", None, [])],
    ),
    "invalid-tagged": (
        "a: !!int x\n",
        Limits(),
        [("Y001", 1, 4, "'x' is not a valid !!int", None, [])],
    ),
    "disallowed-tag": (
        "a: !!python/object x\nb: !thing [1]\n",
        Limits(),
        [
            (
                "Y005",
                1,
                4,
                "tag '!!python/object' is not allowed: catalog files hold plain data",
                "remove the tag, and write the value as plain data the field takes",
                [],
            ),
            (
                "Y005",
                2,
                4,
                "tag '!thing' is not allowed: catalog files hold plain data",
                "remove the tag, and write the value as plain data the field takes",
                [],
            ),
        ],
    ),
    "duplicate-key": (
        "a: 1\nb: 2\na: 3\n",
        Limits(),
        [
            (
                "Y002",
                3,
                1,
                "duplicate key 'a': YAML readers keep only one of the values",
                "remove one of the keys, or merge their values",
                [(1, 1, "first written here")],
            )
        ],
    ),
    "two-documents": (
        "a: 1\n---\nb: 2\n",
        Limits(),
        [
            (
                "Y004",
                2,
                1,
                "a catalog file holds one YAML document; this is a second one",
                "remove the '---' and what follows, or move it to a file of its own",
                [],
            )
        ],
    ),
    "empty": (
        "# nothing\n",
        Limits(),
        [
            (
                "Y006",
                1,
                1,
                "the file holds no YAML document",
                "add the file's content, or delete the file",
                [],
            )
        ],
    ),
    "not-utf8": (
        b"a: caf\xe9\n",
        Limits(),
        [
            (
                "Y007",
                1,
                7,
                "is not valid UTF-8: byte 0xe9 cannot be decoded",
                "save the file as UTF-8",
                [],
            )
        ],
    ),
}


@pytest.mark.parametrize("case", sorted(LOADER_FINDINGS))
def test_each_loader_finding_has_its_place_message_hint_and_related(
    tmp_path: Path, case: str
) -> None:
    """Every kind of file the loader refuses gets its code, place, message, hint and labels."""
    content, limits, expected = LOADER_FINDINGS[case]
    path = tmp_path / "x.yaml"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    doc = load_document(path, "x.yaml", limits)
    assert {d.location.file for d in doc.diagnostics} == {"x.yaml"}
    assert [
        (
            d.code,
            d.location.line,
            d.location.column,
            d.message,
            d.hint,
            [(r.location.line, r.location.column, r.label) for r in d.related],
        )
        for d in doc.diagnostics
    ] == expected
    # These are findings in a file that still reads; the others stop the reading.
    still_reads = (
        "bad-merge",
        "disallowed-tag",
        "duplicate-key",
        "invalid-tagged",
        "two-documents",
    )
    assert doc.ok is (case in still_reads)


def test_what_is_not_a_readable_file_is_y008_with_why(tmp_path: Path) -> None:
    """A folder, a pipe and a missing path are each one Y008 at 1:1 saying why."""
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    found = {
        name: [
            (d.code, d.location.file, d.location.line, d.location.column, d.message, d.hint)
            for d in load_document(path, "x.yaml").diagnostics
        ]
        for name, path in (("folder", tmp_path), ("pipe", pipe), ("missing", tmp_path / "m"))
    }
    assert found == {
        "folder": [("Y008", "x.yaml", 1, 1, "is a directory, not a YAML file", None)],
        "pipe": [("Y008", "x.yaml", 1, 1, "is not a regular file (a pipe or a device)", None)],
        "missing": [("Y008", "x.yaml", 1, 1, "cannot be read: No such file or directory", None)],
    }
    assert load_document(tmp_path, "x.yaml").line_text(1) is None


def test_a_file_at_the_size_limit_is_read_and_a_bom_is_skipped(tmp_path: Path) -> None:
    """A file of exactly max-file-bytes is read; a UTF-8 byte-order mark is not part of it."""
    path = tmp_path / "x.yaml"
    path.write_bytes(b"\xef\xbb\xbfa: 1\n")
    doc = load_document(path, "x.yaml", Limits(max_file_bytes=8))
    assert (doc.ok, doc.data, doc.diagnostics, doc.text) == (True, {"a": 1}, [], "a: 1\n")


def test_keys_that_are_not_strings_become_the_text_json_needs(tmp_path: Path) -> None:
    """Keys read as null, booleans or numbers are the strings 'null', 'true', 'false', '4'."""
    doc = load(tmp_path, "null: 1\ntrue: 2\nfalse: 3\n4: 5\n1.5: 6\n")
    assert doc.data == {"null": 1, "true": 2, "false": 3, "4": 5, "1.5": 6}
    assert doc.locate(["4"], key=True) == Location("file.yaml", 4, 1, "/4")


def test_read_file_text_gives_the_text_or_says_why_not(tmp_path: Path) -> None:
    """The reading half of the loader: the text, or a document whose findings name the file."""
    path = tmp_path / "x.yaml"
    path.write_bytes(b"\xef\xbb\xbfa: 1\n")
    assert read_file_text(path) == "a: 1\n"
    refused = read_file_text(path, Limits(max_file_bytes=4))
    assert isinstance(refused, Document)
    assert (refused.path, refused.name, refused.ok) == (path, str(path), False)
    assert [(d.code, d.location.file) for d in refused.diagnostics] == [("Y009", str(path))]
    folder = read_file_text(tmp_path)
    assert isinstance(folder, Document)
    assert [d.message for d in folder.diagnostics] == ["is a directory, not a YAML file"]


def test_load_text_reads_text_in_memory_as_a_file(tmp_path: Path) -> None:
    """Text already read is loaded under its name; its path defaults to the name."""
    doc = load_text("a: [1, 2]\n", "catalog/x.yaml")
    assert (doc.name, doc.path, doc.ok, doc.data) == (
        "catalog/x.yaml",
        Path("catalog/x.yaml"),
        True,
        {"a": [1, 2]},
    )
    assert doc.locate(["a", 1]) == Location("catalog/x.yaml", 1, 8, "/a/1")
    elsewhere = load_text("a: {b: 1}\n", "x.yaml", tmp_path / "y.yaml", limits=Limits(max_depth=1))
    assert elsewhere.path == tmp_path / "y.yaml"
    assert [(d.code, d.location.file) for d in elsewhere.diagnostics] == [("Y009", "x.yaml")]


@pytest.mark.parametrize(
    ("text", "limit", "place", "message"),
    [
        # a merge puts the alias's values in the mapping that holds '<<': one level up
        ("base: &b {k: {j: {i: 1}}}\nm: {x: {<<: *b}}\n", 5, (2, 13), "alias"),
        ("base: &b {k: {j: {i: 1}}}\nm: {x: {<<: [*b]}}\n", 5, (2, 14), "alias"),
        ("base: &b {k: {j: {i: 1}}}\nm: {x: {o: *b}}\n", 6, (2, 12), "alias"),
        ("base: &b {k: {j: {i: 1}}}\nm: {x: {o: [*b]}}\n", 7, (2, 13), "alias"),
        ("base: &b {k: {j: {i: 1}}}\nm: {x: {<<: [{q: 1}, *b]}}\n", 5, (2, 14), "nesting"),
    ],
)
def test_an_alias_may_nest_the_data_exactly_as_deep_as_the_limit(
    text: str, limit: int, place: tuple[int, int], message: str
) -> None:
    """At the limit the file reads; one level less, Y009 at the alias (or the nesting)."""
    assert load_text(text, "x.yaml", limits=Limits(max_depth=limit)).diagnostics == []
    [found] = load_text(text, "x.yaml", limits=Limits(max_depth=limit - 1)).diagnostics
    expected = {
        "alias": f"the alias '*b' nests the data deeper than the limit of {limit - 1} levels",
        "nesting": f"nesting is deeper than the limit of {limit - 1} levels",
    }[message]
    assert (found.code, found.location.line, found.location.column, found.message) == (
        "Y009",
        *place,
        expected,
    )


def test_a_yaml_error_without_a_place_is_y001_at_the_start() -> None:
    """What the parser gives up on without a mark is reported at 1:1 with its words."""
    from pscatalog.rules import syntax_error

    assert syntax_error.unreadable("x.yaml", "stream ended") == Diagnostic(
        "Y001", Severity.ERROR, "invalid YAML: stream ended", Location("x.yaml", 1, 1)
    )


@pytest.mark.parametrize(
    ("text", "limit"),
    [
        ("a: &x [1, 2]\nb: [*x, *x]\n", 6),  # a list of two counts three values
        ("a: &x " + "y" * 99 + "\nb: [*x, *x]\n", 2),  # a short string counts one
        ("a: &x " + "y" * 200 + "\nb: [*x, *x]\n", 6),  # one more per 100 characters
    ],
)
def test_aliases_may_add_exactly_as_many_values_as_the_limit(text: str, limit: int) -> None:
    """At the limit the file reads; one value less, Y009 at the alias that crosses it."""
    doc = load_text(text, "x.yaml", limits=Limits(max_alias_nodes=limit))
    assert (doc.ok, doc.diagnostics) == (True, [])
    [found] = load_text(text, "x.yaml", limits=Limits(max_alias_nodes=limit - 1)).diagnostics
    assert (found.location.line, found.location.column, found.message) == (
        2,
        9,
        f"aliases expand to more than {limit - 1:,} values",
    )


def test_an_alias_of_a_scalar_adds_no_level() -> None:
    """A scalar repeated by an alias is as deep as a scalar written there."""
    text = "a: &x 1\nb: {c: {d: *x}}\n"
    assert load_text(text, "x.yaml", limits=Limits(max_depth=3)).data == {
        "a": 1,
        "b": {"c": {"d": 1}},
    }
    [found] = load_text(text, "x.yaml", limits=Limits(max_depth=2)).diagnostics
    assert found.message == "nesting is deeper than the limit of 2 levels"


def test_merges_bring_every_mapping_of_a_list_and_their_places() -> None:
    """'<<: [*a, *b]' brings both mappings' keys; each merged key is located where it is written."""
    doc = load_text("a: &a {x: 1}\nb: &b {y: 2}\nc:\n  <<: [*a, *b]\n  z: 3\n", "x.yaml")
    assert doc.data["c"] == {"z": 3, "x": 1, "y": 2}
    assert doc.locate(["c", "y"]) == Location("x.yaml", 2, 11, "/c/y")
    assert doc.locate(["c", "x"], key=True) == Location("x.yaml", 1, 8, "/c/x")
    assert doc.locate(["c", "z"]) == Location("x.yaml", 5, 6, "/c/z")


def test_a_bad_merge_is_dropped_and_a_quoted_merge_key_is_a_key() -> None:
    """'<<: 3' merges nothing (and is Y001); '"<<": 1' is an ordinary key."""
    assert load_text("a: 1\nb:\n  <<: 3\n", "x.yaml").data == {"a": 1, "b": {}}
    quoted = load_text('"<<": 1\n', "x.yaml")
    assert (quoted.data, quoted.diagnostics) == ({"<<": 1}, [])


def test_an_octal_written_0o_is_y003_with_its_decimal_form() -> None:
    """'0o17' is a string to YAML 1.1 readers: Y003 says so and how to write it."""
    [found] = load_text("a: 0o17\n", "x.yaml").diagnostics
    assert (found.message, found.hint) == (
        "'0o17' is read as a string, not a number, by YAML 1.1 tools such as Ruby and Hugo",
        "write it as 15 (or quote it if it is text)",
    )


def test_a_file_that_does_not_read_locates_everything_at_its_start() -> None:
    """Without data, every path is located at 1:1 of the file, with an empty pointer."""
    doc = load_text("a: [1\n", "x.yaml")
    assert (doc.ok, doc.data, doc.text) == (False, None, "a: [1\n")
    assert doc.locate(["a", 0]) == Location("x.yaml", 1, 1, "")


def test_locating_every_key_of_a_mapping_does_work_in_proportion(tmp_path: Path) -> None:
    """A mapping's key positions are indexed once: locating N keys costs twice N/2's work."""

    def work(size: int) -> int:
        doc = load_text("".join(f"k{i}: 1\n" for i in range(size)), "x.yaml")
        return lines_run(lambda: [doc.locate([f"k{i}"], key=True) for i in range(size)])[1]

    assert growth(work, 300) <= 2.01


def test_a_list_at_the_root_may_repeat_an_anchor_and_take_a_plain_tag() -> None:
    """Aliases in a top-level list, and the non-specific tag '!', read as plain data."""
    doc = load_text("- &x {a: 1}\n- *x\n- ! [2]\n", "x.yaml")
    assert (doc.data, doc.diagnostics) == ([{"a": 1}, {"a": 1}, [2]], [])
