"""Staff accounts for tests: a member of a role (and of a department), logged in."""

from __future__ import annotations

from django.contrib.auth.models import Group
from django.test import Client


def staff_account(django_user_model, name, role, department=None):
    """A staff user with ``role`` (a member of ``department`` if given) and a client logged in
    as them."""
    user = django_user_model.objects.create_user(name, password="x", is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    if department is not None:
        department.members.add(user)
    client = Client()
    client.force_login(user)
    return user, client


def staff_client(django_user_model, name, role, department=None) -> Client:
    """A client logged in as a new staff user with ``role`` (see ``staff_account``)."""
    return staff_account(django_user_model, name, role, department)[1]
