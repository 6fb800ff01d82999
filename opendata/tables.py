"""The flat tables of the open data, and the data dictionary that describes them.

One definition per table: its fields (name, type, meaning in Chinese and English, the Fiscal
Data Package column type where one applies) and how a project (with its prefetched tree) becomes
rows. The CSV resources of the Fiscal Data Package, the XLSX sheets and the data dictionary are
all written from these, so they cannot disagree.

Values are Python values: amounts ``Decimal`` in 元 (2 places), counts ``int``, text ``str``,
``None`` where the record states nothing. Each writer turns them into its format.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.utils import timezone

from budget import rollups
from budget.amounts import format_decimal
from budget.spreadsheet import yes_no
from projects import selectors
from projects.models import Project

AMOUNT = "number"  # frictionless type of every amount: 元, two decimals
DATETIME_FORMAT = "%Y-%m-%d %H:%M:%S"  # times in CSV: Beijing time, as spreadsheets read them


@dataclass(frozen=True)
class Field:
    name: str  # the field's identifier (ASCII, snake_case), named in the data dictionary
    type: str  # frictionless (Table Schema) type: string, integer, number, datetime
    zh: str  # the column's header in Chinese: CSV, the package's field name, XLSX
    en: str  # its meaning in English
    column_type: str = ""  # Fiscal Data Package columnType, where the field is a fiscal concept
    amount: bool = False  # an amount in 元 (a number formatted as 元 in the XLSX)


@dataclass(frozen=True)
class Table:
    name: str  # resource name and file stem
    zh: str  # sheet name and title in Chinese
    en: str
    fields: tuple[Field, ...]
    rows: Callable[[Project, str], Iterator[tuple]]
    primary_key: tuple[str, ...] = ()
    foreign_keys: tuple[tuple[tuple[str, ...], str, tuple[str, ...]], ...] = ()

    @property
    def header(self) -> list[str]:
        """The columns' names as the CSV and the package give them: Chinese, as people read
        them in Excel or WPS (the data dictionary pairs each with its identifier)."""
        return [f.zh for f in self.fields]

    def headers(self, names: tuple[str, ...]) -> list[str]:
        """The Chinese headers of these fields (identifiers), for keys that name fields."""
        by_name = {f.name: f.zh for f in self.fields}
        return [by_name[name] for name in names]


ADMIN = "administrative-classification:generic"

# The context every row carries, so a table can be read on its own.
YEAR = Field(
    "fiscal_year", "integer", "预算年度", "Fiscal year of the disclosure", "date:fiscal-year"
)
DEPARTMENT_CODE = Field(
    "department_code",
    "string",
    "预算单位标识",
    "Budget unit (department), its identifier in the portal's addresses",
    f"{ADMIN}:level1:code",
)
DEPARTMENT = Field(
    "department", "string", "预算单位", "Budget unit (department) name", f"{ADMIN}:level1:label"
)
PROJECT_ID = Field(
    "project_id",
    "string",
    "项目标识",
    "Project identifier, shared by all revisions of a project (UUID)",
    f"{ADMIN}:level2:code",
)
REVISION = Field("revision", "integer", "修订版次", "Revision number of the project (1, 2, …)")
PROJECT_SEQUENCE = Field(
    "project_sequence", "integer", "项目序号", "Project number within the disclosure (项目1. = 1)"
)
PROJECT = Field(
    "project", "string", "项目名称", "Project name (一、项目名称)", f"{ADMIN}:level2:label"
)
SUB_ITEM_SEQUENCE = Field(
    "sub_item_sequence",
    "integer",
    "子项目序号",
    "Sub-item number within the project (1. 2. …)",
    f"{ADMIN}:level3:code",
)
SUB_ITEM = Field(
    "sub_item", "string", "子项目名称", "Sub-item name (四、项目基本概况)", f"{ADMIN}:level3:label"
)
URL = Field("url", "string", "网址", "Address of this revision's public page")
CONTEXT = (YEAR, DEPARTMENT_CODE, DEPARTMENT, PROJECT_ID, REVISION, PROJECT_SEQUENCE, PROJECT)


def _context(project: Project) -> tuple:
    disclosure = project.disclosure
    return (
        disclosure.fiscal_year,
        disclosure.department.slug,
        disclosure.department.name,
        str(project.lineage),
        project.revision,
        project.sequence,
        project.name,
    )


def _project_rows(project: Project, base_url: str) -> Iterator[tuple]:
    data = selectors.project_data(project)
    yield (
        *_context(project),
        project.disclosure.title,
        project.implementing_unit,
        project.classification_code,
        project.declared_total,
        project.declared_total_text,
        rollups.itemised_total(data),
        project.finding_count,
        timezone.localtime(project.published_at) if project.published_at else None,
        project.correction_note,
        base_url + project.get_revision_url(),
    )


def _sub_item_rows(project: Project, base_url: str) -> Iterator[tuple]:
    data = selectors.project_data(project)
    for sub_item, sub_data in zip(project.sub_items.all(), data.sub_items, strict=True):
        yield (
            *_context(project),
            sub_item.sequence,
            sub_item.name,
            sub_item.declared_amount,
            sub_item.declared_amount_text,
            rollups.sub_item_total(sub_data),
            sub_item.content,
            sub_item.plan,
            base_url + project.get_revision_url(),
        )


def _factors_text(line) -> str:
    return "；".join(
        f"{format_decimal(f.value)}{f.unit}" + (f"（{f.label}）" if f.label else "")
        for f in sorted(line.factors.all(), key=lambda f: f.sequence)
    )


def _walk(nodes, prefix: str = "", parent: str = ""):
    """Each line node with its number (1, 1.1, 1.2 …) and its parent's number, depth first."""
    for node in nodes:
        number = f"{prefix}.{node.line.sequence}" if prefix else str(node.line.sequence)
        yield node, number, parent
        yield from _walk(node.children, number, number)


