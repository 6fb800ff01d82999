"""Substring search over published projects, with highlighted snippets.

Chinese has no spaces between words, so search matches substrings (慰问 finds 慰问金), with
``icontains`` on every engine. On PostgreSQL, trigram GIN indexes on ``UPPER(column)`` (what
``icontains`` compares) keep it fast on large tables; see migration 0003.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from budget.docnumbers import find_doc_numbers

from .models import Citation, Project, SubItem

MAX_QUERY = 100
SNIPPET_RADIUS = 40


def normalise_query(query: str) -> str:
    """The query trimmed and cut to a sane length; inner spaces are kept as typed."""
    return query.strip()[:MAX_QUERY]


def matching_projects(query: str) -> QuerySet[Project]:
    """Live projects whose name, narrative, sub-items or cited documents contain ``query``.

    A 文号 in the query also matches its standard 〔〕 form, so 澄办发【2014】104号 finds the
    project citing 澄办发〔2014〕104号.
    """
    terms = [query] + [number.normalised for number in find_doc_numbers(query)]
    text_match = Q()
    sub_match = Q()
    citation_match = Q()
    for term in terms:
        text_match |= (
            Q(name__icontains=term)
            | Q(implementing_unit__icontains=term)
            | Q(outcomes__icontains=term)
            | Q(basis_closing__icontains=term)
            | Q(funding_text__icontains=term)
        )
        sub_match |= Q(name__icontains=term) | Q(content__icontains=term) | Q(plan__icontains=term)
        citation_match |= (
            Q(cited_text__icontains=term)
            | Q(document__title__icontains=term)
            | Q(document__document_number__icontains=term)
        )
    return (
        Project.objects.published()
        # Uncorrelated IN-subqueries: each is answered once from its trigram indexes (and
        # hashed), where a correlated EXISTS would probe the sub-items once per project.
        .filter(
            text_match
            | Q(pk__in=SubItem.objects.filter(sub_match).values("project_id"))
            | Q(pk__in=Citation.objects.filter(citation_match).values("project_id"))
        )
        .select_related("disclosure__department")
        # What hits() reads, fetched once for the page of results.
        .prefetch_related(
            "sub_items",
            Prefetch("citations", queryset=Citation.objects.select_related("document")),
        )
        .order_by("-disclosure__fiscal_year", "disclosure__department__name", "sequence")
    )


@dataclass(frozen=True)
class Hit:
    where: str  # the section the snippet comes from, e.g. "五、项目实施内容 子项目3"
    snippet: SafeString


def highlight(text: str, terms: list[str]) -> SafeString | None:
    """A window of ``text`` around the first match, escaped, the terms wrapped in <mark>."""
    pattern = re.compile("|".join(re.escape(t) for t in terms if t), re.IGNORECASE)
    found = pattern.search(text)
    if found is None:
        return None
    start = max(0, found.start() - SNIPPET_RADIUS)
    end = min(len(text), found.end() + SNIPPET_RADIUS)
    window = text[start:end]
    parts = []
    position = 0
    for match in pattern.finditer(window):
        parts.append(escape(window[position : match.start()]))
        parts.append(f"<mark>{escape(match.group())}</mark>")
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
