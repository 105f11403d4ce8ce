"""Hints that work: a hint's literal change, made to the failing file, leaves no new finding.

Each case is a catalog with one fault, the diagnostic it gets (code, place, exact hint), and
the change the hint names, made as the hint says it. After the change the fault is gone,
and nothing appears that was not there before.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import NamedTuple

import pytest
from test_registry import NOT_SELF_CONTAINED, _examples, _write_example

from helpers import LEVELS_YAML, write_catalog
from pscatalog.checks.checker import validate
from pscatalog.checks.config import Config
from pscatalog.rules.registry import RULES

MODELINE = "# yaml-language-server: $schema=../schema/category.schema.json\n"
EVIDENCE = "  evidence:\n    deliveries: 3\n"


class Case(NamedTuple):
    """A catalog with one fault, what it gets, and the change its hint names."""

    files: dict[str, str]
    code: str
    place: tuple[str, int, int]
    hint: str
    change: list[tuple[str, str, str]]
    """(file, text, replacement): the hint's change, as a person would make it."""
    config: Config = Config(ignore=("C301",))


HEADER = "id: integration\nname: Integration Services\nlevel: product\nofferings:\n"


def offering(body: str) -> dict[str, str]:
    """A category file whose offerings start at the first column: the texts below as written."""
    return {"x.yaml": HEADER + body}


