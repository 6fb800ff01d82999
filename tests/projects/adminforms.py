"""Post an admin change page as a person would: what the page shows, with some fields changed."""

from __future__ import annotations


def _add(data: dict, form) -> None:
    for bound in form:
        value = bound.field.prepare_value(bound.value())
        if value is None:
            continue
        if isinstance(value, bool):
            if value:
                data[bound.html_name] = "on"
        elif isinstance(value, list | tuple):
            data[bound.html_name] = [str(v) for v in value]
        else:
            data[bound.html_name] = str(value)


def page_data(response) -> dict:
    """The values of every field of an admin add/change page (main form and inlines)."""
    assert response.status_code == 200, response.status_code
    data: dict = {}
    _add(data, response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        _add_formset(data, inline.formset)
    return data


def _add_formset(data: dict, formset) -> None:
    """A formset's rows and, in the project editor, the formsets nested in each row."""
    _add(data, formset.management_form)
    for form in formset.forms:
        _add(data, form)
        for nested in getattr(form, "nested_formsets", []):
            _add_formset(data, nested)


def errors_of(response) -> str:
    """Every error message of a re-shown admin page, as one text."""
    context = response.context
    parts = [str(context["adminform"].form.errors)]

    def walk(formset):
        parts.append(str(formset.errors))
        parts.append(str(formset.non_form_errors()))
        for form in formset.forms:
            for nested in getattr(form, "nested_formsets", []):
                walk(nested)

    for inline in context.get("inline_admin_formsets", []):
        walk(inline.formset)
    return "\n".join(parts)


def line_form(sub_item, **fields):
    """The add page of a line item under ``sub_item``, with some fields given."""
    data = {
        "sub_item": sub_item.pk,
        "sequence": 99,
        "marker": "",
        "name": "自助餐费",
        "declared_amount": "",
        "amount_text": "",
        "formula": "",
        "source": "content",
        "parent": "",
        "factors-TOTAL_FORMS": "0",
        "factors-INITIAL_FORMS": "0",
        "children-TOTAL_FORMS": "0",
        "children-INITIAL_FORMS": "0",
    }
    return data | fields
