"""Line items (测算明细) from the content (五) or plan (七) text of a sub-item.

Shapes read (DESIGN §2 and others):

* a marked item that opens with its name and amount: ``①…座谈会经费30万元。``;
* its parts, each with an amount: ``自助餐费1.2万元（60人×100元×2天）；讲课费0.8万元…``,
  ``其中：每人每节慰问金500元，两节计20万元；…`` (children of the item), totals such as
  ``四项合计经费3万元`` skipped;
* factors in prose, kept when their product is the amount: ``推荐30人，每人1000元，需经费3万元``,
  ``计划购买800个，单价19元/个，预算15200元``, ``在职村组干部1563名，按照每人每年260元的标准
  购买，共需支付…406380元``;
* a formula in brackets, closed or not: ``22.8万元（95名×200元/月×12月=22.8万元``;
* counts the words imply, kept like any count only when the product is the amount:
  ``每个月要召开一次…每次2万元，共需24万元`` (12次), ``书记1人，每月每人300元，计3600元`` (12月),
  ``拥晖社区、仪凤社区…溪泉社区…，每个社区10万元`` (6个);
* ``经费8万`` (万 without 元 after a word for money) as 8万元, written ``8万``.

A line is named by the words before its amount, or by what it is paid into
(``划拨60万元到党员关爱基金账户``), or, when its clause only says it costs (``所需费用``), by what
its sentence says it pays for. Each factor is labelled with the words the text gives it, or
its unit's plain name (人数, 单价).

Nothing here corrects a number: amounts are kept as written (``21.4450元``).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from decimal import Decimal

from ..amounts import UNIT_MULTIPLIERS, ParsedAmount, find_amounts
from ..formulas import FormulaError, parse_formula
from ..normalize import halfwidth
from .numbering import chinese_value, split_numbered

_TOTAL_PART = re.compile(r"^[^，,]{0,12}?(?:[两三四五六七八九十\d]+项)?(?:合计|总计|小计)")
_LEADING_VERB = re.compile(
    r"^(?:其中[：:]?|计划|预计|拟|需要|共需|需|支付|预算|安排|用于|购买|购置|采购|发放|划拨|补助|"
    r"共计|合计|计|约|为|的|共)"
)
_PRICE_BEFORE = re.compile(r"(?:每(?![年月季])[^，,；;。]{0,8}|单价[为是]?|标准为?|人均)$")
_NEED_WORDS = re.compile(r"需|预算|安排|共计|合计|计划|申请|拨付|补助|下达|划拨|支付|经费")
# What a count is counted in (211户, 3公里, 2台): the one list for every rule that tells a
# count from a list's number (listing's bare markers: 3千米长的供水主管 opens no item).
COUNT_UNITS = (
    "人次|人|名|个|次|辆|天|月|户|家|所|期|批|场|节|台|套|块|间|项|座|处|份|册|本|件|盒|"
    "公里|千米|km|平方米|立方米|平米|㎡|米|m(?![A-Za-z])|亩|吨|株|头|只|羽|箱|棒|尾|匹|枚|棵|张|把|部|栋|眼|口"
)
_COUNT = re.compile(
    r"(?P<value>[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)(?P<wan>万)?(?P<more>余|多)?"
    rf" ?(?P<unit>{COUNT_UNITS})"  # (a space before the unit: 共 13076.85 亩)
)
_TIME_UNITS = {"天", "月", "节", "期", "年"}
# 每顶, 每盏: a rate's measure word that is not one of COUNT_UNITS (nor a time, nor 元).
_PER_WORD = re.compile(
    rf"(?<=每)(?!(?:{COUNT_UNITS}|[年月日天周季期元万亿一个]))([\u4e00-\u9fff])(?=[0-9]|补|[^\u4e00-\u9fff])"
)
_DAY_OF_MONTH = re.compile(r"[0-9]{1,2}(?:\s*[-—－~～至到]\s*[0-9]{1,2})?日")
_NOTICE_PERIOD = re.compile(r"(?:公示|公告|公开|示期|告期)[^0-9，,。；;]{0,3}$")
_YEAR_OF_MONTHS = "全年月数"  # the label of the 12 months a month's rate implies
_FORMULA_IN_BRACKETS = re.compile(
    r"[（(](?P<body>[^（()）]*?[×xX*✕][^（()）]*?)(?:[）)]|(?=，|；|。|$))"
)
# A formula written before the sum it makes, after = (5次*5000=, 1000种×15元=).
_FORMULA_BEFORE_SUM = re.compile(
    r"(?P<body>[0-9][0-9.]*[^0-9=＝，,。；;:：()（）]{0,4}(?:\s*[×xX*✕]\s*[0-9][0-9.]*"
    r"[^0-9=＝，,。；;:：()（）×xX*✕]{0,4})+)\s*[=＝]\s*$"
)


@dataclass
class Line:
    marker: str
    name: str
    amount: ParsedAmount | None
    source: str
    formula: str = ""
    factors: list[tuple[Decimal, str, str]] = field(default_factory=list)  # value, unit, label
    children: list[Line] = field(default_factory=list)
    siblings: list[Line] = field(default_factory=list)  # unmarked items after a marked one
    partial: bool = False  # the children, after 其中, are only a part of the amount
    product_only: bool = False  # the amount is a stated sum found equal to the product
    row: int | None = None  # the line of the text read (from 0), where a reader says so
    guess: str = ""  # how the line was put together where that is a guess staff must check


@dataclass
class LineResult:
    lines: list[Line]
    declared: ParsedAmount | None = None  # an amount stated for the whole sub-item
    problems: list[str] = field(default_factory=list)


def _mask_quotes(text: str) -> str:
    """``text`` with quoted passages (“…”) blanked out, same length, so quoted standards
    (“每年不少于3000元”) are not read as line items."""
    out = list(text)
    depth = 0
    for index, char in enumerate(text):
        if char == "“":
            depth += 1
        elif char == "”" and depth:
            depth -= 1
            continue
        if depth:
            out[index] = "　"
    return "".join(out)


def _is_price(text: str, amount: ParsedAmount) -> bool:
    if amount.per:
        return True
    clause_start = max(text.rfind(sep, 0, amount.start) for sep in "，,；;。：:")
    before = text[clause_start + 1 : amount.start]
    return bool(_PRICE_BEFORE.search(before)) or bool(
        re.search(r"每(?:人|个|名|次|辆|户|项|月|天)|[人户月]均", before)
    )


_FORMULA_SPAN = re.compile(r"[（(][^（()）]*[×xX*✕][^（()）]*(?:[）)]|$)")


def _mask_formulas(text: str) -> str:
    """``text`` with bracketed calculations blanked out (same length): the amounts in
    ``（300人×400元）`` are factors, not sums."""
    return _FORMULA_SPAN.sub(lambda match: "　" * len(match.group()), text)


# ``经费8万``: 万 without 元 is read as 万元 only right after a word for money, since in
# other prose a number before 万 counts people or things as often (``2万人``, ``共补助74.28万``
# is read by its own sentence, not here).
_BARE_WAN_SUM = re.compile(
    r"(?<=经费|资金|费用|奖金|补贴|基金)(?P<value>[0-9]+(?:\.[0-9]+)?)万(?![元0-9\u4e00-\u9fff])"
)


def bare_wan_amounts(text: str) -> list[ParsedAmount]:
    """``经费8万``, ``专项资金2万``: amounts written with 万 and no 元 right after a word for
    money and before punctuation or the end; the text is kept as written (``8万``)."""
    normal = halfwidth(text)
    return [
        ParsedAmount(
            value=Decimal(match.group("value")) * 10_000,
            unit="万元",
            text=text[match.start() : match.end()],
            start=match.start(),
            end=match.end(),
        )
        for match in _BARE_WAN_SUM.finditer(normal)
    ]


def find_sums_and_prices(text: str) -> list[ParsedAmount]:
    """Every amount of ``text`` (:func:`budget.amounts.find_amounts`) and ``经费8万``, in order."""
    found = find_amounts(text)
    taken = [(a.start, a.end) for a in found]
    for amount in bare_wan_amounts(text):
        if not any(start < amount.end and amount.start < end for start, end in taken):
            found.append(amount)
    return sorted(found, key=lambda a: a.start)


def _sums(text: str) -> list[ParsedAmount]:
    """The amounts of ``text`` that are sums: not prices nor bounds (不超过50万元), not in
    quotes or calculations."""
    masked = _mask_formulas(_mask_quotes(text))
    return [
        a
        for a in find_sums_and_prices(masked)
        if not _is_price(text, a) and not _BOUND_BEFORE.search(text[max(0, a.start - 10) : a.start])
    ]


_GENERIC_NAME = re.compile(
    r"^(?:需要|共需|需|所需|预算|安排|共计|合计|总计|计|共)*"
    r"(?:资金|经费|费用|金额|预算|合计|总计|共计|资金总额)?$"
)
_PER_PREFIX = re.compile(r"^(?:每[人个名项次节年月天]){1,3}")
_DONE_PREFIX = re.compile(r"^.*?(?:未支付|实时支付)")
_SKIP_CLAUSE = re.compile(r"^(?:每|按照|按|根据|依据|用于|单价|从|为|在|对|经|通过)")
_YEARS_PREFIX = re.compile(r"^(?:[0-9]{4}[、，,和至—-]?)+年度?")
_TRAILING_TOTAL = re.compile(r"(?:按照?[^，,]{0,6}?)?(?:合计|共计|总计|小计|计)$")
_NAME_CUT = re.compile(r"(?:[0-9]|两节|两项|按照|按每|每人|每个|每名|标准|全年|是一次性)")


def _worth_a_name(text: str) -> bool:
    return len(text) >= 2 and not _GENERIC_NAME.match(text)


def _clean_name(raw: str) -> str:
    """A line's name from the words before its amount: verbs, counts and prices cut off."""
    name = raw.strip(" ，,；;。：:、\n")
    # Verbs before the name go (需预算、共需支付), but not into the name: 需购置费 → 购置费.
    while (verb := _LEADING_VERB.match(name)) and _worth_a_name(name[verb.end() :]):
        name = name[verb.end() :]
    name = _PER_PREFIX.sub("", name)
    if _DONE_PREFIX.match(name) and len(_DONE_PREFIX.sub("", name)) >= 2:
        name = _DONE_PREFIX.sub("", name)
    name = _YEARS_PREFIX.sub("", name)
    cut = _NAME_CUT.search(name)
    if cut:
        name = name[: cut.start()]
    name = _TRAILING_TOTAL.sub("", name.strip(" ，,；;。：:、的"))
    name = collapse_enumeration(name.strip(" ，,；;。：:、的"))
    if len(name) < 2 or _GENERIC_NAME.match(name) or _VERB_ONLY.match(name):
        return ""
    return name


# A verb is not a name: 共需支付…元 is named by what it pays for, not 支付.
_VERB_ONLY = re.compile(r"^(?:支付|发放|补助|拨付|划拨|购买|购置|采购|引进|开展|实施|投入|下达)$")
_HALF_STOP = re.compile(r"(?<=[\u4e00-\u9fff）)”」])\.(?![0-9])")


def sentence_stops(text: str) -> str:
    """``text`` with a half-width full stop after a Chinese character read as 。 (same
    length): ``农村公路日常养护.全市…`` is two sentences, ``15.45万元`` stays a number."""
    return _HALF_STOP.sub("。", text)


def collapse_enumeration(name: str) -> str:
    """A name that opens with three or more names ending alike, listed with 、, keeps what
    they share: ``拥晖社区、仪凤社区、溪泉社区服务群众专项经费补助`` → 社区服务群众专项经费补助
    (the names stay in the text and in the count's label)."""
    *items, last = name.split("、")
    if len(items) < 2 or any(not item for item in items):
        return name
    shared = items[0]
    for item in items[1:]:
        while shared and not item.endswith(shared):
            shared = shared[1:]
    if len(shared) < 2 or not all(item.endswith(shared) for item in items):
        return name
    at = last.find(shared)
    if at < 0 or len(last) - at - len(shared) < 2:
        return name
    return last[at:]


# 划拨60万元到党员关爱基金账户: what the sum goes to names it.
_TRANSFER_VERB = re.compile(r"(?:划拨|拨付|拨入|转入|划转|存入|注入|拨)$")
_DESTINATION = re.compile(
    r"^(?:到|至|给|入|进)(?P<name>[^，,。；;、]{2,30}?)(?:的)?(?:账户|专户|账号|户头)?(?=[，,。；;]|$)"
)
# The words of a clause that say only "it costs" (所需费用, 共计需要, 引进费用, 共计发放).
_COST_CLAUSE = re.compile(
    r"^(?:共计|合计|总计|共|计)?(?:需要|共需|所需|需)?(?:发放|支付|拨付|投入|安排|引进|开展|实施)?"
    r"(?:费用|经费|资金)?$"
)


