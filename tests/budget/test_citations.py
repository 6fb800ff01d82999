"""A pasted citation split into the document's title and 文号."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from budget.citations import CitationError, parse_citation


@pytest.mark.parametrize(
    ("text", "title", "number"),
    [
        (
            "《云南省老干部政治待遇的八项制度规定》（云办发〔2006〕1号）",
            "云南省老干部政治待遇的八项制度规定",
            "云办发〔2006〕1号",
        ),
        ("《关于X的通知》（澄办发【2014】104号）", "关于X的通知", "澄办发〔2014〕104号"),
        ("澄办发(2014)104号《关于X的通知》", "关于X的通知", "澄办发〔2014〕104号"),
        ("《关于X的通知》澄办发[2014]104号文件", "关于X的通知", "澄办发〔2014〕104号"),
        ("根据《中国共产党章程》", "中国共产党章程", ""),
        ("  《干部教育培训工作条例》；", "干部教育培训工作条例", ""),
    ],
)
def test_a_citation_as_written_in_a_basis(text, title, number):
    parsed = parse_citation(text)
    assert (parsed.title, parsed.document_number) == (title, number)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "引文为空"),
        ("干部教育培训工作条例", "书名号"),
        ("《干部教育培训工作条例", "不成对"),
        ("《》", "书名号"),
        ("《甲》《乙》", "2 个文件标题"),
        ("《甲》（澄办发〔2014〕1号、澄办发〔2015〕2号）", "2 个文号"),
        ("《甲》还有别的话", "还有别的话"),
    ],
)
def test_what_is_not_one_citation_is_refused_with_the_reason(text, message):
    with pytest.raises(CitationError) as caught:
        parse_citation(text)
    assert message in str(caught.value)


titles = st.text(
    alphabet=st.characters(whitelist_categories=("Lo",), max_codepoint=0x9FFF),
    min_size=1,
    max_size=30,
)
issuers = st.text(alphabet="澄办发云政委市县", min_size=2, max_size=5)
brackets = st.sampled_from(["〔〕", "【】", "（）", "()", "[]", "［］"])


@given(titles, issuers, st.integers(2000, 2100), st.integers(1, 999), brackets, st.booleans())
def test_title_and_number_in_any_bracket_and_order_come_back(
    title, issuer, year, serial, pair, number_first
):
    number = f"{issuer}{pair[0]}{year}{pair[1]}{serial}号"
    text = f"{number}《{title}》" if number_first else f"《{title}》（{number}）"
    parsed = parse_citation(text)
    assert parsed.title == title
    assert parsed.document_number == f"{issuer}〔{year}〕{serial}号"


@given(st.text(max_size=60))
def test_any_text_gives_a_citation_or_a_citation_error(text):
    try:
        parsed = parse_citation(text)
    except CitationError:
        return
    assert parsed.title and "《" not in parsed.title and "》" not in parsed.title
