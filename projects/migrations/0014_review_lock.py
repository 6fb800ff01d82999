"""A submitted revision is locked while it waits for review, as a published one is frozen.

Adds the digest of the submitted content (``Project.submitted_digest``), compared when the
revision is published, and extends the triggers of migration 0007: PostgreSQL refuses every
write to the rows of a submitted project, and any change of a submitted project row beyond
what review writes (status, return comment, warning explanation, correction note, publication
date and publisher, computed summaries). A submission made before this migration has no
digest: it is returned and submitted again before it can be published.
"""

from django.db import migrations, models

FROZEN = "('published', 'superseded', 'withdrawn')"
LOCKED = "('submitted', 'published', 'superseded', 'withdrawn')"
FROZEN_MUTABLE = (
    "- 'status' - 'withdrawal_reason' - 'itemised_total' - 'finding_count' - 'updated_at'"
)
SUBMITTED_MUTABLE = (
    FROZEN_MUTABLE
    + " - 'review_comment' - 'warning_explanation' - 'correction_note' - 'published_at'"
    + " - 'published_by_id'"
)


def _functions(locked: str, with_submitted: bool) -> str:
    submitted = (
        f"""
  ELSIF OLD.status = 'submitted' THEN
    IF TG_OP = 'DELETE'
       OR (to_jsonb(NEW) {SUBMITTED_MUTABLE}) IS DISTINCT FROM (to_jsonb(OLD) {SUBMITTED_MUTABLE})
    THEN
      RAISE EXCEPTION '待审核的项目不能修改或删除（项目 %）', OLD.id
        USING ERRCODE = 'integrity_constraint_violation';
    END IF;"""
        if with_submitted
        else ""
    )
    return f"""
CREATE OR REPLACE FUNCTION projects_is_frozen(kind text, ref bigint) RETURNS boolean AS $$
  SELECT EXISTS (
    SELECT 1 FROM projects_project p
    WHERE p.status IN {locked} AND p.id = CASE kind
      WHEN 'project' THEN ref
      WHEN 'sub_item' THEN (SELECT s.project_id FROM projects_subitem s WHERE s.id = ref)
      WHEN 'line' THEN (
        SELECT s.project_id FROM projects_lineitem l
        JOIN projects_subitem s ON s.id = l.sub_item_id WHERE l.id = ref)
    END)
$$ LANGUAGE sql STABLE;

CREATE OR REPLACE FUNCTION projects_guard_project() RETURNS trigger AS $$
BEGIN
  IF OLD.status IN {FROZEN} THEN
    IF TG_OP = 'DELETE' OR NEW.status NOT IN {FROZEN}
       OR (to_jsonb(NEW) {FROZEN_MUTABLE}) IS DISTINCT FROM (to_jsonb(OLD) {FROZEN_MUTABLE}) THEN
      RAISE EXCEPTION '已公开的修订版不能修改或删除（项目 %）', OLD.id
        USING ERRCODE = 'integrity_constraint_violation';
    END IF;{submitted}
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END
$$ LANGUAGE plpgsql;
"""


def lock(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(_functions(LOCKED, True), params=None)


def unlock(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(_functions(FROZEN, False), params=None)


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0013_page_document"),
    ]

    operations = [
        migrations.AddField(
            model_name="historicalproject",
            name="submitted_digest",
            field=models.CharField(
                blank=True,
                editable=False,
                help_text="提交审核时全部内容的 SHA-256（系统计算）；公开时内容须与之一致。",
                max_length=64,
                verbose_name="提交内容摘要",
            ),
        ),
        migrations.AddField(
            model_name="project",
            name="submitted_digest",
            field=models.CharField(
                blank=True,
                editable=False,
                help_text="提交审核时全部内容的 SHA-256（系统计算）；公开时内容须与之一致。",
                max_length=64,
                verbose_name="提交内容摘要",
            ),
        ),
        migrations.AlterConstraint(
            model_name="factor",
            name="factor_value_non_negative",
            constraint=models.CheckConstraint(
                condition=models.Q(("value__gte", 0)),
                name="factor_value_non_negative",
                violation_error_message="因子数值不能为负数。",
            ),
        ),
        migrations.RunPython(lock, unlock),
    ]
