from django import forms
from django.utils.translation import gettext_lazy as _

from tahub.directory.models import Organisation

from .models import Proposal

FIELDS = [
    "convention",
    "title",
    "decisions",
    "legal_basis_notes",
    "work_programme_activities",
    "background",
    "proposed_activities",
    "results",
    "currency",
    "approved_budget",
    "trust_fund",
]


class ProposalForm(forms.ModelForm):
    class Meta:
        model = Proposal
        fields = FIELDS
        widgets = {"title": forms.Textarea(attrs={"rows": 3})}


class BudgetLineForm(forms.Form):
    component = forms.CharField(label=_("Budget component"), max_length=300)
    amount = forms.DecimalField(label=_("Amount"), max_digits=14, decimal_places=2, min_value=0)


class CoFundingForm(forms.Form):
    donor_name = forms.CharField(label=_("Donor"), max_length=200, required=False)
    organisation = forms.ModelChoiceField(
        label=_("or donor organisation"), queryset=Organisation.objects.order_by("name"), required=False
    )
    amount = forms.DecimalField(label=_("Amount pledged"), max_digits=14, decimal_places=2, min_value=0)

    def clean(self):
        data = super().clean()
        if not data.get("donor_name") and not data.get("organisation"):
            raise forms.ValidationError(_("Name the donor or choose its organisation."))
        return data


BudgetLineFormSet = forms.formset_factory(BudgetLineForm, extra=3)
CoFundingFormSet = forms.formset_factory(CoFundingForm, extra=2)


def rows(formset):
    """The filled rows of a valid formset, as dicts of field values (blank extra rows left out)."""
    return [form.cleaned_data for form in formset.forms if form.has_changed() and form.cleaned_data]
