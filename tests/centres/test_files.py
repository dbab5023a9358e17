"""A centre's uploaded files (work plan document, activity evidence, nomination dossier) are answered only by
their checked views, as downloads named after the file its author sent (issue 18.5)."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tahub.centres import services
from tahub.centres.models import RegionalCentre, ReportingPeriod
from tahub.parties.models import Country, Region
from tahub.vocabularies.models import AssistanceType
from tests.accounts import cast

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def centre():
    return RegionalCentre.objects.select_related("organisation").get(code="scrc-kenya")


@pytest.fixture
def member(centre):
    return cast.member("staff@icipe.example", centre.organisation)


def _pdf(name):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def _get(client, url, person=None, *, second_factor=False):
    client.logout()
    if person is not None:
        cast.sign_in(client, person, second_factor=second_factor)
    return client.get(url)


def _assert_download(response, name):
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Disposition"] == f'attachment; filename="{name}"'


@pytest.fixture
def plan(centre, member):
    data = {"start_year": 2024, "end_year": 2027, "objectives": "Labs", "planned_activities": "Trainings"}
    return services.draft_work_plan(centre=centre, by=member, data={**data, "document": _pdf("plan-2024.pdf")})


@pytest.fixture
def activity(centre, member):
    period = ReportingPeriod.objects.create(
        title="2025", start=datetime.date(2025, 1, 1), end=datetime.date(2025, 12, 31),
        deadline=datetime.date(2026, 3, 31),
    )  # fmt: skip
    report = services.open_report(centre=centre, period=period, by=member)
    data = {
        "title": "PCB training",
        "assistance_type": AssistanceType.objects.get(slug="training"),
        "start": datetime.date(2025, 3, 1),
        "end": datetime.date(2025, 3, 2),
        "parties_benefited": [cast.party("KEN")],
        "currency": "USD",
        "evidence": _pdf("attendance.pdf"),
    }
    return services.add_activity(report, by=member, data=data)


def test_the_work_plan_document_is_for_the_centre_and_the_secretariat(client, centre, member, plan):
    assert plan.document.name != "plan-2024.pdf"  # a random folder in front
    url = f"/centres/{centre.code}/work-plans/{plan.pk}/document/"

    assert _get(client, url).status_code == 302  # to sign in
    other = cast.member("m@unitar.example", cast.Organisation.objects.get(slug="unitar"))
    assert _get(client, url, other).status_code == 403
    assert _get(client, url, cast.contact_point("c@ken.example", "KEN")).status_code == 403
    _assert_download(_get(client, url, member), "plan-2024.pdf")
    _assert_download(_get(client, url, cast.staff("rc@secretariat.example"), second_factor=True), "plan-2024.pdf")
    # The workspace links to it under the file's own name.
    page = _get(client, f"/centres/{centre.code}/workspace/", member).content.decode()
    assert f'href="{url}">plan-2024.pdf</a>' in page


def test_a_work_plan_of_another_centre_is_not_found_under_this_one(client, centre, plan):
    other = RegionalCentre.objects.exclude(pk=centre.pk).first()
    response = _get(
        client,
        f"/centres/{other.code}/work-plans/{plan.pk}/document/",
        cast.staff("a@secretariat.example"),
        second_factor=True,
    )
    assert response.status_code == 404


def test_activity_evidence_is_for_the_centre_and_the_secretariat(client, centre, member, activity):
    url = f"/centres/{centre.code}/activities/{activity.pk}/evidence/"

    assert _get(client, url).status_code == 302
    other = cast.member("m@unitar.example", cast.Organisation.objects.get(slug="unitar"))
    assert _get(client, url, other).status_code == 403
    _assert_download(_get(client, url, member), "attendance.pdf")
    staff = cast.staff("rc@secretariat.example")
    _assert_download(_get(client, url, staff, second_factor=True), "attendance.pdf")
    # The Secretariat's review of the submitted report links to it by the file's own name.
    report = services.submit_report(activity.report, by=member)
    page = _get(client, f"/staff/centres/reports/{report.pk}/", staff, second_factor=True).content.decode()
    assert f'href="{url}">attendance.pdf</a>' in page


def test_an_activity_without_evidence_has_no_file(client, centre, member, activity):
    activity.evidence = ""
    activity.save()
    response = _get(client, f"/centres/{centre.code}/activities/{activity.pk}/evidence/", member)
    assert response.status_code == 404


def test_the_nomination_dossier_is_for_the_secretariat_only(client, member):
    staff = cast.staff("rc@secretariat.example")
    nomination = services.nominate_centre(
        by=staff,
        data={
            "institution": "Institut de chimie de Dakar",
            "host_country": Country.objects.get(iso3="SEN"),
            "region": Region.objects.get(code="AFR"),
            "dossier": _pdf("dossier.pdf"),
        },
    )
    url = f"/staff/centres/nominations/{nomination.pk}/dossier/"

    assert _get(client, url).status_code == 302
    assert _get(client, url, member).status_code == 403
    assert _get(client, url, cast.contact_point("c@sen.example", "SEN")).status_code == 403
    _assert_download(_get(client, url, staff, second_factor=True), "dossier.pdf")
    home = _get(client, "/staff/centres/", staff, second_factor=True).content.decode()
    assert f'href="{url}">dossier.pdf</a>' in home
