"""Write the schema conformance corpus: documents, and the verdict every validator must give.

Each case is one JSON file, ``<schema>/<valid|invalid>/<name>.json``::

    {
      "description": "what the case shows, in one sentence",
      "schema": "category",                  # schema/category.schema.json
      "valid": false,
      "errors": [                            # what a validator reports, in the terms of the
        {                                    # JSON Schema output format
          "keywordLocation": "/properties/offerings/items/$ref/properties/id/$ref/pattern",
          "instanceLocation": "/offerings/0/id"
        }
      ],
      "document": {...}
    }

Valid cases are whole documents; each invalid case is a valid base document with one small
edit (a JSON pointer set or removed) that breaks one constraint of the schema, so its
``errors`` name that constraint only (a few constraints cannot fail alone, and say so).
The cases are written below; the files are committed data that other tools can read
without this script::

    python tests/conformance/generate.py

rewrites them (and removes files of cases that no longer exist). ``tests/test_conformance.py``
checks that the files are what this script writes, that every constraint of the schemas is
broken by some case, and that python-jsonschema, jsonschema-rs and ajv give every verdict.
"""

from __future__ import annotations

import copy
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SCHEMAS = ("levels", "category")

DROP = object()
"""A change's value that removes the key or item at its pointer."""


@dataclass(frozen=True)
class Case:
    """One document and the verdict, with the errors that explain it."""

    schema: str
    name: str
    description: str
    document: Any
    errors: tuple[tuple[str, str], ...] = ()

    @property
    def valid(self) -> bool:
        """Whether the document is valid: it breaks no constraint."""
        return not self.errors

    @property
    def path(self) -> str:
        """The case's file, relative to the corpus folder."""
        return f"{self.schema}/{'valid' if self.valid else 'invalid'}/{self.name}.json"

    def to_json(self) -> str:
        """Return the case's file."""
        data = {
            "description": self.description,
            "schema": self.schema,
            "valid": self.valid,
            "errors": [
                {"keywordLocation": keyword, "instanceLocation": instance}
                for keyword, instance in self.errors
            ],
            "document": self.document,
        }
        # ASCII only: the whitespace and control characters some cases are about stay visible.
        return json.dumps(data, indent=2, ensure_ascii=True) + "\n"


def edited(base: Any, *changes: tuple[str, Any]) -> Any:
    """Return a copy of ``base`` with each (JSON pointer, value) set, or removed for DROP."""
    document = copy.deepcopy(base)
    for pointer, value in changes:
        if pointer == "":
            document = value
            continue
        *parents, last = [
            part.replace("~1", "/").replace("~0", "~") for part in pointer.split("/")[1:]
        ]
        node = document
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node[part]
        key: int | str = int(last) if isinstance(node, list) else last
        if value is DROP:
            del node[key]
        elif isinstance(node, list) and key == len(node):
            node.append(copy.deepcopy(value))
        else:
            node[key] = copy.deepcopy(value)
    return document


# ---------------------------------------------------------------------------------------------
# levels.schema.json

LEVELS_BASE: dict[str, Any] = {
    "schema_version": 1,
    "levels": [
        {
            "id": "product",
            "name": "Product",
            "rank": 1,
            "persona": "The platform owner, who runs GitLab for the organisation",
            "description": "Services that put GitLab itself in place for the platform owner.",
        },
        {
            "id": "adoption",
            "name": "Adoption",
            "rank": 2,
            "persona": "The enablement lead, who gets the organisation's teams productive",
        },
        {
            "id": "transformation",
            "name": "Transformation",
            "rank": 3,
            "persona": "The executive sponsor of the organisation's DevOps transformation",
        },
    ],
}

LEVEL = "/properties/levels/items/$ref"
"""Where the schema of a level is, seen from the document."""


