"""Search: Chinese substrings, 文号 in any bracket form, snippets, drafts never found."""

import pytest
from django.db import connection
from django.urls import reverse

from projects.models import Project, Status
from projects.search import highlight, matching_projects

from .test_project_page import page_text

pytestmark = pytest.mark.django_db


def names(query):
    return {p.name for p in matching_projects(query)}


def test_substrings_of_chinese_words_are_found(seed):
    assert names("慰问") == {"干部教育培训专项资金"}  # 慰问金 in its content
    assert names("意外伤害保险") == {"引领乡村振兴工作经费"}
    assert names("经费") == {"干部教育培训专项资金", "引领乡村振兴工作经费"}
    assert names("不存在的词语") == set()


def test_document_numbers_are_found_in_any_bracket_form(seed):
    assert names("澄办发〔2014〕104号") == {"引领乡村振兴工作经费"}
    assert names("澄办发【2014】104号") == {"引领乡村振兴工作经费"}
    assert names("云老发〔2013〕5号") == {"干部教育培训专项资金"}  # cited as 云老发【2013】5号


def test_policy_document_titles_are_searched(seed):
    assert names("干部档案工作条例") == {"干部教育培训专项资金"}


def test_drafts_are_never_found(seed):
    Project.objects.filter(sequence=2).update(status=Status.DRAFT)
    assert names("意外伤害保险") == set()


def test_results_page_shows_highlighted_snippets(client, seed):
    response = client.get(reverse("projects:search"), {"q": "慰问金"})
    html = response.content.decode()
    assert "<mark>慰问金</mark>" in html
    assert "找到 1 个已公开项目" in page_text(response)


def test_the_query_is_escaped_in_snippets_and_page(client, seed):
    response = client.get(reverse("projects:search"), {"q": "<script>"})
    assert "<script>" not in response.content.decode().split("<main", 1)[1]


def test_highlight_escapes_text_and_marks_every_occurrence():
    snippet = highlight("<b>慰问</b>金与慰问", ["慰问"])
    assert snippet == "&lt;b&gt;<mark>慰问</mark>&lt;/b&gt;金与<mark>慰问</mark>"


def test_empty_query_asks_for_one(client, seed):
    response = client.get(reverse("projects:search"))
    assert response.status_code == 200
    assert "找到" not in page_text(response)


def test_search_query_budget(client, seed, django_assert_max_num_queries):
    # count, page of projects, their sub-items, their citations with documents
    with django_assert_max_num_queries(5):
        client.get(reverse("projects:search"), {"q": "经费"})


@pytest.mark.skipif(connection.vendor != "postgresql", reason="trigram indexes are PostgreSQL's")
def test_postgresql_can_answer_substring_search_from_the_trigram_index(seed):
    """With full scans priced out, the planner answers icontains from the pg_trgm index.

    (On a table this small a sequential scan is cheaper, so the test takes it away; plain
    index scans go too, or a scan of the primary key could stand in for the table scan.)
    """
    query = Project.objects.filter(name__icontains="乡村振兴").order_by()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        sql, params = query.query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "projects_project_name_trgm" in plan, plan
