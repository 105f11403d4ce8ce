"""`pscatalog init` adds to files of every layout: each addition lands in its own block.

Where init adds two things at one place (the end of the file, after the last key's block),
each must land where it belongs: the variable inside `variables:`, the include at the top
level, a hook inside pscatalog's `hooks:`, `default_install_hook_types` at the top level.
The layouts are combined: every form of `include:` and `variables:`, in every order, ending
in block and flow mappings, lists, block scalars, comments, blank lines, without a final
line break and with CR LF. Each result is read by an independent reader (PyYAML) as the
old data plus exactly the additions, keeps every line it had, and a second run leaves it.
"""

from __future__ import annotations

import copy
import itertools
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from yamllint.config import YamlLintConfig

from pscatalog.tools.init import HOOK_IDS, Source, init_repository

SOURCE = Source("https://gitlab.com/pscatalog/pscatalog", "v1.2.3")
TEMPLATE_URL = "https://gitlab.com/pscatalog/pscatalog/-/raw/v1.2.3/ci/pscatalog.gitlab-ci.yml"
SPEC = "git+https://gitlab.com/pscatalog/pscatalog.git@v1.2.3"

INCLUDES = {
    "none": "",
    "string": "include: ci/a.yml\n",
    "list": "include:\n  - local: ci/a.yml\n",
    "unindented list": "include:\n- local: ci/a.yml\n",
    "mapping": "include:\n  local: ci/a.yml\n",
    "flow list": "include: [ci/a.yml]\n",
    "list of several lines": "include:\n  - local: ci/a.yml\n    rules:\n      - if: $CI\n",
}
VARIABLES = {
    "none": "",
    "block": "variables:\n  FOO: bar\n",
    "expanded": "variables:\n  FOO:\n    value: bar\n    description: a variable\n",
    "flow": "variables: {FOO: bar}\n",
    "literal": "variables:\n  FOO: |\n    two\n    lines\n",
    "folded, kept": "variables:\n  FOO: >+\n    kept\n\n",
    "indented by four": "variables:\n    FOO: bar\n",
}
JOBS = {
    "block list": "job:\n  script:\n    - make\n",
    "literal": "job:\n  script: |\n    make\n    make test\n",
    "unindented list": "stages:\n- test\n",
}
ENDINGS = {
    "plain": lambda text: text,
    "blank lines and a comment": lambda text: text + "\n\n# the end\n",
    "an indented comment": lambda text: text + "  # more to come\n",
    "no final line break": lambda text: text.rstrip("\n"),
    "CR LF and a comment": lambda text: (text + "# the end\n").replace("\n", "\r\n"),
}


def gitlab_cases() -> list[tuple[str, str]]:
    """Each form of each block last in the file, after each form of the others.

    What comes last decides where the additions go in; the forms before it decide what
    else is edited (a string or a mapping `include:` becomes a list where it stands).
    """
    cases = []
    job = JOBS["block list"]
    for (include, inc), (variables, var) in itertools.product(INCLUDES.items(), VARIABLES.items()):
        if inc:
            cases.append((f"variables {variables}, include {include} last", job + var + inc))
        if var:
            cases.append((f"include {include}, variables {variables} last", job + inc + var))
        for name, last in JOBS.items():
            # Before a job, the forms matter where they are edited, not where the file ends.
            if name == "block list" or (include in SIMPLE and variables in SIMPLE):
                cases.append(
                    (f"include {include}, variables {variables}, {name} last", inc + var + last)
                )
    return cases


SIMPLE = ("none", "string", "block")


CASES = gitlab_cases()


@pytest.fixture(scope="module")
def handbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A repository init has set up, whose `.gitlab-ci.yml` each case replaces."""
    root = tmp_path_factory.mktemp("handbook")
    assert init_repository(root, source=SOURCE).exit_code == 0
    return root


def expected_ci(before: Any) -> Any:
    """The old data with pscatalog's include and PSCATALOG_PIP_SPEC added."""
    data = copy.deepcopy(before)
    item = {"remote": TEMPLATE_URL}
    include = data.get("include")
    if include is None:
        data["include"] = [item]
    elif isinstance(include, list):
        include.append(item)
    else:
        data["include"] = [include, item]
    data.setdefault("variables", {})["PSCATALOG_PIP_SPEC"] = SPEC
    return data


