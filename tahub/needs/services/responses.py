"""Answering: saving a response's answers as a draft, submitting it, and staff reopening it.

Each locks the response row (and checks its version when the caller gives the one it read) and records a
dotted audit reason; nothing is half-saved."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from tahub.core import workflow
from tahub.core.rules import is_secretariat, require

from ..models import Cycle, Question, ReopenRequest, Response
from ..rules import answers_for
from ..selectors import respondents
from . import answering

if TYPE_CHECKING:
    from tahub.accounts.models import User
    from tahub.directory.models import Organisation
    from tahub.parties.models import Party


ANSWER_RELATIONS = ("assistance_types", "regions", "amounts")
NOT_INVITED = _("%(party)s is not invited to this cycle.")
NOT_A_DRAFT = _("This response is submitted; ask the Secretariat to reopen it to change it.")
MISSING = _("Answer this question: “%(label)s”.")
PAST_DEADLINE = _("The deadline (%(date)s) has passed: ask the Secretariat to reopen your response.")
NOT_ALLOWED = _("A response that is “%(state)s” cannot be changed this way.")
NO_OFFERS = _("This cycle has no offers questionnaire.")
STALE = _(
    "This response was saved again on %(when)s, since you opened it (it is now at version %(now)d; you had version "
    "%(yours)d). Your answers were not saved: reload the response to see what is stored, then make your changes "
    "again."
)
STALE_BY_OTHER = _(
    "%(who)s saved this response on %(when)s, since you opened it (it is now at version %(now)d; you had version "
    "%(yours)d). Your answers were not saved: reload the response to see theirs, then make your changes again."
)
STALE_BY_YOU = _(
    "You saved this response yourself on %(when)s, after this page or workbook was made (it is now at version "
    "%(now)d; yours was version %(yours)d): perhaps in another tab, by clicking twice or by an earlier upload. "
    "These answers differ from what you saved then and were not saved: reload the response to see what is "
    "stored, then make your changes again."
)


def _respondent(party: Party | None, organisation: Organisation | None) -> Party | Organisation | None:
    return party if party is not None else organisation


def _check_invited(cycle: Cycle, kind: str, respondent: Party | Organisation | None) -> None:
    if kind == Response.Kind.OFFERS and cycle.offers_questionnaire_id is None:
        raise ValidationError(NO_OFFERS)
    if not respondents.is_invited(cycle, kind, respondent):
        raise ValidationError(NOT_INVITED % {"party": respondent})


def _may_pass_deadline(response: Response, by: User) -> bool:
    return response.reopened or is_secretariat(by)


def _locked_response(cycle: Cycle, kind: str, party: Party | None, organisation: Organisation | None) -> Response:
    response, _created = Response.objects.get_or_create(cycle=cycle, kind=kind, party=party, organisation=organisation)
    return Response.objects.select_for_update().select_related("cycle").get(pk=response.pk)


def _stale_message(response: Response, version: int | str, by: User | None) -> workflow.Stale:
    """The Stale refusal: who saved the response last and when, honestly: "you" when it was the same person (a
    double click, a second tab, an earlier upload of the same workbook), their name otherwise."""
    last = response.history.select_related("history_user").order_by("-history_date", "-history_id").first()
    values = {"now": response.version, "yours": int(version), "when": "—"}
    if last is None:
        return workflow.Stale(STALE % values)
    values["when"] = date_format(timezone.localtime(last.history_date), "j F Y, H:i")
    if last.history_user_id is None:
        return workflow.Stale(STALE % values)
    if last.history_user_id == getattr(by, "pk", None):
        return workflow.Stale(STALE_BY_YOU % values, mine=True)
    return workflow.Stale(STALE_BY_OTHER % {**values, "who": str(last.history_user)})


def _check_version(response: Response, version: int | str | None, by: User | None = None) -> None:
    if version is not None and int(version) != response.version:
        raise _stale_message(response, version, by)


def _late(response: Response, question: Question, by: User) -> str | None:
    """The error for changing `question` after its part's deadline, or None."""
    deadline = response.cycle.deadline_of(question.part)
    if timezone.localdate() > deadline and not _may_pass_deadline(response, by):
        return PAST_DEADLINE % {"date": deadline.isoformat()}
    return None


