"""Technical assistance requests under Article 12: the request, its states and the counter that numbers it.

The workflow is declared once, here, as django-fsm transitions on `TARequest.state`, each with who may take
it (its `permission`, in rules.py). Transitions are called only from `services/` (through core.workflow.move,
which asks the transition's permission), which locks the row, records the audit reason and enqueues
notifications.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_fsm import ConcurrentTransitionMixin, FSMField, transition

from tahub.core.models import DomainModel
from tahub.core.rules import on_object
from tahub.parties.models import Convention, Party
from tahub.vocabularies.models import AssistanceType, Chemical, Theme


class State(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    UNDER_REVIEW = "under_review", _("Under review")
    INFO_NEEDED = "info_needed", _("More information needed")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    ASSIGNED = "assigned", _("Assigned to providers")
    IN_DELIVERY = "in_delivery", _("In delivery")
    DELIVERED = "delivered", _("Delivered")
    CLOSED = "closed", _("Closed")
    WITHDRAWN = "withdrawn", _("Withdrawn")

    @classmethod
    def withdrawable(cls):
        """A Party may withdraw its request at any point before delivery."""
        return [cls.DRAFT, cls.SUBMITTED, cls.UNDER_REVIEW, cls.INFO_NEEDED, cls.ACCEPTED, cls.ASSIGNED]

    @classmethod
    def awaiting_secretariat(cls):
        """States in which the next move is the Secretariat's: these count towards service levels."""
        return [cls.SUBMITTED, cls.UNDER_REVIEW, cls.ACCEPTED]

    @classmethod
    def final(cls):
        return [cls.DECLINED, cls.CLOSED, cls.WITHDRAWN]


class Language(models.TextChoices):
    EN = "en", _("English")
    FR = "fr", _("French")
    ES = "es", _("Spanish")
    AR = "ar", _("Arabic")
    RU = "ru", _("Russian")
    ZH = "zh", _("Chinese")


# Who may take each transition of a request (the permissions and their reasons are in rules.py).
SUBMIT = on_object("assistance.submit_request")
TRIAGE = on_object("assistance.triage_request")
DELIVER = on_object("assistance.deliver_request")
CLOSE = on_object("assistance.close_request")
WITHDRAW = on_object("assistance.withdraw_request")


class TARequest(ConcurrentTransitionMixin, DomainModel):
    """A request for technical assistance filed by (or on behalf of) a Party."""

    reference = models.CharField(_("reference"), max_length=20, unique=True, help_text=_("For example: TA-2026-0042"))
    party = models.ForeignKey(Party, models.PROTECT, related_name="requests", verbose_name=_("Party"))
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), help_text=_("What the Party needs, and why"))
    expected_results = models.TextField(_("expected results"), blank=True)
    themes = models.ManyToManyField(Theme, related_name="requests", verbose_name=_("themes"), blank=True)
    assistance_types = models.ManyToManyField(
        AssistanceType, related_name="requests", verbose_name=_("types of assistance"), blank=True
    )
    chemicals = models.ManyToManyField(Chemical, related_name="requests", verbose_name=_("chemicals"), blank=True)
    conventions = models.ManyToManyField(Convention, related_name="requests", verbose_name=_("conventions"), blank=True)
    language = models.CharField(_("preferred language"), max_length=2, choices=Language.choices, default=Language.EN)
    desired_start = models.DateField(_("desired start"), null=True, blank=True)
    desired_end = models.DateField(_("desired end"), null=True, blank=True)

    state = FSMField(_("status"), max_length=20, choices=State.choices, default=State.DRAFT, protected=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("filed by")
    )
    received_by_letter = models.BooleanField(
        _("received by letter"), default=False, help_text=_("Recorded by the Secretariat on the Party's behalf")
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_requests",
        verbose_name=_("handled by"),
        help_text=_("The regional focal point the request was routed to"),
    )
    programme_activity = models.ForeignKey(
        "planning.ProgrammeActivity",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="ta_requests",
        verbose_name=_("programme of work activity"),
        help_text=_("The activity of the programme of work this request delivers (set by the Secretariat)"),
    )
    message = models.TextField(_("last message to the Party"), blank=True, help_text=_("Information asked, or reason"))
    satisfaction = models.PositiveSmallIntegerField(
        _("satisfaction"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    feedback = models.TextField(_("the Party's feedback"), blank=True)

    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    reviewed_at = models.DateTimeField(_("review started"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    # Optimistic locking of the content (services.update_draft): raised by every edit, which is refused when
    # made from an older version. `last_changed` names the fields the edit changed, so a refused editor is told.
    version = models.PositiveIntegerField(_("version"), default=0, editable=False)
    last_changed = models.CharField(_("fields changed by the last edit"), max_length=300, blank=True, editable=False)
    # The one-time token of the form that created the draft: a second post of the same form finds it.
    creation_token = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("technical assistance request")
        verbose_name_plural = _("technical assistance requests")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["state", "submitted_at"]),
            # The queue, "our requests" and the API list newest first: without it, every page of the API sorts
            # all requests (50,000 at the benchmark scale) to return 20.
            models.Index(fields=["-submitted_at", "-created_at"], name="request_newest_first"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(desired_end__isnull=True)
                | models.Q(desired_start__isnull=True)
                | models.Q(desired_end__gte=models.F("desired_start")),
                name="request_timeframe_order",
            )
        ]

    def __str__(self):
        return f"{self.reference} {self.title}"

    def get_absolute_url(self):
        return reverse("assistance:detail", args=[self.reference])

    # The workflow. Each transition only changes state, and says who may take it (rules.py); services/ does
    # everything around it.

    @transition(state, source=State.DRAFT, target=State.SUBMITTED, permission=SUBMIT)
    def submit(self):
        pass

    @transition(state, source=State.SUBMITTED, target=State.UNDER_REVIEW, permission=TRIAGE)
    def start_review(self):
        pass

    @transition(state, source=State.UNDER_REVIEW, target=State.INFO_NEEDED, permission=TRIAGE)
    def ask_information(self):
        pass

    @transition(state, source=State.INFO_NEEDED, target=State.SUBMITTED, permission=SUBMIT)
    def resubmit(self):
        pass

    @transition(state, source=State.UNDER_REVIEW, target=State.ACCEPTED, permission=TRIAGE)
    def accept(self):
        pass

    @transition(state, source=State.UNDER_REVIEW, target=State.DECLINED, permission=TRIAGE)
    def decline(self):
        pass

    @transition(state, source=[State.ACCEPTED, State.ASSIGNED], target=State.ASSIGNED, permission=TRIAGE)
    def assign(self):
        pass

    @transition(state, source=State.ASSIGNED, target=State.IN_DELIVERY, permission=DELIVER)
    def start_delivery(self):
        pass

    @transition(state, source=State.IN_DELIVERY, target=State.DELIVERED, permission=DELIVER)
    def mark_delivered(self):
        pass

    @transition(state, source=State.DELIVERED, target=State.CLOSED, permission=CLOSE)
    def close(self):
        pass

    @transition(state, source=State.withdrawable(), target=State.WITHDRAWN, permission=WITHDRAW)
    def withdraw(self):
        pass


class RequestCounter(models.Model):
    """The last number given to a request in a year: locked (select_for_update) while a request is numbered,
    so concurrent filings never take the same number, and numbered as integers, so 10,000 follows 9,999."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    last = models.PositiveIntegerField(_("last number given"), default=0)

    class Meta:
        verbose_name = _("request counter")
        verbose_name_plural = _("request counters")

    def __str__(self):
        return f"{self.year}: {self.last}"
