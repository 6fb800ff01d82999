"""Excel (.xlsx) through openpyxl: every sheet's rows, a row's cells joined as a table row.

Values are the ones Excel last showed (cached results of formulas, ``data_only``). A number is
written as Excel shows it at most, to 15 significant digits: a cached ``0.1+0.2`` is ``0.3``,
not a float's ``0.30000000000000004``; dates as 2024-03-31.
"""

from __future__ import annotations

import datetime
import io
from decimal import Decimal

from .lines import Line, SourceText, UnreadableFile, row_text

MAX_ROWS = 20_000


def cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        text = f"{value:.15g}"
        if "e" in text:  # 15 significant digits in plain notation, trailing zeros dropped
            text = format(Decimal(text), "f")
        return text
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return str(value).strip()


def read_xlsx(data: bytes) -> SourceText:
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises KeyError, InvalidFileException, lxml errors
        raise UnreadableFile("Excel 文件已损坏，无法打开。") from error
    lines: list[Line] = []
    notes: list[str] = []
    rows_read = 0
    try:
        for sheet in book.worksheets:
            if sheet.sheet_state != "visible":
                # Not part of what the unit shows; said, so nothing is dropped unseen.
                notes.append(f"工作表“{sheet.title}”是隐藏的，未读取。")
                continue
            for number, row in enumerate(sheet.iter_rows(values_only=True), 1):
                rows_read += 1
                if rows_read > MAX_ROWS:
                    raise UnreadableFile(f"Excel 文件超过 {MAX_ROWS} 行，不像是项目文本。")
                text = row_text([cell_text(value) for value in row])
                if text:
                    lines.append(Line(text, f"工作表“{sheet.title}” 第{number}行"))
    finally:
        book.close()
    return SourceText("xlsx", tuple(lines), notes=tuple(notes))
