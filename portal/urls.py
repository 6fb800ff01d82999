from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from .feeds import PublicationsFeed
from .sitemaps import SITEMAPS
from .views import health, reading_mode

urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz", health, name="health"),
    path("feeds/publications.atom", PublicationsFeed(), name="feed"),
    path("reading-mode/<slug:mode>/", reading_mode, name="reading-mode"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("", include("publications.urls")),
    path("", include("projects.urls")),
]
