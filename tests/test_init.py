"""`pscatalog init`: every file it writes or edits, exactly, and a second run that changes nothing."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from conftest import REPO, SHIPPED_CATALOG
from pscatalog.catalog.schemas import SCHEMA_FILES, schema_text
from pscatalog.cli import init_command
from pscatalog.cli.main import cli
from pscatalog.outputs.schemadoc import fingerprint
from pscatalog.tools import init as init_module
from pscatalog.tools.init import Source
from pscatalog.yamltext.quoting import scalar_text
from test_integration import git, this_revision

URL = "https://gitlab.com/pscatalog/pscatalog/-/raw/v0.1.0/ci/pscatalog.gitlab-ci.yml"
SPEC = "git+https://gitlab.com/pscatalog/pscatalog.git@v0.1.0"
HOOKS = """\
  - repo: https://gitlab.com/pscatalog/pscatalog
    rev: v0.1.0
    hooks:
      - id: pscatalog-validate
      - id: pscatalog-format
      - id: pscatalog-render-check
      - id: pscatalog-changes
"""
INSTALL_TYPES = "default_install_hook_types:\n  - pre-commit\n  - pre-push\n"
NEW_FILES = {
    ".pre-commit-config.yaml": (
        "---\n# pre-commit hooks (https://pre-commit.com); pscatalog init added pscatalog's.\n"
        + INSTALL_TYPES
        + "repos:\n"
        + HOOKS
    ),
    ".gitlab-ci.yml": (
        "---\n# GitLab CI: pscatalog validates the catalog in merge requests.\n"
        f"include:\n  - remote: {URL}\n\n"
        "variables:\n  # Required by the template: a pinned install of pscatalog.\n"
        f"  PSCATALOG_PIP_SPEC: {SPEC}\n"
    ),
    ".yamllint.yaml": init_module.YAMLLINT_TEXT.replace("{pattern}", "/catalog/"),
    "catalog/implementation.yaml": """\
# yaml-language-server: $schema=../schema/category.schema.json
id: implementation
name: Implementation Services
level: product
offerings:
  - id: rapid-results-implementation
    name: Rapid Results implementation
    maturity: planned
    summary: "An example: replace it with an offering of the practice."
    variants:
      - id: custom
""",
    "catalog/levels.yaml": """\
# yaml-language-server: $schema=../schema/levels.schema.json
# Levels 2 and 3 are named for the buyers they serve: a proposal; rename them freely.
levels:
  - id: product
    name: Product
    rank: 1
    persona: The platform owner

  - id: adoption
    name: Adoption
    rank: 2
    persona: The enablement lead

  - id: transformation
    name: Transformation
    rank: 3
    persona: The executive sponsor
""",
    "services.md": """\
# Services

The categories of service, rendered from the catalog (`catalog/`): edit the catalog,
then run `pscatalog render --write services.md`.

<!-- pscatalog:begin categories -->

#### Implementation Services

| Offering | Maturity |
| :-- | :--: |
| Rapid Results implementation | Planned |

#### Education Services

| Offering | Maturity |
| :-- | :--: |
| GitLab basics training | Planned |

#### Dedicated Services

| Offering | Maturity |
| :-- | :--: |
| Dedicated engineer | Planned |

<!-- pscatalog:end -->
""",
}
CREATED = """\
created schema/levels.schema.json
created schema/category.schema.json
created catalog/levels.yaml
created catalog/implementation.yaml
created catalog/education.yaml
created catalog/dedicated.yaml
created services.md
"""
SECOND_RUN = """\
unchanged schema/levels.schema.json
unchanged schema/category.schema.json
unchanged catalog/: it holds 4 catalog files; init never writes into a catalog
unchanged services.md: it has a pscatalog region
unchanged .pre-commit-config.yaml: it already has pscatalog's hooks
unchanged .gitlab-ci.yml: it includes pscatalog's template; it sets PSCATALOG_PIP_SPEC
unchanged .yamllint.yaml: catalog files are exempted from line-length; \
catalog files are exempted from document-start; catalog files are exempted from new-lines; \
catalog files are exempted from comments
"""


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def snapshot(root: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(root)): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def test_init_in_an_empty_folder_writes_every_file(in_tmp: Path) -> None:
    """Schemas, catalog, page, hooks, CI and yamllint settings, each exactly; exit 0."""
    code, out, err = run("init")
    assert (code, err) == (0, "")
    assert out == CREATED + (
        "created .pre-commit-config.yaml\ncreated .gitlab-ci.yml\ncreated .yamllint.yaml\n"
    )
    for name, text in NEW_FILES.items():
        assert (in_tmp / name).read_text(encoding="utf-8") == text, name
    for name in ("levels", "category"):
        schema = (in_tmp / "schema" / f"{name}.schema.json").read_text(encoding="utf-8")
        assert schema == (REPO / "schema" / f"{name}.schema.json").read_text(encoding="utf-8")
    assert run("validate") == (0, "No problems found in 4 files.\n", "")
    assert run("fmt", "--check") == (0, "4 files already formatted.\n", "")
    assert run("render", "--check", "services.md") == (0, "1 page up to date.\n", "")


def test_init_twice_changes_nothing(in_tmp: Path) -> None:
    """The second run reports every file unchanged and leaves every byte as it was."""
    run("init")
    before = snapshot(in_tmp)
    assert run("init") == (0, SECOND_RUN, "")
    assert snapshot(in_tmp) == before


def test_init_example_writes_the_framework_catalog(in_tmp: Path) -> None:
    """--example: the shipped catalog, byte for byte, which validates and renders."""
    code, _, _ = run("init", "--example")
    assert code == 0
    for path in SHIPPED_CATALOG.glob("*.yaml"):
        assert (in_tmp / "catalog" / path.name).read_bytes() == path.read_bytes()
    assert run("validate") == (0, "No problems found in 7 files.\n", "")
    assert run("render", "--check", "services.md") == (0, "1 page up to date.\n", "")


def test_init_never_writes_into_a_catalog(in_tmp: Path) -> None:
    """A catalog folder with a file in it is left alone, even with --example."""
    (in_tmp / "catalog").mkdir()
    (in_tmp / "catalog" / "mine.yaml").write_text("id: mine\n", encoding="utf-8")
    code, out, _ = run("init", "--example")
    assert code == 0
    assert "unchanged catalog/: it holds 1 catalog file; init never writes into a catalog\n" in out
    assert sorted(path.name for path in (in_tmp / "catalog").iterdir()) == ["mine.yaml"]


def test_page_without_a_region_is_left_as_it_is(in_tmp: Path) -> None:
    """An existing page is never rewritten; one without a region gets the way to add one."""
    (in_tmp / "services.md").write_text("# Our services\n", encoding="utf-8")
    _, out, _ = run("init")
    assert (
        "unchanged services.md: it has no pscatalog region; put <!-- pscatalog:begin categories -->"
        " and <!-- pscatalog:end --> where the categories go, then run "
        "'pscatalog render --write services.md'\n"
    ) in out
    assert (in_tmp / "services.md").read_text(encoding="utf-8") == "# Our services\n"


def test_source_names_the_install_and_the_template() -> None:
    """A mirror and a revision give the pip spec and the template URL; a path a file URL."""
    mirror = Source("https://git.example.com/tools/pscatalog.git", "0123abc")
    assert mirror.pip_spec == "git+https://git.example.com/tools/pscatalog.git@0123abc"
    assert mirror.template_url == (
        "https://git.example.com/tools/pscatalog/-/raw/0123abc/ci/pscatalog.gitlab-ci.yml"
    )
    assert Source().pip_spec == SPEC
    assert Source("/srv/pscatalog", "v1").pip_spec == "git+file:///srv/pscatalog@v1"
    assert init_command.PROJECT_URL == init_module.PROJECT_URL


# -- existing files: added to, every line kept

PRE_COMMIT_CASES = {
    "comments, an anchor, a merge and another repository": (
        """\
# Our hooks
defaults: &defaults
  stages: [pre-commit]
repos:
  - repo: local  # project checks
    hooks:
      - id: no-tabs
        <<: *defaults
        name: no tabs
        entry: "true"
        language: system
# end of hooks
""",
        """\
# Our hooks
defaults: &defaults
  stages: [pre-commit]
repos:
  - repo: local  # project checks
    hooks:
      - id: no-tabs
        <<: *defaults
        name: no tabs
        entry: "true"
        language: system
