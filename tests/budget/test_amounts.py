"""Amounts: parse what staff write, format for pages and PDFs, round in one place."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from budget.amounts import (
    AmountError,
    find_amounts,
    format_wan,
    format_yuan,
    parse_amount,
    parse_amount_exact,
    round_yuan,
    to_daxie,
)
from budget.normalize import halfwidth

# Every 2-place amount the database can hold, up to 10^13 元.
amounts = st.decimals(
    min_value=0, max_value=Decimal(10) ** 13, places=2, allow_nan=False, allow_infinity=False
)


def fullwidth(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("20万元", "200000.00"),
        ("0.75万元", "7500.00"),
        ("7.837024万元", "78370.24"),
        ("3516344元", "3516344.00"),
        ("15200元", "15200.00"),
        ("1.2万", "12000.00"),
        ("480.02 万元", "4800200.00"),
        ("3,516,344元", "3516344.00"),
        ("3，516，344元", "3516344.00"),
        ("２０万元", "200000.00"),
        ("200,000.00", "200000.00"),
        ("200000", "200000.00"),
        ("1亿元", "100000000.00"),
        ("人民币150万元", "1500000.00"),
        ("￥12.50", "12.50"),
        ("  8万 ", "80000.00"),
    ],
)
def test_parse_amount(text, expected):
    value = parse_amount(text)
    assert value == Decimal(expected)
    assert value.as_tuple().exponent == -2


def test_bare_numbers_take_the_default_unit():
    assert parse_amount("51.67", default_unit="万元") == Decimal("516700.00")
    assert parse_amount("51.67") == Decimal("51.67")


def test_parse_exact_keeps_what_was_written():
    parsed = parse_amount_exact("21.4450元")
    assert parsed.value == Decimal("21.445")
    assert parsed.unit == "元"
    assert parse_amount_exact("1.2万").unit == "万元"
    assert parse_amount_exact("1200").unit == ""


@pytest.mark.parametrize(
    ("text", "position", "reason"),
    [
        ("", None, "金额为空"),
        ("-5元", 0, "负数"),
        ("3,51,6344元", 1, "千位分隔符"),
        ("1.2.3元", 3, "两个小数点"),
        ("20美元", 2, "金额单位"),
        ("abc", 0, "不是数字"),
        ("12三万元", 2, "金额单位"),
    ],
)
def test_unreadable_amounts_say_what_and_where(text, position, reason):
    with pytest.raises(AmountError) as error:
        parse_amount(text, where="项目1 子项目2")
    assert error.value.position == position
    assert reason in str(error.value)
    assert f"“{text}”" in str(error.value)
    assert str(error.value).startswith("项目1 子项目2：")
    if position is not None:
        assert f"第{position + 1}个字符" in str(error.value)


def test_amounts_below_the_fen_are_an_error_not_rounded():
    with pytest.raises(AmountError, match="分以下"):
        parse_amount("21.4450元")
    assert round_yuan(parse_amount_exact("21.4450元").value) == Decimal("21.45")


def test_amounts_too_large_for_the_database_are_refused():
    with pytest.raises(AmountError, match="最大"):
        parse_amount("100000000亿元")


def test_round_yuan_is_half_up():
    assert round_yuan(Decimal("0.005")) == Decimal("0.01")
    assert round_yuan(Decimal("0.0049")) == Decimal("0.00")
    assert round_yuan(Decimal("2.675")) == Decimal("2.68")


@pytest.mark.parametrize(
    ("value", "yuan", "wan"),
    [
        ("1500000", "1,500,000.00元", "150万元"),
        ("78370.24", "78,370.24元", "7.837024万元"),
        ("7500", "7,500.00元", "0.75万元"),
        ("0", "0.00元", "0万元"),
        ("1", "1.00元", "0.0001万元"),
        ("0.01", "0.01元", "0.000001万元"),
        ("3516344", "3,516,344.00元", "351.6344万元"),
    ],
)
def test_format(value, yuan, wan):
    assert format_yuan(Decimal(value)) == yuan
    assert format_wan(Decimal(value)) == wan


def test_format_without_unit_or_grouping():
    assert format_yuan(Decimal("3516344"), grouping=False, unit=False) == "3516344.00"
    assert format_wan(Decimal("406380"), unit=False) == "40.638"


@pytest.mark.parametrize(
    ("value", "daxie"),
    [
        ("1500000", "壹佰伍拾万元整"),
        ("3516344", "叁佰伍拾壹万陆仟叁佰肆拾肆元整"),
        ("1010", "壹仟零壹拾元整"),
        ("100000000", "壹亿元整"),
        ("100010000", "壹亿零壹万元整"),
        ("100001", "壹拾万零壹元整"),
        ("1000.05", "壹仟元零伍分"),
        ("0.5", "伍角整"),
        ("0.05", "伍分"),
        ("12.3", "壹拾贰元叁角整"),
        ("12.34", "壹拾贰元叁角肆分"),
        ("0", "零元整"),
        ("10", "壹拾元整"),
        ("406380", "肆拾万陆仟叁佰捌拾元整"),
        ("1000000.10", "壹佰万元壹角整"),
    ],
)
def test_daxie(value, daxie):
    assert to_daxie(Decimal(value)) == daxie


@pytest.mark.parametrize("value", ["-1", "0.001", "100000000000000"])
def test_daxie_refuses_what_it_cannot_write(value):
    with pytest.raises(ValueError):
        to_daxie(Decimal(value))


def test_find_amounts_in_prose():
    text = "需经费3万元。共需支付406380元，单价19元/个，计划2024年2月，每人每节慰问金500元，两节计20万元"
    found = find_amounts(text)
    assert [(a.value, a.per) for a in found] == [
        (Decimal("30000"), ""),
        (Decimal("406380"), ""),
        (Decimal("19"), "个"),
        (Decimal("500"), ""),
        (Decimal("200000"), ""),
    ]
    for amount in found:
        assert text[amount.start : amount.end] == amount.text


def test_find_amounts_ignores_years_months_and_document_numbers():
    assert find_amounts("根据澄办发〔2014〕104号，2024年1-9月，第3季度") == []


@given(amounts)
def test_parse_inverts_format_yuan(value):
    assert parse_amount(format_yuan(value)) == value
    assert parse_amount(format_yuan(value, grouping=False, unit=False)) == value


@given(amounts)
def test_parse_inverts_format_wan(value):
    assert parse_amount(format_wan(value)) == value


@given(amounts)
def test_full_width_input_reads_the_same(value):
    assert parse_amount(fullwidth(format_yuan(value))) == value


@given(amounts)
def test_round_yuan_is_idempotent(value):
    assert round_yuan(round_yuan(value)) == round_yuan(value)


@given(amounts)
def test_daxie_is_written_in_capitals_only(value):
    text = to_daxie(value)
    assert set(text) <= set("零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整")
    assert "零零" not in text


@given(st.text(max_size=30))
def test_parse_raises_only_amount_errors(text):
    try:
        parse_amount(text)
    except AmountError:
        pass


@given(st.text(max_size=50))
def test_halfwidth_keeps_length_and_is_idempotent(text):
    once = halfwidth(text)
    assert len(once) == len(text)
    assert halfwidth(once) == once


def test_halfwidth_keeps_chinese_punctuation():
    assert halfwidth("１２３，（〔２０１４〕）×①、。") == "123，（〔2014〕）×①、。"
    assert halfwidth("６０人＊１００元＝") == "60人*100元="
