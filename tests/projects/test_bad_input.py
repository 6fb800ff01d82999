"""Bad input in the admin gets a clear Chinese message at the field, and nothing is saved half:
the page is shown again with the error and the database is as it was."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from projects.forms import TEXT_LIMIT
from projects.models import Citation, Disclosure, LineItem, PolicyDocument, Project, SubItem

from .adminforms import errors_of, line_form, page_data
from .test_workflow import publish_draft

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(small_draft):
    """These tests post one wrong field at a time: the small draft has every kind of row the
    editor has, on a page a fifth the size (tests/conftest.py)."""
    return small_draft


def change_url(obj):
    return reverse(f"admin:projects_{obj._meta.model_name}_change", args=[obj.pk])


def post_changed(client, obj, **changes):
    """Post the object's change page with some fields changed; return the response."""
    data = page_data(client.get(change_url(obj))) | changes
    return client.post(change_url(obj), data)


def snapshot(project: Project) -> dict:
    return {
        "project": Project.objects.filter(pk=project.pk).values().get(),
        "sub_items": list(SubItem.objects.filter(project=project).values().order_by("pk")),
        "citations": list(Citation.objects.filter(project=project).values().order_by("pk")),
        "documents": PolicyDocument.objects.count(),
    }


def refused(response, message: str) -> None:
    assert response.status_code == 200, "the page is shown again, not saved"
    text = errors_of(response)
    assert message in text, text


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("-100", "金额不能为负数"),
        ("－5万元", "金额不能为负数"),
        ("2000000000000", "超过 1 万亿元"),
        ("1.5亿万元", "金额"),
        ("0.001", "金额"),
    ],
)
def test_a_bad_declared_total_is_refused_and_nothing_else_is_saved(
    admin_client, draft, typed, message
):
    before = snapshot(draft)
    response = post_changed(
        admin_client,
        draft,
        declared_total=typed,
        name="另一个名称",
        **{"sub_items-0-name": "改过的子项目"},
    )
    refused(response, message)
    assert snapshot(draft) == before


def test_a_fiscal_year_outside_2000_to_2100_is_refused(admin_client, draft):
    disclosure = draft.disclosure
    for year in ("1999", "2101"):
        response = post_changed(admin_client, disclosure, fiscal_year=year)
        refused(response, "2000")
    assert Disclosure.objects.get(pk=disclosure.pk).fiscal_year == 2024


def test_text_over_its_limit_is_refused(admin_client, draft):
    before = snapshot(draft)
    response = post_changed(admin_client, draft, outcomes="成" * (TEXT_LIMIT + 1))
    refused(response, str(TEXT_LIMIT))
    response = post_changed(admin_client, draft, name="名" * 201)
    refused(response, "200")
    assert snapshot(draft) == before


def test_a_sequence_clash_among_sub_items_is_refused(admin_client, draft):
    before = snapshot(draft)
    data = page_data(admin_client.get(change_url(draft)))
    data["sub_items-1-sequence"] = data["sub_items-0-sequence"]
    data["name"] = "另一个名称"
    response = admin_client.post(change_url(draft), data)
    assert response.status_code == 200
    assert "序号" in errors_of(response)
    assert snapshot(draft) == before


def line_page(client, sub_item, follow=False, **fields):
    return client.post(
        reverse("admin:projects_lineitem_add"),
        line_form(sub_item, name="新明细", **fields),
        follow=follow,
    )


def test_a_formula_that_contradicts_itself_is_refused(admin_client, draft):
    sub_item = SubItem.objects.filter(project=draft).order_by("sequence").first()
    response = line_page(
        admin_client, sub_item, declared_amount="", formula="60人×100元×2天=1.3万元"
    )
    refused(response, "计算式写明的结果 13,000.00元 与各数相乘所得 12,000.00元 不一致")
    assert not LineItem.objects.filter(sub_item=sub_item, sequence=99).exists()
    # The same line with matching figures is saved.
    response = line_page(admin_client, sub_item, declared_amount="1.2万", formula="60人×100元×2天")
    assert response.status_code == 302
    assert LineItem.objects.get(sub_item=sub_item, sequence=99).declared_amount == Decimal(12000)


def test_a_child_line_under_a_line_of_another_sub_item_is_refused(admin_client, draft):
    first, second = SubItem.objects.filter(project=draft).order_by("sequence")[:2]
    foreign = LineItem.objects.filter(sub_item=second).first()
    response = line_page(admin_client, first, parent=foreign.pk)
    assert response.status_code == 200
    assert "上级明细必须属于同一子项目" in errors_of(response)
    assert not LineItem.objects.filter(sub_item=first, sequence=99).exists()


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("（2014）104号", "缺少发文机关代字"),
        ("2014年104号", "不是有效的文号"),
        ("澄办发104号", "不是有效的文号"),
        ("澄办发〔2014〕104号 通知", "除文号外还有其他文字"),
        ("澄办发〔1900〕1号", "不在"),
    ],
)
def test_a_document_number_of_the_wrong_form_is_refused(admin_client, typed, message):
    response = admin_client.post(
        reverse("admin:projects_policydocument_add"),
        {"title": "某规定", "document_number": typed, "issuer_code": "", "issuing_body": ""},
    )
    refused(response, message)
    assert not PolicyDocument.objects.filter(title="某规定").exists()


