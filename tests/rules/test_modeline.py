"""C301 modeline: each file starts with a modeline naming its current schema."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import pscatalog.checks.config
from conftest import REPO, SHIPPED_CATALOG
from fix_helpers import fixed
from pscatalog.checks.checker import validate
from pscatalog.checks.config import Config
from pscatalog.cli.main import cli
from pscatalog.files.sources import Files
from pscatalog.rules import modeline
from pscatalog.rules.base import FixContext


def copy_shipped(tmp_path: Path) -> Path:
    """A copy of the shipped catalog with the schema folder beside it."""
    shutil.copytree(SHIPPED_CATALOG, tmp_path / "catalog")
    shutil.copytree(REPO / "schema", tmp_path / "schema")
    return tmp_path / "catalog"


def modeline_findings(root: Path) -> list[tuple[str, str, int, int, str]]:
    return [
        (d.code, Path(d.location.file).name, d.location.line, d.location.column, d.message)
        for d in validate([root], config=Config()).diagnostics
    ]


def replace_first_line(path: Path, line: str | None) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[:1] = [] if line is None else [line]
    path.write_text("\n".join(lines), encoding="utf-8")


def test_shipped_modelines_pass(tmp_path: Path) -> None:
    """Relative modelines to existing current schema files pass."""
    assert modeline_findings(copy_shipped(tmp_path)) == []


def test_missing_modeline(tmp_path: Path) -> None:
    """A file without a modeline is a warning at line 1 with the line to write as hint."""
    root = copy_shipped(tmp_path)
    replace_first_line(
        root / "integration.yaml",
        None,
    )
    result = validate([root], config=Config())
    [diagnostic] = result.diagnostics
    assert (diagnostic.code, str(diagnostic.severity), diagnostic.location.line) == (
        "C301",
        "warning",
        1,
    )
    assert diagnostic.message == "the file does not start with a modeline naming its schema"
    assert diagnostic.hint == (
        "make the first line '# yaml-language-server: $schema=../schema/category.schema.json'"
    )
    assert result.exit_code == 0


def test_modeline_of_the_wrong_kind(tmp_path: Path) -> None:
    """A category file pointing at the levels schema is reported."""
    root = copy_shipped(tmp_path)
    replace_first_line(
        root / "integration.yaml", "# yaml-language-server: $schema=../schema/levels.schema.json"
    )
    assert modeline_findings(root) == [
        (
            "C301",
            "integration.yaml",
            1,
            1,
            "the modeline names '../schema/levels.schema.json', not the category schema "
            "'category.schema.json'",
        )
    ]


def test_modeline_to_a_missing_file(tmp_path: Path) -> None:
    """A relative path that leads nowhere is reported."""
    root = copy_shipped(tmp_path)
    replace_first_line(
        root / "levels.yaml", "# yaml-language-server: $schema=schema/levels.schema.json"
    )
    assert modeline_findings(root) == [
        (
            "C301",
            "levels.yaml",
            1,
            1,
            "the modeline names 'schema/levels.schema.json', which is not a readable schema file",
        )
    ]


def test_modeline_to_an_older_schema_version(tmp_path: Path) -> None:
    """A schema file whose $id has another major version is outdated."""
    root = copy_shipped(tmp_path)
    old = tmp_path / "old"
    old.mkdir()
    text = (REPO / "schema" / "category.schema.json").read_text(encoding="utf-8")
    (old / "category.schema.json").write_text(text.replace("/v1/", "/v0/"), encoding="utf-8")
    replace_first_line(
        root / "expert.yaml", "# yaml-language-server: $schema=../old/category.schema.json"
    )
    [(code, file, line, _, message)] = modeline_findings(root)
    assert (code, file, line) == ("C301", "expert.yaml", 1)
    assert message == (
        "the modeline names '../old/category.schema.json', whose $id is not the current "
        "'https://pscatalog.gitlab.io/schema/v1/category.schema.json'"
    )


def test_modeline_to_a_schema_with_the_current_id_but_other_rules(tmp_path: Path) -> None:
    """A schema file with the current $id whose rules were loosened is not the current schema.

    The editor would accept there what validate refuses; the hint writes the current one.
    A copy of the current schema laid out differently is the current schema.
    """
    root = copy_shipped(tmp_path)
    schema_file = tmp_path / "schema" / "category.schema.json"
    data = json.loads(schema_file.read_text(encoding="utf-8"))
    schema_file.write_text(json.dumps(data, indent=4, sort_keys=True), encoding="utf-8")
    assert modeline_findings(root) == []
    data["additionalProperties"] = True
    data.pop("required", None)
    schema_file.write_text(json.dumps(data), encoding="utf-8")
    found = modeline_findings(root)
    assert [(code, file, line) for code, file, line, _, _ in found] == [
        ("C301", name, 1)
        for name in sorted(path.name for path in root.glob("*.yaml") if path.name != "levels.yaml")
    ]
    assert found[0][4] == (
        "the modeline names '../schema/category.schema.json', whose rules are not the "
        "current category schema's"
    )


def test_published_url_of_the_current_schema_passes(tmp_path: Path) -> None:
    """The schema's $id as modeline passes; another version's URL does not."""
    root = copy_shipped(tmp_path)
    current = "https://pscatalog.gitlab.io/schema/v1/category.schema.json"
    replace_first_line(root / "expert.yaml", f"# yaml-language-server: $schema={current}")
    assert modeline_findings(root) == []
    replace_first_line(
        root / "expert.yaml", f"# yaml-language-server: $schema={current.replace('v1', 'v2')}"
    )
    assert [code for code, *_ in modeline_findings(root)] == ["C301"]


def test_a_modeline_after_the_document_start_counts(tmp_path: Path) -> None:
    """`---` then the modeline (where editors find it too): no finding."""
    root = copy_shipped(tmp_path)
    expert = root / "expert.yaml"
    expert.write_text("---\n" + expert.read_text(encoding="utf-8"), encoding="utf-8")
    assert modeline_findings(root) == []


def test_the_fix_replaces_a_wrong_modeline_where_it_stands(tmp_path: Path) -> None:
    """An outdated modeline after `---` is replaced on its line; no second one is added."""
    from pscatalog.tools.fixing import fix_catalog

    root = copy_shipped(tmp_path)
    expert = root / "expert.yaml"
    body = expert.read_text(encoding="utf-8").split("\n", 1)[1]
    expert.write_text(
        "---\n# yaml-language-server: $schema=../schemas/category.json\n" + body,
        encoding="utf-8",
    )
    [finding] = modeline_findings(root)
    assert finding[:4] == ("C301", "expert.yaml", 1, 1)
    fixed = fix_catalog([root], config=Config())
    text = expert.read_text(encoding="utf-8")
    # The canonical layout then puts the header's comments above the `---`.
    assert [line for line in text.splitlines() if "yaml-language-server" in line] == [
        "# yaml-language-server: $schema=../schema/category.schema.json"
    ]
    assert text.count("\n---\n") == 1
    assert (dict(fixed.fixed), modeline_findings(root)) == ({"C301": 1}, [])


def test_the_fix_names_the_schema_folder_at_the_repositorys_top(tmp_path: Path) -> None:
    """A catalog in data/offerings with schema/ at the top: the modeline's relative path."""
    from pscatalog.tools.fixing import fix_catalog

    (tmp_path / ".git").mkdir()
    shutil.copytree(SHIPPED_CATALOG, tmp_path / "data" / "offerings")
    shutil.copytree(REPO / "schema", tmp_path / "schema")
    root = tmp_path / "data" / "offerings"
    expert = root / "expert.yaml"
    replace_first_line(expert, None)
    fix_catalog([root], config=Config())
    assert expert.read_text(encoding="utf-8").split("\n", 1)[0] == (
        "# yaml-language-server: $schema=../../schema/category.schema.json"
    )


