"""The Jinja2 pages (portal/jinja.py, templates-jinja2/) write what the Django ones write: the
same frame, the same dates, sizes and addresses, the same escaping."""

from __future__ import annotations

import datetime
import re

import pytest
from django.template import engines
from django.test import RequestFactory
from django.utils import timezone
from jinja2.exceptions import UndefinedError

pytestmark = pytest.mark.django_db

CHILD = {
    "django": '{% extends "base.html" %}{% block title %}题{% endblock %}'
    "{% block head %}<meta name=x>{% endblock %}{% block content %}<p>正文</p>{% endblock %}",
    "jinja2": '{% extends "base.html" %}{% block title %}题{% endblock %}'
    "{% block head %}<meta name=x>{% endblock %}{% block content %}<p>正文</p>{% endblock %}",
}


def normalised(html: str) -> str:
    html = re.sub(r"\{#.*?#\}", "", html, flags=re.S)
    return re.sub(r">\s+<", "><", re.sub(r"\s+", " ", html)).strip()


@pytest.mark.parametrize("mode", ["standard", "large", "contrast", "nonsense"])
def test_the_two_frames_are_the_same(mode, settings):
    settings.PORTAL = {**settings.PORTAL, "contact": "0877-1234567", "icp": "滇ICP备0号"}
    request = RequestFactory().get("/projects/?q=<乡村>&page=2")
    request.COOKIES["reading_mode"] = mode
    pages = {
        name: engines[name].from_string(source).render({}, request)
        for name, source in CHILD.items()
    }
    assert "正文" in pages["jinja2"]
    assert normalised(pages["django"]) == normalised(pages["jinja2"])


def test_its_filters_are_djangos():
    env = engines["jinja2"].env
    moment = timezone.make_aware(datetime.datetime(2024, 2, 29, 23, 30), datetime.UTC)
    django = engines["django"].from_string(
        '{{ when|date:"Y年n月j日" }}|{{ size|filesizeformat }}|{{ path|urlencode }}|'
        "{{ text|linebreaks }}"
    )
    jinja = env.from_string(
        '{{ when|date("Y年n月j日") }}|{{ size|filesizeformat }}|{{ path|urlencode }}|'
        "{{ text|linebreaks }}"
    )
    context = {"when": moment, "size": 1536000, "path": "/搜索/?q=a b&c", "text": "一<b>\n二\n\n三"}
    assert jinja.render(context) == django.render(context)
    assert "2024年3月1日" in jinja.render(context)  # in the portal's time zone, Asia/Shanghai


def test_a_missing_name_is_an_error_not_an_empty_string():
    with pytest.raises(UndefinedError):
        engines["jinja2"].env.from_string("{{ doc.nothing }}").render(doc={})


def test_a_dicts_key_comes_before_its_methods():
    env = engines["jinja2"].env
    assert env.from_string("{{ d.items }}").render(d={"items": "条目"}) == "条目"
    assert env.from_string("{{ d.get('a') }}").render(d={"a": "一"}) == "一"
    assert env.from_string("{{ d.name }}").render(d={"name": "<b>"}) == "&lt;b&gt;"


@pytest.mark.parametrize("rendered", [True, False])
def test_the_download_lines_are_the_django_partials(rendered):
    from publications.models import Rendition

    rendition = Rendition(pages=23, size=769_417, sha256="ab" * 32) if rendered else None
    django_pdf = engines["django"].get_template("publications/_pdf_download.html")
    django_data = engines["django"].get_template("opendata/_data_downloads.html")
    macros = engines["jinja2"].env.get_template("downloads.html").module
    pdf = {"url": "/p/r1.pdf", "rendition": rendition, "label": "第1版 PDF"}
    data = {"json": "/d.json", "csv": "/d.csv", "xlsx": "/d.xlsx"}
    assert str(macros.pdf_download(**pdf)) == django_pdf.render(pdf).strip()
    assert (
        str(macros.data_downloads(**data, opendata="/opendata/"))
        == django_data.render({**data, "links": {"opendata": "/opendata/"}}).strip()
    )
