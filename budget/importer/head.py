"""The document's head and foot: its title lines, own number, department (labelled, issuing,
signing, publishing), region, year and publication date."""

from __future__ import annotations

import difflib
import hashlib
import itertools
import re
from datetime import date

from ..normalize import blank_titles, halfwidth, squash
from . import outline as o
from .nodes import Finding, trimmed
from .numbering import LIST_MARKER
from .tables import CELL_LABELS, DEPARTMENT_END, ORGANISATION_END

YEAR = re.compile(r"(?P<year>(?:19|20)[0-9]{2})\s*年")


# A year the budget is for: not a date (2023年9月开工), nor a cited document's (《…2017年度…》).
# Not a date (2023年9月), nor the end of a span of years (2021-2022年冬春): which of its years
# is the budget's the title does not say.
# Nor one of several listed (2020年、2022年、2023年…).
_BUDGET_YEAR = re.compile(
    r"(?<![0-9][-—~至到])(?<![0-9]年[-—~至到、，,和及])(?<![0-9]年度[、，,和及])"
    r"(?P<year>(?:19|20)[0-9]{2})\s*年"
    r"(?!\s*[0-9]{1,2}\s*月)(?!度?\s*[-—~至到、，,和及]\s*(?:19|20)[0-9]{2})"
)


def title_year(title: str) -> re.Match | None:
    """The first year a title names for its budget: not one inside a document it cites, nor a
    date; compared by position with ``YEAR``'s."""
    normal = blank_titles(title)
    found = _BUDGET_YEAR.search(normal)
    return YEAR.search(halfwidth(title), found.start()) if found else None


_REGION = re.compile(r"([\u4e00-\u9fff]{2,8}?(?:自治州|自治县|省|市|县|区|州|旗))")


def slug(name: str) -> str:
    return "dept-" + hashlib.sha256(name.encode("utf-8")).hexdigest()[:10]


def short_name(name: str) -> str:
    return name[2:] if name.startswith("中共") and len(name) > 4 else name


# A unit's name opening with its place: 魏县…, 兴安盟…, 南岳镇人民政府 (but 乡村振兴局 and
# 区交通委 name none).
_PLACE_FIRST = re.compile(
    r"^[\u4e00-\u9fff]县|^[\u4e00-\u9fff]{2,8}?(?:自治州|自治县|省|市|县|区|州|旗|盟)"
    r"|^[\u4e00-\u9fff]{2,8}?(?:镇|乡|街道)(?:人民政府|政府|办事处|$)"
)


def short_department(name: str, findings: list) -> None:
    """A department named without its place (教育局, 区交通委: a page's short name for its
    publisher) is kept as written, and staff are told its place is not stated."""
    if _PLACE_FIRST.match(name.removeprefix("中共")):
        return
    findings.append(
        Finding(
            "warning",
            f"预算单位“{name}”没有写明所属地区（可能是简称），请核对并填写全称。",
            field="department",
        )
    )


def region(name: str) -> list[str]:
    found = _REGION.findall(name.removeprefix("中共"))
    return found[:3] or ["未注明地区"]


