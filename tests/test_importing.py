"""`pscatalog import`: GitLab's flat services.yml becomes a catalog folder.

Every defect of the source is reported at its own line and column, nothing is
dropped, and the catalog written reads as the schema defines it.
"""

from __future__ import annotations

import importlib.util
import inspect
import json
import re
import shutil
import textwrap
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from conftest import REAL_DATA, REPO
from pscatalog.catalog.model import load_catalog
from pscatalog.catalog.services_file import BLOCK_KEY
from pscatalog.checks.checker import validate
from pscatalog.cli.main import cli
from pscatalog.diagnostics import Severity
from pscatalog.outputs.reporters.json_format import report_json
from pscatalog.rules.registry import CODES
from pscatalog.tools.importing import ImportResult, import_services
from pscatalog.yamltext.emitter import services_text, yaml_text
from pscatalog.yamltext.loader import load_document

Row = tuple[str, str, int, int, str]
"""(code, file, line, column, message) of a diagnostic."""


def rows(result: ImportResult, *severities: Severity) -> list[Row]:
    """List the diagnostics of the given severities as (code, file, line, column, message)."""
    return [
        (d.code, d.location.file, d.location.line, d.location.column, d.message)
        for d in result.diagnostics
        if d.severity in severities
    ]


def places(result: ImportResult, severity: Severity) -> list[tuple[str, int, int]]:
    """List the diagnostics of one severity as (code, line, column)."""
    return [
        (d.code, d.location.line, d.location.column)
        for d in result.diagnostics
        if d.severity is severity
    ]


def import_snapshot(in_tmp: Path, name: str) -> ImportResult:
    """Import a real snapshot, copied into the current folder, into ./catalog beside ./schema."""
    shutil.copy(REAL_DATA / name, in_tmp / name)
    shutil.copytree(REPO / "schema", in_tmp / "schema")
    return import_services(name, "catalog")


def import_text(folder: Path, text: str) -> tuple[ImportResult, dict[str, Any]]:
    """Import an inline services file; return the result and the written files' data by name.

    Call it with a folder relative to the current one, so that diagnostics name
    the file as ``<folder>/services.yml``.
    """
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "services.yml").write_text(textwrap.dedent(text), encoding="utf-8")
    result = import_services(folder / "services.yml", folder / "catalog")
    data = {
        name: load_document(folder / "catalog" / name, name).data for name in sorted(result.files)
    }
    return result, data


def offering(data: dict[str, Any], category: str, offering_id: str) -> dict[str, Any]:
    """Return the one offering with ``offering_id`` in the written category file."""
    [found] = [o for o in data[f"{category}.yaml"]["offerings"] if o["id"] == offering_id]
    return found


LEVEL_08 = "level '1 - Product' disagrees with the catalog, which puts category '{}' at level {}; the source's value is kept under imported.unmapped"
EDUCATION_LEVEL = LEVEL_08.format("education", "2 - Adoption")
DEDICATED_LEVEL = LEVEL_08.format("dedicated", "3 - Transformation")
EXPERT_LEVEL = LEVEL_08.format("expert", "3 - Transformation")
REMOTE_ON_SITE = "id 'training_sessions_security_essentials_remote' says remote, but its price 7000 is the on-site price of its price_desc (remote: $5,000)"
PM_PRICE = "price_desc '<strong>Remote:</strong> $5,000<br/><strong>On-site:</str...' gives no price as a number; it is kept under imported.unmapped"
PM_DURATION = "duration_desc '<strong>Remote:</strong> normally delivered as two 4-hour...' is not a length of time; it is kept under imported.unmapped"
TODO_ADMIN = "{} is a '#TODO' placeholder, read as empty, on entry 'training_sessions_admin', which is sold with a SKU"
TODO_SEAT = "standard_sow is a '#TODO' placeholder, read as empty, on entry 'training_sessions_seat_add-on', which is sold with a SKU"
STAGES = "stages '{}' is not a list of DevOps stages; it is kept under imported.unmapped"
DURATION_15 = "duration 15 disagrees with duration_desc '20 days'; the number is imported, the text kept as its note"
NOT_A_LENGTH = "duration_desc '{}' is not a length of time; it is kept under imported.unmapped"
NO_PRICE = "price_desc '{}' gives no price as a number; it is kept under imported.unmapped"
DUPLICATE_ID = "id 'Dedicated-12' is already used by another entry (this one is sold as 'GL-ENGR-CLEARED-12'); both are imported as offerings with the same id"
DUPLICATE_NAME = "name 'Dedicated Engineer - 12 Month' is already used by entry 'Dedicated-12'"


def common_rows(file: str) -> list[Row]:
    """The errors and warnings both snapshots share, up to the Dedicated entries."""
    return [
        ("I007", file, 23, 13, EDUCATION_LEVEL),
        ("I008", file, 61, 7, REMOTE_ON_SITE),
        ("I010", file, 123, 15, PM_PRICE),
        ("I010", file, 124, 18, PM_DURATION),
        ("I004", file, 248, 8, TODO_ADMIN.format("sku")),
        ("I004", file, 250, 17, TODO_ADMIN.format("standard_sow")),
        ("I003", file, 266, 10, "price is written as text, '$500'; it is imported as 500 USD"),
        ("I004", file, 273, 17, TODO_SEAT),
        ("I010", file, 274, 11, STAGES.format("Any")),
        ("I010", file, 320, 11, STAGES.format("All")),
        ("I010", file, 406, 11, STAGES.format("All")),
        ("I006", file, 458, 13, DURATION_15),
        ("I010", file, 519, 18, NOT_A_LENGTH.format("Varies")),
        (
            "I010",
            file,
            520,
            15,
            NO_PRICE.format("Varies depending on the complexity of the Customer deploy..."),
        ),
        ("I010", file, 533, 18, NOT_A_LENGTH.format("N/A")),
        (
            "I010",
            file,
            534,
            15,
            NO_PRICE.format("Student Kits available for purchase in Learning Managemen..."),
        ),
        ("I010", file, 544, 18, NOT_A_LENGTH.format("N/A")),
        (
            "I010",
            file,
            545,
            15,
            NO_PRICE.format("Certification Packets available for purchase in Learning ..."),
        ),
        ("I007", file, 555, 10, DEDICATED_LEVEL),
    ]


def test_august_snapshot_reports_each_defect_at_its_source_line(in_tmp: Path) -> None:
    """services-2022-08.yml: every error and warning at its line and column, with its message."""
    result = import_snapshot(in_tmp, "services-2022-08.yml")
    file = "services-2022-08.yml"
    assert rows(result, Severity.ERROR, Severity.WARNING) == [
        *common_rows(file),
        ("I001", file, 618, 7, DUPLICATE_ID),
        ("I002", file, 619, 9, DUPLICATE_NAME),
        ("I007", file, 639, 10, EXPERT_LEVEL),
        (
            "I010",
            file,
            642,
            18,
            NOT_A_LENGTH.format("Minimum 48 hour blocks - 40 hours of Professional Service..."),
        ),
        ("I010", file, 643, 15, NO_PRICE.format("Call for pricing")),
        (
            "I010",
            file,
            656,
            18,
            NOT_A_LENGTH.format("Minimum 48 hour blocks. Can add 48 hour increments from t..."),
        ),
        ("I010", file, 657, 15, NO_PRICE.format("Call for pricing")),
    ]
    assert result.exit_code == 1


