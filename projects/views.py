"""Public views: each picks a selector and a template, nothing more."""

from django.http import Http404, StreamingHttpResponse
from django.urls import reverse
from django.views.generic import ListView, TemplateView
from django_filters.views import FilterView
from django_tables2 import SingleTableMixin

from budget.compare import compare

from . import exports, pagedoc, presenters, search, selectors
from .filters import DisclosureFilter, ProjectFilter
from .presenters import (
    amount_keys,
    revision_entries,
)
from .tables import DisclosureTable, ProjectRows, ProjectTable


class HomeView(TemplateView):
    """The latest publications, totals by department and year, and the search box. (Every
    project is on the list page: at 100,000 of them, listing all here took 16 s.)"""

    template_name = "projects/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["projects"] = selectors.latest_projects()
        context["totals"] = selectors.totals_by_department_year()
        return context


class ProjectView(TemplateView):
    """The permalink (latest published revision) or one public revision of a project."""

    # Drawn from its revisions and the shown revision's page document (projects/pagedoc.py).
    template_name = "projects/project.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = selectors.project_page(kwargs["lineage"], kwargs.get("revision"))
        project, revisions = page.project, page.revisions
        disclosure = project.disclosure
        revision = {"lineage": project.lineage, "revision": project.revision}
        context.update(
            # The body, drawn in the page's template (projects/body.html, included).
            **pagedoc.body_context(pagedoc.page_document(page), disclosure_title=disclosure.title),
            project=project,
            disclosure=disclosure,
            permalink=project.get_absolute_url(),
            disclosure_url=disclosure.get_absolute_url(),
            pdf=reverse("publications:project-revision-pdf", kwargs=revision),
            revision_label=f"第{project.revision}版",
        )
        # The data files of this revision: in the page's head and under its PDF.
        context.update(
            {
                fmt: reverse("opendata:project-revision-data", kwargs={**revision, "fmt": fmt})
                for fmt in ("json", "csv", "xlsx")
            }
        )
        # Each public revision with the one before it, for "compare with the previous".
        context["revisions"] = list(zip(revisions, [None, *revisions[:-1]], strict=True))
        return context


class ProjectCompareView(TemplateView):
    """What changed between two public revisions of a project: texts and amounts."""

    template_name = "projects/project_compare.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if kwargs["old"] == kwargs["new"]:
            raise Http404("请选择两个不同的版本。")
        old = selectors.public_project(kwargs["lineage"], kwargs["old"])
        new = selectors.public_project(kwargs["lineage"], kwargs["new"])
        entries = (revision_entries(old), revision_entries(new))
        context.update(
            old=old,
            new=new,
            project=new,
            changes=compare(*entries, whole=amount_keys(*entries)),
        )
        return context


class DisclosureView(TemplateView):
    """One department's disclosure for one fiscal year, all its projects in order."""

    template_name = "projects/disclosure_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        disclosure, projects = selectors.public_disclosure(
            kwargs["department"], kwargs["year"], tree=False
        )
        # Each body is drawn from its revision's page document (projects/pagedoc.py).
        context.update(presenters.disclosure_page_context(disclosure, projects))
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
        rows, tied_total = selectors.document_money(document, citations)
        context.update(document=document, rows=rows, tied_total=tied_total)
        return context


class SearchView(ListView):
    """Substring search over published projects; results show where the term occurs."""

    template_name = "projects/search.html"
    context_object_name = "projects"
    paginate_by = 20
    paginator_class = search.CappedPaginator

    def get_queryset(self):
        self.query = search.normalise_query(self.request.GET.get("q", ""))
        self.match_count = search.MatchCount(0, more=False)
        if not self.query:
            return selectors.public_projects().none()
        self.match_count, projects = search.search_results(self.query, self.paginator_class.cap)
        return projects

    def get_paginator(self, *args, **kwargs):
        return super().get_paginator(*args, match_count=self.match_count, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["query"] = self.query
        context["results"] = [
            (project, search.hits(project, self.query)) for project in context["projects"]
        ]
        return context


class ProjectTableView(SingleTableMixin, FilterView):
    """Every live project as a sortable, filterable, paginated table; the URL is shareable."""

    template_name = "projects/project_list.html"
    filterset_class = ProjectFilter
    table_class = ProjectTable
    # The table paginates (one count, one page); paginate_by would make ListView paginate
    # the same rows again, counting them a second time for nothing.
    table_pagination = {"per_page": 50}

    def get_queryset(self):
        return selectors.public_projects()

    def get_table_data(self):
        # In the public order (not sorted by the reader) and filtered by no more than the
        # year: its pages are read from the live rows' index (selectors.ProjectPages).
        on_index = None if self.request.GET.get("sort") else self.filterset.on_index()
        return ProjectRows(super().get_table_data(), on_index=on_index)


class ProjectCsvView(FilterView):
    """The project table's current filtered view as CSV (UTF-8 with BOM), streamed."""

    filterset_class = ProjectFilter

    def get_queryset(self):
        return selectors.public_projects()

    def get(self, request, *args, **kwargs):
        filterset = self.get_filterset(self.get_filterset_class())
        # Unfiltered (unbound) means everything, as on the list page; invalid means nothing.
        valid = not filterset.is_bound or filterset.is_valid()
        projects = filterset.qs if valid else self.get_queryset().none()
        response = StreamingHttpResponse(
            exports.projects_csv(
                projects.iterator(chunk_size=500), request.build_absolute_uri("/")[:-1]
            ),
            content_type="text/csv; charset=utf-8",
        )
        response["Content-Disposition"] = (
            "attachment; filename=projects.csv; filename*=UTF-8''%E9%A1%B9%E7%9B%AE.csv"
        )
        return response


class DisclosureTableView(SingleTableMixin, FilterView):
    template_name = "projects/disclosure_list.html"
    filterset_class = DisclosureFilter
    table_class = DisclosureTable
    table_pagination = {"per_page": 50}  # the table paginates, not ListView (see above)

    def get_queryset(self):
        return selectors.disclosure_list()
