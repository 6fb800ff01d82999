"""Writes: render a published revision (or a department-year document) once and store it.

PDFs are rendered when a revision is published (``render_after_publish``, run after the
transaction commits), by ``manage.py render_pdfs``, or, if neither has run yet, on the first
request for them. Each is stored through Django's storage API and recorded as a
``Rendition`` with its size, SHA-256 and the SHA-256 of every attached data file.
"""

from __future__ import annotations

import hashlib
import logging

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction

from projects import selectors
from projects.models import Disclosure, Project

from . import render
from .models import Kind, Rendition

log = logging.getLogger(__name__)


def content_key(projects: list[Project]) -> str:
    """Identifies the revisions a PDF is made of; a correction or a withdrawal changes it."""
    ids = ",".join(f"{p.pk}:{p.revision}" for p in sorted(projects, key=lambda p: p.pk))
    return hashlib.sha256(ids.encode()).hexdigest()


def _store(
    rendered: render.RenderedPdf,
    *,
    name: str,
    kind: str,
    disclosure: Disclosure,
    key: str,
    project: Project | None = None,
) -> Rendition:
    rendition = Rendition(
        kind=kind,
        project=project,
        disclosure=disclosure,
        content_key=key,
        size=len(rendered.content),
        sha256=rendered.sha256,
        pages=rendered.pages,
        attachments=[
            {"name": f.name, "size": len(f.content), "sha256": f.sha256}
            for f in rendered.attachments
        ],
        published_at=rendered.published_at,
    )
    rendition.file.save(name, ContentFile(rendered.content), save=False)
    try:
        with transaction.atomic():
            rendition.save()
    except IntegrityError:
        # Someone else stored the same PDF meanwhile: keep theirs, drop the copy.
        rendition.file.delete(save=False)
        return Rendition.objects.get(kind=kind, disclosure=disclosure, content_key=key)
    return rendition


def _folder(disclosure: Disclosure) -> str:
    return f"{disclosure.fiscal_year}/{disclosure.department.slug}/"  # under upload_to "pdf/"


def project_rendition(project: Project) -> Rendition:
    """The stored PDF of a public revision, rendered now if it has none yet."""
    key = content_key([project])
    existing = Rendition.objects.filter(kind=Kind.PROJECT, project=project).first()
    if existing is not None:
        return existing
    tree = selectors.with_tree(Project.objects.filter(pk=project.pk)).get()
    rendered = render.project_pdf(tree)
    return _store(
        rendered,
        name=_folder(tree.disclosure) + render.project_stem(tree) + ".pdf",
        kind=Kind.PROJECT,
        disclosure=tree.disclosure,
        key=key,
        project=tree,
    )


def disclosure_rendition(disclosure: Disclosure) -> Rendition | None:
    """The stored PDF of the document as it stands (its live projects), rendered now if the
    live set has changed since the last one; None when no project of it is public."""
    projects = list(
        selectors.with_tree(Project.objects.published().filter(disclosure=disclosure)).order_by(
            "sequence"
        )
    )
    if not projects:
        return None
    key = content_key(projects)
    existing = Rendition.objects.filter(
        kind=Kind.DISCLOSURE, disclosure=disclosure, content_key=key
    ).first()
    if existing is not None:
        return existing
    rendered = render.disclosure_pdf(disclosure, projects)
    return _store(
        rendered,
        name=f"{_folder(disclosure)}{render.disclosure_stem(disclosure)}-{key[:12]}.pdf",
        kind=Kind.DISCLOSURE,
        disclosure=disclosure,
        key=key,
    )


def render_after_publish(project_pk: int) -> None:
    """Render a newly published revision and its department-year document. Runs after the
    publishing transaction has committed; a failure is logged, never undoes the publication
    (the PDF is then rendered on its first request or by ``manage.py render_pdfs``)."""
    project = Project.objects.published(include_superseded=True).filter(pk=project_pk).first()
    if project is None:
        return
    try:
        project_rendition(project)
        disclosure_rendition(project.disclosure)
    except Exception:
        log.exception("Rendering the PDF of project %s failed", project_pk)
