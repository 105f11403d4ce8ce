"""Import of GitLab's flat ``services.yml`` into a catalog folder.

GitLab keeps its professional-services catalog as one flat list of sellable
entries (``data/services.yml``). :func:`import_services` reads such a file
with pscatalog's loader, so that every value keeps its line and column, and
writes a catalog folder: ``levels.yaml`` (the three levels of the levels
decision) and one file per category of service.

The import is faithful to its source (PRODUCT.md, "Decisions already taken",
"Import"):

- entries that differ only by a delivery suffix (``_remote``, ``-R``), a
  duration (3, 6 or 12 months), a security clearance or a deployment target
  (``-SELF``/``-COM``) become the variants of one offering; the entry without
  a suffix (or with the shortest duration) is the ``standard`` variant when it
  has a SKU, else the ``custom`` one;
- a value whose meaning is clear is converted (``"$14,400"`` is an amount of
  14400 USD) and the conversion is reported at its source line; a value with
  no clear meaning ("Varies", "Call for pricing", ``#TODO``) leaves the field
  empty and is kept under the offering's ``imported.unmapped``, reported too;
- every key with no place in the schema goes under ``imported.unmapped``
  unchanged, with ``imported.source`` and ``imported.source_id``; the keys of
  the other entries of a grouped offering go under
  ``imported.unmapped.variants.<variant id>``;
- nothing is dropped and no defect is hidden: duplicated ids and names stay
  (an entry whose id is repeated is never grouped, so both offerings keep the
  id and ``validate`` reports it), a SKU without its SOW stays, and claimed
  maturities stay for ``validate`` to judge.

A file written by ``pscatalog export --format services-yml`` carries a
``pscatalog`` block on each entry naming its category, offering and variant,
plus whatever catalog values its flat fields cannot say. Such entries are
grouped by that block instead of by suffixes, so that export then import gives
back the same offerings.
"""

from __future__ import annotations

import importlib
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Protocol

from pscatalog.catalog.model import MATURITIES, Catalog, display_name
from pscatalog.catalog.schemas import CATEGORY, LEVELS, load_schema, schema_reference
from pscatalog.checks.checker import ValidationResult
from pscatalog.diagnostics import Diagnostic, Location, Related, diagnose, pointer_from_parts
from pscatalog.errors import UsageError
from pscatalog.files.boundary import inside
from pscatalog.files.repository import boundary_of
from pscatalog.files.writer import write_atomically
from pscatalog.rules import _import_codes as codes
from pscatalog.rules.registry import CODES
from pscatalog.yamltext.emitter import document_text
from pscatalog.yamltext.loader import (
    Document,
    PathPart,
    load_document,
)

DEFAULT_OUTPUT = Path("catalog")
"""The folder ``pscatalog import`` writes to unless told otherwise."""
BLOCK_KEY = "pscatalog"
"""The key of the block that ``export --format services-yml`` adds to each entry."""
VARIANTS_KEY = "variants"
"""Under ``imported.unmapped``: the source keys of the offering's other entries, by variant id."""

LEVEL_DEFINITIONS: tuple[dict[str, Any], ...] = (
    {
        "id": "product",
        "name": "Product",
        "rank": 1,
        "persona": "The platform owner, who runs GitLab for the organisation",
        "description": "Services that put GitLab itself in place for the platform owner, "
        "installed and configured, connected to the tools the organisation already uses, "
        "and loaded with its existing code and projects. Categories Implementation, "
        "Integration and Migration.",
    },
    {
        "id": "adoption",
        "name": "Adoption",
        "rank": 2,
        "persona": "The enablement lead, who gets the organisation's teams productive with GitLab",
        "description": "Services that help the enablement lead bring people onto GitLab and "
        "keep them using it well, through live training, self-paced learning and "
        "certification. Category Education.",
    },
    {
        "id": "transformation",
        "name": "Transformation",
        "rank": 3,
        "persona": "The executive sponsor of the organisation's DevOps transformation",
        "description": "Services that help the executive sponsor change how the organisation "
        "builds and ships software, with embedded engineers and expert consulting on "
        "practices, maturity and the value delivered. Categories Dedicated and Expert.",
    },
)
"""The three levels of the levels decision (PRODUCT.md), as ``levels.yaml`` has them."""

CATEGORY_DEFINITIONS: dict[str, dict[str, Any]] = {
    "implementation": {
        "id": "implementation",
        "name": "Implementation Services",
        "level": "product",
        "order": 1,
        "description": "Services that deploy, configure and tune the customer's GitLab, "
        "self-managed or on GitLab.com, so that it runs securely and reliably from day one.",
    },
    "integration": {
        "id": "integration",
        "name": "Integration Services",
        "level": "product",
        "order": 2,
        "description": "Services that connect GitLab to the tools the customer already uses, "
        "such as directories and single sign-on, issue trackers and CI servers, set up and "
        "tested with the customer's team.",
    },
    "migration": {
        "id": "migration",
        "name": "Migration Services",
        "level": "product",
        "order": 3,
        "description": "Services that move the customer's repositories, history, issues and "
        "users from other tools, or from one GitLab deployment to another, with the least "
        "disruption to their teams.",
    },
    "education": {
        "id": "education",
        "name": "Education Services",
        "level": "adoption",
        "order": 4,
        "description": "Services that teach the customer's teams to use GitLab well, through "
        "live classes led by GitLab instructors, self-paced learning and certification of "
        "what they learned.",
    },
    "dedicated": {
        "id": "dedicated",
        "name": "Dedicated Services",
        "level": "transformation",
        "order": 5,
        "description": "Services that put a GitLab Professional Services Engineer in the "
        "customer's team for months, to drive GitLab adoption and best practices from the "
        "inside.",
    },
    "expert": {
        "id": "expert",
        "name": "Expert Services",
        "level": "transformation",
        "order": 6,
        "description": "Consulting by GitLab experts that helps the customer's leaders assess "
        "and improve their DevOps practices, open up collaboration across teams and show the "
        "value of the transformation.",
    },
}
"""The framework's six categories, in page order, with their level by the levels decision."""

SOURCE_CATEGORY_NAMES: dict[str, str] = {
    "implementation": "Implementation",
    "integration": "Integration",
    "migration": "Migration",
    "education": "Education",
    "dedicated": "Consulting",
    "expert": "Consulting",
}
"""How GitLab's services file names each of the framework's categories."""

