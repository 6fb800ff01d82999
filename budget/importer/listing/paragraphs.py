"""Projects told in numbered paragraphs of prose, items run on in one line (一是…二是…),
and items apart by semicolons.

Pure Python, no Django.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from ...amounts import (
    ParsedAmount,
    find_amounts,
)
from ...normalize import halfwidth, squash
from ..funding import WHOLE_LABEL
from ..lines import (
    MONEY,
    PAID_OR_LEFT,
    in_brackets,
    is_rate,
    money,
    names_a_source,
    plain_sums,
)
from ..numbering import (
    chinese_number,
    count_value,
    marker_at_start,
    split_numbered,
)
from ..outline import HEADING_LIKE, classify_heading
from .listed import (
    BASIS_FIRST,
    FUND_NAME,
    GIVES,
    NAME_SENTENCE,
    NOT_A_PROJECT,
    PLACE,
    ListedProject,
    fund_given,
    named_by_the_fund_given,
    prose_item,
    sums_outside,
    unit_said,
)
from .numbered import ANY_MARKER, NOTICE_AGAIN, described_sums

# An item of a list run on in one sentence: 一是建设…,预计投入资金87万元;二是….
_RUN_ON_MARKER = re.compile(r"(?P<n>[一二三四五六七八九十])是")


def run_on_items(lines: list[str]) -> list[ListedProject]:
    """Projects listed after 一是, 二是, 三是 …, in one sentence or a line each, each with its
    money under a label (拟建3个项目:一是建设赫哲文化传承展示中心,预计投入资金87万元;二是…;
    一是用于雨露计划项目增加衔接资金18.75万元; / 二是用于…): named by the project its words
    name (…项目), else by the words up to their first comma; both flagged as read from prose.
    The markers must run 一, 二, 三 … and each item state one sum, or two projects apart by
    ； each its own (四是实施A项目,…项目总投资810.62万元;实施B项目,项目总投资418.57万元); the
    last items may tell of work that has no money (六是完成…总验收工作); else nothing is read."""
    for parts in _run_on_parts(lines):
        # (work told last without money, 六是完成…验收工作, is no project; a project so told,
        # 三是实施丙村文化广场建设项目,资金由县财政统筹解决, leaves the list unread)
        while (
            len(parts) > 2
            and not find_amounts(parts[-1][1])
            and not re.search(r"项目|工程", parts[-1][1])
        ):
            parts = parts[:-1]
        items = []
        for number, part in parts:
            item = _run_on_item(part, number)
            pieces = [piece for piece in re.split(r"[；;]", part) if piece.strip()]
            # (each a project it names: never a phase, 一期投资100万元;二期投资50万元)
            two = (
                [_run_on_item(piece, number) for piece in pieces]
                if item is None and all(_named_project(piece) for piece in pieces)
                else []
            )
            if item is None and not (len(two) == 2 and all(two)):
                break
            items += [item] if item is not None else two
        else:
            return items
    return []


def _run_on_item(part: str, number: int) -> ListedProject | None:
    """The project an item of a run-on list tells of (its words ``part``, on line
    ``number``), named and with its one sum; None."""
    named = _named_project(part)
    first = re.split(r"[，,；;。]", part, maxsplit=1)[0].strip()
    # (up to its whole's label: 根河总投资为16247.76万元(…) → 根河; never at a sum
    # alone, 投入资金500万元建设甲村道路 names the works after it)
    cut = re.split(r"(?:计划|概算|估算)?总投资", first, maxsplit=1)[0].strip()
    first = cut if len(cut) >= 2 else first
    # (without how many it holds: …教师周转宿舍建设专项22项)
    name = _LEAD_WORDS.sub("", named.group("name") if named else _COUNTED.sub("", first))
    # Under a money label (预计投入资金87万元), else the one sum after a project's name
    # (用于第二批道路建设项目892.13万元) or ending the item's words (下达宣汉县…省道
    # 3800万元).
    spent = [a for a in find_amounts(part) if not is_rate(part, a)]
    ends = len(spent) == 1 and not part[spent[0].end :].strip(" ；;。，,")
    sums = described_sums(part) or (spent if named or ends else [])
    if not sums and _MONEY_ALONE.fullmatch(first):
        sums = [a for a in spent if a.end <= len(first)]
    if len(sums) > 1:
        # Its whole and its sources (总投资0.996亿元,其中,中央预算内投资0.7338亿元,…):
        # the whole.
        # (its label right before it: never a later sum of the part, 总投资为26565.79
        # 万元(其中莫旗7195.31万元…),2020年下达资金计划8542万元)
        sums = [a for a in sums if WHOLE_LABEL.search(part[max(0, a.start - 12) : a.start])] or sums
        # (its own whole, before what it goes on to name after 其中: 实施项目2个,总投资16.62亿元。
        # 其中中广核…项目总投资12.39亿元)
        qizhong = part.find("其中")
        if len(sums) > 1 and qizhong > 0 and len([a for a in sums if a.end <= qizhong]) == 1:
            sums = [a for a in sums if a.end <= qizhong]
    if len(sums) > 2 and sums[0].value == sum(a.value for a in sums[1:]):
        # (its whole, then where it comes from: 投资1368万元,申请中央预算内投资1094万元,
        # 地方投资274万元)
        sums = sums[:1]
    if not named and ends:
        name = _paragraph_name(first)
    if not named and _MONEY_ALONE.fullmatch(first):
        # (its money first, then what it does: 预算投资288万元,计划在96个村(社区)建设
        # 乡村剧场,… → 在96个村(社区)建设乡村剧场)
        then = [words.strip() for words in re.split(r"[，,；;。]", part)[1:2]]
        # (never its sources after 其中: 预算投资288万元,其中中央资金200万元…)
        then = [words for words in then if not words.startswith("其中")]
        # (what it builds where: 计划在96个村(社区)建设乡村剧场 → 乡村剧场)
        built = _BUILT_IN.match(then[0]) if then else None
        name = (
            built["what"]
            if built
            else _paragraph_name(_PLANNED_VERB.sub("", then[0]))
            if then
            else ""
        )
    # (an item headed by its kind of project, a sentence of its own, is named so: 二是工业
    # 项目。正在加快建设恒丰建材…等20个工业项目,总投资55.2亿元 → 工业项目)
    heading = part.split("。", 1)[0].strip()
    if "。" in part and 2 <= len(heading) <= 20 and re.search(r"(?:项目|工程)$", heading):
        name = heading
    # (a standard of support, 对新建50亩以上茶园的经营主体一次性奖补2万元, is no
    # project; a rate its words go on to state, 每处乡村剧场县财政补贴3万元, is its)
    standard = bool(sums) and bool(
        _A_STANDARD.search(_clause_to(part, sums[0].end))
        or _A_STANDARD.search(re.split(r"[，,；;。]", part, maxsplit=1)[0])
    )
    if (
        not 2 <= len(name) <= 60
        or len(sums) != 1
        or standard
        or NOT_A_PROJECT.search(name)
        or names_a_source(name)
    ):
        return None
    return prose_item(name, sums[0], part, number, "run-on")


def nested_run_on_items(lines: list[str]) -> list[ListedProject]:
    """Items numbered (一)(二)… inside groups numbered 一、二、… all run on in one paragraph,
    each group stating the sum its items make up (一、交通专项资金支出计划安排28450.45万元,
    包括: (一)交通行业发展…费3900万元; (二)…948.75万元; … 二、港建费分成资金…): the items
    are the projects, each named by its words before its one sum, read under its group (said
    to staff). Every item must end in its sum, and every group's items make up its sum; else
    nothing is read."""
    for number, line in enumerate(lines, 1):
        groups = split_numbered(line, at="clause", style="cn")
        if len(groups) < 2:
            continue
        items = []
        for group in groups:
            body = line[group.body_start : group.end]
            leaves = split_numbered(body, at="clause", style="cnparen")
            head = body[: leaves[0].start] if leaves else ""
            said = [a for a in find_amounts(head) if not is_rate(head, a)]
            found = [_nested_leaf(body[leaf.body_start : leaf.end], number) for leaf in leaves]
            if (
                not leaves
                or len(said) != 1
                or None in found
                or sum(item.amount.value for item in found) != said[0].value
            ):
                break
            grouping = _GROUP_SUM.sub("", head[: said[0].start]).strip(" ，,:：")
            items += [replace(item, grouping=grouping) for item in found]
        else:
            return items
    return []


# The words of a group's sum (…支出计划安排28450.45万元, 包括:).
_GROUP_SUM = re.compile(r"(?:共|合计|总计)?(?:安排|下达|拨付|分配)?(?:资金)?\s*[:：为]?\s*$")


def _nested_leaf(words: str, line: int) -> ListedProject | None:
    """An item of a nested list: its words up to the one sum that ends it (the last item's,
    up to its stop: the text goes on after it); None."""
    words = words.split("。", 1)[0]
    sums = [a for a in find_amounts(words) if not is_rate(words, a)]
    if len(sums) != 1 or words[sums[0].end :].strip(" ；;。，,"):
        return None
    name = _LEAD_WORDS.sub("", words[: sums[0].start].strip(" ：:，,"))
    # (never a place's share, 下达甲县300万元, nor a source of the money)
    if not 2 <= len(name) <= 60 or _PLACE_ALONE.fullmatch(name) or names_a_source(name):
        return None
    return prose_item(name, sums[0], words, line, "cnparen")


# A place alone, whose share a list gives: 甲县, 城关镇, 某某街道.
_PLACE_ALONE = re.compile(PLACE)


# Projects counted: 31项社会事业项目, 项目7个.
_PROJECTS_COUNTED = re.compile(
    r"[0-9一二三四五六七八九十两]+\s*[项个][^，,。；;]{0,12}项目|项目[0-9一二三四五六七八九十两]+\s*[项个]"
)


# How many an item holds, after its name: 22项, 5个.
_COUNTED = re.compile(r"(?<=[\u4e00-\u9fff]{2})[0-9]+\s*(?:项|个|处|座|所)$")


# What a standard of support says, not a project (对新建50亩以上茶园的经营主体一次性奖补2万元,
# 每户补助…, 最高不超过…).
_A_STANDARD = re.compile(r"^\s*对|每|一次性|标准|不超过|最高|不低于")
# A clause that is its money alone (预算投资1600万元, 预算安排530万元).
_MONEY_ALONE = re.compile(
    r"\s*(?:预算|计划|预计|拟|共)?(?:总投资|投资|安排|投入)(?:资金)?\s*[0-9.]+\s*(?:万元|元|亿元)\s*"
)
_BUILT_IN = re.compile(
    r"^(?:计划|拟|将)*在[^，,]{1,40}?(?:各)?(?:新建|建设)(?:[0-9]+\s*[处个座所])?(?P<what>[^，,0-9]{2,30})$"
)
# What a plan says it will do before what it names (计划将…, 计划在…, 继续开展…).
_PLANNED_VERB = re.compile(r"^(?:计划|拟|将|继续|主要)+(?:将|在|对|开展|实施|用于)?")


def _run_on_parts(lines: list[str]) -> list[list[tuple[int, str]]]:
    """The lists after 一是, 二是 … of ``lines``, two items at least: those in one line, and
    those of lines that each open with the next marker; each part with its line (1-based)."""
    found: list[list[tuple[int, str]]] = []
    run: list[tuple[int, str]] = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue  # (paragraphs apart by blank lines: 一是… / / 二是…)
        markers = list(_RUN_ON_MARKER.finditer(line))
        if len(markers) >= 2 and [m.group("n") for m in markers] == [
            chinese_number(n) for n in range(1, len(markers) + 1)
        ]:
            ends = [m.start() for m in markers[1:]] + [len(line)]
            found.append(
                [(number, line[m.end() : end]) for m, end in zip(markers, ends, strict=True)]
            )
            continue
        # 一、下达宣汉县…3800万元; 二、下达达川区…36万元。: numbered items run on in one line
        items = split_numbered(line, at="clause")
        # (or after a colon that sets them out: …改造项目包括:1、天阳楼小区,…计划投资418万元。2、…;
        # after 其中: only where the words before count projects, 31项社会事业项目…其中:1.…, as
        # one project's parts follow it too: …项目总投资500万元,其中:1、道路硬化工程…)
        before = line[: items[0].start] if items else ""
        if len(items) >= 2 and (
            items[0].start == len(line) - len(line.lstrip())
            or re.search(r"(?:包括|如下|分别为|具体为)\s*[:：]\s*$", before)
            or (re.search(r"其中\s*[:：]\s*$", before) and _PROJECTS_COUNTED.search(before))
        ):
            found.append([(number, line[item.body_start : item.end]) for item in items])
            continue
        opening = _RUN_ON_MARKER.match(line.strip())
        if opening and opening.group("n") == chinese_number(len(run) + 1):
            run.append((number, line.strip()[opening.end() :]))
            continue
        if len(run) >= 2:
            found.append(run)
        run = [(number, line.strip()[opening.end() :])] if opening and opening["n"] == "一" else []
    if len(run) >= 2:
        found.append(run)
    return found


# The words that make a paragraph's sum its total (以上合计投入…60万元, 整个项目预计投入…,
# 项目总投资…58万元), not a part of it.
_PARAGRAPH_TOTAL = re.compile(r"(?:合计|共计|总计|整个项目|总投资)[^，,。；;0-9]{0,20}$")


# Where a paragraph's project is named: the words before 项目 after what is done for it
# (为蔡金镇中心村安装稻田智能化灌排系统项目), else the paragraph's first clause.
_PARAGRAPH_PROJECT = re.compile(
    # (对口支援 is one word of a name, not 对 and what is done for it)
    r"(?:^|[为在]|对(?!口)|用于|实施)(?P<name>(?:[^，,。；;:：为对在]|对口){4,40}?项目)"
)
# A project named right after its whole: 实施了总投资8000万元的恢河六期综合治理工程, 实施总投资
# 333万元京津风沙源二期水利项目.
_AFTER_ITS_WHOLE = re.compile(r"的?(?P<name>[^，,。；;:：0-9]{4,40}?(?:项目|工程))")
_WORKS_AFTER_ITS_WHOLE = re.compile(
    rf"总投资\s*约?\s*{MONEY}的(?P<name>[^，,。；;:：0-9]{{4,40}}?(?:项目|工程))"
)


# (资助 leads what it funds where that is named as projects: 资助…老年公寓等项目170个; not a
# kind of spending, 资助群众体育社团组织和队伍建设发展)
_LEAD_WORDS = re.compile(
    r"^(?:拟|计划|预计|提前|重点|继续)?(?:用于|对|为|在|实施了?|安排|下达|拨付|资助(?=[^，,。；;]*项目$))"
)


def numbered_paragraphs(lines: list[str]) -> list[ListedProject]:
    """Paragraphs numbered 1, 2, 3 … (any style), each a project told in prose with its money
    (``1.第二批中央…资金60万元拟用于真武村…维修整治,投入资金10万元;对真武村环线950米进行
    黑化,预计投入资金50万元;以上合计投入…60万元。``): two at least, every one stating a sum.

    Each is named by the project its words name (…项目), else by its first clause; both name and
    money are flagged as read from prose. Its money is the sum its words call the total (合计,
    整个项目, 总投资), else its one sum; the other sums, when they make up that total, are its
    parts (sub-items). Several sums that make up no stated total leave the money empty."""
    runs = _paragraph_runs(lines)
    for parent, items in [*_grouped_runs(runs), *runs]:
        # (what is left of the money, given no project: 4.将剩余804万元及下一批…统筹使用)
        items = [item for item in items if not _only_what_is_left(item)]
        # Each opens with its money on its numbered line: a heading (一、项目资金使用情况)
        # over paragraphs is an outline, not a list; so are paragraphs under one ((六)资金
        # 安排情况 1.…), and sources of money (1.中央财政衔接资金300万元) are no projects.
        # A paragraph that opens with a project's name alone (规模化原料基地建设补助项目。…)
        # may state no sum, where the others do.
        with_sums = [item for item in items if find_amounts(item.content[0])]
        if (
            len(items) < 2
            or len(with_sums) < 2
            or not all(item in with_sums or NAME_SENTENCE.match(item.content[0]) for item in items)
            or (parent is not None and _a_heading(parent.content[0]))
            # Paragraphs led by a matter's label (一、资金承担情况:市财政承担277.36万元) tell
            # of one project's money, they name no projects.
            or any(_MATTER.match(item.content[0]) for item in items)
        ):
            continue
        elsewhere = sums_outside(lines, {number for item in items for number in item.lines})
        if all(_paragraph_project(item, elsewhere) for item in items) and not any(
            NOT_A_PROJECT.search(item.name) for item in items
        ):
            for item in items:
                unit_said(item, " ".join(item.content))
                named_by_the_fund_given(item, item.content[0])
            return [project for item in items for project in _listed_in(item)]
    return []


_PROJECT_END = re.compile(r"(?:项目|工程|改造|建设)$")


def _listed_in(item: ListedProject) -> list[ListedProject]:
    """``item``, or the projects it lists where the paragraph is named by its first part
    (二、清流G356线…路面改造工程1410万元、G356线…路面改造工程1243万元、…,合计3388万元…,
    以上9个项目由…组织实施): a paragraph of projects, not one project with parts. Each keeps
    the paragraph's lines, so the words they share (以上…由…组织实施) stay theirs."""
    if (
        len(item.parts) < 2
        or item.parts[0].name != item.name
        # (works of one project, told by what is done: …路面进行维修整治; …环线950米进行黑化)
        or not all(_PROJECT_END.search(part.name) for part in item.parts)
    ):
        return [item]
    return [
        replace(
            part,
            line=item.line,
            amount_line=item.amount_line or item.line,
            lines=list(item.lines),
            unit=item.unit,
            unit_column=item.unit_column,
            style=item.style,
            inferred=True,
        )
        for part in item.parts
    ]


