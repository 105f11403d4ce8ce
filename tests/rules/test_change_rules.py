"""The change rules D001-D004 (`pscatalog diff --check`): each finding, its place and its words.

Each case is an old and a new version of one category file (the base files
around it unchanged); the findings are those of ``check_changes``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import category_file, write_catalog
from pscatalog.catalog.model import load_catalog
from pscatalog.checks.changes import check_changes
from pscatalog.checks.config import Config
from pscatalog.diagnostics import Diagnostic, Location, Severity


def offering(
    maturity: str = "minimal",
    *,
    id: str | None = "jira",
    name: str = "JIRA",
    more: str = "",
    variants: str = "    - id: custom\n",
) -> str:
    """Return one offering's block (an id, unless ``id`` is None), ``more`` after its maturity."""
    head = f"- id: {id}\n  name: {name}\n" if id is not None else f"- name: {name}\n"
    return f"{head}  maturity: {maturity}\n{more}  variants:\n{variants}"


def run(old: str, new: str) -> list[Diagnostic]:
    """Return the change findings from ``old`` to ``new`` (each an offerings block)."""
    before = write_catalog(Path("old"), {"integration.yaml": category_file(old)})
    after = write_catalog(Path("new"), {"integration.yaml": category_file(new)})
    return check_changes(load_catalog(before), load_catalog(after), Config())


def at(line: int, column: int, pointer: str, version: str = "new") -> Location:
    return Location(f"{version}/integration.yaml", line, column, pointer)