"""
        + HOOKS
        + INSTALL_TYPES
        + "# end of hooks\n",
    ),
    "flow style": (
        'repos: [{repo: local, hooks: [{id: x, name: x, entry: "true", language: system}]}]  # f\n',
        'repos: [{repo: local, hooks: [{id: x, name: x, entry: "true", language: system}]}, '
        '{repo: "https://gitlab.com/pscatalog/pscatalog", rev: v0.1.0, hooks: '
        "[{id: pscatalog-validate}, {id: pscatalog-format}, {id: pscatalog-render-check}, "
        "{id: pscatalog-changes}]}]  # f\n" + INSTALL_TYPES,
    ),
    "no repos key": (
        "default_stages: [pre-commit]\n",
        "default_stages: [pre-commit]\nrepos:\n" + HOOKS + INSTALL_TYPES,
    ),
}


@pytest.mark.parametrize("case", sorted(PRE_COMMIT_CASES))
def test_existing_pre_commit_config_gets_the_hooks(in_tmp: Path, case: str) -> None:
    """The hooks are added after what is there; a second run leaves the file as it is."""
    before, after = PRE_COMMIT_CASES[case]
    (in_tmp / ".pre-commit-config.yaml").write_text(before, encoding="utf-8")
    _, out, _ = run("init")
    assert (
        "updated .pre-commit-config.yaml: pscatalog's hooks added; "
        "default_install_hook_types set\n" in out
    )
    assert (in_tmp / ".pre-commit-config.yaml").read_text(encoding="utf-8") == after
    _, out, _ = run("init")
    assert "unchanged .pre-commit-config.yaml: it already has pscatalog's hooks\n" in out
    assert (in_tmp / ".pre-commit-config.yaml").read_text(encoding="utf-8") == after


def test_pre_commit_config_with_some_of_pscatalogs_hooks_gets_the_others(in_tmp: Path) -> None:
    """The hooks pscatalog's repository entry lacks are added to it (its revision kept).

    pre-push joins the hook types a configuration already lists.
    """
    text = "default_install_hook_types: [pre-commit]\nrepos:\n"
    text += "  - repo: https://gitlab.com/pscatalog/pscatalog\n    rev: v0.0.9\n"
    text += "    hooks:\n      - id: pscatalog-validate  # ours\n"
    (in_tmp / ".pre-commit-config.yaml").write_text(text, encoding="utf-8")
    _, out, _ = run("init")
    assert (
        "updated .pre-commit-config.yaml: pscatalog-format, pscatalog-render-check, "
        "pscatalog-changes added; pre-push added to default_install_hook_types\n" in out
    )
    assert (in_tmp / ".pre-commit-config.yaml").read_text(encoding="utf-8") == (
        "default_install_hook_types: [pre-commit, pre-push]\nrepos:\n"
        "  - repo: https://gitlab.com/pscatalog/pscatalog\n    rev: v0.0.9\n"
        "    hooks:\n      - id: pscatalog-validate  # ours\n"
        "      - id: pscatalog-format\n      - id: pscatalog-render-check\n"
        "      - id: pscatalog-changes\n"
    )
    _, out, _ = run("init")
    assert "unchanged .pre-commit-config.yaml: it already has pscatalog's hooks\n" in out


INCLUDE = f"  - remote: {URL}\n"
GITLAB_CASES = {
    "include as a string": (
        "include: 'ci/other.yml'  # shared jobs\nstages: [test]\n",
        f"include:\n  - 'ci/other.yml'  # shared jobs\n{INCLUDE}stages: [test]\n"
        f"variables:\n  PSCATALOG_PIP_SPEC: {SPEC}\n",
    ),
    "include as a list, variables set": (
        'include:\n  - local: a.yml\nvariables:\n  GIT_DEPTH: "10"  # shallow\n',
        f'include:\n  - local: a.yml\n{INCLUDE}variables:\n  GIT_DEPTH: "10"  # shallow\n'
        f"  PSCATALOG_PIP_SPEC: {SPEC}\n",
    ),
    "include as a mapping": (
        "include:\n  local: a.yml  # shared\n  rules:\n    - if: $CI\nbuild:\n  script: [make]\n",
        "include:\n  - local: a.yml  # shared\n    rules:\n      - if: $CI\n"
        f"{INCLUDE}build:\n  script: [make]\nvariables:\n  PSCATALOG_PIP_SPEC: {SPEC}\n",
    ),
    "include as a string, no final line break": (
        "include: a.yml",
        f"include:\n  - a.yml\n{INCLUDE}variables:\n  PSCATALOG_PIP_SPEC: {SPEC}",
    ),
    "no include": (
        "build:\n  script: [make]\n",
        f"build:\n  script: [make]\ninclude:\n{INCLUDE}variables:\n  PSCATALOG_PIP_SPEC: {SPEC}\n",
    ),
}


@pytest.mark.parametrize("case", sorted(GITLAB_CASES))
def test_existing_gitlab_ci_gets_the_include_and_the_variable(in_tmp: Path, case: str) -> None:
    """The template is included and PSCATALOG_PIP_SPEC set, whatever form `include:` has."""
    before, after = GITLAB_CASES[case]
    (in_tmp / ".gitlab-ci.yml").write_text(before, encoding="utf-8")
    _, out, _ = run("init")
    assert "updated .gitlab-ci.yml: " in out
    assert (in_tmp / ".gitlab-ci.yml").read_text(encoding="utf-8") == after
    _, out, _ = run("init")
    assert (
        "unchanged .gitlab-ci.yml: it includes pscatalog's template; it sets PSCATALOG_PIP_SPEC\n"
    ) in out


def test_gitlab_ci_with_a_tag_is_not_edited_and_says_what_to_add(in_tmp: Path) -> None:
    """`!reference` is a tag pscatalog does not write around: the file stays; exit 1, the lines."""
    text = "build:\n  script: !reference [.setup, script]\n"
    (in_tmp / ".gitlab-ci.yml").write_text(text, encoding="utf-8")
    code, out, _ = run("init")
    assert code == 1
    assert (
        "not changed .gitlab-ci.yml: it uses a YAML tag (line 2), which pscatalog does not edit "
        "around\n    add by hand (merge with what is there):\n    include:\n"
        f"      - remote: {URL}\n    variables:\n      PSCATALOG_PIP_SPEC: {SPEC}\n"
    ) in out
    assert (in_tmp / ".gitlab-ci.yml").read_text(encoding="utf-8") == text


YAMLLINT_CASES = {
    "rules with a block ignore": (
        ".yamllint",
        "extends: default\nrules:\n  line-length:\n    max: 120\n    ignore: |\n      vendor/\n"
        "  truthy: disable  # Ansible\n",
        "extends: default\nrules:\n  line-length:\n    max: 120\n    ignore: |\n      vendor/\n"
        "      /catalog/\n    allow-non-breakable-inline-mappings: true\n"
        "  truthy: disable  # Ansible\n"
        "  document-start:\n    ignore:\n      - /catalog/\n"
        "  new-lines:\n    ignore:\n      - /catalog/\n"
        "  comments:\n    ignore:\n      - /catalog/\n",
    ),
    # relaxed turns document-start and comments off: an ignore: alone would turn them on.
    "no rules, relaxed": (
        ".yamllint.yml",
        "extends: relaxed\n",
        "extends: relaxed\nrules:\n  line-length:\n"
        "    allow-non-breakable-inline-mappings: true\n    ignore:\n      - /catalog/\n"
        "  new-lines:\n    ignore:\n      - /catalog/\n",
    ),
    "comments without the starting space already": (
        ".yamllint",
        "extends: default\nrules:\n  comments:\n    require-starting-space: false\n"
        "  line-length: disable\n  document-start: disable\n  new-lines: {type: platform}\n",
        "extends: default\nrules:\n  comments:\n    require-starting-space: false\n"
        "  line-length: disable\n  document-start: disable\n"
        "  new-lines: {type: platform, ignore: [/catalog/]}\n",
    ),
    "a rule written enable": (
        ".yamllint",
        "extends: default\nrules:\n  comments: enable  # on\n  line-length: disable\n"
        "  document-start: disable\n  new-lines: disable\n",
        "extends: default\nrules:\n  comments: {ignore: [/catalog/]}  # on\n"
        "  line-length: disable\n  document-start: disable\n  new-lines: disable\n",
    ),
    "an ignore list, a rule disabled": (
        ".yamllint.yaml",
        "rules:\n  line-length:\n    ignore: [build/]\n  document-start: disable\n",
        "rules:\n  line-length:\n    ignore: [build/, /catalog/]\n"
        "    allow-non-breakable-inline-mappings: true\n  document-start: disable\n",
    ),
}


@pytest.mark.parametrize("case", sorted(YAMLLINT_CASES))
def test_existing_yamllint_settings_exempt_the_catalog(in_tmp: Path, case: str) -> None:
    """The rules that fight fmt ignore the catalog where on; everything else stays as it was.

    line-length also lets the CI include's URL run long (the line init writes).
    """
    name, before, after = YAMLLINT_CASES[case]
    (in_tmp / name).write_text(before, encoding="utf-8")
    run("init")
    assert (in_tmp / name).read_text(encoding="utf-8") == after
    assert not (in_tmp / ".yamllint.yaml").exists() or name == ".yamllint.yaml"
    run("init")
    assert (in_tmp / name).read_text(encoding="utf-8") == after


def test_yamllint_ignore_from_file_is_left_to_the_user(in_tmp: Path) -> None:
    """`ignore-from-file` cannot take an `ignore` beside it: exit 1 and the lines to add."""
    text = "rules:\n  line-length:\n    ignore-from-file: .gitignore\n"
    (in_tmp / ".yamllint").write_text(text, encoding="utf-8")
    code, out, _ = run("init")
    assert code == 1
    assert (
        "not changed .yamllint: its line-length rule has ignore-from-file, beside which "
        "yamllint takes no ignore\n    add by hand (merge with what is there):\n"
    ) in out
    assert (in_tmp / ".yamllint").read_text(encoding="utf-8") == text


def test_yamllint_top_level_ignore_from_file_does_not_stop_init(in_tmp: Path) -> None:
    """A top-level `ignore-from-file` leaves the rules' `ignore` free: they get the catalog's."""
    text = "extends: default\nignore-from-file: .gitignore\n"
    (in_tmp / ".yamllint").write_text(text, encoding="utf-8")
    code, out, _ = run("init")
    assert code == 0
    assert "updated .yamllint: catalog files exempted\n" in out
    assert (in_tmp / ".yamllint").read_text(encoding="utf-8") == text + (
        "rules:\n  line-length:\n    allow-non-breakable-inline-mappings: true\n"
        "    ignore:\n      - /catalog/\n  document-start:\n    ignore:\n      - /catalog/\n"
        "  new-lines:\n    ignore:\n      - /catalog/\n  comments:\n    ignore:\n"
        "      - /catalog/\n"
    )


# -- the schemas: only an unedited copy of one pscatalog shipped is replaced

SCHEMA_FIXTURES = REPO / "tests" / "fixtures" / "init"
NOT_REPLACED = (
    "; init replaces only an unedited copy of a schema pscatalog shipped\n"
    "    the catalog's modelines name pscatalog's schema here: move this file aside and run "
    "init again,\n    or replace it with 'pscatalog schema --output schema'\n"
)


def test_a_schema_of_an_earlier_version_is_brought_up_to_date(in_tmp: Path) -> None:
    """The first levels schema pscatalog shipped is replaced by this version's; exit 0."""
    (in_tmp / "schema").mkdir()
    old = (SCHEMA_FIXTURES / "levels.schema.first.json").read_text(encoding="utf-8")
    (in_tmp / "schema" / "levels.schema.json").write_text(old, encoding="utf-8")
    code, out, _ = run("init")
    assert code == 0
    assert out.startswith(
        "updated schema/levels.schema.json: the schema of this version of pscatalog\n"
        "created schema/category.schema.json\n"
    )
    assert (in_tmp / "schema" / "levels.schema.json").read_text(encoding="utf-8") == (
        REPO / "schema" / "levels.schema.json"
    ).read_text(encoding="utf-8")


