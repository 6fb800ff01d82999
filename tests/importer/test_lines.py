"""budget.importer.lines: line items in the shapes of DESIGN §2 and others."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from budget.amounts import find_amounts
from budget.importer import parse_disclosure
from budget.importer.lines import (
    breakdown,
    counts_stated,
    extract_lines,
    lines_by_the_one_count,
    lines_paired_in_order,
    lines_priced_by_sums,
    one_line_a_sum,
    place_shares,
    rate_lines,
    share_lines,
    sums_as_parts,
)


def summary(line):
    return (
        line.marker,
        line.name,
        line.amount.text if line.amount else None,
        line.formula,
        [child_summary(child) for child in line.children],
    )


def child_summary(line):
    return (line.name, line.amount.text, line.formula)


def test_amount_then_factors_in_brackets_and_a_lump_sum():
    text = (
        "①退休适应性培训费3万元。计划培训60人。自助餐费1.2万元（60人×100元×2天）；"
        "讲课费0.8万元（2000元×4人）；场租费、材料费0.8万元。三项合计经费3万元。"
    )
    (line,) = extract_lines(text, "content").lines
    assert summary(line) == (
        "①",
        "退休适应性培训费",
        "3万元",
        "",
        [
            ("自助餐费", "1.2万元", "60人×100元×2天"),
            ("讲课费", "0.8万元", "2000元×4人"),
            ("场租费、材料费", "0.8万元", ""),
        ],
    )


def test_factors_in_prose_with_a_count_stated_earlier():
    text = (
        "①慰问经费30万元。对200余人进行慰问，其中：每人每节慰问金500元，两节计20万元；"
        "餐费180人，每人50元，两节1.8万元；会场使用费两节2.2万元；两节四项合计经费30万元。"
    )
    (line,) = extract_lines(text, "content").lines
    assert [child_summary(c) for c in line.children] == [
        ("慰问金", "20万元", "200人×500元×2节"),
        ("餐费", "1.8万元", "180人×50元×2节"),
        ("会场使用费", "2.2万元", ""),
    ]


def test_unbalanced_bracket_with_a_repeated_total():
    text = (
        "①需要市级财政经费51.67万元，其中：党委工作补助经费3万元（6个×5000元/年＝3万元），"
        "党组织书记岗位补贴22.8万元（95名×200元/月×12月=22.8万元，"
        "党员教育培训补助经费6.37万元（1274人×50元/年＝6.37万元），合计51.67万元。"
    )
    (line,) = extract_lines(text, "content").lines
    assert line.name == "市级财政经费"
    assert [child_summary(c) for c in line.children] == [
        ("党委工作补助经费", "3万元", "6个×5000元/年"),
        ("党组织书记岗位补贴", "22.8万元", "95名×200元/月×12月"),
        ("党员教育培训补助经费", "6.37万元", "1274人×50元/年"),
    ]


def test_amount_in_yuan_after_a_standard_and_a_count():
    text = (
        "按照在职村组干部1563名，按照每人每年260元的标准购买，"
        "共需支付村组干部意外伤害保险费用406380元。"
    )
    result = extract_lines(text, "content")
    (line,) = result.lines
    assert (line.name, line.amount.value, line.formula) == (
        "村组干部意外伤害保险费用",
        Decimal(406380),
        "1563名×260元",
    )
    assert [(v, u) for v, u, _ in line.factors] == [(Decimal(1563), "名"), (Decimal(260), "元")]
    assert result.declared.value == Decimal(406380)


def test_unit_price_per_item():
    text = (
        "①计划支付已完成的档案数字化经费7.837024万元；②为做好档案工作，"
        "需购买专用的干部人事档案盒，计划购买800个，单价19元/个，预算15200元。"
    )
    first, line = extract_lines(text, "plan").lines
    assert (first.marker, first.name) == ("①", "已完成的档案数字化经费")
    assert (line.name, line.amount.text, line.formula, line.source) == (
        "专用的干部人事档案盒",
        "15200元",
        "800个×19元/个",
        "plan",
    )


def test_amount_below_the_fen_is_kept_as_written():
    text = (
        "保洁服务费用是一次性付款项目，计划在6月底前完成未支付2021、2022年"
        "保洁服务费用21.4450元支出。"
    )
    (line,) = extract_lines(text, "plan").lines
    assert (line.name, line.amount.text, line.amount.value) == (
        "保洁服务费用",
        "21.4450元",
        Decimal("21.4450"),
    )


def test_quoted_standards_and_counts_without_money_are_not_lines():
    text = "“离退休干部党支部工作经费每年不少于3000元”。2023年1-9月，共7428名党员。"
    assert extract_lines(text, "content").lines == []


def test_a_product_that_does_not_match_gives_no_formula():
    text = "县内住院标准每人200元，县外住院标准每人300元，需经费3万元。"
    (line,) = extract_lines(text, "content").lines
    assert (line.amount.text, line.formula) == ("3万元", "")


@given(
    st.integers(1, 999),
    st.integers(1, 99_999),
    st.sampled_from(["人", "名", "个", "台", "次"]),
    st.sampled_from(["培训费", "购置费", "补助资金"]),
)
def test_generated_prose_calculations_are_found(count, price, unit, name):
    total = count * price
    text = f"计划{count}{unit}，每{unit}{price}元，需{name}{total}元。"
    (line,) = extract_lines(text, "content").lines
    assert line.amount.value == total
    assert line.name == name
    if count == 1:
        return  # 1×price: the count cannot be told from the price
    assert [(v, u) for v, u, _ in line.factors] == [(Decimal(count), unit), (Decimal(price), "元")]


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["餐费", "租车费", "讲课费"]), st.integers(1, 500), st.integers(1, 5000)
        ),
        min_size=1,
        max_size=5,
    )
)
def test_generated_bracket_formulas_become_children(items):
    parts = [f"{name}{n * p}元（{n}人×{p}元）" for name, n, p in items]
    text = "①培训经费10元。" + "；".join(parts) + "。"
    (line,) = extract_lines(text, "content").lines
    assert [(c.name, c.amount.value, c.formula) for c in line.children] == [
        (name, Decimal(n * p), f"{n}人×{p}元") for name, n, p in items if n * p != 10
    ]


def test_one_part_after_qizhong_is_a_part_not_the_whole():
    text = "①2023年共7428名农村党员，共补助74.28万元，其中玉溪市财政下达的26万元。"
    (line,) = extract_lines(text, "content").lines
    assert line.amount.text == "74.28万元"
    assert [child_summary(child) for child in line.children] == [("玉溪市财政下达", "26万元", "")]
    assert line.partial


def test_several_parts_after_qizhong_stay_a_breakdown():
    """Parts that fall short may hold one the reading missed: the checks flag them, so the
    line is not made a part to hide it."""
    for text in (
        "①培训经费5万元，其中：餐费2万元，场租1万元。",
        "①慰问经费30万元。其中：每人每节慰问金500元，两节计20万元；活动经费补助6万元。",
    ):
        (line,) = extract_lines(text, "content").lines
        assert line.children and not line.partial, text


def test_a_part_equal_to_the_whole_is_its_breakdown():
    (line,) = extract_lines("①培训经费5万元，其中市级财政5万元。", "content").lines
    assert not line.partial


def _factors(line):
    return [(value, unit) for value, unit, _label in line.factors]


def test_a_count_and_a_rate_for_it_without_a_sum_are_a_line_without_an_amount():
    text = "其中,2019年种植3060亩,每亩补贴资金500元;2020年计划种植5000亩,每亩补贴资金1000元。"
    lines = extract_lines(text, "content").lines
    assert [(_factors(line), line.amount) for line in lines] == [
        ([(Decimal("3060"), "亩"), (Decimal("500"), "元")], None),
        ([(Decimal("5000"), "亩"), (Decimal("1000"), "元")], None),
    ]
    assert lines[0].formula == "3060亩×500元"


def test_two_rates_for_one_counted_noun_share_the_count():
    text = "主要用于送戏进万村,按照明年的任务70个行政村,每村4400元,市级需配套704元/村。"
    lines = extract_lines(text, "content").lines
    assert [_factors(line) for line in lines] == [
        [(Decimal("70"), "个"), (Decimal("4400"), "元")],
        [(Decimal("70"), "个"), (Decimal("704"), "元")],
    ]
    assert lines[0].factors[0][2] == "行政村"  # what is counted
    assert lines[1].name == "市级需配套"


@pytest.mark.parametrize(
    "text",
    [
        "每人每月补助200元。",  # a rate by the month with nothing counted
        "带动当地20名群众务工,每亩收益500元。",  # the count is of people, the rate per 亩
        # two counts of its noun after the rate: which one it prices is not said
        "每亩补贴资金500元,种植3060亩,辐射带动5000亩。",
    ],
)
def test_a_rate_without_its_own_count_is_no_calculation(text):
    assert extract_lines(text, "content").lines == []


@given(
    count=st.integers(min_value=1, max_value=99_999),
    rate=st.integers(min_value=1, max_value=99_999),
    unit=st.sampled_from(["亩", "户", "个", "人"]),
)
def test_any_count_and_rate_are_read_as_written_and_no_amount_is_made_up(count, rate, unit):
    lines = extract_lines(f"计划完成{count}{unit},每{unit}补助{rate}元。", "content").lines
    assert [(_factors(line), line.amount) for line in lines] == [
        ([(Decimal(count), unit), (Decimal(rate), "元")], None)
    ]


@pytest.mark.parametrize(
    "text",
    ["共有学员60人，每人每天100元，培训3天。", "支委2人，每人每月200元。"],
)
def test_a_rate_with_a_period_is_more_than_a_count_and_a_rate(text):
    assert extract_lines(text, "content").lines == []


def test_dates_and_days_on_show_are_no_periods_of_a_rate():
    # A report's dates (4月20日, 4月23-31日) and the days its list is on show (公示7天) count no
    # months or days of what is paid: the count and rate after them are the calculation.
    text = (
        "申报面积为1730.5亩,2024年4月20日进行现场验收,并经4月23-31日在镇、村公示7天,"
        "现场验收合格面积为1553亩,每亩补贴150元,需要补贴资金232950元,特此报告。"
    )
    [line] = rate_lines(text, "content")
    assert (_factors(line), line.amount.value) == (
        [(Decimal("1553"), "亩"), (Decimal("150"), "元")],
        Decimal("232950"),
    )


def test_a_rate_in_wan_yuan_with_its_subtotal_is_a_line_with_that_amount():
    text = (
        "由县财政每年安排专项资金80万元,其中:家庭农场12家,每家扶持资金2万元,小计24万元;"
        "农民合作社4家,每家扶持资金3万元,小计12万元;工作经费4万元;"
    )
    lines = rate_lines(text, "content")
    assert [(_factors(line), line.amount.value, line.name) for line in lines] == [
        ([(Decimal("12"), "家"), (Decimal("2"), "万元")], Decimal("240000"), "家庭农场扶持资金"),
        ([(Decimal("4"), "家"), (Decimal("3"), "万元")], Decimal("120000"), "农民合作社扶持资金"),
    ]
    assert lines[0].formula == "12家×2万元"


def test_a_rates_sum_may_be_named_after_its_total_word():
    text = (
        "其中中央财政森林抚育资金兑现4683.9亩,补贴标准为20元/亩,共计兑现金额93678元;"
        "自治区财政成果巩固补助资金兑现4683.9亩,补贴标准为20元/亩,共计兑现金额93678元。"
    )
    lines = rate_lines(text, "content")
    assert [(_factors(line), line.amount.value) for line in lines] == [
        ([(Decimal("4683.9"), "亩"), (Decimal("20"), "元")], Decimal("93678")),
    ] * 2
    # a sum named after its total word that is not the product is not this rate's
    (line,) = rate_lines("全村养殖户120户,每户补助1000元,合计发放资金15万元(含工作经费3万元)", "c")
    assert line.amount is None
    # a sum some words further on is no longer the rate's own
    (line,) = rate_lines(
        "兑现4683.9亩,补贴标准为20元/亩,共计兑现到户的各类资金合计93678元", "content"
    )
    assert line.amount is None


def test_a_subtotal_that_differs_from_the_product_is_kept_as_written_for_the_checks():
    (line,) = rate_lines("农业企业4家,每家扶持资金5万元,小计21万元;", "content")
    assert line.amount.value == Decimal("210000")  # 4 × 5万 = 20万: the checks flag it


def test_a_count_in_the_rates_own_unit_is_its_count():
    (line,) = rate_lines(
        "对上报的211户已自主发展产业的建档立卡户按每户1万元的标准进行补助。", "content"
    )
    assert _factors(line) == [(Decimal("211"), "户"), (Decimal("1"), "万元")]
    assert line.amount is None  # no sum stated, and none given to rate_lines


@given(
    count=st.integers(min_value=1, max_value=99_999),
    rate=st.integers(min_value=1, max_value=9_999),
    word=st.sampled_from(["顶", "床", "盏", "罐", "樽"]),
)
def test_a_count_in_any_measure_word_its_rate_names_is_its_count(count, rate, word):
    # (顶, 床, 盏: no list of counting words holds them all; the rate's 每顶 says it)
    total = count * rate
    (line,) = rate_lines(
        f"救灾专用物资{count}{word},每{word}{rate}元需{total}元;",
        "content",
        stated=find_amounts(f"需{total}元"),
    )
    assert _factors(line) == [(Decimal(count), word), (Decimal(rate), "元")]
    assert line.amount.value == Decimal(total)


def test_a_measure_word_priced_by_no_rate_is_no_count():
    # 3000盏 with no 每盏: no count, no line
    assert rate_lines("应急照明灯3000盏,单价不详,需60万元;", "content") == []
    # A bound or a range in such a word is no count either, as in any other.
    text = "更换路灯3000盏以上,每盏200元。采购帐篷100-200顶,每顶1000元。"
    assert rate_lines(text, "content", stated=find_amounts(text)) == []


def test_a_count_of_another_word_prices_a_rate_only_where_the_sentence_states_their_product():
    text = "预算投资288万元,计划在96个村(社区)建设乡村剧场,每处乡村剧场县财政补贴3万元。"
    (line,) = rate_lines(text, "content", stated=find_amounts(text))
    assert _factors(line) == [(Decimal("96"), "个"), (Decimal("3"), "万元")]
    assert line.amount.value == Decimal("2880000")
    assert "请核对" in line.guess  # 个村 for 每处: a pairing staff check
    # (no sum that is their product: no line; nor where two counts would make one)
    assert rate_lines(text.replace("288万元", "300万元"), "content") == []
    two = "预算投资288万元,在96个村、96个社区建设剧场,每处补贴3万元。"
    assert rate_lines(two, "content", stated=find_amounts(two)) == []


def test_an_amount_stated_elsewhere_is_the_lines_only_when_it_is_exactly_the_product():
    text = "211户建档立卡户按每户1万元的标准进行补助。"
    stated = find_amounts("中央财政专项扶贫资金211万元，另有配套资金5万元。")
    (line,) = rate_lines(text, "content", stated=stated)
    assert line.amount.text == "211万元"
    (line,) = rate_lines(text, "content", stated=find_amounts("资金210万元"))
    assert line.amount is None


def test_a_total_count_prices_the_rates_of_later_sentences_in_its_paragraph():
    text = (
        "干鲜果建园项目共计1444亩(花椒1241亩、苹果79亩),涉及17乡镇。"
        "采取先建后补的方式,农户每亩自筹500元、每亩奖补500元。"
    )
    lines = rate_lines(text, "content", stated=find_amounts("奖补资金72.2万元"))
    assert [(_factors(line), line.name) for line in lines] == [
        ([(Decimal("1444"), "亩"), (Decimal("500"), "元")], "农户自筹"),
        # (a rate's words that only say it is money name nothing: named after its sub-item)
        ([(Decimal("1444"), "亩"), (Decimal("500"), "元")], ""),
    ]
    # 72.2万 is either product: it is neither line's, rather than a guess.
    assert [line.amount for line in lines] == [None, None]
    # A count that is not a total, or in another paragraph, prices nothing.
    assert rate_lines("花椒1241亩。每亩奖补500元。", "content") == []
    assert rate_lines("共计1444亩。\n每亩奖补500元。", "content") == []


@given(
    count=st.integers(min_value=1, max_value=9_999),
    rate=st.decimals(min_value="0.01", max_value="999", places=2),
    unit=st.sampled_from(["家", "户", "个", "所"]),
)
def test_any_count_and_wan_yuan_rate_with_its_subtotal_keep_their_figures(count, rate, unit):
    subtotal = count * rate
    (line,) = rate_lines(
        f"示范点{count}{unit},每{unit}补助{rate}万元,小计{subtotal}万元。", "content"
    )
    assert _factors(line) == [(Decimal(count), unit), (rate.normalize(), "万元")]
    assert line.amount.value == subtotal * 10_000


def test_the_parts_listed_after_qizhong_are_the_projects_parts_rates_inside_them_not():
    text = (
        "4.资金数额:1469万元,其中,改建100户以上自然村公厕目标30座,每座补助8万元,合计240万元。"
        "改建农村户厕5970座,每座补助2000元,合计990.2万元,农村厕所后续管护资金35万元。"
    )
    assert [(part.name, part.amount.value) for part in breakdown(text)] == [
        ("改建100户以上自然村公厕目标", Decimal("2400000")),
        ("改建农村户厕", Decimal("9902000")),
        ("农村厕所后续管护资金", Decimal("350000")),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "项目总投资100万元，其中中央财政资金30万元，省级财政资金50万元，县级20万元。",
        "项目总预算2万元，其中：自筹1万元，自筹1万元。",
        "共补助74.28万，其中玉溪市财政下达的26万元。",  # one part is no breakdown
        "培训经费5万元。",
    ],
)
def test_sources_of_the_money_or_a_single_part_are_no_breakdown(text):
    assert breakdown(text) == []


@given(
    parts=st.lists(
        st.tuples(
            st.sampled_from(["家庭农场", "农民合作社", "种养大户", "示范村"]),
            st.integers(min_value=1, max_value=99),
            st.integers(min_value=1, max_value=50),
        ),
        min_size=2,
        max_size=5,
    )
)
def test_any_listed_parts_are_read_with_their_subtotals(parts):
    body = "；".join(
        f"{name}{count}个,每个补助{rate}万元,小计{count * rate}万元" for name, count, rate in parts
    )
    total = sum(count * rate for _, count, rate in parts)
    found = breakdown(f"安排资金{total}万元,其中:{body}。")
    assert [(part.name, part.amount.value) for part in found] == [
        (name, Decimal(count * rate * 10_000)) for name, count, rate in parts
    ]


@pytest.mark.parametrize(
    "text",
    [
        "带动500户增收，每户增收2000元。",  # what people gain, not what is spent
        "建设3个示范点，每个村补助10万元。",  # 每个村 prices villages, not the 3个 counted
        "扶持12家，每家收益2万元。",
    ],
)
def test_a_rate_that_is_not_spending_or_not_for_what_is_counted_is_no_line(text):
    assert rate_lines(text, "content") == []


def test_an_estimate_after_a_rate_is_not_its_subtotal():
    (line,) = rate_lines("扶持家庭农场12家，每家2万元，预计30万元。", "content")
    assert line.amount is None


def test_a_stated_sum_two_lines_equal_is_neither_lines_across_paragraphs():
    text = "种植100亩，每亩补贴500元，共计5万元。\n养殖10头，每头补贴5000元。\n"
    result = parse_disclosure("关于甲村产业项目的公示\n" + text)
    lines = [line for sub in result.tree["projects"][0]["sub_items"] for line in sub["lines"]]
    assert [line["amount_yuan"] for line in lines] == ["50000.00", None]


def test_a_rate_rounded_to_the_fen_takes_the_sum_it_was_worked_out_from():
    stated = find_amounts("共分配补助资金120万元。")
    (line,) = rate_lines("共落实种植面积6396.15亩,每亩可补助资金187.61元。", "c", stated=stated)
    assert line.amount.value == Decimal("1200000")  # 6396.15 × 187.61 = 1,199,981.70
    # A whole rate is exact: a sum it misses is not its.
    (line,) = rate_lines("共种植6396亩,每亩补助188元。", "c", stated=stated)
    assert line.amount is None


def test_a_rate_per_person_and_month_prices_the_people_counted_in_ming():
    (line,) = rate_lines("共聘用生态护林员376名,管护费为700元/人/月。", "c")
    assert _factors(line) == [(Decimal("376"), "名"), (Decimal("700"), "元")]


def test_a_total_count_carried_over_paragraphs_prices_a_later_rate():
    totals: list = []
    assert rate_lines("共落实种植面积6396.15亩,涉及15个乡镇。", "c", totals=totals) == []
    (line,) = rate_lines("经核定,每亩可补助资金187.61元。", "c", totals=totals)
    assert _factors(line) == [(Decimal("6396.15"), "亩"), (Decimal("187.61"), "元")]


def test_each_qizhong_starts_its_own_breakdown_and_sources_are_none():
    text = (
        "共72个项目,其中:村内道路项目61个,长度43公里。预计项目总投资1958.7万元,"
        "其中财政奖补资金1118万元,一事一议筹资筹劳资金386.53万元,村集体资金454.2万元。"
    )
    assert breakdown(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "项目总投资100万元，其中：申请银行贷款60万元，企业出资40万元。",
        "项目资金50万元，其中：衔接资金30万元，村集体资金20万元。",
        "中央资金80万元，其中：用于道路硬化60万元；群众自筹20万元。",
    ],
)
def test_where_the_money_comes_from_is_never_a_part_of_it(text):
    assert breakdown(text) == []


def test_only_a_rate_in_yuan_to_the_fen_has_rounding_slack():
    stated = find_amounts("本次下达中央资金95万元。")
    (line,) = rate_lines("对脱贫户200户每户补助0.5万元。", "c", stated=stated)
    assert line.amount is None  # 200 × 0.5万 = 100万, not 95万


def test_a_length_in_latin_letters_and_its_price_per_length_are_a_line():
    text = "新建PE100级de200PE管(1.0MPa)1.250km,20.78万元/km,小计25.97万元;新建检查井18m,0.50万元/m"
    lines = rate_lines(text, "content")
    assert [(_factors(line), line.amount and line.amount.value) for line in lines] == [
        ([(Decimal("1.250"), "km"), (Decimal("20.78"), "万元")], Decimal("259700")),
        ([(Decimal("18"), "m"), (Decimal("0.5"), "万元")], None),  # no sum stated: none made up
    ]
    # Dimensions are no count and rate: nothing is priced per metre.
    assert rate_lines("道路长270m、宽4m、厚0.2m,投资30万元", "content") == []


def test_a_rate_whose_words_only_say_it_is_money_is_named_by_what_it_counts():
    (line,) = rate_lines("32个市县扶持村,每村获得12.5万元", "content")
    assert line.name == "市县扶持村获得"
    assert _factors(line) == [(Decimal("32"), "个"), (Decimal("12.5"), "万元")]


def test_several_sums_and_no_total_are_the_parts_of_a_projects_money():
    text = (
        "购生产母牛3895头,每头补助5000元,投入资金1947.5万元;"
        "购生产母驴1867头,每头补助5000元,投入资金933.5万元;购牦牛140头,投入资金70万元。"
    )
    parts = sums_as_parts(text)
    assert [(part.name, part.amount.value) for part in parts] == [
        ("购生产母牛", Decimal("19475000")),
        ("购生产母驴", Decimal("9335000")),
        ("购牦牛", Decimal("700000")),
    ]
    assert sums_as_parts("购生产母牛3895头,投入资金1947.5万元。") == []  # one sum: the total
    # Sources of the money are no parts of what it buys.
    assert sums_as_parts("中央财政资金30万元,省级财政资金50万元") == []


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["购生产母牛", "修建禽舍", "新建拱棚", "购缝纫机"]),
            st.integers(1, 5000),
            st.integers(1, 9999),
        ),
        min_size=2,
        max_size=5,
    )
)
def test_each_sum_of_a_project_without_a_total_closes_one_part(rows):
    text = ";".join(
        f"{name}{count}台,每台补助{rate}元,投入资金{count * rate}元" for name, count, rate in rows
    )
    parts = sums_as_parts(text)
    assert [(part.name, part.amount.value) for part in parts] == [
        (name, Decimal(count * rate)) for name, count, rate in rows
    ]


def test_the_parts_after_qizhong_end_with_their_sentence_when_sources_follow():
    text = (
        "项目总投资415.83万元,其中水泥场地、水泥道路等基础设施41.63万元,仓库、622型大棚等生产设施"
        "342.2万元,农业项目费用32万元(自筹资金列支)。资金来源为:市财政资金225.12万元,"
        "区级配套资金96.48万元,项目单位自筹94.23万元。"
    )
    assert [(part.name, part.amount.value) for part in breakdown(text)] == [
        ("水泥场地、水泥道路等基础设施", Decimal("416300")),
        ("仓库、622型大棚等生产设施", Decimal("3422000")),
        ("农业项目费用", Decimal("320000")),
    ]


def test_sums_one_after_another_are_named_by_what_they_count_not_by_their_context():
    text = (
        "参考2025年度资金规模,2026年度计划产业发展项目81个,金额17177.1233万元;就业项目8个,"
        "金额2212万元;乡村建设行动项目95个左右,涉及金额6567.654万元。"
    )
    assert [part.name for part in sums_as_parts(text)] == [
        "产业发展项目",
        "就业项目",
        "乡村建设行动项目",
    ]


@given(st.integers(min_value=1000, max_value=9_999_999), st.integers(min_value=0, max_value=99))
def test_a_count_written_with_thousands_is_read_whole(whole, cents):
    area = Decimal(f"{whole}.{cents:02d}")
    written = f"{whole:,}.{cents:02d}"  # 73,094.15
    text = f"全区兑现补贴面积共计{written}亩,其中甲镇1,000亩。\n每亩70元。"
    [line] = rate_lines(text, "content", totals=[])
    assert line.factors[0][0] == area
    assert line.factors[1][0] == Decimal(70)


def test_parts_listed_with_a_pause_mark_are_named_without_it():
    text = "资金共计5,116,590.50元,其中:王益街道办1,102,253.60元、王家河街道办682,586.10元。"
    assert [(p.name, p.amount.value) for p in breakdown(text)] == [
        ("王益街道办", Decimal("1102253.60")),
        ("王家河街道办", Decimal("682586.10")),
    ]


def test_a_rate_stated_before_its_count_pairs_with_the_one_count_after_it():
    text = "按照每亩100元的标准进行种子补助,扶持合作社建成小杂粮示范基地2000亩。"
    [line] = rate_lines(text, "content")
    assert [(f[0], f[1]) for f in line.factors] == [(Decimal(2000), "亩"), (Decimal(100), "元")]
    # Two counts after it: which one is meant is not said, so no line.
    assert rate_lines("按照每亩100元的标准,建成基地2000亩,辐射带动5000亩。", "content") == []


def test_a_projects_one_line_takes_the_total_its_product_equals():
    text = (
        "关于实施庄浪县2023年小杂粮示范推广项目的公示\n一、项目基本情况\n"
        "1.项目名称:庄浪县2023年小杂粮示范推广项目\n2.项目类别:农业生产类\n"
        "二、建设内容及规模\n按照每亩100元的标准进行种子补助,建成小杂粮示范基地2000亩。\n"
        "三、项目资金与来源\n项目总投资20.00万元,资金全部来源于县统筹整合财政涉农资金。\n"
    )
    [project] = parse_disclosure(text, year=2023).tree["projects"]
    [line] = [line for sub in project["sub_items"] for line in sub["lines"]]
    assert (line["formula"], line["amount_yuan"]) == ("2000亩×100元", "200000.00")
    # A product that is not the total takes nothing.
    other = text.replace("20.00万元", "25.00万元")
    [project] = parse_disclosure(other, year=2023).tree["projects"]
    [line] = [line for sub in project["sub_items"] for line in sub["lines"]]
    assert line["amount_yuan"] is None


def _priced(text):
    """The lines of ``text``, its rates then paired by the sums it states."""
    stated = find_amounts(text)
    return lines_priced_by_sums(text, "c", stated, rate_lines(text, "c", stated=stated))


def test_a_rate_and_its_count_in_different_paragraphs_are_paired_by_the_sum_they_make():
    text = (
        "全区兑现耕地地力保护补贴面积共计73,094.15亩。\n"
        "全区兑现补贴资金共计5,116,590.50元。\n"
        "每亩70元。"
    )
    (line,) = _priced(text)
    assert _factors(line) == [(Decimal("73094.15"), "亩"), (Decimal("70"), "元")]
    assert line.amount.value == Decimal("5116590.50") and line.product_only
    assert line.row == 2  # read from the rate's line of the text


def test_of_two_counts_after_a_rate_the_one_whose_product_the_text_states():
    text = (
        "每吨补助60元,共收贮全株玉米5.4万吨,本批补助15250吨。第一批验收合格125户,补助资金915000元。"
    )
    (line,) = _priced(text)
    assert _factors(line) == [(Decimal("15250"), "吨"), (Decimal("60"), "元")]
    assert line.amount.value == Decimal("915000")


def test_a_month_rate_is_priced_by_the_year_when_the_text_states_that_sum():
    text = (
        "下达补助资金121.32万元,按照护林员每人每月300元的发放标准,"
        "我县2021年护林员发放的人数是337人。"
    )
    (line,) = _priced(text)
    assert _factors(line) == [
        (Decimal("337"), "人"),
        (Decimal("300"), "元"),
        (Decimal("12"), "月"),
    ]
    assert line.amount.value == Decimal("1213200")
    # not 我县, the two characters before the count, nor the words that it is a count
    assert line.name == "护林员发放"


def test_each_count_whose_product_is_a_stated_sum_is_a_line_of_its_own():
    text = (
        "市级任务数858人,每人每年补助1000元。"
        "实际完成3702人,其中超出任务960人所投入的资金96万元由县财政承担。"
        "康复投入资金总额:370.2万元。"
    )
    lines = _priced(text)
    assert sorted((line.factors[0][0], line.amount.value) for line in lines) == [
        (Decimal("960"), Decimal("960000")),
        (Decimal("3702"), Decimal("3702000")),
    ]  # the nearest count, 858, gave no stated sum: its line gives way


def test_a_sum_two_counts_give_is_no_ones():
    text = "甲村20户,乙村20户。每户补助500元。共计1万元。"
    assert _priced(text) == []  # 甲村 or 乙村: which 20户 the 1万元 prices is not sure


def test_a_product_the_text_states_nowhere_pairs_nothing_across_sentences():
    text = "涉及农户120户。每户补助500元。共计5万元。"
    assert _priced(text) == []  # 120 × 500 = 6万元, not the 5万元 stated


@given(
    count=st.integers(min_value=2, max_value=99999),
    rate=st.integers(min_value=1, max_value=9999),
    decoy=st.integers(min_value=2, max_value=99999),
)
def test_the_count_the_sum_confirms_is_paired_whatever_the_distance(count, rate, decoy):
    total = count * rate
    text = (
        f"项目涉及{count}户。\n另有{decoy}亩土地流转。\n"
        f"补助资金共计{total}元。\n按每户{rate}元的标准发放。"
    )
    lines = _priced(text)
    assert [(_factors(line), line.amount.value) for line in lines] == [
        ([(Decimal(count), "户"), (Decimal(rate), "元")], Decimal(total))
    ]


def test_a_breakdown_is_of_the_sum_before_its_qizhong_never_more_than_it():
    text = (
        "全市验收合格苜蓿种植面积30000亩,每亩分三年补贴1000元,其中第一年补贴600元,"
        "第二年、第三年分别补贴200元,本次分配的是第一年应补贴资金1800万元,其中准格尔旗3728亩、"
        "分配资金223.68万元;达拉特旗8324亩、分配资金499.44万元;鄂托克旗17947.67亩、"
        "分配资金1076.86万元。"
    )
    assert [(part.name, part.amount.text) for part in breakdown(text)] == [
        ("准格尔旗", "223.68万元"),
        ("达拉特旗", "499.44万元"),
        ("鄂托克旗", "1076.86万元"),
    ]  # not 第一年补贴 600元 …: a rate's shares, and 1800万元, add up to more than 1000元


def test_a_breakdown_that_lists_less_than_its_whole_is_kept():
    # The text's own sums may not agree (240 + 990.2 + 35 ≠ 1469): the parts are still its.
    text = (
        "资金数额:1469万元,其中,改建公厕30座,每座补助8万元,合计240万元。"
        "改建农村户厕5970座,每座补助2000元,合计990.2万元,农村厕所后续管护资金35万元。"
    )
    assert len(breakdown(text)) == 3


def test_rates_after_a_rates_qizhong_are_its_parts_priced_by_the_whole_count():
    text = (
        "全县144个行政村(社区)每村(社区)补助1.2万元,其中文化信息共享工程每村(社区)2000元;"
        "农家书屋运行维护每村(社区)2000元;农村文化活动每村(社区)4400元。"
        "另安排工作经费每村500元。"
    )
    (whole, after) = rate_lines(text, "c")
    assert _factors(whole) == [(Decimal("144"), "个"), (Decimal("1.2"), "万元")]
    assert whole.partial  # its parts, after 其中, are only a part of it: never added to it
    assert [(child.name, _factors(child)) for child in whole.children] == [
        ("文化信息共享工程", [(Decimal("144"), "个"), (Decimal("2000"), "元")]),
        ("农家书屋运行维护", [(Decimal("144"), "个"), (Decimal("2000"), "元")]),
        ("农村文化活动", [(Decimal("144"), "个"), (Decimal("4400"), "元")]),
    ]
    # A later sentence is no part of it: the county's count still prices its rate.
    assert _factors(after) == [(Decimal("144"), "个"), (Decimal("500"), "元")]


_OBJECTS_THEN_STANDARDS = (
    "1.补贴对象:一是监测村养羊场户的9445只羊;二是申报出栏的392个养殖场户的30876头牛、31395只羊;"
    "三是现存栏4头犊牛以上(含4头)的571户养殖场户的3704头犊牛。\n"
    "2.补贴标准:存栏羊按5元/只发放;出栏牛按5元/头、羊2元/只发放;犊牛按58元/头发放。"
)


def test_counts_listed_then_their_standards_are_paired_in_order_and_flagged():
    lines = lines_paired_in_order(_OBJECTS_THEN_STANDARDS, "c", [])
    assert [line.formula for line in lines] == [
        "9445只×5元",
        "30876头×5元",
        "31395只×2元",
        "3704头×58元",
    ]  # 4头…以上 and (含4头) are a bound, not a count
    assert all(line.amount is None and "顺序" in line.guess for line in lines)


def test_standards_that_do_not_match_the_counts_one_for_one_are_not_paired():
    # A third 只 count and two 只 rates: which goes with which is not sure.
    text = _OBJECTS_THEN_STANDARDS.replace("的9445只羊", "的9445只羊、200只鸡")
    assert lines_paired_in_order(text, "c", []) == []
    # Standards written before their counts are no two lists side by side.
    first, second = _OBJECTS_THEN_STANDARDS.split("\n")
    assert lines_paired_in_order(f"{second}\n{first}", "c", []) == []


@pytest.mark.parametrize(
    "text",
    [
        "现存栏4头(含4头)以上,每头补助500元。",
        "种植面积不低于60亩,每亩补助500元。",
        "改建100户以上自然村公厕,每户补助500元。",
    ],
)
def test_a_bound_is_no_count(text):
    assert rate_lines(text, "c") == []
    # Without its bound the same figure is a count the rate prices.
    unbound = text.replace("(含4头)以上", "").replace("不低于", "").replace("以上", "")
    assert len(rate_lines(unbound, "c")) == 1


def test_names_listed_before_a_yearly_rate_for_each_are_its_count():
    text = "其中:图书馆、文化馆、美术馆补助标准为每馆每年20万元。"
    (line,) = rate_lines(text, "c")
    assert _factors(line) == [(Decimal("3"), "个"), (Decimal("20"), "万元")]
    assert line.factors[0][2] == "图书馆、文化馆、美术馆"  # the count is the names listed


def test_a_rate_takes_the_one_count_the_text_gives_of_what_it_is_for_flagged():
    text = "建设任务:配套3824亩滴灌设施。\n投资规模:总投资807万元。\n补助标准:2110元/亩"
    (line,) = lines_by_the_one_count(text, "c", [])
    assert _factors(line) == [(Decimal("3824"), "亩"), (Decimal("2110"), "元")]
    assert line.amount is None and "另一处" in line.guess  # 807万元 is not its product
    # Two counts of 亩 in the text: which one the rate prices is not sure.
    assert lines_by_the_one_count(text + "\n另有8834亩待建。", "c", []) == []


def test_counts_in_brackets_after_a_count_are_its_parts_not_counts_of_their_own():
    text = (
        "补贴标准为45元/亩。符合申报补贴标准的种植面积为29.8亩(长青乡种植面积为29亩,永丰乡"
        "种植面积为0.8亩)。"
    )
    (line,) = lines_by_the_one_count(text, "c", [])
    assert _factors(line) == [(Decimal("29.8"), "亩"), (Decimal("45"), "元")]


def test_a_projects_money_shared_among_places_a_sentence_each():
    text = (
        "全市项目拟投入资金532.1万元,其中省级补助资金483万元,地方配套资金49.1万元。"
        "为昌邑区拟投入资金46万元,其中省级补助资金44万,地方配套资金2万元,全部用于购买设备;"
        "为船营区拟投入资金325万元,全部为省级补助资金;为丰满区拟投入资金161.1万元,"
        "其中省级补助资金21万元,地方配套资金140.1万元。"
    )
    shares = place_shares(text, Decimal("5321000"))
    assert [(part.name, part.amount.text) for part in shares] == [
        ("昌邑区", "46万元"),
        ("船营区", "325万元"),
        ("丰满区", "161.1万元"),
    ]  # each its first sum: 其中 splits it by source
    assert place_shares(text, Decimal("5000000")) == []  # shares that do not make it up


def test_a_places_share_is_the_sum_its_heji_states():
    text = (
        "潞城区任务数18968户,清洁取暖资金4546.98万元,大气污染防治资金6899.47万元,"
        "合计11446.45万元。\n屯留区任务数4100户,清洁取暖资金982.85万元,"
        "大气污染防治资金1491.34万元,合计2474.19万元。"
    )
    shares = place_shares(text, Decimal("139206400"))
    assert [(part.name, part.amount.value) for part in shares] == [
        ("潞城区", Decimal("114464500")),
        ("屯留区", Decimal("24741900")),
    ]


def test_parts_written_as_a_sum_and_what_it_is_for():
    text = (
        "该项目共获批中央专项彩票公益金665万元,其中,265万元用于居家养老上门服务,"
        "400万元用于家庭养老床位建设。"
    )
    assert [(part.name, part.amount.text) for part in breakdown(text)] == [
        ("居家养老上门服务", "265万元"),
        ("家庭养老床位建设", "400万元"),
    ]


def test_a_rate_after_a_list_of_counts_prices_their_stated_total():
    text = (
        "现对早造种粮面积共 13076.85 亩进行一次性补贴,埔前镇补贴总面积11598.35亩、"
        "源南镇补贴总面积共1339.60亩、东埔街道补贴总面积120亩,每亩补贴标准 13.06125元。"
    )
    (line,) = rate_lines(text, "c")
    assert _factors(line) == [(Decimal("13076.85"), "亩"), (Decimal("13.06125"), "元")]


GARDENS = (
    "共验收监测对象295户,补贴资金832325元。其中养殖业户207户,补贴资金712325元:养殖牛416头,"
    "补贴资金416000元;肉鸽125羽,补贴资金1875元;其余补贴资金294450元。其中种植业234户,补贴资金"
    "120000元:种植微菜园234户,补贴资金117000元;种植微果园6户补贴资金3000元。"
)


def test_groups_headed_by_their_sum_before_a_colon_are_the_parts_of_the_whole():
    parts = breakdown(GARDENS)
    assert [(part.name, part.amount.value) for part in parts] == [
        ("养殖业户", Decimal("712325")),
        ("种植业", Decimal("120000")),
    ]
    assert parts[0].text.endswith("其余补贴资金294450元")  # its items are its words
    # Heads that do not make up the whole are no parts of it.
    assert [p.name for p in breakdown(GARDENS.replace("832325元", "832326元"))] != [
        "养殖业户",
        "种植业",
    ]


def test_a_rate_written_again_is_one_rate_and_birds_and_boxes_are_counted():
    rates = "养殖肉鸽,每羽奖补15元;中华蜜蜂每箱奖补400元。微菜园每户奖补500元;微果园每户奖补500元。"
    counts = "肉鸽125羽,补贴资金1875元;蜜蜂107箱,补贴资金42800元;微果园6户补贴资金3000元。"
    lines = lines_priced_by_sums(rates + "\n" + counts, "content", find_amounts(counts), [])
    assert sorted((_factors(line), line.amount.value) for line in lines) == [
        ([(Decimal("6"), "户"), (Decimal("500"), "元")], Decimal("3000")),
        ([(Decimal("107"), "箱"), (Decimal("400"), "元")], Decimal("42800")),
        ([(Decimal("125"), "羽"), (Decimal("15"), "元")], Decimal("1875")),
    ]


def test_square_metres_written_colloquially_are_counted_and_priced():
    (line,) = rate_lines("饲料库120平米 | 490元/平米 |", "content")
    assert _factors(line) == [(Decimal("120"), "平米"), (Decimal("490"), "元")]


@pytest.mark.parametrize(
    "text",
    ["冷棚面积达到100亩-200亩,每亩补贴0.6万元", "面积10亩至50亩的每亩补助1.5万元"],
)
def test_either_end_of_a_range_is_a_bound_not_a_count(text):
    assert rate_lines(text, "content") == []


def test_equal_products_each_take_one_of_as_many_equal_sums_stated():
    from budget.importer.lines import Line

    def two_lines():
        stated = find_amounts("60.6万元")[0]
        return [
            Line("", name, stated, "c", product_only=True, factors=[(Decimal("101"), "亩", "")])
            for name in ("补贴", "配套补贴")
        ]

    twice = "市级补贴资金60.6万元,区级配套60.6万元"
    lines = one_line_a_sum(two_lines(), twice)
    assert [line.amount.value for line in lines] == [Decimal("606000")] * 2
    assert lines[0].amount.start != lines[1].amount.start  # one sum each
    # Stated once for two equal products: neither is sure to be its.
    lines = one_line_a_sum(two_lines(), "市级补贴资金60.6万元")
    assert [line.amount for line in lines] == [None, None]


def test_parts_after_qizhong_end_with_their_sentence_where_it_makes_up_the_whole():
    from budget.importer.lines import breakdown

    text = (
        "现将2018年度基层医疗卫生机构补偿资金80万元下达给你们。其中:县卫计局56万元(含中医),"
        "疾控中心20万元,中医医院4万元。请严格按规定使用。疾控中心资金列入重大公共卫生专项"
        "20万元支出。"
    )
    assert [(p.name, p.amount.value) for p in breakdown(text)] == [
        ("县卫计局", Decimal("560000")),
        ("疾控中心", Decimal("200000")),
        ("中医医院", Decimal("40000")),
    ]


@pytest.mark.parametrize(
    ("text", "name", "formula", "amount"),
    [
        (
            "该项目总投资450万元,拟争取中央财政衔接资金400万元。预计发放劳务报酬100万元,"
            "占中央财政资金的25%。",
            "劳务报酬",
            "400万元×25%",
            "1000000",
        ),
        # in brackets, the percentage rounded (398 × 30.15% = 119.997)
        (
            "资金来源为:中央财政预算内补助资金398万元(含劳务报酬120万元,占上级补助以工代赈资金"
            "30.15%)。",
            "劳务报酬",
            "398万元×30.15%",
            "1200000",
        ),
        # the percentage first, its own words no part of the name
        (
            "我市2019年援助资金应为12597万元。我市继续按8%的递增比例增加安排2019年援助资金1008万元。",
            "增加安排援助资金",
            "12597万元×8%",
            "10080000",
        ),
        # only a bound in brackets: named by the percentage's clause
        (
            "国家下达资金计划375万元。劳务报酬发放比例不得低于国家下达资金计划的42%(不低于157.50万元)。",
            "劳务报酬发放",
            "375万元×42%",
            "1575000",
        ),
    ],
)
def test_a_sum_written_as_a_share_of_a_stated_whole_is_a_line_of_the_whole_times_the_share(
    text, name, formula, amount
):
    [line] = share_lines(text, "content", find_amounts(text))
    assert (line.name, line.formula, line.amount.value) == (name, formula, Decimal(amount))


@pytest.mark.parametrize(
    "text",
    [
        # (an indicator's rate beside a sum that happens to be its share of a whole)
        "总投资111.11万元。满意度95%,项目资金100万元,完成率90%。",
        "下达资金2179万元。已完成拨付2113.63万元,占97%。",  # spent, not budgeted
        "共计125万元。预拨付60%资金,两个项目拟补助省资金分别为50万元和75万元。",  # 50万元 between
        "总投资300万元。项目资金到位率100%,资金300万元。",  # 100 % is no share
    ],
)
def test_a_percentage_that_makes_no_stated_sum_of_a_stated_whole_is_no_calculation(text):
    assert share_lines(text, "content", find_amounts(text)) == []


@given(
    whole=st.integers(min_value=10, max_value=99_999),
    share=st.integers(min_value=1, max_value=99),
)
def test_any_whole_and_share_that_make_the_sum_are_read_as_written(whole, share):
    part = Decimal(whole) * share / 100
    text = f"项目资金{whole}万元。其中劳务报酬{part.normalize():f}万元,占项目资金的{share}%。"
    [line] = share_lines(text, "content", find_amounts(text))
    assert _factors(line) == [(Decimal(whole), "万元"), (Decimal(share), "%")]
    assert line.amount.value == part * 10_000


def test_a_breakdown_of_a_count_is_no_breakdown_of_the_money():
    # 其中 splits the area (no sum in its sentence): the sums after it are no parts of anything
    text = (
        "庙镇2021年水稻种植面积32772.78亩,其中,机插秧面积2965.51亩,机直播面积27583.56亩。"
        "合计补贴资金491591.7元已发放。按每亩86元的标准,计2818459.08元。四项共计7553758.04元。"
    )
    assert breakdown(text) == []


def test_places_numbered_in_one_cell_are_the_shares_of_its_row_when_they_make_it_up():
    cell = (
        "分配情况：1.石麟镇47.6148万元,涉及971人 2.冠英镇36.0118万元,涉及715人 3.西坝镇28.8555万元"
    )
    shares = place_shares(cell, Decimal("1124821"))
    assert [(part.name, part.amount.value) for part in shares] == [
        ("石麟镇", Decimal("476148")),
        ("冠英镇", Decimal("360118")),
        ("西坝镇", Decimal("288555")),
    ]
    assert place_shares(cell, Decimal("1200000")) == []  # they do not make up the row's money


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("现场验收合格面积共1553亩,每亩补贴150元。", "现场验收合格面积补贴"),  # 共 no part of it
        ("休耕试点面积200亩,每年每亩补贴资金500元。", "休耕试点面积补贴资金"),
        ("确定全镇耕地补贴总面积为27653.25亩,补贴标准为每亩76.03元。", "耕地补贴总面积补贴"),
        ("涉及339人,每人补助100元。", ""),  # a count's verb names nothing
        ("全县144个行政村,每村补助1.2万元。", ""),  # nor the county's own words
    ],
)
def test_a_rate_lines_name_is_what_its_words_name_or_none(text, name):
    [line] = rate_lines(text, "content")
    assert line.name == name


@pytest.mark.parametrize(
    ("text", "count", "rate"),
    [
        ("建设高标准农田5000亩,亩均投资1500元。", ("5000", "亩"), "1500"),
        ("全镇脱贫人口3000人,人均补助300元。", ("3000", "人"), "300"),
        # (the average right before its sum)
        (
            "2012年该县农村危房改造任务为1380户,补助标准为户均7500元,补助资金总额为1035万元。",
            ("1380", "户"),
            "7500",
        ),
        # a count in brackets breaks down the one before them: the rate is the whole's, and a
        # ； inside the brackets does not end the sentence
        (
            "共计分6批次对7171户脱贫户和监测对象(其中监测对象177户;脱贫户6994户)兑付贴息资金"
            "1300万元,户均贴息1812.86元。",
            ("7171", "户"),
            "1812.86",
        ),
        # a year's rate for a thing, the year said first
        ("休耕试点面积200亩,每年每亩补贴资金500元。", ("200", "亩"), "500"),
        # a term's rate for a count of person-terms, as a year's is
        ("2.主要建设内容:职业教育补助3666人次,每人每学期1500元;", ("3666", "人次"), "1500"),
        # and a quarter's, said either way round
        ("山化镇31人,集中供养每人每季度1600元,计49600元。", ("31", "人"), "1600"),
        ("山化镇31人,集中供养每季度每人1600元,计49600元。", ("31", "人"), "1600"),
        # a year's average right before its sum, with no word for what is spent
        ("测算标准:268名代表,年人均2400元计643200元。", ("268", "名"), "2400"),
    ],
)
def test_an_average_or_a_terms_rate_prices_the_count_it_is_for(text, count, rate):
    (line,) = rate_lines(text, "content")
    assert _factors(line) == [(Decimal(count[0]), count[1]), (Decimal(rate), "元")]
    assert not line.name.startswith("每")


@pytest.mark.parametrize(
    "text",
    [
        "带动种植1000亩,亩均增收2000元。",
        "辐射500户,户均节本增效300元。",
        "全县3000人,人均收入8000元。",
        "全县3000人,人均8000元收入。",
        "全县3000人,人均8000元纯收入。",
        "带动农户300户,户均5000元以上收入。",
        "带动种植1000亩,亩均1500元产出。",
    ],
)
def test_an_average_of_what_people_gain_is_no_rate(text):
    assert rate_lines(text, "content") == []


def test_a_rates_product_the_next_clause_names_as_money_is_its_sum():
    text = (
        "最终确认补报漏报总面积2071.145亩,每亩补贴112元,全县耕地地力补贴资金合计金额231968.24元。"
    )
    (line,) = rate_lines(text, "content")
    assert line.amount.value == Decimal("231968.24")
    assert text[line.amount.start : line.amount.end] == "231968.24元"
    # not where it is not the product, nor where the words name no money
    (line,) = rate_lines(text.replace("231968.24", "231968.25"), "content")
    assert line.amount is None
    (line,) = rate_lines("种植2071.145亩,每亩补贴112元,带动231968.24元。", "content")
    assert line.amount is None


def test_a_months_rate_in_a_sentence_paying_one_month_is_a_count_and_a_rate():
    text = (
        "县级下达聘用森林管护护林员201人,实际兑付201名,发放5月份劳务补助每月标准每人200元,"
        "共计兑付40200元。"
    )
    (line,) = rate_lines(text, "content")
    assert _factors(line) == [(Decimal("201"), "名"), (Decimal("200"), "元")]
    # a span of months, or none, is more than one month's pay
    assert rate_lines(text.replace("5月份", "1-6月份"), "content") == []
    assert rate_lines(text.replace("5月份", ""), "content") == []


def test_a_rate_named_by_a_group_an_earlier_count_names_is_priced_by_it_flagged():
    seen = counts_stated("目标任务:全县培育高素质农民110名,其中经营管理型60人,专业生产型50人。")
    text = "补助标准具体为:经营管理型3500元/人,专业生产型和技能服务型1000元/人。"
    (line,) = rate_lines(text, "content", seen=seen)
    assert _factors(line) == [(Decimal("60"), "人"), (Decimal("3500"), "元")]
    assert "经营管理型" in line.guess
    # a rate for two groups is priced by neither one's count; nor is one without a count
    assert rate_lines("补助标准:专业生产型和技能服务型1000元/人。", "c", seen=seen) == []
    assert rate_lines("补助标准:技能服务型1000元/人。", "c", seen=seen) == []


def test_a_parts_name_loses_the_count_of_who_is_paid_and_the_verb_paying_them():
    parts = breakdown(
        "为400人发放转移就业奖励资金36.79万元。其中,为一般户326人发放26.38万元,"
        "为脱贫户74人发放10.41万元。"
    )
    assert [(part.name, part.amount.text) for part in parts] == [
        ("一般户", "26.38万元"),
        ("脱贫户", "10.41万元"),
    ]


def test_a_rate_is_priced_by_the_group_its_words_name_before_any_total():
    text = (
        "共兑现资金739.26万元,涉及农户46490户,兑现面积65.77万亩(其中地方公益林34.2万亩,"
        "国家级公益林31.57万亩)。\n据了解,本次兑现地方公益林补偿标准8元/亩,"
        "国家级公益林补偿标准14.75 元/亩。"
    )
    lines = rate_lines(text, "content")
    assert [_factors(line) for line in lines] == [
        [(Decimal("342000"), "亩"), (Decimal("8"), "元")],
        [(Decimal("315700"), "亩"), (Decimal("14.75"), "元")],
    ]


def test_a_度假区_after_a_year_keeps_its_度():
    (line,) = rate_lines("2023年度假区改造面积200亩,每亩补助500元。", "content")
    assert line.factors[0][2] == "度假区改造面积"


def test_a_rate_after_rates_is_no_sum_and_a_years_度_no_part_of_a_label():
    text = (
        "2017年度金凤区兑付退耕合格面积为132.1亩,补助标准:粮食折价70元/亩、生活补助20元/亩,"
        "计90元/亩。"
    )
    lines = rate_lines(text, "content")
    assert lines and all(line.amount is None for line in lines)
    assert {line.factors[0][2] for line in lines} == {"金凤区兑付退耕合格面积"}
    # (a sum after 计 is the product's still: 每亩补贴90元,计11889元)
    (line,) = rate_lines("兑付退耕合格面积132.1亩,每亩补贴90元,计11889元。", "content")
    assert line.amount.value == Decimal("11889")


@pytest.mark.parametrize(
    ("text", "count", "rate"),
    [
        (
            "对18个有关国家与省级农村生活垃圾分类示范县各安排100万元。",
            ("18", "个"),
            ("100", "万元"),
        ),
        ("5个村各补助10万元。", ("5", "个"), ("10", "万元")),
        ("3户各补助2000元,共计6000元。", ("3", "户"), ("2000", "元")),
    ],
)
def test_what_each_of_a_count_gets_said_with_各_is_a_rate_for_it(text, count, rate):
    (line,) = rate_lines(text, "content")
    assert _factors(line) == [
        (Decimal(count[0]), count[1]),
        (Decimal(rate[0]), rate[1]),
    ]


def test_a_count_names_what_it_counts_at_length_before_listing_them():
    text = (
        "资金安排如下:2017年12个脱贫摘帽贫困县炎陵县、茶陵县、吉首市,每个县(市、区)安排1000万元;"
        "10个深度贫困县保靖县、泸溪县,每个县安排200万元;剩余2175万元安排到14个市州本级。"
    )
    assert [_factors(line) for line in rate_lines(text, "content")] == [
        [(Decimal("12"), "个"), (Decimal("1000"), "万元")],
        [(Decimal("10"), "个"), (Decimal("200"), "万元")],
    ]
    # (a 、 in the rate's brackets parts none of its words: no line named 区)安排)
    assert not any(")" in line.name for line in rate_lines(text, "content"))
    # what the count counts has the rate's noun before any 的 (12个贫困县所辖的行政村 are no
    # villages)
    assert rate_lines("涉及12个贫困县所辖的全部行政村,每村安排10万元。", "content") == []


@pytest.mark.parametrize(
    ("text", "factors", "amount"),
    [
        ("维修费5次*5000=25000元", [("5", "次"), ("5000", "")], "25000"),
        ("维修费5次×5000元=2.5万元", [("5", "次"), ("5000", "元")], "25000"),
        ("图书20000册×25元=50万元", [("20000", "册"), ("25", "元")], "500000"),
    ],
)
def test_a_formula_written_before_its_sum_and_an_equals_sign_is_the_lines(text, factors, amount):
    (line,) = extract_lines(text, "content").lines
    assert line.amount.value == Decimal(amount)
    assert _factors(line) == [(Decimal(value), unit) for value, unit in factors]


def test_a_formula_in_brackets_after_the_sum_is_read_as_before():
    (line,) = extract_lines("自助餐费1.2万元（60人×100元×2天）", "content").lines
    assert line.formula == "60人×100元×2天"


def test_what_each_gets_is_no_projects_total():
    text = (
        "项目名称:某县示范村项目\n项目实施单位:某县农业局\n项目资金情况:对3个示范村各补助10万元。\n"
    )
    (project,) = parse_disclosure(text, year=2022).tree["projects"]
    assert project["declared_total_yuan"] is None


def test_各_of_no_count_before_it_is_no_rate():
    assert rate_lines("全县共有12个乡镇,各乡镇按实际安排资金5万元。", "content") == []
    # (each of levels, not of a count: 中央和省级各安排50万元)
    assert rate_lines("中央和省级各安排50万元。", "content") == []
    assert rate_lines("县乡两级各补助10万元。", "content") == []


def test_a_rate_is_priced_by_the_count_whose_product_the_sentence_states_after_it():
    text = (
        "验收合格面积40亩,其中道岗村10亩,底村村20亩,岩溪村10亩,资金补助标准1500元/亩,"
        "共拨付项目补助资金60000元。"
    )
    (line,) = rate_lines(text, "content")
    assert [value for value, *_ in line.factors] == [Decimal(40), Decimal(1500)]
    assert line.amount.value == Decimal(60000)
    # with no sum stated, the nearest count prices it, and no sum is made up
    (bare,) = rate_lines(text.replace(",共拨付项目补助资金60000元", ""), "content")
    assert [value for value, *_ in bare.factors] == [Decimal(10), Decimal(1500)]
    assert bare.amount is None


def test_sums_as_parts_stop_at_their_whole_and_are_named_without_their_counts():
    text = (
        "发放低保人员9596户15520人计11026987元;特困供养223人计111500元;孤困儿童137人计68500元;"
        "低边人员4439户8572人计2571600元。共计13778587元。"
    )
    parts = sums_as_parts(text)
    assert [(p.name, p.amount.value) for p in parts] == [
        ("低保人员", Decimal(11026987)),
        ("特困供养", Decimal(111500)),
        ("孤困儿童", Decimal(68500)),
        ("低边人员", Decimal(2571600)),
    ]
    assert sum(p.amount.value for p in parts) == Decimal(13778587)


def test_a_part_after_a_semicolon_is_named_by_its_own_words_not_the_clause_before():
    text = (
        "累计下达专项资金9.5亿元,其中包括:免费开放补助资金4.49亿元;免费送电影经费3000万元,"
        "免费放映数字电影14.5万场;送戏下乡经费1120万元,免费送戏2800场;奖补资金4.598亿元。"
    )
    assert [part.name for part in breakdown(text)] == [
        "免费开放补助资金",
        "免费送电影经费",
        "送戏下乡经费",
        "奖补资金",
    ]


def test_the_sum_a_rate_comes_to_is_no_rate_though_its_clause_opened_with_an_average():
    # 年人均 prices the 2400元; the 643200元 after it in the same clause is what it comes to.
    text = "测算标准:268名代表,年人均2400元计643200元。"
    (line,) = rate_lines(text, "content", stated=find_amounts(text))
    assert line.amount.value == Decimal("643200")
    assert line.formula == "268名×2400元"


def test_what_a_household_gains_in_a_year_on_average_is_no_rate():
    assert rate_lines("新建牛舍2000平方米,带动脱贫户300户,年户均1500元。", "content") == []
    assert rate_lines("带动农户300人就业,年人均2400元。", "content") == []
