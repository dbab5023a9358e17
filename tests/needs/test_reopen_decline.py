"""Staff decline a respondent's request to reopen a submitted response, saying why; the person who asked is
told by e-mail and on the response page; the response stays submitted."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from tahub.needs import notifications, services
from tahub.needs.models import ReopenRequest, Response
from tahub.needs.services.reopen_requests import NO_DECLINE_REASON
from tests.accounts.cast import sign_in

from . import world

pytestmark = pytest.mark.django_db


def _asked(cycle, party, by, reason="Our Part II amounts changed."):
    draft = services.save_answers(cycle=cycle, party=party, answers=world.complete_answers(cycle), by=by)
    submitted = services.submit_response(draft, by=by)
    return services.request_reopen(submitted, by=by, reason=reason)


def decline_url(request):
    return reverse("needs_staff:decline_reopen", args=[request.pk])


def test_staff_decline_from_the_requests_page_and_the_party_sees_why(client, cycle, party_a, contact_a, admin):
    request = _asked(cycle, party_a, contact_a)
    DBTaskResult.objects.all().delete()
    staff = sign_in(client, admin, second_factor=True)
    listing = staff.get(reverse("needs_staff:reopen_requests")).content.decode()
    assert decline_url(request) in listing
    assert "Our Part II amounts changed." in staff.get(decline_url(request)).content.decode()

    page = staff.post(decline_url(request), {"reason": "The results are published; send an addendum instead."})

    assert page.status_code == 302
    request.refresh_from_db()
    assert (request.state, request.decided_by, request.decline_reason) == (
        "declined",
        admin,
        "The results are published; send an addendum instead.",
    )
    assert request.decided_at is not None
    assert request.history.first().history_change_reason == "needs.reopen_request.declined"
    assert Response.objects.get(pk=request.response_id).state == Response.State.SUBMITTED
    assert DBTaskResult.objects.get().args_kwargs["kwargs"] == {"request_id": request.pk}
    assert "No pending request." in staff.get(reverse("needs_staff:reopen_requests")).content.decode()
    sign_in(client, contact_a)
    mine = client.get(reverse("needs:respond", args=[cycle.slug, "needs", "parties", "KEN"])).content.decode()
    assert "declined to reopen this response" in mine and "send an addendum instead" in mine
    assert reverse("needs:request_reopen", args=[cycle.slug, "needs", "parties", "KEN"]) in mine  # may ask again


def test_a_decline_without_a_reason_is_refused_next_to_the_field(client, cycle, party_a, contact_a, admin):
    request = _asked(cycle, party_a, contact_a)
    staff = sign_in(client, admin, second_factor=True)

    page = staff.post(decline_url(request), {"reason": "  "})

    assert page.status_code == 400
    assert page.context["form"].errors["reason"]
    with pytest.raises(ValidationError) as error:
        services.decline_reopen_request(request, by=admin, reason="")
    assert error.value.message_dict["reason"] == [str(NO_DECLINE_REASON)]
    request.refresh_from_db()
    assert (request.state, request.decided_by, request.decline_reason) == ("pending", None, "")


def test_only_staff_decline_and_only_a_pending_request(cycle, party_a, contact_a, admin):
    request = _asked(cycle, party_a, contact_a)
    with pytest.raises(PermissionDenied):
        services.decline_reopen_request(request, by=contact_a, reason="I changed my mind")
    services.reopen_response(request.response, by=admin)

    with pytest.raises(ValidationError, match="already reopened"):
        services.decline_reopen_request(request, by=admin, reason="Too late")

    request.refresh_from_db()
    assert (request.state, request.decline_reason) == ("granted", "")


def test_declining_a_request_decided_meanwhile_says_so(client, cycle, party_a, contact_a, admin):
    request = _asked(cycle, party_a, contact_a)
    staff = sign_in(client, admin, second_factor=True)
    services.decline_reopen_request(request, by=admin, reason="First answer")

    page = staff.post(decline_url(request), {"reason": "Second answer"})

    assert page.status_code == 409 and "already declined" in page.content.decode()
    assert staff.get(decline_url(request)).status_code == 404  # the form is for pending requests only
    request.refresh_from_db()
    assert request.decline_reason == "First answer"


def test_the_person_who_asked_is_mailed_the_reason(cycle, party_a, contact_a, admin, mailoutbox):
    request = _asked(cycle, party_a, contact_a)
    services.decline_reopen_request(request, by=admin, reason="The figures are final.")

    assert notifications.send_reopen_declined(request.pk) == 1

    assert [m.to for m in mailoutbox] == [[contact_a.email]]
    assert "declined" in mailoutbox[0].subject and "Kenya" in mailoutbox[0].subject
    assert "The figures are final." in mailoutbox[0].body
    assert "/needs/" + cycle.slug + "/needs/parties/KEN/" in mailoutbox[0].body
    contact_a.is_active = False
    contact_a.save()
    assert notifications.send_reopen_declined(request.pk) == 0


def test_a_pending_request_is_not_mailed_as_declined(cycle, party_a, contact_a, mailoutbox):
    request = _asked(cycle, party_a, contact_a)
    assert notifications.send_reopen_declined(request.pk) == 0
    assert ReopenRequest.objects.get(pk=request.pk).state == "pending"
    assert mailoutbox == []
