"""Calculations as finance staff write them: ``60人×100元×2天``, ``95名×200元/月×12月=22.8万元``.

A formula is two or more factors joined by multiplication signs, optionally followed by the
result the text states (``=22.8万元``, ``＝3万元``). A factor is a number and the unit written
after it, kept as written (``1.2`` and ``万元``; ``200`` and ``元/月``; ``60`` and ``人``).

:func:`parse_formula` reads a formula with a small scanner, never by evaluating it as code.
Full-width digits and signs are read through :func:`budget.normalize.halfwidth`, which keeps
positions, so a :class:`FormulaError` points at the character as written.

A factor whose unit starts with 万元 or 亿元 is money in that unit (``1.2万元/人`` is 12000 元
per person); a percentage or per-mille (``10%``, ``5‰``) is that share; every other factor
counts as written. The product is exact; the amount of a formula is the product rounded once,
by :func:`budget.amounts.round_yuan`.

A rate of another line of the same sub-item (``每月基本报酬×10%``) starts with that line's
reference: its marker (``①×10%``) or its number (``第2项×10%``). The formula keeps the
reference (:attr:`Formula.base`); whoever knows the sub-item's lines puts the line's amount in
its place (``projects.selectors``), so the product is still the product of the factors.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import (
    MAX_EMAX,
    MAX_PREC,
    MIN_EMIN,
    Context,
    Decimal,
    DivisionByZero,
    Inexact,
    InvalidOperation,
    Overflow,
)
from typing import Protocol

from .amounts import (
    AmountError,
    AmountPrecisionError,
    format_decimal,
    format_yuan,
    parse_amount,
    round_yuan,
)
from .normalize import excerpt, halfwidth, position_phrase

__all__ = [
    "MAX_LENGTH",
    "MIN_FACTORS",
    "TIMES_SIGNS",
    "Factor",
    "Formula",
    "FormulaError",
    "format_formula",
    "formula_base",
    "parse_formula",
    "product",
    "refers_to",
    "unit_multiplier",
]

MAX_LENGTH = 200
"""The longest formula read, in characters (surrounding spaces aside)."""

MIN_FACTORS = 2

TIMES_SIGNS = "×xX*✕✖⨯"
"""Multiplication signs, after :func:`~budget.normalize.halfwidth` (``＊`` is ``*`` then,
``ｘ`` is ``x``)."""

_DIGITS = "0123456789"
_EQUALS = "="  # ＝ once half-width
# Operators that are not multiplication: + - − ÷ / and dashes (full-width ones once half-width).
_OTHER_OPERATORS = "+-−÷/–—~"
# Shares: the unit of a percentage or per-mille is the sign, and it scales the number.
_SHARES = {"%": Decimal("0.01"), "‰": Decimal("0.001")}
# A reference to another line of the same sub-item, at the start of a formula: ① … ⑳ or 第N项.
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_REFERENCE = re.compile(rf"[{_CIRCLED}]|第[0-9]{{1,3}}项")
# Joining characters allowed inside a unit between two unit characters: 元/月, 人·天.
_UNIT_JOINERS = "/·・"
# Unit characters that are not letters: square and cubic metres, kilograms, superscripts …
_UNIT_SYMBOLS = "㎡㎥㎏㎞㎝㎜℃°²³"
# A unit that scales the number by a power of ten but is not money cannot be multiplied
# correctly by this module, so it is refused rather than silently counted as 1.
_SCALED_PREFIXES = ("万", "亿")
_MONEY_PREFIXES = (("亿元", Decimal(100_000_000)), ("万元", Decimal(10_000)))
_SCALED_MONEY = ("千元", "百元", "十元", "仟元", "佰元", "拾元")

# Products are exact: a context wide enough never to round, trapping any inexact result.
_EXACT = Context(
    prec=MAX_PREC,
    Emax=MAX_EMAX,
    Emin=MIN_EMIN,
    traps=[InvalidOperation, DivisionByZero, Overflow, Inexact],
)


class FormulaError(ValueError):
    """A formula that cannot be read.

    ``text`` is the formula as given, ``position`` the 0-based index of the character at
    fault (``len(text)`` for "at the end", None when the problem is not at one place),
    ``reason`` what is wrong, in Chinese. ``str()`` names the character from 1:
    ``无法识别的计算式“60人×÷2天”：第5个字符“÷”不是乘号或数字``.
    """

    def __init__(self, text: str, reason: str, position: int | None = None) -> None:
        self.text = text
        self.reason = reason
        self.position = position
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """The whole message in Chinese: the formula, the character at fault, the reason."""
        where = position_phrase(self.text, self.position)
        return f"无法识别的计算式“{excerpt(self.text)}”：{where}{self.reason}"

    def __str__(self) -> str:
        return self.message

    def __reduce__(self):
        return (type(self), (self.text, self.reason, self.position))


class _FactorLike(Protocol):
    @property
    def value(self) -> Decimal: ...

    @property
    def unit(self) -> str: ...


def unit_multiplier(unit: str) -> Decimal:
    """How many 元 one of ``unit`` is: 10000 for 万元… (万元/人 too), 10^8 for 亿元…; 0.01 for
    ``%`` and 0.001 for ``‰``; else 1."""
    unit = unit.strip()
    if unit in _SHARES:
        return _SHARES[unit]
    for prefix, multiplier in _MONEY_PREFIXES:
        if unit.startswith(prefix):
            return multiplier
    return Decimal(1)


@dataclass(frozen=True)
class Factor:
    """One factor of a formula: ``value`` and ``unit`` as written, and the factor's text.

    ``1.2万元`` is ``Factor(Decimal("1.2"), "万元", "1.2万元")``; ``200元/月`` is
    ``Factor(Decimal("200"), "元/月", …)``; a bare number has the unit ``""``.
    """

    value: Decimal
    unit: str = ""
    text: str = ""

    @property
    def multiplier(self) -> Decimal:
        """10000 when the unit starts with 万元, 100000000 when with 亿元, 0.01 for %, else 1."""
        return unit_multiplier(self.unit)

    @property
    def yuan_value(self) -> Decimal:
        """The value with 万元 / 亿元 turned into 元, exactly (``1.2万元`` → 12000)."""
        return _EXACT.multiply(self.value, self.multiplier)


@dataclass(frozen=True)
class Formula:
    """A parsed formula: its factors in order, the result it states (元) and its text, and
    ``base``, the reference to another line that it starts with (``①``, ``第2项``; "" for
    none), whose amount is its first factor."""

    factors: tuple[Factor, ...]
    stated_result: Decimal | None = None
    text: str = ""
    base: str = ""

    @property
    def product(self) -> Decimal:
        """The exact product of the factors, in 元 where money is involved; not rounded.
        With a ``base``, the product of the factors after it (see :meth:`of`)."""
        return product(self.factors)

    @property
    def amount(self) -> Decimal:
        """The product rounded to the 分 (:func:`budget.amounts.round_yuan`)."""
        return round_yuan(self.product)

    def of(self, base_amount: Decimal) -> Decimal:
        """The amount with the base line's amount (元) in place of its reference, rounded."""
        return round_yuan(_EXACT.multiply(base_amount, self.product))


