"""Staff-only pages that act on other apps' records through their services (eligibility override)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView
from rules.contrib.views import PermissionRequiredMixin

from tahub.parties import services as party_services

from . import selectors
from .forms import EligibilityOverrideForm
from .views import _apply_service_errors


class EligibilityOverrideView(PermissionRequiredMixin, FormView):
    """An administrator, or the region's focal point, overrides a country's eligibility class, with a reason."""

    permission_required = "parties.change_country"
    template_name = "accounts/eligibility_override.html"
    form_class = EligibilityOverrideForm

    def get_permission_object(self):
        self.party = selectors.party_for_iso3(self.kwargs["iso3"])
        return self.party.country

    def get_initial(self):
        country = self.party.country
        return {"eligibility": country.eligibility_override, "reason": country.eligibility_override_reason}

    def get_context_data(self, **kwargs):
        return super().get_context_data(party=self.party, **kwargs)

    def form_valid(self, form):
        try:
            party_services.override_eligibility(
                self.party.country,
                eligibility=form.cleaned_data["eligibility"],
                reason=form.cleaned_data["reason"],
                by=self.request.user,
            )
        except ValidationError as error:
            _apply_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The eligibility class of %(country)s is saved.") % {"country": self.party})
        return redirect(self.party.get_absolute_url())
