"""Permission matrix rows for needs assessment: cycles, responses, workbooks, the gap analysis (pages and API)."""

from tests.permissions.roles import ALL_200, LOGIN, STAFF_ONLY


def _needs_cycle(*, published=False):
    """A needs-assessment cycle on the 2024 questionnaire (made on first use, like the meeting above)."""
    from django.utils import timezone

    from tests.needs import world

    cycle = world.cycle()
    cycle.results_published_at = timezone.now() if published else None
    cycle.save()
    return cycle.slug


ROWS = [
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
]