_BARE_RECORD_LABEL = (
    r"^\s*(?:索\s*引\s*号|(?:主题|体裁|组配)分类|发文日期|发布日期|成文日期|发布机构|发文机关|"
    r"文\s*号|发文字号|公开方式|公开范围|信息来源)\s*$"
)
# The types of file a document site names after a file's name (…绩效评价报告.doc).
_FILE_TYPES = r"docx?|pdf|xlsx?|wps|txt"
_NOT_TITLE = re.compile(
    r"^(?:(?:金额|计量)?单位\s*[:：]|附件\s*[0-9一二三四五六七八九十]*\s*$|附表)"
    # A web page's record of the document (索引号, 发文机关, 成文日期 …) is not its title:
    # its dates are when it was written or published, not the year it budgets for.
    # (a page's list of them set out with bullets: - 索 引 号: …, - 备注/文号: …)
    r"|^\s*(?:[-*•·]\s*)?[\[【]?\s*(?:索\s*引\s*号|(?:主题|组配|体裁|信息)?分\s*类|发文机[关构]|发布机构|"
    r"备注\s*/\s*文\s*号|项目(?:代码|编码)|"
    r"成文日期|发[布文]日期|发布时间|发布文号|主题导航|发布单位|公开主体|生效日期|失效日期|公文时效|更新时间|发文字号|文\s*号|(?:信息)?有\s*效\s*性|公开方式|公开形式|公开责任部门|公开范围|"
    r"公开目录|公开日期|著录日期|主\s*题\s*词|关\s*键\s*词|服务对象|信息来源|(?:本文)?来\s*源|作\s*者|浏览次数|访问次数|"
    r"点击数|责任编辑|字\s*号|日\s*期|时\s*间)"
    r"\s*[\]】]?\s*[:：|]"
    # (索 引 号 LY00106-…, 发布机构 龙岩市…: the record's label and value set apart by spaces
    # alone; 标 题: the page's own field, the title itself on a line of its own below)
    r"|^\s*(?:[-*•·]\s*)?(?:索\s*引\s*号|文\s*号|发布机构|发文机关|(?:主题|体裁|组配)分类|成文日期|"
    r"公文生成日期|公开范围|公开方式|著录日期|生效日期|失效日期|主\s*题\s*词)\s+\S"
    r"|^\s*(?:[-*•·]\s*)?(?:公文生成日期|标\s*题)\s*[:：]"
    # (a record's label alone on its line, its value on the next: 索引号 / -2017-00206)
    rf"|{_BARE_RECORD_LABEL}"
    # (or glued to its value, the record's rows apart by dashes: 索引号000014348/2021-02384 /
    # - / 发布机构泸西县财政局 / - / 发布日期2021-08-24 / - / 时效性有效)
    r"|^\s*(?:索\s*引\s*号\s*[A-Za-z0-9]|(?:发布机构|发文机关)(?=[\u4e00-\u9fff]{4})"
    r"|(?:发[布文]|成文)日期\s*(?:19|20)[0-9]{2}|时效性|有效性|发文字号(?=\S)|主题分类(?=\S))"
    r"|^\s*[-—－]\s*$"
    # (a record's index number on a line of its own: K0002-0702-2023-116)
    r"|^\s*[A-Z0-9]{2,}(?:[-/][A-Z0-9]{2,}){2,}\s*$"
    # (a page's record set out with bullets and no labels: - 罗平县农业农村局 / - 2021-06-21)
    r"|^\s*[-•·]\s+\S"
    # (who wrote the page, credited in brackets: (市财政局供稿))
    r"|^\s*[(（][^()（）]{2,20}(?:供稿|供图|来稿)[)）]\s*$"
    # (a document site's chrome around a file it shows: 第1页 / 共5页, …报告.doc_第2页, 文档简介,
    # 资源描述, 返回 相关 举报, 亲,该文档总共5页…)
    r"|^\s*第\s*[0-9]+\s*页\s*[/／]\s*共\s*[0-9]+\s*页\s*$"
    rf"|^.*\.(?:{_FILE_TYPES})_第\s*[0-9]+\s*页\s*$"
    r"|^\s*(?:文档简介|资源描述|文档描述|内容简介|返回\s*相关\s*举报|亲[,，]该文档)"
    # (a part of a document, on a line of its own above its title: 第一部分)
    r"|^\s*第[一二三四五六七八九十0-9]{1,3}部分\s*$"
    # (a page's text size buttons, a line each after 字号:[ : 大 / 中 / 小 / ])
    r"|^\s*[\[【]?\s*[大中小]?\s*[\]】]?\s*$"
    # (the page's place on its site: 首页 > 历史专题 > 脱贫攻坚工作专栏; 当前位置: 首页 > …)
    # (or 频道首页 > 财经四川 > 正文)
    r"|^\s*(?:[\u4e00-\u9fff]{0,4}首页\s*[>＞»›]|(?:当前|您的|您现在的|你的)(?:所在)?位置\s*[:：])"
)


_TITLE_TAIL = re.compile(
    r"(?:部门|单位)?(?:预算|决算)?(?:重点领域|重点项目|财政项目|项目文本|项目支出|预算项目).*$"
)


_DECIMAL = re.compile(r"\s*[0-9]+\.[0-9]")  # 1.5万亩…项目公示 opens with a figure, no marker
_RECORD_AFTER_TITLE = re.compile(
    r"\s+(?:发布日期|发布时间|信息来源|来源|作者|审核|浏览次数|时间)\s*[:：]"
)


# A table's unit on a line with whose table it is: 蜀山区市监局 单位:万元.
_UNIT_LINE = re.compile(r"[\u4e00-\u9fff]{0,12}\s*单位\s*[:：]\s*(?:万元|元|亿元)\s*")


