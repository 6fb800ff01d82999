"""Reads: the records a page, a PDF or an export needs, with their joins done in the query.

Public reads start from ``published()``; nothing here re-filters by status by hand.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any
from uuid import UUID
from weakref import WeakKeyDictionary

from django.apps import apps
from django.db import connections, router
from django.db.models import (
    Count,
    Exists,
    OuterRef,
    Prefetch,
    QuerySet,
    Subquery,
    Sum,
    Value,
    prefetch_related_objects,
)
from django.db.models.functions import Coalesce
from django.http import Http404

from budget import checks, rollups
from budget.tree import (
    CitationData,
    FactorData,
    FundingSourceData,
    LineData,
    MilestoneData,
    ProjectData,
    SubItemData,
)

from .models import (
    LIFECYCLE_FIELDS,
    Citation,
    Disclosure,
    LineItem,
    PageDocument,
    PolicyDocument,
    Project,
    Status,
    SubItem,
)


def _project_tree_prefetches() -> list:
    return [
        Prefetch(
            "sub_items",
            queryset=SubItem.objects.order_by("sequence").prefetch_related(
                Prefetch(
                    "lines",
                    queryset=LineItem.objects.order_by("sequence").prefetch_related("factors"),
                ),
                "milestones",
            ),
        ),
        Prefetch(
            "citations", queryset=Citation.objects.order_by("sequence").select_related("document")
        ),
        "funding_sources",
        "performance_indicators",
    ]


def with_tree(projects: QuerySet[Project]) -> QuerySet[Project]:
    """Projects with their department and every child row, in a fixed number of queries."""
    return projects.select_related("disclosure__department__region").prefetch_related(
        *_project_tree_prefetches()
    )


def add_trees(projects: list[Project]) -> list[Project]:
    """Every child row of already loaded projects, in the same queries as ``with_tree``."""
    prefetch_related_objects(projects, *_project_tree_prefetches())
    return projects


def _values(instance, skip: frozenset[str] = frozenset()) -> dict[str, str]:
    """A row's own values as text, without its key and the keys of the rows above it."""
    parents = {"project", "sub_item", "line", "parent", "document"}
    return {
        f.name: "" if (value := getattr(instance, f.attname)) is None else str(value)
        for f in instance._meta.concrete_fields
        if not f.primary_key and f.name not in skip and f.name not in parents
    }


def content_digest(project: Project) -> str:
    """SHA-256 of everything a revision states: its own fields (not those of its lifecycle),
    every row below it, in order, and the title and 文号 of each document it cites. Stored
    when the revision is submitted and compared when it is published, so that what the
    public sees is exactly what was submitted for review."""
    tree = with_tree(Project.objects.filter(pk=project.pk)).get()

    def lines(all_lines, parent_id):
        return [
            {**_values(line), "children": lines(all_lines, line.pk), "factors": factors(line)}
            for line in all_lines
            if line.parent_id == parent_id
        ]

    def factors(line):
        return [_values(f) for f in sorted(line.factors.all(), key=lambda f: f.sequence)]

    content = {
        **_values(tree, LIFECYCLE_FIELDS),
        "citations": [
            {**_values(c), "document": _values(c.document, frozenset({"year", "serial"}))}
            for c in tree.citations.all()
        ],
        "funding_sources": [_values(f) for f in tree.funding_sources.all()],
        "indicators": [_values(i) for i in tree.performance_indicators.all()],
        "sub_items": [
            {
                **_values(sub_item),
                "lines": lines(list(sub_item.lines.all()), None),
                "milestones": [_values(m) for m in sub_item.milestones.all()],
            }
            for sub_item in tree.sub_items.all()
        ],
    }
    text = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def public_project(lineage: UUID, revision: int | None = None) -> Project:
    """The live revision of a project, or one given public revision of it, with its whole
    tree; 404 otherwise. (The project page reads less: ``project_page``.)"""
    projects = Project.objects.published(include_superseded=revision is not None).filter(
        lineage=lineage
    )
    if revision is not None:
        projects = projects.filter(revision=revision)
    project = with_tree(projects).first()
    if project is None:
        raise Http404("没有找到已公开的项目。")
    return project


