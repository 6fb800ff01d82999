"""Values every page template needs: the portal's and the host unit's names, footer data."""

from django.conf import settings


def site(request):
    return {"portal": settings.PORTAL}
