"""Disclosure text → ``portal.disclosure-tree/1`` (docs/disclosure-tree.md) plus findings.

:func:`parse_disclosure` is the importer's entry point: pure Python, no Django. It reads the
outline (:mod:`.outline`), then each section: citations (:mod:`.citations`), sub-items from
四 matched with their content (五) and plan (七) by number, line items (:mod:`.lines`), the
declared total and funding split of 六, performance indicators (:mod:`.indicators`), the
milestones of each sub-item's plan (:mod:`.milestones`).

Nothing is lost: a line the parser cannot place is kept as text in the nearest section and
reported with its line number; :func:`uncovered_lines` checks that every non-blank input
line is found in the tree.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from ..amounts import (
    UNIT_MULTIPLIERS,
    AmountError,
    ParsedAmount,
    find_amounts,
    parse_amount_exact,
    round_yuan,
)
from ..checks import check_project
from ..docnumbers import find_doc_numbers
from ..normalize import halfwidth
from ..tree import (
    CitationData,
    FactorData,
    FundingSourceData,
    LineData,
    MilestoneData,
    ProjectData,
    SubItemData,
)
from . import outline as o
from .citations import parse_basis
from .indicators import parse_indicators
from .lines import Line as ParsedLine
from .lines import (
    breakdown,
    extract_lines,
    is_rate,
    one_line_a_sum,
    rate_at,
    rate_lines,
    sentence_stops,
)
from .listing import HEADER_WORDS, HEADING_LIKE, ListedProject, read_listing
from .milestones import extract_milestones
from .numbering import CIRCLED, split_numbered
from .tables import CELL_LABELS, ORGANISATION_END, form_total, single_value, unflatten

SCHEMA = "portal.disclosure-tree/1"
_YEAR = re.compile(r"(?P<year>(?:19|20)[0-9]{2})\s*年")
# A year the budget is for: not a date (2023年9月开工), nor a cited document's (《…2017年度…》).
_BUDGET_YEAR = re.compile(r"(?P<year>(?:19|20)[0-9]{2})\s*年(?!\s*[0-9]{1,2}\s*月)")


def _title_year(title: str) -> re.Match | None:
    """The first year a title names for its budget: not one inside a document it cites, nor a
    date; compared by position with ``_YEAR``'s."""
    normal = re.sub(r"《[^》]*》", lambda cited: "　" * len(cited.group()), halfwidth(title))
    found = _BUDGET_YEAR.search(normal)
    return _YEAR.search(halfwidth(title), found.start()) if found else None


_REGION = re.compile(r"([\u4e00-\u9fff]{2,8}?(?:自治州|自治县|省|市|县|区|州|旗))")
_TRAILING = " \t\u3000。；;，,"
# Words before a total, strongest first: 合计 beats 安排 (市级财政安排30万元，…，合计50万元).
_TOTAL_WORDS = (
    re.compile(r"(?:合计|总计|共计|总额|总预算|总投资|总金额)\s*[:：为是]?\s*$"),
    re.compile(r"(?:安排|预算|资金|共)\s*[:：为是]?\s*$"),
)
_BARE_WAN = re.compile(r"(?<![0-9.])(?P<value>[0-9]+(?:\.[0-9]+)?)\s*万(?!元)")


class TextImportError(ValueError):
    """Text that cannot be imported at all; the message says why, in Chinese."""


@dataclass
class Finding:
    """What the importer noticed. ``origin`` is ``import`` (reading the text: an ``error``
    here means the document cannot be stored) or ``check`` (the consistency checks of
    :mod:`budget.checks` on the parsed figures, shown to reviewers, never blocking)."""

    severity: str  # error | warning | info
    message: str
    line: int | None = None  # 1-based input line, when the finding is about one
    project: int | None = None  # project sequence
    origin: str = "import"
    # The field a warning says could not be read (未能识别): department, fiscal_year, name,
    # implementing_unit, declared_total; staff are sent to it. ``projects``: the text was read
    # as one project of it all; ``rows``: rows of a table were left unread.
    field: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "origin": self.origin,
            "severity": self.severity,
            "line": self.line,
            "project": self.project,
            "field": self.field,
            "message": self.message,
        }


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


def _yuan(amount: ParsedAmount | None) -> str | None:
    return None if amount is None else f"{round_yuan(amount.value):.2f}"


def _written(amount: ParsedAmount | None) -> str:
    """The amount as written, when it reads on its own as that amount (``150万元``); ""
    for a bare figure of a 万元 table (``150``), whose unit is in its heading."""
    if amount is None or len(amount.text) > 50:
        return ""
    try:
        alone = parse_amount_exact(amount.text).value
    except AmountError:
        return ""
    return amount.text if round_yuan(alone) == round_yuan(amount.value) else ""


def _strip(text: str) -> str:
    text = text.strip(_TRAILING)
    # A half-width full stop after a Chinese character ends the sentence (购置.); after a
    # digit it may be part of what is written (经费1.), and stays.
    if re.search(r"[\u4e00-\u9fff）)”]\.$", text):
        text = text[:-1].strip(_TRAILING)
    return text


def _slug(name: str) -> str:
    return "dept-" + hashlib.sha256(name.encode("utf-8")).hexdigest()[:10]


def _short_name(name: str) -> str:
    return name[2:] if name.startswith("中共") and len(name) > 4 else name


def _region(name: str) -> list[str]:
    found = _REGION.findall(name.removeprefix("中共"))
    return found[:3] or ["未注明地区"]


# --- 六 ----------------------------------------------------------------------------------------


def _funding_amounts(text: str) -> list[ParsedAmount]:
    written = find_amounts(text)
    if written:
        # Sums only: a rate (每户1万元) is no total, nor read again as a bare number below.
        return [amount for amount in written if not is_rate(text, amount)]
    # A table cell: "单位：万元 … 150" or "150万": bare numbers read in 万元.
    if "万元" in text or "万" in text:
        out = []
        for match in _BARE_WAN.finditer(halfwidth(text)):
            value = Decimal(match.group("value"))
            out.append(
                ParsedAmount(
                    value=value * 10_000,
                    unit="万元",
                    text=text[match.start() : match.end()],
                    start=match.start(),
                    end=match.end(),
                )
            )
        if out:
            return out
        numbers = list(
            re.finditer(
                r"(?<![0-9.])[0-9]+(?:\.[0-9]+)?(?![0-9.]|\s*[年月日号个人%])", halfwidth(text)
            )
        )
        if "万元" in text and numbers:
            # In a table (单位：万元), the figure after 合计 is the total; else the only figure.
            # Of several (15 公里, 8 公里, 914.95 万元 …) none is known to be the money.
            total = re.search(
                r"(?:合计|总计|共计|总额)\D{0,6}?(?<![0-9.])([0-9]+(?:\.[0-9]+)?)", halfwidth(text)
            )
            match = next((m for m in numbers if total and m.start() == total.start(1)), None)
            if match is None and len(numbers) == 1:
                match = numbers[0]
            if match is None:
                return []
            return [
                ParsedAmount(
                    value=Decimal(match.group()) * 10_000,
                    unit="万元",
                    text=text[match.start() : match.end()],
                    start=match.start(),
                    end=match.end(),
                )
            ]
    return []


def _source_name(text: str, amount: ParsedAmount) -> str:
    start = max(text.rfind(sep, 0, amount.start) for sep in "，,；;。：:、\n")
    name = text[start + 1 : amount.start]
    name = re.sub(r"^(?:其中|含)\s*[:：]?", "", name.strip())
    name = re.sub(r"(?:安排|投入|为|计|约|共)+\s*$", "", name).strip()
    return name[:100]


def _is_whole(text: str, amount: ParsedAmount) -> bool:
    """Whether ``amount``'s clause says it is the whole: it opens with 共, 合计 or 总计
    (共计划投入各级财政资金600万元) or names a total right before it (合计600万元)."""
    start = max(text.rfind(sep, 0, amount.start) for sep in "，,；;。") + 1
    words = text[start : amount.start].strip()
    whole = re.match(r"(?:合计|总计|共(?![建同享有]))", words)
    return bool(whole or _TOTAL_WORDS[0].search(words))


def parse_funding(text: str) -> tuple[ParsedAmount | None, list[tuple[str, ParsedAmount]]]:
    """六: (the declared total or None, [(source name, amount)])."""
    amounts = _funding_amounts(text)
    if not amounts:
        return None, []
    split_at = text.find("其中")
    sources: list[tuple[str, ParsedAmount]] = []
    if split_at >= 0:
        before = [a for a in amounts if a.end <= split_at]
        after = [a for a in amounts if a.start > split_at]
        # The sum before 其中 said to be the whole (该项目预算总投资1350万元,中央财政资金1200
        # 万元,县级配套150万元。其中…), else the last one before it.
        total = next(
            (a for a in before if _TOTAL_WORDS[0].search(text[max(0, a.start - 8) : a.start])),
            before[-1] if before else None,
        )
        if total is None:
            # 每个村不低于100万元，其中，中央30万元…，共计划投入各级财政资金600万元: the sum
            # after the parts, said to be the whole, is the total.
            stated = [a for a in after if _is_whole(text, a)]
            if len(stated) == 1:
                total = stated[0]
                after = [a for a in after if a is not total]
        sources = [(_source_name(text, a), a) for a in after]
        if breakdown(text):
            # What the money is spent on (家庭农场…小计24万元；工作经费4万元), not where it
            # comes from: the project's parts, read as its sub-items, are no sources.
            sources = []
        if total is None and sources:
            return None, sources
        return total, [(n or f"来源{i}", a) for i, (n, a) in enumerate(sources, 1)]
    total = next(
        (
            amount
            for words in _TOTAL_WORDS
            for amount in amounts
            if words.search(text[max(0, amount.start - 8) : amount.start])
        ),
        amounts[0],
    )
    rest = [a for a in amounts if a is not total]
    if len(rest) >= 2 and sum(a.value for a in rest) == total.value:
        names = [_source_name(text, a) for a in rest]
        if all(names):
            sources = list(zip(names, rest, strict=True))
    return total, sources