def only_added(before: str, after: str) -> bool:
    """Whether ``after`` is ``before`` with characters added: nothing removed, nothing moved.

    ``before`` is a subsequence of ``after``. The one change allowed: a block scalar that
    ends the file without a line break, written with ``+``, is written with ``-`` (both
    read it alike there; only ``-`` still does once text follows it).
    """
    if not before.endswith("\n"):
        before = before.replace(">+", ">")
    remaining = iter(after)
    return all(character in remaining for character in before)


def tool(*args: str) -> subprocess.CompletedProcess[str]:
    """Run a tool of the test environment (pre-commit, check-jsonschema) as a module."""
    return subprocess.run(
        [sys.executable, "-m", *args], capture_output=True, text=True, check=False
    )


@pytest.mark.parametrize("ending", sorted(ENDINGS))
def test_gitlab_ci_of_every_layout_gets_the_include_and_the_variable(
    handbook: Path, ending: str, tmp_path: Path
) -> None:
    """Each layout, with each ending: the include and the variable, each in its own block.

    Every result passes GitLab's CI schema (vendored by check-jsonschema).
    """
    assert len(CASES) == 141
    target = handbook / ".gitlab-ci.yml"
    failures = []
    results = []
    for number, (name, text) in enumerate(CASES):
        before = ENDINGS[ending](text)
        target.write_bytes(before.encode("utf-8"))
        result = init_repository(handbook, source=SOURCE)
        after = target.read_bytes().decode("utf-8")
        steps = {step.path: step for step in result.steps}
        problems = []
        if result.exit_code != 0 or steps[".gitlab-ci.yml"].action != "updated":
            problems.append(str(steps[".gitlab-ci.yml"]))
        elif yaml.safe_load(after) != expected_ci(yaml.safe_load(before)):
            problems.append("wrong data")
        elif not only_added(before, after):
            problems.append("a character was lost or moved")
        if not problems:
            again = init_repository(handbook, source=SOURCE)
            if target.read_bytes() != after.encode("utf-8") or again.exit_code != 0:
                problems.append("the second run changed it")
        if problems:
            failures.append(f"{name}: {problems}\n{before}\n->\n{after}")
        results.append(tmp_path / f"{number}.gitlab-ci.yml")
        results[-1].write_bytes(after.encode("utf-8"))
    assert failures == []
    checked = tool("check_jsonschema", "--builtin-schema", "vendor.gitlab-ci", *map(str, results))
    assert checked.returncode == 0, checked.stdout + checked.stderr


PRE_COMMIT_REPOS = {
    "block": (
        "repos:\n  - repo: https://gitlab.com/pscatalog/pscatalog\n    rev: v1.2.3\n"
        "    hooks:\n      - id: pscatalog-validate\n"
    ),
    "unindented": (
        "repos:\n- repo: https://gitlab.com/pscatalog/pscatalog\n  rev: v1.2.3\n"
        "  hooks:\n  - id: pscatalog-validate\n"
    ),
    "hook with a block of args": (
        "repos:\n  - repo: https://gitlab.com/pscatalog/pscatalog\n    rev: v1.2.3\n"
        "    hooks:\n      - id: pscatalog-validate\n        args:\n          - --baseline\n"
        "          - pscatalog-baseline.json\n"
    ),
    "flow hooks": (
        "repos:\n  - repo: https://gitlab.com/pscatalog/pscatalog\n    rev: v1.2.3\n"
        "    hooks: [{id: pscatalog-validate}]\n"
    ),
    "another repository first": (
        "repos:\n  - repo: local\n    hooks:\n      - id: x\n        name: x\n"
        "        entry: 'true'\n        language: system\n"
        "  - repo: https://gitlab.com/pscatalog/pscatalog\n    rev: v1.2.3\n"
        "    hooks:\n      - id: pscatalog-validate\n"
    ),
    "no pscatalog": "repos:\n  - repo: local\n    hooks: []\n",
    "flow": "repos: [{repo: local, hooks: []}]\n",
}
INSTALL_TYPES = {
    "none": "",
    "pre-commit only": "default_install_hook_types: [pre-commit]\n",
    "block, pre-push only": "default_install_hook_types:\n  - pre-push\n",
}


def expected_pre_commit(before: Any) -> Any:
    data = copy.deepcopy(before)
    ours = next(
        (repo for repo in data["repos"] if repo["repo"] != "local"),
        None,
    )
    if ours is None:
        data["repos"].append(
            {
                "repo": "https://gitlab.com/pscatalog/pscatalog",
                "rev": "v1.2.3",
                "hooks": [{"id": hook} for hook in HOOK_IDS],
            }
        )
    else:
        ours["hooks"] += [{"id": hook} for hook in HOOK_IDS[1:]]
    types = data.setdefault("default_install_hook_types", [])
    types += [kind for kind in ("pre-commit", "pre-push") if kind not in types]
    return data


