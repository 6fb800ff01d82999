"""Projects named in prose: lines that are a project's name, names checked against a count,
projects set out after a count with their sums, a fund's parts named as projects, funds
shared among recipients, and sums given to projects named after 用于.

Pure Python, no Django.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace
from decimal import Decimal

from ...amounts import (
    UNIT_MULTIPLIERS,
    ParsedAmount,
    find_amounts,
    rounds_to,
)
from ...normalize import halfwidth, split_outside_brackets, squash
from ..funding import WHOLE_LABEL
from ..head import YEAR
from ..lines import (
    GIVEN_OVER,
    MONEY,
    PAID_OR_LEFT,
    SUM_FOR,
    Part,
    breakdown,
    is_rate,
    money,
    names_a_source,
    sum_after,
)
from ..numbering import (
    LIST_MARKER,
    count_value,
)
from ..tables import ORGANISATION_END
from .listed import (
    COUNT_OF_PROJECTS,
    FUND_NAME,
    GIVES,
    NOT_A_PROJECT,
    PLACE,
    PROJECTS_COUNTED_BY,
    ListedProject,
    prose_item,
    sums_outside,
)
from .tables import HEADER_WORDS

# A line that is a project's name and nothing else (2022年临沂市兰陵县尚岩镇3.8万亩高标准农田
# 建设项目): no clause, no label, no sum.
_NAME_LINE = re.compile(r"^[^，,。；;:：|()（）\s]{6,80}(?:项目|工程)$")


def named_lines(lines: list[str]) -> list[ListedProject]:
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


# A line that is a project's name and its one sum and nothing else (防火隔离带建设50万元;
# 荣昌区林地保护利用规划(2021-2035年)8.5万元; 森林资源专项调查200万): no clause, no label.
_PRICED_LINE = re.compile(
    r"^(?P<name>[^，,。；;:：|\s]{4,60}?[\u4e00-\u9fff)）])\s*"
    r"(?P<sum>[0-9]+(?:\.[0-9]+)?)\s*(?P<unit>万元|元|万)\s*[。]?$"
)
# What no project's name ends with: a rate's words, a total's, a level's money.
_NOT_PRICED_NAME = re.compile(
    r"(?:标准|单价|每[\u4e00-\u9fff]|合计|总计|小计|共计|其中|资金|拨款|预算|投资|补助|下达|安排)$"
    r"|^(?:合计|总计|小计|共计|其中)"
)
# A name opening with a place (城关镇护林员, 双河镇…): a share of one fund by place, where
# every name of a list so opens.
_PLACE_OPENS = re.compile(rf"^{PLACE}")


def _projects_apart(found: list[ListedProject]) -> bool:
    """Whether items read from prose are projects: two at least, named apart, and none a
    source of money or a period, nor every one a place's share (_no_projects)."""
    names = [item.name for item in found]
    return (
        len(found) >= 2
        and len({squash(n) for n in names}) == len(names)
        and not _no_projects(names)
    )


def _no_projects(names: list[str]) -> bool:
    """Whether names read as a list's projects name none: one a source of money or a period
    (中央资金, 县级配套, 一季度), or every one a place's share (城关镇护林员, 双河镇护林员)."""
    # (a place's works are its projects: 韶山乡韶东等三个村土地整治项目)
    return any(NOT_A_PROJECT.search(name) or names_a_source(name) for name in names) or all(
        _PLACE_OPENS.match(name) and not re.search(r"(?:项目|工程)$", name) for name in names
    )


# A word alone on a line inside such a list (双河, 仁义): a place or a note, no item.
_WORD_ALONE = re.compile(r"^[\u4e00-\u9fff]{1,6}$")


def priced_lines(lines: list[str]) -> list[ListedProject]:
    """A list of projects one a line, each its name and its one sum and nothing else
    (国有岚峰林场森林防火交通工具20万元 / 防火隔离带建设50万元 / …): the longest run of four
    or more such lines (blank lines and a word alone on a line between them aside, kept as
    unplaced text); 万 alone there is 万元. Named from prose, so flagged."""
    runs: list[list[tuple[int, re.Match]]] = [[]]
    for index, line in enumerate(lines):
        text = halfwidth(line).strip()
        if not text or (runs[-1] and _WORD_ALONE.match(text)):
            continue
        found = _PRICED_LINE.match(text)
        if found and not _NOT_PRICED_NAME.search(found["name"]) and len(find_amounts(text)) <= 1:
            runs[-1].append((index, found))
        elif runs[-1]:
            runs.append([])
    best = max(runs, key=len)
    if len(best) < 4 or _no_projects([found["name"] for _index, found in best]):
        return []
    items = []
    for index, found in best:
        unit = "万元" if found["unit"] == "万" else found["unit"]
        value = Decimal(found["sum"]) * UNIT_MULTIPLIERS[unit]
        start, end = found.start("sum"), found.end("unit")
        line = lines[index]
        offset = len(line) - len(line.lstrip())
        amount = ParsedAmount(
            value=value,
            unit=unit,
            text=line[offset + start : offset + end],
            start=offset + start,
            end=offset + end,
        )
        name = line[offset + found.start("name") : offset + found.end("name")].strip()
        items.append(prose_item(name, amount, line, index + 1))
    return items


# A count of projects and their names after it: 加工项目2个,锦山镇富廷村烘干塔项目、向阳川镇
# 六合村笨榨豆油项目; 已成功发债项目2个,…恢复工程0.4亿元、…一期工程0.8亿元.
_COUNTED = re.compile(
    r"(?P<n>[0-9]{1,2}|[一二三四五六七八九十两]{1,3})\s*(?:个|项)[，,:：]\s*(?P<names>[^，,。；;:：]+)"
)


_COUNTED_NAME = re.compile(
    r"^(?:和|及|以及|分别为|分别是|包括|即)?(?P<name>[^、]{4,60}(?:项目|工程))(?P<money>(?:[0-9０-９].*)?)$"
)


# Projects a sentence says a class of spending is used for, each its name and sum, apart by 、,
# said to be projects after them: 主要用于卫生资源布局调整贷款贴息5000万元、二级以上公立医院社会
# 保险补贴4260万元、…等项目支出.
_USED_FOR_PROJECTS = re.compile(r"用于(?P<items>[^。；;，,]{8,400}?)等(?:[0-9]{1,3}个)?项目")


def projects_used_for(lines: list[str]) -> list[ListedProject]:
    """Projects a sentence lists as what money is used for, each a name and its sum, apart
    by 、 and said to be projects after the last (…用于A5000万元、B4260万元、C3375万元等项目支出):
    three at least, every piece so, else none. Named and priced from prose, so flagged."""
    for number, line in enumerate(lines, 1):
        for used in _USED_FOR_PROJECTS.finditer(halfwidth(line)):
            pieces = used["items"].split("、")
            shares = [_NAME_AND_SUM.match(piece.strip()) for piece in pieces]
            if len(shares) >= 3 and all(shares):
                return [
                    prose_item(share["name"].strip(), money(share), piece.strip(), number)
                    for share, piece in zip(shares, pieces, strict=True)
                ]
    return []


def counted_names(lines: list[str]) -> list[ListedProject]:
    """Projects a text names after a count of them, apart by 、 or 和, each ending in 项目 or
    工程 and stating its money or none (``加工项目2个,锦山镇富廷村烘干塔项目、向阳川镇六合村
    笨榨豆油项目``), or before the count of the projects (``即操军镇东港水厂改扩建、…、县城关
    二水厂管网延伸(…、…)等5处供水工程``, ``支持章贡区赣纺、…、安远县东江大厦等6个老旧小区
    改造项目``): the names must be as many as the count says. Two at
    least in the whole text, else none; named from prose, so flagged."""
    found = _counted_names(lines)
    for item in found:
        if item.amount is None:
            _whole_in_its_section(lines, item)
    return found


def _whole_in_its_section(lines: list[str], item: ListedProject) -> None:
    """A project named in a count without its money takes the whole the section headed by its
    name states (一、萃文小学…道路提升项目完成情况 / 总投资278万元,完成…), where it states one."""
    name = squash(item.name)
    for index, line in enumerate(lines):
        if index + 1 == item.line or not LIST_MARKER.match(halfwidth(line)):
            continue
        if name not in squash(line):
            continue
        for number, body in enumerate(lines[index + 1 :], index + 2):
            normal = halfwidth(body)
            if LIST_MARKER.match(normal):
                return
            wholes = [
                amount
                for amount in find_amounts(body)
                if WHOLE_LABEL.search(normal[max(0, amount.start - 12) : amount.start])
            ]
            if wholes:
                item.amount, item.amount_line = wholes[0], number
                return
        return


def _counted_names(lines: list[str]) -> list[ListedProject]:
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
            words = _LEAD.sub("", named["names"])
            names = [
                part.strip()
                for name in split_outside_brackets(words)
                for part in re.split(r"(?<=项目)和|(?<=工程)和", name)
            ]
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
    for item in found:
        if item.amount is None:
            _money_said_for(item, lines)
    return found if len(found) >= 2 else []


# The words after a project's name that lead its money: 计划投资110万元, 总投资…, 资金….
_MONEY_SAID = r"[^，,。；;0-9和及、]{0,8}?(?:计划投资|总投资|投资|资金)\s*[:：为]?\s*(?=[0-9])"


def _money_said_for(item: ListedProject, lines: list[str]) -> None:
    """``item``'s money where one sentence of the text states it under its name (胡同村…项目计划
    投资110万元,其中:…): the one such sum."""
    found = _said_under_name(item.name, _MONEY_SAID, lines) or _said_in_its_paragraph(
        item.name, lines
    )
    if len(found) == 1:
        item.amount_line, item.amount = found[0]
        item.lines = sorted({*item.lines, item.amount_line})


# The clause before a sum that makes it a project's money (…,项目建设资金48.57万元), not what
# was spent or is left of it (完成总投资…, 结余资金…).
_OWN_MONEY_CLAUSE = re.compile(r"(?:资金|投资|金额|预算)\s*[:：为]?\s*$")