# --- sub-items -----------------------------------------------------------------------------------


@dataclass
class _Sub:
    number: int
    name: str
    content: list[str] = field(default_factory=list)
    plan: list[str] = field(default_factory=list)
    content_line: int | None = None  # where its content starts in the input
    plan_line: int | None = None

    @property
    def line(self) -> int | None:
        return self.content_line or self.plan_line


def _head(text: str) -> str:
    """The name at the start of a paragraph: up to the first 。 or ：."""
    head = re.split(r"[。：:；;\n]", text.strip(), maxsplit=1)[0]
    return _strip(head)[:200]


def _overview_names(text: str) -> tuple[str, list[tuple[int, str, str]]]:
    """四: (text before the list, [(number, name, the rest of the item)]); a name is the
    item up to its first 。 or ：, the rest is what the item says beyond it."""
    items = split_numbered(text, at="clause")
    names = []
    for item in items:
        body = text[item.body_start : item.end].strip()
        name = _head(body) or f"子项目{item.number}"
        rest = _strip(body[len(_head(body)) :]) if body.startswith(_head(body)) else body
        names.append((item.number, name, rest))
    preamble = text[: items[0].start].strip() if items else ""
    return preamble, names


def _line_at(section: o.Section, offset: int) -> int | None:
    """The input line number of ``offset`` in ``section.text``."""
    lines = section.body_lines
    index = section.text.count("\n", 0, offset)
    return lines[index].number if index < len(lines) else None


def _paragraphs(section: o.Section | None) -> tuple[str, list[tuple[int, str, str, int | None]]]:
    """(preamble, [(number, marker, body, line)]) of 五 or 七, numbered at line starts."""
    if section is None:
        return "", []
    text = section.text
    items = split_numbered(text, at="line")
    if not items:
        return text, []
    preamble = text[: items[0].start].strip()
    return preamble, [
        (
            item.number,
            item.marker,
            text[item.body_start : item.end].strip(),
            _line_at(section, item.start),
        )
        for item in items
    ]


def _match(subs: list[_Sub], number: int, body: str) -> _Sub | None:
    """The sub-item a paragraph of 五 or 七 belongs to: the one whose name opens it (the
    longest such name), else the one with its number."""
    head = _head(body)
    by_number = next((sub for sub in subs if sub.number == number), None)
    named = [sub for sub in subs if len(sub.name) >= 4 and head.startswith(sub.name)]
    if named:
        by_name = max(named, key=lambda sub: len(sub.name))
        if by_number is None or not head.startswith(by_number.name):
            return by_name
    return by_number


# --- lines → tree ----------------------------------------------------------------------------


def _line_node(
    line: ParsedLine,
    sequence: int,
    findings: list[Finding],
    project: int,
    *,
    fallback_name: str,
    where: int | None,
) -> dict:
    amount = line.amount
    if amount is not None and round_yuan(amount.value) != amount.value:
        findings.append(
            Finding(
                "warning",
                f"金额“{amount.text}”精确到了分以下，按原文保留，存为"
                f"{round_yuan(amount.value):.2f}元，请核对单位（可能应为万元）。",
                line=where,
                project=project,
            )
        )
    return {
        "sequence": sequence,
        "marker": line.marker,
        "name": line.name or fallback_name or (amount.text if amount else ""),
        "amount_yuan": _yuan(amount),
        "amount_text": _written(amount),
        "source": line.source,
        "formula": line.formula,
        "factors": [
            {"value": format(value.normalize(), "f"), "unit": unit, "label": label}
            for value, unit, label in line.factors
        ],
        "partial": line.partial,
        "children": [
            _line_node(child, index, findings, project, fallback_name=fallback_name, where=where)
            for index, child in enumerate(line.children, start=1)
        ],
    }


def _line_data(node: dict) -> LineData:
    return LineData(
        sequence=node["sequence"],
        name=node["name"],
        declared=Decimal(node["amount_yuan"]) if node["amount_yuan"] else None,
        amount_text=node["amount_text"],
        marker=node["marker"],
        factors=tuple(
            FactorData(Decimal(f["value"]), f["unit"], f["label"]) for f in node["factors"]
        ),
        children=tuple(_line_data(child) for child in node["children"]),
        partial=node.get("partial", False),
    )


def project_data(node: dict, fiscal_year: int) -> ProjectData:
    """The tree node of a project as :mod:`budget.checks` input."""
    return ProjectData(
        name=node["name"],
        fiscal_year=fiscal_year,
        declared_total=Decimal(node["declared_total_yuan"])
        if node["declared_total_yuan"]
        else None,
        sub_items=tuple(
            SubItemData(
                sequence=sub["sequence"],
                name=sub["name"],
                declared=Decimal(sub["declared_amount_yuan"])
                if sub["declared_amount_yuan"]
                else None,
                lines=tuple(_line_data(line) for line in sub["lines"]),
                milestones=tuple(
                    MilestoneData(
                        sequence=m["sequence"],
                        description=m["description"],
                        due_year=m["due_year"],
                        due_month=m["due_month"],
                        amount=Decimal(m["amount_yuan"]) if m["amount_yuan"] else None,
                        payment_mode=m["payment_mode"],
                        per_period=m.get("per_period", False),
                    )
                    for m in sub["milestones"]
                ),
                texts=(("content", sub["content"]), ("plan", sub["plan"])),
            )
            for sub in node["sub_items"]
        ),
        citations=tuple(
            CitationData(c["sequence"], c["title"], c["document_number"], c["cited_text"])
            for c in node["citations"]
        ),
        funding_sources=tuple(
            FundingSourceData(s["sequence"], s["name"], Decimal(s["amount_yuan"]))
            for s in node["funding_sources"]
        ),
        texts=(("basis_closing", node["basis_closing"]), ("outcomes", node["outcomes"])),
    )


# --- projects ----------------------------------------------------------------------------------


def _append(node: dict, key: str, text: str) -> None:
    node[key] = f"{node[key]}\n{text}" if node[key] else text


def _heading_line(section: o.Section | None) -> int | None:
    if section is None:
        return None
    if section.heading is not None:
        return section.heading.number
    return section.body_lines[0].number if section.body_lines else None


def _body_line(section: o.Section | None) -> int | None:
    """The first line of a section's text (the heading's, when the text is on it)."""
    if section is None:
        return None
    lines = section.body_lines
    return lines[0].number if lines else _heading_line(section)


