"""Select the records an export writes: published ones only, each with its whole tree.

Every export (views, API, ``manage.py export_data``) starts here; the public-visibility rule
itself stays in ``Project.objects.published()``.
"""

from __future__ import annotations

from collections.abc import Iterator

from django.db.models import QuerySet

from projects import selectors
from projects.models import Disclosure, Project

# Projects fetched per round trip when walking a year (prefetches run per chunk).
CHUNK = 200


def live_projects(*, year: int | None = None) -> QuerySet[Project]:
    """Every live project (of one fiscal year, or of all), in the public order."""
    projects = selectors.public_projects()
    if year is not None:
        projects = projects.filter(disclosure__fiscal_year=year)
    return projects


def with_tree(projects: QuerySet[Project]) -> QuerySet[Project]:
    return selectors.with_tree(projects)


def iter_with_tree(projects: QuerySet[Project]) -> Iterator[Project]:
    """The projects with their trees, fetched in chunks so a whole year never sits in memory."""
    return with_tree(projects).iterator(chunk_size=CHUNK)


def live_disclosures(*, year: int | None = None) -> QuerySet[Disclosure]:
    # The region chain (county › city › province) is written into every disclosure's JSON.
    disclosures = selectors.public_disclosures().select_related(
        "department__region__parent__parent"
    )
    if year is not None:
        disclosures = disclosures.filter(fiscal_year=year)
    return disclosures.order_by("-fiscal_year", "department__name")


def disclosure_projects(disclosure: Disclosure) -> QuerySet[Project]:
    """A disclosure's live projects in order, trees prefetched."""
    return with_tree(Project.objects.published().filter(disclosure=disclosure)).order_by("sequence")


def public_years() -> list[int]:
    """Fiscal years with at least one live project, newest first."""
    return list(
        live_disclosures().order_by("-fiscal_year").values_list("fiscal_year", flat=True).distinct()
    )