_UNCATEGORISED = "uncategorised"
_SITE = "https://about.gitlab.com"
_URL = re.compile(r"https?://\S+")
_SITE_PATH = re.compile(r"/\S*")
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_SKU = re.compile(r"[A-Z0-9][A-Z0-9+]*(?:-[A-Z0-9+]+)*")
_CURRENCY = re.compile(r"[A-Z]{3}")
_LEVEL = re.compile(r"\s*(?:(?P<rank>[0-9]+)\s*-\s*)?(?P<name>.*?)\s*")
_AMOUNT = r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?"
_PRICE_TEXT = re.compile(
    rf"\s*(?:US)?\$\s*(?P<amount>{_AMOUNT})\s*(?:USD)?\s*|\s*(?P<bare>{_AMOUNT})\s*"
)
_PRICE_INSIDE = re.compile(r"\$\s*[0-9]")
_NUMBER = r"[0-9]+(?:\.[0-9]+)?"
_DURATION_TEXT = re.compile(
    rf"(?:~\s*)?(?P<a>{_NUMBER})(?:\s*(?:-|–|to)\s*(?P<b>{_NUMBER}))?"
    r" (?P<unit>hour|day|week|month)s?(?:, (?P<note>.+))?",
    re.DOTALL,
)
_CLASS_SIZE = re.compile(
    r"(?:maximum|max\.?|up to)\s+(?P<size>[0-9]+)\s+(?:attendees|seats|people|students)\.?",
    re.IGNORECASE,
)
_REMOTE_PRICE = re.compile(
    r"remote(?: delivery)?\s*:?\s*(?:</strong>)?\s*(?:is\s*)?\$(?P<amount>[0-9][0-9,]*)",
    re.IGNORECASE,
)
_ON_SITE_PRICE = re.compile(
    r"(?:on-?site|at your site)\s*:?\s*(?:</strong>)?\s*\$(?P<amount>[0-9][0-9,]*)",
    re.IGNORECASE,
)
_VAGUE_STAGES = frozenset({"all", "any"})
_PRICE_UNITS = ("engagement", "session", "seat", "day", "hour", "block", "month", "year")

# Delivery signals: what makes two entries variants of one offering.
_ID_REMOTE = re.compile(r"[-_ ]remote$", re.IGNORECASE)
_ID_MONTHS = re.compile(r"[-_](?P<months>[0-9]{1,2})$")
_ID_CLEARED = re.compile(r"[-_]cleared(?=[-_]|$)", re.IGNORECASE)
_ID_SELF_MANAGED = re.compile(r"[-_](?:sm|self|self[-_]managed)$", re.IGNORECASE)
_ID_GITLAB_COM = re.compile(r"[-_](?:com|saas|gitlab[-_]com)$", re.IGNORECASE)
_SKU_MONTHS = re.compile(r"-(?P<months>[0-9]{1,2})$")
_NAME_SUFFIX = re.compile(
    r"\s*(?:-\s*(?:remote(?: delivery)?|[0-9]+\s*months?|self[- ]managed|gitlab\.com|saas)"
    r"|\(cleared\))\s*$",
    re.IGNORECASE,
)

# Source keys by where their value goes.
OFFERING_KEYS = (
    "short_desc",
    "desc_url",
    "target_audience",
    "stages",
    "delivery_kit",
    "maturity",
    "level",
    "category",
)
"""Keys that describe the offering: on the other entries of a group, an equal value is
the offering's (it is kept once), a different one stays under ``imported.unmapped``."""
_VARIANT_KEYS = (
    "sku",
    "standard_sow",
    "price",
    "price_desc",
    "unit",
    "currency",
    "duration",
    "duration_desc",
    "class_size",
)
_SOLD_KEYS = ("sku", "standard_sow", "price")
"""Keys an entry sold with a SKU cannot leave empty."""
_KNOWN_KEYS = frozenset({"id", "name", "description2", *OFFERING_KEYS, *_VARIANT_KEYS})

# What an override in the export's block replaces among the flat keys.
_CONSUMED_BY_VARIANT_FIELD = {
    "price": ("price", "price_desc", "unit", "currency"),
    "duration": ("duration", "duration_desc"),
    "sku": ("sku",),
    "standard_sow": ("standard_sow",),
    "class_size": ("class_size",),
}
_CONSUMED_BY_OFFERING_FIELD = {
    "summary": ("short_desc",),
    "url": ("desc_url",),
    "target_audience": ("target_audience",),
    "stages": ("stages",),
    "evidence": ("delivery_kit",),
    "maturity": ("maturity",),
}


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
class Conversion:
    """What a services file becomes: category files' data, and what was found on the way."""

    categories: list[dict[str, Any]] = field(default_factory=list)
    """The category files' data, in page order, then the source's own categories."""
    diagnostics: list[Diagnostic] = field(default_factory=list)
    """Every finding, at its place in the source."""


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
    result (the output is still written); raises
    :class:`~pscatalog.errors.UsageError` when the source is missing or not a
    file, or when ``output`` is a file or a folder that is not empty (unless
    ``force``), and :class:`~pscatalog.files.boundary.OutsideRepository` when
    ``output`` leads out of its git repository.
    """
    source, output = Path(source), Path(output)
    inside(output, boundary_of(output))  # nothing is created or listed outside the repository
    if not source.exists():
        raise UsageError(f"no such services file: {source}")
    if source.is_dir():
        raise UsageError(f"not a services file, but a folder: {source}")
    if output.exists() and not output.is_dir():
        raise UsageError(f"the output is a file, not a folder: {output}")
    if output.is_dir() and not force and any(output.iterdir()):
        raise UsageError(f"the output folder is not empty: {output} (--force writes into it)")
    doc = load_document(source, display_name(source))
    diagnostics = list(doc.diagnostics)
    files: dict[str, str] = {}
    if doc.ok:
        conversion = convert_entries(doc.data, doc, source.name)
        diagnostics += conversion.diagnostics
        files = catalog_texts(conversion, source.name)
    diagnostics.sort(key=lambda diagnostic: diagnostic.sort_key)
    result = ImportResult(doc, diagnostics, files)
    if files:
        output.mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            kind = LEVELS if name == "levels.yaml" else CATEGORY
            reference = schema_reference(output, kind)
            if reference != _modeline_reference(kind):
                # No current schema beside the output folder: name the published one.
                text = text.replace(
                    _modeline(kind), f"# yaml-language-server: $schema={reference}", 1
                )
            path = output / name
            # The output is written anew: a link there is replaced, never followed.
            write_atomically(path, text, follow_links=False)
            result.written.append(path)
    return result


def convert_entries(data: Any, source: SourceFile, source_name: str) -> Conversion:
    """Convert the data of a services file (a list of entries) into category files' data.

    ``source`` places each value (``data`` must be the data it locates);
    ``source_name`` is what the offerings' ``imported.source`` says.
    """
    return _Converter(source, source_name).run(data)


def catalog_texts(conversion: Conversion, source_name: str) -> dict[str, str]:
    """Return the text of each catalog file of a conversion, by file name."""
    texts = {"levels.yaml": levels_text()}
    for category in conversion.categories:
        texts[f"{category['id']}.yaml"] = category_text(category, source_name)
    return texts


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


# -- conversion


@dataclass
class _Signals:
    """What an entry's id and SKU say about how it is delivered."""

    remote: bool = False
    months: int | None = None
    cleared: bool = False
    deployment: str | None = None

    @property
    def signature(self) -> tuple[bool, int | None, bool, str | None]:
        return (self.remote, self.months, self.cleared, self.deployment)

    @property
    def variant_id(self) -> str:
        parts = (
            (["cleared"] if self.cleared else [])
            + ([self.deployment] if self.deployment else [])
            + (["remote"] if self.remote else [])
            + ([f"{self.months}-months"] if self.months is not None else [])
        )
        return "-".join(parts)

    @property
    def base_rank(self) -> tuple[int, int]:
        """Sort key of the base entry: fewest suffixes, then the shortest duration."""
        suffixes = self.remote + self.cleared + (self.deployment is not None)
        return (suffixes, self.months or 0)


