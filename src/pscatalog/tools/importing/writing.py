"""The catalog folder an import writes: its files' texts, their names, and the writing.

Each file is written in the canonical layout (by the formatter) and atomically;
a category's file is named after its id.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pscatalog.catalog.model import LEVELS_FILE_NAMES, YAML_SUFFIXES
from pscatalog.catalog.schemas import CATEGORY, LEVELS, schema_reference
from pscatalog.catalog.services_file import LEVEL_DEFINITIONS
from pscatalog.diagnostics import Diagnostic
from pscatalog.files.writer import write_atomically
from pscatalog.tools.formatting import FormatError, format_text
from pscatalog.tools.importing.converter import Conversion
from pscatalog.yamltext.emitter import document_text

LEVELS_FILE = LEVELS_FILE_NAMES[0]
"""The name of the levels file an import writes."""


def levels_text() -> str:
    """Return ``levels.yaml`` with the three levels of the levels decision."""
    head = [
        _modeline(LEVELS),
        "# The three levels of service of the Professional Services Offerings Framework.",
        "# Only level 1's name comes from GitLab's data (\"1 - Product\"). The names of levels 2 "
        "and 3",
        "# are this project's proposal: like level 1, each level is named for the buyer it serves.",
    ]
    body = document_text(
        {"schema_version": 1}, "levels", [dict(level) for level in LEVEL_DEFINITIONS]
    )
    return _formatted("\n".join(head) + "\n" + body, LEVELS)


def category_text(category: dict[str, Any], source_name: str) -> str:
    """Return a category file's text, with its modeline and a note on its origin."""
    head = [
        _modeline(CATEGORY),
        f"# Imported from {_shown_in_comment(source_name)} by `pscatalog import`. Review each "
        "offering's",
        "# `imported` block, move its values to their fields, then delete it.",
    ]
    fields = {key: value for key, value in category.items() if key != "offerings"}
    body = document_text(fields, "offerings", category["offerings"])
    return _formatted("\n".join(head) + "\n" + body, CATEGORY)


def catalog_texts(conversion: Conversion, source_name: str) -> dict[str, str]:
    """Return the text of each catalog file of a conversion, by file name.

    The names are those :func:`plan` gives.
    """
    return plan(conversion, source_name, None).texts


@dataclass
class Plan:
    """What an import writes into a folder: each file's text by name, and the findings."""

    texts: dict[str, str] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def plan(conversion: Conversion, source_name: str, output: Path | None) -> Plan:
    """Return the files a conversion becomes in ``output``.

    The modelines name the schemas as seen from ``output``; without it, they
    name ``../schema/``.
    """
    result = Plan()
    result.texts[LEVELS_FILE] = _with_modeline(levels_text(), LEVELS, output)
    for category in conversion.categories:
        text = _with_modeline(category_text(category, source_name), CATEGORY, output)
        result.texts[f"{category['id']}{YAML_SUFFIXES[0]}"] = text
    return result


def write(output: Path, texts: dict[str, str]) -> list[Path]:
    """Write each file into ``output`` (created if missing), atomically; return the paths."""
    output.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in texts.items():
        path = output / name
        # The output is written anew: a link there is replaced, never followed.
        write_atomically(path, text, follow_links=False)
        written.append(path)
    return written


# -- text


def _shown_in_comment(text: str) -> str:
    """Return ``text`` fit for a comment line: what would end or break the line replaced."""
    return "".join(char if char.isprintable() else "?" for char in text)


def _modeline_reference(kind: str) -> str:
    return f"../schema/{kind}.schema.json"


def _modeline(kind: str) -> str:
    return f"# yaml-language-server: $schema={_modeline_reference(kind)}"


def _with_modeline(text: str, kind: str, output: Path | None) -> str:
    """Return ``text`` with the modeline that names the schema as seen from ``output``."""
    reference = schema_reference(output, kind) if output is not None else None
    if reference is None or reference == _modeline_reference(kind):
        return text
    # No current schema beside the output folder: name the published one.
    return text.replace(_modeline(kind), f"# yaml-language-server: $schema={reference}", 1)


def _formatted(text: str, kind: str) -> str:
    """Return ``text`` in the canonical layout, as ``pscatalog fmt`` writes it."""
    try:
        return format_text(text, kind)
    except FormatError:
        return text  # already in the emitter's own canonical layout
