"""Diff: what changed between two catalogs, given as folders or as git revisions."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import SHIPPED_CATALOG
from helpers import category_file, write_catalog
from pscatalog.catalog.model import load_catalog
from pscatalog.cli.main import cli
from pscatalog.tools.diffing import (
    DIFF_FORMATS,
    CatalogDiff,
    EntryChange,
    FieldChange,
    MaturityChange,
    OfferingRef,
    Rename,
    VariantRef,
    diff_catalogs,
    diff_data,
    diff_markdown,
)

SOW = "https://example.com/sow"
OLD = category_file(
    f"""\
    - id: jira
      name: JIRA
      maturity: minimal
      variants:
        - id: standard
          sku: GL-JIRA
          standard_sow: {SOW}
          price:
            amount: 2400
            currency: USD
            unit: engagement
    - id: jenkins
      name: Jenkins
      maturity: minimal
      variants:
        - id: standard
          sku: GL-JENKINS
          standard_sow: {SOW}
    - id: ldap
      name: LDAP
      maturity: planned
      variants:
        - id: custom
    """
)
# JIRA promoted, its SKU and price changed and a variant added; Jenkins renamed (same SKU);
# LDAP removed; GitHub added.
NEW = category_file(
    f"""\
    - id: jira
      name: JIRA
      maturity: viable
      evidence:
        deliveries: 2
        marketing_material:
          - https://example.com/jira
        execution_plan: https://example.com/plan
      variants:
        - id: standard
          sku: GL-JIRA-2
          standard_sow: {SOW}
          price:
            amount: 2600
            currency: USD
            unit: engagement
        - id: remote
          name: Remote
          sku: GL-JIRA-R
          standard_sow: {SOW}
    - id: jenkins-ci
      name: Jenkins CI
      maturity: minimal
      variants:
        - id: standard
          sku: GL-JENKINS
          standard_sow: {SOW}
    - id: github
      name: GitHub
      maturity: planned
      variants:
        - id: custom
    """
)

EXPECTED_MARKDOWN = """\
## Catalog changes

1 offering added, 1 offering removed, 1 offering renamed, 1 promotion, 1 variant added, \
1 variant changed, 2 SKUs added, 1 SKU removed, 4 other offering changes.

### Offerings added

| Offering | Category | Maturity | SKUs |
| :-- | :-- | :-- | :-- |
| GitHub (`github`) | `integration` | Planned | — |

### Offerings removed

| Offering | Category | Maturity | SKUs |
| :-- | :-- | :-- | :-- |
| LDAP (`ldap`) | `integration` | Planned | — |

### Offerings renamed

| Old id | New id | Name | SKUs |
| :-- | :-- | :-- | :-- |
| `jenkins` | `jenkins-ci` | Jenkins CI | GL-JENKINS |

### Maturity promotions

| Offering | Maturity |
| :-- | :-- |
| JIRA (`jira`) | Minimal → Viable |

### Variants added

| Offering | Variant | SKU |
| :-- | :-- | :-- |
| JIRA (`jira`) | Remote (`remote`) | GL-JIRA-R |

### Variants changed

| Offering | Variant | Field | Old | New |
| :-- | :-- | :-- | :-- | :-- |
| JIRA (`jira`) | `standard` | sku | GL-JIRA | GL-JIRA-2 |
| JIRA (`jira`) | `standard` | price | USD 2,400 per engagement | USD 2,600 per engagement |

### SKUs

| SKU | Change |
| :-- | :-- |
| GL-JIRA-2 | added |
| GL-JIRA-R | added |
| GL-JIRA | removed |

### Other offering changes

| Offering | Field | Old | New |
| :-- | :-- | :-- | :-- |
| JIRA (`jira`) | evidence.deliveries | — | 2 |
| JIRA (`jira`) | evidence.marketing_material | — | https://example.com/jira |
| JIRA (`jira`) | evidence.execution_plan | — | https://example.com/plan |
| Jenkins CI (`jenkins-ci`) | name | Jenkins | Jenkins CI |
"""

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


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    """Two catalog folders: the old and the new version of the integration file."""
    return (
        write_catalog(tmp_path / "old", {"integration.yaml": OLD}),
        write_catalog(tmp_path / "new", {"integration.yaml": NEW}),
    )


@pytest.fixture
def repo(in_tmp: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git repository in the current folder: the old catalog committed, then the new one."""
    for name, value in IDENTITY.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(in_tmp.parent))
    git(in_tmp, "init", "-q", "-b", "main")
    write_catalog(in_tmp / "catalog", {"integration.yaml": OLD})
    git(in_tmp, "add", "catalog")
    git(in_tmp, "commit", "-q", "-m", "Old catalog")
    git(in_tmp, "tag", "old")
    write_catalog(in_tmp / "catalog", {"integration.yaml": NEW})
    git(in_tmp, "commit", "-q", "-a", "-m", "New catalog")
    return in_tmp