def _grouped_runs(
    runs: list[tuple[ListedProject | None, list[ListedProject]]],
) -> list[tuple[None, list[ListedProject]]]:
    """The projects of a list set out in groups of kinds of project, numbered on their own
    under each (一、…(农业产业化)项目 (一)… 二、…(农产品质量安全)项目 (一)… (二)…): one run
    of all of them, where every heading of the groups names a kind of project and holds a
    run of one style. [] otherwise."""
    grouped = []
    for heads in (items for _parent, items in runs if len(items) >= 2):
        under = [next((items for p, items in runs if p is head), None) for head in heads]
        if (
            all(under)
            and len({items[0].style for items in under}) == 1
            and all(re.search(r"(?:项目|工程|类)$", head.content[0]) for head in heads)
        ):
            grouped.append((None, [item for items in under for item in items]))
    return grouped


# A matter's label opening a paragraph: 资金承担情况:, 街镇财力结算情况:, 资金到位情况：.
_MATTER = re.compile(r"^\s*[\u4e00-\u9fff]{2,10}(?:情况|说明|方式|原则)\s*[:：]")


def _a_heading(words: str) -> bool:
    """Whether a numbered line's words are a section's heading (项目名称：…, 资金安排情况)."""
    head = re.split(r"[:：]", words, maxsplit=1)[0].strip()
    return len(head) <= 16 and bool(HEADING_LIKE.search(head) or classify_heading(head))