def test_november_snapshot_reports_each_defect_at_its_source_line(in_tmp: Path) -> None:
    """services-2022-11.yml: the August defects, prices in durations and four text prices."""
    result = import_snapshot(in_tmp, "services-2022-11.yml")
    file = "services-2022-11.yml"
    assert rows(result, Severity.ERROR, Severity.WARNING) == [
        *common_rows(file),
        (
            "I005",
            file,
            600,
            18,
            "duration_desc holds a price, '$184,875' (the entry's price is 184875); it is kept under imported.unmapped",
        ),
        ("I001", file, 618, 7, DUPLICATE_ID),
        ("I002", file, 619, 9, DUPLICATE_NAME),
        (
            "I005",
            file,
            628,
            18,
            "duration_desc holds a price, '$628,575' (the entry's price is 628575); it is kept under imported.unmapped",
        ),
        ("I003", file, 636, 10, "price is written as text, '$14,400'; it is imported as 14400 USD"),
        ("I007", file, 639, 10, EXPERT_LEVEL),
        (
            "I010",
            file,
            642,
            18,
            NOT_A_LENGTH.format("Minimum 48 hour blocks - 40 hours of Expert Services + 8 ..."),
        ),
        (
            "I003",
            file,
            650,
            10,
            "price is written as text, '$115,200'; it is imported as 115200 USD",
        ),
        (
            "I010",
            file,
            656,
            18,
            NOT_A_LENGTH.format("8 hours per week expert services for 48 of 52 weeks"),
        ),
        ("I003", file, 669, 10, "price is written as text, '$32,500'; it is imported as 32500 USD"),
        ("I003", file, 689, 10, "price is written as text, '$16,000'; it is imported as 16000 USD"),
    ]
    assert result.exit_code == 1


def test_conversions_are_notes_at_their_source_lines(in_tmp: Path) -> None:
    """Site paths, approximate durations and 'Consulting' categories are converted, as info."""
    result = import_snapshot(in_tmp, "services-2022-11.yml")
    assert places(result, Severity.INFO) == [
        ("I011", 333, 18),
        ("I011", 349, 18),
        ("I011", 365, 18),
        ("I011", 557, 13),
        ("I011", 571, 13),
        ("I011", 585, 13),
        ("I011", 599, 13),
        ("I011", 613, 13),
        ("I011", 627, 13),
        ("I011", 641, 13),
        ("I011", 643, 15),
        ("I011", 655, 13),
        ("I011", 675, 13),
        ("I011", 676, 18),
        ("I011", 695, 13),
        ("I011", 696, 18),
    ]
    messages = {d.location.line: d.message for d in result.diagnostics if d.code == "I011"}
    assert messages[333] == "duration_desc '~1-3 days' is imported as 1 to 3 days"
    assert messages[557] == (
        "category 'Consulting' is imported as 'dedicated': the entry sells a dedicated engineer"
    )
    assert messages[641] == (
        "category 'Consulting' is imported as 'expert': the entry sells expert consulting time"
    )
    assert messages[675] == (
        "category 'Consulting' is imported as 'implementation': the entry sells an implementation"
    )
    assert messages[643] == (
        "price_desc '$14,400 for 48 hour block. Can add in blocks of 48 hours' gives the price "
        "of one block; its unit is imported as 'block'"
    )
    assert messages[676] == (
        "duration_desc 'Estimated to be 3 weeks total' is imported as 3 week(s), "
        "note 'Estimated to be 3 weeks total'"
    )
    assert messages[696] == (
        "duration_desc 'Estimated to be 1.5 weeks total' is imported as 1.5 week(s), "
        "note 'Estimated to be 1.5 weeks total'"
    )


def test_august_site_paths_become_links_reported_at_each_entry(in_tmp: Path) -> None:
    """The 2022-08 file's relative desc_url values are converted, each reported at its line."""
    result = import_snapshot(in_tmp, "services-2022-08.yml")
    paths = [d for d in result.diagnostics if d.code == "I011" and "desc_url" in d.message]
    assert [(d.location.line, d.location.column) for d in paths] == [
        (4, 13),
        (64, 13),
        (101, 13),
        (158, 13),
        (218, 13),
        (256, 13),
        (279, 13),
        (324, 13),
        (340, 13),
        (356, 13),
        (384, 13),
        (448, 13),
        (486, 13),
        (509, 13),
    ]
    assert paths[0].message == (
        "desc_url '/services/education/gitlab-basics/' is a path on GitLab's site; it is "
        "imported as 'https://about.gitlab.com/services/education/gitlab-basics/'"
    )


def test_duplicated_id_and_level_findings_point_at_every_occurrence(in_tmp: Path) -> None:
    """The duplicate names its first use; a level finding lists the category's other entries."""
    result = import_snapshot(in_tmp, "services-2022-11.yml")
    by_place = {(d.code, d.location.line): d for d in result.diagnostics}
    duplicate = by_place["I001", 618]
    assert [
        (r.location.file, r.location.line, r.location.column, r.label) for r in duplicate.related
    ] == [("services-2022-11.yml", 576, 7, "already used here")]
    assert duplicate.hint == "give this entry its own id, or make it a variant of the other"
    assert duplicate.location.pointer == "/26/id"
    dedicated = by_place["I007", 555]
    assert [(r.location.line, r.location.column, r.label) for r in dedicated.related] == [
        (569, 10, "also this level"),
        (583, 10, "also this level"),
        (597, 10, "also this level"),
        (611, 10, "also this level"),
        (625, 10, "also this level"),
    ]
    assert [
        (r.location.line, r.location.column, r.label) for r in by_place["I008", 61].related
    ] == [(87, 10, "the price is given here")]
    assert [
        (r.location.line, r.location.column, r.label) for r in by_place["I006", 458].related
    ] == [(459, 18, "the duration is described here")]


@pytest.mark.parametrize("name", ["services-2022-08.yml", "services-2022-11.yml"])
def test_validate_reads_the_imported_catalog_and_reports_what_only_it_can_judge(
    in_tmp: Path, name: str
) -> None:
    """No YAML or schema error; validate keeps the duplicated Dedicated-12 and the SKU without SOW."""
    import_snapshot(in_tmp, name)
    result = validate(["catalog"])
    codes = {d.code for d in result.diagnostics}
    assert not {code for code in codes if code[0] in "YS"}
    assert result.readable
    structural = [
        (d.code, d.location.file, d.location.line, d.location.column, d.message)
        for d in result.diagnostics
        if d.code[0] == "C"
    ]
    duplicate_line = 113 if name.endswith("08.yml") else 106
    assert structural == [
        (
            "C103",
            "catalog/dedicated.yaml",
            duplicate_line,
            9,
            "offering id 'dedicated-12' is already used",
        ),
        (
            "C104",
            "catalog/dedicated.yaml",
            duplicate_line + 1,
            11,
            "offering name 'Dedicated Engineer - 12 Month' is already used",
        ),
        (
            "C002",
            "catalog/education.yaml",
            323,
            9,
            "the standard variant of 'training-sessions-seat-add-on' has no 'standard_sow'",
        ),
    ]
    assert codes - {"C103", "C104", "C002"} <= {f"M00{n}" for n in range(1, 9)}


