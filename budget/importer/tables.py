"""Tables flattened into text, and single values read out of them without their neighbours.

Government sites and office exports flatten a table three ways: one cell per line ending in
``|`` (``项目名称 |`` then ``农村文化建设配套补助经费 |``), with runs of bare ``||||`` where
empty cells were; one row per line with cells between `` | `` (how :mod:`sourcefiles` writes
a Word or PDF table); or one row per line with cells apart by runs of spaces. :func:`unflatten`
removes the cell debris line for line (the line count stays, so findings still point at the
input's lines); :func:`single_value` takes one field's value out of a line that may hold its
label and the next cells (``项目名称 X 项目分类 Y``, ``项目责任单位:庄浪县农业农村局``).

Pure Python, no Django.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from decimal import Decimal

from ..amounts import UNIT_MULTIPLIERS, find_amounts
from ..normalize import halfwidth, squash

_ONLY_BARS = re.compile(r"^[\s|｜]*$")
_EDGE_BARS = re.compile(r"^[\s|｜]+|[\s|｜]+$")

# Labels of the cells that sit beside a value in project forms (申报表, 绩效目标表, 公示):
# what follows one of them on the same line is the next cell, not part of the value.
CELL_LABELS = (
    "项目名称",
    "转移支付(项目)名称",
    "项目编码",
    "项目代码",
    "项目分类",
    "项目类别",
    "项目类型",
    "项目属性",
    "项目性质",
    "项目来源",
    "项目期",
    "项目周期",
    "项目负责人",
    "负责人",
    "责任人",
    "联系人",
    "联系电话",
    "联系方式",
    "主管部门",
    "中央主管部门",
    "地方主管部门",
    "项目主管部门",
    "主管单位",
    "项目主管单位",
    "预算单位",
    "实施单位",
    "资金使用单位",
    "申报单位",
    "责任单位",
    "建设单位",
    "项目单位",
    "实施地点",
    "建设地点",
    "实施期限",
    "建设期限",
    "起止时间",
    "资金来源",
    "资金性质",
    "项目资金",
    "年度资金总额",
    "预算金额",
    "申请资金",
    "所属",
    "二级项目代码",
)
_NEXT_CELL = re.compile(
    r"\s*(?:[|｜]|\s{2,}|(?<=\s)(?:" + "|".join(CELL_LABELS) + r")(?:及代码)?\s*[:：]?"
    # cells run on in a sentence: 项目名称:X,建设性质:新建;建设地址:…; 项目名称。X。项目代码:…
    r"|[，,；;。]\s*[\u4e00-\u9fff]{2,6}[:：]"
    # or apart by a space, each its label and colon: 项目名称: X 是否为专项资金: …
    r"|(?<=\s)[\u4e00-\u9fff]{2,10}[:：]"
    # the project's code after its name: …产业项目(项目代码:2111-500236-04-05-191177)
    r"|[（(]\s*(?:项目)?(?:代码|编码|编号)\s*[:：])"
)
# A value's own label in front of it: 项目责任单位:X, 实施单位 X.
_OWN_LABEL = {
    "name": re.compile(r"^(?:项目)?名称\s*[:：]?\s*"),
    "unit": re.compile(
        r"^(?:项目)?(?:实施|责任|承担|申报|建设)?(?:单位|主体)(?:及(?:责任人|负责人))?\s*[:：]\s*"
        # (said in a sentence: 本项目业主为…, 项目实施单位为…)
        r"|^(?:本|该|[^，,。；;:：]{2,40}?)?项目(?:业主|法人|实施单位|建设单位)(?:单位)?(?:为|是)\s*"
    ),
}
_HAS_WORD = re.compile(r"[\u4e00-\u9fffA-Za-z]")
_STAMP = re.compile(r"^[(（]\s*(?:盖章|公章|签章|章)\s*[)）]\s*")
ORGANISATION_END = (
    r"(?:局|委|委员会|办|办公室|厅|部|院|中心|政府|所|站|队|馆|会|社|处|室|团|校|学|公司|集团|"
    r"街道|镇|乡|村委会|管委会|分局|领导小组|残联|妇联|工商联|侨联|文联|科协)"
)
"""How a unit's name ends (…农业农村局, …人民政府, …管委会): the one list for every rule that
asks whether words name a unit."""
# Of those, how a department of government's name ends, never a place's (将军营镇) or a
# school's: what signs a text.
DEPARTMENT_END = r"(?:局|委|委员会|办公室|厅|部|中心|政府)"
# A unit followed by a person (实施单位及责任人：塔秀乡人民政府昂青夫; 汝州市农业农村局 耿向南).
_UNIT_AND_PERSON = re.compile(
    rf"^(?P<unit>.+?{ORGANISATION_END})\s*(?P<person>[\u4e00-\u9fff]{{2,4}})$"
)
# A unit whose cell runs on into a sentence about it (卢村乡人民政府根据行动方案明确职责:…).
_UNIT_THEN_CLAUSE = re.compile(
    rf"^(?P<unit>[^，,。；;:：]{{2,30}}?{ORGANISATION_END})"
    r"(?=(?:根据|按照|依据|负责|牵头|联合|作为|结合|通过|会同|协调|统筹|明确|具体)"
    r"(?![部局委办室处科所站]))"
)


_CJK_END = re.compile(r"[\u4e00-\u9fff（(]$")
_CJK_START = re.compile(r"^[\u4e00-\u9fff（()）]")
_FIRST_ROW = re.compile(r"^0*1[.、．]?$")
NUMBER_HEADING = re.compile(r"^(?:项目)?(?:序号|编号|选号)$")
"""The heading of a table's row numbers (on squashed text)."""
TOTAL_OF = r"(?:全(?:省|市|州|县|区|旗)|项目|资金)?"
"""What a total's row may name before its 合计: the whole place (全县), its projects, its money."""
TOTAL_ROW = re.compile(
    rf"^{TOTAL_OF}(?:合计|小计|总计|共计)"
    # (a place's subtotal, the cell all of it: 浙江省合计, 杭州市合计, 城关镇小计)
    r"|^[\u4e00-\u9fff]{1,10}(?:省|市|州|县|区|旗|盟|镇|乡)(?:合计|小计|总计)$"
)
"""How a total's row opens (on squashed text): 合计, 小计 …, 项目合计, or a place's 杭州市合计;
never a project."""


