"""When the database is out of reach, readers get a Chinese 503 page instead of a traceback,
and the next request after it is back is served as usual."""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import InterfaceError, OperationalError, connections
from django.http import HttpResponse, JsonResponse
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


NUL_MESSAGE = "请求中含有无效字符（NUL）。"


class RejectNulMiddleware:
    """A NUL character in the address or a form field is refused with 400 (422 in the API, as
    its other malformed parameters): no text of the portal holds one, and PostgreSQL cannot
    compare against one (it would end in a 500)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        fields = [("path", request.path, "")]
        fields += [("query", name, v) for name, items in request.GET.lists() for v in items]
        if request.method == "POST" and request.content_type != "multipart/form-data":
            fields += [("form", name, v) for name, items in request.POST.lists() for v in items]
        for where, name, value in fields:
            if "\x00" in name or "\x00" in value:
                return self._refuse(request, where, name)
        return self.get_response(request)

    @staticmethod
    def _refuse(request, where: str, name: str):
        if request.path.startswith("/api/"):
            # A malformed parameter, in the API's documented shape (422, ValidationErrorOut).
            problem = {"type": "value_error", "loc": [where, name], "msg": "NUL character"}
            return JsonResponse({"detail": [problem]}, status=422)
        return HttpResponse(NUL_MESSAGE, status=400, content_type="text/plain; charset=utf-8")