def test_this_versions_schema_written_another_way_is_kept(in_tmp: Path) -> None:
    """The same schema with other whitespace is this version's: left as it is, exit 0."""
    (in_tmp / "schema").mkdir()
    data = json.loads((REPO / "schema" / "category.schema.json").read_text(encoding="utf-8"))
    text = json.dumps(data, indent=4) + "\n"
    (in_tmp / "schema" / "category.schema.json").write_text(text, encoding="utf-8")
    code, out, _ = run("init")
    assert code == 0
    assert "unchanged schema/category.schema.json\n" in out
    assert (in_tmp / "schema" / "category.schema.json").read_text(encoding="utf-8") == text


SCHEMA_CASES = {
    "hand-written notes": (
        "hand-written notes, not JSON\n",
        "not changed schema/levels.schema.json: it does not read as JSON",
    ),
    "another schema without $id": (
        '{"title": "Our blog category schema", "type": "object"}\n',
        "not changed schema/levels.schema.json: it has no $id: it is not pscatalog's",
    ),
    "another schema with its $id": (
        '{"$id": "https://example.com/levels.schema.json", "type": "object"}\n',
        "not changed schema/levels.schema.json: its $id is "
        "'https://example.com/levels.schema.json', not pscatalog's",
    ),
    "pscatalog's category schema in the levels file": (
        (REPO / "schema" / "category.schema.json").read_text(encoding="utf-8"),
        "not changed schema/levels.schema.json: its $id is "
        "'https://pscatalog.gitlab.io/schema/v1/category.schema.json', not pscatalog's",
    ),
    "pscatalog's schema with a property added": (
        (REPO / "schema" / "levels.schema.json")
        .read_text(encoding="utf-8")
        .replace('"properties": {', '"properties": {"region": {"type": "string"}, ', 1),
        "not changed schema/levels.schema.json: it has pscatalog's $id but matches no version "
        "pscatalog shipped up to this one (edited, or from a later version)",
    ),
}


@pytest.mark.parametrize("case", sorted(SCHEMA_CASES))
def test_a_schema_file_that_is_not_a_shipped_one_is_left_byte_for_byte(
    in_tmp: Path, case: str
) -> None:
    """Anything but an unedited copy of a shipped schema stays, with a line saying so; exit 1."""
    text, said = SCHEMA_CASES[case]
    (in_tmp / "schema").mkdir()
    (in_tmp / "schema" / "levels.schema.json").write_text(text, encoding="utf-8")
    code, out, err = run("init")
    assert (code, err) == (1, "")
    assert out.startswith(said + NOT_REPLACED + "created schema/category.schema.json\n")
    assert (in_tmp / "schema" / "levels.schema.json").read_text(encoding="utf-8") == text
    assert run("init", "-q") == (1, said + NOT_REPLACED, "")


def test_every_schema_this_version_ships_is_known_to_init() -> None:
    """A schema change adds the new schema's fingerprint to SHIPPED_SCHEMAS.

    Otherwise a later version would take this one's schema for an edited copy. The
    fingerprint: python -c "from pscatalog.outputs.schemadoc import fingerprint;
    print(fingerprint(open('schema/NAME.schema.json').read()))".
    """
    for kind, file_name in SCHEMA_FILES.items():
        assert fingerprint(schema_text(kind)) in init_module.SHIPPED_SCHEMAS[file_name], kind
    for name in ("levels", "category"):
        old = (SCHEMA_FIXTURES / f"{name}.schema.first.json").read_text(encoding="utf-8")
        assert fingerprint(old) in init_module.SHIPPED_SCHEMAS[f"{name}.schema.json"]


def test_init_refuses_a_page_outside_the_repository(in_tmp: Path) -> None:
    """--page ../x.md is a usage error: exit 2, one line, nothing written."""
    code, out, err = run("init", "--page", "../x.md")
    assert (code, out) == (2, "")
    assert err == (
        "pscatalog: error: --page names a page inside the repository, not '../x.md'\n"
        "Try 'pscatalog init --help' for help.\n"
    )
    assert list(in_tmp.iterdir()) == []


@pytest.mark.parametrize("page", ["docs/Services.MD", "services.markdown"])
def test_init_writes_a_page_with_any_markdown_suffix(in_tmp: Path, page: str) -> None:
    """The pages the render-check hook reads: any Markdown suffix, in any case."""
    code, out, err = run("init", "--page", page)
    assert (code, err) == (0, "")
    assert f"created {page}\n" in out
    assert "<!-- pscatalog:begin categories -->" in (in_tmp / page).read_text(encoding="utf-8")


def test_a_configuration_the_hooks_cannot_find_is_refused(in_tmp: Path) -> None:
    """--config config/pscatalog.toml: the hooks read the top's; init writes nothing, exit 2."""
    (in_tmp / "config").mkdir()
    (in_tmp / "config" / "pscatalog.toml").write_text('catalog = "../data"\n', encoding="utf-8")
    assert run("init", "--config", "config/pscatalog.toml") == (
        2,
        "",
        "pscatalog: error: --config config/pscatalog.toml: the hooks and the CI job read the "
        "configuration at the repository's top (pscatalog.toml or pyproject.toml's "
        "[tool.pscatalog]); move it there, or leave --config out\n"
        "Try 'pscatalog init --help' for help.\n",
    )
    assert sorted(path.name for path in in_tmp.iterdir()) == ["config"]


def test_init_of_a_missing_folder_is_a_usage_error(in_tmp: Path) -> None:
    """A ROOT that does not exist: exit 2."""
    code, _, err = run("init", "nowhere")
    assert code == 2
    assert err == "pscatalog: error: not a folder: nowhere\nTry 'pscatalog init --help' for help.\n"


def test_shipped_catalog_package_data_is_the_catalog() -> None:
    """The catalog `init --example` writes is the repository's catalog, file for file."""
    packaged = REPO / "src" / "pscatalog" / "data" / "catalog"
    assert sorted(path.name for path in packaged.iterdir()) == sorted(
        path.name for path in SHIPPED_CATALOG.iterdir()
    )
    for path in SHIPPED_CATALOG.iterdir():
        assert (packaged / path.name).read_bytes() == path.read_bytes(), path.name


