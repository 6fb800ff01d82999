"""A revision's page document (projects/pagedoc.py): stored with a published revision, read by
its page in one query, built again when other code wrote it, never stored for a draft."""

from __future__ import annotations

import json
import re

import pytest
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from projects import pagedoc, selectors
from projects.models import PageDocument, Project, Status

from .factories import DisclosureFactory, ProjectFactory
from .test_workflow import publish_draft

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def views_not_stored(settings):
    settings.PUBLIC_PAGE_CACHE = False  # every view below is answered by the view itself


def body_of(html: str) -> str:
    return re.search(r'<article class="project".*?</article>', html, re.S).group(0)


def test_the_first_view_stores_the_document_and_the_next_reads_it_in_one_query(client, seed):
    project = Project.objects.published().get(sequence=1)
    assert not PageDocument.objects.filter(project=project).exists()  # loaded, not published
    first = client.get(project.get_absolute_url())
    stored = PageDocument.objects.get(project=project)
    assert stored.version == pagedoc.version()
    assert stored.data["name"] == project.name
    with CaptureQueriesContext(connection) as queries:
        second = client.get(project.get_absolute_url())
    # The version of what is published (projects/public_version.py), the revisions, the
    # stored document and the PDF's record: not the tree.
    assert len(queries) <= 4
    assert [q["sql"] for q in queries if "projects_pagedocument" in q["sql"]]
    assert not [q["sql"] for q in queries if "projects_lineitem" in q["sql"]]
    assert second.content == first.content


def test_publishing_stores_the_document(draft, users):
    published = publish_draft(draft, users)
    stored = PageDocument.objects.get(project=published)
    assert stored.version == pagedoc.version()
    assert stored.data["revision"] == published.revision
    assert stored.data["published"]  # the publication date, as the page writes it


def test_a_document_written_by_other_code_is_built_again(client, seed):
    project = Project.objects.published().get(sequence=1)
    first = client.get(project.get_absolute_url()).content
    PageDocument.objects.filter(project=project).update(
        version="older", data={"name": "旧代码写的文档"}
    )
    again = client.get(project.get_absolute_url()).content
    assert again == first
    assert "旧代码写的文档" not in again.decode()
    assert PageDocument.objects.get(project=project).version == pagedoc.version()


def test_the_version_is_a_digest_of_every_source(settings, tmp_path):
    """Derived from the tree: any module of the packages, listed or new, and any template."""
    for package in pagedoc.SOURCE_PACKAGES:
        (tmp_path / package / "sub").mkdir(parents=True)
        (tmp_path / package / "sub" / "module.py").write_text("x = 1\n", encoding="utf-8")
    (tmp_path / "templates" / "projects").mkdir(parents=True)
    template = tmp_path / "templates" / "projects" / "body.html"
    template.write_text("{{ x }}", encoding="utf-8")
    settings.BASE_DIR = tmp_path
    pagedoc.version.cache_clear()
    try:
        seen = {pagedoc.version()}
        for changed in (
            tmp_path / "projects" / "sub" / "module.py",
            tmp_path / "budget" / "new_formatter.py",  # a module nobody listed
            template,
        ):
            changed.write_text("y = 2\n", encoding="utf-8")
            pagedoc.version.cache_clear()
            seen.add(pagedoc.version())
        assert len(seen) == 4
        # A migration does not shape documents.
        (tmp_path / "projects" / "migrations").mkdir()
        (tmp_path / "projects" / "migrations" / "0001.py").write_text("z = 1\n", encoding="utf-8")
        pagedoc.version.cache_clear()
        assert pagedoc.version() in seen
    finally:
        pagedoc.version.cache_clear()


def test_a_drafts_document_is_never_stored(client, admin_client, draft):
    preview = admin_client.get(reverse("admin:projects_project_preview", args=[draft.pk]))
    assert preview.status_code == 200
    assert draft.name in preview.content.decode()
    assert not PageDocument.objects.exists()


def test_every_text_of_a_document_is_escaped(client, guards_off):
    project = ProjectFactory(
        status=Status.PUBLISHED,
        name="<script>alert(1)</script>项目",
        outcomes='成效<img src=x onerror="alert(2)">\n\n第二段',
    )
    html = client.get(project.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;项目" in html
    assert "<img" not in html
    assert "<p>成效&lt;img src=x onerror=&quot;alert(2)&quot;&gt;</p>" in html
    assert "<p>第二段</p>" in html


def test_the_document_is_plain_json(seed):
    for project in selectors.with_tree(Project.objects.published()):
        document = pagedoc.build(project)
        assert json.loads(json.dumps(document)) == document


def test_a_disclosures_bodies_are_its_projects_bodies(client, seed):
    project = Project.objects.published().get(sequence=2)
    alone = body_of(client.get(project.get_absolute_url()).content.decode())
    together = client.get(project.disclosure.get_absolute_url()).content.decode()
    # The same document drawn twice; in the disclosure its ids carry the project's prefix.
    assert re.sub(r'(id|aria-labelledby)="p2-', r'\1="', together).count(alone) == 1


# A project's history: the statuses of its revisions 1, 2, …, as the database allows them
# (one live revision, one open one at most).
STATUSES = [Status.DRAFT, Status.SUBMITTED, Status.PUBLISHED, Status.SUPERSEDED, Status.WITHDRAWN]
HISTORIES = st.lists(st.sampled_from(STATUSES), min_size=1, max_size=4).filter(
    lambda h: (
        h.count(Status.PUBLISHED) <= 1 and h.count(Status.DRAFT) + h.count(Status.SUBMITTED) <= 1
    )
)


@settings(
    max_examples=40,
    deadline=None,
    # Each example makes a project of its own in the one test transaction.
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(history=HISTORIES)
def test_the_pages_one_query_shows_what_published_shows(guards_off, history):
    """For any history of statuses, the page's read (SQL of its own) answers what the ORM's
    ``published(include_superseded=True)`` answers: the same revisions, or 404."""
    disclosure = DisclosureFactory()
    first = ProjectFactory(disclosure=disclosure, status=history[0])
    for revision, status in enumerate(history[1:], start=2):
        ProjectFactory(
            disclosure=disclosure,
            lineage=first.lineage,
            revision=revision,
            sequence=first.sequence,
            status=status,
        )
    public = list(
        Project.objects.published(include_superseded=True)
        .filter(lineage=first.lineage)
        .order_by("revision")
    )
    live = [p for p in public if p.status == Status.PUBLISHED]
    for revision in [None, *range(1, len(history) + 1)]:
        shown = live if revision is None else [p for p in public if p.revision == revision]
        try:
            page = selectors.project_page(first.lineage, revision)
        except Http404:
            assert not shown, (history, revision)
            continue
        assert [page.project.pk] == [p.pk for p in shown], (history, revision)
        assert [p.pk for p in page.revisions] == [p.pk for p in public]
        assert page.project.disclosure.department.name == disclosure.department.name


def test_a_sub_item_without_content_is_written_out_by_its_name(client, guards_off):
    from tests.projects.factories import SubItemFactory

    project = ProjectFactory(status=Status.PUBLISHED, name="张家川县中西部城乡供水水源保障工程")
    SubItemFactory(project=project, sequence=1, name="供水水源保障工程", content="")
    SubItemFactory(project=project, sequence=2, name="管网延伸", content="新建管网12公里。")
    html = client.get(project.get_absolute_url()).content.decode()
    assert "<p>1.供水水源保障工程</p>" in html  # not a bare "1."
    assert "<p>2.新建管网12公里。</p>" in html