def _said_in_its_paragraph(name: str, lines: list[str]) -> list[tuple[int, ParsedAmount]]:
    """The (line, sum) of the numbered paragraph that opens with ``name`` and a comma (1. 清水县
    …巩固提升项目,在全县…,项目建设资金48.57万元,完成总投资48.5715万元,结余资金2.3497万元):
    its one sum under a money label, spent and left aside; [] where there is none or more."""
    for number, line in enumerate(lines, 1):
        text = line.strip()
        head = LIST_MARKER.match(halfwidth(text))
        rest = text[head.end() :].lstrip() if head else ""
        if not rest.startswith(name) or rest[len(name) : len(name) + 1] not in ("，", ","):
            continue
        normal = halfwidth(rest)
        own = []
        for amount in find_amounts(rest):
            clause = re.split(r"[，,。；;]", normal[len(name) : amount.start])[-1]
            if _OWN_MONEY_CLAUSE.search(clause) and not PAID_OR_LEFT.search(clause):
                own.append(amount)
        return [(number, own[0])] if len(own) == 1 else []
    return []


# A project's whole said under its name elsewhere: …建设项目计划总投资6480万元.
_WHOLE_SAID = r"[^，,。；;0-9和及、]{0,8}?(?:计划|估算|概算)?总投资\s*[:：为]?\s*(?=[0-9])"


def _whole_said_for(item: ListedProject, lines: list[str]) -> None:
    """``item``'s whole where one sentence of the text states it under its name (县级医院
    建设项目计划总投资6480万元), in place of what a list gives it this time (…中央预算内投资
    3910万元): the one such sum, larger than the list's."""
    found = _said_under_name(item.name, _WHOLE_SAID, lines)
    if len(found) == 1 and (item.amount is None or found[0][1].value > item.amount.value):
        item.amount_line, item.amount = found[0]
        item.lines = sorted({*item.lines, item.amount_line})


def _said_under_name(name: str, label: str, lines: list[str]) -> list[tuple[int, ParsedAmount]]:
    """Each (line, sum) where ``name`` opens a clause (or follows 其中) and ``label`` leads a
    sum after it: never inside a longer name (医院建设项目 in 精神专科医院建设项目)."""
    said = re.compile(r"(?:^|(?<=[，,。；;:：、\s])|(?<=其中))" + re.escape(name) + label)
    return [
        (number, amount)
        for number, line in enumerate(lines, 1)
        for match in said.finditer(line)
        if (amount := sum_after(line, match.end())) is not None
    ]


# A count of projects, then after a colon each with its sum (安排重点项目资金10个,共拨付到位
# 资金952万元。具体有:农村中等职业教育发展80万元、生源地贷款贴息85万元、…).
_PROJECTS_COUNTED = re.compile(
    PROJECTS_COUNTED_BY + r"(?P<n>[0-9]{1,2}|[一二三四五六七八九十两]{1,3})\s*个"
)


_SET_OUT = re.compile(r"(?:具体有|具体为|分别是|分别为|包括|如下|(?:以下|下列)项目)\s*[:：]")
# A count of projects right before what is set out: 4个省重点项目分别为:.
_COUNT_THEN_SET_OUT = re.compile(COUNT_OF_PROJECTS + r"\s*$")


# The count closing a list set out before it: 9个项目共计36.97万元, 以上共9个项目.
_COUNT_AFTER = re.compile(
    r"^\s*(?:以上|上述)?(?:共计?)?\s*(?P<n>[0-9]{1,2}|[一二三四五六七八九十两]{1,3})\s*个项目"
)


_NAME_AND_SUM = re.compile(rf"^(?:和|及|以及)?(?P<name>[^，,。；;:：]{{2,60}}?)\s*{MONEY}$")


def counted_sums(lines: list[str]) -> list[ListedProject]:
    """Projects a paragraph counts (…项目资金10个), or its project spending (项目支出包括…, three
    at least), and then sets out after a colon, each its
    name and its sum, apart by 、 (具体有:农村中等职业教育发展80万元、生源地贷款贴息85万元、
    …), in every paragraph that does so (一、续建项目2个，具体为：… 二、新建项目2个，…): as
    many as each count says (or fewer, three at least: staff are told), none a source of
    money (资金来源包括:中央衔接资金200万元、…); else none. Named from prose, so flagged."""
    found: list[ListedProject] = []
    for index, line in enumerate(lines):
        in_line: dict[int, list[ListedProject]] = {}  # by where they start in the line
        for set_out in _SET_OUT.finditer(line):
            # The count nearest before what is set out (项目12个…其中…项目10个2161万元,分别为:),
            # or right before it (4个省重点项目分别为:)
            counts = list(_PROJECTS_COUNTED.finditer(line, 0, set_out.start())) or list(
                _COUNT_THEN_SET_OUT.finditer(line[: set_out.start()])
            )
            if counts:
                count = counts[-1]["n"]
                projects = _set_out_projects(
                    line, index + 1, set_out, count=count
                ) or _set_out_projects(line, index + 1, set_out, count=count, semicolons=True)
                if projects:
                    in_line[counts[-1].start()] = projects
            elif set_out.group().startswith(("以下", "下列")):
                # 1亿元…将分别用于以下项目:A5000万元、…: no count, but the sum they share;
                # or the count after them (用于以下项目:A4万元、…。9个项目共计36.97万元).
                before = [a for a in find_amounts(line[: set_out.start()]) if not a.per]
                sentences = re.split(r"(?<=[。；;])", line[set_out.end() :], maxsplit=1)
                after = len(sentences) == 2 and _COUNT_AFTER.match(sentences[1])
                if before:
                    in_line[set_out.start()] = _set_out_projects(
                        line, index + 1, set_out, whole=before[-1].value
                    )
                elif after:
                    in_line[set_out.start()] = _set_out_projects(
                        line, index + 1, set_out, count=after["n"]
                    )
        sentence_start = 0
        for colon in re.finditer(r"[:：]", line):
            # (or after any colon, where they make up the sum its sentence states before it:
            # …项目资金440万元,项目资金已经分配下达到项目建设单位:A项目资金140万元、…)
            stops = [m.end() for m in _STOP.finditer(line, sentence_start, colon.start())]
            sentence_start = stops[-1] if stops else sentence_start
            sentence = line[sentence_start : colon.start()]
            # (never one project's works: 该项目总投资300万元,主要建设内容:A工程150万元、…)
            if _ONE_PROJECTS_PARTS.search(sentence):
                continue
            before = [a for a in find_amounts(sentence) if not a.per]
            if not before and "。" not in line[: colon.start()]:
                # (or the paragraph before says it: 已争取到中央预算内投资9918万元。 / 据悉,
                # 这批争取到的资金分别是:A…3910万元;B…500万元;…)
                above = next((text for text in reversed(lines[:index]) if text.strip()), "")
                before = [a for a in find_amounts(above) if not a.per][-1:]
            # (never after 其中, whose parts are one fund's: …21万元,其中:甲村项目补助6万元、…)
            if (
                before
                and not re.search(r"其中[^，,。；;:：]{0,6}$", sentence.rstrip())
                and not any(at <= colon.start() for at in in_line)
            ):
                # (each named as a project: never one project's parts, 其中:设备购置50万元)
                # (apart by 、, or by ； each a sum: A…3910万元;B…500万元;…)
                projects = [
                    _money_words_dropped(project)
                    for project in _set_out_projects(line, index + 1, colon, whole=before[-1].value)
                    or _set_out_projects(
                        line, index + 1, colon, whole=before[-1].value, semicolons=True
                    )
                ]
                if _projects_apart(projects) and all(
                    re.search(r"(?:项目|工程)$", project.name) for project in projects
                ):
                    for project in projects:
                        _whole_said_for(project, lines)
                    in_line[colon.start()] = projects
        for spent in _CLASS_SET_OUT.finditer(line):
            # (or a class of project spending and its sum, then the projects it holds, making
            # it up: 专项业务费258万元(其中包括党报党刊148万元、宣传工作经费40万元、…))
            words = line[: spent.end()] + re.split(r"[)）]", line[spent.end() :], maxsplit=1)[0]
            projects = _set_out_projects(words, index + 1, spent, whole=money(spent).value)
            if len(projects) >= 3 and not any(at <= spent.start() for at in in_line):
                in_line[spent.start()] = projects
        for spent in _SPENT_ON.finditer(line):
            # (a budget's project spending set out without a count: three at least)
            projects = _set_out_projects(line, index + 1, spent)
            # (never its classes or sources: 商品和服务支出, 一般公共预算拨款, 上年结转)
            if any(_NOT_SPENT_ON.search(project.name) for project in projects):
                continue
            if len(projects) >= 3 and not any(at <= spent.start() for at in in_line):
                in_line[spent.start()] = projects
        for group in _COUNT_THEN_SUM.finditer(line):
            if group.start() not in in_line:
                in_line[group.start()] = _grouped_projects(line, index + 1, group)
        for group in _COUNTED_AS.finditer(line):
            if group.start() not in in_line:
                in_line[group.start()] = _projects_counted_as(line, index + 1, group)
        found += [project for start in sorted(in_line) for project in in_line[start]]
    return found


_STOP = re.compile(r"[。；;]")


# What says the sums after a colon are one project's parts: 该项目总投资…, 建设内容:.
_ONE_PROJECTS_PARTS = re.compile(r"(?:该|本|此)项目|总投资|建设内容|主要内容|资金来源")


# A budget's project spending, set out after it: 项目支出包括委员活动经费36.3万元,扫黑除恶工作经费
# 1万元,….
_SPENT_ON = re.compile(r"项目支出(?:主要)?(?:包括|包含)\s*[:：]?")
_CLASS_SET_OUT = re.compile(
    rf"(?:项目支出|专项业务费|专项经费|专项工作经费)\s*{MONEY}\s*[(（]?\s*[，,]?\s*"
    r"(?:其中)?(?:主要)?(?:包括|包含|用于)\s*[:：]?"
)
_NOT_SPENT_ON = re.compile(r"(?:支出|拨款|基金|结转|结余)$|^对个人和家庭")