def test_a_modeline_to_a_missing_copy_points_at_the_schemas_there_are(tmp_path: Path) -> None:
    """Catalog in data/offerings naming ../schema/ (missing), schema/ at the top: point there."""
    (tmp_path / ".git").mkdir()
    shutil.copytree(SHIPPED_CATALOG, tmp_path / "data" / "offerings")
    shutil.copytree(REPO / "schema", tmp_path / "schema")
    root = tmp_path / "data" / "offerings"
    [found] = [
        d
        for d in validate([root], config=Config()).diagnostics
        if d.location.file.endswith("expert.yaml")
    ]
    assert (found.code, found.message, found.hint) == (
        "C301",
        "the modeline names '../schema/category.schema.json', which is not a readable schema file",
        "point it at them: '# yaml-language-server: $schema=../../schema/category.schema.json' "
        "(--fix does)",
    )


# -- the fix

MODELINE = "# yaml-language-server: $schema=../schema/category.schema.json"
URL = "https://pscatalog.gitlab.io/schema/v1/category.schema.json"


def test_fix_inserts_the_modeline_above_an_ordinary_first_comment(tmp_path: Path) -> None:
    """A file without a modeline gets one above its first line, which stays as it was."""
    root = copy_shipped(tmp_path)
    path = root / "integration.yaml"
    replace_first_line(path, "# Integration services")
    before = path.read_text(encoding="utf-8")
    assert fixed(root, "integration.yaml", "C301") == MODELINE + "\n" + before


