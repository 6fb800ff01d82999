"""Amounts of money: read what finance staff write, format for pages, PDFs and open data.

All money is ``Decimal`` in 元, never ``float``. 万元 and 亿元 are ways of writing an amount,
not ways of storing it. This module is the one place that reads amounts
(:func:`parse_amount_exact`, :func:`parse_amount`, :func:`find_amounts`) and writes them
(:func:`format_yuan`, :func:`format_wan`, :func:`to_daxie`), and :func:`round_yuan` is the one
place in the project that rounds.

Reading is strict: an amount that cannot be read raises :class:`AmountError`, whose message
(in Chinese) quotes the text and names the character at fault, counted from 1 as a reader
counts. Full-width digits and punctuation are read through :func:`budget.normalize.halfwidth`,
which keeps positions, so the character named is the one in the text as written.

Conversions are exact: 1 万元 is 10000 元 and 1 亿元 is 100000000 元, multiplied in
``Decimal`` with enough precision never to round.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import (
    MAX_EMAX,
    MAX_PREC,
    MIN_EMIN,
    ROUND_HALF_UP,
    Context,
    Decimal,
    DivisionByZero,
    Inexact,
    InvalidOperation,
    Overflow,
)

from .normalize import excerpt, halfwidth, position_phrase

__all__ = [
    "MAX_YUAN",
    "MONEY_AFTER_WAN",
    "UNIT_MULTIPLIERS",
    "YUAN",
    "AmountError",
    "AmountPrecisionError",
    "AmountRangeError",
    "ParsedAmount",
    "find_amounts",
    "format_decimal",
    "format_wan",
    "format_yuan",
    "parse_amount",
    "parse_amount_exact",
    "round_yuan",
    "to_daxie",
]

YUAN = Decimal("0.01")
"""One 分, the precision of every amount."""

MAX_YUAN = Decimal(10) ** 14
"""Amounts are below 100万亿元 (the database keeps 16 digits, 2 of them after the point);
:func:`to_daxie` writes up to and including this value."""

UNIT_MULTIPLIERS: dict[str, Decimal] = {
    "元": Decimal(1),
    "万元": Decimal(10_000),
    "亿元": Decimal(100_000_000),
}
"""How many 元 one of each money unit is, by the unit's normalised name."""

ZERO = Decimal("0.00")

# Powers of ten of the money units: a number in 万元 may have 6 decimals down to the 分.
_UNIT_EXPONENTS = {"元": 0, "万元": 4, "亿元": 8}

# Multiplication and scaling that can never round: an inexact result would raise.
_EXACT = Context(
    prec=MAX_PREC,
    Emax=MAX_EMAX,
    Emin=MIN_EMIN,
    traps=[InvalidOperation, DivisionByZero, Overflow, Inexact],
)
# The same precision for quantize(), which rounds on purpose (in round_yuan only).
_WIDE = Context(prec=MAX_PREC, Emax=MAX_EMAX, Emin=MIN_EMIN, traps=[InvalidOperation, Overflow])

_DIGITS = "0123456789"
# Units as written, longest first, and their normalised names. 万 and 亿 alone mean 万元, 亿元.
_UNITS_WRITTEN = (("万元", "万元"), ("亿元", "亿元"), ("元", "元"), ("万", "万元"), ("亿", "亿元"))
_YUAN_SIGNS = "¥￥"  # U+00A5 and U+FFE5: the yuan sign, as typed on either keyboard
_RMB = "人民币"
_MINUS_SIGNS = "-−–—﹣"  # halfwidth() has turned the full-width minus into "-"
# Chinese numerals that are not digits here ("12三万元"); 十百千 read as unknown units instead.
_CHINESE_NUMERALS = "零〇一二三四五六七八九两壹贰叁肆伍陆柒捌玖"
_SHOWN_TEXT_LIMIT = 80


def _decimal(value: object, what: str = "金额") -> Decimal:
    """``value`` as a finite Decimal; ints are accepted, floats and anything else are not."""
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        raise TypeError(f"{what}应为 Decimal，而不是 {type(value).__name__}（{value!r}）。")
    value = Decimal(value)
    if not value.is_finite():
        raise ValueError(f"{what}不是有限的数：{value}。")
    return value


