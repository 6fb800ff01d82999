"""Public list tables (django-tables2): sortable columns, amounts in 万元 with the 元 on hover."""

import django_tables2 as tables
from django.utils.html import format_html

from budget.amounts import format_wan, format_yuan

AMOUNT_ATTRS = {"th": {"class": "num"}, "td": {"class": "num"}}


class WanColumn(tables.Column):
    """An amount in 元 shown in 万元, the exact 元 in the title, right-aligned."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("attrs", AMOUNT_ATTRS)
        super().__init__(*args, **kwargs)

    def render(self, value):
        return format_html(
            '<span title="{}">{}</span>', format_yuan(value), format_wan(value, unit=False)
        )


class PublicTableMeta:
    """What every public table shares: the plain template, the data class, no model fields."""

    template_name = "django_tables2/table.html"
    attrs = {"class": "data"}
    fields: tuple[str, ...] = ()


class ProjectTable(tables.Table):
    name = tables.Column(verbose_name="项目", linkify=lambda record: record.get_absolute_url())
    department = tables.Column(
        verbose_name="预算单位",
        accessor="disclosure__department__name",
        linkify=lambda record: record.disclosure.get_absolute_url(),
    )
    year = tables.Column(verbose_name="年度", accessor="disclosure__fiscal_year")
    declared_total = WanColumn(verbose_name="申报总额（万元）")
    itemised_total = WanColumn(verbose_name="细化合计（万元）")
    finding_count = tables.Column(verbose_name="核对问题", attrs=AMOUNT_ATTRS)

    class Meta(PublicTableMeta):
        order_by = ("-year", "department")
        empty_text = "没有符合条件的已公开项目。"


class DisclosureTable(tables.Table):
    title = tables.Column(verbose_name="公开文本", linkify=lambda record: record.get_absolute_url())
    department = tables.Column(verbose_name="预算单位", accessor="department__name")
    fiscal_year = tables.Column(verbose_name="年度")
    declared = WanColumn(verbose_name="申报总额（万元）")
    project_count = tables.Column(verbose_name="项目数", attrs=AMOUNT_ATTRS)

    class Meta(PublicTableMeta):
        order_by = ("-fiscal_year", "department")
        empty_text = "没有符合条件的已公开文本。"
