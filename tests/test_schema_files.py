"""The schema files: valid 2020-12, documented, shipped in the package unchanged."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from conftest import REPO
from pscatalog.catalog.schemas import SCHEMA_FILES, schema_text

SCHEMA_DIR = REPO / "schema"


@pytest.mark.parametrize("kind", sorted(SCHEMA_FILES))
def test_packaged_schema_is_identical_to_schema_folder(kind: str) -> None:
    """The schema inside the package is byte for byte the one in schema/."""
    on_disk = (SCHEMA_DIR / SCHEMA_FILES[kind]).read_text(encoding="utf-8")
    assert schema_text(kind) == on_disk


@pytest.mark.parametrize("kind", sorted(SCHEMA_FILES))
def test_schema_is_valid_2020_12_with_versioned_id(kind: str) -> None:
    """Each schema passes the 2020-12 metaschema and has a versioned $id."""
    schema = json.loads(schema_text(kind))
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == f"https://pscatalog.gitlab.io/schema/v1/{SCHEMA_FILES[kind]}"


def properties(node: Any, path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Yield (path, subschema) for every property declared anywhere in a schema."""
    if isinstance(node, dict):
        for name, sub in node.get("properties", {}).items():
            if isinstance(sub, dict) and sub:
                yield f"{path}/{name}", sub
        for key, value in node.items():
            yield from properties(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from properties(item, f"{path}/{index}")


@pytest.mark.parametrize("kind", sorted(SCHEMA_FILES))
def test_every_property_is_documented(kind: str) -> None:
    """Every declared property has a title, a description and examples (editors show them)."""
    schema = json.loads(schema_text(kind))
    undocumented = [
        path
        for path, sub in properties(schema)
        if "$ref" not in sub
        and not all(key in sub for key in ("title", "description", "examples"))
        # Conditionals only restate keys declared elsewhere.
        and not any(
            part in path for part in ("/if/", "/then/", "/else/", "/not/", "/oneOf/", "/contains/")
        )
    ]
    assert undocumented == []


def objects(node: Any, path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Yield every subschema that declares properties."""
    if isinstance(node, dict):
        if "properties" in node:
            yield path, node
        for key, value in node.items():
            yield from objects(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from objects(item, f"{path}/{index}")


@pytest.mark.parametrize("kind", sorted(SCHEMA_FILES))
def test_unknown_keys_are_rejected(kind: str) -> None:
    """Every object that declares its keys rejects others (conditionals aside)."""
    schema = json.loads(schema_text(kind))
    open_objects = [
        path
        for path, sub in objects(schema)
        if sub.get("additionalProperties") is not False
        and path != "/$defs/imported/properties/unmapped"
        and not any(
            part in path
            for part in ("/if", "/then", "/else", "/not", "/oneOf", "/contains", "/items")
        )
    ]
    assert open_objects == []


def test_schema_command_writes_the_packaged_files(tmp_path: Path) -> None:
    """`pscatalog schema --output DIR` writes files identical to schema/."""
    from click.testing import CliRunner

    from pscatalog.cli.main import cli

    result = CliRunner().invoke(cli, ["schema", "--output", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    for file_name in SCHEMA_FILES.values():
        written = (tmp_path / "out" / file_name).read_text(encoding="utf-8")
        assert written == (SCHEMA_DIR / file_name).read_text(encoding="utf-8")
    assert result.output.splitlines() == [
        str(tmp_path / "out" / name) for name in SCHEMA_FILES.values()
    ]