@dataclass
class _Item:
    """One entry of the source."""

    index: int
    data: dict[str, Any]
    source_id: str | None
    block: dict[str, Any] | None
    signals: _Signals
    category: str = ""
    consumed: set[str] = field(default_factory=set)


@dataclass
class _Group:
    """The entries that become one offering; ``items[0]`` gives the offering's fields."""

    category: str
    offering_id: str
    items: list[_Item]
    variant_ids: list[str] = field(default_factory=list)
    grouped_by_suffix: bool = False


class _Converter:
    def __init__(self, source: SourceFile, source_name: str) -> None:
        self.source = source
        self.source_name = source_name
        self.diagnostics: list[Diagnostic] = []
        self.headers: dict[str, dict[str, Any]] = {}
        self.siblings: dict[int, list[_Item]] = {}
        """The other entries of each entry's group, by ``id()`` of the entry."""
        self.lines = source.text.splitlines() if source.text is not None else []

    # -- reporting

    def report(
        self,
        code: str,
        message: str,
        location: Location,
        hint: str | None = None,
        related: Iterable[Related] = (),
    ) -> None:
        self.diagnostics.append(diagnose(CODES[code], message, location, hint, related))

    def at(self, item: _Item, *parts: PathPart, key: bool = False) -> Location:
        return self.source.locate((item.index, *parts), key=key)

    def todo_at(self, item: _Item, key: str) -> Location | None:
        """Return where a ``#TODO`` comment stands in for the value of ``key``, if it does."""
        if item.data.get(key) is not None:
            return None
        location = self.at(item, key)
        if not 1 <= location.line <= len(self.lines):
            return None
        rest = self.lines[location.line - 1][location.column - 1 :]
        stripped = rest.lstrip()
        if not stripped.startswith("#") or "todo" not in stripped.lower():
            return None
        column = location.column + len(rest) - len(stripped)
        return Location(location.file, location.line, column, location.pointer)

    # -- the whole run

    def run(self, data: Any) -> Conversion:
        if not isinstance(data, list):
            self.report(
                codes.NOT_A_SERVICE_ENTRY,
                f"a services file is a list of entries; this file holds {_kind_of(data)}",
                self.source.locate(()),
                "write each entry as '- id: ...' followed by its keys",
            )
            return Conversion(diagnostics=self.diagnostics)
        items = self.read_items(data)
        self.check_duplicates(items)
        for item in items:
            item.category = self.category_of(item)
        self.check_levels(items)
        groups = self.group(items)
        self.siblings = {
            id(item): [other for other in group.items if other is not item]
            for group in groups
            for item in group.items
        }
        self.check_collisions(groups)
        categories: dict[str, list[dict[str, Any]]] = {}
        for group in groups:
            categories.setdefault(group.category, []).append(self.offering(group))
        ordered = [cid for cid in CATEGORY_DEFINITIONS if cid in categories] + [
            cid for cid in categories if cid not in CATEGORY_DEFINITIONS
        ]
        files = [{**self.header(cid), "offerings": categories[cid]} for cid in ordered]
        return Conversion(files, self.diagnostics)

    def read_items(self, data: list[Any]) -> list[_Item]:
        items = []
        for index, entry in enumerate(data):
            if not isinstance(entry, dict):
                self.report(
                    codes.NOT_A_SERVICE_ENTRY,
                    f"entry {index + 1} is {_kind_of(entry)}, not a mapping of keys; "
                    "it is not imported",
                    self.source.locate((index,)),
                    "write the entry as '- id: ...' followed by its keys",
                )
                continue
            raw_id = entry.get("id")
            source_id = raw_id.strip() if isinstance(raw_id, str) and raw_id.strip() else None
            block = _block(entry.get(BLOCK_KEY))
            item = _Item(index, entry, source_id, block, _Signals())
            if source_id is None:
                self.report(
                    codes.MISSING_VALUE,
                    f"entry {index + 1} has no id; its offering's id is made from its name",
                    self.source.locate((index, "id") if "id" in entry else (index,)),
                    "give the entry an id",
                )
            if block is None:
                item.signals = _signals(source_id or "", entry.get("sku"))
            else:
                item.consumed.add(BLOCK_KEY)
                self.consume_overridden(item, block)
            items.append(item)
        return items

    def consume_overridden(self, item: _Item, block: dict[str, Any]) -> None:
        for name, keys in _CONSUMED_BY_VARIANT_FIELD.items():
            if name in _mapping(block.get("variant_fields")):
                item.consumed.update(keys)
        for name, keys in _CONSUMED_BY_OFFERING_FIELD.items():
            if name in _mapping(block.get("offering_fields")):
                item.consumed.update(keys)

    def check_duplicates(self, items: list[_Item]) -> None:
        first_id: dict[str, _Item] = {}
        first_name: dict[str, _Item] = {}
        for item in items:
            if item.source_id is not None:
                first = first_id.setdefault(item.source_id, item)
                if first is not item:
                    sku = item.data.get("sku")
                    also = f" (this one is sold as '{sku}')" if isinstance(sku, str) else ""
                    self.report(
                        codes.DUPLICATE_SOURCE_ID,
                        f"id '{item.source_id}' is already used by another entry{also}; "
                        "both are imported as offerings with the same id",
                        self.at(item, "id"),
                        "give this entry its own id, or make it a variant of the other",
                        (Related(self.at(first, "id"), "already used here"),),
                    )
            name = item.data.get("name")
            if isinstance(name, str) and name.strip():
                first = first_name.setdefault(name.strip().casefold(), item)
                if first is not item:
                    self.report(
                        codes.DUPLICATE_SOURCE_NAME,
                        f"name '{name.strip()}' is already used by entry "
                        f"'{first.source_id or '?'}'",
                        self.at(item, "name"),
                        "name each entry for what it sells",
                        (Related(self.at(first, "name"), "already used here"),),
                    )

    # -- categories and levels

    def category_of(self, item: _Item) -> str:
        if item.block is not None:
            category_id: str = item.block["category"]
            if category_id not in CATEGORY_DEFINITIONS and category_id not in self.headers:
                value = item.data.get("category")
                name = value.strip() if isinstance(value, str) and value.strip() else category_id
                self.headers[category_id] = {
                    "schema_version": 1,
                    "id": category_id,
                    "name": name,
                    "level": _level_of(item.data.get("level")) or "product",
                }
            item.consumed.add("category")
            return category_id
        value = item.data.get("category")
        if not isinstance(value, str) or not value.strip():
            self.report(
                codes.MISSING_VALUE,
                f"entry '{item.source_id or '?'}' has no category; it is imported into "
                f"'{_UNCATEGORISED}'",
                self.at(item, "category") if "category" in item.data else self.at(item),
                "give the entry one of the framework's categories",
            )
            self.new_header(_UNCATEGORISED, "Uncategorised", item)
            return _UNCATEGORISED
        text = value.strip()
        known = re.sub(r"\s+services$", "", text.lower())  # "Education" or "Education Services"
        if known in CATEGORY_DEFINITIONS:
            item.consumed.add("category")
            return known
        if text.lower() == "consulting":
            sold = _consulting_category(item.data)
            if sold is not None:
                category_id, what = sold
                item.consumed.add("category")
                self.report(
                    codes.CONVERTED_VALUE,
                    f"category 'Consulting' is imported as '{category_id}': the entry sells {what}",
                    self.at(item, "category"),
                )
                return category_id
        category_id = _slug(text)
        if category_id in ("levels", _UNCATEGORISED) or category_id in CATEGORY_DEFINITIONS:
            category_id += "-category"
        self.new_header(category_id, text, item)
        item.consumed.add("category")
        return category_id

    def new_header(self, category_id: str, name: str, item: _Item) -> None:
        if category_id in self.headers:
            return
        level = _level_of(item.data.get("level"))
        if level is None:
            level = "product"
            if item.data.get("level") is not None:
                self.report(
                    codes.UNCLEAR_VALUE,
                    f"level {_shown(item.data.get('level'))} names none of the three levels; "
                    f"category '{category_id}' is put at level 1, Product",
                    self.at(item, "level"),
                    "write the level as '<rank> - <name>', e.g. '1 - Product'",
                )
        self.headers[category_id] = {
            "schema_version": 1,
            "id": category_id,
            "name": name,
            "level": level,
        }

    def header(self, category_id: str) -> dict[str, Any]:
        if category_id in CATEGORY_DEFINITIONS:
            return {"schema_version": 1, **CATEGORY_DEFINITIONS[category_id]}
        return self.headers[category_id]

    def check_levels(self, items: list[_Item]) -> None:
        """Report source levels that disagree with their category's, once per category."""
        unmapped_categories: dict[str, list[_Item]] = {}
        disagreeing: dict[tuple[str, str], list[_Item]] = {}
        for item in items:
            if item.block is None and item.category in self.headers:
                value = item.data.get("category")
                if isinstance(value, str) and value.strip():
                    unmapped_categories.setdefault(value.strip(), []).append(item)
            value = item.data.get("level")
            if value is None:
                continue
            level = self.header(item.category)["level"]
            if _level_of(value) == level and _level_agrees(value, level):
                item.consumed.add("level")
            else:
                disagreeing.setdefault((item.category, _shown(value)), []).append(item)
        for text, group in unmapped_categories.items():
            if group[0].category == _UNCATEGORISED:
                continue
            self.report(
                codes.UNMAPPED_CATEGORY,
                f"category '{text}' is none of the framework's categories; its entries are "
                f"imported into a category of their own, '{group[0].category}'",
                self.at(group[0], "category"),
                "give the entries one of the framework's categories: Implementation, "
                "Integration, Migration, Education, Dedicated or Expert",
                [Related(self.at(item, "category"), "also this category") for item in group[1:]],
            )
        for (category_id, shown), group in disagreeing.items():
            level = self.header(category_id)["level"]
            definition = next(d for d in LEVEL_DEFINITIONS if d["id"] == level)
            self.report(
                codes.LEVEL_DISAGREES,
                f"level {shown} disagrees with the catalog, which puts category "
                f"'{category_id}' at level {definition['rank']} - {definition['name']}; "
                "the source's value is kept under imported.unmapped",
                self.at(group[0], "level"),
                "nothing to do if the levels decision holds; otherwise change the category's "
                "level in the catalog",
                [Related(self.at(item, "level"), "also this level") for item in group[1:]],
            )

    # -- grouping

    def group(self, items: list[_Item]) -> list[_Group]:
        id_counts: dict[str, int] = {}
        for item in items:
            if item.source_id is not None:
                id_counts[item.source_id] = id_counts.get(item.source_id, 0) + 1
        groups: list[_Group] = []
        by_key: dict[tuple[str, str], list[_Group]] = {}
        for item in items:
            if item.block is not None:
                key = (item.category, item.block["offering"])
                variant = item.block["variant"]
                candidates = [
                    group for group in by_key.get(key, []) if variant not in group.variant_ids
                ]
                if candidates:
                    candidates[0].items.append(item)
                    candidates[0].variant_ids.append(variant)
                    continue
                group = _Group(item.category, item.block["offering"], [item], [variant])
            elif item.source_id is not None and id_counts[item.source_id] > 1:
                # A repeated id is a defect validate must see: never hide it in a group.
                group = _Group(item.category, _slug(item.source_id), [item])
            else:
                family = _family(item.source_id or _name_text(item.data) or "")
                key = (item.category, "suffix:" + family)
                signature = item.signals.signature
                candidates = [
                    group
                    for group in by_key.get(key, [])
                    if all(other.signals.signature != signature for other in group.items)
                ]
                if candidates:
                    candidates[0].items.append(item)
                    continue
                offering_id = (
                    _slug(family) if not by_key.get(key) else _slug(item.source_id or family)
                )
                group = _Group(item.category, offering_id, [item], grouped_by_suffix=True)
            groups.append(group)
            by_key.setdefault(key, []).append(group)
        for group in groups:
            if group.grouped_by_suffix:
                group.items.sort(key=lambda item: (item.signals.base_rank, item.index))
        return groups

    def check_collisions(self, groups: list[_Group]) -> None:
        first: dict[str, _Group] = {}
        for group in groups:
            earlier = first.setdefault(group.offering_id, group)
            if earlier is group:
                continue
            mine, theirs = group.items[0], earlier.items[0]
            if mine.source_id is not None and mine.source_id == theirs.source_id:
                continue  # a duplicated id: reported as such
            self.report(
                codes.ID_COLLISION,
                f"entry '{mine.source_id or '?'}' becomes the catalog id '{group.offering_id}', "
                f"as entry '{theirs.source_id or '?'}' does; both offerings keep it",
                self.at(mine, "id") if "id" in mine.data else self.at(mine),
                "give the entries ids that differ by more than case, punctuation or a "
                "delivery suffix",
                (
                    Related(
                        self.at(theirs, "id") if "id" in theirs.data else self.at(theirs),
                        "the other entry",
                    ),
                ),
            )

    # -- building an offering

    def offering(self, group: _Group) -> dict[str, Any]:
        provider = group.items[0]
        block = provider.block or {}
        variant_ids = self.variant_ids(group)
        unmapped: dict[str, Any] = {}
        extras: list[dict[str, Any]] = [unmapped] + [{} for _ in group.items[1:]]
        for item, extra in zip(group.items, extras, strict=True):
            self.sold_checks(item, extra)
        if "id" in provider.data and provider.source_id is None:
            unmapped["id"] = provider.data["id"]
        offering: dict[str, Any] = {"id": group.offering_id}
        offering["name"] = self.offering_name(group, unmapped)
        offering["maturity"] = self.maturity(group, unmapped)
        self.offering_fields(provider, offering, unmapped)
        offering.update(_mapping(block.get("offering_fields")))
        offering = {key: value for key, value in offering.items() if value is not None}
        # The provider's own key named like the other entries' block goes into that block.
        provider_own: dict[str, Any] = {}
        variants = []
        for position, (item, variant_id) in enumerate(zip(group.items, variant_ids, strict=True)):
            extra = extras[position]
            variants.append(self.variant(item, variant_id, offering, extra, position == 0))
            if position:
                self.other_entry_keys(item, provider, group, variant_id, extra)
            for key, value in item.data.items():
                if key in _KNOWN_KEYS or key in item.consumed or key in extra:
                    continue
                if key == BLOCK_KEY:
                    self.unclear(item, key, extra, "is not the block pscatalog's export writes")
                elif position == 0 and key == VARIANTS_KEY:
                    provider_own[key] = value
                else:
                    extra[key] = value
        others = {
            variant_id: _in_source_order(extra, item.data)
            for variant_id, item, extra in zip(variant_ids, group.items, extras, strict=True)
            if extra is not unmapped and extra
        }
        if provider_own:
            others = {variant_ids[0]: provider_own, **others}
        if others:
            unmapped[VARIANTS_KEY] = others
        offering["variants"] = variants
        imported: dict[str, Any] = {"source": self.source_name}
        if provider.source_id is not None:
            imported["source_id"] = provider.source_id
        if unmapped:
            imported["unmapped"] = _in_source_order(unmapped, provider.data)
        offering["imported"] = imported
        return _ordered(offering, "offering")

    def offering_name(self, group: _Group, unmapped: dict[str, Any]) -> str:
        provider = group.items[0]
        name = _name_text(provider.data)
        if name is None:
            if "name" in provider.data:
                unmapped["name"] = provider.data["name"]
            stand_in = provider.source_id or group.offering_id
            self.report(
                codes.MISSING_VALUE,
                f"entry '{provider.source_id or '?'}' has no name; the offering is named "
                f"'{stand_in}'",
                self.at(provider, "name") if "name" in provider.data else self.at(provider),
                "give the entry a name",
            )
            return stand_in
        if group.grouped_by_suffix and len(group.items) > 1:
            stem = name
            while (shorter := _NAME_SUFFIX.sub("", stem)) != stem and shorter:
                stem = shorter
            return stem
        return name

    def maturity(self, group: _Group, unmapped: dict[str, Any]) -> str:
        provider = group.items[0]
        value = provider.data.get("maturity")
        if "maturity" in _mapping((provider.block or {}).get("offering_fields")):
            return ""  # the export's block gives it
        if "maturity" in provider.consumed:
            value = None  # a placeholder, reported as such
        if isinstance(value, str) and value.strip().lower() in MATURITIES:
            provider.consumed.add("maturity")
            return value.strip().lower()
        sold = any(_valid_sku(item.data.get("sku")) for item in group.items)
        stand_in = "minimal" if sold else "planned"
        reason = "the lowest a SKU allows" if sold else "the lowest"
        what = "has no maturity" if value is None else f"has the maturity {_shown(value)}"
        self.report(
            codes.MISSING_VALUE,
            f"entry '{provider.source_id or '?'}' {what}, none of planned, minimal, viable, "
            f"complete or lovable; it is imported as '{stand_in}', {reason}",
            self.at(provider, "maturity") if "maturity" in provider.data else self.at(provider),
            "give the entry one of the five maturities",
        )
        if "maturity" in provider.data:
            unmapped["maturity"] = value
        provider.consumed.add("maturity")
        return stand_in

    def offering_fields(
        self, item: _Item, offering: dict[str, Any], unmapped: dict[str, Any]
    ) -> None:
        data = item.data
        if "description2" in data:
            value = data["description2"]
            if isinstance(value, str):
                offering["description"] = value
            else:
                unmapped["description2"] = value
        for key, target in (("short_desc", "summary"), ("target_audience", "target_audience")):
            if key not in data or key in item.consumed:
                continue
            value = data[key]
            if isinstance(value, str):
                offering[target] = value
            else:
                self.unclear(item, key, unmapped, "is not text")
        if "desc_url" in data and "desc_url" not in item.consumed:
            url = self.url(item, "desc_url", unmapped)
            if url is not None:
                offering["url"] = url
        if "stages" in data and "stages" not in item.consumed:
            stages = _stages(data["stages"])
            if stages is None:
                self.unclear(item, "stages", unmapped, "is not a list of DevOps stages")
            else:
                offering["stages"] = stages
        if "delivery_kit" in data and "delivery_kit" not in item.consumed:
            kit = data["delivery_kit"]
            if isinstance(kit, str) and _URL.fullmatch(kit):
                offering["evidence"] = {"delivery_kit": kit}
            else:
                self.unclear(item, "delivery_kit", unmapped, "is not an http(s) link")
        if "level" in data and "level" not in item.consumed:
            unmapped["level"] = data["level"]

    def url(self, item: _Item, key: str, unmapped: dict[str, Any]) -> str | None:
        value = item.data[key]
        if isinstance(value, str) and _URL.fullmatch(value):
            return value
        if isinstance(value, str) and _SITE_PATH.fullmatch(value):
            url = _SITE + value
            self.report(
                codes.CONVERTED_VALUE,
                f"{key} '{value}' is a path on GitLab's site; it is imported as '{url}'",
                self.at(item, key),
            )
            return url
        self.unclear(item, key, unmapped, "is not an http(s) link")
        return None

    def variant_ids(self, group: _Group) -> list[str]:
        if group.variant_ids:
            return group.variant_ids
        provider = group.items[0]
        base = "standard" if _valid_sku(provider.data.get("sku")) else "custom"
        return [base] + [item.signals.variant_id for item in group.items[1:]]

    def variant(
        self,
        item: _Item,
        variant_id: str,
        offering: dict[str, Any],
        unmapped: dict[str, Any],
        provider: bool,
    ) -> dict[str, Any]:
        data = item.data
        variant: dict[str, Any] = {"id": variant_id}
        # A name or description that is not the offering's is the variant's own; what is
        # not text was kept by offering_fields (the provider) or is kept here.
        name = _name_text(data)
        if name is not None and name != offering["name"]:
            variant["name"] = name
        elif name is None and "name" in data and not provider:
            unmapped["name"] = data["name"]
        description = data.get("description2")
        if isinstance(description, str) and description != offering.get("description"):
            variant["description"] = description
        elif "description2" in data and not isinstance(description, str) and not provider:
            unmapped["description2"] = description
        self.sku(item, variant, unmapped)
        self.sow(item, variant, unmapped)
        if item.block is None:
            signals = item.signals
            if signals.remote:
                variant["delivery"] = "remote"
            elif variant_id in ("standard", "custom") and any(
                other.signals.remote for other in self.siblings[id(item)]
            ):
                # The entry without the remote suffix is the on-site delivery.
                variant["delivery"] = "on-site"
            if signals.deployment is not None:
                variant["deployment"] = signals.deployment
            if signals.cleared:
                variant["clearance"] = True
        self.class_size(item, variant, unmapped)
        self.duration(item, variant, unmapped)
        self.price(item, variant, unmapped)
        if item.block is not None:
            variant.update(_mapping(item.block.get("variant_fields")))
            variant = {key: value for key, value in variant.items() if value is not None}
        return _ordered(variant, "variant")

    def other_entry_keys(
        self,
        item: _Item,
        provider: _Item,
        group: _Group,
        variant_id: str,
        unmapped: dict[str, Any],
    ) -> None:
        """Keep what another entry of the group says differently about the offering."""
        generated = item.block is not None and item.source_id == f"{group.offering_id}_{variant_id}"
        if "id" in item.data and not generated:
            unmapped["id"] = item.data["id"]
        for key in OFFERING_KEYS:
            if key not in item.data or key in item.consumed:
                continue  # absent, or represented by the offering's value
            value = item.data[key]
            if key in provider.data and provider.data[key] == value:
                continue
            unmapped[key] = value

    def sold_checks(self, item: _Item, unmapped: dict[str, Any]) -> None:
        """Report ``#TODO`` placeholders, and empty values on an entry sold with a SKU."""
        data = item.data
        sku_todo = self.todo_at(item, "sku") if "sku" in data else None
        sold = _valid_sku(data.get("sku")) or sku_todo is not None
        for key, value in data.items():
            if key in item.consumed:
                continue
            todo = self.todo_at(item, key)
            if todo is not None:
                if sold:
                    self.report(
                        codes.PLACEHOLDER_ON_SOLD_ENTRY,
                        f"{key} is a '#TODO' placeholder, read as empty, on entry "
                        f"'{item.source_id or '?'}', which is sold with a SKU",
                        todo,
                        f"fill in the {key}, or sell the entry with a custom SOW",
                    )
                else:
                    self.report(
                        codes.UNCLEAR_VALUE,
                        f"{key} is a '#TODO' placeholder, read as empty; it is kept under "
                        "imported.unmapped",
                        todo,
                        f"fill in the {key}, or remove it",
                    )
                unmapped[key] = value
                item.consumed.add(key)
            elif sold and key in _SOLD_KEYS and value in (None, ""):
                self.report(
                    codes.PLACEHOLDER_ON_SOLD_ENTRY,
                    f"{key} is empty on entry '{item.source_id or '?'}', which is sold with a SKU",
                    self.at(item, key),
                    f"fill in the {key}, or sell the entry with a custom SOW",
                )
                unmapped[key] = value
                item.consumed.add(key)

    def sku(self, item: _Item, variant: dict[str, Any], unmapped: dict[str, Any]) -> None:
        if "sku" not in item.data or "sku" in item.consumed:
            return
        value = item.data["sku"]
        if _valid_sku(value):
            variant["sku"] = value
        elif value is None or value == "":
            unmapped["sku"] = value
        elif isinstance(value, str) and value.strip().lower() in ("custom", "custom sow"):
            self.report(
                codes.CONVERTED_VALUE,
                f"sku '{value}' means a custom SOW; the variant is sold without a SKU",
                self.at(item, "sku"),
            )
            unmapped["sku"] = value
        else:
            self.unclear(item, "sku", unmapped, "is not a SKU (capitals, digits, + and hyphens)")

    def sow(self, item: _Item, variant: dict[str, Any], unmapped: dict[str, Any]) -> None:
        if "standard_sow" not in item.data or "standard_sow" in item.consumed:
            return
        value = item.data["standard_sow"]
        if isinstance(value, str) and _URL.fullmatch(value):
            variant["standard_sow"] = value
        elif value is None or value == "":
            unmapped["standard_sow"] = value
        else:
            self.unclear(item, "standard_sow", unmapped, "is not an http(s) link")

    def class_size(self, item: _Item, variant: dict[str, Any], unmapped: dict[str, Any]) -> None:
        if "class_size" not in item.data or "class_size" in item.consumed:
            return
        value = item.data["class_size"]
        if _is_number(value) and isinstance(value, int) and value >= 1:
            variant["class_size"] = value
            return
        match = _CLASS_SIZE.fullmatch(value.strip()) if isinstance(value, str) else None
        if match is not None and int(match["size"]) >= 1:
            variant["class_size"] = int(match["size"])
            self.report(
                codes.CONVERTED_VALUE,
                f"class_size '{value}' is imported as {int(match['size'])} attendees",
                self.at(item, "class_size"),
            )
            return
        unmapped["class_size"] = value

    def duration(self, item: _Item, variant: dict[str, Any], unmapped: dict[str, Any]) -> None:
        data = item.data
        days: float | None = None
        parsed: dict[str, Any] | None = None
        if "duration" in data and "duration" not in item.consumed:
            value = data["duration"]
            if _is_number(value) and value > 0:
                days = value
            elif isinstance(value, str) and (parsed := parse_duration(value)) is not None:
                self.report(
                    codes.CONVERTED_VALUE,
                    f"duration '{value}' is written as text; it is imported as "
                    f"{duration_text(parsed)}",
                    self.at(item, "duration"),
                    "write the duration as a number of days",
                )
            elif value is None:
                unmapped["duration"] = value
            else:
                self.unclear(item, "duration", unmapped, "is not a number of days")
        description = data.get("duration_desc")
        if "duration_desc" in data and "duration_desc" not in item.consumed:
            if description is None or description == "" or not isinstance(description, str):
                if description not in (None, ""):
                    self.unclear(item, "duration_desc", unmapped, "is not text")
                else:
                    unmapped["duration_desc"] = description
                description = None
            elif _PRICE_INSIDE.search(description):
                price = data.get("price")
                said = f" (the entry's price is {price})" if _is_number(price) else ""
                self.report(
                    codes.PRICE_IN_DURATION,
                    f"duration_desc holds a price, '{description}'{said}; it is kept under "
                    "imported.unmapped",
                    self.at(item, "duration_desc"),
                    "write how long the engagement lasts in duration_desc, e.g. "
                    "'3 months, 40 hours per week'",
                )
                unmapped["duration_desc"] = description
                description = None
        else:
            description = None
        if parsed is not None:
            variant["duration"] = parsed
            if description is not None:
                unmapped["duration_desc"] = description
            return
        described = parse_duration(description) if description is not None else None
        if days is not None:
            if described is not None and duration_agrees(described, days):
                variant["duration"] = described
                self.note_conversion(item, description, described)
                return
            if described is not None and described["unit"] == "day":
                self.report(
                    codes.DURATION_DISAGREES,
                    f"duration {_number_text(days)} disagrees with duration_desc "
                    f"'{description}'; the number is imported, the text kept as its note",
                    self.at(item, "duration"),
                    "make the two say the same length, or give a range such as '15-20 days'",
                    (Related(self.at(item, "duration_desc"), "the duration is described here"),),
                )
            variant["duration"] = {"value": days, "unit": "day"}
            if description is not None:
                variant["duration"]["note"] = description
            return
        if description is None:
            return
        if described is None:
            self.unclear(item, "duration_desc", unmapped, "is not a length of time")
            return
        variant["duration"] = described
        self.note_conversion(item, description, described)

    def note_conversion(self, item: _Item, text: str | None, duration: dict[str, Any]) -> None:
        if text is not None and text != duration_text(duration):
            self.report(
                codes.CONVERTED_VALUE,
                f"duration_desc '{text}' is imported as {_duration_words(duration)}",
                self.at(item, "duration_desc"),
            )

    def price(self, item: _Item, variant: dict[str, Any], unmapped: dict[str, Any]) -> None:
        data = item.data
        amount: float | None = None
        if "price" in data and "price" not in item.consumed:
            value = data["price"]
            if _is_number(value) and value >= 0:
                amount = value
            elif isinstance(value, str):
                amount = parse_price(value)
                if amount is None:
                    self.report(
                        codes.PRICE_AS_TEXT,
                        f"price is written as text, '{value}', with no clear amount; it is "
                        "kept under imported.unmapped",
                        self.at(item, "price"),
                        "write the amount as a number, and words about it in price_desc",
                    )
                    unmapped["price"] = value
                else:
                    self.report(
                        codes.PRICE_AS_TEXT,
                        f"price is written as text, '{value}'; it is imported as "
                        f"{_number_text(amount)} USD",
                        self.at(item, "price"),
                        f"write the amount as a number: price: {_number_text(amount)}",
                    )
            elif value is None:
                unmapped["price"] = value
            else:
                self.unclear(item, "price", unmapped, "is not an amount")
        currency = "USD"
        if "currency" in data and "currency" not in item.consumed:
            value = data["currency"]
            if amount is not None and isinstance(value, str) and _CURRENCY.fullmatch(value):
                currency = value
            else:
                unmapped["currency"] = value
        unit = "engagement"
        if "unit" in data and "unit" not in item.consumed:
            value = data["unit"]
            if amount is not None and value in _PRICE_UNITS:
                unit = value
            elif amount is not None:
                self.unclear(item, "unit", unmapped, "is not a unit a price is given for")
            else:
                unmapped["unit"] = value
        description = data.get("price_desc")
        described = "price_desc" in data and "price_desc" not in item.consumed
        if amount is None:
            if described:
                if description is None or description == "":
                    unmapped["price_desc"] = description
                else:
                    self.unclear(item, "price_desc", unmapped, "gives no price as a number")
            return
        price: dict[str, Any] = {"amount": amount, "currency": currency, "unit": unit}
        if described:
            if isinstance(description, str) and description != money_text(amount, currency):
                price["note"] = description
            elif not isinstance(description, str):
                unmapped["price_desc"] = description
        variant["price"] = price
        if item.block is None and isinstance(description, str):
            self.check_remote_price(item, amount, description)

    def check_remote_price(self, item: _Item, amount: float, description: str) -> None:
        if item.source_id is None or "remote" not in item.source_id.lower():
            return
        remote = _REMOTE_PRICE.search(description)
        on_site = _ON_SITE_PRICE.search(description)
        if remote is None or on_site is None:
            return
        remote_amount = float(remote["amount"].replace(",", ""))
        on_site_amount = float(on_site["amount"].replace(",", ""))
        if amount == on_site_amount != remote_amount:
            self.report(
                codes.REMOTE_PRICED_ON_SITE,
                f"id '{item.source_id}' says remote, but its price {_number_text(amount)} is "
                f"the on-site price of its price_desc (remote: ${remote['amount']})",
                self.at(item, "id"),
                "give the entry the remote price, or an id that does not say remote",
                (Related(self.at(item, "price"), "the price is given here"),),
            )

    def unclear(self, item: _Item, key: str, unmapped: dict[str, Any], why: str) -> None:
        value = item.data[key]
        self.report(
            codes.UNCLEAR_VALUE,
            f"{key} {_shown(value)} {why}; it is kept under imported.unmapped",
            self.at(item, key),
            f"write the {key} in the form the catalog takes, or move the words to a description",
        )
        unmapped[key] = value


