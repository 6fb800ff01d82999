"""Work every process would otherwise do on its first requests, done once in gunicorn's master
before it forks (``portal/gunicorn.conf.py``): the workers inherit the result, and a worker
recycled after ``max_requests`` starts ready instead of making its first readers wait for
the release digest, the compiled templates and the URL patterns."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.template.loader import get_template
from django.urls import get_script_prefix, reverse

from .context_processors import navigation_links
from .release import release


def warm() -> int:
    """Compute what is computed once per process; returns the number of templates compiled."""
    release()
    reverse("projects:home")  # fills the URL resolver's lookup tables
    navigation_links(get_script_prefix(), None)
    folder = Path(settings.BASE_DIR) / "templates"
    names = [str(path.relative_to(folder)) for path in sorted(folder.rglob("*.html"))]
    for name in names:
        get_template(name)  # the cached loader keeps it
    return len(names)
