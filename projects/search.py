"""Substring search over published projects, with highlighted snippets.

Chinese has no spaces between words, so search matches substrings (慰问 finds 慰问金). Each
project revision has one ``ProjectSearch`` row: its searchable text as a key (half-width,
upper case, see ``budget.searchtext``) and, on PostgreSQL, the text's distinct character
unigrams and bigrams as a GIN-indexed ``tsvector``. A query becomes the AND of its bigrams:
exact for one and two characters (the usual Chinese query), and for longer queries a narrow
candidate set that ``LIKE`` confirms. On SQLite the key is matched with ``LIKE`` alone.

Results come in the public order from a copy of it on the search row, and counts stop at
``COUNT_CAP``, so a common word's first page costs no more than a rare one's:
:func:`search_results` is what a page of results should call (see docs/search.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQueryField
from django.core.paginator import Paginator
from django.db import connection, connections, router, transaction
from django.db.models import BooleanField, Case, F, Func, Prefetch, Q, QuerySet, Value, When
from django.db.models.functions import Cast
from django.utils.functional import cached_property
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from budget.docnumbers import find_doc_numbers
from budget.normalize import halfwidth
from budget.searchtext import query_grams, search_terms, tsquery_literal

from .models import Citation, Project, ProjectSearch

MAX_QUERY = 100
SNIPPET_RADIUS = 40
# Up to this many characters the grams decide alone: a row has the bigram 慰问 exactly when
# its text contains 慰问. Longer keys are confirmed with LIKE.
EXACT_BY_GRAMS = 2


def normalise_query(query: str) -> str:
    """The query trimmed and cut to a sane length; inner spaces are kept as typed."""
    return query.strip()[:MAX_QUERY]


def project_texts(project, sub_items: Iterable, citations: Iterable) -> list[str]:
    """Every text of a project that search looks in, in reading order.

    Duck-typed (``citations`` need ``cited_text`` and ``document.title`` /
    ``document.document_number``), so the data migration can pass its historical models.
    """
    texts = [project.name, project.implementing_unit, project.basis_preamble]
    for citation in citations:
        texts += [citation.cited_text, citation.document.title, citation.document.document_number]
    texts.append(project.basis_closing)
    for sub_item in sub_items:
        texts += [sub_item.name, sub_item.content, sub_item.plan]
    texts += [project.funding_text, project.outcomes]
    return texts


class _Matches(Func):
    """``grams @@ query``: the row's vector holds every lexeme the query asks for."""

    arg_joiner = " @@ "
    template = "(%(expressions)s)"
    output_field = BooleanField()


def grams_indexed() -> bool:
    """Whether the database has the grams and their GIN index (PostgreSQL), or only text."""
    return connection.vendor == "postgresql"


def _term_match(key: str, path: str, dense: bool = False) -> Q:
    if not grams_indexed():
        return Q(**{f"{path}text__contains": key})
    literal = tsquery_literal(query_grams(key))
    grams = Q(_Matches(F(f"{path}grams"), Cast(Value(literal), output_field=SearchQueryField())))
    like = Q(**{f"{path}text__contains": key})
    if dense:
        # The same test as a CASE, which no index answers and the planner prices at one row
        # in two (it thinks a LIKE matches almost nothing): so it walks the display-order
        # index and stops after a page, as it should when the count reached its cap. LIKE
        # alone is exact, and with dense matches the grams would reject next to nothing.
        exact = grams if len(key) <= EXACT_BY_GRAMS else like
        return Q(Case(When(exact, then=Value(True)), default=Value(False)))
    return grams & like if len(key) > EXACT_BY_GRAMS else grams


def _match(query: str, path: str = "", dense: bool = False) -> Q:
    """The condition on a search row (reached through ``path``) for ``query``; empty if none."""
    match = Q()
    for key in search_terms(query):
        match |= _term_match(key, path, dense)
    return match


def matching_search_rows(query: str) -> QuerySet[ProjectSearch]:
    """Search rows whose text contains the query, or the standard form of a 文号 in it.

    Every project revision has a row, whatever its status: callers start from ``published()``.
    """
    match = _match(query)
    if not match:
        return ProjectSearch.objects.none()
    return ProjectSearch.objects.filter(match)


def display_order(project: Project) -> dict[str, object]:
    """The search row's copy of where ``project`` stands in the public order (its disclosure
    and department loaded): newest year first, then department name, then project number."""
    return {
        "fiscal_year": project.disclosure.fiscal_year,
        "department_name": project.disclosure.department.name,
        "sequence": project.sequence,
    }


