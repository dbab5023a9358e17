from django import forms
from django.utils.translation import gettext_lazy as _

from tahub.core.forms import CodeChoiceField, FilterForm, MultipleDocumentsField, Select
from tahub.parties import selectors as party_selectors
from tahub.vocabularies import selectors as vocabularies

from .models import Correction, ListingRequest, Organisation


class DirectoryFilterForm(FilterForm):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    kind = forms.ChoiceField(
        label=_("Category"), choices=[("", _("All")), *Organisation.Kind.choices], required=False, widget=Select
    )
    theme = CodeChoiceField(
        vocabularies.theme_list, code_field="slug", label=_("Theme"), required=False, empty_label=_("All")
    )
    region = CodeChoiceField(
        party_selectors.region_list, label=_("Region served"), required=False, empty_label=_("All")
    )


class ListingRequestForm(forms.ModelForm):
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    documents = MultipleDocumentsField(
        label=_("Supporting documents"),
        help_text=_("Statutes, and proof of work in the field of the Convention. PDF, Office or images, 10 MB each."),
    )

    class Meta:
        model = ListingRequest
        fields = [
            "name", "short_name", "kind", "country", "website", "summary", "themes", "assistance_types",
            "regions_served", "languages", "contact_name", "contact_email", "publish_contact_email",
        ]  # fmt: skip
        widgets = {
            "themes": forms.CheckboxSelectMultiple,
            "assistance_types": forms.CheckboxSelectMultiple,
            "regions_served": forms.CheckboxSelectMultiple,
            "summary": forms.Textarea(attrs={"rows": 5}),
        }


class CorrectionForm(forms.ModelForm):
    class Meta:
        model = Correction
        fields = ["text", "reporter_email"]
        widgets = {"text": forms.Textarea(attrs={"rows": 4})}


class CorrectionResolveForm(forms.Form):
    resolution = forms.ChoiceField(
        label=_("Resolution"), choices=Correction.Resolution.choices, widget=forms.RadioSelect
    )
    reply = forms.CharField(label=_("Reply"), widget=forms.Textarea(attrs={"rows": 3}))
