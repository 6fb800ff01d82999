"""Projects of notices, lists and forms: one project named by a notice or its title, the
projects of a list or table (:mod:`.listing`), a form's total and detail, the citations
a notice gives its projects, and a text of money but no project read as one of it all."""

from __future__ import annotations

import itertools
import re
from dataclasses import replace
from decimal import Decimal

from ..amounts import (
    MONEY_AFTER_WAN,
    UNIT_MULTIPLIERS,
    AmountError,
    ParsedAmount,
    find_amounts,
    parse_amount_exact,
    round_yuan,
)
from ..docnumbers import find_doc_numbers
from ..normalize import blank_titles, halfwidth, squash
from . import outline as o
from .citations import parse_basis
from .head import a_sentence, organisation
from .lines import (
    GIVEN_OVER,
    MONEY,
    PAID_OR_LEFT,
    SOURCE_OF_MONEY,
    SPENT_OR_LEFT,
    Part,
    _counts,
    breakdown,
    counts_stated,
    extract_lines,
    is_rate,
    lines_by_the_one_count,
    lines_paired_in_order,
    lines_priced_by_sums,
    money,
    names_a_source,
    one_line_a_sum,
    place_shares,
    rate_lines,
    share_lines,
    sum_after,
    sums_as_parts,
)
from .lines import Line as ParsedLine
from .listing import HEADER_WORDS, ListedProject, all_headings, read_allocation
from .listing.listed import BUDGET_CLASS, PROJECTS_COUNTED_BY
from .listing.prose import FUND_GIVEN, RECIPIENT, RECIPIENT_SHARE
from .nodes import (
    Finding,
    append_text,
    line_node,
    sub_item_node,
    take_total,
    trimmed,
    written,
    yuan_text,
)
from .numbering import count_value, marker_at_start
from .tables import ORGANISATION_END, TOTAL_ROW, form_total, glued_budget_row, next_filled

# A lottery fund's money, as a fund's name or a sum's label may call it.
LOTTERY_FUNDS = r"公益金|福彩金|体彩金"


def header_cell(section: o.Section | None) -> bool:
    """Whether a 项目名称 "section" is only a table's header cell (the next line is another
    column's name), or absent: then the text does not name one project of its own."""
    if section is None:
        return True
    lines = section.body_lines
    if not lines:
        return True
    # (the next column's name in the label's own row: 项目名称 | 小计 |)
    cell = next((c for c in squash(lines[0].text).split("|") if c), "")
    return bool(HEADER_WORDS.match(cell) or re.fullmatch(r"小计|合计", cell))


def total_from_form(text: str, node: dict, anchor: dict, findings: list[Finding]) -> None:
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
    said = f"项目金额取自表中的“{written}”，请核对是否为本项目的总额（而非某一年度的金额）。"
    if glued_budget_row(text, line):
        said = f"项目金额“{written}”是从表中连写在一起的数字中按重复的数字拆出的，请对照原文核对。"
    take_total(node, amount, findings, said, line, text=written, anchor=anchor)
    bracketed_parts(node, text.split("\n")[line - 1], anchor, line)


def total_from_prose(text: str, node: dict, anchor: dict, findings: list[Finding]) -> None:
    """The sum the prose of a text of one project gives it, where no section or form states
    its total (保山市财政局下达我局森林防火三三制经费75.96万元,全部到位): the one sum a label
    of its whole or of a fund's money leads, as for a notice; flagged."""
    project = ListedProject(name=node["name"], line=0)
    _one_total(text, _WHOLE_TEXT_TOTAL, project, prefer=r"共计|合计|总计|总投资|总额")
    if project.amount is None:
        return
    said = f"项目金额取自文中的“{project.amount.text}”，请核对是否为本项目的总额。"
    take_total(
        node,
        project.amount,
        findings,
        said,
        project.amount_line,
        text=project.amount.text,
        anchor=anchor,
    )


def bracketed_parts(node: dict, row: str, anchor: dict, line: int) -> None:
    """The parts a bracket after a project's total lists on ``row`` as its sub-items, where
    they add up to it exactly and it has no parts or lines yet (854万(高标准农田建设400万元,
    示范建设295万元,畅通工程159万元); 总投资为26565.79万元(其中莫旗7195.31万元、鄂伦春旗
    19370.48万元)): each named, the text kept in the first one's content."""
    if node["declared_total_yuan"] is None:
        return
    parts = _parts_in_brackets(row, Decimal(node["declared_total_yuan"]))
    subs = node["sub_items"]
    # (none with lines or a sum of its own, or the one holding it all: a list's row)
    holding = (
        len(subs) == 1
        and not subs[0]["lines"]
        and subs[0]["declared_amount_yuan"] == node["declared_total_yuan"]
    )
    if parts and (holding or not any(sub["lines"] or sub["declared_amount_yuan"] for sub in subs)):
        content = "\n".join(sub["content"] for sub in node["sub_items"] if sub["content"])
        node["sub_items"] = [
            sub_item_node(number, name, content if number == 1 else "", part)
            for number, (name, part) in enumerate(parts, 1)
        ]
        anchor["sub"] = {number: line for number in range(1, len(parts) + 1)}


def _parts_in_brackets(line: str, whole: Decimal) -> list[tuple[str, ParsedAmount]]:
    """The named parts a bracket after a total lists (854万(A400万元,B295万元,C159万元)),
    when they add up to it exactly; [] otherwise."""
    bracket = re.search(r"[(（](?:其中\s*[:：]?)?(?P<body>[^()（）]+)[)）]", line)
    if bracket is None:
        return []
    parts = []
    for piece in re.split(r"[，,、；;]", bracket.group("body")):
        found = find_amounts(piece)
        name = trimmed(piece[: found[0].start]) if len(found) == 1 else ""
        # (never where the money comes from: (中央资金200万元、省级资金100万元) are its
        # sources, not its parts)
        if not name or not re.search(r"[\u4e00-\u9fff]{2}", name) or names_a_source(name):
            return []
        parts.append((name, found[0]))
    if len(parts) < 2 or sum(part.value for _, part in parts) != whole:
        return []
    return parts


def detail_sources(text: str, node: dict, anchor: dict) -> dict[str, list]:
    """Where each sub-item, line item and citation of ``node`` was read: the line its
    builder noted, else the first line holding it as written (a citation's text, a listed
    project's row), else its section's."""
    subs = anchor.get("sub", {})
    lines = anchor.get("lines", {})
    return {
        "sub_items": [
            subs.get(index) or line_of(text, sub["name"]) or anchor.get("project")
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
            line_of(text, citation["cited_text"]) or anchor.get("basis")
            for citation in node["citations"]
        ],
    }


def line_of(text: str, value: str) -> int | None:
    """The first input line holding ``value``."""
    position = text.find(value)
    return None if position < 0 else text.count("\n", 0, position) + 1


# A sentence that acts under a document: 根据/依据/按照/执行/遵照《…》, 《…》文件精神, or one that
# names a document by its number.
_ACTS_UNDER = re.compile(
    r"根据|依据|按照|贯彻落实\s*《|(?:执行|遵照|参照|对照)\s*《|〔\s*[0-9]{4}\s*〕"
    # (a number in other brackets: 《…的请示》(元发改[2008]30号)及有关附件悉)
    r"|[\[【(（]\s*[0-9]{4}\s*[\]】)）]\s*[0-9]{1,4}\s*号"
    # (…的通知》(渝财农〔2023〕151号)要求; …办法》(新财规[2021]11号)的文件精神)
    r"|》\s*(?:[(（][^()（）《》]{0,30}[)）])?\s*(?:等|的)?(?:文件|精神|要求|规定)"
    # (the request a reply answers: 你单位报来《关于…的请示》收悉)
    r"|》\s*(?:[(（][^()（）]{0,30}[)）])?\s*(?:及[^。，,]{0,8})?已?收?悉"
)


def notice_citations(text: str, before_line: int, own: str = "") -> list[dict]:
    """The documents a list's notice gives as its basis above the list (根据《…》（…号）…,
    现将…), and the documents its money comes under, named by their number alone
    (…补助资金15587万元（皖财农〔2024〕1179号）): the basis of every project in it, each
    once. A document named only by its number is cited by that number, its only name in the
    text. Not cited: the notice's own number (in ``own``, its title lines) and forms it asks
    for (《…申报表》, without a number)."""
    head = "\n".join(text.split("\n")[: before_line - 1])
    if own:
        head = head.replace(own, "")  # (its own number acts under nothing: 洋政发〔2024〕8号)
    sentences = re.split(r"(?<=[。；;])", head)
    basis = "".join(s for s in sentences if _ACTS_UNDER.search(s))
    if not basis:
        return []
    return citations_in(basis, own, aliases=short_names(text))


def block_lines(block: o.ProjectBlock, kinds: tuple[str, ...] = ()) -> list[o.Line]:
    """Every line of a project's block: its marker, its sections' headings and lines; only
    those of sections of ``kinds``, when given."""
    return ([block.marker] if block.marker and not kinds else []) + [
        line
        for section in block.sections
        if not kinds or section.kind in kinds
        for line in ([section.heading] if section.heading else []) + section.lines
    ]


def basis_in(text: str) -> str:
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


# What opens the text's own attachment: 附件:, 附件2., 附:.
_ATTACHED = re.compile(r"附(?:件|表)?\s*[0-9]*\s*[:：]?\s*(?:[0-9]{1,2}\s*[.、．])?\s*$")


def short_names(text: str) -> set[str]:
    """The short names ``text`` gives documents (以下简称《通知》, 简称“《任务清单》”): each
    names one cited already, or the text's own attachment, never a document of its own."""
    return set(re.findall(r"简称\s*[“\"]?《([^《》]{1,30})》", halfwidth(text)))


def citations_in(
    basis: str, own: str = "", cited_before: list[dict] = (), aliases: set[str] = frozenset()
) -> list[dict]:
    """The documents ``basis`` cites by 《title》 or number, each once, after ``cited_before``
    (numbered on from them) and leaving out the text's own number (in ``own``), forms, its
    own attachments (附件:《…》) and short names given documents (``aliases``, and those
    ``basis`` gives: 以下简称《通知》)."""
    cited = []
    seen = {number.normalised for number in find_doc_numbers(own)} | {
        c["document_number"] or c["title"] for c in cited_before
    }
    aliases = aliases | short_names(basis)
    for citation in parse_basis(basis).citations:
        key = citation.document_number or citation.title
        if not citation.bracketed_title or key in seen or f"《{citation.title}》" in own:
            continue
        if citation.title in aliases and not citation.document_number:
            continue
        at = basis.find(citation.cited_text)
        if at > 0 and _ATTACHED.search(basis[max(0, at - 12) : at]):
            continue  # (the text's own attachment: 附件:《…工作方案》)
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
# Projects named by kind or year only, no project's name: 2022年度项目, 所有项目, 重点项目,
# 2022年度部门预算项目, 某县教育局2022项目.
GENERIC_PROJECT = re.compile(
    r"^(?:.*?(?:19|20)[0-9]{2}\s*年?度?)?(?:[省市州县区]直)?(?:本单位|本部门|我局|全部|所有|各|部门预算|部门|重点"
    r"|续建|新建|一般性|专项)?(?:支出)?项目$"
)


_BRACKETED_NAME = re.compile(
    r"(?:^|报告|自评|评价|表)\s*[(（]\s*(?P<name>[^()（）《》，,。；;]{2,40}?"
    # (or the fund it evaluates: …项目支出绩效自评报告 (2021年城乡临时救助备用金))
    r"(?:项目|工程|资金|经费|备用金|补助金))\s*[)）]\s*$"
    # (or in brackets after 项目支出, before what the report is: …2020年预算项目支出(租赁
    # 补贴)绩效评价自评报告)
    r"|项目支出\s*[(（]\s*(?P<spent>[^()（）《》，,。；;]{2,30})\s*[)）]\s*(?=绩效|自评|评价)"
)