@dataclass
class ProjectPage:
    """What a project's page shows, read in one query (``project_page``)."""

    project: Project  # the revision shown, with its disclosure and department
    revisions: list[Project]  # every public revision, oldest first (``project`` among them)
    document: tuple[str, dict] | None  # its stored page document: (version, data)
    rendition: Any  # its PDF's record (publications.Rendition), if rendered


# The page's query: each table's alias, model and the columns the page shows.
_PAGE_TABLES = (
    (
        "p",
        "projects.Project",
        {
            "id",
            "lineage",
            "revision",
            "status",
            "sequence",
            "name",
            "published_at",
            "correction_note",
            "disclosure_id",
        },
    ),
    ("d", "projects.Disclosure", {"id", "title", "fiscal_year", "department_id"}),
    ("dep", "projects.Department", {"id", "name", "slug"}),
    ("r", "publications.Rendition", {"id", "pages", "size", "sha256"}),  # builds on this app
)
_PAGE_SQL = """
SELECT {columns}, doc.version, doc.data
FROM {p} p
JOIN {d} d ON d.id = p.disclosure_id
JOIN {dep} dep ON dep.id = d.department_id
LEFT JOIN {doc} doc ON doc.project_id = p.id AND {shown}
LEFT JOIN {r} r ON r.project_id = p.id AND r.kind = 'project' AND {shown}
WHERE p.lineage = {lineage} AND p.status IN ('published', 'superseded', 'withdrawn')
ORDER BY p.revision
"""


@cache
def _page_shape() -> tuple[tuple[str, type, tuple[str, ...]], ...]:
    """Each table's alias, model and fields, in the model's own order (``Model.from_db``
    takes the values in that order)."""
    shape = []
    for alias, label, wanted in _PAGE_TABLES:
        model = apps.get_model(label)
        fields = tuple(f.attname for f in model._meta.concrete_fields if f.attname in wanted)
        shape.append((alias, model, fields))
    return tuple(shape)


@cache
def _page_sql(by_revision: bool, lineage: str, revision: str) -> str:
    """The page's query; ``lineage`` and ``revision`` are the placeholders of its values."""
    shape = _page_shape()
    return _PAGE_SQL.format(
        columns=", ".join(
            f"{alias}.{model._meta.get_field(field).column}"
            for alias, model, fields in shape
            for field in fields
        ),
        shown=f"p.revision = {revision}" if by_revision else "p.status = 'published'",
        lineage=lineage,
        doc=PageDocument._meta.db_table,
        **{alias: model._meta.db_table for alias, model, _ in shape},
    )


def warm_project_page() -> None:
    """Work out the page's query in each of its forms (``portal/warmup.py``)."""
    for by_revision in (False, True):
        _page_sql(by_revision, "%(lineage)s", "%(revision)s")
        _page_sql(by_revision, "$1", "$2")


# Each Django connection (one per thread) and the database connection it prepared the
# page's statements on; Django may replace the latter (CONN_MAX_AGE, a broken connection).
_prepared: WeakKeyDictionary = WeakKeyDictionary()


def _prepare(connection) -> None:
    raw = connection.connection
    # The driver's own cursor: preparing is not one of the page's queries.
    with raw.cursor() as cursor:
        cursor.execute("PREPARE portal_project_page(uuid) AS " + _page_sql(False, "$1", "$2"))
        cursor.execute(
            "PREPARE portal_project_page_r(uuid, integer) AS " + _page_sql(True, "$1", "$2")
        )
    _prepared[connection] = raw


