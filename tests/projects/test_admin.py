"""The admin, tested like real code: every model's pages open, in Chinese, within a query budget."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from projects import models
from projects.roles import ADMINISTRATOR, CLERK, REVIEWER

pytestmark = pytest.mark.django_db

MODELS = [
    models.Region,
    models.Department,
    models.Disclosure,
    models.Project,
    models.SubItem,
    models.LineItem,
    models.Factor,
    models.Milestone,
    models.PolicyDocument,
    models.Citation,
    models.FundingSource,
    models.PerformanceIndicator,
]


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_every_model_has_a_changelist_and_change_page(
    admin_client, seed, model, django_assert_max_num_queries
):
    # A changelist costs the same whatever the page size: select_related, no N+1.
    with django_assert_max_num_queries(12):
        response = admin_client.get(admin_url(model, "changelist"))
    assert response.status_code == 200
    obj = model.objects.first()
    if obj is not None:
        response = admin_client.get(admin_url(model, "change", obj.pk))
        assert response.status_code == 200
    assert admin_client.get(admin_url(model, "add")).status_code == 200


def test_admin_speaks_chinese(admin_client, seed):
    response = admin_client.get(reverse("admin:index"))
    text = response.content.decode()
    assert "重点领域财政项目文本公开" in text
    assert "测算明细" in text
    assert "立项依据引用" in text


def test_project_change_page_shows_the_findings(admin_client, seed):
    project = models.Project.objects.get(sequence=1)
    text = admin_client.get(admin_url(models.Project, "change", project.pk)).content.decode()
    assert "核对结果" in text
    assert "21.4450万元" in text  # the suggested reading of the suspicious 21.4450元


def test_changelist_search_finds_a_project_by_name(admin_client, seed):
    response = admin_client.get(admin_url(models.Project, "changelist"), {"q": "乡村振兴"})
    assert "引领乡村振兴工作经费" in response.content.decode()


def test_roles_exist_with_their_permissions():
    clerk = Group.objects.get(name=CLERK)
    reviewer = Group.objects.get(name=REVIEWER)
    administrator = Group.objects.get(name=ADMINISTRATOR)
    assert clerk.permissions.filter(codename="change_lineitem").exists()
    assert not clerk.permissions.filter(codename="change_department").exists()
    assert reviewer.permissions.filter(codename="change_project").exists()
    assert not reviewer.permissions.filter(codename="delete_project").exists()
    assert administrator.permissions.filter(codename="change_department").exists()
    # Departments are created by a superuser, who names their first administrator.
    assert not administrator.permissions.filter(codename="add_department").exists()
    assert administrator.permissions.filter(codename="change_user").exists()
    assert not administrator.permissions.filter(codename="delete_user").exists()


def test_a_clerk_can_open_the_admin_but_not_departments(client, seed, django_user_model):
    clerk = django_user_model.objects.create_user("clerk", password="x", is_staff=True)
    clerk.groups.add(Group.objects.get(name=CLERK))
    client.force_login(clerk)
    assert client.get(admin_url(models.LineItem, "changelist")).status_code == 200
    assert client.get(admin_url(models.Department, "add")).status_code == 403


@pytest.mark.parametrize(
    ("model", "budget"),
    [
        # Each citation row's autocomplete widget looks up its selected document: one query a
        # row (25 citations in project 1); everything else is constant.
        (models.Project, 45),
        # Sub-item 1 has 23 lines; the parent choices are read once, not once per row.
        (models.SubItem, 16),
        (models.LineItem, 16),
    ],
    ids=lambda value: getattr(value, "__name__", str(value)),
)
def test_change_page_query_budget(admin_client, seed, model, budget, django_assert_max_num_queries):
    obj = model.objects.order_by("pk").first()
    with django_assert_max_num_queries(budget):
        response = admin_client.get(admin_url(model, "change", obj.pk))
    assert response.status_code == 200


def test_status_cannot_be_edited_in_the_admin(client, seed, django_user_model):
    clerk = django_user_model.objects.create_user("clerk2", password="x", is_staff=True)
    clerk.groups.add(Group.objects.get(name=CLERK))
    client.force_login(clerk)
    project = models.Project.objects.get(sequence=1)
    form = client.get(admin_url(models.Project, "change", project.pk)).content.decode()
    assert 'name="status"' not in form
    assert 'name="revision"' not in form