# -- the library -----------------------------------------------------------------------


def test_diff_names_every_kind_of_change(folders: tuple[Path, Path]) -> None:
    """Addition, removal, rename, promotion, variant added, SKU and price change, other fields."""
    old, new = (load_catalog(folder) for folder in folders)
    assert diff_catalogs(old, new) == CatalogDiff(
        added=(OfferingRef("github", "GitHub", "integration", "planned", ()),),
        removed=(OfferingRef("ldap", "LDAP", "integration", "planned", ()),),
        renamed=(Rename("jenkins", "jenkins-ci", "Jenkins CI", ("GL-JENKINS",)),),
        promoted=(MaturityChange("jira", "JIRA", "minimal", "viable"),),
        variants_added=(VariantRef("jira", "JIRA", "remote", "Remote", "GL-JIRA-R"),),
        variants_changed=(
            FieldChange("jira", "JIRA", "standard", "sku", "GL-JIRA", "GL-JIRA-2"),
            FieldChange(
                "jira",
                "JIRA",
                "standard",
                "price",
                {"amount": 2400, "currency": "USD", "unit": "engagement"},
                {"amount": 2600, "currency": "USD", "unit": "engagement"},
            ),
        ),
        offerings_changed=(
            FieldChange("jira", "JIRA", None, "evidence.deliveries", None, 2),
            FieldChange(
                "jira",
                "JIRA",
                None,
                "evidence.marketing_material",
                None,
                ["https://example.com/jira"],
            ),
            FieldChange(
                "jira", "JIRA", None, "evidence.execution_plan", None, "https://example.com/plan"
            ),
            FieldChange("jenkins-ci", "Jenkins CI", None, "name", "Jenkins", "Jenkins CI"),
        ),
        skus_added=("GL-JIRA-2", "GL-JIRA-R"),
        skus_removed=("GL-JIRA",),
    )


def test_markdown_for_a_merge_request_comment(folders: tuple[Path, Path]) -> None:
    """The Markdown has a heading, a one-line summary and a table per kind of change."""
    old, new = (load_catalog(folder) for folder in folders)
    assert diff_markdown(diff_catalogs(old, new)) == EXPECTED_MARKDOWN


def test_json_shape(folders: tuple[Path, Path]) -> None:
    """The JSON holds the summary and every change, values as the files hold them."""
    old, new = (load_catalog(folder) for folder in folders)
    data = json.loads(DIFF_FORMATS["json"](diff_catalogs(old, new)))
    assert data == {
        "summary": (
            "1 offering added, 1 offering removed, 1 offering renamed, 1 promotion, "
            "1 variant added, 1 variant changed, 2 SKUs added, 1 SKU removed, "
            "4 other offering changes."
        ),
        "changed": True,
        "offerings": {
            "added": [
                {
                    "id": "github",
                    "name": "GitHub",
                    "category": "integration",
                    "maturity": "planned",
                    "skus": [],
                }
            ],
            "removed": [
                {
                    "id": "ldap",
                    "name": "LDAP",
                    "category": "integration",
                    "maturity": "planned",
                    "skus": [],
                }
            ],
            "renamed": [
                {
                    "old_id": "jenkins",
                    "new_id": "jenkins-ci",
                    "name": "Jenkins CI",
                    "skus": ["GL-JENKINS"],
                }
            ],
            "changed": [
                {"offering": "jira", "field": "evidence.deliveries", "old": None, "new": 2},
                {
                    "offering": "jira",
                    "field": "evidence.marketing_material",
                    "old": None,
                    "new": ["https://example.com/jira"],
                },
                {
                    "offering": "jira",
                    "field": "evidence.execution_plan",
                    "old": None,
                    "new": "https://example.com/plan",
                },
                {"offering": "jenkins-ci", "field": "name", "old": "Jenkins", "new": "Jenkins CI"},
            ],
        },
        "maturity": {
            "promoted": [{"id": "jira", "name": "JIRA", "old": "minimal", "new": "viable"}],
            "demoted": [],
        },
        "variants": {
            "added": [{"offering": "jira", "id": "remote", "name": "Remote", "sku": "GL-JIRA-R"}],
            "removed": [],
            "changed": [
                {
                    "offering": "jira",
                    "variant": "standard",
                    "field": "sku",
                    "old": "GL-JIRA",
                    "new": "GL-JIRA-2",
                },
                {
                    "offering": "jira",
                    "variant": "standard",
                    "field": "price",
                    "old": {"amount": 2400, "currency": "USD", "unit": "engagement"},
                    "new": {"amount": 2600, "currency": "USD", "unit": "engagement"},
                },
            ],
        },
        "skus": {"added": ["GL-JIRA-2", "GL-JIRA-R"], "removed": ["GL-JIRA"]},
        "categories": {"added": [], "removed": [], "changed": []},
        "levels": {"added": [], "removed": [], "changed": []},
    }


