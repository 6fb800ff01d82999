"""六、资金安排情况: the declared total and its split by source of money."""

from __future__ import annotations

import re
from decimal import Decimal

from ..amounts import (
    ParsedAmount,
    find_amounts,
)
from ..normalize import halfwidth
from .lines import (
    EACH_GETS_BEFORE,
    breakdown,
    is_rate,
    rate_at,
)
from .tables import GLUED_BUDGET_ROW

# A label right before a sum saying it is the whole (总投资, 合计; an estimate's 约 and a
# label's 金额 too: 项目总投资金额约58万元): the one pattern for every reader of totals.
WHOLE_LABEL = re.compile(
    r"(?:合计|总计|共计|总额|总预算|总投资(?:概算|估算)?|总金额)(?:金额)?\s*[:：为是]?\s*约?\s*$"
)
# Words before a total, strongest first: 合计 beats 安排 (市级财政安排30万元，…，合计50万元).
_TOTAL_WORDS = (
    WHOLE_LABEL,
    re.compile(r"(?:安排|预算|资金|共|计划投资|投资规模)\s*[:：为是]?\s*约?\s*$"),
)


_BARE_WAN = re.compile(r"(?<![0-9.])(?P<value>[0-9]+(?:\.[0-9]+)?)\s*万(?!元)")


# Where a form's performance targets begin (a 绩效目标申报表 glued onto few lines runs its money
# rows on into them): a 成本指标 of 59万元 there is a target, no money of the section.
# (a cell's words, apart by spaces or bars: never prose, 按绩效指标考核后拨付, 完成年度目标任务)
_TARGETS = re.compile(
    r"(?:^|(?<=[\s|｜]))(?:实施期目标|年度目标|一级指标|二级指标|三级指标|绩\s*效\s*指\s*标)"
    r"(?=[\s|｜:：]|$)"
)


def funding_amounts(text: str) -> list[ParsedAmount]:
    text = _TARGETS.split(text, maxsplit=1)[0]  # (positions in the text kept)
    written = find_amounts(text)
    if written:
        # Sums only: a rate (每户1万元, 3个示范村各补助10万元) is no total, nor read again as a
        # bare number below.
        return [
            amount
            for amount in written
            if not is_rate(text, amount)
            and not EACH_GETS_BEFORE.search(text[max(0, amount.start - 8) : amount.start])
        ]
    if GLUED_BUDGET_ROW.search(re.sub(r"(?<=\S) (?=\S)", "", halfwidth(text))):
        # A form's budget row run together with its figures (…年度资金总额3555035550…): one
        # number of them is no sum; the form's reader parts them where it can, or none.
        return []
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
    name = re.sub(r"^(?:其中|含|资金来源(?:为|是)?(?:申请)?)\s*[:：]?", "", name.strip())
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
    amounts = funding_amounts(text)
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
    strong, weak = (
        [
            a
            for a in amounts
            if words.search(text[max(0, a.start - 8) : a.start]) and not rate_at(text, a.start)
        ]
        for words in _TOTAL_WORDS
    )
    # Said to be the whole (总投资…, 合计…); or the one sum written after 安排/资金, however
    # often (several: 中央…资金39.23万元, 市级…资金39.5万元 are sources, not the whole),
    # unless the first sum is what the others add up to (398万元,资金来源…中央投资370万元,
    # 地方配套资金28万元: 资金 names a source there).
    first_whole = len(amounts) > 2 and amounts[0].value == sum(a.value for a in amounts[1:])
    total = (
        strong[0]
        if strong
        else amounts[0]
        if first_whole
        else weak[0]
        if len({a.value for a in weak}) == 1
        else None
    )
    if total is None:
        # No sum said to be the whole: the one sum, or the one the others add up to (first or
        # last); of several sums that do not add up (中央…39.23万元, 市级…39.5万元, 区本级…
        # 2105.4万元), none is taken for the total.
        first, last = amounts[0], amounts[-1]
        if len(amounts) == 1 or first.value == sum(a.value for a in amounts[1:]):
            total = first
        elif last.value == sum(a.value for a in amounts[:-1]):
            total = last
        else:
            return None, []
    rest = [a for a in amounts if a is not total]
    if len(rest) >= 2 and sum(a.value for a in rest) == total.value:
        names = [_source_name(text, a) for a in rest]
        if all(names):
            sources = list(zip(names, rest, strict=True))
    return total, sources
