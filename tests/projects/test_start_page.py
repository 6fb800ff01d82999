"""The staff start page (/admin/): what waits for each person, by role (projects/workspace.py)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from projects import workflow
from projects.models import Project
from projects.roles import CLERK, REVIEWER
from tests.accounts import staff_account

pytestmark = pytest.mark.django_db

START = reverse("admin:index")


def section(page: str, id_: str) -> str:
    """The text of one section of the start page: from its id to the next section."""
    start = page.index(f'id="{id_}"')
    end = page.find('<div class="module"', start)
    return page[start : end if end != -1 else None]


def test_an_account_in_no_department_is_told_why_and_whom_to_ask(django_user_model, seed):
    _, client = staff_account(django_user_model, "newcomer", CLERK)
    page = client.get(START).content.decode()
    assert "您的账号还没有所属预算单位" in page and "管理员" in page
    assert seed.title not in page  # nothing of any department


def test_a_clerk_sees_their_drafts_and_what_was_returned(django_user_model, draft, settings):
    department = draft.disclosure.department
    clerk, client = staff_account(django_user_model, "clerk", CLERK, department)
    reviewer, _ = staff_account(django_user_model, "reviewer", REVIEWER, department)
    # The clerk edits the draft in the admin: it becomes theirs.
    page = client.get(START).content.decode()
    assert "您还没有正在录入的项目" in section(page, "start-drafts")
    assert "本单位全部草稿（1）" in page
    Project.history.filter(id=draft.pk).update(history_user=clerk)
    page = client.get(START).content.decode()
    drafts = section(page, "start-drafts")
    assert (
        draft.name in drafts and reverse("admin:projects_project_change", args=[draft.pk]) in drafts
    )
    # Submitted, then returned with a comment: it is under 退回修改 with the comment.
    workflow.submit(draft, clerk)
    assert draft.name in section(client.get(START).content.decode(), "start-waiting")
    workflow.return_to_draft(Project.objects.get(pk=draft.pk), reviewer, "请核对子项目2的金额。")
    page = client.get(START).content.decode()
    assert "请核对子项目2的金额。" in section(page, "start-returned")
    assert draft.name not in section(page, "start-drafts")


def test_a_reviewer_sees_who_submitted_what_when_and_what_a_correction_changes(
    django_user_model, draft
):
    department = draft.disclosure.department
    clerk, _ = staff_account(django_user_model, "clerk", CLERK, department)
    clerk.first_name, clerk.last_name = "小明", "王"
    clerk.save()
    reviewer, client = staff_account(django_user_model, "reviewer", REVIEWER, department)
    workflow.submit(draft, clerk)
    waiting = section(client.get(START).content.decode(), "start-waiting")
    assert "待审核（1）" in waiting
    assert draft.name in waiting and "新项目，尚未公开" in waiting
    assert clerk.get_full_name() in waiting
    assert f"{Project.objects.get(pk=draft.pk).finding_count} 处" in waiting
    assert "第1项" in waiting  # two projects of one name are told apart by their place
    # Published, then a correction of its total: the reviewer reads what it changes.
    workflow.publish(Project.objects.get(pk=draft.pk), reviewer, explanation="已核实。")
    correction = workflow.create_correction(Project.objects.get(pk=draft.pk), clerk)
    Project.objects.filter(pk=correction.pk).update(outcomes="更正后的实施成效。")
    workflow.submit(Project.objects.get(pk=correction.pk), clerk)
    page = client.get(START).content.decode()
    waiting = section(page, "start-waiting")
    assert "（第2版）" in waiting and "更正：八、项目实施成效" in waiting
    assert draft.name in section(page, "start-recent")
    assert "我的草稿" not in page  # a reviewer enters nothing


def test_the_start_page_reads_a_bounded_number_of_queries(
    django_user_model, draft, django_assert_max_num_queries
):
    department = draft.disclosure.department
    _, client = staff_account(django_user_model, "clerk", CLERK, department)
    with django_assert_max_num_queries(40):
        assert client.get(START).status_code == 200


def test_a_correction_of_a_source_note_is_a_change_the_reviewer_reads(django_user_model, seed):
    department = seed.department
    clerk, _ = staff_account(django_user_model, "clerk", CLERK, department)
    _, client = staff_account(django_user_model, "reviewer", REVIEWER, department)
    live = Project.objects.published().get(sequence=1)
    correction = workflow.create_correction(live, clerk)
    note = correction.source_notes.get()
    note.explanation = "原文如此，已与预算单位核对。"
    note.save()
    workflow.submit(Project.objects.get(pk=correction.pk), clerk)
    waiting = section(client.get(START).content.decode(), "start-waiting")
    assert "更正：原文如此说明" in waiting
