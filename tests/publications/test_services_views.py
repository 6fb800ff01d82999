"""Rendered once at publication, stored, served with the right headers, bundled by year."""

from __future__ import annotations

import hashlib
import io
import zipfile
from urllib.parse import quote

import pytest
from django.core.management import call_command
from django.urls import reverse

from projects.models import Project, Status
from publications import checks, render, services
from publications.models import JobStatus, Kind, RenderJob, Rendition
from tests.conftest import force_status
from tests.jobs import run_queued_jobs

pytestmark = pytest.mark.django_db


def test_publishing_queues_project_and_document_pdfs_after_commit(
    settings, seed_tree, django_capture_on_commit_callbacks
):
    from projects.services import load_disclosure_tree

    settings.RENDER_PDFS_ON_PUBLISH = True
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        load_disclosure_tree(seed_tree, publish=True)
        assert not RenderJob.objects.exists()  # nothing inside the publishing transaction
    for callback in callbacks:
        callback()
    assert not Rendition.objects.exists()  # queued, not rendered
    assert RenderJob.objects.filter(status=JobStatus.QUEUED).count() == 3
    assert run_queued_jobs() == 3
    assert set(RenderJob.objects.values_list("status", flat=True)) == {JobStatus.DONE}
    assert Rendition.objects.filter(kind=Kind.PROJECT).count() == 2
    assert Rendition.objects.filter(kind=Kind.DISCLOSURE).count() == 1
    for rendition in Rendition.objects.all():
        with rendition.file.open("rb") as stored:
            data = stored.read()
        assert len(data) == rendition.size
        assert hashlib.sha256(data).hexdigest() == rendition.sha256
        assert [a["name"] for a in rendition.attachments] == sorted(
            a["name"] for a in rendition.attachments
        )


def test_revision_pdf_is_served_with_etag_length_filename_and_long_cache(client, seed):
    project = Project.objects.get(sequence=1)
    url = reverse("publications:project-revision-pdf", args=[project.lineage, project.revision])
    assert client.get(url).status_code == 503  # queued by its first reader
    run_queued_jobs()
    response = client.get(url)
    assert response.status_code == 200
    body = b"".join(response.streaming_content)
    rendition = Rendition.objects.get(project=project)
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Length"] == str(len(body)) == str(rendition.size)
    assert response["ETag"] == f'"{rendition.sha256}"'
    assert hashlib.sha256(body).hexdigest() == rendition.sha256
    assert "max-age=31536000" in response["Cache-Control"]
    assert "immutable" in response["Cache-Control"]
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert "filename*=utf-8''" + quote(
        "澄江市委组织部2024年-项目1-干部教育培训专项资金-第1版.pdf"
    ) in (disposition)

    again = client.get(url, HTTP_IF_NONE_MATCH=f'"{rendition.sha256}"')
    assert again.status_code == 304


def test_stored_pdf_is_served_without_rendering(client, seed, monkeypatch):
    project = Project.objects.get(sequence=1)
    services.project_rendition(project)
    call_count = Rendition.objects.count()

    def refuse(*args, **kwargs):
        raise AssertionError("rendered again")

    monkeypatch.setattr(render, "project_pdf", refuse)
    response = client.get(reverse("publications:project-pdf", args=[project.lineage]))
    assert response.status_code == 200
    assert "max-age=300" in response["Cache-Control"]  # the permalink moves on correction
    assert Rendition.objects.count() == call_count


def test_project_page_shows_pdf_size_checksum_and_alternate_link(client, seed):
    project = Project.objects.get(sequence=1)
    rendition = services.project_rendition(project)
    html = client.get(project.get_absolute_url()).content.decode()
    pdf_url = reverse("publications:project-revision-pdf", args=[project.lineage, 1])
    assert f'<link rel="alternate" type="application/pdf" href="{pdf_url}"' in html
    assert rendition.sha256 in html
    assert f"{rendition.pages} 页" in html


def test_disclosure_pdf_follows_the_live_projects(client, seed):
    url = reverse("publications:disclosure-pdf", args=["chengjiang-zzb", 2024])
    assert client.get(url).status_code == 503
    run_queued_jobs()
    first = client.get(url)
    assert first.status_code == 200
    assert Rendition.objects.filter(kind=Kind.DISCLOSURE).count() == 1
    force_status(Project.objects.filter(sequence=2), Status.WITHDRAWN)
    assert client.get(url).status_code == 503  # a new document, queued
    run_queued_jobs()
    second = client.get(url)
    assert second["ETag"] != first["ETag"]
    assert Rendition.objects.filter(kind=Kind.DISCLOSURE).count() == 2
    disclosure_html = client.get(seed.get_absolute_url()).content.decode()
    assert Rendition.objects.filter(kind=Kind.DISCLOSURE).latest("pk").sha256 in disclosure_html


