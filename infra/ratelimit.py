"""Requests counted per client and fixed window of time, in the cache.

A window of a rate's period (``120/min``: a minute) starts for each client at its own second
(a hash of the client), so that clients are not let in again all at the same moment. Its
count is an atomic increment in the cache: with the shared Redis
(``infra.cache.RedisCache.count``) a single round trip, which gives a new window's key its
expiry; with another cache an ``add`` then an ``incr``, which LocMemCache does under its lock.

**Counts reserved ahead.** A process that has seen a client in a window reserves the counts
of its next requests with one increment (a sixteenth of what is left of the client's rate,
at most ``RESERVE_MAX``) and spends them without asking the cache again; the first request
of a window reserves one. A client busy enough to be near its rate thus costs a round trip
every few dozen requests instead of every request (the cached API answers as fast as a bare
view, docs/performance.md). What is reserved is counted: requests counted at once by several
threads, workers or app servers sharing the cache are each counted, and none is let past the
rate by a race. A client whose requests are spread over several processes may be refused a
little before its rate, by what the others had reserved and not spent (each at most a
sixteenth of what was left when it reserved). Once a process knows a window's count is past
the rate it refuses that client until the window ends without asking again. Without the
shared cache each process counts its own: gunicorn's workers on one server then let up to
their number times the rate through.
"""

from __future__ import annotations

import hashlib
import threading
import time
import zlib
from dataclasses import dataclass

from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured

PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
SLACK = 5  # seconds a window's count outlives it, against clocks a little apart
RESERVE_SHARE = 16  # a reservation is at most this fraction of what is left of the rate
RESERVE_MAX = 64  # and at most this many requests
KEPT_WINDOWS = 4096  # clients' windows a process remembers before it starts again


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


def _increment(key: str, seconds: int, amount: int) -> int:
    count = getattr(cache, "count", None)
    if count is not None:  # infra.cache.RedisCache: one atomic round trip
        return count(key, seconds, amount)
    cache.add(key, 0, seconds)
    try:
        return cache.incr(key, amount)
    except ValueError:  # culled from a full LocMemCache between the two: let it through
        return 0


@dataclass
class _Reserved:
    """A window's counts this process reserved: ``next`` to ``last`` are its to spend;
    ``total`` is the window's count in the cache when it last asked."""

    next: int
    last: int
    total: int


_reserved: dict[str, _Reserved] = {}
_lock = threading.Lock()


def forget() -> None:
    """Forget this process's reservations (for tests, which clear the cache they are in)."""
    with _lock:
        _reserved.clear()


def _count(key: str, seconds: int, number: int) -> int:
    """This request's place in its window: a reserved count, else one the cache gives."""
    with _lock:
        known = _reserved.get(key)
        if known is not None:
            if known.next <= known.last:
                known.next += 1
                return known.next - 1
            if known.total >= number:  # the window is full: no need to ask
                known.total += 1
                return known.total
        amount = (
            1
            if known is None
            else max(1, min(RESERVE_MAX, (number - known.total) // RESERVE_SHARE))
        )
        total = _increment(key, seconds, amount)
        if total == 0:  # not counted (the cache is out of reach)
            return 0
        if len(_reserved) >= KEPT_WINDOWS:
            _reserved.clear()
        first = total - amount + 1
        _reserved[key] = _Reserved(next=first + 1, last=min(total, number), total=total)
        return first


def hit(scope: str, client: str, rate: str, now: float | None = None) -> Usage:
    """Counts one request of ``client`` against ``rate``."""
    parsed = Rate.parse(rate)
    now = time.time() if now is None else now
    offset = zlib.crc32(client.encode()) % parsed.seconds
    window, into = divmod(int(now) - offset, parsed.seconds)
    who = hashlib.blake2b(client.encode(), digest_size=12).hexdigest()  # any text a key can hold
    key = f"rate:{scope}:{parsed.number}:{parsed.seconds}:{who}:{window}"
    count = _count(key, parsed.seconds + SLACK, parsed.number)
    return Usage(count, parsed, retry_after=parsed.seconds - into)
