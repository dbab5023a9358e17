"""The one private-link application mechanism (core/applications.py) behind listing requests and observer
applications: the declared transitions, the reviewer's record, stale decisions, and the migration that keeps data."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader

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
    assert listing.message == "Send your statutes.\n\n— Answer: Attached.\n\nNot active on POPs."
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


def _unsquashed_executor():
    """An executor over the migrations as written: the squashed ones stand for them in the graph, and a squash
    cannot be migrated to one of the steps it replaces."""
    executor = MigrationExecutor(connection)
    executor.loader = MigrationLoader(connection, replace_migrations=False)
    return executor


@pytest.mark.django_db(transaction=True)
def test_migration_to_the_shared_base_keeps_existing_requests():
    """Rows written before the base class existed keep every column; decided ones get their decision time."""
    before, after = (
        [("directory", "0002_offerings_listing_requests_corrections")],
        [("directory", "0003_private_link_application_base")],
    )
    executor = _unsquashed_executor()
    executor.migrate(before)
    old_apps = executor.loader.project_state(before).apps
    Listing = old_apps.get_model("directory", "ListingRequest")
    # A transactional test before this one may have flushed the reference data.
    country, _ = old_apps.get_model("parties", "Country").objects.get_or_create(
        iso3="SEN", defaults={"name": "Senegal"}
    )
    row = Listing.objects.create(
        name="Old Org",
        kind="ngo",
        country_id=country.pk,
        summary="s",
        contact_name="c",
        contact_email="c@old.example",
        message="Listed.",
        state="approved",
        token="t" * 20,
    )
    executor = _unsquashed_executor()
    executor.migrate(after)
    new_apps = executor.loader.project_state(after).apps
    migrated = new_apps.get_model("directory", "ListingRequest").objects.get(pk=row.pk)
    assert (migrated.name, migrated.state, migrated.token, migrated.message) == (
        "Old Org",
        "approved",
        "t" * 20,
        "Listed.",
    )
    assert migrated.decided_at == migrated.updated_at and migrated.reason == ""
    MigrationExecutor(connection).migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
