"""Permission matrix rows for technical assistance requests (pages and API)."""

from tests.permissions.roles import ALL_200, LOGIN, STAFF_ONLY

ROWS = [
    # TA requests (assistance): Party A's draft and submitted request; other Parties' requests do not leak (404).
    # A draft is the Party's alone: staff meet it nowhere (404) until it is submitted.
    ("assistance:mine", None, "get", "page", (LOGIN, 200, 200, 200, 200, 200)),
    ("assistance:queue", None, "get", "page", STAFF_ONLY),
    ("assistance:create", None, "get", "page", (LOGIN, 200, 200, 200, 200, 200)),
    ("assistance:statistics", None, "get", "page", ALL_200),
    ("assistance:detail", lambda c: [c["draft"]], "get", "page", (LOGIN, 200, 404, 404, 404, 404)),
    ("assistance:detail", lambda c: [c["submitted"]], "get", "page", (LOGIN, 200, 404, 404, 200, 200)),
    ("assistance:edit", lambda c: [c["draft"]], "get", "page", (LOGIN, 200, 404, 404, 404, 404)),
    ("assistance:attachment", lambda c: [c["draft"], 999999], "get", "page", (LOGIN, 404, 404, 404, 404, 404)),
    # Nothing to report before providers are assigned: refused even to staff.
    ("assistance:report_delivery", lambda c: [c["submitted"]], "get", "page", (LOGIN, 403, 404, 404, 403, 403)),
    # Staff correct a delivery report once providers are assigned (none yet: refused).
    (
        "assistance:correct_delivery",
        lambda c: [c["submitted"], 999999],
        "get",
        "page",
        (LOGIN, 403, 404, 404, 403, 403),
    ),
    ("assistance:action", lambda c: [c["submitted"], "start-review"], "get", "page", (LOGIN, 405, 405, 405, 405, 405)),
    # GET withdraw: the confirmation page, for the Party only.
    ("assistance:action", lambda c: [c["submitted"], "withdraw"], "get", "page", (LOGIN, 200, 404, 404, 403, 403)),
    ("api:list_requests", None, "get", "api", (401, 200, 200, 200, 200, 200)),
    ("api:get_request", lambda c: [c["draft"]], "get", "api", (401, 200, 404, 404, 404, 404)),
    ("api:get_request", lambda c: [c["submitted"]], "get", "api", (401, 200, 404, 404, 200, 200)),
    ("api:create_request", None, "post", "api", (401, 422, 422, 422, 422, 422)),
    # The body must carry the version read: `{}` is refused (422) before anything is looked up.
    ("api:update_request", lambda c: [c["draft"]], "patch", "api", (401, 422, 422, 422, 422, 422)),
    ("api:move_request", lambda c: [c["submitted"], "nosuch"], "post", "api", (401, 422, 422, 422, 422, 422)),
]
