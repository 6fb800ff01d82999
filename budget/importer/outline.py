"""The outline of a disclosure text: title, projects and the sections of each project.

Works line by line on the text as written. A heading is recognised by its keyword (项目名称,
立项依据 …) after an optional label in any of the styles real texts use (一、 （一） (1)
1. 1、 第一部分), so a missing, extra or renumbered section does not shift the others.
Every line keeps its number (counted from 1) so that findings can point at it.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from ..normalize import halfwidth, split_outside_brackets, squash
from .tables import CELL_LABELS, ORGANISATION_END

# Section kinds, in the order of the standard eight sections.
NAME = "name"
BASIS = "basis"
UNIT = "unit"
OVERVIEW = "overview"
CONTENT = "content"
FUNDING = "funding"
PLAN = "plan"
OUTCOMES = "outcomes"
PERFORMANCE = "performance"
EXTRA = "extra"

SECTION_ORDER = (NAME, BASIS, UNIT, OVERVIEW, CONTENT, FUNDING, PLAN, OUTCOMES)

SECTION_LABELS = {
    NAME: "一、项目名称",
    BASIS: "二、立项依据",
    UNIT: "三、项目实施单位",
    OVERVIEW: "四、项目基本概况",
    CONTENT: "五、项目实施内容",
    FUNDING: "六、资金安排情况",
    PLAN: "七、项目实施计划",
    OUTCOMES: "八、项目实施成效",
    PERFORMANCE: "绩效目标",
}

# Longest keywords first within a kind; kinds are tried in this order.
_KEYWORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (PERFORMANCE, ("项目支出绩效目标表", "项目绩效目标", "绩效目标表", "绩效目标", "绩效指标")),
    (
        NAME,
        (
            "项目支出名称",
            "转移支付(项目)名称",
            "转移支付项目名称",
            "项目名称",
            "专项资金名称",
            "专项名称",
        ),
    ),
    (BASIS, ("项目立项依据", "立项依据", "项目依据", "政策依据", "设立依据")),
    (
        UNIT,
        (
            "项目实施单位",
            "项目承担单位",
            "项目实施主体",
            "实施单位",
            "实施主体",
            "项目单位",
            "承担单位",
            "申报单位",
            "项目责任单位",
            "责任单位",
            "实施部门",
            "项目建设单位",
            "建设单位",
            "项目法人单位",
            "项目法人",
            "项目业主单位",
            "项目业主",
            "资金使用单位",
        ),
    ),
    (
        OVERVIEW,
        ("项目基本概况", "项目基本情况", "项目概况", "基本概况", "项目简介", "项目概述"),
    ),
    (
        CONTENT,
        (
            "项目建设内容及规模",
            "项目建设内容",
            "建设规模及内容",
            "建设内容及规模",
            "建设内容与规模",
            "项目实施内容",
            "实施内容",
            "项目内容",
            "主要内容",
            "建设内容",
            "项目主要内容",
        ),
    ),
    (
        FUNDING,
        (
            "资金安排情况",
            "年度预算安排",
            "项目资金安排",
            "资金安排",
            "资金来源及安排",
            "资金来源",
            "预算安排情况",
            "预算安排",
            "资金预算",
            "资金测算",
            "项目资金",
            "项目总投资",
            "总投资",
            "项目投资",
            "项目金额",
            "投资规模",
            "资金规模",
            "项目预算",
            "预算金额",
            "申请资金",
            "投资预算",
            "投资估算",
            "项目投资估算",
            "项目估算投资",
            "项目估算总投资",
            "估算总投资",
            "项目匡算投资",
            "估算投资",
            "匡算投资",
            "投资金额",
            "投资资金",
            "资金数额",
            "资金额度",
            "项目资金额度",
            "资金总额",
            "项目资金总额",
            "补助金额",
            "投资情况",
            "资金落实情况",
            "项目建设投资",
            "建设投资",
            "资金概算",
            "项目投资概算",
            "投资概算",
            "资金筹措",
        ),
    ),
    (
        PLAN,
        (
            "项目实施计划",
            "实施计划",
            "项目实施进度",
            "实施进度",
            "进度安排",
            "项目计划",
            "实施周期",
            "项目实施周期",
            "时间安排",
            "起止时间",
            "实施期限",
            "实施时间",
        ),
    ),
    (
        OUTCOMES,
        (
            "项目实施成效",
            "项目预期成效",
            "实施成效",
            "预期成效",
            "预期效益",
            "项目效益",
            "项目成效",
            "预期效果",
            "实施效果",
        ),
    ),
)

_CN_NUMERALS = "一二三四五六七八九十"
# Labels before a heading keyword: 一、 一. 一， （一） (1) 1. 1、 1) 第一部分 第一、
_LABEL = re.compile(
    rf"^(?:(?P<cn>[{_CN_NUMERALS}]{{1,3}})\s*[、.,，:：]"
    rf"|\(\s*(?P<paren>[{_CN_NUMERALS}0-9]{{1,3}})\s*\)\s*[、.]?"
    rf"|(?P<num>[0-9]{{1,2}})\s*(?:[、.]|\))"
    # (never a page's, a batch's or a date's: 第3页 / 共5页, 第一批, 第2号)
    rf"|第(?P<ordinal>[{_CN_NUMERALS}0-9]{{1,3}})(?![0-9{_CN_NUMERALS}页批次年月日号条届])"
    r"(?:部分|项|章|节)?\s*[、.,，:：]?"
    r")\s*"
)
_PROJECT = re.compile(
    rf"^项目\s*(?P<number>[0-9]{{1,3}}|[{_CN_NUMERALS}]{{1,3}})\s*(?:[.、:：,，]|$|\s)\s*(?P<rest>.*)$"
)
# 第一项:校舍维修建设及设施设备提升工程。: a project a line names after its ordinal.
_NTH_ITEM = re.compile(
    rf"^第\s*(?P<number>[0-9]{{1,3}}|[{_CN_NUMERALS}]{{1,3}})\s*项\s*[:：]\s*"
    r"(?P<rest>[^，,。；;:：]{2,60}?(?:项目|工程))\s*[。.]?$"
)
_SENTENCE_PUNCTUATION = re.compile(r"[。；;，,]")
# After the keyword: 情况 or 及… (和…, 与…), a note in brackets (（单位：万元）), then a colon, a
# space or the end of the line. Matched on the half-width form, where （ is (.
_HEADING_TAIL = re.compile(
    r"(?:情况|[及和与][^\s:：]{0,8})?\s*(?P<note>\([^()]{0,16}\))?\s*(?:[:：]\s*|。\s*|\s+|$)"
)
# A money keyword and its sum said in a sentence: 项目总投资为154万元 (the note never holds).
_SUM_SAID = re.compile(r"\s*(?:为|是|约|达)+\s*(?P<note>(?!))?(?=[0-9])")


@dataclass
class Line:
    number: int  # 1-based line number in the input
    text: str  # as written, without the line break


@dataclass
class Section:
    kind: str
    heading: Line | None  # None for text not under any heading
    inline: str = ""  # text after the heading keyword on the heading line
    lines: list[Line] = field(default_factory=list)

    @property
    def body_lines(self) -> list[Line]:
        """The section's text lines, the inline text of the heading first (as a line)."""
        out = []
        if self.inline.strip() and self.heading is not None:
            out.append(Line(self.heading.number, self.inline))
        out.extend(line for line in self.lines if line.text.strip())
        return out

    @property
    def text(self) -> str:
        """The section as one text: its non-blank lines stripped, joined by line breaks."""
        return "\n".join(line.text.strip() for line in self.body_lines)


