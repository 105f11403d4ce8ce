"""`pscatalog export --format services-yml`: GitLab's flat services file, and back.

The export gives one entry per variant with the real file's fields; importing
it gives back the same offerings, for the shipped catalog, for the real
snapshots once imported, and for generated catalogs.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from itertools import count
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import REAL_DATA, REPO, SHIPPED_CATALOG
from pscatalog.catalog.model import MATURITIES, Catalog, load_catalog
from pscatalog.catalog.services_file import BLOCK_KEY, CATEGORY_DEFINITIONS, LEVEL_DEFINITIONS
from pscatalog.checks.checker import validate
from pscatalog.cli.main import cli
from pscatalog.outputs.exporting import (
    EXPORTER_BY_FORMAT,
    FORMATS,
    export_services,
    services_entries,
)
from pscatalog.tools.importing import import_services
from pscatalog.yamltext.loader import load_document


def offerings_by_category(catalog: Catalog) -> dict[str, list[dict[str, Any]]]:
    """Each category's offerings in file order, without what import adds (``imported``)."""
    found: dict[str, list[dict[str, Any]]] = {}
    for offering in catalog.offerings:
        data = {key: value for key, value in offering.entry.data.items() if key != "imported"}
        found.setdefault(offering.category.data["id"], []).append(data)
    return found


def headers(catalog: Catalog) -> dict[str, dict[str, Any]]:
    """Each category file's own keys, without its offerings."""
    return {
        category.data["id"]: {k: v for k, v in category.data.items() if k != "offerings"}
        for category in catalog.categories
    }


def round_trip(catalog: Catalog, folder: Path, name: str = "services.yml") -> Catalog:
    """Export ``catalog`` to ``folder/name``, import it into ``folder/back``, and read that."""
    (folder / name).write_text(export_services(catalog), encoding="utf-8")
    import_services(folder / name, folder / "back")
    return load_catalog(folder / "back")


def test_shipped_catalog_comes_back_the_same(tmp_path: Path) -> None:
    """Export then import of the shipped catalog: same offerings, categories and levels, no finding."""
    shipped = load_catalog(SHIPPED_CATALOG)
    (tmp_path / "services.yml").write_text(export_services(shipped), encoding="utf-8")
    result = import_services(tmp_path / "services.yml", tmp_path / "back")
    assert result.diagnostics == []
    back = load_catalog(tmp_path / "back")
    assert offerings_by_category(back) == offerings_by_category(shipped)
    assert headers(back) == headers(shipped)
    assert back.levels_doc is not None
    assert shipped.levels_doc is not None
    assert back.levels_doc.data == shipped.levels_doc.data


def test_every_offering_of_the_shipped_catalog_keeps_its_skus_prices_and_maturity(
    tmp_path: Path,
) -> None:
    """The round trip keeps each variant's id, SKU and price, and each maturity."""
    shipped = load_catalog(SHIPPED_CATALOG)
    back = round_trip(shipped, tmp_path)

    def summary(catalog: Catalog) -> list[tuple[Any, ...]]:
        return [
            (
                o.entry.data["id"],
                o.entry.data["maturity"],
                [(v.data["id"], v.data.get("sku"), v.data.get("price")) for v in o.variants],
            )
            for o in catalog.offerings
        ]

    assert summary(back) == summary(shipped)
    assert len(summary(shipped)) == 15


def test_one_entry_per_variant_with_the_real_files_fields() -> None:
    """An entry has id, name, level as '1 - Product', the source's category, maturity, price..."""
    entries = services_entries(load_catalog(SHIPPED_CATALOG))
    assert len(entries) == 23
    [jira] = [entry for entry in entries if entry["id"] == "jira"]
    flat = {key: value for key, value in jira.items() if key != BLOCK_KEY}
    assert flat == {
        "id": "jira",
        "name": "Jira integration",
        "desc_url": "https://about.gitlab.com/services/implementation/integration/",
        "short_desc": "Set up and test the integration between GitLab and Jira.",
        "description2": "Setup and test of the integration between GitLab and one Jira instance, as sold under GL-JIRA.",
        "target_audience": "Customers who need to integrate GitLab with Jira.",
        "level": "1 - Product",
        "category": "Integration",
        "maturity": "Complete",
        "price": 2400,
        "price_desc": "$2,400",
        "duration": 1,
        "duration_desc": "1-3 days",
        "sku": "GL-JIRA",
        "standard_sow": "https://docs.google.com/document/d/1QwlpyetVQ_J27Vp8quZsayu7xgJxk5wdcnmNK7OvAiQ/edit",
        "stages": "Plan",
    }
    assert {key: jira[BLOCK_KEY][key] for key in ("category", "offering", "variant")} == {
        "category": "integration",
        "offering": "jira",
        "variant": "standard",
    }
    assert jira[BLOCK_KEY]["variant_fields"] == {"delivery": "remote", "deployment": "any"}


