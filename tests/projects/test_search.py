"""Search: Chinese substrings, 文号 in any bracket form, snippets, drafts never found."""

import importlib
import random
from types import SimpleNamespace
from unittest import mock

import pytest
from django.db import connection, transaction
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from budget.searchtext import search_document, tsvector_literal
from projects import search, selectors
from projects.models import PolicyDocument, Project, ProjectSearch, Status, SubItem
from projects.search import (
    MatchCount,
    count_matches,
    highlight,
    matching_projects,
    search_results,
)
from projects.services import refresh_document_citers, refresh_summary
from projects.views import SearchView
from tests.conftest import force_status

from .factories import (
    CitationFactory,
    DepartmentFactory,
    DisclosureFactory,
    PolicyDocumentFactory,
    ProjectFactory,
    SubItemFactory,
)
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
    force_status(Project.objects.filter(sequence=2), Status.DRAFT)
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


def test_highlight_ignores_width_and_case_and_keeps_the_text_as_written():
    snippet = highlight("采用ＰＰＰ模式，２０２４年", ["ppp", "2024"])
    assert snippet == "采用<mark>ＰＰＰ</mark>模式，<mark>２０２４</mark>年"


def test_the_data_migration_writes_what_services_write(seed):
    from django.apps import apps

    migration = importlib.import_module("projects.migrations.0005_project_search")
    stored = {row.pk: (row.text, row.grams) for row in ProjectSearch.objects.all()}
    assert len(stored) == Project.objects.count() == 2
    ProjectSearch.objects.all().delete()
    migration.fill(apps, SimpleNamespace(connection=connection))
    assert {row.pk: (row.text, row.grams) for row in ProjectSearch.objects.all()} == stored


def test_empty_query_asks_for_one(client, seed):
    response = client.get(reverse("projects:search"))
    assert response.status_code == 200
    assert "找到" not in page_text(response)


def test_search_query_budget(client, seed, django_assert_max_num_queries):
    # The version; the count (in a transaction of its own with its planner settings: begin,
    # settings, the matching live search rows, end; the published among them); the page of
    # projects, their sub-items, their citations with documents.
    with django_assert_max_num_queries(9):
        client.get(reverse("projects:search"), {"q": "经费"})


def indexed(name, *, content="", status=Status.PUBLISHED, **fields):
    """A project with one sub-item, its search row stored as loading a tree stores it."""
    project = ProjectFactory(name=name, status=status, **fields)
    SubItemFactory(project=project, content=content)
    refresh_summary(project)
    return project


@pytest.mark.usefixtures("guards_off")
def test_one_two_and_longer_chinese_queries_match_substrings(db):
    indexed("老干部慰问经费", content="春节走访慰问金500元，意外伤害保险。")
    indexed("干部教育培训", content="培训班餐费。")
    assert names("慰") == {"老干部慰问经费"}
    assert names("慰问") == {"老干部慰问经费"}
    assert names("问金") == {"老干部慰问经费"}
    assert names("慰问金500元") == {"老干部慰问经费"}
    assert names("干部") == {"老干部慰问经费", "干部教育培训"}
    assert names("培训班餐费") == {"干部教育培训"}
    assert names("慰问培训") == set()


@pytest.mark.usefixtures("guards_off")
def test_bigrams_that_all_occur_but_apart_do_not_match(db):
    # 慰问, 问培 and 培训 all occur, never as 慰问培训.
    indexed("慰问金", content="问培之外另有培训。")
    assert names("问培") == {"慰问金"}
    assert names("慰问培训") == set()
    assert names("金问培") == set()


@pytest.mark.usefixtures("guards_off")
def test_full_width_half_width_and_letter_case_do_not_matter(db):
    indexed("ＰＰＰ项目２０２４年", content="按10人×300元计，采用ppp模式。")
    for query in ["ppp", "PPP", "ｐｐｐ", "ＰＰＰ项目", "2024年", "２０２４", "１０人×３００元"]:
        assert names(query) == {"ＰＰＰ项目２０２４年"}, query
    assert names("ppq") == set()


