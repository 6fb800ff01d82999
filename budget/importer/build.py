"""Disclosure text → ``portal.disclosure-tree/1`` (docs/disclosure-tree.md) plus findings.

:func:`parse_disclosure` is the importer's entry point: pure Python, no Django. It reads the
outline (:mod:`.outline`) and the document's head (:mod:`.head`: title, department, year),
then its projects: those of the eight-section outline (:mod:`.sections`), or those a notice,
list, table or form gives (:mod:`.notices`, :mod:`.listing`); and runs the consistency
checks on what it read.

Nothing is lost: a line the parser cannot place is kept as text in the nearest section and
reported with its line number; :func:`.coverage.uncovered_lines` checks that every non-blank
input line is found in the tree.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ..amounts import ParsedAmount, find_amounts
from ..checks import check_project
from ..normalize import blank_titles, halfwidth, squash
from ..rollups import computed_amount
from . import outline as o
from .coverage import uncovered_lines
from .head import (
    YEAR,
    a_sentence,
    department_in,
    issuer_above,
    labelled_department,
    labelled_year,
    organisation,
    own_number,
    publication_date,
    publishing_department,
    region,
    short_department,
    short_name,
    signing_department,
    slug,
    split_title,
    title_year,
    without_leading_number,
)
from .lines import SPENT_OR_LEFT, is_rate
from .listing import read_listing, spaced_table
from .listing.listed import all_carried_out_by
from .listing.paragraphs import ITEM_IN_WAN
from .nodes import (
    Finding,
    TextImportError,
    append_text,
    line_data,
    project_data,
    sub_item_node,
    take_total,
)
from .notices import (
    LOTTERY_FUNDS,
    allocated,
    basis_in,
    block_lines,
    bracketed_parts,
    citations_in,
    detail_sources,
    form_project_name,
    fund_notice,
    header_cell,
    line_of,
    listed_node,
    notice_citations,
    notice_lines,
    notice_project,
    planned_name,
    projects_unread,
    replied_project_name,
    rows_left_unread,
    said_fund_name,
    said_project_name,
    sum_after_name,
    sums_as_sub_items,
    tabled_fund,
    title_fund_name,
    title_project_name,
    total_from_form,
    total_from_prose,
    whole_of_the_count,
    whole_text_project,
)
from .script import simplified
from .sections import build_project, unit_said_in_prose
from .tables import unflatten

SCHEMA = "portal.disclosure-tree/1"
_OUTSIDE_LIST = "这行文字不属于列表中的项目，已按原文保留在项目1的实施成效中。"
CONVERTED_MESSAGE = (
    "原文为繁体字（或字后夹有拼音），已转换为简体后读取：请对照原文核对名称、单位的用字。"
)
# A line no rule placed, kept as written so that nothing is lost (see :func:`unplaced_lines`).
UNPLACED = "这行文字未能归入任何字段，已按原文保留在项目1的实施成效中，请核对。"


@dataclass
class ImportResult:
    tree: dict[str, Any]
    findings: list[Finding] = field(default_factory=list)
    # Where each value was read (1-based input lines): per project name, implementing_unit,
    # declared_total, and lists of the line of each sub-item, of each sub-item's line items
    # (one list per sub-item) and of each citation; for the document department, fiscal_year,
    # title. None: not read there.
    sources: list[dict[str, Any]] = field(default_factory=list)
    document_sources: dict[str, int | None] = field(default_factory=dict)

    @property
    def errors(self) -> list[Finding]:
        """Findings that stop the document from being stored."""
        return [f for f in self.findings if f.origin == "import" and f.severity == "error"]


def unplaced_lines(result: ImportResult) -> list[int]:
    """The lines no rule placed, kept only by the importer's last resort: a rule's blind
    spot, which the tests of generated and sample texts require to be none."""
    return [finding.line for finding in result.findings if finding.kind == "unplaced"]


def _total_as_its_one_lines_amount(node: dict) -> None:
    """A project's one calculation line without a sum of its own takes the project's stated
    total where its factors' product is exactly that total (按照每亩100元的标准…2000亩 …
    项目总投资20.00万元): the text states the product, as for a line's sum found in its
    text."""
    lines = [line for sub in node["sub_items"] for line in sub["lines"]]
    if len(lines) != 1 or node["declared_total_yuan"] is None:
        return
    [line] = lines
    if line["amount_yuan"] is not None or line["children"]:
        return
    if computed_amount(line_data(line)) == Decimal(node["declared_total_yuan"]):
        line["amount_yuan"] = node["declared_total_yuan"]
        line["amount_text"] = node["declared_total_text"]


def _sums_left_over(text: str, node: dict, findings: list[Finding]) -> None:
    """Where a text read as one project states many sums that none of its values takes (its
    total, sub-items, lines, sources), it may list projects no rule read: staff are told
    (a finding on ``rows``), with the first of those sums, rather than left to find them."""
    if any(finding.field in ("rows", "projects") for finding in findings):
        return
    taken = {
        Decimal(value)
        for value in [
            node["declared_total_yuan"],
            *(source["amount_yuan"] for source in node["funding_sources"]),
            *(sub["declared_amount_yuan"] for sub in node["sub_items"]),
            *(line["amount_yuan"] for sub in node["sub_items"] for line in _all_lines(sub)),
        ]
        if value
    }
    left: dict[Decimal, ParsedAmount] = {}
    for amount in find_amounts(text):
        if amount.value > 0 and amount.value not in taken and not is_rate(text, amount):
            left.setdefault(amount.value, amount)
    total = Decimal(node["declared_total_yuan"]) if node["declared_total_yuan"] else None
    # (or two at least as large as half its total: 2019年中央转移支付…3.8779亿元、2020年…
    # 2.1126亿元 after a fund of 3亿元, money of other funds)
    # (never what was done with its own money: 已完成投资800万元, 已拨付资金700万元)
    large = [
        value
        for value, amount in left.items()
        if len(left) < _SUMS_LEFT_OVER
        and total
        and value * 2 >= total
        and not _SPENT_OR_PAID.search(text[max(0, amount.start - 8) : amount.start])
        and not _a_part_or_whole(value, set(left) | taken)
    ]
    # (numbered items priced in 万 without 元, which no rule reads as money: 1、委员补助21万;2、…)
    in_wan = [
        f"{item['sum']}万"
        for line in text.split("\n")
        for item in ITEM_IN_WAN.finditer(halfwidth(line))
    ]
    if len(in_wan) >= _SUMS_LEFT_OVER:
        findings.append(
            Finding(
                "warning",
                f"文中列有{len(in_wan)}项以“万”计的编号金额（{'、'.join(in_wan[:3])}等），"
                "未能读出为项目或子项目：请对照原文逐项录入。",
                field="rows",
            )
        )
    elif len(left) >= _SUMS_LEFT_OVER or len(large) >= 2:
        shown = "、".join(amount.text for amount in list(left.values())[:3])
        findings.append(
            Finding(
                "warning",
                f"文中另有{len(left)}笔金额（{shown}等）未归入本项目的任何金额、子项目或测算明细："
                "原文可能列有多个项目或子项目，请对照原文核对是否遗漏。",
                field="rows",
            )
        )


_SPENT_OR_PAID = re.compile(SPENT_OR_LEFT)


def _a_part_or_whole(value: Decimal, stated: set[Decimal]) -> bool:
    """Whether ``value`` and one or two other sums the text states make up a third, or two or
    three of them make it up (400万元 + 300万元 = 累计700万元): a breakdown of one project's
    money, no other project's."""
    others = sorted(stated - {value})
    for a, b in itertools.combinations(others, 2):
        if value + a == b or value == a + b or value + a + b in stated:
            return True
    # (three parts of it, where the text states few enough sums to try them all)
    return len(others) <= 40 and any(
        value == a + b + c for a, b, c in itertools.combinations(others, 3)
    )


