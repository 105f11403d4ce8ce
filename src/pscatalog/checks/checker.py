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

from pscatalog.catalog.discovery import Target, resolve_targets
from pscatalog.catalog.model import Catalog, DocumentCache, load_catalog
from pscatalog.checks import config as config_module
from pscatalog.checks.config import Config
from pscatalog.checks.schema import SchemaFinding, check_document
from pscatalog.checks.suppressions import apply_suppressions
from pscatalog.diagnostics import Diagnostic, Severity
from pscatalog.files.sources import DISK, Files
from pscatalog.rules import yaml11_reading
from pscatalog.rules.base import Rule
from pscatalog.rules.registry import CODES, RULES, STRUCTURAL
from pscatalog.yamltext.loader import Limits


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

    @property
    def files_checked(self) -> int:
        """How many files were checked."""
        return len(self.files)

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
) -> ValidationResult:
    """Validate the catalogs at ``paths``.

    A path is a catalog folder or files in one; with files, the whole folder is
    read (cross-file rules need it) and the findings that involve the named
    files are returned. Without paths, the configuration's catalog is
    validated, else the one found from the current folder. Suppression
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
    if not paths and config.catalog is not None:
        paths = [config.catalog]
    for target in resolve_targets(paths, files):
        with clock("load"):
            catalog = load_catalog(
                target.root, limits=limits or config.limits, files=files, cache=cache
            )
        result.catalogs.append(catalog)
        diagnostics = check_catalog(catalog, rules, clock)
        with clock("filter"):
            diagnostics = apply_suppressions(diagnostics, catalog.documents, CODES)
            diagnostics = configured(diagnostics, config)
            diagnostics = _involving(diagnostics, catalog, target)
        result.diagnostics.extend(diagnostics)
        result.files.extend(
            doc.name
            for doc in catalog.documents
            if target.named is None or doc.path in target.named
        )
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


def _involving(diagnostics: list[Diagnostic], catalog: Catalog, target: Target) -> list[Diagnostic]:
    """Keep the diagnostics that involve a named file (all when none was named).

    A finding about a file the catalog lacks (the levels file) concerns the
    whole catalog, and is kept too.
    """
    if target.named is None:
        return diagnostics
    names = {doc.name for doc in catalog.documents if doc.path in target.named}
    existing = {doc.name for doc in catalog.documents}
    return [
        diagnostic
        for diagnostic in diagnostics
        if diagnostic.location.file in names
        or diagnostic.location.file not in existing
        or any(related.location.file in names for related in diagnostic.related)
    ]
