"""How deeply nested can data be before a command fails? The headroom above max-depth.

    python bench/depth.py [--low 256] [--high 2000]

The loader refuses data nested deeper than ``max-depth`` (256 by default, and
at most 256), so no command ever sees deeper data. This script lifts that
bound in the loader for its own runs only, then, for each command, finds
by bisection the deepest data (a list nested under an offering's
``imported.unmapped``, where the schema allows anything) the command still
handles without ``RecursionError``. Each run is a whole process, as a user
runs pscatalog. The smallest result is the headroom: it must stay well above
256. Not part of the test suite; it takes a minute or two.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

HEAD = """\
id: integration
name: Integration Services
level: product
offerings:
  - id: deep
    name: Deep
    maturity: planned
    variants:
      - id: custom
    imported:
      source: services.yml
      unmapped:
        k: {value}
"""
"""A category file whose unmapped value starts at depth 6."""

UNIQUE = """\
id: integration
name: Integration Services
level: product
offerings:
  - id: deep
    name: Deep
    maturity: viable
    evidence:
      deliveries: 1
      marketing_material: [{value}, {value}]
    variants:
      - id: custom
"""
"""A category file with two equal lists starting at depth 6 where the schema wants unique items
(python-jsonschema compares them recursively)."""

LEVELS = """\
levels:
  - {id: product, name: Product, rank: 1, persona: The platform owner}
  - {id: adoption, name: Adoption, rank: 2, persona: The enablement lead}
  - {id: transformation, name: Transformation, rank: 3, persona: The executive sponsor}
"""

SERVICES = """\
- id: deep
  name: Deep
  level: 1 - Product
  category: Integration
  maturity: Planned
"""

RUN = """\
import sys
from dataclasses import replace
import pscatalog.yamltext.loader as loader
original = loader._Builder.__init__
def lifted(self, doc, text, limits):
    original(self, doc, text, replace(limits, max_depth=1_000_000))
loader._Builder.__init__ = lifted
from pscatalog.cli.main import main
sys.argv[0] = "pscatalog"
main()
"""
"""pscatalog's entry point, with the loader's depth bound lifted (for this measure only).

Every command reads YAML through the loader's builder, whatever limits it is
given (``fmt`` and ``import`` use the defaults, the others the configuration's)."""

COMMANDS = {
    "validate": (["validate"], HEAD),
    "validate, unique items": (["validate"], UNIQUE),
    "validate json": (["validate", "--output-format", "json"], HEAD),
    "validate reports": (["validate", "--report", "gitlab:gl.json", "--report", "sarif:s"], HEAD),
    "fmt": (["fmt", "--check"], HEAD),
    "validate --fix": (["validate", "--fix", "--diff"], HEAD),
    "render": (["render", "--view", "catalog"], HEAD),
    "export json": (["export"], HEAD),
    "export services-yml": (["export", "--format", "services-yml"], HEAD),
    "stats": (["stats", "--format", "json"], HEAD),
    "diff": (["diff", "--format", "json", "./clean", "./catalog"], HEAD),
    "diff --check": (["diff", "--check", "./clean", "./catalog"], HEAD),
    "baseline": (["baseline", "-o", "b.json"], HEAD),
    "import": (["import", "services.yml", "--output", "imported", "--force"], HEAD),
}
"""Each command (with the file it reads): the ones that walk the data, in each way they do."""


def handles(folder: Path, command: list[str], template: str, depth: int) -> bool:
    """Whether ``command`` ends without an internal error on data nested ``depth`` deep."""
    levels = depth - 5
    (folder / "catalog" / "x.yaml").write_text(
        template.format(value="[" * levels + "x" + "]" * levels), encoding="utf-8"
    )
    # A services file's entry is at depth 2: its extra key's value starts at 3.
    (folder / "services.yml").write_text(
        SERVICES + "  odd: " + "[" * (depth - 2) + "x" + "]" * (depth - 2) + "\n",
        encoding="utf-8",
    )
    completed = subprocess.run(
        [sys.executable, "-c", RUN, *command],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    return "internal error" not in completed.stderr and completed.returncode in (0, 1)


def deepest(folder: Path, command: list[str], template: str, low: int, high: int) -> int:
    """Return the deepest nesting in [low, high] that ``command`` handles (``high`` if all)."""
    if not handles(folder, command, template, low):
        return low - 1
    if handles(folder, command, template, high):
        return high
    while high - low > 1:
        middle = (low + high) // 2
        if handles(folder, command, template, middle):
            low = middle
        else:
            high = middle
    return low


def main() -> None:
    """Print, for each command, the deepest data it handles."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--low", type=int, default=256)
    parser.add_argument("--high", type=int, default=2000)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="pscatalog-depth-") as temporary:
        folder = Path(temporary)
        for name in ("catalog", "clean"):
            (folder / name).mkdir()
            (folder / name / "levels.yaml").write_text(LEVELS, encoding="utf-8")
        (folder / "clean" / "x.yaml").write_text(HEAD.format(value="[x]"), encoding="utf-8")
        (folder / "pscatalog.toml").write_text('ignore = ["C301"]\n', encoding="utf-8")
        results = {
            name: deepest(folder, command, template, options.low, options.high)
            for name, (command, template) in COMMANDS.items()
        }
    width = max(len(name) for name in results)
    for name, depth in results.items():
        shown = f">= {depth}" if depth == options.high else str(depth)
        print(f"{name:<{width}}  {shown}")
    print(f"{'headroom':<{width}}  {min(results.values())} (max-depth allows 256)")


if __name__ == "__main__":
    main()