# A line that is a date and time alone: when a page was published, not its title.
_DATED = re.compile(
    # (after the paper or site it is from: 芜湖日报 2019-03-22 01:18)
    r"^\s*(?:[\u4e00-\u9fff]{2,10}(?:日报|晚报|报|网)\s+)?"
    r"(?:(?:19|20)[0-9]{2}\s*[-/.年]\s*[0-9]{1,2}\s*[-/.月]\s*[0-9]{1,2}\s*日?"
    # (or the day first: 18.02.2017  20:33)
    r"|[0-9]{1,2}\.[0-9]{1,2}\.(?:19|20)[0-9]{2})"
    r"(?:\s*[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)?"
    # (and the site after a bar: 2013年08月23日10:01 | 中国发展门户网 www.chinagate.cn |; or
    # the publisher after a space: 2016-09-19 10:33:19 兴业县人民政府)
    r"(?:[\s|｜]*$|\s*[|｜].*$|\s+[\u4e00-\u9fff]{2,24}$)"
)


# A file's type after its name, where a document site shows the file: …报告.doc.
_FILE_TYPE = re.compile(rf"\.(?:{_FILE_TYPES})\s*$", re.I)


# The page's own title field: 标题: 海南省财政厅关于下达…的通知.
# (or in a row of the page's record between bars: 信息名称 | 2022年四好农村路项目 | 内容概述 | …)
_TITLE_FIELD = re.compile(
    r"^\s*标\s*题\s*[:：]\s*(?P<value>\S.{3,})$"
    r"|^\s*(?:[-*•·]\s*)?信息名称\s*[:：|｜]\s*(?P<named>[^|｜]{4,80}?)\s*(?:[|｜]|$)"
    # (or glued to its label in a record printed without its ruling: 标题长治市…的函)
    r"|^\s*标题(?P<glued>[^\s:：|｜][^|｜]{5,}?)\s*$"
)


# A record's label alone on its line, its value below: • 公开主体:
_LABEL_ALONE = re.compile(
    rf"^[•·\s\[【]*[\u4e00-\u9fff ]{{2,8}}[\]】]?\s*[:：]$|{_BARE_RECORD_LABEL}"
)


# How a whole title ends: …的通知, …的批复, …的公示.
_TITLE_DONE = re.compile(r"的(?:通知|公告|公示|批复|请示|报告|函|意见|决定)$")


def a_sentence(title: str) -> bool:
    """Whether a text's first line, taken for its title, is a sentence of its body: long and
    with a sentence's stops, or closed by a full stop (9月7日,我处…召开…大会,针对…进行了现场
    分红。)."""
    return bool(re.search(r"[。，,；;]", title)) and (
        len(title) > 60 or title.rstrip().endswith(("。", "；", ";"))
    )


def _said_again(first: str, second: str) -> bool:
    """Whether ``second`` is ``first`` said again with a few characters lost or changed (…森林
    城镇(村庄)…的通知 / …森林城村庄)…的通知): as long within a tenth, nine in ten of its
    characters in order in the other. A fuller title below a short one is no repeat."""
    if abs(len(first) - len(second)) * 10 > max(len(first), len(second)):
        return False
    shared = difflib.SequenceMatcher(None, first, second, autojunk=False)
    return sum(block.size for block in shared.get_matching_blocks()) * 10 >= 9 * min(
        len(first), len(second)
    )