def _bar_cells(lines: list[str], bars: list[int]) -> list[tuple[list[int], str]]:
    """The cells of a table flattened one cell a line with each bar on a line of its own
    (``序号`` ``|`` ``名称`` ``|`` …): the cell before the first bar, then what stands between
    two bars (the lines a cell wrapped over joined: ``农村最低`` ``生活保障``; nothing, an empty
    cell), each with its lines."""
    first = next((i for i in range(bars[0] - 1, -1, -1) if lines[i].strip()), None)
    cells = [([first], lines[first].strip())] if first is not None else []
    for before, after in itertools.pairwise(bars):
        inside = [i for i in range(before + 1, after) if lines[i].strip()]
        joined = ""
        for i in inside:
            piece = lines[i].strip()
            glue = (
                "" if not joined or (_CJK_END.search(joined) and _CJK_START.match(piece)) else " "
            )
            joined += glue + piece
        cells.append((inside, joined))
    return cells


def _bar_blocks(lines: list[str]) -> Iterator[list[int]]:
    """Runs of lines of bare ``|`` a few lines apart with no other bar between them."""
    block: list[int] = []
    for i, line in enumerate(lines):
        if "|" not in line and "｜" not in line:
            continue
        if _ONLY_BARS.match(line) and line.strip() in ("|", "｜"):
            if block and i - block[-1] > 8:
                yield block
                block = []
            block.append(i)
        else:
            # A cell with its own bar (``20 |``): a bare bar there is an empty cell.
            if block:
                yield block
            block = []
    if block:
        yield block


