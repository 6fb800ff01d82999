"""Document numbers (文号): parsing one, finding them in prose, on the seed's own text."""

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from budget.docnumbers import DocNumber, DocNumberError, find_doc_numbers, parse_doc_number

REPO = Path(__file__).resolve().parents[2]
SEED_TEXT = REPO / "fixtures" / "seed" / "source" / "000_9d70447241eac908.txt"

# Every 文号 of the seed disclosure, in text order, as written → standard form (by hand).
SEED_DOC_NUMBERS = [
    # project 1, 立项依据
    ("云办发〔2006〕1号", "云办发〔2006〕1号"),
    ("澄发〔2017〕11号", "澄发〔2017〕11号"),
    ("玉老通〔2018〕15号", "玉老通〔2018〕15号"),
    ("澄办发〔2004〕5号", "澄办发〔2004〕5号"),
    ("玉组通〔2018〕3号", "玉组通〔2018〕3号"),
    ("澄编发〔1997〕12号", "澄编发〔1997〕12号"),
    ("澄机编发〔2019〕14号", "澄机编发〔2019〕14号"),
    ("澄老请〔2016〕1号", "澄老请〔2016〕1号"),
    ("澄办通〔2020〕1号", "澄办通〔2020〕1号"),
    ("澄办发〔2017〕22号", "澄办发〔2017〕22号"),
    ("澄发〔2022〕3号", "澄发〔2022〕3号"),
    ("澄党人才〔2023〕3号", "澄党人才〔2023〕3号"),
    ("澄党人才〔2023〕1号", "澄党人才〔2023〕1号"),
    ("澄党人才〔2023〕4号", "澄党人才〔2023〕4号"),
    ("澄党人才〔2023〕5号", "澄党人才〔2023〕5号"),
    ("澄党人才〔2023〕6号", "澄党人才〔2023〕6号"),
    ("云老发【2013】5号", "云老发〔2013〕5号"),
    # project 1, 项目实施内容 (sub-item 1, lines ⑤ ⑥ ⑨ ⑩)
    ("玉老通〔2018〕15号", "玉老通〔2018〕15号"),
    ("澄发〔2017〕11号", "澄发〔2017〕11号"),
    ("玉老通〔2018〕15号", "玉老通〔2018〕15号"),
    ("澄办发（2004）5号", "澄办发〔2004〕5号"),
    # project 1, 项目实施成效
    ("玉溪市文明委（2021）10号", "玉溪市文明委〔2021〕10号"),
    # project 2, 立项依据
    ("玉发〔2010〕2号", "玉发〔2010〕2号"),
    ("澄发〔2010〕12号", "澄发〔2010〕12号"),
    ("云组发〔2018〕17号", "云组发〔2018〕17号"),
    ("澄改委发〔2021〕1号", "澄改委发〔2021〕1号"),
    ("玉办通〔2021〕36号", "玉办通〔2021〕36号"),
    ("玉室字〔2020〕1号", "玉室字〔2020〕1号"),
    ("澄党建发〔2018〕3号", "澄党建发〔2018〕3号"),
    ("玉党建发〔2021〕7号", "玉党建发〔2021〕7号"),
    ("澄办发〔2018〕11号", "澄办发〔2018〕11号"),
    ("云组通〔2017〕23号", "云组通〔2017〕23号"),
    ("玉组通〔2017〕20号", "玉组通〔2017〕20号"),
    ("澄组发〔2017〕13号", "澄组发〔2017〕13号"),
    ("玉室字〔2018〕16号", "玉室字〔2018〕16号"),
    ("玉组通〔2019〕25号", "玉组通〔2019〕25号"),
    ("玉组通〔2020〕4号", "玉组通〔2020〕4号"),
    ("澄办通〔2019〕12号", "澄办通〔2019〕12号"),
    ("澄办发〔2014〕104号", "澄办发〔2014〕104号"),
    # project 2, 项目实施内容 (sub-items 1, 3, 5, 9 twice)
    ("澄改委发〔2021〕1号", "澄改委发〔2021〕1号"),
    ("澄党建发〔2018〕3号", "澄党建发〔2018〕3号"),
    ("澄组联发〔2022〕1号", "澄组联发〔2022〕1号"),
    ("澄办发〔2014〕104号", "澄办发〔2014〕104号"),
    ("澄办发〔2014〕104号", "澄办发〔2014〕104号"),
]


