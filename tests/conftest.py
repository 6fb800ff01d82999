"""Shared fixtures: the seed disclosure loaded as published records."""

import gc
import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEED_JSON = REPO / "fixtures" / "seed" / "chengjiang-zzb-2024.json"


# Marks by place, for `make test-fast` (which leaves out browser, pdf and slow tests); `make
# test` and CI run everything.
PDF_TESTS = (
    "tests/publications/",
    "tests/test_drafts_never_public.py",
    "tests/security/test_pdf_text.py",
    "tests/security/test_pdf_off_request.py",
)
SLOW_TESTS = (
    "tests/security/test_admin_fuzz.py",
    "tests/security/test_crawl.py",
    "tests/opendata/test_api_schemathesis.py",
)


def pytest_collection_modifyitems(config, items):
    root = Path(str(config.rootpath))
    for item in items:
        place = Path(str(item.path)).relative_to(root).as_posix()
        if place.startswith(PDF_TESTS):
            item.add_marker(pytest.mark.pdf)
        if place.startswith(SLOW_TESTS):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def seed_tree() -> dict:
    return json.loads(SEED_JSON.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_snapshot(django_db_setup, django_db_blocker, seed_tree):
    """The rows the loader writes for the seed, once per test run (tests/snapshots.py)."""
    from projects.services import load_disclosure_tree
    from tests.snapshots import capture

    with django_db_blocker.unblock():
        return capture(lambda: load_disclosure_tree(seed_tree, publish=True).disclosure)


def _pristine() -> bool:
    """Whether the test has written no record yet that a snapshot's rows could clash with."""
    from projects.models import Department, PolicyDocument, Region

    return not any(m.objects.exists() for m in (Region, Department, PolicyDocument))


@pytest.fixture
def seed(db, seed_snapshot, seed_tree):
    """The seed disclosure, stored as published first revisions: the loader's rows, put back
    (loaded for real after other records, whose ids and names could clash with them)."""
    from projects.services import load_disclosure_tree
    from tests.snapshots import restore

    if not _pristine():
        return load_disclosure_tree(seed_tree, publish=True).disclosure
    return restore(seed_snapshot)


@pytest.fixture
def users(db):
    """Staff accounts for the workflow tests: a clerk, a reviewer and another."""
    from django.contrib.auth import get_user_model

    User = get_user_model()
    return {
        name: User.objects.create_user(name, password="x", is_staff=True)
        for name in ("clerk", "reviewer", "other")
    }


def _draft(seed_tree, small=False):
    """The seed's project 2 as a draft, in a department of its own; ``small``: cut to two
    sub-items and four citations (see ``small_draft``)."""
    import copy

    from projects.models import Project
    from projects.services import load_disclosure_tree

    tree = copy.deepcopy(seed_tree)
    tree["department"] |= {"name": "测试单位", "short_name": "测试", "slug": "test-unit"}
    tree["disclosure"]["title"] = "测试单位2024年预算重点领域财政项目文本公开"
    project = tree["projects"][1] | {"sequence": 1}
    if small:
        project["sub_items"] = [project["sub_items"][3], project["sub_items"][5]]
        # The first three citations and the last, which ends the list (no separator).
        project["citations"] = [*project["citations"][:3], project["citations"][-1]]
        project["source_notes"] = []
    tree["projects"] = [project]
    load_disclosure_tree(tree)
    draft = Project.objects.get(disclosure__department__slug="test-unit")
    # The seed declares 400万元 against 972.9424万元 itemised, an error that blocks submission;
    # this draft states the itemised total, as a corrected entry would.
    Project.objects.filter(pk=draft.pk).update(
        declared_total=draft.itemised_total, declared_total_text=""
    )
    return Project.objects.get(pk=draft.pk)


def _draft_fixture(request, snapshot, seed_tree, small=False):
    from tests.snapshots import restore

    if "seed" in request.fixturenames:
        request.getfixturevalue("seed")  # the seed first, as the tests expect
    if not _pristine():
        return _draft(seed_tree, small)
    return restore(snapshot)


@pytest.fixture(scope="session")
def draft_snapshot(django_db_setup, django_db_blocker, seed_tree):
    from tests.snapshots import capture

    with django_db_blocker.unblock():
        return capture(lambda: _draft(seed_tree))


@pytest.fixture
def draft(request, db, draft_snapshot, seed_tree):
    """The seed's project 2 as a draft, in a department of its own (tests/snapshots.py)."""
    return _draft_fixture(request, draft_snapshot, seed_tree)


@pytest.fixture(scope="session")
def small_draft_snapshot(django_db_setup, django_db_blocker, seed_tree):
    from tests.snapshots import capture

    with django_db_blocker.unblock():
        return capture(lambda: _draft(seed_tree, small=True))


@pytest.fixture
def small_draft(request, db, small_draft_snapshot, seed_tree):
    """The draft of project 2 cut to sub-items 4 (three lines with formulas) and 6 (a line
    with five parts, eight milestones) and four of its citations, the last with no separator:
    every kind of row the editor has, on a page a fifth the size, for the many tests of what
    one field refuses."""
    return _draft_fixture(request, small_draft_snapshot, seed_tree, small=True)


@pytest.fixture(autouse=True)
def fresh_cache():
    """Each test starts with an empty cache: no page, version or rate count of another test
    (whose database rows were rolled back) can answer it."""
    from django.core.cache import cache

    from infra import nearcache, ratelimit
    from projects import public_version

    cache.clear()
    nearcache.forget()
    ratelimit.forget()
    public_version.forget()


# PDFs rendered in this test run, by a digest of what they are made from: in this worker's
# memory, and in a folder the run's workers share, so that one renders what another needs.
_RENDERED: dict[str, tuple] = {}


@pytest.fixture(scope="session")
def rendered_pdfs_folder(tmp_path_factory, worker_id) -> Path:
    base = tmp_path_factory.getbasetemp()
    folder = (base if worker_id == "master" else base.parent) / "rendered-pdfs"
    folder.mkdir(exist_ok=True)
    return folder


def _rendered_once(folder: Path, key: tuple, render) -> tuple:
    """The rendering of ``key``: from this worker's memory, else from the shared folder, else
    rendered here, another worker rendering the same PDF waiting for it (a lock per PDF)."""
    import fcntl
    import hashlib
    import pickle

    digest = hashlib.sha256(pickle.dumps(key)).hexdigest()
    if digest not in _RENDERED:
        stored = folder / f"{digest}.pickle"
        with open(folder / f"{digest}.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if stored.exists():
                _RENDERED[digest] = pickle.loads(stored.read_bytes())
            else:
                _RENDERED[digest] = render()
                stored.with_suffix(".part").write_bytes(pickle.dumps(_RENDERED[digest]))
                stored.with_suffix(".part").replace(stored)
    return _RENDERED[digest]


@pytest.fixture(autouse=True)
def pdfs_rendered_once(request, monkeypatch, settings, rendered_pdfs_folder):
    """A PDF made from the same HTML, data files, date and base address is rendered once per
    test run and its bytes reused: WeasyPrint's output is a function of those alone
    (``test_same_revision_gives_identical_bytes`` renders twice for real and compares). Tests
    marked ``render_afresh`` render every PDF."""
    if request.node.get_closest_marker("render_afresh"):
        return
    from publications import render

    real = render.write_pdf

    def write_pdf(html, *, attachments=(), published_at=None, fetcher=None):
        if fetcher is not None:  # a test watching what the fetcher does
            return real(html, attachments=attachments, published_at=published_at, fetcher=fetcher)
        key = (
            html,
            tuple((a.name, a.media_type, a.description, a.content) for a in attachments),
            published_at,
            settings.PORTAL["base_url"],
        )
        return _rendered_once(
            rendered_pdfs_folder,
            key,
            lambda: real(html, attachments=attachments, published_at=published_at),
        )

    monkeypatch.setattr(render, "write_pdf", write_pdf)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Stored files (PDFs) go to a folder of the test's own, never to var/."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def pdf_attachments(content: bytes) -> dict[str, bytes]:
    """The files embedded in a PDF, by name."""
    import io

    from pypdf import PdfReader

    return {name: data[0] for name, data in PdfReader(io.BytesIO(content)).attachments.items()}


def force_status(queryset, status):
    """Test set-up only: put projects straight into a state, past the guards that forbid it
    in the application (the models' and, on PostgreSQL, the triggers, which a superuser may
    switch off for the current transaction)."""
    from django.db import connection
    from django.db.models import QuerySet

    from projects import public_version

    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL session_replication_role = replica")
    try:
        QuerySet.update(queryset, status=status)
        # Which projects changed is not said here: every stored page goes stale, as after a
        # bulk change of statuses in the application (ProjectQuerySet.update).
        public_version.bump(public_version.SITE)
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL session_replication_role = DEFAULT")


@pytest.fixture
def guards_off(monkeypatch, db):
    """Test set-up only, for tests about something else (search, pages, budgets) that build
    "published" records directly: the model guards see no frozen or submitted status, and the
    triggers are off for the test's transaction. The guards' own tests never use it."""
    from django.db import connection

    from projects import models

    monkeypatch.setattr(models, "FROZEN_STATUSES", ())
    monkeypatch.setattr(models, "LOCKED_STATUSES", ())
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL session_replication_role = replica")
    yield
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL session_replication_role = DEFAULT")


@pytest.fixture
def steady_clock(monkeypatch):
    """The rate limit's clock, held still: its counts are per window of the clock, and a test
    run across a window's end would start counting anew midway."""
    from types import SimpleNamespace

    from infra import ratelimit

    now = SimpleNamespace(value=1_800_000_000.0)
    monkeypatch.setattr(ratelimit, "time", SimpleNamespace(time=lambda: now.value))
    return now


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory):
    """A throwaway redis-server on a free loopback port, for the whole run."""
    import shutil

    from tests import throwaway

    assert shutil.which("redis-server"), "make test installs redis-server"
    with throwaway.redis(tmp_path_factory.mktemp("redis")) as url:
        yield url


@pytest.fixture
def redis_cache(redis_url, request):
    """Our Redis cache backend (``infra.cache.RedisCache``) over that server, under a key
    prefix of the test's own."""
    import uuid

    from infra.cache import RedisCache

    return RedisCache(redis_url, {"KEY_PREFIX": f"{request.node.name}-{uuid.uuid4().hex}"})


@pytest.fixture
def redis_down(settings):
    """The shared cache is our Redis backend, and Redis cannot be reached (nothing listens on
    its port: refused)."""
    from projects import public_version
    from tests import throwaway

    settings.CACHES = {
        "default": {
            "BACKEND": "infra.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{throwaway.free_port()}/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    public_version.forget()


@pytest.fixture(scope="session", autouse=True)
def fewer_collections():
    """Python collects its youngest objects every 700 allocations and, every hundred
    collections or so, walks the whole heap, which in a test process holds Django, the
    snapshots and what earlier tests left: in such a process the collector took a quarter to a
    third of the time to render the project editor (measured against the same request with
    collection off). What the run starts with is frozen out of the collector and collections
    come less often. Nothing here runs in the portal itself."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 20, 20)