def split_title(lines: list[o.Line]) -> tuple[list[o.Line], list[o.Line]]:
    """(the title's lines, the other lines before the first project).

    The title is the run of short lines at the top (a title may wrap: 中共澄江市委组织部2024年
    预算重点领域 / 财政项目文本公开); 单位：万元, 附件1 are not part of it, and neither is
    anything from the first sentence on (根据…，现将…公开如下：).
    """
    title: list[o.Line] = []
    other: list[o.Line] = []
    stopped = False
    label_alone = False  # a record's label whose value is on the next line (公开主体: / 区民政局)
    for index, line in enumerate(lines):
        text = line.text.strip()
        labelled = _TITLE_FIELD.match(text)
        if labelled and not title and not stopped:
            # The page's 标题: field holds the title (said again below, it is not taken twice).
            value = (
                labelled.group("value") or labelled.group("named") or labelled.group("glued")
            ).strip(" |｜")
            if value:
                start = line.text.index(value)
                title.append(o.Line(line.number, line.text[start : start + len(value)]))
                continue
        if _OWN_NUMBER.match(halfwidth(text)):
            # the notice's own number below its title (天市水案发〔2025〕7号), or above the body
            # of a page stored without one: never a title
            other.append(line)
            continue
        if _NOT_TITLE.match(text) or (label_alone and text):
            other.append(line)
            label_alone = bool(_NOT_TITLE.match(text)) and bool(_LABEL_ALONE.match(text))
            continue
        # A numbered line (一、2015年未使用…) is the body begun: a page without its title.
        # A line ending in a colon is the body begun, even at the top: the addressee (各乡(镇)
        # 人民政府:) of a page stored without its title, not a sentence (现将2025年…公示如下:).
        if (
            stopped
            # (a table's first heading, 序号 | 项目名称 …, is the table begun; so are its
            # caption, 表十二、…, and its unit after its issuer, 蜀山区市监局 单位:万元)
            or re.match(r"^(?:序号|编号)(?:\s|[|｜]|$)", text)
            or (title and re.match(r"^表\s*[一二三四五六七八九十0-9]+\s*[、.．]", text))
            or (title and _UNIT_LINE.fullmatch(text))
            or (LIST_MARKER.match(halfwidth(text)) and not _DECIMAL.match(halfwidth(text)))
            or (text.endswith(("：", ":")) and not re.search(r"[0-9０-９]|如下", text))
            or (title and (len(text) > 60 or text.endswith(("。", "：", ":", "；", ";"))))
            # (a title said whole, …的通知, goes no further: the addressee below it may have lost
            # its colon, 闽清县交通运输局; but a letterhead over the title said again is kept)
            or (
                title
                and _TITLE_DONE.search(title[-1].text.strip())
                # (the issuer below it, the page's record after it: 湖南省水利厅  时间:…)
                and organisation(_RECORD_AFTER_TITLE.split(" " + text, maxsplit=1)[0].strip())
                and not any(
                    _TITLE_DONE.search(later.text.strip())
                    for later in [n for n in lines[index + 1 :] if n.text.strip()][:2]
                )
            )
        ):
            stopped = True
            other.append(line)
            continue
        # The page's record on the title's line (…美化工程 发布日期:2022-05-09 信息来源:…)
        # is no part of it.
        record = _RECORD_AFTER_TITLE.search(line.text)
        kept = line.text[: record.start()] if record else line.text
        # (a document site names the file: …绩效评价报告.doc; the title is without its type)
        kept = _FILE_TYPE.sub("", kept)
        if (
            _DATED.match(kept)
            or any(squash(kept) == squash(t.text) for t in title)
            or (
                title
                and _TITLE_DONE.search(title[-1].text.strip())
                and _TITLE_DONE.search(kept)
                and _said_again(squash(title[-1].text), squash(kept))
            )
        ):
            # a date the page was published (2017-01-06 10:00 来源:…), or the title again,
            # however it is said the second time (…森林城镇(村庄)…的通知 / …森林城村庄)…的通知)
            other.append(line)
            continue
        # The issuer above the title, said again at its start (陕西省发展和改革委员会 /
        # 陕西省发展和改革委员会关于…的批复): once.
        said_again = [
            t for t in title if squash(kept).startswith(squash(t.text)) and organisation(t.text)
        ]
        for issuer in said_again:
            title.remove(issuer)
            other.append(issuer)
        title.append(o.Line(line.number, kept) if kept != line.text else line)
    if len("".join(line.text.strip() for line in title)) > 200:
        other = title[1:] + other
        title = title[:1]
    return title, [line for line in lines if line in other]


def issuer_above(title_lines: list[o.Line]) -> str:
    """The issuer on its own line right above a title that starts with 关于 (重庆市荣昌区财政局
    / 关于提前下达…的通知), or the joint issuers a line each above it, or ""."""
    for index, (above, line) in enumerate(itertools.pairwise(title_lines)):
        if line.text.strip().startswith("关于"):
            issuer = organisation(above.text.strip())
            if not issuer:
                return ""
            # Joint issuers, a line each (…农业农村委员会 / …财政局 / 关于…的通知).
            earlier = [line.text for line in title_lines[max(0, index - 3) : index]]
            return "、".join(_joint_issuers(earlier, issuer))
    return ""


def department_in(title: str, year: re.Match | None) -> str:
    """The unit named in the title: the issuer before 关于 (清水县果品产业发展中心关于…的公示);
    before the year (中共澄江市委组织部2024年…), or after it when the year comes first
    (2024年中共澄江市委组织部重点领域…)."""
    issuer = title.split("关于", 1)[0].strip()
    if "关于" in title and organisation(issuer) and not re.search(r"[0-9〔〕]|文件", issuer):
        return issuer
    if year is None:
        return trimmed(_TITLE_TAIL.sub("", title))
    before = trimmed(title[: year.start()])
    if re.search(r"(?:镇|乡|街道)$", before):
        return ""  # 和田市肖尔巴格乡2023年盐碱地改造项目: the place of the works, not who issues
    if len(before) > 1:
        return before
    return trimmed(_TITLE_TAIL.sub("", title[year.end() :]).removeprefix("度"))


