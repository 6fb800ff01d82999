"""The security tests use the staff workflow's fixtures: a draft like the seed's project 2."""

from tests.projects.conftest import draft, users  # noqa: F401
