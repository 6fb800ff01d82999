"""Every change to a draft is kept (who, when, what) and visible to staff of its department;
staff accounts are protected: throttled logins, password rules, expiring sessions, pages that
no cache keeps."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from projects.models import Citation, Department, Project, SubItem
from projects.roles import CLERK

from .adminforms import page_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def clerk(users, draft):
    user = users["clerk"]
    user.groups.add(Group.objects.get(name=CLERK))
    Department.objects.get(slug="test-unit").members.add(user)
    client = Client()
    client.force_login(user)
    return client


def change_url(obj):
    return reverse(f"admin:projects_{obj._meta.model_name}_change", args=[obj.pk])


def history_url(obj):
    return reverse(f"admin:projects_{obj._meta.model_name}_history", args=[obj.pk])


def test_a_clerks_edits_are_kept_with_who_when_and_what(clerk, draft):
    data = page_data(clerk.get(change_url(draft)))
    data["name"] = "乡村振兴工作经费（修订）"
    data["sub_items-0-name"] = "驻村工作队员生活补助"
    response = clerk.post(change_url(draft), data)
    assert response.status_code == 302

    record = Project.history.filter(id=draft.pk).latest("history_date")
    assert record.history_user.username == "clerk"
    assert record.history_type == "~" and record.name == "乡村振兴工作经费（修订）"
    changes = record.diff_against(record.prev_record).changed_fields
    assert "name" in changes

    page = clerk.get(history_url(draft))
    text = page.content.decode()
    assert page.status_code == 200
    assert "乡村振兴工作经费（修订）" in text and "clerk" in text
    # The sub-item edited on the same page is listed with the field that changed.
    related = page.context["related_changes"]
    renamed = [e for e in related if e.kind == SubItem._meta.verbose_name and e.action == "修改"]
    assert renamed and renamed[0].user.username == "clerk"
    assert any(c.new == "驻村工作队员生活补助" for c in renamed[0].changes)
    assert "驻村工作队员生活补助" in text


def test_deleting_a_row_of_a_draft_is_kept_too(clerk, draft):
    citation = Citation.objects.filter(project=draft).first()
    pk = citation.pk
    citation.delete()
    deleted = Citation.history.filter(id=pk, history_type="-")
    assert deleted.exists()
    related = clerk.get(history_url(draft)).context["related_changes"]
    assert any(e.action == "删除" and e.label == citation.cited_text for e in related)


def test_an_old_version_is_shown_but_never_saved_back(admin_client, draft):
    # Changes go through the change page, its inlines and its checks; the history is only read.
    draft.save()
    record = Project.history.filter(id=draft.pk).latest("history_date")
    url = reverse("admin:projects_project_simple_history", args=[draft.pk, record.history_id])
    assert admin_client.get(url).status_code == 200
    data = page_data(admin_client.get(change_url(draft))) | {"name": "从旧版本改回"}
    assert admin_client.post(url, data).status_code == 403
    assert Project.objects.get(pk=draft.pk).name == draft.name


def test_another_departments_history_is_absent(users, draft):
    outsider = users["other"]
    outsider.groups.add(Group.objects.get(name=CLERK))
    client = Client()
    client.force_login(outsider)
    for obj in (draft, SubItem.objects.filter(project=draft).first()):
        response = client.get(history_url(obj))
        assert response.status_code == 302 and response["Location"] == reverse("admin:index")
    record = Project.history.filter(id=draft.pk).first()
    if record is not None:
        url = reverse("admin:projects_project_simple_history", args=[draft.pk, record.history_id])
        assert client.get(url).status_code in (302, 403)


# --- Accounts --------------------------------------------------------------------------------


def login(client: Client, username: str, password: str):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR="203.0.113.7",
    )


def test_failed_logins_are_throttled(users):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = login(client, "clerk", "wrong")
        assert response.status_code == 200  # the login page again, with its error
    response = login(client, "clerk", "wrong")
    assert response.status_code == 429
    text = response.content.decode()
    assert "登录已暂停" in text and "15 分钟" in text
    # Locked out even with the right password.
    assert login(client, "clerk", "x").status_code == 429
    # Another account from the same address is not locked out.
    assert login(Client(), "reviewer", "x").status_code == 302


def test_a_successful_login_resets_the_count(users):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        login(client, "clerk", "wrong")
    assert login(client, "clerk", "x").status_code == 302
    assert login(Client(), "clerk", "wrong").status_code == 200


@pytest.mark.parametrize("password", ["12345678", "password", "clerk2024", "短密码"])
def test_weak_passwords_are_refused(users, password):
    with pytest.raises(ValidationError):
        validate_password(password, users["clerk"])


def test_sessions_end_with_the_browser_and_after_eight_hours(users):
    client = Client()
    response = login(client, "clerk", "x")
    assert response.status_code == 302
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert not cookie["expires"] and not cookie["max-age"]  # a browser-session cookie
    assert cookie["httponly"]
    assert client.session.get_expiry_age() <= 8 * 60 * 60


def test_staff_pages_are_never_cached(clerk, draft):
    for url in (reverse("admin:index"), change_url(draft), history_url(draft)):
        cache_control = clerk.get(url)["Cache-Control"]
        assert "private" in cache_control and "no-store" in cache_control, url
    assert "no-store" in Client().get(reverse("admin:login"))["Cache-Control"]