def _line_rows(project: Project, base_url: str) -> Iterator[tuple]:
    _, forests = selectors.project_tree(project)
    for sub_item in project.sub_items.all():
        for node, number, parent in _walk(forests[sub_item.pk]):
            line = node.line
            yield (
                *_context(project),
                sub_item.sequence,
                sub_item.name,
                number,
                parent or None,
                line.marker,
                line.name,
                line.formula,
                _factors_text(line),
                line.declared_amount,
                node.computed,
                line.amount_text,
                line.get_source_display(),
                not node.children,
                base_url + project.get_revision_url(),
            )


def _milestone_rows(project: Project, base_url: str) -> Iterator[tuple]:
    for sub_item in project.sub_items.all():
        for milestone in sub_item.milestones.all():
            yield (
                *_context(project),
                sub_item.sequence,
                sub_item.name,
                milestone.sequence,
                milestone.description,
                milestone.due_year,
                milestone.due_month,
                milestone.get_payment_mode_display() if milestone.payment_mode else "",
                milestone.amount,
                milestone.per_period,
                rollups.milestone_total(selectors.milestone_data(milestone)),
                milestone.amount_text,
            )


def _factor_rows(project: Project, base_url: str) -> Iterator[tuple]:
    _, forests = selectors.project_tree(project)
    for sub_item in project.sub_items.all():
        for node, number, _parent in _walk(forests[sub_item.pk]):
            for factor in sorted(node.line.factors.all(), key=lambda f: f.sequence):
                yield (
                    str(project.lineage),
                    sub_item.sequence,
                    number,
                    factor.sequence,
                    Exact(factor.value),
                    factor.unit,
                    factor.label,
                )


def _citation_rows(project: Project, base_url: str) -> Iterator[tuple]:
    for citation in project.citations.all():
        yield (
            *_context(project),
            citation.sequence,
            citation.cited_text,
            citation.document.title,
            citation.document.document_number,
            base_url + citation.document.get_absolute_url(),
        )


def _funding_rows(project: Project, base_url: str) -> Iterator[tuple]:
    for source in project.funding_sources.all():
        yield (
            *_context(project),
            source.sequence,
            source.name,
            source.amount,
            source.amount_text,
        )


def _indicator_rows(project: Project, base_url: str) -> Iterator[tuple]:
    for indicator in project.performance_indicators.all():
        yield (
            *_context(project),
            indicator.sequence,
            indicator.get_level1_display(),
            indicator.level2,
            indicator.name,
            indicator.get_comparator_display(),
            indicator.target,
            indicator.unit,
        )


def _project_ref(*fields: str):
    return ((fields, "projects", ("project_id",)),)


PROJECTS = Table(
    "projects",
    "项目",
    "Projects",
    (
        *CONTEXT,
        Field("disclosure_title", "string", "公开文本标题", "Title of the yearly disclosure"),
        Field("implementing_unit", "string", "项目实施单位", "Implementing unit (三)"),
        Field("classification_code", "string", "功能分类科目", "Functional classification code"),
        Field(
            "declared_total",
            AMOUNT,
            "申报总额（元）",
            "Declared funding total in yuan (六、资金安排情况)",
            "value",
            amount=True,
        ),
        Field("declared_total_text", "string", "申报总额原文", "Declared total as written"),
        Field(
            "itemised_total",
            AMOUNT,
            "细化金额合计（元）",
            "Sum of the itemised sub-items in yuan, computed by the portal",
            amount=True,
        ),
        Field("finding_count", "integer", "核对问题数", "Number of consistency findings"),
        Field(
            "published_at",
            "datetime",
            "公开时间",
            "When this revision was published, Beijing time (UTC+8)",
        ),
        Field("correction_note", "string", "更正说明", "Public note of a correction, if any"),
        URL,
    ),
    _project_rows,
    primary_key=("project_id",),
)

