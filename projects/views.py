"""Public views: each picks a selector and a template, nothing more."""

from django.views.generic import ListView, TemplateView

from . import search, selectors
from .presenters import disclosure_page_context, project_page_context


class HomeView(ListView):
    """Latest publications, totals by department and year, and the projects themselves."""

    template_name = "projects/home.html"
    context_object_name = "projects"

    def get_queryset(self):
        return selectors.public_projects()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["totals"] = selectors.totals_by_department_year()
        return context


class ProjectView(TemplateView):
    """The permalink (latest published revision) or one public revision of a project."""

    template_name = "projects/project_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        project = selectors.public_project(kwargs["lineage"], kwargs.get("revision"))
        context.update(project_page_context(project))
        return context


class DisclosureView(TemplateView):
    """One department's disclosure for one fiscal year, all its projects in order."""

    template_name = "projects/disclosure_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        disclosure, projects = selectors.public_disclosure(kwargs["department"], kwargs["year"])
        context.update(disclosure_page_context(disclosure, projects))
        return context


class PolicyDocumentListView(ListView):
    """The registry of every document cited as a legal basis by a published project."""

    template_name = "projects/document_list.html"
    context_object_name = "documents"
    paginate_by = 100

    def get_queryset(self):
        return selectors.public_documents().order_by("-project_count", "title")


class PolicyDocumentView(TemplateView):
    template_name = "projects/document_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        document, citations = selectors.public_document(kwargs["pk"])
        context.update(document=document, citations=citations)
        return context


class SearchView(ListView):
    """Substring search over published projects; results show where the term occurs."""

    template_name = "projects/search.html"
    context_object_name = "projects"
    paginate_by = 20

    def get_queryset(self):
        self.query = search.normalise_query(self.request.GET.get("q", ""))
        if not self.query:
            return selectors.public_projects().none()
        return search.matching_projects(self.query)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["query"] = self.query
        context["results"] = [
            (project, search.hits(project, self.query)) for project in context["projects"]
        ]
        return context
