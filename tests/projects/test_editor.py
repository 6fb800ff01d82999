"""The project's one editor: the whole text on one page in its order, rows nested in place,
findings beside the rows they concern, and every error of a save listed at the top."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from projects.models import LineItem, Milestone, Project
from tests.projects.adminforms import page_data

pytestmark = pytest.mark.django_db


def editor(draft) -> str:
    return reverse("admin:projects_project_change", args=[draft.pk])


def test_the_page_follows_the_text_from_one_to_eight(admin_client, draft):
    page = admin_client.get(editor(draft)).content.decode()
    order = [
        "核对结果",
        "一、项目名称",
        "二、立项依据",
        'id="citations-group"',
        "立项依据结语",
        "三、项目实施单位",
        'id="sub_items-group"',
        "六、资金安排情况",
        'id="funding_sources-group"',
        "八、项目实施成效",
        'id="performance_indicators-group"',
        "修订与状态",
    ]
    places = [page.index(marker) for marker in order]
    assert places == sorted(places)


def test_lines_child_lines_and_milestones_are_in_place(admin_client, draft):
    page = admin_client.get(editor(draft)).content.decode()
    # Sub-item 6 (两新组织党建经费): line ① 市级财政经费 with its five parts, and eight milestones.
    six = draft.sub_items.get(sequence=6)
    index = list(draft.sub_items.order_by("sequence")).index(six)
    row = f"sub_items-{index}"
    assert f'name="{row}-lines-0-name" value="市级财政经费"' in page
    parts = re.findall(rf'name="{row}-lines-0-children-\d+-name" value="([^"]+)"', page)
    assert parts == [
        child.name for child in LineItem.objects.filter(parent__sub_item=six).order_by("sequence")
    ]
    assert len(parts) == 5
    milestones = re.findall(rf'name="{row}-milestones-\d+-sequence"', page)
    assert len(milestones) == Milestone.objects.filter(sub_item=six).count() == 8
    # Child lines are listed under their parent only, not again among the sub-item's lines.
    assert not re.search(rf'name="{row}-lines-\d+-name" value="党委工作补助经费"', page)


def test_a_finding_is_shown_beside_its_row(admin_client, draft):
    line = LineItem.objects.filter(sub_item__project=draft, parent__isnull=False).first()
    LineItem.objects.filter(pk=line.pk).update(declared_amount=line.declared_amount + 1)
    page = admin_client.get(editor(draft)).content.decode()
    row = re.search(
        rf'<tr[^>]*>(?:(?!</tr>).)*name="[^"]*-children-\d+-id" value="{line.pk}"'
        r"(?:(?!</tr>).)*</tr>",
        page,
        re.S,
    )
    assert row is not None
    assert "错误" in row.group(0) and "相差 1.00元" in row.group(0)


def test_a_save_of_the_whole_page_keeps_every_row(admin_client, draft):
    response = admin_client.get(editor(draft))
    data = page_data(response)
    child = next(key for key in data if re.fullmatch(r"sub_items-\d+-lines-0-children-0-name", key))
    data[child] = "党委工作补助经费（更正）"  # a part of line ① of sub-item 6, renamed in place
    data["sub_items-1-declared_amount"] = "60万"  # sub-item 2 states 50万 and its line 50万
    data["_continue"] = "1"
    before = LineItem.objects.filter(sub_item__project=draft).count()
    saved = admin_client.post(editor(draft), data)
    page = saved.content.decode()
    assert saved.status_code == 302, page[page.find("error-links") :][:3000]
    assert LineItem.objects.filter(sub_item__project=draft).count() == before
    assert LineItem.objects.filter(
        sub_item__project=draft, name="党委工作补助经费（更正）", parent__isnull=False
    ).exists()
    assert draft.sub_items.get(sequence=2).declared_amount == Decimal("600000.00")
    # The stored count of findings follows the save (the sub-item no longer adds up).
    assert Project.objects.get(pk=draft.pk).finding_count == draft.finding_count + 1


def test_a_finding_at_the_top_links_to_its_field_in_place(admin_client, draft):
    milestone = Milestone.objects.get(sub_item__project=draft, sub_item__sequence=8, sequence=1)
    page = admin_client.get(editor(draft)).content.decode()
    top = page[page.index("field-findings") : page.index("一、项目名称")]
    assert 'href="#id_sub_items-7-milestones-0-due_year"' in top
    assert f'value="{milestone.pk}" id="id_sub_items-7-milestones-0-id"' in page


def test_every_error_of_a_save_is_listed_at_the_top_with_a_link(admin_client, draft):
    data = page_data(admin_client.get(editor(draft)))
    field = next(key for key in data if re.fullmatch(r"sub_items-\d+-lines-0-declared_amount", key))
    data[field] = "约400万"
    response = admin_client.post(editor(draft), data)
    assert response.status_code == 200
    page = response.content.decode()
    top = page[page.index("error-links") : page.index("一、项目名称")]
    assert f'href="#id_{field}"' in top
    assert re.search(r"子项目第\d+行 › 测算明细第1行 申报金额（元）", top)


def test_the_editor_reads_each_kind_of_row_once(admin_client, draft, django_assert_num_queries):
    """Lines, child lines and milestones are read once for the page, however many there are."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as first:
        admin_client.get(editor(draft))
    sub_item = draft.sub_items.get(sequence=1)
    for number in range(1, 11):
        parent = LineItem.objects.create(
            sub_item=sub_item, sequence=number, name=f"新增明细{number}"
        )
        LineItem.objects.create(sub_item=sub_item, parent=parent, sequence=1, name="其中一项")
        Milestone.objects.create(sub_item=sub_item, sequence=number + 1, description="节点")
    with CaptureQueriesContext(connection) as second:
        admin_client.get(editor(draft))
    assert len(second) == len(first)
