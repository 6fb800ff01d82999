"""Numbered items that each name a project, its money and unit on its line or the lines
below (``1.西卜沙乡…工程`` then ``投资:500万元 实施单位:…``), lists in groups and inner lists.

Pure Python, no Django.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field, replace

from ...amounts import (
    ParsedAmount,
    find_amounts,
    parse_amount_exact,
)
from ...normalize import halfwidth
from ..lines import (
    COUNT_UNITS,
    GIVEN_OVER,
    MONEY,
    is_rate,
    money,
    names_a_source,
    plain_sums,
    sum_after,
)
from ..numbering import (
    LIST_MARKER,
    count_value,
    marker_at_start,
)
from ..outline import HEADING_LIKE, classify_heading
from ..tables import single_value
from .listed import (
    COUNT_OF_PROJECTS,
    FUND_NAME,
    GIVES,
    ITEM_AMOUNT,
    ITEM_UNIT,
    LEVEL_FUND,
    NOT_A_PROJECT,
    PLACE,
    PROJECT_WORD,
    REPORT_HEADING,
    SHARE_OF_MONEY,
    ListedProject,
    named_by_the_fund_given,
    prose_item,
    sums_outside,
    unit_said,
)


def _wholes_of_groups(lines: list[str], groups: list[list[ListedProject]]) -> list[ListedProject]:
    """The headings over a list's groups as the projects, their groups' items as their parts,
    where each heading names a fund and states a sum its items make up (一、中央财政衔接资金
    (5273万元) over (一)支持产业发展2993.7万元 … (七)按1%提取项目管理费46.3万元): a fund
    shared among uses, not projects in groups. [] unless every group is so, and [] where every
    item is named as a project (…核桃良种建园项目): projects drawing on the fund."""
    if all(_CALLED_A_PROJECT.search(item.name) for group in groups for item in group):
        for group in groups if len(groups) >= 2 else []:
            # Staff are told the split is a guess: the headings may be projects after all.
            _number, heading = _heading_over(lines, group)
            for item in group:
                item.grouping = f"“{heading.strip()[:30]}”下的一项"
        return []
    if any(_detailed(lines, group) for group in groups):
        return []  # uses each set out in detail below it (a table by county): projects
    wholes = []
    for group in groups:
        number, heading = _heading_over(lines, group)
        marker = ANY_MARKER.match(heading)
        sums = find_amounts(heading)
        parts = sum(item.amount.value for item in group if item.amount is not None)
        if marker is None or len(sums) != 1 or sums[0].value != parts:
            return []
        name = heading[marker.end() : sums[0].start].strip(" ：:，,(（")
        # A fund (…资金, …基金) is shared among uses; a kind of project (老年人福利类共计12个
        # 项目) heads projects of its own.
        if not 2 <= len(name) <= 60 or not _FUND_OVER.search(name):
            return []
        wholes.append(_whole_of(name, find_amounts(lines[number - 1])[0], lines, number, group))
    return wholes


def _detailed(lines: list[str], group: list[ListedProject]) -> bool:
    """Whether most items of ``group`` have three lines or more of their own below them before
    the next (a table of recipients, 县(市、区) | 金额 …), as projects do, where a fund's uses
    follow one another a line each."""
    below = [
        sum(1 for line in lines[item.line : later.line - 1] if line.strip()) >= 3
        for item, later in itertools.pairwise(group)
    ]
    return len(below) >= 1 and sum(below) * 2 >= len(below) and any(below)


def _whole_of(
    name: str, amount: ParsedAmount, lines: list[str], number: int, items: list[ListedProject]
) -> ListedProject:
    """The one project of ``items``, its parts, named and stating ``amount`` on line
    ``number`` (1-based) of ``lines``: a heading or sentence over them."""
    return ListedProject(
        name=name,
        line=number,
        lines=sorted({number, *(n for item in items for n in item.lines)}),
        amount=amount,
        amount_line=number,
        inferred=True,
        total_checked=True,
        parts=items,
        grouping=f"以其下{len(items)}项为子项目的整体",
        content=[lines[number - 1].strip()],
    )


def whole_set_out(lines: list[str], items: list[ListedProject]) -> ListedProject | None:
    """The one fund a list's items are the uses of, where the sentence right above them sets
    them out with the sum they make up (2021年钟楼区民政局春节走访慰问经费共计32.4万元,具体如
    下: 1、区领导走访慰问…共计10万元。2、慰问孤儿…计6.2万元。…): a whole with the items as its
    parts. None where an item is named as a project (projects the fund pays for), the sum is
    not theirs, or the sentence names no fund."""
    if len(items) < 2 or any(
        item.amount is None or _CALLED_A_PROJECT.search(item.name) for item in items
    ):
        return None
    number, heading = _heading_over(lines, items)
    sums = find_amounts(heading)
    if (
        not _SETS_OUT.search(heading)
        or len(sums) != 1
        or sums[0].value != sum(item.amount.value for item in items)
    ):
        return None
    # (as written: the heading's half-width copy keeps its positions)
    written = lines[number - 1][: sums[0].start]
    name = _GIVEN_NOW.sub("", _SAID_WHOLE.sub("", written).strip(" ：:，,"))
    if not 4 <= len(name) <= 60 or not _FUND_OVER.search(name):
        return None
    return _whole_of(name, sums[0], lines, number, items)


# A sentence that sets out the list below it, and the words of its sum (…经费共计32.4万元,
# 具体如下:).
_SETS_OUT = re.compile(
    r"(?:(?:具体|分配|安排|使用)?(?:情况)?如下|按以下[^，,。；;]{0,8})\s*[:：]?\s*$"
)
_SAID_WHOLE = re.compile(r"(?:共计|合计|总计|总额|共|计)\s*[:：为]?\s*$")
# (nor who gives it, nor when: 本次安排…资金 → …资金)
_GIVEN_NOW = re.compile(r"^(?:本次|本批|今年|现)?(?:安排|下达|分配|拨付)")


def _heading_over(lines: list[str], group: list[ListedProject]) -> tuple[int, str]:
    """The line (1-based) and words of the heading right above a group of a list."""
    number = group[0].line - 1
    while number > 0 and not lines[number - 1].strip():
        number -= 1
    return number, halfwidth(lines[number - 1]) if number > 0 else ""


def _under_heading(lines: list[str], first: int) -> bool:
    """Whether the list whose first item is on line ``first`` (1-based) follows a numbered
    heading of its own (二、省级财政衔接资金(5509万元)), as a group of a list does, rather than
    words that set it apart (去年已完成项目如下：)."""
    before = [line for line in lines[: first - 1] if line.strip()]
    return bool(before) and bool(ANY_MARKER.match(halfwidth(before[-1])))


NOTICE_AGAIN = re.compile(
    r"^\s*(?:请(?:各|广大|社会|你们|你单位|你局|你镇|你乡)|特此|以上(?:项目|公示|内容|资金|合计|共计|总计|[一二三四五六七八九十两0-9]+(?:项|个))|附件|联系人|联系电话|监督电话|"
    r"举报电话|公示期|公示时间)"
)


@dataclass
class _Run:
    """Items numbered in one style, 1, 2, 3 …; inside an item of an outer run, or not."""

    style: str
    parent: ListedProject | None
    items: list[ListedProject] = field(default_factory=list)
    across: bool = False  # its numbering goes on under the next outer item (1 2 | 3 4 5)


ANY_MARKER = re.compile(
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
# An item named by the money it is: …补助, …补贴, …奖补, …资金, …经费 (or a project's word).
_ALLOCATED_ITEM = re.compile(
    r"(?:补助|补贴|奖补|资金|经费|项目|工程)(?:[(（][^()（）]{1,10}[)）])?$"
)
# The words that give an allocation's item its sum: 建议本次预拨, 安排补助资金, 共计.
# (not what was given before: 上年已下达资金1000万元)
_GIVEN_TO_ITEM = re.compile(
    r"(?<!已)(?<!上年)(?<!此前)"
    r"(?:(?:建议|拟|本次|本批|现)*(?:预拨|安排|下达|拨付|分配|配套|投入)(?:补助|奖补|专项)?"
    r"(?:资金|经费)?共?|共计|合计)\s*[:：为]?\s*(?=[0-9０-９])"
)


_LABEL_LINE = re.compile(
    r"^\s*(?:项目)?(?:总投资|投资|资金规模|投资规模|项目资金|资金|金额|预算|实施单位|责任单位|"
    r"建设单位|项目单位)"
)


def numbered_items(lines: list[str]) -> list[ListedProject]:
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
        if ANY_MARKER.match(halfwidth(line)) or NOTICE_AGAIN.match(line):
            # A numbered line of another kind (三、公示期限) ends the item, and so does the
            # notice speaking again (请各实施单位…, 特此公告, 联系电话:…).
            current = None
            continue
        normal = halfwidth(line)
        # Money and unit are read from a line a label leads (资金规模:…, 投资:… 实施单位:…);
        # the item's description around them is kept as its content.
        labelled = _LABEL_LINE.match(normal) and len(normal.strip()) <= 100
        amount = ITEM_AMOUNT.search(normal) if labelled else None
        unit = ITEM_UNIT.search(normal) if labelled else None
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
        if not labelled and current.amount is None and _ALLOCATED_ITEM.search(current.name):
            # An item of an allocation, named by what the money is for (二、农村公路养护项目专项
            # 补助 / …建议安排…6个县(区),共计89.55万元): the one sum its paragraph gives it
            # (建议本次预拨500万元, 共计89.55万元, 安排补助资金21万元), not an estimate beside
            # it (总投资2095万元, 补助资金共需854.79万元).
            given = [
                amount
                for match in _GIVEN_TO_ITEM.finditer(normal)
                if (amount := sum_after(line, match.end())) is not None
            ]
            if len(given) == 1:
                current.amount, current.amount_line = given[0], index + 1
                current.amount_read = "段落"
        if unit and not current.unit:
            current.unit = single_value(line[unit.start() :], "unit")[0]
    for run in runs:
        _sums_of_paragraphs(run, lines)
    ordered = (
        [r for r in runs if r.across]
        + [r for r in runs if r.parent is None]
        + [r for r in runs if r.parent is not None and not r.across]
    )

    def listed_money(run: _Run) -> bool:
        # A list of projects states money for them: plain numbered paragraphs do not; or its
        # heading counts them (一、龙头企业带动产业发展试点项目2个 1.…项目,由…申报。 2.…).
        with_money = [item for item in run.items if item.amount is not None]
        # (of two, one without money is a project only where named as one: (二)…资金项目绩效
        # 目标为做好…的工作 goes on about the first)
        if len(run.items) == 2 and len(with_money) == 1:
            alone = next(item for item in run.items if item.amount is None)
            if not _CALLED_A_PROJECT.search(alone.name):
                return _counted(run)
        return (len(run.items) >= 2 and len(with_money) >= len(run.items) / 2) or _counted(run)

    for run in ordered:
        for item in run.items:
            if not item.parts and _FUND_OVER.search(item.name):
                # (its projects after 其中 on its own line: …公益金支出2135万元。其中,养老服务
                # 体系建设项目1230万元,社区建设项目405万元,…)
                item.parts = _projects_after_qizhong(item, lines) or _main_projects(item, lines)
        if all(SHARE_OF_MONEY.search(item.name) for item in run.items):
            # (一)区本级留用1022万元 (二)分配街镇1606.71万元: how a fund is shared out, not
            # what it pays for; the projects are listed further on.
            continue
        if _kinds_over_projects(run) or _funds_over_detailed_uses(run, lines):
            # 一、群众体育 143.65万元 (一)…(五): the kinds' items are the projects, a guess
            # staff are told of (道路养护 over 材料购置, 人工劳务 would be one project).
            for item in run.items:
                for part in item.parts:
                    part.grouping = f"“{item.name}”下的一项"
            if all(part.style == "其中" for item in run.items for part in item.parts):
                return [part for item in run.items for part in item.parts]  # (no run of theirs)
            continue
        if listed_money(run):
            items = list(run.items)
            groups = [run.items]
            if not run.across:
                # Lists of the same kind under the next headings (一、中央资金 (一)…(六)
                # 二、省级资金 (一)…(六)) are the same list in groups: none is left out.
                # (and under the headings before, where a group's items state no money but
                # are named as projects: (一)规模化原料基地建设补助项目。补贴对象为…)
                for other in reversed(runs[: runs.index(run)]):
                    if (
                        other.style != run.style
                        or other.parent is None
                        or not all(
                            item.amount is not None or _CALLED_A_PROJECT.search(item.name)
                            for item in other.items
                        )
                        or not _under_heading(lines, other.items[0].line)
                    ):
                        break
                    items[:0] = other.items
                    groups.insert(0, other.items)
                later = runs[runs.index(run) + 1 :]
                for other in later:
                    if other.parent in run.items and all(i.amount is None for i in other.items):
                        continue  # (figures in an item's table taken for numbers: 4.9272)
                    # (a group of one item counts when its item states its money)
                    if (
                        other.style != run.style
                        or not (
                            all(item.amount is not None for item in other.items) or _counted(other)
                        )
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
            # (a fund's main projects, named as such, are projects in its place)
            return [
                project
                for item in items
                for project in (
                    item.parts if item.parts and item.parts[0].style == _MAIN else [item]
                )
            ]
    return []


def _sums_of_paragraphs(run: _Run, lines: list[str]) -> None:
    """Numbered headings none of which states money, each over a few lines that state one sum
    and no other ((一)群众体育支出 / 资助或组织开展全民健身活动经费累计0.76万元。 (二)援建与维护
    / …费用累计1.62万元。), where their sums make up a sum the text states apart from them
    (支出共16.43万元): each takes its words' sum, said to staff as read from them, its name
    flagged. Two items at least, every one so and none a report's heading (…情况分析), else
    nothing."""
    if len(run.items) < 2 or any(
        item.amount is not None or item.parts or REPORT_HEADING.search(item.name)
        for item in run.items
    ):
        return
    found = []
    for item in run.items:
        words = "\n".join(item.content)
        sums = plain_sums(words)
        if len(sums) != 1 or len(item.lines) > 3:
            return
        found.append(sums[0])
    taken = {number for item in run.items for number in item.lines}
    whole = sum(amount.value for amount in found)
    if not any(amount.value == whole for amount in sums_outside(lines, taken)):
        return
    for item, amount in zip(run.items, found, strict=True):
        # (the item's words are its last lines: the heading's own may hold none)
        own = item.lines[len(item.lines) - len(item.content) :]
        number = own["\n".join(item.content).count("\n", 0, amount.start)]
        item.amount, item.amount_line, item.amount_read = amount, number, "段落"
        item.inferred = True  # (a heading over its use may name a kind of spending: staff check)


# A kind of spending, not a project: short and general (群众体育, 竞技体育), or said to be one
# (产业发展类, 基础设施方面).
_KIND_OF_SPENDING = re.compile(r"^(?:[\u4e00-\u9fff]{2,6}|.{2,16}(?:类|方面))$")


def _funds_over_detailed_uses(run: _Run, lines: list[str]) -> bool:
    """Whether ``run``'s items are funds named by where the money comes from (一、中央福彩公益金
    443万元), each over uses set out in detail, a table of recipients under each ((一)农村幸福院
    经费207万元 / 县(市、区) | 数量 | 金额 …): the uses are the projects, the funds their groups
    (a guess, said to staff). Uses a line each are the fund's parts (一、中央财政衔接资金(5273
    万元) (一)支持产业发展…)."""
    return len(run.items) >= 1 and all(
        LEVEL_FUND.fullmatch(item.name) and len(item.parts) >= 2 and _detailed(lines, item.parts)
        for item in run.items
    )


def _kinds_over_projects(run: _Run) -> bool:
    """Whether ``run``'s items read as kinds of spending over lists of projects with their
    money: every item named as a kind, none a project's word (…项目, …工程), each with two
    parts or more that state their money. The parts' being projects is not checked (道路养护
    over 材料购置, 人工劳务 reads so too): the split is a guess, flagged (``grouping``)."""
    return len(run.items) >= 2 and all(
        (
            _KIND_OF_SPENDING.match(item.name)
            # (or a fund over projects named as such: (一)林业产业发展资金130万元 1.…项目)
            # (or a fund's or a class's spending over them: 一、用于教育事业的彩票公益金支出
            # 5000万元。其中,用于乡村学校少年宫建设项目5000万元)
            or (
                _FUND_OVER.search(item.name)
                and all(_CALLED_A_PROJECT.search(part.name) for part in item.parts)
            )
        )
        and not PROJECT_WORD.search(item.name)
        and len(item.parts) >= 2 - bool(_FUND_OVER.search(item.name))
        and all(part.amount is not None for part in item.parts)
        for item in run.items
    )


_PROJECT_PART = re.compile(
    rf"(?:^|[，,；;:：])\s*(?:用于)?(?P<name>[^，,；;。:：]{{2,40}}?(?:项目|工程))\s*{MONEY}"
)


def _projects_after_qizhong(item: ListedProject, lines: list[str]) -> list[ListedProject]:
    """The projects an item's own line names after its 其中, each with its sum, where they make
    up the item's sum exactly (其中,养老服务体系建设项目1230万元,社区建设项目405万元,残疾人
    免费安装假肢项目500万元); []."""
    line = lines[item.line - 1]
    normal = halfwidth(line)  # (same positions)
    at = normal.find("其中")
    if at < 0 or item.amount is None:
        return []
    parts = [
        ListedProject(
            name=line[told.start("name") : told.end("name")],
            line=item.line,
            lines=[item.line],
            amount=money(told),
            amount_line=item.line,
            inferred=True,
            style="其中",
            content=[told.group().strip(" ，,；;:：")],
        )
        for told in _PROJECT_PART.finditer(normal, at + 2)
    ]
    made = sum(part.amount.value for part in parts)
    return parts if parts and made == item.amount.value else []


_PROJECTS_GIVEN = re.compile(COUNT_OF_PROJECTS)
# A use of money or a main project, its name and its sum: 增城市残疾人康复中心改造834万元.
_NAMED_SUM = re.compile(rf"^(?:和|及|以及)?(?P<name>[^。；;]{{2,200}}?)\s*{MONEY}$")
# Where one named sum ends and the next begins: after the sum, at a stop, a comma or 和.
_NEXT_SUM = re.compile(r"(?<=元)\s*[；;、，,]|(?<=元)和")


def uses_counted_as_projects(lines: list[str]) -> list[ListedProject]:
    """The uses numbered items set out after their 其中 (一、资助残疾人事业项目4,974.80万元。
    其中:增城市残疾人康复中心改造834万元;全市康园工疗站康复训练891万元;…), as the projects,
    where the text counts its projects before them (资助了148个…项目) as more than the items
    and no fewer than the uses, and each item's uses make up its sum (but the last, where the
    text stops inside it); [] otherwise. The items are their groups, said to staff."""
    items = [
        (number, line)
        for number, line in enumerate(lines, 1)
        if LIST_MARKER.match(halfwidth(line).strip()) and "其中" in line
    ]
    if len(items) < 2:
        return []
    above = " ".join(lines[: items[0][0] - 1])
    counted = max((count_value(m["n"]) for m in _PROJECTS_GIVEN.finditer(above)), default=0)
    if counted <= len(items):
        return []
    last = max(n for n, line in enumerate(lines, 1) if line.strip())
    found = []
    for number, line in items:
        at = line.find("其中")
        whole = find_amounts(line[:at])
        heading = LIST_MARKER.sub("", halfwidth(line[:at]).strip())
        pieces = _NEXT_SUM.split(line[at + 2 :].lstrip(":： "))
        pieces = [piece.strip(" 。") for piece in pieces if piece.strip(" 。")]
        # (the text stops inside it, with no stop after: …;市慈善医)
        cut = (
            number == last
            and bool(pieces)
            and not find_amounts(pieces[-1])
            and not re.search(r"[。；;]\s*$", line)
        )
        if cut:
            pieces.pop()
        uses = [_NAMED_SUM.match(piece) for piece in pieces]
        if not whole or len(uses) < 2 or not all(uses):
            return []
        if any(NOT_A_PROJECT.search(use["name"]) or names_a_source(use["name"]) for use in uses):
            return []  # (its sources or its periods: 中央资金250万元;县级配套50万元)
        made = sum(money(use).value for use in uses)
        if made > whole[-1].value or (made != whole[-1].value and not cut):
            return []
        group = re.split(r"[0-9]", heading, maxsplit=1)[0].strip()
        found += [
            replace(
                prose_item(use["name"], money(use), use.group(), number),
                grouping=f"“{group}”下的一项",
            )
            for use in uses
        ]
    return found if len(found) <= counted else []


# A fund's main projects set out after it, each a name and its sum, apart after the sums:
# …专项工作经费21962.9万元。主要项目有:大学生志愿服务西部计划14566万元,未成年人专属网站建设
# 3700万元,…,以及包括…等内容的青少年教育事业经费1360万元。
_MAIN = "主要项目"
_MAIN_PROJECTS = re.compile(r"(?:主要|重点)项目(?:有|包括|为|是)\s*[:：]")
# What a name says it covers before it: 包括“…”、…等内容的青少年教育事业经费.
_COVERING = re.compile(r"^.*等(?:内容|活动|项目)的(?=.{2})")


def _main_projects(item: ListedProject, lines: list[str]) -> list[ListedProject]:
    """The projects an item's own line says are its main ones, each a name and its sum, two at
    least and together no more than its sum (the rest is not set out); [] otherwise."""
    line = lines[item.line - 1]
    said = _MAIN_PROJECTS.search(line)
    if said is None or item.amount is None:
        return []
    words = line[said.end() :].split("。", 1)[0]
    parts = []
    for piece in _NEXT_SUM.split(words):
        told = _NAMED_SUM.match(piece.strip())
        if told is None:
            return []
        name = _COVERING.sub("", told["name"]).strip()
        if find_amounts(name) or NOT_A_PROJECT.search(name):
            return []
        parts.append(replace(prose_item(name, money(told), piece.strip(), item.line), style=_MAIN))
    made = sum(part.amount.value for part in parts)
    if len(parts) < 2 or made > item.amount.value:
        return []
    # (what they do not make up is said, not lost: 另有378.9万元未列明项目)
    rest = (item.amount.value - made) / 10_000
    left = f"（另有{format(rest.normalize(), 'f')}万元未列明，未导入）" if rest else ""
    for part in parts:
        part.grouping = f"“{item.name}”中列出的主要项目之一{left}"
    return parts


# A fund's name: …资金, …基金, …经费; or what a fund or a class spends: …公益金支出.
_FUND_OVER = re.compile(r"(?:资金|基金|经费|(?:资金|公益金|经费)支出)$")


_BARE_MARKER = re.compile(
    r"\s*(?P<n>[0-9]{1,3})(?=[\u4e00-\u9fff])"
    # a date, a sum, a figure's magnitude or a count, not a marker (2024年, 3千米, 20台)
    rf"(?![年月日号万亿元千百条]|{COUNT_UNITS})\s*"
)


# An item named by the money it is: 项目管理费, 工作经费, 贴息资金.
_MONEY_NAMED = re.compile(r"(?:费|经费|资金|补助|补贴|奖补)$")


def _item(line: str, number: int, n: int, style: str | None = None) -> ListedProject | None:
    """Item ``n`` of a list if ``line`` opens it with a project's name: alone, or followed by
    its amount and a note (``…厂房项目144万元（省级资金144万元）``); never a figure alone (a
    table's 11.1117 split over lines, 11 / 1117)."""
    item = _item_of(line, number, n, style)
    if item is None or not re.search(r"[\u4e00-\u9fff]", item.name):
        return None
    # (a change to a project another document gave money names the project after that
    # document: 调减《关于下达…的通知》(同教[2019]144号)四口圳幼儿园项目 → 四口圳幼儿园项目)
    named = _CHANGED_UNDER.sub("", item.name)
    if len(named) >= 4:
        item.name = named
    named_by_the_fund_given(item, line)
    return item


# An item opening with the fund it gives and its sum, a sentence of their own: 安排2021年
# 争创…补助资金555万元。其中:….
_FUND_FIRST = re.compile(
    rf"^{GIVES}?(?P<name>{FUND_NAME})\s*"
    rf"{MONEY}\s*(?:。|$|[，,]?\s*其中)"
)


# A heading naming a fund, its sum, a note, and what is told of it: 二、2020年中央校舍维修专项
# 资金1611万建设情况; 三、学前教育专项资金538万元建设情况.
_FUND_SUM_HEADING = re.compile(
    rf"^(?P<name>{FUND_NAME})\s*(?P<amount>[0-9]+(?:\.[0-9]+)?\s*(?:万元|亿元|元|万|亿))"
    r"(?:[(（][^()（）]*[)）])?\s*的?(?:建设|使用|分配|安排|执行|实施)(?:情况|进展)$"
)


# An item naming a project or batch, maybe its count of works, then its money after a label:
# 中牟新区2025年第一批衔接资金项目6个,资金848.5万元。其中,中央资金440万元(…)…
_BATCH_THEN_MONEY = re.compile(
    r"^(?P<name>[^，,。；;:：()（）]{4,60}?(?:项目|工程|资金))(?P<count>[0-9]+\s*个)?[，,]\s*"
    rf"(?:资金|投资|总投资|金额)(?:规模|总额)?\s*[:：为]?\s*{MONEY}\s*(?:。|$|[，,；;]\s*其中)"
)


# An item giving a sum in 万 alone, its sentence's end: 芒洪乡安排产业发展350万。
_GIVEN_IN_WAN = re.compile(
    r"^(?P<name>[^，,。；;:：0-9]{2,30}?(?:安排|下达|分配|拨付)[^，,。；;:：0-9]{2,30}?)\s*"
    r"(?P<amount>[0-9]+(?:\.[0-9]+)?万)(?=[。；;]|$)"
)


_CHANGED_UNDER = re.compile(
    r"^(?:调减|调增|核减|追加|调整|收回)\s*《[^《》]*》\s*(?:[(（][^()（）]*[)）])?\s*(?:文件)?(?:中的?)?"
)


def _described_item(
    name: str, amount: ParsedAmount | None, rest: str, number: int, kind: str, **more
) -> ListedProject:
    """An item of line ``number`` named and priced as read, its words kept as its content."""
    item = ListedProject(name=name, line=number, lines=[number], amount=amount, style=kind, **more)
    item.content.append(rest)
    return item


def _matched_item(
    match: re.Match, amount: ParsedAmount, rest: str, number: int, kind: str, **more
) -> ListedProject:
    """An item named by ``match``'s ``name`` group (matched on ``rest`` made half-width, the
    same positions), priced ``amount``, its words kept as its content."""
    name = rest[match.start("name") : match.end("name")].strip()
    return _described_item(name, amount, rest, number, kind, **more)


def _exact(match: re.Match) -> ParsedAmount:
    """The sum ``match``'s ``amount`` group holds, 万 alone read as 万元, at its positions."""
    return replace(
        parse_amount_exact(match["amount"]), start=match.start("amount"), end=match.end("amount")
    )


def _item_of(line: str, number: int, n: int, style: str | None) -> ListedProject | None:
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
    if (
        field
        and not PROJECT_WORD.search(field.group("label"))
        # (money of its own under a name of money is an item: 3、项目管理费:…4.5万元)
        and not (_MONEY_NAMED.search(field.group("label")) and find_amounts(normal[field.end() :]))
    ):
        return None  # 1、考核任务:…: a field of the item above, not an item
    labelled = _NAME_COLON_MONEY.match(normal)
    if labelled:
        # 1.叶城县…建设项目(ycssmz202601):投资340万元,本次安排资金310万元。建设内容:…: the
        # name, its code, and after the colon its money and description (kept as content).
        found = [a for a in find_amounts(rest) if a.start == labelled.start("amount")]
        return _described_item(
            labelled.group("name").strip(), found[0] if found else None, rest, number, kind
        )
    described = _NAME_THEN_DESCRIPTION.match(normal)
    if (
        described
        and not NOT_A_PROJECT.search(described.group("name"))
        and not HEADING_LIKE.search(described.group("name"))
        and classify_heading(described.group("name")) is None
    ):
        # 1、牲畜棚圈建设。新建牲畜棚圈3382座,每座补助10000元,投入资金3382万元,…: a short
        # name, then what it is, its money under a label; several such sums are no one total.
        sums = described_sums(rest, described.end())
        worded = PROJECT_WORD.search(described.group("name"))
        if (sums and (worded or len(described.group("name")) <= 12)) or (
            worded and len(rest) > 120
        ):
            # (of several, the one its 其中 breaks down: 投入…资金325万元,其中:…70万元…)
            broken_down = len(sums) > 1 and re.match(r"[，,]?\s*其中", normal[sums[0].end :])
            item = ListedProject(
                name=described.group("name").strip(),
                line=number,
                lines=[number],
                amount=sums[0] if len(sums) == 1 or broken_down else None,
                style=kind,
            )
            if len(sums) > 1 and not broken_down:
                item.amount_cell = "、".join(amount.text for amount in sums)
            item.content.append(rest)
            return item
    heading = _FUND_SUM_HEADING.match(normal)
    if heading is not None:
        # 二、2020年中央校舍维修专项资金1611万建设情况: a heading naming a fund, its sum (万
        # after a fund's name is 万元) and what is told of it below; its sum flagged.
        return _matched_item(heading, _exact(heading), rest, number, kind, amount_read="标题")
    batch = _BATCH_THEN_MONEY.match(normal)
    if batch is not None and not find_amounts(batch["name"]):
        # 1.中牟新区2025年第一批衔接资金项目6个,资金848.5万元。其中,…: a long item naming a
        # project or a batch (and how many works it holds, no part of its name), then its
        # money, a sentence of its own; the rest its content. A batch of works counted is
        # no one project for certain: its name and sum are flagged.
        found = [a for a in find_amounts(rest) if a.start == batch.start("amount")]
        if found:
            flagged = {"amount_read": "说明", "inferred": True} if batch["count"] else {}
            return _matched_item(batch, found[0], rest, number, kind, **flagged)
    given = _FUND_FIRST.match(normal)
    # (its name holding no other sum: 安排甲村道路建设项目200万元、乙村…资金555万元 is two)
    if given is not None and len(rest) > 120 and not find_amounts(given["name"]):
        # 四、安排2021年争创…补助资金555万元。其中:…: a long item opening with the fund it
        # gives and its sum, a sentence of their own; the rest its content.
        found = [a for a in find_amounts(rest) if a.start == given.start("amount")]
        if found:
            return _matched_item(given, found[0], rest, number, kind)
    given_in_wan = _GIVEN_IN_WAN.match(normal)
    if given_in_wan is not None:
        # 3、芒洪乡安排产业发展350万。主要用于…: a sum given in 万 alone, ending its sentence,
        # is in 万元 as its neighbours write it; read so, and flagged.
        name = _item_name(rest[: given_in_wan.end("name")].strip())
        return _described_item(name, _exact(given_in_wan), rest, number, kind, amount_read="说明")
    found = find_amounts(rest)
    spent = _SPENT_ON.match(rest)
    # (a long item too where what the money is for is a sentence of its own: 计划安排资金
    # 1287.144万元,用于支持乡村振兴发展。优先支持…)
    said_apart = spent is not None and rest[spent.end() : spent.end() + 1] == "。"
    if not rest or ITEM_AMOUNT.match(normal) or (len(rest) > 120 and not said_apart):
        return None
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
        unit_said(item, rest[spent.end() :])
        item.content.append(rest)
        return item
    then = _NAME_THEN_MONEY.match(rest)
    if then and found and found[0].start == then.start("amount"):
        # 双定镇项目管理费，计划投入20万元.
        return _described_item(then.group("name").strip(), found[0], rest, number, kind)
    if found and _prose_paragraph(rest, found):
        return None  # read as a paragraph of prose (numbered_paragraphs)
    named = _NAME_THEN_COLON.match(rest)
    if named and found:
        # 1.柞水县2021年核桃良种建园项目:建设地点为…,补助资金40万元。: its money the one sum
        # its description states under a money label.
        sums = described_sums(rest, named.end())
        if len(sums) == 1:
            return _described_item(named["name"], sums[0], rest, number, kind, amount_read="说明")
    if found and is_rate(rest, found[0]):
        # ①森林植被费每亩30元计120万元: named by what comes before its rate; its money the one
        # sum that is no rate, never the rate.
        sums = [amount for amount in found if not is_rate(rest, amount)]
        if len(sums) > 1 and "其中" in rest[sums[0].end : sums[1].start]:
            sums = sums[:1]  # (the parts after 其中 are its own: …共计60万元,其中中央资金40万元)
        # (cut where the rate's words begin: 农村低保对象每人每月300元, 公益林管护按每亩10元)
        window = max(0, found[0].start - 10)
        rate_words = re.search(r"(?:按照?)?每", rest[window : found[0].start])
        cut = window + rate_words.start() if rate_words else found[0].start
        name = _item_name(rest[:cut].strip())
        if (
            len(sums) != 1
            or not 2 <= len(name) <= 40
            or re.search(r"[，,。；;：:]", name)
            or NOT_A_PROJECT.search(name)
        ):
            return None
        return _described_item(name, sums[0], rest, number, kind)
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
            or NOT_A_PROJECT.search(name)
        ):
            return None
        if re.fullmatch(r"(?:本|该|此)?(?:项目|工程)", _item_name(name)):
            return None  # 二、项目总投资680万元: a field of the project above, not one of its own
        item = ListedProject(
            name=_item_name(name), line=number, lines=[number], amount=found[0], style=kind
        )
        # The item as written is kept (安排…资金 around the name, the note after the money).
        item.content.append(rest)
        return item
    by = _NAME_BY.match(rest)
    if by and not found:
        return ListedProject(name=by["name"].strip(), line=number, lines=[number], style=kind)
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


