"""Work every process would otherwise do on its first requests, done once in gunicorn's master
before it forks (``portal/gunicorn.conf.py``): the workers inherit the result, and a worker
recycled after ``max_requests`` starts ready instead of making its first readers wait for
the release digest, the compiled templates (Django's and Jinja2's), the URL patterns, and the
page documents' version and the project page's query."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.template import engines
from django.urls import get_script_prefix, reverse

from infra.release import release

from .context_processors import navigation_links


def warm() -> int:
    """Compute what is computed once per process; returns the number of templates compiled."""
    from projects import pagedoc, selectors  # the apps are loaded by now

    release()
    pagedoc.version()
    selectors.warm_project_page()
    reverse("projects:home")  # fills the URL resolver's lookup tables
    navigation_links(get_script_prefix(), None)
    compiled = 0
    for engine, folder in (("django", "templates"), ("jinja2", "templates-jinja2")):
        root = Path(settings.BASE_DIR) / folder
        for path in sorted(root.rglob("*.html")):
            engines[engine].get_template(str(path.relative_to(root)))  # kept by the engine
            compiled += 1
    return compiled
