"""Public lists: django-tables2 tables with django-filter filters, shareable URLs and CSV."""

import csv
import io
from decimal import Decimal

import pytest
from django.urls import reverse

from projects import search
from projects.models import Project, Status
from tests.conftest import force_status

from .test_project_page import page_text

pytestmark = pytest.mark.django_db


def listed(client, **params):
    text = page_text(client.get(reverse("projects:projects"), params))
    return {name for name in ("干部教育培训专项资金", "引领乡村振兴工作经费") if name in text}


BOTH = {"干部教育培训专项资金", "引领乡村振兴工作经费"}


def test_project_list_shows_totals_and_findings(client, seed):
    text = page_text(client.get(reverse("projects:projects")))
    assert listed(client) == BOTH
    assert "共 2 个项目" in text
    project = Project.objects.get(sequence=1)
    assert project.itemised_total > project.declared_total  # stored by the loader
    assert project.finding_count >= 5


def test_filters(client, seed):
    assert listed(client, year=2024) == BOTH
    assert listed(client, year=2023) == set()
    assert listed(client, department="chengjiang-zzb") == BOTH
    assert listed(client, min_wan="200") == {"引领乡村振兴工作经费"}
    assert listed(client, max_wan="150") == {"干部教育培训专项资金"}
    assert listed(client, q="意外伤害") == {"引领乡村振兴工作经费"}
    assert listed(client, has_findings="true") == BOTH
    assert listed(client, has_findings="false") == set()


def test_region_filter_includes_regions_below(client, seed):
    from projects.models import Region

    province = Region.objects.get(name="云南省")
    county = Region.objects.get(name="澄江市")
    other = Region.objects.create(name="四川省")
    assert listed(client, region=province.pk) == BOTH
    assert listed(client, region=county.pk) == BOTH
    assert listed(client, region=other.pk) == set()


def test_bad_filter_values_say_so(client, seed):
    response = client.get(reverse("projects:projects"), {"min_wan": "很多"})
    assert response.status_code == 200
    assert "数" in page_text(response)  # the form's Chinese error for a non-number


def test_sorting_by_declared_total(client, seed):
    text = page_text(client.get(reverse("projects:projects"), {"sort": "-declared_total"}))
    assert text.index("引领乡村振兴工作经费") < text.index("干部教育培训专项资金")
    text = page_text(client.get(reverse("projects:projects"), {"sort": "declared_total"}))
    assert text.index("干部教育培训专项资金") < text.index("引领乡村振兴工作经费")


def test_drafts_are_not_listed(client, seed):
    force_status(Project.objects.filter(sequence=1), Status.DRAFT)
    assert listed(client) == {"引领乡村振兴工作经费"}


def test_csv_of_the_filtered_view(client, seed):
    response = client.get(reverse("projects:projects-csv"), {"max_wan": "150"})
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(body.lstrip("\ufeff"))))
    assert rows[0][3] == "项目名称"
    assert [row[3] for row in rows[1:]] == ["干部教育培训专项资金"]
    assert Decimal(rows[1][5]) == Decimal("1500000.00")
    assert "attachment" in response["Content-Disposition"]


def test_list_page_links_the_csv_with_the_same_filters(client, seed):
    html = client.get(reverse("projects:projects"), {"year": "2024"}).content.decode()
    assert f"{reverse('projects:projects-csv')}?year=2024" in html


def test_project_list_query_budget(client, seed, django_assert_max_num_queries):
    # Filter choices (departments, regions), count, page of rows: constant in the row count.
    with django_assert_max_num_queries(8):
        client.get(reverse("projects:projects"))


def test_disclosure_list(client, seed, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        response = client.get(reverse("projects:disclosures"))
    text = page_text(response)
    assert "中共澄江市委组织部2024年预算重点领域财政项目文本公开" in text
    assert "550" in text
    assert "2024" in text
    force_status(Project.objects.all(), Status.DRAFT)
    assert "中共澄江市委组织部2024年" not in page_text(client.get(reverse("projects:disclosures")))


@pytest.mark.parametrize("cap", [1, 2, 1000])
def test_keyword_filter_finds_the_same_under_and_past_the_search_cap(
    client, seed, monkeypatch, cap
):
    # Under the cap the list reads the capped count's ids, past it a subquery of every match.
    monkeypatch.setattr(search, "COUNT_CAP", cap)
    monkeypatch.setattr(search.count_matches, "__defaults__", (cap,))
    assert listed(client, q="经费") == BOTH
    assert listed(client, q="意外伤害") == {"引领乡村振兴工作经费"}
    assert listed(client, q="没有这个词") == set()
    assert "共 2 个项目" in page_text(client.get(reverse("projects:projects"), {"q": "经费"}))