_NAMED_PROJECT = re.compile(
    # …工程 before the papers it is in (平南县江北公园诗词景石改造工程项目建议书的批复, …工程竣工
    # 决算的批复).
    # (…工程项目建议书 is …工程's 项目建议书; …工程项目可行性研究报告 is …工程项目's report)
    r"(?P<works>[^\s，,。；;：:、！？《》](?:[^\s，,。；;：:、！？《》]|(?<!工程)、){3,79}?工程)"
    r"(?=(?:项目)?建议书|(?:可行性研究报告|可研报告|初步设计|竣工决算|竣工验收|实施方案)|的?立项"
    # (its money's self-evaluation: …维修养护工程水利发展资金绩效自评报告)
    r"|(?:[\u4e00-\u9fff]{0,6}资金)?绩效"
    # (a news headline: …退耕还林还草工程第一批资金已到位)
    r"|第[一二三四五六七八九十0-9]{1,2}批资金|资金已?到位)"
    # (places listed in it too: 上垣、下垣村…示范村项目)
    r"|(?P<name>[^\s，,。；;：:、！？《》](?:[^\s，,。；;：:、！？《》]|(?<!项目)、){3,79}?项目"
    r"(?:[(（][^()（）]{1,10}[)）])?)"
    r"(?=(?:(?:项目)?(?:建议书|可行性研究报告|可研报告|初步设计|竣工决算|竣工验收)|实施方案|实施情况|实施计划|建设|计划"
    r"|公示|公告|申报|批复|(?:支出)?绩效|立项|验收|[0-9]{4}年度?(?:绩效|自评)|(?:支出)?自评"
    # (who it supports: …培育家庭农场项目扶持对象确定办法及名单的公示)
    r"|(?:扶持|补助|补贴|奖补|实施|受益)(?:对象|主体|名单)"
    # (a news headline: …森林抚育工程项目有序推进, …项目顺利完工)
    r"|有序|顺利|稳步|扎实|加快|加速|全面|开工|竣工|完工|启动|正式|进展|通过|进行"
    r"|的(?:公示|公告|通知|批复|请示|报告|实施|验收|竣工)"
    # (a title wrapped after it: …提质升级项目 拨付进度资金情况的公示)
    r"|\s"
    # (its money's notice: 关于下达…推广项目资金预算的通知; not a fund's plan, 项目资金计划)
    r"|(?:补助|专项|奖补)?资金(?:预算|安排)?的|(?:补助|专项|奖补)?资金绩效"
    # (who carries it out changing: …冷链设施建设项目主体变更公示)
    r"|(?:实施)?主体变更)|$)"
)
# What comes before the project a title names: its issuer and 关于, the asking (报批, 申请批复).
_TITLE_LEAD = re.compile(
    r"^(?:【[^【】]{1,10}】)?(?:.*?关于)?(?:调整|变更)?"
    r"(?:报批|请求审批|要求审批|申请批复|申请审批|审批|上报|报送|呈报|商请|申请|提前下达|下达|下拨|拨付|解决)?"
    r"(?:调整|变更|同意)?(?:终止|撤销|取消|暂停)?"
)


# …项目资金 names a fund (以工代赈示项目资金计划), not a project: 资金 is not a tail above.
_NOTICE_PREFIX = re.compile(r"^(?:关于|近日|现将|现对|将|我局|我单位|对)")


def title_project_name(title_lines: list[o.Line]) -> tuple[str, int] | None:
    """The one project the title names (…项目实施方案, 关于…项目立项的批复), with its line;
    None when it names none, or more than one. A name wrapped over the title's lines (关于下达
    2018年平湖市粮食生产功能区 / 水稻生态补贴项目建设计划的通知) is read whole."""
    names = set()
    for line in title_lines:
        names |= _names_in(line.text.strip())
    # (a line wraps into the next where it does not end as a title ends: …通知, …报告)
    joined = {
        name
        for first, second in itertools.pairwise(title_lines)
        # (nor does an issuer's line above the title: 平湖市农业农村局 / 2018年…项目实施方案)
        if not _TITLE_KIND.search(first.text.strip()) and not organisation(first.text.strip())
        for name in _names_in(first.text.strip() + second.text.strip())
    }
    # A name holding 项目 twice joins two projects (甲村道路项目和乙村饮水项目); one holding a
    # title's mark is a cited document's words (根据《关于印发〈…项目实施方案〉的通知》).
    names = {
        name
        for name in names
        if len(name) >= 4 and name.count("项目") <= 1 and not re.search(r"[〈《<]", name)
    }
    # (a project the title names beside the year's projects at large: 同德镇2021年度部门预算
    # 项目支出绩效自评报告 / (2021年城乡临时救助备用金))
    named = {name for name in names if not GENERIC_PROJECT.match(halfwidth(name))}
    names = named or names
    # (the shortest such whole, the same whatever order a set holds them in; never two names
    # run together: 魏县…建设项目 / 魏县…建设项目 on two lines is one name said twice)
    wholes = sorted((w for w in joined if w.count("项目") <= 1), key=lambda w: (len(w), w))
    names = {next((whole for whole in wholes if whole.endswith(name)), name) for name in names}
    if not names:
        # (a name no line holds alone: 关于汉滨区…学生生活用房 / 改造工程可行性研究报告的批复)
        names = {name for name in joined if len(name) >= 4 and name.count("项目") <= 1}
    if len(names) != 1:
        return None
    name = names.pop()
    # Its line: the one holding it, else the one it starts on (wrapped into the next).
    return name, next(
        (line.number for line in title_lines if name in line.text),
        next(
            (line.number for line in title_lines if line.text.strip() and name[:4] in line.text),
            title_lines[0].number,
        ),
    )


def _names_in(written: str) -> set[str]:
    normal = halfwidth(written)  # same positions: the name is taken as written
    # The project a report's title names in brackets after it (…2022年度项目绩效自评报告
    # (春节慰问经费项目)), or on a line of its own so bracketed: that one.
    bracketed = _BRACKETED_NAME.search(normal)
    group = "name" if bracketed and bracketed["name"] else "spent"
    # (never a source or a year in brackets: (中央财政资金), (2022年度))
    if (
        bracketed
        and not GENERIC_PROJECT.match(bracketed[group])
        and not re.fullmatch(SOURCE_OF_MONEY, bracketed[group].strip())
        and not re.fullmatch(r"(?:19|20)[0-9]{2}\s*年?度?", bracketed[group].strip())
    ):
        return {written[bracketed.start(group) : bracketed.end(group)].strip()}
    names = set()
    for match in _NAMED_PROJECT.finditer(normal):
        group = "name" if match.group("name") else "works"
        start, end = match.span(group)
        if re.search(r"(?:项目|工程)、$", normal[:start]):
            return set()  # projects listed (甲村道路项目、乙村饮水项目): no one name
        # (never a name inside a document a sentence acts under, 根据《河南省扶贫资金项目公告
        # 公示制度》有关规定,…; but the project's own plan names it: 根据《…提升项目实施方案》)
        if re.search(r"(?:根据|按照|依据|执行|落实)[^《》]*《[^《》]*$", normal[:start]) and not (
            re.match(
                r"(?:的)?(?:实施|建设|工作)?(?:方案|计划|申报书|建议书|可行性研究报告)",
                normal[end:],
            )
        ):
            continue
        # (its year, set apart from its 年 by a space: 关于印发2025 年三江…项目实施方案)
        spaced = re.search(r"(?:19|20)[0-9]{2}\s+$", normal[:start])
        if spaced and normal.startswith("年", start):
            start = spaced.start()
        start += _TITLE_LEAD.match(normal[start:end]).end()  # (all of it optional)
        prefix = _NOTICE_PREFIX.match(normal[start:end])
        start += prefix.end() if prefix else 0
        if normal.startswith("(直达资金)", start):
            start += len("(直达资金)")
        # Who did what to it in a headline: 农业部专家对抚松县…项目进行初审.
        acted = re.match(r"[^对]{2,16}对(?!口|接|外|照)", normal[start:end])
        if acted and normal.startswith("进行", end):
            start += acted.end()
        name = written[start:end].strip('“”"')
        # (no name: a year's projects, 保山市卫生健康委员会2022项目绩效自评报告; a sentence
        # about the project, 项目能严格按照项目实施方案…)
        if re.search(r"(?:19|20)[0-9]{2}\s*年?度?项目$", halfwidth(name)) or name.startswith(
            "项目"
        ):
            continue
        names.add(name)
    return names


# The request a 批复 answers: 你局《关于申请批复…的请示》(…)收悉; 你局报来的…《关于上报…》.
# (or 报来的《…》 without the addressee; 你们以…号文件报送的…公司《…》)
_REPLIED_TO = re.compile(
    r"^\s*(?:(?:你|贵)[^《》。]{0,40}|(?:报来|报送|呈报)的?[^《》。]{0,10})《(?P<title>[^《》]+)(?:》|$)"
)


def replied_project_name(text: str) -> tuple[str, int] | None:
    """The one project the request a 批复 answers names, in the first lines of its body, with
    its line; None when there is none."""
    lines = text.split("\n")
    for number, line in enumerate(lines[:12], 1):
        replied = _REPLIED_TO.match(halfwidth(line))
        if replied:
            title = line[replied.start("title") : replied.end("title")]
            if "》" not in line[replied.start("title") :] and number < len(lines):
                # The request's title wrapped onto the next line (…马街镇2024年以 / 工代赈项目
                # 实施方案的请示》).
                title += lines[number].split("》", 1)[0].strip()
            # (the document it asks about, marked inside it: 关于审批<…项目建议书>的请示)
            title = re.sub(r"[<>〈〉]", "", title)
            named = title_project_name([o.Line(number, title)])
            if named:
                return named[0], number
            break
    # (else the project its body names with its code: 同意变更…升级项目(项目代码:2405-…))
    return _first_named(lines[:12], _CODED_PROJECT)


def _first_named(lines: list[str], pattern: re.Pattern) -> tuple[str, int] | None:
    """The first name ``pattern`` finds in ``lines`` (its group ``name``, as written), with
    its line (1-based), never inside a document the line cites (《…关于下达…资金的通知》);
    None."""
    for number, line in enumerate(lines, 1):
        found = pattern.search(blank_titles(line))  # (same positions)
        if found:
            return line[found.start("name") : found.end("name")], number
    return None


# A project named with its code in a reply's body: 同意变更益阳市中心医院医疗设备更新迭代升级项目
# (项目代码:2405-430900-04-05-922562), 同意…建设项目(代码:…).
_CODED_PROJECT = re.compile(
    r"(?:同意|批准|核准)(?:变更|调整|实施|建设|开展)?(?:对|将)?"
    # (a project it names, not one it refers to: 你单位实施该项目)
    r"(?P<name>(?!你|该|本|此)[^，,。；;:：《》()（）\s]{4,60}?(?:项目|工程))\s*[(（]\s*(?:项目)?代码\s*[:：]"
)


