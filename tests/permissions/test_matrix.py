"""The permission matrix: for every page and endpoint, what each role of a fixed cast gets.

Rows are data: (URL name, arguments, method, kind, expected status per role, in ROLES order). LOGIN means a
redirect to the sign-in page. Staff sign in with a second factor. API rows send each signed-in role's own
personal API token (the public sends none). The guard test at the end fails when a named URL has no row, so
each new page or endpoint must say here who may use it.
"""

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tahub.accounts import invitations, services
from tahub.accounts.tokens import create_api_token
from tahub.centres.models import RegionalCentre
from tahub.parties.models import ContactPoint
from tests.accounts import cast

pytestmark = pytest.mark.django_db

ROLES = ("public", "contact_point_a", "focal_point_b", "provider", "regional_staff", "admin")
STAFF = {"regional_staff", "admin"}
LOGIN = "login"
ALL_200 = (200,) * 6
STAFF_ONLY = (LOGIN, 403, 403, 403, 200, 200)
GONE = (410,) * 6  # an unusable invitation link says so to anyone


def _party_pk(c):
    return c["party_a"].pk


MEMBERS_ONLY = (LOGIN, 403, 403, 200, 403, 403)  # the provider role is a member of UNITAR


def _observer_meeting():
    """A meeting open to observers (made on first use, so the shared world fixture stays as it is)."""
    from tahub.observers.models import ObserverMeeting

    meeting, _created = ObserverMeeting.objects.get_or_create(
        code="cop-13", defaults={"title": "COP-13", "start": "2027-05-03", "end": "2027-05-14",
                                 "registration_deadline": "2027-04-02"},
    )  # fmt: skip
    return meeting.code


def _proposal(state):
    """A proposal in `state` (made on first use, so the shared world fixture stays as it is)."""
    from tahub.funding.models import Proposal
    from tahub.parties.models import Convention

    proposal, _created = Proposal.objects.get_or_create(
        title=f"A {state} proposal", defaults={"convention": Convention.objects.get(code="SC"), "state": state}
    )
    return proposal.pk


def _needs_cycle(*, published=False):
    """A needs-assessment cycle on the 2024 questionnaire (made on first use, like the meeting above)."""
    from django.utils import timezone

    from tests.needs import world

    cycle = world.cycle()
    cycle.results_published_at = timezone.now() if published else None
    cycle.save()
    return cycle.slug


def _event_world():
    """A published workshop with one nomination of Party A, with its letter (made on first use)."""
    import datetime

    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.utils import timezone

    from tahub.events import services as events
    from tahub.events.models import Event

    event = Event.objects.filter(slug="matrix-workshop").first()
    if event is None:
        now = timezone.now()
        event = Event.objects.create(
            slug="matrix-workshop", kind="workshop", title_en="A workshop", start=now + datetime.timedelta(days=9),
            end=now + datetime.timedelta(days=10), time_zone="Africa/Nairobi", mode="online", capacity=5,
            registration_mode="nomination", registration_deadline=(now + datetime.timedelta(days=5)).date(),
            state="published",
        )  # fmt: skip
        party = cast.party(cast.PARTY_A)
        letter = SimpleUploadedFile("letter.pdf", b"%PDF-1.4 letter", content_type="application/pdf")
        contact = ContactPoint.objects.filter(party=party).first().user
        events.nominate(event, party=party, by=contact, name="Amina", email="amina@ken.example", letter=letter)
    nomination = event.registrations.get()
    return {"slug": event.slug, "pk": nomination.pk, "token": nomination.token}


# name, args (from the context), method, "page" or "api", expected per role
def _programme_activity_pk():
    from tahub.planning.models import ProgrammeActivity

    return ProgrammeActivity.objects.get(biennium__start_year=2012, number=11).pk


def _paragraph_pk():
    from tahub.planning.models import DecisionParagraph

    return DecisionParagraph.objects.get(decision__number="SC-5/20", number="8").pk