def _paragraph_runs(lines: list[str]) -> list[tuple[ListedProject | None, list[ListedProject]]]:
    """The runs of numbered paragraphs of ``lines``, in the order they start, each with the
    item it sits in (or None): a run's items
    are numbered 1, 2, 3 … in one style, a run in another style may sit inside an item (一、…
    (一)… (二)… 二、…), and an item's paragraph runs on over the unnumbered lines after it
    until a blank line, a numbered line or the notice speaking again (特此公告)."""
    runs: list[tuple[ListedProject | None, list[ListedProject]]] = []  # (its parent, items)
    open_runs: list[list[ListedProject]] = []  # outermost first
    for index, line in enumerate(lines):
        item = None
        for depth in range(len(open_runs) - 1, -1, -1):
            run = open_runs[depth]
            found = marker_at_start(line, len(run) + 1, run[0].style)
            if found is not None:
                del open_runs[depth + 1 :]
                item = _paragraph(line, index, found)
                run.append(item)
                break
        if item is None and (found := marker_at_start(line, 1)) is not None:
            item = _paragraph(line, index, found)
            # Its parent is the item above it, of the same style too (5.项目实施内容: 1.…).
            parent = open_runs[-1][-1] if open_runs else None
            open_runs = [run for run in open_runs if run[0].style != item.style]
            runs.append((parent, [item]))
            open_runs.append(runs[-1][1])
        if item is not None:
            continue
        last = open_runs[-1][-1] if open_runs else None
        if (
            last is not None
            and line.strip()
            and last.lines[-1] == index  # the line right after the paragraph's last
            and not NOTICE_AGAIN.match(line)
            and not ANY_MARKER.match(halfwidth(line))
        ):
            last.lines.append(index + 1)
            last.content.append(line.strip())
        elif line.strip():
            open_runs = []  # the text goes on: the runs end
    return runs


