"""Every domain model is in the admin with its history (django-simple-history's admin)."""

import pytest
from django.apps import apps
from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from . import cast


def _domain_models():
    """Every audited model of every TA Hub app, so a new app cannot forget its admin."""
    for config in apps.get_app_configs():
        if not config.name.startswith("tahub."):
            continue
        for model in config.get_models():
            if hasattr(model, "history") and not model.__name__.startswith("Historical"):
                yield model


@pytest.mark.parametrize("model", list(_domain_models()), ids=lambda m: m._meta.label)
def test_each_domain_model_is_in_the_admin_with_its_history(model):
    assert isinstance(admin.site._registry.get(model), SimpleHistoryAdmin)


@pytest.mark.django_db
def test_the_admin_history_page_of_a_party_opens_for_an_administrator(client, admin_user):
    admin_user.is_superuser = True
    admin_user.save()
    cast.sign_in(client, admin_user, second_factor=True)
    party = cast.party(cast.PARTY_A)

    response = client.get(f"/admin/parties/party/{party.pk}/history/")

    assert response.status_code == 200
