"""PostgreSQL refuses every write to a published revision, whatever path it comes by.

The models refuse them first (``FrozenRevisionError``); these triggers hold for raw SQL,
``QuerySet.update`` from code that forgot, and anything else. A frozen project row may change
only its status (to another frozen status), its withdrawal reason and its computed summaries.
No-op on SQLite (the demo), where the model layer is the guard.
"""

from django.db import migrations

FROZEN = "('published', 'superseded', 'withdrawn')"
MUTABLE = "- 'status' - 'withdrawal_reason' - 'itemised_total' - 'finding_count' - 'updated_at'"

# (table, how its parent reference reaches the project, the column holding that reference)
CHILDREN = [
    ("projects_subitem", "project", "project_id"),
    ("projects_citation", "project", "project_id"),
    ("projects_fundingsource", "project", "project_id"),
    ("projects_performanceindicator", "project", "project_id"),
    ("projects_milestone", "sub_item", "sub_item_id"),
    ("projects_lineitem", "sub_item", "sub_item_id"),
    ("projects_factor", "line", "line_id"),
]

CREATE = f"""
CREATE OR REPLACE FUNCTION projects_is_frozen(kind text, ref bigint) RETURNS boolean AS $$
  SELECT EXISTS (
    SELECT 1 FROM projects_project p
    WHERE p.status IN {FROZEN} AND p.id = CASE kind
      WHEN 'project' THEN ref
      WHEN 'sub_item' THEN (SELECT s.project_id FROM projects_subitem s WHERE s.id = ref)
      WHEN 'line' THEN (
        SELECT s.project_id FROM projects_lineitem l
        JOIN projects_subitem s ON s.id = l.sub_item_id WHERE l.id = ref)
    END)
$$ LANGUAGE sql STABLE;

CREATE OR REPLACE FUNCTION projects_guard_child() RETURNS trigger AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE')
     AND projects_is_frozen(TG_ARGV[0], (to_jsonb(OLD) ->> TG_ARGV[1])::bigint) THEN
    RAISE EXCEPTION '已公开的修订版不能修改或删除（%）', TG_TABLE_NAME
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE')
     AND projects_is_frozen(TG_ARGV[0], (to_jsonb(NEW) ->> TG_ARGV[1])::bigint) THEN
    RAISE EXCEPTION '已公开的修订版不能修改或删除（%）', TG_TABLE_NAME
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION projects_guard_project() RETURNS trigger AS $$
BEGIN
  IF OLD.status IN {FROZEN} THEN
    IF TG_OP = 'DELETE' OR NEW.status NOT IN {FROZEN}
       OR (to_jsonb(NEW) {MUTABLE}) IS DISTINCT FROM (to_jsonb(OLD) {MUTABLE}) THEN
      RAISE EXCEPTION '已公开的修订版不能修改或删除（项目 %）', OLD.id
        USING ERRCODE = 'integrity_constraint_violation';
    END IF;
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER projects_project_frozen BEFORE UPDATE OR DELETE ON projects_project
  FOR EACH ROW EXECUTE FUNCTION projects_guard_project();
""" + "".join(
    f"""
CREATE TRIGGER {table}_frozen BEFORE INSERT OR UPDATE OR DELETE ON {table}
  FOR EACH ROW EXECUTE FUNCTION projects_guard_child('{kind}', '{column}');
"""
    for table, kind, column in CHILDREN
)

DROP = (
    "".join(f"DROP TRIGGER IF EXISTS {table}_frozen ON {table};" for table, _, _ in CHILDREN)
    + "DROP TRIGGER IF EXISTS projects_project_frozen ON projects_project;"
    + "DROP FUNCTION IF EXISTS projects_guard_project();"
    + "DROP FUNCTION IF EXISTS projects_guard_child();"
    + "DROP FUNCTION IF EXISTS projects_is_frozen(text, bigint);"
)


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE, params=None)  # the SQL has % of its own


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP, params=None)


class Migration(migrations.Migration):
    dependencies = [("projects", "0006_drop_search_only_trigram_indexes")]

    operations = [migrations.RunPython(create, drop)]