def destination_name(text: str, amount: ParsedAmount) -> str:
    """The name of a sum paid into something: ``每年划拨60万元到党员关爱基金账户`` →
    党员关爱基金; "" when the words before the sum are not a transfer."""
    if not _TRANSFER_VERB.search(text[: amount.start].rstrip()):
        return ""
    found = _DESTINATION.match(text[amount.end :])
    return found.group("name").strip() if found else ""


def _paid_for(text: str, amount: ParsedAmount, stop: int, clause_start: int) -> str:
    """When the clause of a sum only says it costs (引进10名高层次教育人才，引进费用95万元),
    what the sentence says before it: the nearest clause that prices a thing (引进人员租房补贴
    按照每人…1.2万元 → 引进人员租房补贴), else the clauses before, as written."""
    before = text[stop + 1 : clause_start]
    clauses = [c for c in re.split(r"[，,]", before) if c.strip()]
    for clause in reversed(clauses):
        if _SKIP_CLAUSE.match(clause.strip()):
            continue  # 每个社区10万元, 按照每人…: a standard, not a thing
        prices = [a for a in find_amounts(clause) if _is_price(clause, a)]
        if prices:
            name = _clean_name(clause[: prices[0].start])
            if name:
                return name
    written = before.strip(" ，,：:\n")
    if 2 <= len(written) <= 80 and not find_amounts(written) and not _SKIP_CLAUSE.match(written):
        return written
    return ""


def _named_by_sentence(text: str, amount: ParsedAmount) -> str:
    """What the sum is paid into (:func:`destination_name`), or, when its own clause only
    says it costs, what its sentence says it pays for (:func:`_paid_for`); else ""."""
    destination = destination_name(text, amount)
    if destination:
        return destination
    stop = max(text.rfind(sep, 0, amount.start) for sep in "。；;\n")
    own_start = max(max(text.rfind(sep, 0, amount.start) for sep in "，,：:。；;\n"), stop)
    own = text[own_start + 1 : amount.start].strip()
    if own and _COST_CLAUSE.match(own) and own_start > stop:
        return _paid_for(text, amount, stop, own_start)
    return ""


def _name_before(text: str, amount: ParsedAmount) -> str:
    """The name of the sum at ``amount``: what it is paid into, its own clause, what the
    sentence says it pays for, else the clauses before it."""
    named = _named_by_sentence(text, amount)
    if named:
        return named
    end = amount.start
    stop = max(text.rfind(sep, 0, amount.start) for sep in "。；;\n")
    while end > stop:
        clause_start = max(text.rfind(sep, 0, end) for sep in "，,：:。；;\n")
        clause_start = max(clause_start, stop)
        clause = text[clause_start + 1 : end].strip()
        name = "" if _SKIP_CLAUSE.match(clause) else _clean_name(clause)
        if name:
            return name
        end = clause_start
    return ""


def _clause_before(text: str, position: int) -> str:
    start = max(text.rfind(sep, 0, position) for sep in "，,：:。；;\n")
    return text[start + 1 : position]


def _factors_from_formula(body: str) -> tuple[str, list[tuple[Decimal, str, str]]]:
    formula = re.split(r"[=＝]", body)[0].strip()
    try:
        parsed = parse_formula(formula)
    except FormulaError:
        return "", []
    return formula, [
        (factor.value, factor.unit, unit_label(factor.unit, price=factor.unit.startswith("元")))
        for factor in parsed.factors
    ]


_CN_COUNT = re.compile(r"(?P<value>[两二三四五六七八九十])(?P<unit>节|天|次|期|批|年|人|个|项)")

# What a number of a unit is, where the text gives it no words of its own (60人×100元×2天).
_UNIT_LABELS = {
    "人": "人数",
    "名": "人数",
    "人次": "人次",
    "天": "天数",
    "日": "天数",
    "月": "月数",
    "年": "年数",
    "次": "次数",
    "节": "节数",
    "期": "期数",
    "批": "批数",
    "场": "场数",
    "辆": "车辆数",
    "个": "个数",
    "项": "项数",
    "户": "户数",
    "家": "家数",
}


def unit_label(unit: str, *, price: bool = False) -> str:
    """The plain name of a number in ``unit`` (人 → 人数; a price in 元 or 元/个 → 单价)."""
    if price or unit.startswith(("元", "万元", "亿元")):
        return "单价" if "/" in unit or price else "金额"
    return _UNIT_LABELS.get(unit, "数量")


_LABEL_LEAD = re.compile(
    r"^(?:其中[：:]?|按照|按|根据|依据|计划|预计|拟|对|共计|合计|共|需|约|为|的)+"
)
_LABEL_TAIL = re.compile(
    r"(?:的标准|标准为|标准|不少于|不超过|不低于|不高于|约|共|计|为|是|的|达|有)+$"
)
_CLASSIFIERS = {"个", "名", "项", "家", "所", "户", "处", "座", "辆", "台", "套"}
_LABEL_AFTER = re.compile(
    r"^(?!进行|开展|给予|用于|按|每|的|左右|以上)[^，,。；;：:×xX*✕=＝]{1,24}?(?=给予|进行|开展|用于|发放|支付|按照|按|每|[，,。；;：:]|$)"
)


# Words that say what is done, not what is counted or priced (购买800个, 每年遴选5个, 在春节前
# 推荐30人, 每个月要召开一次): a label made of them falls back to the unit's plain name.
_ACTION = re.compile(r"购买|采购|推荐|遴选|召开|举办|开展|组织(?!部)|安排|聘请|邀请|评选|选派")
# A count is never named by a sum of money (餐费180人×50元: the 180 are diners, not 餐费).
_MONEY_NOUN = re.compile(r"(?:费|金|款|资金|经费|费用)$")


def _plausible(label: str, *, price: bool) -> bool:
    if _ACTION.search(label):
        return False
    return price or not _MONEY_NOUN.search(label)


def words_for(text: str, start: int, end: int, *, price: bool = False, unit: str = "") -> str:
    """The label of a number (:func:`_words_for`), unless those words say what is done rather
    than what is counted or priced, or name a sum of money for a count: then the plain name of
    its unit."""
    label = _words_for(text, start, end, price=price, unit=unit)
    if label != unit_label(unit, price=price) and not _plausible(label, price=price):
        return unit_label(unit, price=price)
    return label


def _words_for(text: str, start: int, end: int, *, price: bool = False, unit: str = "") -> str:
    """The words the text gives a number at ``start``…``end``: those before it in its clause
    (``按照在职村组干部1563名`` → 在职村组干部, ``每人每节慰问金500元`` → 每人每节慰问金),
    else the noun after a count (``41个行政村（含村改社区）`` → 行政村（含村改社区）), else the
    plain name of its unit (:func:`unit_label`)."""
    clause_start = max(text.rfind(sep, 0, start) for sep in "，,；;。：:\n")
    # (a bracket still open opens a clause too: 兑现面积65.77万亩(其中地方公益林34.2万亩 → 地方
    # 公益林; not one closed before the number: 三支部（退休党支部）党员9人)
    opened = max(text.rfind(sep, 0, start) for sep in "(（")
    if opened > clause_start and not re.search(r"[)）]", text[opened:start]):
        clause_start = opened
    before = text[clause_start + 1 : start]
    if price and "每" in before:
        # 引进人员租房补贴按照每人最高不超过1.2万元: the price's words start at 每.
        before = before[before.index("每") :]
    # Only the words after another number of the clause: ``2000元×4人`` gives 4人 nothing.
    before = re.split(
        r"[0-9０-９][0-9０-９.．]*\s*(?:年(?:度(?!假))?|[月日]|[^\s，,。；;0-9]{0,2}?[×xX*✕、])|[×xX*✕]",
        before,
    )[-1]
    # 对处级离退休老干部200余人: the words after 对 are what is counted.
    before = re.split(r"(?:对|向)(?=[\u4e00-\u9fff])", before)[-1]
    before = _LABEL_TAIL.sub("", _LABEL_LEAD.sub("", before.strip(" 　，,、"))).strip(" 　，,、")
    thing_after = not price and unit in _CLASSIFIERS and len(before) <= 2
    if len(before) >= 2 and not re.search(r"[0-9]", before) and not thing_after:
        return before[:100]
    if not price:
        after = _LABEL_AFTER.match(text[end:])
        if after and len(after.group().strip()) >= 2 and not re.search(r"[0-9]", after.group()):
            return after.group().strip()[:100]
    if len(before) >= 2 and not re.search(r"[0-9]", before):
        return before[:100]
    return unit_label(unit, price=price)


def _prose_factors(text: str, amount: ParsedAmount, context: str = "") -> tuple[str, list]:
    """Counts and one price in ``text`` whose product is ``amount``: (formula, factors).

    Counts stated earlier in the item (``context``, e.g. ``200余人`` before ``每人每节慰问金
    500元，两节计20万元``) are tried too; a combination is kept only when its product is the
    amount exactly.
    """
    counts = _counts(text)[-_MAX_COUNTS:]
    if context:
        seen = {(value, unit) for value, unit, *_ in counts}
        earlier = [c for c in _counts(context) if (c[0], c[1]) not in seen]
        counts += earlier[-_MAX_CONTEXT_COUNTS:]
    return _search(text, amount, counts)


# Counts a text implies without writing them (each gives (count, unit) per match):
# 每个月召开一次 → 12次, 每季度一次 → 4次; a price by the month with no month count → 12月.
_PER_PERIOD = re.compile(
    r"每个?(?P<period>月|季度?)[^，,。；;0-9]{0,12}?(?P<times>[一两二三四五六七八九十]|[0-9]{1,2})次"
)
_PERIODS_A_YEAR = {"月": 12, "季": 4, "季度": 4}
_MONTHLY_PRICE = re.compile(
    r"(?:每(?:人|名|个)?每?月(?:每(?:人|名|个))?|月人均|月均)[^，,。；;0-9]{0,8}[0-9][0-9.,]*元"
    r"|元/月"
)


def _number(word: str) -> Decimal:
    return Decimal(word) if word.isdigit() else Decimal(chinese_value(word))


def enumeration_before(text: str, noun: str) -> re.Match | None:
    """A list of two or more names ending in ``noun`` joined by 、 (``拥晖社区、仪凤社区、…、
    溪泉社区``), the last one in ``text``; None when there is none."""
    if not noun:
        return None
    item = rf"[^、，,。；;：:\s0-9]{{0,12}}?{re.escape(noun)}"
    found = None
    for match in re.finditer(rf"{item}(?:、{item})+", text):
        found = match
    return found


_PER_NOUN = re.compile(r"每个?(?P<noun>[\u4e00-\u9fff]{1,4}?)(?=[0-9０-９])")
# A bound a count must reach, not a count: 4头(含4头)以上, 4头犊牛以上, 不低于60平方米, ≥1000人.
_THRESHOLD_AFTER = re.compile(
    r"[)）]?(?:[(（][^()（）]{0,8}[)）])?\s*[\u4e00-\u9fff]{0,3}?(?:及|或)?(?:以上|以下|以内)"
)
# Either end of a range (100亩-200亩, 10亩至50亩): a bound, not a count.
_RANGE_AFTER = re.compile(r"\s*[-—~～至到]\s*[0-9]")
_RANGE_BEFORE = re.compile(r"[0-9][\u4e00-\u9fff㎡]{0,3}\s*[-—~～至到]\s*$")
_THRESHOLD_BEFORE = re.compile(
    r"(?:不低于|不少于|不超过|不高于|至少|超过|低于|高于|[≥≤><]|[(（]含)\s*$"
)


