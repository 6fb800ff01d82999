"""The JSON API: published records only, filters as on the site, pages with a total, ETags,
CORS, a rate limit, and every answer valid against the API's own OpenAPI document."""

from decimal import Decimal

import jsonschema
import pytest
from django.core.cache import cache
from django.urls import reverse

from projects.models import Department, Project, Status
from tests.conftest import force_status

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def openapi(django_db_blocker):
    from opendata.api import api

    return api.get_openapi_schema()


def validate(openapi, path_template: str, body, status: int = 200, method: str = "get"):
    """Check an answer against the response schema the OpenAPI document declares for it."""
    operation = openapi["paths"][path_template][method]
    responses = {str(code): answer for code, answer in operation["responses"].items()}
    schema = responses[str(status)]["content"]["application/json"]["schema"]
    wrapper = {**schema, "components": openapi["components"]}
    jsonschema.validate(
        body,
        wrapper,
        cls=jsonschema.Draft202012Validator,
        format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
    )


def test_openapi_document_is_served_at_a_stable_address(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    document = response.json()
    assert document["openapi"].startswith("3.")
    assert {"/api/v1/projects", "/api/v1/projects/{lineage}", "/api/v1/disclosures"} <= set(
        document["paths"]
    )
    # Every operation is documented in Chinese, every parameter described.
    for methods in document["paths"].values():
        for operation in methods.values():
            assert operation["summary"]
            for parameter in operation.get("parameters", []):
                assert parameter.get("description") or parameter["schema"].get("description")


def test_project_list_matches_the_published_records(client, seed, openapi):
    response = client.get("/api/v1/projects")
    assert response.status_code == 200
    body = response.json()
    validate(openapi, "/api/v1/projects", body)
    projects = Project.objects.published().order_by("sequence")
    assert body["count"] == projects.count() == 2
    assert [r["name"] for r in body["results"]] == [p.name for p in projects]
    first = body["results"][0]
    assert Decimal(first["declared_total_yuan"]) == projects[0].declared_total
    assert Decimal(first["itemised_total_yuan"]) == projects[0].itemised_total
    assert first["links"]["csv"].endswith(f"/projects/{projects[0].lineage}/r1/data.csv")


def test_project_list_filters_like_the_site(client, seed):
    def names(**params):
        return [r["name"] for r in client.get("/api/v1/projects", params).json()["results"]]

    assert names(year=2024) == ["干部教育培训专项资金", "引领乡村振兴工作经费"]
    assert names(year=2023) == []
    assert names(department="chengjiang-zzb", q="意外伤害保险") == ["引领乡村振兴工作经费"]
    declared = {p.name: p.declared_total for p in Project.objects.published()}
    low = min(declared.values()) / 10_000
    assert names(min_wan=str(low + 1)) == [
        n for n, v in declared.items() if v >= (low + 1) * 10_000
    ]
    assert names(max_wan=str(low)) == [n for n, v in declared.items() if v <= low * 10_000]


def test_unknown_filter_value_is_a_clear_400(client, seed):
    response = client.get("/api/v1/projects", {"department": "no-such-unit"})
    assert response.status_code == 400
    assert "筛选条件有误" in response.json()["detail"]


def test_pages_have_a_total_and_stable_links(client, seed, openapi):
    first = client.get("/api/v1/projects", {"page_size": 1}).json()
    assert first["count"] == 2 and first["pages"] == 2 and first["previous"] is None
    second = client.get(first["next"]).json()
    validate(openapi, "/api/v1/projects", second)
    assert second["next"] is None and second["previous"]
    assert first["results"][0]["id"] != second["results"][0]["id"]
    assert client.get("/api/v1/projects", {"page_size": 1000}).status_code == 422
    beyond = client.get("/api/v1/projects", {"page": 10**15}).json()
    assert beyond["count"] == 2 and beyond["results"] == [] and beyond["next"] is None


def test_project_detail_is_the_json_download(client, seed, openapi):
    project = Project.objects.published().get(sequence=1)
    response = client.get(f"/api/v1/projects/{project.lineage}")
    assert response.status_code == 200
    body = response.json()
    validate(openapi, "/api/v1/projects/{lineage}", body)
    assert body["schema"] == "portal.project/1"
    assert body["project"]["name"] == project.name
    download = client.get(
        reverse("opendata:project-data", kwargs={"lineage": project.lineage, "fmt": "json"})
    )
    assert download.json() == body
    revision = client.get(f"/api/v1/projects/{project.lineage}/revisions/1")
    validate(openapi, "/api/v1/projects/{lineage}/revisions/{revision}", revision.json())
    assert revision.json() == body


def test_disclosure_detail_and_list(client, seed, openapi):
    listing = client.get("/api/v1/disclosures", {"year": 2024}).json()
    validate(openapi, "/api/v1/disclosures", listing)
    assert listing["count"] == 1
    summary = listing["results"][0]
    assert summary["project_count"] == 2
    assert Decimal(summary["declared_total_yuan"]) == sum(
        p.declared_total for p in Project.objects.published()
    )
    tree = client.get(summary["api_url"]).json()
    validate(openapi, "/api/v1/disclosures/{department}/{year}", tree)
    assert tree["schema"] == "portal.disclosure-tree/1"
    assert [p["name"] for p in tree["projects"]] == ["干部教育培训专项资金", "引领乡村振兴工作经费"]


def test_departments_and_documents(client, seed, openapi):
    departments = client.get("/api/v1/departments").json()
    validate(openapi, "/api/v1/departments", departments)
    assert [(d["slug"], d["years"]) for d in departments["results"]] == [("chengjiang-zzb", [2024])]
    documents = client.get("/api/v1/documents", {"q": "澄办发"}).json()
    validate(openapi, "/api/v1/documents", documents)
    assert documents["count"] >= 1
    detail = client.get(documents["results"][0]["api_url"]).json()
    validate(openapi, "/api/v1/documents/{pk}", detail)
    assert detail["citations"] and all(c["cited_text"] for c in detail["citations"])


def test_missing_records_answer_404_in_chinese(client, seed, openapi):
    response = client.get("/api/v1/projects/00000000-0000-0000-0000-000000000000")
    assert response.status_code == 404
    validate(openapi, "/api/v1/projects/{lineage}", response.json(), status=404)
    assert client.get("/api/v1/disclosures/chengjiang-zzb/1999").status_code == 404


@pytest.mark.parametrize("status", [Status.DRAFT, Status.SUBMITTED, Status.WITHDRAWN])
def test_hidden_project_is_in_no_answer(client, seed, status):
    hidden = Project.objects.get(sequence=2)
    force_status(Project.objects.filter(pk=hidden.pk), status)
    assert client.get(f"/api/v1/projects/{hidden.lineage}").status_code == 404
    assert client.get(f"/api/v1/projects/{hidden.lineage}/revisions/1").status_code == 404
    listing = client.get("/api/v1/projects").json()
    assert listing["count"] == 1
    assert hidden.name not in client.get("/api/v1/disclosures/chengjiang-zzb/2024").content.decode()


def test_etag_and_conditional_requests(client, seed):
    first = client.get("/api/v1/projects")
    etag = first["ETag"]
    assert etag
    again = client.get("/api/v1/projects", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    other = client.get("/api/v1/projects", {"year": 2024}, HTTP_IF_NONE_MATCH='"stale"')
    assert other.status_code == 200


def test_cors_is_open_for_get(client, seed):
    response = client.get("/api/v1/projects", HTTP_ORIGIN="https://newsroom.example")
    assert response["Access-Control-Allow-Origin"] == "*"
    preflight = client.options(
        "/api/v1/projects",
        HTTP_ORIGIN="https://newsroom.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    assert "POST" not in preflight["Access-Control-Allow-Methods"]
    # Staff pages are not opened to other sites.
    page = client.get("/admin/login/", HTTP_ORIGIN="https://newsroom.example")
    assert "Access-Control-Allow-Origin" not in page


@pytest.mark.parametrize("stored", [True, False])
def test_rate_limit_answers_429_with_retry_after(
    client, seed, settings, openapi, steady_clock, stored
):
    # Counted once per request, whether StoredPageMiddleware or the operation counts it.
    settings.PUBLIC_PAGE_CACHE = stored
    settings.OPENDATA_API_RATE = "3/min"
    cache.clear()
    try:
        statuses = [client.get("/api/v1/departments").status_code for _ in range(4)]
        assert statuses == [200, 200, 200, 429]
        response = client.get("/api/v1/departments")
        assert response.status_code == 429
        body = response.json()
        validate(openapi, "/api/v1/departments", body, status=429)
        assert 1 <= int(response["Retry-After"]) == body["retry_after"] <= 60
        assert "请求过于频繁：每个客户端每分钟最多 3 次" in body["detail"]
        # A forged X-Forwarded-For does not make a new client.
        forged = client.get("/api/v1/departments", HTTP_X_FORWARDED_FOR="203.0.113.7")
        assert forged.status_code == 429
        # Another client is not held back.
        assert client.get("/api/v1/departments", REMOTE_ADDR="10.0.0.9").status_code == 200
        # The window ends when Retry-After said: the client is let through again.
        steady_clock.value += int(response["Retry-After"])
        assert client.get("/api/v1/departments").status_code == 200
    finally:
        cache.clear()


def test_behind_a_proxy_the_client_is_the_address_it_names(client, seed, settings, steady_clock):
    settings.NINJA_NUM_PROXIES = 1
    settings.OPENDATA_API_RATE = "1/min"
    cache.clear()

    def status(forwarded: str) -> int:
        return client.get("/api/v1/departments", HTTP_X_FORWARDED_FOR=forwarded).status_code

    try:
        assert status("198.51.100.1") == 200
        # What the client put in front of the proxy's address changes nothing.
        assert status("203.0.113.9, 198.51.100.1") == 429
        assert status("198.51.100.2") == 200
        # IPv6 clients are counted by their /64, which one subscriber usually holds whole.
        assert status("2001:db8:1:2::1") == 200
        assert status("2001:db8:1:2::ffff") == 429
        # An IPv4 client written as IPv6 by a dual stack is that IPv4 client, not the /64 "::".
        assert status("::ffff:198.51.100.2") == 429
        assert status("::ffff:198.51.100.3") == 200
    finally:
        cache.clear()


def test_list_query_budget(client, seed, django_assert_max_num_queries):
    # A page of the list: the count, the page with its departments, nothing per row.
    with django_assert_max_num_queries(4):
        assert client.get("/api/v1/projects", {"year": 2024}).status_code == 200
    with django_assert_max_num_queries(4):
        assert client.get("/api/v1/disclosures").status_code == 200


def test_head_answers_like_get_without_the_body(client, seed):
    got = client.get("/api/v1/projects")
    head = client.head("/api/v1/projects")
    assert head.status_code == 200
    assert head.content == b""
    assert head["Content-Length"] == str(len(got.content))
    assert head["ETag"] == got["ETag"]
    assert head["Content-Type"] == got["Content-Type"]
    assert client.head("/api/v1/projects/00000000-0000-0000-0000-000000000000").status_code == 404
    assert client.post("/api/v1/projects").status_code == 405


def test_answers_are_stored_per_version_and_the_limit_still_counts(
    client, seed, settings, django_assert_num_queries, steady_clock
):
    import gzip

    from projects import public_version

    first = client.get("/api/v1/projects", {"year": 2024})
    with django_assert_num_queries(0):  # stored: no query, the version remembered
        again = client.get("/api/v1/projects", {"year": 2024})
    assert again.content == first.content and again["ETag"] == first["ETag"]
    # Compressed for a client that accepts it: the same JSON, under a weak ETag.
    packed = client.get("/api/v1/projects", {"year": 2024}, HTTP_ACCEPT_ENCODING="gzip")
    assert packed["Content-Encoding"] == "gzip"
    assert gzip.decompress(packed.content) == first.content
    assert packed["ETag"] == "W/" + first["ETag"]
    assert "Accept-Encoding" in packed["Vary"]
    not_modified = client.get("/api/v1/projects", {"year": 2024}, HTTP_IF_NONE_MATCH=packed["ETag"])
    assert not_modified.status_code == 304
    # A renamed department is a new version: the answer is made again.
    department = Department.objects.get(slug="chengjiang-zzb")
    department.name = "澄江市委组织部（更名）"
    department.save()
    public_version.forget()
    assert "澄江市委组织部（更名）" in str(client.get("/api/v1/projects", {"year": 2024}).json())
    # The rate limit is counted before a stored answer is looked up.
    steady_clock.value = 1_800_000_000.0
    settings.OPENDATA_API_RATE = "2/min"
    cache.clear()
    statuses = [client.get("/api/v1/projects", {"year": 2024}).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    cache.clear()


def test_a_page_read_by_its_keys_first_is_the_page_read_whole(seed):
    """``selectors.ProjectPages`` (the API's project list) gives what slicing gives, in order,
    whether its keys come from the live rows' index alone or from the queryset."""
    from projects import selectors

    ordered = selectors.public_projects()
    count = ordered.count()
    assert count >= 2
    for start, stop in [(0, 1), (1, 2), (count - 1, count + 5), (0, count), (count, count + 3)]:
        expected = list(ordered[start:stop])
        for pages in (
            selectors.ProjectPages(ordered),
            selectors.ProjectPages(ordered, on_index={}),
        ):
            assert pages[start:stop] == expected
            assert [p.disclosure.department.name for p in expected] == [
                p.disclosure.department.name for p in pages[start:stop]
            ]


@pytest.mark.parametrize(
    ("rate", "words"),
    [
        ("3/min", "每分钟最多 3 次"),
        ("7/ Min", "每分钟最多 7 次"),
        ("5/hour", "每小时最多 5 次"),
        ("1/s", "每秒最多 1 次"),
        ("100/day", "每天最多 100 次"),
    ],
)
def test_the_429_says_the_rate_as_the_limiter_reads_it(
    client, seed, settings, steady_clock, rate, words
):
    settings.OPENDATA_API_RATE = rate
    number = int(rate.split("/")[0])
    for _ in range(number):
        assert client.get("/api/v1/departments").status_code == 200
    refused = client.get("/api/v1/departments")
    assert refused.status_code == 429
    assert words in refused.json()["detail"]


def test_an_unreadable_rate_fails_the_system_check(settings):
    from django.core.checks import run_checks

    settings.OPENDATA_API_RATE = "120/fortnight"
    assert "opendata.E001" in [error.id for error in run_checks()]
    settings.OPENDATA_API_RATE = "120/min"
    assert "opendata.E001" not in [error.id for error in run_checks()]