SUB_ITEMS = Table(
    "sub_items",
    "子项目",
    "Sub-items",
    (
        *CONTEXT,
        SUB_ITEM_SEQUENCE,
        SUB_ITEM,
        Field(
            "declared_amount",
            AMOUNT,
            "申报金额（元）",
            "Amount the text states for the sub-item, in yuan (empty where it states none)",
            amount=True,
        ),
        Field("declared_amount_text", "string", "申报金额原文", "The sub-item amount as written"),
        Field(
            "itemised_amount",
            AMOUNT,
            "细化金额（元）",
            "The sub-item's amount as the project's itemised total counts it: its declared "
            "amount, else the sum of its top-level line items. The fiscal measure: summed over a "
            "project's sub-items it gives the project's itemised total (细化金额合计)",
            "value",
            amount=True,
        ),
        Field("content", "string", "项目实施内容", "Narrative of the sub-item (五)"),
        Field("plan", "string", "项目实施计划", "Plan of the sub-item (七)"),
        URL,
    ),
    _sub_item_rows,
    primary_key=("project_id", "sub_item_sequence"),
    foreign_keys=_project_ref("project_id"),
)

LINES = Table(
    "lines",
    "测算明细",
    "Line items",
    (
        *CONTEXT,
        SUB_ITEM_SEQUENCE,
        SUB_ITEM,
        Field(
            "line_number",
            "string",
            "明细编号",
            "Line number within the sub-item; child lines are 1.1, 1.2 …",
        ),
        Field("parent_line_number", "string", "上级明细编号", "Number of the parent line, if any"),
        Field("marker", "string", "明细标记", "Marker as written (①②③ …)"),
        Field("line", "string", "明细名称", "Line item name"),
        Field("formula", "string", "计算式", "Calculation as written (60人×100元×2天)"),
        Field("factors", "string", "因子", "Factors of the calculation: value, unit, meaning"),
        Field(
            "declared_amount",
            AMOUNT,
            "申报金额（元）",
            "Amount the text states for the line, in yuan. Parent lines and their child lines "
            "are both rows: do not sum this column; a sub-item's amount is "
            "sub_items.itemised_amount",
            amount=True,
        ),
        Field(
            "computed_amount",
            AMOUNT,
            "计算金额（元）",
            "Product of the factors, or sum of the child lines, in yuan",
            amount=True,
        ),
        Field("amount_text", "string", "金额原文", "The line amount as written"),
        Field("source", "string", "出处", "Section the amount is written in (五 or 七)"),
        Field(
            "leaf",
            "boolean",
            "末级明细",
            "true for a line without child lines (a parent's amount and its children's "
            "overlap; children that are only a part, 其中, do not make up their parent)",
        ),
        URL,
    ),
    _line_rows,
    primary_key=("project_id", "sub_item_sequence", "line_number"),
    foreign_keys=(
        *_project_ref("project_id"),
        (
            ("project_id", "sub_item_sequence"),
            "sub_items",
            ("project_id", "sub_item_sequence"),
        ),
    ),
)

FACTORS = Table(
    "factors",
    "计算因子",
    "Factors",
    (
        PROJECT_ID,
        SUB_ITEM_SEQUENCE,
        Field("line_number", "string", "明细编号", "Number of the line the factor belongs to"),
        Field("factor_sequence", "integer", "因子序号", "Position of the factor in the formula"),
        Field("value", "number", "数值", "Value as written (60, 1.2, 200)"),
        Field("unit", "string", "单位", "Unit as written (人, 元/月, 天)"),
        Field("label", "string", "含义", "What the number stands for"),
    ),
    _factor_rows,
    primary_key=("project_id", "sub_item_sequence", "line_number", "factor_sequence"),
    foreign_keys=(
        (
            ("project_id", "sub_item_sequence", "line_number"),
            "lines",
            ("project_id", "sub_item_sequence", "line_number"),
        ),
    ),
)