# The public order of projects (selectors.public_projects) as the search row stores it, the
# project id last so the order is total whatever the data. Indexes projectsearch_display_order
# and projectsearch_live_order hold exactly this, so a page is read in order and stops early.
ROW_ORDER = ("-fiscal_year", "department_name", "sequence", "project_id")
# The same order seen from a project.
DISPLAY_ORDER = tuple(
    f"-search__{part[1:]}" if part.startswith("-") else f"search__{part}" for part in ROW_ORDER
)


def matching_projects(query: str, *, dense: bool = False) -> QuerySet[Project]:
    """Live projects whose name, narrative, sub-items or cited documents contain ``query``,
    in the public order (newest year, department name, project number).

    Full-width and half-width forms and letter case do not matter, and a 文号 in the query
    also matches its standard 〔〕 form, so 澄办发【2014】104号 finds the project citing
    澄办发〔2014〕104号. Count the result with :func:`count_matches`, which stops at a cap,
    rather than ``count()``, which visits every match of a common term.

    ``dense`` changes how the database reads, never what it finds: pass it when the count
    reached its cap, so a page is read in display order and stops early (see docs/search.md).
    """
    match = _match(query, "search__", dense)
    if not match:
        return Project.objects.none()
    return _for_results(Project.objects.published().filter(match))


def _for_results(projects: QuerySet[Project]) -> QuerySet[Project]:
    return (
        # Every project has its search row; said outright, so that Django joins it with an
        # INNER JOIN, not the LEFT JOIN it uses for an ORDER BY or a CASE alone, and the
        # planner may start from the rows' display-order index.
        projects.filter(search__isnull=False)
        .select_related("disclosure__department")
        # What hits() reads, fetched once for the page of results.
        .prefetch_related(
            "sub_items",
            Prefetch("citations", queryset=Citation.objects.select_related("document")),
        )
        .order_by(*DISPLAY_ORDER)
    )


# Beyond this many matches a count says "more than" and the pages stop: a reader refines the
# query long before, and counting every match of a common term costs seconds at 100,000.
COUNT_CAP = 1_000


@dataclass(frozen=True)
class MatchCount:
    """How many projects matched: ``count`` exactly, or, with ``more``, at least ``count``.

    ``ids`` are the matching projects' ids when the count is exact (none with ``more``).
    """

    count: int
    more: bool
    ids: tuple[int, ...] = field(default=(), compare=False, repr=False)

    @property
    def count_text(self) -> str:
        return f"{self.count:,}"

    def __str__(self) -> str:
        return f"超过 {self.count_text}" if self.more else self.count_text


def count_matches(projects: QuerySet[Project], cap: int = COUNT_CAP) -> MatchCount:
    """Count ``projects`` up to ``cap`` in one query that stops at ``cap + 1`` rows, keeping
    their ids when there are no more than ``cap``."""
    ids = tuple(projects.order_by().values_list("pk", flat=True)[: cap + 1])
    if len(ids) > cap:
        return MatchCount(count=cap, more=True)
    return MatchCount(count=len(ids), more=False, ids=ids)


def count_query(query: str, cap: int = COUNT_CAP) -> MatchCount:
    """How many live projects ``query`` finds, as ``count_matches(matching_projects(query))``
    says, read the cheap way: the live search rows that match (``ProjectSearch.live``), from
    the grams' GIN index, stopping after ``cap + 1`` of them; then, when there are no more
    than ``cap``, the published projects among them (``published()`` decides).

    Left to itself, PostgreSQL walked the projects and their search rows by key and tested
    each row's grams (kept out of line, TOASTed): 80 ms for 年农 at 100,000 projects, where
    the index gives any term's first 1,001 rows in 1–6 ms (docs/search.md).
    """
    if not grams_indexed():
        return count_matches(matching_projects(query), cap)
    rows = matching_search_rows(query)
    alias = router.db_for_read(ProjectSearch)  # the replica, for a public page
    with transaction.atomic(using=alias), connections[alias].cursor() as cursor:
        # The only way left to read the rows is the grams' bitmap: no index walk, no scan.
        cursor.execute("SET LOCAL enable_indexscan = off; SET LOCAL enable_seqscan = off")
        keys = list(
            rows.using(alias).filter(live=True).values_list("project_id", flat=True)[: cap + 1]
        )
    if len(keys) > cap:
        return MatchCount(count=cap, more=True)
    return count_matches(Project.objects.published().filter(pk__in=keys), cap)


# A page of a common term is first looked for by walking the public order, testing at most
# this many rows: a term found all over (工作, 项目) fills a page within the first hundred,
# and a walk that finds too little costs a few milliseconds before the candidates are sorted.
WALK = 500
# How many candidates (rows whose grams match) of a common term may be put in display order
# before the walk below (``matching_projects(dense=True)``) is left to find the page.
CANDIDATES = 20_000