@pytest.fixture(scope="module")
def seed_text() -> str:
    return SEED_TEXT.read_text(encoding="utf-8")


def test_find_on_the_seed_finds_every_doc_number_and_nothing_else(seed_text):
    found = find_doc_numbers(seed_text)
    assert [(d.text, d.normalised) for d in found] == SEED_DOC_NUMBERS


def test_find_on_the_seed_gives_spans_into_the_text(seed_text):
    for number in find_doc_numbers(seed_text):
        assert seed_text[number.start : number.end] == number.text


def test_seed_non_standard_brackets_are_the_three_known_ones(seed_text):
    odd = [(d.text, d.brackets) for d in find_doc_numbers(seed_text) if not d.standard]
    assert odd == [
        ("云老发【2013】5号", "【】"),
        ("澄办发（2004）5号", "（）"),
        ("玉溪市文明委（2021）10号", "（）"),
    ]


@pytest.mark.parametrize(
    ("written", "normalised"),
    sorted(set(SEED_DOC_NUMBERS)),
)
def test_parse_every_seed_doc_number(written, normalised):
    number = parse_doc_number(written)
    assert number.normalised == normalised
    assert number.text == written
    assert (number.start, number.end) == (0, len(written))


def test_parse_splits_issuer_year_serial():
    number = parse_doc_number("澄办发〔2014〕104号")
    assert number == DocNumber(
        issuer="澄办发",
        year=2014,
        serial=104,
        text="澄办发〔2014〕104号",
        brackets="〔〕",
        start=0,
        end=len("澄办发〔2014〕104号"),
    )
    assert number.standard


@pytest.mark.parametrize(
    ("written", "brackets"),
    [
        ("云老发【2013】5号", "【】"),
        ("澄办发（2004）5号", "（）"),
        ("澄办发(2004)5号", "()"),
        ("澄办发[2004]5号", "[]"),
        ("澄办发［2004］5号", "［］"),
        ("澄办发〈2004〉5号", "〈〉"),
        ("澄办发﹝2004﹞5号", "﹝﹞"),
        ("澄办发〔2004）5号", "〔）"),
        ("澄办发{2004}5号", "{}"),  # braces, as a page typed them
        ("澄办发｛2004｝5号", "｛｝"),
    ],
)
def test_parse_bracket_variants_are_not_standard(written, brackets):
    number = parse_doc_number(written)
    assert number.brackets == brackets
    assert not number.standard
    assert number.normalised.endswith("〔2004〕5号") or number.normalised == "云老发〔2013〕5号"


def test_parse_ignores_surrounding_whitespace_and_keeps_the_span():
    number = parse_doc_number("  云老发【2013】5号 ")
    assert number.normalised == "云老发〔2013〕5号"
    assert (number.start, number.end) == (2, 13)


def test_parse_reads_full_width_digits_spaces_and_di():
    assert parse_doc_number("玉组通〔２０１８〕３号").normalised == "玉组通〔2018〕3号"
    assert parse_doc_number("玉组通 〔2018〕 第3号").normalised == "玉组通〔2018〕3号"
    assert parse_doc_number("玉组通〔2018〕03号").serial == 3


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("", "为空"),
        ("   ", "为空"),
        ("〔2013〕5号", "缺少发文机关代字"),
        ("澄办发〔1900〕5号", "1949—2100"),
        ("澄办发〔2101〕5号", "1949—2100"),
        ("根据澄办发〔2004〕5号", "其他文字"),
        ("澄办发〔2004〕5号文件", "其他文字"),
        ("澄办发〔2004〕", "不是有效的文号"),
        ("澄办发2004年5号", "不是有效的文号"),
        ("2024年", "不是有效的文号"),
    ],
)
def test_parse_rejects_what_is_not_one_doc_number(text, says):
    with pytest.raises(DocNumberError, match=says):
        parse_doc_number(text)


def test_doc_number_error_is_a_value_error():
    assert issubclass(DocNumberError, ValueError)


