"""The history page reads as people speak: the reason's label, each changed field's verbose name, and its old and
new values as shown elsewhere (choice labels, related records' names, dates); the related records are fetched in
bulk, so the page's queries do not grow with its changes."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tahub.assistance import services
from tahub.assistance.models import TARequest
from tahub.core.history import EMPTY, display_value, history_entries
from tahub.funding.models import PledgeEntry
from tests.accounts import cast
from tests.assistance.conftest import complete_data

pytestmark = pytest.mark.django_db


def _field(model, name):
    return model.history.model._meta.get_field(name)


def _submitted_request():
    contact = cast.contact_point("contact@ken.example", cast.PARTY_A)
    focal = cast.staff("afr@secretariat.example", cast.StaffRole.Role.REGIONAL_FOCAL_POINT, "AFR")
    draft = services.create_request(party=cast.party(cast.PARTY_A), by=contact, data=complete_data())
    return services.submit_request(draft, by=contact), contact, focal


def test_a_submission_reads_as_its_label_and_its_fields_by_name():
    request, contact, focal = _submitted_request()

    latest, created = history_entries(request)

    assert (latest["reason"], latest["record"].history_user) == ("Submitted by the Party", contact)
    changes = {change.label: (change.old_display, change.new_display) for change in latest["changes"]}
    assert changes["Status"] == ("Draft", "Submitted")
    assert changes["Handled by"] == (EMPTY, str(focal))
    assert changes["Submitted"][0] == EMPTY
    assert changes["Submitted"][1].endswith(" UTC")
    assert (created["reason"], created["changes"]) == ("Draft saved by the Party", [])


def test_changes_follow_the_order_the_model_declares():
    request, _contact, _focal = _submitted_request()
    names = [change.field for change in history_entries(request)[0]["changes"]]
    order = [field.name for field in TARequest._meta.fields]
    assert names == sorted(names, key=order.index)


def test_values_are_shown_as_people_read_them():
    request, _contact, focal = _submitted_request()
    names = {(type(focal), focal.pk): focal}
    assert display_value(_field(TARequest, "state"), "info_needed") == "More information needed"
    assert display_value(_field(TARequest, "owner"), focal.pk, names) == str(focal)
    assert display_value(_field(TARequest, "owner"), 999999, names) == "deleted record (#999999)"
    assert display_value(_field(TARequest, "desired_start"), datetime.date(2026, 3, 2)) == "2026-03-02"
    assert display_value(_field(TARequest, "received_by_letter"), True) == "yes"
    assert display_value(_field(TARequest, "received_by_letter"), False) == "no"
    assert display_value(_field(TARequest, "language"), "fr") == "French"
    assert display_value(_field(TARequest, "title"), "") == EMPTY
    assert display_value(_field(TARequest, "owner"), None) == EMPTY
    assert display_value(_field(PledgeEntry, "amount"), Decimal("1250.50")) == "1250.50"
    assert display_value(_field(PledgeEntry, "kind"), "receipt") == "Receipt"


def _edit(request, count, people):
    for i in range(count):
        request.title = f"Inventory of PCB, version {i}"
        request.owner = people[i % len(people)]
        request._change_reason = "assistance.request.edited"
        request.save()


def _queries(request):
    with CaptureQueriesContext(connection) as queries:
        entries = history_entries(request)
    return len(queries), entries


def test_related_names_are_fetched_once_per_model_not_per_change():
    request, _contact, focal = _submitted_request()
    other = cast.staff("other@secretariat.example")
    _edit(request, 2, [other, focal])
    few, _entries = _queries(request)
    _edit(request, 30, [other, focal])

    many, entries = _queries(request)

    assert many == few == 2  # the records (with their users), then the owners named
    owners = {c.new_display for entry in entries for c in entry["changes"] if c.field == "owner"}
    assert owners == {str(other), str(focal)}


def test_the_page_shows_labels_not_codes_within_its_query_budget(client, django_assert_max_num_queries):
    request, _contact, focal = _submitted_request()
    _edit(request, 40, [cast.staff("other@secretariat.example"), focal])
    admin = cast.staff("admin@secretariat.example")
    cast.sign_in(client, admin, second_factor=True)

    with django_assert_max_num_queries(12):
        page = client.get(reverse("accounts:object_history", args=["assistance", "tarequest", request.pk]))

    text = page.content.decode()
    assert "Submitted by the Party" in text and "Request edited" in text
    assert "<strong>Status</strong>: Draft → Submitted" in text
    assert "assistance.request." not in text
