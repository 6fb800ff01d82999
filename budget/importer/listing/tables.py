"""Tables of projects: a header that names the columns (序号 | 项目名称 | … | 投资规模（万元）),
rows between ``|`` or one cell a line, checked against the row's 序号; and tables set out
with spaces.

Pure Python, no Django.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace
from decimal import Decimal, InvalidOperation

from ...amounts import (
    UNIT_MULTIPLIERS,
    AmountError,
    ParsedAmount,
    find_amounts,
    parse_amount_exact,
)
from ...normalize import halfwidth, squash
from ..lines import PAID_OR_LEFT
from ..tables import NUMBER_HEADING, ORGANISATION_END, TOTAL_OF, TOTAL_ROW, single_value
from .listed import ListedProject

_PROJECT_NAME_COLUMN = re.compile(r"^(?:项目名称|建设项目|项目名称及内容|项目)$")
# (…名称 of what the table lists, 城市阅读空间名称; not of who gets the money, 单位名称: a guess
# flagged to staff, the name column named so)
_NAME_COLUMN = re.compile(
    r"^(?:项目名称|建设项目|项目名称及内容|项目"
    r"|(?![\u4e00-\u9fff]*(?:单位|村|乡|镇|街道|企业|公司|主体|对象|部门|指标|科目|资金))"
    r"[\u4e00-\u9fff]{2,8}名称|名称)$"
)


# Who or where a table of one fund's money gives it to (单位, 乡镇, 县(市、区), 示范村名称).
_RECIPIENT_COLUMN = re.compile(
    r"^(?:(?:实施|项目|补助|承担)?单位(?:名称)?|乡镇(?:名称)?|镇街|镇\(街道\)|乡镇\(街道\)|乡\(镇\)|"
    r"县区|区县|县\(区\)|县\(市、区\)|县\(市、区、场\)|县市区(?:/?单位)?|县\(市区\)|市县|县\(市\)|"
    r"地区|市州|(?:示范|行政)?村(?:名称|名)?|村庄名称)$"
)


# What a row is for, which names it in a table without a name column (补助内容: 单季油菜29.4亩).
_CONTENT_COLUMN = re.compile(
    # (and what it is planned to cost: 实施内容及计划投资额)
    r"^(?:项目)?(?:主要)?(?:建设|补助|实施|扶持)内容(?:及(?:规模|计划投资额))?$"
    r"|^项目(?:类型|类别|内容)$"
)


_AMOUNT_COLUMN = re.compile(
    r"(?:资金|投资|金额|总额|预算|补助|经费|债券规模)(?!来源|性质|类别|标准|用途|科目|文号|对象|项目|内容)"
    # (money given, by when: 已预下达 | 本次下达 | 合计下达)
    r"|^.{0,4}下达(?:数|额)?(?:[(（](?:万元|元)[)）])?$"
)


# A money column of what was approved, beside what was asked for: 核定奖励金额, 审定金额.
_APPROVED = re.compile(
    r"^(?:核定|审定|核准|批复)(?![^(（]*(?:人数|面积|亩|个数|数量|户数))[^(（]*(?:金额|资金|投资|经费)"
)


# The money column that totals those given before and now: 合计下达, 总计安排(万元).
_TOTAL_OF_GIVEN = re.compile(r"^(?:合计|总计)(?P<verb>下达|安排|拨付|分配)(?:[(（].*)?$")


# A money column of the whole (补助总金额, 总投资, 资金总额), beside parts of it given or spent.
_WHOLE_COLUMN = re.compile(r"总(?:金额|投资|额|资金|预算)|(?:资金|投资|金额)总(?:额|计)")


_NOT_AMOUNT = re.compile(r"标准|用途|科目|文号|对象|来源|性质|类别|方式")


_UNIT_COLUMN = re.compile(
    r"^(?:项目)?(?:实施|责任|建设|承担|申报)?(?:单位|主体)(?:名称)?$|^项目单位$"
    r"|^(?:项目)?业主(?:单位)?$|^(?:公司|企业)名称$"
)


_ROW_NUMBER = re.compile(r"^[0-9]{1,4}[.、．]?$")


_NUMERIC_CELL = re.compile(r"^[0-9０-９][0-9０-９,，.．]*(?:[(（].*)?$")


# The headings of a table's columns that never name a project, a unit or a sum (序号, 乡镇,
# 建设内容, 资金来源, 备注 …): a cell holding one is no value of a form's field either.
COLUMN_WORDS = (
    r"(?:项目)?序号|编号|(?:建设|主要)任务|责任人|(?:分配|安排|下达|补助|申请|计划)金额|省份|地市|市州|地区|项目内容|(?:所在|所属)?(?:县区|镇街|乡镇)|县\(市、区\)|.{0,4}年度|村名|建设地点|实施地点|"
    r"建设规模|.{0,4}类别|.{0,4}类型|.{0,6}科目(?:代码|编码)?|(?:所属)?行业|(?:建设)?起止年限|.{0,8}进度安排|"
    r"(?:项目)?(?:主要)?(?:建设|实施|补助|扶持)内容(?:及规模)?|.{0,4}性质|.{0,4}(?:分数|等级|得分)|"
    r".{0,4}部门|.{0,4}(?:评价)?(?:结果|等次)|小计|"
    r"(?:资金)?来源|资金性质|备注|.{0,4}标准及(?:方式|依据)|.{0,2}(?:分配|使用|安排|发放)(?:情况|方式)|.{0,4}绩效目标|(?:建设|实施)(?:期限|年限|时间)|时限|(?:项目)?业主(?:单位)?|项目类别|项目类型|受益对象|.{0,6}机制|"
    r"面积|数量|规模|.{0,6}(?:户数|人数|个数)|单价|示范村名称|村庄名称|完成情况|进展情况|完成进度|"
    r".{0,8}(?:举办地|持续时间|举办时间)|(?:计划)?(?:开工|完工|竣工)(?:时间|日期)|"
    r".{0,6}[(（](?:万元|元)[)）]"
)


# Any heading of a list's columns: those, and the ones naming projects, units and sums.
HEADER_WORDS = re.compile(
    # (a year may open it: 2024年建设内容)
    rf"^(?:其中[:：]?)?(?:[0-9]{{4}}年)?(?:{COLUMN_WORDS}|项目名称|建设项目|项目|.*债券.*|.*标准|.*名称|"
    r".*(?:资金|投资|金额|总额|预算|补助|公益金).*|.*单位|实施主体|县市区|(?:中央|省|市|县|区)级|.{0,8}(?:面积|规模|数量|节水)"
    r"|.{0,4}下达(?:数|额)?)"
    # its unit in brackets: 建设规模(万亩), 面积（亩）
    r"(?:\s*[(（][^()（）]{1,8}[)）])?$"
)


_END_ROW = re.compile(rf"^(?:{TOTAL_OF}(?:合计|总计)|附件|附表)")


_TABLE_UNIT = re.compile(r"^\s*(?:金额|计量|投资)?单位\s*[:：]\s*(?P<unit>亿元|万元|元)\s*$")
# The unit at the end of the table's title line (…分配情况表 单位:万元 | |||||).
_TITLE_UNIT = re.compile(
    r"表\s*[(（]?\s*(?:金额|计量|投资)?单位\s*[:：]\s*(?P<unit>亿元|万元|元)\s*[)）]?[\s|｜]*$"
)


def split_cells(text: str) -> list[str]:
    cells = [cell.strip() for cell in text.split("|")]
    # (a row set out between bars at both ends, | 1 | 文峰区 | … |: the bar before its first
    # cell opens no empty one)
    if (
        len(cells) > 2
        and not cells[0]
        and cells[1]
        and text.lstrip().startswith("| ")
        and text.rstrip().endswith("|")
    ):
        return cells[1:]
    return cells


def _is_header(cells: list[str], recipients: bool = False) -> bool:
    squashed = [squash(c) for c in cells if c.strip()]
    naming = _RECIPIENT_COLUMN if recipients else _NAME_COLUMN
    # (a fund's money by recipient may be two columns: 乡镇, 金额)
    return (
        len(squashed) >= (2 if recipients else 3)
        and any(naming.match(c) or _CONTENT_COLUMN.match(c) for c in squashed)
        and any(_AMOUNT_COLUMN.search(c) for c in squashed)
        and sum(bool(HEADER_WORDS.match(c) or naming.match(c)) for c in squashed)
        >= len(squashed) - 1
    )


def cell_amount(cell: str, unit: str | None) -> ParsedAmount | None:
    """A row's amount: with its own unit (20万元), or a bare number in the table's unit
    (万元 or 元); a bare number in a table that states no unit is not read."""
    cell = cell.strip()
    if not cell:
        return None
    try:
        # A bare number, perhaps with a note in brackets (10(其中,灾情因素6万元)): the
        # number is the row's amount in the table's unit, never the note's sum.
        bare = re.fullmatch(r"([0-9０-９][0-9０-９,，.．]*)\s*(?:[(（].*)?", cell)
        if bare:
            return parse_amount_exact(bare.group(1) + unit) if unit else None
        found = find_amounts(cell)
        return found[0] if found else None
    except AmountError:
        return None


def _project(columns: dict[str, int], row: list[str], unit: str | None, lines: list[int]):
    def cell(kind: str) -> str:
        index = columns.get(kind)
        return row[index].strip() if index is not None and index < len(row) else ""

    # (a cell written as a sentence ends with its stop: 教学区、办公区厕所改造。)
    name = " ".join(cell("name").split()).rstrip("。．")
    if cell("works"):
        # (without the places of cells merged before it: 六安市 金安区 人民路小学北校)
        name = _MERGED_PLACES.sub("", name) + cell("works")
    named_by = next((k.removeprefix("named_by:") for k in columns if k.startswith("named_by:")), "")
    if named_by and cell("unit").endswith("项目"):
        # (a table without a name column whose unit cells name the projects: 实施单位 |
        # 金华市金东区松塘家禽养殖场项目, never its 实施内容 创建省级美丽牧场)
        name, named_by = (
            cell("unit"),
            next(k.removeprefix("unit:") for k in columns if k.startswith("unit:")),
        )
    if not name or TOTAL_ROW.match(name) or not re.search(r"[\u4e00-\u9fff]", name):
        return None
    raw = cell("amount")
    amount = cell_amount(raw, unit)
    levels = [row[index].strip() for kind, index in columns.items() if kind.startswith("level:")]
    if levels:
        parts = [cell_amount(level, unit) for level in levels]
        amount = None
        if all(part is not None for part in parts):
            raw = "+".join(levels)
            amount = replace(
                parts[0], value=sum(part.value for part in parts), text=raw + (unit or "")
            )
    project = ListedProject(
        name=name,
        name_column=named_by,
        name_joined="项目名称" if "works" in columns else "",
        from_table=True,
        # A person paid (*瑞明, a name masked for privacy) is no unit of government.
        unit=single_value(cell("unit"), "unit")[0]
        if cell("unit") and "*" not in cell("unit")
        else "",
        unit_column=next((k.removeprefix("unit:") for k in columns if k.startswith("unit:")), ""),
        amount=amount,
        line=lines[0],
        lines=lines,
    )
    if project.amount is None:
        project.amount_cell = raw
    project.content = [
        f"{header.removeprefix('other:')}：{row[index].strip()}"
        for header, index in columns.items()
        if header.startswith("other:") and index < len(row) and row[index].strip()
    ]
    if cell("unit") and not project.unit:
        project.content.append(f"单位：{cell('unit')}")  # a person paid: kept as written
    if re.search(r"[(（]", raw):
        project.content.append(f"金额：{raw}")  # the note beside the amount is kept
    if cell("number"):
        project.row_number = cell("number")
        project.content.insert(0, f"序号：{cell('number')}")  # every cell of the row is kept
    return project


# A second header row splitting the money: 小计 | 中央衔接资金 | 自治区衔接资金 | 备注.
_SUB_HEADER = re.compile(
    r"^\|?(?:小计|合计|(?:中央|省|市|县|区|自治区)级?(?:财政)?(?:衔接)?资金)\|"
)
_A_PLACE = r"[\u4e00-\u9fff]{1,6}(?:省|市|区|县|旗)"
_PLACE_CELL = re.compile(_A_PLACE)
_MERGED_PLACES = re.compile(rf"^(?:{_A_PLACE}\s+)+")
# A column of one level's money: 1.中央资金(万元), 省级资金, 县级配套.
_LEVEL_COLUMN = re.compile(
    r"^(?:[0-9]{1,2}[.、．])?(?:中央|省|市|县|区|市县|县区)级?(?:财政)?(?:资金|补助|配套|衔接资金)"
    r"(?:[(（](?:万元|元)[)）])?$"
)
_NAMED_WORKS = re.compile(r"^[^，,。；;]{4,}(?:项目|工程)$")


def _shifted(columns: dict[str, int], row: list[str]) -> bool:
    """Whether a one-cell-a-line row slid across its columns: its name cell names no project
    while a cell it has under another heading (村名, 项目类别) does (岳阳县公田镇…改造项目 under
    村名, 易地搬迁后扶 under 项目名称: the row lost its 村名 and its content wrapped)."""
    name = columns.get("name")
    if name is None or name >= len(row) or _NAMED_WORKS.match(squash(row[name])):
        return False
    # (a slide moves a cell by one: only the columns beside the name's are looked at, not a
    # 备注 of 省级以工代赈项目 further on)
    return any(
        _NAMED_WORKS.match(squash(row[index]))
        for kind, index in columns.items()
        if kind.startswith("other:")
        and abs(index - name) == 1
        and index < len(row)
        and not _CONTENT_COLUMN.match(kind.removeprefix("other:"))
    )


def _columns(header: list[str], recipients: bool = False) -> dict[str, int]:
    """Each column's role by its header; of several money columns the one naming 万元 or 元,
    else the first, is the amount (补助标准, 资金来源 and the like are not amounts)."""
    columns: dict[str, int] = {}
    money: list[tuple[int, str]] = []
    # A bare 名称 beside who gets the money (镇街 | 名称 | 金额) names what each recipient
    # builds, a part of one fund; without such a column it names the row (名称 | 来源 | 总额).
    bare_name = not any(_RECIPIENT_COLUMN.match(squash(c)) for c in header)
    for index, cell in enumerate(squash(c) for c in header):
        if not cell:
            continue
        if "name" not in columns and _NAME_COLUMN.match(cell) and (cell != "名称" or bare_name):
            columns["name"] = index
            if not _PROJECT_NAME_COLUMN.match(cell):
                # 城市阅读空间名称, 合作社名称: what it names may be no project; staff are told.
                columns[f"named_by:{cell}"] = index
        elif _AMOUNT_COLUMN.search(cell) and not _NOT_AMOUNT.search(cell):
            money.append((index, cell))
        elif "unit" not in columns and _UNIT_COLUMN.match(cell):
            columns["unit"] = index
            columns[f"unit:{cell}"] = index  # (its heading, said to staff where it is bare)
        elif "number" not in columns and NUMBER_HEADING.match(cell):
            columns["number"] = index
        else:
            columns[f"other:{cell}"] = index
    if money:
        stated = [item for item in money if "元" in item[1]]
        chosen = (stated or money)[0]
        # Several money columns and a 小计 after them (省级建设补助 | 省级运营补助 | … | 小计):
        # the 小计 is the row's money.
        totals = [
            (index, kind.removeprefix("other:"))
            for kind, index in columns.items()
            if kind.removeprefix("other:") in ("小计", "合计", "总计") and index > money[-1][0]
        ]
        # (or a money column named as their total: 已预下达 | 本次下达 | 合计下达, the others
        # given by the same verb; never 累计完成投资, what was spent so far)
        summed = [
            item
            for item in money
            if (total := _TOTAL_OF_GIVEN.match(item[1]))
            and all(
                re.sub(r"[(（].*$", "", cell).endswith(total["verb"])
                for index, cell in money
                if index != item[0]
            )
        ]
        if len(money) >= 2 and totals:
            columns.pop(f"other:{totals[0][1]}")
            money.append(totals[0])
            chosen = totals[0]
        elif len(money) >= 2 and len(summed) == 1:
            chosen = summed[0]
        elif (
            len(money) >= 2
            and len(
                whole := [
                    m for m in money if _WHOLE_COLUMN.search(m[1]) and not PAID_OR_LEFT.search(m[1])
                ]
            )
            == 1
        ):
            # (the whole beside what is given of it: 补助总金额 | 已下达金额(万元) | 本次下达)
            chosen = whole[0]
        elif len(money) >= 2 and len(approved := [m for m in money if _APPROVED.match(m[1])]) == 1:
            chosen = approved[0]  # (what was asked for gives way: 申报奖励金额 | 核定奖励金额)
        elif len(money) >= 2 and all(_LEVEL_COLUMN.match(cell) for _index, cell in money):
            # Only the levels' money and no total (1.中央资金(万元) | 2.省级资金(万元)): the
            # row's money is their sum.
            for index, _cell in money:
                columns[f"level:{index}"] = index
        columns["amount"] = chosen[0]
        for index, cell in money:
            if index != chosen[0]:
                columns[f"other:{cell}"] = index
    named_by = next((k for k in columns if k.startswith("named_by:")), None)
    works = next(
        (
            kind
            for kind in columns
            if kind.startswith("other:") and _PROJECT_NAME_COLUMN.match(kind.removeprefix("other:"))
        ),
        None,
    )
    if named_by and works and not recipients:
        # What a row's 学校名称 names and its 项目名称 (运动场等, 宿舍) name the project
        # together: 人民路小学北校运动场等.
        columns["works"] = columns.pop(works)
    if recipients:
        # The recipient names the row, whatever other column there is (项目名称 too); of
        # places from the largest to the smallest (县(区), 乡镇(街道)), the smallest.
        heads = [squash(c) for c in header]
        named = max(
            (i for i, cell in enumerate(heads) if _RECIPIENT_COLUMN.match(cell)), default=None
        )
        if named is not None:
            for kind in [kind for kind, index in columns.items() if index == named]:
                del columns[kind]
            if "name" in columns:
                demoted = f"other:{heads[columns['name']]}"
                columns[demoted] = columns.pop("name")
            columns["name"] = named
        return columns
    if "name" not in columns:
        content = [
            kind
            for kind in columns
            if kind.startswith("other:") and _CONTENT_COLUMN.match(kind.removeprefix("other:"))
        ]
        if content:
            # Said so once the rows are read (ListedProject.name_column).
            columns["name"] = columns.pop(content[0])
            columns[f"named_by:{content[0].removeprefix('other:')}"] = columns["name"]
    return columns


def _unit_in(heading: str) -> str:
    """The money unit a column's heading states (发行金额(亿元) is in 亿元, not 元); ""."""
    return next((unit for unit in ("亿元", "万元", "元") if unit in heading), "")


