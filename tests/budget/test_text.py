"""The one rule for characters no text of a disclosure holds (budget/text.py)."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from budget.text import cleaned, describe, problem, unwanted


@pytest.mark.parametrize(
    "char",
    [
        "\x00",
        "\x07",
        "\x1b",
        "\x7f",
        "\x85",
        "\u200b",
        "\u200d",
        "\u202e",
        "\u2066",
        "\ufeff",
        "\u00ad",
        "\u2028",
        "\u2029",
        "\ufffe",
        "\U000e0041",
    ],
)
def test_refused_everywhere(char):
    for multiline in (True, False):
        assert unwanted(f"澄办发{char}〔2014〕104号", multiline=multiline) == [(3, char)]
        assert problem(f"澄办发{char}〔2014〕104号", multiline=multiline).startswith(
            "含有不可见或控制字符：第4个字符是 U+"
        )


def test_line_breaks_only_in_multi_line_texts():
    assert problem("第一段\n第二段\r\n\t第三段", multiline=True) is None
    assert "U+000A（换行符）" in problem("项目\n名称", multiline=False)
    assert problem("项目\t名称", multiline=False) is None


def test_chinese_text_and_its_punctuation_pass():
    text = "《云南省老干部政治待遇的八项制度规定》（云办发〔2006〕1号）、１２０万元　①②×÷≥"
    assert problem(text, multiline=False) is None
    assert problem("", multiline=False) is None and problem(None, multiline=True) is None
    # Private-use characters (造字 of rare names) are text, not formatting.
    assert problem("\ue000", multiline=False) is None


def test_the_message_names_the_character_and_counts_them():
    message = problem("a\u202eb\u200bc", multiline=False)
    assert "第2个字符是 U+202E（从右至左覆盖）" in message and "共2个" in message
    assert describe("\x07") == "U+0007（响铃字符）"
    assert describe("\u2061") == "U+2061（不可见的格式字符）"


def test_cleaned_keeps_lines_and_drops_debris():
    assert cleaned("第一页\x0c第二页\u200b内容\x07") == "第一页\n第二页内容"
    assert cleaned("名称\n续", multiline=False) == "名称续"


@given(st.text())
def test_cleaned_text_has_no_problem_and_cleaning_is_idempotent(text):
    for multiline in (True, False):
        once = cleaned(text, multiline=multiline)
        assert problem(once, multiline=multiline) is None
        assert cleaned(once, multiline=multiline) == once


@given(st.text())
def test_problem_exactly_when_something_is_unwanted(text):
    for multiline in (True, False):
        found = unwanted(text, multiline=multiline)
        assert (problem(text, multiline=multiline) is None) == (not found)
        for _, char in found:
            assert unicodedata.category(char) in {"Cc", "Cf", "Cs", "Zl", "Zp", "Cn"}
