"""The seed rendered once per test session: PDFs are slow to make and pure given the records."""

from __future__ import annotations

import io
import subprocess
from dataclasses import dataclass

import pytest
from django.conf import settings
from django.db import transaction

from tests.conftest import SEED_JSON


class _Rollback(Exception):
    pass


@pytest.hookimpl(tryfirst=True)  # before pytest-django's, which orders the tests by it
def pytest_collection_modifyitems(items):
    """A test that reads the seed's PDFs needs the test database even if it asks for nothing
    else: pytest-django creates it only for the collected tests marked as using it, so
    without the mark such a test run alone found no tables."""
    for item in items:
        if "seed_pdfs" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.django_db)


@dataclass(frozen=True)
class SeedPdfs:
    project: object  # render.RenderedPdf of project 1
    disclosure: object  # render.RenderedPdf of the whole document
    tree: dict  # the export the attachments should hold, for project 1


@pytest.fixture(scope="session")
def seed_pdfs(django_db_setup, django_db_blocker) -> SeedPdfs:
    import json

    from projects import exports, selectors
    from projects.models import Project
    from projects.services import load_disclosure_tree
    from publications import render

    result = {}
    with django_db_blocker.unblock():
        try:
            with transaction.atomic():
                tree = json.loads(SEED_JSON.read_text(encoding="utf-8"))
                disclosure = load_disclosure_tree(tree, publish=True).disclosure
                projects = list(
                    selectors.with_tree(Project.objects.filter(disclosure=disclosure)).order_by(
                        "sequence"
                    )
                )
                result["project"] = render.project_pdf(projects[0])
                result["disclosure"] = render.disclosure_pdf(disclosure, projects)
                result["tree"] = exports.disclosure_tree(
                    disclosure, projects[:1], settings.PORTAL["base_url"]
                )
                raise _Rollback
        except _Rollback:
            pass
    return SeedPdfs(**result)


def pdf_text(content: bytes, first: int | None = None, last: int | None = None) -> str:
    """The text of a PDF as poppler's pdftotext reads it (through the fonts' ToUnicode maps)."""
    args = ["pdftotext", "-layout"]
    if first:
        args += ["-f", str(first)]
    if last:
        args += ["-l", str(last)]
    return subprocess.run(
        [*args, "-", "-"], input=content, capture_output=True, check=True
    ).stdout.decode()


def reader(content: bytes):
    from pypdf import PdfReader

    return PdfReader(io.BytesIO(content))
