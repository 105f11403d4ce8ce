"""Mutation testing of the rules, the loader and the writer, one module at a time.

Usage::

    python scripts/mutation.py rules|loader|writer|MODULE ...   # run, then report
    python scripts/mutation.py --report [GROUP|MODULE ...]      # report the last runs

It runs mutmut (the ``mutation`` extra; configuration in ``[tool.mutmut]`` of
``pyproject.toml``) in ``build/mutation/``, a copy of ``src/``, ``tests/``,
``catalog/``, ``schema/``, ``scripts/`` and ``pyproject.toml``: the copy leaves out dangling
symbolic links (the test examples hold one on purpose), which mutmut cannot
copy. Each module is tested with its own tests only (:func:`selection`: a
rule's test module, the tests of its family of codes), and each mutant runs
only those of them that reach the function it changes. The results of each
module are kept in ``build/mutation/results/``; the report gives, per module,
the mutants, how many the tests killed, and the survivors by name (``mutmut
show NAME`` in ``build/mutation/`` prints one). docs/mutation.md lists the
survivors judged equivalent, and why.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import shutil
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
STAGE = REPO / "build" / "mutation"
RESULTS = STAGE / "results"
GROUPS = {
    "rules": "pscatalog.rules",
    "loader": "pscatalog.yamltext.loader",
    "writer": "pscatalog.files.writer",
}
KILLED = {1, 3, 37, 24, -24, 36, 152, 255}
"""Detected: a failing test, pytest's internal error, the type check, or a timeout (the
mutant made the tests hang, which any run notices)."""
STATUS = {0: "survived", 5: "no tests", 33: "no tests"}
FAMILY_TESTS = {
    "Y": ["tests/test_loader.py", "tests/test_limits.py"],
    "S": ["tests/rules/test_schema_describers.py", "tests/test_schema_messages.py"],
    "N": [
        "tests/rules/test_suppression_codes.py",
        "tests/test_suppressions.py",
        "tests/test_baseline.py",
    ],
    "D": ["tests/rules/test_change_rules.py", "tests/test_changes.py"],
    "I": ["tests/rules/test_import_codes.py", "tests/test_importing.py"],
    "C": ["tests/rules/test_registry.py"],
    "M": ["tests/rules/test_registry.py", "tests/rules/test_evidence.py"],
}
"""The tests of each family of codes, by the code's first letter."""
HELPER_TESTS = {
    "_evidence": "tests/rules/test_evidence.py",
    "_unique": "tests/rules/test_duplicate_*.py",
    "_schema_words": "tests/rules/test_schema_words.py tests/test_schema_messages.py",
    "base": "tests/rules/",
    "registry": "tests/rules/test_registry.py",
    "loader": "tests/test_loader.py",
    "writer": "tests/test_writing.py tests/test_writes.py",
}
"""The tests of the modules that report no code of their own."""


def selection(module: str) -> list[str]:
    """Return the tests that cover ``module``: its own, and those of its family of codes."""
    name = module.rsplit(".", 1)[-1]
    if name in HELPER_TESTS:
        return sorted(
            str(path.relative_to(REPO))
            for pattern in HELPER_TESTS[name].split()
            for path in _expand(pattern)
        )
    code = importlib.import_module(module).CODE
    own = REPO / "tests" / "rules" / f"test_{name}.py"
    return [*([str(own.relative_to(REPO))] if own.exists() else []), *FAMILY_TESTS[code[0]]]


def _expand(pattern: str) -> list[Path]:
    if "{" in pattern:
        head, rest = pattern.split("{", 1)
        names, tail = rest.split("}", 1)
        return [path for name in names.split(",") for path in _expand(head + name + tail)]
    return sorted(REPO.glob(pattern)) if "*" in pattern else [REPO / pattern]


def modules(target: str) -> list[str]:
    """Return the modules a group or a module name stands for."""
    prefix = GROUPS.get(target, target)
    found = []
    for path in sorted((REPO / "src").rglob("*.py")):
        module = ".".join(path.relative_to(REPO / "src").with_suffix("").parts)
        if path.name != "__init__.py" and (module == prefix or module.startswith(prefix + ".")):
            found.append(module)
    return found


