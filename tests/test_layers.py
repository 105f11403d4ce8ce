"""The shape of the package: imports go down the layers, and each code's module makes its findings.

The layers, top to bottom: ``cli`` → ``tools`` → ``outputs`` → ``checks`` →
``rules`` → ``catalog`` → ``files`` → ``yamltext`` → ``diagnostics`` and
``errors``. A module may import its own layer and those below it, never one
above. The one sanctioned exception: a code's module in ``rules/`` whose own
imports (those run when it is imported) are only of ``pscatalog.diagnostics``
may be imported from any layer, as the loader imports the Y codes.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path
from typing import NamedTuple

import pytest

import pscatalog
from pscatalog.rules.registry import CODES

PACKAGE = Path(pscatalog.__file__).resolve().parent
LAYERS = ("cli", "tools", "outputs", "checks", "rules", "catalog", "files", "yamltext")
GROUND = frozenset({"pscatalog.diagnostics", "pscatalog.errors", "pscatalog._version"})
"""The ground floor: below every layer."""
FACADE = frozenset({"pscatalog", "pscatalog.__main__"})
"""The public API and ``python -m pscatalog``: above every layer."""
TOP, BOTTOM = -1, len(LAYERS)


class Import(NamedTuple):
    """One import of a pscatalog module: where it is written, and whether it runs on import."""

    importer: str
    line: int
    target: str
    on_import: bool
    """At module level, outside ``if TYPE_CHECKING:`` (not inside a function)."""


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def layer(module: str) -> int:
    """Return the rank of a module's layer: 0 for ``cli``, lower layers higher."""
    if module in FACADE:
        return TOP
    if module in GROUND:
        return BOTTOM
    return LAYERS.index(module.split(".")[1])


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _targets(node: ast.Import | ast.ImportFrom, importer: str) -> list[str]:
    """Return the pscatalog modules an import statement reads."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names if alias.name.split(".")[0] == "pscatalog"]
    base = node.module or ""
    if node.level:  # relative to the importer's package
        package = importer.split(".")
        if MODULES[importer].name != "__init__.py":
            package = package[:-1]
        package = package[: len(package) - (node.level - 1)]
        base = ".".join([*package, base] if base else package)
    if base.split(".")[0] != "pscatalog":
        return []
    # `from pscatalog.rules import modeline` reads the module pscatalog.rules.modeline.
    return [
        f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base
        for alias in node.names
    ]


def imports_in(source: str, importer: str) -> list[Import]:
    """Return every import of a pscatalog module in ``source``, the module ``importer``."""
    found: list[Import] = []

    def visit(node: ast.AST, on_import: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.Import | ast.ImportFrom):
                for target in _targets(child, importer):
                    found.append(Import(importer, child.lineno, target, on_import))
            elif isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda) or (
                isinstance(child, ast.If) and _is_type_checking(child)
            ):
                visit(child, False)
            else:
                visit(child, on_import)

    visit(ast.parse(source), True)
    return found


IMPORTS = {
    name: imports_in(path.read_text(encoding="utf-8"), name) for name, path in MODULES.items()
}


def sanctioned(target: str, imports: dict[str, list[Import]]) -> bool:
    """Whether ``target`` is a code's module in rules/ that imports only the diagnostics."""
    if not target.startswith("pscatalog.rules.") or target not in imports:
        return False
    own = {found.target for found in imports[target] if found.on_import}
    source = MODULES[target].read_text(encoding="utf-8") if target in MODULES else ""
    return own <= {"pscatalog.diagnostics"} and "\nCODE = " in source


def upward(imports: dict[str, list[Import]]) -> list[str]:
    """Return each import that goes up the layers, as ``importer:line -> target``."""
    return [
        f"{found.importer}:{found.line} -> {found.target}"
        for module_imports in imports.values()
        for found in module_imports
        if layer(found.target) < layer(found.importer) and not sanctioned(found.target, imports)
    ]


def test_every_module_belongs_to_a_layer():
    """Each module of the package is in a layer, the ground floor or the facade."""
    for module in MODULES:
        assert TOP <= layer(module) <= BOTTOM, module


