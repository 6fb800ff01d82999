"""Drop the trigram indexes that only public search read; it reads ``ProjectSearch`` now.

The other indexes of migration 0003 stay: the admin's changelist search (``search_fields``)
runs ``icontains`` on those columns.
"""

from django.db import migrations

# (table, column) pairs of 0003 that nothing but the old public search read.
DROPPED = [
    ("projects_project", "outcomes"),
    ("projects_project", "basis_closing"),
    ("projects_project", "funding_text"),
]


def index_name(table: str, column: str) -> str:
    return f"{table}_{column}_trgm"


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, column in DROPPED:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{index_name(table, column)}"')


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, column in DROPPED:
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{index_name(table, column)}" ON "{table}" '
            f'USING gin (UPPER("{column}"::text) gin_trgm_ops)'
        )


class Migration(migrations.Migration):
    dependencies = [("projects", "0005_project_search")]

    operations = [migrations.RunPython(drop, create)]
