"""Rewrite the golden reports of importing the real services files (tests/rules/golden/).

Run it after a deliberate change to what ``pscatalog import`` reports (an import
code's message, hint, place or related places), then review the diff of
tests/rules/golden/ like any other change::

    python scripts/regenerate-import-golden.py

The tests compare against these files and never write them.
"""

from __future__ import annotations

import json
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

from pscatalog.outputs.reporters.json_format import report_json
from pscatalog.rules.registry import CODES
from pscatalog.tools.importing import import_services

REPO = Path(__file__).resolve().parent.parent
SOURCES = REPO / "tests" / "fixtures" / "real-data"
GOLDEN = REPO / "tests" / "rules" / "golden"
FILES = {
    "import-2022-08.json": "services-2022-08.yml",
    "import-2022-11.json": "services-2022-11.yml",
    "import-examples.json": "the 'Failing:' example of each import code",
    "import-odd-entries.json": "entries without an id or not a mapping, and odd values",
}
"""Golden file name: what it reports the import of."""
ODD_ENTRIES = """\
- name: Jira integration
  category: Integration
  maturity: Minimal
- id: "  "
  name: Jenkins integration
  category: Integration
  maturity: Minimal
- just a line of text
- id: widget-setup
  name: Widget setup
  category: Widgets
  level: Level 9
  maturity: Minimal
  sku: Custom
  class_size: 12 attendees
  duration: two weeks
  description: "#TODO"
- id: gadget-setup
  name: Gadget setup
  category: Gadgets
  level: 2 - Adoption
  maturity: Minimal
  price: "€1,200"
  currency: USD
  duration: 3 months
"""
"""A services file whose entries have no id, a blank id, are not a mapping, or hold
values import converts or cannot read (a custom SKU, a size or duration in words, a
placeholder, an unknown level, a price in another currency)."""
EXAMPLE = re.compile(r"^Failing:\n\n```yaml\n(?P<yaml>.*?)^```$", re.M | re.S)


def _diagnostics(text: str) -> list[Any]:
    """Return the diagnostics of importing ``text`` as ``services.yml`` in a temporary folder."""
    here = Path.cwd()
    with tempfile.TemporaryDirectory() as folder:
        Path(folder, "services.yml").write_text(text, encoding="utf-8")
        os.chdir(folder)
        try:
            report = json.loads(report_json(import_services("services.yml").report()))
        finally:
            os.chdir(here)
    diagnostics: list[Any] = report["diagnostics"]
    return diagnostics


def import_report(name: str) -> str:
    """Return the golden report ``name`` as JSON text."""
    if name == "import-examples.json":
        found = {
            code: _diagnostics(EXAMPLE.search(module.__doc__ or "")["yaml"])  # type: ignore[index]
            for code, module in CODES.items()
            if code.startswith("I")
        }
        return json.dumps(found, indent=1, ensure_ascii=False) + "\n"
    if name == "import-odd-entries.json":
        return json.dumps(_diagnostics(ODD_ENTRIES), indent=1, ensure_ascii=False) + "\n"
    text = (SOURCES / FILES[name]).read_text(encoding="utf-8")
    return json.dumps(_diagnostics(text), indent=1, ensure_ascii=False) + "\n"


def main() -> int:
    """Write every golden report; print the ones that changed."""
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for name in FILES:
        path = GOLDEN / name
        text = import_report(name)
        old = path.read_text(encoding="utf-8") if path.exists() else None
        if old != text:
            path.write_text(text, encoding="utf-8", newline="")
            print(f"rewrote {path.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
