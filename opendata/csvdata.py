"""CSV writers: a table of ``tables.TABLES`` as CSV text, line by line (for streaming).

Text fields that a spreadsheet would take for a formula get a leading apostrophe
(``budget.spreadsheet.csv_text``); numbers, integers and dates go out as they are.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator

from budget.spreadsheet import csv_text
from projects.models import Project

from .tables import Table, cell

BOM = "\ufeff"


class _Line:
    """A file-like object whose write() returns the line, for streaming csv rows."""

    def write(self, value: str) -> str:
        return value


def table_csv(
    table: Table, projects: Iterable[Project], base_url: str = "", *, bom: bool = False
) -> Iterator[str]:
    """The table's rows for these projects (trees prefetched), the Chinese header first.

    ``bom``: start with a byte-order mark, for files people open in Excel or WPS (the
    package's resources have one too: CSV readers take it as UTF-8's mark).
    """
    # Lines end in CRLF (RFC 4180): the csv module quotes a field holding any character of
    # the line terminator, so a text with a lone carriage return stays one field.
    writer = csv.writer(_Line(), lineterminator="\r\n")
    yield (BOM if bom else "") + writer.writerow(table.header)
    text = [field.type == "string" for field in table.fields]
    for project in projects:
        for row in table.rows(project, base_url):
            yield writer.writerow(
                [
                    csv_text(cell(value)) if is_text else cell(value)
                    for is_text, value in zip(text, row, strict=True)
                ]
            )
