"""Public pages and downloads, cached and answered conditionally per published version.

``public_page`` (HTML, which differs by reading mode) and ``public_download`` wrap a public
view. For GET and HEAD they:

1. read the version of everything public (``projects.public_version``), which a publication,
   correction, withdrawal or renamed department changes;
2. answer ``If-None-Match`` / ``If-Modified-Since`` with 304 before the view runs: the ETag
   is made from that version, the code's release and the reading mode; Last-Modified is when
   the version changed;
3. serve a stored copy of the response when there is one for this version and address (gzip
   compressed, once, for readers who accept it), and otherwise run the view and store its
   answer (200, not streamed, setting no cookie, not private) for ``PUBLIC_PAGE_TIMEOUT``
   seconds, or until the version changes.

A stored copy is looked for in the process's own copies first (``portal/nearcache.py``), then
in the shared cache; it is stored with its final headers. ``stored_answer`` is the same store
for the API (``opendata/api.py``), which counts each client's rate before it and keeps its own
ETag (from the bytes). Streamed downloads (the CSV export, the bulk zips) get the conditional
answers but are not stored. The headers that the middleware adds (security, CSP, CORS) are
added to stored copies on the way out, as to any response, since this runs inside the
middleware.
"""

from __future__ import annotations

import gzip
import hashlib
import re
from datetime import datetime
from functools import lru_cache, wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date

from projects import public_version

from . import nearcache, routers
from .release import release
from .views import COOKIE, READING_MODES

_REFUSED = re.compile(r"\bq\s*=\s*0(\.0*)?\s*$")


def _accepts_gzip(request) -> bool:
    return _gzip_accepted(request.META.get("HTTP_ACCEPT_ENCODING", ""))


@lru_cache(maxsize=256)  # browsers send a handful of different headers
def _gzip_accepted(accept_encoding: str) -> bool:
    for coding in accept_encoding.split(","):
        name, _, params = coding.partition(";")
        if name.strip().lower() in ("gzip", "*"):
            return not _REFUSED.search(params)
    return False


def _reading_mode(request) -> str:
    mode = request.COOKIES.get(COOKIE, "standard")
    return mode if mode in READING_MODES else "standard"


def _keep(key: str, response: HttpResponse) -> None:
    cacheable = (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in response.get("Cache-Control", "")
        and "no-store" not in response.get("Cache-Control", "")
        and not response.has_header("Content-Encoding")
    )
    if cacheable:
        # Compressed once here, so that each reader whose browser accepts gzip gets a copy
        # a fifth the size without the server compressing it again. Public pages hold no
        # secret (no CSRF token, no session data), so compression leaks nothing (BREACH).
        packed = gzip.compress(response.content, compresslevel=9, mtime=0)
        entry = (response.content, packed, list(response.items()))
        cache.set(key, entry, settings.PUBLIC_PAGE_TIMEOUT)
        nearcache.put(key, entry, _size(entry))


def _size(entry) -> int:
    content, packed, headers = entry
    return len(content) + len(packed) + sum(len(name) + len(value) for name, value in headers)


def _stored(key: str):
    """The stored answer under ``key``: this process's copy, else the shared cache's."""
    entry = nearcache.get(key)
    if entry is None:
        entry = cache.get(key)
        if entry is not None:
            nearcache.put(key, entry, _size(entry))
    return entry


def _restore(entry, request) -> HttpResponse:
    content, packed, headers = entry
    compressed = _accepts_gzip(request)
    response = HttpResponse(packed if compressed else content, headers=dict(headers))
    if compressed:
        response["Content-Encoding"] = "gzip"
        etag = response.get("ETag", "")
        if etag.startswith('"'):  # a strong ETag names the uncompressed bytes only
            response["ETag"] = "W/" + etag
    return response


def stored_answer(request, version: public_version.Version, variant: str, make, finish):
    """The answer stored for this address under ``version`` and ``variant``; or else ``make()``'s
    (rendered, if a TemplateResponse), passed to ``finish`` to set the headers that go with
    it, and stored with them when it is a plain 200. A stored answer keeps the headers it
    was stored with: they depend on nothing that is not in its key."""
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    key = f"page:{version.token}:{variant}:{hashlib.sha256(address.encode()).hexdigest()}"
    if settings.PUBLIC_PAGE_CACHE:
        entry = _stored(key)
        if entry is not None:
            return _restore(entry, request)
    response = make()
    if not getattr(response, "is_rendered", True):
        # A TemplateResponse: rendered here, so that the queries its template makes run
        # inside public_reads() too.
        response.render()
    finish(response)
    if settings.PUBLIC_PAGE_CACHE and request.method == "GET":
        _keep(key, response)
    return response


def _cached(view, *, by_reading_mode: bool):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        with routers.public_reads():
            return _answer(request, view, args, kwargs, by_reading_mode=by_reading_mode)

    return wrapped


@lru_cache(maxsize=64)
def _validators(token: str, changed_at: datetime, variant: str) -> tuple[str, int, str]:
    """ETag, Last-Modified (as a timestamp and as a header) of a version and variant."""
    etag = 'W/"{}"'.format(hashlib.sha256(f"{token}:{variant}".encode()).hexdigest()[:32])
    last_modified = int(changed_at.timestamp())
    return etag, last_modified, http_date(last_modified)


_CONDITIONS = (
    "HTTP_IF_NONE_MATCH",
    "HTTP_IF_MODIFIED_SINCE",
    "HTTP_IF_MATCH",
    "HTTP_IF_UNMODIFIED_SINCE",
)


def _answer(request, view, args, kwargs, *, by_reading_mode: bool):
    version = public_version.current()
    variant = _reading_mode(request) if by_reading_mode else "-"
    variant = f"{release()}:{variant}"
    etag, last_modified, modified_header = _validators(version.token, version.changed_at, variant)
    vary = ("Cookie", "Accept-Encoding") if by_reading_mode else ("Accept-Encoding",)

    def finish(response):
        if response.status_code in (200, 304):
            response["ETag"] = etag
            response["Last-Modified"] = modified_header
            if "Cache-Control" not in response:
                # Browsers and proxies may keep it, and ask again each time (a 304, cheaply).
                patch_cache_control(response, public=True, no_cache=True)
        patch_vary_headers(response, vary)

    if any(condition in request.META for condition in _CONDITIONS):
        response = get_conditional_response(request, etag=etag, last_modified=last_modified)
        if response is not None:
            finish(response)
            return response
    return stored_answer(request, version, variant, lambda: view(request, *args, **kwargs), finish)


def public_page(view):
    """An HTML page of public records: cached per version and reading mode."""
    return _cached(view, by_reading_mode=True)


def public_download(view):
    """A file of public records (data, feeds): cached per version."""
    return _cached(view, by_reading_mode=False)