# How many sums a text of one project may state apart from its own values before staff are
# told it may list more (texts of one project state a few: a fund's whole, what was spent).
_SUMS_LEFT_OVER = 5


def _all_lines(node: dict) -> list[dict]:
    """A sub-item's or a line's lines and theirs, all the way down."""
    return [
        found
        for line in node.get("lines", node.get("children", []))
        for found in (line, *_all_lines(line))
    ]


def _finding_line(location, anchor: dict) -> int | None:
    """The input line a consistency finding is about, as near as the tree knows."""
    if location.kind == "line" and len(location.path) >= 2:
        found = anchor.get("lines", {}).get(location.path[:2])
        if found is not None:
            return found
    if location.kind in ("sub_item", "line", "milestone") and location.path:
        return anchor.get("sub", {}).get(location.path[0])
    if location.kind == "citation":
        return anchor.get("basis")
    if location.kind == "funding_source" or location.field == "declared_total":
        return anchor.get("funding")
    if location.field == "outcomes":
        return anchor.get("outcomes")
    if location.field.startswith("basis"):
        return anchor.get("basis")
    return anchor.get("project")


def parse_disclosure(
    text: str, *, department: str | None = None, year: int | None = None
) -> ImportResult:
    """Parse a disclosure text into a tree (``portal.disclosure-tree/1``) with findings.

    ``department`` and ``year`` override what the text says. The department is taken from
    the given one, a 预算单位 / 主管部门 label, the issuer a title names, the unit signing
    above the date or the page's publisher; the year from the given one, the title, a
    预算年度 label or a form's title, else from the projects' names (flagged): what none of
    them says is left empty (``None``, or the implementing unit for the department) and
    flagged (a warning with ``field``), as is every value inferred from a notice's prose.
    Raises :class:`TextImportError` when the text holds no project.
    """
    # A copy in traditional characters (pinyin readings inline) is read in simplified ones.
    text, converted = simplified(text)
    text = _indents_lost(text)
    # A table set out with runs of spaces is written with bars, line for line, before its
    # header can be taken for a form's cells run together.
    text = "\n".join(spaced_table(text.split("\n")))
    # Sections run together on one line each get one; line numbers are the input's again
    # before the result is returned.
    text, origin = o.split_run_on(text)
    result = _parse(text, department=department, year=year)
    _namesakes(result)
    if converted:
        result.findings.insert(0, Finding("warning", CONVERTED_MESSAGE))
    if len(origin) != text.count("\n") + 1 or origin != list(range(1, len(origin) + 1)):

        def back(number: int | None) -> int | None:
            return origin[number - 1] if number and 0 < number <= len(origin) else number

        for finding in result.findings:
            finding.line = back(finding.line)

        def back_all(value):
            if isinstance(value, list):
                return [back_all(item) for item in value]
            return back(value)

        result.sources = [{k: back_all(v) for k, v in item.items()} for item in result.sources]
        result.document_sources = {k: back(v) for k, v in result.document_sources.items()}
    return result


# A title wraps over three lines at most (中共澄江市委组织部2024年预算重点领域 / 财政项目文本公开).
_TITLE_LINES = 3


def _namesakes(result: ImportResult) -> None:
    """Two projects of one name (a table's rows of one works, each for its place) cannot both
    be stored in one disclosure: the later ones are flagged on their name, for staff to tell
    them apart before confirming."""
    first: dict[str, dict] = {}
    for project in result.tree["projects"]:
        key = squash(project["name"])
        if key in first:
            result.findings.append(
                Finding(
                    "warning",
                    f"项目{project['sequence']}与项目{first[key]['sequence']}同名"
                    f"（“{project['name'][:40]}”）：同一公开文本中不能有两个同名项目，"
                    "请在名称中加以区分（如注明实施单位或地点）。",
                    None,
                    project["sequence"],
                    field="name",
                )
            )
        else:
            first[key] = project


