"""``pscatalog init``: a handbook repository, from nothing to a working catalog.

:func:`init_repository` writes what a handbook needs to keep a catalog: the
catalog folder (the three levels and an example category for each, or the
framework's whole catalog), the JSON Schemas its modelines name, a page with
a region rendered from it, pscatalog's pre-commit hooks, the CI job, and
yamllint settings that agree with ``pscatalog fmt``.

Files that exist are edited, never replaced: each is read through
pscatalog's YAML layer, the additions are placed by the parser's positions
(:mod:`pscatalog.yamltext.edits`), and the new text must read as the old data
plus exactly the additions, with every comment kept
(:func:`pscatalog.yamltext.verify.check_rewrite`), before it is written. A
file that already has what init would add is left byte for byte, so a second
run changes nothing; a catalog folder that holds files is never written into;
a file init cannot edit safely is left alone and the lines to add by hand
are printed.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from dataclasses import replace as changed
from importlib import resources
from pathlib import Path
from typing import Any

from pscatalog._version import __version__
from pscatalog.catalog.schemas import SCHEMA_FILES, schema_text
from pscatalog.diagnostics import Diagnostic
from pscatalog.errors import PscatalogError
from pscatalog.files.boundary import inside
from pscatalog.files.bounded import read_bytes
from pscatalog.files.repository import boundary_of
from pscatalog.files.writer import write_atomically
from pscatalog.outputs.wellformed import check_json
from pscatalog.yamltext.edits import (
    TextEdit,
    append_entry,
    append_item,
    apply_edits,
    intended_data,
    into_list,
)
from pscatalog.yamltext.emitter import document_text, yaml_text
from pscatalog.yamltext.lines import LineIndex, dominant_break
from pscatalog.yamltext.loader import load_text
from pscatalog.yamltext.tree import Scalar, Tree, TreeError, parse
from pscatalog.yamltext.verify import check_new, check_rewrite

PROJECT_URL = "https://gitlab.com/pscatalog/pscatalog"
"""This project's repository: the hooks' ``repo``, the CI template's and the install's source."""
CATALOG = "catalog"
"""The catalog folder init writes, where the hooks look for it."""
HOOK_IDS = (
    "pscatalog-validate",
    "pscatalog-format",
    "pscatalog-render-check",
    "pscatalog-changes",
)
"""pscatalog's hooks, each written with its defaults (pscatalog-changes runs at pre-push)."""
INSTALL_HOOK_TYPES = ("pre-commit", "pre-push")
"""What ``pre-commit install`` installs: the commit hooks and the change check before a push."""
TEMPLATE = "ci/pscatalog.gitlab-ci.yml"
YAMLLINT_NAMES = (".yamllint", ".yamllint.yaml", ".yamllint.yml")
"""The files yamllint reads its settings from, in the order it looks for them."""
YAMLLINT_RULES = ("line-length", "document-start")
"""The yamllint rules that would fight ``pscatalog fmt`` in catalog files."""
_CATALOG_PATTERNS = frozenset({"catalog", "catalog/", "catalog/*", "catalog/**"})
_MAX_BYTES = 1024 * 1024
"""The largest configuration file init reads (such files are a few kilobytes)."""

LEVELS = [
    {"id": "product", "name": "Product", "rank": 1, "persona": "The platform owner"},
    {"id": "adoption", "name": "Adoption", "rank": 2, "persona": "The enablement lead"},
    {
        "id": "transformation",
        "name": "Transformation",
        "rank": 3,
        "persona": "The executive sponsor",
    },
]
"""The three levels of service (the names of levels 2 and 3 are this project's proposal)."""
EXAMPLE_CATEGORIES = (
    ("implementation", "Implementation Services", "product", "Rapid Results implementation"),
    ("education", "Education Services", "adoption", "GitLab basics training"),
    ("dedicated", "Dedicated Services", "transformation", "Dedicated engineer"),
)
"""One category for each level (every level needs one), each with a planned offering."""


