"""Review cannot be bypassed: a submitted project is locked for everyone, nobody publishes what
they submitted or changed (four eyes, superusers included), and what is published is exactly
what was submitted. Each test is the attacker's request first, then what must not happen."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.db import DatabaseError, connection, transaction
from django.test import Client
from django.urls import reverse

from projects import workflow
from projects.models import (
    Citation,
    LineItem,
    Project,
    Status,
    SubItem,
    SubmittedRevisionError,
)
from projects.roles import CLERK, REVIEWER
from tests.projects.adminforms import page_data

pytestmark = pytest.mark.django_db


def step_url(project, step):
    return reverse("admin:projects_project_workflow", args=[project.pk, step])


def change_url(obj):
    return reverse(f"admin:projects_{obj._meta.model_name}_change", args=[obj.pk])


def account(django_user_model, name, roles, department, *, superuser=False):
    user = django_user_model.objects.create_user(
        name, password="x", is_staff=True, is_superuser=superuser
    )
    for role in roles:
        user.groups.add(Group.objects.get(name=role))
    department.members.add(user)
    client = Client()
    client.force_login(user)
    client.user = user
    return client


@pytest.fixture
def staff(django_user_model, draft):
    department = draft.disclosure.department
    return {
        "clerk": account(django_user_model, "clerk", [CLERK], department),
        "clerk2": account(django_user_model, "clerk2", [CLERK], department),
        "reviewer": account(django_user_model, "reviewer", [REVIEWER], department),
        "both": account(django_user_model, "both", [CLERK, REVIEWER], department),
        "root": account(django_user_model, "root", [], department, superuser=True),
    }


def line_of(project) -> LineItem:
    return LineItem.objects.filter(sub_item__project=project).order_by("pk").first()


def admin_form(client, url) -> dict:
    """The change form's current values, as the browser would post them back."""
    return page_data(client.get(url))


def test_reviewer_cannot_edit_a_submitted_project_then_publish_it(staff, draft):
    # The form as it was before submission, replayed afterwards.
    data = admin_form(staff["root"], change_url(draft))
    data["name"] = "审核人员偷改的名称"
    workflow.submit(draft, staff["clerk"].user)
    project_page = staff["reviewer"].get(change_url(draft))
    assert project_page.status_code == 200
    assert 'name="name"' not in project_page.content.decode()  # shown read-only

    for who in ("reviewer", "clerk", "root"):
        response = staff[who].post(change_url(draft), data)
        assert response.status_code == 403, who
    assert Project.objects.get(pk=draft.pk).name == draft.name


def test_nobody_edits_the_rows_of_a_submitted_project_in_the_admin(staff, draft):
    line = line_of(draft)
    sub_item = line.sub_item
    line_data = admin_form(staff["root"], change_url(line)) | {"name": "提交后偷改的明细"}
    sub_data = admin_form(staff["root"], change_url(sub_item)) | {"name": "提交后偷改的子项目"}
    workflow.submit(draft, staff["clerk"].user)
    for who in ("clerk", "both", "root"):
        assert staff[who].post(change_url(line), line_data).status_code == 403, who
    assert staff["clerk"].post(change_url(sub_item), sub_data).status_code == 403
    # Nor are rows added under it or deleted from it.
    add = reverse("admin:projects_subitem_add")
    response = staff["clerk"].post(add, {"project": draft.pk, "sequence": 99, "name": "新增子项目"})
    assert response.status_code in (200, 403)
    assert not SubItem.objects.filter(project=draft, sequence=99).exists()
    delete = reverse("admin:projects_lineitem_delete", args=[line.pk])
    assert staff["clerk"].post(delete, {"post": "yes"}).status_code == 403
    assert LineItem.objects.filter(pk=line.pk, name=line.name).exists()


def test_a_submitted_project_refuses_writes_in_the_models(staff, draft):
    workflow.submit(draft, staff["clerk"].user)
    line = line_of(draft)
    line.name = "改过"
    with pytest.raises(SubmittedRevisionError):
        line.save()
    with pytest.raises(SubmittedRevisionError):
        LineItem.objects.filter(pk=line.pk).update(name="改过")
    with pytest.raises(SubmittedRevisionError):
        SubItem.objects.create(project_id=draft.pk, sequence=99, name="新增")
    with pytest.raises(SubmittedRevisionError):
        Citation.objects.filter(project=draft).delete()
    project = Project.objects.get(pk=draft.pk)
    project.name = "改过"
    with pytest.raises(SubmittedRevisionError):
        project.save()
    with pytest.raises(SubmittedRevisionError):
        Project.objects.filter(pk=draft.pk).update(outcomes="改过")
    with pytest.raises(SubmittedRevisionError):
        Project.objects.get(pk=draft.pk).delete()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the triggers are PostgreSQL's")
def test_the_database_refuses_writes_to_a_submitted_project(staff, draft):
    workflow.submit(draft, staff["clerk"].user)
    line = LineItem.objects.filter(sub_item__project=draft, factors__isnull=False).first()
    for sql, params in (
        ("UPDATE projects_lineitem SET name = %s WHERE id = %s", ["改过", line.pk]),
        ("DELETE FROM projects_factor WHERE line_id = %s", [line.pk]),
        ("UPDATE projects_project SET name = %s WHERE id = %s", ["改过", draft.pk]),
        ("DELETE FROM projects_citation WHERE project_id = %s", [draft.pk]),
    ):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, params)
    # What review writes still goes through.
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE projects_project SET review_comment = %s WHERE id = %s", ["意见", draft.pk]
        )