# -- value conversions shared with the export


def parse_price(text: str) -> float | None:
    """Return the amount a price text such as ``"$14,400"`` states, if it states one."""
    match = _PRICE_TEXT.fullmatch(text)
    if match is None:
        return None
    return _number((match["amount"] or match["bare"]).replace(",", ""))


def money_text(amount: float, currency: str = "USD") -> str:
    """Return an amount as the services file writes it: ``$14,400`` (or ``14,400 EUR``)."""
    figure = f"{amount:,.2f}" if amount != int(amount) else f"{int(amount):,}"
    return f"${figure}" if currency == "USD" else f"{figure} {currency}"


def parse_duration(text: str) -> dict[str, Any] | None:
    """Return the duration a text such as ``3 months, 40 hours per week`` states, if any."""
    match = _DURATION_TEXT.fullmatch(text)
    if match is None:
        return None
    first = _number(match["a"])
    duration: dict[str, Any]
    if match["b"] is None:
        if first <= 0:
            return None
        duration = {"value": first}
    else:
        second = _number(match["b"])
        if first <= 0 or second <= 0:
            return None
        duration = {"min": first, "max": second}
    duration["unit"] = match["unit"]
    if match["note"] is not None:
        duration["note"] = match["note"]
    return duration


def duration_text(duration: dict[str, Any]) -> str:
    """Return a duration as ``parse_duration`` reads it back: ``1-3 days, note``."""
    unit = duration.get("unit", "day")
    if "value" in duration:
        amount = _number_text(duration["value"])
        plural = "" if duration["value"] == 1 else "s"
    else:
        amount = f"{_number_text(duration['min'])}-{_number_text(duration['max'])}"
        plural = "s"
    text = f"{amount} {unit}{plural}"
    note = duration.get("note")
    return text if note is None else f"{text}, {note}"


