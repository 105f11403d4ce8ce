"""pscatalog: schema, validator and tools for a professional-services offerings catalog.

The public API::

    import pscatalog

    catalog = pscatalog.load_catalog("catalog")   # read every file, with positions
    result = pscatalog.validate(["catalog"])      # schema + the framework's rules
    for diagnostic in result.diagnostics:
        print(diagnostic.location, diagnostic.code, diagnostic.message)

    pscatalog.render(catalog, "maturity")          # Markdown (or "svg") for the handbook
    pscatalog.format_paths(["catalog"], check=True, diff=False)
    pscatalog.fix_catalog(["catalog"], write=False)
    pscatalog.import_services("services.yml", "catalog")
    pscatalog.export_json(catalog), pscatalog.export_services(catalog)
    pscatalog.diff_catalogs(old, new), pscatalog.check_changes(old, new, config)
    pscatalog.catalog_stats(catalog)

Names are imported when first used, so ``pscatalog --version`` stays fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from pscatalog._version import __version__

if TYPE_CHECKING:
    from pscatalog.catalog.model import Catalog, Entry, Offering, load_catalog
    from pscatalog.checks.baseline import apply_baseline, baseline_text, read_baseline
    from pscatalog.checks.changes import check_changes
    from pscatalog.checks.checker import ValidationResult, validate
    from pscatalog.checks.config import Config, load_config
    from pscatalog.diagnostics import Diagnostic, Location, Severity
    from pscatalog.errors import PscatalogError, UsageError
    from pscatalog.outputs.exporting import export_json, export_services
    from pscatalog.outputs.rendering import render, render_categories
    from pscatalog.outputs.stats import catalog_stats
    from pscatalog.tools.diffing import diff_catalogs, read_side
    from pscatalog.tools.fixing import fix_catalog
    from pscatalog.tools.formatting import format_paths, format_text
    from pscatalog.tools.importing import import_services

__all__ = [
    "Catalog",
    "Config",
    "Diagnostic",
    "Entry",
    "Location",
    "Offering",
    "PscatalogError",
    "Severity",
    "UsageError",
    "ValidationResult",
    "__version__",
    "apply_baseline",
    "baseline_text",
    "catalog_stats",
    "check_changes",
    "diff_catalogs",
    "export_json",
    "export_services",
    "fix_catalog",
    "format_paths",
    "format_text",
    "import_services",
    "load_catalog",
    "load_config",
    "read_baseline",
    "read_side",
    "render",
    "render_categories",
    "validate",
]

_HOME = {
    "Catalog": "pscatalog.catalog.model",
    "Entry": "pscatalog.catalog.model",
    "Offering": "pscatalog.catalog.model",
    "load_catalog": "pscatalog.catalog.model",
    "ValidationResult": "pscatalog.checks.checker",
    "validate": "pscatalog.checks.checker",
    "Diagnostic": "pscatalog.diagnostics",
    "Location": "pscatalog.diagnostics",
    "Severity": "pscatalog.diagnostics",
    "PscatalogError": "pscatalog.errors",
    "UsageError": "pscatalog.errors",
    "export_json": "pscatalog.outputs.exporting",
    "export_services": "pscatalog.outputs.exporting",
    "render": "pscatalog.outputs.rendering",
    "render_categories": "pscatalog.outputs.rendering",
    "apply_baseline": "pscatalog.checks.baseline",
    "baseline_text": "pscatalog.checks.baseline",
    "read_baseline": "pscatalog.checks.baseline",
    "catalog_stats": "pscatalog.outputs.stats",
    "check_changes": "pscatalog.checks.changes",
    "Config": "pscatalog.checks.config",
    "load_config": "pscatalog.checks.config",
    "diff_catalogs": "pscatalog.tools.diffing",
    "read_side": "pscatalog.tools.diffing",
    "fix_catalog": "pscatalog.tools.fixing",
    "format_paths": "pscatalog.tools.formatting",
    "format_text": "pscatalog.tools.formatting",
    "import_services": "pscatalog.tools.importing",
}


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module 'pscatalog' has no attribute {name!r}")
    return getattr(importlib.import_module(home), name)
