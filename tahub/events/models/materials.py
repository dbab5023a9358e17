"""An event's materials: documents, recordings and links, public or shared with its participants only."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from tahub.core.models import DomainModel
from tahub.core.uploads import DocumentValidator

from .events import Event


class Material(DomainModel):
    class Kind(models.TextChoices):
        DOCUMENT = "document", _("Document")
        RECORDING = "recording", _("Recording")
        LINK = "link", _("Link")

    event = models.ForeignKey(Event, models.CASCADE, related_name="materials", verbose_name=_("event"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to="events/%Y/", blank=True, validators=[DocumentValidator()])
    url = models.URLField(_("address"), blank=True, help_text=_("For a recording or a link"))
    public = models.BooleanField(
        _("public"), default=True,
        help_text=_("Untick to share it only with accepted participants (through their private link) and staff"),
    )  # fmt: skip

    class Meta:
        verbose_name = _("material")
        verbose_name_plural = _("materials")
        ordering = ["kind", "title"]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(file="") & ~models.Q(url="")) | (~models.Q(file="") & models.Q(url="")),
                name="material_file_or_url",
            )
        ]

    def __str__(self):
        return self.title