@dataclass
class ProjectBlock:
    sequence: int
    marker: Line | None = None  # the 项目1. line, if any
    header_name: str = ""  # a name given on the marker or header line
    sections: list[Section] = field(default_factory=list)

    def section(self, kind: str) -> Section | None:
        return next((section for section in self.sections if section.kind == kind), None)

    def all(self, kind: str) -> list[Section]:
        return [section for section in self.sections if section.kind == kind]


@dataclass
class Outline:
    title_lines: list[Line]
    projects: list[ProjectBlock]
    line_count: int


@dataclass(frozen=True)
class Heading:
    kind: str
    label: str  # the label as written, "" when none
    inline: str  # what follows the keyword on the same line
    keyword: str = ""


_TABLE_TAG = re.compile(r"^(?:公开|附)?(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})表\s*\|\s*")
_SPACED_NAME = re.compile(r"名\s+称\s*[:：]")


def _label(normal: str) -> tuple[str, int]:
    match = _LABEL.match(normal)
    return (match.group(), match.end()) if match else ("", 0)


def classify_heading(text: str) -> Heading | None:
    """The section heading ``text`` is, or None.

    A heading is a keyword right after an optional label, then the end of the line, a colon
    or a space before inline content. Without a label, the keyword must end the line or be
    followed by a colon, so a sentence starting with 实施内容 is not mistaken for a heading.
    """
    # (a row of a form opening with its table's number: 公开14表 | 项目名称 | …)
    tag = _TABLE_TAG.match(halfwidth(text).strip())
    if tag:
        text = text.strip()[tag.end() :]
    normal = halfwidth(text).strip()
    if not normal or len(normal) > 400:
        return None
    label, start = _label(normal)
    spaced = _SPACED_NAME.match(normal, start) if label else None
    if spaced:
        # A form's numbered field of the project's name, its label spaced out (一、名 称: …).
        return Heading(NAME, label, normal[spaced.end() :].strip(), "名称")
    for kind, keywords in _KEYWORDS:
        for keyword in keywords:
            if not normal.startswith(keyword, start):
                continue
            tail_start = start + len(keyword)
            tail = _HEADING_TAIL.match(normal, tail_start)
            said = None
            if tail is None and label and kind == FUNDING:
                # 四、项目总投资为154万元,其中:…: a numbered money heading saying its sum.
                tail = said = _SUM_SAID.match(normal, tail_start)
            if tail is None:
                continue
            rest = normal[tail.end() :]
            if "。" in normal[tail_start : tail.end()] and not label:
                continue  # "项目内容。…" unlabelled is a sentence; "(5)项目内容。…" a heading
            note = tail.start("note") if tail.group("note") else None
            # A labelled keyword closed by a colon or a full stop (1)项目概述。…) heads its text.
            colon = (
                any(mark in normal[tail_start : tail.end()] for mark in ":。")
                or note is not None
                or said is not None
            )
            spaced = normal[tail_start : tail.end()].strip() == "" and tail.end() > tail_start
            # (or the rest of a row of cells: 项目名称 | X | 主管部门 | Y | 实施单位 | Z | …)
            short = (len(rest) <= 60 or rest.lstrip().startswith("|")) and "。" not in rest
            if not label and rest and not colon and not (spaced and short and kind in (NAME, UNIT)):
                # "项目名称　干部教育培训专项资金" (a table row) is a heading with its value;
                # "实施内容包括……" is a sentence.
                continue
            if label and label[0].isdigit() and rest and not colon:
                # "1.实施内容……" is more likely a numbered paragraph than a heading.
                continue
            # Inline text as written (positions are the same in the half-width form).
            offset = len(text) - len(text.lstrip())
            inline = text[offset + tail.end() :].strip() if rest else ""
            if note is not None:
                inline = text[offset + note :].strip()  # the note is part of the text
            return Heading(kind=kind, label=label.strip(), inline=inline, keyword=keyword)
    return None


