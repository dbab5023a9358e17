"""Reads about respondents (the write side's selectors): who is invited, who answers for whom, whose response
is missing, a respondent's response with everything its pages need in a fixed number of queries.

The aggregates (gaps, trends, charts) are in `analysis` and `published`.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, NamedTuple

from django.contrib.auth import get_user_model
from django.db.models import Count, Prefetch, QuerySet
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404

from tahub.directory.models import Membership, Organisation
from tahub.parties.models import ContactPoint, Eligibility, Party
from tahub.parties.selectors import party_list

from ..map import region_name
from ..models import Answer, Cycle, Question, Questionnaire, ReopenRequest, Response

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from tahub.accounts.models import User

Respondent = Party | Organisation
KINDS = Questionnaire.Kind
WHO = ("parties", "organisations")
ANSWER_PREFETCH = Prefetch(
    "answers",
    queryset=Answer.objects.select_related("question").prefetch_related("assistance_types", "regions", "amounts"),
)


def default_offer_invitees() -> tuple[QuerySet[Party], QuerySet[Organisation]]:
    """(Parties, organisations) invited to offer by default: the developed-country Parties, and the listed
    organisations of the directory (IGOs, UN bodies, regional centres, partners)."""
    return party_list(eligibility=Eligibility.DEVELOPED), Organisation.objects.filter(listed=True)


def is_invited(cycle: Cycle, kind: str, respondent: Respondent | None) -> bool:
    if kind == KINDS.NEEDS:
        return isinstance(respondent, Party) and cycle.invited.filter(pk=respondent.pk).exists()
    if respondent is None:
        return False
    if isinstance(respondent, Party):
        return cycle.offers_invited_parties.filter(pk=respondent.pk).exists()
    return cycle.offers_invited_organisations.filter(pk=respondent.pk).exists()


def invited_respondent(cycle: Cycle, kind: str, who: str, key: str) -> Respondent:
    """The invited Party (who="parties", key an ISO3 code) or organisation (key its slug), or 404."""
    if kind not in KINDS.values or who not in WHO or cycle.questionnaire_of(kind) is None:
        raise Http404
    if who == "parties":
        relation = "needs_cycles" if kind == KINDS.NEEDS else "offers_cycles"
        return get_object_or_404(
            Party.objects.select_related("country"), country__iso3=key, convention__code="SC", **{relation: cycle}
        )
    if kind == KINDS.NEEDS:
        raise Http404
    return get_object_or_404(Organisation, slug=key, offers_cycles=cycle)


def respondent_filter(respondent: Respondent) -> dict[str, Respondent]:
    return {"party": respondent} if isinstance(respondent, Party) else {"organisation": respondent}


def response_for(cycle: Cycle, kind: str, respondent: Respondent) -> Response | None:
    """The respondent's response with its answers (question, offers, regions, amounts), or None."""
    return (
        Response.objects.filter(cycle=cycle, kind=kind, **respondent_filter(respondent))
        .select_related("cycle", "party__country", "organisation", "submitted_by")
        .prefetch_related(ANSWER_PREFETCH)
        .first()
    )


def previous_response(cycle: Cycle, kind: str, respondent: Respondent) -> Response | None:
    """The respondent's latest response in an earlier cycle (for pre-filling a workbook), or None."""
    return (
        Response.objects.filter(kind=kind, cycle__deadline__lt=cycle.deadline, **respondent_filter(respondent))
        .select_related("cycle")
        .prefetch_related(ANSWER_PREFETCH)
        .order_by("-cycle__deadline")
        .first()
    )


def questions(questionnaire: Questionnaire) -> list[Question]:
    """The questionnaire's questions in order, with their theme and type of assistance."""
    return list(
        Question.objects.filter(questionnaire=questionnaire)
        .select_related("theme", "assistance_type")
        .order_by("position")
    )


def respondents_of(user: User | AnonymousUser) -> tuple[QuerySet[Party], QuerySet[Organisation]]:
    """(Parties, organisations) this user answers for."""
    if not user.is_authenticated:
        return Party.objects.none(), Organisation.objects.none()
    return (
        Party.objects.filter(contact_points__user=user).select_related("country"),
        Organisation.objects.filter(memberships__user=user),
    )


