from django import forms
from django.utils.translation import gettext_lazy as _

from tahub.core.forms import MultipleDocumentsField

from .models import ObserverApplication, ObserverMeeting, Registration


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


class MeetingForm(forms.ModelForm):
    """Staff open a meeting to observers or edit it; the service checks the dates together and the version."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = ObserverMeeting
        fields = ["code", "title", "body", "meeting", "city", "start", "end", "registration_deadline", "time_zone"]
        widgets = {
            name: forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
            for name in ("start", "end", "registration_deadline")
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["version"] = self.instance.version
            self.fields["code"].disabled = True  # the meeting's address

    def _post_clean(self):
        pass  # the service checks the meeting (dates together, the code's uniqueness) and says which field

    def data_for_service(self):
        return {name: self.cleaned_data[name] for name in self.Meta.fields if not self.fields[name].disabled}