def _table_unit(header: list[str], columns: dict[str, int], before: list[str]) -> str | None:
    """亿元, 万元 or 元 as the amount column's header or a 单位 line above the table states;
    None when neither does."""
    index = columns.get("amount")
    if index is not None and index < len(header):
        heading = squash(header[index])
        if _unit_in(heading):
            return _unit_in(heading)
        # A 小计 in the unit every money column before it states (…补助(万元) | 小计); the
        # whole in the unit every other money column states (补助总金额 | 已下达金额(万元) |
        # 本次下达金额(万元)).
        whole = _WHOLE_COLUMN.search(heading)
        stated = {
            _unit_in(cell)
            for at, cell in enumerate(header if whole else header[:index])
            if at != index
            and _AMOUNT_COLUMN.search(squash(cell))
            and not _NOT_AMOUNT.search(squash(cell))
        }
        if (whole or heading in ("小计", "合计", "总计")) and len(stated) == 1 and "" not in stated:
            return stated.pop()
    for text in reversed(before[-8:]):
        match = (
            _TABLE_UNIT.match(halfwidth(text))
            or _TITLE_UNIT.search(halfwidth(text))
            or _UNIT_IN_BRACKETS.search(halfwidth(text))
        )
        if match:
            return match.group("unit")
    return None