# A count of projects said to be those that follow: 五个交票项目为A援建资金60万元;B…70万元;….
_COUNTED_AS = re.compile(
    r"(?P<n>[0-9]{1,2}|[一二三四五六七八九十两]{1,3})\s*个[^，,。；;:：0-9]{0,6}?项目(?:为|是|包括)[:：]?"
)


def _projects_counted_as(line: str, number: int, group: re.Match) -> list[ListedProject]:
    """The projects after ``group`` up to the sentence's end, apart by ；: as many as the
    count says, each a name and its sum. [] otherwise."""
    words = line[group.end() :].split("。", 1)[0]
    pieces = [piece.strip() for piece in re.split(r"[；;]", words) if piece.strip()]
    units = [_NAME_AND_SUM.match(piece) for piece in pieces]
    if len(pieces) != count_value(group["n"]) or not all(units):
        return []
    projects = []
    for unit in units:
        name = _MONEY_WORDS_AFTER.sub(_keep_note, unit["name"])
        if NOT_A_PROJECT.search(name) or find_amounts(name):
            return []
        projects.append(prose_item(name, money(unit), unit.group(), number))
    return projects


# A count of projects and their sum, then the projects: in brackets (贷款贴息项目3个1677万元(小额
# 信贷贴息801万元,易地搬迁贷款贴息项目841万元,…)) or after a comma (…项目1个,涉及资金296万元,
# 永宁镇下岔河村库房建设项目(二期)296万元。).
_COUNT_THEN_SUM = re.compile(
    # 项目3个 or 3个项目, then their sum under any short label (中央预算内资金3940万元, 共3760万元),
    # then the projects: in brackets, or after a comma, a colon, 其中: or 包括.
    r"(?:项目[^，,。；;:：0-9]{0,4}?(?P<n>[0-9]{1,2}|[一二三四五六七八九十两]{1,3})\s*个"
    r"|(?P<m>[0-9]{1,2}|[一二三四五六七八九十两]{1,3})\s*个项目)"
    rf"\s*[，,]?\s*[^，,。；;:：0-9()（）]{{0,10}}?{MONEY}\s*"
    r"(?:(?P<bracket>[(（])|[，,]?\s*(?:其中|包括|分别为|分别是|具体为|具体有)\s*[:：]?|[，,:：])"
)


# A works told by its sum first: 投资3500万元的俄蜜源蜂业产业园区.
_INVESTED_OF = re.compile(
    rf"^(?:分别是|分别为|包括)?(?:总)?投资\s*{MONEY}的(?P<name>[^，,。；;:：]{{2,60}})$"
)


# A project's name before its sum may end in words for the money (…推进项目中央预算内资金).
_MONEY_WORDS_AFTER = re.compile(r"(?<=项目|工程)(?:[(（][^()（）]{1,12}[)）])?[^项程()（）]{1,12}$")


def _money_words_dropped(item: ListedProject) -> ListedProject:
    """``item`` named without the words for the money after its name (A项目资金 → A项目)."""
    return replace(item, name=_MONEY_WORDS_AFTER.sub(_keep_note, item.name))


def _keep_note(match: re.Match) -> str:
    """A project's note in brackets after its name stays; the money's words after it go."""
    note = re.match(r"[(（][^()（）]{1,12}[)）]", match.group())
    return note.group() if note else ""


def _grouped_projects(line: str, number: int, group: re.Match) -> list[ListedProject]:
    """The projects after ``group`` (a count and their sum) in ``line``, up to the bracket's
    close or the sentence's end: as many as the count, each a name and its sum, the sums
    adding up to the group's; or, where the text leaves some sums out, each without one a
    name ending in 项目 or 工程 and the others' less than the group's. [] otherwise."""
    rest = line[group.end() :]
    if group["bracket"]:
        depth, end = 1, None
        for position, char in enumerate(rest):
            depth += (char in "(（") - (char in ")）")
            if depth == 0:
                end = position
                break
        if end is None:
            return []
        words = rest[:end]
    else:
        words = re.split(r"[。；;]", rest, maxsplit=1)[0]
    # Apart by a comma, or by 、 after a sum (查汗采开乡、良种场小型水利工程建设项目 is one)
    # or before one (投资3500万元的A、投资500万元的B).
    pieces = [
        piece.strip()
        for part in split_outside_brackets(words, "，,")
        for piece in re.split(r"(?<=元)、|、(?=投资\s*[0-9])", part)
    ]
    count = count_value(group["n"] or group["m"])
    if len(pieces) > count and all(not find_amounts(piece) for piece in pieces[count:]):
        pieces = pieces[:count]  # what the sentence goes on to say (…,请转下达至项目单位)
    if pieces:
        # (…改建工程860万元转下达给你们: the last ends with its sum)
        last = [a for a in find_amounts(pieces[-1]) if not a.per]
        if last and not _INVESTED_OF.match(pieces[-1]):
            pieces[-1] = pieces[-1][: last[-1].end]
    if len(pieces) != count:
        return []
    whole = money(group).value
    projects: list[ListedProject] = []
    for piece in pieces:
        # (its sum first: 投资3500万元的俄蜜源蜂业产业园区)
        unit = _NAME_AND_SUM.match(piece) or _INVESTED_OF.match(piece)
        if unit is None and not re.fullmatch(r"[^，,。；;:：]{4,60}(?:项目|工程)", piece):
            return []
        name = unit["name"] if unit else piece
        # (下达武定县…推进项目中央预算内资金400万元 → 武定县…推进项目)
        name = re.sub(r"^(?:下达|安排|拨付|下拨|用于)", "", name)
        name = _MONEY_WORDS_AFTER.sub(_keep_note, name)
        if NOT_A_PROJECT.search(name) or find_amounts(name):
            return []
        projects.append(prose_item(name, money(unit) if unit else None, piece, number))
    sums = sum(project.amount.value for project in projects if project.amount)
    if all(project.amount for project in projects) and sums != whole:
        return []
    if not all(project.amount for project in projects) and sums >= whole:
        return []
    return projects


_DONE_WORDS = re.compile(r"(?<=..)(?:今年|本年度?)?将?(?:计划)?(?:完成|安排)(?:投资)?$")


def _set_out_projects(
    line: str,
    number: int,
    set_out: re.Match,
    *,
    count: str | None = None,
    whole: Decimal | None = None,
    semicolons: bool = False,
) -> list[ListedProject]:
    """The projects set out after ``set_out`` in ``line`` (line ``number``), as many as
    ``count`` says (or fewer, three at least), or whose sums make up ``whole``, none a source
    of money; [] otherwise. ``semicolons``: apart by ； after their sums, to the stop."""
    sentence = re.split(r"[。]" if semicolons else r"[。；;]", line[set_out.end() :], maxsplit=1)
    words = sentence[0]
    # A name with 、 in it (查汗采开乡、良种场小型水利工程项目271万元) is one unit: a piece
    # without a sum goes with the next.
    pieces: list[str] = []
    for piece in re.split(r"(?<=元)[；;]" if semicolons else r"、|(?<=元)[和,，]", words):
        if pieces and not find_amounts(pieces[-1]):
            pieces[-1] += "、" + piece
        else:
            pieces.append(piece)
    counted = count is not None and len(pieces) == count_value(count)
    if (len(sentence) == 1 or counted) and len(pieces) > 2 and not find_amounts(pieces[-1]):
        # the text cut off in its last item (a page stored in part: …,调研协商), or the last of
        # the projects it counts without money, no project (11个…分别为:…;曲沃县…遗址公园做好
        # 前期准备工作。)
        pieces.pop()
    units = [_NAME_AND_SUM.match(piece.strip()) for piece in pieces]
    if (
        len(units) < 2
        or not all(units)
        # (fewer than the count, three at least, where every piece is a name and its sum:
        # the text lists fewer than it counts, and staff are told so on ``rows``)
        or (
            count is not None
            and len(units) != count_value(count)
            and not 3 <= len(units) < count_value(count)
        )
        or (whole is not None and sum(money(unit).value for unit in units) != whole)
        or any(NOT_A_PROJECT.search(unit["name"]) for unit in units)
    ):
        return []
    # (named without what the sum is: 乡宁县云丘山完成投资1.11亿元, 市图书馆完成1.86亿元)
    return [
        prose_item(_DONE_WORDS.sub("", unit["name"]), money(unit), unit.group(), number)
        for unit in units
    ]


# Names set out and closed by the count of the projects (即A、B、C等3处供水工程).
# What leads the names before a count: 即, 支持, 今年计划实施.
_LEAD = re.compile(
    r"^(?:今年|本年|年内)?(?:计划|拟)?(?:即|支持|用于|包括|实施|建设|下达|安排|拨付|下拨|对(?!口))+"
)
_NAMED_THEN_COUNTED = re.compile(
    # (…计划实施A项目和B项目共2个项目)
    r"(?:即|支持|包括|用于|实施|[，,：:])(?P<names>[^。；;:：，,]+?)(?:等|共)\s*"
    r"(?P<n>[0-9]{1,2}|[一二三四五六七八九十两]{1,3})\s*(?:个|处|项|座|条)"
    r"(?P<what>[^，,。；;]{0,16})"
)


# A part of a fund's money named as a project, its money words after the name (幸福屋场项目
# 奖补资金 → 幸福屋场项目).
_PART_PROJECT = re.compile(r"(?P<name>[^，,。；;]{2,60}?(?:项目|工程))(?:[^项]{0,6}(?:资金|经费))?")


# Projects counted before 其中: 我市3个项目被列入…计划.
_COUNTED_BEFORE = re.compile(r"(?P<n>[0-9]{1,2}|[一二三四五六七八九十两]{1,3})\s*个项目")


