"""The money chart: server-side SVG, to scale, every sub-item shown, text escaped."""

import re
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest

from projects.charts import BAR_WIDTH, Bar, money_bars
from projects.models import Project

SVG = "{http://www.w3.org/2000/svg}"


def parse(svg: str):
    return ET.fromstring(svg)


def test_bars_are_drawn_to_scale():
    root = parse(
        money_bars(
            [Bar("甲", Decimal("300000")), Bar("乙", Decimal("150000")), Bar("丙", None)],
            title="测试",
        )
    )
    widths = [int(rect.get("width")) for rect in root.iter(f"{SVG}rect")]
    assert widths == [BAR_WIDTH, BAR_WIDTH // 2]
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert texts == ["甲", "30万元", "乙", "15万元", "丙", "未列明金额"]


def test_user_text_cannot_inject_markup():
    svg = money_bars([Bar('<script>alert(1)</script>"&', Decimal("1"))], title="<b>")
    assert "<script>" not in svg and "<b>" not in svg
    parse(svg)  # still well-formed XML


def test_a_chart_with_no_amounts_at_all_draws_no_bars():
    root = parse(money_bars([Bar("甲", None), Bar("乙", Decimal("0"))], title="空"))
    assert list(root.iter(f"{SVG}rect")) == []


@pytest.mark.django_db
def test_project_page_embeds_the_chart_for_every_sub_item(client, seed):
    project = Project.objects.published().get(sequence=2)
    html = client.get(project.get_absolute_url()).content.decode()
    svg = re.search(r"<svg.*?</svg>", html, re.S).group()
    labels = [t.text for t in parse(svg).iter(f"{SVG}text")][::2]
    assert len(labels) == 10
    assert labels[9] == "10.村组干部意外伤害保险经费"
    assert "40.638万元" in svg
