"""The Redis cache backend (infra/cache.py): one client kept, atomic counts, and a Redis that
cannot be reached taken as a miss, against a real redis-server."""

from __future__ import annotations

import logging
import socket
import threading
from types import SimpleNamespace

import pytest

from infra import cache as portal_cache
from infra.cache import RedisCache
from tests import throwaway

QUICK = {"socket_connect_timeout": 0.2, "socket_timeout": 0.2}


def _ttl(redis_cache, key: str) -> int:
    return redis_cache._cache.get_client().ttl(redis_cache.make_key(key))


def test_redis_cache_keeps_one_client_and_still_caches(redis_cache):
    assert redis_cache._cache.get_client() is redis_cache._cache.get_client(write=True)
    redis_cache.set("page", {"body": "汉字"}, 60)
    assert redis_cache.get("page") == {"body": "汉字"}
    assert redis_cache.add("page", "other", 60) is False
    assert redis_cache.get_many(["page", "none"]) == {"page": {"body": "汉字"}}


def test_redis_incr_of_a_missing_key_raises_and_creates_nothing(redis_cache):
    with pytest.raises(ValueError):
        redis_cache.incr("missing")
    assert redis_cache.get("missing") is None
    redis_cache.set("n", 5, 60)
    assert redis_cache.incr("n", 3) == 8
    assert 0 < _ttl(redis_cache, "n") <= 60  # the increment kept its expiry


def test_redis_count_starts_a_key_with_its_expiry(redis_cache):
    assert redis_cache.count("window", 65) == 1
    assert redis_cache.count("window", 65) == 2
    assert 60 < _ttl(redis_cache, "window") <= 65


class Clock:
    """``time.monotonic`` for infra.cache, moved by hand."""

    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch):
    clock = Clock()
    monkeypatch.setattr(portal_cache, "time", SimpleNamespace(monotonic=clock))
    return clock


def _unreachable(port: int) -> RedisCache:
    return RedisCache(f"redis://127.0.0.1:{port}/0", {"KEY_PREFIX": "down", "OPTIONS": QUICK})


def test_an_unreachable_redis_is_a_miss_and_writes_are_dropped(clock, caplog):
    down = _unreachable(throwaway.free_port())  # nothing listens there: refused
    with caplog.at_level(logging.WARNING, logger="infra.cache"):
        assert down.get("page") is None
        assert down.get("page", "default") == "default"
        assert down.get_many(["a", "b"]) == {}
        assert down.has_key("page") is False
        down.set("page", "body", 60)
        assert down.set_many({"a": 1}, 60) == []
        assert down.add("page", "body", 60) is False
        assert down.touch("page", 60) is False
        assert down.delete("page") is False
        down.delete_many(["a", "b"])
        assert down.count("window", 65) == 0  # not counted: the rate limiter lets it through
    # Logged once for the outage, not once per operation.
    assert [r.getMessage()[:17] for r in caplog.records] == ["redis unavailable"]
    with pytest.raises(portal_cache.UNAVAILABLE):
        down.incr("n")  # its contract has no "not counted": still an error


class Silent:
    """A server that accepts connections and never answers: a hung Redis."""

    def __init__(self):
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.accepted = []
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        while True:
            try:
                connection, _ = self.listener.accept()
            except OSError:
                return
            self.accepted.append(connection)

    def close(self):
        self.listener.close()
        for connection in self.accepted:
            connection.close()


@pytest.fixture
def silent():
    server = Silent()
    yield server
    server.close()


def test_a_hung_redis_costs_one_timeout_per_retry_interval(silent, clock):
    hung = _unreachable(silent.port)
    assert hung.get("page") is None  # after the socket timeout
    assert len(silent.accepted) == 1
    for _ in range(50):  # within RETRY_SECONDS: not asked at all
        assert hung.get("page") is None
        assert hung.count("window", 65) == 0
    assert len(silent.accepted) == 1
    clock.now += portal_cache.RETRY_SECONDS
    assert hung.get("page") is None  # asked again once the interval is over
    assert len(silent.accepted) == 2


def test_the_cache_comes_back_by_itself_when_redis_does(tmp_path, clock, caplog):
    port = throwaway.free_port()
    cache = _unreachable(port)
    with caplog.at_level(logging.WARNING, logger="infra.cache"):
        cache.set("page", "lost", 60)
        with throwaway.redis(tmp_path, port=port):
            assert cache.get("page") is None  # still within the interval: not asked
            clock.now += portal_cache.RETRY_SECONDS
            cache.set("page", "kept", 60)
            assert cache.get("page") == "kept"
            assert cache.count("window", 65) == 1
    assert [r.getMessage()[:17] for r in caplog.records] == [
        "redis unavailable",
        "redis reachable a",
    ]


def test_a_full_redis_that_refuses_writes_drops_them(tmp_path, clock, caplog):
    """maxmemory reached under noeviction: Redis answers OOM to every write. The page is
    still answered, from the database, and reads are left alone for the interval too."""
    with throwaway.redis(tmp_path) as url:
        full = RedisCache(url, {"KEY_PREFIX": "full", "OPTIONS": QUICK})
        full.set("kept", "before", 60)
        client = full._cache.get_client()
        client.config_set("maxmemory-policy", "noeviction")
        client.config_set("maxmemory", 1)
        with caplog.at_level(logging.WARNING, logger="infra.cache"):
            full.set("page", "body", 60)  # OOM: dropped, not raised
            assert full.get("kept") is None  # within the interval: not asked
            assert full.count("window", 65) == 0
        assert "OutOfMemoryError" in caplog.text
        client.config_set("maxmemory", 0)
        clock.now += portal_cache.RETRY_SECONDS
        assert full.get("kept") == "before"
