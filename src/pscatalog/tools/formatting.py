"""The formatter: one canonical layout for catalog files, comments kept.

Canonical means: keys in the order of the schema's ``properties`` (unknown
keys last, in their order); block style everywhere; two-space mapping indent,
sequences indented under their key (``  - ``); scalars plain where YAML 1.2
and YAML 1.1 read them alike, double-quoted otherwise; no wrapping; exactly
one blank line between the items of the top-level list (levels, offerings)
and none elsewhere; end-of-line comments two spaces after the value.

A comment belongs to the key or item it is written on or above, and moves
with it when keys are reordered. Comments above the first key stay first (the
``# yaml-language-server`` modeline among them). Literal and folded block
scalars keep their lines. Values never change: the formatted text is read
back with :mod:`pscatalog.yamltext.loader` and compared with the original before
anything is written, and so are the comments.

The file is parsed with ruamel.yaml's libyaml-backed parser (the loader's);
comments are found by position, outside every scalar, and the text is written
here rather than by ruamel's emitter: its round-trip model hangs a comment on
the value *before* it and writes it back at its old column, which is neither
"moves with its key" nor "two spaces after the value".
"""

from __future__ import annotations

import bisect
import difflib
import enum
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pscatalog.catalog.model import LEVELS_FILE_NAMES, YAML_SUFFIXES, catalog_files, display_name
from pscatalog.catalog.schemas import CATEGORY, LEVELS, load_schema
from pscatalog.diagnostics import Diagnostic, Severity
from pscatalog.errors import PscatalogError, UsageError
from pscatalog.files.writer import write_atomically

# The loader's own resolution rules, so that the formatter and the validator
# never disagree on what a plain scalar means.
from pscatalog.yamltext.loader import (
    Document,
    load_document,
    load_text,
    resolve_plain,
    yaml11_reading,
)

SPACED_LISTS = {LEVELS: "levels", CATEGORY: "offerings"}
"""The top-level list of each kind of file, whose items are one blank line apart."""

_CORE = "tag:yaml.org,2002:"
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_LINE_BREAKS = re.compile("\r\n|[\r\n\x85\u2028\u2029]")  # libyaml counts all of these
# Strings that some YAML 1.1 readers (go-yaml v2, behind Hugo) take for something
# else, and that the loader's list of readings leaves out.
_YAML11_WORDS = frozenset({"y", "Y", "n", "N", "=", "<<"})
_ESCAPES = {
    "\0": "0",
    "\x07": "a",
    "\b": "b",
    "\t": "t",
    "\n": "n",
    "\x0b": "v",
    "\f": "f",
    "\r": "r",
    "\x1b": "e",
    '"': '"',
    "\\": "\\",
    "\x85": "N",
    "\u2028": "L",
    "\u2029": "P",
}
# Non-string scalars written in a form that YAML 1.1 readers read alike are kept as
# written; any other form is rewritten (``012`` → ``12``, ``1e3`` → ``1000.0``).
_INT_ALIKE = re.compile(r"[-+]?(?:0|[1-9][0-9]*)|0x[0-9a-fA-F]+")
_FLOAT_ALIKE = re.compile(
    r"[-+]?[0-9]+\.[0-9]*(?:[eE][-+][0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
)
_BLOCK_HEADER = re.compile(r"(?:(?:![^ \t]*|&[^ \t]+)[ \t]+)*([|>][-+0-9]*)")
_WHOLE_LINE = 1 << 30

Position = tuple[int, int]
"""A 0-based line and column, as libyaml marks them."""


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
    return _format_document(doc, kind)


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
            lines = difflib.unified_diff(
                file.original.splitlines(keepends=True),
                file.formatted.splitlines(keepends=True),
                fromfile=file.name,
                tofile=file.name,
            )
            for line in lines:
                chunks.append(
                    line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
                )
        return "".join(chunks)


