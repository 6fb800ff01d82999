from django.urls import path

from infra.pagecache import public_download, public_page

from . import (
    converters,  # noqa: F401  (the num converter)
    views,
)
from .public_version import of_disclosure, of_project

app_name = "projects"

urlpatterns = [
    path("", public_page(views.HomeView.as_view()), name="home"),
    path("disclosures/", public_page(views.DisclosureTableView.as_view()), name="disclosures"),
    path("projects/", public_page(views.ProjectTableView.as_view()), name="projects"),
    path(
        "projects/export.csv", public_download(views.ProjectCsvView.as_view()), name="projects-csv"
    ),
    path(
        "disclosures/<slug:department>/<num:year>/",
        public_page(views.DisclosureView.as_view(), scope=of_disclosure),
        name="disclosure",
    ),
    path("search/", public_page(views.SearchView.as_view()), name="search"),
    path("documents/", public_page(views.PolicyDocumentListView.as_view()), name="documents"),
    path("documents/<num:pk>/", public_page(views.PolicyDocumentView.as_view()), name="document"),
    path(
        "projects/<uuid:lineage>/",
        public_page(views.ProjectView.as_view(), scope=of_project),
        name="project",
    ),
    path(
        "projects/<uuid:lineage>/r<num:revision>/",
        public_page(views.ProjectView.as_view(), scope=of_project),
        name="project-revision",
    ),
    path(
        "projects/<uuid:lineage>/compare/r<num:old>-r<num:new>/",
        public_page(views.ProjectCompareView.as_view(), scope=of_project),
        name="project-compare",
    ),
]
