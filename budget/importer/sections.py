"""A project of the eight-section outline (重点领域财政项目文本 and 项目支出说明 headings):
its name, unit, basis, sub-items matched with their content and plan, lines and funding."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from typing import Any

from ..amounts import (
    find_amounts,
    round_yuan,
)
from ..normalize import halfwidth, squash
from . import outline as o
from .citations import parse_basis
from .funding import funding_amounts, parse_funding
from .head import DATE_LINE, organisation
from .indicators import parse_indicators
from .lines import (
    extract_lines,
)
from .listing import COLUMN_WORDS
from .listing.listed import REPORT_HEADING
from .milestones import extract_milestones
from .nodes import Finding, append_text, line_node, trimmed, written, yuan_text
from .numbering import CIRCLED, LIST_MARKER, split_numbered
from .outline import HEADING_LIKE
from .tables import CELL_LABELS, ORGANISATION_END, single_value


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
    return trimmed(head)[:200]


def _overview_names(text: str) -> tuple[str, list[tuple[int, str, str]]]:
    """四: (text before the list, [(number, name, the rest of the item)]); a name is the
    item up to its first 。 or ：, the rest is what the item says beyond it."""
    items = split_numbered(text, at="clause")
    names = []
    for item in items:
        body = text[item.body_start : item.end].strip()
        name = _head(body) or f"子项目{item.number}"
        rest = trimmed(body[len(_head(body)) :]) if body.startswith(_head(body)) else body
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


# A form's next field's label where a field's value should be (项目名称 主管部门 …).
_NEXT_CELL = re.compile(
    "(?:"
    + "|".join(re.escape(label) for label in sorted(CELL_LABELS, key=len, reverse=True))
    + r")(?:\s|[:：|]|$)"
)


def _headings_alone(value: str) -> bool:
    """Whether ``value`` is two or more of a table's column headings set apart by spaces
    (1.中央资金(万元) 2.省级资金(万元) 建设规模 完成情况), not a field's value."""
    cells = [re.sub(r"^[0-9]{1,2}[.、．]", "", squash(cell)) for cell in value.split()]

    def heading(cell: str) -> bool:
        return bool(_COLUMN_HEADING.match(cell) or _MONEY_HEADING.match(cell))

    # (a heading a PDF's text broke with a space is one: 所在 乡镇, 完工 时间)
    read, at = 0, 0
    while at < len(cells):
        if heading(cells[at]):
            at += 1
        elif at + 1 < len(cells) and heading(cells[at] + cells[at + 1]):
            at += 2
        else:
            return False
        read += 1
    return read >= 2


_MONEY_HEADING = re.compile(r"^.{0,8}(?:资金|金额|投资|预算)(?:[(（](?:万元|元)[)）])?$")
# A form's label, not a value: what the labels of a record of approval end in.
# Levels of money listed with 、, a table's column heading: 中央、省、市(州)、县级财政资金.
_LEVELS_OF_MONEY = re.compile(
    r"^(?:中央|省|市|县|区)级?(?:[(（][^()（）]{1,4}[)）])?"
    r"(?:、(?:省|市|州|县|区)级?(?:[(（][^()（）]{1,4}[)）])?)+(?:财政)?资金$"
)
_EMPTY_FORMS_LABEL = re.compile(r"^.{0,6}(?:文号|文件|机关|时间|日期|摘要|地点|规模|编号)$")
_IMPLEMENTING = re.compile(
    # (its number before it: 三、实施主体:…)
    r"^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[0-9]{1,2}\s*[、.．]|[（(][一二三四五六七八九十0-9]{1,3}[）)])?"
    r"\s*(?:项目)?实施(?:单位|主体)\s*[:：]"
)
# A unit named in a sentence under its label (项目法人单位为X, 项目实施单位是X); never a 监理 or
# 施工 单位, who work for the project.
_UNIT_IN_PROSE = re.compile(
    rf"(?:项目)?(?:实施|建设|法人|承担)单位\s*(?:为|是)\s*[:：]?\s*"
    rf"(?P<unit>[^，,。；;:：\s]{{2,30}}?{ORGANISATION_END})(?=[，,。；;\s]|$)"
    # (or the unit first, said to act as it: …,芦山县水务投资有限公司作为项目业主单位,…)
    rf"|(?:^|(?<=[，,。；;\s]))(?P<acting>[^，,。；;:：\s]{{2,30}}?{ORGANISATION_END})"
    r"作为(?:本|该)?项目(?:业主|实施|建设|法人)单位"
)