# The one project the text's first sentences say it sets out (我镇拟申报城桥镇…建设项目,具体
# 如下:; 现将2024年…配套项目绩效目标自评报告如下:) or carries out with its whole (…谋划实施了
# 张家川县中西部城乡供水水源保障工程,总投资15404万元).
_SAID_PROJECT = re.compile(
    r"(?:拟申报|申报|拟实施|实施了|拟建设|现将|现对)(?P<name>[^，,。；;:：《》]{4,60}?(?:项目|工程))"
    # (…,具体如下; …绩效目标自评报告如下; 实施了…工程,总投资15404万元)
    r"(?!资金)(?:[，,]?[^。；;，,]{0,12}如下|[，,]\s*(?:项目)?总投资)"
    # (or the table of it a notice publishes: 现将《…庭院经济项目资金兑付到户汇总表》予以公示)
    r"|现将《(?P<tabled>[^《》，,。]{4,60}?(?:项目|工程))[^《》]{0,16}表》(?:予以)?(?:公示|公告)"
    # (or the works a sum is to be spent on: 将投入3413万元建设251条127公里“一事一议”…项目)
    r"|(?:将|计划|拟)投入[0-9.]+\s*(?:万元|元|亿元)(?:用于)?(?:建设|实施)?"
    r"(?:[0-9.]+(?:条|个|座|处|公里|千米|米|亩))*(?P<invested>[^，,。；;:：《》的]{4,60}?(?:项目|工程))"
    r"(?=[，,。；;]|$)"
    # (or a sentence opening with it and its whole: 。伊金霍洛旗阿镇日间照料中心项目总投资800万元)
    # (its place in brackets maybe: …水土保持工程(芦山县)西川河…项目立项批复525.39万元)
    r"|(?:^|(?<=[。！]))(?P<subject>(?!该|本|此|其|全|各|今年|我|[0-9])"
    r"(?:[^，,。；;:：、《》()（）\s的]|[(（][^()（），,。]{1,10}[)）]){4,60}?(?:项目|工程))"
    r"(?:(?:计划|估算|概算)?总投资|立项批复|批复总?投资)\s*[:：为]?\s*约?\s*[0-9]"
    # (or what a self-evaluation evaluates: 对城镇老旧小区改造及配套工程项目资金投入情况、绩效
    # 目标完成情况等进行了自评)
    r"|对(?P<evaluated>[^，,。；;:：《》、]{4,60}?(?:工程项目|项目|工程))(?:资金)?[^。；;]{0,30}?"
    r"进行了?(?:绩效)?(?:自评|自我评价|评价)"
    # (or the one a unit says it has: 我校2022年项目为一个:生均公用经费项目)
    # (never one kind of several: 其中续建项目1个:…)
    r"|(?<![续新扩改在完])项目(?:为|有|共)(?:一|1)个\s*[:：]\s*(?P<single>[^，,。；;:：《》、()（）]{4,60}?项目)"
    # (or the one a fund's sum is for, a notice's lead: 资金规模50.3787万元,涉及2021年…外出务工
    # 交通补贴项目。现将项目有关情况公示如下)
    r"|[0-9.]+\s*(?:万元|元|亿元)[，,]\s*涉及(?P<involved>[^，,。；;:：《》、]{4,60}?(?:项目|工程))"
    r"(?=[。；;]|$)"
    # (or a sentence saying what it is: 2023年下半年…农业产业奖补项目是2023年财政专项衔接资金项目)
    r"|(?:^|(?<=[。！]))\s*(?P<subject_is>(?!该|本|此|其|全|各|今年|我|[0-9]{1,3}[个项])"
    r"[^，,。；;:：、《》()（）\s的]{4,60}?(?:项目|工程))是"
    # (or one carried on, then said of: …持续推进达布森淖尔…硬化路续建项目。该项目计划总投资…)
    r"|(?:推进|实施|建设|开工建设)(?P<advanced>[^，,。；;:：、《》]{4,60}?(?:项目|工程))[。，,]\s*"
    r"(?:该|本|此)(?:项目|工程)"
    # (or the one a reply's addressee asked for: 你镇申报的“…农旅项目(268万元)”已收悉)
    r"|申报的[“\"](?P<applied>[^“”\"，,。]{4,60}?(?:项目|工程))(?:[(（][^()（）]*[)）])?[”\"]"
    r"(?:已收悉|收悉)"
    # (or the one the money is for, named in quotes before 项目: 资金用于“孤儿助学”项目。)
    r"|(?:资金|公益金)(?:全部|主要)?用于[“\"](?P<quoted>[^“”\"，,。；;]{2,40})[”\"]项目(?=[。；;，,]|$)"
)


# A plan of one piece of work, titled by it: 2025年小额信贷财政贴息工作实施计划.
_PLANNED = re.compile(
    r"^(?:(?:19|20)[0-9]{2}年度?)[^，,。；;:：、《》\s]{4,40}?(?=(?:工作)?实施(?:计划|方案)$)"
)


def planned_name(title_lines: list[o.Line]) -> tuple[str, int] | None:
    """What a title of one plan names (通许县乡村振兴局 2025年小额信贷财政贴息工作实施计划 →
    2025年小额信贷财政贴息), its year first, with its line; None."""
    for line in title_lines:
        words = halfwidth(line.text).split("关于", 1)[-1].strip()
        words = _ISSUER_BEFORE_YEAR.sub("", words.replace(" ", "").replace("\u3000", ""))
        planned = _PLANNED.match(words)
        if planned:
            return planned.group(), line.number
    return None


# A form's 项目名称 cell alone on its line (项目名称 |), or with its one value (项目名称 | X |).
_NAME_CELL = re.compile(r"^\s*项目名称\s*[:：|｜]?\s*(?P<value>[^|｜]*?)\s*[|｜]?\s*$")


def form_project_name(text: str) -> tuple[str, int] | None:
    """The project's name a form in the text gives in its 项目名称 cell (a 绩效目标表 after the
    text's numbered parts: 项目名称 | / 毛竹山、官山遗址工程和上坦桥工程项目 |), its value on the
    label's line or the next holding anything, with its line; only a name of a project, work or
    fund's use (…项目, …工程, …经费), never a table's next heading. None."""
    lines = text.split("\n")
    for index, line in enumerate(lines):
        cell = _NAME_CELL.match(line)
        if cell is None:
            continue
        value, number = cell["value"], index + 1
        if not value:
            below = next_filled(lines, index, index + 3)
            if below is None:
                continue
            value, number = lines[below].strip(" |｜\t"), below + 1
        if "|" not in value and "｜" not in value and re.search(r"(?:项目|工程|经费)$", value):
            return value, number
    return None


_SUPPORTED_BY = re.compile(
    rf"^[^，,。；;]{{2,40}}?(?:{LOTTERY_FUNDS}|资金|基金)支持(?=[^，,。；;]{{4,}}(?:项目|工程)$)"
)


def said_project_name(text: str) -> tuple[str, int] | None:
    """The one project the first lines of the body say they set out, with its line; None."""
    for number, line in enumerate(text.split("\n")[:40], 1):
        said = _SAID_PROJECT.search(halfwidth(line))
        if said:
            # (the alternative that matched: each names its one group)
            group = next(key for key, value in said.groupdict().items() if value)
            start = said.start(group)
            # (who says it is no part of it: 现对我单位2023年度…资助项目信息公告如下)
            own = _SAYER.match(halfwidth(line), start)
            name = line[own.end() if own else start : said.end(group)]
            if GENERIC_PROJECT.match(halfwidth(name).removeprefix("本单位")):
                return None  # (its projects at large: 对2022年度部门预算项目进行了绩效自评)
            # (the fund that supports it is no part of its name: 2022年中央专项彩票公益金支持
            # 万荣县县级公共体育场…建设项目)
            return _SUPPORTED_BY.sub("", name), number
    return None


def said_fund_name(text: str) -> tuple[str, int] | None:
    """The one subsidy or fund the first sentences of a text without a title say they pay
    out (现将区下达给我镇的2024年耕地地力保护补贴资金2102477元…下达给你们; 现就做好2025年
    耕地地力保护补贴发放工作通知如下; 中央财政下达我市实际种粮农民一次性补贴资金209万元),
    with its line: a subsidy is named without the 资金 after it (a fund whose name ends in
    补助资金, 奖励资金 or 奖补资金 keeps it: 三馆免费开放及运行补助资金, 生猪调出大县奖励
    资金), never what is done with it (现将下达2020年…资金 → 2020年…资金). None."""
    said = _first_named(text.split("\n")[:40], _SAID_FUND)
    return (_DONE_WITH.sub("", said[0]), said[1]) if said else None


_SAID_FUND = re.compile(
    r"(?:现将|现就|现对|做好|下达|下拨|已落实|已争取|(?:现|计划)?(?:予以)?(?:支付|兑付|拨出)|计划安排)"
    r"(?:给?(?:我|本|你)(?:市|县|区|旗|镇|乡|街道|单位|校|地|省|州|们)的?|[^，,。；;]{0,6}的)?"
    # (never what is done with money or where it goes: 资金用于…, 到上级…; its years and
    # months may be two: 2020年5月份…劳务补助, 2018年秋季、2019年春季雨露计划补助资金)
    r"(?P<name>(?!资金|到|给|用于)(?:(?:19|20)[0-9]{2}年(?:度|[0-9]{1,2}月份?)?(?:[春秋]季)?、?){0,2}"
    r"[^，,。；;:：《》()（）0-9]{2,30}?"
    r"(?:补贴|补助资金|补助金|补助|奖补资金|奖励资金|奖补|奖励|津贴|救助金|专项资金)"
    # (its batch in brackets is part of its name: …省级补助资金(第二批)21万元)
    r"(?:[(（]第?[一二三四五六七八九十0-9]{1,3}批(?:次)?[)）])?)(?:资金)?"
    r"(?=[0-9]|为\s*[0-9]|(?:共计|合计|共)\s*[0-9]|发放|兑付|兑现|下达|分配|工作|的|如数|[，,])"
)


_SAYER = re.compile(r"(?:我|本)(?:单位|局|镇|乡|县|区|市|委|办|街道|部门|中心)(?:的)?")


_NOTICE_TOTAL = re.compile(
    r"(?:总投资|项目(?:建设)?资金(?:预算)?|投资总额|资金总额|预算金额|申请资金|项目金额|资金投入|投入(?:建设)?资金|总造价"
    # (its estimate: 本项目投资估算67,289.03万元, 估算投资, 总概算)
    r"|投资估算|估算投资|概算投资|总概算"
    # (what its approval gives it: …综合治理项目立项批复525.39万元)
    r"|立项批复|批复总?投资"
    # (what is to be spent on it: 将投入3413万元建设…)
    r"|(?:将|计划|拟)投入)"
    # (an estimate's 约: 匡算总投资约603万元; a changed one: 项目总投资变更为10025万元; a whole
    # reached, 项目总投资达到3312.99万元, never money spent so far, 累计投入资金达到620万元)
    r"\s*(?:(?:变更|调整)为|[:：为是]|(?:(?<=总投资)|(?<=投资总额))达到?)?\s*约?\s*(?=[0-9０-９])"
)


def notice_project(text: str, title_lines: list[o.Line]) -> ListedProject | None:
    """The one project a notice is about, where its title names it (…项目实施方案, …项目的公示),
    with the total the text states for it (该项目总投资450万元, 项目资金1570万元); None when
    the title names no project, or more than one."""
    # (else the project the request a reply answers names: 你单位报来《关于…项目建议书的请示》)
    # (or the one its first sentences set out: 我镇拟申报…项目,具体如下)
    named = title_project_name(title_lines) or replied_project_name(text) or said_project_name(text)
    if named is None:
        return None
    name, line = named
    # No line is consumed: the title says more than the name, and is kept as written.
    project = ListedProject(name=name, line=line, lines=[], inferred=True)
    # The line stays unplaced text (kept in the outcomes): it says more than the sum.
    _one_total(text, _NOTICE_TOTAL, project, prefer=r"(?:该|本)项目")
    if project.amount is None:
        # A sum given to it by name (…资金50万元,实施同心县下马关镇…种植项目; 已下达1311万
        # 中央预算内计划投资,支持2023年年度老旧小区改造项目): the one such.
        given = re.compile(
            rf"{_SUM_GIVEN}[，,]?\s*(?:用于|实施|支持)[^，,。；;]{{0,10}}?{re.escape(name)}"
        )
        # (never a rate: 按每亩500元,用于…)
        sums = {a.start: a for a in find_amounts(text) if not is_rate(text, a)}
        found = [sums[start] for m in given.finditer(text) if (start := _sum_start(m)) in sums]
        if len(found) == 1:
            project.amount = replace(found[0], start=0, end=len(found[0].text))
            project.amount_line = text.count("\n", 0, found[0].start) + 1
    if project.amount is None:
        # Else the one sum the text says is the whole, as for a text read whole (下达我区培育资金
        # 40万元,…每个家庭农场补助10万元): flagged, as every amount of a notice's prose.
        _one_total(text, _WHOLE_TEXT_TOTAL, project, prefer=r"共计|合计|总计|总投资|总额")
    _whole_over_parts(text, project)
    return project


