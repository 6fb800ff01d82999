"""Exports: select the records (the caller), write a format (here).

CSV in UTF-8 with a byte-order mark, so that Excel opens the Chinese text correctly; amounts
in 元 with two decimals, plain numbers without grouping, so a spreadsheet reads them as numbers.
A text column whose value a spreadsheet would take for a formula gets a leading apostrophe
(``budget.spreadsheet.csv_text``); the numeric columns never do.
"""

import csv
import json
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Any

from budget import checks, rollups
from budget.amounts import format_decimal, format_yuan
from budget.spreadsheet import csv_text, yes_no

from . import selectors
from .models import Disclosure, Project, Region, SubItem

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


# The columns of both CSVs that hold numbers: everything else is text.
NUMERIC_COLUMNS = frozenset(
    {
        "年度",
        "项目序号",
        "修订版次",
        "申报总额（元）",
        "细化合计（元）",
        "核对问题数",
        "子项目序号",
        "申报金额（元）",
        "计算金额（元）",
    }
)


class _Line:
    """A file-like object whose write() returns the line, for streaming csv rows."""

    def write(self, value: str) -> str:
        return value


def _csv_lines(columns: list[str], rows: Iterable[list[str]]) -> Iterator[str]:
    """The header and the rows as CSV lines (BOM first), text cells made safe to open."""
    writer = csv.writer(_Line())
    yield BOM + writer.writerow(columns)
    text = [column not in NUMERIC_COLUMNS for column in columns]
    for row in rows:
        yield writer.writerow(
            [
                csv_text(value) if is_text else value
                for is_text, value in zip(text, row, strict=True)
            ]
        )


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
    return _csv_lines(PROJECT_COLUMNS, project_rows(projects, base_url))


# --- A published record as data: the disclosure-tree JSON and one CSV row per line item ------

TREE_SCHEMA = "portal.disclosure-tree/1"
LINE_COLUMNS = [
    "年度",
    "预算单位",
    "项目序号",
    "项目名称",
    "修订版次",
    "子项目序号",
    "子项目名称",
    "明细编号",
    "明细标记",
    "明细名称",
    "计算式",
    "因子",
    "申报金额（元）",
    "计算金额（元）",
    "金额原文",
    "出处",
    "末级明细",
    "网址",
]


def _yuan(value: Decimal | None) -> str | None:
    """An amount for the tree: a string with exactly two decimals, as the loader reads it."""
    return None if value is None else f"{value:.2f}"


def _region_path(region: Region | None) -> list[str]:
    names = []
    while region is not None:
        names.append(region.name)
        region = region.parent
    return names[::-1]


def _line_node(node: selectors.LineNode) -> dict[str, Any]:
    line = node.line
    return {
        "sequence": line.sequence,
        "marker": line.marker,
        "name": line.name,
        "amount_yuan": _yuan(line.declared_amount),
        "amount_text": line.amount_text,
        "source": line.source,
        "formula": line.formula,
        "factors": [
            {"value": format_decimal(f.value), "unit": f.unit, "label": f.label}
            for f in sorted(line.factors.all(), key=lambda f: f.sequence)
        ],
        "partial": line.partial,
        "children": [_line_node(child) for child in node.children],
    }