def _escape_like(key: str) -> str:
    return key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _order_sql(alias: str) -> str:
    """``ROW_ORDER`` as an ORDER BY list over a search row called ``alias``."""
    return ", ".join(
        f"{alias}.{part.lstrip('-')}" + (" DESC" if part.startswith("-") else "")
        for part in ROW_ORDER
    )


def _literals(keys: list[str]) -> list[tuple[str, str]]:
    return [(key, tsquery_literal(query_grams(key))) for key in keys]


def _confirm_sql(literals: list[tuple[str, str]], alias: str) -> tuple[str, list[str]]:
    """The exact test of a search row called ``alias`` for any of the keys (with their
    ``_literals``): the grams alone for a key they decide, the grams and then LIKE for a
    longer one."""
    tests, params = [], []
    for key, literal in literals:
        if len(key) <= EXACT_BY_GRAMS:
            tests.append(f"{alias}.grams @@ %s::tsquery")
            params.append(literal)
        else:
            tests.append(f"({alias}.grams @@ %s::tsquery AND {alias}.text LIKE %s)")
            params += [literal, f"%{_escape_like(key)}%"]
    return " OR ".join(tests), params


def _first_matches(keys: list[str], enough: int | None, limit: int) -> tuple[list[int], bool]:
    """The project ids of the first search rows (any status) that match ``keys``, in display
    order: at least ``enough`` of them unless there are fewer, at most ``limit``; and
    whether they are all there are. (The one function here that must say in SQL what the
    ORM cannot: a walk bounded in rows, and a top-N sort of an index's candidates.)

    First the walk (unless ``enough`` is None): the public order's index, at most ``WALK``
    rows tested. A term whose matches are late in the order (校园安全, 退役军人服务: a few
    departments) is not found there, so then its candidates are taken from the GIN index
    (their order columns only, no text), the first ``limit`` of them put in order by a
    top-N sort, and only those confirmed. Either way the cost follows the page and the
    term's candidates, never the rows before its first match.
    """
    literals = _literals(keys)
    confirm, confirm_params = _confirm_sql(literals, "s")
    walk = f"""
        SELECT s.project_id FROM (
            SELECT * FROM projects_projectsearch ORDER BY {_order_sql("projects_projectsearch")}
            LIMIT %s
        ) s WHERE {confirm} ORDER BY {_order_sql("s")} LIMIT %s
    """
    grams = " OR ".join(["grams @@ %s::tsquery"] * len(keys))
    candidates = f"""
        WITH c AS MATERIALIZED (
            SELECT project_id, fiscal_year, department_name, sequence
            FROM projects_projectsearch WHERE {grams}
        ), top AS (SELECT * FROM c ORDER BY {_order_sql("c")} LIMIT %s)
        SELECT top.project_id, ({confirm}) FROM top
        JOIN projects_projectsearch s ON s.project_id = top.project_id
        ORDER BY {_order_sql("top")}
    """
    alias = router.db_for_read(ProjectSearch)  # the replica, for a public page
    with transaction.atomic(using=alias), connections[alias].cursor() as cursor:
        if enough is not None:
            cursor.execute(walk, [WALK, *confirm_params, limit])
            ids = [row[0] for row in cursor.fetchall()]
            if len(ids) >= enough:
                return ids, False
        # The planner prices reading each row's grams at nothing (they are stored out of the
        # row) and would rather scan all 100,000 rows than use the GIN index; this query only.
        cursor.execute("SET LOCAL enable_seqscan = off")
        grams_params = [literal for _, literal in literals]
        cursor.execute(candidates, [*grams_params, limit, *confirm_params])
        rows = cursor.fetchall()  # SET LOCAL ends with the transaction, just below
    return [pk for pk, confirmed in rows if confirmed], len(rows) < limit


def _page_ids_past_cap(keys: list[str], start: int, stop: int) -> list[int] | None:
    """The ids of live matches ``start:stop`` in display order, read as ``_first_matches``
    says; the rows of other revisions among them are dropped by ``published()``. None
    when that would mean sorting more than ``CANDIDATES`` candidates."""
    limit = stop + stop // 2 + 10  # room for the rows of revisions no longer live
    # The walk only on the first pass: its 500 rows could be drafts (next year's, which come
    # first in the order) and would give the same too few live rows on every pass.
    enough = stop
    while limit <= CANDIDATES:
        ids, complete = _first_matches(keys, enough, limit)
        live = set(Project.objects.published().filter(pk__in=ids).values_list("pk", flat=True))
        ids = [pk for pk in ids if pk in live]
        if len(ids) >= stop or complete:
            return ids[start:stop]
        if limit == CANDIDATES:
            break
        limit, enough = min(limit * 4, CANDIDATES), None
    return None