def levels_cases() -> list[Case]:
    base = LEVELS_BASE

    def ok(name: str, description: str, document: Any) -> Case:
        return Case("levels", name, description, document)

    def bad(name: str, description: str, change: tuple[str, Any], *errors: tuple[str, str]) -> Case:
        return Case("levels", name, description, edited(base, change), errors)

    return [
        ok("three-levels", "The three levels of the framework, with every key.", base),
        ok(
            "one-level-required-keys-only",
            "One level with only its required keys, and no schema_version.",
            {"levels": [{"id": "product", "name": "Product", "rank": 1, "persona": "Owner"}]},
        ),
        ok(
            "whole-numbers-written-as-decimals",
            "1.0 is an integer in JSON Schema: schema_version and rank written 1.0 are valid.",
            edited(base, ("/schema_version", 1.0), ("/levels/1/rank", 2.0)),
        ),
        ok(
            "unicode-text",
            "Names and personas may hold any Unicode text, emoji included.",
            edited(
                base,
                ("/levels/0/name", "Produit \u00e9tendu \U0001f680"),
                ("/levels/0/persona", "Le propri\u00e9taire de la plateforme\nsur deux lignes"),
            ),
        ),
        bad(
            "document-not-a-mapping",
            "The document is a list, not a mapping.",
            ("", [base]),
            ("/type", ""),
        ),
        bad("document-null", "The document is empty (null).", ("", None), ("/type", "")),
        bad(
            "document-unknown-key",
            "A key the schema does not declare at the top of the file.",
            ("/categories", ["integration"]),
            ("/additionalProperties", ""),
        ),
        bad(
            "document-missing-levels",
            "The file has no levels list.",
            ("/levels", DROP),
            ("/required", ""),
        ),
        bad(
            "schema-version-type",
            "schema_version written as text is neither an integer nor the constant 1.",
            ("/schema_version", "1"),
            ("/properties/schema_version/type", "/schema_version"),
            ("/properties/schema_version/const", "/schema_version"),
        ),
        bad(
            "schema-version-const",
            "schema_version 2 is not the version this schema describes.",
            ("/schema_version", 2),
            ("/properties/schema_version/const", "/schema_version"),
        ),
        bad(
            "levels-type",
            "levels is a mapping, not a list.",
            ("/levels", {"product": {"name": "Product"}}),
            ("/properties/levels/type", "/levels"),
        ),
        bad(
            "levels-min-items",
            "levels is an empty list.",
            ("/levels", []),
            ("/properties/levels/minItems", "/levels"),
        ),
        bad(
            "level-type",
            "A level written as text instead of a mapping.",
            ("/levels/0", "product"),
            (f"{LEVEL}/type", "/levels/0"),
        ),
        bad(
            "level-unknown-key",
            "A level with a key the schema does not declare.",
            ("/levels/0/categories", ["integration"]),
            (f"{LEVEL}/additionalProperties", "/levels/0"),
        ),
        *(
            bad(
                f"level-missing-{key}",
                f"A level without {key}.",
                (f"/levels/0/{key}", DROP),
                (f"{LEVEL}/required", "/levels/0"),
            )
            for key in ("id", "name", "rank", "persona")
        ),
        bad(
            "level-id-type",
            "A level id that is a number.",
            ("/levels/0/id", 1),
            (f"{LEVEL}/properties/id/$ref/type", "/levels/0/id"),
        ),
        bad(
            "level-id-pattern",
            "A level id with a capital letter is not a slug.",
            ("/levels/0/id", "Product"),
            (f"{LEVEL}/properties/id/$ref/pattern", "/levels/0/id"),
        ),
        bad(
            "level-id-final-line-break",
            "A level id ending in a line break (a YAML block scalar) is not a slug.",
            ("/levels/0/id", "product\n"),
            (f"{LEVEL}/properties/id/$ref/pattern", "/levels/0/id"),
            (f"{LEVEL}/properties/id/$ref/not", "/levels/0/id"),
        ),
        *named(
            lambda name, description, value, *errors: bad(
                name, description, ("/levels/0/name", value), *errors
            ),
            "level-name",
            "A level name",
            "/levels/0/name",
            f"{LEVEL}/properties/name/$ref",
        ),
        bad(
            "rank-type",
            "A rank written as text is neither an integer nor one of 1, 2, 3.",
            ("/levels/0/rank", "1"),
            (f"{LEVEL}/properties/rank/type", "/levels/0/rank"),
            (f"{LEVEL}/properties/rank/enum", "/levels/0/rank"),
        ),
        bad(
            "rank-fraction",
            "A rank of 1.5 is neither an integer nor one of 1, 2, 3.",
            ("/levels/0/rank", 1.5),
            (f"{LEVEL}/properties/rank/type", "/levels/0/rank"),
            (f"{LEVEL}/properties/rank/enum", "/levels/0/rank"),
        ),
        bad(
            "rank-boolean",
            "true is not the integer 1 (as it is in Python): neither an integer nor a rank.",
            ("/levels/0/rank", True),
            (f"{LEVEL}/properties/rank/type", "/levels/0/rank"),
            (f"{LEVEL}/properties/rank/enum", "/levels/0/rank"),
        ),
        bad(
            "rank-enum",
            "Rank 4 is not one of 1, 2, 3.",
            ("/levels/2/rank", 4),
            (f"{LEVEL}/properties/rank/enum", "/levels/2/rank"),
        ),
        bad(
            "persona-type",
            "A persona written as a list.",
            ("/levels/0/persona", ["The platform owner"]),
            (f"{LEVEL}/properties/persona/type", "/levels/0/persona"),
        ),
        bad(
            "persona-min-length",
            "An empty persona.",
            ("/levels/0/persona", ""),
            (f"{LEVEL}/properties/persona/minLength", "/levels/0/persona"),
        ),
        bad(
            "level-description-type",
            "A level description that is a number.",
            ("/levels/0/description", 3),
            (f"{LEVEL}/properties/description/type", "/levels/0/description"),
        ),
    ]


# ---------------------------------------------------------------------------------------------
# category.schema.json

SOW = "https://docs.google.com/document/d/1QwlpyetVQ_J27Vp8quZsayu7xgJxk5wdcnmNK7OvAiQ/edit"
PAGE = "https://about.gitlab.com/services/implementation/integration/"

CATEGORY_BASE: dict[str, Any] = {
    "schema_version": 1,
    "id": "integration",
    "name": "Integration Services",
    "level": "product",
    "order": 2,
    "description": "Services that connect GitLab to the tools the customer already uses.",
    "owner": "@ps-integration",
    "offerings": [
        {
            "id": "jira",
            "name": "JIRA",
            "maturity": "lovable",
            "maturity_reason": "Positive NPS and a measured adoption impact since 2022.",
            "summary": "Set up and test the integration between GitLab and Jira.",
            "description": "A GitLab engineer configures the Jira integration and tests it.",
            "url": PAGE,
            "owner": "@ps-integration",
            "target_audience": "Customers who need to integrate GitLab with Jira.",
            "stages": ["Plan", "Verify"],
            "evidence": {
                "deliveries": 24,
                "last_delivered": "2022-10-28",
                "marketing_material": [PAGE],
                "execution_plan": "https://gitlab.com/ps/integration/-/blob/main/jira.md",
                "delivery_kit": "https://gitlab.com/ps/integration/jira-kit",
                "nps": {"score": 48, "responses": 21, "measured_on": "2022-09-30"},
                "adoption_impact": {
                    "metric": "Monthly active users on the customer's instance",
                    "result": "+35% within 90 days, median of 12 customers",
                    "source": "https://gitlab.com/ps/adoption-metrics/-/issues/12",
                    "measured_on": "2022-10-15",
                },
            },
            "variants": [
                {
                    "id": "standard",
                    "name": "Jira integration",
                    "description": "Setup and test of one Jira instance, remotely.",
                    "sku": "GL-JIRA",
                    "standard_sow": SOW,
                    "delivery": "remote",
                    "deployment": "self-managed",
                    "retired": False,
                    "clearance": False,
                    "class_size": 12,
                    "duration": {"value": 3, "unit": "day", "note": "Two 4-hour sessions"},
                    "price": {
                        "amount": 2400,
                        "currency": "USD",
                        "unit": "engagement",
                        "note": "Plus travel expenses",
                    },
                },
                {
                    "id": "custom",
                    "name": "Custom integration",
                    "duration": {"min": 1, "max": 5, "unit": "week"},
                    "price": {"min": 20000, "max": 150000, "currency": "USD", "unit": "engagement"},
                },
            ],
            "imported": {
                "source": "services.yml",
                "source_id": "integration_jira",
                "unmapped": {"planned-maturity": "Lovable"},
            },
        }
    ],
}