# A sum given over to a use: 40万元,专项用于…; or in 万 without 元, the money it is named after
# it: 1311万中央预算内计划投资,支持….
_SUM_GIVEN = rf"(?:{GIVEN_OVER}|(?<![0-9,.])(?P<wan>[0-9][0-9,.]*)万{MONEY_AFTER_WAN}[，,]?\s*)"


def _sum_start(given: re.Match) -> int:
    """Where the sum a ``_SUM_GIVEN`` match holds starts."""
    return given.start("amount") if given["amount"] else given.start("wan")


def _one_total(text: str, pattern: re.Pattern, project: ListedProject, *, prefer: str) -> None:
    """The amount the text states for the project: of the sums ``pattern`` finds, those its
    name leads (…提质升级项目资金135万元) if any, else those with ``prefer`` right before them
    (该项目总投资…, 共计…) if any; taken only when they are one sum, never the first of several
    (全县总投资3000万元 … 该项目总投资45万元), unless one of three or more is the whole of the
    others."""
    normal = halfwidth(text)
    name = halfwidth(project.name)
    found = []
    for total in pattern.finditer(normal):
        # Not a rate (每亩可补助资金187.61元): the project's sum right after its label.
        amount = sum_after(text, total.end())
        if amount is not None:
            # Strongest where the project's name leads the label (下达…提质升级项目资金135万元,
            # not 剩余项目资金15万元), then ``prefer`` in the label or the few characters before.
            # (the name as the title words it, its place maybe not: 利通区… is 我区… in the body)
            label = normal[max(0, total.start() - len(name)) : total.end()]
            # (of several its name leads, those with ``prefer`` too: …补贴资金共计7021万元, not
            # 实际发放…补贴资金70206564.04元)
            strong = 2 * (name[-8:] in label) + int(
                bool(re.search(prefer, label[-len(total.group()) - 6 :]))
            )
            # (never a part its clause names after 其中, …其中扑火队员工作经费5万元, unless
            # under the project's own name: 其中:甲村道路硬化项目资金100万元)
            begun = max(normal.rfind(stop, 0, total.start()) for stop in "，,。；;\n")
            clause = normal[begun + 1 : total.start()]
            if "其中" in clause and strong < 2:
                continue
            # (nor what was paid of it so far, …按照合同进度已支付资金139.433578万元, nor a
            # balance: 2022年度结余体彩公益金91.6294万元)
            if PAID_OR_LEFT.search(clause):
                continue
            found.append((strong, amount, text.count("\n", 0, total.start()) + 1))
    best = max((item[0] for item in found), default=0)
    chosen = [item for item in found if item[0] == best]
    values = {amount.value for _, amount, _ in chosen}
    if len(values) > 2:
        # Several sums, one of them the others' whole (合计13920.64万元 … 合计11446.45万元 …
        # 合计2474.19万元): that one is the project's.
        whole = [v for v in values if v * 2 == sum(values)]
        chosen = [item for item in chosen if item[1].value in whole]
        values = set(whole)
    if len(values) == 1:
        _, project.amount, project.amount_line = chosen[0]


# A fund an allocation notice is about (…补助资金的公示, …专项资金分配方案, …基金(资金)的通知).
_NAMED_FUND = re.compile(
    r"(?P<name>[^\s，,。；;：:、！？《》]{4,60}?(?:资金|基金|经费)(?:转移支付)?(?:[(（][^()（）]{1,8}[)）])?)"
    r"(?=分配|安排|使用|计划|预算|下达|指标|的|公示|公告|$"
    # (its year's self-evaluation: 优抚对象生活补助经费转移支付2023年度绩效自评报告)
    r"|(?:(?:19|20)[0-9]{2}年度?)?(?:项目)?(?:支出)?绩效)"
)


# What a notice does with a fund, written before its name: 下达, 转下达, 调剂, 做好 ….
_DONE_TO_A_FUND = (
    r"提前下达|转下达|追加下达|下达|拨付|调剂|分配|安排|公开|公布|做好|印发|兑现|兑付|申报"
    r"|(?:进一步)?(?:用好|管好)"
)


_FUND_PREFIX = re.compile(rf"^(?:关于|现将|我(?:省|市|县|区|局)|公示|拟分配|{_DONE_TO_A_FUND}|的)+")
# The levels a fund's money comes from, noted after its name: 乡村振兴试点示范资金(省级、市级).
_LEVELS_NOTE = re.compile(r"[(（](?:(?:中央|省|市|县|区)级?[、,，]?)+[)）]$")


_FUND_TOTAL = re.compile(
    rf"(?:资金|基金|经费|{LOTTERY_FUNDS}|[(（]资金[)）])(?:投入|总额)?\s*[:：为]?\s*"
    r"(?:共计|合计|总计)?\s*(?=[0-9０-９])"
    r"|(?:共计|合计|总计)\s*(?=[0-9０-９])"
    # (what a fund's report says it was spent on: 用于本年体育部门群众体育支出40.00万元)
    r"|用于[^。；;，,0-9０-９]{0,20}?支出\s*(?=[0-9０-９])"
    # (the sum a notice gives out: 现将用于“…维修改造”的50万元下达给你们)
    r"|现将[^。；;0-9０-９]{2,60}?的\s*"
    r"(?=[0-9０-９][0-9０-９.,，]*\s*(?:万元|元|亿元)\s*(?:资金)?(?:下达|拨付|下拨|分配))"
)
# What a text of one project with no labelled fields calls its whole money: a fund's sum, or
# a project's total (估算总投资198万元).
_WHOLE_TEXT_TOTAL = re.compile(f"{_FUND_TOTAL.pattern}|{_NOTICE_TOTAL.pattern}")


_SUPPORTS = re.compile(
    # (never a count of them: 共计支持426个项目, 支持了2000余个项目)
    r"(?<!严禁)(?<!不得)(?<!禁止)(?:拟支持|支持|用于)(?!支持)"
    r"(?![了共计]*\s*[0-9０-９一二三四五六七八九十百千两]+\s*(?:余|多)?\s*(?:个|项))"
    r"(?P<name>[^，,。；;：:、（(等类]{4,60}?项目)(?=[（(，,。；;]|$)"
)


# A sum the money given to a project is, right before 用于 and the project (…2350万元,专项).
# (用于 may come before 支持: …资金820万元,用于支持…项目)
_GIVEN_FOR = re.compile(rf"(?:下达|安排|拨付|分配)[^，,。；;]{{0,80}}?{_SUM_GIVEN}(?:用于)?$")


# A title's words around what it is about: who issued it, what kind of document it is.
_TITLE_KIND = re.compile(
    r"(?:的)?(?:公示公告|公示|公告|通知|批复|报告|请示|说明|情况|实施方案|方案|计划|安排表?|分配表?|表|验收|评审结果"
    # (…资金安排有关情况的通知, …有关事项的通知)
    r"|有关(?:事项|事宜|工作)?"
    # (a subsidy's paying out is no part of its name: …耕地地力保护补贴发放标准)
    r"|(?<=补贴|补助|奖补|奖励|资金)(?:发放|兑付|兑现|拨付|下达|分配)(?:标准|工作|结果)?"
    # (nor where a project stands: 2025年乡村工匠培训项目完成情况的公告)
    r"|(?<=项目|工程)(?:完成|实施|建设|执行|进展|验收)"
    # (nor how a fund is raised and spent: …体育彩票公益金筹集、使用情况公告; 筹集 使用)
    r"|(?<=金|费)(?:筹集|使用|分配|管理)(?:[、\s和及]*(?:筹集|使用|分配|管理))*)"
    r"(?:[(（][^()（）]{1,10}[)）])?$"
)


# (before its year, or before the whole name of a fund: 下达闽清县创建…省级示范县市级补助资金)
_DONE_WITH = re.compile(
    rf"^(?:{_DONE_TO_A_FUND})"
    rf"(?=(?:19|20)[0-9]{{2}}年|[^，,。；;]{{4,}}(?:资金|经费|补助|补贴|奖补|{LOTTERY_FUNDS})$)"
)


_ISSUER_BEFORE_YEAR = re.compile(
    # (not a township's or a village's: 肖尔巴格乡2023年… is the place of the works)
    rf"^[\u4e00-\u9fff]{{2,20}}?{ORGANISATION_END}(?<!镇)(?<!乡)(?<!街道)(?<!村委会)"
    r"(?=(?:19|20)[0-9]{2}年)"
)


# The title of a table of a fund's money by recipient: 救灾补助资金指标分配表.
_FUND_TABLE_TITLE = re.compile(
    r"^(?:附件[0-9一二三四五六七八九十]*[:：.、]?)?"
    r"(?P<name>[^\s，,。；;：:、]{2,40}?(?:资金|基金|经费))"
    r"(?:指标)?(?:分配|安排|下达|使用|拨付)?(?:明细|计划|情况|方案)?表$"
)


def tabled_fund(text: str) -> ListedProject | None:
    """A notice of one fund whose title and first sentences name none (各乡(镇)财政所:…决定
    下拨救灾补助资金(详见指标分配表)) but whose table of its money by recipient does, by its
    title a few lines above the rows (救灾补助资金指标分配表 / 单位:万元 / 乡镇 / 金额): the fund,
    its total the table's 合计 where that is the rows' sum; named first by the fund its first
    sentences give, where they do (现将2021年义务教育…补助资金下达给你们(详见附件1)), whatever
    its 合计. None without such a table."""
    rows, stated, _line = read_allocation(text)
    if not rows:
        return None
    said = said_fund_name(text)
    if said is not None:
        return ListedProject(name=said[0], line=said[1], lines=[], inferred=True)
    if stated is None:
        return None
    lines = text.split("\n")
    first = min(number for row in rows for number in row.lines)
    for number in range(first - 1, max(0, first - 9), -1):
        title = _FUND_TABLE_TITLE.match(squash(halfwidth(lines[number - 1])))
        if title is not None:
            return ListedProject(
                name=title.group("name"), line=number, lines=[number], inferred=True
            )
    return None


# What a sum in a title is the money of: 45.79万元转移就业奖励资金, 2.7亿元补助金.
# (never a threshold: 全县500万元以上企业技改奖补资金)
_MONEY_AFTER_SUM = re.compile(
    r"(?!以上|以下|以内|及以上|左右)[^，,。；;0-9]{0,14}?(?:资金|补助金|补贴|奖补|经费|投资)"
)