def _form_head(section: Section) -> bool:
    """Whether ``section`` is the head of a form that is a project of its own: a form's title
    without a section number (项目支出绩效目标表, not 九、项目支出绩效目标表), no indicator
    row below it yet."""
    title = classify_heading(section.heading.text) if section.heading else None
    return (
        title is not None
        and not title.label
        and not any("指标" in line.text for line in section.lines)
    )


def _style(label: str) -> str:
    """How a label numbers (``1.`` → ``.``, ``(1)`` → ``()``, ``1)`` → ``)``)."""
    return re.sub(rf"[0-9{_CN_NUMERALS}\s]", "", halfwidth(label))


def _unknown_heading(text: str) -> tuple[str, str] | None:
    """A Chinese-numeral heading with no known keyword: (label, title), or None.

    Short, with a 一、 label and no sentence punctuation: 九、其他事项.
    """
    normal = halfwidth(text).strip()
    match = _LABEL.match(normal)
    # Only 一、 and 第一部分 labels: （一） and 1. number items inside sections (a 1. line
    # opens a project only where the sections start under it: see parse_outline).
    if not match or not (match.group("cn") or match.group("ordinal") or match.group("num")):
        return None
    rest = normal[match.end() :]
    if not rest or len(rest) > 30 or _SENTENCE_PUNCTUATION.search(rest) or "。" in rest:
        return None
    offset = len(text) - len(text.lstrip())
    return match.group().strip(), text[offset + match.end() :].strip()


# How a section heading ends (一、资金来源, （二）分配原则), never a project's name.
HEADING_LIKE = re.compile(
    r"(?:情况|原则|来源|要求|目标|措施|机制|说明|方式|意见|概况|依据|内容|范围|程序|分工|"
    r"安排|标准|用途|对象|计划|期限|时间|电话|监督|任务|职责|保障|规模|地点|地址|位置"
    # (a report's parts: 二、佐证材料, 一、自评结论, 三、问题和建议; never 检测分析, a work)
    r"|佐证材料|结论|建议|问题|总结"
    # (a fund's handling, not a project's works: 资金使用与管理; 城区公厕运营管理 is a project)
    r"|资金(?:使用)?(?:与|和|及)?(?:管理|监管)|使用(?:与|和|及)(?:管理|监管))[。.]?$"
)


_QUOTED_PROJECT = re.compile(
    r"^(?:(?P<number>[0-9]{1,3})\s*[.、]\s*)?[“\"](?P<name>[^”\"\n]{2,60})[”\"]\s*项目\s*[。.]?$"
)


