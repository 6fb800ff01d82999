"""The read-only JSON API (django-ninja): published records only, documented by its own
OpenAPI document at ``/api/v1/openapi.json`` and the page ``/data/api/``.

Every answer carries an ETag and honours If-None-Match (304); CORS is open for GET
(django-cors-headers, see settings); each client (by address) may make
``settings.OPENDATA_API_RATE`` requests, then gets a 429 with Retry-After.
"""

from __future__ import annotations

import ipaddress
import math
from decimal import Decimal
from functools import wraps
from urllib.parse import urlencode
from uuid import UUID

from django.conf import settings
from django.db.models import Q
from django.http import Http404, HttpRequest
from django.middleware.http import ConditionalGetMiddleware
from django.urls import reverse
from django.utils.cache import patch_cache_control, patch_vary_headers, set_response_etag
from django.utils.decorators import decorator_from_middleware
from ninja import NinjaAPI, Path, Query, Schema
from ninja.decorators import decorate_view
from ninja.errors import HttpError, Throttled
from ninja.throttling import BaseThrottle
from pydantic import Field

from infra import ratelimit
from infra.pagecache import Storage, to_store
from infra.routers import public_reads
from projects import selectors
from projects.filters import ProjectFilter
from projects.models import Department, Project

from . import documents
from .schemas import (
    DepartmentPage,
    DisclosurePage,
    DisclosureTree,
    DocumentOut,
    DocumentPage,
    ErrorOut,
    ProjectDocument,
    ProjectPage,
    ThrottledOut,
    ValidationErrorOut,
)

CACHE_SECONDS = 300
LINEAGE = Path(..., description="项目标识（UUID，各修订版共用），见列表中的 id")
REVISION = Path(..., ge=1, description="修订版次，从 1 开始")
DEPARTMENT = Path(..., description="预算单位标识（slug），见 /departments")
YEAR = Path(..., description="预算年度，如 2024")
DOCUMENT = Path(..., description="政策文件编号，见 /documents")
MAX_PAGE_SIZE = 200
# Text in a query parameter: anything but NUL, which infra.middleware refuses (422) before any
# operation runs; the OpenAPI document says so, so that clients and generated tests know.
NO_NUL = r"^[^\x00]*$"


api = NinjaAPI(
    title="重点领域财政项目文本公开 开放数据接口",
    version="1",
    description=(
        "只读接口，只提供已公开的记录（现行版本及保留独立网址的已更正旧版）。"
        "金额以元计，为两位小数的字符串。列表按固定顺序排列，分页并给出总数；"
        "每个响应带 ETag，可用 If-None-Match 做条件请求；允许跨域 GET；"
        "每个客户端有请求频率限制，超出时返回 429 和 Retry-After。"
        "说明页面：/data/api/"
    ),
    urls_namespace="api",
    docs_url=None,  # the documentation is our own page (/data/api/), with no third-party script
    # No throttle= here: the limit is counted by within_rate, before a stored answer is looked
    # up, so that a stored answer cannot be had past it (and ninja does not count it twice).
)
RATE_SCOPE = "api"
_IDENT = BaseThrottle()  # only its get_ident, which keeps no state


def client(request: HttpRequest) -> str:
    """Who is counted: the client's address, REMOTE_ADDR or, behind NINJA_NUM_PROXIES proxies,
    the one they name in X-Forwarded-For (ninja's rule, so a client cannot forge a new one);
    an IPv6 client by its /64, which one subscriber usually holds whole. Anything that is not
    an address (a proxy's header gone wrong, a test's empty REMOTE_ADDR) is counted as sent."""
    sent = (_IDENT.get_ident(request) or "").strip()
    try:
        address = ipaddress.ip_address(sent)
    except ValueError:
        return sent
    if address.version == 6 and address.ipv4_mapped:  # ::ffff:203.0.113.5 from a dual stack
        address = address.ipv4_mapped
    if address.version == 6:
        return str(ipaddress.ip_network((address, 64), strict=False).network_address)
    return str(address)


def within_rate(request: HttpRequest):
    """Counts the request against its client's ``OPENDATA_API_RATE`` (once, however many
    times it is asked): None within it, else the 429 answer (``infra/ratelimit.py``)."""
    if getattr(request, "rate_counted", False):
        return None
    request.rate_counted = True
    # The rate is read each time: tests set it.
    usage = ratelimit.hit(RATE_SCOPE, client(request), settings.OPENDATA_API_RATE)
    if not usage.exceeded:
        return None
    return api.on_exception(request, Throttled(wait=usage.retry_after))


def _finish(response) -> None:
    """The headers of an answer, set once, before it is stored with them."""
    if response.status_code == 200:
        set_response_etag(response)  # from its bytes
        patch_cache_control(response, public=True, max_age=CACHE_SECONDS)
    patch_vary_headers(response, ["Accept-Encoding"])