def round_yuan(value: Decimal) -> Decimal:
    """Round ``value`` (元) to the 分, half up: ``1.005`` → ``1.01``, ``2.5`` → ``2.50``.

    This is the one place in the project where money is rounded. The result always has
    exactly two decimal places, and zero is ``Decimal("0.00")`` (never ``-0.00``).
    Raises ``TypeError`` for a float and ``ValueError`` for NaN or an infinity.
    """
    value = _decimal(value)
    rounded = value.quantize(YUAN, rounding=ROUND_HALF_UP, context=_WIDE)
    return rounded if rounded else ZERO


# --- errors ----------------------------------------------------------------------------------


class AmountError(ValueError):
    """An amount that cannot be read.

    ``text`` is the text as given, ``position`` the 0-based index of the character at fault
    (``len(text)`` for "at the end", None when the problem is not at one place), ``reason``
    what is wrong, in Chinese, ``where`` an optional place such as ``项目1 子项目2``.
    ``str()`` says all of it: ``无法识别的金额“12三万元”：第3个字符“三”不是数字``.
    """

    headline = "无法识别的金额“{text}”"

    def __init__(
        self, text: str, reason: str, position: int | None = None, where: str = ""
    ) -> None:
        self.text = text
        self.reason = reason
        self.position = position
        self.where = where
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """The whole message in Chinese: where (if given), the text, the character, why."""
        prefix = f"{self.where}：" if self.where else ""
        headline = self.headline.format(text=excerpt(self.text, _SHOWN_TEXT_LIMIT))
        return f"{prefix}{headline}：{position_phrase(self.text, self.position)}{self.reason}"

    def __str__(self) -> str:
        return self.message

    def __reduce__(self):
        return (type(self), (self.text, self.reason, self.position, self.where))

    def located(self, where: str) -> AmountError:
        """The same error with ``where`` (e.g. ``项目1 子项目2``) put before the message."""
        return type(self)(self.text, self.reason, self.position, where)


class AmountPrecisionError(AmountError):
    """An amount that is readable but more precise than 1 分 (:func:`parse_amount`)."""

    headline = "金额“{text}”精确到了分以下"


class AmountRangeError(AmountError):
    """An amount that is readable but not below :data:`MAX_YUAN`."""

    headline = "金额“{text}”超出范围"


# --- reading ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ParsedAmount:
    """An amount read from text.

    ``value`` is the exact value in 元, not rounded (``21.4450元`` gives ``21.4450``).
    ``unit`` is the unit written, normalised: ``元``, ``万元`` (also for ``万``) or ``亿元``
    (also for ``亿``); ``""`` when none was written and the default unit applied. ``text`` is
    the amount as written and ``start``/``end`` its span in the text that was read. ``per``
    is set for a price rather than a sum: ``个`` for ``19元/个``, ``""`` otherwise.
    """

    value: Decimal
    unit: str
    text: str
    start: int
    end: int
    per: str = ""


@dataclass(frozen=True)
class _Number:
    """A number as scanned: its digits and where its fraction starts in the text."""

    integer: str
    fraction: str
    fraction_start: int
    end: int

    @property
    def value(self) -> Decimal:
        return Decimal(f"{self.integer}.{self.fraction}" if self.fraction else self.integer)


_BAD_GROUP = "位置不对：千分位分隔符应每三位数字一个"


