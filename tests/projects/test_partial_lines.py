"""其中: a line whose children are only a part of it (共补助74.28万，其中玉溪市财政下达的26万),
entered in the admin, checked as a part, shown as one, and kept through the data and back."""

from __future__ import annotations

import copy
from decimal import Decimal

import pytest
from django.urls import reverse

from budget.checks import LINE_CHILDREN_MISMATCH
from projects import exports, selectors, workflow
from projects.models import LineItem, Project
from projects.services import TreeError, load_disclosure_tree
from tests.projects.adminforms import line_form

pytestmark = pytest.mark.django_db


def with_a_part(draft: Project) -> LineItem:
    """Sub-item 2 of the seed's project 2, as its text has it: 74.28万 in 2023, of which 26万
    came from 玉溪市."""
    sub_item = draft.sub_items.get(sequence=2)
    whole = LineItem.objects.create(
        sub_item=sub_item,
        sequence=2,
        name="2023年农村党员教育培训补助",
        declared_amount=Decimal("742800.00"),
        amount_text="74.28万",
        formula="7428人×100元/人",
    )
    LineItem.objects.create(
        sub_item=sub_item,
        parent=whole,
        sequence=1,
        name="玉溪市财政下达",
        declared_amount=Decimal("260000.00"),
        amount_text="26万",
    )
    return whole


def mismatches(project: Project) -> list:
    return [f for f in workflow.findings(project) if f.code == LINE_CHILDREN_MISMATCH]


def test_the_clerk_marks_a_part_and_the_error_goes(admin_client, draft):
    whole = with_a_part(draft)
    (error,) = mismatches(draft)
    assert "相差 482,800.00元" in error.message

    page = admin_client.get(reverse("admin:projects_lineitem_change", args=[whole.pk]))
    assert "下级只列其中一部分" in page.content.decode()
    data = line_form(
        whole.sub_item,
        sequence=whole.sequence,
        name=whole.name,
        declared_amount="74.28万",
        amount_text=whole.amount_text,
        formula=whole.formula,
        partial="on",
    )
    response = admin_client.post(reverse("admin:projects_lineitem_change", args=[whole.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    whole.refresh_from_db()
    assert whole.partial
    assert mismatches(draft) == []

    preview = admin_client.get(reverse("admin:projects_project_preview", args=[draft.pk]))
    assert "其中列出 1 项（部分）" in preview.content.decode()


def test_a_part_larger_than_the_whole_is_still_an_error(draft):
    whole = with_a_part(draft)
    LineItem.objects.filter(pk=whole.pk).update(partial=True)
    LineItem.objects.filter(parent=whole).update(declared_amount=Decimal("800000.00"))
    (error,) = mismatches(draft)
    assert "其中的部分不能大于整体" in error.message


def test_the_flag_is_part_of_what_is_submitted_and_only_when_set(draft):
    whole = with_a_part(draft)
    assert "partial" not in selectors._values(whole)  # digests made before the flag still hold
    before = selectors.content_digest(draft)
    LineItem.objects.filter(pk=whole.pk).update(partial=True)
    whole.refresh_from_db()
    assert selectors._values(whole)["partial"] == "True"
    assert selectors.content_digest(draft) != before


def test_the_flag_goes_out_in_the_data_and_comes_back(draft, seed_tree):
    whole = with_a_part(draft)
    LineItem.objects.filter(pk=whole.pk).update(partial=True)
    tree = selectors.with_tree(Project.objects.filter(pk=draft.pk)).get()
    node = exports.project_node(tree)
    (exported,) = [ln for ln in node["sub_items"][1]["lines"] if ln["name"] == whole.name]
    assert exported["partial"] is True
    assert exported["children"][0]["partial"] is False

    again = copy.deepcopy(seed_tree)
    again["department"] |= {"name": "另一单位", "short_name": "另一", "slug": "another"}
    again["disclosure"]["title"] = "另一单位2024年预算重点领域财政项目文本公开"
    node.pop("publication")
    again["projects"] = [node]
    load_disclosure_tree(again)
    loaded = LineItem.objects.get(
        sub_item__project__disclosure__department__slug="another", name=whole.name
    )
    assert loaded.partial and loaded.children.get().declared_amount == Decimal("260000.00")


def test_a_flag_that_is_not_true_or_false_is_refused(seed_tree):
    tree = copy.deepcopy(seed_tree)
    tree["department"] |= {"name": "另一单位", "short_name": "另一", "slug": "another"}
    tree["disclosure"]["title"] = "另一单位2024年预算重点领域财政项目文本公开"
    tree["projects"] = tree["projects"][:1]
    tree["projects"][0]["sub_items"][0]["lines"][0]["partial"] = "yes"
    with pytest.raises(TreeError, match="partial"):
        load_disclosure_tree(tree)