def whole_text_project(
    text: str, title_lines: list[o.Line], findings: list[Finding]
) -> ListedProject | None:
    """A text that states money but no project the rules can read (no 项目名称, no list, no
    project or fund in its title that they know): one project holding it all, named by its
    title, its amount the one sum the text says is the whole, both flagged for staff, rather
    than a refusal that leaves them to type everything. None when the text states no money
    and names no fund it gives (现下达你单位2024年…专项资金(第一批)如数(详见附表): its sum in a
    table no rule could read, left for staff)."""
    if not find_amounts(text) and (
        # (a fund given, its sums in the table it points to: 如数(详见附表); not a notice of
        # policy naming a fund, 请做好2024年…专项资金分配工作)
        said_fund_name(text) is None or not re.search(r"如数|详见附|见附表|见附件", text)
    ):
        return None
    title = "".join(line.text.strip() for line in title_lines)
    name = halfwidth(title).split("关于", 1)[-1].strip(" :：")
    name = re.sub(r"^对(?![口外象应标])(?=[\u4e00-\u9fff0-9]{2})", "", name)  # 关于对…的公示
    previous = None
    while name and name != previous:
        previous = name
        name = _TITLE_KIND.sub("", name).strip()
    # (the issuer before the year its title starts with: 卢氏县农业农村局2022年连翘…奖补)
    name = _ISSUER_BEFORE_YEAR.sub("", name)
    # (what the notice does with it, before its year: 下达2021年度…资金, 做好2021年…资金安排)
    name = _DONE_WITH.sub("", name)
    if len(name) > 60 or re.search(r"[。；;，,]", name):
        name = ""  # no title: the text opens with its prose, which names nothing
    line = title_lines[0].number if title_lines else 1
    # (a news item's title states the whole: 共和县45.79万元转移就业奖励资金全部发放到位;
    # 省发改委提前下达2021年度以工代赈资金25375万元, the fund it gives its name too)
    given = FUND_GIVEN.search(halfwidth(title))
    titled = [
        amount
        for amount in find_amounts(title)
        if (_MONEY_AFTER_SUM.match(title, amount.end) or (given and given.end() == amount.end))
        and not is_rate(title, amount)
    ]
    # (a headline with a sum of no fund's, 山西补助3.46亿元治理乡村环境, names nothing: the
    # fund its first sentences give does, 下达2019年乡村环境治理补助资金3.46亿元)
    headline = bool(name) and bool(find_amounts(title)) and not titled
    said = None if name and not headline else said_fund_name(text)
    if said is not None:
        name, line = said
    project = ListedProject(name=name[:200] or "项目1", line=line, lines=[], inferred=True)
    found = sum_after_name(name, text, text) if said is not None and headline else None
    if found is not None:
        project.amount, project.amount_line = found
    elif len(titled) == 1 and len(find_amounts(title)) == 1:
        project.amount, project.amount_line = titled[0], title_lines[0].number
        if given and not said:
            project.name = title[given.start("name") : given.end("name")]
    else:
        _one_total(text, _WHOLE_TEXT_TOTAL, project, prefer=r"共计|合计|总计|总投资|总额")
        # (or the one sum the parts after its 其中 make up: …立项资助16048.67万元,其中,省级
        # 奖补资金9171.00万元、市级…3821.06万元、镇街级…3056.61万元)
        _whole_over_parts(text, project)
        if project.amount is None:
            _whole_before_parts_said_later(text, project)
        if project.amount is None and said is not None and not headline:
            # Else the sum written right after the fund its first sentences give (no title:
            # 现下达2021年养老事业省级补助资金(第二批)21万元).
            found = sum_after_name(name, text, text)
            if found is not None:
                project.amount, project.amount_line = found
    _shares_given(text, project)
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


# Shares of a fund given out in one sentence, each a place and its sum, apart by 、 or ，:
# 已分配下达红旗区7704万元、卫滨区4371万元、牧野区4646万元….
_SHARE = rf"{RECIPIENT}\s*[0-9][0-9,.]*\s*(?:万元|元|亿元)"
_SHARES_GIVEN = re.compile(
    rf"(?:下达|分配|拨付|安排)(?:给|到|至)?\s*(?P<run>{_SHARE}(?:[、，,]\s*{_SHARE}){{2,}})"
)


def _shares_given(text: str, project: ListedProject) -> None:
    """A text of one project or fund whose one sentence gives its money out to three places or
    more (该笔资金已分配下达红旗区7704万元、卫滨区4371万元、…): the places are its parts where
    their sum is a sum the text states elsewhere (已下达我市改造资金17608万元), which is then its
    total if it has none. Nothing when the sums disagree with its total or every other sum."""
    normal = halfwidth(text)
    for given in _SHARES_GIVEN.finditer(normal):
        shares = [
            # (a comma between digits groups them: 红旗区7,704万元)
            RECIPIENT_SHARE.match(piece.strip())
            for piece in re.split(r"[、，,](?![0-9])", given["run"])
        ]
        if not all(shares):
            continue
        line = text.count("\n", 0, given.start()) + 1
        parts = [
            ListedProject(
                name=share["who"],
                line=line,
                lines=[line],
                amount=money(share),
                content=[share.group()],
            )
            for share in shares
        ]
        whole = sum(part.amount.value for part in parts)
        outside = (
            normal[: given.start("run")] + " " * len(given["run"]) + normal[given.end("run") :]
        )
        said = [amount for amount in find_amounts(outside) if amount.value == whole]
        if not said or (project.amount is not None and project.amount.value != whole):
            continue
        project.parts = parts
        if project.amount is None:
            project.amount = said[0]
            project.amount_line = text.count("\n", 0, said[0].start) + 1
        return


_LEVELS_JOINED = re.compile(r"(?:中央|省|市|县|区)级?和(?:省|市|县|区)级")


def title_fund_name(title_lines: list[o.Line]) -> tuple[str, int] | None:
    """The one fund a notice's title names (关于转下达中央财政2022年重大传染病补助资金(第二批)
    的通知 → 中央财政2022年重大传染病补助资金(第二批)), without what is done with it, with its
    line; None when it names none or more than one."""
    names = set()
    for line in title_lines:
        words = halfwidth(line.text.strip()).split("关于", 1)[-1]  # the issuer before 关于 goes
        for match in _NAMED_FUND.finditer(words):
            if match.start() and words[match.start() - 1].isspace():
                continue  # cut by a space: the name is longer than the match
            names.add(_LEVELS_NOTE.sub("", _FUND_PREFIX.sub("", match.group("name"))))
    # 和 joins two funds (never two levels of one: 中央和省级水利发展资金); 项目…资金 is a
    # project's money, the project named elsewhere.
    names = {
        n
        for n in names
        if len(n) >= 4 and "和" not in _LEVELS_JOINED.sub("", n) and "项目" not in n
    }
    if len(names) != 1:
        return None
    name = names.pop()
    titled = [line for line in title_lines if name in halfwidth(line.text)]
    return name, titled[0].number if titled else (title_lines[0].number if title_lines else 1)


def sum_after_name(name: str, text: str, body: str) -> tuple[ParsedAmount, int] | None:
    """The sum ``body`` (the end of ``text``) writes right after a fund's name, with its line
    (…基金(资金)3039万元; 现将中央财政2022年重大传染病补助资金(第二批)6,684.4万元下达你们);
    its note in brackets may be written longer in the body (…发展资金(畜牧业发展方向——苜蓿
    发展行动)1099万元 for the title's …发展资金(苜蓿发展行动)); None when no sum follows it."""
    stem = re.sub(r"[(（][^()（）]*[)）]$", "", name)
    # (its 预算 may follow: …专项补助资金预算25万元)
    after = r"(?:资金)?\s*(?:预算|总额)?\s*[:：为]?\s*(?=[0-9０-９])"
    # (or without the year its title gives it: 2020年省补助行政村卫生室运行经费 → 现下达你单位
    # 省补助行政村卫生室运行经费60万元)
    yearless = re.sub(r"^(?:19|20)[0-9]{2}年度?", "", stem)
    named_sum = (
        re.search(re.escape(name) + after, halfwidth(body))
        or re.search(re.escape(stem) + r"(?:[(（][^()（）]{1,30}[)）])?" + after, halfwidth(body))
        or (
            re.search(re.escape(yearless) + after, halfwidth(body))
            if len(yearless) >= 6 and yearless != stem
            else None
        )
    )
    amount = sum_after(body, named_sum.end()) if named_sum else None
    if amount is None:
        return None
    return amount, text.count("\n", 0, len(text) - len(body) + named_sum.start()) + 1


def fund_notice(text: str, title_lines: list[o.Line]) -> ListedProject | None:
    """An allocation notice's one project: the one project its text says the money supports
    (拟支持科右前旗农村生活污水治理项目(项目总投资9935.88万元…)), else the one fund its
    title names (关于卓尼县2020年边缘户种养殖业补助资金的公示), with the amount the text
    first states for it (…补助资金26.29万元, 资金共计1.37亿元). None when neither is one."""
    body_start = max((line.number for line in title_lines), default=0)
    if len(title_lines) == 1 and a_sentence(title_lines[0].text.strip()):
        body_start -= 1  # (no title: the text opens with its first sentence, the body's)
    body = "\n".join(text.split("\n")[body_start:])
    supports = list(_SUPPORTS.finditer(body))
    if len({m.group("name") for m in supports}) == 1:
        name = supports[0].group("name")
        position = text.index(name, len(text) - len(body))
        project = ListedProject(name=name, line=text.count("\n", 0, position) + 1, inferred=True)
        project.lines = []  # its line says more than the name: kept as unplaced text
        total = _NOTICE_TOTAL.search(halfwidth(text), position)
        if total and text.count("\n", position, total.start()) == 0:
            project.amount = sum_after(text, total.end())
            project.amount_line = project.line
        # Else the sum that the money given to it is, right before 用于 (现下达你区2022年预算
        # 2350万元,专项用于…项目).
        before = body[: supports[0].start()]
        given = _GIVEN_FOR.search(halfwidth(before))
        sums = {amount.start: amount for amount in find_amounts(before)}
        if project.amount is None and given is not None and _sum_start(given) in sums:
            found = sums[_sum_start(given)]
            project.amount = replace(found, start=0, end=len(found.text))
            project.amount_line = project.line
        _whole_over_parts(text, project)
        _shares_given(text, project)
        return project
    titled_fund = title_fund_name(title_lines)
    if titled_fund is None:
        return None
    name, line = titled_fund
    if _GENERIC_FUND.fullmatch(name):
        # A title naming money only (关于下达专项经费预算的通知): the one project the body gives
        # it to (现下达你单位2020年中央补助地方公共文化服务体系建设项目资金预算119万元).
        given = {m.group("name"): m for m in _GIVEN_PROJECT_MONEY.finditer(halfwidth(body))}
        if len(given) == 1:
            name, match = next(iter(given.items()))
            line = text.count("\n", 0, len(text) - len(body) + match.start()) + 1
            given_sum = sum_after(body, match.end())
            if given_sum is not None:
                project = ListedProject(
                    name=name,
                    line=line,
                    lines=[],
                    inferred=True,
                    amount=given_sum,
                    amount_line=line,
                )
                _whole_over_parts(text, project)
                return project
    project = ListedProject(name=name, line=line, lines=[], inferred=True)
    # The sum written right after the fund's own name (…基金(资金)3039万元), else the one sum
    # the text states for it (资金共计1.37亿元).
    # (its note in brackets may be written longer in the body: …发展资金(畜牧业发展方向——苜蓿
    # 发展行动)1099万元 for the title's …发展资金(苜蓿发展行动))
    found = sum_after_name(name, text, body)
    if found is not None:
        project.amount, project.amount_line = found
    else:
        _one_total(text, _FUND_TOTAL, project, prefer=r"共计|合计|总计")
    _whole_over_parts(text, project)
    return project


# Money named by what it is only: 专项经费, 补助资金, 专项资金.
_GENERIC_FUND = re.compile(r"(?:专项|补助|项目|财政)*(?:经费|资金)")
# A project the body gives money to: 下达你单位2020年…建设项目资金预算119万元.
_GIVEN_PROJECT_MONEY = re.compile(
    r"下达(?:给)?(?:你单位|你局|你区|你县|你镇|你乡|各县区|各县\(市、区\)|各乡镇|各乡|各镇)?"
    r"(?P<name>[^，,。；;、]{4,60}?项目)资金(?:预算)?\s*[:：为]?\s*"
)


# A sum and its parts after 其中 (…资金预算119万元,其中…补助资金39万元,…设备购置80万元。).
_WHOLE_THEN_PARTS = re.compile(rf"{MONEY}[^，,。；;0-9０-９]{{0,6}}[，,]?\s*其中\s*[:：]?")


