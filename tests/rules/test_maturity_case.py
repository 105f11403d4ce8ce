from dataclasses import replace
from pathlib import Path

from fix_helpers import fixed
from helpers import category_file, findings, write_catalog
from pscatalog.checks.checker import validate
from pscatalog.diagnostics import Diagnostic, Location, Severity
from pscatalog.rules import maturity_case
from pscatalog.rules.base import FixContext


def _catalog(root: Path, maturity: str) -> Path:
    return write_catalog(
        root,
        {
            "integration.yaml": category_file(
                f"""
                - id: jira
                  name: JIRA
                  maturity: {maturity}
                  variants:
                    - id: custom
                """
            )
        },
    )


def test_capitalised_maturity_is_one_c004_and_no_schema_error(tmp_path: Path):
    """'Minimal' is reported once, as C004 at the value, not also as the schema's enum."""
    assert findings(_catalog(tmp_path, "Minimal")) == [("C004", "integration.yaml", 7, 15)]


def test_upper_case_maturity_is_reported(tmp_path: Path):
    """'MINIMAL' is a valid maturity in the wrong case too."""
    assert findings(_catalog(tmp_path, "MINIMAL")) == [("C004", "integration.yaml", 7, 15)]


def test_lowercase_maturity_passes(tmp_path: Path):
    """A maturity written in lowercase passes."""
    assert findings(_catalog(tmp_path, "minimal")) == []


def test_unknown_maturity_is_left_to_the_schema(tmp_path: Path):
    """A word that is no maturity in any case is the schema's S004, not C004."""
    assert findings(_catalog(tmp_path, "mature")) == [("S004", "integration.yaml", 7, 15)]


def test_wrong_case_maturity_still_needs_its_evidence(tmp_path: Path):
    """'Viable' claims viable: the evidence rules report what it lacks, beside C004."""
    assert findings(_catalog(tmp_path, "Viable")) == [
        ("C004", "integration.yaml", 7, 15),
        ("M002", "integration.yaml", 7, 15),
        ("M003", "integration.yaml", 7, 15),
        ("M004", "integration.yaml", 7, 15),
    ]


def test_wrong_case_planned_still_forbids_skus(tmp_path: Path):
    """'Planned' is planned: a SKU on one of its variants is M001, beside C004."""
    root = write_catalog(
        tmp_path,
        {
            "integration.yaml": category_file(
                """
                - id: jira
                  name: JIRA
                  maturity: Planned
                  variants:
                    - id: custom
                    - id: remote
                      sku: GL-JIRA-R
                """
            )
        },
    )
    assert findings(root) == [
        ("C004", "integration.yaml", 7, 15),
        ("M001", "integration.yaml", 11, 9),
    ]


def test_message_and_hint(in_tmp: Path):
    """C004 quotes the maturity as written and the lowercase form to write."""
    _catalog(in_tmp / "catalog", "Minimal")
    assert validate(["catalog"]).diagnostics == [
        Diagnostic(
            "C004",
            Severity.ERROR,
            "maturity 'Minimal' must be written in lowercase",
            Location("catalog/integration.yaml", 7, 15, "/offerings/0/maturity"),
            "write 'minimal'",
        )
    ]


# -- the fix


def _fixed(root: Path, offerings: str) -> str:
    write_catalog(root, {"integration.yaml": category_file(offerings)})
    return fixed(root, "integration.yaml", "C004")


HEAD = "id: integration\nname: Integration Services\nlevel: product\nofferings:\n"


def test_fix_lowercases_a_plain_maturity_and_nothing_else(tmp_path: Path):
    """The fix writes 'minimal' in place of 'Minimal'; the comment after it stays."""
    offerings = """
        - id: jira
          name: JIRA
          maturity: Minimal  # as imported
          variants:
            - id: custom
        """
    assert _fixed(tmp_path, offerings) == HEAD + (
        "  - id: jira\n"
        "    name: JIRA\n"
        "    maturity: minimal  # as imported\n"
        "    variants:\n"
        "      - id: custom\n"
    )


