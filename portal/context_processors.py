"""Values every page template needs: the portal's and the host unit's names, footer data,
the reader's reading mode, and the addresses of the site's navigation."""

from functools import cache

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse

from infra.readingmode import READING_MODES, mode_of

NAVIGATION = {
    "home": "projects:home",
    "disclosures": "projects:disclosures",
    "projects": "projects:projects",
    "documents": "projects:documents",
    "search": "projects:search",
    "opendata": "opendata:index",
    "feed": "feed",
}


@cache
def navigation_links(prefix: str, urlconf) -> dict:
    """Every page links to these; worked out once per process (and in gunicorn's master, before
    it forks: ``portal/warmup.py``), not ten times per page."""
    return {
        **{key: reverse(name, urlconf) for key, name in NAVIGATION.items()},
        "reading_modes": [
            (mode, label, reverse("reading-mode", urlconf, [mode]))
            for mode, label in READING_MODES.items()
        ],
    }


def site(request):
    return {
        "portal": settings.PORTAL,
        "reading_mode": mode_of(request),
        "reading_modes": READING_MODES,
        "links": navigation_links(get_script_prefix(), get_urlconf()),
    }
