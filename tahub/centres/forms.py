from django import forms
from django.utils.translation import gettext_lazy as _

from tahub.parties import selectors as party_selectors


class CentreFilterForm(forms.Form):
    """The centres list's filter; a GET form, so it works without JavaScript."""

    region = forms.ModelChoiceField(
        label=_("UN regional group"),
        queryset=party_selectors.region_list(),
        to_field_name="code",
        required=False,
        empty_label=_("All regions"),
    )

    def filters(self):
        """The valid filters only; a bad value is reported beside its field."""
        if not self.is_bound or not self.is_valid():
            return {}
        region = self.cleaned_data.get("region")
        return {"region": region.code if region else None}
