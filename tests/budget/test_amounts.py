"""Amounts: reading what finance staff write, formatting, 大写; the position-keeping normaliser."""

import pickle
import re
from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from budget.amounts import (
    MAX_YUAN,
    YUAN,
    AmountError,
    AmountPrecisionError,
    AmountRangeError,
    ParsedAmount,
    find_amounts,
    format_decimal,
    format_wan,
    format_yuan,
    parse_amount,
    parse_amount_exact,
    round_yuan,
    rounds_to,
    to_daxie,
)
from budget.normalize import halfwidth


def fullwidth(text: str) -> str:
    """The full-width form of ASCII text (the inverse of halfwidth on ASCII)."""
    return "".join(
        "\u3000" if c == " " else chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text
    )


amounts = st.decimals(min_value=0, max_value=10**13, places=2, allow_nan=False)

# --- halfwidth -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("２０万元", "20万元"),
        ("３，５１６，３４４元", "3,516,344元"),
        ("６０人＊１００元＝", "60人*100元="),
        ("（１）／ｘＡｚ．－＋", "(1)/xAz.-+"),
        ("金额\u3000２０", "金额 20"),
        ("～！＠＃＄％＾＆［］｛｝＂＇＜＞？；：｜＼＿｀", "~!@#$%^&[]{}\"'<>?;:|\\_`"),
    ],
)
def test_halfwidth_converts_fullwidth_ascii(text, expected):
    assert halfwidth(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "澄办发〔2014〕104号",
        "【2013】《通知》",
        "60人×100元",
        "①②③④⑤⑥⑦⑧⑨⑩",
        "甲、乙。丙",
        "￥200",
        "ｱｲｳ",  # half-width katakana is not touched
        "",
    ],
)
def test_halfwidth_leaves_other_characters_alone(text):
    assert halfwidth(text) == text


@given(st.text())
def test_halfwidth_keeps_length_and_is_idempotent(text):
    once = halfwidth(text)
    assert len(once) == len(text)
    assert halfwidth(once) == once


@given(st.text())
def test_halfwidth_changes_only_fullwidth_forms(text):
    for before, after in zip(text, halfwidth(text), strict=True):
        if before != after:
            assert before == "\u3000" or "\uff01" <= before <= "\uff5e"


@given(st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E)))
def test_halfwidth_undoes_fullwidth(text):
    assert halfwidth(fullwidth(text)) == text


# --- round_yuan ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1.005", "1.01"),
        ("1.004999", "1.00"),
        ("2.5", "2.50"),
        ("21.4450", "21.45"),
        ("0.004", "0.00"),
        ("-0.004", "0.00"),
        ("-1.005", "-1.01"),
        ("12345678901234567890123456789.995", "12345678901234567890123456790.00"),
        ("7", "7.00"),
    ],
)
def test_round_yuan_rounds_half_up_to_the_fen(value, expected):
    result = round_yuan(D(value))
    assert result == D(expected)
    assert str(result) == expected
    assert result.as_tuple().exponent == -2


def test_round_yuan_accepts_int_and_rejects_float_and_nan():
    assert round_yuan(3) == D("3.00")
    with pytest.raises(TypeError, match="Decimal"):
        round_yuan(1.5)
    with pytest.raises(ValueError, match="有限"):
        round_yuan(D("NaN"))
    with pytest.raises(ValueError, match="有限"):
        round_yuan(D("Infinity"))


def test_yuan_is_one_fen():
    assert D("0.01") == YUAN


@given(st.decimals(allow_nan=False, allow_infinity=False))
def test_round_yuan_is_idempotent_and_close(value):
    once = round_yuan(value)
    assert round_yuan(once) == once
    assert abs(once - value) <= D("0.005")


