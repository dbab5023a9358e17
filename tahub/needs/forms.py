import re

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tahub.core.uploads import DocumentValidator
from tahub.directory.models import Organisation
from tahub.parties.models import Party, Region
from tahub.parties.selectors import party_list
from tahub.vocabularies.models import AssistanceType

from . import selectors, services
from .models import Level, Question, Questionnaire
from .selectors import respondents
from .services.answering import LANGUAGES, MAX_RANK

LANGUAGE_NAMES = {"ar": _("Arabic"), "zh": _("Chinese"), "en": _("English"), "fr": _("French"),
                  "ru": _("Russian"), "es": _("Spanish")}  # fmt: skip
MAX_WORKBOOK_BYTES = 5 * 1024 * 1024


def _vocabulary_choices():
    return {
        Question.Kind.OFFER: list(AssistanceType.objects.values_list("slug", "name")),
        Question.Kind.REGIONS: list(Region.objects.values_list("code", "name")),
        Question.Kind.LANGUAGES: [(code, LANGUAGE_NAMES[code]) for code in LANGUAGES],
    }


def _field(question, choices, readonly):
    Kind, kind = Question.Kind, question.kind
    if kind == Kind.LEVEL:
        field = forms.ChoiceField(choices=[("", "—"), *Level.choices], required=False)
    elif kind == Kind.RANK:
        field = forms.IntegerField(min_value=1, max_value=MAX_RANK, required=False)
    elif kind in (Kind.TEXT, Kind.SUPPORT):
        field = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False, max_length=20000)
    else:
        options = choices.get(kind) or [(c["code"], c["label"]) for c in question.options.get("choices", [])]
        field = forms.MultipleChoiceField(choices=options, widget=forms.CheckboxSelectMultiple, required=False)
    field.label, field.disabled = question.label, readonly
    return field


def amount_years(question, years=None):
    """The years an amounts question asks for: the cycle's period (`years`) when it has one, else the years the
    questionnaire file names."""
    return list(years or question.options.get("years", []))


def section_title(title, questions, years=None):
    """A section's title with the period the questionnaire file names ("… next period (2026-2029)") replaced by
    the cycle's (`years`), when the section asks amounts for those years."""
    asked = next((q.options.get("years") for q in questions if q.kind == Question.Kind.AMOUNTS), None)
    if not (asked and years):
        return title
    period = re.compile(rf"\b{asked[0]}\s*[-–—]\s*{asked[-1]}\b")
    return period.sub(f"{years[0]}-{years[-1]}", title)


class QuestionnaireForm(forms.Form):
    """One field per question, named by its code (an amounts question: one per year and source, named
    code__year__source, the years those of the cycle's period); all optional here: completeness is checked on
    submit. `version` is the response's version the person started from: a save from an older one is refused,
    not written over a colleague's."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)

    def __init__(self, *args, questions, values=None, readonly=False, version=0, years=None, **kwargs):
        values = values or {}
        super().__init__(*args, initial={"version": version}, **kwargs)
        self.questions, self.years = questions, years
        choices = _vocabulary_choices()
        for question in questions:
            value = values.get(question.code)
            if question.kind != Question.Kind.AMOUNTS:
                self.fields[question.code] = _field(question, choices, readonly)
                self.fields[question.code].initial = value
                continue
            amounts = {(a["year"], a["source"]): a["amount"] for a in value or []}
            for year in amount_years(question, years):
                for source in question.options["sources"]:
                    widget = forms.NumberInput(attrs={"step": "0.01", "min": "0"})
                    field = forms.DecimalField(
                        min_value=0, max_digits=14, decimal_places=2, required=False, widget=widget
                    )
                    field.label = f"{year} — {source['label']}"
                    field.initial, field.disabled = amounts.get((year, source["code"])), readonly
                    self.fields[f"{question.code}__{year}__{source['code']}"] = field

    def answers(self):
        """cleaned_data → {code: value} for services.save_answers."""
        data, answers = self.cleaned_data, {}
        for question in self.questions:
            if question.kind != Question.Kind.AMOUNTS:
                answers[question.code] = data.get(question.code)
                continue
            answers[question.code] = [
                {"year": year, "source": source["code"], "amount": amount}
                for year in amount_years(question, self.years)
                for source in question.options["sources"]
                if (amount := data.get(f"{question.code}__{year}__{source['code']}")) is not None
            ]
        return answers

    def add_service_errors(self, error):
        """A service's ValidationError on the form: a message naming an amounts question goes to its first cell
        (so the error summary links to its grid), the others as `core.forms.add_service_errors` puts them."""
        if hasattr(error, "error_dict"):
            amounts = {q.code: q for q in self.questions if q.kind == Question.Kind.AMOUNTS}
            for code, messages in error.message_dict.items():
                cells = self.fields_of(amounts[code]) if code in amounts else []
                self.add_error(cells[0].name if cells else (code if code in self.fields else None), messages)
            return
        self.add_error(None, error)

    def section_fields(self, sections):
        """[(section title, [(question, [bound fields], grid or None)], number of errors, open)] for the template,
        in the questionnaire's order; `grid` (amounts questions): (source labels, [(year, [bound field per
        source])]). The title names the cycle's period; a section is shown open when it has errors, else (no
        error anywhere) the first one is, so that the page starts short."""
        shown = []
        for title, questions in sections:
            items = [(q, self.fields_of(q), self.grid(q)) for q in questions]
            problems = sum(len(field.errors) for _question, fields, _grid in items for field in fields)
            shown.append([section_title(title, questions, self.years), items, problems, bool(problems)])
        if shown and not any(problems for _title, _items, problems, _open in shown):
            shown[0][3] = True
        return [tuple(section) for section in shown]

    def grid(self, question):
        if question.kind != Question.Kind.AMOUNTS:
            return None
        sources = question.options["sources"]
        rows = [(year, [self[f"{question.code}__{year}__{source['code']}"] for source in sources])
                for year in amount_years(question, self.years)]  # fmt: skip
        return [source["label"] for source in sources], rows

    def fields_of(self, question):
        if question.kind != Question.Kind.AMOUNTS:
            return [self[question.code]]
        return [self[name] for name in self.fields if name.startswith(question.code + "__")]

    def error_summary(self):
        """[(anchor or None, what, message)] for the summary at the top of the page: the form's own errors, then
        each field with an error in the page's order, linked to the field."""
        items = [(None, "", message) for message in self.non_field_errors()]
        labels = {q.code: q.label for q in self.questions}
        for name, errors in self.errors.items():
            if name == "__all__":
                continue
            bound = self[name]
            code = name.split("__")[0]
            what = labels.get(name) or f"{labels.get(code, '')} ({bound.label})"
            items += [(bound.auto_id, what, message) for message in errors]
        return items


