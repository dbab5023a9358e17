"""Permission matrix rows for capacity-building events: calendar, nominations, registrations, staff pages and API."""

from tahub.parties.models import ContactPoint
from tests.accounts import cast
from tests.permissions.roles import ALL_200, LOGIN, STAFF_ONLY


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


ROWS = [
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
    ("events_staff:move", lambda c: [_event_world()["slug"], "cancel"], "get", "page", STAFF_ONLY),  # confirm
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
]
