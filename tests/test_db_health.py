"""The health check of a persistent PostgreSQL connection (infra/db/base.py): no round trip
for a connection that is well, a replaced one for a connection the server has closed."""

from __future__ import annotations

import time

import pytest
from django.db import connection, connections

pytestmark = pytest.mark.django_db


@pytest.fixture
def spare():
    """A persistent connection of its own, with health checks, as in production."""
    wrapper = connections.create_connection("default")
    wrapper.settings_dict = {
        **wrapper.settings_dict,
        "CONN_HEALTH_CHECKS": True,
        "CONN_MAX_AGE": 600,
    }
    wrapper.ensure_connection()
    yield wrapper
    wrapper.close()


def backend_pid(wrapper) -> int:
    with wrapper.connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


def test_it_is_the_portals_backend():
    assert type(connections["default"]).__module__ == "infra.db.base"
    assert connection.vendor == "postgresql"


def test_a_connection_that_is_well_is_kept_without_a_query(spare, monkeypatch):
    asked = []
    monkeypatch.setattr(type(spare), "is_usable", lambda self: asked.append(1) or True)
    pid = backend_pid(spare)
    spare.close_if_unusable_or_obsolete()  # a request ends: the next one checks again
    with spare.cursor() as cursor:  # the next request's first query
        cursor.execute("SELECT 1")
    assert asked == []  # no SELECT 1 before it
    assert backend_pid(spare) == pid  # the same connection


def test_a_connection_the_server_closed_is_replaced_before_the_query(spare):
    pid = backend_pid(spare)
    spare.close_if_unusable_or_obsolete()  # between two requests …
    with connection.cursor() as cursor:  # … the server ends that backend, as a restart does
        cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
    for _ in range(50):  # its farewell reaches the socket
        if spare.server_has_spoken():
            break
        time.sleep(0.02)
    assert spare.server_has_spoken()
    with spare.cursor() as cursor:  # the next request's first query does not fail
        cursor.execute("SELECT 2")
        assert cursor.fetchone() == (2,)
    assert backend_pid(spare) != pid


def test_a_closed_connection_cannot_be_asked_and_is_checked(spare):
    spare.connection.close()  # the driver's connection, behind Django's back
    assert spare.server_has_spoken()
