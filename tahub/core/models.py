"""Base classes shared by every domain model."""

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class NaturalKeyManager(models.Manager):
    """Looks rows up by their natural key, so loaders and fixtures never depend on primary keys."""

    def __init__(self, natural_key_field="slug"):
        super().__init__()
        self.natural_key_field = natural_key_field

    def get_by_natural_key(self, key):
        return self.get(**{self.natural_key_field: key})


class DomainModel(models.Model):
    """Every domain model keeps its history (who, when, what changed) and its timestamps."""

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True


def private_link_token():
    """An unguessable token for a private link (a requester follows their application without an account)."""
    return secrets.token_urlsafe(32)