def _public_api(run):
    """Every operation: the client's rate (429 past it), then the operation's answer, read
    from the replica when there is one. ``StoredPageMiddleware`` counts the rate first, then
    answers from the copy stored for this address under the version of what is published
    (``infra/pagecache.py``), or stores this answer."""

    @wraps(run)
    def wrapped(request, **kwargs):
        refused = within_rate(request)
        if refused is not None:
            return refused
        with public_reads():
            return to_store(request, lambda: run(request, **kwargs), _finish)

    return wrapped


# The operation inside, then 304 on If-None-Match (from the stored ETag) around it.
conditional = decorate_view(_public_api, decorator_from_middleware(ConditionalGetMiddleware))


PERIODS = {1: "每秒", 60: "每分钟", 3600: "每小时", 86400: "每天"}


def rate_in_words(rate: str) -> str:
    """``120/min`` → ``每分钟最多 120 次`` (read as ``infra.ratelimit`` reads it)."""
    parsed = ratelimit.Rate.parse(rate)
    return f"{PERIODS[parsed.seconds]}最多 {parsed.number} 次"


STORAGE = Storage("api", gate=within_rate)


def urls():
    """The API's URL patterns, for the URLconf: each operation's view is marked with
    ``STORAGE`` for ``StoredPageMiddleware``; ninja's own two (the OpenAPI document, not a
    read of published records nor rate-limited, and its root, which the URLconf redirects)
    are not."""
    patterns, app_name, namespace = api.urls
    for pattern in patterns:
        if pattern.name not in ("openapi-json", "api-root"):
            pattern.callback.storage = STORAGE
    return patterns, app_name, namespace


@api.exception_handler(Throttled)
def throttled(request, exc: Throttled):
    wait = max(1, math.ceil(exc.wait or 1))
    response = api.create_response(
        request,
        {
            "detail": f"请求过于频繁：每个客户端{rate_in_words(settings.OPENDATA_API_RATE)}，"
            f"请 {wait} 秒后再试。",
            "retry_after": wait,
        },
        status=429,
    )
    response["Retry-After"] = str(wait)
    return response


@api.exception_handler(Http404)
def not_found(request, exc: Http404):
    return api.create_response(request, {"detail": str(exc) or "没有找到。"}, status=404)


def answers(ok, *errors: int) -> dict:
    """The documented answers of an operation: its result, the errors it can give, and the two
    every operation can give (422 for a malformed parameter, 429 over the rate limit)."""
    shapes = {400: ErrorOut, 404: ErrorOut}
    return {
        200: ok,
        **{code: shapes[code] for code in errors},
        422: ValidationErrorOut,
        429: ThrottledOut,
    }


def _base(request: HttpRequest) -> str:
    return f"{request.scheme}://{request.get_host()}"


class PageParams(Schema):
    page: int = Field(1, ge=1, description="页码，从 1 开始")
    page_size: int = Field(
        50, ge=1, le=MAX_PAGE_SIZE, description=f"每页条数，最多 {MAX_PAGE_SIZE}"
    )


def _page(request: HttpRequest, queryset, params: PageParams, item) -> dict:
    """One page of ``queryset`` (or of the project list's ``selectors.ProjectPages``) with its
    count and links."""
    count = queryset.count()
    pages = max(1, math.ceil(count / params.page_size))
    start = (params.page - 1) * params.page_size
    # Past the last page there is nothing to fetch (and an offset beyond what SQL takes).
    stop = start + params.page_size
    if start >= count:
        rows = []
    else:
        rows = list(queryset[start:stop])

    def link(number: int) -> str:
        query = request.GET.copy()
        query["page"] = str(number)
        return request.build_absolute_uri(f"{request.path}?{urlencode(sorted(query.items()))}")

    return {
        "count": count,
        "page": params.page,
        "page_size": params.page_size,
        "pages": pages,
        "next": link(params.page + 1) if params.page < pages else None,
        "previous": link(params.page - 1) if 1 < params.page <= pages + 1 else None,
        "results": [item(request, row) for row in rows],
    }


def _yuan(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:.2f}"


def _dept(department: Department) -> dict:
    return {"slug": department.slug, "name": department.name}


def _project_links(base: str, project: Project) -> dict:
    lineage, revision = project.lineage, project.revision
    kwargs = {"lineage": lineage, "revision": revision}
    return {
        "page": base + project.get_revision_url(),
        "json": base + reverse("opendata:project-revision-data", kwargs={**kwargs, "fmt": "json"}),
        "csv": base + reverse("opendata:project-revision-data", kwargs={**kwargs, "fmt": "csv"}),
        "xlsx": base + reverse("opendata:project-revision-data", kwargs={**kwargs, "fmt": "xlsx"}),
        "pdf": base + reverse("publications:project-revision-pdf", kwargs=kwargs),
    }