_LOST_INDENT = re.compile(r"^[ \t]*\?{2,}(?=[^\s?])", re.M)


def _indents_lost(text: str) -> str:
    """``text`` with the indents (全角空格) a copy in a narrower encoding lost to question marks
    (??一、…项目) spaces again, so that its markers open their lines: where three lines or more,
    and half the text's at least, open so. A character lost at one line's start (??阳县财政局)
    is no indent: kept, for staff to see."""
    opened = len(_LOST_INDENT.findall(text))
    lines = sum(1 for line in text.split("\n") if line.strip())
    if opened < 3 or opened * 2 < lines:
        return text
    return _LOST_INDENT.sub(lambda lost: " " * len(lost.group()), text)


# Money given in a year: 现下达你区中央财政2022年林业草原生态保护恢复资金 (not 2022年9月).
_YEAR_GIVEN = re.compile(
    r"(?:下达|安排|拨付|下拨|分配)[^。；;，,《》]{0,30}?(?P<year>(?:19|20)[0-9]{2})\s*年(?!\s*[0-9]{1,2}\s*月)"
    rf"[^。；;，,]{{0,40}}?(?:资金|经费|{LOTTERY_FUNDS}|补助|预算)"
    # (or its year before the money said given: 全市养老服务体系建设2015年中央预算内投资计划下达)
    r"|(?P<year_after>(?:19|20)[0-9]{2})\s*年(?!\s*[0-9]{1,2}\s*月)[^。；;，,]{0,30}?"
    r"(?:资金|经费|投资计划|预算)(?:计划)?(?:已|正式)?(?:下达|下拨|拨付)"
    # (or a clause opening with its year: …工作,2020年,我局通过转移支付预算安排市级福彩金160万元)
    r"|(?:^|(?<=[。\n，,]))\s*(?P<year_lead>(?:19|20)[0-9]{2})\s*年\s*[，,][^。；;]{0,30}?"
    rf"(?:下达|安排|拨付|下拨|分配)[^。；;，,]{{0,20}}?(?:资金|经费|{LOTTERY_FUNDS}|补助|预算)"
)


# This year's money, a text without years says: 今年…计划投资, 今年…下达资金.
_THIS_YEARS_MONEY = re.compile(r"今年[^。；;]{0,30}?(?:投资|资金|补助|补贴|预算|下达|安排)")
# A year a text states, never the day it was written (2018年4月10日) nor either end of a span
# of years (2016-2018年, 2016年至2018年).
_YEAR_SAID = re.compile(
    r"(?<![0-9])(?<![0-9][-—－~～至到])(?<![0-9]年[-—－~～至到])"
    r"(?P<year>(?:19|20)[0-9]{2})(?!\s*(?:年\s*)?[-—－~～至到]\s*(?:19|20)[0-9]{2})\s*年"
    r"(?!\s*[0-9]{1,2}\s*月\s*[0-9]{1,2}\s*日)"
)
# A labelled period of the works within a year: 建设年限:2024年4月—2024年10月, 实施期限:2023年
# 3月至10月 (the end's year, when written, is named ``end``).
_PERIOD_OF_ONE_YEAR = re.compile(
    r"(?:建设|实施)(?:年限|期限|周期|时间)\s*[:：为]?\s*"
    r"(?P<period>(?P<year>(?:19|20)[0-9]{2})\s*年\s*(?P<from>[0-9]{1,2})\s*月(?:份|[0-9]{1,2}日)?\s*"
    r"(?:[-—－~～至到]+)\s*(?:(?P<end>(?:19|20)[0-9]{2})\s*年)?\s*(?P<to>[0-9]{1,2})\s*月)"
)


def _same_unit(one: str, other: str) -> bool:
    """Whether two names of units may be one unit, one written with its place and one without:
    the shorter ends the longer (区财政局, 重庆市大足区财政局; 闵行区发改委, 上海市闵行区发改委;
    not 市财政局, 华池县财政局)."""
    shorter, longer = sorted((squash(one), squash(other)), key=len)
    return bool(shorter) and longer.endswith(shorter)


def _parts_of_its_content(block: o.ProjectBlock, listed: list) -> bool:
    """Whether the items of ``listed`` all stand in the content or overview section of a text
    of one project that names its unit (一、实施单位 … 四、建设内容 (一)… 1.土地平整…,共投资
    15.12万元): the parts of that project, not projects of their own."""
    if not listed or block.section(o.UNIT) is None:
        return False
    for section in block.sections:
        if section.kind not in (o.CONTENT, o.OVERVIEW):
            continue
        numbers = {line.number for line in section.lines}
        if section.heading is not None:
            numbers.add(section.heading.number)
        if all(item.line in numbers for item in listed):
            return True
    return False


def _year_guessed(said: str, line: int | None) -> Finding:
    """The finding on a budget year taken as a guess from ``said``."""
    return Finding("warning", f"预算年度取自{said}，请核对。", line, field="fiscal_year")


def _goals_alone(block: o.ProjectBlock) -> bool:
    """Whether a project the outline found names none of its own: no name or unit section
    (goals, 绩效目标:…, or money, 一、资金来源, as a notice over a list has), so a list of
    projects in the text may still be read."""
    return not block.section(o.NAME) and not block.section(o.UNIT)