@dataclass(frozen=True, slots=True)
class Source:
    """Where the handbook gets pscatalog: a repository (this project, a mirror), a revision."""

    repository: str = PROJECT_URL
    rev: str = f"v{__version__}"

    @property
    def pip_spec(self) -> str:
        """What the CI job installs: the repository at the revision, pinned."""
        if "://" not in self.repository:
            return f"git+file://{Path(self.repository).resolve()}@{self.rev}"
        url = self.repository
        if url.startswith(("https://", "http://")) and not url.endswith(".git"):
            url += ".git"
        return f"git+{url}@{self.rev}"

    @property
    def template_url(self) -> str:
        """The CI template at the revision, as GitLab serves a repository's raw file."""
        base = self.repository.removesuffix(".git").rstrip("/")
        return f"{base}/-/raw/{self.rev}/{TEMPLATE}"


@dataclass(frozen=True, slots=True)
class Step:
    """What init did with one file: ``created``, ``updated``, ``unchanged`` or ``not changed``.

    ``not changed`` is a file init should have edited but could not safely;
    ``manual`` then holds the lines to add by hand.
    """

    path: str
    action: str
    detail: str = ""
    manual: str = ""

    def __str__(self) -> str:
        line = f"{self.action} {self.path}" + (f": {self.detail}" if self.detail else "")
        if self.manual:
            line += "\n" + "".join(f"    {text}\n" for text in self.manual.splitlines()).rstrip()
        return line


@dataclass
class InitResult:
    """Every file init looked at, in order, and what it did with each."""

    steps: list[Step] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """0 when everything is in place, 1 when a file needs the lines shown added by hand."""
        return 1 if any(step.action == "not changed" for step in self.steps) else 0

    def report(self) -> str:
        """One line per file (with the lines to add by hand under a file init left alone)."""
        return "".join(f"{step}\n" for step in self.steps)


def init_repository(
    root: Path, *, example: bool = False, page: str = "services.md", source: Source = Source()
) -> InitResult:
    """Set up the handbook repository at ``root``; return what was done with each file.

    With ``example``, the catalog is the framework's (the catalog shipped with
    pscatalog); otherwise the three levels and a small category for each.
    ``page`` is the handbook page (relative to ``root``) that shows the
    categories. ``source`` is the repository and revision of pscatalog that
    the hooks and the CI job use.
    """
    result = InitResult()
    steps: list[Callable[[], Iterator[Step]]] = [
        lambda: _schemas(root),
        lambda: _catalog(root, example=example),
        lambda: _page(root, page),
        lambda: _pre_commit(root, source),
        lambda: _gitlab_ci(root, source),
        lambda: _yamllint(root),
    ]
    for step in steps:
        result.steps.extend(step())
    return result


# -- new files


def _schemas(root: Path) -> Iterator[Step]:
    for kind, file_name in SCHEMA_FILES.items():
        text = schema_text(kind)
        yield _write_new_or_same(root, f"schema/{file_name}", text, check_json, replace=True)


def _catalog(root: Path, *, example: bool) -> Iterator[Step]:
    folder = root / CATALOG
    existing = sorted(folder.glob("*.y*ml")) if folder.is_dir() else []
    if existing:
        yield Step(
            f"{CATALOG}/",
            "unchanged",
            f"it holds {len(existing)} YAML file{'s' if len(existing) != 1 else ''}; "
            "init never writes into a catalog",
        )
        return
    for name, text in (_shipped_catalog() if example else _example_catalog()).items():
        yield _write_new_or_same(root, f"{CATALOG}/{name}", text, _yaml_check(text))


def _shipped_catalog() -> dict[str, str]:
    """Return the framework's catalog, as shipped with pscatalog."""
    folder = resources.files("pscatalog") / "data" / "catalog"
    return {
        entry.name: entry.read_text(encoding="utf-8")
        for entry in sorted(folder.iterdir(), key=lambda entry: entry.name)
        if entry.name.endswith(".yaml")
    }


