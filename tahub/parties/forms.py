from django import forms
from django.utils.translation import gettext_lazy as _

from tahub.core.forms import CodeChoiceField, FilterForm, Select

from . import selectors
from .models import Eligibility


class PartyFilterForm(FilterForm):
    """The Parties list's filters; a GET form, so it works without JavaScript and the URL can be shared."""

    q = forms.CharField(label=_("Name"), required=False, max_length=100)
    region = CodeChoiceField(
        selectors.region_list, label=_("UN regional group"), required=False, empty_label=_("All regions")
    )
    eligibility = forms.ChoiceField(
        label=_("Eligibility"), choices=[("", _("All classes")), *Eligibility.choices], required=False, widget=Select
    )

    def filters(self):
        """The valid filters only: a bad value is reported beside its field and the others still apply."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {
            "region": self.cleaned_data.get("region") or None,
            "eligibility": self.cleaned_data.get("eligibility") or None,
            "search": self.cleaned_data.get("q") or None,
        }