def format_paths(
    paths: Iterable[Path | str], *, check: bool = False, diff: bool = False
) -> FormatResult:
    """Format the catalog files at ``paths``: catalog folders, or files in them.

    Without paths, the catalog found from the current folder is formatted.
    With ``check`` or ``diff``, nothing is written. A file that does not
    parse is left byte for byte and its loader errors are returned; so is a
    file reached through a symbolic link that leads out of the catalog's
    repository (the git top folder, else the catalog folder). Writes are
    atomic. Raises :class:`pscatalog.errors.UsageError` for a path that does
    not exist or a named file that is not YAML.
    """
    result = FormatResult(written=not (check or diff), diff=diff)
    for path, root in _files(paths):
        result.files.append(_format_file(path, root, result))
    return result


def report_format(result: FormatResult) -> str:
    """Return what ``fmt`` prints on standard output: the diff, or the files changed."""
    if result.diff:
        return result.unified_diff()
    verb = "reformatted" if result.written else "would reformat"
    lines = [f"{verb} {file.name}\n" for file in result.changed]
    return "".join(lines) + _summary(result) + "\n"


def report_problems(result: FormatResult) -> str:
    """Return what ``fmt`` prints on standard error: why files were left as they were.

    Files that do not parse are reported as ``validate`` reports them; other
    refusals get one line each. In ``diff`` mode the summary comes here too.
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
    if result.diff:
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
    from pscatalog.catalog.model import Catalog
    from pscatalog.checks.checker import ValidationResult
    from pscatalog.outputs.reporters.text import report_full

    diagnostics = sorted(
        (diagnostic for file in files for diagnostic in file.diagnostics),
        key=lambda diagnostic: diagnostic.sort_key,
    )
    catalog = Catalog(Path(), None, list(result.documents))
    validation = ValidationResult(diagnostics, [catalog], [file.name for file in files])
    return report_full(validation)


def _files(paths: Iterable[Path | str]) -> list[tuple[Path, Path]]:
    """Return each YAML file to format, with the repository folder it must stay in."""
    from pscatalog.catalog.discovery import find_catalog

    named = [Path(path) for path in paths] or [find_catalog()]
    found: list[tuple[Path, Path]] = []
    seen: set[Path] = set()
    for path in named:
        if not path.exists() and not path.is_symlink():
            raise UsageError(f"no such file or folder: {path}")
        if path.is_dir():
            files = catalog_files(path)
            root = _repository(path.absolute())
        elif path.suffix in YAML_SUFFIXES:
            files = [path]
            root = _repository(path.absolute().parent)
        else:
            raise UsageError(f"not a catalog file (.yaml or .yml): {path}")
        for file in files:
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                found.append((file, root))
    return found


def _repository(folder: Path) -> Path:
    """Return the git top folder above ``folder``, else ``folder`` itself."""
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return folder


def _format_file(path: Path, root: Path, result: FormatResult) -> FileResult:
    name = display_name(path)
    target = path.resolve()
    if not target.is_relative_to(root.resolve()):
        return FileResult(
            path,
            name,
            Outcome.FAILED,
            error=f"leads to {target}, outside the repository {root}: "
            "a symbolic link is not followed out of it",
        )
    doc = load_document(path, name)
    result.documents.append(doc)
    errors = tuple(d for d in doc.diagnostics if d.severity is Severity.ERROR)
    if errors or not doc.ok or doc.text is None:
        return FileResult(path, name, Outcome.FAILED, error="cannot be read", diagnostics=errors)
    try:
        original = path.read_bytes().decode("utf-8")
        formatted = _format_document(doc, kind_of_path(path))
    except (OSError, UnicodeDecodeError, FormatError) as exc:
        return FileResult(path, name, Outcome.FAILED, error=f"not formatted: {exc}")
    if formatted == original:
        return FileResult(path, name, Outcome.UNCHANGED, original, formatted)
    if result.written:
        try:
            # The target, not the link: replacing a link would turn it into a copy.
            write_atomically(target, formatted)
        except OSError as exc:
            return FileResult(path, name, Outcome.FAILED, error=f"cannot be written: {exc}")
    return FileResult(path, name, Outcome.CHANGED, original, formatted)


def _load_text(text: str, name: str) -> Document:
    """Read ``text`` as the loader reads a file; raise :class:`FormatError` if it does not parse."""
    doc = load_text(text, name)
    errors = tuple(d for d in doc.diagnostics if d.severity is Severity.ERROR)
    if errors or not doc.ok:
        first = errors[0] if errors else None
        message = f"{first.location}: {first.message}" if first else "not one YAML document"
        raise FormatError(message, errors)
    return doc


def _format_document(doc: Document, kind: str) -> str:
    """Format a document that loaded without error, and check that nothing was lost."""
    assert doc.text is not None
    source = _Source(doc.text)
    formatted = _Emitter(source, load_schema(kind), SPACED_LISTS[kind]).document()
    try:
        after = _load_text(formatted, doc.name)
    except FormatError as exc:
        raise FormatError(
            f"the formatted text would not parse ({exc}); please report this"
        ) from None
    if _fingerprint(after.data) != _fingerprint(doc.data):
        raise FormatError("the formatted text would read differently; please report this")
    if sorted(_Source(formatted).comment_texts()) != sorted(source.comment_texts()):
        raise FormatError("the formatted text would lose a comment; please report this")
    return formatted


def _fingerprint(data: Any) -> str:
    """Return a text that two loaded values share exactly when they are equal, types included."""
    return json.dumps(data, sort_keys=True, allow_nan=True)


# -- the document as read: nodes with positions, and comments


@dataclass(eq=False, slots=True)
class _Scalar:
    start: Position
    end: Position
    text: str
    style: str
    tag: str | None
    anchor: str | None
    parent: int = -1
    """The column libyaml measures a block scalar's indentation indicator from."""


