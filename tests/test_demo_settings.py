"""The demo's settings (portal.settings.dev): the pages the public and the staff will see, with
the Chinese error pages, static files served without collectstatic, and the demo's logins made
only there."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

REPO = Path(__file__).resolve().parents[1]

DEMO_REQUESTS = """
from django.test import Client
client = Client(raise_request_exception=False, HTTP_HOST="127.0.0.1")
missing = client.get("/no-such-page/")
print(missing.status_code, "页面不存在" in missing.content.decode())
print(client.get("/login/").status_code, client.get("/login/")["Location"])
css = client.get("/static/css/portal.css")
print(css.status_code, css.get("Content-Type", ""))
from django.conf import settings
print(settings.DEBUG)
"""


def test_the_demo_answers_a_missing_page_in_chinese_and_serves_static_files(tmp_path):
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'demo.sqlite3'}",
    }
    environment.pop("DEBUG", None)
    run = subprocess.run(
        [sys.executable, "manage.py", "shell", "-v", "0", "-c", DEMO_REQUESTS],
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    missing, login, css, debug = run.stdout.split("\n")[:4]
    assert missing == "404 True"  # the portal's own page, not Django's debug page
    assert login == "302 /admin/"
    assert css.startswith("200 text/css")
    assert debug == "False"


@pytest.mark.django_db
def test_demo_logins_are_refused_outside_the_demo():
    with pytest.raises(CommandError, match="演示环境"):
        call_command("create_demo_users")


@pytest.mark.django_db
def test_every_public_page_leads_staff_to_their_login(client, seed):
    page = client.get("/").content.decode()
    assert f'href="{reverse("staff-login")}"' in page and "工作人员登录" in page
    response = client.get(reverse("staff-login"), follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("admin:login"))
    assert "登录" in response.content.decode()