def _duration_words(duration: dict[str, Any]) -> str:
    unit = duration["unit"]
    if "value" in duration:
        words = f"{_number_text(duration['value'])} {unit}(s)"
    else:
        words = f"{_number_text(duration['min'])} to {_number_text(duration['max'])} {unit}s"
    note = duration.get("note")
    return words if note is None else f"{words}, note '{note}'"


def duration_agrees(duration: dict[str, Any], days: float) -> bool:
    """Whether a duration read from text is ``days`` days (or a range of days around it)."""
    if duration["unit"] != "day":
        return False
    if "value" in duration:
        return bool(duration["value"] == days)
    return bool(duration["min"] <= days <= duration["max"])


def _number(text: str) -> float:
    value = float(text)
    return int(value) if value.is_integer() else value


def _number_text(value: float) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return repr(value) if isinstance(value, float) else str(value)


def _is_number(value: Any) -> bool:
    return (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and not (isinstance(value, float) and not math.isfinite(value))
    )


def _valid_sku(value: Any) -> bool:
    return isinstance(value, str) and _SKU.fullmatch(value) is not None


def _stages(value: Any) -> list[str] | None:
    if isinstance(value, str):
        stages = [part.strip() for part in value.split(",")]
    elif isinstance(value, list) and all(isinstance(part, str) for part in value):
        stages = list(value)
    else:
        return None
    if (
        not stages
        or any(not stage or stage != stage.strip() for stage in stages)
        or len(set(stages)) != len(stages)
        or any(stage.lower() in _VAGUE_STAGES for stage in stages)
    ):
        return None
    return stages