def project_marker(text: str) -> tuple[str, str] | None:
    """``项目1.`` / ``项目一：名称`` / ``1.“名称”项目。`` / ``第一项:名称。`` → (number, name
    given with it); None otherwise."""
    normal = halfwidth(text).strip()
    quoted = _QUOTED_PROJECT.match(normal)
    if quoted is not None:
        offset = len(text) - len(text.lstrip())
        name = text[offset + quoted.start("name") : offset + quoted.end("name")]
        return quoted.group("number") or "", name
    match = _PROJECT.match(normal) or _NTH_ITEM.match(normal)
    if match is None:
        return None
    rest = match.group("rest")
    if rest.startswith(("名称", "概况", "实施", "资金", "依据", "基本", "立项", "绩效")):
        return None
    offset = len(text) - len(text.lstrip())
    name = text[offset + match.start("rest") :].strip() if rest else ""
    # A name the line runs on from is its words up to the first stop, without the number of
    # the document that gave its money (项目一:阿财农〔2023〕387号…集体经济项目,项目全年预算数…
    # → …集体经济项目); the line stays, as the marker's, with its project.
    # (a stop inside brackets is the name's: 甲村道路(含桥梁,涵洞)建设项目)
    name = split_outside_brackets(name, "，,。；;")[0].strip()
    name = _FUND_NUMBER.sub("", name) if len(_FUND_NUMBER.sub("", name)) >= 2 else name
    return match.group("number"), name


def _unglued(line: Line) -> list[Line]:
    """``line``, or where a project's name under its numbered heading runs into the next
    numbered heading (一、项目名称:…改扩建项目二、项目建设地点:…), the two headings as two
    lines of the same number, so that neither loses its words."""
    if not _NEXT_HEADING.search(line.text):
        return [line]  # (most lines: no numbered heading inside, classified once, below)
    heading = classify_heading(line.text)
    if heading is None or heading.kind != NAME or not heading.label.strip():
        return [line]
    start = line.text.find(heading.inline) if heading.inline else -1
    glued = _NEXT_HEADING.search(heading.inline, 2) if start >= 0 else None
    if glued is None:
        return [line]
    cut = start + glued.start()
    return [Line(line.number, line.text[:cut]), Line(line.number, line.text[cut:])]


# A numbered heading with its label that a value runs into: …项目二、项目建设地点:.
_NEXT_HEADING = re.compile(
    r"(?<=[\u4e00-\u9fff）)])[一二三四五六七八九十]{1,3}、[^，,。；;:：]{2,16}[:：]"
)


# A document's number a project's name opens with: 阿财农〔2023〕387号.
_FUND_NUMBER = re.compile(r"^[^\s〔\[【(（《，,]{2,12}[〔\[【][0-9]{4}[〕\]】][0-9]+号")


def _column_headings_as_text(lines: list[Line], kinds: list[tuple[str, object]]) -> None:
    """A keyword heading without a label inside a table's header flattened one cell a line
    (序号 / 乡镇 / 村名 / 项目名称 / 项目建设内容 / 金额(万元)) is one of its columns, not a
    section: it is read as text, so that the table stays a table. Inside: 序号 at most 12
    cells before it, a cell after it, and every cell from 序号 on short (≤ 16 characters); or,
    without 序号, a money column with its unit (补助资金(万元)) at most four cells away with only
    headings between them (项目实施单位 / 项目名称 / 建设内容 / 补助资金(万元) / 备注; never a
    form's label and value: 项目名称 / 南陈路拓宽改建工程 / … / 补助资金(万元) / 33)."""
    cells = [squash(lines[i].text) for i, (kind, _) in enumerate(kinds) if kind != "blank"]
    places = [i for i, (kind, _) in enumerate(kinds) if kind != "blank"]
    for at, index in enumerate(places):
        kind, value = kinds[index]
        if kind != "section" or value.label or value.inline:  # type: ignore[union-attr]
            continue
        opened = next(
            (j for j in range(at - 1, max(at - 13, -1), -1) if cells[j] in ("序号", "编号")), None
        )
        if opened is not None and at + 1 < len(cells):
            if all(len(cell) <= 16 for cell in cells[opened : at + 2]):
                kinds[index] = ("text", None)
                continue
        # (or among short cells, one after another, one a money column with its unit:
        # 项目实施单位 / 项目名称 / 建设内容 / 补助资金(万元) / 备注)
        start = at
        while start > 0 and len(cells[start - 1]) <= 16:
            start -= 1
        end = at
        while end + 1 < len(cells) and len(cells[end + 1]) <= 16:
            end += 1
        run = cells[start : end + 1]
        money = [i for i, cell in enumerate(run) if _MONEY_COLUMN.search(cell)]
        mine = at - start
        # (headings one after another: a figure between them is a form's value under its label,
        # 项目…分配金额(万元) / 33 / 项目名称 / …)
        if len(run) >= 3 and any(
            abs(i - mine) <= 4
            and all(
                _HEADING_CELL.fullmatch(cell) or classify_heading(cell) is not None
                for cell in run[min(i, mine) + 1 : max(i, mine)]
            )
            for i in money
        ):
            kinds[index] = ("text", None)


