"""The schemas are versioned: major version in the $id, changes recorded, SchemaStore entries.

schema/schema.lock.json records each schema file as the CHANGELOG last described it. A
schema file that differs needs a new entry under "### Schema" in the CHANGELOG's Unreleased
section, or a new major version, and then `python -m pscatalog.outputs.schemadoc --lock`.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft4Validator

from conftest import REPO, SHIPPED_CATALOG
from pscatalog.catalog.schemas import SCHEMA_FILES, load_schema
from pscatalog.outputs.schemadoc import LOCK_FILE, lock_status, main, schema_entries, write_lock

ENTRY = "- The category's `owner` may name several owners.\n"


@pytest.mark.parametrize("kind", sorted(SCHEMA_FILES))
def test_id_carries_the_major_version_that_schema_version_states(kind: str) -> None:
    """The $id's /vN/ and the const of schema_version are one number."""
    schema = load_schema(kind)
    match = re.fullmatch(
        rf"https://pscatalog\.gitlab\.io/schema/v(\d+)/{SCHEMA_FILES[kind]}", schema["$id"]
    )
    assert match is not None, schema["$id"]
    assert schema["properties"]["schema_version"]["const"] == int(match.group(1))


def test_both_schemas_share_one_major_version() -> None:
    """A catalog is written for one version: both files change major version together."""
    majors = {load_schema(kind)["properties"]["schema_version"]["const"] for kind in SCHEMA_FILES}
    assert len(majors) == 1


def test_schema_files_are_as_the_lock_and_the_changelog_record_them() -> None:
    """schema/*.schema.json are unchanged since the lock, or the lock needs its command."""
    assert lock_status(REPO).problems == []


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """Return a copy of the repository's schema folder and CHANGELOG, as locked."""
    shutil.copytree(REPO / "schema", tmp_path / "schema")
    shutil.copy(REPO / "CHANGELOG.md", tmp_path / "CHANGELOG.md")
    assert write_lock(tmp_path) == []
    return tmp_path


def edit_schema(root: Path, name: str = "category.schema.json", **changes: Any) -> None:
    path = root / "schema" / name
    schema = json.loads(path.read_text(encoding="utf-8"))
    schema["properties"]["owner"]["description"] = "Who owns the category."
    schema.update(changes)
    path.write_text(json.dumps(schema, indent=2) + "\n", encoding="utf-8")


def add_entry(root: Path, entry: str = ENTRY, section: str = "## [Unreleased]") -> None:
    path = root / "CHANGELOG.md"
    text = path.read_text(encoding="utf-8")
    head, rest = text.split(section, 1)
    schema_heading = "### Schema\n\n"
    before, after = rest.split(schema_heading, 1)
    path.write_text(head + section + before + schema_heading + entry + after, encoding="utf-8")


def test_unchanged_schemas_pass(repo: Path) -> None:
    """Right after the lock, nothing is reported."""
    assert lock_status(repo).problems == []


def test_a_schema_change_without_a_changelog_entry_fails(repo: Path) -> None:
    """A changed schema with the CHANGELOG unchanged is reported, and --lock refuses it."""
    edit_schema(repo)
    locked = (repo / LOCK_FILE).read_text(encoding="utf-8")
    expected = [
        "schema/category.schema.json changed since schema/schema.lock.json, but CHANGELOG.md's "
        "Unreleased section has no new entry under '### Schema' and the $id keeps major "
        "version 1: describe the change there (one that rejects a catalog that was valid "
        "needs a new major version in the $id), then run `python -m pscatalog.outputs.schemadoc --lock`"
    ]
    assert lock_status(repo).problems == expected
    assert write_lock(repo) == expected
    assert (repo / LOCK_FILE).read_text(encoding="utf-8") == locked


