import re

from django import forms
from django.utils.translation import gettext_lazy as _

from tahub.core.forms import CodeChoiceField, FilterForm, Select
from tahub.core.uploads import DocumentValidator
from tahub.directory.models import Organisation
from tahub.parties import selectors as party_selectors
from tahub.parties.models import Party
from tahub.vocabularies import selectors as vocabularies

from .models import State, TARequest


class ProgrammeActivityForm(forms.Form):
    """Staff say which activity of the programme of work the request delivers, by its reference (a select of
    every activity would weigh megabytes once the programme holds thousands)."""

    programme_activity = forms.CharField(
        label=_("Programme of work activity"),
        required=False,
        max_length=20,
        help_text=_("The biennium's first year and the activity's number, for example 2026/11; empty for none."),
    )

    def clean_programme_activity(self):
        from tahub.planning.models import ProgrammeActivity

        value = self.cleaned_data["programme_activity"].strip()
        if not value:
            return None
        match = re.fullmatch(r"(\d{4})\s*/\s*(\d{1,5})", value)
        if not match:
            raise forms.ValidationError(_("Write the biennium's first year and the number, for example 2026/11."))
        try:
            return ProgrammeActivity.objects.get(biennium__start_year=match[1], number=match[2])
        except ProgrammeActivity.DoesNotExist:
            raise forms.ValidationError(
                _("There is no activity %(reference)s in the programme of work.") % {"reference": value}
            ) from None

    @staticmethod
    def reference(activity):
        return f"{activity.biennium.start_year}/{activity.number}" if activity else ""


class RequestForm(forms.ModelForm):
    """What a Party asks for. Everything may be left incomplete in a draft; submission checks completeness.

    Hidden: the state and version the editor saw (an edit from an older version is refused), and the form's
    one-time token (a new request's form, sent twice, creates one draft)."""

    seen_state = forms.CharField(widget=forms.HiddenInput, required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)
    creation_token = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)
    attachment = forms.FileField(
        label=_("Attach a document"),
        required=False,
        validators=[DocumentValidator()],
        help_text=_("PDF, Office or image files, up to 10 MB."),
    )

    class Meta:
        model = TARequest
        fields = [
            "title",
            "description",
            "expected_results",
            "themes",
            "assistance_types",
            "chemicals",
            "conventions",
            "language",
            "desired_start",
            "desired_end",
        ]
        widgets = {
            "themes": forms.CheckboxSelectMultiple,
            "assistance_types": forms.CheckboxSelectMultiple,
            "conventions": forms.CheckboxSelectMultiple,
            "desired_start": forms.DateInput(attrs={"type": "date"}),
            "desired_end": forms.DateInput(attrs={"type": "date"}),
            "description": forms.Textarea(attrs={"rows": 6}),
            "expected_results": forms.Textarea(attrs={"rows": 3}),
        }

    def clean(self):
        data = super().clean()
        start, end = data.get("desired_start"), data.get("desired_end")
        if start and end and end < start:
            self.add_error("desired_end", _("The end of the timeframe must come after its start."))
        return data


class InformationForm(forms.Form):
    seen_state = forms.CharField(widget=forms.HiddenInput)
    message = forms.CharField(label=_("What information is needed?"), widget=forms.Textarea(attrs={"rows": 4}))


class DeclineForm(forms.Form):
    seen_state = forms.CharField(widget=forms.HiddenInput)
    reason = forms.CharField(label=_("Reason for declining"), widget=forms.Textarea(attrs={"rows": 4}))


class ActionForm(forms.Form):
    """A bare move (submit, review, accept, …): it carries only the state the person saw."""

    seen_state = forms.CharField(widget=forms.HiddenInput)


def provider_label(organisation):
    """A provider as people know it: its full name, its acronym, the country of its seat."""
    label = organisation.name
    if organisation.short_name and organisation.short_name != organisation.name:
        label = f"{label} ({organisation.short_name})"
    if organisation.country_id:
        label = f"{label} — {organisation.country.name}"
    return label


class ProviderChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return provider_label(obj)


class AssignForm(forms.Form):
    """The providers chosen (the page lists those a search found, or one suggestion), and what they deliver."""

    seen_state = forms.CharField(widget=forms.HiddenInput)
    organisations = ProviderChoiceField(
        label=_("Providers"),
        queryset=Organisation.objects.select_related("country").order_by("name"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one provider.")},
    )
    role = forms.CharField(
        label=_("What they deliver"),
        required=False,
        max_length=300,
        help_text=_("For example: a three-day training of customs officers. Shown on the request."),
    )


class ProviderSearchForm(forms.Form):
    """Find a provider to assign by its name, acronym or country (a GET form: works without JavaScript)."""

    provider = forms.CharField(label=_("Find a provider"), required=False, max_length=100)


class CloseForm(forms.Form):
    seen_state = forms.CharField(widget=forms.HiddenInput)
    satisfaction = forms.TypedChoiceField(
        label=_("How satisfied is your Party with the assistance?"),
        coerce=int,
        choices=[
            (5, _("5 — excellent")),
            (4, _("4 — good")),
            (3, _("3 — fair")),
            (2, _("2 — poor")),
            (1, _("1 — very poor")),
        ],
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class QueueFilterForm(FilterForm):
    state = forms.ChoiceField(
        label=_("Status"), choices=[("", _("All")), *State.choices], required=False, widget=Select
    )
    region = CodeChoiceField(party_selectors.region_list, label=_("Region"), required=False, empty_label=_("All"))
    theme = CodeChoiceField(
        vocabularies.theme_list, code_field="slug", label=_("Theme"), required=False, empty_label=_("All")
    )
    assistance_type = CodeChoiceField(
        vocabularies.assistance_type_list,
        code_field="slug",
        label=_("Type of assistance"),
        required=False,
        empty_label=_("All"),
    )
    convention = forms.ChoiceField(
        label=_("Convention"),
        choices=[
            ("", _("All")),
            ("BC", _("Basel Convention")),
            ("RC", _("Rotterdam Convention")),
            ("SC", _("Stockholm Convention")),
        ],
        required=False,
        widget=Select,
    )
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)


class DeliveryReportForm(forms.Form):
    """What was delivered; the dates lie between the request's submission and today (checked by the service)."""

    assignment = forms.ModelChoiceField(
        label=_("For which assignment"),
        queryset=None,
        error_messages={"required": _("Choose the assignment this report is for.")},
    )
    start = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("Until"), widget=forms.DateInput(attrs={"type": "date"}))
    activities = forms.CharField(label=_("Activities"), widget=forms.Textarea(attrs={"rows": 4}))
    parties_benefited = forms.ModelMultipleChoiceField(
        label=_("Parties benefited"), queryset=Party.objects.filter(convention__code="SC").select_related("country")
    )
    document = forms.FileField(
        label=_("Evidence (report, list of participants)"), required=False, validators=[DocumentValidator()]
    )

    def __init__(self, *args, assignments, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["assignment"]
        field.queryset = assignments
        only = list(assignments[:2]) if assignments is not None else []
        if len(only) == 1:  # nothing to choose: the only assignment, chosen (no empty choice to trip over)
            field.empty_label = None
            self.initial.setdefault("assignment", only[0].pk)

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", _("The end must come after the start."))
        return data


class DeliveryCorrectionForm(DeliveryReportForm):
    """Staff correct a delivery report: the same fields (the assignment stays), and why."""

    correction = forms.CharField(
        label=_("What was wrong"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Kept in the report's history with the correction."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, assignments=None, **kwargs)
        del self.fields["assignment"]