def stage() -> None:
    """Bring build/mutation/ up to date with the work tree (modification times kept)."""
    STAGE.mkdir(parents=True, exist_ok=True)
    for name in ("src", "tests", "catalog", "schema", "scripts"):
        target = STAGE / name
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(
            REPO / name,
            target,
            ignore=shutil.ignore_patterns("__pycache__", "node_modules"),
            ignore_dangling_symlinks=True,
        )
    shutil.copy2(REPO / "pyproject.toml", STAGE / "pyproject.toml")


def run(module: str, children: int) -> int:
    """Run mutmut on ``module`` with its own tests; keep its results; return mutmut's code."""
    config = STAGE / "pyproject.toml"
    text = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    tests = ", ".join(f'"{test}"' for test in selection(module))
    start = text.index("pytest_add_cli_args_test_selection = [")
    end = text.index("]", start) + 1
    config.write_text(
        text[:start] + f"pytest_add_cli_args_test_selection = [{tests}]" + text[end:],
        encoding="utf-8",
    )
    mutmut = Path(sys.executable).parent / "mutmut"
    command = [str(mutmut), "run", "--max-children", str(children), f"{module}.*"]
    environment = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    print(f"== {module}: {' '.join(selection(module))}", flush=True)
    code = subprocess.run(
        command, cwd=STAGE, env=environment, check=False, stdout=subprocess.DEVNULL
    ).returncode
    meta = STAGE / "mutants" / "src" / (module.replace(".", "/") + ".py.meta")
    if code == 0 and meta.exists():
        RESULTS.mkdir(exist_ok=True)
        codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        mine = {name: value for name, value in codes.items() if name.startswith(module + ".")}
        (RESULTS / f"{module}.json").write_text(json.dumps(mine, indent=1), encoding="utf-8")
    return code


def results() -> dict[str, dict[str, int | None]]:
    """Return the exit code of every mutant tested so far, by module."""
    return {
        path.stem: json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(RESULTS.glob("*.json"))
    }


def report(prefixes: list[str]) -> bool:
    """Print each module's kill rate and survivors, then the totals; whether all were tested."""
    totals: Counter[str] = Counter()
    survivors: dict[str, list[str]] = defaultdict(list)
    complete = True
    print(f"{'module':45} {'mutants':>7} {'killed':>7} {'rate':>6}")
    for module, codes in results().items():
        if prefixes and not any(module.startswith(prefix) for prefix in prefixes):
            continue
        counts: Counter[str] = Counter()
        for name, code in codes.items():
            if code is None:
                complete = False
                counts["untested"] += 1
            elif code in KILLED:
                counts["killed"] += 1
            else:
                counts["other"] += 1
                survivors[module].append(f"{name} ({STATUS.get(code, f'exit {code}')})")
        tested = counts["killed"] + counts["other"]
        totals.update(counts)
        rate = f"{100 * counts['killed'] / tested:5.1f}%" if tested else "    -"
        print(f"{module:45} {tested:7} {counts['killed']:7} {rate}")
    tested = totals["killed"] + totals["other"]
    if tested:
        rate = f"{100 * totals['killed'] / tested:5.1f}%"
        print(f"{'total':45} {tested:7} {totals['killed']:7} {rate}")
    for module, names in survivors.items():
        print(f"\n{module}:")
        for name in names:
            print(f"  {name}")
    return complete


def main() -> int:
    """Run mutation testing on the groups or modules named, then report."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n", 1)[0])
    parser.add_argument("targets", nargs="*", help=f"{', '.join(GROUPS)} or a module")
    parser.add_argument("--report", action="store_true", help="only report the last results")
    parser.add_argument("--children", type=int, default=1, help="parallel mutants (default 1)")
    arguments = parser.parse_args()
    prefixes = [GROUPS.get(target, target) for target in arguments.targets]
    if not arguments.report:
        if not arguments.targets:
            parser.error("name a group (rules, loader, writer) or a module")
        stage()
        for target in arguments.targets:
            for module in modules(target):
                if (
                    module.endswith("__init__")
                    or (REPO / "src")
                    .joinpath(*module.split("."))
                    .with_suffix(".py")
                    .read_text(encoding="utf-8")
                    .count("def ")
                    == 0
                ):
                    continue
                code = run(module, arguments.children)
                if code != 0:
                    print(f"mutmut failed on {module} (exit {code})", file=sys.stderr)
    return 0 if report(prefixes) else 1


if __name__ == "__main__":
    sys.exit(main())