def _paragraph(line: str, index: int, found: tuple[str, re.Match]) -> ListedProject:
    style, marker = found
    return ListedProject(
        name="",
        line=index + 1,
        lines=[index + 1],
        style=style,
        content=[line[marker.end() :].strip()],
    )


def _paid_or_left(words: str, amount: ParsedAmount) -> bool:
    """Whether ``amount`` is what was paid of the money or is left of it (完成总投资48.5715万元,
    结余资金2.3497万元), not what is left given to a use (将剩余资金260万元分配用于购置…)."""
    return bool(PAID_OR_LEFT.search(_clause_to(words, amount.start))) and not re.match(
        r"[^，,。；;]*(?:用于|分配|安排)", words[amount.end :]
    )


def _only_what_is_left(item: ListedProject) -> bool:
    """Whether a numbered paragraph names no project and states only what is left of the money
    or was paid of it (4.将剩余804万元及下一批省级…资金合并统筹使用)."""
    words = " ".join(item.content)
    sums = [amount for amount in find_amounts(words) if not is_rate(words, amount)]
    return (
        bool(sums)
        and all(_paid_or_left(words, amount) for amount in sums)
        and not re.search(r"项目|工程", words)
    )


def _paragraph_project(item: ListedProject, elsewhere: list[ParsedAmount]) -> bool:
    """Name ``item``, a numbered paragraph, and give it its money and parts; False when it
    states no sum. ``elsewhere`` are the sums the text states outside the paragraphs: one equal
    to the parts of an allocation that states no total (…分配为:西小召镇70万元、乌拉山镇70万元
    和沙德格苏木70万元) is its total."""
    words = " ".join(item.content)
    # A sum in brackets is a note on the one before it (1330万元(其中:…30万元)), no part.
    # (nor what was spent of its money or is left: 完成总投资48.5715万元, 结余资金2.3497万元)
    sums = [
        amount
        for amount in find_amounts(words)
        if not is_rate(words, amount)
        and not in_brackets(words, amount.start)
        and not _paid_or_left(words, amount)
    ]
    if not sums:
        alone = NAME_SENTENCE.match(words)
        if alone is None:
            return False
        item.name, item.inferred, item.amount_line = alone["name"], True, item.line
        return True  # its sum not stated: left empty, flagged
    named = _named_project(words)
    first = re.split(r"[，,。；;]", words, maxsplit=1)[0]
    name = _LEAD_WORDS.sub("", named.group("name")) if named else _paragraph_name(first)
    if not named and len(sums) == 1 and BASIS_FIRST.match(first):
        # (a paragraph opening with what it acts under, 根据…的通知…, named by the fund its one
        # sum pays: …共为432名公益性岗位人员发放岗位补贴87.41万元 → 岗位补贴)
        name = fund_given(words, sums[0]) or name
    if not 2 <= len(name) <= 60:
        return False
    item.name, item.inferred, item.amount_line = name, True, item.line
    labelled = [a for a in sums if _PARAGRAPH_TOTAL.search(_clause_to(words, a.start))]
    allocation = _ALLOCATED.search(words)
    total = None
    if labelled:
        total = labelled[0]
    elif len(sums) == 1 or (not allocation and len(sums) == 2 and sums[0].value == sums[1].value):
        total = sums[0]  # (下达资金100万元…用于…投入100万元: said twice)
    elif not allocation and sum(a.value for a in sums[1:]) == sums[0].value:
        total = sums[0]  # 资金60万元…投入10万元…投入50万元: the first, then its parts
    if total is None and allocation:
        # Money shared out after a colon (分配为:A1330万元;B800万元…): each sum a recipient's.
        shares = [a for a in sums if a.start > allocation.end()]
        item.parts = [_paragraph_part(words, a, item) for a in shares]
        whole = sum(a.value for a in shares)
        total = next((a for a in elsewhere if a.value == whole), None)
        item.total_checked = total is not None
    if total is None:
        if not item.parts:
            item.amount_cell = "、".join(a.text for a in sums)
        return True
    item.amount = total
    parts = [a for a in sums if a.value != total.value]
    if (
        not item.parts
        and len(parts) >= 2
        and sum(a.value for a in parts) == total.value
        # (where the money comes from is no part: …,其中上级资金370.1万元,本级资金64.3万元)
        and not any(names_a_source(_source_words(words, a)) for a in parts)
    ):
        item.parts = [_paragraph_part(words, a, item) for a in parts]
    return True