# A project's name and a colon before what it is (…核桃良种建园项目:建设地点为…).
_NAME_THEN_COLON = re.compile(r"^(?P<name>[^，,。；;:：]{4,80}?(?:项目|工程))\s*[:：]")


# A heading counting the projects under it: 一、龙头企业带动产业发展试点项目2个.
_COUNTING_HEADING = re.compile(
    r"(?:项目|工程)\s*(?P<n>[0-9]{1,2}|[一二三四五六七八九十两]{1,3})\s*(?:个|项)$"
)


def _counted(run: _Run) -> bool:
    """Whether ``run`` is as many projects as the heading over it counts, each named as one."""
    heading = _COUNTING_HEADING.search(run.parent.name) if run.parent is not None else None
    return (
        heading is not None
        and count_value(heading["n"]) == len(run.items)
        and all(_CALLED_A_PROJECT.search(item.name) for item in run.items)
    )


# A project's name and who asks for it or carries it out (…扩建项目,由徐州黎明食品有限公司
# 申报。): the name is the item's.
_NAME_BY = re.compile(
    r"^(?P<name>[^，,。；;:：]{4,80}(?:项目|工程))[，,]\s*由[^。；;]{2,300}"
    r"(?:申报|实施|承担|建设|负责)\s*。?$"
)


