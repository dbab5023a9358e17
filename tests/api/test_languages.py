"""`?lang=` on every API operation (issue 14): the answer and its errors in the language asked for, declared in the
OpenAPI document; an unknown code is ignored (Accept-Language, else English, answers)."""

import pytest

pytestmark = pytest.mark.django_db


def test_every_operation_answers_and_refuses_in_the_language_asked_for(client):
    french = client.get("/api/v1/parties?page_size=0&lang=fr", HTTP_ACCEPT_LANGUAGE="es")
    assert french.status_code == 422 and french["Content-Language"] == "fr"
    assert french.json()["detail"].startswith("Certains paramètres ne sont pas valides")
    unknown = client.get("/api/v1/parties?page_size=0&lang=de")
    assert unknown["Content-Language"] == "en" and unknown.json()["detail"].startswith("Some parameters")
    arabic = client.get("/api/v1/me?lang=ar")  # refused before the operation runs: still in the language asked for
    assert arabic.status_code == 401 and arabic["Content-Language"] == "ar"


def test_the_openapi_document_declares_lang_once_on_every_operation(client):
    document = client.get("/api/v1/openapi.json").json()
    operations = [op for path in document["paths"].values() for op in path.values()]
    declared = [[p for p in op.get("parameters", []) if p["name"] == "lang"] for op in operations]
    assert len(operations) > 50 and all(len(found) == 1 for found in declared)
    assert declared[0][0]["schema"]["examples"] == ["en", "fr", "es", "ar", "zh-hans", "ru"]