def test_init_writes_into_the_folder_named(in_tmp: Path) -> None:
    """`init handbook` writes into handbook/, nothing into the current folder."""
    (in_tmp / "handbook").mkdir()
    assert run("init", "handbook")[0] == 0
    assert sorted(path.name for path in in_tmp.iterdir()) == ["handbook"]
    assert (in_tmp / "handbook" / ".gitlab-ci.yml").read_text(encoding="utf-8") == NEW_FILES[
        ".gitlab-ci.yml"
    ]


def test_a_file_linking_out_of_the_repository_is_neither_read_nor_written(in_tmp: Path) -> None:
    """A .gitlab-ci.yml that links outside the repository: left alone, exit 1, said why."""
    (in_tmp / "repo" / ".git").mkdir(parents=True)
    outside = in_tmp / "elsewhere.yml"
    outside.write_text("secret: value\n", encoding="utf-8")
    (in_tmp / "repo" / ".gitlab-ci.yml").symlink_to(outside)
    code, out, _ = run("init", "repo")
    assert code == 1
    assert f"not changed .gitlab-ci.yml: not read (repo/.gitlab-ci.yml: leads to {outside}," in out
    assert outside.read_text(encoding="utf-8") == "secret: value\n"


def test_quiet_prints_only_what_needs_attention(in_tmp: Path) -> None:
    """-q: nothing when everything is in place; only the files that need you otherwise."""
    assert run("init", "-q") == (0, "", "")
    assert run("init", "--quiet") == (0, "", "")
    (in_tmp / ".gitlab-ci.yml").write_text("variables:\n  PSCATALOG_PIP_SPEC: pscatalog\n")
    code, out, _ = run("init", "-q")
    assert (code, out) == (
        1,
        "updated .gitlab-ci.yml: pscatalog's template included\n"
        "    PSCATALOG_PIP_SPEC is 'pscatalog': the package index's 'pscatalog', which is not "
        f"this project's and which anyone could publish: set it to {SPEC}\n",
    )


# -- values that give a setup that cannot work: refused before anything is written

REFUSED = {
    ("--repository", ""): "--repository is empty: name pscatalog's repository, an https URL",
    ("--rev", ""): "--rev is empty: name a tag or a commit of pscatalog",
    ("--page", ""): "--page is empty: name a Markdown page, such as services.md",
    ("--repository", "--x"): "--repository '--x' starts with '-', like an option",
    ("--rev", "-x"): "--rev '-x' starts with '-', like an option",
    ("--page", "-x.md"): "--page '-x.md' starts with '-', like an option",
    ("--rev", "a b"): "--rev 'a b' is not a tag or a commit name (letters, digits and . _ + - /)",
    (
        "--rev",
        "v1\n",
    ): "--rev 'v1\\n' is not a tag or a commit name (letters, digits and . _ + - /)",
    ("--rev", "main..v1"): (
        "--rev 'main..v1' is not a tag or a commit name (letters, digits and . _ + - /)"
    ),
    ("--rev", "v1?x=1"): (
        "--rev 'v1?x=1' is not a tag or a commit name (letters, digits and . _ + - /)"
    ),
    ("--repository", "git@gitlab.example.com:mirrors/pscatalog.git"): (
        "--repository 'git@gitlab.example.com:mirrors/pscatalog.git' is an ssh address: the CI "
        "job includes the template and installs pscatalog over https, without a key; give the "
        "repository's https URL"
    ),
    ("--repository", "ssh://git@gitlab.example.com/mirrors/pscatalog.git"): (
        "--repository 'ssh://git@gitlab.example.com/mirrors/pscatalog.git' is an ssh address: "
        "the CI job includes the template and installs pscatalog over https, without a key; "
        "give the repository's https URL"
    ),
    ("--repository", "http://gitlab.example.com/pscatalog"): (
        "--repository 'http://gitlab.example.com/pscatalog' is not an https URL or a local clone"
    ),
    ("--repository", "https://deploy:s3cret@gitlab.example.com/pscatalog"): (
        "--repository https://gitlab.example.com/pscatalog holds credentials: they would be "
        "written into .pre-commit-config.yaml and .gitlab-ci.yml; give the URL without them"
    ),
    ("--repository", "https://github.com/someone/pscatalog"): (
        "--repository 'https://github.com/someone/pscatalog' is not on a GitLab instance: the CI "
        "job includes the template from GitLab's raw files (/-/raw/); use a mirror on GitLab"
    ),
    ("--repository", "https://gitlab.example.com"): (
        "--repository 'https://gitlab.example.com' is not the URL of a repository"
    ),
    ("--repository", "https://gitlab.example.com/a/b?ref=x"): (
        "--repository 'https://gitlab.example.com/a/b?ref=x' is not the URL of a repository"
    ),
    ("--repository", "https://-.example.com/a/b"): (
        "--repository 'https://-.example.com/a/b' is not the URL of a repository"
    ),
    ("--repository", "https://gitlab.example.com/a/../b"): (
        "--repository 'https://gitlab.example.com/a/../b' is not the URL of a repository"
    ),
    ("--repository", "nowhere/pscatalog"): (
        "--repository 'nowhere/pscatalog' is neither an https URL nor a folder (a local clone)"
    ),
    ("--page", "catalog/page.md"): (
        "--page 'catalog/page.md' is inside the catalog folder, which holds catalog files only"
    ),
    ("--page", "./catalog/services.md"): (
        "--page './catalog/services.md' is inside the catalog folder, which holds catalog "
        "files only"
    ),
    ("--page", ".git/hooks/post-checkout.md"): (
        "--page '.git/hooks/post-checkout.md' is inside .git, which is git's, not a page's"
    ),
    ("--page", "services.md/"): (
        "--page 'services.md/' is not a Markdown page: the render-check hook reads pages whose "
        "names end in .md, .markdown, .mdown, .mdwn, .mkd, .mkdn (in any case)"
    ),
    ("--page", "services.txt"): (
        "--page 'services.txt' is not a Markdown page: the render-check hook reads pages "
        "whose names end in .md, .markdown, .mdown, .mdwn, .mkd, .mkdn (in any case)"
    ),
    ("--page", "/srv/services.md"): (
        "--page names a page inside the repository, not '/srv/services.md'"
    ),
    ("--repository", "https://[::1/x"): (
        "--repository 'https://[::1/x' is not the URL of a repository"
    ),
    ("--repository", "https://gitlab.com:99999/x/y"): (
        "--repository 'https://gitlab.com:99999/x/y' is not the URL of a repository"
    ),
    ("--repository", "https://gitlab.com/x/y/-/raw"): (
        "--repository 'https://gitlab.com/x/y/-/raw' is not the URL of a repository"
    ),
}


@pytest.mark.parametrize("option", sorted(REFUSED), ids=repr)
def test_a_value_that_cannot_work_is_refused_and_nothing_is_written(
    in_tmp: Path, option: tuple[str, str]
) -> None:
    """Exit 2, one line and where the help is; the folder stays empty."""
    code, out, err = run("init", f"{option[0]}={option[1]}")
    assert (code, out) == (2, "")
    assert err == f"pscatalog: error: {REFUSED[option]}\nTry 'pscatalog init --help' for help.\n"
    assert list(in_tmp.iterdir()) == []


def test_init_below_a_repositorys_top_is_refused(in_tmp: Path) -> None:
    """Hooks and CI files belong at the top: a sub-folder of a repository is refused."""
    (in_tmp / ".git").mkdir()
    (in_tmp / "docs").mkdir()
    code, _, err = run("init", "docs")
    assert code == 2
    assert err.startswith(
        f"pscatalog: error: docs is inside the git repository {in_tmp}, not its top folder, "
        "where .pre-commit-config.yaml and .gitlab-ci.yml belong: run init there, or make docs "
        "a repository of its own first (git init)\n"
    )
    assert sorted(path.name for path in in_tmp.iterdir()) == [".git", "docs"]


# -- the catalog folder


def test_a_catalog_folder_holding_only_hidden_yaml_files_is_written_into(in_tmp: Path) -> None:
    """Hidden files are other tools', as validate reads it: the folder is no catalog yet."""
    (in_tmp / "catalog").mkdir()
    (in_tmp / "catalog" / ".hidden.yaml").write_text("x: 1\n", encoding="utf-8")
    code, out, _ = run("init")
    assert code == 0
    assert "created catalog/levels.yaml\n" in out
    assert run("validate") == (0, "No problems found in 4 files.\n", "")


