"""Exports of the public lists: select the records (the caller), write a format (here).

CSV in UTF-8 with a byte-order mark, so that Excel opens the Chinese text correctly; amounts
in 元 with two decimals, plain numbers without grouping, so a spreadsheet reads them as numbers.
"""

import csv
from collections.abc import Iterable, Iterator

from budget.amounts import format_yuan

from .models import Project

BOM = "\ufeff"
PROJECT_COLUMNS = [
    "年度",
    "预算单位",
    "项目序号",
    "项目名称",
    "修订版次",
    "申报总额（元）",
    "细化合计（元）",
    "核对问题数",
    "网址",
]


class _Line:
    """A file-like object whose write() returns the line, for streaming csv rows."""

    def write(self, value: str) -> str:
        return value


def _amount(value) -> str:
    return "" if value is None else format_yuan(value, grouping=False, unit=False)


def project_rows(projects: Iterable[Project], base_url: str = "") -> Iterator[list[str]]:
    for project in projects:
        yield [
            str(project.disclosure.fiscal_year),
            project.disclosure.department.name,
            str(project.sequence),
            project.name,
            str(project.revision),
            _amount(project.declared_total),
            _amount(project.itemised_total),
            str(project.finding_count),
            base_url + project.get_absolute_url(),
        ]


def projects_csv(projects: Iterable[Project], base_url: str = "") -> Iterator[str]:
    """The CSV text, line by line (for a streaming response)."""
    writer = csv.writer(_Line())
    yield BOM + writer.writerow(PROJECT_COLUMNS)
    for row in project_rows(projects, base_url):
        yield writer.writerow(row)
