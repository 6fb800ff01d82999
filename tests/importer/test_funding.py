"""budget.importer.funding.parse_funding: 六's declared total and its split by source."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from budget.importer.funding import parse_funding


def read(text):
    total, sources = parse_funding(text)
    return (
        None if total is None else total.value,
        [(name, amount.value) for name, amount in sources],
    )


@pytest.mark.parametrize(
    ("text", "total", "sources"),
    [
        ("干部教育培训专项资金安排150万元。", 1_500_000, []),
        ("合计 79.35 万元", 793_500, []),
        ("合计：30.26万元", 302_600, []),
        ("115.2万元", 1_152_000, []),
        ("本项目申请资金3,516,344元。", 3_516_344, []),
        (
            "项目总预算150万元，其中：市级财政80万元，区级财政60万元，自筹10万元。",
            1_500_000,
            [("市级财政", 800_000), ("区级财政", 600_000), ("自筹", 100_000)],
        ),
        (
            "项目资金总额159万元，其中：中央补助资金95万元、省级补助资金40万元、县级配套资金24万元。",
            1_590_000,
            [("中央补助资金", 950_000), ("省级补助资金", 400_000), ("县级配套资金", 240_000)],
        ),
        (
            "资金来源：市级财政安排30万元，区级财政安排20万元，合计50万元。",
            500_000,
            [("市级财政", 300_000), ("区级财政", 200_000)],
        ),
        ("单位：万元\n项目总额 150", 1_500_000, []),
        ("项目名称\t金额（万元）\n干部培训\t50\n老干部\t100\n合计\t150", 1_500_000, []),
    ],
)
def test_totals_and_sources(text, total, sources):
    assert read(text) == (Decimal(total), [(name, Decimal(value)) for name, value in sources])


def test_no_amount_no_total():
    assert read("按实际情况据实列支。") == (None, [])


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["市级财政", "区级财政", "自筹", "上级补助"]), st.integers(1, 9999)
        ),
        min_size=1,
        max_size=4,
    )
)
def test_generated_splits_are_read_back(parts):
    total = sum(value for _name, value in parts)
    text = f"项目总预算{total}万元，其中：" + "，".join(f"{n}{v}万元" for n, v in parts) + "。"
    assert read(text) == (
        Decimal(total * 10_000),
        [(name, Decimal(value * 10_000)) for name, value in parts],
    )


@pytest.mark.parametrize(
    ("text", "total"),
    [
        (
            "补助标准为每个村不低于100万元,其中,中央财政资金30万元,省级财政资金50万元,"
            "不足部分由市县财政补助,共计划投入各级财政资金600万元。",
            Decimal("6000000"),
        ),
        ("每户补助1万元,其中,中央财政资金0.6万元。", None),
    ],
)
def test_a_rate_is_never_a_projects_total(text, total):
    found, _sources = parse_funding(text)
    assert (found.value if found else None) == total


@pytest.mark.parametrize("text", ["每户补助1万元", "按每户1万元标准补助"])
def test_a_section_holding_only_a_rate_states_no_total(text):
    assert parse_funding(text) == (None, [])


def test_a_part_given_by_a_partner_is_not_the_whole():
    total, _sources = parse_funding(
        "其中：中央财政资金30万元，省级财政资金20万元，共建单位出资10万元。"
    )
    assert total is None


def test_the_total_before_qizhong_is_the_one_said_to_be_the_whole():
    total, _sources = parse_funding(
        "该项目预算总投资1350万元,中央财政资金1200万元,县级配套150万元。"
        "其中:工程施工费1248.88万元,其他费用101.13万元。"
    )
    assert total.value == Decimal("13500000")


def test_of_several_bare_figures_under_a_money_heading_none_is_taken_for_the_total():
    # A table's cells: 15 and 8 are 公里, 914.95 the 总投资(万元): which is money is not known.
    assert parse_funding("资金\n清淤渠道(公里)\n总投资(万元)\n15\n8\n914.95\n") == (None, [])
    total, _ = parse_funding("资金(万元)\n合计\n914.95\n")
    assert total.value == Decimal("9149500")


@pytest.mark.parametrize(
    ("text", "total"),
    [
        # Sums that do not add up, none said to be the whole: no total (left to staff).
        (
            "1、中央财政衔接资金39.23万元。\n2、市级财政衔接资金39.5万元。\n3、区本级财政衔接资金2105.4万元。",
            None,
        ),
        # The one the others add up to, first or last, is the total.
        ("中央资金30万元,省级资金50万元,合计80万元", 800_000),
        ("计划投资1000万元,国投500万元。", 10_000_000),
        # The one sum after 资金, said twice, beside a household's average (户均…829元).
        ("奖补资金187.63239万元。\n奖补资金187.63239万元,户均奖补资金829元以上。", 1_876_323.9),
    ],
)
def test_of_several_sums_only_the_whole_is_the_total(text, total):
    assert read(text)[0] == (None if total is None else Decimal(str(total)))


def test_a_first_sum_the_others_add_up_to_is_the_whole_though_a_source_says_资金():
    total, sources = parse_funding(
        "398万元,资金来源申请以工代赈中央投资370万元,地方配套资金28万元。"
    )
    assert total.value == Decimal("3980000")
    assert [(name, amount.value) for name, amount in sources] == [
        ("以工代赈中央投资", Decimal("3700000")),
        ("地方配套资金", Decimal("280000")),
    ]
    # Two sums, one after 资金, add up to nothing: the one said after 资金 stays the total.
    total, _ = parse_funding("项目资金50万元,已拨付20万元。")
    assert total.value == Decimal("500000")
