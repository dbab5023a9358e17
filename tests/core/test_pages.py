"""Every public page: light (HTML + the CSS and JS it links ≤ 60 KB), no inline script or style (strict CSP)."""

import re

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = [
    "/",
    "/data-notes/",
    "/contact/",
    "/parties/",
    "/parties/BRA/",
    "/centres/",
    "/centres/scrc-brazil/",
    "/decisions/",
    "/decisions/SC-1/15/",
]
BUDGET = 60 * 1024
ASSET = re.compile(r'<(?:link[^>]*\bhref|script[^>]*\bsrc)="([^"]+)"')


def linked_asset_bytes(html):
    """The size of each stylesheet and script the page links to, read from the static files."""
    total = 0
    for url in ASSET.findall(html):
        if url.startswith("/" + settings.STATIC_URL.strip("/") + "/"):
            path = finders.find(url.split(settings.STATIC_URL, 1)[1])
            assert path, f"{url} is linked but not found"
            with open(path, "rb") as f:
                total += len(f.read())
    return total


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_page_weighs_at_most_60_kb_with_its_css_and_js(client, url, language):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert len(response.content) + linked_asset_bytes(html) <= BUDGET
    assert linked_asset_bytes(html) > 0  # the stylesheet was found and counted


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_page_has_no_inline_script_or_style(client, url):
    html = client.get(url).content.decode()
    assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", html) == []
    assert "<style" not in html
    assert " style=" not in html
    assert re.findall(r" on[a-z]+=", html) == []


def test_pages_are_served_with_a_strict_content_security_policy(client):
    policy = client.get("/").headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "style-src 'self'" in policy
    assert "unsafe-inline" not in policy


@pytest.mark.parametrize("url", ["/parties/?region=CEE", "/centres/?region=AFR", "/decisions/?topic=budget"])
def test_filters_work_as_plain_get_forms_without_javascript(client, url):
    html = client.get(url).content.decode()
    assert re.search(r'<form method="get" class="filters"', html)
    assert "selected>" in html  # the chosen filter is kept in the form
