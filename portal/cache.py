"""The shared cache in Redis (production with REDIS_URL): Django's backend, with two changes.

* One ``redis.Redis`` per connection pool, kept: Django's client builds a new one for every
  operation, and building it (its table of reply callbacks) cost more than the round trip
  to Redis on loopback. A ``redis.Redis`` over a pool is safe to share between threads, and
  the pool opens new connections in a forked process.
* ``incr`` in one round trip, atomically: Django's asks EXISTS, then INCRBY, so a key that
  expired between the two came back as a counter without expiry.
* ``count``: a counter that starts at 1 and expires ``seconds`` after, incremented in one
  atomic round trip (the rate limiter pattern of Redis's INCR documentation), for
  ``portal.ratelimit``, which counts every API request.
"""

from __future__ import annotations

from django.core.cache.backends import redis

# Increments a key that exists; a missing key is left missing (nil), as Django's incr asks.
_INCR = """
if redis.call('EXISTS', KEYS[1]) == 1 then
  return redis.call('INCRBY', KEYS[1], ARGV[1])
end
return false
"""
# Increments a key, giving a new one its expiry.
_COUNT = """
local count = redis.call('INCR', KEYS[1])
if count == 1 then
  redis.call('EXPIRE', KEYS[1], ARGV[1])
end
return count
"""


class RedisCacheClient(redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}  # id of a pool (Django keeps each) → (redis.Redis, _INCR, _COUNT)

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

    def count(self, key, seconds: int) -> int:
        client, _, count = self._kept(write=True)
        return count(keys=[key], args=[seconds], client=client)


class RedisCache(redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient

    def count(self, key, seconds: int, version=None) -> int:
        """``key``'s count after this one: 1 for a new key, which expires ``seconds`` later."""
        return self._cache.count(self.make_and_validate_key(key, version=version), seconds)