@pytest.mark.parametrize(
    ("prose", "issuer", "normalised"),
    [
        ("根据澄办发（2004）5号文件", "澄办发", "澄办发〔2004〕5号"),
        ("根据玉老通〔2018〕15号文件", "玉老通", "玉老通〔2018〕15号"),
        ("2021年12月，玉溪市文明委（2021）10号，确认", "玉溪市文明委", "玉溪市文明委〔2021〕10号"),
        ("“二、加强工作”及澄发〔2017〕11号文件", "澄发", "澄发〔2017〕11号"),
        ("按照澄办发〔2014〕104号精神", "澄办发", "澄办发〔2014〕104号"),
        ("依据云组发〔2018〕17号", "云组发", "云组发〔2018〕17号"),
        ("和玉组通〔2017〕20号", "玉组通", "玉组通〔2017〕20号"),
        ("、玉组通〔2018〕3号《中共云南省委组织部转发", "玉组通", "玉组通〔2018〕3号"),
        (
            "《云南省老干部政治待遇的八项制度规定》（云办发〔2006〕1号）",
            "云办发",
            "云办发〔2006〕1号",
        ),
        ("2021年玉溪市文明委（2021）10号", "玉溪市文明委", "玉溪市文明委〔2021〕10号"),
        ("印发的澄办发〔2014〕104号", "澄办发", "澄办发〔2014〕104号"),
        ("又见澄办发（2004）5号。", "澄办发", "澄办发〔2004〕5号"),
        ("详见玉组通〔2019〕25号", "玉组通", "玉组通〔2019〕25号"),
        ("根据市委办公室文件澄办发〔2014〕104号", "澄办发", "澄办发〔2014〕104号"),
        ("市委转发玉组通〔2019〕25号", "玉组通", "玉组通〔2019〕25号"),
        # A word introducing the number inside the prose before it.
        ("请你们严格按照舟财农〔2018〕18号文件", "舟财农", "舟财农〔2018〕18号"),
        ("各乡镇严格依据保财资环〔2021〕143号", "保财资环", "保财资环〔2021〕143号"),
        # A unit, then 以 and the number it acts by.
        ("市财政局近期以广财教〔2020〕53号下达", "广财教", "广财教〔2020〕53号"),
    ],
)
def test_find_takes_the_issuer_without_the_prose_around_it(prose, issuer, normalised):
    (number,) = find_doc_numbers(prose)
    assert number.issuer == issuer
    assert number.normalised == normalised
    assert prose[number.start : number.end] == number.text
    assert number.text.startswith(issuer)


def test_find_separates_numbers_written_back_to_back():
    found = find_doc_numbers("澄党人才〔2023〕1号澄党人才〔2023〕4号")
    assert [d.normalised for d in found] == ["澄党人才〔2023〕1号", "澄党人才〔2023〕4号"]


@pytest.mark.parametrize(
    "prose",
    [
        "《澄江市“十四五”人才发展规划（2021—2025年）》",
        "《澄江市“人才回引计划”若干措施（试行）》",
        "为抓好2024年度澄江市干部人才各项重点任务落实",
        "根据《日常水电用量登记表》（2023）实施；2023年1-9月",
        "《云南省“智慧党建”行动计划（2020—2022）》",
        "计划在2024年2月春节前",
        "（2023）10号",  # no issuer
        "澄办发〔1800〕5号",  # year out of range
        "澄办发〔20245〕5号",  # not a 4-digit year
        "",
    ],
)
def test_find_ignores_what_is_not_a_doc_number(prose):
    assert find_doc_numbers(prose) == []


_ISSUERS = st.text(
    alphabet=st.sampled_from("澄江玉溪云南办发组通党人才编机委老室字"), min_size=1, max_size=6
)
_PAIRS = st.sampled_from(["〔〕", "【】", "（）", "()", "[]", "［］", "〈〉"])


@given(
    issuer=_ISSUERS,
    year=st.integers(1949, 2100),
    serial=st.integers(1, 999),
    pair=_PAIRS,
    before=st.sampled_from(["", "根据", "，", "按照", "及", "《通知》（"]),
    after=st.sampled_from(["", "文件", "）", "，确认", "精神。"]),
)
def test_find_round_trips_any_doc_number_in_prose(issuer, year, serial, pair, before, after):
    written = f"{issuer}{pair[0]}{year}{pair[1]}{serial}号"
    prose = f"{before}{written}{after}"
    (number,) = find_doc_numbers(prose)
    assert (number.issuer, number.year, number.serial) == (issuer, year, serial)
    assert number.text == written
    assert number.brackets == pair
    assert number.standard == (pair == "〔〕")
    assert number.normalised == f"{issuer}〔{year}〕{serial}号"
    assert parse_doc_number(number.normalised).normalised == number.normalised
