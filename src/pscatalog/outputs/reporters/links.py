"""Links from a diagnostic to its documentation."""

from __future__ import annotations

RULES_URL = "https://gitlab.com/pscatalog/pscatalog/-/blob/main/docs/rules.md"
"""Where each code is documented: ``RULES_URL#code`` (``docs/rules.md``, generated)."""


def help_url(code: str) -> str:
    """Return the link to a code's documentation."""
    return f"{RULES_URL}#{code.lower()}"
