"""API of centres' work plans: the centre's members (or staff) draft a work plan for an endorsement period and
submit it; the Secretariat records its approval by the COP decision that endorses the centre. A personal API
token; the same services and permissions as the pages."""

from datetime import datetime
from enum import StrEnum

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, File, Form, Path, Router, Schema, Status, UploadedFile

from tahub.accounts.api import token_auth
from tahub.core.api_errors import ErrorOut, get_or_404
from tahub.core.api_services import checked_uploads
from tahub.core.api_types import BodyIn, Code, Id
from tahub.core.rules import require
from tahub.planning.models import Decision

from .. import selectors, services
from ..models import WorkPlan
from .centres import member_centre

# Under its own name in the OpenAPI document: the model's enum is called just "State", like other apps' enums.
WorkPlanState = StrEnum("WorkPlanState", {state.name: state.value for state in WorkPlan.State})

router = Router(auth=token_auth)
ERRORS = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}
YEAR = Field(ge=2001, le=2100)


class CentreWorkPlanIn(BodyIn):
    start_year: int = YEAR
    end_year: int = YEAR
    objectives: str = Field(min_length=1, max_length=20000, description="What the centre aims to achieve")
    planned_activities: str = Field(min_length=1, max_length=20000)
    parties_to_serve: str = Field("", max_length=20000, description="Parties to be served and how")
    partners: str = Field("", max_length=20000, description="Partners and co-operation")
    budget: str = Field("", max_length=20000, description="Budget and sources of funding")


class CentreWorkPlanOut(Schema):
    id: int
    start_year: int
    end_year: int
    state: WorkPlanState
    objectives: str
    planned_activities: str
    parties_to_serve: str
    partners: str
    budget: str
    document: str | None = Field(description="Name of the work plan document, if one was sent")
    approved_by: str | None = Field(description="Number of the COP decision that approved it")
    created_at: datetime

    @staticmethod
    def resolve_document(obj):
        return obj.document.name.rsplit("/", 1)[-1] if obj.document else None

    @staticmethod
    def resolve_approved_by(obj):
        return obj.approved_by.number if obj.approved_by_id else None


class CentreWorkPlanApproveIn(BodyIn):
    decision: str = Field(max_length=40, pattern=r"^[A-Za-z0-9][A-Za-z0-9./-]*$", description="e.g. SC-7/17")


def _plans(centre):
    return centre.work_plans.select_related("approved_by")


def _plan(centre, plan_id):
    message = _("This centre has no work plan with the id %(id)s.") % {"id": plan_id}
    return get_or_404(lambda: get_object_or_404(_plans(centre), pk=plan_id), message=message)


@router.get(
    "/centres/{code}/work-plans",
    response={200: list[CentreWorkPlanOut], **ERRORS},
    operation_id="tahub_centres_workplan_api_list_work_plans",
)
def list_work_plans(request, code: Path[Code]):
    """The centre's work plans, latest period first: for its members and the Secretariat."""
    return list(_plans(member_centre(request, code))[:100])


@router.post(
    "/centres/{code}/work-plans",
    response={201: CentreWorkPlanOut, **ERRORS},
    operation_id="tahub_centres_workplan_api_draft_work_plan",
)
def draft_work_plan(request, code: Path[Code], payload: Form[CentreWorkPlanIn], document: File[UploadedFile] = None):
    """Draft the work plan for an endorsement period (multipart: the template's sections and an optional
    `document`, PDF, Office or images, 10 MB, content checked)."""
    centre = member_centre(request, code)

    def draft():
        data = payload.dict()
        if data["end_year"] < data["start_year"]:
            raise ValidationError({"end_year": _("The period must end after it starts.")})
        if document is not None:
            data["document"] = checked_uploads(
                "document", [document], *WorkPlan._meta.get_field("document").validators
            )[0]
        return services.draft_work_plan(centre=centre, by=request.auth, data=data)

    plan = draft()
    return Status(201, _plan(centre, plan.pk))


@router.post(
    "/centres/{code}/work-plans/{plan_id}/submit",
    response={200: CentreWorkPlanOut, **ERRORS},
    operation_id="tahub_centres_workplan_api_submit_work_plan",
)
def submit_work_plan(request, code: Path[Code], plan_id: Path[Id]):
    """Submit the draft work plan to the Secretariat."""
    centre = member_centre(request, code)
    services.submit_work_plan(_plan(centre, plan_id), by=request.auth)
    return Status(200, _plan(centre, plan_id))


@router.post(
    "/centres/{code}/work-plans/{plan_id}/approve",
    response={200: CentreWorkPlanOut, **ERRORS},
    operation_id="tahub_centres_workplan_api_approve_work_plan",
)
def approve_work_plan(request, code: Path[Code], plan_id: Path[Id], payload: CentreWorkPlanApproveIn):
    """The Secretariat records that the COP approved a submitted work plan, by the decision that endorses the
    centre (`{"decision": "SC-7/17"}`)."""
    message = _("No regional centre has the code “%(code)s”.") % {"code": code}
    centre = get_or_404(selectors.centre_get, code, message=message)
    require(request.auth, "centres.evaluate")

    def approve():
        decision = Decision.objects.filter(number=payload.decision).first()
        if decision is None:
            raise ValidationError({"decision": _("No COP decision has the number “%s”.") % payload.decision})
        return services.approve_work_plan(_plan(centre, plan_id), by=request.auth, decision=decision)

    approve()
    return Status(200, _plan(centre, plan_id))
