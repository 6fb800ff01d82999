"""Headless Chromium (Debian's /usr/bin/chromium) driven by Playwright; no browser download."""

import os
import shutil
from pathlib import Path

import pytest
from django.db import connection

CHROMIUM = os.environ.get("CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
# Flags for a closed network and a root sandbox: no background calls home, no GPU.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}; `make test` installs Debian's chromium.")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop; Django's async-safety check would trip on it.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def screenshot_dir() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


def watch_policy_violations(page) -> list[str]:
    """Collect what the page's Content-Security-Policy blocked (Chromium reports it on the
    console); a list that stays empty means the pages need nothing the policy forbids."""
    blocked: list[str] = []
    page.on(
        "console",
        lambda message: (
            blocked.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return blocked


@pytest.fixture(scope="session")
def live_server(django_db_setup, django_db_blocker, live_server):
    """pytest-django's live server, started after the test database is made, so it stops
    (closing its thread's connection) before the database is dropped; started first, it
    outlived the database's teardown, which then failed ("being accessed by other users").

    A request thread the browser left mid-request when it closed (a daemon thread, never
    joined) keeps its connection open, in a transaction: those are closed from the server's
    side once the tests are done, before the database is dropped."""
    yield live_server
    with django_db_blocker.unblock():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    " WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
