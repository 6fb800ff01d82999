"""A clerk's admin lists show nothing of other departments: not their rows, and not their
names or years among the list filters' choices."""

from __future__ import annotations

import copy

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from projects.models import Department, Project
from projects.roles import CLERK, REVIEWER
from projects.services import load_disclosure_tree

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_department(seed_tree, seed):
    tree = copy.deepcopy(seed_tree)
    tree["department"] |= {"name": "保密的乙单位", "short_name": "乙", "slug": "secret-b"}
    tree["disclosure"] |= {"title": "保密的乙单位2019年公开", "fiscal_year": 2019}
    load_disclosure_tree(tree)
    return Department.objects.get(slug="secret-b")


@pytest.mark.parametrize("role", [CLERK, REVIEWER])
def test_filter_choices_are_scoped_like_the_rows(django_user_model, seed, other_department, role):
    user = django_user_model.objects.create_user("a", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    seed.department.members.add(user)
    client = Client()
    client.force_login(user)
    for url in (
        reverse("admin:projects_project_changelist"),
        reverse("admin:projects_disclosure_changelist"),
        reverse("admin:projects_subitem_changelist"),
    ):
        page = client.get(url).content.decode()
        assert "保密的乙单位" not in page and "2019" not in page, url
    page = client.get(reverse("admin:projects_project_changelist")).content.decode()
    assert seed.department.name in page and "2024年" in page

    # Asking for the other department or year by its value selects nothing.
    listed = client.get(
        reverse("admin:projects_project_changelist"), {"department": other_department.pk}
    )
    assert listed.status_code == 200 and listed.context["cl"].result_count == 0
    listed = client.get(reverse("admin:projects_project_changelist"), {"year": "abc"})
    assert listed.status_code == 200 and listed.context["cl"].result_count == 0


def test_a_superuser_filters_by_any_department(admin_client, seed, other_department):
    url = reverse("admin:projects_project_changelist")
    page = admin_client.get(url).content.decode()
    assert "保密的乙单位" in page and "2019年" in page
    listed = admin_client.get(url, {"department": other_department.pk})
    ours = Project.objects.filter(disclosure__department=other_department)
    assert set(listed.context["cl"].queryset) == set(ours)
