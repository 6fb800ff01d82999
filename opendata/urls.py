from django.urls import path, register_converter

from infra.pagecache import public_download, public_page
from projects import converters  # noqa: F401  (the num converter)
from projects.public_version import of_disclosure, of_project

from . import views


class FormatConverter:
    regex = "json|csv|xlsx"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(FormatConverter, "fmt")

app_name = "opendata"

urlpatterns = [
    path("data/", public_page(views.OpenDataView.as_view()), name="index"),
    path("data/api/", public_page(views.ApiDocsView.as_view()), name="api-docs"),
    path(
        "projects/<uuid:lineage>/data.<fmt:fmt>",
        public_download(views.ProjectDataView.as_view(), scope=of_project),
        name="project-data",
    ),
    path(
        "projects/<uuid:lineage>/r<num:revision>/data.<fmt:fmt>",
        public_download(views.ProjectDataView.as_view(), scope=of_project),
        name="project-revision-data",
    ),
    path(
        "disclosures/<slug:department>/<num:year>/data.<fmt:fmt>",
        public_download(views.DisclosureDataView.as_view(), scope=of_disclosure),
        name="disclosure-data",
    ),
    path(
        "downloads/<num:year>/data.zip",
        public_download(views.BulkDataView.as_view()),
        name="year-data",
    ),
    path("downloads/data.zip", public_download(views.BulkDataView.as_view()), name="all-data"),
]
