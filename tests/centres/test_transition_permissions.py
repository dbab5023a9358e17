"""Who may move a centre's work plan, activity report or nomination is declared on the model's transition
(centres/models/); the services ask it (core.workflow) and refuse with the permission's reason."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from tahub.accounts.tokens import create_api_token
from tahub.centres import services
from tahub.centres.models import ActivityReport, Nomination, RegionalCentre, ReportingPeriod, WorkPlan
from tahub.core.rules import REASONS
from tahub.core.workflow import declared_permission
from tahub.parties.models import Country, Region
from tahub.planning.models import Decision
from tests.accounts import cast

pytestmark = pytest.mark.django_db

REPORT, ACCEPT, EVALUATE = "centres.report_activities", "centres.accept_report", "centres.evaluate"


def _names(model):
    return {t.name: t.permission.name for t in model._meta.get_field("state").get_all_transitions(model)}


@pytest.fixture
def centre():
    return RegionalCentre.objects.select_related("organisation").get(code="scrc-kenya")


@pytest.fixture
def member(centre):
    return cast.member("staff@icipe.example", centre.organisation)


@pytest.fixture
def outsider():
    return cast.member("x@unitar.example", cast.Organisation.objects.get(slug="unitar"))


@pytest.fixture
def plan(centre, member):
    data = {"start_year": 2024, "end_year": 2027, "objectives": "o", "planned_activities": "p"}
    return services.draft_work_plan(centre=centre, by=member, data=data)


@pytest.fixture
def report(centre):
    period = ReportingPeriod.objects.create(
        title="2025", start=datetime.date(2025, 1, 1), end=datetime.date(2025, 12, 31),
        deadline=datetime.date(2026, 3, 31),
    )  # fmt: skip
    return ActivityReport.objects.create(centre=centre, period=period, state=ActivityReport.State.SUBMITTED)


def _refused(step, permission):
    with translation.override("en"), pytest.raises(PermissionDenied) as refused:
        step()
    assert str(refused.value) == str(REASONS[permission])


def test_every_transition_declares_who_may_take_it(plan):
    assert _names(WorkPlan) == {"submit": REPORT, "approve": EVALUATE}
    assert _names(ActivityReport) == {"submit": REPORT, "accept": ACCEPT, "return_for_revision": ACCEPT}
    assert _names(Nomination) == {"endorse": EVALUATE, "decline": EVALUATE}
    # Reporting is granted on the centre: the transition asks it on the plan's (or report's) centre.
    assert declared_permission(plan, "submit").target(plan) == plan.centre


def test_only_the_centres_staff_submit_its_work_plan(plan, member, outsider):
    _refused(lambda: services.submit_work_plan(plan, by=outsider), REPORT)
    plan.refresh_from_db()
    assert plan.state == WorkPlan.State.DRAFT
    assert services.submit_work_plan(plan, by=member).state == WorkPlan.State.SUBMITTED


def test_the_secretariat_alone_approves_a_work_plan_accepts_or_returns_a_report(plan, report, member):
    decision = Decision.objects.get(number="SC-7/17")
    plan = services.submit_work_plan(plan, by=member)
    # Refused for who it is before anything else is checked: no decision named is still "not yours".
    _refused(lambda: services.approve_work_plan(plan, by=member, decision=None), EVALUATE)
    _refused(lambda: services.accept_report(report, by=member), ACCEPT)
    _refused(lambda: services.return_report(report, by=member, reason=""), ACCEPT)
    plan.refresh_from_db()
    report.refresh_from_db()
    assert (plan.state, report.state) == (WorkPlan.State.SUBMITTED, ActivityReport.State.SUBMITTED)
    secretariat = cast.staff("evaluator@secretariat.example")
    assert services.accept_report(report, by=secretariat).accepted_by == secretariat
    assert services.approve_work_plan(plan, by=secretariat, decision=decision).state == WorkPlan.State.APPROVED


def test_a_nomination_is_endorsed_or_declined_by_the_secretariat_only(member):
    secretariat = cast.staff("evaluator@secretariat.example")
    nomination = services.nominate_centre(
        by=secretariat,
        data={
            "institution": "Institut national de chimie",
            "host_country": Country.objects.get(iso3="SEN"),
            "region": Region.objects.get(code="AFR"),
            "dossier": SimpleUploadedFile("dossier.pdf", b"%PDF-1.4\n%%EOF\n"),
        },
    )
    _refused(lambda: services.endorse_nomination(nomination, by=member, decision=None, start_year=2026), EVALUATE)
    _refused(lambda: services.decline_nomination(nomination, by=member, decision=None, note="No."), EVALUATE)
    nomination.refresh_from_db()
    assert nomination.state == Nomination.State.SUBMITTED and nomination.centre is None
    assert not RegionalCentre.objects.filter(name="Institut national de chimie").exists()


def test_the_page_and_the_api_answer_403_with_the_reason(client, plan, member):
    plan = services.submit_work_plan(plan, by=member)
    cast.sign_in(client, member)
    page = client.post(f"/staff/centres/work-plans/{plan.pk}/approve/", {"decision": "SC-7/17"})
    assert page.status_code == 403
    with translation.override("en"):
        assert str(REASONS[EVALUATE]) in page.content.decode()
    headers = {"Authorization": f"Bearer {create_api_token(user=member, name='t')}"}
    api = client.post(
        f"/api/v1/centres/scrc-kenya/work-plans/{plan.pk}/approve",
        {"decision": "SC-7/17"},
        content_type="application/json",
        headers=headers,
    )
    assert api.status_code == 403
    with translation.override("en"):
        assert api.json()["detail"] == str(REASONS[EVALUATE])
    plan.refresh_from_db()
    assert plan.state == WorkPlan.State.SUBMITTED
