"""Public list tables (django-tables2): sortable columns, amounts in 万元 with the 元 on hover."""

import django_tables2 as tables
from django.utils.html import format_html
from django_tables2.data import TableQuerysetData

from budget.amounts import format_wan, format_yuan

from .search import DISPLAY_ORDER
from .selectors import ProjectPages

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
    """The project list's header, sorting and pages; its rows are written by its template
    (``projects/_project_table.html``) straight from the records: fifty rows through
    django-tables2's cell rendering took longer than the rest of the page together."""

    name = tables.Column(verbose_name="项目")
    # Sorted as the search rows hold the public order, so that the default order, newest
    # year then department, is search.DISPLAY_ORDER itself and read along their index.
    department = tables.Column(
        verbose_name="预算单位", accessor="disclosure__department__name", order_by=DISPLAY_ORDER[1:]
    )
    year = tables.Column(
        verbose_name="年度",
        accessor="disclosure__fiscal_year",
        order_by=(DISPLAY_ORDER[0].removeprefix("-"),),
    )
    declared_total = tables.Column(verbose_name="申报总额（万元）", attrs=AMOUNT_ATTRS)
    itemised_total = tables.Column(verbose_name="细化合计（万元）", attrs=AMOUNT_ATTRS)
    finding_count = tables.Column(verbose_name="核对问题", attrs=AMOUNT_ATTRS)

    class Meta(PublicTableMeta):
        template_name = "projects/_project_table.html"
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


class ProjectRows(TableQuerysetData):
    """The project table's data: counted and read a page at a time by ``ProjectPages``
    (keys first, then rows), not by slicing the joined, ordered queryset."""

    def __init__(self, queryset, *, on_index: dict | None):
        super().__init__(queryset)
        self.on_index = on_index

    def __len__(self):
        if getattr(self, "_length", None) is None:
            self._length = self._pages().count()
        return self._length

    def __getitem__(self, key):
        if isinstance(key, slice):
            return self._pages()[key]
        return super().__getitem__(key)

    def _pages(self) -> ProjectPages:
        # Read when the page is drawn, after the table has put the data in its order.
        return ProjectPages(self.data, on_index=self.on_index)
