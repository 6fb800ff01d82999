"""Work every process would otherwise do on its first requests, done once in gunicorn's master
before it forks (``portal/gunicorn.conf.py``): the workers inherit the result, and a worker
recycled after ``max_requests`` starts ready instead of making its first readers wait for
the release digest, the compiled templates, the URL patterns and the page documents'
version."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.template import engines
from django.urls import get_script_prefix, reverse

from infra.release import release

from .context_processors import navigation_links


def warm() -> int:
    """Compute what is computed once per process; returns the number of templates compiled."""
    from projects import pagedoc  # the apps are loaded by now

    release()
    pagedoc.version()
    reverse("projects:home")  # fills the URL resolver's lookup tables
    navigation_links(get_script_prefix(), None)
    compiled = 0
    root = Path(settings.BASE_DIR) / "templates"
    for path in sorted(root.rglob("*.html")):
        engines["django"].get_template(str(path.relative_to(root)))  # kept by the loader
        compiled += 1
    return compiled
