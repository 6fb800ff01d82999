"""What comes in through an entrance (the admin, the loader, the importer) holds no control or
invisible formatting character, each refusal says in Chinese what and where, and a form too
large to read gets a page that says the limit instead of a bare 400."""

from __future__ import annotations

import copy
from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from budget.importer import decode_bytes
from projects.models import Factor, LineItem, PolicyDocument, Project
from projects.roles import CLERK
from projects.services import TreeError, load_disclosure_tree
from tests.projects.adminforms import errors_of, page_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(small_draft):
    """These tests post one wrong field at a time: the small draft has every kind of row the
    editor has, on a page a fifth the size (tests/conftest.py)."""
    return small_draft


RULE = "含有不可见或控制字符"


@pytest.fixture
def clerk(django_user_model, draft, settings):
    settings.DEBUG = False
    user = django_user_model.objects.create_user("clerk", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name=CLERK))
    draft.disclosure.department.members.add(user)
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


def change_url(obj):
    return reverse(f"admin:projects_{obj._meta.model_name}_change", args=[obj.pk])


@pytest.mark.parametrize(
    ("field", "value", "named"),
    [
        ("name", "项目\x07名称", "U+0007（响铃字符）"),
        ("name", "项目\x00名称", "U+0000（空字符 NUL）"),
        ("classification_code", "2013\u202e299", "U+202E（从右至左覆盖）"),
        ("classification_code", "\u200b2013299", "U+200B（零宽空格）"),
        ("implementing_unit", "中共澄江市委\u2066组织部", "U+2066（从左至右隔离）"),
        ("outcomes", "成效\x1b[31m", "U+001B（转义字符）"),
    ],
)
@pytest.mark.parametrize("multipart", [True, False])
def test_the_admin_refuses_hidden_characters_at_the_field(
    clerk, draft, field, value, named, multipart
):
    url = change_url(draft)
    data = page_data(clerk.get(url)) | {field: value}
    if multipart:
        response = clerk.post(url, data)
    else:
        response = clerk.post(
            url, urlencode(data, doseq=True), content_type="application/x-www-form-urlencoded"
        )
    if "\x00" in value and not multipart:
        # A NUL in a URL-encoded form is refused before any view (infra.middleware).
        assert response.status_code == 400 and "NUL" in response.content.decode()
    else:
        assert response.status_code == 200
        errors = response.context["adminform"].form.errors
        assert RULE in errors[field][0] and named in errors[field][0]
    assert getattr(Project.objects.get(pk=draft.pk), field) == getattr(draft, field)


def test_one_rule_for_titles_and_document_numbers(clerk):
    url = reverse("admin:projects_policydocument_add")
    # The clerk may register a new document; invisible characters are refused the same way
    # in its title as in its 文号.
    for data, field in (
        ({"title": "关于\u200b印发的通知", "document_number": "澄办发〔2014〕104号"}, "title"),
        (
            {"title": "关于印发的通知", "document_number": "澄办发\u200b〔2014〕104号"},
            "document_number",
        ),
    ):
        response = clerk.post(url, data)
        assert response.status_code in (200, 403)
        if response.status_code == 200:
            message = response.context["adminform"].form.errors[field][0]
            assert RULE in message and "U+200B（零宽空格）" in message
    assert not PolicyDocument.objects.filter(title__contains="印发的通知").exists()


def test_a_pasted_citation_with_a_hidden_character_is_refused(clerk, draft):
    url = change_url(draft)
    data = page_data(clerk.get(url))
    total = int(data["citations-TOTAL_FORMS"])
    data |= {
        "citations-TOTAL_FORMS": str(total + 1),
        f"citations-{total}-sequence": "999",
        f"citations-{total}-pasted": "《关于\u202e测试的通知》（澄办发〔2014〕104号）",
        f"citations-{total}-separator": "",
    }
    response = clerk.post(url, data)
    assert response.status_code == 200 and RULE in errors_of(response)
    assert not PolicyDocument.objects.filter(title__contains="测试的通知").exists()


def test_a_negative_factor_is_refused_in_chinese(clerk, draft):
    line = LineItem.objects.filter(sub_item__project=draft, factors__isnull=False).first()
    factor = line.factors.first()
    url = reverse("admin:projects_factor_change", args=[factor.pk])
    data = page_data(clerk.get(url)) | {"value": "-1"}
    response = clerk.post(url, data)
    assert response.status_code == 200
    text = errors_of(response)
    assert "因子数值不能为负数" in text and "factor_value_non_negative" not in text
    assert Factor.objects.get(pk=factor.pk).value == factor.value


def test_the_loader_refuses_control_characters(seed_tree, db):
    tree = copy.deepcopy(seed_tree)
    tree["projects"][0]["name"] = "干部教育\x07培训专项资金"
    with pytest.raises(TreeError, match="U\\+0007（响铃字符）"):
        load_disclosure_tree(tree)
    assert not Project.objects.exists()
    tree = copy.deepcopy(seed_tree)
    tree["projects"][0]["classification_code"] = "2013\u202e299"
    with pytest.raises(TreeError, match="U\\+202E"):
        load_disclosure_tree(tree)


def test_the_importer_removes_conversion_debris(tmp_path, db):
    source = (
        "中共澄江市委组织部2024年预算重点领域\n财政项目文本公开\n项目1.\n一、项目名称\n"
        "干部\x07教育\u200b培训专项资金\x0c\n三、项目实施单位\n中共澄江市委\u202e组织部\n"
        "六、资金安排情况\n安排150万元。\n"
    )
    decoded = decode_bytes(source.encode("utf-8"))
    for char in "\x07\u200b\u202e\x0c":
        assert char not in decoded.text
    path = tmp_path / "debris.txt"
    path.write_bytes(source.encode("utf-8"))
    try:
        call_command("import_disclosure", str(path), "--year", "2024", verbosity=0)
    except Exception as error:  # the importer may refuse this short text; never for debris
        assert RULE not in str(error)
    for project in Project.objects.all():
        assert project.name == "干部教育培训专项资金"
        assert project.implementing_unit == "中共澄江市委组织部"


def test_a_form_too_large_to_read_gets_a_page_that_says_the_limit(clerk, draft, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
    url = change_url(draft)
    data = page_data(clerk.get(url)) | {"outcomes": "长" * 400_000}
    for response in (
        clerk.post(
            url, urlencode(data, doseq=True), content_type="application/x-www-form-urlencoded"
        ),
        clerk.post(url, data),  # multipart
    ):
        assert response.status_code == 413
        page = response.content.decode()
        assert "1 MB" in page and "没有保存任何内容" in page and "后退" in page
        assert "no-store" in response["Cache-Control"]
    assert Project.objects.get(pk=draft.pk).outcomes == draft.outcomes


def test_too_many_fields_get_the_same_page(clerk, draft, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 50
    url = change_url(draft)
    data = page_data(clerk.get(url)) | {f"x{i}": "1" for i in range(60)}
    response = clerk.post(
        url, urlencode(data, doseq=True), content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 413 and "50 项" in response.content.decode()


def test_a_missing_page_is_chinese(clerk, settings):
    settings.DEBUG = False
    response = Client().get("/no-such-page/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "页面不存在" in page and "工作人员登录" in page and "Not Found" not in page
