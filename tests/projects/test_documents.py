"""The policy-document registry: every cited document, who cites it, the money under it."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from projects import selectors
from projects.models import Citation, PolicyDocument, Project, Status
from tests.conftest import force_status

from .test_project_page import page_text

pytestmark = pytest.mark.django_db


def test_registry_lists_every_document_cited_by_a_live_project(client, seed):
    text = page_text(client.get(reverse("projects:documents")))
    cited = PolicyDocument.objects.filter(citations__project__status=Status.PUBLISHED).distinct()
    assert cited.count() == 55  # 25 + 31 citations, one document cited twice
    for document in cited:
        assert f"《{document.title}》" in text


def test_a_document_cited_twice_by_one_project_counts_its_money_once(seed):
    twice = selectors.public_documents().get(title="关于进一步加强和改进离退休干部工作的实施意见")
    assert twice.project_count == 1
    assert twice.money == Decimal("1500000.00")


def test_document_page_shows_the_citing_projects_and_the_text_as_cited(client, seed):
    citation = Citation.objects.get(cited_text__contains="云老发【2013】5号")
    response = client.get(citation.document.get_absolute_url())
    text = page_text(response)
    assert "云老发〔2013〕5号" in text  # normalised
    assert "云老发【2013】5号" in text  # as cited
    assert "干部教育培训专项资金" in text
    assert "150万元" in text


def test_project_page_links_each_citation_to_the_registry(client, seed):
    project = Project.objects.published().get(sequence=2)
    html = client.get(project.get_absolute_url()).content.decode()
    links = re.findall(r'<a class="citation" href="(/documents/\d+/)">', html)
    assert len(links) == 31


def test_documents_of_drafts_are_not_public(client, seed):
    citation = Citation.objects.get(cited_text__contains="澄办发〔2014〕104号")
    force_status(Project.objects.filter(sequence=2), Status.DRAFT)
    assert client.get(citation.document.get_absolute_url()).status_code == 404
    assert "澄办发〔2014〕104号" not in page_text(client.get(reverse("projects:documents")))


def test_registry_query_budget(client, seed, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        client.get(reverse("projects:documents"))
    document = PolicyDocument.objects.first()
    with django_assert_max_num_queries(3):
        client.get(document.get_absolute_url())
