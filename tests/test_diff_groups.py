"""Diff of categories and levels: added, removed, renamed, moved, changed, reordered."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpers import BASE_CATEGORIES, LEVELS_YAML, write_catalog
from pscatalog.catalog.model import load_catalog
from pscatalog.cli.main import cli
from pscatalog.tools.diffing import diff_catalogs, diff_data, diff_markdown

EXPERT = """\
id: expert
name: Expert Services
level: transformation
offerings:
  - id: advisory
    name: Advisory
    maturity: planned
    variants:
      - id: custom
  - id: review
    name: Review
    maturity: planned
    variants:
      - id: custom
"""
# Renamed (with markup), moved to the product level, given an order, offerings reordered.
EXPERT_NEW = """\
id: expert
name: Expert <b>and</b> Advisory
level: product
order: 2
offerings:
  - id: review
    name: Review
    maturity: planned
    variants:
      - id: custom
  - id: advisory
    name: Advisory
    maturity: planned
    variants:
      - id: custom
"""
# The adoption level's id, name and persona changed; its category follows the new id.
LEVELS_NEW = (
    LEVELS_YAML.replace("id: adoption", "id: enablement")
    .replace("name: Adoption", "name: Enablement *now*")
    .replace("The enablement lead", "The enablement lead | trainer")
)
# The dedicated category replaced by another, in another file, with another offering.
DEDICATED_NEW = (
    BASE_CATEGORIES["c-transformation.yaml"]
    .replace("id: dedicated", "id: dedicated-engineering")
    .replace("Dedicated Services", "Dedicated Engineering")
    .replace("base-engineer", "staff-engineer")
    .replace("Base engineer", "Staff engineer")
)

EXPECTED_MARKDOWN = """\
## Catalog changes

1 offering added, 1 offering removed, 1 category added, 1 category removed, \
1 category renamed, 1 category moved to another level, 2 other category changes, \
1 level renamed, 1 other level change.

### Offerings added

| Offering | Category | Maturity | SKUs |
| :-- | :-- | :-- | :-- |
| Staff engineer (`staff-engineer`) | `dedicated-engineering` | Planned | — |

### Offerings removed

| Offering | Category | Maturity | SKUs |
| :-- | :-- | :-- | :-- |
| Base engineer (`base-engineer`) | `dedicated` | Planned | — |

### Categories added

| Category | Level | Offerings |
| :-- | :-- | :-- |
| Dedicated Engineering (`dedicated-engineering`) | `transformation` | `staff-engineer` |

### Categories removed

| Category | Level | Offerings |
| :-- | :-- | :-- |
| Dedicated Services (`dedicated`) | `transformation` | `base-engineer` |

### Categories changed

| Category | Field | Old | New |
| :-- | :-- | :-- | :-- |
| Expert &lt;b&gt;and&lt;/b&gt; Advisory (`expert`) | name | Expert Services \
| Expert &lt;b&gt;and&lt;/b&gt; Advisory |
| Expert &lt;b&gt;and&lt;/b&gt; Advisory (`expert`) | level | transformation | product |
| Expert &lt;b&gt;and&lt;/b&gt; Advisory (`expert`) | order | — | 2 |
| Expert &lt;b&gt;and&lt;/b&gt; Advisory (`expert`) | offerings | advisory, review \
| review, advisory |

### Levels changed