def _example_catalog() -> dict[str, str]:
    """Return the three levels, and one category for each with one planned offering."""
    files = {
        "levels.yaml": _modeline("levels")
        + "# Levels 2 and 3 are named for the buyers they serve: a proposal; rename them freely.\n"
        + document_text({}, "levels", LEVELS)
    }
    for category_id, name, level, offering in EXAMPLE_CATEGORIES:
        item = {
            "id": re.sub(r"[^a-z0-9]+", "-", offering.lower()).strip("-"),
            "name": offering,
            "maturity": "planned",
            "summary": "An example: replace it with an offering of the practice.",
            "variants": [{"id": "custom"}],
        }
        fields = {"id": category_id, "name": name, "level": level}
        files[f"{category_id}.yaml"] = _modeline("category") + document_text(
            fields, "offerings", [item]
        )
    return files


def _modeline(kind: str) -> str:
    return f"# yaml-language-server: $schema=../schema/{SCHEMA_FILES[kind]}\n"


def _page(root: Path, page: str) -> Iterator[Step]:
    from pscatalog.outputs.rendering import BEGIN_MARKER, END_MARKER, find_regions

    path = root / page
    if path.exists() or path.is_symlink():
        try:
            regions = find_regions(_read(path))
        except (PscatalogError, ValueError) as exc:
            yield Step(page, "unchanged", f"not read ({exc}); init leaves pages as they are")
            return
        if regions:
            yield Step(page, "unchanged", "it has a pscatalog region")
        else:
            yield Step(
                page,
                "unchanged",
                "it has no pscatalog region; put "
                f"{BEGIN_MARKER.format(view='categories')} and {END_MARKER} where the "
                f"categories go, then run 'pscatalog render --write {page}'",
            )
        return
    rendered = _render_categories(root)
    body = f"\n{rendered}\n" if rendered is not None else "\n"
    text = (
        "# Services\n\n"
        "The categories of service, rendered from the catalog (`catalog/`): edit the catalog,\n"
        f"then run `pscatalog render --write {page}`.\n\n"
        f"{BEGIN_MARKER.format(view='categories')}\n{body}{END_MARKER}\n"
    )
    detail = "" if rendered is not None else "the catalog has errors: its region is empty"
    yield _write_new_or_same(root, page, text, _page_check, detail=detail)


def _render_categories(root: Path) -> str | None:
    from pscatalog.checks.checker import validate
    from pscatalog.outputs.rendering import render

    result = validate([root / CATALOG])
    if not result.readable or not result.catalogs:
        return None
    return render(result.catalogs[0], "categories")


def _page_check(text: str) -> None:
    from pscatalog.outputs.rendering import find_regions

    if not find_regions(text):
        raise ValueError("the page would have no region")


def _write_new_or_same(
    root: Path,
    name: str,
    text: str,
    check: Callable[[str], None],
    *,
    replace: bool = False,
    detail: str = "",
) -> Step:
    """Write a file init owns; an existing one is kept unless ``replace`` and different."""
    path = root / name
    try:
        if path.exists() or path.is_symlink():
            current = _read(path)
            if current == text:
                return Step(name, "unchanged")
            if not replace:
                return Step(name, "unchanged", "it exists; init leaves it as it is")
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(path, text, check=check, previous=current)
            return Step(name, "updated", "the schema of this version of pscatalog")
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, text, check=check, previous=None)
    except (PscatalogError, OSError, UnicodeDecodeError) as exc:
        return Step(name, "not changed", _one_line(exc))
    return Step(name, "created", detail)


def _yaml_check(text: str) -> Callable[[str], None]:
    data = load_text(text, "<new>").data

    def check(after: str) -> None:
        check_new(after, data)

    return check


# -- files the handbook may have: added to, never replaced


@dataclass
class _Plan:
    """What to add to a YAML file: the edits and what they do; whether a part has no safe place."""

    edits: list[TextEdit] = field(default_factory=list)
    said: list[str] = field(default_factory=list)
    done: list[str] = field(default_factory=list)
    stuck: bool = False

    def add(self, edit: TextEdit | list[TextEdit] | None, said: str) -> None:
        if edit is None:
            self.stuck = True
        else:
            self.edits.extend(edit if isinstance(edit, list) else [edit])
            self.said.append(said)


Planner = Callable[[Tree, Any], _Plan]


