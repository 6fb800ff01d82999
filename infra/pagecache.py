"""Public pages and downloads, cached and answered conditionally per published version.

``public_page`` (HTML, which differs by reading mode) and ``public_download`` wrap a public
view. For GET and HEAD they:

1. read the version of what the page shows (the function ``settings.PUBLIC_VERSION`` names,
   ``projects.public_version.current``): of one project or one department's document when
   the page is marked with a ``scope``, otherwise of everything public. A publication changes
   the versions of its project, its disclosure and everything public; a renamed department
   changes all of them;
2. answer ``If-None-Match`` / ``If-Modified-Since`` with 304 before the view runs: the ETag
   is made from that version, the code's release and the reading mode; Last-Modified is when
   the version changed;
3. serve a stored copy of the response when there is one for this version and address (gzip
   compressed, once, for readers who accept it), and otherwise run the view and store its
   answer (200, not streamed, setting no cookie, not private) for ``PUBLIC_PAGE_TIMEOUT``
   seconds, or until the version changes.

A stored copy is looked for in the process's own copies first (``portal/nearcache.py``), then
in the shared cache. Copies are stored and answered by ``StoredPageMiddleware``, near the top
of the middleware, for every view marked with a ``Storage``: the pages and downloads wrapped
here, and the API's operations (``opendata/api.py``, whose ``Storage`` counts each client's
rate before a copy is looked up). A stored copy is answered before the sessions, CSRF,
authentication, messages and history middleware run, since none of them changes a public
answer, and it is stored with the headers those layers gave it the first time. The layers
above it (security, whitenoise, CSP, CORS) add theirs to every answer, stored or not.
Streamed downloads (the CSV export, the bulk zips) get the conditional answers but are not
stored.
"""

from __future__ import annotations

import gzip
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache, wraps
from importlib import import_module

from django.conf import settings
from django.core.cache import cache
from django.db import Error as DbError  # InterfaceError too, which no DatabaseError is
from django.http import HttpRequest, HttpResponse
from django.urls import Resolver404, resolve
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date, parse_http_date_safe

from . import nearcache, routers
from .readingmode import mode_of
from .release import release

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


@lru_cache(maxsize=1)
def _version_source():
    module, _, name = settings.PUBLIC_VERSION.rpartition(".")
    return import_module(module), name


def current_version(scope: str | None = None):
    """The version of what a page shows (of everything public without ``scope``): an object
    with ``token`` and ``changed_at``, read by the function ``settings.PUBLIC_VERSION`` names
    (this package imports no app). Looked up in its module on each call, so that a test may
    stand in for it."""
    module, name = _version_source()
    read = getattr(module, name)
    return read(scope) if scope is not None else read()


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
        # The length is the one thing a restored copy sets anew: it may be sent compressed.
        headers = [(name, value) for name, value in response.items() if name != "Content-Length"]
        entry = (response.content, packed, headers)
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
    body = packed if compressed else content
    response = HttpResponse(body, headers=dict(headers))
    response["Content-Length"] = str(len(body))
    if compressed:
        response["Content-Encoding"] = "gzip"
        etag = response.get("ETag", "")
        if etag.startswith('"'):  # a strong ETag names the uncompressed bytes only
            response["ETag"] = "W/" + etag
    return response


def _key(request, version, variant: str) -> str:
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return f"page:{version.token}:{variant}:{hashlib.sha256(address.encode()).hexdigest()}"


def _made(make, finish) -> HttpResponse:
    """``make()``'s answer, rendered if a TemplateResponse (here, so that the queries its
    template makes run inside public_reads() too), with ``finish``'s headers."""
    response = make()
    if not getattr(response, "is_rendered", True):
        response.render()
    finish(response)
    return response


def to_store(request, make, finish) -> HttpResponse:
    """``make()``'s answer with ``finish``'s headers, for ``StoredPageMiddleware`` to store
    under the version it read before (when it did; otherwise nothing stores it)."""
    response = _made(make, finish)
    version = getattr(request, "public_version", None)
    if version is not None:
        response.public_version = version
    return response


