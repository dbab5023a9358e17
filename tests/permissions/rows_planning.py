"""Permission matrix rows for decisions, the plan, the programme of work, mandate coverage and IATI (pages and API)."""

from tests.permissions.roles import ALL_200, LOGIN, STAFF_ONLY


def _programme_activity_pk():
    from tahub.planning.models import ProgrammeActivity

    return ProgrammeActivity.objects.get(biennium__start_year=2012, number=11).pk


def _paragraph_pk():
    from tahub.planning.models import DecisionParagraph

    return DecisionParagraph.objects.get(decision__number="SC-5/20", number="8").pk


ROWS = [
    ("planning:decisions", None, "get", "page", ALL_200),
    ("planning:decision", lambda c: ["SC-1/15"], "get", "page", ALL_200),
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
]