# --- parse_amount_exact ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("20万元", "200000", "万元"),
        ("0.75万元", "7500", "万元"),
        ("7.837024万元", "78370.24", "万元"),
        ("3516344元", "3516344", "元"),
        ("15200元", "15200", "元"),
        ("1.2万", "12000", "万元"),
        ("480.02 万元", "4800200", "万元"),
        ("480.02\u3000万元", "4800200", "万元"),
        ("3,516,344元", "3516344", "元"),
        ("3，516，344元", "3516344", "元"),
        ("200,000.00", "200000", ""),
        ("２０万元", "200000", "万元"),
        ("３，５１６，３４４．００元", "3516344", "元"),
        ("21.4450元", "21.445", "元"),
        ("1亿元", "100000000", "亿元"),
        ("2.5亿", "250000000", "亿元"),
        ("406380", "406380", ""),
        ("0", "0", ""),
        ("0.00元", "0", "元"),
        ("人民币20万元", "200000", "万元"),
        ("人民币 200", "200", "元"),
        ("￥200", "200", "元"),
        ("¥3,516,344.00", "3516344", "元"),
        ("￥ 1.5万元", "15000", "万元"),
        ("20万元整", "200000", "万元"),
        ("  15200元\n", "15200", "元"),
    ],
)
def test_parse_amount_exact_accepts(text, value, unit):
    parsed = parse_amount_exact(text)
    assert parsed.value == D(value)
    assert parsed.unit == unit
    assert parsed.text == text.strip()
    assert text[parsed.start : parsed.end] == parsed.text
    assert parsed.per == ""


def test_parse_amount_exact_keeps_the_exact_value():
    assert parse_amount_exact("21.4450元").value.as_tuple() == D("21.4450").as_tuple()
    assert parse_amount_exact("0.0000001万元").value == D("0.001")
    # 万 is ×10000 exactly, whatever the number of digits.
    big = parse_amount_exact("9999999999.999999万元").value
    assert big == D("99999999999999.99")


def test_bare_numbers_take_the_default_unit():
    assert parse_amount_exact("20", default_unit="万元").value == D("200000")
    assert parse_amount_exact("20", default_unit="万元").unit == ""
    assert parse_amount_exact("20", default_unit="亿元").value == D("2000000000")
    assert parse_amount_exact("20元", default_unit="万元").value == D("20")
    # ￥ and 人民币 say 元 already.
    assert parse_amount_exact("￥20", default_unit="万元").value == D("20")
    assert parse_amount_exact("人民币20", default_unit="万元").unit == "元"


def test_an_unknown_default_unit_is_a_programming_error():
    with pytest.raises(ValueError, match="默认单位"):
        parse_amount_exact("20", default_unit="美元")


