from pathlib import Path

from fix_helpers import fixed
from helpers import category_file, findings, write_catalog
from pscatalog.checks.checker import validate
from pscatalog.diagnostics import Diagnostic, Location, Severity


def test_offering_without_standard_or_custom_is_reported_at_its_variants_key(tmp_path: Path):
    """An offering whose only variant is an alternative gets one C001 at 'variants'."""
    root = write_catalog(
        tmp_path,
        {
            "integration.yaml": category_file(
                """
                - id: jira
                  name: JIRA
                  maturity: minimal
                  variants:
                    - id: remote
                """
            )
        },
    )
    assert findings(root) == [("C001", "integration.yaml", 8, 5)]


def test_custom_variant_is_a_base_variant(tmp_path: Path):
    """An offering with a 'custom' variant beside its alternatives passes."""
    root = write_catalog(
        tmp_path,
        {
            "integration.yaml": category_file(
                """
                - id: jira
                  name: JIRA
                  maturity: minimal
                  variants:
                    - id: custom
                    - id: remote
                """
            )
        },
    )
    assert findings(root) == []


def test_standard_variant_is_a_base_variant(tmp_path: Path):
    """An offering whose base variant is a complete 'standard' one passes."""
    root = write_catalog(
        tmp_path,
        {
            "integration.yaml": category_file(
                """
                - id: jira
                  name: JIRA
                  maturity: minimal
                  variants:
                    - id: remote
                    - id: standard
                      sku: GL-JIRA
                      standard_sow: https://example.com/sow/jira
                """
            )
        },
    )
    assert findings(root) == []


def test_empty_variants_list_is_one_c001_and_no_schema_error(tmp_path: Path):
    """'variants: []' is reported once, as C001, not also as the schema's minItems."""
    root = write_catalog(
        tmp_path,
        {
            "integration.yaml": category_file(
                """
                - id: jira
                  name: JIRA
                  maturity: minimal
                  variants: []
                """
            )
        },
    )
    assert findings(root) == [("C001", "integration.yaml", 8, 5)]


def test_variants_that_are_not_a_list_are_left_to_the_schema(tmp_path: Path):
    """A 'variants' that is not a list is a type error only, not also C001."""
    root = write_catalog(
        tmp_path,
        {
            "integration.yaml": category_file(
                """
                - id: jira
                  name: JIRA
                  maturity: minimal
                  variants: custom
                """
            )
        },
    )
    assert findings(root) == [("S003", "integration.yaml", 8, 15)]


def test_each_offering_without_a_base_variant_is_reported(tmp_path: Path):
    """Two offerings without a base variant give one C001 each."""
    root = write_catalog(
        tmp_path,
        {
            "integration.yaml": category_file(
                """
                - id: jira
                  name: JIRA
                  maturity: minimal
                  variants:
                    - id: remote
                - id: jenkins
                  name: Jenkins
                  maturity: minimal
                  variants:
                    - id: on-site
                """
            )
        },
    )
    assert findings(root) == [
        ("C001", "integration.yaml", 8, 5),
        ("C001", "integration.yaml", 13, 5),
    ]


def test_message_and_hint(in_tmp: Path):
    """C001 names the offering and says which ids a base variant may have."""
    write_catalog(
        in_tmp / "catalog",
        {
            "integration.yaml": category_file(
                """
                - id: jira
                  name: JIRA
                  maturity: minimal
                  variants:
                    - id: remote
                """
            )
        },
    )
    assert validate(["catalog"]).diagnostics == [
        Diagnostic(
            "C001",
            Severity.ERROR,
            "offering 'jira' has no variant called 'standard' or 'custom'",
            Location("catalog/integration.yaml", 8, 5, "/offerings/0/variants"),
            "add a variant 'custom' (sold with a custom SOW)",
        )
    ]


# -- the fix (unsafe: it decides how the offering is sold)

HEAD = "id: integration\nname: Integration Services\nlevel: product\nofferings:\n"
JIRA = "  - id: jira\n    name: JIRA\n    maturity: minimal\n"


def _fixed(root: Path, text: str) -> str:
    write_catalog(root, {"integration.yaml": text})
    return fixed(root, "integration.yaml", "C001")


def test_fix_inserts_a_custom_variant_first_in_a_block_list(tmp_path: Path):
    """A block list gets '- id: custom' as its first item, at its items' indentation."""
    text = HEAD + JIRA + "    variants:\n      # the remote one\n      - id: remote  # only one\n"
    assert _fixed(tmp_path, text) == HEAD + JIRA + (
        "    variants:\n      # the remote one\n      - id: custom\n      - id: remote  # only one\n"
    )


