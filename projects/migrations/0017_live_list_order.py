"""Which search rows belong to live revisions (``ProjectSearch.live``), kept by the database,
and the public lists' indexes: the display order of live projects alone, and live projects'
amounts.

``live`` is written by triggers only, equal to ``status = 'published'`` of the row's project
on every write of either table: a search row written (whatever Django put there), and a
project whose status changed. The lists read their pages' keys from the partial index on it
instead of joining and sorting every live project (docs/performance.md); the rows they show
are still read through ``Project.objects.published()``, so a key the index gave wrongly could
hide a project from a page but never show one that is not public.
"""

from django.conf import settings
from django.db import migrations, models

GRAMS_INDEX = "projects_projectsearch_grams_gin"  # migration 0005
LIVE = "EXISTS (SELECT 1 FROM projects_project p WHERE p.id = {row}.project_id AND p.status = 'published')"

POSTGRESQL = f"""
CREATE FUNCTION projects_search_live() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.live := {LIVE.format(row="NEW")};
    RETURN NEW;
END $$;
CREATE TRIGGER projectsearch_live BEFORE INSERT OR UPDATE ON projects_projectsearch
    FOR EACH ROW EXECUTE FUNCTION projects_search_live();

CREATE FUNCTION projects_project_live() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- The search row's own trigger works the value out again from the project.
    UPDATE projects_projectsearch SET live = (NEW.status = 'published')
        WHERE project_id = NEW.id AND live IS DISTINCT FROM (NEW.status = 'published');
    RETURN NULL;
END $$;
CREATE TRIGGER project_live AFTER UPDATE OF status ON projects_project
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status)
    EXECUTE FUNCTION projects_project_live();

-- Kept whatever the session's replication role: what switches the guards off (a restore,
-- a repair by a superuser) must not leave the copy wrong.
ALTER TABLE projects_projectsearch ENABLE ALWAYS TRIGGER projectsearch_live;
ALTER TABLE projects_project ENABLE ALWAYS TRIGGER project_live;
"""
POSTGRESQL_REVERSE = """
DROP TRIGGER project_live ON projects_project;
DROP FUNCTION projects_project_live();
DROP TRIGGER projectsearch_live ON projects_projectsearch;
DROP FUNCTION projects_search_live();
"""

# SQLite (the demo) has no BEFORE trigger that sets a value: the row is corrected after it
# is written (SQLite does not run a trigger again from its own statement).
SQLITE = [
    f"""CREATE TRIGGER projectsearch_live_insert AFTER INSERT ON projects_projectsearch
    FOR EACH ROW BEGIN
        UPDATE projects_projectsearch SET live = {LIVE.format(row="NEW")}
            WHERE project_id = NEW.project_id;
    END""",
    f"""CREATE TRIGGER projectsearch_live_update AFTER UPDATE ON projects_projectsearch
    FOR EACH ROW WHEN NEW.live IS NOT {LIVE.format(row="NEW")} BEGIN
        UPDATE projects_projectsearch SET live = {LIVE.format(row="NEW")}
            WHERE project_id = NEW.project_id;
    END""",
    """CREATE TRIGGER project_live AFTER UPDATE OF status ON projects_project
    FOR EACH ROW WHEN OLD.status IS NOT NEW.status BEGIN
        UPDATE projects_projectsearch SET live = (NEW.status = 'published')
            WHERE project_id = NEW.id;
    END""",
]
SQLITE_REVERSE = [
    "DROP TRIGGER projectsearch_live_insert",
    "DROP TRIGGER projectsearch_live_update",
    "DROP TRIGGER project_live",
]


def fill_and_keep(apps, schema_editor):
    postgresql = schema_editor.connection.vendor == "postgresql"
    if postgresql:
        # Rewriting every row would add each row's grams to the GIN index again, one row at
        # a time: at 100,000 projects far longer than building the index afresh (as 0011).
        schema_editor.execute(f'DROP INDEX IF EXISTS "{GRAMS_INDEX}"')
    schema_editor.execute(
        f"UPDATE projects_projectsearch SET live = {LIVE.format(row='projects_projectsearch')}"
    )
    if postgresql:
        schema_editor.execute(
            f'CREATE INDEX "{GRAMS_INDEX}" ON projects_projectsearch USING gin (grams) '
            "WITH (fastupdate = off)"
        )
        schema_editor.execute(POSTGRESQL)
    else:
        for statement in SQLITE:
            schema_editor.execute(statement)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRESQL_REVERSE)
    else:
        for statement in SQLITE_REVERSE:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0016_latest_published_index"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="projectsearch",
            name="live",
            field=models.BooleanField(
                default=False,
                editable=False,
                help_text="项目是否为已公开的现行版本（排序用，由数据库按项目状态维护）。",
                verbose_name="排序：现行版本",
            ),
        ),
        migrations.RunPython(fill_and_keep, drop),
        migrations.AddIndex(
            model_name="project",
            index=models.Index(
                condition=models.Q(("status", "published")),
                fields=["declared_total", "id"],
                name="project_live_declared_total",
            ),
        ),
        migrations.AddIndex(
            model_name="projectsearch",
            index=models.Index(
                condition=models.Q(("live", True)),
                fields=["-fiscal_year", "department_name", "sequence", "project"],
                name="projectsearch_live_order",
            ),
        ),
    ]
