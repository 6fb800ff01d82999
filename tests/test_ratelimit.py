"""The rate limiter (infra/ratelimit.py) and the Redis cache it counts in (infra/cache.py)."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from hypothesis import given, settings
from hypothesis import strategies as st

from infra import ratelimit
from infra.ratelimit import Rate


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    ratelimit.forget()
    yield
    cache.clear()
    ratelimit.forget()


@pytest.mark.parametrize(
    ("text", "number", "seconds"),
    [
        ("120/min", 120, 60),
        ("3/m", 3, 60),
        ("1000000/s", 1000000, 1),
        ("5/hour", 5, 3600),
        ("100000/day", 100000, 86400),
        ("7/ Min", 7, 60),
    ],
)
def test_rates_read_as_ninja_and_the_docs_write_them(text, number, seconds):
    assert Rate.parse(text) == Rate(number, seconds)


@pytest.mark.parametrize("text", ["", "120", "many/min", "120/fortnight", "0/min", "-1/s", "/m"])
def test_a_malformed_rate_is_a_configuration_error(text):
    with pytest.raises(ImproperlyConfigured):
        Rate.parse(text)


@settings(max_examples=60, deadline=None)
@given(
    number=st.integers(1, 5),
    seconds=st.sampled_from([1, 60, 3600]),
    start=st.integers(1_700_000_000, 1_800_000_000),
    steps=st.lists(st.integers(0, 90), min_size=1, max_size=30),
    client=st.text(max_size=40),
)
def test_no_window_lets_more_than_its_number_through(number, seconds, start, steps, client):
    """Whatever the times of the requests: at most ``number`` let through per window (a window
    being what Retry-After says is left of it), and a refused client is let through again
    once Retry-After has passed."""
    cache.clear()
    ratelimit.forget()
    rate, now, allowed = f"{number}/{'smh'[[1, 60, 3600].index(seconds)]}", float(start), {}
    for step in steps:
        now += step
        usage = ratelimit.hit("test", client, rate, now=now)
        window_end = int(now) + usage.retry_after
        assert 1 <= usage.retry_after <= seconds
        if not usage.exceeded:
            allowed[window_end] = allowed.get(window_end, 0) + 1
            assert allowed[window_end] <= number
        else:
            later = ratelimit.hit("test", client, rate, now=now + usage.retry_after)
            assert later.count == 1 and not later.exceeded
            now += usage.retry_after
            allowed = {int(now) + later.retry_after: 1}


def test_clients_are_counted_apart_and_their_windows_end_apart():
    ends = set()
    for number in range(50):
        client = f"198.51.100.{number}"
        assert ratelimit.hit("test", client, "1/min", now=1_800_000_000.0).count == 1
        ends.add(ratelimit.hit("test", client, "1/min", now=1_800_000_000.0).retry_after)
    assert len(ends) > 10  # not everyone let in again at the same second


@pytest.mark.parametrize("backend", ["locmem", "redis"])
def test_requests_counted_at_once_are_each_counted(backend, request, settings):
    """Atomic: requests of one client counted by 16 threads at once let exactly the rate's
    number through (ninja's throttle read and rewrote a list and could let more)."""
    if backend == "redis":
        backend_cache = request.getfixturevalue("redis_cache")
        settings.CACHES = {
            "default": {
                "BACKEND": "infra.cache.RedisCache",
                "LOCATION": backend_cache._servers[0],
                "KEY_PREFIX": "concurrent",
            }
        }
    now = time.time()

    def ask(_):
        return not ratelimit.hit("test", "203.0.113.5", "50/min", now=now).exceeded

    with ThreadPoolExecutor(max_workers=16) as pool:
        allowed = list(pool.map(ask, range(200)))
    assert allowed.count(True) == 50


def test_a_busy_client_costs_a_round_trip_every_few_dozen_requests(monkeypatch):
    """Counts reserved ahead: 1,000 requests within a rate of 100,000 ask the cache fewer than
    20 times, and a rate of 100 still lets exactly 100 through, the rest refused without
    asking."""
    asked = []
    real = ratelimit._increment

    def increment(key, seconds, amount):
        asked.append(amount)
        return real(key, seconds, amount)

    monkeypatch.setattr(ratelimit, "_increment", increment)
    now = 1_800_000_000.0
    usages = [ratelimit.hit("test", "203.0.113.9", "100000/min", now=now) for _ in range(1000)]
    assert [u.count for u in usages] == list(range(1, 1001))
    assert len(asked) < 20 and sum(asked) >= 1000
    asked.clear()
    allowed = [
        not ratelimit.hit("test", "203.0.113.10", "100/min", now=now).exceeded for _ in range(300)
    ]
    assert allowed == [True] * 100 + [False] * 200
    # Reservations shrink as the rate nears; past it nothing more is asked.
    assert len(asked) < 60 and sum(asked) == 100


@settings(max_examples=80, deadline=None)
@given(
    number=st.integers(1, 400),
    order=st.lists(st.integers(0, 3), min_size=1, max_size=600),
)
def test_processes_sharing_a_cache_never_let_more_than_the_rate_through(number, order):
    """Requests of one client spread over up to four processes (each with its reservations)
    counting in one cache: never more than the rate let through in a window, and fewer only
    by what the other processes reserved and did not spend."""
    cache.clear()
    processes = [{} for _ in range(4)]
    allowed = 0
    for process in order:
        ratelimit._reserved = processes[process]
        allowed += not ratelimit.hit("test", "198.51.100.7", f"{number}/min", now=1.8e9).exceeded
    ratelimit._reserved = {}
    largest = max(1, min(ratelimit.RESERVE_MAX, number // ratelimit.RESERVE_SHARE))
    assert allowed <= number
    assert allowed >= min(len(order), number) - (len(set(order)) - 1) * (largest - 1)
