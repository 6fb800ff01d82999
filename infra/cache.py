"""The shared cache in Redis (production with REDIS_URL): Django's backend, with these changes.

* One ``redis.Redis`` per connection pool, kept: Django's client builds a new one for every
  operation, and building it (its table of reply callbacks) cost more than the round trip
  to Redis on loopback. A ``redis.Redis`` over a pool is safe to share between threads, and
  the pool opens new connections in a forked process.
* ``incr`` in one round trip, atomically: Django's asks EXISTS, then INCRBY, so a key that
  expired between the two came back as a counter without expiry.
* ``count``: a counter that starts at its first amount and expires ``seconds`` after,
  incremented in one atomic round trip (the rate limiter pattern of Redis's INCR
  documentation), for ``infra.ratelimit``, which reserves API requests' counts with it.
* **A Redis that cannot be reached (or refuses writes) is a miss, not an error.** Everything the
  portal keeps in the cache can be made again from the database (stored pages and bodies, the
  public version, whose copy lives ``PUBLIC_VERSION_TTL`` seconds), so while Redis is down or
  hung reads miss, writes are dropped, and the rate limiter lets requests through uncounted
  (``count`` is 0): the site serves from PostgreSQL, slower, instead of answering 500 to
  everyone. After a failure the client leaves Redis alone for ``RETRY_SECONDS`` before it tries
  again, so that a hung server (bounded by the socket timeouts of ``OPTIONS``) costs one timeout
  per interval, not one per request. Django keeps a cache object per thread, so each thread of
  each worker keeps its own interval and logs the outage and the recovery once. ``incr`` still
  raises: its contract has no answer for "not counted".
"""

from __future__ import annotations

import functools
import logging
import time

from django.core.cache.backends import redis
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import OutOfMemoryError, ReadOnlyError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

# Refused, reset, a name that does not resolve, a wrong password (AuthenticationError), a
# server still loading its data (BusyLoadingError: both are ConnectionErrors), no answer
# within the socket timeout; and a server that refuses writes: a replica after a failover
# (READONLY) or a full one under maxmemory-policy noeviction (OOM). Give Redis a policy that
# evicts (allkeys-lru): everything in it can be made again.
UNAVAILABLE = (RedisConnectionError, RedisTimeoutError, ReadOnlyError, OutOfMemoryError)
RETRY_SECONDS = 2

# Increments a key that exists; a missing key is left missing (nil), as Django's incr asks.
_INCR = """
if redis.call('EXISTS', KEYS[1]) == 1 then
  return redis.call('INCRBY', KEYS[1], ARGV[1])
end
return false
"""
# Increments a key by ARGV[2], giving a new one its expiry (ARGV[1] seconds).
_COUNT = """
local count = redis.call('INCRBY', KEYS[1], ARGV[2])
if count == tonumber(ARGV[2]) then
  redis.call('EXPIRE', KEYS[1], ARGV[1])
end
return count
"""


def _or(fallback):
    """The operation, or ``fallback(*args)`` while Redis cannot be reached."""

    def decorate(operation):
        @functools.wraps(operation)
        def guarded(self, *args, **kwargs):
            if self._unreachable_until and time.monotonic() < self._unreachable_until:
                return fallback(*args)
            try:
                result = operation(self, *args, **kwargs)
            except UNAVAILABLE as error:
                if not self._unreachable_until:
                    logger.warning("redis unavailable, serving without the shared cache: %r", error)
                self._unreachable_until = time.monotonic() + RETRY_SECONDS
                return fallback(*args)
            if self._unreachable_until:
                logger.warning("redis reachable again")
                self._unreachable_until = 0.0
            return result

        return guarded

    return decorate


def _miss(*args):
    return None


def _not_done(*args):
    return False


class RedisCacheClient(redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}  # id of a pool (Django keeps each) → (redis.Redis, _INCR, _COUNT)
        self._unreachable_until = 0.0  # time.monotonic() before which Redis is not asked

    def _kept(self, write: bool):
        pool = self._get_connection_pool(write)
        kept = self._clients.get(id(pool))
        if kept is None:
            client = self._client(connection_pool=pool)
            scripts = (client.register_script(_INCR), client.register_script(_COUNT))
            kept = self._clients[id(pool)] = (client, *scripts)
        return kept

    def get_client(self, key=None, *, write=False):
        return self._kept(write)[0]

    def incr(self, key, delta):
        client, increment, _ = self._kept(write=True)
        value = increment(keys=[key], args=[delta], client=client)
        if value is None:
            raise ValueError(f"Key '{key}' not found.")
        return value

    @_or(lambda key, seconds, amount=1: 0)  # not counted: infra.ratelimit lets it through
    def count(self, key, seconds: int, amount: int = 1) -> int:
        client, _, count = self._kept(write=True)
        return count(keys=[key], args=[seconds, amount], client=client)

    @_or(_not_done)
    def ping(self) -> bool:
        return bool(self.get_client().ping())

    # Django's operations, each a miss or not done while Redis cannot be reached.
    get = _or(lambda key, default=None: default)(redis.RedisCacheClient.get)
    get_many = _or(lambda keys: {})(redis.RedisCacheClient.get_many)
    has_key = _or(_not_done)(redis.RedisCacheClient.has_key)
    add = _or(_not_done)(redis.RedisCacheClient.add)
    touch = _or(_not_done)(redis.RedisCacheClient.touch)
    delete = _or(_not_done)(redis.RedisCacheClient.delete)
    clear = _or(_not_done)(redis.RedisCacheClient.clear)
    set = _or(_miss)(redis.RedisCacheClient.set)
    set_many = _or(_miss)(redis.RedisCacheClient.set_many)
    delete_many = _or(_miss)(redis.RedisCacheClient.delete_many)


class RedisCache(redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient

    def reachable(self) -> bool:
        """Whether Redis answers now (False, without asking, within the interval after a
        failure): for the health check."""
        return self._cache.ping()

    def count(self, key, seconds: int, amount: int = 1, version=None) -> int:
        """``key``'s count after adding ``amount``: ``amount`` for a new key, which expires
        ``seconds`` later."""
        key = self.make_and_validate_key(key, version=version)
        return self._cache.count(key, seconds, amount)