# The unit at the end of the words above a table, in brackets: …年度计划表 单位(万元).
_UNIT_IN_BRACKETS = re.compile(r"单位\s*[(（]\s*(?P<unit>亿元|万元|元)\s*[)）]\s*$")


def _rows_by_bars(
    lines: list[str],
    start: int,
    width: int,
    has_number: bool,
    needed: int,
    money_last: bool = False,
):
    """Rows after a header at ``start``, cells in their columns (an empty cell keeps its
    place): a row may wrap over lines; a row that lost its 序号 in flattening gets an empty
    one. A row is complete at the header's width; the table ends at a line without cells,
    合计, 附件 or the next table's header. A row whose cells cannot be lined up with the
    columns is not read (its lines stay unplaced). The header said again (a page break) is
    stepped over."""
    row: list[str] = []
    taken: list[int] = []

    def finished():
        # A row without its trailing cells (an empty 备注 left out) is complete when it has
        # the columns that are read (``needed``).
        return needed <= len(row) <= width

    def merged_down():
        # A numbered row one cell short of its money, under a whole row: the group cell
        # after its 序号 was merged down from a row above (2 | 衡阳市 | 衡南县 | 6 |, then
        # 3 | 衡山县 | 26 |): its place is kept empty.
        return (
            has_number
            and bool(_ROW_NUMBER.match(row[0]))
            and width >= 4
            and len(row) == width - 1
            and whole_above
            and bool(_NUMERIC_CELL.match(row[-1]))
            and not _NUMERIC_CELL.match(row[1])
        )

    whole_above = False
    read = False  # a row was read
    above: list[str] = []  # the last row read whole
    header = [squash(cell) for cell in split_cells(lines[start]) if cell.strip()]
    for index in range(start + 1, len(lines)):
        text = lines[index]
        if not text.strip():
            continue
        cells = _filled(split_cells(text))  # (trailing empty cells are flattening debris)
        if not row and [squash(cell) for cell in cells if cell.strip()] == header:
            continue  # the header again, at the top of the table's next page
        first = next((cell for cell in cells if cell), "")
        if not read and not row and TOTAL_ROW.match(squash(first)) and "|" in text:
            continue  # the total set right under the header (合计 | 1241 | 1241), above the rows
        ends = "|" not in text or _END_ROW.match(squash(first)) or _is_header(cells)
        opens = has_number and bool(cells) and bool(_ROW_NUMBER.match(cells[0]))
        if row and (ends or opens):
            if finished():
                whole_above = whole_above or len(row) == width
                read = True
                yield row + [""] * (width - len(row)), taken
            elif merged_down():
                yield [row[0], "", *row[1:]], taken
            row, taken = [], []
        if ends:
            break
        if not row and not has_number and (merged := _merged_from_above(above, cells)):
            yield merged, [index + 1]
            whole_above = read = True
            above = merged
            continue
        if not row and has_number and not opens:
            row = [""]
        row += cells
        taken.append(index + 1)
        if len(row) >= width:
            if len(row) == width:
                whole_above = read = True
                above = row
                yield row, taken
            elif money_last and all(
                _NUMERIC_CELL.match(cell) for cell in row[width - 1 : width + 1]
            ):
                # Figures beyond the last heading, the money's, whose sub-columns the header's
                # second row names (资金规模(万元) over 小计 | 中央衔接资金 | … | 备注): the
                # first is the row's own.
                yield row[:width], taken
            row, taken = [], []
    if row and not finished() and merged_down():
        yield [row[0], "", *row[1:]], taken
    elif row and (finished() or (has_number and _ROW_NUMBER.match(row[0]) and len(row) >= 2)):
        # The text's last row, cut short by the text's end (a page stored in part): what it
        # holds is read, the cells it lost are left empty (and its amount flagged).
        yield row + [""] * (width - len(row)), taken


