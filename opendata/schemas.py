"""The API's response shapes (pydantic, through django-ninja): they are the OpenAPI document.

Amounts are strings in 元 with exactly two decimals (``"300000.00"``), as in the disclosure
tree: a JSON number would pass through floating point in most readers.
"""

from datetime import datetime
from typing import Annotated

from ninja import Schema
from pydantic import ConfigDict, Field, create_model

Yuan = Annotated[
    str,
    Field(
        pattern=r"^\d+\.\d{2}$",
        description="金额，以元计，两位小数的字符串",
        examples=["300000.00"],
    ),
]


class Links(Schema):
    page: str = Field(description="公开页面网址")
    json_: str = Field(alias="json", description="JSON 下载")
    csv: str = Field(description="CSV 下载（每行一条测算明细，UTF-8 带 BOM）")
    xlsx: str = Field(description="XLSX 下载")
    pdf: str = Field(description="PDF 下载")

    model_config = ConfigDict(populate_by_name=True)


class DepartmentRef(Schema):
    slug: str = Field(description="预算单位标识（网址中使用）")
    name: str = Field(description="预算单位全称")


class DepartmentOut(DepartmentRef):
    short_name: str = Field(description="简称")
    region: list[str] = Field(description="所属行政区划，自省级起")
    years: list[int] = Field(description="有已公开项目的预算年度，新的在前")


class DisclosureSummary(Schema):
    department: DepartmentRef
    fiscal_year: int = Field(description="预算年度")
    title: str = Field(description="公开文本标题")
    project_count: int = Field(description="已公开项目数")
    declared_total_yuan: Yuan = Field(description="各项目申报总额之和（元）")
    api_url: str = Field(description="本公开文本的完整数据（API）")
    links: Links


class ProjectSummary(Schema):
    id: str = Field(description="项目标识（各修订版共用，UUID）")
    revision: int = Field(description="现行修订版次")
    fiscal_year: int = Field(description="预算年度")
    department: DepartmentRef
    sequence: int = Field(description="在公开文本中的项目序号")
    name: str = Field(description="项目名称")
    implementing_unit: str = Field(description="项目实施单位")
    declared_total_yuan: Yuan | None = Field(description="申报总额（元）；原文未写明为 null")
    itemised_total_yuan: Yuan | None = Field(description="细化金额合计（元），系统计算")
    finding_count: int = Field(description="自动核对发现的问题数")
    published_at: datetime | None = Field(description="本修订版公开时间")
    api_url: str = Field(description="本项目的完整数据（API）")
    links: Links


class DocumentSummary(Schema):
    id: int = Field(description="政策文件编号")
    title: str = Field(description="文件标题（不含书名号）")
    document_number: str = Field(description="文号，规范为〔〕写法；没有为空字符串")
    project_count: int = Field(description="引用它的已公开项目数")
    money_yuan: Yuan = Field(description="引用它的项目申报总额之和（元），每个项目只计一次")
    url: str = Field(description="公开页面网址")
    api_url: str = Field(description="API 网址")


class TiedMoney(Schema):
    sub_item: int = Field(description="子项目序号")
    place: str = Field(description="测算明细（标记和名称）；为空时是整个子项目")
    amount_yuan: Yuan = Field(description="金额（元）")


class CitingProject(Schema):
    id: str
    revision: int
    name: str
    fiscal_year: int
    department: DepartmentRef
    cited_text: str = Field(description="该项目引用时的原文写法")
    tied: list[TiedMoney] = Field(
        description="该项目文中写明依据本文件的测算明细或子项目及其金额；未写明为空列表"
    )
    api_url: str


class DocumentOut(DocumentSummary):
    tied_money_yuan: Yuan = Field(
        description="文中明确依据本文件的金额之和（元）；money_yuan 是引用项目的申报总额之和，"
        "并非本文件对应的金额"
    )
    issuer_code: str = Field(description="发文机关代字")
    year: int | None = Field(description="文号中的年份")
    serial: int | None = Field(description="文号中的序号")
    issuing_body: str = Field(description="发文机关")
    citations: list[CitingProject]


def page_of(item):
    """A page schema for one item type: total count, page numbers and links, the items."""
    return create_model(
        f"{item.__name__}Page",
        __base__=Schema,
        count=(int, Field(description="符合条件的记录总数")),
        page=(int, Field(description="当前页码，从 1 开始")),
        page_size=(int, Field(description="每页条数")),
        pages=(int, Field(description="总页数")),
        next=(str | None, Field(description="下一页网址；最后一页为 null")),
        previous=(str | None, Field(description="上一页网址；第一页为 null")),
        results=(list[item], Field(description="本页的记录")),
    )


DepartmentPage = page_of(DepartmentOut)
DisclosurePage = page_of(DisclosureSummary)
ProjectPage = page_of(ProjectSummary)
DocumentPage = page_of(DocumentSummary)


# --- The disclosure tree (portal.disclosure-tree/1) and a project in it -------------------


