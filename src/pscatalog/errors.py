"""Exceptions for when pscatalog cannot run at all.

An invalid catalog is not an exception: it is a list of diagnostics. These
are for a missing path, an unreadable configuration, a broken installation;
the CLI shows them as one line and exits with code 2.
"""

from __future__ import annotations


class PscatalogError(Exception):
    """pscatalog cannot do what was asked; the message says why, in one line."""


class UsageError(PscatalogError):
    """The command line names something that does not exist or cannot be used."""
