from django import forms
from django.utils.translation import gettext_lazy as _

from tahub.directory.models import Organisation
from tahub.parties.models import Party
from tahub.planning.models import DecisionParagraph, ProgrammeActivity

from .currencies import currency_choices
from .models import Donor, Pledge, PledgeEntry, Proposal


def _currency_select(form):
    """The currency as a list of ISO 4217 codes with their names (the model refuses any other code)."""
    field = form.fields["currency"]
    form.fields["currency"] = forms.ChoiceField(
        label=field.label, choices=currency_choices(), initial=field.initial or "USD", help_text=field.help_text
    )


FIELDS = [
    "convention",
    "title",
    "decisions",
    "legal_basis",
    "activities",
    "legal_basis_notes",
    "work_programme_activities",
    "background",
    "proposed_activities",
    "results",
    "currency",
    "rate_to_usd",
    "rate_date",
    "approved_budget",
    "trust_fund",
]


class ProposalForm(forms.ModelForm):
    # The version the editor read: a save from an older one is refused (services.update_proposal).
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Proposal
        fields = FIELDS
        widgets = {"title": forms.Textarea(attrs={"rows": 3}), "rate_date": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["legal_basis"].queryset = DecisionParagraph.objects.select_related("decision")
        self.fields["activities"].queryset = ProgrammeActivity.objects.select_related("biennium")
        _currency_select(self)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version


AMOUNT_ERRORS = {
    "invalid": _("Give the amount as a number, for example 20000 or 20000.50."),
    "min_value": _("An amount cannot be negative."),
}


class BudgetLineForm(forms.Form):
    component = forms.CharField(label=_("Budget component"), max_length=300)
    amount = forms.DecimalField(
        label=_("Amount"), max_digits=14, decimal_places=2, min_value=0, error_messages=AMOUNT_ERRORS
    )


class CoFundingForm(forms.Form):
    donor_name = forms.CharField(label=_("Donor"), max_length=200, required=False)
    organisation = forms.ModelChoiceField(
        label=_("or donor organisation"), queryset=Organisation.objects.order_by("name"), required=False
    )
    amount = forms.DecimalField(
        label=_("Amount pledged"), max_digits=14, decimal_places=2, min_value=0, error_messages=AMOUNT_ERRORS
    )

    def clean(self):
        data = super().clean()
        if not data.get("donor_name") and not data.get("organisation"):
            raise forms.ValidationError(_("Name the donor or choose its organisation."))
        return data


# The formsets' initial data are the proposal's existing rows: the service replaces all rows with the ones the
# page sends back, so every row is kept unless its "Delete" box is ticked (can_delete).
BudgetLineFormSet = forms.formset_factory(BudgetLineForm, extra=3, can_delete=True)
CoFundingFormSet = forms.formset_factory(CoFundingForm, extra=2, can_delete=True)


def rows(formset):
    """Every row of a valid formset, as dicts of field values, changed or not: the existing rows (its initial
    data) as well as the new ones. Left out: blank extra rows (no cleaned data) and rows marked for deletion.
    (Keeping only `form.has_changed()` rows dropped the unchanged existing lines: issue 18.1.)"""
    return [
        {name: value for name, value in form.cleaned_data.items() if name != "DELETE"}
        for form in formset.forms
        if form.cleaned_data and not form.cleaned_data.get("DELETE")
    ]


# --- the money ------------------------------------------------------------------------------------------------

DONOR_FIELDS = ["kind", "party", "organisation", "name", "email"]
PLEDGE_FIELDS = ["donor", "trust_fund", "activity", "proposal", "kind", "in_kind_description", "currency", "amount",
                 "rate_to_usd", "rate_date", "pledged_on", "due_on", "note"]  # fmt: skip
ENTRY_FIELDS = ["kind", "date", "amount", "rate_to_usd", "rate_date", "note"]
DATE = forms.DateInput(attrs={"type": "date"})
RATE_HELP = _("USD for one unit of the currency, and the date of that rate: required for any currency but USD.")


class DonorForm(forms.ModelForm):
    # The version the editor read: a save from an older one is refused (services.save_donor).
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Donor
        fields = DONOR_FIELDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
        self.fields["party"].queryset = Party.objects.select_related("country", "convention")
        self.fields["organisation"].queryset = Organisation.objects.order_by("name")

    def _post_clean(self):
        """Model checks run in the service (which clears the fields the kind does not use)."""


class _MoneyForm(forms.Form):
    """A plain form over model fields: the service fills the USD rate and checks the rest, next to the field."""

    model, field_names = None, ()
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.update(forms.fields_for_model(self.model, self.field_names))
        self.fields["version"] = self.fields.pop("version")
        if "currency" in self.fields:
            _currency_select(self)
        for name in ("rate_to_usd", "rate_date"):
            self.fields[name].required = False
            self.fields[name].help_text = RATE_HELP
        for field in self.fields.values():
            if isinstance(field, forms.DateField):
                field.widget = DATE

    def service_data(self):
        return {name: self.cleaned_data[name] for name in self.field_names}


class PledgeForm(_MoneyForm):
    model, field_names = Pledge, PLEDGE_FIELDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["donor"].queryset = Donor.objects.select_related("party__country", "organisation")
        self.fields["activity"].queryset = ProgrammeActivity.objects.select_related("biennium")
        self.fields["proposal"].queryset = Proposal.objects.order_by("-pk")


class EntryForm(_MoneyForm):
    model, field_names = PledgeEntry, ENTRY_FIELDS


class VoidEntryForm(forms.Form):
    """Void a commitment or receipt recorded in error: why, and the pledge's version the person read."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    reason = forms.CharField(
        label=_("Why is it voided?"),
        required=False,  # the service refuses a blank reason, with its message next to the field
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
        help_text=_("For example: recorded twice; the donor's letter of 3 March is the same commitment."),
    )
