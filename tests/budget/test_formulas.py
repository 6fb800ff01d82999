"""Formulas: ordered factors and their exact product, errors that say where, never eval."""

import pickle
from decimal import Decimal as D
from decimal import localcontext

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from budget.amounts import MAX_YUAN, format_wan, format_yuan, round_yuan
from budget.formulas import (
    MAX_LENGTH,
    Factor,
    Formula,
    FormulaError,
    format_formula,
    formula_base,
    parse_formula,
    product,
    refers_to,
    unit_multiplier,
)
from budget.tree import FactorData


def fullwidth(text: str) -> str:
    """The full-width form of ASCII text."""
    return "".join(
        "\u3000" if c == " " else chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text
    )


# --- reading ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "factors", "amount"),
    [
        ("60人×100元×2天", [("60", "人"), ("100", "元"), ("2", "天")], "12000.00"),
        ("2000元×4人", [("2000", "元"), ("4", "人")], "8000.00"),
        ("2辆×1000元", [("2", "辆"), ("1000", "元")], "2000.00"),
        ("95名×200元/月×12月", [("95", "名"), ("200", "元/月"), ("12", "月")], "228000.00"),
        ("6个×5000元/年", [("6", "个"), ("5000", "元/年")], "30000.00"),
        ("1274人×50元/年", [("1274", "人"), ("50", "元/年")], "63700.00"),
        ("800个×19元/个", [("800", "个"), ("19", "元/个")], "15200.00"),
        ("2人×1.2万元", [("2", "人"), ("1.2", "万元")], "24000.00"),
        ("5名×10万元/人", [("5", "名"), ("10", "万元/人")], "500000.00"),
        ("2×1.5亿元", [("2", ""), ("1.5", "亿元")], "300000000.00"),
        ("1563名×260元", [("1563", "名"), ("260", "元")], "406380.00"),
        ("６０人＊１００元ｘ２天", [("60", "人"), ("100", "元"), ("2", "天")], "12000.00"),
        ("60人 x 100元 X 2天", [("60", "人"), ("100", "元"), ("2", "天")], "12000.00"),
        ("60 人 * 100 元 ✕ 2 天", [("60", "人"), ("100", "元"), ("2", "天")], "12000.00"),
        ("60人✖100元⨯2天", [("60", "人"), ("100", "元"), ("2", "天")], "12000.00"),
        ("  60人×100元  ", [("60", "人"), ("100", "元")], "6000.00"),
        ("3×5", [("3", ""), ("5", "")], "15.00"),
        ("1,000元×12月", [("1000", "元"), ("12", "月")], "12000.00"),
        ("2人·天×150元/人·天", [("2", "人·天"), ("150", "元/人·天")], "300.00"),
        ("30㎡×80元/㎡", [("30", "㎡"), ("80", "元/㎡")], "2400.00"),
        ("3人×0.333元", [("3", "人"), ("0.333", "元")], "1.00"),
        ("3人×0.335元", [("3", "人"), ("0.335", "元")], "1.01"),
    ],
)
def test_parse_formula(text, factors, amount):
    formula = parse_formula(text)
    assert [(f.value, f.unit) for f in formula.factors] == [(D(v), u) for v, u in factors]
    assert formula.amount == D(amount)
    assert formula.stated_result is None
    assert formula.text == text.strip()


def test_factors_keep_what_was_written():
    formula = parse_formula("６０人×1.20万元×100元/月")
    assert [f.text for f in formula.factors] == ["６０人", "1.20万元", "100元/月"]
    assert formula.factors[1].value.as_tuple() == D("1.20").as_tuple()
    assert formula.factors[0] == Factor(D("60"), "人", "６０人")


@pytest.mark.parametrize(
    ("text", "stated"),
    [
        ("95名×200元/月×12月=22.8万元", "228000.00"),
        ("6个×5000元/年＝3万元", "30000.00"),
        ("1274人×50元/年＝6.37万元", "63700.00"),
        ("60人 × 100元 × 2天 = 12,000.00元", "12000.00"),
        ("60人×100元×2天=12000", "12000.00"),  # a bare result is in 元
        ("60人×100元×2天＝１２０００元", "12000.00"),
    ],
)
def test_stated_result_is_read_as_an_amount(text, stated):
    assert parse_formula(text).stated_result == D(stated)