def _page_rows(connection, lineage, revision: int | None) -> list[tuple]:
    by_revision = revision is not None
    params = {"lineage": lineage, "revision": revision}
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Prepared once per connection: planning this five-table join took PostgreSQL
            # longer than running it. (With a pooler in front, use session pooling.)
            name = "portal_project_page_r" if by_revision else "portal_project_page"
            if _prepared.get(connection) is not connection.connection:
                _prepare(connection)
            arguments = "%(lineage)s, %(revision)s" if by_revision else "%(lineage)s"
            cursor.execute(f"EXECUTE {name}({arguments})", params)
        else:
            cursor.execute(_page_sql(by_revision, "%(lineage)s", "%(revision)s"), params)
        return cursor.fetchall()


def project_page(lineage: UUID, revision: int | None = None) -> ProjectPage:
    """The live revision of a project (or the given public one) with its disclosure and
    department, every public revision of the project, and the shown revision's stored page
    document and PDF record, in one query; 404 otherwise.

    Written in SQL, not with the ORM: building this query took Django longer than
    PostgreSQL takes to run it, and the page asks it on every view. The statuses are those
    of ``Project.objects.published(include_superseded=True)``, whose rule for withdrawn
    projects is applied to the rows read (tests/projects/test_models.py holds the two to
    the same answers)."""
    # The database the ORM would read it from: a replica for public reads, when there is one.
    connection = connections[router.db_for_read(Project)]
    lineage = Project._meta.get_field("lineage").get_db_prep_value(lineage, connection)
    rows = _page_rows(connection, lineage, revision)
    shape = _page_shape()
    status = shape[0][2].index("status")
    if any(row[status] == Status.WITHDRAWN for row in rows):
        raise Http404("没有找到已公开的项目。")  # a withdrawn project takes its revisions along
    revisions, shown = [], None
    for row in rows:
        project, disclosure, department, rendition = _instances(connection, row)
        disclosure.department = department
        project.disclosure = disclosure
        revisions.append(project)
        wanted = (
            project.revision == revision
            if revision is not None
            else project.status == Status.PUBLISHED
        )
        if wanted:
            version, data = row[-2:]
            document = (version, json.loads(data) if isinstance(data, str) else data)
            shown = ProjectPage(project, revisions, document if data else None, rendition)
    if shown is None:
        raise Http404("没有找到已公开的项目。")
    return shown


def _converters(connection) -> list[tuple[Any, list]]:
    """Each selected column with the converters the ORM applies to its database values
    (SQLite gives dates and UUIDs as text; PostgreSQL needs none of them), per connection."""
    found = _converters_of.get(connection)
    if found is None:
        found = []
        for _, model, fields in _page_shape():
            for name in fields:
                column = model._meta.get_field(name).get_col(model._meta.db_table)
                found.append(
                    (
                        column,
                        connection.ops.get_db_converters(column)
                        + column.get_db_converters(connection),
                    )
                )
        _converters_of[connection] = found
    return found


_converters_of: WeakKeyDictionary = WeakKeyDictionary()


def _instances(connection, row) -> list:
    """The model instances of one row, only the page's fields loaded (any other is deferred
    and would cost a query: the page's query budget catches it); ``None`` for a missing join."""
    values = list(row)
    for index, (column, converters) in enumerate(_converters(connection)):
        for convert in converters:
            values[index] = convert(values[index], column, connection)
    instances, start = [], 0
    for _, model, fields in _page_shape():
        own = values[start : start + len(fields)]
        start += len(fields)
        instances.append(None if own[0] is None else model.from_db(connection.alias, fields, own))
    return instances


def page_rows(queryset: QuerySet, start: int, stop: int) -> list:
    """Rows ``start:stop`` of an ordered queryset, read in two steps: the page's keys first,
    in order, from rows as narrow as the ordering allows, then those rows whole. PostgreSQL
    then sorts and skips (key, pk) pairs instead of every joined row with its long texts:
    at 100,000 projects a late page of everything took seconds read in one query."""
    pks = list(queryset.values_list("pk", flat=True)[start:stop])
    rows = queryset.order_by().in_bulk(pks)
    return [rows[pk] for pk in pks]


