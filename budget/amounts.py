"""Amounts of money: parse what finance staff write, format for pages and the PDF.

All money is ``Decimal`` in 元. 万元 and 亿元 are units for input and display only. This module
is the one place that parses amounts (:func:`parse_amount`) and formats them
(:func:`format_yuan`, :func:`format_wan`, :func:`to_daxie`), and :func:`round_yuan` is the one
place that rounds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from .normalize import halfwidth

YUAN = Decimal("0.01")
MAX_YUAN = Decimal(10) ** 14  # DecimalField(max_digits=16, decimal_places=2)

UNITS = {
    "元": Decimal(1),
    "万元": Decimal(10_000),
    "万": Decimal(10_000),
    "亿元": Decimal(100_000_000),
    "亿": Decimal(100_000_000),
}
_CANONICAL_UNIT = {"元": "元", "万元": "万元", "万": "万元", "亿元": "亿元", "亿": "亿元"}


def round_yuan(value: Decimal) -> Decimal:
    """Round to the 分 (0.01 元), half up: the project's only rounding rule."""
    return value.quantize(YUAN, rounding=ROUND_HALF_UP)


class AmountError(ValueError):
    """An amount that cannot be read; ``str()`` says what and where, in Chinese."""

    def __init__(self, text: str, reason: str, position: int | None = None, where: str = ""):
        self.text = text
        self.reason = reason
        self.position = position
        self.where = where
        at = ""
        if position is not None and 0 <= position < len(text):
            at = f"第{position + 1}个字符“{text[position]}”"
        elif position is not None:
            at = "末尾"
        prefix = f"{where}：" if where else ""
        detail = f"{at}{reason}" if at else reason
        super().__init__(f"{prefix}无法识别的金额“{text}”：{detail}")


@dataclass(frozen=True)
class ParsedAmount:
    """An amount found in text: its exact value in 元 and how it was written."""

    value: Decimal
    unit: str
    text: str
    start: int
    end: int
    per: str = ""  # "月" for 200元/月: a price per something, not a sum


# A number as finance staff write it: 3,516,344.00 / 3516344 / 0.75; commas grouped by three.
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_WHOLE = re.compile(rf"^(?:人民币)?[¥￥]?\s*(?P<number>{_NUMBER})\s*(?P<unit>万元|亿元|元|万|亿)?$")


def _locate_error(text: str, normal: str) -> AmountError:
    """Explain why ``normal`` (half-width ``text``) is not an amount, pointing at a character."""
    stripped = normal.strip()
    offset = len(normal) - len(normal.lstrip())
    if not stripped:
        return AmountError(text, "金额为空")
    if stripped.startswith("-") or stripped.startswith("－"):
        return AmountError(text, "金额不能为负数", offset)
    body = re.match(r"^(?:人民币)?[¥￥]?\s*", stripped).end()
    digits = re.match(r"[\d,.]*", stripped[body:]).group()
    if not digits or not any(c.isdigit() for c in digits):
        return AmountError(text, "不是数字", offset + body)
    if digits.count(".") > 1:
        return AmountError(
            text, "有两个小数点", offset + body + digits.index(".", digits.index(".") + 1)
        )
    if "," in digits and not re.fullmatch(_NUMBER, digits):
        return AmountError(text, "千位分隔符位置不对", offset + body + digits.index(","))
    rest_at = offset + body + len(digits)
    rest = stripped[body + len(digits) :].strip()
    if rest and not rest.startswith(tuple(UNITS)):
        if rest[0].isdigit():
            return AmountError(text, "不是数字", rest_at)
        position = normal.index(rest[0], rest_at)
        return AmountError(text, "不是可识别的金额单位（元、万元、亿元）", position)
    return AmountError(text, "金额后有多余的文字", rest_at)


def parse_amount_exact(text: str, *, default_unit: str = "元") -> ParsedAmount:
    """Read a whole string as one amount, exactly (no rounding), in 元.

    Accepts ``20万元``, ``0.75万元``, ``3516344元``, ``1.2万``, ``480.02 万元``, ``3,516,344元``,
    full-width ``２０万元`` and bare numbers (read in ``default_unit``: ``元`` or ``万元``).
    """
    if default_unit not in UNITS:
        raise ValueError(f"unknown default unit {default_unit!r}")
    normal = halfwidth(text).replace("，", ",")
    match = _WHOLE.match(normal.strip())
    if match is None:
        raise _locate_error(text, normal)
    unit = match.group("unit") or default_unit
    value = Decimal(match.group("number").replace(",", "")) * UNITS[unit]
    if value >= MAX_YUAN:
        raise AmountError(text, "超过可记录的最大金额")
    written = _CANONICAL_UNIT[unit] if match.group("unit") else ""
    return ParsedAmount(value=value, unit=written, text=text.strip(), start=0, end=len(text))


