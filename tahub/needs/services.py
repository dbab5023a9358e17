"""Every write of the needs assessment: opening a cycle, answering, submitting and reopening a response.

Each runs in one transaction, checks the permission first, locks the response row (and checks its version
when the caller gives the one it read), and records a dotted audit reason; nothing is half-saved.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from tahub.accounts.rules import is_secretariat, require
from tahub.core import workflow

from . import answering, published, respondents, selectors
from .models import BAD_PERIOD, Cycle, PublishedResults, Question, ReopenRequest, Response, period_years
from .rules import answers_for

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
CYCLE_CLOSED = _("The first deadline (%(date)s) is reached: the cycle can no longer be changed.")
QUESTIONNAIRE_IN_USE = _("Responses are already saved on the current questionnaire: it cannot be replaced.")
STARTED = _("These respondents already started a response and must stay invited: %(names)s.")
NOT_SUBMITTED = _("Only a submitted response can be reopened; this one is still a draft you can change.")
ALREADY_ASKED = _("You already asked to reopen this response; the Secretariat will answer.")
NO_REASON = _("Say why the response should be reopened.")
NO_DECLINE_REASON = _("Say why the request is declined: the respondent's people receive your reason.")
NOT_PUBLISHED = _("The results of this cycle are not published: there is nothing to withdraw.")
ALREADY_DECIDED = _("This request is already %(state)s: there is nothing left to decline.")
DEADLINE_PASSED = _("Give a date after today (%(today)s): invitations go out as soon as the cycle opens.")
PERIOD_TOO_EARLY = _(
    "The period covered starts in %(start)d, before the deadline's year (%(year)d): give the period the "
    "assessment prepares for, which follows the cycle (for example %(example)s)."
)
CYCLE_FIELDS = ("title", "period", "deadline", "funding_deadline", "offers_deadline", "questionnaire",
                "offers_questionnaire")  # fmt: skip


def schedule_errors(*, period, deadline, funding_deadline=None, offers_deadline=None, today=None):
    """{field: message} for the schedule of a cycle about to be opened or changed: every deadline after today;
    the period two years in order ("2029-2032"), starting no earlier than the Part I deadline's year (the
    assessment prepares the period that follows it). The pages check this; `open_cycle` itself also records
    past cycles (imports, tests), so it checks only the period's form."""
    today = today or timezone.localdate()
    errors = {}
    for name, value in (("deadline", deadline), ("funding_deadline", funding_deadline),
                        ("offers_deadline", offers_deadline)):  # fmt: skip
        if value is not None and value <= today:
            errors[name] = DEADLINE_PASSED % {"today": today.isoformat()}
    years = period_years(period)
    if years is None:
        errors["period"] = BAD_PERIOD
    elif deadline is not None and years[0] < deadline.year:
        span = years[1] - years[0]
        example = f"{deadline.year + 1}-{deadline.year + 1 + span}"
        errors["period"] = PERIOD_TOO_EARLY % {"start": years[0], "year": deadline.year, "example": example}
    return errors


@transaction.atomic
def open_cycle(*, by, slug, title, period, deadline, questionnaire, invited=None, **options):
    """Staff open a cycle. Invited by default: every eligible Party (developing and EIT) for needs; for offers
    (when the cycle has an offers questionnaire), the developed-country Parties and the IGOs, UN bodies,
    regional centres and partners of the directory. `options`: funding_deadline, offers_deadline,
    offers_questionnaire, offers_parties, offers_organisations. The invitations are e-mailed by the worker."""
    require(by, "needs.open_cycle")
    offers_parties = options.pop("offers_parties", None)
    offers_organisations = options.pop("offers_organisations", None)
    cycle = Cycle(
        slug=slug, title=title, period=period, deadline=deadline, questionnaire=questionnaire, opened_by=by, **options
    )
    cycle.full_clean()
    cycle._change_reason = "needs.cycle.opened"
    cycle.save()
    cycle.invited.set(selectors.eligible_parties() if invited is None else invited)
    if cycle.offers_questionnaire_id:
        default_parties, default_organisations = respondents.default_offer_invitees()
        cycle.offers_invited_parties.set(default_parties if offers_parties is None else offers_parties)
        cycle.offers_invited_organisations.set(
            default_organisations if offers_organisations is None else offers_organisations
        )
    from .tasks import task_send_invitations

    task_send_invitations.enqueue(cycle_id=cycle.pk)
    return cycle


