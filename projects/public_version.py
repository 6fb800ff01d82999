"""The version of everything public: one token that changes whenever a published record does.

``current()`` is read on every public request (``infra/pagecache.py``), so each process keeps
it for ``PUBLIC_VERSION_LOCAL_TTL`` seconds (1), then asks the cache, which asks the database
at most once per ``PUBLIC_VERSION_TTL`` seconds (2). ``bump()``
writes a new random token in the current transaction, drops the cached one at once, and puts
the new one in the cache once the transaction commits:

* a request that reads the version while the transaction is open gets the old token, and what
  it renders is the old, committed data: the pair stays true;
* after the commit the process that published sees the new token at once, every other one
  with a shared cache (Redis) within ``PUBLIC_VERSION_LOCAL_TTL`` seconds, and a process with a
  cache of its own within ``PUBLIC_VERSION_TTL`` seconds.

Tokens are random rather than a counter, so a rolled-back bump can never hand its number to
different data later.

What bumps it: a publication (``projects.publishing.after_publication``, from the workflow and
the loader) and a withdrawal (``workflow.withdraw``); a bulk ``update(status=…)`` of projects
(``ProjectQuerySet.update``); a summary recomputed for a public revision
(``services.refresh_summary``); a stored PDF's record (``publications.services``), whose size
and checksum the pages show; and, still through ``post_save``/``post_delete`` receivers
(``connect``), saving or deleting a department, region, disclosure or policy document.
Children of a published revision cannot change at all (``GuardedChild`` and the database
triggers), and drafts are not public, so edits to drafts leave the cached pages alone.
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from infra import routers

from .models import (
    Department,
    Disclosure,
    PolicyDocument,
    PublicVersion,
    Region,
)

CACHE_KEY = "public-version"


@dataclass(frozen=True)
class Version:
    token: str
    changed_at: datetime


# The last version this process read, and when (time.monotonic()): read again after
# PUBLIC_VERSION_LOCAL_TTL seconds, so that most requests ask neither the cache nor the
# database.
_local: tuple[Version, float] | None = None


def forget() -> None:
    """Drop this process's memory of the version (a bump does; tests do between tests)."""
    global _local
    _local = None


def current() -> Version:
    global _local
    now = time.monotonic()
    if _local is not None and now - _local[1] < settings.PUBLIC_VERSION_LOCAL_TTL:
        return _local[0]
    version = cache.get(CACHE_KEY)
    if version is None:
        row = PublicVersion.objects.filter(pk=1).first()
        if row is None:
            return bump()
        version = Version(row.token, row.changed_at)
        cache.set(CACHE_KEY, version, settings.PUBLIC_VERSION_TTL)
    _local = (version, now)
    return version


def bump() -> Version:
    """A new version for everything public, visible once the current transaction commits."""
    version = Version(uuid.uuid4().hex, timezone.now().replace(microsecond=0))
    PublicVersion.objects.update_or_create(
        pk=1, defaults={"token": version.token, "changed_at": version.changed_at}
    )
    cache.delete(CACHE_KEY)
    forget()
    transaction.on_commit(forget)  # what this process read meanwhile was the old version
    if not routers.replica_in_use():
        # With a replica, the next read takes the version from the replica instead, once
        # the replica has the new rows too (see infra/routers.py).
        transaction.on_commit(lambda: cache.set(CACHE_KEY, version, settings.PUBLIC_VERSION_TTL))
    return version


def _changed(sender, **kwargs):
    bump()


def connect() -> None:
    """Called once from ``ProjectsConfig.ready``."""
    for model in (Region, Department, Disclosure, PolicyDocument):
        uid = f"public_version.{model._meta.model_name}"
        post_save.connect(_changed, sender=model, dispatch_uid=f"{uid}.save")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"{uid}.delete")