CASES: dict[str, Case] = {
    "Y001 an over-indented key": Case(
        offering(
            "- id: jira\n  name: JIRA\n    maturity: minimal\n  variants:\n    - id: custom\n"
        ),
        "Y001",
        ("x.yaml", 7, 13),
        "indent this key as the keys beside it (it is indented more than they are)",
        [("x.yaml", "    maturity: minimal", "  maturity: minimal")],
    ),
    "Y001 a value holding ': '": Case(
        offering(
            "- id: jira\n  name: JIRA\n  maturity: minimal\n  summary: Setup: one day\n"
            "  variants:\n    - id: custom\n"
        ),
        "Y001",
        ("x.yaml", 8, 17),
        "quote the value: it contains ': '",
        [("x.yaml", "Setup: one day", '"Setup: one day"')],
    ),
    "Y002": Case(
        offering(
            "- id: jira\n  name: JIRA\n  name: Jira\n  maturity: minimal\n"
            "  variants:\n    - id: custom\n"
        ),
        "Y002",
        ("x.yaml", 7, 3),
        "remove one of the keys, or merge their values",
        [("x.yaml", "  name: Jira\n", "")],
    ),
    "Y003": Case(
        offering(
            "- id: jira\n  name: JIRA\n  maturity: minimal\n  summary: no\n"
            "  variants:\n    - id: custom\n"
        ),
        "Y003",
        ("x.yaml", 8, 12),
        'quote it: "no"',
        [("x.yaml", "summary: no", 'summary: "no"')],
    ),
    "Y003 under an enum is the schema's: one fault, one diagnostic": Case(
        offering("- id: jira\n  name: JIRA\n  maturity: yes\n  variants:\n    - id: custom\n"),
        "S004",
        ("x.yaml", 7, 13),
        "write one of 'planned', 'minimal', 'viable', 'complete', 'lovable'",
        [("x.yaml", "maturity: yes", "maturity: planned")],
    ),
    "Y003 under a boolean is the schema's": Case(
        offering(
            "- id: jira\n  name: JIRA\n  maturity: minimal\n  variants:\n    - id: custom\n"
            "      retired: yes\n"
        ),
        "S003",
        ("x.yaml", 10, 16),
        "write true (true or false, without quotes)",
        [("x.yaml", "retired: yes", "retired: true")],
    ),
    "Y004": Case(
        {
            "x.yaml": HEADER + "- id: jira\n  name: JIRA\n  maturity: minimal\n  variants:\n"
            "    - id: custom\n---\nid: other\n"
        },
        "Y004",
        ("x.yaml", 10, 1),
        "remove the '---' and what follows, or move it to a file of its own",
        [("x.yaml", "---\nid: other\n", "")],
    ),
    "Y005": Case(
        offering(
            "- id: jira\n  name: JIRA\n  maturity: minimal\n  summary: !note Setup\n"
            "  variants:\n    - id: custom\n"
        ),
        "Y005",
        ("x.yaml", 8, 12),
        "remove the tag, and write the value as plain data the field takes",
        [("x.yaml", "!note ", "")],
    ),
    "S001": Case(
        offering(
            "- id: jira\n  name: JIRA\n  maturity: minimal\n  descripton: Setup\n"
            "  variants:\n    - id: custom\n"
        ),
        "S001",
        ("x.yaml", 8, 3),
        "did you mean 'description'?",
        [("x.yaml", "descripton:", "description:")],
    ),
    "S001 a number a comma split in flow style": Case(
        offering(
            "- id: jira\n  name: JIRA\n  maturity: minimal\n  variants:\n    - id: custom\n"
            "      price: {amount: 25,000, currency: USD, unit: engagement}\n"
        ),
        "S001",
        ("x.yaml", 10, 26),
        "write 'amount: 25000' (a number without thousands separators)",
        [("x.yaml", "amount: 25,000", "amount: 25000")],
    ),
    "S002": Case(
        offering(
            "- id: jira\n  name: JIRA\n  variants:\n    - id: standard\n"
            "      sku: GL-JIRA\n      standard_sow: https://example.com/sow\n"
        ),
        "S002",
        ("x.yaml", 5, 3),
        "add 'maturity: minimal'",
        [("x.yaml", "  name: JIRA\n", "  name: JIRA\n  maturity: minimal\n")],
    ),
    "S003 a price written as text": Case(
        offering(
            "- id: jira\n  name: JIRA\n  maturity: minimal\n  variants:\n    - id: custom\n"
            '      price:\n        amount: "$14,400"\n        currency: USD\n        unit: block\n'
        ),
        "S003",
        ("x.yaml", 11, 17),
        "write 14400 (a number: no quotes, currency or separators)",
        [("x.yaml", '"$14,400"', "14400")],
    ),
    "S003 one link where a list belongs": Case(
        offering(
            "- id: jira\n  name: JIRA\n  maturity: minimal\n  evidence:\n"
            "    marketing_material: https://example.com/jira\n  variants:\n    - id: custom\n"
        ),
        "S003",
        ("x.yaml", 9, 25),
        'write it as a list: ["https://example.com/jira"]',
        [
            (
                "x.yaml",
                "marketing_material: https://example.com/jira",
                'marketing_material: ["https://example.com/jira"]',
            )
        ],
    ),
    "S003 a number where a name belongs": Case(
        offering("- id: jira\n  name: 1984\n  maturity: minimal\n  variants:\n    - id: custom\n"),
        "S003",
        ("x.yaml", 6, 9),
        'quote the value: "1984"',
        [("x.yaml", "name: 1984", 'name: "1984"')],
    ),
    "S003 true where a maturity belongs": Case(
        offering("- id: jira\n  name: JIRA\n  maturity: true\n  variants:\n    - id: custom\n"),
        "S003",
        ("x.yaml", 7, 13),
        "write one of 'planned', 'minimal', 'viable', 'complete', 'lovable'",
        [("x.yaml", "maturity: true", "maturity: planned")],
    ),
    "S004": Case(
        offering(
            "- id: jira\n  name: JIRA\n  maturity: minimal\n  variants:\n    - id: custom\n"
            "      delivery: onsite\n"
        ),
        "S004",
        ("x.yaml", 10, 17),
        "did you mean 'on-site'?",
        [("x.yaml", "onsite", "on-site")],
    ),
    "S005": Case(
        offering(
            "- id: Jira-Cloud\n  name: JIRA\n  maturity: minimal\n  variants:\n    - id: custom\n"
        ),
        "S005",
        ("x.yaml", 5, 7),
        "write 'jira-cloud'",
        [("x.yaml", "Jira-Cloud", "jira-cloud")],
    ),
    "S005 a slug YAML 1.1 reads as false": Case(
        offering("- id: 'No'\n  name: JIRA\n  maturity: minimal\n  variants:\n    - id: custom\n"),
        "S005",
        ("x.yaml", 5, 7),
        'write "no" (with the quotes)',
        [("x.yaml", "'No'", '"no"')],
    ),
    "S006 a repeated item": Case(
        offering(
            "- id: jira\n  name: JIRA\n  maturity: minimal\n  stages: [Plan, Plan]\n"
            "  variants:\n    - id: custom\n"
        ),
        "S006",
        ("x.yaml", 8, 11),
        "remove the repeated item",
        [("x.yaml", "[Plan, Plan]", "[Plan]")],
    ),
    "C001": Case(
        offering("- id: jira\n  name: JIRA\n  maturity: minimal\n  variants:\n    - id: remote\n"),
        "C001",
        ("x.yaml", 8, 3),
        "add a variant 'custom' (sold with a custom SOW)",
        [("x.yaml", "    - id: remote\n", "    - id: custom\n    - id: remote\n")],
    ),
    "C001 with a variant ready to be standard": Case(
        offering(
            "- id: jira\n  name: JIRA\n  maturity: minimal\n  variants:\n    - id: remote\n"
            "      sku: GL-JIRA\n      standard_sow: https://example.com/sow\n"
        ),
        "C001",
        ("x.yaml", 8, 3),
        "add a variant 'custom' (sold with a custom SOW), or rename variant 'remote' "
        "(it has a SKU and a standard SOW) 'standard'",
        [("x.yaml", "id: remote", "id: standard")],
    ),
    "C002 a SKU without its SOW": Case(
        offering(
            "- id: jira\n  name: JIRA\n  maturity: minimal\n  variants:\n    - id: standard\n"
            "      sku: GL-JIRA\n"
        ),
        "C002",
        ("x.yaml", 9, 7),
        "add 'standard_sow'",
        [("x.yaml", "sku: GL-JIRA\n", "sku: GL-JIRA\n      standard_sow: https://example.com/s\n")],
    ),
    "C002 neither SKU nor SOW": Case(
        offering(
            "- id: jira\n  name: JIRA\n  maturity: minimal\n  variants:\n    - id: standard\n"
        ),
        "C002",
        ("x.yaml", 9, 7),
        "add 'sku' and 'standard_sow', or rename the variant to 'custom' if it is sold with a "
        "custom SOW",
        [("x.yaml", "id: standard", "id: custom")],
    ),
    "C003": Case(
        offering(
            "- id: jira\n  name: JIRA\n  maturity: minimal\n  variants:\n    - id: custom\n"
            "      sku: GL-JIRA\n"
        ),
        "C003",
        ("x.yaml", 10, 7),
        "remove the 'sku' (a custom variant is sold with a custom SOW)",
        [("x.yaml", "      sku: GL-JIRA\n", "")],
    ),
    "C003 with a standard SOW": Case(
        offering(
            "- id: jira\n  name: JIRA\n  maturity: minimal\n  variants:\n    - id: custom\n"
            "      sku: GL-JIRA\n      standard_sow: https://example.com/sow\n"
        ),
        "C003",
        ("x.yaml", 10, 7),
        "remove the 'sku' (a custom variant is sold with a custom SOW), or rename the variant "
        "'standard' (it has a standard SOW)",
        [("x.yaml", "id: custom", "id: standard")],
    ),
    "C004": Case(
        offering("- id: jira\n  name: JIRA\n  maturity: Minimal\n  variants:\n    - id: custom\n"),
        "C004",
        ("x.yaml", 7, 13),
        "write 'minimal'",
        [("x.yaml", "Minimal", "minimal")],
    ),
    "C005": Case(
        offering(
            "- id: jira\n  name: JIRA\n  maturity: minimal\n  variants:\n    - id: custom\n"
            "    - id: remote\n      sku: GL-JIRA-R\n"
        ),
        "C005",
        ("x.yaml", 11, 7),
        "add the link to the variant's standard SOW as 'standard_sow'",
        [("x.yaml", "GL-JIRA-R\n", "GL-JIRA-R\n      standard_sow: https://example.com/sow\n")],
    ),
    "C201": Case(
        {
            "x.yaml": HEADER.replace("product", "products") + "- id: jira\n  name: JIRA\n"
            "  maturity: minimal\n  variants:\n    - id: custom\n"
        },
        "C201",
        ("x.yaml", 3, 8),
        "did you mean 'product'?",
        [("x.yaml", "level: products", "level: product")],
    ),
    "M001 on a custom variant": Case(
        offering(
            "- id: jira\n  name: JIRA\n  maturity: planned\n  variants:\n    - id: custom\n"
            "      sku: GL-JIRA\n"
        ),
        "M001",
        ("x.yaml", 10, 7),
        "remove the SKU until the offering is sold",
        [("x.yaml", "      sku: GL-JIRA\n", "")],
    ),
    "M001 on a standard variant": Case(
        offering(
            "- id: jira\n  name: JIRA\n  maturity: planned\n  variants:\n    - id: standard\n"
            "      sku: GL-JIRA\n      standard_sow: https://example.com/sow\n"
        ),
        "M001",
        ("x.yaml", 10, 7),
        "remove the SKU until the offering is sold, or raise the maturity one step, to "
        "'minimal', if it is sold now",
        [("x.yaml", "maturity: planned", "maturity: minimal")],
    ),
    "M001 on an offering whose evidence supports more": Case(
        # One step still: 'viable' in the same change would be D001's jump.
        offering(
            "- id: jira\n  name: JIRA\n  maturity: planned\n" + EVIDENCE + "  variants:\n"
            "    - id: standard\n      sku: GL-JIRA\n      standard_sow: https://example.com/sow\n"
        ),
        "M001",
        ("x.yaml", 12, 7),
        "remove the SKU until the offering is sold, or raise the maturity one step, to "
        "'minimal', if it is sold now",
        [("x.yaml", "maturity: planned", "maturity: minimal")],
    ),
    "M002": Case(
        offering("- id: jira\n  name: JIRA\n  maturity: viable\n  variants:\n    - id: custom\n"),
        "M002",
        ("x.yaml", 7, 13),
        "record the number of deliveries as 'evidence.deliveries', or lower the maturity to "
        "'minimal' and say why in 'maturity_reason'",
        [
            (
                "x.yaml",
                "maturity: viable\n",
                "maturity: minimal\n  maturity_reason: No delivery yet\n",
            )
        ],
    ),
    "M005": Case(
        offering(
            "- id: jira\n  name: JIRA\n  maturity: complete\n" + EVIDENCE + "  variants:\n"
            "    - id: custom\n      price:\n        amount: 300\n        currency: USD\n"
            "        unit: day\n"
        ),
        "M005",
        ("x.yaml", 7, 13),
        "add a 'duration' to the custom variant, or lower the maturity to 'viable' and say why "
        "in 'maturity_reason'",
        [
            (
                "x.yaml",
                "maturity: complete\n",
                "maturity: viable\n  maturity_reason: Timing varies\n",
            )
        ],
    ),
    "M006": Case(
        offering(
            "- id: jira\n  name: JIRA\n  maturity: complete\n" + EVIDENCE + "  variants:\n"
            "    - id: custom\n      duration:\n        value: 3\n        unit: day\n"
            "      price:\n        amount: 3000\n        currency: USD\n        unit: engagement\n"
        ),
        "M006",
        ("x.yaml", 15, 7),
        "make the price a day rate ('unit: day'), or a range ('min' and 'max' instead of "
        "'amount'), or lower the maturity to 'viable' and say why in 'maturity_reason'",
        [("x.yaml", "unit: engagement", "unit: day")],
    ),
    "N001": Case(
        offering(
            "- id: jira\n  name: JIRA\n  maturity: minimal  # pscatalog: ignore[C004] kept\n"
            "  variants:\n    - id: custom\n"
        ),
        "N001",
        ("x.yaml", 7, 22),
        "remove it (or the codes that no longer occur)",
        [("x.yaml", "  # pscatalog: ignore[C004] kept", "")],
    ),
    "N002": Case(
        offering(
            "- id: jira\n  name: JIRA\n  maturity: Minimal  # pscatalog: ignore[C004]\n"
            "  variants:\n    - id: custom\n"
        ),
        "N002",
        ("x.yaml", 7, 22),
        "say why after the bracket: '# pscatalog: ignore[C004] <why it is right here>'",
        [("x.yaml", "ignore[C004]", "ignore[C004] the order system's spelling")],
    ),
    "N003": Case(
        offering(
            "- id: jira\n  name: JIRA\n  maturity: Minimal  # pscatalog: ignore[C04] kept\n"
            "  variants:\n    - id: custom\n"
        ),
        "N003",
        ("x.yaml", 7, 22),
        "did you mean 'C004'?",
        [("x.yaml", "ignore[C04]", "ignore[C004]")],
    ),
    "C301": Case(
        offering("- id: jira\n  name: JIRA\n  maturity: minimal\n  variants:\n    - id: custom\n"),
        "C301",
        ("x.yaml", 1, 1),
        "make the first line '# yaml-language-server: $schema=../schema/category.schema.json'",
        [("x.yaml", "id: integration\n", MODELINE + "id: integration\n")],
        Config(),
    ),
}


