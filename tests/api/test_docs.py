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