_OWN_NUMBER = re.compile(
    # (a space set in it by the letterhead: 武财 行〔2015〕32号)
    r"^\s*(?:发文字号|文号)?[:：\s]*[^\s〔]{1,20}(?:\s[^\s〔]{1,10})?[〔\[(（][0-9]{4}[〕\])）][0-9]+号\s*$"
)


_NUMBER_LABEL = re.compile(
    r"(?:发文字号|文\s*号)\s*[:：|]?\s*(?P<number>[^\s|:：]{2,20}[〔\[(（【][0-9]{4}[〕\])）】][0-9]+号)"
)


_NUMBER_AFTER_TITLE = re.compile(
    r"^(?:关于)?[^《》，,。；;:：]{4,80}?(?:通知|批复|公告|公示|意见|办法|方案|报告|请示|函)\s*"
    r"(?P<number>[^\s〔\[(（【《》0-9]{1,12}[〔\[(（【][0-9]{4}[〕\])）】][0-9]+号)"
    # (the body after it, never more of a forwarded document's title: …的通知吉财社〔2022〕
    # 456号的通知)
    r"(?!\s*(?:的|文件|精神))"
)


_LEADING_NUMBER = re.compile(
    r"^(?P<number>[^\s〔\[(（【《]{2,12}[〔\[(（【][0-9]{4}[〕\])）】][0-9]+号)"
    # (the issuer and its title after it, nothing cited: not 你局报来的…号文件《…》收悉)
    r"(?=[\u4e00-\u9fff][^《》，,。]*关于)"
)


_SUBMITTED = re.compile(
    r"关于(?:报批|报送|上报|呈报|申请审批|申请批复|审批)《([^《》]+)》的(?:请示|报告|函)"
)


def without_leading_number(title: str) -> str:
    """``title`` without the notice's own number run into its start (岳县农联发〔2025〕7号岳阳县
    …关于…的通知 is titled 岳阳县…关于…的通知)."""
    leading = _LEADING_NUMBER.match(halfwidth(title))
    return title[leading.end() :] if leading else title


def own_number(title_lines: list[o.Line], others: list[o.Line] = ()) -> str:
    """The notice's own document number: a line at its head holding nothing else, or a page's
    record of it (文 号: …), among its title's lines or the ``others`` around them; one in
    brackets at the end of its title (…项目资金安排情况公告(卢财预整合【2022】3号)), or one
    its title runs on from. (A line of ``others`` ending in a number in brackets is another
    document: 4.广东省财政厅关于…的通知(粤财建〔2021〕71号), an attachment listed.)"""
    own = []
    title = {line.number for line in title_lines}
    for line in [*title_lines, *others]:
        text = halfwidth(line.text).strip()
        if _OWN_NUMBER.match(text):
            own.append(line.text)
        elif labelled := _NUMBER_LABEL.search(text):
            own.append(labelled.group("number"))  # a page's record: 文 号: 嘉翔府[2015]43号
        elif line.number not in title:
            continue
        elif bracketed := re.search(r"[(（]([^()（）]{4,40}号)[)）]$", text):
            own.append(bracketed.group(1))
        elif leading := _LEADING_NUMBER.match(text):
            # A page's heading run together: 岳县农联发〔2025〕7号岳阳县农业农村局…关于…的通知.
            own.append(leading.group("number"))
        elif trailing := _NUMBER_AFTER_TITLE.match(text):
            # …or the title run on into its number and the body: 关于下达…预算的通知吉财社
            # 〔2022〕456号各市(州)…财政局:…
            own.append(trailing.group("number"))
        # What the text itself submits for approval is its subject, not its basis: 关于报批
        # 《嘉定工业区…可行性研究报告》的请示.
        own += [f"《{title}》" for title in _SUBMITTED.findall(text)]
    return "\n".join(own)


# A budget unit's name may end in 本级 or 部门 (青神县发展和改革局本级, 大英县司法局部门).
_ORGANISATION = re.compile(
    rf"{ORGANISATION_END}(?:本级|本部|部门|机关)?"
    # (with the other name it goes by in brackets: 宁国市文旅局(市广电新闻出版局))
    rf"(?:[(（][^()（）]{{2,20}}{ORGANISATION_END}[)）])?$"
)