def test_dedicated_engineer_is_six_consulting_entries_at_level_3() -> None:
    """Each SKU of the dedicated engineer is an entry, priced and timed as the file writes it."""
    entries = services_entries(load_catalog(SHIPPED_CATALOG))
    dedicated = [
        (e["id"], e["sku"], e["price"], e["price_desc"], e["duration_desc"])
        for e in entries
        if e[BLOCK_KEY]["offering"] == "dedicated-engineer"
    ]
    assert dedicated == [
        ("dedicated-engineer", "GL-ENGR-3", 147900, "$147,900", "3 months, 40 hours per week"),
        (
            "dedicated-engineer_6-months",
            "GL-ENGR-6",
            281010,
            "$281,010",
            "6 months, 40 hours per week",
        ),
        (
            "dedicated-engineer_12-months",
            "GL-ENGR-12",
            502860,
            "$502,860",
            "12 months, 40 hours per week",
        ),
        (
            "dedicated-engineer_cleared-3-months",
            "GL-ENGR-CLEARED-3",
            184875,
            "$184,875",
            "3 months, 40 hours per week",
        ),
        (
            "dedicated-engineer_cleared-6-months",
            "GL-ENGR-CLEARED-6",
            351263,
            "$351,263",
            "6 months, 40 hours per week",
        ),
        (
            "dedicated-engineer_cleared-12-months",
            "GL-ENGR-CLEARED-12",
            628575,
            "$628,575",
            "12 months, 40 hours per week",
        ),
    ]
    assert {
        (e["level"], e["category"], e["maturity"])
        for e in entries
        if e[BLOCK_KEY]["offering"] == "dedicated-engineer"
    } == {("3 - Transformation", "Consulting", "Complete")}


def test_export_is_a_flat_yaml_list_a_blank_line_apart() -> None:
    """The text is a top-level list as the real file writes it, each entry after a blank line."""
    text = export_services(load_catalog(SHIPPED_CATALOG))
    lines = text.splitlines()
    assert lines[0] == "- id: rapid-results-implementation"
    starts = [n for n, line in enumerate(lines) if line.startswith("- id: ")]
    assert len(starts) == 23
    assert all(lines[n - 1] == "" for n in starts[1:])
    assert all(not line.startswith(" ") or line.startswith("  ") for line in lines)


def test_cli_writes_services_yml_to_stdout_or_a_file(in_tmp: Path) -> None:
    """`export --format services-yml` prints the export; with -o it writes the file."""
    tmp_path = in_tmp
    shutil.copytree(SHIPPED_CATALOG, tmp_path / "catalog")
    shutil.copytree(REPO / "schema", tmp_path / "schema")
    expected = export_services(load_catalog(tmp_path / "catalog"))
    printed = CliRunner().invoke(cli, ["export", "--format", "services-yml"])
    assert (printed.exit_code, printed.stdout) == (0, expected)
    written = CliRunner().invoke(cli, ["export", "--format", "services-yml", "-o", "services.yml"])
    assert (written.exit_code, written.stdout) == (0, "")
    assert (tmp_path / "services.yml").read_text(encoding="utf-8") == expected
    dashed = CliRunner().invoke(cli, ["export", "--format", "services-yml", "-o", "-"])
    assert (dashed.exit_code, dashed.stdout) == (0, expected)
    assert not (tmp_path / "-").exists()


@pytest.mark.parametrize(
    ("command", "kind"), [("baseline", "file"), ("schema", "folder"), ("import", "folder")]
)
def test_a_dash_is_never_a_file_named_dash(in_tmp: Path, command: str, kind: str) -> None:
    """Where a command cannot write to standard output, `-o -` is refused: exit 2, one line."""
    result = CliRunner().invoke(cli, [command, "-o", "-"])
    assert (result.exit_code, result.stderr) == (
        2,
        "pscatalog: error: invalid value for '-o' / '--output': "
        f"'-' is not a place to write here: name a {kind}\n"
        f"Try 'pscatalog {command} --help' for help.\n",
    )
    assert not (in_tmp / "-").exists()


def test_the_cli_offers_every_export_format() -> None:
    """`export --format` accepts exactly the formats exporting.py has."""
    command = cli.commands["export"]
    [option] = [param for param in command.params if param.name == "export_format"]
    assert list(option.type.choices) == list(FORMATS) == list(EXPORTER_BY_FORMAT)  # type: ignore[attr-defined]


