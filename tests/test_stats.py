"""Stats: offerings per level, category and maturity."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from conftest import REPO, SHIPPED_CATALOG
from helpers import category_file, write_catalog
from pscatalog.catalog.model import load_catalog
from pscatalog.cli.main import cli
from pscatalog.outputs.stats import (
    STATS_FORMATS,
    CategoryCount,
    LevelCount,
    catalog_stats,
    stats_markdown,
)

INTEGRATION = category_file(
    """\
    - id: jira
      name: JIRA
      maturity: minimal
      variants:
        - id: standard
          sku: GL-JIRA
          standard_sow: https://example.com/sow
        - id: remote
          sku: GL-JIRA-R
          standard_sow: https://example.com/sow
    - id: jenkins
      name: Jenkins
      maturity: planned
      variants:
        - id: custom
    """
)


def run(*args: str) -> tuple[int, str, str]:
    """Invoke the CLI in-process; return exit code, stdout and stderr."""
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_shipped_catalog_counts() -> None:
    """The shipped catalog: 15 offerings in 6 categories over 3 levels, by maturity."""
    stats = catalog_stats(load_catalog(SHIPPED_CATALOG))
    assert (stats.offerings, stats.variants, stats.skus) == (15, 23, 12)
    assert [(level.id, level.categories, level.offerings) for level in stats.levels] == [
        ("product", 3, 8),
        ("adoption", 1, 3),
        ("transformation", 2, 4),
    ]
    assert [(category.id, category.offerings) for category in stats.categories] == [
        ("implementation", 3),
        ("integration", 3),
        ("migration", 2),
        ("education", 3),
        ("dedicated", 1),
        ("expert", 3),
    ]
    assert stats.maturities == (
        ("planned", 6),
        ("minimal", 2),
        ("viable", 1),
        ("complete", 6),
        ("lovable", 0),
    )


def test_markdown_of_a_small_catalog(tmp_path: Path) -> None:
    """A summary line, then tables per level, category and maturity, with totals."""
    catalog = load_catalog(write_catalog(tmp_path / "catalog", {"integration.yaml": INTEGRATION}))
    assert stats_markdown(catalog_stats(catalog)) == (
        "5 offerings in 4 categories and 3 levels, with 6 variants and 2 SKUs.\n"
        "\n"
        "### Offerings per level\n"
        "\n"
        "| Level | Categories | Offerings |\n"
        "| :-- | --: | --: |\n"
        "| 1. Product | 2 | 3 |\n"
        "| 2. Adoption | 1 | 1 |\n"
        "| 3. Transformation | 1 | 1 |\n"
        "| **Total** | 4 | 5 |\n"
        "\n"
        "### Offerings per category\n"
        "\n"
        "| Category | Level | Offerings | Variants |\n"
        "| :-- | :-- | --: | --: |\n"
        "| Implementation Services | Product | 1 | 1 |\n"
        "| Integration Services | Product | 2 | 3 |\n"
        "| Education Services | Adoption | 1 | 1 |\n"
        "| Dedicated Services | Transformation | 1 | 1 |\n"
        "| **Total** |  | 5 | 6 |\n"
        "\n"
        "### Offerings per maturity\n"
        "\n"
        "| Maturity | Offerings | Share |\n"
        "| :-- | --: | --: |\n"
        "| Planned | 3 | 60% |\n"
        "| Minimal | 2 | 40% |\n"
        "| Viable | 0 | 0% |\n"
        "| Complete | 0 | 0% |\n"
        "| Lovable | 0 | 0% |\n"
    )


def test_a_level_missing_from_levels_yaml_is_counted_last(tmp_path: Path) -> None:
    """A category naming an undefined level still counts, under that level's id, rank unknown."""
    text = category_file(
        "- id: x\n  name: X\n  maturity: planned\n  variants:\n    - id: custom\n",
        level="partners",
        category_id="alliances",
    )
    stats = catalog_stats(load_catalog(write_catalog(tmp_path / "c", {"alliances.yaml": text})))
    assert stats.levels[-1] == LevelCount("partners", "partners", None, 1, 1)
    assert stats.categories[-1] == CategoryCount(
        "alliances", "Alliances Services", "partners", 1, 1
    )
    assert "| partners (undefined) | 1 | 1 |\n" in stats_markdown(stats)


def test_cli_markdown_and_json(in_tmp: Path) -> None:
    """`stats` prints Markdown; `--format json` the same counts for programs."""
    shutil.copytree(SHIPPED_CATALOG, in_tmp / "catalog")
    shutil.copytree(REPO / "schema", in_tmp / "schema")
    code, out, err = run("stats")
    assert (code, err) == (0, "")
    assert out.startswith(
        "15 offerings in 6 categories and 3 levels, with 23 variants and 12 SKUs.\n"
    )
    code, out, err = run("stats", "--format", "json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert (data["offerings"], data["variants"], data["skus"]) == (15, 23, 12)
    assert data["maturities"] == {
        "planned": 6,
        "minimal": 2,
        "viable": 1,
        "complete": 6,
        "lovable": 0,
    }
    assert data["levels"][0] == {
        "id": "product",
        "name": "Product",
        "rank": 1,
        "categories": 3,
        "offerings": 8,
    }
    assert data["categories"][-1] == {
        "id": "expert",
        "name": "Expert Services",
        "level": "transformation",
        "offerings": 3,
        "variants": 3,
    }


def test_cli_refuses_a_catalog_with_schema_errors(in_tmp: Path) -> None:
    """A schema error: exit 1, the errors on stderr, nothing on stdout."""
    bad = category_file(
        "- id: jira\n  name: JIRA\n  maturity: done\n  variants:\n    - id: custom\n"
    )
    write_catalog(in_tmp / "catalog", {"integration.yaml": bad})
    code, out, err = run("stats")
    assert (code, out) == (1, "")
    assert "\ncatalog/integration.yaml:7:15: error S004 'maturity' is 'done'" in f"\n{err}"
    assert err.endswith(
        "pscatalog: the catalog has YAML or schema errors; 'pscatalog stats' needs them fixed\n"
    )


def test_cli_choices_are_the_registry() -> None:
    """The `--format` choices of `stats` are the formats that exist."""
    params = {param.name: param for param in cli.commands["stats"].params}
    assert tuple(params["stats_format"].type.choices) == tuple(STATS_FORMATS)  # type: ignore[attr-defined]