# A row heading a group of rows (产业发展类 | 50): no row of its own, nor is a total's (小计 | 30).
_GROUP_ROW = re.compile(r"类$")


def _merged_from_above(above: list[str], cells: list[str]) -> list[str]:
    """A row whose first cells were merged down from the row ``above`` (a fund's 科目, a
    project's name over the rows of its places), flattened with its cells moved left (丽岙街道
    | 20 | 0 | 10 | 50% | 五社村): the row, its lost cells taken from the row above; [] for
    any other line. So only where its figures stand where the row above has its figures when
    it is lined up from the right, and not when lined up from the left (a row with an empty
    备注 at its end, or the first line of a row wrapped over two)."""
    lost = len(above) - len(cells)
    if (
        not above
        or not cells
        or lost <= 0
        or _GROUP_ROW.search(squash(cells[0]))
        or TOTAL_ROW.match(squash(cells[0]))
    ):
        return []

    def figures(row: list[str]) -> list[bool]:
        return [bool(_NUMERIC_CELL.match(cell)) for cell in row]

    mine = figures(cells)
    if not any(mine) or mine != figures(above[lost:]) or mine == figures(above[: len(cells)]):
        return []
    return above[:lost] + cells


_NUMERIC_COLUMN = re.compile(r"面积|数量|规模|人数|户数|个数|亩|标准|单价|长度|里程|年度|期限")


def _rows_by_cells(
    lines: list[str], start: int, width: int, has_number: bool, other_numbers: bool = True
):
    """One cell per line after a header of ``width`` cells ending at ``start``: rows are
    counted off, each checked to open with the next 序号 and to be followed by the one after
    (so a row that lost a cell shifts nothing into the next). A 小计 with its sum between
    rows is stepped over. A row that a 小计 or 合计 cuts short (its empty cells left out) is
    read only when its cells leave no doubt: one text cell, the name, and its amount. Without
    a 序号 column nothing can be checked, and nothing is read."""
    if not has_number:
        return
    cells: list[tuple[int, str]] = [
        (i + 1, lines[i].strip()) for i in range(start + 1, len(lines)) if lines[i].strip()
    ]

    def text(at: int) -> str:
        return cells[at][1] if at < len(cells) else ""

    position, expected = 0, 1
    # A group's heading with its count and sum above the first row (储备项目:19项 | 384336.63).
    if text(0).rstrip(".、．") != "1" and text(2).rstrip(".、．") == "1":
        if re.search(r"[0-9]+\s*(?:项|个)$", text(0)) and _NUMERIC_CELL.match(text(1)):
            position = 2
    while position < len(cells):
        if TOTAL_ROW.match(squash(text(position))) and not _END_ROW.match(squash(text(position))):
            # 小计 and its sum (one or more number cells) between two groups of rows.
            position += 1
            while _NUMERIC_CELL.match(text(position)) and not (
                text(position).rstrip(".、．") == str(expected)
                and not _NUMERIC_CELL.match(text(position + 1))
            ):
                position += 1
            continue
        if text(position).rstrip(".、．") != str(expected):
            return
        end = position + 1
        while end < min(position + width, len(cells)) and not TOTAL_ROW.match(squash(text(end))):
            end += 1
        # Its last cells empty (备注): blank lines in the text before the next row's number.
        empty = _empty_last_cells(cells, position, end, width, expected)
        if empty:
            row_end = position + width - empty
            yield (
                [cell for _, cell in cells[position:row_end]] + [""] * empty,
                [number for number, _ in cells[position:row_end]],
            )
            position, expected = row_end, expected + 1
            continue
        chunk = cells[position:end]
        if len(chunk) < width:
            # Cut short by a total: 16 | 小额信贷贴息 | 12 | 合计 (or the text's end): read
            # only where no column but the amount holds numbers (面积, 数量 … would make the
            # last number any of them).
            words = [cell for _, cell in chunk[1:] if not _NUMERIC_CELL.match(cell)]
            if (
                other_numbers
                or len(chunk) < 3
                or len(words) != 1
                or not _NUMERIC_CELL.match(chunk[-1][1])
            ):
                return
            yield ("short", chunk[0][1], words[0], chunk[-1][1]), [n for n, _ in chunk]
            position, expected = end, expected + 1
            continue
        following = text(end)
        if following.rstrip(".、．") != str(expected + 1) and _ROW_NUMBER.match(following):
            return  # the next row does not follow: cells were lost
        if following.rstrip(".、．") != str(expected + 1) and any(
            text(at).rstrip(".、．") == str(expected + 1)
            and _name_like(text(at + 1))
            and not TOTAL_ROW.match(squash(text(at + 1)))  # 16 | 小计: the row's amount
            for at in range(position + 2, end)
        ):
            # The row does not end where the next begins, and the next row's number and name
            # are inside it: cells were lost (a row's 数量 2 before its unit, where the next
            # row does follow, is no sign).
            return
        if (
            following
            and not _ROW_NUMBER.match(following)
            and not TOTAL_ROW.match(squash(following))
        ):
            rest = None if other_numbers else _rest_of_group(cells, end, chunk[-1][1], expected + 1)
            if rest is not None:
                # The row's group cell merged down: the rows below it are a name and an
                # amount each, checked by the group's 小计 after them.
                yield [cell for _, cell in chunk], [number for number, _ in chunk]
                for name_at in rest[:-1]:
                    (n1, name), (n2, amount) = cells[name_at], cells[name_at + 1]
                    group = [cell for _, cell in chunk]  # its merged cells (上杭县) are theirs
                    yield ("short", str(expected), name, amount, group), [n1, n2]
                position, expected = rest[-1], expected + 1
                continue
            # The last row: taken when what follows ends the table (附件) or is running
            # text; a short cell there means cells were lost on the way.
            if _END_ROW.match(squash(following)) or len(following) > 12:
                yield [cell for _, cell in chunk], [number for number, _ in chunk]
            return
        yield [cell for _, cell in chunk], [number for number, _ in chunk]
        position, expected = end, expected + 1