def _counts(text: str) -> list[tuple[Decimal, str, int, str]]:
    """(value, unit, where, label) of the counts ``text`` states or implies."""
    normal = halfwidth(text)
    counts = []
    # (and counted in a measure word no list holds where the text's own rate names it:
    # 2000顶,每顶1320元; 3000盏,每盏200元)
    words = "|".join(dict.fromkeys(_PER_WORD.findall(normal)))
    found = _COUNT.finditer(normal)
    if words:
        found = itertools.chain(
            found, re.finditer(_COUNT.pattern.replace(COUNT_UNITS, words), normal)
        )
    for match in found:
        if (
            match.start() > 0
            and (
                normal[match.start() - 1] in "0123456789."
                # the end of a figure written with thousands: 094.15 of 73,094.15
                or normal[max(0, match.start() - 2) : match.start()]
                in {f"{d}," for d in "0123456789"}
            )
        ):
            continue
        after = normal[match.end() : match.end() + 1]
        if match.group("unit") in ("月", "年") and after in ("份", "底", "前", "末", "初"):
            continue
        if match.group("unit") == "月" and _DAY_OF_MONTH.match(normal, match.end()):
            continue  # a date (4月20日, 4月23-31日), no count of months
        if match.group("unit") in ("天", "日") and _NOTICE_PERIOD.search(
            normal[max(0, match.start() - 6) : match.start()]
        ):
            continue  # how long a list is on show (公示7天, 公示期为5天), no count to price
        if (
            _THRESHOLD_AFTER.match(normal, match.end())
            or _THRESHOLD_BEFORE.search(normal[max(0, match.start() - 4) : match.start()])
            or _RANGE_AFTER.match(normal, match.end())
            or _RANGE_BEFORE.search(normal[max(0, match.start() - 12) : match.start()])
        ):
            # 现存栏4头(含4头)以上, 单座面积不低于60平方米, 面积达到100亩-200亩: a bound
            continue
        value = Decimal(match.group("value").replace(",", ""))
        if match.group("wan"):
            value *= 10_000  # 常住人口74.5万人
        unit = match.group("unit")
        label = words_for(text, match.start(), match.end(), unit=unit)
        counts.append((value, unit, match.start(), label))
    has_months = any(unit == "月" for _value, unit, *_ in counts)
    # "每人每月200元，全年计…" or "每月每人300元，计3600元": the year's 12 months are implied
    # (kept only when the product is the amount, like every count).
    monthly = _MONTHLY_PRICE.search(normal)
    if monthly and not has_months:
        where = text.index("全年") if "全年" in text else monthly.start()
        counts.append((Decimal(12), "月", where, _YEAR_OF_MONTHS))
    for match in _PER_PERIOD.finditer(normal):
        per_year = _PERIODS_A_YEAR[match.group("period")]
        counts.append((per_year * _number(match.group("times")), "次", match.start(), "全年次数"))
    # "拥晖社区、仪凤社区…，每个社区10万元": the names listed are the count.
    for per in _PER_NOUN.finditer(text):
        # (a rate by the year too: 图书馆、文化馆、美术馆…每馆每年20万元 counts 馆)
        noun = re.sub(r"每个?[年月]$", "", per.group("noun"))
        listed = enumeration_before(text[: per.start()], noun)
        if listed is not None:
            names = listed.group()
            counts.append((Decimal(names.count("、") + 1), "个", listed.start(), names))
    for match in _CN_COUNT.finditer(text):
        if match.group("unit") in ("节", "天", "次", "期", "批") and text[
            match.end() : match.end() + 1
        ] not in ("前", "后"):
            unit = match.group("unit")
            counts.append(
                (
                    Decimal(chinese_value(match.group("value"))),
                    unit,
                    match.start(),
                    words_for(text, match.start(), match.end(), unit=unit),
                )
            )
    return counts


# The search tries products of up to 3 counts and one price: the nearest few of each are
# enough for real texts and keep a long paragraph of numbers from taking forever.
_MAX_COUNTS = 6
_MAX_CONTEXT_COUNTS = 3
_MAX_PRICES = 4


def _search(text: str, amount: ParsedAmount, counts: list) -> tuple[str, list]:
    prices = [a for a in find_amounts(text) if a.value and _is_price(text, a) and a != amount]
    prices = prices[-_MAX_PRICES:]
    target = amount.value
    for price in prices:
        for size in (1, 2, 3):
            for combo in itertools.combinations(counts, size):
                product = price.value
                for value, *_ in combo:
                    product *= value
                if product != target:
                    continue
                things = [c for c in combo if c[1] not in _TIME_UNITS]
                times = [c for c in combo if c[1] in _TIME_UNITS]
                price_unit = price.unit + (f"/{price.per}" if price.per else "")
                price_value = price.value / (Decimal(10_000) if price.unit == "万元" else 1)
                price_label = words_for(text, price.start, price.end, price=True, unit=price_unit)
                ordered = [(v, u, label) for v, u, _, label in things]
                ordered.append((price_value.normalize(), price_unit, price_label))
                ordered.extend((v, u, label) for v, u, _, label in times)
                if not things:
                    # 书记1人，每月每人300元，计3600元: the one person is a factor too.
                    ones = [c for c in counts if c[0] == 1 and c[1] not in _TIME_UNITS]
                    ordered[:0] = [(v, u, label) for v, u, _, label in ones[:1]]
                formula = "×".join(f"{_plain(v)}{u}" for v, u, _ in ordered)
                return formula, ordered
    return "", []


def _plain(value: Decimal) -> str:
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _parts(text: str) -> list[tuple[int, str]]:
    """Sentences and ；-parts (with their offsets), also split after 其中： and before ，其中."""
    out = []
    start = 0
    for match in re.finditer(r"[；;。\n]|其中[：:]|[，,](?=其中(?![：:]))", text):
        end = match.start() if match.group() in ("；", ";", "。", "\n", "，", ",") else match.end()
        if text[start:end].strip():
            out.append((start, text[start:end]))
        start = match.end()
    if text[start:].strip():
        out.append((start, text[start:]))
    return out


def _line_from_part(part: str, source: str, marker: str = "", context: str = "") -> Line | None:
    sums = _sums(part)
    if not sums or _TOTAL_PART.search(part.strip()):
        return None
    amount = sums[-1]
    first_comma = re.search(r"[，,]", part)
    first_end = first_comma.start() if first_comma else len(part)
    head_sums = [a for a in sums if a.start < first_end]
    if head_sums:
        amount = head_sums[0]
    first_clause = part.strip()[: first_end - (len(part) - len(part.lstrip()))]
    name = "" if head_sums else _named_by_sentence(part, amount)
    if (
        not name
        and not head_sums
        and not re.search(r"[0-9]", first_clause)
        and not _SKIP_CLAUSE.match(first_clause)
        and 2 <= len(first_clause) <= 60
    ):
        name = _clean_name(first_clause)
    name = name or _name_before(part, amount)
    if not name:
        first_clause = re.split(r"[，,]", part.strip(), maxsplit=1)[0]
        name = _clean_name(first_clause)
    line = Line(marker=marker, name=name[:300], amount=amount, source=source)
    line.formula, line.factors = _formula_of(part, amount, part, context)
    return line


def _formula_of(
    text: str, amount: ParsedAmount, sentence: str, context: str = ""
) -> tuple[str, list[tuple[Decimal, str, str]]]:
    """The formula of ``amount`` in ``text`` and its factors: written in brackets right after
    it (2.5万元(5次×5000元)), or before it and = (维修费5次*5000=25000元, 图书20000册×25元=
    50万元), else told in the prose of ``sentence`` (``_prose_factors``)."""
    bracket = _FORMULA_IN_BRACKETS.search(text, amount.end)
    if bracket and bracket.start() - amount.end <= 1:
        found = _factors_from_formula(bracket.group("body"))
        if found[1]:
            return found
    worked = _FORMULA_BEFORE_SUM.search(halfwidth(text[: amount.start]))
    if worked:
        found = _factors_from_formula(worked.group("body"))
        if found[1]:
            return found
    return _prose_factors(sentence, amount, context)


def _split_bracket_items(part: str) -> list[str]:
    """A part listing several ``名称X元（算式）`` items joined by ， is split into them."""
    cuts = [0]
    for match in re.finditer(r"[（(][^（()）]*[×xX*✕][^（()）]*[）)][，,]", part):
        cuts.append(match.end())
    for match in re.finditer(r"万元[（(][^（()），,]*[×xX*✕][^（()）]*?=[^，,]*?[，,]", part):
        cuts.append(match.end())
    cuts = [*sorted(set(cuts)), len(part)]
    pieces = [part[a:b] for a, b in itertools.pairwise(cuts)]
    return [piece for piece in pieces if piece.strip()]


def _segment_lines(text: str, source: str, marker: str) -> Line | None:
    """One marked segment (①…): its head line, its formula or children."""
    parts = _parts(text)
    if not parts:
        return None
    head_offset, head_part = parts[0]
    head = _line_from_part(head_part, source, marker)
    rest = parts[1:]
    if head is not None and head.amount is not None:
        comma = re.search(r"[，,]", head_part)
        in_first_clause = comma is None or head.amount.start < comma.start()
        after = head_offset + head.amount.end
        if not in_first_clause and "其中" not in text[after : after + 4]:
            head.siblings = [
                line
                for _offset, part in rest
                for piece in _split_bracket_items(part)
                if (line := _line_from_part(piece, source)) is not None
            ]
            return head
    if head is None:
        # No amount in the first sentence: the first stated sum of the segment, named by
        # its clause, or by the first clause of the segment.
        masked_sums = [a for a in _sums(text) if _NEED_WORDS.search(_clause_before(text, a.start))]
        if not masked_sums:
            return Line(
                marker=marker,
                name=_clean_name(re.split(r"[，,。；;]", text, maxsplit=1)[0])[:300],
                amount=None,
                source=source,
            )
        amount = masked_sums[0]
        # The clause with the sum, and what follows up to the sentence end.
        name = _name_before(text, amount)
        if not name:
            name = _clean_name(re.split(r"[，,。；;]", text, maxsplit=1)[0])
        head = Line(marker=marker, name=name[:300], amount=amount, source=source)
        sentence_start = max(text.rfind(sep, 0, amount.start) for sep in "。；;\n")
        head.formula, head.factors = _prose_factors(text[sentence_start + 1 : amount.end], amount)
        rest = [(o, p) for o, p in parts if o > amount.end]
        split_at = text.find("其中", amount.end)
        siblings_end = split_at if 0 <= split_at < amount.end + 4 else None
        if siblings_end is None:
            # No 其中 right after the sum: the parts that follow are items of their own.
            head.siblings = [
                line
                for _offset, part in rest
                for piece in _split_bracket_items(part)
                if (line := _line_from_part(piece, source)) is not None
            ]
            return head
    children: list[Line] = []
    for _offset, part in rest:
        for piece in _split_bracket_items(part):
            child = _line_from_part(piece, source, context=text[: text.find(piece)])
            if child is None or child.amount is None:
                continue
            if head.amount is not None and child.amount.value == head.amount.value:
                # The head's own calculation (需经费3万元), not a part of it.
                if not head.factors and child.factors:
                    head.formula, head.factors = child.formula, child.factors
                continue
            children.append(child)
    head.children = children
    head.partial = _one_part(text, head, children)
    return head


def _one_part(text: str, head: Line, children: list[Line]) -> bool:
    """Whether the children are a part of the head, not its breakdown: 其中 and, up to the end
    of its sentence, one sum, smaller than the whole (共补助74.28万，其中玉溪市财政下达的26万).
    Parts that fall short of the whole stay a breakdown, for the checks to flag: they may hold
    a part the reading missed (其中：餐费2万元，场租1万元 read as 餐费 alone)."""
    if len(children) != 1 or head.amount is None or children[0].amount is None:
        return False
    start = text.find("其中")
    if start < 0:
        return False
    end = min((i for i in (text.find(s, start) for s in "。；;\n") if i >= 0), default=len(text))
    return len(_sums(text[start:end])) == 1 and children[0].amount.value < head.amount.value


# A line break that does not follow the end of a sentence is a wrap (texts exported from
# PDF break lines mid-sentence: "购置风力灭火机20\n台").
_WRAP = re.compile(r"(?<![。；;！!？?：:])[ \t]*\n[ \t]*")


_PER_WORD_BEFORE = re.compile(
    r"每(?P<noun>[\u4e00-\u9fff])(?P<then>[\u4e00-\u9fff]?)[^，,；;。0-9]{0,10}$"
)
# An average written for a counted thing (亩均投资1500元, 户均贴息1812.86元, 人均补助300元):
# a rate for that thing, as 每亩 is.
_SPENT_AS = r"投资|投入|补助|补贴|奖补|贴息|资金|发放|支出|成本|造价|标准"
_AVERAGE_BEFORE = re.compile(
    r"(?P<noun>[亩户人村家])(?P<then>)均"
    # (均 as "each" before what is spent, never as "all": 52户均已享受…, 86人均可领取…)
    rf"(?=(?:{_SPENT_AS}))[^，,；;。0-9]{{0,10}}$"
)
# … or right before the sum where its clause says first what is spent (补助标准为户均7500元);
# never 带动农户300户,户均5000元以上收入.
_AVERAGE_RIGHT_BEFORE = re.compile(
    rf"(?:{_SPENT_AS})[^，,；;。0-9]{{0,6}}(?P<noun>[亩户人村家])(?P<then>)均$"
)
# … or a year's average per person in a sentence that says it works a sum out (测算标准:268名
# 代表,年人均2400元计643200元); never what a household gains (带动300户,年户均1500元).
_YEARLY_AVERAGE_BEFORE = re.compile(r"年(?P<noun>人)(?P<then>)均$")
_WORKED_OUT_BY = re.compile(r"测算|标准")


