from django.urls import path

from projects import converters  # noqa: F401  (the num converter)

from . import views

app_name = "publications"

urlpatterns = [
    path("projects/<uuid:lineage>/pdf/", views.ProjectPdfView.as_view(), name="project-pdf"),
    path(
        "projects/<uuid:lineage>/r<num:revision>/pdf/",
        views.ProjectPdfView.as_view(),
        name="project-revision-pdf",
    ),
    path(
        "disclosures/<slug:department>/<num:year>/pdf/",
        views.DisclosurePdfView.as_view(),
        name="disclosure-pdf",
    ),
    path("downloads/<num:year>/pdf.zip", views.YearZipView.as_view(), name="year-zip"),
    path(
        "downloads/<num:year>/<slug:department>/pdf.zip",
        views.YearZipView.as_view(),
        name="department-zip",
    ),
]