def test_the_catalog_has_the_decided_levels_and_one_file_per_category(in_tmp: Path) -> None:
    """levels.yaml and six category files, each starting with its schema modeline."""
    result = import_snapshot(in_tmp, "services-2022-11.yml")
    assert sorted(result.files) == [
        "dedicated.yaml",
        "education.yaml",
        "expert.yaml",
        "implementation.yaml",
        "integration.yaml",
        "levels.yaml",
        "migration.yaml",
    ]
    assert [path.name for path in result.written] == list(result.files)
    for name, text in result.files.items():
        kind = "levels" if name == "levels.yaml" else "category"
        first = text.splitlines()[0]
        assert first == f"# yaml-language-server: $schema=../schema/{kind}.schema.json"
        assert (in_tmp / "catalog" / name).read_text(encoding="utf-8") == text
    catalog = load_catalog(in_tmp / "catalog")
    assert [
        (level.data["id"], level.data["name"], level.data["rank"]) for level in catalog.levels
    ] == [
        ("product", "Product", 1),
        ("adoption", "Adoption", 2),
        ("transformation", "Transformation", 3),
    ]
    assert {c.data["id"]: c.data["level"] for c in catalog.categories} == {
        "dedicated": "transformation",
        "education": "adoption",
        "expert": "transformation",
        "implementation": "product",
        "integration": "product",
        "migration": "product",
    }


def test_variants_of_one_offering_are_grouped(in_tmp: Path) -> None:
    """Remote, duration, clearance and deployment suffixes make variants; duplicates stay apart."""
    import_snapshot(in_tmp, "services-2022-08.yml")
    catalog = load_catalog(in_tmp / "catalog")
    variants = {
        offering.entry.data["id"]: [
            (v.data["id"], v.data.get("sku"), v.data.get("delivery"), v.data.get("deployment"))
            for v in offering.variants
        ]
        for offering in catalog.offerings
    }
    assert variants["training-sessions-basics"] == [
        ("standard", "GL-BAS", "on-site", None),
        ("remote", "GL-BAS-R", "remote", None),
    ]
    assert variants["training-sessions-security-essentials"] == [
        ("standard", "GL-SEC-R", "remote", None)
    ]
    assert variants["implementation-rapid-results"] == [
        ("standard", "GL-RR-SELF", None, "self-managed"),
        ("gitlab-com", "GL-RR-COM", None, "gitlab-com"),
    ]
    assert variants["dedicated"] == [
        ("standard", "GL-ENGR-3", None, None),
        ("6-months", "GL-ENGR-6", None, None),
        ("cleared-3-months", "GL-ENGR-CLEARED-3", None, None),
        ("cleared-6-months", "GL-ENGR-CLEARED-6", None, None),
    ]
    assert [o.entry.data["id"] for o in catalog.offerings].count("dedicated-12") == 2
    assert variants["training-sessions-admin"] == [("custom", None, None, None)]
    assert variants["training-sessions-seat-add-on"] == [
        ("standard", "SRV-PERSEAT-R", "remote", None)
    ]
    assert variants["health-check"] == [("custom", None, None, None)]
    [dedicated] = [o for o in catalog.offerings if o.entry.data["id"] == "dedicated"]
    assert dedicated.entry.data["name"] == "Dedicated Engineer"
    assert [v.data.get("clearance") for v in dedicated.variants] == [None, None, True, True]


def test_ids_that_end_in_numbers_but_are_no_durations_stay_apart(in_tmp: Path) -> None:
    """'2022-10' and '2022-10-27' are two offerings, not one sold for 10 and 27 months."""
    entry = "  name: {}\n  category: Education\n  maturity: Viable\n  sku: {}\n"
    result, data = import_text(
        Path("dates"),
        "- id: 2022-10\n"
        + entry.format("October", "GL-OCT")
        + "- id: '2022-10-27'\n"
        + entry.format("The twenty-seventh", "GL-27")
        + "- id: Dedicated-12\n"
        + entry.format("A year", "GL-YEAR-12"),
    )
    assert [
        (o["id"], [(v["id"], v.get("sku")) for v in o["variants"]])
        for o in data["education.yaml"]["offerings"]
    ] == [
        ("2022-10", [("standard", "GL-OCT")]),
        ("2022-10-27", [("standard", "GL-27")]),
        ("dedicated", [("standard", "GL-YEAR-12")]),
    ]
    assert [d.code for d in result.diagnostics if d.severity is Severity.ERROR] == []


def test_a_number_id_is_an_id_and_other_values_are_named(in_tmp: Path) -> None:
    """id: 26 is the id '26'; id: 1.5 is reported with its value, not as a missing id."""
    entry = "  name: {}\n  category: Education\n  maturity: Viable\n"
    result, data = import_text(
        Path("numbers"),
        "- id: 26\n" + entry.format("Whole") + "- id: 1.5\n" + entry.format("Half"),
    )
    offerings = data["education.yaml"]["offerings"]
    assert [(o["id"], o["imported"].get("source_id")) for o in offerings] == [
        ("26", "26"),
        ("half", None),
    ]
    assert rows(result, Severity.ERROR) == [
        (
            "I012",
            "numbers/services.yml",
            5,
            7,
            "entry 2 has the id 1.5, which is not text; its offering's id is made from its name",
        )
    ]


def test_values_are_converted_to_the_schema_form(in_tmp: Path) -> None:
    """Maturities in lowercase, prices in USD, durations with their unit and note."""
    import_snapshot(in_tmp, "services-2022-11.yml")
    data = {
        name: load_document(in_tmp / "catalog" / name, name).data
        for name in ("dedicated.yaml", "expert.yaml", "integration.yaml", "implementation.yaml")
    }
    expert = offering(data, "expert", "expertise-services")
    assert expert["maturity"] == "viable"
    assert expert["variants"] == [
        {
            "id": "standard",
            "sku": "GL-XPRT",
            "standard_sow": "https://docs.google.com/document/d/1s-2hICSerSh1GaLOQoTfvnigIW50Z-mH9mG0dgDUawE/edit#",
            "price": {
                "amount": 14400,
                "currency": "USD",
                "unit": "block",
                "note": "$14,400 for 48 hour block. Can add in blocks of 48 hours",
            },
        }
    ]
    jira = offering(data, "integration", "integration-jira")["variants"][0]
    assert jira["duration"] == {"min": 1, "max": 3, "unit": "day"}
    assert jira["price"] == {"amount": 2400, "currency": "USD", "unit": "engagement"}
    cleared_3 = offering(data, "dedicated", "dedicated")["variants"][2]
    assert "duration" not in cleared_3
    assert cleared_3["price"]["amount"] == 184875
    rapid = offering(data, "implementation", "implementation-rapid-results")["variants"][0]
    assert rapid["duration"] == {"value": 15, "unit": "day", "note": "20 days"}
    quickstart = offering(data, "implementation", "implementation-quickstart-ha")
    assert quickstart["variants"][0]["price"]["amount"] == 32500
    assert quickstart["variants"][0]["duration"] == {
        "value": 3,
        "unit": "week",
        "note": "Estimated to be 3 weeks total",
    }