# The words before 其中 name the project whose parts follow (…人居环境整治项目资金100万元),
# not a count of projects (建设类项目3个) nor a fund (…补助资金15万元).
_NAMES_ITS_PROJECT = re.compile(
    r"(?:项目|工程)(?!\s*(?:[0-9]{1,3}|[一二三四五六七八九十两]{1,3})\s*个)(?!库)"
)


def projects_in_breakdown(lines: list[str]) -> list[ListedProject]:
    """The projects a fund's money is shared among after 其中, each named as a project with its
    own sum (下达…资金15万元,其中幸福屋场项目奖补资金5万元,村级产业发展帮扶项目资金10万元): two
    at least, every part so named, none a kind of project counted (产业发展项目81个), and the
    words before 其中 naming no project of their own (…整治项目资金100万元,其中…工程60万元
    are that project's parts). Named from prose, so flagged.

    The lines right after, each a group of the same list setting out its projects so (⑴安排用于
    城乡基础设施建设0.775亿元,其中:A项目0.1亿元;… ⑵安排用于教育基础设施建设…,其中:…), add
    theirs: blank lines between them, nothing else."""
    for index, line in enumerate(lines):
        found = _projects_of_breakdown(line, index)
        if found:
            years = set(YEAR.findall(halfwidth(line.split("其中", 1)[0])))
            for later in range(index + 1, len(lines)):
                if not lines[later].strip():
                    continue
                lead = halfwidth(lines[later].split("其中", 1)[0])
                # (never what was paid of them, nor another year's: 截至2022年底,已支出…,
                # 其中:…; 2023年计划安排…,其中:…)
                if PAID_OR_LEFT.search(lead) or set(YEAR.findall(lead)) - years:
                    break
                more = _projects_of_breakdown(lines[later], later)
                if not more:
                    break
                found += more
            return found
    for index, line in enumerate(lines):
        # Or after the words that say how it is used (2023年全区1.81亿元新增债券使用安排情况
        # 是:A项目0.2亿元,B项目0.46亿元,…,其他项目0.34亿元): only where they make up a sum
        # the line states before them.
        lead = _USES_LISTED.search(line)
        parts = breakdown(line, lead=_USES_LISTED) if lead else []
        whole = sum(part.amount.value for part in parts)
        if lead and any(a.value == whole for a in find_amounts(line[: lead.start()])):
            if found := _as_projects(parts, index):
                return found
    for index, line in enumerate(lines):
        # Or after a sum and a colon, making up that sum exactly (…其中,贫困县纳入统筹整合资金
        # 7560万元:A项目资金2739万元,B项目资金156万元,…).
        colons = list(_SUM_THEN_COLON.finditer(line))
        for colon, following in itertools.pairwise([*colons, None]):
            # Its parts run to the sentence's end or the next such sum, no further.
            end = line.find("。", colon.end())
            end = min(
                end if end >= 0 else len(line),
                following.start() if following is not None else len(line),
            )
            parts = breakdown(line[colon.start() : end], lead=r"(?<=元)\s*[:：]")
            whole = find_amounts(colon.group("amount"))
            if whole and sum(part.amount.value for part in parts) == whole[0].value:
                # (named as written, with its year: 2017年第一批村道安防项目)
                if found := _as_projects(parts, index, as_written=True):
                    return found
    return []


def _projects_of_breakdown(line: str, index: int) -> list[ListedProject]:
    """The projects line ``index`` (0-based) sets out after 其中, as `projects_in_breakdown`
    reads them; [] where it sets out none."""
    before = line.split("其中", 1)[0]
    counted = _COUNTED_BEFORE.search(before)
    if counted and "其中" in line:
        # 我市3个项目被列入…,共获得资金4960万元。其中,A工程3300万元、B工程820万元、C工程
        # 840万元: as many named parts as the projects counted are those projects.
        parts = breakdown(line)
        if len(parts) == count_value(counted["n"]) and (found := _as_projects(parts, index)):
            return found
    if _NAMES_ITS_PROJECT.search(before):
        return []  # 下达…整治项目资金100万元，其中道路硬化工程60万元…: that project's parts
    listed = _projects_after_qizhong(line, index + 1)
    if listed:
        return listed
    parts = breakdown(line)
    if any(re.search(r"[0-9一二三四五六七八九十]+个", part.text) for part in parts):
        return []
    return _as_projects(parts, index)


def _as_projects(parts: list[Part], index: int, *, as_written: bool = False) -> list[ListedProject]:
    """``parts`` (of line ``index``, 0-based) as projects where there are two at least and
    every one is named as a project (…项目, …工程, its money's words after it); [] otherwise.
    ``as_written``: each named as its text writes it, year and all."""
    named = [_PART_PROJECT.fullmatch(part.name) for part in parts]
    if len(parts) < 2 or not all(named):
        return []
    if as_written:
        named = [
            _WRITTEN_NAME.match(p.text.strip()) or m for m, p in zip(named, parts, strict=True)
        ]
    return [
        prose_item(match.group("name"), part.amount, part.text, index + 1)
        for match, part in zip(named, parts, strict=True)
    ]


_SUM_THEN_COLON = re.compile(MONEY + r"\s*[:：]")
# A part's project named as written, up to its last 项目 or 工程 (…安防工程项目资金2739万元).
_WRITTEN_NAME = re.compile(r"(?P<name>(?:[0-9]{4}年度?)?[^，,。；;0-9]{2,60}(?:项目|工程))")


# The words after which a fund's uses are listed: 使用安排情况是:, 分配如下:, 安排情况为:.
_USES_LISTED = re.compile(r"(?:安排|分配|使用)(?:情况|如下)(?:是|为)?[:：]")


# A sentence that shares a fund among recipients: the fund, then each recipient and its sum
# (2020年中央农村环境整治资金(统筹整合部分)皮山县58.97万元,墨玉县118.71万元,…).
_FUND_HEAD = re.compile(
    r"^(?P<name>[^，,。；;:：、]{4,60}?(?:资金|经费)(?:[(（][^()（）]{1,20}[)）])?)(?P<rest>.+)$"
)


