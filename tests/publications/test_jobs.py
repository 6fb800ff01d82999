"""PDFs are rendered by jobs in the database's queue, never in a request: queued on publication
and by a first reader (once per PDF), retried with growing pauses, then failed for staff to see
and queue again; readers meanwhile get a page that says so and refreshes itself."""

from __future__ import annotations

import io
import zipfile
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from projects.models import Department, Project, Status
from projects.roles import ADMINISTRATOR, CLERK, REVIEWER
from publications import jobs, render, services
from publications.models import JobOrigin, JobStatus, Kind, RenderJob, Rendition
from tests.accounts import staff_client
from tests.conftest import force_status
from tests.jobs import run_queued_jobs

pytestmark = pytest.mark.django_db


class RenderSwitch:
    """Rendering fails the test while refused (``refuse()``, the start), and works again once
    the test runs the queue itself (``allow()``)."""

    def __init__(self, monkeypatch):
        self.monkeypatch = monkeypatch
        self.real = {"project_pdf": render.project_pdf, "disclosure_pdf": render.disclosure_pdf}
        self.refuse()

    @staticmethod
    def _refused(*args, **kwargs):
        raise AssertionError("a PDF was rendered inside a request")

    def refuse(self):
        for name in self.real:
            self.monkeypatch.setattr(render, name, self._refused)

    def allow(self):
        for name, function in self.real.items():
            self.monkeypatch.setattr(render, name, function)


@pytest.fixture
def no_render_in_request(monkeypatch):
    return RenderSwitch(monkeypatch)


def pdf_url(project, revision=None):
    if revision is None:
        return reverse("publications:project-pdf", args=[project.lineage])
    return reverse("publications:project-revision-pdf", args=[project.lineage, revision])


def queued_tasks() -> int:
    return DBTaskResult.objects.filter(status=TaskResultStatus.READY).count()


def test_first_readers_get_a_page_that_refreshes_and_queue_one_job(
    client, seed, no_render_in_request
):
    project = Project.objects.get(sequence=1)
    for _ in range(3):
        response = client.get(pdf_url(project))
        assert response.status_code == 503
        assert response["Retry-After"] == "10"
        assert response["Cache-Control"] == "no-store"
        assert response["Content-Type"].startswith("text/html")
        # An HTML page under the site's policy (the PDFs themselves are exempt).
        assert "script-src 'self'" in response["Content-Security-Policy"]
        html = response.content.decode()
        assert "PDF 正在生成" in html and project.name in html
        assert '<meta http-equiv="refresh" content="10">' in html
        assert f'href="{project.get_absolute_url()}"' in html  # the page meanwhile
        assert "<script" not in html
    job = RenderJob.objects.get()
    assert (job.kind, job.project, job.status, job.origin) == (
        Kind.PROJECT,
        project,
        JobStatus.QUEUED,
        JobOrigin.READER,
    )
    assert queued_tasks() == 1

    no_render_in_request.allow()
    assert run_queued_jobs() == 1
    job.refresh_from_db()
    assert job.status == JobStatus.DONE and job.attempts == 1
    assert job.rendition == Rendition.objects.get(project=project)
    response = client.get(pdf_url(project))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "Content-Security-Policy" not in response


def test_a_revision_pdf_not_ready_links_to_that_revision(client, seed, no_render_in_request):
    project = Project.objects.get(sequence=1)
    html = client.get(pdf_url(project, 1)).content.decode()
    assert f'href="{project.get_revision_url()}"' in html


def test_hidden_projects_pdfs_are_404_and_queue_nothing(client, seed, no_render_in_request):
    project = Project.objects.get(sequence=1)
    force_status(Project.objects.filter(pk=project.pk), Status.DRAFT)
    assert client.get(pdf_url(project)).status_code == 404
    assert client.get(pdf_url(project, 1)).status_code == 404
    assert not RenderJob.objects.exists() and queued_tasks() == 0


def test_the_document_pdf_is_queued_as_it_stands(client, seed, no_render_in_request):
    url = reverse("publications:disclosure-pdf", args=["chengjiang-zzb", 2024])
    response = client.get(url)
    assert response.status_code == 503
    assert seed.title in response.content.decode()
    client.get(url)
    job = RenderJob.objects.get()
    assert job.kind == Kind.DISCLOSURE and job.project is None
    assert job.content_key == services.content_key(list(Project.objects.published()))

    # A withdrawal makes another document: another job; the first still renders what stands.
    force_status(Project.objects.filter(sequence=2), Status.WITHDRAWN)
    client.get(url)
    assert RenderJob.objects.count() == 2
    no_render_in_request.allow()
    run_queued_jobs()
    assert set(RenderJob.objects.values_list("status", flat=True)) == {JobStatus.DONE}
    assert Rendition.objects.filter(kind=Kind.DISCLOSURE).count() == 1  # rendered once
    assert client.get(url).status_code == 200