def test_what_has_no_place_is_kept_under_imported_unchanged(in_tmp: Path) -> None:
    """The source's own keys, its level and its placeholders stay, with the source and its id."""
    import_snapshot(in_tmp, "services-2022-11.yml")
    data = {
        name: load_document(in_tmp / "catalog" / name, name).data
        for name in ("dedicated.yaml", "education.yaml", "implementation.yaml")
    }
    seat = offering(data, "education", "training-sessions-seat-add-on")["imported"]
    assert seat == {
        "source": "services-2022-11.yml",
        "source_id": "training_sessions_seat_add-on",
        "unmapped": {
            "sow_name": "GitLab Training Per-Seat Add-on",
            "long_desc": "This offering provides a way for a customer ordering a private instructor-led training session for their organization to add on additional seats to the 12-person limit for a standard live training session. For example, to order a live training session for 15 attendees, a customer can order 1 standard training session for 12 attendees plus 3 add-on seats.\n",
            "level": "1 - Product",
            "planned-maturity": "Lovable",
            "class_size": "This offering adds a quantity of 1 seat to a standard 12-seat class",
            "standard_sow": None,
            "stages": "Any",
        },
    }
    dedicated = offering(data, "dedicated", "dedicated")["imported"]
    assert dedicated["unmapped"] == {
        "level": "1 - Product",
        "variants": {
            "6-months": {"id": "Dedicated-6"},
            "cleared-3-months": {"id": "Dedicated-Cleared-3", "duration_desc": "$184,875"},
            "cleared-6-months": {"id": "Dedicated-Cleared-6"},
        },
    }
    health = offering(data, "implementation", "health-check")["imported"]["unmapped"]
    assert health["duration_desc"] == "Varies"
    assert health["whats-included0"] == (
        "A discovery session to ensure we're focused on solving the problems you care about"
    )


@pytest.mark.parametrize("name", ["services-2022-08.yml", "services-2022-11.yml"])
def test_every_source_key_that_has_no_field_is_kept_with_its_value(in_tmp: Path, name: str) -> None:
    """Each entry's keys outside the mapped ones are under its offering's imported.unmapped."""
    import_snapshot(in_tmp, name)
    mapped = {"id", "name", "description2", "short_desc", "desc_url", "target_audience"}
    mapped |= {"stages", "delivery_kit", "maturity", "level", "category", "sku", "standard_sow"}
    mapped |= {"price", "price_desc", "unit", "duration", "duration_desc", "class_size"}
    kept: dict[str, dict[str, Any]] = {}
    for catalog_offering in load_catalog(in_tmp / "catalog").offerings:
        imported = catalog_offering.entry.data["imported"]
        unmapped = dict(imported.get("unmapped", {}))
        for own in unmapped.pop("variants", {}).values():
            kept[own["id"]] = own
        kept[imported["source_id"]] = unmapped
    source = load_document(in_tmp / name, name).data
    assert {entry["id"] for entry in source} == set(kept)
    for entry in source:
        for key, value in entry.items():
            if key not in mapped:
                assert kept[entry["id"]][key] == value, (entry["id"], key)


def test_output_format_json_is_validates_json_report(in_tmp: Path) -> None:
    """`--output-format json` prints the object validate's json report prints."""
    shutil.copy(REAL_DATA / "services-2022-11.yml", in_tmp / "services.yml")
    outcome = CliRunner().invoke(cli, ["import", "services.yml", "--output-format", "json"])
    assert outcome.exit_code == 1
    printed = json.loads(outcome.stdout)
    shutil.rmtree(in_tmp / "catalog")
    assert printed == json.loads(report_json(import_services("services.yml").report()))
    assert printed["summary"] == {
        "errors": 12,
        "warnings": 18,
        "infos": 16,
        "files": 1,
        "baselined": 0,
        "fixable": 0,
        "unsafe_fixable": 0,
    }
    first = printed["diagnostics"][0]
    assert sorted(first) == [
        "code",
        "column",
        "file",
        "fix",
        "hint",
        "line",
        "message",
        "pointer",
        "related",
        "severity",
        "url",
    ]
    assert outcome.stderr == "pscatalog: wrote 7 files to catalog\n"


def test_full_output_shows_the_source_line_under_each_finding(in_tmp: Path) -> None:
    """The default output marks the fault in the source line, as validate does."""
    (in_tmp / "services.yml").write_text(
        "- id: seats\n  name: Seats\n  category: Education\n  maturity: Viable\n  price: $500\n",
        encoding="utf-8",
    )
    outcome = CliRunner().invoke(cli, ["import", "services.yml", "--output", "out"])
    assert outcome.exit_code == 1
    assert outcome.stdout == (
        "services.yml:5:10: error I003 price is written as text, '$500'; it is imported as "
        "500 USD\n"
        "  |\n"
        "5 |   price: $500\n"
        "  |          ^^^^\n"
        "  = hint: write the amount as a number: price: 500\n"
        "Found 1 error in 1 file.\n"
    )
    assert (in_tmp / "out" / "education.yaml").is_file()


def test_output_folder_defaults_to_catalog(in_tmp: Path) -> None:
    """Without --output the catalog is written to ./catalog; a clean source exits 0."""
    (in_tmp / "services.yml").write_text(
        "- id: jira\n  name: JIRA\n  category: Integration\n  maturity: Complete\n",
        encoding="utf-8",
    )
    outcome = CliRunner().invoke(cli, ["import", "services.yml"])
    assert (outcome.exit_code, outcome.stdout) == (0, "No problems found in 1 file.\n")
    assert sorted(path.name for path in (in_tmp / "catalog").iterdir()) == [
        "integration.yaml",
        "levels.yaml",
    ]


def test_a_non_empty_output_folder_is_refused_unless_forced(in_tmp: Path) -> None:
    """Exit 2 with one line and nothing written; --force writes into the folder."""
    (in_tmp / "services.yml").write_text(
        "- id: jira\n  name: JIRA\n  category: Integration\n  maturity: Complete\n",
        encoding="utf-8",
    )
    (in_tmp / "catalog").mkdir()
    (in_tmp / "catalog" / "notes.txt").write_text("mine\n", encoding="utf-8")
    outcome = CliRunner().invoke(cli, ["import", "services.yml"])
    assert (outcome.exit_code, outcome.stdout) == (2, "")
    assert outcome.stderr == (
        "pscatalog: error: the output folder is not empty: catalog (--force writes into it)\n"
        "Try 'pscatalog import --help' for help.\n"
    )
    assert sorted(path.name for path in (in_tmp / "catalog").iterdir()) == ["notes.txt"]
    forced = CliRunner().invoke(cli, ["import", "services.yml", "--force"])
    assert forced.exit_code == 0
    assert sorted(path.name for path in (in_tmp / "catalog").iterdir()) == [
        "integration.yaml",
        "levels.yaml",
        "notes.txt",
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["missing.yml"],
            "pscatalog: error: no such services file: missing.yml\n"
            "Try 'pscatalog import --help' for help.\n",
        ),
        (
            ["."],
            "pscatalog: error: not a services file, but a folder: .\n"
            "Try 'pscatalog import --help' for help.\n",
        ),
        (
            ["services.yml", "--output", "services.yml"],
            "pscatalog: error: the output is a file, not a folder: services.yml\n"
            "Try 'pscatalog import --help' for help.\n",
        ),
    ],
)
def test_a_source_or_output_that_cannot_be_used_is_one_line_and_exit_2(
    in_tmp: Path, args: list[str], message: str
) -> None:
    """A missing source, a folder as source, a file as output: one line, exit 2."""
    (in_tmp / "services.yml").write_text("- id: x\n", encoding="utf-8")
    outcome = CliRunner().invoke(cli, ["import", *args])
    assert (outcome.exit_code, outcome.stdout, outcome.stderr) == (2, "", message)


