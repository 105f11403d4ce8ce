"""The catalog folder an import writes: its files' texts, their names, and the writing.

Each file is written in the canonical layout (by the formatter), atomically,
and never over a file import did not write: a category whose file name is
taken (by the levels file, by another category whose id differs only by case
or punctuation, or by a file already in the output folder) gets a free name,
and the finding says so. A levels file already in the folder is kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pscatalog.catalog.model import LEVELS_FILE_NAMES, YAML_SUFFIXES
from pscatalog.catalog.schemas import CATEGORY, LEVELS, schema_reference
from pscatalog.catalog.services_file import LEVEL_DEFINITIONS
from pscatalog.diagnostics import Diagnostic, Location
from pscatalog.files.writer import write_atomically
from pscatalog.outputs.wellformed import check_yaml
from pscatalog.rules import file_name_taken
from pscatalog.tools.formatting import FormatError, format_text
from pscatalog.tools.importing.converter import Conversion
from pscatalog.yamltext.emitter import document_text

LEVELS_FILE = LEVELS_FILE_NAMES[0]
"""The name of the levels file an import writes."""
MAX_NAME = 100
"""The longest file name (before ``.yaml``) given to a category: file systems limit names."""


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

    The names are those :func:`plan` gives in an empty folder.
    """
    return plan(conversion, source_name, None).texts


@dataclass
class Plan:
    """What an import writes into a folder: each file's text by name, and the findings."""

    texts: dict[str, str] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def plan(conversion: Conversion, source_name: str, output: Path | None) -> Plan:
    """Return the files a conversion becomes in ``output``, none over a file already there.

    The modelines name the schemas as seen from ``output``. A file already in
    ``output`` that holds exactly the text import would write under its name
    counts as import's own; any other keeps its name, and the category that
    wanted it gets a free one. Without ``output``, the folder is taken to be
    empty and the modelines name ``../schema/``.
    """
    names = _Names(output)
    result = Plan()
    levels = _with_modeline(levels_text(), LEVELS, output)
    kept = names.levels(levels)
    if kept is None:
        result.texts[LEVELS_FILE] = levels
    else:
        at = conversion.source or Location(source_name, 1, 1)
        result.diagnostics.append(file_name_taken.levels_kept(kept, at))
    for category in conversion.categories:
        category_id = str(category["id"])
        text = _with_modeline(category_text(category, source_name), CATEGORY, output)
        at = conversion.places.get(category_id) or Location(source_name, 1, 1)
        name, finding = names.category(category_id, text, at)
        result.texts[name] = text
        if finding is not None:
            result.diagnostics.append(finding)
    return result


def write(output: Path, texts: dict[str, str]) -> list[Path]:
    """Write each file into ``output`` (created if missing), atomically; return the paths."""
    output.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in texts.items():
        path = output / name
        # The file is new, or already holds this very text: a link is replaced, never followed.
        # Read back first: one YAML document that every reader reads alike.
        write_atomically(path, text, follow_links=False, check=check_yaml)
        written.append(path)
    return written


# -- file names


@dataclass(frozen=True)
class _Holder:
    """What holds a file name: the import's levels file, one of its categories, or a file."""

    name: str
    category: str | None = None
    """The id of the category written there."""
    place: Location | None = None
    """Where the source names that category."""
    existing: bool = False
    """Whether the file was in the folder before the import."""


class _Names:
    """The file names of one import, compared as file systems and readers compare them."""

    def __init__(self, output: Path | None) -> None:
        self.output = output
        self.taken = _existing(output) if output is not None else {}

    def levels(self, text: str) -> str | None:
        """Take the levels file's name; return that of a levels file kept in its place, if any."""
        holder = self.taken.get(_key(LEVELS_FILE))
        if holder is None or self._same(holder, LEVELS_FILE, text):
            self.taken[_key(LEVELS_FILE)] = _Holder(LEVELS_FILE)
            return None
        return holder.name

    def category(self, category_id: str, text: str, at: Location) -> tuple[str, Diagnostic | None]:
        """Return a free file name for a category, and the finding if it is not its own."""
        stem = category_id[:MAX_NAME].rstrip("-") or "category"
        wanted = stem + YAML_SUFFIXES[0]
        holder = self.taken.get(_key(wanted))
        if holder is None or self._same(holder, wanted, text):
            self.taken[_key(wanted)] = _Holder(wanted, category_id, at)
            return wanted, None
        number = 2
        while True:
            name = f"{stem}-{number}{YAML_SUFFIXES[0]}"
            other = self.taken.get(_key(name))
            # A file a former import wrote there, holding this very text, is its own.
            if other is None or self._same(other, name, text):
                break
            number += 1
        self.taken[_key(name)] = _Holder(name, category_id, at)
        return name, _taken(category_id, wanted, name, holder, at)

    def _same(self, holder: _Holder, name: str, text: str) -> bool:
        """Whether a file already there is the one import would write: same name, same text."""
        if not holder.existing or holder.name != name or self.output is None:
            return False
        path = self.output / name
        data = text.encode("utf-8")
        try:
            return (
                path.is_file()
                and not path.is_symlink()
                and path.stat().st_size == len(data)
                and path.read_bytes() == data
            )
        except OSError:
            return False


def _taken(category_id: str, wanted: str, name: str, holder: _Holder, at: Location) -> Diagnostic:
    """Return the finding for a category written to ``name`` because ``holder`` has ``wanted``."""
    if holder.existing:
        return file_name_taken.existing_file(category_id, wanted, name, holder.name, at)
    if holder.category is None or holder.place is None:
        return file_name_taken.levels_name(category_id, wanted, name, at)
    return file_name_taken.other_category(
        category_id, wanted, name, holder.category, holder.name, at, holder.place
    )


def _key(name: str) -> str:
    """Return what makes two file names the same: the stem, in lowercase, without punctuation."""
    stem = name
    for suffix in YAML_SUFFIXES:
        if stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)]
            break
    return re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")


def _existing(output: Path) -> dict[str, _Holder]:
    """Return what is already in ``output`` under a YAML file's name, by key."""
    if not output.is_dir():
        return {}
    found: dict[str, _Holder] = {}
    for child in sorted(output.iterdir(), key=lambda path: path.name):
        if child.name.lower().endswith(YAML_SUFFIXES):
            found.setdefault(_key(child.name), _Holder(child.name, existing=True))
    return found


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