def _whole_over_parts(text: str, project: ListedProject) -> None:
    """A notice's project takes the one sum its text states before 其中 where the sums after
    it, to the end of their sentence, add up to it exactly (…下达…中央补助资金681万元,其中:
    天津科学技术馆661万元…、武清区科技馆20万元), in place of none or of one of those parts."""
    found = []
    normal = halfwidth(text)
    for match in _WHOLE_THEN_PARTS.finditer(normal):
        whole = money(match)
        if is_rate(normal, replace(whole, start=match.start("amount"), end=match.end("amount"))):
            continue  # 每亩补助1500元,其中中央补助1000元…: a rate's parts
        end = min(
            (i for i in (normal.find(c, match.end()) for c in "。；;\n") if i >= 0),
            default=len(normal),
        )
        rest = normal[match.end() : end]
        parts = [a for a in find_amounts(rest) if not is_rate(rest, a)]
        # (the first of them that make it up, where its sentence runs on past them: a page
        # that lost its stops, …共计239万元,其中上级资金179.25万元,本级59.75万元,项目…)
        made = next(
            (
                count
                for count in range(2, len(parts) + 1)
                if sum(a.value for a in parts[:count]) == whole.value
            ),
            0,
        )
        parts = parts[:made]
        if made:
            # (a part said under the project's own name is its sum: 其中:甲村道路硬化项目资金
            # 100万元 is that project's, not a share of it)
            own = {
                a.value
                for a in parts
                if halfwidth(project.name)[-6:]
                in rest[max(0, a.start - len(project.name) - 8) : a.start]
            }
            found.append(
                (whole, {a.value for a in parts} - own, text.count("\n", 0, match.start()) + 1)
            )
    if len({whole.value for whole, _parts, _line in found}) != 1:
        return
    whole, parts, line = found[0]
    if project.amount is None or project.amount.value in parts:
        project.amount, project.amount_line = whole, line


def _whole_before_parts_said_later(text: str, project: ListedProject) -> None:
    """A text read whole takes the one sum that the parts after a later 其中 make up exactly,
    a sentence or two on (共获得中央预算内资金补助1.1513亿元。此次下达的资金,重点用于…3个专项。
    其中,11所…共获得…6299万元,2所…3814万元,1个…1400万元), where no sum is its whole
    otherwise."""
    normal = halfwidth(text)
    wholes = []
    for qizhong in re.finditer(r"其中\s*[:：,，]?", normal):
        end = min(
            (i for i in (normal.find(c, qizhong.end()) for c in "。；;\n") if i >= 0),
            default=len(normal),
        )
        rest = normal[qizhong.end() : end]
        parts = [a for a in find_amounts(rest) if not is_rate(rest, a)]
        if len(parts) < 2:
            continue
        total = sum(a.value for a in parts)
        before = normal[max(0, qizhong.start() - 300) : qizhong.start()]
        wholes += [
            (a, text.count("\n", 0, qizhong.start() - len(before) + a.start) + 1)
            for a in find_amounts(before)
            if a.value == total and not is_rate(before, a)
        ]
    if len({amount.value for amount, _ in wholes}) == 1:
        project.amount, project.amount_line = wholes[0]


# A notice speaking of its own place (我旗2023年…项目): the pronoun is no part of a name.
_OUR_PLACE = re.compile(r"^我(?:省|市|州|盟|县|区|旗|镇|乡|街道)(?=[0-9\u4e00-\u9fff])")


def listed_node(sequence: int, listed: ListedProject, findings: list[Finding]) -> dict:
    """A project of a list (:mod:`.listing`): what its row states, its other cells as the
    content of one sub-item holding it all. A notice's one project, read from its title and
    prose rather than from labelled cells, has its name and amount flagged for staff."""
    if listed.inferred:
        listed = replace(listed, name=_OUR_PLACE.sub("", listed.name))
    amount = listed.amount
    guesses = []
    if listed.misaligned:
        guesses = [
            f"项目{sequence}所在的表格行与表头对不齐（空单元格被略去、单元格跨行或表头有两行），"
            f"项目名称“{listed.name}”是按该行各单元格的内容推断的，请核对。",
            f"项目{sequence}的金额“{amount.text if amount else ''}”是按该行各单元格的内容推断的，"
            "请核对。",
        ]
    elif listed.inferred and listed.total_checked:
        guesses = [
            f"项目名称“{listed.name}”取自标题或正文，文中没有“项目名称”栏，请核对。",
            "",
        ]
    elif listed.inferred:
        guesses = [
            f"项目名称“{listed.name}”取自标题或正文，文中没有“项目名称”栏，请核对。",
            f"项目金额取自文中的“{amount.text if amount else ''}”，请核对是否为本项目的总额。",
        ]
    if amount is not None and listed.amount_read and not guesses:
        findings.append(
            Finding(
                "warning",
                f"项目{sequence}的金额“{amount.text}”取自其{listed.amount_read}中的说法，请核对。",
                listed.amount_line or listed.line,
                sequence,
                field="declared_total",
            )
        )
    if listed.unit and listed.unit_column == "正文":
        findings.append(
            Finding(
                "warning",
                f"项目{sequence}的实施单位“{listed.unit}”取自正文中“由…实施”一类的说法，请核对。",
                listed.line,
                sequence,
                field="implementing_unit",
            )
        )
    if listed.unit and re.fullmatch(r"(?:单位|公司|企业)(?:名称)?", listed.unit_column):
        # A column headed 单位 or 公司名称 alone may name who receives the money rather than who
        # carries the project out.
        findings.append(
            Finding(
                "warning",
                f"项目{sequence}的实施单位“{listed.unit}”取自表中的“{listed.unit_column}”栏，"
                "表头没有写明是实施单位，请核对。",
                listed.line,
                sequence,
                field="implementing_unit",
            )
        )
    if guesses:
        # A value guessed rather than read from a labelled cell is flagged at its field.
        name_note, amount_note = guesses
        findings.append(Finding("warning", name_note, listed.line, sequence, field="name"))
        if listed.misaligned and listed.unit:
            findings.append(
                Finding(
                    "warning",
                    f"项目{sequence}的实施单位“{listed.unit}”是按该行各单元格的内容推断的，请核对。",
                    listed.line,
                    sequence,
                    field="implementing_unit",
                )
            )
        if amount is not None and amount_note:
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
    node = {
        "sequence": sequence,
        "name": listed.name[:200],
        "implementing_unit": listed.unit[:200],
        "basis_preamble": "",
        "citations": [],
        "basis_closing": "",
        "declared_total_yuan": yuan_text(amount),
        "declared_total_text": written(amount),
        # An item whose parts are the sub-items states its own money on its line.
        "funding_text": content if listed.parts else "",
        "outcomes": "",
        "funding_sources": [],
        "performance_indicators": [],
        "sub_items": [
            sub_item_node(
                number,
                part.name,
                "\n".join(part.content) if part is not listed else content,
                part.amount,
                [
                    line_node(
                        line, index, findings, sequence, fallback_name=part.name, where=part.line
                    )
                    for index, line in enumerate(_row_lines(part), 1)
                ],
            )
            # The items of a list inside it are its sub-items; else one holds it all.
            for number, part in enumerate(listed.parts or [listed], 1)
        ],
    }
    if amount is not None and not listed.parts and not listed.from_table:
        # Its money tabled by recipient below it (农村幸福院经费207万元 / 县(市、区) | 金额(万元)
        # / 蕉城 | 27 …), where the rows make it up exactly: the recipients are its sub-items.
        rows, _stated, _line = read_allocation("\n".join(listed.content[1:]))
        if (
            len(rows) >= 2
            and all(re.search(r"[\u4e00-\u9fff]", row.name) for row in rows)
            and sum(row.amount.value for row in rows) == amount.value
        ):
            shares = [Part(name=row.name, amount=row.amount, text=row.name) for row in rows]
            _parts_as_sub_items(node, shares, listed.line, findings)
            return node
        # Its parts listed after 其中 or 包括 (老年人福利119.57万元。包括:A42.8万元、B76.77万元),
        # only where they make up its money exactly.
        words = content.removeprefix(listed.name)
        for lead in ("其中", "包括"):
            parts = breakdown(words, lead=lead)
            if len(parts) >= 2 and sum(part.amount.value for part in parts) == amount.value:
                _parts_as_sub_items(node, parts, listed.line, findings)
                break
        else:
            # Or its sums one after another after its money (福利彩票公益金498万元,…用于…社会
            # 福利事业286万元;下达西峰区144万元;结余68万元), where they make it up exactly.
            at = words.find(amount.text) if amount.text else -1
            parts = sums_as_parts(words[at + len(amount.text) :]) if at >= 0 else []
            if (
                len(parts) >= 2
                and sum(part.amount.value for part in parts) == amount.value
                # (never what was spent of it and what is left: 完成总投资118万元,结余资金2万元)
                and not any(_SPENT.match(part.name) for part in parts)
            ):
                _parts_as_sub_items(node, parts, listed.line, findings)
        return node
    if amount is not None and listed.from_table and not listed.parts:
        # A row's cell sharing its money among places (分配情况: 1.石麟镇47.6148万元,涉及971人
        # 2.冠英镇…), where the shares make it up exactly: the places are its sub-items.
        shares = place_shares(content, amount.value)
        if shares:
            _parts_as_sub_items(node, shares, listed.line, findings)
        return node
    if amount is not None or listed.from_table or listed.parts or not listed.amount_cell:
        return node
    # Several sums and no total (购生产母牛…投入资金1947.5万元;购生产母驴…933.5万元): each is
    # a part of the project's money, its sub-item.
    words = content.removeprefix(listed.name).lstrip("。：:，, ")
    parts = sums_as_parts(words)
    if parts:
        _parts_as_sub_items(node, parts, listed.line, findings)
    return node


