"""One search row per project revision (``ProjectSearch``), its GIN index on PostgreSQL, and
the rows of the projects already stored.

The GIN index is created here rather than in ``Meta.indexes`` because SQLite cannot create it;
there the ``grams`` column stays empty and search reads ``text``. ``toast_tuple_target`` is
lowered so that the long ``text`` and ``grams`` values live out of line: a search that finds
many rows reads a narrow table (project ids and pointers), not every project's text.

The index has ``fastupdate`` off. With it on, new entries wait in a pending list that every
search scans until (auto)vacuum merges it, and the planner, pricing that list, turns to
sequential scans. Projects are written a few at a time and read all day, so each write pays
for its own index entries instead.
"""

import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models
from django.db.models import Prefetch

INDEX = "projects_projectsearch_grams_gin"
BATCH = 500


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("ALTER TABLE projects_projectsearch SET (toast_tuple_target = 128)")
    schema_editor.execute(
        f'CREATE INDEX IF NOT EXISTS "{INDEX}" ON projects_projectsearch USING gin (grams) '
        "WITH (fastupdate = off)"
    )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f'DROP INDEX IF EXISTS "{INDEX}"')


def fill(apps, schema_editor):
    # The live helpers on purpose: the rows must be what services.refresh_summary writes.
    # A later change of that format comes with its own rebuild.
    from budget.searchtext import search_document, tsvector_literal
    from projects.search import project_texts

    Project = apps.get_model("projects", "Project")
    Citation = apps.get_model("projects", "Citation")
    ProjectSearch = apps.get_model("projects", "ProjectSearch")
    postgresql = schema_editor.connection.vendor == "postgresql"
    projects = Project.objects.order_by("pk").prefetch_related(
        "sub_items", Prefetch("citations", queryset=Citation.objects.select_related("document"))
    )
    rows = []
    for project in projects.iterator(chunk_size=BATCH):
        document = search_document(
            project_texts(project, project.sub_items.all(), project.citations.all())
        )
        rows.append(
            ProjectSearch(
                project_id=project.pk,
                text=document.text,
                grams=tsvector_literal(document.grams) if postgresql else None,
            )
        )
        if len(rows) >= BATCH:
            ProjectSearch.objects.bulk_create(rows)
            rows = []
    ProjectSearch.objects.bulk_create(rows)


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0004_project_summary"),
    ]

    operations = [
        migrations.CreateModel(
            name="ProjectSearch",
            fields=[
                (
                    "project",
                    models.OneToOneField(
                        help_text="本检索记录对应的项目（修订版）。",
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="search",
                        serialize=False,
                        to="projects.project",
                        verbose_name="项目",
                    ),
                ),
                (
                    "text",
                    models.TextField(
                        help_text="项目各部分文字的检索形式（半角、大写），系统生成，随项目更新。",
                        verbose_name="检索文本",
                    ),
                ),
                (
                    "grams",
                    django.contrib.postgres.search.SearchVectorField(
                        blank=True,
                        help_text="检索文本中的单字和相邻两字（仅 PostgreSQL），系统生成。",
                        null=True,
                        verbose_name="检索字元",
                    ),
                ),
            ],
            options={
                "verbose_name": "项目检索记录",
                "verbose_name_plural": "项目检索记录",
            },
        ),
        # Rows first, index after: building a GIN index once is far cheaper than growing it.
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.RunPython(create_index, drop_index),
    ]
