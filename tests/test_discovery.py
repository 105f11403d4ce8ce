"""The catalog is found, never guessed: only catalog files are read, reported or written."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpers import BASE_CATEGORIES, write_catalog
from pscatalog.catalog.discovery import find_catalog, resolve_targets
from pscatalog.checks.checker import validate
from pscatalog.cli.main import cli
from pscatalog.errors import UsageError

# Written untidily on purpose: fmt would change them if it ever took them for its own.
CI = 'stages:   [test]\njob:\n    script: [ "echo" ]\n'
PRE_COMMIT = "repos:   []\n"
SITE = "site_name:    Handbook\n"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def usage(command: str, message: str) -> tuple[int, str, str]:
    """What a usage error gives: exit 2, one line, and where the help is."""
    return 2, "", f"pscatalog: error: {message}\nTry 'pscatalog {command} --help' for help.\n"


@pytest.fixture
def handbook(in_tmp: Path) -> Path:
    """A handbook repository's root: a catalog, CI and tool configuration, a site config."""
    subprocess.run(["git", "init", "-q"], cwd=in_tmp, check=True)
    write_catalog(in_tmp / "catalog", {})
    (in_tmp / ".gitlab-ci.yml").write_text(CI, encoding="utf-8")
    (in_tmp / ".pre-commit-config.yaml").write_text(PRE_COMMIT, encoding="utf-8")
    (in_tmp / "mkdocs.yml").write_text(SITE, encoding="utf-8")
    (in_tmp / "catalog" / ".yamllint.yaml").write_text("extends:   default\n", encoding="utf-8")
    return in_tmp


def others_untouched(root: Path) -> None:
    assert (root / ".gitlab-ci.yml").read_text(encoding="utf-8") == CI
    assert (root / ".pre-commit-config.yaml").read_text(encoding="utf-8") == PRE_COMMIT
    assert (root / "mkdocs.yml").read_text(encoding="utf-8") == SITE
    assert (root / "catalog" / ".yamllint.yaml").read_text(
        encoding="utf-8"
    ) == "extends:   default\n"


def test_the_repository_root_means_its_catalog(handbook: Path) -> None:
    """`validate .` and `fmt .` at the root see the catalog's four files, and nothing else."""
    assert run("validate", ".") == (0, "No problems found in 4 files.\n", "")
    levels = handbook / "catalog" / "levels.yaml"
    levels.write_text(levels.read_text(encoding="utf-8").replace("rank: 1", "rank:   1"), "utf-8")
    assert run("fmt", ".") == (
        0,
        "reformatted catalog/levels.yaml\n1 file reformatted, 3 files already formatted.\n",
        "",
    )
    others_untouched(handbook)
    assert run("fmt", "--check") == (0, "4 files already formatted.\n", "")


@pytest.mark.parametrize("command", ["validate", "fmt"])
def test_a_file_that_is_not_a_catalog_file_is_refused(handbook: Path, command: str) -> None:
    """CI, tool and site configuration named on the command line: a usage error, untouched."""
    for name in (".gitlab-ci.yml", ".pre-commit-config.yaml", "mkdocs.yml"):
        assert run(command, name) == usage(
            command, f"not a catalog file: {name}: the catalog is catalog/"
        )
    assert run(command, "catalog/.yamllint.yaml") == usage(
        command, "not a catalog file: catalog/.yamllint.yaml: hidden files are other tools'"
    )
    others_untouched(handbook)


def test_a_folder_that_is_no_catalog_is_refused(handbook: Path) -> None:
    """A folder without a levels file, not named 'catalog' and not configured: usage error."""
    (handbook / "offerings").mkdir()
    shutil.copy(handbook / "catalog" / "a-product.yaml", handbook / "offerings")
    message = (
        "not a catalog folder: offerings/: it has no 'catalog' folder and no levels.yaml "
        "(to use it as the catalog, set 'catalog' in the configuration)"
    )
    assert run("validate", "offerings") == usage("validate", message)
    assert run("fmt", "offerings") == usage("fmt", message)
    assert run("validate", "offerings/a-product.yaml") == usage(
        "validate",
        "not a catalog file: offerings/a-product.yaml: offerings/ has no levels.yaml and is not "
        "named 'catalog' (to use it as the catalog, set 'catalog' in the configuration)",
    )


def test_a_folder_with_a_levels_file_is_a_catalog_whatever_its_name(handbook: Path) -> None:
    """`offerings/` holding levels.yaml is a catalog folder; so is the current folder."""
    write_catalog(handbook / "offerings", {})
    assert run("validate", "offerings") == (0, "No problems found in 4 files.\n", "")
    result = validate(["offerings/a-product.yaml"])
    assert result.files == ["offerings/a-product.yaml"]