def _invitees(cycle: Cycle, kind: str) -> tuple[list[Party], list[Organisation]]:
    if kind == KINDS.NEEDS:
        return list(cycle.invited.select_related("country")), []
    return list(cycle.offers_invited_parties.select_related("country")), list(cycle.offers_invited_organisations.all())


def pending(cycle: Cycle, kind: str) -> list[tuple[Respondent, list[Any]]]:
    """The invitees of `kind` that have not submitted, each with the people to e-mail:
    [(respondent, [users])] — a Party's contact and focal points, an organisation's members."""
    parties, organisations = _invitees(cycle, kind)
    submitted = Response.objects.filter(cycle=cycle, kind=kind, state=Response.State.SUBMITTED)
    done_parties = set(submitted.values_list("party_id", flat=True))
    done_organisations = set(submitted.values_list("organisation_id", flat=True))
    parties = [p for p in parties if p.pk not in done_parties]
    organisations = [o for o in organisations if o.pk not in done_organisations]
    users = get_user_model().objects.filter(is_active=True)
    people: dict[tuple[str, int], list[Any]] = {}
    for contact in ContactPoint.objects.filter(party__in=parties, user__in=users).select_related("user"):
        people.setdefault(("p", contact.party_id), []).append(contact.user)
    for member in Membership.objects.filter(organisation__in=organisations, user__in=users).select_related("user"):
        people.setdefault(("o", member.organisation_id), []).append(member.user)
    return [(p, people.get(("p", p.pk), [])) for p in parties] + [
        (o, people.get(("o", o.pk), [])) for o in organisations
    ]


def open_cycles_with_deadline(day: datetime.date) -> list[tuple[Cycle, str, str]]:
    """The cycles with a part whose deadline is `day`: [(cycle, kind, part)]."""
    found: list[tuple[Cycle, str, str]] = []
    for cycle in Cycle.objects.select_related("questionnaire", "offers_questionnaire"):
        for kind in (KINDS.NEEDS, KINDS.OFFERS):
            if cycle.questionnaire_of(kind) is None:
                continue
            found += [(cycle, kind, part) for part, date in cycle.deadlines(kind).items() if date == day]
    return found


def latest_offers_cycle() -> Cycle | None:
    """The latest cycle that has an offers questionnaire, or None (for matching providers to requests)."""
    return Cycle.objects.filter(offers_questionnaire__isnull=False).order_by("-deadline").first()


def offers_matching(
    theme_ids: Iterable[int], type_ids: Iterable[int]
) -> tuple[Cycle | None, dict[int, tuple[set[str], set[str]]]]:
    """(cycle, {organisation pk: (themes, types)}): what each organisation offered, among these themes and
    types of assistance, in a submitted offers response of the latest cycle with an offers questionnaire.
    One query (plus one for the cycle)."""
    cycle = latest_offers_cycle()
    if cycle is None or not (theme_ids or type_ids):
        return cycle, {}
    rows = (
        Answer.objects.filter(
            response__cycle=cycle,
            response__kind=KINDS.OFFERS,
            response__state=Response.State.SUBMITTED,
            response__organisation__isnull=False,
            question__kind=Question.Kind.OFFER,
            assistance_types__isnull=False,
        )
        .values_list(
            "response__organisation_id",
            "question__theme_id",
            "question__theme__name",
            "assistance_types__id",
            "assistance_types__name",
        )  # fmt: skip
        .order_by()
    )
    offered: dict[int, tuple[set[str], set[str]]] = {}
    for organisation_id, theme_id, theme, type_id, type_name in rows:
        themes, types = offered.setdefault(organisation_id, (set(), set()))
        if theme_id in theme_ids:
            themes.add(theme)
        if type_id in type_ids:
            types.add(type_name)
    return cycle, {pk: value for pk, value in offered.items() if value[0] or value[1]}


class Rate(NamedTuple):
    """A region's response rate in a cycle: (invited, started, submitted) for needs and for offers; `started`
    counts every response begun, submitted or not."""

    region: str
    needs: tuple[int, ...]
    offers: tuple[int, ...]

    @property
    def region_name(self) -> str:
        return region_name(self.region)


def _counts(queryset: QuerySet[Any], *group: str) -> QuerySet[Any, Any]:
    return queryset.values_list(*group).annotate(n=Count("pk")).order_by()


