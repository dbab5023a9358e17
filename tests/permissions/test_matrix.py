"""The permission matrix: for every page and endpoint, what each role of a fixed cast gets.

Rows are data: (URL name, arguments, method, kind, expected status per role, in ROLES order). LOGIN means a
redirect to the sign-in page. Staff sign in with a second factor. API rows send each signed-in role's own
personal API token (the public sends none). The guard test at the end fails when a named URL has no row, so
each new page or endpoint must say who may use it. The rows live per app in `rows_<app>.py`.
"""

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tahub.accounts import invitations, services
from tahub.accounts.tokens import create_api_token
from tahub.centres.models import RegionalCentre
from tahub.parties.models import ContactPoint
from tests.accounts import cast
from tests.permissions import (
    rows_core,
    rows_events,
    rows_funding,
    rows_needs,
    rows_partners,
    rows_planning,
    rows_requests,
)
from tests.permissions.roles import LOGIN, ROLES, STAFF

pytestmark = pytest.mark.django_db

MATRIX = [
    *rows_core.ROWS,
    *rows_partners.ROWS,
    *rows_requests.ROWS,
    *rows_needs.ROWS,
    *rows_funding.ROWS,
    *rows_planning.ROWS,
    *rows_events.ROWS,
]
# Left out of the guard, with the reason: not pages a role is granted or refused.
UNGUARDED_PREFIXES = (
    "admin/",  # Django's admin: behind StaffTwoFactorMiddleware, tested in tests/accounts/test_two_factor.py
    "accounts/",  # allauth's sign-in internals
    "i18n/",  # the language switch (POST only), tested in tests/core
    "static/",
)


def _requests_of_party_a(contact_point):
    """A draft and a submitted TA request of Party A, made through the assistance services."""
    from tahub.assistance import services as assistance
    from tahub.parties.models import Convention
    from tahub.vocabularies.models import AssistanceType, Theme

    data = {
        "title": "Inventory of PCB-containing equipment",
        "description": "We need help to build a national inventory of PCB in transformers.",
        "expected_results": "An inventory and a phase-out plan.",
        "themes": list(Theme.objects.all()[:1]),
        "assistance_types": list(AssistanceType.objects.all()[:1]),
        "conventions": list(Convention.objects.filter(code="SC")),
    }
    party = cast.party(cast.PARTY_A)
    draft = assistance.create_request(party=party, by=contact_point, data=data)
    submitted = assistance.submit_request(
        assistance.create_request(party=party, by=contact_point, data=data), by=contact_point
    )
    return {"draft": draft.reference, "submitted": submitted.reference}


@pytest.fixture
def world():
    people = cast.build_cast()
    invitation = services.invite_contact_point(
        email="invitee@example.org", party=cast.party(cast.PARTY_A), kind=ContactPoint.Kind.OFFICIAL, by=people["admin"]
    )
    context = {
        **_requests_of_party_a(people["contact_point_a"]),
        "party_a": cast.party(cast.PARTY_A),
        "centre": RegionalCentre.objects.order_by("code").values_list("code", flat=True).first(),
        "invitation_link": [invitations.encode_id(invitation), invitations.make_token(invitation)],
    }
    clients = {"public": Client()}
    tokens = {"public": None}
    for role in ROLES[1:]:
        clients[role] = cast.sign_in(Client(), people[role], second_factor=role in STAFF)
        tokens[role] = create_api_token(user=people[role])
    return context, clients, tokens


def _outcome(response):
    if response.status_code == 302 and response.url.startswith(reverse("account_login")):
        return LOGIN
    return response.status_code


def _row_id(row):
    name, args, *_rest = row
    return name + ("" if args is None else f"[{MATRIX.index(row)}]")


@pytest.mark.parametrize("row", MATRIX, ids=[_row_id(row) for row in MATRIX])
def test_each_role_gets_exactly_what_it_should(row, world):
    context, clients, tokens = world
    name, args, method, kind, expected = row
    url = reverse(name, args=args(context) if args else None)
    got = {}
    for role in ROLES:
        headers = {"Authorization": f"Bearer {tokens[role]}"} if kind == "api" and tokens[role] else {}
        body = {"data": "{}", "content_type": "application/json"} if kind == "api" and method != "get" else {}
        got[role] = _outcome(getattr(clients[role], method)(url, headers=headers, **body))
    assert got == dict(zip(ROLES, expected, strict=True)), url


def _named_patterns(resolver, prefix="", namespace=None):
    for pattern in resolver.url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = ":".join(filter(None, [namespace, pattern.namespace]))
            yield from _named_patterns(pattern, route, inner or None)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield route, ":".join(filter(None, [namespace, pattern.name]))


def test_every_named_url_has_a_row_in_the_matrix():
    covered = {row[0] for row in MATRIX}
    missing = sorted(
        name
        for route, name in _named_patterns(get_resolver())
        if not route.lstrip("^").startswith(UNGUARDED_PREFIXES) and name not in covered
    )
    assert missing == [], "Add these pages or endpoints to MATRIX (who may use them?)"