def test_a_link_in_the_output_folder_is_neither_followed_nor_replaced(in_tmp: Path) -> None:
    """A link named levels.yaml is a levels file import did not write: it stays, reported."""
    outside = in_tmp / "outside.yaml"
    outside.write_text("keep: me\n", encoding="utf-8")
    (in_tmp / "catalog").mkdir()
    (in_tmp / "catalog" / "levels.yaml").symlink_to(outside)
    (in_tmp / "services.yml").write_text(
        "- id: jira\n  name: JIRA\n  category: Integration\n  maturity: Complete\n",
        encoding="utf-8",
    )
    result = import_services("services.yml", "catalog", force=True)
    assert outside.read_text(encoding="utf-8") == "keep: me\n"
    assert (in_tmp / "catalog" / "levels.yaml").is_symlink()
    assert result.written == [Path("catalog/integration.yaml")]
    assert rows(result, Severity.WARNING) == [
        (
            "I015",
            "services.yml",
            1,
            1,
            "the output folder already has a levels file, levels.yaml; it is kept, and the "
            "import's levels are not written",
        )
    ]


def test_a_syntax_error_is_reported_and_nothing_is_written(in_tmp: Path) -> None:
    """A source that is not YAML gives the loader's diagnostic, exit 1, and no catalog."""
    result, data = import_text(Path("x"), "- id: [unclosed\n")
    assert [(d.code, d.location.line) for d in result.diagnostics] == [("Y001", 1)]
    assert (result.exit_code, data) == (1, {})
    assert not (in_tmp / "x" / "catalog").exists()


def test_a_source_that_is_not_a_list_of_entries(in_tmp: Path) -> None:
    """A mapping at the top, or an entry that is not a mapping, is I013 at its place."""
    result, _ = import_text(Path("a"), "services:\n  - id: x\n")
    assert rows(result, Severity.ERROR) == [
        (
            "I013",
            "a/services.yml",
            1,
            1,
            "a services file is a list of entries; this file holds a mapping",
        )
    ]
    result, data = import_text(
        Path("b"),
        """\
        - id: jira
          name: JIRA
          category: Integration
          maturity: Viable
        - integration_jenkins
        """,
    )
    assert [
        (code, line, column, message)
        for code, _, line, column, message in rows(result, Severity.ERROR)
    ] == [
        (
            "I013",
            5,
            3,
            "entry 2 is the value 'integration_jenkins', not a mapping of keys; it is not imported",
        )
    ]
    assert [o["id"] for o in data["integration.yaml"]["offerings"]] == ["jira"]


def test_unmappable_category_gets_its_own_category_with_one_warning(in_tmp: Path) -> None:
    """Entries of an unknown category go to a category named after it; one warning, related rest."""
    result, data = import_text(
        Path("x"),
        """\
        - id: partner-kit
          name: Partner kit
          category: Partners
          level: 2 - Adoption
          maturity: Minimal
        - id: partner-exam
          name: Partner exam
          category: Partners
          level: 2 - Adoption
          maturity: Planned
        """,
    )
    [warning] = result.diagnostics
    assert (warning.code, warning.location.line, warning.location.column) == ("I009", 3, 13)
    assert warning.message == (
        "category 'Partners' is none of the framework's categories; its entries are imported "
        "into a category of their own, 'partners'"
    )
    assert [(r.location.line, r.location.column, r.label) for r in warning.related] == [
        (8, 13, "also this category")
    ]
    header = {key: value for key, value in data["partners.yaml"].items() if key != "offerings"}
    assert header == {
        "schema_version": 1,
        "id": "partners",
        "name": "Partners",
        "level": "adoption",
    }
    assert [o["id"] for o in data["partners.yaml"]["offerings"]] == ["partner-kit", "partner-exam"]


def test_placeholders_and_text_values_without_meaning_on_a_custom_entry(in_tmp: Path) -> None:
    """'#TODO' and 'TBD' on an entry without SKU are warnings; 'TBD' as a price is an error."""
    result, data = import_text(
        Path("x"),
        """\
        - id: migration_jenkins
          name: Jenkins Migration
          category: Migration
          maturity: Minimal
          price: TBD
          duration: TBD
          sku:
          standard_sow: #TODO
        """,
    )
    assert [
        (d.code, d.location.line, d.location.column, d.message) for d in result.diagnostics
    ] == [
        (
            "I003",
            5,
            10,
            "price is written as text, 'TBD', with no clear amount; it is kept under imported.unmapped",
        ),
        (
            "I010",
            6,
            13,
            "duration 'TBD' is not a number of days; it is kept under imported.unmapped",
        ),
        (
            "I010",
            8,
            17,
            "standard_sow is a '#TODO' placeholder, read as empty; it is kept under imported.unmapped",
        ),
    ]
    imported = offering(data, "migration", "migration-jenkins")
    assert imported["variants"] == [{"id": "custom"}]
    assert imported["imported"]["unmapped"] == {
        "price": "TBD",
        "duration": "TBD",
        "sku": None,
        "standard_sow": None,
    }


def test_missing_values_get_a_stand_in_that_the_message_names(in_tmp: Path) -> None:
    """No name, no category, an unknown maturity: I012 errors, and the value kept."""
    result, data = import_text(
        Path("x"),
        """\
        - id: mystery
          maturity: Beta
          sku: GL-MYSTERY
        """,
    )
    assert [
        (d.code, d.location.line, d.location.column, d.message) for d in result.diagnostics
    ] == [
        ("I012", 1, 3, "entry 'mystery' has no category; it is imported into 'uncategorised'"),
        ("I012", 1, 3, "entry 'mystery' has no name; the offering is named 'mystery'"),
        (
            "I012",
            2,
            13,
            "entry 'mystery' has the maturity 'Beta', none of planned, minimal, viable, complete "
            "or lovable; it is imported as 'minimal', the lowest a SKU allows",
        ),
    ]
    mystery = offering(data, "uncategorised", "mystery")
    assert (mystery["name"], mystery["maturity"]) == ("mystery", "minimal")
    assert mystery["imported"]["unmapped"] == {"maturity": "Beta"}


def test_ids_that_become_the_same_slug_are_both_kept_and_reported(in_tmp: Path) -> None:
    """Two source ids that differ only by case and punctuation: I014, both offerings keep the id."""
    result, data = import_text(
        Path("x"),
        """\
        - id: Migration_Plus
          name: Migration+
          category: Migration
          maturity: Viable
        - id: migration-plus
          name: Migration Plus
          category: Migration
          maturity: Viable
        """,
    )
    [collision] = result.diagnostics
    assert (collision.code, collision.location.line, collision.location.column) == ("I014", 5, 7)
    assert collision.message == (
        "entry 'migration-plus' becomes the catalog id 'migration-plus', as entry "
        "'Migration_Plus' does; both offerings keep it"
    )
    assert [o["id"] for o in data["migration.yaml"]["offerings"]] == [
        "migration-plus",
        "migration-plus",
    ]


