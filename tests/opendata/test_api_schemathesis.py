"""Schemathesis against the running app (in-process WSGI): generated requests for every
operation of the OpenAPI document, each answer checked against that document (status codes,
content types, response schemas) and for server errors."""

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

pytestmark = pytest.mark.django_db

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


@pytest.fixture
def same_connection():
    """As Django's test client does: the app must not close the test's database connection
    (and its transaction, with the seed in it) at the end of each request."""
    from django.core import signals
    from django.db import close_old_connections

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    # The seed is loaded once per operation and read by every generated request.
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_api_conforms_to_its_openapi_document(case, seed, same_connection):
    # Every check; for the project list not "a schema-valid request is accepted": a
    # department slug or region id that does not exist is well-formed but answers 400
    # (筛选条件有误), on purpose, so that a typo is not read as "no projects".
    rejects_unknown = case.operation.path == "/api/v1/projects"
    # identity: the in-process WSGI transport hands back the bytes as sent and does not undo
    # gzip as an HTTP client does (compressed answers: tests/opendata/test_api.py).
    case.call_and_validate(
        headers={"Accept-Encoding": "identity"},
        excluded_checks=[positive_data_acceptance] if rejects_unknown else [],
    )
