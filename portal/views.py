"""Site-wide views: the reading mode (适老化) that a reader switches without any script, the
health check, and the page for a form too large to read."""

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.db import DatabaseError, connection
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.template.loader import render_to_string
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.defaults import bad_request as django_bad_request

from infra.readingmode import COOKIE, READING_MODES
from projects.forms import TEXT_LIMIT


@require_GET
def reading_mode(request, mode: str):
    """Remember the reader's choice in a cookie and go back to the page they were on."""
    target = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "/"
    response = HttpResponseRedirect(target)
    if mode in READING_MODES and mode != "standard":
        response.set_cookie(COOKIE, mode, max_age=365 * 24 * 3600, samesite="Lax")
    else:
        response.delete_cookie(COOKIE)
    return response


@never_cache
@require_GET
def health(request):
    """For load balancers and monitors: 200 when the database answers, 503 when it does not.
    A shared cache that does not answer is reported ("degraded") but still 200: the site
    serves without it (infra/cache.py), and every app server shares it, so taking them out
    of the balancer would help no one."""
    reachable = getattr(cache, "reachable", None)  # infra.cache.RedisCache
    cache_state = "ok" if reachable is None or reachable() else "unavailable"
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse(
            {"status": "unavailable", "database": "unavailable", "cache": cache_state}, status=503
        )
    status = "ok" if cache_state == "ok" else "degraded"
    return JsonResponse({"status": status, "database": "ok", "cache": cache_state})


def bad_request(request, exception):
    """400, in Chinese; a form over the size or field limits gets 413 and a page that says
    the limit, that nothing was saved, and that the browser's Back keeps what was typed
    (the request's body is never read past the limit)."""
    if isinstance(exception, RequestDataTooBig | TooManyFieldsSent | TooManyFilesSent):
        context = {
            "too_many_fields": not isinstance(exception, RequestDataTooBig),
            "max_mb": settings.DATA_UPLOAD_MAX_MEMORY_SIZE // (1024 * 1024),
            "max_fields": settings.DATA_UPLOAD_MAX_NUMBER_FIELDS,
            "text_limit": f"{TEXT_LIMIT:,}",
        }
        response = HttpResponse(render_to_string("413.html", context), status=413)
        response["Cache-Control"] = "no-store"
        return response
    return django_bad_request(request, exception)
