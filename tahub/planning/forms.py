import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from tahub.core.forms import CodeChoiceField, FilterForm, Select
from tahub.core.translated import LanguagesSideBySide, label_language_fields, language_fields
from tahub.parties import selectors as party_selectors

from . import selectors
from .models import Biennium, DecisionParagraph, Objective, ProgrammeActivity, TAPlan, topic_label


class DecisionFilterForm(FilterForm):
    """The decisions list's filters; a GET form, so it works without JavaScript."""

    topic = forms.ChoiceField(label=_("Topic"), required=False, widget=Select)
    meeting = CodeChoiceField(
        selectors.meeting_list, label_field="code", label=_("Meeting"), required=False, empty_label=_("All meetings")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Topics are reference data (codes), read once per form; people choose by their labels.
        topics = sorted(((t, topic_label(t)) for t in selectors.decision_topics()), key=lambda pair: str(pair[1]))
        self.fields["topic"].choices = [("", _("All topics")), *topics]

    def filters(self):
        """The valid filters only: a bad value is reported beside its field and the others still apply."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {"topic": self.cleaned_data.get("topic") or None, "meeting": self.cleaned_data.get("meeting") or None}


class ActivityFilterForm(FilterForm):
    """The programme of work's filters (GET); a bad value is reported beside its field, the others still apply."""

    biennium = forms.TypedChoiceField(label=_("Biennium"), required=False, coerce=int, empty_value=None, widget=Select)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Any status")), *ProgrammeActivity.Status.choices],
        widget=Select,
    )
    convention = forms.ChoiceField(label=_("Convention"), required=False, widget=Select)
    objective = forms.IntegerField(label=_("Objective"), required=False, widget=forms.HiddenInput)
    paragraph = forms.IntegerField(label=_("Decision paragraph"), required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        years = selectors.biennium_years()
        self.fields["biennium"].choices = [("", _("All bienniums")), *((y, f"{y}–{y + 1}") for y in years)]
        codes = party_selectors.convention_codes()
        self.fields["convention"].choices = [("", _("All conventions")), *((c, c) for c in codes)]

    def filters(self):
        if not self.is_bound:
            return {}
        self.is_valid()
        return {name: self.cleaned_data.get(name) for name in self.fields if self.cleaned_data.get(name)}


class ActivityForm(LanguagesSideBySide, forms.ModelForm):
    """Staff add or edit a programme activity; the service checks what spans fields and saves it audited."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = ProgrammeActivity
        fields = [
            "biennium",
            "number",
            *language_fields("title"),
            "description",
            "conventions",
            "objective",
            "legal_basis",
            "themes",
            "regions",
            "countries",
            "lead",
            "lead_organisation",
            "partners",
            "approved_budget",
            "trust_fund",
            "status",
            "start",
            "end",
        ]
        widgets = {"start": forms.DateInput(attrs={"type": "date"}), "end": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        label_language_fields(self, "title", required=("title",))
        self.fields["legal_basis"].queryset = selectors.paragraph_list()
        self.fields["objective"].queryset = Objective.objects.select_related("plan")
        self.fields["biennium"].queryset = Biennium.objects.order_by("-start_year")
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
            # The biennium and number identify the activity (its URL, IATI identifier): fixed once created.
            for name in ("biennium", "number"):
                self.fields[name].disabled = True

    def data_for_service(self):
        fields = [name for name in self.Meta.fields if not self.fields[name].disabled]
        return {name: self.cleaned_data[name] for name in fields}


class SeenField(forms.CharField):
    """When the editor loaded the record (its `updated_at`), so a save made meanwhile is refused, not overwritten."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)

    def to_python(self, value):
        if not value:
            return None
        try:
            return datetime.datetime.fromisoformat(value)
        except ValueError:
            raise forms.ValidationError(_("Reload the page and make your changes again.")) from None


class PlanForm(LanguagesSideBySide, forms.ModelForm):
    """Staff add or edit a four-year plan, its title in each language; its last year follows from its first, fixed
    once created."""

    seen = SeenField()

    class Meta:
        model = TAPlan
        fields = ["start_year", *language_fields("title"), "summary", "sources", "notes"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        label_language_fields(self, "title", required=("title",))
        if self.instance.pk:
            self.fields["seen"].initial = self.instance.updated_at.isoformat()
            self.fields["start_year"].disabled = True

    def _post_clean(self):
        pass  # the service checks the model (end year, uniqueness) and reports beside the fields

    def data_for_service(self):
        return {name: self.cleaned_data[name] for name in self.Meta.fields if not self.fields[name].disabled}


class ObjectiveForm(LanguagesSideBySide, forms.ModelForm):
    """A row of the plan form: an objective, its title in each language (a blank row is skipped)."""

    number = forms.IntegerField(label=_("Number"), min_value=1, max_value=32767)

    class Meta:
        model = Objective
        fields = ["number", *language_fields("title"), "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        label_language_fields(self, "title", required=("title",))

    def _post_clean(self):
        pass  # the service checks the model (its plan, a number used twice) and reports beside the fields


class BaseObjectiveFormSet(forms.BaseFormSet):
    def objectives(self):
        """The filled rows as dicts for the service (blank extra rows are skipped)."""
        return [f.cleaned_data for f in self.forms if f.cleaned_data]


ObjectiveFormSet = forms.formset_factory(ObjectiveForm, formset=BaseObjectiveFormSet, extra=2, max_num=50)


def objective_formset(plan=None, data=None):
    """The plan's objectives (an objective is matched by its number) and two blank rows to add one."""
    names = ["number", *language_fields("title"), "description"]
    initial = [{name: getattr(o, name) for name in names} for o in (plan.objectives.all() if plan else [])]
    return ObjectiveFormSet(data, initial=initial, prefix="objectives")


class BienniumForm(forms.ModelForm):
    """Staff open or edit a biennium; its last year follows from its first, fixed once created."""

    seen = SeenField()

    class Meta:
        model = Biennium
        fields = ["start_year", "plan", "budget_decision", "notes"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["budget_decision"].queryset = selectors.decision_list()
        if self.instance.pk:
            self.fields["seen"].initial = self.instance.updated_at.isoformat()
            self.fields["start_year"].disabled = True

    def _post_clean(self):
        pass  # the service checks the model and reports beside the fields

    def data_for_service(self):
        return {name: self.cleaned_data[name] for name in self.Meta.fields if not self.fields[name].disabled}


class ParagraphTextForm(LanguagesSideBySide, forms.ModelForm):
    """Staff enter a decision paragraph's official text in each language, side by side, where it came from, and
    the notes."""

    seen = SeenField()

    class Meta:
        model = DecisionParagraph
        fields = [*language_fields("text"), "sources", "notes"]
        widgets = {name: forms.Textarea(attrs={"rows": 6}) for name in language_fields("text")}
        help_texts = {
            "sources": _("The document the text is copied from, e.g. UNEP/POPS/COP.5/36, annex I"),
            "notes": _("What is still in doubt; clear the doubt once the text is entered from the official source."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # None required: a text only as an official source gives it (the page above the form says so).
        label_language_fields(self, "text")
        self.fields["seen"].initial = self.instance.updated_at.isoformat()

    def _post_clean(self):
        pass  # the service checks the model and reports beside the fields

    def data_for_service(self):
        return {name: self.cleaned_data[name] for name in self.Meta.fields}
