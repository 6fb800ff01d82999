from django.urls import path

from . import views

app_name = "publications"

urlpatterns = [
    path("projects/<uuid:lineage>/pdf/", views.ProjectPdfView.as_view(), name="project-pdf"),
    path(
        "projects/<uuid:lineage>/r<int:revision>/pdf/",
        views.ProjectPdfView.as_view(),
        name="project-revision-pdf",
    ),
    path(
        "disclosures/<slug:department>/<int:year>/pdf/",
        views.DisclosurePdfView.as_view(),
        name="disclosure-pdf",
    ),
    path("downloads/<int:year>/pdf.zip", views.YearZipView.as_view(), name="year-zip"),
    path(
        "downloads/<int:year>/<slug:department>/pdf.zip",
        views.YearZipView.as_view(),
        name="department-zip",
    ),
]