CITATIONS = Table(
    "citations",
    "立项依据",
    "Citations",
    (
        *CONTEXT,
        Field("citation_sequence", "integer", "引用序号", "Position in 二、立项依据"),
        Field("cited_text", "string", "引用原文", "The citation exactly as written"),
        Field("document_title", "string", "文件标题", "Title of the cited policy document"),
        Field("document_number", "string", "文号", "Document number, normalised to 〔〕"),
        Field("document_url", "string", "文件网址", "Address of the document's public page"),
    ),
    _citation_rows,
    primary_key=("project_id", "citation_sequence"),
    foreign_keys=_project_ref("project_id"),
)

FUNDING_SOURCES = Table(
    "funding_sources",
    "资金来源",
    "Funding sources",
    (
        *CONTEXT,
        Field("source_sequence", "integer", "来源序号", "Position of the source"),
        Field(
            "funding_source",
            "string",
            "资金来源",
            "Source of funds (本级财政拨款, 上级补助, 自筹 …)",
            "fin-source:generic:label",
        ),
        Field(
            "amount", AMOUNT, "金额（元）", "Amount from this source, in yuan", "value", amount=True
        ),
        Field("amount_text", "string", "金额原文", "The amount as written"),
    ),
    _funding_rows,
    primary_key=("project_id", "source_sequence"),
    foreign_keys=_project_ref("project_id"),
)

INDICATORS = Table(
    "performance_indicators",
    "绩效指标",
    "Performance indicators",
    (
        *CONTEXT,
        Field("indicator_sequence", "integer", "指标序号", "Row of the performance table"),
        Field("level1", "string", "一级指标", "Level-1 indicator (产出/效益/满意度/成本)"),
        Field("level2", "string", "二级指标", "Level-2 indicator (数量/质量/时效 …)"),
        Field("indicator", "string", "三级指标", "Indicator name"),
        Field("comparator", "string", "比较方式", "Comparator (≥ ≤ = or 定性)"),
        Field("target", "string", "指标值", "Target value as written"),
        Field("unit", "string", "计量单位", "Unit of the target"),
    ),
    _indicator_rows,
    primary_key=("project_id", "indicator_sequence"),
    foreign_keys=_project_ref("project_id"),
)

MILESTONES = Table(
    "milestones",
    "实施计划节点",
    "Milestones",
    (
        *CONTEXT,
        SUB_ITEM_SEQUENCE,
        SUB_ITEM,
        Field("milestone_sequence", "integer", "节点序号", "Position in the sub-item's plan (七)"),
        Field("description", "string", "节点内容", "What is to be done"),
        Field("due_year", "integer", "计划年份", "Year it is due"),
        Field("due_month", "integer", "计划月份", "Month it is due (1–12), if stated"),
        Field("payment_mode", "string", "支付方式", "How it is paid, if stated"),
        Field(
            "amount",
            AMOUNT,
            "计划金额（元）",
            "Amount planned for the milestone, in yuan, if stated (each period's where "
            "per_period is true)",
            amount=True,
        ),
        Field(
            "per_period",
            "boolean",
            "按期金额",
            "true when the amount is paid each month or quarter (每季度支出0.75万元)",
        ),
        Field(
            "year_amount",
            AMOUNT,
            "全年金额（元）",
            "What the milestone plans for the year: the amount, times 12 or 4 where it is paid "
            "each month or quarter",
            amount=True,
        ),
        Field("amount_text", "string", "金额原文", "The amount as written"),
    ),
    _milestone_rows,
    primary_key=("project_id", "sub_item_sequence", "milestone_sequence"),
    foreign_keys=(
        (
            ("project_id", "sub_item_sequence"),
            "sub_items",
            ("project_id", "sub_item_sequence"),
        ),
    ),
)

TABLES: tuple[Table, ...] = (
    PROJECTS,
    SUB_ITEMS,
    LINES,
    FACTORS,
    CITATIONS,
    FUNDING_SOURCES,
    INDICATORS,
    MILESTONES,
)


@dataclass(frozen=True)
class Exact:
    """A number that is not an amount (a factor: 60, 1.2, 0.333): written with the digits it
    has, a number in spreadsheets."""

    value: Decimal


def cell(value) -> str:
    """A value as CSV text: amounts with two decimals, no grouping; other numbers with their
    own digits; times in Beijing time (``DATETIME_FORMAT``); 是/否; nothing as empty."""
    if value is None:
        return ""
    if isinstance(value, Exact):
        return format_decimal(value.value)
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, bool):
        return yes_no(value)
    if isinstance(value, datetime):
        # Beijing time as Excel and WPS read a date and time (they take an ISO 8601 string
        # with T and an offset for text); the package's field gives the format and zone.
        return value.strftime(DATETIME_FORMAT)
    return str(value)