def _edit_or_create(
    root: Path, name: str, new_text: str, planner: Planner, by_hand: dict[str, Any]
) -> Step:
    """Create ``name`` with ``new_text``, or add to it what ``planner`` plans, checked.

    ``by_hand`` is what init adds, shown when the file cannot be edited safely.
    """
    path = root / name
    if not (path.exists() or path.is_symlink()):
        return _write_new_or_same(root, name, new_text, _yaml_check(new_text))
    manual = "add by hand (merge with what is there):\n" + yaml_text(by_hand)
    try:
        text = _read(path)
    except (PscatalogError, OSError, UnicodeDecodeError) as exc:
        return Step(name, "not changed", f"not read ({_one_line(exc)})", manual)
    doc = load_text(text, name)
    problem = next((d for d in doc.diagnostics if d.severity.name == "ERROR"), None)
    if problem is not None or not doc.ok or not isinstance(doc.data, dict):
        return Step(name, "not changed", _why_not(problem), manual)
    try:
        tree = parse(text)
    except TreeError as exc:
        return Step(name, "not changed", _one_line(exc), manual)
    plan = planner(tree, doc.data)
    if plan.stuck:
        return Step(name, "not changed", "its layout leaves no place pscatalog can edit", manual)
    if not plan.edits:
        return Step(name, "unchanged", "; ".join(plan.done))
    after = apply_edits(text, plan.edits)
    expected = intended_data(doc.data, plan.edits)
    try:
        write_atomically(
            path,
            after,
            check=lambda new: check_rewrite(text, new, data=expected),
            previous=text,
        )
    except (PscatalogError, OSError) as exc:
        return Step(name, "not changed", _one_line(exc), manual)
    return Step(name, "updated", "; ".join(plan.said))


def _why_not(problem: Diagnostic | None) -> str:
    if problem is None:
        return "pscatalog edits a YAML mapping, and this file is not one"
    line = problem.location.line
    if problem.code == "Y005":
        return f"it uses a YAML tag (line {line}), which pscatalog does not edit around"
    return f"it does not read as plain YAML (line {line}: {problem.message})"


def _pre_commit(root: Path, source: Source) -> Iterator[Step]:
    repo = _hooks_repo(source)
    install = {"default_install_hook_types": list(INSTALL_HOOK_TYPES)}
    new_text = (
        "---\n# pre-commit hooks (https://pre-commit.com); pscatalog init added pscatalog's.\n"
        + yaml_text(install)
        + yaml_text({"repos": [repo]})
    )

    def planner(tree: Tree, data: Any) -> _Plan:
        plan = _Plan()
        _plan_hooks(plan, tree, data, repo)
        _plan_install_types(plan, tree, data)
        return plan

    by_hand = {**install, "repos": [repo]}
    yield _edit_or_create(root, ".pre-commit-config.yaml", new_text, planner, by_hand)


def _hooks_repo(source: Source) -> dict[str, Any]:
    return {
        "repo": source.repository,
        "rev": source.rev,
        "hooks": [{"id": hook} for hook in HOOK_IDS],
    }


def _plan_hooks(plan: _Plan, tree: Tree, data: Any, repo: dict[str, Any]) -> None:
    """Add pscatalog's repository, or the hooks of it that a configuration lacks."""
    repos = data.get("repos")
    if "repos" not in data:
        plan.add(append_entry(tree, [], "repos", [repo]), "pscatalog's hooks added")
        return
    if not isinstance(repos, list):
        plan.add(None, "pscatalog's hooks added")
        return
    ours = _repo_with_hooks(repos)
    if ours is None:
        plan.add(append_item(tree, ["repos"], repo), "pscatalog's hooks added")
        return
    hooks = repos[ours]["hooks"]
    present = {hook.get("id") for hook in hooks if isinstance(hook, dict)}
    missing = [hook for hook in HOOK_IDS if hook not in present]
    if not missing:
        plan.done.append("it already has pscatalog's hooks")
        return
    edits: list[TextEdit] = []
    for offset, hook in enumerate(missing):
        edit = append_item(tree, ["repos", ours, "hooks"], {"id": hook})
        if edit is None:
            plan.add(None, "")
            return
        # Each goes after the one before it: the same place in the text, the next index.
        edits.append(changed(edit, path=(*edit.path[:-1], len(hooks) + offset)))
    plan.add(edits, f"{', '.join(missing)} added")