# Who a share of a fund goes to: a place or a unit (红旗区, 朔里镇, 卫健委).
RECIPIENT = rf"[\u4e00-\u9fff]{{2,12}}?(?:省|市|县|区|旗|盟|州|苏木|嘎查|社区|{ORGANISATION_END})"
RECIPIENT_SHARE = re.compile(
    rf"^(?:下达|分配给|分配|拨付|安排给|安排)?(?P<who>{RECIPIENT})\s*{MONEY}$"
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
        listed.append(prose_item(name, sums[0], piece.strip(), number))
    return listed if len(listed) >= 2 else []


# A notice giving several funds together, counted, its whole before 其中: 现将…等7项中央补助
# 资金465.87万元下达给你们,其中:.
_FUNDS_TOGETHER = re.compile(
    r"等\s*(?:[0-9]{1,2}|[二三四五六七八九十两]{1,3})\s*项[^，,。；;0-9]{0,12}(?:资金|经费)\s*"
    rf"{MONEY}[^。；;]{{0,16}}?[，,]\s*其中\s*[:：]?"
)
# (or a whole the funds after it are of: 已争取到位项目资金8688万元中:省…资金150万元,…)
_FUNDS_OF_WHOLE = re.compile(rf"(?:资金|经费)\s*{MONEY}\s*中\s*[:：]")
_FUND_NAME = re.compile(r"[^，,。；;、:：()（）]{4,40}?(?:资金|经费)")


def funds_given_together(lines: list[str]) -> list[ListedProject]:
    """Funds a notice says it gives out together (…基本公共卫生服务等7项中央补助资金465.87万
    元下达给你们,其中:基本公共卫生服务中央补助资金334.48万元、…、中央计划生育转移支付资金
    63.58万元; 已争取到位项目资金8688万元中:省环境监管能力建设项目资金150万元,…): each named
    fund after 其中 a project with its sum, a note in brackets after one (its own parts) left
    with it, where they make up the whole exactly. Named from prose, so flagged."""
    for index, line in enumerate(lines):
        said = _FUNDS_TOGETHER.search(halfwidth(line)) or _FUNDS_OF_WHOLE.search(halfwidth(line))
        if said is None:
            continue
        whole = money(said).value
        rest = line[said.end() :].split("。", 1)[0]
        # (a note in brackets holds a fund's own parts: not funds of the list)
        bare = re.sub(r"[(（][^()（）]*[)）]", lambda m: "　" * len(m.group()), rest)
        found = []
        for run in re.finditer(r"[^、，,；;]+", bare):
            piece = run.group()
            sums = [a for a in find_amounts(piece) if not is_rate(piece, a)]
            name = _FUND_NAME.match(piece.strip())
            if name is None or len(sums) != 1 or not piece.strip().startswith(name.group()):
                found = []
                break
            # (its words as written, the note in brackets too: 豉湖渠(中心城区段)综合治理…资金;
            # never a note the piece opens with: (一)省级…资金)
            lead = len(piece) - len(piece.lstrip())
            start = run.start() + lead + name.start()
            words = rest[run.start() : run.end()].strip()
            found.append(
                prose_item(rest[start : start + len(name.group())], sums[0], words, index + 1)
            )
        if len(found) >= 2 and sum(item.amount.value for item in found) == whole:
            return found
    return []


# A fund a sentence says was given out, with its sum right after its name:
# 下达了2023年改善普通高中办学条件中央补助资金27000万元; 还下达了2023年特殊教育中央补助资金
# 预算1300万元. Never what was given before (已下达…): that is an earlier sum of the same money;
# nor a rate (每人每年安排一次性往返交通补助800元).
FUND_GIVEN = re.compile(
    rf"(?<!已)(?<!每.)(?<!每..)(?<!每...){GIVES}了?\s*"
    rf"(?P<name>{FUND_NAME})"
    rf"(?:预算)?\s*{MONEY}"
)


# Or a project given its money, the year and the money's kind after its name: 下达海南省县级医院
# 建设项目2014年中央预算内投资计划3900万元.
_PROJECT_GIVEN = re.compile(
    rf"{GIVES}了?\s*(?P<name>[^，,。；;:：()（）《》\s0-9]{{4,60}}?项目)"
    r"(?:(?:19|20)[0-9]{2}年度?)?(?:[^，,。；;:：0-9]{0,12}?(?:投资|资金)(?:计划)?)?\s*"
    rf"{MONEY}"
)


# A paragraph's first sentence that is a name and its sum alone (健康生育专项资金205万元。;
# 拨付村级计生专干、小组长工资338万元。), the verb that gives it aside.
_HEAD_SUM = re.compile(
    r"^\s*(?:(?:拨付|安排|投入|下达|落实)\s*)?(?P<name>[^，,。；;:：\s0-9]{2,24}?)\s*"
    r"(?P<sum>[0-9]+(?:\.[0-9]+)?\s*(?:万元|元|亿元))\s*[。；;]"
)


def paragraphs_headed_by_sums(lines: list[str]) -> list[ListedProject]:
    """Paragraphs each opening with a sentence that is a name and its sum alone (奖励扶助资金
    1366万元。市政府拨付…; 健康生育专项资金205万元。拨付…), as a news item reports how a
    fund was spent: two at least, named apart, whose sums add up exactly to a sum the text
    states before them (累计投入计生专项资金1909万元); each a project, its paragraph its
    content. Named from prose, so flagged."""
    found: list[ListedProject] = []
    for number, line in enumerate(lines, 1):
        head = _HEAD_SUM.match(halfwidth(line))
        # (a head over its paragraph: more of it follows on its line)
        if head is None or not line[head.end() :].strip():
            continue
        amount = find_amounts(head["sum"])[0]
        amount = replace(amount, start=head.start("sum"), end=head.end("sum"))
        name = line[head.start("name") : head.end("name")]
        found.append(prose_item(name, amount, line, number))
    if not _projects_apart(found):
        return []
    whole = sum(item.amount.value for item in found)
    before = "\n".join(lines[: found[0].line - 1])
    if not any(a.value == whole for a in find_amounts(before) if not is_rate(before, a)):
        return []
    return found


# Projects counted, then each told after the money it got (6个项目分别为:投入338万元的三江镇
# 湖南坡滑坡治理项目,投入应急处置经费4万元的河口乡…塌陷项目,…).
_COUNT_THEN_TOLD = re.compile(
    r"(?P<n>[0-9]{1,2}|[一二三四五六七八九十两]{1,3})\s*(?:个|项|处)[^，,。；;:：]{0,12}?(?:分别为|分别是|包括)\s*[:：]?"
)
_SUM_THEN_NAME = re.compile(
    r"^\s*(?:投入|安排|下达|补助)?[^，,。；;0-9]{0,8}?"
    rf"{MONEY}\s*的\s*(?P<name>[^，,。；;、]{{4,60}}?(?:项目|工程))\s*$"
)


def sums_then_names(lines: list[str]) -> list[ListedProject]:
    """Projects a sentence counts and then tells each after the money it got (6个项目分别为:
    投入338万元的三江镇湖南坡滑坡治理项目,投入714万元的…项目,…): as many as it counts, every
    one so told. Named from prose, so flagged."""
    for number, line in enumerate(lines, 1):
        normal = halfwidth(line)
        for counted in _COUNT_THEN_TOLD.finditer(normal):
            told = normal[counted.end() :].split("。")[0]
            parts = [part for part in re.split(r"[，,；;、]", told) if part.strip()]
            found = [_SUM_THEN_NAME.match(part) for part in parts]
            if len(parts) != count_value(counted["n"]) or len(parts) < 2 or not all(found):
                continue
            items = []
            at = counted.end()
            for part, match in zip(parts, found, strict=True):
                start = normal.index(part, at)
                at = start + len(part)
                name = line[start + match.start("name") : start + match.end("name")]
                amount = money(match)
                amount = replace(
                    amount,
                    start=start + match.start("amount"),
                    end=start + match.end("amount"),
                )
                items.append(prose_item(name, amount, part, number))
            return items
    return []


def funds_given_apart(lines: list[str]) -> list[ListedProject]:
    """Funds given out each in a sentence of its own, as a news item reports them (近日,黑龙江省
    下达了2023年改善普通高中办学条件中央补助资金27000万元,…。近日,黑龙江省还下达了2023年特殊
    教育中央补助资金预算1300万元,…), or projects so given (下达海南省县级医院建设项目2014年中央
    预算内投资计划3900万元): each a project with its sum, where two funds at least are
    so given, each named once and differently, and no sentence gives one twice. Named from
    prose, so flagged."""
    found: list[ListedProject] = []
    title = next((line for line in lines if line.strip()), "")
    for index, line in enumerate(lines):
        for sentence in re.split(r"[。；;]", line):
            normal = halfwidth(sentence)
            # (never money given before, 已经下达, or a running total, 累计下达)
            given = [
                m
                for m in [*FUND_GIVEN.finditer(normal)] or [*_PROJECT_GIVEN.finditer(normal)]
                if not re.search(r"已|累计|共计", normal[max(0, m.start() - 4) : m.start()])
            ]
            if len(given) > 1:
                return []
            if given:
                name = given[0].group("name").strip()
                found.append(
                    prose_item(name, find_amounts(given[0]["amount"])[0], sentence, index + 1)
                )
    names = [squash(item.name) for item in found]
    if (
        len(found) < 2
        or any(a in b for a, b in itertools.permutations(names, 2))
        # (one sum said twice is one fund's, however it is named)
        or len({item.amount.value for item in found}) < len(found)
        # (a fund the title names is the notice's whole, its projects inside it)
        or any(name in squash(title) for name in names)
    ):
        return []
    return found


# A project a sum is said to support: 谷城县石花集镇…综合治理项目获3023万元支持.
_SUPPORTED = re.compile(
    r"(?:^|(?<=[，,:：、;；]))\s*(?P<name>[^，,。；;:：、《》]{4,60}?(?:项目|工程))"
    # (the money named: 获中央预算内资金250万元)
    r"(?:获得?|争取到?)(?:[\u4e00-\u9fff]{0,8}?资金)?"
    rf"\s*{MONEY}(?:的?(?:资金)?(?:支持|补助))?"
    r"(?=[，,。；;、]|$)"
)


# What lists them, before the first: 4个项目分别为….
_AFTER_LISTED = re.compile(r"^.*?(?:分别为|分别是|包括)[:：]?")


_A_COUNT_OF_PROJECTS = re.compile(r"[0-9一二三四五六七八九十]+\s*个[^，,]{0,6}(?:项目|工程)$")


def projects_supported(lines: list[str]) -> list[ListedProject]:
    """Projects a sentence says sums support, one after another (其中,谷城县…治理项目获3023万元
    支持,老河口…整治项目获3558万元支持,保康县…建设项目获7200万元支持): two at least, where
    their sums make up one the text states (…中央预算内资金13781万元支持). Named from prose,
    so flagged."""
    for index, line in enumerate(lines):
        # (one after another in a sentence, or in its parts apart by ；)
        for sentence in re.split(r"[。]", line):
            found = [
                prose_item(_AFTER_LISTED.sub("", m["name"]).strip(), money(m), sentence, index + 1)
                for m in _SUPPORTED.finditer(halfwidth(sentence))
                # (never a count of projects: 城区5个项目获3000万元支持)
                if not _A_COUNT_OF_PROJECTS.search(m["name"])
            ]
            if len(found) < 2:
                continue
            total = sum(item.amount.value for item in found)
            if any(a.value == total for a in find_amounts("\n".join(lines))):
                return found
    return []


def funds_by_recipient(lines: list[str]) -> list[ListedProject]:
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
                RECIPIENT_SHARE.match(part.strip()) for part in re.split(r"[，,、]", head["rest"])
            ]
            if len(shares) < 2 or not all(shares):
                continue
            item = ListedProject(
                name=head["name"], line=index + 1, lines=[index + 1], inferred=True
            )
            item.content.append(sentence.strip())
            for share in shares:
                amount = money(share)
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
    elsewhere = sums_outside(lines, {item.line for item in found})
    for item in found:
        whole = sum(part.amount.value for part in item.parts)
        item.amount = next((a for a in elsewhere if a.value == whole), None)
        item.amount_line = item.line
        item.total_checked = item.amount is not None
    return found


# A sentence giving one sum to one named project (…发展资金40万元,用于旭光村稻甲综合种养基地
# 建设项目支出): the sum, then 用于 and the project.
_SUM_FOR_PROJECT = re.compile(
    rf"{GIVEN_OVER}用于(?P<name>[^，,。；;:：用]{{4,60}}?(?:项目|工程))"
    r"(?:支出|建设|实施)?\s*$"
)


# The whole a list of projects closes with: …,总计下达305万元.
_WHOLE_AFTER = re.compile(r"[，,]\s*(?:总计|合计|共计)(?:下达|安排|拨付)?\s*" + MONEY)
# One of them: its name, ending in 项目, and its sum (社会公益类项目计40万元).
_PROJECT_AND_SUM = re.compile(r"^(?P<name>[^，,。；;、:：]{2,40}?项目)\s*计?\s*" + MONEY + r"$")
# What gives the money before the first name: 下达漳州市, 安排给各县.
_GIVEN_TO = re.compile(
    r"^(?:下达|安排|拨付|分配)(?:给)?(?:[\u4e00-\u9fff]{1,8}?(?:省|市|县|区|旗|镇|乡))?"
)