# A table's heading cell: 序号, 备注, …名称, …单位, …内容 and the like (a form's value, a
# figure or a project's name, is none).
_HEADING_CELL = re.compile(
    r"序号|编号|备注|.{0,8}(?:名称|单位|内容|地点|地址|性质|规模|类别|类型|时间|期限|标准|数量|面积|人数|户数)"
)
# A table's money column, its unit in brackets: 补助资金(万元), 金额（元）.
_MONEY_COLUMN = re.compile(r"(?:资金|金额|投资|补助|经费|预算)[(（](?:万元|元)[)）]$")


def parse_outline(text: str) -> Outline:
    """Split ``text`` into title lines and project blocks of sections.

    A project starts at a ``项目N.`` marker, at a 项目名称 heading when the current project
    already has one, or at an unlabelled-keyword heading such as ``一、XX项目`` that is
    followed by a 项目名称 heading or restarts the sections. Text before the first section of
    a project is kept in a section of kind ``extra`` without heading.
    """
    raw_lines = text.split("\n")
    lines = [
        part for index, value in enumerate(raw_lines) for part in _unglued(Line(index + 1, value))
    ]
    kinds: list[tuple[str, object]] = []
    for line in lines:
        if not line.text.strip():
            kinds.append(("blank", None))
            continue
        marker = project_marker(line.text)
        if marker is not None:
            kinds.append(("project", marker))
            continue
        heading = classify_heading(line.text)
        if heading is not None:
            kinds.append(("section", heading))
            continue
        unknown = _unknown_heading(line.text)
        if unknown is not None:
            kinds.append(("unknown", unknown))
            continue
        kinds.append(("text", None))

    _column_headings_as_text(lines, kinds)
    # With 项目N. markers, projects open only at them: a repeated 项目名称 is a repeated section.
    has_markers = any(kind == "project" for kind, _value in kinds)

    def next_heading(index: int) -> tuple[str, object] | None:
        for kind, value in kinds[index + 1 :]:
            if kind == "unknown" and value[0][0].isdigit():  # type: ignore[index]
                continue  # a 1. line: a paragraph, unless it opens a project itself
            if kind in ("section", "project", "unknown"):
                return kind, value
        return None

    title_lines: list[Line] = []
    projects: list[ProjectBlock] = []
    current: ProjectBlock | None = None
    section: Section | None = None

    def start_project(marker: Line | None, name: str) -> ProjectBlock:
        block = ProjectBlock(sequence=len(projects) + 1, marker=marker, header_name=name)
        projects.append(block)
        return block

    for index, (line, (kind, value)) in enumerate(zip(lines, kinds, strict=True)):
        if kind == "project":
            _number, name = value  # type: ignore[misc]
            current = start_project(line, name)
            section = None
            continue
        if kind == "unknown":
            label_text, title = value  # type: ignore[misc]
            following = next_heading(index)
            # 一、XX项目 opens a project when the sections start again under it: before any
            # project, or when its next section is one the current project already has.
            opens_project = (
                not has_markers
                # 四、项目建设单位名称和联系方式 heads a matter, it names no project
                and not HEADING_LIKE.search(title)
                and following is not None
                and following[0] == "section"
                and following[1].kind in SECTION_ORDER  # type: ignore[union-attr]
                and (
                    current is None or current.section(following[1].kind) is not None  # type: ignore[union-attr]
                )
                # A 1. line opens one only above sections numbered another way (1.非遗传承与
                # 保护 above 1)项目概述 …), and names no field (3.补助标准:283万元).
                and (
                    not label_text[0].isdigit()
                    or (
                        ":" not in halfwidth(title)
                        and _style(following[1].label) in ("()", ")")  # type: ignore[union-attr]
                        and _style(label_text) != _style(following[1].label)  # type: ignore[union-attr]
                    )
                )
            )
            if opens_project:
                current = start_project(line, title)
                section = None
                continue
            if label_text[0].isdigit():
                # 1.非遗传承与保护 opens a project above its (1)…(7) sections; anywhere else a
                # 1. line is a numbered paragraph of the text it is in.
                kind = "text"
            else:
                if current is None:
                    title_lines.append(line)
                    continue
                section = Section(kind=EXTRA, heading=line)
                current.sections.append(section)
                continue
        if (
            kind == "section"
            and section is not None
            and section.kind == PERFORMANCE
            # 绩效目标:实施3824亩… is a field of its own, written out: the fields after it
            # (进度安排:…, 责任单位:…) are no cells of a table under it.
            and not (
                "。" in section.inline and not any(line.text.strip() for line in section.lines)
            )
            and not value.label  # type: ignore[union-attr]
            # A form that is the project (项目支出绩效目标表 / 项目名称 | … / 实施单位 | …)
            # names it in its 项目名称 row; a second form's row opens the next project.
            and not (
                value.kind == NAME  # type: ignore[union-attr]
                and _form_head(section)
                # a text of forms: this project began with one, or has no name yet
                and current is not None
                and (current.section(NAME) is None or current.sections[0].kind == PERFORMANCE)
            )
            and not (value.kind == PERFORMANCE and current is not None and current.section(NAME))  # type: ignore[union-attr]
            # (a name field under a marked line naming it opens the next project)
            and not (value.kind == NAME and _names_the_next(section, value.inline))  # type: ignore[union-attr]
        ):
            # 绩效目标表 rows such as "项目名称：…" or "实施单位：…" are cells of the table,
            # not new sections; a labelled heading (九、…) ends the table.
            kind = "text"
        if (
            kind == "section"
            and value.kind == NAME  # type: ignore[union-attr]
            and section is not None
            and section.kind == NAME
            and not section.inline.strip()
            and not any(line.text.strip() for line in section.lines)
        ):
            # A 项目名称 heading's value under it, labelled again (二、项目名称及代码 / 项目名称:
            # …排危除险工程。): the heading's text, not a second project.
            kind = "text"
        if kind == "section":
            heading: Heading = value  # type: ignore[assignment]
            named_above = (
                heading.kind == NAME
                and current is not None
                and current.section(NAME) is not None
                and section is not None
                and _names_the_next(section, heading.inline)
            )
            if named_above:
                # The marked line above it names the project too ((二)…桥梁建设项目 / 项目名称:
                # …桥梁建设项目), under a heading of a kind (一、产业发展类): the next project,
                # that line its marker.
                marker = section.lines.pop()
                current = start_project(marker, heading.inline)
            elif current is None or (
                heading.kind == NAME
                and not has_markers
                and current.section(NAME) is not None
                and section is not None
            ):
                current = start_project(None, "")
            section = Section(kind=heading.kind, heading=line, inline=heading.inline)
            current.sections.append(section)
            continue
        if current is None:
            if kind == "text":
                title_lines.append(line)
            continue
        if section is None:
            if kind == "blank":
                continue
            section = Section(kind=EXTRA, heading=None)
            current.sections.append(section)
        section.lines.append(line)
    return Outline(title_lines=title_lines, projects=projects, line_count=len(lines))


