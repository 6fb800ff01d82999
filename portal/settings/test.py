"""The test suite: PostgreSQL from DATABASE_URL (make test starts one), no outside effects."""

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"
DEBUG = False
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast, tests only
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
RENDER_PDFS_ON_PUBLISH = False  # tests that need the publish hook turn it on
# The queue is the database backend, as in production, and nothing works it: a test that needs
# the PDFs runs the queued jobs itself (tests/jobs.py), so it can also see them queued.
OPENDATA_API_RATE = "100000/min"  # the rate-limit test sets its own
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}

# The suite runs on PostgreSQL, as production does (constraints, partial indexes, triggers).
# `make test` provides one; a bare pytest without DATABASE_URL would silently use SQLite.
if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":  # noqa: F405 - PostgreSQL (base.py)
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured(
        "The test suite needs PostgreSQL: run `make test`, or set DATABASE_URL=postgres://…"
    )
