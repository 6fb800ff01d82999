"""The render queue: every PDF is rendered by a job in a worker process, never in a request.

A job is a ``RenderJob`` row (its state, which staff see in the admin) and a task in
django-tasks' database queue (``render_pdf``), which ``manage.py db_worker`` runs. The two are
written in one transaction: a job is queued with its task or not at all.

- ``queue_after_publish`` queues a newly published revision's PDF and its department-year
  document's, once the publication has committed (``receivers.py``, RENDER_PDFS_ON_PUBLISH).
- ``request_project_pdf``, ``request_disclosure_pdf`` and ``request_all``: a reader asked for
  PDFs that are not stored. Each PDF has one job (a unique row per PDF), queued by the first
  who asks; whoever asks next finds it queued. A failed job stays failed until staff queue it
  again (``retry``): readers do not make a failing render run again and again.
- ``render_pdf`` (the task) claims its job, renders and stores the PDF
  (``services.project_rendition`` / ``disclosure_rendition``); if that fails it queues the job
  again after a pause that grows (PDF_JOB_BACKOFF_SECONDS × 4ⁿ⁻¹), PDF_JOB_ATTEMPTS tries in
  all, then marks it failed with the reason.

Each queuing adds one to the job's ``ticket`` and hands the new number to its task; a task
whose ticket is no longer the job's (queued again meanwhile) does nothing, so one job never
runs twice at once and a retry never jumps its pause.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django_tasks import task

from projects.models import Disclosure, Project

from . import services
from .models import PENDING, JobOrigin, JobStatus, Kind, RenderJob, Rendition

log = logging.getLogger(__name__)

ERROR_LIMIT = 2000  # characters of a failure's reason kept for staff
# A zip asks for at most this many missing PDFs per request (a few queries each); the rest
# are asked for by the page's next refresh.
REQUEST_LIMIT = 100
# Someone is waiting for these, on a page that refreshes itself: ahead of the publish queue.
PRIORITY = {JobOrigin.READER: 10, JobOrigin.STAFF: 5, JobOrigin.PUBLISH: 0}


class NotPublic(Exception):
    """The record is no longer public: there is nothing to render, and trying again will not
    change that."""


@dataclass(frozen=True)
class Wanted:
    """One PDF, identified as its ``Rendition`` is."""

    kind: str
    disclosure_id: int
    key: str
    project_id: int | None = None

    @classmethod
    def project(cls, project: Project) -> Wanted:
        return cls(Kind.PROJECT, project.disclosure_id, services.content_key([project]), project.pk)

    @classmethod
    def disclosure(cls, disclosure: Disclosure, key: str) -> Wanted:
        return cls(Kind.DISCLOSURE, disclosure.pk, key)

    @classmethod
    def of(cls, job: RenderJob) -> Wanted:
        return cls(job.kind, job.disclosure_id, job.content_key, job.project_id)

    def lookup(self) -> dict:
        return {"kind": self.kind, "disclosure_id": self.disclosure_id, "content_key": self.key}


def backoff(attempts: int) -> timedelta:
    """The pause before trying again after the ``attempts``-th failure in a row."""
    return timedelta(seconds=settings.PDF_JOB_BACKOFF_SECONDS * 4 ** (attempts - 1))


def _stale(job: RenderJob, now) -> bool:
    """Queued or running, and not moved for PDF_JOB_STALE_SECONDS: its worker was killed
    mid-render, or its task is lost."""
    limit = now - timedelta(seconds=settings.PDF_JOB_STALE_SECONDS)
    if job.status == JobStatus.QUEUED:
        return job.run_after < limit
    if job.status == JobStatus.RUNNING:
        return (job.started_at or job.updated_at) < limit
    return False


def _stored(job: RenderJob) -> bool:
    return Rendition.objects.filter(**Wanted.of(job).lookup()).exists()


def _needs_queuing(job: RenderJob, now) -> bool:
    """Whether a reader's request should queue this job again: done but its file's record is
    gone (``render_pdfs --force`` midway, a restore without files), or stale. Failed jobs
    wait for staff."""
    if job.status == JobStatus.DONE:
        return not _stored(job)
    return _stale(job, now)


def _enqueue(job: RenderJob) -> None:
    """The task of a job just (re)queued, in the caller's transaction."""
    queued = render_pdf.using(priority=PRIORITY.get(job.origin, 0))
    if job.run_after > timezone.now():
        queued = queued.using(run_after=job.run_after)
    queued.enqueue(job.pk, job.ticket)