def _build_project(
    block: o.ProjectBlock, department: str, findings: list[Finding], anchors: dict
) -> dict:
    """One project's tree node; ``anchors`` gets the input lines that findings point at."""
    seq = block.sequence

    def note(severity: str, message: str, line: int | None = None) -> None:
        findings.append(Finding(severity, message, line, seq))

    def first(kind: str) -> o.Section | None:
        return block.section(kind)

    for kind in o.SECTION_ORDER:
        if first(kind) is None:
            line = block.marker.number if block.marker else _heading_line(block.sections[0])
            note("warning", f"项目{seq}缺少“{o.SECTION_LABELS[kind]}”部分。", line)

    node: dict[str, Any] = {
        "sequence": seq,
        "name": "",
        "implementing_unit": "",
        "basis_preamble": "",
        "citations": [],
        "basis_closing": "",
        "declared_total_yuan": None,
        "declared_total_text": "",
        "funding_text": "",
        "outcomes": "",
        "funding_sources": [],
        "performance_indicators": [],
        "sub_items": [],
    }
    overflow: list[tuple[int, str]] = []  # lines kept in outcomes, reported

    # 一 and 三: one value each, without its label or the cells beside it; further lines
    # are kept in 八 and reported.
    for kind, key, field_kind in ((o.NAME, "name", "name"), (o.UNIT, "implementing_unit", "unit")):
        section = first(kind)
        lines = section.body_lines if section else []
        units = _listed_units(lines) if field_kind == "unit" else []
        if units:
            # ①小营盘镇人民政府 及孟克布音 ②乌图布拉格镇人民政府及闫晓: the units, one a line,
            # each without its person (the lines are kept as written in 八).
            node[key] = "、".join(units)[:200]
            overflow.extend((line.number, line.text.strip()) for line in lines)
            continue
        if lines:
            texts = [line.text.strip() for line in lines]
            wrapped = (
                len(texts) <= 3
                and len("".join(texts)) <= 60
                and not any(mark in t for t in texts for mark in ("。", "；", ";", "|"))
                # A line opening with a list's marker or a form's label starts anew.
                and not any(_MARKER.match(t) or _CELL_START.match(t) for t in texts[1:])
                # A table's column headings one a line are no name wrapped over lines.
                and not _COLUMN_HEADING.match(re.sub(r"\s+", "", texts[0]))
            )
            # A name or unit wrapped over a few short lines (PDF export) is one.
            heading = section.heading.text if section.heading else ""
            value, rest = single_value(
                "".join(texts) if wrapped else texts[0],
                field_kind,
                with_person=bool(re.search(r"责任人|负责人", heading)),
            )
            if _COLUMN_HEADING.match(re.sub(r"\s+", "", value)):
                # A table's next column heading (省份, 总投资（万元）), not this field's value:
                # left empty and flagged below.
                rest, value = f"{value} {rest}".strip(), ""
            node[key] = _strip(value)[:200]
            if rest or not node[key]:
                # What follows the value in its cell (a person, the next cell), or a cell that
                # holds no name (≥95%), is kept with the cell as written.
                overflow.append((lines[0].number, "".join(texts) if wrapped else texts[0]))
            if not wrapped:
                overflow.extend((line.number, line.text.strip()) for line in lines[1:])
    header_name = block.header_name if _names_a_project(block.header_name) else ""
    if block.header_name and not header_name:
        # 一、项目建设地址：…, 二、项目建设内容及规模: a section's heading, not a name.
        overflow.append((block.marker.number if block.marker else 0, block.header_name))
    if not node["name"]:
        node["name"] = header_name[:200] or f"项目{seq}"
        if not header_name:
            findings.append(
                Finding(
                    "warning",
                    f"项目{seq}的项目名称未能识别，暂以“{node['name']}”导入，请按原文填写。",
                    block.marker.number if block.marker else _heading_line(first(o.NAME)),
                    seq,
                    field="name",
                )
            )
    if not node["implementing_unit"]:
        node["implementing_unit"] = department
        findings.append(
            Finding(
                "warning",
                f"项目{seq}的项目实施单位未能识别（原文未写明），"
                + (f"暂填预算单位“{department}”，请核对。" if department else "请填写。"),
                _heading_line(first(o.UNIT)),
                seq,
                field="implementing_unit",
            )
        )

    # 二
    basis = first(o.BASIS)
    if basis is not None and basis.text:
        parsed = parse_basis(basis.text)
        line = _body_line(basis)
        preamble = parsed.preamble
        if len(preamble) > 200:
            # The preamble field is short; a long one stays in the closing text's place.
            note("warning", "立项依据开头文字过长，已按原文并入第一条依据之前的说明。", line)
        node["basis_preamble"] = preamble[:200]
        extra_preamble = preamble[200:]
        for index, citation in enumerate(parsed.citations, start=1):
            node["citations"].append(
                {
                    "sequence": index,
                    "cited_text": (extra_preamble if index == 1 else "") + citation.cited_text,
                    "separator": citation.separator,
                    "title": citation.title[:300],
                    "document_number": citation.document_number,
                }
            )
        node["basis_closing"] = parsed.closing
        if not parsed.citations and extra_preamble:
            node["basis_closing"] = preamble + parsed.closing
            node["basis_preamble"] = ""
        for problem in parsed.problems:
            note("warning", f"立项依据：{problem}", line)

    # 四 五 七
    subs: list[_Sub] = []
    overview = first(o.OVERVIEW)
    overview_text = overview.text if overview else ""
    overview_pre, names = _overview_names(overview_text) if overview_text else ("", [])
    for number, name, rest in names:
        sub = _Sub(number=number, name=name)
        if rest:
            # 四 says more than the name: kept at the head of the sub-item's content.
            sub.content.append(rest)
            note(
                "info",
                f"项目基本概况第{number}项名称后的文字已并入该子项目的实施内容。",
                _body_line(overview),
            )
        subs.append(sub)
    content_pre, content_items = _paragraphs(first(o.CONTENT))
    plan_pre, plan_items = _paragraphs(first(o.PLAN))
    if overview_pre:
        content_pre = "\n".join(part for part in (overview_pre, content_pre) if part)
        note(
            "info", "项目基本概况中列表前的文字已并入第一个子项目的实施内容。", _body_line(overview)
        )
    if overview_text and not names:
        content_pre = "\n".join(part for part in (overview_text, content_pre) if part)
        note(
            "info",
            "项目基本概况不是编号列表，已并入第一个子项目的实施内容。",
            overview.heading.number if overview and overview.heading else None,
        )
    for which, items in (("content", content_items), ("plan", plan_items)):
        for number, _marker, body, where in items:
            sub = _match(subs, number, body)
            if sub is None:
                sub = _Sub(number=number, name=_head(body) or f"子项目{number}")
                subs.append(sub)
                if names:
                    heading = o.SECTION_LABELS[o.CONTENT if which == "content" else o.PLAN]
                    note(
                        "warning",
                        f"“{heading}”中的第{number}项在项目基本概况中没有对应子项目，已单独列出。",
                    )
            getattr(sub, which).append(body)
            if getattr(sub, f"{which}_line") is None:
                setattr(sub, f"{which}_line", where)
    if not subs and (content_pre or plan_pre):
        subs.append(_Sub(number=1, name=node["name"]))
        note(
            "info",
            f"项目{seq}的实施内容没有编号的子项目，整体作为一个子项目导入。",
            _body_line(first(o.CONTENT)) or _body_line(first(o.PLAN)),
        )
    if subs:
        if content_pre:
            subs[0].content.insert(0, content_pre)
            subs[0].content_line = subs[0].content_line or _body_line(first(o.CONTENT))
            if content_items:
                note(
                    "info",
                    "实施内容开头未编号的文字已并入第一个子项目。",
                    _heading_line(first(o.CONTENT)),
                )
        if plan_pre:
            subs[0].plan.insert(0, plan_pre)
            subs[0].plan_line = subs[0].plan_line or _body_line(first(o.PLAN))
            if plan_items:
                note(
                    "info",
                    "实施计划开头未编号的文字已并入第一个子项目。",
                    _heading_line(first(o.PLAN)),
                )
    subs.sort(key=lambda sub: sub.number)
    anchors["sub"] = {index: sub.line for index, sub in enumerate(subs, start=1)}
    anchors["lines"] = {}
    anchors["basis"] = _body_line(first(o.BASIS))
    anchors["funding"] = _body_line(first(o.FUNDING))
    anchors["outcomes"] = _body_line(first(o.OUTCOMES))
    anchors["project"] = block.marker.number if block.marker else _heading_line(first(o.NAME))
    anchors["name"] = _body_line(first(o.NAME)) or anchors["project"]
    anchors["implementing_unit"] = _body_line(first(o.UNIT))
    for index, sub in enumerate(subs, start=1):
        content = "\n".join(sub.content)
        plan = "\n".join(sub.plan)
        result = extract_lines(content, "content") if content else None
        if result is None or not result.lines:
            result = extract_lines(plan, "plan") if plan else result
        declared = result.declared if result else None
        lines = result.lines if result else []
        milestones = extract_milestones(plan)
        if not sub.content and content_items:
            note("warning", f"子项目{index}“{sub.name}”在项目实施内容中没有对应段落。")
        node["sub_items"].append(
            {
                "sequence": index,
                "name": sub.name[:200],
                "content": content,
                "plan": plan,
                "declared_amount_yuan": _yuan(declared),
                "declared_amount_text": _written(declared),
                "lines": [
                    _line_node(
                        line,
                        number,
                        findings,
                        seq,
                        fallback_name=sub.name,
                        where=anchors["lines"].setdefault(
                            (index, number),
                            sub.plan_line if line.source == "plan" else sub.content_line,
                        ),
                    )
                    for number, line in enumerate(lines, start=1)
                ],
                "milestones": [
                    {
                        "sequence": number,
                        "description": milestone.description,
                        "due_year": milestone.due_year,
                        "due_month": milestone.due_month,
                        "payment_mode": milestone.payment_mode,
                        "amount_yuan": _yuan(milestone.amount),
                        "amount_text": _written(milestone.amount),
                        "per_period": milestone.per_period,
                    }
                    for number, milestone in enumerate(milestones, start=1)
                ],
            }
        )
        for number, milestone in enumerate(milestones, start=1):
            if milestone.dates > 1:
                # The schedule cannot keep the text's meaning: one sum for several dates.
                note(
                    "info",
                    f"子项目{index}计划节点{number}：原文“{milestone.amount.text}”一句对应"
                    f"{milestone.dates}个时间，无法按时间拆分，已记在第一个时间，请核对。",
                    sub.plan_line,
                )

    # 六
    # A heading with an empty body followed by its key–value line (项目总投资及资金来源 /
    # 项目投资：72.2万元) is one section: the first of them that says something.
    # Of several money sections (3.资金来源:财政补助资金。 4.资金数额:1469万元…), the first that
    # states an amount.
    funding = next(
        (s for s in block.all(o.FUNDING) if _funding_amounts(s.text)),
        next((s for s in block.all(o.FUNDING) if s.text), first(o.FUNDING)),
    )
    if funding is not None:
        node["funding_text"] = funding.text
        total, sources = parse_funding(funding.text)
        line = _body_line(funding)
        if total is not None:
            anchors["declared_total"] = line
            node["declared_total_yuan"] = _yuan(total)
            node["declared_total_text"] = _written(total)
            if round_yuan(total.value) != total.value:
                note("warning", f"申报总额“{total.text}”精确到了分以下，按原文保留。", line)
        else:
            note("warning", f"项目{seq}的资金安排情况中没有找到申报总额。", line)
        for index, (name, amount) in enumerate(sources, start=1):
            node["funding_sources"].append(
                {
                    "sequence": index,
                    "name": name,
                    "amount_yuan": _yuan(amount),
                    "amount_text": _written(amount),
                }
            )

    # 八, 绩效目标 and anything else: outcomes keeps them as written.
    outcomes = first(o.OUTCOMES)
    if outcomes is not None:
        node["outcomes"] = outcomes.text
    for section in block.sections:
        used = funding if section.kind == o.FUNDING else first(section.kind)
        if section.kind in (o.PERFORMANCE, o.EXTRA) or (
            section.kind in o.SECTION_ORDER and section is not used
        ):
            heading = section.heading.text.strip() if section.heading else ""
            text = "\n".join(part for part in (heading, section.text) if part)
            if text:
                _append(node, "outcomes", text)
            if section.kind == o.PERFORMANCE:
                rows = parse_indicators([(line.number, line.text) for line in section.body_lines])
                for row in rows:
                    node["performance_indicators"].append(
                        {
                            "sequence": len(node["performance_indicators"]) + 1,
                            "level1": row.level1,
                            "level2": row.level2,
                            "name": row.name,
                            "comparator": row.comparator,
                            "target": row.target,
                            "unit": row.unit,
                        }
                    )
                if not rows and section.text:
                    note(
                        "info",
                        "绩效目标表的单元格无法逐行识别，已作为文字保留在项目实施成效中。",
                        section.heading.number if section.heading else None,
                    )
            elif section.kind == o.EXTRA:
                where = (
                    section.heading.number
                    if section.heading
                    else section.body_lines[0].number
                    if section.body_lines
                    else None
                )
                note(
                    "info",
                    f"未识别的段落“{(heading or section.text)[:20]}”已按原文保留在项目实施成效中。",
                    where,
                )
            else:
                note(
                    "warning",
                    f"“{o.SECTION_LABELS[section.kind]}”重复出现，后一处已按原文保留在项目实施成效中。",
                    section.heading.number if section.heading else None,
                )
    if block.header_name and block.header_name != node["name"] and block.marker is not None:
        # "一、高标准农田建设管护项目" above "项目名称：…经费": the heading is kept as written.
        _append(node, "outcomes", block.marker.text.strip())
        note(
            "info", "项目标题行与项目名称不同，已按原文保留在项目实施成效中。", block.marker.number
        )
    for number, text in overflow:
        _append(node, "outcomes", text)
        note("info", "此行无法归入项目名称或实施单位，已按原文保留在项目实施成效中。", number)
    return node


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


