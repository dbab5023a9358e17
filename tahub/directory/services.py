"""Every write to the partner directory: listing requests, their review, corrections and yearly review.

Each review step runs in one transaction with the row locked, records a dotted audit reason, and enqueues
the e-mail to the requester (with the private link to follow the request) for the worker.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tahub.core import applications
from tahub.core.rules import require

from .models import Correction, ListingDocument, ListingMessage, ListingRequest, Organisation
from .tasks import task_notify_correction, task_notify_listing

if TYPE_CHECKING:
    from django.core.files.uploadedfile import UploadedFile

    from tahub.accounts.models import User

ALREADY_LISTED = gettext_lazy("“%(name)s” is already listed in the directory: see %(url)s. Report a correction there.")
ALREADY_ASKED = gettext_lazy("A request to list “%(name)s” is already being reviewed.")
NOT_ALLOWED = gettext_lazy("A listing request that is “%(state)s” cannot be changed this way.")
REVIEW_INTERVAL = datetime.timedelta(days=365)
M2M = ("themes", "assistance_types", "regions_served")


def _check_staff(by: User) -> None:
    require(by, "directory.review_listing")


def _duplicate_of(name: str) -> None:
    """An organisation already listed (or being reviewed) under this name, ignoring case and punctuation."""
    key = slugify(name)
    for organisation in Organisation.objects.filter(listed=True).only("name", "short_name", "slug"):
        if key in (slugify(organisation.name), slugify(organisation.short_name or "-")):
            raise ValidationError(
                {"name": ALREADY_LISTED % {"name": organisation.name, "url": organisation.get_absolute_url()}}
            )
    pending = ListingRequest.objects.filter(
        state__in=[ListingRequest.State.SUBMITTED, ListingRequest.State.INFO_NEEDED]
    )
    if any(slugify(r.name) == key for r in pending.only("name")):
        raise ValidationError({"name": ALREADY_ASKED % {"name": name}})


def _notify(listing_id: int, event: str) -> None:
    task_notify_listing.enqueue(listing_id=listing_id, event=event)


REVIEW = applications.ReviewProcess(
    model=ListingRequest,
    document_model=ListingDocument,
    document_field="listing_request",
    message_model=ListingMessage,
    events="directory.listing",
    notify=_notify,
    accept_verb=("approve", "approved"),
    decline_verb=("reject", "rejected"),
    not_allowed=NOT_ALLOWED,
    labels={
        "accept": gettext_lazy("Approve: list it"),
        "decline": gettext_lazy("Reject"),
        "message": gettext_lazy("Message to the requester"),
        "message_help": gettext_lazy("Required to ask for more information or to reject."),
    },
)


@transaction.atomic
def submit_listing_request(*, data: dict[str, Any], documents: Sequence[UploadedFile]) -> ListingRequest:
    """Anyone asks to list an organisation. At least one supporting document is required; a name already
    listed is refused with a pointer to the existing entry. The requester gets the private link by e-mail."""
    if not documents:
        raise ValidationError({"documents": _("Attach at least one supporting document (statutes, proof of work).")})
    _duplicate_of(data["name"])
    listing = ListingRequest(**{k: v for k, v in data.items() if k not in M2M})
    m2m = {name: data.get(name) for name in M2M}
    return applications.submit(REVIEW, listing, documents=documents, m2m=m2m)


def ask_listing_information(listing: ListingRequest, *, by: User, message: str) -> ListingRequest:
    """Staff ask the requester for more; the requester answers through the private link."""
    return applications.ask_information(REVIEW, listing, by=by, message=message)


def answer_listing_request(
    listing: ListingRequest, *, answer: str, documents: Sequence[UploadedFile] = ()
) -> ListingRequest:
    """The requester (holder of the private link) answers and may add documents; back to review."""
    return applications.answer(REVIEW, listing, answer=answer, documents=documents)


def approve_listing_request(listing: ListingRequest, *, by: User) -> ListingRequest:
    """Staff approve: the organisation is listed, with a review date a year from now."""
    return applications.accept(REVIEW, listing, by=by, prepare=_list)


# What approval copies from the request into the public entry, in the order the review page shows it.
PUBLISHED = ("name", "short_name", "kind", "country", "website", "summary", *M2M, "languages", "contact_email")


def published_entry(listing: ListingRequest) -> tuple[dict[str, Any], dict[str, list[Any]]]:
    """The public fields the directory entry will have once the request is approved: the one place that says
    what approval publishes (the review page shows it, `_list` writes it). The contact e-mail is published
    only with the requester's consent."""
    entry = {name: getattr(listing, name) for name in PUBLISHED if name not in M2M}
    entry["contact_email"] = listing.contact_email if listing.publish_contact_email else ""
    return entry, {name: list(getattr(listing, name).all()) for name in M2M}


def _list(listing: ListingRequest) -> dict[str, Organisation]:
    """Under the request's row lock: the new directory entry, with what the request said it offers."""
    fields, m2m = published_entry(listing)
    organisation = Organisation.objects.create(
        slug=_free_slug(listing.short_name or listing.name),
        source=_("listing request of %s") % timezone.localdate().isoformat(),
        review_due=timezone.localdate() + REVIEW_INTERVAL,
        **fields,
    )
    for name, values in m2m.items():
        getattr(organisation, name).set(values)
    return {"organisation": organisation}


def _free_slug(name: str) -> str:
    base = slugify(name)[:70] or "organisation"
    slug, n = base, 1
    while Organisation.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def reject_listing_request(listing: ListingRequest, *, by: User, reason: str) -> ListingRequest:
    """Staff reject, with the reason the requester reads."""
    return applications.decline(REVIEW, listing, by=by, reason=reason)


def review_listing_request(listing: ListingRequest, *, by: User, action: str, message: str = "") -> ListingRequest:
    """One review decision by its verb: "approve", "ask" (for more information) or "reject"."""
    return applications.review(REVIEW, listing, by=by, action=action, message=message, prepare=_list)


@transaction.atomic
def report_correction(*, organisation: Organisation, reporter_email: str, text: str) -> Correction:
    """Anyone reports inaccurate information on an entry; staff see it beside the entry."""
    correction = Correction(organisation=organisation, reporter_email=reporter_email, text=text)
    correction.full_clean()
    correction._change_reason = "directory.correction.reported"
    correction.save()
    return correction


@transaction.atomic
def resolve_correction(correction: Correction, *, by: User, resolution: str, reply: str) -> Correction:
    """Staff resolve a correction (change made / no change) with a reply, e-mailed to the reporter."""
    _check_staff(by)
    correction = Correction.objects.select_for_update().get(pk=correction.pk)
    if correction.resolved_at:
        raise ValidationError(_("This correction was already resolved."))
    if not reply.strip():
        raise ValidationError({"reply": _("Write a reply to the person who reported it.")})
    correction.resolution, correction.reply = resolution, reply
    correction.resolved_by, correction.resolved_at = by, timezone.now()
    correction.full_clean()
    correction._change_reason = "directory.correction.resolved"
    correction.save()
    task_notify_correction.enqueue(correction_id=correction.pk)
    return correction


@transaction.atomic
def confirm_listing(organisation: Organisation, *, by: User) -> Organisation:
    """An owner (member) confirms the entry is current: the next review is a year away."""
    if not by.has_perm("directory.change_organisation", organisation):
        raise PermissionDenied(_("Only members of the organisation or the Secretariat can confirm its entry."))
    organisation.review_due = timezone.localdate() + REVIEW_INTERVAL
    organisation._change_reason = "directory.organisation.confirmed"
    organisation.save(update_fields=["review_due", "updated_at"])
    return organisation
