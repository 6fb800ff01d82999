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
    # A document's page reads the citing projects' trees (the money their text ties to it):
    # the same queries for one citing project or many.
    document = PolicyDocument.objects.get(document_number="澄办发〔2014〕104号")
    with django_assert_max_num_queries(14):
        client.get(document.get_absolute_url())


def test_the_money_a_text_ties_to_a_document_is_shown_apart_from_the_projects_total(client, seed):
    document = PolicyDocument.objects.get(document_number="玉老通〔2018〕15号")
    text = page_text(client.get(document.get_absolute_url()))
    # ⑤ 0.3万 and ⑨ 0.84万 say they are 根据 this document; the project's 150万 does not.
    assert "文中明确依据本文件的金额1.14万元" in text.replace(" ", "")
    assert "⑤" in text and "⑨" in text and "0.84" in text
    assert "引用项目的申报总额合计150万元（项目合计，并非本文件对应的金额）" in text.replace(
        " ", ""
    )
    untied = PolicyDocument.objects.get(document_number="云老发〔2013〕5号")
    assert "文中未对应到具体金额" in page_text(client.get(untied.get_absolute_url()))


def test_the_api_gives_the_money_tied_to_a_document_apart_from_the_projects_totals(client, seed):
    document = PolicyDocument.objects.get(document_number="玉老通〔2018〕15号")
    data = client.get(reverse("api:document", kwargs={"pk": document.pk})).json()
    assert data["tied_money_yuan"] == "11400.00"
    assert data["money_yuan"] == "1500000.00"
    [citing] = data["citations"]
    assert [(t["sub_item"], t["amount_yuan"]) for t in citing["tied"]] == [
        (1, "3000.00"),
        (1, "8400.00"),
    ]
