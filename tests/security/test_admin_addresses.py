"""The admin answers a malformed id anywhere (an address, a pre-filled field, a posted choice)
with a Chinese message or a 404, never a 500; and rows cannot be added under a submitted or
published parent, which the clerk is told at the form."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.db.models import ForeignKey
from django.test import Client
from django.urls import reverse

from projects.models import Citation, FundingSource, LineItem, Project, SubItem
from projects.roles import CLERK
from tests.projects.adminforms import errors_of, line_form, page_data

pytestmark = pytest.mark.django_db

BAD_IDS = ["abc", "-1", "99999999999999999999", "1.5", "%00", "1 OR 1=1"]


@pytest.fixture
def clerk(django_user_model, seed):
    user = django_user_model.objects.create_user("clerk", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name=CLERK))
    seed.department.members.add(user)
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


@pytest.fixture
def root(django_user_model, seed):
    user = django_user_model.objects.create_superuser("root", password="x")
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


def project_admins():
    return [
        model
        for model in admin.site._registry
        if model._meta.app_label in ("projects", "auth", "publications")
    ]


@pytest.mark.parametrize("model", project_admins(), ids=lambda model: model._meta.label_lower)
@pytest.mark.parametrize("who", ["clerk", "root"])
def test_malformed_ids_in_admin_addresses_answer_no_500(request, who, model, settings):
    settings.DEBUG = False
    client = request.getfixturevalue(who)
    failures = []
    prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
    foreign_keys = [f.name for f in model._meta.fields if isinstance(f, ForeignKey)]
    urls = []
    for bad in BAD_IDS:
        quoted = bad.replace("%", "%25").replace(" ", "%20")
        base = reverse(f"{prefix}_changelist")
        urls += [
            f"{base}{quoted}/change/",
            f"{base}{quoted}/history/",
            f"{base}{quoted}/history/{quoted}/",
            f"{base}{quoted}/delete/",
            base + "?" + "&".join([f"{fk}={quoted}" for fk in foreign_keys] or ["q=x"]),
            base
            + "?"
            + "&".join([f"{fk}__id__exact={quoted}" for fk in foreign_keys] or [f"p={quoted}"]),
            reverse(f"{prefix}_add") + "?" + "&".join(f"{fk}={quoted}" for fk in foreign_keys),
        ]
        if model is Project:
            urls += [f"{base}{quoted}/workflow/submit/", f"{base}{quoted}/preview/"]
    for url in urls:
        response = client.get(url)
        if response.status_code >= 500:
            failures.append((url, response.status_code))
    add = reverse(f"{prefix}_add")
    for bad in BAD_IDS:
        response = client.post(add, {fk: bad for fk in foreign_keys} | {"name": "x"})
        if response.status_code >= 500:
            failures.append(("POST " + add, bad, response.status_code))
    assert not failures, failures[:20]


def test_autocomplete_lookups_with_malformed_values_answer_no_500(clerk):
    url = reverse("admin:autocomplete")
    for params in (
        {"app_label": "projects", "model_name": "subitem", "field_name": "project", "term": "x"},
        {"app_label": "projects", "model_name": "lineitem", "field_name": "parent", "term": "%"},
        {
            "app_label": "projects",
            "model_name": "project",
            "field_name": "disclosure",
            "page": "abc",
        },
        {"app_label": "projects", "model_name": "nothing", "field_name": "x"},
        {"app_label": "auth", "model_name": "user", "field_name": "groups"},
    ):
        assert clerk.get(url, params).status_code < 500, params


@pytest.mark.parametrize(
    ("model", "parent_field"),
    [
        (SubItem, "project"),
        (Citation, "project"),
        (FundingSource, "project"),
        (LineItem, "sub_item"),
    ],
)
def test_adding_under_a_published_parent_is_refused_at_the_form(clerk, seed, model, parent_field):
    project = Project.objects.published().first()
    parent = (
        project if parent_field == "project" else SubItem.objects.filter(project=project).first()
    )
    url = reverse(f"admin:projects_{model._meta.model_name}_add")
    before = model.objects.count()
    data = page_data(clerk.get(url)) | {
        parent_field: parent.pk,
        "sequence": 99,
        "name": "已公开后偷偷加的",
        "amount": "1万",
        "cited_text": "《某文件》",
        "pasted": "《某文件》",
        "separator": "",
    }
    if model is LineItem:
        data = line_form(parent, name="已公开后偷偷加的")
    response = clerk.post(url, data)
    assert response.status_code == 200
    assert "不能添加、修改或删除" in errors_of(response)
    assert model.objects.count() == before


def test_adding_a_factor_under_a_published_line_is_refused(clerk, seed):
    line = LineItem.objects.published().filter(factors__isnull=False).first()
    url = reverse("admin:projects_factor_add")
    response = clerk.post(url, {"line": line.pk, "sequence": 99, "value": "1", "unit": "人"})
    assert response.status_code == 200
    assert "不能添加、修改或删除" in errors_of(response)
