"""Texts a review of the session's list and table rules wrote to break them: each read as a
person reads it, never a paid or left sum for a total, a group's row for a project, a source
for a project or a part, nor another year's or another paragraph's projects for this list's."""

from __future__ import annotations

from decimal import Decimal

from budget.importer import parse_disclosure
from budget.importer.lines import rate_lines
from budget.importer.listing import read_listing
from tests.importer.helpers import names_and_totals

PAID_COLUMN = (
    "某县2023年衔接推进乡村振兴补助资金使用情况公示\n"
    "序号 | 项目名称 | 实施单位 | 下达资金(万元) | 累计支出总额(万元) | 结余资金(万元) |\n"
    "1 | 甲村通组路硬化项目 | 甲镇 | 120 | 100 | 20 |\n"
    "2 | 乙村通组路硬化项目 | 乙镇 | 80 | 75 | 5 |\n"
    "3 | 丙村桥梁项目 | 丙镇 | 60 | 60 | 0 |\n"
)

GROUP_ROWS = (
    "某县2024年衔接推进乡村振兴补助资金项目计划表\n"
    "序号 | 项目名称 | 实施单位 | 资金(万元) |\n"
    "基础设施类 | 30 |\n"
    "1 | 甲村通组路硬化项目 | 甲镇 | 20 |\n"
    "2 | 乙村安全饮水巩固提升工程 | 乙镇 | 10 |\n"
    "产业发展类 | 50 |\n"
    "3 | 丙村茶园提质增效项目 | 丙镇 | 30 |\n"
    "4 | 丁村中蜂养殖项目 | 丁镇 | 20 |\n"
)

RATES_FIRST = (
    "某县2024年民生资金安排情况\n"
    "县财政安排资金用于以下方面:\n"
    "1、农村低保对象每人每月300元,全年安排216万元;\n"
    "2、特困供养人员每人每月600元,全年安排144万元;\n"
    "3、临时救助每户每次1000元,全年安排50万元。\n"
)

RATES_FIRST_WITH_PARTS = (
    "县财政安排资金用于以下方面:\n"
    "①退耕还林补助每亩每年补助300元,计120万元;\n"
    "②公益林管护按每亩10元计40万元;\n"
    "③森林抚育每亩补助200元,共计60万元,其中中央资金40万元。\n"
)

PLANNED_COMPLETION = (
    "某县2024年重点项目资金安排情况\n"
    "经研究,现将资金安排如下:\n"
    "1.甲镇污水处理厂建设项目,年度计划完成投资300万元,主要建设污水管网5公里。\n"
    "2.乙镇农贸市场改造工程,年度计划完成投资150万元,主要改造市场大棚。\n"
    "3.丙村道路硬化项目,年度计划完成投资80万元,硬化道路3公里。\n"
)

REMAINDER_GIVEN = (
    "拟提出资金分配意见如下。\n"
    "1.将资金400万元分配用于朔州市污染协同防控研究项目。\n"
    "2.将资金140万元分配用于朔州市提升VOCs现场执法监测能力项目。\n"
    "3.将剩余资金260万元分配用于购置大气污染源自动监测设备。\n"
)

RAISED_AND_USED = (
    "某县2023年衔接推进乡村振兴补助资金项目安排情况\n"
    "一、资金下达情况\n"
    "2023年共下达衔接资金500万元。\n"
    "二、资金筹措及使用\n"
    "1、甲村道路硬化工程,安排资金200万元;\n"
    "2、乙村安全饮水巩固提升工程,安排资金180万元;\n"
    "3、丙村产业园建设项目,安排资金120万元。\n"
)

FUNDS_GIVEN_AND_LEFT = (
    "关于结余资金调整的公示\n"
    "审计结余资金87.68万元,分别为:2024年中央财政衔接推进乡村振兴补助资金下达资金400万元,结余资金69.76万元;2024年省级财政衔接推进乡村振兴补助资金下达资金197.92万元,结余资金10.16万元;2024年县级本级财政衔接资金下达资金50万元,结余资金7.76万元。\n"
)

PAID_AFTER_THE_PLAN = (
    "某县2022年新增债券资金使用情况\n"
    "2022年新增债务限额0.3亿元,安排用于城乡基础设施建设0.3亿元,其中:桃源北路道路工程新建项目0.2亿元;魁星道路及配套工程新建项目0.1亿元。\n"
    "截至2022年底,已支出债券资金0.25亿元,其中:桃源北路道路工程新建项目0.18亿元;魁星道路及配套工程新建项目0.07亿元。\n"
)

