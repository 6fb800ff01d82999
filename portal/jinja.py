"""The Jinja2 environment of the templates in ``templates-jinja2/``: the project body
(``projects/pagedoc.py``) and the project page, drawn on every uncached view of a project,
where Django's template engine took longer than the whole page may (docs/performance.md).

Their filters are Django's own, so a date, a file size or an address is written the same
way on every page whichever engine draws it.
"""

from __future__ import annotations

from functools import lru_cache

import jinja2
from django.core.signals import setting_changed
from django.template import defaultfilters
from django.templatetags.static import static
from django.urls import reverse
from django.utils.timezone import localtime
from markupsafe import Markup


@lru_cache(maxsize=64)
def _static(path: str) -> str:
    """Django's ``static``, once per file and process: the hashed name does not change while
    a process runs (collectstatic runs before it starts)."""
    return static(path)


def _forget_static(*, setting: str, **kwargs) -> None:
    if setting in ("STATIC_URL", "STORAGES"):
        _static.cache_clear()


setting_changed.connect(_forget_static)


def _linebreaks(text: str) -> Markup:
    """Django's ``linebreaks``: paragraphs at blank lines, <br> at single ones."""
    return Markup(defaultfilters.linebreaks_filter(text, autoescape=True))


def _date(value, format_string: str) -> str:
    """Django's ``date``, in the portal's time zone as Django's templates write it."""
    return defaultfilters.date(localtime(value), format_string) if value else ""


def _url(name: str, *args, **kwargs) -> str:
    return reverse(name, args=args or None, kwargs=kwargs or None)


class Environment(jinja2.Environment):
    """``a.b`` looks up a dict's key before its attributes (Jinja2 tries the attribute first,
    and a failed attribute lookup is what drawing a page document mostly cost: some 230 per
    body). So ``doc.items`` is the document's "items", never ``dict.items``."""

    def getattr(self, obj, attribute):
        if type(obj) is dict and attribute in obj:
            return obj[attribute]
        return super().getattr(obj, attribute)


def environment(**options) -> jinja2.Environment:
    # A missing name is an error, not an empty string: the templates read documents whose
    # every key is always written (projects/pagedoc.py).
    options["undefined"] = jinja2.StrictUndefined
    env = Environment(**options)
    env.globals.update(static=_static, url=_url)
    env.filters.update(
        linebreaks=_linebreaks,
        date=_date,
        filesizeformat=defaultfilters.filesizeformat,
        urlencode=defaultfilters.urlencode,
    )
    return env