def _counts(root: Path, config: Config) -> tuple[Counter[str], list[object]]:
    diagnostics = validate([root], config=config).diagnostics
    return Counter(d.code for d in diagnostics), diagnostics


@pytest.mark.parametrize("name", sorted(CASES))
def test_hint_leads_to_a_passing_file(tmp_path: Path, name: str) -> None:
    """The diagnostic's hint is exact; the change it names removes the fault, adds nothing."""
    case = CASES[name]
    root = write_catalog(tmp_path / "catalog", case.files)
    if case.config.ignore == ():
        _schemas(tmp_path)
        for base in ("levels.yaml", "a-product.yaml", "b-adoption.yaml", "c-transformation.yaml"):
            path = root / base
            kind = "levels" if base == "levels.yaml" else "category"
            modeline = MODELINE.replace("category", kind)
            path.write_text(modeline + path.read_text(encoding="utf-8"), encoding="utf-8")
    before, diagnostics = _counts(root, case.config)
    found = [d for d in diagnostics if d.code == case.code]  # type: ignore[attr-defined]
    assert [
        (Path(d.location.file).name, d.location.line, d.location.column, d.hint) for d in found
    ] == [(*case.place, case.hint)]
    for file, text, replacement in case.change:
        path = root / file
        content = path.read_text(encoding="utf-8")
        assert content.count(text) == 1, text
        path.write_text(content.replace(text, replacement), encoding="utf-8")
    after, _ = _counts(root, case.config)
    assert after[case.code] < before[case.code]
    assert not after - before, f"new findings: {after - before}"


