"""Consistency findings of a project: what does not add up, what looks mistyped, what to tidy.

:func:`check_project` takes a project as plain data (:mod:`budget.tree`) and returns
:class:`Finding` objects, ordered by location and then by code. A finding never changes a
figure: the portal shows what was published and says, in plain Chinese, what does not hold.

Severities: ``error`` is arithmetic that does not hold although both sides are entered (it
blocks submission, unless the unit states that the published text itself says so: a source
note, 原文如此, see :class:`budget.tree.SourceNoteData`); ``warning`` is something that is very
probably a slip; ``info`` says what cannot be checked yet.

Finding codes (stable, for machines; the messages are for people):

===================================  ========  ===============================================
code                                 severity  meaning
===================================  ========  ===============================================
``line_formula_mismatch``            error     a line's factors multiply to another amount
                                               than the one it declares
``line_children_mismatch``           error     a line's child lines do not add up to its
                                               declared amount (or those with an amount
                                               already exceed it; children that are only a
                                               part, 其中, only when they exceed it)
``sub_item_total_mismatch``          error     a sub-item's declared total is not the sum of
                                               its lines (or its lines already exceed it)
``project_itemised_over_declared``   error     the sub-items add up to more than the project's
                                               declared total
``project_itemised_under_declared``  error     every sub-item has an amount and together they
                                               add up to less than the declared total
``project_partly_itemised``          info      some sub-items state no amount, and those that
                                               do add up to less than the declared total
``funding_sources_mismatch``         error     the funding sources do not add up to the
                                               declared total
``line_unit_suspect``                warning   an amount in 元 that is very probably meant in
                                               万元 (see :func:`_unit_suspect`)
``citation_duplicate``               warning   the same document cited twice in one project
``doc_number_nonstandard``           warning   a 文号 written with other brackets than 〔〕
``milestone_year_mismatch``          warning   a plan node due in another year than the
                                               fiscal year
``milestone_month_invalid``          error     a plan node due in a month outside 1–12
``outcomes_empty``                   warning   八、项目实施成效 is empty
``plan_content_mismatch``            info      the money a sub-item's plan (七) states for its
                                               nodes (a sum paid each period counted for the
                                               year) differs from its content's total (五)
``line_outside_stated_range``        info      a line's amount lies outside what its own
                                               passage's rough count and prices allow
                                               (50余人，每人200元至300元 → about 1万–1.8万)
``plan_rate_mismatch``               info      the plan (七) states a rate for something
                                               (每个党委不少于10000元) that the content's
                                               calculation (五) prices otherwise (5000元/年)
``text_year_mismatch``               info      the text speaks of work for another year
                                               (为抓好2023年度…) than the fiscal year
===================================  ========  ===============================================
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from enum import StrEnum
from typing import Any

from .amounts import (
    AmountError,
    ParsedAmount,
    find_amounts,
    format_wan,
    format_yuan,
    parse_amount_exact,
    round_yuan,
)
from .attribution import passages
from .docnumbers import DocNumberError, find_doc_numbers, parse_doc_number
from .normalize import blank_titles, halfwidth
from .rollups import (
    children_total,
    computed_amount,
    itemised_total,
    line_amount,
    milestone_total,
    sub_item_total,
    total,
)
from .tree import (
    CitationData,
    FactorData,
    LineData,
    MilestoneData,
    ProjectData,
    SourceNoteData,
    SubItemData,
)

__all__ = [
    "CITATION_DUPLICATE",
    "DOC_NUMBER_NONSTANDARD",
    "FUNDING_SOURCES_MISMATCH",
    "LINE_CHILDREN_MISMATCH",
    "LINE_FORMULA_MISMATCH",
    "LINE_OUTSIDE_STATED_RANGE",
    "LINE_UNIT_SUSPECT",
    "MILESTONE_MONTH_INVALID",
    "MILESTONE_YEAR_MISMATCH",
    "OUTCOMES_EMPTY",
    "PLAN_CONTENT_MISMATCH",
    "PLAN_RATE_MISMATCH",
    "PROJECT_ITEMISED_OVER_DECLARED",
    "PROJECT_ITEMISED_UNDER_DECLARED",
    "PROJECT_PARTLY_ITEMISED",
    "SUB_ITEM_TOTAL_MISMATCH",
    "TEXT_YEAR_MISMATCH",
    "Finding",
    "Location",
    "Severity",
    "check_project",
]

LINE_FORMULA_MISMATCH = "line_formula_mismatch"
LINE_CHILDREN_MISMATCH = "line_children_mismatch"
SUB_ITEM_TOTAL_MISMATCH = "sub_item_total_mismatch"
PROJECT_ITEMISED_OVER_DECLARED = "project_itemised_over_declared"
PROJECT_ITEMISED_UNDER_DECLARED = "project_itemised_under_declared"
PROJECT_PARTLY_ITEMISED = "project_partly_itemised"
FUNDING_SOURCES_MISMATCH = "funding_sources_mismatch"
LINE_UNIT_SUSPECT = "line_unit_suspect"
CITATION_DUPLICATE = "citation_duplicate"
DOC_NUMBER_NONSTANDARD = "doc_number_nonstandard"
MILESTONE_YEAR_MISMATCH = "milestone_year_mismatch"
MILESTONE_MONTH_INVALID = "milestone_month_invalid"
OUTCOMES_EMPTY = "outcomes_empty"
PLAN_CONTENT_MISMATCH = "plan_content_mismatch"
LINE_OUTSIDE_STATED_RANGE = "line_outside_stated_range"
PLAN_RATE_MISMATCH = "plan_rate_mismatch"
TEXT_YEAR_MISMATCH = "text_year_mismatch"


class Severity(StrEnum):
    """How much a finding matters; ``label`` is what a reader sees."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def label(self) -> str:
        """The Chinese label: 错误 / 警告 / 提示."""
        return _SEVERITY_LABELS[self]


