"""A respondent's people ask the Secretariat to reopen a submitted response; staff grant or decline it."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tahub.core.models import DomainModel

from .responses import Response


class ReopenRequest(DomainModel):
    """A respondent's people ask the Secretariat to reopen a submitted response, giving a reason; it is
    closed when staff reopen the response (granted) or decline it, saying why (`decline_reason`)."""

    class State(models.TextChoices):
        PENDING = "pending", _("Pending")
        GRANTED = "granted", _("Reopened")
        DECLINED = "declined", _("Declined")

    response = models.ForeignKey(Response, models.CASCADE, related_name="reopen_requests", verbose_name=_("response"))
    reason = models.TextField(_("reason"), max_length=2000)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("requested by")
    )
    state = models.CharField(_("status"), max_length=10, choices=State.choices, default=State.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("by")
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decline_reason = models.TextField(
        _("why it was declined"),
        max_length=2000,
        blank=True,
        help_text=_("For example: the deadline for Part II has passed and the figures were already published."),
    )

    class Meta:
        verbose_name = _("request to reopen a response")
        verbose_name_plural = _("requests to reopen a response")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["response"], condition=Q(state="pending"), name="reopen_request_one_pending"
            )
        ]

    def __str__(self):
        return f"{self.response}: {self.get_state_display()}"