def test_parsed_amount_is_frozen():
    parsed = parse_amount_exact("20万元")
    assert parsed == ParsedAmount(D("200000"), "万元", "20万元", 0, 4)
    with pytest.raises(AttributeError):
        parsed.value = D(1)  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "position", "message"),
    [
        ("12三万元", 2, "无法识别的金额“12三万元”：第3个字符“三”不是数字"),
        ("", None, "无法识别的金额“”：金额为空"),
        ("   ", None, "无法识别的金额“   ”：金额为空"),
        ("-5元", 0, "无法识别的金额“-5元”：第1个字符“-”是负号：预算金额不能为负数"),
        ("－5万元", 0, "无法识别的金额“－5万元”：第1个字符“－”是负号：预算金额不能为负数"),
        ("−5元", 0, "无法识别的金额“−5元”：第1个字符“−”是负号：预算金额不能为负数"),
        (
            "3,51,6344元",
            1,
            "无法识别的金额“3,51,6344元”：第2个字符“,”位置不对：千分位分隔符应每三位数字一个",
        ),
        (
            "1234,567元",
            4,
            "无法识别的金额“1234,567元”：第5个字符“,”位置不对：千分位分隔符应每三位数字一个",
        ),
        (
            "3,516,34元",
            5,
            "无法识别的金额“3,516,34元”：第6个字符“,”位置不对：千分位分隔符应每三位数字一个",
        ),
        (
            "3，5160元",
            1,
            "无法识别的金额“3，5160元”：第2个字符“，”位置不对：千分位分隔符应每三位数字一个",
        ),
        (
            "1.2.3万元",
            3,
            "无法识别的金额“1.2.3万元”：第4个字符“.”是多余的小数点：一个金额只能有一个小数点",
        ),
        (
            "20美元",
            2,
            "无法识别的金额“20美元”：第3个字符“美”起的“美元”不是可识别的金额单位，"
            "应为元、万元或亿元",
        ),
        (
            "1千元",
            1,
            "无法识别的金额“1千元”：第2个字符“千”起的“千元”不是可识别的金额单位，"
            "应为元、万元或亿元",
        ),
        ("abc", 0, "无法识别的金额“abc”：第1个字符“a”不是数字"),
        ("元", 0, "无法识别的金额“元”：第1个字符“元”不是数字"),
        ("二十万元", 0, "无法识别的金额“二十万元”：第1个字符“二”不是数字"),
        ("20#", 2, "无法识别的金额“20#”：第3个字符“#”不是数字"),
        (".5万元", 0, "无法识别的金额“.5万元”：第1个字符“.”前面缺少数字（如0.5）"),
        ("3.元", 1, "无法识别的金额“3.元”：第2个字符“.”后面缺少数字"),
        ("3.5,000元", 3, "无法识别的金额“3.5,000元”：第4个字符“,”不应出现在小数部分"),
        (
            "20 000元",
            2,
            "无法识别的金额“20 000元”：第3个字符（空格）是多余的空格：数字中间不能有空格",
        ),
        ("人民币", 3, "无法识别的金额“人民币”：末尾缺少数字"),
        (
            "200元/月",
            4,
            "无法识别的金额“200元/月”：第5个字符“/”表示单价（如“元/月”），这里需要的是一笔金额",
        ),
        (
            "20万元左右",
            4,
            "无法识别的金额“20万元左右”：第5个字符“左”是多余的内容：金额单位之后不应再有文字",
        ),
        (
            "1e5",
            1,
            "无法识别的金额“1e5”：第2个字符“e”起的“e”不是可识别的金额单位，应为元、万元或亿元",
        ),
        ("NaN", 0, "无法识别的金额“NaN”：第1个字符“N”不是数字"),
        ("+5元", 0, "无法识别的金额“+5元”：第1个字符“+”不是数字"),
    ],
)
def test_parse_amount_exact_rejects(text, position, message):
    with pytest.raises(AmountError) as caught:
        parse_amount_exact(text)
    error = caught.value
    assert error.text == text
    assert error.position == position
    assert str(error) == message
    assert error.reason and error.reason in str(error)
    assert isinstance(error, ValueError)


def test_the_position_counts_in_the_text_as_written():
    with pytest.raises(AmountError) as caught:
        parse_amount_exact("  12三万元")
    assert caught.value.position == 4
    assert "第5个字符“三”" in str(caught.value)


def test_amounts_of_100_wan_yi_or_more_are_out_of_range():
    assert parse_amount_exact("99999999999999.99元").value == MAX_YUAN - D("0.01")
    with pytest.raises(AmountRangeError) as caught:
        parse_amount_exact("1000000亿元")
    assert isinstance(caught.value, AmountError)
    assert caught.value.position is None
    assert str(caught.value) == "金额“1000000亿元”超出范围：金额应小于100万亿元"
    with pytest.raises(AmountRangeError):
        parse_amount_exact("100000000000000.00")
    with pytest.raises(AmountError, match="第5个字符“亿”是多余的内容"):
        parse_amount_exact("100万亿元")  # 万亿 is no unit


def test_long_texts_are_cut_in_the_message():
    text = "1" * 100 + "美元"
    with pytest.raises(AmountError) as caught:
        parse_amount_exact(text)
    assert "…”" in str(caught.value)
    assert "第101个字符“美”" in str(caught.value)
    assert caught.value.text == text


def test_parse_amount_exact_rejects_non_strings():
    with pytest.raises(TypeError):
        parse_amount_exact(20)  # type: ignore[arg-type]


@given(st.text(max_size=40))
def test_parse_amount_exact_raises_only_amount_errors(text):
    try:
        parsed = parse_amount_exact(text)
    except AmountError as error:
        assert error.position is None or 0 <= error.position <= len(text)
        assert str(error)
    else:
        assert parsed.value >= 0
        assert text[parsed.start : parsed.end] == parsed.text


# --- parse_amount ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("20万元", "200000.00"),
        ("7.837024万元", "78370.24"),
        ("0.000001万元", "0.01"),
        ("21.4400元", "21.44"),
        ("3,516,344元", "3516344.00"),
        ("1.23456789亿元", "123456789.00"),
    ],
)
def test_parse_amount_returns_two_places(text, expected):
    value = parse_amount(text)
    assert value == D(expected)
    assert value.as_tuple().exponent == -2