_NOT_TITLE = re.compile(
    r"^(?:(?:金额|计量)?单位\s*[:：]|附件\s*[0-9一二三四五六七八九十]*\s*$|附表)"
    # A web page's record of the document (索引号, 发文机关, 成文日期 …) is not its title:
    # its dates are when it was written or published, not the year it budgets for.
    r"|^\s*(?:[•·]\s*)?(?:索\s*引\s*号|(?:主题|组配|体裁|信息)?分\s*类|发文机[关构]|发布机构|"
    r"成文日期|发[布文]日期|发布时间|更新时间|发文字号|文\s*号|有\s*效\s*性|公开方式|公开范围|"
    r"公开目录|信息来源|来\s*源|作\s*者|浏览次数|访问次数|点击数|责任编辑|字\s*号|日\s*期)"
    r"\s*[:：|]"
)
_TITLE_TAIL = re.compile(
    r"(?:部门|单位)?(?:预算|决算)?(?:重点领域|重点项目|财政项目|项目文本|项目支出|预算项目).*$"
)


def _title_lines(lines: list[o.Line]) -> tuple[list[o.Line], list[o.Line]]:
    """(the title's lines, the other lines before the first project).

    The title is the run of short lines at the top (a title may wrap: 中共澄江市委组织部2024年
    预算重点领域 / 财政项目文本公开); 单位：万元, 附件1 are not part of it, and neither is
    anything from the first sentence on (根据…，现将…公开如下：).
    """
    title: list[o.Line] = []
    other: list[o.Line] = []
    stopped = False
    for line in lines:
        text = line.text.strip()
        if _NOT_TITLE.match(text):
            other.append(line)
            continue
        if stopped or (title and (len(text) > 60 or text.endswith(("。", "：", ":", "；", ";")))):
            stopped = True
            other.append(line)
            continue
        title.append(line)
    if len("".join(line.text.strip() for line in title)) > 200:
        other = title[1:] + other
        title = title[:1]
    return title, [line for line in lines if line in other]


def _issuer_above(title_lines: list[o.Line]) -> str:
    """The issuer on its own line right above a title that starts with 关于 (重庆市荣昌区财政局
    / 关于提前下达…的通知), or ""."""
    for above, line in itertools.pairwise(title_lines):
        if line.text.strip().startswith("关于"):
            return _organisation(above.text.strip())
    return ""


def _department_in(title: str, year: re.Match | None) -> str:
    """The unit named in the title: the issuer before 关于 (清水县果品产业发展中心关于…的公示);
    before the year (中共澄江市委组织部2024年…), or after it when the year comes first
    (2024年中共澄江市委组织部重点领域…)."""
    issuer = title.split("关于", 1)[0].strip()
    if "关于" in title and _organisation(issuer) and not re.search(r"[0-9〔〕]|文件", issuer):
        return issuer
    if year is None:
        return _strip(_TITLE_TAIL.sub("", title))
    before = _strip(title[: year.start()])
    if len(before) > 1:
        return before
    return _strip(_TITLE_TAIL.sub("", title[year.end() :]).removeprefix("度"))


# What a table's column heading reads like, never a project's name or unit.
_COLUMN_HEADING = re.compile(
    r"^(?:序号|编号|省份|地市|市州|县区|年度|村名|乡镇|建设地点|实施地点|建设规模|类别|"
    r"(?:项目)?(?:主要)?(?:建设|实施)内容(?:及规模)?|.{0,4}性质|.{0,4}(?:分数|等级|得分)|"
    r"资金来源|资金性质|备注|绩效目标|项目类别|项目类型|.{0,6}[(（](?:万元|元)[)）])$"
)


_CELL_START = re.compile(rf"^(?:{'|'.join(CELL_LABELS)})")
_SECTION_LIKE = re.compile(
    r"^项目(?:建设|实施|基本情况|基本概况|资金|概况|名称|单位|地址|地点|内容|规模|期限|依据|"
    r"绩效|效益|投资|进度|计划)"
)


def _names_a_project(text: str) -> bool:
    """Whether the heading that opens a project (一、XX项目) reads as its name, not as a
    section heading (项目建设地址：…, 项目建设内容及规模, 实施范围及规模)."""
    text = text.strip()
    return (
        bool(text)
        and not re.search(r"[:：]", text)
        and not _SECTION_LIKE.match(text)
        and not HEADING_LIKE.search(text)
        and not text.endswith("规模")
    )


_CIRCLED = re.compile(rf"^\s*[{CIRCLED}]\s*")


def _listed_units(lines: list[o.Line]) -> list[str]:
    """The units of a 实施单位 section that lists them one a line after ①②③, each cut from the
    person named after it (及孟克布音, 及努尔夏提·沙布尔江); [] unless every line is one."""
    if len(lines) < 2 or not all(_CIRCLED.match(line.text) for line in lines):
        return []
    units = []
    for line in lines:
        text = _CIRCLED.sub("", line.text).strip()
        unit = re.match(rf"^(?P<unit>.+?{ORGANISATION_END})(?:\s*(?:及|和|、)\s*\S+)?$", text)
        if not unit:
            return []
        units.append(unit.group("unit").strip())
    return units


def _header_cell(section: o.Section | None) -> bool:
    """Whether a 项目名称 "section" is only a table's header cell (the next line is another
    column's name), or absent: then the text does not name one project of its own."""
    if section is None:
        return True
    lines = section.body_lines
    return not lines or bool(HEADER_WORDS.match(re.sub(r"\s+", "", lines[0].text)))


def _form_total(text: str, node: dict, anchor: dict, findings: list[Finding]) -> None:
    """A form's project money (项目总预算 65 under 金额单位:万元) as the total of a text of one
    project that states none in words."""
    found = form_total(text)
    if found is None:
        return
    written, line = found
    try:
        amount = parse_amount_exact(written)
    except AmountError:
        return
    node["declared_total_yuan"] = _yuan(amount)
    node["declared_total_text"] = written
    anchor["declared_total"] = line
    findings.append(
        Finding(
            "warning",
            f"项目金额取自表中的“{written}”，请核对是否为本项目的总额（而非某一年度的金额）。",
            line,
            node["sequence"],
            field="declared_total",
        )
    )
    parts = _parts_in_brackets(text.split("\n")[line - 1], amount.value)
    if parts and not any(sub["lines"] or sub["declared_amount_yuan"] for sub in node["sub_items"]):
        # 854万(高标准农田建设400万元,示范建设295万元,畅通工程159万元): the parts that make up
        # the total, each named, are the sub-items (the text kept in the first one's content).
        content = "\n".join(sub["content"] for sub in node["sub_items"] if sub["content"])
        node["sub_items"] = [
            _sub_item_node(number, name, content if number == 1 else "", part)
            for number, (name, part) in enumerate(parts, 1)
        ]
        anchor["sub"] = {number: line for number in range(1, len(parts) + 1)}


def _parts_in_brackets(line: str, whole: Decimal) -> list[tuple[str, ParsedAmount]]:
    """The named parts a bracket after a total lists (854万(A400万元,B295万元,C159万元)),
    when they add up to it exactly; [] otherwise."""
    bracket = re.search(r"[(（](?P<body>[^()（）]+)[)）]", line)
    if bracket is None:
        return []
    parts = []
    for piece in re.split(r"[，,、；;]", bracket.group("body")):
        found = find_amounts(piece)
        name = _strip(piece[: found[0].start]) if len(found) == 1 else ""
        if not name or not re.search(r"[\u4e00-\u9fff]{2}", name):
            return []
        parts.append((name, found[0]))
    if len(parts) < 2 or sum(part.value for _, part in parts) != whole:
        return []
    return parts


def _detail_sources(text: str, node: dict, anchor: dict) -> dict[str, list]:
    """Where each sub-item, line item and citation of ``node`` was read: the line its
    builder noted, else the first line holding it as written (a citation's text, a listed
    project's row), else its section's."""
    subs = anchor.get("sub", {})
    lines = anchor.get("lines", {})
    return {
        "sub_items": [
            subs.get(index) or _line_of(text, sub["name"]) or anchor.get("project")
            for index, sub in enumerate(node["sub_items"], 1)
        ],
        "lines": [
            [
                lines.get((index, number)) or subs.get(index)
                for number in range(1, len(sub["lines"]) + 1)
            ]
            for index, sub in enumerate(node["sub_items"], 1)
        ],
        "citations": [
            _line_of(text, citation["cited_text"]) or anchor.get("basis")
            for citation in node["citations"]
        ],
    }


