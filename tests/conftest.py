"""Shared fixtures: the seed disclosure loaded as published records."""

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEED_JSON = REPO / "fixtures" / "seed" / "chengjiang-zzb-2024.json"


@pytest.fixture(scope="session")
def seed_tree() -> dict:
    return json.loads(SEED_JSON.read_text(encoding="utf-8"))


@pytest.fixture
def seed(db, seed_tree):
    """The seed disclosure, stored as published first revisions."""
    from projects.services import load_disclosure_tree

    return load_disclosure_tree(seed_tree, publish=True).disclosure


@pytest.fixture(autouse=True)
def fresh_cache():
    """Each test starts with an empty cache: no page, version or rate count of another test
    (whose database rows were rolled back) can answer it."""
    from django.core.cache import cache

    from portal import nearcache
    from projects import public_version

    cache.clear()
    nearcache.forget()
    public_version.forget()


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Stored files (PDFs) go to a folder of the test's own, never to var/."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def pdf_attachments(content: bytes) -> dict[str, bytes]:
    """The files embedded in a PDF, by name."""
    import io

    from pypdf import PdfReader

    return {name: data[0] for name, data in PdfReader(io.BytesIO(content)).attachments.items()}


def force_status(queryset, status):
    """Test set-up only: put projects straight into a state, past the guards that forbid it
    in the application (the models' and, on PostgreSQL, the triggers, which a superuser may
    switch off for the current transaction)."""
    from django.db import connection
    from django.db.models import QuerySet

    from projects import public_version

    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL session_replication_role = replica")
    try:
        QuerySet.update(queryset, status=status)
        public_version.bump()  # as the application's publishing does
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL session_replication_role = DEFAULT")


@pytest.fixture
def guards_off(monkeypatch, db):
    """Test set-up only, for tests about something else (search, pages, budgets) that build
    "published" records directly: the model guards see no frozen or submitted status, and the
    triggers are off for the test's transaction. The guards' own tests never use it."""
    from django.db import connection

    from projects import models

    monkeypatch.setattr(models, "FROZEN_STATUSES", ())
    monkeypatch.setattr(models, "LOCKED_STATUSES", ())
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL session_replication_role = replica")
    yield
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL session_replication_role = DEFAULT")


@pytest.fixture
def steady_clock(monkeypatch):
    """The rate limit's clock, held still: its counts are per window of the clock, and a test
    run across a window's end would start counting anew midway."""
    from types import SimpleNamespace

    from portal import ratelimit

    now = SimpleNamespace(value=1_800_000_000.0)
    monkeypatch.setattr(ratelimit, "time", SimpleNamespace(time=lambda: now.value))
    return now


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory):
    """A throwaway redis-server on a free loopback port, for the whole run."""
    import shutil

    from bench import throwaway

    assert shutil.which("redis-server"), "make test installs redis-server"
    with throwaway.redis(tmp_path_factory.mktemp("redis")) as url:
        yield url


@pytest.fixture
def redis_cache(redis_url, request):
    """Our Redis cache backend (``portal.cache.RedisCache``) over that server, under a key
    prefix of the test's own."""
    import uuid

    from portal.cache import RedisCache

    return RedisCache(redis_url, {"KEY_PREFIX": f"{request.node.name}-{uuid.uuid4().hex}"})


@pytest.fixture
def redis_down(settings):
    """The shared cache is our Redis backend, and Redis cannot be reached (nothing listens on
    its port: refused)."""
    from bench import throwaway
    from projects import public_version

    settings.CACHES = {
        "default": {
            "BACKEND": "portal.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{throwaway.free_port()}/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    public_version.forget()
