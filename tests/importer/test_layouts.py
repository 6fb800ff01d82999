"""Layouts other than the eight sections: flattened tables, forms with labelled cells, annual
lists of many projects; and the rule that a department, unit or year is read only where the
text states it, never from a title's first words."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from budget.importer import parse_disclosure
from budget.importer.head import (
    labelled_department,
    labelled_year,
    organisation,
    publication_date,
    publishing_department,
    signing_department,
)
from budget.importer.listing import read_allocation, read_listing
from budget.importer.listing.paragraphs import given_then_left, run_on_items
from budget.importer.listing.prose import funds_given_apart
from budget.importer.nodes import TextImportError
from budget.importer.notices import projects_said, title_fund_name, title_project_name
from budget.importer.outline import Line, parse_outline, project_marker
from budget.importer.tables import form_total, single_value, unflatten
from tests.importer.helpers import names_and_totals


def test_unflatten_removes_cell_bars_and_keeps_the_line_count():
    text = "项目名称 |\n||||||\n农村文化建设配套补助经费 |\n序号 | 项目名称 | 投资"
    out = unflatten(text)
    assert out.split("\n") == ["项目名称", "", "农村文化建设配套补助经费", "序号 | 项目名称 | 投资"]


@given(st.lists(st.text(alphabet="项目名称|｜ 5万元\t", max_size=12), max_size=8))
def test_unflatten_never_changes_the_number_of_lines(lines):
    text = "\n".join(lines)
    assert unflatten(text).count("\n") == text.count("\n")


def _named_amounts(names: list[str], most: int, *, size: int = 6):
    """Two to ``size`` of ``names``, each once, with a whole amount from 1 to ``most``."""
    return st.lists(
        st.tuples(st.sampled_from(names), st.integers(min_value=1, max_value=most)),
        min_size=2,
        max_size=size,
        unique_by=lambda named: named[0],
    )


@pytest.mark.parametrize(
    ("text", "field", "value", "rest"),
    [
        ("|", "name", "", ""),
        (
            "2023年加工园配套设施建设项目 项目分类 资产资源类",
            "name",
            "2023年加工园配套设施建设项目",
            "项目分类 资产资源类",
        ),
        (
            "农村文化建设配套补助经费 | 主管部门 | 淮北市文化旅游体育局",
            "name",
            "农村文化建设配套补助经费",
            "主管部门 | 淮北市文化旅游体育局",
        ),
        ("项目责任单位:庄浪县农业农村局", "unit", "庄浪县农业农村局", ""),
        # Cells run on in one sentence: the next label ends the value.
        (
            "项目名称:2021年赵村生产道路建设项目,建设性质:新建;总投资:75万元",
            "name",
            "2021年赵村生产道路建设项目",
            ",建设性质:新建;总投资:75万元",
        ),
        (
            "2021年红土乡食用菌产业项目(项目代码:2111-500236-04-05-191177)。",
            "name",
            "2021年红土乡食用菌产业项目",
            "(项目代码:2111-500236-04-05-191177)。",
        ),
        # A unit whose cell runs on into a sentence about it.
        (
            "实施主体:卢村乡人民政府根据行动方案明确职责:农服中心、水利站",
            "unit",
            "卢村乡人民政府",
            "根据行动方案明确职责:农服中心、水利站",
        ),
        ("实施单位:中共澄江市委组织部", "unit", "中共澄江市委组织部", ""),
        ("(盖章)青神县发展和改革局", "unit", "青神县发展和改革局", ""),
        ("汝州市农业农村局 耿向南", "unit", "汝州市农业农村局", "耿向南"),
        ("实施单位及责任人:塔秀乡人民政府昂青夫", "unit", "塔秀乡人民政府", "昂青夫"),
        # Without a person's label or a space, the words stay: 澄江市委组织部 is one unit.
        ("中共澄江市委组织部", "unit", "中共澄江市委组织部", ""),
        # A field run on after a full stop, its label and colon (一、项目名称。X。项目代码:…)
        (
            "某镇2023年脆红李产业示范园建设项目。项目代码:2302-*-04-05-*。",
            "name",
            "某镇2023年脆红李产业示范园建设项目",
            "。项目代码:2302-*-04-05-*。",
        ),
        # Two cells of one unit a PDF's text set side by side: the unit once.
        (
            "广水市交通运输局 广水市交通运输局 项目负责人 某某",
            "unit",
            "广水市交通运输局",
            "广水市交通运输局 项目负责人 某某",
        ),
        (
            "云雾土家族乡 项目负责人 徐德迁 联系电话 13452649655",
            "unit",
            "云雾土家族乡",
            "项目负责人 徐德迁 联系电话 13452649655",
        ),
    ],
)
def test_a_single_value_is_cut_from_its_label_and_the_next_cells(text, field, value, rest):
    assert single_value(text, field) == (value, rest)


@pytest.mark.parametrize(
    ("text", "department"),
    [
        ("主管部门及代码 | [077]淮北市文化旅游体育局 | 实施单位", "淮北市文化旅游体育局"),
        ("主管部门 219-池州市贵池区棠溪镇人民政府", "池州市贵池区棠溪镇人民政府"),
        ("预算单位:青神县发展和改革局", "青神县发展和改革局"),
        # (a people's organisation by its short name: 区残联, 县妇联)
        ("预算单位:某区残联", "某区残联"),
        ("主管部门:关于下达资金的通知", ""),  # not a unit's name
        ("项目名称:某项目", ""),
        # a cell in a row of cells (a form glued onto a line)
        ("项目名称 2023年文物保护经费 主管部门及代码 404-永济市文化和旅游局", "永济市文化和旅游局"),
        # never one of a form's levels in mid-row, whose own row names the levels above
        ("市级财政部门 | 韶关市财政局 | 市级主管部门 | 韶关市教育局 |", ""),
        ("报请主管部门审批后实施", ""),
    ],
)
def test_a_department_is_taken_from_its_label_only_when_it_names_a_unit(text, department):
    assert labelled_department(text) == department


@pytest.mark.parametrize(
    ("text", "year"),
    [("项目支出绩效目标表\n(2025年度)", 2025), ("预算年度:2024", 2024), ("建于2019年", None)],
)
def test_a_year_is_taken_from_its_label(text, year):
    assert labelled_year(text) == year


def test_a_title_that_does_not_name_a_unit_gives_no_department_and_says_so():
    text = "关于崇明区2024年农村公路养护项目的通知\n项目名称：农村公路养护\n项目资金：5万元\n"
    result = parse_disclosure(text)
    department = result.tree["department"]["name"]
    assert not department.startswith("关于")
    assert any(f.field == "department" for f in result.findings)


def test_a_text_without_a_year_is_read_and_the_year_flagged_not_refused():
    result = parse_disclosure("项目名称：农村公路养护\n实施单位：某县交通运输局\n")
    assert result.tree["disclosure"]["fiscal_year"] is None
    assert [f.field for f in result.findings if f.field == "fiscal_year"] == ["fiscal_year"]
    assert result.tree["projects"][0]["implementing_unit"] == "某县交通运输局"


def test_a_flattened_form_gives_the_name_not_its_bar():
    text = (
        "2025年项目支出绩效目标表\n项目名称 |\n农村文化建设配套补助经费 |\n"
        "实施单位 |\n淮北市文化旅游体育局 |\n"
    )
    project = parse_disclosure(text).tree["projects"][0]
    assert project["name"] == "农村文化建设配套补助经费"
    assert project["implementing_unit"] == "淮北市文化旅游体育局"


TABLE = """2024年某县衔接资金项目计划表
单位：万元
序号 | 项目名称 | 建设地点 | 建设内容 | 投资规模 | 责任单位
1 | 甲村道路硬化 | 甲村 | 硬化道路2公里 | 120 | 某镇人民政府
2 | 乙村饮水工程 | 乙村 | 新建管道3000米 | 45.5 | 某县水利局
合计 | | | | 165.5 |
"""


def test_a_table_of_projects_gives_one_project_a_row_in_the_tables_unit():
    listed = read_listing(TABLE)
    assert [(p.name, p.unit, p.amount.value) for p in listed] == [
        ("甲村道路硬化", "某镇人民政府", Decimal("1200000")),
        ("乙村饮水工程", "某县水利局", Decimal("455000.0")),
    ]
    assert listed[0].content == ["序号：1", "建设地点：甲村", "建设内容：硬化道路2公里"]
    projects = parse_disclosure(TABLE).tree["projects"]
    assert [p["declared_total_yuan"] for p in projects] == ["1200000.00", "455000.00"]


def test_an_amount_without_a_unit_in_a_table_without_one_is_flagged_not_guessed():
    text = TABLE.replace("单位：万元\n", "")
    result = parse_disclosure(text)
    assert [p["declared_total_yuan"] for p in result.tree["projects"]] == [None, None]
    assert sum(f.field == "declared_total" for f in result.findings) == 2


def test_a_table_flattened_one_cell_a_line_is_counted_off_by_its_header():
    cells = [
        "序号",
        "项目名称",
        "建设内容",
        "资金(万元)",
        "1",
        "水果基地",
        "续建",
        "20",
        "2",
        "蔬菜基地",
        "新建",
        "30",
    ]
    listed = read_listing("\n".join(cells))
    assert [(p.name, p.amount.value) for p in listed] == [
        ("水果基地", Decimal("200000")),
        ("蔬菜基地", Decimal("300000")),
    ]


def test_a_one_cell_a_line_table_steps_over_subtotals_and_reads_a_row_a_total_cuts_short():
    cells = ["单位:万元", "序号", "村名", "项目名称", "建设内容", "资金金额"]
    cells += ["1", "苗儿村", "水果基地", "续建", "20", "小计", "20"]
    cells += ["2", "兴旺村", "葡萄基地", "续建", "10(其中,灾情因素6万元)"]
    cells += ["3", "小额信贷贴息", "12", "合计", "42"]
    listed = read_listing("\n".join(cells))
    assert [(p.name, p.amount.value) for p in listed] == [
        ("水果基地", Decimal("200000")),
        # The note's 6万元 is not the row's amount; the note is kept with the row.
        ("葡萄基地", Decimal("100000")),
        ("小额信贷贴息", Decimal("120000")),
    ]
    assert "金额：10(其中,灾情因素6万元)" in listed[1].content
    # A short row whose cells could be read two ways is not read at all.
    ambiguous = [*cells[: cells.index("3")], "3", "兴旺村", "葡萄基地", "12", "合计", "42"]
    assert len(read_listing("\n".join(ambiguous))) == 2


NESTED_LIST = """金寨县2025年第一批财政衔接资金分配结果公告
一、资金来源
2025年中央财政衔接推进乡村振兴补助资金15587万元(皖财农〔2024〕1179号)，共计15587万元。
二、资金分配情况
(一)安排产业发展项目资金14343.83万元。
1、安排千万工程产业项目资金3558.83万元(其中:中央财政衔接资金2825万元)。
2、安排农业产业项目资金10785万元。
(二)安排基础设施建设项目资金1243.17万元。
1、安排安全饮水项目资金1243.17万元。
三、监督电话
举报电话:12317
"""


def test_a_list_inside_a_list_gives_projects_with_their_sub_items():
    result = parse_disclosure(NESTED_LIST)
    projects = result.tree["projects"]
    assert [(p["name"], p["declared_total_yuan"]) for p in projects] == [
        ("产业发展项目", "143438300.00"),
        ("基础设施建设项目", "12431700.00"),
    ]
    assert [(s["name"], s["declared_amount_yuan"]) for s in projects[0]["sub_items"]] == [
        ("千万工程产业项目", "35588300.00"),
        ("农业产业项目", "107850000.00"),
    ]
    # The document the money comes under, named by its number alone, is each one's basis.
    for project in projects:
        assert [(c["cited_text"], c["document_number"]) for c in project["citations"]] == [
            ("皖财农〔2024〕1179号", "皖财农〔2024〕1179号")
        ]
    # 一、资金来源 and 三、监督电话 are headings, not projects; their lines are kept.
    assert "举报电话:12317" in projects[0]["outcomes"]


def test_items_naming_their_money_on_their_own_line_are_a_list():
    text = (
        "三、项目具体安排情况\n"
        "(一)2022年凤泉区大块镇新旺现代牧场建设项目43万元(省级资金43万元)\n"
        "责任单位:大块镇人民政府\n"
        "(二)2022年凤泉区耿黄镇东张门村标准化厂房项目144万元(省级资金144万元)\n"
        "责任单位:耿黄镇人民政府\n"
    )
    assert [(p.name, p.amount.value, p.unit) for p in read_listing(text)] == [
        ("2022年凤泉区大块镇新旺现代牧场建设项目", Decimal("430000"), "大块镇人民政府"),
        ("2022年凤泉区耿黄镇东张门村标准化厂房项目", Decimal("1440000"), "耿黄镇人民政府"),
    ]
    # Headings numbered the same way, with money only in the prose below, are no list.
    notice = (
        "一、项目资金使用情况\n下达项目资金1570万元。截至目前支出1522.9万元。\n"
        "二、项目实施情况\n已全部完工。\n"
    )
    assert read_listing(notice) == []


def test_items_naming_their_project_then_a_colon_and_its_money_are_a_list():
    item = (
        "{n}.叶城县2026年{town}种植业基地配套建设(少数民族发展任务)项目(ycssmz20260{n}):"
        "投资340万元,本次安排资金310万元。建设内容:新建0.6-1m³/s防渗渠4公里及配套,"
        "85万元/公里。建设地点:{town}1村。由{town}按照《中华人民共和国招标投标法》的相关"
        "规定组织实施,水利局负责监督指导服务。\n项目责任单位:{town}、水利局\n"
    )
    text = "(一)实施产业发展项目2个,安排项目资金620万元。\n" + "".join(
        item.format(n=n, town=town) for n, town in ((1, "洛克乡"), (2, "宗朗乡"))
    )
    listed = read_listing(text)
    assert [(p.name, p.amount.value, p.unit) for p in listed] == [
        (
            "叶城县2026年洛克乡种植业基地配套建设(少数民族发展任务)项目",
            Decimal("3400000"),
            "洛克乡、水利局",
        ),
        (
            "叶城县2026年宗朗乡种植业基地配套建设(少数民族发展任务)项目",
            Decimal("3400000"),
            "宗朗乡、水利局",
        ),
    ]
    # The description after the money stays the project's, and its calculation is a line
    # with the project's amount: 4公里 × 85万元 = 340万元.
    project = parse_disclosure(text, year=2026).tree["projects"][0]
    [line] = project["sub_items"][0]["lines"]
    assert (line["formula"], line["amount_yuan"]) == ("4公里×85万元", "3400000.00")


def test_numbered_items_with_their_money_are_projects_and_plain_numbered_paragraphs_are_not():
    text = (
        "1.西卜沙乡人饮巩固提升工程\n投资:500万元 实施单位:泽库县农牧水利和科技局\n"
        "2.司玛村人畜饮水安全工程\n投资:230万元 实施单位:泽库县农牧水利和科技局\n"
    )
    assert [(p.name, p.amount.value, p.unit) for p in read_listing(text)] == [
        ("西卜沙乡人饮巩固提升工程", Decimal("5000000"), "泽库县农牧水利和科技局"),
        ("司玛村人畜饮水安全工程", Decimal("2300000"), "泽库县农牧水利和科技局"),
    ]
    assert read_listing("1.加强领导\n各单位要高度重视。\n2.严格管理\n专款专用。\n") == []
    assert read_listing("1.项目名称:某项目\n2.项目资金:5万元\n") == []


DEPARTMENT_BUDGET = """叶集区文化旅游体育局2025年项目支出说明
1.“文化中心运营专项经费”项目。
(1)项目概述。主要用于文化中心整体运营。
(2)立项依据。《公共文化服务保障法》。
(3)实施主体。六安市叶集区文化旅游体育局。
(4)起止时间。2025年1月1日-2025年12月31日
(5)项目内容。文化中心运营主要包括场馆运营费、水电费4部分。
(6)年度预算安排。财政拨款634万元。
(7)绩效目标。保障文化中心日常运转。
2.“文旅体专项经费”项目。
(1)项目概述。主要用于文化、旅游专项工作支出。
(3)实施主体。六安市叶集区文化旅游体育局。
(6)年度预算安排。财政拨款306.18万元。
"""


def _projects(text):
    return [
        (p["name"], p["implementing_unit"], p["declared_total_yuan"], len(p["citations"]))
        for p in parse_disclosure(text).tree["projects"]
    ]


def test_a_department_budget_text_with_numbered_parts_gives_its_projects():
    assert _projects(DEPARTMENT_BUDGET) == [
        ("文化中心运营专项经费", "六安市叶集区文化旅游体育局", "6340000.00", 1),
        ("文旅体专项经费", "六安市叶集区文化旅游体育局", "3061800.00", 0),
    ]


def _flat(values):
    for value in values:
        if isinstance(value, list):
            yield from _flat(value)
        else:
            yield value


def test_the_same_text_run_together_on_one_line_reads_the_same_and_points_at_that_line():
    title, *rest = DEPARTMENT_BUDGET.strip().split("\n")
    run_on = title + "\n" + " ".join(rest) + "\n"
    assert _projects(run_on) == _projects(DEPARTMENT_BUDGET)
    result = parse_disclosure(run_on)
    # Every line a finding or a value points at is a line of the input (2 lines here).
    lines = [f.line for f in result.findings if f.line] + [
        n for item in result.sources for n in _flat(item.values()) if n
    ]
    assert lines and set(lines) <= {1, 2}


def test_a_sentence_that_starts_with_a_keyword_is_not_a_heading():
    text = "2024年某局项目文本\n项目名称：某项目\n项目内容。这句话不是标题。\n"
    project = parse_disclosure(text).tree["projects"][0]
    assert project["name"] == "某项目"


def test_a_project_text_with_a_breakdown_table_or_numbered_parts_stays_one_project():
    table = (
        "2024年某县交通运输局项目文本\n项目名称：农村公路养护经费\n实施单位：某县公路中心\n"
        "序号 | 项目 | 测算依据 | 金额（元）\n1 | 日常养护 | 412公里×1500元 | 618000\n"
        "2 | 桥梁检测 | 12座×5000元 | 60000\n六、资金安排情况\n共67.8万元。\n"
    )
    parts = (
        "2024年某县农业农村局项目文本\n项目名称：高标准农田建设\n实施单位：某县农业农村局\n"
        "1.田间道路建设\n资金：200万元\n2.灌溉设施\n资金：100万元\n"
    )
    for text, name in ((table, "农村公路养护经费"), (parts, "高标准农田建设")):
        projects = parse_disclosure(text).tree["projects"]
        assert [p["name"] for p in projects] == [name]


def test_a_table_ends_with_its_last_row_and_text_below_is_no_project():
    text = (
        TABLE.replace("合计 | | | | 165.5 |\n", "")
        + "公示期：2024年3月1日至3月7日\n监督电话：12317\n"
    )
    assert [p.name for p in read_listing(text)] == ["甲村道路硬化", "乙村饮水工程"]


def test_the_amount_is_the_money_column_not_a_standard_and_a_yuan_table_reads_in_yuan():
    text = (
        "序号 | 项目名称 | 补助标准 | 资金规模（元） | 备注\n"
        "1 | 甲村种植补助 | 200元/亩 | 1200000 | \n"
        "2 | 乙村养殖补助 | 500元/头 | 300000 | 新增\n"
    )
    listed = read_listing(text)
    assert [(p.name, p.amount.value) for p in listed] == [
        ("甲村种植补助", Decimal("1200000")),
        ("乙村养殖补助", Decimal("300000")),
    ]
    assert "补助标准：200元/亩" in listed[0].content


def test_a_flattened_table_that_lost_a_cell_is_not_read_shifted():
    cells = [
        "序号",
        "项目名称",
        "建设内容",
        "资金(万元)",
        "1",
        "水果基地",
        "20",
        "2",
        "蔬菜基地",
        "新建",
        "30",
    ]
    # Row 1 lost its 建设内容: counting off would put 2 in its amount. Read from 序号 to 序号
    # instead, as guesses that staff are told to check.
    listed = read_listing("\n".join(cells))
    assert [(p.name, p.amount.value, p.misaligned) for p in listed] == [
        ("水果基地", Decimal("200000"), True),
        ("蔬菜基地", Decimal("300000"), True),
    ]


def test_a_column_heading_after_a_label_is_no_value_and_is_flagged():
    text = "2023年项目分配表\n项目名称\n省份\n实施单位\n总投资(万元)\n"
    result = parse_disclosure(text)
    project = result.tree["projects"][0]
    assert project["name"] != "省份"
    assert project["implementing_unit"] != "总投资(万元)"
    assert {"name", "implementing_unit"} <= {f.field for f in result.findings}


def test_a_public_notice_states_its_total_under_its_own_headings():
    text = (
        "关于2023年某县干鲜果建园项目的公示\n一、项目名称\n某县干鲜果建园项目\n"
        "二、项目建设内容及规模\n建园1444亩，每亩奖补500元。\n"
        "三、项目总投资及资金来源\n项目投资:财政衔接推进乡村振兴补助资金72.2万元。\n"
    )
    project = parse_disclosure(text).tree["projects"][0]
    assert project["declared_total_yuan"] == "722000.00"


def test_a_section_heading_that_opens_a_text_is_not_taken_for_its_name():
    text = (
        "关于某工程立项的批复\n一、项目建设地址：某街道某社区\n二、项目建设内容及规模\n"
        "新建服务中心380平方米。\n三、项目总投资：362万元。\n"
    )
    result = parse_disclosure(text)
    name = result.tree["projects"][0]["name"]
    assert "地址" not in name and "规模" not in name
    assert "name" in {f.field for f in result.findings}


def test_a_person_named_after_the_unit_under_a_heading_that_says_so_is_left_out():
    text = "2019年某县项目公示\n1.项目名称:环保建设项目\n6.实施单位及责任人:塔秀乡人民政府昂青夫\n"
    project = parse_disclosure(text).tree["projects"][0]
    assert project["implementing_unit"] == "塔秀乡人民政府"


NOTICE = (
    "近日,船山区老池镇2023年中央财政以工代赈项目实施方案文本已经我单位审查并批复,"
    "批复文号为:遂船发改许可〔2022〕120号。该项目总投资450万元,拟争取中央财政衔接资金400万元。\n"
    + """现将《实施方案》进行公示,望广大群众予以监督。
监督举报电话:12317
遂宁市船山区发展和改革局
2022年9月28日
"""
)


def test_a_notice_about_one_project_named_in_its_title_is_that_project():
    result = parse_disclosure(NOTICE, year=2023)
    [project] = result.tree["projects"]
    assert project["name"] == "船山区老池镇2023年中央财政以工代赈项目"
    assert project["declared_total_yuan"] == "4500000.00"  # 总投资, not the 400万 asked for
    assert [c["document_number"] for c in project["citations"]] == ["遂船发改许可〔2022〕120号"]
    # The unit that signed it, above its date, is the department; the implementing unit is
    # not stated, so it is flagged, not guessed.
    assert result.tree["department"]["name"] == "遂宁市船山区发展和改革局"
    assert any(f.field == "implementing_unit" for f in result.findings)
    assert result.sources[0]["declared_total"] == 1
    # Every line is kept.
    assert not [f for f in result.findings if f.severity == "error"]


def test_a_notice_whose_title_names_no_project_is_refused_with_the_reason():
    with pytest.raises(Exception, match="没有找到任何项目"):
        parse_disclosure(
            "关于做好2024年防汛工作的通知\n各乡镇要高度重视。\n某县水利局\n2024年5月1日\n"
        )


@pytest.mark.parametrize(
    ("text", "department"),
    [
        ("正文。\n遂宁市船山区发展和改革局\n2022年9月28日\n", "遂宁市船山区发展和改革局"),
        (
            "正文。\n邵阳市北塔区财政局   邵阳市北塔区农业农村水利局\n20191227\n",
            "邵阳市北塔区财政局、邵阳市北塔区农业农村水利局",
        ),
        ("正文。\n特此公告。\n2022年9月28日\n", ""),  # no unit above the date
        ("正文。\n遂宁市船山区发展和改革局\n联系电话:12317\n", ""),  # no date below the unit
    ],
)
def test_the_signing_unit_is_the_one_above_the_date(text, department):
    assert signing_department(text) == department


def test_a_form_row_printed_on_one_line_is_read_cell_by_cell():
    text = (
        "广水市马坪镇中心中学项目申报表 项目名称:城乡义务教育补助经费-校舍安全保障长效机制省级资金"
        " 项目编码: 项目单位(盖章):广水市马坪镇中心中学 主管部门:广水市教育局 申报日期: 2022\n"
        "项目立项依据:《湖北省义务教育学校校舍安全保障长效机制实施办法》\n"
    )
    result = parse_disclosure(text, year=2023)
    [project] = result.tree["projects"]
    assert project["name"] == "城乡义务教育补助经费-校舍安全保障长效机制省级资金"
    assert project["implementing_unit"] == "广水市马坪镇中心中学"
    assert result.tree["department"]["name"] == "广水市教育局"
    # Findings still point at the input's lines.
    assert {f.line for f in result.findings if f.line} <= {1, 2}


def test_a_text_without_a_basis_section_cites_the_documents_its_sentences_name():
    text = (
        "关于汉滨区新城办社区服务中心建设项目可行性研究报告的批复\n"
        "你局报来的汉发计字〔2007〕149号文件《关于上报社区服务中心建设项目可行性研究报告的报告》"
        "收悉,经研究,现批复如下:\n"
        "一、项目名称:汉滨区新城办社区服务中心建设项目\n"
        "二、项目总投资:120万元\n"
    )
    result = parse_disclosure(text, year=2007)
    [project] = result.tree["projects"]
    assert [(c["title"], c["document_number"]) for c in project["citations"]] == [
        ("关于上报社区服务中心建设项目可行性研究报告的报告", "汉发计字〔2007〕149号")
    ]
    assert any(f.field == "citations" and f.severity == "info" for f in result.findings)


def test_numbering_that_goes_on_across_group_headings_makes_the_inner_items_the_projects():
    text = (
        "(一)产业类项目3个,共计1592万元。\n"
        "(1)种植类产业项目2个,共计1142万元。\n"
        "1.大同区冷棚育苗基地建设项目850万元。\n"
        "2.大同区超大棚室种植基地建设项目292万元。\n"
        "(2)养殖类产业项目1个,450万元。\n"
        "3.大同区生态养殖场区建设项目450万元。\n"
        "(二)基础设施类项目1个,共计1600万元。\n"
        "4.大同区农村道路改造项目1个,1600万元。\n"
        "特此公示。\n"
    )
    listed = read_listing(text)
    assert [(p.name, p.amount.value) for p in listed] == [
        ("大同区冷棚育苗基地建设项目", Decimal("8500000")),
        ("大同区超大棚室种植基地建设项目", Decimal("2920000")),
        ("大同区生态养殖场区建设项目", Decimal("4500000")),
        ("大同区农村道路改造项目", Decimal("16000000")),
    ]
    assert all(not p.parts for p in listed)


def test_an_items_money_is_read_from_its_labelled_line_among_its_description():
    text = (
        "二、资金安排\n"
        "(一)兴仁镇川裕村渠道改造项目\n"
        "该项目砌护渠道共计7.59千米,配套建设渠道构筑物741座。\n"
        "资金规模:206.7万元。\n"
        "资金来源:少数民族发展项目资金173万元。\n"
        "(二)香山乡米粮川村水利配套设施项目\n"
        "该项目砌护渠道48条,长11.27千米。\n"
        "资金规模:154.16万元。\n"
        "三、公示期限\n"
        "2021年7月28日至2021年8月10日\n"
    )
    listed = read_listing(text)
    assert [(p.name, p.amount.value) for p in listed] == [
        ("兴仁镇川裕村渠道改造项目", Decimal("2067000")),  # 资金规模, not the fund's share
        ("香山乡米粮川村水利配套设施项目", Decimal("1541600")),
    ]
    assert listed[0].content[0].startswith("该项目砌护渠道")
    assert "资金来源:少数民族发展项目资金173万元。" in listed[0].content
    # The next heading ends the item: 三、公示期限 and its date are not the second item's.
    assert listed[1].lines == [6, 7, 8]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "金额单位:万元\n项目总预算 65 财政资金预算分类 一般公共预算\n当年年度预算 65",
            ("65万元", 2),
        ),
        ("项目总预算(万元) 75.00      项目当年预算(万元) 25.00", ("75.00万元", 1)),
        (
            "填报单位:(盖章) 单位:万元 |\n年度本级 预算金额 |\n250万 |\n上级资金 |\n0 |",
            ("250万元", 3),
        ),
        ("资金情况 (万元)\n年度资金总额:\n\n854万(高标准农田建设400万元)", ("854万元", 4)),
        (
            "年度预算数(万元) |\n年初预算 |\n调整后预算数 |\n预算执行数 |\n预算执行率 |\n"
            "总额 |\n238.93 |\n251.89 |\n250.10 |\n99.29% |",
            ("251.89万元", 8),
        ),
        (
            "预算执行情况 | 年度预算数(万元) | 年初预算 | 调整后预算数 | 预算执行数 |\n"
            "总额 | 0.00 | 3.36 | 3.36 |",
            ("3.36万元", 2),
        ),
        # The unit in the row's heading cell before the label, or on its own line after it.
        (
            "项目资金 (万元) | 年度资金总额: | 6070.00 |\n其中:财政拨款 | 6070.00 |",
            ("6070.00万元", 1),
        ),
        ("项目资金\n(万元) |\n年度资金总额: |\n1000.00 |", ("1000.00万元", 4)),
        ("项目申报金额\n(万元)\n2243.02\n项目属性延续", ("2243.02万元", 3)),
        # (or in the first cell of the header row above the label's)
        (
            "预算执行情况(万元) (20分) | 预算数(A) | 执行数(B) | 执行率(B/A) |\n"
            "年度财政资金总额 | 278.4449 | 30.00 | 10.77% |",
            ("278.4449万元", 2),
        ),
        # A form glued onto a line, parted by its labels: the money rows' heading merged down
        # beside them lands on the line after the first.
        (
            "项目期 实施期资金总额: 1,000,000 其中:中央财政资金 0\n"
            "项目资金 (元) 市县(区)财政资 1,000,000 金 0 单位自筹",
            ("1,000,000元", 1),
        ),
        ("项目总预算 65 财政资金预算分类", None),  # no unit stated anywhere: not guessed
        ("预算单位:某县财政局\n项目总预算 65", None),  # 预算单位 names a unit of government
        ("项目总预算 待定", None),
    ],
)
def test_a_forms_money_is_read_from_the_cell_after_its_label_in_the_unit_it_states(text, expected):
    assert form_total(text) == expected


@given(
    value=st.decimals(min_value=0, max_value=99_999, places=2, allow_nan=False),
    unit=st.sampled_from(["万元", "元"]),
)
def test_any_forms_total_is_read_exactly_in_the_unit_of_its_label(value, unit):
    assert form_total(f"项目名称 某项目\n项目总预算({unit}) | {value} |") == (f"{value}{unit}", 2)


@pytest.mark.parametrize(
    ("text", "department"),
    [
        # The issuer before 关于 in a title.
        (
            "清水县果品产业发展中心关于\n清水县三类户干鲜果建园项目的公示\n一、项目名称\n某项目\n",
            "清水县果品产业发展中心",
        ),
        # A form's 主管部门 cell, its value on the next line, ending in 本级.
        (
            "项目名称 |\n工资性支出 |\n主管部门 |\n青神县发展和改革局本级 |\n",
            "青神县发展和改革局本级",
        ),
        # The publisher the page names, without the page's furniture after it.
        (
            "项目公示\n发布时间:2019-09-30 信息来源: 芜湖市卫生健康委阅读次数:\n"
            "一、项目名称\n某项目\n",
            "芜湖市卫生健康委",
        ),
        # Joint issuers written apart are listed with 、.
        (
            "益阳市财政局 益阳市民政局关于下达2017年自然灾害生活补助资金的通知\n"
            "一、项目名称\n某项目\n",
            "益阳市财政局、益阳市民政局",
        ),
        # A cited document's issuer is not this text's: its signer is.
        (
            "《安徽省农业委员会 安徽省财政厅关于做好项目实施工作的通知》文件,下达我县资金。\n"
            "一、项目名称\n某项目\n绩溪县农业委员会\n2018年9月4日\n",
            "绩溪县农业委员会",
        ),
        # The signature, above its date, before a publisher's short name.
        (
            "信息来源: 区交通委\n一、项目名称\n某项目\n上海市宝山区交通委员会\n2025年9月28日\n",
            "上海市宝山区交通委员会",
        ),
        # A page's record naming one issuer with the date, the signature naming it and more.
        (
            "关于下达2023年文旅专项资金的通知\n青文旅〔2023〕17号\n上海市青浦区文化和旅游局\n"
            "2023.03.21\n一、项目名称\n某项目\n上海市青浦区文化和旅游局 上海市青浦区财政局\n"
            "2023年3月21日\n",
            "上海市青浦区文化和旅游局、上海市青浦区财政局",
        ),
        # Joint issuers a line each above a title that starts with 关于.
        (
            "彭水农发〔2024〕210号\n彭水县农业农村委员会\n彭水县财政局\n关于下达2025年小额信贷贴息"
            "项目计划的通知\n一、项目名称:2025年小额信贷贴息。\n",
            "彭水县农业农村委员会、彭水县财政局",
        ),
        # A letterhead naming them again above their line is no third issuer.
        (
            "平湖市农业经济局 |\n文件 |\n平湖市财政局 |\n平农经〔2018〕88号\n"
            "平湖市农业经济局 平湖市财政局\n关于下达2018年水稻生态补贴项目建设计划的通知\n"
            "一、项目名称\n某项目\n",
            "平湖市农业经济局、平湖市财政局",
        ),
    ],
)
def test_the_department_is_the_unit_the_text_names_as_its_issuer(text, department):
    assert parse_disclosure(text, year=2024).tree["department"]["name"] == department


def test_a_title_with_no_unit_before_its_subject_names_no_department():
    result = parse_disclosure("关于崇明区2024年项目的公示\n一、项目名称\n某项目\n", year=2024)
    assert any(f.field == "department" for f in result.findings)


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("项目名称:昌宁县田园镇2025年中央财政以工代赈项目。\n总投资:398.98万元\n", 2025),
        ("部门预算项目支出绩效自评表(2023年度) | |||\n项目名称 | 安可替代补助资金项目 |\n", 2023),
        # Names that state different years state none for the text.
        ("1.甲村2023年道路项目\n投资:5万元\n2.乙村2024年饮水项目\n投资:6万元\n", None),
    ],
)
def test_the_year_is_read_where_a_form_or_the_projects_names_state_it(text, year):
    result = parse_disclosure(text)
    assert result.tree["disclosure"]["fiscal_year"] == year
    flags = [f.message for f in result.findings if f.field == "fiscal_year"]
    if year is None:
        assert flags and "未能识别" in flags[0]
    elif "年度)" in text:
        assert not flags  # the form's title states it
    else:
        assert flags and "取自项目名称" in flags[0]  # inferred, so staff are sent to it


def test_a_text_whose_sections_name_no_project_takes_the_name_its_title_gives():
    text = (
        "关于金东门南面低洼渍水地段旧城改造项目立项的批复\n"
        "岳阳楼区三眼桥街道办事处:\n"
        "一、建设内容及规模\n"
        "改造低洼渍水地段道路1.2公里。\n"
        "二、项目总投资\n"
        "项目总投资120万元。\n"
    )
    result = parse_disclosure(text, year=2011)
    [project] = result.tree["projects"]
    assert project["name"] == "金东门南面低洼渍水地段旧城改造项目"
    assert result.sources[0]["name"] == 1
    # Read from the title, not from a 项目名称 cell: staff are sent to check it.
    assert [f.message for f in result.findings if f.field == "name"] == [
        "项目名称取自标题，请核对。"
    ]


@pytest.mark.parametrize(
    "title",
    [
        "和田市2020年中央预算内以工代赈示项目资金计划公示公告",  # a fund's plan, not a project
        "关于甲村道路项目和乙村饮水项目的公示",  # two projects
    ],
)
def test_a_title_that_names_no_one_project_gives_no_name(title):
    result = parse_disclosure(
        f"{title}\n一、建设内容\n修路。\n二、项目总投资\n5万元。\n", year=2020
    )
    assert any(f.field == "name" and f.severity == "warning" for f in result.findings)


def test_one_row_of_a_table_that_names_its_columns_is_one_project_with_its_calculation():
    text = (
        "2024年度柯桥区油茶种植奖补情况公示\n"
        "序号 | 单位名称 | 项目 | 面积 | 奖补标准 | 金额 |\n"
        "1 | 绍兴市柯桥区五百岗农场 | 2024年度柯桥区油茶种植项目 | 276亩 | 1000元/亩 | 27.6万元 |\n"
    )
    result = parse_disclosure(text)
    [project] = result.tree["projects"]
    assert (project["name"], project["implementing_unit"], project["declared_total_yuan"]) == (
        "2024年度柯桥区油茶种植项目",
        "绍兴市柯桥区五百岗农场",
        "276000.00",
    )
    [line] = project["sub_items"][0]["lines"]
    assert [(f["value"], f["unit"]) for f in line["factors"]] == [("276", "亩"), ("1000", "元")]
    assert line["amount_yuan"] == "276000.00"  # the row's amount: the product matches


def test_items_giving_the_money_then_what_it_is_for_are_projects_with_their_parts():
    text = (
        "一、资金分配\n"
        "(一)投入57万元用于坛洛镇坛洛村天等岭产业配套设施建设项目,由坛洛镇牵头实施。\n"
        "(二)投入183万元用于各单位项目管理费:\n"
        "1.双定镇项目管理费,计划投入20万元;\n"
        "2.坛洛镇项目管理费,计划投入163万元。\n"
        "(三)安排50万元用于云盖寺镇黑窑沟村村集体经济项目(定点帮扶资金)。\n"
    )
    listed = read_listing(text)
    assert [(p.name, p.amount.value, p.unit) for p in listed] == [
        ("坛洛镇坛洛村天等岭产业配套设施建设项目", Decimal("570000"), "坛洛镇"),
        ("各单位项目管理费", Decimal("1830000"), ""),
        ("云盖寺镇黑窑沟村村集体经济项目", Decimal("500000"), ""),
    ]
    assert [(p.name, p.amount.value) for p in listed[1].parts] == [
        ("双定镇项目管理费", Decimal("200000")),
        ("坛洛镇项目管理费", Decimal("1630000")),
    ]


FUND_NOTICE = """重庆市荣昌区财政局文件
荣财农〔2021〕99号
重庆市荣昌区财政局
关于提前下达2022年水库移民后期扶持基金(资金)的通知
区水利局:
根据《重庆市财政局关于提前下达2022年水库移民后期扶持基金预算的通知》(渝财农〔2021〕133号)文件,现将2022年水库移民后期扶持基金(资金)3039万元(其中:中央资金2888万元,市级资金151万元)下达给你们。
请按照《重庆市财政局关于提前下达2022年水库移民后期扶持基金预算的通知》(渝财农〔2021〕133号)要求,及时填报《中央水库移民扶持基金绩效目标申报表》(附件3)。
"""


def test_an_allocation_notice_about_one_fund_is_that_fund_with_the_amount_it_states():
    result = parse_disclosure(FUND_NOTICE)
    [project] = result.tree["projects"]
    assert project["name"] == "2022年水库移民后期扶持基金(资金)"
    assert project["declared_total_yuan"] == "30390000.00"
    # Each document once; not the notice's own number, not the form it asks for.
    assert [c["document_number"] for c in project["citations"]] == ["渝财农〔2021〕133号"]
    assert result.tree["department"]["name"] == "重庆市荣昌区财政局"


def test_a_notice_saying_which_one_project_the_money_supports_is_that_project():
    text = (
        "兴安盟生态环境局关于拟分配提前下达的2024年中央农村环境整治专项资金预算的公示\n"
        "自治区向我盟下达了农村环境整治资金,合计737.04万元。\n"
        "此笔资金737.04万元,拟支持科右前旗农村生活污水治理项目(项目总投资9935.88 万元,"
        "建设集中污水处理站)。\n"
    )
    [project] = parse_disclosure(text).tree["projects"]
    assert project["name"] == "科右前旗农村生活污水治理项目"
    assert project["declared_total_yuan"] == "99358800.00"


@pytest.mark.parametrize(
    "title",
    [
        "关于2026年帮扶资金和集体经济资金分配的公告",  # two funds
        "关于2026年帮扶资金和乡村振兴资金使用的公告",
    ],
)
def test_a_text_whose_project_cannot_be_read_is_one_project_of_it_all_flagged(title):
    """Not one fund of its own in the title, no 项目名称, no list: rather than a refusal, one
    project holding the whole text, named by its title, with its one stated sum; staff are
    told to check the name and the amount and to split it where it holds several."""
    result = parse_disclosure(f"{title}\n资金共计100万元。\n")
    [project] = result.tree["projects"]
    assert project["name"] in title
    assert project["declared_total_yuan"] == "1000000.00"
    flagged = {f.field for f in result.findings if f.severity == "warning"}
    assert {"projects", "name", "declared_total"} <= flagged


def test_a_whole_text_project_takes_no_sum_that_is_not_the_texts_own():
    result = parse_disclosure("关于资金分配的公告\n甲镇50万元,乙镇30万元。\n")
    [project] = result.tree["projects"]
    assert project["declared_total_yuan"] is None  # two sums, none said to be the whole


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("某公示\n发布时间:2023-12-25  点击:\n正文。", ("2023-12-25", 2)),
        ("某公示\n成文日期: 2022年11月07日\n正文。", ("2022-11-07", 2)),
        ("正文。\n遂宁市船山区发展和改革局\n2022年9月28日\n", ("2022-09-28", 3)),
        ("正文。\n特此公告。\n2022年9月28日\n", None),  # no unit signs above the date
        ("发布时间:2023-02-30\n正文。", None),  # no such day
    ],
)
def test_the_date_a_text_was_published_is_read_where_it_says_so(text, published):
    assert publication_date(text) == published


def test_a_calculation_in_a_numbered_line_is_never_taken_for_a_projects_name():
    # Found by the no-line-lost property test: 1.60人×100元×2天 named a project "60人×".
    assert read_listing("1.60人×100元×2天\n2.经费\n") == []
    result = parse_disclosure(
        "一、项目名称\n\n五、项目实施内容\n1.60人×100元×2天\n2.经费\n", year=2024
    )
    assert [p["name"] for p in result.tree["projects"]] != ["60人×", "经费"]
    assert all("×" not in p["name"] for p in result.tree["projects"])


@pytest.mark.parametrize(
    ("text", "check"),
    [
        # Funding sources numbered like items are not projects.
        (
            "关于某县2024年村道硬化项目实施方案的公示\n一、资金来源\n"
            "1.中央财政衔接资金300万元\n2.县级配套资金100万元\n",
            lambda r: "中央财政衔接资金" not in [p["name"] for p in r.tree["projects"]],
        ),
        # Of two totals, the project's own (该项目…), never the first.
        (
            "关于甲村道路硬化项目的公示\n全县今年计划总投资3000万元。\n该项目总投资45万元。\n",
            lambda r: r.tree["projects"][0]["declared_total_yuan"] == "450000.00",
        ),
        # Of a fund's sums, the one it totals (共计), never a balance written first.
        (
            "关于下达2024年农业补助资金的通知\n上年结余资金5万元已收回。本次下达资金共计300万元。\n",
            lambda r: r.tree["projects"][0]["declared_total_yuan"] == "3000000.00",
        ),
        # The standard title names no project of its own.
        (
            "中共澄江市委组织部2024年预算重点领域财政项目文本公开\n二、立项依据\n根据规定。\n",
            lambda r: r.tree["projects"][0]["name"] == "项目1",
        ),
        # 资金来源：… is not the page's publisher.
        (
            "一、项目名称\n某项目\n二、立项依据\n资金来源：县财政局。\n",
            lambda r: r.tree["department"]["name"] != "县财政局",
        ),
    ],
)
def test_what_a_notice_does_not_say_is_not_read_into_it(text, check):
    assert check(parse_disclosure(text, year=2024))


def test_a_notice_read_from_its_title_and_prose_has_its_name_and_amount_flagged():
    result = parse_disclosure(NOTICE, year=2023)
    flagged = {f.field for f in result.findings if f.severity == "warning"}
    assert {"name", "declared_total"} <= flagged  # inferred, so the preview sends staff there


def test_a_short_row_is_not_read_where_another_column_holds_numbers():
    cells = ["单位:万元", "序号", "项目名称", "面积", "资金金额", "备注"]
    cells += ["1", "水果基地", "20", "30", "续建", "2", "葡萄基地", "276", "合计"]
    assert [p.name for p in read_listing("\n".join(cells))] == ["水果基地"]


def test_named_parts_in_brackets_that_make_up_a_forms_total_are_its_sub_items():
    text = (
        "乡村振兴衔接资金绩效目标申报表\n项目名称\n岳阳县2022年高标准农田建设项目\n"
        "资金情况 (万元)\n年度资金总额:\n"
        "854万(高标准农田建设400万元,示范建设295万元,畅通工程159万元)\n"
    )
    [project] = parse_disclosure(text, year=2022).tree["projects"]
    assert project["declared_total_yuan"] == "8540000.00"
    assert [(s["name"], s["declared_amount_yuan"]) for s in project["sub_items"]] == [
        ("高标准农田建设", "4000000.00"),
        ("示范建设", "2950000.00"),
        ("畅通工程", "1590000.00"),
    ]
    # Parts that do not make up the total are not taken for its breakdown.
    short = text.replace("畅通工程159万元", "畅通工程100万元")
    [project] = parse_disclosure(short, year=2022).tree["projects"]
    assert len(project["sub_items"]) <= 1


def test_a_name_cell_holding_no_name_is_kept_as_written():
    # Found by the no-line-lost property test: 一、项目名称 / ≥95% lost its line.
    text = "某县财政局2024年预算重点领域财政项目文本公开\n项目1.\n一、项目名称\n≥95%"
    result = parse_disclosure(text)
    assert "≥95%" in result.tree["projects"][0]["outcomes"]
    assert not [f for f in result.findings if "未能保留" in f.message]


GUIDE = """南昌县扶持新型农业经营主体发展项目申报指南
一、扶持对象
全县农业乡镇的县级示范性家庭农场、农民合作社。
三、补贴标准
由县财政每年安排专项资金80万元,其中:家庭农场12家,每家扶持资金2万元,小计24万元;农民合作社4家,每家扶持资金3万元,小计12万元;工作经费4万元;
四、申请程序:乡镇初审并向县农业农村局推荐。
"""


def test_a_notices_parts_and_their_calculations_are_sub_items_beside_their_line():
    result = parse_disclosure(GUIDE, year=2024)
    [project] = result.tree["projects"]
    assert [
        (sub["name"], sub["declared_amount_yuan"], [line["formula"] for line in sub["lines"]])
        for sub in project["sub_items"]
    ] == [
        ("家庭农场", "240000.00", ["12家×2万元"]),
        ("农民合作社", "120000.00", ["4家×3万元"]),
        ("工作经费", "40000.00", []),
    ]
    line = project["sub_items"][0]["lines"][0]
    assert line["amount_yuan"] == "240000.00"  # its 小计
    assert [factor["unit"] for factor in line["factors"]] == ["家", "万元"]
    assert project["funding_sources"] == []  # parts of the money, not where it comes from
    # Each is shown beside the line of the text it was read from.
    assert result.sources[0]["sub_items"] == [5, 5, 5]
    assert result.sources[0]["lines"] == [[5], [5], []]


# A one-cell-a-line table with a two-row header whose empty cells were left out in flattening
# and one cell wrapped over two lines; the text stops inside its last row.
MISALIGNED = """义津镇2019年美丽乡村省级中心村建设项目资金安排表
序号
类别
项目名称
项目主要建设内容
资金总投入(万元)
奖补标准
备注
整合
奖补
自筹
小计
1
垃圾处理
合理配置分类垃圾桶、垃圾清运设备等。
5
5
5万元/村。
2
房前屋后
环境整治
开展55户房前屋后“三清四拆”整治工作。
16
16
三清四拆0.2万元/户;
3
污水处理
铺设污
"""


def test_rows_that_do_not_line_up_with_their_header_are_read_as_flagged_guesses():
    result = parse_disclosure(MISALIGNED, year=2019)
    projects = result.tree["projects"]
    assert [(p["name"], p["declared_total_yuan"]) for p in projects] == [
        ("垃圾处理", "50000.00"),
        ("房前屋后", "160000.00"),  # the wrapped cell's first line: a guess, flagged
    ]
    for number in (1, 2):
        flagged = {f.field for f in result.findings if f.project == number}
        assert {"name", "declared_total"} <= flagged
    # The header's 项目名称 is a column's name, never a label whose value is the next column.
    assert "项目主要建设内容" not in {p["name"] for p in projects}
    # The cut-off last row is not a project; its lines are kept, and staff are told that
    # the table goes on past the rows read.
    assert "铺设污" in projects[0]["outcomes"]
    [unread] = [f for f in result.findings if f.field == "rows"]
    assert "第2行为止" in unread.message and "序号3" in unread.message


def test_a_rate_or_a_rule_in_a_numbered_list_is_never_a_project():
    text = (
        "三、资金使用方向建议\n"
        "(一)每个市级乡村振兴示范点120万元用于示范点产业发展、基础设施建设等方面。\n"
        "(二)易地扶贫搬迁后续扶持资金190万元用于支持搬迁群众发展。\n"
        "(三)按照脱贫人口和边缘人口因素法分配资金,补齐脱贫攻坚工作短板弱项。\n"
        "(四)资金不得用于与巩固拓展脱贫攻坚成果无关的支出。\n"
    )
    names = [item.name for item in read_listing(text)]
    assert not any(name.startswith(("每", "按照", "资金不得")) for name in names)
    assert Decimal("1200000") not in {item.amount.value for item in read_listing(text)}


def test_a_units_budget_code_is_not_part_of_its_name():
    text = (
        "2018年项目支出绩效目标申报表\n"
        "项目名称 2018年市级专项扶贫资金基础设施\n"
        "主管部门 南岳镇政府 实施单位 [610001]湖南省润山润水生态农业发展有限公司\n"
        "项目资金 50万元\n"
    )
    [project] = parse_disclosure(text, year=2018).tree["projects"]
    assert project["implementing_unit"] == "湖南省润山润水生态农业发展有限公司"
    # A code written before a dash (a budget system's export) goes too.
    dashed = text.replace("[610001]", "219001-")
    [project] = parse_disclosure(dashed, year=2018).tree["projects"]
    assert project["implementing_unit"] == "湖南省润山润水生态农业发展有限公司"


def test_each_listed_project_cites_what_its_own_lines_act_under_but_not_what_they_mention():
    text = (
        "1.甲村饮水工程项目:投资20万元,由甲村按照《中华人民共和国招标投标法》组织实施。\n"
        "2.乙村道路项目:投资30万元,路面质量符合《公路工程技术标准》。\n"
    )
    projects = parse_disclosure(text, year=2024).tree["projects"]
    assert [[c["title"] for c in p["citations"]] for p in projects] == [
        ["中华人民共和国招标投标法"],
        [],
    ]


def test_projects_without_a_basis_section_cite_the_documents_their_money_comes_under():
    text = (
        "一、甲县金银花债权投资扶贫项目\n"
        "项目名称:甲县金银花债权投资扶贫项目\n"
        "投资资金:300万元(绥财农【2022】9号、绥财农【2022】11号\n"
        "二、甲县辣椒产业债权投资项目\n"
        "项目名称:甲县辣椒产业债权投资项目\n"
        "投资资金:331万元(绥财农【2022】1号)\n"
    )
    projects = parse_disclosure(text, year=2022).tree["projects"]
    assert [[c["document_number"] for c in p["citations"]] for p in projects] == [
        ["绥财农〔2022〕9号", "绥财农〔2022〕11号"],
        ["绥财农〔2022〕1号"],
    ]


def test_each_project_of_a_text_takes_the_calculations_its_own_lines_state():
    text = (
        "卢氏县乡村振兴局项目资金安排情况公告\n"
        "一、卢氏县雨露计划职业教育项目\n"
        "1.实施地点:卢氏县;\n"
        "2.投资预算:260万元;\n"
        "3.实施单位及责任人:卢氏县乡村振兴局;\n"
        "二、卢氏县雨露计划短期技能培训项目\n"
        "1.实施地点:卢氏县;\n"
        "2.主要建设内容:短期技能培训1200人,每人2000元;\n"
        "3.投资预算:40万元;\n"
        "4.实施单位及责任人:卢氏县乡村振兴局;\n"
    )
    result = parse_disclosure(text, year=2022)
    first, second = result.tree["projects"]
    assert (first["declared_total_yuan"], second["declared_total_yuan"]) == (
        "2600000.00",
        "400000.00",
    )
    assert not any(sub["lines"] for sub in first["sub_items"])
    [line] = second["sub_items"][0]["lines"]
    assert (line["formula"], line["amount_yuan"]) == ("1200人×2000元", None)
    assert result.sources[1]["lines"] == [[8]]


def test_an_approval_of_several_projects_gives_each_the_request_it_answers_and_its_money():
    text = (
        "关于崇明区2025年农田建设项目(第二批)的批复\n"
        "崇明区农业农村委员会、财政局:\n"
        "《关于申报崇明区2025年农田建设项目(第二批)的请示》(沪崇农发〔2025〕78号)收悉。"
        "经研究,现批复如下:\n"
        "一、崇明区绿华镇绿港村高标准农田建设项目(新建)\n"
        "1. 实施单位:上海绿华资产经营有限公司。\n"
        "2. 投资情况:项目批复总投资1541.77万元,其中市级财政1387.59万元,区级财政154.18万元。\n"
        "二、崇明区绿华镇合作西场高标准农田建设项目(新建)\n"
        "1. 实施单位:上海绿华资产经营有限公司。\n"
        "2. 投资情况:项目批复总投资445.81万元,其中市级财政401.23万元,区级财政44.58万元。\n"
    )
    projects = parse_disclosure(text, year=2025).tree["projects"]
    assert [p["declared_total_yuan"] for p in projects] == ["15417700.00", "4458100.00"]
    assert [[c["document_number"] for c in p["citations"]] for p in projects] == [
        ["沪崇农发〔2025〕78号"],
        ["沪崇农发〔2025〕78号"],
    ]


def test_a_tables_next_column_heading_is_never_the_projects_name():
    text = "2023年新增地方政府专项债券项目绩效评价表\n项目名称\n债券性质\n自评分数\n"
    result = parse_disclosure(text, year=2023)
    assert result.tree["projects"][0]["name"] != "债券性质"
    assert any(f.field == "name" for f in result.findings)


def test_a_web_pages_record_of_the_document_is_not_its_title():
    text = (
        "索  引 号: 11220200MB1717396G/2022-09252\n"
        "发文机关: 吉林市农业农村局\n"
        "成文日期: 2022年11月07日\n"
        "标      题: 关于拨付2021年度吉林市本级黑土地保护利用项目资金的公示\n"
        "2021年省下达我市黑土地保护利用项目资金200万元。\n"
    )
    result = parse_disclosure(text)
    # 2022 is when it was written; the year it budgets for is the title's.
    assert result.tree["disclosure"]["fiscal_year"] == 2021


BONDS = """2023年新增地方政府专项债券项目绩效评价表

单位:亿元

项目名称

债券性质

截至2023年底已发债券规模

自评分数

自评等级

绍兴二院兰亭院区(康复医院)工程

其他项目收益专项债券

0.2

96.5

绍兴市柯桥区马鞍医院建设工程

其他项目收益专项债券

1.0

92
"""


def test_a_table_without_row_numbers_is_counted_off_by_the_length_its_rows_share():
    # Cells one a line apart by blank lines; every row left its 自评等级 empty.
    assert [(p.name, p.amount.value) for p in read_listing(BONDS)] == [
        ("绍兴二院兰亭院区(康复医院)工程", Decimal("20000000")),
        ("绍兴市柯桥区马鞍医院建设工程", Decimal("100000000")),
    ]
    # Rows that fit no one length (a cell missing in the middle of one) are not read.
    broken = BONDS.replace("其他项目收益专项债券\n\n1.0", "1.0")
    assert read_listing(broken) == []


def test_a_row_ending_in_its_amount_does_not_swallow_the_next_row():
    # Row 2 left its 备注 out, so its last cell is a number and the 3 after it opens row 3.
    text = MISALIGNED.replace("三清四拆0.2万元/户;\n", "").replace(
        "3\n污水处理\n铺设污\n", "3\n污水处理\n铺设污水管网。\n20\n20\n"
    )
    assert [(p.name, p.amount.value) for p in read_listing(text)] == [
        ("垃圾处理", Decimal("50000")),
        ("房前屋后", Decimal("160000")),
        ("污水处理", Decimal("200000")),
    ]


@pytest.mark.parametrize(
    "row",
    [
        "1 | 《临海文化》杂志出版项目 | 10",  # a name that opens with a title
        "1 | 施工单位按照《施工合同》要求完工 | 10",  # a contract is no basis
    ],
)
def test_a_rows_own_words_cite_no_document_they_only_name(row):
    text = "序号 | 项目名称 | 金额（万元）\n" + row + "\n2 | 乙村道路项目 | 20\n"
    projects = parse_disclosure(text, year=2024).tree["projects"]
    assert projects[0]["citations"] == []


def test_a_whole_text_project_without_a_title_is_not_named_by_its_prose():
    text = (
        "今年,上级共分配我县大豆玉米带状复合种植任务6000亩。\n"
        "共分配我县大豆玉米带状复合种植补助资金120万元。经核定,每亩可补助资金187.61元。\n"
    )
    result = parse_disclosure(text, year=2023)
    [project] = result.tree["projects"]
    assert project["name"] == "项目1"  # flagged for staff, not a sentence
    assert project["declared_total_yuan"] == "1200000.00"  # the rate is no second sum


def test_a_lists_basis_may_follow_it_and_may_be_named_only_as_a_file_acted_under():
    text = (
        "关于2019年扶贫项目计划的通知\n"
        "1.甲村道路项目,安排资金100万元。\n"
        "2.乙村饮水项目,安排资金50万元。\n"
        "请各实施单位严格执行《镇安县扶贫项目实施管理办法》。\n"
    )
    projects = parse_disclosure(text, year=2019).tree["projects"]
    assert [[c["title"] for c in p["citations"]] for p in projects] == [
        ["镇安县扶贫项目实施管理办法"],
        ["镇安县扶贫项目实施管理办法"],
    ]


def test_the_number_in_brackets_after_a_title_is_the_notices_own_not_a_citation():
    text = (
        "卢氏县乡村振兴局项目资金安排情况公告(卢财预整合【2022】3号)\n"
        "经研究确定,《卢氏县财政局关于下达2022年补助项目资金的通知》文件分配资金300万元。\n"
        "一、卢氏县雨露计划职业教育项目\n"
        "1.投资预算:260万元;\n"
        "二、卢氏县雨露计划短期技能培训项目\n"
        "1.投资预算:40万元;\n"
    )
    projects = parse_disclosure(text, year=2022).tree["projects"]
    assert [len(p["citations"]) for p in projects] == [1, 1]
    assert projects[0]["citations"][0]["title"].endswith("补助项目资金的通知")


@pytest.mark.parametrize(
    "opening",
    [
        "各有关乡镇:根据《关于下达2017年度第五批扶贫项目实施计划的通知》,安排补助资金114.21万元。",
        "为改善交通,持续推进硬化路续建项目,该项目于2023年9月开工建设,计划总投资2404万元。",
    ],
)
def test_a_year_of_a_cited_document_or_a_date_is_the_budget_year_only_as_a_flagged_guess(
    opening,
):
    result = parse_disclosure(opening + "\n")
    year = result.tree["disclosure"]["fiscal_year"]
    flagged = [f for f in result.findings if f.field == "fiscal_year"]
    assert year is None or flagged  # never silent


def test_a_budget_year_in_a_title_is_taken_without_a_flag():
    result = parse_disclosure(
        "关于下达2024年衔接资金项目计划的通知\n1.甲村道路项目,安排资金100万元。\n2.乙村饮水项目,安排资金50万元。\n"
    )
    assert result.tree["disclosure"]["fiscal_year"] == 2024
    assert not [f for f in result.findings if f.field == "fiscal_year"]


def test_a_list_in_groups_under_headings_loses_no_group():
    text = (
        "一、中央财政衔接资金(5273万元)\n"
        "(一)支持产业发展2993.7万元;\n"
        "(二)易地扶贫搬迁后续扶持项目1050万元;\n"
        "二、省级财政衔接资金(5509万元)\n"
        "(一)支持巩固脱贫攻坚成果项目1843.72万元;\n"
        "(二)支持乡村治理项目40万元;\n"
        "联系人:杨 毅\n"
    )
    assert [item.amount.value for item in read_listing(text)] == [
        Decimal("29937000"),
        Decimal("10500000"),
        Decimal("18437200"),
        Decimal("400000"),
    ]


def test_funds_whose_uses_make_up_their_sums_are_the_projects_and_the_uses_their_parts():
    text = (
        "一、中央财政衔接资金(4043.7万元)\n"
        "(一)支持产业发展2993.7万元;\n"
        "(二)易地扶贫搬迁后续扶持项目1050万元;\n"
        "二、省级财政衔接资金(1939.72万元)\n"
        "(一)支持巩固脱贫攻坚成果项目1843.72万元;\n"
        "(二)按1%提取项目管理费96万元。\n"
        "联系人:杨 毅\n"
    )
    listed = read_listing(text)
    assert [(p.name, p.amount.value, [part.name for part in p.parts]) for p in listed] == [
        ("中央财政衔接资金", Decimal("40437000"), ["支持产业发展", "易地扶贫搬迁后续扶持项目"]),
        ("省级财政衔接资金", Decimal("19397200"), ["支持巩固脱贫攻坚成果项目", "项目管理费"]),
    ]
    # A kind of project heading projects of its own is no fund: its items stay the projects.
    kinds = text.replace("中央财政衔接资金(", "老年人福利类共计2个项目,共计(").replace(
        "省级财政衔接资金(", "残疾人福利类共计2个项目,共计("
    )
    assert len(read_listing(kinds)) == 4


def test_a_list_set_apart_by_words_is_not_merged_with_the_one_before():
    text = (
        "1.某村道路硬化项目，资金50万元\n"
        "2.某村饮水项目，资金30万元\n"
        "去年已完成项目如下（不列入本次安排）：\n"
        "1.某村桥梁修建项目，资金20万元\n"
        "2.某村路灯项目，资金10万元\n"
    )
    assert [item.name for item in read_listing(text)] == ["某村道路硬化项目", "某村饮水项目"]


def test_a_table_without_row_numbers_whose_cells_slid_is_not_read():
    cells = ["项目名称", "实施单位", "资金(万元)", "备注"]
    cells += ["甲村道路项目", "甲村村委会", "50", "新建"]
    cells += ["乙村饮水项目", "乙村村委会", "30"]  # no 备注
    cells += ["丙村桥梁修建项目", "丙村村委会", "20", "改建"]
    assert read_listing("\n".join(cells)) == []


@pytest.mark.parametrize(
    "line",
    ["以上道路涉及3个村民小组。", "望城区段由区交通局负责。", "请示批复文号另附。"],
)
def test_an_items_own_line_that_opens_like_the_notice_stays_the_items(line):
    text = f"1.甲村道路项目\n{line}\n资金:50万元\n2.乙村饮水项目\n资金:30万元\n"
    listed = read_listing(text)
    assert [(item.name, item.amount.value) for item in listed] == [
        ("甲村道路项目", Decimal("500000")),
        ("乙村饮水项目", Decimal("300000")),
    ]


def test_a_labelled_budget_year_beats_a_cited_documents_year():
    text = (
        "根据《关于下达2017年度扶贫项目计划的通知》\n预算年度：2024年\n"
        "1.甲村道路项目,资金50万元。\n2.乙村饮水项目,资金30万元。\n"
    )
    result = parse_disclosure(text)
    assert result.tree["disclosure"]["fiscal_year"] == 2024


def test_carrying_out_a_plan_is_not_citing_it():
    text = (
        "为做好项目执行工作，现将《2024年衔接资金项目计划》公示如下：\n"
        "1.甲村道路项目,安排资金50万元。\n2.乙村饮水项目,安排资金30万元。\n"
    )
    projects = parse_disclosure(text, year=2024).tree["projects"]
    assert [p["citations"] for p in projects] == [[], []]


def test_items_named_then_described_with_their_money_are_a_list():
    text = (
        "一、项目名称、建设规模、补助标准、资金额度及扶持贫困户数\n"
        "1、牲畜棚圈建设。新建牲畜棚圈3382座,每座补助10000元,投入资金3382万元,扶持贫困户3382户。\n"
        "2、禽舍建设。修建禽舍1711座,每座补助2000元,投入资金342.2万元,扶持贫困户1711户。\n"
        "3、牲畜养殖。购生产母牛3895头,投入资金1947.5万元;购生产母驴1867头,投入资金933.5万元。\n"
    )
    listed = read_listing(text)
    assert [(p.name, p.amount.value if p.amount else None) for p in listed] == [
        ("牲畜棚圈建设", Decimal("33820000")),
        ("禽舍建设", Decimal("3422000")),
        ("牲畜养殖", None),  # two sums, no one total: left to staff, flagged
    ]
    assert listed[2].amount_cell == "1947.5万元、933.5万元"


def test_any_short_name_is_an_item_when_its_description_states_its_money():
    text = (
        "1、购置缝纫机。购缝纫机20台,每台补助1500元,投入资金3万元。\n"
        "2、葡萄架搭建。葡萄架搭建60户,每户补助3000元,投入资金18万元。\n"
        "3、工作要求。各乡镇安排资金5万元用于宣传。\n"  # a heading, though it states money
    )
    listed = read_listing(text)
    assert [(p.name, p.amount.value) for p in listed] == [
        ("购置缝纫机", Decimal("30000")),
        ("葡萄架搭建", Decimal("180000")),
    ]


def test_a_listed_projects_several_sums_are_its_sub_items_with_their_calculations():
    text = (
        "1、牲畜棚圈建设。新建牲畜棚圈3382座,每座补助10000元,投入资金3382万元。\n"
        "2、牲畜养殖。购生产母牛3895头,每头补助5000元,投入资金1947.5万元;"
        "购牦牛140头,每头补助5000元,投入资金70万元。\n"
    )
    first, second = parse_disclosure(text, year=2017).tree["projects"]
    [whole] = first["sub_items"]
    assert [(line["formula"], line["amount_yuan"]) for line in whole["lines"]] == [
        ("3382座×10000元", "33820000.00")
    ]
    assert second["declared_total_yuan"] is None  # not stated: left to staff
    assert [
        (sub["name"], [(line["formula"], line["amount_yuan"]) for line in sub["lines"]])
        for sub in second["sub_items"]
    ] == [
        ("购生产母牛", [("3895头×5000元", "19475000.00")]),
        ("购牦牛", [("140头×5000元", "700000.00")]),
    ]


def test_units_listed_one_a_line_after_circled_numbers_lose_their_persons():
    text = (
        "1.项目名称:安全饮水提升改造\n"
        "2.资金来源及规模:财政专项扶贫资金283万元。\n"
        "3.实施单位及责任人:\n"
        "①小营盘镇人民政府 及孟克布音\n"
        "②乌图布拉格镇人民政府及闫晓\n"
        "③青得里人民政府及努尔夏提·沙布尔江\n"
    )
    result = parse_disclosure(text, year=2020)
    [project] = result.tree["projects"]
    assert project["implementing_unit"] == "小营盘镇人民政府、乌图布拉格镇人民政府、青得里人民政府"
    assert "努尔夏提·沙布尔江" in project["outcomes"]  # the persons are kept as written


def test_projects_run_on_in_one_sentence_after_yi_shi_er_shi_are_read_and_flagged():
    text = (
        "我区经村民代表大会讨论,今年拟建3个项目:一是建设赫哲文化传承展示中心,预计投入资金87万元;"
        "二是敖其特色产业园改造,预计投入资金45万元;三是建设敖其镇赫哲村卫生室,预计投入资金15万元。\n"
        "佳木斯市郊区委统战部\n2019年1月18日\n"
    )
    result = parse_disclosure(text, year=2019)
    assert [(p["name"], p["declared_total_yuan"]) for p in result.tree["projects"]] == [
        ("建设赫哲文化传承展示中心", "870000.00"),
        ("敖其特色产业园改造", "450000.00"),
        ("建设敖其镇赫哲村卫生室", "150000.00"),
    ]
    flagged = {(f.project, f.field) for f in result.findings}
    assert {(1, "name"), (1, "declared_total")} <= flagged  # read from prose: to be checked
    # A sentence of reasons (一是…二是… without money each) is no list.
    assert read_listing("主要做法:一是加强领导,二是强化监督。\n") == []


def test_run_on_items_of_two_projects_apart_by_semicolons_and_a_last_item_without_money():
    text = (
        "今冬明春农田水利基本建设计划投资1.25亿元,完成土石方125.5万立方米。"
        "一是重点实施23座小(二)型病险水库除险加固工程,项目总投资3230.87万元。"
        "二是实施新篁、司铺3处集中供水工程,项目总投资432.65万元,解决饮水不安全7993人。"
        "三是实施小水电站增效扩容项目,对黄源等7座水电站进行维修改造,项目总投资810.62万元;"
        "实施龙门小流域治理项目,项目总投资418.57万元。"
        "四是完成小农水重点县三年总验收工作。\n"
    )
    assert _names_and_sums(text) == [
        ("23座小(二)型病险水库除险加固工程", Decimal("32308700")),
        ("新篁、司铺3处集中供水工程", Decimal("4326500")),
        ("小水电站增效扩容项目", Decimal("8106200")),
        ("龙门小流域治理项目", Decimal("4185700")),
    ]
    # An item without money before the last leaves the run unread.
    middle = text.replace("一是重点", "一是开展宣传;二是重点").replace(
        "二是实施新篁", "三是实施新篁"
    )
    middle = middle.replace("三是实施小水电", "四是实施小水电").replace("四是完成", "五是完成")
    assert run_on_items([middle]) == []


def test_run_on_items_headed_by_their_kind_take_their_own_whole_before_qizhong():
    text = (
        "1-8月,全县投资5000万元以上重大项目共60个。\n\n"
        "  一是新能源项目。实施项目2个,总投资16.62亿元,已完成投资1.6亿元。其中中广核葵阳风电场"
        "项目总投资12.39亿元,已完成投资1.4亿元。\n\n"
        "  二是工业项目。正在加快建设恒丰建材、双成建材等20个工业项目,总投资55.2亿元,"
        "已完成投资25.36亿元。\n\n"
        "  三是民生项目。共实施县人民医院棚户区改造等6个项目,总投资13.7亿元,已完成投资0.62亿元。\n"
    )
    assert _names_and_sums(text) == [
        ("新能源项目", Decimal("1662000000")),
        ("工业项目", Decimal("5520000000")),
        ("民生项目", Decimal("1370000000")),
    ]


def test_items_opening_with_their_money_are_named_by_what_they_do_and_priced_by_their_rates():
    text = (
        "某县城乡群众将享受更多文化政策“红包”\n\n"
        "  一是预算投资1600万元,计划将原会展中心A馆改造为市民文化活动中心,"
        "总建筑面积9600平方米。\n\n"
        "  二是预算投资288万元,计划在96个村(社区)建设乡村剧场,每处乡村剧场县财政补贴3万元,"
        "进一步丰富乡村群众的文化娱乐场所。\n\n"
        "  三是预算安排530万元,继续开展“进千村乐万家”文化惠民活动。\n"
    )
    result = parse_disclosure(text, year=2016)
    projects = result.tree["projects"]
    assert [(p["name"], p["declared_total_yuan"]) for p in projects] == [
        ("原会展中心A馆改造为市民文化活动中心", "16000000.00"),
        ("乡村剧场", "2880000.00"),
        ("“进千村乐万家”文化惠民活动", "5300000.00"),
    ]
    [line] = [line for sub in projects[1]["sub_items"] for line in sub["lines"]]
    assert [(Decimal(f["value"]), f["unit"]) for f in line["factors"]] == [
        (Decimal(96), "个"),
        (Decimal(3), "万元"),
    ]
    assert line["amount_yuan"] == "2880000.00"
    flagged = {(f.project, f.field) for f in result.findings}
    assert {(2, "name"), (2, "declared_total")} <= flagged
    # A standard of support is still no project: its sum's own clause says so.
    assert (
        read_listing(
            "一是对新建50亩以上茶园的经营主体一次性奖补2万元;二是对新建茶叶加工厂奖补10万元。\n"
        )
        == []
    )


NESTED_RUN_ON = (
    "2015年交通专项资金支出计划\n\n"
    "经市政府同意,安排我委2015年交通专项资金支出计划4848.75万元、港建费分成资金支出计划391.8万元,"
    "合计5240.55万元。现下达给你们执行,具体如下: 一、交通专项资金支出计划安排4848.75万元,包括: "
    "(一)交通行业发展、规划及科技开发应用费3900万元; (二)出租小汽车行业管理费948.75万元。 "
    "二、港建费分成资金支出计划安排391.8万元,包括: (一)公共航道管理费241.8万元; "
    "(二)雷达站维护管理费150万元。 请各单位尽快启动有关项目的实施工作。\n"
)


def test_items_numbered_inside_groups_run_on_in_one_paragraph_are_the_projects_said_grouped():
    from budget.importer.listing.paragraphs import nested_run_on_items

    result = parse_disclosure(NESTED_RUN_ON, year=2015)
    assert [(p["name"], p["declared_total_yuan"]) for p in result.tree["projects"]] == [
        ("交通行业发展、规划及科技开发应用费", "39000000.00"),
        ("出租小汽车行业管理费", "9487500.00"),
        ("公共航道管理费", "2418000.00"),
        ("雷达站维护管理费", "1500000.00"),
    ]
    [grouped] = [f for f in result.findings if f.field == "groups"]
    assert "交通专项资金支出计划" in grouped.message
    # A group whose items do not make up its sum is no such list: nothing is read as one.
    wrong = NESTED_RUN_ON.replace("安排391.8万元", "安排400万元")
    assert nested_run_on_items(wrong.split("\n")) == []
    assert len(nested_run_on_items(NESTED_RUN_ON.split("\n"))) == 4


GROUPED = """2023年省级现代农业发展专项农业全产业链拟立项支持项目概要表
产业链 | 项目名称 | 总投资(万元) | ||||
建设单位 | 总投资 | 其中:省级财政资金 | 其中:建设单位自筹 | |||
合计 | 4302 | 1150 | 3152 | |||
生猪全产业链 | 中粮家佳康生猪深加工项目 | 中粮家佳康(江苏)有限公司 | 650 | 190 | 460 | |
农冠央厨肉包 加工项目 | 农冠央厨餐饮管理(江苏)有限公司 | 700 | 190 | 510 | ||
河蟹全产业链 | 铭胜水产养殖 加工建设项目 | 盐城市盐都区铭胜水产养殖有限公司 | 719 | 190 | 529 | |
"""


def test_a_table_with_a_two_row_header_and_a_merged_group_column_is_read_by_its_cells():
    result = parse_disclosure(GROUPED, year=2023)
    projects = result.tree["projects"]
    assert [(p["name"], p["implementing_unit"], p["declared_total_yuan"]) for p in projects] == [
        ("中粮家佳康生猪深加工项目", "中粮家佳康(江苏)有限公司", "6500000.00"),
        ("农冠央厨肉包加工项目", "农冠央厨餐饮管理(江苏)有限公司", "7000000.00"),
        ("铭胜水产养殖加工建设项目", "盐城市盐都区铭胜水产养殖有限公司", "7190000.00"),
    ]
    # Read by what the cells hold, not by the header: every name and amount is flagged.
    for number in (1, 2, 3):
        assert {"name", "declared_total"} <= {
            f.field for f in result.findings if f.project == number
        }


def test_the_unit_signing_a_notice_is_its_department_before_a_form_box_it_attaches():
    text = (
        "关于下达2021年专项扶贫资金的通知\n"
        "县交通运输局：现下达资金500万元，用于道路建设项目。\n"
        "清涧县财政局\n2021年5月10日\n"
        "项目支出绩效目标申报表\n项目名称 | 道路建设项目\n主管部门 | 清涧县交通运输局\n"
        "项目资金 | 500万元\n"
    )
    assert parse_disclosure(text).tree["department"]["name"] == "清涧县财政局"


@pytest.mark.parametrize(
    ("text", "listed"),
    [
        pytest.param(
            "一、产业发展项目\n"
            "1、友谊县2025年小额信贷贷款贴息项目。拟安排资金3万元,对全县脱贫户贴息进行补助。\n"
            "2、友谊县农旅融合项目。拟安排资金1500万元,主要建设内容为打造农文旅基地1处。\n",
            [("友谊县2025年小额信贷贷款贴息项目", "30000"), ("友谊县农旅融合项目", "15000000")],
            id="then what is planned for it",
        ),
        pytest.param(
            "1、通甸镇蔬菜大棚建设项目(计划投入东西部帮扶资金1200万元)\n"
            "2、通甸镇浆果分拣中心建设项目(计划投入东西部帮扶资金800万元)\n",
            [("通甸镇蔬菜大棚建设项目", "12000000"), ("通甸镇浆果分拣中心建设项目", "8000000")],
            id="a bracket its money sits in is a note",
        ),
        pytest.param(
            "1.前进区大豆深加工厂房项目计划投资314.51万元\n2.南岗村秸秆机械采购项目投资30万元\n",
            [("前进区大豆深加工厂房项目", "3145100"), ("南岗村秸秆机械采购项目", "300000")],
            id="a label before its money is not in its name",
        ),
    ],
)
def test_list_items_give_their_projects_name_and_money(text, listed):
    assert [(p.name, p.amount.value) for p in read_listing(text)] == [
        (name, Decimal(amount)) for name, amount in listed
    ]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("我局对拟申请的《甲项目》、《乙项目》、《丙项目》3个项目予以公示", 3),
        ("支持的项目共8个,截至目前,已完工项目3个,正在建设项目5个", 8),
        ("组织实施十二个项目", 12),
        ("通甸镇实施两个大项5个子项目", None),  # sub-items are not projects
        ("每个项目最高不超过30万元", None),
        ("第3个项目由镇政府实施", None),
        ("根据《关于下达2个项目资金的通知》", None),  # a cited title's words
        ("现将2024年基本公共卫生服务等7项中央补助资金465.87万元下达给你们", 7),  # funds
        ("安排两项资金", None),  # not said to be a list (等)
    ],
)
def test_the_number_of_projects_a_text_says_it_holds(text, said):
    found = projects_said(text)
    assert (found[0] if found else None) == said


def test_a_text_saying_it_holds_more_projects_than_were_read_says_some_are_missing():
    text = (
        "关于拟建设高标准农田项目的公示\n"
        "我局对拟申请的《甲村高标准农田建设项目》、《乙村高标准农田建设项目》2个项目公示如下:\n"
        "一、甲村高标准农田建设项目\n项目名称:甲村高标准农田建设项目\n投资规模:总投资807万元。\n"
        "责任单位:同心县农业农村局\n"
    )
    result = parse_disclosure(text, year=2021)
    assert len(result.tree["projects"]) == 1
    [missing] = [f for f in result.findings if f.field == "rows"]
    assert missing.line == 2
    assert "2个项目" in missing.message and "只读出1个" in missing.message


def test_a_table_without_a_name_column_is_named_by_what_each_row_is_for():
    text = (
        "2022-2023年度普陀区景观农业补助资金分配表\n"
        "序号 | 镇、街道 | 单位 | 补助内容 | 金额 (元) |\n"
        "1 | 桃花镇 | 舟山市普陀区桃花岛农旅发展有限公司 | 单季油菜32.51亩 | 51251 |\n"
        "2 | 桃花镇 | *瑞明 | 单季油菜52.82亩 | 5282 |\n"
        "合计 | 56533 |\n"
    )
    result = parse_disclosure(text, year=2023)
    projects = result.tree["projects"]
    assert [(p["name"], p["declared_total_yuan"]) for p in projects] == [
        ("单季油菜32.51亩", "51251.00"),
        ("单季油菜52.82亩", "5282.00"),
    ]
    assert projects[0]["implementing_unit"] == "舟山市普陀区桃花岛农旅发展有限公司"
    # A person paid is no unit: the field is filled from the department and flagged.
    assert any(f.field == "implementing_unit" and f.project == 2 for f in result.findings)
    assert any("取自“补助内容”栏" in f.message for f in result.findings)


def test_a_project_the_text_marks_as_one_is_never_read_as_a_list():
    text = (
        "某县财政局2024年预算重点领域财政项目文本公开\n"
        "项目1.\n二、立项依据\n①经费每月每人300元\n②经费"
    )
    assert len(parse_disclosure(text).tree["projects"]) == 1


def test_the_parts_a_project_lists_as_making_up_its_total_are_its_sub_items():
    text = (
        "一、名称:卧龙区2026年度衔接资金项目计划\n"
        "四、主要内容:\n2026年度计划产业发展项目81个,金额17177.1233万元;就业项目8个,金额2212万元;"
        "乡村建设行动项目95个左右,涉及金额6567.654万元。\n"
        "六、投资及资金来源:卧龙区2026年计划总投资25956.7773万元左右。\n"
        "七、建设单位:各镇(街道、景区)及相关区直部门。\n"
    )
    [project] = parse_disclosure(text, year=2026).tree["projects"]
    assert project["declared_total_yuan"] == "259567773.00"
    assert project["implementing_unit"] == "各镇(街道、景区)及相关区直部门"
    assert [(s["name"], s["declared_amount_yuan"]) for s in project["sub_items"]] == [
        ("产业发展项目", "171771233.00"),
        ("就业项目", "22120000.00"),
        ("乡村建设行动项目", "65676540.00"),
    ]
    # Sums that do not make up the total stay lines of the one sub-item.
    other = text.replace("25956.7773万元", "30000万元")
    [project] = parse_disclosure(other, year=2026).tree["projects"]
    assert len(project["sub_items"]) == 1


@pytest.mark.parametrize(
    ("line", "unit"),
    [
        ("三、项目建设单位\n金山区张堰镇农业技术推广服务站。", "金山区张堰镇农业技术推广服务站"),
        ("项目法人:田园镇人民政府;法人代表:沈 鑫。", "田园镇人民政府"),
        ("6.实施单位及责任人:卢氏县乡村振兴局;", "卢氏县乡村振兴局"),
    ],
)
def test_units_under_other_labels_end_with_their_sentence(line, unit):
    text = f"一、项目名称\n某项目\n{line}\n"
    [project] = parse_disclosure(text, year=2024).tree["projects"]
    assert project["implementing_unit"] == unit


ALLOCATION_BARS = (
    "益阳市财政局 益阳市民政局关于下达2017年自然灾害生活补助资金的通知\n"
    "现下达你区自然灾害生活补助资金,主要用于灾区倒损房屋恢复重建支出。\n"
    "2017年自然灾害生活补助资金分配表 |\n单位:万元 |\n单位 |\n补助资金(万元) |\n备注 |\n|\n"
    "资阳区 |\n150 |\n|\n赫山区 |\n210 |\n|\n大通湖区 |\n40 |\n|\n合计 |\n400 |\n"
)
ALLOCATION_NUMBERED = (
    "舟山市财政局 舟山市农业农村局关于下达2019年第三批市级美丽乡村建设专项资金的通知\n"
    "各有关县(区)财政局:\n现将专项资金下达给你们。\n"
    "2019年第三批市级美丽乡村建设专项资金分配表\n序号\n单位\n金额(万元)\n备注\n"
    "1\n定海区\n40\n\n2\n普陀区\n40\n\n合 计\n80\n"
)


@pytest.mark.parametrize(
    ("text", "rows", "total"),
    [
        (
            ALLOCATION_BARS,
            [("资阳区", "1500000"), ("赫山区", "2100000"), ("大通湖区", "400000")],
            "4000000",
        ),
        # Empty 备注 cells left out: each row runs from its 序号 to the next.
        (ALLOCATION_NUMBERED, [("定海区", "400000"), ("普陀区", "400000")], "800000"),
        # A 合计 that is not the rows' sum states no total.
        (
            ALLOCATION_NUMBERED.replace("合 计\n80", "合 计\n90"),
            [("定海区", "400000"), ("普陀区", "400000")],
            None,
        ),
    ],
)
def test_a_funds_money_tabled_by_recipient_is_read_with_its_checked_total(text, rows, total):
    found, stated, _line = read_allocation(unflatten(text))
    assert [(row.name, str(row.amount.value)) for row in found] == [
        (name, str(Decimal(value))) for name, value in rows
    ]
    assert (str(stated.value) if stated else None) == (str(Decimal(total)) if total else None)


def test_a_notice_of_one_fund_has_the_recipients_of_its_table_as_sub_items():
    result = parse_disclosure(ALLOCATION_BARS, year=2017)
    [project] = result.tree["projects"]
    assert project["declared_total_yuan"] == "4000000.00"
    assert [(s["name"], s["declared_amount_yuan"]) for s in project["sub_items"]] == [
        ("资阳区", "1500000.00"),
        ("赫山区", "2100000.00"),
        ("大通湖区", "400000.00"),
    ]
    # The total is the table's 合计, checked against its rows: not flagged as a guess.
    assert not any(f.field == "declared_total" for f in result.findings)
    assert any(f.field == "name" for f in result.findings)  # the title's words: flagged


def _form(name: str, money: str) -> str:
    return (
        "项目支出绩效目标表 |\n(2025年度) |\n单位(盖章): |\n|\n"
        f"项目名称 |\n{name} |\n主管部门及代码 |\n[042]六安市金安区体育局 |\n"
        "实施单位 |\n六安市金安区体育局 |\n项目资金\n(万元) |\n年度资金总额: |\n"
        f"{money} |\n其中:财政拨款 |\n{money} |\n年度\n目标 |\n打造品牌赛事。 |\n"
        "绩\n效\n指\n标 |\n一级\n指标 |\n二级指标 |\n产出指标 |\n数量指标 |\n"
        "开展运动种类 |\n1种 |\n"
    )


def test_each_form_of_a_text_of_forms_is_a_project_named_by_its_name_row():
    text = _form("2025金安国际网球公开赛", "1000.00") + _form("安徽省常规赛费用", "1200.00")
    projects = parse_disclosure(text, year=2025).tree["projects"]
    assert [(p["name"], p["implementing_unit"], p["declared_total_yuan"]) for p in projects] == [
        ("2025金安国际网球公开赛", "六安市金安区体育局", "10000000.00"),
        ("安徽省常规赛费用", "六安市金安区体育局", "12000000.00"),
    ]


def test_a_numbered_sections_form_repeating_the_name_opens_no_project():
    text = (
        "一、项目名称\n某项目\n三、项目实施单位\n某县财政局\n"
        "九、项目支出绩效目标表\n项目名称 | 某项目 |\n实施单位 | 某县财政局 |\n"
        "一级指标 | 产出指标 |\n"
    )
    assert len(parse_disclosure(text, year=2025).tree["projects"]) == 1


def test_a_forms_cells_run_together_are_read_label_by_label():
    text = (
        "重庆市江津区鼎山街道办事处2021年重点项目绩效目标表\n"
        "预算单位重庆市江津区鼎山街道办事处项目主管部门重庆市江津区鼎山街道办事处项目名称市政日常维护经费\n"
        "项目概况本项目主要用于维护老集镇。\n"
    )
    [project] = parse_disclosure(text, year=2021).tree["projects"]
    assert project["name"] == "市政日常维护经费"


def test_a_unit_cell_inside_a_row_of_a_forms_cells_is_the_implementing_unit():
    text = (
        "项目支出绩效目标表\n项目名称 | 松材线虫病除治 | 项目负责人及电话 | 吕泽 |\n"
        "主管部门 | 区林业局 | 实施单位 | 接龙镇农业服务中心 |\n"
    )
    [project] = parse_disclosure(text, year=2021).tree["projects"]
    assert project["implementing_unit"] == "接龙镇农业服务中心"


def test_a_list_of_projects_by_name_only_one_a_line_is_read_without_money():
    text = (
        "现将名单予以公示(详见附件)。\n临沂市农业农村局\n2022年4月21日\n"
        "临沂市2022年高标准农田建设项目(第一批) 市级评审名单\n"
        "2022年临沂市兰陵县大仲村镇6.75万亩高标准农田建设项目\n"
        "2022年临沂市兰陵县尚岩镇3.8万亩高标准农田建设项目\n\n"
        "2022年临沂市兰陵县新兴镇1.9万亩高标准农田建设项目\n"
    )
    result = parse_disclosure(text, year=2022)
    projects = result.tree["projects"]
    assert [p["name"] for p in projects] == [
        "2022年临沂市兰陵县大仲村镇6.75万亩高标准农田建设项目",
        "2022年临沂市兰陵县尚岩镇3.8万亩高标准农田建设项目",
        "2022年临沂市兰陵县新兴镇1.9万亩高标准农田建设项目",
    ]
    assert all(p["declared_total_yuan"] is None for p in projects)  # none is stated
    assert {f.project for f in result.findings if f.field == "declared_total"} == {1, 2, 3}
    # Two names are no list; a name with its money is read by the other rules.
    assert read_listing("甲村道路建设项目\n乙村饮水工程\n") == []


@pytest.mark.parametrize(
    ("title", "name"),
    [
        (
            "平南县发展和改革局关于平南县江北公园诗词景石改造工程项目建议书的批复",
            "平南县江北公园诗词景石改造工程",
        ),
        ("关于报批南翔镇德园路小学新建工程项目建议书的请示", "南翔镇德园路小学新建工程"),
        (
            "贵州省发展和改革委员会关于西秀区2009年度易地扶贫搬迁试点项目（第二批）可行性研究报告的批复",
            "西秀区2009年度易地扶贫搬迁试点项目（第二批）",
        ),
        (
            "（直达资金）天津市东丽湖新建光辉路工程项目2020年度绩效自评报告",
            "天津市东丽湖新建光辉路工程项目",
        ),
        ("关于调整赤水市人民医院建设项目可行性研究报告的批复", "赤水市人民医院建设项目"),
        ("关于甲村道路项目和乙村饮水项目的公示", None),  # two projects: none
        # A title wrapped after the name; a notice of one project's money.
        (
            "关于利通区2025年肉牛产业提质升级项目 拨付进度资金情况的公示",
            "利通区2025年肉牛产业提质升级项目",
        ),
        (
            "奉节县财政局关于下达奉节县食品及农产品加工产业推广项目资金预算的通知",
            "奉节县食品及农产品加工产业推广项目",
        ),
        ("关于下达2024年以工代赈示范项目资金计划的通知", None),  # a fund's plan: no project
        (
            "关于2020年外冈镇施晋村农村生活污水处理工程竣工决算的批复",
            "2020年外冈镇施晋村农村生活污水处理工程",
        ),
        ("关于上海前卫柑桔新品种示范基地建设项目的验收意见", "上海前卫柑桔新品种示范基地建设项目"),
        (
            "关于调整下达2025年1000万只肉兔全产业链项目(第二批)资金预算的通知",
            "2025年1000万只肉兔全产业链项目(第二批)",
        ),
        (
            "关于2022年中央财政农业生产发展资金培育家庭农场项目扶持对象确定办法及名单的公示",
            "2022年中央财政农业生产发展资金培育家庭农场项目",
        ),
    ],
)
def test_the_project_a_title_names_is_taken_as_written(title, name):
    named = title_project_name([Line(1, title)])
    assert (named[0] if named else None) == name


def test_a_project_name_wrapped_over_the_titles_lines_is_read_whole():
    lines = [
        Line(6, "关于下达2018年平湖市粮食生产功能区"),
        Line(7, "水稻生态补贴项目建设计划的通知"),
    ]
    assert title_project_name(lines) == ("2018年平湖市粮食生产功能区水稻生态补贴项目", 6)
    # A name no line holds alone is read from the lines joined.
    lines = [
        Line(1, "关于汉滨区沙坝九年制学校学生生活用房"),
        Line(2, "改造工程可行性研究报告的批复"),
    ]
    assert title_project_name(lines) == ("汉滨区沙坝九年制学校学生生活用房改造工程", 1)
    # A title line that ends as a title ends is not wrapped into the next.
    lines = [
        Line(1, "(直达资金)天津市东丽湖新建光辉路工程项目2020年度绩效自评报告"),
        Line(3, "天津市东丽湖新建光辉路工程项目"),
    ]
    assert title_project_name(lines) == ("天津市东丽湖新建光辉路工程项目", 1)


def test_a_replys_project_is_the_one_the_request_it_answers_names():
    text = (
        "黄发改审批〔2021〕66号\n开发区·铁山区发改局:\n"
        "你局《关于申请批复315省道大王连接线项目建议书的请示》(黄开铁发改〔2021〕91号)收悉。\n"
        "一、项目代码\n2101-420200-04-01-549072\n二、建设地点\n项目位于开发区·铁山区境内。\n"
        "二、主要建设内容及规模\n道路全长约8公里。\n三、总投资及资金来源\n本项目总投资约30993万元。\n"
    )
    result = parse_disclosure(text, year=2021)
    assert result.tree["projects"][0]["name"] == "315省道大王连接线项目"
    [note] = [f for f in result.findings if f.field == "name"]  # still to check
    assert (note.line, note.message) == (3, "项目名称取自所批复的请示，请核对。")


def test_a_table_set_out_with_runs_of_spaces_is_read_as_a_table():
    text = (
        "上海市农业委员会关于下达2017年项目计划资金的通知\n附件\n"
        "序号  项目名称  项目单位  中央财政资金金额 (万元) \n"
        "浦东新区红刚青扁豆特色主导产业发展项目  上海红刚青扁豆生产专业合作社  250 \n"
        "嘉定区马陆葡萄特色主导产业发展项目  嘉定区马陆镇 农业服务中心  250 \n"
        "合计      500 \n"
    )
    projects = parse_disclosure(text, year=2017).tree["projects"]
    assert [(p["name"], p["implementing_unit"], p["declared_total_yuan"]) for p in projects] == [
        ("浦东新区红刚青扁豆特色主导产业发展项目", "上海红刚青扁豆生产专业合作社", "2500000.00"),
        ("嘉定区马陆葡萄特色主导产业发展项目", "嘉定区马陆镇 农业服务中心", "2500000.00"),
    ]


@pytest.mark.parametrize(
    ("stated", "amounts"),
    [
        ("县级财政专项扶贫资金1200万元", ["6600000.00", "5400000.00"]),
        ("县级财政专项扶贫资金1200元", ["660.00", "540.00"]),
        ("县级财政专项扶贫资金1300万元", [None, None]),  # no sum of the text is theirs
    ],
)
def test_bare_figures_take_the_unit_of_the_sum_the_text_states_for_them(stated, amounts):
    text = (
        f"{stated}\n分配表\n序号 | 项目名称 | 投资规模 | 责任单位 |\n"
        "1 | 农业特色产业发展项目 | 660 | 扶贫办 |\n2 | 彰仙岭廊桥建设项目 | 540 | 枫林镇 |\n"
    )
    result = parse_disclosure(text, year=2019)
    assert [p["declared_total_yuan"] for p in result.tree["projects"]] == amounts


def test_one_bare_figure_takes_the_unit_of_the_sum_stated_for_it_flagged():
    text = (
        "上级下达扶贫资金241.3万元。\n分配表\n序号 | 项目名称 | 投资规模 | 责任单位 |\n"
        "1 | 城乡义务教育经费保障机制 | 241.3 | 社会事务局 |\n"
    )
    result = parse_disclosure(text, year=2018)
    assert result.tree["projects"][0]["declared_total_yuan"] == "2413000.00"
    assert any(f.field == "declared_total" and "推定" in f.message for f in result.findings)


@pytest.mark.parametrize(
    "title",
    [
        "关于下达2021-2022年冬春救助资金的通知",
        "关于对安远县2020年、2022年、2023年、2024年冬春救助补报漏报的公示",  # years listed
    ],
)
def test_a_span_of_years_in_a_title_gives_a_flagged_guess_not_a_budget_year(title):
    text = f"{title}\n1.甲村救助项目,资金50万元。\n2.乙村救助项目,资金30万元。\n"
    result = parse_disclosure(text)
    [note] = [f for f in result.findings if f.field == "fiscal_year"]
    assert "年份区间" in note.message  # a guess, said to be one


def test_rows_that_lost_empty_cells_take_the_last_cell_where_the_header_puts_the_money_last():
    text = (
        "2024年温州市第三批高标准农田建设项目清单\n"
        "县市区 | 序号 | 项目名称 | 建设规模(万亩) | 其中新建面积(万亩) | "
        "新建中新增高效节水(万亩) | 其中改造提升面积(万亩) | 总投资(万元) |\n"
        "鹿城区 | 1 | 藤桥镇藤北村等15村高标准农田建设项目 | 0.2228 | 0.2228 | 1421.26 | |||\n"
        "2 | 仰义街道澄沙桥等3村高标准农田建设项目 | 0.0703 | 0.0703 | 0.0199 | 896.43 | |||\n"
        "龙港市 | 3 | 龙港市城西社区等两个社区高标准农田建设项目 | 0.1468 | 0.1468 | 1323.84 |\n"
    )
    result = parse_disclosure(text, year=2024)
    assert [(p["name"][-12:], p["declared_total_yuan"]) for p in result.tree["projects"]] == [
        ("15村高标准农田建设项目", "14212600.00"),
        ("等3村高标准农田建设项目", "8964300.00"),
        ("个社区高标准农田建设项目", "13238400.00"),
    ]
    # Read by what the cells hold: every name and amount is flagged for staff.
    assert {(f.project, f.field) for f in result.findings} >= {
        (n, field) for n in (1, 2, 3) for field in ("name", "declared_total")
    }


@pytest.mark.parametrize(
    ("text", "department", "flagged"),
    [
        # The publisher's short name: kept as written, flagged.
        ("发布单位:教育局\n项目名称:教育设施建设\n项目资金:50万元\n", "教育局", True),
        # A form's 主管部门 label wrapped over lines, its code dropped: the full name.
        (
            "发布单位:教育局\n项目名称\n教育设施建设\n主管部门\n\n及编码\n\n"
            "[015001]武汉市青山区教育局\n",
            "武汉市青山区教育局",
            False,
        ),
        ("信息来源:南岳镇人民政府\n项目名称:道路建设\n", "南岳镇人民政府", False),
    ],
)
def test_a_department_named_without_its_place_is_flagged(text, department, flagged):
    result = parse_disclosure(text, year=2020)
    assert result.tree["department"]["name"] == department
    assert any(f.field == "department" for f in result.findings) is flagged


def test_the_last_row_a_text_cuts_short_is_read_with_what_it_holds():
    text = (
        "资金分配表 | |||||\n"
        "序号 | 项目名称 | 建设地点 | 建设内容 | 本次分配金额(万元) | 责任单位 |\n"
        "1 | 2022年大口镇董村道路提升项目 | 大口镇 | 修建道路332米 | 20 | 交通运输局 |\n"
        "2 | 2022年府店镇周寨村道路提升项目 | 府店镇 | 修建道路1010米 | 75 | 交通运输局 |\n"
        "3 | 2022年高龙镇辛村道路提升项目 | 高龙镇 | 计划修建"
    )
    result = parse_disclosure(text, year=2022)
    projects = result.tree["projects"]
    assert [(p["name"], p["declared_total_yuan"]) for p in projects] == [
        ("2022年大口镇董村道路提升项目", "200000.00"),
        ("2022年府店镇周寨村道路提升项目", "750000.00"),
        ("2022年高龙镇辛村道路提升项目", None),
    ]
    assert any(f.project == 3 and f.field == "declared_total" for f in result.findings)


def test_a_documents_own_number_in_its_pages_record_is_no_citation_of_it():
    text = (
        "关于报批南翔镇德园路小学新建工程项目建议书的请示\n"
        "文 号: 嘉翔府[2015]43号 公开类型: 主动公开\n"
        "一、项目名称\n南翔镇德园路小学新建工程\n三、项目实施单位\n南翔镇人民政府\n"
    )
    [project] = parse_disclosure(text, year=2015).tree["projects"]
    assert project["citations"] == []


def test_a_document_cited_again_by_its_number_is_cited_once():
    text = (
        "舟山市财政局关于下达2019年美丽乡村建设专项资金的通知\n"
        "根据《舟山市美丽乡村建设专项资金管理暂行办法》(舟财农〔2018〕18号),现将资金下达你们。\n"
        "请你们严格按照舟财农〔2018〕18号文件等有关要求,及时将资金落实到具体项目。\n"
        "序号 | 单位 | 金额(万元) |\n1 | 定海区 | 40 |\n2 | 普陀区 | 40 |\n"
    )
    result = parse_disclosure(text, year=2019)
    numbers = {c["document_number"] for p in result.tree["projects"] for c in p["citations"]}
    assert numbers == {"舟财农〔2018〕18号"}


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("我市拨付扶持壮大村级集体经济市级补助资金", "扶持壮大村级集体经济市级补助资金"),
        (
            "关于2022年乡村振兴试点示范资金(省级、市级、区级)分配的公示",
            "2022年乡村振兴试点示范资金",
        ),
        # (a transfer's year evaluated: not part of its name)
        ("优抚对象生活补助经费转移支付2023年度绩效自评报告", "优抚对象生活补助经费转移支付"),
    ],
)
def test_a_fund_notice_is_named_by_its_fund_without_the_telling_or_its_levels(title, name):
    text = f"{title}\n近日,资金500万元已下达各镇,用于支持村级集体经济发展。\n"
    [project] = parse_disclosure(text, year=2022).tree["projects"]
    assert project["name"] == name


def test_of_a_responsible_and_an_implementing_unit_the_implementing_one_is_taken():
    text = (
        "一、项目基本情况\n1.项目名称:庄浪县2023年小杂粮示范推广项目\n"
        "三、项目资金与来源\n项目总投资20.00万元。\n"
        "五、责任单位\n项目责任单位:庄浪县农业农村局\n项目实施单位:庄浪县种子站、各相关乡镇人民政府\n"
    )
    [project] = parse_disclosure(text, year=2023).tree["projects"]
    assert project["implementing_unit"] == "庄浪县种子站、各相关乡镇人民政府"
    # numbered sections each: 二、项目单位:… 三、实施主体:…
    text = (
        "一、项目名称:泗水县设施农业更新改造项目\n二、项目单位:泗水县农业农村局\n"
        "三、实施主体:泗水县泗河街道办事处\n四、项目总投资7168万元。\n"
    )
    [project] = parse_disclosure(text, year=2026).tree["projects"]
    assert project["implementing_unit"] == "泗水县泗河街道办事处"


def test_the_lines_a_notices_values_were_read_from_are_not_listed_as_unplaced():
    result = parse_disclosure(ALLOCATION_BARS, year=2017)
    outside = {f.line for f in result.findings if f.kind == "outside_list"}
    total_line = ALLOCATION_BARS.split("\n").index("合计 |") + 1
    assert 1 not in outside  # the title: the project's name
    assert total_line not in outside  # the 合计: its total
    assert 2 in outside  # the notice's prose: kept, and staff are shown it


def test_a_blank_forms_next_label_is_no_value_of_its_field():
    text = "项目名称 | ||\n审批文号 | ||\n批复机关 | ||\n项目资金:50万元\n"
    result = parse_disclosure(text, year=2024)
    assert result.tree["projects"][0]["name"] == "项目1"  # none read: a placeholder
    assert any(f.field == "name" and "未能识别" in f.message for f in result.findings)


def test_projects_run_on_in_a_paragraph_apart_by_semicolons_are_read_and_flagged():
    text = (
        "关于对泽库县教育局脱贫攻坚项目建设情况的公示\n"
        "泽库县城关第二寄宿制完小主要建设校舍10291平方米,总投资3715万元; "
        "泽库县第一民族中学主要建设总图工程及设备购置,总投资300万元;"
        "泽库县麦秀镇寄宿制中心完小主要建设校舍2354平方米,706万元;\n"
    )
    result = parse_disclosure(text, year=2020)
    assert [(p["name"], p["declared_total_yuan"]) for p in result.tree["projects"]] == [
        ("泽库县城关第二寄宿制完小", "37150000.00"),
        ("泽库县第一民族中学", "3000000.00"),
        ("泽库县麦秀镇寄宿制中心完小", "7060000.00"),
    ]
    assert {(1, "name"), (1, "declared_total")} <= {(f.project, f.field) for f in result.findings}
    # A paragraph of rules apart by semicolons is no list.
    assert read_listing("每户补助500元;每村补助2万元;按实际面积补助。\n") == []


@given(
    st.lists(
        st.tuples(
            st.sampled_from(
                ["东坝社区通组路硬化项目", "民兴村安全饮水巩固提升工程", "互助资金协会占用费补贴"]
            ),
            st.integers(1, 99999),
            st.integers(0, 99999),
        ),
        min_size=3,
        max_size=6,
    ),
    st.booleans(),
)
def test_projects_given_money_and_left_a_balance_are_their_given_sums(parts, cut):
    pieces = [
        f"2024年{name}下达资金{Decimal(given) / 100}万元,结余资金{Decimal(left) / 1000000}万元"
        for name, given, left in parts
    ]
    if cut:
        pieces[-1] = pieces[-1][: pieces[-1].index("结余资金") + 4]  # (a page stored in part)
    text = (
        "对结余资金进行调整,具体情况如下:\n审计结余资金87.68万元,分别为:" + ";".join(pieces) + "\n"
    )
    assert [(p.name, p.amount.value) for p in read_listing(text)] == [
        (f"2024年{name}", Decimal(given) * 100) for name, given, _ in parts
    ]


def test_a_balance_not_the_last_ones_must_be_stated():
    text = (
        "分别为:甲项目下达资金5万元,结余资金;乙项目下达资金6万元,结余资金1万元;"
        "丙项目下达资金7万元,结余资金2万元\n"
    )
    assert given_then_left(text.split("\n")) == []


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["甲村小学", "乙乡卫生院", "丙镇敬老院", "丁村道路"]),
            st.integers(1, 9999),
        ),
        min_size=3,
        max_size=6,
    )
)
def test_every_part_of_a_semicolon_list_is_one_project(parts):
    verbs = ["主要建设校舍", "新建道路2公里", "改造供水管网", "实施危房改造"]
    labels = ["总投资", "投资", "安排资金", ""]
    text = (
        ";".join(
            f"某县{name}{verbs[i % 4]},{labels[amount % 4]}{amount}万元"
            for i, (name, amount) in enumerate(parts)
        )
        + "。"
    )
    listed = read_listing(text)
    assert [(p.name, p.amount.value) for p in listed] == [
        (f"某县{name}", Decimal(amount) * 10000) for name, amount in parts
    ]


def test_a_list_goes_on_past_a_marker_that_lost_its_mark_and_into_a_group_of_one():
    text = (
        "一、老年人福利类共计3个项目,主要用于:\n"
        "1、资助本老年人日间服务中心建设项目280万元;\n"
        "2、资助本区认知症照护床位补贴项目236万元;\n"
        "3资助新建改造老年活动室项目320万元;\n"
        "二、社会公益类共计1项目,主要用于:\n"
        "1、资助本区社区公益招投标项目161.15万元。\n"
        "三、本级体育彩票公益金用于全民健身支出20万元。\n"
    )
    listed = read_listing(text)
    assert [(p.name, p.amount.value) for p in listed] == [
        ("老年人日间服务中心建设项目", Decimal("2800000")),
        ("认知症照护床位补贴项目", Decimal("2360000")),
        ("新建改造老年活动室项目", Decimal("3200000")),
        ("社区公益招投标项目", Decimal("1611500")),
    ]
    # A year or a count is no marker: 2024年… does not go on a list at item 2.
    assert read_listing("1、甲村道路项目50万元;\n2024年乙村饮水项目30万元;\n") == []


def test_numbered_fields_under_a_listed_project_are_its_text_and_give_its_total():
    text = (
        "今年我局实事项目建设具体情况如下:\n一、双牌县何家洞镇中心小学建设\n"
        "1、考核任务:双牌县何家洞镇中心小学建设,规划投资总额167万元。\n"
        "2、完成情况:截止8月底已完成教学楼改造。完成投资167万元。\n"
        "二、双牌县平福头学校建设\n1、考核任务:双牌县平福头学校建设,规划投资总额135万元。\n"
        "2、完成情况:完成投资100万元\n"
    )
    projects = parse_disclosure(text, year=2024).tree["projects"]
    assert [(p["name"], p["declared_total_yuan"], len(p["sub_items"])) for p in projects] == [
        ("双牌县何家洞镇中心小学建设", "1670000.00", 1),
        ("双牌县平福头学校建设", "1350000.00", 1),
    ]


@pytest.mark.parametrize("marker", ["(一)", "（一）", "(1)", "1、"])
def test_fields_numbered_in_another_style_are_the_items_text_and_its_planned_total(marker):
    # 一、…项目 then (一)资金使用情况:计划投资…: the fields are the project's, not a list.
    second = marker.replace("一", "二").replace("1", "2")
    text = "现将实施情况公告如下:\n" + "".join(
        f"{n}、{name}\n{marker}资金使用情况:计划投资{plan}万元,结算价{paid}万元。\n"
        f"{second}检查验收结果:建设大棚1栋,验收合格。\n"
        for n, name, plan, paid in [
            ("一", "庄兴村温室大棚建设项目", "117.98", "112.92"),
            ("二", "东兴村基础设施建设项目", "60.64", "52.56"),
        ]
    )
    assert names_and_totals(text, year=2025) == [
        ("庄兴村温室大棚建设项目", "1179800.00"),
        ("东兴村基础设施建设项目", "606400.00"),
    ]


@pytest.mark.parametrize(
    ("kinds", "names"),
    [
        (
            ["特色产业发展茶产业项目", "农业物联网示范点建设项目"],
            ["特色产业发展茶产业项目", "农业物联网示范点建设项目"],
        ),
        (["产业发展类", "基础设施类"], []),  # kinds of project name none
    ],
)
def test_a_project_type_column_names_the_rows_only_when_it_holds_projects(kinds, names):
    text = "项目类型 |\n申报单位 |\n财政补助资金(万元) |\n" + "".join(
        f"{kind} |\n绩溪县种植业局 |\n40 |\n" for kind in kinds
    )
    listed = read_listing(unflatten(text))
    assert [p.name for p in listed] == names
    assert all(p.unit == "绩溪县种植业局" for p in listed)


def test_a_list_whose_markers_lost_their_mark_is_read_when_its_items_are_projects_with_money():
    text = (
        "一、产业项目\n"
        "1前进区大豆萃取深加工厂房基础设施配套项目计划投资314.51万元修缮建设6000平方米厂房。\n"
        "2南岗村秸秆机械采购项目。计划投资30万元省级资金。\n"
        "3南岗村民宿文旅示范点项目。计划投资256.5万元。\n"
    )
    listed = read_listing(text)
    assert [(p.name, p.amount.value) for p in listed] == [
        ("前进区大豆萃取深加工厂房基础设施配套项目", Decimal("3145100")),
        ("南岗村秸秆机械采购项目", Decimal("300000")),
        ("南岗村民宿文旅示范点项目", Decimal("2565000")),
    ]
    # A line opening with a count is no item: 1人负责…, 2024年….
    assert read_listing("1人负责项目管理,经费5万元。\n2人负责项目验收,经费3万元。\n") == []


def test_a_one_cell_a_line_headings_unit_wrapped_to_its_own_line_is_part_of_it():
    cells = ["序号", "项目名称", "建设地点", "总投资", "(万元)", "其中,中央专项彩票公益金(万元)"]
    cells += ["实施主体", "完成情况"]
    cells += ["1", "公共厕所建设项目", "将军营镇", "96", "96", "将军营镇", "已完工8座"]
    cells += ["2", "粪污处理设施建设项目", "将军营镇", "40", "40", "将军营镇", "正在施工"]
    listed = read_listing("\n\n".join(cells))
    assert [(p.name, p.unit, p.amount.value) for p in listed] == [
        ("公共厕所建设项目", "将军营镇", Decimal("960000")),
        ("粪污处理设施建设项目", "将军营镇", Decimal("400000")),
    ]


NUMBERED_PARAGRAPHS = (
    "现将资金安排使用公告如下:\n"
    "1.第二批中央衔接资金60万元拟用于真武村境内约5公里破损路面进行维修整治,投入资金10万元;"
    "对真武村环线950米进行黑化,预计投入资金50万元;以上合计投入中央衔接资金60万元。\n"
    "2.对全区256名省外务工群众按照每人300-1200元标准进行务工补助,预计投入资金27.92万元;"
    "对全区682名区外省内务工群众进行补助,预计投入资金26.35万元;整个项目预计投入资金54.27万元。\n"
    "3.为蔡金镇中心村安装稻田智能化灌排系统项目,安装管网820米,项目总投资58万元,"
    "其中投入省级衔接资金20万元。\n"
    "4.为竹根镇青龙村新建通组道路600米,预计投入省级衔接资金21万元。\n"
    "公告期间如有异议,欢迎提出监督意见。\n"
)


def test_numbered_paragraphs_of_prose_are_projects_with_their_total_and_parts():
    result = parse_disclosure(NUMBERED_PARAGRAPHS, year=2024)
    projects = result.tree["projects"]
    assert [
        (p["name"], p["declared_total_yuan"], [s["declared_amount_yuan"] for s in p["sub_items"]])
        for p in projects
    ] == [
        ("真武村境内约5公里破损路面进行维修整治", "600000.00", ["100000.00", "500000.00"]),
        ("全区256名省外务工群众", "542700.00", ["279200.00", "263500.00"]),
        # One sub-item holds all of a paragraph without parts.
        ("蔡金镇中心村安装稻田智能化灌排系统项目", "580000.00", ["580000.00"]),
        ("竹根镇青龙村新建通组道路", "210000.00", ["210000.00"]),
    ]
    # Read from prose: every name and every amount is flagged for staff.
    for sequence in range(1, 5):
        fields = {f.field for f in result.findings if f.project == sequence}
        assert {"name", "declared_total"} <= fields


def test_the_sum_of_everything_above_is_not_the_last_items_money():
    # 以上合计… on a line of its own sums every item: the last keeps its own money.
    text = (
        "特向贵单位提出2020年市级应急救灾物资储备需求目录如下:\n"
        "1、救灾专用单帐篷2000顶,每顶1320元需264万元;\n"
        "2、军用毛毯2000床,每床120元需24万元;\n"
        "3、防潮充气垫3000件,每件240元需72万元。\n"
        "以上合计约需采购经费360万元。\n"
    )
    totals = [p["declared_total_yuan"] for p in parse_disclosure(text, year=2020).tree["projects"]]
    assert totals[-1] == "720000.00"


def test_an_item_giving_its_sum_in_wan_alone_is_read_in_wanyuan_and_flagged():
    text = (
        "耿马自治县财政局关于2018年产业发展资金分配情况的公示\n"
        "现将资金分配安排情况公示如下:\n"
        "1、耿马镇安排产业发展270万元。主要用于南木弄村生态茶园建设179亩。\n"
        "2、贺派乡安排产业发展130万元。主要用于班卖村高优茶园建设600亩。\n"
        "3、芒洪乡安排产业发展350万。主要用于养殖中蜂900桶、种植花椒500亩。\n"
        "4、勐简乡安排产业发展270万元。主要用于养殖生态土鸡。\n"
    )
    result = parse_disclosure(text, year=2018)
    # named by the place and what the money is for, without the verb between them
    assert [(p["name"], p["declared_total_yuan"]) for p in result.tree["projects"]] == [
        ("耿马镇产业发展", "2700000.00"),
        ("贺派乡产业发展", "1300000.00"),
        ("芒洪乡产业发展", "3500000.00"),
        ("勐简乡产业发展", "2700000.00"),
    ]
    flagged = {(f.project, f.field) for f in result.findings}
    assert (3, "declared_total") in flagged and (1, "declared_total") not in flagged
    # 万 alone after no giving (种植花椒500万株 is a count) is no money
    assert read_listing("1、甲乡种植花椒500万。\n2、乙乡养殖中蜂900万。\n") == []


def test_projects_named_then_counted_take_their_money_from_the_paragraph_each_opens():
    text = (
        "清水县果品产业发展中心\n2020年财政专项扶贫资金完成情况的公示\n"
        "县财政局下达项目建设资金,对清水县2020年贫困户花椒园巩固提升项目、40个深度贫困村花椒示范园后续管理项目和"
        "清水县果农实用技术培训项目等三个项目,组织实施。现将完成情况予以公示。\n"
        "1. 清水县2020年贫困户花椒园巩固提升项目,补植补造花椒园面积4505.7亩,项目建设资金"
        "48.57万元,完成总投资48.5715万元,结余资金2.3497万元。\n"
        "2. 40个深度贫困村花椒示范园后续管理项目,购置化肥,完成总投资39.6万元,结余资金0.4万元。\n"
    )
    # (the words leading the names, 对, are not the first one's; the second paragraph states
    # only what was spent and left: no money of its own)
    assert names_and_totals(text, year=2020) == [
        ("清水县2020年贫困户花椒园巩固提升项目", "485700.00"),
        ("40个深度贫困村花椒示范园后续管理项目", None),
        ("清水县果农实用技术培训项目", None),
    ]


def test_numbered_paragraphs_leave_out_what_is_left_and_never_take_what_was_spent():
    text = (
        "拟提出资金分配意见如下。\n"
        "1.将资金400万元分配用于朔州市污染协同防控研究项目。\n"
        "2.将资金140万元分配用于朔州市提升VOCs现场执法监测能力项目,建设资金140万元,"
        "完成总投资139.5万元,结余资金0.5万元。\n"
        "3.将剩余804万元及下一批省级大气污染防治资金合并统筹使用\n"
    )
    assert names_and_totals(text, year=2021) == [
        ("朔州市污染协同防控研究项目", "4000000.00"),
        ("朔州市提升VOCs现场执法监测能力项目", "1400000.00"),
    ]


def test_a_list_under_the_heading_of_where_the_money_comes_from_lists_no_projects():
    sources = (
        "①森林植被费每亩30元计120万元;\n②育林基金每亩10元计40万元;\n"
        "③整合农业产业化预算资金每亩15元计60万元;\n"
    )
    raised = "三、资金筹集。一是争取中央资金600万元。二是区财政整合支持400万元。其中:\n"
    assert read_listing(raised + sources) == []
    # the same items under words of what is done are read, each named before its rate and
    # given the sum the rate makes, never the rate
    spent = "区财政安排资金用于以下方面:\n"
    assert [(p.name, p.amount.value) for p in read_listing(spent + sources)] == [
        ("森林植被费", 1_200_000),
        ("育林基金", 400_000),
        ("整合农业产业化预算资金", 600_000),
    ]


def test_a_numbered_paragraphs_sources_of_money_are_no_sub_items():
    text = (
        "2021年学生资助资金情况公示\n学生资助共投入618.22万元,具体情况为:\n"
        "1、学前教育。困难幼儿入园资助投入434.4万元,惠及学生4819人,其中上级资金370.1万元,"
        "本级资金64.3万元,全部分配鹤城区。\n"
        "2、高中教育。高中免学费投入183.82万元,其中免学费120万元,教科书63.82万元。\n"
    )
    projects = parse_disclosure(text, year=2021).tree["projects"]
    assert [[s["name"] for s in p["sub_items"]] for p in projects] == [
        ["学前教育"],
        # (what the money is spent on stays its parts)
        ["免学费", "教科书"],
    ]


def test_headings_over_paragraphs_are_no_list_of_projects():
    text = (
        "一、项目资金使用情况\n2024年下达项目资金1570万元,已支出1522.9万元。\n"
        "二、项目实施情况\n组织实施6个项目,投入资金1570万元。\n"
    )
    assert read_listing(text) == []


def test_paragraphs_with_several_sums_and_no_total_leave_the_money_to_staff():
    from budget.importer.listing.paragraphs import numbered_paragraphs

    lines = [
        "1.修建甲村道路投入资金10万元,修建乙村桥梁投入资金25万元。",
        "2.购置农机投入资金8万元。",
    ]
    listed = numbered_paragraphs(lines)
    assert (listed[0].amount, listed[0].amount_cell) == (None, "10万元、25万元")
    assert listed[1].amount.value == Decimal("80000")


@given(
    _named_amounts(["西小召镇", "乌拉山镇", "沙德格苏木", "明安镇", "水利局", "新安镇"], 2000),
    st.booleans(),
)
def test_an_allocation_paragraph_shares_its_money_among_recipients(shares, stated):
    whole = sum(amount for _, amount in shares)
    listed = "、".join(f"{name}{amount}万元" for name, amount in shares)
    text = (
        (f"下达集体经济项目资金{whole}万元。\n" if stated else "")
        + f"一、2026年常态化帮扶资金分配为:{listed}(其中:发展集体经济30万元)。\n"
        + "二、2026年集体经济项目资金分配为:甲镇70万元和乙镇70万元。\n"
    )
    first = read_listing(text)[0]
    assert first.name == "2026年常态化帮扶资金"
    assert [(p.name, p.amount.value) for p in first.parts] == [
        (name, Decimal(amount) * 10000) for name, amount in shares
    ]
    # Its total only where the text states the sum of the shares; never one share.
    assert (first.amount.value if first.amount else None) == (
        Decimal(whole) * 10000 if stated else None
    )


def test_the_top_of_a_range_after_each_is_a_rate():
    from budget.importer.lines import rate_at

    text = "按照每人300-1200元标准补助,投入资金27.92万元"
    assert rate_at(text, text.index("1200"))
    assert not rate_at(text, text.index("27.92"))


def test_numbered_items_of_labelled_cells_in_one_sentence_are_projects():
    text = (
        "现申请实施2021年度衔接推进乡村振兴资金项目。具体情况如下:\n"
        "1、项目名称:2021年赵村生产道路建设项目,建设性质:新建;建设地址:赵村;"
        "建设内容:新修生产道路1181米;总投资:75万元;项目效益:改善出行条件。\n"
        "2、项目名称:2021年虎牢关村水利建设项目,建设性质:新建;建设内容:安装压力罐2套;"
        "总投资:8万元;项目效益:提高饮水保障能力。\n"
    )
    assert names_and_totals(text, year=2021) == [
        ("2021年赵村生产道路建设项目", "750000.00"),
        ("2021年虎牢关村水利建设项目", "80000.00"),
    ]


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["富廷村烘干塔", "六合村笨榨豆油", "长胜村道路硬化", "龙山村晒场"]),
            st.sampled_from(["项目", "工程"]),
            st.one_of(st.none(), st.integers(min_value=1, max_value=900)),
        ),
        min_size=2,
        max_size=4,
        unique_by=lambda name: name[0],
    ),
    st.sampled_from(["、", "和"]),
)
def test_names_after_a_count_of_them_are_the_projects(names, joint):
    written = [f"{name}{end}" + (f"{money}万元" if money else "") for name, end, money in names]
    listing = "、".join(written[:-1]) + ("和" if joint == "和" else "、") + written[-1]
    text = (
        f"2025年项目库保留储备项目{len(names)}个,{listing}。\n"
        "农业机械采购项目3个,甲村、乙村、丙村。\n"  # villages, not projects: not read
    )
    listed = read_listing(text)
    assert [(p.name, p.amount.value if p.amount else None) for p in listed] == [
        (f"{name}{end}", Decimal(money) * 10000 if money else None) for name, end, money in names
    ]
    assert all(p.inferred for p in listed)


def test_names_that_do_not_match_their_count_are_no_list():
    # Three said, two named: not read (the text may name them elsewhere).
    assert read_listing("储备项目3个,甲村道路硬化项目、乙村晒场项目。\n") == []


def test_numbered_paragraphs_inside_an_outer_item_are_read_as_the_list():
    # 一、 states no money; its (一)(二) do: they are the projects.
    text = (
        "经审核,现批复如下:\n"
        "一、原则同意你委上报的高标准农田建设项目实施计划。\n"
        "(一)2023年度高标准农田项目建设规模56800亩,其中:新建项目31800亩,"
        "改造提升项目25000亩。项目总投资11360万元。\n"
        "(二)提前下达2024年度改造提升高标准农田建设项目规模6400亩。项目总投资1280万元。\n"
        "二、请按照批复后的项目实施计划组织开展相关工作。\n"
        "三、项目建设期1年。\n"
    )
    listed = read_listing(text)
    assert [(p.name, p.amount.value) for p in listed] == [
        ("2023年度高标准农田项目", Decimal("113600000")),
        ("2024年度改造提升高标准农田建设项目", Decimal("12800000")),
    ]


def test_items_after_yi_shi_er_shi_on_lines_of_their_own_are_projects():
    text = (
        "将第三批衔接资金安排使用如下:\n"
        "一是用于雨露计划项目增加衔接资金18.75万元;\n"
        "二是用于第二批道路建设项目892.13万元;\n"
        "三是用于饮水安全项目1273.25万元;\n"
        "三、资金分配使用情况(见附表)\n"
    )
    listed = read_listing(text)
    assert [(p.name, p.amount.value, p.line, p.inferred) for p in listed] == [
        ("雨露计划项目", Decimal("187500"), 2, True),
        ("第二批道路建设项目", Decimal("8921300"), 3, True),
        ("饮水安全项目", Decimal("12732500"), 4, True),
    ]
    # Markers out of order are no list.
    assert read_listing(text.replace("二是", "三是", 1)) == []


@given(
    st.lists(
        st.tuples(
            st.sampled_from(
                ["幸福屋场项目", "村级产业发展帮扶项目", "庭院经济示范工程", "道路硬化项目"]
            ),
            st.sampled_from(["奖补资金", "资金", ""]),
            st.integers(min_value=1, max_value=500),
        ),
        min_size=2,
        max_size=4,
        unique_by=lambda part: part[0],
    )
)
def test_a_funds_parts_named_as_projects_are_the_projects(parts):
    whole = sum(amount for _, _, amount in parts)
    listed = ",".join(f"{name}{words}{amount}万元" for name, words, amount in parts)
    text = f"市财政局下达衔接资金{whole}万元到我区,其中{listed}。\n"
    assert [(p.name, p.amount.value, p.inferred) for p in read_listing(text)] == [
        (name, Decimal(amount) * 10000, True) for name, _, amount in parts
    ]


def test_groups_of_a_list_setting_out_their_projects_line_by_line_are_one_list():
    text = (
        "2022年新增债务限额5.1亿元,其中:\n"
        "⑴安排用于城乡基础设施建设0.2亿元,其中:桃源北路道路工程新建项目0.1亿元;"
        "魁星道路及配套工程新建项目0.1亿元。\n"
        "\n"
        "⑵安排用于教育基础设施建设0.08亿元,其中:二中教学综合楼新建项目0.01亿元;"
        "仰贤实验小学改扩建项目0.07亿元。\n"
        "四、债券还本付息情况\n"
        "另安排资金0.3亿元,其中:甲路工程0.1亿元;乙路工程0.2亿元。\n"
    )
    assert [(p.name, p.amount.value) for p in read_listing(text)] == [
        ("桃源北路道路工程新建项目", 10_000_000),
        ("魁星道路及配套工程新建项目", 10_000_000),
        ("二中教学综合楼新建项目", 1_000_000),
        ("仰贤实验小学改扩建项目", 7_000_000),
    ]


def test_kinds_of_project_counted_in_a_breakdown_are_no_projects():
    text = "下达资金19389万元,其中产业发展项目81个,金额17177万元;就业项目8个,金额2212万元。\n"
    assert read_listing(text) == []


@given(_named_amounts(["皮山县", "墨玉县", "和田市", "洛浦县", "民丰县"], 9999), st.booleans())
def test_funds_shared_among_recipients_sentence_by_sentence_are_projects(shares, stated):
    whole = sum(amount for _, amount in shares)
    listed = ",".join(f"{who}{Decimal(amount) / 100}万元" for who, amount in shares)
    text = (
        (f"收到中央资金{Decimal(whole) / 100}万元。\n" if stated else "")
        + f"2020年中央农村环境整治资金(统筹整合部分){listed}。"
        + "2020年自治区农村环境整治资金皮山县46万元,墨玉县92.6万元。\n"
    )
    first, second = read_listing(text)
    assert first.name == "2020年中央农村环境整治资金(统筹整合部分)"
    assert [(p.name, p.amount.value) for p in first.parts] == [
        (who, Decimal(amount) * 100) for who, amount in shares
    ]
    assert (first.amount.value if first.amount else None) == (
        Decimal(whole) * 100 if stated else None
    )
    assert second.name == "2020年自治区农村环境整治资金" and len(second.parts) == 2


def test_one_fund_shared_among_recipients_is_no_list():
    assert read_listing("2020年中央农村环境整治资金皮山县58.97万元,墨玉县118.71万元。\n") == []


def test_fields_after_a_written_out_performance_field_are_fields_and_a_whole_unit_stays_whole():
    text = (
        "某县农业农村局拟建设高标准农田建设项目立项前公示\n\n"
        " 项目名称:2021年大沟沿村3824亩高标准农田建设项目\n\n"
        " 投资规模:总投资807万元。\n\n"
        " 绩效目标:实施3824亩滴管设施配套项目,改善玉米灌溉条件。\n\n"
        " 进度安排:2021年9月—2022年5月\n\n"
        " 责任单位:同心县农业农村局\n\n"
        " 实施地\n"
    )
    [project] = parse_disclosure(text, year=2021).tree["projects"]
    assert project["implementing_unit"] == "同心县农业农村局"
    assert project["declared_total_yuan"] == "8070000.00"


@pytest.mark.parametrize(
    ("heading", "yuan"),
    [("发行金额(亿元)", "40000000.00"), ("发行金额(万元)", "4000.00"), ("发行金额(元)", "0.40")],
)
def test_a_money_columns_unit_is_its_headings_hundred_million_too(heading, yuan):
    text = (
        f"序号 | 主管部门 | 项目单位 | 项目名称 | {heading} | 评价得分 | 评价结果 | 备注 |\n"
        "1 | 三门县住房和城乡建设局 | 三门县市政公用工程建设事务中心 | "
        "三门县城镇污水处理设施建设工程 | 0.4 | 87 | 良 | 财政部门重点评价 |\n"
        "2 | 三门县住房和城乡建设局 | 三门县市政公用工程建设事务中心 | "
        "三门县石羊溪水质提升工程 | 1.36 | 91 | 优 | 项目单位自评 |\n"
    )
    listed = read_listing(text)
    assert [p.name for p in listed] == [
        "三门县城镇污水处理设施建设工程",
        "三门县石羊溪水质提升工程",
    ]
    assert str(listed[0].amount.value.quantize(Decimal("0.01"))) == yuan
    assert listed[0].unit == "三门县市政公用工程建设事务中心"


def test_a_title_without_its_page_record_and_a_sum_in_wan_after_its_label():
    text = (
        "石家嘴居委会二组道路拓宽美化工程 发布日期:2022-05-09 15:30 信息来源:石家嘴居委会\n\n"
        "石家嘴居委会二组公路全长3公里,是通往祝林店村的必经之路。\n\n"
        "计划施工日期:2023年\n\n工程施工量:3公里\n\n工程资金投入:30万\n\n项目受益人口:5000人\n"
    )
    [project] = parse_disclosure(text, year=2023).tree["projects"]
    assert project["name"] == "石家嘴居委会二组道路拓宽美化工程"
    assert project["declared_total_yuan"] == "300000.00"


def test_names_between_ji_and_their_count_again_are_the_projects():
    text = (
        "我县2020年计划兴建集中供水工程3处,即操军镇东港水厂改扩建、东山镇顺星水厂管网延伸、"
        "县城关二水厂管网延伸(普圣堂片区、华光片区)等3处供水工程。完成投资1923.78万元。\n"
    )
    assert [p.name for p in read_listing(text)] == [
        "操军镇东港水厂改扩建",
        "东山镇顺星水厂管网延伸",
        "县城关二水厂管网延伸(普圣堂片区、华光片区)",
    ]
    assert read_listing(text.replace("等3处", "等4处")) == []  # the count must hold


def test_rows_that_lost_cells_after_the_name_and_money_are_read_by_the_header_flagged():
    cells = ["序号", "主管部门", "项目单位", "项目名称", "发行金额(亿元)", "评价得分", "评价结果"]
    cells += ["备注"]
    cells += ["1", "平桥镇人民政府", "天台易城环境工程有限公司", "花前工业园区四期核心区"]
    cells += ["0.7", "92", "项目单位自评"]  # 评价结果 left out
    cells += ["2", "平桥镇人民政府", "天台县新时代城镇建设开发有限公司", "蓝天科创产业园工程"]
    cells += ["0.1", "83", "主管部门委托第三方评价"]
    result = parse_disclosure("\n\n".join(cells), year=2022)
    projects = result.tree["projects"]
    assert [(p["name"], p["implementing_unit"], p["declared_total_yuan"]) for p in projects] == [
        ("花前工业园区四期核心区", "天台易城环境工程有限公司", "70000000.00"),
        ("蓝天科创产业园工程", "天台县新时代城镇建设开发有限公司", "10000000.00"),
    ]
    for sequence in (1, 2):  # guesses, each flagged
        fields = {f.field for f in result.findings if f.project == sequence}
        assert {"name", "declared_total", "implementing_unit"} <= fields


def test_a_subtotal_column_after_several_money_columns_is_the_rows_money():
    # Empty cells were left out in flattening: each row's 小计 is its last figure.
    cells = ["序号", "项目名称", "省级建设补助(万元)", "省级运营补助(万元)", "市级建设补助(万元)"]
    cells += ["市级运营补助(万元)", "小计"]
    cells += ["1", "十字路街道土沟村农村幸福院", "3", "3", "2", "8"]
    cells += ["2", "洙边镇庄庄河南村农村幸福院", "3", "3", "2", "8"]
    cells += ["3", "新城养老院", "10.8", "5.42", "16.22"]
    cells += ["合计", "6", "16.8", "4", "5.42", "32.22"]
    listed = read_listing("\n".join(cells))
    assert [(p.name, p.amount.value, p.misaligned) for p in listed] == [
        ("十字路街道土沟村农村幸福院", Decimal("80000"), True),
        ("洙边镇庄庄河南村农村幸福院", Decimal("80000"), True),
        ("新城养老院", Decimal("162200"), True),
    ]


def test_a_listed_items_verb_of_giving_is_no_part_of_its_name():
    text = (
        "项目资金安排\n一、下达通川区产业扶贫资金875万元;\n二、提前下达达川区产业扶贫资金118万元;\n"
        "三、拨付渠县产业扶贫资金213万元。\n"
    )
    assert [p.name for p in read_listing(text)] == [
        "通川区产业扶贫资金",
        "达川区产业扶贫资金",
        "渠县产业扶贫资金",
    ]


def test_projects_after_qizhong_apart_by_semicolons_are_the_projects():
    text = (
        "下达补助资金191万元,计划安排项目3个,建筑面积共计6674平方米,其中:淮河镇中心幼儿园"
        "保教楼维修改造项目,资金80万元,建筑面积1254平方米;草店镇中心幼儿园保教楼改造项目,"
        "资金80万,建筑面积3250平方米;澴潭镇中心幼儿园运动场改造项目,资金31万元。\n"
    )
    assert [(p.name, p.amount.value, p.inferred) for p in read_listing(text)] == [
        ("淮河镇中心幼儿园保教楼维修改造项目", Decimal("800000"), True),
        ("草店镇中心幼儿园保教楼改造项目", Decimal("800000"), True),  # 80万 after 资金
        ("澴潭镇中心幼儿园运动场改造项目", Decimal("310000"), True),
    ]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "获得中央预算内资金3274万元,用于支持章贡区赣纺、上犹县教师新村、安远县东江大厦等3个"
            "老旧小区改造项目建设。\n",
            ["章贡区赣纺", "上犹县教师新村", "安远县东江大厦"],
        ),
        # Villages a project is shared among, and kinds of work, are no projects.
        ("确定五峰镇马帐房村、彰武镇前郑家村等两个项目为扶持村集体经济项目。\n", []),
        ("用于水电路气、绿化、照明等3个方面的项目建设。\n", []),
    ],
)
def test_names_before_the_count_of_the_projects(text, names):
    assert [p.name for p in read_listing(text)] == names


def test_kinds_of_spending_over_lists_of_projects_are_headings_not_projects():
    text = (
        "现对2015年度本级体育彩票公益金使用情况公告如下:\n"
        "一、群众体育 131.72万元\n(一)国家登山健身步道 121.72万元\n用于支持步道创建工作。\n"
        "(二)黄石市老年人体育协会 10万元\n用于支持老年人体育活动。\n"
        "二、竞技体育 14.85万元\n(一)青少年体育传统项目学校 9.85万元\n"
        "(二)下陆区少儿体校建设补助 5万元\n黄石市体育局\n"
    )
    assert [(p.name, p.amount.value) for p in read_listing(text)] == [
        ("国家登山健身步道", Decimal("1217200")),
        ("黄石市老年人体育协会", Decimal("100000")),
        ("青少年体育传统项目学校", Decimal("98500")),
        ("下陆区少儿体校建设补助", Decimal("50000")),
    ]
    # A project over its parts stays the project.
    projects = text.replace("群众体育", "群众体育设施建设项目").replace(
        "竞技体育", "竞技体育提升项目"
    )
    assert [p.name for p in read_listing(projects)] == ["群众体育设施建设项目", "竞技体育提升项目"]


def test_items_named_before_what_is_given_this_time():
    text = (
        "具体分配如下:\n1.创建“美丽水细胞单元”项目本次安排资金10万元,由水环境管理科实施。\n"
        "2.低碳试点建设项目本次安排75万,由大气环境管理科实施。\n"
    )
    assert [(p.name, p.amount.value) for p in read_listing(text)] == [
        ("创建“美丽水细胞单元”项目", Decimal("100000")),
        ("低碳试点建设项目", Decimal("750000")),
    ]


@given(
    _named_amounts(["农村中等职业教育发展", "生源地贷款贴息", "教育强县奖励", "中招工作经费"], 900),
    st.sampled_from([0, 1, 2, -1]),
)
def test_projects_counted_then_set_out_with_their_sums(units, more_counted):
    count = len(units) + more_counted
    listed = "、".join(f"{name}{amount}万元" for name, amount in units)
    text = (
        "一、按上级政策配套的资金,共拨付到位500万元。其中甲区200万元、乙区300万元。\n"
        f"二、安排重点项目资金{count}个,共拨付到位资金{sum(a for _, a in units)}万元。"
        f"具体有:{listed}。\n"
    )
    got = [(p.name, p.amount.value if p.amount else None) for p in read_listing(text)]
    # As many as the count, or fewer where three at least are set out each with its sum (the
    # text lists fewer than it counts: staff are told, below); never more than it counts.
    if more_counted == 0 or (more_counted > 0 and len(units) >= 3):
        assert got == [(name, Decimal(amount) * 10000) for name, amount in units]
    else:
        assert not {name for name, _ in units} & {name for name, _ in got}
    if more_counted > 0 and len(units) >= 3:
        rows = [f.message for f in parse_disclosure(text).findings if f.field == "rows"]
        assert rows == [
            f"文中写明有{count}个项目，只读出{len(units)}个：其余项目未能识别，请对照原文补录。"
        ]


def test_a_budgets_project_spending_set_out_without_a_count_is_its_projects():
    text = (
        "部门整体支出绩效评价报告\n2、支出:799.12万元。其中:人员经费支出434.89万元,"
        "公用经费支出77.4万元,项目支出286.83万元。\n"
        "本项目由基本支出和项目支出两个部分构成。项目支出包括委员活动经费36.3万元,"
        "扫黑除恶工作经费1万元,信息网络运行经费5万元,老干部活动经费10.5万元。\n"
    )
    assert _names_and_sums(text) == [
        ("委员活动经费", Decimal("363000")),
        ("扫黑除恶工作经费", Decimal("10000")),
        ("信息网络运行经费", Decimal("50000")),
        ("老干部活动经费", Decimal("105000")),
    ]
    # A text cut off in its last item (a page stored in part) keeps the items before it.
    cut = text.replace("老干部活动经费10.5万元。\n", "老干部活动经费10.5万元,调研协商")
    assert len(_names_and_sums(cut)) == 4
    # (an item without its sum in a sentence that ends is no cut: the list is not read so)
    whole = text.replace("老干部活动经费10.5万元。\n", "老干部活动经费10.5万元,调研协商。\n")
    assert "委员活动经费" not in [name for name, _ in _names_and_sums(whole)]
    # Two are no list of a budget's projects.
    two = text.replace(",信息网络运行经费5万元,老干部活动经费10.5万元", "")
    assert "委员活动经费" not in [name for name, _ in _names_and_sums(two)]


def test_projects_after_any_colon_that_make_up_the_sum_before_it_are_the_projects():
    line = (
        "长泰区2024年中央专项彩票公益金支持地方社会公益事业项目资金440万元,项目资金已经分配"
        "下达到项目建设单位:武安镇京元村状元故居文化公园项目资金140万元、乡村生产道路改造提升"
        "工程(华侨片区)项目资金140万元、林溪乡村振兴试点村建设工程项目资金160万元。\n"
    )
    assert _names_and_sums(line) == [
        ("武安镇京元村状元故居文化公园项目", Decimal("1400000")),
        ("乡村生产道路改造提升工程(华侨片区)项目", Decimal("1400000")),
        ("林溪乡村振兴试点村建设工程项目", Decimal("1600000")),
    ]
    # Not where they do not make it up, nor after 其中 (one fund's parts), nor where they
    # are not each named as a project (one project's parts: 设备购置, 人员培训).
    for other in (
        line.replace("440万元", "450万元"),
        line.replace("建设单位:", "建设单位,其中:"),
        line.replace("文化公园项目资金", "设备购置").replace(
            "改造提升工程(华侨片区)项目资金", "人员培训"
        ),
    ):
        assert "林溪乡村振兴试点村建设工程项目" not in [name for name, _ in _names_and_sums(other)]


def test_projects_set_out_apart_by_semicolons_making_the_sum_above_take_their_wholes():
    text = (
        "宜宾市近期已争取到中央预算内投资6110万元,用于改善医疗卫生条件。\n\n"
        "据悉,这批争取到的资金分别是:县级医院建设项目2015年中央预算内投资3910万元;"
        "乡镇卫生院建设项目2015年中央预算内投资1700万元;"
        "村卫生室建设项目2015年中央预算内投资500万元。\n\n"
        "县级医院建设项目计划总投资6480万元,建设包括兴文县、屏山县2个综合医院。"
        "村卫生室建设项目总投资2400万元,建设包括300个村卫生室。\n"
    )
    # Each its whole where the text states it under its name, else what the list gives it.
    assert _names_and_sums(text) == [
        ("县级医院建设项目", Decimal("64800000")),
        ("乡镇卫生院建设项目", Decimal("17000000")),
        ("村卫生室建设项目", Decimal("24000000")),
    ]
    # Sums that do not make up the one above are no such list.
    assert "乡镇卫生院建设项目" not in [
        name for name, _ in _names_and_sums(text.replace("6110万元", "6120万元"))
    ]


def test_projects_set_out_then_each_told_under_its_name_cite_their_own_basis():
    text = (
        "某局2023年度项目支出绩效自评报告\n"
        "我局2023年项目支出共5个,包括:城乡居民养老保险州级财政配套专项资金3727.00万元、"
        "高校毕业生就业见习生活补助经费129.60万元、财政对退休人员养老金的补助资金11800万元,"
        "农民工工资政府应急周转专项资金500.00万元。\n"
        "1.城乡居民养老保险州级财政配套专项资金:根据云政发〔2015〕75号文件和"
        "《社会保险基金财务制度》等相关规定。\n"
        "2.高校毕业生就业见习生活补助经费:围绕实现更高质量和更充分就业的目标。\n"
    )
    result = parse_disclosure(text)
    projects = result.tree["projects"]
    assert [(p["name"], p["declared_total_yuan"]) for p in projects] == [
        ("城乡居民养老保险州级财政配套专项资金", "37270000.00"),
        ("高校毕业生就业见习生活补助经费", "1296000.00"),
        # (a fund the budget pays for a purpose: 财政对…的补助资金 names no source of money)
        ("财政对退休人员养老金的补助资金", "118000000.00"),
        ("农民工工资政府应急周转专项资金", "5000000.00"),
    ]
    # The basis its own paragraph cites is its own, not every project's.
    assert [len(p["citations"]) for p in projects] == [2, 0, 0, 0]


def test_numbered_items_run_on_in_one_line_are_a_list():
    text = (
        "项目资金安排\n"
        "一、下达宣汉县交通精准扶贫普通省道3800万元; 二、下达达川区农村公路桥梁36万元。\n"
    )
    assert [(p.name, p.amount.value, p.inferred) for p in read_listing(text)] == [
        ("宣汉县交通精准扶贫普通省道", Decimal("38000000"), True),
        ("达川区农村公路桥梁", Decimal("360000"), True),
    ]


def test_an_item_whose_money_is_expected_to_be_given_stays_in_its_list():
    text = (
        "(一)政策补贴延续类项目,共970万元\n"
        "1、2022年延津县支持脱贫户种植优质花生奖补项目,计划安排资金450万元。\n"
        "2、2022年延津县支持脱贫户种植优质小麦奖补项目,预计安排资金500万元。\n"
        "3、2022年延津县支持脱贫户自主创业项目,拟安排资金20万元。\n"
    )
    assert [p.amount.value for p in read_listing(text)] == [
        Decimal("4500000"),
        Decimal("5000000"),
        Decimal("200000"),
    ]


def test_projects_set_out_after_the_nearest_count_with_a_pause_mark_in_a_name():
    text = (
        "共审核项目3个,涉及资金551万元。其中:自治区财政衔接资金项目2个351万元,分别为:"
        "焉耆镇上四号渠生态渔业养殖项目80万元,查汗采开乡、良种场小型水利工程建设项目271万元。"
        "以上3个项目符合实际。\n"
    )
    assert [(p.name, p.amount.value) for p in read_listing(text)] == [
        ("焉耆镇上四号渠生态渔业养殖项目", Decimal("800000")),
        ("查汗采开乡、良种场小型水利工程建设项目", Decimal("2710000")),
    ]


def _names_and_sums(text):
    return [(item.name, item.amount.value if item.amount else None) for item in read_listing(text)]


def test_numbered_projects_told_in_prose_take_the_total_a_label_leads():
    text = (
        "(一)黑木耳标准化生产园区续建项目\n"
        "某公司承担的黑木耳标准化生产园区续建项目,按照实施方案投资计划为1539.87万元,"
        "经第三方财务审定实际投资金额为1599.9万元,2022年度分配补助资金400万元。\n"
        "(二)黑木耳菌包厂及深加工车间项目\n"
        "某合作社承担的黑木耳菌包厂及深加工车间项目,按照实施方案投资计划为681.8万元,"
        "实际投资金额为870.5万元,2022年度分配补助资金218.6万元。"
    )
    assert _names_and_sums(text) == [
        ("黑木耳标准化生产园区续建项目", Decimal("15398700")),
        ("黑木耳菌包厂及深加工车间项目", Decimal("6818000")),
    ]


def test_numbered_parts_not_called_projects_take_no_total_from_prose():
    # 一、二、 under one project's name are its parts: no list of projects is read from them.
    text = (
        "贫困残疾人康复\n一、贫困精神残疾人药费补助\n"
        "康复投入资金总额:370.2万元。每人每年补助1000元,实际完成3702人。\n"
        "二、残疾人辅具适配补助\n辅具每人补助1500元,所需经费由省级财政统筹安排。"
    )
    assert read_listing(text) == []


def test_sentences_each_giving_a_sum_to_a_named_project_are_the_projects():
    text = (
        "经研究,现提前下达高升镇2025年中央少数民族发展资金40万元,用于旭光村稻甲综合种养基地"
        "建设项目支出;提前下达珠溪镇2025年市级少数民族发展资金20万元,用于玉河村产业发展项目"
        "支出。年终决算列2130505—生产发展。"
    )
    listed = read_listing(text)
    assert [(item.name, item.amount.value) for item in listed] == [
        ("旭光村稻甲综合种养基地建设项目", Decimal("400000")),
        ("玉河村产业发展项目", Decimal("200000")),
    ]
    assert all(item.inferred for item in listed)  # read from prose: flagged to staff
    # One such sentence is a project's, not a list; two of one project are one project.
    assert read_listing(text.split(";")[0] + "。") == []
    assert read_listing("安排资金40万元,用于甲村道路项目;追加资金20万元,用于甲村道路项目。") == []


def test_rows_under_a_group_cell_merged_down_are_read_when_the_group_subtotal_adds_up():
    header = "序号\n单位\n项目\n金额(万元)\n"
    rows = (
        "1\n新罗区\n新罗区民族团结工作室\n10\n"
        "2\n上杭县\n宣传月活动启动仪式\n10\n才溪镇大贵村光伏发电基站工程(二期)\n13\n"
        "南阳镇双溪村道路拓宽修复\n8\n \n31\n"
        "3\n漳平市\n茶山机耕道硬化\n7\n象湖镇科山村道路修复项目\n7\n \n14\n \n55\n"
    )
    assert _names_and_sums(header + rows) == [
        ("新罗区民族团结工作室", Decimal("100000")),
        ("宣传月活动启动仪式", Decimal("100000")),
        ("才溪镇大贵村光伏发电基站工程(二期)", Decimal("130000")),
        ("南阳镇双溪村道路拓宽修复", Decimal("80000")),
        ("茶山机耕道硬化", Decimal("70000")),
        ("象湖镇科山村道路修复项目", Decimal("70000")),
    ]
    # The group's merged cell is each of its rows': 才溪镇… is 上杭县's like the row above.
    assert [item.unit for item in read_listing(header + rows)][1:4] == ["上杭县"] * 3
    # A subtotal that does not add up (30, not 31) is no group: those rows are not guessed.
    broken = rows.replace("\n31\n", "\n30\n")
    assert ("南阳镇双溪村道路拓宽修复", Decimal("80000")) not in _names_and_sums(header + broken)


def test_a_notices_total_is_the_sum_its_projects_name_leads():
    text = (
        "关于利通区2025年肉牛产业提质升级项目 拨付进度资金情况的公示\n"
        "下达我区2025年肉牛产业提质升级项目资金135万元,其中:支持新建肉牛规模养殖场2个,"
        "每个补助资金30万元。经验收,计划向其拨付剩余项目资金15万元。\n"
    )
    (project,) = parse_disclosure(text).tree["projects"]
    assert project["name"] == "利通区2025年肉牛产业提质升级项目"
    assert project["declared_total_yuan"] == "1350000.00"  # not the 15万元 left to pay


def test_a_one_cell_a_line_header_with_a_place_and_a_budget_code_column():
    text = (
        "附件\n2025年坦洲隆麟水产深加工基地提升工程建设资金安排表\n序号\n所在镇街\n承担单位\n金额(万元)\n项目名称\n功能类科目代码\n绩效目标\n"
        "1\n坦洲镇\n中山市隆麟食品有限公司\n60\n2025年渔业绿色循环发展项目-中山市\n"
        "[2130148]渔业发展\n完成渔业绿色循环项目建设\n合计\n60\n"
    )
    (row,) = read_listing(text)
    assert (row.name, row.unit, row.amount.value) == (
        "2025年渔业绿色循环发展项目-中山市",
        "中山市隆麟食品有限公司",
        Decimal("600000"),
    )  # never named 功能类科目代码, a column's heading


def test_a_notices_one_project_takes_the_sum_given_right_before_yongyu():
    text = (
        "津财基指〔2022〕23号\n"
        "根据《财政部关于下达2022年农业绿色发展专项中央基建投资预算的通知》(财建〔2022〕111号),"
        "现下达你区2022年预算2350万元,专项用于2022年天津市宝坻区畜禽粪污资源化利用整县推进项目"
        "(12000022P10000210006W),功能分类科目列“213.农林水支出”。\n2022年5月27日\n"
    )
    result = parse_disclosure(text)
    (project,) = result.tree["projects"]
    assert project["name"] == "2022年天津市宝坻区畜禽粪污资源化利用整县推进项目"
    assert project["declared_total_yuan"] == "23500000.00"
    assert any(f.field == "declared_total" for f in result.findings)  # from prose: flagged


def test_a_unit_read_from_a_column_headed_danwei_alone_is_flagged():
    text = (
        "关于下达2025年民族发展专项资金的通知\n附件1\n"
        "序号\n单位\n项目\n金额(万元)\n"
        "1\n新罗区\n新罗区民族团结工作室\n10\n2\n上杭县\n宣传月活动启动仪式\n10\n合计\n20\n"
    )
    result = parse_disclosure(text)
    assert [p["implementing_unit"] for p in result.tree["projects"]] == ["新罗区", "上杭县"]
    flagged = [f for f in result.findings if f.field == "implementing_unit"]
    assert [f.project for f in flagged] == [1, 2]
    assert "“单位”栏" in flagged[0].message  # who receives the money, or who carries it out
    # A column that says so (实施单位) is read as it stands.
    labelled = parse_disclosure(text.replace("\n单位\n", "\n实施单位\n"))
    assert not [f for f in labelled.findings if f.field == "implementing_unit"]


def test_items_giving_money_then_yongyu_are_named_by_what_it_is_for():
    text = (
        "关于2024年第一批州级财政衔接资金使用计划的公示\n具体资金使用计划如下:\n"
        "1.拟安排资金151.64万元,用于紫溪镇、西舍路镇经济作物种植基地配套设施建设,具体明细详见附表。\n"
        "2.拟安排资金81.8万元,用于吕合镇、三街镇基础设施建设项目,具体明细详见附表。\n"
    )
    assert [(i.name, i.amount.value) for i in read_listing(text)] == [
        ("紫溪镇、西舍路镇经济作物种植基地配套设施建设", Decimal("1516400")),
        ("吕合镇、三街镇基础设施建设项目", Decimal("818000")),
    ]  # never 拟安排资金, the words giving the money


def test_a_numbered_heading_naming_a_table_names_no_project():
    text = (
        "中原区2023年第二批财政衔接推进乡村振兴补助资金情况的公告公示\n"
        "一、资金来源\n中央资金35万元。\n二、分配原则\n按规定安排分配财政衔接资金50万元。\n"
        "三、资金项目分配情况表\n大李村科文创加工项目\n实施地点:郑州市建设西路。\n"
        "资金预算:50万元\n"
    )
    result = parse_disclosure(text)
    names = [p["name"] for p in result.tree["projects"]]
    assert "资金项目分配情况表" not in names
    assert any(f.field == "name" for f in result.findings)  # what it is called: staff decide


def test_numbered_projects_described_with_the_sum_they_put_in():
    text = (
        "现将依安县2025年中央专项彩票公益金项目安排情况公告如下:\n"
        "一、依安县抗联文化提档升级改造项目。投入310万元扩建依安县英烈纪念馆约290平方米。\n"
        "二、定制蔬菜冷库一期建设项目。2025年投入920万元中彩资金用于采购制冷设备6台套。\n"
        "三、高端肉牛产品冷藏建设项目。投入1200万元中彩资金用于采购制冷设备7台套。\n"
    )
    assert _names_and_sums(text) == [
        ("依安县抗联文化提档升级改造项目", Decimal("3100000")),
        ("定制蔬菜冷库一期建设项目", Decimal("9200000")),
        ("高端肉牛产品冷藏建设项目", Decimal("12000000")),
    ]


def test_a_numbered_list_read_up_to_an_item_it_cannot_read_says_so():
    text = (
        "于田县2017年中央财政专项扶贫资金(发展资金)项目公示\n"
        "1、牲畜棚圈建设。新建牲畜棚圈3382座,每座补助10000元,投入资金3382万元。\n"
        "2、禽舍建设。修建禽舍1711座,每座补助2000元,投入资金342.2万元。\n"
        "3、特色水产养殖。发展水产养殖20户,每户补助10000元,投入\n"
    )
    result = parse_disclosure(text)
    assert len(result.tree["projects"]) == 2
    (unread,) = [f for f in result.findings if f.field == "rows"]
    assert unread.line == 4 and "第2项为止" in unread.message  # staff are sent to item 3


def test_projects_set_out_after_yixia_xiangmu_whose_sums_make_up_the_fund():
    text = (
        "1亿元自治区财政专项资金将分别用于以下项目:柳州港官塘作业区一期工程5000万元 、"
        "落久水利枢纽工程500万元 、鹿寨县古偿河水库工程2000万元 、柳东新区水厂(一期)工程1500万元,"
        "柳东物流中心项目1000万元。"
    )
    listed = read_listing(text)
    assert [(item.name, item.amount.value) for item in listed] == [
        ("柳州港官塘作业区一期工程", Decimal("50000000")),
        ("落久水利枢纽工程", Decimal("5000000")),
        ("鹿寨县古偿河水库工程", Decimal("20000000")),
        ("柳东新区水厂(一期)工程", Decimal("15000000")),
        ("柳东物流中心项目", Decimal("10000000")),
    ]
    assert all(item.inferred for item in listed)  # from prose: flagged
    # Sums that do not make up the fund (9000万元 of 1亿元) are no sure list.
    assert read_listing(text.replace("1500万元", "500万元")) == []


def test_of_several_totals_the_one_that_is_the_others_whole_is_the_projects():
    text = (
        "近日,市财政局下达2023年度冬季清洁取暖专项资金和大气污染防治资金合计13920.64万元,"
        "专项用于散煤清零工程所需。其中,\n"
        "潞城区2023年清洁取暖资金4546.98万元,大气污染防治资金6899.47万元,合计11446.45万元。\n"
        "屯留区2023年清洁取暖资金982.85万元,大气污染防治资金1491.34万元,合计2474.19万元。\n"
    )
    (project,) = parse_disclosure(text, year=2023).tree["projects"]
    assert project["declared_total_yuan"] == "139206400.00"
    assert [(s["name"], s["declared_amount_yuan"]) for s in project["sub_items"]] == [
        ("潞城区", "114464500.00"),
        ("屯留区", "24741900.00"),
    ]


@pytest.mark.parametrize(
    ("text", "department"),
    [
        ("信息来源:区卫生健康局 发布时间:2022-03-01", "区卫生健康局"),
        ("发布机构: | 区社会事业发展局 | 组配分类: | 通知公告 |", "区社会事业发展局"),
        ("来源:本站 2021-06-16", ""),
    ],
)
def test_the_publisher_a_page_names_at_its_head(text, department):
    assert publishing_department(text) == department


def test_a_numbered_item_of_the_lists_style_that_no_item_took_is_said():
    text = (
        "(一)政策补贴延续类项目,共200万元\n"
        "1、2022年延津县“雨露计划”职业教育助学工程项目,计划安排资金180万元。\n"
        "2、2022年延津县“雨露计划”短期技能培训项目,计划安排资金20万元。\n"
        "(二)产业类项目,共4350万元。\n"
        "1、与“龙头企业”合作发展村集体经济项目,计划安排资金3850万元。\n"
        "2、其他涉农产业项目(如:高效种植,高效养殖、农产品加工等),计划安排资金500万元。\n"
    )
    result = parse_disclosure(text, year=2022)
    assert len(result.tree["projects"]) == 3
    (unread,) = [f for f in result.findings if f.field == "rows"]
    assert unread.line == 6  # the item left out, where staff look


def test_paragraphs_led_by_a_matters_label_are_one_projects_money_not_projects():
    text = (
        "同意2020年外冈镇施晋村农村生活污水处理工程竣工决算,项目决算总投资554.7235万元。\n"
        "一、资金承担情况:市财政承担277.3618万元,区财政承担235.7575万元。\n"
        "二、资金到达情况:市财政到位250万元,应补27.3618万元。\n"
        "三、街镇财力结算情况:外冈镇政承担41.6042万元,纳入2023年区与镇财力结算上解。\n"
    )
    assert read_listing(text) == []


def test_a_self_evaluations_total_is_the_years_budget_as_it_stood_never_its_zero():
    text = (
        "项目支出绩效自评表 (2024年度) |\n项目名称 |\n某口岸分局自然资源业务支出项目 |\n"
        "主管部门 |\n巴彦淖尔市自然资源局 |\n实施单位 |\n巴彦淖尔市自然资源局甘其毛都口岸分局 |\n"
        "项目资金 (万元) |\n|\n年初预算数 |\n全年预算数 |\n全年执行数 |\n"
        "分值 |\n执行率(%) |\n得分 |\n"
        "年度资金总额 |\n0 |\n2.38 |\n2.38 |\n10 |\n100 |\n10 |\n"
    )
    assert form_total(text) == ("2.38万元", 18)
    (project,) = parse_disclosure(text, year=2024).tree["projects"]
    assert project["declared_total_yuan"] == "23800.00"  # not the 年初预算数 0


def test_a_one_cell_a_line_table_under_its_unit_line_and_a_group_heading_row():
    text = (
        "津南区2024年度政府投资项目投资计划(储备项目)\n投资单位:万元\n"
        "序号\n项目名称\n所属行业\n主要建设内容及规模\n建设起止年限\n建设地点\n总投资\n"
        "2024年度建设进度安排\n储备项目:19项\n384336.63\n"
        "1\n自然灾害应急救援队伍能力提升工程\n公共服务\n为区、镇街救援队伍配备装备。\n2024\n"
        "津南区\n1853\n开工建设\n"
        "2\n周辛庄泵站迁建工程\n市政基础设施\n新建一座20m³/s雨水泵站。\n2024-2026\n"
        "津南区紫江路\n23000\n启动前期手续\n"
    )
    assert _names_and_sums(text) == [
        ("自然灾害应急救援队伍能力提升工程", Decimal("18530000")),
        ("周辛庄泵站迁建工程", Decimal("230000000")),
    ]  # never named 所属行业, nor priced by a row's 序号


def test_a_name_column_named_after_what_the_table_lists():
    text = (
        "2022年舒城县城市阅读空间建设计划表\n"
        "序号\n城市阅读空间名称\n建筑面积(㎡)\n金额  (万元)\n备注\n"
        "1\n七星书屋\n180\n180\n自建\n2\n高铁东站悦书房\n150\n150\n自建\n"
    )
    assert _names_and_sums(text) == [
        ("七星书屋", Decimal("1800000")),
        ("高铁东站悦书房", Decimal("1500000")),
    ]
    # A column naming who gets the money (单位名称) names no project.
    assert read_listing(text.replace("城市阅读空间名称", "单位名称")) == []


def test_a_transfer_payments_form_names_its_project_department_and_money_user():
    text = (
        "休宁县转移支付区域(项目)绩效目标自评表 | |||||||\n(2023年度) | |||||||\n"
        "转移支付(项目)名称 | 休宁县中共皖浙赣省委驻地旧址陈列布展项目 | ||||||\n"
        "中央主管部门 | 国家文物局 | ||||||\n"
        "地方主管部门 | 休宁县文化旅游体育局 | 资金使用单位 | 休宁县文物局 | ||||\n"
        "资金情况(万元) | 全年预算数(A) | 全年执行数(B) | 预算执行率(B/A) | ||||\n"
        "年度资金总额: | 127 | 27.9996 | 22% | ||||\n"
    )
    result = parse_disclosure(text)
    (project,) = result.tree["projects"]
    assert project["name"] == "休宁县中共皖浙赣省委驻地旧址陈列布展项目"
    assert result.tree["department"]["name"] == "休宁县文化旅游体育局"
    assert project["implementing_unit"] == "休宁县文物局"
    assert any(
        f.field == "implementing_unit" and "资金使用单位" in f.message for f in result.findings
    )  # who uses the money: most often, not always, who carries the project out


def test_a_listed_projects_parts_after_baokuo_that_make_up_its_money_are_its_sub_items():
    text = (
        "2020年共分配福彩公益金194.61万元,主要安排用于以下项目:\n"
        "1.老年人福利119.57万元。包括:玉蟾街道黄金村互助养老家园42.8万元、海潮镇敬老院建设项目76.77万元;\n"
        "2.残疾人福利75.04万元。包括:残疾人康复中心30万元、辅具适配40万元;\n"
    )
    first, second = parse_disclosure(text, year=2020).tree["projects"]
    assert [(s["name"], s["declared_amount_yuan"]) for s in first["sub_items"]] == [
        ("玉蟾街道黄金村互助养老家园", "428000.00"),
        ("海潮镇敬老院建设项目", "767700.00"),
    ]
    assert len(second["sub_items"]) == 1  # 30 + 40 is not 75.04: no parts of it


def test_a_paragraphs_project_named_with_duikou_keeps_it():
    from budget.importer.listing.paragraphs import _named_project

    words = "两项合计13605万元,直接拨付至你厅,用于2019年我市对口支援西藏自治区项目建设支出"
    assert _named_project(words).group("name") == "2019年我市对口支援西藏自治区项目"


@pytest.mark.parametrize(
    ("sentence", "total"),
    [
        (
            "本项目估算总投资198万元,建设资金来源为上级补助158万元,县、镇财政配套解决40万元。",
            "1980000.00",
        ),
        ("四、项目匡算投资及资金来源:项目匡算总投资约603万元,由区财政安排。", "6030000.00"),
        (
            "计划累计投入建设资金1345.56万元,其中省财政资金719.4万元,县财政资金626.16万元。",
            "13455600.00",
        ),
    ],
)
def test_a_notices_total_written_as_an_estimate_or_the_money_put_in(sentence, total):
    text = f"关于某镇村级公共服务中心建设项目的批复\n{sentence}\n"
    (project,) = parse_disclosure(text, year=2022).tree["projects"]
    assert project["declared_total_yuan"] == total


@pytest.mark.parametrize(
    ("body", "name"),
    [
        (
            "你单位报来《关于请求审批阳朔县兴坪镇村级公共服务中心建设项目建议书的请示》收悉。",
            "阳朔县兴坪镇村级公共服务中心建设项目",
        ),
        (
            "你单位报来《关于化龙镇草堂立交东侧(二期)500亩地块“四通”工程的立项申请》收悉。",
            "化龙镇草堂立交东侧(二期)500亩地块“四通”工程",
        ),
        (
            "你镇上报的《马街镇人民政府关于南华县马街镇2024年以\n工代赈项目实施方案的请示》已收悉。",
            "南华县马街镇2024年以工代赈项目",
        ),
    ],
)
def test_a_reply_under_its_number_names_the_project_its_request_names(body, name):
    text = f"朔发改管字〔2018〕22号\n{body}\n本项目估算总投资198万元。\n"
    (project,) = parse_disclosure(text, year=2018).tree["projects"]
    assert project["name"] == name  # never its document number
    assert project["declared_total_yuan"] == "1980000.00"


@pytest.mark.parametrize(
    "received",
    ["》收悉。", "》已收悉。", "》悉。经研究,批复如下:", "》(以下简称《方案》)收悉。"],
)
def test_the_request_a_reply_answers_is_its_basis_however_its_receipt_is_written(received):
    text = (
        "关于某镇公益林抚育项目的批复\n"
        f"你单位提交的《关于申报2023年城桥镇公益林抚育项目的请示{received}\n"
        "本项目估算总投资198万元。\n"
    )
    (project,) = parse_disclosure(text, year=2024).tree["projects"]
    assert [c["title"] for c in project["citations"]] == [
        "关于申报2023年城桥镇公益林抚育项目的请示"
    ]


def test_a_notices_own_number_makes_no_list_it_prints_the_basis_of_its_projects():
    text = (
        "洋政发〔2024〕8号\n洋县人民政府\n关于印发洋县2024年十大民生实事项目的通知\n"
        "各镇人民政府:\n《洋县2024年十大民生实事项目》已经县人民代表大会投票表决通过,"
        "现印发给你们,请精心组织实施。\n"
        "序号 | 项目名称 | 建设地点 | 建设时间 | 2024年建设内容 | 年度投资金额(万元) | 责任单位\n"
        "1 | 城北小学门前道路建设项目 | 纸坊街道 | 2024 | 建成唐塔北路延伸段道路。 | 300 | 住建局\n"
        "2 | 洋县2024年老旧小区改造项目 | 洋州街道 | 2024 | 改造三所小区。 | 1360 | 住建局\n"
    )
    projects = parse_disclosure(text).tree["projects"]
    assert [(p["name"], p["declared_total_yuan"]) for p in projects] == [
        ("城北小学门前道路建设项目", "3000000.00"),
        ("洋县2024年老旧小区改造项目", "13600000.00"),
    ]
    assert [p["citations"] for p in projects] == [[], []]
    # The same table one cell a line, its year-led and time columns among its header's.
    lines = [cell.strip() for row in text.split("\n")[5:] for cell in [*row.split("|"), ""]]
    projects = parse_disclosure("\n".join(text.split("\n")[:5] + lines)).tree["projects"]
    assert [p["implementing_unit"] for p in projects] == ["住建局", "住建局"]


def test_a_masked_sum_is_unread_and_a_masked_unit_flagged():
    text = "一、****基地扩建项目\n建设单位:****公司\n投资金额:****925元\n建设内容:流转土地83亩。\n"
    result = parse_disclosure(text, year=2025)
    (project,) = result.tree["projects"]
    assert project["declared_total_yuan"] is None
    assert any(f.field == "implementing_unit" and "部分隐去" in f.message for f in result.findings)


def test_a_replys_issuer_is_flagged_as_its_department_and_a_glued_heading_ends_a_name():
    text = (
        "牟发改投资〔2025〕4号\n牟定县发展和改革局关于戌街乡阿者迷村进村道路改扩建项目建议书的批复\n"
        "牟定县戌街乡人民政府:\n"
        "一、项目名称:戌街乡阿者迷村进村道路改扩建项目二、项目建设地点:戌街乡戌街村委会阿者迷村\n"
        "三、项目建设单位:牟定县戌街乡人民政府\n六、项目概算总投资及资金筹措:项目总投资22万元。\n"
    )
    result = parse_disclosure(text)
    (project,) = result.tree["projects"]
    assert project["name"] == "戌街乡阿者迷村进村道路改扩建项目"
    assert result.tree["department"]["name"] == "牟定县发展和改革局"
    assert any(f.field == "department" and "批复" in f.message for f in result.findings)
    # A notice's issuer (关于下达…的通知) is its department, as the text's head says; so is a
    # reply's where a 预算单位 label names the same unit.
    notice = text.replace("项目建议书的批复", "项目资金的通知")
    assert not any(f.field == "department" for f in parse_disclosure(notice).findings)
    labelled = text + "预算单位:牟定县发展和改革局\n"
    assert not any(f.field == "department" for f in parse_disclosure(labelled).findings)


def test_a_notice_giving_a_fund_whose_sum_no_rule_reads_is_one_project_not_refused():
    text = (
        "县林业局:根据省财政厅省林业和草原局《关于下达2024年省级财政林业草原专项资金预算(第"
        "一批)的通知》(川财资环〔2024〕26号)文件,现下达你单位2024年省级财政林业草原"
        "专项资金(第一批)如数(详见附表),主要用于自然保护地体系建设、天然林保护、林业草原支撑"
        "保障体系建设等方面支出,并就有关事项通知如下:一、支出请列入2024年政府收支分类功能科"
        "目“21104节能环保支出-自然生态保护”“21302农林水支出-林业和草原”相关项级科"
        "目,省级自然保护区补助专项用于光雾山省级自然保护区、大小兰沟省级自然保护区能力提升建设,"
        "请按照《文旅新区双重管理机构林业项目资金划转办法》要求办理,三、请严格按照专项资金管理相"
        "关规定,加强项目资金和预算绩效管理,附件:1.2024年省级财政林业草原专项资金(第一批"
        ")分配表(任务清单)2.2023年省级财政林业草原专项资金(第一批)区域绩效目标表南江县"
        "财政局2"
    )
    result = parse_disclosure(text)
    (project,) = result.tree["projects"]
    assert project["name"] == "2024年省级财政林业草原专项资金(第一批)"
    assert project["declared_total_yuan"] is None
    assert {"name", "declared_total"} <= {f.field for f in result.findings if f.project == 1}
    # A text that names no fund and states no sum is still refused, with a clear message.
    with pytest.raises(TextImportError, match="没有找到任何项目"):
        parse_disclosure("县林业局:请做好森林防火工作。\n")


def test_projects_named_after_their_ordinal_take_the_whole_their_prose_states():
    text = (
        "暨阳街道2023年民生实事项目完成情况报告\n"
        "第一项:校舍维修建设及设施设备提升工程。\n"
        "包括完成滨江小学整体提升改造。该项目总投资约260万元,资金由街道负责。\n"
        "第二项:社区爱心食堂建设工程。\n"
        "包括在江北方向再开设一家社区爱心食堂。该项目总投资约50万元,资金由街道负责。\n"
    )
    result = parse_disclosure(text)
    projects = result.tree["projects"]
    assert [(p["name"], p["declared_total_yuan"]) for p in projects] == [
        ("校舍维修建设及设施设备提升工程", "2600000.00"),
        ("社区爱心食堂建设工程", "500000.00"),
    ]
    assert {(1, "declared_total"), (2, "declared_total")} <= {
        (f.project, f.field) for f in result.findings
    }
    # An ordinal over a sentence is no project's marker.
    assert project_marker("第一项:完成滨江小学整体提升改造,资金由街道负责。") is None


def test_a_title_said_again_after_the_pages_record_however_worded_is_said_once():
    text = (
        "滁州市财政局关于下达2020年市级创建省级森林城镇(村庄)奖补资金的通知\n\n"
        "    发布时间:2020-06-19 16:22\n\n"
        "    滁州市财政局关于下达2020年市级创建省级森林城村庄)奖补资金的通知\n\n"
        "各县(市、区)财政局:\n现将2020年市级创建省级森林城镇(村庄)奖补资金下达给你们。\n"
    )
    result = parse_disclosure(text)
    assert result.tree["disclosure"]["title"] == (
        "滁州市财政局关于下达2020年市级创建省级森林城镇(村庄)奖补资金的通知"
    )
    assert result.tree["projects"][0]["name"] == "2020年市级创建省级森林城镇(村庄)奖补资金"


def test_a_plan_named_by_its_title_is_named_without_its_kind():
    text = "镇村道路硬化实施方案\n本组位于乡政府驻地东面,计划硬化道路1.2公里,总投资385400.00元。\n"
    (project,) = parse_disclosure(text, year=2011).tree["projects"]
    assert project["name"] == "镇村道路硬化"


def test_works_each_named_over_a_paragraph_stating_its_whole_are_the_projects():
    text = (
        "2024年沈丘扩建学校有哪些\n\n沈丘县近期扩建的学校包括:\n\n沈丘高中:\n\n"
        "新建项目,总投资约5.54亿元,建筑面积10.35万平方米,新增学位5000个。\n\n"
        "北城第一实验学校:\n\n扩建项目,总投资约5460万元,新增男女生宿舍楼和餐厅。\n\n"
        "中英文学校二期工程:\n\n预计总投资约5000万元,建设内容包括宿舍楼和餐厅报告厅综合楼。\n"
    )
    assert _names_and_sums(text) == [
        ("沈丘高中", Decimal("554000000")),
        ("北城第一实验学校", Decimal("54600000")),
        ("中英文学校二期工程", Decimal("50000000")),
    ]
    # A form's labels over their values are no such works.
    form = (
        "项目名称:\n某村道路硬化工程\n建设单位:\n某镇人民政府\n总投资:\n新建道路,总投资50万元。\n"
    )
    assert "总投资" not in [name for name, _ in _names_and_sums(form)]


def test_projects_counted_with_their_whole_then_each_told_by_its_sum_first():
    text = (
        "本次集中开工3个项目,总投资0.44亿元,分别是投资3500万元的俄蜜源蜂业产业园区、"
        "投资500万元的绥芬河市恒驰国际汽车电子平台交易基地、投资400万元的天长山水库路提质改造工程。\n"
    )
    assert _names_and_sums(text) == [
        ("俄蜜源蜂业产业园区", Decimal("35000000")),
        ("绥芬河市恒驰国际汽车电子平台交易基地", Decimal("5000000")),
        ("天长山水库路提质改造工程", Decimal("4000000")),
    ]
    # sums that do not make up the whole are no such list
    assert "天长山水库路提质改造工程" not in [
        name for name, _ in _names_and_sums(text.replace("0.44亿元", "0.45亿元"))
    ]


def test_paragraphs_each_opening_with_a_project_and_its_estimate_are_the_projects():
    text = (
        "另外,近期自治区发改委又批复了两项工程的初步设计方案。\n"
        "精河县下天吉水利枢纽二期工程项目总概算投资72365万元,主要建设坝体加高等工程。\n"
        "新疆国家林木种植资源保存库分库二期建设项目总概算投资2982万元,主要建设研发中心。\n"
    )
    assert _names_and_sums(text) == [
        ("精河县下天吉水利枢纽二期工程", Decimal("723650000")),
        ("新疆国家林木种植资源保存库分库二期建设项目", Decimal("29820000")),
    ]
    # One such paragraph is one project's, no list.
    one = text.replace("新疆国家林木种植资源保存库分库二期建设项目总概算投资2982万元,", "")
    assert len(_names_and_sums(one)) != 2


def test_a_unit_named_in_a_sentence_under_its_label_is_read_and_flagged():
    text = (
        "西吉县西滩小流域综合治理项目公示\n来源:西吉县水务局\n"
        "项目总投资636万元。工程于2020年3月13日完成招投标工作,监理单位为:西安黄河工程监理有限公司;"
        "项目法人单位为西吉县水土保持工作站。\n"
    )
    result = parse_disclosure(text, year=2020)
    (project,) = result.tree["projects"]
    assert project["implementing_unit"] == "西吉县水土保持工作站"  # never the 监理单位
    assert any(f.field == "implementing_unit" and "正文" in f.message for f in result.findings)


def test_an_estimates_heading_is_the_money_section():
    text = (
        "一、项目名称:杨陵区基层卫生医疗保障工程。\n二、项目建设单位:杨陵区卫生健康局。\n"
        "四、项目估算投资及资金来源:项目估算总投资约1600万元,其中拟争取专项债券1000万元。\n"
    )
    (project,) = parse_disclosure(text, year=2020).tree["projects"]
    assert project["declared_total_yuan"] == "16000000.00"


def test_a_pages_record_set_out_with_spaces_is_no_title():
    text = (
        "索 引 号 LY00106-0400-2025-00001 主题分类 国民经济和社会发展统计信息\n"
        "发布机构 龙岩市民族与宗教事务局 文 号 龙财行指〔2025〕8号\n公文生成日期: 2025-04-14\n"
        "标 题: 关于下达2025年龙岩市民族发展专项资金的通知\n"
        "关于下达2025年龙岩市民族发展专项资金的通知\n"
        "经研究,下达新罗区“石榴红”民族团结工作室项目资金10万元。\n"
    )
    result = parse_disclosure(text)
    assert result.tree["disclosure"]["title"] == "关于下达2025年龙岩市民族发展专项资金的通知"


@given(
    _named_amounts(
        ["小额信贷贴息(精准扶贫贷款贴息)", "易地搬迁贷款贴息项目", "产业发展贷款贴息"], 900
    ),
    st.sampled_from([0, 1, -1]),
    st.booleans(),
)
def test_projects_counted_with_their_sum_then_listed_in_brackets_or_after_a_comma(
    units, off, in_brackets
):
    whole = sum(amount for _, amount in units) + off  # the sums must add up to the group's
    listed = ",".join(f"{name}{amount}万元" for name, amount in units)
    group = f"({listed})" if in_brackets else f",{listed}"
    text = (
        "计划总投资5533万元。其中:"
        f"贷款贴息项目{len(units)}个{'' if in_brackets else '涉及资金'}{whole}万元{group}。\n"
    )
    got = [(p.name, p.amount.value) for p in read_listing(text)]
    if off == 0:
        assert got == [(name, Decimal(amount) * 10000) for name, amount in units]
    else:
        assert not {name for name, _ in units} & {name for name, _ in got}


def test_one_project_counted_with_its_sum_and_a_project_whose_sum_the_text_leaves_out():
    text = (
        "其中:中央财政衔接资金项目1个,涉及资金296万元,永宁镇下岔河村库房建设项目(二期)296万元。"
        "资产收益项目3个2545万元(新堡万只肉羊育肥场建设项目1110万元,"
        "恒峰中药材扶贫车间建设项目,畜牧机械购置项目80万元)。\n"
    )
    assert [(p.name, p.amount and p.amount.value) for p in read_listing(text)] == [
        ("永宁镇下岔河村库房建设项目(二期)", Decimal("2960000")),
        ("新堡万只肉羊育肥场建设项目", Decimal("11100000")),
        ("恒峰中药材扶贫车间建设项目", None),
        ("畜牧机械购置项目", Decimal("800000")),
    ]


def test_a_pages_record_in_brackets_and_an_addressee_are_no_title():
    text = (
        "[ 索引号 ] | 115001117500923541/2024-00196 | [ 发文字号 ] | 大足财行〔2024〕46号 |\n"
        "[ 发布机构 ] | 大足区财政局 | [ 发布日期 ] | 2024-12-27 |\n"
        "重庆市大足区财政局 关于提前下达2025年少数民族发展资金预算的通知\n"
        "经研究,下达宝顶镇民族团结进步示范村项目资金10万元。\n"
    )
    result = parse_disclosure(text)
    assert result.tree["disclosure"]["title"].endswith(
        "关于提前下达2025年少数民族发展资金预算的通知"
    )
    assert result.tree["disclosure"]["fiscal_year"] == 2025
    # A page stored without its title opens with the addressee: no title, no year from it.
    text = "西坪镇、桃舟乡人民政府:\n经研究,下达西坪镇小型水利工程项目资金10万元。\n"
    assert "西坪镇" not in parse_disclosure(text).tree["disclosure"]["title"]


@pytest.mark.parametrize(("rest", "parts"), [("68", 3), ("60", 1)])
def test_an_items_sums_after_its_money_are_its_parts_only_where_they_make_it_up(rest, parts):
    text = (
        "2021年市级彩票公益金安排使用情况公告\n"
        "二、安排使用情况\n"
        "1.福利彩票公益金498万元,安排用于社会福利事业286万元;下达西峰区144万元;"
        f"结余{rest}万元,转下年度继续使用。\n"
        "2.体育彩票公益金739万元,主要用于全民健身活动。\n"
    )
    first = parse_disclosure(text, year=2021).tree["projects"][0]
    assert first["declared_total_yuan"] == "4980000.00"
    assert len(first["sub_items"]) == parts
    if parts == 3:
        assert [s["declared_amount_yuan"] for s in first["sub_items"]] == [
            "2860000.00",
            "1440000.00",
            "680000.00",
        ]


def test_projects_in_groups_of_kinds_with_one_whose_sum_is_a_bound_only():
    text = (
        "前郭县2018年省级现代农业发展专项资金项目评审结果公示\n"
        "具体项目名单及实施内容如下:\n\n"
        "一、现代农业发展专项资金(农业产业化)项目\n\n"
        "(一)规模化原料基地建设补助项目。补贴对象为省级重点龙头企业,基地应为县内建设的以种植业"
        "和园艺特产业为主的自建或联建的规模化原料基地,对企业生产基地的设施投入予以补助。对符合"
        "要求的两家企业进行补助,补助方式以企业生产基地2017年原料基地生产设施实际投入额为基数,"
        "按最高不超过30%予以补助,最多不超过50万元。\n\n"
        "二、现代农业发展专项(农产品质量安全)项目\n\n"
        "(一)农产品质量安全县项目。投资30万元,用于速测设备的购置。\n\n"
        "(二)农产品质量安全追溯试点项目。投资5万元用于购买电子设备。\n"
    )
    assert names_and_totals(text) == [
        ("规模化原料基地建设补助项目", None),  # 最多不超过50万元 bounds it: no sum
        ("农产品质量安全县项目", "300000.00"),
        ("农产品质量安全追溯试点项目", "50000.00"),
    ]


@pytest.mark.parametrize(
    ("words", "bound"),
    [
        ("最多不超过50万元", True),
        ("最高补助30万元", True),
        ("不低于100万元", True),
        ("投资30万元", False),
    ],
)
def test_a_bound_is_no_sum(words, bound):
    from budget.amounts import find_amounts
    from budget.importer.lines import is_rate

    (amount,) = find_amounts(words)
    assert is_rate(words, amount) is bound


def test_a_table_set_out_with_single_spaces_under_a_header_of_column_names():
    text = (
        "关于2026年度屯留区拟建高标准农田建设项目公示\n"
        "项目名称 建设规模(亩) 总投资(万元) 建设地点 建设年限 建设性质\n"
        "上村镇高标准农田建设项目 12800 3182 上村镇 2025年-2026年 新建\n"
        "余吾镇高标准农田建设项目 5000 1200 余吾镇 2025年-2026年 改造提升\n"
    )
    projects = parse_disclosure(text).tree["projects"]
    assert [(p["name"], p["declared_total_yuan"]) for p in projects] == [
        ("上村镇高标准农田建设项目", "31820000.00"),
        ("余吾镇高标准农田建设项目", "12000000.00"),
    ]
    # A header row alone: its next column heading is never the project's name.
    one = text.split("\n")
    one = "\n".join([one[0], one[1], "高标准农田建设面积 其中:高效节水灌溉面积", one[2]])
    (project,) = parse_disclosure(one).tree["projects"]
    assert project["name"] != "建设规模(亩)"


def test_an_estimated_total_is_the_total_not_a_source():
    text = (
        "黎川县发改委关于黎川县乡道Y003路面改造工程项目建议书批复的函\n"
        "一、项目名称:黎川县乡道Y003路面改造工程。\n"
        "六、项目总投资及资金来源:项目总投资金额约58万元,资金来源为上级计划资金48.4万元,"
        "不足部分地方自筹。\n"
    )
    (project,) = parse_disclosure(text, year=2023).tree["projects"]
    assert project["declared_total_yuan"] == "580000.00"


@pytest.mark.parametrize(
    "replied",
    [
        "你们以遵市发改农经〔2010〕12号文件报送的遵义乳品公司《2010年海龙奶牛标准化规模养殖小区"
        "建设项目可行性研究报告》及相关资料收悉。经研究,现批复如下:",
        "报来的《关于审批2010年海龙奶牛标准化规模养殖小区建设项目可行性研究报告的请示》及有关材料"
        "收悉。现批复如下:",
    ],
)
def test_an_approval_names_the_project_its_request_names_and_says_its_sum(replied):
    text = (
        "遵义市发展和改革委员会:\n"
        f"{replied}\n"
        "一、原则同意上报的可行性研究报告。\n"
        "二、项目建设地点。遵义市红花岗区海龙镇。\n"
        "四、项目总投资为154万元,其中:申请国家补助100万元,项目法人自筹54万元。\n"
        "六、项目法人:遵义市乳制品有限公司\n"
    )
    (project,) = parse_disclosure(text, year=2010).tree["projects"]
    assert project["name"] == "2010年海龙奶牛标准化规模养殖小区建设项目"
    assert project["declared_total_yuan"] == "1540000.00"
    assert project["implementing_unit"] == "遵义市乳制品有限公司"


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("2019年度森林抚育工程项目有序推进", "2019年度森林抚育工程项目"),
        (
            "关于贵州省广播电影电视学校宿舍楼工程项目可行性研究报告的批复",
            "贵州省广播电影电视学校宿舍楼工程项目",
        ),
        ("关于城东幼儿园工程项目建议书的批复", "城东幼儿园工程"),
        (
            "中山市农业农村局关于下拨港澳流动渔船应急停泊区项目建设资金的通知",
            "港澳流动渔船应急停泊区项目",
        ),
        # News headlines: who acted on it, and its money arriving.
        ("农业部专家对抚松县高标准农田建设项目进行初审", "抚松县高标准农田建设项目"),
        ("我县对口帮扶项目进行验收", "我县对口帮扶项目"),
        ("2015年乌兰察布市退耕还林还草工程第一批资金已到位", "2015年乌兰察布市退耕还林还草工程"),
        # What is asked of it, and a page's tag before the title.
        ("关于同意终止上海雪浪湖生态园农业旅游建设项目的批复", "上海雪浪湖生态园农业旅游建设项目"),
        (
            "关于呈报唐山市滦南县2014-2015年滦河治理工程可行性研究报告的请示",
            "唐山市滦南县2014-2015年滦河治理工程",
        ),
        (
            "【文字解读】砚山县2019年草原生态补助奖励项目实施方案",
            "砚山县2019年草原生态补助奖励项目",
        ),
        (
            "关于2025年霍邱县和美乡村精品示范村建设项目资金安排的批复",
            "2025年霍邱县和美乡村精品示范村建设项目",
        ),
        (
            "关于下达2020年-2021年适龄儿童窝沟封闭项目补助资金的通知",
            "2020年-2021年适龄儿童窝沟封闭项目",
        ),
        (
            "2022年开江县农产品仓储保鲜冷链设施建设项目主体变更公示",
            "2022年开江县农产品仓储保鲜冷链设施建设项目",
        ),
        # (a title cut by a space names the project after it; staff are told the name is the
        # title's, as for every name so read)
        ("关于拨付2021年度吉林市本级 黑土地保护利用项目资金的公示", "黑土地保护利用项目"),
        # Works whose plan is asked for or approved (…工程实施方案的批复).
        (
            "关于上报广西合浦县闸口镇闸口河小流域水土保持综合治理工程实施方案的请示",
            "广西合浦县闸口镇闸口河小流域水土保持综合治理工程",
        ),
        # A project's spending evaluated.
        (
            "巴州区百花溪小流域综合治理提质增效项目支出绩效评价报告",
            "巴州区百花溪小流域综合治理提质增效项目",
        ),
        # The fund a report names in brackets after it, not the year's projects at large.
        (
            "某镇2021年度部门预算项目支出绩效自评报告 (2021年城乡临时救助备用金)",
            "2021年城乡临时救助备用金",
        ),
    ],
)
def test_the_project_a_title_names(title, name):
    from budget.importer import outline as o
    from budget.importer.notices import title_project_name

    assert title_project_name([o.Line(1, title)])[0] == name


def test_a_projects_building_money_led_by_its_name_is_its_total():
    text = (
        "中山市农业农村局关于下拨港澳流动渔船应急停泊区项目建设资金的通知\n"
        "石岐街道办事处,坦洲、港口镇政府:\n"
        "经研究,现将港澳流动渔船应急停泊区项目建设资金354万元下拨给你们,并就有关事项通知如下:\n"
        "一、本次下达资金共354万元,其中,石岐街道23万元,坦洲镇312万元,港口镇19万元。\n"
    )
    (project,) = parse_disclosure(text, year=2021).tree["projects"]
    assert project["declared_total_yuan"] == "3540000.00"
    assert [s["declared_amount_yuan"] for s in project["sub_items"]] == [
        "230000.00",
        "3120000.00",
        "190000.00",
    ]


@pytest.mark.parametrize("said", [2, 3])
def test_projects_counted_by_their_groups_heading_and_named_with_who_asks(said):
    text = (
        "我省开展了两类试点项目选项申报工作,拟对5个项目予以立项扶持。现予以公示。\n"
        f"一、龙头企业带动产业发展试点项目{said}个\n"
        "1.徐州市邳州市12000吨大蒜产品加工扩建项目,由徐州黎明食品有限公司申报。\n"
        "2. 南通市如东县2万吨菜籽系列食用油改扩建项目,由江苏金太阳油脂有限责任公司、"
        "如东县新欣粮食专业合作社联合申报。\n"
        f"二、“一县一特”产业发展试点项目{said - 1}个\n"
        "1. 镇江市丹阳市10000吨食用菌栽培与加工一体化改扩建项目,由江苏江南生物科技有限公司申报。\n"
        "公示时间:2013年8月20日—26日。\n"
    )
    names = [p.name for p in read_listing(text)]
    if said == 2:
        assert names == [
            "徐州市邳州市12000吨大蒜产品加工扩建项目",
            "南通市如东县2万吨菜籽系列食用油改扩建项目",
            "镇江市丹阳市10000吨食用菌栽培与加工一体化改扩建项目",
        ]
    else:  # the counts must hold
        assert not names


def test_parts_after_the_whole_said_again_and_no_bound_as_a_line():
    text = (
        "项目名称:帮扶车间奖补项目\n"
        "项目建设内容及规模:对2家帮扶车间给予奖励补助,奖补资金原则上每家帮扶车间(工坊)"
        "不超过50万元。\n"
        "资金使用明细:项目总投资70万元,总支出70万元,支出率100%。甲公司帮扶车间补助资金35万元,"
        "乙公司帮扶车间补助资金35万元。\n"
        "项目绩效目标实现情况:补助帮扶车间2家≤70万元。\n"
    )
    (project,) = parse_disclosure(text, year=2025).tree["projects"]
    assert project["declared_total_yuan"] == "700000.00"
    subs = project["sub_items"]
    assert [(s["name"], s["declared_amount_yuan"]) for s in subs] == [
        ("甲公司帮扶车间补助资金", "350000.00"),
        ("乙公司帮扶车间补助资金", "350000.00"),
    ]
    amounts = [line["amount_yuan"] for s in subs for line in s["lines"]]
    assert "500000.00" not in amounts  # 不超过50万元 bounds, it is no line's sum


@given(
    _named_amounts(
        ["全民健身运动经费", "专业竞技运动经费", "运动场馆维修改造经费", "全民健身城区项目补助"],
        5000,
    ),
    st.sampled_from([0, 1]),
)
def test_a_funds_uses_after_its_sum_are_its_projects_where_they_make_it_up(units, off):
    whole = sum(amount for _, amount in units) + off
    uses = "、".join(f"{name}{amount}万元" for name, amount in units)
    text = (
        "关于2019年南昌市本级体育彩票公益金筹集使用情况的公告\n"
        "一、2019年全市体育彩票公益金收入分配情况\n"
        "2018年全市筹集体育彩票公益金8795.21万元,其中:市级留成5812.09万元,县级留成2983.12万元。\n"
        "二、2019年市本级体育彩票公益金支出情况\n"
        f"2019年市本级体育彩票公益金本年支出安排{whole}万元,其中{uses}。\n"
    )
    got = [(p.name, p.amount.value) for p in read_listing(text)]
    if off == 0:
        assert got == [(name, Decimal(amount) * 10000) for name, amount in units]
    else:  # their sum must be the fund's
        assert got == []


def test_a_funds_uses_make_up_its_sum_as_the_text_rounds_it():
    text = (
        "2019年市本级体育彩票公益金本年支出安排5834.15万元,其中全民健身运动经费3317万元,"
        "专业竞技运动经费445.5万元,运动场馆维修改造经费1971.645532万元、全民健身城区项目补助100万元。\n"
    )
    assert [p.amount.value for p in read_listing(text)][2] == Decimal("19716455.32")
    # A fund shared among places is shared, not used: no projects.
    shared = "2023年使用体彩公益金300万元,其中甲县100万元、乙县200万元。\n"
    assert read_listing(shared) == []


def test_run_on_items_each_with_its_whole_and_its_sources():
    text = (
        "下达京津风沙源治理二期工程2017年投资计划。总投资2.759亿元。一是林业任务,总投资0.996亿元,"
        "其中,中央预算内投资0.7338亿元,地方配套0.2622亿元。工程造林7.35万亩。二是草原任务,"
        "总投资0.968亿元,其中,中央预算内投资0.751亿元,地方配套0.217亿元。三是管理费200万元。\n"
    )
    assert [(p.name, p.amount.value) for p in read_listing(text)] == [
        ("林业任务", Decimal("99600000")),
        ("草原任务", Decimal("96800000")),
        ("管理费", Decimal("2000000")),
    ]


def test_a_pages_date_and_its_title_said_again_are_no_part_of_the_title():
    text = (
        "云霄县财政局关于下达2017年度村级组织运转经费的通知\n"
        "2017-01-06 10:00 来源:云霄县财政局\n"
        "云霄县财政局关于下达2017年度村级组织运转经费的通知\n\n"
        "各乡镇(开发区)财政所:\n"
        "现下达我县2017年第一批村级组织运转经费,合计824万元(详见附表)。\n"
    )
    result = parse_disclosure(text)
    assert (
        result.tree["disclosure"]["title"] == "云霄县财政局关于下达2017年度村级组织运转经费的通知"
    )
    (project,) = result.tree["projects"]
    assert project["name"] == "2017年度村级组织运转经费"


def test_a_pages_date_written_day_first_is_no_part_of_the_title():
    text = (
        "我省确定2017年耕地休耕试点实施方案\n\n20.02.2017  04:44\n\n近日,省财政下达资金500万元。\n"
    )
    result = parse_disclosure(text, year=2017)
    assert result.tree["disclosure"]["title"] == "我省确定2017年耕地休耕试点实施方案"


def test_a_request_for_one_project_listing_what_it_builds_is_one_project():
    text = (
        "公开主体:\n上海市崇明区城桥镇人民政府\n发文字号:\n沪崇城府〔2024〕83号\n"
        "区农业农村委:\n"
        "为推进我镇绿叶菜的规模化种植,我镇拟申报城桥镇崇上高标准蔬菜生产基地建设项目,具体如下:\n"
        "一、实施单位\n上海崇上农业发展有限公司;\n"
        "四、建设内容\n(一)基础性建设\n1.土地平整302.4亩,共投资15.12万元;\n"
        "2.农用配电1项,共投资225.20万元。\n(二)生产设施建设\n"
        "1.新建连栋温室151872平方米,共投资 3493.06万元。\n"
        "五、资金概算\n项目总投资3733.38万元。\n"
    )
    result = parse_disclosure(text, year=2024)
    assert result.tree["department"]["name"] == "上海市崇明区城桥镇人民政府"
    (project,) = result.tree["projects"]
    assert project["name"] == "城桥镇崇上高标准蔬菜生产基地建设项目"
    assert project["implementing_unit"] == "上海崇上农业发展有限公司"
    assert project["declared_total_yuan"] == "37333800.00"


def test_an_issuer_other_than_the_pages_publisher_is_flagged():
    text = (
        "索引号: 3070211020000013000000/2021042000000675 发布机构: 县扶贫办\n"
        "华池县脱贫攻坚领导小组办公室关于下达华池县2021年第一批项目计划的通知\n"
        "经研究,下达华池县城关镇道路硬化项目资金10万元。\n"
    )
    result = parse_disclosure(text)
    assert result.tree["department"]["name"] == "华池县脱贫攻坚领导小组办公室"
    assert any(f.field == "department" and "县扶贫办" in f.message for f in result.findings)
    same = text.replace("县扶贫办", "华池县脱贫攻坚领导小组办公室")
    assert not any(f.field == "department" for f in parse_disclosure(same).findings)


def test_a_table_whose_unit_column_is_the_owner_one_cell_a_line():
    cells = [
        "序号", "镇 街", "项目名称", "项目业主", "补助资金(万元)",
        "1", "临江镇", "500亩混交林种植基地", "重庆市竹杏林业有限公司", "30",
        "2", "来苏镇", "木本油料建设项目", "重庆谷显德生态农业发展有限公司", "10",
        "合计", "", "", "", "40",
    ]  # fmt: skip
    text = "永川区2017年林业特色产业建设项目名单\n" + "\n|\n".join(cells) + "\n|\n"
    projects = parse_disclosure(text).tree["projects"]
    assert [(p["name"], p["implementing_unit"], p["declared_total_yuan"]) for p in projects] == [
        ("500亩混交林种植基地", "重庆市竹杏林业有限公司", "300000.00"),
        ("木本油料建设项目", "重庆谷显德生态农业发展有限公司", "100000.00"),
    ]


def test_the_owner_said_in_a_sentence_under_its_heading_is_the_unit():
    text = (
        "一、项目名称:鸳鸯村文化礼堂项目\n五、项目业主\n"
        "本项目业主为海盐县于城镇鸳鸯股份经济合作社。\n"
    )
    (project,) = parse_disclosure(text, year=2020).tree["projects"]
    assert project["implementing_unit"] == "海盐县于城镇鸳鸯股份经济合作社"


def test_a_matter_heading_names_no_project_and_content_without_money_is_one_sub_item():
    text = (
        "关于下达铜梁区2025年第二批乡村振兴泥结石路硬化工程项目计划的通知\n"
        "一、建设任务\n2025年计划实施泥结石路硬化44.49公里,项目总投资2206万元,其中财政补助2004万元。\n"
        "二、建设内容\n(一)路基:以现有非耕地泥结石路为基础,捣平、夯实。\n"
        "(二)路面:在碎石调平层上铺设水泥混凝土路面。\n(三)其他:设置土边沟和必要的排水涵管。\n"
    )
    (project,) = parse_disclosure(text, year=2025).tree["projects"]
    assert project["name"] != "建设任务"
    (sub,) = project["sub_items"]
    assert sub["name"] == project["name"]
    assert "路基" in sub["content"] and "排水涵管" in sub["content"]


def test_a_tables_unit_at_the_end_of_its_title_line():
    text = (
        "瀍河回族区2024年第二批财政衔接推进乡村振兴补助资金分配情况表 单位:万元 | |||||\n"
        "序号 | 项目名称 | 建设地点 | 投资规模 | 责任单位 |\n"
        "1 | “雨露计划”职业教育培训补助项目 | 白马寺镇 | 9.45 | 农业农村局 |\n"
        "2 | 孔寨社区羊肚菌特色产业园(二期)项目 | 白马寺镇 | 324.87 | 白马寺镇 |\n"
    )
    assert [p.amount.value for p in read_listing(text)] == [Decimal("94500"), Decimal("3248700")]


def test_paragraphs_each_opening_with_the_project_it_tells_of_and_its_whole():
    text = (
        "关于尤河下游治理工程剩余资金计划安排的通知\n"
        "市水务局:\n"
        "尤河下游治理工程属2002年度渭洛河下游治理工程计划项目,省发改委下达计划总投资1395万元,"
        "其中中央投资700万元,地市配套695万元。剩余资金251.67万元。\n"
        "尤河橡胶坝工程为市上重点民生工程,概算批复总投资5728.55万元,资金缺口约1369.88万元。\n"
        "全区兑现补贴资金共计5,116,590.50元。\n"
    )
    assert [(p.name, p.amount.value) for p in read_listing(text)] == [
        ("尤河下游治理工程", Decimal("13950000")),
        ("尤河橡胶坝工程", Decimal("57285500")),
    ]


def test_joint_issuers_signing_a_line_each_are_the_department():
    from budget.importer.head import signing_department

    text = "现将经费下达给你们。\n中共西湖区委宣传部\n西湖区财政局\n2022年 11月28日\n"
    assert signing_department(text) == "中共西湖区委宣传部、西湖区财政局"
    text = "现将经费下达给你们,请遵照执行。\n西湖区财政局\n2022年11月28日\n"
    assert signing_department(text) == "西湖区财政局"


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "张家川县依托新建的富川水库谋划实施了张家川县中西部城乡供水水源保障工程,总投资15404万元。",
            "张家川县中西部城乡供水水源保障工程",
        ),
        (
            "现将2024年固始县祖师庙镇仰天洼社区产业设施配套项目绩效目标自评报告如下:",
            "2024年固始县祖师庙镇仰天洼社区产业设施配套项目",
        ),
    ],
)
def test_the_project_a_notices_first_sentences_set_out(sentence, name):
    text = (
        "天水市水务局关于市人大八届五次会议第161号提案的答复\n代表:\n"
        f"{sentence}\n经研究,安排资金50万元。\n"
    )
    (project,) = parse_disclosure(text, year=2025).tree["projects"]
    assert project["name"] == name


def test_a_whole_texts_name_without_its_issuer_and_the_kind_of_notice():
    text = (
        "卢氏县农业农村局2022年连翘栽植管护销售奖补验收情况公告\n"
        "现将项目情况公告如下:\n"
        "2022年全县符合奖补条件的基地面积共计4894亩,奖补资金为146.82万元;"
        "全县符合挂果管护奖补面积共1900亩,奖补资金为19万元。\n"
    )
    (project,) = parse_disclosure(text).tree["projects"]
    assert project["name"] == "2022年连翘栽植管护销售奖补"
    # (关于对…的公示: what it is about, without 对)
    text = text.replace(
        "卢氏县农业农村局2022年连翘栽植管护销售奖补验收情况公告", "关于对连翘栽植管护销售奖补的公示"
    )
    (project,) = parse_disclosure(text).tree["projects"]
    assert project["name"] == "连翘栽植管护销售奖补"


def test_an_items_verb_joined_by_another_stays_in_its_name():
    text = (
        "二、2022年区本级体育彩票公益金使用情况\n\n"
        "(一)资助或组织开展全民健身活动项目经费4.2万元。\n\n"
        "(二)捐赠体育健身器材项目经费82.5099万元。主要用于新建与维护公共体育场地。\n"
    )
    assert [p.name for p in read_listing(text)] == [
        "资助或组织开展全民健身活动项目",
        "捐赠体育健身器材项目",
    ]


def test_projects_each_told_after_its_whole():
    text = (
        "近日,我区两个工业项目获得中央预算内投资计划的资金扶持,扶持资金合计220万元。其中辽宁民盛重工"
        "有限公司总投资1200万元的加氢反应器筒节加工项目争取资金120万元,辽宁东颢化工有限公司总投资"
        "1000万元的年产420吨工业芴和年产500吨蒽醌生产项目争取资金100万元。\n"
    )
    assert [(p.name, p.amount.value) for p in read_listing(text)] == [
        ("加氢反应器筒节加工项目", Decimal("12000000")),
        ("年产420吨工业芴和年产500吨蒽醌生产项目", Decimal("10000000")),
    ]


def test_a_one_cell_a_line_table_whose_unit_cells_are_merged_down_its_rows():
    cells = [
        "项目奖励资金分配表", "序号", "单位名称", "会展项目名称", "分配金额", "(万元)",
        "1", "省卫生健康委", "2021第五届海南国际健康产业博览会", "500",
        "2", "省贸促会", "2021第十二届中国国际创意设计推广周", "54.3",
        "3", "2021中国(海南)国际海洋产业博览会", "225.6",
        "4", "省林业局", "2021年中国林草经济发展博鳌大会", "287.9",
        "合计",
    ]  # fmt: skip
    text = "附件1\n\n" + "\n\n".join(cells) + "\n"
    got = [(p.name, p.unit, p.amount.value) for p in read_listing(text)]
    assert got == [
        ("2021第五届海南国际健康产业博览会", "省卫生健康委", Decimal("5000000")),
        ("2021第十二届中国国际创意设计推广周", "省贸促会", Decimal("543000")),
        ("2021中国(海南)国际海洋产业博览会", "省贸促会", Decimal("2256000")),
        ("2021年中国林草经济发展博鳌大会", "省林业局", Decimal("2879000")),
    ]


def test_a_pages_title_field_is_the_title_and_a_sum_given_to_the_project_by_name_its_total():
    text = (
        "发布机构 | 同心县下马关镇 | 文 号 | 无 |\n"
        "标 题: | 关于下马关镇设施农业黄金蜜(葡萄)种植项目绩效目标设定的公示 |\n"
        "根据《关于下达2023年中央财政衔接推进乡村振兴资金预算指标的通知》精神,安排资金50万元,"
        "实施同心县下马关镇设施农业黄金蜜(葡萄)种植项目。现将绩效目标设定如下:\n"
    )
    result = parse_disclosure(text, year=2023)
    assert result.tree["disclosure"]["title"] == (
        "关于下马关镇设施农业黄金蜜(葡萄)种植项目绩效目标设定的公示"
    )
    (project,) = result.tree["projects"]
    assert project["name"] == "下马关镇设施农业黄金蜜(葡萄)种植项目"
    assert project["declared_total_yuan"] == "500000.00"
    assert any(f.field == "declared_total" for f in result.findings)


def test_a_sum_given_for_the_project_after_a_long_fund_name_with_its_code():
    text = (
        "蓟州区财政局:\n"
        "经研究,现下达你区中央财政2022年林业草原生态保护恢复资金(项目编码:12000022P37006910001D)"
        "251万元,用于八仙山国家级自然保护区项目,支出列入政府收支分类科目“211 节能环保支出”。\n"
    )
    (project,) = parse_disclosure(text, year=2022).tree["projects"]
    assert (project["name"], project["declared_total_yuan"]) == (
        "八仙山国家级自然保护区项目",
        "2510000.00",
    )


def test_the_year_of_the_money_a_text_gives_when_it_states_no_budget_year():
    text = (
        "蓟州区财政局:\n"
        "按照《财政部关于下达2021年林业草原生态保护恢复资金预算的通知》,现下达你区中央财政2022年"
        "林业草原生态保护恢复资金251万元,用于八仙山国家级自然保护区项目。\n"
    )
    result = parse_disclosure(text)
    assert result.tree["disclosure"]["fiscal_year"] == 2022  # not the cited notice's 2021
    assert any(f.field == "fiscal_year" for f in result.findings)


def test_a_forms_naming_cells_run_on_into_their_values():
    text = (
        "车辆购置税收入补助地方资金(普通省道公路建设)绩效目标自评\n(2021年度)\n"
        "转移支付(项目)名称车辆购置税收入补助地方资金(普通省道公路建设)\n"
        "中央主管部门财政部\n"
        "地方主管部门阆中市交通运输局资金使用单位阆中市交通运输局\n"
        "项目资金\n(万元)\n"
    )
    result = parse_disclosure(text)
    assert result.tree["department"]["name"] == "阆中市交通运输局"
    (project,) = result.tree["projects"]
    assert project["name"] == "车辆购置税收入补助地方资金(普通省道公路建设)"
    assert project["implementing_unit"] == "阆中市交通运输局"


@pytest.mark.parametrize(
    "text",
    [
        "下达我州生态保护修复专项中央预算内投资项目3个,中央预算内资金3940万元,其中:下达武定县"
        "畜禽粪污资源化利用整县推进项目中央预算内资金400万元、永仁县畜禽粪污资源化利用整县推进项目"
        "中央预算内资金2650万元、大姚县渔政执法能力建设项目中央预算内资金890万元。\n",
        "现将省重大项目前期工作经费3个项目共3940万元,包括武定县畜禽粪污资源化利用整县推进项目"
        "400万元、永仁县畜禽粪污资源化利用整县推进项目2650万元、大姚县渔政执法能力建设项目890万元"
        "转下达给你们,请转下达至项目单位。\n",
    ],
)
def test_projects_counted_with_their_sum_and_listed_after_qizhong_or_baokuo(text):
    assert [(p.name, p.amount.value) for p in read_listing(text)] == [
        ("武定县畜禽粪污资源化利用整县推进项目", Decimal("4000000")),
        ("永仁县畜禽粪污资源化利用整县推进项目", Decimal("26500000")),
        ("大姚县渔政执法能力建设项目", Decimal("8900000")),
    ]


def test_the_issuer_above_a_title_that_starts_with_it_is_said_once():
    text = (
        "陕西省发展和改革委员会\n"
        "公文时效: 有效\n"
        "陕西省发展和改革委员会关于府谷县长柄扁桃木本油料示范基地建设项目可行性研究报告的批复\n"
        "榆林市发展改革委:\n"
        "一、项目名称:府谷县长柄扁桃木本油料示范基地建设项目。\n"
        "二、项目法人:府谷县林业种苗工作站。\n"
    )
    result = parse_disclosure(text, year=2015)
    assert result.tree["department"]["name"] == "陕西省发展和改革委员会"
    assert result.tree["disclosure"]["title"].startswith("陕西省发展和改革委员会关于")


def test_of_two_money_columns_the_one_whose_sum_the_total_row_states():
    text = (
        "序号 | 公司名称 | 农事节庆节庆名称 | 农事节庆节庆举办地 | 核定活动投入资金 (万元) |"
        " 拟补助金额 (万元) |\n"
        "1 | 山行(浙江)农业科技有限责任公司 | 彭公农场虎年节事活动 | 瓶窑镇 | 11.2619 | 5 |\n"
        "2 | 量子构城(杭州)农文旅发展有限公司 | 如是山丘西溪源干塘节会 | 闲林街道 |"
        " 2.4 | 1.2 |\n"
        "合计 | 6.2 |\n"
    )
    got = [(p.name, p.unit, p.amount.value) for p in read_listing(text)]
    assert got == [
        ("彭公农场虎年节事活动", "山行(浙江)农业科技有限责任公司", Decimal("50000")),
        ("如是山丘西溪源干塘节会", "量子构城(杭州)农文旅发展有限公司", Decimal("12000")),
    ]
    # A company's column names who gets the money: the unit read from it is flagged.
    result = parse_disclosure(text, year=2023)
    assert {f.project for f in result.findings if f.field == "implementing_unit"} == {1, 2}
    # Where the total row states the first column's sum, the first is kept.
    first = text.replace("合计 | 6.2 |", "合计 | 13.6619 |")
    assert [p.amount.value for p in read_listing(first)] == [Decimal("112619"), Decimal("24000")]


def test_paragraphs_by_project_with_the_money_given_and_some_without():
    text = (
        "2021年6月份在建中小河流、重点县项目进度情况\n"
        "在建项目基本进度情况为:\n"
        "咸宁市咸安区淦河系统治理工程下达资金8998万元,其中中央资金6500万元,目前已完成投资6580万元;\n"
        "通山县横石河刘家岭段治理工程于2020年10月10日开工,完成投资1200万元,投资完成率75%;\n"
        "嘉鱼县余码河二期综合治理工程下达资金2030万元,其中中央资金1419万元,完成投资1600万元;\n"
    )
    got = [(p.name, p.amount and p.amount.value) for p in read_listing(text)]
    assert got == [
        ("咸宁市咸安区淦河系统治理工程", Decimal("89980000")),
        ("通山县横石河刘家岭段治理工程", None),  # what was spent is no total
        ("嘉鱼县余码河二期综合治理工程", Decimal("20300000")),
    ]


def test_parts_that_open_with_a_count_and_name_a_provincial_thing_are_spent_on():
    from budget.importer.lines import breakdown

    text = (
        "为强化财政资金使用效益,省财政厅下达盱眙省级水利工程维修养护资金780万元。其中: "
        "6个省级水库及42座中小型水库维护维修经费439万元; 9个省骨干河道管护经费29万元;"
        "洪泽湖网络化管理经费115万元;小型水库维修养护195万元;水文化遗产调查补助2万元。\n"
    )
    assert [(p.name, p.amount.value) for p in breakdown(text)] == [
        ("6个省级水库及42座中小型水库维护维修经费", Decimal("4390000")),
        ("9个省骨干河道管护经费", Decimal("290000")),
        ("洪泽湖网络化管理经费", Decimal("1150000")),
        ("小型水库维修养护", Decimal("1950000")),
        ("水文化遗产调查补助", Decimal("20000")),
    ]
    # A fund given, not a fund's uses reported: one project whose parts they are.
    assert read_listing(text) == []
    # Sources stay sources.
    assert breakdown("项目资金100万元,其中中央财政资金60万元,省级补助资金40万元。") == []


def test_special_treasury_bonds_are_a_source_and_a_note_before_a_part_names_none():
    from budget.importer.lines import sums_as_parts

    words = "拟申请国债资金1271.34万元(占比30%),自筹资金2966.46万元(占比70%)。"
    assert sums_as_parts(words) == []  # both are where the money comes from


def test_a_pages_record_set_out_with_spaces_and_the_notices_number_below_its_title():
    text = (
        " 索 引 号  tssswj/2025-00064  发布机构  天水市水务局  公开日期  2025-09-18\n"
        " 文  号   主题分类  水利、水务  失效日期 \n"
        " 体裁分类   服务对象 \n"
        " 公开范围  公开  主 题 词 \n"
        " 著录日期   生效日期 \n"
        "公开日期: 2025-09-18\n\n"
        "天水市水务局关于市人大八届五次会议第161号提案的答复\n\n"
        "天市水案发〔2025〕7号\n\n"
        "代表:\n"
        "张家川县谋划实施了张家川县中西部城乡供水水源保障工程,总投资15404万元。\n"
    )
    result = parse_disclosure(text, year=2025)
    assert (
        result.tree["disclosure"]["title"] == "天水市水务局关于市人大八届五次会议第161号提案的答复"
    )
    # The notice's own number is no document it cites.
    cited = [c["document_number"] for p in result.tree["projects"] for c in p["citations"]]
    assert "天市水案发〔2025〕7号" not in cited


def test_joint_issuers_on_one_line_above_a_date_that_lost_its_characters():
    from budget.importer.head import signing_department

    text = "请加强资金管理。\n福州市晋安区财政局            福州市晋安区民政局\n\n2019816\n"
    assert signing_department(text) == "福州市晋安区财政局、福州市晋安区民政局"


def test_the_unit_a_sentence_names_after_its_project():
    text = (
        "一、项目名称:浦南地区绿叶菜保鲜加工配套设施建设项目\n二、项目建设单位\n"
        "浦南地区绿叶菜保鲜加工配套设施项目建设单位为上海欧阁农业有限公司。\n"
    )
    (project,) = parse_disclosure(text, year=2012).tree["projects"]
    assert project["implementing_unit"] == "上海欧阁农业有限公司"


def test_projects_told_after_their_whole_whatever_their_names_end_in():
    text = (
        "2014年,援建南部三乡项目共4项,总投资3790万元。主要建设项目有:总投资300万元的龙藏乡纳洞村"
        "至桑什斗公路、总投资780万元的兴海县尕科河至多巴村公路、总投资510万元的中铁乡杜宗村达那人畜"
        "饮水工程和总投资2200万元的南部三乡贫困户住房建设项目。\n"
    )
    assert [(p.name, p.amount.value) for p in read_listing(text)] == [
        ("龙藏乡纳洞村至桑什斗公路", Decimal("3000000")),
        ("兴海县尕科河至多巴村公路", Decimal("7800000")),
        ("中铁乡杜宗村达那人畜饮水工程", Decimal("5100000")),
        ("南部三乡贫困户住房建设项目", Decimal("22000000")),
    ]


@pytest.mark.parametrize("said", ["三", "四"])
def test_projects_a_count_says_are_those_that_follow_apart_by_semicolons(said):
    text = (
        "2013年,祁连县将在交票项目中进行对口援建帮扶工作。其中,"
        f"{said}个交票项目为游牧民定居工程援建资金60万元;村危房改造项目援建资金70万元;"
        "八宝镇居民改造项目援建资金200万元。目前项目进展有序。\n"
    )
    got = [(p.name, p.amount.value) for p in read_listing(text)]
    if said == "三":
        assert got == [
            ("游牧民定居工程", Decimal("600000")),
            ("村危房改造项目", Decimal("700000")),
            ("八宝镇居民改造项目", Decimal("2000000")),
        ]
    else:  # the count must hold
        assert "游牧民定居工程" not in {name for name, _ in got}


def test_a_review_of_the_rules_for_what_they_must_not_read():
    from budget.importer import outline as o
    from budget.importer.build import _same_unit
    from budget.importer.head import signing_department
    from budget.importer.lines import breakdown

    # Sub-items 四 names stay, money or none.
    text = (
        "一、项目名称:城关镇农村环境整治项目\n三、项目实施单位:城关镇人民政府\n"
        "四、项目基本概况\n1.垃圾清运。2.公厕改造。\n"
        "五、项目实施内容\n1.垃圾清运:清运垃圾。\n2.公厕改造:改造公厕。\n"
    )
    assert len(parse_disclosure(text, year=2023).tree["projects"][0]["sub_items"]) == 2
    # A six-figure amount under a unit's name is no date, so no signature.
    assert signing_department("城关镇人民政府\n200000\n") == ""
    assert signing_department("紫阳县发展和改革局\n201982\n") == "紫阳县发展和改革局"
    # A sentence opening with a naming label is no cell.
    assert o.split_run_on("实施单位须于2023年底前完工并报送验收")[0] == (
        "实施单位须于2023年底前完工并报送验收"
    )
    # 财政经费 and 自筹经费 are where the money comes from.
    assert breakdown("该项目总投资50万元，其中财政经费30万元，自筹经费20万元。") == []
    # Two units are one only where one ends the other.
    assert _same_unit("区财政局", "重庆市大足区财政局")
    assert not _same_unit("市财政局", "华池县财政局")
    # 上述项目资金 is no project of a list of paragraphs.
    paragraphs = (
        "尤河下游治理工程属计划项目,计划总投资1395万元。\n"
        "尤河橡胶坝工程为民生工程,概算批复总投资5728.55万元。\n"
        "上述项目资金已全部拨付到位。\n"
    )
    assert [p.name for p in read_listing(paragraphs)] == ["尤河下游治理工程", "尤河橡胶坝工程"]
    # A township before the year is the place of the works, kept in the name.
    (project,) = parse_disclosure(
        "和田市肖尔巴格乡2023年盐碱地改造验收情况公告\n经验收,补助资金共计30万元。\n"
    ).tree["projects"]
    assert project["name"].startswith("和田市肖尔巴格乡")
    # A rate is no sum given to the project by name.
    (project,) = parse_disclosure(
        "关于同心县下马关镇黄花菜种植项目的公示\n补助资金按每亩500元,用于同心县下马关镇黄花菜种植项目。\n",
        year=2023,
    ).tree["projects"]
    assert project["declared_total_yuan"] != "500.00"


def test_a_news_pages_date_with_its_site_and_its_keywords_are_no_part_of_the_title():
    text = (
        "内蒙古锡盟国贫旗3000万元“连片开发”扶贫项目资金到位\n"
        "2013年08月23日10:01 | 中国发展门户网 www.chinagate.cn |\n"
        "关键词: 扶贫 贫困县 脱贫致富 扶贫项目 项目资金\n"
        "2013年,自治区为锡盟下达3个“连片开发”扶贫项目,投入扶贫项目资金3000万元。\n"
    )
    title = parse_disclosure(text, year=2013).tree["disclosure"]["title"]
    assert title == "内蒙古锡盟国贫旗3000万元“连片开发”扶贫项目资金到位"


def test_a_forms_count_and_cost_rows_price_its_money():
    text = (
        "项目支出绩效目标表\n项目名称 特困家庭再扶助\n预算单位 某县卫生健康局\n"
        "项目资金(万元) 年度资金总额 6.30\n"
        "绩效指标 一级指标 二级指标 三级指标 指标值\n"
        "数量指标 对符合政策法规的家庭进行扶助 63人\n"
        "成本指标 成本控制 严格按照预算标准1000元/人给补助对象兑付补助\n"
        "效益指标 每户增收2000元 100%\n"
    )
    (project,) = parse_disclosure(text, year=2021).tree["projects"]
    (line,) = [line for sub in project["sub_items"] for line in sub["lines"]]
    assert [(f["value"], f["unit"]) for f in line["factors"]] == [("63", "人"), ("1000", "元")]


RELIEF = """各乡(镇)财政所、社会事务办:
经研究,决定下拨救灾补助资金(详见指标分配表)。
附:救灾补助资金指标分配表。
某县财政局 某县民政局
二OO九年六月十八日
救灾补助资金指标分配表
单位:万元
乡 镇
金 额
杨兴乡
2
新州镇
0.5
格林镇
2.5
合计
5
"""


def test_a_fund_named_only_by_its_table_of_two_columns_is_the_texts_project():
    result = parse_disclosure(RELIEF, year=2009)
    (project,) = result.tree["projects"]
    assert (project["name"], project["declared_total_yuan"]) == ("救灾补助资金", "50000.00")
    assert [sub["name"] for sub in project["sub_items"]] == ["杨兴乡", "新州镇", "格林镇"]
    # signed by two units above a date written in characters
    assert result.tree["department"]["name"] == "某县财政局、某县民政局"
    assert any(f.field == "name" for f in result.findings)  # read from a table's title


def test_a_two_column_table_whose_total_is_not_its_rows_sum_names_no_fund():
    with pytest.raises(TextImportError):
        parse_disclosure(RELIEF.replace("合计\n5", "合计\n6"), year=2009)


ROADS = (
    "根据《关于下达2022年车辆购置税补助地方建设项目资金(第一批)的通知》(闽财建指〔2022〕58号),"
    "现将市本级资金安排如下:\n"
    "一、国道G534三元区官洋坑至黄沙公路一期(官洋坑至渡头坪段)4872万元车购税补助资金,该项目由"
    "市交发集团作为业主,资金下达市交发集团。\n"
    "二、清流G356线沙芜乡洞口村-沙芜乡铁石村路面改造工程1410万元、G356线大田石牌镇长溪村-"
    "大田上京镇梅林村路面改造工程1243万元、G534十八米桥危旧桥改造54万元、G235、G356、G534等"
    "6个安全提升项目681万元,合计3388万元车购税补助资金,以上9个项目由市公路事业发展中心组织"
    "实施,资金下达市公路事业发展中心。\n"
)


def test_a_paragraph_listing_projects_each_with_its_sum_gives_them_all():
    result = parse_disclosure(ROADS, year=2022)
    projects = result.tree["projects"]
    assert [(p["name"], p["implementing_unit"], p["declared_total_yuan"]) for p in projects] == [
        ("国道G534三元区官洋坑至黄沙公路一期(官洋坑至渡头坪段)", "市交发集团", "48720000.00"),
        ("清流G356线沙芜乡洞口村-沙芜乡铁石村路面改造工程", "市公路事业发展中心", "14100000.00"),
        (
            "G356线大田石牌镇长溪村-大田上京镇梅林村路面改造工程",
            "市公路事业发展中心",
            "12430000.00",
        ),
        ("G534十八米桥危旧桥改造", "市公路事业发展中心", "540000.00"),
        ("G534等6个安全提升项目", "市公路事业发展中心", "6810000.00"),  # (cut at its 、)
    ]
    # units read from a sentence are flagged for staff
    flagged = {f.project for f in result.findings if f.field == "implementing_unit"}
    assert flagged == {1, 2, 3, 4, 5}


def test_a_paragraph_of_one_projects_works_stays_one_project_with_parts():
    text = (
        "资金安排使用情况如下:\n"
        "1.资金60万元拟用于真武村破损路面进行维修整治,投入资金10万元;对真武村环线950米进行"
        "黑化,预计投入资金50万元;以上合计投入资金60万元。\n"
        "2.为竹根镇青龙村新建通组道路600米,预计投入资金21万元。\n"
    )
    projects = parse_disclosure(text, year=2024).tree["projects"]
    assert [p["declared_total_yuan"] for p in projects] == ["600000.00", "210000.00"]
    assert len(projects[0]["sub_items"]) == 2


def test_a_name_label_whose_row_is_a_table_header_opens_no_project_of_its_own():
    text = (
        "2020年第二批财政专项扶贫资金500万元。主要计划用于以下两个方面:\n"
        "一、疫情期间带贫企业复工复产一次性生产补贴。财政专项扶贫资金200万元,对复工复产的"
        "带贫主体给予补贴。\n"
        "二、疫情期间外出务工贫困劳动力一次性生活费补贴。财政专项扶贫资金300万元,补贴标准为"
        "每人500元,由各镇组织实施。\n"
        "项目名称 | 小计 |\n疫情防控期间 带贫主体 一次性生产补贴 |\n合计 | 500 |\n"
    )
    assert names_and_totals(text, year=2020) == [
        ("疫情期间带贫企业复工复产一次性生产补贴", "2000000.00"),
        ("疫情期间外出务工贫困劳动力一次性生活费补贴", "3000000.00"),
    ]


def _one_flagged_project(text: str, year: int) -> tuple[str, str]:
    """The name and total of a text's one project, each flagged as read from prose."""
    result = parse_disclosure(text, year=year)
    (project,) = result.tree["projects"]
    flagged = {f.field for f in result.findings if f.project == 1}
    assert {"name", "declared_total"} <= flagged
    return project["name"], project["declared_total_yuan"]


def test_a_news_items_project_is_named_without_the_notices_own_place_and_given_its_sum():
    text = (
        "820万元专项资金到位!鄂托克前旗发改委全力做好易地扶贫搬迁“后半篇”文章\n\n"
        "近日,内蒙古自治区发展和改革委员会下达我旗2023年自治区易地扶贫搬迁后续扶持资金820万元,"
        "用于支持我旗2023年易地扶贫搬迁后续扶持项目,惠及安置区3个。\n"
    )
    assert _one_flagged_project(text, 2023) == ("2023年易地扶贫搬迁后续扶持项目", "8200000.00")


def test_a_groups_counts_are_priced_by_the_rates_another_paragraph_states():
    text = (
        "西吉县偏城乡2025年监测对象发展庭院经济项目公示\n"
        "对监测对象发展庭院经济的给与奖补,养殖肉鸽,每羽奖补15元;肉牛存栏每头奖补1000元;"
        "种植时令鲜蔬“微菜园”,每户奖补500元。\n"
        "我乡共验收监测对象295户,补贴资金419375元。其中养殖业户61户,补贴资金417875元:养殖牛"
        "416头,补贴资金416000元;肉鸽125羽,补贴资金1875元。其中种植业3户,补贴资金1500元:种植"
        "微菜园3户,补贴资金1500元。\n"
    )
    (project,) = parse_disclosure(text, year=2025).tree["projects"]
    subs = project["sub_items"]
    assert [sub["name"] for sub in subs] == ["养殖业户", "种植业"]
    lines = [
        ([(f["value"], f["unit"]) for f in line["factors"]], line["amount_yuan"])
        for line in subs[0]["lines"]
    ]
    assert sorted(lines) == [
        ([("125", "羽"), ("15", "元")], "1875.00"),
        ([("416", "头"), ("1000", "元")], "416000.00"),
    ]


def test_a_notice_publishing_a_projects_table_is_named_by_it_not_by_a_cited_title():
    text = (
        "根据《关于印发〈西吉县2025年监测对象发展庭院经济项目实施方案〉的通知》文件要求,对监测"
        "对象发展庭院经济的给与奖补。\n"
        "我乡共验收监测对象295户,补贴资金832325元。\n"
        "现将《西吉县偏城乡2025年监测对象发展庭院经济项目资金兑付到户汇总表》予以公示(公示10天)。\n"
    )
    result = parse_disclosure(text, year=2025)
    (project,) = result.tree["projects"]
    assert project["name"] == "西吉县偏城乡2025年监测对象发展庭院经济项目"
    assert any(f.field == "name" and f.project == 1 for f in result.findings)


def test_a_title_naming_a_projects_beneficiaries_names_the_project_and_the_one_sum_is_its():
    text = (
        "关于2022年中央财政农业生产发展资金培育家庭农场项目扶持对象确定办法及名单的公示\n"
        "2022年,中央财政资金培育家庭农场项目下达我区培育资金40万元,我区拟对每个家庭农场补助"
        "10万元,共培育4家。\n"
    )
    assert _one_flagged_project(text, 2022) == (
        "2022年中央财政农业生产发展资金培育家庭农场项目",
        "400000.00",
    )


def test_an_allocations_items_take_the_one_sum_their_paragraph_gives_them():
    text = (
        "现将本次农村公路养护地市分成资金分配如下:\n"
        "一、2023年农村公路安全隐患“微改造”补助\n"
        "此次“微改造”提升工程共涉及安全隐患156个,总投资2095万元。经测算,补助资金共需854.79"
        "万元,建议本次预拨500万元。\n"
        "二、农村公路养护项目专项补助\n"
        "建议安排三元、大田、泰宁、明溪、清流、宁化6个县(区),共计89.55万元。\n"
        "三、市委第六批市派驻点村项目补助\n"
        "我局共挂点支持2个村,建议安排补助资金21万元,其中:明溪县挂点村项目补助6万元,宁化县挂点"
        "村项目补助15万元。\n"
    )
    projects = parse_disclosure(text, year=2023).tree["projects"]
    assert [(p["name"], p["declared_total_yuan"]) for p in projects] == [
        ("2023年农村公路安全隐患“微改造”补助", "5000000.00"),
        ("农村公路养护项目专项补助", "895500.00"),
        ("市委第六批市派驻点村项目补助", "210000.00"),
    ]
    # an item whose paragraph gives two sums takes neither
    text = text.replace("建议本次预拨500万元", "建议本次预拨500万元,下半年安排300万元")
    assert parse_disclosure(text, year=2023).tree["projects"][0]["declared_total_yuan"] is None


def test_a_unit_cell_holding_no_units_name_is_flagged():
    text = (
        "2024年基本公共卫生服务中央补助资金分配表\n单位:万元\n项目单位 |\n"
        "12项基本公共卫生服务 |\n重点地方病防治 |\n本次下达资金金额 |\n卫健局 |\n257.5 |\n"
    )
    result = parse_disclosure(text, year=2024)
    assert any(
        f.field == "implementing_unit" and "不像单位名称" in f.message for f in result.findings
    )


def test_projects_listed_after_how_a_sum_is_used_are_read_where_they_make_it_up():
    text = (
        "关于2023年度文昌湖区政府债务有关情况的说明\n"
        "严格按照政策规定,用足用好债券资金。其中:2023年全区1.81亿元新增债券使用安排情况是:"
        "文昌湖水库连通供水保障工程项目0.2亿元,文昌湖区东部调水及水源保障工程项目0.46亿元,"
        "数字文昌湖新型基础设施建设项目0.81亿元,其他项目0.34亿元。\n"
    )
    projects = parse_disclosure(text, year=2023).tree["projects"]
    assert [(p["name"], p["declared_total_yuan"]) for p in projects] == [
        ("文昌湖水库连通供水保障工程项目", "20000000.00"),
        ("文昌湖区东部调水及水源保障工程项目", "46000000.00"),
        ("数字文昌湖新型基础设施建设项目", "81000000.00"),
        ("其他项目", "34000000.00"),
    ]
    # Uses that do not make up the sum are no list of its projects.
    short = parse_disclosure(text.replace("0.34亿元", "0.35亿元"), year=2023).tree["projects"]
    assert len(short) == 1


def test_an_allocations_items_take_the_sum_their_funds_put_in():
    text = (
        "一、2023年1-2月份公共文化财政资金投入情况\n"
        "(一)农村文化建设资金\n"
        "农村文化建设资金即为送戏进万村资金,补助标准每村每年0.44 万元,全市832个行政村,中央、"
        "市、县区配套资金366.08 万元。\n"
        "(二)农村电影放映活动资金\n"
        "农村电影放映活动,具体标准为每村每年2400元,全市832个行政村,各级财政配套资金共"
        "199.68万元\n"
    )
    projects = parse_disclosure(text, year=2023).tree["projects"]
    assert [(p["name"], p["declared_total_yuan"]) for p in projects] == [
        ("农村文化建设资金", "3660800.00"),
        ("农村电影放映活动资金", "1996800.00"),
    ]
    (line,) = projects[1]["sub_items"][0]["lines"]
    assert [(f["value"], f["unit"]) for f in line["factors"]] == [("832", "个"), ("2400", "元")]


HEALTH_FUNDS = (
    "区卫健局:\n"
    "根据《关于下达2024年基本公共卫生服务等7项中央补助资金预算的通知》(宝市财办社〔2024〕134号)"
    "文件精神,现将2024年基本公共卫生服务等7项中央补助资金465.87万元下达给你们,其中:基本公共"
    "卫生服务中央补助资金334.48万元、公立医院综合改革中央补助资金9.04万元、卫生健康人才培养中央"
    "补助资金18.5万元、基本药物制度中央补助资金40.27万元(村卫生室实施药物制度补助资金12.72万元、"
    "基层医疗卫生机构实施药物制度补助资金27.55万元)、中央计划生育转移支付资金63.58万元。\n"
)


def test_funds_a_notice_gives_out_together_are_its_projects():
    result = parse_disclosure(HEALTH_FUNDS, year=2024)
    projects = result.tree["projects"]
    assert [(p["name"], p["declared_total_yuan"]) for p in projects] == [
        ("基本公共卫生服务中央补助资金", "3344800.00"),
        ("公立医院综合改革中央补助资金", "90400.00"),
        ("卫生健康人才培养中央补助资金", "185000.00"),
        ("基本药物制度中央补助资金", "402700.00"),
        ("中央计划生育转移支付资金", "635800.00"),
    ]
    assert {f.project for f in result.findings if f.field == "name"} >= {1, 2, 3, 4, 5}


def test_funds_that_do_not_make_up_the_whole_are_not_read_as_its_projects():
    text = HEALTH_FUNDS.replace("63.58万元。", "63.59万元。")
    assert len(parse_disclosure(text, year=2024).tree["projects"]) == 1


GREENHOUSES = (
    "关于于洪区新建设施农业项目拟补贴事宜的公告\n"
    "拟补贴资金544.6万元。\n"
    "秋家村新建温室审核面积102亩,按照文件规定,每亩补贴2.5万元。区政府配套50%,即每亩配套补贴"
    "1.25万元。拟拨付市级补贴资金255万元,区级配套127.5万元,合计382.5万元。\n"
    "上三家村新建温室审核面积13亩,每亩补贴1.5万元。区政府配套50%,即每亩配套补贴0.75万元。"
    "拟拨付市级补贴资金19.5万元,区级配套9.75万元,合计29.25万元。\n"
    "青堆子村冷棚审核面积101亩,每亩补贴0.6万元。拟拨付市级补贴资金60.6万元,区级配套60.6万元,"
    "合计121.2万元。\n"
    "造化街道老旧温室小区改造面积11.65亩,改造温室每亩补贴1万元,合计拟补贴11.65万元。\n"
    "现面向社会公告,公告期限为7天。\n"
)


def test_paragraphs_each_ending_with_its_whole_that_make_up_the_total_are_projects():
    projects = parse_disclosure(GREENHOUSES, year=2020).tree["projects"]
    assert [(p["name"], p["declared_total_yuan"]) for p in projects] == [
        ("秋家村新建温室", "3825000.00"),
        ("上三家村新建温室", "292500.00"),
        ("青堆子村冷棚", "1212000.00"),
        ("造化街道老旧温室小区改造", "116500.00"),
    ]
    first = projects[0]["sub_items"][0]["lines"][0]
    assert [(f["value"], f["unit"]) for f in first["factors"]] == [("102", "亩"), ("2.5", "万元")]
    assert first["amount_yuan"] == "2550000.00"


def test_paragraphs_whose_wholes_do_not_make_up_the_total_are_not_projects():
    text = GREENHOUSES.replace("544.6万元", "544.7万元")
    assert len(parse_disclosure(text, year=2020).tree["projects"]) == 1


def test_places_shares_told_a_paragraph_each_are_not_projects():
    text = (
        "现下达2023年度省级冬季清洁取暖专项资金和大气污染防治资金合计13920.64万元。\n"
        "潞城区2023年散煤清零任务数18968户,冬季清洁取暖资金分配金额4546.98万元,大气污染防治资金"
        "分配金额6899.47万元,合计11446.45万元。\n"
        "屯留区2023年散煤清零任务数4100户,冬季清洁取暖资金分配金额982.85万元,大气污染防治资金"
        "分配金额1491.34万元,合计2474.19万元。\n"
    )
    assert len(parse_disclosure(text, year=2023).tree["projects"]) == 1


def test_a_central_investment_forms_named_work_and_its_sum_are_read_and_its_label_flagged():
    text = (
        "中央预算内投资计划绩效目标表\n(2023年度)\n专项名称\n"
        "安徽省2023年以工代赈示范工程舒城县舒茶镇清水河治理工程\n下达地方或单位\n舒城县发展改革委\n"
        "本次下达中央预算内投资(万元)\n853\n总体目标\n实施一批以工代赈中央预算内投资项目。\n"
    )
    result = parse_disclosure(text, year=2023)
    (project,) = result.tree["projects"]
    assert (project["name"], project["declared_total_yuan"]) == (
        "安徽省2023年以工代赈示范工程舒城县舒茶镇清水河治理工程",
        "8530000.00",
    )
    assert any(f.field == "name" and "专项名称" in f.message for f in result.findings)


def test_a_notice_of_generic_money_names_the_project_it_gives_it_to_and_its_whole():
    text = (
        "柞水县财政局\n关于下达专项经费预算的通知\n县文旅局:\n"
        "经研究,现下达你单位2020年中央补助地方公共文化服务体系建设项目资金预算119万元,其中贫困"
        "地区戏曲进乡村补助资金39万元,贫困地区村文化活动室设备购置80万元。请严格管理。\n"
    )
    assert _one_flagged_project(text, 2020) == (
        "2020年中央补助地方公共文化服务体系建设项目",
        "1190000.00",
    )


def test_a_notices_whole_before_its_parts_is_its_projects_sum():
    text = (
        "市科技馆、武清区财政局:\n现提前下达2022年科技馆免费开放中央补助资金681万元,其中:天津"
        "科学技术馆661万元(项目代码:12000022P70000310001W)、武清区科技馆20万元(项目代码:"
        "12000022P71000110002B),专项用于科技馆免费开放项目。\n"
    )
    (project,) = parse_disclosure(text, year=2022).tree["projects"]
    assert project["declared_total_yuan"] == "6810000.00"


def test_a_department_items_worked_out_calculations_are_its_lines():
    text = (
        "六安市审计局2024年部门项目支出预算安排情况说明文本\n"
        "2024年共安排支出项目2个,资金总额165.55万元。具体项目情况说明如下:\n"
        "1.审计公告、法治等工作经费5万元,项目类型为专项业务费。\n"
        "项目内容:共5万元。\n"
        "2..审计业务费116.4万元,项目类型为专项业务费。\n"
        "项目内容:共116.4万元,其中外勤经费116.4万元:需要安排外勤经费63.6万元(2项目*10人*60工作日"
        "*530元/工作日=636000元);44个市内审计项目,需要安排外勤经费52.8万元(44项目*5人*60工作日"
        "*40元/工作日=552000元)。\n"
    )
    projects = parse_disclosure(text, year=2024).tree["projects"]
    assert [p["name"] for p in projects] == ["审计公告、法治等工作经费", "审计业务费"]
    lines = projects[1]["sub_items"][0]["lines"]
    assert [([f["value"] for f in line["factors"]], line["amount_yuan"]) for line in lines] == [
        (["2", "10", "60", "530"], "636000.00"),
        (["44", "5", "60", "40"], "528000.00"),  # the sum its text states, for the checks
    ]


def test_what_a_lottery_fund_supports_is_named_without_the_verb_where_it_is_projects():
    text = (
        "2016年全省福利彩票公益金共资助各类社会福利和公益事业项目1.35万个,资助公益金17.6亿元。"
        "主要是:\n\n"
        "1.资助县(含县)以上社会福利院、社会福利中心、老年公寓等项目170个,资助资金21,927.27万元。\n\n"
        "2.资助养老服务补贴项目155个, 资助对象35.1万人,资助资金10,827.48万元。\n"
    )
    assert names_and_totals(text, year=2016) == [
        ("县(含县)以上社会福利院、社会福利中心、老年公寓等项目", "219272700.00"),
        ("养老服务补贴项目", "108274800.00"),
    ]


def test_projects_named_before_their_count_take_the_money_said_under_their_names():
    text = (
        "日前,2019年经开区上级拨付开发区财政专项扶贫资金为100万元。\n"
        "经开发区扶贫开发领导小组审议,今年计划实施胡同村财政专项扶贫资金项目和朝阳村财政专项扶贫"
        "资金项目共2个项目。\n"
        "据了解,胡同村财政专项扶贫资金项目计划投资110万元,其中:财政专项扶贫资金100万元,自筹资金"
        "10万元;朝阳村财政专项扶贫资金项目计划投资55万元,其中:财政专项扶贫资金50万元,自筹资金"
        "5万元。\n"
    )
    assert names_and_totals(text, year=2019) == [
        ("胡同村财政专项扶贫资金项目", "1100000.00"),
        ("朝阳村财政专项扶贫资金项目", "550000.00"),
    ]


ALFALFA = (
    "鄂尔多斯市农牧局关于2024年中央农业产业发展资金(苜蓿发展行动)分配情况的公示\n"
    "近期,自治区下达我市2024年中央农业产业发展资金(畜牧业发展方向——苜蓿发展行动)1099万元,"
    "主要用于2024年立项的苜蓿种植项目补贴\n"
    "按照实际验收合格种植面积每亩分三年补贴1000元,其中第一年补贴600元,第二年、第三年分别补贴"
    "200元。\n"
    "按比例进行分配。其中:准格尔旗承担种植任务7000亩,本次分配资金256.4万元;达拉特旗承担种植"
    "任务12000亩,本次分配资金439.6万元;杭锦旗承担种植任务3000亩,本次分配资金109.9万元;伊金"
    "霍洛旗承担种植任务5000亩,本次分配资金183.2万元;乌审旗承担种植任务3000亩,本次分配资金"
    "109.9万元。\n"
)


def test_a_funds_sum_is_read_under_its_longer_note_and_a_rates_parts_are_no_sub_items():
    (project,) = parse_disclosure(ALFALFA, year=2024).tree["projects"]
    assert project["declared_total_yuan"] == "10990000.00"
    assert len(project["sub_items"]) == 5  # the 旗's shares, not 第一年 and 第二年 of a rate
    assert project["sub_items"][0]["name"].startswith("准格尔旗")


def test_a_funds_budget_said_after_its_name_is_its_sum():
    text = (
        "下达2020年省级文物保护专项补助资金预算情况公示\n"
        "市财政局近期以广财教〔2020〕53号下达市博物馆2020年省级文物保护专项补助资金预算25万元,"
        "专项用于考古调查和展陈提升。\n"
    )
    (project,) = parse_disclosure(text, year=2020).tree["projects"]
    assert (project["name"], project["declared_total_yuan"]) == (
        "2020年省级文物保护专项补助资金",
        "250000.00",
    )


FORESTRY = (
    "各相关镇办:\n"
    "一、本次下达2021年涉农资金整合省级林业改革发展资金130万元,主要用于林业产业发展、林下经济"
    "建设。\n"
    "(一)林业产业发展资金70万元\n"
    "1.柞水县2021年核桃良种建园项目:建设地点为杏坪镇云蒙村,建设内容为新建核桃良种示范基地1000"
    "亩,补助资金40万元。通过项目实施,可惠及145户农户453人。\n"
    "2.柞水县2021年核桃品种提纯项目:建设地点为凤凰镇龙潭村,建设内容为嫁接改良1000亩,补助资金"
    "30万元。\n"
    "(二)林下经济建设资金60万元\n"
    "1.柞水县2021年林下种植红豆杉项目:建设地点为下梁镇西川村,建设内容为种植400亩,补助资金40万元。\n"
    "2.柞水县2021年林下林麝养殖项目:建设地点为杏坪镇油房村,建设内容为养殖林麝,补助资金20万元。\n"
)


def test_projects_listed_under_the_funds_they_draw_on_are_the_projects():
    assert names_and_totals(FORESTRY, year=2021) == [
        ("柞水县2021年核桃良种建园项目", "400000.00"),
        ("柞水县2021年核桃品种提纯项目", "300000.00"),
        ("柞水县2021年林下种植红豆杉项目", "400000.00"),
        ("柞水县2021年林下林麝养殖项目", "200000.00"),
    ]


def test_an_items_spending_on_projects_is_named_by_the_projects():
    text = (
        "上林县2019年体育彩票公益金使用情况公告\n"
        "1.援建与维护公共体育场地、设施和捐赠体育健身器材618.97元,项目支出进度100%。\n"
        "2. 其他竞技体育项目支出8000元,项目支出进度100%。\n"
    )
    assert names_and_totals(text, year=2019) == [
        ("援建与维护公共体育场地、设施和捐赠体育健身器材", "618.97"),
        ("其他竞技体育项目", "8000.00"),
    ]


def test_table_rows_that_all_bear_one_name_are_one_project_shared_among_units():
    text = (
        "附件:\n2024年度区本级财政衔接推进乡村振兴补助资金计划表\n"
        "序号 | 项目单位名称 | 项目资金(元) | 项目类别 |\n"
        "1 | 龙光桥街道 | 454082 | 四季度人居环境整治提升 |\n"
        "2 | 八字哨镇 | 40000 | 四季度人居环境整治提升 |\n"
        "3 | 欧江岔镇 | 211208 | 四季度人居环境整治提升 |\n"
    )
    result = parse_disclosure(text, year=2024)
    (project,) = result.tree["projects"]
    assert project["name"] == "四季度人居环境整治提升"
    assert [sub["name"] for sub in project["sub_items"]] == ["龙光桥街道", "八字哨镇", "欧江岔镇"]
    assert any(f.field == "groups" for f in result.findings)  # the split is a guess, said


def test_projects_each_named_then_given_their_whole_in_a_run_of_prose():
    text = (
        "黎平肇兴旅游基础设施建设获中央资金支持\n"
        "中央预算内投资下达肇兴景区投资计划1714万元,用于肇兴景区建设。其中肇兴乡肇兴寨村历史文化"
        "名村保护设施建设项目总投资650万元,中央投资资金480万元,地方配套资金170万元,肇兴污水收集"
        "系统工程总投资1064万元,中央投资下达第一笔资金630万元。\n"
    )
    assert names_and_totals(text, year=2013) == [
        ("肇兴乡肇兴寨村历史文化名村保护设施建设项目", "6500000.00"),
        ("肇兴污水收集系统工程", "10640000.00"),
    ]


_BARRED_TABLE = (
    "序号\n|\n名称\n|\n来源\n|\n总额\n(万元)\n|\n发放标准及方式\n|\n主管部门\n|\n备注\n|\n"
    "1\n|\n公益性岗位补贴\n|\n就业创业补助资金\n|\n18.52万元\n|\n按463个人,每人每月400元\n|\n"
    "区人力资源和社会保障局\n|\n2023年9月资金\n|\n"
    "2\n|\n农村最低\n生活保障\n|\n困难群众救助补助资金\n|\n2216.21\n|\n一卡通发放\n|\n区民政局\n|\n|\n"
    "中共五通桥区委农村工作领导小组办公室\n2023年9月27日"
)


def test_a_table_one_cell_a_line_between_bare_bars_is_set_out_a_row_a_line():
    out = unflatten(_BARRED_TABLE)
    assert out.count("\n") == _BARRED_TABLE.count("\n")
    rows = [line for line in out.split("\n") if line.strip()]
    assert rows[0] == "序号 | 名称 | 来源 | 总额(万元) | 发放标准及方式 | 主管部门 | 备注"
    # A cell wrapped over two lines is one cell; an empty cell keeps its place.
    assert (
        rows[2] == "2 | 农村最低生活保障 | 困难群众救助补助资金 | 2216.21 | 一卡通发放 | 区民政局"
    )
    assert rows[3:] == ["中共五通桥区委农村工作领导小组办公室", "2023年9月27日"]
    # Each row stands on the line of its 序号, so findings still point at the source.
    assert out.split("\n")[_BARRED_TABLE.split("\n").index("2")].startswith("2 | 农村最低")
    assert _names_and_sums(unflatten(_BARRED_TABLE)) == [
        ("公益性岗位补贴", Decimal("185200")),
        ("农村最低生活保障", Decimal("22162100")),
    ]


def test_a_barred_table_whose_rows_lost_cells_to_merging_is_left_one_cell_a_line():
    # The second row's 乡镇 was merged with the first's: its cells are one fewer, so no row
    # can be lined up with the header and none is set out.
    text = (
        "序号\n|\n项目名称\n|\n所在乡镇\n|\n补助(万元)\n|\n"
        "01\n|\n梽木村光伏项目\n|\n万宝镇\n|\n13.4\n|\n"
        "02\n|\n匡家村光伏项目\n|\n12\n|\n"
        "03\n|\n高坪村光伏项目\n|\n杉山镇\n|\n9.2\n|\n"
    )
    assert unflatten(text).split("\n")[0] == "序号"
    # A table whose cells end in their own bar keeps a bare bar as an empty cell.
    own = (
        "序号 |\n项目名称 |\n金额 |\n备注 |\n"
        "1 |\n尧山村排洪工程 |\n20 |\n|\n2 |\n吾培村水圳 |\n15 |\n|"
    )
    assert unflatten(own).split("\n")[:2] == ["序号", "项目名称"]


def test_a_bare_name_column_beside_who_gets_the_money_names_no_project():
    # 镇街 | 名称 | 金额: what each town builds with one fund's money, not projects.
    text = (
        "序号\n镇 街\n名  称\n金 额\n1\n茶山街道\n茶山街道养老服务中心\n100\n"
        "2\n仙岩街道\n仙岩街道养老服务中心\n100\n合    计\n200\n"
    )
    assert _names_and_sums(text) == []
    # Without such a column a bare 名称 names each row.
    assert [name for name, _ in _names_and_sums(unflatten(_BARRED_TABLE))] == [
        "公益性岗位补贴",
        "农村最低生活保障",
    ]


@pytest.mark.parametrize("bar", ["| ", ""])
def test_a_header_wrapped_over_lines_is_one_header_and_the_approved_money_is_read(bar):
    text = (
        "2023年度扶持全域旅游发展专项资金兑付清单\n单位:万元\n"
        "序号 | 单位名称 | 申报项目名称 | 申报类型 | 奖励标准\n"
        f"{bar}申报奖励金额\n{bar}核定奖励金额 | 备注 | |\n"
        "1 | 金华市峙垅农业发展有限公司 | 市级研学基地 | 研学基地创建 | 奖励5万 | 5.00 | 4.00 | |\n"
        "2 | 金华市朴道酒店管理有限公司 | 旅游推荐饭店 | 饭店创建 | 奖励2万 | 2.00 | 2.00 | |\n"
    )
    assert [(p.name, p.unit, p.amount.value) for p in read_listing(text)] == [
        ("市级研学基地", "金华市峙垅农业发展有限公司", Decimal("40000")),
        ("旅游推荐饭店", "金华市朴道酒店管理有限公司", Decimal("20000")),
    ]
    # A whole header's second row names its money's parts, and is no part of its header.
    whole = "序号 | 项目名称 | 资金规模(万元) | 备注\n小计 | 中央衔接资金\n"
    whole += "1 | 甲村道路项目 | 30 | 20 | \n"
    assert [(p.name, p.amount.value) for p in read_listing(whole)] == [
        ("甲村道路项目", Decimal("300000"))
    ]


def test_a_header_of_two_headings_a_line_over_five_lines_is_one_header():
    text = (
        "岳阳县2024年第十批财政衔接资金项目计划表\n"
        "序号 | 乡镇 (单位名称) |\n村名 | 项目 名称 |\n项目 类别 |\n项目建设 内容 |\n"
        "本批衔接资金安排情况 (万元) |\n|||\n中央 | 省级 | 市级 | 县级 | ||||||\n"
        "1 | 柏祥镇 | 柏祥村 | 中间塘清污加固护砌 | 产业发展 | 塘堤加固硬化65米 | 20 | |||\n"
        "2 | 步仙镇 | 狮山社区 | 狮山片道路维修 | 乡村建设行动 | 硬化路面长700米 | 10 | |||\n"
    )
    assert _names_and_sums(text) == [
        ("中间塘清污加固护砌", Decimal("200000")),
        ("狮山片道路维修", Decimal("100000")),
    ]


def test_a_barred_tables_total_row_is_set_out_and_cells_left_over_stop_it():
    text = _BARRED_TABLE.replace(
        "|\n中共五通桥", "|\n合计\n|\n|\n|\n2234.73\n|\n|\n|\n|\n中共五通桥"
    )
    rows = [line for line in unflatten(text).split("\n") if line.strip()]
    assert rows[3] == "合计 |  |  | 2234.73"
    # A row's number that does not follow (a cell lost on the way) sets out nothing.
    broken = _BARRED_TABLE.replace("|\n2\n|\n农村最低", "|\n3\n|\n农村最低")
    assert unflatten(broken).split("\n")[0] == "序号"


def test_projects_set_out_after_a_colon_and_counted_after_them_are_the_projects():
    line = (
        "2023年体育彩票公益金用于以下项目:思恩镇安良村篮球场4万元、川山镇古宾村篮球场4万元、"
        "全民活动中心门球场维修费4.76万元。3个项目共计12.97万元。"
    )
    assert _names_and_sums(line) == [
        ("思恩镇安良村篮球场", Decimal("40000")),
        ("川山镇古宾村篮球场", Decimal("40000")),
        ("全民活动中心门球场维修费", Decimal("47600")),
    ]
    # A count below what is set out reads none of them (the list was split wrong); one above
    # it reads them, staff told that the text counts more.
    assert _names_and_sums(line.replace("3个项目", "2个项目")) == []
    assert len(_names_and_sums(line.replace("3个项目", "4个项目"))) == 3
    findings = parse_disclosure(line.replace("3个项目", "4个项目")).findings
    rows = [f.message for f in findings if f.field == "rows"]
    assert len(rows) == 1 and rows[0].startswith("文中写明有4个项目，只读出3个")


def test_paragraphs_each_naming_a_finished_project_take_the_sum_it_was_settled_at():
    text = (
        "确定了2021年度扶贫资金项目共3个。\n"
        "印象乌兰计墙体彩绘服务项目。本项目位于乌兰计三村,2021年12月14日竣工结算,"
        "结算金额为22万元。\n"
        "包头市方吉农民专业合作社保鲜库改造项目。本项目位于乌兰计二村,于2021年7月31日开始,"
        "2021年9月7日竣工结算,结算金额为41万元。\n"
    )
    assert _names_and_sums(text) == [
        ("印象乌兰计墙体彩绘服务项目", Decimal("220000")),
        ("包头市方吉农民专业合作社保鲜库改造项目", Decimal("410000")),
    ]
    # What was spent on the way is no project's whole.
    assert _names_and_sums(text.replace("结算金额为", "已完成投资")) == []


def test_a_sentence_after_a_list_names_who_carries_out_all_its_projects():
    text = (
        "关于2018年少数民族发展资金项目的公示\n"
        "下达少数民族发展资金200万元,主要用于腊湾村委会建设项目。其中:\n"
        "1.牟定县凤屯镇腊湾村委会迷鲁村道路硬化工程建设项目115万元,主要用于硬化道路3.2公里。\n"
        "2.牟定县凤屯镇腊湾村委外湾及小村道路硬化工程建设项目85万元,主要用于硬化道路1.4公里。\n"
        "以上项目由凤屯镇人民政府组织实施,2018年2月开工建设。\n"
        "牟定县民族宗教事务局\n2018年12月14日\n"
    )
    result = parse_disclosure(text)
    assert [p["implementing_unit"] for p in result.tree["projects"]] == ["凤屯镇人民政府"] * 2
    said = [f for f in result.findings if f.field == "implementing_unit"]
    assert [f.project for f in said] == [1, 2] and all(f.line == 5 for f in said)
    # Without the sentence, the unit is the department's, and that is said too.
    result = parse_disclosure(text.replace("以上项目由凤屯镇人民政府组织实施,", ""))
    assert [p["implementing_unit"] for p in result.tree["projects"]] == ["牟定县民族宗教事务局"] * 2


def test_a_funds_uses_told_by_their_ordinals_are_its_projects_where_they_make_up_its_sum():
    line = (
        "2022年大英县体育彩票公益金支出23.4869万元。一是资助或组织开展全民健身活动1.996万元。"
        "主要用于组织全民健身活动(象棋比赛)共计1.355万元以及体育馆电费等0.641万元。"
        "二是建设和维护公共体育场地和设施21.4909万元。主要是用于全民健身中心场地扩建和维护。"
    )
    assert _names_and_sums(line) == [
        ("资助或组织开展全民健身活动", Decimal("19960")),
        ("建设和维护公共体育场地和设施", Decimal("214909")),
    ]
    # Uses that do not make up the fund's sum, or a use told without its sum first, are none.
    assert _names_and_sums(line.replace("23.4869万元", "25万元")) == []
    assert (
        _names_and_sums(line.replace("二是建设和维护公共体育场地和设施21.4909万元。", "二是")) == []
    )


def test_how_a_fund_is_shared_out_is_no_list_of_its_projects():
    text = (
        "二、2024年区级福利彩票公益金分配情况\n"
        "(一)区本级留用1022.00万元。\n"
        "(二)分配街镇1606.71万元。\n"
        "三、2024年区本级彩票公益金安排使用情况\n"
        "1、老年福利项目2个,资助金额1725万元。\n"
        "(1)孝老安康工程180万元;\n"
        "(2)城乡社区养老服务设施建设及运营经费1545万元;\n"
    )
    assert _names_and_sums(text) == [
        ("孝老安康工程", Decimal("1800000")),
        ("城乡社区养老服务设施建设及运营经费", Decimal("15450000")),
    ]


def test_projects_after_a_sum_and_a_colon_that_they_make_up_are_the_projects():
    line = (
        "本次下达安防工程等项目切块省补助资金9379.5万元,其中,贫困县纳入统筹整合资金7560万元:"
        "2017年第一批县乡道安防工程项目资金2739万元,2017年第一批村道安防项目资金156万元,"
        "2017年第二批县乡道安防工程项目资金4192万元,2017年第二批村道安防项目资金473万元。"
    )
    assert _names_and_sums(line) == [
        ("2017年第一批县乡道安防工程项目", Decimal("27390000")),
        ("2017年第一批村道安防项目", Decimal("1560000")),
        ("2017年第二批县乡道安防工程项目", Decimal("41920000")),
        ("2017年第二批村道安防项目", Decimal("4730000")),
    ]
    # Parts that do not make up the sum before the colon are not read as its projects.
    assert _names_and_sums(line.replace("7560万元:", "7600万元:")) == []


_WRAPPED_HEADER = (
    "序号\n乡镇\n(单位名称)\n村名\n项目\n名称\n项目\n类别\n项目建设内容\n"
    "本批衔接资金安排情况\n(万元)\n省级\n"
    "1\n柏祥镇\n柏祥镇\n柏祥镇产业奖补\n产业发展\n对全镇9个村监测户产业发展情况进行奖补\n2.5\n"
    "2\n柏祥镇\n伏太村\n伏太村安利大塘清淤\n产业发展\n伏太片旁上组安利大塘清淤\n8\n"
    "合计\n10.5\n"
)


def test_a_one_cell_a_line_header_wrapped_over_lines_is_one_heading_a_column():
    # 乡镇 / (单位名称), 项目 / 名称 and a money column's one level (省级) under it.
    assert _names_and_sums(_WRAPPED_HEADER) == [
        ("柏祥镇产业奖补", Decimal("25000")),
        ("伏太村安利大塘清淤", Decimal("80000")),
    ]


def test_a_one_cell_a_line_row_that_slid_across_its_columns_is_not_read():
    # The row lost its 村名 and its content wrapped over two lines: its cells slid one column,
    # putting the project under 村名 and its kind under 项目名称; nothing is read rather than
    # that.
    header = _WRAPPED_HEADER.split("1\n柏祥镇")[0]
    text = (
        header + "1\n公田镇\n岳阳县公田镇易地搬迁集中安置区维修改造项目\n易地搬迁后扶\n"
        "屋顶及外立面破损维修改造\n房屋公共区域漏水渗水维修改造\n50\n合计\n50\n"
    )
    assert _names_and_sums(text) == []


def test_who_says_it_sets_a_project_out_is_no_part_of_its_name():
    from budget.importer.notices import said_project_name

    line = "现对我单位2023年度福利彩票公益金资助项目信息公告如下:"
    assert said_project_name(line) == ("2023年度福利彩票公益金资助项目", 1)
    line = "现将本局2024年农村公路养护项目绩效目标自评报告如下:"
    assert said_project_name(line) == ("2024年农村公路养护项目", 1)


def test_a_request_submitting_a_report_does_not_cite_it_and_its_estimate_is_its_total():
    text = (
        "上海嘉定工业区管理委员会关于报批《嘉定工业区2018年农村生活污水处理工程可行性研究报告》的请示\n"
        "上海市嘉定区发展和改革委员会:\n"
        "我所根据《嘉定区美丽乡村村庄改造项目建设的指导意见(试行)》,组织编制了"
        "《嘉定工业区2018年农村生活污水处理工程可行性研究报告》,具体如下:\n"
        "一、项目名称:嘉定工业区2018年农村生活污水处理工程。\n"
        "二、项目法人单位:上海市嘉定工业区水务管理所。\n"
        "三、项目建设内容:敷设污水管道9414米。\n"
        "四、项目投资概算及资金筹措:总投资概算1179.45万元。\n"
    )
    (project,) = parse_disclosure(text, year=2018).tree["projects"]
    assert project["declared_total_yuan"] == "11794500.00"
    assert [c["title"] for c in project["citations"]] == [
        "嘉定区美丽乡村村庄改造项目建设的指导意见(试行)"
    ]


def test_projects_set_out_then_summed_after_them_are_the_projects():
    line = (
        "根据《关于提前下达2022年中央福彩公益金的通知》,下达漳州市老年人福利类项目196万元、"
        "儿童福利类项目69万元、社会公益类项目计40万元,总计下达305万元。"
    )
    assert _names_and_sums(line) == [
        ("老年人福利类项目", Decimal("1960000")),
        ("儿童福利类项目", Decimal("690000")),
        ("社会公益类项目", Decimal("400000")),
    ]
    # Sums that do not make up the whole after them are not read as its projects.
    assert _names_and_sums(line.replace("总计下达305万元", "总计下达310万元")) == []


def test_a_funds_carry_over_and_new_money_are_no_projects():
    text = (
        "一、中央福利彩票公益金下达913万元,具体下达和分配使用情况如下:\n"
        "1、中央福利彩票公益金上年结转97万元。\n"
        "2、中央福利彩票公益金本年下达816万元。\n"
    )
    assert _names_and_sums(text) == []


def test_as_many_named_parts_after_qizhong_as_the_projects_counted_are_those_projects():
    line = (
        "近日,省发改委转发下达了重点流域水污染防治项目2017年中央预算内投资计划,我市3个项目被"
        "列入中央预算内投资计划,共获得资金4960万元。其中,郑州航空港第三污水处理厂(一期)"
        "工程3300万元、登封市卢店污水处理厂工程820万元、登封市大金店镇污水处理厂工程840万元。"
    )
    assert [name for name, _ in _names_and_sums(line)] == [
        "郑州航空港第三污水处理厂(一期)工程",
        "登封市卢店污水处理厂工程",
        "登封市大金店镇污水处理厂工程",
    ]
    # A count that is not theirs leaves them the parts of the money they come under.
    assert _names_and_sums(line.replace("我市3个项目", "我市4个项目")) == []


def test_a_table_naming_each_rows_content_and_unit_lists_projects_by_their_content():
    text = (
        "序号 | 地区 | 实施单位 | 项目内容 | 金额 (万元) | 备注\n"
        "1 | 仁化县 | 仁化县教育局 | 支持仁化县创建广东省义务教育优质均衡发展县。 | 1000 |\n"
        "2 | 曲江区 | 曲江中学 | 教学区、办公区厕所改造。 | 100 |\n"
    )
    listed = read_listing(text)
    assert [(p.name, p.unit, p.amount.value) for p in listed] == [
        ("支持仁化县创建广东省义务教育优质均衡发展县", "仁化县教育局", Decimal("10000000")),
        ("教学区、办公区厕所改造", "曲江中学", Decimal("1000000")),
    ]


def test_a_plan_of_one_piece_of_work_is_named_by_its_title():
    from budget.importer import outline as o
    from budget.importer.notices import planned_name

    title = [o.Line(1, "通许县乡村振兴局 2025年小额信贷财政贴息工作实施计划")]
    assert planned_name(title) == ("2025年小额信贷财政贴息", 1)
    # A notice printing a plan for many projects names none of them.
    assert planned_name([o.Line(1, "关于印发《2025年衔接资金项目实施方案》的通知")]) is None


def test_a_notice_without_a_title_is_named_by_the_subsidy_its_first_sentences_pay_out():
    text = (
        "- 索 引 号:XM05904-30-01-2024-004\n"
        "- 备注/文号:同莲政〔2024〕17号\n"
        "- 发布机构:莲花镇\n"
        "各村(居)委会、各有关单位:\n"
        "经村(居)登记、张榜公示、镇审核,确定全镇耕地补贴总面积27653.25亩,补贴标准为每亩76.03元。"
        "现将区下达给我镇的2024年耕地地力保护补贴资金2102477元(详见附件)下达给你们,"
        "并将有关事项通知如下:\n"
        "一、加强补贴资金的监管。\n"
        "厦门市同安区莲花镇人民政府\n"
        "2024年5月30日\n"
    )
    result = parse_disclosure(text)
    [project] = result.tree["projects"]
    # (the page's record above the text, set out with bullets, is no title)
    assert project["name"] == "2024年耕地地力保护补贴"
    assert any(f.field == "name" and f.project == 1 for f in result.findings)


def test_a_subsidy_titles_paying_out_is_no_part_of_its_name_and_its_total_is_the_stated_one():
    text = (
        "内乡县2023年耕地地力保护补贴发放情况公示\n"
        "省下达的耕地地力保护补贴资金共计7021万元。补贴标准为每亩补贴86.9元,"
        "实际发放耕地地力保护补贴资金70206564.04元。\n"
    )
    [project] = parse_disclosure(text).tree["projects"]
    assert project["name"] == "内乡县2023年耕地地力保护补贴"
    # both sums follow the subsidy's name: the one stated as its whole (共计) is its total
    assert project["declared_total_yuan"] == "70210000.00"


def test_a_projects_shares_are_parts_of_one_line_holding_its_total():
    text = (
        "船山区老池镇2023年中央财政以工代赈项目实施方案\n"
        "该项目总投资450万元,拟争取中央财政衔接资金400万元,主要建设内容为新建排洪渠0.3千米。"
        "预计发放劳务报酬100万元,占中央财政资金的25%。\n"
    )
    result = parse_disclosure(text)
    [sub_item] = result.tree["projects"][0]["sub_items"]
    [whole] = sub_item["lines"]
    assert (whole["amount_yuan"], whole["partial"]) == ("4500000.00", True)
    [share] = whole["children"]
    assert (share["name"], share["formula"], share["amount_yuan"]) == (
        "劳务报酬",
        "400万元×25%",
        "1000000.00",
    )
    # a part of the total, not all of it: the checks find nothing to add up differently
    assert not [f for f in result.findings if f.origin == "check"]


def test_items_a_sentence_sets_out_with_the_sum_they_make_are_the_parts_of_one_fund():
    text = (
        "2021年钟楼区民政局春节走访慰问经费共计32.4万元,具体如下:\n"
        "1、慰问孤儿31人,按2000元/人标准,计6.2万元。\n"
        "2、慰问百岁老人47人,按2000元/人标准,计9.4万元。\n"
        "3、敬老院特困对象42人,按1000元/人标准,计16.8万元。\n"
    )
    [project] = parse_disclosure(text).tree["projects"]
    assert (project["name"], project["declared_total_yuan"]) == (
        "2021年钟楼区民政局春节走访慰问经费",
        "324000.00",
    )
    assert [(sub["name"], sub["lines"][0]["formula"]) for sub in project["sub_items"]] == [
        ("慰问孤儿", "31人×2000元"),
        ("慰问百岁老人", "47人×2000元"),
        ("敬老院特困对象", "42人×1000元"),
    ]


@pytest.mark.parametrize(
    "first",
    [
        # a sum the items do not make up: each item is its own
        "2021年春节走访慰问经费共计40万元,具体如下:",
        # items named as projects: the projects the fund pays for
        None,
    ],
)
def test_items_that_are_projects_or_do_not_make_the_sum_above_them_stay_a_list(first):
    names = ["慰问孤儿", "慰问百岁老人"] if first else ["孤儿慰问项目", "百岁老人慰问项目"]
    text = (
        (first or "2021年春节走访慰问经费共计15.6万元,具体如下:")
        + f"\n1、{names[0]}31人,按2000元/人标准,计6.2万元。\n"
        + f"2、{names[1]}47人,按2000元/人标准,计9.4万元。\n"
    )
    projects = parse_disclosure(text).tree["projects"]
    assert [project["name"] for project in projects] == names


def test_numbered_subsidies_are_named_without_their_counts_and_the_lists_total_is_no_items():
    text = (
        "我县对各乡镇场上报的养殖补贴申请进行审核汇总,具体情况如下:\n"
        "1. 能繁母牛补贴:551户2088头,补贴资金104.4万元。\n"
        "2. 能繁母羊人工授精补贴:3户205只,补贴资金0.82万元。\n"
        "以上两项补贴资金合计为105.22万元。\n"
        "县农业农村局现计划支付以上资金,予以公示。\n"
    )
    assert names_and_totals(text) == [
        ("能繁母牛补贴", "1044000.00"),
        ("能繁母羊人工授精补贴", "8200.00"),
    ]


def test_a_plans_numbered_fields_give_its_name_department_and_the_total_of_its_parts():
    text = (
        "海北州2018年落实草原生态保护补助奖励机制政策\n"
        "实施方案\n"
        "第一节 概要\n"
        "一、名 称: 海北州2018年落实草原生态保护补助\n"
        "奖励机制政策\n"
        "二、主管单位:青海省农牧厅、财政厅\n"
        "三、实施单位:海北州人民政府\n"
        "四、实施地点:海北州\n"
        "五、实施规模和主要内容:全州实施禁牧面积1180万亩,草畜平衡奖励面积2398.8万亩\n"
        "六、补奖资金与兑现:补奖资金合计20511万元,其中:禁牧补助14514万元、草畜平衡奖励5997万元。\n"
    )
    result = parse_disclosure(text)
    [project] = result.tree["projects"]
    assert result.tree["department"]["name"] == "青海省农牧厅、财政厅"
    assert project["name"] == "海北州2018年落实草原生态保护补助奖励机制政策"
    assert project["declared_total_yuan"] == "205110000.00"
    assert [sub["name"] for sub in project["sub_items"]] == ["禁牧补助", "草畜平衡奖励"]
    # the total read from prose is flagged for staff
    assert any(f.field == "declared_total" and f.project == 1 for f in result.findings)


def test_a_reply_names_the_project_it_codes_and_reads_its_changed_total():
    text = (
        "益阳市中心医院:\n"
        "报来《关于变更益阳市中心医院医疗设备更新迭代升级项目总投资和建设内容及规模的请示》等相关"
        "材料收悉。经研究,同意变更益阳市中心医院医疗设备更新迭代升级项目(项目代码:2405-430900-"
        "04-05-922562)总投资和建设内容及规模。具体变更批复如下:\n"
        "一、项目投资估算及资金来源:项目总投资变更为10025万元。\n"
        "二、项目建设内容及规模变更为:更新医疗设备共40台。\n"
        "益阳市发展和改革委员会\n"
        "2025年11月26日\n"
    )
    [project] = parse_disclosure(text).tree["projects"]
    assert (project["name"], project["declared_total_yuan"]) == (
        "益阳市中心医院医疗设备更新迭代升级项目",
        "100250000.00",
    )


@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_a_one_cell_a_line_tables_empty_last_cells_are_blank_lines_not_lost_cells(gap):
    # (cells a line each, or a blank line apart; the empty 备注 one blank line more)
    header = ["序号", "名称", "来源", "总额", "主管部门", "备注"]
    rows = [
        ["1", "农村最低生活保障", "中央省市困难群众救助补助资金", "309.1417万元", "区民政局", ""],
        ["2", "困难残疾人生活补贴", "中央省市社会救助救济资金", "27.52万元", "区民政局", ""],
    ]
    cells = header + [cell for row in rows for cell in row] + ["合计", "", "", "336.6617万元"]
    assert names_and_totals(gap.join(cells) + "\n") == [
        ("农村最低生活保障", "3091417.00"),
        ("困难残疾人生活补贴", "275200.00"),
    ]


def test_the_parts_of_one_part_of_a_notices_money_are_no_parts_of_the_whole():
    text = (
        "各乡(镇)人民政府:\n"
        "现就做好2025年耕地地力保护补贴发放工作通知如下:\n"
        "本次安排耕地地力保护补贴资金总额1398.439035万元,按以下标准进行发放:\n"
        "1.耕地地力保护补贴。全县面积166519.84亩,补贴标准为每亩66元,补贴金额1099.030944万元。\n"
        "2.规模种粮主体补贴。全县补贴金额296.264891万元。其中:385户规模种粮主体(种植面积共"
        "16590.79亩),每亩补贴71.02元,补贴金额117.827791万元;82户规模种粮主体(种植面积共"
        "16177.46亩),每亩补贴110.30元,补贴金额178.4371万元。\n"
        "3.再生稻催芽肥补贴。面积共1571.60亩,每亩补助20元,补贴金额3.1432万元。\n"
    )
    [project] = parse_disclosure(text).tree["projects"]
    # the three items the sentence sets out are its parts, they make up its 总额
    assert project["declared_total_yuan"] == "13984390.35"
    # and the two tiers of 规模种粮主体补贴 are that part's calculations, not parts of the whole
    assert [
        (sub["name"], [line["formula"] for line in sub["lines"]]) for sub in project["sub_items"]
    ] == [
        ("耕地地力保护补贴", ["166519.84亩×66元"]),
        ("规模种粮主体补贴", ["16590.79亩×71.02元", "16177.46亩×110.3元"]),
        ("再生稻催芽肥补贴", ["1571.6亩×20元"]),
    ]


def test_the_parts_of_one_part_are_no_sub_items_where_the_items_are_not_read_as_parts():
    # (under a heading of their own the items are read as prose: the tiers after the second
    # item's 其中 must not become the project's sub-items)
    text = (
        "各乡(镇)人民政府:\n"
        "现就做好2025年耕地地力保护补贴发放工作通知如下:\n"
        "一、补贴标准\n"
        "2025年上级下达我县补贴资金1396万元,上年结余2.439035万元,本次安排耕地地力保护补贴"
        "资金总额1398.439035万元,按以下标准进行发放:\n"
        "1.耕地地力保护补贴。全县面积166519.84亩,补贴标准为每亩66元,补贴金额1099.030944万元。\n"
        "2.规模种粮主体补贴。全县补贴金额296.264891万元。其中:385户规模种粮主体(种植面积共"
        "16590.79亩),每亩补贴71.02元,补贴金额117.827791万元;82户规模种粮主体(种植面积共"
        "16177.46亩),每亩补贴110.30元,补贴金额178.4371万元。\n"
        "3.再生稻催芽肥补贴。面积共1571.60亩,每亩补助20元,补贴金额3.1432万元。\n"
        "二、工作要求\n"
        "严格落实补贴公示制度。\n"
    )
    [project] = parse_disclosure(text).tree["projects"]
    assert project["declared_total_yuan"] == "13984390.35"
    assert not any("户规模种粮主体" in sub["name"] for sub in project["sub_items"])


def test_funds_apart_by_semicolons_then_their_whole_are_projects_over_goals_of_their_own():
    text = (
        "忠县民政局2024年度资金绩效自评报告\n"
        "一、绩效目标分解下达情况\n"
        "2024年度,中央、市级下达转移支付慈善会项目40万元;城乡低保、特困供养、临时救助项目"
        "2.75万元;民政管理工作经费17万元;城乡公益性公墓建设补助130万元。共计下达中央、市级转移"
        "支付资金189.75万元。\n"
        "(二)绩效目标情况\n"
        "1.慈善会项目\n"
        "绩效目标:保障全县慈善会工作顺利进行。\n"
    )
    projects = parse_disclosure(text).tree["projects"]
    assert [(p["name"], p["declared_total_yuan"]) for p in projects] == [
        ("慈善会项目", "400000.00"),
        ("城乡低保、特困供养、临时救助项目", "27500.00"),
        ("民政管理工作经费", "170000.00"),
        ("城乡公益性公墓建设补助", "1300000.00"),
    ]
    # not when they do not make up the whole
    assert len(parse_disclosure(text.replace("189.75万元", "190万元")).tree["projects"]) == 1


def test_a_forms_row_of_cells_after_its_tables_number_names_its_project_and_department():
    text = (
        "2022年度项目支出绩效自评表 | 部门:临沧市永德县明朗中学 |\n"
        "| 公开14表 | 项目名称 | 义务教育营养改善计划专项资金 | 主管部门 | 永德县教育体育局 | "
        "实施单位 | 永德县明朗中学 | 项目资金 (元) |\n"
        "| 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 | 年度资金总额 |\n"
        "| 387664.62 | 387664.62 | 10 | 100% | 10 | 其中:当年财政 拨款 |\n"
    )
    result = parse_disclosure(text)
    [project] = result.tree["projects"]
    assert result.tree["department"]["name"] == "临沧市永德县明朗中学"
    assert (project["name"], project["implementing_unit"]) == (
        "义务教育营养改善计划专项资金",
        "永德县明朗中学",
    )


def test_a_name_field_followed_by_the_next_fields_label_is_no_name():
    text = (
        "财政项目支出绩效自评表 (2022 年度) 普陀体育中心与委托运营方结 算费用 项目名称 "
        "主管部门 上海市普陀区体育局 年初预算数 全年预算数 全年执行数\n"
    )
    result = parse_disclosure(text, year=2022)
    [project] = result.tree["projects"]
    assert not project["name"].startswith("主管部门")
    assert any(f.field == "name" and f.project == 1 for f in result.findings)


def test_a_tables_money_split_into_sub_columns_on_a_second_header_row_reads_its_first():
    text = (
        "塔城市2025年财政衔接结余资金(第三批)项目计划表\n"
        "项目序号 | 项目名称 | 建设地点 | 建设任务 | 责任单位 | 责任人 | 资金规模(万元) | |||\n"
        "小计 | 中央衔接资金 | 自治区衔接资金 | 备注(其他资金名称) | ||||||\n"
        "塔城市合计2个 | 50.2 | 48.895579 | 1.304421 | 0 | |||||\n"
        "1 | 塔城市博孜达克镇路南社区速冻库改造项目 | 塔城市农产品集聚区 | 改造速冻库一间 | "
        "博孜达克镇人民政府 |  | 49 | 48.891626 | 0.108374 | 2025年结余资金 |\n"
        "2 | 2025年雨露计划补助项目 | 阿不都拉乡 | 发放补助 | 塔城市乡村振兴局 |  | 1.2 | 0.003953 "
        "| 1.196047 | |\n"
    )
    assert names_and_totals(text) == [
        ("塔城市博孜达克镇路南社区速冻库改造项目", "490000.00"),
        ("2025年雨露计划补助项目", "12000.00"),
    ]


def test_a_funds_uses_after_its_spending_are_projects_even_where_one_names_a_level():
    text = (
        "现将2023年长安区体育彩票公益金筹集、使用情况公告如下。\n"
        "一、体育彩票公益金分配情况\n"
        "2023年本级留用445.85万元。其中上年结余189.85万元,市级拨付256万元。\n"
        "二、本级体育彩票公益金使用情况\n"
        "2023年地方留用体育彩票公益金支出267.85万元。其中用于资助2021年社区提升建设项目206.25万元;"
        "用于资助举办西安市首届社区运动会市级乒乓球交流赛61.6万元。\n"
    )
    projects = parse_disclosure(text).tree["projects"]
    # (a 市级 match is what is held, not where the money comes from; the sources above are none)
    assert [(p["name"], p["declared_total_yuan"]) for p in projects] == [
        ("2021年社区提升建设项目", "2062500.00"),
        ("西安市首届社区运动会市级乒乓球交流赛", "616000.00"),
    ]


def test_a_titles_project_is_named_with_the_places_it_lists_and_without_its_goals_words():
    title = (
        "关于解决同心县2022年下马关镇上垣、下垣村乡村振兴人居环境综合整治示范村项目资金"
        "绩效目标设定的公示"
    )
    assert title_project_name([Line(1, title)]) == (
        "同心县2022年下马关镇上垣、下垣村乡村振兴人居环境综合整治示范村项目",
        1,
    )
    # two projects listed are no one project's name
    assert title_project_name([Line(1, "关于甲村道路项目、乙村饮水项目的公示")]) is None


def test_a_news_items_fund_is_what_it_says_was_secured_and_its_page_record_names_the_issuer():
    text = (
        "发布机构 兴庆区住房和城乡建设局 责任部门 兴庆区住房和城乡建设局 关 键 字 补助\n"
        "截至目前,我市已落实三馆免费开放及运行补助资金1331万元,主要用于支持公共文化服务体系建设。\n"
    )
    result = parse_disclosure(text, year=2023)
    [project] = result.tree["projects"]
    assert (project["name"], project["declared_total_yuan"]) == (
        "三馆免费开放及运行补助资金",
        "13310000.00",
    )
    assert result.tree["department"]["name"] == "兴庆区住房和城乡建设局"


def test_a_page_records_colon_labelled_publisher_comes_before_one_set_apart_by_spaces():
    text = (
        "索 引 号 H123/2025-76727 成文日期 2025-06-24\n"
        "发布机构 湘管委 主题分类 政务公开\n"
        "发布日期:2025-06-24 08:59 访问次数: 信息来源:区湘湖旅游度假区管委会\n"
        "我单位2024年新增地方政府专项债券项目1个,争取债券资金2.62亿元。\n"
    )
    assert parse_disclosure(text).tree["department"]["name"] == "区湘湖旅游度假区管委会"


def test_a_spaced_table_of_schools_with_levels_money_and_a_works_column():
    text = (
        "六安市金安区2025年度校舍维修改造项目建设计划\n"
        "校舍维修改造项目情况见下表:\n"
        "学校名称 实施年度 项目类型 项目名称 1.中央资金(万元) 2.省级资金(万元) 建设规模 完成情况\n"
        "六安市 金安区 人民路小学北校  2025 2-附属设施 运动场等 0 120 2307  已完工\n"
        "六安市 金安区 东河口初中  2025 1-维修改造 宿舍 0 51 330 已完工\n"
        "六安市 金安区 横塘岗初中  2025 2-附属设施 附属设施 50 0 930 已完工\n"
    )
    result = parse_disclosure(text)
    # the places of merged cells go; the school and what is built there name the project;
    # its money is the levels' sum (no total column), never one level's 0
    assert [(p["name"], p["declared_total_yuan"]) for p in result.tree["projects"]] == [
        ("人民路小学北校运动场等", "1200000.00"),
        ("东河口初中宿舍", "510000.00"),
        ("横塘岗初中附属设施", "500000.00"),
    ]
    assert any("由“学校名称”栏与“项目名称”栏合成" in f.message for f in result.findings)


@pytest.mark.parametrize(
    ("title", "name"),
    [
        (
            "广州市白云区发展和改革局关于江南市场片区、南航西片区、三元里大道片区排水单元管网完善工程"
            "可行性研究报告的复函",
            "江南市场片区、南航西片区、三元里大道片区排水单元管网完善工程",
        ),
        (
            "旌德县2021年农村饮水工程维修养护工程水利发展资金绩效自评报告",
            "旌德县2021年农村饮水工程维修养护工程",
        ),
        ("关于要求审批桐琴镇镇区道路改造工程项目的请示", "桐琴镇镇区道路改造工程项目"),
    ],
)
def test_a_titles_works_are_named_with_the_places_they_list_and_without_their_papers(title, name):
    assert title_project_name([Line(1, title)]) == (name, 1)


def test_a_records_index_number_and_project_code_above_a_title_are_no_part_of_it():
    text = (
        "项目代码:2212-440111-17-01-147968\n"
        "K0002-0702-2023-116\n"
        "广州市白云区发展和改革局关于排水单元管网完善工程可行性研究报告的复函\n"
        "区水务局:\n"
        "经研究,同意该项目,项目总投资1460.25万元。\n"
    )
    result = parse_disclosure(text)
    assert result.tree["department"]["name"] == "广州市白云区发展和改革局"


def test_a_verb_inside_a_funds_name_is_no_giver_before_it():
    text = (
        "某县民政局2024年度资金绩效自评报告\n"
        "一、资金下达情况\n"
        "2024年度,土地分配调整项目40万元;慈善会项目2.75万元;民政管理工作经费17万元。合计59.75万元。\n"
    )
    names = [p["name"] for p in parse_disclosure(text).tree["projects"]]
    assert names == ["土地分配调整项目", "慈善会项目", "民政管理工作经费"]


def test_funds_by_source_over_uses_each_tabled_by_county_make_the_uses_the_projects():
    def table(rows):
        return "".join(f"{county} |\n{amount} |\n|\n" for county, amount in rows)

    text = (
        "2021年度,福建省财政厅、民政厅下达用于社会福利的中央彩票公益金118万元、省级彩票公益金"
        "60万元,现将分配使用情况公告如下:\n"
        "一、中央福彩公益金118万元\n"
        "(一)农村幸福院经费51万元\n"
        "县(市、区) |\n金额(万元) |\n备注 |\n"
        + table([("蕉城", "27"), ("霞浦", "24")])
        + "(二)儿童福利类经费45万元\n"
        "县(市、区) |\n金额(万元) |\n备注 |\n"
        + table([("市本级", "40.1"), ("蕉城", "4.9")])
        + "(三)残疾人福利经费22万元\n"
        "县(市、区) |\n金额(万元) |\n备注 |\n"
        + table([("福安", "12"), ("福鼎", "10")])
        + "二、省级福彩公益金60万元\n"
        "(一)民办养老机构运营补贴35万元\n"
        "县(市、区) |\n金额(万元) |\n备注 |\n"
        + table([("霞浦", "23"), ("古田", "12")])
        + "(二)农村区域性养老服务中心建设项目25万元\n"
        "县(市、区) |\n金额(万元) |\n备注 |\n" + table([("蕉城", "20"), ("霞浦", "5")])
    )
    projects = parse_disclosure(text).tree["projects"]
    # (a fund's uses a line each are its parts instead: 一、中央财政衔接资金(5273万元) (一)…)
    assert [(p["name"], p["declared_total_yuan"]) for p in projects] == [
        ("农村幸福院经费", "510000.00"),
        ("儿童福利类经费", "450000.00"),
        ("残疾人福利经费", "220000.00"),
        ("民办养老机构运营补贴", "350000.00"),
        ("农村区域性养老服务中心建设项目", "250000.00"),
    ]
    # each use's table by county, which makes it up, gives its sub-items
    assert [sub["name"] for sub in projects[0]["sub_items"]] == ["蕉城", "霞浦"]
    assert [sub["name"] for sub in projects[2]["sub_items"]] == ["福安", "福鼎"]


def test_works_a_news_item_says_a_sum_built_are_projects():
    text = (
        "内蒙古首次利用中央彩票公益金支持革命老区整村推进项目,该项目在达茂旗投资3963万元。\n"
        "目前,该旗利用彩票公益金350万元建设的乌克镇马铃薯储窖交易市场项目已破土动工;"
        "利用彩票公益金250万元建设的二里半移民搬迁新村项目已做好了开工前的各项准备工作。\n"
    )
    assert names_and_totals(text, year=2016) == [
        ("乌克镇马铃薯储窖交易市场项目", "3500000.00"),
        ("二里半移民搬迁新村项目", "2500000.00"),
    ]


def test_a_numbered_items_sum_its_breakdown_follows_is_its_money_however_the_parts_add():
    text = (
        "洛川县2018年新增中央财政专项扶贫资金项目计划公示\n"
        "二、项目建设内容\n"
        "1、产业化扶贫发展项目:2018年投入新增中央财政专项扶贫资金325万元,其中:投入财政专项扶贫"
        "资金70万元用于食用菌公司;投入财政专项扶贫资金50万元用于合作社;投入财政专项扶贫资金"
        "175万元用于李家村生产路建设项目。\n"
        "2、贫困村基础设施项目:2018年投入新增中央财政专项扶贫资金120.5万元。\n"
        # (an item named by the money it is, its money after its colon, is an item too)
        "3、项目管理费:2018年投入新增中央财政专项扶贫资金4.5万元,主要用于扶贫资金评估。\n"
    )
    assert names_and_totals(text) == [
        ("产业化扶贫发展项目", "3250000.00"),
        ("贫困村基础设施项目", "1205000.00"),
        ("项目管理费", "45000.00"),
    ]


def test_funds_a_news_item_says_were_given_each_in_its_sentence_are_projects():
    text = (
        "2.7亿元补助金助黑龙江省158所高中改扩建\n"
        "近日,黑龙江省下达了2023年改善普通高中办学条件中央补助资金27000万元,预计提升158所"
        "薄弱普通高中学校办学能力水平。\n"
        "近日,黑龙江省还下达了2023年特殊教育中央补助资金预算1300万元,预计支持73所特殊教育学校。\n"
    )
    projects = parse_disclosure(text).tree["projects"]
    assert [(p["name"], p["declared_total_yuan"]) for p in projects] == [
        ("2023年改善普通高中办学条件中央补助资金", "270000000.00"),
        ("2023年特殊教育中央补助资金", "13000000.00"),
    ]
    # Projects so given, their year and the money's kind after their names.
    text = (
        "国家拨款6800万改善海南医疗\n"
        "为改善地市级医院诊疗条件,国家发改委下达海南省地市级医院建设项目2014年中央预算内投资"
        "计划2900万元,用于新建三亚市人民医院急诊综合楼项目。\n"
        "为进一步完善基层医疗卫生服务体系,国家发改委下达海南省县级医院建设项目2014年中央预算内"
        "投资计划3900万元,用于临高中医院业务用房。\n"
    )
    assert [(p.name, p.amount.value) for p in funds_given_apart(text.split("\n"))] == [
        ("海南省地市级医院建设项目", Decimal("29000000")),
        ("海南省县级医院建设项目", Decimal("39000000")),
    ]
    # (or with no words for the money: 安排城市社区全民健身场地设施建设项目7950万元)
    plain = text.replace("2014年中央预算内投资计划2900万元", "2900万元")
    assert [p.amount.value for p in funds_given_apart(plain.split("\n"))] == [
        Decimal("29000000"),
        Decimal("39000000"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # one sum said twice is one fund's, however it is named
        "关于甲村项目的公示\n下达2023年中央和省级财政衔接资金50万元。\n安排2023年财政衔接资金50万元。\n",
        # a fund the title names is the notice's whole, its projects inside it
        "关于下达2024年提前批市级财政衔接资金项目安排计划的通知\n"
        "市里下达2024年提前批市级财政衔接资金1451万元。\n安排第二批村集体经济产业项目资金1025万元。\n",
        # what was given before is the same money
        "关于调整资金的通知\n已下达2025年肉兔项目资金预算1100万元。\n现调整下达2025年兔肉加工项目资金390万元。\n",
    ],
)
def test_a_fund_said_twice_or_inside_the_notices_own_is_no_second_project(text):
    assert funds_given_apart(text.split("\n")) == []


def test_a_news_item_of_one_project_named_with_its_whole_reads_it_and_its_year():
    text = (
        "伊金霍洛旗阿镇日间照料中心再获中央预算内投资专项建设资金\n"
        "近日,全市养老服务体系建设2015年中央预算内投资计划下达。伊金霍洛旗阿镇日间照料中心项目"
        "总投资800万元,本次又获得中央预算内投资专项建设资金300万元。\n"
    )
    result = parse_disclosure(text)
    (project,) = result.tree["projects"]
    assert (project["name"], project["declared_total_yuan"]) == (
        "伊金霍洛旗阿镇日间照料中心项目",
        "8000000.00",
    )
    assert result.tree["disclosure"]["fiscal_year"] == 2015
    assert any(f.field == "fiscal_year" and f.severity == "warning" for f in result.findings)


def test_a_sum_a_news_title_states_for_its_fund_is_the_whole():
    text = (
        "共和县45.79万元转移就业奖励资金全部发放到位\n"
        "近日,共和县人社局已完成2024年度农牧区转移就业奖励资金发放工作,为400人发放36.79万元。"
        "同时,为乡镇发放奖励资金共计4.5万元,为三个部门发放奖励资金共计4.5万元。\n"
    )
    (project,) = parse_disclosure(text, year=2024).tree["projects"]
    assert project["declared_total_yuan"] == "457900.00"
    # (or after the fund it gives, which names the project)
    text = (
        "省发改委提前下达2021年度以工代赈资金25375万元\n"
        "每日甘肃网讯 省发改委提前下达2021年部分财政预算内以工代赈资金和省级财政配套资金计划"
        "25375万元(含劳务报酬4029万元)。\n"
        "本批计划安排涉及兰州市皋兰县建设修复水毁墙面2358平方米,总投资332万元。\n"
    )
    (project,) = parse_disclosure(text, year=2021).tree["projects"]
    assert (project["name"], project["declared_total_yuan"]) == (
        "2021年度以工代赈资金",
        "253750000.00",
    )
    # (a fund named 补助, 奖补 or 补贴 and listing 、 in its name as well)
    text = (
        "市财政下达2024年省、市两级困难群众救助补助3200万元\n"
        "近日,市财政下达2024年省、市两级困难群众救助补助3200万元,用于保障困难群众基本生活。\n"
    )
    (project,) = parse_disclosure(text, year=2024).tree["projects"]
    assert (project["name"], project["declared_total_yuan"]) == (
        "2024年省、市两级困难群众救助补助",
        "32000000.00",
    )
    # a rate a title opens with gives no fund: 每人每年安排…补助800元 is what one person gets
    text = (
        "对跨省务工脱贫劳动力,每人每年安排一次性往返交通补助800元。\n"
        "2024年我市申请交通补助27人,每人补助800元,共计补贴资金21600元。\n"
    )
    (project,) = parse_disclosure(text, year=2024).tree["projects"]
    assert project["declared_total_yuan"] != "800.00"


def test_a_sections_heading_of_the_money_and_a_period_of_one_year_are_read():
    text = (
        "2021年城镇社区养老服务体系建设资金项目情况公告\n"
        "一、项目名称\n城镇社区养老服务体系建设资金项目。\n四、资金额度\n30万元。\n"
    )
    (project,) = parse_disclosure(text).tree["projects"]
    assert project["declared_total_yuan"] == "300000.00"
    text = (
        "我单位拟实施淖毛湖镇农田防护林更新项目,项目具体情况如下:\n"
        "一、项目名称:淖毛湖镇农田防护林更新项目\n"
        "四、项目总投资及资金来源:计划总投资100万元。\n"
        "六、建设年限:2024年4月—2024年10月。\n"
    )
    result = parse_disclosure(text)
    assert result.tree["disclosure"]["fiscal_year"] == 2024
    # a period over two years names no one year
    result = parse_disclosure(text.replace("—2024年10月", "—2025年10月"))
    assert result.tree["disclosure"]["fiscal_year"] is None


@pytest.mark.parametrize(
    ("title", "name"),
    [
        (
            "永嘉县财政局关于下达2021年度第三批农村基础设施和农业开发项目财政衔接补助资金的通知",
            "2021年度第三批农村基础设施和农业开发项目财政衔接补助资金",
        ),
        (
            "自治区乡村振兴局关于做好2021年第四批自治区财政衔接推进乡村振兴补助资金安排有关情况的通知",
            "2021年第四批自治区财政衔接推进乡村振兴补助资金",
        ),
    ],
)
def test_what_a_notice_does_with_its_fund_is_no_part_of_the_funds_name(title, name):
    text = f"{title}\n各有关乡镇:\n现将资金共计50万元下达给你们,请抓紧实施。\n"
    (project,) = parse_disclosure(text).tree["projects"]
    assert project["name"] == name


def test_a_group_cell_merged_down_a_bar_table_leaves_its_rows_one_cell_short():
    text = (
        "省级统筹奖励资金安排建议表\n金额单位:万元\n"
        "序号 | 市州 | 县市区/单位 | 建议分配金额(万元) |\n"
        "1 | 湘潭市 | 韶山市 | 400 |\n"
        "2 | 衡阳市 | 衡南县 | 6 |\n"
        "3 | 衡山县 | 26 | |\n"
        "4 | 衡东县 | 15 | |\n"
        "5 | 岳阳市 | 岳阳楼区 | 78 |\n"
        "全省合计 | 525 |\n"
    )
    rows, total, line = read_allocation(text)
    # the smallest place names the row, the 市州 it lies in the group
    assert [(row.name, row.amount.value) for row in rows] == [
        ("韶山市", Decimal("4000000")),
        ("衡南县", Decimal("60000")),
        ("衡山县", Decimal("260000")),
        ("衡东县", Decimal("150000")),
        ("岳阳楼区", Decimal("780000")),
    ]
    # 全省合计 is the table's total, no recipient
    assert (total.value, line) == (Decimal("5250000"), 9)


MERGED_FROM_ABOVE = (
    "附件\n2023年体育专项资金(部分)补助清单\n"
    "资金下达科目 | 项目 | 单位 | 补助总金额 | 已下达金额(万元) | 本次下达金额(万元) | "
    "分配方式 | 备注 |\n"
    "省体育发展专项资金支出37.5万 | 2023年村级全民健身广场 | 娄桥街道 | 35 | 0 | 17.5 | 50% | "
    "叶汇社区 |\n"
    "2023年省级社区多功能运动场 | 泽雅镇 | 20 | 0 | 10 | 50% | 林岙村 | |\n"
    "丽岙街道 | 20 | 0 | 10 | 50% | 五社村 | | |\n"
    "文体提升年建设活动支出40万 | 2023年区级百姓健身房 | 梧田街道 | 40 | 0 | 40 | 100% | "
    "北纬一路 |\n"
)


def test_a_bar_tables_rows_whose_first_cells_were_merged_down_take_them_from_the_row_above():
    projects = parse_disclosure(MERGED_FROM_ABOVE, year=2023).tree["projects"]
    # the whole (补助总金额), not what was given of it, in the unit the other money columns state
    assert [(p["name"], p["implementing_unit"], p["declared_total_yuan"]) for p in projects] == [
        ("2023年村级全民健身广场", "娄桥街道", "350000.00"),
        ("2023年省级社区多功能运动场", "泽雅镇", "200000.00"),
        ("2023年省级社区多功能运动场", "丽岙街道", "200000.00"),
        ("2023年区级百姓健身房", "梧田街道", "400000.00"),
    ]


def test_projects_of_one_name_are_flagged_to_be_told_apart_before_they_are_stored():
    result = parse_disclosure(MERGED_FROM_ABOVE, year=2023)
    namesakes = [f for f in result.findings if "同名" in f.message]
    assert [(f.project, f.field) for f in namesakes] == [(3, "name")]
    assert "项目3与项目2同名" in namesakes[0].message


def test_a_bar_table_row_with_empty_last_cells_lines_up_from_the_left():
    text = (
        "序号 | 项目名称 | 实施单位 | 资金(万元) | 备注 |\n"
        "1 | 甲村道路硬化项目 | 甲村 | 20 | 已开工 |\n"
        "2 | 乙村水渠项目 | 乙村 | 15 | |\n"
        "3 | 丙村桥梁项目 | 丙村 | 10 | 新建 |\n"
    )
    assert names_and_totals(text, year=2023) == [
        ("甲村道路硬化项目", "200000.00"),
        ("乙村水渠项目", "150000.00"),
        ("丙村桥梁项目", "100000.00"),
    ]


def test_a_row_short_by_a_cell_with_no_whole_row_above_is_not_guessed():
    text = (
        "序号 | 市州 | 县市区/单位 | 建议分配金额(万元) |\n"
        "1 | 衡山县 | 26 | |\n"
        "2 | 衡东县 | 15 | |\n"
    )
    assert read_listing(text, recipients=True) == []


def test_a_whole_text_projects_sum_its_parts_after_qizhong_make_up_and_what_it_carries_out():
    text = (
        "关于公开2019年工业企业技术改造事后奖补(普惠性)资金资助计划的公告\n"
        "为贯彻落实《广东省人民政府办公厅关于推动新一轮技术改造促进产业转型升级的意见》、"
        "《关于印发<东莞市实施工业企业技术改造事后奖补政策操作规程>的通知》(东经信〔2016〕153号)"
        "等文件规定,市政府决定对25家企业立项资助16048.67万元,其中,省级奖补资金9171.00万元、"
        "市级奖补资金  3821.06万元、镇街级奖补资金3056.61万元,详见附件。\n"
    )
    (project,) = parse_disclosure(text).tree["projects"]
    assert project["declared_total_yuan"] == "160486700.00"
    assert [c["title"] for c in project["citations"]] == [
        "广东省人民政府办公厅关于推动新一轮技术改造促进产业转型升级的意见",
        "关于印发<东莞市实施工业企业技术改造事后奖补政策操作规程>的通知",
    ]


def test_funds_a_whole_is_made_of_are_projects_their_notes_in_brackets_kept():
    text = (
        "云上荆州报道:2018年,市环保局预计争取中省环保项目资金17188万元。\n"
        "截止目前,已争取到位项目资金8688万元中:省环境监管能力建设项目资金150万元,总量减排"
        "“以奖代补”资金1656万元,空气质量生态补偿资金1014万元,生态文明以奖代补资金268万元,"
        "豉湖渠(中心城区段)综合治理工程项目资金5000万元,农村环境整治资金600万元。\n"
    )
    assert names_and_totals(text) == [
        ("省环境监管能力建设项目资金", "1500000.00"),
        ("总量减排“以奖代补”资金", "16560000.00"),
        ("空气质量生态补偿资金", "10140000.00"),
        ("生态文明以奖代补资金", "2680000.00"),
        ("豉湖渠(中心城区段)综合治理工程项目资金", "50000000.00"),
        ("农村环境整治资金", "6000000.00"),
    ]


def test_paragraphs_each_opening_with_the_money_given_a_fund_are_projects():
    text = (
        "日前,泉州市财政抓紧下达2022年为民办实事项目资金。\n"
        "安排市直国有院团文艺精品公益性演出专项补助225万元,支持公益性演出150场,"
        "市财政给予每场演出补助1.5万元。\n"
        "安排新型公共文化空间建设专项补助240万元。建设24个新型公共文化空间。\n"
    )
    assert names_and_totals(text, year=2022) == [
        ("市直国有院团文艺精品公益性演出专项补助", "2250000.00"),
        ("新型公共文化空间建设专项补助", "2400000.00"),
    ]


def test_a_change_to_a_project_another_document_funded_is_named_by_the_project():
    text = (
        "关于下达2020年教育基建补助等经费的通知\n各有关单位:\n现下达:\n"
        "1.2020年教育基建经费949万元(详见附件),款列“2059999其他教育支出”科目;\n"
        "2.调减《关于下达2019年同安区基建三年行动计划专项补助资金的通知》(同教[2019]144号)"
        "四口圳幼儿园项目238万元,款列“2050299其他普通教育支出”科目。\n"
    )
    projects = parse_disclosure(text).tree["projects"]
    assert [p["name"] for p in projects] == ["2020年教育基建经费", "四口圳幼儿园项目"]


def test_a_count_of_projects_a_few_words_apart_is_said_but_not_a_count_of_places():
    said = projects_said("中央下达我省资金9000万元用于支持2个革命老区乡村振兴项目建设。")
    assert said is not None and said[0] == 2
    assert projects_said("覆盖3个乡镇的农村产业融合发展项目。") is None


def test_an_allocation_tables_funds_column_and_its_last_row_cut_where_the_page_was_stored():
    text = (
        "2021年第二批省市扶持体育发展专项资金分配表\n"
        "选号 | 单位 | 补助项目 | 经费(万元) | 备 注 |\n"
        "1 | 临安区锦北街道平山社区 | 百姓健身房(城市) | 2.4 | 剩余3.6万2022年补助 |\n"
        "2 | 临安区锦城街道文昌阁社区 | 百姓健身房(城市) | 2.4 | 剩余3.6万2022年补助 |\n"
        # (its 备注 empty: a whole row, not one whose group cell was merged down)
        "3 | 临安区昌化镇孙家村 | 百姓健身房 | 3 | |\n"
        "4 | 临安区湍\n"
    )
    rows, _total, _line = read_allocation(text)
    assert [(row.name, row.amount.value) for row in rows] == [
        ("临安区锦北街道平山社区", Decimal("24000")),
        ("临安区锦城街道文昌阁社区", Decimal("24000")),
        ("临安区昌化镇孙家村", Decimal("30000")),
    ]


def test_a_page_record_set_out_with_bullets_and_no_labels_is_no_part_of_the_title():
    text = (
        "罗平县2021年计划投资1.032亿元建设高标准农田\n"
        "- 罗平县农业农村局\n"
        "- 2021-06-21 16:37\n"
        "罗平县2021年高标准农田建设项目计划建设6.88万亩,计划总投资1.032亿元。\n"
    )
    result = parse_disclosure(text)
    assert result.tree["disclosure"]["title"] == "罗平县2021年计划投资1.032亿元建设高标准农田"
    # the unit above the bulleted date is the publisher, as a signature above a date is
    assert result.tree["department"]["name"] == "罗平县农业农村局"


def test_what_a_unit_does_is_no_part_of_its_name():
    assert organisation("华容县水利局承办") == ""
    assert organisation("华容县扶贫开发办") == "华容县扶贫开发办"


def test_a_table_set_out_between_bars_at_both_ends_of_its_rows_is_read():
    text = (
        "文峰区2026年度衔接资金项目计划情况统计表\n"
        "| 序号 | 县(市、区) | 项目名称 | 建设内容 | 投资概算(万元) | 预期绩效目标 | 联农带农机制 "
        "| 责任单位 |\n"
        "| 1 | 文峰区 | 文峰区2026年小营村道路修缮项目 | 铺设道路8000米 | 235 | 解决出行问题 "
        "| 改善出行条件 | 宝莲寺镇 |\n"
        "| 2 | 文峰区 | 文峰区2026年东风村道路修缮项目 | 铺设3条道路 | 90 | 解决出行问题 "
        "| 改善出行条件 | 宝莲寺镇 |\n"
    )
    projects = read_listing(text)
    assert [(p.name, p.amount.value, p.unit) for p in projects] == [
        ("文峰区2026年小营村道路修缮项目", Decimal("2350000"), "宝莲寺镇"),
        ("文峰区2026年东风村道路修缮项目", Decimal("900000"), "宝莲寺镇"),
    ]


def test_projects_named_after_their_count_take_the_whole_their_sections_state():
    text = (
        "2021年大陈乡人民政府民生实事项目实施情况的报告\n"
        "2021年度大陈乡确定的民生实事项目有3个,分别为“书香大陈”文化健身公园建设项目、"
        "萃文小学及大陈幼儿园连接221省道道路提升项目、大陈智慧农贸市场改造提升项目,"
        "共投入资金约537万元。基本情况如下:\n"
        "一、“书香大陈”文化健身公园建设项目完成情况\n"
        "作为今年未来乡村建设的项目之一,总投资230余万元,现已完工。\n"
        "二、萃文小学及大陈幼儿园连接221省道道路提升项目完成情况\n"
        "总投资278万元,完成道路提升工程,全长600米。\n"
        "三、大陈智慧农贸市场改造提升项目完成情况\n"
        "总投资29万元,将原有农贸市场进行现代化提升改造。\n"
    )
    projects = parse_disclosure(text).tree["projects"]
    # (an approximate whole, 230余万元, is no sum to take)
    assert [(p["name"], p["declared_total_yuan"]) for p in projects] == [
        ("“书香大陈”文化健身公园建设项目", None),
        ("萃文小学及大陈幼儿园连接221省道道路提升项目", "2780000.00"),
        ("大陈智慧农贸市场改造提升项目", "290000.00"),
    ]


def test_a_forms_bare_figure_takes_its_unit_from_the_row_of_headings_above_or_the_notice():
    text = (
        "资金情况(万元) | 全年预算数(A) | 全年执行数(B) | 预算执行率(B/A) | ||||\n"
        "年度资金总额: | 127 | 27.9996 | 22% | ||||\n"
    )
    assert form_total(text) == ("127万元", 2)
    notice = "现将产业建设资金500万元下达你们。\n项目名称 |\n果园路 |\n年度资金总额: |\n500 |\n"
    assert form_total(notice) == ("500万元", 5)
    # a figure the text states in no unit, or in two, is not given one
    assert form_total(notice.replace("500万元", "600万元")) is None
    assert form_total("下达资金500万元,其中500元为管理费。\n年度资金总额: |\n500 |\n") is None


def test_an_item_opening_with_its_basis_is_named_by_the_fund_it_gives():
    text = (
        "各相关街道办事处:\n"
        "现将和美乡村建设专项资金449.3208万元下达给你们。\n"
        "一、根据《瓯海区2021年度新时代美丽乡村建设实施方案》(瓯乡村振兴办〔2021〕2号)的任务要求,"
        "下达该年度第七期和美乡村建设资金164.3208万元,用于郭溪街道(前垟村、贾褔村)、丽岙街道"
        "(“瓯欧之旅·幸福侨乡”乡村振兴示范带)等和美乡村项目建设。\n"
        "二、根据《瓯海区2022年度新时代美丽乡村建设实施方案》(瓯乡村振兴办〔2022〕5号)的任务要求,"
        "下达该年度第三期和美乡村建设资金280万元,用于仙岩街道“印记渔潭”未来乡村项目建设。\n"
        "三、对仙岩街道开展的和美乡村文旅宣传周活动补助和美乡村建设宣传经费5万元。\n"
        "请你们严格按照立项批复组织实施,根据《浙江省财政厅关于印发浙江省乡镇财政资金监管实施"
        "办法(试行)的通知》(浙财基〔2013〕47号)文件要求,建立和完善资金全程监管机制。\n"
    )
    projects = parse_disclosure(text, year=2024).tree["projects"]
    assert projects[0]["name"] == "第七期和美乡村建设资金"
    # the notice's words after the list (请你们…) are every item's basis, not the last one's
    assert [len(p["citations"]) for p in projects] == [2, 2, 1]


@pytest.mark.parametrize(
    ("text", "name", "total"),
    [
        (
            "按照《…考核管理办法》,现予以支付2020年5月份建档立卡贫困人口森林管护护林员劳务补助,"
            "金额共计40200元。\n",
            "2020年5月份建档立卡贫困人口森林管护护林员劳务补助",
            "40200.00",
        ),
        (
            "凤庆县教育局:\n经县扶贫办、财政局共同研究,计划安排2018年秋季、2019年春季雨露计划"
            "补助资金300万元。现将补助资金下达给你们。\n",
            "2018年秋季、2019年春季雨露计划补助资金",
            "3000000.00",
        ),
        (
            "2023年上级下达我区耕地地力保护补贴资金为156.8万元,由区农业农村局发放到群众账户。\n",
            "耕地地力保护补贴",
            "1568000.00",
        ),
        (
            "泸西县于近日拨出易地扶贫搬迁集中安置农户补助资金1458.63万元到各乡镇专户。\n",
            "易地扶贫搬迁集中安置农户补助资金",
            "14586300.00",
        ),
        (
            "覃塘讯 据统计,今年该区将投入3413万元建设251条127公里“一事一议”财政奖补屯级道路"
            "建设项目。截至9月17日,累计完成投资数3008万元。\n",
            "“一事一议”财政奖补屯级道路建设项目",
            "34130000.00",
        ),
    ],
)
def test_a_text_without_a_title_is_named_by_the_fund_or_works_its_first_sentences_pay(
    text, name, total
):
    (project,) = parse_disclosure(text, year=2020).tree["projects"]
    assert (project["name"], project["declared_total_yuan"]) == (name, total)


def test_funds_apart_by_semicolons_making_up_a_whole_stated_before_are_projects():
    text = (
        "福建省38.51亿元卫生健康补助资金提前下达\n"
        "近日,省卫健委会同省财政厅提前下达2022年卫生健康补助资金38.51亿元。\n"
        "补助资金具体包括:公共卫生服务补助资金19.45亿元,用于支持基本公共卫生服务;"
        "医疗服务能力提升补助资金7.57亿元,用于支持医疗卫生机构能力提升;"
        "计划生育服务补助资金6.39亿元,用于奖励和扶助计划生育家庭等;"
        "基层医疗卫生机构运转补助资金4.73亿元,用于保障乡镇卫生院人员经费等;"
        "婴幼儿托育服务补助资金0.26亿元,用于新增普惠性托位;"
        "疾病应急救助补助资金0.11亿元,用于实施疾病应急救助。\n"
    )
    projects = parse_disclosure(text, year=2022).tree["projects"]
    assert [(p["name"], p["declared_total_yuan"]) for p in projects][:2] == [
        ("公共卫生服务补助资金", "1945000000.00"),
        ("医疗服务能力提升补助资金", "757000000.00"),
    ]
    assert len(projects) == 6
    # not where they make up no sum the text states
    assert (
        len(parse_disclosure(text.replace("38.51亿元", "40亿元"), year=2022).tree["projects"]) == 1
    )


@pytest.mark.parametrize(
    ("text", "name", "total"),
    [
        (
            "广州市财政局关于转下达中央财政2022年重大传染病补助资金(第二批)的通知\n"
            "市卫生健康委,各区财政局:\n"
            "现将中央财政2022年重大传染病补助资金(第二批)6,684.4万元下达你们。\n"
            "一、请根据实际情况统筹安排好上级补助资金。\n"
            "二、请按照要求做好绩效目标管理,绩效目标表详见附件2。\n",
            "中央财政2022年重大传染病补助资金(第二批)",
            "66844000.00",
        ),
        (
            "临武县财政局关于下达2020年省补助行政村卫生室运行经费的通知\n"
            "县卫生健康局:\n"
            "根据湘财预[2020]176号文件精神,现下达你单位省补助行政村卫生室运行经费60万元。\n",
            "2020年省补助行政村卫生室运行经费",
            "600000.00",
        ),
        (
            "广东省财政厅关于调剂中央财政2019年医疗服务与保障能力提升补助资金的通知\n"
            "省卫生健康委:\n经研究,我厅同意将安排给广州和平骨科医院的补助资金100万元调剂给"
            "广州市番禺区中心医院。\n",
            "中央财政2019年医疗服务与保障能力提升补助资金",
            "1000000.00",
        ),
    ],
)
def test_a_notice_names_the_fund_its_title_gives_and_takes_the_sum_written_after_it(
    text, name, total
):
    (project,) = parse_disclosure(text).tree["projects"]
    assert (project["name"], project["declared_total_yuan"]) == (name, total)


def test_a_tables_header_one_cell_a_line_without_row_numbers_is_no_sections():
    text = (
        "关于2021年市级休闲农业发展项目验收结果的公示\n"
        "县农业农村局组织验收组对项目建设进行验收,拟按文件规定分别给予补助资金(详见附表)。\n"
        "附表:2021年德化县休闲农业发展项目补助清单\n"
        "项目实施单位\n项目名称\n建设内容\n补助资金(万元)\n备注\n"
        "德化县丰裕硕农业专业合作社\n德化县丰裕硕休闲农业发展项目\n建设自由采摘园、公共卫生间\n4\n\n"
        "德化县儒园种养殖专业合作社\n“儒园游憩”休闲农业光园建设项目\n水泥路硬化,垂钓台建设。\n8\n\n"
        "德化县仙苑生态农场\n生态农场休闲农业发展项目\n建设生态农场\n8\n\n"
    )
    projects = parse_disclosure(text, year=2021).tree["projects"]
    assert [(p["name"], p["implementing_unit"], p["declared_total_yuan"]) for p in projects] == [
        ("德化县丰裕硕休闲农业发展项目", "德化县丰裕硕农业专业合作社", "40000.00"),
        ("“儒园游憩”休闲农业光园建设项目", "德化县儒园种养殖专业合作社", "80000.00"),
        ("生态农场休闲农业发展项目", "德化县仙苑生态农场", "80000.00"),
    ]


def test_a_forms_label_after_a_figure_is_still_its_section():
    # 项目…分配金额(万元) / 33 / 项目名称 / …: a form's label and value, one a line
    text = (
        "2025年普通省道和农村公路“以奖代补”项目分配和绩效目标备案表\n"
        "项目中央奖补资金分配金额(万元)\n33\n项目名称\n南陈路拓宽改建工程\n"
        "项目(法人)单位\n宝山区交通建设管理中心\n"
    )
    (block,) = parse_outline(text).projects
    assert block.section("name").lines[0].text == "南陈路拓宽改建工程"


def test_funds_apart_by_semicolons_as_many_as_the_text_counts_are_projects():
    text = (
        "受惠于三峡后续工作新建项目 荆州将建7大民生工程\n"
        "据了解,7个项目、近5亿元专项资金通过了审核。这7个项目分别是:洪湖市第三水厂专项资金"
        "6000万元;监利县第三水厂专项资金5700万元;石首市江北中心水厂专项资金9878万元;"
        "江陵县城区二水厂专项资金9000万元;石首市天鹅洲湿地恢复与保护专项资金8750万元;"
        "松滋市小南海湖生态补水专项资金5500万元;湖北长江天鹅洲白鱀豚国家自然保护区专项资金"
        "3796万元。\n"
    )
    projects = parse_disclosure(text, year=2019).tree["projects"]
    assert len(projects) == 7
    assert (projects[0]["name"], projects[0]["declared_total_yuan"]) == (
        "洪湖市第三水厂专项资金",
        "60000000.00",
    )


def test_projects_a_sentence_says_sums_support_are_projects_where_they_make_up_its_whole():
    text = (
        "8月17日,记者从市发改委获悉,我市3个项目获中央预算内资金13781万元支持。\n"
        "其中,谷城县石花集镇北河片区生态环境综合治理项目获3023万元支持,老河口蒿堰河入湖口"
        "片区生态环境系统整治项目获3558万元支持,保康县官山森林康养生态产品价值实现建设项目"
        "获7200万元支持。\n"
    )
    projects = parse_disclosure(text, year=2023).tree["projects"]
    assert [(p["name"], p["declared_total_yuan"]) for p in projects] == [
        ("谷城县石花集镇北河片区生态环境综合治理项目", "30230000.00"),
        ("老河口蒿堰河入湖口片区生态环境系统整治项目", "35580000.00"),
        ("保康县官山森林康养生态产品价值实现建设项目", "72000000.00"),
    ]
    # not where they make up no sum the text states
    names = [
        p["name"]
        for p in parse_disclosure(text.replace("13781", "13000"), year=2023).tree["projects"]
    ]
    assert "老河口蒿堰河入湖口片区生态环境系统整治项目" not in names


def test_a_long_item_opening_with_the_fund_it_gives_and_its_sum_is_read():
    text = (
        "关于2021年省级财政衔接推进乡村振兴补助资金安排使用方案的公示\n"
        "省级财政下达我市2021年衔接资金共3051万元。本次资金安排使用如下:\n"
        "一、安排生猪种业园区改造提升资金183.7935万元。\n"
        "二、安排2021年争创省、市、县三级乡村振兴先进乡镇、示范村产业发展和基础设施改造提升补助"
        "资金555万元。其中:争创省级先进乡镇2个:大康镇70万元、青莲镇70万元;争创省级示范村8个:"
        "大堰镇稻香村70万元、小溪坝镇鲜花村45万元,其余用于市级示范村的产业发展和基础设施。\n"
        "三、安排乡村振兴示范点建设资金300万元。\n"
    )
    projects = parse_disclosure(text).tree["projects"]
    assert [(p["name"][:12], p["declared_total_yuan"]) for p in projects] == [
        ("生猪种业园区改造提升资金", "1837935.00"),
        ("2021年争创省、市、县", "5550000.00"),
        ("乡村振兴示范点建设资金", "3000000.00"),
    ]


def test_a_credit_in_brackets_is_no_title():
    text = (
        "来源:\n"
        "近日,省财政厅下达我市农村教育中央预算内投资预算13121万元,用于农村学校建设。\n"
        "(市财政局供稿)\n"
    )
    result = parse_disclosure(text, year=2015)
    assert result.tree["projects"][0]["name"] != "(市财政局供稿)"
    assert "供稿" not in result.tree["disclosure"]["title"]


def test_a_text_read_whole_takes_the_sum_its_later_parts_make_up():
    text = (
        "我市教育现代化推进工程获国家资金支持\n"
        "本报讯 近日,省财政下达教育现代化推进工程2018年中央预算内补助资金,我市14个教育现代化"
        "推进工程列入资金支持范围,共获得中央预算内资金补助1.1513亿元。\n"
        "此次下达的资金,重点用于义务教育学校建设等3个专项。其中,11所义务学校建设项目共获得中央"
        "预算内投资6299万元,2所普通高中建设项目共获得中央预算内投资3814万元,1个中等职业教育基础"
        "能力建设项目获得中央预算内投资1400万元。\n"
    )
    (project,) = parse_disclosure(text, year=2018).tree["projects"]
    assert project["declared_total_yuan"] == "115130000.00"


def test_a_text_opening_with_its_first_sentence_has_no_title_and_keeps_that_sentence():
    first = (
        "8月17日,记者从市发改委获悉,我市3个项目获2023年重大区域发展战略建设中央预算内资金13781万元"
        "支持,取得历史性突破。"
    )
    text = (
        f"{first}\n其中,谷城县石花集镇北河片区生态环境综合治理项目获3023万元支持,老河口蒿堰河入湖口"
        "片区生态环境系统整治项目获3558万元支持,保康县官山森林康养生态产品价值实现建设项目"
        "获7200万元支持。\n"
    )
    result = parse_disclosure(text)
    assert result.tree["disclosure"]["title"] == "2023年预算重点领域财政项目文本公开"
    assert first in result.tree["projects"][0]["outcomes"]


def test_a_fund_of_two_levels_joined_by_he_is_one_fund():
    lines = [Line(1, "关于下达2020年中央和省级水利发展资金的通知")]
    assert title_fund_name(lines) == ("2020年中央和省级水利发展资金", 1)
    # two funds joined are none
    assert title_fund_name([Line(1, "关于下达水利发展资金和农业生产资金的通知")]) is None


def test_a_sectioned_texts_money_tabled_by_recipient_gives_its_sub_items():
    text = (
        "根据有关规定,现将下达2020年中央和省级水利发展资金安排情况公示如下:\n"
        "一、资金来源\n省级资金(豫财农水[2020]30号):1227万元\n"
        "二、扶贫资金分配情况表\n"
        "2020年中央和省级水利发展资金分配表 | |\n"
        "县区 | 省级资金(万元) |\n睢县 | 421 |\n宁陵县 | 376 |\n虞城县 | 430 |\n合计 | 1227 |\n"
    )
    (project,) = parse_disclosure(text, year=2020).tree["projects"]
    assert project["declared_total_yuan"] == "12270000.00"
    assert [(s["name"], s["declared_amount_yuan"]) for s in project["sub_items"]] == [
        ("睢县", "4210000.00"),
        ("宁陵县", "3760000.00"),
        ("虞城县", "4300000.00"),
    ]


def test_a_page_records_row_and_a_sentence_opening_the_body_are_no_title():
    text = (
        "索引号: | P0120-2020-0091 | 公开责任部门 | 市财政局 |\n"
        "公开形式 | 主动公开 | 文号 | 商财预[2020]131号 |\n"
        "信息有效性 | 有效 |\n"
        "根据《河南省扶贫资金项目公告公示制度》有关规定,现将2020年水利发展资金分配情况公示如下:\n"
        "一、资金来源\n省级资金(豫财农水[2020]30号):1227万元\n"
        "商丘市财政局\n2020年5月11日\n"
    )
    result = parse_disclosure(text)
    assert result.tree["disclosure"]["title"] == "商丘市财政局2020年预算重点领域财政项目文本公开"


def test_a_project_named_inside_a_rule_a_sentence_acts_under_names_nothing():
    lines = [Line(1, "根据《河南省扶贫资金项目公告公示制度》有关规定,现将资金分配情况公示如下:")]
    assert title_project_name(lines) is None
    # the project's own plan names it
    lines = [Line(1, "根据《乐昌市2024年粮油规模种植主体单产提升项目实施方案》,现予公示")]
    assert title_project_name(lines) == ("乐昌市2024年粮油规模种植主体单产提升项目", 1)


def test_a_field_listing_who_gets_what_gives_sub_items_and_no_total():
    text = (
        "乐山市财政局关于提前下达2021年中央和省级水利发展资金的公告\n"
        "补助对象:市中区、五通桥区、沙湾区\n"
        "补助标准:市中区1162万元、五通桥区3294万元、沙湾区147万元\n"
        "资金支出用途:中小河流治理、小型水库除险加固。\n"
    )
    (project,) = parse_disclosure(text).tree["projects"]
    assert [(s["name"], s["declared_amount_yuan"]) for s in project["sub_items"]] == [
        ("市中区", "11620000.00"),
        ("五通桥区", "32940000.00"),
        ("沙湾区", "1470000.00"),
    ]
    # the whole is said nowhere: it is left to staff, never added up
    assert project["declared_total_yuan"] is None


def test_groups_of_projects_set_apart_by_semicolons_after_their_count_are_projects():
    text = (
        "晓天镇农村公路建设计划和建设信息\n"
        "(二)2022年交通项目。2022年我镇共实施交通项目28个,其中2022年交通联网路项目10个,"
        "新修C35水泥路17.793公里,资金投入约820万元,现已全部完工;财政衔接推进乡村振兴补助资金"
        "项目17个,资金投入约680万元,现已全部完工;镇自建项目1个,资金投入约25万元,现已完工。\n"
    )
    assert names_and_totals(text) == [
        ("2022年交通联网路项目", "8200000.00"),
        ("财政衔接推进乡村振兴补助资金项目", "6800000.00"),
        ("镇自建项目", "250000.00"),
    ]
    # (or as many as the text says there are, each what it builds and its whole)
    text = (
        "高港区积极申报高标准农田建设项目\n"
        "项目建设总面积1万亩,其中胡庄镇高标准农田项目建设面积5000亩,涉及两个行政村,"
        "项目总投资750万元;白马镇高标准农田项目建设面积5000亩,涉及两个行政村,"
        "项目总投资750万元。两个项目均为财政资金。\n"
    )
    assert names_and_totals(text) == [
        ("胡庄镇高标准农田项目", "7500000.00"),
        ("白马镇高标准农田项目", "7500000.00"),
    ]
    # counts that do not make up the count said, and no count of projects, read no list
    unconfirmed = text.replace("两个项目均为财政资金", "资金均为财政资金")
    assert len(names_and_totals(unconfirmed)) != 2
    # nor a part without its one sum
    no_sum = text.replace("项目总投资750万元;白马镇", "由镇政府实施;白马镇")
    assert ("胡庄镇高标准农田项目", "7500000.00") not in names_and_totals(no_sum)
    # (or after a lead and its colon, counted in the paragraph above)
    text = (
        "截至3月15日,共争取中央预算内资金项目12个,争取中央预算内资金15800万元。\n"
        "从投向看:农村公路切块项目9个,中央预算内资金14500万元;全民健康保障工程项目1个,"
        "中央预算内资金1000万元;农网升级改造项目2个,中央预算内资金300万元。\n"
    )
    assert names_and_totals(text) == [
        ("农村公路切块项目", "145000000.00"),
        ("全民健康保障工程项目", "10000000.00"),
        ("农网升级改造项目", "3000000.00"),
    ]
    assert len(names_and_totals(text.replace("项目12个", "项目13个"))) != 3


def test_the_one_year_a_text_speaks_of_is_its_year_flagged():
    text = (
        "高港区积极申报高标准农田建设项目\n"
        "发布时间: 2018-04-10\n"
        "2018年,我区择优确定胡庄镇为2018年高港区高标准农田建设项目区。\n"
        "项目名称:胡庄镇高标准农田项目\n项目总投资750万元。\n"
    )
    result = parse_disclosure(text)
    assert result.tree["disclosure"]["fiscal_year"] == 2018
    assert any(f.field == "fiscal_year" and f.severity == "warning" for f in result.findings)
    # said once, or two years, or only as the day it was written: no year
    for other in (
        text.replace("为2018年高港区", "为高港区"),
        text.replace("2018年,我区", "2017年,我区"),
        text.replace("2018年,我区", "2018年4月10日,我区").replace("为2018年高港区", "为高港区"),
    ):
        assert parse_disclosure(other).tree["disclosure"]["fiscal_year"] is None


def test_a_fund_its_first_sentences_give_names_a_text_without_a_title():
    # (its sum after 共计)
    text = (
        "各县(市、区)住房城乡建设局:\n"
        "根据《广东省财政厅关于提前下达2022年中央财政农村危房改造补助资金预算的通知》"
        "(粤财建〔2021〕71号)精神,下达我市2022年中央财政农村危房改造补助资金共计170万元。"
        "请按时限完成约束性任务。\n"
        "清远市住房和城乡建设局\n"
    )
    assert names_and_totals(text, year=2022) == [
        ("2022年中央财政农村危房改造补助资金", "1700000.00")
    ]
    # (a notice with its form attached: 奖励资金 keeps its 资金, and its sum is the total)
    text = (
        "县农业农村委:\n"
        "根据《重庆市财政局关于提前下达2022年中央生猪(牛羊)调出大县奖励资金预算指标的通知》"
        "(渝财农〔2021〕111号)文件,现将2022年生猪调出大县奖励资金397万元下达你单位,"
        "用于支持生猪产业发展。\n"
        "忠县财政局\n2022年1月18日\n"
        "附件\n生猪(牛羊)调出大县奖励资金区域绩效目标表\n"
        "一级指标 |\n二级指标 |\n三级指标 |\n"
        "绩效指标 |\n产出指标 |\n数量指标 |\n猪肉产量稳定率 |\n≥95% |\n"
    )
    assert names_and_totals(text) == [("2022年生猪调出大县奖励资金", "3970000.00")]
    # a fund's name only where no title names the text
    titled = "关于下达生猪产业发展资金的通知\n" + text
    assert names_and_totals(titled)[0][0] != "2022年生猪调出大县奖励资金"


def test_a_self_evaluation_titled_by_its_project_is_named_by_it():
    text = (
        "关心下一代专项资金项目自评报告\n"
        "一、项目基本情况\n保山市关心下一代工作委员会省对下专项转移支付项目,"
        "重点用于资助困难家庭学生。\n"
        "二、项目绩效自评工作开展情况\n共计救助小学生140人。\n"
        "三、项目绩效实现情况\n1.项目资金到位情况:该项目年初预算资金为16万元,全部到位。\n"
        "四、绩效目标未完成原因和下一步改进措施\n无\n"
        "五、绩效自评结果\n自评分为100分。\n"
        "中共保山市委办公室\n2018年6月5日\n"
    )
    result = parse_disclosure(text, year=2017)
    (project,) = result.tree["projects"]
    assert project["name"] == "关心下一代专项资金项目"
    assert any(f.field == "name" and f.severity == "warning" for f in result.findings)


def test_a_sum_in_wan_without_yuan_given_to_the_project_it_supports_is_its_whole():
    text = (
        "区发改局积极申请中央预算内资金 助力老旧小区焕新颜\n"
        "来源:鲤城区发展和改革局 时间:2024-01-18 09:53\n"
        "区发改局积极向上争取中央预算内资金。自2023年以来已下达1311万中央预算内计划投资,"
        "支持2023年年度老旧小区改造项目。项目涉及4个街道、73个小区。\n"
    )
    result = parse_disclosure(text)
    (project,) = result.tree["projects"]
    assert (project["name"], project["declared_total_yuan"]) == (
        "2023年年度老旧小区改造项目",
        "13110000.00",
    )
    assert any(f.field == "declared_total" for f in result.findings)


def test_a_self_evaluations_numbered_statements_and_report_headings_are_no_projects():
    text = (
        "秀英区水务局2022年衔接资金项目绩效自评报告\n"
        "一、绩效目标分解下达情况\n"
        "(一)秀英区水务局2022年衔接资金共下达105万元,用于实施龙头村蔬菜园产业项目。\n"
        "(二)秀英区水务局2022年衔接资金项目绩效目标为做好龙头田洋农业灌溉用水的工作。\n"
        "二、绩效自评工作开展情况\n严格遵守财政资金使用管理办法。\n"
        "三、绩效目标自评完成情况分析\n(一)资金投入情况分析。\n"
    )
    result = parse_disclosure(text, year=2022)
    (project,) = result.tree["projects"]
    assert project["name"] == "秀英区水务局2022年衔接资金项目"
    assert any(f.field == "name" and f.severity == "warning" for f in result.findings)
    # two projects of which one states no money stay two where both are named as projects
    listed = (
        "秀英区2022年衔接资金项目公示\n"
        "(一)龙头村蔬菜园产业项目\n资金规模:105万元\n"
        "(二)永兴镇灌溉渠道维修项目\n建设内容:维修渠道2公里。\n"
    )
    assert [name for name, _ in names_and_totals(listed, year=2022)] == [
        "龙头村蔬菜园产业项目",
        "永兴镇灌溉渠道维修项目",
    ]


def test_a_total_said_reached_is_the_projects_whole():
    text = (
        "2017年全县村级公益事业“一事一议”财政奖补项目建设取得较好成果。\n"
        "去年,全县审批建设村级公益事业“一事一议”项目88个,争取省级财政奖补资金926万元。"
        "项目总投资达到3312.99万元,其中农民筹资50.184万元,财政奖补资金926万元。\n"
        "美丽乡村建设方面,投入资金560万元,建设2.1公里环湖路。\n"
    )
    result = parse_disclosure(text, year=2017)
    (project,) = result.tree["projects"]
    assert project["declared_total_yuan"] == "33129900.00"
    assert any(f.field == "declared_total" for f in result.findings)


def test_a_source_of_money_after_a_name_label_is_a_columns_heading_not_the_name():
    text = (
        "一、项目基本情况\n该项目批复下达预算资金10万元。\n"
        "二、项目资金申报及使用情况\n1.资金到位\n"
        "项目名称\n        | 中央、省、市(州)、县级财政资金\n        | 资金计划\n"
        "        | 资金到位情况\n"
    )
    result = parse_disclosure(text, year=2020)
    (project,) = result.tree["projects"]
    assert project["name"] == "项目1"
    assert any(f.field == "name" and "未能识别" in f.message for f in result.findings)
    # a labelled name that is a fund's is the project's name
    form = (
        "2023年度项目支出绩效自评表\n项目名称:中央财政衔接推进乡村振兴补助资金\n"
        "主管部门:某县乡村振兴局\n实施单位:某县乡村振兴局\n项目资金:500万元\n"
    )
    (project,) = parse_disclosure(form).tree["projects"]
    assert project["name"] == "中央财政衔接推进乡村振兴补助资金"


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("浙江省财政厅浙江省教育厅", "浙江省财政厅、浙江省教育厅"),
        ("昌宁县财政局昌宁县扶贫办", "昌宁县财政局、昌宁县扶贫办"),
        # one unit whose name holds another's ending stays whole
        ("澄江市委组织部", "澄江市委组织部"),
        ("上海市嘉定区人民政府办公室", "上海市嘉定区人民政府办公室"),
        ("县农业农村局办公室", "县农业农村局办公室"),
        # nor a unit and its branch named after its own place
        ("无锡市公安局无锡新区分局", "无锡市公安局无锡新区分局"),
        ("北京市公安局北京经济技术开发区分局", "北京市公安局北京经济技术开发区分局"),
        ("苏州市公共资源交易中心苏州工业园区分中心", "苏州市公共资源交易中心苏州工业园区分中心"),
    ],
)
def test_two_units_of_one_place_run_together_are_two_issuers(written, read):
    assert organisation(written) == read


def test_a_notice_of_one_fund_tables_its_money_by_recipient_with_subtotals_and_a_page_break():
    text = (
        "有关市、县(市)财政局、教育局:\n"
        "现将2021年义务教育薄弱环节改善与能力提升补助资金下达给你们(详见附件1)。\n"
        "浙江省财政厅浙江省教育厅\n2021年9月3日\n"
        "附件1\n浙江省2021年义务教育薄弱环节改善与能力提升补助资金分配表\n单位:万元\n"
        "地区 | 已预下达 | 本次下达 | 合计下达 |\n"
        "浙江省合计 | 2444 | 659 | 3103 |\n"
        "杭州市合计 | 650 | 175 | 825 |\n"
        "淳安县 | 650 | 175 | 825 |\n"
        "温州市合计 | 1794 | 484 | 2278 |\n"
        "永嘉县 | 964 | 260 | 1224 |\n"
        "地区 | 已预下达 | 本次下达 | 合计下达 |\n"
        "平阳县 | 830 | 224 | 1054 |\n"
    )
    result = parse_disclosure(text)
    assert result.tree["department"]["name"] == "浙江省财政厅、浙江省教育厅"
    (project,) = result.tree["projects"]
    assert project["name"] == "2021年义务教育薄弱环节改善与能力提升补助资金"
    # (its whole the 合计 row first under the header, the places' subtotals no recipients)
    assert project["declared_total_yuan"] == "31030000.00"
    assert [(s["name"], s["declared_amount_yuan"]) for s in project["sub_items"]] == [
        ("淳安县", "8250000.00"),
        ("永嘉县", "12240000.00"),
        ("平阳县", "10540000.00"),
    ]


def test_a_funds_shares_given_out_in_one_sentence_are_its_parts_when_they_make_up_its_sum():
    text = (
        "为改善城镇老旧小区居住环境,市财政局积极争取中央和省级城镇老旧小区改造资金1.76亿元。\n"
        "目前,2020年省财政厅已下达我市改造资金17608万元,该笔资金已分配下达红旗区7704万元、"
        "卫滨区4371万元、牧野区4646万元、高新区447万元、延津县97万元、原阳县343万元。\n"
    )
    (project,) = parse_disclosure(text, year=2020).tree["projects"]
    assert project["declared_total_yuan"] == "176080000.00"
    assert [(s["name"], s["declared_amount_yuan"]) for s in project["sub_items"]][:2] == [
        ("红旗区", "77040000.00"),
        ("卫滨区", "43710000.00"),
    ]
    assert len(project["sub_items"]) == 6
    # shares that make up no sum the text states are no parts of it
    (project,) = parse_disclosure(text.replace("17608万元", "17609万元"), year=2020).tree[
        "projects"
    ]
    assert len(project["sub_items"]) <= 1


def test_a_forms_cells_apart_by_spaces_each_its_label_and_colon_end_the_value_before():
    text = (
        "成安县民政局2020年度预算项目绩效自评表\n"
        "一、基本情况 项目名称: 19名百岁老人高龄津贴 是否为专项资金: 实施(主管)单位 "
        "314002-成安县民政局机关 金额单位: 万元\n"
        "二、预算执行情况\n预算数 6.84 到位数 6.84 执行数 6.84 100.00\n"
    )
    (project,) = parse_disclosure(text).tree["projects"]
    assert project["name"] == "19名百岁老人高龄津贴"


def test_works_told_after_the_sum_invested_in_them_are_projects_where_they_make_up_the_whole():
    text = (
        "投6.5亿建水利工程\n发表日期:2013-4-26 10:55:30\n"
        "近日,记者在抚顺市水利工作会议上获悉,今年抚顺市计划完成水利投资6.5亿元。今年,抚顺市"
        "计划投资3.5亿元,建设小型农田水利工程项目313项,新增和改善灌溉面积7.7万亩。"
        "计划投资3亿元,用于对河道的综合整治,其中治理城区河道8公里。\n"
    )
    result = parse_disclosure(text)
    assert [(p["name"], p["declared_total_yuan"]) for p in result.tree["projects"]] == [
        ("小型农田水利工程项目", "350000000.00"),
        ("河道的综合整治", "300000000.00"),
    ]
    # (this year's money, the text dated: its year, flagged)
    assert result.tree["disclosure"]["fiscal_year"] == 2013
    assert any(f.field == "fiscal_year" and "今年" in f.message for f in result.findings)
    # sums that make up no whole the text states are no list
    apart = text.replace("水利投资6.5亿元", "水利投资7亿元")
    assert len(parse_disclosure(apart).tree["projects"]) == 1
    # and an undated text's 今年 names no year
    undated = text.replace("发表日期:2013-4-26 10:55:30\n", "")
    assert parse_disclosure(undated).tree["disclosure"]["fiscal_year"] is None


_WORKS = [
    ("即投资", "9530", "实施6乡镇7村596户3523人的易地扶贫搬迁工程", "易地扶贫搬迁工程"),
    ("投资", "500", "建设新城大桥", "新城大桥"),
    (
        "投资",
        "762",
        "实施刘堡梁、南山梁农村饮水管网延伸工程,解决6700人的饮水不安全问题",
        "刘堡梁、南山梁农村饮水管网延伸工程",
    ),
    ("投资", "1126", "在张家川镇西街等8村实施北山生态综合治理工程", "北山生态综合治理工程"),
    ("投资", "3250", "建设23条65公里农村通畅工程", "农村通畅工程"),
    (
        "投资",
        "4127.43",
        "实施村内道路硬化、修建桥涵等84个农村“一事一议”财政奖补项目",
        # (a project named by its money is no source of it)
        "农村“一事一议”财政奖补项目",
    ),
    ("投资", "200", "在爱旗村三陈屯兴建农业产业园等", "农业产业园"),
]


@given(st.lists(st.sampled_from(range(len(_WORKS))), min_size=1, max_size=6, unique=True))
def test_works_each_told_after_the_sum_invested_in_them_are_the_projects(picked):
    works = [_WORKS[i] for i in picked]
    clauses = ";".join(f"{lead}{amount}万元,{built}" for lead, amount, built, _ in works)
    text = f"这十件民生实事涉及住房、交通、教育等领域,{clauses}。\n"
    expected = [(name, Decimal(amount) * 10000) for _, amount, _, name in works]
    got = [(p.name, p.amount.value) for p in read_listing(text)]
    if len(works) >= 3:  # three at least, one clause after another
        assert got == expected
    else:
        assert not {name for name, _ in expected} & {name for name, _ in got}


def test_works_told_after_their_investment_are_no_projects_where_they_are_one_projects_parts():
    works = "投资300万元建设村道,投资400万元建设文化广场,投资200万元新建卫生室。"
    assert _names_and_sums(f"今年实施三项工程,{works}\n")[0][0] == "村道"
    # (the parts of one project's money, after its 总投资 and 其中, or a sum between them)
    assert _names_and_sums(f"该项目总投资900万元,其中:{works}\n") == []
    assert _names_and_sums(works.replace(",投资400", ",补助50万元,投资400") + "\n") == []


def test_a_headlines_sum_of_no_fund_names_nothing_the_fund_its_body_gives_does():
    text = (
        "山西补助3.46亿元治理乡村环境\n"
        "本报太原1月14日电 山西省财政厅日前下达2019年乡村环境治理补助资金3.46亿元,"
        "用于补助全省乡村环境治理。\n"
        "对三个省级农村人居环境整治示范县各安排300万元,共计900万元。\n"
    )
    result = parse_disclosure(text)
    (project,) = result.tree["projects"]
    assert (project["name"], project["declared_total_yuan"]) == (
        "2019年乡村环境治理补助资金",
        "346000000.00",
    )
    assert any(f.field == "name" for f in result.findings)


def test_a_notices_own_number_above_its_body_is_no_title_nor_a_count_a_projects_name():
    text = (
        "泉财教指〔2024〕110号\n"
        "鲤城区、丰泽区财政局、科技局:\n"
        "根据《福建省财政厅关于下达省科技计划项目等2024年度经费(市级)的通知》(闽财教指〔2024〕38号),"
        "现下达省科技计划项目、孵化器认定奖补等经费共806万元,具体详见附件。\n"
        "泉州市财政局 泉州市科学技术局\n2024年7月29日\n"
    )
    result = parse_disclosure(text)
    assert result.tree["projects"][0]["name"] == "项目1"  # (flagged: no name is read)
    assert not result.tree["disclosure"]["title"].startswith("泉财教指")
    text = (
        "我市拨付1.69亿元资金助中小企业稳发展\n"
        "近日,我市拨付2020年首批中小企业发展专项资金1.69亿元。"
        "2020年共计支持426个项目,合计金额1.69亿元。\n"
    )
    for said in ("共计支持426个项目", "共支持了426个项目", "共支持2000余个项目"):
        (project,) = parse_disclosure(text.replace("共计支持426个项目", said)).tree["projects"]
        assert project["name"] == "拨付1.69亿元资金助中小企业稳发展"


def test_the_signature_names_the_issuer_at_the_head_in_full():
    text = (
        "县行政审批局关于灌南县高标准农田建设项目建议书的批复\n"
        "灌南县农业农村局:\n经研究,现批复如下:\n"
        "一、原则同意新建灌南县高标准农田建设项目。\n四、项目估算总投资1900万元。\n"
        "灌南县行政审批局\n2019年9月9日\n"
    )
    assert parse_disclosure(text).tree["department"]["name"] == "灌南县行政审批局"


def test_numbered_headings_each_over_a_paragraph_of_one_sum_are_projects_named_as_flagged():
    text = (
        "现将2021年白河县体育彩票公益金筹集、使用情况公告如下。\n"
        "一、体育彩票公益金分配情况\n2021年本级留用16.43万元。\n"
        "二、本级体育彩票公益金使用情况\n2021年使用本级体育彩票公益金支出共16.43万元。\n"
        "(一)群众体育支出\n资助或组织开展全民健身活动经费累计0.76万元。\n"
        "(二)援建与维护\n公共体育场地、设施援建、维护费用累计1.62万元。\n"
        "(三)赛事活动\n举办白河县中小学生体育竞赛14.05万元。\n"
        "特此公告。\n白河县教育体育和科技局\n2022年6月29日\n"
    )
    result = parse_disclosure(text)
    assert [(p["name"], p["declared_total_yuan"]) for p in result.tree["projects"]] == [
        ("群众体育支出", "7600.00"),
        ("援建与维护", "16200.00"),
        ("赛事活动", "140500.00"),
    ]
    assert {f.project for f in result.findings if f.field == "name"} == {1, 2, 3}
    # a report's headings over paragraphs are no projects
    report = text.replace("群众体育支出", "资金投入情况分析").replace(
        "援建与维护", "绩效目标完成情况分析"
    )
    report = report.replace("(三)赛事活动\n举办白河县中小学生体育竞赛14.05万元。\n", "")
    assert "资金投入情况分析" not in [p["name"] for p in parse_disclosure(report).tree["projects"]]


def test_works_listed_after_分别是_apart_by_semicolons_are_projects_as_many_as_said():
    text = (
        "合川区四项国家重点文物保护项目喜获今年第三笔国家专项资金1441万元\n"
        "合川区四项国家重点文物保护项目又成功争取今年第三批国家专项资金1441万元。\n"
        "第三批专项资金分别是钓鱼城南一字西城墙、东内城墙保护展示工程120万元;"
        "钓鱼城遗址地质灾害治理工程(二期)617万元(此项目第二批资金已到位925万元);"
        "涞滩二佛寺摩崖造像瓮城及城墙维修工程186万元(此项目第二批资金已到位434万元);"
        "育才学校旧址文物修缮工程218万元(此项目第二批资金已到位343万元)。\n"
    )
    assert names_and_totals(text) == [
        ("钓鱼城南一字西城墙、东内城墙保护展示工程", "1200000.00"),
        ("钓鱼城遗址地质灾害治理工程(二期)", "6170000.00"),
        ("涞滩二佛寺摩崖造像瓮城及城墙维修工程", "1860000.00"),
        ("育才学校旧址文物修缮工程", "2180000.00"),
    ]
    # as many as no count says and making up no sum said: no list
    uncounted = text.replace("四项国家重点文物保护项目", "国家重点文物保护项目")
    assert len(names_and_totals(uncounted)) == 1
    # (a name in quotes or an ordinal counts no projects)
    quoted = text.replace("四项国家重点文物保护项目", "按“两项制度”衔接项目")
    assert len(names_and_totals(quoted)) == 1
    # or, uncounted, making up a sum said elsewhere
    summed = uncounted.replace("国家专项资金1441万元。", "国家专项资金1141万元。")
    assert len(names_and_totals(summed)) == 4


def test_what_was_spent_so_far_is_never_a_projects_whole():
    # a progress table's 累计完成投资 column is no total of the others
    table = (
        "某县2023年重点项目资金安排表\n"
        "序号 | 项目名称 | 计划投资(万元) | 累计完成投资(万元) |\n"
        "1 | 某村道路硬化项目 | 100 | 60 |\n2 | 某村饮水安全项目 | 200 | 150 |\n"
        "合计 |  | 300 | 210 |\n"
    )
    assert names_and_totals(table, year=2023) == [
        ("某村道路硬化项目", "1000000.00"),
        ("某村饮水安全项目", "2000000.00"),
    ]
    # nor money put in so far said reached
    progress = (
        "关于某县污水处理厂提标改造项目进展情况的公告\n"
        "某县污水处理厂提标改造项目于2022年开工建设,截至目前,项目累计投入资金达到620万元,"
        "完成工程量的80%。\n"
    )
    assert names_and_totals(progress, year=2022)[0][1] is None


def test_a_projects_sources_and_components_are_no_projects_of_their_own():
    sources = (
        "某县老旧小区改造项目开工\n"
        "近日,某县老旧小区改造项目开工建设,项目总投资800万元。\n"
        "其中中央预算内投资500万元,用于小区道路改造;地方配套投资300万元,用于小区管网改造。\n"
    )
    assert names_and_totals(sources, year=2023) == [("某县老旧小区改造项目", "8000000.00")]
    components = (
        "某村人居环境整治项目顺利完工\n"
        "近日,某村人居环境整治项目顺利完工,项目总投资200万元。\n"
        "建设内容包括村内道路硬化工程120万元;排水沟渠改造工程80万元。\n"
    )
    assert [name for name, _ in names_and_totals(components, year=2023)] == ["某村人居环境整治项目"]


def test_a_fund_named_in_a_document_cited_names_nothing():
    text = (
        "有关市、县(市)财政局、教育局:\n"
        "根据《财政部关于下达2021年中央财政学前教育发展补助资金的通知》(财教〔2021〕1号),"
        "现将2021年义务教育薄弱环节改善与能力提升补助资金下达给你们(详见附件1)。\n"
        "浙江省财政厅浙江省教育厅\n2021年9月3日\n单位:万元\n"
        "地区 | 已预下达 | 本次下达 | 合计下达 |\n"
        "浙江省合计 | 1614 | 435 | 2049 |\n"
        "淳安县 | 650 | 175 | 825 |\n永嘉县 | 964 | 260 | 1224 |\n"
    )
    (project,) = parse_disclosure(text).tree["projects"]
    assert project["name"] == "2021年义务教育薄弱环节改善与能力提升补助资金"


def test_numbered_paragraphs_whose_sums_make_up_no_whole_said_are_no_projects():
    text = (
        "现将2021年白河县体育彩票公益金使用情况公告如下。\n"
        "(一)年初预算\n年初预算安排16.43万元。\n"
        "(二)资金执行\n全年实际支出16.43万元,执行率100%。\n"
    )
    assert len(parse_disclosure(text).tree["projects"]) == 1
    # and where they do, each sum is read from the line that states it
    listed = (
        "2021年使用本级体育彩票公益金支出共2.38万元。\n"
        "(一)群众体育支出\n资助或组织开展全民健身活动经费累计0.76万元。\n"
        "(二)援建与维护\n公共体育场地、设施援建、维护费用累计1.62万元。\n"
    )
    result = parse_disclosure(listed, year=2021)
    assert [p["declared_total_yuan"] for p in result.tree["projects"]] == ["7600.00", "16200.00"]
    assert [s["declared_total"] for s in result.sources] == [3, 5]


def test_a_span_of_years_is_no_one_year_a_text_speaks_of():
    text = (
        "高标准农田建设三年行动\n"
        "我县实施2016-2018年高标准农田建设三年行动,2016-2018年共建设农田2万亩。\n"
        "项目名称:高标准农田建设项目\n项目总投资750万元。\n"
    )
    assert parse_disclosure(text).tree["disclosure"]["fiscal_year"] is None


def test_shares_given_out_with_thousands_commas_are_read():
    text = (
        "为改善城镇老旧小区居住环境,市财政局积极争取中央和省级城镇老旧小区改造资金。\n"
        "目前,省财政厅已下达我市改造资金17,608万元,该笔资金已分配下达红旗区7,704万元、"
        "卫滨区4,371万元、牧野区4,646万元、高新区447万元、延津县97万元、原阳县343万元。\n"
    )
    (project,) = parse_disclosure(text, year=2020).tree["projects"]
    assert project["declared_total_yuan"] == "176080000.00"
    assert len(project["sub_items"]) == 6


def test_a_titles_year_set_apart_from_its_年_stays_with_the_name():
    text = (
        "三农发〔2025〕9号 关于印发2025 年三江县农业防灾减灾资金(第三批)项目实施方案的通知\n"
        "各有相关单位:\n现将项目实施方案印发给你们,项目资金11万元。\n"
    )
    (project,) = parse_disclosure(text).tree["projects"]
    assert project["name"] == "2025 年三江县农业防灾减灾资金(第三批)项目"


def test_an_addressee_without_its_colon_below_a_whole_title_is_no_part_of_it():
    text = (
        "  • 发文机关: 福州市交通运输局\n"
        "  • 标    题: 福州市交通运输局关于下达闽清县创建 “四好农村路”省级示范县市级补助资金"
        "的通知\n"
        "  • 发文字号: 榕交建〔2019〕170号\n"
        "福州市交通运输局关于下达闽清县创建 “四好农村路”省级示范县市级补助资金的通知\n"
        "榕交建〔2019〕170号\n来源:交通局 时间:2019-06-14 11:40\n"
        " 闽清县交通运输局\n\n"
        "你局《关于申请资金补助的请示》收悉。本次补助资金300万元用于你县开展“四好农村路”建设,"
        "请你局专款专用。\n"
        "福州市交通运输局\n\n2019年6月14日\n"
    )
    (project,) = parse_disclosure(text, year=2019).tree["projects"]
    assert project["name"] == "闽清县创建 “四好农村路”省级示范县市级补助资金"
    # (the issuer said again below the title stays out of the name too)
    again = text.replace(" 闽清县交通运输局\n", "福州市交通运输局\n")
    (project,) = parse_disclosure(again, year=2019).tree["projects"]
    assert project["name"] == "闽清县创建 “四好农村路”省级示范县市级补助资金"


def test_places_each_given_a_sum_are_a_part_each_and_an_attachment_no_citation():
    text = (
        "根据我局《关于对2022年农业局市级发展性专项资金实施计划的批复》文件,经研究确定在8个县(市)、区"
        "实施2022年农作物病虫害绿色防控与专业化统防统治融合工作项目,共开展建立14个示范点,"
        "每点补助5万元,共计70万元,其中福清市、长乐区、闽侯县、闽清县、永泰县和罗源县各10万元,"
        "马尾区和连江县各5万元。附件:《福州市农作物病虫害绿色防控与专业化统防统治融合工作方案》"
        "福州市农业农村局2022年4月29日。\n"
    )
    (project,) = parse_disclosure(text).tree["projects"]
    assert [(s["name"], s["declared_amount_yuan"]) for s in project["sub_items"]] == [
        ("福清市", "100000.00"),
        ("长乐区", "100000.00"),
        ("闽侯县", "100000.00"),
        ("闽清县", "100000.00"),
        ("永泰县", "100000.00"),
        ("罗源县", "100000.00"),
        ("马尾区", "50000.00"),
        ("连江县", "50000.00"),
    ]
    assert [c["title"] for c in project["citations"]] == [
        "关于对2022年农业局市级发展性专项资金实施计划的批复"
    ]


def test_a_table_of_people_gives_way_to_the_list_of_projects_with_money_below_it():
    text = (
        "一、 机构及人员情况\n人大常委会办公室属一级行政预算单位,人员情况如下表:\n单位:人\n"
        "项 目 | 合 计 | 行政单位 | 财政拨款事业单位 | 财政补助 事业单位 | ||||\n"
        "参(依)公管理 | 其他 | |||||||\n"
        "编制数 | 34 | 34 | ||||||\n在职人数 | 32 | 32 | ||||||\n"
        "二、 2017年部门收入预算总体情况\n2017年部门经费预算7464053元。\n"
        "(二)2017年部门项目支出预算安排情况说明\n"
        "2017年安排项目支出1063200元,具体项目情况说明如下:\n"
        "1、 代表履职补贴643200元;\n测算标准:268名代表,年人均2400元计643200元。\n"
        "2、 报刊征订120000元,同上年;\n"
        "3、 调研考察经费300000元,同上年;\n"
        "盘龙区人大常委会办公室\n2017年3月23日\n"
    )
    assert names_and_totals(text) == [
        ("代表履职补贴", "643200.00"),
        ("报刊征订", "120000.00"),
        ("调研考察经费", "300000.00"),
    ]


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        # 年初 | 全年 | 执行 | 分值 | 执行率 | 得分, run together
        (
            "年初预算数全年预算数全年执行数分值执行率得分年度资金总额35550355503555010100%",
            "35550万元",
        ),
        # spent in part (82.12%): what follows bears no way of parting them out
        (
            "年初预算数全年预算数全年执行数分值执行率得分年度资金总额3555035550355501082.12%8.5",
            None,
        ),
        ("年初预算数全年预算数全年执行分值执行率得分年度资金总额303010100%", "30万元"),
        ("全年预算数(A)全年执行数(B)执行率(B/A)年度资金总额194.9194.9100%", "194.9万元"),
        # two ways to part them (1 | 1 …, 11 | 11 …), or none: no guess
        ("年初预算数全年预算数全年执行数年度资金总额111111100%", None),
        ("年初预算数全年预算数全年执行数年度资金总额3540355082%", None),
        # a budget raised in the year whose start is a prefix of it: 10 | 105 | 105, no 10
        ("年初预算数全年预算数全年执行数执行率年度资金总额10105105100%", None),
        ("年初预算数全年预算数全年执行数执行率年度资金总额11515100%", None),
        # set apart by spaces: cells, the 全年预算数 the second after a 年初预算数
        ("年初预算数全年预算数全年执行数执行率年度资金总额 10 105 105 100%", "105万元"),
    ],
)
def test_a_self_evaluations_budget_row_run_together_is_parted_only_where_one_way_does(
    row, expected
):
    text = f"项目名称 某项目\n项目资金(万元)\n{row}\n"
    assert form_total(text) == ((expected, 3) if expected else None)


_GLUED_FORM = (
    "附件2020年度某专项资金项目支出绩效自评表项目支出名称某专项资金主管部门某省发展和改革委员会"
    "实施单位相关项目建设单位项目资金\n\n(万元)年初预算数全年预算数全年执行数分值执行率得分"
    "年度资金总额{figures}其中:当年财政拨款——年度总体目标\n"
)


@given(
    start=st.decimals(min_value=Decimal("0.1"), max_value=Decimal(99999), places=2),
    raised=st.sampled_from([Decimal(0), Decimal(0), Decimal(5), Decimal("0.5"), Decimal(100)]),
    spent=st.integers(min_value=1, max_value=99999),
    rate=st.sampled_from(["100%", "82.12%", ""]),
)
def test_a_total_read_from_figures_run_together_is_always_said_to_staff(start, raised, spent, rate):
    # (figures run together can be parted more than one way: a total read from them is a
    # guess, never silent; with the year's budget as it started, it is that budget or none)
    first, budget = (format(value.normalize(), "f") for value in (start, start + raised))
    result = parse_disclosure(_GLUED_FORM.format(figures=f"{first}{budget}{spent}10{rate}"))
    total = result.tree["projects"][0]["declared_total_yuan"]
    if total is not None:
        assert any(f.field == "declared_total" for f in result.findings)
    if raised == 0 and total is not None:
        assert Decimal(total) in (start * 10_000, spent * 10_000, Decimal(budget + str(spent)))


def test_a_total_parted_from_figures_run_together_is_said_so():
    # (a document site's copy of a PDF form: cells and figures run together)
    text = (
        "附件2020年度湘西地区开发产业发展专项资金项目支出绩效自评表项目支出名称湘西地区开发"
        "产业发展专项资金主管部门湖南省发展和改革委员会实施单位相关项目建设单位项目资金\n\n"
        "(万元)年初预算数全年预算数全年执行数分值执行率得分年度资金总额355503555035550101"
        "00%其中:当年财政拨款3555035550——上年结转资金——其他资金——年度总体目标\n"
    )
    result = parse_disclosure(text)
    assert result.tree["projects"][0]["declared_total_yuan"] == "355500000.00"
    assert any(f.field == "declared_total" and "连写" in f.message for f in result.findings)


def test_a_budget_rows_figures_set_apart_by_single_spaces_are_never_read_as_one_number():
    # (a form's single spaces are no cell breaks: the figures run together, and 1212 1212 is
    # parted two ways, 12 | 12 … and 1212 | 1212 …: no guess; before, 12121212100万元)
    text = "项目资金(万元)\n年初预算数 全年预算数 全年执行数\n年度资金总额 1212 1212 100%\n"
    assert form_total(text) in (None, ("1212万元", 3))
    assert form_total(text.replace("1212 1212", "30 30")) == ("30万元", 3)


def test_a_whole_labelled_beside_a_glued_budget_row_is_the_forms_total():
    row = "项目总投资(万元) 500 年初预算数 全年预算数 全年执行数 执行率 年度资金总额 3030 30 100%"
    assert form_total(row) == ("500万元", 1)


def test_the_years_projects_at_large_give_way_to_the_one_a_title_names_on_another_line():
    from budget.importer import outline as o
    from budget.importer.notices import title_project_name

    lines = [
        o.Line(1, "某镇2021年度部门预算项目支出绩效自评报告 (2021年城乡临时救助备用金)"),
        o.Line(3, "某镇2021年度部门预算项目支出绩效自评报告"),
    ]
    assert title_project_name(lines) == ("2021年城乡临时救助备用金", 1)
    # (alone, a year's projects at large are still read, as the title's words, flagged)
    assert title_project_name(lines[1:]) == ("某镇2021年度部门预算项目", 3)


def test_an_indent_a_narrower_encoding_lost_to_question_marks_is_an_indent_again():
    text = (
        "甲镇、乙镇人民政府:\n"
        "??根据《某区农业产业化发展专项资金使用管理办法》文件要求,现将项目公示如下:\n"
        "??一、某区2023年甲镇丙村农田基础设施建设项目\n"
        "??1、项目实施单位:某粮食制品专业合作社;\n"
        "??2、项目投资情况:项目总投资296.34万元,其中工程费用276.42万元,二类费用19.92万元;\n"
        "??二、某大米冷库制冷设备建设项目\n"
        "??1、项目实施单位:某农业科技发展有限公司;\n"
        "??2、项目投资情况:项目总投资120万元。\n"
    )
    result = parse_disclosure(text, year=2023)
    assert [
        (p["name"], p["implementing_unit"], p["declared_total_yuan"])
        for p in result.tree["projects"]
    ] == [
        ("某区2023年甲镇丙村农田基础设施建设项目", "某粮食制品专业合作社", "2963400.00"),
        ("某大米冷库制冷设备建设项目", "某农业科技发展有限公司", "1200000.00"),
    ]
    # (each value is still found on its own line of the upload)
    assert result.sources[0]["name"] == 3
    # A character lost at one line's start is no indent: kept, for staff to see and mend.
    lost = parse_disclosure(
        "??阳县财政局关于下达2024年农田水利项目资金的通知\n各乡镇:\n现下达你县农田水利项目资金300万元。\n"
    )
    assert lost.tree["department"]["name"].startswith("??")


TOP_TOTAL_TABLE = (
    "某县农业农村委员会关于2022年农业专项(第五批)项目的公示\n"
    "2022年农业专项(第五批)项目建设任务一览表 | ||||\n"
    "序号 | 项目名称 | 项目业主单位 | 总投资(万元) | 财政补助资金(万元) |\n"
    "合计 | 1241 | 1241 | ||\n"
    "1 | 某镇油菜产业发展项目 | 某镇人民政府 | 70 | 70 |\n"
    "2 | 某县油菜专用肥推广项目 | 某县种植业管理服务中心 | 30 | 30 |\n"
)


def test_a_total_row_set_above_the_rows_is_no_end_and_one_they_do_not_make_up_is_said():
    result = parse_disclosure(TOP_TOTAL_TABLE, year=2022)
    assert [(p["name"], p["declared_total_yuan"]) for p in result.tree["projects"]] == [
        ("某镇油菜产业发展项目", "700000.00"),
        ("某县油菜专用肥推广项目", "300000.00"),
    ]
    [said] = [f for f in result.findings if f.field == "rows"]
    assert "1241" in said.message and "100" in said.message and said.line == 4
    # (the rows read by their columns, not guessed by what their cells hold)
    assert not [f for f in result.findings if "对不齐" in f.message]
    # A total the rows make up is said nowhere.
    whole = parse_disclosure(TOP_TOTAL_TABLE.replace("1241 | 1241", "100 | 100"), year=2022)
    assert len(whole.tree["projects"]) == 2
    assert not [f for f in whole.findings if f.field == "rows"]


def test_a_reports_estimate_of_the_whole_is_its_total_not_the_money_used_so_far():
    text = (
        "某区住房和城乡建设局2023年排水管网清污分流工程项目重点绩效评价报告\n"
        "一、基本情况\n"
        "本项目投资估算67,289.03万元,实际到位资金16,760.00万元,"
        "使用项目资金15,645.41万元,资金使用率93.35%。\n"
    )
    [project] = parse_disclosure(text, year=2023).tree["projects"]
    assert project["declared_total_yuan"] == "672890300.00"


def test_works_told_one_after_another_whose_investments_make_a_stated_whole_are_the_projects():
    from budget.importer.listing.prose import works_making_a_stated_whole

    text = (
        "某市新增中央投资教育项目全部完工\n"
        "某市共获取新增中央投资教育项目4个,目前所有项目已全部完工,完成投资966万元。\n"
        "新建某市特殊教育学校工程,建筑面积4150平方米,完成投资503万元。"
        "第一批新增中央投资1000亿元农村初中校舍改造项目3个:甲中学建筑面积1120平方米、投资133万元,"
        "乙中学建筑面积1910平方米、投资197万元;丙九年制义务教育学校建筑面积1529.58平方米、"
        "投资133万元。\n"
    )
    result = parse_disclosure(text, year=2010)
    assert [(p["name"], p["declared_total_yuan"]) for p in result.tree["projects"]] == [
        ("新建某市特殊教育学校工程", "5030000.00"),
        ("甲中学", "1330000.00"),
        ("乙中学", "1970000.00"),
        ("丙九年制义务教育学校", "1330000.00"),
    ]
    assert {(1, "name"), (1, "declared_total")} <= {(f.project, f.field) for f in result.findings}
    # Places' works, each …项目 after 其中 and its estimate, are projects too.
    lines = [
        "今年项目范围涉及甲乡、乙镇两个乡镇。其中甲乡东等三个村土地整治项目涉及甲乡东村,"
        "建设规模为226.67公顷,估算总投资455.66万元;乙镇西等四个村土地整治项目涉及乙镇西村,"
        "建设规模为400.00公顷,估算总投资1329.40万元。",
        "据介绍,两个项目预算总投资1785.06万元。",
    ]
    assert [item.name for item in works_making_a_stated_whole(lines)] == [
        "甲乡东等三个村土地整治项目",
        "乙镇西等四个村土地整治项目",
    ]
    # Investments that make up no sum the text states are read as no such list.
    assert works_making_a_stated_whole([lines[0], "据介绍,预算总投资2000万元。"]) == []
    # A plan's whole, rounded as the text writes it (1.37亿元 over 13697.93万元), is met.
    plan = [
        "2015年,我县计划投资1.37亿元实施水利项目建设。",
        "其中,水库除险加固项目投资5435.53万元,主要完成3座中型水库除险加固;"
        "中小河流治理项目投资4285万元,建设防洪堤总长7.3公里;"
        "农村安全饮水工程投资1977.4万元,主要完成11个农村饮水安全项目;水保项目投资2000万元。",
    ]
    assert [item.name for item in works_making_a_stated_whole(plan)] == [
        "水库除险加固项目",
        "中小河流治理项目",
        "农村安全饮水工程",
        "水保项目",
    ]
    assert works_making_a_stated_whole([plan[0].replace("1.37", "1.39"), plan[1]]) == []


def test_a_sectioned_report_of_one_project_without_a_total_takes_the_sum_its_prose_gives_flagged():
    text = (
        "某市林业和草原局2021年度\n项目绩效自评报告\n(市级森林防火“三三制”补助经费项目)\n"
        "一、项目基本情况\n某市林业和草原局是全市森林防火工作的监督管理部门。\n"
        "二、项目绩效实现情况\n"
        "1.项目资金到位情况。某市财政局下达我局森林防火三三制经费75.96万元,全部到位。\n"
        "2.项目资金执行情况。2021年度经费执行率为100%。\n"
    )
    result = parse_disclosure(text, year=2021)
    [project] = result.tree["projects"]
    assert project["declared_total_yuan"] == "759600.00"
    assert (1, "declared_total") in {(f.project, f.field) for f in result.findings}
    # Two sums of money no label tells apart: none is taken.
    two = text.replace("全部到位。", "另下达专项经费10万元。")
    [project] = parse_disclosure(two, year=2021).tree["projects"]
    assert project["declared_total_yuan"] is None


def test_items_run_on_after_a_colon_that_sets_them_out_are_the_projects():
    text = (
        "2021年某市老旧小区改造工程于4月底全面开工建设。\n"
        "某市2021年老旧小区改造项目包括:1、天阳楼小区,涉及居民105户,建筑面积13000平方米,"
        "计划投资418万元。2、城东商贸城小区,涉及居民80户,计划投资251.6万元。3、中天1号楼,"
        "涉及居民40户,计划投资103.4万元。\n"
    )
    result = parse_disclosure(text, year=2021)
    assert [(p["name"], p["declared_total_yuan"]) for p in result.tree["projects"]] == [
        ("天阳楼小区", "4180000.00"),
        ("城东商贸城小区", "2516000.00"),
        ("中天1号楼", "1034000.00"),  # a building's number is its name's, no count
    ]
    # Items counted and then told their whole and its sources: named without the count, the
    # whole taken.
    text = (
        "31项社会事业项目总投资5415万元。其中:1.农村学校教师周转宿舍建设专项22项,投资2124万元,"
        "全额申请中央预算内投资;2.农村学前教育推进工程5个,投资1368万元,申请中央预算内投资1094万元,"
        "地方投资274万元。\n"
    )
    result = parse_disclosure(text, year=2014)
    assert [(p["name"], p["declared_total_yuan"]) for p in result.tree["projects"]] == [
        ("农村学校教师周转宿舍建设专项", "21240000.00"),
        ("农村学前教育推进工程", "13680000.00"),
    ]


def test_numbered_paragraphs_opening_with_their_basis_are_named_by_what_their_sum_pays():
    text = (
        "就业创业补贴1~8月发放情况\n\n"
        "一、根据《某省就业补助资金管理办法》的文件精神,对安置公益性岗位的用人单位按每人每月300元"
        "的标准给予岗位补贴。截至目前,共为432名公益性岗位人员发放岗位补贴87.41万元。\n\n"
        "二、根据《某省就业见习岗位募集计划》的文件精神,按规定给予就业见习补贴,截至目前,"
        "共为276名见习人员发放见习补贴80.75万元。\n"
    )
    result = parse_disclosure(text, year=2024)
    assert [(p["name"], p["declared_total_yuan"]) for p in result.tree["projects"]] == [
        ("岗位补贴", "874100.00"),
        ("见习补贴", "807500.00"),
    ]


def test_a_project_named_with_another_name_in_brackets_before_its_whole_is_read_with_it():
    text = (
        "近日,省发改委下达中央预算内资金,我市3个项目获得中央预算内资金7994万元。其中:"
        "某市康养中心改扩建项目(百福中端养老项目)总投资6000万元,获得专项资金4000万元;"
        "某市公办托育服务能力建设项目总投资2500万元,获得专项资金2000万元;"
        "某市殡仪馆殡葬一体化服务项目总投资6313万元,获得专项资金1994万元。\n"
    )
    result = parse_disclosure(text, year=2024)
    assert [(p["name"], p["declared_total_yuan"]) for p in result.tree["projects"]] == [
        ("某市康养中心改扩建项目(百福中端养老项目)", "60000000.00"),
        ("某市公办托育服务能力建设项目", "25000000.00"),
        ("某市殡仪馆殡葬一体化服务项目", "63130000.00"),
    ]


def test_a_pages_record_glued_label_to_value_is_no_title_and_names_the_publisher():
    text = (
        "索引号000014348/2021-02384\n-\n发布机构某县财政局\n-\n文号\n-\n发布日期2021-08-24\n-\n"
        "时效性有效\n"
        "某县住房保障与物业管理站2020年预算项目支出(租赁补贴)绩效评价自评报告\n"
        "一、项目基本情况\n(一)项目概况。\n为确保租赁补贴规范发放,制定本报告。\n"
    )
    result = parse_disclosure(text)
    assert (
        result.tree["disclosure"]["title"]
        == "某县住房保障与物业管理站2020年预算项目支出(租赁补贴)绩效评价自评报告"
    )
    [project] = result.tree["projects"]
    assert project["name"] == "租赁补贴"  # in brackets after 项目支出, before what it is
    # The unit the title opens with, and the publisher the record names, said to differ.
    assert result.tree["department"]["name"] == "某县住房保障与物业管理站"
    said = [f.message for f in result.findings if f.field == "department"]
    assert any("某县财政局" in message for message in said)


def test_a_unit_opening_a_reports_title_is_taken_and_flagged_unless_the_text_confirms_it():
    report = (
        "某市林业和草原局2021年度项目绩效自评报告\n(市级森林防火补助经费项目)\n"
        "一、项目基本情况\n某市财政局下达我局森林防火经费75.96万元。\n"
    )
    result = parse_disclosure(report, year=2021)
    assert result.tree["department"]["name"] == "某市林业和草原局"
    assert any(f.field == "department" and "标题开头" in f.message for f in result.findings)
    # Signed by the same unit: confirmed, no flag; a notice's issuer before 关于: none either.
    signed = parse_disclosure(report + "某市林业和草原局\n2022年3月1日\n", year=2021)
    assert not any("标题开头" in f.message for f in signed.findings)
    notice = parse_disclosure(
        "某市林业和草原局关于下达2021年森林防火经费的通知\n现下达经费75.96万元。\n", year=2021
    )
    assert not any("标题开头" in f.message for f in notice.findings)


def test_a_funds_spending_by_class_over_projects_named_after_qizhong_gives_the_projects_grouped():
    text = (
        "2012年省财政集中使用的彩票公益金额度为9248万元。现将安排使用情况公告如下:\n"
        "一、 用于教育事业的彩票公益金支出5000万元。其中,用于乡村学校少年宫建设项目5000万元。\n"
        "二、 用于社会福利的彩票公益金支出2135万元。其中,养老服务体系建设项目1230万元,"
        "社区建设项目405万元,残疾人免费安装假肢项目500万元。\n"
        "特此公告。\n"
    )
    result = parse_disclosure(text, year=2012)
    assert [(p["name"], p["declared_total_yuan"]) for p in result.tree["projects"]] == [
        ("乡村学校少年宫建设项目", "50000000.00"),
        ("养老服务体系建设项目", "12300000.00"),
        ("社区建设项目", "4050000.00"),
        ("残疾人免费安装假肢项目", "5000000.00"),
    ]
    [grouped] = [f for f in result.findings if f.field == "groups"]
    assert "社会福利的彩票公益金支出" in grouped.message
    # Projects that do not make up their class's sum are not taken out of it.
    short = parse_disclosure(text.replace("残疾人免费安装假肢项目500万元", "残疾人项目400万元"))
    assert len(short.tree["projects"]) == 2


def test_projects_each_said_to_get_their_money_are_read_where_they_make_up_the_stated_whole():
    text = (
        "某市3项目获今年中央预算内投资资金支持\n\n某日报 2019-03-22 01:18\n\n"
        "日前,省发改委下达了2019年中央预算内投资计划,某市共获得中央预算内资金补助10490万元。\n\n"
        "据悉,此次某市获得资金支持的项目中,甲县医院城东新区分院建设项目获得4000万元中央预算内"
        "资金支持,乙县人民医院业务用房建设项目获得2490万元中央预算内资金支持,"
        "某市中医医院中医传承与创新研究中心获得4000万元中央预算内资金支持。\n"
    )
    result = parse_disclosure(text, year=2019)
    assert result.tree["disclosure"]["title"] == "某市3项目获今年中央预算内投资资金支持"
    assert [(p["name"], p["declared_total_yuan"]) for p in result.tree["projects"]] == [
        ("甲县医院城东新区分院建设项目", "40000000.00"),
        ("乙县人民医院业务用房建设项目", "24900000.00"),
        ("某市中医医院中医传承与创新研究中心", "40000000.00"),
    ]


@pytest.mark.parametrize(
    ("text", "check"),
    [
        # A part after 其中 is no fund's total.
        (
            "关于下达2024年森林防火补助资金的通知\n现下达你镇森林防火补助100万元,用于扑火队伍建设,"
            "其中扑火队员工作经费5万元。\n",
            lambda projects: projects[0]["declared_total_yuan"] != "50000.00",
        ),
        # One project's parts after 其中: are no projects.
        (
            "某镇道路建设项目总投资500万元,其中:1、道路硬化工程300万元;2、路灯安装工程200万元。\n",
            lambda projects: [p["name"] for p in projects] == ["某镇道路建设项目"],
        ),
        # Standards of support told after 一是 are no projects.
        (
            "一是对新建50亩以上茶园每亩补助500元,共补助50万元;"
            "二是对新建茶叶加工厂每个奖补10万元,共奖补30万元。\n",
            lambda projects: not any("补助" in p["name"] for p in projects),
        ),
        # Sources after 其中 name no project.
        (
            "一是预算投资1600万元,计划将原会展中心改造为市民文化活动中心。"
            "二是预算投资288万元,其中中央资金200万元、县级资金88万元。\n",
            lambda projects: not any("其中" in p["name"] for p in projects),
        ),
        # A sum of another fund that happens to equal the works' sums is no whole of theirs.
        (
            "县财政安排配套资金500万元。其中甲村道路、桥梁工程投资300万元;乙村水渠工程投资200万元。\n",
            lambda projects: "甲村道路" not in [p["name"] for p in projects],
        ),
        # A page's record: its title glued to its label is the title.
        (
            "标题某县2021年高标准农田建设项目的公示\n项目总投资500万元。\n",
            lambda projects: projects[0]["name"] == "某县2021年高标准农田建设项目",
        ),
    ],
)
def test_what_a_review_found_the_new_readers_misread(text, check):
    assert check(parse_disclosure(text, year=2024).tree["projects"])


@pytest.mark.parametrize(
    "title",
    [
        "某县2022年项目支出绩效自评报告(中央财政资金)",  # a source in brackets
        "某县部门整体及项目支出(2022年度)绩效自评报告",  # a year in brackets
    ],
)
def test_a_title_naming_a_source_or_a_year_in_brackets_names_no_project(title):
    from budget.importer import outline as o
    from budget.importer.notices import title_project_name

    assert title_project_name([o.Line(1, title)]) is None


def test_the_projects_of_a_city_s_departments_at_large_give_way_to_the_one_named():
    from budget.importer import outline as o
    from budget.importer.notices import title_project_name

    lines = [
        o.Line(1, "鄂州市2022年市直部门预算项目支出绩效目标表"),
        o.Line(2, "(滨湖大楼运行保障项目)"),
    ]
    assert title_project_name(lines) == ("滨湖大楼运行保障项目", 2)


def test_a_nested_list_of_places_shares_is_no_list_of_projects():
    from budget.importer.listing.paragraphs import nested_run_on_items

    line = (
        "具体如下: 一、省级资金安排500万元,包括: (一)下达甲县300万元; (二)拨付乙县200万元。"
        " 二、市级资金安排100万元,包括: (一)下达丙县60万元; (二)下达丁县40万元。"
    )
    assert nested_run_on_items([line]) == []


def test_a_unit_opening_a_reports_title_is_confirmed_by_the_publisher_the_page_names():
    text = (
        "  • 发布机构: 某州人力资源和社会保障局\n\n"
        "某州人力资源和社会保障局2023年度项目支出绩效自评报告\n"
        "一、基本情况\n我局2023年项目支出资金3727万元。\n"
    )
    result = parse_disclosure(text, year=2023)
    assert result.tree["department"]["name"] == "某州人力资源和社会保障局"
    assert not any("标题开头" in f.message for f in result.findings)


def test_projects_a_text_counts_as_its_project_spending_are_said_missing_where_fewer_are_read():
    from budget.importer.notices import projects_said

    assert projects_said("我局2023年项目支出共13个,年初预算数16972.44万元。")[0] == 13


def test_a_part_s_calculations_in_the_paragraph_headed_by_its_name_are_its_lines():
    text = (
        "某县粮食补贴资金发放工作正在有序进行\n14.09.2015 23:05\n本文来源: 某新闻网\n"
        "近日,某县2015年度粮食补贴资金发放工作已全面展开,粮食补贴资金共计4968.15万元,"
        "其中:农资综合补贴4392万元,良种补贴576.15万元。\n"
        "农资综合补贴: 补贴面积679160亩,平均每亩补贴64.67元,补贴金额4392万元。\n"
        "良种补贴: 补贴面积384100亩,每亩补贴15元,补贴金额576.15万元。\n"
    )
    result = parse_disclosure(text, year=2015)
    assert result.tree["disclosure"]["title"] == "某县粮食补贴资金发放工作正在有序进行"
    [project] = result.tree["projects"]
    factors = [
        [Decimal(f["value"]) for f in line["factors"]]
        for sub in project["sub_items"]
        for line in sub["lines"]
    ]
    assert factors == [[Decimal(679160), Decimal("64.67")], [Decimal(384100), Decimal(15)]]


def test_a_table_a_page_ran_into_one_line_is_read_row_by_row():
    from budget.importer.outline import table_in_one_line

    line = (
        "附件 2024年度项目建设计划表(第一批) 序号 | 项目名称 | 单位名称 | 申报 资金 (万元) | "
        "拟补 资金 (万元) | 备注 | 1 | 甲村沿线风貌整治提升 | 甲村股份经济合作社 | 902 | 730 | "
        "按审定价补助 | 2 | 乙村精品民宿群 | 乙村股份经济合作社 | 120 | 100 | |"
    )
    assert table_in_one_line(line) == [
        "附件 2024年度项目建设计划表(第一批)",
        "序号 | 项目名称 | 单位名称 | 申报 资金 (万元) | 拟补 资金 (万元) | 备注 |",
        "1 | 甲村沿线风貌整治提升 | 甲村股份经济合作社 | 902 | 730 | 按审定价补助 |",
        "2 | 乙村精品民宿群 | 乙村股份经济合作社 | 120 | 100 |  |",  # (its 备注 left empty)
    ]
    result = parse_disclosure("某县农业农村局关于下达项目计划的通知\n" + line + "\n", year=2024)
    assert [(p["name"], p["declared_total_yuan"]) for p in result.tree["projects"]] == [
        ("甲村沿线风貌整治提升", "9020000.00"),
        ("乙村精品民宿群", "1200000.00"),
    ]
    assert result.sources[1]["name"] == 2  # (each value on the upload's line 2)
    # Rows not numbered 1, 2, 3 … are no such table.
    assert table_in_one_line(line.replace("| 2 |", "| 5 |")) is None


def test_a_tables_caption_and_its_unit_line_end_the_title():
    text = (
        "    某区市场监督管理局2021年部门项目绩效表\n\n"
        "    发布时间: 2021-10-19 14:39\n"
        "    表十二、2021年部门项目绩效表\n"
        "    某区市监局 单位:万元\n"
        "    单位名称 支出项目名称  年度预算安排 项目情况 绩效目标\n"
        "    合计 400.00\n"
    )
    result = parse_disclosure(text, year=2021)
    assert result.tree["disclosure"]["title"] == "某区市场监督管理局2021年部门项目绩效表"


def test_uses_told_each_as_its_sum_and_what_it_is_for_are_the_projects_where_they_make_the_whole():
    from budget.importer.listing.prose import sums_for_uses

    lines = [
        "近日,某县财政局下达2018年车辆购置税收入补助地方建设项目支出预算15291万元。",
        "据了解,此次下达的资金中,1730万元用于公路安全生命防护工程,420万元用于灾害防治项目,"
        "725万元用于危桥改造项目,12338.5万元用于四好农村路建设,77.5万元用于农村招呼站点建设。",
    ]
    assert [(item.name, item.amount.text) for item in sums_for_uses(lines)] == [
        ("公路安全生命防护工程", "1730万元"),
        ("灾害防治项目", "420万元"),
        ("危桥改造项目", "725万元"),
        ("四好农村路建设", "12338.5万元"),
        ("农村招呼站点建设", "77.5万元"),
    ]
    # Uses that make up no sum stated before them are read as no such list.
    assert sums_for_uses([lines[0].replace("15291", "15000"), lines[1]]) == []


def test_what_a_second_review_found_the_late_readers_misread():
    from budget.importer.listing.prose import sums_for_uses
    from budget.importer.notices import projects_said
    from budget.importer.outline import table_in_one_line

    # A row short of a merged cell, closed by its bar, would not line up: no such table.
    line = (
        "计划表 序号 | 项目名称 | 单位名称 | 申报资金(万元) | 拟补资金(万元) | 备注 | "
        "1 | 甲村风貌提升 | 甲村股份经济合作社 | 902 | 730 | 按审定价补助 | "
        "2 | 乙村精品民宿群 | 120 | 100 | |"
    )
    assert table_in_one_line(line) is None
    # A space after a comma keeps each use's whole name.
    lines = [
        "某县财政局下达2018年专项支出预算2875万元。",
        "据了解,此次下达的资金中, 1730万元用于公路安全生命防护工程, 420万元用于灾害防治项目,"
        " 725万元用于危桥改造项目。",
    ]
    assert [item.name for item in sums_for_uses(lines)] == [
        "公路安全生命防护工程",
        "灾害防治项目",
        "危桥改造项目",
    ]
    # One project's whole, then its money's uses: its parts, no projects of their own.
    one = (
        "某县2024年农村饮水安全巩固提升工程总投资600万元。资金中,200万元用于管网改造,"
        "250万元用于水厂设备购置,150万元用于水质检测能力建设。\n"
    )
    assert len(parse_disclosure(one, year=2024).tree["projects"]) == 1
    # Read as a list through the readers, with the fund given before the uses.
    listed = parse_disclosure("\n".join(lines) + "\n", year=2018).tree["projects"]
    assert [p["declared_total_yuan"] for p in listed] == ["17300000.00", "4200000.00", "7250000.00"]
    # Counts of departments or towns are no counts of projects; 共计 is a count's word.
    assert projects_said("涉及项目支出共5个部门。") is None
    assert projects_said("项目支出共3个乡镇实施。") is None
    assert projects_said("我局项目支出共计12个。")[0] == 12


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # A table's caption as the first line is the title, as it was.
        (
            "表3、某县财政局2024年部门项目支出预算表\n单位:万元\n"
            "序号 | 项目名称 | 金额 |\n1 | 甲 | 5 |\n",
            "表3、某县财政局2024年部门项目支出预算表",
        ),
        # A title wrapped onto a line ending with the unit keeps that line.
        (
            "某区市场监督管理局\n2021年部门项目绩效表 单位:万元\n"
            "单位名称 支出项目名称 年度预算安排\n",
            "某区市场监督管理局2021年部门项目绩效表",
        ),
        # A line of the unit alone after the title ends it, caption or not.
        (
            "某区市场监督管理局2021年部门项目绩效表\n某区市监局 单位:万元\n"
            "单位名称 支出项目名称 年度预算安排\n合计 400.00\n",
            "某区市场监督管理局2021年部门项目绩效表",
        ),
    ],
)
def test_a_tables_caption_or_unit_line_ends_a_title_only_after_it(text, title):
    # (never before the title's first line, nor at a line of the title's own words)
    assert parse_disclosure(text, year=2024).tree["disclosure"]["title"].startswith(title)


def test_a_parts_calculation_from_the_paragraph_headed_by_its_name_is_found_on_that_line():
    text = (
        "某县粮食补贴资金发放工作正在有序进行\n"
        "近日,某县粮食补贴资金共计4968.15万元,其中:农资综合补贴4392万元,良种补贴576.15万元。\n"
        "农资综合补贴: 补贴面积679160亩,平均每亩补贴64.67元,补贴金额4392万元。\n"
        "良种补贴: 补贴面积384100亩,每亩补贴15元,补贴金额576.15万元。\n"
    )
    result = parse_disclosure(text, year=2015)
    assert result.sources[0]["lines"] == [[3], [4]]


def test_projects_each_given_then_told_their_whole_are_read_and_a_records_time_is_no_title():
    text = (
        "关于转发下达某湖三个蓄洪垸安全建设等项目2016年中央预算内投资计划的通知\n\n"
        "某省水利厅  时间:2016-04-22\n\n"
        "  某工程管理局:   现将投资计划予以下达,并就有关事项通知如下:   一、本次下达钱粮湖、"
        "共双茶、大通湖东三个蓄洪垸安全建设工程总投资50000万元,其中中央预算内投资30000万元,"
        "地方投资20000万元;下达安化等9个蓄洪垸堤防加固工程总投资43782万元,其中中央预算内投资"
        "12000万元,地方投资31782万元。\n"
    )
    result = parse_disclosure(text, year=2016)
    assert result.tree["disclosure"]["title"].endswith("投资计划的通知")
    assert [(p["name"], p["declared_total_yuan"]) for p in result.tree["projects"]] == [
        ("钱粮湖、共双茶、大通湖东三个蓄洪垸安全建设工程", "500000000.00"),
        ("安化等9个蓄洪垸堤防加固工程", "437820000.00"),
    ]


def test_projects_each_named_then_the_sum_planned_for_it_over_paragraphs_are_read_once():
    paragraph = (
        "这五个项目中,另外的三个民生项目包括:某中学新校区建设工程,计划投资20989.38万元。"
        "新校区建设总建筑面积为81526.85平方米。\n"
        "某区五星村廉租住房项目,计划投资17145万元,总建筑面积11.43万平方米;"
        "某区廉租房建设项目,计划投资16000万元,建设完成13.5万平方米廉租住房。\n"
    )
    text = "近日,省发改委公布了新开工项目的基本情况。\n" + paragraph + paragraph  # (said twice)
    result = parse_disclosure(text, year=2024)
    assert [(p["name"], p["declared_total_yuan"]) for p in result.tree["projects"]] == [
        ("某中学新校区建设工程", "209893800.00"),
        ("某区五星村廉租住房项目", "171450000.00"),
        ("某区廉租房建设项目", "160000000.00"),
    ]


# One project's parts, phases, classes or sources are never read as a list of projects.
@pytest.mark.parametrize(
    "text",
    [
        # works after a colon that make up one project's whole
        "某村人居环境整治项目公示\n该项目总投资300万元,主要建设内容:村道硬化工程150万元、"
        "排水沟渠工程100万元、村庄绿化工程50万元。\n实施单位:某村村民委员会\n",
        # a fund's parts after 其中包括:
        "某镇彩票公益金项目资金300万元,已分配下达到项目建设单位,其中包括:甲村广场项目资金140万元、"
        "乙村球场项目资金160万元。\n",
        # works told after their investment, one project's whole said above them
        "某村综合整治项目公示\n该项目总投资900万元,由县财政局负责实施。\n"
        "投资300万元建设村道,投资400万元建设文化广场,投资200万元新建卫生室。\n",
        # a project's phases
        "某中学迁建项目公示\n项目分三期实施:一期投资500万元,建设教学楼;二期投资300万元,"
        "建设宿舍楼;三期投资200万元,建设运动场。\n",
    ],
)
def test_one_projects_parts_and_phases_are_read_as_one_project(text):
    (project,) = parse_disclosure(text, year=2024).tree["projects"]
    assert "工程" not in project["name"] or project["name"].endswith("项目")


@pytest.mark.parametrize(
    "spent",
    [
        "商品和服务支出120万元,资本性支出50万元,对个人和家庭的补助30万元",
        "一般公共预算拨款120万元,政府性基金50万元,上年结转30万元",
    ],
)
def test_a_budgets_classes_and_sources_of_spending_are_no_projects(spent):
    names = [name for name, _ in _names_and_sums(f"某局项目支出200万元。项目支出包括{spent}。\n")]
    assert not any(name.endswith(("支出", "拨款", "基金", "结转")) for name in names)


def test_a_run_on_item_of_phases_or_a_last_project_without_money_leaves_the_list_unread():
    phases = (
        "一是实施甲村道路硬化项目,项目总投资300万元。二是实施乙村饮水安全项目,项目总投资200万元。"
        "三是实施丙村道路项目,一期投资100万元;二期投资50万元。\n"
    )
    assert run_on_items([phases]) == []
    last = phases.replace("一期投资100万元;二期投资50万元", "资金由县财政统筹解决")
    assert run_on_items([last]) == []


def test_a_head_count_beside_the_money_is_never_the_approved_money():
    text = (
        "单位:万元\n序号 | 项目名称 | 补助资金(万元) | 核定补助人数\n"
        "1 | 甲镇困难群众救助补助 | 120 | 1200\n2 | 乙镇困难群众救助补助 | 100 | 1000\n"
    )
    assert [sum_ for _, sum_ in _names_and_sums(text)] == [Decimal("1200000"), Decimal("1000000")]


def test_a_projects_whole_is_said_under_its_own_name_not_inside_a_longer_one_or_a_pair():
    text = (
        "已争取到中央预算内投资2700万元,用于改善医疗卫生条件。\n\n"
        "据悉,这批资金分别是:医院建设项目2015年中央预算内投资1000万元;乡镇卫生院建设项目"
        "2015年中央预算内投资1200万元;村卫生室建设项目2015年中央预算内投资500万元。\n\n"
        "其中精神专科医院建设项目总投资9000万元。县级医院建设项目和乡镇卫生院建设项目总投资12000万元。\n"
    )
    assert _names_and_sums(text) == [
        ("医院建设项目", Decimal("10000000")),
        ("乡镇卫生院建设项目", Decimal("12000000")),
        ("村卫生室建设项目", Decimal("5000000")),
    ]


def test_a_name_run_into_the_next_heading_keeps_that_headings_words():
    text = (
        "关于某项目建议书的批复\n一、项目名称:某村进村道路改扩建项目二、建设内容:新建道路3公里\n"
        "三、项目建设单位:某乡人民政府\n项目总投资22万元。\n"
    )
    (project,) = parse_disclosure(text, year=2025).tree["projects"]
    assert project["name"] == "某村进村道路改扩建项目"
    assert "新建道路3公里" in [sub["content"] for sub in project["sub_items"]]
    # (a content's own words with a numbered floor are no heading: 对教学楼一、二层:…)
    text = (
        "某中学维修项目实施方案\n二、建设内容:对教学楼一、二层:更换门窗,粉刷墙面\n总投资22万元。\n"
    )
    (project,) = parse_disclosure(text, year=2025).tree["projects"]
    assert "更换门窗" in project["sub_items"][0]["content"]


def test_a_fuller_title_below_a_short_one_is_no_repeat():
    text = (
        "某县财政局关于下达资金的通知\n发布时间:2024-03-01 10:00\n"
        "某县财政局关于下达2023年第二批中央财政衔接推进乡村振兴补助资金的通知\n各乡镇:\n"
        "现将2023年第二批中央财政衔接推进乡村振兴补助资金100万元下达给你们。\n"
    )
    (project,) = parse_disclosure(text).tree["projects"]
    assert project["name"] == "2023年第二批中央财政衔接推进乡村振兴补助资金"


def test_markers_keep_bracketed_names_and_a_sum_of_them_all_is_no_ones_total():
    assert project_marker("项目一:甲村道路(含桥梁,涵洞)建设项目") == (
        "一",
        "甲村道路(含桥梁,涵洞)建设项目",
    )
    assert project_marker("第一项:加强组织领导。") is None  # a measure, no project
    text = (
        "某镇民生实事\n第一项:甲村道路建设工程。\n该项目总投资约50万元。\n"
        "第二项:乙村广场建设工程。\n已完成。以上两个项目合计投入资金80万元。\n"
    )
    projects = parse_disclosure(text, year=2023).tree["projects"]
    assert [p["declared_total_yuan"] for p in projects] == ["500000.00", None]


def test_what_a_project_builds_counted_is_no_count_of_projects():
    text = "某村公厕建设项目公示\n本项目建设公厕3个,总投资90万元。\n项目总投资:90万元\n"
    result = parse_disclosure(text, year=2024)
    assert not [f for f in result.findings if f.field == "rows"]
    assert result.tree["projects"][0]["declared_total_yuan"] == "900000.00"


def test_a_second_header_row_of_the_moneys_parts_is_not_appended_to_the_header():
    text = (
        "序号 | 项目名称 | 建设内容 | 资金来源 | 备注\n小计 | 中央资金 | 省级资金 | 县级资金\n"
        "1 | 甲村道路 | 硬化 | 30 | 20 | 6 | 4 |\n2 | 乙村道路 | 硬化 | 20 | 10 | 6 | 4 |\n"
    )
    # (its rows do not line up with the first row alone: left unread, and with no sum the
    # text states, refused with a clear message)
    assert _names_and_sums(text) == []
    with pytest.raises(TextImportError, match="没有找到任何项目"):
        parse_disclosure(text, year=2024)


def test_a_paragraph_told_apart_is_headed_by_its_first_colon_of_either_width():
    text = (
        "某局2023年度项目支出绩效自评报告\n"
        "我局2023年项目支出共3个,包括:养老保险配套专项资金3727.00万元、就业见习生活补助经费"
        "129.60万元、农民工工资应急周转专项资金500.00万元。\n"
        "1.养老保险配套专项资金:根据云政发〔2015〕75号文件,执行时间：2023年全年。\n"
    )
    projects = parse_disclosure(text).tree["projects"]
    assert [len(p["citations"]) for p in projects] == [1, 0, 0]


def test_a_masked_department_and_name_are_flagged():
    text = "****公司2025年基地扩建项目公示\n一、****基地扩建项目\n建设单位:****公司\n"
    text += "投资金额:** 925元\n"
    result = parse_disclosure(text, year=2025)
    flagged = {f.field for f in result.findings if "隐去" in f.message}
    assert {"name", "implementing_unit"} <= flagged
    assert result.tree["projects"][0]["declared_total_yuan"] is None


def test_a_pages_date_and_publisher_on_one_line_is_no_title():
    text = (
        "2016-09-19 10:33:19 兴业县人民政府\n\n"
        "  一是新能源项目。实施项目2个,总投资16.62亿元,已完成投资1.6亿元。\n\n"
        "  二是工业项目。正在加快建设恒丰建材等20个工业项目,总投资55.2亿元。\n"
    )
    result = parse_disclosure(text, year=2016)
    assert "10:33" not in result.tree["disclosure"]["title"]
    assert [p["name"] for p in result.tree["projects"]] == ["新能源项目", "工业项目"]


def test_a_forms_cost_target_is_no_money_of_its_money_rows():
    # A 绩效目标申报表 glued onto a few lines: its money rows run on into its targets, whose
    # 成本指标 of 59万元 is no total; the form's own 实施期资金总额, in the (元) of its heading, is.
    text = (
        "永济市项目支出绩效目标申报表 (2023年度)\n"
        "项目名称 2023年文物保护经费 主管部门及代码 404-永济市文化和旅游局\n"
        "项目期 实施期资金总额: 1,000,000 其中:中央财政资金 0\n"
        "项目资金 (元) 市县(区)财政资 1,000,000 金 0 单位自筹 其他资金\n"
        "项目概况 主要用于文物修缮、宣传\n"
        "立项依据 根据永文保发〔2022〕26号请示\n"
        "项目实施计划 突出历史文化价值 实施期目标 年度目标 一级指标 二级指标 产出指标 "
        "成本指标 文物保护单位方案编制费 59万元 时效指标 按期完工"
    )
    (project,) = parse_disclosure(text).tree["projects"]
    assert project["declared_total_yuan"] == "1000000.00"


def test_the_last_row_of_a_table_one_cell_a_line_before_its_project_total_is_read():
    # (a 项目合计 row ends the table as a 合计 row does)
    lines = [
        "关于下达2012年社区公益服务项目预算的通知",
        "单位:元",
        "序号",
        "| 项目名称",
        "| 批复金额",
        "|",
    ]
    names = ["甲街道助老服务项目", "乙街道助残服务项目", "丙街道济困服务项目"]
    for number, (name, amount) in enumerate(
        zip(names, ["478320", "225850", "174300"], strict=True), 1
    ):
        lines += [str(number), f"| {name}", f"| {amount}", "|"]
    lines += ["项目合计", "| 878470", "|"]
    tree = parse_disclosure("\n".join(lines)).tree
    assert [(p["name"], p["declared_total_yuan"]) for p in tree["projects"]] == [
        ("甲街道助老服务项目", "478320.00"),
        ("乙街道助残服务项目", "225850.00"),
        ("丙街道济困服务项目", "174300.00"),
    ]


def test_a_forms_next_label_broken_by_a_space_is_no_name():
    # (a PDF's text of a self-evaluation form: its 项目名称 cell's value printed elsewhere,
    # the next label, 项目主管单位, broken where its cell wrapped)
    text = (
        "某市财政预算支出项目绩效目标自评表 项目名称 项目主管单 位 自评总分: 95 "
        "项目实施单位 某市交通运输局 某市交通运输局 项目负责人 某某"
    )
    (project,) = parse_disclosure(text).tree["projects"]
    assert "主管" not in project["name"]
    assert project["implementing_unit"] == "某市交通运输局"


def test_the_project_a_funds_sum_is_for_names_a_notice_and_the_sites_path_is_no_title():
    text = (
        "首页 > 历史专题 > 脱贫攻坚工作专栏\n"
        "经县领导小组研究通过,2021年统筹整合资金分配到某县人社局,资金规模50.3787万元,涉及"
        "2021年某县脱贫劳动力外出务工交通补贴项目。现将项目有关情况公示如下:\n"
        "1.实施地点:某县15个乡镇。\n"
        "2.投资规模:贴息资金50.3787万元,其中财政资金50.3787万元。"
    )
    tree = parse_disclosure(text).tree
    (project,) = tree["projects"]
    assert project["name"] == "2021年某县脱贫劳动力外出务工交通补贴项目"
    assert project["declared_total_yuan"] == "503787.00"
    assert "首页" not in tree["disclosure"]["title"]


def test_a_channels_path_is_no_title():
    text = (
        "频道首页 > 财经四川 > 正文\n\n筠连:争取专项补助资金5964万元改善交通\n"
        "2012-09-20 11:30   来源:中国广播网\n"
        "该县今年以来共争取专项补助资金5964万元,用于全县村道、镇乡连接路等建设。\n"
    )
    tree = parse_disclosure(text).tree
    assert "首页" not in tree["disclosure"]["title"]
    assert "首页" not in tree["projects"][0]["name"]


def test_a_notice_to_use_a_lottery_fund_well_names_the_fund_its_sum_and_its_year():
    text = (
        "某市民政局关于进一步用好未成年人救助保护项目市级福彩金的通知\n"
        "各区民政局:\n"
        "为进一步加强未成年人救助保护工作,2020年,我局通过转移支付预算安排市级福彩金160万元,"
        "每个区10万元,作为未成年人救助保护项目专项经费。\n"
        "某市民政局\n"
        "2020年12月9日"
    )
    tree = parse_disclosure(text).tree
    (project,) = tree["projects"]
    assert project["name"] == "未成年人救助保护项目市级福彩金"
    assert project["declared_total_yuan"] == "1600000.00"
    assert tree["disclosure"]["fiscal_year"] == 2020


def test_the_project_a_fund_is_for_named_in_quotes_names_the_text():
    text = (
        "某县民政局2022年度福利彩票公益金使用情况公示\n"
        "一、福利彩票公益金使用情况\n"
        "2022年,某县共收到上级拨付的福利彩票公益金6万元。资金用于“孤儿助学”项目。\n"
        "二、项目实施情况\n"
        "1、项目主要内容:孤儿助学。\n"
        "2、项目投资:6万元。"
    )
    (project,) = parse_disclosure(text).tree["projects"]
    assert (project["name"], project["declared_total_yuan"]) == ("孤儿助学", "60000.00")


def test_a_lottery_funds_report_is_named_by_the_fund_and_its_total_is_what_it_spent():
    # (the page's text size buttons are no title; a balance left over is no total)
    text = (
        "某县教育体育局 关于2023年度某县体育彩票公益金筹集 使用情况公告\n"
        "发布时间:2024-06-20 16:00\n"
        "字号:[\n大\n中\n小\n]\n"
        "根据《彩票公益金管理办法》的要求,现将2023年某县体育彩票公益金筹集、使用情况公告如下:\n"
        "一、体育彩票公益金分配情况\n"
        "2022年度结余体彩公益金91.6294万元,2023年本年留成46.6784万元。\n"
        "二、2023年度某县体育彩票公益金使用情况\n"
        "用于本年体育部门群众体育支出40.00万元。\n"
        "特此公告。\n"
        "某县教育体育局\n"
        "2024年6月20日"
    )
    tree = parse_disclosure(text).tree
    (project,) = tree["projects"]
    assert project["name"] == "2023年度某县体育彩票公益金"
    assert project["declared_total_yuan"] == "400000.00"
    assert not any(word in tree["disclosure"]["title"] for word in ("字号", "大中小", "]"))


def test_the_fund_supporting_a_project_is_no_part_of_its_name():
    text = (
        "某县卫生健康和体育局2022年度彩票公益金项目资金使用情况公告\n"
        "现将2022年中央专项彩票公益金支持某县县级公共体育场田径跑道建设项目使用情况公告如下:\n"
        "一、资金使用情况\n"
        "该项目概算总投资1827万元。"
    )
    (project,) = parse_disclosure(text).tree["projects"]
    assert project["name"] == "某县县级公共体育场田径跑道建设项目"


def test_a_project_text_without_a_name_takes_it_from_its_forms_name_cell():
    text = (
        "发布机构 | 某市文旅局(市广电新闻出版局) | 发文日期 | 2021-01-05 17:04 |\n"
        "(1)项目概述:毛竹山遗址项目主要是遗址保护性设施改造。\n"
        "(2)立项依据:文物保函〔2014〕3054号《国家文物局关于毛竹山遗址保护性设施改造立项的批复》\n"
        "(3)年度预算安排:200万\n"
        "(4)绩效目标和指标:(见该项目绩效目标表)\n"
        "毛竹山遗址工程项目绩效目标表\n"
        "项目名称 |\n"
        "毛竹山遗址工程项目 |\n"
        "|||||\n"
        "实施单位 |\n"
        "某市文旅局 |"
    )
    tree = parse_disclosure(text).tree
    assert tree["projects"][0]["name"] == "毛竹山遗址工程项目"
    # and its unit from the form's 实施单位 cell, its value on the line below
    assert tree["projects"][0]["implementing_unit"] == "某市文旅局"
    # a unit with the other name it goes by in brackets is a unit
    assert tree["department"]["name"] == "某市文旅局(市广电新闻出版局)"


def test_a_reply_names_the_proposals_project_and_a_masked_word_is_no_signature():
    text = (
        "(略) 某区教育局:\n"
        "报来《关于审批<某区那梭中学教学综合楼及配套附属工程项目建议书>的请示》及相关材料收悉。"
        "经研究,现对该项目建议书批复如下:\n"
        "一、原则同意某区那梭中学教学综合楼及配套附属工程立项。\n"
        "二、项目总投资及资金来源:项目匡算总投资*元。\n"
        "(略) 某区发展和改革局\n"
        "2024年6月28日"
    )
    tree = parse_disclosure(text).tree
    assert tree["projects"][0]["name"] == "某区那梭中学教学综合楼及配套附属工程"
    assert tree["department"]["name"] == "某区发展和改革局"


def test_a_notice_of_a_project_done_is_named_by_the_project_not_by_its_being_done():
    text = (
        "2025年乡村工匠培训项目完成\n情况的公告\n"
        "现将项目完成情况公告如下:\n"
        "一、资金使用情况\n"
        "该项目共下达县级财政衔接资金20万元,专款专用。\n"
        "某县农业农村局\n"
        "2025年12月12日"
    )
    (project,) = parse_disclosure(text).tree["projects"]
    assert project["name"] == "2025年乡村工匠培训项目"


def test_a_self_evaluation_whose_form_states_another_year_than_its_fund_says_so():
    # (and the page's publisher, set out a bullet a line, is read to weigh its department)
    text = (
        "某区2021年中央化肥减量增效示范县项目补助资金绩效自评\n"
        "- 发文机构\n- 某区农业农村局\n"
        "2022年度项目支出绩效自评表\n"
        "单位名称:某区土壤肥料工作站 填报日期:2023年3月20日\n"
        "项目名称 | 某区2021年中央化肥减量增效示范县项目补助资金 | ||||\n"
        "主管部门 | 某区农业农村局 | 项目实施单位 | 某区土壤肥料工作站 | ||\n"
        "预算执行情况(万元) (20分) | 预算数(A) | 执行数(B) | 执行率(B/A) | ||\n"
        "年度财政资金总额 | 278.4449 | 30.00 | 10.77% | ||"
    )
    result = parse_disclosure(text)
    flagged = {finding.field: finding.message for finding in result.findings if finding.field}
    assert "2022年度" in flagged["fiscal_year"]
    assert "某区农业农村局" in flagged["department"]
    assert result.tree["projects"][0]["declared_total_yuan"] == "2784449.00"


def test_the_uses_a_reports_sentence_lists_with_their_sums_are_its_sub_items():
    text = (
        "中央转移支付2023年残疾人事业发展补助资金项目绩效自评报告\n"
        "一、项目基本情况\n"
        "(一)项目基本情况简介。\n"
        "该项目为2023年中央彩票公益金提前下达资金项目,用于残疾人康复及评定补贴1.065万元,"
        "五个一文化进家庭2.1万元,残疾儿童救助38.472万元,资助残疾大学新生1.8万元。"
        "帮助残疾儿童在康复机构接受康复训练。"
    )
    (project,) = parse_disclosure(text).tree["projects"]
    assert [(sub["name"], sub["declared_amount_yuan"]) for sub in project["sub_items"]] == [
        ("残疾人康复及评定补贴", "10650.00"),
        ("五个一文化进家庭", "21000.00"),
        ("残疾儿童救助", "384720.00"),
        ("资助残疾大学新生", "18000.00"),
    ]


def test_a_reports_parts_under_its_overview_are_no_sub_items():
    text = (
        "某省残疾人事业发展补助资金项目2018年度绩效自评报告\n"
        "一、项目基本情况\n"
        "1.项目提出的理由\n"
        "残疾人是困难群体中的弱势群体。\n"
        "2.项目提出的过程\n"
        "根据国家和我省统一安排,省残联具体组织实施了该项目。\n"
    )
    (project,) = parse_disclosure(text).tree["projects"]
    assert len(project["sub_items"]) == 1
    assert "项目提出的过程" in project["sub_items"][0]["content"]


def test_a_leading_group_signing_a_reply_is_its_issuer():
    from budget.importer.head import signing_department

    text = "请按照项目计划执行项目建设。\n附件:项目变更表\n某市扶贫开发领导小组\n2020年6月29日"
    assert signing_department(text) == "某市扶贫开发领导小组"


def test_numbered_batches_each_with_its_money_and_its_sources_are_projects():
    text = (
        "现将某新区2025年衔接资金项目资金调整后的批复情况公告公示如下:\n"
        "1.某新区2025年第一批衔接资金项目6个,资金848.5万元。其中,中央资金440万元"
        "(豫财农综〔2024〕22号);省级资金90万元(豫财农综〔2024〕22号);市级资金318.5万元"
        "(郑财预〔2025〕2号)。实施地点:大孟街道、广惠街街道、青年路街道、韩寺镇、官渡镇、雁鸣湖镇。\n"
        "2.某新区2025年第二批衔接资金项目15个,资金2356.7万元。其中,中央资金363万元"
        "(豫财农综〔2024〕22号);县级资金1993.7万元(牟财预〔2025〕1号)。"
        "实施地点:大孟街道、广惠街街道、青年路街道、韩寺镇、官渡镇、雁鸣湖镇、姚家镇。\n"
        "3.某新区2025年第三批衔接资金"  # (the page cut off here)
    )
    projects = parse_disclosure(text).tree["projects"]
    assert [(p["name"], p["declared_total_yuan"]) for p in projects] == [
        ("某新区2025年第一批衔接资金项目", "8485000.00"),
        ("某新区2025年第二批衔接资金项目", "23567000.00"),
        ("某新区2025年第三批衔接资金", None),
    ]


def test_headings_each_naming_a_fund_and_its_sum_and_how_it_was_spent_are_projects():
    text = (
        "某县教育体育局2020年项目建设进展顺利\n"
        "一、2020年中央校舍维修专项资金1611万建设情况\n"
        "新建或改扩建项目18个,共投入资金1611万元。截止4月底,14个项目已完工。\n"
        "二、学前教育专项资金538万元建设情况\n"
        "新建项目2个,共投入资金508万元;改扩建项目1个,投入资金30万元。"
    )
    projects = parse_disclosure(text).tree["projects"]
    assert [(p["name"], p["declared_total_yuan"]) for p in projects] == [
        ("2020年中央校舍维修专项资金", "16110000.00"),
        ("学前教育专项资金", "5380000.00"),
    ]


def test_projects_named_before_their_count_after_the_verb_giving_them_money():
    text = (
        "根据《关于下达2020年区域协调财政专项激励资金的通知》(浙财农〔2020〕56号),经研究决定,"
        "下达大际上山头游步道工程、渤海镇旦水村生态停车场及水毁工程等2个项目资金计划,"
        "共计拟补助资金253.31万元,现予以公示。"
    )
    names = [p["name"] for p in parse_disclosure(text).tree["projects"]]
    assert names == ["大际上山头游步道工程", "渤海镇旦水村生态停车场及水毁工程"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "2023年下半年脱贫户农业产业奖补项目是2023年财政专项衔接资金项目,现已实施完毕。"
            "现将项目有关情况公告如下:\n1、实施地点:某镇。\n2、资金规模:120万元。",
            "2023年下半年脱贫户农业产业奖补项目",
        ),
        (
            "为改善农牧民群众的生活,某旗持续推进达布森淖尔(X504)至查干陶勒盖自然村硬化路续建项目。"
            "该项目计划总投资2404万元。",
            "达布森淖尔(X504)至查干陶勒盖自然村硬化路续建项目",
        ),
        (
            "某镇:\n你镇申报的“2024年某区某镇苗木合作社农旅项目(268万元)”已收悉。经审核,"
            "一致认为符合产业项目相关要求。",
            "2024年某区某镇苗木合作社农旅项目",
        ),
    ],
)
def test_the_one_project_a_texts_first_sentences_name_names_it(text, name):
    (project,) = parse_disclosure(text).tree["projects"]
    assert project["name"] == name


def test_a_fund_named_after_the_verb_paying_it_is_named_without_it():
    text = (
        "某区农业农村局 某区财政局 关于兑现2021年耕地地力保护补贴资金的通知\n"
        "各镇(街道):\n"
        "按照有关文件要求,现将兑现面积及金额通知如下:\n"
        "一、兑现面积及金额\n"
        "全区共兑现面积3.2万亩,每亩补贴105元。"
    )
    (project,) = parse_disclosure(text).tree["projects"]
    assert project["name"] == "2021年耕地地力保护补贴资金"


def test_a_tables_header_run_on_after_the_notice_with_its_first_row_is_read():
    text = (
        "根据《关于印发某县水库移民项目资金扶持与使用管理实施细则的通知》(永民〔2022〕19号)文件精神,"
        "现将我县2025年水库移民后期扶持项目计划公示如下。附件:年度计划表 单位(万元) "
        "序号 | 乡镇 | 项目名称 | 建设内容 | 投资概算 | 备注 | 1 | 甲街道 | 甲村休闲长廊工程 | "
        "修建长廊一座 | 49.723 | |\n"
        "| 2 | 乙镇 | 乙村护岸工程 | 修建护岸坝 | 58.425 | |\n"
        "| 3 | 丙镇 | 丙村道路工程 | 道路硬化 | 49.699 | |"
    )
    projects = parse_disclosure(text).tree["projects"]
    assert [(p["name"], p["declared_total_yuan"], len(p["citations"])) for p in projects] == [
        ("甲村休闲长廊工程", "497230.00", 1),
        ("乙村护岸工程", "584250.00", 1),
        ("丙村道路工程", "496990.00", 1),
    ]


def test_a_budgets_project_spending_numbered_inside_one_sentence_lists_its_projects():
    text = (
        "第一部分\n某区宣传部2018年部门预算说明\n"
        "(一)基本支出:2018年年初预算数为71.09万元。\n"
        "(二)项目支出:2018年年初预算数为525.00万元,包括有关事业发展专项。其中:(1、2017年报刊订阅"
        "16.00万元;2、大美经开区50万元;3、新闻上稿补助经费10万元;4、手机报经费24万元;"
        "5、新闻媒体合作经费100万元;6、《经开区新闻》电视栏"
    )
    tree = parse_disclosure(text).tree
    assert [(p["name"], p["declared_total_yuan"]) for p in tree["projects"]] == [
        ("2017年报刊订阅", "160000.00"),
        ("大美经开区", "500000.00"),
        ("新闻上稿补助经费", "100000.00"),
        ("手机报经费", "240000.00"),
        ("新闻媒体合作经费", "1000000.00"),
    ]
    assert tree["department"]["name"] == "某区宣传部"  # (第一部分 is no part of the title)


def test_projects_a_spending_class_is_said_to_be_used_for_are_projects():
    text = (
        "二、部门预算草案编制情况\n"
        "部门支出预算919543.7万元,其中:教育7043.8万元,主要用于所属职业院校基本支出;医疗卫生"
        "908055.4万元,主要用于卫生资源布局调整贷款贴息5000万元、二级以上公立医院社会保险补贴4260万元、"
        "卫生人才培养经费1000万元等项目支出,医疗卫生机构事业支出以及本部门基本支出。"
    )
    projects = parse_disclosure(text).tree["projects"]
    assert [(p["name"], p["declared_total_yuan"]) for p in projects] == [
        ("卫生资源布局调整贷款贴息", "50000000.00"),
        ("二级以上公立医院社会保险补贴", "42600000.00"),
        ("卫生人才培养经费", "10000000.00"),
    ]


def test_works_each_told_after_its_investment_over_paragraphs_places_listed_in_a_name():
    text = (
        "今年以来,凤城市大力开展春季农建工作。其中:\n\n"
        "投资1180万元的八道河(三官—水文站)治理工程、投资1300万元的财政农发工程及投资330万元的"
        "鸡冠山镇、东汤镇、边门镇灌区渠系改造工程现已完工。\n\n"
        "投资3303万元的凤城市龙凤拦河闸除险加固工程、投资1300万元的国土高标准农田项目等工程"
        "现已完工80—90%。\n\n"
        "截至目前,凤城市已投入农建资金1.2亿元。\n"
    )
    assert names_and_totals(text) == [
        ("八道河(三官—水文站)治理工程", "11800000.00"),
        ("财政农发工程", "13000000.00"),
        ("鸡冠山镇、东汤镇、边门镇灌区渠系改造工程", "3300000.00"),
        ("凤城市龙凤拦河闸除险加固工程", "33030000.00"),
        ("国土高标准农田项目", "13000000.00"),
    ]


def test_works_run_on_after_yishi_named_after_their_whole_or_after_shishi_le():
    text = (
        "今年,我区进一步改善农村水利基础设施。一是实施了中央产粮大县奖励资金项目,总投资1381万元,"
        "新修各类混凝土防渗渠31880米。二是实施了总投资8000万元的恢河六期综合治理工程,治理河道"
        "1.3公里。三是实施总投资333万元京津风沙源二期水利项目,打井配套22眼。\n"
    )
    assert [(p.name, p.amount.value) for p in run_on_items(text.split("\n"))] == [
        ("中央产粮大县奖励资金项目", Decimal("13810000")),
        ("恢河六期综合治理工程", Decimal("80000000")),
        ("京津风沙源二期水利项目", Decimal("3330000")),
    ]


def test_a_budgets_spending_classes_are_no_projects():
    text = (
        "二、财政拨款支出预算\n"
        "(一)一般公共服务支出31807.26万元。\n"
        "1.行政运行3825.86万元,用于保障机构正常运转的支出。\n"
        "2.一般行政管理事务27981.4万元,用于开展共青团和青少年工作的支出。\n"
    )
    result = parse_disclosure(text, year=2011)
    names = [project["name"] for project in result.tree["projects"]]
    assert "行政运行" not in names and "一般行政管理事务" not in names
    # (read as one project, said so, rather than two classes unsaid)
    assert any(finding.field in ("projects", "name") for finding in result.findings)


def test_projects_a_class_of_project_spending_holds_in_brackets_making_it_up():
    text = (
        "2、公共预算拨款支出明细情况\n一是工资福利支出432.69万元;\n"
        "二是专项业务费258万元(其中包括党报党刊148万元、宣传工作经费40万元、兰洽会、文博会参展"
        "经费10万元、新华网站技术服务及维护费60万元)。\n"
    )
    assert names_and_totals(text, year=2022) == [
        ("党报党刊", "1480000.00"),
        ("宣传工作经费", "400000.00"),
        ("兰洽会、文博会参展经费", "100000.00"),
        ("新华网站技术服务及维护费", "600000.00"),
    ]
    # (only where they make it up: else they may be some of its uses, not all)
    short = text.replace("258万元", "300万元")
    assert ("党报党刊", "1480000.00") not in names_and_totals(short, year=2022)


def test_a_budgets_basic_and_project_spending_are_no_sub_items():
    text = (
        "共青团中央2013年部门预算情况说明\n"
        "共青团中央2013年支出预算57860.38万元,其中:基本支出5843.33万元,占10.10%;"
        "项目支出52017.05万元,占89.90%。\n"
    )
    result = parse_disclosure(text)
    [project] = result.tree["projects"]
    assert [sub["name"] for sub in project["sub_items"]] != ["基本支出", "项目支出"]
    assert len(project["sub_items"]) == 1
    # (the budget's whole is no project's total: left to staff, said so)
    assert project["declared_total_yuan"] is None
    assert any(f.field == "declared_total" and f.project == 1 for f in result.findings)


def test_projects_with_short_names_each_told_with_its_whole_after_qizhong():
    text = (
        "新田镇吴冲路和枫树路项目绩效运行监控报告\n"
        "项目名称吴冲路项目和新田镇枫树路项目,项目总投资157万元,其中:县级财政衔接资金39.3万元,"
        "其他资金117.7万元。其中吴冲路项目总投资87万元,新田镇枫树路项目总投资70万元。\n"
    )
    assert names_and_totals(text, year=2022) == [
        ("吴冲路项目", "870000.00"),
        ("新田镇枫树路项目", "700000.00"),
    ]


def test_a_long_item_whose_use_is_a_sentence_of_its_own_is_read():
    text = (
        "一、中央资金使用计划\n\n"
        "(一)计划安排资金21.6万元,用于脱贫家庭大学生公益岗位30人工资(半年)。\n\n"
        "(二)计划安排资金1287.144万元,用于支持乡村振兴发展。优先支持联农带农富农产业发展,"
        "支持因地制宜培育特色优势主导产业,延伸支持农产品精深加工、副产物综合利用,和以农业产业"
        "为主体的一二三产业融合发展,同时支持产业配套设施建设,支持发展到户产业项目。\n\n"
        "(三)计划安排资金16.6万元,用于项目管理费。\n"
    )
    assert names_and_totals(text, year=2025) == [
        ("脱贫家庭大学生公益岗位30人工资(半年)", "216000.00"),
        ("支持乡村振兴发展", "12871440.00"),
        ("项目管理费", "166000.00"),
    ]


def test_a_funds_main_projects_named_as_such_are_projects_in_its_place():
    text = (
        "二、财政拨款支出预算\n"
        "2.一般行政管理事务27981.4万元,用于开展共青团和青少年工作的支出。其中:\n"
        "(1)专项工作经费21962.9万元。主要项目有:大学生志愿服务西部计划14566万元,未成年人专属网站"
        "建设3700万元,以及包括“红领巾心向党”、保护母亲河行动等内容的青少年教育事业经费1360万元。\n"
        "(2)青年国际交流及与港、澳、台青少年交流经费6018.5万元。\n"
    )
    assert names_and_totals(text, year=2011) == [
        ("大学生志愿服务西部计划", "145660000.00"),
        ("未成年人专属网站建设", "37000000.00"),
        ("青少年教育事业经费", "13600000.00"),
        ("青年国际交流及与港、澳、台青少年交流经费", "60185000.00"),
    ]
    # (never more than the fund they are said to be of)
    more = text.replace("21962.9万元", "9000万元")
    assert ("大学生志愿服务西部计划", "145660000.00") not in names_and_totals(more, year=2011)


def test_a_table_without_a_name_column_is_named_by_unit_cells_that_name_projects():
    text = (
        "附件1\n2022年美丽牧场创建项目立项计划清单\n"
        "序号 | 实施单位 | 实施地点 | 实施内容及计划投资额 | 申请奖励金额(万元) | 备注 |\n"
        "1 | 金华市金东区松塘家禽养殖场项目 | 鞋塘办事处上下王村 | 创建省级美丽牧场 | 8.00 | |\n"
        "2 | 金华市金东区恒青农场项目 | 傅村镇江沿山村 | 创建省级美丽牧场 | 5.00 | 补奖。 |\n"
        "合 计 | 13.00 |\n"
    )
    assert [(p.name, p.amount.value, p.name_column) for p in read_listing(text)] == [
        ("金华市金东区松塘家禽养殖场项目", Decimal("80000"), "实施单位"),
        ("金华市金东区恒青农场项目", Decimal("50000"), "实施单位"),
    ]
    # (unit cells naming who, not a project, leave the rows named by what they do)
    plain = text.replace("养殖场项目", "养殖场").replace("农场项目", "农场")
    assert [p.name for p in read_listing(plain)] != [
        "金华市金东区松塘家禽养殖场",
        "金华市金东区恒青农场",
    ]


def test_works_each_told_after_its_investment_and_how_it_is_pushed_on():
    text = (
        "一、筑牢水安全屏障\n"
        "系统提升水旱灾害防御能力。投资1974万元,加快推进松山东闸除险加固工程建设,对闸室进行拆除"
        "重建。投资约4.2亿元,谋划实施梁济运河片区排涝工程,计划整治河道142条。投资约6亿元,积极推进"
        "三湖灌区建设工程,对4个乡镇灌区进行综合整治。\n"
    )
    assert names_and_totals(text, year=2026) == [
        ("松山东闸除险加固工程", "19740000.00"),
        ("梁济运河片区排涝工程", "420000000.00"),
        ("三湖灌区建设工程", "600000000.00"),
    ]


def test_uses_set_out_under_numbered_groups_are_the_projects_the_text_counts():
    text = (
        "我市将福利彩票公益金2,000万元,资助了48个社会福利和社会公益类项目。具体项目如下:\n"
        "一、 资助残疾人事业项目1,725万元。其中:增城市残疾人康复中心改造834万元;全市康园工疗站"
        "康复训练891万元。\n"
        "二、 资助慈善和特困救济项目275万元。其中:全市慈善超市运营210万元;市精神病院扩建57万元、"
        "脑功能治疗仪购置8万元。\n"
    )
    assert names_and_totals(text, year=2011) == [
        ("增城市残疾人康复中心改造", "8340000.00"),
        ("全市康园工疗站康复训练", "8910000.00"),
        ("全市慈善超市运营", "2100000.00"),
        ("市精神病院扩建", "570000.00"),
        ("脑功能治疗仪购置", "80000.00"),
    ]
    # (uses that do not make up their group's sum, or a text counting no more projects than
    # its groups, leave the groups as they were read)
    for changed in (text.replace("1,725万元", "1,800万元"), text.replace("48个", "2个")):
        assert ("增城市残疾人康复中心改造", "8340000.00") not in names_and_totals(
            changed, year=2011
        )


def test_projects_counted_right_before_they_are_set_out_named_without_what_is_done():
    text = (
        "今年,全市推进8个重大文旅项目。3个省重点项目分别为:乡宁县云丘山完成投资1.11亿元,"
        "翼城县河上功德山完成投资1.5亿元,翼城县乡村振兴文旅项目完成投资1.73亿元。"
        "5个其他重点项目分别为:霍州七里峪景区旅游路改造工程完成投资0.82亿元;市图书馆完成1.86亿元;"
        "侯马市文体活动中心完成0.3亿元;古县牡丹景区综合开发完成0.4亿元;曲沃县考古遗址公园做好前期"
        "准备工作。\n"
    )
    assert names_and_totals(text, year=2023) == [
        ("乡宁县云丘山", "111000000.00"),
        ("翼城县河上功德山", "150000000.00"),
        ("翼城县乡村振兴文旅项目", "173000000.00"),
        ("霍州七里峪景区旅游路改造工程", "82000000.00"),
        ("市图书馆", "186000000.00"),
        ("侯马市文体活动中心", "30000000.00"),
        ("古县牡丹景区综合开发", "40000000.00"),
    ]


@pytest.mark.parametrize("heading", ["项目名称及代码", "项目名称"])
def test_a_name_headings_value_labelled_again_under_it_is_no_second_project(heading):
    text = (
        "你单位的函收悉。现批复如下:\n"
        f"一、{heading}\n项目名称:高岚小学后山滑坡排危除险工程。\n"
        "二、项目建设单位\n兴山县自然资源和城乡建设局。\n"
        "三、投资估算及资金来源\n该项目估算总投资为449.85万元。\n"
        "兴山县发展和改革局\n2024年9月5日\n"
    )
    assert names_and_totals(text) == [("高岚小学后山滑坡排危除险工程", "4498500.00")]


def test_a_count_of_places_or_a_projects_sources_make_no_uses_the_projects():
    parts = (
        "一、甲镇道路硬化项目500万元。其中:路基工程300万元;路面工程200万元。\n"
        "二、乙镇桥梁建设项目300万元。其中:桥梁主体250万元;引道工程50万元。\n"
    )
    towns = "2024年我县共实施15个乡镇的农村道路项目,现将重点项目公示如下:\n" + parts
    assert "路基工程" not in [name for name, _ in names_and_totals(towns)]
    sources = (
        "2024年我县共实施5个农村道路项目,现将重点项目公示如下:\n"
        "一、甲镇道路硬化项目500万元。其中:中央资金300万元;县级配套200万元。\n"
        "二、乙镇桥梁建设项目300万元。其中:中央资金250万元;县级配套50万元。\n"
    )
    assert "中央资金" not in [name for name, _ in names_and_totals(sources)]
    # (a last group ending in a remark with its stop is no text cut short: its uses must
    # make up its sum)
    remark = (
        "我市资助了48个社会福利项目。具体项目如下:\n"
        "一、资助残疾人事业项目1,725万元。其中:康复中心改造834万元;康复训练891万元。\n"
        "二、资助养老项目500万元。其中:市福利院改造200万元;农村敬老院维修100万元;其余资金由"
        "各区统筹安排。\n"
    )
    assert "市福利院改造" not in [name for name, _ in names_and_totals(remark, year=2024)]


def test_a_funds_main_projects_say_the_money_they_do_not_set_out():
    text = (
        "2.一般行政管理事务27981.4万元。其中:\n"
        "(1)专项工作经费21962.9万元。主要项目有:大学生志愿服务西部计划14566万元,未成年人专属网站"
        "建设3700万元。\n(2)青年国际交流经费6018.5万元。\n"
    )
    result = parse_disclosure(text, year=2011)
    [said] = [f.message for f in result.findings if f.field == "groups"]
    assert "另有3696.9万元未列明" in said


def test_works_told_after_their_investment_in_other_paragraphs_need_a_lead_opening_the_list():
    text = (
        "2024年,我县计划实施总投资1200万元的甲水库除险加固工程、总投资800万元的乙灌区节水改造工程。\n"
        "2023年,我县已建成总投资600万元的丙河道治理工程、总投资400万元的丁泵站更新改造工程。\n"
    )
    assert names_and_totals(text) == [
        ("甲水库除险加固工程", "12000000.00"),
        ("乙灌区节水改造工程", "8000000.00"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a second works after one is no place of its name
        "投资2000万元的甲水库除险加固工程、丙村饮水工程和投资1500万元的乙灌区节水改造工程已开工。",
        # a level's share is no works' whole
        "争取中央投资2000万元的甲水库除险加固工程、争取省级投资1500万元的乙灌区节水改造工程。",
    ],
)
def test_works_after_their_investment_never_swallow_another_or_take_a_share(text):
    names = [name for name, _ in names_and_totals(text, year=2024)]
    assert not any("、丙村" in name or name.endswith("、") for name in names)
    assert ("甲水库除险加固工程", "20000000.00") not in names_and_totals(text, year=2024)


def test_a_levels_projects_with_short_names_are_no_projects_but_a_place_opening_one_is():
    levels = "省重点项目总投资120亿元,市重点项目总投资80亿元,县重点项目总投资30亿元。\n"
    assert "省重点项目" not in [name for name, _ in names_and_totals(levels, year=2024)]
    place = (
        "今年共安排资金157万元,其中本溪市河道治理工程总投资87万元,"
        "本溪县农村饮水工程总投资70万元。\n"
    )
    assert names_and_totals(place, year=2024) == [
        ("本溪市河道治理工程", "870000.00"),
        ("本溪县农村饮水工程", "700000.00"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "二是专项经费258万元(其中包括办公费148万元、差旅费40万元、会议费10万元、公用经费60万元)。",
        "项目支出258万元,主要用于:一般公共服务148万元、农林水40万元、卫生健康10万元、教育60万元。",
    ],
)
def test_a_class_of_spending_set_out_in_running_costs_or_functions_names_no_projects(text):
    names = [name for name, _ in names_and_totals(text, year=2024)]
    assert not {"办公费", "差旅费", "一般公共服务", "农林水"} & set(names)


def test_works_pushed_on_after_their_investment_are_works_never_fields_of_policy():
    text = (
        "投资约500万元,加快推进农村人居环境整治,改善村容。投资约300万元,积极推进高标准农田建设,"
        "提升产能。投资约200万元,稳步推进农村危房改造,保障住房。\n"
    )
    names = [name for name, _ in names_and_totals(text, year=2024)]
    assert "农村人居环境整治" not in names


def test_a_tables_works_and_investment_column_keeps_the_sums_of_its_rows():
    text = (
        "序号 | 实施单位 | 建设内容及投资 | 补助资金(万元) |\n"
        "1 | 甲镇人民政府 | 硬化道路2公里,投资60万元 | 50 |\n"
        "2 | 乙镇人民政府 | 修建桥梁1座,投资40万元 | 30 |\n"
    )
    # (its rows are not named by what they build and cost: the sums stay their parts')
    assert all(p.name_column != "建设内容及投资" for p in read_listing(text))