def product(factors: Iterable[_FactorLike]) -> Decimal:
    """The exact product of the factors' values, 万元 and 亿元 turned into 元; never rounded.

    Accepts any objects with ``value`` and ``unit`` (:class:`Factor`, ``budget.tree``'s
    ``FactorData``). The product of no factors is 1.
    """
    result = Decimal(1)
    for factor in factors:
        value = _EXACT.multiply(factor.value, unit_multiplier(factor.unit))
        result = _EXACT.multiply(result, value)
    return result


def formula_base(text: str) -> str:
    """The reference a formula starts with (``①``, ``第2项``), or "" (without reading the
    rest: a formula that does not start with one is not a rate of another line)."""
    match = _REFERENCE.match(halfwidth(text).strip())
    return match.group() if match else ""


def refers_to(reference: str, marker: str, sequence: int, *, top_level: bool) -> bool:
    """Whether a line (its marker, its number among its siblings, whether it is a sub-item's
    own line) is the one ``reference`` names: ``①`` by its marker, ``第2项`` by its number."""
    if reference.startswith("第"):
        return top_level and reference == f"第{sequence}项"
    return bool(reference) and halfwidth(marker).strip() == reference


def _is_unit_char(char: str) -> bool:
    return (char.isalpha() and char not in TIMES_SIGNS) or char in _UNIT_SYMBOLS


