"""The entries of a services file: each a mapping with an id, a name and delivery signals.

An entry's id and SKU say how it is delivered (``_remote``, ``-R``, ``-6``,
``-CLEARED``, ``-SELF``); the grouping turns entries that differ only by
those signals into the variants of one offering. An entry written by
``export --format services-yml`` carries a ``pscatalog`` block that names
its offering instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from pscatalog.catalog.services_entry import name_text
from pscatalog.catalog.services_file import (
    BLOCK_KEY,
    CONSUMED_BY_OFFERING_FIELD,
    CONSUMED_BY_VARIANT_FIELD,
    ID_CLEARED,
    ID_GITLAB_COM,
    ID_MONTHS,
    ID_REMOTE,
    ID_SELF_MANAGED,
    SKU_CLEARED,
    SKU_GITLAB_COM,
    SKU_MONTHS,
    SKU_REMOTE,
    SKU_SELF_MANAGED,
)
from pscatalog.rules import (
    duplicate_source_id,
    duplicate_source_name,
    missing_value,
    not_a_service_entry,
)
from pscatalog.tools.importing.source import Context

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass
class Signals:
    """What an entry's id and SKU say about how it is delivered."""

    remote: bool = False
    months: int | None = None
    cleared: bool = False
    deployment: str | None = None

    @property
    def signature(self) -> tuple[bool, int | None, bool, str | None]:
        """The signals together: two entries of one offering never share it."""
        return (self.remote, self.months, self.cleared, self.deployment)

    @property
    def variant_id(self) -> str:
        """The id of the variant these signals make (``cleared-6-months``)."""
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
class Entry:
    """One entry of the source, as the conversion learns about it."""

    index: int
    """Its position in the file's list."""
    data: dict[str, Any]
    source_id: str | None
    """Its id without surrounding spaces, if it has one."""
    block: dict[str, Any] | None
    """The export's block, when the entry has a usable one."""
    signals: Signals = field(default_factory=Signals)
    category: str = ""
    """The id of the category it is imported into."""
    consumed: set[str] = field(default_factory=set)
    """Keys read otherwise (an override in the block, a placeholder): not read as they are."""


def read_entries(context: Context, data: list[Any]) -> list[Entry]:
    """Return the entries of a services file's list; report those that are not mappings."""
    entries = []
    for index, value in enumerate(data):
        if not isinstance(value, dict):
            context.add(
                not_a_service_entry.not_a_mapping(index + 1, value, context.source.locate((index,)))
            )
            continue
        entry = _entry(index, value)
        if entry.source_id is None:
            location = context.source.locate((index, "id") if "id" in value else (index,))
            context.add(missing_value.no_id(index + 1, value.get("id"), location))
        entries.append(entry)
    return entries


def _entry(index: int, data: dict[str, Any]) -> Entry:
    raw_id = data.get("id")
    if isinstance(raw_id, int) and not isinstance(raw_id, bool):
        raw_id = str(raw_id)  # id: 26 is an id every reader reads alike
    source_id = raw_id.strip() if isinstance(raw_id, str) and raw_id.strip() else None
    block = block_of(data.get(BLOCK_KEY))
    entry = Entry(index, data, source_id, block)
    if block is None:
        entry.signals = signals_of(source_id or "", data.get("sku"))
    else:
        entry.consumed.add(BLOCK_KEY)
        entry.consumed.update(overridden_keys(block))
    return entry


def block_of(value: Any) -> dict[str, Any] | None:
    """Return the export's block of an entry, if it is one import can use."""
    if not isinstance(value, dict):
        return None
    if not all(
        isinstance(value.get(key), str) and _SLUG.fullmatch(value[key])
        for key in ("category", "offering", "variant")
    ):
        return None
    return value


def overridden_keys(block: dict[str, Any]) -> set[str]:
    """Return the flat keys whose values the block's overrides replace."""
    keys: set[str] = set()
    for fields, consumed in (
        (block.get("variant_fields"), CONSUMED_BY_VARIANT_FIELD),
        (block.get("offering_fields"), CONSUMED_BY_OFFERING_FIELD),
    ):
        if isinstance(fields, dict):
            for name in fields:
                keys.update(consumed.get(name, ()))
    return keys


def signals_of(source_id: str, sku: Any) -> Signals:
    """Return the delivery signals of an entry's id and SKU."""
    sku_text = sku if isinstance(sku, str) else ""
    months = ID_MONTHS.search(source_id) or SKU_MONTHS.search(sku_text)
    deployment = None
    if ID_SELF_MANAGED.search(source_id) or sku_text.endswith(SKU_SELF_MANAGED):
        deployment = "self-managed"
    elif ID_GITLAB_COM.search(source_id) or sku_text.endswith(SKU_GITLAB_COM):
        deployment = "gitlab-com"
    return Signals(
        remote=bool(ID_REMOTE.search(source_id)) or sku_text.endswith(SKU_REMOTE),
        months=int(months["months"]) if months else None,
        cleared=bool(ID_CLEARED.search(source_id)) or SKU_CLEARED in sku_text,
        deployment=deployment,
    )


def check_duplicates(context: Context, entries: list[Entry]) -> None:
    """Report ids and names that an earlier entry already has."""
    context.add(
        *duplicate_source_id.check(
            (entry.source_id, entry.data.get("sku"), partial(context.at, entry, "id"))
            for entry in entries
            if entry.source_id is not None
        )
    )
    context.add(
        *duplicate_source_name.check(
            (name, entry.source_id, partial(context.at, entry, "name"))
            for entry in entries
            if (name := name_text(entry.data)) is not None
        )
    )