def projects_summed_after(lines: list[str]) -> list[ListedProject]:
    """Projects each named with its sum, apart by 、, followed by the whole they make up
    exactly (…下达漳州市老年人福利类项目196万元、儿童福利类项目69万元、社会公益类项目计40万元,
    总计下达305万元): two at least. Named from prose, so flagged."""
    for index, line in enumerate(lines):
        normal = halfwidth(line)
        for whole in _WHOLE_AFTER.finditer(normal):
            # The list: back from the whole to where its sentence or clause began.
            begun = max(normal.rfind(mark, 0, whole.start()) for mark in "。；;:：，,")
            pieces = normal[begun + 1 : whole.start()].split("、")
            # (what gives the money, and a cited title before it, are no name)
            first = pieces[0].rsplit("》", 1)[-1].strip()
            given = _GIVEN_TO.match(first)
            pieces[0] = first[given.end() :] if given and len(first) - given.end() >= 4 else first
            items = _named_sums_making(pieces, _PROJECT_AND_SUM, whole["amount"], index, 2)
            if items:
                return items
        items = _sums_apart_then_whole(line, index)
        if items:
            return items
    return []


def _sums_apart_then_whole(line: str, index: int) -> list[ListedProject]:
    """Projects and funds each named with its sum, apart by semicolons, then in the sentence
    after them the whole they make up exactly (…下达转移支付慈善会项目40万元;城乡低保、特困供养、
    临时救助项目2.75万元;…;基本公共卫生服务项目3万元。共计下达中央、市级转移支付资金3580.69万
    元): three at least."""
    normal = halfwidth(line)
    for whole in _WHOLE_SENTENCE.finditer(normal):
        begun = max(normal.rfind(mark, 0, whole.start()) for mark in "。:：")
        # (the pieces as written: positions are the same in the half-width copy)
        pieces = re.split(r"[；;]", line[begun + 1 : whole.start()].strip(" 。"))
        # (the words before the first, up to what gives the money, are no name)
        pieces[0] = _GIVEN_BEFORE.sub("", pieces[0].rsplit(",", 1)[-1].rsplit("，", 1)[-1])
        items = _named_sums_making(pieces, _NAMED_SUM, whole["amount"], index, 3)
        if items:
            return items
    return []


def _named_sums_making(
    pieces: list[str], pattern: re.Pattern, whole: str, index: int, at_least: int
) -> list[ListedProject]:
    """``pieces`` each a name and its sum by ``pattern``, ``at_least`` of them, making up the
    sum written ``whole`` exactly: an item each (on line ``index`` from 0); else []."""
    items = []
    for piece in pieces:
        said = pattern.match(piece.strip())
        amounts = find_amounts(said["amount"]) if said else []
        if not amounts:
            return []
        items.append(prose_item(said["name"], amounts[0], piece.strip(), index + 1))
    total = find_amounts(whole)
    made = total and sum(item.amount.value for item in items) == total[0].value
    return items if len(items) >= at_least and made else []


# The whole of a list of sums in the sentence after it: 。共计下达中央、市级转移支付资金3580.69万元.
_WHOLE_SENTENCE = re.compile(
    r"[。；;]\s*(?:总计|合计|共计)(?:下达|安排|拨付)?[^，,。；;0-9]{0,20}?\s*[:：为]?\s*" + MONEY
)
# (a few words at most before the verb, the levels that give it: 中央、市级下达转移支付…; never
# a verb inside the name: 土地分配调整项目)
_GIVEN_BEFORE = re.compile(
    r"^[\u4e00-\u9fff、0-9年度]{0,10}?(?:下达|安排|拨付)(?:给)?(?:转移支付|资金)?(?=.{4})"
)
# One of them: its name, ending as a project's or a fund's does, and its sum.
_NAMED_SUM = re.compile(
    r"^(?P<name>[^，,。；;:：]{2,40}?(?:项目|工程|经费|补助|补贴|资金))\s*计?\s*" + MONEY + r"$"
)


def sums_for_projects(lines: list[str]) -> list[ListedProject]:
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
                    amount=money(said),
                    amount_line=index + 1,
                    content=[sentence.strip()],
                    inferred=True,
                )
            )
    names = {squash(item.name) for item in found}
    return found if len(found) >= 2 and len(names) == len(found) else []


# The whole of a fund's spending before its uses: …使用体彩公益金6,036.9485万元, …本年支出安排
# 5834.15万元 (a fund's, not a project's own money).
_FUND_SPENT = re.compile(
    r"(?:公益金|资金|基金|经费).*(?:使用|支出|安排|用于)|(?:使用|支出|安排).*(?:公益金|基金)"
)

# A use named as a place or a unit (its name short): a recipient's share.
_PLACE_OR_UNIT = re.compile(rf".{{0,10}}(?:省|市|县|区|旗|镇|乡|{ORGANISATION_END})")


def _places(written: str) -> int:
    """How many decimal places an amount is written with (1971.645532万元: 6)."""
    found = re.search(r"[0-9]+(?:[.．]([0-9]+))?", halfwidth(written).replace(",", ""))
    return len(found.group(1) or "") if found else 0


def fund_uses(lines: list[str]) -> list[ListedProject]:
    """A fund's uses, each with its sum, after 其中 (2023通州区使用体彩公益金6,036.9485万元其中:
    用于建设全民健身公共体育场地、设施5169.6243万元,…;用于资助高水平体育后备人才培养285.2291万
    元): each use a project, where the fund's sum before 其中 is theirs (to the precision it is
    written in), the words before it naming a fund spent and no project, and no use a source
    of the money or a place. The first such breakdown of the text; named from prose, so
    flagged."""
    for index, line in enumerate(lines):
        ordinal = _ORDINAL_USE.search(line)
        lead = "其中" if "其中" in line or ordinal is None else ordinal.group()
        before = line.split(lead, 1)[0] if lead == "其中" else line[: ordinal.start()]
        # (said in the whole's own clause: not 强化财政资金使用效益 in one before)
        said = re.split(r"[。；;，]|,(?![0-9])", before.rstrip(" 。；;,，:："))[-1]
        if lead not in line or "项目" in said or not _FUND_SPENT.search(said):
            continue
        wholes = [a for a in find_amounts(before) if not is_rate(before, a)]
        parts = breakdown(line) if lead == "其中" else _ordinal_uses(line[ordinal.start() :])
        if not wholes or len(parts) < 2:
            continue
        whole = wholes[-1]
        total = sum(part.amount.value for part in parts)
        if any(_PLACE_OR_UNIT.fullmatch(p.name) for p in parts):
            continue  # a recipient's share, not a use
        if not _same_to_its_precision(total, whole, parts):
            continue
        return [
            prose_item(_USE_VERB.sub("", part.name), part.amount, part.text, index + 1)
            for part in parts
        ]
    return []


# What a use's name opens with that names nothing: 用于资助举办… → the event itself.
# (资助 stays in a kind of use's standing name: 资助或组织开展全民健身活动)
_USE_VERB = re.compile(
    r"^(?:用于|用作)?(?:(?:资助|支持)?举办|(?:资助|支持)(?=.{4,}(?:项目|工程)$))?"
)


# Uses told one after another by their ordinal (…支出23.4869万元。一是资助或组织开展全民健身
# 活动1.996万元。主要用于…。二是建设和维护公共体育场地和设施21.4909万元。).
_ORDINAL_USE = re.compile(r"(?<![\u4e00-\u9fff])一是")
_ORDINAL_PART = re.compile(
    r"[一二三四五六七八九十]{1,3}是(?P<name>[^，,。；;:：0-9]{2,40}?)\s*(?P<sum>"
    + MONEY
    + r")\s*[。；;]"
)


def _ordinal_uses(words: str) -> list[Part]:
    """The uses ``words`` tell as 一是…, 二是… in turn, each a sentence opening with its name
    and its sum; [] unless every one does."""
    starts = list(re.finditer(r"(?P<n>[一二三四五六七八九十]{1,3})是", words))
    parts = []
    for number, (start, end) in enumerate(
        itertools.pairwise([*(m.start() for m in starts), len(words)]), 1
    ):
        if count_value(starts[number - 1]["n"]) != number:
            return []
        piece = _ORDINAL_PART.match(words, start, end)
        amounts = find_amounts(piece.group("sum")) if piece else []
        if not amounts:
            return []
        parts.append(Part(piece.group("name"), amounts[0], piece.group()))
    return parts if len(parts) >= 2 else []


def _same_to_its_precision(total: Decimal, whole, parts: list) -> bool:
    """Whether ``total`` is ``whole`` as the text writes it, rounded from parts written finer
    (5834.145532万元 is 5834.15万元); exactly, where no part is written finer than it."""
    if total == whole.value:
        return True
    places = _places(whole.text)
    return any(_places(part.amount.text) > places for part in parts) and rounds_to(total, whole)


_NEXT_INVESTED = r"\s*(?:计划)?(?:总)?投资"
# A lead opening a list set out below it: …打下了良好基础。其中:, …如下:.
_LIST_LEAD = re.compile(rf"(?:其中\s*[:：]|{_SET_OUT.pattern})\s*$")


def _paragraph_before(lines: list[str], number: int) -> str:
    """The last paragraph with words before line ``number`` (1-based); ""."""
    return next((line for line in reversed(lines[: number - 1]) if line.strip()), "")


# A project told with its whole before it: 辽宁民盛重工有限公司总投资1200万元的加氢反应器筒节
# 加工项目争取资金120万元.
_INVESTED = re.compile(
    # (never a level's share of it: 争取中央投资2000万元的…)
    r"(?:总投资|计划总投资|投资总额|(?<!中央)(?<![省市县区]级)(?<!争取)(?<!预算内)投资)"
    rf"\s*(?:为|约)?\s*{MONEY}\s*的"
    # the name up to the next item or the end of its clause (…至桑什斗公路、总投资780万元的…;
    # 投资1180万元的八道河治理工程、投资1300万元的…及投资330万元的…等工程现已完工), places
    # listed in it (鸡冠山镇、东汤镇、边门镇灌区渠系改造工程), never a second works after one
    # (甲水库除险加固工程、丙村饮水工程)
    rf"(?P<name>(?:[^，,。；;:：、的]|(?<![程目])、(?!{_NEXT_INVESTED})){{4,60}}?)"
    rf"(?=、(?:{_NEXT_INVESTED})|[和及](?:{_NEXT_INVESTED})|[，,。；;]|$|争取|等(?:工程|项目)"
    r"|(?<=[程目])(?:现|目前|也|已|正|均))"
)