@pytest.mark.parametrize(
    ("text", "position", "total"),
    [
        ("21.4450元", 5, "21.445"),
        ("0.0000001万元", 8, "0.001"),
        ("7.8370245万元", 8, "78370.245"),
        ("1.00000000001亿元", 12, "100000000.001"),
    ],
)
def test_parse_amount_refuses_amounts_below_the_fen(text, position, total):
    with pytest.raises(AmountPrecisionError) as caught:
        parse_amount(text)
    error = caught.value
    assert isinstance(error, AmountError)
    assert error.position == position
    assert str(error).startswith(f"金额“{text}”精确到了分以下：第{position + 1}个字符")
    assert f"合计{total}元" in str(error)
    assert "只能精确到分" in str(error)
    # Rounding is the caller's explicit choice.
    assert round_yuan(parse_amount_exact(text).value) == round_yuan(D(total))


def test_parse_amount_default_unit_counts_for_precision():
    assert parse_amount("0.000001", default_unit="万元") == D("0.01")
    with pytest.raises(AmountPrecisionError):
        parse_amount("0.0000001", default_unit="万元")


def test_where_is_put_before_the_message():
    with pytest.raises(AmountError) as caught:
        parse_amount("12三万元", where="项目1 子项目2")
    assert str(caught.value) == "项目1 子项目2：无法识别的金额“12三万元”：第3个字符“三”不是数字"
    assert caught.value.where == "项目1 子项目2"
    with pytest.raises(AmountPrecisionError) as caught:
        parse_amount("21.4450元", where="项目1")
    assert str(caught.value).startswith("项目1：金额“21.4450元”精确到了分以下")


def test_errors_survive_pickling():
    error = AmountPrecisionError("21.4450元", "原因", 5, "项目1")
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is AmountPrecisionError
    assert str(copy) == str(error)
    assert (copy.text, copy.reason, copy.position, copy.where) == ("21.4450元", "原因", 5, "项目1")


# --- find_amounts ----------------------------------------------------------------------------


def _found(text):
    return [(a.value, a.unit, a.text, a.per) for a in find_amounts(text)]


def test_find_amounts_in_real_prose():
    text = (
        "计划购买800个，单价19元/个，预算15200元；计划支付已完成的干部人事档案数字化建设"
        "及管理制作经费7.837024万元。每人每节慰问金500元，两节计20万元。"
        "共需支付村组干部意外伤害保险费用406380元，需经费3万元。"
    )
    assert _found(text) == [
        (D("19"), "元", "19元/个", "个"),
        (D("15200"), "元", "15200元", ""),
        (D("78370.24"), "万元", "7.837024万元", ""),
        (D("500"), "元", "500元", ""),
        (D("200000"), "万元", "20万元", ""),
        (D("406380"), "元", "406380元", ""),
        (D("30000"), "万元", "3万元", ""),
    ]
    for amount in find_amounts(text):
        assert text[amount.start : amount.end] == amount.text


@pytest.mark.parametrize(
    "text",
    [
        "计划2024年2月春节前完成",
        "根据《澄江县……发放办法（试行）》（澄办发〔2014〕104号）",
        "1-9月完成支出",
        "2021、2022、2023年",
        "共7428名农村党员，共补助74.28万",  # 万 alone is no money unit in prose
        "2万人参加",
        "资金投入48万方土石",  # after a money label, 万 with its own unit is no money
        "补助5万户",
        "可制作191*90（㎝）宣传画40块",
        "正月15元宵节",
        "1月1元旦",
        "",
    ],
)
def test_find_amounts_ignores_numbers_without_a_money_unit(text):
    assert find_amounts(text) == []


@given(
    st.sampled_from(
        ["工程资金投入:", "总投资：", "补助资金: ", "项目预算：", "工程造价:", "本次安排", "资金"]
    ),
    st.decimals(min_value=D("0.01"), max_value=D("99999"), places=2),
    st.sampled_from(["", "。", "，其中省级资金10万元", ";"]),
)
def test_wan_alone_right_after_a_money_fields_label_is_ten_thousand_yuan(label, value, after):
    text = f"{label}{value}万{after}"
    first = find_amounts(text)[0]
    assert (first.value, first.unit, first.text) == (value * 10000, "万元", f"{value}万")