def rows_between_bars(lines: list[str]) -> list[str]:
    """``lines`` with a table flattened one cell a line between lines of bare ``|`` set out
    a row a line: the header (``序号 | 名称 | 来源 | 总额(万元) | …``) on its first cell's line,
    each row on its 序号's line, the lines their cells took left blank (the line count stays).
    A table is set out only where its width is the header's (the cells up to the row numbered
    1) and every row after it opens with the next number; a table with merged cells is left
    as it is, for the one-cell-a-line readers."""
    out = list(lines)
    for bars in _bar_blocks(lines):
        if len(bars) < 6:
            continue
        cells = _bar_cells(lines, bars)
        if not cells or not NUMBER_HEADING.match(squash(cells[0][1])):
            continue
        width = next((i for i, (_, text) in enumerate(cells) if _FIRST_ROW.match(text)), 0)
        if width < 3 or any(not text or TOTAL_ROW.match(squash(text)) for _, text in cells[:width]):
            continue  # (a 合计 row above row 1 is no part of the header: not set out)
        rows = [cells[:width]]
        at = width
        while at + width <= len(cells):
            number = cells[at][1].rstrip(".、．").lstrip("0")
            if number != str(len(rows)):
                break
            rows.append(cells[at : at + width])
            at += width
        tail = cells[at:]
        if tail and TOTAL_ROW.match(squash(tail[0][1])) and len(tail) <= width:
            rows.append(tail)  # 合计 | | 100: the total's row, as wide or narrower
        elif any(text for _, text in tail):
            continue  # rows lost cells on the way (a merged cell): not set out
        if len(rows) < 2:
            continue  # a header alone
        for row in rows:
            where = next(i for taken, _ in row for i in taken)
            for taken, _ in row:
                for i in taken:
                    out[i] = ""
            out[where] = " | ".join(text for _, text in row)
    return out


def unflatten(text: str) -> str:
    """``text`` with bare cell separators gone, line for line: a table flattened one cell a
    line between bare bars set out a row a line, a line of nothing but ``|`` blank, and
    ``|`` at a line's start or end gone; bars between cells stay."""
    out = []
    for line in rows_between_bars(text.split("\n")):
        if "|" not in line and "｜" not in line:
            out.append(line)
        elif _ONLY_BARS.match(line):
            out.append("")
        else:
            out.append(_EDGE_BARS.sub("", line))
    return "\n".join(out)


_UNIT_CODE = re.compile(
    r"^(?:[\[［(（【]\s*[0-9]{2,12}\s*[\]］)）】]|[0-9]{2,12}\s*[-－—])\s*(?=[\u4e00-\u9fff])"
)