def _requeue(job: RenderJob, *, origin: str, delay: timedelta | None = None, **changes):
    """Queue ``job`` again if nobody has changed it since it was read (its status and ticket
    as read): the first of many readers does, the others find it queued."""
    now = timezone.now()
    with transaction.atomic():
        moved = RenderJob.objects.filter(pk=job.pk, status=job.status, ticket=job.ticket).update(
            status=JobStatus.QUEUED,
            ticket=F("ticket") + 1,
            origin=origin,
            run_after=now + (delay or timedelta(0)),
            started_at=None,
            updated_at=now,
            **changes,
        )
        job.refresh_from_db()
        if moved:
            _enqueue(job)
    return job


def request(wanted: Wanted, *, origin: str = JobOrigin.READER, job=None) -> RenderJob:
    """The job of a PDF that is not stored, queued unless it already is (``job``: as already
    read, to spare the query)."""
    now = timezone.now()
    if job is None:
        job = RenderJob.objects.filter(**wanted.lookup()).first()
    if job is None:
        try:
            with transaction.atomic():
                job = RenderJob.objects.create(
                    kind=wanted.kind,
                    disclosure_id=wanted.disclosure_id,
                    content_key=wanted.key,
                    project_id=wanted.project_id,
                    origin=origin,
                    run_after=now,
                    ticket=1,
                )
                _enqueue(job)
            return job
        except IntegrityError:
            # Another reader queued it in the meantime: theirs is the one.
            job = RenderJob.objects.get(**wanted.lookup())
    if _needs_queuing(job, now):
        job = _requeue(job, origin=origin)
    return job


def request_project_pdf(project: Project, *, origin: str = JobOrigin.READER) -> RenderJob:
    return request(Wanted.project(project), origin=origin)


def request_disclosure_pdf(
    disclosure: Disclosure, key: str, *, origin: str = JobOrigin.READER
) -> RenderJob:
    return request(Wanted.disclosure(disclosure, key), origin=origin)


def request_all(wanted: Iterable[Wanted], *, limit: int = REQUEST_LIMIT) -> list[RenderJob]:
    """The jobs of many missing PDFs (a zip's), each queued unless it already is; their
    existing jobs read in one query, and at most ``limit`` queued by this call."""
    wanted = list(wanted)
    known = {
        (job.kind, job.disclosure_id, job.content_key): job
        for job in RenderJob.objects.filter(content_key__in={w.key for w in wanted})
    }
    now = timezone.now()
    jobs, asked = [], 0
    for item in wanted:
        job = known.get((item.kind, item.disclosure_id, item.key))
        if job is None or _needs_queuing(job, now):
            if asked >= limit:
                continue
            asked += 1
            job = request(item, job=job)
        jobs.append(job)
    return jobs


def queue_after_publish(project_pk: int) -> None:
    """Queue the PDFs a publication adds: the revision's, and its department-year document's
    as it stands now. Runs once the publishing transaction has committed, in the publishing
    request: a few queries, no rendering. A failure here is logged and never undoes the
    publication (the first reader of a PDF queues it then)."""
    try:
        project = (
            Project.objects.published(include_superseded=True)
            .filter(pk=project_pk)
            .select_related("disclosure")
            .first()
        )
        if project is None:
            return
        if services.stored_project_rendition(project) is None:
            request_project_pdf(project, origin=JobOrigin.PUBLISH)
        live = services.live_projects(project.disclosure)
        if live:
            key = services.content_key(live)
            if services.stored_disclosure_rendition(project.disclosure, key) is None:
                request_disclosure_pdf(project.disclosure, key, origin=JobOrigin.PUBLISH)
    except Exception:
        log.exception("Queuing the PDFs of project %s failed", project_pk)


