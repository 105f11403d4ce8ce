"""The services file being imported: where each value stands, and the findings about it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from pscatalog.diagnostics import Diagnostic, Location, pointer_from_parts
from pscatalog.yamltext.loader import PathPart

if TYPE_CHECKING:
    from pscatalog.tools.importing.entries import Entry


class SourceFile(Protocol):
    """Where the entries come from: a name, its text, and the place of each value in it."""

    @property
    def name(self) -> str:
        """How diagnostics name the file."""
        ...

    @property
    def text(self) -> str | None:
        """The file's text, if there is one (it shows where ``#TODO`` comments stand)."""
        ...

    def locate(self, parts: Sequence[PathPart], *, key: bool = False) -> Location:
        """Return the location of the value (or key) at ``parts``."""
        ...


class DetachedSource:
    """Entries that are data only: every value is placed at line 1 of ``name``."""

    text: str | None = None

    def __init__(self, name: str) -> None:
        self.name = name

    def locate(self, parts: Sequence[PathPart], *, key: bool = False) -> Location:
        """Return line 1, column 1, with the value's pointer."""
        return Location(self.name, 1, 1, pointer_from_parts(list(parts)))


@dataclass
class Context:
    """What one conversion shares: the source, its lines, and the findings so far."""

    source: SourceFile
    source_name: str
    """What the offerings' ``imported.source`` says."""
    diagnostics: list[Diagnostic] = field(default_factory=list)
    lines: list[str] = field(init=False)

    def __post_init__(self) -> None:
        text = self.source.text
        self.lines = text.splitlines() if text is not None else []

    def add(self, *diagnostics: Diagnostic) -> None:
        """Record findings."""
        self.diagnostics.extend(diagnostics)

    def at(self, entry: Entry, *parts: PathPart) -> Location:
        """Return the place of a value of an entry (the entry itself without ``parts``)."""
        return self.source.locate((entry.index, *parts))

    def place(self, entry: Entry, key: str) -> Location:
        """Return the place of ``key`` in an entry, or the entry's when it lacks the key."""
        return self.at(entry, key) if key in entry.data else self.at(entry)

    def placeholder(self, entry: Entry, key: str) -> Location | None:
        """Return where a ``#TODO`` comment stands in for the value of ``key``, if it does.

        YAML reads ``sku: #TODO`` as an empty value; only the text shows the comment.
        """
        if entry.data.get(key) is not None:
            return None
        location = self.at(entry, key)
        if not 1 <= location.line <= len(self.lines):
            return None
        rest = self.lines[location.line - 1][location.column - 1 :]
        stripped = rest.lstrip()
        if not stripped.startswith("#") or "todo" not in stripped.lower():
            return None
        column = location.column + len(rest) - len(stripped)
        return Location(location.file, location.line, column, location.pointer)
