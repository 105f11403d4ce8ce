"""Generated documentation stays in sync with the code."""

from __future__ import annotations

import json
import re
import tomllib

import pytest
from click.testing import CliRunner
from jsonschema import Draft202012Validator

from conftest import REPO
from pscatalog.cli.main import cli
from pscatalog.outputs.docs import markdown_from_docstring, rules_markdown
from pscatalog.outputs.reporters.links import RULES_URL
from pscatalog.rules.registry import CODES


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


def test_explain_prints_a_markdown_page() -> None:
    """`explain y004`: a heading, the byline, the documentation, the link; exit 0."""
    result = CliRunner().invoke(cli, ["explain", "y004"])
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "# Y004\n\n`multiple-documents` · error · reported while reading\n\n"
        "A catalog file holds one YAML document.\n\n"
        "Tools that read a catalog file read its first document only; whatever follows\n"
        "a second `---` is invisible to them. The first document is still checked.\n\n"
        "**Fix:** remove the `---` line and what follows, or move it to a file of its own.\n\n"
        "Failing:\n\n```yaml\nid: integration\n---\nid: migration\n```\n\n"
        "Passing:\n\n```yaml\nid: integration\n```\n\n"
        "Documentation: <https://gitlab.com/pscatalog/pscatalog/-/blob/main/docs/rules.md#y004>\n"
    )


@pytest.mark.parametrize("code", sorted(CODES))
def test_explain_has_no_restructuredtext(code: str) -> None:
    """No code's explanation holds reStructuredText: double backquotes, roles, '::' blocks."""
    text = CliRunner().invoke(cli, ["explain", code]).stdout
    prose = re.sub(r"^```.*?^```$", "", text, flags=re.MULTILINE | re.DOTALL)
    assert "``" not in prose
    assert not re.search(r":[a-z]+:`", prose)
    assert not re.search(r"::$", prose, re.MULTILINE)


def test_docstring_markup_becomes_markdown() -> None:
    """Inline code over a line break, a role, and a literal block after '::' become Markdown."""
    text = (
        "Use ``a b``, ``c\nd`` and :class:`~pkg.Thing`; code ``x`` stays::\n\n"
        "    line one\n      line two\n\nAfter.\n\n```yaml\nkey: ``kept``\n```"
    )
    assert markdown_from_docstring(text) == (
        "Use `a b`, `c\nd` and `pkg.Thing`; code `x` stays:\n\n"
        "```\nline one\n  line two\n```\n\nAfter.\n\n```yaml\nkey: ``kept``\n```"
    )
