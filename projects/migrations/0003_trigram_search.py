"""Trigram GIN indexes for substring search on PostgreSQL (a no-op on SQLite).

Django compiles ``icontains`` to ``UPPER(col::text) LIKE UPPER(%s)`` on PostgreSQL, so the
indexes are on that expression. pg_trgm needs the right to create the extension (a
superuser, or a database owner on PostgreSQL 13+ where pg_trgm is a trusted extension).
"""

from django.db import migrations

# (table, column) pairs that search reads with icontains.
SEARCHED = [
    ("projects_project", "name"),
    ("projects_project", "implementing_unit"),
    ("projects_project", "outcomes"),
    ("projects_project", "basis_closing"),
    ("projects_project", "funding_text"),
    ("projects_subitem", "name"),
    ("projects_subitem", "content"),
    ("projects_subitem", "plan"),
    ("projects_citation", "cited_text"),
    ("projects_policydocument", "title"),
    ("projects_policydocument", "document_number"),
]


def index_name(table: str, column: str) -> str:
    return f"{table}_{column}_trgm"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for table, column in SEARCHED:
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{index_name(table, column)}" ON "{table}" '
            f'USING gin (UPPER("{column}"::text) gin_trgm_ops)'
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, column in SEARCHED:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{index_name(table, column)}"')


class Migration(migrations.Migration):
    dependencies = [("projects", "0002_roles")]

    operations = [migrations.RunPython(create, drop)]
