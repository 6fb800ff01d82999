"""Versions of what the public sees: tokens that change when a published record does, one per
scope, so that a publication makes stale only the stored pages that show it.

Scopes:

* ``all``: anything public. Lists, search, home, feed, sitemap, the API and the bulk
  downloads are kept under it; every change bumps it.
* ``site``: what every page shows beside its own records: departments and regions (names,
  addresses), disclosures' titles, the policy documents cited. Saving or deleting one of these
  bumps it (``connect``), and every stored page goes stale.
* ``project:<lineage>``: one project, all its revisions and their PDFs. Its permalink, each
  revision's page, the comparisons and its data are kept under ``site`` and this scope.
* ``disclosure:<department slug>:<year>``: one department's document for a year, kept under
  ``site`` and this scope.

A publication, correction or withdrawal bumps ``all`` and the project's and its disclosure's
scopes (``project_changed``): at 100,000 projects, every other project's stored pages stay
valid.

``current(scope)`` is read on every public request (``infra/pagecache.py``), so each process
keeps each token for ``PUBLIC_VERSION_LOCAL_TTL`` seconds (1), then asks the cache, which asks
the database at most once per ``PUBLIC_VERSION_TTL`` seconds (2); a scope never bumped has the
token "0". ``bump()`` writes new random tokens in the current transaction, drops the cached
ones at once, and puts the new ones in the cache once the transaction commits:

* a request that reads a version while the transaction is open gets the old token, and what
  it renders is the old, committed data: the pair stays true;
* after the commit the process that published sees the new token at once, every other one
  with a shared cache (Redis) within ``PUBLIC_VERSION_LOCAL_TTL`` seconds, and a process with a
  cache of its own within ``PUBLIC_VERSION_TTL`` seconds;
* a scope's token is kept (in the cache and by each process) with the token of everything
  public it was read with, from one moment (``_fetch``): since every bump changes that one,
  a process keeps a scope's token for as long as it still reads the same token of everything
  public, and asks again only after a publication.

Tokens are random rather than a counter, so a rolled-back bump can never hand its number to
different data later.

Who bumps: a publication (``projects.publishing.after_publication``, from the workflow and the
loader) and a withdrawal (``workflow.withdraw``); a summary recomputed for a public revision
(``services.refresh_summary``); a stored PDF (``publications.services``), whose size and
checksum the pages show; the demo generator after publishing in bulk (``site``: it does not
say which projects); and, through ``post_save``/``post_delete``
receivers (``connect``), saving or deleting a department, region, disclosure or policy
document (``site``). Children of a published revision cannot change at all, and drafts are not
public, so edits to drafts leave the stored pages alone.
"""

from __future__ import annotations

import hashlib
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

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
    Project,
    PublicVersion,
    Region,
)

ALL = "all"
SITE = "site"
CACHE_PREFIX = "public-version:"
# A scope never bumped: its pages are as old as the site's own token says.
UNTOUCHED_AT = datetime(2000, 1, 1, tzinfo=UTC)
LOCAL_LIMIT = 20_000  # tokens a process keeps; beyond, it starts afresh


@dataclass(frozen=True)
class Version:
    token: str
    changed_at: datetime


def project_scope(lineage) -> str:
    return f"project:{lineage}"


def disclosure_scope(department_slug: str, year: int) -> str:
    return f"disclosure:{department_slug}:{year}"


def of_project(kwargs: dict) -> str:
    """The scope of a page addressed by a project's lineage (for ``public_page``)."""
    return project_scope(kwargs["lineage"])


def of_disclosure(kwargs: dict) -> str:
    """The scope of a page addressed by a department and a year (for ``public_page``)."""
    return disclosure_scope(kwargs["department"], kwargs["year"])


# The tokens this process read: each with the token of everything public it was current with
# (None for ``all`` itself, or when that is not known) and when it was read
# (time.monotonic()). Read again after PUBLIC_VERSION_LOCAL_TTL seconds, unless that token of
# everything public is still the current one: every bump changes it, so the scope's token has
# not changed either. Most requests ask neither the cache nor the database, and a process
# answering pages of many projects asks for each project's token once per publication, not
# once a second.
_local: dict[str, tuple[Version, str | None, float]] = {}


def _cache_key(scope: str) -> str:
    # An address may name a department that does not exist with any length of slug: such a
    # scope is looked up by its digest, within every cache's key length.
    if len(scope) > 100:
        scope = "digest:" + hashlib.sha256(scope.encode()).hexdigest()
    return CACHE_PREFIX + scope