# A sum each of a counted thing gets, written after it with 各: 18个…示范县各安排100万元, 5个村
# 各补助10万元: a rate for that thing, as 每县 is.
_EACH_GETS = r"各(?:安排|补助|补贴|奖补|奖励|下达|拨付|给予|投入|支持)"
_EACH_BEFORE = re.compile(rf"(?P<noun>[\u4e00-\u9fff])(?P<then>){_EACH_GETS}(?:资金)?\s*$")
# The words right before what each of several gets (各补助, 各): no project's whole.
EACH_GETS_BEFORE = re.compile(rf"(?:{_EACH_GETS}|各)(?:资金)?\s*$")


# The sum a rate's clause states for its product: 每家扶持资金2万元，小计24万元; 补贴标准为
# 20元/亩，共计兑现金额93678元.
_RATE_SUM = re.compile(
    r"^[^；;。每]{0,6}?(?:小计|合计|共计|总计|共|(?<![预估设统累])计)"
    r"(?P<words>(?:兑现|发放|补助|补贴|奖补|安排|拨付)?(?:金额|资金)?)[为是:：]?\s*$"
)
# What a rate's product is called where the sum follows it: 需要补贴资金, 拟补助资金为.
_NEEDED_SUM = re.compile(
    r"[，,]?\s*(?:需要?|拟|应|共需)?(?:补贴|补助|奖补|奖励|安排|下达|拨付)?(?:资金|经费)[为是:：]?\s*"
)
# A rate of what people gain or earn, not of what the budget spends.
_NOT_SPENDING = re.compile(r"增收|收入|收益|增加|增效|节本|效益|产值|利润|分红|利息|年利率")
# A count that is a total, which a rate in a later sentence of its paragraph may price:
# 共计1444亩(花椒1241亩…)… 每亩奖补500元; 共落实种植面积6396.15亩 … 每亩可补助资金187.61元;
# 全县144个行政村(社区)…;农家书屋运行维护每村(社区)2000元.
_TOTAL_COUNT = re.compile(r"(?:共计|合计|总计|共|全(?:县|市|区|镇|乡|旗))[^，,。；;0-9]{0,8}$")
_RATE_UNITS = ("元", "万元")  # a rate per thing is written in these
# A rate's words that say only that it is money, not what for.
_MONEY_WORDS = re.compile(
    r"(?:获得|享受|给予|发放|安排)?(?:扶持|补贴|补助|奖补|奖励|配套)?(?:资金|经费)?"
)


def rate_lines(
    text: str,
    source: str,
    *,
    stated: Iterable[ParsedAmount] = (),
    totals: list[tuple[tuple, str]] | None = None,
    seen: list[tuple[tuple, str]] | None = None,
) -> list[Line]:
    """Calculations written as a count and a rate for each (``2019年种植3060亩，每亩补贴资金500元``,
    ``70个行政村，每村4400元，市级需配套704元/村``, ``家庭农场12家，每家扶持资金2万元，小计24万元``,
    ``211户…按每户1万元的标准进行补助``): a line each, its factors the count and the rate.

    A rate is paired with the nearest count before it in its sentence whose unit or counted
    noun is the one the rate is for (亩 … 每亩, 个行政村 … 每村, 户 … 每户, …/村), else with a
    total count earlier in its paragraph (共计1444亩 … 每亩奖补500元); a rate without one is no
    calculation. The line's amount is the sum its clause states right after the rate
    (小计24万元), else an amount of ``stated`` (the text's own sums) equal to the product;
    otherwise it is left empty: the text states none, and the product is the factors'.
    ``totals``, when given, carries the total counts over paragraphs and calls; ``seen``, the
    counts of words read before or apart (a project's goals): a rate whose words name the group
    one count of ``seen`` or of the text so far names is priced by that count, flagged."""
    lines: list[Line] = []
    stated = list(stated)
    carried = totals
    # Every count of the text so far, with its sentence (carried over calls when given).
    seen = [] if seen is None else seen
    for paragraph in text.split("\n"):
        # The paragraph's total counts, or those of the text so far when the caller carries
        # them over its paragraphs (one project's text: 共落实种植面积6396.15亩 … 每亩187.61元).
        totals = carried if carried is not None else []
        # A rate followed by 其中 (每村补助1.2万元,其中A每村2000元;B每村2000元;…。): the rates
        # of the same count after it, to the end of its sentence, are its parts.
        whole: Line | None = None
        for sentence, ends in _sentences_and_ends(paragraph):
            counts = _counts(sentence)
            for price in find_amounts(sentence):
                line = _rate_line(sentence, price, counts, totals, source, stated, seen)
                if line is None:
                    continue
                if (
                    whole is not None
                    and line.factors[0][:2] == whole.factors[0][:2]
                    # 另加, 增加: more than the whole, not a part of it
                    and not _MORE_THAN.search(sentence[max(0, price.start - 12) : price.start])
                ):
                    if line.amount is not None and not line.product_only:
                        # 共计70万元 after the parts is the whole's, not the last part's.
                        line.amount = None
                    whole.children.append(line)
                    whole.partial = True
                    continue
                lines.append(line)
                if re.match(r"[，,]?\s*其中", sentence[price.end :]):
                    whole = line
            if ends:
                lines.extend(_unless_parts(whole))
                whole = None
            totals.extend(
                (count, sentence)
                for count in counts
                if _TOTAL_COUNT.search(sentence[: count[2]].rstrip())
            )
            seen.extend((count, sentence) for count in counts)
    # An amount found only as equal to a product is this line's when no other line has the
    # same product (1444亩 × 每亩自筹500元 and × 每亩奖补500元: neither is 72.2万's).
    return one_line_a_sum(lines, text)


def _product_named_after(sentence: str, end: int, product: Decimal) -> ParsedAmount | None:
    """The next sum of the rate's sentence where it is the product exactly and the words
    before it name money (每亩补贴112元,全县耕地地力补贴资金合计金额231968.24元): the line's."""
    rest = sentence[end:]
    after = find_amounts(rest)
    if not after or after[0].value != product:
        return None
    words = rest[: after[0].start]
    # (never a sum of all kinds of money: 共计兑现到户的各类资金合计…)
    if (
        re.search(r"每|各类|各项|所有|全部", words)
        or len(words) > 40
        or not _MONEY_NAMED_BEFORE.search(words)
    ):
        return None
    return replace(after[0], start=after[0].start + end, end=after[0].end + end)


_MONEY_NAMED_BEFORE = re.compile(
    r"(?:资金|金额|经费|补贴|补助|奖补|奖励|合计|共计|总计|总额)[为是:：]?\s*$"
)


def counts_stated(text: str) -> list[tuple[tuple, str]]:
    """Every count ``text`` states, with its sentence: what ``rate_lines`` may price a rate
    named by a group with, where the counts are in words it does not read for rates (a
    project's goals: 其中经营管理型60人)."""
    return [
        (count, sentence)
        for paragraph in text.split("\n")
        for sentence, _ends in _sentences_and_ends(paragraph)
        for count in _counts(sentence)
    ]


def _count_of_the_group(
    sentence: str, price: ParsedAmount, nouns: set[str], seen: Iterable[tuple[tuple, str]]
) -> list:
    """The one count an earlier sentence states for the group a rate's clause names before
    it (经营管理型3500元/人, 按经营管理型人员培育每人3500元 → 经营管理型60人); [] when the
    clause names several groups (专业生产型和技能服务型…), or no count or more than one is
    theirs."""
    clause = re.split(r"[，,:：、；;]", sentence[: price.start])[-1]
    group = re.sub(r"每个?[\u4e00-\u9fff]$|^(?:按照?|对|给予)", "", clause.strip())
    if len(group) < 3 or re.search(r"和|及|与", group):
        return []
    # (the group's name may be written inside the rate's words: 本次兑现地方公益林补偿标准8元/亩
    # for 其中地方公益林34.2万亩)
    label = re.compile(r"^(?:其中|包括|含)[:：]?")
    found = [
        count
        for count, where in seen
        if len(name := label.sub("", count[3])) >= 3
        and (group.startswith(name) or name.startswith(group) or (len(name) >= 4 and name in group))
        and _counts_what(where, count, nouns)
    ]
    return found if len(found) == 1 else []


# One month a sentence pays for: 发放5月份劳务补助 (never a span, 1-6月份, one of several, 1、2月份
# or 5月份、6月份, nor where payment starts, 从5月份开始).
_ONE_MONTH = re.compile(
    r"(?<![0-9\-—至~～、，,])(?:[1-9]|1[0-2])月份(?!至|[\-—~～、]|开始|起|以来)"
)


# Words that add to a rate rather than share it out: 其中脱贫村每村另加1000元.
_MORE_THAN = re.compile(r"另|加|增|追加|额外")


def _unless_parts(whole: Line | None) -> list[Line]:
    """A rate's parts after 其中 that add up to more than it are no parts of it: taken from
    it, to stand beside it (returned); [] when they are its parts."""
    if whole is None or not whole.children:
        return []
    rate = whole.factors[1][0] * UNIT_MULTIPLIERS[whole.factors[1][1]]
    parts = sum(
        child.factors[1][0] * UNIT_MULTIPLIERS[child.factors[1][1]] for child in whole.children
    )
    if parts <= rate:
        return []
    children, whole.children, whole.partial = whole.children, [], False
    return children


def one_line_a_sum(lines: list[Line], text: str = "") -> list[Line]:
    """A sum found only as equal to a product is no line's when another line has the same
    product, or states that sum as its own subtotal (共计5万元); unless ``text`` (the words
    the lines were read from) states that sum as often as lines make it (每亩补贴0.6万元 … 每亩
    配套补贴0.6万元 … 市级补贴资金60.6万元,区级配套60.6万元): then each takes one, in order."""
    found = Counter(line.amount.value for line in lines if line.product_only)
    own = {line.amount.value for line in lines if line.amount and not line.product_only}
    written: dict[Decimal, list[ParsedAmount]] = {}
    for amount in find_amounts(text) if text else []:
        written.setdefault(amount.value, []).append(amount)
    times = {value: len(amounts) for value, amounts in written.items()}
    for line in lines:
        if not line.product_only:
            continue
        value = line.amount.value
        if value in own or found[value] > max(1, times.get(value, 0)):
            line.amount, line.product_only = None, False
        elif found[value] > 1:
            line.amount = written[value].pop(0)
    return lines