MATRIX = [
    ("home", None, "get", "page", ALL_200),
    ("data_notes", None, "get", "page", ALL_200),
    ("healthz", None, "get", "page", ALL_200),
    ("readyz", None, "get", "page", ALL_200),
    ("parties:list", None, "get", "page", ALL_200),
    ("parties:detail", lambda c: ["KEN"], "get", "page", ALL_200),
    ("parties:detail", lambda c: ["XXX"], "get", "page", (404,) * 6),
    ("centres:list", None, "get", "page", ALL_200),
    ("centres:detail", lambda c: [c["centre"]], "get", "page", ALL_200),
    # A centre's own pages: its members and the Secretariat (none of the cast is a member of this centre).
    ("centres:workspace", lambda c: [c["centre"]], "get", "page", STAFF_ONLY),
    ("api:list_centre_activities", lambda c: [c["centre"]], "get", "api", ALL_200),
    ("centres:work_plan_create", lambda c: [c["centre"]], "get", "page", STAFF_ONLY),
    ("centres:report", lambda c: [c["centre"], 999999], "get", "page", (LOGIN, 403, 403, 403, 404, 404)),
    # Feedback comes from a Party's contact or focal points.
    ("centres:feedback", lambda c: [c["centre"]], "get", "page", (LOGIN, 200, 200, 403, 403, 403)),
    ("centres_staff:home", None, "get", "page", STAFF_ONLY),
    ("centres_staff:approve_work_plan", lambda c: [999999], "get", "page", (LOGIN, 405, 405, 405, 405, 405)),
    ("centres_staff:start_evaluation", lambda c: [c["centre"]], "get", "page", (LOGIN, 405, 405, 405, 405, 405)),
    ("centres_staff:evaluation", lambda c: [999999], "get", "page", (LOGIN, 403, 403, 403, 404, 404)),
    ("centres_staff:nominate", None, "get", "page", STAFF_ONLY),
    ("centres_staff:nomination_decision", lambda c: [999999], "get", "page", (LOGIN, 405, 405, 405, 405, 405)),
    ("centres_staff:renew", lambda c: [c["centre"]], "get", "page", (LOGIN, 405, 405, 405, 405, 405)),
    ("planning:decisions", None, "get", "page", ALL_200),
    ("planning:decision", lambda c: ["SC-1/15"], "get", "page", ALL_200),
    ("accounts:staff_home", None, "get", "page", STAFF_ONLY),
    ("accounts:invite_contact_point", None, "get", "page", STAFF_ONLY),
    ("accounts:override_eligibility", lambda c: ["KEN"], "get", "page", (LOGIN, 403, 403, 403, 200, 200)),
    ("accounts:override_eligibility", lambda c: ["BRA"], "get", "page", (LOGIN, 403, 403, 403, 403, 200)),
    ("accounts:object_history", lambda c: ["parties", "party", _party_pk(c)], "get", "page", STAFF_ONLY),
    ("accounts:invite_focal_point", lambda c: ["KEN"], "get", "page", (LOGIN, 200, 403, 403, 200, 200)),
    ("accounts:invite_focal_point", lambda c: ["BRA"], "get", "page", (LOGIN, 403, 403, 403, 200, 200)),
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
    # The directory of partner organisations; its staff pages are under /staff/ (two-factor).
    ("directory:list", None, "get", "page", ALL_200),
    ("directory:join", None, "get", "page", ALL_200),
    ("directory:listing_status", lambda c: ["bad-token"], "get", "page", (404,) * 6),
    ("directory:detail", lambda c: ["unitar"], "get", "page", ALL_200),
    ("directory:correction", lambda c: ["unitar"], "get", "page", ALL_200),
    ("directory:confirm", lambda c: ["unitar"], "get", "page", (405,) * 6),
    ("directory_staff:queue", None, "get", "page", STAFF_ONLY),
    ("directory_staff:listing", lambda c: [999999], "get", "page", (LOGIN, 403, 403, 403, 404, 404)),
    ("directory_staff:document", lambda c: [999999, 1], "get", "page", (LOGIN, 403, 403, 403, 404, 404)),
    ("directory_staff:resolve_correction", lambda c: [999999], "get", "page", (LOGIN, 403, 403, 403, 405, 405)),
    ("api:list_organisations", None, "get", "api", ALL_200),
    ("api:get_organisation", lambda c: ["unitar"], "get", "api", ALL_200),
    # TA requests (assistance): Party A's draft and submitted request; other Parties' requests do not leak (404).
    ("assistance:mine", None, "get", "page", (LOGIN, 200, 200, 200, 200, 200)),
    ("assistance:queue", None, "get", "page", STAFF_ONLY),
    ("assistance:create", None, "get", "page", (LOGIN, 200, 200, 200, 200, 200)),
    ("assistance:statistics", None, "get", "page", ALL_200),
    ("assistance:detail", lambda c: [c["draft"]], "get", "page", (LOGIN, 200, 404, 404, 200, 200)),
    ("assistance:detail", lambda c: [c["submitted"]], "get", "page", (LOGIN, 200, 404, 404, 200, 200)),
    ("assistance:edit", lambda c: [c["draft"]], "get", "page", (LOGIN, 200, 404, 404, 200, 200)),
    ("assistance:attachment", lambda c: [c["draft"], 999999], "get", "page", (LOGIN, 404, 404, 404, 404, 404)),
    # Nothing to report before providers are assigned: refused even to staff.
    ("assistance:report_delivery", lambda c: [c["submitted"]], "get", "page", (LOGIN, 403, 404, 404, 403, 403)),
    ("assistance:action", lambda c: [c["submitted"], "start-review"], "get", "page", (LOGIN, 405, 405, 405, 405, 405)),
    ("api:list_requests", None, "get", "api", (401, 200, 200, 200, 200, 200)),
    ("api:get_request", lambda c: [c["draft"]], "get", "api", (401, 200, 404, 404, 200, 200)),
    ("api:get_request", lambda c: [c["submitted"]], "get", "api", (401, 200, 404, 404, 200, 200)),
    ("api:create_request", None, "post", "api", (401, 422, 422, 422, 422, 422)),
    ("api:update_request", lambda c: [c["draft"]], "patch", "api", (401, 200, 404, 404, 200, 200)),
    ("api:move_request", lambda c: [c["submitted"], "nosuch"], "post", "api", (401, 422, 422, 422, 422, 422)),
    # Observer admission: public meetings and bodies; an organisation's members see its registrations.
    ("observers:index", None, "get", "page", ALL_200),
    ("observers:apply", None, "get", "page", ALL_200),
    ("observers:application_status", lambda c: ["bad-token"], "get", "page", (404,) * 6),
    ("observers:meeting", lambda c: [_observer_meeting()], "get", "page", ALL_200),
    ("observers:representatives", lambda c: [_observer_meeting(), "unitar"], "get", "page", MEMBERS_ONLY),
    ("observers:decide_registration", lambda c: [999999], "get", "page", (LOGIN, 405, 405, 405, 405, 405)),
    ("observers_staff:queue", None, "get", "page", STAFF_ONLY),
    ("observers_staff:application", lambda c: [999999], "get", "page", (LOGIN, 403, 403, 403, 404, 404)),
    ("observers_staff:document", lambda c: [999999, 1], "get", "page", (LOGIN, 403, 403, 403, 404, 404)),
    ("observers_staff:meeting", lambda c: [_observer_meeting()], "get", "page", STAFF_ONLY),
    ("api:list_observer_meetings", None, "get", "api", ALL_200),
    ("api:list_meeting_observers", lambda c: [_observer_meeting()], "get", "api", ALL_200),
    ("api:list_observer_applications", None, "get", "api", (401, 403, 403, 403, 200, 200)),
    # Needs assessment: public aggregates; a Party's answers to its own people and the Secretariat.
    ("needs:index", None, "get", "page", ALL_200),
    # The gap table is public once staff publish the cycle's results; before that, only staff see it.
    ("needs:gaps", lambda c: [_needs_cycle()], "get", "page", (404, 404, 404, 404, 200, 200)),
    ("needs:gaps", lambda c: [_needs_cycle(published=True)], "get", "page", ALL_200),
    ("needs_staff:publish", lambda c: [_needs_cycle()], "get", "page", (LOGIN, 403, 403, 403, 405, 405)),
    ("needs_staff:withdraw", lambda c: [_needs_cycle()], "get", "page", (LOGIN, 403, 403, 403, 405, 405)),
    ("needs:gaps", lambda c: ["no-such-cycle"], "get", "page", (404,) * 6),
    ("needs:response", lambda c: [_needs_cycle(), "KEN"], "get", "page", (LOGIN, 200, 404, 404, 200, 200)),
    ("needs:response", lambda c: [_needs_cycle(), "BRA"], "get", "page", (LOGIN, 404, 200, 404, 200, 200)),
    ("needs:response", lambda c: [_needs_cycle(), "DEU"], "get", "page", (LOGIN, 404, 404, 404, 404, 404)),
    ("needs_staff:cycles", None, "get", "page", STAFF_ONLY),
    ("needs_staff:open", None, "get", "page", STAFF_ONLY),
    ("needs_staff:reopen", lambda c: [999999], "get", "page", (LOGIN, 403, 403, 403, 405, 405)),
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
    # A respondent's pages (needs: a Party; offers: a Party or an organisation) and its workbook: its own people
    # and the Secretariat; anyone else 404, as if it were not there.
    (
        "needs:respond",
        lambda c: [_needs_cycle(), "needs", "parties", "KEN"],
        "get",
        "page",
        (LOGIN, 200, 404, 404, 200, 200),
    ),
    (
        "needs:respond",
        lambda c: [_needs_cycle(), "offers", "organisations", "unitar"],
        "get",
        "page",
        (LOGIN, 404, 404, 200, 200, 200),
    ),
    (
        "needs:respond",
        lambda c: [_needs_cycle(), "offers", "parties", "KEN"],
        "get",
        "page",
        (LOGIN, 404, 404, 404, 404, 404),
    ),
    (
        "needs:workbook",
        lambda c: [_needs_cycle(), "needs", "parties", "KEN"],
        "get",
        "page",
        (LOGIN, 200, 404, 404, 200, 200),
    ),
    (
        "needs:workbook",
        lambda c: [_needs_cycle(), "offers", "organisations", "unitar"],
        "get",
        "page",
        (LOGIN, 404, 404, 200, 200, 200),
    ),
    (
        "needs:upload",
        lambda c: [_needs_cycle(), "needs", "parties", "BRA"],
        "get",
        "page",
        (LOGIN, 404, 200, 404, 200, 200),
    ),
    ("api:list_cycles", None, "get", "api", ALL_200),
    ("api:get_cycle", lambda c: [_needs_cycle()], "get", "api", ALL_200),
    ("api:get_questionnaire", lambda c: [_needs_cycle() and "offers", 2024], "get", "api", ALL_200),
    (
        "api:get_response",
        lambda c: [_needs_cycle(), "needs", "parties", "KEN"],
        "get",
        "api",
        (401, 200, 404, 404, 200, 200),
    ),
    (
        "api:get_response",
        lambda c: [_needs_cycle(), "offers", "organisations", "unitar"],
        "get",
        "api",
        (401, 404, 404, 200, 200, 200),
    ),
    (
        "api:save_response",
        lambda c: [_needs_cycle(), "needs", "parties", "KEN"],
        "put",
        "api",
        (401, 422, 422, 422, 422, 422),
    ),  # the empty body lacks the version
    (
        "api:submit_response",
        lambda c: [_needs_cycle(), "needs", "parties", "KEN"],
        "post",
        "api",
        (401, 422, 422, 422, 422, 422),
    ),
    # The gap analysis (needs-analysis): aggregates public once published; a Party's matrix its own people's.
    ("needs:across_cycles", None, "get", "page", ALL_200),
    ("needs:matrix", lambda c: [_needs_cycle(), "KEN"], "get", "page", (404, 200, 404, 404, 200, 200)),
    ("needs:matrix", lambda c: [_needs_cycle(), "BRA"], "get", "page", (404, 404, 200, 404, 200, 200)),
    ("needs:matrix", lambda c: [_needs_cycle(), "DEU"], "get", "page", (404,) * 6),
    ("needs_staff:report", lambda c: [_needs_cycle(), "xlsx"], "get", "page", STAFF_ONLY),
    ("api:cycle_needs", lambda c: [_needs_cycle()], "get", "api", (404, 404, 404, 404, 200, 200)),  # staff: session
    ("api:cycle_needs", lambda c: [_needs_cycle(published=True)], "get", "api", ALL_200),
    ("api:cycle_gaps", lambda c: [_needs_cycle()], "get", "api", (404, 404, 404, 404, 200, 200)),  # staff: session
    ("api:cycle_gaps", lambda c: [_needs_cycle(published=True)], "get", "api", ALL_200),
    ("api:needs_trend", None, "get", "api", ALL_200),
    # Changing a cycle, asking to reopen a response (its own people), the staff list of those requests.
    ("needs_staff:edit", lambda c: [_needs_cycle()], "get", "page", STAFF_ONLY),
    ("needs_staff:reopen_requests", None, "get", "page", STAFF_ONLY),
    ("needs_staff:decline_reopen", lambda c: [999999], "get", "page", (LOGIN, 403, 403, 403, 404, 404)),
    (
        "needs:request_reopen",
        lambda c: [_needs_cycle(), "needs", "parties", "KEN"],
        "get",
        "page",
        (LOGIN, 200, 404, 404, 200, 200),
    ),
    # --- needs rows end ---
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
    ("api:update_donor", lambda c: [999999], "patch", "api", (401, 403, 403, 403, 404, 404)),
    ("api:create_proposal", None, "post", "api", (401, 422, 422, 422, 422, 422)),
    ("api:get_any_proposal", lambda c: [_proposal("draft")], "get", "api", (401, 403, 403, 403, 200, 200)),
    ("api:update_proposal", lambda c: [_proposal("draft")], "put", "api", (401, 422, 422, 422, 422, 422)),
    ("api:move_proposal", lambda c: [999999, "submit"], "post", "api", (401, 403, 403, 403, 404, 404)),
    # Correcting or voiding a commitment or receipt: staff only; an empty body lacks the pledge's version.
    ("funding_staff:entry", lambda c: [999999, 999999], "get", "page", (LOGIN, 403, 403, 403, 404, 404)),
    ("api:correct_entry", lambda c: [999999, 999999], "patch", "api", (401, 422, 422, 422, 422, 422)),
    ("api:void_entry", lambda c: [999999, 999999], "post", "api", (401, 422, 422, 422, 422, 422)),
    # --- funding rows end ---
    # The plan, the programme of work, the mandate coverage and the IATI file are public; staff write them.
    ("plan:plans", None, "get", "page", ALL_200),
    ("plan:plan", lambda c: [2018], "get", "page", ALL_200),
    ("plan:plan", lambda c: [1999], "get", "page", (404,) * 6),
    ("plan:activities", None, "get", "page", ALL_200),
    ("plan:activity", lambda c: [2012, 11], "get", "page", ALL_200),
    ("plan:activity", lambda c: [2012, 999], "get", "page", (404,) * 6),
    ("plan:coverage", None, "get", "page", ALL_200),
    ("planning_staff:activity_create", None, "get", "page", STAFF_ONLY),
    ("planning_staff:activity_edit", lambda c: [_programme_activity_pk()], "get", "page", STAFF_ONLY),
    ("planning_staff:activity_edit", lambda c: [999999], "get", "page", (LOGIN, 403, 403, 403, 404, 404)),
    ("reports:iati_activities", None, "get", "page", ALL_200),
    ("api:list_paragraphs", None, "get", "api", ALL_200),
    ("api:list_plans", None, "get", "api", ALL_200),
    ("api:get_plan", lambda c: [2018], "get", "api", ALL_200),
    ("api:list_objectives", None, "get", "api", ALL_200),
    ("api:list_bienniums", None, "get", "api", ALL_200),
    ("api:list_activities", None, "get", "api", ALL_200),
    ("api:get_activity", lambda c: [2012, 11], "get", "api", ALL_200),
    ("api:create_activity", None, "post", "api", (401, 422, 422, 422, 422, 422)),
    ("api:mandate_coverage", None, "get", "api", ALL_200),
    ("planning_staff:plan_create", None, "get", "page", STAFF_ONLY),
    ("planning_staff:plan_edit", lambda c: [2018], "get", "page", STAFF_ONLY),
    ("planning_staff:plan_edit", lambda c: [1999], "get", "page", (LOGIN, 403, 403, 403, 404, 404)),
    ("planning_staff:biennium_create", None, "get", "page", STAFF_ONLY),
    ("planning_staff:biennium_edit", lambda c: [2012], "get", "page", STAFF_ONLY),
    ("planning_staff:biennium_edit", lambda c: [1999], "get", "page", (LOGIN, 403, 403, 403, 404, 404)),
    ("api:create_plan", None, "post", "api", (401, 422, 422, 422, 422, 422)),
    ("api:update_plan", lambda c: [2018], "put", "api", (401, 422, 422, 422, 422, 422)),
    ("api:create_biennium", None, "post", "api", (401, 422, 422, 422, 422, 422)),
    # Every field of a biennium's change is optional: an empty body is valid, so the permission decides.
    ("api:update_biennium", lambda c: [2012], "put", "api", (401, 403, 403, 403, 200, 200)),
    ("assistance:programme_activity", lambda c: [c["submitted"]], "get", "page", (LOGIN, 405, 405, 405, 405, 405)),
    ("planning_staff:paragraph_text", lambda c: [_paragraph_pk()], "get", "page", STAFF_ONLY),
    ("planning_staff:paragraph_text", lambda c: [999999], "get", "page", (LOGIN, 403, 403, 403, 404, 404)),
    # --- planning rows end ---
    ("events:calendar", None, "get", "page", ALL_200),
    ("events:feed", None, "get", "page", ALL_200),
    ("events:detail", lambda c: [_event_world()["slug"]], "get", "page", ALL_200),
    ("events:detail", lambda c: ["no-such-event"], "get", "page", (404,) * 6),
    ("events:event_ics", lambda c: [_event_world()["slug"]], "get", "page", ALL_200),
    ("events:register", lambda c: [_event_world()["slug"]], "get", "page", (405,) * 6),
    ("events:material", lambda c: [_event_world()["slug"], 999999], "get", "page", (404,) * 6),
    (
        "events:party_nominations",
        lambda c: [_event_world()["slug"], "KEN"],
        "get",
        "page",
        (LOGIN, 200, 404, 404, 200, 200),
    ),
    (
        "events:letter",
        lambda c: [_event_world()["slug"], _event_world()["pk"]],
        "get",
        "page",
        (LOGIN, 200, 404, 404, 200, 200),
    ),
    (
        "events:cancel",
        lambda c: [_event_world()["slug"], _event_world()["pk"]],
        "get",
        "page",
        (LOGIN, 405, 405, 405, 405, 405),
    ),
    ("events:participation", lambda c: [_event_world()["slug"], _event_world()["token"]], "get", "page", ALL_200),
    ("events:participation", lambda c: [_event_world()["slug"], "forged"], "get", "page", (404,) * 6),
    ("events:certificate", lambda c: [_event_world()["slug"], _event_world()["token"]], "get", "page", (403,) * 6),
    (
        "events:survey",
        lambda c: [_event_world()["slug"], _event_world()["token"], "evaluation"],
        "get",
        "page",
        (403,) * 6,
    ),
    ("events_staff:list", None, "get", "page", STAFF_ONLY),
    ("events_staff:theme_results", None, "get", "page", STAFF_ONLY),
    ("events_staff:registrations", lambda c: [_event_world()["slug"]], "get", "page", STAFF_ONLY),
    (
        "events_staff:decide",
        lambda c: [_event_world()["slug"], _event_world()["pk"], "accept"],
        "get",
        "page",
        (LOGIN, 403, 403, 403, 405, 405),
    ),
    ("events_staff:attendance", lambda c: [_event_world()["slug"]], "get", "page", (LOGIN, 403, 403, 403, 405, 405)),
    (
        "events_staff:attendance_upload",
        lambda c: [_event_world()["slug"]],
        "get",
        "page",
        (LOGIN, 403, 403, 403, 405, 405),
    ),
    ("events_staff:results", lambda c: [_event_world()["slug"]], "get", "page", STAFF_ONLY),
    (
        "events_staff:move",
        lambda c: [_event_world()["slug"], "publish"],
        "get",
        "page",
        (LOGIN, 403, 403, 403, 405, 405),
    ),
    ("api:list_events", None, "get", "api", ALL_200),
    ("api:events_feed", None, "get", "api", ALL_200),
    ("api:get_event", lambda c: [_event_world()["slug"]], "get", "api", ALL_200),
    ("api:event_ics", lambda c: [_event_world()["slug"]], "get", "api", ALL_200),
    ("api:list_registrations", lambda c: [_event_world()["slug"]], "get", "api", (401, 403, 403, 403, 200, 200)),
    (
        "events:participant_material",
        lambda c: [_event_world()["slug"], _event_world()["token"], 999999],
        "get",
        "page",
        (404,) * 6,
    ),
    ("events_staff:create", None, "get", "page", STAFF_ONLY),
    ("events_staff:edit", lambda c: [_event_world()["slug"]], "get", "page", STAFF_ONLY),
    ("events_staff:materials", lambda c: [_event_world()["slug"]], "get", "page", STAFF_ONLY),
    (
        "events_staff:material_remove",
        lambda c: [_event_world()["slug"], 999999],
        "get",
        "page",
        (LOGIN, 403, 403, 403, 405, 405),
    ),
    ("api:nominate_participant", lambda c: [_event_world()["slug"]], "post", "api", (401, 422, 422, 422, 422, 422)),
    ("api:register_for_event", lambda c: [_event_world()["slug"]], "post", "api", (422,) * 6),
    (
        "api:decide_registration",
        lambda c: [_event_world()["slug"], _event_world()["pk"]],
        "post",
        "api",
        (401, 422, 422, 422, 422, 422),
    ),
    # Staff writes through the API: an empty body lacks every field (who may write: tests/events/test_staff_api.py).
    ("api:create_event", None, "post", "api", (401, 422, 422, 422, 422, 422)),
    ("api:update_event", lambda c: [_event_world()["slug"]], "patch", "api", (401, 422, 422, 422, 422, 422)),
    ("api:move_event", lambda c: [_event_world()["slug"]], "post", "api", (401, 422, 422, 422, 422, 422)),
    ("api:record_attendance", lambda c: [_event_world()["slug"]], "post", "api", (401, 422, 422, 422, 422, 422)),
    ("api:upload_attendance", lambda c: [_event_world()["slug"]], "post", "api", (401, 422, 422, 422, 422, 422)),
    # --- events rows end ---
    # Listing requests and corrections through the API: anyone asks or reports; staff tokens review.
    ("api:create_listing_request", None, "post", "api", (422,) * 6),  # the empty body lacks every field
    ("api:get_listing_request", lambda c: ["bad-token-xyz"], "get", "api", (404,) * 6),
    ("api:answer_listing_request", lambda c: ["bad-token-xyz"], "post", "api", (404,) * 6),
    ("api:list_listing_requests", None, "get", "api", (401, 403, 403, 403, 200, 200)),
    ("api:decide_listing_request", lambda c: [999999], "post", "api", (401, 422, 422, 422, 422, 422)),
    ("api:report_correction", lambda c: ["unitar"], "post", "api", (422,) * 6),
    ("api:list_corrections", None, "get", "api", (401, 403, 403, 403, 200, 200)),
    ("api:resolve_correction", lambda c: [999999], "post", "api", (401, 422, 422, 422, 422, 422)),
    # Representatives' badge photos and letters: the organisation's focal point and staff; others 404.
    ("observers:registration_file", lambda c: [999999, "photo"], "get", "page", (404,) * 6),
    # A centre's activity reports: its members (none in the cast) and staff; the Secretariat accepts.
    ("centres_staff:accept_report", lambda c: [999999], "get", "page", (LOGIN, 405, 405, 405, 405, 405)),
    ("api:list_reports", lambda c: [c["centre"]], "get", "api", (401, 403, 403, 403, 200, 200)),
    ("api:open_report", lambda c: [c["centre"]], "post", "api", (401, 422, 422, 422, 422, 422)),
    ("api:add_activity", lambda c: [c["centre"], 999999], "post", "api", (401, 422, 422, 422, 422, 422)),
    ("api:submit_report", lambda c: [c["centre"], 999999], "post", "api", (401, 403, 403, 403, 404, 404)),
    ("api:accept_report", lambda c: [c["centre"], 999999], "post", "api", (401, 403, 403, 403, 404, 404)),
    # Observer admission through the API: anyone applies (multipart) and follows by the private token; staff
    # review; an organisation's representatives are its members' and focal point's (others 404).
    ("api:apply_for_admission", None, "post", "api", (422,) * 6),  # the JSON body lacks every form field
    ("api:get_observer_application", lambda c: ["bad-token-xyz"], "get", "api", (404,) * 6),
    ("api:answer_observer_application", lambda c: ["bad-token-xyz"], "post", "api", (404,) * 6),
    ("api:decide_observer_application", lambda c: [999999], "post", "api", (401, 422, 422, 422, 422, 422)),
    (
        "api:list_representatives",
        lambda c: [_observer_meeting(), "unitar"],
        "get",
        "api",
        (401, 404, 404, 200, 404, 404),
    ),
    (
        "api:register_representative",
        lambda c: [_observer_meeting(), "unitar"],
        "post",
        "api",
        (401, 422, 422, 422, 422, 422),
    ),
    ("api:decide_registration", lambda c: [999999], "post", "api", (401, 422, 422, 422, 422, 422)),
    ("api:list_admitted_observers", lambda c: [_observer_meeting()], "get", "api", (401, 403, 403, 403, 200, 200)),
    # A centre's work plans and evidence (its members, none in the cast, and staff); the Secretariat's
    # nominations and evaluations; Parties' feedback from their contact or focal points.
    ("api:upload_evidence", lambda c: [c["centre"], 999999, 999999], "post", "api", (401, 422, 422, 422, 422, 422)),
    ("api:list_work_plans", lambda c: [c["centre"]], "get", "api", (401, 403, 403, 403, 200, 200)),
    ("api:draft_work_plan", lambda c: [c["centre"]], "post", "api", (401, 422, 422, 422, 422, 422)),
    ("api:submit_work_plan", lambda c: [c["centre"], 999999], "post", "api", (401, 403, 403, 403, 404, 404)),
    ("api:approve_work_plan", lambda c: [c["centre"], 999999], "post", "api", (401, 422, 422, 422, 422, 422)),
    ("api:give_feedback", lambda c: [c["centre"]], "post", "api", (401, 422, 422, 422, 422, 422)),
    ("api:list_feedback", lambda c: [c["centre"]], "get", "api", (401, 403, 403, 403, 200, 200)),
    ("api:list_nominations", None, "get", "api", (401, 403, 403, 403, 200, 200)),
    ("api:nominate_centre", None, "post", "api", (401, 422, 422, 422, 422, 422)),
    ("api:decide_nomination", lambda c: [999999], "post", "api", (401, 422, 422, 422, 422, 422)),
    ("api:start_evaluation", lambda c: [c["centre"]], "post", "api", (401, 422, 422, 422, 422, 422)),
    ("api:get_evaluation", lambda c: [999999], "get", "api", (401, 403, 403, 403, 404, 404)),
    ("api:score_criterion", lambda c: [999999, "a"], "post", "api", (401, 422, 422, 422, 422, 422)),
    ("api:complete_evaluation", lambda c: [999999], "post", "api", (401, 403, 403, 403, 404, 404)),
    # --- directory/centres/observers rows end ---
]

# Left out of the guard, with the reason: not pages a role is granted or refused.
UNGUARDED_PREFIXES = (
    "admin/",  # Django's admin: behind StaffTwoFactorMiddleware, tested in tests/accounts/test_two_factor.py
    "accounts/",  # allauth's sign-in internals
    "i18n/",  # the language switch (POST only), tested in tests/core
    "media/",  # uploaded files in development
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
