"""Stored pages kept under the version of what they show (projects/public_version.py): a
publication makes stale the pages of its project, its disclosure and the lists, and leaves every
other project's stored pages valid; a change every page shows (a department renamed) makes all
of them stale. Nothing is ever answered from a copy older than what it shows."""

from __future__ import annotations

import copy

import pytest
from django.urls import reverse

from projects import public_version, workflow
from projects.models import Department, Project
from projects.services import load_disclosure_tree
from tests.projects.test_page_cache import Below

pytestmark = pytest.mark.django_db


@pytest.fixture
def below(settings):
    """The addresses whose requests reached the views (a stored copy answers above them)."""
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, "tests.projects.test_page_cache.Below"]
    Below.seen = []
    return Below.seen


@pytest.fixture
def two_disclosures(seed, seed_tree):
    """The seed, and a copy of it as another department's published document."""
    tree = copy.deepcopy(seed_tree)
    tree["department"] |= {"name": "另一单位", "short_name": "另一", "slug": "other-unit"}
    tree["disclosure"]["title"] = "另一单位2024年预算重点领域财政项目文本公开"
    load_disclosure_tree(tree, publish=True)
    ours = Project.objects.published().filter(disclosure=seed)
    theirs = Project.objects.published().filter(disclosure__department__slug="other-unit")
    return ours.get(sequence=1), ours.get(sequence=2), theirs.get(sequence=1)


def urls_of(project: Project) -> list[str]:
    disclosure = project.disclosure
    return [
        project.get_absolute_url(),
        project.get_revision_url(),
        project.get_absolute_url() + "data.csv",
        reverse(
            "projects:disclosure",
            kwargs={"department": disclosure.department.slug, "year": disclosure.fiscal_year},
        ),
    ]


def fetch_all(client, urls):
    for url in urls:
        assert client.get(url).status_code == 200, url


def test_a_correction_leaves_other_projects_pages_stored(client, two_disclosures, below, users):
    corrected, sibling, elsewhere = two_disclosures
    lists = [reverse("projects:projects"), reverse("projects:home")]
    everything = urls_of(corrected) + urls_of(sibling) + urls_of(elsewhere) + lists
    fetch_all(client, everything)
    below.clear()

    draft = workflow.create_correction(corrected, users["clerk"])
    # The seed declares 150万元 for 296万元 itemised, an error a submission may not carry.
    Project.objects.filter(pk=draft.pk).update(
        outcomes="更正后的实施成效。", declared_total=draft.itemised_total
    )
    workflow.submit(draft, users["clerk"])
    workflow.publish(draft, users["reviewer"], explanation="已核实。", correction_note="更正成效。")

    fetch_all(client, everything)
    rendered = set(below)
    # Its pages, its disclosure's page and the lists are made again, with the correction …
    assert set(urls_of(corrected)) | set(lists) <= rendered
    assert "更正后的实施成效" in client.get(corrected.get_absolute_url()).content.decode()
    # … the other projects' own pages and the other department's document are not.
    untouched = set(urls_of(elsewhere)) | set(urls_of(sibling)[:3])
    assert not untouched & rendered
    # The sibling's disclosure page is its disclosure's: made again (it lists the correction).
    assert urls_of(sibling)[3] in rendered


def test_a_withdrawal_is_never_answered_from_a_copy(client, two_disclosures, below, users):
    withdrawn, _, elsewhere = two_disclosures
    fetch_all(client, urls_of(withdrawn)[:3] + urls_of(elsewhere))
    below.clear()
    workflow.withdraw(withdrawn, users["reviewer"], "项目取消。")
    for url in urls_of(withdrawn)[:3]:
        assert client.get(url).status_code == 404, url
    fetch_all(client, urls_of(elsewhere))
    assert not set(urls_of(elsewhere)) & set(below)


def test_a_renamed_department_makes_every_page_stale(client, two_disclosures, below):
    _, _, elsewhere = two_disclosures
    fetch_all(client, urls_of(elsewhere))
    below.clear()
    department = Department.objects.get(slug="chengjiang-zzb")
    department.name = "中共澄江市委组织部（更名）"
    department.save()
    fetch_all(client, urls_of(elsewhere))
    assert set(urls_of(elsewhere)) <= set(below)


