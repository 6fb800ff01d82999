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