@dataclass(eq=False, slots=True)
class _Alias:
    start: Position
    end: Position
    name: str


@dataclass(eq=False, slots=True)
class _Collection:
    start: Position
    end: Position
    anchor: str | None
    is_map: bool
    flow: bool
    entries: list[_Entry] = field(default_factory=list)


_Node = _Scalar | _Alias | _Collection


@dataclass(eq=False, slots=True)
class _Entry:
    """A key and its value in a mapping, or an item of a sequence, with its comments."""

    key: _Node | None
    value: _Node
    position: Position = (0, 0)
    before: list[str] = field(default_factory=list)
    eol: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _Comment:
    line: int
    column: int
    text: str
    own_line: bool


class _Source:
    """A parsed text: its lines, its node tree and its comments, each where it stands."""

    def __init__(self, text: str) -> None:
        self.lines = _LINE_BREAKS.split(text)
        self.directives: list[str] = []
        self.root = self._parse(text)
        self.comments = self._find_comments()
        self._comment_columns = {comment.line: comment.column for comment in self.comments}

    def comment_texts(self) -> list[str]:
        """Every comment of the text."""
        return [comment.text for comment in self.comments]

    # -- parsing

    def _parse(self, text: str) -> _Node:
        from _ruamel_yaml import CParser  # the C extension, as the loader uses it
        from ruamel.yaml import events

        parser = CParser(text)
        stack: list[tuple[_Collection, list[_Node]]] = []
        root: _Node | None = None
        while True:
            event = parser.get_event()
            kind = type(event)
            node: _Node | None = None
            if kind is events.ScalarEvent:
                node = _Scalar(
                    _pos(event.start_mark),
                    _pos(event.end_mark),
                    event.value,
                    event.style or "",
                    event.tag,
                    event.anchor,
                )
            elif kind is events.AliasEvent:
                node = _Alias(_pos(event.start_mark), _pos(event.end_mark), event.anchor)
            elif kind in (events.MappingStartEvent, events.SequenceStartEvent):
                collection = _Collection(
                    _pos(event.start_mark),
                    _pos(event.end_mark),
                    event.anchor,
                    kind is events.MappingStartEvent,
                    bool(event.flow_style),
                )
                stack.append((collection, []))
                continue
            elif kind in (events.MappingEndEvent, events.SequenceEndEvent):
                collection, children = stack.pop()
                collection.end = _pos(event.end_mark)
                if collection.is_map:
                    pairs = zip(children[::2], children[1::2], strict=True)
                    collection.entries = [_Entry(key, value) for key, value in pairs]
                else:
                    collection.entries = [_Entry(None, value) for value in children]
                node = collection
            elif kind is events.DocumentStartEvent:
                if event.version is not None or event.tags:
                    self.directives = self._directive_lines()
                continue
            elif kind is events.StreamEndEvent or event is None:
                break
            else:
                continue
            if stack:
                stack[-1][1].append(node)
            elif root is None:
                root = node
        assert root is not None  # the loader found one document
        return root

    def _directive_lines(self) -> list[str]:
        lines = []
        for line in self.lines:
            stripped = line.strip()
            if stripped.startswith("---"):
                break
            if stripped.startswith("%"):
                lines.append(stripped.split(" #")[0].rstrip())
        return lines

    # -- comments

    def _find_comments(self) -> list[_Comment]:
        occupied: dict[int, list[tuple[int, int]]] = {}
        for node in _walk(self.root):
            if isinstance(node, _Scalar):
                self._occupy(occupied, node)
        comments = []
        for number, line in enumerate(self.lines):
            spans = occupied.get(number, ())
            start = line.find("#")
            while start >= 0:
                free = start == 0 or line[start - 1] in " \t"
                if free and not any(low <= start < high for low, high in spans):
                    text = line[start:].rstrip()
                    comments.append(_Comment(number, start, text, not line[:start].strip()))
                    break
                start = line.find("#", start + 1)
        return comments

    def _occupy(self, occupied: dict[int, list[tuple[int, int]]], node: _Scalar) -> None:
        (first, column), (last, end) = node.start, node.end
        if node.style in ("|", ">"):
            header = _BLOCK_HEADER.match(self.lines[first], column)
            occupied.setdefault(first, []).append((column, header.end() if header else column + 1))
            for number in range(first + 1, last + 1 if end else last):
                occupied.setdefault(number, []).append((0, _WHOLE_LINE))
            return
        if first == last:
            occupied.setdefault(first, []).append((column, end))
            return
        occupied.setdefault(first, []).append((column, _WHOLE_LINE))
        for number in range(first + 1, last):
            occupied.setdefault(number, []).append((0, _WHOLE_LINE))
        occupied.setdefault(last, []).append((0, end))

    def dash(self, value: _Node) -> Position:
        """Return where the ``-`` of a block sequence item stands, found from its value."""
        line, column = value.start
        before = self.lines[line][:column].rstrip(" \t")
        if before:
            return (line, len(before) - 1) if _ends_with_dash(before) else value.start
        comment_columns = self._comment_columns
        for number in range(line - 1, -1, -1):
            text = self.lines[number][: comment_columns.get(number, _WHOLE_LINE)].rstrip(" \t")
            if text:
                return (number, len(text) - 1) if _ends_with_dash(text) else value.start
        return value.start


