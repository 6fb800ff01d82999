from django.urls import path

from . import views

app_name = "projects"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("disclosures/", views.DisclosureTableView.as_view(), name="disclosures"),
    path("projects/", views.ProjectTableView.as_view(), name="projects"),
    path("projects/export.csv", views.ProjectCsvView.as_view(), name="projects-csv"),
    path(
        "disclosures/<slug:department>/<int:year>/",
        views.DisclosureView.as_view(),
        name="disclosure",
    ),
    path("search/", views.SearchView.as_view(), name="search"),
    path("documents/", views.PolicyDocumentListView.as_view(), name="documents"),
    path("documents/<int:pk>/", views.PolicyDocumentView.as_view(), name="document"),
    path("projects/<uuid:lineage>/", views.ProjectView.as_view(), name="project"),
    path(
        "projects/<uuid:lineage>/r<int:revision>/",
        views.ProjectView.as_view(),
        name="project-revision",
    ),
    path(
        "projects/<uuid:lineage>/compare/r<int:old>-r<int:new>/",
        views.ProjectCompareView.as_view(),
        name="project-compare",
    ),
]