def default_title(department: str, fiscal_year: int | None) -> str:
    """The title a text without one is given: by its department and year (中共澄江市委组织部
    2024年预算重点领域财政项目文本公开), each left out where unknown."""
    year = f"{fiscal_year}年" if fiscal_year else ""
    return f"{department}{year}预算重点领域财政项目文本公开"


def _says_the_same(first: o.ProjectBlock, again: o.ProjectBlock) -> bool:
    """Whether a block set out again under the same name says no other unit and no other sum
    than the first (two works of one name, by two units or for two sums, are two projects)."""
    for kind in (o.UNIT, o.FUNDING):
        one, other = first.section(kind), again.section(kind)
        if one is None or other is None:
            continue
        if kind == o.UNIT and squash(one.text).rstrip("。.；;") != squash(other.text).rstrip(
            "。.；;"
        ):
            return False
        sums = [[amount.value for amount in find_amounts(b.text)][:1] for b in (one, other)]
        if kind == o.FUNDING and sums[0] != sums[1]:
            return False
    return True


def _same_project_once(outline: o.Outline, findings: list[Finding]) -> None:
    """A project set out again under the same name right after itself (附件1 its plan, 附件2
    its contents: 一、项目名称: 循化县…森林抚育项目 twice) is one project: the second's sections
    are the first's, its repeated ones kept as written. Said to staff."""
    merged: list[o.ProjectBlock] = []
    for block in outline.projects:
        name = block.section(o.NAME)
        previous = merged[-1].section(o.NAME) if merged else None
        if (
            name is not None
            and previous is not None
            and squash(name.text)
            and squash(name.text) == squash(previous.text)
            and block.marker is None
            # (and never says another unit or sum: two works of one name are two projects)
            and _says_the_same(merged[-1], block)
        ):
            merged[-1].sections.extend(block.sections)
            findings.append(
                Finding(
                    "warning",
                    f"文中两次列出项目“{name.text[:40]}”（如附件各列一次），已合并为一个项目，"
                    "请核对。",
                    name.heading.number if name.heading else None,
                    len(merged),
                    field="projects",
                )
            )
            continue
        merged.append(block)
    for sequence, block in enumerate(merged, 1):
        block.sequence = sequence
    outline.projects[:] = merged


# A line stating the sum of several projects: 以上两个项目合计…, 上述项目…, 3个项目共….
_OF_THEM_ALL = re.compile(r"以上|上述|[0-9一二三四五六七八九十两]+\s*个项目")