def test_the_year_zip_waits_until_every_pdf_is_stored(client, seed, no_render_in_request):
    no_render_in_request.allow()
    services.project_rendition(Project.objects.get(sequence=1))  # one of the three is there
    no_render_in_request.refuse()
    url = reverse("publications:year-zip", args=[2024])
    department_url = reverse("publications:department-zip", args=[2024, "chengjiang-zzb"])
    for address in (url, url, department_url):
        response = client.get(address)
        assert response.status_code == 503
        assert response["Cache-Control"] == "no-store" and response["Retry-After"] == "10"
        html = response.content.decode()
        assert "压缩包正在准备" in html and "共 3 份 PDF，已生成 1 份" in html
    # The two missing ones, each queued once.
    assert RenderJob.objects.count() == 2 and queued_tasks() == 2
    assert set(RenderJob.objects.values_list("kind", flat=True)) == {Kind.PROJECT, Kind.DISCLOSURE}

    no_render_in_request.allow()
    run_queued_jobs()
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content))) as archive:
        assert len([n for n in archive.namelist() if n.endswith(".pdf")]) == 3


def test_the_year_zip_reads_what_is_stored_in_a_few_queries(
    client, seed, django_assert_max_num_queries
):
    call_command("render_pdfs", verbosity=0)
    # The disclosures, their live projects, the projects' PDFs, the documents' PDFs; then the
    # stored files are streamed. Not one query per project or per department.
    with django_assert_max_num_queries(4):
        response = client.get(reverse("publications:year-zip", args=[2024]))
        assert response.status_code == 200
    b"".join(response.streaming_content)


def test_a_failing_render_is_tried_again_after_growing_pauses_then_failed(
    client, seed, settings, monkeypatch
):
    settings.PDF_JOB_ATTEMPTS = 3

    def broken(*args, **kwargs):
        raise RuntimeError("找不到字体")

    monkeypatch.setattr(render, "project_pdf", broken)
    project = Project.objects.get(sequence=1)
    client.get(pdf_url(project))
    job = RenderJob.objects.get()

    pauses = []
    for attempt in (1, 2):
        before = job.run_after
        assert run_queued_jobs(at=before) == 1
        job.refresh_from_db()
        assert (job.status, job.attempts) == (JobStatus.QUEUED, attempt)
        assert job.error == "RuntimeError: 找不到字体"
        pauses.append(job.run_after - timezone.now())
        # It waits out its pause: the worker does not take it before.
        assert run_queued_jobs() == 0
        assert run_queued_jobs(at=job.run_after - timedelta(seconds=1)) == 0
    assert timedelta(seconds=25) < pauses[0] <= timedelta(seconds=30)
    assert timedelta(seconds=115) < pauses[1] <= timedelta(seconds=120)

    assert run_queued_jobs(at=job.run_after) == 1
    job.refresh_from_db()
    assert (job.status, job.attempts) == (JobStatus.FAILED, 3)
    assert job.error == "RuntimeError: 找不到字体" and job.finished_at is not None
    assert DBTaskResult.objects.filter(status=TaskResultStatus.FAILED).count() == 3

    # Readers are told, and do not set the failing render off again.
    response = client.get(pdf_url(project))
    assert response.status_code == 503
    assert response["Retry-After"] == "3600"
    html = response.content.decode()
    assert "PDF 暂时无法生成" in html and 'http-equiv="refresh"' not in html
    assert queued_tasks() == 0

    # Staff queue it again, its tries from zero; this time it renders.
    monkeypatch.undo()
    assert jobs.retry(job)
    job.refresh_from_db()
    assert (job.status, job.attempts, job.origin) == (JobStatus.QUEUED, 0, JobOrigin.STAFF)
    assert not jobs.retry(job)  # on its way already
    assert run_queued_jobs() == 1
    job.refresh_from_db()
    assert (job.status, job.attempts, job.error) == (JobStatus.DONE, 1, "")
    assert client.get(pdf_url(project)).status_code == 200


