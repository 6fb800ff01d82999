"""Uploaded files read as lines with their places: text, Word, PDF and Excel, made here the way
staff's files are made (python-docx, WeasyPrint, openpyxl), and every bad file refused with a
Chinese message that says what to do."""

from __future__ import annotations

import datetime
import io
import zipfile

import pytest
from hypothesis import given
from hypothesis import strategies as st

from budget.importer.numbering import chinese_number
from sourcefiles import UnreadableFile, read_file
from sourcefiles.excel import cell_text
from sourcefiles.pdf import joined
from sourcefiles.word import format_number

PARAGRAPH = (
    "党员教育培训经费按照每人每天100元的标准，培训60人，共2天，需资金1.2万元；"
    "聘请讲师费用按照每课时500元的标准，共8课时，需资金0.4万元。"
)


# --- text -------------------------------------------------------------------------------


def test_a_text_file_in_any_common_encoding_gives_numbered_lines():
    text = "一、项目名称\n农村文化建设配套补助经费\n"
    for encoded in (text.encode(), text.encode("gb18030"), b"\xef\xbb\xbf" + text.encode()):
        source = read_file("文本.txt", encoded)
        assert source.format == "txt"
        assert [(line.text, line.place) for line in source.lines[:2]] == [
            ("一、项目名称", "第1行"),
            ("农村文化建设配套补助经费", "第2行"),
        ]


# --- Word -------------------------------------------------------------------------------


