"""Recording who attended an event through the API, with a staff token: by registration ids, or the same CSV/XLSX
list as the staff page. The same services and permission ("events.manage_events") as the staff page."""

from typing import Annotated

from django.core.exceptions import ValidationError
from ninja import Field, File, Path, Schema, UploadedFile

from tahub.accounts.api import token_auth
from tahub.core.api_types import BodyIn, Code, Id
from tahub.core.rules import require

from .. import attendance, content, services
from .content import STAFF_ERRORS, any_event
from .events import router


class AttendanceIn(BodyIn):
    attended: Annotated[list[Id], Field(max_length=5000)] = Field(
        description="Ids of the accepted participants who attended; the other accepted ones are marked absent"
    )


class AttendanceOut(Schema):
    present: int


@router.post(
    "/events/{slug}/attendance",
    auth=token_auth,
    response={200: AttendanceOut, **STAFF_ERRORS},
    operation_id="tahub_events_staff_api_record_attendance",
)
def record_attendance(request, slug: Path[Code], payload: AttendanceIn):
    """Record who attended, by registration id: those listed are marked present, the other accepted
    participants absent (sending the list again replaces it). Refused (422) if an id is not an accepted
    participant of this event; nothing is saved then."""
    require(request.auth, content.MANAGE)
    event = any_event(slug)
    count = services.record_attendance(event, by=request.auth, attended_ids=payload.attended)
    return {"present": count}


@router.post(
    "/events/{slug}/attendance/upload",
    auth=token_auth,
    response={200: AttendanceOut, **STAFF_ERRORS},
    operation_id="tahub_events_staff_api_upload_attendance",
)
def upload_attendance(request, slug: Path[Code], file: File[UploadedFile]):
    """The staff page's attendance list as multipart `file`: CSV (UTF-8) or Excel (.xlsx), one row per person
    present, with an `email` column. Every row is checked first; the errors (422, field `file`) name each bad
    row, and nothing is saved."""
    require(request.auth, content.MANAGE)
    event = any_event(slug)
    try:
        count = attendance.import_attendance(event, by=request.auth, upload=file)
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from None
    return {"present": count}
