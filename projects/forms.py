"""Form fields that read amounts and calculations the way finance staff write them."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.db import DEFAULT_DB_ALIAS
from django.db.models import UniqueConstraint

from budget.amounts import AmountError, format_decimal, format_yuan, parse_amount
from budget.citations import CitationError, parse_citation
from budget.formulas import FormulaError, parse_formula

from . import selectors
from .models import Citation, LineItem, PolicyDocument

# Money columns (元, to the 分) that staff type in; other decimals (factor values) are plain.
MONEY_FIELDS = frozenset({"declared_total", "declared_amount", "amount"})

# No project of a budget unit comes near a trillion 元: a larger figure is a slip of the unit.
MAX_AMOUNT = Decimal(10) ** 12

# Free text (a section of the disclosure, a comment) is long but not unbounded.
TEXT_LIMIT = 20_000


class AmountField(forms.CharField):
    """An amount in 元 from ``20万``, ``20万元``, ``200000``, ``200,000.00`` or full-width
    digits; the error says what is wrong and where, in Chinese."""

    widget = forms.TextInput(attrs={"placeholder": "如 20万、200000、200,000.00", "size": 16})

    def to_python(self, value):
        text = super().to_python(value)
        if not text:
            return None
        try:
            amount = parse_amount(text)
        except AmountError as error:
            raise ValidationError(str(error), code="amount") from None
        if amount < 0:
            raise ValidationError("金额不能为负数。", code="negative")
        if amount > MAX_AMOUNT:
            raise ValidationError(
                f"金额 {format_yuan(amount)} 超过 1 万亿元，请核对单位（元或万元）。",
                code="too_large",
            )
        return amount

    def prepare_value(self, value):
        # A stored amount comes back grouped, as staff read it: 500,000.00, never 500000.00.
        if isinstance(value, Decimal):
            return format_yuan(value, unit=False)
        return value


class PlainDecimalField(forms.DecimalField):
    """A number that is not money (a factor's 7428 人): shown as written, 7428, not
    7428.000000."""

    def prepare_value(self, value):
        if isinstance(value, Decimal):
            return format_decimal(value)
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
    """A line as staff type it. A formula that contradicts itself (its stated result is not
    its product) or names no line is refused; one whose product is not the declared amount is
    saved, with ``mismatch`` saying so: the source text may have it so (原文如此), and the
    checks block the revision at submission until it is corrected or explained."""

    mismatch = ""

    def clean_formula(self):
        return clean_formula(self.cleaned_data.get("formula", ""))

    def clean(self):
        cleaned = super().clean()
        formula, declared = cleaned.get("formula"), cleaned.get("declared_amount")
        if not formula:
            return cleaned
        parsed = parse_formula(formula)
        amount = parsed.amount
        if parsed.base:
            base = self._base_amount(parsed.base, cleaned)
            if base is None:
                self.add_error(
                    "formula",
                    f"计算式引用的“{parsed.base}”在本子项目中没有找到有金额的明细：请写该明细的"
                    "编号（如①）或“第N项”（第几条测算明细），并先填好它的金额。",
                )
                return cleaned
            amount = parsed.of(base)
        if parsed.stated_result is not None and parsed.stated_result != amount:
            self.add_error(
                "formula",
                f"计算式写明的结果 {format_yuan(parsed.stated_result)} 与各数相乘所得 "
                f"{format_yuan(amount)} 不一致。",
            )
        elif declared is not None and amount != declared:
            self.mismatch = (
                f"按计算式得 {format_yuan(amount)}，与申报金额 {format_yuan(declared)} 不一致"
            )
        return cleaned

    def _base_amount(self, reference: str, cleaned: dict) -> Decimal | None:
        """The amount of the line of the same sub-item that a rate refers to (``①×10%``)."""
        parent = cleaned.get("parent") or (
            self.instance.parent if self.instance.parent_id else None
        )
        if cleaned.get("sub_item") is not None:
            sub_item_id = cleaned["sub_item"].pk
        elif parent is not None:
            sub_item_id = parent.sub_item_id
        else:
            sub_item_id = self.instance.sub_item_id
        if sub_item_id is None:
            return None
        lines = list(
            LineItem.objects.filter(sub_item_id=sub_item_id)
            .exclude(pk=self.instance.pk)
            .prefetch_related("factors")
        )
        base = selectors.base_line(reference, lines)
        return selectors.line_base_amount(base) if base is not None else None


class ChildFormSet(forms.BaseInlineFormSet):
    """Rows of a record edited on its page; a clash names the field as staff know it."""

    def clean(self):
        super().clean()
        self._check_uniques_against_stored_rows()

    def _check_uniques_against_stored_rows(self) -> None:
        """A row's unique 序号 (or other unique fields) checked against the rows already
        stored under the same parent, as the database will check them row by row when the
        page is saved. Django's own checks miss these: a row's check leaves out the parent it
        is edited under, and the formset's checks only the rows on the page, against each
        other, and no conditional constraint (two top-level lines of one sub-item). A clash
        was a 500; the row is refused with a message instead. Two rows that swap their 序号
        are refused too (the rows are saved one by one): staff swap them in two saves."""
        fk = self.fk.name
        meta = self.model._meta
        checks = [
            (list(c.fields), c.condition, c.violation_error_message)
            for c in meta.constraints
            if isinstance(c, UniqueConstraint) and c.fields and fk in c.fields
        ]
        checks += [(list(fields), None, None) for fields in meta.unique_together if fk in fields]
        for fields, condition, message in checks:
            others = [name for name in fields if name != fk]
            attnames = [meta.get_field(name).attname for name in others]
            rows = self.model._base_manager.filter(**{fk: self.instance.pk})
            if condition is not None:
                rows = rows.filter(condition)
            stored = {pk: tuple(key) for pk, *key in rows.values_list("pk", *attnames)}
            taken: set[tuple] = set()
            for form in self.forms:
                if not form.is_valid() or self._should_delete_form(form):
                    continue
                if form.instance.pk is None and not form.has_changed():
                    continue
                instance = form.instance
                key = tuple(getattr(instance, attname) for attname in attnames)
                if any(value is None for value in key):
                    continue
                if condition is not None and not condition.check(
                    instance._get_field_expression_map(meta=meta), using=DEFAULT_DB_ALIAS
                ):
                    continue
                others_stored = (k for pk, k in stored.items() if pk != instance.pk)
                if key in taken or key in set(others_stored):
                    form.add_error(others[0], message or self.get_unique_error_message(fields))
                taken.add(key)

    def get_unique_error_message(self, unique_check):
        names = "、".join(
            str(self.model._meta.get_field(name).verbose_name)
            for name in unique_check
            if name != self.fk.name
        )
        parent = self.fk.related_model._meta.verbose_name
        return f"{names}重复：同一{parent}中不能有两行相同的{names}。"


class CitationFormSet(ChildFormSet):
    """A project's citations. The separator defaults to "、", which belongs between two
    citations: after the last one it would be printed before the closing words (《…》、等文件
    精神), so there it is cleared (the source texts never end their list of citations with
    one; any other separator typed there is kept). The citation that was last, with nothing
    after it, gets the default when a new one is added after it."""

    def clean(self):
        super().clean()
        kept = [
            form
            for form in self.forms
            if form.is_valid()
            and not self._should_delete_form(form)
            and (form.instance.pk is not None or form.has_changed())
            and form.cleaned_data.get("sequence") is not None
        ]
        if not kept:
            return
        default = Citation._meta.get_field("separator").default
        last = max(kept, key=lambda form: form.cleaned_data["sequence"])
        if last.cleaned_data.get("separator") == default:
            self._set_separator(last, "")
        # The one that was last before, now followed by a new one, gets the default between
        # them, unless staff wrote its separator themselves in this save.
        existing = [form for form in kept if form.instance.pk is not None]
        if existing:
            was_last = max(existing, key=lambda form: form.initial.get("sequence") or 0)
            if (
                was_last is not last
                and was_last.cleaned_data.get("separator") == ""
                and "separator" not in was_last.changed_data
            ):
                self._set_separator(was_last, default)

    @staticmethod
    def _set_separator(form, separator: str) -> None:
        form.cleaned_data["separator"] = form.instance.separator = separator
        if "separator" not in form.changed_data:
            # Saved even if nothing else in its row changed, and named in the history.
            form.changed_data.append("separator")


class CitationForm(forms.ModelForm):
    """A citation whose document is chosen by autocomplete, or made from the pasted citation
    (``《云南省老干部政治待遇的八项制度规定》（云办发〔2006〕1号）``): the registry's document
    with that 文号 (or, without one, that title) is used, or a new one is created."""

    pasted = forms.CharField(
        label="粘贴引文",
        required=False,
        max_length=500,
        help_text="未选政策文件时，可粘贴“《标题》（文号）”，自动查找或新建政策文件。",
        widget=forms.TextInput(attrs={"size": 40}),
    )

    class Meta:
        model = Citation
        fields = ["project", "sequence", "document", "pasted", "cited_text", "separator"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("document", "cited_text"):
            if name in self.fields:  # not when shown read-only
                self.fields[name].required = False

    def clean(self):
        cleaned = super().clean()
        pasted = cleaned.get("pasted", "").strip()
        chosen = cleaned.get("document")
        if chosen is not None and not cleaned.get("cited_text"):
            cleaned["cited_text"] = self.instance.cited_text = str(chosen)
        if chosen is None:
            if not pasted:
                self.add_error("document", "请选择政策文件，或粘贴引文。")
                return cleaned
            try:
                citation = parse_citation(pasted)
            except CitationError as error:
                self.add_error("pasted", str(error))
                return cleaned
            document = document_for(citation)
            if document.pk is None:
                try:
                    document.full_clean()
                except ValidationError as error:
                    self.add_error("pasted", "；".join(error.messages))
                    return cleaned
            self._document = document
            if not cleaned.get("cited_text"):
                cleaned["cited_text"] = pasted
                self.instance.cited_text = pasted
        return cleaned

    def _get_validation_exclusions(self):
        exclusions = super()._get_validation_exclusions()
        if getattr(self, "_document", None) is not None:
            exclusions.add("document")  # found or made from the pasted citation
        return exclusions

    def save(self, commit=True):
        # A new document is stored only now, when the whole page has passed validation.
        document = getattr(self, "_document", None)
        if document is not None:
            if document.pk is None:
                # Another row of the same page may have pasted the same new document and
                # stored it a moment ago: that one is used, not a second copy.
                document = _registered(document.title, document.document_number) or document
            if document.pk is None:
                document.save()
            self.instance.document = document
        return super().save(commit)


def _registered(title: str, document_number: str) -> PolicyDocument | None:
    """The registry's document with that 文号 (or, without one, that title)."""
    if document_number:
        return PolicyDocument.objects.filter(document_number=document_number).first()
    return PolicyDocument.objects.filter(title=title, document_number="").first()


def document_for(pasted) -> PolicyDocument:
    """The registry's document for a pasted citation, or a new one (not yet saved)."""
    existing = _registered(pasted.title, pasted.document_number)
    if existing is not None:
        return existing
    return PolicyDocument(title=pasted.title, document_number=pasted.document_number)