class _Scanner:
    """Reads one formula from left to right; every error names a position in the text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.normal = halfwidth(text)
        self.end = len(self.normal.rstrip())
        self.start = self.position = len(self.normal) - len(self.normal.lstrip())

    def fail(self, reason: str, position: int | None) -> FormulaError:
        return FormulaError(self.text, reason, position)

    def skip_spaces(self) -> None:
        while self.position < self.end and self.normal[self.position].isspace():
            self.position += 1

    def char(self) -> str:
        return self.normal[self.position] if self.position < self.end else ""

    def parse(self) -> Formula:
        if self.position >= self.end:
            raise self.fail("计算式为空", None)
        length = self.end - self.position
        if length > MAX_LENGTH:
            raise self.fail(f"计算式过长（{length}个字符），最多{MAX_LENGTH}个字符", None)
        factors: list[Factor] = []
        stated: Decimal | None = None
        operator: int | None = None  # position of the last multiplication sign
        base = self.reference()
        if base:
            self.skip_spaces()
            if self.char() not in TIMES_SIGNS or not self.char():
                raise self.fail(
                    "后缺少乘号：引用另一明细时应写成“①×10%”", self.position - len(base)
                )
            operator = self.position
            self.position += 1
            self.skip_spaces()
        while True:
            factors.append(self.factor(operator, bool(factors)))
            self.skip_spaces()
            char = self.char()
            if not char:
                break
            if char in TIMES_SIGNS:
                operator = self.position
                self.position += 1
                self.skip_spaces()
                continue
            if char == _EQUALS:
                stated = self.result()
                break
            raise self.fail(self.after_factor_reason(), self.position)
        if len(factors) + bool(base) < MIN_FACTORS:
            raise self.fail("计算式至少需要两个因子，用乘号（×）连接", None)
        return Formula(
            factors=tuple(factors),
            stated_result=stated,
            text=self.text[self.start : self.end],
            base=base,
        )

    def reference(self) -> str:
        """A reference to another line at the start (``①``, ``第2项``), or ""."""
        match = _REFERENCE.match(self.normal, self.position, self.end)
        if match is None:
            return ""
        self.position = match.end()
        return match.group()

    def after_factor_reason(self) -> str:
        """Why the character after a factor (and any spaces) is wrong there."""
        char = self.char()
        if char in _DIGITS:
            return "前缺少乘号"
        return "不是乘号或数字"

    def factor(self, operator: int | None, after_factor: bool) -> Factor:
        """Read a factor at the current position: a number, optional spaces, optional unit."""
        start = self.position
        char = self.char()
        if not char:
            raise self.fail("后缺少因子", operator)
        if char not in _DIGITS:
            raise self.fail(self.no_number_reason(char, after_factor), start)
        value = self.number()
        number_end = self.position
        self.skip_spaces()
        unit = ""
        if self.char() in _SHARES and self.char():
            unit = self.char()
            self.position += 1
            end = self.position
        elif _is_unit_char(self.char()):
            unit = self.unit()
            end = self.position
        else:
            end = number_end
            self.position = number_end
        return Factor(value=value, unit=unit, text=self.text[start:end])

    def no_number_reason(self, char: str, after_factor: bool) -> str:
        if char in TIMES_SIGNS:
            if after_factor:
                return "是多余的乘号：两个乘号之间缺少因子"
            return "前缺少因子：计算式应以数字开头"
        if char == _EQUALS:
            return "前缺少因子" if after_factor else "前缺少计算式"
        if char == ".":
            return "前缺少数字（如0.5）"
        if char in _OTHER_OPERATORS:
            return "不是乘号或数字"
        if _REFERENCE.match(char):
            return "是对另一明细的引用：只能写在计算式开头（如“①×10%”）"
        if _is_unit_char(char):
            return "不是数字：每个因子应以数字开头"
        return "不是乘号或数字"

    def number(self) -> Decimal:
        """Read digits with optional thousands separators (every three digits) and fraction."""
        normal, end = self.normal, self.end
        start = position = self.position
        while position < end and normal[position] in _DIGITS:
            position += 1
        integer = normal[start:position]
        if position < end and normal[position] == ",":
            if len(integer) > 3:
                raise self.fail("位置不对：千分位分隔符应每三位数字一个", position)
            while position < end and normal[position] == ",":
                group_end = position + 1
                while group_end < end and normal[group_end] in _DIGITS:
                    group_end += 1
                if group_end - position - 1 != 3:
                    raise self.fail("位置不对：千分位分隔符应每三位数字一个", position)
                integer += normal[position + 1 : group_end]
                position = group_end
        digits = integer
        if position < end and normal[position] == ".":
            fraction_end = position + 1
            while fraction_end < end and normal[fraction_end] in _DIGITS:
                fraction_end += 1
            if fraction_end == position + 1:
                raise self.fail("后面缺少数字", position)
            digits += normal[position:fraction_end]
            position = fraction_end
            if position < end and normal[position] in ".,":
                raise self.fail("是多余的：一个数只能有一个小数点，小数部分不能分节", position)
        self.position = position
        return Decimal(digits)

    def unit(self) -> str:
        """Read a unit: unit characters, joined by ``/`` or ``·`` (元/月, 人·天); no digits."""
        normal, end = self.normal, self.end
        start = position = self.position
        while position < end:
            char = normal[position]
            if _is_unit_char(char):
                position += 1
            elif (
                char in _UNIT_JOINERS and position + 1 < end and _is_unit_char(normal[position + 1])
            ):
                position += 1
            else:
                break
        if position < end and normal[position] in _DIGITS:
            raise self.fail("出现在单位中：单位不能含数字，因子之间应以乘号连接", position)
        unit = normal[start:position]
        if unit.startswith(_SCALED_MONEY) or (
            unit.startswith(_SCALED_PREFIXES) and not unit.startswith(("万元", "亿元"))
        ):
            raise self.fail(
                f"起的单位“{unit}”带数量级，无法按原数计算：金额请用元、万元或亿元，"
                "数量请写成整数（如30000人）",
                start,
            )
        self.position = position
        return unit

    def result(self) -> Decimal:
        """Read the stated result after ``=`` as an amount to the 分 (default unit 元)."""
        equals = self.position
        start = equals + 1
        written = self.text[start : self.end]
        if not written.strip():
            raise self.fail("后缺少结果", equals)
        try:
            return parse_amount(written)
        except AmountError as error:
            position = None if error.position is None else start + error.position
            reason = error.reason
            if not isinstance(error, AmountPrecisionError):
                reason += "（等号后应为金额，如12,000.00元）"
            raise self.fail(reason, position) from None


def parse_formula(text: str) -> Formula:
    """Read a calculation as finance staff write it into its factors and stated result.

    Examples: ``60人×100元×2天``, ``2000元×4人``, ``95名×200元/月×12月=22.8万元``,
    ``6个×5000元/年＝3万元``, ``2人×1.2万元``, ``１２次 * 2万元``, ``12月×10%``, ``①×10%``,
    ``第2项×12月×10%`` (a rate of another line of the same sub-item). Multiplication signs are
    ``×``, ``x``, ``X``, ``*``, ``＊``, ``✕`` (also ``✖``, ``⨯``), with or without spaces;
    full-width digits and signs are read like half-width ones. A number may have thousands
    separators every three digits and a fraction; the unit after it (spaces before it are
    allowed) is kept as written and may join words with ``/`` or ``·`` (``元/月``,
    ``人·天``). The stated result after ``=`` or ``＝`` is read by
    :func:`budget.amounts.parse_amount` (元 when no unit is written, to the 分).

    Raises :class:`FormulaError` (message in Chinese, position counted from 1) for an empty
    text, a text over :data:`MAX_LENGTH` characters, a single factor (a formula needs at
    least two), a factor without a number (``人×100元``), a sign at the end (``60人×``) or
    two in a row, any other operator (``+ - ÷ /``, except ``/`` inside a unit), a reference
    to another line anywhere but at the start, a unit containing digits (``元/2天``), a unit
    scaled by 万/亿/千 that is not 万元 or 亿元 (``3万人``, ``1.2万``: this module could not
    multiply it correctly), and a stated result that is not an amount. It never raises
    anything else for a string.
    """
    if not isinstance(text, str):
        raise TypeError(f"计算式应为字符串，而不是 {type(text).__name__}。")
    return _Scanner(text).parse()


def format_formula(factors: Iterable[_FactorLike], result: Decimal | None = None) -> str:
    """Write factors as a reader does: ``60人 × 100元 × 2天 = 12,000.00元``.

    Values are written without trailing zeros or exponent (``1.20`` → ``1.2``), units as
    they are, joined by `` × ``; ``= result`` (by :func:`budget.amounts.format_yuan`) is
    added only when ``result`` is given (pass ``formula.amount`` for the computed one).
    :func:`parse_formula` reads the text back to the same values, units and result.
    """
    text = " × ".join(f"{format_decimal(factor.value)}{factor.unit}" for factor in factors)
    if result is not None:
        text += f" = {format_yuan(result)}"
    return text