def test_an_entry_sold_with_a_sku_cannot_leave_its_sow_empty(in_tmp: Path) -> None:
    """An empty standard_sow beside a SKU is I004; the SKU stays on the standard variant."""
    result, data = import_text(
        Path("x"),
        """\
        - id: integration_jira
          name: JIRA Integration
          category: Integration
          maturity: Viable
          sku: GL-JIRA
          standard_sow:
          price: 2400
        """,
    )
    assert [
        (d.code, d.location.line, d.location.column, d.message) for d in result.diagnostics
    ] == [
        (
            "I004",
            6,
            16,
            "standard_sow is empty on entry 'integration_jira', which is sold with a SKU",
        )
    ]
    variant = offering(data, "integration", "integration-jira")["variants"][0]
    assert variant == {
        "id": "standard",
        "sku": "GL-JIRA",
        "price": {"amount": 2400, "currency": "USD", "unit": "engagement"},
    }


def test_an_export_block_decides_grouping_over_suffixes(in_tmp: Path) -> None:
    """Entries with a pscatalog block are grouped and named by it, not by their ids."""
    result, data = import_text(
        Path("x"),
        f"""\
        - id: basics
          name: Basics
          category: Education
          level: 2 - Adoption
          maturity: Viable
          sku: GL-BAS
          standard_sow: https://example.com/sow
          {BLOCK_KEY}:
            category: education
            offering: basics
            variant: standard
        - id: basics_remote
          name: Basics, remote
          category: Education
          level: 2 - Adoption
          maturity: Viable
          {BLOCK_KEY}:
            category: education
            offering: basics
            variant: custom
            variant_fields:
              delivery: remote
        """,
    )
    assert result.diagnostics == []
    assert offering(data, "education", "basics")["variants"] == [
        {"id": "standard", "sku": "GL-BAS", "standard_sow": "https://example.com/sow"},
        {"id": "custom", "name": "Basics, remote", "delivery": "remote"},
    ]


def test_a_source_key_named_like_a_reserved_one_is_kept(in_tmp: Path) -> None:
    """A source's own 'variants' key is kept in the variants block; a stray 'pscatalog' key too."""
    result, data = import_text(
        Path("x"),
        """\
        - id: kit
          name: Kit
          category: Education
          maturity: Minimal
          variants: [a, b]
          pscatalog: not an export block
        """,
    )
    assert [
        (d.code, d.location.line, d.location.column, d.message) for d in result.diagnostics
    ] == [
        (
            "I010",
            6,
            14,
            "pscatalog 'not an export block' is not the block pscatalog's export writes; it is "
            "kept under imported.unmapped",
        )
    ]
    assert offering(data, "education", "kit")["imported"]["unmapped"] == {
        "pscatalog": "not an export block",
        "variants": {"custom": {"variants": ["a", "b"]}},
    }


ODD_STRINGS = [
    "no",
    "On",
    "012",
    "1:30",
    "2022-01-01",
    "1_000",
    "0b101",
    "~",
    "null",
    "true",
    "1e3",
    ".inf",
    "-.Inf",
    ".NaN",
    "",
    " leading",
    "trailing ",
    "Setup: one day",
    "a #b",
    "#x",
    "- x",
    "-x",
    "?x",
    "x:",
    "---x",
    "...",
    "<<",
    "*star",
    "&amp",
    "!bang",
    "|pipe",
    ">fold",
    "[x",
    "{x",
    "@at",
    "`tick",
    "%pct",
    "it's",
    'say "hi"',
    "back\\slash",
    "tab\there",
    "a\rb",
    "x\x85y",
    "a\u2028b",
    "\ufeffbom",
    "\x07bell",
    "\x7f",
    "café ’ \U0001f600",
    "a\nb",
    "a\nb\n",
    "a\nb\n\n",
    "\nfirst line empty",
    "\n\n  indented\nthen not\n",
    "a \nb",
    "x\n \ny",
    "<ul>\n  <li>one</li>\n</ul>\n",
]


@pytest.mark.parametrize("text", ODD_STRINGS)
def test_written_yaml_reads_back_as_the_same_string(tmp_path: Path, text: str) -> None:
    """Any string, as a value, a list item or a key, reads back unchanged and without warning."""
    data = {"key": text, "items": [text, {"nested": text}], (text or "k") + "!": 1}
    if text == "<<":
        del data["<<!"]  # a '<<' key is a merge key to every YAML reader, quoted or not
        data["k"] = 1
    path = tmp_path / "written.yaml"
    path.write_text(yaml_text(data), encoding="utf-8")
    doc = load_document(path, "written.yaml")
    assert (doc.data, doc.diagnostics) == (data, [])
    listed = tmp_path / "services.yml"
    listed.write_text(services_text([{"a": {"b": text}}, {"a": text}]), encoding="utf-8")
    assert load_document(listed, "services.yml").data == [{"a": {"b": text}}, {"a": text}]


def test_written_yaml_has_the_canonical_layout() -> None:
    """Plain where safe, double quotes otherwise, literal blocks, sequences under their key."""
    assert yaml_text(
        {
            "plain": "Setup and test",
            "yaml11": "no",
            "colon": "Setup: one day",
            "break": "x\u2028y",
            "lines": "one\ntwo\n",
            "stages": ["Plan", "Verify"],
            "price": {"amount": 2400, "currency": "USD"},
            "empty": None,
            "none": [],
        }
    ) == (
        "plain: Setup and test\n"
        'yaml11: "no"\n'
        'colon: "Setup: one day"\n'
        'break: "x\\Ly"\n'
        "lines: |\n"
        "  one\n"
        "  two\n"
        "stages:\n"
        "  - Plan\n"
        "  - Verify\n"
        "price:\n"
        "  amount: 2400\n"
        "  currency: USD\n"
        "empty:\n"
        "none: []\n"
    )
    assert services_text([{"id": "a", "x": [1]}, {"id": "b"}]) == (
        "- id: a\n  x:\n    - 1\n\n- id: b\n"
    )


# -- each code's module, and its examples


IMPORT_CODES = sorted(code for code in CODES if code.startswith("I"))
EXAMPLE = re.compile(r"^(?P<kind>Failing|Passing):\n\n```yaml\n(?P<yaml>.*?)^```$", re.M | re.S)


@pytest.mark.parametrize("code", IMPORT_CODES)
def test_each_import_codes_examples_say_what_import_finds(in_tmp: Path, code: str) -> None:
    """The 'Failing:' example of an import code, imported, reports it; the 'Passing:' one not."""
    examples = {m["kind"]: m["yaml"] for m in EXAMPLE.finditer(CODES[code].__doc__ or "")}
    found = {}
    for kind, text in examples.items():
        (in_tmp / kind).mkdir()
        (in_tmp / kind / "services.yml").write_text(text, encoding="utf-8")
        result = import_services(in_tmp / kind / "services.yml", in_tmp / kind / "catalog")
        found[kind] = code in {d.code for d in result.diagnostics}
    assert found == {"Failing": True, "Passing": False}


def test_the_import_codes_need_no_module_of_their_own_but_their_own() -> None:
    """Every I code is a module of pscatalog.rules with a function that makes its finding."""
    for code in IMPORT_CODES:
        module = CODES[code]
        functions = [
            name
            for name, value in vars(module).items()
            if inspect.isfunction(value) and value.__module__ == module.__name__
        ]
        assert functions, code
    assert importlib.util.find_spec("pscatalog.rules._import_codes") is None


# -- values read as people write them


