"""Every write operation of the API refuses a body that is not a JSON object (issue 18.7): 4xx JSON naming the
problem, never a 500 and never an object with every field at its default. The operations are read from the API's
own OpenAPI document, so a new endpoint is covered as soon as it exists."""

import re

import pytest

from tahub.accounts.tokens import create_api_token
from tahub.api import api
from tests.accounts import cast

pytestmark = pytest.mark.django_db

NOT_OBJECTS = ['"hello"', "[]", "[null, null]", "null", "42", "true"]
BODY_MESSAGE = "The body must be a JSON object"


SCHEMA = api.get_openapi_schema(path_prefix="/api/v1")


def _write_operations():
    for path, operations in SCHEMA["paths"].items():
        for method, operation in operations.items():
            content = operation.get("requestBody", {}).get("content", {})
            if method in {"post", "put", "patch"} and content:
                yield method, path, operation, "application/json" in content


def _url(path, operation):
    """The path with each parameter filled by a value of its type (1, or a code), so only the body is wrong."""
    kinds = {p["name"]: p.get("schema", {}) for p in operation.get("parameters", []) if p["in"] == "path"}

    def value(match):
        schema = kinds.get(match.group(1), {})
        if schema.get("type") == "integer":
            return str(max(schema.get("minimum", 1), 1))
        if "enum" in schema:
            return str(schema["enum"][0])
        return "abcdefgh1"  # passes Code and Token alike

    return re.sub(r"\{(\w+)\}", value, path)


OPERATIONS = list(_write_operations())


def test_the_schema_has_write_operations_of_every_app():
    paths = {path for _method, path, _operation, _json in OPERATIONS}
    for expected in (
        "/requests",
        "/listing-requests",
        "/donors",
        "/plans",
        "/events",
        "/pledges",
        "/centres",
        "/needs",
    ):
        assert any(path.startswith(f"/api/v1{expected}") for path in paths), expected
    assert len(OPERATIONS) > 40  # those with a body (JSON or multipart)


@pytest.fixture
def staff_token():
    return create_api_token(user=cast.staff("bodies-admin@example.org"))


@pytest.mark.parametrize("body", NOT_OBJECTS)
@pytest.mark.parametrize(
    ("method", "path", "operation", "takes_json"),
    OPERATIONS,
    ids=[f"{method.upper()} {path}" for method, path, _operation, _json in OPERATIONS],
)
def test_a_body_that_is_not_an_object_is_refused(client, staff_token, method, path, operation, takes_json, body):
    response = getattr(client, method)(
        _url(path, operation), body, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {staff_token}"
    )
    assert 400 <= response.status_code < 500, (path, body, response.status_code, response.content)
    assert response["Content-Type"].startswith("application/json")
    answer = response.json()
    assert answer["detail"]
    if takes_json:  # checked before anything else: no record or permission is looked up for a malformed body
        assert response.status_code == 422, (path, body, response.content)
        assert any(BODY_MESSAGE in error["message"] for error in answer["errors"]), answer


NUL_MESSAGE = "Null characters are not allowed."


def _string_fields(operation):
    """(name, checked by its form) of the body's top-level fields that take text, from the OpenAPI document."""
    schema = operation["requestBody"]["content"]["application/json"]["schema"]
    if "$ref" in schema:
        schema = SCHEMA["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    for name, field in schema.get("properties", {}).items():
        kinds = [field, *field.get("anyOf", [])]
        texts = [kind for kind in kinds if kind.get("type") == "string" and "format" not in kind and "enum" not in kind]
        if texts:
            # a pattern (a code, one line) or a number written as text (money) is its own check
            yield name, any("pattern" in kind or kind.get("type") == "number" for kind in [*texts, *kinds])


JSON_OPERATIONS = [operation for operation in OPERATIONS if operation[3]]


@pytest.mark.parametrize(
    ("method", "path", "operation", "takes_json"),
    JSON_OPERATIONS,
    ids=[f"{method.upper()} {path}" for method, path, _operation, _json in JSON_OPERATIONS],
)
def test_text_with_nul_is_refused_under_its_field(client, staff_token, method, path, operation, takes_json):
    """PostgreSQL refuses to store NUL (a 500): every text field of every body refuses it first, by name; a
    field with a form of its own (a code, one line, an amount) by that form, free text with Django's forms' message."""
    fields = dict(_string_fields(operation))
    if not fields:
        pytest.skip("no text field in this body")
    response = getattr(client, method)(
        _url(path, operation),
        {name: "a\x00b" for name in fields},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {staff_token}",
    )
    assert response.status_code == 422, (path, response.content)
    messages = {}
    for error in response.json()["errors"]:
        messages.setdefault(error["field"].rsplit(".", 1)[-1], set()).add(error["message"])
    assert set(fields) <= set(messages), response.json()
    free_text = {name for name, has_form in fields.items() if not has_form}
    assert {name for name in free_text if NUL_MESSAGE in messages[name]} == free_text, response.json()