_SEVERITY_LABELS = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}


@dataclass(frozen=True)
class Location:
    """Where in the project a finding is.

    ``kind`` is one of ``project``, ``sub_item``, ``line``, ``citation``, ``milestone``,
    ``funding_source``. ``path`` is made of sequence numbers (never list indexes), from the
    project down:

    - ``project``: ``()``
    - ``sub_item``: ``(s,)``, sub-item ``s``
    - ``line``: ``(s, l1, l2, …)``, sub-item ``s``, its top-level line ``l1``, that line's
      child ``l2`` and so on at any depth: ``(1, 3, 2)`` is sub-item 1, line 3, child 2
    - ``milestone``: ``(s, m)``, milestone ``m`` of sub-item ``s``
    - ``citation``: ``(c,)``, citation ``c`` of the project's 立项依据
    - ``funding_source``: ``(f,)`` for one source, ``()`` for the sources as a whole

    ``label`` says the same in Chinese for a reader ("子项目1 第⑥项 退休适应性培训费，其中
    自助餐费", "立项依据第3条", "项目"); ``field`` names the field the finding is about
    (``declared``, ``declared_total``, ``cited_text``, ``outcomes``, ``due_year`` …);
    ``ref`` is the node's opaque ``ref`` from the tree.
    """

    kind: str
    path: tuple[int, ...]
    label: str
    field: str = ""
    ref: Any = None

    @property
    def place(self) -> str:
        """The location as one stable string, ``line:1.3.2:declared``: the same in every
        revision that has the node at that place (``ref`` is not, it is the record's key)."""
        return f"{self.kind}:{'.'.join(str(step) for step in self.path)}:{self.field}"


@dataclass(frozen=True)
class Finding:
    """One finding. ``expected`` is the worked-out side (a product, a sum, a suggested
    reading) and ``actual`` the declared side, both in 元, where the finding is about money.
    """

    code: str
    severity: Severity
    location: Location
    message: str
    expected: Decimal | None = None
    actual: Decimal | None = None
    source_note: str = ""  # why the text itself says so (原文如此), for an error kept as written

    @property
    def key(self) -> tuple[str, str, str]:
        """What a source note answers: this code, at this place, with this message."""
        return (self.code, self.location.place, self.message)

    @property
    def blocking(self) -> bool:
        """An error that is not kept as written in the source: it blocks submission and
        publication until it is corrected, or the unit says the text itself has it."""
        return self.severity == Severity.ERROR and not self.source_note


def check_project(project: ProjectData) -> list[Finding]:
    """Every finding of the project, ordered by location and then by code.

    Findings at one location with one code keep the order in which they occur in the text.
    """
    findings = [
        *_check_project_total(project),
        *_check_funding_sources(project),
        *_check_citations(project),
        *_check_project_texts(project),
    ]
    for sub in project.sub_items:
        findings.extend(_check_sub_item(sub, project.fiscal_year))
        findings.extend(_check_lines(sub))
        findings.extend(_check_milestones(project, sub))
        findings.extend(_check_plan_against_content(sub))
        findings.extend(_check_stated_ranges(sub))
        findings.extend(_check_plan_rates(sub))
    return sorted(_with_source_notes(findings, project.source_notes), key=_order)


