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
from dataclasses import replace

from ...amounts import ParsedAmount
from ...normalize import halfwidth, squash
from ..numbering import LIST_MARKER
from .listed import LEVEL_FUND, SHARE_OF_MONEY, SPENDING_CLASS, ListedProject
from .numbered import numbered_items, uses_counted_as_projects, whole_set_out
from .paragraphs import (
    funds_by_semicolons,
    given_then_left,
    groups_by_semicolons,
    items_numbered_in_a_line,
    items_priced_in_wan,
    nested_run_on_items,
    numbered_paragraphs,
    paragraphs_by_name,
    paragraphs_summed,
    run_on_items,
    semicolon_items,
    works_listed_apart,
)
from .prose import (
    counted_names,
    counted_sums,
    fund_uses,
    funds_by_recipient,
    funds_given_apart,
    funds_given_together,
    invested_for_works,
    invested_projects,
    named_lines,
    paragraphs_headed_by_sums,
    priced_lines,
    projects_in_breakdown,
    projects_summed_after,
    projects_supported,
    projects_used_for,
    sums_for_projects,
    sums_for_uses,
    sums_then_names,
    works_after_their_investment,
    works_headed_by_name,
    works_in_progress,
    works_making_a_stated_whole,
)
from .tables import (
    COLUMN_WORDS,
    HEADER_WORDS,
    TOTAL_ROW,
    all_headings,
    cell_amount,
    named_like_projects,
    read_table,
    spaced_table,
    split_cells,
    unit_by_total,
)

__all__ = [
    "COLUMN_WORDS",
    "HEADER_WORDS",
    "ListedProject",
    "all_headings",
    "read_allocation",
    "read_listing",
    "spaced_table",
]


def read_listing(text: str, *, recipients: bool = False) -> list[ListedProject]:
    """The projects of the first table or numbered list of projects in ``text``; [].

    ``recipients``: the rows of the first table of one fund's money by who or where it goes
    (单位, 乡镇, 县(市、区) and 金额), each named by its recipient; [] when there is none."""
    found = _read_listing(text, recipients)
    shared = _one_shared_out(found)  # (named by a kind, however it is worded)
    if shared:
        return shared
    if not named_like_projects(found):
        return []
    unit_by_total(found, text)
    _told_apart(found, text.split("\n"))
    return found


def _told_apart(found: list[ListedProject], lines: list[str]) -> None:
    """Projects listed together and then each told in a paragraph of its own, headed by its
    name and a colon (…包括:A3727.00万元、B143.83万元…。 / 1.A:根据国发〔2015〕…): each
    paragraph is its project's, so what it cites is that project's basis, not every project's.
    A paragraph another item already took, or headed by no one name, stays where it is."""
    taken = {number for item in found for number in [item.line, *item.lines]}
    by_name = {squash(item.name): item for item in found}
    if len(by_name) != len(found):
        return  # (two items of one name: which paragraph is whose cannot be told)
    for number, line in enumerate(lines, 1):
        if number in taken:
            continue
        # (numbered or not: 1.城乡居民养老保险…专项资金:根据…)
        text = line.strip()
        head = LIST_MARKER.match(halfwidth(text))
        rest = text[head.end() :] if head else text
        # (the first colon of either width: …专项资金:根据…文件,执行时间：2023年全年)
        first = min((at for at in (rest.find(":"), rest.find("：")) if at >= 0), default=-1)
        name, colon = (rest[:first], True) if first >= 0 else ("", False)
        item = by_name.get(squash(name)) if colon else None
        if item is not None:
            item.lines = sorted({*item.lines, number})


def _one_shared_out(rows: list[ListedProject]) -> list[ListedProject]:
    """Rows of a table that all bear one name (项目类别: 四季度人居环境整治提升), each for its
    own unit (龙光桥街道, 八字哨镇 …): one project shared out among the units, its rows its
    sub-items, rather than projects no one could tell apart. Its money is left for staff (the
    rows may not be all of it); the split is said to be a guess. [] otherwise."""
    names = {squash(row.name) for row in rows}
    if len(rows) < 2 or len(names) != 1 or not all(row.from_table and row.unit for row in rows):
        return []
    parts = [replace(row, name=row.unit, unit="", unit_column="") for row in rows]
    return [
        ListedProject(
            name=rows[0].name,
            line=rows[0].line,
            lines=sorted({n for row in rows for n in row.lines}),
            from_table=True,
            inferred=True,
            parts=parts,
            grouping=f"按{len(rows)}个单位分列的一个项目",
        )
    ]


def _counts_people(lines: list[str], table: list[ListedProject]) -> bool:
    """Whether a table counts people or things, not money: none of its rows states a sum, and
    its unit, said above it, is no money's (单位:人)."""
    if not table or any(row.amount is not None for row in table):
        return False
    first = min((number for row in table for number in [row.line, *row.lines]), default=1)
    above = lines[max(0, first - 6) : first - 1]
    return any(re.match(r"^\s*单位\s*[:：]\s*(?:人|个|户|名|亩|家)\s*$", line) for line in above)