def forget() -> None:
    """Drop this process's memory of the versions (a bump does; tests do between tests)."""
    _local.clear()


def _read(scope: str) -> Version:
    now = time.monotonic()
    kept = _local.get(scope)
    if kept is not None:
        version, everything, read_at = kept
        if now - read_at < settings.PUBLIC_VERSION_LOCAL_TTL:
            return version
        if everything is not None and _read(ALL).token == everything:
            return version
    if scope == ALL:
        version, everything = _fetch_all(), None
    else:
        version, everything = _fetch(scope)
    if len(_local) >= LOCAL_LIMIT:
        _local.clear()
    _local[scope] = (version, everything, now)
    return version


def _fetch_all() -> Version:
    version = cache.get(_cache_key(ALL))
    if version is None:
        row = PublicVersion.objects.filter(scope=ALL).first()
        if row is None:
            return bump()
        version = Version(row.token, row.changed_at)
        cache.add(_cache_key(ALL), version, settings.PUBLIC_VERSION_TTL)
    return version


def _fetch(scope: str) -> tuple[Version, str | None]:
    """A scope's token and the token of everything public of the same moment: cached as a
    pair by ``bump`` or read together in one query, so the two always belong together."""
    pair = cache.get(_cache_key(scope))
    if pair is None:
        rows = {row.scope: row for row in PublicVersion.objects.filter(scope__in=[ALL, scope])}
        own = rows.get(scope)
        version = Version(own.token, own.changed_at) if own else Version("0", UNTOUCHED_AT)
        pair = (version, rows[ALL].token if ALL in rows else None)
        # Added, never set: a reader's copy, read before a publication committed, cannot
        # replace the one the publication put there (bump).
        cache.add(_cache_key(scope), pair, settings.PUBLIC_VERSION_TTL)
    return pair


def current(scope: str | None = None) -> Version:
    """The version of anything public (no scope), or of what a scoped page shows: the site's
    and the scope's tokens together."""
    if scope is None:
        return _read(ALL)
    site, own = _read(SITE), _read(scope)
    return Version(f"{site.token}.{own.token}", max(site.changed_at, own.changed_at))


def bump(*scopes: str) -> Version:
    """New tokens for everything public and for ``scopes``, visible once the current
    transaction commits; the new version of everything public."""
    changed_at = timezone.now().replace(microsecond=0)
    versions = {
        scope: Version(uuid.uuid4().hex, changed_at) for scope in dict.fromkeys((ALL, *scopes))
    }
    PublicVersion.objects.bulk_create(  # one statement, however many scopes
        [
            PublicVersion(scope=s, token=v.token, changed_at=v.changed_at)
            for s, v in versions.items()
        ],
        update_conflicts=True,
        unique_fields=["scope"],
        update_fields=["token", "changed_at"],
    )
    cache.delete_many([_cache_key(scope) for scope in versions])
    forget()
    transaction.on_commit(forget)  # what this process read meanwhile was the old version
    if not routers.replica_in_use():
        # With a replica, the next read takes the version from the replica instead, once
        # the replica has the new rows too (see infra/routers.py).
        everything = versions[ALL].token
        transaction.on_commit(
            lambda: cache.set_many(
                {
                    _cache_key(scope): v if scope == ALL else (v, everything)
                    for scope, v in versions.items()
                },
                settings.PUBLIC_VERSION_TTL,
            )
        )
    return versions[ALL]


def project_changed(*projects: Project) -> Version:
    """Projects' public face changed (published, corrected, withdrawn, a PDF stored): their
    pages, their disclosures' and the lists go stale; every other project's stay."""
    scopes = []
    for project in projects:
        disclosure = project.disclosure
        scopes.append(project_scope(project.lineage))
        scopes.append(disclosure_scope(disclosure.department.slug, disclosure.fiscal_year))
    return bump(*scopes)


def disclosure_changed(disclosure: Disclosure) -> Version:
    """A department-year document's public face changed (its PDF stored)."""
    return bump(disclosure_scope(disclosure.department.slug, disclosure.fiscal_year))


def _site_changed(sender, **kwargs):
    bump(SITE)


def connect() -> None:
    """Called once from ``ProjectsConfig.ready``."""
    for model in (Region, Department, Disclosure, PolicyDocument):
        uid = f"public_version.{model._meta.model_name}"
        post_save.connect(_site_changed, sender=model, dispatch_uid=f"{uid}.save")
        post_delete.connect(_site_changed, sender=model, dispatch_uid=f"{uid}.delete")
