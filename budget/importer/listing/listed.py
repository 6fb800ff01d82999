"""What a list reads: the project it names, and the few patterns every reader of lists
shares (a sum, what is no project).

Pure Python, no Django.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...amounts import (
    ParsedAmount,
    find_amounts,
)
from ...normalize import halfwidth
from ..head import organisation
from ..lines import MONEY, SOURCE_OF_MONEY, money

# The verbs that give a fund its money, before its name: 安排…资金, 下达了…资金, 拨付….
GIVES = r"(?:安排|下达|拨付|下拨)"
# A fund's name as a sentence gives it out: its year if it opens with one, then words without
# digits, punctuation or brackets, ending in what kind of money it is (…补助资金, …专项补助,
# …奖补). Every "gives + fund + sum" reader names its fund with it.
FUND_NAME = (
    r"(?:(?:19|20)[0-9]{2}年度?)?[^，,。；;:：()（）《》\s0-9]{2,60}?(?:资金|经费|补助|奖补|补贴)"
)


# The words before a count of projects, the count's own: 项目支出共13个, 项目资金10个 (never
# what a project builds: 项目建设公厕3个). Both readers of such counts (the prose lists', the
# notices' rows check) use it.
PROJECTS_COUNTED_BY = r"项目(?:支出|资金)?(?:共计|共|计|合计|总计)?\s*"


# A place by its name and level: 甲县, 城关镇, 某某街道 (the names of 1 to 8 characters).
PLACE = r"[\u4e00-\u9fff]{1,8}?(?:省|市|州|县|区|旗|镇|乡|街道|村|社区)"


ITEM_AMOUNT = re.compile(
    r"(?:总投资|投资|项目资金|资金|金额|预算)(?:规模)?\s*[:：]?\s*(?=[0-9０-９])"
)


ITEM_UNIT = re.compile(r"(?:实施|责任|建设|项目)单位\s*[:：]")


# An item opening with a project's name as its own sentence: 规模化原料基地建设补助项目。
NAME_SENTENCE = re.compile(r"^(?P<name>[^，,。；;:：]{4,40}(?:项目|工程))。")


@dataclass
class ListedProject:
    name: str
    from_table: bool = False  # a row of a table whose header names its columns
    inferred: bool = False  # a notice's one project, read from its title and prose
    misaligned: bool = False  # a table row whose cells do not line up with its header
    name_column: str = ""  # the column naming it, in a table without a name column (补助内容)
    name_joined: str = ""  # a 项目名称 column joined to it (学校名称 + 项目名称: …小学运动场等)
    row_number: str = ""  # its table row's 序号, as written
    unit_column: str = ""  # the heading of the column its unit is read from (实施单位, 单位)
    unit: str = ""
    amount: ParsedAmount | None = None
    amount_cell: str = ""  # the amount as written, when it could not be read
    content: list[str] = field(default_factory=list)
    line: int = 0  # the input line of its name (1-based)
    amount_line: int = 0  # the input line of its amount, when not the name's
    lines: list[int] = field(default_factory=list)  # every input line it took
    style: str = ""  # how a numbered list numbers it (arabic, cnparen …)
    parts: list[ListedProject] = field(default_factory=list)  # a numbered list inside it
    total_checked: bool = False  # its amount is the sum of its parts, as the text states it
    unit_from_total: bool = False  # a bare figure whose unit the text's sum of them gives
    # A guess at how the list splits into projects, said to staff: the heading the item was
    # read under as a group (群众体育), or the item read as a whole over its parts (a fund).
    grouping: str = ""
    # Where its amount was read from words rather than a labelled cell (段落: the sum its
    # paragraph gives it; 说明: the one sum its description states): said to staff.
    amount_read: str = ""


def prose_item(
    name: str, amount: ParsedAmount | None, part: str, line: int, style: str = ""
) -> ListedProject:
    """A project named in a sentence of prose with its one sum (both flagged for staff as
    read from prose), the sentence kept as its content."""
    return ListedProject(
        name=name,
        line=line,
        lines=[line],
        amount=amount,
        amount_line=line,
        style=style,
        inferred=True,
        content=[part.strip(" ；;。")],
    )


def sums_outside(lines: list[str], taken: set[int]) -> list[ParsedAmount]:
    """The sums ``lines`` state outside the lines in ``taken`` (1-based): where a list's total
    is said apart from its items (下达…资金210万元 above 甲镇70万元、…)."""
    return [
        amount
        for number, line in enumerate(lines, 1)
        if number not in taken
        for amount in find_amounts(line)
    ]


# A fund named by the level whose money it is (省级财政扶贫专项资金, 县级财政配套扶贫专项资金,
# 中央福彩公益金): where money comes from, in whole names (fullmatch). Unlike SOURCE_OF_MONEY it
# takes 专项 (…专项资金), as names of a level's funds are written.
LEVEL_FUND = re.compile(
    r"(?:中央|省|市|县|区|上级|本级)级?(?:财政)?[\u4e00-\u9fff]{0,14}?(?:资金|拨款|公益金|基金)"
)


# The classes a budget's spending is set out by, by function (政府收支分类: 教育支出, 社会保障和就业
# 支出…) or by kind (工资福利支出, 商品和服务支出…): never projects.
SPENDING_CLASS = re.compile(
    r"(?:一般公共服务|外交|国防|公共安全|教育|干部教育|科学技术|文化旅游体育与传媒|文化体育与传媒"
    r"|社会保障和就业|卫生健康|医疗卫生(?:与计划生育)?|节能环保|城乡社区|农林水|交通运输"
    r"|资源勘探(?:工业)?信息等|商业服务业等|金融|自然资源海洋气象等|住房保障|粮油物资储备"
    r"|灾害防治及应急管理|工资福利|商品和服务|对个人和家庭的补助|基本|人员|公用)支出"
)
# … and, with them, the items of a class (行政运行, 一般行政管理事务), its two halves (基本支出,
# 项目支出), a function named without 支出 (农林水 148万元) and what running costs are spent on
# (办公费, 差旅费, 公用经费): never a project, nor a part of one.
BUDGET_CLASS = (
    rf"{SPENDING_CLASS.pattern.removesuffix('支出')}(?:支出)?|项目支出|行政运行|一般行政管理事务"
    r"|机关服务|事业运行|人员经费|(?:日常)?公用经费|工会经费|福利费|公务接待费|公务用车运行维护费"
    r"|(?:办公|差旅|会议|培训|印刷|水电|邮电|物业管理|维修(?:护)?|租赁|劳务|委托业务|咨询|手续)费"
)
# A count of the projects a text gives money to, never of the places or people they are in
# (资助了148个社会福利和社会公益类项目, 4个省重点项目; not 15个乡镇的农村道路项目).
COUNT_OF_PROJECTS = (
    r"(?P<n>[0-9]{1,4}|[一二三四五六七八九十两]{1,3})\s*个"
    r"(?![村镇乡县区户人家所座])[^，,。；;:：0-9的]{0,16}?项目"
)
# What an item names when it is a source of money or a period, not a project (中央财政衔接资金
# 300万元, 县级配套资金, 一季度支出120万元).
NOT_A_PROJECT = re.compile(
    rf"^{SOURCE_OF_MONEY}$|^财政[^项对]*(?:资金|拨款|补助)$"
    r"|^(?:[一二三四1-4]季度|上半年|下半年|全年|[0-9]{1,2}月)"
    r"|(?:资金来源|支出情况|执行情况)$"
    # (a budget's spending classes, which hold its running costs and its projects alike:
    # 1.行政运行3825.86万元, 2.一般行政管理事务27981.4万元)
    rf"|^(?:{BUDGET_CLASS})$"
)


# A report's heading, naming no project: 三、绩效目标自评完成情况分析, 四、存在的问题及改进措施.
REPORT_HEADING = re.compile(r"(?:分析|情况|说明|概述|结果|措施|建议|做法|经验|问题)$")


# A share of a fund kept or passed on, not spent on a project: 区本级留用, 分配街镇, 上解市级.
SHARE_OF_MONEY = re.compile(
    r"^.{0,6}(?:本级)?留用(?!地)"
    r"|^(?:分配|下拨|下达|切块)(?:给|到|至)?各?(?:街镇|镇街|乡镇|街道|县区|区县|县市区)"
    r"|^上解|^(?:上年)?结[转余]|^各(?:街镇|镇街|乡镇|街道|县区|区县|县市区|村)$"
    # (the fund named first: 中央福利彩票公益金上年结转, …公益金本年下达)
    r"|(?:资金|公益金|经费)(?:上年|本年|当年)?(?:结转|结余|下达|留用)$"
)


# The words a project's short name ends with; any other short name (购置缝纫机, 葡萄架搭建)
# is one when its description states its money.
PROJECT_WORD = re.compile(
    r"(?:项目|建设|工程|补助|养殖|种植|改造|提升|扶持|奖补|培训|服务|设施|经费)$"
)


# Who an item's words say carry it out: 该项目由市交发集团作为业主; 以上9个项目由市公路事业
# 发展中心组织实施; 由坛洛镇牵头实施.
_CARRIED_OUT_BY = re.compile(
    r"由(?P<unit>[^，,。；;、:：由]{2,30}?)(?:作为(?:项目)?业主|(?:牵头|负责)*(?:组织)?实施)"
)
# The same, said of every project a list sets out (以上项目由凤屯镇人民政府组织实施); never of
# every town at once (各乡镇人民政府).
_ALL_CARRIED_OUT_BY = re.compile(
    r"(?:以上|上述)(?:[0-9]{1,3}|[一二三四五六七八九十两]{1,3})?个?项目均?(?=由(?!各))"
)


def all_carried_out_by(text: str) -> tuple[str, int, str] | None:
    """(the unit, its line, the words) where a sentence after a list names one unit as
    carrying out all its projects; else None."""
    for number, line in enumerate(text.split("\n"), 1):
        normal = halfwidth(line)
        for said in _ALL_CARRIED_OUT_BY.finditer(normal):
            by = _CARRIED_OUT_BY.match(normal, said.end())
            if by and (unit := organisation(by.group("unit"))):
                return unit, number, normal[said.start() : by.end()]
    return None


def unit_said(item: ListedProject, words: str) -> None:
    """``item``'s unit, where ``words`` (its own) say who carries it out: a unit's name,
    flagged as read from prose (``unit_column`` 正文)."""
    said = _CARRIED_OUT_BY.search(halfwidth(words))
    if said is not None and not item.unit and (unit := organisation(said.group("unit"))):
        item.unit, item.unit_column = unit, "正文"


def named_by_the_fund_given(item: ListedProject, words: str) -> None:
    """An item whose name opens with what it acts under is named by the fund its ``words``
    give with its sum (一、根据《…实施方案》(…)的任务要求,下达该年度第七期和美乡村建设资金
    164.3208万元,用于… → 第七期和美乡村建设资金), where that sum is the item's."""
    if item.amount is None or not BASIS_FIRST.match(item.name):
        return
    item.name = fund_given(words, item.amount) or item.name


def fund_given(words: str, amount: ParsedAmount) -> str | None:
    """The fund ``words`` give, pay or hand out with ``amount`` (下达该年度第七期和美乡村建设资金
    164.3208万元; 共为432名…人员发放岗位补贴87.41万元 → 岗位补贴); None."""
    for given in _GIVEN_ITEM.finditer(halfwidth(words)):
        if money(given).value == amount.value:
            return given["name"]
    return None


# What opens words that say what they act under, not what they are: 根据…, 为进一步….
BASIS_FIRST = re.compile(r"^\s*(?:根据|按照|依据|依照|为(?:进一步|了|切实|贯彻))")
_GIVEN_ITEM = re.compile(
    rf"(?:{GIVES}|补助|发放|兑付|兑现)(?:该年度|本年度|年度)?"
    rf"(?P<name>{FUND_NAME})\s*{MONEY}"
)