def test_a_document_number_is_stored_in_its_standard_form(admin_client):
    response = admin_client.post(
        reverse("admin:projects_policydocument_add"),
        {"title": "某规定", "document_number": "澄办发【2014】104号", "issuing_body": ""},
    )
    assert response.status_code == 302
    document = PolicyDocument.objects.get(title="某规定")
    assert (document.document_number, document.issuer_code, document.year, document.serial) == (
        "澄办发〔2014〕104号",
        "澄办发",
        2014,
        104,
    )


# --- A citation made from a pasted citation ------------------------------------------------

PASTED = "《云南省老干部政治待遇的八项制度规定》（云办发〔2006〕1号）"


def add_citation(data: dict, project: Project, **fields) -> dict:
    index = int(data["citations-TOTAL_FORMS"])
    data["citations-TOTAL_FORMS"] = str(index + 1)
    row = {"sequence": "99", "document": "", "pasted": "", "cited_text": "", "separator": "；"}
    for name, value in (row | fields).items():
        data[f"citations-{index}-{name}"] = value
    data[f"citations-{index}-project"] = str(project.pk)
    return data


def citation_row(data: dict, sequence: int) -> str:
    """The prefix of the form fields (``citations-3``) of the citation with that number."""
    (row,) = (
        key.removesuffix("-sequence")
        for key, value in data.items()
        if key.startswith("citations-") and key.endswith("-sequence") and value == str(sequence)
    )
    return row


def test_a_pasted_citation_finds_or_creates_its_document(admin_client, draft):
    PolicyDocument.objects.filter(document_number="云办发〔2006〕1号").delete()
    Citation.objects.filter(document__document_number="云办发〔2006〕1号").delete()
    data = add_citation(page_data(admin_client.get(change_url(draft))), draft, pasted=PASTED)
    response = admin_client.post(change_url(draft), data)
    assert response.status_code == 302, errors_of(response)
    citation = Citation.objects.get(project=draft, sequence=99)
    assert citation.cited_text == PASTED
    assert citation.document.title == "云南省老干部政治待遇的八项制度规定"
    assert citation.document.document_number == "云办发〔2006〕1号"

    # Pasted again, in other brackets, it is the same document.
    documents = PolicyDocument.objects.count()
    data = page_data(admin_client.get(change_url(draft)))
    data = add_citation(data, draft, sequence="100", pasted=PASTED.replace("〔2006〕", "[2006]"))
    response = admin_client.post(change_url(draft), data)
    assert response.status_code == 302, errors_of(response)
    assert PolicyDocument.objects.count() == documents
    assert Citation.objects.get(project=draft, sequence=100).document == citation.document


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("、", ""), ("；", "；"), ("", "")],  # the default is cleared; what else is typed, kept
)
def test_the_last_citations_default_separator_is_cleared(admin_client, draft, typed, stored):
    before = dict(draft.citations.values_list("pk", "separator"))
    data = page_data(admin_client.get(change_url(draft)))
    data = add_citation(data, draft, pasted=PASTED, separator=typed)
    response = admin_client.post(change_url(draft), data)
    assert response.status_code == 302, errors_of(response)
    *others, was_last, last = Citation.objects.filter(project=draft).order_by("sequence")
    assert (last.sequence, last.separator) == (99, stored)
    # The one that was last gets the default before the new one; the others keep what the
    # source text had after each.
    assert (before[was_last.pk], was_last.separator) == ("", "、")
    assert {c.pk: c.separator for c in others} == {c.pk: before[c.pk] for c in others}


def test_the_citation_that_was_last_gets_the_default_before_a_new_one(admin_client, draft):
    *_, was_last = draft.citations.order_by("sequence")
    assert was_last.separator == ""  # as in the source text
    data = add_citation(page_data(admin_client.get(change_url(draft))), draft, pasted=PASTED)
    response = admin_client.post(change_url(draft), data)
    assert response.status_code == 302, errors_of(response)
    was_last.refresh_from_db()
    assert was_last.separator == "、"  # 《…》、《新的》, not 《…》《新的》
    # Unless staff wrote it themselves in the same save.
    data = page_data(admin_client.get(change_url(draft)))
    row = citation_row(data, 99)
    data[f"{row}-separator"] = ""
    data = add_citation(data, draft, sequence="100", pasted=PASTED)
    assert admin_client.post(change_url(draft), data).status_code == 302
    assert Citation.objects.get(project=draft, sequence=99).separator == ""


