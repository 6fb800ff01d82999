"""Milestones (计划节点) from the plan (七) text of a sub-item.

The plan is read part by part (sentences and ；-parts), clause by clause (，). A clause that
states when (``计划在2024年6月完成``, ``2月底前``, ``5至8月``, ``一季度``, ``年初``) or how
money is paid (``一次性付款``, ``每季度支出``, ``按月发放``, ``按需支付``, ``根据…实际情况支付``,
``分两批``), or that pays (``计划支付…``, ``拨给…``) makes a milestone; a clause that only
completes the one before it (a date after ``…是一次性付款项目``, a clause opened by 并) joins
it. Clauses before a milestone in its part belong to it, and so do those after the last one.

Each milestone keeps its clauses as written (``description``), the due year and month (the
end of a range; a quarter's last month; 年底 → 12), the payment mode and the sum stated in
its clauses (a price such as ``每人500元`` is not a sum). A clause naming two months
(``2024年2月春节、10月老年节``) gives two milestones, the sum going to the first only (its
``dates`` says so, for a finding). A sum paid each period (``每季度支出0.75万元``) is marked
``per_period``: the year's is that times the periods (``budget.rollups.milestone_total``).
Nothing is corrected: a due date in another year stays as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..amounts import ParsedAmount
from ..normalize import halfwidth
from .lines import _mask_quotes, _sums, sentence_stops

ONE_OFF = "one_off"
MONTHLY = "monthly"
QUARTERLY = "quarterly"
AS_NEEDED = "as_needed"
INSTALMENTS = "instalments"
OTHER = "other"

_YEAR = r"(?:(?P<year>(?:19|20)[0-9]{2})\s*年)?"
# 5至8月, 1月至12月, 2024年1-10月: the range ends at its last month.
_RANGE = re.compile(
    _YEAR
    + r"(?<![0-9])(?P<first>[0-9]{1,2})\s*月?\s*(?:至|到|-|—|~|～)\s*"
    + r"(?:(?P<year2>(?:19|20)[0-9]{2})\s*年)?(?P<month>[0-9]{1,2})\s*月(?!\s*[0-9]*\s*日)"
)
_MONTH = re.compile(_YEAR + r"(?<![0-9.])(?P<month>[0-9]{1,2})\s*月(?:份)?(?![0-9]|\s*[0-9]+\s*日)")
_QUARTER = re.compile(r"(?<!每)(?:第)?(?P<quarter>[一二三四1-4])季度")
_YEAR_PART = re.compile(r"(?P<word>年初|年中|上半年|年底|年末|下半年)")
_YEAR_PART_MONTHS = {"年初": None, "年中": 6, "上半年": 6, "年底": 12, "年末": 12, "下半年": 12}
_QUARTER_NUMBERS = {"一": 1, "二": 2, "三": 3, "四": 4}

_MODES = (
    (AS_NEEDED, re.compile(r"按需|据实|(?:实际|具体)[^，,。；;]{0,6}?(?:情况|时间|需要)")),
    (INSTALMENTS, re.compile(r"分[两二三四五六七八九十0-9]+(?:批|期|次)|分期")),
    (QUARTERLY, re.compile(r"每季度?|按季度?|分季度")),
    (MONTHLY, re.compile(r"(?:按月|每月)(?:实时)?(?:支付|发放|拨付|结算)")),
    (ONE_OFF, re.compile(r"一次性")),
)
# An as-needed phrase must speak of paying: 根据实际情况支付, not 根据实际情况开展.
_PAYING = re.compile(r"支付|补助|拨付|列支|支出|结算|发放")
_PAYS = re.compile(r"(?<!用于)(?:支付|拨付|拨给|下拨|划拨|发放|补助|列支)")
_JOINS = re.compile(r"^\s*(?:并且?|且|同时|以及)")


@dataclass
class Milestone:
    description: str
    due_year: int | None
    due_month: int | None
    payment_mode: str
    amount: ParsedAmount | None = None
    per_period: bool = False  # 每季度支出0.75万元: paid each period
    dates: int = 1  # how many dates the one sum is written for (2月、10月 → 2, on the first)


@dataclass
class _Node:
    clauses: list[str] = field(default_factory=list)
    dues: list[tuple[int | None, int | None]] = field(default_factory=list)
    timed: bool = False  # a time word without a month (年初) counts as a time
    mode: str = ""
    weak: bool = False  # made only by a paying verb: a later date or mode joins it


def _dues(clause: str) -> tuple[list[tuple[int | None, int | None]], bool]:
    """The due (year, month) pairs of a clause, in order, and whether it names a time."""
    normal = halfwidth(clause)
    found: list[tuple[int, int | None, int | None]] = []
    taken: list[tuple[int, int]] = []
    for match in _RANGE.finditer(normal):
        year = match.group("year2") or match.group("year")
        month = int(match.group("month"))
        if 1 <= month <= 12:
            found.append((match.start(), int(year) if year else None, month))
            taken.append((match.start(), match.end()))
    for match in _MONTH.finditer(normal):
        if any(start <= match.start() < end for start, end in taken):
            continue
        month = int(match.group("month"))
        if 1 <= month <= 12:
            year = match.group("year")
            found.append((match.start(), int(year) if year else None, month))
    for match in _QUARTER.finditer(normal):
        quarter = match.group("quarter")
        number = int(quarter) if quarter.isdigit() else _QUARTER_NUMBERS[quarter]
        found.append((match.start(), None, number * 3))
    timed = bool(found)
    for match in _YEAR_PART.finditer(normal):
        found.append((match.start(), None, _YEAR_PART_MONTHS[match.group("word")]))
        timed = True
    found.sort()
    # A year written once carries to the months after it in the same clause (2024年2月、10月).
    dues: list[tuple[int | None, int | None]] = []
    year = None
    for _start, written_year, month in found:
        year = written_year or year
        dues.append((year if month is not None else None, month))
    return dues, timed


# Just before a sum: it is paid each period (每季度支出, 每月发放), not in all (共计).
# 每季度支出…: how much each period; not 按月 (how it is paid, of a sum that may be the year's).
_EACH_PERIOD = re.compile(r"每个?(?:季度?|月)[^，,。；;共合总]{0,8}$")


def _mode(clause: str) -> str:
    for mode, pattern in _MODES:
        match = pattern.search(clause)
        if match is None:
            continue
        if mode == AS_NEEDED and "按需" not in match.group() and "据实" not in match.group():
            if not _PAYING.search(clause[match.start() :]):
                continue
        return mode
    return ""


def _split_clauses(part: str) -> list[str]:
    return [clause for clause in re.split(r"(?<=[，,])", part) if clause.strip(" ，,")]


def _close(node: _Node, pending: list[str], out: list[_Node]) -> None:
    node.clauses[:0] = pending
    pending.clear()
    out.append(node)


def _nodes(part: str) -> list[_Node]:
    out: list[_Node] = []
    pending: list[str] = []
    current: _Node | None = None
    for clause in _split_clauses(part):
        masked = _mask_quotes(clause)
        dues, timed = _dues(masked)
        mode = _mode(masked)
        pays = bool(_PAYS.search(masked))
        if not (timed or mode or pays):
            (current.clauses if current and _JOINS.match(clause) else pending).append(clause)
            continue
        joins = current is not None and (
            _JOINS.match(clause)
            or (timed and not current.dues and not current.timed and (current.mode or current.weak))
            or (mode and not current.mode and not (timed and (current.dues or current.timed)))
            or (timed and current.dues and dues and dues == current.dues[-1:] and not mode)
            or (mode and mode == current.mode and not timed)  # 按季度拨付，每季度拨付15万元
        )
        if joins and current is not None:
            current.clauses.extend([*pending, clause])
            pending.clear()
            if dues and dues != current.dues[-1:]:
                current.dues.extend(dues)
            current.timed = current.timed or timed
            if mode and (not current.mode or current.weak):
                current.mode = mode
            elif timed and pays and current.weak and not mode:
                current.mode = ONE_OFF
            current.weak = current.weak and not (timed or mode)
            continue
        current = _Node(clauses=[clause], dues=dues, timed=timed, mode=mode)
        if not mode:
            # A date with a paying verb (于8月前完成补助下拨) is one payment; a paying verb
            # alone (计划支付…) says nothing of when or how.
            current.mode = ONE_OFF if timed and pays else ""
            current.weak = not timed
        _close(current, pending, out)
    if out and pending:
        out[-1].clauses.extend(pending)
    return out


def _parts(text: str) -> list[str]:
    text = re.sub(r"^[\s①-⑳]+|(?<=[。；;\n])[\s①-⑳]+", "", text)
    return [part for part in re.split(r"[。；;\n]|(?<=[①-⑳])", text) if part.strip()]


def extract_milestones(plan: str) -> list[Milestone]:
    """The milestones of one sub-item's plan text (the body after its ``N.`` marker)."""
    milestones: list[Milestone] = []
    for part in _parts(sentence_stops(re.sub(r"[①-⑳]", "。", plan))):
        for node in _nodes(part):
            text = "".join(node.clauses).strip(" ，,：:")
            sums = _sums(text)
            amount = sums[-1] if sums else None
            mode = node.mode or OTHER
            dues = node.dues or [(None, None)]
            # 每季度支出0.75万元: the amount is each quarter's, not the year's (共计 is a total).
            per_period = (
                amount is not None
                and mode in (MONTHLY, QUARTERLY)
                and bool(_EACH_PERIOD.search(text[: amount.start]))
                # Part of a year (下半年每季度…): not twelve months or four quarters.
                and not re.search(r"上半年|下半年|[0-9一二三四]季度|[0-9]{1,2}月", text)
            )
            for index, (year, month) in enumerate(dues):
                milestones.append(
                    Milestone(
                        description=text[:300],
                        due_year=year if month is not None else None,
                        due_month=month,
                        payment_mode=mode,
                        amount=amount if index == 0 else None,
                        per_period=per_period and index == 0,
                        dates=len(dues) if amount is not None and index == 0 else 1,
                    )
                )
    return milestones