def test_a_file_named_catalog_is_left_and_said(in_tmp: Path) -> None:
    """A file where the catalog's folder goes: said, left byte for byte, exit 1, no traceback."""
    (in_tmp / "catalog").write_text("notes\n", encoding="utf-8")
    code, out, err = run("init")
    assert (code, err) == (1, "")
    assert out.startswith(
        "created schema/levels.schema.json\ncreated schema/category.schema.json\n"
        "not changed catalog: it is a file, where the catalog's folder goes; move it aside and "
        "run init again\n"
        "created services.md: the catalog could not be read: its region is empty\n"
    )
    assert (in_tmp / "catalog").read_text(encoding="utf-8") == "notes\n"


# -- files init cannot edit: said in their own words


def test_a_pre_commit_config_of_two_documents_is_said_to_be_one(in_tmp: Path) -> None:
    """Not "a catalog file": the configuration holds two documents, which init does not edit."""
    text = "repos: []\n---\nrepos: []\n"
    (in_tmp / ".pre-commit-config.yaml").write_text(text, encoding="utf-8")
    code, out, _ = run("init")
    assert code == 1
    assert (
        "not changed .pre-commit-config.yaml: it holds more than one YAML document (another "
        "starts at line 2)\n    add by hand (merge with what is there):\n"
    ) in out
    assert (in_tmp / ".pre-commit-config.yaml").read_text(encoding="utf-8") == text


def test_an_anchored_variables_mapping_is_named_as_the_reason(in_tmp: Path) -> None:
    """`variables: &vars` merged elsewhere: adding to it would add to every job that merges it."""
    text = "variables: &vars\n  FOO: bar\njob:\n  variables:\n    <<: *vars\n  script: [x]\n"
    (in_tmp / ".gitlab-ci.yml").write_text(text, encoding="utf-8")
    code, out, _ = run("init")
    assert code == 1
    assert (
        "not changed .gitlab-ci.yml: its variables: carries the anchor &vars, which other "
        "places repeat: what is added there would be added to them too\n"
        "    add by hand (merge with what is there):\n    include:\n"
        f"      - remote: {URL}\n    variables:\n      PSCATALOG_PIP_SPEC: {SPEC}\n"
    ) in out
    assert (in_tmp / ".gitlab-ci.yml").read_text(encoding="utf-8") == text


# -- a CI file whose last key is a block `variables:` (two additions at the end)

VARIABLES_LAST = {
    "a job, then variables": (
        "job:\n  script: [x]\nvariables:\n  FOO: bar\n",
        f"job:\n  script: [x]\nvariables:\n  FOO: bar\n  PSCATALOG_PIP_SPEC: {SPEC}\n"
        f"include:\n{INCLUDE}",
    ),
    "variables alone": (
        "variables:\n  FOO: bar\n",
        f"variables:\n  FOO: bar\n  PSCATALOG_PIP_SPEC: {SPEC}\ninclude:\n{INCLUDE}",
    ),
    "GitLab's value and description": (
        "variables:\n  FOO:\n    value: bar\n    description: d\n",
        f"variables:\n  FOO:\n    value: bar\n    description: d\n  PSCATALOG_PIP_SPEC: {SPEC}\n"
        f"include:\n{INCLUDE}",
    ),
    "a literal block, no final line break": (
        "variables:\n  SCRIPT: |\n    make",
        f"variables:\n  SCRIPT: |-\n    make\n  PSCATALOG_PIP_SPEC: {SPEC}\ninclude:\n"
        f"{INCLUDE.rstrip()}",
    ),
    "a comment after the last value": (
        "variables:\n  FOO: bar  # foo\n# the end\n",
        f"variables:\n  FOO: bar  # foo\n  PSCATALOG_PIP_SPEC: {SPEC}\ninclude:\n{INCLUDE}"
        "# the end\n",
    ),
}


@pytest.mark.parametrize("case", sorted(VARIABLES_LAST))
def test_variables_last_gets_the_variable_inside_and_the_include_after(
    in_tmp: Path, case: str
) -> None:
    """The variable goes into `variables:`, the include after it at the top level; exit 0."""
    before, after = VARIABLES_LAST[case]
    (in_tmp / ".gitlab-ci.yml").write_text(before, encoding="utf-8")
    code, out, _ = run("init")
    assert code == 0
    assert "updated .gitlab-ci.yml: pscatalog's template included; PSCATALOG_PIP_SPEC set\n" in out
    assert (in_tmp / ".gitlab-ci.yml").read_text(encoding="utf-8") == after
    assert run("init")[0] == 0
    assert (in_tmp / ".gitlab-ci.yml").read_text(encoding="utf-8") == after


# -- what is there is judged: a setup that does not work is never "in place"

OURS = "  - repo: https://gitlab.com/pscatalog/pscatalog\n    rev: v0.1.0\n    hooks:\n"


def test_a_hook_that_never_runs_and_an_install_from_the_index_are_said(in_tmp: Path) -> None:
    """The finding's setup: one hook, manual only; PSCATALOG_PIP_SPEC: pscatalog. Exit 1.

    The missing hooks and the include are added; the two values someone wrote are named,
    with what to write, and left as they are.
    """
    hooks = "repos:\n" + OURS + "      - id: pscatalog-validate\n        stages: [manual]\n"
    (in_tmp / ".pre-commit-config.yaml").write_text(hooks, encoding="utf-8")
    ci = "variables:\n  PSCATALOG_PIP_SPEC: pscatalog\n"
    (in_tmp / ".gitlab-ci.yml").write_text(ci, encoding="utf-8")
    code, out, _ = run("init")
    assert code == 1
    assert out == CREATED + (
        "updated .pre-commit-config.yaml: pscatalog-format, pscatalog-render-check, "
        "pscatalog-changes added; default_install_hook_types set\n"
        "    pscatalog-validate runs only at manual, never at pre-commit: remove its stages: to "
        "run it there\n"
        "updated .gitlab-ci.yml: pscatalog's template included\n"
        "    PSCATALOG_PIP_SPEC is 'pscatalog': the package index's 'pscatalog', which is not "
        f"this project's and which anyone could publish: set it to {SPEC}\n"
        "created .yamllint.yaml\n"
    )
    assert (in_tmp / ".pre-commit-config.yaml").read_text(encoding="utf-8") == hooks + (
        "      - id: pscatalog-format\n      - id: pscatalog-render-check\n"
        "      - id: pscatalog-changes\n" + INSTALL_TYPES
    )
    assert (in_tmp / ".gitlab-ci.yml").read_text(encoding="utf-8") == ci + f"include:\n{INCLUDE}"
    code, out, _ = run("init", "-q")
    assert (code, out) == (
        1,
        "unchanged .pre-commit-config.yaml: it lists pscatalog's hooks\n"
        "    pscatalog-validate runs only at manual, never at pre-commit: remove its stages: to "
        "run it there\n"
        "unchanged .gitlab-ci.yml: it includes pscatalog's template\n"
        "    PSCATALOG_PIP_SPEC is 'pscatalog': the package index's 'pscatalog', which is not "
        f"this project's and which anyone could publish: set it to {SPEC}\n",
    )


HOOK_PROBLEMS = {
    "a hook named like pscatalog's, from repo: local": (
        "repos:\n  - repo: local\n    hooks:\n      - id: pscatalog-validate\n"
        "        name: v\n        entry: 'true'\n        language: system\n",
        "pscatalog-validate from 'local' is not pscatalog's, whose hooks come from "
        "https://gitlab.com/pscatalog/pscatalog: init adds none beside them (if that repository "
        "is a mirror of pscatalog, run init with --repository naming it)",
    ),
    "hooks named like pscatalog's, from another repository": (
        "repos:\n  - repo: https://gitlab.example.com/tools/pscatalog\n    rev: v1\n"
        "    hooks:\n      - id: pscatalog-validate\n      - id: pscatalog-format\n",
        "pscatalog-validate, pscatalog-format from 'https://gitlab.example.com/tools/pscatalog' "
        "are not pscatalog's, whose hooks come from https://gitlab.com/pscatalog/pscatalog: init "
        "adds none beside them (if that repository is a mirror of pscatalog, run init with "
        "--repository naming it)",
    ),
}


@pytest.mark.parametrize("case", sorted(HOOK_PROBLEMS))
def test_hooks_named_like_pscatalogs_from_elsewhere_are_said(in_tmp: Path, case: str) -> None:
    """They are not pscatalog's hooks: said, left, and none added beside them; exit 1."""
    text, problem = HOOK_PROBLEMS[case]
    (in_tmp / ".pre-commit-config.yaml").write_text(text, encoding="utf-8")
    code, out, _ = run("init", "-q")
    assert (code, out) == (
        1,
        f"updated .pre-commit-config.yaml: default_install_hook_types set\n    {problem}\n",
    )
    assert (in_tmp / ".pre-commit-config.yaml").read_text(encoding="utf-8") == text + (
        INSTALL_TYPES
    )