def unit_said_in_prose(
    lines: list[o.Line], seq: int, findings: list[Finding]
) -> tuple[str, int] | None:
    """The unit the first of ``lines`` naming one under its label in a sentence names
    (…;项目法人单位为西吉县水土保持工作站。), with its line; flagged as read from prose. None
    when none does."""
    for line in lines:
        match = _UNIT_IN_PROSE.search(halfwidth(line.text))
        group = "unit" if match and match["unit"] else "acting"
        if match and organisation(match.group(group)):
            findings.append(
                Finding(
                    "warning",
                    f"项目{seq}的实施单位取自正文中的“{match.group()}”，请核对。",
                    line.number,
                    seq,
                    field="implementing_unit",
                )
            )
            return line.text[match.start(group) : match.end(group)], line.number
    return None


# What a unit's name holds: an organisation's ending, or a place (全县39个乡镇(街道), 各村).
# (at its end, a note in brackets aside: 农村饮水安全巩固提升 names no unit, though it holds 村)
_UNIT_LIKE = re.compile(
    rf"(?:{ORGANISATION_END}|[省市县区旗镇乡村州盟]|街道|社区|公司|合作社|学校|医院)"
    r"(?:[(（][^()（）]*[)）])?$"
)


# A form's cell naming who carries the project out: 实施单位, 项目承担主体 …
_UNIT_LABEL = r"(?:项目)?(?P<kind>实施|承担|责任|资金使用)(?:单位|主体)"
_UNIT_CELL = re.compile(
    rf"(?:^|\|)\s*{_UNIT_LABEL}\s*\|\s*"
    r"(?P<value>[^|]*[\u4e00-\u9fff][^|]*?)\s*(?=\||$)"
)


# The parts a report of a project is told in, under its 项目基本情况: no works of it.
_REPORT_PART = re.compile(
    r"^(?:项目)?(?:提出|立项|设立|申报|实施)?的?(?:理由|过程|目的|背景|必要性|意义|依据|概况|情况)$"
)
_UNIT_CELL_ALONE = re.compile(rf"\s*{_UNIT_LABEL}\s*[|｜]?\s*")


