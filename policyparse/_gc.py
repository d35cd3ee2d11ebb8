"""Parse stage: the cyclic garbage collector paused while a document is built.

A parse allocates hundreds of thousands of objects that live on (the model) and makes no
reference cycles; the collector, run every 700 allocations and over everything every so often,
only walks them, at a cost that grows faster than the text (a statute of many short headings:
4.7-5.0x the time for 4x the text with it, 4.0x without). Mercurial's ``util.nogc`` does the
same for the same reason. Reference counting still frees everything at once; the collector is
switched back on afterwards unless it was off already.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Switch the cyclic garbage collector off for the block, and back on if it was on.

    Threads parsing at once may leave it on while another still parses: that one is then only
    slower, never wrong.
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
