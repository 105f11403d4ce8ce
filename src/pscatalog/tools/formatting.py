"""The formatter: one canonical layout for catalog files, comments kept.

:func:`format_paths` is what ``pscatalog fmt`` runs; :func:`format_text`
formats one text. The layout is :mod:`pscatalog.tools.layout`'s. Values never
change and no comment is lost: every formatted text passes the checks of
:mod:`pscatalog.yamltext.verify` before it replaces a file (and before
``--check`` says it would), and a file that fails them is left as it is and
reported. A file that ends its lines with CR LF keeps them; every other line
break becomes a line feed (YAML 1.2 readers do not all break lines at NEL,
U+2028 or U+2029, and a lone CR is from another era).
"""

from __future__ import annotations

import enum
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pscatalog.catalog.model import (
    LEVELS_FILE_NAMES,
    catalog_files,
    display_name,
)
from pscatalog.catalog.schemas import CATEGORY, LEVELS, load_schema
from pscatalog.checks.suppressions import is_suppression, suppressed_codes
from pscatalog.diagnostics import Diagnostic, Severity
from pscatalog.errors import PscatalogError
from pscatalog.files.boundary import inside
from pscatalog.files.repository import boundary_of
from pscatalog.files.writer import WriteRefused, write_atomically
from pscatalog.rules import yaml11_reading
from pscatalog.tools.layout import canonical_text
from pscatalog.yamltext.lines import LINE_BREAK, dominant_break, unified_diff
from pscatalog.yamltext.loader import (
    DEFAULT_LIMITS,
    Document,
    load_document,
    load_text,
    read_file_text,
)
from pscatalog.yamltext.tree import Tree, TreeError, parse
from pscatalog.yamltext.verify import Readings, VerifyError, check_rewrite, of_tree

if TYPE_CHECKING:
    from pscatalog.checks.checker import ValidationResult

SPACED_LISTS = {LEVELS: "levels", CATEGORY: "offerings"}
"""The top-level list of each kind of file, whose items are one blank line apart."""


class FormatError(PscatalogError):
    """A text that cannot be formatted: it does not parse, or formatting would lose something.

    ``diagnostics`` holds the loader's findings when the text does not parse.
    """

    def __init__(self, message: str, diagnostics: Sequence[Diagnostic] = ()) -> None:
        super().__init__(message)
        self.diagnostics = tuple(diagnostics)


def format_text(text: str, kind: str) -> str:
    """Return ``text`` in the canonical layout of a catalog file of ``kind``.

    ``kind`` is ``"levels"`` or ``"category"`` (it decides the key order).
    Raises :class:`FormatError` when the text is not one readable YAML
    document (the loader's error diagnostics are attached), or when the
    result would not read as the same data with the same comments.
    """
    doc = _load_text(text, "<text>")
    formatted, before = _layout(doc, kind)
    if formatted != text:
        try:
            _checker(before)(formatted)
        except VerifyError as exc:
            raise FormatError(f"not formatted: {exc}") from None
    return formatted


def kind_of_path(path: Path) -> str:
    """Return the kind of catalog file ``path`` is by its name: ``levels`` or ``category``."""
    return LEVELS if path.name in LEVELS_FILE_NAMES else CATEGORY


# -- formatting files


class Outcome(enum.Enum):
    """What formatting did to one file."""

    UNCHANGED = "unchanged"
    """Already in canonical form."""
    CHANGED = "changed"
    """Reformatted (written, unless only checked)."""
    FAILED = "failed"
    """Left as it was: it does not parse, or it could not be formatted safely."""


@dataclass(frozen=True, slots=True)
class FileResult:
    """The outcome for one file, with its text before and after."""

    path: Path
    name: str
    """How reports name the file."""
    outcome: Outcome
    original: str | None = None
    formatted: str | None = None
    error: str | None = None
    """Why the file was left as it was, in one line, when no diagnostic says it."""
    diagnostics: tuple[Diagnostic, ...] = ()
    """The loader's errors, when the file does not parse."""


@dataclass
class FormatResult:
    """The outcome of formatting some files."""

    files: list[FileResult] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    """The files read, so that reports can show their source lines."""
    written: bool = True
    """Whether reformatted files were written (false under ``check`` or ``diff``)."""
    diff: bool = False
    """Whether a unified diff was asked for."""
    notices: list[Diagnostic] = field(default_factory=list)
    """What the catalog folders formatted hold but is not read (``C205``): never skipped
    in silence."""

    @property
    def changed(self) -> list[FileResult]:
        """The files reformatted, or that would be."""
        return [file for file in self.files if file.outcome is Outcome.CHANGED]

    @property
    def failed(self) -> list[FileResult]:
        """The files left as they were because they could not be formatted."""
        return [file for file in self.files if file.outcome is Outcome.FAILED]

    @property
    def exit_code(self) -> int:
        """1 when a file failed, or would change and was not written; else 0."""
        return 1 if self.failed or (self.changed and not self.written) else 0

    def unified_diff(self) -> str:
        """Return the changes as one unified diff, file after file."""
        chunks: list[str] = []
        for file in self.changed:
            assert file.original is not None
            assert file.formatted is not None
            chunks.append(unified_diff(file.original, file.formatted, file.name, file.name))
        return "".join(chunks)


