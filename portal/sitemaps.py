"""sitemap.xml: every public page, from published records only."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from projects import selectors


class StaticSitemap(Sitemap):
    def items(self):
        return ["projects:home", "projects:documents", "opendata:index", "opendata:api-docs"]

    def location(self, item):
        return reverse(item)


class DisclosureSitemap(Sitemap):
    def items(self):
        return selectors.public_disclosures().order_by("pk")


class ProjectSitemap(Sitemap):
    """Permalinks of live projects, and the own addresses of corrected older revisions."""

    def items(self):
        return selectors.public_revisions().order_by("pk")

    def location(self, item):
        return item.get_absolute_url() if item.status == "published" else item.get_revision_url()

    def lastmod(self, item):
        return item.published_at


class DocumentSitemap(Sitemap):
    def items(self):
        return selectors.public_documents().order_by("pk")


SITEMAPS = {
    "pages": StaticSitemap,
    "disclosures": DisclosureSitemap,
    "projects": ProjectSitemap,
    "documents": DocumentSitemap,
}
