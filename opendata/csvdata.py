"""CSV writers: a table of ``tables.TABLES`` as CSV text, line by line (for streaming)."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator

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
    """The table's rows for these projects (trees prefetched), header first.

    ``bom``: start with a byte-order mark, for files people open in Excel. The package's
    resources go without one (their encoding is declared as UTF-8).
    """
    writer = csv.writer(_Line(), lineterminator="\n")
    yield (BOM if bom else "") + writer.writerow(table.field_names)
    for project in projects:
        for row in table.rows(project, base_url):
            yield writer.writerow([cell(value) for value in row])