def format_paths(
    paths: Iterable[Path | str],
    *,
    check: bool = False,
    diff: bool = False,
    configured: Path | None = None,
) -> FormatResult:
    """Format the catalog files at ``paths``: catalog folders, or files in them.

    Paths are found as ``validate`` finds them (:mod:`pscatalog.catalog.discovery`):
    without paths, the ``configured`` catalog, else the one found from the
    current folder; a folder that holds a ``catalog`` folder means that one;
    only catalog files are ever formatted.
    With ``check`` or ``diff``, nothing is written. A file that does not
    parse is left byte for byte and its loader errors are returned; so is a
    file reached through a symbolic link that leads out of the catalog's
    repository (the git top folder, else the catalog folder). Writes are
    atomic. Raises :class:`pscatalog.errors.UsageError` for a path that does
    not exist or a named file that is not YAML.
    """
    result = FormatResult(written=not (check or diff), diff=diff)
    for path, root in _files(paths, configured, result.notices):
        result.files.append(_format_file(path, root, result))
    return result


def report_format(result: FormatResult, *, summary: bool = True) -> str:
    """Return what ``fmt`` prints on standard output: the diff, or the files changed.

    The files changed end with a summary line, unless ``summary`` is false.
    """
    if result.diff:
        return result.unified_diff()
    verb = "reformatted" if result.written else "would reformat"
    lines = [f"{verb} {file.name}\n" for file in result.changed]
    return "".join(lines) + (_summary(result) + "\n" if summary else "")


def report_problems(result: FormatResult, *, summary: bool = True) -> str:
    """Return what ``fmt`` prints on standard error: why files were left as they were.

    Files that do not parse are reported as ``validate`` reports them; other
    refusals get one line each. In ``diff`` mode the summary comes here too,
    unless ``summary`` is false.
    """
    parts: list[str] = []
    with_diagnostics = [file for file in result.failed if file.diagnostics]
    if with_diagnostics:
        parts.append(_full_report(result, with_diagnostics))
    parts.extend(
        f"pscatalog: error: {file.name}: {file.error}\n"
        for file in result.failed
        if not file.diagnostics and file.error
    )
    if result.notices:
        from pscatalog.outputs.reporters.text import report_concise

        parts.append(report_concise(_validation(result, result.notices, [])))
    if result.diff and summary:
        parts.append(_summary(result) + "\n")
    return "".join(parts)


def _summary(result: FormatResult) -> str:
    changed = len(result.changed)
    unchanged = sum(1 for file in result.files if file.outcome is Outcome.UNCHANGED)
    parts = []
    if changed:
        verb = "reformatted" if result.written else "would be reformatted"
        parts.append(f"{_plural(changed)} {verb}")
    if unchanged:
        parts.append(f"{_plural(unchanged)} already formatted")
    if result.failed:
        parts.append(f"{_plural(len(result.failed))} not formatted")
    return (", ".join(parts) if parts else "No YAML files to format") + "."


def _plural(count: int) -> str:
    return f"{count} file{'' if count == 1 else 's'}"


def _full_report(result: FormatResult, files: list[FileResult]) -> str:
    # Imported here: the reporters pull in the checker, which fmt needs only on failure.
    from pscatalog.outputs.reporters.text import report_full

    diagnostics = [diagnostic for file in files for diagnostic in file.diagnostics]
    return report_full(_validation(result, diagnostics, files))


def _validation(
    result: FormatResult, diagnostics: list[Diagnostic], files: list[FileResult]
) -> ValidationResult:
    """Return findings of ``fmt`` as a validation result, for the reporters."""
    from pscatalog.catalog.model import Catalog
    from pscatalog.checks.checker import ValidationResult

    catalog = Catalog(Path(), None, list(result.documents))
    diagnostics = sorted(diagnostics, key=lambda diagnostic: diagnostic.sort_key)
    return ValidationResult(diagnostics, [catalog], [file.name for file in files])


def _files(
    paths: Iterable[Path | str], configured: Path | None, notices: list[Diagnostic]
) -> list[tuple[Path, Path]]:
    """Return each catalog file to format, with the repository folder it must stay in.

    What a whole catalog folder holds but is not read goes to ``notices``.
    """
    from pscatalog.catalog.discovery import resolve_targets
    from pscatalog.checks.checker import unread_notices

    found: list[tuple[Path, Path]] = []
    seen: set[Path] = set()
    for target in resolve_targets(paths, configured=configured):
        # Named as the command line names it, in messages.
        folder = Path(os.path.relpath(target.root)) if target.root.is_absolute() else target.root
        root = boundary_of(folder)
        inside(folder, root)  # a folder named through a link out of the repository
        if target.named is None:
            files = catalog_files(folder)
            notices.extend(unread_notices(folder))
        else:
            files = [folder / path.name for path in sorted(target.named)]
        for file in files:
            key = Path(os.path.realpath(file))
            if key not in seen:
                seen.add(key)
                found.append((file, root))
    return found


