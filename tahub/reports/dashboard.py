"""Reads for the dashboards and the navigation's counts: what waits for a person, and the Secretariat's overview
of the programme. Each starts from the owning app's selectors (who may see what is decided there); the few reads
no app offers (counts across apps, nominations awaiting a decision) are here. Every function costs a fixed number
of queries, however much data there is."""

import datetime

from django.db import connection
from django.db.models import Count, Exists, F, Func, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from tahub.accounts.models import StaffRole, User
from tahub.assistance import selectors as assistance
from tahub.assistance import service_levels
from tahub.assistance.models import State
from tahub.centres import selectors as centres
from tahub.centres.models import ActivityReport, ReportingPeriod, WorkPlan
from tahub.core.rules import is_secretariat
from tahub.directory import selectors as directory
from tahub.directory.models import ListingRequest, Membership, Organisation
from tahub.events.models import Event, Registration, RegistrationState
from tahub.funding import selectors as funding
from tahub.needs import selectors as needs
from tahub.needs.models import Cycle, Response
from tahub.observers import selectors as observers
from tahub.observers.models import FocalPoint, ObserverApplication

LIST_LIMIT = 20  # rows per list on the dashboard; each list links to its full page
TO_TRIAGE = [State.SUBMITTED, State.UNDER_REVIEW]
PARTY_TO_ACT = [State.DRAFT, State.INFO_NEEDED]
IN_DELIVERY = [State.ASSIGNED, State.IN_DELIVERY]


def _count(queryset):
    """COUNT(*) of a selector's queryset as a scalar subquery, so many counts cost one query together.

    A queryset with joins or DISTINCT is counted by its primary keys (a join to many rows would count one row
    several times); one on its table alone is counted as it is: `pk IN (SELECT pk ...)` made PostgreSQL hash
    every row of the table (100 ms a signed-in page at 250,000 registrations: make bench)."""
    rows = queryset.order_by()
    if rows.query.distinct or len(rows.query.alias_map) > 1:
        rows = queryset.model.objects.filter(pk__in=rows.values("pk")).order_by()
    # COUNT(*), not COUNT(id): an index on the filtered columns then answers alone (an index-only scan).
    counted = rows.annotate(n=Func(template="COUNT(*)", output_field=IntegerField())).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def _staff_regions(user):
    return StaffRole.objects.filter(user=user, region__isnull=False).values("region")


def requests_to_triage(user):
    """Requests whose next move is the Secretariat's: a regional focal point's region, everyone's for others."""
    queryset = assistance.request_list(user).filter(state__in=TO_TRIAGE)
    regions = _staff_regions(user)
    return queryset.filter(Q(party__country__region__in=regions) | ~Exists(regions))


def _open_cycles(today):
    return needs.cycle_list().filter(deadline__gte=today)


def questionnaires_due(user, today=None):
    """(cycle, Party, response state) for each open cycle the user's Parties are invited to and have not answered."""
    today = today or timezone.localdate()
    submitted = Response.objects.filter(
        cycle=OuterRef("cycle_id"), party=OuterRef("party_id"), kind=Response.Kind.NEEDS, state=Response.State.SUBMITTED
    )
    return (
        Cycle.invited.through.objects.filter(party__in=needs.parties_answered_by(user), cycle__in=_open_cycles(today))
        .exclude(Exists(submitted))
        .select_related("cycle", "party__country")
        .order_by("cycle__deadline", "party__country__sort_name")
    )


def _organisations_of(user):
    return Membership.objects.filter(user=user).values("organisation")


def _provider_memberships(user):
    """The person's memberships of organisations that deliver assistance: a regional centre, an organisation
    offering themes or types of assistance, or one assigned a request before. Only their members see "Assigned
    to us" (a donor's or an observer body's members would see it always empty)."""
    delivers = (
        Q(organisation__kind=Organisation.Kind.REGIONAL_CENTRE)
        | Q(organisation__themes__isnull=False)
        | Q(organisation__assistance_types__isnull=False)
        | Q(organisation__assignments__isnull=False)
    )
    return Membership.objects.filter(delivers, user=user)


def _nominations_awaiting():
    return Registration.objects.filter(state=RegistrationState.NOMINATED)


