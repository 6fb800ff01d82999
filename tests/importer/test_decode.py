"""budget.importer.decode: UTF-8 (with or without BOM), UTF-16, GB18030/GBK; bad bytes refused."""

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from budget.importer.decode import MAX_BYTES, DecodeError, decode_bytes
from budget.text import cleaned

TEXT = "中共澄江市委组织部2024年预算重点领域\n财政项目文本公开\n项目1.\n一、项目名称\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8"),
        (TEXT.encode("gbk"), "gb18030"),
        (TEXT.encode("gb18030"), "gb18030"),
        (TEXT.encode("utf-16"), "utf-16"),
    ],
    ids=["utf-8", "utf-8-bom", "gbk", "gb18030", "utf-16"],
)
def test_encodings_are_detected(data, encoding):
    decoded = decode_bytes(data)
    assert (decoded.text, decoded.encoding) == (TEXT, encoding)


def test_windows_line_breaks_become_newlines():
    assert decode_bytes("甲\r\n乙\r丙".encode()).text == "甲\n乙\n丙"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "文件为空"),
        (b" \n\t\r\n", "文件为空"),
        (b"%PDF-1.7\n\x00\x01\x02", "不是文本"),
        (b"\xff" * 16, "无法识别文件编码"),
        ("甲\x01乙\x02丙\x03".encode(), "控制字符"),
    ],
)
def test_bad_bytes_are_refused_with_a_reason(data, message):
    with pytest.raises(DecodeError, match=message):
        decode_bytes(data)


def test_oversized_input_is_refused():
    with pytest.raises(DecodeError, match="文件过大"):
        decode_bytes(b"a" * (MAX_BYTES + 1))


@given(
    st.text(alphabet=st.characters(codec="gb18030", exclude_categories=("Cc", "Cs")), min_size=1)
)
def test_any_gb18030_text_round_trips(text):
    if not text.strip():
        return
    data = text.encode("gb18030")
    try:
        as_utf8 = data.decode("utf-8")
    except UnicodeDecodeError:
        as_utf8 = None
    # Bytes that are UTF-8 of another text too (围 is CE A7 in GB18030, and CE A7 is Χ in
    # UTF-8) cannot be told apart; UTF-8 is read first, as most files are.
    assume(as_utf8 is None or as_utf8 == text)
    decoded = decode_bytes(data)
    # Invisible formatting characters are conversion debris, removed by the rule every
    # entrance applies (budget.text).
    assert decoded.text == cleaned(text.replace("\r\n", "\n").replace("\r", "\n"))
