"""Public pages and downloads cached per published version, with conditional GET
(infra/pagecache.py, projects/public_version.py): a stored copy answers without touching the
database, and nothing published is ever answered from a stale copy."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import InterfaceError, OperationalError, transaction
from django.urls import reverse

from projects import public_version, workflow
from projects.models import Department, LineItem, Project

from .test_workflow import publish_draft

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(seed):
    return Project.objects.published().get(sequence=1).get_absolute_url()


def test_second_request_is_served_without_a_query(
    client, page, django_assert_num_queries, settings
):
    # The version is read again once its few seconds are up: on a loaded machine the first
    # page may take longer than that, which is no part of what is tested here.
    settings.PUBLIC_VERSION_TTL = settings.PUBLIC_VERSION_LOCAL_TTL = 3600
    first = client.get(page)
    assert first.status_code == 200
    with django_assert_num_queries(0):
        second = client.get(page)
    assert second.status_code == 200
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]
    assert second["Content-Type"] == first["Content-Type"]


@pytest.mark.parametrize("accept", ["gzip", ""])
def test_a_stored_copy_says_its_own_length(client, page, accept):
    # Stored above CommonMiddleware, which had set the length of the page as first sent.
    headers = {"accept-encoding": accept}
    first = client.get(page, headers=headers)
    hit = client.get(page, headers=headers)
    assert int(first["Content-Length"]) == len(first.content)
    assert int(hit["Content-Length"]) == len(hit.content)
    assert (hit.get("Content-Encoding") == "gzip") == bool(accept)


def test_stored_copy_still_gets_the_security_headers(client, page):
    client.get(page)
    hit = client.get(page)
    assert "script-src" in hit["Content-Security-Policy"]  # added on the way out, above it
    assert hit["X-Content-Type-Options"] == "nosniff"
    assert hit["X-Frame-Options"] == "DENY"  # stored with it, from the layers below
    assert "Cookie" in hit["Vary"]


class Below:
    """A middleware at the bottom of the stack that counts the requests reaching it."""

    seen: list[str] = []

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        Below.seen.append(request.path)
        return self.get_response(request)


@pytest.fixture
def below(settings):
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, f"{__name__}.Below"]
    Below.seen = []
    return Below.seen


def test_a_stored_page_is_answered_above_the_layers_below(
    client, page, below, settings, steady_clock
):
    first = client.get(page)
    hit = client.get(page, headers={"if-none-match": 'W/"other"'})
    by_etag = client.get(page, headers={"if-none-match": first["ETag"]})
    assert below == [page]  # only the first request went down to the view
    assert hit.status_code == 200 and hit.content == first.content
    assert by_etag.status_code == 304 and by_etag["ETag"] == first["ETag"]
    # Downloads and the API too; the API's rate is still counted for each request.
    url = page + "data.csv"
    client.get(url)
    assert client.get(url).content == client.get(url).content
    assert below.count(url) == 1
    settings.OPENDATA_API_RATE = "3/min"
    api = "/api/v1/departments"
    statuses = [client.get(api).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    assert below.count(api) == 1


@pytest.mark.parametrize("error", [OperationalError, InterfaceError])
def test_pages_go_down_as_usual_when_the_version_cannot_be_read(client, page, monkeypatch, error):
    def lost(scope=None):
        raise error("server closed the connection")

    monkeypatch.setattr(public_version, "current", lost)
    response = client.get(page)
    assert response.status_code == 503  # DatabaseUnavailableMiddleware, below, answers
    assert "服务暂时不可用" in response.content.decode()


def test_a_page_the_middleware_could_not_version_is_not_stored_below_it(
    client, page, monkeypatch, below
):
    # The version cannot be read once, above; below, the view reads it and answers. That
    # answer lacks the headers of the layers between, so it is not stored at all.
    real, calls = public_version.current, []

    def once_lost(scope=None):
        calls.append(1)
        if len(calls) == 1:
            raise OperationalError("conflict with recovery")
        return real(scope)

    monkeypatch.setattr(public_version, "current", once_lost)
    assert client.get(page).status_code == 200
    monkeypatch.setattr(public_version, "current", real)
    hit = client.get(page)
    assert hit["X-Frame-Options"] == "DENY"
    assert below == [page, page]  # the second request was not answered from a copy
    client.get(page)
    assert below == [page, page]  # the third was


def test_only_public_pages_are_looked_up(client, seed, below):
    # Not a public page (a 404, the admin's login): nothing is looked up or stored for it.
    for url in ("/no-such-page/", reverse("admin:login")):
        client.get(url)
        client.get(url)
        assert below.count(url) == 2
    assert not [key for key in cache._cache if ":page:" in key]


def test_if_none_match_and_if_modified_since_give_304(client, page):
    first = client.get(page)
    assert first["ETag"].startswith('W/"')
    assert "no-cache" in first["Cache-Control"]
    by_etag = client.get(page, headers={"if-none-match": first["ETag"]})
    assert by_etag.status_code == 304
    assert by_etag.content == b""
    by_date = client.get(page, headers={"if-modified-since": first["Last-Modified"]})
    assert by_date.status_code == 304
    other = client.get(page, headers={"if-none-match": 'W/"something-else"'})
    assert other.status_code == 200


def test_304_needs_no_query_once_the_version_is_known(client, page, django_assert_num_queries):
    etag = client.get(page)["ETag"]
    with django_assert_num_queries(0):
        assert client.get(page, headers={"if-none-match": etag}).status_code == 304


def test_reading_modes_are_kept_apart(client, page):
    standard = client.get(page)
    client.cookies["reading_mode"] = "large"
    large = client.get(page)
    assert large["ETag"] != standard["ETag"]
    assert large.content != standard.content
    # The ETag a browser kept from the standard page does not answer for the large one.
    assert client.get(page, headers={"if-none-match": standard["ETag"]}).status_code == 200
    client.cookies["reading_mode"] = "nonsense"  # unknown modes are the standard page
    assert client.get(page)["ETag"] == standard["ETag"]


def test_a_correction_is_seen_at_once(client, draft, users):
    published = publish_draft(draft, users)
    url = published.get_absolute_url()
    before = client.get(url)
    correction = workflow.create_correction(published, users["clerk"])
    correction.name = "更正后的项目名称"
    correction.save()
    publish_draft(correction, users, correction_note="项目名称有误。")
    after = client.get(url)
    assert after["ETag"] != before["ETag"]
    assert "更正后的项目名称" in after.content.decode()
    assert client.get(url, headers={"if-none-match": before["ETag"]}).status_code == 200


def test_a_withdrawal_is_seen_at_once(client, draft, users):
    published = publish_draft(draft, users)
    url = published.get_absolute_url()
    assert client.get(url).status_code == 200
    assert published.name in client.get(reverse("projects:home")).content.decode()
    workflow.withdraw(published, users["reviewer"], "数据有误，重新核实。")
    assert client.get(url).status_code == 404
    assert published.name not in client.get(reverse("projects:home")).content.decode()


def test_a_renamed_department_is_seen_at_once(client, page):
    assert "中共澄江市委组织部" in client.get(page).content.decode()
    department = Department.objects.get()
    department.name = "中共澄江市委组织部（新）"
    department.save()
    assert "中共澄江市委组织部（新）" in client.get(page).content.decode()


def test_a_stored_pdf_changes_the_version(seed):
    """Storing a PDF (publications.services) says so: the pages show its size and checksum."""
    from publications import services

    before = public_version.current()
    project = Project.objects.published().first()
    services.project_rendition(project)
    assert public_version.current().token != before.token


def test_draft_edits_leave_the_cache_alone(draft, seed):
    before = public_version.current()
    line = LineItem.objects.filter(sub_item__project=draft).first()
    line.name = "改过的明细"
    line.save()
    draft.name = "改过的草稿"
    draft.save()
    assert public_version.current() == before


def test_a_rolled_back_bump_leaves_the_committed_version(seed):
    before = public_version.current()
    with pytest.raises(RuntimeError), transaction.atomic():
        public_version.bump()
        raise RuntimeError
    assert public_version.current() == before


def test_the_new_version_is_cached_when_the_transaction_commits(
    seed, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        version = public_version.bump()
    assert cache.get(public_version.CACHE_PREFIX + public_version.ALL) == version


def test_downloads_are_cached_with_their_headers(client, page, django_assert_num_queries):
    url = page + "data.csv"
    first = client.get(url)
    assert first.status_code == 200
    with django_assert_num_queries(0):
        second = client.get(url)
    assert second.content == first.content
    assert second["Content-Disposition"] == first["Content-Disposition"]
    assert "Cookie" not in second.get("Vary", "")


def test_streamed_downloads_are_conditional_not_stored(client, seed):
    url = reverse("projects:projects-csv")
    first = client.get(url)
    assert first.streaming
    assert client.get(url, headers={"if-none-match": first["ETag"]}).status_code == 304
    assert client.get(url).streaming  # run again, not served from a stored copy


def test_error_pages_are_not_stored(client, seed):
    url = reverse("projects:project", args=["00000000-0000-0000-0000-000000000000"])
    assert client.get(url).status_code == 404
    assert "ETag" not in client.get(url)
    assert not [key for key in cache._cache if ":page:" in key]


def test_without_the_page_cache_each_request_runs_the_view(client, page, settings):
    settings.PUBLIC_PAGE_CACHE = False
    first = client.get(page)
    second = client.get(page)
    assert second.content == first.content
    assert client.get(page, headers={"if-none-match": first["ETag"]}).status_code == 304
    assert not [key for key in cache._cache if ":page:" in key]


@pytest.mark.parametrize(
    ("accept", "compressed"),
    [
        ("gzip, deflate, br", True),
        ("br;q=1.0, gzip;q=0.8", True),
        ("*", True),
        ("", False),
        ("br", False),
        ("gzip;q=0", False),
        ("gzip; q=0.0", False),
    ],
)
def test_stored_copies_are_sent_compressed_to_those_who_accept_it(client, page, accept, compressed):
    import gzip

    plain = client.get(page)
    again = client.get(page, headers={"accept-encoding": accept})
    assert "Accept-Encoding" in again["Vary"]
    if compressed:
        assert again["Content-Encoding"] == "gzip"
        assert gzip.decompress(again.content) == plain.content
        assert len(again.content) < len(plain.content) / 3
    else:
        assert not again.has_header("Content-Encoding")
        assert again.content == plain.content


def test_a_new_release_does_not_serve_pages_of_the_old_one(client, page, settings):
    from infra import release

    settings.RELEASE = "2026.11.1"
    release.release.cache_clear()
    old = client.get(page)
    settings.RELEASE = "2026.11.2"
    release.release.cache_clear()
    try:
        new = client.get(page)
        assert new["ETag"] != old["ETag"]
        assert client.get(page, headers={"if-none-match": old["ETag"]}).status_code == 200
    finally:
        release.release.cache_clear()


def test_the_release_digest_changes_with_the_templates(settings, tmp_path):
    from infra import release

    settings.RELEASE = ""
    settings.BASE_DIR = tmp_path
    (tmp_path / "templates").mkdir()
    page = tmp_path / "templates" / "page.html"
    page.write_text("<p>一</p>", encoding="utf-8")
    release.release.cache_clear()
    try:
        first = release.release()
        page.write_text("<p>一二</p>", encoding="utf-8")
        release.release.cache_clear()
        assert release.release() != first
    finally:
        release.release.cache_clear()


def test_after_a_change_every_page_shows_a_page_is_made_again_from_its_document(
    client, page, django_assert_max_num_queries
):
    first = client.get(page)
    public_version.bump(public_version.SITE)  # say, a region renamed: every page is stale
    # The site's and the project's versions, then the page's queries (its revisions with
    # their disclosure, its page document, projects/pagedoc.py, and its PDF's record): not
    # the tree (8 more).
    with django_assert_max_num_queries(5):
        second = client.get(page)
    assert second.content == first.content


def test_a_body_follows_the_disclosure_title(client, page, settings):
    settings.PUBLIC_PAGE_CACHE = False
    client.get(page)
    project = Project.objects.published().get(sequence=1)
    disclosure = project.disclosure
    disclosure.title = "更名后的公开文本标题"
    disclosure.save()
    assert client.get(page).content.decode().count("更名后的公开文本标题") >= 2  # title, body


def test_with_redis_down_pages_and_the_api_are_served_from_the_database(
    client, seed, redis_down, caplog
):
    project = Project.objects.published().get(sequence=1)
    page = client.get(project.get_absolute_url())
    assert page.status_code == 200
    assert project.name in page.content.decode()
    assert client.get(reverse("projects:projects")).status_code == 200
    answer = client.get("/api/v1/projects")
    assert answer.status_code == 200  # not counted, let through
    assert answer.json()["count"] == Project.objects.published().count()
    assert "redis unavailable" in caplog.text


def test_with_redis_down_a_withdrawal_is_seen_at_once(client, draft, users, redis_down):
    published = publish_draft(draft, users)  # the version's bump could not reach Redis
    url = published.get_absolute_url()
    assert client.get(url).status_code == 200
    workflow.withdraw(published, users["reviewer"], "数据有误，重新核实。")
    assert client.get(url).status_code == 404
