"""Issue 17.3: opening a needs cycle checks its schedule (deadlines after today, a period of two years in order that
follows the cycle), previews who is invited and how many e-mails go out, and opens only on an explicit
confirmation (a second POST, no JavaScript), so nobody mass-mails every Party by mistake."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tahub.needs import services
from tahub.needs.models import Cycle
from tests.accounts import cast
from tests.accounts.cast import sign_in

pytestmark = pytest.mark.django_db


def _data(questionnaire, **changes):
    year = timezone.localdate().year + 1
    data = {"slug": "n-next", "title": "Needs assessment next", "period": f"{year}-{year + 3}",
            "deadline": f"{year}-06-30", "questionnaire": questionnaire.pk,
            "invited": [cast.party("KEN").pk, cast.party("NGA").pk, cast.party("BRA").pk]}  # fmt: skip
    return {**data, **changes}


@pytest.fixture
def staff(client, admin):
    return sign_in(client, admin, second_factor=True)


def test_a_past_deadline_and_a_reversed_period_are_refused_next_to_their_fields(staff, questionnaire):
    page = staff.post(
        reverse("needs_staff:open"), _data(questionnaire, deadline="2020-01-01", period="2033-2030", confirm="1")
    )

    assert page.status_code == 400
    errors = page.context["form"].errors
    assert "after today" in errors["deadline"][0]
    assert "the first no later than the second" in errors["period"][0]
    assert not Cycle.objects.filter(slug="n-next").exists() and not DBTaskResult.objects.exists()


def test_a_period_before_the_cycle_and_a_past_part_ii_deadline_are_refused(staff, questionnaire):
    year = timezone.localdate().year + 1
    page = staff.post(
        reverse("needs_staff:open"),
        _data(questionnaire, period=f"{year - 3}-{year - 1}", funding_deadline=timezone.localdate().isoformat()),
    )

    assert page.status_code == 400
    errors = page.context["form"].errors
    assert f"starts in {year - 3}, before the deadline's year ({year})" in errors["period"][0]
    assert "after today" in errors["funding_deadline"][0]


def test_the_schedule_rules_accept_a_period_with_an_en_dash_and_one_year():
    today = datetime.date(2026, 12, 2)
    deadline = datetime.date(2027, 6, 30)

    assert services.schedule_errors(period="2027–2030", deadline=deadline, today=today) == {}
    assert services.schedule_errors(period="2028", deadline=deadline, today=today) == {}
    assert set(services.schedule_errors(period="soon", deadline=today, today=today)) == {"period", "deadline"}


def test_the_form_previews_the_invitations_and_opens_only_on_confirmation(staff, questionnaire):
    cast.contact_point("official.ken@example.org", "KEN")
    cast.contact_point("focal.ken@example.org", "KEN", kind="focal")
    cast.contact_point("official.nga@example.org", "NGA")  # Brazil has nobody to e-mail
    url = reverse("needs_staff:open")

    preview = staff.post(url, _data(questionnaire))

    assert preview.status_code == 200
    assert preview.templates[0].name == "needs/cycle_confirm.html"
    assert (preview.context["preview"].needs_parties, preview.context["preview"].emails) == (3, 3)
    assert preview.context["preview"].unreachable == ["Brazil"]
    text = preview.content.decode()
    assert "e-mails an invitation to 3 people at once" in text and "Open the cycle and send 3 invitations" in text
    assert not Cycle.objects.filter(slug="n-next").exists() and not DBTaskResult.objects.exists()

    carried = {}
    for name, value in preview.context["carry"]:
        carried.setdefault(name, []).append(value)
    assert sorted(carried["invited"]) == sorted(str(pk) for pk in _data(questionnaire)["invited"])
    back = staff.post(url, {**carried, "edit": "1"})
    assert back.templates[0].name == "needs/cycle_form.html" and back.context["form"]["title"].value() == (
        "Needs assessment next"
    )
    assert not Cycle.objects.filter(slug="n-next").exists()

    opened = staff.post(url, {**carried, "confirm": "1"})

    assert opened.status_code == 302
    cycle = Cycle.objects.get(slug="n-next")
    assert cycle.invited.count() == 3
    assert DBTaskResult.objects.get().args_kwargs["kwargs"] == {"cycle_id": cycle.pk}


def test_changing_a_cycle_to_a_past_deadline_is_refused_and_unchanged_dates_pass(client, cycle, admin):
    sign_in(client, admin, second_factor=True)
    url = reverse("needs_staff:edit", args=[cycle.slug])
    form = client.get(url).context["form"]
    data = {name: value for name, value in form.initial.items() if value is not None}

    refused = client.post(url, {**data, "deadline": "2020-01-01"})
    kept = client.post(url, {**data, "title": "Renamed"})  # the fixture's period starts before its deadline's year

    assert refused.status_code == 400 and "after today" in refused.context["form"].errors["deadline"][0]
    assert kept.status_code == 302 and Cycle.objects.get(pk=cycle.pk).title == "Renamed"


def test_the_service_refuses_a_period_in_the_wrong_order(admin, questionnaire):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="first no later than the second"):
        services.open_cycle(
            by=admin, slug="bad", title="Bad", period="2033-2030", deadline=timezone.localdate(),
            questionnaire=questionnaire,
        )  # fmt: skip