def _scan_number(text: str, normal: str, start: int, end: int) -> _Number:
    """Scan the number at ``start`` (a digit) of ``normal``; AmountError when it is malformed."""
    position = start
    while position < end and normal[position] in _DIGITS:
        position += 1
    integer = normal[start:position]
    if position < end and normal[position] == ",":
        if len(integer) > 3:
            raise AmountError(text, _BAD_GROUP, position)
        while position < end and normal[position] == ",":
            group_end = position + 1
            while group_end < end and normal[group_end] in _DIGITS:
                group_end += 1
            if group_end - position - 1 != 3:
                raise AmountError(text, _BAD_GROUP, position)
            integer += normal[position + 1 : group_end]
            position = group_end
    fraction = ""
    fraction_start = position + 1
    if position < end and normal[position] == ".":
        fraction_end = fraction_start
        while fraction_end < end and normal[fraction_end] in _DIGITS:
            fraction_end += 1
        if fraction_end == fraction_start:
            raise AmountError(text, "后面缺少数字", position)
        fraction = normal[fraction_start:fraction_end]
        position = fraction_end
        if position < end and normal[position] == ".":
            raise AmountError(text, "是多余的小数点：一个金额只能有一个小数点", position)
        if position < end and normal[position] == ",":
            raise AmountError(text, "不应出现在小数部分", position)
    return _Number(integer, fraction, fraction_start, position)


def _unit_at(normal: str, position: int) -> tuple[str, str]:
    """The money unit written at ``position`` and its normalised name, or ``("", "")``."""
    for written, name in _UNITS_WRITTEN:
        if normal.startswith(written, position):
            return written, name
    return "", ""


def _word_end(normal: str, position: int, end: int) -> int:
    while position < end and normal[position].isalpha():
        position += 1
    return position


def _scale(value: Decimal, unit: str) -> Decimal:
    """``value`` written in ``unit`` (normalised name), in 元, exactly."""
    multiplier = UNIT_MULTIPLIERS[unit]
    return value if multiplier == 1 else _EXACT.multiply(value, multiplier)


@dataclass(frozen=True)
class _Parsed:
    amount: ParsedAmount
    number: _Number
    unit: str  # the unit the value is in (written or default)


def _check_default_unit(default_unit: str) -> None:
    if default_unit not in UNIT_MULTIPLIERS:
        raise ValueError(f"默认单位“{default_unit}”无效，应为元、万元或亿元。")


def _parse(text: str, default_unit: str) -> _Parsed:
    if not isinstance(text, str):
        raise TypeError(f"金额原文应为字符串，而不是 {type(text).__name__}。")
    _check_default_unit(default_unit)
    normal = halfwidth(text)
    end = len(normal.rstrip())
    start = len(normal) - len(normal.lstrip())
    if start >= end:
        raise AmountError(text, "金额为空")
    position = start
    currency = False
    if normal.startswith(_RMB, position):
        currency = True
        position += len(_RMB)
        while position < end and normal[position].isspace():
            position += 1
    if position < end and normal[position] in _YUAN_SIGNS:
        currency = True
        position += 1
        while position < end and normal[position].isspace():
            position += 1
    if position >= end:
        raise AmountError(text, "缺少数字", end)
    char = normal[position]
    if char in _MINUS_SIGNS:
        raise AmountError(text, "是负号：预算金额不能为负数", position)
    if char == ".":
        raise AmountError(text, "前面缺少数字（如0.5）", position)
    if char not in _DIGITS:
        raise AmountError(text, "不是数字", position)
    number = _scan_number(text, normal, position, end)
    position = number.end
    while position < end and normal[position].isspace():
        position += 1
    written, unit = _unit_at(normal, position)
    if written:
        position += len(written)
        if position < end and normal[position] == "整":
            position += 1
        if position < end:
            if normal[position] == "/":
                raise AmountError(text, "表示单价（如“元/月”），这里需要的是一笔金额", position)
            raise AmountError(text, "是多余的内容：金额单位之后不应再有文字", position)
    elif position < end:
        char = normal[position]
        if position > number.end and char in _DIGITS:
            raise AmountError(text, "是多余的空格：数字中间不能有空格", number.end)
        if char.isalpha() and char not in _CHINESE_NUMERALS:
            word = normal[position : _word_end(normal, position, end)]
            raise AmountError(
                text, f"起的“{word}”不是可识别的金额单位，应为元、万元或亿元", position
            )
        raise AmountError(text, "不是数字", position)
    if not written:
        unit = "元" if currency else default_unit
    value = _scale(number.value, unit)
    if value >= MAX_YUAN:
        raise AmountRangeError(text, "金额应小于100万亿元")
    amount = ParsedAmount(
        value=value,
        unit=unit if written or currency else "",
        text=text[start:end],
        start=start,
        end=end,
    )
    return _Parsed(amount, number, unit)


