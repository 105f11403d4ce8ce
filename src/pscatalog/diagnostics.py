"""Diagnostics: what a check found, and where.

This module is the ground floor of the package: it imports nothing from it.
A diagnostic is data; reporters turn it into text.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol


class Severity(enum.IntEnum):
    """How much a finding matters; ordered, so ``max()`` gives the worst."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    def __str__(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        """Return the severity named ``text`` (``error``, ``warning`` or ``info``)."""
        try:
            return cls[text.upper()]
        except KeyError:
            raise ValueError(f"unknown severity {text!r}") from None


@dataclass(frozen=True, slots=True, order=True)
class Location:
    """A place in a catalog file.

    ``line`` and ``column`` are 1-based; ``pointer`` is the RFC 6901 JSON
    pointer of the value in the file's data (``""`` for the whole document).
    """

    file: str
    line: int
    column: int
    pointer: str = ""

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True, slots=True)
class Related:
    """Another place a finding involves, and what it is there.

    ``label`` is a short phrase that reads after the place is shown, such as
    "already used here" or "the level is defined here".
    """

    location: Location
    label: str

    def __str__(self) -> str:
        return f"{self.location}: {self.label}"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One finding: a rule's code and severity, a message, and its location.

    ``hint`` says how to fix it, where that is known; ``related`` lists other
    places involved, each with what it is (the first definition of a
    duplicate, for instance).
    """

    code: str
    severity: Severity
    message: str
    location: Location
    hint: str | None = None
    related: tuple[Related, ...] = field(default=())

    @property
    def sort_key(self) -> tuple[str, int, int, str, str]:
        """Order of reporting: by file, line, column, then code."""
        loc = self.location
        return (loc.file, loc.line, loc.column, self.code, self.message)


class Code(Protocol):
    """What a diagnostic needs of a code's module: its code and default severity."""

    CODE: str
    SEVERITY: Severity


def diagnose(
    code: Code,
    message: str,
    location: Location,
    hint: str | None = None,
    related: Iterable[Related] = (),
) -> Diagnostic:
    """Return the diagnostic of ``code`` (a code's module) at ``location``.

    Every diagnostic pscatalog reports is made here, stamped with the code and
    the default severity its module declares; configuration may change the
    severity later.
    """
    return Diagnostic(code.CODE, code.SEVERITY, message, location, hint, tuple(related))


def pointer_from_parts(parts: tuple[str | int, ...] | list[str | int]) -> str:
    """Return the JSON pointer (RFC 6901) of a path of keys and indexes."""
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


def parts_of(pointer: str) -> list[str | int]:
    """Return the keys and indexes of a JSON pointer (RFC 6901); digits are list indexes.

    The inverse of :func:`pointer_from_parts` for the catalog's data, where
    no mapping key is made of digits alone (ids are slugs).
    """
    if not pointer:
        return []
    parts: list[str | int] = []
    for raw in pointer.split("/")[1:]:
        part = raw.replace("~1", "/").replace("~0", "~")
        parts.append(int(part) if part.isdigit() else part)
    return parts
