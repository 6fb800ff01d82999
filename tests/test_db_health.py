"""A persistent PostgreSQL connection (production's ``DATABASE_CONN_MAX_AGE``) that the server
closed between two requests, as a restart or a failover does, is replaced before the next
request's first query instead of failing it (Django's ``CONN_HEALTH_CHECKS``, base.py)."""

from __future__ import annotations

import pytest
from django.db import connection, connections

pytestmark = pytest.mark.django_db


@pytest.fixture
def spare():
    """A persistent connection of its own, configured as the settings configure it."""
    wrapper = connections.create_connection("default")
    wrapper.settings_dict = {**wrapper.settings_dict, "CONN_MAX_AGE": 600}
    wrapper.ensure_connection()
    yield wrapper
    wrapper.close()


def backend_pid(wrapper) -> int:
    with wrapper.connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


def test_connections_are_health_checked():
    assert connection.settings_dict["CONN_HEALTH_CHECKS"] is True


def test_a_connection_the_server_closed_is_replaced_before_the_query(spare):
    pid = backend_pid(spare)
    spare.close_if_unusable_or_obsolete()  # between two requests …
    with connection.cursor() as cursor:  # … the server ends that backend, as a restart does
        cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
    with spare.cursor() as cursor:  # the next request's first query does not fail
        cursor.execute("SELECT 2")
        assert cursor.fetchone() == (2,)
    assert backend_pid(spare) != pid
