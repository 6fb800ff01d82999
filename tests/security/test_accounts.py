"""No account gains a privilege it was not given: an administrator (管理员) who is not a
superuser manages only the accounts of their own departments, assigns only the three roles,
and cannot touch a superuser's account or their own privileges. Each test posts what an
attacker would, then checks what must not have happened."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse

from projects.models import Department, Project, Region
from projects.roles import ADMINISTRATOR, CLERK, REVIEWER
from tests.projects.adminforms import page_data

pytestmark = pytest.mark.django_db


def user_url(user, view="change"):
    if view == "password":
        return reverse("admin:auth_user_password_change", args=[user.pk])
    return reverse(f"admin:auth_user_{view}", args=[user.pk])


@pytest.fixture
def world(django_user_model):
    region = Region.objects.create(name="澄江市")
    a, b, c = (
        Department.objects.create(name=f"单位{x}", slug=f"dept-{x}", region=region) for x in "abc"
    )

    def account(name, roles=(), departments=(), **flags):
        user = django_user_model.objects.create_user(name, password="x", is_staff=True, **flags)
        user.groups.set([Group.objects.get(name=role) for role in roles])
        user.departments.set(departments)
        return user

    users = {
        "boss": account("boss", [ADMINISTRATOR], [a, b]),
        "admin_a": account("admin_a", [ADMINISTRATOR], [a]),
        "clerk_a": account("clerk_a", [CLERK], [a]),
        "clerk_b": account("clerk_b", [CLERK], [b]),
        "clerk_ac": account("clerk_ac", [CLERK], [a, c]),
        "root": account("root", [], [a], is_superuser=True),
        "special": account("special", [CLERK], [a]),
    }
    users["special"].user_permissions.add(Permission.objects.get(codename="delete_department"))
    return {"departments": (a, b, c), "users": users}


def client_of(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def fresh(user):
    return type(user).objects.get(pk=user.pk)


def test_an_administrator_cannot_make_itself_superuser(world):
    boss = world["users"]["boss"]
    client = client_of(boss)
    data = page_data(client.get(user_url(boss)))
    forged = data | {
        "is_superuser": "on",
        "is_staff": "on",
        "user_permissions": [str(p.pk) for p in Permission.objects.all()[:5]],
        "groups": [str(g.pk) for g in Group.objects.all()],
        "roles": [str(g.pk) for g in Group.objects.all()],
        "departments": [str(d.pk) for d in world["departments"]],
        "is_active": "",
        "first_name": "老板",
    }
    response = client.post(user_url(boss), forged)
    assert response.status_code == 302
    boss = fresh(boss)
    assert boss.first_name == "老板"  # what they may change on their own account
    assert not boss.is_superuser and boss.is_active and boss.is_staff
    assert not boss.user_permissions.exists()
    assert set(boss.groups.values_list("name", flat=True)) == {ADMINISTRATOR}
    assert set(boss.departments.values_list("name", flat=True)) == {"单位a", "单位b"}


def test_an_administrator_grants_only_the_roles_within_its_departments(world):
    clerk = world["users"]["clerk_a"]
    client = client_of(world["users"]["admin_a"])
    data = page_data(client.get(user_url(clerk)))
    reviewer = Group.objects.get(name=REVIEWER)
    forged = data | {
        "is_superuser": "on",
        "user_permissions": [str(p.pk) for p in Permission.objects.all()[:5]],
        "groups": [str(g.pk) for g in Group.objects.all()],
        "roles": [str(reviewer.pk)],
    }
    assert client.post(user_url(clerk), forged).status_code == 302
    clerk = fresh(clerk)
    assert not clerk.is_superuser and not clerk.user_permissions.exists()
    assert set(clerk.groups.values_list("name", flat=True)) == {REVIEWER}
    assert clerk.is_staff  # a role opens the admin

    # A group that is not a role, or another department, is refused at the field.
    other = Group.objects.create(name="自建组")
    other.permissions.add(Permission.objects.get(codename="delete_department"))
    b = world["departments"][1]
    for field, value in (("roles", [str(other.pk)]), ("departments", [str(b.pk)])):
        response = client.post(user_url(clerk), data | {field: value})
        assert response.status_code == 200
        assert field in response.context["adminform"].form.errors
    assert not fresh(clerk).groups.filter(pk=other.pk).exists()
    assert not fresh(clerk).departments.filter(pk=b.pk).exists()

    # Without a role the account can no longer open the admin.
    assert client.post(user_url(clerk), data | {"roles": []}).status_code == 302
    assert not fresh(clerk).is_staff


@pytest.mark.parametrize("target", ["clerk_b", "clerk_ac", "root", "special", "boss"])
def test_accounts_out_of_reach_are_absent(world, target):
    """Another department's account, one shared with a department the administrator does
    not manage, a superuser, one with a permission of its own, an administrator of more."""
    victim = world["users"][target]
    before = (victim.password, victim.is_superuser, victim.is_active, victim.first_name)
    client = client_of(world["users"]["admin_a"])
    listed = client.get(reverse("admin:auth_user_changelist"))
    assert victim.username not in [u.username for u in listed.context["cl"].result_list]
    page = client.get(user_url(victim))
    assert page.status_code in (302, 404)
    forged = {"username": victim.username, "first_name": "改", "is_active": "", "roles": []}
    client.post(user_url(victim), forged)
    assert client.get(user_url(victim, "password")).status_code == 404
    client.post(
        user_url(victim, "password"),
        {"password1": "Pw-12345678", "password2": "Pw-12345678", "usable_password": "true"},
    )
    victim = fresh(victim)
    assert (victim.password, victim.is_superuser, victim.is_active, victim.first_name) == before


def test_an_administrator_adds_accounts_only_to_its_departments(world, django_user_model):
    client = client_of(world["users"]["admin_a"])
    a, b, _ = world["departments"]
    clerk = Group.objects.get(name=CLERK)
    base = {
        "username": "new_clerk",
        "usable_password": "true",
        "password1": "Pw-abc-12345",
        "password2": "Pw-abc-12345",
        "roles": [str(clerk.pk)],
        "is_superuser": "on",
        "user_permissions": [str(Permission.objects.first().pk)],
    }
    for departments in ([], [str(b.pk)]):
        response = client.post(reverse("admin:auth_user_add"), base | {"departments": departments})
        assert response.status_code == 200
        assert "departments" in response.context["adminform"].form.errors
    assert not django_user_model.objects.filter(username="new_clerk").exists()

    response = client.post(reverse("admin:auth_user_add"), base | {"departments": [str(a.pk)]})
    assert response.status_code == 302
    made = django_user_model.objects.get(username="new_clerk")
    assert made.is_staff and not made.is_superuser and not made.user_permissions.exists()
    assert list(made.groups.values_list("name", flat=True)) == [CLERK]
    assert list(made.departments.all()) == [a]


def test_an_administrator_cannot_join_departments_through_their_pages(world):
    admin_a = world["users"]["admin_a"]
    client = client_of(admin_a)
    a, b, _ = world["departments"]
    url_b = reverse("admin:projects_department_change", args=[b.pk])
    assert client.get(url_b).status_code in (302, 404)
    client.post(
        url_b, {"name": b.name, "slug": b.slug, "region": b.region_id, "members": [admin_a.pk]}
    )
    url_a = reverse("admin:projects_department_change", args=[a.pk])
    data = page_data(client.get(url_a))
    clerk_b = world["users"]["clerk_b"]
    client.post(url_a, data | {"members": [str(admin_a.pk), str(clerk_b.pk)]})
    assert not b.members.filter(pk=admin_a.pk).exists()
    assert not a.members.filter(pk=clerk_b.pk).exists()
    # Nor create a department of its own to manage.
    assert client.get(reverse("admin:projects_department_add")).status_code == 403


def test_an_administrator_sees_only_its_departments_records(world, seed):
    boss = world["users"]["boss"]
    client = client_of(boss)
    response = client.get(reverse("admin:projects_project_changelist"))
    assert response.context["cl"].result_count == 0  # the seed belongs to another department
    seed.department.members.add(boss)
    response = client.get(reverse("admin:projects_project_changelist"))
    assert response.context["cl"].result_count == Project.objects.count()


def test_a_superuser_still_grants_anything(world):
    root = world["users"]["root"]
    clerk = world["users"]["clerk_b"]
    client = client_of(root)
    data = page_data(client.get(user_url(clerk)))
    assert client.post(user_url(clerk), data | {"is_superuser": "on"}).status_code == 302
    assert fresh(clerk).is_superuser