OFFERING = "/properties/offerings/items/$ref"
VARIANT = f"{OFFERING}/properties/variants/items/$ref"
EVIDENCE = f"{OFFERING}/properties/evidence/$ref"
NPS = f"{EVIDENCE}/properties/nps/$ref"
IMPACT = f"{EVIDENCE}/properties/adoption_impact/$ref"
DURATION = f"{VARIANT}/properties/duration/$ref"
PRICE = f"{VARIANT}/properties/price/$ref"
IMPORTED = f"{OFFERING}/properties/imported/$ref"

OFFER = "/offerings/0"
STANDARD = f"{OFFER}/variants/0"
CUSTOM = f"{OFFER}/variants/1"

MINIMAL_CATEGORY: dict[str, Any] = {
    "id": "education",
    "name": "Education Services",
    "level": "adoption",
    "offerings": [
        {
            "id": "training",
            "name": "Training",
            "maturity": "minimal",
            "variants": [{"id": "custom"}],
        }
    ],
}


def category_cases() -> list[Case]:
    base = CATEGORY_BASE

    def ok(name: str, description: str, document: Any) -> Case:
        return Case("category", name, description, document)

    def bad(
        name: str,
        description: str,
        changes: tuple[str, Any] | list[tuple[str, Any]],
        *errors: tuple[str, str],
    ) -> Case:
        listed = changes if isinstance(changes, list) else [changes]
        return Case("category", name, description, edited(base, *listed), errors)

    def typed(name: str, what: str, pointer: str, schema: str, value: Any) -> Case:
        """A value of the wrong type where nothing else applies to it."""
        return bad(
            f"{name}-type",
            f"{what} written as {_kind(value)}.",
            (pointer, value),
            (f"{schema}/type", pointer),
        )

    def patterned(
        name: str, what: str, pointer: str, schema: str, wrong: str, mistyped: Any = 1
    ) -> list[Case]:
        """A text value of the wrong type, of the wrong form, and ending in a line break."""
        good = _get(base, pointer)
        return [
            typed(name, what, pointer, schema, mistyped),
            bad(
                f"{name}-pattern",
                f"{what} {wrong!r} does not match its pattern.",
                (pointer, wrong),
                (f"{schema}/pattern", pointer),
            ),
            bad(
                f"{name}-final-line-break",
                f"{what} ending in a line break (a YAML block scalar) does not match its pattern.",
                (pointer, f"{good}\n"),
                (f"{schema}/pattern", pointer),
                (f"{schema}/not", pointer),
            ),
        ]

    def enumerated(name: str, what: str, pointer: str, schema: str, wrong: str) -> list[Case]:
        return [
            bad(
                f"{name}-type",
                f"{what} written as a number is neither a string nor an allowed value.",
                (pointer, 1),
                (f"{schema}/type", pointer),
                (f"{schema}/enum", pointer),
            ),
            bad(
                f"{name}-enum",
                f"{what} {wrong!r} is not one of the allowed values.",
                (pointer, wrong),
                (f"{schema}/enum", pointer),
            ),
        ]

    def closed(name: str, what: str, pointer: str, schema: str, key: str, value: Any) -> Case:
        return bad(
            f"{name}-unknown-key",
            f"{what} with the undeclared key {key!r}.",
            (f"{pointer}/{key}", value),
            (f"{schema}/additionalProperties", pointer),
        )

    def required(name: str, what: str, pointer: str, schema: str, *keys: str) -> list[Case]:
        return [
            bad(
                f"{name}-missing-{key.replace('_', '-')}",
                f"{what} without its required key {key!r}.",
                (f"{pointer}/{key}", DROP),
                (f"{schema}/required", pointer),
            )
            for key in keys
        ]

    p = f"{OFFERING}/properties"
    v = f"{VARIANT}/properties"
    e = f"{EVIDENCE}/properties"
    return [
        # Valid documents.
        ok("every-key", "One offering with every key of every object filled in.", base),
        ok(
            "required-keys-only",
            "The smallest valid file: required keys only, one custom variant.",
            MINIMAL_CATEGORY,
        ),
        ok(
            "planned-without-sku",
            "A planned offering whose variants have no SKU (sold, if at all, as custom).",
            edited(
                MINIMAL_CATEGORY,
                ("/offerings/0/maturity", "planned"),
                ("/offerings/0/variants/1", {"id": "remote", "name": "Remote"}),
            ),
        ),
        ok(
            "alternatives-with-skus",
            "Alternative variants may have their own SKU and standard SOW.",
            edited(
                base,
                (
                    f"{OFFER}/variants/2",
                    {"id": "6-months", "sku": "GL-ENGR-CLEARED-6", "standard_sow": SOW},
                ),
                (f"{OFFER}/variants/3", {"id": "on-site", "delivery": "on-site"}),
            ),
        ),
        ok(
            "base-variant-not-first",
            "The custom variant may come after an alternative: contains looks at every item.",
            edited(
                MINIMAL_CATEGORY,
                ("/offerings/0/variants", [{"id": "remote"}, {"id": "custom"}]),
            ),
        ),
        ok(
            "boundary-values",
            "Values on their bounds: order 1, no deliveries, NPS -100, price 0, class of 1.",
            edited(
                base,
                ("/order", 1),
                (f"{OFFER}/evidence/deliveries", 0),
                (f"{OFFER}/evidence/nps", {"score": -100, "responses": 1}),
                (f"{STANDARD}/class_size", 1),
                (f"{STANDARD}/price/amount", 0),
                (f"{STANDARD}/duration/value", 0.5),
                (f"{CUSTOM}/duration", {"min": 0.25, "max": 0.5, "unit": "hour"}),
                (f"{CUSTOM}/price", {"min": 0, "max": 0, "currency": "EUR", "unit": "day"}),
            ),
        ),
        ok(
            "nps-maximum",
            "An NPS of 100, its upper bound.",
            edited(base, (f"{OFFER}/evidence/nps/score", 100)),
        ),
        ok(
            "whole-numbers-written-as-decimals",
            "1.0 is an integer in JSON Schema: integers written with a zero fraction are valid.",
            edited(
                base,
                ("/schema_version", 1.0),
                ("/order", 2.0),
                (f"{OFFER}/evidence/deliveries", 24.0),
                (f"{OFFER}/evidence/nps/score", 48.0),
                (f"{OFFER}/evidence/nps/responses", 21.0),
                (f"{STANDARD}/class_size", 12.0),
            ),
        ),
        ok(
            "large-numbers",
            "Numbers beyond 2**53 and large prices are still integers and numbers.",
            edited(
                base,
                (f"{OFFER}/evidence/deliveries", 9007199254740993),
                (f"{STANDARD}/price/amount", 1e15),
            ),
        ),
        ok(
            "unicode-text",
            "Free text may hold any Unicode text, line breaks and emoji included.",
            edited(
                base,
                ("/name", "Servicios de integraci\u00f3n \U0001f517"),
                (f"{OFFER}/name", "JIRA \u2013 int\u00e9gration"),
                (f"{OFFER}/description", "First line.\nSecond line, with \u00a0no-break space.\n"),
                (f"{STANDARD}/price/note", "\u20ac and \u00a3 accepted"),
            ),
        ),
        ok(
            "url-forms",
            "http and https links with a port, a path, a query, a fragment and escapes.",
            edited(
                base,
                (f"{OFFER}/url", "http://gitlab.example.com:8443/a/b_c~d?e=f&g=%20h#i-j"),
                (f"{OFFER}/evidence/marketing_material", [PAGE, PAGE, "https://x.io/"]),
            ),
        ),
        ok(
            "sku-forms",
            "SKUs with digits, plus signs and several hyphenated parts.",
            edited(
                base,
                (f"{STANDARD}/sku", "MIG+"),
                (f"{OFFER}/variants/2", {"id": "twelve", "sku": "0-A+B-12", "standard_sow": SOW}),
            ),
        ),
        ok(
            "optional-objects-empty-or-partial",
            "Evidence may be empty, stages an empty list, NPS only a score.",
            edited(
                base,
                (f"{OFFER}/stages", []),
                (f"{OFFER}/evidence", {}),
                (f"{OFFER}/imported", {"source": "services.yml"}),
            ),
        ),
        ok(
            "nps-and-impact-required-keys-only",
            "An NPS with only its score, an adoption impact with only metric and result.",
            edited(
                base,
                (f"{OFFER}/evidence/nps", {"score": 1}),
                (f"{OFFER}/evidence/adoption_impact", {"metric": "Users", "result": "More"}),
            ),
        ),
        ok(
            "unmapped-holds-anything",
            "imported.unmapped keeps source keys as they were, of any type.",
            edited(
                base,
                (
                    f"{OFFER}/imported/unmapped",
                    {
                        "facility_price": 2000,
                        "tags": ["a", 1, None, True],
                        "nested": {"deep": {"x": 1.5}},
                        "empty": None,
                        "Odd Key/With~Chars": "",
                    },
                ),
            ),
        ),
        # The document.
        bad(
            "document-not-a-mapping",
            "The document is a list, not a mapping.",
            ("", [base]),
            ("/type", ""),
        ),
        bad("document-null", "The document is empty (null).", ("", None), ("/type", "")),
        closed("document", "The document", "", "", "category", "integration"),
        *required("document", "The document", "", "", "id", "name", "level", "offerings"),
        bad(
            "schema-version-type",
            "schema_version written as text is neither an integer nor the constant 1.",
            ("/schema_version", "1"),
            ("/properties/schema_version/type", "/schema_version"),
            ("/properties/schema_version/const", "/schema_version"),
        ),
        bad(
            "schema-version-const",
            "schema_version 2 is not the version this schema describes.",
            ("/schema_version", 2),
            ("/properties/schema_version/const", "/schema_version"),
        ),
        *patterned("category-id", "The category id", "/id", "/properties/id/$ref", "Integration"),
        *named(
            lambda name, description, value, *errors: bad(
                name, description, ("/name", value), *errors
            ),
            "category-name",
            "The category name",
            "/name",
            "/properties/name/$ref",
        ),
        *patterned("level", "The level id", "/level", "/properties/level/$ref", "Product"),
        typed("order", "The order", "/order", "/properties/order", 1.5),
        bad(
            "order-minimum",
            "Order 0: pages count from 1.",
            ("/order", 0),
            ("/properties/order/minimum", "/order"),
        ),
        typed(
            "category-description",
            "The description",
            "/description",
            "/properties/description",
            ["x"],
        ),
        typed("category-owner", "The owner", "/owner", "/properties/owner", 42),
        typed("offerings", "offerings", "/offerings", "/properties/offerings", {"jira": {}}),
        bad(
            "offerings-min-items",
            "A category without offerings.",
            ("/offerings", []),
            ("/properties/offerings/minItems", "/offerings"),
        ),
        # An offering.
        typed("offering", "An offering", OFFER, OFFERING, "jira"),
        closed("offering", "An offering", OFFER, OFFERING, "sku", "GL-JIRA"),
        *required("offering", "An offering", OFFER, OFFERING, "id", "name", "maturity", "variants"),
        *patterned("offering-id", "The offering id", f"{OFFER}/id", f"{p}/id/$ref", "Jira Cloud"),
        bad(
            "offering-id-underscore",
            "An offering id with an underscore is not a slug.",
            (f"{OFFER}/id", "jira_cloud"),
            (f"{p}/id/$ref/pattern", f"{OFFER}/id"),
        ),
        bad(
            "offering-id-double-hyphen",
            "An offering id with two hyphens in a row is not a slug.",
            (f"{OFFER}/id", "jira--cloud"),
            (f"{p}/id/$ref/pattern", f"{OFFER}/id"),
        ),
        bad(
            "offering-id-non-ascii",
            "An offering id with an accented letter is not a slug.",
            (f"{OFFER}/id", "j\u00edra"),
            (f"{p}/id/$ref/pattern", f"{OFFER}/id"),
        ),
        *named(
            lambda name, description, value, *errors: bad(
                name, description, (f"{OFFER}/name", value), *errors
            ),
            "offering-name",
            "The offering name",
            f"{OFFER}/name",
            f"{p}/name/$ref",
        ),
        *enumerated("maturity", "The maturity", f"{OFFER}/maturity", f"{p}/maturity", "Complete"),
        typed(
            "maturity-reason",
            "The maturity reason",
            f"{OFFER}/maturity_reason",
            f"{p}/maturity_reason",
            ["x"],
        ),
        bad(
            "maturity-reason-min-length",
            "An empty maturity reason.",
            (f"{OFFER}/maturity_reason", ""),
            (f"{p}/maturity_reason/minLength", f"{OFFER}/maturity_reason"),
        ),
        typed("summary", "The summary", f"{OFFER}/summary", f"{p}/summary", 1),
        typed(
            "offering-description", "The description", f"{OFFER}/description", f"{p}/description", 1
        ),
        typed("offering-owner", "The owner", f"{OFFER}/owner", f"{p}/owner", ["a", "b"]),
        typed(
            "target-audience",
            "The target audience",
            f"{OFFER}/target_audience",
            f"{p}/target_audience",
            1,
        ),
        *patterned(
            "url", "The offering url", f"{OFFER}/url", f"{p}/url", "about.gitlab.com/services"
        ),
        *(
            bad(
                f"url-{name}",
                f"A url with {what} does not match its pattern.",
                (f"{OFFER}/url", f"https://gitlab.com/a{char}b"),
                (f"{p}/url/pattern", f"{OFFER}/url"),
            )
            for name, what, char in (
                ("space", "a space", " "),
                ("tab", "a tab", "\t"),
                ("no-break-space", "a no-break space (U+00A0)", "\u00a0"),
                ("byte-order-mark", "a zero-width no-break space (U+FEFF)", "\ufeff"),
                ("next-line", "a next-line control (U+0085)", "\u0085"),
                ("file-separator", "a file-separator control (U+001C)", "\u001c"),
                ("zero-width-space", "a zero-width space (U+200B)", "\u200b"),
                ("non-ascii-letter", "a non-ASCII letter (percent-encode it)", "\u00e9"),
            )
        ),
        bad(
            "url-other-scheme",
            "An ftp link is not an http(s) URL.",
            (f"{OFFER}/url", "ftp://gitlab.com/a"),
            (f"{p}/url/pattern", f"{OFFER}/url"),
        ),
        typed("stages", "stages", f"{OFFER}/stages", f"{p}/stages", "Plan"),
        bad(
            "stages-unique-items",
            "A stage listed twice.",
            (f"{OFFER}/stages", ["Plan", "Verify", "Plan"]),
            (f"{p}/stages/uniqueItems", f"{OFFER}/stages"),
        ),
        bad(
            "stage-type",
            "A stage that is a number.",
            (f"{OFFER}/stages/1", 3),
            (f"{p}/stages/items/type", f"{OFFER}/stages/1"),
        ),
        bad(
            "stage-min-length",
            "An empty stage name.",
            (f"{OFFER}/stages/1", ""),
            (f"{p}/stages/items/minLength", f"{OFFER}/stages/1"),
        ),
        typed("variants", "variants", f"{OFFER}/variants", f"{p}/variants", {"standard": {}}),
        bad(
            "variants-min-items",
            "An offering with no variant: too few items, and none standard or custom.",
            (f"{OFFER}/variants", []),
            (f"{p}/variants/minItems", f"{OFFER}/variants"),
            (f"{p}/variants/contains", f"{OFFER}/variants"),
        ),
        bad(
            "variants-without-base",
            "An offering whose only variant is an alternative: no standard or custom variant.",
            (f"{OFFER}/variants", [{"id": "remote", "name": "Remote"}]),
            (f"{p}/variants/contains", f"{OFFER}/variants"),
        ),
        # if maturity is planned, then no variant has a SKU.
        bad(
            "planned-with-sku",
            "A planned offering whose standard variant has a SKU.",
            (f"{OFFER}/maturity", "planned"),
            (f"{OFFERING}/then/properties/variants/items/not", STANDARD),
        ),
        bad(
            "planned-alternative-with-sku",
            "A planned offering whose alternative variant has a SKU.",
            [
                (f"{OFFER}/maturity", "planned"),
                (
                    f"{OFFER}/variants",
                    [{"id": "custom"}, {"id": "remote", "sku": "GL-R", "standard_sow": SOW}],
                ),
            ],
            (f"{OFFERING}/then/properties/variants/items/not", f"{OFFER}/variants/1"),
        ),
        bad(
            "planned-variants-type",
            "A planned offering whose variants are a mapping fails the rule's list type too.",
            [(f"{OFFER}/maturity", "planned"), (f"{OFFER}/variants", {"custom": {}})],
            (f"{p}/variants/type", f"{OFFER}/variants"),
            (f"{OFFERING}/then/properties/variants/type", f"{OFFER}/variants"),
        ),
        bad(
            "planned-variant-type",
            "A planned offering's variant written as text fails the rule's mapping type too.",
            [(f"{OFFER}/maturity", "planned"), (f"{OFFER}/variants", ["custom", {"id": "custom"}])],
            (f"{VARIANT}/type", f"{OFFER}/variants/0"),
            (f"{OFFERING}/then/properties/variants/items/type", f"{OFFER}/variants/0"),
            (f"{OFFERING}/then/properties/variants/items/not", f"{OFFER}/variants/0"),
        ),
        # Evidence.
        typed("evidence", "The evidence", f"{OFFER}/evidence", EVIDENCE, "24 deliveries"),
        closed("evidence", "The evidence", f"{OFFER}/evidence", EVIDENCE, "customers", 3),
        typed("deliveries", "deliveries", f"{OFFER}/evidence/deliveries", f"{e}/deliveries", "24"),
        bad(
            "deliveries-minimum",
            "A negative number of deliveries.",
            (f"{OFFER}/evidence/deliveries", -1),
            (f"{e}/deliveries/minimum", f"{OFFER}/evidence/deliveries"),
        ),
        *patterned(
            "last-delivered",
            "The last delivery date",
            f"{OFFER}/evidence/last_delivered",
            f"{e}/last_delivered",
            "28/10/2022",
            20221028,
        ),
        bad(
            "last-delivered-non-ascii-digits",
            "A date in Arabic-Indic digits: [0-9] means ASCII digits in every implementation.",
            (
                f"{OFFER}/evidence/last_delivered",
                "\u0662\u0660\u0662\u0662-\u0661\u0660-\u0662\u0668",
            ),
            (f"{e}/last_delivered/pattern", f"{OFFER}/evidence/last_delivered"),
        ),
        typed(
            "marketing-material",
            "marketing_material",
            f"{OFFER}/evidence/marketing_material",
            f"{e}/marketing_material",
            PAGE,
        ),
        bad(
            "marketing-material-min-items",
            "An empty list of marketing material.",
            (f"{OFFER}/evidence/marketing_material", []),
            (f"{e}/marketing_material/minItems", f"{OFFER}/evidence/marketing_material"),
        ),
        *patterned(
            "marketing-link",
            "A marketing link",
            f"{OFFER}/evidence/marketing_material/0",
            f"{e}/marketing_material/items",
            "www.gitlab.com",
        ),
        *patterned(
            "execution-plan",
            "The execution plan",
            f"{OFFER}/evidence/execution_plan",
            f"{e}/execution_plan",
            "gitlab.com/ps/plan",
        ),
        *patterned(
            "delivery-kit",
            "The delivery kit",
            f"{OFFER}/evidence/delivery_kit",
            f"{e}/delivery_kit",
            "file:///kit",
        ),
        # NPS.
        typed("nps", "The NPS", f"{OFFER}/evidence/nps", NPS, 48),
        closed("nps", "The NPS", f"{OFFER}/evidence/nps", NPS, "survey", "Q3"),
        *required("nps", "The NPS", f"{OFFER}/evidence/nps", NPS, "score"),
        typed(
            "nps-score", "The score", f"{OFFER}/evidence/nps/score", f"{NPS}/properties/score", 4.5
        ),
        bad(
            "nps-score-minimum",
            "A score below -100.",
            (f"{OFFER}/evidence/nps/score", -101),
            (f"{NPS}/properties/score/minimum", f"{OFFER}/evidence/nps/score"),
        ),
        bad(
            "nps-score-maximum",
            "A score above 100.",
            (f"{OFFER}/evidence/nps/score", 101),
            (f"{NPS}/properties/score/maximum", f"{OFFER}/evidence/nps/score"),
        ),
        typed(
            "nps-responses",
            "The responses",
            f"{OFFER}/evidence/nps/responses",
            f"{NPS}/properties/responses",
            "21",
        ),
        bad(
            "nps-responses-minimum",
            "A score from no responses.",
            (f"{OFFER}/evidence/nps/responses", 0),
            (f"{NPS}/properties/responses/minimum", f"{OFFER}/evidence/nps/responses"),
        ),
        *patterned(
            "nps-measured-on",
            "The NPS date",
            f"{OFFER}/evidence/nps/measured_on",
            f"{NPS}/properties/measured_on",
            "2022-9-30",
            20220930,
        ),
        # Adoption impact.
        typed("impact", "The adoption impact", f"{OFFER}/evidence/adoption_impact", IMPACT, "+35%"),
        closed(
            "impact",
            "The adoption impact",
            f"{OFFER}/evidence/adoption_impact",
            IMPACT,
            "owner",
            "x",
        ),
        *required(
            "impact",
            "The adoption impact",
            f"{OFFER}/evidence/adoption_impact",
            IMPACT,
            "metric",
            "result",
        ),
        *(
            case
            for key in ("metric", "result")
            for case in (
                typed(
                    f"impact-{key}",
                    f"The impact's {key}",
                    f"{OFFER}/evidence/adoption_impact/{key}",
                    f"{IMPACT}/properties/{key}",
                    35,
                ),
                bad(
                    f"impact-{key}-min-length",
                    f"An empty impact {key}.",
                    (f"{OFFER}/evidence/adoption_impact/{key}", ""),
                    (
                        f"{IMPACT}/properties/{key}/minLength",
                        f"{OFFER}/evidence/adoption_impact/{key}",
                    ),
                ),
            )
        ),
        *patterned(
            "impact-source",
            "The impact source",
            f"{OFFER}/evidence/adoption_impact/source",
            f"{IMPACT}/properties/source",
            "see the dashboard",
        ),
        *patterned(
            "impact-measured-on",
            "The impact date",
            f"{OFFER}/evidence/adoption_impact/measured_on",
            f"{IMPACT}/properties/measured_on",
            "October 2022",
            20221015,
        ),
        # Imported data.
        typed("imported", "The imported block", f"{OFFER}/imported", IMPORTED, "services.yml"),
        closed("imported", "The imported block", f"{OFFER}/imported", IMPORTED, "line", 12),
        *required("imported", "The imported block", f"{OFFER}/imported", IMPORTED, "source"),
        typed(
            "imported-source",
            "The source",
            f"{OFFER}/imported/source",
            f"{IMPORTED}/properties/source",
            1,
        ),
        typed(
            "imported-source-id",
            "The source id",
            f"{OFFER}/imported/source_id",
            f"{IMPORTED}/properties/source_id",
            12,
        ),
        typed(
            "imported-unmapped",
            "unmapped",
            f"{OFFER}/imported/unmapped",
            f"{IMPORTED}/properties/unmapped",
            ["planned-maturity"],
        ),
        # A variant.
        typed("variant", "A variant", STANDARD, VARIANT, "standard"),
        closed("variant", "A variant", STANDARD, VARIANT, "currency", "USD"),
        *required("variant", "A variant", CUSTOM, VARIANT, "id"),
        # if id is standard, then sku and standard_sow are required; else if custom, no sku.
        bad(
            "standard-without-sku",
            "A standard variant without a SKU.",
            (f"{STANDARD}/sku", DROP),
            (f"{VARIANT}/then/required", STANDARD),
        ),
        bad(
            "standard-without-sow",
            "A standard variant without a standard SOW.",
            (f"{STANDARD}/standard_sow", DROP),
            (f"{VARIANT}/then/required", STANDARD),
        ),
        bad(
            "custom-with-sku",
            "A custom variant with a SKU.",
            (f"{CUSTOM}/sku", "GL-JIRA-CUSTOM"),
            (f"{VARIANT}/else/then/not", CUSTOM),
        ),
        *patterned("variant-id", "The variant id", f"{CUSTOM}/id", f"{v}/id/$ref", "Custom"),
        *named(
            lambda name, description, value, *errors: bad(
                name, description, (f"{STANDARD}/name", value), *errors
            ),
            "variant-name",
            "The variant name",
            f"{STANDARD}/name",
            f"{v}/name/$ref",
        ),
        typed(
            "variant-description",
            "The variant description",
            f"{STANDARD}/description",
            f"{v}/description",
            3,
        ),
        *patterned("sku", "The SKU", f"{STANDARD}/sku", f"{v}/sku/$ref", "gl-jira"),
        bad(
            "sku-leading-plus",
            "A SKU must start with a capital letter or a digit.",
            (f"{STANDARD}/sku", "+MIG"),
            (f"{v}/sku/$ref/pattern", f"{STANDARD}/sku"),
        ),
        bad(
            "sku-trailing-hyphen",
            "A SKU must not end with a hyphen.",
            (f"{STANDARD}/sku", "GL-"),
            (f"{v}/sku/$ref/pattern", f"{STANDARD}/sku"),
        ),
        *patterned(
            "standard-sow",
            "The standard SOW",
            f"{STANDARD}/standard_sow",
            f"{v}/standard_sow",
            "SOW-12",
        ),
        *enumerated("delivery", "The delivery", f"{STANDARD}/delivery", f"{v}/delivery", "onsite"),
        *enumerated(
            "deployment", "The deployment", f"{STANDARD}/deployment", f"{v}/deployment", "saas"
        ),
        typed("retired", "retired", f"{STANDARD}/retired", f"{v}/retired", "no"),
        typed("clearance", "clearance", f"{STANDARD}/clearance", f"{v}/clearance", "yes"),
        typed("clearance-number", "clearance", f"{STANDARD}/clearance", f"{v}/clearance", 0),
        typed("class-size", "The class size", f"{STANDARD}/class_size", f"{v}/class_size", "12"),
        bad(
            "class-size-minimum",
            "A class size of 0.",
            (f"{STANDARD}/class_size", 0),
            (f"{v}/class_size/minimum", f"{STANDARD}/class_size"),
        ),
        # Duration: oneOf a value or a min and max range.
        bad(
            "duration-type",
            "A duration written as text: not a mapping, and (vacuously) both forms at once.",
            (f"{STANDARD}/duration", "3 days"),
            (f"{DURATION}/type", f"{STANDARD}/duration"),
            (f"{DURATION}/oneOf", f"{STANDARD}/duration"),
        ),
        closed("duration", "A duration", f"{STANDARD}/duration", DURATION, "hours", 8),
        *required("duration", "A duration", f"{STANDARD}/duration", DURATION, "unit"),
        bad(
            "duration-neither-form",
            "A duration with neither a value nor a min and max.",
            (f"{STANDARD}/duration/value", DROP),
            (f"{DURATION}/oneOf", f"{STANDARD}/duration"),
        ),
        bad(
            "duration-both-forms",
            "A duration with both a value and a min and max.",
            [(f"{STANDARD}/duration/min", 2), (f"{STANDARD}/duration/max", 4)],
            (f"{DURATION}/oneOf", f"{STANDARD}/duration"),
        ),
        bad(
            "duration-min-without-max",
            "A range duration with a min and no max is neither form.",
            (f"{CUSTOM}/duration/max", DROP),
            (f"{DURATION}/oneOf", f"{CUSTOM}/duration"),
        ),
        *(
            case
            for key, pointer in (
                ("value", f"{STANDARD}/duration/value"),
                ("min", f"{CUSTOM}/duration/min"),
                ("max", f"{CUSTOM}/duration/max"),
            )
            for case in (
                typed(
                    f"duration-{key}",
                    f"The duration's {key}",
                    pointer,
                    f"{DURATION}/properties/{key}",
                    "3",
                ),
                bad(
                    f"duration-{key}-exclusive-minimum",
                    f"A duration {key} of 0: it must be more than 0.",
                    (pointer, 0),
                    (f"{DURATION}/properties/{key}/exclusiveMinimum", pointer),
                ),
            )
        ),
        *enumerated(
            "duration-unit",
            "The duration unit",
            f"{STANDARD}/duration/unit",
            f"{DURATION}/properties/unit",
            "days",
        ),
        typed(
            "duration-note",
            "The duration note",
            f"{STANDARD}/duration/note",
            f"{DURATION}/properties/note",
            8,
        ),
        # Price: oneOf an amount or a min and max range.
        bad(
            "price-type",
            "A price written as text: not a mapping, and (vacuously) both forms at once.",
            (f"{STANDARD}/price", "2400 USD"),
            (f"{PRICE}/type", f"{STANDARD}/price"),
            (f"{PRICE}/oneOf", f"{STANDARD}/price"),
        ),
        closed("price", "A price", f"{STANDARD}/price", PRICE, "vat", 0.2),
        *required("price", "A price", f"{STANDARD}/price", PRICE, "currency", "unit"),
        bad(
            "price-neither-form",
            "A price with neither an amount nor a min and max.",
            (f"{STANDARD}/price/amount", DROP),
            (f"{PRICE}/oneOf", f"{STANDARD}/price"),
        ),
        bad(
            "price-both-forms",
            "A price with both an amount and a min and max.",
            [(f"{STANDARD}/price/min", 2000), (f"{STANDARD}/price/max", 3000)],
            (f"{PRICE}/oneOf", f"{STANDARD}/price"),
        ),
        bad(
            "price-max-without-min",
            "A range price with a max and no min is neither form.",
            (f"{CUSTOM}/price/min", DROP),
            (f"{PRICE}/oneOf", f"{CUSTOM}/price"),
        ),
        *(
            case
            for key, pointer in (
                ("amount", f"{STANDARD}/price/amount"),
                ("min", f"{CUSTOM}/price/min"),
                ("max", f"{CUSTOM}/price/max"),
            )
            for case in (
                typed(
                    f"price-{key}",
                    f"The price's {key}",
                    pointer,
                    f"{PRICE}/properties/{key}",
                    "2400",
                ),
                bad(
                    f"price-{key}-minimum",
                    f"A negative price {key}.",
                    (pointer, -1),
                    (f"{PRICE}/properties/{key}/minimum", pointer),
                ),
            )
        ),
        *patterned(
            "currency",
            "The currency",
            f"{STANDARD}/price/currency",
            f"{PRICE}/properties/currency",
            "usd",
        ),
        *enumerated(
            "price-unit",
            "The price unit",
            f"{STANDARD}/price/unit",
            f"{PRICE}/properties/unit",
            "project",
        ),
        typed(
            "price-note", "The price note", f"{STANDARD}/price/note", f"{PRICE}/properties/note", 8
        ),
    ]