def test_a_schema_change_with_a_changelog_entry_passes_once_locked(repo: Path) -> None:
    """With a new Schema entry, --lock records the change and the check passes."""
    edit_schema(repo)
    add_entry(repo)
    status = lock_status(repo)
    assert status.unexplained == []
    assert status.unrecorded == [
        "schema/category.schema.json changed since schema/schema.lock.json and the CHANGELOG "
        "says so: run `python -m pscatalog.outputs.schemadoc --lock` to record it"
    ]
    assert write_lock(repo) == []
    assert lock_status(repo).problems == []
    recorded = json.loads((repo / LOCK_FILE).read_text(encoding="utf-8"))
    assert "The category's `owner` may name several owners." in recorded["changelog"]


def test_a_second_change_needs_a_second_entry(repo: Path) -> None:
    """An entry justifies the change it was locked with, not the next one."""
    edit_schema(repo)
    add_entry(repo)
    assert write_lock(repo) == []
    edit_schema(repo, title="Category file")
    assert len(lock_status(repo).unexplained) == 1


def test_a_new_major_version_needs_no_entry(repo: Path) -> None:
    """Moving the $id to /v2/ explains a change (a breaking one) without a new entry."""
    edit_schema(repo, **{"$id": "https://pscatalog.gitlab.io/schema/v2/category.schema.json"})
    assert lock_status(repo).unexplained == []
    assert write_lock(repo) == []


def test_a_major_version_never_goes_down(repo: Path) -> None:
    """An $id moved back to an older major version is reported even with an entry."""
    edit_schema(repo, **{"$id": "https://pscatalog.gitlab.io/schema/v2/category.schema.json"})
    assert write_lock(repo) == []
    edit_schema(repo, **{"$id": "https://pscatalog.gitlab.io/schema/v1/category.schema.json"})
    add_entry(repo)
    assert lock_status(repo).unexplained == [
        "schema/category.schema.json: its $id's major version went down from 2 to 1; "
        "a major version only goes up"
    ]


def test_reformatting_a_schema_is_not_a_change(repo: Path) -> None:
    """Whitespace and indentation do not count; only content and key order do."""
    path = repo / "schema" / "levels.schema.json"
    path.write_text(json.dumps(json.loads(path.read_text(encoding="utf-8")), indent=4))
    assert lock_status(repo).problems == []


def test_rewrapping_an_old_entry_or_a_released_entry_does_not_explain_a_change(
    repo: Path,
) -> None:
    """Only a new entry in the Unreleased section counts, not reflowed text or old releases."""
    path = repo / "CHANGELOG.md"
    head, section = path.read_text(encoding="utf-8").split("### Schema\n", 1)
    section, tail = re.split(r"\n(?=#)", section, maxsplit=1)
    unwrapped = head + "### Schema\n" + section.replace("\n  ", " ") + "\n" + tail
    assert unwrapped != path.read_text(encoding="utf-8")
    path.write_text(unwrapped + "\n## [0.1.0]\n\n### Schema\n\n" + ENTRY, encoding="utf-8")
    edit_schema(repo)
    assert len(lock_status(repo).unexplained) == 1


def test_a_new_schema_file_needs_an_entry(repo: Path) -> None:
    """A schema file the lock does not know is a change like any other."""
    shutil.copy(repo / "schema" / "levels.schema.json", repo / "schema" / "owners.schema.json")
    assert [problem.split(" ", 1)[0] for problem in lock_status(repo).unexplained] == [
        "schema/owners.schema.json"
    ]


