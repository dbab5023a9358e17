"""The filter forms' select (`tahub.core.forms.Select`, issue 13): Django's HTML, at ~16 Python calls an option.

Django's own select renders each option through two included templates (~290 calls an option: the directory's
filter form cost ~23,600 calls a page); ours writes the same HTML in Python. These tests compare the two
byte for byte on every list page's filter form, and bound the cost of each option."""

import cProfile
import pstats

import pytest
from django import forms
from django.utils.safestring import mark_safe

from tahub.assistance.forms import QueueFilterForm
from tahub.centres.forms import CentreFilterForm
from tahub.core.forms import Select
from tahub.directory.forms import DirectoryFilterForm
from tahub.events.forms import CalendarFilterForm
from tahub.parties.forms import PartyFilterForm
from tahub.planning.forms import ActivityFilterForm, DecisionFilterForm

FILTER_FORMS = [
    QueueFilterForm,
    CentreFilterForm,
    DirectoryFilterForm,
    CalendarFilterForm,
    PartyFilterForm,
    ActivityFilterForm,
    DecisionFilterForm,
]


def as_django(form):
    """The same bound form with Django's own select on every field that uses ours."""
    for field in form.fields.values():
        if type(field.widget) is Select:
            field.widget.__class__ = forms.Select
    return form


CHOICES = [
    ("", "All"),
    ("a&b", 'Quotes " and <tags>'),
    (3, mark_safe("<em>safe</em>")),  # noqa: S308 (a test of safe labels)
    ("Group <1>", [("x", "Ex"), ("y", "Why")]),
    ("z", "Zed"),
]


@pytest.mark.parametrize("value", [None, "", "a&b", 3, "3", "y", "missing", ["z", "x"]])
@pytest.mark.parametrize(
    "attrs", [None, {"id": "id_f", "required": True, "aria-invalid": "true", "disabled": False, "data-x": 'a"b'}]
)
def test_same_html_as_djangos_select(value, attrs):
    ours = Select(choices=CHOICES, attrs={"class": "c"}).render("f", value, attrs)
    django = forms.Select(choices=CHOICES, attrs={"class": "c"}).render("f", value, attrs)
    assert ours == django
    assert "selected" in ours or value in (None, "missing")


@pytest.mark.django_db
@pytest.mark.parametrize("form_class", FILTER_FORMS)
def test_every_filter_form_renders_as_with_djangos_select(form_class):
    form = form_class()
    data = {}
    for name, field in form.fields.items():
        choices = list(getattr(field, "choices", []))
        if len(choices) > 1:
            data[name] = str(choices[-1][0])
    data["region"] = "nowhere"  # an invalid value: its error beside the field, aria-invalid on the select
    ours = form_class(data).as_div()
    assert ours == as_django(form_class(data)).as_div()
    assert ours.count("<select") == sum(type(field.widget) is Select for field in form.fields.values())


@pytest.mark.django_db
@pytest.mark.parametrize("form_class", FILTER_FORMS)
def test_every_select_of_a_filter_form_is_ours(form_class):
    plain = [name for name, field in form_class().fields.items() if type(field.widget) is forms.Select]
    assert plain == [], f"{form_class.__name__}: use tahub.core.forms.Select for {plain}"


def calls(widget):
    profiler = cProfile.Profile()
    profiler.enable()
    widget.render("f", "7")
    profiler.disable()
    return pstats.Stats(profiler).total_calls


def test_each_option_costs_a_few_python_calls():
    few = [(str(i), f"Option {i}") for i in range(20)]
    many = [(str(i), f"Option {i}") for i in range(220)]
    per_option = (calls(Select(choices=many)) - calls(Select(choices=few))) / 200
    assert per_option < 20, f"{per_option:.1f} calls an option"  # measured: 16 (two escapes of five replaces)
    django = (calls(forms.Select(choices=many)) - calls(forms.Select(choices=few))) / 200
    assert django > 10 * per_option  # what it replaces: ~290 calls an option here
