"""The needs API: cycles and questionnaires, a respondent's response read and written with the version check."""

import pytest

from tahub.accounts.tokens import create_api_token
from tahub.needs.models import Answer

pytestmark = pytest.mark.django_db
URL = "/api/v1/needs/cycles/needs-2026/needs/parties/KEN/response"


def auth(user):
    return {"HTTP_AUTHORIZATION": f"Bearer {create_api_token(user=user)}"}


def test_cycles_and_a_questionnaire_version_with_its_questions(client, cycle):
    cycles = client.get("/api/v1/needs/cycles").json()
    questionnaire = client.get("/api/v1/needs/questionnaires/needs/2024").json()

    assert cycles[0]["slug"] == "needs-2026" and cycles[0]["offers_questionnaire"] == "offers/2024"
    funding = next(q for q in questionnaire["questions"] if q["code"] == "funding-legal")
    assert funding["part"] == "funding" and funding["options"]["years"] == [2026, 2027, 2028, 2029]
    assert client.get("/api/v1/needs/questionnaires/needs/1999").status_code == 404


def test_a_contact_point_writes_reads_and_submits_with_the_version(client, cycle, contact_a, admin):
    headers = auth(contact_a)
    body = {
        "version": 0,
        "answers": {"nip-level": "high", "funding-legal": [{"year": 2026, "source": "gef", "amount": "10.5"}]},
    }
    saved = client.put(URL, body, content_type="application/json", **headers)

    assert saved.status_code == 200, saved.json()
    assert saved.json()["answers"]["funding-legal"] == [{"year": 2026, "source": "gef", "amount": "10.50"}]
    stale = client.put(
        URL, {"version": 0, "answers": {"nip-level": "low"}}, content_type="application/json", **auth(admin)
    )
    assert stale.status_code == 409
    assert Answer.objects.get(question__code="nip-level").level == "high"
    refused = client.post(
        URL + "/submit", {"version": saved.json()["version"]}, content_type="application/json", **headers
    )
    assert refused.status_code == 422 and "ddt-level" in {e["field"] for e in refused.json()["errors"]} | {
        e["field"].split(".")[-1] for e in refused.json()["errors"]
    }


def test_bad_values_are_422_and_another_partys_people_get_404(client, cycle, contact_a, focal_b):
    bad = client.put(
        URL,
        {"version": 0, "answers": {"nip-level": 5, "nip-rank": "x"}},
        content_type="application/json",
        **auth(contact_a),
    )

    assert bad.status_code == 422
    assert {e["field"] for e in bad.json()["errors"]} == {"answers.nip-level", "answers.nip-rank"}
    assert client.get(URL, **auth(focal_b)).status_code == 404
    assert Answer.objects.count() == 0
