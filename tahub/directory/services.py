"""Every write to the partner directory: listing requests, their review, corrections and yearly review.

Each review step runs in one transaction with the row locked, records a dotted audit reason, and enqueues
the e-mail to the requester (with the private link to follow the request) for the worker.
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tahub.core import workflow

from .models import Correction, ListingDocument, ListingRequest, Organisation
from .tasks import task_notify_correction, task_notify_listing

ALREADY_LISTED = gettext_lazy("“%(name)s” is already listed in the directory: see %(url)s. Report a correction there.")
ALREADY_ASKED = gettext_lazy("A request to list “%(name)s” is already being reviewed.")
NOT_ALLOWED = gettext_lazy("A listing request that is “%(state)s” cannot be changed this way.")
REVIEW_INTERVAL = datetime.timedelta(days=365)
M2M = ("themes", "assistance_types", "regions_served")


def _check_staff(by):
    if not by.has_perm("directory.review_listing"):
        raise PermissionDenied(_("Only the Secretariat reviews listing requests."))


def _duplicate_of(name):
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


@transaction.atomic
def submit_listing_request(*, data, documents):
    """Anyone asks to list an organisation. At least one supporting document is required; a name already
    listed is refused with a pointer to the existing entry. The requester gets the private link by e-mail."""
    if not documents:
        raise ValidationError({"documents": _("Attach at least one supporting document (statutes, proof of work).")})
    _duplicate_of(data["name"])
    listing = ListingRequest(**{k: v for k, v in data.items() if k not in M2M})
    listing.full_clean(exclude=["state"])
    listing._change_reason = "directory.listing.submitted"
    listing.save()
    for name in M2M:
        getattr(listing, name).set(data.get(name) or [])
    for upload in documents:
        _add_document(listing, upload)
    task_notify_listing.enqueue(listing_id=listing.pk, event="directory.listing.submitted")
    return listing


def _add_document(listing, upload):
    document = ListingDocument(listing_request=listing, file=upload)
    document.full_clean()
    document.save()


def _move(listing, *, action, reason, changes=None):
    listing = workflow.move(ListingRequest, listing, action, reason=reason, changes=changes, not_allowed=NOT_ALLOWED)
    task_notify_listing.enqueue(listing_id=listing.pk, event=reason)
    return listing


@transaction.atomic
def ask_listing_information(listing, *, by, message):
    """Staff ask the requester for more; the requester answers through the private link."""
    _check_staff(by)
    if not message.strip():
        raise ValidationError({"message": _("Say what information is needed.")})
    return _move(
        listing, action="ask_information", reason="directory.listing.information_asked", changes={"message": message}
    )


@transaction.atomic
def answer_listing_request(listing, *, answer, documents=()):
    """The requester (holder of the private link) answers and may add documents; back to review."""
    if not answer.strip() and not documents:
        raise ValidationError({"answer": _("Write your answer or attach a document.")})
    for upload in documents:
        _add_document(listing, upload)
    note = f"{listing.message}\n\n— {_('Answer')}: {answer}".strip()
    return _move(listing, action="answer", reason="directory.listing.answered", changes={"message": note})


@transaction.atomic
def approve_listing_request(listing, *, by):
    """Staff approve: the organisation is listed, with a review date a year from now."""
    _check_staff(by)
    organisation = Organisation.objects.create(
        slug=_free_slug(listing.short_name or listing.name),
        name=listing.name,
        short_name=listing.short_name,
        kind=listing.kind,
        country=listing.country,
        website=listing.website,
        summary=listing.summary,
        languages=listing.languages,
        contact_email=listing.contact_email,
        source=_("listing request of %s") % timezone.localdate().isoformat(),
        review_due=timezone.localdate() + REVIEW_INTERVAL,
    )
    for name in M2M:
        getattr(organisation, name).set(getattr(listing, name).all())
    return _move(listing, action="approve", reason="directory.listing.approved", changes={"organisation": organisation})


def _free_slug(name):
    base = slugify(name)[:70] or "organisation"
    slug, n = base, 1
    while Organisation.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


@transaction.atomic
def reject_listing_request(listing, *, by, reason):
    _check_staff(by)
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason; the requester will read it.")})
    return _move(listing, action="reject", reason="directory.listing.rejected", changes={"message": reason})


@transaction.atomic
def report_correction(*, organisation, reporter_email, text):
    """Anyone reports inaccurate information on an entry; staff see it beside the entry."""
    correction = Correction(organisation=organisation, reporter_email=reporter_email, text=text)
    correction.full_clean()
    correction._change_reason = "directory.correction.reported"
    correction.save()
    return correction


@transaction.atomic
def resolve_correction(correction, *, by, resolution, reply):
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
def confirm_listing(organisation, *, by):
    """An owner (member) confirms the entry is current: the next review is a year away."""
    if not by.has_perm("directory.change_organisation", organisation):
        raise PermissionDenied(_("Only members of the organisation or the Secretariat can confirm its entry."))
    organisation.review_due = timezone.localdate() + REVIEW_INTERVAL
    organisation._change_reason = "directory.organisation.confirmed"
    organisation.save(update_fields=["review_due", "updated_at"])
    return organisation
