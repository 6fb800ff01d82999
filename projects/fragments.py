"""The body of a published revision's page, rendered once per revision and kept.

A published revision never changes (``GuardedChild`` and the database triggers), so the
expensive part of its page (the whole tree read, checked, charted and rendered:
``projects/_project_body.html``) is the same every time. It is kept in the cache under the
revision, the code's release, the anchor prefix and the disclosure's title (the one thing in
the body that lives outside the revision), so it outlives the stored pages, which every
publication anywhere makes stale (``portal/pagecache.py``). Drafts and previews are never
kept. ``PUBLIC_FRAGMENT_CACHE=0`` turns it off.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from portal import nearcache
from portal.release import release

from . import selectors
from .models import FROZEN_STATUSES, Project
from .presenters import project_page_context

TEMPLATE = "projects/_project_body.html"


def _key(project: Project, anchor: str) -> str:
    title = hashlib.sha256(project.disclosure.title.encode()).hexdigest()[:12]
    return f"body:{release()}:{project.pk}:{anchor}:{title}"


def _render(project: Project, anchor: str) -> str:
    """The body of a project whose tree is loaded (``selectors.add_trees``)."""
    context = {**project_page_context(project), "anchor": anchor}
    # No request: the body depends on the revision alone, not on who asks or how.
    return render_to_string(TEMPLATE, context)


def project_bodies(projects: list[Project], anchor=lambda project: "") -> list[SafeString]:
    """The rendered bodies of ``projects`` (rows with their disclosure), in order. The trees
    of those whose body is not kept are read together, in the queries of one tree."""
    keep = settings.PUBLIC_FRAGMENT_CACHE
    keys = [_key(p, anchor(p)) if keep and p.status in FROZEN_STATUSES else None for p in projects]
    kept = _kept([key for key in keys if key]) if keep else {}
    missing = [p for p, key in zip(projects, keys, strict=True) if key not in kept]
    selectors.add_trees(missing)
    bodies, fresh = [], {}
    for project, key in zip(projects, keys, strict=True):
        html = kept.get(key) if key else None
        if html is None:
            html = _render(project, anchor(project))
            if key:
                fresh[key] = html
        bodies.append(mark_safe(html))  # rendered by the template engine, which escaped it
    if fresh:
        cache.set_many(fresh, settings.PUBLIC_PAGE_TIMEOUT)
        for key, html in fresh.items():
            nearcache.put(key, html, len(html))
    return bodies


def _kept(keys: list[str]) -> dict[str, str]:
    """The bodies kept under ``keys``: this process's copies, then the shared cache's."""
    kept = {key: html for key in keys if (html := nearcache.get(key)) is not None}
    if len(kept) < len(keys):
        shared = cache.get_many([key for key in keys if key not in kept])
        for key, html in shared.items():
            nearcache.put(key, html, len(html))
        kept.update(shared)
    return kept


def project_body(project: Project, *, anchor: str = "") -> SafeString:
    """The rendered body of ``project`` (a row with its disclosure; the tree is read only
    when the body is not kept)."""
    return project_bodies([project], lambda _: anchor)[0]