def parse_amount_exact(text: str, *, default_unit: str = "元") -> ParsedAmount:
    """Read the whole of ``text`` (surrounding spaces aside) as one amount, exactly, in 元.

    Accepted: ``20万元``, ``0.75万元``, ``7.837024万元``, ``3516344元``, ``1.2万`` (万 means
    万元, 亿 means 亿元), ``1亿元``, ``480.02 万元`` (spaces before the unit),
    ``3,516,344元`` and ``3，516，344元`` (thousands separators every three digits),
    ``200,000.00``, full-width ``２０万元``, ``21.4450元``, a trailing ``整`` after the unit,
    a leading ``人民币`` and/or ``￥``/``¥``, and bare numbers, which are read in
    ``default_unit`` (``元``, ``万元`` or ``亿元``) -- except after ``人民币`` or ``￥``, which
    already say 元.

    The value is exact (``21.4450元`` gives ``Decimal("21.4450")``): nothing is rounded.
    Raises :class:`AmountError` (message in Chinese, with the position) for an empty text,
    a negative amount, misplaced thousands separators (``3,51,6344``), two decimal points,
    an unknown unit (``20美元``), a price (``200元/月``) or anything else that is not one
    amount; :class:`AmountRangeError` for 100万亿元 or more.
    """
    return _parse(text, default_unit).amount


def _below_fen(parsed: _Parsed) -> int | None:
    """The position of the first digit written below 1 分, or None when there is none."""
    places = 2 + _UNIT_EXPONENTS[parsed.unit]  # 元: 2, 万元: 6, 亿元: 10
    for index, digit in enumerate(parsed.number.fraction):
        if index >= places and digit != "0":
            return parsed.number.fraction_start + index
    return None


def parse_amount(text: str, *, default_unit: str = "元", where: str = "") -> Decimal:
    """Read ``text`` as one amount (see :func:`parse_amount_exact`) and return it in 元, to the 分.

    An amount written more precisely than 1 分 (``21.4450元`` is 21.445 元,
    ``0.0000001万元`` is 0.001 元) raises :class:`AmountPrecisionError` instead of being
    rounded; a caller that wants rounding calls
    ``round_yuan(parse_amount_exact(text).value)`` explicitly. ``where`` (e.g.
    ``项目1 子项目2``) is put before the message of any error.
    """
    try:
        parsed = _parse(text, default_unit)
    except AmountError as error:
        raise (error.located(where) if where else error) from None
    value = parsed.amount.value
    rounded = round_yuan(value)
    if rounded != value:
        raise AmountPrecisionError(
            text,
            f"已在分以下（合计{format_decimal(value)}元），金额只能精确到分（0.01元）",
            _below_fen(parsed),
            where,
        )
    return rounded