_NOT_ORGANISATION = re.compile(
    # 《…》 is a cited document: the unit in its title issued that one, not this. A name masked
    # by the site that copied the page (******人民政府) names no one.
    r"^(?:关于|经|根据|按照|为|对|现将|印发|转发|下达)|[，,。；;：:！？|《》〔〕*＊]"
    # (what a unit does after its name, its 办 no office: 华容县水利局承办2020年…; never an
    # office named 办: 成都市双创办)
    r"|(?:(?<=局|委|厅|院|所|站|会)|(?<=中心|政府|公司))(?:承|主|协|举)办$"
)


_DEPARTMENT_LABEL = re.compile(
    # (at a line's start, maybe a form's numbered field: 二、主管单位:)
    r"(?:^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]\s*)?"
    r"(?:预算单位|(?:项目|地方|县级|市级|区级|省级)?主管(?:部门|单位)|部门名称|单位名称|预算部门"
    # (a form's title row's cell: 2022年度项目支出绩效自评表 | 部门:临沧市永德县明朗中学)
    r"|[^|\n]*表\s*\|\s*部门(?=\s*[:：])"
    # (a form's head: 部门:505_湘西州教育和体育局金额单位:万元)
    r"|部门(?=\s*[:：]\s*[0-9]{2,12}\s*_))"
    # (or a cell's in a row of cells with its code, as a budget system prints it: 项目名称 X
    # 主管部门及代码 404-Y; never a bare 主管部门 mid-row, which may be a level above the unit's)
    r"|(?<=[ \t|｜])(?:主管部门|预算单位|预算部门)(?=\s*及(?:代码|编码)))"
    r"(?:\s*及(?:代码|编码)|名称)?\s*[:：|]?\s*"
    r"(?:[\[［(（]\s*[0-9]+\s*[\]］)）]|[0-9]{2,12}\s*[-－—_](?=[\u4e00-\u9fff]))?\s*"
    r"(?P<value>[^\s|:：]{2,40}?)(?=金额单位|[\s|:：]|$)",
    re.M,
)


_YEAR_LABEL = re.compile(
    r"^\s*(?:(?:预算|项目|申报)?年度\s*[:：|]?\s*(?P<a>(?:19|20)[0-9]{2})\s*年?"
    r"|[（(]\s*(?P<b>(?:19|20)[0-9]{2})\s*年度\s*[）)])"
    # A form's title with its year: 部门预算项目支出绩效自评表(2023年度); 2022年度项目支出
    # 绩效自评表 on a line of its own.
    r"|表\s*[（(]\s*(?P<c>(?:19|20)[0-9]{2})\s*年度\s*[）)]"
    r"|^\s*(?P<d>(?:19|20)[0-9]{2})\s*年度[^，,。；;\n]{0,16}?绩效(?:自评|目标)(?:申报)?表\s*$",
    re.M,
)


def organisation(name: str) -> str:
    """``name`` if it reads as a unit's name (澄江市委组织部, 庄浪县农业农村局), or as units
    issuing jointly, listed with 、 (益阳市财政局 益阳市民政局, 浙江省财政厅浙江省教育厅); "" for
    the first words of a title (关于崇明区……的通知 gives 关于崇明区, no unit)."""
    name = name.strip()
    joint = [part for part in re.split(r"\s+|、", name) if part]
    if len(joint) > 1:
        # Joint issuers, written apart or with 、 (益阳市财政局 益阳市民政局): listed with 、.
        return "、".join(joint) if all(organisation(part) for part in joint) else ""
    if not 2 < len(name) <= 40 or _NOT_ORGANISATION.search(name):
        return ""
    if not _ORGANISATION.search(name):
        return ""
    # Two units of one place run together on a line (浙江省财政厅浙江省教育厅): listed with 、;
    # never a unit and its branch (无锡市公安局无锡新区分局, …交易中心苏州工业园区分中心).
    place = _PLACE.match(name)
    if place is None or _BRANCH.search(name):
        return name
    for end in _UNIT_END.finditer(name, place.end(), len(name) - 4):
        first, second = name[: end.end()], name[end.end() :]
        if second.startswith(place.group()) and organisation(second) == second:
            return f"{first}、{second}"
    return name


