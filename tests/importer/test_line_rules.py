"""budget.importer.lines: the rules that read what a person would read into a line item.

每个月…一次 → 12次, a price by the month → 12月, names listed with 、 counted for a price
每个X, 经费8万 in 万元, a sum paid into an account named by it, a sum whose clause only
says it costs named by what its sentence pays for, and the words that label each factor.
"""

import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from budget.amounts import find_amounts
from budget.importer.lines import (
    bare_wan_amounts,
    collapse_enumeration,
    destination_name,
    enumeration_before,
    extract_lines,
    unit_label,
    words_for,
)


def factors(line):
    return [(format(v.normalize(), "f"), u, label) for v, u, label in line.factors]


# --- implied counts ----------------------------------------------------------------------------


def test_once_a_month_is_twelve_times():
    text = "①现场会工作经费，每个月要召开一次全市现场会，按照每次现场会2万元预算，共需24万元。"
    (line,) = extract_lines(text, "content").lines
    assert line.formula == "12次×2万元"
    assert factors(line) == [("12", "次", "全年次数"), ("2", "万元", "每次现场会")]


@pytest.mark.parametrize(
    ("phrase", "times", "total"),
    [
        ("每月召开一次", 12, "2.4万元"),
        ("每月召开2次", 24, "4.8万元"),
        ("每季度召开一次", 4, "0.8万元"),
        ("每季召开两次", 8, "1.6万元"),
    ],
)
def test_times_per_period(phrase, times, total):
    text = f"{phrase}会议，按照每次2000元，共需{total}。"
    (line,) = extract_lines(text, "content").lines
    assert line.formula == f"{times}次×2000元"


def test_once_a_month_is_not_forced_on_a_sum_it_does_not_make():
    text = "每个月要召开一次现场会，按照每次现场会2万元预算，共需30万元。"
    (line,) = extract_lines(text, "content").lines
    assert (line.amount.text, line.formula) == ("30万元", "")


def test_a_monthly_price_implies_twelve_months_and_one_person_is_a_factor():
    text = "①工作补贴0.84万元。书记1人，每月每人300元，计3600元；支委2人，每人每月200元，计4800元。"
    (line,) = extract_lines(text, "content").lines
    assert [(c.name, c.formula) for c in line.children] == [
        ("书记", "1人×300元×12月"),
        ("支委", "2人×200元×12月"),
    ]
    assert factors(line.children[0])[2] == ("12", "月", "全年月数")


def test_a_month_count_written_is_not_doubled():
    text = "党组织书记95名，每人每月200元，12月，共计22.8万元。"
    (line,) = extract_lines(text, "content").lines
    assert line.formula == "95名×200元×12月"


# --- enumerations ------------------------------------------------------------------------------


def test_names_listed_one_by_one_are_the_count():
    text = (
        "①凤麓街道拥晖社区、仪凤社区、揽秀社区、澄波社区、鼎新社区、溪泉社区服务群众专项经费补助，"
        "用于补助社区党组织开展的各项服务群众活动支出，每个社区10万元，共计60万元。"
    )
    (line,) = extract_lines(text, "content").lines
    assert line.name == "社区服务群众专项经费补助"
    assert line.formula == "6个×10万元"
    assert factors(line)[0] == (
        "6",
        "个",
        "凤麓街道拥晖社区、仪凤社区、揽秀社区、澄波社区、鼎新社区、溪泉社区",
    )


def test_a_listing_of_other_things_is_not_counted():
    text = "对场租费、材料费、租车费进行补助，每个社区10万元，共计60万元。"
    (line,) = extract_lines(text, "content").lines
    assert line.formula == ""


@given(st.integers(2, 12), st.integers(1, 50))
def test_generated_enumerations(n, wan):
    names = "、".join(f"第{chr(0x4E00 + 0x100 + i)}村" for i in range(n))
    text = f"{names}道路维修，每个村{wan}万元，共计{n * wan}万元。"
    (line,) = extract_lines(text, "content").lines
    assert line.formula == f"{n}个×{wan}万元"


def test_enumeration_before_finds_the_last_list_of_the_noun():
    text = "甲村、乙村开会；丙社区、丁社区、戊社区服务"
    assert enumeration_before(text, "社区").group() == "丙社区、丁社区、戊社区"
    assert enumeration_before(text, "街道") is None
    assert enumeration_before(text, "") is None


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("拥晖社区、仪凤社区、溪泉社区服务群众专项经费补助", "社区服务群众专项经费补助"),
        ("场租费、材料费", "场租费、材料费"),  # two items: kept
        ("甲村、乙镇、丙社区服务经费", "甲村、乙镇、丙社区服务经费"),  # nothing shared
        ("甲社区、乙社区、丙社区", "甲社区、乙社区、丙社区"),  # nothing after the list
        ("慰问金", "慰问金"),
    ],
)
def test_collapse_enumeration(name, expected):
    assert collapse_enumeration(name) == expected


# --- 万 without 元 --------------------------------------------------------------------------------