class CycleForm(forms.Form):
    slug = forms.SlugField(label=_("Code"), help_text=_("For example: needs-2026"))
    title = forms.CharField(label=_("Title"), max_length=300)
    period = forms.CharField(label=_("Period covered"), max_length=40, help_text=_("For example: 2026-2029"))
    deadline = forms.DateField(label=_("Deadline (Part I: needs)"), help_text=_("For example: 2026-09-30"))
    funding_deadline = forms.DateField(
        label=_("Deadline (Part II: funding needs)"), required=False, help_text=_("Empty: as Part I")
    )
    questionnaire = forms.ModelChoiceField(
        label=_("Questionnaire"), queryset=Questionnaire.objects.filter(kind=Questionnaire.Kind.NEEDS)
    )
    offers_questionnaire = forms.ModelChoiceField(
        label=_("Offers questionnaire"),
        queryset=Questionnaire.objects.filter(kind=Questionnaire.Kind.OFFERS),
        required=False,
        help_text=_("Sent to developed-country Parties and the organisations of the directory"),
    )
    offers_deadline = forms.DateField(label=_("Deadline (offers)"), required=False, help_text=_("Empty: as Part I"))
    invited = forms.ModelMultipleChoiceField(
        label=_("Parties invited to answer the needs questionnaire"),
        queryset=Party.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Ticked by default: every eligible Party (developing countries and economies in transition)"),
    )
    offers_parties = forms.ModelMultipleChoiceField(
        label=_("Parties invited to offer assistance"),
        queryset=Party.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Ticked by default: the developed-country Parties"),
    )
    offers_organisations = forms.ModelMultipleChoiceField(
        label=_("Organisations invited to offer assistance"),
        queryset=Organisation.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Ticked by default: the IGOs, UN bodies, regional centres and partners of the directory"),
    )

    SCHEDULE = ("period", "deadline", "funding_deadline", "offers_deadline")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        parties = party_list()
        self.fields["invited"].queryset = parties
        self.fields["offers_parties"].queryset = parties
        self.fields["offers_organisations"].queryset = Organisation.objects.order_by("name")

    def schedule_to_check(self):
        """Whether the period and deadlines are checked (a new cycle: always)."""
        return True

    def clean(self):
        data = super().clean()
        if self.schedule_to_check() and not any(name in self.errors for name in self.SCHEDULE):
            errors = services.schedule_errors(
                **{name: data.get(name) for name in self.SCHEDULE}, today=timezone.localdate()
            )
            for name, message in errors.items():
                self.add_error(name, message)
        return data

    @classmethod
    def defaults(cls):
        """The initial invitees of a new cycle."""
        offers_parties, offers_organisations = respondents.default_offer_invitees()
        return {
            "invited": list(selectors.eligible_parties().values_list("pk", flat=True)),
            "offers_parties": list(offers_parties.values_list("pk", flat=True)),
            "offers_organisations": list(offers_organisations.values_list("pk", flat=True)),
        }


class CycleEditForm(CycleForm):
    """A cycle changed before its first deadline: everything but its code; `version` is the one read."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["slug"]

    def schedule_to_check(self):
        """Only when the period or a deadline is changed (pass the cycle's values as `initial`): a cycle opened
        earlier keeps what it was opened with."""
        return any(name in self.changed_data for name in self.SCHEDULE)

    @staticmethod
    def initial_for(cycle):
        fields = ("title", "period", "deadline", "funding_deadline", "offers_deadline", "version")
        return {
            **{name: getattr(cycle, name) for name in fields},
            "questionnaire": cycle.questionnaire_id,
            "offers_questionnaire": cycle.offers_questionnaire_id,
            "invited": [p.pk for p in cycle.invited.all()],
            "offers_parties": [p.pk for p in cycle.offers_invited_parties.all()],
            "offers_organisations": [o.pk for o in cycle.offers_invited_organisations.all()],
        }


class WorkbookUploadForm(forms.Form):
    workbook = forms.FileField(
        label=_("Filled workbook (.xlsx)"),
        validators=[DocumentValidator((".xlsx",), MAX_WORKBOOK_BYTES)],
        help_text=_("The workbook downloaded from this page, at most 5 MB."),
    )


class ReopenRequestForm(forms.Form):
    reason = forms.CharField(
        label=_("Why should the Secretariat reopen this response?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: our Part II amounts were revised by the ministry of finance."),
    )


class DeclineReopenForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is the request declined?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("E-mailed to the person who asked. For example: the results were published on 3 March."),
    )