def test_unknown_or_hidden_pdfs_are_404(client, seed):
    project = Project.objects.get(sequence=1)
    assert (
        client.get(
            reverse("publications:project-revision-pdf", args=[project.lineage, 2])
        ).status_code
        == 404
    )
    force_status(Project.objects.filter(pk=project.pk), Status.DRAFT)
    assert (
        client.get(reverse("publications:project-pdf", args=[project.lineage])).status_code == 404
    )
    assert client.get(reverse("publications:year-zip", args=[1999])).status_code == 404
    assert (
        client.get(reverse("publications:department-zip", args=[2024, "no-such"])).status_code
        == 404
    )


def test_year_zip_streams_every_live_pdf_with_checksums(client, seed):
    assert client.get(reverse("publications:year-zip", args=[2024])).status_code == 503
    run_queued_jobs()
    response = client.get(reverse("publications:year-zip", args=[2024]))
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "application/zip"
    chunks = list(response.streaming_content)
    assert len(chunks) > 3  # written out as it goes, not in one piece
    with zipfile.ZipFile(io.BytesIO(b"".join(chunks))) as archive:
        assert archive.testzip() is None
        names = archive.namelist()
        assert names[-1] == "SHA256SUMS.txt"
        pdfs = [n for n in names if n.endswith(".pdf")]
        assert len(pdfs) == 3
        assert all(n.startswith("澄江市委组织部/") for n in pdfs)
        sums = dict(
            reversed(line.split("  ", 1))
            for line in archive.read("SHA256SUMS.txt").decode().splitlines()
        )
        for name in pdfs:
            assert hashlib.sha256(archive.read(name)).hexdigest() == sums[name]
    department = client.get(reverse("publications:department-zip", args=[2024, "chengjiang-zzb"]))
    assert department.status_code == 200
    assert "filename*=utf-8''" in department["Content-Disposition"]


def test_the_same_published_pdfs_give_the_same_zip_and_a_validator(client, seed):
    from datetime import timedelta
    from unittest import mock

    from django.utils import timezone

    url = reverse("publications:year-zip", args=[2024])
    assert client.get(url).status_code == 503  # its PDFs are queued
    run_queued_jobs()
    first = client.get(url)
    body = b"".join(first.streaming_content)
    later = timezone.now() + timedelta(minutes=3)
    with (
        mock.patch("django.utils.timezone.now", return_value=later),
        mock.patch("zipfile.time.time", return_value=later.timestamp()),
    ):
        again = client.get(url)
        assert b"".join(again.streaming_content) == body  # byte for byte, minutes later
    assert first["ETag"] == again["ETag"] and first["ETag"].startswith('"')
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        sums = archive.getinfo("SHA256SUMS.txt").date_time
        newest = max(r.published_at for r in Rendition.objects.all())
        # Dated as its newest PDF (a zip keeps seconds in steps of two).
        assert sums == (*newest.timetuple()[:5], newest.second // 2 * 2)
    # A reader that has it is told nothing changed, without the bytes.
    unchanged = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert unchanged.status_code == 304
    assert not getattr(unchanged, "streaming_content", b"") and not unchanged.content
    assert client.get(url, HTTP_IF_NONE_MATCH='"other"').status_code == 200
    # A new revision is a new archive, and a new validator.
    project = Project.objects.filter(status=Status.PUBLISHED).first()
    Rendition.objects.filter(project=project).update(sha256="0" * 64)
    assert client.get(url)["ETag"] != first["ETag"]


def test_render_pdfs_command_renders_each_once(seed, capsys):
    call_command("render_pdfs", verbosity=0)
    assert Rendition.objects.count() == 3
    before = set(Rendition.objects.values_list("sha256", flat=True))
    call_command("render_pdfs", verbosity=0)
    assert Rendition.objects.count() == 3
    call_command("render_pdfs", "--force", verbosity=0)
    assert set(Rendition.objects.values_list("sha256", flat=True)) == before  # same bytes
    assert "3 份" in capsys.readouterr().out


def test_start_up_checks_report_missing_harfbuzz_subset_and_fonts(monkeypatch):
    assert checks.check_renderer() == []  # the set-up installed both
    monkeypatch.setattr(checks, "harfbuzz_subset_loaded", lambda: False)
    monkeypatch.setattr(checks, "FONTS", ("Noto Serif CJK SC", "没有这种字体 Sans"))
    ids = {problem.id for problem in checks.check_renderer()}
    assert ids == {"publications.W001", "publications.E001"}


def test_pdfs_go_through_the_storage_api_not_the_file_system(client, seed, settings, media_root):
    """With an in-memory storage configured, PDFs are stored, served and zipped from it."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }
    project = Project.objects.get(sequence=1)
    url = reverse("publications:project-revision-pdf", args=[project.lineage, 1])
    client.get(reverse("publications:year-zip", args=[2024]))  # queues every PDF of the year
    run_queued_jobs()
    body = b"".join(client.get(url).streaming_content)
    rendition = Rendition.objects.get(project=project)
    assert hashlib.sha256(body).hexdigest() == rendition.sha256
    assert not media_root.exists() or not any(media_root.rglob("*.pdf"))
    archive = b"".join(client.get(reverse("publications:year-zip", args=[2024])).streaming_content)
    with zipfile.ZipFile(io.BytesIO(archive)) as bundle:
        assert len([n for n in bundle.namelist() if n.endswith(".pdf")]) == 3
