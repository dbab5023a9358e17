from django import forms
from django.utils.translation import gettext_lazy as _

from tahub.core.forms import MultipleDocumentsField

from .models import ObserverApplication, Registration


class ApplicationForm(forms.ModelForm):
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    documents = MultipleDocumentsField(
        label=_("Supporting documents"),
        help_text=_("Statutes, annual reports, publications. PDF, Office or images, 10 MB each."),
    )

    class Meta:
        model = ObserverApplication
        fields = [
            "name", "short_name", "kind", "country", "website", "description", "affiliations", "programmes",
            "network", "contact_name", "contact_email",
        ]  # fmt: skip
        widgets = {
            name: forms.Textarea(attrs={"rows": 4}) for name in ("description", "affiliations", "programmes", "network")
        }


class RegistrationForm(forms.ModelForm):
    class Meta:
        model = Registration
        fields = ["name", "function", "photo", "nomination_letter"]


class RegistrationDecisionForm(forms.Form):
    action = forms.ChoiceField(choices=[("approve", _("Approve")), ("refuse", _("Refuse"))])
