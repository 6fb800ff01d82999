"""The public lists' pages: read along the index of live search rows (``ProjectSearch.live``,
kept equal to ``status = 'published'`` by the database, migration 0017) and still shown
through ``published()``."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import connection
from django.db.models import QuerySet
from django.urls import reverse

from projects import search, selectors, workflow
from projects.models import Project, ProjectSearch, Status
from tests.conftest import force_status

from .factories import DepartmentFactory, DisclosureFactory

pytestmark = pytest.mark.django_db


def live(project: Project) -> bool:
    return ProjectSearch.objects.get(project=project).live


def test_live_follows_the_status_through_the_workflow(draft, users):
    assert not live(draft)
    workflow.submit(draft, users["clerk"])
    assert not live(draft)
    published = workflow.publish(draft, users["reviewer"], explanation="原文如此，已核实。")
    assert live(published)
    correction = workflow.create_correction(published, users["clerk"])
    assert live(published) and not live(correction)
    workflow.submit(correction, users["other"])
    second = workflow.publish(
        correction,
        users["reviewer"],
        explanation="原文如此，已核实。",
        correction_note="更正金额。",
    )
    published.refresh_from_db()
    assert published.status == Status.SUPERSEDED
    assert not live(published) and live(second)
    workflow.withdraw(second, users["reviewer"], "撤回重报。")
    assert not live(second)


def test_live_is_the_databases_whatever_django_writes(seed):
    project = Project.objects.published().first()
    row = ProjectSearch.objects.get(project=project)
    row.live = False
    row.save()
    assert live(project)
    QuerySet.update(ProjectSearch.objects.filter(project=project), live=False)
    assert live(project)
    # The search row written afresh, as refresh_summary writes it.
    ProjectSearch.objects.filter(project=project).delete()
    ProjectSearch.objects.create(project=project, text="x", live=False)
    assert live(project)


def test_live_holds_with_the_guards_off(seed):
    """A repair past the guards (the triggers switched off for the session) does not leave the
    copy wrong: its triggers fire whatever the replication role."""
    project = Project.objects.published().first()
    force_status(Project.objects.filter(pk=project.pk), Status.DRAFT)
    assert not live(project)
    force_status(Project.objects.filter(pk=project.pk), Status.PUBLISHED)
    assert live(project)


@pytest.fixture
def mixed(guards_off):
    """Live projects in two years and three departments, named so that the public order is
    not the order of their ids, with drafts, submissions and withdrawn ones among them."""
    departments = [DepartmentFactory(name=name) for name in ("乙单位", "甲单位", "丙单位")]
    statuses = [Status.PUBLISHED] * 4 + [Status.DRAFT, Status.WITHDRAWN, Status.SUBMITTED]
    number = 0
    for year in (2023, 2024):
        for department in departments:
            disclosure = DisclosureFactory(department=department, fiscal_year=year)
            for sequence in (3, 1, 2):
                number += 1
                project = Project.objects.create(
                    disclosure=disclosure,
                    sequence=sequence,
                    name=f"项目{number}",
                    implementing_unit=department.name,
                    declared_total=Decimal(number * 10_000),
                    finding_count=number % 3 == 0,
                    status=statuses[number % len(statuses)],
                )
                ProjectSearch.objects.create(
                    project=project, text=project.name, **search.display_order(project)
                )
    return Project.objects.published().count()


def test_every_page_is_the_slice_of_the_public_order(mixed):
    """Whichever way a page's keys are read (the live rows' index alone, or the filtered
    queryset along it), every page is the slice of ``public_projects()``, in order."""
    ordered = list(selectors.public_projects())
    assert len(ordered) == mixed > 6
    years = [p.disclosure.fiscal_year for p in ordered]
    assert years == sorted(years, reverse=True)
    queryset = selectors.public_projects()
    for on_index in ({}, None):
        pages = selectors.ProjectPages(queryset, on_index=on_index)
        assert pages.count() == mixed
        for start in range(mixed + 2):
            for stop in range(start, mixed + 3):
                assert pages[start:stop] == ordered[start:stop], (on_index, start, stop)


def test_a_years_pages_are_read_from_the_index_alone(mixed):
    queryset = selectors.public_projects().filter(disclosure__fiscal_year=2023)
    ordered = list(queryset)
    assert 0 < len(ordered) < mixed
    for on_index in ({"fiscal_year": 2023}, None):
        pages = selectors.ProjectPages(queryset, on_index=on_index)
        assert pages.count() == len(ordered)
        for start in range(len(ordered) + 1):
            assert pages[start : start + 2] == ordered[start : start + 2], on_index


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, {}),
        ({"page": "2"}, {}),
        ({"year": "", "q": ""}, {}),
        ({"year": "2023"}, {"fiscal_year": 2023}),
        ({"year": "2023", "has_findings": "false"}, None),
        ({"has_findings": "false"}, None),  # False filters too
        ({"min_wan": "0"}, None),
        ({"year": "x"}, None),
    ],
)
def test_which_filters_the_index_answers_alone(db, params, expected):
    from projects.filters import ProjectFilter

    filterset = ProjectFilter(data=params, queryset=selectors.public_projects())
    assert filterset.on_index() == expected


def test_a_filtered_page_is_the_slice_of_the_filtered_order(mixed):
    queryset = selectors.public_projects().filter(declared_total__gte=Decimal("80000"))
    ordered = list(queryset)
    assert 0 < len(ordered) < mixed
    pages = selectors.ProjectPages(queryset)
    assert pages.count() == len(ordered)
    for start in range(len(ordered) + 1):
        assert pages[start : start + 3] == ordered[start : start + 3]


def test_a_key_the_copy_gets_wrong_hides_a_project_but_never_shows_one(mixed):
    """Were the copy wrong (written past the database, say), a page could miss a project,
    never show one that is not public: the rows are read through published()."""
    hidden = Project.objects.filter(status=Status.DRAFT).first()
    with connection.cursor() as cursor:  # rolled back with the test
        cursor.execute("ALTER TABLE projects_projectsearch DISABLE TRIGGER projectsearch_live")
    QuerySet.update(ProjectSearch.objects.filter(project=hidden), live=True)
    assert live(hidden)
    pages = selectors.ProjectPages(selectors.public_projects(), on_index={})
    shown = pages[0:100]
    assert hidden not in shown
    assert all(p.status == Status.PUBLISHED for p in shown)


def test_the_list_and_the_api_show_the_last_page(client, mixed):
    names = [p.name for p in selectors.public_projects()]
    html = client.get(reverse("projects:projects")).content.decode()
    assert all(f">{name}<" in html for name in names)
    answer = client.get("/api/v1/projects", {"page_size": 2, "page": 2}).json()
    assert answer["count"] == mixed
    assert [p["name"] for p in answer["results"]] == names[2:4]
    clean = [p.name for p in selectors.public_projects().filter(finding_count=0)]
    assert 0 < len(clean) < mixed
    answer = client.get("/api/v1/projects", {"has_findings": "false", "page_size": 100}).json()
    assert [p["name"] for p in answer["results"]] == clean
    html = client.get(reverse("projects:projects"), {"year": "2023", "page": "1"}).content.decode()
    assert all(
        f">{p.name}<" in html
        for p in selectors.public_projects().filter(disclosure__fiscal_year=2023)
    )
    sorted_by_amount = client.get(reverse("projects:projects"), {"sort": "-declared_total"})
    text = sorted_by_amount.content.decode()
    amounts = [p.name for p in selectors.public_projects().order_by("-declared_total")]
    assert [text.index(f">{name}<") for name in amounts] == sorted(
        text.index(f">{name}<") for name in amounts
    )
