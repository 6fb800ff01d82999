"""Published records → PDF bytes: the project page's body (projects/pagedoc.py), a print
stylesheet for A4 in the manner of Chinese official documents (GB/T 9704), WeasyPrint,
PDF/A-3b and PDF/UA-1 with the record's data attached. Pure rendering: nothing here reads or
writes storage.

The same records give the same bytes: every date in the file is the publication date, the
attachments are passed sorted by name, and the PDF identifier is derived from the content.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from weasyprint import CSS, HTML, Attachment

from budget.text import cleaned
from projects import exports, pagedoc, presenters
from projects.models import Disclosure, Project

from .fetcher import LocalOnlyFetcher

STYLESHEET = Path(settings.BASE_DIR) / "static" / "css" / "pdf.css"
PDF_OPTIONS = {"pdf_variant": "pdf/a-3b", "pdf_tags": True}


@dataclass(frozen=True)
class DataFile:
    """A file attached inside the PDF: the record as data."""

    name: str
    content: bytes
    media_type: str
    description: str

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()


@dataclass(frozen=True)
class RenderedPdf:
    content: bytes
    pages: int
    attachments: tuple[DataFile, ...]
    published_at: datetime
    refused: tuple[str, ...]  # URLs the document asked for and did not get

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()


def write_pdf(
    html: str,
    *,
    attachments: Sequence[DataFile] = (),
    published_at: datetime | None = None,
    fetcher: LocalOnlyFetcher | None = None,
) -> tuple[bytes, int, tuple[str, ...]]:
    """Any HTML to PDF/A-3b and PDF/UA-1 through the local-only fetcher: (bytes, pages,
    refused URLs)."""
    fetcher = fetcher or LocalOnlyFetcher()
    stamp = (published_at or datetime(2000, 1, 1, tzinfo=UTC)).astimezone(UTC)
    document = HTML(
        string=html, base_url=settings.PORTAL["base_url"] + "/", url_fetcher=fetcher
    ).render(stylesheets=[CSS(filename=STYLESHEET, url_fetcher=fetcher)], **PDF_OPTIONS)
    pdf = document.write_pdf(
        attachments=[
            Attachment(
                file_obj=io.BytesIO(item.content),
                url_fetcher=fetcher,
                name=item.name,
                description=item.description,
                created=stamp,
                modified=stamp,
                relationship="Data",
            )
            for item in sorted(attachments, key=lambda item: item.name)
        ],
        finisher=declare_pdf_ua,
        **PDF_OPTIONS,
    )
    return pdf, len(document.pages), tuple(fetcher.refused)


# PDF/UA-1 (ISO 14289-1, clause 5) asks the metadata to say the file claims it; PDF/A-3 asks
# every property outside its own schemas to be declared in an extension schema, so the claim
# comes with its declaration (the one the PDF Association publishes for pdfuaid).
PDF_UA_XMP = b"""<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/" \
pdfuaid:part="1"/>
<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" \
xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" \
xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
<pdfaProperty:name>part</pdfaProperty:name>
<pdfaProperty:valueType>Integer</pdfaProperty:valueType>
<pdfaProperty:category>internal</pdfaProperty:category>
<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed\
</pdfaProperty:description>
</rdf:li></rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>
</rdf:Description>
"""


def declare_pdf_ua(document, pdf) -> None:
    """WeasyPrint's ``finisher``: the PDF/A-3b file it wrote also claims PDF/UA-1.

    WeasyPrint writes one variant at a time (Kozea/WeasyPrint#2783); with ``pdf_tags`` the
    PDF/A variant already has all that PDF/UA needs but the claim. The claim is added to the
    one ``rdf:RDF`` of its metadata (a reader takes the first; WeasyPrint's ``xmp_metadata``
    would add a second). The templates keep what else PDF/UA asks: a link's text inside the
    ``<a>`` with no element between (``<cite><a>``, not ``<a><cite>``, which WeasyPrint
    annotates twice), list items without block children."""
    metadata = pdf.objects[int(pdf.catalog["Metadata"].split()[0])]
    xmp = b"".join(metadata.stream)
    if b"pdfuaid" in xmp or xmp.count(b"</rdf:RDF>") != 1:
        raise ValueError("unexpected XMP metadata: check what this WeasyPrint writes")
    metadata.stream = [xmp.replace(b"</rdf:RDF>", PDF_UA_XMP + b"</rdf:RDF>")]


def _data_files(stem: str, disclosure: Disclosure, projects: list[Project]) -> list[DataFile]:
    base = settings.PORTAL["base_url"]
    return [
        DataFile(
            name=f"{stem}.csv",
            content="".join(exports.lines_csv(projects, base)).encode(),
            media_type="text/csv",
            description="测算明细：每行一条明细，含项目、子项目与计算因子（UTF-8 CSV）",
        ),
        DataFile(
            name=f"{stem}.json",
            content=exports.tree_json(exports.disclosure_tree(disclosure, projects, base)),
            media_type="application/json",
            description="项目完整数据（portal.disclosure-tree/1 JSON）",
        ),
    ]


@dataclass(frozen=True)
class Source:
    """What WeasyPrint is given: the HTML string and the files to attach."""

    html: str
    attachments: tuple[DataFile, ...]
    published_at: datetime


def _source(template: str, context: dict, files: list[DataFile], published_at) -> Source:
    attachments = tuple(sorted(files, key=lambda item: item.name))
    html = render_to_string(
        template,
        {
            **context,
            "portal": settings.PORTAL,
            "attachments": attachments,
            "published_at": published_at,
            "published_iso": published_at.isoformat(timespec="seconds"),
        },
    )
    # Every entrance refuses control and invisible formatting characters (budget.text), but a
    # record stored before that rule may hold one: it would print as a .notdef box and break
    # PDF/A. The PDF leaves it out; the page and the data show the record as stored.
    return Source(html=cleaned(html), attachments=attachments, published_at=published_at)


def to_pdf(source: Source) -> RenderedPdf:
    content, pages, refused = write_pdf(
        source.html, attachments=source.attachments, published_at=source.published_at
    )
    return RenderedPdf(
        content=content,
        pages=pages,
        attachments=source.attachments,
        published_at=source.published_at,
        refused=refused,
    )


def project_stem(project: Project) -> str:
    disclosure = project.disclosure
    return (
        f"{disclosure.department.slug}-{disclosure.fiscal_year}"
        f"-p{project.sequence}-r{project.revision}"
    )


def disclosure_stem(disclosure: Disclosure) -> str:
    return f"{disclosure.department.slug}-{disclosure.fiscal_year}"


def project_source(project: Project) -> Source:
    """One published revision (its tree prefetched, see ``selectors.with_tree``)."""
    context = {
        "project": project,
        "disclosure": project.disclosure,
        "body": pagedoc.bodies([project])[0],
    }
    files = _data_files(project_stem(project), project.disclosure, [project])
    return _source("publications/project.html", context, files, project.published_at)


def disclosure_source(disclosure: Disclosure, projects: list[Project]) -> Source:
    """One department's document for one year: all its live projects in order."""
    context = presenters.disclosure_page_context(disclosure, projects)
    files = _data_files(disclosure_stem(disclosure), disclosure, projects)
    published_at = max(p.published_at for p in projects)
    return _source("publications/disclosure.html", context, files, published_at)


def project_pdf(project: Project) -> RenderedPdf:
    return to_pdf(project_source(project))


def disclosure_pdf(disclosure: Disclosure, projects: list[Project]) -> RenderedPdf:
    return to_pdf(disclosure_source(disclosure, projects))