def _empty_last_cells(
    cells: list[tuple[int, str]], position: int, end: int, width: int, expected: int
) -> int:
    """How many of the last cells of the row at ``position`` are empty (a blank line each in
    the text, so left out of ``cells``), where the next row's number and name, or the table's
    合计, come that many cells early: one or two, else 0. A row whose cells were lost, with no
    more blank lines where they were than between its own cells, is not padded."""
    for empty in (1, 2):
        row_end = position + width - empty  # where its cells stop
        if row_end <= position + 1 or row_end >= len(cells) or end < row_end:
            return 0
        number, cell = cells[row_end]
        next_row = (
            cell.rstrip(".、．") == str(expected + 1)
            and row_end + 1 < len(cells)
            and _name_like(cells[row_end + 1][1])
        )
        own = [number for number, _ in cells[position:row_end]]
        gaps = [later - earlier for earlier, later in itertools.pairwise(own)]
        blank = number - own[-1]  # lines from its last cell to what follows it
        # (exactly a blank line for each empty cell, or a cell's place each where the cells
        # stand a blank line apart: a page break's blank line more is no empty cell)
        spans = {empty + max(gaps), max(gaps) * (empty + 1)}
        if (next_row or TOTAL_ROW.match(squash(cell))) and blank in spans:
            return empty
    return 0


def _rest_of_group(
    cells: list[tuple[int, str]], at: int, amount: str, next_row: int
) -> list[int] | None:
    """The rows of a one-cell-a-line table below a row whose group cell (单位, 县区) was merged
    down, from ``at``: a name and an amount each, then the group's 小计 (the sum of ``amount``
    and theirs) alone in its row, never the next row's 序号 ``next_row`` opening its row;
    the position of each name, then the position after the 小计. None unless every cell up to
    the 小计 is so and the 小计 adds up."""

    def number(cell: str) -> Decimal | None:
        if not _NUMERIC_CELL.match(cell) or not re.fullmatch(r"[0-9,.]+", halfwidth(cell)):
            return None  # (never NaN, Infinity or 1e3, which Decimal would read)
        try:
            return Decimal(halfwidth(cell).replace(",", ""))
        except InvalidOperation:
            return None

    first = number(amount)
    if first is None:
        return None
    names, total = [], first
    while at + 1 < len(cells) and _name_like(cells[at][1]):
        value = number(cells[at + 1][1])
        if value is None:
            return None
        names.append(at)
        total += value
        at += 2
    subtotal = number(cells[at][1]) if names and at < len(cells) else None
    if at + 1 < len(cells) and cells[at][1].rstrip(".、．") == str(next_row):
        if _name_like(cells[at + 1][1]):
            return None  # the next row's 序号 and name, not a 小计
    return [*names, at + 1] if subtotal is not None and subtotal == total else None


def _misaligned_rows(
    lines: list[str], start: int, unit: str | None, columns: dict[str, int]
) -> list[ListedProject]:
    """Rows of a one-cell-a-line table whose cells do not line up with its header (empty
    cells left out in flattening, a cell wrapped over two lines, a two-row header): each row
    runs from its 序号 to the next, and is read only as a guess that staff must check: its
    name the first short text cell, its amount the last bare number (a 小计 column ends the
    money columns). Every row must have both, but a last row the text cuts short is left out
    (its lines stay unplaced); else nothing is read."""
    cells = [(i + 1, lines[i].strip()) for i in range(start + 1, len(lines)) if lines[i].strip()]
    rows: list[list[tuple[int, str]]] = []
    for at, (number, cell) in enumerate(cells):
        if _END_ROW.match(squash(cell)):
            break
        following = cells[at + 1][1] if at + 1 < len(cells) else ""
        # The next number opens the next row where words follow it (a row whose empty 备注
        # was left out ends in its amount).
        opens = cell.rstrip(".、．") == str(len(rows) + 1) and (
            not rows
            # a row's name follows its number: a figure right after its name (洙边镇…幸福院 |
            # 3 | 3 …) opens nothing
            or (following and not _NUMERIC_CELL.match(following))
        )
        if opens:
            rows.append([(number, cell)])
        elif rows:
            rows[-1].append((number, cell))
    # Where every row still holds a name where the header puts the name, and a figure where
    # it puts the money, the cells lost were after them (an empty 评价结果, 备注): the row is
    # read by the header from the left, still a guess staff check (a last row the text cuts
    # short is left out).
    name_at, amount_at, unit_at = (columns.get(kind) for kind in ("name", "amount", "unit"))
    # A row opens with its 序号: header cells before that column (the table's title read as
    # one, 项目奖励资金分配表) have no cell in the rows.
    before = columns.get("number", 0)
    name_at, amount_at, unit_at = (
        at - before if at is not None and at >= before else None
        for at in (name_at, amount_at, unit_at)
    )

    def by_header(row: list[tuple[int, str]]) -> bool:
        return (
            len(row) > max(name_at, amount_at)
            and _name_like(row[name_at][1])
            and bool(_NUMERIC_CELL.match(row[amount_at][1]))
        )

    if name_at is not None and amount_at is not None and len(rows) >= 2:
        if all(by_header(row) for row in rows[:-1]):
            projects = []
            for row in filter(by_header, rows):
                project = _guessed_row(
                    row[name_at][1],
                    row[amount_at][1],
                    unit,
                    [n for n, _ in row],
                    [c for _, c in row],
                )
                cell = row[unit_at][1] if unit_at is not None and unit_at < len(row) else ""
                if cell and not _NUMERIC_CELL.match(cell):
                    project.unit = single_value(cell, "unit")[0]
                projects.append(project)
            return projects
    if (
        name_at is not None
        and amount_at is not None
        and unit_at is not None
        and unit_at < name_at
        and len(rows) >= 2
    ):
        # Rows short of the widest by the cells merged down from a row above (a unit's cell
        # over its projects' rows): lined up from the right, as the widest is by the header.
        width = max(len(row) for row in rows)
        if width > max(name_at, amount_at) and all(
            _right_aligned(row, width, name_at, amount_at) for row in rows[:-1]
        ):
            projects, group = [], ""
            for row in rows:
                if not _right_aligned(row, width, name_at, amount_at):
                    break  # the text ends inside its last row
                lost = width - len(row)
                project = _guessed_row(
                    row[name_at - lost][1],
                    row[amount_at - lost][1],
                    unit,
                    [n for n, _ in row],
                    [c for _, c in row],
                )
                if unit_at is not None:
                    at = unit_at - lost
                    group = row[at][1] if 0 < at < len(row) else group
                    project.unit = single_value(group, "unit")[0] if group else ""
                projects.append(project)
            if len(projects) >= 2:
                return projects
    projects = []
    for index, row in enumerate(rows):
        words = [c for _, c in row[1:] if not _NUMERIC_CELL.match(c) and len(c) <= 30]
        numbers = [c for _, c in row[1:] if _NUMERIC_CELL.match(c)]
        if not words or not numbers:
            if index == len(rows) - 1:
                break  # the text ends inside its last row: that row is not read
            return []
        projects.append(
            _guessed_row(
                words[0], numbers[-1], unit, [n for n, _ in row], [cell for _, cell in row]
            )
        )
    return projects if len(projects) >= 2 else []


def _right_aligned(row: list[tuple[int, str]], width: int, name_at: int, amount_at: int) -> bool:
    """Whether ``row``, lined up from the right with a row ``width`` cells wide, holds a name
    and a figure where the header puts them (its 序号 first)."""
    lost = width - len(row)
    return (
        lost >= 0
        and name_at - lost >= 1
        and amount_at - lost >= 1
        and _name_like(row[name_at - lost][1])
        and bool(_NUMERIC_CELL.match(row[amount_at - lost][1]))
    )


