"""Each e-mail in its reader's language (core.mail.send_localized): the language of the account it goes to, never the
language of the page whose action caused it; written by the real worker (tests/worker.py) where the apps send it."""

import datetime
import email
import email.policy
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext

from tahub.accounts.models import StaffRole
from tahub.assistance import services as assistance
from tahub.core import mail
from tahub.needs import services as needs
from tests.accounts import cast
from tests.assistance.conftest import complete_data
from tests.needs import world
from tests.worker import run_worker


def in_language(code, english, **values):
    with translation.override(code):
        text = gettext(english)
    return text % values if values else text


def parsed(text):
    """A message the worker wrote (file backend) as {"to", "subject", "language", "body"}, headers decoded."""
    message = email.message_from_bytes(text.strip().encode() + b"\n", policy=email.policy.default)
    return {
        "to": str(message["To"]),
        "subject": str(message["Subject"]).strip(),  # Django folds an encoded subject onto the next line
        "language": str(message["Content-Language"]),
        "body": message.get_content(),
    }


def by_recipient(texts):
    messages = [parsed(text) for text in texts]
    return {m["to"]: [n for n in messages if n["to"] == m["to"]] for m in messages}


# --- send_localized, without the worker (the locmem outbox) ---


@pytest.mark.django_db
def test_each_recipient_reads_their_own_language_whatever_the_page_language(mailoutbox):
    spanish = cast.user("es@example.org", language="es")
    arabic = cast.user("ar@example.org", language="ar")
    no_preference = cast.user("none@example.org")
    cast.user("ru@example.org", language="ru")

    with translation.override("fr"):  # the page of the person whose action sends it
        sent = mail.send_localized(
            [spanish, arabic, no_preference, "RU@example.org", ("guest@example.org", "zh-hans"), spanish.email],
            subject=lambda: gettext("Your account is saved."),
            body=lambda: translation.get_language(),
            attachments=lambda: [("lang.txt", translation.get_language(), "text/plain")],
        )
        assert translation.get_language() == "fr"  # the page's language is left as it was

    assert sent == 5  # one message per language; the address given twice is written to once
    found = {
        tuple(m.to): (m.extra_headers["Content-Language"], m.subject, m.body, m.attachments[0][1]) for m in mailoutbox
    }
    for to, code in [
        (("es@example.org",), "es"),
        (("ar@example.org",), "ar"),
        (("none@example.org",), "en"),
        (("RU@example.org",), "ru"),  # an address is matched to its account whatever its case
        (("guest@example.org",), "zh-hans"),  # no account: the language they registered in
    ]:
        assert found[to] == (code, in_language(code, "Your account is saved."), code, code), to


@pytest.mark.django_db
def test_recipients_sharing_a_language_share_one_message(mailoutbox):
    first, second = cast.user("a@example.org", language="es"), cast.user("b@example.org", language="es")
    mail.send_localized([first, second], subject="x", body=lambda: "y")
    (message,) = mailoutbox
    assert message.to == ["a@example.org", "b@example.org"]


@pytest.mark.django_db
def test_a_language_no_longer_offered_falls_back_to_the_default(mailoutbox):
    person = cast.user("old@example.org", language="de")
    mail.send_localized([person, ("guest@example.org", "xx")], subject="x", body=lambda: translation.get_language())
    (message,) = mailoutbox
    assert (message.to, message.body, message.extra_headers["Content-Language"]) == (
        ["old@example.org", "guest@example.org"],
        "en",
        "en",
    )


# --- through the real worker ---


@pytest.mark.django_db(transaction=True)
def test_request_emails_are_in_the_readers_language_not_the_senders(reference_data, tmp_path):
    party = cast.party(cast.PARTY_A)
    contact = cast.contact_point("contact@ken.example", cast.PARTY_A)
    contact.language = "es"
    contact.save()
    secretariat = cast.staff("afr@secretariat.example", role=StaffRole.Role.REGIONAL_FOCAL_POINT, region="AFR")

    with translation.override("fr"), transaction.atomic():  # both act from French pages
        request = assistance.create_request(party=party, by=contact, data=complete_data())
        assistance.submit_request(request, by=contact)
    (to_secretariat,) = (parsed(text) for text in run_worker(tmp_path / "submitted"))
    assert to_secretariat["to"] == secretariat.email
    assert to_secretariat["language"] == "en"  # no preference: the site's language, not the sender's French
    assert to_secretariat["subject"] == f"New technical assistance request {request.reference}"

    with translation.override("fr"), transaction.atomic():
        assistance.decline_request(
            assistance.start_review(request, by=secretariat), by=secretariat, reason="Ya cubierto por el FMAM"
        )
    mails = by_recipient(run_worker(tmp_path / "declined"))
    assert list(mails) == [contact.email]
    review, declined = mails[contact.email]
    assert review["subject"] == in_language("es", "Your request %(ref)s is under review", ref=request.reference)
    assert declined["subject"] == in_language("es", "Your request %(ref)s has been declined", ref=request.reference)
    for message in (review, declined):
        assert message["language"] == "es"
        assert in_language("es", "See the request and what happens next:") in message["body"]
        assert "See the request and what happens next:" not in message["body"]
    assert "Ya cubierto por el FMAM" in declined["body"]


@pytest.mark.django_db(transaction=True)
def test_questionnaire_invitations_and_reminders_are_in_each_readers_language(reference_data, tmp_path):
    admin = cast.staff("admin@example.org")
    readers = {"KEN": "es", "NGA": "ar", "ECU": ""}
    people = {}
    for iso3, code in readers.items():
        people[iso3] = cast.contact_point(f"cp.{iso3.lower()}@example.org", iso3)
        people[iso3].language = code
        people[iso3].save()
    with translation.override("ru"):  # the Secretariat opens the cycle from a Russian page
        cycle = needs.open_cycle(
            by=admin,
            slug="needs-2027",
            title="Needs assessment 2027",
            period="2027-2030",
            deadline=timezone.localdate() + datetime.timedelta(days=14),
            questionnaire=world.questionnaire(),
            invited=[cast.party(iso3) for iso3 in readers],
            offers_questionnaire=world.offers_questionnaire(),
            offers_parties=[],
            offers_organisations=[],
        )

    invitations = by_recipient(run_worker(tmp_path / "invitations"))
    call_command("remind_needs_respondents", stdout=StringIO())
    reminders = by_recipient(run_worker(tmp_path / "reminders"))

    for iso3, code in readers.items():
        code = code or "en"
        (invitation,), (reminder,) = invitations[people[iso3].email], reminders[people[iso3].email]
        assert invitation["language"] == reminder["language"] == code
        assert invitation["subject"] == in_language(
            code, "%(cycle)s: you are invited to answer", cycle="Needs assessment 2027"
        )
        assert reminder["subject"] == in_language(
            code,
            "%(cycle)s: reminder, the deadline is %(date)s",
            cycle="Needs assessment 2027",
            date=cycle.deadline.isoformat(),
        )
        assert in_language(code, "Deadlines:") in reminder["body"]
        if code != "en":
            assert "Deadlines:" not in reminder["body"]