def parse_amount(text: str, *, default_unit: str = "元", where: str = "") -> Decimal:
    """Read an amount in 元 to the 分; an amount more precise than 分 is an error, not rounded."""
    try:
        value = parse_amount_exact(text, default_unit=default_unit).value
    except AmountError as error:
        raise AmountError(error.text, error.reason, error.position, where) from None
    if value != round_yuan(value):
        raise AmountError(
            text, f"精确到分以下（{value.normalize():f}元），请核对单位或小数位", where=where
        )
    return round_yuan(value)


_IN_PROSE = re.compile(
    rf"(?<![\d.,])(?P<number>{_NUMBER})\s?(?P<unit>万元|亿元|元)(?:/(?P<per>[^\s\d，,。；;、）)]))?"
)


def find_amounts(text: str) -> list[ParsedAmount]:
    """Every amount with a money unit (元, 万元, 亿元) in running prose, with its span.

    ``单价19元/个`` is found with ``per="个"`` (a price, not a sum). Years, months and 文号 have
    no money unit and are not amounts.
    """
    normal = halfwidth(text)
    found = []
    for match in _IN_PROSE.finditer(normal):
        unit = match.group("unit")
        value = Decimal(match.group("number").replace(",", "")) * UNITS[unit]
        found.append(
            ParsedAmount(
                value=value,
                unit=unit,
                text=text[match.start() : match.end()],
                start=match.start(),
                end=match.end(),
                per=match.group("per") or "",
            )
        )
    return found


def _plain(value: Decimal) -> str:
    """A Decimal without exponent notation and without trailing zeros."""
    text = f"{value:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def format_yuan(value: Decimal, *, grouping: bool = True, unit: bool = True) -> str:
    """``3,516,344.00元``: always two decimals."""
    rounded = round_yuan(value)
    text = f"{rounded:,.2f}" if grouping else f"{rounded:.2f}"
    return text + ("元" if unit else "")


def format_wan(value: Decimal, *, unit: bool = True) -> str:
    """``7.837024万元``, ``150万元``, ``0.75万元``: in 万元, trailing zeros trimmed."""
    text = _plain(round_yuan(value) / UNITS["万元"])
    return text + ("万元" if unit else "")


_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_SMALL = ["", "拾", "佰", "仟"]
_GROUPS = ["", "万", "亿", "万亿"]


def _four(number: int) -> str:
    """0 < number < 10000 in capitals, zeros inside collapsed to one 零."""
    out = []
    zero = False
    for position in range(3, -1, -1):
        digit = number // 10**position % 10
        if digit == 0:
            zero = bool(out)
            continue
        if zero:
            out.append("零")
            zero = False
        out.append(_DIGITS[digit] + _SMALL[position])
    return "".join(out)


def to_daxie(value: Decimal) -> str:
    """Chinese financial capitals (大写) as on invoices and official documents.

    ``1500000`` → ``壹佰伍拾万元整``; ``1010`` → ``壹仟零壹拾元整``; ``1000.05`` →
    ``壹仟元零伍分``; ``12.3`` → ``壹拾贰元叁角整``; ``0.5`` → ``伍角整``; ``0`` → ``零元整``.
    Rules (the common banking convention): 整 closes an amount with no 分; a gap of zeros
    between non-zero groups or digits is read as one 零; 零 stands between 元 and 分 when the
    角 is zero; the tens digit keeps its 壹 (壹拾, not 拾).
    """
    if value < 0 or value != round_yuan(value) or value >= MAX_YUAN:
        raise ValueError("大写金额只支持 0 至 10^14 元、精确到分的金额")
    fen_total = int(round_yuan(value) * 100)
    yuan, cents = divmod(fen_total, 100)
    jiao, fen = divmod(cents, 10)
    parts = []
    if yuan:
        groups = []
        number = yuan
        while number:
            groups.append(number % 10000)
            number //= 10000
        out = []
        pending_zero = False
        for index in range(len(groups) - 1, -1, -1):
            group = groups[index]
            if group == 0:
                pending_zero = bool(out)
                continue
            if out and (pending_zero or group < 1000):
                out.append("零")
            pending_zero = False
            out.append(_four(group) + _GROUPS[index])
        parts.append("".join(out) + "元")
    if jiao:
        parts.append(_DIGITS[jiao] + "角")
    if fen:
        if yuan and not jiao:
            parts.append("零")
        parts.append(_DIGITS[fen] + "分")
    if not parts:
        return "零元整"
    text = "".join(parts)
    return text if fen else text + "整"
