"""Grow a valid catalog to N offerings, for benchmarks.

    python bench/generate.py N OUTPUT_FOLDER

Writes levels.yaml and six category files whose offerings (about ten fields
each, one to four variants) pass `pscatalog validate` with no finding. The
same N gives the same files.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

CATEGORIES = (
    ("implementation", "Implementation Services", "product"),
    ("integration", "Integration Services", "product"),
    ("migration", "Migration Services", "product"),
    ("education", "Education Services", "adoption"),
    ("dedicated", "Dedicated Services", "transformation"),
    ("expert", "Expert Services", "transformation"),
)

LEVELS = """\
# yaml-language-server: $schema=../schema/levels.schema.json
levels:
  - id: product
    name: Product
    rank: 1
    persona: The platform owner

  - id: adoption
    name: Adoption
    rank: 2
    persona: The enablement lead

  - id: transformation
    name: Transformation
    rank: 3
    persona: The executive sponsor
"""

MATURITIES = ("planned", "minimal", "viable", "complete", "lovable")
ALTERNATIVES = ("remote", "on-site", "6-months", "12-months", "cleared")


def offering(number: int, rng: random.Random) -> str:
    """Return one offering as YAML, its evidence matching its random maturity."""
    maturity = rng.choice(MATURITIES)
    variant_count = rng.randint(1, 4)
    base = "custom" if maturity in ("planned", "minimal") else "standard"
    lines = [
        f"  - id: offering-{number}",
        f"    name: Offering number {number}",
        f"    maturity: {maturity}",
        f"    summary: A generated offering, number {number}, with a one-line summary.",
        f"    url: https://example.com/services/offering-{number}",
        "    stages:",
        "      - Plan",
        "      - Create",
    ]
    if maturity in ("viable", "complete", "lovable"):
        lines += [
            "    evidence:",
            f"      deliveries: {rng.randint(1, 40)}",
            '      last_delivered: "2022-10-27"',
            "      marketing_material:",
            f"        - https://example.com/services/offering-{number}",
            f"      execution_plan: https://example.com/plans/offering-{number}",
        ]
        if maturity == "lovable":
            lines += [
                "      nps:",
                f"        score: {rng.randint(1, 80)}",
                "        responses: 12",
                "      adoption_impact:",
                "        metric: Monthly active users",
                "        result: +30% in 90 days",
            ]
    lines.append("    variants:")
    for index in range(variant_count):
        variant_id = base if index == 0 else ALTERNATIVES[index - 1]
        lines.append(f"      - id: {variant_id}")
        if maturity != "planned" and variant_id != "custom":
            lines += [
                f"        sku: GL-OFF-{number}-{index}",
                f"        standard_sow: https://example.com/sow/offering-{number}-{index}",
            ]
        lines += [
            "        delivery: remote",
            "        duration:",
            f"          value: {rng.randint(1, 20)}",
            "          unit: day",
            "        price:",
            f"          amount: {rng.randint(10, 500) * 100}",
            "          currency: USD",
            "          unit: day" if variant_id == "custom" else "          unit: engagement",
        ]
    return "\n".join(lines) + "\n"


def generate(count: int, folder: Path) -> None:
    """Write a catalog of ``count`` offerings into ``folder``."""
    rng = random.Random(count)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "levels.yaml").write_text(LEVELS, encoding="utf-8")
    for index, (category_id, name, level) in enumerate(CATEGORIES):
        numbers = range(index, count, len(CATEGORIES))
        head = (
            "# yaml-language-server: $schema=../schema/category.schema.json\n"
            f"id: {category_id}\nname: {name}\nlevel: {level}\norder: {index + 1}\n"
            "offerings:\n"
        )
        body = "\n".join(offering(number, rng) for number in numbers)
        (folder / f"{category_id}.yaml").write_text(head + body, encoding="utf-8")


if __name__ == "__main__":
    generate(int(sys.argv[1]), Path(sys.argv[2]))
