"""Opening a cycle and changing it before its first deadline (staff): its schedule, questionnaires and
invitees; the invitations are e-mailed by the worker."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tahub.core import workflow
from tahub.core.rules import require

from .. import selectors
from ..models import BAD_PERIOD, Cycle, Response, period_years
from ..selectors import respondents

if TYPE_CHECKING:
    from tahub.accounts.models import User
    from tahub.directory.models import Organisation
    from tahub.parties.models import Party

    from ..models import Questionnaire

CYCLE_CLOSED = _("The first deadline (%(date)s) is reached: the cycle can no longer be changed.")
QUESTIONNAIRE_IN_USE = _("Responses are already saved on the current questionnaire: it cannot be replaced.")
STARTED = _("These respondents already started a response and must stay invited: %(names)s.")
DEADLINE_PASSED = _("Give a date after today (%(today)s): invitations go out as soon as the cycle opens.")
PERIOD_TOO_EARLY = _(
    "The period covered starts in %(start)d, before the deadline's year (%(year)d): give the period the "
    "assessment prepares for, which follows the cycle (for example %(example)s)."
)
CYCLE_FIELDS = ("title", "period", "deadline", "funding_deadline", "offers_deadline", "questionnaire",
                "offers_questionnaire")  # fmt: skip


def schedule_errors(
    *,
    period: str,
    deadline: datetime.date | None,
    funding_deadline: datetime.date | None = None,
    offers_deadline: datetime.date | None = None,
    today: datetime.date | None = None,
) -> dict[str, Any]:
    """{field: message} for the schedule of a cycle about to be opened or changed: every deadline after today;
    the period two years in order ("2029-2032"), starting no earlier than the Part I deadline's year (the
    assessment prepares the period that follows it). The pages check this; `open_cycle` itself also records
    past cycles (imports, tests), so it checks only the period's form."""
    today = today or timezone.localdate()
    errors: dict[str, Any] = {}
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
def open_cycle(
    *,
    by: User,
    slug: str,
    title: str,
    period: str,
    deadline: datetime.date,
    questionnaire: Questionnaire,
    invited: Iterable[Party] | None = None,
    **options: Any,
) -> Cycle:
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
    from ..tasks import task_send_invitations

    task_send_invitations.enqueue(cycle_id=cycle.pk)
    return cycle


def _invitee_errors(cycle: Cycle, fields: dict[str, Any], invitees: dict[str, Any]) -> dict[str, Any]:
    """{field: message} for changes that would orphan answers: a questionnaire replaced, or a respondent that
    started a response uninvited."""
    started = list(Response.objects.filter(cycle=cycle).select_related("party__country", "organisation"))
    errors: dict[str, Any] = {}
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


def _set_invitees(
    cycle: Cycle,
    invited: Iterable[Any] | None,
    offers_parties: Iterable[Any] | None,
    offers_organisations: Iterable[Any] | None,
) -> None:
    for relation, value in ((cycle.invited, invited), (cycle.offers_invited_parties, offers_parties),
                            (cycle.offers_invited_organisations, offers_organisations)):  # fmt: skip
        if value is not None:
            relation.set(value)


@transaction.atomic
def update_cycle(
    cycle: Cycle,
    *,
    by: User,
    version: int | str | None,
    invited: Iterable[Party] | None = None,
    offers_parties: Iterable[Party] | None = None,
    offers_organisations: Iterable[Organisation] | None = None,
    **fields: Any,
) -> Cycle:
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
    from ..tasks import task_send_invitations

    task_send_invitations.enqueue(cycle_id=cycle.pk)
    return cycle