def test_the_configured_catalog_is_what_a_folder_above_it_means(in_tmp: Path) -> None:
    """With `catalog = "data/offerings"`, `validate .` and `fmt .` check that folder only."""
    subprocess.run(["git", "init", "-q"], cwd=in_tmp, check=True)
    write_catalog(in_tmp / "data" / "offerings", {})
    (in_tmp / "data" / "site.yml").write_text(SITE, encoding="utf-8")
    (in_tmp / "pscatalog.toml").write_text(
        'catalog = "data/offerings"\nignore = ["C301"]\n', encoding="utf-8"
    )
    assert run("validate", ".") == (0, "No problems found in 4 files.\n", "")
    assert run("validate", "data") == (0, "No problems found in 4 files.\n", "")
    assert run("fmt", "--check", ".") == (
        1,
        "would reformat data/offerings/levels.yaml\n"
        "1 file would be reformatted, 3 files already formatted.\n",
        "",
    )
    assert run("validate", "data/site.yml") == usage(
        "validate",
        "not a catalog file: data/site.yml: data/ has no levels.yaml and is not named 'catalog' "
        "(to use it as the catalog, set 'catalog' in the configuration)",
    )
    assert (in_tmp / "data" / "site.yml").read_text(encoding="utf-8") == SITE


HUGO_DATA = "products:\n  - {name: Premium, price: 19}\n"


def test_with_a_configured_catalog_another_folder_named_catalog_is_not_one(
    handbook: Path,
) -> None:
    """A site's data/catalog/ is not the catalog once `catalog` is set: named, it is refused."""
    (handbook / "data" / "catalog").mkdir(parents=True)
    products = handbook / "data" / "catalog" / "products.yaml"
    products.write_text(HUGO_DATA, encoding="utf-8")
    (handbook / "pscatalog.toml").write_text('catalog = "catalog"\n', encoding="utf-8")
    for command in ("validate", "fmt"):
        assert run(command, "data/catalog/products.yaml") == usage(
            command,
            "not a catalog file: data/catalog/products.yaml: data/catalog/ has no levels.yaml "
            "and is not named 'catalog' (to use it as the catalog, set 'catalog' in the "
            "configuration)",
        )
    assert products.read_text(encoding="utf-8") == HUGO_DATA