_UNIT_END = re.compile(rf"{ORGANISATION_END}")
# The place a unit's name opens with, to its level: 浙江省, 昌宁县, 上海市嘉定区.
_PLACE = re.compile(r"^[\u4e00-\u9fff]{1,8}?(?:省|自治区|市|州|盟|县|区|旗)")
# A branch of a unit, named after its own place: …分局, …分中心, …支队.
_BRANCH = re.compile(r"(?:分局|分中心|分院|分所|分公司|分行|支队|大队|中队|派出所|分会|分部)$")


# The page a text was published on names who published it (信息来源:区卫生健康局,
# 发布机构 | 昌宁县发改局, 来源:区发改局 2021-06-16): the issuing unit at the document's head.
_SITE_LABEL = re.compile(
    r"(?<![\u4e00-\u9fff])(?:(?:信息来源|来源|发布机构|发布单位|发布者|发文机关|发文机构|公开主体|发文单位)"
    r"\s*[:：|]\s*(?:[|｜]\s*)?"
    # (a record set out a bullet a line, its label's value on the next: - 发文机构 / - 隆阳区…)
    r"|(?:^|(?<=\n))[ \t]*[-•·][ \t]*(?:发布机构|发文机关|发文机构|信息来源|公开主体)[ \t]*\n"
    r"[ \t]*[-•·][ \t]*"
    # (a page's record set out with spaces alone: 发布机构 兴庆区住房和城乡建设局 责任部门 …)
    r"|(?<![^\s])(?P<spaced>发布机构|发文机关|公开主体)[ \t\u3000]+"
    # (or glued to it at a line's start: 发布机构泸西县财政局)
    r"|(?:^|(?<=\n))[ \t]*(?:发布机构|发文机关)(?=[\u4e00-\u9fff]{4}))"
    r"(?P<value>[^\s|:：]{2,40})"
)


_SITE_CHROME = re.compile(r"(?:阅读|浏览|字体|点击|发布|日期|时间|次数).*$")


def labelled_department(text: str) -> str:
    """The unit a form names in its 预算单位 / 主管部门 cell (``[077]淮北市文化旅游体育局``,
    ``219-池州市…``: the code goes), or ""."""
    # (of a form's levels, the nearest: 县级主管部门 忠县水利局 over 市级主管部门 重庆市水利局)
    matches = sorted(
        _DEPARTMENT_LABEL.finditer(halfwidth(text)),
        key=lambda m: (
            "省级" in (label := m.group()[: m.start("value") - m.start()]),
            "市级" in label,
        ),
    )
    for match in matches:
        value = text[match.start("value") : match.end("value")]
        # The form's next cell run on after it (…交通运输局资金使用单位阆中市交通运输局).
        glued = _GLUED_CELL.search(value, 2)
        value = organisation(value[: glued.start()] if glued else value)
        if value:
            return value
    return ""


_GLUED_CELL = re.compile("|".join(re.escape(label) for label in CELL_LABELS))


def publishing_department(text: str) -> str:
    """The publisher the page names at its head (信息来源:…, 发布机构 | …, often a short
    name: 区交通委), or ""."""
    normal = halfwidth(text)
    # (a label with its colon first: 信息来源:区湘湖旅游度假区管委会 over 发布机构 湘管委)
    matches = sorted(
        _SITE_LABEL.finditer(normal[:2000]), key=lambda m: m.group("spaced") is not None
    )
    for match in matches:
        value = text[match.start("value") : match.end("value")]
        value = organisation(_SITE_CHROME.sub("", value))
        if value:
            return value
    return ""


DATE_LINE = re.compile(
    r"^\s*(?:(?:19|20)[0-9]{2}\s*年\s*[0-9]{1,2}\s*月(?:\s*[0-9]{1,2}\s*日)?"
    # (its 年月日 lost in copying: 20191227, 2019816)
    r"|(?:19|20)[0-9]{2}[-./][0-9]{1,2}[-./][0-9]{1,2}"
    # (in characters, its 〇 maybe a letter O: 二OO九年六月十八日)
    r"|[一二〇○OＯ零][〇○OＯ零一二三四五六七八九]{3}\s*年\s*[一二三四五六七八九十]{1,3}\s*月"
    r"\s*[一二三四五六七八九十]{1,3}\s*日"
    r"|(?=[0-9]{6,8}\s*$)(?:19|20)[0-9]{2}(?:0?[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01]|[1-9]))\s*$"
)


_MASKED_LEAD = re.compile(r"^\s*[(（]略[)）]\s*")
_RECORD_BULLET = re.compile(r"^\s*[-•·]\s+|(?<=[0-9])\s+[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?\s*$")


