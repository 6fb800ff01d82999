"""Values every page template needs: the portal's and the host unit's names, footer data,
and the reader's reading mode."""

from django.conf import settings

from .views import COOKIE, READING_MODES


def site(request):
    mode = request.COOKIES.get(COOKIE, "standard")
    return {
        "portal": settings.PORTAL,
        "reading_mode": mode if mode in READING_MODES else "standard",
        "reading_modes": READING_MODES,
    }