def _plan_install_types(plan: _Plan, tree: Tree, data: Any) -> None:
    """Have ``pre-commit install`` install the pre-push hook too."""
    key = "default_install_hook_types"
    current = data.get(key)
    if key not in data:
        plan.add(append_entry(tree, [], key, list(INSTALL_HOOK_TYPES)), f"{key} set")
    elif isinstance(current, list) and "pre-push" not in current:
        plan.add(append_item(tree, [key], "pre-push"), f"pre-push added to {key}")


def _repo_with_hooks(repos: list[Any]) -> int | None:
    """Return the index of the repository entry that lists one of pscatalog's hooks."""
    for index, repo in enumerate(repos):
        hooks = repo.get("hooks") if isinstance(repo, dict) else None
        if isinstance(hooks, list) and any(
            isinstance(hook, dict) and hook.get("id") in HOOK_IDS for hook in hooks
        ):
            return index
    return None


def _gitlab_ci(root: Path, source: Source) -> Iterator[Step]:
    include = {"remote": source.template_url}
    variables = {"PSCATALOG_PIP_SPEC": source.pip_spec}
    new_text = (
        "---\n# GitLab CI: pscatalog validates the catalog in merge requests.\n"
        + yaml_text({"include": [include]})
        + "\nvariables:\n  # Required by the template: a pinned install of pscatalog.\n"
        + textwrap.indent(yaml_text(variables), "  ")
    )

    def planner(tree: Tree, data: Any) -> _Plan:
        plan = _Plan()
        _plan_include(plan, tree, data, include)
        current = data.get("variables")
        if isinstance(current, dict) and "PSCATALOG_PIP_SPEC" in current:
            plan.done.append("it sets PSCATALOG_PIP_SPEC")
        elif "variables" not in data:
            plan.add(append_entry(tree, [], "variables", variables), "PSCATALOG_PIP_SPEC set")
        else:
            plan.add(
                append_entry(tree, ["variables"], "PSCATALOG_PIP_SPEC", source.pip_spec)
                if isinstance(current, dict)
                else None,
                "PSCATALOG_PIP_SPEC set",
            )
        return plan

    by_hand = {"include": [include], "variables": variables}
    yield _edit_or_create(root, ".gitlab-ci.yml", new_text, planner, by_hand)


def _plan_include(plan: _Plan, tree: Tree, data: Any, include: dict[str, str]) -> None:
    current = data.get("include")
    if TEMPLATE.rsplit("/", 1)[1] in repr(current):
        plan.done.append("it includes pscatalog's template")
        return
    said = "pscatalog's template included"
    if "include" not in data:
        plan.add(append_entry(tree, [], "include", [include]), said)
    elif isinstance(current, list):
        plan.add(append_item(tree, ["include"], include), said)
    elif isinstance(current, str | dict):
        plan.add(into_list(tree, ["include"], current, include), said)
    else:
        plan.add(None, said)


YAMLLINT_TEXT = """\
---
# yamllint: its defaults, and what pscatalog's catalog files need.
extends: default

rules:
  line-length:
    # A URL is one word: the CI include's line is longer than 80 characters.
    allow-non-breakable-inline-mappings: true
    # pscatalog never wraps a value: a catalog line is as long as its text.
    ignore:
      - /catalog/
  document-start:
    # pscatalog fmt keeps a '---' where a catalog file has one, and adds none.
    ignore:
      - /catalog/
"""
"""The yamllint settings init writes where a handbook has none."""