def _project_summary(request, project: Project) -> dict:
    base = _base(request)
    return {
        "id": str(project.lineage),
        "revision": project.revision,
        "fiscal_year": project.disclosure.fiscal_year,
        "department": _dept(project.disclosure.department),
        "sequence": project.sequence,
        "name": project.name,
        "implementing_unit": project.implementing_unit,
        "declared_total_yuan": _yuan(project.declared_total),
        "itemised_total_yuan": _yuan(project.itemised_total),
        "finding_count": project.finding_count,
        "published_at": project.published_at,
        "api_url": base + reverse("api:project", kwargs={"lineage": project.lineage}),
        "links": _project_links(base, project),
    }


class ProjectParams(PageParams):
    q: str | None = Field(
        None, pattern=NO_NUL, description="关键词：名称、内容、子项目、引用文件中包含它的项目"
    )
    year: int | None = Field(None, description="预算年度，如 2024")
    department: str | None = Field(
        None, pattern=NO_NUL, description="预算单位标识（slug），见 /departments"
    )
    region: int | None = Field(None, description="行政区划编号（含下级区划）")
    min_wan: Decimal | None = Field(None, ge=0, description="申报总额不少于（万元）")
    max_wan: Decimal | None = Field(None, ge=0, description="申报总额不超过（万元）")
    has_findings: bool | None = Field(None, description="true：核对发现问题的项目；false：没有的")


@api.get(
    "/projects",
    response=answers(ProjectPage, 400),
    url_name="projects",
    summary="已公开项目列表",
    description="筛选条件与网站项目列表相同（年度、单位、地区、金额范围、关键词、核对问题）。"
    "按年度（新的在前）、单位名称、项目序号排序，顺序固定。",
    tags=["项目"],
)
@conditional
def list_projects(request, params: Query[ProjectParams]):
    data = {
        key: ("true" if value is True else "false" if value is False else str(value))
        for key, value in params.model_dump(exclude={"page", "page_size"}).items()
        if value is not None
    }
    filterset = ProjectFilter(data=data, queryset=selectors.public_projects())
    if not filterset.is_valid():
        errors = "；".join(f"{k}：{'，'.join(v)}" for k, v in filterset.errors.items())
        raise HttpError(400, f"筛选条件有误：{errors}")
    pages = selectors.ProjectPages(filterset.qs, on_index=filterset.on_index())
    return _page(request, pages, params, _project_summary)


def _project_document(request, lineage: UUID, revision: int | None):
    project = selectors.public_project(lineage, revision)
    return documents.project_document(project, _base(request))


@api.get(
    "/projects/{lineage}",
    response=answers(ProjectDocument, 404),
    by_alias=True,
    url_name="project",
    summary="一个项目（现行版本）的完整数据",
    description="项目的八个部分：立项依据引用、子项目、测算明细（含下级明细和计算因子）、"
    "计划节点、资金来源、绩效指标，以及公开信息和自动核对结果。与 JSON 下载相同。",
    tags=["项目"],
)
@conditional
def get_project(request, lineage: UUID = LINEAGE):
    return _project_document(request, lineage, None)


@api.get(
    "/projects/{lineage}/revisions/{revision}",
    response=answers(ProjectDocument, 404),
    by_alias=True,
    url_name="project-revision",
    summary="一个项目某一公开修订版的完整数据",
    description="包括已被更正、仍保留独立网址的旧版本。",
    tags=["项目"],
)
@conditional
def get_project_revision(request, lineage: UUID = LINEAGE, revision: int = REVISION):
    return _project_document(request, lineage, revision)


def _disclosure_summary(request, disclosure) -> dict:
    base = _base(request)
    kwargs = {"department": disclosure.department.slug, "year": disclosure.fiscal_year}

    def data(fmt):
        return base + reverse("opendata:disclosure-data", kwargs={**kwargs, "fmt": fmt})

    return {
        "department": _dept(disclosure.department),
        "fiscal_year": disclosure.fiscal_year,
        "title": disclosure.title,
        "project_count": disclosure.project_count or 0,
        "declared_total_yuan": _yuan(disclosure.declared),
        "api_url": base + reverse("api:disclosure", kwargs=kwargs),
        "links": {
            "page": base + disclosure.get_absolute_url(),
            "json": data("json"),
            "csv": data("csv"),
            "xlsx": data("xlsx"),
            "pdf": base + reverse("publications:disclosure-pdf", kwargs=kwargs),
        },
    }


class DisclosureParams(PageParams):
    year: int | None = Field(None, description="预算年度")
    department: str | None = Field(None, pattern=NO_NUL, description="预算单位标识（slug）")