def test_a_real_snapshot_imported_exports_its_source_ids_and_kept_keys(tmp_path: Path) -> None:
    """Entries keep the source's ids, and the keys import kept go back on their entries."""
    import_services(REAL_DATA / "services-2022-08.yml", tmp_path / "catalog")
    entries = services_entries(load_catalog(tmp_path / "catalog"))
    by_id: dict[str, list[dict[str, Any]]] = {}
    for entry in entries:
        by_id.setdefault(entry["id"], []).append(entry)
    source = load_document(REAL_DATA / "services-2022-08.yml", "services.yml").data
    assert sorted(by_id) == sorted({entry["id"] for entry in source})
    assert [entry["sku"] for entry in by_id["Dedicated-12"]] == ["GL-ENGR-12", "GL-ENGR-CLEARED-12"]
    [remote] = by_id["training_sessions_basics_remote"]
    assert remote["sow_name"] == "Basic Training - Remote SOW"
    assert remote["target_audience"] == "Any team member new to Git and GitLab"
    assert (remote["sku"], remote["price"], remote["category"]) == ("GL-BAS-R", 5000, "Education")
    [admin] = by_id["training_sessions_admin"]
    assert (admin["sku"], admin["standard_sow"], admin["level"]) == (None, None, "2 - Adoption")


def test_real_snapshots_survive_export_then_import(tmp_path: Path) -> None:
    """Imported, exported and imported again: same offerings, same kept keys but the level."""
    for name in ("services-2022-08.yml", "services-2022-11.yml"):
        folder = tmp_path / name
        folder.mkdir()
        import_services(REAL_DATA / name, folder / "catalog")
        first = load_catalog(folder / "catalog")
        again = round_trip(first, folder, "exported.yml")
        assert offerings_by_category(again) == offerings_by_category(first)

        def kept(catalog: Catalog) -> list[dict[str, Any]]:
            return [
                {key: value for key, value in o.entry.data["imported"].items() if key != "source"}
                for o in catalog.offerings
            ]

        without_level = [
            {
                **imported,
                "unmapped": {
                    key: value
                    for key, value in imported.get("unmapped", {}).items()
                    if key != "level"
                },
            }
            for imported in kept(first)
        ]
        assert [{**k, "unmapped": k.get("unmapped", {})} for k in kept(again)] == without_level


# -- generated catalogs

TEXT = st.text(alphabet="abcXYZé 0159:#$,-~'\"\n", min_size=1, max_size=24)
NAME = st.text(alphabet="abcXYZé 0159:#$,-~'\"", min_size=1, max_size=24)  # names are one line
URL = st.sampled_from(["https://example.com/a", "https://example.com/services/b#x"])
STAGES = ("Plan", "Create", "Verify", "Secure", "Manage")
ALTERNATIVES = ("remote", "on-site", "6-months", "gitlab-com", "cleared-3-months")


@st.composite
def durations(draw: st.DrawFn) -> dict[str, Any]:
    """A duration: a length or a range, in any unit, perhaps with a note."""
    number = st.sampled_from([1, 2, 3, 10, 0.5, 1.5, 12])
    duration: dict[str, Any] = (
        {"value": draw(number)}
        if draw(st.booleans())
        else {"min": draw(number), "max": draw(number)}
    )
    duration["unit"] = draw(st.sampled_from(["hour", "day", "week", "month"]))
    if draw(st.booleans()):
        duration["note"] = draw(TEXT | st.sampled_from(["20 days", "3 days", "1-3 days"]))
    return duration


@st.composite
def prices(draw: st.DrawFn) -> dict[str, Any]:
    """A price: an amount or a range, in USD or EUR, for a unit, perhaps with a note."""
    number = st.sampled_from([0, 500, 2400, 14400, 1234.5])
    price: dict[str, Any] = (
        {"amount": draw(number)}
        if draw(st.booleans())
        else {"min": draw(number), "max": draw(number)}
    )
    price["currency"] = draw(st.sampled_from(["USD", "EUR"]))
    price["unit"] = draw(
        st.sampled_from(["engagement", "session", "seat", "day", "hour", "block", "month", "year"])
    )
    if draw(st.booleans()):
        price["note"] = draw(TEXT | st.just("$2,400"))
    return price


def optional(
    draw: st.DrawFn, data: dict[str, Any], key: str, values: st.SearchStrategy[Any]
) -> None:
    """Set ``data[key]`` to a drawn value, or leave it out."""
    if draw(st.booleans()):
        data[key] = draw(values)