def test_a_stated_result_that_differs_is_kept_as_stated():
    formula = parse_formula("60人×100元×2天=1.3万元")
    assert formula.stated_result == D("13000.00")
    assert formula.amount == D("12000.00")


def test_product_is_exact_and_amount_is_rounded_once():
    formula = parse_formula("3人×0.335元×1.5天")
    assert formula.product == D("1.5075")
    assert formula.amount == D("1.51")
    many = parse_formula("123456789.12元×987654321.98×123456789.12×987654321.98")
    with localcontext() as context:
        context.prec = 100
        expected = D("123456789.12") * D("987654321.98") * D("123456789.12") * D("987654321.98")
    assert many.product == expected
    assert len(many.product.as_tuple().digits) > 28  # more than the default precision


def test_factor_multiplier():
    assert Factor(D("1.2"), "万元").multiplier == D(10000)
    assert Factor(D("1.2"), "万元/人").yuan_value == D("12000")
    assert Factor(D("2"), "亿元").multiplier == D(100000000)
    assert Factor(D("200"), "元/月").multiplier == D(1)
    assert Factor(D("60"), "人").yuan_value == D(60)
    assert unit_multiplier(" 万元 ") == D(10000)


def test_product_takes_any_factor_like_objects():
    factors = [FactorData(D("2"), "人"), FactorData(D("1.2"), "万元/人")]
    assert product(factors) == D("24000")
    assert product([]) == D(1)
    assert format_formula(factors, D("24000")) == "2人 × 1.2万元/人 = 24,000.00元"


def test_formula_is_frozen():
    formula = parse_formula("2人×3元")
    assert formula == Formula(
        (Factor(D(2), "人", "2人"), Factor(D(3), "元", "3元")), None, "2人×3元"
    )
    with pytest.raises(AttributeError):
        formula.text = ""  # type: ignore[misc]


