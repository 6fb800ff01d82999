"""Formulas: ordered factors and their product, a clear error with position, never eval."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from budget.formulas import FormulaError, format_formula, parse_formula

UNITS = ["人", "名", "个", "辆", "天", "次", "元", "元/月", "元/年", "元/人", "月", "节", "万元"]
SEPARATORS = ["×", "x", "X", "*", "＊", " × ", "✕"]


@pytest.mark.parametrize(
    ("text", "factors", "amount"),
    [
        ("60人×100元×2天", [("60", "人"), ("100", "元"), ("2", "天")], "12000.00"),
        ("2000元×4人", [("2000", "元"), ("4", "人")], "8000.00"),
        ("2辆×1000元", [("2", "辆"), ("1000", "元")], "2000.00"),
        ("95名×200元/月×12月", [("95", "名"), ("200", "元/月"), ("12", "月")], "228000.00"),
        ("6个×5000元/年", [("6", "个"), ("5000", "元/年")], "30000.00"),
        ("1274人×50元/年", [("1274", "人"), ("50", "元/年")], "63700.00"),
        ("６０人＊１００元ｘ２天", [("60", "人"), ("100", "元"), ("2", "天")], "12000.00"),
        ("60人 x 100元 X 2天", [("60", "人"), ("100", "元"), ("2", "天")], "12000.00"),
        ("2人×1.2万元", [("2", "人"), ("1.2", "万元")], "24000.00"),
        ("800个*19元/个", [("800", "个"), ("19", "元/个")], "15200.00"),
        ("3×5", [("3", ""), ("5", "")], "15.00"),
    ],
)
def test_parse_formula(text, factors, amount):
    formula = parse_formula(text)
    assert [(f.value, f.unit) for f in formula.factors] == [
        (Decimal(v), u) for v, u in factors
    ]
    assert formula.amount == Decimal(amount)
    assert formula.stated_result is None


def test_stated_result_is_read_as_an_amount():
    formula = parse_formula("95名×200元/月×12月=22.8万元")
    assert formula.stated_result == Decimal("228000.00")
    assert parse_formula("6个×5000元/年＝3万元").stated_result == Decimal("30000.00")


def test_factor_text_is_kept_as_written():
    formula = parse_formula("６０人×100元")
    assert [f.text for f in formula.factors] == ["６０人", "100元"]


@pytest.mark.parametrize(
    ("text", "position", "reason"),
    [
        ("", None, "为空"),
        ("60人", None, "两个因子"),
        ("人×100元", 0, "缺少数字"),
        ("60人×", 4, "缺少数字"),
        ("60人××2天", 4, "两个乘号"),
        ("60人÷2天", 3, "只支持乘法"),
        ("60人+2天", 3, "只支持乘法"),
        ("60人×100元=", 10, "缺少结果"),
        ("60人×100元=很多", 10, "结果"),
        ("__import__('os')", 0, "不是乘号或数字"),
        ("1" * 201, None, "超过"),
    ],
)
def test_unreadable_formulas_say_where(text, position, reason):
    with pytest.raises(FormulaError) as error:
        parse_formula(text)
    assert error.value.position == position
    assert reason in str(error.value)
    if position is not None and position < len(text):
        assert f"第{position + 1}个字符" in str(error.value)


def test_format_formula():
    formula = parse_formula("60人×100元×2天")
    assert format_formula(formula.factors, formula.amount) == "60人 × 100元 × 2天 = 12,000.00元"


factor_values = st.decimals(
    min_value=Decimal("0.01"), max_value=Decimal(100000), places=2, allow_nan=False
)


@given(
    st.lists(st.tuples(factor_values, st.sampled_from(UNITS)), min_size=2, max_size=5),
    st.sampled_from(SEPARATORS),
)
def test_written_formulas_read_back(factors, separator):
    text = separator.join(f"{value}{unit}" for value, unit in factors)
    formula = parse_formula(text)
    assert [(f.value, f.unit) for f in formula.factors] == factors
    expected = Decimal(1)
    for value, unit in factors:
        expected *= value * (10000 if unit == "万元" else 1)
    assert formula.product == expected


@given(st.lists(st.tuples(factor_values, st.sampled_from(UNITS)), min_size=2, max_size=5))
def test_formatted_formula_reads_back(factors):
    formula = parse_formula("×".join(f"{value}{unit}" for value, unit in factors))
    again = parse_formula(format_formula(formula.factors, formula.amount))
    assert again.factors == tuple(
        type(f)(value=f.value, unit=f.unit, text=g.text)
        for f, g in zip(formula.factors, again.factors, strict=True)
    )
    assert again.stated_result == formula.amount


@given(st.text(max_size=60))
def test_parse_formula_raises_only_formula_errors(text):
    try:
        parse_formula(text)
    except FormulaError:
        pass
