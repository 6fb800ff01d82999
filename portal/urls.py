from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from .feeds import PublicationsFeed
from .sitemaps import SITEMAPS
from .views import reading_mode

urlpatterns = [
    path("admin/", admin.site.urls),
    path("feeds/publications.atom", PublicationsFeed(), name="feed"),
    path("reading-mode/<slug:mode>/", reading_mode, name="reading-mode"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("", include("publications.urls")),
    path("", include("projects.urls")),
]