# The 其中 that leads the parts, naming none of them.
_QIZHONG = re.compile(r"^\s*其中\s*[:：]?")


def _source_words(words: str, amount: ParsedAmount) -> str:
    """The words of the clause right before ``amount``, after its 其中 (其中上级资金 →
    上级资金)."""
    return _QIZHONG.sub("", _clause_to(words, amount.start)).strip()


# Money shared out among recipients after a colon: 分配为:, 具体分配如下:, 安排如下:.
_ALLOCATED = re.compile(r"(?:分配|安排|下达|拨付)(?:为|如下|情况)?[:：]")


def _named_project(words: str) -> re.Match | None:
    """The first project ``words`` name (…项目), its name holding no sum (中央衔接资金30万元拟用于
    东村道路硬化项目 names 东村道路硬化项目)."""
    for named in _PARAGRAPH_PROJECT.finditer(words):
        sums = find_amounts(named.group("name"))
        if not sums:
            return named
        after = _AFTER_ITS_WHOLE.match(words, named.start("name") + sums[-1].end)
        if after is not None and WHOLE_LABEL.search(named.group("name")[: sums[-1].start]):
            return after
    # (works told after their whole, whatever leads: 实施了总投资8000万元的恢河六期综合治理工程)
    return _WORKS_AFTER_ITS_WHOLE.search(words)


def _paragraph_name(words: str) -> str:
    """A name from prose: what the money is for (用于…), up to a sum, a rate or its standard
    (…群众按照每人300-1200元标准 → …群众), without the count it ends with (…通组道路600米 →
    …通组道路)."""
    # What the money is for names it, not the money (…资金60万元拟用于真武村… → 真武村…).
    words = _LEAD_WORDS.sub("", words.split("用于", 1)[-1])
    name = re.split(
        r"[0-9０-９.,，]+\s*(?:万元|元|亿元)|按照|按每|每人|每户|标准|(?:具体)?分配(?:为|如下)?[:：]",
        words,
    )[0]
    # (what it counts after a colon is no part of it: 能繁母牛补贴:551户2088头)
    name = re.sub(r"(?<=[\u4e00-\u9fff)）]{2})[:：]\s*[0-9０-９].*$", "", name)
    # (but a building's number is its name's: 中天1号楼)
    return re.sub(r"[0-9０-９][0-9０-９.]*\s*(?!号)[\u4e00-\u9fff]{0,2}$", "", name).strip()


def _clause_to(words: str, end: int) -> str:
    """The words of ``words`` from the last comma or stop before ``end`` up to it."""
    start = max(words.rfind(stop, 0, end) for stop in "，,。；;") + 1
    return words[start:end]


def _paragraph_part(words: str, amount: ParsedAmount, item: ListedProject) -> ListedProject:
    """A part of a paragraph's money: its words up to its sum from the stop, colon, 、 or sum
    before them, named by their first clause."""
    start = max(words.rfind(stop, 0, amount.start) for stop in "；;。:：、") + 1
    before = [a for a in find_amounts(words[: amount.start]) if a.end > start]
    if before:
        start = before[-1].end  # 西小召镇70万元和沙德格苏木70万元: after the sum before it
    text = re.sub(r"^[和及与]", "", words[start : amount.end].strip(" ，,"))
    # (其中 leads the parts, it names none: 其中免学费120万元 → 免学费)
    first = _QIZHONG.sub("", re.split(r"[，,]", text, maxsplit=1)[0])
    named = _named_project(first)
    name = named.group("name") if named else _paragraph_name(first)
    return ListedProject(
        name=name[:60] or item.name,
        line=item.line,
        lines=[item.line],
        amount=amount,
        style=item.style,
        content=[text],
    )


# What a project named in prose then does: the name is the words before it (泽库县第一民族中学
# 主要建设总图工程…).
_DOES = re.compile(r"主要建设|计划建设|建设|新建|改建|扩建|改造|实施|用于|购置|开展")


# An item numbered inside a sentence, its name and its sum, up to the next item's ；
# (其中:(1、2017年报刊订阅16.00万元;2、大美经开区50万元;3、…).
_NUMBERED_IN_LINE = re.compile(
    r"(?:^|(?<=[;；:：(（。]))\s*(?P<n>[0-9]{1,2})\s*[、.．]\s*"
    rf"(?P<name>[^;；:：。]{{2,40}}?)\s*{MONEY}\s*(?=[;；。)）]|$)"
)


