"""GitLab's services file: the conventions import reads and export writes.

GitLab keeps what it sells as one flat list of entries (``data/services.yml``
in its handbook's repository). Everything this package assumes about that
file is here, so that a reader with another services file adapts one
module: the levels and categories a catalog gets, how the file names the
categories, the suffixes that mark the variants of one offering, and the
keys of an entry.
"""

from __future__ import annotations

import re
from typing import Any

# -- what the catalog gets

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

UNCATEGORISED = "uncategorised"
"""The category of entries that name none."""

# -- how the file names things

SOURCE_CATEGORY_NAMES: dict[str, str] = {
    "implementation": "Implementation",
    "integration": "Integration",
    "migration": "Migration",
    "education": "Education",
    "dedicated": "Consulting",
    "expert": "Consulting",
}
"""How GitLab's services file names each of the framework's categories."""

CATEGORY_NAME_SUFFIX = re.compile(r"\s+services$")
"""What a category's name may end with in the file ("Education Services")."""

CONSULTING = "consulting"
"""The file's category that holds the Dedicated, Expert and some Implementation entries."""
CONSULTING_CATEGORIES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("dedicated", "a dedicated engineer", ("dedicated", "gl-engr")),
    ("implementation", "an implementation", ("implementation", "quickstart", "quick-start")),
    ("expert", "expert consulting time", ("expert", "advisory", "consulting", "retainer")),
)
"""For a "Consulting" entry: the category, what it sells, and words of its id, name,
link or SKU that say so; the first that matches decides."""

LEVEL_TEXT = re.compile(r"\s*(?:(?P<rank>[0-9]+)\s*-\s*)?(?P<name>.*?)\s*")
"""How the file writes a level: ``1 - Product`` (a rank, a name, or both)."""

SITE = "https://about.gitlab.com"
"""Where the file's links that start with ``/`` lead."""

CUSTOM_SKU_WORDS = frozenset({"custom", "custom sow"})
"""SKU values that mean "sold with a custom SOW", not a SKU."""

VAGUE_STAGES = frozenset({"all", "any"})
"""Stage values that name no stage."""

# -- the suffixes that make entries the variants of one offering

ID_REMOTE = re.compile(r"[-_ ]remote$", re.IGNORECASE)
ID_MONTHS = re.compile(r"(?<=[A-Za-z])[-_](?P<months>[0-9]{1,2})$")
"""A duration ending an id after a word ("Dedicated-12"); "2022-10" is not one."""
ID_CLEARED = re.compile(r"[-_]cleared(?=[-_]|$)", re.IGNORECASE)
ID_SELF_MANAGED = re.compile(r"[-_](?:sm|self|self[-_]managed)$", re.IGNORECASE)
ID_GITLAB_COM = re.compile(r"[-_](?:com|saas|gitlab[-_]com)$", re.IGNORECASE)
ID_SUFFIXES = (ID_REMOTE, ID_MONTHS, ID_SELF_MANAGED, ID_GITLAB_COM, ID_CLEARED)
"""Suffixes of an entry's id that say how it is delivered; what is left names the offering."""
SKU_MONTHS = re.compile(r"(?<=[A-Za-z])-(?P<months>[0-9]{1,2})$")
SKU_REMOTE = "-R"
SKU_SELF_MANAGED = "-SELF"
SKU_GITLAB_COM = "-COM"
SKU_CLEARED = "-CLEARED"
NAME_SUFFIX = re.compile(
    r"\s*(?:-\s*(?:remote(?: delivery)?|[0-9]+\s*months?|self[- ]managed|gitlab\.com|saas)"
    r"|\(cleared\))\s*$",
    re.IGNORECASE,
)
"""A delivery suffix of an entry's name ("Dedicated Engineer - 6 Months")."""

# -- the keys of an entry

BLOCK_KEY = "pscatalog"
"""The key of the block that ``export --format services-yml`` adds to each entry."""
VARIANTS_KEY = "variants"
"""Under ``imported.unmapped``: the source keys of the offering's other entries, by variant id."""

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
VARIANT_KEYS = (
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
"""Keys that describe one way of delivering the offering."""
SOLD_KEYS = ("sku", "standard_sow", "price")
"""Keys an entry sold with a SKU cannot leave empty."""
KNOWN_KEYS = frozenset({"id", "name", "description2", *OFFERING_KEYS, *VARIANT_KEYS})
"""Every key that has a place in the catalog."""

CONSUMED_BY_VARIANT_FIELD = {
    "price": ("price", "price_desc", "unit", "currency"),
    "duration": ("duration", "duration_desc"),
    "sku": ("sku",),
    "standard_sow": ("standard_sow",),
    "class_size": ("class_size",),
}
"""The flat keys a variant field in the export's block replaces."""
CONSUMED_BY_OFFERING_FIELD = {
    "summary": ("short_desc",),
    "url": ("desc_url",),
    "target_audience": ("target_audience",),
    "stages": ("stages",),
    "evidence": ("delivery_kit",),
    "maturity": ("maturity",),
}
"""The flat keys an offering field in the export's block replaces."""

DEFAULT_CURRENCY = "USD"
"""The currency of a price that names none."""
DEFAULT_PRICE_UNIT = "engagement"
"""What a price buys when the entry has no ``unit``."""