def _name_like(cell: str) -> bool:
    """Whether a cell could be a project's name: words, short, no sentence (合理配置分类
    垃圾桶、垃圾清运设备等。 is a description)."""
    return not _NUMERIC_CELL.match(cell) and len(cell) <= 40 and not re.search(r"[。；;，,]", cell)


def _guessed_row(
    name: str, amount: str, unit: str | None, lines: list[int], cells: list[str]
) -> ListedProject:
    """A table row read by guessing which cell is which: a project whose name and amount are
    flagged for staff, every cell kept as written."""
    project = ListedProject(
        name=name,
        from_table=True,
        misaligned=True,
        amount=cell_amount(amount, unit),
        line=lines[0],
        lines=lines,
        content=cells,
    )
    if project.amount is None:
        project.amount_cell = amount
    return project


def _rows_without_numbers(
    lines: list[str], start: int, width: int, columns: dict[str, int], shortest: int = 4
):
    """Rows of a one-cell-a-line table without a 序号 column: counted off by a row length
    that every row shares (the header's width, or fewer where the same trailing cells were
    left empty in every row: 自评等级), each row's name cell a name (of ``shortest`` Chinese
    characters at least: a place, 资阳区, is shorter than a project) and its amount cell a
    number. A last row the text cuts short is left out; a table whose rows fit no one length
    is not read."""
    cells: list[tuple[int, str]] = []
    for i in range(start + 1, len(lines)):
        cell = lines[i].strip()
        if not cell:
            continue
        if _END_ROW.match(squash(cell)) or TOTAL_ROW.match(squash(cell)) or len(cell) > 80:
            break
        cells.append((i + 1, cell))
    needed = max(columns["name"], columns["amount"]) + 1
    for length in range(width, needed - 1, -1):
        rows = [cells[at : at + length] for at in range(0, len(cells) - length + 1, length)]
        left = cells[len(rows) * length :]
        # Cells left over are a last row the text cuts short before its amount, or nothing:
        # more means a row lost a cell and the rest slid (a project would go missing).
        if len(rows) < 2 or len(left) >= needed:
            continue

        def fits(row) -> bool:
            name = row[columns["name"]][1]
            return bool(
                _NUMERIC_CELL.match(row[columns["amount"]][1])
                and not _NUMERIC_CELL.match(name)
                and re.search(rf"[\u4e00-\u9fff]{{{shortest}}}", name)
            )

        # Every column holds one kind of cell in every row (numbers or words): a length that
        # shifts cells across rows puts a number under words somewhere.
        kinds = {
            (index, bool(_NUMERIC_CELL.match(cell)))
            for row in rows
            for index, (_, cell) in enumerate(row)
        }
        if all(fits(row) for row in rows) and len(kinds) == length:
            for row in rows:
                yield [cell for _, cell in row] + [""] * (width - length), [n for n, _ in row]
            return


def _rows_from_number_to_number(lines: list[str], start: int, width: int, columns: dict[str, int]):
    """Rows of a one-cell-a-line table whose empty cells were left out at the end of rows
    (1 / 定海区 / 40 / 2 / 普陀区 / 40, under 序号 / 单位 / 金额 / 备注): each row from its 序号
    to the next one, read only when every row holds its name and amount where the header
    puts them (a row that lost a cell before its amount would shift it: nothing is read)."""
    cells: list[tuple[int, str]] = []
    for i in range(start + 1, len(lines)):
        cell = lines[i].strip()
        if not cell:
            continue
        if _END_ROW.match(squash(cell)) or TOTAL_ROW.match(squash(cell)):
            break
        cells.append((i + 1, cell))
    starts, expected = [], 1
    for at, (_, cell) in enumerate(cells):
        following = cells[at + 1][1] if at + 1 < len(cells) else ""
        if cell.rstrip(".、．") == str(expected) and not _NUMERIC_CELL.match(following):
            starts.append(at)
            expected += 1
    if len(starts) < 2 or starts[0] != 0:
        return
    rows = [cells[a:b] for a, b in zip(starts, [*starts[1:], len(cells)], strict=True)]
    name, amount = columns["name"], columns["amount"]
    for row in rows:
        if not (
            max(name, amount) < len(row) <= width
            and _NUMERIC_CELL.match(row[amount][1])
            and not _NUMERIC_CELL.match(row[name][1])
        ):
            return
    for row in rows:
        yield [cell for _, cell in row] + [""] * (width - len(row)), [n for n, _ in row]


def _short_row(columns: dict[str, int], width: int, row) -> list[str]:
    """A row as cells in the header's columns; a short row (序号, name, amount) is put in
    its columns, the others left empty, or those of its group's row."""
    if not (isinstance(row, tuple) and row[:1] == ("short",)):
        return row
    _, number, name, amount, *group = row
    # (a row under a group cell merged down has the group row's cells but its own)
    cells = list(group[0]) if group else [""] * width
    for kind, value in (("number", number), ("name", name), ("amount", amount)):
        if kind in columns:
            cells[columns[kind]] = value
    return cells


def named_like_projects(rows: list[ListedProject]) -> bool:
    """Whether rows named by a 项目类型 column are named by projects (…茶产业项目), not by
    kinds of project (产业发展类): those are no names."""
    by_kind = [row for row in rows if re.fullmatch(r"项目(?:类型|类别)", row.name_column)]
    named = [row for row in by_kind if _NAME_CELL.search(squash(row.name))]
    return not by_kind or len(named) * 2 > len(by_kind)


def unit_by_total(rows: list[ListedProject], text: str) -> None:
    """Bare figures in a table that states no unit (投资规模 660, 251 …) are in 万元 or 元 as
    the sum the text states for all of them says (资金1200万元 = 660 + 251 + 39 + 120 + 130; a
    lone row's 241.3 = 资金241.3万元);
    left unread when no sum of the text is theirs, or more than one unit fits."""
    bare = [row for row in rows if row.from_table and row.amount is None and row.amount_cell]
    if not bare or len(bare) != len(rows):
        return
    try:
        figures = [Decimal(halfwidth(row.amount_cell).replace(",", "")) for row in bare]
    except InvalidOperation:
        return
    stated = {amount.value for amount in find_amounts(text)}
    units = [unit for unit in ("万元", "元") if sum(figures) * UNIT_MULTIPLIERS[unit] in stated]
    if len(units) != 1:
        return
    for row in bare:
        row.amount, row.amount_cell = cell_amount(row.amount_cell, units[0]), ""
        row.unit_from_total = True


def _amount_the_total_states(
    columns: dict[str, int], header: list[str], rows: list, unit: str | None, lines: list[str]
) -> dict[str, int]:
    """``columns`` with the amount moved to the money column whose sum the table's 合计 row
    states (核定活动投入资金 | 拟补助金额 … 合计 | 10.6118, the second's sum) where it states
    none of the first's; as they are otherwise."""
    chosen = columns.get("amount")
    others = [
        index
        for kind, index in columns.items()
        if kind.startswith("other:")
        and _AMOUNT_COLUMN.search(kind)
        and not _NOT_AMOUNT.search(kind)
    ]
    if chosen is None or not others or not rows:
        return columns
    last = max(number for _row, taken in rows for number in taken)
    stated: set[Decimal] = set()
    for text in lines[last : last + 3]:
        cells = [cell for cell in split_cells(text) if cell.strip()]
        if cells and TOTAL_ROW.match(squash(cells[0])):
            stated = {a.value for cell in cells[1:] if (a := cell_amount(cell, unit))}
            break

    def column_sum(at: int) -> Decimal | None:
        amounts = [cell_amount(row[at], unit) if at < len(row) else None for row, _ in rows]
        return sum(a.value for a in amounts) if all(amounts) else None

    if not stated or column_sum(chosen) in stated:
        return columns
    matching = [at for at in others if column_sum(at) in stated]
    if len(matching) != 1:
        return columns
    moved = dict(columns)
    moved[f"other:{squash(header[chosen])}"] = chosen
    moved["amount"] = matching[0]
    return moved


