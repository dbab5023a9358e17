"""Every write of the plan and the programme of work: plans, objectives, bienniums, programme activities and
decision paragraphs. Each runs in one transaction, checks the permission and records a dotted audit reason.

An activity is edited against the version the editor saw: if someone saved it meanwhile, the edit is refused
with a message instead of silently overwriting theirs.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from tahub.core import workflow
from tahub.core.rules import require
from tahub.core.translated import in_english, language_fields
from tahub.core.workflow import lock_at_version

from .models import Biennium, DecisionParagraph, Objective, ProgrammeActivity, TAPlan

if TYPE_CHECKING:
    from tahub.accounts.models import User
    from tahub.core.models import DomainModel

M = TypeVar("M", bound="DomainModel")

EDIT = "planning.change_programme"

ACTIVITY_M2M = ("conventions", "legal_basis", "themes", "regions", "countries", "partners")


def _split(data: dict[str, Any], m2m: tuple[str, ...]) -> tuple[dict[str, Any], dict[str, Any]]:
    return {k: v for k, v in data.items() if k not in m2m}, {k: v for k, v in data.items() if k in m2m}


def _save(obj: M, reason: str) -> M:
    obj.full_clean()
    obj._change_reason = reason
    obj.save()
    return obj


def _set_m2m(obj: ProgrammeActivity, relations: dict[str, Any]) -> None:
    for name, values in relations.items():
        getattr(obj, name).set(values or [])


def _check_activity(fields: dict[str, Any], relations: dict[str, Any]) -> None:
    """The rules a form cannot express alone: a convention at least; a title; the objective of the biennium's plan."""
    errors: dict[str, Any] = {}
    if "conventions" in relations and not relations["conventions"]:
        errors["conventions"] = _("Choose at least one convention.")
    for name in ("title", "title_en"):
        if name in fields and not (fields[name] or "").strip():
            errors[name] = _("Give the activity a title.")
    objective, biennium = fields.get("objective"), fields.get("biennium")
    if objective and biennium and biennium.plan_id and objective.plan_id != biennium.plan_id:
        errors["objective"] = _("Choose an objective of the plan %(plan)s, which the biennium belongs to.") % {
            "plan": biennium.plan.period
        }
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def create_activity(*, by: User, data: dict[str, Any]) -> ProgrammeActivity:
    """Staff add an activity to a biennium's programme of work, with its legal basis, themes, regions, partners."""
    require(by, EDIT)
    fields, relations = _split(data, ACTIVITY_M2M)
    _check_activity(fields, relations)
    activity = _save(ProgrammeActivity(**in_english(fields, "title")), "planning.activity.created")
    _set_m2m(activity, relations)
    return activity


@transaction.atomic
def update_activity(activity: ProgrammeActivity, *, by: User, data: dict[str, Any], version: int) -> ProgrammeActivity:
    """Staff edit an activity; refused if it changed since `version` (the version the editor saw)."""
    require(by, EDIT)
    activity = lock_at_version(ProgrammeActivity, activity, version, by=by)
    activity._history_user = by  # named in a later stale refusal, also when the edit came by API token
    fields, relations = _split(data, ACTIVITY_M2M)
    _check_activity({"biennium": activity.biennium, **fields}, relations)
    for name, value in in_english(fields, "title").items():
        setattr(activity, name, value)
    activity.version += 1
    _save(activity, "planning.activity.edited")
    _set_m2m(activity, relations)
    return activity


def _locked_unchanged(model: type[M], obj: M, seen: datetime.datetime | None, by: User) -> M:
    """The row, locked; refused (Stale: who changed what, when) if it was saved after `seen` (its `updated_at`
    when the editor loaded it)."""
    obj = model._default_manager.select_for_update().get(pk=obj.pk)
    if seen is not None and _to_milliseconds(obj.updated_at) != _to_milliseconds(seen):
        raise workflow.stale(obj, by=by, since=_to_milliseconds(seen) + datetime.timedelta(microseconds=999))
    return obj


