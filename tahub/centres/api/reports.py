"""API of centres' activity reports: the centre's members (or staff) open a period's report, log activities and
submit it; the Secretariat accepts it. A personal API token; the same services and permissions as the pages."""

from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, File, Path, Router, Schema, Status, UploadedFile

from tahub.accounts.api import token_auth
from tahub.assistance.forms import ProgrammeActivityForm
from tahub.core.api_errors import ErrorOut, get_or_404
from tahub.core.api_services import checked_uploads
from tahub.core.api_types import BodyIn, Code, Id, resolve
from tahub.core.rules import require
from tahub.directory.models import Organisation
from tahub.parties.models import Party
from tahub.vocabularies.models import AssistanceType, Theme

from .. import selectors, services
from ..models import Activity, ActivityReport, ReportingPeriod
from .centres import ActivityOut, member_centre

# Under its own name in the OpenAPI document: the model's enum is called just "State", like other apps' enums.
ReportState = StrEnum("ReportState", {state.name: state.value for state in ActivityReport.State})

router = Router(auth=token_auth)
ERRORS = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}


class ReportActivityOut(ActivityOut):
    id: int
    evidence: str | None = Field(description="Name of the evidence file, once uploaded")
    programme_activity: str | None = Field(
        None, description="The programme of work activity it delivers: biennium/number"
    )

    @staticmethod
    def resolve_programme_activity(obj):
        activity = obj.programme_activity
        return f"{activity.biennium.start_year}/{activity.number}" if activity else None

    @staticmethod
    def resolve_evidence(obj):
        return obj.evidence.name.rsplit("/", 1)[-1] if obj.evidence else None


class ReportOut(Schema):
    period: int = Field(alias="period_id", description="Id of the reporting period")
    period_title: str = Field(alias="period.title")
    deadline: date = Field(alias="period.deadline")
    state: ReportState
    submitted_at: datetime | None
    accepted_at: datetime | None
    returned_at: datetime | None = Field(description="When the Secretariat last returned it for revision")
    return_reason: str = Field(description="What the Secretariat asked the centre to revise")
    activities: list[ReportActivityOut]

    @staticmethod
    def resolve_activities(obj):
        return list(obj.activities.all())


class ReportOpenIn(BodyIn):
    period: Id = Field(description="Id of the reporting period")


class ActivityIn(BodyIn):
    title: str = Field(max_length=200)
    type: Code = Field(description="Code of the type of assistance, e.g. training")
    start: date
    end: date
    parties_benefited: list[Code] = Field(description="ISO 3166 alpha-3 codes of the Parties that benefited")
    themes: list[Code] = []
    partners: list[Code] = Field([], description="Codes of partner organisations in the directory")
    budget: Decimal | None = Field(None, ge=0, le=10**12, decimal_places=2)
    currency: str = Field("USD", pattern=r"^[A-Z]{3}$")
    programme_activity: str | None = Field(
        None, max_length=20, description="The programme of work activity it delivers: biennium/number, e.g. 2026/11"
    )


def _report(centre, period):
    queryset = ActivityReport.objects.select_related("period").prefetch_related(
        "activities__assistance_type",
        "activities__parties_benefited__country",
        "activities__programme_activity__biennium",
    )
    message = _("This centre has no report for that period yet.")
    return get_or_404(lambda: get_object_or_404(queryset, centre=centre, period_id=period), message=message)


def _activity_data(payload):
    """Codes → objects; an unknown code is a ValidationError naming its field."""
    data = payload.dict()
    data["assistance_type"] = resolve(AssistanceType, data.pop("type"), name="type")
    reference = ProgrammeActivityForm({"programme_activity": data["programme_activity"] or ""})
    if not reference.is_valid():
        raise ValidationError({"programme_activity": reference.errors["programme_activity"]})
    data["programme_activity"] = reference.cleaned_data["programme_activity"]
    lookups = [
        ("parties_benefited", Party.objects.filter(convention__code="SC"), "country__iso3"),
        ("themes", Theme.objects.all(), "slug"),
        ("partners", Organisation.objects.all(), "slug"),
    ]
    for name, queryset, key in lookups:
        wanted = [code.upper() if name == "parties_benefited" else code for code in data[name]]
        data[name] = resolve(queryset, wanted, key, name=name)
    return data