class FactorOut(Schema):
    value: str = Field(description="数值，按原文（如 60、1.2）")
    unit: str = Field(description="单位，如“人”“元/月”")
    label: str = Field(description="含义")


class LineOut(Schema):
    sequence: int
    marker: str = Field(description="原文编号，如“①”")
    name: str
    amount_yuan: Yuan | None = Field(description="申报金额（元）")
    amount_text: str = Field(description="金额原文")
    source: str = Field(description="content（五、实施内容）或 plan（七、实施计划）")
    formula: str = Field(description="计算式，如“60人×100元×2天”")
    factors: list[FactorOut]
    partial: bool = Field(
        description="true：下级明细只是本行金额的一部分（原文“其中……”），合计可小于本行金额"
    )
    children: list["LineOut"] = Field(
        description="组成本行的下级明细（partial 为 false 时合计应等于本行金额）"
    )


class MilestoneOut(Schema):
    sequence: int
    description: str
    due_year: int | None
    due_month: int | None
    payment_mode: str = Field(description="one_off|monthly|quarterly|as_needed|instalments|other")
    amount_yuan: Yuan | None
    amount_text: str
    per_period: bool = Field(description="金额为每期（每月、每季度）的金额；全年金额为其乘以12或4")


class SubItemOut(Schema):
    sequence: int
    name: str
    content: str = Field(description="五、项目实施内容")
    plan: str = Field(description="七、项目实施计划")
    declared_amount_yuan: Yuan | None
    declared_amount_text: str
    lines: list[LineOut] = Field(description="测算明细")
    milestones: list[MilestoneOut] = Field(description="计划节点")


class CitationOut(Schema):
    sequence: int
    cited_text: str = Field(description="引用原文")
    separator: str
    title: str = Field(description="文件标题")
    document_number: str = Field(description="文号（〔〕写法）")


class FundingSourceOut(Schema):
    sequence: int
    name: str = Field(description="资金来源")
    amount_yuan: Yuan
    amount_text: str


class IndicatorOut(Schema):
    sequence: int
    level1: str = Field(description="output|benefit|satisfaction|cost")
    level2: str
    name: str
    comparator: str = Field(description="ge|le|eq|gt|lt|qualitative")
    target: str
    unit: str


class FindingOut(Schema):
    code: str = Field(description="问题类型代码")
    severity: str = Field(description="严重程度")
    where: str = Field(description="位置")
    message: str = Field(description="说明")
    source_note: str = Field(
        description="预算单位说明原文即如此（原文如此）时的说明；为空表示没有这样的说明"
    )


class SourceNoteOut(Schema):
    code: str = Field(description="所针对的核对问题类型代码")
    place: str = Field(description="所针对的核对问题位置（kind:path:field）")
    message: str = Field(description="所针对的核对问题说明")
    explanation: str = Field(description="预算单位的原文如此说明")


class PublicationOut(Schema):
    lineage: str = Field(description="项目标识")
    revision: int
    status: str = Field(description="published（现行）或 superseded（已被更正）")
    published_at: str | None
    correction_note: str
    url: str
    itemised_total_yuan: Yuan
    findings: list[FindingOut]


class ProjectNode(Schema):
    sequence: int
    name: str
    implementing_unit: str
    basis_preamble: str
    citations: list[CitationOut]
    basis_closing: str
    declared_total_yuan: Yuan | None
    declared_total_text: str
    funding_text: str
    outcomes: str
    funding_sources: list[FundingSourceOut]
    performance_indicators: list[IndicatorOut]
    sub_items: list[SubItemOut]
    source_notes: list[SourceNoteOut] = Field(
        description="原文如此：预算单位说明核对发现的错误原文即如此，及其说明"
    )
    publication: PublicationOut


class DepartmentBlock(Schema):
    name: str
    short_name: str
    slug: str
    region: list[str]


class DisclosureBlock(Schema):
    fiscal_year: int
    title: str


class DisclosureRef(DisclosureBlock):
    url: str


class DisclosureTree(Schema):
    schema_: str = Field(alias="schema", description="portal.disclosure-tree/1")
    department: DepartmentBlock
    disclosure: DisclosureBlock
    projects: list[ProjectNode]

    model_config = ConfigDict(populate_by_name=True)


class ProjectDocument(Schema):
    schema_: str = Field(alias="schema", description="portal.project/1")
    department: DepartmentBlock
    disclosure: DisclosureRef
    project: ProjectNode

    model_config = ConfigDict(populate_by_name=True)


class ErrorOut(Schema):
    detail: str = Field(description="错误说明")


class ThrottledOut(ErrorOut):
    retry_after: int = Field(description="多少秒后可以再请求")


class ValidationProblem(Schema):
    type: str = Field(description="问题类型")
    loc: list[str | int] = Field(description='出问题的参数位置，如 ["query", "page"]')
    msg: str = Field(description="说明（英文）")


class ValidationErrorOut(Schema):
    detail: list[ValidationProblem] = Field(description="参数不合要求时的问题列表")
