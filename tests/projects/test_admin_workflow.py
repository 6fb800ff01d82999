"""The lifecycle through the admin, as a clerk and a reviewer of one department would take it."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from projects.models import Department, Project, Status
from projects.roles import CLERK, REVIEWER

from .test_workflow import draft  # noqa: F401  (the fixture)

pytestmark = pytest.mark.django_db


def step_url(project, step):
    return reverse("admin:projects_project_workflow", args=[project.pk, step])


def member(django_user_model, name, role, department):
    user = django_user_model.objects.create_user(name, password="x", is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    department.members.add(user)
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def staff(django_user_model, draft):  # noqa: F811
    department = draft.disclosure.department
    elsewhere = Department.objects.create(
        name="另一单位", slug="elsewhere", region=department.region
    )
    return {
        "clerk": member(django_user_model, "clerk", CLERK, department),
        "reviewer": member(django_user_model, "reviewer", REVIEWER, department),
        "stranger": member(django_user_model, "stranger", REVIEWER, elsewhere),
    }


def test_clerk_submits_reviewer_publishes_then_a_correction(staff, draft):  # noqa: F811
    change = reverse("admin:projects_project_change", args=[draft.pk])
    page = staff["clerk"].get(change).content.decode()
    assert step_url(draft, "submit") in page
    assert step_url(draft, "publish") not in page

    assert staff["clerk"].get(step_url(draft, "submit")).status_code == 200
    response = staff["clerk"].post(step_url(draft, "submit"))
    assert response.status_code == 302
    assert Project.objects.get(pk=draft.pk).status == Status.SUBMITTED

    assert staff["clerk"].post(step_url(draft, "publish")).status_code == 403
    assert staff["stranger"].post(step_url(draft, "publish")).status_code == 404

    refused = staff["reviewer"].post(step_url(draft, "publish"), {"explanation": ""})
    assert refused.status_code == 200 and "警告" in refused.content.decode()
    response = staff["reviewer"].post(step_url(draft, "publish"), {"explanation": "已核实。"})
    assert response.status_code == 302
    published = Project.objects.get(pk=draft.pk)
    assert published.status == Status.PUBLISHED and published.published_by.username == "reviewer"

    response = staff["clerk"].post(step_url(published, "correct"))
    correction = Project.objects.get(lineage=draft.lineage, revision=2)
    assert response["Location"] == reverse("admin:projects_project_change", args=[correction.pk])
    assert correction.status == Status.DRAFT


def test_reviewer_returns_with_a_comment_and_withdraws_with_a_reason(staff, draft):  # noqa: F811
    staff["clerk"].post(step_url(draft, "submit"))
    empty = staff["reviewer"].post(step_url(draft, "return"), {"comment": ""})
    assert empty.status_code == 200
    staff["reviewer"].post(step_url(draft, "return"), {"comment": "请补充测算依据。"})
    returned = Project.objects.get(pk=draft.pk)
    assert returned.status == Status.DRAFT and returned.review_comment == "请补充测算依据。"

    staff["clerk"].post(step_url(draft, "submit"))
    staff["reviewer"].post(step_url(draft, "publish"), {"explanation": "已核实。"})
    staff["reviewer"].post(step_url(draft, "withdraw"), {"reason": "项目已取消。"})
    withdrawn = Project.objects.get(pk=draft.pk)
    assert withdrawn.status == Status.WITHDRAWN and withdrawn.withdrawal_reason == "项目已取消。"


def test_a_step_from_the_wrong_state_says_why(staff, draft):  # noqa: F811
    response = staff["clerk"].post(step_url(draft, "correct"))
    assert response.status_code == 200
    assert "只有" in response.content.decode()
    assert Project.objects.filter(lineage=draft.lineage).count() == 1
    # A reviewer does not see a clerk's draft at all until it is submitted.
    assert staff["reviewer"].post(step_url(draft, "withdraw"), {"reason": "x"}).status_code == 404
