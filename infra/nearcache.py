"""A process's own copy of what it last read from the shared cache, for entries that never change.

Stored pages (``portal/pagecache.py``) are keyed by everything that could make them differ
(the version of what is published, the release, the address), so an entry under a key is
never replaced by another: a process may keep the bytes it got from Redis and answer from
them again without the round trip and the unpickling.
Entries of a version that has been replaced are simply no longer asked for, and leave as
the least recently used when the process's share (``PUBLIC_LOCAL_CACHE_BYTES``) is full.
With the per-process LocMem cache (no ``REDIS_URL``) the share is 0: that cache is already
in the process.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

from django.conf import settings

_entries: OrderedDict[str, tuple[object, int]] = OrderedDict()
_size = 0
_lock = threading.Lock()


def get(key: str):
    """The entry kept under ``key``, or None."""
    with _lock:
        found = _entries.get(key)
        if found is None:
            return None
        _entries.move_to_end(key)
        return found[0]


def put(key: str, entry, size: int) -> None:
    """Keep ``entry`` (about ``size`` bytes), dropping the least recently used over the share."""
    global _size
    limit = settings.PUBLIC_LOCAL_CACHE_BYTES
    if size > limit // 4:  # nothing may take over the share
        return
    with _lock:
        previous = _entries.pop(key, None)
        if previous is not None:
            _size -= previous[1]
        _entries[key] = (entry, size)
        _size += size
        while _size > limit:
            _, (_, dropped) = _entries.popitem(last=False)
            _size -= dropped


def forget() -> None:
    """Drop everything (tests, which clear the shared cache between them)."""
    global _size
    with _lock:
        _entries.clear()
        _size = 0


def held() -> tuple[int, int]:
    """(entries, bytes) kept now."""
    with _lock:
        return len(_entries), _size
