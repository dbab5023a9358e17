"""Every write of the plan and the programme of work: plans, objectives, bienniums, programme activities and
decision paragraphs. Each runs in one transaction, checks the permission and records a dotted audit reason.

An activity is edited against the version the editor saw: if someone saved it meanwhile, the edit is refused
with a message instead of silently overwriting theirs.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from tahub.accounts.rules import require
from tahub.core import workflow
from tahub.core.workflow import lock_at_version

from .models import Biennium, DecisionParagraph, Objective, ProgrammeActivity, TAPlan

EDIT = "planning.change_programme"

ACTIVITY_M2M = ("conventions", "legal_basis", "themes", "regions", "countries", "partners")


def _split(data, m2m):
    return {k: v for k, v in data.items() if k not in m2m}, {k: v for k, v in data.items() if k in m2m}


def _save(obj, reason):
    obj.full_clean()
    obj._change_reason = reason
    obj.save()
    return obj


def _set_m2m(obj, relations):
    for name, values in relations.items():
        getattr(obj, name).set(values or [])


def _check_activity(fields, relations):
    """The rules a form cannot express alone: a convention at least; a title; the objective of the biennium's plan."""
    errors = {}
    if "conventions" in relations and not relations["conventions"]:
        errors["conventions"] = _("Choose at least one convention.")
    if "title" in fields and not fields["title"].strip():
        errors["title"] = _("Give the activity a title.")
    objective, biennium = fields.get("objective"), fields.get("biennium")
    if objective and biennium and biennium.plan_id and objective.plan_id != biennium.plan_id:
        errors["objective"] = _("Choose an objective of the plan %(plan)s, which the biennium belongs to.") % {
            "plan": biennium.plan.period
        }
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def create_activity(*, by, data):
    """Staff add an activity to a biennium's programme of work, with its legal basis, themes, regions, partners."""
    require(by, EDIT)
    fields, relations = _split(data, ACTIVITY_M2M)
    _check_activity(fields, relations)
    activity = _save(ProgrammeActivity(**fields), "planning.activity.created")
    _set_m2m(activity, relations)
    return activity


@transaction.atomic
def update_activity(activity, *, by, data, version):
    """Staff edit an activity; refused if it changed since `version` (the version the editor saw)."""
    require(by, EDIT)
    activity = lock_at_version(ProgrammeActivity, activity, version, by=by)
    activity._history_user = by  # named in a later stale refusal, also when the edit came by API token
    fields, relations = _split(data, ACTIVITY_M2M)
    _check_activity({"biennium": activity.biennium, **fields}, relations)
    for name, value in fields.items():
        setattr(activity, name, value)
    activity.version += 1
    _save(activity, "planning.activity.edited")
    _set_m2m(activity, relations)
    return activity


def _locked_unchanged(model, obj, seen, by):
    """The row, locked; refused (Stale: who changed what, when) if it was saved after `seen` (its `updated_at`
    when the editor loaded it)."""
    obj = model.objects.select_for_update().get(pk=obj.pk)
    if seen is not None and _to_milliseconds(obj.updated_at) != _to_milliseconds(seen):
        raise workflow.stale(obj, by=by, since=_to_milliseconds(seen) + datetime.timedelta(microseconds=999))
    return obj


def _to_milliseconds(moment):
    """The API's JSON gives times to the millisecond (Django's encoder): compare at that precision."""
    return moment.replace(microsecond=moment.microsecond // 1000 * 1000)


def _save_objectives(plan, objectives):
    """Objectives given as dicts; one whose `number` the plan already has is edited, others are added."""
    existing = {o.number: o for o in plan.objectives.all()}
    numbers = [o["number"] for o in objectives]
    if len(numbers) != len(set(numbers)):
        raise ValidationError({"objectives": _("Two objectives have the same number.")})
    for values in objectives:
        objective = existing.get(values["number"])
        if objective is None:
            _save(Objective(plan=plan, **values), "planning.objective.created")
        elif any(getattr(objective, k) != v for k, v in values.items()):
            for name, value in values.items():
                setattr(objective, name, value)
            _save(objective, "planning.objective.edited")


@transaction.atomic
def create_plan(*, by, data, objectives=()):
    """Staff record a four-year plan (its last year follows from its first) with its objectives."""
    require(by, EDIT)
    data = {"end_year": data["start_year"] + 3, **data}  # a given end year is checked by the model
    plan = _save(TAPlan(**data), "planning.plan.created")
    _save_objectives(plan, objectives)
    return plan


@transaction.atomic
def update_plan(plan, *, by, data, objectives=(), seen=None):
    """Staff edit a plan and its objectives; refused if the plan was saved since `seen`. The first year is fixed."""
    require(by, EDIT)
    plan = _locked_unchanged(TAPlan, plan, seen, by)
    plan._history_user = by
    for name, value in data.items():
        if name not in ("start_year", "end_year"):
            setattr(plan, name, value)
    _save(plan, "planning.plan.edited")
    _save_objectives(plan, objectives)
    return plan


@transaction.atomic
def create_objective(*, by, data):
    require(by, EDIT)
    return _save(Objective(**data), "planning.objective.created")


@transaction.atomic
def create_biennium(*, by, data):
    """Staff open a biennium of the programme of work (its last year follows from its first)."""
    require(by, EDIT)
    data = {"end_year": data["start_year"] + 1, **data}  # a given end year is checked by the model
    return _save(Biennium(**data), "planning.biennium.created")


@transaction.atomic
def update_biennium(biennium, *, by, data, seen=None):
    """Staff edit a biennium's plan, budget decision and notes; refused if saved since `seen`."""
    require(by, EDIT)
    biennium = _locked_unchanged(Biennium, biennium, seen, by)
    biennium._history_user = by
    for name, value in data.items():
        if name not in ("start_year", "end_year"):
            setattr(biennium, name, value)
    return _save(biennium, "planning.biennium.edited")


@transaction.atomic
def add_paragraph(*, by, data):
    """Staff record a paragraph of a decision (its text only as a source gives it)."""
    require(by, EDIT)
    return _save(DecisionParagraph(**data), "planning.paragraph.added")


PARAGRAPH_TEXT_FIELDS = ("text_en", "text_fr", "sources", "notes")


@transaction.atomic
def update_paragraph_text(paragraph, *, by, data, seen=None):
    """Staff who hold the official text enter or correct a paragraph's text per language, its sources and notes
    (e.g. to lift the doubt once the text is entered); refused if the paragraph was saved since `seen`. Its
    decision, number and whether it asks for assistance are reference data, not changed here."""
    require(by, EDIT)
    paragraph = _locked_unchanged(DecisionParagraph, paragraph, seen, by)
    paragraph._history_user = by
    changes = {name: data[name].strip() for name in PARAGRAPH_TEXT_FIELDS if name in data}
    for name, value in changes.items():
        setattr(paragraph, name, value)
    return _save(paragraph, "planning.paragraph.text_edited")  # reference.py keeps what carries this reason
