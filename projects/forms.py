"""Form fields that read amounts and calculations the way finance staff write them."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError

from budget.amounts import AmountError, parse_amount
from budget.formulas import FormulaError, parse_formula

# Money columns (元, to the 分) that staff type in; other decimals (factor values) are plain.
MONEY_FIELDS = frozenset({"declared_total", "declared_amount", "amount"})


class AmountField(forms.CharField):
    """An amount in 元 from ``20万``, ``20万元``, ``200000``, ``200,000.00`` or full-width
    digits; the error says what is wrong and where, in Chinese."""

    widget = forms.TextInput(attrs={"placeholder": "如 20万、200000、200,000.00", "size": 16})

    def to_python(self, value):
        text = super().to_python(value)
        if not text:
            return None
        try:
            return parse_amount(text)
        except AmountError as error:
            raise ValidationError(str(error), code="amount") from None

    def prepare_value(self, value):
        if isinstance(value, Decimal):
            return f"{value:.2f}"
        return value


def amount_formfield(db_field, **kwargs) -> AmountField:
    return AmountField(
        label=db_field.verbose_name,
        help_text=db_field.help_text,
        required=not db_field.blank,
        **{k: v for k, v in kwargs.items() if k in ("label", "help_text")},
    )


def clean_formula(text: str) -> str:
    """The formula as typed, checked: ``60人×100元×2天``; the error names the character."""
    text = (text or "").strip()
    if text:
        try:
            parse_formula(text)
        except FormulaError as error:
            raise ValidationError(str(error), code="formula") from None
    return text


class LineItemForm(forms.ModelForm):
    def clean_formula(self):
        return clean_formula(self.cleaned_data.get("formula", ""))
