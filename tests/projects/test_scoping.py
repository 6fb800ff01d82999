"""Staff see only their own departments: a clerk of department A cannot list, open, change,
delete, see the history of, bulk-act on, or attach records to anything of department B."""

from __future__ import annotations

import copy

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from projects import models
from projects.roles import ADMINISTRATOR, CLERK, REVIEWER
from projects.services import load_disclosure_tree
from tests.snapshots import capture, restore

pytestmark = pytest.mark.django_db

# model → the lookup from it to its department's slug
SCOPED = {
    models.Department: "slug",
    models.Disclosure: "department__slug",
    models.Project: "disclosure__department__slug",
    models.SubItem: "project__disclosure__department__slug",
    models.LineItem: "sub_item__project__disclosure__department__slug",
    models.Factor: "line__sub_item__project__disclosure__department__slug",
    models.Milestone: "sub_item__project__disclosure__department__slug",
    models.Citation: "project__disclosure__department__slug",
    models.FundingSource: "project__disclosure__department__slug",
    models.PerformanceIndicator: "project__disclosure__department__slug",
}


def admin_url(model, view, *args):
    return reverse(f"admin:projects_{model._meta.model_name}_{view}", args=args)


def _two_departments(seed_tree) -> None:
    ours = copy.deepcopy(seed_tree)
    ours["projects"][0] |= EXTRAS
    load_disclosure_tree(ours)
    other = copy.deepcopy(ours)
    other["department"] |= {"name": "乙单位", "short_name": "乙", "slug": "dept-b"}
    other["disclosure"]["title"] = "乙单位2024年预算重点领域财政项目文本公开"
    load_disclosure_tree(other)


@pytest.fixture(scope="module")
def two_departments_snapshot(django_db_setup, django_db_blocker, seed_tree):
    with django_db_blocker.unblock():
        return capture(lambda: _two_departments(seed_tree))


@pytest.fixture
def two_departments(db, two_departments_snapshot):
    """The seed as drafts in department A (its own) and, copied, in department B; project 1
    gets a funding source and an indicator in both, so that every model has rows on each side.
    Loaded once for the module, its rows put back in each test (tests/snapshots.py)."""
    restore(two_departments_snapshot)
    return models.Department.objects.get(slug="chengjiang-zzb"), models.Department.objects.get(
        slug="dept-b"
    )


EXTRAS = {
    "funding_sources": [
        {"sequence": 1, "name": "市级财政", "amount_yuan": "100.00", "amount_text": "100元"}
    ],
    "performance_indicators": [
        {
            "sequence": 1,
            "level1": "output",
            "level2": "数量指标",
            "name": "培训人次",
            "comparator": "ge",
            "target": "200",
            "unit": "人次",
        }
    ],
}


@pytest.fixture
def clerk_of_a(client, django_user_model, two_departments):
    clerk = django_user_model.objects.create_user("clerk-a", password="x", is_staff=True)
    clerk.groups.add(Group.objects.get(name=CLERK))
    two_departments[0].members.add(clerk)
    client.force_login(clerk)
    return client


@pytest.mark.parametrize("model", list(SCOPED), ids=lambda m: m.__name__)
def test_a_clerk_never_reaches_another_departments_records(clerk_of_a, model):
    lookup = SCOPED[model]
    theirs = model.objects.filter(**{lookup: "dept-b"}).order_by("pk").first()
    ours = model.objects.filter(**{lookup: "chengjiang-zzb"}).order_by("pk").first()
    assert theirs is not None and ours is not None

    listed = clerk_of_a.get(admin_url(model, "changelist"), {"all": ""})
    assert listed.status_code == 200
    shown = {obj.pk for obj in listed.context["cl"].queryset}
    assert ours.pk in shown and theirs.pk not in shown

    assert clerk_of_a.get(admin_url(model, "change", ours.pk)).status_code == 200
    for view in ("change", "history", "delete"):
        response = clerk_of_a.get(admin_url(model, view, theirs.pk))
        # As absent as a deleted record (Django redirects to the index), or refused outright
        # where the role lacks the permission anyway (a clerk deleting a department).
        assert response.status_code in (302, 403), view
        if response.status_code == 302:
            assert response["Location"] == reverse("admin:index"), view
    clerk_of_a.post(admin_url(model, "change", theirs.pk), {"name": "改名"})
    clerk_of_a.post(admin_url(model, "delete", theirs.pk), {"post": "yes"})
    clerk_of_a.post(
        admin_url(model, "changelist"),
        {"action": "delete_selected", "_selected_action": [theirs.pk], "post": "yes"},
    )
    assert model.objects.filter(pk=theirs.pk).exists()
    assert str(theirs) == str(model.objects.get(pk=theirs.pk))