def test_the_lock_command_reports_and_exits(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--lock exits 1 with the reason when refused, 0 when it records."""
    edit_schema(repo)
    assert main(["--lock", "--root", str(repo)]) == 1
    assert "has no new entry under '### Schema'" in capsys.readouterr().err
    add_entry(repo)
    assert main(["--lock", "--root", str(repo)]) == 0
    assert capsys.readouterr().err == ""


def test_changelog_schema_entries_are_read_from_the_unreleased_section() -> None:
    """Entries are the bullets under ### Schema of Unreleased, each on one line."""
    changelog = (
        "# Changelog\n\n## [Unreleased]\n\n### Added\n\n- Not a schema entry.\n\n"
        "### Schema\n\n- First entry,\n  wrapped.\n- Second entry.\n\n### Catalog\n\n- No.\n\n"
        "## [1.0.0]\n\n### Schema\n\n- Released entry.\n"
    )
    assert schema_entries(changelog) == ["First entry, wrapped.", "Second entry."]
    assert schema_entries("# Changelog\n") == []


# SchemaStore's catalog (src/api/json/catalog.json) is checked against its
# schema-catalog.json (draft 4): these are the rules that schema states.
SCHEMASTORE_CATALOG = {
    "$schema": "http://json-schema.org/draft-04/schema#",
    "type": "object",
    "required": ["$schema", "version", "schemas"],
    "additionalProperties": False,
    "properties": {
        "$schema": {"enum": ["https://json.schemastore.org/schema-catalog.json"]},
        "version": {"type": "number"},
        "schemas": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["name", "description", "url"],
                "additionalProperties": False,
                "properties": {
                    "name": {"type": "string"},
                    "description": {"type": "string"},
                    "fileMatch": {
                        "type": "array",
                        "uniqueItems": True,
                        "items": {"type": "string"},
                    },
                    "url": {"type": "string", "pattern": "^https://"},
                    "versions": {
                        "type": "object",
                        "additionalProperties": {"type": "string", "pattern": "^https://"},
                    },
                },
            },
        },
    },
}


def schemastore_entries() -> dict[str, dict[str, Any]]:
    catalog = json.loads((REPO / "schema" / "schemastore-catalog.json").read_text(encoding="utf-8"))
    Draft4Validator(SCHEMASTORE_CATALOG).validate(catalog)
    return {entry["url"]: entry for entry in catalog["schemas"]}


def glob_matches(pattern: str, path: str) -> bool:
    """Match a path as minimatch does a SchemaStore fileMatch (`**/` any folders, `*` a name)."""
    regex = re.escape(pattern).replace(r"\*\*/", "(?:.*/)?").replace(r"\*", "[^/]*")
    return re.fullmatch(regex, path) is not None


def test_schemastore_catalog_has_the_structure_schemastore_uses() -> None:
    """One SchemaStore entry per schema, its url the $id and its version the major version."""
    entries = schemastore_entries()
    for kind in SCHEMA_FILES:
        schema = load_schema(kind)
        entry = entries[schema["$id"]]
        major = str(schema["properties"]["schema_version"]["const"])
        assert entry["name"].startswith("pscatalog ")
        assert entry["description"]
        assert entry["versions"] == {major: schema["$id"]}
    assert len(entries) == len(SCHEMA_FILES)


def test_schemastore_file_match_claims_the_levels_file_only() -> None:
    """The levels entry matches levels.yaml in any catalog folder, and no category file."""
    # Category files have free names, and other tools (Backstage, for one) keep YAML files
    # in catalog/ folders too: claiming catalog/*.yaml would put this schema on theirs, and
    # editors read the "!" exclusions SchemaStore would need for levels.yaml unevenly. The
    # modeline every category file carries attaches its schema instead.
    entries = schemastore_entries()
    levels = entries[load_schema("levels")["$id"]]
    category = entries[load_schema("category")["$id"]]
    assert "fileMatch" not in category
    for path in ("catalog/levels.yaml", "handbook/data/catalog/levels.yml"):
        assert any(glob_matches(pattern, path) for pattern in levels["fileMatch"]), path
    for path in sorted(SHIPPED_CATALOG.glob("*.yaml")):
        relative = path.relative_to(REPO).as_posix()
        claimed = any(glob_matches(pattern, relative) for pattern in levels["fileMatch"])
        assert claimed == (path.name == "levels.yaml"), relative
