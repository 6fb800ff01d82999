"""budget.importer.numbering: numbered items found in sequence, in any style."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from budget.importer.numbering import (
    chinese_number,
    chinese_value,
    marker_at_start,
    split_numbered,
)


def bodies(text, **options):
    return [text[i.body_start : i.end] for i in split_numbered(text, **options)]


def test_run_on_list_with_a_year_after_the_marker():
    text = "1.村（社区）干部绩效补贴经费；2.2024年农村党员教育培训经费；3.党员关爱。"
    assert bodies(text, at="clause") == [
        "村（社区）干部绩效补贴经费；",
        "2024年农村党员教育培训经费；",
        "党员关爱。",
    ]


def test_decimals_are_not_markers():
    assert bodies("1.经费0.3万元，另2.5万元；2.其他", at="clause") == [
        "经费0.3万元，另2.5万元；",
        "其他",
    ]


@pytest.mark.parametrize(
    "markers",
    [
        ["（一）", "（二）", "（三）"],
        ["(1)", "(2)", "(3)"],
        ["①", "②", "③"],
        ["一、", "二、", "三、"],
    ],
)
def test_styles(markers):
    text = "\n".join(f"{marker}第{n}项" for n, marker in enumerate(markers, start=1))
    assert bodies(text, at="line") == ["第1项\n", "第2项\n", "第3项"]


def test_line_items_need_line_starts():
    text = "1.甲。见第2.3节\n2.乙"
    assert bodies(text, at="line") == ["甲。见第2.3节\n", "乙"]


def test_chinese_numbers():
    assert [chinese_number(n) for n in (1, 10, 11, 20, 23)] == [
        "一",
        "十",
        "十一",
        "二十",
        "二十三",
    ]


@given(
    st.lists(
        st.text(alphabet="经费补助资金项目甲乙丙，、", min_size=1, max_size=10),
        min_size=1,
        max_size=15,
    )
)
def test_generated_lists_split_back(names):
    text = "；".join(f"{n}.{name}" for n, name in enumerate(names, start=1))
    got = [body.rstrip("；") for body in bodies(text, at="clause")]
    assert got == names


@given(st.integers(1, 999))
def test_chinese_value_reads_back_chinese_number(n):
    assert chinese_value(chinese_number(n)) == n


def test_chinese_value_of_other_words():
    assert chinese_value("两") == 2
    assert chinese_value("零") is None
    assert chinese_value("十十") is None


def test_a_marker_written_with_its_stop_twice_opens_its_item():
    kind, marker = marker_at_start("2..审计业务费160.55万元", 2)
    assert (kind, "2..审计业务费160.55万元"[marker.end() :][:5]) == ("arabic", "审计业务费")
