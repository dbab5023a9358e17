from django import forms
from django.utils.translation import gettext_lazy as _

from tahub.core.forms import FilterForm, Select

from . import selectors
from .models import Eligibility


class PartyFilterForm(FilterForm):
    """The Parties list's filters; a GET form, so it works without JavaScript and the URL can be shared."""

    q = forms.CharField(label=_("Name"), required=False, max_length=100)
    # The groups' codes and names (read once a form, in __init__), not Region instances: a model choice field
    # builds the five of them at each render and asks for the chosen one again to validate it. Its message for
    # a code that is not there is kept.
    region = forms.ChoiceField(
        label=_("UN regional group"),
        required=False,
        widget=Select,
        error_messages={"invalid_choice": forms.ModelChoiceField.default_error_messages["invalid_choice"]},
    )
    eligibility = forms.ChoiceField(
        label=_("Eligibility"), choices=[("", _("All classes")), *Eligibility.choices], required=False, widget=Select
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        regions = selectors.region_list().values_list("code", "name")
        self.fields["region"].choices = [("", _("All regions")), *regions]

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