def test_wan_after_a_word_for_money_is_a_sum_kept_as_written():
    text = "引进人才关爱工作经费8万，计划于12月份前完成。人才队伍调研专项资金2.5万。"
    assert [(a.text, a.value, a.unit) for a in bare_wan_amounts(text)] == [
        ("8万", Decimal(80000), "万元"),
        ("2.5万", Decimal(25000), "万元"),
    ]
    lines = extract_lines(text, "plan").lines
    assert [(line.name, line.amount.text) for line in lines] == [
        ("引进人才关爱工作经费", "8万"),
        ("人才队伍调研专项资金", "2.5万"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "服务群众2万人",
        "共补助74.28万，其中玉溪市财政下达的26万",
        "经费8万元",
        "资金8万人次",
        "经费12万3",
    ],
)
def test_wan_is_not_a_bare_sum_elsewhere(text):
    taken = {(a.start, a.end) for a in find_amounts(text)}
    assert [a for a in bare_wan_amounts(text) if (a.start, a.end) not in taken] == []


@given(st.decimals(min_value="0.01", max_value="99999", places=2))
def test_generated_bare_wan(value):
    written = format(value.normalize(), "f")
    (amount,) = bare_wan_amounts(f"工作经费{written}万，按月支付。")
    assert amount.value == value * 10000
    assert amount.text == f"{written}万"


# --- names -------------------------------------------------------------------------------------


def test_a_sum_paid_into_an_account_is_named_by_it():
    text = "澄江市级财政每年划拨60万元到党员关爱基金账户，用于全市开展党员关爱行动。"
    (line,) = extract_lines(text, "content").lines
    assert line.name == "党员关爱基金"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("每年划拨60万元到党员关爱基金账户。", "党员关爱基金"),
        ("拨付20万元至乡村振兴专户，", "乡村振兴"),
        ("拨付20万元给各村，", "各村"),
        ("共需60万元到位。", ""),  # not a transfer
        ("每年划拨60万元，", ""),  # no destination
    ],
)
def test_destination_name(text, name):
    (amount,) = find_amounts(text)
    assert destination_name(text, amount) == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("引进10名高层次教育人才，引进费用95万元，该经费据实补助。", "引进10名高层次教育人才"),
        (
            "开展专家座谈会，举办市情研修班，组织全市47名专家体检，共计需要5万元，计划于10月完成。",
            "开展专家座谈会，举办市情研修班，组织全市47名专家体检",
        ),
        (
            "2023年引进2人，引进人员租房补贴按照每人最高不超过1.2万元，共计发放2.4万元。",
            "引进人员租房补贴",
        ),
        ("引进“假日专家”所需费用50万元，该经费据实补助。", "引进“假日专家”所需费用"),
    ],
)
def test_a_sum_whose_clause_only_says_it_costs_is_named_by_what_it_pays_for(text, name):
    (line,) = extract_lines(text, "plan").lines
    assert line.name == name


# --- labels ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "number", "price", "label"),
    [
        ("按照在职村组干部1563名，", "1563名", False, "在职村组干部"),
        ("其中：每人每节慰问金500元，", "500元", True, "每人每节慰问金"),
        ("按照每人每年260元的标准购买", "260元", True, "每人每年"),
        ("引进人员租房补贴按照每人最高不超过1.2万元", "1.2万元", True, "每人最高"),
        ("41个行政村（含村改社区），", "41个", False, "行政村（含村改社区）"),
        ("计划实施20个民生微实事项目，", "20个", False, "民生微实事项目"),
        ("对处级老干部（含副处）200余人进行慰问", "200余人", False, "处级老干部（含副处）"),
        ("计划购买800个，", "800个", False, "个数"),
        ("2000元×4人", "4人", False, "人数"),
        ("（60人×100元×2天）", "100元", True, "单价"),
    ],
)
def test_words_for_a_number(text, number, price, label):
    start = text.index(number)
    unit = number.lstrip("0123456789.余").removesuffix("余") or ""
    assert words_for(text, start, start + len(number), price=price, unit=unit) == label


@pytest.mark.parametrize(
    ("unit", "price", "label"),
    [
        ("人", False, "人数"),
        ("天", False, "天数"),
        ("辆", False, "车辆数"),
        ("元", True, "单价"),
        ("元/个", False, "单价"),
        ("万元", False, "金额"),
        ("株", False, "数量"),
    ],
)
def test_unit_label(unit, price, label):
    assert unit_label(unit, price=price) == label


@given(
    st.integers(2, 999),
    st.integers(1, 9999),
    st.sampled_from(["参训人员", "在职村组干部", "困难党员"]),
)
def test_generated_factors_have_labels_from_the_text(count, price, who):
    text = f"按照{who}{count}名，按照每人{price}元的标准，共需支付补助{count * price}元。"
    (line,) = extract_lines(text, "content").lines
    assert factors(line) == [(str(count), "名", who), (str(price), "元", "每人")]


@pytest.mark.parametrize(
    ("text", "unit", "price", "label"),
    [
        ("餐费180人×50元", "人", False, "人数"),  # a sum of money never names a count
        ("在春节前推荐30人，每人1000元", "人", False, "人数"),  # what is done, not who
        ("购买800个档案盒", "个", False, "档案盒"),  # the thing bought, not the buying
        ("每年在全市范围内遴选5个", "个", False, "个数"),
        ("按照在职村组干部1563名", "名", False, "在职村组干部"),  # 在职 is not an action
        (
            "组织部机关三支部（退休党支部）党员9人",
            "人",
            False,
            "组织部机关三支部（退休党支部）党员",
        ),
        ("每人每节慰问金500元", "元", True, "每人每节慰问金"),  # a price may be named by money
    ],
)
def test_labels_say_what_is_counted_or_priced(text, unit, price, label):
    from budget.importer.lines import words_for

    number = re.search(r"[0-9]+" + re.escape(unit), text)
    assert words_for(text, number.start(), number.end(), price=price, unit=unit) == label