def build_project(
    block: o.ProjectBlock, department: str, findings: list[Finding], anchors: dict
) -> dict:
    """One project's tree node; ``anchors`` gets the input lines that findings point at."""
    seq = block.sequence

    def note(severity: str, message: str, line: int | None = None) -> None:
        findings.append(Finding(severity, message, line, seq))

    def first(kind: str) -> o.Section | None:
        if kind == o.UNIT:
            # Of several (五、责任单位 / 项目实施单位:…), the one naming the implementing unit.
            units = block.all(o.UNIT)
            return next(
                (s for s in units if s.heading and _IMPLEMENTING.match(s.heading.text)),
                units[0] if units else None,
            )
        if kind == o.NAME:
            # A form naming its 一级 and 二级 projects (一级项目名称 文化事业发展专项资金 / 二级
            # 项目名称 博物馆…补助资金): the 二级 is the project, the 一级 the programme over it.
            names = block.all(o.NAME)
            return next(
                (s for s in names if s.heading and squash(s.heading.text).startswith("二级")),
                names[0] if names else None,
            )
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
        if field_kind == "unit" and len(lines) > 1:
            # A section naming several (项目责任单位:… / 项目实施单位:…): the implementing
            # unit is the one labelled so; the others are kept as written.
            implementing = [line for line in lines if _IMPLEMENTING.match(line.text)]
            if implementing:
                lines = implementing[:1] + [line for line in lines if line is not implementing[0]]
        if lines:
            texts = [line.text.strip() for line in lines]
            wrapped = (
                len(texts) <= 3
                and len("".join(texts)) <= 60
                and not any(mark in t for t in texts for mark in ("。", "；", ";", "|"))
                # A line opening with a list's marker or a form's label starts anew.
                and not any(LIST_MARKER.match(t) or _CELL_START.match(t) for t in texts[1:])
                # (or any field's label: 项目建设地点:定南县…)
                and not any(re.match(r"[\u4e00-\u9fff]{2,12}\s*[:：]", t) for t in texts[1:])
                # A table's column headings one a line are no name wrapped over lines, nor
                # are they when the first names where money comes from (中央、省级财政资金).
                and not _COLUMN_HEADING.match(squash(texts[0]))
                and not (field_kind == "name" and _LEVELS_OF_MONEY.match(squash(texts[0])))
                # A unit whose name is whole (…农业农村局) is not wrapped: what follows is
                # another line (实施地点:…, cut short).
                and not (
                    field_kind == "unit"
                    and re.search(rf"{ORGANISATION_END}$", single_value(texts[0], "unit")[0])
                )
            )
            # A name or unit wrapped over a few short lines (PDF export) is one.
            heading = section.heading.text if section.heading else ""
            value, rest = single_value(
                "".join(texts) if wrapped else texts[0],
                field_kind,
                with_person=bool(re.search(r"责任人|负责人", heading)),
            )
            squashed = squash(value)
            if (
                _COLUMN_HEADING.match(squashed)
                or _EMPTY_FORMS_LABEL.match(squashed)
                # (a form's next cell's label: 项目名称 主管部门 上海市…, the name printed
                # elsewhere, as a PDF's text may set it)
                or _NEXT_CELL.match(halfwidth(value))
                # (its words apart where a PDF's line broke in its cell: 项目主管单 位)
                or _NEXT_CELL.fullmatch(halfwidth(squashed))
                # (a table's other column headings after its 项目名称: 1.中央资金(万元) 2.…)
                or _headings_alone(value)
                # (or the levels its money comes from, the next column's heading: 项目名称 |
                # 中央、省、市(州)、县级财政资金 | 资金计划; a fund's name may name a project)
                or (field_kind == "name" and _LEVELS_OF_MONEY.match(squashed))
                # (a date where a unit should be: 项目单位(盖章) 2020年7月16日, a form's
                # stamp left for the seal and the day it was signed)
                or (field_kind == "unit" and DATE_LINE.match(halfwidth(squashed)))
            ):
                # A table's next column heading (省份, 总投资（万元）), or the next label of a
                # form left blank (项目名称 / 审批文号 / 批复机关 …), not this field's value:
                # left empty and flagged below.
                rest, value = f"{value} {rest}".strip(), ""
            node[key] = trimmed(value)[:200]
            if field_kind == "name" and node[key] and "专项名称" in squash(heading):
                # A 专项 may be a programme over the project (农业绿色发展专项 (…整县推进项目))
                # rather than the project itself.
                findings.append(
                    Finding(
                        "warning",
                        f"项目{seq}的名称取自“专项名称”栏，请核对是否为项目名称。",
                        lines[0].number,
                        seq,
                        field="name",
                    )
                )
            if field_kind == "unit" and node[key] and not _UNIT_LIKE.search(node[key]):
                # (a table's cell under a 项目单位 heading: 12项基本公共卫生服务)
                findings.append(
                    Finding(
                        "warning",
                        f"项目{seq}的实施单位“{node[key][:40]}”不像单位名称，请核对。",
                        lines[0].number,
                        seq,
                        field="implementing_unit",
                    )
                )
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
    # A form's cell labelled 实施单位 inside a row of cells (主管部门 | 区林业局 | 实施单位 |
    # 接龙镇农业服务中心 |), its value the next cell: the unit where no section names one, or
    # where the one that does is a 责任单位 (责任单位 | 区林业局 | 实施单位 | 接龙镇…).
    # The 实施 cell before a 承担 or 责任 one; its value as written, and only a unit's name (a
    # schedule's 责任单位 | 完成时间 heads columns, it names no unit).
    unit_heading = first(o.UNIT).heading.text if first(o.UNIT) and first(o.UNIT).heading else ""
    body = [line for section in block.sections for line in section.body_lines]
    # (a cell alone on its line, its value the next line's first cell: 实施单位 | / 宁国市
    # 文旅局 |, a table flattened a row a line; read as one line, numbered as the value's)
    rows = [
        o.Line(below.number, f"{line.text.strip(' |｜')} | {below.text}")
        if _UNIT_CELL_ALONE.fullmatch(halfwidth(line.text))
        else line
        for line, below in itertools.pairwise([*body, o.Line(0, "")])
    ]
    cells = [
        (cell.group("kind") not in ("实施", "资金使用"), line, cell)
        for line in rows
        for cell in _UNIT_CELL.finditer(halfwidth(line.text))
    ]
    for rank, line, cell in sorted(cells, key=lambda found: found[0]):
        if node["implementing_unit"] and (rank or _IMPLEMENTING.match(unit_heading)):
            break  # the section's own unit stands unless an 实施 cell outranks it
        value = single_value(line.text[cell.start("value") : cell.end("value")], "unit")[0]
        squashed = squash(value)
        if organisation(value) and not _COLUMN_HEADING.match(squashed):
            node["implementing_unit"] = value[:200]
            anchors["implementing_unit"] = line.number
            if cell.group("kind") == "资金使用":
                # Who uses the money is most often who carries the project out; not always.
                findings.append(
                    Finding(
                        "warning",
                        f"项目{seq}的实施单位取自“资金使用单位”栏“{value[:40]}”，请核对。",
                        line.number,
                        seq,
                        field="implementing_unit",
                    )
                )
            break
    if not node["implementing_unit"]:
        # A unit its prose names under a label (…;项目法人单位为西吉县水土保持工作站。), flagged.
        said = unit_said_in_prose(
            [line for section in block.sections for line in section.body_lines], seq, findings
        )
        if said is not None:
            node["implementing_unit"], anchors["implementing_unit"] = said
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
        # Unnumbered text before the items of 五 and 七 goes to the first sub-item.
        for pre, items, kind, key in (
            (content_pre, content_items, o.CONTENT, "content"),
            (plan_pre, plan_items, o.PLAN, "plan"),
        ):
            if not pre:
                continue
            getattr(subs[0], key).insert(0, pre)
            line = f"{key}_line"
            setattr(subs[0], line, getattr(subs[0], line) or _body_line(first(kind)))
            if items:
                label = o.SECTION_LABELS[kind].split("、", 1)[-1].removeprefix("项目")
                note(
                    "info",
                    f"{label}开头未编号的文字已并入第一个子项目。",
                    _heading_line(first(kind)),
                )
    subs.sort(key=lambda sub: sub.number)
    if (
        len(subs) >= 2
        # 四 names its sub-items: they stay; not a report's parts (1.项目提出的理由 2.项目提出
        # 的过程), which name no work
        and (not names or all(_REPORT_PART.match(squash(sub.name)) for sub in subs))
        and not any(find_amounts("\n".join([*sub.content, *sub.plan])) for sub in subs)
    ):
        # Items that state no money ((一)路基:… (二)路面:…) describe the work; they are no
        # parts of the project's money: one sub-item holds them, as written.
        named = [
            (f"{sub.name}：" if sub.name and not "".join(sub.content).startswith(sub.name) else "")
            for sub in subs
        ]
        subs = [
            _Sub(
                number=1,
                name=node["name"],
                content=[
                    prefix + "\n".join(sub.content) for prefix, sub in zip(named, subs, strict=True)
                ],
                plan=[line for sub in subs for line in sub.plan],
                content_line=subs[0].content_line,
                plan_line=next((sub.plan_line for sub in subs if sub.plan_line), None),
            )
        ]
        note(
            "info",
            f"项目{seq}的实施内容各条没有写明金额，已作为一个子项目按原文保留。",
            subs[0].content_line,
        )
    anchors["sub"] = {index: sub.line for index, sub in enumerate(subs, start=1)}
    anchors["lines"] = {}
    anchors["basis"] = _body_line(first(o.BASIS))
    anchors["funding"] = _body_line(first(o.FUNDING))
    anchors["outcomes"] = _body_line(first(o.OUTCOMES))
    anchors["project"] = block.marker.number if block.marker else _heading_line(first(o.NAME))
    anchors["name"] = _body_line(first(o.NAME)) or anchors["project"]
    anchors.setdefault("implementing_unit", _body_line(first(o.UNIT)))
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
                "declared_amount_yuan": yuan_text(declared),
                "declared_amount_text": written(declared),
                "lines": [
                    line_node(
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
                        "amount_yuan": yuan_text(milestone.amount),
                        "amount_text": written(milestone.amount),
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
        (s for s in block.all(o.FUNDING) if funding_amounts(s.text)),
        next((s for s in block.all(o.FUNDING) if s.text), first(o.FUNDING)),
    )
    if funding is not None:
        node["funding_text"] = funding.text
        total, sources = parse_funding(funding.text)
        line = _body_line(funding)
        if total is not None and not total.value:
            # 年度资金总额 | 0 | 2.38 …: a 0 is a column's (年初预算数), never a project's total.
            total = None
        if total is not None:
            anchors["declared_total"] = line
            node["declared_total_yuan"] = yuan_text(total)
            node["declared_total_text"] = written(total)
            if node["name"] == f"项目{seq}":
                # A money section of a text that names no project (一、资金来源情况 of a
                # notice): whose money it is cannot be told.
                findings.append(
                    Finding(
                        "warning",
                        f"项目{seq}的金额取自“{total.text}”，文中没有写明项目名称，"
                        "无法确认这是本项目的总额，请核对。",
                        line,
                        seq,
                        field="declared_total",
                    )
                )
            if round_yuan(total.value) != total.value:
                note("warning", f"申报总额“{total.text}”精确到了分以下，按原文保留。", line)
        else:
            note("warning", f"项目{seq}的资金安排情况中没有找到申报总额。", line)
        for index, (name, amount) in enumerate(sources, start=1):
            node["funding_sources"].append(
                {
                    "sequence": index,
                    "name": name,
                    "amount_yuan": yuan_text(amount),
                    "amount_text": written(amount),
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
                append_text(node, "outcomes", text)
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
        append_text(node, "outcomes", block.marker.text.strip())
        note(
            "info", "项目标题行与项目名称不同，已按原文保留在项目实施成效中。", block.marker.number
        )
    for number, text in overflow:
        append_text(node, "outcomes", text)
        note("info", "此行无法归入项目名称或实施单位，已按原文保留在项目实施成效中。", number)
    return node


# What a table's column heading reads like, never a project's name or unit.
_COLUMN_HEADING = re.compile(rf"^(?:{COLUMN_WORDS})(?:[(（][^()（）]{{1,8}}[)）])?$")


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
        # (a report's heading: 三、绩效目标自评完成情况分析, 四、存在的问题及改进措施)
        and not REPORT_HEADING.search(text)
        # 三、资金项目分配情况表 heads a table, it names no project (智能水表 may)
        and not re.search(
            r"(?:情况|明细|分配|一览|汇总|计划|安排|目标|申报|统计|清单|自评)表$", text
        )
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