def test_fix_follows_a_list_not_indented_under_its_key(tmp_path: Path):
    """Items written at the key's own column get the new item at that column."""
    text = HEAD + JIRA + "    variants:\n    - id: remote\n    - id: on-site\n"
    assert _fixed(tmp_path, text) == HEAD + JIRA + (
        "    variants:\n    - id: custom\n    - id: remote\n    - id: on-site\n"
    )


def test_fix_in_flow_lists(tmp_path: Path):
    """A flow list gets '{id: custom}' first; an empty one gets it alone."""
    text = HEAD + JIRA + "    variants: [{id: remote}]\n"
    text += "  - {id: jenkins, name: Jenkins, maturity: minimal, variants: []}\n"
    assert _fixed(tmp_path, text) == HEAD + JIRA + (
        "    variants: [{id: custom}, {id: remote}]\n"
        "  - {id: jenkins, name: Jenkins, maturity: minimal, variants: [{id: custom}]}\n"
    )


def test_fix_keeps_a_crlf_file_crlf(tmp_path: Path):
    """In a CR LF file the new item's line ends with CR LF too."""
    text = HEAD + JIRA + "    variants:\n      - id: remote\n"
    root = write_catalog(tmp_path, {})
    (root / "integration.yaml").write_bytes(text.replace("\n", "\r\n").encode())
    expected = HEAD + JIRA + "    variants:\n      - id: custom\n      - id: remote\n"
    assert fixed(root, "integration.yaml", "C001") == expected.replace("\n", "\r\n")


def test_fix_refuses_variants_shared_through_an_anchor(tmp_path: Path):
    """Variants an alias repeats are left as they are: a new item would join both offerings."""
    text = HEAD + JIRA + "    variants: &v\n      - id: remote\n"
    text += "  - id: jenkins\n    name: Jenkins\n    maturity: minimal\n    variants: *v\n"
    root = write_catalog(tmp_path, {"integration.yaml": text})
    assert findings(root) == [
        ("C001", "integration.yaml", 8, 5),
        ("C001", "integration.yaml", 13, 5),
    ]
    assert fixed(root, "integration.yaml", "C001") == text


def test_fix_in_a_flow_list_over_several_lines(tmp_path: Path):
    """In a flow list broken over lines the new item goes just before the first one."""
    text = HEAD + JIRA + "    variants: [\n      {id: remote}]\n"
    assert _fixed(tmp_path, text) == HEAD + JIRA + (
        "    variants: [\n      {id: custom}, {id: remote}]\n"
    )


def test_validate_fix_adds_the_variant_only_with_unsafe_fixes(in_tmp: Path):
    """`--fix` alone leaves C001; `--fix --unsafe-fixes` adds the custom variant."""
    from pscatalog.tools.fixing import fix_catalog

    text = HEAD + JIRA + "    variants:\n      - id: remote\n"
    root = write_catalog(in_tmp / "catalog", {"integration.yaml": text})
    safe = fix_catalog(["catalog"])
    assert (dict(safe.fixed), [d.code for d in safe.remaining.diagnostics]) == ({}, ["C001"])
    assert (root / "integration.yaml").read_text(encoding="utf-8") == text
    unsafe = fix_catalog(["catalog"], unsafe=True)
    assert (dict(unsafe.fixed), unsafe.remaining.diagnostics) == ({"C001": 1}, [])
    assert (root / "integration.yaml").read_text(encoding="utf-8") == (
        HEAD + JIRA + "    variants:\n      - id: custom\n      - id: remote\n"
    )


def test_offerings_are_named_by_id_else_name_else_a_question_mark(in_tmp: Path):
    """After an offering whose variants are not a list, each other one is still checked."""
    text = HEAD + (
        "  - id: broken\n    name: Broken\n    maturity: minimal\n    variants: remote\n"
        "  - name: Named only\n    maturity: minimal\n    variants:\n      - id: remote\n"
        "  - maturity: minimal\n    variants:\n      - id: remote\n"
    )
    write_catalog(in_tmp / "catalog", {"integration.yaml": text})
    assert [d.message for d in validate(["catalog"]).diagnostics if d.code == "C001"] == [
        "offering 'Named only' has no variant called 'standard' or 'custom'",
        "offering '?' has no variant called 'standard' or 'custom'",
    ]