def _header_unwrapped(lines: list[str]) -> list[str]:
    """``lines`` with a header between ``|`` that wraps onto the lines after it (序号 | 单位名称
    | … | 奖励标准 / 申报奖励金额 / 核定奖励金额 | 备注) made one line again, the lines it took
    left empty (their count kept): a line of headings that is no whole header (it names no
    money), then lines of headings only. (A whole header's second row, 小计 | 中央资金 | …,
    names its money's sub-columns: :func:`read_table` reads it so.)"""
    lines = list(lines)
    for index, line in enumerate(lines):
        headings = [squash(cell) for cell in split_cells(line) if cell.strip()]
        if (
            "|" not in line
            or len(headings) < 2
            or not all(map(HEADER_WORDS.match, headings))
            or _is_header(headings)
        ):
            continue
        following = index + 1
        while following < len(lines):
            cells = [squash(cell) for cell in split_cells(lines[following]) if cell.strip()]
            # (a heading or two wrapped on: never a second row naming the money's parts,
            # 小计 | 中央资金 | 省级资金 | 县级资金, which sit under a column, not after)
            if (
                not cells
                or len(cells) > 2
                or _SUB_HEADER.match(squash(lines[following]))
                or not all(HEADER_WORDS.match(cell) for cell in cells)
            ):
                break
            lines[index] = " | ".join([*_filled(split_cells(lines[index])), *cells])
            lines[following] = ""
            following += 1
    return lines


def _filled(cells: list[str]) -> list[str]:
    """``cells`` (as :func:`split_cells` gives them, stripped) without the empty ones at
    their end."""
    while cells and not cells[-1]:
        cells = cells[:-1]
    return cells


def _header_after_prose(line: str) -> tuple[str, list[str], str] | None:
    """(the header, the first row's cells, the words before them) of a table whose header a
    line runs on after a notice's words, its first row after it on the same line (… 单位(万元)
    序号 | 乡镇 | 项目名称 | 投资概算 | 备注 | 1 | 瓯北街道 | …白水漈休闲长廊工程 | 49.723 |):
    the header from its 序号 to the last heading before the row numbered 1, three headings at
    least and none a figure. None for any other line."""
    opens = re.search(r"(?:项目)?序号\s*[|｜]", line)
    if opens is None or not line[: opens.start()].strip():
        return None
    cells = split_cells(line[opens.start() :].replace("｜", "|"))
    row = next(
        (at for at, cell in enumerate(cells) if at >= 3 and cell.rstrip(".、．") == "1"), None
    )
    if row is None or any(_NUMERIC_CELL.match(cell) for cell in cells[:row]):
        return None
    return " | ".join(cells[:row]) + " |", cells[row:], line[: opens.start()]


def read_table(lines: list[str], recipients: bool) -> list[ListedProject] | None:
    """The rows of the first table of ``lines`` whose header names its columns, between ``|``
    or one cell a line (``recipients``: a table of one fund's money by recipient); None when
    no header is found."""
    lines = _header_unwrapped(lines)
    for index, line in enumerate(lines):
        # (a header run on after the notice's words on one line, and the first row after it:
        # …附件:…年度计划表 单位(万元) 序号 | 乡镇 | … | 备注 | 1 | 瓯北街道 | … |)
        after_prose = _header_after_prose(line) if "|" in line else None
        if after_prose is not None:
            line = after_prose[0]
            lines = [*lines[:index], line, *lines[index + 1 :]]
        if "|" in line and _is_header(split_cells(line), recipients):
            header = _filled(split_cells(line))
            columns = _columns(header, recipients)
            # (its unit stated above it, or in the words before it on its line)
            before = [*lines[:index], *([after_prose[2].strip()] if after_prose else [])]
            unit = _table_unit(header, columns, before)
            needed = max(columns.get("name", 0), columns.get("amount", 0)) + 1
            # (the money's sub-columns on a second header row: 小计 | 中央衔接资金 | …)
            following = squash(lines[index + 1]) if index + 1 < len(lines) else ""
            money_last = columns.get("amount") == len(header) - 1 and bool(
                _SUB_HEADER.match(following)
            )
            rows = list(
                _rows_by_bars(lines, index, len(header), "number" in columns, needed, money_last)
            )
            if after_prose is not None:
                first = _filled(after_prose[1])[: len(header)]
                rows.insert(0, (first + [""] * (len(header) - len(first)), [index + 1]))
            columns = _amount_the_total_states(columns, header, rows, unit, lines)
            found = [p for p in (_project(columns, row, unit, taken) for row, taken in rows) if p]
            if after_prose is not None and len(found) > 1 and found[0].line == index + 1:
                # (the first row's line is the notice's too: what it cites is every row's)
                found[0].lines = []
            if recipients:
                return found
            if _places_by_bare_name(columns, found):
                return []
            # Rows the header cannot line up (a two-row header, a group cell merged down the
            # rows on the left) are read by what their cells hold, as flagged guesses.
            money_last = len(header) if columns.get("amount") == len(header) - 1 else 0
            return found or _rows_by_kinds(lines, index, unit, money_last)
    # One cell per line: a run of header words.
    run: list[int] = []
    for index, line in enumerate(lines):
        squashed = squash(line)
        worded = (
            HEADER_WORDS.match(squashed)
            or (recipients and _RECIPIENT_COLUMN.match(squashed))
            # (a heading's note wrapped onto a line of its own: 乡镇 / (单位名称))
            or (run and _WRAPPED_NOTE.fullmatch(squashed))
        )
        if _TABLE_UNIT.match(line):
            worded = None  # 投资单位:万元 above the header states the unit, it heads no column
        if squashed and worded and len(re.sub(r"[(（][^()（）]*[)）]$", "", squashed)) <= 16:
            run.append(index)
            continue
        if not squashed:
            continue  # cells apart by blank lines: the header runs on to the first row
        if len(run) >= (2 if recipients else 3) and _is_header([lines[i] for i in run], recipients):
            header = []
            cells = [lines[i].strip() for i in run]
            for at, cell in enumerate(cells):
                if header and _WRAPPED_NOTE.fullmatch(cell):
                    header[-1] += cell  # a heading wrapped before its unit: 总投资 / (万元)
                elif header and squash(header[-1]) == "项目" and _WRAPPED_AFTER_XIANGMU.match(cell):
                    header[-1] += cell  # wrapped after its first word: 项目 / 名称
                elif (
                    header
                    and _LEVEL_UNDER.match(squash(cell))
                    and _AMOUNT_COLUMN.search(squash(header[-1]))
                    # (only one: 中央资金 / 省级资金 / 县级资金 are columns of their own)
                    and not any(_LEVEL_UNDER.match(squash(c)) for c in cells[at - 1 : at + 2 : 2])
                ):
                    # The one level a money column is split into, on the header's second
                    # row (本批衔接资金安排情况(万元) / 省级): that column.
                    header[-1] += cell
                else:
                    header.append(cell)
            columns = _columns(header, recipients)
            unit = _table_unit(header, columns, lines[: run[0]])
            others = any(
                _NUMERIC_COLUMN.search(squash(cell))
                for kind, index in columns.items()
                if kind.startswith("other:")
                for cell in [header[index]]
            )
            rows = [
                (_short_row(columns, len(header), row), taken)
                for row, taken in _rows_by_cells(
                    lines, run[-1], len(header), "number" in columns, others
                )
            ]
            if any(_shifted(columns, row) for row, _ in rows):
                rows = []  # a cell lost and another wrapped: the row slid, nothing is read so
            found = [_project(columns, row, unit, taken) for row, taken in rows]
            if not found and recipients and {"number", "name", "amount"} <= set(columns):
                found = [
                    _project(columns, row, unit, taken)
                    for row, taken in _rows_from_number_to_number(
                        lines, run[-1], len(header), columns
                    )
                ]
            if not found and "number" in columns and "amount" in columns and not recipients:
                found = _misaligned_rows(lines, run[-1], unit, columns)
            if not found and "number" not in columns and {"name", "amount"} <= set(columns):
                found = [
                    _project(columns, row, unit, taken)
                    for row, taken in _rows_without_numbers(
                        lines, run[-1], len(header), columns, 2 if recipients else 4
                    )
                ]
            found = [p for p in found if p is not None]
            return [] if _places_by_bare_name(columns, found) else found
        if squashed:
            run = []
    return None


