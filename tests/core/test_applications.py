"""The one private-link application mechanism (core/applications.py) behind listing requests and observer
applications: the declared transitions, the reviewer's record, stale decisions, and the migration that keeps data."""

import importlib
from datetime import UTC, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from tahub.core import applications
from tahub.core.application_views import ApplicationReviewForm
from tahub.directory import services as directory
from tahub.directory.models import ListingRequest
from tahub.observers import services as observers
from tahub.observers.models import ObserverApplication
from tahub.parties.models import Country
from tests.accounts import cast

PDF = b"%PDF-1.4\n%%EOF\n"


def _listing(name="Lab Alliance"):
    return directory.submit_listing_request(
        data={
            "name": name,
            "kind": "research",
            "country": Country.objects.get(iso3="SEN"),
            "summary": "s",
            "contact_name": "A. Diop",
            "contact_email": "diop@lab.example",
        },
        documents=[SimpleUploadedFile("proof.pdf", PDF)],
    )


@pytest.mark.django_db
def test_both_apps_share_one_declared_workflow_with_their_own_outcome_names():
    for model, accepted, declined in [
        (ListingRequest, "approved", "rejected"),
        (ObserverApplication, "admitted", "declined"),
    ]:
        assert issubclass(model, applications.PrivateLinkApplication)
        assert (accepted, declined) == (model.ACCEPTED, model.DECLINED)
        transitions = {t.name for t in model._meta.get_field("state").get_all_transitions(model)}
        assert transitions == {"ask_information", "answer", "accept", "decline"}


@pytest.mark.django_db
def test_decision_records_reviewer_reason_time_and_thread():
    staff = cast.staff("s@secretariat.example")
    listing = directory.ask_listing_information(_listing(), by=staff, message="Send your statutes.")
    assert listing.reviewed_by == staff and listing.decided_at is None
    listing = directory.answer_listing_request(listing, answer="Attached.")
    listing = directory.reject_listing_request(listing, by=staff, reason="Not active on POPs.")
    assert listing.state == "rejected" and listing.reason == "Not active on POPs." and listing.decided_at
    said = [(m.author, m.from_applicant, m.text) for m in listing.messages.all()]
    assert said == [
        (staff, False, "Send your statutes."),
        (None, True, "Attached."),
        (staff, False, "Not active on POPs."),
    ]
    assert listing.history.first().history_change_reason == "directory.listing.rejected"


@pytest.mark.django_db
def test_a_stale_decision_is_refused_and_changes_nothing():
    first, second = cast.staff("a@secretariat.example"), cast.staff("b@secretariat.example")
    listing = _listing()
    stale = ListingRequest.objects.get(pk=listing.pk)
    directory.approve_listing_request(listing, by=first)
    with pytest.raises(ValidationError) as error:
        directory.reject_listing_request(stale, by=second, reason="Too late.")
    assert error.value.messages == ["A listing request that is “Approved: listed” cannot be changed this way."]
    listing.refresh_from_db()
    assert (listing.state, listing.reviewed_by, listing.reason) == ("approved", first, "")


@pytest.mark.django_db
def test_review_form_and_dispatch_use_each_apps_verbs():
    form = ApplicationReviewForm(process=observers.applications.REVIEW)
    assert [value for value, _label in form.fields["action"].choices] == ["admit", "ask", "decline"]
    form = ApplicationReviewForm(process=directory.REVIEW)
    assert [value for value, _label in form.fields["action"].choices] == ["approve", "ask", "reject"]
    with pytest.raises(ValidationError, match="Unknown decision"):
        directory.review_listing_request(_listing(), by=cast.staff("s@secretariat.example"), action="admit")


@pytest.mark.django_db
def test_the_shared_base_migration_gives_decided_requests_their_decision_time():
    """directory 0003 (replaced by the squash, still run by a database migrated before it): a request decided before
    `decided_at` existed gets its last change as its decision time; an undecided one gets none. The function is run
    on today's models, as the regional centres' data migration is tested: a squash cannot be migrated back to one
    of the steps it replaces."""
    from django.apps import apps

    migration = importlib.import_module("tahub.directory.migrations.0003_private_link_application_base")
    decided, waiting = _listing(), _listing("Other Lab")
    ListingRequest.objects.filter(pk=decided.pk).update(state="approved", decided_at=None)
    migration.backfill_decided_at(apps, None)
    decided.refresh_from_db()
    waiting.refresh_from_db()
    assert decided.decided_at == decided.updated_at and decided.state == "approved"
    assert waiting.decided_at is None


def test_a_thread_kept_as_one_text_becomes_its_messages_with_every_word_kept():
    """The data migration's function (directory and observers 0005), on a thread as the application's history
    recorded it: each record that grew it sent the part it added."""
    at = [datetime(2026, 5, day, 9, tzinfo=UTC) for day in range(1, 6)]
    ask = "Send your statutes.\n\nAnd your last report."
    thread = f"{ask}\n\n— Réponse: Attached.\n\nSee page 2.\n\nNot active on POPs.\n\nA line added by hand."
    records = [
        ("", None, at[0], "directory.listing.submitted"),
        (ask, 7, at[1], "directory.listing.information_asked"),
        (f"{ask}\n\n— Réponse: Attached.\n\nSee page 2.", None, at[2], "directory.listing.answered"),
        (
            f"{ask}\n\n— Réponse: Attached.\n\nSee page 2.\n\nNot active on POPs.",
            8,
            at[3],
            "directory.listing.rejected",
        ),
    ]
    documents = [(1, at[0] + timedelta(seconds=1)), (2, at[2] - timedelta(seconds=1))]
    told = applications.thread_messages(thread, records, documents)
    assert [(m["from_applicant"], m["author_id"], m["sent_at"], m["text"], m["document_ids"]) for m in told] == [
        (False, 7, at[1], ask, []),
        (True, None, at[2], "Attached.\n\nSee page 2.", [2]),
        (False, 8, at[3], "Not active on POPs.", []),
        (False, None, at[3], "A line added by hand.", []),
    ]
    # Without a history, the whole thread is one message: nothing is lost.
    assert [m["text"] for m in applications.thread_messages(thread, [])] == [thread]