def test_no_changes() -> None:
    """A catalog compared with itself: the Markdown says so; the JSON lists nothing."""
    catalog = load_catalog(SHIPPED_CATALOG)
    changes = diff_catalogs(catalog, load_catalog(SHIPPED_CATALOG))
    assert changes.empty
    assert diff_markdown(changes) == "## Catalog changes\n\nNo changes to the catalog.\n"
    assert diff_data(changes)["changed"] is False


def test_demotion_variant_removal_and_category_id_change(tmp_path: Path) -> None:
    """A lower maturity is a demotion; a variant gone is removed; a new category id is shown once.

    The file's category changed its id: that is the category's change, not one
    of each of its offerings.
    """
    old = category_file(
        f"""\
        - id: jira
          name: JIRA
          maturity: minimal
          variants:
            - id: standard
              sku: GL-JIRA
              standard_sow: {SOW}
            - id: on-site
              sku: GL-JIRA-O
              standard_sow: {SOW}
        """
    )
    new = category_file(
        """\
        - id: jira
          name: JIRA
          maturity: planned
          variants:
            - id: standard
        """,
        category_id="expert",
    ).replace(f"standard_sow: {SOW}", "")
    before = load_catalog(write_catalog(tmp_path / "old", {"integration.yaml": old}))
    after = load_catalog(write_catalog(tmp_path / "new", {"integration.yaml": new}))
    changes = diff_catalogs(before, after)
    assert changes.demoted == (MaturityChange("jira", "JIRA", "minimal", "planned"),)
    assert changes.promoted == ()
    assert changes.variants_removed == (VariantRef("jira", "JIRA", "on-site", None, "GL-JIRA-O"),)
    assert changes.variants_changed == (
        FieldChange("jira", "JIRA", "standard", "sku", "GL-JIRA", None),
        FieldChange("jira", "JIRA", "standard", "standard_sow", SOW, None),
    )
    assert changes.offerings_changed == ()
    assert changes.categories_changed == (
        EntryChange("expert", "Expert Services", "id", "integration", "expert"),
        EntryChange("expert", "Expert Services", "name", "Integration Services", "Expert Services"),
    )
    assert changes.skus_removed == ("GL-JIRA", "GL-JIRA-O")
    assert "| JIRA (`jira`) | Minimal → Planned |" in diff_markdown(changes)


def test_an_id_change_without_skus_is_a_rename_when_the_name_stays(tmp_path: Path) -> None:
    """A planned offering has no SKU: its name (any case or spacing) follows a new id."""
    old = category_file(
        "- id: ldap\n  name: LDAP sync\n  maturity: planned\n  variants:\n    - id: custom\n"
    )
    before = load_catalog(write_catalog(tmp_path / "old", {"integration.yaml": old}))
    for number, (new, renamed) in enumerate(
        [
            (old.replace("id: ldap", "id: ldap-sso").replace("LDAP sync", "ldap  Sync"), True),
            (old.replace("id: ldap", "id: ldap-sso").replace("LDAP sync", "LDAP SSO"), False),
        ]
    ):
        after = load_catalog(write_catalog(tmp_path / f"new{number}", {"integration.yaml": new}))
        changes = diff_catalogs(before, after)
        found = ([(r.old_id, r.new_id) for r in changes.renamed], changes.added, changes.removed)
        if renamed:
            assert found == ([("ldap", "ldap-sso")], (), ())
        else:
            assert (found[0], [r.id for r in found[1]], [r.id for r in found[2]]) == (
                [],
                ["ldap-sso"],
                ["ldap"],
            )