def _prose_paragraph(rest: str, found: list[ParsedAmount]) -> bool:
    """Whether an item's words are prose whose first sum is not its money but a source of
    money, then what it is for (…衔接资金60万元拟用于真武村…)."""
    return bool(re.match(r"\s*(?:拟|计划|将)?用于", rest[found[0].end :]))


_SPENT_ON = re.compile(
    rf"^(?:拟|计划|预计)?(?:投入|安排|下达|拨付|下拨)(?:资金)?\s*{GIVEN_OVER}(?:用于|支持)"
    r"(?P<name>[^，,。；;:：]{2,80})"
)


_NAME_THEN_MONEY = re.compile(
    rf"^(?P<name>[^，,。；;:：]{{2,60}})[，,]\s*(?:计划|预计|拟)?(?:投入|安排|下达)(?:资金)?\s*{MONEY}"
)


# A project's name (its code in brackets), a colon or full stop, then its money (label, verb).
# 1.…项目(ycssmz202601):投资340万元; 1、…贴息项目。拟安排资金3万元,对….
_NAME_COLON_MONEY = re.compile(
    r"^(?P<name>[^，,。；;:：]{4,80}?项目)(?:[(（][0-9A-Za-z_\-]{1,30}[)）])?\s*[:：。，,]\s*"
    r"(?:(?:拟|计划)?(?:安排|投入|下达|使用)(?:资金)?|(?:项目)?(?:总投资|投资|资金|金额|预算)(?:规模)?)"
    rf"\s*[:：为]?\s*{MONEY}"
)


