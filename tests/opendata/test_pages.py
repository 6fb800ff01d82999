"""The open-data page and the API's documentation page; the numbers of the data are the
numbers of the pages; the bulk zip's queries do not grow with the number of projects."""

import copy
import csv
import io
import zipfile
from decimal import Decimal

import pytest
from django.urls import reverse

from budget.amounts import format_yuan
from opendata import bulk, selection
from opendata.api import api
from projects.models import Disclosure, Project

pytestmark = pytest.mark.django_db


def test_open_data_page_links_every_year_and_disclosure(client, seed):
    page = client.get(reverse("opendata:index")).content.decode()
    assert reverse("opendata:year-data", args=[2024]) in page
    assert reverse("opendata:all-data") in page
    for fmt in ("json", "csv", "xlsx"):
        assert reverse("opendata:disclosure-data", args=["chengjiang-zzb", 2024, fmt]) in page
    assert reverse("api:openapi-json") in page and reverse("opendata:api-docs") in page
    # Every page's navigation leads here.
    assert reverse("opendata:index") in client.get(reverse("projects:home")).content.decode()


def test_api_docs_page_documents_every_operation_from_the_openapi_document(client, seed):
    page = client.get(reverse("opendata:api-docs")).content.decode()
    schema = api.get_openapi_schema()
    for path, methods in schema["paths"].items():
        for operation in methods.values():
            assert f"GET {path}" in page
            assert operation["summary"] in page
            for parameter in operation.get("parameters", []):
                assert f"<code>{parameter['name']}</code>" in page
    # Fields of the answers, with their Chinese descriptions.
    assert "<code>declared_total_yuan</code>" in page and "申报总额（元）" in page
    assert "429" in page and "If-None-Match" in page


def test_api_root_leads_to_the_docs(client):
    response = client.get("/api/v1/")
    assert response.status_code == 302 and response.url == reverse("opendata:api-docs")


def test_numbers_of_the_data_are_the_numbers_of_the_page(client, seed):
    """What the journalist checks: each project's declared total in the API, the CSV and the
    bulk package is the exact 元 figure the project page shows."""
    bulk_zip = zipfile.ZipFile(
        io.BytesIO(
            b"".join(client.get(reverse("opendata:year-data", args=[2024])).streaming_content)
        )
    )
    package_rows = {
        r["项目标识"]: r
        for r in csv.DictReader(io.StringIO(bulk_zip.read("data/projects.csv").decode()))
    }
    for project in Project.objects.published():
        page = client.get(project.get_absolute_url()).content.decode()
        api_total = Decimal(
            client.get(f"/api/v1/projects/{project.lineage}").json()["project"][
                "declared_total_yuan"
            ]
        )
        package_total = Decimal(package_rows[str(project.lineage)]["申报总额（元）"])
        assert api_total == package_total == project.declared_total
        assert format_yuan(api_total) in page


def test_bulk_queries_do_not_grow_with_projects(seed, seed_tree):
    """Each table is one pass over the projects in chunks, a fixed number of queries per chunk
    (the projects and their prefetched trees); each disclosure's JSON reads its own tree.
    Twice the projects in one more disclosure: only that disclosure's tree queries more."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from projects.services import load_disclosure_tree

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            archive = b"".join(bulk.stream_package(2024, ""))
        assert archive
        return len(captured)

    before = queries()
    other = copy.deepcopy(seed_tree)
    other["department"] |= {"name": "另一单位", "short_name": "另一", "slug": "other"}
    other["disclosure"]["title"] = "另一单位2024年公开"
    load_disclosure_tree(other, publish=True)
    assert Project.objects.published().count() == 4
    disclosure = Disclosure.objects.get(department__slug="other")
    with CaptureQueriesContext(connection) as one_tree:
        list(selection.disclosure_projects(disclosure))
    assert queries() == before + len(one_tree)