PRESENT_BUT_IDLE = {
    "the change check at pre-commit only": (
        "      - id: pscatalog-changes\n        stages: [pre-commit]\n",
        "pscatalog-changes runs only at pre-commit, never at pre-push: remove its stages: to "
        "run it there",
    ),
    "fmt with the catalog excluded": (
        "      - id: pscatalog-format\n        exclude: ^catalog/\n",
        "pscatalog-format never sees a catalog file: a exclude: leaves out catalog/levels.yaml; "
        "change it so that the catalog's files pass",
    ),
    "fmt with files of another folder": (
        "      - id: pscatalog-format\n        files: ^data/\n",
        "pscatalog-format never sees a catalog file: a files: leaves out catalog/levels.yaml; "
        "change it so that the catalog's files pass, such as files: ^catalog/[^/]+\\.ya?ml$",
    ),
    "render-check pinned to one page (as an earlier init wrote it)": (
        "      - id: pscatalog-render-check\n        args: [services.md]\n"
        "        pass_filenames: false\n",
        "pscatalog-render-check has pass_filenames: false, so it checks only the pages its args "
        "name and a stale page elsewhere passes: remove its pass_filenames:, args: and files: to "
        "check every page with a region",
    ),
}


@pytest.mark.parametrize("case", sorted(PRESENT_BUT_IDLE))
def test_a_hook_that_never_does_its_work_is_said(in_tmp: Path, case: str) -> None:
    """Listed is not working: the other hooks are added, this one is named; exit 1."""
    hook, problem = PRESENT_BUT_IDLE[case]
    text = INSTALL_TYPES + "repos:\n" + OURS + hook
    (in_tmp / ".pre-commit-config.yaml").write_text(text, encoding="utf-8")
    code, out, _ = run("init", "-q")
    assert code == 1
    assert out.startswith("updated .pre-commit-config.yaml: ")
    assert out.endswith(f" added\n    {problem}\n")
    assert "already has" not in run("init")[1]


def test_hook_types_without_pre_commit_get_it(in_tmp: Path) -> None:
    """`default_install_hook_types: [pre-push]` would install no commit hook: pre-commit added."""
    text = (
        "default_install_hook_types:\n  - pre-push\nrepos:\n"
        + OURS
        + "".join(f"      - id: {hook}\n" for hook in init_module.HOOK_IDS)
    )
    (in_tmp / ".pre-commit-config.yaml").write_text(text, encoding="utf-8")
    code, out, _ = run("init")
    assert code == 0
    assert (
        "updated .pre-commit-config.yaml: pre-commit added to default_install_hook_types\n" in out
    )
    assert (in_tmp / ".pre-commit-config.yaml").read_text(encoding="utf-8") == text.replace(
        "  - pre-push\n", "  - pre-push\n  - pre-commit\n"
    )


SPEC_PROBLEMS = {
    "a pinned version from the index": (
        "pscatalog==0.1.0",
        "PSCATALOG_PIP_SPEC is 'pscatalog==0.1.0': the package index's 'pscatalog', which is "
        f"not this project's and which anyone could publish: set it to {SPEC}",
    ),
    "a wheel": (
        "https://example.com/pscatalog-0.1.0-py3-none-any.whl",
        "PSCATALOG_PIP_SPEC installs 'https://example.com/pscatalog-0.1.0-py3-none-any.whl', not "
        "pscatalog from https://gitlab.com/pscatalog/pscatalog at a pinned revision: set it to "
        f"{SPEC}",
    ),
    "another repository": (
        "git+https://gitlab.example.com/fork/pscatalog.git@v0.1.0",
        "PSCATALOG_PIP_SPEC installs 'git+https://gitlab.example.com/fork/pscatalog.git@v0.1.0',"
        " not pscatalog from https://gitlab.com/pscatalog/pscatalog at a pinned revision: set it "
        f"to {SPEC}",
    ),
    "no revision": (
        "git+https://gitlab.com/pscatalog/pscatalog.git",
        "PSCATALOG_PIP_SPEC installs 'git+https://gitlab.com/pscatalog/pscatalog.git', not "
        "pscatalog from https://gitlab.com/pscatalog/pscatalog at a pinned revision: set it to "
        f"{SPEC}",
    ),
}


@pytest.mark.parametrize("case", sorted(SPEC_PROBLEMS))
def test_an_install_that_is_not_pscatalog_pinned_is_said_and_kept(in_tmp: Path, case: str) -> None:
    """PSCATALOG_PIP_SPEC naming anything but this project's repository at a revision: exit 1."""
    value, problem = SPEC_PROBLEMS[case]
    text = f'include:\n{INCLUDE}variables:\n  PSCATALOG_PIP_SPEC: "{value}"\n'
    (in_tmp / ".gitlab-ci.yml").write_text(text, encoding="utf-8")
    code, out, _ = run("init", "-q")
    assert (code, out) == (
        1,
        f"unchanged .gitlab-ci.yml: it includes pscatalog's template\n    {problem}\n",
    )
    assert (in_tmp / ".gitlab-ci.yml").read_text(encoding="utf-8") == text


EMPTY_SPECS = {
    "empty": ('  PSCATALOG_PIP_SPEC: ""\n', f'  PSCATALOG_PIP_SPEC: "{SPEC}"\n'),
    "GitLab's value form": (
        "  PSCATALOG_PIP_SPEC:\n    value: ''\n    description: what the job installs\n",
        f"  PSCATALOG_PIP_SPEC:\n    value: '{SPEC}'\n    description: what the job installs\n",
    ),
}


@pytest.mark.parametrize("case", sorted(EMPTY_SPECS))
def test_an_empty_install_is_set(in_tmp: Path, case: str) -> None:
    """An empty PSCATALOG_PIP_SPEC is no value anyone chose (the job fails): it is set; exit 0."""
    before, after = EMPTY_SPECS[case]
    (in_tmp / ".gitlab-ci.yml").write_text(f"include:\n{INCLUDE}variables:\n{before}")
    code, out, _ = run("init")
    assert code == 0
    assert "updated .gitlab-ci.yml: PSCATALOG_PIP_SPEC set (it was empty)\n" in out
    assert (in_tmp / ".gitlab-ci.yml").read_text() == f"include:\n{INCLUDE}variables:\n{after}"


def test_what_init_adds_follows_the_revision_the_repository_pins(in_tmp: Path) -> None:
    """A template included at one commit: the install and the hooks are pinned to it too."""
    url = URL.replace("v0.1.0", "0123abc")
    (in_tmp / ".gitlab-ci.yml").write_text(f"include:\n  - remote: {url}\n", encoding="utf-8")
    code, out, _ = run("init")
    assert code == 0
    assert (
        "created .pre-commit-config.yaml: pinned to 0123abc, as the CI job is\n"
        "updated .gitlab-ci.yml: PSCATALOG_PIP_SPEC set; pinned to 0123abc, as the CI template is\n"
    ) in out
    assert (in_tmp / ".gitlab-ci.yml").read_text(encoding="utf-8") == (
        f"include:\n  - remote: {url}\nvariables:\n"
        "  PSCATALOG_PIP_SPEC: git+https://gitlab.com/pscatalog/pscatalog.git@0123abc\n"
    )
    assert '    rev: "0123abc"\n' in (in_tmp / ".pre-commit-config.yaml").read_text()


def test_revisions_that_disagree_are_said(in_tmp: Path) -> None:
    """Hooks at one revision, the install at another: both kept, the disagreement named."""
    hooks = (
        "repos:\n"
        + OURS.replace("v0.1.0", "v0.0.9")
        + "".join(f"      - id: {hook}\n" for hook in init_module.HOOK_IDS)
    )
    (in_tmp / ".pre-commit-config.yaml").write_text(INSTALL_TYPES + hooks, encoding="utf-8")
    ci = f"include:\n{INCLUDE}variables:\n  PSCATALOG_PIP_SPEC: {SPEC}\n"
    (in_tmp / ".gitlab-ci.yml").write_text(ci, encoding="utf-8")
    assert run("init", "-q") == (
        1,
        "unchanged .gitlab-ci.yml: it includes pscatalog's template; it sets PSCATALOG_PIP_SPEC\n"
        "    pscatalog is pinned to different revisions (pscatalog's hooks to v0.0.9, the CI "
        "template to v0.1.0, PSCATALOG_PIP_SPEC to v0.1.0): pin them to one\n",
        "",
    )
    assert (in_tmp / ".gitlab-ci.yml").read_text(encoding="utf-8") == ci


INCLUDE_PROBLEMS = {
    "a template of the same name from another repository": (
        "include:\n  - remote: https://example.com/-/raw/main/ci/pscatalog.gitlab-ci.yml\n",
        "it includes a template named like pscatalog's from "
        "'https://example.com/-/raw/main/ci/pscatalog.gitlab-ci.yml', not from "
        "https://gitlab.com/pscatalog/pscatalog (if that is a mirror of pscatalog, run init "
        "with --repository naming it); init adds no include beside it",
    ),
    "pscatalog's project without a ref": (
        "include:\n  - project: pscatalog/pscatalog\n    file: /ci/pscatalog.gitlab-ci.yml\n",
        "it includes pscatalog's template from 'pscatalog/pscatalog' without a revision: pin one",
    ),
    "a local copy that is not there": (
        "include:\n  - local: ci/pscatalog.gitlab-ci.yml\n",
        "it includes 'ci/pscatalog.gitlab-ci.yml', which is not in the repository",
    ),
}


