"""Show that recording and applying a baseline costs time linear in the findings.

    python bench/baseline.py [--offerings 2000] [--scales 1,2,4]

A category file of ``--offerings`` offerings at 1x, each with its findings:
a capitalised maturity (C004), a SKU on a custom variant (C003) that repeats
one 50 offerings above (C105), a key written twice (Y002) and two values
YAML 1.1 reads as booleans (Y003). The loader's findings are placed by their
line and column, which looks up positions in the file: this shows that the
lookup does not grow with the file for each finding.

For each scale it validates the catalog once, then times (CPU seconds, in
this process): ``identities`` (what the Code Quality and SARIF reports
compute), ``baseline_text`` (``pscatalog baseline``), and ``read_baseline``
with ``apply_baseline`` (``validate --baseline``). It prints the ratios to
the 1x run: linear work keeps them near the scale (2 and 4). Machines are
shared and noisy: read the ratios, not the seconds.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from pscatalog.checks.baseline import apply_baseline, baseline_text, read_baseline  # noqa: E402
from pscatalog.checks.checker import validate  # noqa: E402
from pscatalog.checks.fingerprints import identities  # noqa: E402

LEVELS = "levels:\n  - id: product\n    name: Product\n    rank: 1\n    persona: The owner\n"


def category(count: int) -> str:
    """Return a category file of ``count`` offerings, with findings in each."""
    lines = ["id: integration", "name: Integration Services", "level: product", "offerings:"]
    for number in range(count):
        lines += [
            f"  - id: offering-{number}",
            f"    name: Offering {number}",
            "    maturity: Minimal",
            "    summary: no",
            "    summary: yes",
            "    variants:",
            "      - id: custom",
            f"        sku: GL-{number % 50}",
        ]
    return "\n".join(lines) + "\n"


def measure(count: int, folder: Path) -> tuple[int, float, float, float]:
    """Return the findings and the CPU seconds of the three steps, for ``count`` offerings."""
    catalog = folder / "catalog"
    catalog.mkdir(parents=True)
    (catalog / "levels.yaml").write_text(LEVELS, encoding="utf-8")
    (catalog / "integration.yaml").write_text(category(count), encoding="utf-8")
    os.chdir(folder)
    result = validate([Path("catalog")])
    started = time.process_time()
    identities(result)
    found = time.process_time() - started
    started = time.process_time()
    text = baseline_text(result)
    recorded = time.process_time() - started
    path = folder / "baseline.json"
    path.write_text(text, encoding="utf-8")
    started = time.process_time()
    applied = apply_baseline(result, path, read_baseline(path))
    checked = time.process_time() - started
    assert applied.diagnostics == [], "every finding is baselined"
    return len(result.diagnostics), found, recorded, checked


def main() -> None:
    """Measure each scale and print the times and their ratios to the first."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--offerings", type=int, default=2000)
    parser.add_argument("--scales", default="1,2,4")
    args = parser.parse_args()
    scales = [int(scale) for scale in args.scales.split(",")]
    here = os.getcwd()
    rows = []
    for scale in scales:
        with tempfile.TemporaryDirectory() as folder:
            rows.append(measure(args.offerings * scale, Path(folder)))
        os.chdir(here)
    print(f"{'scale':>5} {'findings':>9} {'identities':>11} {'baseline':>9} {'apply':>8}")
    for scale, (count, found, recorded, checked) in zip(scales, rows, strict=True):
        print(f"{scale:>5} {count:>9} {found:>10.2f}s {recorded:>8.2f}s {checked:>7.2f}s")
    first = rows[0]
    for scale, row in zip(scales[1:], rows[1:], strict=True):
        ratios = ", ".join(f"{row[i] / first[i]:.1f}" for i in (1, 2, 3))
        print(f"{scale}x: CPU time ratios (identities, baseline, apply) {ratios}")


if __name__ == "__main__":
    main()
