"""After the event: attendance lists, surveys answered once by attendees, certificates for attendees only."""

import datetime
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from openpyxl import Workbook

from tahub.events import attendance, certificates, feedback, selectors, services
from tahub.events.models import Registration, RegistrationState, SurveyResponse

from .conftest import make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def past_event():
    now = timezone.now()
    event = make_event(
        "past-workshop", start=now - datetime.timedelta(days=3), end=now - datetime.timedelta(days=2),
        registration_deadline=(now - datetime.timedelta(days=10)).date(),
    )  # fmt: skip
    for i, name in enumerate(["Amina", "Bruno", "Chen"]):
        Registration.objects.create(event=event, name=name, email=f"{name.lower()}@example.org",
                                    state=RegistrationState.ACCEPTED, token=f"token-{i}")  # fmt: skip
    return event


def csv_upload(text):
    return SimpleUploadedFile("attendance.csv", text.encode())


def test_attendance_upload_all_or_nothing(past_event, administrator):
    with pytest.raises(ValidationError) as error:
        attendance.import_attendance(
            past_event, by=administrator, upload=csv_upload("email\namina@example.org\nnobody@example.org\n")
        )
    assert error.value.messages == ["Row 3: nobody@example.org is not an accepted participant of this event."]
    assert not past_event.registrations.filter(attended__isnull=False).exists()
    assert (
        attendance.import_attendance(past_event, by=administrator, upload=csv_upload("Email\nAMINA@example.org\n")) == 1
    )
    assert list(past_event.registrations.values_list("name", "attended")) == [
        ("Amina", True), ("Bruno", False), ("Chen", False)
    ]  # fmt: skip


def test_attendance_upload_xlsx(past_event, administrator):
    book = Workbook()
    book.active.append(["name", "email"])
    book.active.append(["Bruno", "bruno@example.org"])
    buffer = io.BytesIO()
    book.save(buffer)
    upload = SimpleUploadedFile("list.xlsx", buffer.getvalue())
    assert attendance.import_attendance(past_event, by=administrator, upload=upload) == 1


def attend(event, name="Amina"):
    registration = event.registrations.get(name=name)
    registration.attended = True
    registration.save()
    return registration


ANSWERS = {"relevance": "5", "knowledge": "4", "organisation": "3", "comments": "More practice"}


def test_survey_answered_once_by_attendees_only(past_event):
    amina = attend(past_event)
    with pytest.raises(PermissionDenied):
        feedback.submit_survey(past_event.registrations.get(name="Bruno"), kind="evaluation", answers=ANSWERS)
    feedback.submit_survey(amina, kind="evaluation", answers=ANSWERS)
    with pytest.raises(ValidationError, match="already answered"):
        feedback.submit_survey(amina, kind="evaluation", answers=ANSWERS)
    response = SurveyResponse.objects.get()
    assert response.survey == "event-evaluation-v1"
    # The response is audited (who answered which version, when); its answers are written once, never changed.
    assert response.history.get().history_change_reason == "events.survey.evaluation"


def test_survey_refuses_a_bad_rating_and_saves_nothing(past_event):
    with pytest.raises(ValidationError) as error:
        feedback.submit_survey(attend(past_event), kind="evaluation", answers={**ANSWERS, "relevance": "9"})
    assert list(error.value.message_dict) == ["relevance"]
    assert not SurveyResponse.objects.exists()


def test_follow_up_opens_months_later(past_event):
    with pytest.raises(ValidationError, match="180 days after"):
        feedback.submit_survey(attend(past_event), kind="follow-up", answers={"applied": 4, "shared": 5})
    later = timezone.now() + datetime.timedelta(days=200)
    assert feedback.submit_survey(attend(past_event), kind="follow-up", answers={"applied": 4, "shared": 5}, now=later)


def test_results_per_event_and_per_theme(past_event):
    feedback.submit_survey(attend(past_event, "Amina"), kind="evaluation", answers=ANSWERS)
    feedback.submit_survey(attend(past_event, "Bruno"), kind="evaluation", answers={**ANSWERS, "relevance": "3"})
    rows, responses, comments = selectors.survey_results(past_event, "evaluation")
    assert (responses, rows["relevance"]["average"], comments) == (2, 4.0, ["More practice", "More practice"])
    by_theme = selectors.survey_results_by_theme("evaluation")
    assert ("Inventories of POPs", "relevance", 4.0) in [
        (r["response__registration__event__themes__name"], r["question"], r["average"]) for r in by_theme
    ]


def test_certificate_only_for_attendees(client, past_event):
    amina = attend(past_event)
    pdf = client.get(f"/events/{past_event.slug}/p/{amina.token}/certificate.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF-")
    bruno = past_event.registrations.get(name="Bruno")
    assert client.get(f"/events/{past_event.slug}/p/{bruno.token}/certificate.pdf").status_code == 403
    with pytest.raises(PermissionDenied):
        certificates.certificate_pdf(bruno)


def test_an_event_counts_as_assistance_to_the_parties_of_its_attendees(event, party_a, contact_a, administrator):
    from tahub.directory.models import Organisation

    from .conftest import letter

    unitar = Organisation.objects.get(slug="unitar")
    event.organisers.add(unitar)
    nomination = services.nominate(event, party=party_a, by=contact_a, name="A", email="a@ken.example", letter=letter())
    services.accept_registration(nomination, by=administrator)
    assert list(selectors.events_delivered_to_party(party_a)) == []
    services.record_attendance(event, by=administrator, attended_ids=[nomination.pk])
    assert list(selectors.events_delivered_to_party(party_a)) == [event]
    assert selectors.parties_assisted() == [(party_a.pk, "inventories", 1)]
    assert list(selectors.events_organised_by(unitar)) == [event]