def test_a_price_with_its_currency_is_imported_in_that_currency(in_tmp: Path) -> None:
    """'14.400 €' is 14400 EUR, said at its line; the hint names the currency."""
    result, data = import_text(
        Path("x"),
        """\
        - id: audit
          name: Audit
          category: Expert
          maturity: Minimal
          price: 14.400 €
        """,
    )
    [converted] = result.diagnostics
    assert (converted.code, converted.location.line, converted.location.column) == ("I003", 5, 10)
    assert converted.message == "price is written as text, '14.400 €'; it is imported as 14400 EUR"
    assert converted.hint == "write the amount as a number: price: 14400, with currency: EUR"
    variant = offering(data, "expert", "audit")["variants"][0]
    assert variant["price"] == {"amount": 14400, "currency": "EUR", "unit": "engagement"}


def test_a_currency_that_says_otherwise_than_the_price_is_kept_and_reported(in_tmp: Path) -> None:
    """currency: USD beside '14,400 EUR', or currency: usd, is I010; the price keeps its own."""
    result, data = import_text(
        Path("x"),
        """\
        - id: audit
          name: Audit
          category: Expert
          maturity: Minimal
          price: 14,400 EUR
          currency: USD
        - id: review
          name: Review
          category: Expert
          maturity: Minimal
          price: 500
          currency: usd
        """,
    )
    assert [
        (d.location.line, d.location.column, d.message)
        for d in result.diagnostics
        if d.code == "I010"
    ] == [
        (
            6,
            13,
            "currency 'USD' is not the currency of the price, EUR; it is kept under "
            "imported.unmapped",
        ),
        (
            12,
            13,
            "currency 'usd' is not a currency code of three capitals; it is kept under "
            "imported.unmapped",
        ),
    ]
    audit = offering(data, "expert", "audit")
    assert audit["variants"][0]["price"]["currency"] == "EUR"
    assert audit["imported"]["unmapped"] == {"currency": "USD"}
    assert offering(data, "expert", "review")["variants"][0]["price"]["currency"] == "USD"


def test_a_remote_price_is_shown_without_the_punctuation_after_it(in_tmp: Path) -> None:
    """'Remote: $4,000, On-site: $5,000' names the remote price as '$4,000' (I008)."""
    result, _ = import_text(
        Path("x"),
        """\
        - id: basics_remote
          name: Basics, remote
          category: Education
          maturity: Minimal
          price: 5000
          price_desc: "Remote: $4,000, On-site: $5,000."
        """,
    )
    [finding] = result.diagnostics
    assert (finding.code, finding.location.line, finding.location.column) == ("I008", 1, 7)
    assert finding.message == (
        "id 'basics_remote' says remote, but its price 5000 is the on-site price of its "
        "price_desc (remote: $4,000)"
    )
    assert [str(related) for related in finding.related] == [
        "x/services.yml:5:10: the price is given here"
    ]


def test_a_price_in_either_duration_field_is_reported_and_kept(in_tmp: Path) -> None:
    """duration: '$500' and duration_desc: '3 months, EUR 5,000 a month' are I005 errors."""
    result, data = import_text(
        Path("x"),
        """\
        - id: audit
          name: Audit
          category: Expert
          maturity: Minimal
          price: -3
          duration: $500
          duration_desc: 3 months, EUR 5,000 a month
        """,
    )
    assert [
        (d.location.line, d.location.column, d.message)
        for d in result.diagnostics
        if d.code == "I005"
    ] == [
        (
            6,
            13,
            "duration holds a price, '$500'; it is kept under imported.unmapped",
        ),
        (
            7,
            18,
            "duration_desc holds a price, '3 months, EUR 5,000 a month'; it is kept under "
            "imported.unmapped",
        ),
    ]
    assert offering(data, "expert", "audit")["imported"]["unmapped"] == {
        "price": -3,
        "duration": "$500",
        "duration_desc": "3 months, EUR 5,000 a month",
    }


def test_a_duration_in_a_sentence_is_read_and_the_sentence_kept_as_its_note(
    in_tmp: Path,
) -> None:
    """'Estimated to be 3 weeks total' is 3 weeks, an I011 note at its line."""
    result, data = import_text(
        Path("x"),
        """\
        - id: quickstart
          name: Quickstart
          category: Implementation
          maturity: Minimal
          duration_desc: Estimated to be 3 weeks total
        """,
    )
    assert [
        (d.code, d.location.line, d.location.column, d.message) for d in result.diagnostics
    ] == [
        (
            "I011",
            5,
            18,
            "duration_desc 'Estimated to be 3 weeks total' is imported as 3 week(s), note "
            "'Estimated to be 3 weeks total'",
        )
    ]
    assert offering(data, "implementation", "quickstart")["variants"][0]["duration"] == {
        "value": 3,
        "unit": "week",
        "note": "Estimated to be 3 weeks total",
    }


def test_a_unit_said_after_the_price_in_its_description_is_the_price_unit(
    in_tmp: Path,
) -> None:
    """'$2,400 per day' without a unit key is a day rate, an I011 note at price_desc."""
    result, data = import_text(
        Path("x"),
        """\
        - id: consulting
          name: Consulting
          category: Expert
          maturity: Minimal
          price: 2400
          price_desc: $2,400 per day, plus travel
        """,
    )
    assert [
        (d.code, d.location.line, d.location.column, d.message, d.hint) for d in result.diagnostics
    ] == [
        (
            "I011",
            6,
            15,
            "price_desc '$2,400 per day, plus travel' gives the price of one day; its unit is "
            "imported as 'day'",
            "write it in the entry: unit: day",
        )
    ]
    assert offering(data, "expert", "consulting")["variants"][0]["price"] == {
        "amount": 2400,
        "currency": "USD",
        "unit": "day",
        "note": "$2,400 per day, plus travel",
    }


def test_a_repeated_id_on_the_first_entry_is_reported_not_a_crash(in_tmp: Path) -> None:
    """The first entry's id used again: I001, and never a group with a suffixed sibling (I014)."""
    result, data = import_text(
        Path("x"),
        """\
        - id: Dup
          name: First
          category: Education
          maturity: Minimal
        - id: Dup
          name: Second
          category: Education
          maturity: Minimal
        - id: Dup_remote
          name: Third
          category: Education
          maturity: Minimal
        """,
    )
    assert [
        (d.code, d.location.line, d.location.column, d.message) for d in result.diagnostics
    ] == [
        (
            "I001",
            5,
            7,
            "id 'Dup' is already used by another entry; both are imported as offerings with "
            "the same id",
        ),
        (
            "I014",
            9,
            7,
            "entry 'Dup_remote' becomes the catalog id 'dup', as entry 'Dup' does; both "
            "offerings keep it",
        ),
    ]
    assert [
        (o["id"], o["name"], [v["id"] for v in o["variants"]])
        for o in data["education.yaml"]["offerings"]
    ] == [("dup", "First", ["custom"]), ("dup", "Second", ["custom"]), ("dup", "Third", ["custom"])]


# -- never over a file import did not write


LEVELS_CATEGORY = """\
# yaml-language-server: $schema=../schema/category.schema.json
id: levels
name: Levelling audits
level: product
offerings:
  - id: audit
    name: Audit
    maturity: planned
    variants:
      - id: custom
"""