def _rate_line(
    sentence: str,
    price: ParsedAmount,
    counts: list,
    totals: list,
    source: str,
    stated: Iterable[ParsedAmount],
    seen: list[tuple[tuple, str]] = (),
) -> Line | None:
    rate = _rate_of(sentence, price, counts)
    if rate is None or (
        rate.months
        and not price.per
        and not (len(_ONE_MONTH.findall(sentence)) == 1 and len(re.findall("月份", sentence)) == 1)
    ):
        # 每人每月200元 is a month's: its line needs the months (lines_priced_by_sums), unless
        # the sentence pays one month (发放5月份劳务补助每月标准每人200元)
        return None
    nouns = rate.nouns
    paired = [
        count for count in counts if count[2] < price.start and _counts_what(sentence, count, nouns)
    ]
    carried = False  # priced by a total count of an earlier sentence
    grouped = False  # …by the count of the group it is named by
    proved: list = []  # …by the one count whose product is a sum the sentence states
    # A count in brackets breaks down one outside them (7171户…(其中监测对象177户;脱贫户6994户)):
    # the rate is the whole's.
    paired = [c for c in paired if not in_brackets(sentence, c[2])] or paired
    if paired:
        # The nearest, unless the sentence states their total (共13076.85亩, then 埔前镇11598.35
        # 亩、…东埔街道120亩, 每亩补贴标准13.06125元: the rate is the total's too).
        total = [c for c in paired if _TOTAL_COUNT.search(sentence[: c[2]].rstrip())]
        # (or the one whose product the sentence states after the rate: 验收合格面积40亩,其中
        # 道岗村10亩,…岩溪村10亩,资金补助标准1500元/亩,共拨付项目补助资金60000元)
        later = [a.value for a in find_amounts(sentence[price.end :]) if not a.per]
        made = [c for c in paired if c[0] * price.value in later]
        if not total and len({c[0] for c in made}) == 1:
            total = made[-1:]
        count = total[0] if total else paired[-1]
        label = _count_label(sentence, count, nouns)
        count_clause = _count_clause(sentence, count[2])
    else:
        # (with its sentence: 全县144个行政村 counts 村 for 每村), unless the rate is named by
        # the group one count of the text names (其中地方公益林34.2万亩 … 地方公益林补偿标准8元/亩)
        group_counts = _count_of_the_group(sentence, price, nouns, seen)
        earlier = group_counts or [
            count for count, where in totals if _counts_what(where, count, nouns)
        ]
        carried = bool(earlier)
        grouped = bool(group_counts)
        # A rate stated first, its count after it in the sentence (按照每亩100元的标准…建成
        # 示范基地2000亩): the one count after it of what the rate is for.
        later = [count for count in counts if count[2] > price.end and count[1] in nouns]
        if not earlier and len(later) == 1:
            earlier = later
        # Else the one count before it whose product with it is a sum the sentence states
        # (预算投资288万元,计划在96个村(社区)建设乡村剧场,每处…补贴3万元): what each 处 is
        # for is counted in another word, the sum bears the pairing out; staff check.
        proved = [] if earlier else _proved_counts(sentence, price, counts)
        if not earlier and not proved:
            return None
        count = (earlier or proved)[-1]
        label, count_clause = count[3], ""
    line = _priced_line(sentence, price, count, label, count_clause, source, paired=bool(paired))
    product = count[0] * price.value
    # (a rate after it is no sum: 粮食折价70元/亩、生活补助20元/亩,计90元/亩)
    after = [a for a in find_amounts(sentence[price.end : price.end + 24]) if not a.per]
    said = _RATE_SUM.match(sentence[price.end : price.end + after[0].start]) if after else None
    # (a sum named after its total word, 合计发放资金15万元, may be more than this rate's: it is
    # the rate's only where it is the product; a bare 小计24万元 is kept for the checks)
    if (said and (not said["words"] or after[0].value == product)) or (
        # the next sum of the sentence is the product (每亩补贴150元,需要补贴资金232950元)
        after
        and after[0].value == product
        and _NEEDED_SUM.fullmatch(sentence[price.end : price.end + after[0].start])
    ):
        line.amount = replace(
            after[0], start=after[0].start + price.end, end=after[0].end + price.end
        )
    elif named := _product_named_after(sentence, price.end, product):
        line.amount = named
    else:
        # A rate written to the 分 (每亩187.61元) was rounded from the sum it was worked out
        # from: the product may miss that sum by half a unit of its last digit per thing.
        scale = UNIT_MULTIPLIERS[price.unit]
        rate_value, _unit = _rate_key(price)
        rounded = count[0] * (Decimal(1).scaleb(rate_value.as_tuple().exponent) * scale) / 2
        line.amount = next((amount for amount in stated if amount.value == product), None) or next(
            (
                amount
                for amount in stated
                if price.unit == "元"
                and rate_value.as_tuple().exponent == -2
                and abs(amount.value - product) <= rounded
            ),
            None,
        )
        line.product_only = line.amount is not None
    if proved:
        line.guess = (
            f"测算“{line.formula}”的数量“{count[3] or count[1]}”与单价所指不同，"
            "按两者之积等于文中金额推定，请核对。"
        )
    if carried and line.amount is None:
        # A total count of an earlier sentence prices the rate: it may be for a part of what
        # it counts (全县144个行政村…其中脱贫村30个。对脱贫村每村补助2000元); staff check.
        said = (
            f"前文所写“{count[3]}”的人数或数量"
            if grouped
            else f"前文的总数“{count[3] or count[1]}”"
        )
        line.guess = f"测算“{line.formula}”的数量取自{said}，请核对。"
    return line


def _proved_counts(sentence: str, price: ParsedAmount, counts: list) -> list:
    """The one count of ``sentence`` before ``price`` (no time) whose product with it is a sum
    the sentence states, in a list; [] where none is, or more than one."""
    sums = {a.value for a in find_amounts(sentence) if not a.per and a.start != price.start}
    proved = [
        count
        for count in counts
        if count[2] < price.start and count[1] not in _TIME_UNITS and count[0] * price.value in sums
    ]
    return proved if len(proved) == 1 else []


# What a percentage of an indicator follows: 完成率, 满意度, 增长, ≥.
_NOT_A_SHARE = re.compile(r"(?:率|满意度|完成|增长|下降|提高|[≥≤>=<])\s*[为是:：]?\s*$")
# A share written as a percentage (占中央财政资金的25%, 按1%提取, 比例为50.27%).
_PERCENT = re.compile(r"(?P<value>[0-9]+(?:\.[0-9]+)?)\s*[%％]")


def share_lines(text: str, source: str, stated: Iterable[ParsedAmount]) -> list[Line]:
    """Sums written as a share of another (预计发放劳务报酬100万元，占中央财政资金的25%; 按1%
    提取项目管理费46.3万元; 按8%的递增比例增加安排援助资金1008万元): a line each, its factors
    the whole and the percentage, its amount the sum. The whole is a sum the text states
    (``stated``) of which the percentage makes that sum, to within the rounding of the
    percentage as written (占资金总额的6.1%: 1250万元 of 20388万元); a percentage of no sum the
    text states, or one that makes no sum of its sentence, is no calculation (满意度95%)."""
    stated = list(stated)
    lines: list[Line] = []
    for index, sentence in enumerate(_sentences(text)):
        normal = halfwidth(sentence)
        sums = plain_sums(sentence)
        for match in _PERCENT.finditer(normal):
            share = Decimal(match.group("value"))
            if not 0 < share < 100 or _NOT_A_SHARE.search(
                normal[max(0, match.start() - 8) : match.start()]
            ):
                continue  # (a rate of what is done, 完成率90%, 满意度95%: no share of money)
            # half a unit of the percentage's last digit, of the whole
            slack = Decimal(5).scaleb(share.as_tuple().exponent - 1) / 100
            found = _share_of(sums, stated, share, slack, match.start())
            if found is None:
                continue
            part, whole = found
            name = _share_name(sentence, part, match)
            if not name or _PROGRESS.search(name):
                continue  # spent of a whole (已完成拨付2113.63万元，占97%), not budgeted
            line = Line(marker="", name=name[:300], amount=part, source=source)
            whole_value, whole_unit = _rate_key(whole)
            at = text.find(whole.text)
            whole_label = (_share_label(_clause_before(text, at)) if at >= 0 else "") or "总额"
            line.factors = [
                (whole_value, whole_unit, whole_label[:50]),
                (share.normalize(), "%", "比例"),
            ]
            line.formula = f"{_plain(whole_value)}{whole_unit}×{_plain(share.normalize())}%"
            if any(other.amount.start == part.start for other in lines if other.row == index):
                continue  # (one line a sum: 占中央财政资金的25%,占总投资的22.2% are one)
            line.row = index
            lines.append(line)
    return lines


# What opens the words of a share's sum but names nothing: an item's marker, 含, 其中, and
# the percentage's own words (的递增比例增加安排… → 增加安排…).
_SHARE_NAME_LEAD = re.compile(
    r"^\s*(?:[0-9]+[.、．]|[一二三四五六七八九十]+、|[(（][0-9一二三四五六七八九十]+[)）])?"
    r"\s*(?:含|其中[：:]?)?\s*(?:的?[\u4e00-\u9fff]{0,4}?(?:比例|比率))?"
)
_SHARE_NAME_COUNT = re.compile(rf"[0-9]+(?:\.[0-9]+)?\s*(?:{COUNT_UNITS})$")


def _share_name(sentence: str, part: ParsedAmount, percent: re.Match) -> str:
    """A share's name: the words of its sum's own clause (in brackets too: 含劳务报酬120万元),
    after its percentage where that comes first (按8%的递增比例增加安排援助资金1008万元)."""
    start = _share_clause_start(sentence, part.start)
    if start <= percent.start() < part.start:
        start = percent.end()
    words = _SHARE_NAME_LEAD.sub("", sentence[start : part.start])
    words = _SHARE_NAME_COUNT.sub("", _BOUND_WORDS.sub("", words.strip()))
    if not words.strip(" ，,：:"):
        # only a bound (…的42%(不低于157.50万元)): named by the percentage's own clause,
        # up to its words of a share (劳务报酬发放比例不得低于…的42% → 劳务报酬发放)
        clause = sentence[_share_clause_start(sentence, percent.start()) : percent.start()]
        words = _SHARE_WORDS.split(clause)[0]
    return _share_label(words)


def _share_clause_start(sentence: str, at: int) -> int:
    """Where the clause holding position ``at`` starts (after a comma, colon or bracket)."""
    return max(sentence.rfind(sep, 0, at) for sep in "，,：:。；;(（") + 1


# Sums already spent or done, not budgeted (已完成拨付, 年累完成投资, 实际支付, 临朐县支出).
_PROGRESS = re.compile(r"已|完成|累计|实际|进度|执行|到位|结余|支出$")
_BOUND_WORDS = re.compile(r"^(?:不得?低于|不少于|不超过|不高于|最高|最多|最低|约|达到?)")
_SHARE_WORDS = re.compile(r"占|比例|比率|不得|不低于|不少于|不超过|按")


def _share_label(words: str) -> str:
    """Words as a share's name or its whole's label, without the years they name (我市2019年
    援助资金应为 → 我市援助资金)."""
    words = _SAID_TO_BE.sub("", _YEAR_WORDS.sub("", words))
    return _clean_name(words) or words.strip(" ，,：:")


_YEAR_WORDS = re.compile(r"[0-9]{4}(?:[-—至][0-9]{4})?年度?")
_SAID_TO_BE = re.compile(r"(?:应为|为|是|达|共计|合计|计)\s*$")


def _share_of(
    sums: list[ParsedAmount], stated: list[ParsedAmount], share: Decimal, slack: Decimal, at: int
) -> tuple[ParsedAmount, ParsedAmount] | None:
    """The sum of a sentence nearest the percentage at ``at`` that is ``share`` % of a sum
    the text states, with that whole (the closest, where several are near enough)."""
    for part in sorted(sums, key=lambda a: min(abs(a.start - at), abs(a.end - at))):
        if any(min(part.end, at) <= other.start < max(part.start, at) for other in sums):
            continue  # another sum stands between them: the share is not this one's
        near = [
            (abs(whole.value * share / 100 - part.value), whole)
            for whole in stated
            if whole.value > part.value
            and abs(whole.value * share / 100 - part.value) <= whole.value * slack
        ]
        if near:
            return part, min(near, key=lambda pair: pair[0])[1]
    return None


def _scan(text: str) -> list[tuple[int, str, list]]:
    """(line of ``text`` from 0, sentence, its counts) for every sentence and ；-part of every
    line: read once for the readers that pair rates and counts across sentences."""
    return [
        (row, sentence, _counts(sentence))
        for row, paragraph in enumerate(text.split("\n"))
        for sentence in _sentences(paragraph)
    ]


def _rates_in(sentence: str, counts: list) -> Iterator[tuple[ParsedAmount, _Rate]]:
    """The amounts of ``sentence`` that are rates, each with what it is a rate for."""
    for price in find_amounts(sentence):
        rate = _rate_of(sentence, price, counts)
        if rate is not None:
            yield price, rate


def _rate_key(price: ParsedAmount) -> tuple[Decimal, str]:
    """A rate as a line's factor holds it (value in its own unit, unit): 2万元 → (2, 万元)."""
    return (price.value / UNIT_MULTIPLIERS[price.unit]).normalize(), price.unit


def _countable(count: tuple) -> bool:
    """Whether a count can be priced: more than one, of things, and written (not the 12
    months a month's rate implies)."""
    return count[0] > 1 and count[1] not in _TIME_UNITS and count[3] != _YEAR_OF_MONTHS


def lines_priced_by_sums(
    text: str, source: str, stated: Iterable[ParsedAmount], lines: list[Line]
) -> list[Line]:
    """``lines`` with the rates of ``text`` that none of them prices, each paired with a count
    anywhere in the text (another sentence, paragraph or table row) of what it is for, where
    the product is a sum the text states: 共计73,094.15亩 … 每亩70元 … 共计5,116,590.50元;
    每吨补助60元，共收贮5.4万吨，本批补助15250吨 … 补助资金915000元. A month's rate is priced
    by the year's 12 months (每人每月300元 … 337人 … 121.32万元). Only where one count gives a
    stated sum, and the line's amount is that sum: a product equal to a sum the text states is
    no coincidence, a nearest count may be. A line of ``lines`` with the rate but no amount
    (its count only the nearest) gives way to the one the sum confirms."""
    sums = {amount.value: amount for amount in stated if not amount.per}
    priced = {factor[:2] for line in lines if line.amount for factor in line.factors[1:2]}
    scanned = _scan(text)
    counts = [(sentence, count) for _row, sentence, written in scanned for count in written]
    found: list[Line] = []
    seen = set()  # a rate written again (每户奖补500元 for three kinds of garden) is one
    for row, sentence, sentence_counts in scanned:
        for price, rate in _rates_in(sentence, sentence_counts):
            key = (_rate_key(price), frozenset(rate.nouns))
            if _rate_key(price) in priced or key in seen:
                continue
            seen.add(key)
            months = (1, 12) if rate.months else (1,)
            # Each stated sum that one count (by the months, for a month's rate) gives.
            by_sum: dict[Decimal, list] = {}
            for where, count in counts:
                for times in months:
                    product = count[0] * price.value * times
                    if count[0] > 1 and product in sums and _counts_what(where, count, rate.nouns):
                        by_sum.setdefault(product, []).append((where, count, times))
            for product, ways in by_sum.items():
                # One sum that several counts give: none is sure. The same count written again
                # in another sentence (本批补助15250吨 … 计划收贮15250吨) is one; two of a
                # sentence (甲村20户,乙村20户) are two.
                if len({(count[0], times) for _where, count, times in ways}) > 1 or len(
                    {(where, count[2]) for where, count, _times in ways}
                ) > len({where for where, _count, _times in ways}):
                    continue
                where, count, times = ways[0]
                line = _priced_line(
                    sentence,
                    price,
                    count,
                    _count_label(where, count, rate.nouns),
                    _count_clause(where, count[2]) if where == sentence else "",
                    source,
                    paired=where == sentence,
                    months=times if times > 1 else 0,
                )
                line.amount = sums[product]
                line.product_only, line.row = True, row
                found.append(line)
    if not found:
        return lines
    rates = {line.factors[1][:2] for line in found}
    kept = [
        line
        for line in lines
        if line.amount or len(line.factors) < 2 or line.factors[1][:2] not in rates
    ]
    return one_line_a_sum(kept + found, text)