def items_numbered_in_a_line(lines: list[str]) -> list[ListedProject]:
    """Projects a sentence numbers inside itself, each a name and its sum, apart by ；
    (…项目支出525.00万元…其中:(1、2017年报刊订阅16.00万元;2、大美经开区50万元;3、新闻上稿补助
    经费10万元;…): numbered 1, 2, 3 … in order, three at least; an item the page cut off
    before its sum ends the list. Named and priced from prose, so flagged."""
    for number, line in enumerate(lines, 1):
        normal = halfwidth(line)
        items: list[ListedProject] = []
        for item in _NUMBERED_IN_LINE.finditer(normal):
            if int(item["n"]) != len(items) + 1 or find_amounts(item["name"]):
                break
            name = line[item.start("name") : item.end("name")].strip()
            items.append(prose_item(name, money(item), line, number, "numbered"))
        if len(items) >= 3:
            return items
    return []


def semicolon_items(lines: list[str]) -> list[ListedProject]:
    """Projects run on in one paragraph, set apart by semicolons, each its name, what it does
    and one sum under a label (泽库县城关第二寄宿制完小主要建设校舍10291平方米…,总投资3715万元;
    泽库县民族中学西部分校主要建设…,总投资2620万元; …): three at least, every part so, else
    nothing is read. Named by the words before what it does; both flagged as read from
    prose."""
    for number, line in enumerate(lines, 1):
        parts = [part for part in re.split(r"[；;]", line) if part.strip(" 。")]
        if len(parts) < 3:
            continue
        items = []
        for part in parts:
            normal = halfwidth(part)
            does = _DOES.search(normal)
            name = part[: does.start()].strip() if does else ""
            sums = described_sums(part)
            if not sums:
                # …主要建设校舍2354平方米,706万元: the one sum the part states, not a rate.
                sums = plain_sums(part)
            if (
                not 4 <= len(name) <= 40
                or re.search(r"[，,:：。0-9]", name)
                or re.match(r"每|按|根据|其中|对", name)
                or len(sums) != 1
            ):
                break
            items.append(prose_item(name, sums[0], part, number, "semicolon"))
        else:
            return items
    return []


# A project's money given and what was left of it after its works (2024年东坝社区通组路硬化
# 项目下达资金25万元,结余资金1.74万元): the sum given is its money; the balance, no total.
_GIVEN_THEN_LEFT = re.compile(
    r"^\s*(?P<name>[^，,。；;:：]{4,60}?)\s*(?:下达|安排|拨付|批复)(?:资金|投资)?\s*"
    rf"{MONEY}\s*[，,]\s*(?:结余|节余|剩余|余额)(?:资金)?(?P<left>[^，,。；;]*)$"
)


def given_then_left(lines: list[str]) -> list[ListedProject]:
    """Projects set apart by semicolons in one paragraph, each its name, the sum given it and
    what was left of that (…分别为:2024年…奖补项目下达资金400万元,结余资金69.76万元;2024年
    脱贫人口小额信贷贷款贴息下达资金197.92万元,结余资金0.160527万元;…): three at least,
    every one so, the last one's balance cut off with the text allowed. Named from prose, so
    flagged."""
    for number, line in enumerate(lines, 1):
        pieces = [piece for piece in re.split(r"[；;]", line) if piece.strip(" 。")]
        if len(pieces) < 3:
            continue
        # (the list opens after the colon of the sentence that sets it out)
        pieces[0] = re.split(r"[:：]", pieces[0])[-1]
        items = []
        for at, piece in enumerate(pieces):
            stripped = piece.strip(" 。")
            shaped = _GIVEN_THEN_LEFT.match(halfwidth(stripped))
            left = shaped["left"].strip() if shaped else ""
            if shaped is None or not (find_amounts(left) or (at == len(pieces) - 1 and not left)):
                break
            name = stripped[shaped.start("name") : shaped.end("name")]
            items.append(prose_item(name, money(shaped), piece, number, "semicolon"))
        else:
            # (funds given and left are sources, no projects: 2024年中央财政衔接…资金下达资金…)
            if not any(
                NOT_A_PROJECT.search(item.name) or re.search(r"(?:资金|公益金)$", item.name)
                for item in items
            ):
                return items
    return []


def funds_by_semicolons(lines: list[str]) -> list[ListedProject]:
    """Funds set apart by semicolons in one paragraph, each opening with its name and its sum
    and then what it is for (补助资金具体包括:公共卫生服务补助资金19.45亿元,用于…;医疗服务能力
    提升补助资金7.57亿元,用于…;…): three at least, every part so, where their sums make up
    a sum the text states elsewhere (提前下达…卫生健康补助资金38.51亿元). Named from prose,
    so flagged."""
    for number, line in enumerate(lines, 1):
        parts = [part for part in re.split(r"[；;]", line) if part.strip(" 。")]
        if len(parts) < 3:
            continue
        items = []
        pieces = re.split(r"(?<=[；;])", line)
        # (the list may open after a colon ending the sentence before it: …审核。这7个项目分别是:…)
        lead = re.search(r"[:：](?=[^:：]*$)", pieces[0])
        if lead is not None and len(_FUND_OPENS.findall(halfwidth(pieces[0]))) == 0:
            pieces[0] = pieces[0][lead.end() :]
        for part in pieces:
            opens = _FUND_OPENS.match(halfwidth(part))
            if part.strip(" 。；;") and opens is None:
                break
            if opens is not None:
                amount = find_amounts(part[opens.start("amount") : opens.end("amount")])[0]
                name = part[opens.start("name") : opens.end("name")]
                items.append(prose_item(name, amount, part, number, "semicolon"))
        else:
            total = sum(item.amount.value for item in items)
            # (they make up a sum the text states, or are as many as it says: 7个项目)
            if len(items) >= 3 and (
                any(amount.value == total for amount in sums_outside(lines, {number}))
                or len(items) in _projects_counted(lines)
            ):
                return items
    return []


# (never an ordinal, 第二项目标, nor a name in quotes, “两项制度”衔接项目)
_COUNTED_PROJECTS = (
    r"(?<!第)([0-9]{1,2}|[一二三四五六七八九十两]{1,3})\s*(?:个|项)"
    r"(?:项目|[^，,。；;0-9“”\"'‘’]{0,12}项目)"
)


def _projects_counted(lines: list[str]) -> list[int]:
    """The counts of projects ``lines`` state (这7个项目, 四项国家重点文物保护项目)."""
    return [count_value(n) for n in re.findall(_COUNTED_PROJECTS, "\n".join(lines))]


