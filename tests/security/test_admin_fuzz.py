"""Hostile values posted into every admin add and change form a clerk can open: markup, formula
prefixes, invisible and control characters, huge numbers, NaN, NUL, over-long texts, in any
field (inline rows included). Whatever is posted: no 500; a refusal is a Chinese message at
the form; and a refused page writes nothing at all."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.db import transaction
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from projects.models import (
    Citation,
    FundingSource,
    LineItem,
    Milestone,
    PerformanceIndicator,
    Project,
    SubItem,
)
from projects.roles import CLERK
from tests.projects.adminforms import errors_of, line_form, page_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(small_draft):
    """These tests post one wrong field at a time: the small draft has every kind of row the
    editor has, on a page a fifth the size (tests/conftest.py)."""
    return small_draft


HOSTILE_VALUES = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    '=HYPERLINK("http://x","点击")',
    "=cmd|'/c calc'!A1",
    "+1",
    "-1",
    "-20万",
    "@SUM(1)",
    "\u202e",
    "abc\u200bdef",
    "a\x00b",
    "\x07",
    "9" * 40,
    "99999999999999999999",
    "2147483648",
    "-2147483649",
    "1e309",
    "1e-309",
    "NaN",
    "Infinity",
    "-Infinity",
    "-0",
    "0x10",
    "１２３",
    "９９９９９９９９９９９９９万元",
    "20万",
    "1.0000001",
    "长" * 25_000,
    "x" * 70_000,
    "",
    " ",
    "../../etc/passwd",
    "' OR 1=1 --",
    "\U0010fffe",
]
# Anything a browser can send: every character but lone surrogates, which UTF-8 cannot carry.
HOSTILE = st.sampled_from(HOSTILE_VALUES) | st.text(
    st.characters(exclude_categories=("Cs",)), max_size=200
)

CJK = re.compile("[\u4e00-\u9fff]")
PROJECT_MODELS = [
    "project",
    "subitem",
    "lineitem",
    "factor",
    "milestone",
    "citation",
    "fundingsource",
    "performanceindicator",
]


@pytest.fixture
def world(django_user_model, draft):
    user = django_user_model.objects.create_user("clerk", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name=CLERK))
    draft.disclosure.department.members.add(user)
    client = Client(raise_request_exception=False)
    client.force_login(user)
    sub_item = SubItem.objects.filter(project=draft).order_by("sequence").first()
    line = LineItem.objects.filter(sub_item__project=draft, factors__isnull=False).first()
    rows = {
        "project": draft,
        "subitem": sub_item,
        "lineitem": line,
        "factor": line.factors.first(),
        "milestone": Milestone.objects.filter(sub_item__project=draft).first()
        or Milestone.objects.create(sub_item=sub_item, sequence=1, description="节点"),
        "citation": Citation.objects.filter(project=draft).first(),
        "fundingsource": FundingSource.objects.create(
            project=draft, sequence=1, name="本级财政", amount=Decimal("0.00")
        ),
        "performanceindicator": PerformanceIndicator.objects.create(
            project=draft,
            sequence=1,
            level1="output",
            level2="数量指标",
            name="培训人次",
            comparator="ge",
            target="200",
            unit="人次",
        ),
    }
    adds = {
        "project": {
            "disclosure": draft.disclosure_id,
            "sequence": 50,
            "name": "新项目",
            "implementing_unit": "中共澄江市委组织部",
            "basis_preamble": "根据",
        },
        "subitem": {"project": draft.pk, "sequence": 50, "name": "新子项目"},
        "lineitem": line_form(sub_item, sequence=90),
        "factor": {"line": line.pk, "sequence": 50, "value": "1", "unit": "人"},
        "milestone": {
            "sub_item": sub_item.pk,
            "sequence": 50,
            "description": "节点",
            "payment_mode": "one_off",
        },
        "citation": {
            "project": draft.pk,
            "sequence": 500,
            "pasted": "《关于模糊测试的通知》",
            "separator": "",
        },
        "fundingsource": {"project": draft.pk, "sequence": 50, "name": "自筹", "amount": "1万"},
        "performanceindicator": {
            "project": draft.pk,
            "sequence": 50,
            "level1": "output",
            "level2": "数量指标",
            "name": "新指标",
            "comparator": "ge",
            "target": "1",
            "unit": "个",
        },
    }
    return {"client": client, "rows": rows, "adds": adds}


def snapshot() -> tuple:
    """Every row of the project records and of their edit history, by count and content."""
    state = []
    for name in [*PROJECT_MODELS, "policydocument"]:
        model = apps.get_model("projects", name)
        state.append(tuple(model.objects.order_by("pk").values_list()))
        state.append(model.history.count())
    return tuple(state)


def form_fields(data: dict) -> list[str]:
    """The posted fields a person types into (not ids, management counts or the CSRF token)."""
    return sorted(
        key
        for key in data
        if not key.endswith(("-TOTAL_FORMS", "-INITIAL_FORMS", "-MIN_NUM_FORMS", "-MAX_NUM_FORMS"))
        and not key.endswith(("-id", "-DELETE"))
        and key not in ("csrfmiddlewaretoken",)
    )


def chinese_errors(response) -> list[str]:
    """Every error message of a re-shown admin page: the main form's and each inline row's."""
    context = response.context
    forms = [context["adminform"].form]
    messages = []

    def walk(formset):  # the project editor nests formsets in rows
        nonlocal forms, messages
        forms += formset.forms
        messages += list(formset.non_form_errors())
        for form in formset.forms:
            for nested in getattr(form, "nested_formsets", []):
                walk(nested)

    for inline in context.get("inline_admin_formsets", []):
        walk(inline.formset)
    for form in forms:
        for errors in form.errors.values():
            messages += list(errors)
    return [str(m) for m in messages]


def check_post(client, url, data, before):
    with transaction.atomic():
        response = client.post(url, data)
        status = response.status_code
        assert status < 500, (url, status)
        if status == 200:
            messages = chinese_errors(response)
            assert messages, f"re-shown without a message: {url}"
            for message in messages:
                assert CJK.search(message), message
            assert snapshot() == before, "a refused page wrote something"
        else:
            assert status in (302, 403), status
        transaction.set_rollback(True)


FUZZ = settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)


@pytest.mark.parametrize("model", PROJECT_MODELS)
def test_hostile_values_in_change_forms(world, model):
    client, row = world["client"], world["rows"][model]
    url = reverse(f"admin:projects_{model}_change", args=[row.pk])
    base = page_data(client.get(url))
    fields = form_fields(base)
    before = snapshot()

    @FUZZ
    @given(field=st.sampled_from(fields), value=HOSTILE)
    def post(field, value):
        check_post(client, url, base | {field: value}, before)

    post()


@pytest.mark.parametrize("model", PROJECT_MODELS)
def test_hostile_values_in_add_forms(world, model):
    client = world["client"]
    url = reverse(f"admin:projects_{model}_add")
    base = page_data(client.get(url)) | {k: str(v) for k, v in world["adds"][model].items()}
    # The unchanged form is accepted: each refusal below is the hostile value's.
    with transaction.atomic():
        response = client.post(url, base)
        assert response.status_code == 302, errors_of(response)
        transaction.set_rollback(True)
    fields = form_fields(base)
    before = snapshot()

    @FUZZ
    @given(field=st.sampled_from(fields), value=HOSTILE)
    def post(field, value):
        check_post(client, url, base | {field: value}, before)

    post()


def test_hostile_text_that_is_accepted_is_stored_as_written(world):
    """Markup and formula prefixes are text: stored exactly, shown escaped (the public
    surfaces and downloads are tested in test_exports.py)."""
    client, project = world["client"], world["rows"]["project"]
    url = reverse("admin:projects_project_change", args=[project.pk])
    name = '<script>alert(1)</script>=HYPERLINK("http://x")'
    response = client.post(url, page_data(client.get(url)) | {"name": name})
    assert response.status_code == 302
    assert Project.objects.get(pk=project.pk).name == name
    page = client.get(url).content.decode()
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page


def test_a_second_open_project_with_the_same_number_is_refused_at_the_form(world):
    """Found by the fuzzing above: the rule is conditional on the status, which is never on
    the form, so Django skipped it and the database's refusal was a 500."""
    client, draft = world["client"], world["rows"]["project"]
    url = reverse("admin:projects_project_add")
    data = page_data(client.get(url)) | {k: str(v) for k, v in world["adds"]["project"].items()}
    response = client.post(url, data | {"sequence": str(draft.sequence)})
    assert response.status_code == 200
    assert "本公开文本中已有相同序号的未公开项目" in errors_of(response)
    assert Project.objects.filter(disclosure=draft.disclosure).count() == 1
