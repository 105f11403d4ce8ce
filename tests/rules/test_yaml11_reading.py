"""Y003 yaml11-reading: plain values read alike in YAML 1.1 and 1.2, and its fix."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from fix_helpers import fix_text, fixed
from helpers import write_catalog
from pscatalog.checks.checker import validate
from pscatalog.diagnostics import Diagnostic, Location, Severity
from pscatalog.rules import yaml11_reading
from pscatalog.rules.base import FixContext
from pscatalog.yamltext.loader import load_text

HEAD = "id: integration\nname: Integration Services\nlevel: product\nofferings:\n"
JIRA = "  - id: jira\n    name: JIRA\n    maturity: minimal\n"
CUSTOM = "    variants:\n      - id: custom\n"


def _catalog(root: Path, offering_keys: str) -> Path:
    """A catalog whose one offering has ``offering_keys`` (indented by four) after its maturity."""
    return write_catalog(root, {"integration.yaml": HEAD + JIRA + offering_keys + CUSTOM})


def _found(root: Path) -> list[tuple[str, int, int, str]]:
    return [
        (d.code, d.location.line, d.location.column, d.message)
        for d in validate([root]).diagnostics
    ]


def test_each_plain_value_read_otherwise_is_a_warning_at_its_place(tmp_path: Path):
    """'no', 'on', '1:30', a date, '012' and '0o17' are Y003 at their first character."""
    root = _catalog(
        tmp_path,
        "    summary: no\n    stages: [on, off]\n    owner: 1:30\n    description: 2022-10-27\n"
        "    imported: {source: s, unmapped: {no: 012, x: 0o17}}\n",
    )
    by = "by YAML 1.1 tools such as Ruby and Hugo"
    assert _found(root) == [
        ("Y003", 8, 14, f"'no' is read as the boolean false {by}"),
        ("Y003", 9, 14, f"'on' is read as the boolean true {by}"),
        ("Y003", 9, 18, f"'off' is read as the boolean false {by}"),
        ("Y003", 10, 12, f"'1:30' is read as a base-60 number {by}"),
        ("Y003", 11, 18, f"'2022-10-27' is read as a date, not a string, {by}"),
        ("Y003", 12, 38, f"'no' is read as the boolean false {by}"),
        ("Y003", 12, 42, f"'012' is read as the octal number 10 {by}"),
        ("Y003", 12, 50, f"'0o17' is read as a string, not a number, {by}"),
    ]


def test_message_and_hint(in_tmp: Path):
    """Y003 quotes the value, says how YAML 1.1 reads it, and shows it quoted as the hint."""
    _catalog(in_tmp / "catalog", "    summary: off\n")
    assert validate(["catalog"]).diagnostics == [
        Diagnostic(
            "Y003",
            Severity.WARNING,
            "'off' is read as the boolean false by YAML 1.1 tools such as Ruby and Hugo",
            Location("catalog/integration.yaml", 8, 14),
            'quote it: "off"',
        )
    ]


# -- the fix


def test_fix_quotes_values_in_block_and_flow_style(tmp_path: Path):
    """Each value is double-quoted where it stands; commas, brackets and comments stay."""
    root = _catalog(
        tmp_path,
        "    summary: no  # a note\n    stages: [on, off]\n    owner: 1:30\n"
        "    description: 2022-10-27\n",
    )
    assert (
        fixed(root, "integration.yaml", "Y003")
        == HEAD
        + JIRA
        + (
            '    summary: "no"  # a note\n'
            '    stages: ["on", "off"]\n'
            '    owner: "1:30"\n'
            '    description: "2022-10-27"\n'
        )
        + CUSTOM
    )


def test_fix_quotes_a_key_and_writes_numbers_in_decimal(tmp_path: Path):
    """A key is quoted like a value; '012' and '0o17' become 12 and 15, the numbers YAML 1.2 reads."""
    root = _catalog(tmp_path, "    imported: {source: s, unmapped: {no: 012, x: 0o17}}\n")
    assert (
        fixed(root, "integration.yaml", "Y003")
        == HEAD + JIRA + ('    imported: {source: s, unmapped: {"no": 12, x: 15}}\n') + CUSTOM
    )


def test_fix_keeps_a_crlf_file_crlf(tmp_path: Path):
    """In a CR LF file the value is quoted and every line break stays CR LF."""
    text = HEAD + JIRA + "    summary: yes\n" + CUSTOM
    root = write_catalog(tmp_path, {})
    (root / "integration.yaml").write_bytes(text.replace("\n", "\r\n").encode())
    assert fixed(root, "integration.yaml", "Y003") == text.replace("yes", '"yes"').replace(
        "\n", "\r\n"
    )


def test_fix_refuses_an_anchored_value(tmp_path: Path):
    """An anchored value is left as it is: its characters start with the anchor its aliases need."""
    root = _catalog(tmp_path, "    summary: &s no\n    description: *s\n")
    before = (root / "integration.yaml").read_text(encoding="utf-8")
    assert [place for _, *place, _ in _found(root)] == [[8, 14]]
    assert fixed(root, "integration.yaml", "Y003") == before


def test_fix_of_a_place_without_a_plain_scalar_does_nothing():
    """A finding whose place starts no scalar, or a quoted one, gets no edit."""
    doc = load_text('a: no\nb: "on"\nc: [x]\n', "x.yaml")
    context = FixContext(doc)
    [found] = doc.diagnostics
    assert (found.location.line, found.location.column) == (1, 4)
    assert fix_text(doc, [found], "Y003", context) == 'a: "no"\nb: "on"\nc: [x]\n'
    for line, column in ((1, 2), (1, 5), (2, 4), (3, 4), (9, 9)):
        moved = replace(found, location=replace(found.location, line=line, column=column))
        assert yaml11_reading.fix(context, moved) == [], (line, column)


def test_validate_fix_quotes_the_value(in_tmp: Path):
    """`validate --fix` through the API: the value is quoted and nothing is left."""
    from pscatalog.tools.fixing import fix_catalog

    root = _catalog(in_tmp / "catalog", "    summary: no\n")
    result = fix_catalog(["catalog"])
    assert (dict(result.fixed), result.remaining.diagnostics) == ({"Y003": 1}, [])
    assert (root / "integration.yaml").read_text(encoding="utf-8") == (
        HEAD + JIRA + '    summary: "no"\n' + CUSTOM
    )