def public_projects() -> QuerySet[Project]:
    """Every live project, in disclosure order."""
    return (
        Project.objects.published()
        .select_related("disclosure__department")
        .order_by("-disclosure__fiscal_year", "disclosure__department__name", "sequence")
    )


LATEST = 20


def latest_projects(count: int = LATEST) -> list[Project]:
    """The live projects published last, newest first (the home page's; the list page has
    them all)."""
    return list(
        Project.objects.published()
        .select_related("disclosure__department")
        .order_by("-published_at", "-id")[:count]
    )


def totals_by_department_year():
    """Live projects summed by department and fiscal year, newest year first (one query)."""
    return (
        Project.objects.published()
        .values(
            "disclosure__fiscal_year",
            "disclosure__department__name",
            "disclosure__department__slug",
        )
        .annotate(projects=Count("pk"), declared=Coalesce(Sum("declared_total"), Decimal("0.00")))
        .order_by("-disclosure__fiscal_year", "disclosure__department__name")
    )


def public_revisions() -> QuerySet[Project]:
    """Every public revision: live ones and the corrected ones that keep their own address."""
    return Project.objects.published(include_superseded=True).select_related(
        "disclosure__department"
    )


def public_disclosures() -> QuerySet[Disclosure]:
    return Disclosure.objects.published().select_related("department")


def public_disclosure(
    department_slug: str, fiscal_year: int, *, tree: bool = True
) -> tuple[Disclosure, list[Project]]:
    """A disclosure with its live projects in order, each with its whole tree (with
    ``tree=False``, the rows only); 404 otherwise."""
    disclosure = (
        public_disclosures()
        .filter(department__slug=department_slug, fiscal_year=fiscal_year)
        .first()
    )
    if disclosure is None:
        raise Http404("没有找到已公开的公开文本。")
    projects = Project.objects.published().filter(disclosure=disclosure).order_by("sequence")
    if tree:
        projects = with_tree(projects)
    else:
        projects = projects.select_related("disclosure__department")
    projects = list(projects)
    return disclosure, projects


@dataclass(frozen=True)
class LineNode:
    """A line with its children, as the page and the PDF walk it."""

    line: LineItem
    children: tuple[LineNode, ...]
    data: LineData

    @property
    def computed(self) -> Decimal | None:
        """What the line works out to: its factors' product, else the sum of its children."""
        computed = rollups.computed_amount(self.data)
        return computed if computed is not None else rollups.children_total(self.data)

    @property
    def amount(self) -> Decimal | None:
        return rollups.line_amount(self.data)

    @property
    def differs(self) -> bool:
        return (
            self.computed is not None
            and self.line.declared_amount is not None
            and self.computed != self.line.declared_amount
        )


def line_forest(sub_item: SubItem) -> tuple[LineNode, ...]:
    """The sub-item's prefetched lines as a tree (any depth), ordered by sequence."""
    by_parent: dict[int | None, list[LineItem]] = defaultdict(list)
    for line in sub_item.lines.all():
        by_parent[line.parent_id].append(line)

    def build(parent_id: int | None, seen: frozenset[int]) -> tuple[LineNode, ...]:
        nodes = []
        for line in sorted(by_parent.get(parent_id, ()), key=lambda item: item.sequence):
            if line.pk in seen:  # a cycle can only come from bad data; never loop on it
                continue
            children = build(line.pk, seen | {line.pk})
            data = LineData(
                sequence=line.sequence,
                name=line.name,
                declared=line.declared_amount,
                amount_text=line.amount_text,
                marker=line.marker,
                factors=tuple(
                    FactorData(value=f.value, unit=f.unit, label=f.label)
                    for f in sorted(line.factors.all(), key=lambda f: f.sequence)
                ),
                children=tuple(child.data for child in children),
                ref=line.pk,
            )
            nodes.append(LineNode(line=line, children=children, data=data))
        return tuple(nodes)

    return build(None, frozenset())


def project_data(project: Project) -> ProjectData:
    """The project (with its prefetched tree) as plain data for roll-ups and checks."""
    return project_tree(project)[0]


