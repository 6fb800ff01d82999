"""Numbered lists in running text: 1. 2. …, （一）（二）, (1)(2), 一、二、, ①②③.

Markers are looked for in sequence (1, then 2, …), so ``2.2024年`` is item 2 whose text
starts with 2024年, and a decimal such as ``0.3万元`` is never taken for a marker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..normalize import halfwidth

_CN = "一二三四五六七八九十"
_DIGITS = "零一二三四五六七八九"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五, 112 → 一百一十二 (1 to 999)."""
    if not 0 < n < 1000:
        raise ValueError(f"{n} is outside 1 to 999")
    if n < 20:
        return ("十" if n >= 10 else "") + (_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        tens, ones = divmod(n, 10)
        return _DIGITS[tens] + "十" + (_DIGITS[ones] if ones else "")
    hundreds, rest = divmod(n, 100)
    head = _DIGITS[hundreds] + "百"
    if rest == 0:
        return head
    if rest < 10:
        return head + "零" + _DIGITS[rest]
    return head + ("一" if rest < 20 else "") + chinese_number(rest)


_VALUES = {chinese_number(n): n for n in range(1, 1000)} | {"两": 2}


def chinese_value(word: str) -> int | None:
    """The inverse of :func:`chinese_number` (十二 → 12), 两 → 2; None for other words."""
    return _VALUES.get(word)


def count_value(word: str) -> int | None:
    """A count as written, in digits or Chinese (12, 十二, 两); None for other words."""
    return int(word) if word.isdigit() else chinese_value(word)


def _marker_patterns(n: int) -> dict[str, str]:
    patterns = {
        # (its stop written twice: 2..审计业务费)
        "arabic": rf"{n}\s*(?:[.．]{{1,2}}|、)(?![0-9]*[.．][0-9])",
        "paren": rf"[（(]\s*{n}\s*[）)]",
    }
    if n < 1000:
        cn = chinese_number(n)
        patterns |= {"cnparen": rf"[（(]{cn}[）)]", "cn": rf"{cn}[、．.]"}
    if n <= len(CIRCLED):
        patterns["circled"] = CIRCLED[n - 1]
    return patterns


def marker_at_start(text: str, n: int, style: str | None = None) -> tuple[str, re.Match] | None:
    """(its style, the marker) of item ``n`` opening ``text`` (1. （一） (1) 一、 ①; of
    ``style`` only, when given), the match taking the spaces after it; None. Positions are
    ``text``'s."""
    normal = halfwidth(text)
    for kind, pattern in _marker_patterns(n).items():
        if style is None or kind == style:
            match = re.match(rf"\s*{pattern}\s*", normal)
            if match:
                return kind, match
    return None


@dataclass(frozen=True)
class Item:
    number: int
    marker: str  # as written, e.g. "1." or "①"
    start: int  # where the marker starts
    body_start: int  # where the text after the marker starts
    end: int  # where the next item (or the text) starts


def split_numbered(text: str, *, at: str = "line", style: str | None = None) -> list[Item]:
    """The numbered items of ``text``, in order; [] when it has no list.

    ``at="line"``: markers only at the start of a line (paragraphs of 五 and 七);
    ``at="clause"``: also after ；;。，, and spaces (the run-on list of 四);
    ``at="anywhere"``: wherever the next number's marker is written (①② in prose).
    The style is the one of item 1 (or ``style``); items must follow as 1, 2, 3 ….
    """
    if at == "line":
        before = r"(?:(?<=\n)|^)[ \t\u3000]*"
    elif at == "clause":
        before = r"(?:(?<=[\n；;。，,、 \t\u3000：:])|^)[ \t\u3000]*"
    else:
        before = ""
    normal = halfwidth(text)  # １． reads as 1. (same length, so positions hold)
    first = _marker_patterns(1)
    styles = [style] if style else list(first)
    best: list[Item] = []
    for name in styles:
        if name not in first:
            continue
        items: list[Item] = []
        position = 0
        number = 1
        while True:
            patterns = _marker_patterns(number)
            if name not in patterns:
                break
            match = re.compile(before + patterns[name], re.M).search(normal, position)
            if match is None:
                break
            if number == 1 and at != "anywhere" and text[: match.start()].strip():
                # The list does not open the text: allowed, the text before is a preamble.
                pass
            marker_start = match.start() + (len(match.group()) - len(match.group().lstrip()))
            items.append(Item(number, match.group().strip(), marker_start, match.end(), len(text)))
            position = match.end()
            number += 1
        if len(items) > len(best) or (
            len(items) == len(best) and items and best and items[0].start < best[0].start
        ):
            best = items
    fixed = []
    for index, item in enumerate(best):
        end = best[index + 1].start if index + 1 < len(best) else len(text)
        fixed.append(Item(item.number, item.marker, item.start, item.body_start, end))
    return fixed


# A list marker at the head of a line (项目1. 一、 （一） 1.), as the outline and the coverage
# check strip it.
LIST_MARKER = re.compile(
    r"^(?:项目\s*[0-9一二三四五六七八九十]+\s*[.、:：]?|[一二三四五六七八九十]+\s*[、.]|[（(]\s*[0-9一二三四五六七八九十]+\s*[）)]|[0-9]{1,2}\s*[.、](?![0-9]*\.[0-9]))"
)