def response_rates(cycles: Iterable[Cycle] | QuerySet[Cycle]) -> dict[int, list[Rate]]:
    """{cycle pk: [Rate]} by UN region (an organisation by the region of its country), live. Four queries,
    whatever the number of cycles, invitees and responses."""
    through: dict[str, Any] = {"needs": Cycle.invited.through, "offers_parties": Cycle.offers_invited_parties.through,
               "offers_organisations": Cycle.offers_invited_organisations.through}  # fmt: skip
    tally: dict[
        tuple[int, str], list[int]
    ] = {}  # (cycle pk, region) → [needs invited, started, submitted, offers invited, started, submitted]

    def add(cycle_id: int, region: str | None, column: int, n: int) -> None:
        tally.setdefault((cycle_id, region or "—"), [0] * 6)[column] += n

    for name, region in (("needs", "party__country__region__code"), ("offers_parties", "party__country__region__code"),
                         ("offers_organisations", "organisation__country__region__code")):  # fmt: skip
        for cycle_id, code, n in _counts(through[name].objects.filter(cycle__in=cycles), "cycle_id", region):
            add(cycle_id, code, 0 if name == "needs" else 3, n)
    responses = Response.objects.filter(cycle__in=cycles).annotate(
        region=Coalesce("party__country__region__code", "organisation__country__region__code")
    )
    for cycle_id, kind, code, state, n in _counts(responses, "cycle_id", "kind", "region", "state"):
        column = 1 if kind == KINDS.NEEDS else 4
        add(cycle_id, code, column, n)
        if state == Response.State.SUBMITTED:
            add(cycle_id, code, column + 1, n)
    rates: dict[int, list[Rate]] = {}
    for (cycle_id, region), row in sorted(tally.items()):
        rates.setdefault(cycle_id, []).append(Rate(region, tuple(row[:3]), tuple(row[3:])))
    return rates


def reopen_requests() -> QuerySet[ReopenRequest]:
    """Every request to reopen a response, with what the staff pages show (one query)."""
    return ReopenRequest.objects.select_related(
        "response__cycle", "response__party__country", "response__organisation", "requested_by"
    )


def pending_reopen_requests() -> QuerySet[ReopenRequest]:
    """The pending requests to reopen a response, oldest first, with what the staff page shows (one query)."""
    return reopen_requests().filter(state=ReopenRequest.State.PENDING).order_by("created_at")


class InvitationPreview(NamedTuple):
    """What opening a cycle will send: the respondents invited, the e-mails (one per person and questionnaire),
    and the invitees nobody can be e-mailed for (no active contact point or member)."""

    needs_parties: int
    offers_parties: int
    organisations: int
    emails: int
    unreachable: list[str]

    @property
    def respondents(self) -> int:
        return self.needs_parties + self.offers_parties + self.organisations


def invitation_preview(
    *, invited: Iterable[Party], offers_parties: Iterable[Party] = (), offers_organisations: Iterable[Organisation] = ()
) -> InvitationPreview:
    """The InvitationPreview of a cycle not yet opened, for the confirmation page: three queries."""
    active = get_user_model().objects.filter(is_active=True)
    needs_ids, offer_ids = {p.pk for p in invited}, {p.pk for p in offers_parties}
    people: dict[tuple[str, int], set[int]] = {}
    contacts = ContactPoint.objects.filter(party__in=needs_ids | offer_ids, user__in=active)
    for party_id, user_id in contacts.values_list("party_id", "user_id").distinct():
        people.setdefault(("p", party_id), set()).add(user_id)
    members = Membership.objects.filter(organisation__in=[o.pk for o in offers_organisations], user__in=active)
    for organisation_id, user_id in members.values_list("organisation_id", "user_id").distinct():
        people.setdefault(("o", organisation_id), set()).add(user_id)

    def reach(key: tuple[str, int]) -> int:
        return len(people.get(key, ()))

    invitees: list[tuple[Respondent, tuple[str, int]]] = [(p, ("p", p.pk)) for p in invited]
    invitees += [(p, ("p", p.pk)) for p in offers_parties]
    invitees += [(o, ("o", o.pk)) for o in offers_organisations]
    unreachable = sorted({str(who) for who, key in invitees if not reach(key)})
    return InvitationPreview(
        needs_parties=len(needs_ids), offers_parties=len(offer_ids), organisations=len(list(offers_organisations)),
        emails=sum(reach(key) for _who, key in invitees), unreachable=unreachable,
    )  # fmt: skip
