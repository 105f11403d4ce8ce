"""Shared fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHIPPED_CATALOG = REPO / "catalog"
REAL_DATA = REPO / "tests" / "fixtures" / "real-data"


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run the test inside an empty temporary folder."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture(autouse=True)
def _without_modeline_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    """Leave the modeline rule (C301) out unless a test asks for it.

    Tests write small catalogs without modelines, to keep their line numbers
    readable; the rule has tests of its own, which pass ``Config()``, and so
    does the test of the shipped catalog.
    """
    import pscatalog.checks.config

    monkeypatch.setattr(
        pscatalog.checks.config, "DEFAULT_CONFIG", pscatalog.checks.config.Config(ignore=("C301",))
    )
