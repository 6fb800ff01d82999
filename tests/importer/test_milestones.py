"""budget.importer.milestones: schedules (计划节点) read from the plan (七)."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from budget.importer.milestones import extract_milestones


def summary(text):
    return [
        (m.due_year, m.due_month, m.payment_mode, m.amount.text if m.amount else "")
        for m in extract_milestones(text)
    ]


def test_one_off_with_a_due_month():
    text = "健康体检费16万元是一次性付款项目，计划在2024年6月完成支出计划。用于体检。"
    (milestone,) = extract_milestones(text)
    assert summary(text) == [(2024, 6, "one_off", "16万元")]
    assert milestone.description == "健康体检费16万元是一次性付款项目，计划在2024年6月完成支出计划"
    assert milestone.amount.value == Decimal(160000)


def test_two_months_in_one_clause_give_two_milestones_the_sum_on_the_first():
    text = "慰问经费30万元是一次性付款项目，计划在2024年2月春节、10月老年节两节完成支出计划。"
    assert summary(text) == [(2024, 2, "one_off", "30万元"), (2024, 10, "one_off", "")]


def test_quarterly_takes_the_sum_of_its_own_sentence():
    text = "②看望生病住院老干部慰问金3万元。计划每季度支出0.75万元。用于看望慰问。"
    assert summary(text) == [(None, None, "quarterly", "0.75万元")]


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("计划2024年5至8月分两批组织培训", (2024, 8, "instalments", "")),
        ("2024年1月至12月，开展四期大讲堂工作", (2024, 12, "other", "")),
        ("计划在2月底前完成未支付安保服务费用15.7845万元", (None, 2, "one_off", "15.7845万元")),
        ("计划于12月份前完成", (None, 12, "other", "")),
        ("一季度召开述职会议", (None, 3, "other", "")),
        ("第四季度召开总结会", (None, 12, "other", "")),
        ("计划年初召开部署会", (None, None, "other", "")),
        ("计划年底完成", (None, 12, "other", "")),
        ("根据领导干部慰问实际情况按需支付", (None, None, "as_needed", "")),
        ("根据中心日常运行情况，据实列支", (None, None, "as_needed", "")),
        ("按照开学，老师授课的实际情况来支付", (None, None, "as_needed", "")),
        ("按月实时支付办公用品费用共计7.5万元", (None, None, "monthly", "7.5万元")),
        ("计划支付已完成的档案数字化经费7.837024万元", (None, None, "other", "7.837024万元")),
        ("于2023年8月前完成补助下拨", (2023, 8, "one_off", "")),
    ],
)
def test_single_milestones(text, due):
    assert summary(text) == [due]


def test_clauses_of_one_sentence_make_several_milestones():
    text = (
        "根据工作要求，计划按照每个党委每年党建工作经费不少于10000元，于2023年8月前完成补助下拨，"
        "每个党组织书记每月200元的岗位补贴按月发放，每名党员每年100元的培训经费拨给各党委，"
        "确保完成任务。计划年初召开部署会，一季度召开述职会议，二季度召开培训会。"
    )
    assert summary(text) == [
        (2023, 8, "one_off", ""),  # 10000元 is a standard, not the sum
        (None, None, "monthly", ""),
        (None, None, "other", ""),
        (None, None, "other", ""),
        (None, 3, "other", ""),
        (None, 6, "other", ""),
    ]


def test_a_date_joins_the_clause_that_states_how_and_clauses_with_并_join():
    text = (
        "购买档案盒800个，单价19元/个，预算15200元，购买档案盒是一次性付款项目，"
        "计划在2024年6月完成支出计划。确保于2024年12月前完成年度计划，并完成相关资金拨付。"
    )
    assert summary(text) == [(2024, 6, "one_off", "15200元"), (2024, 12, "other", "")]


def test_the_same_date_twice_is_one_milestone():
    text = "按2023年11月底完工的要求，倒排工期，确保于2023年11月前完成年度建设计划。"
    assert summary(text) == [(2023, 11, "other", "")]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "按照开学安排开展工作。",
        "用于老党员、老干部慰问金，座谈会经费。",
        "深入实施按月轮值和每周固定主题活动制度。",  # 按月 here is not paying
        "2023年1-9月31日，水费金额6321元。",  # a day, not a due month
    ],
)
def test_no_milestone(text):
    assert extract_milestones(text) == []


@given(
    st.integers(2000, 2099),
    st.integers(1, 12),
    st.sampled_from(["一次性付款项目", "一次性支付"]),
    st.integers(1, 9999),
)
def test_generated_one_off_milestones(year, month, words, wan):
    text = f"某某经费{wan}万元是{words}，计划在{year}年{month}月完成支出计划。"
    assert summary(text) == [(year, month, "one_off", f"{wan}万元")]


@given(st.integers(1, 11), st.integers(1, 12))
def test_generated_ranges_end_at_their_last_month(first, last):
    text = f"计划2024年{first}至{last}月开展培训。"
    (milestone,) = extract_milestones(text)
    assert (milestone.due_year, milestone.due_month) == (2024, last)


@given(st.text(alphabet="计划于年月日每季度按需支付一次性，。；0123456789万元", max_size=60))
def test_any_text_gives_valid_milestones(text):
    for milestone in extract_milestones(text):
        assert milestone.due_month is None or 1 <= milestone.due_month <= 12
        assert milestone.due_year is None or milestone.due_month is not None
        assert milestone.payment_mode in {
            "one_off",
            "monthly",
            "quarterly",
            "as_needed",
            "instalments",
            "other",
        }
        assert len(milestone.description) <= 300


def test_a_sum_paid_each_quarter_is_marked_and_counts_four_times_in_the_year():
    from budget.rollups import milestone_total
    from budget.tree import MilestoneData

    [quarterly] = extract_milestones("计划每季度支出0.75万元")
    assert (quarterly.payment_mode, quarterly.per_period) == ("quarterly", True)
    [monthly] = extract_milestones("按月实时支付日常宣传印刷、水电费用共计7.5万元")
    assert (monthly.payment_mode, monthly.per_period) == ("monthly", False)  # 共计: the year's
    data = MilestoneData(
        sequence=1, amount=Decimal("7500"), payment_mode="quarterly", per_period=True
    )
    assert milestone_total(data) == Decimal("30000")
    assert milestone_total(MilestoneData(sequence=1, amount=Decimal("75000"))) == Decimal("75000")


def test_one_sum_for_two_dates_stays_on_the_first_and_says_so():
    first, second = extract_milestones("计划在2024年2月春节、10月老年节开展慰问，共30万元")
    assert (first.due_month, first.dates, second.amount) == (2, 2, None)


@pytest.mark.parametrize(
    "plan",
    [
        "物业服务费按月支付7.5万元",  # how it is paid, not how much each month
        "2024年下半年每季度拨付1万元",  # two quarters, not four
    ],
)
def test_a_sum_is_not_taken_for_each_periods_where_the_text_does_not_say_so(plan):
    assert not any(m.per_period for m in extract_milestones(plan))
