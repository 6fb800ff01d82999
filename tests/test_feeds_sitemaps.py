"""Atom feed and sitemap: every public page listed, nothing that is not public."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from projects.models import Project, Status
from tests.conftest import force_status

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def test_atom_feed_lists_published_projects(client, seed):
    response = client.get(reverse("feed"))
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    titles = [entry.findtext(f"{ATOM}title") for entry in feed.iter(f"{ATOM}entry")]
    assert len(titles) == 2
    assert any("干部教育培训专项资金" in t for t in titles)
    authors = {entry.findtext(f"{ATOM}author/{ATOM}name") for entry in feed.iter(f"{ATOM}entry")}
    assert authors == {"中共澄江市委组织部"}


def test_feed_leaves_out_drafts(client, seed):
    force_status(Project.objects.filter(sequence=1), Status.DRAFT)
    assert "干部教育培训专项资金" not in client.get(reverse("feed")).content.decode()


def test_sitemap_lists_every_public_page(client, seed):
    root = ET.fromstring(client.get(reverse("sitemap")).content)
    paths = {loc.text.split("testserver", 1)[1] for loc in root.iter(f"{SITEMAP}loc")}
    expected = {reverse("projects:home"), reverse("projects:documents"), seed.get_absolute_url()}
    expected |= {p.get_absolute_url() for p in Project.objects.published()}
    assert expected <= paths
    assert sum(1 for p in paths if p.startswith("/documents/")) == 1 + 55
    for path in paths:
        assert client.get(path).status_code == 200, path


def test_sitemap_leaves_out_drafts(client, seed):
    draft = Project.objects.get(sequence=2)
    force_status(Project.objects.filter(pk=draft.pk), Status.SUBMITTED)
    body = client.get(reverse("sitemap")).content.decode()
    assert str(draft.lineage) not in body


def test_every_page_advertises_the_feed(client, seed):
    html = client.get(reverse("projects:home")).content.decode()
    assert 'type="application/atom+xml"' in html
