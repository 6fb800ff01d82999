from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.generic import RedirectView

from infra.pagecache import public_download
from opendata import api

from .feeds import PublicationsFeed
from .sitemaps import SITEMAPS
from .views import health, reading_mode

# A form too large to read gets a Chinese page that says the limit (413); other bad requests
# the Chinese 400 page.
handler400 = "portal.views.bad_request"

urlpatterns = [
    path("admin/", admin.site.urls),
    # Where staff look for a way in (the public pages' footer links here): the start page,
    # through the login when not signed in.
    path("login/", RedirectView.as_view(pattern_name="admin:index"), name="staff-login"),
    path("healthz", health, name="health"),
    path("feeds/publications.atom", public_download(PublicationsFeed()), name="feed"),
    path("reading-mode/<slug:mode>/", reading_mode, name="reading-mode"),
    path("sitemap.xml", public_download(sitemap), {"sitemaps": SITEMAPS}, name="sitemap"),
    # The API's root (ninja's "api:api-root", kept for its path prefix) leads to its docs page.
    path("api/v1/", RedirectView.as_view(pattern_name="opendata:api-docs")),
    path("api/v1/", api.urls()),
    # The pages most asked for first: Django tries the patterns in order.
    path("", include("projects.urls")),
    path("", include("opendata.urls")),
    path("", include("publications.urls")),
]
