"""Invitations when a cycle opens, reminders before each deadline: exactly the invitees that have not submitted,
e-mailed by the real worker."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from tahub.needs import services
from tahub.needs.selectors import respondents
from tests.accounts import cast
from tests.worker import run_worker

from . import world

INVITED = ("KEN", "NGA", "ECU")


def _open(admin, deadline):
    parties = [cast.party(iso3) for iso3 in INVITED]
    return services.open_cycle(
        by=admin,
        slug="needs-2027",
        title="Needs assessment 2027",
        period="2027-2030",
        deadline=deadline,
        questionnaire=world.questionnaire(),
        invited=parties,
        offers_questionnaire=world.offers_questionnaire(),
        offers_parties=[cast.party("DEU")],
        offers_organisations=[],
    )


@pytest.mark.django_db
def test_the_reminder_selects_exactly_the_invitees_that_have_not_submitted(admin):
    cycle = _open(admin, timezone.localdate() + datetime.timedelta(days=14))
    kenya = cast.party("KEN")
    draft = services.save_answers(cycle=cycle, party=cast.party("NGA"), answers={"nip-level": "low"}, by=admin)
    response = services.save_answers(cycle=cycle, party=kenya, answers=world.complete_answers(cycle), by=admin)
    services.submit_response(response, by=admin)

    pending = [p.country.iso3 for p, _people in respondents.pending(cycle, "needs")]

    assert sorted(pending) == ["ECU", "NGA"]  # a draft is not a submission
    assert draft.state == "draft"
    assert [p.country.iso3 for p, _people in respondents.pending(cycle, "offers")] == ["DEU"]


@pytest.mark.django_db(transaction=True)
def test_invitations_and_reminders_go_through_the_worker_to_non_respondents_only(reference_data, tmp_path):
    admin = cast.staff("admin@example.org")
    people = {iso3: cast.contact_point(f"cp.{iso3.lower()}@example.org", iso3) for iso3 in (*INVITED, "DEU")}
    cast.contact_point("cp.ben@example.org", "BEN")  # not invited
    cycle = _open(admin, timezone.localdate() + datetime.timedelta(days=14))

    invitations = run_worker(tmp_path / "invitations")
    assert sorted(m.split("To: ")[1].split("\n")[0] for m in invitations) == sorted(u.email for u in people.values())
    assert all("/needs/needs-2027/" in m and "you are invited" in m for m in invitations)

    response = services.save_answers(
        cycle=cycle, party=cast.party("KEN"), answers=world.complete_answers(cycle), by=people["KEN"]
    )
    services.submit_response(response, by=people["KEN"])
    call_command("remind_needs_respondents", stdout=StringIO())
    reminders = run_worker(tmp_path / "reminders")

    to = sorted(m.split("To: ")[1].split("\n")[0] for m in reminders)
    # Part I and II share the date (one reminder); Germany has not offered yet (offers share it too).
    assert to == sorted(people[iso3].email for iso3 in ("NGA", "ECU", "DEU"))
    assert all("reminder" in m for m in reminders)
    # Not a reminder day: nothing.
    call_command(
        "remind_needs_respondents",
        "--today",
        (timezone.localdate() + datetime.timedelta(days=1)).isoformat(),
        stdout=StringIO(),
    )
    assert run_worker(tmp_path / "none") == []


@pytest.mark.django_db(transaction=True)
def test_running_the_daily_job_twice_or_retrying_it_sends_each_reminder_once(reference_data, tmp_path):
    from tahub.needs.models import Notice
    from tahub.needs.tasks import task_remind_respondents, task_send_invitations

    admin = cast.staff("admin@example.org")
    people = {iso3: cast.contact_point(f"cp.{iso3.lower()}@example.org", iso3) for iso3 in (*INVITED, "DEU")}
    cycle = _open(admin, timezone.localdate() + datetime.timedelta(days=14))
    run_worker(tmp_path / "invitations")
    task_send_invitations.enqueue(cycle_id=cycle.pk)  # invitations are recorded too: nothing is sent again
    assert run_worker(tmp_path / "invitations-again") == []

    # The daily command twice the same day, and a worker retry of the same task: one reminder each.
    call_command("remind_needs_respondents", stdout=StringIO())
    call_command("remind_needs_respondents", stdout=StringIO())
    task_remind_respondents.enqueue(today=timezone.localdate().isoformat())
    reminders = run_worker(tmp_path / "reminders")

    to = sorted(m.split("To: ")[1].split("\n")[0] for m in reminders)
    assert to == sorted(u.email for u in people.values())
    recorded = Notice.objects.filter(event="reminder").order_by("kind", "part", "party__country__iso3")
    assert [(n.kind, n.part, n.party.country.iso3, n.days_before) for n in recorded] == [
        ("needs", "funding", "ECU", 14), ("needs", "funding", "KEN", 14), ("needs", "funding", "NGA", 14),
        ("needs", "needs", "ECU", 14), ("needs", "needs", "KEN", 14), ("needs", "needs", "NGA", 14),
        ("offers", "offers", "DEU", 14),
    ]  # fmt: skip
    assert {n.deadline for n in recorded} == {cycle.deadline}

    call_command("remind_needs_respondents", stdout=StringIO())
    assert run_worker(tmp_path / "again") == []


@pytest.mark.django_db
def test_a_failed_sending_records_nothing_so_that_a_retry_sends_it(admin, monkeypatch):
    from tahub.needs import notifications
    from tahub.needs.models import Notice

    cast.contact_point("cp.ken@example.org", "KEN")
    cycle = _open(admin, timezone.localdate() + datetime.timedelta(days=3))

    def broken(*args, **kwargs):
        raise ConnectionError("SMTP down")

    monkeypatch.setattr(notifications, "send_localized", broken)
    with pytest.raises(ConnectionError):
        notifications.send_reminders(cycle.pk, "needs", cycle.deadline, days_before=3)
    assert not Notice.objects.filter(event="reminder").exists()
    monkeypatch.undo()
    assert notifications.send_reminders(cycle.pk, "needs", cycle.deadline, days_before=3) == 1
    assert notifications.send_reminders(cycle.pk, "needs", cycle.deadline, days_before=3) == 0


@pytest.mark.django_db(transaction=True)
def test_a_request_to_reopen_is_mailed_to_staff_by_the_worker(reference_data, tmp_path):
    admin = cast.staff("admin@example.org")
    kenya = cast.contact_point("cp.ken@example.org", "KEN")
    cycle = _open(admin, timezone.localdate() + datetime.timedelta(days=30))
    response = services.save_answers(cycle=cycle, party=cast.party("KEN"), answers=world.complete_answers(cycle),
                                     by=kenya)  # fmt: skip
    services.submit_response(response, by=kenya)
    run_worker(tmp_path / "invitations")

    services.request_reopen(response, by=kenya, reason="The ministry revised our Part II amounts.")
    mails = run_worker(tmp_path / "request")

    assert len(mails) == 1 and "To: admin@example.org" in mails[0]
    assert "Kenya asks to reopen its response" in mails[0] and "revised our Part II amounts" in mails[0]
