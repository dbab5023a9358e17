"""Permission matrix rows for the partner directory, regional centres and observer admission (pages and API)."""

from tests.permissions.roles import ALL_200, LOGIN, MEMBERS_ONLY, STAFF_ONLY


def _observer_meeting():
    """A meeting open to observers (made on first use, so the shared world fixture stays as it is)."""
    from tahub.observers.models import ObserverMeeting

    meeting, _created = ObserverMeeting.objects.get_or_create(
        code="cop-13", defaults={"title": "COP-13", "start": "2027-05-03", "end": "2027-05-14",
                                 "registration_deadline": "2027-04-02"},
    )  # fmt: skip
    return meeting.code


ROWS = [
    ("centres:list", None, "get", "page", ALL_200),
    ("centres:detail", lambda c: [c["centre"]], "get", "page", ALL_200),
    # A centre's own pages: its members and the Secretariat (none of the cast is a member of this centre).
    ("centres:workspace", lambda c: [c["centre"]], "get", "page", STAFF_ONLY),
    ("api:list_centre_activities", lambda c: [c["centre"]], "get", "api", ALL_200),
    ("centres:work_plan_create", lambda c: [c["centre"]], "get", "page", STAFF_ONLY),
    ("centres:report", lambda c: [c["centre"], 999999], "get", "page", (LOGIN, 403, 403, 403, 404, 404)),
    # Feedback comes from a Party's contact or focal points.
    ("centres:feedback", lambda c: [c["centre"]], "get", "page", (LOGIN, 200, 200, 403, 403, 403)),
    # A centre's files: for whoever sees its workspace; the nomination dossier for the Secretariat.
    ("centres:work_plan_document", lambda c: [c["centre"], 999999], "get", "page", (LOGIN, 403, 403, 403, 404, 404)),
    ("centres:activity_evidence", lambda c: [c["centre"], 999999], "get", "page", (LOGIN, 403, 403, 403, 404, 404)),
    ("centres_staff:nomination_dossier", lambda c: [999999], "get", "page", (LOGIN, 403, 403, 403, 404, 404)),
    ("centres_staff:home", None, "get", "page", STAFF_ONLY),
    ("centres_staff:approve_work_plan", lambda c: [999999], "get", "page", (LOGIN, 405, 405, 405, 405, 405)),
    ("centres_staff:start_evaluation", lambda c: [c["centre"]], "get", "page", (LOGIN, 405, 405, 405, 405, 405)),
    ("centres_staff:evaluation", lambda c: [999999], "get", "page", (LOGIN, 403, 403, 403, 404, 404)),
    ("centres_staff:nominate", None, "get", "page", STAFF_ONLY),
    ("centres_staff:nomination_decision", lambda c: [999999], "get", "page", (LOGIN, 405, 405, 405, 405, 405)),
    ("centres_staff:renew", lambda c: [c["centre"]], "get", "page", (LOGIN, 405, 405, 405, 405, 405)),
    # The directory of partner organisations; its staff pages are under /staff/ (two-factor).
    ("directory:list", None, "get", "page", ALL_200),
    ("directory:join", None, "get", "page", ALL_200),
    ("directory:listing_status", lambda c: ["bad-token"], "get", "page", (404,) * 6),
    ("directory:detail", lambda c: ["unitar"], "get", "page", ALL_200),
    ("directory:logo", lambda c: ["unitar"], "get", "page", (404,) * 6),  # listed, but it has no logo
    ("directory:correction", lambda c: ["unitar"], "get", "page", ALL_200),
    ("directory:confirm", lambda c: ["unitar"], "get", "page", (405,) * 6),
    ("directory_staff:queue", None, "get", "page", STAFF_ONLY),
    ("directory_staff:listing", lambda c: [999999], "get", "page", (LOGIN, 403, 403, 403, 404, 404)),
    ("directory_staff:document", lambda c: [999999, 1], "get", "page", (LOGIN, 403, 403, 403, 404, 404)),
    ("directory_staff:resolve_correction", lambda c: [999999], "get", "page", (LOGIN, 403, 403, 403, 405, 405)),
    ("api:list_organisations", None, "get", "api", ALL_200),
    ("api:get_organisation", lambda c: ["unitar"], "get", "api", ALL_200),
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
    ("observers_staff:meeting_create", None, "get", "page", STAFF_ONLY),
    ("observers_staff:meeting_edit", lambda c: [_observer_meeting()], "get", "page", STAFF_ONLY),
    ("api:list_observer_meetings", None, "get", "api", ALL_200),
    ("api:list_meeting_observers", lambda c: [_observer_meeting()], "get", "api", ALL_200),
    ("api:list_observer_applications", None, "get", "api", (401, 403, 403, 403, 200, 200)),
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
    ("centres_staff:report_review", lambda c: [999999], "get", "page", (LOGIN, 403, 403, 403, 404, 404)),
    ("api:return_report", lambda c: [c["centre"], 999999], "post", "api", (401, 422, 422, 422, 422, 422)),
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
]