def _schemas(folder: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pscatalog", "schema", "--output", str(folder / "schema")],
        check=True,
        capture_output=True,
    )


def test_modeline_to_a_missing_schema_says_to_write_the_schemas(in_tmp: Path) -> None:
    """C301 on a modeline whose file is missing: the hint is the command that writes it."""
    write_catalog(in_tmp / "catalog", {"x.yaml": MODELINE + "id: x\n"}, base=False)
    (in_tmp / "catalog" / "levels.yaml").write_text(
        MODELINE.replace("category", "levels") + LEVELS_YAML, encoding="utf-8"
    )
    diagnostics = validate(["catalog"], config=Config()).diagnostics
    hints = {d.hint for d in diagnostics if d.code == "C301"}
    assert hints == {"write the current schemas there: 'pscatalog schema --output schema'"}
    _schemas(in_tmp)
    assert not [d for d in validate(["catalog"], config=Config()).diagnostics if d.code == "C301"]


def test_level_without_category_never_says_remove_one_of_three(tmp_path: Path) -> None:
    """C203 in a catalog of three levels: removing one would leave two (C202), so it is not said."""
    root = write_catalog(tmp_path / "catalog", {"c-transformation.yaml": ""})
    (root / "c-transformation.yaml").unlink()
    found = [d for d in validate([root]).diagnostics if d.code == "C203"]
    assert [(d.location.line, d.hint) for d in found] == [
        (10, "add a category file with 'level: transformation'")
    ]


@pytest.mark.parametrize("code", sorted(RULES))
def test_each_rule_hints_at_its_failing_example_without_placeholders(
    tmp_path: Path, code: str
) -> None:
    """Each rule's docstring example gets a hint, with no placeholder to fill ('CODE', 'PAGE')."""
    examples = _examples(code, "Failing")
    if not examples or (code, "Failing") in NOT_SELF_CONTAINED:
        pytest.skip("no self-contained failing example")
    _write_example(tmp_path, examples[0])
    found = [d for d in validate([tmp_path], config=Config()).diagnostics if d.code == code]
    assert found
    for diagnostic in found:
        assert diagnostic.hint, diagnostic
        assert not re.search(r"\b(CODE|PAGE|VIEW|X+)\b|\.\.\.", diagnostic.hint), diagnostic.hint
