"""The documents attached to a request."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tahub.core.models import DomainModel
from tahub.core.uploads import DocumentValidator

from .requests import TARequest


class Attachment(DomainModel):
    """A document attached to a request. Served only through a permission-checked view, never as media."""

    request = models.ForeignKey(TARequest, models.CASCADE, related_name="attachments", verbose_name=_("request"))
    file = models.FileField(_("file"), upload_to="requests/%Y/", validators=[DocumentValidator()])
    title = models.CharField(_("title"), max_length=200, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["created_at"]

    def __str__(self):
        return self.title or self.file.name.rsplit("/", 1)[-1]