def _line_of(text: str, value: str) -> int | None:
    """The first input line holding ``value``."""
    position = text.find(value)
    return None if position < 0 else text.count("\n", 0, position) + 1


_OWN_NUMBER = re.compile(
    r"^\s*(?:发文字号|文号)?[:：\s]*[^\s〔]{2,20}[〔\[(（][0-9]{4}[〕\])）][0-9]+号\s*$"
)


def _own_number(title_lines: list[o.Line]) -> str:
    """The notice's own document number: a line at its head holding nothing else, or one in
    brackets at the end of its title (…项目资金安排情况公告(卢财预整合【2022】3号))."""
    own = []
    for line in title_lines:
        text = halfwidth(line.text).strip()
        if _OWN_NUMBER.match(text):
            own.append(line.text)
        elif bracketed := re.search(r"[(（]([^()（）]{4,40}号)[)）]$", text):
            own.append(bracketed.group(1))
    return "\n".join(own)


# A sentence that acts under a document: 根据/依据/按照/执行/遵照《…》, 《…》文件精神, or one that
# names a document by its number.
_ACTS_UNDER = re.compile(
    r"根据|依据|按照|(?:执行|遵照|参照)\s*《|〔\s*[0-9]{4}\s*〕|》\s*(?:等)?(?:文件|精神|要求|规定)"
)


def _notice_citations(text: str, before_line: int, own: str = "") -> list[dict]:
    """The documents a list's notice gives as its basis above the list (根据《…》（…号）…,
    现将…), and the documents its money comes under, named by their number alone
    (…补助资金15587万元（皖财农〔2024〕1179号）): the basis of every project in it, each
    once. A document named only by its number is cited by that number, its only name in the
    text. Not cited: the notice's own number (in ``own``, its title lines) and forms it asks
    for (《…申报表》, without a number)."""
    head = "\n".join(text.split("\n")[: before_line - 1])
    sentences = re.split(r"(?<=[。；;])", head)
    basis = "".join(s for s in sentences if _ACTS_UNDER.search(s))
    if not basis:
        return []
    return _citations_in(basis, own)


def _block_lines(block: o.ProjectBlock, kinds: tuple[str, ...] = ()) -> list[o.Line]:
    """Every line of a project's block: its marker, its sections' headings and lines; only
    those of sections of ``kinds``, when given."""
    return ([block.marker] if block.marker and not kinds else []) + [
        line
        for section in block.sections
        if not kinds or section.kind in kinds
        for line in ([section.heading] if section.heading else []) + section.lines
    ]


def _basis_in(text: str) -> str:
    """What an item's own text gives as its basis: a cell that is a document (《土壤污染防治法》
    第二十一条), a sentence that acts under one (由洛克乡按照《…招标投标法》…组织实施,
    根据…〔2022〕3号…). A document it only mentions (水质符合《生活饮用水卫生标准》) is not."""
    parts = re.split(r"(?<=[。；;])|\s*\|\s*|\n", text)
    return "".join(
        part
        for part in parts
        if part
        and (
            # A cell that is a document and no more (《土壤污染防治法》第二十一条), not a name
            # that opens with one (《临海文化》杂志出版项目).
            re.fullmatch(
                r"\s*《[^》]+》\s*(?:第[^，,。；;]{1,12}条)?\s*(?:[(（][^()（）]*[)）])?\s*", part
            )
            or re.search(r"(?:根据|依据|按照)[^。；;]{0,40}《(?![^》]*(?:合同|协议)》)", part)
            or find_doc_numbers(part)
        )
    )


def _citations_in(basis: str, own: str = "", cited_before: list[dict] = ()) -> list[dict]:
    """The documents ``basis`` cites by 《title》 or number, each once, after ``cited_before``
    (numbered on from them) and leaving out the text's own number (in ``own``) and forms."""
    cited = []
    seen = {number.normalised for number in find_doc_numbers(own)} | {
        c["document_number"] or c["title"] for c in cited_before
    }
    for citation in parse_basis(basis).citations:
        key = citation.document_number or citation.title
        if not citation.bracketed_title or key in seen:
            continue
        if not citation.document_number and citation.title.endswith("表"):
            continue  # a form to fill in, not a document
        seen.add(key)
        cited.append(
            (citation.cited_text, citation.separator, citation.title, citation.document_number)
        )
    numbers = seen
    for found in find_doc_numbers(basis):
        if found.normalised not in numbers and not any(found.text in c[0] for c in cited):
            numbers.add(found.normalised)
            cited.append((found.text, "", found.normalised, found.normalised))
    return [
        {
            "sequence": index,
            "cited_text": cited_text,
            "separator": separator,
            "title": title[:300],
            "document_number": number,
        }
        for index, (cited_text, separator, title, number) in enumerate(cited, len(cited_before) + 1)
    ]


# A project the title of a notice names: …项目 before the kind of document
# (临朐县2024年度…乡村振兴项目实施情况公告, 近日,船山区…以工代赈项目实施方案文本已经…).
_NAMED_PROJECT = re.compile(
    r"(?P<name>[^\s，,。；;：:、！？《》]{4,80}?项目)"
    r"(?=(?:实施方案|实施情况|实施计划|建设|计划|公示|公告|申报|批复|绩效|立项|验收"
    r"|的(?:公示|公告|通知|批复|请示|报告|实施))|$)"
)
# …项目资金 names a fund (以工代赈示项目资金计划), not a project: 资金 is not a tail above.
_NOTICE_PREFIX = re.compile(r"^(?:关于|近日|现将|现对|将|我局|我单位|对)")


def _title_project_name(title_lines: list[o.Line]) -> tuple[str, int] | None:
    """The one project the title names (…项目实施方案, 关于…项目立项的批复), with its line;
    None when it names none, or more than one."""
    names = {
        _NOTICE_PREFIX.sub("", match.group("name")).strip('“”"')
        for line in title_lines
        for match in _NAMED_PROJECT.finditer(line.text.strip())
    }
    # A name holding 项目 twice joins two projects (甲村道路项目和乙村饮水项目).
    names = {name for name in names if len(name) >= 4 and name.count("项目") == 1}
    if len(names) != 1:
        return None
    name = names.pop()
    return name, next(line.number for line in title_lines if name in line.text)


_NOTICE_TOTAL = re.compile(
    r"(?:总投资|项目资金|投资总额|资金总额|预算金额|申请资金|项目金额)\s*[:：为是]?\s*(?=[0-9０-９])"
)


def _notice_project(text: str, title_lines: list[o.Line]) -> ListedProject | None:
    """The one project a notice is about, where its title names it (…项目实施方案, …项目的公示),
    with the total the text states for it (该项目总投资450万元, 项目资金1570万元); None when
    the title names no project, or more than one."""
    named = _title_project_name(title_lines)
    if named is None:
        return None
    name, line = named
    # No line is consumed: the title says more than the name, and is kept as written.
    project = ListedProject(name=name, line=line, lines=[], inferred=True)
    # The line stays unplaced text (kept in the outcomes): it says more than the sum.
    _one_total(text, _NOTICE_TOTAL, project, prefer=r"(?:该|本)项目")
    return project


def _one_total(text: str, pattern: re.Pattern, project: ListedProject, *, prefer: str) -> None:
    """The amount the text states for the project: of the sums ``pattern`` finds, those with
    ``prefer`` right before them (该项目总投资…, 共计…) if any; taken only when they are one
    sum, never the first of several (全县总投资3000万元 … 该项目总投资45万元)."""
    normal = halfwidth(text)
    found = []
    for total in pattern.finditer(normal):
        amounts = find_amounts(text[total.end() : total.end() + 30])
        if rate_at(normal, total.end()):
            continue  # 每亩可补助资金187.61元: a rate, not the project's sum
        if amounts and amounts[0].start == 0 and not amounts[0].per:
            strong = bool(re.search(prefer, normal[max(0, total.start() - 6) : total.end()]))
            # (``prefer`` is looked for in the label and the few characters before it.)
            found.append((strong, amounts[0], text.count("\n", 0, total.start()) + 1))
    chosen = [item for item in found if item[0]] or found
    if len({amount.value for _, amount, _ in chosen}) == 1:
        _, project.amount, project.amount_line = chosen[0]


# A fund an allocation notice is about (…补助资金的公示, …专项资金分配方案, …基金(资金)的通知).
_NAMED_FUND = re.compile(
    r"(?P<name>[^\s，,。；;：:、！？《》]{4,60}?(?:资金|基金)(?:[(（][^()（）]{1,8}[)）])?)"
    r"(?=分配|安排|使用|计划|预算|下达|的|公示|公告|$)"
)
_FUND_PREFIX = re.compile(r"^(?:关于|印发|公示|公布|拟分配|提前下达|下达|拨付|安排|的)+")
_FUND_TOTAL = re.compile(
    r"(?:资金|基金|[(（]资金[)）])\s*(?:共计|合计|总计)?\s*(?=[0-9０-９])|(?:共计|合计|总计)\s*(?=[0-9０-９])"
)
_SUPPORTS = re.compile(
    r"(?<!严禁)(?<!不得)(?<!禁止)(?:拟支持|支持|用于)(?!支持)"
    r"(?P<name>[^，,。；;：:、（(等类]{4,60}?项目)(?=[（(，,。；;]|$)"
)


# A title's words around what it is about: who issued it, what kind of document it is.
_TITLE_KIND = re.compile(
    r"(?:的)?(?:公示公告|公示|公告|通知|批复|报告|请示|说明|情况|方案|计划|安排表?|分配表?|表)"
    r"(?:[(（][^()（）]{1,10}[)）])?$"
)


