"""Generated documentation stays in sync with the code."""

from __future__ import annotations

import json
import tomllib

from jsonschema import Draft202012Validator

from conftest import REPO
from pscatalog.outputs.docs import rules_markdown
from pscatalog.outputs.reporters.links import RULES_URL


def test_rules_md_is_generated_from_the_rules() -> None:
    """docs/rules.md is exactly what `python -m pscatalog.outputs.docs` prints."""
    assert (REPO / "docs" / "rules.md").read_text(encoding="utf-8") == rules_markdown()


def test_rules_url_is_the_documentation_url_of_the_project() -> None:
    """Help links point at docs/rules.md under the project's Documentation URL."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["urls"]["Documentation"] + "rules.md" == RULES_URL


def test_diagnostics_schema_is_valid() -> None:
    """The JSON output's own schema is valid JSON Schema 2020-12."""
    schema = json.loads((REPO / "docs" / "diagnostics.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
