"""The disclosure page: one department's document for one year, like the seed, from records."""

import pytest
from django.urls import reverse

from budget.amounts import format_wan
from projects import public_version
from projects.models import Project, Status
from tests.conftest import force_status

from .test_project_page import HEADINGS, page_text

pytestmark = pytest.mark.django_db


def test_disclosure_page_reads_like_the_seed(client, seed, seed_tree):
    text = page_text(client.get(seed.get_absolute_url()))
    assert seed.title in text
    # The table of contents names them first; the bodies follow.
    first = text.rindex("项目1. 干部教育培训专项资金")
    second = text.rindex("项目2. 引领乡村振兴工作经费")
    assert first < second
    # Each project's eight sections, in order, within its own part of the page.
    for part in (text[first:second], text[second:]):
        positions = [part.index(heading) for heading in HEADINGS]
        assert positions == sorted(positions)
    for project_tree in seed_tree["projects"]:
        assert project_tree["funding_text"] in text


def test_disclosure_totals_add_up_the_projects(client, seed):
    text = page_text(client.get(seed.get_absolute_url()))
    assert f"申报总额合计{format_wan(sum(p.declared_total for p in Project.objects.all()))}" in (
        text.replace("\n", "").replace(" ", "")
    )
    assert "550万元" in text


def test_disclosure_page_query_budget(client, seed, django_assert_max_num_queries):
    # The disclosure, its projects, their page documents (none yet: projects/pagedoc.py), so
    # one fixed set of prefetches for all their trees and one write of their documents, its
    # PDF's record, and the versions of what it shows, the site's and its own (cold cache).
    with django_assert_max_num_queries(16):
        response = client.get(seed.get_absolute_url())
    assert response.status_code == 200
    public_version.bump(public_version.SITE)  # the stored page is stale; the documents stay
    # The two versions, the disclosure, its projects, their documents, its PDF's record.
    with django_assert_max_num_queries(6):
        again = client.get(seed.get_absolute_url())
    assert again.content == response.content


def test_drafts_stay_off_the_disclosure_page(client, seed):
    force_status(Project.objects.filter(sequence=2), Status.DRAFT)
    text = page_text(client.get(seed.get_absolute_url()))
    assert "引领乡村振兴工作经费" not in text
    force_status(Project.objects.filter(sequence=1), Status.SUBMITTED)
    assert client.get(seed.get_absolute_url()).status_code == 404


def test_unknown_disclosures_answer_404(client, seed):
    url = reverse("projects:disclosure", kwargs={"department": "chengjiang-zzb", "year": 2023})
    assert client.get(url).status_code == 404


def test_project_page_links_to_its_disclosure(client, seed):
    project = Project.objects.published().get(sequence=1)
    html = client.get(project.get_absolute_url()).content.decode()
    assert f'href="{seed.get_absolute_url()}"' in html