def _whole_text_project(
    text: str, title_lines: list[o.Line], findings: list[Finding]
) -> ListedProject | None:
    """A text that states money but no project the rules can read (no 项目名称, no list, no
    project or fund in its title that they know): one project holding it all, named by its
    title, its amount the one sum the text says is the whole, both flagged for staff, rather
    than a refusal that leaves them to type everything. None when the text states no money."""
    if not find_amounts(text):
        return None
    title = "".join(line.text.strip() for line in title_lines)
    name = halfwidth(title).split("关于", 1)[-1].strip(" :：")
    previous = None
    while name and name != previous:
        previous = name
        name = _TITLE_KIND.sub("", name).strip()
    if len(name) > 60 or re.search(r"[。；;，,]", name):
        name = ""  # no title: the text opens with its prose, which names nothing
    line = title_lines[0].number if title_lines else 1
    project = ListedProject(name=name[:200] or "项目1", line=line, lines=[], inferred=True)
    _one_total(text, _FUND_TOTAL, project, prefer=r"共计|合计|总计|总投资")
    findings.append(
        Finding(
            "warning",
            "文中没有“项目名称”等标注，也没有能逐项识别的项目列表：已将全文作为一个项目导入，"
            "名称取自标题。文中如有多个项目或子项目，请按原文逐一录入。",
            line,
            1,
            field="projects",
        )
    )
    return project


def _fund_notice(text: str, title_lines: list[o.Line]) -> ListedProject | None:
    """An allocation notice's one project: the one project its text says the money supports
    (拟支持科右前旗农村生活污水治理项目(项目总投资9935.88万元…)), else the one fund its
    title names (关于卓尼县2020年边缘户种养殖业补助资金的公示), with the amount the text
    first states for it (…补助资金26.29万元, 资金共计1.37亿元). None when neither is one."""
    body_start = max((line.number for line in title_lines), default=0)
    body = "\n".join(text.split("\n")[body_start:])
    supported = {m.group("name") for m in _SUPPORTS.finditer(body)}
    if len(supported) == 1:
        name = supported.pop()
        position = text.index(name, len(text) - len(body))
        project = ListedProject(name=name, line=text.count("\n", 0, position) + 1, inferred=True)
        project.lines = []  # its line says more than the name: kept as unplaced text
        total = _NOTICE_TOTAL.search(halfwidth(text), position)
        if total and text.count("\n", position, total.start()) == 0:
            found = find_amounts(text[total.end() : total.end() + 30])
            if found and found[0].start == 0:
                project.amount = found[0]
                project.amount_line = project.line
        return project
    names = set()
    for line in title_lines:
        words = halfwidth(line.text.strip()).split("关于", 1)[-1]  # the issuer before 关于 goes
        for match in _NAMED_FUND.finditer(words):
            if match.start() and words[match.start() - 1].isspace():
                continue  # cut by a space: the name is longer than the match
            names.add(_FUND_PREFIX.sub("", match.group("name")))
    # 和 joins two funds; 项目…资金 is a project's money, the project named elsewhere.
    names = {n for n in names if len(n) >= 4 and "和" not in n and "项目" not in n}
    if len(names) != 1:
        return None
    name = names.pop()
    titled = [line for line in title_lines if name in halfwidth(line.text)]
    line = titled[0].number if titled else (title_lines[0].number if title_lines else 1)
    project = ListedProject(name=name, line=line, lines=[], inferred=True)
    # The sum written right after the fund's own name (…基金(资金)3039万元), else the one sum
    # the text states for it (资金共计1.37亿元).
    named_sum = re.search(re.escape(name) + r"\s*(?=[0-9０-９])", halfwidth(body))
    amounts = find_amounts(body[named_sum.end() : named_sum.end() + 30]) if named_sum else []
    if amounts and amounts[0].start == 0:
        project.amount = amounts[0]
        project.amount_line = text.count("\n", 0, len(text) - len(body) + named_sum.start()) + 1
    else:
        _one_total(text, _FUND_TOTAL, project, prefer=r"共计|合计|总计")
    return project


def _listed_node(sequence: int, listed: ListedProject, findings: list[Finding]) -> dict:
    """A project of a list (:mod:`.listing`): what its row states, its other cells as the
    content of one sub-item holding it all. A notice's one project, read from its title and
    prose rather than from labelled cells, has its name and amount flagged for staff."""
    amount = listed.amount
    guesses = []
    if listed.misaligned:
        guesses = [
            f"项目{sequence}所在的表格行与表头对不齐（空单元格被略去、单元格跨行或表头有两行），"
            f"项目名称“{listed.name}”是按该行各单元格的内容推断的，请核对。",
            f"项目{sequence}的金额“{amount.text if amount else ''}”是按该行各单元格的内容推断的，"
            "请核对。",
        ]
    elif listed.inferred:
        guesses = [
            f"项目名称“{listed.name}”取自标题或正文，文中没有“项目名称”栏，请核对。",
            f"项目金额取自文中的“{amount.text if amount else ''}”，请核对是否为本项目的总额。",
        ]
    if guesses:
        # A value guessed rather than read from a labelled cell is flagged at its field.
        name_note, amount_note = guesses
        findings.append(Finding("warning", name_note, listed.line, sequence, field="name"))
        if amount is not None:
            where = listed.line if listed.misaligned else listed.amount_line
            findings.append(
                Finding("warning", amount_note, where, sequence, field="declared_total")
            )
    if amount is None:
        findings.append(
            Finding(
                "warning",
                f"项目{sequence}“{listed.name}”的金额未能识别"
                + (
                    f"（原文“{listed.amount_cell}”，表中未写单位）"
                    if listed.amount_cell and listed.from_table
                    else f"（文中写有几笔金额：{listed.amount_cell}，没有写明合计）"
                    if listed.amount_cell
                    else ""
                )
                + "，请按原文填写。",
                listed.line,
                sequence,
                field="declared_total",
            )
        )
    content = "\n".join(listed.content)
    return {
        "sequence": sequence,
        "name": listed.name[:200],
        "implementing_unit": listed.unit[:200],
        "basis_preamble": "",
        "citations": [],
        "basis_closing": "",
        "declared_total_yuan": _yuan(amount),
        "declared_total_text": _written(amount),
        # An item whose parts are the sub-items states its own money on its line.
        "funding_text": content if listed.parts else "",
        "outcomes": "",
        "funding_sources": [],
        "performance_indicators": [],
        "sub_items": [
            _sub_item_node(
                number,
                part.name,
                "\n".join(part.content) if part is not listed else content,
                part.amount,
                [
                    _line_node(
                        line, index, findings, sequence, fallback_name=part.name, where=part.line
                    )
                    for index, line in enumerate(_row_lines(part), 1)
                ],
            )
            # The items of a list inside it are its sub-items; else one holds it all.
            for number, part in enumerate(listed.parts or [listed], 1)
        ],
    }


def _sub_item_node(
    sequence: int,
    name: str,
    content: str = "",
    amount: ParsedAmount | None = None,
    lines: list[dict] | None = None,
) -> dict:
    """A sub-item of the tree read from a list, a notice or its parts: no plan, no milestones."""
    return {
        "sequence": sequence,
        "name": name[:200],
        "content": content,
        "plan": "",
        "declared_amount_yuan": _yuan(amount),
        "declared_amount_text": _written(amount),
        "lines": lines or [],
        "milestones": [],
    }


def _notice_lines(
    node: dict,
    text: str,
    stated: list[ParsedAmount],
    findings: list[Finding],
    *,
    after: int,
    only: set[int] | None = None,
    skip: frozenset[int] | set[int] = frozenset(),
    carry: bool = False,
) -> dict[str, dict]:
    """What a text of one project states in its prose of the parts of its money and their
    calculations, for a project whose one sub-item states none: the parts it lists after 其中
    (``lines.breakdown``: 家庭农场…小计24万元；…；工作经费4万元) become its sub-items, each with
    the count × rate lines of its own words; else the calculations anywhere in it (211户…按每户
    1万元的标准, ``lines.rate_lines``) are lines of its one sub-item. Read from the lines after
    ``after`` (the title), or from those in ``only`` (a project's own, where the text holds
    several). Returns the anchors: ``sub`` (sub-item → line of the text) and ``lines``
    ((sub-item, line) → line of the text). ``stated`` are the text's sums, read once by the
    caller: a line takes one only for its value."""
    rows = [
        (number, row)
        for number, row in enumerate(text.split("\n"), 1)
        if number > after and (only is None or number in only) and number not in skip
    ]
    for number, row in rows:
        parts = breakdown(row)
        if parts:
            return _parts_as_sub_items(node, parts, number, findings)
    # A notice's total count prices the rates of its later paragraphs (``carry``); a
    # sectioned text's counts stay in their paragraph.
    totals: list | None = [] if carry else None
    lines = [
        (line, number)
        for number, row in rows
        for line in rate_lines(row, "content", stated=stated, totals=totals)
    ]
    one_line_a_sum([line for line, _ in lines])  # across the paragraphs too
    sub_item = node["sub_items"][0]
    sub_item["lines"] = [
        _line_node(
            line, index, findings, node["sequence"], fallback_name=sub_item["name"], where=where
        )
        for index, (line, where) in enumerate(lines, 1)
    ]
    return {
        "sub": {},
        "lines": {(1, index): where for index, (_line, where) in enumerate(lines, 1)},
    }


