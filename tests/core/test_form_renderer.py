"""`core.forms.PythonFormRenderer` (issue 13): a form's field templates (div.html, field.html, label.html, the
error list, input.html) written in Python give the same HTML as Django's templates, for every list page's filter
form and for the cases those forms do not show (hidden fields, fieldsets, help texts, errors of every kind), at a
fraction of the Python calls."""

import cProfile
import pstats

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils import translation

from tahub.assistance.forms import QueueFilterForm
from tahub.centres.forms import CentreFilterForm
from tahub.core.forms import FilterForm, PythonFormRenderer
from tahub.directory.forms import DirectoryFilterForm
from tahub.events.forms import CalendarFilterForm
from tahub.parties.forms import PartyFilterForm
from tahub.planning.forms import ActivityFilterForm, DecisionFilterForm

pytestmark = pytest.mark.django_db

DJANGO = DjangoTemplates()
FILTER_FORMS = [
    QueueFilterForm,
    CentreFilterForm,
    DirectoryFilterForm,
    CalendarFilterForm,
    PartyFilterForm,
    ActivityFilterForm,
    DecisionFilterForm,
]
WIDGETS = "django/forms/widgets"


class EveryCase(FilterForm):
    required_css_class = "required"
    error_css_class = "error"
    q = forms.CharField(label="Name <&\"'>", max_length=5, help_text="Part of a <b>name</b>")
    n = forms.IntegerField(label="How many?", required=False, widget=forms.NumberInput(attrs={"data-x": "<1>"}))
    when = forms.DateField(label="", required=False, widget=forms.DateInput(attrs={"type": "month"}))
    flag = forms.BooleanField(label="Only mine", required=False)
    choice = forms.ChoiceField(
        label="Pick", choices=[("a", "A & a"), ("b", "B")], widget=forms.RadioSelect, required=False
    )
    token = forms.CharField(widget=forms.HiddenInput, required=False)
    email = forms.EmailField(label="E-mail", required=False, label_suffix=" →")

    def clean(self):
        if self.cleaned_data.get("q") == "bad":
            raise forms.ValidationError(["Not this <one>.", "Nor that."])
        return self.cleaned_data


def _both(form_class, data):
    ours, django = form_class(data), form_class(data, renderer=DJANGO)
    assert isinstance(ours.renderer, PythonFormRenderer)
    return ours.as_div(), django.as_div()


def _data_sets(form_class):
    names = list(form_class.base_fields)
    return [
        None,
        {},
        {name: "" for name in names},
        {name: "zz-not-a-choice <x>" for name in names},
        {"state": "submitted", "region": "AFR", "overdue": "on", "month": "2026-07", "q": 'a "b" <c>'},
    ]


@pytest.mark.parametrize("form_class", FILTER_FORMS, ids=lambda c: c.__name__)
def test_every_filter_form_renders_as_djangos_templates(form_class):
    assert issubclass(form_class, FilterForm)
    for data in _data_sets(form_class):
        ours, django = _both(form_class, data)
        assert ours == django, data


@pytest.mark.parametrize("code", ["en", "fr", "ar"])
def test_every_case_renders_as_djangos_templates(code):
    cases = [
        None,
        {},
        {"q": "ok", "n": "3", "when": "2026-07", "flag": "on", "choice": "a", "token": "t<1>", "email": "a@b.org"},
        {"q": "far too long <x>", "n": "many", "choice": "z", "token": "x", "email": "no"},  # errors on fields
        {"q": "bad", "token": "y"},  # errors of the form (non-field)
    ]
    with translation.override(code):
        for data in cases:
            ours, django = _both(EveryCase, data)
            assert ours == django, data
    assert 'class="errorlist nonfield"' in _both(EveryCase, {"q": "bad"})[0]
    assert 'id="id_q_error"' in _both(EveryCase, {"q": "far too long"})[0]


def test_a_form_with_only_hidden_fields_renders_as_djangos_templates():
    class Hidden(FilterForm):
        a = forms.CharField(widget=forms.HiddenInput, required=False)

        def clean(self):
            raise forms.ValidationError("No.")

    for data in (None, {"a": "1"}):
        ours, django = _both(Hidden, data)
        assert ours == django


def test_the_input_widgets_written_are_the_ones_that_only_include_input_html():
    included = '{% include "django/forms/widgets/input.html" %}'
    for name in PythonFormRenderer.WRITTEN:
        if name.startswith(WIDGETS) and name != f"{WIDGETS}/input.html":
            assert DJANGO.get_template(name).template.source.strip() == included, name


def _calls(form):
    form.as_div()
    profiler = cProfile.Profile()
    profiler.enable()
    form.as_div()
    profiler.disable()
    return pstats.Stats(profiler).total_calls


def test_a_form_costs_a_fraction_of_djangos_templates():
    data = {"q": "far too long", "n": "3", "flag": "on", "token": "t"}
    ours, django = _calls(EveryCase(data)), _calls(EveryCase(data, renderer=DJANGO))
    assert ours * 2 < django  # measured: 3,633 against 11,645 (the radio buttons are still Django's templates)
    # The queue's filters: what is left is mostly its choices' queries and model instances.
    data = {"state": "submitted", "region": "AFR", "overdue": "on"}
    ours, django = _calls(QueueFilterForm(data)), _calls(QueueFilterForm(data, renderer=DJANGO))
    assert ours * 3 < django * 2  # measured: 8,270 against 13,525
