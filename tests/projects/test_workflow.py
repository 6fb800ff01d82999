"""The lifecycle and the immutability of published revisions: in the models, and on PostgreSQL
in the database itself."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import DatabaseError, connection, transaction

from projects import workflow
from projects.models import (
    Citation,
    Factor,
    FrozenRevisionError,
    LineItem,
    Milestone,
    Project,
    Status,
    SubItem,
)

pytestmark = pytest.mark.django_db


def counts(project: Project) -> dict[str, int]:
    return {
        "sub_items": project.sub_items.count(),
        "lines": LineItem.objects.filter(sub_item__project=project).count(),
        "factors": Factor.objects.filter(line__sub_item__project=project).count(),
        "milestones": Milestone.objects.filter(sub_item__project=project).count(),
        "citations": project.citations.count(),
    }


def publish_draft(draft, users, **kwargs):
    workflow.submit(draft, users["clerk"])
    return workflow.publish(
        draft,
        users["reviewer"],
        explanation=kwargs.pop("explanation", "原文如此，已核实。"),
        **kwargs,
    )


def test_draft_submit_publish(draft, users):
    submitted = workflow.submit(draft, users["clerk"])
    assert submitted.status == Status.SUBMITTED
    assert submitted.submitted_by == users["clerk"]
    published = workflow.publish(draft, users["reviewer"], explanation="原文如此，已核实。")
    published.refresh_from_db()
    assert published.status == Status.PUBLISHED
    assert published.published_by == users["reviewer"]
    assert published.published_at is not None
    assert published.warning_explanation == "原文如此，已核实。"
    assert Project.objects.published().filter(pk=draft.pk).exists()


def test_warnings_need_an_explanation_and_nobody_publishes_their_own(draft, users):
    workflow.submit(draft, users["clerk"])
    with pytest.raises(workflow.WorkflowError, match="警告"):
        workflow.publish(draft, users["reviewer"])
    with pytest.raises(workflow.WorkflowError, match="自己提交"):
        workflow.publish(draft, users["clerk"], explanation="说明")
    assert Project.objects.get(pk=draft.pk).status == Status.SUBMITTED


def test_errors_block_submission(draft, users):
    line = LineItem.objects.filter(sub_item__project=draft).exclude(formula="").first()
    line.declared_amount = line.declared_amount + Decimal("1.00")  # the written-out sum breaks
    line.save()
    with pytest.raises(workflow.WorkflowError, match="错误"):
        workflow.submit(draft, users["clerk"])
    assert Project.objects.get(pk=draft.pk).status == Status.DRAFT


def test_return_with_a_comment(draft, users):
    workflow.submit(draft, users["clerk"])
    with pytest.raises(workflow.WorkflowError):
        workflow.return_to_draft(draft, users["reviewer"], "  ")
    returned = workflow.return_to_draft(draft, users["reviewer"], "请核对子项目3的金额。")
    assert returned.status == Status.DRAFT
    assert returned.review_comment == "请核对子项目3的金额。"


def test_steps_from_the_wrong_state_are_refused(draft, users):
    with pytest.raises(workflow.WorkflowError, match="待审核"):
        workflow.publish(draft, users["reviewer"], explanation="x")
    with pytest.raises(workflow.WorkflowError):
        workflow.withdraw(draft, users["reviewer"], "原因")
    with pytest.raises(workflow.WorkflowError):
        workflow.create_correction(draft, users["clerk"])


def test_correction_clones_everything_and_supersedes_on_publication(draft, users):
    original = publish_draft(draft, users)
    before = counts(original)
    correction = workflow.create_correction(original, users["clerk"])
    assert correction.revision == 2 and correction.status == Status.DRAFT
    assert correction.lineage == original.lineage
    assert counts(correction) == before
    children = LineItem.objects.filter(sub_item__project=correction, parent__isnull=False)
    assert all(line.parent.sub_item.project_id == correction.pk for line in children)
    with pytest.raises(workflow.WorkflowError, match="已有"):
        workflow.create_correction(original, users["clerk"])

    SubItem.objects.filter(project=correction, sequence=1).update(name="更正后的子项目名称")
    workflow.submit(correction, users["clerk"])
    with pytest.raises(workflow.WorkflowError, match="更正说明"):
        workflow.publish(correction, users["reviewer"], explanation="说明")
    workflow.publish(
        correction, users["reviewer"], explanation="说明", correction_note="更正子项目1名称。"
    )
    original.refresh_from_db()
    assert original.status == Status.SUPERSEDED
    live = Project.objects.published().get(lineage=original.lineage)
    assert live.pk == correction.pk and live.correction_note == "更正子项目1名称。"
    assert counts(original) == before  # the old revision is untouched


def test_withdraw_needs_a_public_reason(draft, users):
    published = publish_draft(draft, users)
    with pytest.raises(workflow.WorkflowError):
        workflow.withdraw(published, users["reviewer"], "")
    withdrawn = workflow.withdraw(published, users["reviewer"], "项目取消。")
    assert withdrawn.status == Status.WITHDRAWN
    assert not Project.objects.published(include_superseded=True).filter(pk=draft.pk).exists()


# --- Immutability -------------------------------------------------------------------------


def test_models_refuse_every_write_to_a_published_revision(draft, users):
    project = publish_draft(draft, users)
    project = Project.objects.get(pk=project.pk)
    sub_item = project.sub_items.first()
    line = LineItem.objects.filter(sub_item__project=project).first()
    factor = Factor.objects.filter(line__sub_item__project=project).first()
    citation = project.citations.first()

    project.name = "改名"
    with pytest.raises(FrozenRevisionError):
        project.save()
    with pytest.raises(FrozenRevisionError):
        Project.objects.get(pk=project.pk).delete()
    with pytest.raises(FrozenRevisionError):
        Project.objects.filter(pk=project.pk).update(name="改名")
    with pytest.raises(FrozenRevisionError):
        Project.objects.filter(pk=project.pk).update(status=Status.DRAFT)  # no reopening
    for record in (sub_item, line, factor, citation):
        with pytest.raises(FrozenRevisionError):
            record.save()
        with pytest.raises(FrozenRevisionError):
            record.delete()
        with pytest.raises(FrozenRevisionError):
            type(record).objects.filter(pk=record.pk).update(sequence=99)
        with pytest.raises(FrozenRevisionError):
            type(record).objects.filter(pk=record.pk).delete()
    with pytest.raises(FrozenRevisionError):
        SubItem(project=project, sequence=99, name="新增").save()
    with pytest.raises(FrozenRevisionError):
        Citation.objects.bulk_create(
            [Citation(project=project, document=citation.document, sequence=99, cited_text="x")]
        )
    assert Project.objects.get(pk=project.pk).name != "改名"


def test_lifecycle_fields_may_still_change(draft, users):
    project = publish_draft(draft, users)
    Project.objects.filter(pk=project.pk).update(finding_count=0)  # a computed summary
    project.refresh_from_db()
    project.status = Status.WITHDRAWN
    project.withdrawal_reason = "原因"
    project.save(update_fields=["status", "withdrawal_reason", "updated_at"])
    assert Project.objects.get(pk=project.pk).status == Status.WITHDRAWN


@pytest.mark.skipif(connection.vendor != "postgresql", reason="database triggers")
def test_postgresql_refuses_raw_writes_to_a_published_revision(draft, users):
    project = publish_draft(draft, users)
    sub_item_id = project.sub_items.first().pk
    line_id = LineItem.objects.filter(sub_item__project=project).first().pk
    factor_id = Factor.objects.filter(line__sub_item__project=project).first().pk
    statements = [
        ("UPDATE projects_project SET name = 'x' WHERE id = %s", [project.pk]),
        ("UPDATE projects_project SET status = 'draft' WHERE id = %s", [project.pk]),
        ("DELETE FROM projects_project WHERE id = %s", [project.pk]),
        ("UPDATE projects_subitem SET name = 'x' WHERE id = %s", [sub_item_id]),
        ("DELETE FROM projects_subitem WHERE id = %s", [sub_item_id]),
        ("UPDATE projects_lineitem SET name = 'x' WHERE id = %s", [line_id]),
        ("UPDATE projects_factor SET value = 1 WHERE id = %s", [factor_id]),
        ("DELETE FROM projects_factor WHERE id = %s", [factor_id]),
        (
            "INSERT INTO projects_subitem (project_id, sequence, name, content, plan,"
            " declared_amount_text) VALUES (%s, 99, 'x', '', '', '')",
            [project.pk],
        ),
        (
            "UPDATE projects_milestone SET sub_item_id = %s WHERE id = "
            "(SELECT id FROM projects_milestone WHERE sub_item_id <> %s LIMIT 1)",
            [sub_item_id, sub_item_id],
        ),
    ]
    for sql, params in statements:
        with pytest.raises(DatabaseError, match="已公开的修订版"), transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute(sql, params)
    with connection.cursor() as cursor:  # the lifecycle step is allowed
        cursor.execute(
            "UPDATE projects_project SET status = 'withdrawn', withdrawal_reason = 'r' "
            "WHERE id = %s",
            [project.pk],
        )
    assert Project.objects.get(pk=project.pk).status == Status.WITHDRAWN


def test_public_page_shows_the_explanation_and_the_correction_note(client, draft, users):
    original = publish_draft(draft, users, explanation="原文总额未含追加部分，以细化金额为准。")
    page = client.get(original.get_absolute_url()).content.decode()
    assert "预算单位的说明：" in page and "原文总额未含追加部分" in page
    correction = workflow.create_correction(original, users["clerk"])
    workflow.submit(correction, users["clerk"])
    workflow.publish(
        correction, users["reviewer"], explanation="同上。", correction_note="更正了计划节点。"
    )
    page = client.get(original.get_absolute_url()).content.decode()
    assert "更正说明（第2版）：" in page and "更正了计划节点。" in page
    old = client.get(original.get_revision_url()).content.decode()
    assert "更正说明（第2版）：" not in old and "已被更正的旧版本" in old


# --- The admin shows a published revision read-only -------------------------------------

CHILD_MODELS = [SubItem, LineItem, Factor, Milestone, Citation]


def admin_url(model, view, *args):
    from django.urls import reverse

    return reverse(f"admin:projects_{model._meta.model_name}_{view}", args=args)


def test_admin_shows_a_published_revision_read_only(admin_client, seed):
    project = Project.objects.get(sequence=1)
    page = admin_client.get(admin_url(Project, "change", project.pk))
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()  # no save button: view only
    response = admin_client.post(admin_url(Project, "change", project.pk), {"name": "改名"})
    assert response.status_code == 403
    assert (
        admin_client.post(admin_url(Project, "delete", project.pk), {"post": "yes"}).status_code
        == 403
    )
    for model in CHILD_MODELS:
        record = model.objects.published().first()
        assert admin_client.post(admin_url(model, "change", record.pk), {}).status_code == 403
        assert (
            admin_client.post(admin_url(model, "delete", record.pk), {"post": "yes"}).status_code
            == 403
        )
    assert Project.objects.get(pk=project.pk).name == "干部教育培训专项资金"


def test_admin_bulk_delete_of_published_rows_is_refused(admin_client, seed):
    ids = list(SubItem.objects.published().values_list("pk", flat=True)[:2])
    response = admin_client.post(
        admin_url(SubItem, "changelist"),
        {"action": "delete_selected", "_selected_action": ids, "post": "yes"},
    )
    assert response.status_code == 403
    assert SubItem.objects.filter(pk__in=ids).count() == 2


def test_admin_edits_a_draft(admin_client, draft):
    page = admin_client.get(admin_url(Project, "change", draft.pk)).content.decode()
    assert 'name="_save"' in page


def test_revision_history_and_a_readable_comparison(client, draft, users):
    from django.db.models import F
    from django.urls import reverse

    original = publish_draft(draft, users)
    correction = workflow.create_correction(original, users["clerk"])
    SubItem.objects.filter(project=correction, sequence=1).update(name="驻村工作队员生活补助")
    line = LineItem.objects.filter(
        sub_item__project=correction, formula="", children__isnull=True, parent__isnull=True
    ).exclude(declared_amount=None)[0]
    LineItem.objects.filter(pk=line.pk).update(declared_amount=F("declared_amount") + 10000)
    SubItem.objects.filter(pk=line.sub_item_id, declared_amount__isnull=False).update(
        declared_amount=F("declared_amount") + 10000
    )
    Project.objects.filter(pk=correction.pk).update(declared_total=F("declared_total") + 10000)
    workflow.submit(correction, users["clerk"])
    workflow.publish(correction, users["reviewer"], explanation="说明", correction_note="更正。")

    page = client.get(original.get_absolute_url()).content.decode()
    compare_url = reverse("projects:project-compare", args=[original.lineage, 1, 2])
    assert "修订记录" in page and compare_url in page and "与第1版比较" in page

    response = client.get(compare_url)
    assert response.status_code == 200
    text = response.content.decode()
    assert "四、子项目1名称" in text and "<ins>" in text and "<del>" in text
    assert "六、申报总额" in text
    assert f"子项目{line.sub_item.sequence} 测算明细{line.sequence}" in text
    assert "更正。" in text
    assert (
        client.get(reverse("projects:project-compare", args=[original.lineage, 2, 1])).status_code
        == 200
    )
    for old, new in [(1, 1), (1, 3)]:
        url = reverse("projects:project-compare", args=[original.lineage, old, new])
        assert client.get(url).status_code == 404
