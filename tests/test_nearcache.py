"""A process's own copy of stored pages and bodies in front of the shared cache
(infra/nearcache.py): bounded in bytes, least recently used out first, and never able to
answer for a version of the site other than the one it was stored under."""

import pytest
from django.core.cache import cache
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from infra import nearcache


@pytest.fixture
def share(settings):
    settings.PUBLIC_LOCAL_CACHE_BYTES = 1000
    nearcache.forget()
    yield
    nearcache.forget()


@pytest.mark.usefixtures("share")
def test_the_least_recently_used_leave_first_when_the_share_is_full():
    for name in "abcd":
        nearcache.put(name, name.upper(), 250)
    assert nearcache.get("a") == "A"  # now the most recently used
    nearcache.put("e", "E", 250)
    assert nearcache.get("b") is None
    assert [nearcache.get(x) for x in "acde"] == ["A", "C", "D", "E"]
    assert nearcache.held() == (4, 1000)


@pytest.mark.usefixtures("share")
def test_an_entry_larger_than_a_quarter_of_the_share_is_not_kept():
    nearcache.put("small", 1, 250)
    nearcache.put("large", 2, 251)
    assert nearcache.get("large") is None and nearcache.get("small") == 1


@pytest.mark.usefixtures("share")
def test_putting_a_key_again_replaces_its_entry_and_size():
    nearcache.put("a", 1, 200)
    nearcache.put("a", 2, 100)
    assert nearcache.get("a") == 2 and nearcache.held() == (1, 100)


def test_nothing_is_kept_with_no_share(settings):
    settings.PUBLIC_LOCAL_CACHE_BYTES = 0
    nearcache.put("a", 1, 1)
    assert nearcache.get("a") is None


@given(st.lists(st.tuples(st.sampled_from("abcdefgh"), st.integers(0, 400)), max_size=60))
def test_the_share_is_never_exceeded_and_sizes_add_up(puts):
    from django.conf import settings

    original = settings.PUBLIC_LOCAL_CACHE_BYTES
    settings.PUBLIC_LOCAL_CACHE_BYTES = 1000
    try:
        nearcache.forget()
        for key, size in puts:
            nearcache.put(key, size, size)
            count, held = nearcache.held()
            assert held <= 1000
            if size <= 250:  # the last one put is always there
                assert nearcache.get(key) == size
            # What it says it holds is what it answers for (each entry here is its size).
            there = [found for other in "abcdefgh" if (found := nearcache.get(other)) is not None]
            assert (count, held) == (len(there), sum(there))
    finally:
        settings.PUBLIC_LOCAL_CACHE_BYTES = original
        nearcache.forget()


@pytest.mark.django_db
@pytest.mark.usefixtures("share")
def test_a_stored_page_is_answered_from_the_process_copy_and_follows_the_version(
    client, seed, settings, django_assert_num_queries
):
    from projects import public_version
    from projects.models import Project

    settings.PUBLIC_LOCAL_CACHE_BYTES = 4 * 2**20
    project = Project.objects.published().first()
    url = project.get_absolute_url()
    first = client.get(url)
    assert first.status_code == 200
    cache.clear()  # the shared cache loses everything (a Redis restart)
    public_version.forget()
    with django_assert_num_queries(2):  # the site's and the project's versions; no page query
        again = client.get(url)
    assert again.content == first.content
    # A renamed department replaces the version: the process's copy is not asked for again.
    department = project.disclosure.department
    department.name = "澄江市更名后的单位"
    department.save()
    public_version.forget()
    assert "澄江市更名后的单位" in client.get(url).content.decode()


@pytest.mark.django_db
def test_every_page_links_the_navigation_and_reading_modes(client, seed):
    html = client.get(reverse("projects:search")).content.decode()
    for name in (
        "projects:home",
        "projects:disclosures",
        "projects:projects",
        "projects:documents",
        "projects:search",
        "opendata:index",
        "feed",
    ):
        assert f'href="{reverse(name)}"' in html
    for mode in ("large", "contrast"):
        assert f'href="{reverse("reading-mode", args=[mode])}?next=/search/"' in html