# In running prose: a number, at most one space, then 元, 万元 or 亿元; a price adds "/人" etc.
# ASCII or full-width commas (both "," once half-width) group digits by three.
_PROSE_NUMBER = re.compile(r"(?:[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])|[0-9]+)(?:\.[0-9]+)?")
_PER_WORDS = (
    "人次|人天|人日|户次|车次|台次|场次|课时|学时|小时|平方米|立方米|平米|公里|千米|年度|学期|季度"
)
# Metric units written in Latin letters (元/km, 万元/m) price a length or a weight too.
_PER_WORD = rf"(?:{_PER_WORDS}|(?:km|m[23²³]?|kg|t)(?![A-Za-z0-9])|[\u4e00-\u9fff㎡㎥])"
_PROSE_UNIT = re.compile(
    rf"[ \u00a0]?(?P<unit>万元|亿元|元(?![旦宵]))(?:/(?P<per>{_PER_WORD}(?:[/·]{_PER_WORD})*))?"
)
_DIGIT_RUN = re.compile(r"(?<![0-9])[0-9]")
# 万 without 元 is money only right after 资金, 投资 or a verb of giving money (安排, 下达,
# 拨付), or a money field's label and colon, and only where its clause ends right after it:
# 资金80万, 本次安排75万, 工程资金投入:30万, 总投资：120万。 (never 2万人, 48万方, 3747万m3,
# a rate or a range: 1.5万/户, 3万-5万, nor prose: 共补助74.28万).
_BARE_WAN = re.compile(r"万(?=$|[，,。；;、)）\s])")
# … or where the money it is follows it, whatever comes before: 已下达1311万中央预算内计划投资,
# 争取300万省级资金 (never who holds it: 惠及5万投资者, 开立3万资金账户).
MONEY_AFTER_WAN = (
    r"(?:中央|省级|省|市级|市|县级|县|区级|区|财政|专项)*(?:预算内)?(?:计划)?(?:投资|资金)"
    r"(?!者|人|客|主体|账户|户|方)"
)
_WAN_BEFORE_MONEY = re.compile(rf"万(?={MONEY_AFTER_WAN})")
_MONEY_LABEL = re.compile(
    r"(?:(?:资金|投资|安排|下达|拨付)\s*[:：]?|(?:投入|金额|预算|经费|拨款|补助|总额|造价)\s*[:：])\s*$"
)


def _prefix_start(normal: str, start: int) -> int | None:
    """Where a ``人民币`` / ``￥`` (and one space) before the number at ``start`` begins."""
    position = start
    if position > 1 and normal[position - 1] == " ":
        if normal[position - 2] in _YUAN_SIGNS or normal.endswith(_RMB, 0, position - 1):
            position -= 1
    found = False
    if position > 0 and normal[position - 1] in _YUAN_SIGNS:
        position -= 1
        found = True
    if normal.endswith(_RMB, 0, position):
        position -= len(_RMB)
        found = True
    return position if found else None


def find_amounts(text: str) -> list[ParsedAmount]:
    """Every amount written with a money unit in running prose, in order, with its span.

    An amount is a number followed, directly or after one space, by ``元``, ``万元`` or
    ``亿元`` (``需经费3万元``, ``7.837024万元``, ``3,516,344元``, full-width forms too), or
    a number right after ``￥``/``人民币`` (then in 元). A ``人民币``/``￥`` before the number
    is part of the span. A price is found too, with ``per`` set: ``单价19元/个`` gives 19 元
    with ``per="个"`` (also ``元/人次``, ``元/平方米``, ``元/人/年`` …).

    Numbers without a money unit are not amounts, so years, dates, document numbers and
    counts (``2024年``, ``2月``, ``〔2014〕104号``, ``1-9月``, ``800个``) are never found;
    neither is ``74.28万`` (万 alone is too ambiguous in prose: ``2万人``), unless 资金, 投资,
    a verb of giving money or a money field's label and colon are right before it and its
    clause ends right after it (``资金80万，``, ``工程资金投入:30万``) or the money it is
    follows it (``1311万中央预算内计划投资``), nor a
    piece of a larger number (``3,51,6344元`` does not give ``6344元``), nor digits a page masked
    in part (``****925元``, ``** 925元``: after two stars). A full-width comma between
    digits groups them by three like an ASCII one (``3，500元`` is 3500 元) but elsewhere
    ends a clause (``共2次，300元`` gives 300 元). Values are exact, not rounded; nothing
    here raises on malformed text: what cannot be read is not an amount.
    """
    if not isinstance(text, str):
        raise TypeError(f"文本应为字符串，而不是 {type(text).__name__}。")
    normal = halfwidth(text)
    found: list[ParsedAmount] = []
    resume = 0
    for digit in _DIGIT_RUN.finditer(normal):
        start = digit.start()
        if start < resume:
            continue
        before = normal[start - 1] if start > 0 else ""
        if before == ".":
            continue  # the fraction of a number already passed over, or ".5" (ambiguous)
        if re.search(r"\*\*[\s,，]?$", normal[max(0, start - 3) : start]):
            # digits a page masked in part (****925元): what it hides is unknown (one star
            # is a product's: 60工作日*530元)
            resume = _PROSE_NUMBER.match(normal, start).end()
            continue
        if before == "," and text[start - 1] == "," and start > 1 and normal[start - 2] in _DIGITS:
            continue  # a piece of a number whose grouping is wrong: 3,51,6344
        number = _PROSE_NUMBER.match(normal, start)
        assert number is not None  # it starts with a digit
        unit = _PROSE_UNIT.match(normal, number.end())
        begin = _prefix_start(normal, start)
        if unit is not None:
            name, per, end = unit.group("unit"), unit.group("per") or "", unit.end()
        elif begin is not None:
            name, per, end = "元", "", number.end()
        elif (
            _BARE_WAN.match(normal, number.end()) and _MONEY_LABEL.search(normal, 0, start)
        ) or _WAN_BEFORE_MONEY.match(normal, number.end()):
            name, per, end = "万元", "", number.end() + 1  # 工程资金投入:30万
        else:
            continue
        value = _scale(Decimal(number.group().replace(",", "")), name)
        begin = start if begin is None else begin
        found.append(
            ParsedAmount(
                value=value, unit=name, text=text[begin:end], start=begin, end=end, per=per
            )
        )
        resume = end
    return found