def test_a_clerk_cannot_attach_a_record_to_another_departments_parent(clerk_of_a):
    theirs = models.Project.objects.get(disclosure__department__slug="dept-b", sequence=1)
    response = clerk_of_a.post(
        admin_url(models.SubItem, "add"),
        {
            "project": theirs.pk,
            "sequence": 99,
            "name": "混入的子项目",
            "content": "",
            "plan": "",
            "declared_amount": "",
            "declared_amount_text": "",
            "lines-TOTAL_FORMS": "0",
            "lines-INITIAL_FORMS": "0",
            "milestones-TOTAL_FORMS": "0",
            "milestones-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200  # the form comes back with an error
    assert not models.SubItem.objects.filter(name="混入的子项目").exists()


def test_autocomplete_offers_only_own_departments_records(clerk_of_a):
    response = clerk_of_a.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "projects",
            "model_name": "subitem",
            "field_name": "project",
            "term": "",
        },
    )
    assert response.status_code == 200
    texts = [item["text"] for item in response.json()["results"]]
    assert texts and all("干部教育培训" in t or "乡村振兴" in t for t in texts)
    ids = {int(item["id"]) for item in response.json()["results"]}
    assert not ids & set(
        models.Project.objects.filter(disclosure__department__slug="dept-b").values_list(
            "pk", flat=True
        )
    )


@pytest.mark.parametrize("role", [REVIEWER, CLERK])
def test_staff_without_a_department_see_nothing(client, django_user_model, two_departments, role):
    user = django_user_model.objects.create_user("nobody", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    client.force_login(user)
    response = client.get(admin_url(models.Project, "changelist"))
    assert response.status_code == 200
    assert response.context["cl"].result_count == 0


def test_superusers_see_every_department_and_administrators_their_own(
    client, admin_client, django_user_model, two_departments
):
    response = admin_client.get(admin_url(models.Project, "changelist"))
    assert response.context["cl"].result_count == models.Project.objects.count() == 4
    administrator = django_user_model.objects.create_user("boss", password="x", is_staff=True)
    administrator.groups.add(Group.objects.get(name=ADMINISTRATOR))
    two_departments[0].members.add(administrator)
    client.force_login(administrator)
    response = client.get(admin_url(models.Project, "changelist"))
    ours = models.Project.objects.filter(disclosure__department=two_departments[0])
    assert set(response.context["cl"].queryset) == set(ours) and ours.count() < 4


def test_a_reviewer_sees_projects_once_submitted(client, django_user_model, two_departments):
    from projects import workflow

    reviewer = django_user_model.objects.create_user("rev-a", password="x", is_staff=True)
    reviewer.groups.add(Group.objects.get(name=REVIEWER))
    two_departments[0].members.add(reviewer)
    client.force_login(reviewer)
    ours = models.Project.objects.filter(disclosure__department=two_departments[0])
    draft = ours.get(sequence=2)  # its only error is the declared total, set right below
    models.Project.objects.filter(pk=draft.pk).update(declared_total=draft.itemised_total)
    for model, lookup in [(models.Project, "pk"), (models.SubItem, "project")]:
        listed = client.get(admin_url(model, "changelist"), {"all": ""}).context["cl"].queryset
        assert not listed.filter(**{lookup: draft.pk}).exists()
    workflow.submit(draft, django_user_model.objects.create_user("clerk-x"))
    listed = client.get(admin_url(models.Project, "changelist")).context["cl"].queryset
    assert set(listed.values_list("pk", flat=True)) == {draft.pk}
    assert client.get(admin_url(models.Project, "change", draft.pk)).status_code == 200


def test_the_roles_come_back_with_their_permissions_after_a_flush(db):
    from projects.roles import ROLE_PERMISSIONS, ensure_roles

    expected = {
        name: {codename for _, codename in permissions}
        for name, permissions in ROLE_PERMISSIONS.items()
    }
    assert {
        g.name: set(g.permissions.values_list("codename", flat=True)) for g in Group.objects.all()
    } == expected  # as the data migration made them
    Group.objects.all().delete()
    ensure_roles()
    assert {
        g.name: set(g.permissions.values_list("codename", flat=True)) for g in Group.objects.all()
    } == expected
