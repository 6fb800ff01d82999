"""The answer to a reader whose PDF (or zip of PDFs) is not stored yet: a Chinese page that
says it is being made and refreshes itself, while a worker renders it.

503 with Retry-After, not 202: a download that answers 202 is taken as done by the tools
auditors script (wget and curl save the page as the .pdf and report success; a 503 is an
error they retry after Retry-After), and crawlers keep a 2xx page as the address's content.
``Cache-Control: no-store``: no browser, proxy or stored page (``infra/pagecache.py`` keeps
only 200s) may keep it in place of the PDF.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.conf import settings
from django.shortcuts import render

from .models import JobStatus, RenderJob

# When every missing PDF has failed, refreshing changes nothing until staff act: ask again in
# an hour, and do not refresh.
FAILED_RETRY_SECONDS = 3600


def not_ready(
    request,
    jobs: Sequence[RenderJob],
    *,
    title: str,
    page_url: str | None = None,
    total: int = 1,
    ready: int = 0,
):
    """The page for ``title`` whose missing PDFs are ``jobs`` (``total`` PDFs in all, of
    which ``ready`` are stored: a zip's)."""
    failed = sum(job.status == JobStatus.FAILED for job in jobs)
    # Every missing PDF has a job, and every one of them has failed.
    stuck = bool(jobs) and failed == len(jobs) == total - ready
    wait = FAILED_RETRY_SECONDS if stuck else settings.PDF_PENDING_RETRY_SECONDS
    response = render(
        request,
        "publications/pending.html",
        {
            "title": title,
            "page_url": page_url,
            "bundle": total > 1,
            "total": total,
            "ready": ready,
            "failed": failed,
            "stuck": stuck,
            "refresh": None if stuck else wait,
            "again_url": request.get_full_path(),
        },
        status=503,
    )
    response["Retry-After"] = str(wait)
    response["Cache-Control"] = "no-store"
    return response
