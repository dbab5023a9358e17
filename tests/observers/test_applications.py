"""Applying once for admission, and the Secretariat's review: every legal and illegal move."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django_tasks_db.models import DBTaskResult

from tahub.directory.models import Organisation
from tahub.observers import notifications, services
from tahub.observers.models import ApplicationDocument, FocalPoint, ObserverApplication
from tahub.observers.services import applications
from tahub.parties.models import Country
from tests.accounts import cast

from .conftest import make_ngo, pdf

pytestmark = pytest.mark.django_db


def data(**overrides):
    values = {
        "name": "Women Against Pesticides",
        "short_name": "WAP",
        "kind": "ngo",
        "country": Country.objects.get(iso3="SEN"),
        "description": "A network of farmers' associations.",
        "affiliations": "IPEN participating organisation",
        "programmes": "Trainings on alternatives to endosulfan since 2008.",
        "network": "40 member associations in West Africa",
        "contact_name": "Awa Ndiaye",
        "contact_email": "awa@wap.example.org",
    }
    values.update(overrides)
    return values


def submit(by=None, **overrides):
    return services.submit_application(
        data=data(**overrides), documents=[pdf("statutes.pdf")], by=by or AnonymousUser()
    )


def events():
    return [t.args_kwargs["kwargs"]["event"] for t in DBTaskResult.objects.order_by("enqueued_at")]


def test_submit_saves_documents_and_enqueues_the_private_link():
    application = submit()
    assert application.state == ObserverApplication.State.SUBMITTED
    assert application.documents.count() == 1 and application.submitted_by is None
    assert events() == ["observers.application.submitted"]
    assert application.history.first().history_change_reason == "observers.application.submitted"


def test_submit_without_document_is_refused_and_nothing_saved():
    with pytest.raises(ValidationError) as error:
        services.submit_application(data=data(), documents=[], by=AnonymousUser())
    assert error.value.message_dict["documents"] == [str(applications.NO_DOCUMENTS)]
    assert ObserverApplication.objects.count() == 0


def test_exempt_category_needs_no_application():
    with pytest.raises(ValidationError) as error:
        submit(kind="un-agency")
    assert "exempt from admission" in error.value.message_dict["kind"][0]
    assert ObserverApplication.objects.count() == 0


def test_directory_entry_of_an_exempt_body_is_recognised_by_name():
    with pytest.raises(ValidationError) as error:
        submit(name="World Health Organization", short_name="WHO", kind="igo")
    assert "exempt from admission" in error.value.message_dict["name"][0]


def test_admitted_body_does_not_reapply():
    make_ngo(name="Women Against Pesticides", slug="wap")
    with pytest.raises(ValidationError) as error:
        submit()
    assert "already admitted" in error.value.message_dict["name"][0]
    assert ObserverApplication.objects.count() == 1  # only the earlier, admitted one


def test_a_second_open_application_is_refused():
    submit()
    with pytest.raises(ValidationError) as error:
        submit(contact_email="other@wap.example.org")
    assert "already being reviewed" in error.value.message_dict["name"][0]


def test_disguised_document_is_refused_and_nothing_saved():
    from django.core.files.uploadedfile import SimpleUploadedFile

    bad = SimpleUploadedFile("statutes.pdf", b"MZ\x90\x00" * 10)
    with pytest.raises(ValidationError):
        services.submit_application(data=data(), documents=[bad], by=AnonymousUser())
    assert ObserverApplication.objects.count() == 0 and ApplicationDocument.objects.count() == 0


def test_ask_answer_admit_creates_unlisted_organisation_and_focal_point(staff):
    applicant = cast.user("awa@wap.example.org")
    application = submit(by=applicant)
    services.ask_application_information(application, by=staff, message="Send your last annual report.")
    application = services.answer_application(application, answer="Attached.", documents=[pdf("report.pdf")])
    assert application.state == ObserverApplication.State.SUBMITTED and application.documents.count() == 2
    application = services.admit_application(application, by=staff)
    assert application.state == ObserverApplication.State.ADMITTED and application.decided_at is not None
    organisation = application.organisation
    assert (organisation.name, organisation.listed) == ("Women Against Pesticides", False)
    assert FocalPoint.objects.filter(user=applicant, organisation=organisation).exists()
    assert events() == [
        "observers.application.submitted",
        "observers.application.information_asked",
        "observers.application.answered",
        "observers.application.admitted",
    ]


def test_admitting_links_an_existing_directory_entry():
    staff = cast.staff("s@secretariat.example")
    application = submit(name="International Pollutants Elimination Network", short_name="IPEN")
    assert application.organisation == Organisation.objects.get(slug="ipen")
    services.admit_application(application, by=staff)
    assert Organisation.objects.filter(name__icontains="Pollutants Elimination").count() == 1


def test_decline_needs_a_reason_then_is_final(staff):
    application = submit()
    with pytest.raises(ValidationError):
        services.decline_application(application, by=staff, reason=" ")
    application = services.decline_application(application, by=staff, reason="Not active on POPs.")
    assert application.state == ObserverApplication.State.DECLINED
    with pytest.raises(ValidationError) as error:
        services.admit_application(application, by=staff)
    assert error.value.messages == ["An application that is “Declined” cannot be changed this way."]


@pytest.mark.parametrize("move", ["admit", "ask", "decline"])
def test_only_the_secretariat_reviews(move):
    application = submit()
    outsider = cast.user("someone@example.org")
    calls = {
        "admit": lambda: services.admit_application(application, by=outsider),
        "ask": lambda: services.ask_application_information(application, by=outsider, message="x"),
        "decline": lambda: services.decline_application(application, by=outsider, reason="x"),
    }
    with pytest.raises(PermissionDenied):
        calls[move]()
    application.refresh_from_db()
    assert application.state == ObserverApplication.State.SUBMITTED


def test_illegal_moves_are_refused(staff):
    application = submit()
    with pytest.raises(ValidationError):
        services.answer_application(application, answer="Nothing was asked.")
    services.admit_application(application, by=staff)
    with pytest.raises(ValidationError):
        services.ask_application_information(application, by=staff, message="More?")
    with pytest.raises(ValidationError):
        services.decline_application(application, by=staff, reason="Changed our mind.")


def test_after_decline_the_body_may_apply_again(staff):
    services.decline_application(submit(), by=staff, reason="Too little evidence.")
    assert submit().state == ObserverApplication.State.SUBMITTED


def test_notification_carries_the_private_link(staff):
    application = submit()
    notifications.send_application_event(application_id=application.pk, event="observers.application.submitted")
    assert mail.outbox[0].to == ["awa@wap.example.org"]
    assert application.get_absolute_url() in mail.outbox[0].body


def test_the_conversation_is_messages_on_the_private_page_and_in_the_email(client, staff):
    application = services.ask_application_information(submit(), by=staff, message="Send your statutes.")
    notifications.send_application_event(application_id=application.pk, event="observers.application.information_asked")
    assert "Message from the Secretariat:\nSend your statutes." in mail.outbox[-1].body
    services.answer_application(application, answer="Here they are.", documents=[pdf("statutes-2.pdf")])
    said = [(m.author, m.from_applicant, m.text, m.documents.count()) for m in application.messages.all()]
    assert said == [(staff, False, "Send your statutes.", 0), (None, True, "Here they are.", 1)]
    page = client.get(application.get_absolute_url()).content.decode()
    thread = page.split('<ol class="messages">', 1)[1].split("</ol>", 1)[0]
    assert thread.count("<li>") == 2 and thread.count("<time datetime=") == 2
    order = [
        thread.index(text) for text in ("The Secretariat", "Send your statutes.", "The applicant", "Here they are.")
    ]
    assert order == sorted(order)
