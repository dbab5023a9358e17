"""Every workflow transition says who may take it: a permission (`permission=on_object(...)`, asked by
core.workflow.move), or it is one of the few taken without a signed-in person, each named here with who takes
it. A new transition without either fails this test."""

from types import SimpleNamespace

import pytest
from django.apps import apps
from django_fsm import FSMFieldMixin

from tahub.core.rules import on_object

# Taken by no signed-in person: the holder of a private link, or the system.
WITHOUT_A_PERSON = {
    ("directory.listingrequest", "answer"): "the requester, by the private link",
    ("observers.observerapplication", "answer"): "the applicant, by the private link",
    ("events.registration", "cancel_by_participant"): "the participant, by the private link",
    ("events.registration", "promote"): "the system, when a place is freed",
}


def _transitions():
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if isinstance(field, FSMFieldMixin):
                for transition in field.get_all_transitions(model):
                    yield model, transition


def test_every_transition_declares_a_permission_or_who_takes_it_without_one():
    missing, declared_but_listed = [], []
    for model, transition in _transitions():
        key = (model._meta.label_lower, transition.name)
        if transition.permission is None and key not in WITHOUT_A_PERSON:
            missing.append(key)
        if transition.permission is not None and key in WITHOUT_A_PERSON:
            declared_but_listed.append(key)
        if transition.permission is not None:
            assert isinstance(transition.permission, on_object), key  # asked on the object, never without it
    assert missing == [] and declared_but_listed == []


def test_each_transition_taken_without_a_person_exists():
    found = {(model._meta.label_lower, t.name) for model, t in _transitions()}
    assert set(WITHOUT_A_PERSON) <= found


def test_a_permission_granted_on_a_related_object_is_asked_on_it():
    centre = SimpleNamespace(name="centre")
    report = SimpleNamespace(centre=centre, period=SimpleNamespace(centre=centre))
    assert on_object("centres.report_activities").target(report) is report
    assert on_object("centres.report_activities", of="centre").target(report) is centre
    assert on_object("centres.report_activities", of="period.centre").target(report) is centre
    assert repr(on_object("x.y", of="centre")) == "on_object('x.y', of='centre')"


@pytest.mark.django_db
def test_the_permission_is_asked_of_the_related_object():
    from tahub.centres.models import RegionalCentre, WorkPlan
    from tests.accounts import cast

    centre = RegionalCentre.objects.select_related("organisation").get(code="scrc-kenya")
    plan = WorkPlan(centre=centre, start_year=2026, end_year=2029)
    submit = on_object("centres.report_activities", of="centre")
    assert submit(plan, cast.member("staff@icipe.example", centre.organisation))
    assert not submit(plan, cast.member("x@unitar.example", cast.Organisation.objects.get(slug="unitar")))
