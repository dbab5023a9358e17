"""Permission matrix rows for proposals, donors, pledges and the contributions table (pages and API)."""

from tests.permissions.roles import ALL_200, LOGIN, STAFF_ONLY


def _proposal(state):
    """A proposal in `state` (made on first use, so the shared world fixture stays as it is)."""
    from tahub.funding.models import Proposal
    from tahub.parties.models import Convention

    proposal, _created = Proposal.objects.get_or_create(
        title=f"A {state} proposal", defaults={"convention": Convention.objects.get(code="SC"), "state": state}
    )
    return proposal.pk


def _provider_gives(context):
    """UNITAR (the provider role's organisation) becomes a donor: its member may see its pledges."""
    from tahub.directory.models import Organisation
    from tahub.funding.models import Donor

    Donor.objects.get_or_create(kind=Donor.Kind.ORGANISATION, organisation=Organisation.objects.get(slug="unitar"))
    return []


ROWS = [
    # Project proposals: the public sees published ones; drafts and the staff pages are the Secretariat's.
    ("funding:list", None, "get", "page", ALL_200),
    ("funding:detail", lambda c: [_proposal("published")], "get", "page", ALL_200),
    ("funding:detail", lambda c: [_proposal("draft")], "get", "page", (404, 404, 404, 404, 200, 200)),
    ("funding:concept_note", lambda c: [_proposal("published")], "get", "page", ALL_200),
    ("funding:concept_note", lambda c: [_proposal("draft")], "get", "page", (404, 404, 404, 404, 200, 200)),
    ("funding_staff:list", None, "get", "page", STAFF_ONLY),
    ("funding_staff:create", None, "get", "page", STAFF_ONLY),
    ("funding_staff:edit", lambda c: [_proposal("draft")], "get", "page", STAFF_ONLY),
    ("funding_staff:edit", lambda c: [999999], "get", "page", (LOGIN, 403, 403, 403, 404, 404)),
    ("funding_staff:move", lambda c: [999999, "publish"], "get", "page", (LOGIN, 405, 405, 405, 405, 405)),
    # The money: the contributions table is public; donors, pledges and their pages are the Secretariat's.
    ("funding:contributions", None, "get", "page", ALL_200),
    ("funding:contributions_export", lambda c: ["csv"], "get", "page", ALL_200),
    ("funding:contributions_export", lambda c: ["pdf"], "get", "page", (404,) * 6),
    ("funding:concept_note_pdf", lambda c: [_proposal("published")], "get", "page", ALL_200),
    ("funding:concept_note_pdf", lambda c: [_proposal("draft")], "get", "page", (404, 404, 404, 404, 200, 200)),
    ("funding_staff:money", None, "get", "page", STAFF_ONLY),
    ("funding_staff:donors", None, "get", "page", STAFF_ONLY),
    ("funding_staff:donor", lambda c: [999999], "get", "page", (LOGIN, 403, 403, 403, 404, 404)),
    ("funding_staff:pledge_create", None, "get", "page", STAFF_ONLY),
    ("funding_staff:pledge", lambda c: [999999], "get", "page", (LOGIN, 403, 403, 403, 404, 404)),
    # A donor's own pledges: its members' and the Secretariat's page; nobody else's.
    ("funding:our_pledges", None, "get", "page", STAFF_ONLY),
    ("funding:our_pledges", _provider_gives, "get", "page", (LOGIN, 403, 403, 200, 200, 200)),
    ("api:list_proposals", None, "get", "api", ALL_200),
    ("api:get_proposal", lambda c: [_proposal("published")], "get", "api", ALL_200),
    ("api:get_proposal", lambda c: [_proposal("draft")], "get", "api", (404,) * 6),
    ("api:list_all_proposals", None, "get", "api", (401, 403, 403, 403, 200, 200)),
    ("api:list_contributions", None, "get", "api", ALL_200),
    ("api:list_donors", None, "get", "api", (401, 403, 403, 403, 200, 200)),
    ("api:create_donor", None, "post", "api", (401, 422, 422, 422, 422, 422)),
    ("api:list_pledges", None, "get", "api", (401, 403, 403, 403, 200, 200)),
    ("api:create_pledge", None, "post", "api", (401, 422, 422, 422, 422, 422)),
    ("api:list_entries", lambda c: [999999], "get", "api", (401, 403, 403, 403, 404, 404)),
    ("api:create_entry", lambda c: [999999], "post", "api", (401, 422, 422, 422, 422, 422)),
    ("funding:trust_funds", None, "get", "page", ALL_200),
    ("funding:trust_funds_export", lambda c: ["xlsx"], "get", "page", ALL_200),
    ("funding:trust_funds_export", lambda c: ["pdf"], "get", "page", (404,) * 6),
    ("api:list_trust_funds", None, "get", "api", ALL_200),
    ("api:get_pledge", lambda c: [999999], "get", "api", (401, 403, 403, 403, 404, 404)),
    ("api:update_pledge", lambda c: [999999], "patch", "api", (401, 422, 422, 422, 422, 422)),
    # `{}` lacks the required `version` (issue 18.4): refused as a body first, like update_pledge.
    ("api:update_donor", lambda c: [999999], "patch", "api", (401, 422, 422, 422, 422, 422)),
    ("api:create_proposal", None, "post", "api", (401, 422, 422, 422, 422, 422)),
    ("api:get_any_proposal", lambda c: [_proposal("draft")], "get", "api", (401, 403, 403, 403, 200, 200)),
    ("api:update_proposal", lambda c: [_proposal("draft")], "put", "api", (401, 422, 422, 422, 422, 422)),
    ("api:move_proposal", lambda c: [999999, "submit"], "post", "api", (401, 403, 403, 403, 404, 404)),
    # Correcting or voiding a commitment or receipt: staff only; an empty body lacks the pledge's version.
    ("funding_staff:entry", lambda c: [999999, 999999], "get", "page", (LOGIN, 403, 403, 403, 404, 404)),
    ("api:correct_entry", lambda c: [999999, 999999], "patch", "api", (401, 422, 422, 422, 422, 422)),
    ("api:void_entry", lambda c: [999999, 999999], "post", "api", (401, 422, 422, 422, 422, 422)),
]
