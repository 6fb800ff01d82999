"""A 项目支出绩效目标表 flattened into text → performance indicator rows.

Rows are lines whose cells are split by tabs, ``|`` or two or more spaces (as Word and PDF
exports flatten tables). Level-1 and level-2 cells that are merged in the table (written only
on the first row of their group) are carried down. A row is kept when it has a level-3 name
and a target; the target's comparator (≥ ≤ = > <) and unit are split off.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..normalize import halfwidth

_LEVEL1 = (
    ("产出指标", "output"),
    ("效益指标", "benefit"),
    ("满意度指标", "satisfaction"),
    ("成本指标", "cost"),
)
_LEVEL2 = re.compile(r"^[\u4e00-\u9fff]{1,10}指标$")
_CELLS = re.compile(r"\t+|\s*\|\s*|\s{2,}")
_COMPARATORS = (
    ("≥", "ge"),
    (">=", "ge"),
    ("≤", "le"),
    ("<=", "le"),
    ("=", "eq"),
    (">", "gt"),
    ("<", "lt"),
    ("大于等于", "ge"),
    ("小于等于", "le"),
    ("不低于", "ge"),
    ("不少于", "ge"),
    ("不高于", "le"),
    ("不超过", "le"),
)
_VALUE = re.compile(r"^(?P<value>[0-9]+(?:\.[0-9]+)?|[*＊]+)\s*(?P<unit>\S{0,20})$")


@dataclass(frozen=True)
class Indicator:
    line: int
    level1: str
    level2: str
    name: str
    comparator: str
    target: str
    unit: str


def _target(cell: str) -> tuple[str, str, str]:
    text = halfwidth(cell).strip()
    comparator = ""
    for sign, code in _COMPARATORS:
        if text.startswith(sign):
            comparator, text = code, text[len(sign) :].strip()
            break
    match = _VALUE.match(text)
    if match:
        return comparator or "eq", match.group("value"), match.group("unit")
    return comparator or "qualitative", cell.strip()[:100], ""


def parse_indicators(lines: list[tuple[int, str]]) -> list[Indicator]:
    """Indicator rows from (line number, text) pairs; lines that are not rows are skipped."""
    out: list[Indicator] = []
    level1 = level2 = ""
    for number, text in lines:
        cells = [cell.strip() for cell in _CELLS.split(text.strip()) if cell.strip()]
        if len(cells) < 2:
            continue
        found1 = next((code for word, code in _LEVEL1 if cells[0].startswith(word)), None)
        if found1:
            level1 = found1
            cells = cells[1:]
        if cells and _LEVEL2.match(cells[0]) and len(cells) >= 3:
            level2 = cells[0]
            cells = cells[1:]
        if len(cells) < 2 or not level1 or "指标值" in cells[-1] or "三级指标" in cells[0]:
            continue
        name, target_cell = cells[0], cells[1]
        comparator, target, unit = _target(target_cell)
        if not unit and len(cells) >= 3 and len(cells[2]) <= 20:
            unit = cells[2]
        out.append(
            Indicator(
                line=number,
                level1=level1,
                level2=(level2 or "未注明")[:50],
                name=name[:200],
                comparator=comparator,
                target=target,
                unit=unit[:20],
            )
        )
    return out
