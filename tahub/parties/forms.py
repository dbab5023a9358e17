from django import forms
from django.utils.translation import gettext_lazy as _

from tahub.core.forms import FilterForm, Select

from . import selectors
from .models import Eligibility


class PartyFilterForm(FilterForm):
    """The Parties list's filters; a GET form, so it works without JavaScript and the URL can be shared."""

    q = forms.CharField(label=_("Name"), required=False, max_length=100)
    region = forms.ModelChoiceField(
        label=_("UN regional group"),
        queryset=selectors.region_list(),
        to_field_name="code",
        required=False,
        empty_label=_("All regions"),
        widget=Select,
    )
    eligibility = forms.ChoiceField(
        label=_("Eligibility"), choices=[("", _("All classes")), *Eligibility.choices], required=False, widget=Select
    )

    def filters(self):
        """The valid filters only: a bad value is reported beside its field and the others still apply."""
        if not self.is_bound:
            return {}
        self.is_valid()
        region = self.cleaned_data.get("region")
        return {
            "region": region.code if region else None,
            "eligibility": self.cleaned_data.get("eligibility") or None,
            "search": self.cleaned_data.get("q") or None,
        }