_PLACE = re.compile(r"^[\u4e00-\u9fff]{1,10}(?:省|市|县|区|旗|镇|乡|村|街道|社区|苏木|嘎查)$")


def _places_by_bare_name(columns: dict[str, int], found: list[ListedProject]) -> bool:
    """Whether a bare 名称 column names places (甲镇, 乙镇): who gets one fund's money, not
    projects; the table is then read by recipient, if at all."""
    return (
        "named_by:名称" in columns
        and bool(found)
        and all(_PLACE.match(squash(item.name)) for item in found)
    )


# A heading's note or unit wrapped onto a line of its own: 总投资 / (万元), 乡镇 / (单位名称).
_WRAPPED_NOTE = re.compile(r"[(（][^()（）]{1,6}[)）]")
# What a heading wrapped after 项目 goes on with: 项目 / 名称, 项目 / 类别.
_WRAPPED_AFTER_XIANGMU = re.compile(r"^(?:名称|类别|类型|内容|建设内容|单位|性质|地点)$")
# A level of money heading a money column's one sub-column: 省级, 中央资金.
_LEVEL_UNDER = re.compile(r"^(?:中央|省|市|县|区)级?(?:财政)?(?:资金)?$")


_SPACES = re.compile(r"[ \t\u3000]{2,}")
_SPACE = re.compile(r"[ \t\u3000]+")


def all_headings(cells: list[str]) -> bool:
    """Whether every one of ``cells`` names a column, one of them the project's name and one
    its money."""
    squashed = [squash(c) for c in cells]
    return (
        any(_NAME_COLUMN.match(c) for c in squashed)
        and any(_AMOUNT_COLUMN.search(c) for c in squashed)
        and all(HEADER_WORDS.match(c) or _NAME_COLUMN.match(c) for c in squashed)
    )


def spaced_table(lines: list[str]) -> list[str]:
    """``lines``, with a table whose cells are set apart by runs of spaces (序号  项目名称
    项目单位  金额 (万元)) written with bars, line for line, from its header to the first line
    that is not a row of two cells or more; as they are when there is none."""
    for index, line in enumerate(lines):
        apart = _SPACES
        cells = apart.split(line.strip())
        if "|" in line or len(cells) < 3 or not _is_header(cells):
            # A header set out with single spaces whose every cell names a column (项目名称
            # 建设规模(亩) 总投资(万元) 建设地点): its rows are too.
            apart = _SPACE
            cells = apart.split(line.strip())
            if "|" in line or len(cells) < 4 or not all_headings(cells):
                continue
        out = list(lines)
        width = len(cells)
        for at in range(index, len(lines)):
            cells = apart.split(lines[at].strip())
            if "|" in lines[at] or len(cells) < 2:
                break
            extra = len(cells) - width
            if apart is _SPACE and extra > 0:
                if not all(_PLACE_CELL.fullmatch(cell) for cell in cells[:extra]):
                    # A cell with a space of its own elsewhere (已 完工) slides the row: the
                    # table set out with single spaces cannot be read, and is left as written.
                    return lines
                # (a first cell with single spaces of its own, the places before the name:
                # 六安市 金安区 人民路小学北校  2025 …: the cells beyond the header's are its)
                cells = [" ".join(cells[: extra + 1]), *cells[extra + 1 :]]
            out[at] = " | ".join(cells) + " |"
        return out
    return lines


_NAME_CELL = re.compile(r"(?:项目|工程|建设|改造|基地|中心)$")


_ORGANISATION_CELL = re.compile(rf"{ORGANISATION_END}$")


def _rows_by_kinds(
    lines: list[str], start: int, unit: str | None, money_last: int = 0
) -> list[ListedProject]:
    """The rows of a ``|`` table after its header at ``start`` read by what their cells hold:
    cells lined up from the right (a group cell merged down the rows is missing on the left of
    all but its first row), the name the column whose cells are mostly project names (…项目,
    …工程), the unit a column of organisations after it, the amount the first column of
    numbers after it, in the table's unit (none is read without one). Where the header puts
    the money last (…| 总投资(万元) |, ``money_last`` its width) and no row is wider, the
    amount is each row's last cell, whatever empty cells the row lost before it. Every value
    is a guess staff are told to check; two rows at least, else nothing."""
    rows: list[tuple[int, list[str]]] = []
    for number in range(start + 2, len(lines) + 1):
        text = lines[number - 1]
        if not text.strip():
            continue
        if "|" not in text:
            break
        cells = [cell for cell in split_cells(text) if cell.strip()]
        if not cells or TOTAL_ROW.match(squash(cells[0])):
            continue
        if not any(_NUMERIC_CELL.match(cell) for cell in cells):
            continue  # a second header row
        rows.append((number, cells))
    if len(rows) < 2:
        return []
    if money_last and all(len(cells) <= money_last for _, cells in rows):
        read = []
        for number, cells in rows:
            named = next((cell for cell in cells if _NAME_CELL.search(squash(cell))), None)
            if named is None or not _NUMERIC_CELL.match(cells[-1]):
                return []
            read.append(_guessed_row(named.strip(), cells[-1], unit, [number], cells))
        return read
    width = max(len(cells) for _, cells in rows)
    grid = [[None] * (width - len(cells)) + cells for _, cells in rows]

    def share(column: int, pattern: re.Pattern) -> float:
        present = [row[column] for row in grid if row[column]]
        return sum(bool(pattern.search(squash(c))) for c in present) / max(len(present), 1)

    names = [j for j in range(width) if share(j, _NAME_CELL) >= 0.5]
    if not names:
        return []
    name = names[0]
    money = next(
        (
            j
            for j in range(name + 1, width)
            if all(row[j] and _NUMERIC_CELL.match(row[j]) for row in grid)
        ),
        None,
    )
    if money is None:
        return []
    unit_column = next(
        (j for j in range(name + 1, money) if share(j, _ORGANISATION_CELL) >= 0.5), None
    )

    def joined(cell: str) -> str:
        # A cell wrapped in flattening (农冠央厨肉包 加工项目) is one name.
        return re.sub(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])", "", cell.strip())

    found = []
    for number, row in zip((number for number, _ in rows), grid, strict=True):
        if not row[name]:
            continue
        project = _guessed_row(
            joined(row[name]), row[money], unit, [number], [cell for cell in row if cell]
        )
        if unit_column is not None and row[unit_column]:
            project.unit = joined(row[unit_column])
        found.append(project)
    return found if len(found) >= 2 else []
