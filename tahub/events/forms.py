import datetime

from django import forms
from django.core.validators import MinValueValidator
from django.utils.translation import gettext_lazy as _

from tahub.core.forms import CodeChoiceField, FilterForm, Select
from tahub.core.translated import LanguagesSideBySide, label_language_fields, language_fields
from tahub.core.uploads import DocumentValidator
from tahub.parties import selectors as party_selectors
from tahub.planning.models import ProgrammeActivity
from tahub.vocabularies import selectors as vocabularies

from .models import LANGUAGE_NAMES, Event, Kind, Material, Mode


class CalendarFilterForm(FilterForm):
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("", _("All kinds"))] + Kind.choices, required=False, widget=Select
    )
    theme = CodeChoiceField(
        vocabularies.theme_list, code_field="slug", label=_("Theme"), required=False, empty_label=_("All themes")
    )
    region = CodeChoiceField(
        party_selectors.region_list, label=_("Region"), required=False, empty_label=_("All regions")
    )
    month = forms.DateField(
        label=_("Month"), required=False, input_formats=["%Y-%m"], widget=forms.DateInput(attrs={"type": "month"}),
        help_text=_("For example: 2026-07"),
    )  # fmt: skip
    language = forms.ChoiceField(
        label=_("Language"),
        choices=[("", _("All languages"))] + list(LANGUAGE_NAMES.items()),
        required=False,
        widget=Select,
    )
    mode = forms.ChoiceField(
        label=_("Mode"), choices=[("", _("Online or in person"))] + Mode.choices, required=False, widget=Select
    )

    def filters(self):
        """The selector's keyword arguments from the valid fields (an invalid field filters nothing)."""
        data = self.cleaned_data if self.is_valid() else {}
        return {
            "kind": data.get("kind") or None,
            "theme": data.get("theme") or None,
            "region": data.get("region") or None,
            "month": data.get("month"),
            "language": data.get("language") or None,
            "mode": data.get("mode") or None,
        }


class RegistrationForm(forms.Form):
    name = forms.CharField(label=_("Full name"), max_length=200)
    email = forms.EmailField(label=_("E-mail address"))
    position = forms.CharField(label=_("Position and institution"), max_length=300, required=False)


class NominationForm(RegistrationForm):
    letter = forms.FileField(
        label=_("Nomination letter"), validators=[DocumentValidator()],
        help_text=_("The letter signed for the Party: PDF or Word, up to 10 MB."),
    )  # fmt: skip


class DeclineForm(forms.Form):
    message = forms.CharField(label=_("Reason, sent to the Party"), required=False, widget=forms.Textarea({"rows": 2}))


class AttendanceUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Attendance list"), help_text=_("CSV or Excel (.xlsx): one row per person present, an “email” column.")
    )


RATINGS = [(str(n), str(n)) for n in range(1, 6)]


class SurveyForm(forms.Form):
    """The questions of one questionnaire (surveys.py) as fields; ratings 1–5, texts optional."""

    def __init__(self, survey, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for question in survey.questions:
            if question.kind == "rating":
                self.fields[question.code] = forms.ChoiceField(
                    label=question.label, choices=RATINGS, widget=forms.RadioSelect, required=question.required,
                    help_text=_("1 = not at all, 5 = very much"),
                )  # fmt: skip
            else:
                self.fields[question.code] = forms.CharField(
                    label=question.label, required=question.required, widget=forms.Textarea({"rows": 3}),
                    max_length=5000,
                )  # fmt: skip


class LocalDateTimeField(forms.DateTimeField):
    """A wall-clock time without a zone (09:00): the service places it in the event's own time zone."""

    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
    input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S"]

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, datetime.datetime):
            return value.replace(tzinfo=None)
        return forms.Field.to_python(self, self._parse(str(value).strip()))

    def _parse(self, value):
        for pattern in self.input_formats:
            try:
                return datetime.datetime.strptime(value, pattern)
            except ValueError:
                continue
        raise forms.ValidationError(_("Give a date and time, for example 2026-07-16 09:00."), code="invalid")


class EventForm(LanguagesSideBySide, forms.ModelForm):
    """Staff create or edit an event; the service places the times in the event's zone and checks the rest."""

    start = LocalDateTimeField(label=_("Starts (local time of the event)"))
    end = LocalDateTimeField(label=_("Ends (local time of the event)"))
    languages = forms.MultipleChoiceField(
        label=_("Languages"), choices=list(LANGUAGE_NAMES.items()), widget=forms.CheckboxSelectMultiple,
        help_text=_("The languages the event is held in"),
    )  # fmt: skip
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Event
        fields = [
            "slug", "kind", *language_fields("title", "description"), "time_zone", "start", "end",
            "mode", "venue", "region", "languages", "interpretation", "organisers", "partners", "themes",
            "decisions", "programme_activity", "capacity", "party_quota", "registration_mode",
            "eligible_parties_only", "eligible_regions", "eligible_roles", "registration_deadline", "agenda",
            "joining_instructions", "follow_up_after_days",
        ]  # fmt: skip
        widgets = {"registration_deadline": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        label_language_fields(self, "title", "description", required=("title",))
        self.fields["programme_activity"].queryset = ProgrammeActivity.objects.select_related("biennium")
        self.fields["capacity"].min_value = 1
        self.fields["capacity"].validators.append(MinValueValidator(1))
        self.initial["languages"] = self.instance.language_list  # stored as "en;fr", ticked by name
        if self.instance.pk:
            zone = self.instance.zone
            self.initial["start"] = self.instance.start.astimezone(zone).replace(tzinfo=None)
            self.initial["end"] = self.instance.end.astimezone(zone).replace(tzinfo=None)
            self.initial["version"] = self.instance.version
            self.fields["slug"].disabled = True  # the event's address and calendar UID

    def clean_languages(self):
        return ";".join(code for code in LANGUAGE_NAMES if code in self.cleaned_data["languages"])

    def _post_clean(self):
        pass  # the model is checked by the service, once the times are placed in the event's zone

    def data_for_service(self):
        return {name: self.cleaned_data[name] for name in self.Meta.fields if not self.fields[name].disabled}


class MaterialForm(forms.ModelForm):
    url = forms.URLField(
        label=_("Address"), required=False, assume_scheme="https", help_text=_("For a recording or a link")
    )

    class Meta:
        model = Material
        fields = ["kind", "title", "file", "url", "public"]

    def _post_clean(self):
        pass  # the service checks the material (file or address, the document's content) and says which field