def _docx(build) -> bytes:
    import docx

    document = docx.Document()
    build(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_word_paragraphs_and_tables_come_in_reading_order_with_their_places():
    def build(document):
        document.add_paragraph("一、项目名称")
        document.add_paragraph("农村文化建设配套补助经费")
        document.add_paragraph("")
        table = document.add_table(rows=3, cols=3)
        table.cell(0, 0).text = "项目名称"
        merged = table.cell(0, 1).merge(table.cell(0, 2))
        merged.text = "农村文化建设配套补助经费"
        for column, text in enumerate(("测算明细", "70个", "每村704元")):
            table.cell(1, column).text = text
        table.cell(2, 0).text = "备注"
        table.cell(2, 1).add_paragraph("第二段")
        document.add_paragraph("六、资金安排情况")

    source = read_file("项目.docx", _docx(build))
    assert source.format == "docx"
    assert [(line.text, line.place) for line in source.lines] == [
        ("一、项目名称", "第1段"),
        ("农村文化建设配套补助经费", "第2段"),
        # A cell merged over two columns is one cell; empty cells leave no empty column.
        ("项目名称 | 农村文化建设配套补助经费", "表1 第1行"),
        ("测算明细 | 70个 | 每村704元", "表1 第2行"),
        ("备注 | 第二段", "表1 第3行"),
        ("六、资金安排情况", "第4段"),
    ]


def test_word_draws_the_numbers_of_numbered_paragraphs_which_are_not_in_their_text():
    def build(document):
        for text in ("项目名称", "立项依据", "项目实施单位"):
            document.add_paragraph(text, style="List Number")

    lines = [line.text for line in read_file("项目.docx", _docx(build)).lines]
    # The default template numbers "List Number" as 1. 2. 3.
    assert lines == ["1.项目名称", "2.立项依据", "3.项目实施单位"]


@pytest.mark.parametrize(
    ("number", "fmt", "shown"),
    [
        (1, "chineseCounting", "一"),
        (12, "chineseCountingThousand", "十二"),
        (3, "decimalEnclosedCircle", "③"),
        (2, "ideographTraditional", "乙"),
        (4, "decimalFullWidth", "４"),
        (28, "lowerLetter", "bb"),
        (14, "upperRoman", "XIV"),
        (7, "decimal", "7"),
        (21, "decimalEnclosedCircle", "21"),  # past ⑳ Word writes the digits
    ],
)
def test_word_number_formats(number, fmt, shown):
    assert format_number(number, fmt) == shown


def _from_chinese(text: str) -> int:
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")}
    total, current = 0, 0
    for char in text:
        if char == "百":
            total += current * 100
            current = 0
        elif char == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = digits[char]
    return total + current


@given(st.integers(min_value=1, max_value=999))
def test_chinese_numbers_read_back_to_their_value(n):
    written = chinese_number(n)
    assert _from_chinese(written) == n
    assert not written.startswith("一十")  # 十二, not 一十二
    assert written.count("零") <= 1


# --- PDF --------------------------------------------------------------------------------


def _pdf(body: str) -> bytes:
    from weasyprint import HTML

    html = f"""<html><head><style>
      @page {{ size: A4; margin: 2cm }}
      body {{ font-family: 'Noto Sans CJK SC', sans-serif; font-size: 12pt }}
      p.indent {{ text-indent: 2em }}
      table {{ border-collapse: collapse }} td {{ border: 1px solid black; padding: 4px }}
    </style></head><body>{body}</body></html>"""
    return HTML(string=html).write_pdf()


@pytest.mark.pdf
def test_a_pdf_gives_paragraphs_joined_across_printed_lines_and_tables_as_rows():
    data = _pdf(
        f"""<p>一、项目名称</p><p class="indent">{PARAGRAPH * 2}</p>
        <table><tr><td>项目名称</td><td>农村文化建设配套补助经费</td></tr>
        <tr><td>项目资金</td><td>5.00万元</td></tr></table>
        <p>六、资金安排情况</p>"""
    )
    source = read_file("项目.pdf", data)
    assert source.format == "pdf"
    texts = [line.text for line in source.lines]
    assert texts[0] == "一、项目名称"
    # The paragraph wraps over several printed lines and is read back as one, with nothing
    # inserted between the characters.
    assert texts[1] == PARAGRAPH * 2
    assert texts[2:] == [
        "项目名称 | 农村文化建设配套补助经费",
        "项目资金 | 5.00万元",
        "六、资金安排情况",
    ]
    assert source.lines[2].place == "第1页 表1 第1行"
    assert source.lines[0].place == "第1页"


@pytest.mark.pdf
def test_a_scanned_pdf_is_refused_and_a_scanned_page_is_named():
    pixel = (
        "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8"
        "z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
    )
    image = f'<img src="{pixel}" style="width:10cm;height:10cm">'
    with pytest.raises(UnreadableFile, match="没有文字层"):
        read_file("扫描件.pdf", _pdf(image))
    mixed = read_file(
        "部分扫描.pdf", _pdf(f"<p>一、项目名称</p><p style='break-before:page'>{image}</p>")
    )
    assert [line.text for line in mixed.lines] == ["一、项目名称"]
    assert mixed.notes == ("第2页没有文字层（可能是扫描页），该页未读取。",)


@pytest.mark.pdf
def test_an_encrypted_pdf_is_refused_in_chinese():
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(_pdf("<p>一、项目名称</p>"))).pages:
        writer.add_page(page)
    writer.encrypt(user_password="secret", owner_password="owner")
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(UnreadableFile, match="加密"):
        read_file("加密.pdf", out.getvalue())


def test_wrapped_pieces_join_without_a_space_in_chinese_and_with_one_in_latin():
    assert joined("每人每天", "100元") == "每人每天100元"
    assert joined("Performance", "indicators") == "Performance indicators"
    assert joined("（2024", "年）") == "（2024年）"


# --- Excel ------------------------------------------------------------------------------


def test_an_excel_workbook_gives_its_rows_with_numbers_as_excel_shows_them():
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "测算明细"
    sheet.append(["明细", "数量", "单价（元）", "金额（元）"])
    sheet.append(["送戏进村", 70, 704, 0.1 + 0.2])
    sheet.append([None, None, None, None])
    sheet.append(["完成时限", datetime.datetime(2025, 12, 31), None, 49280.5])
    hidden = book.create_sheet("草稿")
    hidden.append(["不公开"])
    hidden.sheet_state = "hidden"
    out = io.BytesIO()
    book.save(out)
    source = read_file("明细.xlsx", out.getvalue())
    assert [(line.text, line.place) for line in source.lines] == [
        ("明细 | 数量 | 单价（元） | 金额（元）", "工作表“测算明细” 第1行"),
        ("送戏进村 | 70 | 704 | 0.3", "工作表“测算明细” 第2行"),
        ("完成时限 | 2025-12-31 |  | 49280.5", "工作表“测算明细” 第4行"),
    ]
    assert source.notes == ("工作表“草稿”是隐藏的，未读取。",)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (1e20, "100000000000000000000"),
        (1234567.891, "1234567.891"),
        (True, "是"),
        (None, ""),
        (datetime.date(2024, 3, 1), "2024-03-01"),
        (" 澄江市 ", "澄江市"),
    ],
)
def test_excel_cells_as_text(value, text):
    assert cell_text(value) == text


