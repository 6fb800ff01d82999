"""A draft, submitted or withdrawn project appears on no public page, and its URLs answer 404.

The test walks every public URL pattern: a new pattern without an entry here fails it.
"""

import io
import re
import zipfile

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from projects.models import Citation, Project, Status
from tests.conftest import force_status, pdf_attachments
from tests.jobs import run_queued_jobs

pytestmark = pytest.mark.django_db

DRAFT_NAME = "引领乡村振兴工作经费"
# A document only the hidden project cites, and words only it contains.
DRAFT_DOCUMENT = "澄办发〔2014〕104号"
DRAFT_WORDS = "意外伤害保险"


def _unzip(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {n: _characters(n, archive.read(n)) for n in archive.namelist()}


_REFERENCE = re.compile(rb"&#(x[0-9a-fA-F]+|[0-9]+);")


def _characters(name: str, data: bytes) -> bytes:
    """An XML part with its character references written out: openpyxl writes XLSX cells
    through lxml as ``&#24341;``, where a search for the UTF-8 bytes of 引 would find nothing
    and a leak would pass unseen."""
    if not name.endswith(".xml"):
        return data

    def character(match: re.Match) -> bytes:
        code = match.group(1).decode()
        return chr(int(code[1:], 16) if code.startswith("x") else int(code)).encode()

    return _REFERENCE.sub(character, data)


def public_pattern_names():
    names = set()

    def walk(patterns, namespace=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if pattern.namespace == "admin" or str(pattern.pattern).startswith("admin"):
                    continue
                walk(pattern.url_patterns, pattern.namespace or namespace)
            elif isinstance(pattern, URLPattern) and pattern.name:
                names.add(f"{namespace}:{pattern.name}" if namespace else pattern.name)

    walk(get_resolver().url_patterns)
    return names


@pytest.mark.parametrize("status", [Status.DRAFT, Status.SUBMITTED, Status.WITHDRAWN])
def test_hidden_projects_appear_nowhere(client, seed, status):
    hidden = Project.objects.get(name=DRAFT_NAME)
    force_status(Project.objects.filter(pk=hidden.pk), status)
    live = Project.objects.get(sequence=1)
    year, slug = live.disclosure.fiscal_year, live.disclosure.department.slug
    document = Citation.objects.get(project=hidden, cited_text__contains=DRAFT_DOCUMENT).document
    shared_document = Citation.objects.filter(project=live).first().document

    must_404 = {
        "projects:project": hidden.get_absolute_url(),
        "projects:project-revision": hidden.get_revision_url(),
        "projects:document": document.get_absolute_url(),
        "projects:project-compare": reverse(
            "projects:project-compare", args=[hidden.lineage, hidden.revision, hidden.revision + 1]
        ),
        "publications:project-pdf": reverse("publications:project-pdf", args=[hidden.lineage]),
        "publications:project-revision-pdf": reverse(
            "publications:project-revision-pdf", args=[hidden.lineage, hidden.revision]
        ),
        "opendata:project-data": reverse("opendata:project-data", args=[hidden.lineage, "json"]),
        "opendata:project-revision-data": reverse(
            "opendata:project-revision-data", args=[hidden.lineage, hidden.revision, "json"]
        ),
        "api:project": reverse("api:project", args=[hidden.lineage]),
        "api:project-revision": reverse("api:project-revision", args=[hidden.lineage, 1]),
        "api:document": reverse("api:document", args=[document.pk]),
    }
    # Every format of the hidden project's downloads, not only the one named above.
    extra_404 = [
        reverse(name, args=[*args, fmt])
        for fmt in ("csv", "xlsx")
        for name, args in (
            ("opendata:project-data", [hidden.lineage]),
            ("opendata:project-revision-data", [hidden.lineage, hidden.revision]),
        )
    ]
    # PDFs and zips: the hidden project is in no file name, no attached data, no checksum list.
    must_not_contain = {
        "publications:disclosure-pdf": reverse("publications:disclosure-pdf", args=[slug, year]),
        "publications:year-zip": reverse("publications:year-zip", args=[year]),
        "publications:department-zip": reverse("publications:department-zip", args=[year, slug]),
    }
    must_not_mention = {
        "projects:home": reverse("projects:home"),
        "projects:projects": reverse("projects:projects"),
        "projects:projects-csv": reverse("projects:projects-csv"),
        "projects:disclosures": reverse("projects:disclosures"),
        "projects:disclosure": live.disclosure.get_absolute_url(),
        "projects:documents": reverse("projects:documents"),
        "projects:search": reverse("projects:search") + f"?q={DRAFT_WORDS}",
        "feed": reverse("feed"),
        "sitemap": reverse("sitemap"),
        "health": reverse("health"),
        "opendata:index": reverse("opendata:index"),
        "opendata:api-docs": reverse("opendata:api-docs"),
        "api:projects": reverse("api:projects") + "?page_size=200",
        "api:disclosures": reverse("api:disclosures"),
        "api:disclosure": reverse("api:disclosure", args=[slug, year]),
        "api:departments": reverse("api:departments"),
        "api:documents": reverse("api:documents") + "?page_size=200",
        "api:openapi-json": reverse("api:openapi-json"),
    }
    # Open data files (zips and XLSX are unpacked): the hidden project is in none of them.
    data_files = {
        "opendata:disclosure-data": [
            reverse("opendata:disclosure-data", args=[slug, year, fmt])
            for fmt in ("json", "csv", "xlsx")
        ],
        "opendata:year-data": [reverse("opendata:year-data", args=[year])],
        "opendata:all-data": [reverse("opendata:all-data")],
    }
    # A redirect that only sets the reader's cookie; the API root, a redirect to its docs page;
    # the staff login's address, a redirect to the admin.
    not_pages = {"reading-mode", "api:api-root", "staff-login"}
    assert client.get(reverse("api:api-root")).url == reverse("opendata:api-docs")
    assert client.get(reverse("staff-login")).url == reverse("admin:index")
    assert (
        public_pattern_names()
        == set(must_404)
        | set(must_not_mention)
        | set(must_not_contain)
        | set(data_files)
        | not_pages
    )

    for name, url in must_404.items():
        assert client.get(url).status_code == 404, name
    for url in extra_404:
        assert client.get(url).status_code == 404, url
    for name, urls in data_files.items():
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, url
            body = b"".join(response.streaming_content) if response.streaming else response.content
            files = {url: body}
            if body[:2] == b"PK":  # a zip, or an XLSX (a zip of XML parts)
                with zipfile.ZipFile(io.BytesIO(body)) as archive:
                    files = {n: _characters(n, archive.read(n)) for n in archive.namelist()}
                    files |= {
                        f"{n}/{part}": data
                        for n in archive.namelist()
                        if n.endswith(".xlsx")
                        for part, data in _unzip(archive.read(n)).items()
                    }
            assert any(live.name.encode() in data for data in files.values()), url
            for file_name, data in files.items():
                for needle in (DRAFT_NAME, str(hidden.lineage), DRAFT_DOCUMENT):
                    assert needle not in file_name, (name, file_name)
                    assert needle.encode() not in data, (name, file_name, needle)
    for name, url in must_not_mention.items():
        response = client.get(url)
        assert response.status_code == 200, name
        body = (
            b"".join(response.streaming_content) if response.streaming else response.content
        ).decode()
        for needle in (
            DRAFT_NAME,
            str(hidden.lineage),
            DRAFT_DOCUMENT,
            document.get_absolute_url(),
        ):
            assert needle not in body, (name, needle)
    # The PDFs are rendered by the render queue's worker: its first readers are told to come
    # back (503) while it is queued; the queue is run here as the worker would.
    for name, url in must_not_contain.items():
        assert client.get(url).status_code in (200, 503), name
    run_queued_jobs()
    for name, url in must_not_contain.items():
        response = client.get(url)
        assert response.status_code == 200, name
        body = b"".join(response.streaming_content) if response.streaming else response.content
        if name.endswith("-pdf"):
            files = pdf_attachments(body)
        else:
            with zipfile.ZipFile(io.BytesIO(body)) as archive:
                files = {n: archive.read(n) for n in archive.namelist()}
                files |= {
                    f"{n}/attached/{a}": data
                    for n in archive.namelist()
                    if n.endswith(".pdf")
                    for a, data in pdf_attachments(archive.read(n)).items()
                }
            assert any(DRAFT_NAME not in n and n.endswith(".pdf") for n in files)
        for file_name, data in files.items():
            for needle in (DRAFT_NAME, str(hidden.lineage), DRAFT_DOCUMENT):
                assert needle not in file_name, (name, file_name)
                assert needle.encode() not in data, (name, file_name, needle)
    # The live project's own pages still work, its totals count only itself.
    assert client.get(live.get_absolute_url()).status_code == 200
    assert client.get(shared_document.get_absolute_url()).status_code == 200
    assert "150" in client.get(reverse("projects:home")).content.decode()
