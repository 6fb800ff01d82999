"""The renderer fetches nothing: no network, no local file outside static/, whatever the HTML
or the records say. A listener on loopback counts every request that reaches it."""

from __future__ import annotations

import copy
import http.server
import threading
from pathlib import Path

import pytest
from django.conf import settings

from publications import render
from publications.fetcher import LocalOnlyFetcher
from tests.conftest import pdf_attachments

from .conftest import pdf_text

PASSWD_MARK = b"root:"


@pytest.fixture
def listener():
    """An HTTP server on a free loopback port; ``hits`` lists the paths requested."""
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            hits.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", hits
    server.shutdown()
    server.server_close()


def payloads(base: str) -> str:
    return (
        f'<img src="{base}/img.png">'
        '<img src="file:///etc/passwd">'
        '<link rel="attachment" href="file:///etc/passwd" title="passwd">'
        f'<link rel="stylesheet" href="{base}/style.css">'
        f"<style>@import url({base}/import.css); "
        f"body {{ background: url({base}/bg.png) }} "
        "p { background: url(file:///etc/passwd) }</style>"
        f'<object data="{base}/object"></object>'
        f'<svg><image href="{base}/svg.png" width="10" height="10"/></svg>'
    )


def test_fetcher_allows_only_data_urls_and_the_static_folder():
    fetcher = LocalOnlyFetcher()
    static = Path(settings.STATICFILES_DIRS[0]).resolve()
    assert fetcher.allows("data:text/plain,hello")
    assert fetcher.allows((static / "css" / "pdf.css").as_uri())
    assert not fetcher.allows("file:///etc/passwd")
    assert not fetcher.allows((static / "css" / ".." / ".." / "manage.py").as_uri())
    assert not fetcher.allows((static / "css" / "no-such.css").as_uri())
    assert not fetcher.allows("file://example.org" + str(static / "css" / "pdf.css"))
    assert not fetcher.allows("http://127.0.0.1/")
    assert not fetcher.allows("https://example.org/")
    assert not fetcher.allows("ftp://example.org/x")


def test_raw_html_fetches_and_embeds_nothing(listener):
    base, hits = listener
    content, _, refused = render.write_pdf(
        f'<html lang="zh-CN"><head>{payloads(base)}</head><body><p>正文</p>'
        f"{payloads(base)}</body></html>"
    )
    assert hits == []
    assert any(url.startswith(base) for url in refused)
    assert "file:///etc/passwd" in refused
    assert pdf_attachments(content) == {}
    assert PASSWD_MARK not in content
    assert "正文" in pdf_text(content)


@pytest.mark.django_db
def test_user_entered_text_is_printed_not_fetched(listener, seed_tree):
    """Markup typed into a record reaches the PDF as text, and is neither fetched nor embedded."""
    from projects import selectors
    from projects.models import Project
    from projects.services import load_disclosure_tree

    base, hits = listener
    tree = copy.deepcopy(seed_tree)
    project = tree["projects"][0]
    project["name"] = f'<img src="{base}/name.png">'
    project["outcomes"] = payloads(base)
    project["sub_items"][0]["content"] = "<style>@import url('file:///etc/passwd');</style>"
    load_disclosure_tree(tree, publish=True)
    record = selectors.with_tree(Project.objects.filter(sequence=1)).get()

    rendered = render.project_pdf(record)

    assert hits == []
    assert rendered.refused == ()  # escaped: nothing even asked to be fetched
    assert sorted(pdf_attachments(rendered.content)) == [a.name for a in rendered.attachments]
    assert PASSWD_MARK not in rendered.content
    text = pdf_text(rendered.content)
    assert "<img" in text and "@import" in text