def project_node(project: Project, base_url: str = "") -> dict[str, Any]:
    """One project (its tree prefetched, see ``selectors.with_tree``) in the tree format, with
    a ``publication`` block (revision, dates, address, totals and findings) for readers."""
    data, forests = selectors.project_tree(project)
    findings = checks.check_project(data)
    sub_items = []
    for sub_item in project.sub_items.all():
        sub_items.append(
            {
                "sequence": sub_item.sequence,
                "name": sub_item.name,
                "content": sub_item.content,
                "plan": sub_item.plan,
                "declared_amount_yuan": _yuan(sub_item.declared_amount),
                "declared_amount_text": sub_item.declared_amount_text,
                "lines": [_line_node(n) for n in forests[sub_item.pk]],
                "milestones": [
                    {
                        "sequence": m.sequence,
                        "description": m.description,
                        "due_year": m.due_year,
                        "due_month": m.due_month,
                        "payment_mode": m.payment_mode,
                        "amount_yuan": _yuan(m.amount),
                        "amount_text": m.amount_text,
                        "per_period": m.per_period,
                    }
                    for m in sub_item.milestones.all()
                ],
            }
        )
    node = {
        "sequence": project.sequence,
        "name": project.name,
        "implementing_unit": project.implementing_unit,
        "basis_preamble": project.basis_preamble,
        "citations": [
            {
                "sequence": c.sequence,
                "cited_text": c.cited_text,
                "separator": c.separator,
                "title": c.document.title,
                "document_number": c.document.document_number,
            }
            for c in project.citations.all()
        ],
        "basis_closing": project.basis_closing,
        "declared_total_yuan": _yuan(project.declared_total),
        "declared_total_text": project.declared_total_text,
        "funding_text": project.funding_text,
        "outcomes": project.outcomes,
        "funding_sources": [
            {
                "sequence": f.sequence,
                "name": f.name,
                "amount_yuan": _yuan(f.amount),
                "amount_text": f.amount_text,
            }
            for f in project.funding_sources.all()
        ],
        "performance_indicators": [
            {
                "sequence": i.sequence,
                "level1": i.level1,
                "level2": i.level2,
                "name": i.name,
                "comparator": i.comparator,
                "target": i.target,
                "unit": i.unit,
            }
            for i in project.performance_indicators.all()
        ],
        "sub_items": sub_items,
        "source_notes": [
            {
                "code": n.code,
                "place": n.place,
                "message": n.message,
                "explanation": n.explanation,
            }
            for n in project.source_notes.all()
        ],
        "publication": {
            "lineage": str(project.lineage),
            "revision": project.revision,
            "status": project.status,
            "published_at": project.published_at.isoformat() if project.published_at else None,
            "correction_note": project.correction_note,
            "url": base_url + project.get_revision_url(),
            "itemised_total_yuan": _yuan(rollups.itemised_total(data)),
            "findings": [
                {
                    "code": f.code,
                    "severity": f.severity.value,
                    "where": f.location.label,
                    "message": f.message,
                    "source_note": f.source_note,
                }
                for f in findings
            ],
        },
    }
    return node


def disclosure_tree(
    disclosure: Disclosure, projects: Iterable[Project], base_url: str = ""
) -> dict[str, Any]:
    """A disclosure and the given projects (trees prefetched) as a ``portal.disclosure-tree/1``
    document: what ``manage.py load_disclosure`` reads back, plus a publication block per
    project. The same shape backs the PDF's attached JSON."""
    department = disclosure.department
    return {
        "schema": TREE_SCHEMA,
        "department": {
            "name": department.name,
            "short_name": department.short_name,
            "slug": department.slug,
            "region": _region_path(department.region),
        },
        "disclosure": {"fiscal_year": disclosure.fiscal_year, "title": disclosure.title}
        | _source(disclosure),
        "projects": [project_node(project, base_url) for project in projects],
    }


def _source(disclosure: Disclosure) -> dict[str, str]:
    """Where and when the text was first published, where known (left out otherwise, so the
    trees of texts without them keep their bytes)."""
    source = {}
    if disclosure.source_published_on:
        source["source_published_on"] = disclosure.source_published_on.isoformat()
    if disclosure.source_url:
        source["source_url"] = disclosure.source_url
    return source


def tree_json(tree: dict[str, Any]) -> bytes:
    """The tree as UTF-8 JSON, Chinese kept readable, the same bytes for the same records."""
    return (json.dumps(tree, ensure_ascii=False, indent=2) + "\n").encode()


def _line_rows(
    project: Project, sub_item: SubItem, nodes, prefix: str, base_url: str
) -> Iterator[list[str]]:
    for node in nodes:
        number = f"{prefix}.{node.line.sequence}" if prefix else str(node.line.sequence)
        line = node.line
        yield [
            str(project.disclosure.fiscal_year),
            project.disclosure.department.name,
            str(project.sequence),
            project.name,
            str(project.revision),
            str(sub_item.sequence),
            sub_item.name,
            number,
            line.marker,
            line.name,
            line.formula,
            "；".join(
                f"{format_decimal(f.value)}{f.unit}" + (f"（{f.label}）" if f.label else "")
                for f in sorted(line.factors.all(), key=lambda f: f.sequence)
            ),
            _amount(line.declared_amount),
            _amount(node.computed),
            line.amount_text,
            line.get_source_display(),
            yes_no(not node.children),  # 末级明细: a parent's amount is also its children's
            base_url + project.get_revision_url(),
        ]
        yield from _line_rows(project, sub_item, node.children, number, base_url)


def line_rows(projects: Iterable[Project], base_url: str = "") -> Iterator[list[str]]:
    """One row per line item (child lines after their parent, numbered 1, 1.1, 1.2 …), with its
    project and sub-item; projects must have their trees prefetched."""
    for project in projects:
        _, forests = selectors.project_tree(project)
        for sub_item in project.sub_items.all():
            yield from _line_rows(project, sub_item, forests[sub_item.pk], "", base_url)


def lines_csv(projects: Iterable[Project], base_url: str = "") -> Iterator[str]:
    """One row per line item (``line_rows``) as CSV text, line by line."""
    return _csv_lines(LINE_COLUMNS, line_rows(projects, base_url))