def test_without_configuration_a_second_folder_named_catalog_is_not_the_catalog(
    handbook: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The repository's catalog/ is found: a site's data/catalog/ file is refused by name."""
    (handbook / "data" / "catalog").mkdir(parents=True)
    products = handbook / "data" / "catalog" / "products.yaml"
    products.write_text(HUGO_DATA, encoding="utf-8")
    for command in ("validate", "fmt"):
        assert run(command, "data/catalog/products.yaml", "catalog/levels.yaml") == usage(
            command, "not a catalog file: data/catalog/products.yaml: the catalog is catalog/"
        )
    assert products.read_text(encoding="utf-8") == HUGO_DATA
    # A second catalog with its own levels file is a catalog wherever it is; so is one that
    # holds a category file but has lost its levels file (C204 says so).
    write_catalog(handbook / "teams" / "catalog", {})
    assert run("validate", "-q", "teams/catalog/levels.yaml") == (0, "", "")
    (handbook / "teams" / "catalog" / "levels.yaml").unlink()
    code, out, _ = run("validate", "--output-format", "concise", "teams/catalog")
    assert (code, out.splitlines()[0]) == (
        1,
        "teams/catalog/levels.yaml:1:1: error C204 the catalog has no levels file",
    )
    # From data/ too: the repository's catalog is at its top, whatever the current folder.
    monkeypatch.chdir(handbook / "data")
    assert run("validate", "catalog/products.yaml") == usage(
        "validate", "not a catalog file: catalog/products.yaml: the catalog is ../catalog/"
    )
    # Named as a folder, or the folder that holds it: the same answer; no path: the top's.
    for command in ("validate", "fmt"):
        for folder in ("catalog", "."):
            assert run(command, folder) == usage(
                command, "not a catalog folder: catalog/: the catalog is ../catalog/"
            )
    assert run("validate", "--output-format", "concise") == (0, "", "")
    # From inside it, with no path: the repository's catalog, never this folder.
    monkeypatch.chdir(handbook / "data" / "catalog")
    assert run("validate", "--output-format", "concise") == (0, "", "")
    assert products.read_text(encoding="utf-8") == HUGO_DATA


def test_the_staged_check_leaves_out_files_outside_the_catalog(handbook: Path) -> None:
    """pre-commit may name data/catalog/products.yaml: `validate --staged` checks catalog/ only."""
    (handbook / "data" / "catalog").mkdir(parents=True)
    (handbook / "data" / "catalog" / "products.yaml").write_text(HUGO_DATA, encoding="utf-8")
    subprocess.run(["git", "add", "-A"], cwd=handbook, check=True)
    assert run("validate", "--staged", "data/catalog/products.yaml") == (
        0,
        "No problems found in 4 files.\n",
        "",
    )


def test_without_a_path_the_catalog_is_found_from_here(
    handbook: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """./catalog, the current folder when it is one, else the nearest parent's catalog."""
    assert find_catalog() == handbook / "catalog"
    (handbook / "docs" / "deep").mkdir(parents=True)
    monkeypatch.chdir(handbook / "docs" / "deep")
    assert find_catalog() == handbook / "catalog"
    monkeypatch.chdir(handbook / "catalog")
    assert find_catalog() == handbook / "catalog"
    write_catalog(handbook / "docs" / "offerings", {})
    monkeypatch.chdir(handbook / "docs" / "offerings")
    assert find_catalog() == handbook / "docs" / "offerings"


def test_files_in_a_sub_folder_or_with_a_capital_suffix_are_named_not_skipped(
    handbook: Path,
) -> None:
    """catalog/archive/ and catalog/extra.YAML are not read, and each is a C205 error."""
    archive = handbook / "catalog" / "archive"
    (archive / "2021").mkdir(parents=True)
    (archive / "old.yaml").write_text(BASE_CATEGORIES["b-adoption.yaml"], encoding="utf-8")
    (archive / "2021" / "older.yml").write_text("id: x\n", encoding="utf-8")
    (archive / "notes.txt").write_text("kept aside\n", encoding="utf-8")
    (handbook / "catalog" / "extra.YAML").write_text("id: extra\n", encoding="utf-8")
    (handbook / "catalog" / "README.md").write_text("# The catalog\n", encoding="utf-8")
    notices = (
        "catalog/archive:1:1: error C205 2 YAML files in this sub-folder of the catalog "
        "('old.yaml', ...) are not read: catalog files lie directly in the catalog folder\n"
        "catalog/extra.YAML:1:1: error C205 a file ending in '.YAML' is not read: catalog "
        "files end in '.yaml' or '.yml'\n"
    )
    assert run("validate", "--output-format", "concise") == (1, notices, "")
    code, out, err = run("validate")
    assert (code, err) == (1, "")
    assert out == (
        "catalog/archive:1:1: error C205 2 YAML files in this sub-folder of the catalog "
        "('old.yaml', ...) are not read: catalog files lie directly in the catalog folder\n"
        "  = hint: move the files into the catalog folder to check them, or out of it\n"
        "catalog/extra.YAML:1:1: error C205 a file ending in '.YAML' is not read: catalog "
        "files end in '.yaml' or '.yml'\n"
        "  = hint: rename it to 'extra.yaml'\n"
        "Found 2 errors in 4 files.\n"
    )
    assert run("fmt", "--check") == (
        1,
        "would reformat catalog/levels.yaml\n"
        "1 file would be reformatted, 3 files already formatted.\n",
        notices,
    )
    assert run("validate", "catalog/archive/old.yaml") == usage(
        "validate",
        "not a catalog file: catalog/archive/old.yaml: only the files directly in catalog/ "
        "are catalog files",
    )
    assert run("validate", "catalog/archive") == usage(
        "validate",
        "not a catalog folder: catalog/archive/: only the files directly in catalog/ are "
        "catalog files",
    )


def test_a_link_to_a_folder_is_named_and_never_followed(handbook: Path, tmp_path: Path) -> None:
    """catalog/shared -> a folder outside: C205, and nothing of what it holds is shown."""
    outside = tmp_path.parent / f"{tmp_path.name}-outside"
    outside.mkdir()
    (outside / "secret-name.yaml").write_text("id: x\n", encoding="utf-8")
    (handbook / "catalog" / "shared").symlink_to(outside, target_is_directory=True)
    assert run("validate", "--output-format", "concise") == (
        1,
        "catalog/shared:1:1: error C205 this link to a folder is not followed: catalog "
        "files lie directly in the catalog folder\n",
        "",
    )


def test_a_notice_can_be_silenced_for_a_folder_kept_aside(handbook: Path) -> None:
    """`per-file-ignores` for the sub-folder silences C205 there, and only there."""
    (handbook / "catalog" / "archive").mkdir()
    (handbook / "catalog" / "archive" / "old.yaml").write_text("id: x\n", encoding="utf-8")
    (handbook / "catalog" / "extra.yml.YML").write_text("id: x\n", encoding="utf-8")
    (handbook / "pscatalog.toml").write_text(
        'ignore = ["C301"]\n[per-file-ignores]\n"catalog/archive" = ["C205"]\n', encoding="utf-8"
    )
    assert run("validate", "--output-format", "concise") == (
        1,
        "catalog/extra.yml.YML:1:1: error C205 a file ending in '.YML' is not read: catalog "
        "files end in '.yaml' or '.yml'\n",
        "",
    )


def test_named_files_and_deletions_group_by_catalog(handbook: Path) -> None:
    """Named files and deleted ones belong to their folder's catalog, as absolute paths."""
    [target] = resolve_targets(["catalog/a-product.yaml"], deleted=["catalog/gone.yaml"])
    assert target.root == handbook / "catalog"
    assert target.named == frozenset({handbook / "catalog" / "a-product.yaml"})
    assert target.deleted == frozenset({handbook / "catalog" / "gone.yaml"})
    [whole] = resolve_targets(["."])
    assert (whole.root, whole.named, whole.deleted) == (handbook / "catalog", None, frozenset())
    with pytest.raises(UsageError, match="no such file or folder: nope"):
        resolve_targets(["nope"])