@given(
    st.sampled_from(["已下达", "争取", "共", ""]),
    st.decimals(min_value=D("0.01"), max_value=D("99999"), places=2),
    st.sampled_from(["中央预算内计划投资", "省级资金", "资金", "财政专项资金", "投资"]),
)
def test_wan_alone_before_the_money_it_is_is_ten_thousand_yuan(before, value, money):
    text = f"{before}{value}万{money},支持老旧小区改造项目"
    (found,) = find_amounts(text)
    assert (found.value, found.unit, found.text) == (value * 10000, "万元", f"{value}万")


@pytest.mark.parametrize(
    "text", ["惠及5万投资者", "开立3万资金账户", "吸引2万投资客", "培育1.5万投资主体"]
)
def test_wan_alone_before_who_holds_money_is_no_money(text):
    assert find_amounts(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("每年按100元/人标准补助", [(D("100"), "元", "100元/人", "人")]),
        ("95名×200元/月×12月", [(D("200"), "元", "200元/月", "月")]),
        ("饲料库120平米 | 490元/平米", [(D("490"), "元", "490元/平米", "平米")]),
        (
            "按50元/人次，1.2万元/人/年",
            [
                (D("50"), "元", "50元/人次", "人次"),
                (D("12000"), "万元", "1.2万元/人/年", "人/年"),
            ],
        ),
        (
            "每人每节慰问金500元，两节计20万元",
            [
                (D("500"), "元", "500元", ""),
                (D("200000"), "万元", "20万元", ""),
            ],
        ),
        ("合计3,516,344元整", [(D("3516344"), "元", "3,516,344元", "")]),
        ("合计３，５１６，３４４元", [(D("3516344"), "元", "３，５１６，３４４元", "")]),
        ("安排480.02 万元", [(D("4800200"), "万元", "480.02 万元", "")]),
        ("安排480.02\u3000万元", [(D("4800200"), "万元", "480.02\u3000万元", "")]),
        ("安排480  万元", []),  # more than one space: not an amount
        ("共2次，300元", [(D("300"), "元", "300元", "")]),
        ("3,51,6344元", []),
        ("1.5.3元", []),
        ("金额为￥200，另", [(D("200"), "元", "￥200", "")]),
        ("人民币 5万元", [(D("50000"), "万元", "人民币 5万元", "")]),
        ("投资1亿元", [(D("100000000"), "亿元", "1亿元", "")]),
        ("21.4450元支出", [(D("21.4450"), "元", "21.4450元", "")]),
        ("30万元/5年", [(D("300000"), "万元", "30万元", "")]),
        # A metric unit in Latin letters is what the price is for; a word after it is not.
        ("20.78万元/km，小计", [(D("207800"), "万元", "20.78万元/km", "km")]),
        (
            "0.5万元/m，8元/m²",
            [(D("5000"), "万元", "0.5万元/m", "m"), (D("8"), "元", "8元/m²", "m²")],
        ),
        ("5元/mpa", [(D("5"), "元", "5元", "")]),
    ],
)
def test_find_amounts_cases(text, expected):
    assert _found(text) == expected


@given(st.text(max_size=60))
def test_find_amounts_never_raises_and_spans_match(text):
    previous_end = 0
    for amount in find_amounts(text):
        assert previous_end <= amount.start < amount.end <= len(text)
        assert text[amount.start : amount.end] == amount.text
        assert amount.value >= 0
        assert amount.unit in ("元", "万元", "亿元")
        previous_end = amount.end


@given(amounts, st.sampled_from(["需经费", "共计", "合计：", "。", ""]), st.booleans())
def test_find_amounts_finds_formatted_amounts(value, before, wan):
    written = format_wan(value) if wan else format_yuan(value)
    text = f"{before}{written}，其中"
    found = find_amounts(text)
    assert [a.value for a in found] == [value]
    assert found[0].text == written


