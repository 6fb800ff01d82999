"""The reading mode (大字 / 高对比): switched by a link, remembered in a cookie, no script."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_switching_to_large_text_sets_the_body_class(client):
    response = client.get(reverse("reading-mode", args=["large"]), {"next": "/documents/"})
    assert response.status_code == 302 and response["Location"] == "/documents/"
    html = client.get(reverse("projects:home")).content.decode()
    assert '<body class="mode-large">' in html
    assert '<strong aria-current="true">大字</strong>' in html
    client.get(reverse("reading-mode", args=["standard"]))
    assert '<body class="mode-standard">' in client.get(reverse("projects:home")).content.decode()


def test_the_redirect_stays_on_this_site(client):
    response = client.get(
        reverse("reading-mode", args=["contrast"]), {"next": "https://evil.example/"}
    )
    assert response["Location"] == "/"


def test_unknown_modes_fall_back_to_standard(client):
    client.cookies["reading_mode"] = "<script>"
    html = client.get(reverse("projects:home")).content.decode()
    assert '<body class="mode-standard">' in html


def test_pages_carry_no_script(client, seed):
    from projects.models import Project

    for url in (reverse("projects:home"), Project.objects.first().get_absolute_url()):
        assert "<script" not in client.get(url).content.decode()
