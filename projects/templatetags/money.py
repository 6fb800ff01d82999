"""Amount formatting for templates; all of it delegates to budget.amounts (one formatter)."""

from decimal import Decimal

from django import template

from budget import amounts

register = template.Library()


@register.filter
def wan(value: Decimal | None) -> str:
    """150万元."""
    return "" if value is None else amounts.format_wan(value)


@register.filter
def wan_number(value: Decimal | None) -> str:
    """150 (the number alone, for tables whose header says 万元)."""
    return "" if value is None else amounts.format_wan(value, unit=False)


@register.filter
def yuan(value: Decimal | None) -> str:
    """1,500,000.00元."""
    return "" if value is None else amounts.format_yuan(value)


@register.filter
def yuan_number(value: Decimal | None) -> str:
    """1,500,000.00."""
    return "" if value is None else amounts.format_yuan(value, unit=False)


@register.filter
def daxie(value: Decimal | None) -> str:
    """壹佰伍拾万元整."""
    return "" if value is None else amounts.to_daxie(value)


@register.filter
def plain_number(value: Decimal | None) -> str:
    """A factor value as written: 60, 1.2, 0.75 (no trailing zeros, never exponent notation)."""
    return "" if value is None else amounts.format_decimal(value)
