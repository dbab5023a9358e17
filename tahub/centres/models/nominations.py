"""A region's nomination of an institution to become a centre, and the COP's decision on it."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_fsm import ConcurrentTransitionMixin, FSMField, transition

from tahub.core.models import DomainModel
from tahub.core.rules import on_object
from tahub.core.uploads import DocumentValidator
from tahub.parties.models import Country, Region
from tahub.planning.models import Decision

from .centres import RegionalCentre

# Who may take each transition (core/workflow.py asks it): the Secretariat records the COP's decisions.
EVALUATE = on_object("centres.evaluate")


class Nomination(ConcurrentTransitionMixin, DomainModel):
    """A region nominates an institution to become a centre, with a dossier; the COP endorses it (or not)."""

    class State(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted to the Conference of the Parties")
        ENDORSED = "endorsed", _("Endorsed")
        NOT_ENDORSED = "not_endorsed", _("Not endorsed")

    state = FSMField(_("status"), max_length=20, choices=State.choices, default=State.SUBMITTED, protected=True)
    institution = models.CharField(_("institution"), max_length=300)
    host_country = models.ForeignKey(Country, models.PROTECT, related_name="+", verbose_name=_("host country"))
    region = models.ForeignKey(Region, models.PROTECT, related_name="+", verbose_name=_("nominated by the region"))
    city = models.CharField(_("city"), max_length=100, blank=True)
    dossier = models.FileField(
        _("nomination dossier"), upload_to="centres/nominations/", validators=[DocumentValidator()]
    )
    decision = models.ForeignKey(
        Decision, models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("decision")
    )
    centre = models.ForeignKey(
        RegionalCentre, models.SET_NULL, null=True, blank=True, related_name="nominations", verbose_name=_("centre")
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")
        ordering = ["-created_at"]

    def __str__(self):
        return self.institution

    @transition(state, source=State.SUBMITTED, target=State.ENDORSED, permission=EVALUATE)
    def endorse(self):
        pass

    @transition(state, source=State.SUBMITTED, target=State.NOT_ENDORSED, permission=EVALUATE)
    def decline(self):
        pass

    @property
    def dossier_filename(self):
        """The name its author gave the dossier (the stored name adds a random folder)."""
        return self.dossier.name.rsplit("/", 1)[-1] if self.dossier else ""
