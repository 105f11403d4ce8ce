"""The one YAML parser pscatalog reads with: libyaml, through PyYAML's C extension.

Every reader of a catalog file (the loader, the tree the writers edit) takes
libyaml's event stream from here, so that they can never disagree about what a
text says. PyYAML's extension is built on libyaml 0.2.5 or later, the version
Ruby's Psych uses for the handbook's site: it reads what YAML 1.2 allows and
older libyaml refused, such as a URL in a flow list (``[https://example.com/]``).

The parser builds events only: tags are never resolved to objects here (the
loader resolves scalars itself, by the YAML 1.2 core schema).
"""

from __future__ import annotations

from typing import Any

try:
    from yaml._yaml import CParser as _CParser
    from yaml._yaml import get_version as _get_version
except ImportError as error:  # PyYAML built without libyaml: refuse rather than run slow
    raise ImportError(
        "pscatalog needs PyYAML with its libyaml extension (yaml._yaml); "
        "reinstall PyYAML from a wheel, or with libyaml's headers present"
    ) from error
from yaml import events
from yaml.error import MarkedYAMLError, YAMLError
from yaml.reader import ReaderError

__all__ = [
    "LIBYAML_VERSION",
    "MarkedYAMLError",
    "ReaderError",
    "YAMLError",
    "events",
    "parser",
]

LIBYAML_VERSION: tuple[int, int, int] = _get_version()
"""The version of libyaml the extension was built with."""


def parser(text: str) -> Any:
    """Return a libyaml parser over ``text``: ``get_event()`` gives one event at a time.

    Marks (``start_mark``, ``end_mark``) count lines, columns and indexes in
    characters, from 0.
    """
    return _CParser(text)