@pytest.fixture(autouse=True)
def _relative(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run in a temporary folder: the versions are ./old and ./new."""
    monkeypatch.chdir(tmp_path)


# -- D001 maturity-jump


def test_d001_two_steps_with_the_same_evidence() -> None:
    """Minimal to complete, evidence unchanged: D001 at the new maturity, steps counted."""
    evidence = "  evidence:\n    deliveries: 3\n"
    [found] = run(offering("minimal", more=evidence), offering("complete", more=evidence))
    assert found == Diagnostic(
        "D001",
        Severity.ERROR,
        "'jira' rises from 'minimal' to 'complete' (2 steps) with no new evidence",
        at(7, 15, "/offerings/0/maturity"),
        "raise it one step, to 'viable', or record the evidence for 'complete' in the same change",
    )


@pytest.mark.parametrize("name", ["JIRA", "jira", "JI\u200bRA", "ＪＩＲＡ"])
def test_d001_follows_an_offering_without_skus_to_its_new_id(name: str) -> None:
    """A new id with the same name (as a reader sees it) cannot hide a two-step jump."""
    [found] = run(offering("planned"), offering("viable", id="jira-cloud", name=name))
    assert (found.code, found.message) == (
        "D001",
        "'jira-cloud' rises from 'planned' to 'viable' (2 steps) with no new evidence",
    )


def test_d001_four_steps_and_an_offering_named_by_its_name() -> None:
    """Planned to lovable is four steps; an offering without an id is named by its name."""
    [found] = run(offering("planned", id=None), offering("Lovable", id=None))
    assert found.code == "D001"
    assert found.message == (
        "'JIRA' rises from 'planned' to 'lovable' (4 steps) with no new evidence"
    )


@pytest.mark.parametrize(
    ("old", "new"),
    [("minimal", "viable"), ("viable", "viable"), ("x", "complete"), ("minimal", "x")],
)
def test_d001_not_for_one_step_or_an_unknown_maturity(old: str, new: str) -> None:
    """One step, no change, or a maturity that is no maturity: no D001."""
    assert [d.code for d in run(offering(old), offering(new)) if d.code == "D001"] == []


def test_d001_not_when_the_evidence_changes() -> None:
    """Two steps with new evidence in the same change pass."""
    assert (
        run(offering("minimal"), offering("complete", more="  evidence:\n    deliveries: 3\n"))
        == []
    )


LINKS_AB = "  evidence:\n    marketing_material:\n      - https://x.example/a\n      - https://x.example/b\n"


@pytest.mark.parametrize(
    ("old_evidence", "new_evidence"),
    [
        (
            LINKS_AB,
            LINKS_AB.replace("/a\n", "/c\n").replace("/b\n", "/a\n").replace("/c\n", "/b\n"),
        ),
        (LINKS_AB, LINKS_AB.replace("      - https://x.example/b\n", "")),
        (LINKS_AB, LINKS_AB.replace("https://x.example/a", "'https://x.example/a'")),
        ("  evidence:\n    deliveries: 4\n", "  evidence:\n    deliveries: 3\n"),
        ("  evidence:\n    deliveries: 30\n", "  evidence:\n    deliveries: 0x1E\n"),
        ("  evidence:\n    deliveries: 3\n", ""),
        (
            LINKS_AB + "    execution_plan: https://x.example/plan\n",
            LINKS_AB.replace("/a\n", "/plan\n") + "    execution_plan: https://x.example/a\n",
        ),
        (LINKS_AB, LINKS_AB + "    delivery_kit: https://x.example/b\n"),
        (LINKS_AB, LINKS_AB + "    delivery_kit: https://x.example/sow\n"),
        (LINKS_AB, LINKS_AB + "    delivery_kit: 'HTTPS://x.example/A/#top'\n"),
        (
            "  evidence:\n    last_delivered: '2024-05-01'\n",
            "  evidence:\n    last_delivered: '1900-01-01'\n",
        ),
        (
            "  evidence:\n    last_delivered: '2024-05-01'\n",
            "  evidence:\n    last_delivered: '2024-13-45'\n",
        ),
        (
            "  evidence:\n    last_delivered: '2024-05-01'\n",
            "  evidence:\n    last_delivered: '9999-12-31'\n",
        ),
        (LINKS_AB, LINKS_AB + "    delivery_kit: 'http://X.example:80/./a?'\n"),
        (LINKS_AB, LINKS_AB + "    delivery_kit: https://x.example:443/%61\n"),
    ],
    ids=[
        "reordered",
        "removed",
        "requoted",
        "fewer-deliveries",
        "same-number",
        "dropped",
        "moved-between-fields",
        "copied-to-another-field",
        "the-variants-sow",
        "case-slash-fragment",
        "earlier-date",
        "no-such-day",
        "a-future-day",
        "scheme-port-dot-query",
        "default-port-percent",
    ],
)
def test_d001_evidence_moved_or_removed_is_no_new_evidence(
    old_evidence: str, new_evidence: str
) -> None:
    """Reordering, moving, requoting or removing evidence does not let a maturity jump two steps."""
    variants = "    - id: standard\n      standard_sow: https://x.example/sow\n"
    found = run(
        offering("minimal", more=old_evidence, variants=variants),
        offering("complete", more=new_evidence, variants=variants),
    )
    assert [(d.code, d.location.line, d.message) for d in found] == [
        ("D001", 7, "'jira' rises from 'minimal' to 'complete' (2 steps) with no new evidence")
    ]


@pytest.mark.parametrize(
    "new_evidence",
    [
        LINKS_AB + "      - https://x.example/c\n",
        LINKS_AB.replace("https://x.example/b", "https://x.example/c"),
        LINKS_AB + "    execution_plan: https://x.example/plan\n",
        LINKS_AB + "    deliveries: 1\n",
    ],
    ids=["link-added", "link-replaced", "plan-added", "deliveries-added"],
)
def test_d001_not_when_new_evidence_comes_with_the_jump(new_evidence: str) -> None:
    """A link, document or number that was not there before is new evidence."""
    assert run(offering("minimal", more=LINKS_AB), offering("complete", more=new_evidence)) == []


def test_d001_not_when_deliveries_grow() -> None:
    """More deliveries are new evidence; the same number is not."""
    before = offering("minimal", more="  evidence:\n    deliveries: 3\n")
    assert run(before, offering("complete", more="  evidence:\n    deliveries: 4\n")) == []


# -- D002 demotion-without-reason


def test_d002_demotion_without_reason() -> None:
    """Complete to viable without a reason: D002 at the maturity."""
    [found] = run(offering("complete"), offering("viable"))
    assert found == Diagnostic(
        "D002",
        Severity.ERROR,
        "'jira' is demoted from 'complete' to 'viable' without a reason",
        at(7, 15, "/offerings/0/maturity"),
        "say why in 'maturity_reason', in the same change",
    )


def test_d002_a_new_reason_passes_an_old_one_does_not() -> None:
    """A reason written in the same change passes; the reason the old version had does not."""
    reason = "  maturity_reason: Fewer deliveries this year\n"
    assert run(offering("complete"), offering("viable", more=reason)) == []
    old = offering("complete", more=reason)
    assert [d.code for d in run(old, offering("viable", more=reason))] == ["D002"]
    assert [d.code for d in run(old, offering("viable", more="  maturity_reason: ''\n"))] == [
        "D002"
    ]
    for same in (
        "'Fewer deliveries this year. '",
        "fewer  Deliveries this year.",
        "'Fewer deliveries this year\u200b'",
        "'Fewer deliveries this year!'",
        "Ｆewer deliveries this year",
    ):
        again = offering("viable", more=f"  maturity_reason: {same}\n")
        assert [d.code for d in run(old, again)] == ["D002"], same


def test_d002_each_demotion_is_reported() -> None:
    """Two demoted offerings: one D002 each, named by id, else by name."""
    old = offering("complete") + offering("lovable", id=None, name="Other")
    new = offering("minimal") + offering("complete", id=None, name="Other")
    assert [d.message for d in run(old, new)] == [
        "'jira' is demoted from 'complete' to 'minimal' without a reason",
        "'Other' is demoted from 'lovable' to 'complete' without a reason",
    ]


def test_d002_not_for_a_rise_or_an_unknown_maturity() -> None:
    """A rise, or a maturity that is no maturity on either side, is no demotion."""
    assert [d.code for d in run(offering("viable"), offering("complete"))] == []
    assert [d.code for d in run(offering("x"), offering("planned"))] == []
    assert [d.code for d in run(offering("lovable"), offering("x"))] == []


# -- D003 sku-not-retired and D004 offering-with-sku-deleted

SOLD = "    - id: standard\n      sku: GL-JIRA\n      standard_sow: https://example.com/sow\n"


def test_d003_a_renamed_sku() -> None:
    """A SKU changed in place: D003 at the new SKU."""
    [found] = run(offering(variants=SOLD), offering(variants=SOLD.replace("GL-JIRA", "GL-JIRA-2")))
    assert found == Diagnostic(
        "D003",
        Severity.ERROR,
        "SKU 'GL-JIRA' of 'jira' is renamed or removed without being retired first",
        at(10, 14, "/offerings/0/variants/0/sku"),
        "keep the SKU and mark its variant 'retired: true'; change it in a later merge "
        "request, once this one is merged",
    )


def test_d003_a_removed_sku_or_variant_is_placed_where_it_was_in_the_new_version() -> None:
    """The SKU's variant without its SKU: at the variant; the variant gone: at 'variants'."""
    no_sku = "    - id: standard\n      standard_sow: https://example.com/sow\n"
    [found] = run(offering(variants=SOLD), offering(variants=no_sku))
    assert found.location == at(9, 9, "/offerings/0/variants/0")
    [found] = run(offering(variants=SOLD + "    - id: custom\n"), offering())
    assert found.location == at(8, 5, "/offerings/0/variants")


def test_d003_not_for_a_retired_kept_or_moved_sku() -> None:
    """A SKU retired before, still sold, or moved to another variant is fine."""
    retired = SOLD + "      retired: true\n"
    moved = "    - id: remote\n      sku: GL-JIRA\n      standard_sow: https://example.com/sow\n"
    assert run(offering(variants=retired), offering(variants="    - id: custom\n")) == []
    assert run(offering(variants=SOLD), offering(variants=SOLD)) == []
    assert run(offering(variants=SOLD), offering(variants="    - id: custom\n" + moved)) == []


def test_d004_a_deleted_offering_still_sold() -> None:
    """An offering deleted with a live SKU: D004 at its id in the old version, SKUs listed."""
    two = (
        SOLD + "    - id: remote\n      sku: GL-JIRA-R\n      standard_sow: https://example.com/r\n"
    )
    retired = "    - id: on-site\n      sku: GL-JIRA-O\n      standard_sow: https://e.com/o\n      retired: true\n"
    old = offering("minimal", id="other", name="Other") + offering(variants=two + retired)
    [found] = run(old, offering("minimal", id="other", name="Other"))
    assert found == Diagnostic(
        "D004",
        Severity.ERROR,
        "'jira' is deleted while sold as 'GL-JIRA', 'GL-JIRA-R'",
        at(10, 9, "/offerings/1/id", "old"),
        "restore it and mark its variants 'retired: true'; delete it in a later merge "
        "request, once this one is merged",
    )


def test_d004_not_for_an_offering_retired_or_without_sku() -> None:
    """Deleting an offering whose SKUs are all retired, or that has none, is fine."""
    retired = SOLD + "      retired: true\n"
    keep = offering("minimal", id="other", name="Other")
    assert run(keep + offering(variants=retired), keep) == []
    assert run(keep + offering(), keep) == []
