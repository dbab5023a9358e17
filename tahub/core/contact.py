"""Whom to contact: the Secretariat's address (from the seed pages), and the general feedback form, whose
messages go to the Secretariat's administrators by e-mail through the worker (nothing is stored)."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from . import throttle

# As the seed pages give it (/work/shared/seeds: "Contact us at the following address", "Parties who are
# interested in receiving such support can contact us at"): the bodies' names, which have official names in each
# UN language, then the postal address, which stays as the post needs it (the page marks it translate="no").
SECRETARIAT_ADDRESS = [
    _("Secretariat of the Stockholm Convention"),
    _("Technical Assistance Programme"),
    _("United Nations Environment Programme"),
]
SECRETARIAT_POSTAL_ADDRESS = [
    "International Environment House 1",
    "11-13 chemin des Anémones",
    "CH-1219 Châtelaine, Geneva, Switzerland",
]
SECRETARIAT_PHONE = "+41 22 917 87 29"
SECRETARIAT_FAX = "+41 22 917 80 98"

FEEDBACK_PER_HOUR = throttle.PER_HOUR  # messages from one address (IP) per hour


class FeedbackForm(forms.Form):
    """A general message to the Secretariat: about wrong information, an organisation to list, an idea."""

    TOPICS = [
        ("inaccurate", _("Information on this site is inaccurate")),
        ("listing", _("An organisation should be listed")),
        ("idea", _("An idea to improve this site")),
        ("other", _("Something else")),
    ]
    topic = forms.ChoiceField(label=_("What is it about?"), choices=TOPICS)
    message = forms.CharField(
        label=_("Your message"), max_length=5000, widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Say which page, if it is about one. At most 5,000 characters."),
    )  # fmt: skip
    name = forms.CharField(label=_("Your name"), max_length=200, required=False)
    email = forms.EmailField(
        label=_("Your e-mail address"), required=False, help_text=_("Only if you would like an answer.")
    )


def send_feedback(*, data, client_ip, recipients):
    """E-mail a feedback message to `recipients` (the page passes the Secretariat's administrators; settings.ADMINS
    when there are none), queued for the worker, so the page answers at once and a failed send is retried and
    listed on the staff page of failed e-mails. Refuses more than FEEDBACK_PER_HOUR messages an hour from one
    address (throttle.Throttled), sending nothing."""
    message = gettext("You have sent several messages in the last hour. Please try again later.")
    throttle.check("feedback", client_ip, per_hour=FEEDBACK_PER_HOUR, message=message)
    recipients = list(recipients) or [address for _name, address in settings.ADMINS]
    if not recipients:
        raise ValidationError(gettext("Messages cannot be sent right now. Write to the address on this page."))
    topic = dict(FeedbackForm.TOPICS)[data["topic"]]
    body = "\n".join([
        f"Topic: {topic}",
        f"From: {data.get('name') or '(no name)'} <{data.get('email') or 'no e-mail address'}>",
        "",
        data["message"],
    ])  # fmt: skip
    message = EmailMessage(
        subject=f"[TA Hub feedback] {topic}",
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=recipients,
        reply_to=[data["email"]] if data.get("email") else None,
    )
    message.send()
