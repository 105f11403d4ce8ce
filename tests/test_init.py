"""`pscatalog init`: every file it writes or edits, exactly, and a second run that changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import REPO, SHIPPED_CATALOG
from pscatalog.cli import init_command
from pscatalog.cli.main import cli
from pscatalog.tools import init as init_module
from pscatalog.tools.init import Source

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
    ".yamllint.yaml": init_module.YAMLLINT_TEXT,
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
unchanged catalog/: it holds 4 YAML files; init never writes into a catalog
unchanged services.md: it has a pscatalog region
unchanged .pre-commit-config.yaml: it already has pscatalog's hooks
unchanged .gitlab-ci.yml: it includes pscatalog's template; it sets PSCATALOG_PIP_SPEC
unchanged .yamllint.yaml: catalog files are exempted from line-length; \
catalog files are exempted from document-start
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
    assert "unchanged catalog/: it holds 1 YAML file; init never writes into a catalog\n" in out
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
        "  document-start:\n    ignore:\n      - /catalog/\n",
    ),
    "no rules": (
        ".yamllint.yml",
        "extends: relaxed\n",
        "extends: relaxed\nrules:\n  line-length:\n"
        "    allow-non-breakable-inline-mappings: true\n    ignore:\n      - /catalog/\n"
        "  document-start:\n    ignore:\n      - /catalog/\n",
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
    """line-length and document-start ignore the catalog; everything else stays as it was.

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
    assert "not changed .yamllint: its layout leaves no place pscatalog can edit\n" in out
    assert (in_tmp / ".yamllint").read_text(encoding="utf-8") == text


def test_an_existing_file_init_would_write_is_kept(in_tmp: Path) -> None:
    """A schema from another version is brought up to date; a hand-written one the same way."""
    (in_tmp / "schema").mkdir()
    (in_tmp / "schema" / "levels.schema.json").write_text("{}\n", encoding="utf-8")
    _, out, _ = run("init")
    assert out.startswith(
        "updated schema/levels.schema.json: the schema of this version of pscatalog\n"
    )


def test_init_refuses_a_page_outside_the_repository(in_tmp: Path) -> None:
    """--page ../x.md is a usage error: exit 2, one line, nothing written."""
    code, out, err = run("init", "--page", "../x.md")
    assert (code, out) == (2, "")
    assert err == (
        "pscatalog: error: --page names a page inside the repository, not '../x.md'\n"
        "Try 'pscatalog init --help' for help.\n"
    )
    assert list(in_tmp.iterdir()) == []


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