def test_fix_keeps_single_and_double_quotes(tmp_path: Path):
    """A quoted maturity stays quoted in its own style."""
    offerings = """
        - id: jira
          name: JIRA
          maturity: 'Complete'
          variants:
            - id: custom
        - id: jenkins
          name: Jenkins
          maturity: "LOVABLE"
          variants:
            - id: custom
        """
    text = _fixed(tmp_path, offerings)
    assert "    maturity: 'complete'\n" in text
    assert '    maturity: "lovable"\n' in text
    assert text.count("maturity") == 2


def test_fix_in_a_flow_mapping_trims_the_spaces(tmp_path: Path):
    """In a flow mapping only the maturity's characters change, its spaces trimmed."""
    offerings = """
        - {id: jira, name: JIRA, maturity: "  Viable ", variants: [{id: custom}]}
        """
    assert _fixed(tmp_path, offerings) == HEAD + (
        '  - {id: jira, name: JIRA, maturity: "viable", variants: [{id: custom}]}\n'
    )


def test_fix_keeps_a_crlf_file_crlf(tmp_path: Path):
    """A file written with CR LF keeps its line breaks; only the value changes."""
    text = HEAD + "  - id: jira\n    name: JIRA\n    maturity: Minimal\n    variants:\n"
    text += "      - id: custom\n"
    write_catalog(tmp_path, {})
    (tmp_path / "integration.yaml").write_bytes(text.replace("\n", "\r\n").encode())
    assert fixed(tmp_path, "integration.yaml", "C004") == text.replace(
        "Minimal", "minimal"
    ).replace("\n", "\r\n")


def test_fix_refuses_an_anchored_or_aliased_maturity(tmp_path: Path):
    """A maturity its aliases repeat is left as it is: changing it would change them too."""
    offerings = """
        - id: jira
          name: JIRA
          maturity: &m Minimal
          variants:
            - id: custom
        - id: jenkins
          name: Jenkins
          maturity: *m
          variants:
            - id: custom
        """
    root = write_catalog(tmp_path, {"integration.yaml": category_file(offerings)})
    before = (root / "integration.yaml").read_text(encoding="utf-8")
    assert findings(root) == [
        ("C004", "integration.yaml", 7, 15),
        ("C004", "integration.yaml", 12, 15),
    ]
    assert fixed(root, "integration.yaml", "C004") == before


def test_fix_refuses_a_block_scalar(tmp_path: Path):
    """A maturity written as a block scalar is not rewritten in place."""
    offerings = """
        - id: jira
          name: JIRA
          maturity: |
            Minimal
          variants:
            - id: custom
        """
    root = write_catalog(tmp_path, {"integration.yaml": category_file(offerings)})
    before = (root / "integration.yaml").read_text(encoding="utf-8")
    assert fixed(root, "integration.yaml", "C004") == before


def test_fix_of_a_place_that_holds_no_maturity_does_nothing(tmp_path: Path):
    """A finding whose place is a mapping, another text or a number gets no edit."""
    offerings = """
        - id: jira
          name: JIRA
          maturity: Minimal
          delivery: {count: 3}
          variants:
            - id: custom
        """
    root = write_catalog(tmp_path, {"integration.yaml": category_file(offerings)})
    result = validate([root])
    [doc] = [doc for doc in result.catalogs[0].documents if doc.path.name == "integration.yaml"]
    context = FixContext(doc)
    [found] = [d for d in result.diagnostics if d.code == "C004"]
    assert len(maturity_case.fix(context, found)) == 1
    for pointer in ("/offerings/0", "/offerings/0/name", "/offerings/0/delivery/count", "/x"):
        moved = replace(found, location=replace(found.location, pointer=pointer))
        assert maturity_case.fix(context, moved) == [], pointer
