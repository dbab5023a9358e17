"""Who is told what in the directory. Runs in the worker."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

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
    body = render_to_string(
        "directory/email/listing.txt", {"listing": listing, "link": _link(listing.get_absolute_url())}
    )
    return send_mail(str(SUBJECTS[event]) % {"name": listing.name}, body, None, [listing.contact_email])


def send_correction_reply(*, correction_id):
    correction = Correction.objects.select_related("organisation").get(pk=correction_id)
    subject = _("Your note on %(name)s") % {"name": correction.organisation.name}
    body = render_to_string("directory/email/correction.txt", {"correction": correction})
    return send_mail(subject, body, None, [correction.reporter_email])


def send_review_reminders(today=None):
    """E-mail the members (or the contact address) of every listed entry due for review; returns how many."""
    due = Organisation.objects.filter(listed=True, review_due__lte=today or timezone.localdate()).prefetch_related(
        "members"
    )
    sent = 0
    for organisation in due:
        recipients = [m.email for m in organisation.members.all() if m.is_active] or [organisation.contact_email]
        recipients = [r for r in recipients if r]
        if not recipients:
            continue
        body = render_to_string(
            "directory/email/review.txt", {"organisation": organisation, "link": _link(organisation.get_absolute_url())}
        )
        sent += send_mail(_("Please confirm the directory entry of %s") % organisation.name, body, None, recipients)
    return sent