def _invitee_errors(cycle, fields, invitees):
    """{field: message} for changes that would orphan answers: a questionnaire replaced, or a respondent that
    started a response uninvited."""
    started = list(Response.objects.filter(cycle=cycle).select_related("party__country", "organisation"))
    errors = {}
    for kind, field in ((Response.Kind.NEEDS, "questionnaire"), (Response.Kind.OFFERS, "offers_questionnaire")):
        changed = field in fields and getattr(fields[field], "pk", None) != getattr(cycle, f"{field}_id")
        if changed and any(r.kind == kind for r in started):
            errors[field] = QUESTIONNAIRE_IN_USE
    wanted = {name: {x.pk for x in invitees[name]} for name in invitees if invitees[name] is not None}
    for name, kind, attribute in (("invited", "needs", "party_id"), ("offers_parties", "offers", "party_id"),
                                  ("offers_organisations", "offers", "organisation_id")):  # fmt: skip
        dropped = [r.respondent for r in started if r.kind == kind and getattr(r, attribute)
                   and name in wanted and getattr(r, attribute) not in wanted[name]]  # fmt: skip
        if dropped:
            errors[name] = STARTED % {"names": ", ".join(sorted(str(x) for x in dropped))}
    return errors


def _set_invitees(cycle, invited, offers_parties, offers_organisations):
    for relation, value in ((cycle.invited, invited), (cycle.offers_invited_parties, offers_parties),
                            (cycle.offers_invited_organisations, offers_organisations)):  # fmt: skip
        if value is not None:
            relation.set(value)


@transaction.atomic
def update_cycle(cycle, *, by, version, invited=None, offers_parties=None, offers_organisations=None, **fields):
    """Staff change a cycle (its title, period, deadlines, questionnaires, invitees) before its first deadline.
    Refused if someone changed it since `version` was read, if a questionnaire already answered would be
    replaced, or if a respondent that started a response would be uninvited. Newly invited respondents get
    their invitation by the worker (the others are not invited twice)."""
    require(by, "needs.open_cycle")
    cycle = Cycle.objects.select_for_update().get(pk=cycle.pk)
    if version is None or int(version) != cycle.version:
        raise workflow.stale(cycle, by=by, seen=int(version or 0))
    cycle._history_user = by  # named in a later stale refusal
    first = min(d for d in (cycle.deadline, cycle.funding_deadline, cycle.offers_deadline) if d)
    if timezone.localdate() >= first:
        raise ValidationError(CYCLE_CLOSED % {"date": first.isoformat()})
    fields = {name: value for name, value in fields.items() if name in CYCLE_FIELDS}
    invitees = {"invited": invited, "offers_parties": offers_parties, "offers_organisations": offers_organisations}
    errors = _invitee_errors(cycle, fields, invitees)
    if errors:
        raise ValidationError(errors)
    for name, value in fields.items():
        setattr(cycle, name, value)
    cycle.version += 1
    cycle.full_clean()
    cycle._change_reason = "needs.cycle.changed"
    cycle.save()
    _set_invitees(cycle, invited, offers_parties, offers_organisations)
    from .tasks import task_send_invitations

    task_send_invitations.enqueue(cycle_id=cycle.pk)
    return cycle


def _respondent(party, organisation):
    return party if party is not None else organisation


def _check_invited(cycle, kind, respondent):
    if kind == Response.Kind.OFFERS and cycle.offers_questionnaire_id is None:
        raise ValidationError(NO_OFFERS)
    if not respondents.is_invited(cycle, kind, respondent):
        raise ValidationError(NOT_INVITED % {"party": respondent})


def _may_pass_deadline(response, by):
    return response.reopened or is_secretariat(by)


def _locked_response(cycle, kind, party, organisation):
    response, _created = Response.objects.get_or_create(cycle=cycle, kind=kind, party=party, organisation=organisation)
    return Response.objects.select_for_update().select_related("cycle").get(pk=response.pk)


def _stale_message(response, version, by):
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


def _check_version(response, version, by=None):
    if version is not None and int(version) != response.version:
        raise _stale_message(response, version, by)


def _late(response, question, by):
    """The error for changing `question` after its part's deadline, or None."""
    deadline = response.cycle.deadline_of(question.part)
    if timezone.localdate() > deadline and not _may_pass_deadline(response, by):
        return PAST_DEADLINE % {"date": deadline.isoformat()}
    return None


@transaction.atomic
def save_answers(*, cycle, answers, by, party=None, organisation=None, kind=Response.Kind.NEEDS, version=None):
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


def missing_questions(response):
    """The required questions the response leaves unanswered, in order."""
    answers = response.answers.select_related("question").prefetch_related(*ANSWER_RELATIONS)
    answered = {a.question_id for a in answers if not a.is_empty}
    questionnaire = response.cycle.questionnaire_of(response.kind)
    return list(questionnaire.questions.filter(required=True).exclude(pk__in=answered).order_by("position"))


