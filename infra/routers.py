"""Public reads to a read replica, everything else to the primary.

With ``DATABASE_REPLICA_URL`` set, settings add a ``replica`` database and this router. Reads
go to the replica only inside ``public_reads()``, which the public pages and downloads
(``infra.pagecache``) and the open-data API enter; the admin, the staff workflow, the PDF
views (which store a PDF on its first request) and every write use the primary, so staff always
read what they have just written. A replica runs a little behind the primary: the version of
what is published is read from the same replica as the page (``projects.public_version``), so
a stored page never pairs a new version with older records.
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings

REPLICA = "replica"
_public = ContextVar("public_reads", default=False)


@contextmanager
def public_reads():
    token = _public.set(True)
    try:
        yield
    finally:
        _public.reset(token)


def replica_in_use() -> bool:
    return REPLICA in settings.DATABASES


class PrimaryReplicaRouter:
    def db_for_read(self, model, **hints):
        if _public.get() and replica_in_use():
            return REPLICA
        return "default"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the replica holds the same rows as the primary

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"