@router.get(
    "/centres/{code}/reports",
    response={200: list[ReportOut], **ERRORS},
    operation_id="tahub_centres_report_api_list_reports",
)
def list_reports(request, code: Path[Code]):
    """The centre's reports, latest period first: for its members and the Secretariat."""
    centre = member_centre(request, code)
    return [_report(centre, r.period_id) for r in centre.reports.all()[:100]]


@router.post(
    "/centres/{code}/reports", response={201: ReportOut, **ERRORS}, operation_id="tahub_centres_report_api_open_report"
)
def open_report(request, code: Path[Code], payload: ReportOpenIn):
    """Open (as a draft) the centre's report for a reporting period; the existing one if already opened."""
    centre = member_centre(request, code)
    message = _("No reporting period has the id %(id)s.") % {"id": payload.period}
    period = get_or_404(lambda: get_object_or_404(ReportingPeriod, pk=payload.period), message=message)
    report = services.open_report(centre=centre, period=period, by=request.auth)
    return Status(201, _report(centre, report.period_id))


@router.post(
    "/centres/{code}/reports/{period}/activities",
    response={201: ReportOut, **ERRORS},
    operation_id="tahub_centres_report_api_add_activity",
)
def add_activity(request, code: Path[Code], period: Path[Id], payload: ActivityIn):
    """Log one activity in the draft report; its evidence file is uploaded next (…/activities/{id}/evidence)."""
    centre = member_centre(request, code)
    report = _report(centre, period)
    services.add_activity(report, by=request.auth, data=_activity_data(payload))
    return Status(201, _report(centre, period))


@router.post(
    "/centres/{code}/reports/{period}/activities/{activity_id}/evidence",
    response={200: ReportOut, **ERRORS},
    operation_id="tahub_centres_report_api_upload_evidence",
)
def upload_evidence(request, code: Path[Code], period: Path[Id], activity_id: Path[Id], evidence: File[UploadedFile]):
    """Upload (multipart: `evidence`; PDF, Office or images, 10 MB, content checked) the evidence of an activity
    of the draft report; it replaces the one before. The evaluation links to it."""
    centre = member_centre(request, code)
    report = _report(centre, period)
    activity = get_or_404(
        lambda: get_object_or_404(Activity.objects.select_related("report__centre"), pk=activity_id, report=report),
        message=_("This report has no activity with the id %(id)s.") % {"id": activity_id},
    )

    def attach():
        checked_uploads("evidence", [evidence], *Activity._meta.get_field("evidence").validators)
        return services.attach_evidence(activity, by=request.auth, evidence=evidence)

    attach()
    return Status(200, _report(centre, period))


@router.post(
    "/centres/{code}/reports/{period}/submit",
    response={200: ReportOut, **ERRORS},
    operation_id="tahub_centres_report_api_submit_report",
)
def submit_report(request, code: Path[Code], period: Path[Id]):
    """Submit the draft report (it must log at least one activity)."""
    centre = member_centre(request, code)
    services.submit_report(_report(centre, period), by=request.auth)
    return Status(200, _report(centre, period))


@router.post(
    "/centres/{code}/reports/{period}/accept",
    response={200: ReportOut, **ERRORS},
    operation_id="tahub_centres_report_api_accept_report",
)
def accept_report(request, code: Path[Code], period: Path[Id]):
    """The Secretariat accepts a submitted report."""
    message = _("No regional centre has the code “%(code)s”.") % {"code": code}
    centre = get_or_404(selectors.centre_get, code, message=message)
    require(request.auth, "centres.accept_report")
    services.accept_report(_report(centre, period), by=request.auth)
    return Status(200, _report(centre, period))


class ReportReturnIn(BodyIn):
    reason: str = Field(min_length=1, max_length=20000, description="What the centre should revise (e-mailed)")


@router.post(
    "/centres/{code}/reports/{period}/return",
    response={200: ReportOut, **ERRORS},
    operation_id="tahub_centres_report_api_return_report",
)
def return_report(request, code: Path[Code], period: Path[Id], payload: ReportReturnIn):
    """The Secretariat returns a submitted report to the centre for revision, with the reason: it is a draft
    again, and the centre's members are e-mailed the reason."""
    message = _("No regional centre has the code “%(code)s”.") % {"code": code}
    centre = get_or_404(selectors.centre_get, code, message=message)
    require(request.auth, "centres.accept_report")
    services.return_report(_report(centre, period), by=request.auth, reason=payload.reason)
    return Status(200, _report(centre, period))
