"""schemathesis attacks the OpenAPI document: no server error, and every response matches the schema.

Runs in-process against the WSGI application, inside the test database (reference data loaded once per session),
as three people (issue 18): a signed-up user with no role, a Secretariat administrator (every staff write is
reached past its permission check) and a Party's focal point (the Party's own requests, responses, nominations).
The examples per operation and person are bounded so the whole run stays near two minutes. The coverage phase
(schemathesis's deterministic boundary and malformed values of each parameter and body field) runs as the
administrator only: the API checks a request's shape before it asks who the person is, so the same values sent as
the others stop at the same checks or at their permission, on a path the administrator's run has been along;
their own paths (a Party's requests, nominations) are explored by the fuzzing phase.
"""

import os

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.core.parameters import ParameterLocation

from tahub.accounts.models import User
from tahub.accounts.tokens import create_api_token
from tahub.parties.models import ContactPoint
from tahub.wsgi import application
from tests.accounts import cast

pytestmark = pytest.mark.django_db

MAX_EXAMPLES = 8  # per operation and person: ~110 operations × 3 people
# In CI the examples are the same on every run of the same code (hypothesis derandomize): a red run is
# reproduced with CI=true, and a submission is not refused for what a new random draw found in old code.
# Elsewhere each run draws new examples, so developers' runs go on exploring.
REPRODUCIBLE = bool(os.environ.get("CI"))


# Loaded at collection: the OpenAPI document is generated without touching the database. The same document twice:
# with every phase (for the administrator) and without the coverage phase (for the others, see above).
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
fuzzed = schemathesis.openapi.from_dict(schema.raw_schema)
fuzzed.app, fuzzed.location = application, schema.location
fuzzed.config.phases.coverage.enabled = False
# A filter value can match the schema yet name nothing in the reference data (region=XYZ): that is a 422 naming
# the known values, by design, so valid-looking data may be answered with 422 as well as 2xx, 401 and 404.
# A valid body may also ask for something the token's user may not do (file for another Party): 403.
# A valid edit may also carry a version that is not the current one: 409 (core.workflow.Stale).
# Anyone's sends that e-mail (listing requests, observer applications) stop after five an hour: 429 (core.throttle).
for document in (schema, fuzzed):
    document.config.checks.positive_data_acceptance.expected_statuses = [
        "2xx", "401", "403", "404", "409", "422", "429"
    ]  # fmt: skip


@pytest.fixture(autouse=True)
def keep_the_test_connection_open():
    """The raw WSGI app closes the database connection after each request, as in production; Django's test
    client switches that off, and so must we, or the test transaction (and its data) would be lost."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def _no_role():
    return User.objects.create_user("schemathesis@example.org", "a-long-password", name="Fuzz")


PEOPLE = {
    "staff": lambda: cast.staff("schemathesis-staff@example.org", totp=False),
    "no-role": _no_role,
    "focal-point": lambda: cast.contact_point("schemathesis-focal@example.org", cast.PARTY_A, ContactPoint.Kind.FOCAL),
}
HYPOTHESIS = settings(
    max_examples=MAX_EXAMPLES,
    derandomize=REPRODUCIBLE,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)


@pytest.fixture
def administrator_token(db):
    return create_api_token(user=PEOPLE["staff"](), name="schemathesis")


@pytest.fixture(params=["no-role", "focal-point"])
def token(request, db):
    return create_api_token(user=PEOPLE[request.param](), name="schemathesis")


def _call_and_validate(case, token):
    # A negative case that mutated the headers is testing a missing or broken Authorization header: send the
    # token only when the headers were generated as valid, or the mutation would be undone.
    headers_mutated = case.meta is not None and case.meta.is_negative_at(ParameterLocation.HEADER)
    case.call_and_validate(headers={} if headers_mutated else {"Authorization": f"Bearer {token}"})


@schema.parametrize()
@HYPOTHESIS
def test_api_conforms_to_its_schema_for_an_administrator(case, administrator_token):
    _call_and_validate(case, administrator_token)


@fuzzed.parametrize()
@HYPOTHESIS
def test_api_conforms_to_its_schema(case, token):
    _call_and_validate(case, token)
