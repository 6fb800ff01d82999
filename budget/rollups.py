"""Totals of a project tree (:mod:`budget.tree`): lines, sub-items, the itemised project total.

Every sum goes through :func:`total`; every product is rounded once, by
:func:`budget.amounts.round_yuan`. Amounts are ``Decimal`` in 元.

A line's amount is what the text declares; when it declares none, the amount is worked out
from the line's factors, else from its children (unless they are only a part of it, 其中).
Nothing here corrects a declared figure:
comparing declared and worked-out amounts is the job of :mod:`budget.checks`.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from .amounts import round_yuan
from .formulas import product, unit_multiplier
from .tree import FactorData, LineData, MilestoneData, ProjectData, SubItemData

__all__ = [
    "children_total",
    "computed_amount",
    "factor_multiplier",
    "itemised_total",
    "line_amount",
    "lines_total",
    "milestone_total",
    "sub_item_total",
    "total",
    "unitemised_sub_items",
]

ZERO = Decimal("0.00")


def total(values: Iterable[Decimal | None]) -> Decimal:
    """The sum of the amounts given, ignoring None; ``Decimal("0.00")`` when there are none.

    This is the one place where amounts are added up.
    """
    return sum((value for value in values if value is not None), ZERO)


def factor_multiplier(factor: FactorData) -> Decimal:
    """How many 元 one unit of the factor is (see :func:`budget.formulas.unit_multiplier`)."""
    return unit_multiplier(factor.unit)


def computed_amount(line: LineData) -> Decimal | None:
    """The product of the line's factors in 元, rounded once; None when it has no factors."""
    if not line.factors:
        return None
    return round_yuan(product(line.factors))


def children_total(line: LineData) -> Decimal | None:
    """The sum of the children's amounts; None without children, when one has no amount, or
    when the children are only a part of the line (其中), whose sum is not the line's."""
    if not line.children or line.partial:
        return None
    amounts = [line_amount(child) for child in line.children]
    if any(amount is None for amount in amounts):
        return None
    return total(amounts)


def line_amount(line: LineData) -> Decimal | None:
    """The line's amount: declared, else its factors' product, else its children's total."""
    if line.declared is not None:
        return line.declared
    computed = computed_amount(line)
    if computed is not None:
        return computed
    return children_total(line)


def lines_total(lines: Iterable[LineData]) -> Decimal | None:
    """The sum of the amounts of the lines that have one; None when none has."""
    amounts = [line_amount(line) for line in lines]
    if all(amount is None for amount in amounts):
        return None
    return total(amounts)


def sub_item_total(sub: SubItemData) -> Decimal | None:
    """The sub-item's declared total, else the sum of its top-level lines that have an amount.

    None when the sub-item states no total and none of its lines has an amount.
    """
    if sub.declared is not None:
        return sub.declared
    return lines_total(sub.lines)


PERIODS_A_YEAR = {"monthly": 12, "quarterly": 4}


def milestone_total(milestone: MilestoneData) -> Decimal | None:
    """What a milestone plans for the year: its amount, times the year's months or quarters
    when the amount is paid each period (每季度支出0.75万元 → 3万元)."""
    if milestone.amount is None:
        return None
    if milestone.per_period and milestone.payment_mode in PERIODS_A_YEAR:
        return milestone.amount * PERIODS_A_YEAR[milestone.payment_mode]
    return milestone.amount


def itemised_total(project: ProjectData) -> Decimal:
    """The sum of the totals of the sub-items that have one (the itemised part of the project)."""
    return total(sub_item_total(sub) for sub in project.sub_items)


def unitemised_sub_items(project: ProjectData) -> tuple[SubItemData, ...]:
    """The sub-items with no amount at all: no declared total and no line with an amount."""
    return tuple(sub for sub in project.sub_items if sub_item_total(sub) is None)