@pytest.mark.parametrize("case", sorted(INCLUDE_PROBLEMS))
def test_an_include_of_a_template_that_is_not_pscatalogs_is_said(in_tmp: Path, case: str) -> None:
    """No second include beside it; the install is still set; exit 1."""
    text, problem = INCLUDE_PROBLEMS[case]
    (in_tmp / ".gitlab-ci.yml").write_text(text, encoding="utf-8")
    code, out, _ = run("init", "-q")
    assert (code, out) == (1, f"updated .gitlab-ci.yml: PSCATALOG_PIP_SPEC set\n    {problem}\n")
    assert (in_tmp / ".gitlab-ci.yml").read_text(encoding="utf-8") == (
        text + f"variables:\n  PSCATALOG_PIP_SPEC: {SPEC}\n"
    )


def test_pscatalogs_project_include_with_a_ref_is_pscatalogs(in_tmp: Path) -> None:
    """GitLab's `project:` include of this project, at a ref, is the template: exit 0."""
    text = (
        "include:\n  - project: pscatalog/pscatalog\n    ref: v0.1.0\n"
        "    file: /ci/pscatalog.gitlab-ci.yml\n"
    )
    (in_tmp / ".gitlab-ci.yml").write_text(text, encoding="utf-8")
    code, out, _ = run("init")
    assert code == 0
    assert "updated .gitlab-ci.yml: PSCATALOG_PIP_SPEC set\n" in out


def test_a_local_clone_gets_its_template_copied_and_included_as_local(in_tmp: Path) -> None:
    """--repository PATH: hooks from the clone, the template copied, the install from its path.

    A `remote:` URL made of a path could never be fetched; a copy of the template at the
    revision, included as `local:`, runs wherever the clone can be reached.
    """
    revision = this_revision()
    code, out, err = run("init", "--repository", str(REPO), "--rev", revision)
    assert (code, err) == (0, "")
    assert out == CREATED + (
        "created .pre-commit-config.yaml\ncreated ci/pscatalog.gitlab-ci.yml\n"
        "created .gitlab-ci.yml\ncreated .yamllint.yaml\n"
    )
    template = git(REPO, "show", f"{revision}:ci/pscatalog.gitlab-ci.yml").stdout
    assert (in_tmp / "ci" / "pscatalog.gitlab-ci.yml").read_text(encoding="utf-8") == (
        "# yamllint disable-file\n"
        "# pscatalog's CI template, copied by pscatalog init from a local clone (which a CI\n"
        "# runner elsewhere cannot reach):\n"
        f"#   repository: {REPO}\n#   revision: {revision}\n" + template
    )
    assert (in_tmp / ".gitlab-ci.yml").read_text(encoding="utf-8") == (
        "---\n# GitLab CI: pscatalog validates the catalog in merge requests.\n"
        "include:\n  - local: ci/pscatalog.gitlab-ci.yml\n\n"
        "variables:\n  # Required by the template: a pinned install of pscatalog.\n"
        f"  PSCATALOG_PIP_SPEC: git+{REPO.as_uri()}@{revision}\n"
    )
    # A commit id that starts with a digit reads like a number to some readers: quoted then.
    assert f"  - repo: {REPO}\n    rev: {scalar_text(revision)}\n" in (
        in_tmp / ".pre-commit-config.yaml"
    ).read_text(encoding="utf-8")
    before = snapshot(in_tmp)
    assert run("init", "-q", "--repository", str(REPO), "--rev", revision) == (0, "", "")
    assert snapshot(in_tmp) == before


def test_a_local_clone_is_checked(in_tmp: Path) -> None:
    """Not a clone's top folder, or a revision it does not have: exit 2, nothing written."""
    (in_tmp / "handbook").mkdir()
    code, _, err = run("init", "handbook", "--repository", str(REPO / "src"), "--rev", "HEAD")
    assert (code, err.splitlines()[0]) == (
        2,
        f"pscatalog: error: --repository '{REPO / 'src'}' is not the top folder of a git "
        "repository (a clone of pscatalog)",
    )
    code, _, err = run("init", "handbook", "--repository", str(REPO), "--rev", "no-such-tag")
    assert (code, err.splitlines()[0]) == (
        2,
        f"pscatalog: error: --rev 'no-such-tag' is not a commit of the repository {REPO}",
    )
    assert list((in_tmp / "handbook").iterdir()) == []


def test_a_file_without_yaml_gets_inits_lines_after_its_own(in_tmp: Path) -> None:
    """An empty CI file, a configuration of comments only: init's lines go after them; exit 0."""
    (in_tmp / ".gitlab-ci.yml").write_bytes(b"")
    (in_tmp / ".pre-commit-config.yaml").write_bytes(b"# our hooks, to come\r\n")
    code, out, _ = run("init")
    assert code == 0
    said = "it held no YAML: init's lines added after its own"
    assert f"updated .pre-commit-config.yaml: {said}\nupdated .gitlab-ci.yml: {said}\n" in out
    assert (in_tmp / ".gitlab-ci.yml").read_text(encoding="utf-8") == NEW_FILES[".gitlab-ci.yml"]
    assert (in_tmp / ".pre-commit-config.yaml").read_bytes() == (
        "# our hooks, to come\n" + NEW_FILES[".pre-commit-config.yaml"]
    ).replace("\n", "\r\n").encode("utf-8")
    assert run("init", "-q") == (0, "", "")


def test_values_from_files_are_quoted_in_what_init_says(in_tmp: Path) -> None:
    """A stage holding a line break cannot start a line of init's report of its own."""
    text = (
        "repos:\n" + OURS + "      - id: pscatalog-validate\n"
        '        stages: ["manual\\nunchanged everything"]\n'
    )
    (in_tmp / ".pre-commit-config.yaml").write_text(text, encoding="utf-8")
    code, out, _ = run("init", "-q")
    assert code == 1
    assert (
        "    pscatalog-validate runs only at 'manual\\nunchanged everything', never at "
        "pre-commit: remove its stages: to run it there\n"
    ) in out
    assert not any(line.startswith("unchanged everything") for line in out.splitlines())


def test_a_job_token_in_the_install_url_names_the_same_repository(in_tmp: Path) -> None:
    """Credentials for a private mirror (a CI variable) do not make it another repository."""
    spec = "git+https://gitlab-ci-token:${CI_JOB_TOKEN}@gitlab.com/pscatalog/pscatalog.git@v0.1.0"
    text = f'include:\n{INCLUDE}variables:\n  PSCATALOG_PIP_SPEC: "{spec}"\n'
    (in_tmp / ".gitlab-ci.yml").write_text(text, encoding="utf-8")
    code, out, _ = run("init")
    assert code == 0
    assert (
        "unchanged .gitlab-ci.yml: it includes pscatalog's template; it sets PSCATALOG_PIP_SPEC\n"
    ) in out


@pytest.mark.parametrize(
    ("make", "said"),
    [
        (lambda page: page.mkdir(), "is a folder, not a file"),
        (
            lambda page: page.write_text("<!-- pscatalog:begin categories -->\n"),
            "the region opened here has no <!-- pscatalog:end -->",
        ),
    ],
    ids=["a folder", "a region never closed"],
)
def test_a_page_init_cannot_read_needs_attention(
    in_tmp: Path, make: Callable[[Path], object], said: str
) -> None:
    """A page the render check could not use is left as it is, said, and exit 1."""
    make(in_tmp / "services.md")
    assert run("init", "-q") == (
        1,
        f"not changed services.md: not read ({said}); init leaves pages as they are\n",
        "",
    )


def test_what_init_knows_of_the_hooks_is_what_the_manifest_says() -> None:
    """The hook ids, the stage each must run at, which run always, fmt's files: as shipped."""
    manifest = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert sorted(hook["id"] for hook in manifest) == sorted(init_module.HOOK_IDS)
    for hook in manifest:
        assert init_module.HOOK_STAGES[hook["id"]] in hook["stages"], hook["id"]
        assert (hook.get("always_run") is True) == (hook["id"] in init_module.ALWAYS_RUN)
    [fmt] = [hook for hook in manifest if hook["id"] == "pscatalog-format"]
    assert fmt["files"] == init_module.FORMAT_FILES
    # The files: init writes for a catalog kept elsewhere are the manifest's, moved.
    shipped = {hook["id"]: hook["files"] for hook in manifest if "files" in hook}
    assert init_module.hook_files("catalog") == shipped


# -- the template's stage