NEXT_YEARS_PLAN = (
    "某县2022年新增债券资金使用情况\n"
    "2022年新增债务限额0.3亿元,安排用于城乡基础设施建设0.3亿元,其中:桃源北路道路工程新建项目0.2亿元;魁星道路及配套工程新建项目0.1亿元。\n"
    "2023年计划安排债券资金0.5亿元,其中:二中教学综合楼新建项目0.3亿元;仰贤实验小学改扩建项目0.2亿元。\n"
)

SPENT_AND_LEFT = (
    "某县2023年渔业发展补助资金完成情况的公示\n"
    "1. 南美白虾工厂化养殖示范项目,新建养殖车间2000平方米,项目建设资金120万元,"
    "完成总投资118万元,结余资金2万元。\n"
    "2. 海水鱼类良种繁育项目,购置设备,项目建设资金80万元,完成总投资80万元。\n"
)


def test_a_paid_columns_total_is_no_rows_money():
    assert names_and_totals(PAID_COLUMN, year=2023) == [
        ("甲村通组路硬化项目", "1200000.00"),
        ("乙村通组路硬化项目", "800000.00"),
        ("丙村桥梁项目", "600000.00"),
    ]


def test_a_groups_row_is_no_row_merged_down():
    assert [name for name, _ in names_and_totals(GROUP_ROWS, year=2024)] == [
        "甲村通组路硬化项目",
        "乙村安全饮水巩固提升工程",
        "丙村茶园提质增效项目",
        "丁村中蜂养殖项目",
    ]


def test_items_priced_first_are_named_before_their_rate_and_keep_their_parts():
    assert [(p.name, p.amount.value) for p in read_listing(RATES_FIRST)] == [
        ("农村低保对象", Decimal("2160000")),
        ("特困供养人员", Decimal("1440000")),
        ("临时救助", Decimal("500000")),
    ]
    assert [(p.name, p.amount.value) for p in read_listing(RATES_FIRST_WITH_PARTS)] == [
        ("退耕还林补助", Decimal("1200000")),
        ("公益林管护", Decimal("400000")),
        ("森林抚育", Decimal("600000")),
    ]


def test_a_planned_completion_is_a_total_and_what_is_left_given_to_a_use_a_project():
    assert names_and_totals(PLANNED_COMPLETION, year=2024) == [
        ("甲镇污水处理厂建设项目", "3000000.00"),
        ("乙镇农贸市场改造工程", "1500000.00"),
        ("丙村道路硬化项目", "800000.00"),
    ]
    assert [total for _, total in names_and_totals(REMAINDER_GIVEN, year=2021)] == [
        "4000000.00",
        "1400000.00",
        "2600000.00",
    ]


def test_a_heading_of_money_raised_and_used_heads_projects():
    assert len(names_and_totals(RAISED_AND_USED, year=2023)) == 3


def test_funds_given_and_left_are_no_projects():
    names = [name for name, _ in names_and_totals(FUNDS_GIVEN_AND_LEFT, year=2024)]
    assert not any(name.endswith("补助资金") for name in names)


def test_groups_after_qizhong_stop_at_what_was_paid_and_at_another_years_plan():
    for text in (PAID_AFTER_THE_PLAN, NEXT_YEARS_PLAN):
        assert names_and_totals(text, year=2022) == [
            ("桃源北路道路工程新建项目", "20000000.00"),
            ("魁星道路及配套工程新建项目", "10000000.00"),
        ]


def test_what_was_spent_and_what_is_left_are_no_sub_items():
    projects = parse_disclosure(SPENT_AND_LEFT, year=2023).tree["projects"]
    assert [[s["name"] for s in p["sub_items"]] for p in projects] == [
        ["南美白虾工厂化养殖示范项目"],
        ["海水鱼类良种繁育项目"],
    ]


def test_a_count_of_what_holds_the_things_priced_or_of_others_than_those_paid_prices_nothing():
    assert rate_lines("全市12个县区所辖贫困村,每村安排10万元。", "content") == []
    text = "全县共有20家企业申报,经审核,符合条件的企业,各奖励30万元。"
    assert rate_lines(text, "content") == []
    assert rate_lines("奖励5家企业和3个合作社,各奖励10万元,共计80万元。", "content") == []