@transaction.atomic
def save_answers(
    *,
    cycle: Cycle,
    answers: dict[str, Any],
    by: User,
    party: Party | None = None,
    organisation: Organisation | None = None,
    kind: str = Response.Kind.NEEDS,
    version: int | str | None = None,
) -> Response:
    """A respondent's people (or staff on its behalf) save answers as a draft: `answers` maps a question code to
    a value (see `answering`); an empty value clears it; questions not named are left as they are.

    Refused once submitted; refused for a part whose deadline has passed unless staff reopened the response
    (staff themselves may enter a late response received by e-mail: it is then marked as entered by them);
    refused (workflow.Stale) when `version` is given and someone saved since. All or nothing."""
    respondent = _respondent(party, organisation)
    require(by, "needs.answer_response", respondent)
    _check_invited(cycle, kind, respondent)
    response = _locked_response(cycle, kind, party, organisation)
    if response.state != Response.State.DRAFT:
        _check_version(response, version, by)
        raise ValidationError(NOT_A_DRAFT)
    questions = Question.objects.filter(questionnaire=cycle.questionnaire_of(kind))
    cleaned = answering.clean(questions, answers, cycle)
    existing = {a.question_id: a for a in response.answers.prefetch_related(*ANSWER_RELATIONS)}
    changed = [q for q, value in cleaned.items() if q.pk not in existing or answering.of(existing[q.pk]) != value]
    if changed:  # the same answers again (a double click, a workbook uploaded twice) conflict with nobody
        _check_version(response, version, by)
    late = {q.code: error for q in changed if (error := _late(response, q, by))}
    if late:
        raise ValidationError(late)
    answering.write_all(response, {q: cleaned[q] for q in changed}, existing, by=by, reason="needs.answer.saved")
    if changed or response.version == 0:
        response.version += 1
        response.entered_by_secretariat = response.entered_by_secretariat or (
            is_secretariat(by) and not answers_for(by, respondent)
        )
        response._change_reason = "needs.response.saved"
        response._history_user = by
        response.save()
    return response


def missing_questions(response: Response) -> list[Question]:
    """The required questions the response leaves unanswered, in order."""
    answers = response.answers.select_related("question").prefetch_related(*ANSWER_RELATIONS)
    answered = {a.question_id for a in answers if not a.is_empty}
    questionnaire = response.cycle.questionnaire_of(response.kind)
    return list(questionnaire.questions.filter(required=True).exclude(pk__in=answered).order_by("position"))


@transaction.atomic
def submit_response(response: Response, *, by: User, version: int | str | None = None) -> Response:
    """Submit a draft: every required question must be answered; the refusal names each missing one.
    After the last deadline of its parts, only staff or a response they reopened."""
    response = Response.objects.select_for_update().select_related("cycle").get(pk=response.pk)
    workflow.require_transition(by, response, "submit")  # who may, first: a stranger learns nothing of it
    _check_version(response, version, by)
    last = max(response.cycle.deadlines(response.kind).values())
    if timezone.localdate() > last and not _may_pass_deadline(response, by):
        raise ValidationError(PAST_DEADLINE % {"date": last.isoformat()})
    errors = {q.code: MISSING % {"label": q.label} for q in missing_questions(response)}
    if errors:
        raise ValidationError(errors)
    return workflow.move(
        Response,
        response,
        "submit",
        by=by,
        reason="needs.response.submitted",
        changes={"submitted_at": timezone.now(), "submitted_by": by, "version": response.version + 1},
        not_allowed=NOT_ALLOWED,
    )


@transaction.atomic
def reopen_response(response: Response, *, by: User) -> Response:
    """Staff reopen a submitted response (on the respondent's request) so that it can be changed and
    resubmitted; a pending request to reopen it is closed as granted."""
    reopened = workflow.move(
        Response,
        response,
        "reopen",
        by=by,
        reason="needs.response.reopened",
        changes={"reopened": True, "version": response.version + 1},
        not_allowed=NOT_ALLOWED,
    )
    for pending in ReopenRequest.objects.filter(response=response, state=ReopenRequest.State.PENDING):
        pending.state, pending.decided_by, pending.decided_at = ReopenRequest.State.GRANTED, by, timezone.now()
        pending._change_reason = "needs.reopen_request.granted"
        pending.save()
    return reopened
