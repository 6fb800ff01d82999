"""A rate of another line (每月基本报酬×10%): entered as ①×10%, checked against that line's
amount, shown with it, and checked again when that line changes."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from budget.checks import LINE_FORMULA_MISMATCH
from projects import pagedoc, selectors, workflow
from projects.models import LineItem, Project
from tests.projects.adminforms import errors_of, line_form

pytestmark = pytest.mark.django_db


def with_a_base(draft: Project) -> LineItem:
    """Sub-item 1 of the seed's project 2 (村（社区）干部绩效补贴经费) with a line of basic pay."""
    return LineItem.objects.create(
        sub_item=draft.sub_items.get(sequence=1),
        sequence=1,
        marker="①",
        name="每月基本报酬",
        declared_amount=Decimal("528000.00"),
        amount_text="52.8万元",
    )


def add_rate(admin_client, base: LineItem, formula: str, declared: str):
    data = line_form(
        base.sub_item, sequence=2, marker="②", name="绩效补贴", formula=formula,
        declared_amount=declared,
    )  # fmt: skip
    return admin_client.post(reverse("admin:projects_lineitem_add"), data)


def rate_findings(draft: Project) -> list:
    return [
        f
        for f in workflow.findings(draft)
        if f.code == LINE_FORMULA_MISMATCH and f.location.label.endswith("绩效补贴")
    ]


def test_a_rate_of_another_line_is_entered_checked_and_shown(admin_client, draft):
    base = with_a_base(draft)
    response = add_rate(admin_client, base, "①×10%", "5.28万")
    assert response.status_code == 302, errors_of(response)
    rate = LineItem.objects.get(sub_item=base.sub_item, name="绩效补贴")
    assert [(f.value, f.unit) for f in rate.factors.all()] == [(Decimal("10"), "%")]
    assert rate_findings(draft) == []

    tree = selectors.with_tree(Project.objects.filter(pk=draft.pk)).get()
    (sub_item,) = [s for s in pagedoc.build(tree)["sub_items"] if s["sequence"] == 1]
    (row,) = [row for row in sub_item["rows"] if row["label"] == "②绩效补贴"]
    assert [f["value"] for f in row["factors"]] == ["528000元", "10%"]
    assert row["factors"][0]["label"] == "①每月基本报酬"
    assert row["computed"] == "52,800.00"

    # The base changes: the rate no longer gives its amount, and the checks say so.
    LineItem.objects.filter(pk=base.pk).update(declared_amount=Decimal("600000.00"))
    (finding,) = rate_findings(draft)
    assert finding.message.startswith("按计算式 600000元 × 10% = 60,000.00元")


def test_a_rate_that_does_not_give_its_amount_is_saved_and_flagged(admin_client, draft):
    base = with_a_base(draft)
    response = add_rate(admin_client, base, "①×10%", "6万")
    assert response.status_code == 302, errors_of(response)
    (finding,) = rate_findings(draft)
    assert finding.message.startswith(
        "按计算式 528000元 × 10% = 52,800.00元，申报金额为 60,000.00元"
    )


@pytest.mark.parametrize("formula", ["③×10%", "第9项×10%"])
def test_a_rate_of_a_line_that_is_not_there_is_refused(admin_client, draft, formula):
    base = with_a_base(draft)
    response = add_rate(admin_client, base, formula, "")
    assert response.status_code == 200
    assert "在本子项目中没有找到有金额的明细" in errors_of(response)
    assert not LineItem.objects.filter(name="绩效补贴").exists()


def test_a_rate_by_number_names_the_sub_items_own_line(admin_client, draft):
    base = with_a_base(draft)
    response = add_rate(admin_client, base, "第1项×12月×10%", "")
    assert response.status_code == 302, errors_of(response)
    rate = LineItem.objects.get(name="绩效补贴")
    tree = selectors.with_tree(Project.objects.filter(pk=draft.pk)).get()
    (node,) = [n for n in selectors.line_forest(tree.sub_items.get(sequence=1)) if n.line == rate]
    assert node.computed == Decimal("633600.00")  # 528000 × 12 × 10%
