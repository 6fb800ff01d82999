"""The public display order on each search row (newest year, department name, project number),
with one index in that order, so that a common term's first page is read from the index and
stops after a page of matches instead of sorting all of them. Rows already stored are filled
from their projects before the index is built.
"""

from django.db import migrations, models
from django.db.models import OuterRef, Subquery

GRAMS_INDEX = "projects_projectsearch_grams_gin"  # migration 0005


def fill(apps, schema_editor):
    # The same statement as services.refresh_display_order, on the historical models.
    Project = apps.get_model("projects", "Project")
    ProjectSearch = apps.get_model("projects", "ProjectSearch")
    project = Project.objects.filter(pk=OuterRef("project_id"))
    postgresql = schema_editor.connection.vendor == "postgresql"
    if postgresql:
        # Updating every row would add each row's grams to the GIN index again, one row at a
        # time (fastupdate is off): at 100,000 projects that takes far longer than building
        # the index afresh once the rows are written.
        schema_editor.execute(f'DROP INDEX IF EXISTS "{GRAMS_INDEX}"')
    ProjectSearch.objects.update(
        fiscal_year=Subquery(project.values("disclosure__fiscal_year")[:1]),
        department_name=Subquery(project.values("disclosure__department__name")[:1]),
        sequence=Subquery(project.values("sequence")[:1]),
    )
    if postgresql:
        schema_editor.execute(
            f'CREATE INDEX "{GRAMS_INDEX}" ON projects_projectsearch USING gin (grams) '
            "WITH (fastupdate = off)"
        )


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0010_edit_history"),
    ]

    operations = [
        migrations.AddField(
            model_name="projectsearch",
            name="department_name",
            field=models.CharField(
                default="",
                help_text="所属预算单位的名称（排序用，系统生成）。",
                max_length=100,
                verbose_name="排序：预算单位",
            ),
        ),
        migrations.AddField(
            model_name="projectsearch",
            name="fiscal_year",
            field=models.PositiveSmallIntegerField(
                default=0,
                help_text="所属公开文本的预算年度（排序用，系统生成）。",
                verbose_name="排序：预算年度",
            ),
        ),
        migrations.AddField(
            model_name="projectsearch",
            name="sequence",
            field=models.PositiveSmallIntegerField(
                default=0,
                help_text="项目在公开文本中的序号（排序用，系统生成）。",
                verbose_name="排序：项目序号",
            ),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="projectsearch",
            index=models.Index(
                fields=["-fiscal_year", "department_name", "sequence", "project"],
                name="projectsearch_display_order",
            ),
        ),
    ]