def test_a_category_named_levels_keeps_the_levels_after_export_then_import(
    in_tmp: Path,
) -> None:
    """Category id 'levels': export then import writes it to levels-2.yaml, beside the levels."""
    shutil.copytree(REPO / "schema", in_tmp / "schema")
    (in_tmp / "catalog").mkdir()
    (in_tmp / "catalog" / "levels.yaml").write_text(
        (REPO / "catalog" / "levels.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (in_tmp / "catalog" / "audits.yaml").write_text(LEVELS_CATEGORY, encoding="utf-8")
    exported = CliRunner().invoke(cli, ["export", "--format", "services-yml", "-o", "s.yml"])
    assert exported.exit_code == 0
    outcome = CliRunner().invoke(
        cli, ["import", "s.yml", "--output", "back", "--output-format", "concise"]
    )
    assert (outcome.exit_code, outcome.stdout) == (
        0,
        "s.yml:7:15: warning I015 category 'levels' is written to levels-2.yaml: its own file "
        "name, levels.yaml, is the levels file's\n",
    )
    assert sorted(path.name for path in (in_tmp / "back").iterdir()) == [
        "levels-2.yaml",
        "levels.yaml",
    ]
    back = load_catalog(in_tmp / "back")
    assert [level.data["id"] for level in back.levels] == ["product", "adoption", "transformation"]
    assert [(c.data["id"], c.data["name"]) for c in back.categories] == [
        ("levels", "Levelling audits")
    ]
    assert [d.message for d in validate([in_tmp / "back"]).diagnostics] == [
        d.message for d in validate([in_tmp / "catalog"]).diagnostics
    ]
    again = CliRunner().invoke(
        cli, ["import", "s.yml", "--output", "back", "--force", "--output-format", "concise"]
    )
    assert (again.exit_code, again.stdout) == (0, outcome.stdout)
    assert sorted(path.name for path in (in_tmp / "back").iterdir()) == [
        "levels-2.yaml",
        "levels.yaml",
    ]


JIRA = "- id: jira\n  name: JIRA\n  category: Integration\n  maturity: Complete\n"


def test_forced_import_never_writes_over_a_file_already_in_the_folder(in_tmp: Path) -> None:
    """A file named like a category's, in any case or punctuation, stays; the category moves."""
    (in_tmp / "services.yml").write_text(
        JIRA + "- id: kit\n  name: Kit\n  category: Partner Services\n  maturity: Minimal\n",
        encoding="utf-8",
    )
    (in_tmp / "catalog").mkdir()
    mine = {"Integration.yml": "mine: 1\n", "partner_services.yaml": "mine: 2\n"}
    for name, text in mine.items():
        (in_tmp / "catalog" / name).write_text(text, encoding="utf-8")
    result = import_services("services.yml", "catalog", force=True)
    assert rows(result, Severity.WARNING) == [
        (
            "I015",
            "services.yml",
            3,
            13,
            "category 'integration' is written to integration-2.yaml: its own file name, "
            "integration.yaml, is taken by Integration.yml, already in the output folder",
        ),
        (
            "I009",
            "services.yml",
            7,
            13,
            "category 'Partner Services' is none of the framework's categories; its entries "
            "are imported into a category of their own, 'partner-services'",
        ),
        (
            "I015",
            "services.yml",
            7,
            13,
            "category 'partner-services' is written to partner-services-2.yaml: its own file "
            "name, partner-services.yaml, is taken by partner_services.yaml, already in the "
            "output folder",
        ),
    ]
    assert result.diagnostics[0].hint == (
        "import into an empty folder, or give the category an id whose file name is free"
    )
    assert sorted(path.name for path in (in_tmp / "catalog").iterdir()) == [
        "Integration.yml",
        "integration-2.yaml",
        "levels.yaml",
        "partner-services-2.yaml",
        "partner_services.yaml",
    ]
    for name, text in mine.items():
        assert (in_tmp / "catalog" / name).read_text(encoding="utf-8") == text


def test_forced_import_into_its_own_unchanged_output_rewrites_it(in_tmp: Path) -> None:
    """Files that hold exactly what import writes are its own: a second run finds no collision."""
    (in_tmp / "services.yml").write_text(JIRA, encoding="utf-8")
    first = import_services("services.yml", "catalog")
    again = import_services("services.yml", "catalog", force=True)
    assert again.diagnostics == first.diagnostics == []
    assert again.files == first.files
    assert sorted(path.name for path in (in_tmp / "catalog").iterdir()) == [
        "integration.yaml",
        "levels.yaml",
    ]


def test_forced_import_keeps_an_edited_file_and_a_levels_file_it_did_not_write(
    in_tmp: Path,
) -> None:
    """An edited category file stays; a levels.yml stays and levels.yaml is not added."""
    (in_tmp / "services.yml").write_text(JIRA, encoding="utf-8")
    import_services("services.yml", "catalog")
    edited = (in_tmp / "catalog" / "integration.yaml").read_text(encoding="utf-8") + "# mine\n"
    (in_tmp / "catalog" / "integration.yaml").write_text(edited, encoding="utf-8")
    (in_tmp / "catalog" / "levels.yaml").rename(in_tmp / "catalog" / "levels.yml")
    outcome = CliRunner().invoke(
        cli, ["import", "services.yml", "--force", "--output-format", "concise"]
    )
    assert (outcome.exit_code, outcome.stdout) == (
        0,
        "services.yml:1:1: warning I015 the output folder already has a levels file, "
        "levels.yml; it is kept, and the import's levels are not written\n"
        "services.yml:3:13: warning I015 category 'integration' is written to "
        "integration-2.yaml: its own file name, integration.yaml, is taken by "
        "integration.yaml, already in the output folder\n",
    )
    assert outcome.stderr == "pscatalog: wrote 1 files to catalog\n"
    assert (in_tmp / "catalog" / "integration.yaml").read_text(encoding="utf-8") == edited
    assert sorted(path.name for path in (in_tmp / "catalog").iterdir()) == [
        "integration-2.yaml",
        "integration.yaml",
        "levels.yml",
    ]


def test_categories_whose_file_names_would_be_one_get_distinct_files(in_tmp: Path) -> None:
    """Two long ids alike in their first 100 characters: the second file is '-2', reported."""
    long_id = "a" * 120
    same_start = "a" * 100 + "-b"
    entries = [
        {
            "id": f"x{n}",
            "name": f"X{n}",
            "category": "Long",
            "maturity": "Planned",
            "pscatalog": {"category": category, "offering": f"x{n}", "variant": "custom"},
        }
        for n, category in enumerate((long_id, same_start))
    ]
    (in_tmp / "services.yml").write_text(services_text(entries), encoding="utf-8")
    result = import_services("services.yml", "out")
    [taken] = result.diagnostics
    assert (taken.code, taken.location.line, taken.location.column) == ("I015", 15, 15)
    assert taken.message == (
        f"category '{same_start}' is written to {'a' * 100}-2.yaml: its own file name, "
        f"{'a' * 100}.yaml, is taken by category '{long_id}' ({'a' * 100}.yaml)"
    )
    assert [str(related) for related in taken.related] == ["services.yml:6:15: the other category"]
    assert list(result.files) == ["levels.yaml", f"{'a' * 100}.yaml", f"{'a' * 100}-2.yaml"]
    assert {c.data["id"] for c in load_catalog(in_tmp / "out").categories} == {
        long_id,
        same_start,
    }