# --- refused ----------------------------------------------------------------------------


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("空.txt", b"   \n", "文件为空"),
        ("项目.doc", OLE + b"WordDocument", "另存为” .docx"),
        ("项目.xls", OLE + b"Workbook", "另存为” .xlsx"),
        ("加密.docx", OLE + "EncryptedPackage".encode("utf-16-le"), "加密"),
        ("项目.rtf", b"{\\rtf1\\ansi hello}", "RTF"),
        ("项目.pdf", "一、项目名称".encode(), "内容却不是PDF"),
        ("项目.docx", b"%PDF-1.7\n%...", "内容却不是Word"),
        ("坏.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog", "PDF 文件已损坏"),
        ("坏.docx", b"PK\x03\x04" + b"\x00" * 40, "已损坏"),
        ("压缩包.docx", _zip({"readme.txt": b"x"}), "不是 Word（.docx）或 Excel"),
        ("图片.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "不支持 .png"),
        ("程序.exe", "一、项目名称".encode(), "不支持 .exe"),
        ("二进制.txt", b"\x00\x01\x02\x03" * 100, "不是文本"),
    ],
)
def test_bad_files_get_a_chinese_message(name, data, message):
    with pytest.raises(UnreadableFile, match=message.replace(".", r"\.")):
        read_file(name, data)


def test_a_word_file_that_inflates_beyond_the_limit_is_refused_before_it_is_read():
    bomb = _zip({"word/document.xml": b"\x00" * (201 * 1024 * 1024)})
    assert len(bomb) < 1024 * 1024
    with pytest.raises(UnreadableFile, match="解压后过大"):
        read_file("炸弹.docx", bomb)


def test_a_damaged_word_part_is_a_message_not_a_crash():
    data = _zip(
        {
            "[Content_Types].xml": b"<not xml",
            "word/document.xml": b"<w:document",
        }
    )
    with pytest.raises(UnreadableFile, match="Word 文件已损坏"):
        read_file("坏.docx", data)


@pytest.mark.pdf
def test_short_lines_over_a_table_stay_apart_and_a_table_without_lines_keeps_its_columns():
    row = "<tr><td>{}</td><td>{}</td><td>{}</td></tr>"
    data = _pdf(
        "<p>2024年项目计划表</p><p>单位：万元</p>"
        "<table style='border:none'>"
        + row.format("序号", "项目名称", "投资规模").replace(
            "<td>", "<td style='border:none;padding:0 3em'>"
        )
        + row.format("1", "甲村道路硬化", "120").replace(
            "<td>", "<td style='border:none;padding:0 3em'>"
        )
        + "</table>"
    )
    texts = [line.text for line in read_file("计划.pdf", data).lines]
    assert texts == [
        "2024年项目计划表",
        "单位：万元",
        "序号 | 项目名称 | 投资规模",
        "1 | 甲村道路硬化 | 120",
    ]


def test_a_word_file_with_damaged_numbering_is_a_message_not_a_crash():
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def build(document):
        paragraph = document.add_paragraph("项目名称", style="List Number")
        number = OxmlElement("w:numPr")
        for tag, value in (("w:ilvl", "x"), ("w:numId", "1")):
            element = OxmlElement(tag)
            element.set(qn("w:val"), value)
            number.append(element)
        paragraph._p.get_or_add_pPr().append(number)

    with pytest.raises(UnreadableFile, match="已损坏或结构不规范"):
        read_file("坏编号.docx", _docx(build))
