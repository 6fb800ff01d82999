"""Downloads (JSON, CSV, XLSX per project and per disclosure; the bulk zip of a year) and the
open-data pages. Each view picks the published records and hands them to an export module."""

from __future__ import annotations

from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header
from django.views import View
from django.views.generic import TemplateView

from budget.filenames import safe_filename
from projects import exports, selectors
from publications.views import SHORT, YEAR, disclosure_filename, project_filename

from . import bulk, documents, selection, xlsx
from .api import api
from .apidoc import components, operations

CONTENT_TYPES = {
    "json": "application/json; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    "xlsx": xlsx.XLSX_TYPE,
}


def _base(request) -> str:
    return f"{request.scheme}://{request.get_host()}"


def _download(content: bytes, fmt: str, filename: str, *, immutable: bool) -> HttpResponse:
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = content_disposition_header(True, filename)
    if immutable:
        patch_cache_control(response, public=True, max_age=YEAR, immutable=True)
    else:
        patch_cache_control(response, public=True, max_age=SHORT)
    return response


def _render(fmt: str, projects, base_url: str, json_document) -> bytes:
    if fmt == "json":
        return documents.to_json(json_document())
    if fmt == "csv":
        return "".join(exports.lines_csv(projects, base_url)).encode()
    created = max((p.published_at for p in projects if p.published_at), default=None)
    return xlsx.workbook_bytes(list(projects), base_url, created=created)


class ProjectDataView(View):
    """One public revision as JSON (the API's shape), CSV (one row per line item) or XLSX."""

    def get(self, request, lineage, fmt, revision=None):
        project = selectors.public_project(lineage, revision)
        base = _base(request)
        content = _render(fmt, [project], base, lambda: documents.project_document(project, base))
        name = project_filename(project, fmt)
        return _download(content, fmt, name, immutable=revision is not None)


class DisclosureDataView(View):
    """A department's disclosure of a year, its live projects, as JSON, CSV or XLSX."""

    def get(self, request, department, year, fmt):
        disclosure, projects = selectors.public_disclosure(department, year)
        base = _base(request)
        content = _render(
            fmt,
            projects,
            base,
            lambda: documents.disclosure_document(disclosure, projects, base),
        )
        return _download(content, fmt, disclosure_filename(disclosure, fmt), immutable=False)


class BulkDataView(View):
    """Every published record of a year (or of all years) as a Fiscal Data Package zip."""

    def get(self, request, year=None):
        if not bulk.has_records(year):
            raise Http404("该年度没有已公开的项目。")
        scope = f"{year}年" if year is not None else "全部年度"
        response = StreamingHttpResponse(
            bulk.stream_package(year, _base(request)), content_type="application/zip"
        )
        response["Content-Disposition"] = content_disposition_header(
            True, safe_filename(f"重点领域财政项目文本公开数据-{scope}", "zip")
        )
        patch_cache_control(response, public=True, max_age=SHORT)
        return response


class OpenDataView(TemplateView):
    """How to get the data: bulk downloads by year, formats, the API."""

    template_name = "opendata/index.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["years"] = selection.public_years()
        context["disclosures"] = selection.live_disclosures().select_related("department")
        context["tables"] = bulk.TABLES
        return context


class ApiDocsView(TemplateView):
    """The API's documentation in Chinese, written from its own OpenAPI document."""

    template_name = "opendata/api_docs.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        schema = api.get_openapi_schema()
        context["info"] = schema["info"]
        context["operations"] = operations(schema)
        context["components"] = components(schema)
        context["base"] = _base(self.request)
        return context