def signing_department(text: str) -> str:
    """The unit that signs the text: a line naming one or more units (several apart by
    spaces or 、) right above the date it was issued (遂宁市船山区发展和改革局 / 2022年9月28日),
    as notices end; the first such signature (a later one naming its issuers and more, where
    the first is the page's record), or ""."""
    # (a page's record set out with bullets: - 罗平县农业农村局 / - 2021-06-21 16:37)
    # (or a repost's words masked before the signature: (略) 防城区发展和改革局)
    filled = [
        _MASKED_LEAD.sub("", _RECORD_BULLET.sub("", line)).strip()
        for line in text.split("\n")
        if line.strip()
    ]
    signatures = []
    for index, (line, following) in enumerate(itertools.pairwise(filled)):
        if not DATE_LINE.match(halfwidth(following)) or len(line) > 80:
            continue
        if signed := organisation(line):
            # Joint issuers sign a line each (中共西湖区委宣传部 / 西湖区财政局 / 2022年…).
            signatures.append(_joint_issuers(filled[max(0, index - 3) : index], signed))
    if (
        not signatures
        and filled
        and len(filled) >= 2
        and (last := organisation(filled[-1])) == filled[-1]
        # (under the text's prose, never under a form's label: 主管部门 / 某县教育局)
        and (len(filled[-2]) > 20 or filled[-2].endswith(("。", "日")))
        # (a department's, never a place's alone: 将军营镇)
        and all(re.search(rf"{DEPARTMENT_END}$", part) for part in last.split("、"))
    ):
        # (the last line alone naming the issuers, the date run into the text above it: …
        # 秀屿区财政局2022年2月11日附件… / 莆田市秀屿区民政局、莆田市秀屿区财政局)
        signatures.append(last.split("、"))
    if not signatures:
        return ""
    # A page's record above the text may name one issuer with the date (上海市青浦区文化和旅游局
    # / 2023.03.21) where the text's own signature names it and the others who sign with it.
    fuller = [found for found in signatures[1:] if set(signatures[0]) < set(found)]
    return "、".join(fuller[0] if fuller else signatures[0])


def _joint_issuers(above: list[str], last: str) -> list[str]:
    """``last`` (one issuer's name, or several joined by 、, its start on the line above where
    it wrapped after 暨) and the issuers named a line each right above it (…农业农村委员会 /
    …财政局), each once: a letterhead naming them again (平湖市农业经济局 平湖市财政局 /
    平湖市农业经济局 / 平湖市财政局) adds none."""
    issuers = last.split("、")
    for earlier in reversed(above):
        joined = earlier.strip() + issuers[0]
        if re.fullmatch(r"[\u4e00-\u9fff]{4,30}暨", earlier.strip()) and organisation(joined):
            # One issuer's name wrapped after 暨 (中共…区委农村工作暨 / 实施乡村振兴战略领导
            # 小组办公室).
            issuers[0] = joined
            continue
        issuer = organisation(earlier.strip()) if len(earlier.strip()) <= 40 else ""
        if not issuer:
            break
        new = [part for part in issuer.split("、") if part not in issuers]
        if not new:
            break
        issuers[:0] = new
    return issuers


_STATED_DATE = re.compile(
    r"(?:发布时间|发布日期|发表日期|发表时间|成文日期|公开日期|发文日期|生成日期)\s*[:：|]?\s*"
    r"(?P<y>(?:19|20)[0-9]{2})\s*[-年/.]\s*(?P<m>[0-9]{1,2})\s*[-月/.]\s*(?P<d>[0-9]{1,2})"
)


_SIGNED_DATE = re.compile(
    r"^\s*(?P<y>(?:19|20)[0-9]{2})\s*年\s*(?P<m>[0-9]{1,2})\s*月\s*(?P<d>[0-9]{1,2})\s*日\s*$"
)


def publication_date(text: str) -> tuple[str, int] | None:
    """When the text says it was published: a 发布时间 / 成文日期 label at its head, else the
    date under its signature; as (ISO date, 1-based line), or None. Never the fiscal year,
    save as a flagged guess where a text without years speaks of this year's money (今年…)."""
    lines = text.split("\n")
    for number, line in enumerate(lines[:30], 1):
        match = _STATED_DATE.search(halfwidth(line))
        if match and (stated := _iso(match)):
            return stated, number
    filled = [(n, line.strip()) for n, line in enumerate(lines, 1) if line.strip()]
    for (_, above), (number, line) in itertools.pairwise(filled):
        match = _SIGNED_DATE.match(halfwidth(line))
        if match and organisation(above):
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
    return int(match["a"] or match["b"] or match["c"] or match["d"])
