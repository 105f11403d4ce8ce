"""Rewrite the golden files of rendered output (tests/golden/) from the shipped catalog.

Run it after a deliberate change to the catalog or to a renderer, then review the
diff of tests/golden/ like any other change::

    python scripts/regenerate-golden.py

The tests compare against these files and never write them.
"""

from __future__ import annotations

import sys
from pathlib import Path

from pscatalog.catalog.model import load_catalog
from pscatalog.outputs.rendering import render

REPO = Path(__file__).resolve().parent.parent
GOLDEN = REPO / "tests" / "golden"
FILES = {
    "catalog.md": ("catalog", "markdown"),
    "maturity.md": ("maturity", "markdown"),
    "maturity.svg": ("maturity", "svg"),
}
"""Golden file name: (view, format) rendered from the shipped catalog."""


def main() -> int:
    """Render every golden file; print the ones that changed."""
    catalog = load_catalog(REPO / "catalog")
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for name, (view, output_format) in FILES.items():
        path = GOLDEN / name
        text = render(catalog, view, output_format)
        old = path.read_text(encoding="utf-8") if path.exists() else None
        if old != text:
            path.write_text(text, encoding="utf-8", newline="")
            print(f"rewrote {path.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
