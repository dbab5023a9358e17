"""The OpenAPI document and the docs page work offline, under our Content Security Policy."""

import re

import pytest
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db


def test_openapi_document_lists_every_endpoint(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    paths = set(response.json()["paths"])
    assert {
        "/api/v1/parties",
        "/api/v1/parties/{iso3}",
        "/api/v1/regions",
        "/api/v1/centres",
        "/api/v1/centres/{code}",
        "/api/v1/decisions",
        "/api/v1/decisions/{number}",
        "/api/v1/chemicals",
        "/api/v1/themes",
        "/api/v1/needs-clusters",
        "/api/v1/assistance-types",
        "/api/v1/me",
    } <= paths


def test_docs_page_uses_only_local_assets(client):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert not re.search(r"(src|href)=\"(https?:)?//", html), "the docs page must load nothing from another host"
    assert "'self'" in response["Content-Security-Policy"]
    for asset in re.findall(r"(?:src|href)=\"/static/([^\"]+)\"", html):
        assert finders.find(asset), f"{asset} is not served locally"
    assert "swagger-ui-bundle.js" in html
    assert '"validatorUrl": null' in html


def _outside_code(markdown):
    return re.sub(r"`[^`]*`", "", markdown)


def test_the_docs_show_the_bearer_header_with_a_token_placeholder(client):
    """Swagger UI renders descriptions as Markdown: a bare <token> is taken for an HTML tag and dropped, which
    showed “Bearer ”” with nothing in between (issue 17.7). The header is shown as code, with a placeholder."""
    document = client.get("/api/v1/openapi.json").json()
    scheme = document["components"]["securitySchemes"]["ApiTokenAuth"]
    assert scheme["scheme"] == "bearer" and "`Authorization: Bearer tah_…`" in scheme["description"]
    assert "`Authorization: Bearer tah_…`" in document["info"]["description"]
    texts = [document["info"]["description"], scheme["description"]]
    texts += [op.get("description", "") for path in document["paths"].values() for op in path.values()]
    assert [t for t in texts if re.search(r"<[A-Za-z][^>]*>", _outside_code(t))] == []


def test_the_document_is_made_once_per_language_and_prefix(client):
    from django.urls import set_script_prefix
    from django.utils import translation

    from tahub.api import api

    first = api.get_openapi_schema(path_prefix="/api/v1")
    assert api.get_openapi_schema(path_prefix="/api/v1") is first  # made once (~0.3 s of CPU each time before)
    with translation.override("fr"):
        assert api.get_openapi_schema(path_prefix="/api/v1") is not first  # its labels may be translated
    set_script_prefix("/under/")
    try:
        assert "/under/api/v1/parties" in client.get("/api/v1/openapi.json").json()["paths"]
    finally:
        set_script_prefix("/")
    assert "/api/v1/parties" in client.get("/api/v1/openapi.json").json()["paths"]