def _ends_with_dash(text: str) -> bool:
    return text.endswith("-") and (len(text) == 1 or text[-2] in " \t")


def _pos(mark: Any) -> Position:
    return (mark.line, mark.column)


def _walk(node: _Node) -> Iterable[_Node]:
    """Yield every node, parents before children, keys before values."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        if isinstance(current, _Collection):
            for entry in reversed(current.entries):
                stack.append(entry.value)
                if entry.key is not None:
                    stack.append(entry.key)


# -- scalars


def _resolve(node: _Scalar) -> Any:
    """Return the value the loader reads from a scalar (its rules, tag by tag)."""
    tag = node.tag
    if tag is None or tag == "!":
        if tag is None and node.style == "":
            return resolve_plain(node.text)
        return node.text
    short = tag[len(_CORE) :] if tag.startswith(_CORE) else None
    if short in ("int", "float", "bool", "null"):
        value = resolve_plain(node.text)
        return float(value) if short == "float" else value
    return node.text


def _plain_ok(text: str, *, key: bool = False) -> bool:
    """Whether a string can be written plain and read alike by YAML 1.2 and 1.1."""
    if key and text == "<<":
        return True  # a merge key is only one when plain
    if not text or text[0] in _INDICATORS or text[0] == " " or text[-1] in " :":
        return False
    if ": " in text or " #" in text or text.startswith("...") or text in _YAML11_WORDS:
        return False
    if not all(_plain_character(character) for character in text):
        return False
    return isinstance(resolve_plain(text), str) and yaml11_reading(text) is None


def _plain_character(character: str) -> bool:
    code = ord(character)
    return (
        0x20 <= code <= 0x7E
        or 0xA0 <= code <= 0xD7FF
        or (0xE000 <= code <= 0xFFFD and code != 0xFEFF)
        or code >= 0x10000
    )


def _double_quoted(text: str) -> str:
    parts = ['"']
    for character in text:
        escape = _ESCAPES.get(character)
        if escape is not None:
            parts.append("\\" + escape)
        elif _plain_character(character):
            parts.append(character)
        else:
            code = ord(character)
            width = 2 if code <= 0xFF else 4 if code <= 0xFFFF else 8
            letter = {2: "x", 4: "u", 8: "U"}[width]
            parts.append(f"\\{letter}{code:0{width}X}")
    parts.append('"')
    return "".join(parts)


def _scalar_text(node: _Scalar, *, key: bool = False) -> str:
    """Return a (non-block) scalar as the canonical layout writes it."""
    value = _resolve(node)
    if isinstance(value, str):
        return value if _plain_ok(value, key=key) else _double_quoted(value)
    if node.tag is None and node.style == "" and _reads_alike(node.text, value):
        return node.text
    return _canonical(value)


def _reads_alike(text: str, value: Any) -> bool:
    """Whether YAML 1.1 readers read a plain non-string scalar as YAML 1.2 does."""
    if value is None or isinstance(value, bool):
        return True  # the core schema's spellings of these mean the same in 1.1
    if isinstance(value, int):
        return _INT_ALIKE.fullmatch(text) is not None
    return _FLOAT_ALIKE.fullmatch(text) is not None


def _canonical(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if value != value:
        return ".nan"
    if value in (float("inf"), float("-inf")):
        return ".inf" if value > 0 else "-.inf"
    text = repr(value)
    mantissa, separator, exponent = text.partition("e")
    if "." not in mantissa:
        mantissa += ".0"
    return mantissa + separator + exponent


# -- writing


class _Emitter:
    """Writes a parsed document in the canonical layout."""

    def __init__(self, source: _Source, schema: dict[str, Any], spaced_key: str) -> None:
        self.source = source
        self.schema = schema
        self.spaced_key = spaced_key
        self.out: list[str] = []
        self.keep_open = False
        """The last line written belongs to a ``|+``/``>+`` scalar: a blank line would join it."""
        self.header: list[str] = []
        self.trailing: list[str] = []

    def document(self) -> str:
        root = self.source.root
        self._position(root)
        self._attach(root)
        self._arrange(root, self.schema)
        self._anchors_first(root)
        self.out.extend(self.header)
        if self.source.directives:
            self.out.extend([*self.source.directives, "---"])
        if isinstance(root, _Collection) and root.entries:
            self._entries(root, 0, self.schema, root=True)
        elif isinstance(root, _Scalar) and root.style in ("|", ">"):
            self._block_scalar("", root, "", old_parent=-1, new_parent=-1)
        else:
            self._line(self._inline(root), "")
        self.out.extend(self.trailing)
        return "\n".join(self.out) + "\n"

    # -- comments: where each belongs

    def _position(self, root: _Node) -> None:
        for node in _walk(root):
            if not isinstance(node, _Collection):
                continue
            for entry in node.entries:
                if entry.key is not None:
                    entry.position = entry.key.start
                elif node.flow:
                    entry.position = entry.value.start
                else:
                    entry.position = self.source.dash(entry.value)
                if isinstance(entry.value, _Scalar):
                    entry.value.parent = entry.position[1]

    def _attach(self, root: _Node) -> None:
        entries = [
            entry for node in _walk(root) if isinstance(node, _Collection) for entry in node.entries
        ]
        # Parents come before their children; a stable sort keeps that order among
        # entries that start at the same place (an item and its first key).
        entries.sort(key=lambda entry: entry.position)
        positions = [entry.position for entry in entries]
        first = positions[0] if positions else None
        by_line: dict[int, list[_Entry]] = {}
        ends: dict[int, list[_Entry]] = {}
        for entry in entries:
            by_line.setdefault(entry.position[0], []).append(entry)
            if _ends_in_place(entry.value):
                ends.setdefault(entry.value.end[0], []).append(entry)
        for comment in self.source.comments:
            place = (comment.line, comment.column)
            if comment.own_line:
                if first is None or place < first:
                    self.header.append(comment.text)
                    continue
                index = bisect.bisect_right(positions, place)
                if index < len(entries):
                    entries[index].before.append(comment.text)
                else:
                    self.trailing.append(comment.text)
                continue
            owner = _eol_owner(by_line.get(comment.line, []), ends.get(comment.line, []), place)
            if owner is not None:
                owner.eol.append(comment.text)
                continue
            index = bisect.bisect_left(positions, place)
            if index == 0:
                self.header.append(comment.text)
            else:
                entries[index - 1].eol.append(comment.text)

    def _arrange(self, node: _Node, schema: dict[str, Any] | None) -> None:
        """Order keys as the schema does; gather the comments of each output line."""
        if not isinstance(node, _Collection):
            return
        if node.is_map:
            order = list(_properties(schema, self.schema))
            rank = {name: index for index, name in enumerate(order)}

            def sort_key(item: tuple[int, _Entry]) -> tuple[int, int]:
                index, entry = item
                name = _key_name(entry)
                return (rank.get(name, len(order)) if name is not None else len(order), index)

            node.entries = [entry for _, entry in sorted(enumerate(node.entries), key=sort_key)]
        for entry in node.entries:
            child = _child_schema(schema, self.schema, entry)
            self._arrange(entry.value, child)
            if entry.key is None and _inline_collection(entry.value):
                # The first key of a mapping in a list is written on the item's line:
                # its comments are the item's.
                assert isinstance(entry.value, _Collection)
                first = entry.value.entries[0]
                entry.before += first.before
                entry.eol += first.eol
                first.before, first.eol = [], []
            if len(entry.eol) > 1:
                # One comment fits at the end of a line; the others go just above it.
                entry.before += entry.eol[1:]
                del entry.eol[1:]

    def _anchors_first(self, root: _Node) -> None:
        """Swap an anchored value with its first alias when reordering put the alias first.

        Both stand for the same value, so the data is unchanged; an anchor name
        defined twice is left alone (the check after formatting then refuses).
        """
        holders: dict[str, list[_Entry]] = {}
        for node in _walk(root):
            if isinstance(node, _Collection):
                for entry in node.entries:
                    anchor = getattr(entry.value, "anchor", None)
                    if anchor is not None:
                        holders.setdefault(anchor, []).append(entry)
        if not holders:
            return
        self._visit_anchors(root, holders, set())

    def _visit_anchors(self, node: _Node, holders: dict[str, list[_Entry]], seen: set[str]) -> None:
        """Walk in the order of the output, swapping where an alias comes first."""
        anchor = getattr(node, "anchor", None)
        if anchor is not None:
            seen.add(anchor)
        if not isinstance(node, _Collection):
            return
        for entry in node.entries:
            if entry.key is not None:
                self._visit_anchors(entry.key, holders, seen)
            value = entry.value
            if isinstance(value, _Alias) and value.name not in seen:
                defined = holders.get(value.name, [])
                if len(defined) == 1:
                    holder = defined[0]
                    entry.value, holder.value = holder.value, value
            self._visit_anchors(entry.value, holders, seen)

    # -- layout

    def _entries(
        self,
        node: _Collection,
        indent: int,
        schema: dict[str, Any] | None,
        *,
        spaced: bool = False,
        root: bool = False,
        first_head: str | None = None,
        first_eol: str = "",
    ) -> None:
        """Write the entries of a block mapping (keys at ``indent``) or sequence (dashes there)."""
        for index, entry in enumerate(node.entries):
            inline = index == 0 and first_head is not None
            if spaced and index > 0 and not self.keep_open:
                self.out.append("")
            if not inline:
                self.out.extend(" " * indent + text for text in entry.before)
            lead = first_head if inline and first_head is not None else " " * indent
            eol = first_eol if inline else (entry.eol[0] if entry.eol else "")
            child = _child_schema(schema, self.schema, entry)
            head = lead + ("-" if entry.key is None else self._key(entry.key) + ":")
            spaced_child = root and node.is_map and _key_name(entry) == self.spaced_key
            self._value(head, entry, eol, indent, child, spaced=spaced_child)

    def _value(
        self,
        head: str,
        entry: _Entry,
        eol: str,
        indent: int,
        schema: dict[str, Any] | None,
        *,
        spaced: bool,
    ) -> None:
        """Write ``head`` (``key:`` or ``-``, at ``indent``) and the entry's value after it."""
        node = entry.value
        if isinstance(node, _Scalar) and node.style in ("|", ">"):
            self._block_scalar(head + " ", node, eol, old_parent=node.parent, new_parent=indent)
            return
        if isinstance(node, _Collection) and node.entries:
            if entry.key is None and _inline_collection(node):
                self._entries(node, indent + 2, schema, first_head=head + " ", first_eol=eol)
                return
            anchor = f" &{node.anchor}" if node.anchor else ""
            self._line(head + anchor, eol)
            self._entries(node, indent + 2, schema, spaced=spaced and not node.is_map)
            return
        text = self._inline(node)
        self._line(f"{head} {text}" if text else head, eol)

    def _line(self, text: str, eol: str) -> None:
        self.out.append(f"{text}  {eol}" if eol else text)
        self.keep_open = False

    def _key(self, node: _Node) -> str:
        if isinstance(node, _Alias):
            return f"*{node.name} "
        if isinstance(node, _Scalar):
            anchor = f"&{node.anchor} " if node.anchor else ""
            return anchor + _scalar_text(node, key=True)
        raise FormatError("a mapping key must be a plain string")  # pragma: no cover

    def _inline(self, node: _Node) -> str:
        """Return a value written on the line of its key: a scalar, an alias, ``{}`` or ``[]``."""
        if isinstance(node, _Alias):
            return f"*{node.name}"
        anchor = f"&{node.anchor}" if node.anchor else ""
        if isinstance(node, _Collection):
            body = "{}" if node.is_map else "[]"
        else:
            body = _scalar_text(node)
        return f"{anchor} {body}" if anchor and body else anchor or body

    def _block_scalar(
        self, head: str, node: _Scalar, eol: str, *, old_parent: int, new_parent: int
    ) -> None:
        """Write a literal or folded scalar with its own lines, two spaces in from its parent.

        ``old_parent`` and ``new_parent`` are the columns libyaml measures an
        indentation indicator from (the key's, or the item's dash; -1 at the root).
        """
        lines = self.source.lines
        first, column = node.start
        last, end = node.end
        match = _BLOCK_HEADER.match(lines[first], column)
        indicator = match.group(1) if match else node.style
        body = lines[first + 1 : last + 1 if end else last]
        digits = [character for character in indicator if character.isdigit()]
        if digits:
            old_indent = max(old_parent, 0) + int(digits[0])
        else:
            old_indent = next(
                (len(line) - len(line.lstrip(" ")) for line in body if line.strip(" ")), 0
            )
        # Lines of spaces no longer than the indentation are empty lines of the value;
        # everything else keeps what lies right of the indentation.
        relative = [
            "" if len(line) <= old_indent and not line.strip(" ") else line[old_indent:]
            for line in body
        ]
        chomping = "+" if "+" in indicator else "-" if "-" in indicator else ""
        if chomping != "+":
            while relative and not relative[-1]:
                relative.pop()
        first_text = next((line for line in relative if line), "")
        needs_indicator = first_text.startswith(" ")
        header = node.style + ("2" if needs_indicator else "") + chomping
        anchor = f"&{node.anchor} " if node.anchor else ""
        self._line(f"{head}{anchor}{header}", eol)
        indent = " " * (max(new_parent, 0) + 2)
        self.out.extend(indent + line if line else "" for line in relative)
        self.keep_open = chomping == "+"