@pytest.mark.usefixtures("guards_off")
def test_a_document_number_in_prose_is_found_in_every_bracket_form(db):
    indexed("档案数字化", content="按澄财发（2019）7号文件执行。")
    for query in [
        "澄财发〔2019〕7号",
        "澄财发【2019】7号",
        "澄财发(2019)7号",
        "澄财发（2019）7号",
        "澄财发〔２０１９〕７号",
    ]:
        assert names(query) == {"档案数字化"}, query
    assert names("澄财发〔2019〕8号") == set()


@pytest.mark.usefixtures("guards_off")
def test_cited_documents_are_found_by_title_and_number(db):
    project = indexed("引才经费")
    document = PolicyDocumentFactory(title="柔性引才办法", document_number="澄党人才〔2023〕9号")
    CitationFactory(project=project, document=document, cited_text="《柔性引才办法》")
    refresh_summary(project)
    assert names("引才办法") == {"引才经费"}
    assert names("澄党人才【2023】9号") == {"引才经费"}


@pytest.mark.usefixtures("guards_off")
@pytest.mark.parametrize(
    "status", [Status.DRAFT, Status.SUBMITTED, Status.SUPERSEDED, Status.WITHDRAWN]
)
def test_only_the_live_revision_is_ever_found(db, status):
    indexed("藏书馆建设", status=status)
    assert ProjectSearch.objects.filter(text__contains="藏书馆").exists()
    assert names("藏书") == set()
    assert names("藏书馆建设") == set()


@pytest.mark.usefixtures("guards_off")
def test_renaming_a_document_updates_search(db):
    project = indexed("人才工作经费")
    document = PolicyDocumentFactory(title="人才引进办法", document_number="澄发〔2020〕1号")
    CitationFactory(project=project, document=document, cited_text="《人才引进办法》")
    refresh_summary(project)
    PolicyDocument.objects.filter(pk=document.pk).update(
        title="柔性引才实施细则", document_number="澄发〔2020〕2号"
    )
    assert names("实施细则") == set()
    assert refresh_document_citers(document) == 1
    assert names("实施细则") == {"人才工作经费"}
    assert names("澄发【2020】2号") == {"人才工作经费"}
    assert names("澄发〔2020〕1号") == set()


