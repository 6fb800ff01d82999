"""Render a published revision (or a department-year document) once and store it; find the
stored one without rendering.

Rendering takes seconds, so only the render queue's jobs (``publications/jobs.py``) and
``manage.py render_pdfs`` call ``project_rendition`` and ``disclosure_rendition``; a request
asks for the stored PDF (``stored_project_rendition``, ``stored_disclosure_rendition``) and
queues a job when there is none. Each PDF is stored through Django's storage API and recorded
as a ``Rendition`` with its size, SHA-256 and the SHA-256 of every attached data file.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from projects import public_version, selectors
from projects.models import Disclosure, Project

from . import render
from .models import JobStatus, Kind, RenderJob, Rendition

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
            # The public pages show a stored PDF's pages, size and checksum.
            if project is not None:
                public_version.project_changed(project)
            else:
                public_version.disclosure_changed(disclosure)
    except IntegrityError:
        # Someone else stored the same PDF meanwhile: keep theirs, drop the copy.
        rendition.file.delete(save=False)
        return Rendition.objects.get(kind=kind, disclosure=disclosure, content_key=key)
    # Its job, if it has one, is done, whoever rendered it (a job, or render_pdfs).
    now = timezone.now()
    RenderJob.objects.filter(kind=kind, disclosure=disclosure, content_key=key).update(
        status=JobStatus.DONE, rendition=rendition, error="", finished_at=now, updated_at=now
    )
    return rendition


def _folder(disclosure: Disclosure) -> str:
    return f"{disclosure.fiscal_year}/{disclosure.department.slug}/"  # under upload_to "pdf/"


def stored_project_rendition(project: Project) -> Rendition | None:
    """The stored PDF of a revision, or None: never renders."""
    return Rendition.objects.filter(kind=Kind.PROJECT, project=project).first()


def live_projects(disclosure: Disclosure) -> list[Project]:
    """The live revisions a department-year document is made of now (their pk and revision
    only: enough for its ``content_key``)."""
    return list(Project.objects.published().filter(disclosure=disclosure).only("pk", "revision"))


def stored_disclosure_rendition(disclosure: Disclosure, key: str) -> Rendition | None:
    """The stored PDF of a department-year document with these live revisions, or None."""
    return Rendition.objects.filter(
        kind=Kind.DISCLOSURE, disclosure=disclosure, content_key=key
    ).first()


@dataclass(frozen=True)
class DocumentPdfs:
    """A department-year document's PDF and its live projects' PDFs, each None if not stored."""

    disclosure: Disclosure
    key: str
    rendition: Rendition | None
    projects: list[tuple[Project, Rendition | None]]

    def missing(self) -> int:
        return (self.rendition is None) + sum(r is None for _, r in self.projects)

    def count(self) -> int:
        return 1 + len(self.projects)


def document_pdfs(disclosures: list[Disclosure]) -> list[DocumentPdfs]:
    """The stored PDFs of these documents (in their order) and of their live projects (in
    sequence), in three queries whatever their number; documents with no live project are
    left out. Renders nothing."""
    live = Project.objects.published().filter(disclosure__in=disclosures)
    by_disclosure: dict[int, list[Project]] = {d.pk: [] for d in disclosures}
    for project in live.select_related("disclosure__department").order_by("sequence"):
        by_disclosure[project.disclosure_id].append(project)
    keys = {pk: content_key(projects) for pk, projects in by_disclosure.items() if projects}
    of_projects = {
        r.project_id: r for r in Rendition.objects.filter(kind=Kind.PROJECT, project__in=live)
    }
    of_documents = {
        (r.disclosure_id, r.content_key): r
        for r in Rendition.objects.filter(
            kind=Kind.DISCLOSURE, disclosure__in=list(keys), content_key__in=keys.values()
        )
    }
    return [
        DocumentPdfs(
            disclosure=disclosure,
            key=keys[disclosure.pk],
            rendition=of_documents.get((disclosure.pk, keys[disclosure.pk])),
            projects=[(p, of_projects.get(p.pk)) for p in by_disclosure[disclosure.pk]],
        )
        for disclosure in disclosures
        if disclosure.pk in keys
    ]


def project_rendition(project: Project) -> Rendition:
    """The stored PDF of a public revision, rendered now if it has none yet (seconds: for the
    render queue's jobs and ``render_pdfs``, never a request)."""
    key = content_key([project])
    existing = stored_project_rendition(project)
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
    live set has changed since the last one; None when no project of it is public. (Seconds
    to minutes: for the render queue's jobs and ``render_pdfs``, never a request.)"""
    live = live_projects(disclosure)
    if not live:
        return None
    key = content_key(live)
    existing = stored_disclosure_rendition(disclosure, key)
    if existing is not None:
        return existing
    projects = list(
        selectors.with_tree(Project.objects.published().filter(disclosure=disclosure)).order_by(
            "sequence"
        )
    )
    if not projects:
        return None
    key = content_key(projects)  # what is rendered, should the live set have moved meanwhile
    rendered = render.disclosure_pdf(disclosure, projects)
    return _store(
        rendered,
        name=f"{_folder(disclosure)}{render.disclosure_stem(disclosure)}-{key[:12]}.pdf",
        kind=Kind.DISCLOSURE,
        disclosure=disclosure,
        key=key,
    )