def lines_paired_in_order(text: str, source: str, lines: list[Line]) -> list[Line]:
    """``lines`` with the rates of ``text`` that none of them prices paired, in the order the
    text writes them, with the counts it lists before them, where it lists the things counted
    and then their standards (补贴对象: …9445只羊; …30876头牛、31395只羊; …3704头犊牛。 补贴
    标准: 存栏羊按5元/只; 出栏牛按5元/头、羊2元/只; 犊牛按58元/头): for each thing priced
    (只, 头), as many rates as counts, every count before every rate, two pairs at least. The
    text states no product, so the lines have no amount, and staff are told the pairing is by
    order (``guess``)."""
    used = {factor[:2] for line in lines for factor in line.factors}
    rates: dict[str, list] = {}
    counts: dict[str, list] = {}
    for order, (row, sentence, sentence_counts) in enumerate(_scan(text)):
        for count in filter(_countable, sentence_counts):
            counts.setdefault(count[1], []).append((order, sentence, count))
        for price, rate in _rates_in(sentence, []):
            if rate.months or _rate_key(price) in used:
                continue
            priced = (price.per or "").split("/")[0]
            if priced:
                rates.setdefault(priced, []).append((order, row, sentence, price, rate))
    pairs = []
    for unit, unit_rates in rates.items():
        unit_counts = [c for c in counts.get(unit, []) if (c[2][0], c[2][1]) not in used]
        if len(unit_counts) != len(unit_rates) or max(c[0] for c in unit_counts) >= min(
            r[0] for r in unit_rates
        ):
            return lines  # not two lists side by side: no pairing is sure
        pairs += list(zip(unit_counts, unit_rates, strict=True))
    if len(pairs) < 2:
        return lines
    found = []
    for (_o, where, count), (_order, row, sentence, price, rate) in sorted(
        pairs, key=lambda pair: (pair[1][0], pair[1][3].start)
    ):
        line = _priced_line(
            sentence, price, count, _count_label(where, count, rate.nouns), "", source, paired=False
        )
        line.row = row
        line.guess = f"测算“{line.formula}”的数量与标准分写在两处，是按原文先后顺序配对的，请核对。"
        found.append(line)
    return lines + found


def lines_by_the_one_count(text: str, source: str, lines: list[Line]) -> list[Line]:
    """``lines`` with each rate of ``text`` that none of them prices paired with the one count
    the text gives of what it is for, wherever it stands (建设任务:配套3824亩滴灌设施。 … 补助
    标准:2110元/亩): one value only, however often written. The line has no amount (a product
    the text states is :func:`lines_priced_by_sums`'s to pair), and staff are told where its
    count was taken from (``guess``)."""
    used = {factor[:2] for line in lines for factor in line.factors}
    scanned = _scan(text)
    counts = [
        (sentence, count)
        for _row, sentence, written in scanned
        for count in filter(_countable, written)
    ]
    found = []
    for row, sentence, _written in scanned:
        for price, rate in _rates_in(sentence, []):
            if rate.months or _rate_key(price) in used:
                continue
            mine = [(where, c) for where, c in counts if _counts_what(where, c, rate.nouns)]
            # Counts in brackets after one are its parts (种植面积为29.8亩(长青乡…29亩,永丰乡
            # …0.8亩)): not counts of their own.
            outside = [(where, c) for where, c in mine if not in_brackets(where, c[2])]
            mine = outside or mine
            if len({c[0] for _where, c in mine}) != 1 or any(c[:2] in used for _w, c in mine):
                continue
            where, count = mine[0]
            line = _priced_line(
                sentence,
                price,
                count,
                _count_label(where, count, rate.nouns),
                "",
                source,
                paired=False,
            )
            line.row = row
            line.guess = (
                f"测算“{line.formula}”的数量取自文中另一处（“{count[3] or line.formula}”），"
                "请核对。"
            )
            used.add(_rate_key(price))
            found.append(line)
    return lines + found


def in_brackets(sentence: str, at: int) -> bool:
    """Whether position ``at`` of ``sentence`` is inside brackets."""
    before = sentence[:at]
    return before.count("(") + before.count("（") > before.count(")") + before.count("）")


@dataclass
class _Rate:
    nouns: set[str]  # what the rate is for: 亩 of 每亩, 人 and 名 of 元/人
    months: bool  # a month's rate (每人每月300元, 700元/人/月)


def _rate_of(sentence: str, price: ParsedAmount, counts: list) -> _Rate | None:
    """What ``price`` in ``sentence`` is a rate for (每亩70元, 704元/村, 每人每年补助1000元), or
    None when it is no rate of spending on a counted thing."""
    if price.unit not in _RATE_UNITS:
        return None
    if _NOT_SPENDING.search(sentence[max(0, price.start - 12) : price.start]) or re.match(
        rf"[^，,；;。0-9]{{0,6}}?(?:{_NOT_SPENDING.pattern}|产出)", sentence[price.end :]
    ):
        return None  # 每户增收2000元, 人均8000元收入: what people gain, not what is spent
    per = (
        _PER_WORD_BEFORE.search(sentence[: price.start])
        or _AVERAGE_BEFORE.search(sentence[: price.start])
        or _AVERAGE_RIGHT_BEFORE.search(sentence[: price.start])
        or (
            _WORKED_OUT_BY.search(sentence)
            and _YEARLY_AVERAGE_BEFORE.search(sentence[: price.start])
        )
        or _EACH_BEFORE.search(sentence[: price.start])
    )
    if not (price.per or per or _is_price(sentence, price)):
        return None
    before = sentence[max(0, price.start - 12) : price.start]
    # 每人每年 is a year's rate for a person, 每人每月 and 元/人/月 a month's; any other second
    # 每, or a count of days or months beside it, is more than a count and a rate (每人每天100元，
    # 培训3天).
    # (每学期: a term's rate for a count of 人次, as 每年 is a year's)
    periods = re.findall(r"每(?:个)?(年|月|学期|季度)", before) + re.findall(
        r"/([年月])", price.per or ""
    )
    if (
        before.count("每") - len(re.findall(r"每个?(?:年|月|学期|季度)", before)) > 1
        or len(periods) > 1
    ):
        return None
    if any(c[1] in _TIME_UNITS and c[3] != _YEAR_OF_MONTHS for c in counts):
        return None
    # 每亩, 每村; 每个 for 个, or 每个村 for 村.
    # 元/人/月 is a rate for a person (a month's): the thing priced is the first.
    priced = price.per.split("/")[0] if price.per else ""
    if per and per.group("noun") in "年月季":
        # (the thing after the period: 每年每亩 is a year's rate for a 亩)
        per = re.search(
            r"每(?![年月季])(?P<noun>[\u4e00-\u9fff])(?P<then>[\u4e00-\u9fff]?)[^每]*$", before
        )
        per = per if per and per.group("noun") not in "年月季" else None
    nouns = {priced} if priced else set(per.group("noun", "then")) if per else set()
    nouns -= {"", *_TIME_UNITS, "季"}
    if nouns & {"人", "名"}:
        nouns |= {"人", "名", "人次"}  # 376名 are counted people: 700元/人; 3666人次, 每人每学期
    if not nouns:
        return None
    return _Rate(nouns, months=periods == ["月"])


def _counts_what(sentence: str, count: tuple, nouns: set[str]) -> bool:
    """Whether ``count`` of ``sentence`` counts what a rate is for: 211户 for 每户, 70个行政村
    for 每村; but 3个示范点 counts 示范点, not the 村 of 每个村."""
    names = count[3].split("、")
    if len(names) > 1 and any(all(name.endswith(noun) for name in names) for noun in nouns):
        return True  # the names listed are the count (图书馆、文化馆、美术馆 … 每馆)
    if (count[1] in nouns and count[1] != "个") or any(
        _counted_noun(sentence, count).endswith(noun) for noun in nouns
    ):
        return True
    # (a longer name of what is counted, the list of them after it: 12个脱贫摘帽贫困县炎陵县、
    # …,每个县安排1000万元)
    at = sentence.find(count[1], count[2]) + len(count[1])
    run = re.match(r"[\u4e00-\u9fff]{0,12}", sentence[at:]).group().split("每")[0]
    return any(
        noun != "个" and noun in run and not _WITHIN.search(run[: run.index(noun)])
        for noun in nouns
    )


# Words saying the thing priced lies within what is counted (12个县区所辖贫困村, …县的村).
_WITHIN = re.compile(r"的|辖|内|下属|中")


def _count_label(sentence: str, count: tuple, nouns: set[str]) -> str:
    """A count's label: the noun it counts where that names the thing priced (70个行政村)."""
    counted = _counted_noun(sentence, count)[len(count[1]) :]
    return counted if len(counted) >= 2 and counted[-1] in nouns else count[3]


def _count_clause(sentence: str, where: int) -> str:
    """The words of a count's clause before it, without a field's label (建设内容:新建…防渗渠4
    公里 → 新建…防渗渠)."""
    clause_start = max(sentence.rfind(sep, 0, where) for sep in "，,；;") + 1
    return re.sub(r"^[^:：]{1,8}[:：]", "", sentence[clause_start:where])


def _priced_line(
    sentence: str,
    price: ParsedAmount,
    count: tuple,
    label: str,
    count_clause: str,
    source: str,
    *,
    paired: bool,
    months: int = 0,
) -> Line:
    """The line of ``count`` × the rate ``price`` of ``sentence`` (× ``months`` for a month's
    rate), without its amount; named by what the rate is for (市级需配套704元/村 → 市级需
    配套), with the clause of the count where the rate's words only say it is money (家庭农场
    12家，每家扶持资金2万元 → 家庭农场扶持资金), else by the clause of the count (种植3060亩 →
    种植)."""
    value, unit = count[0], count[1]
    rate, _unit = _rate_key(price)
    price_label = words_for(sentence, price.start, price.end, price=True, unit=price.unit)
    factors = [(value, unit, label), (rate, price.unit, price_label)]
    formula = f"{_plain(value)}{unit}×{_plain(rate)}{price.unit}"
    if months:
        factors.append((Decimal(months), "月", _YEAR_OF_MONTHS))
        formula += f"×{months}月"
    # (a 、 inside brackets parts no clause: 每个县(市、区)安排1000万元)
    cut = max(
        (at for at, char in enumerate(sentence[: price.start]) if char in "，,、"),
        key=lambda at: (not in_brackets(sentence, at), at),
        default=-1,
    )
    price_clause = sentence[cut + 1 :]
    price_words = price_clause[: price.start - (len(sentence) - len(price_clause))]
    # Not its field's label, nor the 按 before the rate (补贴标准:存栏羊按5元/只 → 存栏羊).
    price_words = re.sub(r"(?:按照?|以)\s*$", "", re.sub(r"^[^:：]{1,8}[:：]", "", price_words))
    price_name = _clean_name(
        re.sub(
            # (and 各 of what each gets: 各奖励)
            r"(?:按照?)?(?:每个?(?:年|月|学期|季度))?"
            r"(?:每个?[\u4e00-\u9fff](?:[(（][^()（）]{1,6}[)）])?|^各)"
            r"(?:每个?(?:年|月|学期|季度))?",
            "",
            price_words.strip(),
            count=1,
        )
    )
    count_name = _COUNTING_WORDS.sub("", _clean_name(count_clause))
    count_name = count_name if len(count_name) > 2 else ""  # 我县…337人 is not named 我县
    # A count of the same sentence names it when its own clause does not (32个市县扶持村,
    # 每村获得12.5万元 → 市县扶持村获得).
    counted_name = count_name or (label if paired else "")
    if _MONEY_WORDS.fullmatch(price_name) and counted_name:
        price_name = counted_name + price_name
    name = price_name or count_name or label
    # A name that says only how it was counted or that it is money (面积共, 涉及, 数量, 补贴) is
    # none: the line is named after its sub-item.
    name = _COUNTING_WORDS.sub("", name).strip(" ，,：:")
    if _NO_NAME.fullmatch(name):
        name = ""
    line = Line(marker="", name=name[:300], amount=None, source=source)
    line.formula = formula
    line.factors = factors
    return line


