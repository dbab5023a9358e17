"""Who takes part in an event. Nominations (a Party's contact point proposes participants) and open
registrations (a webinar) are one table, `Registration`, with one declared workflow; the services move it."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_fsm import ConcurrentTransitionMixin, FSMField, transition

from tahub.core.models import DomainModel, private_link_token
from tahub.core.rules import on_object
from tahub.core.uploads import DocumentValidator
from tahub.parties.models import Party

from .events import MANAGE, Event

# A place is cancelled by the Secretariat or the Party's contact points (rules.py). The participant's own
# cancellation (by the private link) and the promotion from the waiting list (when a place is freed) declare
# no permission.
CANCEL = on_object("events.cancel_registration")


class RegistrationState(models.TextChoices):
    NOMINATED = "nominated", _("Nominated, awaiting the Secretariat")
    ACCEPTED = "accepted", _("Accepted")
    WAITLISTED = "waitlisted", _("On the waiting list")
    DECLINED = "declined", _("Declined")
    CANCELLED = "cancelled", _("Cancelled")

    @classmethod
    def active(cls):
        """States that hold a person's place (or claim to one): a person can be in only one at a time."""
        return [cls.NOMINATED, cls.ACCEPTED, cls.WAITLISTED]


class Registration(ConcurrentTransitionMixin, DomainModel):
    """A participant of an event: nominated by a Party, or registered by themselves for an open event."""

    event = models.ForeignKey(Event, models.CASCADE, related_name="registrations", verbose_name=_("event"))
    party = models.ForeignKey(
        Party, models.PROTECT, null=True, blank=True, related_name="event_registrations", verbose_name=_("Party")
    )
    name = models.CharField(_("full name"), max_length=200)
    email = models.EmailField(_("e-mail address"))
    position = models.CharField(_("position and institution"), max_length=300, blank=True)
    letter = models.FileField(
        _("nomination letter"), upload_to="nominations/%Y/", blank=True, validators=[DocumentValidator()]
    )
    nominated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("nominated by"),
    )
    state = FSMField(_("status"), max_length=20, choices=RegistrationState.choices, protected=True)
    message = models.TextField(_("message from the Secretariat"), blank=True)
    attended = models.BooleanField(_("attended"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)
    evaluation_invited_at = models.DateTimeField(_("evaluation survey sent"), null=True, blank=True)
    follow_up_invited_at = models.DateTimeField(_("follow-up survey sent"), null=True, blank=True)
    # The language of the page the person registered (or was nominated) in: their e-mails' language when they
    # have no account with a preferred language.
    language = models.CharField(_("language for e-mails"), max_length=10, blank=True)
    # The participant's private link: their status, the surveys and the certificate, without an account.
    token = models.CharField(max_length=64, unique=True, default=private_link_token, editable=False)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["event", "state", "created_at"]),
            models.Index(fields=["party", "attended"]),
            # The navigation counts the nominations awaiting the Secretariat on every staff page (reports.dashboard).
            models.Index(fields=["state"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=models.Q(state__in=["nominated", "accepted", "waitlisted"]),
                name="registration_once_per_person",
            )
        ]

    def __str__(self):
        return f"{self.name} — {self.event}"

    def get_absolute_url(self):
        return reverse("events:participation", args=[self.event.slug, self.token])

    @transition(
        state, source=[RegistrationState.NOMINATED, RegistrationState.WAITLISTED], target=RegistrationState.ACCEPTED,
        permission=MANAGE,
    )  # fmt: skip
    def accept(self):
        pass

    @transition(state, source=RegistrationState.WAITLISTED, target=RegistrationState.ACCEPTED)
    def promote(self):
        """Taken by the system, not a person: a freed place goes to the first who fits on the waiting list."""

    @transition(state, source=[RegistrationState.NOMINATED], target=RegistrationState.WAITLISTED, permission=MANAGE)
    def waitlist(self):
        pass

    @transition(
        state, source=[RegistrationState.NOMINATED, RegistrationState.WAITLISTED], target=RegistrationState.DECLINED,
        permission=MANAGE,
    )  # fmt: skip
    def decline(self):
        pass

    @transition(state, source=RegistrationState.active(), target=RegistrationState.CANCELLED, permission=CANCEL)
    def cancel(self):
        pass

    @transition(state, source=RegistrationState.active(), target=RegistrationState.CANCELLED)
    def cancel_by_participant(self):
        """Taken by the holder of the private link (the participant's token), not a signed-in person: no
        permission."""