def test_a_citation_left_last_by_a_deletion_loses_its_default_separator(admin_client, draft):
    PolicyDocument.objects.filter(document_number="云办发〔2006〕1号").delete()
    Citation.objects.filter(document__document_number="云办发〔2006〕1号").delete()
    data = page_data(admin_client.get(change_url(draft)))
    # Two rows pasting the same new document: one document is made, and both cite it.
    data = add_citation(data, draft, pasted=PASTED, separator="、")
    data = add_citation(data, draft, sequence="100", pasted=PASTED, separator="、")
    response = admin_client.post(change_url(draft), data)
    assert response.status_code == 302, errors_of(response)
    (document,) = PolicyDocument.objects.filter(document_number="云办发〔2006〕1号")
    assert set(draft.citations.filter(sequence__gte=99).values_list("document", flat=True)) == {
        document.pk
    }
    between = Citation.objects.get(project=draft, sequence=99)
    assert between.separator == "、"  # between 99 and 100, as typed
    data = page_data(admin_client.get(change_url(draft)))
    row = citation_row(data, 100)
    data[f"{row}-DELETE"] = "on"
    response = admin_client.post(change_url(draft), data)
    assert response.status_code == 302, errors_of(response)
    between.refresh_from_db()
    assert between.separator == ""  # last now: nothing is printed before the closing words


@pytest.mark.parametrize(
    ("pasted", "message"),
    [
        ("云南省老干部政治待遇的八项制度规定", "书名号"),
        ("《规定一》《规定二》", "2 个文件标题"),
        ("《规定一》（云办发〔2006〕1号", ""),
        ("", "请选择政策文件，或粘贴引文"),
    ],
)
def test_a_citation_without_a_document_is_refused(admin_client, draft, pasted, message):
    before = snapshot(draft)
    data = add_citation(page_data(admin_client.get(change_url(draft))), draft, pasted=pasted)
    data["citations-0-document"] = data.get("citations-0-document", "")
    response = admin_client.post(change_url(draft), data)
    if pasted == "《规定一》（云办发〔2006〕1号":  # an unbalanced bracket is still one citation
        assert response.status_code == 302
        return
    refused(response, message)
    assert snapshot(draft) == before


def test_a_pasted_citation_creates_nothing_when_the_page_has_another_error(admin_client, draft):
    before = snapshot(draft)
    data = add_citation(
        page_data(admin_client.get(change_url(draft))),
        draft,
        pasted="《全新的规定》（澄办发〔2030〕7号）",
    )
    data["declared_total"] = "-1"
    response = admin_client.post(change_url(draft), data)
    refused(response, "金额不能为负数")
    assert snapshot(draft) == before
    assert not PolicyDocument.objects.filter(title="全新的规定").exists()


def test_a_document_cited_by_a_published_revision_keeps_its_title_and_number(
    admin_client, draft, users
):
    published = publish_draft(draft, users)
    document = Citation.objects.filter(project=published).first().document
    response = post_changed(admin_client, document, title="改过的标题")
    refused(response, "标题和文号不能再修改")
    assert PolicyDocument.objects.get(pk=document.pk).title == document.title
    # What is not cited may still be filled in.
    response = post_changed(admin_client, document, issuing_body="中共云南省委办公厅")
    assert response.status_code == 302
    from projects.models import FrozenRevisionError

    document.refresh_from_db()
    document.title = "改过的标题"
    with pytest.raises(FrozenRevisionError):
        document.save()


def test_a_formula_that_disagrees_with_its_amount_is_saved_warned_and_blocks_submission(
    admin_client, draft, users
):
    """The text may have it so (原文如此): saved with a warning, then the checks hold it."""
    from projects import workflow

    sub_item = SubItem.objects.filter(project=draft).order_by("sequence").first()
    response = line_page(
        admin_client, sub_item, declared_amount="1.3万", formula="60人×100元×2天", follow=True
    )
    assert response.status_code == 200
    warning = "按计算式得 12,000.00元，与申报金额 13,000.00元 不一致。已保存"
    assert warning in response.content.decode()
    line = LineItem.objects.get(sub_item=sub_item, sequence=99)
    assert line.declared_amount == Decimal("13000.00") and line.factors.count() == 3
    with pytest.raises(workflow.WorkflowError, match=r"相差 1,000\.00元"):
        workflow.submit(Project.objects.get(pk=draft.pk), users["clerk"])


@pytest.mark.parametrize(
    "changes",
    [
        {"lines-1-sequence": "1"},  # the 序号 of another line
        {"lines-0-sequence": "2", "lines-1-sequence": "1"},  # a swap, in one save
        {"lines-INITIAL_FORMS": "1"},  # a tampered form count: stored lines posted as new
    ],
)
def test_a_line_sequence_clash_on_the_sub_item_page_is_refused_not_a_500(
    admin_client, draft, changes
):
    sub_item = SubItem.objects.filter(project=draft, lines__isnull=False).order_by("sequence")[0]
    before = list(LineItem.objects.filter(sub_item=sub_item).values_list("pk", "sequence"))
    assert len(before) >= 3
    response = post_changed(admin_client, sub_item, **changes)
    refused(response, "相同序号")
    assert list(LineItem.objects.filter(sub_item=sub_item).values_list("pk", "sequence")) == before