def retryable(job: RenderJob) -> bool:
    """Whether staff may queue a job again: failed, not moved for long, or done but its PDF
    record gone; not while it is on its way, nor once its PDF is stored."""
    if job.status in PENDING:
        return _stale(job, timezone.now())
    if job.status == JobStatus.DONE:
        return not _stored(job)
    return True


def retry(job: RenderJob) -> bool:
    """Staff queue a job again, its tries counted from zero (``retryable``); False when there
    was nothing to do."""
    if not retryable(job):
        return False
    before = job.ticket
    job = _requeue(job, origin=JobOrigin.STAFF, attempts=0)
    return job.ticket != before


def _render(job: RenderJob) -> Rendition:
    if job.kind == Kind.PROJECT:
        project = (
            Project.objects.published(include_superseded=True)
            .filter(pk=job.project_id)
            .select_related("disclosure__department")
            .first()
        )
        if project is None:
            raise NotPublic("该版次已不再公开（已撤回），不再生成 PDF。")
        return services.project_rendition(project)
    # The document as it stands: should a correction or a withdrawal have changed it since
    # the job was queued, the current one is what its readers will ask for.
    rendition = services.disclosure_rendition(job.disclosure)
    if rendition is None:
        raise NotPublic("该公开文本已没有公开的项目，不再生成 PDF。")
    return rendition


def _failed(job: RenderJob, error: Exception) -> None:
    if isinstance(error, NotPublic):
        reason = str(error)
    else:
        reason = f"{type(error).__name__}: {error}"
    reason = reason[:ERROR_LIMIT]
    if not isinstance(error, NotPublic) and job.attempts < settings.PDF_JOB_ATTEMPTS:
        pause = backoff(job.attempts)
        log.warning(
            "Rendering PDF job %s failed (try %s of %s), trying again in %s s: %s",
            job.pk,
            job.attempts,
            settings.PDF_JOB_ATTEMPTS,
            int(pause.total_seconds()),
            reason,
        )
        _requeue(job, origin=job.origin, delay=pause, error=reason)
        return
    log.error("Rendering PDF job %s failed after %s tries: %s", job.pk, job.attempts, reason)
    now = timezone.now()
    RenderJob.objects.filter(pk=job.pk, ticket=job.ticket, status=JobStatus.RUNNING).update(
        status=JobStatus.FAILED, error=reason, finished_at=now, updated_at=now
    )


@task()
def render_pdf(job_id: int, ticket: int) -> str:
    """Render and store the PDF of one job (in the worker, ``manage.py db_worker``)."""
    now = timezone.now()
    claimed = RenderJob.objects.filter(pk=job_id, ticket=ticket, status=JobStatus.QUEUED).update(
        status=JobStatus.RUNNING, attempts=F("attempts") + 1, started_at=now, updated_at=now
    )
    if not claimed:
        return "superseded"  # queued again meanwhile, or rendered by render_pdfs
    job = RenderJob.objects.select_related("disclosure__department").get(pk=job_id)
    try:
        rendition = _render(job)
    except Exception as error:
        _failed(job, error)
        raise  # the queue's own record of the task keeps the traceback
    now = timezone.now()
    RenderJob.objects.filter(pk=job_id, ticket=ticket, status=JobStatus.RUNNING).update(
        status=JobStatus.DONE, rendition=rendition, error="", finished_at=now, updated_at=now
    )
    return "done"


def missing(documents: Iterable[services.DocumentPdfs]) -> list[Wanted]:
    """The PDFs of these documents that are not stored."""
    wanted = []
    for document in documents:
        if document.rendition is None:
            wanted.append(Wanted.disclosure(document.disclosure, document.key))
        wanted += [Wanted.project(p) for p, rendition in document.projects if rendition is None]
    return wanted