def _get(document: Any, pointer: str) -> Any:
    for part in pointer.split("/")[1:]:
        document = document[int(part)] if isinstance(document, list) else document[part]
    return document


def named(bad: Callable[..., Case], name: str, what: str, pointer: str, schema: str) -> list[Case]:
    """The ways a display name (``$defs/name``) breaks its constraints, one case each."""
    return [
        bad(f"{name}-type", f"{what} written as a number.", 7, (f"{schema}/type", pointer)),
        bad(f"{name}-min-length", f"{what} that is empty.", "", (f"{schema}/minLength", pointer)),
        bad(
            f"{name}-control-character",
            f"{what} holding a control character (BEL), shown otherwise than written.",
            "JIRA\u0007",
            (f"{schema}/pattern", pointer),
        ),
        bad(
            f"{name}-bidirectional-control",
            f"{what} holding a right-to-left override, which reverses the text after it.",
            "JIRA \u202egnp.exe",
            (f"{schema}/pattern", pointer),
        ),
        bad(
            f"{name}-line-separator",
            f"{what} holding a line separator (U+2028), a line break for some readers.",
            "JIRA\u2028Cloud",
            (f"{schema}/pattern", pointer),
        ),
        bad(
            f"{name}-noncharacter",
            f"{what} holding U+FFFE, a character XML cannot hold.",
            "JIRA\ufffe",
            (f"{schema}/pattern", pointer),
        ),
        bad(
            f"{name}-final-line-break",
            f"{what} ending in a line break (a YAML block scalar) is not one line.",
            "JIRA\n",
            (f"{schema}/pattern", pointer),
            (f"{schema}/not", pointer),
        ),
    ]


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text {value!r}"
    return "a list" if isinstance(value, list) else "a mapping"


def cases() -> list[Case]:
    """Return every case of the corpus."""
    every = [*levels_cases(), *category_cases()]
    paths = [case.path for case in every]
    duplicated = sorted({path for path in paths if paths.count(path) > 1})
    if duplicated:
        raise ValueError(f"case names used twice: {duplicated}")
    return every


def corpus() -> dict[str, str]:
    """Return the corpus as file contents by path relative to this folder."""
    return {case.path: case.to_json() for case in cases()}


def written() -> dict[str, str]:
    """Return the corpus files as they are on disk."""
    return {
        path.relative_to(HERE).as_posix(): path.read_text(encoding="utf-8")
        for schema in SCHEMAS
        for path in sorted((HERE / schema).glob("*/*.json"))
    }


def main() -> int:
    """Rewrite the corpus folder from the cases."""
    files = corpus()
    for stale in set(written()) - set(files):
        (HERE / stale).unlink()
    for path, text in files.items():
        target = HERE / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
    print(f"{len(files)} cases in {HERE}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
