"""Text cells: a CSV cell a spreadsheet would run gets an apostrophe; an XLSX text is always
writable by openpyxl."""

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from budget.spreadsheet import FORMULA_PREFIXES, csv_text, xlsx_text

TEXT = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"), st.sampled_from(["=", "+", "-", "@", "\t", "\r", "'"])
    )
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('=HYPERLINK("http://x","点击")', '\'=HYPERLINK("http://x","点击")'),
        ("+1", "'+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("干部教育培训专项资金", "干部教育培训专项资金"),
        ("", ""),
        (" =1", " =1"),
    ],
)
def test_csv_text_examples(text, expected):
    assert csv_text(text) == expected


@given(TEXT)
def test_csv_text_never_starts_like_a_formula_and_only_adds_an_apostrophe(text):
    cell = csv_text(text)
    assert not cell.startswith(FORMULA_PREFIXES)
    assert cell in (text, "'" + text)
    assert csv_text(cell) == cell


@given(TEXT)
def test_xlsx_text_is_always_writable(text):
    cell = xlsx_text(text)
    assert not ILLEGAL_CHARACTERS_RE.search(cell)
    assert "\r" not in cell and len(cell) <= len(text)
    WriteOnlyCell(Workbook(write_only=True).create_sheet(), value=cell)  # does not raise


def test_xlsx_text_replaces_what_xml_cannot_hold():
    assert xlsx_text("干部\x07教育\x00\x1f\ufffe") == "干部\ufffd教育\ufffd\ufffd\ufffd"
    assert xlsx_text("第一行\r\n第二行\r第三行\t") == "第一行\n第二行\n第三行\t"
    assert xlsx_text("=HYPERLINK(1)") == "=HYPERLINK(1)"  # no apostrophe: a text cell already
