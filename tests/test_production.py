"""The production configuration: health check, the Chinese 503 page while the database is out
of reach, the security headers and Content-Security-Policy, and a clean `check --deploy`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import InterfaceError, OperationalError
from django.test import RequestFactory
from django.urls import reverse

from infra.middleware import DatabaseUnavailableMiddleware

REPO = Path(__file__).resolve().parents[1]
# What production is started with (SECRET_KEY and ALLOWED_HOSTS being required).
PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "portal.settings.prod",
    "SECRET_KEY": "a-long-random-production-key-" + "x7Qz" * 12,
    "ALLOWED_HOSTS": "portal.example.cn",
}


def manage_in_production(*args: str, without: tuple[str, ...] = (), **env: str):
    """``manage.py *args`` in a process of its own with the production settings, ``env``
    added and the variables named in ``without`` removed."""
    environment = {**os.environ, **PRODUCTION, **env}
    for name in ("DJANGO_ALLOW_ASYNC_UNSAFE", *without):
        environment.pop(name, None)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.django_db
def test_health_answers_when_the_database_does(client):
    response = client.get(reverse("health"))
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_health_reports_redis_up(client, settings, redis_url):
    settings.CACHES = {"default": {"BACKEND": "infra.cache.RedisCache", "LOCATION": redis_url}}
    assert client.get(reverse("health")).json() == {"status": "ok", "database": "ok", "cache": "ok"}


@pytest.mark.django_db
def test_health_reports_redis_down_but_keeps_the_server_in(client, redis_down):
    """Every app server shares the cache and serves without it: a balancer that took them
    out for it would take the site down. Monitors read "degraded"."""
    response = client.get(reverse("health"))
    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "database": "ok", "cache": "unavailable"}


@pytest.mark.django_db
def test_health_says_unavailable_when_the_database_does_not(client, monkeypatch):
    from django.db import connection

    def broken():
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", broken)
    response = client.get(reverse("health"))
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"


@pytest.mark.django_db
@pytest.mark.parametrize("error", [OperationalError, InterfaceError])
def test_a_lost_database_gives_a_chinese_503_page(error):
    middleware = DatabaseUnavailableMiddleware(lambda request: None)
    request = RequestFactory().get("/projects/")
    response = middleware.process_exception(request, error("server closed the connection"))
    assert response.status_code == 503
    assert response["Retry-After"] == "10"
    text = response.content.decode()
    assert "服务暂时不可用" in text and 'lang="zh-CN"' in text
    # Other errors are left to Django's own handling.
    assert middleware.process_exception(request, ValueError("x")) is None


@pytest.mark.django_db
def test_pages_carry_a_strict_content_security_policy(client, seed, admin_client):
    for response in (client.get("/"), admin_client.get(reverse("admin:index"))):
        policy = response["Content-Security-Policy"]
        directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
        assert directives["script-src"] == "'self'" and "unsafe-inline" not in policy
        assert directives["object-src"] == "'none'"
        assert directives["frame-ancestors"] == "'none'"
        assert response["X-Frame-Options"] == "DENY"
        assert response["X-Content-Type-Options"] == "nosniff"


def test_check_deploy_is_clean_with_the_production_settings():
    result = manage_in_production(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DATABASE_URL=os.environ.get("DATABASE_URL", "postgres://localhost/portal"),
        REDIS_URL="redis://127.0.0.1:6379/0",  # read, not connected to, by the check
        REDIS_TIMEOUT_MS="250",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_its_secrets():
    result = manage_in_production("check", without=("SECRET_KEY", "ALLOWED_HOSTS"))
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/search/?q=%00",
        "/projects/?q=a%00b",
        "/api/v1/disclosures?department=%0D%00",
        "/api/v1/projects?q=%00",
        "/documents/?x%00=1",
    ],
)
def test_a_nul_character_is_refused_clearly(client, url):
    response = client.get(url)
    if url.startswith("/api/"):  # a malformed parameter, in the API's documented shape
        assert response.status_code == 422
        assert response.json()["detail"][0]["loc"][0] == "query"
    else:
        assert response.status_code == 400
        assert "无效字符" in response.content.decode()


def test_warming_up_compiles_every_template_once_for_all_workers(settings):
    """gunicorn's master warms the app before forking (portal/gunicorn.conf.py): each of the
    portal's templates is compiled and kept by Django's cached loader, the release and the
    page documents' version worked out."""
    from django.template import engines

    from infra.release import release
    from portal.warmup import warm
    from projects import pagedoc

    release.cache_clear()
    pagedoc.version.cache_clear()
    base = Path(settings.BASE_DIR)
    templates = len(list((base / "templates").rglob("*.html")))
    assert warm() == templates and templates > 20
    assert release.cache_info().currsize == 1
    assert pagedoc.version.cache_info().currsize == 1
    loader = engines["django"].engine.template_loaders[0]
    assert type(loader).__name__ == "Loader" and "cached" in type(loader).__module__
    kept = {origin_name for origin_name in loader.get_template_cache}
    assert {"projects/project.html", "projects/body.html", "base.html"} <= kept


@pytest.mark.parametrize("timeout", ["0", "-5", "0.5"])
def test_production_refuses_a_redis_timeout_it_cannot_use(timeout):
    """0 would make the sockets non-blocking and the cache always "down"; -5 an error on
    every request; milliseconds are whole."""
    result = manage_in_production(
        "check", REDIS_URL="redis://127.0.0.1:6379/0", REDIS_TIMEOUT_MS=timeout
    )
    assert result.returncode != 0
    assert "REDIS_TIMEOUT_MS" in result.stderr
