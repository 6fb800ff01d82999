"""Line items (测算明细) from the content (五) or plan (七) text of a sub-item.

Shapes read (DESIGN §2 and others):

* a marked item that opens with its name and amount: ``①…座谈会经费30万元。``;
* its parts, each with an amount: ``自助餐费1.2万元（60人×100元×2天）；讲课费0.8万元…``,
  ``其中：每人每节慰问金500元，两节计20万元；…`` (children of the item), totals such as
  ``四项合计经费3万元`` skipped;
* factors in prose, kept when their product is the amount: ``推荐30人，每人1000元，需经费3万元``,
  ``计划购买800个，单价19元/个，预算15200元``, ``在职村组干部1563名，按照每人每年260元的标准
  购买，共需支付…406380元``;
* a formula in brackets, closed or not: ``22.8万元（95名×200元/月×12月=22.8万元``.

Nothing here corrects a number: amounts are kept as written (``21.4450元``).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from decimal import Decimal

from ..amounts import ParsedAmount, find_amounts
from ..formulas import FormulaError, parse_formula
from ..normalize import halfwidth
from .numbering import split_numbered

_TOTAL_PART = re.compile(r"^[^，,]{0,12}?(?:[两三四五六七八九十\d]+项)?(?:合计|总计|小计)")
_LEADING_VERB = re.compile(
    r"^(?:其中[：:]?|计划|预计|拟|需要|共需|需|支付|预算|安排|用于|购买|购置|采购|发放|划拨|补助|"
    r"共计|合计|计|约|为|的|共)"
)
_PRICE_BEFORE = re.compile(r"(?:每(?![年月季])[^，,；;。]{0,8}|单价[为是]?|标准为?|人均)$")
_NEED_WORDS = re.compile(r"需|预算|安排|共计|合计|计划|申请|拨付|补助|下达|划拨|支付|经费")
_COUNT = re.compile(
    r"(?P<value>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+(?:\.[0-9]+)?)(?P<more>余|多)?(?P<unit>人次|人|名|个|次|辆|天|月|户|家|所|期|批|场|节|台|套|块|间|项|座|处|份|册|本|件|盒|公里|千米|平方米|立方米|㎡|米|亩|吨|株|头|只|棵|张|把|部|栋|眼|口)"
)
_TIME_UNITS = {"天", "月", "节", "期", "年"}
_FORMULA_IN_BRACKETS = re.compile(
    r"[（(](?P<body>[^（()）]*?[×xX*✕][^（()）]*?)(?:[）)]|(?=，|；|。|$))"
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


def _sums(text: str) -> list[ParsedAmount]:
    """The amounts of ``text`` that are sums: not prices, not in quotes or calculations."""
    masked = _mask_formulas(_mask_quotes(text))
    return [a for a in find_amounts(masked) if not _is_price(text, a)]


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
    name = name.strip(" ，,；;。：:、的")
    if len(name) < 2 or _GENERIC_NAME.match(name):
        return ""
    return name


def _name_before(text: str, amount: ParsedAmount) -> str:
    """The name of the sum at ``amount``: from its own clause, else the clauses before it."""
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
    return formula, [(factor.value, factor.unit, "") for factor in parsed.factors]


_CN_COUNT = re.compile(r"(?P<value>[两二三四五六七八九十])(?P<unit>节|天|次|期|批|年|人|个|项)")
_CN_VALUES = {
    "两": 2,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
}


def _prose_factors(text: str, amount: ParsedAmount, context: str = "") -> tuple[str, list]:
    """Counts and one price in ``text`` whose product is ``amount``: (formula, factors).

    Counts stated earlier in the item (``context``, e.g. ``200余人`` before ``每人每节慰问金
    500元，两节计20万元``) are tried too; a combination is kept only when its product is the
    amount exactly.
    """
    counts = _counts(text)[-_MAX_COUNTS:]
    if context:
        seen = {(value, unit) for value, unit, _ in counts}
        earlier = [c for c in _counts(context) if (c[0], c[1]) not in seen]
        counts += earlier[-_MAX_CONTEXT_COUNTS:]
    return _search(text, amount, counts)


def _counts(text: str) -> list[tuple[Decimal, str, int]]:
    normal = halfwidth(text)
    counts = []
    for match in _COUNT.finditer(normal):
        if match.start() > 0 and normal[match.start() - 1] in "0123456789.":
            continue
        after = normal[match.end() : match.end() + 1]
        if match.group("unit") in ("月", "年") and after in ("份", "底", "前", "末", "初"):
            continue
        value = Decimal(match.group("value").replace(",", ""))
        counts.append((value, match.group("unit"), match.start()))
    # "每人每月200元，全年计…": the year's 12 months are implied.
    if "全年" in text and re.search(r"每月|月人均|月均|元/月", text):
        counts.append((Decimal(12), "月", text.index("全年")))
    for match in _CN_COUNT.finditer(text):
        if match.group("unit") in ("节", "天", "次", "期", "批") and text[
            match.end() : match.end() + 1
        ] not in ("前", "后"):
            counts.append(
                (Decimal(_CN_VALUES[match.group("value")]), match.group("unit"), match.start())
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
                for value, _unit, _start in combo:
                    product *= value
                if product != target:
                    continue
                things = [c for c in combo if c[1] not in _TIME_UNITS]
                times = [c for c in combo if c[1] in _TIME_UNITS]
                price_unit = price.unit + (f"/{price.per}" if price.per else "")
                price_value = price.value / (Decimal(10_000) if price.unit == "万元" else 1)
                ordered = [(v, u) for v, u, _ in things]
                ordered.append((price_value.normalize(), price_unit))
                ordered.extend((v, u) for v, u, _ in times)
                formula = "×".join(f"{_plain(v)}{u}" for v, u in ordered)
                return formula, [(v, u, "") for v, u in ordered]
    return "", []


def _plain(value: Decimal) -> str:
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _parts(text: str) -> list[tuple[int, str]]:
    """Sentences and ；-parts (with their offsets), also split after 其中："""
    out = []
    start = 0
    for match in re.finditer(r"[；;。\n]|其中[：:]", text):
        end = match.end() if match.group() not in ("；", ";", "。", "\n") else match.start()
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
    name = ""
    if (
        not head_sums
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
    bracket = _FORMULA_IN_BRACKETS.search(part, amount.end)
    if bracket and bracket.start() - amount.end <= 1:
        line.formula, line.factors = _factors_from_formula(bracket.group("body"))
    if not line.factors:
        line.formula, line.factors = _prose_factors(part, amount, context)
    return line


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
    _head_offset, head_part = parts[0]
    head = _line_from_part(head_part, source, marker)
    rest = parts[1:]
    if head is not None and head.amount is not None:
        comma = re.search(r"[，,]", head_part)
        in_first_clause = comma is None or head.amount.start < comma.start()
        if not in_first_clause and "其中" not in head_part[head.amount.end : head.amount.end + 4]:
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
    return head


# A line break that does not follow the end of a sentence is a wrap (texts exported from
# PDF break lines mid-sentence: "购置风力灭火机20\n台").
_WRAP = re.compile(r"(?<![。；;！!？?：:])[ \t]*\n[ \t]*")


def extract_lines(text: str, source: str) -> LineResult:
    """Line items of one sub-item text (the body after its ``N.`` marker)."""
    text = _WRAP.sub("", text)
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
            bracket = _FORMULA_IN_BRACKETS.search(part, part_amount.end)
            if bracket and bracket.start() - part_amount.end <= 1:
                line.formula, line.factors = _factors_from_formula(bracket.group("body"))
            if not line.factors:
                line.formula, line.factors = _prose_factors(part, part_amount)
            result.lines.append(line)
        return result
    if source == "content":
        # A narrative content states one sum for the sub-item: keep that one line.
        sentence_start = max(text.rfind(sep, 0, amount.start) for sep in "。；;\n")
        sentence = text[sentence_start + 1 : amount.end]
        # Named by the words right before the sum (需预算农村党员教育培训经费50万元); when they
        # say nothing (需资金、共计), the builder names the line after its sub-item.
        clause = _clause_before(text, amount.start)
        name = "" if _SKIP_CLAUSE.match(clause.strip()) else _clean_name(clause)
        line = Line(marker="", name=name[:300], amount=amount, source=source)
        bracket = _FORMULA_IN_BRACKETS.search(text, amount.end)
        if bracket and bracket.start() - amount.end <= 1:
            line.formula, line.factors = _factors_from_formula(bracket.group("body"))
        if not line.factors:
            line.formula, line.factors = _prose_factors(sentence, amount)
        result.lines = [line]
    else:
        result.lines = lines
    return result