def notice_lines(
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
    tabled = _tabled_by_recipient(node, text, only)
    if tabled:
        # Its money tabled by recipient (县区 | 省级资金(万元) / 睢县 | 421 / … / 合计 | 1227),
        # the rows making up its total: its sub-items.
        parts = [Part(name=row.name, amount=row.amount, text=row.name) for row in tabled]
        return _parts_as_sub_items(node, parts, [row.line for row in tabled], findings)
    for number, row in rows:
        parts = _parts_of(row, node)
        if parts and node["declared_total_yuan"] is None:
            _total_before_parts(node, row, parts, number, findings, stated)
        elif parts and _whole_said_before(row, parts) < Decimal(node["declared_total_yuan"]):
            continue  # the parts of a part (2.种粮大户补贴…296.26万元。其中:…): not the project's
        if parts:
            # (the other rows may state the rates the parts' counts are priced by)
            others = [(n, other) for n, other in rows if n != number]
            return _parts_as_sub_items(node, parts, number, findings, rates=others)
    if node["declared_total_yuan"]:
        # Its money shared among places, a sentence or line each, that make up its total.
        shares = place_shares(
            "\n".join(row for _number, row in rows), Decimal(node["declared_total_yuan"])
        )
        if shares:
            # each from the line that gives it
            wheres = [next(n for n, row in rows if share.text in row) for share in shares]
            return _parts_as_sub_items(node, shares, wheres, findings)
    # A notice's total count prices the rates of its later paragraphs (``carry``); a
    # sectioned text's counts stay in their paragraph.
    totals: list | None = [] if carry else None
    # (the counts of its words not read for rates, its goals or a first line taken for its
    # title, may price a rate named by the group they count: 其中经营管理型60人 … 经营管理型
    # 3500元/人)
    seen = counts_stated(
        "\n".join(
            row
            for number, row in enumerate(text.split("\n"), 1)
            if (only is None or number in only) and (number <= after or number in skip)
        )
    )
    lines = [
        (line, number)
        for number, row in rows
        for line in rate_lines(row, "content", stated=stated, totals=totals, seen=seen)
    ]
    if not lines:
        lines = _shares_of_the_total(node, rows, stated)
    # across the paragraphs too
    one_line_a_sum([line for line, _ in lines], "\n".join(row for _number, row in rows))
    # A rate and its count in different sentences or rows, checked by the sum they make.
    # Counts listed, then their standards (补贴对象…; 补贴标准…): paired in order, flagged.
    where = {id(line): number for line, number in lines}
    joined = "\n".join(row for _number, row in rows)
    lines = [
        (line, where[id(line)] if line.row is None else rows[line.row][0])
        for line in lines_by_the_one_count(
            joined,
            "content",
            lines_paired_in_order(
                joined,
                "content",
                lines_priced_by_sums(joined, "content", stated, [line for line, _ in lines]),
            ),
        )
    ]
    sub_item = node["sub_items"][0]
    sub_item["lines"] = [
        line_node(
            line, index, findings, node["sequence"], fallback_name=sub_item["name"], where=where
        )
        for index, (line, where) in enumerate(lines, 1)
    ]
    return {
        "sub": {},
        "lines": {(1, index): where for index, (_line, where) in enumerate(lines, 1)},
    }


def _shares_of_the_total(
    node: dict, rows: list[tuple[int, str]], stated: list[ParsedAmount]
) -> list[tuple[ParsedLine, int]]:
    """A project's sums written as a share of a whole (预计发放劳务报酬100万元，占中央财政资金的
    25%; 按1%提取项目管理费46.3万元), where its prose states no other calculation: a part each
    of one line holding the project's total (其中), since they are what the text says of a part
    of its money, not all of it. [] without a stated total to hold them."""
    shares = [
        (line, number) for number, row in rows for line in share_lines(row, "content", stated)
    ]
    total = node["declared_total_yuan"]
    whole = next((a for a in stated if total and a.value == Decimal(total)), None)
    if not shares or whole is None:
        return []
    if sum(line.amount.value for line, _ in shares) > whole.value:
        return []  # more than the total: not its parts
    where = next((number for number, row in rows if whole.text in row), shares[0][1])
    held = ParsedLine(marker="", name="", amount=whole, source="content", partial=True)
    held.children = [line for line, _ in shares]
    return [(held, where)]


def _wholes_said_before(row: str, parts: list) -> list[ParsedAmount]:
    """The sums ``row`` states before its 其中 that ``parts`` make up (补奖资金合计20511万元,其中:
    禁牧补助14514万元、草畜平衡奖励5997万元); [] without a 其中."""
    lead = row.find("其中")
    whole = sum(part.amount.value for part in parts)
    return [a for a in find_amounts(row[:lead]) if a.value == whole] if lead >= 0 else []


def _whole_said_before(row: str, parts: list) -> Decimal:
    """The sum ``parts`` make up where ``row`` states it before their 其中, else infinity."""
    said = _wholes_said_before(row, parts)
    return said[0].value if said else Decimal("Infinity")


def _total_before_parts(
    node: dict,
    row: str,
    parts: list,
    number: int,
    findings: list[Finding],
    stated: list[ParsedAmount],
) -> None:
    """A project without a total of its own takes the sum its parts are said to make up, where
    the line states it right before them (补奖资金合计20511万元,其中:禁牧补助14514万元、草畜
    平衡奖励5997万元): flagged, as every amount read from prose. Not where the text states a
    greater sum: the parts are then those of a part (2.种粮大户补贴…296.26万元。其中:…)."""
    said = _wholes_said_before(row, parts)
    if len(said) != 1 or any(a.value > said[0].value for a in stated):
        return
    message = (
        f"项目{node['sequence']}的金额取自文中其各部分之前所写的合计“{said[0].text}”，请核对。"
    )
    take_total(node, said[0], findings, message, number)


def _parts_of(row: str, node: dict) -> list:
    """The parts of a project's money one line of its text lists: after 其中
    (``lines.breakdown``), or sums one after another (产业发展项目81个,金额17177.1233万元;
    就业项目8个,金额2212万元;…) when they make up the project's total."""
    parts = breakdown(row)
    if any(re.fullmatch(BUDGET_CLASS, part.name) for part in parts):
        # (a budget's classes are no project's parts: 支出预算57860.38万元,其中:基本支出
        # 5843.33万元,…;项目支出52017.05万元)
        return []
    if parts:
        return parts
    if not node["declared_total_yuan"]:
        # (a field listing who gets what, the whole said nowhere: 补助标准:市中区1162万元、
        # 五通桥区3294万元、…; the total is left to staff)
        return _shares_listed(row)
    total = Decimal(node["declared_total_yuan"])
    # (the whole said again is no part of it: 项目总投资70万元,总支出70万元。A…35万元,B…35万元)
    parts = [part for part in sums_as_parts(row) if round_yuan(part.amount.value) != total]
    # (nor what was spent of it and what is left: 已支出8294.81万元,余额为1705.19万元)
    if len(parts) < 2 or any(_SPENT_OR_LEFT.match(part.name) for part in parts):
        return []
    return parts if sum(round_yuan(part.amount.value) for part in parts) == total else []


def _shares_listed(row: str) -> list[Part]:
    """The shares a field's value lists apart by 、, each a name and its sum and nothing more
    (补助标准:市中区1162万元、五通桥区3294万元、沙湾区147万元), or a sentence lists after 用于
    apart by 、 or commas (该项目为…资金项目,用于残疾人康复及评定补贴1.065万元,五个一文化进家庭
    2.1万元,残疾儿童救助38.472万元): three at least, else []."""
    used = re.search(r"用于([^。；;]+)", row)
    if used:
        pieces = re.split(r"[、，,]", used.group(1))
    else:
        pieces = re.split(r"[:：]", row)[-1].strip().rstrip("。；;").split("、")
    parts = []
    for piece in pieces:
        if _NOT_A_SHARE.match(halfwidth(piece.strip())):
            return []  # (a balance or a sum of them is no use of the money: 结余资金2万元)
        share = _NAMED_SHARE.fullmatch(halfwidth(piece.strip()))
        if share is None:
            return []
        parts.append(Part(name=share["name"], amount=money(share), text=piece.strip()))
    return parts if len(parts) >= 3 else []


_NOT_A_SHARE = re.compile(r"(?:结余|结转|剩余|其余|余额|共计|合计|总计)")
_NAMED_SHARE = re.compile(rf"(?P<name>[^0-9，,。；;:：、()（）]{{2,20}}?)\s*{MONEY}")


_SPENT_OR_LEFT = re.compile(rf"^(?:已|累计|未)?(?:{SPENT_OR_LEFT}|下达)")
_SPENT = re.compile(r"^(?:已|累计|实际)?(?:完成|支出|支付)")


def sums_as_sub_items(node: dict, anchor: dict, findings: list[Finding]) -> None:
    """A project whose one sub-item's lines are bare sums (no count and rate) that its text
    lists as the parts of its total: the parts become its sub-items."""
    subs = node["sub_items"]
    if len(subs) != 1 or not subs[0]["lines"] or any(line["factors"] for line in subs[0]["lines"]):
        return
    where = anchor.get("sub", {}).get(1) or anchor.get("lines", {}).get((1, 1))
    for row in subs[0]["content"].split("\n"):
        parts = _parts_of(row, node)
        if parts:
            found = _parts_as_sub_items(node, parts, where, findings)
            anchor["sub"], anchor["lines"] = found["sub"], found["lines"]
            return


def _tabled_by_recipient(node: dict, text: str, only: set[int] | None) -> list[ListedProject]:
    """The rows of a table of a project's money by recipient, in its own lines, where they
    make up its total exactly and it has no parts yet; []."""
    if not node["declared_total_yuan"] or len(node["sub_items"]) > 1:
        return []
    own = "\n".join(
        row if only is None or number in only else ""
        for number, row in enumerate(text.split("\n"), 1)
    )
    rows, _stated, _line = read_allocation(own)
    total = Decimal(node["declared_total_yuan"])
    if len(rows) < 2 or sum(round_yuan(row.amount.value) for row in rows) != total:
        return []
    return rows


def _parts_as_sub_items(
    node: dict,
    parts: list,
    where: int | list[int],
    findings: list[Finding],
    rates: list[tuple[int, str]] = (),
) -> dict:
    """The parts of a project's money as its sub-items, in place of the one that held it all,
    each with its amount and the calculation its words state; read from line ``where``, or
    each from its own line of a list ``where``."""
    sub_items = []
    anchors: dict[str, dict] = {"sub": {}, "lines": {}}
    wheres = where if isinstance(where, list) else [where] * len(parts)
    for index, (part, at) in enumerate(zip(parts, wheres, strict=True), 1):
        lines = rate_lines(part.text, "content", stated=[part.amount])
        if rates:
            lines = _priced_elsewhere(part, "\n".join(row for _n, row in rates), lines)
        # (or in the paragraph headed by its name, read from its line: 农资综合补贴: 补贴面积
        # 679160亩,平均每亩补贴64.67元,补贴金额4392万元。)
        headed = [
            (n, row) for n, row in rates if re.match(rf"\s*{re.escape(part.name)}\s*[:：]", row)
        ]
        line_at = at
        if not lines and len(headed) == 1:
            line_at, row = headed[0]
            lines = rate_lines(row, "content", stated=find_amounts(row))
        sub_items.append(
            sub_item_node(
                index,
                part.name,
                part.text,
                part.amount,
                [
                    line_node(
                        line,
                        number,
                        findings,
                        node["sequence"],
                        fallback_name=part.name,
                        where=line_at,
                    )
                    for number, line in enumerate(lines, 1)
                ],
            )
        )
        anchors["sub"][index] = at
        anchors["lines"].update({(index, number): line_at for number in range(1, len(lines) + 1)})
    for old in node["sub_items"]:
        # What the sub-item that held it all said is kept, as written, with the project: its
        # name too where the text wrote it (1.经费经费), not where it is the project's.
        name = old["name"] if old["name"] not in (node["name"], old["content"]) else ""
        for kept in (name, old["content"], old["plan"]):
            if kept:
                append_text(node, "outcomes", kept)
    node["sub_items"] = sub_items
    return anchors


def _priced_elsewhere(part, rates: str, lines: list) -> list:
    """``lines`` of a part with the counts its words state priced by the rates other
    paragraphs state (肉牛存栏每头奖补1000元 … 养殖牛416头,补贴资金416000元), where the product
    is a sum the part states: never a count of the other paragraphs."""
    stated = [a for a in find_amounts(part.text) if not is_rate(part.text, a)]
    found = lines_priced_by_sums(rates + "\n" + part.text, "content", stated, lines)
    own = {count[0] for count in _counts(part.text)}
    return [line for line in found if line in lines or line.factors[0][0] in own]


def _total_row_not_made_up(
    text: str, rows: list[ListedProject], last: int, findings: list[Finding]
) -> None:
    """A table's 合计 row, above its rows or right after them, none of whose figures the rows
    read make up (合计 | 1241 | 1241 over rows of 70 and 30, the rest of the table not in the
    text): staff are told rows may be missing, or the total be wrong."""
    if any(row.amount is None for row in rows) or len({row.amount.unit for row in rows}) > 1:
        return  # (rows in units of their own: no one figure to compare)
    first = min(row.line for row in rows)
    lines = text.split("\n")
    near = [
        (number, line)
        for number, line in enumerate(lines, 1)
        if first - 3 <= number < first or last < number <= last + 2
    ]
    made = sum(row.amount.value for row in rows)
    scale = UNIT_MULTIPLIERS[rows[0].amount.unit]
    for number, line in near:
        cells = [squash(cell) for cell in line.split("|")]
        if "|" not in line or not TOTAL_ROW.match(cells[0] or next(filter(None, cells), "")):
            continue
        figures = [
            Decimal(cell.replace(",", ""))
            for cell in cells
            if re.fullmatch(r"[0-9][0-9,]*(?:\.[0-9]+)?", cell)
        ]
        if figures and all(figure * scale != made for figure in figures):
            findings.append(
                Finding(
                    "warning",
                    f"表格的合计行写有“{figures[0]}”，读出的{len(rows)}行金额合计为"
                    f"“{(made / scale).normalize():f}”，两者不符：可能有行未能读出（原文不全），"
                    "或原文合计有误，请核对。",
                    number,
                    None,
                    field="rows",
                )
            )
        return


def rows_left_unread(text: str, listed: list[ListedProject], findings: list[Finding]) -> None:
    """A table read up to a row whose next one it could not line up says so: where a line
    right after the last row read is the next 序号 (the rows stopped, the table did not),
    staff are told that rows are missing rather than left to count them. So does a numbered
    list read up to an item it could not read (四、…项目。2025年投入…), where a later line opens
    with the next number in the list's style."""
    items = [item for item in listed if item.style and not item.from_table]
    if items and len(items) == len(listed):
        _items_left_unread(text, items, findings)
    rows = [item for item in listed if item.from_table]
    if not rows:
        return
    # A row left out between two read (its cells slid: 1, 3 read, 2 not) is said too.
    numbers = [int(item.row_number) for item in rows if item.row_number.isdigit()]
    if len(numbers) == len(rows):
        skipped = [n for n in range(numbers[0], numbers[-1]) if n not in numbers]
        if skipped:
            findings.append(
                Finding(
                    "warning",
                    f"表格中序号为{'、'.join(map(str, skipped[:5]))}的行与表头对不齐，未能读出，"
                    "请按原文补录。",
                    rows[0].line,
                    None,
                    field="rows",
                )
            )
    last = max(number for item in rows for number in item.lines)
    _total_row_not_made_up(text, rows, last, findings)
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
    """The calculations a row or an item states (面积 276亩, 奖补标准 1000元/亩; 购缝纫机20台,
    每台补助1500元,投入资金3万元): a line each, with the sum its words state for the product,
    or the row's amount when the product is that amount."""
    text = "，".join(listed.content)
    if _WORKED_OUT.search(text):
        # Calculations written out in brackets after their sums (需要安排外勤经费63.6万元(2项目
        # *10人*60工作日*530元/工作日=636000元)): read as a content section's are.
        worked = [line for line in extract_lines(text, "content").lines if line.factors]
        if worked:
            return worked
    stated = find_amounts(text) + ([listed.amount] if listed.amount is not None else [])
    return lines_priced_by_sums(text, "content", stated, rate_lines(text, "content", stated=stated))


# A calculation in brackets with its result: (2项目*10人*60工作日*530元/工作日=636000元).
_WORKED_OUT = re.compile(r"[(（][^()（）]*[×xX*✕]\s*[0-9][^()（）]*[=＝][^()（）]*[)）]")


# A count of the projects a text states: 《…》、《…》3个项目; 使用彩票公益金支持的项目共8个.
_PROJECT_COUNT = re.compile(
    r"(?<![第每0-9])(?P<a>[0-9]{1,3}|[一二三四五六七八九十两]{1,3})\s*个(?!月)"
    # (what they are in up to ten words, unless the count is of places or people: 2个革命老区
    # 乡村振兴项目, not 3个乡镇的产业发展项目)
    r"(?:[^，,。；;、:：0-9]{0,6}?|(?![村镇乡县区户人家所座])[^，,。；;、:：0-9的]{7,10}?)"
    r"(?<!子)项目(?!库|资金|单位)"
    # (项目支出共13个, 重点项目资金10个)
    rf"|{PROJECTS_COUNTED_BY}(?<![0-9])(?P<b>[0-9]{{1,3}}|[一二三四五六七八九十两]{{1,3}})\s*个"
    r"(?![月村户人]|部门|单位|乡|镇|街道|社区|县|区)"
)


def projects_said(text: str) -> tuple[int, int, str] | None:
    """(the largest number of projects ``text`` says it holds, its line, what it counts:
    个项目, or 项资金 for funds given out together), outside the titles it cites; None when
    it states none."""
    best = None
    for number, line in enumerate(text.split("\n"), 1):
        for match in _PROJECT_COUNT.finditer(blank_titles(line)):
            word = match.group("a") or match.group("b")
            count = count_value(word)
            if count and (best is None or count > best[0]):
                best = (count, number, "个项目")
        for match in _FUNDS_COUNT.finditer(blank_titles(line)):
            count = count_value(match.group("n"))
            if count and count > 1 and (best is None or count > best[0]):
                best = (count, number, "项资金")
    return best


# Funds a notice gives out together, counted: 基本公共卫生服务等7项中央补助资金465.87万元.
_FUNDS_COUNT = re.compile(
    r"等\s*(?P<n>[0-9]{1,2}|[二三四五六七八九十两]{1,3})\s*项[^，,。；;0-9]{0,12}(?:资金|经费)"
)


def projects_unread(text: str, read: int, findings: list[Finding], parts: int = 0) -> None:
    """Where a text says it holds more projects than were read, or numbers more rows of a
    table under its 序号 heading, staff are told that some are missing (a finding on
    ``rows``) rather than left to count them. ``parts``: the sub-items read, all projects'."""
    if any(f.field in ("rows", "projects") for f in findings):
        return
    rows = table_rows_numbered(text)
    # (rows read as the sub-items of one project, a fund shared out, are read)
    if rows is not None and rows[0] > max(read, parts):
        count, line = rows
        findings.append(
            Finding(
                "warning",
                f"文中的表格编号到第{count}行，只读出{read}个项目：表格未能逐行读出，"
                "请对照原文核对是否有项目遗漏。",
                line,
                field="rows",
            )
        )
        return
    header = _table_header_line(text) if max(read, parts) <= 1 else None
    if header is not None:
        # A table of projects whose rows no rule could line up (its cells run together or
        # split over lines): one project read from its text, the rows left to staff.
        findings.append(
            Finding(
                "warning",
                "此行起的表格未能逐行读出：请对照原文核对其中的项目或子项目是否遗漏。",
                header,
                field="rows",
            )
        )
        return
    said = projects_said(text)
    if said is None or said[0] <= read:
        return
    count, line, counted = said
    findings.append(
        Finding(
            "warning",
            f"文中写明有{count}{counted}，只读出{read}个：其余项目未能识别，请对照原文补录。",
            line,
            field="rows",
        )
    )


def whole_of_the_count(text: str, projects: list[dict], findings: list[Finding]) -> None:
    """Where a text says it holds more projects than were read, a project whose total is the
    sum the count is stated with (计划实施76个项目,计划总投资66734.22万元) has been given the
    whole of them all: its total is flagged, not left to pass as its own."""
    said = projects_said(text)
    if said is None or said[0] <= len(projects):
        return
    count, number, counted = said
    # The sum said with the count, in its clause (…76个项目,计划总投资66734.22万元), not one
    # said of a project after it (…,其中本批下达甲村道路项目100万元).
    line = blank_titles(text.split("\n")[number - 1])
    wholes = {}
    for match in _PROJECT_COUNT.finditer(line):
        clause = re.split(r"[。；;]|其中", line[match.end() :], maxsplit=1)[0]
        stated = [a for a in find_amounts(clause) if not a.per]
        if stated and count_value(match.group("a") or match.group("b")) == count:
            wholes[stated[0].value] = stated[0].text
    for node in projects:
        total = node.get("declared_total_yuan")
        if total and Decimal(total) in wholes:
            findings.append(
                Finding(
                    "warning",
                    f"项目{node['sequence']}的金额{wholes[Decimal(total)]}是文中{count}{counted}的合计，"
                    "不是这个项目自己的金额：请核对后填写。",
                    number,
                    node["sequence"],
                    field="declared_total",
                )
            )


# A table's header run together with its first row, every separator lost: 序号项目单位项目名称
# 补助金额备注1龙门滩镇… (on squashed text).
_GLUED_HEADER = re.compile(
    r"序号[\u4e00-\u9fff()（）]{0,30}?(?:项目名称|项目单位|单位名称)[\u4e00-\u9fff()（）]{0,60}?"
    r"(?:金额|资金|投资|万元)[\u4e00-\u9fff()（）]{0,20}?1(?![0-9])"
)


def _table_header_line(text: str) -> int | None:
    """The line (1-based) of a table's header on one line, its row numbers first and a money
    column among its headings (序号 单位 机构名称 … 省级资助金额(万元) 备注), with a row after
    it opening with 1; None when there is none."""
    lines = text.split("\n")
    for number, line in enumerate(lines, 1):
        cells = [cell for cell in re.split(r"[\s|｜]+", line.strip()) if cell]
        if (
            len(cells) >= 4
            and all_headings(cells)
            and any(later.strip() for later in lines[number : number + 3])
        ):
            # (a header whose every cell names a column: 学校名称 … 1.中央资金(万元) …)
            return number
        squashed = squash(line).strip("|｜")
        if _GLUED_HEADER.search(squashed):
            return number  # (its cells run together with its rows: …单位:万元序号项目单位…合计1…)
        # (the header may wrap over a few lines: …核定补助人数 / (人)…省级资助金额(万元)备注)
        header = "".join(squash(later) for later in lines[number - 1 : number + 2])
        if not (
            squashed.startswith("序号")
            and len(squashed) > 6
            and re.search(r"金额|资金|投资|预算|万元", header)
        ):
            continue
        following = [squash(later) for later in lines[number : number + 5] if later.strip()]
        if any(re.match(r"^\|?0?1(?:[.、．|]|(?=[\u4e00-\u9fff])|$)", cell) for cell in following):
            return number
    return None


def table_rows_numbered(text: str) -> tuple[int, int] | None:
    """(the last row number, its line) of a table whose rows are numbered 1, 2, 3 … on lines
    of their own (a cell a line, bars aside) after a 序号 heading; None when there is none,
    or it numbers fewer than three rows."""
    lines = text.split("\n")
    cells = [(number, squash(line).strip("|｜")) for number, line in enumerate(lines, 1)]
    heading = next((number for number, cell in cells if cell == "序号"), None)
    if heading is None:
        return None
    expected, last = 1, None
    for number, cell in cells[heading:]:
        if re.fullmatch(r"0?" + str(expected) + r"[.、．]?", cell):
            expected, last = expected + 1, number
    return (expected - 1, last) if expected > 3 else None


def allocated(notice: ListedProject, text: str) -> None:
    """A notice of one fund that tables its money by recipient (资阳区 150, 赫山区 210 …):
    the rows are its sub-items; their sum is its total where the table's 合计 row states it
    and the notice states none or the same."""
    rows, stated, line = read_allocation(text)
    if not rows:
        return
    notice.parts = rows
    notice.lines = sorted({*notice.lines, *(number for row in rows for number in row.lines)})
    if stated is None:
        return
    if notice.amount is None:
        notice.amount, notice.amount_line = stated, line
    if notice.amount.value == stated.value:
        notice.total_checked = True


def _items_left_unread(text: str, items: list[ListedProject], findings: list[Finding]) -> None:
    last = items[-1]
    lines = text.split("\n")
    after = max(number for item in items for number in [item.line, *item.lines])
    for number, line in enumerate(lines[after:], after + 1):
        # (a list told after 一是, 二是 … whose later group starts again: (二)… / 一是…)
        again = (
            last.style == "run-on"
            and re.match(r"\s*[一二三四五六七八九十]是", line)
            and (find_amounts(line) or re.search("项目|工程", line))
        )
        if again or marker_at_start(line, len(items) + 1, last.style) is not None:
            findings.append(
                Finding(
                    "warning",
                    f"编号列表读到第{len(items)}项为止：其后第{number}行起的编号项未能读出，"
                    "请按原文补录。",
                    number,
                    None,
                    field="rows",
                )
            )
            return
    # A numbered line of the list's style among or after its items that no item took, and
    # that states money (2、其他涉农产业项目(如:高效种植,…),计划安排资金500万元): left out.
    taken = {number for item in items for number in [item.line, *item.lines]}
    first = min(item.line for item in items)
    for number, line in enumerate(lines[first:], first + 1):
        if number in taken or not find_amounts(line):
            continue
        if any(marker_at_start(line, n, last.style) for n in range(1, len(items) + 2)):
            findings.append(
                Finding(
                    "warning",
                    f"第{number}行的编号项未能读出为项目，请对照原文核对是否漏录。",
                    number,
                    None,
                    field="rows",
                )
            )
