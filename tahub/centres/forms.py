from django import forms
from django.utils.translation import gettext_lazy as _

from tahub.assistance.forms import ProgrammeActivityForm
from tahub.core.forms import CodeChoiceField, FilterForm
from tahub.parties import selectors as party_selectors
from tahub.planning.models import Decision

from .models import Activity, Feedback, Nomination, WorkPlan


class CentreFilterForm(FilterForm):
    """The centres list's filter; a GET form, so it works without JavaScript."""

    region = CodeChoiceField(
        party_selectors.region_list, label=_("UN regional group"), required=False, empty_label=_("All regions")
    )

    def filters(self):
        """The valid filters only; a bad value is reported beside its field."""
        if not self.is_bound or not self.is_valid():
            return {}
        return {"region": self.cleaned_data.get("region") or None}


class WorkPlanForm(forms.ModelForm):
    class Meta:
        model = WorkPlan
        fields = [
            "start_year",
            "end_year",
            "objectives",
            "planned_activities",
            "parties_to_serve",
            "partners",
            "budget",
            "document",
        ]
        widgets = {
            name: forms.Textarea(attrs={"rows": 4})
            for name in ("objectives", "planned_activities", "parties_to_serve", "partners", "budget")
        }

    def clean(self):
        data = super().clean()
        if data.get("start_year") and data.get("end_year") and data["end_year"] < data["start_year"]:
            self.add_error("end_year", _("The period must end after it starts."))
        return data


class ActivityForm(forms.ModelForm, ProgrammeActivityForm):
    """One activity of a centre's report; it may name the programme activity it delivers by its reference
    ("2026/11"), read by the requests' one helper (`ProgrammeActivityForm.clean_programme_activity`)."""

    class Meta:
        model = Activity
        fields = [
            "title",
            "assistance_type",
            "start",
            "end",
            "parties_benefited",
            "themes",
            "partners",
            "budget",
            "currency",
            "evidence",
        ]
        widgets = {
            "start": forms.DateInput(attrs={"type": "date"}),
            "end": forms.DateInput(attrs={"type": "date"}),
            "themes": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, period=None, **kwargs):
        super().__init__(*args, **kwargs)
        if period is not None:  # the browser's date picker offers the report's period only (checked again)
            for name in ("start", "end"):
                self.fields[name].widget.attrs.update(min=period.start.isoformat(), max=period.end.isoformat())
                self.fields[name].help_text = _("Within the period of the report, %(start)s to %(end)s.") % {
                    "start": period.start.isoformat(),
                    "end": period.end.isoformat(),
                }

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", _("The activity must end after it starts."))
        return data


class FeedbackForm(forms.ModelForm):
    party = forms.ModelChoiceField(label=_("For the Party"), queryset=None)

    class Meta:
        model = Feedback
        fields = ["party", "rating", "comment"]
        widgets = {
            "rating": forms.RadioSelect(choices=[(i, str(i)) for i in range(5, 0, -1)]),
            "comment": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, parties, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["party"].queryset = parties


class ScoreForm(forms.Form):
    score = forms.IntegerField(label=_("Score"), min_value=0, required=True)
    comment = forms.CharField(label=_("Evaluator's comments"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class EvaluationStartForm(forms.Form):
    start = forms.DateField(label=_("Period from"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("Period until"), widget=forms.DateInput(attrs={"type": "date"}))


class ApproveWorkPlanForm(forms.Form):
    decision = forms.ModelChoiceField(
        label=_("Approved by decision"), queryset=Decision.objects.order_by("-year", "sort_key"), to_field_name="number"
    )


class NominationForm(forms.ModelForm):
    class Meta:
        model = Nomination
        fields = ["institution", "host_country", "city", "region", "dossier"]


class EndorseForm(forms.Form):
    """The COP's decision on a nomination or a renewal: which decision, and the first year of the term."""

    decision = forms.ModelChoiceField(
        label=_("Decision"),
        queryset=Decision.objects.order_by("-year", "sort_key"),
        to_field_name="number",
        required=False,
    )
    start_year = forms.IntegerField(label=_("First year of the term"), min_value=2001, max_value=2100, required=False)
    note = forms.CharField(
        label=_("Reason for not endorsing"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ReportReviewForm(forms.Form):
    """The Secretariat's decision on a submitted report: accept it, or return it for revision with a reason."""

    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("accept", _("Accept the report")), ("return", _("Return it to the centre for revision"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("What the centre should revise"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required to return the report; the centre's members receive it by e-mail."),
    )