def _parts_as_sub_items(node: dict, parts: list, where: int, findings: list[Finding]) -> dict:
    """The parts of a project's money as its sub-items, in place of the one that held it all,
    each with its amount and the calculation its words state; all read from line ``where``."""
    sub_items = []
    anchors: dict[str, dict] = {"sub": {}, "lines": {}}
    for index, part in enumerate(parts, 1):
        lines = rate_lines(part.text, "content", stated=[part.amount])
        sub_items.append(
            _sub_item_node(
                index,
                part.name,
                part.text,
                part.amount,
                [
                    _line_node(
                        line,
                        number,
                        findings,
                        node["sequence"],
                        fallback_name=part.name,
                        where=where,
                    )
                    for number, line in enumerate(lines, 1)
                ],
            )
        )
        anchors["sub"][index] = where
        anchors["lines"].update({(index, number): where for number in range(1, len(lines) + 1)})
    for old in node["sub_items"]:
        # What the sub-item that held it all said is kept, as written, with the project.
        for kept in (old["content"], old["plan"]):
            if kept:
                _append(node, "outcomes", kept)
    node["sub_items"] = sub_items
    return anchors


def _rows_left_unread(text: str, listed: list[ListedProject], findings: list[Finding]) -> None:
    """A table read up to a row whose next one it could not line up says so: where a line
    right after the last row read is the next 序号 (the rows stopped, the table did not),
    staff are told that rows are missing rather than left to count them."""
    rows = [item for item in listed if item.from_table]
    if not rows:
        return
    last = max(number for item in rows for number in item.lines)
    after = [line.strip() for line in text.split("\n")[last:] if line.strip()][:3]
    following = [cell for line in after for cell in [line.split("|")[0].strip()]]
    if str(len(rows) + 1) in [cell.rstrip(".、．") for cell in following]:
        findings.append(
            Finding(
                "warning",
                f"表格读到第{len(rows)}行为止：其后的行（自序号{len(rows) + 1}起）与表头对不齐，"
                "未能读出，请按原文补录。",
                last + 1,
                None,
                field="rows",
            )
        )


def _row_lines(listed: ListedProject) -> list[ParsedLine]:
    """The calculation a row states in its cells (面积 276亩, 奖补标准 1000元/亩): one line,
    with the row's amount when the product is that amount."""
    lines = rate_lines("，".join(listed.content), "content")
    if len(lines) != 1:
        return []
    line = lines[0]
    product = Decimal(1)
    for value, unit, _label in line.factors:
        product *= value * UNIT_MULTIPLIERS.get(unit, 1)  # a count, a rate in 元 or 万元
    if listed.amount is not None and product == listed.amount.value:
        line.amount = listed.amount
    return lines


# A budget unit's name may end in 本级 or 部门 (青神县发展和改革局本级, 大英县司法局部门).
_ORGANISATION = re.compile(rf"{ORGANISATION_END}(?:本级|本部|部门|机关)?$")
_NOT_ORGANISATION = re.compile(
    r"^(?:关于|经|根据|按照|为|对|现将|印发|转发|下达)|[，,。；;：:！？|]"
)
_DEPARTMENT_LABEL = re.compile(
    r"^\s*(?:预算单位|主管部门|部门名称|单位名称|预算部门)(?:及代码|名称)?\s*[:：|]?\s*"
    r"(?:[\[［(（]\s*[0-9]+\s*[\]］)）])?\s*(?P<value>[^\s|:：]{2,40})",
    re.M,
)
_YEAR_LABEL = re.compile(
    r"^\s*(?:(?:预算|项目|申报)?年度\s*[:：|]?\s*(?P<a>(?:19|20)[0-9]{2})\s*年?"
    r"|[（(]\s*(?P<b>(?:19|20)[0-9]{2})\s*年度\s*[）)])"
    # A form's title with its year: 部门预算项目支出绩效自评表(2023年度).
    r"|表\s*[（(]\s*(?P<c>(?:19|20)[0-9]{2})\s*年度\s*[）)]",
    re.M,
)


def _organisation(name: str) -> str:
    """``name`` if it reads as a unit's name (澄江市委组织部, 庄浪县农业农村局); "" for the
    first words of a title (关于崇明区……的通知 gives 关于崇明区, no unit)."""
    name = name.strip()
    if not 2 < len(name) <= 40 or _NOT_ORGANISATION.search(name):
        return ""
    return name if _ORGANISATION.search(name) else ""


# The page a text was published on names who published it (信息来源:区卫生健康局,
# 发布机构 | 昌宁县发改局, 来源:区发改局 2021-06-16): the issuing unit at the document's head.
_SITE_LABEL = re.compile(
    r"(?<![\u4e00-\u9fff])(?:信息来源|来源|发布机构|发布单位|发布者|发文机关)\s*[:：|]\s*"
    r"(?P<value>[^\s|:：]{2,40})"
)
_SITE_CHROME = re.compile(r"(?:阅读|浏览|字体|点击|发布|日期|时间|次数).*$")


def labelled_department(text: str) -> str:
    """The unit a form names in its 预算单位 / 主管部门 cell (``[077]淮北市文化旅游体育局``:
    the code goes), or ""."""
    for match in _DEPARTMENT_LABEL.finditer(halfwidth(text)):
        value = _organisation(text[match.start("value") : match.end("value")])
        if value:
            return value
    return ""


def publishing_department(text: str) -> str:
    """The publisher the page names at its head (信息来源:…, 发布机构 | …, often a short
    name: 区交通委), or ""."""
    normal = halfwidth(text)
    for match in _SITE_LABEL.finditer(normal[:2000]):
        value = text[match.start("value") : match.end("value")]
        value = _organisation(_SITE_CHROME.sub("", value))
        if value:
            return value
    return ""


_DATE_LINE = re.compile(
    r"^\s*(?:(?:19|20)[0-9]{2}\s*年\s*[0-9]{1,2}\s*月\s*[0-9]{1,2}\s*日"
    r"|(?:19|20)[0-9]{2}[-./][0-9]{1,2}[-./][0-9]{1,2}|(?:19|20)[0-9]{2}[01][0-9][0-3][0-9])\s*$"
)


def signing_department(text: str) -> str:
    """The unit that signs the text: a line naming one or more units (several apart by
    spaces or 、) right above the date it was issued (遂宁市船山区发展和改革局 / 2022年9月28日),
    as notices end; the first such signature, or ""."""
    filled = [line.strip() for line in text.split("\n") if line.strip()]
    for line, following in itertools.pairwise(filled):
        if not _DATE_LINE.match(halfwidth(following)) or len(line) > 80:
            continue
        names = [_organisation(part) for part in re.split(r"\s+|、", line) if part]
        if names and all(names):
            return "、".join(names)
    return ""


_STATED_DATE = re.compile(
    r"(?:发布时间|发布日期|成文日期|公开日期|发文日期|生成日期)\s*[:：|]?\s*"
    r"(?P<y>(?:19|20)[0-9]{2})\s*[-年/.]\s*(?P<m>[0-9]{1,2})\s*[-月/.]\s*(?P<d>[0-9]{1,2})"
)
_SIGNED_DATE = re.compile(
    r"^\s*(?P<y>(?:19|20)[0-9]{2})\s*年\s*(?P<m>[0-9]{1,2})\s*月\s*(?P<d>[0-9]{1,2})\s*日\s*$"
)


def publication_date(text: str) -> tuple[str, int] | None:
    """When the text says it was published: a 发布时间 / 成文日期 label at its head, else the
    date under its signature; as (ISO date, 1-based line), or None. Never the fiscal year."""
    lines = text.split("\n")
    for number, line in enumerate(lines[:30], 1):
        match = _STATED_DATE.search(halfwidth(line))
        if match and (stated := _iso(match)):
            return stated, number
    filled = [(n, line.strip()) for n, line in enumerate(lines, 1) if line.strip()]
    for (_, above), (number, line) in itertools.pairwise(filled):
        match = _SIGNED_DATE.match(halfwidth(line))
        if match and all(_organisation(part) for part in re.split(r"\s+|、", above) if part):
            if stated := _iso(match):
                return stated, number
    return None


def _iso(match: re.Match) -> str | None:
    try:
        return date(int(match.group("y")), int(match.group("m")), int(match.group("d"))).isoformat()
    except ValueError:
        return None


def labelled_year(text: str) -> int | None:
    """The year a form states for itself: ``预算年度：2025``, a line ``(2025年度)``."""
    match = _YEAR_LABEL.search(halfwidth(text))
    if match is None:
        return None
    return int(match.group("a") or match.group("b") or match.group("c"))


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
    # Sections run together on one line each get one; line numbers are the input's again
    # before the result is returned.
    text, origin = o.split_run_on(text)
    result = _parse(text, department=department, year=year)
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


