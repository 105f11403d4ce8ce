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
  maturities stay for ``validate`` to judge;
- no file is written over a file import did not write.

A file written by ``pscatalog export --format services-yml`` carries a
``pscatalog`` block on each entry naming its category, offering and variant,
plus whatever catalog values its flat fields cannot say. Such entries are
grouped by that block instead of by suffixes, so that export then import gives
back the same offerings.

The modules, one job each: :mod:`.importer` (the command), :mod:`.source`
(places and findings), :mod:`.entries` (the entries and their signals),
:mod:`.categories` (categories and levels), :mod:`.grouping` (the variants of
one offering), :mod:`.converter` (offerings from groups), :mod:`.writing`
(the folder). GitLab's conventions are in
:mod:`pscatalog.catalog.services_file`, the reading of an entry's fields
(shared with the export) in :mod:`pscatalog.catalog.services_entry`, and the
value parsers in :mod:`pscatalog.catalog.values`.
"""

from __future__ import annotations

from pscatalog.tools.importing.converter import Conversion, convert_entries
from pscatalog.tools.importing.importer import DEFAULT_OUTPUT, ImportResult, import_services
from pscatalog.tools.importing.source import DetachedSource, SourceFile
from pscatalog.tools.importing.writing import catalog_texts, category_text, levels_text

__all__ = [
    "DEFAULT_OUTPUT",
    "Conversion",
    "DetachedSource",
    "ImportResult",
    "SourceFile",
    "catalog_texts",
    "category_text",
    "convert_entries",
    "import_services",
    "levels_text",
]
