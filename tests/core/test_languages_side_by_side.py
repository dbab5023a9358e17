"""Staff forms show a translated field's languages side by side: one fieldset per field, its name the legend, one
labelled input per language inside (issue 14.3)."""

import pytest
from django.conf import settings
from lxml import html

from tahub.events.forms import EventForm
from tahub.planning.forms import ActivityForm, ObjectiveForm, ParagraphTextForm, PlanForm
from tahub.planning.models import DecisionParagraph

pytestmark = pytest.mark.django_db

LANGUAGES = [code.replace("-", "_") for code, _name in settings.LANGUAGES]


def _fieldsets(form):
    page = html.fromstring(f"<form>{form.as_div()}</form>")
    return {fs.findtext("legend"): fs for fs in page.iter("fieldset") if "languages" in fs.get("class", "")}


def _names(fieldset):
    return [element.get("name") for element in fieldset.iter("input", "textarea")]


def _paragraph_text_form():
    return ParagraphTextForm(instance=DecisionParagraph.objects.get(decision__number="SC-5/20", number="8"))


@pytest.mark.parametrize(
    ("new_form", "fields"),
    [
        (EventForm, {"Title": "title", "Description": "description"}),
        (ActivityForm, {"Title": "title"}),
        (PlanForm, {"Title": "title"}),
        (ObjectiveForm, {"Title": "title"}),
        (_paragraph_text_form, {"Text": "text"}),
    ],
)
def test_each_translated_field_is_one_fieldset_of_six_labelled_languages(new_form, fields):
    fieldsets = _fieldsets(new_form())
    assert set(fieldsets) == set(fields)
    for legend, field in fields.items():
        fieldset = fieldsets[legend]
        assert _names(fieldset) == [f"{field}_{code}" for code in LANGUAGES]
        labels = {label.get("for"): label.text_content().strip() for label in fieldset.iter("label")}
        names = [str(name) for _code, name in settings.LANGUAGES]
        assert [labels[e.get("id")] for e in fieldset.iter("input", "textarea")] == [
            f"{legend} ({name}):" for name in names
        ]  # each input labelled by its language
    if "Title" in fieldsets:  # a title is required in English; a paragraph's text only as a source gives it
        english = fieldsets["Title"].xpath(".//*[@name='title_en']")[0]
        assert english.get("required") is not None
        assert fieldsets["Title"].xpath(".//*[@name='title_fr']")[0].get("required") is None
    else:
        assert not fieldsets["Text"].xpath(".//*[@required]")


def test_the_other_fields_keep_their_place_outside_the_fieldsets():
    form = EventForm()
    page = html.fromstring(f"<form>{form.as_div()}</form>")
    outside = [e.get("name") for e in page.xpath("//input[not(ancestor::fieldset[@class='languages'])]")]
    assert "slug" in outside and "title_en" not in outside
    order = [legend or group[0].name for legend, group in form.field_groups()]
    assert order.index("slug") < order.index("Title") < order.index("Description") < order.index("time_zone")
