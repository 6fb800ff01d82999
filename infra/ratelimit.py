"""Requests counted per client and fixed window of time, in the cache.

A window of a rate's period (``120/min``: a minute) starts for each client at its own second
(a hash of the client), so that clients are not let in again all at the same moment. Its
count is one atomic increment: with the shared Redis (``infra.cache.RedisCache.count``) a
single round trip, which gives a new window's key its expiry; with another cache an ``add``
then an ``incr``, which LocMemCache does under its lock. Requests counted at once by several
threads, workers or app servers sharing the cache are each counted, and none is let past the
limit by a race. Without the shared cache each process counts its own: gunicorn's workers on
one server then let up to their number times the rate through.
"""

from __future__ import annotations

import hashlib
import time
import zlib
from dataclasses import dataclass

from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured

PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
SLACK = 5  # seconds a window's count outlives it, against clocks a little apart


@dataclass(frozen=True)
class Rate:
    number: int
    seconds: int

    @classmethod
    def parse(cls, rate: str) -> Rate:
        """``120/min``, ``3/m``, ``1000/s``, ``5000/hour``, ``100000/day`` (by the period's
        first letter)."""
        number, _, period = rate.partition("/")
        try:
            parsed = cls(int(number), PERIODS[period.strip()[:1].lower()])
        except (ValueError, KeyError):
            message = f"A rate is a number per s, min, h or day: {rate!r}"
            raise ImproperlyConfigured(message) from None
        if parsed.number < 1:
            raise ImproperlyConfigured(f"A rate allows at least one request: {rate!r}")
        return parsed


@dataclass(frozen=True)
class Usage:
    count: int  # this request's place in its window; 0 when the cache could not count it
    rate: Rate
    retry_after: int  # seconds until the client's window ends

    @property
    def exceeded(self) -> bool:
        return self.count > self.rate.number


def _increment(key: str, seconds: int) -> int:
    count = getattr(cache, "count", None)
    if count is not None:  # infra.cache.RedisCache: one atomic round trip
        return count(key, seconds)
    cache.add(key, 0, seconds)
    try:
        return cache.incr(key)
    except ValueError:  # culled from a full LocMemCache between the two: let it through
        return 0


def hit(scope: str, client: str, rate: str, now: float | None = None) -> Usage:
    """Counts one request of ``client`` against ``rate``."""
    parsed = Rate.parse(rate)
    now = time.time() if now is None else now
    offset = zlib.crc32(client.encode()) % parsed.seconds
    window, into = divmod(int(now) - offset, parsed.seconds)
    who = hashlib.blake2b(client.encode(), digest_size=12).hexdigest()  # any text a key can hold
    key = f"rate:{scope}:{parsed.seconds}:{who}:{window}"
    count = _increment(key, parsed.seconds + SLACK)
    return Usage(count, parsed, retry_after=parsed.seconds - into)