def single_value(text: str, field: str, *, with_person: bool = False) -> tuple[str, str]:
    """(the value of ``field`` ("name" or "unit") at the start of ``text``, the rest of the
    line): its own label removed, cut where the next cell begins; "" when what is left holds
    no word (``|``)."""
    value = halfwidth(text).strip()
    own = _OWN_LABEL.get(field)
    offset = 0
    stamp = _STAMP.match(value)
    if stamp:
        offset = stamp.end()
    if own is not None:
        match = own.match(value, offset)
        if match:
            offset = match.end()
    # Empty cells between a label and its value (项目名称 |  | X) are skipped.
    offset += len(value[offset:]) - len(value[offset:].lstrip(" \t\u3000|｜"))
    cut = _NEXT_CELL.search(value, offset)
    end = cut.start() if cut else len(value)
    # Positions are the same in the half-width form: the value is taken as written.
    start = len(text) - len(text.lstrip())
    result = text[start + offset : start + end].strip(" \t\u3000|｜:：")
    rest = text[start + end :].strip(" \t\u3000|｜")
    if field == "unit":
        # A budget system's code before the unit ([610001]湖南省…有限公司, 219001-池州市…) is
        # not its name.
        code = _UNIT_CODE.match(result)
        if code:
            rest = (code.group().strip() + " " + rest).strip()  # kept with the cell
            result = result[code.end() :]
        # The same unit twice apart by a space: two cells a PDF's text set side by side (项目
        # 主管单位 and 项目实施单位 of one unit: 广水市交通运输局 广水市交通运输局).
        twice = re.fullmatch(r"(\S{4,})\s+\1", result)
        if twice:
            rest = (twice.group(1) + " " + rest).strip()
            result = twice.group(1)
        # The unit ends with its sentence (项目法人:田园镇人民政府;法人代表:沈 鑫。).
        stop = re.search(r"[;；。]", result)
        if stop:
            rest = (result[stop.end() :] + " " + rest).strip()
            result = result[: stop.start()]
        clause = _UNIT_THEN_CLAUSE.match(result)
        rest_of_name = result[clause.end() :] if clause else ""
        # (南湖镇统筹城乡发展服务中心 is one unit: what follows it is no clause but its name)
        if clause and not re.fullmatch(rf"[^，,。；;:：\s]*{ORGANISATION_END}", rest_of_name):
            rest = (result[clause.end() :] + " " + rest).strip()
            result = clause.group("unit")
        person = _UNIT_AND_PERSON.match(result)
        if person and re.search(rf"{ORGANISATION_END}$", person.group("person")):
            person = None  # 卢氏县乡 + 村振兴局: one unit, no person after it
        # A person is named after the unit where the label says so (实施单位及责任人), on
        # the value's own line or on its heading (``with_person``).
        labelled_person = with_person or re.search(r"责任人|负责人", value[:offset])
        if person and (labelled_person or re.search(r"\s", result)):
            rest = (person.group("person") + " " + rest).strip()
            result = person.group("unit")
    return (result if _HAS_WORD.search(result) else ""), rest


# A form's cell naming the project's money, strongest first: the whole project's budget
# before a year's, a year's before what is asked of one source.
_FORM_TOTAL_LABELS = (
    "项目总预算",
    "项目总投资",
    "总投资",
    "项目资金总额",
    "年度资金总额",
    "资金总额",
    "年度本级预算金额",
    "项目预算金额",
    "预算金额",
    "项目当年预算",
    "申请资金",
    "申报金额",
    # (a plan of central investment for one work: 本次下达中央预算内投资(万元) | 853)
    "下达中央预算内投资",
)
_FORM_TOTAL = re.compile(
    r"(?P<label>" + "|".join(_FORM_TOTAL_LABELS) + r")"
    r"\s*(?:[(（]\s*(?P<unit>万元|元)\s*[)）])?\s*[:：]?[\s|｜]*"
)
_FORM_NUMBER = re.compile(
    r"^[\s|｜]*(?P<number>[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?)\s*(?P<unit>万元|元|万)?"
    r"(?![0-9０-９.．%％])"
)
_BRACKETED_UNIT = re.compile(r"[(（]\s*(万元|元)\s*[)）]")
# The heading of a form's money rows with their unit (项目资金 (元), 项目资金(万元)).
_MONEY_ROWS_HEADING = re.compile(rf"项目资金\s*{_BRACKETED_UNIT.pattern}")
# 单位：万元 above a form (not 填报单位, 预算单位: those name units of government).
_FORM_UNIT = re.compile(r"(?<![报算施管主责建申])(?:金额|计量)?单位\s*[:：]\s*(?P<unit>万元|元)")


def next_filled(lines: list[str], after: int, before: int) -> int | None:
    """The index of the first of ``lines`` after ``after`` and before ``before`` holding more
    than a table's bars and spaces (a cell's value on a line below its label); None."""
    return next(
        (i for i in range(after + 1, min(before, len(lines))) if lines[i].strip(" |｜\t")), None
    )