# --- errors ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "position", "message"),
    [
        ("60人×÷2天", 4, "无法识别的计算式“60人×÷2天”：第5个字符“÷”不是乘号或数字"),
        ("", None, "无法识别的计算式“”：计算式为空"),
        (" \u3000 ", None, "无法识别的计算式“ \u3000 ”：计算式为空"),
        ("60人", None, "无法识别的计算式“60人”：计算式至少需要两个因子，用乘号（×）连接"),
        (
            "60人=6000元",
            None,
            "无法识别的计算式“60人=6000元”：计算式至少需要两个因子，用乘号（×）连接",
        ),
        (
            "人×100元",
            0,
            "无法识别的计算式“人×100元”：第1个字符“人”不是数字：每个因子应以数字开头",
        ),
        ("60人×", 3, "无法识别的计算式“60人×”：第4个字符“×”后缺少因子"),
        ("60人× ", 3, "无法识别的计算式“60人× ”：第4个字符“×”后缺少因子"),
        (
            "60人××2天",
            4,
            "无法识别的计算式“60人××2天”：第5个字符“×”是多余的乘号：两个乘号之间缺少因子",
        ),
        (
            "60人× *2天",
            5,
            "无法识别的计算式“60人× *2天”：第6个字符“*”是多余的乘号：两个乘号之间缺少因子",
        ),
        (
            "×60人×2天",
            0,
            "无法识别的计算式“×60人×2天”：第1个字符“×”前缺少因子：计算式应以数字开头",
        ),
        ("60人+2天", 3, "无法识别的计算式“60人+2天”：第4个字符“+”不是乘号或数字"),
        ("60人－2天", 3, "无法识别的计算式“60人－2天”：第4个字符“－”不是乘号或数字"),
        ("60人−2天", 3, "无法识别的计算式“60人−2天”：第4个字符“−”不是乘号或数字"),
        ("60人÷2天", 3, "无法识别的计算式“60人÷2天”：第4个字符“÷”不是乘号或数字"),
        ("60/2", 2, "无法识别的计算式“60/2”：第3个字符“/”不是乘号或数字"),
        ("60人/2", 3, "无法识别的计算式“60人/2”：第4个字符“/”不是乘号或数字"),
        ("60人 /月", 4, "无法识别的计算式“60人 /月”：第5个字符“/”不是乘号或数字"),
        ("60元/×2", 3, "无法识别的计算式“60元/×2”：第4个字符“/”不是乘号或数字"),
        ("100元/2天×3", 4, "无法识别的计算式“100元/2天×3”：第5个字符“/”不是乘号或数字"),
        (
            "60m2×3元",
            3,
            "无法识别的计算式“60m2×3元”：第4个字符“2”出现在单位中："
            "单位不能含数字，因子之间应以乘号连接",
        ),
        (
            "60人×100元2天",
            8,
            "无法识别的计算式“60人×100元2天”：第9个字符“2”出现在单位中："
            "单位不能含数字，因子之间应以乘号连接",
        ),
        ("60人 100元", 4, "无法识别的计算式“60人 100元”：第5个字符“1”前缺少乘号"),
        ("60人×.5元", 4, "无法识别的计算式“60人×.5元”：第5个字符“.”前缺少数字（如0.5）"),
        ("60人×5.元", 5, "无法识别的计算式“60人×5.元”：第6个字符“.”后面缺少数字"),
        (
            "60人×1.2.3元",
            7,
            "无法识别的计算式“60人×1.2.3元”：第8个字符“.”是多余的：一个数只能有一个小数点，"
            "小数部分不能分节",
        ),
        (
            "60人×1,00元",
            5,
            "无法识别的计算式“60人×1,00元”：第6个字符“,”位置不对：千分位分隔符应每三位数字一个",
        ),
        (
            "10%×①",
            4,
            "无法识别的计算式“10%×①”：第5个字符“①”是对另一明细的引用："
            "只能写在计算式开头（如“①×10%”）",
        ),
        (
            "①10%",
            0,
            "无法识别的计算式“①10%”：第1个字符“①”后缺少乘号：引用另一明细时应写成“①×10%”",
        ),
        (
            "第2项",
            0,
            "无法识别的计算式“第2项”：第1个字符“第”后缺少乘号：引用另一明细时应写成“①×10%”",
        ),
        ("50%", None, "无法识别的计算式“50%”：计算式至少需要两个因子，用乘号（×）连接"),
        ("60人×(2天)", 4, "无法识别的计算式“60人×(2天)”：第5个字符“(”不是乘号或数字"),
        ("60人×=3万元", 4, "无法识别的计算式“60人×=3万元”：第5个字符“=”前缺少因子"),
        ("=3万元", 0, "无法识别的计算式“=3万元”：第1个字符“=”前缺少计算式"),
        ("60人×100元=", 8, "无法识别的计算式“60人×100元=”：第9个字符“=”后缺少结果"),
        ("60人×100元＝ ", 8, "无法识别的计算式“60人×100元＝ ”：第9个字符“＝”后缺少结果"),
        (
            "60人×100元=很多",
            9,
            "无法识别的计算式“60人×100元=很多”：第10个字符“很”不是数字"
            "（等号后应为金额，如12,000.00元）",
        ),
        (
            "60人×100元=6000美元",
            13,
            "无法识别的计算式“60人×100元=6000美元”：第14个字符“美”起的“美元”"
            "不是可识别的金额单位，应为元、万元或亿元（等号后应为金额，如12,000.00元）",
        ),
        (
            "3人×7.0015元=21.0045元",
            16,
            "无法识别的计算式“3人×7.0015元=21.0045元”：第17个字符“4”已在分以下"
            "（合计21.0045元），金额只能精确到分（0.01元）",
        ),
        (
            "3万人×2元",
            1,
            "无法识别的计算式“3万人×2元”：第2个字符“万”起的单位“万人”带数量级，"
            "无法按原数计算：金额请用元、万元或亿元，数量请写成整数（如30000人）",
        ),
        (
            "2人×1.2万",
            6,
            "无法识别的计算式“2人×1.2万”：第7个字符“万”起的单位“万”带数量级，"
            "无法按原数计算：金额请用元、万元或亿元，数量请写成整数（如30000人）",
        ),
        (
            "2人×3千元",
            4,
            "无法识别的计算式“2人×3千元”：第5个字符“千”起的单位“千元”带数量级，"
            "无法按原数计算：金额请用元、万元或亿元，数量请写成整数（如30000人）",
        ),
        ("__import__('os')", 0, "无法识别的计算式“__import__('os')”：第1个字符“_”不是乘号或数字"),
        (
            "自助餐费：60人×100元",
            0,
            "无法识别的计算式“自助餐费：60人×100元”：第1个字符“自”不是数字：每个因子应以数字开头",
        ),
    ],
)
def test_unreadable_formulas_say_what_and_where(text, position, message):
    with pytest.raises(FormulaError) as caught:
        parse_formula(text)
    error = caught.value
    assert error.text == text
    assert error.position == position
    assert str(error) == message
    assert error.reason in str(error)
    assert isinstance(error, ValueError)


