from pathlib import Path

import pytest

from helpers import category_file, findings, write_catalog
from pscatalog.checks.checker import validate
from pscatalog.diagnostics import Diagnostic, Location, Related, Severity


def _offering(name: str) -> str:
    return category_file(
        f"""
        - id: other-implementation
          name: {name}
          maturity: minimal
          variants:
            - id: custom
        """
    )


def test_name_used_in_another_file_is_reported_at_the_repeat(tmp_path: Path):
    """An offering named like one in another file gets one C104 at the repeat only."""
    root = write_catalog(tmp_path, {"x.yaml": _offering("Base implementation")})
    assert findings(root) == [("C104", "x.yaml", 6, 11)]


def test_names_are_compared_without_letter_case(tmp_path: Path):
    """'BASE Implementation' repeats 'Base implementation'."""
    root = write_catalog(tmp_path, {"x.yaml": _offering("BASE Implementation")})
    assert findings(root) == [("C104", "x.yaml", 6, 11)]


def test_names_are_compared_without_surrounding_spaces(tmp_path: Path):
    """A quoted name with spaces around it repeats the name without them."""
    root = write_catalog(tmp_path, {"x.yaml": _offering('"  Base implementation "')})
    assert findings(root) == [("C104", "x.yaml", 6, 11)]


def test_name_repeated_in_one_file_is_reported_at_the_second(tmp_path: Path):
    """Two offerings of one file named alike give one C104, at the second."""
    root = write_catalog(
        tmp_path,
        {
            "x.yaml": category_file(
                """
                - id: dedicated-engineer
                  name: Dedicated Engineer
                  maturity: minimal
                  variants:
                    - id: custom
                - id: cleared-engineer
                  name: Dedicated engineer
                  maturity: minimal
                  variants:
                    - id: custom
                """,
                level="transformation",
                category_id="engineers",
            )
        },
    )
    assert findings(root) == [("C104", "x.yaml", 11, 11)]


def test_distinct_names_pass(tmp_path: Path):
    """A name that only contains another one passes."""
    root = write_catalog(tmp_path, {"x.yaml": _offering("Base implementation (Cleared)")})
    assert findings(root) == []


def test_repeat_quotes_the_name_as_written_and_points_at_the_first(in_tmp: Path):
    """C104 quotes the repeat as written, with the first offering's name as related."""
    write_catalog(in_tmp / "catalog", {"x.yaml": _offering("BASE Implementation")})
    assert validate(["catalog"]).diagnostics == [
        Diagnostic(
            "C104",
            Severity.ERROR,
            "offering name 'BASE Implementation' is already used",
            Location("catalog/x.yaml", 6, 11, "/offerings/0/name"),
            "rename one of the offerings",
            (
                Related(
                    Location("catalog/a-product.yaml", 6, 11, "/offerings/0/name"),
                    "already used here",
                ),
            ),
        )
    ]


def test_named_files_show_the_duplicates_that_involve_them(tmp_path: Path):
    """Naming the first file shows the repeat in x.yaml; naming an unrelated file does not."""
    root = write_catalog(tmp_path, {"x.yaml": _offering("base implementation")})
    assert findings(root, root / "x.yaml") == [("C104", "x.yaml", 6, 11)]
    assert findings(root, root / "a-product.yaml") == [("C104", "a-product.yaml", 6, 11)]
    assert findings(root, root / "c-transformation.yaml") == []


@pytest.mark.parametrize(
    "written",
    [
        '"Base imple\\u200bmentation"',  # a zero-width space
        '"Base imple\\u00admentation"',  # a soft hyphen
        '"Base\\u2060 implementation"',  # a word joiner
        '"Base  implementation"',  # two spaces
        '"Base\\u00a0implementation"',  # a no-break space
        "\uff22ase implementation",  # a full-width B
        '"Base implementation\\U000e0041"',  # a tag character
    ],
)
def test_names_that_read_alike_are_the_same_name(tmp_path: Path, written: str):
    """Characters a reader cannot see, or sees as another, do not make a name new."""
    root = write_catalog(tmp_path, {"x.yaml": _offering(written)})
    assert findings(root) == [("C104", "x.yaml", 6, 11)]


def test_invisible_characters_are_shown_as_escapes(in_tmp: Path):
    """The message shows what makes the name look the same: the escape of the character."""
    write_catalog(in_tmp / "catalog", {"x.yaml": _offering('"Base imple\\u200bmentation"')})
    [diagnostic] = validate(["catalog"]).diagnostics
    assert diagnostic.message == "offering name 'Base imple\\u200bmentation' is already used"
