"""Production: every secret and address from the environment; refuses to start without them.

DATABASE_URL (PostgreSQL), SECRET_KEY and ALLOWED_HOSTS are required; REDIS_URL selects a
shared cache (otherwise each process keeps its own); STORAGE_BACKEND / STORAGE_OPTIONS select
object storage through django-storages (see base.py); docs/deployment.md tells the rest.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

for required in ("SECRET_KEY", "DATABASE_URL", "ALLOWED_HOSTS"):
    if not os.environ.get(required):
        raise ImproperlyConfigured(f"Set the environment variable {required} for production.")

DEBUG = False
# HTTPS=0 only for a local run on loopback (`make serve`): no redirect, no HSTS, and cookies
# that a plain-HTTP browser sends back. Anything reachable from outside keeps HTTPS=1.
HTTPS = os.environ.get("HTTPS", "1") == "1"
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = HTTPS and os.environ.get("SECURE_SSL_REDIRECT", "1") == "1"
# The health check answers the load balancer over plain HTTP inside the network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000")) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = HTTPS and os.environ.get("SECURE_HSTS_PRELOAD", "1") == "1"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")  # noqa: F405

# Persistent database connections: each sync worker keeps its one connection instead of
# opening a new one (a new PostgreSQL backend process) for every request; a connection broken
# by a database restart is dropped by Django's health check (CONN_HEALTH_CHECKS, base.py) and
# opened again.
for alias in DATABASES:  # noqa: F405
    DATABASES[alias]["CONN_MAX_AGE"] = int(  # noqa: F405
        os.environ.get("DATABASE_CONN_MAX_AGE", "600")
    )

# Static files: hashed names and gzip/brotli copies made by collectstatic, served by whitenoise
# (right after the security middleware) with a year's caching.
MIDDLEWARE.insert(  # noqa: F405
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,  # noqa: F405
    "whitenoise.middleware.WhiteNoiseMiddleware",
)
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}

if os.environ.get("REDIS_URL"):
    # 0 would make the sockets non-blocking (every connection "fails"), a negative number is
    # an error on every request: refuse either at start.
    _redis_timeout_ms = os.environ.get("REDIS_TIMEOUT_MS", "500")
    if not _redis_timeout_ms.isdigit() or int(_redis_timeout_ms) < 1:
        raise ImproperlyConfigured(
            f"REDIS_TIMEOUT_MS is a whole number of milliseconds, at least 1: {_redis_timeout_ms!r}"
        )
    _redis_timeout = int(_redis_timeout_ms) / 1000  # seconds, as redis-py takes them
    CACHES = {
        "default": {
            "BACKEND": "infra.cache.RedisCache",  # Django's, one client kept (infra/cache.py)
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "portal",
            # A hung Redis costs a request at most this long, then is left alone for a while
            # (infra/cache.py): every read misses and the site serves from the database.
            "OPTIONS": {
                "socket_connect_timeout": _redis_timeout,
                "socket_timeout": _redis_timeout,
            },
        }
    }
    # Each worker keeps up to this many bytes of what it read from Redis (infra/nearcache.py).
    PUBLIC_LOCAL_CACHE_BYTES = int(os.environ.get("PUBLIC_LOCAL_CACHE_BYTES", str(32 * 2**20)))

# One JSON object per line on stderr, for the log collector.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        }
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"weasyprint": {"level": "WARNING"}},
}