def test_too_long_formulas_are_refused():
    text = "×".join(["2人"] * 67)  # 200 characters
    assert len(text) == MAX_LENGTH
    assert len(parse_formula(text).factors) == 67
    longer = text + "×"
    with pytest.raises(FormulaError) as caught:
        parse_formula(longer + "2人")
    assert caught.value.position is None
    assert "计算式过长（203个字符），最多200个字符" in str(caught.value)
    assert "…”" in str(caught.value)  # the text is cut in the message


def test_parse_formula_rejects_non_strings():
    with pytest.raises(TypeError):
        parse_formula(None)  # type: ignore[arg-type]


def test_errors_survive_pickling():
    error = FormulaError("60人×÷2天", "不是乘号或数字", 4)
    copy = pickle.loads(pickle.dumps(error))
    assert str(copy) == str(error)
    assert (copy.text, copy.reason, copy.position) == (error.text, error.reason, error.position)


@given(st.text(max_size=80))
def test_parse_formula_raises_only_formula_errors(text):
    try:
        formula = parse_formula(text)
    except FormulaError as error:
        assert error.position is None or 0 <= error.position <= len(text)
        assert str(error).startswith("无法识别的计算式")
    else:
        assert len(formula.factors) >= 2


formula_like_text = st.text(
    alphabet="0123456789０１２３.,，×xX*＊✕ =＝+-÷/%人元万亿月年个天/·（）()", max_size=40
)


@given(formula_like_text)
def test_parse_formula_raises_only_formula_errors_on_formula_like_text(text):
    try:
        formula = parse_formula(text)
    except FormulaError as error:
        assert error.position is None or 0 <= error.position <= len(text)
    else:
        assert all(f.value >= 0 for f in formula.factors)
        assert all(not any(c.isdigit() for c in f.unit) for f in formula.factors)


# --- writing and reading back ----------------------------------------------------------------


def test_format_formula():
    formula = parse_formula("60人×100元×2天")
    assert format_formula(formula.factors, formula.amount) == "60人 × 100元 × 2天 = 12,000.00元"
    assert format_formula(formula.factors) == "60人 × 100元 × 2天"
    assert format_formula(parse_formula("2人×1.20万元").factors) == "2人 × 1.2万元"


UNITS = [
    "人", "名", "个", "辆", "天", "次", "元", "元/月", "元/年", "元/人", "月", "节", "万元",
    "万元/人", "人·天", "%", "‰", "",
]  # fmt: skip
SEPARATORS = ["×", "x", "X", "*", "＊", "✕", " × ", " x ", "  *  ", "\u3000×\u3000"]

factor_values = st.decimals(min_value=D("0.01"), max_value=D(1000000), places=2, allow_nan=False)
factor_lists = st.lists(st.tuples(factor_values, st.sampled_from(UNITS)), min_size=2, max_size=5)