def rounds_to(value: Decimal, stated: ParsedAmount) -> bool:
    """Whether ``value`` (in 元), written as ``stated`` is, in its unit to as many decimals,
    is ``stated``: parts of 13697.93万元 make up a whole stated as ``1.37亿元``, which is
    rounded. Only a whole in 万元 or 亿元 written with decimals whose last digit is at most a
    hundredth of it is taken as rounded (2亿元, 1.5亿元 could hide a quarter, a tenth of the
    parts); any other is exact."""
    number = re.search(r"[0-9][0-9,]*(?:\.([0-9]+))?", halfwidth(stated.text))
    if stated.unit not in ("万元", "亿元") or number is None or not number.group(1):
        return value == stated.value
    step = Decimal(1).scaleb(-len(number.group(1)))
    multiplier = UNIT_MULTIPLIERS[stated.unit]
    if step * multiplier * 100 > stated.value:
        return value == stated.value
    written = (value / multiplier).quantize(step, rounding=ROUND_HALF_UP, context=_WIDE)
    return written * multiplier == stated.value


# --- writing ---------------------------------------------------------------------------------


def format_decimal(value: Decimal) -> str:
    """A number as a reader writes it: no exponent, no trailing zeros (``1.20`` → ``1.2``).

    ``Decimal("1E+5")`` gives ``100000``, ``Decimal("0.000001")`` gives ``0.000001``, zero
    gives ``0``. The value is not rounded.
    """
    value = _decimal(value, "数值")
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text in ("-0", ""):
        text = "0"
    return text


def format_yuan(value: Decimal, *, grouping: bool = True, unit: bool = True) -> str:
    """An amount in 元 with exactly two decimals: ``3,516,344.00元``.

    ``grouping=False`` leaves out the thousands separators (ASCII commas), ``unit=False``
    the ``元``. The value is rounded to the 分 by :func:`round_yuan` first; negative values
    (differences) keep their sign: ``-1,000.00元``.
    """
    rounded = round_yuan(value)
    text = format(rounded, ",.2f" if grouping else ".2f")
    return text + "元" if unit else text


def format_wan(value: Decimal, *, unit: bool = True) -> str:
    """An amount in 万元 as a reader writes it, without trailing zeros or exponent.

    ``1500000`` → ``150万元``, ``78370.24`` → ``7.837024万元``, ``7500`` → ``0.75万元``,
    ``0`` → ``0万元``, ``1`` → ``0.0001万元``, ``0.01`` → ``0.000001万元``. The value is
    rounded to the 分 by :func:`round_yuan` first, so the text is exact to the 分.
    ``unit=False`` leaves out ``万元``.
    """
    rounded = round_yuan(value)
    text = format_decimal(rounded.scaleb(-4, _EXACT))
    return text + "万元" if unit else text