# A part of a list after 其中 opening with a project, or a group of them, by name: up to its
# 项目, then how many it holds or what it is (交通联网路项目10个, …高标准农田项目建设面积5000亩).
_GROUP_OPENS = re.compile(
    r"^\s*(?!每|按|对|全(?!民)|本|各|其他|其余)(?P<name>[^，,。；;:：、()（）《》\s]{2,40}?项目)"
    r"(?:\s*(?P<count>[0-9]{1,3}|[一二三四五六七八九十两]{1,3})\s*个|(?=建设|总投资|计划|[，,]))"
)


# A works named and then its sum, a note in brackets after either: 钓鱼城遗址地质灾害治理工程
# (二期)617万元(此项目第二批资金已到位925万元).
_WORKS_AND_SUM = re.compile(
    r"^\s*(?P<name>[^，,。；;:：、()（）《》\s0-9][^，,。；;:：()（）《》]{3,60}?"
    r"(?:工程|项目)(?:[(（][^()（）]{1,10}[)）])?)"
    rf"\s*{MONEY}\s*(?:[(（][^()（）]*[)）])?\s*[。]?\s*$"
)


# Items numbered and run on in one line, each a name and its sum in 万 alone: 1、委员补助21万;
ITEM_IN_WAN = re.compile(
    r"(?:^|(?<=[;；，,:：]))\s*(?P<n>[0-9]{1,2})\s*[、.．]\s*(?P<name>[^;；，,。0-9]{2,30}?)"
    r"(?P<sum>[0-9]+(?:\.[0-9]+)?)万(?=\s*(?:[;；。]|$))"
)


def items_priced_in_wan(lines: list[str]) -> list[ListedProject]:
    """Items numbered 1, 2, 3 … run on in one line after words about money, each its name and
    its sum in 万 without 元 (安排预算内专项经费180万元,主要项目:1、委员补助21万;2、常委活动8万;
    …): three at least, numbered in order from 1; 万 there is 万元. Named from prose, so
    flagged."""
    for number, line in enumerate(lines, 1):
        normal = halfwidth(line)
        found = list(ITEM_IN_WAN.finditer(normal))
        if len(found) < 3 or [int(m["n"]) for m in found] != list(range(1, len(found) + 1)):
            continue
        if not re.search(r"经费|资金|预算|支出|项目", normal[: found[0].start()]):
            continue
        items = []
        for item in found:
            value = Decimal(item["sum"]) * 10_000
            start, end = item.start("sum"), item.end("sum") + 1
            amount = ParsedAmount(
                value=value, unit="万元", text=line[start:end], start=start, end=end
            )
            name = line[item.start("name") : item.end("name")].strip()
            items.append(prose_item(name, amount, item.group(), number, "run_on"))
        return items
    return []


def works_listed_apart(lines: list[str]) -> list[ListedProject]:
    """Works a sentence lists after 分别是 (or 分别为), apart by semicolons, each its name
    and its sum (第三批专项资金分别是…保护展示工程120万元;…治理工程(二期)617万元(此项目第二批
    资金已到位925万元);…): two at least, every part so, where they are as many as the text says
    (四项国家重点文物保护项目) or make up a sum it states. Named from prose, so flagged."""
    for number, line in enumerate(lines, 1):
        normal = halfwidth(line)
        opens = re.search(r"(?:分别是|分别为)[:：]?", normal)
        if opens is None:
            continue
        listed = normal[opens.end() :]
        listed = re.split(r"。(?![^()（）]*[)）])", listed)[0]
        parts = [part for part in re.split(r"[；;]", listed) if part.strip()]
        matches = [_WORKS_AND_SUM.match(part) for part in parts]
        if len(parts) < 2 or not all(matches):
            continue
        start = opens.end()
        items = []
        for part, found in zip(parts, matches, strict=True):
            at = normal.index(part, start)
            name = line[at + found.start("name") : at + found.end("name")]
            items.append(prose_item(name, money(found), part, number, "semicolon"))
            start = at + len(part)
        whole = sum(item.amount.value for item in items)
        if len(items) in _projects_counted(lines) or any(
            amount.value == whole for amount in sums_outside(lines, {number})
        ):
            return items
    return []


def groups_by_semicolons(lines: list[str]) -> list[ListedProject]:
    """Projects, or groups of them, set apart by semicolons after a 其中, each opening with its
    name and stating one sum (共实施交通项目28个,其中2022年交通联网路项目10个,…,资金投入约820
    万元,…;财政衔接推进乡村振兴补助资金项目17个,资金投入约680万元,…;镇自建项目1个,资金投入约
    25万元): two at least, every part so, where they are as many projects as the text says
    (两个项目均为…) or the counts they hold make up the count said before them (28 = 10 + 17
    + 1). Named from prose, so flagged."""
    for number, line in enumerate(lines, 1):
        normal = halfwidth(line)
        # (after 其中, or after a sentence's short lead and its colon: 从投向看:)
        for after in re.finditer(r"其中[,，:：]?|(?:^|(?<=。))\s*[^，,。；;:：]{2,8}[:：]", normal):
            listed = normal[after.end() :].split("。")[0]
            parts = [part for part in re.split(r"[；;]", listed) if part.strip()]
            if len(parts) < 2:
                continue
            items, counts = [], []
            start = after.end()
            for part in parts:
                opens = _GROUP_OPENS.match(part)
                sums = described_sums(part) or plain_sums(part)
                if opens is None or len(sums) != 1:
                    break
                counts.append(count_value(opens["count"]) if opens["count"] else None)
                # (named as written: the half-width form has the same positions)
                at = normal.index(part, start)
                start = at + len(part)
                name = line[at + opens.start("name") : at + opens.end("name")]
                items.append(prose_item(name, sums[0], part, number, "semicolon"))
            else:
                # (the count said in the sentence before them; after a lead's colon, in the
                # paragraph above: 共争取中央预算内资金项目55个,…。 / 从投向看:农村公路切块
                # 项目9个,…;…)
                sentence = re.split(r"[。；;]", normal[: after.start()])[-1]
                above = next((text for text in reversed(lines[: number - 1]) if text.strip()), "")
                led = not after.group().startswith("其中")
                said = [
                    count_value(n)
                    for words in (sentence, halfwidth(above) if led else "")
                    for n in re.findall(r"([0-9]{1,3}|[一二三四五六七八九十两]{1,3})\s*个", words)
                ]
                if len(items) in _projects_counted(lines) or (
                    None not in counts and sum(counts) in said
                ):
                    return items
    return []