def form_total(text: str) -> tuple[str, int] | None:
    """The project's money as a form states it: a bare number in the cell after its label
    (项目总预算 65, 年度本级 预算金额 | 250万, 年度资金总额: / 854万(…)), on the label's line or
    the next line holding anything, in the unit the number, the label ((万元)) or the form
    (金额单位:万元) states; as (the amount as written with its unit, its 1-based line). None
    when no label is followed by a number, or no unit is stated: never guessed."""
    lines = text.split("\n")
    normal_lines = [halfwidth(re.sub(r"(?<=\S) (?=\S)", "", line)) for line in lines]
    form_unit = next(
        (m.group("unit") for line in normal_lines[:40] if (m := _FORM_UNIT.search(line))), None
    )
    found: list[tuple[int, str, int]] = []
    for index, normal in enumerate(normal_lines):
        joined = (normal_lines[index - 1] if index else "") + normal
        glued = GLUED_BUDGET_ROW.search(joined) is not None
        for match in _FORM_TOTAL.finditer(normal):
            if glued and match.group("label") == "年度资金总额":
                continue  # its figures run together: parted below, or not read (3030… is no 3030…)
            rank = _FORM_TOTAL_LABELS.index(match.group("label"))
            after = normal[match.end() :]
            number_line = index
            label_unit = match.group("unit")
            # The value is after the label, else on the next line holding anything, past a
            # line of its unit alone (项目申报金额 / (万元) / 2243.02).
            while not after.strip(" |｜\t"):
                number_line = next_filled(normal_lines, number_line, index + 4)
                if number_line is None:
                    break
                after = normal_lines[number_line]
                alone = _BRACKETED_UNIT.fullmatch(after.strip(" |｜\t"))
                if alone and not label_unit:
                    label_unit, after = alone.group(1), ""
            if number_line is None:
                continue
            number = _FORM_NUMBER.match(after)
            if number is None:
                continue
            # The unit is the number's, the label's, or the row heading's before the label,
            # on its line or in a cell just above it (项目资金 (万元) | 年度资金总额: | 6070.00;
            # one cell a line: 项目资金 / (万元) | / 年度资金总额: |), or the form's.
            on_line = _BRACKETED_UNIT.findall(normal[: match.start()])
            above = _BRACKETED_UNIT.findall(
                "".join(
                    line
                    for line in normal_lines[max(0, index - 2) : index]
                    if len(line) <= 14 and not re.search(r"[0-9]", line)  # heading cells only
                )
            )
            # (the money rows' heading 项目资金 (元), a cell merged down beside them, on the
            # label's line or, in a form glued onto a line and parted by its labels, the next)
            heading = _MONEY_ROWS_HEADING.search(
                normal + (normal_lines[index + 1] if index + 1 < len(lines) else "")
            )
            # (or the first cell of the header row above it, where the column after it is the
            # budget: 预算执行情况(万元) (20分) | 预算数(A) | 执行数(B) | … over 年度财政资金
            # 总额 | 278.4449 | 30.00 | …; never a 年初预算数's)
            cells = re.split(r"[|｜]", normal_lines[index - 1]) if index else []
            header = (
                _BRACKETED_UNIT.findall(cells[0])
                if len(cells) > 1 and re.match(r"\s*(?:全年|年度|调整后)?预算数", cells[1])
                else []
            )
            if heading and form_unit and heading.group(1) != form_unit:
                continue  # (two units stated for the form: neither is taken)
            unit = (
                number.group("unit")
                or label_unit
                or (on_line[-1] if on_line else None)
                or form_unit
                or (heading.group(1) if heading else None)
                or (above[-1] if above else None)
                or (header[-1] if header else None)
                or _unit_said_elsewhere(text, number.group("number"))
            )
            if unit is None:
                continue
            unit = "万元" if unit == "万" else unit
            found.append((rank, number.group("number") + unit, number_line + 1))
    # A self-evaluation's columns (年初预算数 | 全年预算数 | 全年执行数 …, then its 年度资金总额
    # row): the year's budget as it stood, not the label's first cell (the 年初 0).
    columns = _budget_columns(lines, form_unit)
    if columns is not None:
        return columns
    # A glued row's budget, parted from its figures, never over a whole labelled above it
    # (项目总投资(万元) 500 … 年度资金总额 3030…).
    glued = _glued_budget_row(normal_lines, form_unit, lines)
    if glued is not None and (
        not found or min(found)[0] >= _FORM_TOTAL_LABELS.index("年度资金总额")
    ):
        return glued
    if not found:
        return None
    _rank, written, line = min(found)
    return written, line