# Words around a count that are no part of what it names: 确定全镇…为, 面积共, 决定我县.
_COUNTING_WORDS = re.compile(
    # (never the place of a level: 确定市级示范家庭农场 keeps 市级)
    r"^(?:(?:确定|决定|根据|按照)(?:全|我)?(?:(?:县|市|区|镇|乡)(?!级))?|(?:全|我)(?:县|市|区|镇|乡))(?=.)"
    r"|(?:为|共|共计|是|达|的人数)$"
)
_NO_NAME = re.compile(
    r"(?:涉及|具体|数量|个数|户数|人数|面积|第[一二三四五六七八九十]+次|社区|行政村|村|"
    r"(?:全|我)?(?:县|市|区|镇|乡)|有|"
    r"(?:补贴|补助|奖补|奖励)(?:资金|经费)?|)"
)


# The low end of a range before its top: 300- in 每人300-1200元.
_RANGE_LOW = re.compile(r"[0-9０-９][0-9０-９.．]*\s*(?:元|万元)?\s*[-—－~～至到]\s*$")
# A rate, not a sum: 补助标准为每个村不低于100万元, 每户1万元.
_RATE_BEFORE = re.compile(r"(?:每|户均|人均|亩均|平均)[^，,。；;：:0-9]{0,10}$")


def plain_sums(text: str) -> list[ParsedAmount]:
    """The sums ``text`` states that are no rate (每户…元, 500元/亩): what things cost whole."""
    return [
        amount
        for amount in find_amounts(text)
        if not amount.per and not rate_at(text, amount.start)
    ]


def rate_at(text: str, start: int) -> bool:
    """Whether what is written at ``start`` of ``text`` is priced per thing (每户…, 每个村…;
    the top of a range too: 每人300-1200元)."""
    low = _RANGE_LOW.search(text[max(0, start - 12) : start])
    if low:
        start -= len(low.group())
    return bool(_RATE_BEFORE.search(text[max(0, start - 12) : start]))


def sum_after(text: str, end: int, *, reach: int = 30) -> ParsedAmount | None:
    """The sum written right after ``end`` in ``text``, where a money label ends (总投资 |
    500万元, 投入资金 | 3382万元), with its position in ``text``; None when what follows is
    no sum or a rate (每亩可补助资金187.61元, 5000元/亩)."""
    if rate_at(text, end):
        return None
    # (read with the label before it: 工程资金投入:30万 is money only after its label)
    begin = max(0, end - 12)
    found = [a for a in find_amounts(text[begin : end + reach]) if a.end > end - begin]
    if not found or found[0].start != end - begin or found[0].per:
        return None
    return replace(found[0], start=found[0].start + begin, end=found[0].end + begin)


# A bound, not a sum: 最多不超过50万元, 最高补助30万元, 不低于100万元.
_BOUND_BEFORE = re.compile(
    r"(?:不超过|不高于|不低于|不少于|最多|最高|至多|至少|上限为?|封顶|[≤≥<>])[^，,。；;0-9]{0,4}$"
)


def is_rate(text: str, amount: ParsedAmount) -> bool:
    """Whether ``amount`` is a rate (19元/个, 每户1万元) or a bound (最多不超过50万元), not a
    sum."""
    return (
        bool(amount.per)
        or rate_at(text, amount.start)
        or bool(_BOUND_BEFORE.search(text[max(0, amount.start - 10) : amount.start]))
    )


@dataclass
class Part:
    """A part of one project's money that its text lists after 其中 (家庭农场…小计24万元)."""

    name: str
    amount: ParsedAmount
    text: str  # the part as written


# A part naming a source of the money, not what it is spent on (中央财政资金30万元).
# A source of the money named as such (中央财政衔接资金, 省级配套, 县级财政补助, 自筹): no
# project and no part of what the money buys; the listing's items use it too.
SOURCE_OF_MONEY = (
    r"(?:自筹|(?:中央|省|市|县|区|上级|本级|地方|各级|省、市)级?(?:财政)?"
    r"(?:[^，,。；;项]{0,16}?(?:资金|配套|补助|拨款))?)"
)
_SOURCE_PART = re.compile(
    rf"^{SOURCE_OF_MONEY}$"
    # 财政奖补资金, 一事一议筹资筹劳资金, 村集体资金, 申请银行贷款, 企业出资: where it comes
    # from, wherever in the part's name it says so, where the name is of money (6个省级水库…
    # 维护维修经费 is what is spent).
    # (never what is done with it: 资助举办…市级乒乓球交流赛)
    # (建设单位自筹, 实施单位自筹 are sources still)
    # (nor a project or works named by its money: 农村“一事一议”财政奖补项目)
    r"|(?!.*(?:项目|工程)$)"
    r"(?!(?:用于|用作)?(?:资助|举办|开展|组织|建设(?!单位)|购置|购买|支付|维修|改造|实施(?!单位)))"
    r".*(?:财政|自筹|集体|筹资|投劳|社会资本|贷款|债券|国债|出资|衔接|中央|省级|市级|县级|区级|上级)"
    r"(?:.*(?:资金|补助|配套|拨款|投资|投入|资本|贷款|债券|出资|自筹|投劳|筹资|部分).*"
    # (财政经费, 自筹经费 are sources; …维护维修经费 after a provincial thing is spent)
    r"|经费|(?!.*经费$).{0,8})$"
)


def breakdown(text: str, *, lead: str = "其中") -> list[Part]:
    """What one project's money is made of, as its text lists it after 其中 (…专项资金80万元，
    其中：家庭农场12家，每家扶持资金2万元，小计24万元；…；工作经费4万元): each part the words up
    to a sum that is not a rate (小计24万元 closes 家庭农场…, not 每家2万元), named by its first
    words, up to the next 其中. Two parts at least, in one paragraph; [] when the parts name
    sources of the money (中央财政资金30万元，省级50万元; 村集体资金), which are funding sources,
    not parts."""
    for paragraph in text.split("\n"):
        # Each lead's span: its words start at its end and run to where the next lead starts
        # (leads may be of any length: 其中, 使用安排情况是:).
        leads = [match.span() for match in re.finditer(lead, paragraph)]
        spans = [
            (begin, at, following)
            for (begin, at), (following, _end) in itertools.pairwise(
                [*leads, (len(paragraph), len(paragraph))]
            )
        ]
        heads = _headed_groups(paragraph, spans)
        if heads:
            return heads
        for begin, at, following in spans:
            stop = paragraph.find("。", at)
            if 0 <= stop < following and not find_amounts(paragraph[at:stop]):
                continue  # a count's parts (其中,机插秧面积2965.51亩,机直播面积27583.56亩。)
            parts = _parts_in(paragraph[at:following])
            if not _spent_on(parts) and 0 <= stop < following:
                # Sources after the sentence of parts (…农业项目费用32万元。资金来源为:市财政
                # 资金225.12万元,…) are another matter: the parts end with their sentence.
                parts = _parts_in(paragraph[at:stop])
            elif 0 <= stop < following and _sentence_makes_the_whole(
                paragraph[:begin], parts, _parts_in(paragraph[at:stop])
            ):
                # …资金80万元下达给你们。其中:甲56万元,乙20万元,丙4万元。请…20万元…: the parts
                # that make up the whole end with their sentence.
                parts = _parts_in(paragraph[at:stop])
            if len(parts) >= 2 and _adds_up_to_the_whole(paragraph[:begin], parts):
                return _spent_on(parts)
    return []


def _headed_groups(paragraph: str, spans: list[tuple[int, int, int]]) -> list[Part]:
    """The groups of a whole's money, each after its own 其中 and headed by its name and sum
    before a colon that opens its own items (…295户,补贴资金832325元。其中养殖业户207户,补贴
    资金712325元:养殖牛416头,补贴资金416000元;…。其中种植业234户,补贴资金120000元:…): the
    heads are the parts, each with its items as its words, where they add up exactly to the sum
    written right before the first 其中. [] otherwise."""
    if len(spans) < 2:
        return []
    heads = []
    for _begin, at, following in spans:
        span = paragraph[at:following]
        sums = [a for a in find_amounts(span) if not is_rate(span, a)]
        if not sums or not re.match(r"\s*[:：]", span[sums[0].end :]):
            return []
        name = _clean_name(re.split(r"[，,]", span[: sums[0].start], maxsplit=1)[0])
        if not name:
            return []
        heads.append(Part(name=name, amount=sums[0], text=span.strip(" ，,。")))
    before = re.split(r"[。；;]", paragraph[: spans[0][0]].rstrip("。；; "))[-1]
    whole = [a for a in find_amounts(before) if not is_rate(before, a)]
    if not whole or sum(head.amount.value for head in heads) != whole[-1].value:
        return []
    return _spent_on(heads)


def _sentence_makes_the_whole(before: str, parts: list[Part], sentence: list[Part]) -> bool:
    """Whether the parts of 其中's own sentence add up to a sum the sentence before states
    (…补偿资金80万元下达给你们。其中:…56万元,…20万元,…4万元。) where the parts running on
    past it do not."""
    said = [s for s in re.split(r"[。；;]", before) if s.strip()]
    wholes = {a.value for a in find_amounts(said[-1])} if said else set()
    return (
        len(sentence) >= 2
        and sum(part.amount.value for part in sentence) in wholes
        and sum(part.amount.value for part in parts) not in wholes
    )


def _adds_up_to_the_whole(before: str, parts: list[Part]) -> bool:
    """Whether ``parts`` can be of the sum written right before their 其中 (…第一年应补贴资金
    1800万元,其中准格尔旗…223.68万元;…): parts that add up to more are not its breakdown (每亩
    补贴1000元,其中第一年补贴600元,…本次分配的是第一年应补贴资金1800万元). Parts adding up to
    less are kept: a text may list only some, or its own sums may not agree. True when no sum
    is written there."""
    clause = re.split(r"[。；;]", before)[-1]
    sums = find_amounts(clause)
    if not sums or not clause.rstrip(" ，,：:").endswith(sums[-1].text):
        return True
    if _is_price(clause, sums[-1]):
        return False  # a rate's parts (每亩分三年补贴1000元,其中第一年补贴600元,…): no spending's
    return sum(part.amount.value for part in parts) <= sums[-1].value


# A share of a project's money given to a place, at the start of its sentence or line (为昌邑区
# 拟投入资金46万元,…; 潞城区2023年散煤清零任务数18968户,…合计11446.45万元); never the
# whole (全市…, 本县…, 我区…).
_PLACE_SHARE = re.compile(
    r"^\s*(?:为|向|给|对|下达|分配给?|安排)?(?!全|本|我)(?P<place>[\u4e00-\u9fff]{1,10}?"
    r"(?:省|市|区|县|旗|州|镇|乡|街道|街道办))"
    # its sum or what is done with it next: not 省级…, 美丽乡村, 农贸市场
    r"(?=[0-9０-９(（:：,，\s]|拟|计划|投入|安排|分配|下达|补助|资金|任务|共|合计)"
)
_INLINE_ITEM = re.compile(r"\s+(?=[0-9]{1,2}[.、．][\u4e00-\u9fff])")
# (after the cell's label, if any: 分配情况：1.石麟镇…)
_ITEM_MARKER = re.compile(
    r"^\s*(?:[\u4e00-\u9fff]{2,8}[:：]\s*)?[0-9]{1,2}[.、．](?=[\u4e00-\u9fff])"
)
_SHARE_TOTAL = re.compile(r"(?:合计|共计|小计|总计)\s*[:：]?\s*$")