def test_a_job_whose_record_was_withdrawn_fails_without_retrying(seed):
    project = Project.objects.get(sequence=1)
    job = jobs.request_project_pdf(project)
    force_status(Project.objects.filter(pk=project.pk), Status.WITHDRAWN)
    assert run_queued_jobs() == 1
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED and job.attempts == 1
    assert "不再公开" in job.error
    assert not Rendition.objects.exists()


def test_a_stale_job_is_queued_again_and_its_old_task_does_nothing(client, seed, monkeypatch):
    project = Project.objects.get(sequence=1)
    job = jobs.request_project_pdf(project)
    # Its worker was killed mid-render an hour ago.
    RenderJob.objects.filter(pk=job.pk).update(
        status=JobStatus.RUNNING, started_at=timezone.now() - timedelta(hours=1)
    )
    assert jobs.retryable(RenderJob.objects.get())
    client.get(pdf_url(project))
    job.refresh_from_db()
    assert (job.status, job.ticket) == (JobStatus.QUEUED, 2)
    assert queued_tasks() == 2  # the lost one, and the new one

    calls = []
    real = render.project_pdf
    monkeypatch.setattr(render, "project_pdf", lambda p: calls.append(p) or real(p))
    assert run_queued_jobs() == 2
    assert len(calls) == 1  # the outdated ticket did nothing
    results = set(DBTaskResult.objects.values_list("return_value", flat=True))
    assert results == {"done", "superseded"}


def test_a_done_job_whose_pdf_record_is_gone_is_queued_again(client, seed):
    project = Project.objects.get(sequence=1)
    jobs.request_project_pdf(project)
    run_queued_jobs()
    Rendition.objects.all().delete()  # as render_pdfs --force does, midway
    assert client.get(pdf_url(project)).status_code == 503
    assert RenderJob.objects.get().status == JobStatus.QUEUED
    run_queued_jobs()
    assert client.get(pdf_url(project)).status_code == 200


def test_render_pdfs_renders_at_once_and_settles_the_jobs(seed, monkeypatch):
    project = Project.objects.get(sequence=1)
    job = jobs.request_project_pdf(project)
    RenderJob.objects.filter(pk=job.pk).update(status=JobStatus.FAILED, error="上次失败")
    call_command("render_pdfs", verbosity=0)
    job.refresh_from_db()
    assert (job.status, job.error) == (JobStatus.DONE, "")
    assert job.rendition == Rendition.objects.get(project=project)


def test_publishing_queues_nothing_when_switched_off(
    settings, seed_tree, django_capture_on_commit_callbacks
):
    from projects.services import load_disclosure_tree

    settings.RENDER_PDFS_ON_PUBLISH = False
    with django_capture_on_commit_callbacks(execute=True):
        load_disclosure_tree(seed_tree, publish=True)
    assert not RenderJob.objects.exists() and queued_tasks() == 0


def test_publishing_a_correction_queues_its_pdf_and_the_new_document(
    settings, seed, django_user_model, django_capture_on_commit_callbacks, monkeypatch
):
    from projects import workflow

    settings.RENDER_PDFS_ON_PUBLISH = True
    call_command("render_pdfs", verbosity=0)
    clerk = django_user_model.objects.create_user("clerk", is_staff=True)
    reviewer = django_user_model.objects.create_user("reviewer", is_staff=True)
    live = Project.objects.get(sequence=1)
    correction = workflow.create_correction(live, clerk)
    # The seed's declared total is short of its parts, an error that blocks submission.
    Project.objects.filter(pk=correction.pk).update(
        declared_total=correction.itemised_total, declared_total_text=""
    )
    correction = workflow.submit(Project.objects.get(pk=correction.pk), clerk)

    def refuse(*args, **kwargs):
        raise AssertionError("rendered while publishing")

    monkeypatch.setattr(render, "project_pdf", refuse)
    monkeypatch.setattr(render, "disclosure_pdf", refuse)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.publish(correction, reviewer, explanation="已核实。", correction_note="更正。")
    queued = RenderJob.objects.filter(status=JobStatus.QUEUED, origin=JobOrigin.PUBLISH)
    assert {(job.kind, job.project_id) for job in queued} == {
        (Kind.PROJECT, correction.pk),
        (Kind.DISCLOSURE, None),
    }
    assert queued_tasks() == 2