def _format_file(path: Path, root: Path, result: FormatResult) -> FileResult:
    name = display_name(path)
    # realpath, not Path.resolve: a link that loops is read, and reported, as Y008.
    target = Path(os.path.realpath(path))
    if not target.is_relative_to(os.path.realpath(root)):
        return FileResult(
            path,
            name,
            Outcome.FAILED,
            error=f"leads to {target}, outside the repository {root}: "
            "a symbolic link is not followed out of it",
        )
    read = read_file_text(path)
    if isinstance(read, Document):
        return _unreadable(path, load_document(path, name), result)
    text = read
    try:
        tree = parse(text, max_depth=DEFAULT_LIMITS.max_depth)
    except TreeError:
        return _unreadable(path, load_text(text, name, path), result)
    kind = kind_of_path(path)
    formatted = _canonical(tree, kind, text)
    original = _with_mark(text, path)
    if formatted == original:
        return FileResult(path, name, Outcome.UNCHANGED, original, formatted)
    # The text changes: now read it as validate does (a file past a limit, or with an
    # error, is reported as validate reports it, and never written).
    doc = load_text(text, name, path)
    result.documents.append(doc)
    if any(d.severity is Severity.ERROR for d in doc.diagnostics) or not doc.ok:
        return _unreadable(path, doc, result)
    if not result.written:
        # Nothing is written: the layout differs, which is what --check and --diff say.
        # The checks a write must pass run when fmt writes (and a refusal says why).
        return FileResult(path, name, Outcome.CHANGED, original, formatted)
    check = _checker(of_tree(parse(text), doc.data, anchored=is_suppression))
    try:
        # The target, not the link: replacing a link would turn it into a copy.
        write_atomically(target, formatted, check=check, previous=original)
    except (VerifyError, WriteRefused) as exc:
        reason = exc.reason if isinstance(exc, WriteRefused) else str(exc)
        return FileResult(path, name, Outcome.FAILED, error=f"not formatted: {reason}")
    except OSError as exc:
        return FileResult(
            path, name, Outcome.FAILED, error=f"cannot be written: {exc.strerror or exc}"
        )
    return FileResult(path, name, Outcome.CHANGED, original, formatted)


def _unreadable(path: Path, doc: Document, result: FormatResult) -> FileResult:
    """Return the outcome of a file that does not read as one YAML document."""
    if doc not in result.documents:
        result.documents.append(doc)
    errors = tuple(d for d in doc.diagnostics if d.severity is Severity.ERROR)
    return FileResult(path, doc.name, Outcome.FAILED, error="cannot be read", diagnostics=errors)


def _with_mark(text: str, path: Path) -> str:
    """Return the file's text as it is on disk: with its byte order mark, if it has one."""
    try:
        with open(path, "rb") as stream:
            marked = stream.read(3) == b"\xef\xbb\xbf"
    except OSError:
        marked = False
    return "\ufeff" + text if marked else text


def _load_text(text: str, name: str) -> Document:
    """Read ``text`` as the loader reads a file; raise :class:`FormatError` if it does not parse."""
    doc = load_text(text, name)
    errors = tuple(d for d in doc.diagnostics if d.severity is Severity.ERROR)
    if errors or not doc.ok:
        first = errors[0] if errors else None
        message = f"{first.location}: {first.message}" if first else "not one YAML document"
        raise FormatError(message, errors)
    return doc


def _layout(doc: Document, kind: str) -> tuple[str, Readings]:
    """Return the canonical text of a document that loaded without error, and its readings.

    The readings of the text as it was are taken before the layout rearranges
    its tree; the checks compare the formatted text with them.
    """
    assert doc.text is not None
    try:
        tree = parse(doc.text)
    except TreeError as exc:
        raise FormatError(str(exc)) from None
    before = of_tree(tree, doc.data, anchored=is_suppression)
    return _canonical(tree, kind, doc.text), before


def _canonical(tree: Tree, kind: str, text: str) -> str:
    """Return the canonical layout of a parsed text (rearranging its tree on the way)."""
    formatted = canonical_text(
        tree,
        load_schema(kind),
        SPACED_LISTS[kind],
        anchored=is_suppression,
        keeps_plain=_suppresses_y003,
    )
    if dominant_break(text) == "\r\n":
        formatted = LINE_BREAK.sub("\r\n", formatted)
    return formatted


def _suppresses_y003(comment: str) -> bool:
    """Whether a comment keeps the warning about a plain value YAML 1.1 reads otherwise."""
    return yaml11_reading.CODE in suppressed_codes(comment)


def _checker(before: Readings) -> Callable[[str], None]:
    """Return the check a formatted text must pass: same data, comments and suppressions."""

    def check(formatted: str) -> None:
        check_rewrite(before, formatted, anchored=is_suppression)

    return check
