"""Every write of the needs assessment: opening a cycle, answering, submitting and reopening a response.

Each runs in one transaction, checks the permission first, locks the response row, and records a dotted audit
reason; nothing is half-saved.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tahub.accounts.rules import is_secretariat, require
from tahub.core import workflow

from . import selectors
from .models import Answer, Cycle, Level, Question, Response

NOT_INVITED = _("%(party)s is not invited to this cycle.")
NOT_A_DRAFT = _("This response is submitted; ask the Secretariat to reopen it to change it.")
UNKNOWN_QUESTION = _("“%(code)s” is not a question of this questionnaire.")
BAD_LEVEL = _("Choose high, medium, low or none.")
MISSING = _("Answer this question: “%(label)s”.")
PAST_DEADLINE = _("The deadline (%(date)s) has passed: ask the Secretariat to reopen your response.")
NOT_ALLOWED = _("A response that is “%(state)s” cannot be changed this way.")


@transaction.atomic
def open_cycle(*, by, slug, title, period, deadline, questionnaire, invited=None):
    """Staff open a cycle. Invited by default: every eligible Party (developing and EIT) to the Convention."""
    require(by, "needs.open_cycle")
    cycle = Cycle(slug=slug, title=title, period=period, deadline=deadline, questionnaire=questionnaire, opened_by=by)
    cycle.full_clean()
    cycle._change_reason = "needs.cycle.opened"
    cycle.save()
    cycle.invited.set(selectors.eligible_parties() if invited is None else invited)
    return cycle


def _check_deadline(response, by):
    """After the deadline only the Secretariat, or a response it reopened, may change or submit answers."""
    if timezone.localdate() > response.cycle.deadline and not response.reopened and not is_secretariat(by):
        raise ValidationError(PAST_DEADLINE % {"date": response.cycle.deadline.isoformat()})


def _locked_response(cycle, party):
    response, _created = Response.objects.get_or_create(cycle=cycle, party=party)
    return Response.objects.select_for_update().get(pk=response.pk)


def _clean_answers(questionnaire, answers):
    """{code: value} → {question: (level, text)}, with every error named by its question code."""
    questions = {q.code: q for q in Question.objects.filter(questionnaire=questionnaire)}
    cleaned, errors = {}, {}
    for code, value in answers.items():
        question = questions.get(code)
        value = (value or "").strip()
        if question is None:
            errors[code] = UNKNOWN_QUESTION % {"code": code}
        elif question.kind == Question.Kind.LEVEL and value and value not in Level.values:
            errors[code] = BAD_LEVEL
        else:
            cleaned[question] = (value, "") if question.kind == Question.Kind.LEVEL else ("", value)
    if errors:
        raise ValidationError(errors)
    return cleaned


@transaction.atomic
def save_answers(*, cycle, party, answers, by):
    """A Party's contact or focal point (or staff on its behalf) saves answers as a draft: `answers` maps a
    question code to a level or a text; an empty value clears it. Refused once the response is submitted, and
    after the deadline unless staff reopened it (staff themselves may enter a late response received by e-mail)."""
    require(by, "needs.answer_response", party)
    if not cycle.invited.filter(pk=party.pk).exists():
        raise ValidationError(NOT_INVITED % {"party": party})
    response = _locked_response(cycle, party)
    _check_deadline(response, by)
    if response.state != Response.State.DRAFT:
        raise ValidationError(NOT_A_DRAFT)
    cleaned = _clean_answers(cycle.questionnaire, answers)
    existing = {a.question_id: a for a in response.answers.all()}
    for question, (level, text) in cleaned.items():
        answer = existing.get(question.pk) or Answer(response=response, question=question)
        if answer.pk and (answer.level, answer.text) == (level, text):
            continue
        answer.level, answer.text = level, text
        answer._change_reason = "needs.answer.saved"
        answer.save()
    return response


@transaction.atomic
def submit_response(response, *, by):
    """Submit a draft: every required question must be answered; the refusal names each missing one.
    After the deadline, only staff or a response they reopened."""
    require(by, "needs.answer_response", response.party)
    _check_deadline(response, by)
    answered = {a.question_id for a in response.answers.all() if not a.is_empty}
    missing = response.cycle.questionnaire.questions.filter(required=True).exclude(pk__in=answered)
    errors = {q.code: MISSING % {"label": q.label} for q in missing}
    if errors:
        raise ValidationError(errors)
    return workflow.move(
        Response,
        response,
        "submit",
        reason="needs.response.submitted",
        changes={"submitted_at": timezone.now(), "submitted_by": by},
        not_allowed=NOT_ALLOWED,
    )


@transaction.atomic
def reopen_response(response, *, by):
    """Staff reopen a submitted response (on the Party's request) so that it can be changed and resubmitted."""
    require(by, "needs.reopen_response", response)
    return workflow.move(
        Response,
        response,
        "reopen",
        reason="needs.response.reopened",
        changes={"reopened": True},
        not_allowed=NOT_ALLOWED,
    )


@transaction.atomic
def publish_results(cycle, *, by):
    """Staff publish the cycle's aggregates (the gap table): until then only the Secretariat sees them."""
    require(by, "needs.open_cycle")
    cycle = Cycle.objects.select_for_update().get(pk=cycle.pk)
    if cycle.results_published_at is None:
        cycle.results_published_at = timezone.now()
        cycle._change_reason = "needs.cycle.results_published"
        cycle.save()
    return cycle