def test_the_clerk_sees_why_it_came_back_and_may_edit_again(staff, draft):
    staff["clerk"].post(step_url(draft, "submit"))
    staff["reviewer"].post(step_url(draft, "return"), {"comment": "子项目2的金额请核对原文。"})
    project = Project.objects.get(pk=draft.pk)
    assert project.status == Status.DRAFT
    page = staff["clerk"].get(change_url(project)).content.decode()
    assert "审核人员退回意见" in page and "子项目2的金额请核对原文。" in page
    line = line_of(project)
    data = admin_form(staff["clerk"], change_url(line))
    data["name"] = "退回后改正的明细"
    assert staff["clerk"].post(change_url(line), data).status_code == 302
    assert LineItem.objects.get(pk=line.pk).name == "退回后改正的明细"


def test_whoever_changed_the_content_does_not_publish_it(staff, draft):
    # A member with both roles edits a line of the draft, a clerk submits it …
    line = line_of(draft)
    data = admin_form(staff["both"], change_url(line))
    data["name"] = "两种角色者改的明细"
    assert staff["both"].post(change_url(line), data).status_code == 302
    staff["clerk"].post(step_url(draft, "submit"))
    assert Project.objects.get(pk=draft.pk).status == Status.SUBMITTED
    # … and the editor cannot publish it, through the admin or the service.
    response = staff["both"].post(step_url(draft, "publish"), {"explanation": "已核实。"})
    assert "四眼原则" in response.content.decode()
    with pytest.raises(workflow.WorkflowError, match="四眼原则"):
        workflow.publish(draft, staff["both"].user, explanation="已核实。")
    assert Project.objects.get(pk=draft.pk).status == Status.SUBMITTED
    # A reviewer who changed nothing may.
    staff["reviewer"].post(step_url(draft, "publish"), {"explanation": "已核实。"})
    assert Project.objects.get(pk=draft.pk).status == Status.PUBLISHED


def test_superusers_are_held_to_four_eyes_too(staff, draft):
    staff["root"].post(step_url(draft, "submit"))
    assert Project.objects.get(pk=draft.pk).status == Status.SUBMITTED
    with pytest.raises(workflow.WorkflowError, match="自己提交"):
        workflow.publish(draft, staff["root"].user, explanation="已核实。")
    staff["reviewer"].post(step_url(draft, "return"), {"comment": "请核对。"})
    assert Project.objects.get(pk=draft.pk).status == Status.DRAFT

    data = admin_form(staff["root"], change_url(draft))
    data["outcomes"] = data.get("outcomes", "") + "（超级用户补充）"
    assert staff["root"].post(change_url(draft), data).status_code == 302
    staff["clerk"].post(step_url(draft, "submit"))
    with pytest.raises(workflow.WorkflowError, match="四眼原则"):
        workflow.publish(draft, staff["root"].user, explanation="已核实。")
    assert Project.objects.get(pk=draft.pk).status == Status.SUBMITTED


def test_lifecycle_steps_do_not_make_the_reviewer_an_editor(staff, draft):
    """Returning a submission writes the project row; that is review, not authorship."""
    staff["clerk"].post(step_url(draft, "submit"))
    staff["reviewer"].post(step_url(draft, "return"), {"comment": "请补充说明。"})
    staff["clerk"].post(step_url(draft, "submit"))
    staff["reviewer"].post(step_url(draft, "publish"), {"explanation": "已核实。"})
    assert Project.objects.get(pk=draft.pk).status == Status.PUBLISHED


def test_what_is_published_is_exactly_what_was_submitted(staff, draft):
    workflow.submit(draft, staff["clerk"].user)
    # Someone gets round every guard (the models' and the triggers') and changes a line.
    line = line_of(draft)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL session_replication_role = replica")
        cursor.execute(
            "UPDATE projects_lineitem SET name = %s WHERE id = %s", ["绕过锁定改的明细", line.pk]
        )
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL session_replication_role = DEFAULT")
    with pytest.raises(workflow.WorkflowError, match="提交审核后内容有变动"):
        workflow.publish(draft, staff["reviewer"].user, explanation="已核实。")
    assert Project.objects.get(pk=draft.pk).status == Status.SUBMITTED
    assert not Project.objects.published().filter(pk=draft.pk).exists()


def test_a_cited_document_renamed_after_submission_stops_publication(staff, draft):
    workflow.submit(draft, staff["clerk"].user)
    document = Citation.objects.filter(project=draft).first().document
    document.title = document.title + "（修订）"
    document.save()
    with pytest.raises(workflow.WorkflowError, match="提交审核后内容有变动"):
        workflow.publish(draft, staff["reviewer"].user, explanation="已核实。")


def test_whoever_creates_a_correction_without_editing_may_still_publish(staff, draft):
    workflow.submit(draft, staff["clerk"].user)
    published = workflow.publish(draft, staff["reviewer"].user, explanation="已核实。")
    # The dual-role member copies the published revision (copying is not authoring) …
    correction = workflow.create_correction(published, staff["both"].user)
    # … the clerk corrects it and submits …
    sub_item = SubItem.objects.filter(project=correction).order_by("sequence").first()
    data = admin_form(staff["clerk"], change_url(sub_item))
    data["name"] = "更正后的子项目名称"
    assert staff["clerk"].post(change_url(sub_item), data).status_code == 302
    workflow.submit(correction, staff["clerk"].user)
    # … and the member who only copied it publishes.
    workflow.publish(
        correction, staff["both"].user, explanation="已核实。", correction_note="更正子项目名称。"
    )
    assert Project.objects.get(pk=correction.pk).status == Status.PUBLISHED
