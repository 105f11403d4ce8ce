"""Validation: every file against its schema, then the framework's rules.

:func:`validate` is what ``pscatalog validate`` runs. It reads each catalog
once, checks every readable file against the schema of its kind, runs every
rule over the whole catalog, and returns the diagnostics sorted by place.
Where a rule and the schema report the same fault, the rule's diagnostic is
kept (one fault, one diagnostic).
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from pscatalog.catalog.discovery import Target, resolve_targets, unread_entries
from pscatalog.catalog.model import (
    LEVELS_FILE_NAMES,
    Catalog,
    DocumentCache,
    display_name,
    load_catalog,
)
from pscatalog.checks import config as config_module
from pscatalog.checks.config import Config
from pscatalog.checks.schema import SchemaFinding, check_document
from pscatalog.checks.suppressions import apply_suppressions
from pscatalog.diagnostics import Diagnostic, Related, Severity
from pscatalog.files.sources import DISK, Files
from pscatalog.rules import file_not_read, level_without_category, unknown_level, yaml11_reading
from pscatalog.rules._unique import ALREADY_USED
from pscatalog.rules.base import FixContext, Rule
from pscatalog.rules.registry import CODES, FIXABLE, RULES, STRUCTURAL
from pscatalog.yamltext.loader import Limits
from pscatalog.yamltext.tree import TreeError


@dataclass
class ValidationResult:
    """The outcome of validating one or more catalogs."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    """Every finding, sorted by file, line and column."""
    catalogs: list[Catalog] = field(default_factory=list)
    """The catalogs read, with their documents."""
    files: list[str] = field(default_factory=list)
    """The files checked, as reports name them: every file of the catalogs, or
    the files named."""
    timings: dict[str, float] = field(default_factory=dict)
    """Seconds spent in each stage: ``load``, ``schema``, ``rules``, ``match`` (schema
    findings a rule reports), ``filter`` (suppressions, configuration), ``sort``; the
    command line adds its own (``config``, ``baseline``, ``report``). The stages tile the
    run: they add up to its wall time (see :class:`Stopwatch`)."""

    deleted: list[str] = field(default_factory=list)
    """Catalog files a change deleted, as reports name them (see :func:`validate`)."""
    baselined: int = 0
    """How many findings a baseline left out (see
    :func:`pscatalog.checks.baseline.apply_baseline`)."""
    moved: dict[Diagnostic, Diagnostic] = field(default_factory=dict)
    """Findings a run that names files placed in a named file (see :func:`validate`),
    each mapped to the finding as a run over the whole catalog reports it: reports and
    baselines identify a finding by the latter, wherever it is shown."""

    def canonical(self, diagnostic: Diagnostic) -> Diagnostic:
        """Return ``diagnostic`` as a run over the whole catalog reports it."""
        return self.moved.get(diagnostic, diagnostic)

    def fix_kinds(self) -> list[str | None]:
        """Return, for each diagnostic, the fix ``validate --fix`` would apply to it.

        ``"safe"`` (``--fix``), ``"unsafe"`` (``--fix --unsafe-fixes``), or
        ``None`` where no fix applies: the code has none, or its fix cannot
        change this place (a value shared through an anchor, say).
        """
        documents = {
            doc.name: (doc, catalog) for catalog in self.catalogs for doc in catalog.documents
        }
        contexts: dict[str, FixContext] = {}
        kinds: list[str | None] = []
        for diagnostic in self.diagnostics:
            fixer = FIXABLE.get(diagnostic.code)
            found = documents.get(diagnostic.location.file)
            if fixer is None or found is None or found[0].text is None or not found[0].ok:
                kinds.append(None)
                continue
            doc, catalog = found
            context = contexts.setdefault(doc.name, FixContext(doc, catalog.files))
            try:
                edits = fixer.fix(context, diagnostic)
            except TreeError:
                edits = []
            changes = any(context.text[edit.start : edit.end] != edit.replacement for edit in edits)
            kinds.append(fixer.FIX if changes else None)
        return kinds

    @property
    def files_checked(self) -> int:
        """How many files were checked.

        Those of :attr:`files`, the files a change deleted, and the other files of
        the catalogs the findings are in (what a change to the named files causes
        there).
        """
        documents = {doc.name for catalog in self.catalogs for doc in catalog.documents}
        shown = {d.location.file for d in self.diagnostics if d.location.file in documents}
        return len(shown.union(self.files, self.deleted))

    def count(self, severity: Severity) -> int:
        """Return how many diagnostics have ``severity``."""
        return sum(1 for diagnostic in self.diagnostics if diagnostic.severity is severity)

    @property
    def errors(self) -> int:
        """The number of error diagnostics."""
        return self.count(Severity.ERROR)

    @property
    def warnings(self) -> int:
        """The number of warning diagnostics."""
        return self.count(Severity.WARNING)

    @property
    def readable(self) -> bool:
        """Whether every file reads as the schema defines it (no YAML or schema error).

        ``render`` and ``export`` need this; rule findings do not stop them.
        """
        return not any(
            diagnostic.severity is Severity.ERROR and diagnostic.code in STRUCTURAL
            for diagnostic in self.diagnostics
        )

    @property
    def exit_code(self) -> int:
        """0 when there is no error, 1 when there is one."""
        return 1 if self.errors else 0


def validate(
    paths: Iterable[Path | str] = (),
    *,
    config: Config | None = None,
    rules: Mapping[str, Rule] = RULES,
    limits: Limits | None = None,
    files: Files = DISK,
    cache: DocumentCache | None = None,
    clock: Stopwatch | None = None,
    deleted: Iterable[Path | str] = (),
) -> ValidationResult:
    """Validate the catalogs at ``paths``.

    A path is a catalog folder (or a folder that holds one, see
    :mod:`pscatalog.catalog.discovery`) or files in one. Without paths, the
    configuration's catalog is validated, else the one found from the current
    folder.

    With files named (as pre-commit names the files a commit changes), the
    whole catalog is still read, since cross-file rules need it, and the
    findings that involve a named file are returned: those in it, those that
    name a place in it (the other occurrence of a duplicate id), and those a
    change to it causes elsewhere: a level that no category names any more
    involves every category file, a category naming a level that is not
    defined involves the levels file. ``deleted`` names catalog files a change
    removed (pre-commit never names those); they are involved as the files
    they were. A repeat (a duplicate id or SKU) that involves a named file
    and an unnamed one is placed in the named one, the change, with the other
    place as related ("already used here"); a run over the whole catalog keeps
    the first occurrence in file order as the original. Findings about files
    the catalog lacks (no levels file) concern every run. Files in the catalog
    folder that are not read (a sub-folder, a ``.YAML`` file) are findings
    too (``C205``), never skipped in silence. Suppression
    comments and the configuration's selections, severities and limits apply
    (``limits`` overrides the configuration's). Texts ``files`` holds in
    memory are read instead of the files at their paths: the result is what a
    run on those texts, written, would report. A ``cache`` kept between runs
    parses again only the files whose text changed. ``clock`` times the stages
    into its timings, which the result holds (a new stopwatch by default).
    Raises :class:`pscatalog.errors.UsageError` for a path that does not exist.
    """
    config = config if config is not None else config_module.DEFAULT_CONFIG
    clock = clock if clock is not None else Stopwatch()
    result = ValidationResult(timings=clock.timings)
    paths = list(paths)
    targets = resolve_targets(paths, files, configured=config.catalog, deleted=deleted)
    for target in targets:
        with clock("load"):
            catalog = load_catalog(
                target.root, limits=limits or config.limits, files=files, cache=cache
            )
        result.catalogs.append(catalog)
        diagnostics = check_catalog(catalog, rules, clock)
        with clock("filter"):
            diagnostics.extend(unread_notices(catalog.root, files))
            diagnostics = apply_suppressions(diagnostics, catalog.documents, CODES)
            diagnostics = configured(diagnostics, config)
            diagnostics = _involving(diagnostics, catalog, target, result.moved)
        result.diagnostics.extend(diagnostics)
        result.files.extend(
            doc.name
            for doc in catalog.documents
            if target.named is None or doc.path in target.named
        )
        result.deleted.extend(display_name(path) for path in sorted(target.deleted))
    with clock("sort"):
        result.diagnostics.sort(key=lambda diagnostic: diagnostic.sort_key)
    return result


class Stopwatch:
    """Times the stages of a run: ``with clock(stage):`` adds to ``timings[stage]``.

    The stages tile the run: a stage is timed from the end of the one before
    (or the stopwatch's start), so whatever happens between two ``with``
    blocks counts in the second, and the timings add up to the wall time from
    the start to the end of the last stage.
    """

    def __init__(self, timings: dict[str, float] | None = None) -> None:
        self.timings: dict[str, float] = timings if timings is not None else {}
        self.mark = time.perf_counter()

    @contextmanager
    def __call__(self, stage: str) -> Iterator[None]:
        """Time a stage (with what happened since the last one ended)."""
        try:
            yield
        finally:
            now = time.perf_counter()
            self.timings[stage] = self.timings.get(stage, 0.0) + now - self.mark
            self.mark = now


def check_catalog(
    catalog: Catalog, rules: Mapping[str, Rule] = RULES, clock: Stopwatch | None = None
) -> list[Diagnostic]:
    """Return every diagnostic of a loaded catalog: loader, schema and rules."""
    clock = clock or Stopwatch()
    diagnostics: list[Diagnostic] = []
    schema_findings: list[SchemaFinding] = []
    with clock("schema"):
        for doc in catalog.documents:
            found = list(check_document(doc, catalog.kind_of(doc))) if doc.ok else []
            schema_findings.extend(found)
            places = {(f.diagnostic.location.line, f.diagnostic.location.column) for f in found}
            diagnostics.extend(
                d for d in doc.diagnostics if not yaml11_reading.superseded(d, places)
            )
    with clock("rules"):
        rule_diagnostics = list(run_rules(catalog, rules))
    diagnostics.extend(rule_diagnostics)
    with clock("match"):
        superseded = _superseded(schema_findings, rule_diagnostics, rules)
        diagnostics.extend(
            finding.diagnostic for finding in schema_findings if id(finding) not in superseded
        )
    return diagnostics


def run_rules(catalog: Catalog, rules: Mapping[str, Rule] = RULES) -> Iterable[Diagnostic]:
    """Run each rule over the catalog; stamp each finding with the rule's code."""
    for rule in rules.values():
        for finding in rule.check(catalog):
            yield finding.diagnostic(rule)


def _superseded(
    schema_findings: list[SchemaFinding],
    rule_diagnostics: list[Diagnostic],
    rules: Mapping[str, Rule],
) -> set[int]:
    """Return the ids of schema findings that a rule reports in its own words.

    A rule at a pointer claims, for each schema keyword it supersedes, the
    schema's findings at that pointer and at its parent (a forbidden ``sku``
    is reported at the key, the schema reports the variant that has it);
    never anything further down. One pass over each list, whatever their
    sizes: the claims are a set keyed by file, keyword and pointer.
    """
    claimed: set[tuple[str, str, str]] = set()
    for diagnostic in rule_diagnostics:
        rule = rules.get(diagnostic.code)
        if rule is None:
            continue
        file, pointer = diagnostic.location.file, diagnostic.location.pointer
        parent = pointer.rpartition("/")[0]
        for keyword in rule.SUPERSEDES:
            claimed.add((file, keyword, pointer))
            claimed.add((file, keyword, parent))
    return {
        id(finding)
        for finding in schema_findings
        if (finding.diagnostic.location.file, finding.keyword, finding.diagnostic.location.pointer)
        in claimed
    }


def configured(diagnostics: list[Diagnostic], config: Config) -> list[Diagnostic]:
    """Drop what the configuration does not report, and apply its severities."""
    kept = []
    for diagnostic in diagnostics:
        if not config.reports(diagnostic.code, Path(diagnostic.location.file)):
            continue
        severity = config.severity.get(diagnostic.code)
        if severity is not None and severity is not diagnostic.severity:
            diagnostic = replace(diagnostic, severity=severity)
        kept.append(diagnostic)
    return kept


def unread_notices(root: Path, files: Files = DISK) -> Iterator[Diagnostic]:
    """Yield a notice (C205) for each entry of the catalog folder ``root`` that is not read."""
    for path, count, first in unread_entries(root, files):
        name = display_name(path)
        if not count:
            yield file_not_read.linked_folder(name)
        elif count == 1 and first == path.name:
            proper = path.stem + path.suffix.lower()
            yield file_not_read.other_suffix(name, path.suffix, proper)
        else:
            yield file_not_read.sub_folder(name, count, first)


REPEATED = frozenset({ALREADY_USED})
"""Labels of a related place that holds the same thing as the finding's place (a repeat):
either may be reported as the repeat, with the other as related under the same label."""


def _involving(
    diagnostics: list[Diagnostic],
    catalog: Catalog,
    target: Target,
    moved: dict[Diagnostic, Diagnostic],
) -> list[Diagnostic]:
    """Keep the diagnostics that involve a named or deleted file (all when none was named).

    A repeat whose place is in an unnamed file and whose related place is in a
    named one is placed in the named one (recorded in ``moved``). A finding
    about a file the catalog lacks (the levels file) concerns the whole
    catalog, and is kept too.
    """
    if target.named is None:
        return diagnostics
    names = {doc.name for doc in catalog.documents if doc.path in target.named}
    existing = {doc.name for doc in catalog.documents}
    involved = _involved_by_code(catalog, target, names)
    kept = []
    for diagnostic in diagnostics:
        file = diagnostic.location.file
        if file in names or file not in existing or diagnostic.code in involved:
            kept.append(diagnostic)
        else:
            related = [r for r in diagnostic.related if r.location.file in names]
            if related:
                placed = _placed(diagnostic, related[0])
                if placed is not diagnostic:
                    moved[placed] = diagnostic
                kept.append(placed)
    return kept


def _involved_by_code(catalog: Catalog, target: Target, names: set[str]) -> set[str]:
    """Return the codes whose every finding involves the named or deleted files.

    A level that no category names (C203) involves every category file, those
    deleted too: the change that moved or removed its last category caused it.
    A category naming a level that is not defined (C201) involves the levels
    file: renaming a level breaks the categories that name it.
    """
    levels = catalog.levels_doc.name if catalog.levels_doc is not None else None
    deleted = [path.name in LEVELS_FILE_NAMES for path in target.deleted]
    codes = set()
    if levels in names or any(deleted):
        codes.add(unknown_level.CODE)
    if any(name != levels for name in names) or not all(deleted):
        codes.add(level_without_category.CODE)
    return codes


def _placed(diagnostic: Diagnostic, named: Related) -> Diagnostic:
    """Return a repeat placed at its related place ``named``, with its own place as related."""
    if named.label not in REPEATED:
        return diagnostic
    others = tuple(related for related in diagnostic.related if related is not named)
    return replace(
        diagnostic,
        location=named.location,
        related=(Related(diagnostic.location, named.label), *others),
    )