def invested_projects(lines: list[str]) -> list[ListedProject]:
    """Projects a paragraph names each after its whole (…公司总投资1200万元的加氢反应器筒节加工
    项目争取资金120万元,…公司总投资1000万元的…生产项目争取资金100万元): two at least in one
    paragraph, named apart, each with that whole. Named from prose, so flagged."""
    # (or each after its name: 其中肇兴乡…保护设施建设项目总投资650万元,中央投资资金480万元,
    # …,肇兴污水收集系统工程总投资1064万元,…)
    # (a list of them may go on over paragraphs, two or more in each, where a lead ending in a
    # colon opens it: a news item's works by how far they have come, …基础。其中: / 投资1180
    # 万元的…工程、投资1300万元的…现已完工。/ 投资3303万元的…)
    for told_as in (_INVESTED, _NAMED_THEN_INVESTED, _GIVEN_THEN_INVESTED):
        listed: dict[str, ListedProject] = {}
        first = 0  # the line of the first paragraph of the list
        for number, line in enumerate(lines, 1):
            if listed and not _LIST_LEAD.search(_paragraph_before(lines, first)):
                break  # (no lead: the first paragraph's items alone)
            matches = list(told_as.finditer(line))
            found = [
                prose_item(told["name"], money(told), told.group(), number) for told in matches
            ]
            # (never where the whole the line states first is not theirs: 3个项目,总投资0.45亿元,
            # 分别是投资3500万元的…)
            said = _WHOLE_FIRST.search(line, 0, matches[0].start()) if matches else None
            if said and sum(item.amount.value for item in found) != money(said).value:
                continue
            if len(found) >= 2 and len({squash(item.name) for item in found}) == len(found):
                first = first or number
                for item in found:
                    listed.setdefault(squash(item.name), item)
            elif listed and line.strip():
                break  # (the list ends at a paragraph without its items)
        if listed:
            return list(listed.values())
    # (or each named, a comma, then the sum planned for it, over the paragraphs of a news item:
    # 汉中中学新校区建设工程,计划投资20989.38万元。… 宝鸡市…廉租住房项目,计划投资17145万元;…,
    # a paragraph said again by the page read once)
    found = {}
    for number, line in enumerate(lines, 1):
        for told in _NAMED_THEN_PLANNED.finditer(line):
            item = prose_item(told["name"], money(told), told.group(), number)
            found.setdefault(squash(item.name), item)
    if len(found) >= 2:
        return list(found.values())
    # (or paragraphs each opening with a project's name and its whole: 精河县…二期工程项目
    # 总概算投资72365万元,主要建设…。 / 新疆…二期建设项目总概算投资2982万元,…)
    found = {}
    for number, line in enumerate(lines, 1):
        told = _NAMED_THEN_INVESTED.match(line.strip())
        if told is not None:
            item = prose_item(told["name"], money(told), told.group(), number)
            found.setdefault(squash(item.name), item)
    return list(found.values()) if len(found) >= 2 else []


# A project named, then its whole: …保护设施建设项目总投资650万元 (its name from the stop, the
# comma or 其中 before it).
# A project named, a comma, then the sum planned for it: …建设工程,计划投资20989.38万元.
_NAMED_THEN_PLANNED = re.compile(
    r"(?:^|[，,。；;:：])(?P<name>[^，,。；;:：、]{4,60}?(?:项目|工程))\s*[，,]\s*"
    rf"(?:计划|预计)(?:总)?投资\s*(?:为|约)?\s*{MONEY}"
)
# A project given its money, named after the giving, then its whole: 本次下达钱粮湖、共双茶、
# 大通湖东三个蓄洪垸安全建设工程总投资50000万元 (its name may list places: the giving opens it).
_GIVEN_THEN_INVESTED = re.compile(
    r"(?:^|[，,。；;:：]|[一二三四五六七八九十0-9]{1,2}[、.．])\s*(?:本次|此次)?下达(?P<name>[^，,。；;:：]{4,60}?(?:项目|工程))"
    rf"(?:计划)?总投资\s*(?:为|约)?\s*{MONEY}"
)
_NAMED_THEN_INVESTED = re.compile(
    # (a short name too after 其中, 吴冲路项目, never a level's projects elsewhere, 省重点项目;
    # never the text's own project, 该项目总投资…)
    r"(?:^|[，,。；;:：]|其中)(?!其中|该|[本此这]项目|这个)"
    r"(?P<name>(?:(?<=其中)|[^，,。；;:：、])[^，,。；;:：、]{3,59}?(?:项目|工程)"
    # (its other name in brackets: …护理能力提升项目(百福中端养老项目))
    r"(?:[(（][^()（），,。]{2,20}[)）])?)"
    # (or its estimate: …二期工程项目总概算投资72365万元)
    rf"(?:项目)?(?:计划)?(?:总投资|投资总额|总概算(?:投资)?)\s*(?:为|约)?\s*{MONEY}"
)


# A sum to be invested and the works it is for, after it: 计划投资3.5亿元,建设小型农田水利工程
# 项目313项; 计划投资3亿元,用于对河道的综合整治.
# (never a source's share of a whole: 其中中央预算内投资500万元,用于…)
_INVESTED_FOR = re.compile(
    rf"(?:计划|拟|将)投资\s*{MONEY}\s*[，,]?\s*(?:用于|建设|实施)(?:对)?"
    r"(?P<name>[^，,。；;:：0-9]{4,30}?(?:项目|工程|整治|治理|改造))"
    r"(?=[0-9]|[，,。；;]|其中|$)"
)


def invested_for_works(lines: list[str]) -> list[ListedProject]:
    """Works each told after the sum to be invested in it (今年,抚顺市计划投资3.5亿元,建设小型
    农田水利工程项目313项;…计划投资3亿元,用于对河道的综合整治): two at least, named apart,
    where their sums make up a sum the text states elsewhere (计划完成水利投资6.5亿元). Named
    from prose, so flagged."""
    found: list[ListedProject] = []
    for number, line in enumerate(lines, 1):
        normal = halfwidth(line)
        for told in _INVESTED_FOR.finditer(normal):
            name = line[told.start("name") : told.end("name")]
            found.append(prose_item(name, money(told), told.group(), number))
    if not _projects_apart(found):
        return []
    whole = sum(item.amount.value for item in found)
    text = "\n".join(lines)
    told_sums = sum(1 for amount in find_amounts(text) if amount.value == whole)
    return found if told_sums else []


# A clause that opens with a sum invested and goes on to the works it builds: 投资500万元,建设
# 新城大桥; 投资1126万元,在张家川镇西街等8村实施北山生态综合治理工程; 投资2600万元兴建污水处理厂.
_INVESTED_THEN_BUILT = re.compile(
    rf"投资\s*约?\s*{MONEY}\s*[，,]?\s*(?:在[^，,。；;:：]{{1,20}}?)?"
    # (how it goes about it first: 投资1974万元,加快推进松山东闸除险加固工程建设; 谋划实施)
    r"(?:(?P<pushed>(?:加快|积极|全力|谋划|计划|稳步)?推进|(?:谋划|计划|加快)实施)"
    r"|实施|建设|建成|兴建|新建|修建|改建|扩建|改造)(?P<name>[^，,。；;:：]{2,50})"
)
# What a works pushed on is: a works or project by name, never a field of policy (推进农村人居
# 环境整治).
_PUSHED_WORKS = re.compile(r"(?:工程|项目)(?:建设)?$")
# What a works' name opens with that is not its name: a count and its measures (23条65公里),
# what it is made of (村内道路硬化、修建桥涵等84个), who and where it is for (6乡镇7村596户的).
_WORKS_COUNTED = re.compile(
    r"^(?:[^的，,]*[0-9][^的，,]*的|[^，,]*等\s*[0-9]+\s*个"
    r"|(?:[0-9.]+\s*(?:条|座|所|处|个|公里|千米|米|亩|户|村)\s*)+)"
)


def works_after_their_investment(lines: list[str]) -> list[ListedProject]:
    """Works each told after the sum invested in it, one clause after another (即投资9530万元,
    实施…易地扶贫搬迁工程;投资4000万元,实施…整村推进项目;投资500万元,建设新城大桥;…): three
    at least in one paragraph with no other sum between them, named apart; each named by what
    the clause builds, without the counts before it (23条65公里农村通畅工程 → 农村通畅工程). Never
    the parts of one project's money (…总投资900万元,其中:投资300万元建设…). Named from prose,
    so flagged."""
    for number, line in enumerate(lines, 1):
        normal = halfwidth(line)
        told = [
            said
            for said in _INVESTED_THEN_BUILT.finditer(normal)
            if not said["pushed"] or _PUSHED_WORKS.search(said["name"])
        ]
        if len(told) < 3:
            continue
        between = [normal[a.end() : b.start()] for a, b in itertools.pairwise(told)]
        above = "".join(lines[: number - 1])
        if (
            any(find_amounts(words) or "其中" in words for words in between)
            or re.search(r"其中\s*[:：，,]?\s*$|总投资", normal[: told[0].start()])
            # (one project's phases or parts: 一期投资500万元,建设教学楼; 该项目总投资900万元。
            # / 投资300万元建设村道,…)
            or any(re.search(r"[一二三四五六七八九十0-9]期$", normal[: m.start()]) for m in told)
            or re.search(r"(?:该|本|此)项目", above + normal[: told[0].start()])
        ):
            continue
        found = []
        for said in told:
            name = line[said.start("name") : said.end("name")]
            name = _WORKS_COUNTED.sub("", name).removesuffix("等").strip()
            # (a works' name ends with it: …除险加固工程建设 → …除险加固工程)
            name = re.sub(r"(?<=工程)建设$", "", name)
            if len(name) >= 2:
                found.append(prose_item(name, money(said), said.group(), number))
        if len(found) == len(told) and _projects_apart(found):
            return found
    return []


