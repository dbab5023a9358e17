"""A centre's lifecycle: work plan, activity reports, evaluation on the COP's score sheet, Parties' feedback."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from tahub.centres import notifications, selectors, services
from tahub.centres.models import ActivityReport, RegionalCentre, ReportingPeriod, WorkPlan
from tahub.centres.services import endorsements
from tahub.planning.models import Decision
from tahub.vocabularies.models import AssistanceType
from tests.accounts import cast

pytestmark = pytest.mark.django_db


@pytest.fixture
def centre():
    return RegionalCentre.objects.select_related("organisation").get(code="scrc-kenya")


@pytest.fixture
def centre_member(centre):
    return cast.member("staff@icipe.example", centre.organisation)


@pytest.fixture
def secretariat():
    return cast.staff("evaluator@secretariat.example")


@pytest.fixture
def period():
    return ReportingPeriod.objects.create(
        title="2025",
        start=datetime.date(2025, 1, 1),
        end=datetime.date(2025, 12, 31),
        deadline=datetime.date(2026, 3, 31),
    )


def log(report, by, n, parties):
    for i in range(n):
        services.add_activity(
            report,
            by=by,
            data={
                "title": f"Training {i}",
                "assistance_type": AssistanceType.objects.get(slug="training"),
                "start": datetime.date(2025, 3, 1) + datetime.timedelta(days=i),
                "end": datetime.date(2025, 3, 2) + datetime.timedelta(days=i),
                "parties_benefited": parties,
                "budget": "1200.50",
            },
        )


def test_work_plan_is_drafted_submitted_and_approved_by_decision(centre, centre_member, secretariat):
    plan = services.draft_work_plan(
        centre=centre,
        by=centre_member,
        data={"start_year": 2024, "end_year": 2027, "objectives": "o", "planned_activities": "p"},
    )
    plan = services.submit_work_plan(plan, by=centre_member)
    with pytest.raises(ValidationError):
        services.approve_work_plan(plan, by=secretariat, decision=None)
    plan = services.approve_work_plan(plan, by=secretariat, decision=Decision.objects.get(number="SC-7/17"))
    assert plan.state == WorkPlan.State.APPROVED
    assert selectors.centre_record(centre)["work_plan"] == plan
    with pytest.raises(PermissionDenied):
        services.approve_work_plan(plan, by=centre_member, decision=Decision.objects.get(number="SC-7/17"))


def test_someone_else_cannot_report_for_a_centre(centre, period):
    outsider = cast.member("x@unitar.example", cast.Organisation.objects.get(slug="unitar"))
    report = ActivityReport.objects.create(centre=centre, period=period)
    with pytest.raises(PermissionDenied, match="centre's own staff"):
        log(report, outsider, 1, [cast.party("KEN")])


def test_evaluation_prefills_counts_from_submitted_activities_and_checks_ranges(
    centre, centre_member, secretariat, period
):
    report = ActivityReport.objects.create(centre=centre, period=period)
    parties = [cast.party(code) for code in ("KEN", "UGA", "TZA", "RWA", "ETH", "SOM")]
    log(report, centre_member, 7, parties)
    services.submit_report(report, by=centre_member)
    with pytest.raises(ValidationError):
        log(report, centre_member, 1, parties[:1])  # submitted: closed

    evaluation = services.start_evaluation(
        centre=centre, by=secretariat, start=datetime.date(2025, 1, 1), end=datetime.date(2025, 12, 31)
    )
    scores = {s.criterion.code: s for s in evaluation.scores.select_related("criterion")}
    assert (scores["b1"].count, scores["b1"].score) == (7, 2)  # 6–10 activities
    assert (scores["b2"].count, scores["b2"].score) == (6, 2)  # more than 5 Parties
    assert scores["a"].score is None  # judged by the evaluator
    assert len(selectors.evidence_for(evaluation)) == 7

    with pytest.raises(ValidationError, match="from 0 to 4"):
        services.score_criterion(scores["a"], by=secretariat, value=5)
    with pytest.raises(ValidationError, match="Score every criterion first: a"):
        services.finalise_evaluation(evaluation, by=secretariat)
    services.score_criterion(scores["a"], by=secretariat, value=4, comment="Three projects documented")
    assert services.finalise_evaluation(evaluation, by=secretariat).finalised_at is not None


def test_activity_needs_a_party_and_an_ordered_period(centre, centre_member, period):
    report = ActivityReport.objects.create(centre=centre, period=period)
    with pytest.raises(ValidationError):
        log(report, centre_member, 1, [])
    assert report.activities.count() == 0


def test_party_feedback_only_for_own_party(centre):
    contact = cast.contact_point("c@ken.example", "KEN")
    services.give_feedback(centre=centre, party=cast.party("KEN"), by=contact, rating=4, comment="Good lab training")
    with pytest.raises(PermissionDenied):
        services.give_feedback(centre=centre, party=cast.party("BRA"), by=contact, rating=1)
    with pytest.raises(ValidationError):
        services.give_feedback(centre=centre, party=cast.party("KEN"), by=contact, rating=6)
    assert selectors.centre_record(centre)["feedback"] == {"n": 1, "average": 4.0}


def test_centres_are_reminded_of_report_deadlines(centre, centre_member, period):
    assert notifications.send_report_reminders(today=datetime.date(2026, 1, 1)) == 0  # not due yet
    sent = notifications.send_report_reminders(today=datetime.date(2026, 3, 20))
    assert sent == 1 and mail.outbox[0].to == [centre_member.email]
    report = ActivityReport.objects.create(centre=centre, period=period)
    log(report, centre_member, 1, [cast.party("KEN")])
    services.submit_report(report, by=centre_member)
    assert notifications.send_report_reminders(today=datetime.date(2026, 3, 20)) == 0


def test_staff_see_when_endorsements_expire():
    rows = selectors.endorsements_expiring(datetime.date(2026, 11, 25))
    flagged = {centre.code for centre, latest, soon in rows if soon}
    assert "scrc-algeria" in flagged  # latest known term ended in 2010


def test_nomination_endorsed_becomes_a_centre_and_a_provider(secretariat):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tahub.centres.models import Nomination
    from tahub.parties.models import Country, Region

    nomination = services.nominate_centre(
        by=secretariat,
        data={
            "institution": "Institut de chimie de Dakar",
            "host_country": Country.objects.get(iso3="SEN"),
            "region": Region.objects.get(code="AFR"),
            "dossier": SimpleUploadedFile("dossier.pdf", b"%PDF-1.4\n%%EOF\n"),
        },
    )
    decision = Decision.objects.get(number="SC-7/17")
    nomination = services.endorse_nomination(nomination, by=secretariat, decision=decision, start_year=2026)
    assert nomination.state == Nomination.State.ENDORSED
    centre = nomination.centre
    assert centre.organisation.kind == "regional-centre"
    # "Endorsed for 4 years" (seed 001): four calendar years, 2026–2029.
    assert [(e.start_year, e.end_year) for e in centre.endorsements.all()] == [(2026, 2029)]
    with pytest.raises(ValidationError, match="already has an endorsement starting in 2026"):
        services.renew_endorsement(centre, by=secretariat, decision=decision, start_year=2026)
    assert centre.endorsements.count() == 1


def test_a_renewal_follows_on_from_the_current_term_without_overlap():
    secretariat = cast.staff("evaluator@secretariat.example")
    centre = RegionalCentre.objects.get(code="scrc-kenya")  # latest known term: SC-7/17, 2015–2018
    decision = Decision.objects.get(number="SC-7/17")
    centre.endorsements.all().delete()
    first = endorsements._endorse(centre, decision, 2026)
    assert (first.start_year, first.end_year) == (2026, 2029)
    for overlapping in (2027, 2029, 2025):  # inside the term, its last year, or a term that runs into it
        with pytest.raises(ValidationError, match="would overlap the term 2026–2029: a renewal starts in 2030"):
            services.renew_endorsement(centre, by=secretariat, decision=decision, start_year=overlapping)
    renewal = services.renew_endorsement(centre, by=secretariat, decision=decision)  # no year: follows on
    assert (renewal.start_year, renewal.end_year) == (2030, 2033)
    assert renewal.history.first().history_change_reason == "centres.endorsement.recorded"
    assert list(centre.endorsements.values_list("start_year", "end_year")) == [(2030, 2033), (2026, 2029)]


def test_two_institutions_of_one_country_endorsed_in_one_year_get_distinct_codes(secretariat):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tahub.parties.models import Country, Region

    decision = Decision.objects.get(number="SC-7/17")
    codes = []
    for institution in ("Institut A", "Institut B"):
        nomination = services.nominate_centre(
            by=secretariat,
            data={
                "institution": institution,
                "host_country": Country.objects.get(iso3="SEN"),
                "region": Region.objects.get(code="AFR"),
                "dossier": SimpleUploadedFile("dossier.pdf", b"%PDF-1.4\n%%EOF\n"),
            },
        )
        nomination = services.endorse_nomination(nomination, by=secretariat, decision=decision, start_year=2026)
        codes.append((nomination.centre.code, nomination.centre.organisation.slug, nomination.centre.name))
    assert codes == [
        ("scrc-senegal-2026", "scrc-senegal-2026", "Institut A"),
        ("scrc-senegal-2026-2", "scrc-senegal-2026-2", "Institut B"),
    ]


def test_nomination_not_endorsed_needs_a_reason(secretariat):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tahub.parties.models import Country, Region

    nomination = services.nominate_centre(
        by=secretariat,
        data={
            "institution": "X",
            "host_country": Country.objects.get(iso3="PER"),
            "region": Region.objects.get(code="GRULAC"),
            "dossier": SimpleUploadedFile("d.pdf", b"%PDF-1.4\n%%EOF\n"),
        },
    )
    with pytest.raises(ValidationError):
        services.decline_nomination(nomination, by=secretariat, decision=None, note=" ")
    assert services.decline_nomination(nomination, by=secretariat, decision=None, note="Dossier incomplete").note


def test_reference_terms_are_four_calendar_years():
    """regional_centres.csv dates each latest known term as four years (Algeria's two-year term as reported)."""
    from tahub.centres.models import Endorsement

    spans = {e.centre.code: e.end_year - e.start_year + 1 for e in Endorsement.objects.select_related("centre")}
    assert spans.pop("scrc-algeria") == 2
    assert set(spans.values()) == {4}
    assert (spans and Endorsement.objects.get(centre__code="scrc-trinidad-and-tobago").end_year) == 2026


def test_migration_shortens_five_year_terms_and_records_why():
    import importlib

    from django.apps import apps

    from tahub.centres.models import Endorsement

    migration = importlib.import_module("tahub.centres.migrations.0005_endorsement_terms_of_four_years")
    centre = RegionalCentre.objects.get(code="scrc-kenya")
    five = Endorsement.objects.create(centre=centre, decision_reference="SC-13/x", start_year=2027, end_year=2031)
    migration.forwards(apps, None)
    five.refresh_from_db()
    assert (five.start_year, five.end_year) == (2027, 2030)
    assert five.history.first().history_change_reason == "centres.endorsement.term_of_four_years"
    assert Endorsement.objects.get(centre__code="scrc-algeria").end_year == 2010  # not a five-year term