def _work_querysets(user, today):
    """The counted things of the navigation, per role: {key: queryset}."""
    counted = {
        "parties": needs.parties_answered_by(user),
        "memberships": Membership.objects.filter(user=user),
        "providers": _provider_memberships(user),
        "donors": Membership.objects.filter(user=user, organisation__donors__isnull=False),
        "observer_bodies": FocalPoint.objects.filter(user=user),
        "my_requests": assistance.party_requests(user).filter(state__in=PARTY_TO_ACT),
        "questionnaires": questionnaires_due(user, today),
        "assigned": assistance.assigned_requests(user).filter(state__in=IN_DELIVERY),
    }
    if is_secretariat(user):
        counted.update(
            triage=requests_to_triage(user),
            listings=directory.listing_requests_to_review().filter(state=ListingRequest.State.SUBMITTED),
            applications=observers.applications_to_review().filter(state=ObserverApplication.State.SUBMITTED),
            nominations=_nominations_awaiting(),
            reports=ActivityReport.objects.filter(state=ActivityReport.State.SUBMITTED),
            work_plans=WorkPlan.objects.filter(state=WorkPlan.State.SUBMITTED),
        )
    return counted


def counts_query(user, today):
    """The navigation's counts as one ORM query: ({key: queryset}'s keys, a values() queryset of one row)."""
    counted = _work_querysets(user, today)
    row = User.objects.filter(pk=user.pk).annotate(**{f"n_{k}": _count(q) for k, q in counted.items()})
    return list(counted), row.values(*(f"n_{k}" for k in counted))


# Compiling counts_query costs ~34,000 Python calls, more than the rest of a small page; its SQL depends only on
# whether the user is Secretariat staff (and on the database), so it is compiled once per process for each, with
# these stand-ins for the user's id and the day, replaced by the real ones in the parameters when it runs.
_STAND_IN_USER = -730_001_913
_STAND_IN_DAY = datetime.date(1901, 2, 3)
_compiled = {}


def _compiled_counts(secretariat):
    """(keys, SQL, parameters with the stand-ins) of the counts query for staff or others, on `connection`."""
    shape = (connection.alias, connection.vendor, secretariat)
    if shape not in _compiled:
        stand_in = User(pk=_STAND_IN_USER, is_active=True, is_staff=secretariat)
        keys, row = counts_query(stand_in, _STAND_IN_DAY)
        sql, params = row.query.sql_with_params()
        assert _STAND_IN_USER in params and connection.ops.adapt_datefield_value(_STAND_IN_DAY) in params
        _compiled[shape] = (keys, sql, tuple(params))
    return _compiled[shape]


def work_counts(user, today=None):
    """{key: count} of what waits for a signed-in person, in one query; {} for the public.

    Keys: parties, memberships and observer_bodies (the roles held; of memberships, providers: of organisations
    that deliver assistance, and donors: of organisations that give), my_requests (their Parties' drafts and
    requests returned for more information), questionnaires (needs questionnaires due), assigned (requests their
    organisation delivers); for staff also triage, listings, applications, nominations, reports, work_plans and
    to_review (their sum). The query is `counts_query`, compiled once per process (`_compiled_counts`)."""
    if not user.is_authenticated:
        return {}
    secretariat = is_secretariat(user)
    keys, sql, params = _compiled_counts(secretariat)
    adapt = connection.ops.adapt_datefield_value
    day, stand_in_day = adapt(today or timezone.localdate()), adapt(_STAND_IN_DAY)
    real = {_STAND_IN_USER: user.pk, stand_in_day: day}
    with connection.cursor() as cursor:
        cursor.execute(sql, [real.get(p, p) if isinstance(p, (int, str, datetime.date)) else p for p in params])
        values = cursor.fetchone() or [0] * len(keys)
    counts = {key: n or 0 for key, n in zip(keys, values, strict=True)}
    if secretariat:
        counts["to_review"] = sum(counts[k] for k in STAFF_REVIEW_KEYS)
    return counts


STAFF_REVIEW_KEYS = ("triage", "listings", "applications", "nominations", "reports", "work_plans")


def triage_rows(user, today=None):
    """[(request, status, due date)] to triage, oldest first: status from the service levels (age, step,
    overdue), due the day its service level runs out."""
    today = today or timezone.localdate()
    levels = service_levels.working_days()
    rows = []
    for request in requests_to_triage(user).order_by("submitted_at", "pk")[:LIST_LIMIT]:
        status = service_levels.status_for(request, today=today, levels=levels)
        step = status["step"]
        due = service_levels.working_days_after(request.submitted_at.date(), levels[step]) if step else None
        rows.append((request, status, due))
    return rows