def _yamllint(root: Path) -> Iterator[Step]:
    name = next((name for name in YAMLLINT_NAMES if (root / name).exists()), ".yamllint.yaml")
    pattern = f"/{CATALOG}/"

    def planner(tree: Tree, data: Any) -> _Plan:
        plan = _Plan()
        rules = data.get("rules")
        if "rules" not in data:
            plan.add(append_entry(tree, [], "rules", wanted), "catalog files exempted")
            return plan
        if not isinstance(rules, dict):
            plan.add(None, "")
            return plan
        # First: where line-length's mapping ends with the file, its new entry must come
        # before a rule added after it (edits at one place are made in their order).
        _plan_long_urls(plan, tree, rules.get("line-length"))
        for rule in YAMLLINT_RULES:
            _plan_rule(plan, tree, rule, rules.get(rule, None), pattern, rule in rules)
        return plan

    wanted: dict[str, Any] = {rule: {"ignore": [pattern]} for rule in YAMLLINT_RULES}
    wanted["line-length"] = {URL_LINES: True, **wanted["line-length"]}
    yield _edit_or_create(root, name, YAMLLINT_TEXT, planner, {"rules": wanted})


URL_LINES = "allow-non-breakable-inline-mappings"
"""yamllint's line-length option that lets ``key: URL`` run past the limit, a URL being one
word: the CI include and the install spec init writes are such lines."""


def _plan_long_urls(plan: _Plan, tree: Tree, conf: Any) -> None:
    """Let the lines init writes into ``.gitlab-ci.yml`` (``remote: URL``) pass line-length."""
    if (
        isinstance(conf, dict)
        and URL_LINES not in conf
        and "ignore-from-file" not in conf
        and conf.get("allow-non-breakable-words", True) is not False
    ):
        edit = append_entry(tree, ["rules", "line-length"], URL_LINES, True)
        plan.add(edit, f"line-length: {URL_LINES}, for the CI include's URL")


def _plan_rule(plan: _Plan, tree: Tree, rule: str, conf: Any, pattern: str, present: bool) -> None:
    """Plan the catalog's exemption from one yamllint rule."""
    said = f"catalog files exempted from {rule}"
    if not present:
        value: dict[str, Any] = {"ignore": [pattern]}
        if rule == "line-length":
            value = {URL_LINES: True, **value}
        plan.add(append_entry(tree, ["rules"], rule, value), said)
        return
    if conf == "disable" or conf is False:
        plan.done.append(f"{rule} is disabled")
        return
    if not isinstance(conf, dict) or "ignore-from-file" in conf:
        plan.add(None, said)
        return
    ignore = conf.get("ignore")
    lines = ignore.splitlines() if isinstance(ignore, str) else ignore
    if isinstance(lines, list) and any(
        isinstance(line, str) and line.strip().lstrip("/") in _CATALOG_PATTERNS for line in lines
    ):
        plan.done.append(f"catalog files are exempted from {rule}")
        return
    path = ["rules", rule, "ignore"]
    if "ignore" not in conf:
        plan.add(append_entry(tree, ["rules", rule], "ignore", [pattern]), said)
    elif isinstance(ignore, list):
        plan.add(append_item(tree, path, pattern), said)
    elif isinstance(ignore, str):
        plan.add(_add_block_line(tree, path, ignore, pattern), said)
    else:
        plan.add(None, said)


def _add_block_line(tree: Tree, path: list[str], current: str, line: str) -> TextEdit | None:
    """Return the edit that adds ``line`` as the last line of the literal block at ``path``."""
    _, node, shared = tree.locate(path)
    if shared or not isinstance(node, Scalar) or node.style != "|" or not current.strip():
        return None
    first = node.start[0] + 1
    content = [n for n in range(first, len(tree.lines)) if n < node.end[0] or node.end[1]]
    content = [n for n in content if tree.lines[n].strip()]
    if not content:
        return None
    indent = len(tree.lines[content[0]]) - len(tree.lines[content[0]].lstrip(" "))
    last = content[-1]
    lines = LineIndex(tree.text)
    offset = lines.end(last + 1)
    newline = dominant_break(tree.text)
    kept = current[len(current.rstrip("\n")) :]
    value = current.rstrip("\n") + "\n" + line + (kept or "")
    return TextEdit(offset, offset, newline + " " * indent + line, tuple(path), value)


# -- reading


def _read(path: Path) -> str:
    """Read a file of the repository: one that links out of it is refused, never read."""
    inside(path, boundary_of(path.parent))
    return read_bytes(path, max_bytes=_MAX_BYTES).decode("utf-8")


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())