# --- formatting ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "grouped", "plain"),
    [
        ("3516344", "3,516,344.00元", "3516344.00"),
        ("0", "0.00元", "0.00"),
        ("0.5", "0.50元", "0.50"),
        ("1000", "1,000.00元", "1000.00"),
        ("999.995", "1,000.00元", "1000.00"),
        ("-1000", "-1,000.00元", "-1000.00"),
        ("-0.001", "0.00元", "0.00"),
        ("100000000000000", "100,000,000,000,000.00元", "100000000000000.00"),
    ],
)
def test_format_yuan(value, grouped, plain):
    assert format_yuan(D(value)) == grouped
    assert format_yuan(D(value), grouping=False, unit=False) == plain
    assert format_yuan(D(value), unit=False) == grouped.removesuffix("元")
    assert format_yuan(D(value), grouping=False) == plain + "元"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1500000", "150万元"),
        ("78370.24", "7.837024万元"),
        ("7500", "0.75万元"),
        ("0", "0万元"),
        ("1", "0.0001万元"),
        ("0.01", "0.000001万元"),
        ("3516344", "351.6344万元"),
        ("100000000000000", "10000000000万元"),
        ("1E+6", "100万元"),
        ("566700.00", "56.67万元"),
    ],
)
def test_format_wan(value, expected):
    assert format_wan(D(value)) == expected
    assert format_wan(D(value), unit=False) == expected.removesuffix("万元")
    assert "E" not in format_wan(D(value))


def test_formatters_reject_floats():
    for formatter in (format_yuan, format_wan, to_daxie, format_decimal):
        with pytest.raises(TypeError):
            formatter(1.5)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("1.20", "1.2"), ("1E+5", "100000"), ("0.000001", "0.000001"), ("-0.0", "0"), ("60", "60")],
)
def test_format_decimal(value, expected):
    assert format_decimal(D(value)) == expected


@given(amounts)
def test_formatted_amounts_read_back(value):
    assert parse_amount(format_yuan(value)) == value
    assert parse_amount(format_wan(value)) == value
    assert parse_amount(format_yuan(value, grouping=False, unit=False)) == value
    assert parse_amount(format_wan(value, unit=False), default_unit="万元") == value
    assert parse_amount(fullwidth(format_yuan(value))) == value
    assert parse_amount(fullwidth(format_wan(value))) == value


# --- 大写 ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1500000", "壹佰伍拾万元整"),
        ("3516344", "叁佰伍拾壹万陆仟叁佰肆拾肆元整"),
        ("1010", "壹仟零壹拾元整"),
        ("100000000", "壹亿元整"),
        ("100010000", "壹亿零壹万元整"),
        ("1000.05", "壹仟元零伍分"),
        ("0.5", "伍角"),
        ("12.3", "壹拾贰元叁角"),
        ("12.30", "壹拾贰元叁角"),
        ("0", "零元整"),
        ("0.00", "零元整"),
        ("10", "壹拾元整"),
        # Examples of the PBoC rules for cheques (正确填写票据和结算凭证的基本规定).
        ("1409.50", "壹仟肆佰零玖元伍角"),
        ("6007.14", "陆仟零柒元壹角肆分"),
        ("1680.32", "壹仟陆佰捌拾元叁角贰分"),
        ("107000.53", "壹拾万柒仟元伍角叁分"),
        ("16409.02", "壹万陆仟肆佰零玖元零贰分"),
        ("325.04", "叁佰贰拾伍元零肆分"),
        # More zeros, sections and the small end.
        ("0.05", "伍分"),
        ("0.55", "伍角伍分"),
        ("1", "壹元整"),
        ("100000", "壹拾万元整"),
        ("200010", "贰拾万零壹拾元整"),
        ("1001001", "壹佰万壹仟零壹元整"),
        ("110000000", "壹亿壹仟万元整"),
        ("100000100", "壹亿零壹佰元整"),
        ("10000000000", "壹佰亿元整"),
        ("1000000000000", "壹万亿元整"),
        ("1000100000000", "壹万零壹亿元整"),
        ("1000010000000", "壹万亿壹仟万元整"),
        ("1000000010000", "壹万亿零壹万元整"),
        ("100000000000000", "壹佰万亿元整"),
        ("99999999999999.99", "玖拾玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"),
    ],
)
def test_to_daxie(value, expected):
    assert to_daxie(D(value)) == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("-1", "负数"),
        ("-0.01", "负数"),
        ("1.005", "精确到分"),
        ("0.001", "精确到分"),
        ("100000000000000.01", "100万亿"),
    ],
)
def test_to_daxie_rejects(value, message):
    with pytest.raises(ValueError, match=message):
        to_daxie(D(value))