def test_an_equal_number_is_no_change(tmp_path: Path) -> None:
    """2400 and 2400.0 are the same price; a long text change is shortened in Markdown."""
    old = OLD.replace("name: LDAP", "name: LDAP " + "x" * 80)
    new = OLD.replace("amount: 2400", "amount: 2400.0").replace(
        "name: LDAP", "name: LDAP " + "y" * 80
    )
    before = load_catalog(write_catalog(tmp_path / "old", {"integration.yaml": old}))
    after = load_catalog(write_catalog(tmp_path / "new", {"integration.yaml": new}))
    changes = diff_catalogs(before, after)
    assert [(c.offering, c.field) for c in changes.offerings_changed] == [("ldap", "name")]
    assert changes.variants_changed == ()
    row = diff_markdown(changes).splitlines()[-1]
    assert row == f"| LDAP {'y' * 80} (`ldap`) | name | LDAP {'x' * 54}… | LDAP {'y' * 54}… |"


def test_a_change_the_shown_values_hide_is_spelt_out(tmp_path: Path) -> None:
    """A price whose note changed, and texts alike in their first 60 characters, show the change."""
    long_text = "Set up the Jira integration for the customer's teams and projects, "
    old = OLD.replace("unit: engagement\n", "unit: engagement\n          note: Firm\n", 1)
    old = old.replace("name: LDAP", f"name: LDAP\n    summary: {long_text}then test it")
    new = OLD.replace("unit: engagement\n", "unit: engagement\n          note: Indicative\n", 1)
    new = new.replace("name: LDAP", f"name: LDAP\n    summary: {long_text}and test it")
    before = load_catalog(write_catalog(tmp_path / "old", {"integration.yaml": old}))
    after = load_catalog(write_catalog(tmp_path / "new", {"integration.yaml": new}))
    lines = diff_markdown(diff_catalogs(before, after)).splitlines()
    assert (
        '| JIRA (`jira`) | `standard` | price | USD 2,400 per engagement (note: "Firm") '
        '| USD 2,400 per engagement (note: "Indicative") |'
    ) in lines
    assert lines[-1] == (
        '| LDAP (`ldap`) | summary | …"teams and projects, then test it" '
        '| …"teams and projects, and test it" |'
    )


# -- the command line: folders ---------------------------------------------------------


def test_cli_between_two_folders(folders: tuple[Path, Path]) -> None:
    """`diff OLD NEW` with two folders prints the Markdown; exit 0."""
    code, out, _ = run("diff", str(folders[0]), str(folders[1]))
    assert (code, out) == (0, EXPECTED_MARKDOWN)


def test_cli_json(folders: tuple[Path, Path]) -> None:
    """`--format json` prints the JSON form."""
    code, out, _ = run("diff", "--format", "json", str(folders[0]), str(folders[1]))
    assert code == 0
    assert json.loads(out)["summary"].startswith("1 offering added, 1 offering removed,")


def test_cli_refuses_a_side_with_schema_errors(folders: tuple[Path, Path]) -> None:
    """A side with a schema error: exit 1, its errors and a line naming it on stderr, no diff."""
    broken = folders[1] / "integration.yaml"
    broken.write_text(NEW.replace("maturity: viable", "maturity: done"), encoding="utf-8")
    code, out, err = run("diff", str(folders[0]), str(folders[1]))
    assert (code, out) == (1, "")
    assert "integration.yaml:7:15: error S004 'maturity' is 'done'" in err
    assert err.endswith(
        f"pscatalog: {folders[1]} has YAML or schema errors; 'pscatalog diff' needs them fixed\n"
    )


# -- the command line: git revisions ---------------------------------------------------


def test_cli_between_two_revisions(repo: Path) -> None:
    """Two revisions give the same diff as the two folders."""
    code, out, _ = run("diff", "HEAD~1", "HEAD")
    assert (code, out) == (0, EXPECTED_MARKDOWN)
    assert run("diff", "old", "main")[1] == EXPECTED_MARKDOWN


def test_cli_revisions_never_read_or_touch_the_work_tree(repo: Path) -> None:
    """An uncommitted edit is not seen at HEAD, and stays as it was; git status is unchanged."""
    path = repo / "catalog" / "integration.yaml"
    path.write_text(OLD, encoding="utf-8")
    status = git(repo, "status", "--porcelain")
    code, out, _ = run("diff", "HEAD~1", "HEAD")
    assert (code, out) == (0, EXPECTED_MARKDOWN)
    assert path.read_text(encoding="utf-8") == OLD
    assert git(repo, "status", "--porcelain") == status == " M catalog/integration.yaml\n"


def test_cli_between_a_revision_and_a_folder(repo: Path) -> None:
    """A revision on one side, the work tree's folder on the other."""
    (repo / "catalog" / "integration.yaml").write_text(OLD, encoding="utf-8")
    code, out, _ = run("diff", "catalog", "HEAD")
    assert (code, out) == (0, EXPECTED_MARKDOWN)