@api.get(
    "/disclosures",
    response=answers(DisclosurePage),
    url_name="disclosures",
    summary="公开文本列表",
    description="每个预算单位每年一份。按年度（新的在前）、单位名称排序。",
    tags=["公开文本"],
)
@conditional
def list_disclosures(request, params: Query[DisclosureParams]):
    disclosures = selectors.disclosure_list()
    if params.year is not None:
        disclosures = disclosures.filter(fiscal_year=params.year)
    if params.department:
        disclosures = disclosures.filter(department__slug=params.department)
    queryset = disclosures.order_by("-fiscal_year", "department__name", "pk")
    return _page(request, queryset, params, _disclosure_summary)


@api.get(
    "/disclosures/{department}/{year}",
    response=answers(DisclosureTree, 404),
    by_alias=True,
    url_name="disclosure",
    summary="一份公开文本的完整数据",
    description="portal.disclosure-tree/1 格式：单位、年度和全部已公开项目的完整结构；"
    "可用 manage.py load_disclosure 读回。与 JSON 下载相同。",
    tags=["公开文本"],
)
@conditional
def get_disclosure(request, department: str = DEPARTMENT, year: int = YEAR):
    disclosure, projects = selectors.public_disclosure(department, year)
    return documents.disclosure_document(disclosure, projects, _base(request))


def _department(request, department: Department) -> dict:
    return {
        "slug": department.slug,
        "name": department.name,
        "short_name": department.short_name,
        "region": documents.exports._region_path(department.region),
        "years": sorted(department.public_years, reverse=True),
    }


@api.get(
    "/departments",
    response=answers(DepartmentPage),
    url_name="departments",
    summary="预算单位列表",
    description="有已公开项目的预算单位，按名称排序。",
    tags=["预算单位"],
)
@conditional
def list_departments(request, params: Query[PageParams]):
    departments = list(
        Department.objects.published().select_related("region__parent__parent").order_by("name")
    )
    years: dict[int, set[int]] = {}
    for department_id, year in (
        Project.objects.published()
        .values_list("disclosure__department_id", "disclosure__fiscal_year")
        .distinct()
    ):
        years.setdefault(department_id, set()).add(year)
    for department in departments:
        department.public_years = years.get(department.pk, set())
    return _page(request, _ListSlice(departments), params, _department)


class _ListSlice(list):
    def count(self, *args) -> int:  # the QuerySet API _page uses
        return len(self)


def _document_summary(request, document) -> dict:
    base = _base(request)
    return {
        "id": document.pk,
        "title": document.title,
        "document_number": document.document_number,
        "project_count": document.project_count or 0,
        "money_yuan": _yuan(document.money),
        "url": base + document.get_absolute_url(),
        "api_url": base + reverse("api:document", kwargs={"pk": document.pk}),
    }


class DocumentParams(PageParams):
    q: str | None = Field(None, pattern=NO_NUL, description="标题或文号中包含的文字")


@api.get(
    "/documents",
    response=answers(DocumentPage),
    url_name="documents",
    summary="政策文件（立项依据）列表",
    description="被已公开项目引用的文件，附引用项目数和这些项目的申报总额之和。按标题排序。",
    tags=["政策文件"],
)
@conditional
def list_documents(request, params: Query[DocumentParams]):
    documents_ = selectors.public_documents()
    if params.q:
        documents_ = documents_.filter(
            Q(title__icontains=params.q) | Q(document_number__icontains=params.q)
        )
    return _page(request, documents_.order_by("title", "pk"), params, _document_summary)


@api.get(
    "/documents/{pk}",
    response=answers(DocumentOut, 404),
    url_name="document",
    summary="一份政策文件及引用它的项目",
    tags=["政策文件"],
)
@conditional
def get_document(request, pk: int = DOCUMENT):
    document, citations = selectors.public_document(pk)
    rows, tied_total = selectors.document_money(document, citations)
    base = _base(request)
    return {
        **_document_summary(request, document),
        "tied_money_yuan": _yuan(tied_total),
        "issuer_code": document.issuer_code,
        "year": document.year,
        "serial": document.serial,
        "issuing_body": document.issuing_body,
        "citations": [
            {
                "id": str(c.project.lineage),
                "revision": c.project.revision,
                "name": c.project.name,
                "fiscal_year": c.project.disclosure.fiscal_year,
                "department": _dept(c.project.disclosure.department),
                "cited_text": c.cited_text,
                "tied": [
                    {"sub_item": t.sub_item, "place": t.place, "amount_yuan": _yuan(t.amount)}
                    for t in tied
                ],
                "api_url": base + reverse("api:project", kwargs={"lineage": c.project.lineage}),
            }
            for c, tied in rows
        ],
    }