def test_fix_replaces_an_outdated_modeline(tmp_path: Path) -> None:
    """A modeline naming another schema is replaced, not kept under a second one."""
    root = copy_shipped(tmp_path)
    path = root / "integration.yaml"
    replace_first_line(path, "# yaml-language-server: $schema=../schema/levels.schema.json")
    rest = path.read_text(encoding="utf-8").split("\n", 1)[1]
    assert fixed(root, "integration.yaml", "C301") == MODELINE + "\n" + rest


def test_fix_replaces_a_modeline_without_spaces(tmp_path: Path) -> None:
    """'#yaml-language-server:$schema=...' is a modeline too, and is replaced."""
    root = copy_shipped(tmp_path)
    path = root / "integration.yaml"
    replace_first_line(path, "#yaml-language-server:$schema=category.schema.json")
    rest = path.read_text(encoding="utf-8").split("\n", 1)[1]
    assert fixed(root, "integration.yaml", "C301") == MODELINE + "\n" + rest


def test_fix_inserts_above_an_indented_modeline(tmp_path: Path) -> None:
    """A modeline-like comment that does not start its line is not the editor's modeline: kept."""
    root = copy_shipped(tmp_path)
    path = root / "integration.yaml"
    replace_first_line(path, "  # yaml-language-server: $schema=old.json")
    before = path.read_text(encoding="utf-8")
    assert fixed(root, "integration.yaml", "C301") == MODELINE + "\n" + before


def test_fix_names_the_levels_schema_in_the_levels_file(tmp_path: Path) -> None:
    """levels.yaml gets the levels schema's modeline."""
    root = copy_shipped(tmp_path)
    path = root / "levels.yaml"
    replace_first_line(path, None)
    before = path.read_text(encoding="utf-8")
    assert fixed(root, "levels.yaml", "C301") == (
        "# yaml-language-server: $schema=../schema/levels.schema.json\n" + before
    )


def test_fix_names_the_url_where_no_current_schema_file_is_beside(tmp_path: Path) -> None:
    """Without ../schema/ (or with an outdated copy there) the modeline names the published URL."""
    root = copy_shipped(tmp_path)
    path = root / "integration.yaml"
    replace_first_line(path, None)
    before = path.read_text(encoding="utf-8")
    schema = tmp_path / "schema" / "category.schema.json"
    schema.write_text(schema.read_text(encoding="utf-8").replace("/v1/", "/v0/"), encoding="utf-8")
    assert (
        fixed(root, "integration.yaml", "C301")
        == f"# yaml-language-server: $schema={URL}\n" + before
    )
    shutil.rmtree(tmp_path / "schema")
    assert (
        fixed(root, "integration.yaml", "C301")
        == f"# yaml-language-server: $schema={URL}\n" + before
    )