class CommonMatches:
    """The pages of a query with more matches than the count's cap, as ``Paginator`` slices
    them (no count: ``CappedPaginator`` is given it).

    A page is found as ``_page_ids_past_cap`` says; should that give up (a term whose
    confirmed matches are rare among very many candidates), the walk over the display
    order finds it (``matching_projects(dense=True)``).
    """

    def __init__(self, query: str):
        self.query = query

    def __getitem__(self, page: slice) -> list[Project]:
        ids = _page_ids_past_cap(search_terms(self.query), page.start or 0, page.stop)
        if ids is None:
            return list(matching_projects(self.query, dense=True)[page])
        rows = _for_results(Project.objects.filter(pk__in=ids)).in_bulk(ids)
        return [rows[pk] for pk in ids]


def search_results(query: str, cap: int = COUNT_CAP) -> tuple[MatchCount, QuerySet[Project]]:
    """The count of what ``query`` finds (capped) and the projects to page through, in the
    public order, each read the cheapest way (docs/search.md).

    The count's query finds every match up to the cap, so when there are no more the pages
    are read by id, without testing any text again; past the cap a page is read as
    ``CommonMatches`` says.
    """
    count = count_query(query, cap)
    if count.more:
        if not grams_indexed():
            return count, matching_projects(query, dense=True)
        return count, CommonMatches(query)
    # The ids on the search rows' side: the planner then reads those rows by key and the
    # projects by theirs, instead of scanning every search row to join them.
    found = Project.objects.published().filter(search__pk__in=count.ids)
    return count, _for_results(found)


class CappedPaginator(Paginator):
    """A paginator whose count stops at ``COUNT_CAP``: pages past it do not exist, and
    ``match_count`` says whether there were more (for "超过 1,000 个"). Give it the count
    when it is already known (``match_count=``)."""

    cap = COUNT_CAP

    def __init__(self, *args, match_count: MatchCount | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if match_count is not None:
            self.match_count = match_count

    @cached_property
    def match_count(self) -> MatchCount:
        return count_matches(self.object_list, self.cap)

    @cached_property
    def count(self) -> int:
        return self.match_count.count


@dataclass(frozen=True)
class Hit:
    where: str  # the section the snippet comes from, e.g. "五、项目实施内容 子项目3"
    snippet: SafeString


def highlight(text: str, terms: list[str]) -> SafeString | None:
    """A window of ``text`` around the first match, escaped, the terms wrapped in <mark>.

    Matching ignores case and full-width/half-width forms, as search does: it runs on the
    half-width form, which has the same length, so its positions are positions in ``text``.
    """
    pattern = re.compile("|".join(re.escape(halfwidth(t)) for t in terms if t), re.IGNORECASE)
    found = pattern.search(halfwidth(text))
    if found is None:
        return None
    start = max(0, found.start() - SNIPPET_RADIUS)
    end = min(len(text), found.end() + SNIPPET_RADIUS)
    window = text[start:end]
    parts = []
    position = 0
    for match in pattern.finditer(halfwidth(window)):
        parts.append(escape(window[position : match.start()]))
        parts.append(f"<mark>{escape(window[match.start() : match.end()])}</mark>")
        position = match.end()
    parts.append(escape(window[position:]))
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    return mark_safe(prefix + "".join(parts) + suffix)  # every piece escaped above


def hits(project: Project, query: str) -> list[Hit]:
    """Where the query occurs in a project (its sub-items and citations prefetched)."""
    terms = [query] + [number.normalised for number in find_doc_numbers(query)]
    fields = [
        ("一、项目名称", project.name),
        ("三、项目实施单位", project.implementing_unit),
    ]
    for citation in project.citations.all():
        label = f"二、立项依据第{citation.sequence}条"
        fields.append((label, citation.cited_text))
        fields.append((label, f"{citation.document.title} {citation.document.document_number}"))
    for sub_item in project.sub_items.all():
        fields.append((f"四、子项目{sub_item.sequence}", sub_item.name))
        fields.append((f"五、项目实施内容 子项目{sub_item.sequence}", sub_item.content))
        fields.append((f"七、项目实施计划 子项目{sub_item.sequence}", sub_item.plan))
    fields.append(("六、资金安排情况", project.funding_text))
    fields.append(("八、项目实施成效", project.outcomes))
    results = []
    seen = set()
    for where, text in fields:
        snippet = highlight(text, terms)
        if snippet is not None and where not in seen:
            seen.add(where)
            results.append(Hit(where=where, snippet=snippet))
    return results[:3]