def _names_the_next(section: Section, name: str) -> bool:
    """Whether the last line of ``section`` is a marked line naming ``name``, the project a
    name field right under it names ((二)示范区…桥梁建设项目 over 项目名称:示范区…桥梁建设项目)."""
    if not section.lines or not name.strip():
        return False
    last = halfwidth(section.lines[-1].text).strip()
    marker = _LABEL.match(last)
    return marker is not None and last[marker.end() :].strip() == halfwidth(name).strip()


_ALL_KEYWORDS = sorted({k for _, keywords in _KEYWORDS for k in keywords}, key=len, reverse=True)
_RUN_ON_BREAK = re.compile(
    r"(?<=[。；;.\s])\s*(?="
    r"[(（]\s*[0-9一二三四五六七八九十]{1,2}\s*[)）]\s*(?:" + "|".join(_ALL_KEYWORDS) + r")"
    r"|[0-9]{1,3}\s*[.、]\s*[“\"][^”\"]{2,60}[”\"]\s*项目"
    r")"
)


# A form's labelled cell after a space, on a line that holds a whole row of a form printed
# without its ruling (项目名称:X 项目编码: 项目单位(盖章):Y 主管部门:Z; 项目基本情况 项目名称 X).
_FORM_BREAK = re.compile(
    r"(?<=\s)(?=(?:"
    + "|".join(sorted({*CELL_LABELS, *_ALL_KEYWORDS}, key=len, reverse=True))
    + r")(?:\s*\([^()]{0,8}\))?(?:\s*:|\s))"
)


_GLUED_LABEL = re.compile(
    "(?:项目)?(?:" + "|".join(sorted(CELL_LABELS, key=len, reverse=True)) + ")"
)


# The cells of a form that name the project and its units, run on into their values.
_GLUED_NAMING = re.compile(
    r"(?:地方|中央)?(?:转移支付\(项目\)名称|项目名称|主管部门|预算单位|资金使用单位|实施单位|"
    r"项目单位|申报单位|责任单位)"
)


# A clause, not a cell's value: 须于…, 应当…, 负责….
_CLAUSE_START = re.compile(r"(?:须|应|要|需|负责|为|是|将|已|在|对|按)")


