"""pscatalog: schema, validator and tools for a professional-services offerings catalog.

The public API::

    import pscatalog

    catalog = pscatalog.load_catalog("catalog")   # read every file, with positions
    result = pscatalog.validate(["catalog"])      # schema + the framework's rules
    for diagnostic in result.diagnostics:
        print(diagnostic.location, diagnostic.code, diagnostic.message)

Names are imported when first used, so ``pscatalog --version`` stays fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from pscatalog._version import __version__

if TYPE_CHECKING:
    from pscatalog.catalog import Catalog, Entry, Offering, load_catalog
    from pscatalog.checker import ValidationResult, validate
    from pscatalog.diagnostics import Diagnostic, Location, Severity
    from pscatalog.errors import PscatalogError, UsageError
    from pscatalog.exporting import export_json
    from pscatalog.rendering import render_categories

__all__ = [
    "Catalog",
    "Diagnostic",
    "Entry",
    "Location",
    "Offering",
    "PscatalogError",
    "Severity",
    "UsageError",
    "ValidationResult",
    "__version__",
    "export_json",
    "load_catalog",
    "render_categories",
    "validate",
]

_HOME = {
    "Catalog": "pscatalog.catalog",
    "Entry": "pscatalog.catalog",
    "Offering": "pscatalog.catalog",
    "load_catalog": "pscatalog.catalog",
    "ValidationResult": "pscatalog.checker",
    "validate": "pscatalog.checker",
    "Diagnostic": "pscatalog.diagnostics",
    "Location": "pscatalog.diagnostics",
    "Severity": "pscatalog.diagnostics",
    "PscatalogError": "pscatalog.errors",
    "UsageError": "pscatalog.errors",
    "export_json": "pscatalog.exporting",
    "render_categories": "pscatalog.rendering",
}


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module 'pscatalog' has no attribute {name!r}")
    return getattr(importlib.import_module(home), name)