@dataclass(frozen=True)
class Storage:
    """What marks a view whose answers ``StoredPageMiddleware`` stores and answers: the name
    its copies are kept under, whether they differ by reading mode, and what is checked for
    each request before a copy is looked up (an answer to send instead, or None)."""

    name: str
    by_reading_mode: bool = False
    gate: Callable[[HttpRequest], HttpResponse | None] | None = None
    # What the page shows, from the address's values: its copies are kept under that scope's
    # version, so a publication elsewhere leaves them valid. None: everything public.
    scope: Callable[[dict], str] | None = None

    def scope_of(self, kwargs: dict) -> str | None:
        return self.scope(kwargs) if self.scope is not None else None

    def variant(self, request) -> str:
        """What, beside the address and the version, tells its stored copies apart."""
        return f"{release()}:{mode_of(request) if self.by_reading_mode else self.name}"


PAGE = Storage("page", by_reading_mode=True)
DOWNLOAD = Storage("-")


def _cached(view, storage: Storage):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        with routers.public_reads():
            return _answer(request, view, args, kwargs, storage)

    wrapped.storage = storage
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


def _answer(request, view, args, kwargs, storage: Storage):
    # The version was read by StoredPageMiddleware when it is in the stack and stores answers.
    version = getattr(request, "public_version", None) or current_version(storage.scope_of(kwargs))
    variant = storage.variant(request)
    etag, last_modified, modified_header = _validators(version.token, version.changed_at, variant)
    vary = ("Cookie", "Accept-Encoding") if storage.by_reading_mode else ("Accept-Encoding",)

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
    # Stored above, by StoredPageMiddleware, with the headers of the layers between; never
    # here below them (as when the middleware could not read the version).
    return to_store(request, lambda: view(request, *args, **kwargs), finish)


@lru_cache(maxsize=4096)  # the URL patterns do not change while a process runs
def _storage(path: str, urlconf) -> tuple[Storage, str | None] | None:
    """The storage of the view at ``path`` and the scope of what it shows, or None."""
    try:
        match = resolve(path, urlconf)
    except Resolver404:
        return None
    storage = getattr(match.func, "storage", None)
    if storage is None:
        return None
    return storage, storage.scope_of(match.kwargs)


class StoredPageMiddleware:
    """Answers a GET or HEAD of a public page, download or API address from its stored copy,
    before the layers below it run; on a miss, stores the answer on its way out, with the
    headers they gave it.

    Which addresses are stored is the URL resolver's answer (a ``Storage`` marks the view),
    so nothing else is looked up. Should the version not be readable (the database out of
    reach and the version forgotten), the request goes down as usual, where
    ``DatabaseUnavailableMiddleware`` answers 503.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD") or not settings.PUBLIC_PAGE_CACHE:
            return self.get_response(request)
        urlconf = getattr(request, "urlconf", None) or settings.ROOT_URLCONF
        found = _storage(request.path_info, urlconf)
        if found is None:
            return self.get_response(request)
        storage, scope = found
        if storage.gate is not None:
            refused = storage.gate(request)
            if refused is not None:
                return refused
        try:
            with routers.public_reads():
                version = current_version(scope)
        except DbError:
            return self.get_response(request)
        key = _key(request, version, storage.variant(request))
        entry = _stored(key)
        if entry is not None:
            response = _restore(entry, request)
            if any(condition in request.META for condition in _CONDITIONS):
                last_modified = parse_http_date_safe(response.get("Last-Modified", ""))
                response = get_conditional_response(
                    request, response.get("ETag"), last_modified, response
                )
            return response
        request.public_version = version
        response = self.get_response(request)
        if request.method == "GET" and getattr(response, "public_version", None) is version:
            _keep(key, response)
        return response


def public_page(view, scope: Callable[[dict], str] | None = None):
    """An HTML page of public records: cached per version (of ``scope``, what the page shows
    by its address's values, or of everything public) and reading mode."""
    return _cached(view, Storage("page", by_reading_mode=True, scope=scope) if scope else PAGE)


def public_download(view, scope: Callable[[dict], str] | None = None):
    """A file of public records (data, feeds): cached per version, as ``public_page``."""
    return _cached(view, Storage("-", scope=scope) if scope else DOWNLOAD)