def _name_text(data: dict[str, Any]) -> str | None:
    name = data.get("name")
    return name.strip() if isinstance(name, str) and name.strip() else None


def _level_of(value: Any) -> str | None:
    """Return the id of the level a source level (``1 - Product``) names, if it names one."""
    if not isinstance(value, str | int) or isinstance(value, bool):
        return None
    match = _LEVEL.fullmatch(str(value))
    if match is None:
        return None
    rank = int(match["rank"]) if match["rank"] else None
    if rank is None and match["name"].isdigit():
        rank = int(match["name"])
    name = match["name"].casefold()
    for level in LEVEL_DEFINITIONS:
        if level["rank"] == rank or (rank is None and level["name"].casefold() == name):
            return str(level["id"])
    return None


def _level_agrees(value: Any, level_id: str) -> bool:
    """Whether a source level names ``level_id`` by its rank and, if given, its name."""
    match = _LEVEL.fullmatch(str(value))
    if match is None:
        return False
    definition = next(d for d in LEVEL_DEFINITIONS if d["id"] == level_id)
    name = match["name"]
    return not name or name.isdigit() or name.casefold() == definition["name"].casefold()


def _consulting_category(data: dict[str, Any]) -> tuple[str, str] | None:
    """Return the category a "Consulting" entry belongs to by what it sells, and why."""
    words = " ".join(str(data.get(key) or "") for key in ("id", "name", "desc_url", "sku")).lower()
    if "dedicated" in words or "gl-engr" in words:
        return "dedicated", "a dedicated engineer"
    if "implementation" in words or "quickstart" in words or "quick-start" in words:
        return "implementation", "an implementation"
    if any(word in words for word in ("expert", "advisory", "consulting", "retainer")):
        return "expert", "expert consulting time"
    return None