def test_no_import_goes_up_the_layers():
    """No module imports one in a layer above its own, but for the sanctioned code modules."""
    assert upward(IMPORTS) == []


def test_the_loader_uses_the_sanctioned_exception():
    """The loader (yamltext) imports the Y codes' modules, which import only the diagnostics."""
    from_loader = {found.target for found in IMPORTS["pscatalog.yamltext.loader"]}
    assert "pscatalog.rules.duplicate_key" in from_loader
    assert sanctioned("pscatalog.rules.duplicate_key", IMPORTS)
    assert not sanctioned("pscatalog.rules.modeline", IMPORTS)  # imports catalog, yamltext


def test_an_upward_import_is_found_wherever_it_is_written():
    """At module level, under TYPE_CHECKING or in a function: each upward import is reported."""
    imports = dict(IMPORTS)
    imports["pscatalog.files.writer"] = imports_in(
        "import pscatalog.outputs.escaping\n"
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from pscatalog.checks.config import Config\n"
        "def f():\n"
        "    from pscatalog.rules import modeline, duplicate_key\n",
        "pscatalog.files.writer",
    )
    assert upward(imports) == [
        "pscatalog.files.writer:1 -> pscatalog.outputs.escaping",
        "pscatalog.files.writer:4 -> pscatalog.checks.config",
        "pscatalog.files.writer:6 -> pscatalog.rules.modeline",
    ]


def test_a_code_module_that_imports_more_than_the_diagnostics_is_not_sanctioned():
    """A code module that imports the catalog on import may not be used from below rules/."""
    imports = dict(IMPORTS)
    imports["pscatalog.rules.duplicate_key"] = [
        *IMPORTS["pscatalog.rules.duplicate_key"],
        Import("pscatalog.rules.duplicate_key", 99, "pscatalog.catalog.model", True),
    ]
    assert "pscatalog.yamltext.loader" in "\n".join(upward(imports))


# -- every code's module holds the code that reports it


def _functions(module: str) -> dict[str, ast.FunctionDef]:
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    return {node.name: node for node in tree.body if isinstance(node, ast.FunctionDef)}


def _calls(function: ast.FunctionDef) -> set[str]:
    return {
        node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
        for node in ast.walk(function)
        if isinstance(node, ast.Call)
    }


@pytest.mark.parametrize("code", sorted(CODES))
def test_each_code_module_builds_or_finds_its_findings(code: str):
    """A code's ``check`` or ``describe`` is its module's own; else a function there diagnoses."""
    module = importlib.import_module(CODES[code].__name__)  # type: ignore[attr-defined]
    for name in ("check", "describe"):
        if hasattr(module, name):
            assert getattr(module, name).__module__ == module.__name__
            return
    makers = [
        function.name
        for function in ast.walk(ast.parse(MODULES[module.__name__].read_text(encoding="utf-8")))
        if isinstance(function, ast.FunctionDef) and "diagnose" in _calls(function)
    ]
    assert makers, f"{module.__name__} defines no function that calls diagnose()"


def test_diagnose_is_called_only_for_a_code_by_its_module():
    """Outside the code modules, only the engines that stamp a code's own finding call diagnose.

    A rule's findings become diagnostics in ``Finding.diagnostic``; a schema error
    in the schema check, with the message and hint its code's ``describe`` wrote.
    """
    callers = sorted(
        f"{module}.{function.name}"
        for module, path in MODULES.items()
        if not (module.startswith("pscatalog.rules.") and "\nCODE = " in path.read_text())
        for function in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(function, ast.FunctionDef) and "diagnose" in _calls(function)
    )
    assert callers == ["pscatalog.checks.schema._findings", "pscatalog.rules.base.diagnostic"]


def test_no_module_builds_a_diagnostic_but_through_diagnose():
    """Only ``pscatalog.diagnostics.diagnose`` calls ``Diagnostic(...)``."""
    builders = []
    for module, path in MODULES.items():
        for function in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(function, ast.FunctionDef) and "Diagnostic" in _calls(function):
                builders.append(f"{module}.{function.name}")
    assert builders == ["pscatalog.diagnostics.diagnose"]