def _with_source_notes(findings: list[Finding], notes: Sequence[SourceNoteData]) -> list[Finding]:
    """Each error that a source note answers, with the note's explanation. Only errors take
    notes: a warning is explained by the reviewer who publishes it, an info needs none."""
    if not notes:
        return findings
    explanations = {(n.code, n.place, n.message): n.explanation for n in notes}
    return [
        replace(finding, source_note=explanations.get(finding.key, ""))
        if finding.severity == Severity.ERROR
        else finding
        for finding in findings
    ]


# --- ordering --------------------------------------------------------------------------------

_PROJECT_KIND_ORDER = {"project": 0, "funding_source": 1, "citation": 2}
_SUB_ITEM_KIND_ORDER = {"sub_item": 0, "line": 1, "milestone": 2}


def _order(finding: Finding) -> tuple:
    location = finding.location
    if location.kind in _SUB_ITEM_KIND_ORDER and location.path:
        place = (1, location.path[0], _SUB_ITEM_KIND_ORDER[location.kind], location.path[1:])
    else:
        place = (0, 0, _PROJECT_KIND_ORDER.get(location.kind, 9), location.path)
    return (*place, location.field, finding.code)


# --- wording ---------------------------------------------------------------------------------


def _number(value: Decimal) -> str:
    """A factor's value as a reader writes it: 60, 1.2, 0.5 (no exponent, no trailing zeros)."""
    return format(value.normalize(), "f")


def _money(value: Decimal) -> str:
    """A larger amount for a reader: 万元 with the exact 元 beside it."""
    return f"{format_wan(value)}（{format_yuan(value)}）"


def _mark(marker: str, sequence: int) -> str:
    mark = marker.strip().strip(".．、")
    return f"第{mark or sequence}项"


def _sub_item_prefix(sub: SubItemData) -> str:
    return f"子项目{sub.sequence}"


def _sub_item_label(sub: SubItemData) -> str:
    return f"子项目{sub.sequence} {sub.name}".rstrip()


_TEXT_LABELS = {
    "name": "名称",
    "basis_preamble": "立项依据",
    "basis_closing": "立项依据",
    "implementing_unit": "项目实施单位",
    "overview": "项目基本概况",
    "content": "项目实施内容",
    "funding_text": "资金安排情况",
    "plan": "项目实施计划",
    "outcomes": "项目实施成效",
}


def _text_label(field: str) -> str:
    return _TEXT_LABELS.get(field, "文字说明")


