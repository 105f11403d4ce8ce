"""``pscatalog import``: a services file read, converted and written as a catalog folder."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pscatalog.catalog.model import Catalog, display_name
from pscatalog.checks.checker import ValidationResult
from pscatalog.diagnostics import Diagnostic
from pscatalog.errors import UsageError
from pscatalog.files.boundary import inside
from pscatalog.files.repository import boundary_of
from pscatalog.tools.importing.converter import convert_entries
from pscatalog.tools.importing.writing import plan, write
from pscatalog.yamltext.loader import Document, load_document

DEFAULT_OUTPUT = Path("catalog")
"""The folder ``pscatalog import`` writes to unless told otherwise."""


@dataclass
class ImportResult:
    """The outcome of :func:`import_services`."""

    source: Document
    """The services file, as read."""
    diagnostics: list[Diagnostic]
    """The loader's findings and the import's, sorted by place."""
    files: dict[str, str] = field(default_factory=dict)
    """The catalog files written, by file name, with their text."""
    written: list[Path] = field(default_factory=list)
    """The paths written."""

    @property
    def errors(self) -> int:
        """The number of error diagnostics."""
        return self.report().errors

    @property
    def exit_code(self) -> int:
        """0 when the source had no error, 1 when it had one."""
        return self.report().exit_code

    def report(self) -> ValidationResult:
        """Return the findings as a validation result, for validate's reporters."""
        catalog = Catalog(self.source.path.parent, None, [self.source])
        return ValidationResult(list(self.diagnostics), [catalog], [self.source.name])


def import_services(
    source: Path | str, output: Path | str = DEFAULT_OUTPUT, *, force: bool = False
) -> ImportResult:
    """Convert the services file ``source`` into a catalog folder at ``output``.

    Writes ``levels.yaml`` and one file per category, each atomically, and
    only inside ``output``. Problems of the source are diagnostics of the
    result (the output is still written). With ``force``, a folder that is not
    empty is written into, but no file already there is written over (unless
    it holds exactly what import writes): a category whose file name is taken
    gets a free one, and a levels file there is kept; each is reported.
    Raises :class:`~pscatalog.errors.UsageError` when the source is missing
    or not a file, or when ``output`` is a file or a folder that is not empty
    (unless ``force``), and :class:`~pscatalog.files.boundary.OutsideRepository`
    when ``output`` leads out of its git repository.
    """
    source, output = Path(source), Path(output)
    inside(output, boundary_of(output))  # nothing is created or listed outside the repository
    _check_paths(source, output, force=force)
    doc = load_document(source, display_name(source))
    diagnostics = list(doc.diagnostics)
    result = ImportResult(doc, diagnostics)
    if doc.ok:
        conversion = convert_entries(doc.data, doc, source.name)
        # The folder exists before the plan: its modelines name ../schema/ only if that resolves.
        output.mkdir(parents=True, exist_ok=True)
        files = plan(conversion, source.name, output)
        diagnostics += conversion.diagnostics + files.diagnostics
        result.files = files.texts
        result.written = write(output, files.texts)
    diagnostics.sort(key=lambda diagnostic: diagnostic.sort_key)
    return result


def _check_paths(source: Path, output: Path, *, force: bool) -> None:
    if not source.exists():
        raise UsageError(f"no such services file: {source}")
    if source.is_dir():
        raise UsageError(f"not a services file, but a folder: {source}")
    if output.exists() and not output.is_dir():
        raise UsageError(f"the output is a file, not a folder: {output}")
    try:
        occupied = output.is_dir() and any(output.iterdir())
    except OSError as exc:
        raise UsageError(f"cannot read the output folder: {output} ({exc.strerror})") from None
    if occupied and not force:
        raise UsageError(f"the output folder is not empty: {output} (--force writes into it)")