@transaction.atomic
def submit_response(response, *, by, version=None):
    """Submit a draft: every required question must be answered; the refusal names each missing one.
    After the last deadline of its parts, only staff or a response they reopened."""
    require(by, "needs.answer_response", response.respondent)
    response = Response.objects.select_for_update().select_related("cycle").get(pk=response.pk)
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
        reason="needs.response.submitted",
        changes={"submitted_at": timezone.now(), "submitted_by": by, "version": response.version + 1},
        not_allowed=NOT_ALLOWED,
    )


@transaction.atomic
def reopen_response(response, *, by):
    """Staff reopen a submitted response (on the respondent's request) so that it can be changed and
    resubmitted; a pending request to reopen it is closed as granted."""
    require(by, "needs.reopen_response", response)
    response = Response.objects.select_for_update().get(pk=response.pk)
    reopened = workflow.move(
        Response,
        response,
        "reopen",
        reason="needs.response.reopened",
        changes={"reopened": True, "version": response.version + 1},
        not_allowed=NOT_ALLOWED,
    )
    for pending in ReopenRequest.objects.filter(response=response, state=ReopenRequest.State.PENDING):
        pending.state, pending.decided_by, pending.decided_at = ReopenRequest.State.GRANTED, by, timezone.now()
        pending._change_reason = "needs.reopen_request.granted"
        pending.save()
    return reopened


@transaction.atomic
def request_reopen(response, *, by, reason):
    """A respondent's people ask the Secretariat to reopen their submitted response, saying why; the
    Secretariat is e-mailed by the worker. One pending request per response."""
    require(by, "needs.request_reopen", response.respondent)
    response = Response.objects.select_for_update().get(pk=response.pk)
    if response.state != Response.State.SUBMITTED:
        raise ValidationError(NOT_SUBMITTED)
    if not (reason or "").strip():
        raise ValidationError({"reason": NO_REASON})
    if ReopenRequest.objects.filter(response=response, state=ReopenRequest.State.PENDING).exists():
        raise ValidationError(ALREADY_ASKED)
    request = ReopenRequest(response=response, reason=reason.strip(), requested_by=by)
    request._change_reason = "needs.reopen_request.made"
    request.save()
    from .tasks import task_notify_reopen_request

    task_notify_reopen_request.enqueue(request_id=request.pk)
    return request


@transaction.atomic
def decline_reopen_request(request, *, by, reason):
    """Staff decline a pending request to reopen a response, saying why; the response stays submitted and the
    person who asked is e-mailed the reason by the worker. The response row is locked first, as
    `reopen_response` does, so a decline and a reopen at the same moment cannot both close the request."""
    require(by, "needs.reopen_response", request.response)
    if not (reason or "").strip():
        raise ValidationError({"reason": NO_DECLINE_REASON})
    Response.objects.select_for_update().get(pk=request.response_id)
    request = ReopenRequest.objects.select_for_update().get(pk=request.pk)
    if request.state != ReopenRequest.State.PENDING:
        raise ValidationError(ALREADY_DECIDED % {"state": request.get_state_display().lower()}, code="decided")
    request.state, request.decided_by, request.decided_at = ReopenRequest.State.DECLINED, by, timezone.now()
    request.decline_reason = reason.strip()
    request.full_clean()
    request._change_reason = "needs.reopen_request.declined"
    request.save()
    from .tasks import task_notify_reopen_declined

    task_notify_reopen_declined.enqueue(request_id=request.pk)
    return request


@transaction.atomic
def publish_results(cycle, *, by):
    """Staff publish the cycle's aggregates (the gap analysis): until then only the Secretariat sees them. The
    figures the public sees are computed now and stored (`published`); publishing again refreshes them (answers
    entered late, a response reopened, assistance delivered since), keeping the date of first publication."""
    require(by, "needs.open_cycle")
    cycle = Cycle.objects.select_for_update().get(pk=cycle.pk)
    again = cycle.results_published_at is not None
    cycle.results_published_at = cycle.results_published_at or timezone.now()
    cycle._change_reason = "needs.cycle.results_republished" if again else "needs.cycle.results_published"
    cycle.save()
    cycles = published.published_cycles(besides=cycle)
    published.store(cycle, by=by, published=cycles)
    published.refresh_following(cycle, by=by, published=cycles)
    return cycle


@transaction.atomic
def withdraw_results(cycle, *, by):
    """Staff withdraw a cycle's published results: the public no longer sees them (its stored figures are
    deleted); the next published cycle's assistance delivered is recounted from the cycle before."""
    require(by, "needs.open_cycle")
    cycle = Cycle.objects.select_for_update().get(pk=cycle.pk)
    if cycle.results_published_at is None:
        raise ValidationError(NOT_PUBLISHED)
    cycle.results_published_at = None
    cycle._change_reason = "needs.cycle.results_withdrawn"
    cycle.save()
    PublishedResults.objects.filter(cycle=cycle).delete()
    published.refresh_following(cycle, by=by, published=published.published_cycles())
    return cycle