| Level | Field | Old | New |
| :-- | :-- | :-- | :-- |
| Enablement \\*now\\* (`enablement`) | id | adoption | enablement |
| Enablement \\*now\\* (`enablement`) | name | Adoption | Enablement \\*now\\* |
| Enablement \\*now\\* (`enablement`) | persona | The enablement lead \
| The enablement lead \\| trainer |
"""

EXPECTED_SECTIONS = {
    "categories": {
        "added": [
            {
                "id": "dedicated-engineering",
                "name": "Dedicated Engineering",
                "level": "transformation",
                "offerings": ["staff-engineer"],
            }
        ],
        "removed": [
            {
                "id": "dedicated",
                "name": "Dedicated Services",
                "level": "transformation",
                "offerings": ["base-engineer"],
            }
        ],
        "changed": [
            {
                "category": "expert",
                "field": "name",
                "old": "Expert Services",
                "new": "Expert <b>and</b> Advisory",
            },
            {"category": "expert", "field": "level", "old": "transformation", "new": "product"},
            {"category": "expert", "field": "order", "old": None, "new": 2},
            {
                "category": "expert",
                "field": "offerings",
                "old": ["advisory", "review"],
                "new": ["review", "advisory"],
            },
        ],
    },
    "levels": {
        "added": [],
        "removed": [],
        "changed": [
            {"level": "enablement", "field": "id", "old": "adoption", "new": "enablement"},
            {"level": "enablement", "field": "name", "old": "Adoption", "new": "Enablement *now*"},
            {
                "level": "enablement",
                "field": "persona",
                "old": "The enablement lead",
                "new": "The enablement lead | trainer",
            },
        ],
    },
}

IDENTITY = {
    "GIT_AUTHOR_NAME": "Catalog Maintainer",
    "GIT_AUTHOR_EMAIL": "maintainer@catalog.invalid",
    "GIT_COMMITTER_NAME": "Catalog Maintainer",
    "GIT_COMMITTER_EMAIL": "maintainer@catalog.invalid",
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": "/dev/null",
}


def run(*args: str) -> tuple[int, str, str]:
    """Invoke the CLI in-process; return exit code, stdout and stderr."""
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def git(root: Path, *args: str) -> str:
    """Run git in ``root``; return its standard output."""
    done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True)
    return done.stdout


def write_new(root: Path) -> Path:
    """Write the new version of the catalog (see the constants above)."""
    new = write_catalog(
        root,
        {
            "levels.yaml": LEVELS_NEW,
            "b-adoption.yaml": BASE_CATEGORIES["b-adoption.yaml"].replace(
                "level: adoption", "level: enablement"
            ),
            "d-expert.yaml": EXPERT_NEW,
            "e-dedicated.yaml": DEDICATED_NEW,
        },
    )
    (new / "c-transformation.yaml").unlink()
    return new


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    """The old and the new version of a catalog whose categories and levels changed."""
    return (
        write_catalog(tmp_path / "old", {"d-expert.yaml": EXPERT}),
        write_new(tmp_path / "new"),
    )


def test_categories_and_levels_in_markdown(folders: tuple[Path, Path]) -> None:
    """Each category and level change has a row, its text escaped; a renamed level id is one row.

    The adoption category now names the new level id: that follows the level's
    rename and is not shown as a move.
    """
    old, new = (load_catalog(folder) for folder in folders)
    assert diff_markdown(diff_catalogs(old, new)) == EXPECTED_MARKDOWN


def test_categories_and_levels_in_json(folders: tuple[Path, Path]) -> None:
    """The JSON has a categories and a levels section, values as the files hold them."""
    code, out, _ = run("diff", "--format", "json", str(folders[0]), str(folders[1]))
    data = json.loads(out)
    assert code == 0
    assert data["changed"] is True
    assert {key: data[key] for key in ("categories", "levels")} == EXPECTED_SECTIONS
    assert data["offerings"]["changed"] == []


def test_the_cli_prints_the_markdown(folders: tuple[Path, Path]) -> None:
    """`diff OLD NEW` of folders prints the same Markdown; exit 0."""
    assert run("diff", str(folders[0]), str(folders[1]))[:2] == (0, EXPECTED_MARKDOWN)


def test_a_move_alone_is_a_change(tmp_path: Path) -> None:
    """A category that only moved to another level is not "No changes to the catalog"."""
    old = write_catalog(tmp_path / "old", {"d-expert.yaml": EXPERT})
    moved = EXPERT.replace("level: transformation", "level: product")
    new = write_catalog(tmp_path / "new", {"d-expert.yaml": moved})
    changes = diff_catalogs(load_catalog(old), load_catalog(new))
    assert diff_markdown(changes) == (
        "## Catalog changes\n\n1 category moved to another level.\n\n"
        "### Categories changed\n\n| Category | Field | Old | New |\n| :-- | :-- | :-- | :-- |\n"
        "| Expert Services (`expert`) | level | transformation | product |\n"
    )
    assert diff_data(changes)["changed"] is True


def test_the_levels_file_itself(tmp_path: Path) -> None:
    """The levels' order and the file's own keys are changes of the levels file."""
    old = write_catalog(tmp_path / "old", {})
    levels = LEVELS_YAML.split("  - id: ")
    reordered = "schema_version: 1\n" + "  - id: ".join(
        [levels[0], levels[2], levels[1], levels[3]]
    )
    new = write_catalog(tmp_path / "new", {"levels.yaml": reordered})
    changes = diff_catalogs(load_catalog(old), load_catalog(new))
    assert diff_data(changes)["levels"]["changed"] == [
        {"level": None, "field": "schema_version", "old": None, "new": 1},
        {
            "level": None,
            "field": "levels",
            "old": ["product", "adoption", "transformation"],
            "new": ["adoption", "product", "transformation"],
        },
    ]
    assert diff_markdown(changes).splitlines()[2:] == [
        "2 other level changes.",
        "",
        "### Levels changed",
        "",
        "| Level | Field | Old | New |",
        "| :-- | :-- | :-- | :-- |",
        "| levels file | schema_version | — | 1 |",
        "| levels file | levels | product, adoption, transformation "
        "| adoption, product, transformation |",
    ]


def test_added_and_removed_levels(tmp_path: Path) -> None:
    """A level with a new id and a new rank is an addition; one gone is a removal."""
    extra = "  - id: scale\n    name: Scale\n    rank: 3\n    persona: The CTO\n"
    base = LEVELS_YAML.split("  - id: transformation")[0]
    old = write_catalog(tmp_path / "old", {})
    new = write_catalog(tmp_path / "new", {"levels.yaml": base + extra})
    changes = diff_catalogs(load_catalog(old), load_catalog(new))
    # Same rank 3, new id: the same level, renamed (a level's id change keeps its rank).
    assert [(c.id, c.field, c.old, c.new) for c in changes.levels_changed] == [
        ("scale", "id", "transformation", "scale"),
        ("scale", "name", "Transformation", "Scale"),
        ("scale", "persona", "The executive sponsor", "The CTO"),
    ]
    fourth = base + extra.replace("rank: 3", "rank: 4")
    new = write_catalog(tmp_path / "new4", {"levels.yaml": fourth})
    data = diff_data(diff_catalogs(load_catalog(old), load_catalog(new)))
    assert data["levels"]["added"] == [
        {"id": "scale", "name": "Scale", "rank": 4, "persona": "The CTO"}
    ]
    assert data["levels"]["removed"] == [
        {
            "id": "transformation",
            "name": "Transformation",
            "rank": 3,
            "persona": "The executive sponsor",
        }
    ]
    assert data["summary"] == "1 level added, 1 level removed."


def test_comments_and_key_order_are_no_change(tmp_path: Path) -> None:
    """What is not the catalog's data (comments, key order, quoting) changes nothing."""
    old = write_catalog(tmp_path / "old", {"d-expert.yaml": EXPERT})
    same = EXPERT.replace(
        "id: expert\nname: Expert Services\n",
        '# Expert\nname: "Expert Services"  # sold\nid: expert\n',
    )
    new = write_catalog(tmp_path / "new", {"d-expert.yaml": same})
    changes = diff_catalogs(load_catalog(old), load_catalog(new))
    assert changes.empty
    assert diff_markdown(changes) == "## Catalog changes\n\nNo changes to the catalog.\n"


