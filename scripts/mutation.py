"""Mutation testing of the rules, the loader and the writer, one module group at a time.

Usage::

    python scripts/mutation.py rules|loader|writer|MODULE-GLOB ...  # run, then report
    python scripts/mutation.py --report [GROUP ...]                # report the last runs

It runs mutmut (the ``mutation`` extra; configuration in ``[tool.mutmut]`` of
``pyproject.toml``) in ``build/mutation/``, a copy of ``src/``, ``tests/``, ``catalog/``,
``schema/`` and ``pyproject.toml``: the copy leaves out dangling symbolic links (the test
examples hold one on purpose), which mutmut cannot copy. Each mutant runs only
the tests of the selection that reach the function it changes; results are
kept between runs, so a second run tests only what changed. The report gives,
per module, the mutants, how many the tests killed, and the survivors by name
(``mutmut show NAME`` in ``build/mutation/`` prints one). docs/mutation.md
lists the survivors judged equivalent, and why.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
STAGE = REPO / "build" / "mutation"
GROUPS = {
    "rules": "pscatalog.rules.*",
    "loader": "pscatalog.yamltext.loader.*",
    "writer": "pscatalog.files.writer.*",
}
KILLED = {1, 3, 37}  # a failing test, pytest's internal error, the type check
STATUS = {0: "survived", 5: "no tests", 33: "no tests", 24: "timeout", -24: "timeout"}


def stage() -> None:
    """Bring build/mutation/ up to date with the work tree (modification times kept)."""
    STAGE.mkdir(parents=True, exist_ok=True)
    for name in ("src", "tests", "catalog", "schema"):
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


def run(globs: list[str], children: int) -> int:
    """Run mutmut on the mutants whose names match ``globs``; return its exit code."""
    mutmut = Path(sys.executable).parent / "mutmut"
    command = [str(mutmut), "run", "--max-children", str(children), *globs]
    environment = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(command, cwd=STAGE, env=environment, check=False).returncode


def results() -> dict[str, dict[str, int | None]]:
    """Return the exit code of every mutant tested so far, by module."""
    by_module: dict[str, dict[str, int | None]] = {}
    for meta in sorted((STAGE / "mutants" / "src").rglob("*.py.meta")):
        module = ".".join(meta.relative_to(STAGE / "mutants" / "src").with_suffix("").parts)
        module = module.removesuffix(".py")
        codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        if codes:
            by_module[module] = codes
    return by_module


def report(globs: list[str]) -> bool:
    """Print each module's kill rate and survivors, then the totals; whether all were tested."""
    prefixes = [glob.rstrip("*").rstrip(".") for glob in globs]
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
    """Run mutation testing on the groups or globs named, then report."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("targets", nargs="*", help=f"{', '.join(GROUPS)} or a mutant-name glob")
    parser.add_argument("--report", action="store_true", help="only report the last results")
    parser.add_argument("--children", type=int, default=1, help="parallel mutants (default 1)")
    arguments = parser.parse_args()
    globs = [GROUPS.get(target, target) for target in arguments.targets]
    if not arguments.report:
        if not globs:
            parser.error("name a group (rules, loader, writer) or a glob")
        stage()
        code = run(globs, arguments.children)
        if code != 0:
            return code
    return 0 if report(globs) else 1


if __name__ == "__main__":
    sys.exit(main())