# A form's cells that name the project and who answers for it, printed without their ruling
# and run together with their values (项目名称2021年…开办费项目实施单位随州市急救中心项目主管单位
# 随州市卫生健康委员会项目负责人…), as a document site's copy of a PDF form prints them.
_GLUED_NAMING_CELL = (
    r"(?:一级|二级)?项目(?:支出)?名称|专项资金名称|项目(?:实施|承担)单位|实施单位|项目主管(?:单位|部门)"
    r"|(?:县级|市级|区级)?主管部门(?:及代码|及编码)?|主管单位|预算单位"
)
# The cells after them, whose values end the last one's (项目负责人, 项目属性, 项目资金 …).
_GLUED_OTHER_CELL = (
    r"项目负责人|负责人及电话|负责人|联系电话|项目属性|项目类型|项目分类|资金用途|项目资金|资金情况"
    r"|年度资金总额|项目开始日期|项目完成日期|项目总投资|中央补助安排|项目资金来源|资金来源"
    r"|项目年度目标|年度总体目标|绩效指标|填报日期"
)
_FORM_CELL_GLUED = re.compile(rf"(?P<naming>{_GLUED_NAMING_CELL})|(?P<other>{_GLUED_OTHER_CELL})")
# A unit's cell's value: a unit (粮食调控储备与产业发展股, 新洲区文化和旅游局机关).
_GLUED_UNIT = re.compile(rf"(?:{ORGANISATION_END}|股|科|组|机关|单位)$")
# A naming cell's value: two characters at least, never a clause's start (与, 填写, 应…).
_GLUED_VALUE = re.compile(r"(?!与|和|及|或|并|填写|应|须|要|为|是|的|后|等)[^\s]{2,40}")


def _glued_form(line: str, *, forms_before: bool = False) -> list[str] | None:
    """A line holding a form's naming cells run together with their values, cut into a line a
    cell (its label, a space, its value) where two naming cells at least follow one another
    with short values between them and no punctuation; the cell after them, whose value runs
    on, kept with the rest of the line, and a form's title before them on a line of its own.
    The first run opens the line after a short title, unless ``forms_before`` (a text of such
    forms: the next may start anywhere). None where the line holds no such run."""
    normal = halfwidth(line)  # same positions
    cells = list(_FORM_CELL_GLUED.finditer(normal))
    runs = []
    index = 0
    while index < len(cells):
        run = [cells[index]]
        while index + len(run) < len(cells):
            following = cells[index + len(run)]
            value = normal[run[-1].end() : following.start()]
            # (a cell left empty, 负责人及电话 with its number taken out, is no end of the run)
            if len(value) > 40 or (not value and run[-1]["naming"]):
                break
            if re.search(r"[\s|:：，,。；;、!?！？《》]", value):
                break
            if run[-1]["naming"] and not _GLUED_VALUE.fullmatch(value):
                break  # (words of a sentence, not a cell's value: 核对项目名称与实施单位…)
            if re.search("单位|部门", run[-1].group()) and not _GLUED_UNIT.search(value):
                break  # (a unit's cell holds a unit: 实施单位填写法人单位 is an instruction)
            run.append(following)
        if (
            run[0]["naming"]
            and sum(1 for cell in run if cell["naming"]) >= 2
            and len(run) >= 3
            # (a form, or forms one after another, from the line's start after a short title:
            # never a form at the end of a notice run on into one line)
            and (runs or forms_before or run[0].start() <= 80)
        ):
            runs.append(run)
            index += len(run)
        else:
            index += 1
    if not runs:
        return None
    out = []
    at = 0
    for run in runs:
        before = line[at : run[0].start()].strip()
        if before:
            out.append(before)
        # A form naming its 一级 and 二级 projects: the 二级 is the project (项目名称), the 一级
        # the programme over it (一级项目), whatever noise its label has (一*级项目名称).
        second = any(cell.group().startswith("二级") for cell in run)
        for cell, following in itertools.pairwise(run):
            label = line[cell.start() : cell.end()]
            if second and cell.group().startswith("二级"):
                label = "项目名称"
            elif second and re.fullmatch(r"(?:一级)?项目(?:支出)?名称", cell.group()):
                label = "一级项目"
            out.append(f"{label} {line[cell.end() : following.start()]}".strip())
        at = run[-1].start()
        last = normal[run[-1].end() :]
        if run is runs[-1] and 0 < len(last) <= 40 and not re.search(r"[\s|:：，,。；;、]", last):
            # (the last cell's value ends the line: 项目名称市政日常维护经费)
            out.append(f"{line[run[-1].start() : run[-1].end()]} {line[run[-1].end() :]}".strip())
            return out
    out.append(line[at:].strip())
    return out


