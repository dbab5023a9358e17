"""Who is told what in the directory. Runs in the worker."""

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tahub.core.mail import send_localized

from .models import Correction, ListingRequest, Organisation

SUBJECTS = {
    "directory.listing.submitted": gettext_lazy("We received your request to list %(name)s"),
    "directory.listing.information_asked": gettext_lazy("Listing %(name)s: more information needed"),
    "directory.listing.answered": gettext_lazy("Listing %(name)s: your answer was received"),
    "directory.listing.approved": gettext_lazy("%(name)s is now listed in the TA Hub directory"),
    "directory.listing.rejected": gettext_lazy("Your request to list %(name)s was not approved"),
}


def _link(path):
    return settings.SITE_URL.rstrip("/") + path


def send_listing_event(*, listing_id, event):
    listing = ListingRequest.objects.get(pk=listing_id)
    return send_localized(
        [listing.contact_email],
        subject=lambda: str(SUBJECTS[event]) % {"name": listing.name},
        template="directory/email/listing.txt",
        context={"listing": listing, "link": _link(listing.get_absolute_url())},
    )


def send_correction_reply(*, correction_id):
    correction = Correction.objects.select_related("organisation").get(pk=correction_id)
    return send_localized(
        [correction.reporter_email],
        subject=lambda: _("Your note on %(name)s") % {"name": correction.organisation.name},
        template="directory/email/correction.txt",
        context={"correction": correction},
    )


def send_review_reminders(today=None):
    """E-mail the members (or the contact address) of every listed entry due for review; returns how many."""
    due = Organisation.objects.filter(listed=True, review_due__lte=today or timezone.localdate()).prefetch_related(
        "members"
    )
    sent = 0
    for organisation in due:
        members = [m for m in organisation.members.all() if m.is_active]
        sent += send_localized(
            members or [organisation.contact_email],
            subject=lambda organisation=organisation: _("Please confirm the directory entry of %s") % organisation.name,
            template="directory/email/review.txt",
            context={"organisation": organisation, "link": _link(organisation.get_absolute_url())},
        )
    return sent
