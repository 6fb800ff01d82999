"""Entry as finance staff write it: amounts like 20万, formulas like 60人×100元×2天."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from budget.amounts import format_yuan
from projects.forms import AmountField
from projects.models import Factor, LineItem, SubItem

from .adminforms import line_form


@pytest.mark.parametrize(
    ("typed", "yuan"),
    [
        ("20万", "200000.00"),
        ("20万元", "200000.00"),
        ("200000", "200000.00"),
        ("200,000.00", "200000.00"),
        ("２０万元", "200000.00"),
        ("1.2万", "12000.00"),
        (" 3，516，344元 ", "3516344.00"),
    ],
)
def test_amount_field_reads_what_staff_type(typed, yuan):
    assert AmountField().clean(typed) == Decimal(yuan)


@pytest.mark.parametrize("typed", ["12三万元", "0.001", "二十万", "20万美元"])
def test_amount_field_explains_what_it_cannot_read(typed):
    with pytest.raises(ValidationError) as caught:
        AmountField().clean(typed)
    assert "金额" in caught.value.messages[0]


def test_an_empty_optional_amount_is_none():
    assert AmountField(required=False).clean("") is None


@given(st.decimals(min_value=0, max_value=Decimal("1e12"), places=2))
def test_what_the_field_shows_it_reads_back(value):
    field = AmountField()
    assert field.clean(field.prepare_value(value)) == value
    assert field.clean(format_yuan(value)) == value


@pytest.mark.django_db
def test_a_line_entered_with_a_formula_stores_its_factors(admin_client, draft):
    sub_item = SubItem.objects.filter(project=draft).first()
    response = admin_client.post(
        reverse("admin:projects_lineitem_add"),
        line_form(sub_item, declared_amount="1.2万", formula="60人×100元×2天"),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    line = LineItem.objects.get(sub_item=sub_item, sequence=99)
    assert line.declared_amount == Decimal("12000.00")
    assert [(f.value, f.unit) for f in line.factors.order_by("sequence")] == [
        (Decimal("60"), "人"),
        (Decimal("100"), "元"),
        (Decimal("2"), "天"),
    ]
    page = admin_client.get(reverse("admin:projects_lineitem_change", args=[line.pk]))
    assert "12,000.00元" in page.content.decode()

    # Changing the formula (and the amount with it) replaces the factors.
    form = line_form(sub_item, declared_amount="18000", formula="60人×100元×3天")
    admin_client.post(reverse("admin:projects_lineitem_change", args=[line.pk]), form)
    assert Factor.objects.filter(line=line).order_by("sequence").last().value == Decimal("3")

    # A line whose stored factors disagree with its amount (as imported from a text that
    # does not add up) is marked on its page.
    LineItem.objects.filter(pk=line.pk).update(declared_amount=Decimal("13000"))
    page = admin_client.get(reverse("admin:projects_lineitem_change", args=[line.pk]))
    assert "与申报金额不一致" in page.content.decode()


@pytest.mark.django_db
def test_a_bad_formula_or_amount_is_refused_with_the_reason(admin_client, draft):
    sub_item = SubItem.objects.filter(project=draft).first()
    response = admin_client.post(
        reverse("admin:projects_lineitem_add"),
        line_form(sub_item, declared_amount="12三万元", formula="60人×÷2天"),
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert "无法识别的计算式" in text and "无法识别的金额" in text
    assert not LineItem.objects.filter(sub_item=sub_item, sequence=99).exists()