_DAXIE_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_DAXIE_PLACES = ("", "拾", "佰", "仟")


def _daxie_group(number: int) -> str:
    """0 < number < 10000 in capitals: 1010 → 壹仟零壹拾; a run of inner zeros is one 零."""
    out = []
    zero = False
    for place in range(3, -1, -1):
        digit = number // 10**place % 10
        if digit == 0:
            zero = bool(out)
            continue
        if zero:
            out.append("零")
            zero = False
        out.append(_DAXIE_DIGITS[digit] + _DAXIE_PLACES[place])
    return "".join(out)


def _daxie_integer(number: int) -> str:
    """number > 0 in capitals with 万 and 亿: 100010000 → 壹亿零壹万, 10^12 → 壹万亿."""
    if number >= 100_000_000:
        high, low = divmod(number, 100_000_000)
        text = _daxie_integer(high) + "亿"
        if low:
            text += ("零" if low < 10_000_000 else "") + _daxie_integer(low)
        return text
    if number >= 10_000:
        high, low = divmod(number, 10_000)
        text = _daxie_group(high) + "万"
        if low:
            text += ("零" if low < 1_000 else "") + _daxie_group(low)
        return text
    return _daxie_group(number)


def to_daxie(value: Decimal) -> str:
    """An amount in Chinese financial capitals (大写), as on invoices and official documents.

    ``1500000`` → ``壹佰伍拾万元整``, ``3516344`` → ``叁佰伍拾壹万陆仟叁佰肆拾肆元整``,
    ``1010`` → ``壹仟零壹拾元整``, ``100010000`` → ``壹亿零壹万元整``, ``1000.05`` →
    ``壹仟元零伍分``, ``12.3`` → ``壹拾贰元叁角``, ``0.5`` → ``伍角``, ``0`` → ``零元整``.

    The rules are those of the People's Bank of China for cheques and settlement vouchers
    (正确填写票据和结算凭证的基本规定), choosing one form where they allow two:

    * 整 follows an amount that ends at 元 (no 角, no 分); after 角 no 整 is written (the
      rules allow either; this is the shorter form), after 分 never.
    * Zeros between non-zero digits are read as one 零 (``1010`` → 壹仟零壹拾,
      ``100010000`` → 壹亿零壹万); zeros at the end of a 万 or 亿 section are not read
      (``107000`` → 壹拾万柒仟, the form without 零 of the two allowed).
    * When the 角 is 0 and the 分 is not, 零 stands after 元 (``1000.05`` → 壹仟元零伍分);
      when the 元 digit is 0 but the 角 is not, no 零 is written (``1680.32`` →
      壹仟陆佰捌拾元叁角贰分, again the form without 零).
    * The tens digit keeps its 壹 (``10`` → 壹拾元整, not 拾元整), as against alteration.
    * Below 1 元 there is no 元 and no 零 before the 角 or 分 (``0.05`` → 伍分).
    * No ``人民币`` prefix: callers add it where the form wants it.

    Accepts 0 to 10^14 元 (``壹佰万亿元整``) to the 分; raises ``ValueError`` (in Chinese)
    for a negative amount, one more precise than 1 分 or larger than 10^14, and
    ``TypeError`` for a float.
    """
    value = _decimal(value)
    if value < 0:
        raise ValueError(f"大写金额不能为负数：{value}。")
    if round_yuan(value) != value:
        raise ValueError(f"大写金额只能精确到分：{value}。")
    if value > MAX_YUAN:
        raise ValueError(f"大写金额最多支持100万亿元（10^14元）：{value}。")
    yuan, cents = divmod(int(value.scaleb(2, _EXACT)), 100)
    jiao, fen = divmod(cents, 10)
    if not yuan and not cents:
        return "零元整"
    text = _daxie_integer(yuan) + "元" if yuan else ""
    if not cents:
        return text + "整"
    if jiao:
        text += _DAXIE_DIGITS[jiao] + "角"
    elif yuan:
        text += "零"
    if fen:
        text += _DAXIE_DIGITS[fen] + "分"
    return text
