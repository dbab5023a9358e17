"""Base classes shared by every domain model."""

import secrets
from typing import TYPE_CHECKING, Any

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

    if TYPE_CHECKING:
        # Set before save(): django-simple-history writes them on the history row (the reason codes are in
        # tahub/core/change_reasons.py). Declared for mypy only.
        _change_reason: str
        _history_user: Any

    class Meta:
        abstract = True


def private_link_token():
    """An unguessable token for a private link (a requester follows their application without an account)."""
    return secrets.token_urlsafe(32)
