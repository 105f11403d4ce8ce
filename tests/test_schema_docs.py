"""docs/schema.md is generated from the schemas and documents every field of them."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import REPO
from pscatalog.catalog.schemas import SCHEMA_FILES, load_schema
from pscatalog.outputs.schemadoc import DOC_FILE, SchemaShapeError, check, main, schema_markdown

PAGE = REPO / DOC_FILE


def page() -> str:
    return PAGE.read_text(encoding="utf-8")


def fields(root: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Yield (path as the page writes it, schema with $refs followed) for every key."""

    def resolved(node: dict[str, Any]) -> dict[str, Any]:
        if "$ref" not in node:
            return node
        target: Any = root
        for step in node["$ref"].removeprefix("#/").split("/"):
            target = target[step]
        return {**resolved(target), **{k: v for k, v in node.items() if k != "$ref"}}

    def walk(path: str, node: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
        for key, declared in node.get("properties", {}).items():
            sub = resolved(declared)
            full = f"{path}.{key}" if path else key
            yield full, sub
            yield from walk(full, sub)
            if isinstance(sub.get("items"), dict):
                yield from walk(f"{full}[]", resolved(sub["items"]))

    yield from walk("", root)


def test_schema_md_is_what_the_generator_prints() -> None:
    """docs/schema.md is exactly `python -m pscatalog.outputs.schemadoc` (regenerate it after a change)."""
    assert page() == schema_markdown()


def test_the_module_prints_the_page() -> None:
    """`python -m pscatalog.outputs.schemadoc` prints the page on stdout and exits 0."""
    result = subprocess.run(
        [sys.executable, "-m", "pscatalog.outputs.schemadoc"],
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO,
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == schema_markdown()


@pytest.mark.parametrize("kind", sorted(SCHEMA_FILES))
def test_every_field_has_its_section_with_title_type_and_examples(kind: str) -> None:
    """Each key of the file, nested ones included, has a section with its title and examples."""
    text = page()
    for path, sub in fields(load_schema(kind)):
        heading = f"\n#### `{path}`\n\n**{sub['title']}.** "
        assert heading in text, path
        section = text.split(heading, 1)[1].split("\n#", 1)[0]
        assert "\n- Type: " in section, path
        assert "\n- Required: " in section, path
        assert "\n- Examples: " in section, path


@pytest.mark.parametrize("kind", sorted(SCHEMA_FILES))
def test_every_allowed_value_and_pattern_is_on_the_page(kind: str) -> None:
    """Enum values, constants, patterns and bounds of every field appear in its section."""
    text = page()
    for path, sub in fields(load_schema(kind)):
        section = text.split(f"\n#### `{path}`\n", 1)[1].split("\n#", 1)[0]
        for value in sub.get("enum", []):
            assert f"`{value}`" in section, (path, value)
        if "pattern" in sub:
            assert f"`{sub['pattern']}`" in section, path
        for keyword in ("minimum", "maximum", "exclusiveMinimum"):
            if keyword in sub:
                assert f" {sub[keyword]}." in section, (path, keyword)


def test_rules_and_forms_are_put_in_words() -> None:
    """The if/then rules, the contains and the oneOf forms read as sentences."""
    text = page()
    for sentence in (
        "- When `maturity` is `planned`: in every item of `variants`, `sku` is not allowed.",
        "- When `id` is `standard`: `sku` and `standard_sow` are required.",
        "- Otherwise, when `id` is `custom`: `sku` is not allowed.",
        "- At least one item where `id` is `standard` or `custom`.",
        "- Exactly one of these forms: `value`, or `min` and `max`.",
        "- Exactly one of these forms: `amount`, or `min` and `max`.",
        "| `sku` | string | when `id` is `standard` | SKU |",
    ):
        assert sentence in text, sentence


def test_a_construct_the_page_cannot_describe_stops_the_generator() -> None:
    """A keyword the generator does not know fails loudly instead of being left out."""
    schema = json.loads(json.dumps(load_schema("levels")))
    schema["$defs"]["level"]["properties"]["name"]["format"] = "hostname"
    with pytest.raises(SchemaShapeError, match="format"):
        schema_markdown({"levels": schema})


def test_check_names_a_stale_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--check exits 1 and says how to regenerate when docs/schema.md differs."""
    for name in ("schema", "docs"):
        shutil.copytree(REPO / name, tmp_path / name)
    shutil.copy(REPO / "CHANGELOG.md", tmp_path / "CHANGELOG.md")
    assert check(tmp_path) == []
    stale = tmp_path / DOC_FILE
    stale.write_text(stale.read_text(encoding="utf-8").replace("Not empty.", "Empty."))
    assert main(["--check", "--root", str(tmp_path)]) == 1
    assert capsys.readouterr().err == (
        "docs/schema.md is not generated from the schemas: "
        "run `python -m pscatalog.outputs.schemadoc > docs/schema.md`\n"
    )
