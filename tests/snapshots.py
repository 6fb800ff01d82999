"""Expensive test data built once per test run and put back, row for row, in each test.

Loading the seed disclosure through the loader takes some 2,400 queries (every row validated,
then saved), and a few hundred tests want it. :func:`capture` runs such a build once, in a
transaction it rolls back, and keeps every row the build wrote, in every table (as PostgreSQL's
COPY text); :func:`restore` writes those rows back with one COPY per table inside the test's own
transaction (rolled back after the test like anything else it writes). The rows are the
loader's, to the byte: ids, timestamps, computed summaries, search rows and all (Django's bulk
inserts would stamp ``auto_now`` fields anew). ``tests/projects/test_seed.py`` still loads the
seed from scratch and checks that it gives the same rows.

PostgreSQL only (the suite's database): the rows go in with the triggers off for the copy
(``session_replication_role = replica``), since the guards of published revisions refuse new
rows under them, and the id sequences are moved past the restored ids afterwards.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection, models, transaction


def _tables() -> list[type[models.Model]]:
    """Every concrete model with a table of its own, many-to-many tables included."""
    return [
        model
        for model in apps.get_models(include_auto_created=True)
        if not model._meta.proxy and model._meta.managed
    ]


def _keys(model) -> set:
    return set(model._base_manager.values_list("pk", flat=True))


@dataclass(frozen=True)
class Snapshot:
    rows: tuple[tuple[type[models.Model], tuple[dict, ...]], ...]
    # Each table's rows as COPY text, with the columns in the order written.
    copies: tuple[tuple[type[models.Model], tuple[str, ...], str], ...]
    result: tuple[type[models.Model], Any] | None  # the build's return value, as model and pk


def _copy_out(model, keys: set) -> tuple[tuple[str, ...], str]:
    quote = connection.ops.quote_name
    columns = tuple(f.column for f in model._meta.concrete_fields)
    pk = quote(model._meta.pk.column)
    select = (
        f"SELECT {', '.join(map(quote, columns))} FROM {quote(model._meta.db_table)} "
        f"WHERE {pk} = ANY(%s) ORDER BY {pk}"
    )
    text = io.StringIO()
    with connection.cursor() as cursor:
        query = cursor.cursor.mogrify(select, [sorted(keys)]).decode()
        cursor.cursor.copy_expert(f"COPY ({query}) TO STDOUT", text)
    return columns, text.getvalue()


def capture(build: Callable[[], Any]) -> Snapshot:
    """Run ``build`` in a transaction that is rolled back, and keep what it wrote."""
    tables = _tables()
    with transaction.atomic():
        before = {model: _keys(model) for model in tables}
        result = build()
        rows, copies = [], []
        for model in tables:
            new = _keys(model) - before[model]
            if new:
                found = model._base_manager.filter(pk__in=new).order_by("pk").values()
                rows.append((model, tuple(found)))
                copies.append((model, *_copy_out(model, new)))
        transaction.set_rollback(True)
    kept = (type(result), result.pk) if isinstance(result, models.Model) else None
    return Snapshot(rows=tuple(rows), copies=tuple(copies), result=kept)


def restore(snapshot: Snapshot) -> Any:
    """Write the snapshot's rows into the current transaction; the build's result, fetched
    again."""
    assert connection.vendor == "postgresql", "snapshots restore on PostgreSQL"
    # In a test's transaction this is a savepoint; in a transactional test (a live server's)
    # a transaction of its own, whose rows the test's flush removes afterwards.
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SHOW session_replication_role")
        (role,) = cursor.fetchone()  # "replica" already under the guards_off fixture
        cursor.execute("SET LOCAL session_replication_role = replica")
        quote = connection.ops.quote_name
        try:
            for model, columns, text in snapshot.copies:
                cursor.cursor.copy_expert(
                    f"COPY {quote(model._meta.db_table)} ({', '.join(map(quote, columns))}) "
                    "FROM STDIN",
                    io.StringIO(text),
                )
        finally:
            cursor.execute("SELECT set_config('session_replication_role', %s, true)", [role])
        for statement in connection.ops.sequence_reset_sql(
            no_style(), [model for model, _ in snapshot.rows]
        ):
            cursor.execute(statement)
    if snapshot.result is None:
        return None
    model, pk = snapshot.result
    return model._default_manager.get(pk=pk)
