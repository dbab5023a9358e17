"""Registration of representatives of admitted (or exempt) bodies at a meeting, approved by the focal point.

A member of the organisation proposes a representative; the organisation's focal point approves it. When the
focal point registers someone, that is the approval. Nothing is saved when any check fails. Approving and
refusing ask the permission the transitions declare (models.py, core.workflow), before the deadline.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext_lazy

from tahub.core.rules import require
from tahub.core.workflow import declared_permission, move, require_transition

from .. import selectors
from ..models import Registration
from ..tasks import task_notify_registration

if TYPE_CHECKING:
    from tahub.accounts.models import User
    from tahub.directory.models import Organisation

    from ..models import ObserverMeeting

DEADLINE_PASSED = gettext_lazy(
    "Registration for %(meeting)s closed on %(date)s (%(zone)s time). Contact the Secretariat if this is urgent."
)
NOT_ADMITTED = gettext_lazy(
    "%(name)s is not admitted as an observer. Apply for admission first; representatives can be registered "
    "once the Secretariat has admitted it."
)
DUPLICATE = gettext_lazy("%(person)s is already registered for %(organisation)s at %(meeting)s.")
NOT_PROPOSED = gettext_lazy("This registration is “%(state)s”: it can no longer be changed.")


def _check_deadline(meeting: ObserverMeeting) -> None:
    if not meeting.registration_open():
        date = date_format(meeting.registration_deadline, "DATE_FORMAT")
        raise ValidationError(DEADLINE_PASSED % {"meeting": meeting, "date": date, "zone": meeting.time_zone})


@transaction.atomic
def register_representative(
    *, meeting: ObserverMeeting, organisation: Organisation, data: dict[str, Any], by: User
) -> Registration:
    """Register a representative (name, function, photo, nomination letter) of `organisation` at `meeting`.

    Refused after the meeting's registration deadline (in the organiser's time zone), for a body neither
    admitted nor exempt, for someone not acting for the body, and for a representative already registered.
    Registered by the focal point, it is approved at once; proposed by another member, it waits for the focal
    point, who is told by e-mail."""
    require(by, "observers.propose_representative", organisation)
    _check_deadline(meeting)
    if selectors.admission_status(organisation) is None:
        raise ValidationError(NOT_ADMITTED % {"name": organisation.name})
    key = slugify(data.get("name", ""))
    taken = Registration.objects.filter(meeting=meeting, organisation=organisation, name_key=key)
    if key and taken.exclude(state=Registration.State.REFUSED).exists():
        message = DUPLICATE % {"person": data["name"], "organisation": organisation, "meeting": meeting}
        raise ValidationError({"name": message})
    registration = Registration(meeting=meeting, organisation=organisation, registered_by=by, name_key=key, **data)
    registration.full_clean(exclude=["state"])
    if declared_permission(registration, "approve")(registration, by):  # the focal point: approved at once
        registration.approve()
        registration.approved_by = by
        event = "observers.registration.approved"
    else:
        event = "observers.registration.proposed"
    registration._change_reason = event
    registration.save()
    task_notify_registration.enqueue(registration_id=registration.pk, event=event)
    return registration


@transaction.atomic
def approve_registration(registration: Registration, *, by: User) -> Registration:
    """The organisation's focal point approves a proposed representative, before the deadline."""
    return _move(registration, by=by, action="approve", reason="observers.registration.approved")


@transaction.atomic
def refuse_registration(registration: Registration, *, by: User) -> Registration:
    """The organisation's focal point refuses a proposed representative; the name may be proposed again."""
    return _move(registration, by=by, action="refuse", reason="observers.registration.refused")


def _move(registration: Registration, *, by: User, action: str, reason: str) -> Registration:
    registration = (
        Registration.objects.select_for_update().select_related("meeting", "organisation").get(pk=registration.pk)
    )
    require_transition(by, registration, action)
    _check_deadline(registration.meeting)
    changes = {"approved_by": by if action == "approve" else None}
    registration = move(
        Registration, registration, action, by=by, reason=reason, changes=changes, not_allowed=NOT_PROPOSED,
        lock=False,
    )  # fmt: skip
    task_notify_registration.enqueue(registration_id=registration.pk, event=reason)
    return registration