_FUND_OPENS = re.compile(
    r"^\s*(?:[^，,。；;:：]{0,20}[:：])?"
    rf"(?P<name>{FUND_NAME})\s*"
    rf"{MONEY}(?=[，,。；;]|$)"
)


# A paragraph opening with the project or fund it tells of: 尤河橡胶坝工程为市上重点民生工程,
# 西吉县…森林抚育和成果巩固补助资金本次共兑现5个村.
_NAME_OPENS = re.compile(
    r"^\s*(?!全|本|我|该|关于|上述|以上|所有|各)(?P<name>[^，,。；;:：、()（）《》\s]{4,60}?(?:项目|工程|资金))"
    # (or its name a sentence of its own: …保鲜库改造项目。本项目位于…)
    r"(?=属|为|是|系|本次|共|于|由|计划|总投资|已|经|下达|安排|。)"
    # (never a count of them: 确定了2021年度扶贫资金项目共7个)
    r"(?!共\s*(?:[0-9]+|[一二三四五六七八九十两]+)\s*个)"
)
# The money given a project, said as its whole too (…治理工程下达资金8998万元); never what
# was spent (完成投资). A finished project's whole is what it was settled at (…竣工结算,
# 结算金额为22万元).
_GIVEN_SAID = re.compile(r"(?:(?:下达|安排)资金|(?:结算|决算)(?:金额|价款|总额))\s*[:：为是]?\s*$")


# A paragraph that opens giving a fund its money: 安排新型公共文化空间建设专项补助240万元。
_GIVEN_OPENS = re.compile(rf"^\s*{GIVES}(?P<name>{FUND_NAME})\s*{MONEY}")


def _whole_said(before: str) -> bool:
    return bool(WHOLE_LABEL.search(before) or _GIVEN_SAID.search(before))


def paragraphs_by_name(lines: list[str]) -> list[ListedProject]:
    """Paragraphs each opening with the name of the project or fund it tells of and stating its
    whole (尤河下游治理工程属…计划总投资1395万元,其中… / 尤河橡胶坝工程为…概算批复总投资5728.55
    万元,…): two at least, named apart, each a project with the first sum its words call the
    whole. Named from prose, so flagged."""
    found: list[ListedProject] = []
    for number, line in enumerate(lines, 1):
        given = _GIVEN_OPENS.match(halfwidth(line))
        if given is not None:
            # (安排市直国有院团文艺精品公益性演出专项补助225万元,…: the money it opens with)
            amount = find_amounts(line[given.start("amount") : given.end("amount")])[0]
            amount = replace(amount, start=given.start("amount"), end=given.end("amount"))
            found.append(prose_item(given["name"], amount, line, number, "paragraph"))
            continue
        opens = _NAME_OPENS.match(line)
        if opens is None:
            continue
        wholes = [
            a
            for a in find_amounts(line)
            if not is_rate(line, a) and _whole_said(line[max(0, a.start - 12) : a.start])
        ]
        found.append(
            prose_item(opens["name"], wholes[0] if wholes else None, line, number, "paragraph")
        )
    names = {squash(item.name) for item in found}
    with_money = [item for item in found if item.amount is not None]
    return found if len(with_money) >= 2 and len(names) == len(found) else []


# A paragraph's own whole, said last: …合计382.5万元, 合计拟补贴11.65万元.
_PARAGRAPH_WHOLE = re.compile(r"(?:合计|共计|总计)[^，,。；;0-9０-９]{0,6}$")
# What a paragraph's name ends with before its count: 审核面积, 改造面积, 建设规模.
_MEASURED = re.compile(r"(?:审核|验收|核定|核实)?(?:面积|规模|数量|户数|人数)$")


def paragraphs_summed(lines: list[str]) -> list[ListedProject]:
    """Paragraphs one after another, each opening with what it tells of (a place and its
    works: 秋家村新建温室审核面积102亩,…,合计382.5万元) and ending with its own whole, where
    the wholes add up exactly to a sum the text states above them (拟补贴资金544.6万元): two at
    least, each a project named by its words before its first figure. Named from prose, so
    flagged."""
    run: list[ListedProject] = []
    for number, line in enumerate(lines, 1):
        item = _summed_paragraph(line, number)
        if item is not None:
            run.append(item)
            continue
        if line.strip() and len(run) >= 2 and _stated_above(lines, run):
            return run
        if line.strip():
            run = []
    return run if len(run) >= 2 and _stated_above(lines, run) else []


def _summed_paragraph(line: str, number: int) -> ListedProject | None:
    sums = [a for a in find_amounts(line) if not is_rate(line, a)]
    wholes = [a for a in sums if _PARAGRAPH_WHOLE.search(line[max(0, a.start - 12) : a.start])]
    first = re.search(r"[0-9０-９]", line)
    if not wholes or first is None:
        return None
    name = _MEASURED.sub("", line[: first.start()].strip())
    if not 3 <= len(name) <= 30 or re.search(r"[，,。；;:：、《》]", name):
        return None
    if re.match(r"(?:全|本|我|该|关于|上述|以上|所有|各|根据|按照)", name):
        return None
    if re.fullmatch(r"[\u4e00-\u9fff]{1,8}(?:省|市|区|县|旗|州|镇|乡|街道|村)", name):
        return None  # a place's share of one project (潞城区2023年…合计11446.45万元)
    return prose_item(name, wholes[-1], line.strip(), number, "paragraph")


def _stated_above(lines: list[str], run: list[ListedProject]) -> bool:
    """Whether a sum the text states above ``run`` is exactly the run's wholes added up."""
    whole = sum(item.amount.value for item in run)
    above = "\n".join(lines[: run[0].line - 1])
    return any(a.value == whole for a in find_amounts(above) if not is_rate(above, a))