_DAXIE_DIGITS = {c: i for i, c in enumerate("零壹贰叁肆伍陆柒捌玖")}
_DAXIE_ALLOWED = set("零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整")


def _read_daxie_integer(text: str) -> int:
    """A small reader of 大写 integers, independent of the writer."""
    if "亿" in text:
        high, _, low = text.rpartition("亿")
        return _read_daxie_integer(high) * 10**8 + _read_daxie_integer(low)
    if "万" in text:
        high, _, low = text.partition("万")
        return _read_daxie_integer(high) * 10**4 + _read_daxie_integer(low)
    total, digit = 0, 0
    for char in text:
        if char in _DAXIE_DIGITS:
            digit = _DAXIE_DIGITS[char]
        else:
            total += digit * {"拾": 10, "佰": 100, "仟": 1000}[char]
            digit = 0
    return total + digit


def _read_daxie(text: str) -> D:
    integer, _, rest = text.rpartition("元") if "元" in text else ("", "", text)
    rest = rest.removesuffix("整").lstrip("零")
    jiao = _DAXIE_DIGITS[rest[rest.index("角") - 1]] if "角" in rest else 0
    fen = _DAXIE_DIGITS[rest[rest.index("分") - 1]] if "分" in rest else 0
    return D(_read_daxie_integer(integer)) + D(jiao) / 10 + D(fen) / 100


@given(amounts)
def test_to_daxie_is_well_formed_and_reads_back(value):
    text = to_daxie(value)
    assert set(text) <= _DAXIE_ALLOWED
    assert _read_daxie(text) == value
    assert "零零" not in text
    assert not re.search("零[元万亿角分]", text) or text == "零元整"
    assert text.endswith("整") == (value == value.to_integral_value())
    if value >= 1:
        assert text[0] in "壹贰叁肆伍陆柒捌玖"
        assert "元" in text
    else:
        assert "元" not in text or text == "零元整"


@pytest.mark.parametrize(
    ("stated", "value", "made"),
    [
        ("1.37亿元", "136979300", True),  # parts of 13697.93万元, the whole rounded
        ("1.37亿元", "136400000", False),
        ("2500万元", "24996000", False),  # no decimals: exact (2亿元 could hide a quarter)
        ("2500.0万元", "24999600", True),
        ("2500.00万元", "24996000", False),  # two decimals: exact to the 百元
        ("2500元", "2499.90", False),  # a sum in 元 is exact
        ("3.5亿元", "350000000", True),
    ],
)
def test_a_sum_rounds_to_a_whole_as_the_whole_is_written(stated, value, made):
    assert rounds_to(D(value), find_amounts(stated)[0]) is made


@given(
    st.integers(min_value=1, max_value=10**12),
    st.sampled_from(["万元", "亿元"]),
    st.integers(min_value=0, max_value=4),
)
def test_a_sum_rounds_to_itself_written_to_any_decimals_and_not_past_half_a_step(fen, unit, places):
    value = D(fen) / 100
    multiplier = D(10000) if unit == "万元" else D(100000000)
    step = D(1).scaleb(-places)
    written = (value / multiplier).quantize(step, rounding="ROUND_HALF_UP")
    stated = find_amounts(f"{written}{unit}")[0]
    rounded = places > 0 and step * multiplier * 100 <= stated.value
    assert rounds_to(value, stated) is (rounded or value == stated.value)
    assert rounds_to(stated.value, stated)
    assert not rounds_to(written * multiplier + step * multiplier * D("0.6"), stated)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("投资金额:****925元", []),  # masked in part: what it hides is unknown
        ("投资金额:****2814.58元,奖补300000元", ["300000元"]),
        ("2项目*10人*60工作日*530元", ["530元"]),  # one star is a product's
    ],
)
def test_digits_a_page_masked_are_no_amount(text, found):
    assert [amount.text for amount in find_amounts(text)] == found