def test_offerings_moved_between_categories_are_not_a_reorder(tmp_path: Path) -> None:
    """An offering moved to another category is its change; the order of those kept is unchanged."""
    old = write_catalog(tmp_path / "old", {"d-expert.yaml": EXPERT})
    advisory = EXPERT.split("  - id: review")[0].split("offerings:\n")[1]
    review_only = EXPERT.replace(advisory, "")
    dedicated = BASE_CATEGORIES["c-transformation.yaml"] + advisory
    new = write_catalog(
        tmp_path / "new", {"d-expert.yaml": review_only, "c-transformation.yaml": dedicated}
    )
    changes = diff_catalogs(load_catalog(old), load_catalog(new))
    assert [(c.offering, c.field, c.old, c.new) for c in changes.offerings_changed] == [
        ("advisory", "category", "expert", "dedicated")
    ]
    assert changes.categories_changed == ()


def test_a_level_renamed_between_revisions(in_tmp: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A level id renamed in levels.yaml and its category, committed: `diff main HEAD` shows it."""
    for name, value in IDENTITY.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(in_tmp.parent))
    git(in_tmp, "init", "-q", "-b", "main")
    write_catalog(in_tmp / "catalog", {})
    git(in_tmp, "add", "catalog")
    git(in_tmp, "commit", "-q", "-m", "Catalog")
    git(in_tmp, "checkout", "-q", "-b", "mr/rename-level")
    write_catalog(
        in_tmp / "catalog",
        {
            "levels.yaml": LEVELS_YAML.replace("id: adoption", "id: enablement"),
            "b-adoption.yaml": BASE_CATEGORIES["b-adoption.yaml"].replace(
                "level: adoption", "level: enablement"
            ),
        },
    )
    git(in_tmp, "commit", "-q", "-a", "-m", "Rename a level")
    assert run("diff", "main", "HEAD") == (
        0,
        "## Catalog changes\n\n1 level renamed.\n\n### Levels changed\n\n"
        "| Level | Field | Old | New |\n| :-- | :-- | :-- | :-- |\n"
        "| Adoption (`enablement`) | id | adoption | enablement |\n",
        "",
    )