def _block(value: Any) -> dict[str, Any] | None:
    """Return the export's block of an entry, if it is one this module can use."""
    if not isinstance(value, dict):
        return None
    if not all(
        isinstance(value.get(key), str) and _SLUG.fullmatch(value[key])
        for key in ("category", "offering", "variant")
    ):
        return None
    return value


def _signals(source_id: str, sku: Any) -> _Signals:
    sku_text = sku if isinstance(sku, str) else ""
    months = _ID_MONTHS.search(source_id) or _SKU_MONTHS.search(sku_text)
    deployment = None
    if _ID_SELF_MANAGED.search(source_id) or sku_text.endswith("-SELF"):
        deployment = "self-managed"
    elif _ID_GITLAB_COM.search(source_id) or sku_text.endswith("-COM"):
        deployment = "gitlab-com"
    return _Signals(
        remote=bool(_ID_REMOTE.search(source_id)) or sku_text.endswith("-R"),
        months=int(months["months"]) if months else None,
        cleared=bool(_ID_CLEARED.search(source_id)) or "-CLEARED" in sku_text,
        deployment=deployment,
    )


def _family(source_id: str) -> str:
    """Return an id without its delivery suffixes: what the variants of an offering share."""
    family = source_id.strip()
    while True:
        shorter = family
        for pattern in (_ID_REMOTE, _ID_MONTHS, _ID_SELF_MANAGED, _ID_GITLAB_COM, _ID_CLEARED):
            shorter = pattern.sub("", shorter)
        if shorter == family or not shorter:
            return family
        family = shorter


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "entry"


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _kind_of(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    return f"the value {_shown(value)}"


def _shown(value: Any) -> str:
    if isinstance(value, str):
        return f"'{value}'" if len(value) <= 60 else f"'{value[:57]}...'"
    if value is None:
        return "(empty)"
    return str(value) if not isinstance(value, bool) else str(value).lower()


@cache
def _key_orders() -> dict[str, tuple[str, ...]]:
    """Return each definition's keys in the category schema's order: the canonical order."""
    schema = load_schema(CATEGORY)
    orders = {name: tuple(d.get("properties", {})) for name, d in schema["$defs"].items()}
    orders["category"] = tuple(schema["properties"])
    return orders


def _ordered(data: dict[str, Any], definition: str) -> dict[str, Any]:
    """Return ``data`` with its keys in the schema's order (unknown keys last), nested too."""
    orders = _key_orders()
    properties = orders.get(definition, ())
    known = {key: data[key] for key in properties if key in data}
    known.update({key: value for key, value in data.items() if key not in known})
    for key, value in known.items():
        if isinstance(value, dict) and key in orders and key in properties:
            known[key] = _ordered(value, key)
    return known


def _in_source_order(unmapped: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
    """Order the unmapped keys as the source entry has them; the other entries' block last."""
    position = {key: index for index, key in enumerate(data)}
    return dict(
        sorted(
            unmapped.items(),
            key=lambda pair: (pair[0] == VARIANTS_KEY, position.get(pair[0], len(position))),
        )
    )


# -- writing YAML


def _shown_in_comment(text: str) -> str:
    """Return ``text`` fit for a comment line: what would end or break the line replaced."""
    return "".join(char if char.isprintable() else "?" for char in text)


def _modeline_reference(kind: str) -> str:
    return f"../schema/{kind}.schema.json"


def _modeline(kind: str) -> str:
    return f"# yaml-language-server: $schema={_modeline_reference(kind)}"


def _formatted(text: str, kind: str) -> str:
    """Return ``text`` in the canonical layout, by ``pscatalog.tools.formatting`` when it exists."""
    try:
        formatting = importlib.import_module("pscatalog.tools.formatting")
    except ModuleNotFoundError:
        return text
    format_text: Callable[[str, str], str] | None = getattr(formatting, "format_text", None)
    error = getattr(formatting, "FormatError", None)
    refusals: tuple[type[BaseException], ...] = (error,) if isinstance(error, type) else ()
    if not callable(format_text):
        return text
    try:
        return format_text(text, kind)
    except refusals:
        return text  # already in this module's own canonical layout