def test_a_stored_pdf_makes_its_projects_pages_stale_only(client, two_disclosures, below):
    from publications import services

    rendered, _, elsewhere = two_disclosures
    fetch_all(client, urls_of(rendered)[:3] + urls_of(elsewhere))
    below.clear()
    services.project_rendition(rendered)
    fetch_all(client, urls_of(rendered)[:3] + urls_of(elsewhere))
    assert set(urls_of(rendered)[:3]) <= set(below)
    assert not set(urls_of(elsewhere)) & set(below)


def test_scoped_versions_combine_the_sites_token_and_their_own(two_disclosures):
    project = two_disclosures[0]
    scope = public_version.project_scope(project.lineage)
    before = public_version.current(scope)
    other = public_version.current(public_version.project_scope(two_disclosures[2].lineage))
    public_version.project_changed(project)
    assert public_version.current(scope).token != before.token
    assert public_version.current(public_version.project_scope(two_disclosures[2].lineage)) == other
    public_version.bump(public_version.SITE)
    assert (
        public_version.current(public_version.project_scope(two_disclosures[2].lineage)).token
        != other.token
    )


@pytest.fixture
def clock(monkeypatch):
    """public_version's clock (time.monotonic), moved by the test."""
    from types import SimpleNamespace

    now = SimpleNamespace(value=1000.0)
    monkeypatch.setattr(public_version, "time", SimpleNamespace(monotonic=lambda: now.value))
    return now


def asked_for(monkeypatch) -> list[str]:
    """The cache keys public_version asks for from now on."""
    asked = []
    real = public_version.cache.get
    monkeypatch.setattr(
        public_version.cache, "get", lambda key, *a, **k: asked.append(key) or real(key, *a, **k)
    )
    return asked


def test_a_scopes_token_is_kept_while_everything_publics_is_unchanged(
    two_disclosures, clock, settings, monkeypatch
):
    """A process asks for a project's token again only once something was published: its token
    is kept with the token of everything public it was read with, which every bump changes."""
    first, _, theirs = two_disclosures
    scope = public_version.project_scope(theirs.lineage)
    key = public_version._cache_key(scope)
    read = public_version.current(scope)
    asked = asked_for(monkeypatch)
    clock.value += 10 * settings.PUBLIC_VERSION_LOCAL_TTL
    assert public_version.current(scope) == read
    assert key not in asked  # the project's token kept …
    assert public_version._cache_key(public_version.ALL) in asked  # … once this was the same
    # Another project published, as another process would see it: its own memory intact.
    kept = dict(public_version._local)
    public_version.project_changed(first)
    public_version._local.update(kept)
    clock.value += 10 * settings.PUBLIC_VERSION_LOCAL_TTL
    asked.clear()
    assert public_version.current(scope).token.split(".")[1] == read.token.split(".")[1]
    assert key in asked  # asked again after a publication, and the same: not this project's
    # Its own project corrected: a new token.
    public_version.project_changed(theirs)
    clock.value += 10 * settings.PUBLIC_VERSION_LOCAL_TTL
    assert public_version.current(scope).token.split(".")[1] != read.token.split(".")[1]


def test_a_pair_read_before_a_publication_committed_never_replaces_the_published_one(
    two_disclosures, monkeypatch
):
    """A reader that read the tokens before a publication committed, and stores them after
    the publication put its own in the cache, leaves the publication's there."""
    _, _, theirs = two_disclosures
    scope = public_version.project_scope(theirs.lineage)
    key = public_version._cache_key(scope)
    public_version.cache.delete(key)
    published = (public_version.Version("published", public_version.UNTOUCHED_AT), "everything")
    real_filter = public_version.PublicVersion.objects.filter

    def stale_read(*args, **kwargs):
        rows = list(real_filter(*args, **kwargs))  # the old tokens, read first …
        public_version.cache.set(key, published, 60)  # … then the publication commits
        return rows

    monkeypatch.setattr(public_version.PublicVersion.objects, "filter", stale_read)
    stale = public_version._fetch(scope)
    assert stale != published
    assert public_version.cache.get(key) == published
