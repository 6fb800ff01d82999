"""The PDF of a record on its public page: a download link with size and SHA-256."""

from django import template
from django.urls import reverse

from ..models import Kind, Rendition
from ..services import content_key

register = template.Library()


@register.inclusion_tag("publications/_pdf_download.html")
def disclosure_pdf(disclosure, pages):
    """The document's PDF as it stands: the one rendered from the live projects on the page."""
    key = content_key([page["project"] for page in pages])
    return {
        "url": reverse(
            "publications:disclosure-pdf",
            kwargs={"department": disclosure.department.slug, "year": disclosure.fiscal_year},
        ),
        "rendition": Rendition.objects.filter(
            kind=Kind.DISCLOSURE, disclosure=disclosure, content_key=key
        ).first(),
        "label": "整份公开文本 PDF",
    }


@register.inclusion_tag("publications/_pdf_download.html")
def project_pdf(project):
    """A public revision's PDF, with its pages, size and SHA-256 once it is rendered."""
    revision = {"lineage": project.lineage, "revision": project.revision}
    return {
        "url": reverse("publications:project-revision-pdf", kwargs=revision),
        "rendition": Rendition.objects.filter(kind=Kind.PROJECT, project=project).first(),
        "label": f"第{project.revision}版 PDF",
    }
