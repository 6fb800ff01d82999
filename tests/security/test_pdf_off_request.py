"""From the attacker's side: a burst of first readers of PDFs nobody has rendered yet (a new
publication with RENDER_PDFS_ON_PUBLISH=0, or a year's zip) cannot tie up the web workers.

Each request renders nothing: it answers a small "being generated" page at once, and the PDF
is queued exactly once however many ask at the same moment, however they vary the address.
The requests run in threads with their own database connections, against committed records,
as concurrent requests to the app servers would.
"""

from __future__ import annotations

import threading
import time

import pytest
from django.db import connections
from django.test import Client
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from projects.models import Project
from publications import render
from publications.models import RenderJob

pytestmark = pytest.mark.django_db(transaction=True)

READERS = 12
# A render of the seed's project takes 2 to 3 s on the 2-core machine, its document longer: a
# request that rendered would take at least that. The requests here wait on one another and
# on PostgreSQL; each is a few queries.
QUICK = 1.5


@pytest.fixture
def rendering_forbidden(monkeypatch):
    """Every render attempted is recorded, and fails."""
    attempts = []

    def forbidden(*args, **kwargs):
        attempts.append(threading.current_thread().name)
        raise AssertionError("a PDF was rendered inside a request")

    monkeypatch.setattr(render, "project_pdf", forbidden)
    monkeypatch.setattr(render, "disclosure_pdf", forbidden)
    return attempts


def burst(url: str, method: str = "get") -> list[tuple[int, float, dict]]:
    """``READERS`` clients asking for ``url`` at the same moment, each with a query string of
    its own (a cache-buster): (status, seconds, headers) of each answer."""
    start = threading.Barrier(READERS)
    answers = [None] * READERS

    def reader(n: int) -> None:
        try:
            client = Client()
            start.wait()
            began = time.perf_counter()
            response = getattr(client, method)(f"{url}?n={n}")
            answers[n] = (response.status_code, time.perf_counter() - began, response)
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=reader, args=(n,), name=f"reader-{n}") for n in range(READERS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert all(answer is not None for answer in answers)
    return answers


def assert_not_ready_at_once(answers) -> None:
    for status, seconds, response in answers:
        assert status == 503
        assert seconds < QUICK, f"{seconds:.2f} s"
        assert response["Cache-Control"] == "no-store"
        assert int(response["Retry-After"]) > 0


@pytest.mark.parametrize("method", ["get", "head"])
def test_a_burst_of_first_readers_of_a_project_pdf_queues_one_job(
    seed, rendering_forbidden, method
):
    project = Project.objects.get(sequence=1)
    answers = burst(reverse("publications:project-pdf", args=[project.lineage]), method)
    assert_not_ready_at_once(answers)
    if method == "get":
        assert all("PDF 正在生成" in r.content.decode() for _, _, r in answers)
    assert not rendering_forbidden
    assert RenderJob.objects.count() == 1
    assert DBTaskResult.objects.count() == 1


def test_a_burst_of_first_readers_of_a_document_pdf_queues_one_job(seed, rendering_forbidden):
    answers = burst(reverse("publications:disclosure-pdf", args=["chengjiang-zzb", 2024]))
    assert_not_ready_at_once(answers)
    assert not rendering_forbidden
    assert RenderJob.objects.count() == 1
    assert DBTaskResult.objects.count() == 1


def test_a_burst_of_readers_of_a_year_zip_queues_each_missing_pdf_once(seed, rendering_forbidden):
    answers = burst(reverse("publications:year-zip", args=[2024]))
    assert_not_ready_at_once(answers)
    assert not rendering_forbidden
    # Two projects and their document: three PDFs, three jobs, three tasks.
    assert RenderJob.objects.count() == 3
    assert DBTaskResult.objects.count() == 3
