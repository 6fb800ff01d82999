"""Site-wide views: the reading mode (适老化) that a reader switches without any script, and the
health check."""

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import HttpResponseRedirect, JsonResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

READING_MODES = {"standard": "标准", "large": "大字", "contrast": "高对比"}
COOKIE = "reading_mode"


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
    serves without it (portal/cache.py), and every app server shares it, so taking them out
    of the balancer would help no one."""
    reachable = getattr(cache, "reachable", None)  # portal.cache.RedisCache
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