def _read_listing(text: str, recipients: bool) -> list[ListedProject]:
    lines = text.split("\n")  # (a table set out with spaces is barred by build first)
    table = read_table(lines, recipients)
    if recipients:
        return table or []
    if table is not None and not _counts_people(lines, table):
        return table
    # (a table of people, 单位:人 / 编制数 | 在职人数 …, gives way to a list of money)
    for reader in _READERS:
        found = reader(lines)
        # How a fund is shared out (区本级留用, 上年结转, 本年下达), or where its money comes
        # from (1、省级财政扶贫专项资金730万元; 2、市级…), lists none of its projects.
        # Nor do a budget's classes of spending (1、干部教育支出287.41万元 2、社会保障和就业
        # 支出35.83万元, its 功能分类; 工资福利支出, its 经济分类), half of them or more so named.
        classes = sum(bool(SPENDING_CLASS.fullmatch(item.name)) for item in found)
        if (
            found
            and classes * 2 < len(found)
            and not _under_sources(lines, found)
            and not all(
                SHARE_OF_MONEY.search(item.name)
                # (not a fund over its uses: 一、中央财政衔接资金(5273万元) (一)…)
                or (LEVEL_FUND.fullmatch(item.name) and not item.parts)
                for item in found
            )
        ):
            whole = whole_set_out(lines, found)
            return [whole] if whole is not None else found
    return table or []


# A heading over how the money is raised: 三、资金筹集。, (二)资金来源:.
# (never how it is raised and used: 二、资金筹措及使用)
_SOURCES_HEADING = re.compile(
    r"^(?:资金|经费)?(?:筹集|来源|筹措|筹资)(?![及与和、]|[^。，,:：]*使用)"
)


def _under_sources(lines: list[str], found: list[ListedProject]) -> bool:
    """Whether a list told in words sits right under a numbered heading over where the money
    comes from (三、资金筹集。一是…三是区财政整合…400万元。其中: ①森林植被费每亩30元计120万
    元; ②育林基金…): its items are sources, no projects."""
    first = min(item.line for item in found)
    above = next((line for line in reversed(lines[: first - 1]) if line.strip()), "")
    heading = LIST_MARKER.match(halfwidth(above.strip()))
    return heading is not None and bool(
        _SOURCES_HEADING.match(above.strip()[heading.end() :].lstrip())
    )


# The readers of lists told in words, surest first (a list whose count the text states).
_READERS = (
    counted_sums,
    uses_counted_as_projects,
    numbered_items,
    numbered_paragraphs,
    nested_run_on_items,
    run_on_items,
    items_numbered_in_a_line,
    semicolon_items,
    funds_by_semicolons,
    given_then_left,
    groups_by_semicolons,
    works_listed_apart,
    items_priced_in_wan,
    priced_lines,
    named_lines,
    counted_names,
    sums_then_names,
    projects_in_breakdown,
    funds_by_recipient,
    funds_given_together,
    sums_for_projects,
    projects_summed_after,
    fund_uses,
    paragraphs_by_name,
    paragraphs_summed,
    invested_projects,
    works_in_progress,
    invested_for_works,
    works_after_their_investment,
    works_headed_by_name,
    paragraphs_headed_by_sums,
    funds_given_apart,
    projects_used_for,
    projects_supported,
    works_making_a_stated_whole,
    sums_for_uses,
)


def read_allocation(text: str) -> tuple[list[ListedProject], ParsedAmount | None, int]:
    """A fund's money by recipient, as a notice of one fund tables it (资阳区 150, 赫山区 210,
    大通湖区 40, 合计 400): (the rows with their amounts, the total its 合计 row states when it
    is the rows' sum, that row's line); ([], None, 0) when the text has no such table."""
    rows = read_listing(text, recipients=True)
    lines = text.split("\n")
    last_line = max((n for n, line in enumerate(lines, 1) if line.strip()), default=0)
    if (
        rows
        and rows[-1].amount is None
        and not rows[-1].amount_cell  # (a cell it could not read is no cut: 另行下达)
        and max(rows[-1].lines) == last_line
    ):
        # The table's last row, cut short where the page was stored (7 | 临安区湍): not
        # a recipient, kept as text.
        rows = rows[:-1]
    if len(rows) < 2 or any(row.amount is None for row in rows):
        return [], None, 0  # a row whose amount could not be read: its sum would mislead
    total = sum(row.amount.value for row in rows)
    last = max(number for row in rows for number in row.lines)
    first = min(number for row in rows for number in row.lines)
    unit = rows[0].amount.unit

    def total_row(index: int, following: list[str]) -> tuple[bool, ParsedAmount | None]:
        """(whether line ``index`` is a 合计 row, the rows' sum it or ``following`` states)."""
        cells = [cell for cell in split_cells(lines[index]) if cell.strip()]
        if not cells or not TOTAL_ROW.match(squash(cells[0])):
            return False, None
        stated = (cell_amount(cell, unit) for cell in [*cells[1:], *following])
        return True, next((s for s in stated if s is not None and s.value == total), None)

    for index in range(last, min(last + 8, len(lines))):
        # The sum on the 合计 row, or on the lines after it (one cell a line).
        following = [line.strip() for line in lines[index + 1 : index + 5] if line.strip()]
        is_total, stated = total_row(index, following)
        if stated is not None:
            return rows, stated, index + 1
        if is_total:
            break
    # Or the 合计 row right above them, first under the header, with the places' subtotals
    # between (浙江省合计 | 2444 | 659 | 3103, 杭州市合计 | …, then 淳安县 | …).
    for index in range(first - 2, max(first - 8, -1), -1):
        is_total, stated = total_row(index, [])
        if not is_total:
            break
        if stated is not None:
            return rows, stated, index + 1
    return rows, None, 0
