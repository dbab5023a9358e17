"""Permission matrix rows for the site's own pages, Parties, accounts and the reference-data API."""

from tahub.accounts.models import ApiToken
from tests.permissions.roles import ALL_200, GONE, LOGIN, STAFF_ONLY

NO_TASK = "00000000-0000-0000-0000-000000000000"


def _token_of_contact_point_a(c):
    """Party A's contact point's own API token (the matrix gives each role one): only its owner revokes it."""
    return [ApiToken.objects.get(user__email="contact.a@example.org", revoked_at__isnull=True).pk]


def _party_pk(c):
    return c["party_a"].pk


ROWS = [
    ("home", None, "get", "page", ALL_200),
    ("data_notes", None, "get", "page", ALL_200),
    ("contact", None, "get", "page", ALL_200),
    ("dashboard:home", None, "get", "page", (LOGIN, 200, 200, 200, 200, 200)),
    ("dashboard:programme", None, "get", "page", STAFF_ONLY),
    ("healthz", None, "get", "page", ALL_200),
    ("readyz", None, "get", "page", ALL_200),
    ("signed_in_healthz", None, "get", "page", ALL_200),  # says only whether the visitor is signed in
    ("parties:list", None, "get", "page", ALL_200),
    ("parties:detail", lambda c: ["KEN"], "get", "page", ALL_200),
    ("parties:detail", lambda c: ["XXX"], "get", "page", (404,) * 6),
    ("accounts:staff_home", None, "get", "page", STAFF_ONLY),
    ("accounts:invite_contact_point", None, "get", "page", STAFF_ONLY),
    ("accounts:override_eligibility", lambda c: ["KEN"], "get", "page", (LOGIN, 403, 403, 403, 200, 200)),
    ("accounts:override_eligibility", lambda c: ["BRA"], "get", "page", (LOGIN, 403, 403, 403, 403, 200)),
    ("accounts:object_history", lambda c: ["parties", "party", _party_pk(c)], "get", "page", STAFF_ONLY),
    ("failed_emails", None, "get", "page", (LOGIN, 403, 403, 403, 403, 200)),
    ("missing_translations", None, "get", "page", STAFF_ONLY),
    # An unknown (or already re-sent) e-mail: the administrator is sent back to the list with a message.
    ("failed_email_send_again", lambda c: [NO_TASK], "post", "page", (LOGIN, 403, 403, 403, 403, 302)),
    ("accounts:invite_focal_point", lambda c: ["KEN"], "get", "page", (LOGIN, 200, 403, 403, 200, 200)),
    ("accounts:invite_focal_point", lambda c: ["BRA"], "get", "page", (LOGIN, 403, 403, 403, 200, 200)),
    ("accounts:profile", None, "get", "page", (LOGIN, 200, 200, 200, 200, 200)),
    ("accounts:api_tokens", None, "get", "page", (LOGIN, 200, 200, 200, 200, 200)),
    # Without confirm=yes the owner is asked to confirm again (400); nobody else sees the token.
    ("accounts:revoke_api_token", _token_of_contact_point_a, "get", "page", (LOGIN, 200, 404, 404, 404, 404)),
    ("accounts:revoke_api_token", _token_of_contact_point_a, "post", "page", (LOGIN, 400, 404, 404, 404, 404)),
    ("accounts:accept_invitation", lambda c: c["invitation_link"], "get", "page", ALL_200),
    ("accounts:accept_invitation", lambda c: [c["invitation_link"][0], "1-bad"], "get", "page", GONE),
    ("api:api-root", None, "get", "api", (404,) * 6),  # ninja's name for the prefix; no page there
    ("api:openapi-json", None, "get", "api", ALL_200),
    ("api:openapi-view", None, "get", "api", ALL_200),
    ("api:list_parties", None, "get", "api", ALL_200),
    ("api:get_party", lambda c: ["KEN"], "get", "api", ALL_200),
    ("api:list_regions", None, "get", "api", ALL_200),
    ("api:list_centres", None, "get", "api", ALL_200),
    ("api:get_centre", lambda c: [c["centre"]], "get", "api", ALL_200),
    ("api:list_decisions", None, "get", "api", ALL_200),
    ("api:get_decision", lambda c: ["SC-1/15"], "get", "api", ALL_200),
    ("api:list_themes", None, "get", "api", ALL_200),
    ("api:list_needs_clusters", None, "get", "api", ALL_200),
    ("api:list_assistance_types", None, "get", "api", ALL_200),
    ("api:list_chemicals", None, "get", "api", ALL_200),
    ("api:me", None, "get", "api", (401, 200, 200, 200, 200, 200)),
]
