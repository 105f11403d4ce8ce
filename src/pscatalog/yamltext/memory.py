"""Building large trees of plain objects without the cyclic garbage collector.

A catalog's data and trees hold no reference cycles, yet Python's cyclic
collector walks every new container as they pile up: at 100,000 offerings it
takes several times as long as building them. Loading, parsing and laying out
run with it paused.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for the block (reference counting goes on).

    What the block built is then moved out of the collector's sight
    (``gc.freeze``): re-enabled, the collector would otherwise scan every one
    of those objects at its next pass, and again as they age. Reference
    counting still frees them when they are no longer used.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()
