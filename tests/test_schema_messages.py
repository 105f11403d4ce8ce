"""Schema errors: one diagnostic per fault, at the value, in words for the person editing."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from helpers import LEVELS_YAML, category_file, findings, write_catalog
from pscatalog.checks.checker import validate
from pscatalog.diagnostics import Severity

Described = tuple[str, str, int, int, str, str, str | None]
"""(code, file name, line, column, pointer, message, hint) of a diagnostic."""

DURATION_DESCRIPTION = (
    "How long one delivery takes: either a fixed length (value) or a range (min and max), "
    "in the given unit."
)
PRICE_DESCRIPTION = (
    "The list price: either a fixed amount or a range (min and max), in a currency, "
    "for one unit of what is sold."
)


def described(tmp_path: Path, files: dict[str, str]) -> list[Described]:
    """Validate the base catalog plus ``files``; describe every diagnostic in full."""
    root = write_catalog(tmp_path / "catalog", files)
    result = validate([root])
    for diagnostic in result.diagnostics:
        assert diagnostic.severity is Severity.ERROR
    return [
        (
            d.code,
            Path(d.location.file).name,
            d.location.line,
            d.location.column,
            d.location.pointer,
            d.message,
            d.hint,
        )
        for d in result.diagnostics
    ]


def integration(offerings: str) -> dict[str, str]:
    """An integration.yaml whose offerings block starts at line 5."""
    return {"integration.yaml": category_file(offerings)}


# -- S001 unknown key


def test_unknown_key_with_a_close_match_suggests_it(tmp_path: Path) -> None:
    """A misspelt key is S001 at the key, with 'did you mean' the known key."""
    files = integration(
        """
        - id: jira
          name: JIRA
          maturity: minimal
          sumary: Set up the Jira integration
          variants:
            - id: custom
        """
    )
    assert described(tmp_path, files) == [
        (
            "S001",
            "integration.yaml",
            8,
            5,
            "/offerings/0/sumary",
            "unknown key 'sumary'",
            "did you mean 'summary'?",
        )
    ]


def test_unknown_key_without_a_close_match_lists_the_allowed_keys(tmp_path: Path) -> None:
    """An unknown key like nothing known is S001 at the key, with the keys allowed there."""
    files = integration(
        """
        - id: jira
          name: JIRA
          maturity: minimal
          variants:
            - id: custom
              colour: red
        """
    )
    assert described(tmp_path, files) == [
        (
            "S001",
            "integration.yaml",
            10,
            9,
            "/offerings/0/variants/0/colour",
            "unknown key 'colour'",
            "allowed keys here: 'id', 'name', 'description', 'sku', 'standard_sow', "
            "'retired', 'delivery', 'deployment', 'clearance', 'class_size', 'duration', 'price'",
        )
    ]


def test_unknown_key_in_the_levels_file(tmp_path: Path) -> None:
    """The levels file has its own schema: an unknown key on a level is S001 at that key."""
    levels = LEVELS_YAML.replace(
        "    persona: The platform owner\n",
        "    persona: The platform owner\n    buyer: CTO\n",
    )
    assert described(tmp_path, {"levels.yaml": levels}) == [
        (
            "S001",
            "levels.yaml",
            6,
            5,
            "/levels/0/buyer",
            "unknown key 'buyer'",
            "allowed keys here: 'id', 'name', 'rank', 'persona', 'description'",
        )
    ]


# -- S002 missing key


def test_a_missing_rank_names_the_ranks_not_one_taken(tmp_path: Path) -> None:
    """Each rank belongs to one level: the hint names them all, not 'rank: 1' for every level."""
    levels = LEVELS_YAML.replace("    rank: 2\n", "")
    assert described(tmp_path, {"levels.yaml": levels}) == [
        (
            "S002",
            "levels.yaml",
            6,
            5,
            "/levels/1",
            "level 'adoption' is missing the required key 'rank'",
            "add 'rank' (1, 2 or 3: the one no other level has)",
        )
    ]


def test_missing_key_is_reported_at_the_key_that_holds_the_mapping(tmp_path: Path) -> None:
    """A price without currency is S002 at the 'price' key."""
    files = integration(
        """
        - id: jira
          name: JIRA
          maturity: minimal
          variants:
            - id: custom
              price:
                amount: 2400
                unit: day
        """
    )
    assert described(tmp_path, files) == [
        (
            "S002",
            "integration.yaml",
            10,
            9,
            "/offerings/0/variants/0/price",
            "'price' is missing the required key 'currency'",
            "add 'currency: USD'",
        )
    ]


def test_missing_key_of_a_list_item_is_reported_at_the_item(tmp_path: Path) -> None:
    """A variant without id is S002 at the list item, named as that item."""
    files = integration(
        """
        - id: jira
          name: JIRA
          maturity: minimal
          variants:
            - name: Remote delivery
            - id: custom
        """
    )
    assert described(tmp_path, files) == [
        (
            "S002",
            "integration.yaml",
            9,
            9,
            "/offerings/0/variants/0",
            "variant 1 is missing the required key 'id'",
            "add 'id'",
        )
    ]


def test_several_missing_keys_are_one_diagnostic(tmp_path: Path) -> None:
    """An offering missing name and maturity gets one S002 naming both keys."""
    files = integration(
        """
        - id: jira
          variants:
            - id: custom
        """
    )
    assert described(tmp_path, files) == [
        (
            "S002",
            "integration.yaml",
            5,
            5,
            "/offerings/0",
            "offering 'jira' is missing the required keys 'name', 'maturity'",
            "add 'name', 'maturity: minimal'",
        )
    ]


def test_missing_top_level_key_is_reported_at_the_start_of_the_document(tmp_path: Path) -> None:
    """A category file without 'level' is S002 at 1:1, for the whole document."""
    text = category_file(
        """
        - id: jira
          name: JIRA
          maturity: minimal
          variants:
            - id: custom
        """
    ).replace("level: product\n", "")
    assert described(tmp_path, {"integration.yaml": text}) == [
        (
            "S002",
            "integration.yaml",
            1,
            1,
            "",
            "the document is missing the required key 'level'",
            "add 'level'",
        )
    ]


# -- S003 wrong type


def test_price_written_as_text_asks_for_the_number_without_quotes(tmp_path: Path) -> None:
    """amount: "$14,400" is S003 at the value, with the hint to write the number unquoted."""
    files = integration(
        """
        - id: jira
          name: JIRA
          maturity: minimal
          variants:
            - id: custom
              price:
                amount: "$14,400"
                currency: USD
                unit: engagement
        """
    )
    assert described(tmp_path, files) == [
        (
            "S003",
            "integration.yaml",
            11,
            19,
            "/offerings/0/variants/0/price/amount",
            "'amount' must be a number, not '$14,400'",
            "write 14400 (a number: no quotes, currency or separators)",
        )
    ]


def test_name_written_as_a_number_asks_for_quotes(tmp_path: Path) -> None:
    """name: 42 is S003 at the value, with the hint to quote it."""
    files = integration(
        """
        - id: jira
          name: 42
          maturity: minimal
          variants:
            - id: custom
        """
    )
    assert described(tmp_path, files) == [
        (
            "S003",
            "integration.yaml",
            6,
            11,
            "/offerings/0/name",
            "'name' must be a string, not 42",
            'quote the value: "42"',
        )
    ]


def test_wrong_type_of_a_list_item_names_the_item(tmp_path: Path) -> None:
    """A number among the stages is S003 at that item, named as item N of 'stages'."""
    files = integration(
        """
        - id: jira
          name: JIRA
          maturity: minimal
          stages:
            - Plan
            - 1
          variants:
            - id: custom
        """
    )
    assert described(tmp_path, files) == [
        (
            "S003",
            "integration.yaml",
            10,
            9,
            "/offerings/0/stages/1",
            "stage 2 must be a string, not 1",
            'quote the value: "1"',
        )
    ]


def test_document_that_is_not_a_mapping(tmp_path: Path) -> None:
    """A category file holding a list is S003 for the whole document."""
    assert described(tmp_path, {"integration.yaml": "- a\n- b\n"}) == [
        ("S003", "integration.yaml", 1, 1, "", "the document must be a mapping, not a list", None)
    ]


# -- S004 invalid value


def test_enum_value_close_to_an_allowed_one_suggests_it(tmp_path: Path) -> None:
    """delivery: onsite is S004 at the value, with 'did you mean' 'on-site'."""
    files = integration(
        """
        - id: jira
          name: JIRA
          maturity: minimal
          variants:
            - id: custom
              delivery: onsite
        """
    )
    assert described(tmp_path, files) == [
        (
            "S004",
            "integration.yaml",
            10,
            19,
            "/offerings/0/variants/0/delivery",
            "'delivery' is 'onsite', not one of 'remote', 'on-site', 'hybrid', 'self-paced'",
            "did you mean 'on-site'?",
        )
    ]


def test_const_value(tmp_path: Path) -> None:
    """schema_version: 2 is S004 at the value: it must be 1."""
    text = "schema_version: 2\n" + category_file(
        """
        - id: jira
          name: JIRA
          maturity: minimal
          variants:
            - id: custom
        """
    )
    assert described(tmp_path, {"integration.yaml": text}) == [
        (
            "S004",
            "integration.yaml",
            1,
            17,
            "/schema_version",
            "'schema_version' must be 1, not 2",
            "write 1",
        )
    ]


# -- S005 bad format


def test_bad_slug_suggests_the_slugified_id(tmp_path: Path) -> None:
    """id: Jira Cloud is S005 at the value, with the slug to write instead."""
    files = integration(
        """
        - id: Jira Cloud
          name: JIRA
          maturity: minimal
          variants:
            - id: custom
        """
    )
    assert described(tmp_path, files) == [
        (
            "S005",
            "integration.yaml",
            5,
            9,
            "/offerings/0/id",
            "'id' 'Jira Cloud' is not a lowercase slug (letters, digits and single hyphens)",
            "write 'jira-cloud'",
        )
    ]


def test_bad_sku_suggests_the_uppercase_sku(tmp_path: Path) -> None:
    """sku: gl_jira is S005 at the value, with the SKU to write instead."""
    files = integration(
        """
        - id: jira
          name: JIRA
          maturity: minimal
          variants:
            - id: standard
              sku: gl_jira
              standard_sow: https://docs.example.com/sow/jira
        """
    )
    assert described(tmp_path, files) == [
        (
            "S005",
            "integration.yaml",
            10,
            14,
            "/offerings/0/variants/0/sku",
            "'sku' 'gl_jira' is not an uppercase SKU such as 'GL-JIRA'",
            "write 'GL-JIRA'",
        )
    ]


def test_empty_name_and_bad_date(tmp_path: Path) -> None:
    """An empty name and a date not written YYYY-MM-DD are each S005 at their value."""
    files = integration(
        """
        - id: jira
          name: ""
          maturity: minimal
          evidence:
            last_delivered: "28/10/2022"
          variants:
            - id: custom
        """
    )
    assert described(tmp_path, files) == [
        ("S005", "integration.yaml", 6, 11, "/offerings/0/name", "'name' must not be empty", None),
        (
            "S005",
            "integration.yaml",
            9,
            23,
            "/offerings/0/evidence/last_delivered",
            "'last_delivered' '28/10/2022' is not a date written YYYY-MM-DD",
            None,
        ),
    ]


# -- S006 out of range


def test_nps_above_100_is_out_of_range(tmp_path: Path) -> None:
    """An NPS score of 140 is S006 at the score."""
    files = integration(
        """
        - id: jira
          name: JIRA
          maturity: minimal
          evidence:
            nps:
              score: 140
          variants:
            - id: custom
        """
    )
    assert described(tmp_path, files) == [
        (
            "S006",
            "integration.yaml",
            10,
            16,
            "/offerings/0/evidence/nps/score",
            "'score' must be at most 100, not 140",
            None,
        )
    ]


def test_negative_deliveries_are_out_of_range(tmp_path: Path) -> None:
    """deliveries: -1 is S006 at the value."""
    files = integration(
        """
        - id: jira
          name: JIRA
          maturity: minimal
          evidence:
            deliveries: -1
          variants:
            - id: custom
        """
    )
    assert described(tmp_path, files) == [
        (
            "S006",
            "integration.yaml",
            9,
            19,
            "/offerings/0/evidence/deliveries",
            "'deliveries' must be at least 0, not -1",
            None,
        )
    ]


def test_negative_deliveries_of_a_viable_offering_are_one_diagnostic(tmp_path: Path) -> None:
    """A negative count is malformed evidence: the schema reports it (S006), the rule stays silent."""
    files = integration(
        """
        - id: jira
          name: JIRA
          maturity: viable
          evidence:
            deliveries: -1
            marketing_material:
              - https://about.example.com/jira
            execution_plan: https://docs.example.com/plan/jira
          variants:
            - id: custom
        """
    )
    assert findings(write_catalog(tmp_path / "catalog", files)) == [
        ("S006", "integration.yaml", 9, 19)
    ]


def test_empty_list_is_out_of_range(tmp_path: Path) -> None:
    """offerings: [] is S006 at the list: a category has at least one offering."""
    text = "id: integration\nname: Integration Services\nlevel: product\nofferings: []\n"
    assert described(tmp_path, {"integration.yaml": text}) == [
        (
            "S006",
            "integration.yaml",
            4,
            12,
            "/offerings",
            "'offerings' must have at least 1 item",
            "add an item",
        )
    ]


# -- S007 other schema violations (oneOf)


def test_duration_with_both_value_and_range(tmp_path: Path) -> None:
    """A duration with value and min/max is S007 at the duration: it matches both forms."""
    files = integration(
        """
        - id: jira
          name: JIRA
          maturity: minimal
          variants:
            - id: custom
              duration:
                value: 3
                min: 1
                max: 5
                unit: day
        """
    )
    assert described(tmp_path, files) == [
        (
            "S007",
            "integration.yaml",
            11,
            11,
            "/offerings/0/variants/0/duration",
            "'duration' matches more than one allowed form",
            DURATION_DESCRIPTION,
        )
    ]


def test_price_with_neither_amount_nor_range(tmp_path: Path) -> None:
    """A price with no amount and no min/max is S007 naming the keys it needs."""
    files = integration(
        """
        - id: jira
          name: JIRA
          maturity: minimal
          variants:
            - id: custom
              price:
                currency: USD
                unit: day
        """
    )
    assert described(tmp_path, files) == [
        (
            "S007",
            "integration.yaml",
            11,
            11,
            "/offerings/0/variants/0/price",
            "'price' needs 'amount' or 'min' and 'max'",
            None,
        )
    ]


def test_price_with_both_amount_and_range(tmp_path: Path) -> None:
    """A price with an amount and min/max is S007 at the price: it matches both forms."""
    files = integration(
        """
        - id: jira
          name: JIRA
          maturity: minimal
          variants:
            - id: custom
              price:
                amount: 2400
                min: 2000
                max: 3000
                currency: USD
                unit: day
        """
    )
    assert described(tmp_path, files) == [
        (
            "S007",
            "integration.yaml",
            11,
            11,
            "/offerings/0/variants/0/price",
            "'price' matches more than one allowed form",
            PRICE_DESCRIPTION,
        )
    ]


# -- every error, in one run


def test_all_errors_of_all_files_are_reported_in_one_run(tmp_path: Path) -> None:
    """Several errors in several files are all reported, not only the first."""
    levels = LEVELS_YAML.replace("    rank: 3\n", "    rank: 4\n")
    integration_file = category_file(
        """
        - id: jira
          name: 42
          maturity: minimal
          variants:
            - id: custom
              delivery: onsite
        """
    )
    migration_file = category_file(
        """
        - id: github
          name: GitHub migration
          maturity: minimal
          colour: red
          variants:
            - id: standard
              sku: gl_mig
              standard_sow: https://docs.example.com/sow/github
        """,
        category_id="migration",
    )
    root = write_catalog(
        tmp_path / "catalog",
        {
            "levels.yaml": levels,
            "integration.yaml": integration_file,
            "migration.yaml": migration_file,
        },
    )
    assert findings(root) == [
        ("S003", "integration.yaml", 6, 11),
        ("S004", "integration.yaml", 10, 19),
        ("S004", "levels.yaml", 12, 11),
        ("S001", "migration.yaml", 8, 5),
        ("S005", "migration.yaml", 11, 14),
    ]


@pytest.mark.parametrize(
    ("price_or_duration", "pointer"),
    [
        ("duration:\n  value: 3\n  min: 1\n  max: 5\n  unit: day\n", "duration"),
        ("price:\n  currency: USD\n  unit: day\n", "price"),
        ("price:\n  amount: 1\n  min: 1\n  max: 2\n  currency: USD\n  unit: day\n", "price"),
    ],
)
def test_form_errors_are_s007_at_the_mapping(
    tmp_path: Path, price_or_duration: str, pointer: str
) -> None:
    """A price or duration in neither or both forms is one S007 where its mapping starts."""
    block = textwrap.indent(price_or_duration, " " * 6)
    offerings = (
        "- id: jira\n  name: JIRA\n  maturity: minimal\n  variants:\n    - id: custom\n" + block
    )
    result = described(tmp_path, {"integration.yaml": category_file(offerings)})
    assert [entry[:5] for entry in result] == [
        ("S007", "integration.yaml", 11, 11, f"/offerings/0/variants/0/{pointer}")
    ]


def test_an_item_without_an_id_is_named_by_its_place(tmp_path: Path) -> None:
    """An offering that has no id is named by its position, counted from 1."""
    text = category_file("- name: Nameless\n  maturity: minimal\n  variants:\n    - id: custom\n")
    root = write_catalog(tmp_path / "catalog", {"integration.yaml": text})
    [finding] = [d for d in validate([root]).diagnostics if d.code == "S002"]
    assert finding.message == "offering 1 is missing the required key 'id'"


@pytest.mark.parametrize(
    ("written", "read", "quoted"),
    [("1.10", "1.1", '"1.10"'), ("1e3", "1000.0", '"1e3"'), ("0x1F", "31", '"0x1F"')],
)
def test_quote_hint_quotes_the_value_as_written(
    tmp_path: Path, written: str, read: str, quoted: str
) -> None:
    """A version written 1.10 is read as 1.1: the hint quotes what was typed, not what was read."""
    files = integration(
        f"""
        - id: jira
          name: {written}  # the version
          maturity: minimal
          variants:
            - id: custom
        """
    )
    assert described(tmp_path, files) == [
        (
            "S003",
            "integration.yaml",
            6,
            11,
            "/offerings/0/name",
            f"'name' must be a string, not {read}",
            f"quote the value: {quoted}",
        )
    ]
