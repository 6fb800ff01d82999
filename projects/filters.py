"""Filters of the public lists (django-filter): the same parameters in the page and its CSV."""

from decimal import Decimal

import django_filters
from django import forms
from django.db.models import Q

from . import search
from .models import Department, Disclosure, Project, Region

WAN = Decimal(10_000)


def _region_and_below(region: Region) -> list[int]:
    """The region and every region under it (the tree is small: province › city › county)."""
    ids = [region.pk]
    frontier = [region.pk]
    while frontier:
        frontier = list(Region.objects.filter(parent_id__in=frontier).values_list("pk", flat=True))
        ids.extend(frontier)
    return ids


class ProjectFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="关键词", method="filter_keyword")
    year = django_filters.NumberFilter(field_name="disclosure__fiscal_year", label="年度")
    department = django_filters.ModelChoiceFilter(
        field_name="disclosure__department",
        queryset=Department.objects.published().order_by("name"),
        to_field_name="slug",
        label="预算单位",
        empty_label="全部单位",
    )
    region = django_filters.ModelChoiceFilter(
        queryset=Region.objects.order_by("name"),
        method="filter_region",
        label="地区",
        empty_label="全部地区",
    )
    min_wan = django_filters.NumberFilter(
        label="申报总额不少于（万元）", method="filter_min_wan", min_value=0
    )
    max_wan = django_filters.NumberFilter(
        label="申报总额不超过（万元）", method="filter_max_wan", min_value=0
    )
    has_findings = django_filters.BooleanFilter(
        label="核对发现问题",
        method="filter_has_findings",
        widget=forms.Select(choices=[("", "不限"), ("true", "有"), ("false", "没有")]),
    )

    class Meta:
        model = Project
        fields: list[str] = []

    def on_index(self) -> dict[str, object] | None:
        """These filters as fields of the live search rows, whose index then gives a page's
        keys alone (``selectors.ProjectPages``): ``{}`` when nothing filters, the fiscal year
        when it is all that does; None otherwise."""
        if not self.is_bound:
            return {}
        if not self.is_valid():
            return None
        given = {
            name: value
            for name, value in self.form.cleaned_data.items()
            if value is not None and value != ""  # False and 0 filter too
        }
        if not given:
            return {}
        if set(given) == {"year"}:
            return {"fiscal_year": given["year"]}
        return None

    def filter_keyword(self, queryset, name, value):
        query = search.normalise_query(value)
        if not query:
            return queryset
        # Up to the cap, the capped count's own ids: the list's counts and sorting then cost
        # nothing more. Past it, every match as a subquery (see docs/search.md).
        count = search.count_query(query)
        if not count.more:
            return queryset.filter(pk__in=count.ids)
        return queryset.filter(pk__in=search.matching_projects(query).values("pk"))

    def filter_region(self, queryset, name, value):
        return queryset.filter(disclosure__department__region__in=_region_and_below(value))

    def filter_min_wan(self, queryset, name, value):
        return queryset.filter(declared_total__gte=Decimal(value) * WAN)

    def filter_max_wan(self, queryset, name, value):
        return queryset.filter(declared_total__lte=Decimal(value) * WAN)

    def filter_has_findings(self, queryset, name, value):
        if value is None:
            return queryset
        return (
            queryset.filter(finding_count__gt=0) if value else queryset.filter(Q(finding_count=0))
        )


class DisclosureFilter(django_filters.FilterSet):
    fiscal_year = django_filters.NumberFilter(label="年度")
    department = django_filters.ModelChoiceFilter(
        queryset=Department.objects.published().order_by("name"),
        to_field_name="slug",
        label="预算单位",
        empty_label="全部单位",
    )

    class Meta:
        model = Disclosure
        fields: list[str] = []