@st.composite
def variants(draw: st.DrawFn, planned: bool, skus: count[int]) -> list[dict[str, Any]]:
    """The variants of an offering: a base one, then alternatives, valid for the schema."""
    base = "custom" if planned else draw(st.sampled_from(["standard", "custom"]))
    ids = [base, *draw(st.lists(st.sampled_from(ALTERNATIVES), unique=True, max_size=2))]
    found = []
    for variant_id in ids:
        variant: dict[str, Any] = {"id": variant_id}
        optional(draw, variant, "name", NAME)
        optional(draw, variant, "description", TEXT)
        sold = variant_id == "standard" or (
            variant_id != "custom" and not planned and draw(st.booleans())
        )
        if sold:
            variant["sku"] = f"GL-T{next(skus)}"
            variant["standard_sow"] = draw(URL)
        optional(draw, variant, "delivery", st.sampled_from(["remote", "on-site", "hybrid"]))
        optional(
            draw, variant, "deployment", st.sampled_from(["self-managed", "gitlab-com", "any"])
        )
        optional(draw, variant, "clearance", st.just(True))
        optional(draw, variant, "class_size", st.integers(1, 30))
        optional(draw, variant, "duration", durations())
        optional(draw, variant, "price", prices())
        found.append(variant)
    return found


@st.composite
def offerings(draw: st.DrawFn, offering_id: str, skus: count[int]) -> dict[str, Any]:
    """An offering valid for the schema, with any of its optional fields."""
    maturity = draw(st.sampled_from(MATURITIES))
    offering: dict[str, Any] = {"id": offering_id, "name": draw(NAME), "maturity": maturity}
    optional(draw, offering, "summary", TEXT)
    optional(draw, offering, "description", TEXT)
    optional(draw, offering, "url", URL)
    optional(draw, offering, "owner", TEXT)
    optional(draw, offering, "target_audience", TEXT)
    optional(draw, offering, "stages", st.lists(st.sampled_from(STAGES), unique=True, max_size=3))
    evidence: dict[str, Any] = {}
    optional(draw, evidence, "deliveries", st.integers(0, 40))
    optional(draw, evidence, "last_delivered", st.just("2022-10-28"))
    optional(draw, evidence, "marketing_material", st.lists(URL, min_size=1, max_size=2))
    optional(draw, evidence, "delivery_kit", URL)
    optional(draw, evidence, "nps", st.just({"score": 42}))
    if evidence:
        offering["evidence"] = evidence
    offering["variants"] = draw(variants(maturity == "planned", skus))
    return offering


@st.composite
def catalogs(draw: st.DrawFn) -> dict[str, Any]:
    """The files of a schema-valid catalog: the decided levels and some of the six categories."""
    chosen = draw(
        st.lists(st.sampled_from(list(CATEGORY_DEFINITIONS)), min_size=1, max_size=3, unique=True)
    )
    skus: count[int] = count()
    files: dict[str, Any] = {"levels.yaml": {"levels": [dict(d) for d in LEVEL_DEFINITIONS]}}
    for category_id in chosen:
        size = draw(st.integers(1, 3))
        files[f"{category_id}.yaml"] = {
            "schema_version": 1,
            **CATEGORY_DEFINITIONS[category_id],
            "offerings": [
                draw(offerings(f"{category_id}-offering-{n}", skus)) for n in range(size)
            ],
        }
    return files


@settings(max_examples=40, deadline=None)
@given(catalogs())
def test_export_then_import_gives_back_the_same_offerings(files: dict[str, Any]) -> None:
    """For any schema-valid catalog, import(export(catalog)) has the same offerings and variants."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "catalog"
        root.mkdir()
        for name, data in files.items():
            (root / name).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        checked = validate([root])
        assert checked.readable, [d.message for d in checked.diagnostics if d.code[0] in "YS"]
        catalog = checked.catalogs[0]
        back = round_trip(catalog, Path(folder))
        assert offerings_by_category(back) == offerings_by_category(catalog)


def test_a_source_key_named_variants_goes_back_on_its_entry(tmp_path: Path) -> None:
    """A services entry's own 'variants' key survives import then export."""
    (tmp_path / "services.yml").write_text(
        "- id: kit\n  name: Kit\n  category: Education\n  maturity: Minimal\n  variants: [a, b]\n",
        encoding="utf-8",
    )
    import_services(tmp_path / "services.yml", tmp_path / "catalog")
    [entry] = services_entries(load_catalog(tmp_path / "catalog"))
    assert (entry["id"], entry["variants"]) == ("kit", ["a", "b"])


def test_export_does_not_import_the_importer() -> None:
    """Importing the exporter, and exporting, loads neither pscatalog.tools nor the importer."""
    code = (
        "import sys; from pscatalog.catalog.model import load_catalog; "
        "from pscatalog.outputs.exporting import export_services; "
        f"export_services(load_catalog({str(SHIPPED_CATALOG)!r})); "
        "print(sorted(m for m in sys.modules if m.startswith('pscatalog.tools')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout == "[]\n"
