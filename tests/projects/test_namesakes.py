"""The same project entered twice in one disclosure is refused: at the form, at submission and
at publication; revisions of one project, and another disclosure's project, share names."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from projects import selectors, workflow
from projects.models import Project, Status
from projects.roles import CLERK
from projects.workflow import WorkflowError
from tests.projects.adminforms import errors_of, page_data

from .factories import DisclosureFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def test_a_second_project_of_the_same_name_is_refused_at_the_form(django_user_model, draft):
    clerk = django_user_model.objects.create_user("clerk", password="x", is_staff=True)
    clerk.groups.add(Group.objects.get(name=CLERK))
    draft.disclosure.department.members.add(clerk)
    client = Client()
    client.force_login(clerk)
    add = reverse("admin:projects_project_add")
    data = page_data(client.get(add)) | {
        "disclosure": draft.disclosure.pk,
        "sequence": 2,
        "name": draft.name,
        "implementing_unit": "测试单位",
        "basis_preamble": "根据",
    }
    before = Project.objects.count()
    response = client.post(add, data)
    assert response.status_code == 200
    assert "本公开文本中已有同名项目（第1项，草稿），请勿重复录入" in errors_of(response)
    assert Project.objects.count() == before
    data["name"] = draft.name + "（二期）"
    assert client.post(add, data).status_code == 302


def test_revisions_and_other_disclosures_share_names(draft):
    draft.full_clean()  # itself: no namesake
    elsewhere = ProjectFactory(name=draft.name, disclosure=DisclosureFactory(), sequence=1)
    elsewhere.full_clean()
    withdrawn = ProjectFactory(
        name="已撤回的项目", disclosure=draft.disclosure, sequence=7, status=Status.WITHDRAWN
    )
    assert Project(disclosure=draft.disclosure, name=withdrawn.name, sequence=8).namesake() is None
    with pytest.raises(ValidationError, match="同名项目"):
        Project(disclosure=draft.disclosure, name=draft.name, sequence=9).validate_unique()


def test_a_namesake_that_got_in_is_not_submitted_or_published(draft, users, guards_off):
    twin = ProjectFactory(name=draft.name, disclosure=draft.disclosure, sequence=5)
    with pytest.raises(WorkflowError, match="重复计算"):
        workflow.submit(draft, users["clerk"])
    Project.objects.filter(pk=twin.pk).update(
        status=Status.SUBMITTED,
        submitted_by=users["clerk"],
        submitted_digest=selectors.content_digest(twin),
    )
    with pytest.raises(WorkflowError, match="重复计算"):
        workflow.publish(Project.objects.get(pk=twin.pk), users["reviewer"], explanation="x")
