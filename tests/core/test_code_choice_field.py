"""`core.forms.CodeChoiceField` (issues 13 and 19): a filter's choice among reference rows by their code.

Its options are the rows' codes and labels read as values once a form, where a ModelChoiceField built a model
instance an option at each render and asked the database again for the chosen one. These tests check that it
shows what a ModelChoiceField over the same rows showed (options, order, labels in the reader's language with
the instances' fallbacks, the same HTML and the same message for a bad code) at one query a form at most."""

import pytest
from django import forms
from django.utils import translation

from tahub.assistance.forms import QueueFilterForm
from tahub.centres.forms import CentreFilterForm
from tahub.centres.models import RegionalCentre
from tahub.core.forms import CodeChoiceField, FilterForm, Select
from tahub.directory.forms import DirectoryFilterForm
from tahub.events.forms import CalendarFilterForm
from tahub.parties import selectors as party_selectors
from tahub.parties.forms import PartyFilterForm
from tahub.parties.models import Region
from tahub.planning.forms import DecisionFilterForm

pytestmark = pytest.mark.django_db

FILTER_FORMS = [
    QueueFilterForm,
    CentreFilterForm,
    DirectoryFilterForm,
    CalendarFilterForm,
    PartyFilterForm,
    DecisionFilterForm,
]
INVALID = forms.ModelChoiceField.default_error_messages["invalid_choice"]


def centres():
    return RegionalCentre.objects.order_by("name_en")


class Ours(FilterForm):
    centre = CodeChoiceField(centres, label="Centre", required=False, empty_label="All centres")


class Djangos(FilterForm):
    centre = forms.ModelChoiceField(
        centres(), to_field_name="code", label="Centre", required=False, empty_label="All centres", widget=Select
    )


@pytest.fixture
def kenya_in_french():
    """One centre with its French name, the others with their English one only (as the reference data)."""
    centre = RegionalCentre.objects.get(code="scrc-kenya")
    centre.name_fr = "Centre régional de la Convention de Stockholm au Kenya"
    centre.save()
    return centre


def test_the_options_are_the_rows_codes_and_labels_in_order():
    field = PartyFilterForm().fields["region"]
    regions = [(region.code, str(region)) for region in Region.objects.order_by("code")]
    assert list(field.choices) == [("", "All regions"), *regions]


@pytest.mark.parametrize("code", ["fr", "ar"])
def test_the_labels_are_the_readers_language_with_the_instances_fallbacks(kenya_in_french, code):
    with translation.override(code):
        labels = dict(Ours().fields["centre"].choices)
        assert list(labels.items())[1:] == [(centre.code, str(centre)) for centre in centres()]
    expected = "Centre régional de la Convention de Stockholm au Kenya" if code == "fr" else kenya_in_french.name_en
    assert labels["scrc-kenya"] == expected
    assert labels["scrc-brazil"] == RegionalCentre.objects.get(code="scrc-brazil").name_en  # no French: English


@pytest.mark.parametrize("code", ["en", "fr", "ar"])
@pytest.mark.parametrize("data", [None, {}, {"centre": ""}, {"centre": "scrc-kenya"}, {"centre": "nowhere <x>"}])
def test_the_same_html_as_a_model_choice_field(kenya_in_french, code, data):
    with translation.override(code):
        assert Ours(data).as_div() == Djangos(data).as_div()


@pytest.mark.parametrize("form_class", FILTER_FORMS, ids=lambda c: c.__name__)
@pytest.mark.parametrize("code", ["fr", "ar"])
def test_every_filter_forms_rows_are_those_a_model_choice_field_showed(form_class, code):
    with translation.override(code):
        form = form_class()
        fields = {name: f for name, f in form.fields.items() if isinstance(f, CodeChoiceField)}
        assert fields, f"{form_class.__name__} chooses among no rows"
        for field in fields.values():
            rows = field.queryset()
            shown = [(getattr(row, field.code_field), str(row)) for row in rows]
            assert list(field.choices) == [("", field.empty_label), *shown]


@pytest.mark.parametrize(("value", "cleaned"), [("scrc-kenya", "scrc-kenya"), ("", "")])
def test_cleans_to_the_code(value, cleaned):
    form = Ours({"centre": value})
    assert form.is_valid()
    assert form.cleaned_data == {"centre": cleaned}


@pytest.mark.parametrize("bad", ["nowhere", "SCRC-KENYA", "scrc-kenya ", "0"])
def test_a_code_not_among_the_rows_is_refused_with_model_choice_fields_message(bad):
    form = Ours({"centre": bad})
    assert not form.is_valid()
    assert form.errors == {"centre": [str(INVALID)]}
    assert form.errors.as_data()["centre"][0].code == "invalid_choice"


def test_one_query_a_form_at_most(django_assert_num_queries):
    with django_assert_num_queries(0):
        form = Ours({"centre": ""})  # an empty choice is valid without the rows
        assert form.is_valid()
    with django_assert_num_queries(1):
        form = Ours({"centre": "scrc-kenya"})
        assert form.is_valid()
        form.as_div()
        form.as_div()


def test_the_rows_are_read_again_by_each_form():
    assert "new-centre" not in dict(Ours().fields["centre"].choices)
    RegionalCentre.objects.filter(code="scrc-kenya").update(code="new-centre")
    assert "new-centre" in dict(Ours().fields["centre"].choices)


def test_nothing_is_read_when_a_form_class_is_made(django_assert_num_queries):
    with django_assert_num_queries(0):

        class Regions(FilterForm):
            region = CodeChoiceField(party_selectors.region_list(), required=False)
            also = CodeChoiceField(party_selectors.region_list, required=False)

    with django_assert_num_queries(2):
        assert Regions().as_div().count('<option value="AFR">African States</option>') == 2