@pytest.mark.parametrize("ending", sorted(ENDINGS))
def test_pre_commit_config_of_every_layout_gets_the_hooks_and_the_hook_types(
    handbook: Path, ending: str, tmp_path: Path
) -> None:
    """Missing hooks go into pscatalog's `hooks:`, the hook types at the top level.

    pre-commit itself validates every result.
    """
    target = handbook / ".pre-commit-config.yaml"
    failures = []
    results: list[Path] = []
    for (repos, repos_text), (types, types_text) in itertools.product(
        PRE_COMMIT_REPOS.items(), INSTALL_TYPES.items()
    ):
        for text in {repos_text + types_text, types_text + repos_text}:
            before = ENDINGS[ending](text)
            target.write_bytes(before.encode("utf-8"))
            result = init_repository(handbook, source=SOURCE)
            after = target.read_bytes().decode("utf-8")
            step = next(step for step in result.steps if step.path == ".pre-commit-config.yaml")
            problems = []
            if result.exit_code != 0 or step.action != "updated":
                problems.append(str(step))
            elif yaml.safe_load(after) != expected_pre_commit(yaml.safe_load(before)):
                problems.append("wrong data")
            elif not only_added(before, after):
                problems.append("a character was lost or moved")
            if not problems:
                init_repository(handbook, source=SOURCE)
                if target.read_bytes() != after.encode("utf-8"):
                    problems.append("the second run changed it")
            if problems:
                failures.append(f"{repos}, {types}: {problems}\n{before}\n->\n{after}")
            results.append(tmp_path / f"{len(results)}.yaml")
            results[-1].write_bytes(after.encode("utf-8"))
    assert failures == []
    validated = tool("pre_commit", "validate-config", *map(str, results))
    assert (validated.returncode, validated.stdout + validated.stderr) == (0, "")


YAMLLINT_ENDS = {
    "line-length with a block ignore last": (
        "extends: default\nrules:\n  line-length:\n    max: 100\n    ignore: |\n      /vendor/\n"
    ),
    "line-length with a list ignore last": (
        "extends: default\nrules:\n  line-length:\n    ignore:\n      - /vendor/\n"
    ),
    "line-length with an unindented ignore last": (
        "extends: default\nrules:\n  line-length:\n    ignore:\n    - /vendor/\n"
    ),
    "line-length in flow style": "extends: default\nrules:\n  line-length: {max: 100}\n",
    "rules in flow style": "extends: default\nrules: {truthy: disable}\n",
    "document-start last, line-length before": (
        "rules:\n  line-length:\n    max: 100\n  document-start:\n    present: false\n"
    ),
}


@pytest.mark.parametrize("ending", sorted(ENDINGS))
def test_yamllint_settings_of_every_layout_exempt_the_catalog(handbook: Path, ending: str) -> None:
    """The exemption goes into each rule; the long-URL option into line-length."""
    target = handbook / ".yamllint.yaml"
    failures = []
    for name, text in YAMLLINT_ENDS.items():
        before = ENDINGS[ending](text)
        target.write_bytes(before.encode("utf-8"))
        result = init_repository(handbook, source=SOURCE)
        after = target.read_bytes().decode("utf-8")
        step = next(step for step in result.steps if step.path == ".yamllint.yaml")
        rules = yaml.safe_load(after)["rules"] if step.action == "updated" else {}
        problems = []
        if result.exit_code != 0 or step.action != "updated":
            problems.append(str(step))
        elif any(
            "/catalog/" not in str(rules[rule].get("ignore")) for rule in rules if "-" in rule
        ):
            problems.append("a rule without the exemption")
        elif rules["line-length"].get("allow-non-breakable-inline-mappings") is not True:
            problems.append("long URLs not allowed")
        else:
            YamlLintConfig(content=after)  # yamllint takes the settings (raises if not)
        if not problems:
            init_repository(handbook, source=SOURCE)
            if target.read_bytes() != after.encode("utf-8"):
                problems.append("the second run changed it")
        if problems:
            failures.append(f"{name}: {problems}\n{before}\n->\n{after}")
    assert failures == []