def _to_milliseconds(moment: datetime.datetime) -> datetime.datetime:
    """The API's JSON gives times to the millisecond (Django's encoder): compare at that precision."""
    return moment.replace(microsecond=moment.microsecond // 1000 * 1000)


def _differs(stored: Any, given: Any) -> bool:
    """A language's text column may hold NULL where a form gives "": both mean no text, not an edit."""
    return (stored if stored is not None else "") != (given if given is not None else "")


def _save_objectives(plan: TAPlan, objectives: Iterable[dict[str, Any]]) -> None:
    """Objectives given as dicts; one whose `number` the plan already has is edited, others are added."""
    existing = {o.number: o for o in plan.objectives.all()}
    numbers = [o["number"] for o in objectives]
    if len(numbers) != len(set(numbers)):
        raise ValidationError({"objectives": _("Two objectives have the same number.")})
    for values in objectives:
        values = in_english(values, "title")  # "title" is the English one, whatever language the page is in
        objective = existing.get(values["number"])
        if objective is None:
            _save(Objective(plan=plan, **values), "planning.objective.created")
        elif any(_differs(getattr(objective, k), v) for k, v in values.items()):
            for name, value in values.items():
                setattr(objective, name, value)
            _save(objective, "planning.objective.edited")


@transaction.atomic
def create_plan(*, by: User, data: dict[str, Any], objectives: Iterable[dict[str, Any]] = ()) -> TAPlan:
    """Staff record a four-year plan (its last year follows from its first) with its objectives."""
    require(by, EDIT)
    data = {"end_year": data["start_year"] + 3, **data}  # a given end year is checked by the model
    plan = _save(TAPlan(**in_english(data, "title")), "planning.plan.created")
    _save_objectives(plan, objectives)
    return plan


@transaction.atomic
def update_plan(
    plan: TAPlan,
    *,
    by: User,
    data: dict[str, Any],
    objectives: Iterable[dict[str, Any]] = (),
    seen: datetime.datetime | None = None,
) -> TAPlan:
    """Staff edit a plan and its objectives; refused if the plan was saved since `seen`. The first year is fixed."""
    require(by, EDIT)
    plan = _locked_unchanged(TAPlan, plan, seen, by)
    plan._history_user = by
    for name, value in in_english(data, "title").items():
        if name not in ("start_year", "end_year"):
            setattr(plan, name, value)
    _save(plan, "planning.plan.edited")
    _save_objectives(plan, objectives)
    return plan


@transaction.atomic
def create_objective(*, by: User, data: dict[str, Any]) -> Objective:
    require(by, EDIT)
    return _save(Objective(**in_english(data, "title")), "planning.objective.created")


@transaction.atomic
def create_biennium(*, by: User, data: dict[str, Any]) -> Biennium:
    """Staff open a biennium of the programme of work (its last year follows from its first)."""
    require(by, EDIT)
    data = {"end_year": data["start_year"] + 1, **data}  # a given end year is checked by the model
    return _save(Biennium(**data), "planning.biennium.created")


@transaction.atomic
def update_biennium(
    biennium: Biennium, *, by: User, data: dict[str, Any], seen: datetime.datetime | None = None
) -> Biennium:
    """Staff edit a biennium's plan, budget decision and notes; refused if saved since `seen`."""
    require(by, EDIT)
    biennium = _locked_unchanged(Biennium, biennium, seen, by)
    biennium._history_user = by
    for name, value in data.items():
        if name not in ("start_year", "end_year"):
            setattr(biennium, name, value)
    return _save(biennium, "planning.biennium.edited")


@transaction.atomic
def add_paragraph(*, by: User, data: dict[str, Any]) -> DecisionParagraph:
    """Staff record a paragraph of a decision (its text only as a source gives it)."""
    require(by, EDIT)
    return _save(DecisionParagraph(**data), "planning.paragraph.added")


PARAGRAPH_TEXT_FIELDS = (*language_fields("text"), "sources", "notes")  # text_en, text_fr, ... text_ru


@transaction.atomic
def update_paragraph_text(
    paragraph: DecisionParagraph, *, by: User, data: dict[str, Any], seen: datetime.datetime | None = None
) -> DecisionParagraph:
    """Staff who hold the official text enter or correct a paragraph's text per language, its sources and notes
    (e.g. to lift the doubt once the text is entered); refused if the paragraph was saved since `seen`. Its
    decision, number and whether it asks for assistance are reference data, not changed here."""
    require(by, EDIT)
    paragraph = _locked_unchanged(DecisionParagraph, paragraph, seen, by)
    paragraph._history_user = by
    changes = {name: (data[name] or "").strip() for name in PARAGRAPH_TEXT_FIELDS if name in data}
    for name, value in changes.items():
        setattr(paragraph, name, value)
    return _save(paragraph, "planning.paragraph.text_edited")  # reference.py keeps what carries this reason
