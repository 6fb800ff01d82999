"""Query budgets at size: a project of 50 sub-items × 20 lines × 3 factors with 60 citations,
and lists of 1,000 projects. Each page's query count must not grow with what it shows."""

from decimal import Decimal

import pytest
from django.urls import reverse

from projects import search
from projects.models import (
    Citation,
    Factor,
    LineItem,
    Milestone,
    PolicyDocument,
    Project,
    ProjectSearch,
    Status,
    SubItem,
)
from projects.services import refresh_summary

from .factories import DisclosureFactory, ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def big_project(guards_off):
    project = ProjectFactory(status=Status.PUBLISHED, declared_total=Decimal("50000000.00"))
    documents = PolicyDocument.objects.bulk_create(
        PolicyDocument(title=f"关于大项目的通知{n}", document_number=f"测发〔2024〕{n}号")
        for n in range(1, 61)
    )
    Citation.objects.bulk_create(
        Citation(project=project, document=d, sequence=n, cited_text=f"《{d.title}》")
        for n, d in enumerate(documents, start=1)
    )
    sub_items = SubItem.objects.bulk_create(
        SubItem(project=project, sequence=n, name=f"子项目{n}", content="内容。", plan="计划。")
        for n in range(1, 51)
    )
    Milestone.objects.bulk_create(
        Milestone(sub_item=s, sequence=1, due_year=2024, due_month=6) for s in sub_items
    )
    lines = LineItem.objects.bulk_create(
        LineItem(
            sub_item=s,
            sequence=n,
            name=f"明细{n}",
            declared_amount=Decimal("6000.00"),
            formula="10人×300元×2天",
        )
        for s in sub_items
        for n in range(1, 21)
    )
    Factor.objects.bulk_create(
        Factor(line=line, sequence=i, value=Decimal(v), unit=u)
        for line in lines
        for i, (v, u) in enumerate([("10", "人"), ("300", "元"), ("2", "天")], start=1)
    )
    return refresh_summary(project)


# Each budget counts one query for the version of what is published, read on a cold cache
# (projects/public_version.py); the page's own queries are the rest.


def test_big_project_page(client, big_project, django_assert_max_num_queries, settings):
    settings.PUBLIC_PAGE_CACHE = False
    # Its first view builds its page document (projects/pagedoc.py): the tree in a fixed
    # number of queries, and the document's write.
    with django_assert_max_num_queries(16):
        response = client.get(big_project.get_absolute_url())
    assert response.status_code == 200
    assert big_project.itemised_total == Decimal("6000000.00")  # 50 × 20 × 6000
    # Then three (its revisions, its document, its PDF's record), whatever its size.
    with django_assert_max_num_queries(4):
        again = client.get(big_project.get_absolute_url())
    assert again.content == response.content


def test_big_disclosure_page(client, big_project, django_assert_max_num_queries):
    with django_assert_max_num_queries(15):
        response = client.get(big_project.disclosure.get_absolute_url())
    assert response.status_code == 200


def test_big_project_search_and_registry(client, big_project, django_assert_max_num_queries):
    # As tests/projects/test_search.py's budget: the count takes four statements of its own.
    with django_assert_max_num_queries(9):
        client.get(reverse("projects:search"), {"q": "大项目"})
    with django_assert_max_num_queries(3):
        client.get(reverse("projects:documents"))


@pytest.fixture
def thousand_projects():
    disclosure = DisclosureFactory()
    projects = Project.objects.bulk_create(
        Project(
            disclosure=disclosure,
            sequence=n,
            name=f"项目{n}",
            implementing_unit="单位",
            declared_total=Decimal(n * 1000),
            itemised_total=Decimal(n * 900),
            finding_count=n % 3,
            status=Status.PUBLISHED,
        )
        for n in range(1, 1001)
    )
    # Each with its search row, as loading and publishing write it (services.refresh_summary):
    # the lists read their pages along those rows' index.
    ProjectSearch.objects.bulk_create(
        ProjectSearch(project=p, text=p.name, **search.display_order(p)) for p in projects
    )
    return disclosure


def test_lists_at_a_thousand_rows(client, thousand_projects, django_assert_max_num_queries):
    for name, budget in (
        ("projects:projects", 8),
        ("projects:disclosures", 6),
        ("projects:home", 2),
    ):
        with django_assert_max_num_queries(budget):
            response = client.get(reverse(name))
        assert response.status_code == 200
    with django_assert_max_num_queries(3):
        response = client.get(reverse("projects:projects-csv"))
        body = b"".join(response.streaming_content).decode()
    assert body.count("\n") == 1001
    # The last page of the list and of the API, read along the live rows' index.
    last = client.get(reverse("projects:projects"), {"page": 20}).content.decode()
    assert "项目1000<" in last and "项目951<" in last and "项目950<" not in last
    answer = client.get("/api/v1/projects", {"page": 20}).json()
    assert answer["count"] == 1000
    assert [p["name"] for p in answer["results"]] == [f"项目{n}" for n in range(951, 1001)]