def test_fix_keeps_a_crlf_file_crlf(tmp_path: Path) -> None:
    """In a CR LF file the modeline is inserted with CR LF, or replaces the old one's text only."""
    root = copy_shipped(tmp_path)
    path = root / "integration.yaml"
    replace_first_line(path, None)
    lf = path.read_text(encoding="utf-8")
    path.write_bytes(lf.replace("\n", "\r\n").encode())
    assert fixed(root, "integration.yaml", "C301") == (MODELINE + "\n" + lf).replace("\n", "\r\n")
    outdated = "# yaml-language-server: $schema=levels.schema.json\n" + lf
    path.write_bytes(outdated.replace("\n", "\r\n").encode())
    assert fixed(root, "integration.yaml", "C301") == (MODELINE + "\n" + lf).replace("\n", "\r\n")


def test_validate_fix_writes_the_modeline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`pscatalog validate --fix` inserts the modeline and leaves no C301."""
    root = copy_shipped(tmp_path)
    path = root / "expert.yaml"
    replace_first_line(path, None)
    before = path.read_text(encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(pscatalog.checks.config, "DEFAULT_CONFIG", Config())  # C301 on
    result = CliRunner().invoke(cli, ["validate", "--fix", "catalog"])
    assert (result.exit_code, result.stdout) == (0, "No problems found in 7 files.\n")
    assert result.stderr == (
        "Fixed 1 finding (C301 x1); 1 file changed (fixes and canonical layout); 0 findings left.\n"
    )
    assert path.read_text(encoding="utf-8") == MODELINE + "\n" + before


def test_a_file_that_cannot_be_read_does_not_stop_the_others(tmp_path: Path) -> None:
    """A file that is not UTF-8 is Y007, not C301; the files after it are still checked."""
    root = copy_shipped(tmp_path)
    (root / "aa.yaml").write_bytes(b"id: caf\xe9\n")
    replace_first_line(root / "integration.yaml", None)
    assert [(code, file) for code, file, *_ in modeline_findings(root)] == [
        ("Y007", "aa.yaml"),
        ("C301", "integration.yaml"),
    ]


def test_a_url_of_another_host_is_not_the_current_schema(tmp_path: Path) -> None:
    """A URL with the right file name but another address names another schema."""
    root = copy_shipped(tmp_path)
    url = "https://example.com/schemas/category.schema.json"
    replace_first_line(root / "expert.yaml", f"# yaml-language-server: $schema={url}")
    assert [message for *_, message in modeline_findings(root)] == [
        f"the modeline names '{url}', not the current schema '{URL}'"
    ]


def test_fix_replaces_a_modeline_with_trailing_spaces(tmp_path: Path) -> None:
    """An outdated modeline followed by spaces is replaced whole."""
    root = copy_shipped(tmp_path)
    path = root / "integration.yaml"
    replace_first_line(path, "# yaml-language-server: $schema=levels.schema.json   ")
    rest = path.read_text(encoding="utf-8").split("\n", 1)[1]
    assert fixed(root, "integration.yaml", "C301") == MODELINE + "\n" + rest


def test_fix_finds_the_schema_among_the_files_in_memory(tmp_path: Path) -> None:
    """Where the catalog is read from memory (a fix before writing), so is the schema beside it."""
    root = copy_shipped(tmp_path)
    schema = tmp_path / "schema" / "category.schema.json"
    text = schema.read_text(encoding="utf-8")
    shutil.rmtree(tmp_path / "schema")
    replace_first_line(root / "integration.yaml", None)
    files = Files({schema: text})
    result = validate([root], config=Config(), files=files)
    [catalog] = result.catalogs
    [doc] = [doc for doc in catalog.documents if doc.path.name == "integration.yaml"]
    [found] = [d for d in result.diagnostics if d.location.file.endswith("integration.yaml")]
    [edit] = modeline.fix(FixContext(doc, catalog.files), found)
    assert edit.replacement == MODELINE + "\n"