def project_tree(project: Project) -> tuple[ProjectData, dict[int, tuple[LineNode, ...]]]:
    """The project as plain data, and each sub-item's line forest (by sub-item pk), built once."""
    sub_items = []
    forests = {}
    for sub_item in project.sub_items.all():
        forests[sub_item.pk] = forest = line_forest(sub_item)
        sub_items.append(
            SubItemData(
                sequence=sub_item.sequence,
                name=sub_item.name,
                declared=sub_item.declared_amount,
                lines=tuple(node.data for node in forest),
                milestones=tuple(
                    MilestoneData(
                        sequence=m.sequence,
                        description=m.description,
                        due_year=m.due_year,
                        due_month=m.due_month,
                        amount=m.amount,
                        ref=m.pk,
                    )
                    for m in sub_item.milestones.all()
                ),
                texts=(("content", sub_item.content), ("plan", sub_item.plan)),
                ref=sub_item.pk,
            )
        )
    data = ProjectData(
        name=project.name,
        fiscal_year=project.disclosure.fiscal_year,
        declared_total=project.declared_total,
        sub_items=tuple(sub_items),
        citations=tuple(
            CitationData(
                sequence=c.sequence,
                title=c.document.title,
                document_number=c.document.document_number,
                cited_text=c.cited_text,
                ref=c.pk,
            )
            for c in project.citations.all()
        ),
        funding_sources=tuple(
            FundingSourceData(sequence=f.sequence, name=f.name, amount=f.amount, ref=f.pk)
            for f in project.funding_sources.all()
        ),
        texts=(
            ("basis_preamble", project.basis_preamble),
            ("basis_closing", project.basis_closing),
            ("funding_text", project.funding_text),
            ("outcomes", project.outcomes),
        ),
        ref=project.pk,
    )
    return data, forests


def project_findings(project: Project) -> list[checks.Finding]:
    return checks.check_project(project_data(project))


def _citing_projects() -> QuerySet[Project]:
    """Live projects that cite the outer query's policy document (for subqueries)."""
    return Project.objects.published().filter(
        Exists(Citation.objects.filter(project=OuterRef("pk"), document=OuterRef(OuterRef("pk"))))
    )


def _aggregate(queryset: QuerySet, aggregate) -> Subquery:
    """One aggregate over a correlated queryset, as a scalar subquery."""
    return Subquery(
        queryset.order_by()
        .annotate(group=Value(1))
        .values("group")
        .annotate(v=aggregate)
        .values("v")
    )


def public_documents() -> QuerySet[PolicyDocument]:
    """Every document cited by a live project, with how many projects cite it and the money
    they declare (each project counted once, however often it cites the document)."""
    citing = _citing_projects()
    return PolicyDocument.objects.published().annotate(
        project_count=_aggregate(citing, Count("pk")),
        money=Coalesce(_aggregate(citing, Sum("declared_total")), Decimal("0.00")),
    )


def public_document(pk: int) -> tuple[PolicyDocument, list[Citation]]:
    """A cited document and its citations by live projects, in disclosure order; 404 otherwise."""
    document = public_documents().filter(pk=pk).first()
    if document is None:
        raise Http404("没有找到被已公开项目引用的政策文件。")
    citations = list(
        Citation.objects.published()
        .filter(document=document)
        .select_related("project__disclosure__department")
        .order_by(
            "-project__disclosure__fiscal_year",
            "project__disclosure_id",
            "project__sequence",
            "sequence",
        )
    )
    return document, citations


def disclosure_list() -> QuerySet[Disclosure]:
    """Public disclosures with their number of live projects and those projects' declared sum."""
    live = Project.objects.published().filter(disclosure=OuterRef("pk"))
    return public_disclosures().annotate(
        project_count=Subquery(
            live.order_by().values("disclosure").annotate(n=Count("pk")).values("n")
        ),
        declared=Coalesce(
            Subquery(
                live.order_by().values("disclosure").annotate(s=Sum("declared_total")).values("s")
            ),
            Decimal("0.00"),
        ),
    )
