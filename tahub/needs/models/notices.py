"""The invitations and reminders already e-mailed, so that the daily job, run twice or retried by the worker,
sends nothing twice."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tahub.directory.models import Organisation
from tahub.parties.models import Party

from .cycles import Cycle
from .questionnaires import Part, Questionnaire


class Notice(models.Model):
    """An invitation or a reminder e-mailed to a respondent's people: one row per respondent, part (the parts of
    a response whose deadline is that day), deadline and kind of notice. A log, never changed: no history."""

    class Event(models.TextChoices):
        INVITATION = "invitation", _("Invitation")
        REMINDER = "reminder", _("Reminder")

    cycle = models.ForeignKey(Cycle, models.CASCADE, related_name="notices", verbose_name=_("cycle"))
    kind = models.CharField(_("kind"), max_length=10, choices=Questionnaire.Kind.choices)
    party = models.ForeignKey(Party, models.CASCADE, null=True, blank=True, related_name="+", verbose_name=_("Party"))
    organisation = models.ForeignKey(
        Organisation, models.CASCADE, null=True, blank=True, related_name="+", verbose_name=_("organisation")
    )
    event = models.CharField(_("notice"), max_length=12, choices=Event.choices)
    part = models.CharField(_("part"), max_length=10, choices=Part.choices, blank=True)
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    days_before = models.PositiveSmallIntegerField(_("days before the deadline"), default=0)
    recipients = models.PositiveSmallIntegerField(_("e-mails sent"), default=0)
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("invitation or reminder sent")
        verbose_name_plural = _("invitations and reminders sent")
        ordering = ["cycle", "-sent_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["cycle", "kind", "party", "event", "part", "deadline", "days_before"],
                condition=Q(party__isnull=False, event="reminder"),
                name="notice_reminder_once_per_party",
            ),
            models.UniqueConstraint(
                fields=["cycle", "kind", "organisation", "event", "part", "deadline", "days_before"],
                condition=Q(organisation__isnull=False, event="reminder"),
                name="notice_reminder_once_per_organisation",
            ),
            models.UniqueConstraint(
                fields=["cycle", "kind", "party"],
                condition=Q(party__isnull=False, event="invitation"),
                name="notice_invitation_once_per_party",
            ),
            models.UniqueConstraint(
                fields=["cycle", "kind", "organisation"],
                condition=Q(organisation__isnull=False, event="invitation"),
                name="notice_invitation_once_per_organisation",
            ),
        ]

    def __str__(self):
        return f"{self.cycle} — {self.party or self.organisation}: {self.get_event_display()} {self.deadline or ''}"