def nominations_by_event():
    """[event, annotated with n]: nominations awaiting the Secretariat's decision, per event, nearest deadline
    first."""
    awaiting = Q(registrations__state=RegistrationState.NOMINATED)
    events = Event.objects.filter(awaiting).annotate(n=Count("registrations", filter=awaiting))
    return list(events.order_by("registration_deadline", "slug")[:LIST_LIMIT])


def open_cycles_with_rates(today=None):
    """[(cycle, [(region, invited, submitted)])] for the cycles still open, nearest deadline first."""
    cycles = list(_open_cycles(today or timezone.localdate()).order_by("deadline", "slug")[:LIST_LIMIT])
    rates = needs.response_rates(cycles)
    return [(cycle, rates.get(cycle.pk, [])) for cycle in cycles]


def observer_bodies(user):
    """[(organisation, admission label or None)]: the bodies the user is the observer focal point of, by name."""
    mine = list(observers.organisations_acting_for(user).filter(observer_focal_points__user=user))
    statuses = observers.admission_statuses(mine)
    return [(organisation, observers.STATUS_LABELS.get(statuses.get(organisation.pk))) for organisation in mine]


def reports_due(user, today=None, centre_list=None):
    """[(period, centre)] the reporting periods still open that the user's centre has not reported on."""
    today = today or timezone.localdate()
    reported = ActivityReport.objects.filter(
        period=OuterRef("pk"),
        centre__organisation__in=_organisations_of(user),
        state__in=ActivityReport.REPORTED_STATES,
    )
    if centre_list is None:
        centre_list = list(centres.centre_list().filter(organisation__in=_organisations_of(user)))
    if not centre_list:
        return []
    periods = ReportingPeriod.objects.filter(deadline__gte=today).exclude(Exists(reported)).order_by("deadline")
    return [(period, centre) for period in periods[:LIST_LIMIT] for centre in centre_list]


def waiting_for(user, today=None):
    """Everything on a person's dashboard, per role; each list has its deadlines."""
    today = today or timezone.localdate()
    counts = work_counts(user, today)
    board = {"counts": counts, "today": today}
    if counts.get("parties"):
        board["my_requests"] = list(assistance.party_requests(user).filter(state__in=PARTY_TO_ACT)[:LIST_LIMIT])
        board["questionnaires"] = list(questionnaires_due(user, today)[:LIST_LIMIT])
    if counts.get("providers"):
        board["assigned"] = list(assistance.assigned_requests(user).filter(state__in=IN_DELIVERY)[:LIST_LIMIT])
    if counts.get("memberships"):
        board["centres"] = list(centres.centre_list().filter(organisation__in=_organisations_of(user)))
        board["reports_due"] = reports_due(user, today, board["centres"])
        board["donors"] = list(funding.donors_of(user))
    if counts.get("observer_bodies"):
        board["observer_bodies"] = observer_bodies(user)
    if is_secretariat(user):
        board["triage"] = triage_rows(user, today)
        board["nominations"] = nominations_by_event()
        board["cycles"] = open_cycles_with_rates(today)
    return board


def requests_by_state_and_region(user):
    """(states, regions, {(state, region): n}, {state: n}) of the requests the user may see: one query."""
    cells = (
        assistance.requests_visible_to(user)
        .values("state", region=F("party__country__region__name"))
        .annotate(n=Count("pk", distinct=True))
        .order_by()
    )
    table, totals, regions = {}, {}, set()
    for cell in cells:
        state, region, n = cell["state"], cell["region"] or "—", cell["n"]
        table[(state, region)] = n
        totals[state] = totals.get(state, 0) + n
        regions.add(region)
    states = [(value, label) for value, label in State.choices if value in totals]
    return states, sorted(regions), table, totals


def programme_overview(user, today=None):
    """The Secretariat's overview: requests by state and region, overdue ones, open cycles' response rates,
    endorsements ending this year or next, and the funds still to raise per trust fund."""
    today = today or timezone.localdate()
    states, regions, table, totals = requests_by_state_and_region(user)
    overdue = assistance.request_list(user, overdue=True, today=today)
    return {
        "states": states,
        "regions": regions,
        "rows": [(label, [table.get((value, r), 0) for r in regions], totals[value]) for value, label in states],
        "overdue_count": overdue.count(),
        "overdue": list(overdue.order_by("submitted_at", "pk")[:LIST_LIMIT]),
        "cycles": open_cycles_with_rates(today),
        "expiring": [(c, e) for c, e, flagged in centres.endorsements_expiring(today) if flagged],
        "trust_funds": list(funding.trust_funds_with_money()),
        "today": today,
    }