def test_renaming_a_document_in_the_admin_updates_search(admin_client, seed):
    # A document cited by a published revision keeps its title and 文号 (test_bad_input);
    # one cited only by drafts may be renamed, and the drafts are found by the new name once
    # they are published.
    force_status(Project.objects.all(), Status.DRAFT)
    document = PolicyDocument.objects.get(document_number="澄办发〔2014〕104号")
    url = reverse("admin:projects_policydocument_change", args=[document.pk])
    response = admin_client.post(
        url,
        {
            "title": "澄江市乡村振兴驻村工作队员保障办法",
            "document_number": "澄办发〔2014〕105号",
            "issuer_code": "澄办发",
            "year": "2014",
            "serial": "105",
            "issuing_body": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    force_status(Project.objects.all(), Status.PUBLISHED)
    assert names("驻村工作队员保障办法") == {"引领乡村振兴工作经费"}
    assert names("澄办发【2014】105号") == {"引领乡村振兴工作经费"}


@pytest.mark.usefixtures("guards_off")
def test_editing_a_sub_item_in_the_admin_updates_search(admin_client, seed):
    sub_item = SubItem.objects.get(project__sequence=2, sequence=1)
    url = reverse("admin:projects_subitem_change", args=[sub_item.pk])
    form = {
        "project": sub_item.project_id,
        "sequence": sub_item.sequence,
        "name": sub_item.name,
        "declared_amount": "",
        "declared_amount_text": "",
        "content": "古籍馆藏修复。",
        "plan": sub_item.plan,
    }
    for prefix in ("lines", "milestones"):
        form |= {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}
    response = admin_client.post(url, form)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert names("馆藏") == {"引领乡村振兴工作经费"}


@pytest.mark.usefixtures("guards_off")
def test_the_like_only_path_for_sqlite_finds_the_same(db, monkeypatch):
    indexed("老干部慰问经费", content="春节走访慰问金，澄财发（2019）7号。")
    indexed("干部教育培训")
    queries = ["慰", "慰问", "干部", "ＰＰ", "慰问培训", "澄财发〔2019〕7号", "无此词"]
    expected = {query: names(query) for query in queries}
    monkeypatch.setattr(search, "grams_indexed", lambda: False)
    assert {query: names(query) for query in queries} == expected


WORDS = (
    "干部 教育 培训 老干部 党建 乡村 振兴 人才 档案 体检 保险 补贴 服务 群众 活动 经费 "
    "宣传 维护 建设 组织 工作 开展 实施 保障 管理 人员 标准 支出 资金 项目 年度 计划"
).split()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the GIN index is PostgreSQL's")
def test_postgresql_answers_a_two_character_query_from_the_gin_index(db):
    """At a few thousand projects, with statistics, the planner reads the grams index.

    The text is drawn from a small vocabulary, so common grams are in most rows, as in real
    disclosures; the query is a rare two-character word. Nothing is switched off: a plan that
    scans the search table would be the planner's own choice, and would fail this test.
    """
    rng = random.Random(7)
    disclosure = DisclosureFactory()
    projects = Project.objects.bulk_create(
        Project(
            disclosure=disclosure,
            sequence=n + 1,
            name=f"项目{n}",
            implementing_unit="测试单位",
            status=Status.PUBLISHED,
        )
        for n in range(3000)
    )
    rows = []
    for n, project in enumerate(projects):
        text = "".join(rng.choices(WORDS, k=150)) + ("馆藏" if n % 500 == 0 else "")
        document = search_document([project.name, text])
        rows.append(
            ProjectSearch(
                project=project, text=document.text, grams=tsvector_literal(document.grams)
            )
        )
    ProjectSearch.objects.bulk_create(rows)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE projects_project, projects_projectsearch")
        for query in ["馆藏", "馆藏古籍"]:
            sql, params = matching_projects(query).query.sql_with_params()
            cursor.execute(f"EXPLAIN {sql}", params)
            plan = "\n".join(row[0] for row in cursor.fetchall())
            assert "projects_projectsearch_grams_gin" in plan, plan
            assert "Seq Scan on projects_projectsearch" not in plan, plan
    assert len(matching_projects("馆藏")) == 6


@pytest.mark.skipif(connection.vendor != "postgresql", reason="tsvector is PostgreSQL's")
def test_grams_reach_postgresql_exactly_as_written(db):
    grams = {"慰问", "a'b", "c\\d", "&", "|", "!", "(", ":*", "'", "\\"}
    with connection.cursor() as cursor:
        cursor.execute("SELECT tsvector_to_array(%s::tsvector)", [tsvector_literal(grams)])
        assert set(cursor.fetchone()[0]) == grams


# The order of results and the capped count (docs/search.md).


def search_ids(query):
    return list(matching_projects(query).values_list("pk", flat=True))


def plain_order(ids):
    """The public list's own order (not the search rows' copy of it), for comparison."""
    return list(selectors.public_projects().filter(pk__in=ids).values_list("pk", flat=True))


@pytest.mark.usefixtures("guards_off")
@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    department_names=st.lists(
        st.text(alphabet="澄江组织部Aa b1", min_size=1, max_size=4),
        min_size=3,
        max_size=3,
        unique=True,
    ),
    rows=st.lists(
        st.tuples(
            st.integers(0, 2),  # department
            st.sampled_from([2022, 2023, 2024]),
            st.booleans(),  # contains the term
            st.sampled_from([Status.PUBLISHED, Status.PUBLISHED, Status.DRAFT]),
        ),
        min_size=1,
        max_size=12,
    ),
    # Which path finds a page past the cap: one drawn per example, every one over the run.
    term=st.sampled_from(["慰问", "春节慰问"]),
    walk=st.sampled_from([0, 2, 2_000]),
    candidates=st.sampled_from([1, 20_000]),
)
def test_results_come_in_the_public_order_and_drafts_never(
    department_names, rows, term, walk, candidates
):
    with transaction.atomic():
        departments = [DepartmentFactory(name=name) for name in department_names]
        disclosures = {}
        matching = []
        for n, (department, year, contains, status) in enumerate(rows):
            key = (department, year)
            if key not in disclosures:
                disclosures[key] = DisclosureFactory(
                    department=departments[department], fiscal_year=year
                )
            project = indexed(
                f"项目{n}",
                content="春节慰问金。" if contains else "培训。",
                status=status,
                disclosure=disclosures[key],
                sequence=n + 1,
            )
            if contains:
                matching.append(project.pk)
        expected = plain_order(matching)
        assert search_ids("慰问") == expected
        dense = matching_projects("慰问", dense=True)
        assert list(dense.values_list("pk", flat=True)) == expected
        # Under the cap the pages are read by id, past it in display order: the same list.
        # Past the cap a page is found by the walk (WALK rows at most), else from the sorted
        # candidates, else (more than CANDIDATES of them) by the walk over every row: for a
        # key the grams decide and for one LIKE confirms, the same list each way.
        with mock.patch.multiple(search, WALK=walk, CANDIDATES=candidates):
            for cap in (1, 3, 100):
                count, results = search_results(term, cap)
                more = len(expected) > cap
                assert (count.count, count.more) == (min(len(expected), cap), more)
                assert [p.pk for p in results[0 : len(expected)]] == expected
                assert [p.pk for p in results[2:5]] == expected[2:5]
        assert count_matches(matching_projects("慰问")) == MatchCount(len(expected), False)
        transaction.set_rollback(True)


@pytest.mark.usefixtures("guards_off")
@pytest.mark.parametrize(
    "found,cap,expected",
    [(0, 2, (0, False)), (2, 2, (2, False)), (3, 2, (2, True)), (5, 1, (1, True))],
)
def test_the_count_stops_at_the_cap(found, cap, expected):
    disclosure = DisclosureFactory()
    for n in range(found):
        indexed(f"慰问项目{n}", disclosure=disclosure, sequence=n + 1)
    indexed("慰问草稿", status=Status.DRAFT, disclosure=disclosure, sequence=99)
    count = count_matches(matching_projects("慰问"), cap=cap)
    assert (count.count, count.more) == expected


def test_a_capped_count_reads_more_than_and_the_pages_stop_at_the_cap(client, seed, monkeypatch):
    # 经费 is in both seed projects; a cap of one, one project a page.
    monkeypatch.setattr(search.CappedPaginator, "cap", 1)
    monkeypatch.setattr(SearchView, "paginate_by", 1)
    response = client.get(reverse("projects:search"), {"q": "经费"})
    text = page_text(response)
    assert "找到 超过 1 个已公开项目包含“经费”" in text
    assert "列出其中前 1 个" in text
    assert "第 1 / 1 页" not in text  # one page, so no pager at all
    assert client.get(reverse("projects:search"), {"q": "经费", "page": 2}).status_code == 404
    monkeypatch.setattr(search.CappedPaginator, "cap", 2)
    response = client.get(reverse("projects:search"), {"q": "经费", "page": 2})
    assert "找到 2 个已公开项目" in page_text(response)
    assert "列出其中前" not in page_text(response)


def test_match_counts_read_in_chinese_with_thousands_separated():
    assert str(MatchCount(12, False)) == "12"
    assert str(MatchCount(10_000, True)) == "超过 10,000"


def test_renaming_a_department_in_the_admin_reorders_search(admin_client, guards_off):
    first = indexed(
        "甲项目",
        content="慰问",
        disclosure=DisclosureFactory(department=DepartmentFactory(name="A单位")),
    )
    second = indexed(
        "乙项目",
        content="慰问",
        disclosure=DisclosureFactory(department=DepartmentFactory(name="B单位")),
    )
    assert search_ids("慰问") == [first.pk, second.pk]
    department = first.disclosure.department
    response = admin_client.post(
        reverse("admin:projects_department_change", args=[department.pk]),
        {
            "name": "C单位",
            "short_name": "",
            "slug": department.slug,
            "region": department.region_id,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert search_ids("慰问") == [second.pk, first.pk] == plain_order([first.pk, second.pk])


def test_moving_a_disclosure_to_another_year_in_the_admin_reorders_search(admin_client, guards_off):
    older = indexed("旧项目", content="慰问", disclosure=DisclosureFactory(fiscal_year=2023))
    newer = indexed("新项目", content="慰问", disclosure=DisclosureFactory(fiscal_year=2024))
    assert search_ids("慰问") == [newer.pk, older.pk]
    disclosure = older.disclosure
    form = {
        "department": disclosure.department_id,
        "fiscal_year": "2025",
        "title": disclosure.title,
    }
    form |= {
        "projects-TOTAL_FORMS": "1",
        "projects-INITIAL_FORMS": "1",
        "projects-0-id": older.pk,
        "projects-0-disclosure": disclosure.pk,
    }
    response = admin_client.post(
        reverse("admin:projects_disclosure_change", args=[disclosure.pk]), form
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert search_ids("慰问") == [older.pk, newer.pk] == plain_order([older.pk, newer.pk])


def test_the_display_order_migration_writes_what_services_write(seed):
    from django.apps import apps

    migration = importlib.import_module("projects.migrations.0011_search_display_order")
    fields = ("project_id", "fiscal_year", "department_name", "sequence")
    stored = sorted(ProjectSearch.objects.values_list(*fields))
    assert stored[0][1:] == (2024, "中共澄江市委组织部", 1)
    ProjectSearch.objects.update(fiscal_year=0, department_name="", sequence=0)
    with connection.cursor() as cursor:
        # The migration rebuilds an index, which PostgreSQL refuses while the test's
        # transaction still holds deferred foreign-key checks.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    with connection.schema_editor() as editor:
        migration.fill(apps, editor)
    assert sorted(ProjectSearch.objects.values_list(*fields)) == stored


@pytest.mark.usefixtures("guards_off")
@pytest.mark.parametrize("walk", [0, search.WALK])
def test_a_common_longer_term_confirms_its_candidates_by_their_text(walk, monkeypatch):
    """Past the cap, a longer key's candidates (every bigram present) are confirmed by LIKE,
    whether the walk finds them or they are sorted first: a text with the bigrams apart is
    not a match."""
    monkeypatch.setattr(search, "WALK", walk)
    disclosure = DisclosureFactory()
    texts = ["春节慰问金。", "春节期间，节慰…慰问。", "春节慰问活动。", "培训。", "春节慰问。"]
    projects = [
        indexed(f"项目{n}", content=text, disclosure=disclosure, sequence=n + 1)
        for n, text in enumerate(texts)
    ]
    indexed("草稿", content="春节慰问。", status=Status.DRAFT, disclosure=disclosure, sequence=9)
    count, results = search_results("春节慰问", cap=1)
    assert count.more
    assert [p.pk for p in results[0:10]] == [projects[n].pk for n in (0, 2, 4)]
    assert [p.pk for p in results[1:2]] == [projects[2].pk]
    # The page's rows come with what the snippets read.
    page = results[0:3]
    assert all(search.hits(p, "春节慰问") for p in page)


@pytest.mark.usefixtures("guards_off")
def test_drafts_first_in_the_order_do_not_send_a_page_to_the_slow_walk(monkeypatch):
    """Next year's drafts come first in the display order and match too: the short walk
    finds only them, and the page comes from the sorted candidates, not the walk over every
    row (which would give the same page, slowly)."""
    monkeypatch.setattr(search, "WALK", 6)  # the walk sees the six drafts and nothing else
    drafts = DisclosureFactory(fiscal_year=2025)
    live = DisclosureFactory(fiscal_year=2024)
    for n in range(6):
        indexed(
            f"草稿{n}", content="慰问。", status=Status.DRAFT, disclosure=drafts, sequence=n + 1
        )
    published = [
        indexed(f"项目{n}", content="慰问。", disclosure=live, sequence=n + 1) for n in range(4)
    ]
    count, results = search_results("慰问", cap=1)
    assert count.more

    def walk_everything(*args, **kwargs):
        raise AssertionError("the page fell back to the walk over every row")

    monkeypatch.setattr(search, "matching_projects", walk_everything)
    assert [p.pk for p in results[0:2]] == [p.pk for p in published[:2]]
    assert [p.pk for p in results[2:4]] == [p.pk for p in published[2:4]]
