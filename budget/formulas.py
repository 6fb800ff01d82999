"""Calculations as finance staff write them: ``60人×100元×2天``, ``95名×200元/月×12月=22.8万元``.

A small scanner reads factors (a number and its unit) separated by multiplication signs, and an
optional stated result after ``=``. Nothing is ever evaluated as code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from .amounts import AmountError, format_yuan, parse_amount, round_yuan
from .normalize import halfwidth

MAX_LENGTH = 200
TIMES = set("×xX*✕·")  # ＊ and full-width Ｘ become * and X through halfwidth()
_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
# A unit: CJK characters, letters, %, ㎡ and "/" between them (元/月, 元/人/年); no digits.
_UNIT = re.compile(r"[^\d\s×xX*✕·=+\-÷/.,()（）]+(?:/[^\d\s×xX*✕·=+\-÷/.,()（）]+)*")
_MULTIPLIERS = {"万元": Decimal(10_000), "亿元": Decimal(100_000_000)}


class FormulaError(ValueError):
    """A calculation that cannot be read; ``str()`` gives the reason and the 1-based position."""

    def __init__(self, text: str, reason: str, position: int | None = None):
        self.text = text
        self.reason = reason
        self.position = position
        if position is None:
            where = ""
        elif position < len(text):
            where = f"第{position + 1}个字符“{text[position]}”"
        else:
            where = "末尾"
        super().__init__(f"无法识别的计算式“{text}”：{where}{reason}")


@dataclass(frozen=True)
class Factor:
    """One factor: ``value`` and ``unit`` as written (1.2 and 万元 for 1.2万元)."""

    value: Decimal
    unit: str = ""
    text: str = ""

    @property
    def multiplier(self) -> Decimal:
        for prefix, multiplier in _MULTIPLIERS.items():
            if self.unit.startswith(prefix):
                return multiplier
        return Decimal(1)

    @property
    def yuan_value(self) -> Decimal:
        return self.value * self.multiplier


@dataclass(frozen=True)
class Formula:
    factors: tuple[Factor, ...]
    stated_result: Decimal | None = None
    text: str = ""

    @property
    def product(self) -> Decimal:
        return product(self.factors)

    @property
    def amount(self) -> Decimal:
        return round_yuan(self.product)


def product(factors) -> Decimal:
    """The exact product of the factors' values in 元 terms (万元 units count ×10000)."""
    result = Decimal(1)
    for factor in factors:
        result *= factor.yuan_value
    return result


def parse_formula(text: str) -> Formula:
    """Read ``60人×100元×2天`` (×, x, X, *, ＊, full-width digits) into ordered factors.

    At least two factors joined by multiplication signs; an optional ``=结果`` at the end is
    read as an amount. Anything else raises :class:`FormulaError` with the position.
    """
    if len(text) > MAX_LENGTH:
        raise FormulaError(text, f"计算式超过{MAX_LENGTH}个字符")
    normal = halfwidth(text).replace("＝", "=")
    position = 0
    length = len(normal)

    def skip_spaces(at: int) -> int:
        while at < length and normal[at].isspace():
            at += 1
        return at

    factors: list[Factor] = []
    stated: Decimal | None = None
    position = skip_spaces(position)
    if position == length:
        raise FormulaError(text, "计算式为空")
    while True:
        number = _NUMBER.match(normal, position)
        if number is None:
            if position >= length:
                raise FormulaError(text, "乘号后缺少数字", position)
            char = normal[position]
            reason = "前面缺少数字" if _UNIT.match(normal, position) else "不是乘号或数字"
            if char in TIMES:
                reason = "前面缺少数字（两个乘号相连）"
            raise FormulaError(text, reason, position)
        start = position
        position = number.end()
        unit = _UNIT.match(normal, position)
        unit_text = ""
        if unit is not None:
            unit_text = unit.group()
            if any(c in TIMES for c in unit_text):
                unit_text = unit_text.rstrip("xX")
            position += len(unit_text)
        if position < length and normal[position] == "/":
            raise FormulaError(text, "不支持除法", position)
        factors.append(
            Factor(
                value=Decimal(number.group().replace(",", "")),
                unit=unit_text.strip(),
                text=text[start:position],
            )
        )
        position = skip_spaces(position)
        if position == length:
            break
        char = normal[position]
        if char == "=":
            result_text = text[position + 1 :].strip()
            try:
                stated = parse_amount(result_text) if result_text else None
            except AmountError as error:
                raise FormulaError(
                    text, f"结果“{result_text}”{error.reason}", position + 1
                ) from None
            if stated is None:
                raise FormulaError(text, "等号后缺少结果", position + 1)
            break
        if char not in TIMES:
            if char in "+-÷/":
                raise FormulaError(text, "只支持乘法（×）", position)
            raise FormulaError(text, "不是乘号或数字", position)
        position = skip_spaces(position + 1)
        if position == length:
            raise FormulaError(text, "乘号后缺少数字", position)
    if len(factors) < 2:
        raise FormulaError(text, "计算式至少需要两个因子，用乘号（×）连接")
    return Formula(factors=tuple(factors), stated_result=stated, text=text)


def _plain(value: Decimal) -> str:
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def format_formula(factors, result: Decimal | None = None) -> str:
    """``60人 × 100元 × 2天 = 12,000.00元``."""
    text = " × ".join(f"{_plain(f.value)}{f.unit}" for f in factors)
    if result is not None:
        text += f" = {format_yuan(result)}"
    return text