def _eol_owner(starting: list[_Entry], ending: list[_Entry], place: Position) -> _Entry | None:
    """Return the entry an end-of-line comment at ``place`` follows.

    That is the entry whose value ends last on the line before the comment (the
    outermost on a tie: ``stages: [a, b]  # c`` is about ``stages``); else, on a
    ``key:`` line whose value starts below, the innermost entry that starts on it.
    """
    column = place[1]
    ended = [entry for entry in ending if entry.value.end[1] <= column]
    if ended:
        last = max(entry.value.end[1] for entry in ended)
        return next(entry for entry in ended if entry.value.end[1] == last)
    started = [entry for entry in starting if entry.position < place]
    return started[-1] if started else None


def _ends_in_place(node: _Node) -> bool:
    """Whether a node's end mark is where its text ends (block nodes end at the next token)."""
    if isinstance(node, _Collection):
        return node.flow
    return not (isinstance(node, _Scalar) and node.style in ("|", ">"))


def _inline_collection(node: _Node) -> bool:
    """Whether a collection that is a list item starts on the item's line (``- key: …``)."""
    return isinstance(node, _Collection) and bool(node.entries) and node.anchor is None


def _key_name(entry: _Entry) -> str | None:
    key = entry.key
    if isinstance(key, _Scalar):
        value = _resolve(key)
        return value if isinstance(value, str) else None
    return None