def test_cli_revision_of_the_configured_catalog(repo: Path) -> None:
    """The catalog path comes from the configuration, as validate finds it."""
    git(repo, "mv", "catalog", "handbook")
    (repo / "pscatalog.toml").write_text('catalog = "handbook"\n', encoding="utf-8")
    git(repo, "add", "pscatalog.toml")
    git(repo, "commit", "-q", "-m", "Move the catalog")
    shutil.rmtree(repo / "handbook")
    (repo / "handbook").mkdir()
    write_catalog(repo / "handbook", {"integration.yaml": OLD})
    code, out, _ = run("diff", "handbook", "HEAD")
    assert (code, out) == (0, EXPECTED_MARKDOWN)


def test_cli_names_revision_files_in_errors(repo: Path) -> None:
    """A revision with a schema error: exit 1, its files named REV:path, no diff."""
    (repo / "catalog" / "integration.yaml").write_text(
        NEW.replace("maturity: viable", "maturity: done"), encoding="utf-8"
    )
    git(repo, "commit", "-q", "-a", "-m", "Broken")
    code, out, err = run("diff", "HEAD~1", "HEAD")
    assert (code, out) == (1, "")
    assert "\nHEAD:catalog/integration.yaml:7:15: error S004 'maturity' is 'done'" in f"\n{err}"
    assert "\n7 |     maturity: done\n" in err
    assert err.endswith(
        "pscatalog: HEAD (commit {}) has YAML or schema errors; 'pscatalog diff' needs them "
        "fixed\n".format(git(repo, "log", "-1", '--format=%h "%s"').strip())
    )


def test_cli_unknown_revision_is_a_usage_error(repo: Path) -> None:
    """A revision that does not exist: exit 2 with one line."""
    assert run("diff", "no-such-branch", "HEAD") == (
        2,
        "",
        "pscatalog: error: not a catalog folder or a git revision: no-such-branch\n"
        "Try 'pscatalog diff --help' for help.\n",
    )


def test_cli_option_like_revision_is_refused(repo: Path) -> None:
    """A side that looks like an option is never passed on to git."""
    assert run("diff", "--", "--output=x", "HEAD") == (
        2,
        "",
        "pscatalog: error: not a catalog folder or a git revision: '--output=x'\n"
        "Try 'pscatalog diff --help' for help.\n",
    )
    assert not (repo / "x").exists()


def test_cli_revision_without_a_catalog(repo: Path) -> None:
    """A revision whose tree has no catalog files: exit 2 with one line."""
    git(repo, "checkout", "-q", "--orphan", "empty")
    git(repo, "rm", "-q", "-r", "--cached", "catalog")
    (repo / "README.md").write_text("x\n", encoding="utf-8")
    git(repo, "add", "README.md")
    git(repo, "commit", "-q", "-m", "No catalog")
    assert run("diff", "empty", "main") == (
        2,
        "",
        "pscatalog: error: no catalog files in 'catalog/' at revision empty\n"
        "Try 'pscatalog diff --help' for help.\n",
    )


def test_cli_revision_outside_git(in_tmp: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Outside a git repository, a side that is not a folder: exit 2 with one line."""
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(in_tmp.parent))
    write_catalog(in_tmp / "catalog", {})
    assert run("diff", "HEAD", "catalog") == (
        2,
        "",
        "pscatalog: error: not a catalog folder, and not in a git repository: HEAD\n"
        "Try 'pscatalog diff --help' for help.\n",
    )


def test_cli_choices_are_the_registry() -> None:
    """The `--format` choices of `diff` are the formats that exist."""
    params = {param.name: param for param in cli.commands["diff"].params}
    assert tuple(params["diff_format"].type.choices) == tuple(DIFF_FORMATS)  # type: ignore[attr-defined]


def test_cli_revision_reads_what_its_files_refer_to_at_that_revision(
    repo: Path,
) -> None:
    """The shipped catalog and its schemas, committed: a revision reads as cleanly as the folder."""
    shutil.rmtree(repo / "catalog")
    shutil.copytree(SHIPPED_CATALOG, repo / "catalog")
    shutil.copytree(SHIPPED_CATALOG.parent / "schema", repo / "schema")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "The shipped catalog")
    shutil.rmtree(repo / "schema")
    assert run("diff", "HEAD", "HEAD") == (
        0,
        "## Catalog changes\n\nNo changes to the catalog.\n",
        "",
    )