def _parse(text: str, *, department: str | None, year: int | None) -> ImportResult:
    findings: list[Finding] = []
    text = unflatten(text)  # flattened tables' bare cell bars, line for line
    outline = o.parse_outline(text)
    # A list of many projects, when the outline found no project of its own: none, or one
    # made of loose sections without a name or unit (a notice above a table). A project text
    # with a breakdown table keeps its project.
    lone = outline.projects[0] if len(outline.projects) == 1 else None
    listed = (
        read_listing(text)
        if not outline.projects or (lone is not None and _header_cell(lone.section(o.NAME)))
        else []
    )
    notice = None
    if not outline.projects and len(listed) < 2 and not (listed and listed[0].from_table):
        # One row of a table that names its columns is one project; else a notice's title.
        heading = _title_lines(outline.title_lines)[0]
        notice = (
            _notice_project(text, heading)
            or _fund_notice(text, heading)
            or _whole_text_project(text, heading, findings)
        )
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
    title_lines, title_overflow = _title_lines(above)
    title = "".join(line.text.strip() for line in title_lines)
    match = _YEAR.search(halfwidth(title))  # ２０２４年 too; same positions
    # The year given, else the budget year the title names, else a labelled one (预算年度：
    # 2024年, …表(2023年度)), else as a flagged guess a cited document's year (根据《关于下达
    # 2017年度…》) or a date's (2023年9月开工) in the title: often the budget's, not always.
    budget_year = _title_year(title)
    fiscal_year = (
        year or (int(budget_year.group("year")) if budget_year else None) or labelled_year(text)
    )
    if fiscal_year is None and match:
        fiscal_year = int(match.group("year"))
        findings.append(
            Finding(
                "warning",
                f"预算年度取自“{match.group()}”：它是所引文件或日期中的年份，请核对。",
                title_lines[0].number if title_lines else None,
                field="fiscal_year",
            )
        )
    name = (
        department
        or _organisation(_department_in(title, match))
        or _issuer_above(title_lines)
        or signing_department(text)
        or labelled_department(text)
        or publishing_department(text)
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
            _listed_node(sequence, item, findings) for sequence, item in enumerate(listed, 1)
        ]
        if notice is not None:
            # From the first line: a title states no count and rate, and a text without a
            # title opens with its prose.
            found = _notice_lines(
                projects[0], text, find_amounts(text), findings, after=0, carry=True
            )
            anchors[0]["lines"], anchors[0]["sub"] = found["lines"], found["sub"]
        taken = {number for item in listed for number in item.lines}
        _rows_left_unread(text, listed, findings)
        # A list's basis is stated around it, above or below (严格执行《…管理办法》), never
        # in its items' own lines (those are each item's own, below).
        own = _own_number(title_lines)
        outside = "\n".join(
            line for number, line in enumerate(text.split("\n"), 1) if number not in taken
        )
        shared = _notice_citations(outside, outside.count("\n") + 2, own)
        rows = text.split("\n")
        for node, item in zip(projects, listed, strict=True):
            node["citations"] = [dict(citation) for citation in shared]
            own_text = "\n".join(rows[number - 1] for number in item.lines)
            node["citations"] += _citations_in(_basis_in(own_text), own, node["citations"])
        for number, line in enumerate(text.split("\n"), 1):
            if number not in taken and line.strip():
                _append(projects[0], "outcomes", line.strip())
                findings.append(
                    Finding(
                        "info",
                        "这行文字不属于列表中的项目，已按原文保留在项目1的实施成效中。",
                        number,
                        1,
                    )
                )
        title_overflow = []
    else:
        anchors = [{} for _ in outline.projects]
        projects = [
            _build_project(block, name or "", findings, anchor)
            for block, anchor in zip(outline.projects, anchors, strict=True)
        ]
        if len(projects) > 1:
            # Several projects without a 立项依据 section: each cites what the text above them
            # acts under (…的请示(沪崇农发〔2025〕78号)收悉), then what its own lines act under
            # or name its money by (投资资金:300万元(绥财农【2022】9号…)).
            own = _own_number(title_lines)
            first_line = min(
                (line.number for block in outline.projects for line in _block_lines(block)),
                default=1,
            )
            shared = _notice_citations(text, first_line, own)
            for node, block in zip(projects, outline.projects, strict=True):
                if block.section(o.BASIS) is None and not node["citations"]:
                    lines = "\n".join(line.text for line in _block_lines(block))
                    node["citations"] = [dict(citation) for citation in shared]
                    node["citations"] += _citations_in(_basis_in(lines), own, node["citations"])
        if len(projects) == 1 and outline.projects[0].section(o.BASIS) is None:
            # A text of one project without a 立项依据 section (a 批复, a 公示): the documents
            # its sentences cite or name by number are its basis, as for a notice.
            own = _own_number(title_lines)
            projects[0]["citations"] = _notice_citations(text, text.count("\n") + 2, own)
            if projects[0]["citations"]:
                findings.append(
                    Finding(
                        "info",
                        "文本没有“立项依据”部分，已按正文中引用的文件列出立项依据，请核对。",
                        project=1,
                        field="citations",
                    )
                )
        if len(projects) == 1 and projects[0]["declared_total_yuan"] is None:
            _form_total(text, projects[0], anchors[0], findings)
        after = max((line.number for line in title_lines), default=0)
        stated = find_amounts(text)  # a calculation's line takes one of these only for its value
        for node, block, anchor in zip(projects, outline.projects, anchors, strict=True):
            subs = node["sub_items"]
            if len(subs) > 1 or (subs and subs[0]["lines"]):
                continue
            created = not subs
            if created:
                # No content section: a sub-item holding it all, for the lines found below
                # (removed again when there are none).
                subs.append(_sub_item_node(1, node["name"]))
            # A project whose one sub-item has no lines of its own: the calculations its prose
            # states (资金数额:…改建公厕30座,每座补助8万元,合计240万元) are its, anywhere in a
            # text of one project, in its own lines where there are several.
            own = None
            if len(projects) > 1:
                own = {line.number for line in _block_lines(block)}
            # What people gain (八、实施成效, 绩效目标: 每户增收2000元) is no spending, and a
            # name, a unit or a basis states no parts.
            skip = {
                line.number
                for line in _block_lines(
                    block, (o.PERFORMANCE, o.OUTCOMES, o.NAME, o.UNIT, o.BASIS, o.OVERVIEW)
                )
            }
            found = _notice_lines(node, text, stated, findings, after=after, only=own, skip=skip)
            anchor.setdefault("lines", {}).update(found["lines"])
            anchor.setdefault("sub", {}).update(found["sub"])
            if created and not subs[0]["lines"]:
                subs.clear()
        unnamed = [f for f in findings if f.field == "name" and f.project == 1]
        named = _title_project_name(title_lines) if len(projects) == 1 and unnamed else None
        if named is not None:
            # The text's sections name no project; its title does (关于…项目立项的批复).
            projects[0]["name"], anchors[0]["name"] = named
            findings.remove(unnamed[0])
            findings.append(
                Finding("warning", "项目名称取自标题，请核对。", named[1], 1, field="name")
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
        stated = {int(m.group("year")) for p in projects if (m := _YEAR.search(p["name"]))}
        fiscal_year = stated.pop() if len(stated) == 1 else None
        if fiscal_year is not None:
            findings.append(
                Finding(
                    "warning",
                    f"预算年度取自项目名称中的“{fiscal_year}年”，文中没有写明预算年度，请核对。",
                    field="fiscal_year",
                )
            )
    if fiscal_year is None:
        findings.append(
            Finding(
                "warning",
                "预算年度未能识别：标题和项目名称中没有年份，文中也没有“预算年度”等标注，"
                "请选择年度。",
                field="fiscal_year",
            )
        )
    if not title:
        title = (
            f"{name}{fiscal_year or ''}{'年' if fiscal_year else ''}预算重点领域财政项目文本公开"
        )
        findings.append(Finding("info", f"文本没有标题，按单位和年度取“{title}”。"))
    for line in title_overflow:
        _append(projects[0], "outcomes", line.text.strip())
        findings.append(
            Finding("info", "标题处的这行文字已按原文保留在项目1的实施成效中。", line.number)
        )
    published = publication_date(text)
    tree = {
        "schema": SCHEMA,
        "department": {
            "name": name[:100],
            "short_name": _short_name(name)[:50],
            "slug": _slug(name),
            "region": _region(name),
        },
        "disclosure": {"fiscal_year": fiscal_year, "title": title[:200]}
        | ({"source_published_on": published[0]} if published else {}),
        "projects": projects,
    }
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
        | _detail_sources(text, node, anchor)
        for node, anchor in zip(projects, anchors, strict=True)
    ]
    title_line = title_lines[0].number if title_lines else None
    result.document_sources = {
        "title": title_line,
        "department": _line_of(text, name) if name and not department else None,
        "fiscal_year": _line_of(text, str(fiscal_year)) if fiscal_year and not year else None,
        "source_published_on": published[1] if published else None,
    }
    for number in uncovered_lines(text, tree):
        findings.append(Finding("error", "此行未能保留在导入结果中。", number))
    return result


# --- coverage ----------------------------------------------------------------------------------

_MARKER = re.compile(
    r"^(?:项目\s*[0-9一二三四五六七八九十]+\s*[.、:：]?|[一二三四五六七八九十]+\s*[、.]|[（(]\s*[0-9一二三四五六七八九十]+\s*[）)]|[0-9]{1,2}\s*[.、](?![0-9]*\.[0-9]))"
)
_PUNCTUATION = r"\s，,。；;：:、！!？?“”\"'（）()《》<>〈〉【】〔〕\[\]①-⑳"
_SPLIT = re.compile(rf"(?:[{_PUNCTUATION}]|(?<=[{_PUNCTUATION}])[0-9]{{1,2}}[.、])+")


def _texts(node: Any) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [text for key, value in node.items() if key != "slug" for text in _texts(value)]
    if isinstance(node, list):
        return [text for value in node for text in _texts(value)]
    return []


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", halfwidth(text))


def uncovered_lines(text: str, tree: dict) -> list[int]:
    """Line numbers of non-blank input lines not found in ``tree``.

    A line is found when each of its pieces (split at punctuation and list markers, the
    leading ``项目1.`` / ``一、`` / ``1.`` label and a recognised section keyword removed) is
    a substring of some text in the tree (whitespace and full-width forms aside).
    """
    texts = _texts(tree)
    for project in tree.get("projects", []):
        # 二 as written: preamble + Σ(cited_text + separator) + closing (docs/disclosure-tree.md)
        texts.append(
            project.get("basis_preamble", "")
            + "".join(c["cited_text"] + c["separator"] for c in project.get("citations", []))
            + project.get("basis_closing", "")
        )
    corpus = "\u0000".join(_squash(part) for part in texts)
    missing = []
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        if not stripped:
            continue
        heading = o.classify_heading(stripped)
        rest = heading.inline if heading else stripped
        if heading is None and o.project_marker(stripped) is not None:
            rest = o.project_marker(stripped)[1]
        rest = sentence_stops(_MARKER.sub("", halfwidth(rest).strip()))
        pieces = [piece for piece in _SPLIT.split(rest) if piece]
        if any(_squash(piece) not in corpus for piece in pieces):
            missing.append(number)
    return missing
