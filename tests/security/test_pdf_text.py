"""A record stored before the rule against control characters (or past it) still renders a
PDF without them: a BEL in a project's name would print as a .notdef box and break PDF/A-3B."""

from __future__ import annotations

import io

import pytest
from django.utils import timezone
from pypdf import PdfReader

from projects import selectors
from projects.models import Project
from publications import render

pytestmark = pytest.mark.django_db


def test_control_characters_stay_out_of_the_pdf(draft):
    # Past every entrance: a bulk update runs no validation.
    Project.objects.filter(pk=draft.pk).update(name="引领乡村\x07振兴\u200b工作经费\x1b")
    tree = selectors.with_tree(Project.objects.filter(pk=draft.pk)).get()
    tree.published_at = timezone.now()  # what the PDF prints, as the preview does
    source = render.project_source(tree)
    for char in "\x07\x1b\u200b":
        assert char not in source.html
    pdf = render.to_pdf(source)
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "引领乡村振兴工作经费" in text.replace("\n", "")
    assert "\x07" not in text and "\x1b" not in text