STAGES_CASES = {
    "flow list": (
        "stages: [build, deploy]  # ours\n",
        f"stages: [build, deploy, test]  # ours\ninclude:\n{INCLUDE}"
        f"variables:\n  PSCATALOG_PIP_SPEC: {SPEC}\n",
    ),
    "block list, a comment after": (
        "stages:\n  - build\n  # deploy comes last\n  - deploy\n\nbuild:\n  stage: build\n"
        "  script: [make]\n",
        "stages:\n  - build\n  # deploy comes last\n  - deploy\n  - test\n\nbuild:\n"
        f"  stage: build\n  script: [make]\ninclude:\n{INCLUDE}"
        f"variables:\n  PSCATALOG_PIP_SPEC: {SPEC}\n",
    ),
}


@pytest.mark.parametrize("case", sorted(STAGES_CASES))
def test_stages_without_the_template_stage_get_it(in_tmp: Path, case: str) -> None:
    """GitLab refuses a pipeline whose job names a stage stages: lacks: test is added."""
    before, after = STAGES_CASES[case]
    (in_tmp / ".gitlab-ci.yml").write_text(before, encoding="utf-8")
    code, out, _ = run("init")
    assert code == 0
    assert "test added to stages:, the stage of the template's jobs" in out
    assert (in_tmp / ".gitlab-ci.yml").read_text(encoding="utf-8") == after
    assert run("init")[0] == 0
    assert (in_tmp / ".gitlab-ci.yml").read_text(encoding="utf-8") == after


@pytest.mark.parametrize(
    ("before", "why"),
    [
        (
            "stages: &stages [build]\n",
            "its stages: carries the anchor &stages, which pscatalog does not edit; GitLab "
            "refuses the pipeline while stages: lacks the template's stage: add '- test' to the "
            "stages: at line 1",
        ),
        (
            ".base:\n  list: &s [build]\nstages: *s\n",
            "its stages: carries the anchor &s, which other places repeat: what is added there "
            "would be added to them too; GitLab "
            "refuses the pipeline while stages: lacks the template's stage: add '- test' to the "
            "stages: at line 3",
        ),
        (
            "stages: build\n",
            "its stages: is not a list, and GitLab runs no job of pscatalog's template (stage "
            "test) without it: write stages: as a list that holds test",
        ),
    ],
)
def test_stages_init_does_not_edit_are_said_with_the_line_to_add(
    in_tmp: Path, before: str, why: str
) -> None:
    """An anchored, aliased or scalar stages: stays as written; the line to add; exit 1."""
    (in_tmp / ".gitlab-ci.yml").write_text(before, encoding="utf-8")
    code, out, _ = run("init", "-q")
    assert code == 1
    assert out == (
        "updated .gitlab-ci.yml: pscatalog's template included; PSCATALOG_PIP_SPEC set\n"
        f"    {why}\n"
    )
    after = (in_tmp / ".gitlab-ci.yml").read_text(encoding="utf-8")
    assert after.startswith(before)
    assert yaml.safe_load(after)["stages"] == yaml.safe_load(before)["stages"]


def test_stages_with_test_or_without_stages_are_left_alone(in_tmp: Path) -> None:
    """stages: that has test, and no stages: (GitLab's defaults have test): nothing is added."""
    (in_tmp / ".gitlab-ci.yml").write_text("stages: [test, deploy]\n", encoding="utf-8")
    code, out, _ = run("init")
    assert code == 0
    assert (
        (in_tmp / ".gitlab-ci.yml")
        .read_text(encoding="utf-8")
        .startswith("stages: [test, deploy]\ninclude:\n")
    )
    assert "stages" not in out


# -- the configured catalog folder


def test_a_configured_catalog_with_files_is_the_catalog_init_judges_and_names(
    in_tmp: Path,
) -> None:
    """A configured data/offerings holding the catalog: no catalog/, its page, its files:.

    The finding's handbook: init renders the page from it and judges the hooks against it.
    """
    (in_tmp / "pyproject.toml").write_text(
        '[tool.pscatalog]\ncatalog = "data/offerings"\n', encoding="utf-8"
    )
    folder = in_tmp / "data" / "offerings"
    folder.mkdir(parents=True)
    for path in SHIPPED_CATALOG.iterdir():
        (folder / path.name).write_bytes(path.read_bytes())
    (in_tmp / ".pre-commit-config.yaml").write_text(
        INSTALL_TYPES + "repos:\n" + OURS + "      - id: pscatalog-validate\n"
        "      - id: pscatalog-format\n        files: ^data/offerings/[^/]+\\.ya?ml$\n"
        "      - id: pscatalog-render-check\n      - id: pscatalog-changes\n",
        encoding="utf-8",
    )
    code, out, err = run("init")
    assert (code, err) == (0, "")
    assert not (in_tmp / "catalog").exists()
    assert "unchanged data/offerings/: it holds 7 catalog files; init never writes" in out
    assert "unchanged .pre-commit-config.yaml: it already has pscatalog's hooks\n" in out
    assert "Integration Services" in (in_tmp / "services.md").read_text(encoding="utf-8")
    assert run("render", "--check", "services.md")[:2] == (0, "1 page up to date.\n")


def test_a_format_hook_that_misses_the_configured_catalog_is_said_with_its_files(
    in_tmp: Path,
) -> None:
    """The fmt hook's default files: miss a configured folder: said, with the files: to write.

    The folder name's regex characters are escaped, in the message and in the hooks added.
    """
    (in_tmp / "pscatalog.toml").write_text('catalog = "data/offerings.v2"\n', encoding="utf-8")
    (in_tmp / ".pre-commit-config.yaml").write_text(
        INSTALL_TYPES + "repos:\n" + OURS + "      - id: pscatalog-format\n", encoding="utf-8"
    )
    code, out, _ = run("init", "-q")
    assert code == 1
    assert out == (
        "updated .pre-commit-config.yaml: pscatalog-validate, pscatalog-render-check, "
        "pscatalog-changes added\n    pscatalog-format never sees a catalog file: a files: "
        "leaves out data/offerings.v2/levels.yaml; change it so that the catalog's files pass, "
        "such as files: ^data/offerings\\.v2/[^/]+\\.ya?ml$\n"
    )
    hooks = yaml.safe_load((in_tmp / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    added = hooks["repos"][0]["hooks"]
    assert added[1] == {"id": "pscatalog-validate", "files": r"^data/offerings\.v2/[^/]+\.ya?ml$"}
    assert added[2]["files"] == (
        r"((?i:[^/]\.(md|markdown|mdown|mdwn|mkdn?))$|^data/offerings\.v2/[^/]+\.ya?ml$)"
    )
    assert added[3] == {"id": "pscatalog-changes"}


def test_config_option_names_the_configuration(in_tmp: Path) -> None:
    """--config FILE, before or after init: its catalog is where init writes.

    A file the hooks would not find by themselves (``ci.toml``) is refused.
    """
    (in_tmp / "ci.toml").write_text('catalog = "offerings"\n', encoding="utf-8")
    assert run("init", "--config", "ci.toml")[0] == 2
    (in_tmp / "ci.toml").rename(in_tmp / "pscatalog.toml")
    code, out, _ = run("--config", "pscatalog.toml", "init", "--example")
    assert code == 0, out
    assert "created offerings/integration.yaml\n" in out
    assert not (in_tmp / "catalog").exists()
    assert (
        (in_tmp / "offerings" / "levels.yaml")
        .read_text(encoding="utf-8")
        .startswith("# yaml-language-server: $schema=../schema/levels.schema.json\n")
    )
    assert run("init", "-q", "--config", "pscatalog.toml") == (0, "", "")
    assert run("validate") == (0, "No problems found in 7 files.\n", "")


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ('catalog = "."\n', "is the repository's top folder, which holds the tools' files"),
        ('catalog = "../elsewhere"\n', "is outside the repository"),
        ('catalog = "[x"\nignore = ["Q999"]\n', "Q999"),
    ],
)
def test_a_configured_catalog_init_cannot_set_up_is_refused(
    in_tmp: Path, config: str, message: str
) -> None:
    """The repository's top, a folder outside it, a bad configuration: exit 2, nothing written."""
    (in_tmp / "pscatalog.toml").write_text(config, encoding="utf-8")
    code, out, err = run("init")
    assert (code, out) == (2, "")
    assert message in err
    assert len(err.splitlines()) <= 2
    assert sorted(path.name for path in in_tmp.iterdir()) == ["pscatalog.toml"]


def test_a_page_inside_the_configured_catalog_is_refused(in_tmp: Path) -> None:
    """--page may not go into the configured catalog folder either."""
    (in_tmp / "pscatalog.toml").write_text('catalog = "data/offerings"\n', encoding="utf-8")
    code, _, err = run("init", "--page", "data/Offerings/page.md")
    assert code == 2
    assert "is inside the catalog folder" in err