# A line that is a name and a colon alone, heading the paragraph below it: 北城第一实验学校:.
_NAME_HEADING = re.compile(r"^\s*(?P<name>[^，,。；;:：0-9０-９()（）《》]{2,30}?)\s*[:：]\s*$")
# The whole a paragraph states: 总投资约5460万元, 预计总投资约5000万元.
_PARAGRAPH_WHOLE = re.compile(r"(?:计划|预计|估算)?总投资\s*(?:约|为|达)?\s*(?=[0-9])")
# … and the whole a line states before the works it lists: 3个项目,总投资0.44亿元,分别是….
_WHOLE_FIRST = re.compile(_PARAGRAPH_WHOLE.pattern + MONEY + r"\s*[，,]")


def works_headed_by_name(lines: list[str]) -> list[ListedProject]:
    """Works each named on a line of its own ending in a colon, the paragraph below stating
    its whole (沈丘高中: / 新建项目,总投资约5.54亿元,…; 北城第一实验学校: / 扩建项目,总投资约
    5460万元,…): two at least, named apart, each paragraph one whole; never a form's labels
    (项目名称: / …, 建设单位: / …), whose values sit below them. Named from prose, so flagged."""
    found: list[ListedProject] = []
    for index, line in enumerate(lines):
        heading = _NAME_HEADING.match(line)
        if heading is None or HEADER_WORDS.match(squash(heading["name"])):
            continue
        below = next(
            (
                (number, text)
                for number, text in enumerate(lines[index + 1 :], index + 2)
                if text.strip()
            ),
            None,
        )
        if below is None or not re.search(r"[，,。]", below[1]):
            continue
        wholes = [
            amount
            for label in _PARAGRAPH_WHOLE.finditer(halfwidth(below[1]))
            if (amount := sum_after(below[1], label.end())) is not None
        ]
        if len(wholes) == 1:
            item = prose_item(heading["name"].strip(), wholes[0], below[1], index + 1)
            item.amount_line, item.lines = below[0], [index + 1, below[0]]
            found.append(item)
    return found if _projects_apart(found) else []


def works_in_progress(lines: list[str]) -> list[ListedProject]:
    """Works a progress report tells of, each with the investment approved for it (店洼水库
    完成投资4572万元,占批复投资5138万元的89%;乃河水库完成投资4940万元,占批复投资6718万元的
    74%), in brackets after its name (同心县西沟水库(投资965万元)、泾源县卧龙山水库(投资
    1730万元)) or before it (利用彩票公益金350万元建设的…交易市场项目): each its approved or
    stated investment, never what was spent of it; two at least, named apart. Named from
    prose, so flagged."""
    found: list[ListedProject] = []
    for index, line in enumerate(lines):
        normal = halfwidth(line)
        for pattern in (_PROGRESS_OF_WORKS, _WORKS_INVESTED, _BUILT_WITH):
            for said in pattern.finditer(normal):
                name = _PROGRESS_LEAD.sub("", line[said.start("name") : said.end("name")])
                amounts = find_amounts(said["amount"])
                if len(name) >= 4 and amounts:
                    found.append(prose_item(name, amounts[0], said.group(), index + 1))
    names = {squash(item.name) for item in found}
    return found if len(found) >= 2 and len(names) == len(found) else []


# A works' name in a clause of prose: …水库, …工程, …项目, …学校.
_WORKS_NAME = (
    r"(?P<name>[^，,。；;:：、()（）]{2,40}?(?:水库|工程|项目|道路|公路|桥|学校|医院|中心))"
)
# 店洼水库完成投资4572万元,占批复投资5138万元的89%: the works and what was approved for it.
_PROGRESS_OF_WORKS = re.compile(
    _WORKS_NAME
    + r"(?:累计|已)?完成(?:投资|资金)[^，,。；;]{0,12}?[，,]\s*占(?:批复|计划|概算)(?:总)?投资\s*"
    + MONEY
)
# 同心县西沟水库(投资965万元): the works and its investment in brackets after it.
_WORKS_INVESTED = re.compile(_WORKS_NAME + r"\s*[(（]\s*(?:总)?投资\s*" + MONEY + r"\s*[)）]")
# 利用彩票公益金350万元建设的乌克镇马铃薯储窖交易市场项目: the works its sum built.
_BUILT_WITH = re.compile(
    r"(?:利用|投入|安排|使用)[^，,。；;]{0,12}?" + MONEY + r"\s*(?:建设|实施|新建|改建|打造)的"
    r"(?P<name>[^，,。；;:：、()（）]{4,40}?(?:项目|工程))"
)
# What opens a clause before the works' name: 截止4月底, 其中.
_PROGRESS_LEAD = re.compile(r"^(?:截[止至][^，,]{0,8}[，,]?|其中[：:，,]?)")


# A sum invested in a works, by its label right before it: 估算总投资455.66万元, 投资133万元,
# 完成投资503万元.
_INVESTED_LABEL = re.compile(
    r"(?:(?:估算|预算|计划|完成|概算|批复)?(?:总投资|投资)|获得|争取到?)\s*(?:为|约|达)?\s*$"
)
# Where an item's name ends and what it tells of it begins (…中学建筑面积1120平方米, …项目涉及
# …村, …工程,建筑面积…).
_ITEM_TOLD = re.compile(
    r"涉及|建设规模|规模为|建筑面积|占地|面积|位于|估算|预算|计划|完成|总投资|投资|获得|争取"
    r"|[0-9，,]"
)
_ITEM_LEAD = re.compile(r"^(?:其中|另外|此外|以及|及|和|同时)[，,:：]?")
_WHOLE_BEFORE = re.compile(r"共|合计|总计|总投资|完成投资|计划投资|累计|总额|全部")


def works_making_a_stated_whole(lines: list[str]) -> list[ListedProject]:
    """Works a paragraph tells of one after another, each named first and its investment
    last (新建…特殊教育学校工程,建筑面积4150平方米,完成投资503万元。…项目3个:龙场中学建筑面积
    1120平方米、投资133万元,舟溪中学…投资197万元;…; 其中韶山乡…土地整治项目涉及…,估算总投资
    455.66万元;永义乡…项目…估算总投资714.94万元;…): two at least, named apart, whose sums
    make up a sum the text states elsewhere (完成投资1915万元, 预算总投资2500万元; as it rounds
    it: 1.37亿元 over 13697.93万元). A sum
    its clause goes on to head a list with (…新增中央投资1000亿元农村初中校舍改造项目3个:) is
    no item. Named from prose, so flagged."""
    # (the wholes the text states as such: 完成投资1915万元, 预算总投资2500万元, 共获得…)
    wholes = [
        amount
        for line in lines
        for amount in find_amounts(line)
        if _WHOLE_BEFORE.search(halfwidth(line)[max(0, amount.start - 16) : amount.start])
    ]
    for number, line in enumerate(lines, 1):
        normal = halfwidth(line)
        found: list[ListedProject] = []
        start = 0
        for amount in find_amounts(line):
            if not _INVESTED_LABEL.search(normal[max(0, amount.start - 10) : amount.start]):
                continue
            clause_end = re.search(r"[，,；;。:：]|$", normal[amount.end :])
            if clause_end.group() in (":", "："):
                start = amount.end + clause_end.end()  # a heading over the items after it
                continue
            begun = max(normal.rfind(mark, start, amount.start) for mark in "；;。:：") + 1
            words = _ITEM_LEAD.sub("", line[max(start, begun) : amount.start].strip(" ，,"))
            told = _ITEM_TOLD.search(words)
            name = words[: told.start()] if told else ""
            # (or named in the clause of its sum, after what the sentence says first: 据悉,
            # …项目中,芜湖县医院…建设项目获得4000万元)
            last = re.split(r"[，,]", words)[-1]
            said = _ITEM_TOLD.search(last)
            if said and len(last[: said.start()]) >= 4 and re.search(r"[，,]", words):
                name = last[: said.start()]
            if len(name) < 3 or NOT_A_PROJECT.search(name) or names_a_source(name):
                found = []
                break
            found.append(prose_item(name, amount, line[max(start, begun) : amount.end], number))
            start = amount.end + (clause_end.end() if clause_end.group() else 0)
        if not _projects_apart(found):
            continue
        made = sum(item.amount.value for item in found)
        # (or a whole the text rounds: 计划投资1.37亿元 over parts of 13697.93万元)
        if any(rounds_to(made, whole) for whole in wholes) and made not in {
            item.amount.value for item in found
        }:
            return found
    return []


def sums_for_uses(lines: list[str]) -> list[ListedProject]:
    """Uses told each as its sum and then what it is for, one after another in a sentence
    (此次下达的资金中,1730万元用于公路安全生命防护工程,420万元用于灾害防治项目,…): three at
    least, named apart, none a source of money or a place's share, whose sums make up exactly a
    sum the text states before them (下达…支出预算15291万元). Each use a project, as a fund's
    uses after 其中 are (fund_uses); named from prose, so flagged."""
    before: list[Decimal] = []
    for index, line in enumerate(lines):
        for sentence in re.split(r"(?<=[。；;])", line):
            clauses = [c for c in re.split(r"[，,]", sentence.strip(" 。；;")) if c.strip()]
            uses = [SUM_FOR.match(halfwidth(clause)) for clause in clauses]
            # (its last clauses, after the words that lead them: 据了解,此次下达的资金中,)
            run = list(itertools.takewhile(bool, reversed(uses)))[::-1]
            items = [
                prose_item(
                    clause[use.start("name") : use.end("name")].strip(),
                    money(use),
                    clause.strip(),
                    index + 1,
                )
                for clause, use in zip(clauses[len(clauses) - len(run) :], run, strict=True)
            ]
            made = sum(item.amount.value for item in items)
            if len(items) >= 3 and _projects_apart(items) and made in before:
                return items
            # (a fund given, never one project's whole: …工程总投资600万元。资金中,200万元用于…
            # are that project's parts)
            if re.search(GIVES, sentence) and "总投资" not in sentence:
                before += [amount.value for amount in find_amounts(sentence)]
    return []
