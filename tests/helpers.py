"""Helpers to write small catalogs and read back what validation found."""

from __future__ import annotations

import textwrap
from pathlib import Path

from pscatalog.checks.checker import validate

LEVELS_YAML = """\
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
"""

# One clean category per level, so that a test adds only the file it is about.
BASE_CATEGORIES = {
    "a-product.yaml": """\
id: implementation
name: Implementation Services
level: product
offerings:
  - id: base-implementation
    name: Base implementation
    maturity: minimal
    variants:
      - id: custom
""",
    "b-adoption.yaml": """\
id: education
name: Education Services
level: adoption
offerings:
  - id: base-training
    name: Base training
    maturity: planned
    variants:
      - id: custom
""",
    "c-transformation.yaml": """\
id: dedicated
name: Dedicated Services
level: transformation
offerings:
  - id: base-engineer
    name: Base engineer
    maturity: planned
    variants:
      - id: custom
""",
}

Finding = tuple[str, str, int, int]
"""(code, file name, line, column) of a diagnostic."""


def write_catalog(root: Path, files: dict[str, str], *, base: bool = True) -> Path:
    """Write a catalog folder: the clean base files (unless ``base=False``), then ``files``.

    File contents are dedented, so tests can indent their YAML inline.
    """
    root.mkdir(parents=True, exist_ok=True)
    contents = {"levels.yaml": LEVELS_YAML, **BASE_CATEGORIES} if base else {}
    contents.update({name: textwrap.dedent(text) for name, text in files.items()})
    for name, text in contents.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


def findings(root: Path, *paths: Path) -> list[Finding]:
    """Validate the catalog at ``root`` (or the files ``paths``) and list what was found."""
    result = validate(list(paths) or [root])
    return [
        (d.code, Path(d.location.file).name, d.location.line, d.location.column)
        for d in result.diagnostics
    ]


def category_file(
    offerings: str, *, level: str = "product", category_id: str = "integration"
) -> str:
    """Return a category file with the given (dedented) offerings block."""
    body = textwrap.indent(textwrap.dedent(offerings).lstrip("\n"), "  ")
    return (
        f"id: {category_id}\nname: {category_id.title()} Services\nlevel: {level}\n"
        f"offerings:\n{body}"
    )