def _resolved(schema: dict[str, Any] | None, root: dict[str, Any]) -> dict[str, Any] | None:
    """Follow local ``$ref``s to the schema that says what a value holds."""
    seen = 0
    while schema is not None and "$ref" in schema and seen < 32:
        if "properties" in schema or "items" in schema:
            return schema
        reference = schema["$ref"]
        if not isinstance(reference, str) or not reference.startswith("#/"):
            return None
        target: Any = root
        for part in reference[2:].split("/"):
            target = target.get(part) if isinstance(target, dict) else None
        schema = target if isinstance(target, dict) else None
        seen += 1
    return schema


def _properties(schema: dict[str, Any] | None, root: dict[str, Any]) -> dict[str, Any]:
    resolved = _resolved(schema, root)
    properties = resolved.get("properties") if resolved else None
    return properties if isinstance(properties, dict) else {}


def _child_schema(
    schema: dict[str, Any] | None, root: dict[str, Any], entry: _Entry
) -> dict[str, Any] | None:
    resolved = _resolved(schema, root)
    if resolved is None:
        return None
    if entry.key is None:
        items = resolved.get("items")
        return items if isinstance(items, dict) else None
    name = _key_name(entry)
    child = _properties(resolved, root).get(name) if name is not None else None
    return child if isinstance(child, dict) else None