# A self-evaluation's budget columns and its 年度资金总额 row run together with their figures
# (…年初预算数全年预算数全年执行数分值执行率得分年度资金总额3555035550355501082.12%8.5).
GLUED_BUDGET_ROW = re.compile(
    r"(?:年初预算数?[^0-9]{0,30}?)?全年预算数[^0-9]{0,40}?年度资金总额(?P<figures>[0-9.]{2,40})"
    # (run together: never figures set apart, 年度资金总额 111 111 100%)
    r"(?![ \t\u3000]*[0-9])"
)


def _glued_budget_row(
    normal_lines: list[str], form_unit: str | None, lines: list[str]
) -> tuple[str, int] | None:
    """The year's budget of a self-evaluation whose columns and figures are printed together
    on a line (…全年预算数…年度资金总额…), in the unit the row heading states ((万元)): its
    figures set apart by spaces, the 全年预算数's (the second after a 年初预算数); run together,
    its first two figures where they are the same and so can be told apart (3555035550… →
    35550 and 35550; 194.9194.9100% → 194.9 and 194.9), and nothing after them is a longer
    pair (10105105100% is 10 | 105 | 105, not 10 | 10 …). None where no one way to part them
    does so, or no unit is stated: never guessed."""
    for index, normal in enumerate(normal_lines):
        # (the columns may end the line before: …全年执行数(B)执行率(B/A) / 年度资金总额194.9…)
        joined = (normal_lines[index - 1] if index else "") + normal
        row = GLUED_BUDGET_ROW.search(joined)
        if row is None or row.end() <= len(joined) - len(normal):
            continue
        before = (
            "".join(normal_lines[max(0, index - 2) : max(0, index - 1)]) + joined[: row.start()]
        )
        stated = _BRACKETED_UNIT.findall(before)
        unit = stated[-1] if stated else form_unit
        if unit is None:
            return None
        spaced = re.search(
            r"年度资金总额\s*(?P<cells>[0-9.]+(?:[ \t\u3000]+[0-9.]+%?)+)", halfwidth(lines[index])
        )
        if spaced:
            # Its cells apart by spaces (年度资金总额 10 105 105 100%): read as cells.
            cells = spaced["cells"].split()
            at = 1 if "年初预算" in row.group() and len(cells) > 1 else 0
            value = cells[at]
            return (
                (value + unit, index + 1) if re.fullmatch(r"[0-9]+(?:\.[0-9]+)?", value) else None
            )
        figures = row["figures"]
        parted = [
            figures[:size]
            for size in range(1, len(figures) // 2 + 1)
            if figures[size : 2 * size] == figures[:size]
            and re.fullmatch(r"[1-9][0-9]*(?:\.[0-9]*[1-9])?|0\.[0-9]*[1-9]", figures[:size])
            and not figures[2 * size : 2 * size + 1] == "."
            # (a longer pair right after its first figure: that pair is the budget)
            and not any(
                figures[size : size + longer] == figures[size + longer : size + 2 * longer]
                for longer in range(size + 1, (len(figures) - size) // 2 + 1)
            )
            # and what follows the pair bears it out: all of it spent; a row spent in part is
            # parted no way for certain
            and _borne_out(figures[2 * size :] + joined[row.end() : row.end() + 8], figures[:size])
        ]
        if len(parted) != 1:
            return None
        return parted[0] + unit, index + 1
    return None


def _borne_out(after: str, figure: str) -> bool:
    """Whether what follows a pair parted from a glued budget row bears it out: all of it
    spent (the figure again or not, a score perhaps, then 100%)."""
    return bool(re.match(rf"(?:{re.escape(figure)})?(?:[0-9]{{1,2}})?100(?:\.0+)?%", after))


def glued_budget_row(text: str, line: int) -> bool:
    """Whether ``line`` (1-based) of ``text`` is a self-evaluation's budget row printed with
    its figures run together, so that its total was parted from them (said to staff)."""
    rows = [halfwidth(re.sub(r"(?<=\S) (?=\S)", "", row)) for row in text.split("\n")]
    joined = (rows[line - 2] if line >= 2 else "") + rows[line - 1]
    return GLUED_BUDGET_ROW.search(joined) is not None


def _unit_said_elsewhere(text: str, number: str) -> str | None:
    """The unit a form's bare figure is in where the text around the form states that figure
    as a sum in one unit only (现将产业建设资金500万元下达你们 … 年度资金总额: | 500 |); None."""
    value = Decimal(halfwidth(number).replace(",", "").replace("，", ""))
    # (never a rate's: 按每户补助500元)
    units = {
        amount.unit
        for amount in find_amounts(text)
        if amount.unit in ("万元", "元")
        and amount.value == value * UNIT_MULTIPLIERS[amount.unit]
        and not amount.per
        and "每" not in text[max(0, amount.start - 8) : amount.start]
    }
    return units.pop() if len(units) == 1 else None


_BUDGET_HEADER = re.compile(r"^(?:年度)?预算数?\s*[(（]\s*(?P<unit>万元|元)\s*[)）]$")
# Of a self-evaluation's budget columns, the one that is the year's budget as it stood.
_BUDGET_COLUMNS = ("调整后预算数", "全年预算数", "年初预算数", "年初预算")


def _budget_columns(lines: list[str], form_unit: str | None = None) -> tuple[str, int] | None:
    """A self-evaluation's 年度预算数（万元） table (年初预算 | 调整后预算数 | 预算执行数 …, then
    a 总额 row), or its columns under 项目资金 (万元) (年初预算数 | 全年预算数 | 全年执行数 …;
    资金情况(万元) | 全年预算数(A) | 全年执行数(B) | …, then 年度资金总额): the 调整后预算数 or
    全年预算数 of the 总额 row, matched column for column, a cell per line or cells between
    ``|``; never a sum of 0."""
    cells = [
        (index + 1, cell.strip())
        for index, line in enumerate(lines)
        for cell in re.split(r"[|｜]", line)
        if cell.strip()
    ]
    for position, (_, cell) in enumerate(cells):
        squashed = halfwidth(re.sub(r"\s+", "", cell))
        header = _BUDGET_HEADER.match(squashed)
        if header is not None:
            unit = header.group("unit")
        elif squashed.startswith(("年初预算", "全年预算")) and position:
            # The unit the row heading before the columns states (项目资金 (万元)), else the
            # form's.
            before = "".join(c for _, c in cells[max(0, position - 3) : position])
            stated = _BRACKETED_UNIT.findall(halfwidth(before))
            unit = stated[-1] if stated else form_unit
            if unit is None:
                continue
            position -= 1  # the columns start at this cell
        else:
            continue
        names = []
        for _, name in cells[position + 1 : position + 12]:
            if re.sub(r"\s+", "", name) in (
                "总额",
                "合计",
                "总计",
                "年度资金总额",
                "年度资金总额:",
            ):
                break
            # (a column's letter in brackets is no part of its name: 全年预算数(A))
            names.append(re.sub(r"[(（][A-Za-z/]{1,5}[)）]$", "", re.sub(r"\s+", "", name)))
        else:
            continue
        total_at = position + 1 + len(names)
        values = cells[total_at + 1 : total_at + 1 + len(names)]
        for wanted in _BUDGET_COLUMNS:
            if wanted in names and names.index(wanted) < len(values):
                line, value = values[names.index(wanted)]
                number = _FORM_NUMBER.match(halfwidth(value))
                if (
                    number
                    and number.end() == len(value.strip())
                    and Decimal(number.group("number").replace(",", "")) > 0
                ):
                    return number.group("number") + unit, line
                return None  # the column that is the year's budget reads 0 or nothing: no guess
        return None
    return None