def table_in_one_line(line: str) -> list[str] | None:
    """A table a page ran into one line, its header and rows one after another between bars
    (…计划表(第一批) 序号 | 项目名称 | … | 备注 | 1 | 104西过境… | … | 2 | 官岙邸村…): the words
    before it, its header and each row on lines of their own, a row every as many cells as the
    header has, numbered 1, 2, 3 … (the last may be cut short); None where the line holds no
    such table."""
    normal = halfwidth(line)  # same positions
    opened = re.search(r"(?:^|(?<=\s))序号\s*\|", normal)
    if opened is None or normal.count("|") < 8:
        return None
    cells = [cell.strip() for cell in line[opened.start() :].split("|")]
    width = next((i for i, cell in enumerate(cells) if i and cell == "1"), 0)
    header = cells[:width]
    if width < 3 or any(not cell or re.fullmatch(r"[0-9.]+", cell) for cell in header):
        return None
    body = cells[width:]
    closed = bool(body) and not body[-1]  # (the line ends with a bar: no row cut short)
    if closed:
        body.pop()  # (the bar closing the last row; an empty cell before it is its own)
    rows = [body[at : at + width] for at in range(0, len(body), width)]
    numbered = all(row[0] == str(n) for n, row in enumerate(rows, 1))
    # A row short of cells is a page's text cut in it (…民宿群 | 平阳县昆阳镇官岙邸村股份),
    # never a row whose merged cell was left out: its cells would not line up (1 | … | 902 |
    # 730 | … | 2 | 乙村… | 120 | 100 | |), so the line is then no such table.
    short = bool(rows) and len(rows[-1]) < width
    if not rows or not numbered or (short and (closed or len(rows) < 2)):
        return None
    before = line[: opened.start()].strip()
    return [*([before] if before else []), *(" | ".join(row) + " |" for row in [header, *rows])]


def split_run_on(text: str) -> tuple[str, list[int]]:
    """Sections written one after another on one long line (a page that lost its line
    breaks: ``(1)项目概述。… (2)立项依据。…``), and a form's labelled cells printed on one
    line (``项目名称:X 项目单位(盖章):Y``), put on lines of their own; with, for each line of
    the result, the input line it came from (1-based)."""
    out: list[str] = []
    origin: list[int] = []
    forms = False  # a form's cells glued together read so far
    for number, line in enumerate(text.split("\n"), 1):
        parts = [line]
        normal = halfwidth(line)  # same positions
        rows = table_in_one_line(line)
        if rows is not None:
            out.extend(rows)
            origin.extend([number] * len(rows))
            continue
        glued = _glued_form(line, forms_before=forms) if "|" not in normal else None
        if glued is not None:
            forms = True
            out.extend(glued)
            origin.extend([number] * len(glued))
            continue
        cuts = []
        if len(line) > 120:
            cuts = [m.start() for m in _RUN_ON_BREAK.finditer(normal) if m.start() > 0]
            cuts = cuts if len(cuts) >= 2 else []
        if not cuts and "|" not in normal:
            cuts = [m.start() for m in _FORM_BREAK.finditer(normal) if normal[: m.start()].strip()]
        if not cuts and not re.search(r"[\s|:：，,。；;]", normal):
            # A form's cells run together without a break (预算单位X项目主管部门Y项目名称Z):
            # cut before each label, where the line opens with one and holds two more.
            # (Positions are the same in the half-width form.)
            glued = list(_GLUED_LABEL.finditer(normal))
            values = [b.start() - a.end() for a, b in itertools.pairwise(glued)]
            named = [m for m in _GLUED_NAMING.finditer(normal)]
            if (
                named
                and named[0].start() == 0
                and len(glued) < 3
                # (a column's heading is no cell and its value: 项目名称及内容, 实施单位名称)
                and not re.match(r"[及和与、(（]|名称|代码|编码", normal[named[0].end() :])
            ):
                # A form's naming cells run together (转移支付(项目)名称车辆购置税…; 地方主管
                # 部门阆中市交通运输局资金使用单位阆中市交通运输局): each label and its value.
                bounds = [*(m.start() for m in named[1:]), len(normal)]
                # Each value a unit's name where its label names a unit or department, and
                # never a clause (实施单位须于2023年底前完工…: a sentence, not a cell).
                if all(
                    not _CLAUSE_START.match(normal[m.end() : end])
                    and (
                        "名称" in m.group()
                        or re.search(rf"{ORGANISATION_END}$", normal[m.end() : end])
                    )
                    for m, end in zip(named, bounds, strict=True)
                ):
                    glued = named
                    values = [b.start() - a.end() for a, b in itertools.pairwise(glued)]
                    values.append(len(normal) - glued[-1].end())
            if (
                (len(glued) >= 3 or (glued is named and min(values) >= 4))
                and glued[0].start() == 0
                and all(0 < v <= 40 for v in values)
            ):
                # Each on a line of its own, a space between the label and its value.
                bounds = [*(m.start() for m in glued), len(line)]
                parts = [
                    f"{line[m.start() : m.end()]} {line[m.end() : end]}".strip()
                    for m, end in zip(glued, bounds[1:], strict=True)
                ]
                out.extend(parts)
                origin.extend([number] * len(parts))
                continue
        if cuts:
            bounds = [0, *cuts, len(line)]
            pieces = (line[a:b].strip() for a, b in itertools.pairwise(bounds))
            parts = [piece for piece in pieces if piece]
        out.extend(parts)
        origin.extend([number] * len(parts))
    return "\n".join(out), origin
