"""budget.importer.citations: 二、立项依据 split into preamble, citations and closing."""

from hypothesis import given
from hypothesis import strategies as st

from budget.importer.citations import parse_basis


def joined(parsed) -> str:
    return (
        parsed.preamble
        + "".join(c.cited_text + c.separator for c in parsed.citations)
        + parsed.closing
    )


def test_number_after_the_title_in_any_bracket():
    text = (
        "根据《甲办法》（云办发〔2006〕1号）、《乙规定》（云老发【2013】5号）、"
        "《丙通知》(澄办发（2004）5号)、《丁意见》[玉发[2010]2号]等文件精神，制定本方案。"
    )
    parsed = parse_basis(text)
    assert parsed.preamble == "根据"
    assert [(c.title, c.document_number) for c in parsed.citations] == [
        ("甲办法", "云办发〔2006〕1号"),
        ("乙规定", "云老发〔2013〕5号"),
        ("丙通知", "澄办发〔2004〕5号"),
        ("丁意见", "玉发〔2010〕2号"),
    ]
    assert parsed.citations[1].cited_text == "《乙规定》（云老发【2013】5号）"
    assert parsed.closing == "等文件精神，制定本方案。"
    assert joined(parsed) == text


def test_number_before_the_title_bare_or_in_brackets_or_with_wenjian():
    text = (
        "玉组通〔2018〕3号《甲通知》、【云财教〔2021〕88号】《乙办法》、"
        "澄办发〔2004〕5号文件《丙通知》。"
    )
    parsed = parse_basis(text)
    assert [(c.title, c.document_number) for c in parsed.citations] == [
        ("甲通知", "玉组通〔2018〕3号"),
        ("乙办法", "云财教〔2021〕88号"),
        ("丙通知", "澄办发〔2004〕5号"),
    ]
    assert parsed.citations[1].cited_text == "【云财教〔2021〕88号】《乙办法》"
    assert joined(parsed) == text


def test_number_written_after_the_title_without_brackets():
    parsed = parse_basis("按照《甲方案》红教发〔2022〕9号等文件。")
    assert [(c.title, c.document_number) for c in parsed.citations] == [
        ("甲方案", "红教发〔2022〕9号")
    ]


def test_nested_titles_and_angle_brackets_stay_in_the_title():
    text = "根据《关于印发<甲规划>的通知》《关于印发《乙办法》的通知》（云发〔2020〕1号）等"
    parsed = parse_basis(text)
    assert [c.title for c in parsed.citations] == [
        "关于印发<甲规划>的通知",
        "关于印发《乙办法》的通知",
    ]
    assert parsed.citations[0].separator == ""
    assert parsed.citations[1].document_number == "云发〔2020〕1号"


def test_a_bracketed_note_that_is_not_a_number_stays_with_its_citation():
    parsed = parse_basis("根据《农田建设项目管理办法》（农业农村部令2019年第4号）、《乙条例》。")
    assert parsed.citations[0].cited_text == "《农田建设项目管理办法》（农业农村部令2019年第4号）"
    assert parsed.citations[0].document_number == ""
    assert parsed.citations[0].separator == "、"


def test_a_title_cited_without_title_marks_is_kept_and_reported():
    text = "依据《甲办法》及区政府常务会议精神，省教育厅关于做好资助工作的通知，《乙方案》等。"
    parsed = parse_basis(text)
    bare = parsed.citations[1]
    assert (bare.cited_text, bare.bracketed_title) == (
        "区政府常务会议精神，省教育厅关于做好资助工作的通知",
        False,
    )
    assert parsed.citations[0].separator == "及"
    assert bare.separator == "，"
    assert any("未加书名号" in problem for problem in parsed.problems)
    assert joined(parsed) == text


def test_unbalanced_title_marks_are_reported_and_nothing_is_dropped():
    text = "根据《甲办法》、《乙条例、《丙通知》等文件精神。"
    parsed = parse_basis(text)
    assert any("没有对应的“》”" in p for p in parsed.problems)
    assert joined(parsed) == text
    closing_only = parse_basis("根据甲办法》等文件。")
    assert any("没有对应的“《”" in p for p in closing_only.problems)
    assert joined(closing_only) == "根据甲办法》等文件。"


def test_no_title_at_all_is_all_closing():
    parsed = parse_basis("根据上级要求制定。")
    assert (parsed.preamble, parsed.citations, parsed.closing) == ("", (), "根据上级要求制定。")


TITLE = st.text(alphabet="关于印发通知办法条例实施意见云南省澄江市<>", min_size=1, max_size=12)
NUMBER = st.tuples(
    st.sampled_from(["云办发", "澄发", "玉组通", "澄党人才"]),
    st.integers(1980, 2030),
    st.integers(1, 300),
    st.sampled_from(["〔〕", "【】", "（）", "[]", "()"]),
)


def written(number) -> str:
    issuer, year, serial, brackets = number
    return f"{issuer}{brackets[0]}{year}{brackets[1]}{serial}号"


def standard(number) -> str:
    issuer, year, serial, _brackets = number
    return f"{issuer}〔{year}〕{serial}号"


@given(
    st.lists(
        st.tuples(TITLE, st.one_of(st.none(), NUMBER), st.sampled_from(["after", "before"])),
        min_size=1,
        max_size=8,
    ),
    st.sampled_from(["、", "", "，"]),
)
def test_generated_citations_are_read_back(citations, separator):
    parts = []
    for title, number, where in citations:
        if number is None:
            parts.append(f"《{title}》")
        elif where == "after":
            parts.append(f"《{title}》（{written(number)}）")
        else:
            parts.append(f"{written(number)}《{title}》")
    text = "根据" + separator.join(parts) + "等文件精神，特制定如下实施方案。"
    parsed = parse_basis(text)
    assert joined(parsed) == text
    assert [c.title for c in parsed.citations] == [title for title, _n, _w in citations]
    assert [c.document_number for c in parsed.citations] == [
        "" if number is None else standard(number) for _title, number, _where in citations
    ]


@given(st.text(alphabet="《》<>〔〕【】（）()、，。根据等号文件0123456789云办发", max_size=80))
def test_any_text_splits_back_into_itself(text):
    assert joined(parse_basis(text)) == text
