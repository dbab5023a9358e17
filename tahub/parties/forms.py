from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Eligibility, Region


class PartyFilterForm(forms.Form):
    q = forms.CharField(label=_("Name"), required=False, max_length=100)
    region = forms.ModelChoiceField(
        label=_("UN regional group"),
        queryset=Region.objects.order_by("code"),
        to_field_name="code",
        required=False,
        empty_label=_("All regions"),
    )
    eligibility = forms.ChoiceField(
        label=_("Eligibility"), choices=[("", _("All classes")), *Eligibility.choices], required=False
    )