# A list item's short name and the full stop or colon after it (1、禽舍建设。修建禽舍1711座…).
_NAME_THEN_DESCRIPTION = re.compile(
    r"^(?P<name>[\u4e00-\u9fff][^，,。；;:：()（）0-9]{1,28})[。:：]"
)


# What states an item's own money inside its description.
_DESCRIBED_MONEY = re.compile(
    r"(?:投入|安排|补助|项目|总)?(?:资金|投资)(?:规模|总额)?\s*[:：为]?\s*"
    # (投入 right before its sum: 2025年投入920万元中彩资金用于…)
    r"|(?:计划|预计|拟)?投入(?=\s*[0-9０-９])"
)


def described_sums(text: str, start: int = 0) -> list[ParsedAmount]:
    """The sums ``text`` states under a money label from ``start`` on (投入资金3382万元,
    总投资3715万元), never a rate."""
    return [
        amount
        for label in _DESCRIBED_MONEY.finditer(halfwidth(text), start)
        if (amount := sum_after(text, label.end(), reach=20)) is not None
    ]


def _item_name(words: str) -> str:
    """A project's name in the words before its money: 安排产业发展项目资金 → 产业发展项目;
    …配套项目计划投资 → …配套项目; 下达通川区…扶贫资金 → 通川区…扶贫资金."""
    # (not where a second verb joins it: 资助或组织开展全民健身活动项目 is one name)
    name = re.sub(
        r"^(?:安排|用于|资助(?:本[区县市镇]?)?|(?:提前)?下达|拨付|下拨)(?![或和及与、])", "", words
    )
    # (nor after the place given it: 耿马镇安排产业发展 → 耿马镇产业发展)
    name = re.sub(rf"^({PLACE})(?:安排|(?:提前)?下达|拨付|下拨)(?![或和及与、])", r"\1", name)
    # The money the item spends, named before it: 本级体育彩票公益金用于全民健身支出.
    name = re.sub(r"^[^，,。]{0,20}?(?:资金|公益金|经费)用于", "", name)
    name = re.sub(
        r"(?<=项目)(?:(?:本次|本批|今年)?(?:计划|拟)?(?:总投资|投资|投入|安排)(?:资金)?|资金|经费|支出)$",
        "",
        name,
    )
    return name or words
