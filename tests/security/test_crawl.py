"""A crawl with DEBUG off over every public address pattern, with malformed, huge and negative
values in each place a value goes, and hostile query strings on the lists: nothing answers
500. Numbers the database cannot hold answer 404 like any address that names nothing."""

from __future__ import annotations

import re
import uuid
from itertools import product

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from projects.models import Project

pytestmark = pytest.mark.django_db

# Values for each kind of place in an address: well-formed, then malformed, huge and negative.
HOSTILE = {
    "num": ["1", "0", "2147483647", "2147483648", "99999999999999999999", "-1", "1e9", "abc"],
    "int": ["1", "0", "99999999999999999999", "-1"],
    "uuid": ["00000000-0000-0000-0000-000000000000", "not-a-uuid", "9" * 40],
    "slug": ["chengjiang-zzb", "nobody", "a" * 300, "..", "-"],
    "path": ["x", "../../etc/passwd", "%00"],
    "str": ["x", "%E2%80%AE", "a" * 300],
    "fmt": ["json", "csv", "xlsx", "exe"],
}
CONVERTER = re.compile(r"<(?:(?P<kind>[^>:]+):)?(?P<name>[^>]+)>")
# The API's routes name their values without a converter: the kind by the name.
KIND_OF = {
    "revision": "num",
    "year": "num",
    "pk": "num",
    "old": "num",
    "new": "num",
    "lineage": "uuid",
    "department": "slug",
}


def public_routes(patterns=None, prefix=""):
    """Every route of the site outside the admin, as written (``projects/<uuid:lineage>/``)."""
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        route = str(entry.pattern)
        if isinstance(entry, URLResolver):
            if route.startswith("admin/") or route.startswith("^"):
                continue
            yield from public_routes(entry.url_patterns, prefix + route)
        elif isinstance(entry, URLPattern) and not route.startswith("^"):
            yield prefix + route


def fillings(route: str, real: dict[str, list[str]]):
    places = list(CONVERTER.finditer(route))
    choices = [
        real.get(m.group("name"), [])
        + HOSTILE[m.group("kind") or KIND_OF.get(m.group("name"), "str")]
        for m in places
    ]
    for values in product(*choices):
        path, end = "", 0
        for match, value in zip(places, values, strict=True):
            path += route[end : match.start()] + value
            end = match.end()
        yield "/" + path + route[end:]


@pytest.fixture
def crawler(settings, seed):
    settings.DEBUG = False
    return Client(raise_request_exception=False)


def test_no_public_address_answers_500(crawler, seed):
    project = Project.objects.published().first()
    real = {
        "lineage": [str(project.lineage), str(uuid.uuid4())],
        "department": [seed.department.slug],
        "year": [str(seed.fiscal_year)],
        "revision": [str(project.revision)],
    }
    routes = list(public_routes())
    assert any("<num:revision>" in route for route in routes)
    failures = []
    count = 0
    for route in routes:
        for path in fillings(route, real):
            count += 1
            response = crawler.get(path)
            if response.status_code >= 500 and response.status_code != 503:
                failures.append((path, response.status_code))
    assert count > 300
    assert not failures, failures[:20]


def test_huge_numbers_in_an_address_answer_404(crawler, seed):
    project = Project.objects.published().first()
    for path in (
        f"/projects/{project.lineage}/r99999999999999999999/",
        f"/projects/{project.lineage}/r2147483648/",
        f"/projects/{project.lineage}/r99999999999999999999/pdf/",
        f"/projects/{project.lineage}/r99999999999999999999/data.json",
        f"/projects/{project.lineage}/compare/r1-r99999999999999999999/",
        f"/disclosures/{seed.department.slug}/99999999999999999999/",
        "/documents/99999999999999999999/",
        "/downloads/99999999999999999999/pdf.zip",
        "/downloads/99999999999999999999/data.zip",
    ):
        assert crawler.get(path).status_code == 404, path


LIST_QUERIES = [
    {"page": "-1"},
    {"page": "0"},
    {"page": "99999999999999999999"},
    {"page": "abc"},
    {"per_page": "99999999999"},
    {"year": "99999999999999999999"},
    {"year": "-1"},
    {"fiscal_year": "99999999999999999999"},
    {"amount_min": "1e309"},
    {"amount_min": "NaN"},
    {"amount_max": "-Infinity"},
    {"amount_min": "9" * 40},
    {"amount_min": "20万"},
    {"department": "99999999999999999999"},
    {"region": "99999999999999999999"},
    {"sort": "-nonexistent"},
    {"sort": "name" * 100},
    {"q": "'; DROP TABLE projects_project; --"},
    {"q": '=HYPERLINK("http://x")'},
    {"q": "\u202e\u200b"},
    {"q": "a" * 5000},
    {"format": "exe"},
    {"export": "csv", "year": "-1"},
]


def test_hostile_query_strings_on_the_lists_answer_no_500(crawler, seed):
    failures = []
    for path in (
        "/",
        "/projects/",
        "/disclosures/",
        "/search/",
        "/documents/",
        "/projects/export.csv",
        "/feeds/publications.atom",
        "/api/v1/projects",
        "/api/v1/disclosures",
        "/api/v1/documents",
    ):
        for query in LIST_QUERIES:
            response = crawler.get(path, query)
            if response.status_code >= 500 and response.status_code != 503:
                failures.append((path, query, response.status_code))
    assert not failures, failures[:20]
