"""What a rule is: the protocol every rule module satisfies, and its findings.

A rule module's docstring is its user documentation (``pscatalog explain``
prints it, ``docs/rules.md`` is generated from it). A rule yields findings:
a message and a place. The checker stamps the rule's code and severity.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal, NamedTuple, Protocol

from pscatalog.catalog.model import Catalog, Place
from pscatalog.catalog.pairing import Pairing
from pscatalog.diagnostics import Code, Diagnostic, Related, Severity, diagnose
from pscatalog.files.sources import DISK, Files

if TYPE_CHECKING:
    from jsonschema import ValidationError
from pscatalog.yamltext.edits import TextEdit
from pscatalog.yamltext.loader import Document
from pscatalog.yamltext.tree import Tree, parse


class Also(NamedTuple):
    """Another place a finding involves, and what it is there ("already used here")."""

    place: Place
    label: str


class Finding(NamedTuple):
    """What a rule found, and where; the checker makes a diagnostic of it."""

    message: str
    place: Place
    hint: str | None = None
    related: tuple[Also, ...] = ()

    def diagnostic(self, code: Code) -> Diagnostic:
        """Return this finding as a diagnostic of ``code`` (the rule's module)."""
        related = (Related(also.place.location(), also.label) for also in self.related)
        return diagnose(code, self.message, self.place.location(), self.hint, related)


class Documented(Protocol):
    """A code with its documentation: every diagnostic's code is one."""

    __doc__: str | None
    CODE: str
    """The stable code, e.g. ``C001``: what suppressions and configuration name."""
    NAME: str
    """A kebab-case name saying what the rule checks."""
    SEVERITY: Severity
    """The default severity."""
    SUMMARY: str
    """One line for ``pscatalog rules``."""


class Rule(Documented, Protocol):
    """A check over a whole catalog, beyond what the schema can say."""

    SUPERSEDES: frozenset[str]
    """Schema keywords whose error at (or above) a finding's place is the same fault.

    The checker keeps the rule's diagnostic and drops the schema's.
    """

    def check(self, catalog: Catalog) -> Iterable[Finding]:
        """Yield a finding for every place in ``catalog`` that breaks the rule."""
        ...


class ChangeRule(Documented, Protocol):
    """A check over two versions of a catalog (``pscatalog diff --check``)."""

    def check(self, pairing: Pairing, old: Catalog, new: Catalog) -> Iterable[Finding]:
        """Yield a finding for every change from ``old`` to ``new`` that breaks the rule."""
        ...


class SchemaCode(Documented, Protocol):
    """A code of schema findings: it describes the errors of its JSON Schema keywords."""

    KEYWORDS: frozenset[str]
    """The keywords whose errors it reports (none: every keyword no other code reports)."""

    def describe(self, error: ValidationError, name: str) -> tuple[str, str | None]:
        """Return the message and hint for ``error``, the value at fault being ``name``."""
        ...


class FixContext:
    """A file a fix works on: its document, its text, and its tree (parsed when first asked)."""

    def __init__(self, doc: Document, files: Files = DISK) -> None:
        self.doc = doc
        self.files = files
        """Where the catalog was read from (a fix may read a schema file beside it)."""
        self._tree: Tree | None = None

    @property
    def text(self) -> str:
        """The file's text (a fix is only asked for a file that was read)."""
        return self.doc.text or ""

    @property
    def tree(self) -> Tree:
        """The file's tree, with the place of every node and comment."""
        if self._tree is None:
            self._tree = parse(self.text)
        return self._tree


class Fixable(Documented, Protocol):
    """A code whose findings pscatalog can fix (``validate --fix``)."""

    FIX: Literal["safe", "unsafe"]
    """``safe``: the fix changes nothing but the fault (applied by ``--fix``);
    ``unsafe``: it adds or decides something (also needs ``--unsafe-fixes``)."""

    def fix(self, context: FixContext, diagnostic: Diagnostic) -> list[TextEdit]:
        """Return the edits that fix ``diagnostic`` in the file (none if it cannot).

        Each edit replaces exactly the characters of the node it changes and
        says what it means for the data and the comments; the writer checks
        the result against that before anything is written.
        """
        ...