def _parse(text: str, *, department: str | None, year: int | None) -> ImportResult:
    findings: list[Finding] = []
    text = unflatten(text)  # flattened tables' bare cell bars, line for line
    outline = o.parse_outline(text)
    _same_project_once(outline, findings)
    # A list of many projects, when the outline found no project of its own: none, or one
    # made of loose sections without a name or unit (a notice above a table). A project text
    # with a breakdown table keeps its project.
    # A project the text marks as one (项目1.) is never a list's notice.
    lone = (
        outline.projects[0]
        if len(outline.projects) == 1
        and not (
            outline.projects[0].marker
            and o.project_marker(outline.projects[0].marker.text) is not None
        )
        else None
    )
    listed = (
        read_listing(text)
        if not outline.projects
        or (lone is not None and header_cell(lone.section(o.NAME)))
        # (a project of goals alone, 绩效目标:… under numbered items, names none of its own)
        or (lone is not None and _goals_alone(lone))
        else []
    )
    if lone is not None and _parts_of_its_content(lone, listed):
        listed = []  # a text of one project listing what it builds (四、建设内容 1.… 2.…)
    notice = None
    # (a whole the list's items are the parts of is read: 慰问经费共计32.4万元,具体如下:1、…)
    if (
        not outline.projects
        and len(listed) < 2
        and not (listed and (listed[0].from_table or listed[0].parts))
    ):
        # One row of a table that names its columns is one project; else a notice's title.
        heading = split_title(outline.title_lines)[0]
        notice = (
            notice_project(text, heading)
            or fund_notice(text, heading)
            or tabled_fund(text)
            or whole_text_project(text, heading, findings)
        )
        if notice is not None:
            allocated(notice, text)
        listed = [notice] if notice is not None else []
    if not outline.projects and not listed:
        raise TextImportError(
            "文本中没有找到任何项目（没有“项目名称”等标题、“项目1.”等标记，"
            "也没有列出项目及其金额的表格或编号列表）。"
        )
    # 单位：万元, 附件1 and the like above the title are not part of it (kept, below).
    above = outline.title_lines
    if len(listed) >= 2 or (listed and listed[0].from_table):
        # A list's title is above its first item, never an item itself.
        first_item = min(item.line for item in listed)
        above = [line for line in above if line.number < first_item]
    title_lines, title_overflow = split_title(above)
    head_overflow = list(title_overflow)  # the page's record above the text (文 号: …)
    own = own_number(title_lines, head_overflow)  # (the text's own 文号, never its basis)
    title = "".join(line.text.strip() for line in title_lines)
    match = YEAR.search(halfwidth(title))  # ２０２４年 too; same positions
    # The year given, else the budget year the title names, else a labelled one (预算年度：
    # 2024年, …表(2023年度)), else as a flagged guess a cited document's year (根据《关于下达
    # 2017年度…》) or a date's (2023年9月开工) in the title: often the budget's, not always.
    budget_year = title_year(title)
    form_year = labelled_year(text)
    fiscal_year = year or (int(budget_year.group("year")) if budget_year else None) or form_year
    first_line = title_lines[0].number if title_lines else None
    if not year and budget_year and form_year and form_year != fiscal_year:
        # A fund the title names by its year (隆阳区2021年中央…补助资金绩效自评) spent in the
        # year its form states (2022年度项目支出绩效自评表): staff choose.
        findings.append(
            Finding(
                "warning",
                f"预算年度取自标题中的“{budget_year.group()}”，而表中写明“{form_year}年度”，"
                "两者不同，请核对。",
                first_line,
                field="fiscal_year",
            )
        )
    if not year and budget_year and not form_year and len(title_lines) > _TITLE_LINES:
        # A "title" of many short lines (a page's menu of projects above its form: 林长制工作
        # 经费 / 挂点帮扶项目 / 2026年营造林技术咨询服务 / …) may name any year: a guess.
        line = next((n.number for n in title_lines if budget_year.group() in n.text), first_line)
        said = f"标题处的“{budget_year.group()}”（标题由{len(title_lines)}行拼成，可能不是标题）"
        findings.append(_year_guessed(said, line))
    if not year and budget_year and a_sentence(title):
        # No title: the text opens with a sentence (…2013年长沙市共计投入3340万元…), whose
        # first year may be an earlier one's.
        said = f"文首一句中的“{budget_year.group()}”（文本没有标题）"
        findings.append(_year_guessed(said, first_line))
    if fiscal_year is None and match:
        fiscal_year = int(match.group("year"))
        said = f"“{match.group()}”：它是所引文件、日期或年份区间中的年份"
        findings.append(_year_guessed(said, first_line))
    # Who the text says it is from, each way it may say so, read once.
    # (joint issuers a line each above 关于…, before the title's words they run into)
    above = issuer_above(title_lines)
    titled = organisation(department_in(title, match))
    signed = signing_department(text)
    labelled = labelled_department(text)
    published = publishing_department(text)
    name = department or above or titled or signed or labelled or published
    signed = signed if name and not department else ""
    if signed != name and signed.endswith(name) and "、" not in signed:
        name = signed  # (县行政审批局 at the head, 灌南县行政审批局 signing: the fuller name)
    if (
        name
        and not department
        and "关于" not in title
        and not above
        and name == titled
        and not any(_same_unit(other or "", name) for other in (signed, labelled, published))
    ):
        # A report's title opening with a unit (某局2023年度…项目绩效自评报告) says whose report
        # it is, not always whose budget: nothing else in the text confirms it.
        findings.append(
            Finding(
                "warning",
                f"预算单位取自标题开头的“{name}”，文中没有落款、“预算单位”标注或发布机构"
                "可以印证，请核对。",
                first_line,
                field="department",
            )
        )
    elif (
        name
        and not department
        and re.search(r"(?:批复|复函)\s*$", title)
        and name in (above, titled, signed)
        and not _same_unit(labelled or "", name)
    ):
        # A reply's issuer approves another's project (…发展和改革局关于…项目建议书的批复,
        # to the 乡人民政府 that asked): its budget may be the asker's.
        findings.append(
            Finding(
                "warning",
                f"预算单位取自批复的发文单位“{name}”：批复由审批机关发出，项目的预算单位可能是"
                "报请批复的单位，请核对。",
                first_line,
                field="department",
            )
        )
    if name and not department:
        short_department(name, findings)
        if name.endswith("领导小组"):
            # A leading group issues the text; its budget is a department's (its office sits
            # in one): staff choose.
            findings.append(
                Finding(
                    "warning",
                    f"预算单位取“{name}”：领导小组发文，但项目的预算单位通常是其办公室所在的"
                    "部门，请核对。",
                    field="department",
                )
            )
        if published and not _same_unit(published, name):
            # The issuer the title or signature names and the publisher the page names are
            # not the same unit (华池县脱贫攻坚领导小组办公室, 发布机构: 县扶贫办): staff choose.
            findings.append(
                Finding(
                    "warning",
                    f"预算单位取“{name}”，而页面所注发布机构为“{published}”，两者不同，请核对。",
                    field="department",
                )
            )
    if len(listed) >= 2 or (listed and (not outline.projects or listed[0].from_table)):
        # An annual list of projects (a table, or numbered items with their money): the
        # rows are the projects; the text around them is kept with the first (below).
        anchors = [
            {"project": item.line, "name": item.line, "implementing_unit": item.line}
            | ({"declared_total": item.amount_line or item.line} if item.amount is not None else {})
            for item in listed
        ]
        projects = [
            listed_node(sequence, item, findings) for sequence, item in enumerate(listed, 1)
        ]
        rows = text.split("\n")
        for node, item, anchor in zip(projects, listed, anchors, strict=True):
            if item.inferred and item.amount_line:
                # (its whole's parts in brackets after it: 总投资为26565.79万元(其中莫旗…、…))
                bracketed_parts(node, rows[item.amount_line - 1], anchor, item.amount_line)
        if notice is not None and not notice.parts:
            # From the first line: a title states no count and rate, and a text without a
            # title opens with its prose.
            found = notice_lines(
                projects[0], text, find_amounts(text), findings, after=0, carry=True
            )
            anchors[0]["lines"], anchors[0]["sub"] = found["lines"], found["sub"]
        taken = {number for item in listed for number in item.lines}
        rows_left_unread(text, listed, findings)
        grouped = [(sequence, item) for sequence, item in enumerate(listed, 1) if item.grouping]
        if grouped:
            # How a list in groups splits into projects is a guess: staff are told.
            findings.append(
                Finding(
                    "warning",
                    "列表分为几组，已按"
                    + "、".join(
                        f"项目{sequence}为{item.grouping}" for sequence, item in grouped[:3]
                    )
                    + ("等" if len(grouped) > 3 else "")
                    + "导入；如分组的标题本身是项目（或各组本身是项目），请按原文调整。",
                    grouped[0][1].line,
                    field="groups",
                )
            )
        for sequence, item in enumerate(listed, 1):
            # Read from what the table holds rather than what it labels: each flagged.
            if item.unit_from_total:
                findings.append(
                    Finding(
                        "warning",
                        f"项目{sequence}的金额表中未写单位，按文中写明的各项合计推定，请核对。",
                        item.line,
                        sequence,
                        field="declared_total",
                    )
                )
            if item.name_column:
                said = (
                    f"项目{sequence}的名称由“{item.name_column}”栏与“{item.name_joined}”栏合成"
                    if item.name_joined
                    else f"表中没有“项目名称”栏，项目{sequence}的名称取自“{item.name_column}”栏"
                )
                findings.append(
                    Finding(
                        "warning",
                        f"{said}，请核对。",
                        item.line,
                        sequence,
                        field="name",
                    )
                )
        # A list's basis is stated around it, above or below (严格执行《…管理办法》), never
        # in its items' own lines (those are each item's own, below).
        outside = "\n".join(
            line for number, line in enumerate(text.split("\n"), 1) if number not in taken
        )
        shared = notice_citations(outside, outside.count("\n") + 2, own)
        rows = text.split("\n")
        for node, item in zip(projects, listed, strict=True):
            node["citations"] = [dict(citation) for citation in shared]
            own_text = "\n".join(rows[number - 1] for number in item.lines)
            node["citations"] += citations_in(basis_in(own_text), own, node["citations"])
        for number, line in enumerate(text.split("\n"), 1):
            if number not in taken and line.strip():
                append_text(projects[0], "outcomes", line.strip())
                findings.append(Finding("info", _OUTSIDE_LIST, number, 1, kind="outside_list"))
        title_overflow = []
    else:
        anchors = [{} for _ in outline.projects]
        projects = [
            build_project(block, name or "", findings, anchor)
            for block, anchor in zip(outline.projects, anchors, strict=True)
        ]
        if len(projects) > 1:
            # Several projects without a 立项依据 section: each cites what the text above them
            # acts under (…的请示(沪崇农发〔2025〕78号)收悉), then what its own lines act under
            # or name its money by (投资资金:300万元(绥财农【2022】9号…)).
            first_line = min(
                (line.number for block in outline.projects for line in block_lines(block)),
                default=1,
            )
            shared = notice_citations(text, first_line, own)
            for node, block in zip(projects, outline.projects, strict=True):
                if block.section(o.BASIS) is None and not node["citations"]:
                    lines = "\n".join(line.text for line in block_lines(block))
                    node["citations"] = [dict(citation) for citation in shared]
                    node["citations"] += citations_in(basis_in(lines), own, node["citations"])
        if len(projects) == 1 and outline.projects[0].section(o.BASIS) is None:
            # A text of one project without a 立项依据 section (a 批复, a 公示): the documents
            # its sentences cite or name by number are its basis, as for a notice.
            projects[0]["citations"] = notice_citations(text, text.count("\n") + 2, own)
            if projects[0]["citations"]:
                findings.append(
                    Finding(
                        "info",
                        "文本没有“立项依据”部分，已按正文中引用的文件列出立项依据，请核对。",
                        project=1,
                        field="citations",
                    )
                )
        rows = text.split("\n")
        for node, block, anchor in zip(projects, outline.projects, anchors, strict=True):
            if node["declared_total_yuan"] is None:
                # A form's money cell: the text's, or where it holds several forms (one a
                # project), the project's own lines' (the others blanked, numbering kept).
                block_rows = {line.number for line in block_lines(block)}
                form = (
                    text
                    if len(projects) == 1
                    else "\n".join(
                        row if number in block_rows else "" for number, row in enumerate(rows, 1)
                    )
                )
                total_from_form(form, node, anchor, findings)
                if node["declared_total_yuan"] is None:
                    # (or what its own prose says is its whole: 第一项:…工程。/ …该项目总投资
                    # 约260万元; never the sum of them all a line of its lines states, 以上两个
                    # 项目合计投入资金80万元)
                    own = (
                        form
                        if len(projects) == 1
                        else "\n".join(
                            "" if _OF_THEM_ALL.search(row) else row for row in form.split("\n")
                        )
                    )
                    total_from_prose(own, node, anchor, findings)
        after = max((line.number for line in title_lines), default=0)
        stated = find_amounts(text)  # a calculation's line takes one of these only for its value
        for node, block, anchor in zip(projects, outline.projects, anchors, strict=True):
            subs = node["sub_items"]
            if len(subs) == 1 and subs[0]["lines"]:
                sums_as_sub_items(node, anchor, findings)
            if len(subs) > 1 or (subs and subs[0]["lines"]):
                continue
            created = not subs
            if created:
                # No content section: a sub-item holding it all, for the lines found below
                # (removed again when there are none).
                subs.append(sub_item_node(1, node["name"]))
            # A project whose one sub-item has no lines of its own: the calculations its prose
            # states (资金数额:…改建公厕30座,每座补助8万元,合计240万元) are its, anywhere in a
            # text of one project, in its own lines where there are several.
            own_lines = None
            if len(projects) > 1:
                own_lines = {line.number for line in block_lines(block)}
            # What people gain (八、实施成效, 绩效目标: 每户增收2000元) is no spending, and a
            # basis or an overview states no parts; nor does a name or a unit, though the lines
            # a form runs on with under it may (项目名称 X / 项目概况本项目…单价37元/株).
            skip = {
                line.number
                for line in block_lines(block, (o.PERFORMANCE, o.OUTCOMES, o.BASIS, o.OVERVIEW))
            } | {
                line.number
                for section in block.sections
                if section.kind in (o.NAME, o.UNIT)
                for line in ([section.heading] if section.heading else []) + section.lines[:1]
            }
            found = notice_lines(
                node, text, stated, findings, after=after, only=own_lines, skip=skip
            )
            anchor.setdefault("lines", {}).update(found["lines"])
            anchor.setdefault("sub", {}).update(found["sub"])
            if created and not subs[0]["lines"]:
                subs.clear()
        unnamed = [f for f in findings if f.field == "name" and f.project == 1]
        named, source = None, ""
        if len(projects) == 1 and unnamed:
            # The text's sections name no project; its title does (关于…项目立项的批复), or
            # the request a 批复 answers (你局《关于申请批复…项目建议书的请示》收悉).
            # Or a form in it does (a 绩效目标表 after its numbered parts).
            named, source = form_project_name(text), "文中表格的“项目名称”栏"
            if named is None:
                named, source = title_project_name(title_lines), "标题"
            if named is None:
                named, source = replied_project_name(text), "所批复的请示"
            if named is None:
                named, source = said_project_name(text), "正文开头"
            if named is None:
                named, source = planned_name(title_lines), "标题"
            if named is None:
                # (or the one fund its title names: 关于转下达中央财政2022年…补助资金的通知,
                # its total the sum written after its name: 现将…补助资金(第二批)6,684.4万元;
                # or, without a title, that its first sentences give: 现将2022年生猪调出大县
                # 奖励资金397万元下达你单位)
                named, source = title_fund_name(title_lines), "标题"
                if named is None and not title_lines:
                    named, source = said_fund_name(text), "正文开头"
                after_title = max((line.number for line in title_lines), default=0)
                body = "\n".join(text.split("\n")[after_title:])
                given = sum_after_name(named[0], text, body) if named else None
                if given is not None and projects[0]["declared_total_yuan"] is None:
                    amount, line = given
                    # (the finding that no total was found is said no longer)
                    findings[:] = [
                        f for f in findings if not (f.field == "declared_total" and f.project == 1)
                    ]
                    said = f"项目金额取自文中的“{amount.text}”，请核对是否为本项目的总额。"
                    take_total(
                        projects[0],
                        amount,
                        findings,
                        said,
                        line,
                        text=amount.text,
                        anchor=anchors[0],
                    )
        if named is not None:
            placeholder = projects[0]["name"]
            projects[0]["name"], anchors[0]["name"] = named
            for sub in projects[0]["sub_items"]:
                if sub["name"] == placeholder:
                    sub["name"] = named[0][:200]  # the one sub-item holding it all
            findings.remove(unnamed[0])
            findings.append(
                Finding("warning", f"项目名称取自{source}，请核对。", named[1], 1, field="name")
            )
    if not name:
        name = projects[0]["implementing_unit"]
        findings.append(
            Finding(
                "warning",
                "预算单位未能识别：标题和文首都没有写明单位"
                + (f"，暂按项目实施单位取“{name}”，请核对。" if name else "，请选择单位。"),
                field="department",
            )
        )
    if len(projects) == 1 and not projects[0]["implementing_unit"]:
        # A text of one project may name its unit in a sentence (项目法人单位为…), flagged.
        said = unit_said_in_prose(
            [o.Line(n, t) for n, t in enumerate(text.split("\n"), 1)], 1, findings
        )
        if said is not None:
            projects[0]["implementing_unit"], anchors[0]["implementing_unit"] = said
    if len(projects) > 1:
        # …以上项目由凤屯镇人民政府组织实施: the unit of every project listed without one.
        said = all_carried_out_by(text)
        unplaced = [
            (node, anchor)
            for node, anchor in zip(projects, anchors, strict=True)
            if said is not None and not node["implementing_unit"]
        ]
        for node, anchor in unplaced:
            node["implementing_unit"], anchor["implementing_unit"] = said[0], said[1]
            findings.append(
                Finding(
                    "warning",
                    f"项目{node['sequence']}的实施单位取自正文中的“{said[2]}”，请核对。",
                    said[1],
                    node["sequence"],
                    field="implementing_unit",
                )
            )
    # Values a page masked in part (****公司, ****基地扩建项目): what they hide is unknown.
    masked = [("department", None, "预算单位", name)] + [
        (key, node["sequence"], f"项目{node['sequence']}的{said}", node[key])
        for node in projects
        for key, said in (("name", "名称"), ("implementing_unit", "实施单位"))
    ]
    for key, project, said, value in masked:
        if re.search(r"[*＊]{2}", value or ""):
            findings.append(
                Finding(
                    "warning",
                    f"{said}“{value}”在原文中被部分隐去（*号），请按实际情况填写。",
                    project=project,
                    field=key,
                )
            )
    for node in projects:
        if not node["implementing_unit"]:
            node["implementing_unit"] = name
            if not any(
                f.field == "implementing_unit" and f.project == node["sequence"] for f in findings
            ):
                findings.append(
                    Finding(
                        "warning",
                        f"项目{node['sequence']}的实施单位未能识别（原文未写明），"
                        + (f"暂填预算单位“{name}”，请核对。" if name else "请填写。"),
                        project=node["sequence"],
                        field="implementing_unit",
                    )
                )
    if fiscal_year is None:
        # The projects' names state their year (昌宁县田园镇2025年中央财政以工代赈项目): taken
        # when every name that states one states the same.
        stated = {int(m.group("year")) for p in projects if (m := YEAR.search(p["name"]))}
        fiscal_year = stated.pop() if len(stated) == 1 else None
        if fiscal_year is not None:
            said = f"项目名称中的“{fiscal_year}年”，文中没有写明预算年度"
            findings.append(_year_guessed(said, None))
    if fiscal_year is None:
        # The year of the money the text gives (现下达你区中央财政2022年林业…资金251万元): not
        # a cited document's (《…2022年…》, blanked), the first such, flagged.
        given = _YEAR_GIVEN.search(blank_titles(text))
        if given is not None:
            fiscal_year = int(given["year"] or given["year_after"] or given["year_lead"])
            said = f"正文中下达资金的年份“{fiscal_year}年”，文中没有写明预算年度"
            findings.append(_year_guessed(said, text.count("\n", 0, given.start()) + 1))
    if fiscal_year is None:
        # The one year a labelled period of the works lies in (六、建设年限:2024年4月—2024年
        # 10月): the project's year, flagged.
        period = _PERIOD_OF_ONE_YEAR.search(halfwidth(text))
        # (without its end's year, a period ends in its start's year where its months run on:
        # 2023年11月—3月 runs into the next)
        if period is not None and (
            period["end"] == period["year"]
            or (period["end"] is None and int(period["to"]) >= int(period["from"]))
        ):
            fiscal_year = int(period["year"])
            said = f"项目的实施期限“{period.group('period').strip()}”，文中没有写明预算年度"
            findings.append(_year_guessed(said, text.count("\n", 0, period.start()) + 1))
    if fiscal_year is None:
        # The one year the text speaks of, at least twice, outside dates and titles it cites
        # (2018年,我区…择优确定…为2018年…项目区; 发布时间: 2018-04-10 is no year of the works).
        years = [int(m["year"]) for m in _YEAR_SAID.finditer(blank_titles(halfwidth(text)))]
        if len(years) >= 2 and len(set(years)) == 1:
            fiscal_year = years[0]
            said = f"文中唯一提到的年份“{fiscal_year}年”，文中没有写明预算年度"
            findings.append(_year_guessed(said, None))
    if fiscal_year is None and not years:
        # A text that names no year but speaks of this one's money (今年抚顺市计划投资3.5亿元),
        # dated when it was published (发表日期:2013-4-26): that year, flagged.
        this_year = _THIS_YEARS_MONEY.search(halfwidth(text))
        published = publication_date(text)
        if this_year is not None and published is not None:
            fiscal_year = int(published[0][:4])
            said = f"文中的“今年”，按发布日期“{published[0]}”，文中没有写明预算年度"
            findings.append(_year_guessed(said, text.count("\n", 0, this_year.start()) + 1))
    if fiscal_year is None:
        findings.append(
            Finding(
                "warning",
                "预算年度未能识别：标题和项目名称中没有年份，文中也没有“预算年度”等标注，"
                "请选择年度。",
                field="fiscal_year",
            )
        )
    # (a text whose first line is its opening sentence has no title: 8月17日,记者从…获悉,…;
    # that line is kept as text, below)
    titled = bool(title) and not (
        a_sentence(title)
        # (根据《…》有关规定,现将…公示如下: opens the body)
        or (re.match(r"根据|按照|依据|为了", title) and re.search(r"[，,]", title))
        or title.endswith((":", "："))
    )
    if not titled:
        title = default_title(name, fiscal_year)
        findings.append(Finding("info", f"文本没有标题，按单位和年度取“{title}”。"))
    for line in title_overflow:
        append_text(projects[0], "outcomes", line.text.strip())
        findings.append(
            Finding(
                "info",
                "标题处的这行文字已按原文保留在项目1的实施成效中。",
                line.number,
                kind="title_overflow",
            )
        )
    projects_unread(text, len(projects), findings, sum(len(node["sub_items"]) for node in projects))
    whole_of_the_count(text, projects, findings)
    for node in projects:
        _total_as_its_one_lines_amount(node)
    if len(projects) == 1:
        _sums_left_over(text, projects[0], findings)
    published = publication_date(text)
    tree = {
        "schema": SCHEMA,
        "department": {
            "name": name[:100],
            "short_name": short_name(name)[:50],
            "slug": slug(name),
            "region": region(name),
        },
        "disclosure": {"fiscal_year": fiscal_year, "title": without_leading_number(title)[:200]}
        | ({"source_published_on": published[0]} if published else {}),
        "projects": projects,
    }
    # Nothing lost: a line no field took (a sentence the rules split wrongly, a cell a rule
    # dropped) is kept as written with the first project, and staff are told.
    rows = text.split("\n")
    for number in uncovered_lines(text, tree):
        append_text(projects[0], "outcomes", rows[number - 1].strip())
        findings.append(Finding("warning", UNPLACED, number, 1, kind="unplaced"))
    for node, anchor in zip(projects, anchors, strict=True):
        for finding in check_project(project_data(node, fiscal_year or 0)):
            findings.append(
                Finding(
                    str(finding.severity),
                    f"{finding.location.label}：{finding.message}",
                    line=_finding_line(finding.location, anchor),
                    project=node["sequence"],
                    origin="check",
                )
            )
    result = ImportResult(tree=tree, findings=findings)
    result.sources = [
        {key: anchor.get(key) for key in ("name", "implementing_unit", "declared_total")}
        | detail_sources(text, node, anchor)
        for node, anchor in zip(projects, anchors, strict=True)
    ]
    title_line = title_lines[0].number if title_lines and titled else None
    result.document_sources = {
        "title": title_line,
        # (joint issuers: where the first is written)
        "department": line_of(text, name.split("、")[0]) if name and not department else None,
        "fiscal_year": line_of(text, str(fiscal_year)) if fiscal_year and not year else None,
        "source_published_on": published[1] if published else None,
    }
    # A line a value was read from (the title, the signer, a 合计) is placed, though kept
    # with the list's project as written too: staff are not asked to place it.
    used = {
        line
        for where in result.sources
        for key in ("name", "declared_total")
        if isinstance(line := where.get(key), int)
    } | {line.number for line in title_lines}
    findings[:] = [f for f in findings if not (f.kind == "outside_list" and f.line in used)]
    for number in uncovered_lines(text, tree):
        findings.append(Finding("error", "此行未能保留在导入结果中。", number))
    return result
