"""The Party's own request: filing a draft (numbered, once per form), editing it from the version read,
attaching documents, submitting it (routed to the regional focal point) and withdrawing it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tahub.core import workflow
from tahub.parties.models import Eligibility

from .. import routing
from ..models import Attachment, RequestCounter, State, TARequest
from .moves import check, locked_request, move_request, named

if TYPE_CHECKING:
    from django.core.files.uploadedfile import UploadedFile

    from tahub.accounts.models import User
    from tahub.parties.models import Party

NOT_ELIGIBLE = gettext_lazy(
    "%(party)s is classed as a developed country. Under Article 12 of the Convention, technical assistance "
    "is provided to developing-country Parties and Parties with economies in transition. Developed-country "
    "Parties can instead offer assistance: see the partner directory and the needs assessment."
)
CHANGED_SINCE = gettext_lazy(
    "This request changed since you opened it (by %(who)s at %(time)s): %(fields)s. Nothing of this form was "
    "saved. Your changes are below: check the request as it is now, then save again to replace it."
)
CHANGED_SINCE_VERSION = gettext_lazy("This request changed since you opened it (version %(seen)s, now %(now)s).")


def _first_number(year: int) -> int:
    """The highest number already given in `year` (as an integer: "10000" is after "9999"), 0 if none."""
    prefix = f"TA-{year}-"
    numbers = [
        int(reference.removeprefix(prefix))
        for reference in TARequest.objects.filter(reference__startswith=prefix).values_list("reference", flat=True)
        if reference.removeprefix(prefix).isdigit()
    ]
    return max(numbers, default=0)


def next_reference(year: int) -> str:
    """TA-<year>-<n>, numbered per year from a counter row locked until the creating transaction ends, so
    concurrent filings wait for each other instead of taking the same number (at least 4 digits)."""
    with transaction.atomic():
        counter, _created = RequestCounter.objects.select_for_update().get_or_create(
            year=year,
            defaults={"last": lambda: _first_number(year)},  # type: ignore[misc]  # called on create only
        )
        counter.last += 1
        counter.save(update_fields=["last"])
    return f"TA-{year}-{counter.last:04d}"


def check_eligible(party: Party) -> None:
    """Refuse, with the reason and where to look instead, a Party not eligible under Article 12."""
    if party.country.eligibility not in Eligibility.may_request_assistance():
        raise ValidationError(NOT_ELIGIBLE % {"party": party.country.name})


@transaction.atomic
def create_request(
    *,
    party: Party,
    by: User,
    data: dict[str, Any],
    received_by_letter: bool = False,
    creation_token: str | None = None,
) -> TARequest:
    """Open a draft request for `party`. Refused for a developed-country Party, with the reason and where to go.

    `data` holds the form's cleaned fields; many-to-many fields (themes, assistance_types, chemicals,
    conventions) are set after the row exists. Staff may record a request received by letter on the
    Party's behalf (marked as such). `creation_token`: the one-time token of the form (see create_request_once).
    """
    check(by, "assistance.file_request", party)
    check_eligible(party)
    fields = {k: v for k, v in data.items() if k not in routing.M2M_FIELDS}
    request = TARequest(
        party=party,
        created_by=by,
        received_by_letter=received_by_letter,
        reference=next_reference(timezone.now().year),
        creation_token=creation_token,
        **fields,
    )
    request.full_clean(exclude=["state", "creation_token"])
    request._change_reason = "assistance.request.created"
    request._history_user = by
    request.save()
    routing.set_tags(request, data)
    return request


def request_created_with(by: User, creation_token: str | None) -> TARequest | None:
    """The request `by` already created with this form token, or None."""
    if not creation_token:
        return None
    return TARequest.objects.filter(creation_token=creation_token, created_by=by).first()


def create_request_once(*, creation_token: str | None, by: User, **kwargs: Any) -> tuple[TARequest, bool]:
    """(request, created): the draft this form (its one-time `creation_token`) creates, once. Sent again (a
    double click, the browser's "resend"), it answers the draft the first post created, even when both
    posts arrive together (the token is unique in the database: the second waits, then finds the first)."""
    existing = request_created_with(by, creation_token)
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            return create_request(by=by, creation_token=creation_token, **kwargs), True
    except IntegrityError:
        existing = request_created_with(by, creation_token)
        if existing is None:
            raise
        return existing, False


def _changed_fields(request: TARequest, data: dict[str, Any]) -> list[str]:
    """The names of the fields `data` would change on `request` (tags compared as sets)."""
    changed: list[str] = []
    for name, value in data.items():
        if name in routing.M2M_FIELDS:
            if {o.pk for o in getattr(request, name).all()} != {o.pk for o in value or []}:
                changed.append(name)
        elif getattr(request, name) != value:
            changed.append(name)
    return changed


def _changed_since(current: TARequest, seen: int | None, by: User) -> workflow.Stale:
    """The refusal of an edit made from version `seen`: who changed what since, and when."""
    records = list(current.history.filter(version__gt=seen).select_related("history_user").order_by("history_date"))
    if not records:
        return workflow.Stale(CHANGED_SINCE_VERSION % {"seen": seen, "now": current.version})
    names: list[str] = []
    for record in records:
        names += [n for n in record.last_changed.split(",") if n and n not in names]
    labels = "; ".join(str(TARequest._meta.get_field(n).verbose_name) for n in names) or _("its content")
    actors = {r.history_user_id: r.history_user for r in records}
    who = ", ".join(named(actor, by) for actor in actors.values())
    mine = list(actors) == [by.pk]
    message = CHANGED_SINCE % {"who": who, "time": workflow.when(records[-1].history_date), "fields": labels}
    return workflow.Stale(message, mine=mine)


@transaction.atomic
def update_draft(
    request: TARequest,
    *,
    by: User,
    data: dict[str, Any],
    seen_state: str | None = State.DRAFT,
    version: int | None = None,
) -> TARequest:
    """Save changes to a request the Party is still writing (draft, or asked for more information).

    `version`: the request's version the editor read (None: no check). If it was saved since, the edit is
    refused (workflow.Stale naming who changed which fields, and when), unless it changes nothing from what is
    saved now (the same form sent twice). An edit that changes nothing saves nothing."""
    request = locked_request(request, seen_state, by)
    check(by, "assistance.change_request", request)
    try:
        request = workflow.lock_at_version(TARequest, request, version, by=by)
    except workflow.Stale:
        if not _changed_fields(request, data):
            return request
        raise _changed_since(request, version, by) from None
    changed = _changed_fields(request, data)
    if not changed:
        return request
    for name, value in data.items():
        if name not in routing.M2M_FIELDS:
            setattr(request, name, value)
    request.full_clean(exclude=["state", "creation_token"])
    request.version += 1
    request.last_changed = ",".join(changed)[:300]
    request._change_reason = "assistance.request.edited"
    request._history_user = by
    request.save()
    routing.set_tags(request, data)
    return request


@transaction.atomic
def submit_request(request: TARequest, *, by: User, seen_state: str | None = None) -> TARequest:
    """Submit a draft (or answer a request for information): check it is complete, route it, notify.

    Completeness is checked field by field (ValidationError with a message per field). The request goes
    to the regional focal point of the Party's UN region.
    """
    locked = locked_request(request, seen_state, by)
    check_eligible(locked.party)
    routing.check_complete(locked)
    changes = {"owner": routing.regional_focal_point(locked.party)}
    if locked.state == State.INFO_NEEDED:
        action, reason = "resubmit", "assistance.request.resubmitted"
    else:
        action, reason = "submit", "assistance.request.submitted"
        changes["submitted_at"] = timezone.now()
    return move_request(locked, by=by, action=action, reason=reason, changes=changes)


@transaction.atomic
def withdraw_request(request: TARequest, *, by: User, seen_state: str | None = None) -> TARequest:
    """The Party withdraws its request, at any point before delivery."""
    return move_request(
        request,
        by=by,
        action="withdraw",
        reason="assistance.request.withdrawn",
        seen_state=seen_state,
    )


@transaction.atomic
def add_attachment(request: TARequest, *, by: User, upload: UploadedFile, title: str = "") -> Attachment:
    """Attach a checked document (type, size and content: see core.uploads) to a request the person may edit."""
    check(by, "assistance.change_request", request)
    attachment = Attachment(request=request, file=upload, title=title, uploaded_by=by)
    attachment.full_clean()
    attachment._change_reason = "assistance.request.attachment_added"
    attachment._history_user = by
    attachment.save()
    return attachment