def _excerpt(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- lines -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Placed:
    """A line with its path, label and the lines beside it (same sub-item, same parent)."""

    line: LineData
    path: tuple[int, ...]
    label: str
    siblings: tuple[LineData, ...]
    index: int  # position among the siblings

    def location(self, field: str = "declared") -> Location:
        return Location(
            kind="line", path=self.path, label=self.label, field=field, ref=self.line.ref
        )


def _walk(
    lines: Sequence[LineData], path: tuple[int, ...], label: str, top: bool
) -> Iterator[_Placed]:
    siblings = tuple(lines)
    for index, line in enumerate(siblings):
        if top:
            here = f"{label} {_mark(line.marker, line.sequence)} {line.name}".rstrip()
        elif line.marker.strip():
            here = f"{label}，其中 {_mark(line.marker, line.sequence)} {line.name}".rstrip()
        else:
            here = f"{label}，其中 {line.name}".rstrip()
        placed = _Placed(line, (*path, line.sequence), here, siblings, index)
        yield placed
        yield from _walk(line.children, placed.path, here, top=False)


def _check_lines(sub: SubItemData) -> Iterator[Finding]:
    for placed in _walk(sub.lines, (sub.sequence,), _sub_item_prefix(sub), top=True):
        yield from _check_formula(placed)
        yield from _check_children(placed)
        yield from _check_unit(placed)


def _name(line: LineData) -> str:
    return line.name or f"第{line.sequence}项"


def _check_formula(placed: _Placed) -> Iterator[Finding]:
    line = placed.line
    computed = computed_amount(line)
    if computed is None or line.declared is None or computed == line.declared:
        return
    formula = " × ".join(f"{_number(f.value)}{f.unit}" for f in line.factors)
    yield Finding(
        code=LINE_FORMULA_MISMATCH,
        severity=Severity.ERROR,
        location=placed.location(),
        message=(
            f"按计算式 {formula} = {format_yuan(computed)}，"
            f"申报金额为 {format_yuan(line.declared)}，"
            f"相差 {format_yuan(abs(computed - line.declared))}。"
        ),
        expected=computed,
        actual=line.declared,
    )


_MAX_LISTED_PARTS = 6


def _check_children(placed: _Placed) -> Iterator[Finding]:
    line = placed.line
    if line.declared is None or not line.children:
        return
    amounts = [line_amount(child) for child in line.children]
    known = total(amounts)
    complete = children_total(line)
    if complete is not None:  # every child has an amount, and together they are the whole
        if complete == line.declared:
            return
        parts = ""
        if len(line.children) <= _MAX_LISTED_PARTS:
            listed = " + ".join(
                f"{_name(child)} {format_yuan(amount)}"
                for child, amount in zip(line.children, amounts, strict=True)
                if amount is not None
            )
            parts = f"（{listed}）"
        message = (
            f"所列 {len(line.children)} 项明细合计 {format_yuan(complete)}{parts}，"
            f"申报金额为 {format_yuan(line.declared)}，"
            f"相差 {format_yuan(abs(complete - line.declared))}。"
        )
        expected = complete
    elif known > line.declared:  # a part (其中), or the children that state an amount
        given = sum(amount is not None for amount in amounts)
        over = f"{format_yuan(line.declared)}，多出 {format_yuan(known - line.declared)}"
        if line.partial:
            message = (
                f"其中所列 {given} 项合计 {format_yuan(known)}，超过申报金额 {over}："
                "其中的部分不能大于整体。"
            )
        else:
            message = (
                f"已列明金额的 {given} 项明细合计 {format_yuan(known)}，已超过申报金额 {over}。"
            )
        expected = known
    else:
        return
    yield Finding(
        code=LINE_CHILDREN_MISMATCH,
        severity=Severity.ERROR,
        location=placed.location(),
        message=message,
        expected=expected,
        actual=line.declared,
    )


# --- unit anomaly ----------------------------------------------------------------------------

# "Much smaller": at most a hundredth of the smallest sibling.
_GAP = Decimal(100)
# How far outside the siblings' range the amount read in 万元 may fall and still "fit":
# wider when the text itself points to 万元, narrow on magnitudes alone.
_STRONG_TOLERANCE = Decimal(5)
_WEAK_TOLERANCE = Decimal(2)
_WAN = Decimal(10_000)


def _written(text: str) -> ParsedAmount | None:
    """The amount as written in a line's ``amount_text`` ("21.4450元"), or None if unreadable."""
    if not text.strip():
        return None
    try:
        return parse_amount_exact(text)
    except AmountError:
        found = find_amounts(text)
        return found[0] if len(found) == 1 else None


def _written_in_wan(line: LineData) -> bool:
    written = _written(line.amount_text)
    return written is not None and written.unit in ("万元", "亿元")


def _unit_suspect(placed: _Placed) -> tuple[Decimal, str, Decimal, Decimal] | None:
    """The reading in 万元 of a line that is very probably mistyped in 元, or None.

    A declared amount is suspect when it is at most a hundredth of the smallest amount of
    its siblings (the other lines of the same sub-item under the same parent) and the same
    number read in 万元 falls within the siblings' range, give or take a factor of 2 — or of
    5 when the text itself points that way: the amount is written in 元 while a sibling is
    written in 万元, or it is written in 元 with more than two decimals (元 go down to 分).
    An amount written in 万元, one that its own factors or child lines confirm, and a line
    without siblings are never suspect.

    Returns (amount read in 万元 in 元, the number as written, smallest and largest sibling).
    """
    line = placed.line
    declared = line.declared
    if declared is None or declared <= 0:
        return None
    written = _written(line.amount_text)
    if written is not None and written.unit in ("万元", "亿元"):
        return None
    if declared in (computed_amount(line), children_total(line)):
        return None
    others = [
        amount
        for index, sibling in enumerate(placed.siblings)
        if index != placed.index
        for amount in (line_amount(sibling),)
        if amount is not None and amount > 0
    ]
    if not others:
        return None
    low, high = min(others), max(others)
    if declared * _GAP > low:
        return None
    # The number as written (21.4450 of 21.4450元), else the declared amount.
    number = written.value if written is not None else declared
    in_yuan = written is not None and written.unit == "元"
    many_decimals = in_yuan and -number.as_tuple().exponent > 2
    sibling_in_wan = any(
        _written_in_wan(sibling)
        for index, sibling in enumerate(placed.siblings)
        if index != placed.index
    )
    strong = in_yuan and (many_decimals or sibling_in_wan)
    tolerance = _STRONG_TOLERANCE if strong else _WEAK_TOLERANCE
    as_wan = round_yuan(number * _WAN)
    if not low / tolerance <= as_wan <= high * tolerance:
        return None
    return as_wan, format(number, "f"), low, high


def _check_unit(placed: _Placed) -> Iterator[Finding]:
    suspect = _unit_suspect(placed)
    if suspect is None:
        return
    as_wan, written, low, high = suspect
    line = placed.line
    assert line.declared is not None  # _unit_suspect returns None otherwise
    shown = line.amount_text.strip() or format_yuan(line.declared)
    span = format_wan(low) if low == high else f"{format_wan(low)}至{format_wan(high)}"
    yield Finding(
        code=LINE_UNIT_SUSPECT,
        severity=Severity.WARNING,
        location=placed.location(),
        message=(
            f"金额写作“{shown}”，远小于同级其他各项（{span}），"
            f"按万元理解则与之相当，疑为 {written}万元（{format_yuan(as_wan)}），请核对单位。"
        ),
        expected=as_wan,
        actual=line.declared,
    )


# --- sub-items and the project ---------------------------------------------------------------


def _check_sub_item(sub: SubItemData, fiscal_year: int = 0) -> Iterator[Finding]:
    yield from _check_sub_item_total(sub)
    yield from _check_texts(
        sub.texts,
        kind="sub_item",
        path=(sub.sequence,),
        label=lambda field: f"{_sub_item_prefix(sub)} {_text_label(field)}",
        ref=sub.ref,
        fiscal_year=fiscal_year,
    )


def _check_sub_item_total(sub: SubItemData) -> Iterator[Finding]:
    if sub.declared is None or not sub.lines:
        return
    amounts = [line_amount(line) for line in sub.lines]
    if all(amount is None for amount in amounts):
        return
    summed = total(amounts)
    location = Location(
        kind="sub_item",
        path=(sub.sequence,),
        label=_sub_item_label(sub),
        field="declared",
        ref=sub.ref,
    )
    if all(amount is not None for amount in amounts):
        if summed == sub.declared:
            return
        message = (
            f"各项明细合计 {_money(summed)}，与本子项目申报的 {_money(sub.declared)}不符，"
            f"相差 {_money(abs(summed - sub.declared))}。"
        )
    elif summed > sub.declared:
        given = sum(amount is not None for amount in amounts)
        message = (
            f"已列明金额的 {given} 项明细合计 {_money(summed)}，"
            f"已超过本子项目申报的 {_money(sub.declared)}，多出 {_money(summed - sub.declared)}。"
        )
    else:
        return
    yield Finding(
        code=SUB_ITEM_TOTAL_MISMATCH,
        severity=Severity.ERROR,
        location=location,
        message=message,
        expected=summed,
        actual=sub.declared,
    )


def _check_project_total(project: ProjectData) -> Iterator[Finding]:
    declared = project.declared_total
    if declared is None or not project.sub_items:
        return
    itemised = itemised_total(project)
    missing = [sub for sub in project.sub_items if sub_item_total(sub) is None]
    location = Location(
        kind="project", path=(), label="项目", field="declared_total", ref=project.ref
    )
    if itemised > declared:
        code, severity = PROJECT_ITEMISED_OVER_DECLARED, Severity.ERROR
        message = (
            f"各子项目细化金额合计 {_money(itemised)}，超过申报总额 {_money(declared)}，"
            f"多出 {_money(itemised - declared)}。"
        )
    elif itemised == declared:
        return
    elif not missing:
        code, severity = PROJECT_ITEMISED_UNDER_DECLARED, Severity.ERROR
        message = (
            f"各子项目细化金额合计 {_money(itemised)}，少于申报总额 {_money(declared)}，"
            f"相差 {_money(declared - itemised)}。"
        )
    else:
        code, severity = PROJECT_PARTLY_ITEMISED, Severity.INFO
        which = "、".join(str(sub.sequence) for sub in missing)
        message = (
            f"{len(missing)} 个子项目（子项目{which}）未列明金额，"
            f"已细化部分合计 {_money(itemised)}，申报总额 {_money(declared)}。"
        )
    yield Finding(
        code=code,
        severity=severity,
        location=location,
        message=message,
        expected=itemised,
        actual=declared,
    )


def _check_funding_sources(project: ProjectData) -> Iterator[Finding]:
    declared = project.declared_total
    if declared is None or not project.funding_sources:
        return
    summed = total(source.amount for source in project.funding_sources)
    if summed == declared:
        return
    parts = "、".join(
        f"{source.name} {format_wan(source.amount)}" for source in project.funding_sources
    )
    yield Finding(
        code=FUNDING_SOURCES_MISMATCH,
        severity=Severity.ERROR,
        location=Location(kind="funding_source", path=(), label="资金来源", field="amount"),
        message=(
            f"各资金来源（{parts}）合计 {_money(summed)}，与申报总额 {_money(declared)}不符，"
            f"相差 {_money(abs(summed - declared))}。"
        ),
        expected=summed,
        actual=declared,
    )


# --- citations and document numbers ----------------------------------------------------------

_ANGLE = str.maketrans({"<": "〈", ">": "〉"})


def _title_key(title: str) -> str:
    """A title compared loosely: half-width, no spaces, outer 《》 dropped, <> as 〈〉."""
    text = "".join(halfwidth(title).split()).translate(_ANGLE)
    if text.startswith("《") and text.endswith("》"):
        text = text[1:-1]
    return text


def _number_key(number: str) -> str:
    number = "".join(number.split())
    if not number:
        return ""
    try:
        return parse_doc_number(number).normalised
    except DocNumberError:
        return halfwidth(number)


def _citation_location(citation: CitationData, field: str) -> Location:
    return Location(
        kind="citation",
        path=(citation.sequence,),
        label=f"立项依据第{citation.sequence}条",
        field=field,
        ref=citation.ref,
    )


def _check_citations(project: ProjectData) -> Iterator[Finding]:
    first_seen: dict[tuple[str, str], CitationData] = {}
    for citation in project.citations:
        key = (_title_key(citation.title), _number_key(citation.document_number))
        if key != ("", ""):
            first = first_seen.setdefault(key, citation)
            if first is not citation:
                title = citation.title.strip().removeprefix("《").removesuffix("》")
                number = f"（{key[1]}）" if key[1] else ""
                yield Finding(
                    code=CITATION_DUPLICATE,
                    severity=Severity.WARNING,
                    location=_citation_location(citation, "title"),
                    message=(
                        f"与立项依据第{first.sequence}条重复：同一文件《{title}》{number}"
                        "再次被引用。"
                    ),
                )
        yield from _nonstandard(citation.cited_text, _citation_location(citation, "cited_text"))


def _check_project_texts(project: ProjectData) -> Iterator[Finding]:
    texts = dict(project.texts)
    if "outcomes" in texts and not texts["outcomes"].strip():
        yield Finding(
            code=OUTCOMES_EMPTY,
            severity=Severity.WARNING,
            location=Location(
                kind="project", path=(), label="八、项目实施成效", field="outcomes", ref=project.ref
            ),
            message="八、项目实施成效为空：原文有此节的请录入；原文确实没有的，公开时请说明。",
        )
    yield from _check_texts(
        project.texts,
        kind="project",
        path=(),
        label=_text_label,
        ref=project.ref,
        fiscal_year=project.fiscal_year,
    )


def _check_texts(
    texts: Sequence[tuple[str, str]],
    *,
    kind: str,
    path: tuple[int, ...],
    label: Callable[[str], str],
    ref: Any,
    fiscal_year: int = 0,
) -> Iterator[Finding]:
    for field, text in texts:
        location = Location(kind=kind, path=path, label=label(field), field=field, ref=ref)
        yield from _nonstandard(text, location)
        yield from _other_years(text, location, fiscal_year)


# Work the text sets out for a year (为抓好2023年度…, 做好2023年度…): it should be the fiscal
# year's. A document's title (in 《》) may name any year.
_WORK_YEAR = re.compile(
    r"(?:抓好|做好|完成|开展|落实|推进|部署)\s*(?P<year>(?:19|20)[0-9]{2})\s*年度"
)


def _other_years(text: str, location: Location, fiscal_year: int) -> Iterator[Finding]:
    if not fiscal_year:
        return
    masked = blank_titles(text)
    for match in _WORK_YEAR.finditer(masked):
        year = int(match.group("year"))
        if year == fiscal_year:
            continue
        end = masked.find("。", match.end())
        phrase = text[match.start() : end if 0 <= end < match.end() + 30 else match.end() + 12]
        yield Finding(
            code=TEXT_YEAR_MISMATCH,
            severity=Severity.INFO,
            location=location,
            message=(
                f"文中“{phrase}”说的是{year}年度的工作，与本文本的预算年度{fiscal_year}年不同；"
                "如是沿用往年文字，请核对是否应为本年度。"
            ),
        )


def _nonstandard(text: str, location: Location) -> Iterator[Finding]:
    """One finding per distinct non-standard 文号 written in the text, in text order."""
    seen: set[str] = set()
    for number in find_doc_numbers(text):
        if number.standard or number.text in seen:
            continue
        seen.add(number.text)
        yield Finding(
            code=DOC_NUMBER_NONSTANDARD,
            severity=Severity.WARNING,
            location=location,
            message=f"文号“{number.text}”不是标准写法，应为“{number.normalised}”。",
        )


# --- milestones ------------------------------------------------------------------------------


# A rough count (50余人, 30多人) and the prices per person in one passage.
_ROUGH_COUNT = re.compile(r"(?P<n>[0-9]+)\s*(?P<more>余|多)\s*(?P<unit>人|名|户|个)")
_PER_PRICE = re.compile(r"每(?:人|名|户|个)[^，,。；;0-9]{0,6}?(?P<price>[0-9]+(?:\.[0-9]+)?)\s*元")


def _check_stated_ranges(sub: SubItemData) -> Iterator[Finding]:
    """A line whose passage gives only a rough count and prices (原实职副处级以上离老干部50余人，
    县内每人200元，县外每人300元，需经费3万元): its amount should lie within what they
    allow, once each (50–59人 × 200–300元). Said as an estimate: the text may mean more
    visits than it says."""
    _outside, found = passages(sub.texts)
    for line in sub.lines:
        passage = found.get(line.marker, "")
        if line.declared is None or line.factors or line.children or not passage:
            continue
        normal = halfwidth(passage)
        count = _ROUGH_COUNT.search(normal)
        prices = [Decimal(m.group("price")) for m in _PER_PRICE.finditer(normal)]
        if count is None or not prices:
            continue
        least = int(count.group("n"))
        most = least + (9 if least >= 10 else least)  # 50余人: 50 to 59; 5多人: up to 10
        low, high = least * min(prices), most * max(prices)
        if low <= line.declared <= high:
            continue
        yield Finding(
            code=LINE_OUTSIDE_STATED_RANGE,
            severity=Severity.INFO,
            location=Location(
                kind="line",
                path=(sub.sequence, line.sequence),
                label=f"{_sub_item_prefix(sub)} {_mark(line.marker, line.sequence)}{_name(line)}",
                field="declared",
                ref=line.ref,
            ),
            message=(
                f"按本项文中“{count.group()}”、每人{_number(min(prices))}元至"
                f"{_number(max(prices))}元估算，每人一次约需 {_money(low)}至{_money(high)}，"
                f"与所列 {_money(line.declared)}不符；如每人不止一次或另有开支，请在文中说明。"
            ),
            expected=high if line.declared > high else low,
            actual=line.declared,
        )


# A rate the plan states for each of one or more things: 每个党委、总支、支部每年…不少于10000元、
# 6000元、3000元; 每名党员每年不少于100元.
_PLAN_RATE = re.compile(
    r"每(?:个|名|位)?(?P<nouns>[\u4e00-\u9fff]{2,6}(?:、[\u4e00-\u9fff]{2,6})*)"
    r"[^，,。；;0-9]{0,16}?(?P<prices>[0-9]+(?:\.[0-9]+)?元(?:、[0-9]+(?:\.[0-9]+)?元)*)"
)


def _priced_lines(lines: Sequence[LineData]) -> Iterator[tuple[LineData, FactorData]]:
    """Each line (children too) with the factor that prices it (a 元 unit)."""
    for line in lines:
        price = next((f for f in line.factors if f.unit.startswith("元")), None)
        if price is not None:
            yield line, price
        yield from _priced_lines(line.children)


def _check_plan_rates(sub: SubItemData) -> Iterator[Finding]:
    """The plan's rates against the prices the content's calculations use, for the same
    thing (a line whose name holds the noun the plan prices): one finding listing each."""
    plan = dict(sub.texts).get("plan", "")
    priced = list(_priced_lines(sub.lines))
    if not plan or not priced:
        return
    differing = []
    for match in _PLAN_RATE.finditer(halfwidth(plan)):
        nouns = match.group("nouns").split("、")
        prices = [Decimal(p.removesuffix("元")) for p in match.group("prices").split("、")]
        if len(nouns) != len(prices):
            continue
        for noun, rate in zip(nouns, prices, strict=True):
            # The noun as the line names it: its longest start the line's name holds
            # (支部每年党建 → 支部; the rate's words run on into the noun).
            for line, price in priced:
                named = next(
                    (noun[:k] for k in range(len(noun), 1, -1) if noun[:k] in line.name), ""
                )
                if not named:
                    continue
                if price.value != rate:
                    differing.append(
                        f"每{named}{_number(rate)}元，测算“{line.name}”按{_number(price.value)}"
                        f"{price.unit}"
                    )
                break
    if differing:
        yield Finding(
            code=PLAN_RATE_MISMATCH,
            severity=Severity.INFO,
            location=_plan_location(sub),
            message=(
                "实施计划写明的标准与实施内容测算所用的不同："
                + "；".join(differing)
                + "。可能其中一处是往年或另一种标准，请对照两处核对。"
            ),
        )


def _plan_location(sub: SubItemData) -> Location:
    return Location(
        kind="sub_item",
        path=(sub.sequence,),
        label=f"{_sub_item_prefix(sub)} 实施计划",
        field="plan",
        ref=sub.ref,
    )


def _check_plan_against_content(sub: SubItemData) -> Iterator[Finding]:
    """What the plan's nodes state (七) against what the content totals (五): a plan that
    leaves out parts of the content, or prices them otherwise, is for the unit to explain."""
    planned = [milestone_total(m) for m in sub.milestones]
    stated = [amount for amount in planned if amount is not None]
    content = sub_item_total(sub)
    if len(stated) < 2 or content is None:
        return  # a plan that prices one node or none is no breakdown of the sub-item
    plan = total(stated)
    if plan == content:
        return
    unpriced = len(planned) - len(stated)
    yield Finding(
        code=PLAN_CONTENT_MISMATCH,
        severity=Severity.INFO,
        location=_plan_location(sub),
        message=(
            f"实施计划各节点写明的金额合计 {_money(plan)}（按季、按月支付的按全年计），"
            f"与实施内容的合计 {_money(content)}不一致，相差 {_money(abs(plan - content))}"
            + (f"；另有 {unpriced} 个节点未写金额" if unpriced else "")
            + "。可能是计划漏列了部分内容，或两处金额写法不同，请对照两处核对。"
        ),
        expected=content,
        actual=plan,
    )


def _milestone_location(sub: SubItemData, milestone: MilestoneData, field: str) -> Location:
    return Location(
        kind="milestone",
        path=(sub.sequence, milestone.sequence),
        label=f"{_sub_item_prefix(sub)} 计划节点{milestone.sequence}",
        field=field,
        ref=milestone.ref,
    )


def _check_milestones(project: ProjectData, sub: SubItemData) -> Iterator[Finding]:
    for milestone in sub.milestones:
        month = milestone.due_month
        month_ok = month is None or 1 <= month <= 12
        if not month_ok:
            yield Finding(
                code=MILESTONE_MONTH_INVALID,
                severity=Severity.ERROR,
                location=_milestone_location(sub, milestone, "due_month"),
                message=f"计划完成月份“{month}”不存在，月份应在1至12之间。",
            )
        year = milestone.due_year
        if year is not None and project.fiscal_year and year != project.fiscal_year:
            due = f"{year}年{month}月" if month is not None and month_ok else f"{year}年"
            what = f"“{_excerpt(milestone.description)}”" if milestone.description.strip() else ""
            yield Finding(
                code=MILESTONE_YEAR_MISMATCH,
                severity=Severity.WARNING,
                location=_milestone_location(sub, milestone, "due_year"),
                message=(
                    f"计划节点{what}的完成时间为{due}，不在本项目的预算年度"
                    f"（{project.fiscal_year}年）内，请核对年份。"
                ),
            )