def _expected_product(factors):
    with localcontext() as context:
        context.prec = 200
        result = D(1)
        for value, unit in factors:
            shares = {"%": D("0.01"), "‰": D("0.001")}
            result *= value * (10000 if unit.startswith("万元") else shares.get(unit, 1))
        return result


@given(
    factor_lists,
    st.sampled_from(SEPARATORS),
    st.sampled_from(["", " "]),
    st.booleans(),
    st.sampled_from([None, "yuan", "wan", "bare"]),
)
def test_written_formulas_read_back(factors, separator, space, wide, result):
    text = separator.join(f"{value:f}{space}{unit}" for value, unit in factors)
    expected = _expected_product(factors)
    assume(result is None or round_yuan(expected) < MAX_YUAN)
    if result == "yuan":
        text += f"={format_yuan(round_yuan(expected))}"
    elif result == "wan":
        text += f" ＝ {format_wan(round_yuan(expected))}"
    elif result == "bare":
        text += f"={format_yuan(round_yuan(expected), grouping=False, unit=False)}"
    if wide:
        text = fullwidth(text)
    formula = parse_formula(text)
    assert [(f.value, f.unit) for f in formula.factors] == factors
    assert formula.product == expected
    assert formula.amount == round_yuan(expected)
    assert formula.stated_result == (None if result is None else round_yuan(expected))


@given(factor_lists, st.booleans())
def test_formatted_formulas_read_back(factors, with_result):
    formula = parse_formula("×".join(f"{value:f}{unit}" for value, unit in factors))
    result = formula.amount if with_result else None
    assume(result is None or result < MAX_YUAN)
    again = parse_formula(format_formula(formula.factors, result))
    assert [(f.value, f.unit) for f in again.factors] == [
        (f.value, f.unit) for f in formula.factors
    ]
    assert again.product == formula.product
    assert again.stated_result == result


# --- rates: percentages and a rate of another line ----------------------------------------


def test_percent_and_per_mille_are_shares():
    assert parse_formula("5000元×12月×10%").amount == D("6000.00")
    assert parse_formula("5000元×12月×10％").amount == D("6000.00")  # full-width sign
    assert parse_formula("20000元×5‰").amount == D("100.00")
    factor = parse_formula("3人×12.5%").factors[1]
    assert (factor.value, factor.unit, factor.text) == (D("12.5"), "%", "12.5%")


def test_a_rate_of_another_line_keeps_its_reference():
    formula = parse_formula("①×10%")
    assert formula.base == "①"
    assert [(f.value, f.unit) for f in formula.factors] == [(D("10"), "%")]
    assert formula.of(D("528000.00")) == D("52800.00")
    numbered = parse_formula("第2项 × 12月 × 10% = 6,000.00元")
    assert numbered.base == "第2项" and numbered.of(D("5000")) == D("6000.00")
    assert numbered.stated_result == D("6000.00")
    assert parse_formula("60人×100元").base == ""


def test_formula_base_and_refers_to():
    assert formula_base("①×10%") == "①"
    assert formula_base(" 第１２项×10%") == "第12项"  # full-width digits
    assert formula_base("60人×100元") == ""
    assert refers_to("①", "①", 3, top_level=True)
    assert refers_to("①", "①", 3, top_level=False)  # a child line with a marker
    assert not refers_to("①", "②", 1, top_level=True)
    assert not refers_to("①", "", 1, top_level=True)
    assert refers_to("第2项", "", 2, top_level=True)
    assert not refers_to("第2项", "", 2, top_level=False)  # 第N项 counts a sub-item's own lines
    assert not refers_to("", "", 1, top_level=True)


@given(
    st.decimals(min_value=0, max_value=D(10) ** 9, places=2),
    st.decimals(min_value=0, max_value=200, places=2),
)
def test_a_rate_of_a_base_is_the_base_times_the_share(base, percent):
    formula = parse_formula(f"①×{percent:f}%")
    assert formula.of(base) == round_yuan(base * percent / 100)
