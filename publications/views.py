"""Stored PDFs, served as files: ETag (the SHA-256), Content-Length, a Chinese file name
(RFC 6266 ``filename*``) and long-lived caching for addresses whose content never changes."""

from __future__ import annotations

from csp.decorators import csp_exempt
from django.http import FileResponse, Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import content_disposition_header, quote_etag
from django.views import View

from budget.filenames import MAX_BYTES, UniqueNames, safe_component, safe_filename
from projects import selectors
from projects.models import Department, Disclosure, Project

from . import bundles, jobs, pending, services
from .bundles import Entry, stream_zip
from .models import Kind, Rendition

YEAR = 365 * 24 * 3600
BLOCK = 64 * 1024  # read size when streaming a stored file (Django's default is 4 KB)
SHORT = 300  # an address that moves to a new revision on correction
# A PDF is not an HTML page: the page policy would only get in the way of the browser's viewer
# (the page saying a PDF is not ready yet keeps it).
without_csp = csp_exempt()(lambda response: response)


def pdf_response(request, rendition: Rendition, filename: str, *, immutable: bool):
    etag = quote_etag(rendition.sha256)
    last_modified = rendition.published_at.timestamp()
    response = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if response is None:
        response = FileResponse(
            rendition.file.open("rb"), content_type="application/pdf", as_attachment=True
        )
        response.block_size = BLOCK
        response["Content-Length"] = str(rendition.size)
    response["ETag"] = etag
    response["Content-Disposition"] = content_disposition_header(True, filename)
    if immutable:
        patch_cache_control(response, public=True, max_age=YEAR, immutable=True)
    else:
        patch_cache_control(response, public=True, max_age=SHORT)
    return without_csp(response)


def _department_name(department: Department) -> str:
    # At most 20 Chinese characters, so a long name leaves room for what follows it.
    return safe_component(department.short_name or department.name, max_bytes=60)


def project_filename(project: Project, extension: str = "pdf") -> str:
    """The file name of a revision's download (PDF, or data with another ``extension``) and of
    its PDF in the zips: safe on every system (``budget.filenames``), a long project name cut
    so that the department, year, number and revision stay."""
    head = (
        f"{_department_name(project.disclosure.department)}"
        f"{project.disclosure.fiscal_year}年-项目{project.sequence}-"
    )
    tail = f"-第{project.revision}版"
    room = MAX_BYTES - len(f"{head}{tail}.{extension}".encode())
    name = safe_component(project.name, max_bytes=max(room, 16))
    return safe_filename(f"{head}{name}{tail}", extension)


def disclosure_filename(disclosure: Disclosure, extension: str = "pdf") -> str:
    """The file name of a disclosure's download, from its title, safe on every system."""
    return safe_filename(disclosure.title, extension)


class ProjectPdfView(View):
    """A project's PDF: the latest published revision at the permalink, or one given revision."""

    def get(self, request, lineage, revision=None):
        projects = Project.objects.published(include_superseded=revision is not None).filter(
            lineage=lineage
        )
        if revision is not None:
            projects = projects.filter(revision=revision)
        # One query when the PDF is stored (the usual case), the record with it.
        rendition = (
            Rendition.objects.filter(kind=Kind.PROJECT, project__in=projects)
            .select_related("project__disclosure__department")
            .first()
        )
        if rendition is None:
            project = projects.select_related("disclosure__department").first()
            if project is None:
                raise Http404("没有找到已公开的项目。")
            # Rendered by a worker, never here: queued once, whoever asks.
            job = jobs.request_project_pdf(project)
            page = project.get_revision_url() if revision else project.get_absolute_url()
            return pending.not_ready(request, [job], title=project.name, page_url=page)
        project = rendition.project
        return pdf_response(
            request, rendition, project_filename(project), immutable=revision is not None
        )


class DisclosurePdfView(View):
    """One department's document for one year, as it stands."""

    def get(self, request, department, year):
        disclosure = get_object_or_404(
            selectors.public_disclosures(), department__slug=department, fiscal_year=year
        )
        live = services.live_projects(disclosure)
        if not live:
            raise Http404("没有找到已公开的公开文本。")
        key = services.content_key(live)
        rendition = services.stored_disclosure_rendition(disclosure, key)
        if rendition is None:
            job = jobs.request_disclosure_pdf(disclosure, key)
            return pending.not_ready(
                request, [job], title=disclosure.title, page_url=disclosure.get_absolute_url()
            )
        return pdf_response(request, rendition, disclosure_filename(disclosure), immutable=False)


class YearZipView(View):
    """Every live PDF of a year (one department's, or all): each department's document and
    each project's current revision, in folders by department, with SHA256SUMS.txt."""

    def get(self, request, year, department=None):
        disclosures = selectors.public_disclosures().filter(fiscal_year=year)
        if department is not None:
            get_object_or_404(Department, slug=department)
            disclosures = disclosures.filter(department__slug=department)
        disclosures = list(disclosures.order_by("department__name"))
        if not disclosures:
            raise Http404("该年度没有已公开的公开文本。")
        name = f"{year}年重点领域财政项目文本公开PDF.zip"
        if department is not None:
            dept = _department_name(disclosures[0].department)
            name = safe_filename(f"{dept}{year}年重点领域财政项目文本公开PDF", "zip")
        # Every PDF in it is stored, or none is sent: the missing ones are queued, and the
        # reader is asked to come back (an archive short of files would pass for complete).
        documents = services.document_pdfs(disclosures)
        missing = jobs.missing(documents)
        if missing:
            total = sum(document.count() for document in documents)
            return pending.not_ready(
                request,
                jobs.request_all(missing),
                title=name.removesuffix(".zip"),
                total=total,
                ready=total - len(missing),
            )
        entries = list(self.entries(documents))
        # The same published PDFs give the same bytes: a validator lets a reader, a mirror or
        # a cache ask whether anything changed without fetching it again.
        # (No Last-Modified: a withdrawal changes the archive without a newer publication.)
        tag = quote_etag(bundles.etag(entries))
        response = get_conditional_response(request, etag=tag) or StreamingHttpResponse(
            stream_zip(entries), content_type="application/zip"
        )
        if response.status_code in (200, 304):
            response["ETag"] = tag
            patch_cache_control(response, public=True, max_age=SHORT)
        if response.status_code == 200:
            response["Content-Disposition"] = content_disposition_header(True, name)
        return response

    @staticmethod
    def entries(documents: list[services.DocumentPdfs]):
        """The zip's files, a folder per department. Every name is safe to extract anywhere and
        unique in the archive (two departments of the same short name get 名称 and 名称-2)."""
        names = UniqueNames(["SHA256SUMS.txt"])
        for document in documents:
            disclosure = document.disclosure
            department = disclosure.department
            folder = names.folder(department.short_name or department.name)
            yield Entry(names.file(disclosure_filename(disclosure), folder), document.rendition)
            for project, rendition in document.projects:
                yield Entry(names.file(project_filename(project), folder), rendition)
