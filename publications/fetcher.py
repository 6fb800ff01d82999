"""The only way the PDF renderer reaches outside its input: data: URLs and the static folder.

A disclosure's text is typed by staff and imported from files; an ``<img>``, a ``<link>`` or a
CSS ``url()`` that slipped into it must not make the server fetch anything: no request to an
internal address, no local file such as ``/etc/passwd`` read into a published PDF. WeasyPrint
70 takes a ``URLFetcher`` subclass; this one refuses everything but ``data:`` URLs and files
under the project's ``static/`` folder (resolved, so ``..`` and symlinks cannot leave it).
"""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from weasyprint.urls import URLFetcher

log = logging.getLogger(__name__)


def static_roots() -> list[Path]:
    return [Path(root).resolve() for root in settings.STATICFILES_DIRS]


class LocalOnlyFetcher(URLFetcher):
    """Fetches ``data:`` URLs and ``file:`` URLs inside the static folder; refuses the rest.

    ``refused`` lists every URL turned away, for logging and for tests.
    """

    def __init__(self, **kwargs):
        super().__init__(allowed_protocols={"data", "file"}, allow_redirects=False, **kwargs)
        self.roots = static_roots()
        self.refused: list[str] = []

    def allows(self, url: str) -> bool:
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme == "data":
            return True
        if scheme != "file" or parts.netloc not in ("", "localhost"):
            return False
        path = Path(unquote(parts.path)).resolve()
        return path.is_file() and any(path.is_relative_to(root) for root in self.roots)

    def fetch(self, url, headers=None):
        if not self.allows(url):
            self.refused.append(url)
            log.warning("PDF renderer refused to fetch %s", url[:200])
            # A ValueError is caught by WeasyPrint: the resource is left out, rendering goes on.
            raise ValueError(f"refused: {url[:200]}")
        return super().fetch(url, headers)