def test_queuing_after_publication_costs_a_few_queries_whatever_the_size(
    seed, django_assert_max_num_queries
):
    project = Project.objects.get(sequence=1)
    # The revision, its PDF, the live set, the document's PDF; then for each of the two PDFs:
    # look for its job, and in a savepoint create it and its task (5).
    with django_assert_max_num_queries(14):
        jobs.queue_after_publish(project.pk)
    assert RenderJob.objects.count() == 2
    with django_assert_max_num_queries(6):
        jobs.queue_after_publish(project.pk)  # already queued: reads only
    assert RenderJob.objects.count() == 2 and queued_tasks() == 2


# --- The admin ------------------------------------------------------------------------------


@pytest.fixture
def failed_job(seed):
    project = Project.objects.get(sequence=1)
    job = jobs.request_project_pdf(project)
    DBTaskResult.objects.all().delete()
    RenderJob.objects.filter(pk=job.pk).update(
        status=JobStatus.FAILED, attempts=4, error="RuntimeError: 找不到字体"
    )
    return RenderJob.objects.get(pk=job.pk)


def test_staff_see_their_departments_jobs_with_state_and_reason(django_user_model, failed_job):
    department = failed_job.disclosure.department
    elsewhere = Department.objects.create(name="另一单位", slug="other", region=department.region)
    clerk = staff_client(django_user_model, "clerk", CLERK, department)
    administrator = staff_client(django_user_model, "admin", ADMINISTRATOR, department)
    stranger = staff_client(django_user_model, "stranger", REVIEWER, elsewhere)
    superuser = Client()
    superuser.force_login(django_user_model.objects.create_superuser("root"))
    changelist = reverse("admin:publications_renderjob_changelist")
    change = reverse("admin:publications_renderjob_change", args=[failed_job.pk])

    for client in (clerk, administrator, superuser):
        page = client.get(changelist)
        assert page.status_code == 200
        html = page.content.decode()
        assert "PDF 生成任务" in html and "失败" in html and "找不到字体" in html
        assert "干部教育培训专项资金" in html
        assert "重新生成所选 PDF" in html
    assert stranger.get(changelist).context["cl"].result_count == 0
    assert stranger.get(change).status_code == 302  # as absent as a deleted one
    # The queue's own rows are not an admin page of their own (nor in English).
    index = superuser.get(reverse("admin:index")).content.decode()
    assert "PDF 生成任务" in index and "Task Result" not in index

    detail = clerk.get(change).content.decode()
    assert "RuntimeError: 找不到字体" in detail and "重新生成</button>" in detail
    stranger.post(reverse("admin:publications_renderjob_retry", args=[failed_job.pk]))
    assert RenderJob.objects.get().status == JobStatus.FAILED  # not theirs to retry
    assert (
        clerk.get(reverse("admin:publications_renderjob_retry", args=[failed_job.pk])).status_code
        == 405
    )

    response = clerk.post(reverse("admin:publications_renderjob_retry", args=[failed_job.pk]))
    assert response.status_code == 302 and response["Location"] == change
    job = RenderJob.objects.get()
    assert (job.status, job.attempts, job.origin) == (JobStatus.QUEUED, 0, JobOrigin.STAFF)
    assert queued_tasks() == 1
    assert "重新生成</button>" not in clerk.get(change).content.decode()  # on its way


def test_the_retry_action_queues_the_selected_failed_jobs(django_user_model, failed_job):
    reviewer = staff_client(
        django_user_model, "reviewer", REVIEWER, failed_job.disclosure.department
    )
    response = reviewer.post(
        reverse("admin:publications_renderjob_changelist"),
        {"action": "retry_selected", "_selected_action": [failed_job.pk]},
        follow=True,
    )
    assert "已重新排队 1 个 PDF 生成任务" in response.content.decode()
    assert RenderJob.objects.get().status == JobStatus.QUEUED and queued_tasks() == 1
    response = reviewer.post(
        reverse("admin:publications_renderjob_changelist"),
        {"action": "retry_selected", "_selected_action": [failed_job.pk]},
        follow=True,
    )
    assert "未作改动" in response.content.decode() and queued_tasks() == 1


def test_the_jobs_page_reads_a_fixed_number_of_queries(
    admin_client, seed, django_assert_max_num_queries
):
    for project in Project.objects.all():
        jobs.request_project_pdf(project)
    jobs.request_disclosure_pdf(seed, services.content_key(list(Project.objects.published())))
    # Session, user, the two counts, and the page of jobs with their project, document,
    # department and file in one query: not one per row.
    with django_assert_max_num_queries(5):
        response = admin_client.get(reverse("admin:publications_renderjob_changelist"))
    assert response.status_code == 200 and response.context["cl"].result_count == 3
