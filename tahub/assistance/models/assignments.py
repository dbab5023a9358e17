"""The providers (the Secretariat, a regional centre or a partner) assigned to deliver a request, and what each
reports it delivered under its assignment."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tahub.core.models import DomainModel
from tahub.core.uploads import DocumentValidator
from tahub.directory.models import Organisation
from tahub.parties.models import Party

from .requests import TARequest


class Assignment(DomainModel):
    """A provider (the Secretariat, a regional centre or a partner) asked to deliver (part of) a request."""

    request = models.ForeignKey(TARequest, models.CASCADE, related_name="assignments", verbose_name=_("request"))
    organisation = models.ForeignKey(
        Organisation, models.PROTECT, related_name="assignments", verbose_name=_("provider")
    )
    role = models.CharField(_("what they deliver"), max_length=300, blank=True)
    assigned_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")
    warning = models.CharField(_("warning at assignment"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        ordering = ["created_at"]
        constraints = [models.UniqueConstraint(fields=["request", "organisation"], name="assignment_unique")]

    def __str__(self):
        return f"{self.request.reference} → {self.organisation}"


class DeliveryReport(DomainModel):
    """What a provider delivered under an assignment: when, what, for which Parties, with evidence."""

    assignment = models.ForeignKey(Assignment, models.CASCADE, related_name="reports", verbose_name=_("assignment"))
    start = models.DateField(_("from"))
    end = models.DateField(_("until"))
    activities = models.TextField(_("activities"), help_text=_("What was done: missions, trainings, advice"))
    parties_benefited = models.ManyToManyField(Party, related_name="+", verbose_name=_("Parties benefited"))
    document = models.FileField(_("document"), upload_to="deliveries/%Y/", blank=True, validators=[DocumentValidator()])
    reported_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")
    correction = models.TextField(
        _("why it was corrected"), blank=True, help_text=_("Set by the Secretariat when it corrects the report")
    )

    class Meta:
        verbose_name = _("delivery report")
        verbose_name_plural = _("delivery reports")
        ordering = ["start"]
        constraints = [models.CheckConstraint(condition=models.Q(end__gte=models.F("start")), name="delivery_order")]

    def __str__(self):
        return f"{self.assignment}: {self.start}–{self.end}"
