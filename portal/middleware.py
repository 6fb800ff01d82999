"""When the database is out of reach, readers get a Chinese 503 page instead of a traceback,
and the next request after it is back is served as usual."""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import InterfaceError, OperationalError, connections
from django.http import HttpResponse
from django.template.loader import render_to_string

logger = logging.getLogger("portal.availability")

RETRY_AFTER_SECONDS = 10


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        logger.error("database unavailable: %s", exception)
        # A broken connection is dropped now, so that the next request opens a new one.
        for connection in connections.all(initialized_only=True):
            connection.close_if_unusable_or_obsolete()
        # Rendered without the request: the context processors could touch the database.
        html = render_to_string("503.html", {"portal": settings.PORTAL})
        response = HttpResponse(html, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
        return response


class RejectNulMiddleware:
    """A NUL character in the address or a form field is refused with 400: no text of the
    portal holds one, and PostgreSQL cannot compare against one (it would end in a 500)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        values = [request.path, *request.GET.keys()]
        values += [value for _, items in request.GET.lists() for value in items]
        if request.method == "POST" and request.content_type != "multipart/form-data":
            values += [value for _, items in request.POST.lists() for value in items]
        if any("\x00" in value for value in values):
            return HttpResponse(
                "请求中含有无效字符（NUL）。",
                status=400,
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)