def place_shares(text: str, whole: Decimal) -> list[Part]:
    """The shares of a project's money its text gives to places, a sentence or line each (为
    昌邑区拟投入资金46万元,其中省级补助资金44万,…;为船营区拟投入资金325万元,…): each the
    sum its 合计 states, else the first it states; two places at least, each once, and only
    where the shares make up ``whole``, the project's total. [] otherwise."""
    parts: list[Part] = []
    # (or a numbered item each, run together in a table's cell: 1.石麟镇47.6148万元,涉及971人
    # 2.冠英镇36.0118万元,…)
    pieces = [
        _ITEM_MARKER.sub("", item)
        for sentence in _sentences(text)
        for item in _INLINE_ITEM.split(sentence)
    ]
    for piece in pieces:
        place = _PLACE_SHARE.match(piece)
        sums = [a for a in find_amounts(piece) if not is_rate(piece, a)]
        if place is None or not sums or _SOURCE_PART.match(place["place"]):
            continue
        total = [a for a in sums if _SHARE_TOTAL.search(piece[: a.start])]
        amount = total[-1] if total else sums[0]
        parts.append(Part(name=place["place"], amount=amount, text=piece.strip()))
    names = [part.name for part in parts]
    if len(parts) < 2 or len(set(names)) != len(names):
        return []
    return parts if sum(part.amount.value for part in parts) == whole else []


def sums_as_parts(text: str) -> list[Part]:
    """The parts of a project that states several sums of its money and no total (购生产母牛
    3895头,每头补助5000元,投入资金1947.5万元;购生产母驴…投入资金933.5万元): each sum closes a
    part, named by its first words. [] unless there are two at least, each named, none a
    source of the money."""
    parts = _parts_in(text.replace("\n", "；"), by_sentence=True)
    return _spent_on(parts) if len(parts) >= 2 else []


def _spent_on(parts: list[Part]) -> list[Part]:
    """``parts``, or [] when one names a source of the money (中央财政资金30万元，省级50万元;
    村集体资金): those are funding sources, not parts."""
    return [] if any(names_a_source(part.name) for part in parts) else parts


def names_a_source(name: str) -> bool:
    """Whether ``name`` names where money comes from (中央资金, 县级配套, 村集体资金), not
    what it is spent on."""
    return bool(_SOURCE_PART.match(name))


# A sum as a text writes it after a name or before its use (…项目144万元, 40万元用于…): the
# one pattern for every reader of lists and notices.
# (commas only between digits: 100，万元 is no sum)
MONEY = (
    r"(?P<amount>[0-9０-９](?:[0-9０-９,，]*[0-9０-９])?(?:[.．][0-9０-９]+)?\s*(?:万元|元|亿元))"
)


# What was done with a project's own money, not more of it: spent, paid, what is left.
SPENT_OR_LEFT = r"完成投资|完成|支出|支付|拨付|使用|到位|执行|兑付|发放|余额|结余|剩余"
# What was paid of a project's money so far, or is left of it: no whole (完成总投资…, 结余
# 资金…; never money carried over from last year, 上年结转…, which is spent with the year's).
PAID_OR_LEFT = re.compile(
    rf"(?:已|累计)(?:{SPENT_OR_LEFT})|(?<!计划)(?<!预计)完成总?投资|结余|节余|结转下年|结转至|余额|剩余"
)


def money(match: re.Match) -> ParsedAmount:
    """The sum a match's ``MONEY`` group holds (its commas only between digits, it always
    reads as one); its positions are within the group's words."""
    return find_amounts(match["amount"])[0]


# A sum given over to a use, up to the words naming the use (40万元,专项用于…).
GIVEN_OVER = rf"{MONEY}\s*[，,]?\s*(?:专项|全部|主要)?"
# A part written as its sum and then what it is for: 265万元用于居家养老上门服务.
SUM_FOR = re.compile(rf"^\s*{GIVEN_OVER}(?:用于|为)(?P<name>[^，,；;。]{{2,40}})$")


def _parts_in(rest: str, *, by_sentence: bool = False) -> list[Part]:
    """The parts of a breakdown's words, each closed by a sum, or each a sum and what it is
    for (其中,265万元用于居家养老上门服务,400万元用于家庭养老床位建设); [] when one has no
    name. ``by_sentence``: a part begins no earlier than its sentence."""
    clauses = [c for c in re.split(r"[，,；;、]", rest.strip(" 。：:")) if c.strip()]
    spent = [SUM_FOR.match(halfwidth(clause)) for clause in clauses]
    if len(spent) >= 2 and all(spent):
        return [
            Part(name=match["name"].strip(), amount=find_amounts(clause)[0], text=clause.strip())
            for clause, match in zip(clauses, spent, strict=True)
            if find_amounts(clause)
        ]
    parts: list[Part] = []
    begin = 0
    for amount in find_amounts(rest):
        if is_rate(rest, amount):
            continue  # a rate inside the part
        words = rest[begin : amount.end].strip(" ，,；;。：:、")
        label = rest[begin : amount.start].rsplit("。", 1)[-1]
        begin = amount.end
        if by_sentence:
            # A part begins with its sentence (…,支出率100%。甲公司…补助资金35万元 → 甲公司…).
            words = words.rsplit("。", 1)[-1]
        # …or its ；-part (…,免费放映数字电影14.5万场;送戏下乡经费1120万元 → 送戏下乡…).
        words = re.split(r"[；;]", words)[-1] or words
        if parts and re.fullmatch(r"[\s，,；;。]*(?:共计|合计|总计)\s*[:：为]?\s*", label):
            break  # the parts' whole said after them (…计2571600元。共计13778587元。)
        name = _part_name(words)
        if not name:
            return []
        # Places that each get the sum (福清市、长乐区…和罗源县各10万元): a part each.
        each = _EACH_OF_PLACES.fullmatch(name)
        places = re.split(r"、|和|及", each["places"]) if each else []
        if len(places) >= 2 and all(2 <= len(place) <= 12 for place in places):
            parts.extend(Part(name=place, amount=amount, text=words) for place in places)
            continue
        parts.append(Part(name=name, amount=amount, text=words))
    return parts


# Places listed, each given the sum after them: 福清市、长乐区、闽侯县和罗源县各.
_PLACE = r"[\u4e00-\u9fff]{2,12}?(?:省|市|州|盟|县|区|旗|镇|乡|街道|村)"
_EACH_OF_PLACES = re.compile(rf"(?P<places>{_PLACE}(?:(?:、|和|及){_PLACE})+)(?:{_EACH_GETS}|各)")


def _part_name(words: str) -> str:
    """A part's name: its first clause without the count or sum it ends with (家庭农场12家… →
    家庭农场; 改建100户以上自然村公厕目标30座 → 改建100户以上自然村公厕目标; 农村厕所后续管护
    资金35万元 → 农村厕所后续管护资金); "" when that leaves no name."""
    clauses = [clause for clause in re.split(r"[，,；;。]", words) if clause.strip()]
    # A clause saying what the figures follow (参考2025年度资金规模, 根据…) names nothing, nor
    # does a note on the part before (…1271.34万元(占比30%),自筹资金2966.46万元).
    while len(clauses) > 1 and (
        _CONTEXT_CLAUSE.match(clauses[0].strip())
        or re.fullmatch(r"\s*[(（][^()（）]*[)）]\s*", clauses[0])
    ):
        clauses.pop(0)
    # Its count or sum at the end goes (家庭农场12家 → 家庭农场; …目标30座 → …目标), and so
    # do the year and the verb before it (2026年度计划产业发展项目81个 → 产业发展项目).
    name = _COUNT_AT_END.sub("", clauses[0]).strip()
    # (and each count before it: 低保人员9596户15520人计 → 低保人员)
    while (shorter := _COUNT_AT_END.sub("", name).strip()) and shorter != name:
        name = shorter
    # (and the count of who is paid with the verb paying them: 为一般户326人发放 → 一般户)
    name = re.sub(
        r"[0-9０-９]+\s*(?:人|户|名|家|个)(?:次)?(?:发放|补助|补贴|兑付|拨付|奖励)$", "", name
    ).strip()
    # Its count before a money label after 、 goes with the label (准格尔旗3728亩、分配资金 →
    # 准格尔旗).
    name = re.sub(
        r"[0-9０-９][0-9０-９.,，]*\s*[\u4e00-\u9fff]{1,2}、(?:分配|安排|补助|下达)?(?:资金|金额)$",
        "",
        name,
    ).strip()
    name = _YEARS_PREFIX.sub("", re.sub(r"^(?:其中)?包括\s*[:：]?", "", name))
    while (verb := _LEADING_VERB.match(name)) and _worth_a_name(name[verb.end() :]):
        name = name[verb.end() :]
    # (a part may open with a count: 6个省级水库及42座中小型水库维护维修经费)
    return name if _clean_name(_LEADING_COUNT.sub("", name)) else ""


_CONTEXT_CLAUSE = re.compile(r"^(?:参考|根据|按照|依据|经)")
_COUNT_AT_END = re.compile(r"[0-9０-９][0-9０-９.,，]*\s*[\u4e00-\u9fff]{0,2}(?:左右)?$")
_LEADING_COUNT = re.compile(r"^[0-9０-９]+\s*[个座条处家所项名户村]")


def _sentences(text: str) -> list[str]:
    """The sentences and ；-parts of ``text`` that hold something."""
    return [part for part in re.split(r"[。；;\n]", text) if part.strip()]


def _sentences_and_ends(text: str) -> list[tuple[str, bool]]:
    """The sentences and ；-parts of ``text`` that hold something, each with whether it ends
    a sentence (a ；-part goes on with the next)."""
    # (a ； inside brackets parts a breakdown, not the sentence: 7171户(其中监测对象177户;
    # 脱贫户6994户)兑付…)
    pieces, start, depth = [], 0, 0
    for at, char in enumerate(text):
        depth = max(0, depth + (char in "(（") - (char in ")）")) if char != "\n" else 0
        if char in "。\n" or (char in "；;" and not depth):
            pieces += [text[start:at], char]
            start = at + 1
    pieces.append(text[start:])
    found = []
    for piece, stop in itertools.zip_longest(pieces[0::2], pieces[1::2], fillvalue="。"):
        if piece.strip():
            found.append((piece, stop not in "；;"))
        elif found and stop not in "；;":
            found[-1] = (found[-1][0], True)
    return found


def _counted_noun(text: str, count: tuple) -> str:
    """What a count counts: its unit and the noun right after it (70个行政村 → 个行政村)."""
    _value, unit, where, _label = count
    at = text.find(unit, where)
    # (what each of them gets said right after them: 18个…分类示范县各安排100万元 → 个…示范县)
    each = re.match(rf"[\u4e00-\u9fff]{{1,24}}?(?={_EACH_GETS})", text[at + len(unit) :])
    if each is not None:
        return unit + each.group()
    after = re.match(r"[\u4e00-\u9fff]{0,6}", text[at + len(unit) :]).group()
    # The counted noun ends before the next clause's words (3060亩每亩 → 亩).
    after = after.split("每")[0]
    return unit + after


def extract_lines(text: str, source: str) -> LineResult:
    """Line items of one sub-item text (the body after its ``N.`` marker)."""
    text = sentence_stops(_WRAP.sub("", text))
    result = LineResult(lines=[])
    items = split_numbered(text, at="anywhere", style="circled")
    if items:
        for item in items:
            line = _segment_lines(text[item.body_start : item.end], source, item.marker)
            if line is not None and line.amount is not None:
                result.lines.append(line)
                result.lines.extend(line.siblings)
        return result
    sums = _sums(text)
    if not sums:
        result.lines = rate_lines(text, source)
        return result
    # No markers: the sentence that states the sub-item's sum; named by its clause.
    amount = sums[-1]
    if source == "content":
        result.declared = amount
    parts = _parts(text)
    lines: list[Line] = []
    for _offset, part in parts:
        for piece in _split_bracket_items(part):
            line = _line_from_part(piece, source)
            if line is not None:
                lines.append(line)
    # Several sums in separate parts (购置A…预算46000元；B…预算13500元): one line each.
    per_part = []
    for _offset, part in parts:
        part_sums = _sums(part)
        if part_sums and not _TOTAL_PART.search(part.strip()):
            per_part.append((part, part_sums[-1]))
    if len({amount.value for _part, amount in per_part}) > 1 and source == "content":
        result.declared = None
        for part, part_amount in per_part:
            line = Line(
                marker="",
                name=_name_before(part, part_amount)[:300],
                amount=part_amount,
                source=source,
            )
            line.formula, line.factors = _formula_of(part, part_amount, part)
            result.lines.append(line)
        return result
    if source == "content":
        # A narrative content states one sum for the sub-item: keep that one line.
        sentence_start = max(text.rfind(sep, 0, amount.start) for sep in "。；;\n")
        sentence = text[sentence_start + 1 : amount.end]
        # Named by the words right before the sum (需预算农村党员教育培训经费50万元); when they
        # say nothing (需资金、共计), the builder names the line after its sub-item.
        clause = _clause_before(text, amount.start)
        name = destination_name(text, amount)
        if not name and not _SKIP_CLAUSE.match(clause.strip()):
            name = _clean_name(clause)
        line = Line(marker="", name=name[:300], amount=amount, source=source)
        line.formula, line.factors = _formula_of(text, amount, sentence)
        result.lines = [line]
    else:
        result.lines = lines
    return result
