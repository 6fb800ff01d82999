"""XLSX workbooks (openpyxl): one sheet per table, Chinese headers, amounts as numbers in 元.

Amounts are written as numbers (openpyxl stores the Decimal's digits as they are) with the
format ``#,##0.00"元"``, so a spreadsheet sums them and shows them in 元. The workbook is built
in write-only mode into a temporary file, never as a tree of cells in memory.

Texts are written as text cells (inline strings), never as formulas or error values, whatever
they start with (``=HYPERLINK(…)`` stays those characters); a character XML cannot hold (a
control character such as BEL) is replaced by U+FFFD (``budget.spreadsheet.xlsx_text``), so no
text can stop a workbook half-way through.
"""

from __future__ import annotations

import shutil
import tempfile
import zipfile
from collections.abc import Callable, Iterable
from datetime import datetime
from decimal import Decimal

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.writer.excel import ExcelWriter

from budget.spreadsheet import xlsx_text
from projects.models import Project

from .tables import TABLES, Exact, Table

YUAN_FORMAT = '#,##0.00"元"'
# A spreadsheet number is a binary double: exact to the 分 up to 15 significant digits. A larger
# amount (beyond 10 万亿元, which the models allow but no project states) is written as text
# rather than silently rounded.
MAX_EXACT = Decimal("9999999999999.99")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class _DatedZip(zipfile.ZipFile):
    """A zip whose every member carries the given date, not the time of writing: the same
    records give the same bytes (and so the same ETag and checksum) whenever they are asked for.
    """

    def __init__(self, file, date_time: tuple[int, ...]):
        super().__init__(file, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
        self.date_time = date_time

    def _info(self, name: str) -> zipfile.ZipInfo:
        info = zipfile.ZipInfo(name, self.date_time)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o600 << 16
        return info

    def writestr(self, zinfo_or_arcname, data, *args, **kwargs):
        if not isinstance(zinfo_or_arcname, zipfile.ZipInfo):
            zinfo_or_arcname = self._info(zinfo_or_arcname)
        return super().writestr(zinfo_or_arcname, data, *args, **kwargs)

    def write(self, filename, arcname=None, *args, **kwargs):
        # Write-only sheets are written to temporary files first, then copied in.
        with open(filename, "rb") as source, self.open(self._info(arcname), "w") as target:
            shutil.copyfileobj(source, target, 64 * 1024)


def _cell(sheet, value) -> WriteOnlyCell:
    if not isinstance(value, str):
        return WriteOnlyCell(sheet, value=value)
    # Given a str, openpyxl makes a formula of "=…" and an error value of "#N/A": the type is
    # set after the value, so a text is always a text.
    c = WriteOnlyCell(sheet, value=xlsx_text(value))
    c.data_type = "s"
    return c


def _header(sheet, table: Table):
    bold = Font(bold=True)
    cells = []
    for field in table.fields:
        c = _cell(sheet, field.zh)
        c.font = bold
        cells.append(c)
    return cells


def _row(sheet, table: Table, values: tuple) -> list:
    cells = []
    for field, value in zip(table.fields, values, strict=True):
        if isinstance(value, Exact):
            value = value.value  # a factor: a number, so PRODUCT() and SUM() work on it
        if field.amount and value is not None and value > MAX_EXACT:
            value = f"{value:.2f}"
        date = isinstance(value, datetime)
        if date:
            # Shown as the page shows it: the Beijing date and time, a date cell.
            value = timezone.localtime(value).replace(tzinfo=None, microsecond=0)
        c = _cell(sheet, value)
        if field.amount and isinstance(value, Decimal):
            c.number_format = YUAN_FORMAT
        if date:
            c.number_format = "yyyy-mm-dd hh:mm"
        cells.append(c)
    return cells


def write_workbook(
    target,
    projects: Callable[[], Iterable[Project]],
    base_url: str = "",
    *,
    tables: Iterable[Table] = TABLES,
    created: datetime | None = None,
) -> None:
    """Write the workbook to ``target`` (a path or a binary file). ``projects`` is called once
    per sheet and returns the projects with their trees prefetched."""
    workbook = Workbook(write_only=True)
    # The same records give the same workbook, not one stamped with the time of the request.
    stamp = created.replace(tzinfo=None) if created is not None else datetime(2000, 1, 1)
    workbook.properties.created = workbook.properties.modified = stamp
    workbook.properties.title = "重点领域财政项目文本公开数据"
    for table in tables:
        sheet = workbook.create_sheet(table.zh)
        sheet.freeze_panes = "A2"
        sheet.append(_header(sheet, table))
        for project in projects():
            for values in table.rows(project, base_url):
                sheet.append(_row(sheet, table, values))
    # ExcelWriter rather than workbook.save(), which stamps "modified" with the current time.
    with _DatedZip(target, stamp.timetuple()[:6]) as archive:
        ExcelWriter(workbook, archive).save()


def workbook_bytes(projects: list[Project], base_url: str = "", **kwargs) -> bytes:
    """A small workbook (one project, one disclosure) as bytes."""
    with tempfile.TemporaryFile() as file:
        write_workbook(file, lambda: projects, base_url, **kwargs)
        file.seek(0)
        return file.read()
