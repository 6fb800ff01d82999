"""Annual lists of many projects: a table with a row per project, or a numbered list whose
items name a project and state its money and unit on the lines below.

Agriculture and infrastructure plans, fund allocations (资金分配表, 项目计划) publish projects
this way rather than as one text per project:

- a table whose header names the columns (序号 | 项目名称 | 建设地点 | 建设内容 | 投资规模（万元）
  | 责任单位), as rows with `` | `` between cells (a Word or PDF table read by
  :mod:`sourcefiles`, or a page's table flattened) or one cell per line (a page flattened
  without row ends), where a row's cells are counted off by the header, checked against the
  row's 序号;
- ``1.西卜沙乡三个村游牧民定居点人饮巩固提升工程`` then ``投资:500万元 实施单位:…``.

Only what a row or item states is taken: an amount without a unit where the table states none
is left empty, not guessed; 合计 and 小计 rows are totals, not projects.

Pure Python, no Django.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from ..amounts import (
    UNIT_MULTIPLIERS,
    AmountError,
    ParsedAmount,
    find_amounts,
    parse_amount_exact,
)
from ..normalize import halfwidth, squash
from .lines import COUNT_UNITS, SOURCE_OF_MONEY, breakdown, is_rate, rate_at, sum_after
from .numbering import (
    LIST_MARKER,
    chinese_number,
    count_value,
    marker_at_start,
    split_numbered,
)
from .outline import HEADING_LIKE, classify_heading
from .tables import ORGANISATION_END, single_value

_NAME_COLUMN = re.compile(r"^(?:项目名称|建设项目|项目名称及内容|项目)$")
# Who or where a table of one fund's money gives it to (单位, 乡镇, 县(市、区), 示范村名称).
_RECIPIENT_COLUMN = re.compile(
    r"^(?:(?:实施|项目|补助|承担)?单位(?:名称)?|乡镇(?:名称)?|镇街|镇\(街道\)|乡镇\(街道\)|乡\(镇\)|"
    r"县区|区县|县\(区\)|县\(市、区\)|县\(市、区、场\)|地区|市州|(?:示范|行政)?村(?:名称|名)?|村庄名称)$"
)
# What a row is for, which names it in a table without a name column (补助内容: 单季油菜29.4亩).
_CONTENT_COLUMN = re.compile(
    r"^(?:项目)?(?:主要)?(?:建设|补助|实施|扶持)内容(?:及规模)?$|^项目(?:类型|类别)$"
)
_AMOUNT_COLUMN = re.compile(
    r"(?:资金|投资|金额|预算|补助|债券规模)(?!来源|性质|类别|标准|用途|科目|文号|对象)"
)
_NOT_AMOUNT = re.compile(r"标准|用途|科目|文号|对象|来源|性质|类别|方式")
_UNIT_COLUMN = re.compile(
    r"^(?:项目)?(?:实施|责任|建设|承担|申报)?(?:单位|主体)(?:名称)?$|^项目单位$"
)
_NUMBER_COLUMN = re.compile(r"^(?:序号|编号)$")
_ROW_NUMBER = re.compile(r"^[0-9]{1,4}[.、．]?$")
_NUMERIC_CELL = re.compile(r"^[0-9０-９][0-9０-９,，.．]*(?:[(（].*)?$")
# The headings of a table's columns that never name a project, a unit or a sum (序号, 乡镇,
# 建设内容, 资金来源, 备注 …): a cell holding one is no value of a form's field either.
COLUMN_WORDS = (
    r"序号|编号|省份|地市|市州|(?:所在|所属)?(?:县区|镇街|乡镇)|县\(市、区\)|年度|村名|建设地点|实施地点|"
    r"建设规模|类别|.{0,6}科目(?:代码|编码)?|"
    r"(?:项目)?(?:主要)?(?:建设|实施|补助|扶持)内容(?:及规模)?|.{0,4}性质|.{0,4}(?:分数|等级|得分)|"
    r".{0,4}部门|.{0,4}(?:评价)?(?:结果|等次)|小计|"
    r"资金来源|资金性质|备注|绩效目标|建设期限|实施期限|时限|项目类别|项目类型|受益对象|联结机制|"
    r"面积|数量|规模|.{0,6}(?:户数|人数|个数)|单价|示范村名称|村庄名称|完成情况|进展情况|完成进度|"
    r".{0,6}[(（](?:万元|元)[)）]"
)
# Any heading of a list's columns: those, and the ones naming projects, units and sums.
HEADER_WORDS = re.compile(
    rf"^(?:其中[:：]?)?(?:{COLUMN_WORDS}|项目名称|建设项目|项目|.*债券.*|.*标准|.*名称|"
    r".*(?:资金|投资|金额|预算|补助|公益金).*|.*单位|实施主体|县市区|.{0,8}(?:面积|规模|数量|节水))"
    # its unit in brackets: 建设规模(万亩), 面积（亩）
    r"(?:\s*[(（][^()（）]{1,8}[)）])?$"
)
_TOTAL_ROW = re.compile(r"^(?:合计|小计|总计|共计)")
_END_ROW = re.compile(r"^(?:合计|总计|附件|附表)")
_TABLE_UNIT = re.compile(r"^\s*(?:金额|计量)?单位\s*[:：]\s*(?P<unit>亿元|万元|元)\s*$")
_ITEM = re.compile(r"^\s*(?P<n>[0-9]{1,3})\s*[.、．]\s*(?P<name>\S.{1,80}?)\s*$")
_ITEM_AMOUNT = re.compile(
    r"(?:总投资|投资|项目资金|资金|金额|预算)(?:规模)?\s*[:：]?\s*(?=[0-9０-９])"
)
# A sum as a list writes it after a name (…项目144万元, 西小召镇70万元).
_MONEY = r"(?P<amount>[0-9０-９][0-9０-９,，.．]*\s*(?:万元|元|亿元))"
_ITEM_UNIT = re.compile(r"(?:实施|责任|建设|项目)单位\s*[:：]")


@dataclass
class ListedProject:
    name: str
    from_table: bool = False  # a row of a table whose header names its columns
    inferred: bool = False  # a notice's one project, read from its title and prose
    misaligned: bool = False  # a table row whose cells do not line up with its header
    name_column: str = ""  # the column naming it, in a table without a name column (补助内容)
    unit_column: str = ""  # the heading of the column its unit is read from (实施单位, 单位)
    unit: str = ""
    amount: ParsedAmount | None = None
    amount_cell: str = ""  # the amount as written, when it could not be read
    content: list[str] = field(default_factory=list)
    line: int = 0  # the input line of its name (1-based)
    amount_line: int = 0  # the input line of its amount, when not the name's
    lines: list[int] = field(default_factory=list)  # every input line it took
    style: str = ""  # how a numbered list numbers it (arabic, cnparen …)
    parts: list[ListedProject] = field(default_factory=list)  # a numbered list inside it
    total_checked: bool = False  # its amount is the sum of its parts, as the text states it
    unit_from_total: bool = False  # a bare figure whose unit the text's sum of them gives
    # A guess at how the list splits into projects, said to staff: the heading the item was
    # read under as a group (群众体育), or the item read as a whole over its parts (a fund).
    grouping: str = ""


def _cells(text: str) -> list[str]:
    return [cell.strip() for cell in text.split("|")]


def _is_header(cells: list[str], recipients: bool = False) -> bool:
    squashed = [squash(c) for c in cells if c.strip()]
    naming = _RECIPIENT_COLUMN if recipients else _NAME_COLUMN
    return (
        len(squashed) >= 3
        and any(naming.match(c) or _CONTENT_COLUMN.match(c) for c in squashed)
        and any(_AMOUNT_COLUMN.search(c) for c in squashed)
        and sum(bool(HEADER_WORDS.match(c) or naming.match(c)) for c in squashed)
        >= len(squashed) - 1
    )


def _amount(cell: str, unit: str | None) -> ParsedAmount | None:
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

    name = " ".join(cell("name").split())
    if not name or _TOTAL_ROW.match(name) or not re.search(r"[\u4e00-\u9fff]", name):
        return None
    raw = cell("amount")
    project = ListedProject(
        name=name,
        name_column=next(
            (k.removeprefix("named_by:") for k in columns if k.startswith("named_by:")), ""
        ),
        from_table=True,
        # A person paid (*瑞明, a name masked for privacy) is no unit of government.
        unit=single_value(cell("unit"), "unit")[0]
        if cell("unit") and "*" not in cell("unit")
        else "",
        unit_column=next((k.removeprefix("unit:") for k in columns if k.startswith("unit:")), ""),
        amount=_amount(raw, unit),
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
        project.content.insert(0, f"序号：{cell('number')}")  # every cell of the row is kept
    return project


def _columns(header: list[str], recipients: bool = False) -> dict[str, int]:
    """Each column's role by its header; of several money columns the one naming 万元 or 元,
    else the first, is the amount (补助标准, 资金来源 and the like are not amounts)."""
    columns: dict[str, int] = {}
    money: list[tuple[int, str]] = []
    for index, cell in enumerate(squash(c) for c in header):
        if not cell:
            continue
        if "name" not in columns and _NAME_COLUMN.match(cell):
            columns["name"] = index
        elif _AMOUNT_COLUMN.search(cell) and not _NOT_AMOUNT.search(cell):
            money.append((index, cell))
        elif "unit" not in columns and _UNIT_COLUMN.match(cell):
            columns["unit"] = index
            columns[f"unit:{cell}"] = index  # (its heading, said to staff where it is bare)
        elif "number" not in columns and _NUMBER_COLUMN.match(cell):
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
        if len(money) >= 2 and totals:
            columns.pop(f"other:{totals[0][1]}")
            money.append(totals[0])
            chosen = totals[0]
        columns["amount"] = chosen[0]
        for index, cell in money:
            if index != chosen[0]:
                columns[f"other:{cell}"] = index
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
        # A 小计 in the unit every money column before it states (…补助(万元) | 小计).
        stated = {_unit_in(cell) for cell in header[:index] if _AMOUNT_COLUMN.search(squash(cell))}
        if heading in ("小计", "合计", "总计") and len(stated) == 1 and "" not in stated:
            return stated.pop()
    for text in reversed(before[-8:]):
        match = _TABLE_UNIT.match(halfwidth(text))
        if match:
            return match.group("unit")
    return None


def _rows_by_bars(lines: list[str], start: int, width: int, has_number: bool, needed: int):
    """Rows after a header at ``start``, cells in their columns (an empty cell keeps its
    place): a row may wrap over lines; a row that lost its 序号 in flattening gets an empty
    one. A row is complete at the header's width; the table ends at a line without cells,
    合计, 附件 or the next table's header. A row whose cells cannot be lined up with the
    columns is not read (its lines stay unplaced)."""
    row: list[str] = []
    taken: list[int] = []

    def finished():
        # A row without its trailing cells (an empty 备注 left out) is complete when it has
        # the columns that are read (``needed``).
        return needed <= len(row) <= width

    for index in range(start + 1, len(lines)):
        text = lines[index]
        if not text.strip():
            continue
        cells = _cells(text)
        while cells and not cells[-1]:
            cells.pop()  # a row's trailing empty cells are flattening debris
        first = next((cell for cell in cells if cell), "")
        ends = "|" not in text or _END_ROW.match(squash(first)) or _is_header(cells)
        opens = has_number and bool(cells) and bool(_ROW_NUMBER.match(cells[0]))
        if row and (ends or opens):
            if finished():
                yield row + [""] * (width - len(row)), taken
            row, taken = [], []
        if ends:
            break
        if not row and has_number and not opens:
            row = [""]
        row += cells
        taken.append(index + 1)
        if len(row) >= width:
            if len(row) == width:
                yield row, taken
            row, taken = [], []
    if row and (finished() or (has_number and _ROW_NUMBER.match(row[0]) and len(row) >= 2)):
        # The text's last row, cut short by the text's end (a page stored in part): what it
        # holds is read, the cells it lost are left empty (and its amount flagged).
        yield row + [""] * (width - len(row)), taken


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
    while position < len(cells):
        if _TOTAL_ROW.match(squash(text(position))) and not _END_ROW.match(squash(text(position))):
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
        while end < min(position + width, len(cells)) and not _TOTAL_ROW.match(squash(text(end))):
            end += 1
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
            and not _TOTAL_ROW.match(squash(text(at + 1)))  # 16 | 小计: the row's amount
            for at in range(position + 2, end)
        ):
            # The row does not end where the next begins, and the next row's number and name
            # are inside it: cells were lost (a row's 数量 2 before its unit, where the next
            # row does follow, is no sign).
            return
        if (
            following
            and not _ROW_NUMBER.match(following)
            and not _TOTAL_ROW.match(squash(following))
        ):
            rest = None if other_numbers else _rest_of_group(cells, end, chunk[-1][1])
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


def _rest_of_group(cells: list[tuple[int, str]], at: int, amount: str) -> list[int] | None:
    """The rows of a one-cell-a-line table below a row whose group cell (单位, 县区) was merged
    down, from ``at``: a name and an amount each, then the group's 小计 (the sum of ``amount``
    and theirs) alone in its row; the position of each name, then the position after the
    小计. None unless every cell up to the 小计 is so and the 小计 adds up."""

    def number(cell: str) -> Decimal | None:
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
        amount=_amount(amount, unit),
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
        if _END_ROW.match(squash(cell)) or _TOTAL_ROW.match(squash(cell)) or len(cell) > 80:
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
        if _END_ROW.match(squash(cell)) or _TOTAL_ROW.match(squash(cell)):
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


def read_listing(text: str, *, recipients: bool = False) -> list[ListedProject]:
    """The projects of the first table or numbered list of projects in ``text``; [].

    ``recipients``: the rows of the first table of one fund's money by who or where it goes
    (单位, 乡镇, 县(市、区) and 金额), each named by its recipient; [] when there is none."""
    found = _read_listing(text, recipients)
    if not _named_like_projects(found):
        return []
    _unit_by_total(found, text)
    return found


def _named_like_projects(rows: list[ListedProject]) -> bool:
    """Whether rows named by a 项目类型 column are named by projects (…茶产业项目), not by
    kinds of project (产业发展类): those are no names."""
    by_kind = [row for row in rows if re.fullmatch(r"项目(?:类型|类别)", row.name_column)]
    named = [row for row in by_kind if _NAME_CELL.search(squash(row.name))]
    return not by_kind or len(named) * 2 > len(by_kind)


def _unit_by_total(rows: list[ListedProject], text: str) -> None:
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
        row.amount, row.amount_cell = _amount(row.amount_cell, units[0]), ""
        row.unit_from_total = True


def _read_listing(text: str, recipients: bool) -> list[ListedProject]:
    lines = text.split("\n")  # (a table set out with spaces is barred by build first)
    for index, line in enumerate(lines):
        if "|" in line and _is_header(_cells(line), recipients):
            header = _cells(line)
            while header and not header[-1]:
                header.pop()
            columns = _columns(header, recipients)
            unit = _table_unit(header, columns, lines[:index])
            needed = max(columns.get("name", 0), columns.get("amount", 0)) + 1
            rows = _rows_by_bars(lines, index, len(header), "number" in columns, needed)
            found = [p for p in (_project(columns, row, unit, taken) for row, taken in rows) if p]
            if recipients:
                return found
            # Rows the header cannot line up (a two-row header, a group cell merged down the
            # rows on the left) are read by what their cells hold, as flagged guesses.
            money_last = len(header) if columns.get("amount") == len(header) - 1 else 0
            return found or _rows_by_kinds(lines, index, unit, money_last)
    # One cell per line: a run of header words.
    run: list[int] = []
    for index, line in enumerate(lines):
        squashed = squash(line)
        worded = HEADER_WORDS.match(squashed) or (recipients and _RECIPIENT_COLUMN.match(squashed))
        if squashed and worded and len(re.sub(r"[(（][^()（）]*[)）]$", "", squashed)) <= 16:
            run.append(index)
            continue
        if not squashed:
            continue  # cells apart by blank lines: the header runs on to the first row
        if len(run) >= 3 and _is_header([lines[i] for i in run], recipients):
            header = []
            for i in run:
                cell = lines[i].strip()
                if header and re.fullmatch(r"[(（][^()（）]{1,6}[)）]", cell):
                    header[-1] += cell  # a heading wrapped before its unit: 总投资 / (万元)
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
            rows = _rows_by_cells(lines, run[-1], len(header), "number" in columns, others)
            found = [
                _project(columns, _short_row(columns, len(header), row), unit, taken)
                for row, taken in rows
            ]
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
            return [p for p in found if p is not None]
        if squashed:
            run = []
    if recipients:
        return []
    return (
        # (a list whose count the text states is the surest)
        _counted_sums(lines)
        or _numbered_items(lines)
        or _numbered_paragraphs(lines)
        or _run_on_items(lines)
        or _semicolon_items(lines)
        or _named_lines(lines)
        or _counted_names(lines)
        or _projects_in_breakdown(lines)
        or _funds_by_recipient(lines)
        or _sums_for_projects(lines)
    )


_SPACES = re.compile(r"[ \t\u3000]{2,}")


def spaced_table(lines: list[str]) -> list[str]:
    """``lines``, with a table whose cells are set apart by runs of spaces (序号  项目名称
    项目单位  金额 (万元)) written with bars, line for line, from its header to the first line
    that is not a row of two cells or more; as they are when there is none."""
    for index, line in enumerate(lines):
        cells = _SPACES.split(line.strip())
        if "|" in line or len(cells) < 3 or not _is_header(cells):
            continue
        out = list(lines)
        for at in range(index, len(lines)):
            cells = _SPACES.split(lines[at].strip())
            if "|" in lines[at] or len(cells) < 2:
                break
            out[at] = " | ".join(cells) + " |"
        return out
    return lines


def read_allocation(text: str) -> tuple[list[ListedProject], ParsedAmount | None, int]:
    """A fund's money by recipient, as a notice of one fund tables it (资阳区 150, 赫山区 210,
    大通湖区 40, 合计 400): (the rows with their amounts, the total its 合计 row states when it
    is the rows' sum, that row's line); ([], None, 0) when the text has no such table."""
    rows = read_listing(text, recipients=True)
    if len(rows) < 2 or any(row.amount is None for row in rows):
        return [], None, 0  # a row whose amount could not be read: its sum would mislead
    total = sum(row.amount.value for row in rows)
    lines = text.split("\n")
    last = max(number for row in rows for number in row.lines)
    for index in range(last, min(last + 8, len(lines))):
        cells = [cell for cell in _cells(lines[index]) if cell.strip()]
        if not cells or not _TOTAL_ROW.match(squash(cells[0])):
            continue
        # The sum on the 合计 row, or on the lines after it (one cell a line).
        following = [line.strip() for line in lines[index + 1 : index + 5] if line.strip()]
        for cell in [*cells[1:], *following]:
            stated = _amount(cell, rows[0].amount.unit)
            if stated is not None and stated.value == total:
                return rows, stated, index + 1
        break
    return rows, None, 0


# A line that is a project's name and nothing else (2022年临沂市兰陵县尚岩镇3.8万亩高标准农田
# 建设项目): no clause, no label, no sum.
_NAME_LINE = re.compile(r"^[^，,。；;:：|()（）\s]{6,80}(?:项目|工程)$")


def _named_lines(lines: list[str]) -> list[ListedProject]:
    """A list of projects by name only, one a line (名单: …项目 / …项目), the longest run of
    three or more such lines (blank lines between them aside); [] when there is none. Their
    money is not stated: none is read."""
    runs: list[list[int]] = [[]]
    for index, line in enumerate(lines):
        text = line.strip()
        if not text:
            continue
        text = LIST_MARKER.sub("", text).strip()
        if _NAME_LINE.match(text) and not find_amounts(text):
            runs[-1].append(index)
        elif runs[-1]:
            runs.append([])
    best = max(runs, key=len)
    if len(best) < 3:
        return []
    return [
        ListedProject(
            name=LIST_MARKER.sub("", lines[index].strip()).strip(),
            line=index + 1,
            lines=[index + 1],
        )
        for index in best
    ]


# A count of projects and their names after it: 加工项目2个,锦山镇富廷村烘干塔项目、向阳川镇
# 六合村笨榨豆油项目; 已成功发债项目2个,…恢复工程0.4亿元、…一期工程0.8亿元.
_COUNTED = re.compile(
    r"(?P<n>[0-9]{1,2}|[一二三四五六七八九十两]{1,3})\s*(?:个|项)[，,:：]\s*(?P<names>[^，,。；;:：]+)"
)
_COUNTED_NAME = re.compile(
    r"^(?:和|及|以及)?(?P<name>[^、]{4,60}(?:项目|工程))(?P<money>(?:[0-9０-９].*)?)$"
)


def _counted_names(lines: list[str]) -> list[ListedProject]:
    """Projects a text names after a count of them, apart by 、 or 和, each ending in 项目 or
    工程 and stating its money or none (``加工项目2个,锦山镇富廷村烘干塔项目、向阳川镇六合村
    笨榨豆油项目``), or before the count of the projects (``即操军镇东港水厂改扩建、…、县城关
    二水厂管网延伸(…、…)等5处供水工程``, ``支持章贡区赣纺、…、安远县东江大厦等6个老旧小区
    改造项目``): the names must be as many as the count says. Two at
    least in the whole text, else none; named from prose, so flagged."""
    found: list[ListedProject] = []
    for index, line in enumerate(lines):
        for counted in _COUNTED.finditer(line):
            words = re.split(r"、|(?<=[元目程])和", counted.group("names"))
            names = [_COUNTED_NAME.match(word.strip()) for word in words]
            n = counted.group("n")
            if len(names) != count_value(n) or not all(names):
                continue
            for name in names:
                money = find_amounts(name.group("money"))
                if name.group("money").strip() and not (
                    len(money) == 1 and money[0].start == 0 and not money[0].per
                ):
                    break  # what follows a name is its sum, or nothing
            else:
                for name in names:
                    money = find_amounts(name.group("money"))
                    found.append(
                        ListedProject(
                            name=name.group("name"),
                            line=index + 1,
                            lines=[index + 1],
                            amount=money[0] if money else None,
                            amount_line=index + 1,
                            inferred=True,
                        )
                    )
        for named in _NAMED_THEN_COUNTED.finditer(line):
            # 即操军镇东港水厂改扩建、…、县城关二水厂管网延伸(…、…)等5处供水工程: the names
            # before the count of the projects, however they end.
            if not re.search(r"项目|工程", named["what"]) or re.search(
                r"方面|领域|类", named["what"]
            ):
                continue  # 等3个方面的项目: kinds of spending, no projects
            words = re.sub(r"^(?:即|支持|用于|包括|实施|建设)+", "", named["names"])
            names = [name.strip() for name in _split_outside_brackets(words)]
            if all(re.search(r"(?:村|镇|乡|社区|街道)$", name) for name in names):
                continue  # villages a project is shared among (…村、…村等六个项目为…项目)
            n = named["n"]
            if len(names) == count_value(n) and all(
                4 <= len(name) <= 80 and not find_amounts(name) for name in names
            ):
                found += [
                    ListedProject(name=name, line=index + 1, lines=[index + 1], inferred=True)
                    for name in names
                ]
    return found if len(found) >= 2 else []


# A count of projects, then after a colon each with its sum (安排重点项目资金10个,共拨付到位
# 资金952万元。具体有:农村中等职业教育发展80万元、生源地贷款贴息85万元、…).
_PROJECTS_COUNTED = re.compile(
    r"项目[^，,。；;:：0-9]{0,4}?(?P<n>[0-9]{1,2}|[一二三四五六七八九十两]{1,3})\s*个"
)
_SET_OUT = re.compile(r"(?:具体有|具体为|分别是|分别为|包括|如下)\s*[:：]")
_NAME_AND_SUM = re.compile(rf"^(?:和|及|以及)?(?P<name>[^，,。；;:：]{{2,60}}?)\s*{_MONEY}$")


def _counted_sums(lines: list[str]) -> list[ListedProject]:
    """Projects a paragraph counts (…项目资金10个) and then sets out after a colon, each its
    name and its sum, apart by 、 (具体有:农村中等职业教育发展80万元、生源地贷款贴息85万元、
    …), in every paragraph that does so (一、续建项目2个，具体为：… 二、新建项目2个，…): as
    many as each count says, none a source of money (资金来源包括:中央衔接资金200万元、…);
    else none. Named from prose, so flagged."""
    found: list[ListedProject] = []
    for index, line in enumerate(lines):
        for set_out in _SET_OUT.finditer(line):
            # The count nearest before what is set out (项目12个…其中…项目10个2161万元,分别为:)
            counts = list(_PROJECTS_COUNTED.finditer(line, 0, set_out.start()))
            if counts:
                found += _set_out_projects(line, index + 1, counts[-1], set_out)
    return found


def _set_out_projects(
    line: str, number: int, counted: re.Match, set_out: re.Match
) -> list[ListedProject]:
    """The projects set out after ``set_out`` in ``line`` (line ``number``), as many as
    ``counted`` says, none a source of money; [] otherwise."""
    words = re.split(r"[。；;]", line[set_out.end() :], maxsplit=1)[0]
    # A name with 、 in it (查汗采开乡、良种场小型水利工程项目271万元) is one unit: a piece
    # without a sum goes with the next.
    pieces: list[str] = []
    for piece in re.split(r"、|(?<=元)[和,，]", words):
        if pieces and not find_amounts(pieces[-1]):
            pieces[-1] += "、" + piece
        else:
            pieces.append(piece)
    units = [_NAME_AND_SUM.match(piece.strip()) for piece in pieces]
    if (
        len(units) < 2
        or len(units) != count_value(counted["n"])
        or not all(units)
        or any(_NOT_A_PROJECT.search(unit["name"]) for unit in units)
    ):
        return []
    return [
        ListedProject(
            name=unit["name"],
            line=number,
            lines=[number],
            amount=find_amounts(unit["amount"])[0],
            amount_line=number,
            inferred=True,
            content=[unit.group()],
        )
        for unit in units
    ]


# Names set out and closed by the count of the projects (即A、B、C等3处供水工程).
_NAMED_THEN_COUNTED = re.compile(
    r"(?:即|支持|包括|用于|[，,：:])(?P<names>[^。；;:：，,]+?)等\s*"
    r"(?P<n>[0-9]{1,2}|[一二三四五六七八九十两]{1,3})\s*(?:个|处|项|座|条)"
    r"(?P<what>[^，,。；;]{0,16})"
)


def _split_outside_brackets(words: str) -> list[str]:
    """``words`` split at each 、 outside brackets (B(甲片区、乙片区) stays one)."""
    parts, depth, start = [], 0, 0
    for index, char in enumerate(words):
        depth += char in "(（"
        depth -= char in ")）"
        if char == "、" and depth == 0:
            parts.append(words[start:index])
            start = index + 1
    return [*parts, words[start:]]


# A part of a fund's money named as a project, its money words after the name (幸福屋场项目
# 奖补资金 → 幸福屋场项目).
_PART_PROJECT = re.compile(r"(?P<name>[^，,。；;]{2,60}?(?:项目|工程))(?:[^项]{0,6}(?:资金|经费))?")
# The words before 其中 name the project whose parts follow (…人居环境整治项目资金100万元),
# not a count of projects (建设类项目3个) nor a fund (…补助资金15万元).
_NAMES_ITS_PROJECT = re.compile(
    r"(?:项目|工程)(?!\s*(?:[0-9]{1,3}|[一二三四五六七八九十两]{1,3})\s*个)(?!库)"
)


def _projects_in_breakdown(lines: list[str]) -> list[ListedProject]:
    """The projects a fund's money is shared among after 其中, each named as a project with its
    own sum (下达…资金15万元,其中幸福屋场项目奖补资金5万元,村级产业发展帮扶项目资金10万元): two
    at least, every part so named, none a kind of project counted (产业发展项目81个), and the
    words before 其中 naming no project of their own (…整治项目资金100万元,其中…工程60万元
    are that project's parts). Named from prose, so flagged."""
    for index, line in enumerate(lines):
        if _NAMES_ITS_PROJECT.search(line.split("其中", 1)[0]):
            continue  # 下达…整治项目资金100万元，其中道路硬化工程60万元…: that project's parts
        listed = _projects_after_qizhong(line, index + 1)
        if listed:
            return listed
        parts = breakdown(line)
        named = [_PART_PROJECT.fullmatch(part.name) for part in parts]
        if (
            len(parts) >= 2
            and all(named)
            and not any(re.search(r"[0-9一二三四五六七八九十]+个", part.text) for part in parts)
        ):
            return [
                ListedProject(
                    name=match.group("name"),
                    line=index + 1,
                    lines=[index + 1],
                    amount=part.amount,
                    amount_line=index + 1,
                    inferred=True,
                    content=[part.text],
                )
                for match, part in zip(named, parts, strict=True)
            ]
    return []


# A sentence that shares a fund among recipients: the fund, then each recipient and its sum
# (2020年中央农村环境整治资金(统筹整合部分)皮山县58.97万元,墨玉县118.71万元,…).
_FUND_HEAD = re.compile(
    r"^(?P<name>[^，,。；;:：、]{4,60}?(?:资金|经费)(?:[(（][^()（）]{1,20}[)）])?)(?P<rest>.+)$"
)
_RECIPIENT_SHARE = re.compile(
    rf"^(?:下达|分配给|分配|拨付|安排给|安排)?(?P<who>[\u4e00-\u9fff]{{2,12}}?(?:省|市|县|区|旗|盟|州|苏木|嘎查|社区|{ORGANISATION_END}))"
    rf"\s*{_MONEY}$"
)


def _projects_after_qizhong(line: str, number: int) -> list[ListedProject]:
    """Projects set out after 其中 apart by semicolons, each its name and then its one sum and
    what else it is (其中:淮河镇…维修改造项目,资金80万元,建筑面积1254平方米;草店镇…改造项目,
    资金80万,…;…): two at least, every one so, else none."""
    after = re.split(r"其中\s*[:：]?", line, maxsplit=1)
    if len(after) < 2:
        return []
    listed = []
    for piece in re.split(r"[；;]", after[1].strip().rstrip("。")):
        name = re.split(r"[，,]", piece.strip(), maxsplit=1)[0]
        sums = [a for a in find_amounts(piece) if not is_rate(piece, a)]
        if not _PART_PROJECT.fullmatch(name) or len(sums) != 1 or sums[0].start < len(name):
            return []
        listed.append(
            ListedProject(
                name=name,
                line=number,
                lines=[number],
                amount=sums[0],
                amount_line=number,
                inferred=True,
                content=[piece.strip()],
            )
        )
    return listed if len(listed) >= 2 else []


def _sums_outside(lines: list[str], taken: set[int]) -> list[ParsedAmount]:
    """The sums ``lines`` state outside the lines in ``taken`` (1-based): where a list's total
    is said apart from its items (下达…资金210万元 above 甲镇70万元、…)."""
    return [
        amount
        for number, line in enumerate(lines, 1)
        if number not in taken
        for amount in find_amounts(line)
    ]


def _funds_by_recipient(lines: list[str]) -> list[ListedProject]:
    """Funds each shared among recipients in a sentence of its own (``2020年中央农村环境整治
    资金(统筹整合部分)皮山县58.97万元,墨玉县118.71万元,…。2020年自治区…资金…皮山县46万
    元,…。``): two funds at least, each a project whose recipients are its parts; its total the
    sum the text states elsewhere equal to its shares', else none. Named from prose, so
    flagged."""
    found: list[ListedProject] = []
    for index, line in enumerate(lines):
        for sentence in re.split(r"[。；;]", line):
            head = _FUND_HEAD.match(sentence.strip())
            if head is None:
                continue
            shares = [
                _RECIPIENT_SHARE.match(part.strip()) for part in re.split(r"[，,、]", head["rest"])
            ]
            if len(shares) < 2 or not all(shares):
                continue
            item = ListedProject(
                name=head["name"], line=index + 1, lines=[index + 1], inferred=True
            )
            item.content.append(sentence.strip())
            for share in shares:
                amount = find_amounts(share["amount"])[0]
                item.parts.append(
                    ListedProject(
                        name=share["who"],
                        line=index + 1,
                        lines=[index + 1],
                        amount=amount,
                        content=[share.group()],
                    )
                )
            found.append(item)
    if len(found) < 2:
        return []
    elsewhere = _sums_outside(lines, {item.line for item in found})
    for item in found:
        whole = sum(part.amount.value for part in item.parts)
        item.amount = next((a for a in elsewhere if a.value == whole), None)
        item.amount_line = item.line
        item.total_checked = item.amount is not None
    return found


# A sentence giving one sum to one named project (…发展资金40万元,用于旭光村稻甲综合种养基地
# 建设项目支出): the sum, then 用于 and the project.
_SUM_FOR_PROJECT = re.compile(
    rf"{_MONEY}\s*[，,]?\s*(?:专项|全部|主要)?用于(?P<name>[^，,。；;:：用]{{4,60}}?(?:项目|工程))"
    r"(?:支出|建设|实施)?\s*$"
)


def _sums_for_projects(lines: list[str]) -> list[ListedProject]:
    """Sentences each giving one sum to a project it names after 用于 (``现提前下达高升镇…资金
    40万元,用于旭光村…建设项目支出;提前下达珠溪镇…资金20万元,用于玉河村产业发展项目支出。``):
    two projects at least, named apart, each sentence stating no other sum. Named from prose, so
    flagged."""
    found: list[ListedProject] = []
    for index, line in enumerate(lines):
        for sentence in re.split(r"[。；;]", line):
            said = _SUM_FOR_PROJECT.search(sentence.strip())
            if said is None or len(find_amounts(sentence)) != 1:
                continue
            found.append(
                ListedProject(
                    name=said["name"],
                    line=index + 1,
                    lines=[index + 1],
                    amount=find_amounts(said["amount"])[0],
                    amount_line=index + 1,
                    content=[sentence.strip()],
                    inferred=True,
                )
            )
    names = {squash(item.name) for item in found}
    return found if len(found) >= 2 and len(names) == len(found) else []


def _wholes_of_groups(lines: list[str], groups: list[list[ListedProject]]) -> list[ListedProject]:
    """The headings over a list's groups as the projects, their groups' items as their parts,
    where each heading names a fund and states a sum its items make up (一、中央财政衔接资金
    (5273万元) over (一)支持产业发展2993.7万元 … (七)按1%提取项目管理费46.3万元): a fund
    shared among uses, not projects in groups. [] unless every group is so."""
    wholes = []
    for group in groups:
        number = group[0].line - 1
        while number > 0 and not lines[number - 1].strip():
            number -= 1
        heading = halfwidth(lines[number - 1]) if number > 0 else ""
        marker = _ANY_MARKER.match(heading)
        sums = find_amounts(heading)
        parts = sum(item.amount.value for item in group if item.amount is not None)
        if marker is None or len(sums) != 1 or sums[0].value != parts:
            return []
        name = heading[marker.end() : sums[0].start].strip(" ：:，,(（")
        # A fund (…资金, …基金) is shared among uses; a kind of project (老年人福利类共计12个
        # 项目) heads projects of its own.
        if not 2 <= len(name) <= 60 or not re.search(r"(?:资金|基金|经费)$", name):
            return []
        whole = ListedProject(
            name=name,
            line=number,
            lines=[number],
            amount=find_amounts(lines[number - 1])[0],
            amount_line=number,
            inferred=True,
            total_checked=True,
            parts=group,
            grouping=f"以其下{len(group)}项为子项目的整体",
        )
        whole.content.append(lines[number - 1].strip())
        whole.lines = sorted({number, *(n for item in group for n in item.lines)})
        wholes.append(whole)
    return wholes


def _under_heading(lines: list[str], first: int) -> bool:
    """Whether the list whose first item is on line ``first`` (1-based) follows a numbered
    heading of its own (二、省级财政衔接资金(5509万元)), as a group of a list does, rather than
    words that set it apart (去年已完成项目如下：)."""
    before = [line for line in lines[: first - 1] if line.strip()]
    return bool(before) and bool(_ANY_MARKER.match(halfwidth(before[-1])))


_NOTICE_AGAIN = re.compile(
    r"^\s*(?:请(?:各|广大|社会)|特此|以上(?:项目|公示|内容|资金)|附件|联系人|联系电话|监督电话|"
    r"举报电话|公示期|公示时间)"
)


@dataclass
class _Run:
    """Items numbered in one style, 1, 2, 3 …; inside an item of an outer run, or not."""

    style: str
    parent: ListedProject | None
    items: list[ListedProject] = field(default_factory=list)
    across: bool = False  # its numbering goes on under the next outer item (1 2 | 3 4 5)


_ANY_MARKER = re.compile(
    r"^\s*(?:[0-9]{1,3}\s*[.、．]|[（(]\s*(?:[0-9]{1,3}|[一二三四五六七八九十]{1,3})\s*[）)]"
    r"|[一二三四五六七八九十]{1,3}\s*[、.．])"
)
# A numbered field of a list's item: a short label and a colon (1、考核任务:…, 2、完成情况:…).
_FIELD = r"(?P<label>[\u4e00-\u9fff]{2,6})[:：]"
_FIELD_LINE = re.compile(
    r"^\s*(?:[0-9]{1,2}\s*[.、．]|[（(]\s*(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*[）)])"
    rf"\s*{_FIELD}"
)
# The item's own total in such a field (规划投资总额167万元), not what was spent of it.
_FIELD_TOTAL = re.compile(
    r"(?:(?:规划|计划)?(?:投资总额|总投资|项目总投资|资金总额|总预算)|(?:规划|计划)投资|投资计划)"
    r"\s*[:：为]?\s*"
)
_CALLED_A_PROJECT = re.compile(r"(?:项目|工程)$")
_LABEL_LINE = re.compile(
    r"^\s*(?:项目)?(?:总投资|投资|资金规模|投资规模|项目资金|资金|金额|预算|实施单位|责任单位|"
    r"建设单位|项目单位)"
)


def _numbered_items(lines: list[str]) -> list[ListedProject]:
    """Numbered items (1. （一） 一、), each naming a project, its money on its own line
    (``（一）2022年…厂房项目144万元（省级资金144万元）``) or on the lines below, among its
    description, on a line of its own led by a label (``资金规模:206.7万元``, ``投资:500万元
    实施单位:…``). An item's lines end at the next numbered line.

    Numbering that starts again at 1 starts another list; in another style, a list inside the
    item above. Inside items that restart it (（一）… 1、2、 （二）… 1、), the inner items are
    the outer project's parts (（一）安排产业发展项目资金… then 1、安排千万工程产业项目资金…);
    numbering that goes on under the next outer item ((1)… 1. 2. (2)… 3.) makes the inner items
    the projects and the outer ones headings of groups. The first list that states money for
    at least half of its two or more items is taken: a list running across groups first, then
    outer lists."""
    runs: list[_Run] = []
    open_runs: list[_Run] = []  # outermost first
    current: ListedProject | None = None
    for index, line in enumerate(lines):
        item = None
        for depth in range(len(open_runs) - 1, -1, -1):
            run = open_runs[depth]
            item = _item(line, index + 1, len(run.items) + 1, run.style)
            if item is not None:
                del open_runs[depth + 1 :]
                run.items.append(item)
                break
        if item is None:
            # Numbering going on under the next outer item: 3. after (2), when 1. 2. were
            # under (1).
            for run in reversed(runs):
                if run.parent is not None and run not in open_runs and run.items:
                    item = _item(line, index + 1, len(run.items) + 1, run.style)
                    if item is not None:
                        run.items.append(item)
                        run.across = True
                        open_runs.append(run)
                        break
        if item is None:
            item = _item(line, index + 1, 1)
            if item is not None:
                inner = [r for r in open_runs if r.style != item.style]
                parent = inner[-1].items[-1] if inner else None
                if parent is None:
                    open_runs = []
                run = _Run(item.style, parent, [item])
                runs.append(run)
                open_runs = [r for r in open_runs if r.style != item.style] + [run]
                if parent is not None:
                    parent.parts = run.items
        if item is not None:
            current = item
            continue
        if current is None or not line.strip():
            continue
        field = _FIELD_LINE.match(halfwidth(line))
        if field:
            # A numbered field of the item (1、考核任务:…,规划投资总额167万元。): its text,
            # and its total where a label says so.
            current.lines.append(index + 1)
            current.content.append(line.strip())
            total = _FIELD_TOTAL.search(halfwidth(line))
            amount = sum_after(line, total.end()) if total else None
            if amount is not None and current.amount is None:
                current.amount, current.amount_line = amount, index + 1
            continue
        if _ANY_MARKER.match(halfwidth(line)) or _NOTICE_AGAIN.match(line):
            # A numbered line of another kind (三、公示期限) ends the item, and so does the
            # notice speaking again (请各实施单位…, 特此公告, 联系电话:…).
            current = None
            continue
        normal = halfwidth(line)
        # Money and unit are read from a line a label leads (资金规模:…, 投资:… 实施单位:…);
        # the item's description around them is kept as its content.
        labelled = _LABEL_LINE.match(normal) and len(normal.strip()) <= 100
        amount = _ITEM_AMOUNT.search(normal) if labelled else None
        unit = _ITEM_UNIT.search(normal) if labelled else None
        current.lines.append(index + 1)
        current.content.append(line.strip())  # kept as written, the money's line too
        if amount and current.amount is None:
            found = find_amounts(line[amount.end() :])
            current.amount = found[0] if found else None
            current.amount_line = index + 1
        elif not labelled and current.amount is None and _CALLED_A_PROJECT.search(current.name):
            # Told in its prose, a project's money is the sum a total's label leads (…按照实施
            # 方案投资计划为1539.87万元,…实际投资金额为1599.9万元,…分配补助资金400万元); an
            # item not named as a project may be a part of one (一、贫困精神残疾人药费补助).
            total = _FIELD_TOTAL.search(normal)
            current.amount = sum_after(line, total.end()) if total else None
            current.amount_line = index + 1 if current.amount else 0
        if unit and not current.unit:
            current.unit = single_value(line[unit.start() :], "unit")[0]
    ordered = (
        [r for r in runs if r.across]
        + [r for r in runs if r.parent is None]
        + [r for r in runs if r.parent is not None and not r.across]
    )

    def listed_money(run: _Run) -> bool:
        # A list of projects states money for them: plain numbered paragraphs do not.
        with_money = [item for item in run.items if item.amount is not None]
        return len(run.items) >= 2 and len(with_money) >= len(run.items) / 2

    for run in ordered:
        if run.parent is None and _kinds_over_projects(run):
            # 一、群众体育 143.65万元 (一)…(五): the kinds' items are the projects, a guess
            # staff are told of (道路养护 over 材料购置, 人工劳务 would be one project).
            for item in run.items:
                for part in item.parts:
                    part.grouping = f"“{item.name}”下的一项"
            continue
        if listed_money(run):
            items = list(run.items)
            groups = [run.items]
            if not run.across:
                # Lists of the same kind under the next headings (一、中央资金 (一)…(六)
                # 二、省级资金 (一)…(六)) are the same list in groups: none is left out.
                later = runs[runs.index(run) + 1 :]
                for other in later:
                    # (a group of one item counts when its item states its money)
                    if (
                        other.style != run.style
                        or not all(item.amount is not None for item in other.items)
                        or not _under_heading(lines, other.items[0].line)
                    ):
                        break
                    items += other.items
                    groups.append(other.items)
                wholes = _wholes_of_groups(lines, groups)
                if wholes:
                    return wholes
            for item in items:
                item.lines = sorted({n for part in [item, *item.parts] for n in part.lines})
                if run.across:
                    item.parts = []
            return items
    return []


# A kind of spending, not a project: short and general (群众体育, 竞技体育), or said to be one
# (产业发展类, 基础设施方面).
_KIND_OF_SPENDING = re.compile(r"^(?:[\u4e00-\u9fff]{2,6}|.{2,16}(?:类|方面))$")


def _kinds_over_projects(run: _Run) -> bool:
    """Whether ``run``'s items read as kinds of spending over lists of projects with their
    money: every item named as a kind, none a project's word (…项目, …工程), each with two
    parts or more that state their money. The parts' being projects is not checked (道路养护
    over 材料购置, 人工劳务 reads so too): the split is a guess, flagged (``grouping``)."""
    return len(run.items) >= 2 and all(
        _KIND_OF_SPENDING.match(item.name)
        and not _PROJECT_WORD.search(item.name)
        and len(item.parts) >= 2
        and all(part.amount is not None for part in item.parts)
        for item in run.items
    )


_BARE_MARKER = re.compile(
    r"\s*(?P<n>[0-9]{1,3})(?=[\u4e00-\u9fff])"
    # a date, a sum, a figure's magnitude or a count, not a marker (2024年, 3千米, 20台)
    rf"(?![年月日号万亿元千百条]|{COUNT_UNITS})\s*"
)


def _item(line: str, number: int, n: int, style: str | None = None) -> ListedProject | None:
    """Item ``n`` of a list if ``line`` opens it with a project's name: alone, or followed by
    its amount and a note (``…厂房项目144万元（省级资金144万元）``)."""
    found_marker = marker_at_start(line, n, style)
    if found_marker is None and style in (None, "arabic"):
        # A marker that lost its 、: in a list going on (6资助新建改造老年活动室项目320万元),
        # or opening one with a project and its money (1前进区…配套项目计划投资314.51万元…).
        # Either way the item must read as a project with its money: a wrapped line of the
        # item above (3千米长的供水主管…) opens nothing.
        bare = _BARE_MARKER.match(halfwidth(line))
        opens = "项目" in line and bool(find_amounts(line))
        if bare and int(bare.group("n")) == n and (style == "arabic" or n == 1) and opens:
            found_marker = ("arabic", bare)
    if found_marker is None:
        return None
    kind, marker = found_marker
    rest = line[marker.end() :].strip()
    normal = halfwidth(rest)
    field = re.match(_FIELD, normal)
    if field and not _PROJECT_WORD.search(field.group("label")):
        return None  # 1、考核任务:…: a field of the item above, not an item
    labelled = _NAME_COLON_MONEY.match(normal)
    if labelled:
        # 1.叶城县…建设项目(ycssmz202601):投资340万元,本次安排资金310万元。建设内容:…: the
        # name, its code, and after the colon its money and description (kept as content).
        found = [a for a in find_amounts(rest) if a.start == labelled.start("amount")]
        item = ListedProject(
            name=labelled.group("name").strip(),
            line=number,
            lines=[number],
            amount=found[0] if found else None,
            style=kind,
        )
        item.content.append(rest)
        return item
    described = _NAME_THEN_DESCRIPTION.match(normal)
    if (
        described
        and not _NOT_A_PROJECT.search(described.group("name"))
        and not HEADING_LIKE.search(described.group("name"))
        and classify_heading(described.group("name")) is None
    ):
        # 1、牲畜棚圈建设。新建牲畜棚圈3382座,每座补助10000元,投入资金3382万元,…: a short
        # name, then what it is, its money under a label; several such sums are no one total.
        sums = _described_sums(rest, described.end())
        worded = _PROJECT_WORD.search(described.group("name"))
        if (sums and (worded or len(described.group("name")) <= 12)) or (
            worded and len(rest) > 120
        ):
            item = ListedProject(
                name=described.group("name").strip(),
                line=number,
                lines=[number],
                amount=sums[0] if len(sums) == 1 else None,
                style=kind,
            )
            if len(sums) > 1:
                item.amount_cell = "、".join(amount.text for amount in sums)
            item.content.append(rest)
            return item
    if not rest or _ITEM_AMOUNT.match(normal) or len(rest) > 120:
        return None
    found = find_amounts(rest)
    spent = _SPENT_ON.match(rest)
    if spent and found and found[0].start == spent.start("amount"):
        # 投入57万元用于坛洛镇…建设项目，由坛洛镇牵头实施。: the money, then what it is for.
        name = spent.group("name").strip()
        # A note after the name goes to its content (…村集体经济项目(定点帮扶资金)).
        name = re.sub(r"(?<=项目)[(（][^()（）]*[)）]$", "", name)
        item = ListedProject(
            name=name.rsplit("的", 1)[-1] if name.endswith("项目") else name,
            line=number,
            lines=[number],
            amount=found[0],
            style=kind,
        )
        unit = _BY_UNIT.search(rest, spent.end())
        if unit:
            item.unit = unit.group("unit")
        item.content.append(rest)
        return item
    then = _NAME_THEN_MONEY.match(rest)
    if then and found and found[0].start == then.start("amount"):
        # 双定镇项目管理费，计划投入20万元.
        item = ListedProject(
            name=then.group("name").strip(),
            line=number,
            lines=[number],
            amount=found[0],
            style=kind,
        )
        item.content.append(rest)
        return item
    if found and _prose_paragraph(rest, found):
        return None  # read as a paragraph of prose (_numbered_paragraphs)
    if found:
        # The name is what comes before its money, written as a name: no clause, no label;
        # a count after it goes (大同区农村道路改造项目1个,1600万元).
        name = re.sub(r"[0-9一二三四五六七八九十]+个[，,]?$", "", rest[: found[0].start].strip())
        # A bracket the money sits in is a note, not part of the name: …建设项目(计划投入
        # 东西部帮扶资金1200万元) is named …建设项目.
        name = re.sub(r"\s*[(（][^()（）]*$", "", name)
        # A share drawn at a rate is named by what it is (按1%提取项目管理费 → 项目管理费).
        name = re.sub(r"^按照?[0-9.]+%(?:的比例)?(?:提取|计提|列支|安排)", "", name)
        if (
            not 4 <= len(name) <= 80
            or re.search(r"[，,。；;：:×xX*✕=+]", name)  # a clause or a calculation, no name
            or re.match(r"每|按照?", name)  # 每个示范点120万元: a rate, not a project's money
            or not re.search(r"[\u4e00-\u9fff]{2}", name)
            or _NOT_A_PROJECT.search(name)
        ):
            return None
        item = ListedProject(
            name=_item_name(name), line=number, lines=[number], amount=found[0], style=kind
        )
        # The item as written is kept (安排…资金 around the name, the note after the money).
        item.content.append(rest)
        return item
    if (
        len(rest) > 80
        or re.search(r"[:：]", rest)
        # A clause (按照…分配资金,补齐…短板; 资金不得用于…) is a rule, not a project's name.
        or re.search(r"[，,。；;]", rest.rstrip(" 。;；"))
        or re.search(r"不得|严禁|禁止", rest)
        or HEADING_LIKE.search(rest)
        or classify_heading(rest) is not None
    ):
        return None  # 1.项目名称:… is a form's row, 一、资金分配情况 and 二、项目总投资 headings
    return ListedProject(name=rest.strip(" 。;；"), line=number, lines=[number], style=kind)


def _prose_paragraph(rest: str, found: list[ParsedAmount]) -> bool:
    """Whether an item's words are prose whose first sum is not its money but a source of
    money, then what it is for (…衔接资金60万元拟用于真武村…)."""
    return bool(re.match(r"\s*(?:拟|计划|将)?用于", rest[found[0].end :]))


# What an item names when it is a source of money or a period, not a project (中央财政衔接资金
# 300万元, 县级配套资金, 一季度支出120万元).
_NOT_A_PROJECT = re.compile(
    rf"^{SOURCE_OF_MONEY}$|^财政[^项]*(?:资金|拨款|补助)$"
    r"|^(?:[一二三四1-4]季度|上半年|下半年|全年|[0-9]{1,2}月)"
    r"|(?:资金来源|支出情况|执行情况)$"
)
_SPENT_ON = re.compile(
    rf"^(?:计划)?(?:投入|安排|下达|拨付|下拨)(?:资金)?\s*{_MONEY}\s*(?:用于|支持)"
    r"(?P<name>[^，,。；;:：]{2,80})"
)
_NAME_THEN_MONEY = re.compile(
    rf"^(?P<name>[^，,。；;:：]{{2,60}})[，,]\s*(?:计划|预计|拟)?(?:投入|安排|下达)(?:资金)?\s*{_MONEY}"
)
# A project's name (its code in brackets), a colon or full stop, then its money (label, verb).
# 1.…项目(ycssmz202601):投资340万元; 1、…贴息项目。拟安排资金3万元,对….
_NAME_COLON_MONEY = re.compile(
    r"^(?P<name>[^，,。；;:：]{4,80}?项目)(?:[(（][0-9A-Za-z_\-]{1,30}[)）])?\s*[:：。，,]\s*"
    r"(?:(?:拟|计划)?(?:安排|投入|下达|使用)(?:资金)?|(?:项目)?(?:总投资|投资|资金|金额|预算)(?:规模)?)"
    rf"\s*[:：为]?\s*{_MONEY}"
)
# A list item's short name and the full stop or colon after it (1、禽舍建设。修建禽舍1711座…).
_NAME_THEN_DESCRIPTION = re.compile(
    r"^(?P<name>[\u4e00-\u9fff][^，,。；;:：()（）0-9]{1,28})[。:：]"
)
# The words a project's short name ends with; any other short name (购置缝纫机, 葡萄架搭建)
# is one when its description states its money.
_PROJECT_WORD = re.compile(
    r"(?:项目|建设|工程|补助|养殖|种植|改造|提升|扶持|奖补|培训|服务|设施|经费)$"
)
# What states an item's own money inside its description.
_DESCRIBED_MONEY = re.compile(
    r"(?:投入|安排|补助|项目|总)?(?:资金|投资)(?:规模|总额)?\s*[:：为]?\s*"
)


def _described_sums(text: str, start: int = 0) -> list[ParsedAmount]:
    """The sums ``text`` states under a money label from ``start`` on (投入资金3382万元,
    总投资3715万元), never a rate."""
    return [
        amount
        for label in _DESCRIBED_MONEY.finditer(halfwidth(text), start)
        if (amount := sum_after(text, label.end(), reach=20)) is not None
    ]


_BY_UNIT = re.compile(r"由(?P<unit>[^，,。；;]{2,30}?)(?:牵头|负责)*实施")


def _item_name(words: str) -> str:
    """A project's name in the words before its money: 安排产业发展项目资金 → 产业发展项目;
    …配套项目计划投资 → …配套项目; 下达通川区…扶贫资金 → 通川区…扶贫资金."""
    name = re.sub(r"^(?:安排|用于|资助(?:本[区县市镇]?)?|(?:提前)?下达|拨付|下拨)", "", words)
    # The money the item spends, named before it: 本级体育彩票公益金用于全民健身支出.
    name = re.sub(r"^[^，,。]{0,20}?(?:资金|公益金|经费)用于", "", name)
    name = re.sub(
        r"(?<=项目)(?:(?:本次|本批|今年)?(?:计划|拟)?(?:总投资|投资|投入|安排)(?:资金)?|资金|经费)$",
        "",
        name,
    )
    return name or words


# An item of a list run on in one sentence: 一是建设…,预计投入资金87万元;二是….
_RUN_ON_MARKER = re.compile(r"(?P<n>[一二三四五六七八九十])是")


def _prose_item(name: str, amount: ParsedAmount, part: str, line: int, style: str) -> ListedProject:
    """A project named in a sentence of prose with its one sum (both flagged for staff as
    read from prose), the sentence kept as its content."""
    return ListedProject(
        name=name,
        line=line,
        lines=[line],
        amount=amount,
        amount_line=line,
        style=style,
        inferred=True,
        content=[part.strip(" ；;。")],
    )


def _run_on_items(lines: list[str]) -> list[ListedProject]:
    """Projects listed after 一是, 二是, 三是 …, in one sentence or a line each, each with its
    money under a label (拟建3个项目:一是建设赫哲文化传承展示中心,预计投入资金87万元;二是…;
    一是用于雨露计划项目增加衔接资金18.75万元; / 二是用于…): named by the project its words
    name (…项目), else by the words up to their first comma; both flagged as read from prose.
    The markers must run 一, 二, 三 … and each item state one sum; else nothing is read."""
    for parts in _run_on_parts(lines):
        items = []
        for number, part in parts:
            named = _named_project(part)
            first = re.split(r"[，,；;。]", part, maxsplit=1)[0].strip()
            name = _LEAD_WORDS.sub("", named.group("name")) if named else first
            # Under a money label (预计投入资金87万元), else the one sum after a project's name
            # (用于第二批道路建设项目892.13万元) or ending the item's words (下达宣汉县…省道
            # 3800万元).
            spent = [a for a in find_amounts(part) if not is_rate(part, a)]
            ends = len(spent) == 1 and not part[spent[0].end :].strip(" ；;。，,")
            sums = _described_sums(part) or (spent if named or ends else [])
            if not named and ends:
                name = _paragraph_name(first)
            if not 2 <= len(name) <= 60 or len(sums) != 1 or _A_STANDARD.search(part):
                break
            items.append(_prose_item(name, sums[0], part, number, "run-on"))
        else:
            return items
    return []


# What a standard of support says, not a project (对新建50亩以上茶园的经营主体一次性奖补2万元,
# 每户补助…, 最高不超过…).
_A_STANDARD = re.compile(r"^\s*对|每|一次性|标准|不超过|最高|不低于")


def _run_on_parts(lines: list[str]) -> list[list[tuple[int, str]]]:
    """The lists after 一是, 二是 … of ``lines``, two items at least: those in one line, and
    those of lines that each open with the next marker; each part with its line (1-based)."""
    found: list[list[tuple[int, str]]] = []
    run: list[tuple[int, str]] = []
    for number, line in enumerate(lines, 1):
        markers = list(_RUN_ON_MARKER.finditer(line))
        if len(markers) >= 2 and [m.group("n") for m in markers] == [
            chinese_number(n) for n in range(1, len(markers) + 1)
        ]:
            ends = [m.start() for m in markers[1:]] + [len(line)]
            found.append(
                [(number, line[m.end() : end]) for m, end in zip(markers, ends, strict=True)]
            )
            continue
        # 一、下达宣汉县…3800万元; 二、下达达川区…36万元。: numbered items run on in one line
        items = split_numbered(line, at="clause")
        if len(items) >= 2 and items[0].start == len(line) - len(line.lstrip()):
            found.append([(number, line[item.body_start : item.end]) for item in items])
            continue
        opening = _RUN_ON_MARKER.match(line.strip())
        if opening and opening.group("n") == chinese_number(len(run) + 1):
            run.append((number, line.strip()[opening.end() :]))
            continue
        if len(run) >= 2:
            found.append(run)
        run = [(number, line.strip()[opening.end() :])] if opening and opening["n"] == "一" else []
    if len(run) >= 2:
        found.append(run)
    return found


# The words that make a paragraph's sum its total (以上合计投入…60万元, 整个项目预计投入…,
# 项目总投资…58万元), not a part of it.
_PARAGRAPH_TOTAL = re.compile(r"(?:合计|共计|总计|整个项目|总投资)[^，,。；;0-9]{0,20}$")
# Where a paragraph's project is named: the words before 项目 after what is done for it
# (为蔡金镇中心村安装稻田智能化灌排系统项目), else the paragraph's first clause.
_PARAGRAPH_PROJECT = re.compile(
    r"(?:^|[为对在]|用于|实施)(?P<name>[^，,。；;:：为对在]{4,40}?项目)"
)
_LEAD_WORDS = re.compile(r"^(?:拟|计划|预计|提前)?(?:用于|对|为|在|实施|安排|下达|拨付)")


def _numbered_paragraphs(lines: list[str]) -> list[ListedProject]:
    """Paragraphs numbered 1, 2, 3 … (any style), each a project told in prose with its money
    (``1.第二批中央…资金60万元拟用于真武村…维修整治,投入资金10万元;对真武村环线950米进行
    黑化,预计投入资金50万元;以上合计投入…60万元。``): two at least, every one stating a sum.

    Each is named by the project its words name (…项目), else by its first clause; both name and
    money are flagged as read from prose. Its money is the sum its words call the total (合计,
    整个项目, 总投资), else its one sum; the other sums, when they make up that total, are its
    parts (sub-items). Several sums that make up no stated total leave the money empty."""
    for parent, items in _paragraph_runs(lines):
        # Each opens with its money on its numbered line: a heading (一、项目资金使用情况)
        # over paragraphs is an outline, not a list; so are paragraphs under one ((六)资金
        # 安排情况 1.…), and sources of money (1.中央财政衔接资金300万元) are no projects.
        if (
            len(items) < 2
            or not all(find_amounts(item.content[0]) for item in items)
            or (parent is not None and _a_heading(parent.content[0]))
        ):
            continue
        elsewhere = _sums_outside(lines, {number for item in items for number in item.lines})
        if all(_paragraph_project(item, elsewhere) for item in items) and not any(
            _NOT_A_PROJECT.search(item.name) for item in items
        ):
            return items
    return []


def _a_heading(words: str) -> bool:
    """Whether a numbered line's words are a section's heading (项目名称：…, 资金安排情况)."""
    head = re.split(r"[:：]", words, maxsplit=1)[0].strip()
    return len(head) <= 16 and bool(HEADING_LIKE.search(head) or classify_heading(head))


def _paragraph_runs(lines: list[str]) -> list[tuple[ListedProject | None, list[ListedProject]]]:
    """The runs of numbered paragraphs of ``lines``, in the order they start, each with the
    item it sits in (or None): a run's items
    are numbered 1, 2, 3 … in one style, a run in another style may sit inside an item (一、…
    (一)… (二)… 二、…), and an item's paragraph runs on over the unnumbered lines after it
    until a blank line, a numbered line or the notice speaking again (特此公告)."""
    runs: list[tuple[ListedProject | None, list[ListedProject]]] = []  # (its parent, items)
    open_runs: list[list[ListedProject]] = []  # outermost first
    for index, line in enumerate(lines):
        item = None
        for depth in range(len(open_runs) - 1, -1, -1):
            run = open_runs[depth]
            found = marker_at_start(line, len(run) + 1, run[0].style)
            if found is not None:
                del open_runs[depth + 1 :]
                item = _paragraph(line, index, found)
                run.append(item)
                break
        if item is None and (found := marker_at_start(line, 1)) is not None:
            item = _paragraph(line, index, found)
            # Its parent is the item above it, of the same style too (5.项目实施内容: 1.…).
            parent = open_runs[-1][-1] if open_runs else None
            open_runs = [run for run in open_runs if run[0].style != item.style]
            runs.append((parent, [item]))
            open_runs.append(runs[-1][1])
        if item is not None:
            continue
        last = open_runs[-1][-1] if open_runs else None
        if (
            last is not None
            and line.strip()
            and last.lines[-1] == index  # the line right after the paragraph's last
            and not _NOTICE_AGAIN.match(line)
            and not _ANY_MARKER.match(halfwidth(line))
        ):
            last.lines.append(index + 1)
            last.content.append(line.strip())
        elif line.strip():
            open_runs = []  # the text goes on: the runs end
    return runs


def _paragraph(line: str, index: int, found: tuple[str, re.Match]) -> ListedProject:
    style, marker = found
    return ListedProject(
        name="",
        line=index + 1,
        lines=[index + 1],
        style=style,
        content=[line[marker.end() :].strip()],
    )


def _paragraph_project(item: ListedProject, elsewhere: list[ParsedAmount]) -> bool:
    """Name ``item``, a numbered paragraph, and give it its money and parts; False when it
    states no sum. ``elsewhere`` are the sums the text states outside the paragraphs: one equal
    to the parts of an allocation that states no total (…分配为:西小召镇70万元、乌拉山镇70万元
    和沙德格苏木70万元) is its total."""
    words = " ".join(item.content)
    # A sum in brackets is a note on the one before it (1330万元(其中:…30万元)), no part.
    sums = [
        amount
        for amount in find_amounts(words)
        if not is_rate(words, amount) and not _in_brackets(words, amount.start)
    ]
    if not sums:
        return False
    named = _named_project(words)
    first = re.split(r"[，,。；;]", words, maxsplit=1)[0]
    name = _LEAD_WORDS.sub("", named.group("name")) if named else _paragraph_name(first)
    if not 2 <= len(name) <= 60:
        return False
    item.name, item.inferred, item.amount_line = name, True, item.line
    labelled = [a for a in sums if _PARAGRAPH_TOTAL.search(_clause_to(words, a.start))]
    allocation = _ALLOCATED.search(words)
    total = None
    if labelled:
        total = labelled[0]
    elif len(sums) == 1 or (not allocation and len(sums) == 2 and sums[0].value == sums[1].value):
        total = sums[0]  # (下达资金100万元…用于…投入100万元: said twice)
    elif not allocation and sum(a.value for a in sums[1:]) == sums[0].value:
        total = sums[0]  # 资金60万元…投入10万元…投入50万元: the first, then its parts
    if total is None and allocation:
        # Money shared out after a colon (分配为:A1330万元;B800万元…): each sum a recipient's.
        shares = [a for a in sums if a.start > allocation.end()]
        item.parts = [_paragraph_part(words, a, item) for a in shares]
        whole = sum(a.value for a in shares)
        total = next((a for a in elsewhere if a.value == whole), None)
        item.total_checked = total is not None
    if total is None:
        if not item.parts:
            item.amount_cell = "、".join(a.text for a in sums)
        return True
    item.amount = total
    parts = [a for a in sums if a.value != total.value]
    if not item.parts and len(parts) >= 2 and sum(a.value for a in parts) == total.value:
        item.parts = [_paragraph_part(words, a, item) for a in parts]
    return True


# Money shared out among recipients after a colon: 分配为:, 具体分配如下:, 安排如下:.
_ALLOCATED = re.compile(r"(?:分配|安排|下达|拨付)(?:为|如下|情况)?[:：]")


def _in_brackets(words: str, at: int) -> bool:
    """Whether position ``at`` of ``words`` is inside brackets."""
    before = words[:at]
    return before.count("(") + before.count("（") > before.count(")") + before.count("）")


def _named_project(words: str) -> re.Match | None:
    """The first project ``words`` name (…项目), its name holding no sum (中央衔接资金30万元拟用于
    东村道路硬化项目 names 东村道路硬化项目)."""
    return next(
        (m for m in _PARAGRAPH_PROJECT.finditer(words) if not find_amounts(m.group("name"))),
        None,
    )


def _paragraph_name(words: str) -> str:
    """A name from prose: what the money is for (用于…), up to a sum, a rate or its standard
    (…群众按照每人300-1200元标准 → …群众), without the count it ends with (…通组道路600米 →
    …通组道路)."""
    # What the money is for names it, not the money (…资金60万元拟用于真武村… → 真武村…).
    words = _LEAD_WORDS.sub("", words.split("用于", 1)[-1])
    name = re.split(
        r"[0-9０-９.,，]+\s*(?:万元|元|亿元)|按照|按每|每人|每户|标准|(?:具体)?分配(?:为|如下)?[:：]",
        words,
    )[0]
    return re.sub(r"[0-9０-９][0-9０-９.]*\s*[\u4e00-\u9fff]{0,2}$", "", name).strip()


def _clause_to(words: str, end: int) -> str:
    """The words of ``words`` from the last comma or stop before ``end`` up to it."""
    start = max(words.rfind(stop, 0, end) for stop in "，,。；;") + 1
    return words[start:end]


def _paragraph_part(words: str, amount: ParsedAmount, item: ListedProject) -> ListedProject:
    """A part of a paragraph's money: its words up to its sum from the stop, colon, 、 or sum
    before them, named by their first clause."""
    start = max(words.rfind(stop, 0, amount.start) for stop in "；;。:：、") + 1
    before = [a for a in find_amounts(words[: amount.start]) if a.end > start]
    if before:
        start = before[-1].end  # 西小召镇70万元和沙德格苏木70万元: after the sum before it
    text = re.sub(r"^[和及与]", "", words[start : amount.end].strip(" ，,"))
    first = re.split(r"[，,]", text, maxsplit=1)[0]
    named = _named_project(first)
    name = named.group("name") if named else _paragraph_name(first)
    return ListedProject(
        name=name[:60] or item.name,
        line=item.line,
        lines=[item.line],
        amount=amount,
        style=item.style,
        content=[text],
    )


# What a project named in prose then does: the name is the words before it (泽库县第一民族中学
# 主要建设总图工程…).
_DOES = re.compile(r"主要建设|计划建设|建设|新建|改建|扩建|改造|实施|用于|购置|开展")


def _semicolon_items(lines: list[str]) -> list[ListedProject]:
    """Projects run on in one paragraph, set apart by semicolons, each its name, what it does
    and one sum under a label (泽库县城关第二寄宿制完小主要建设校舍10291平方米…,总投资3715万元;
    泽库县民族中学西部分校主要建设…,总投资2620万元; …): three at least, every part so, else
    nothing is read. Named by the words before what it does; both flagged as read from
    prose."""
    for number, line in enumerate(lines, 1):
        parts = [part for part in re.split(r"[；;]", line) if part.strip(" 。")]
        if len(parts) < 3:
            continue
        items = []
        for part in parts:
            normal = halfwidth(part)
            does = _DOES.search(normal)
            name = part[: does.start()].strip() if does else ""
            sums = _described_sums(part)
            if not sums:
                # …主要建设校舍2354平方米,706万元: the one sum the part states, not a rate.
                sums = [a for a in find_amounts(part) if not a.per and not rate_at(part, a.start)]
            if (
                not 4 <= len(name) <= 40
                or re.search(r"[，,:：。0-9]", name)
                or re.match(r"每|按|根据|其中|对", name)
                or len(sums) != 1
            ):
                break
            items.append(_prose_item(name, sums[0], part, number, "semicolon"))
        else:
            return items
    return []


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
        cells = [cell for cell in _cells(text) if cell.strip()]
        if not cells or _TOTAL_ROW.match(squash(cells[0])):
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
