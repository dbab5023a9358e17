"""Every read of requests. `requests_visible_to(user)` decides what a user may see; pages, API and
exports all start from it, so a Party's focal point never sees another Party's requests."""

from django.db.models import Count, Prefetch, Q
from django.db.models.functions import ExtractYear
from django.shortcuts import get_object_or_404
from django.utils import timezone

from tahub.accounts.models import StaffRole, User
from tahub.accounts.rules import is_secretariat
from tahub.parties.models import Party

from . import service_levels
from .models import Assignment, State, TARequest


def requests_visible_to(user):
    """A draft is the Party's alone: its contact and focal points (and whoever filed it) see it, no one else.
    Out of draft, staff see every request, a Party's people their Party's, providers those assigned to their
    organisation; the public none. The same rule as the "assistance.view_request" permission (rules.py)."""
    queryset = TARequest.objects.all()
    if not user.is_authenticated:
        return queryset.none()
    own = Q(party__in=_parties_of(user)) | Q(created_by=user)
    if is_secretariat(user):
        return queryset.filter(own | ~Q(state=State.DRAFT))
    assigned = Q(assignments__organisation__memberships__user=user) & ~Q(state=State.DRAFT)
    return queryset.filter(own | assigned).distinct()


def _parties_of(user):
    return Party.objects.filter(contact_points__user=user)


def party_ids_of(user):
    """The Parties a user acts for (as contact or focal point)."""
    return set(_parties_of(user).values_list("pk", flat=True)) if user.is_authenticated else set()


def parties_user_may_file_for(user):
    """Staff may record a request for any Party; a contact or focal point for its own Party only."""
    queryset = Party.objects.select_related("country").order_by("country__sort_name", "country__name")
    if is_secretariat(user):
        return queryset.filter(convention__code="SC")
    return queryset.filter(contact_points__user=user)


def _with_relations(queryset):
    return queryset.select_related(
        "party__country__region", "owner", "created_by", "programme_activity__biennium"
    ).prefetch_related(
        "themes",
        "assistance_types",
        "chemicals",
        "conventions",
        Prefetch("assignments", queryset=Assignment.objects.select_related("organisation").prefetch_related("reports")),
    )


def request_get(user, reference):
    """One request the user may see, by reference; 404 (not 403) for others, so references can't be probed."""
    return get_object_or_404(_with_relations(requests_visible_to(user)), reference=reference)


def request_list(
    user,
    *,
    state=None,
    region=None,
    theme=None,
    assistance_type=None,
    convention=None,
    party=None,
    overdue=False,
    today=None,
):
    """The requests a user may see, filtered; newest first."""
    queryset = requests_visible_to(user)
    if state:
        queryset = queryset.filter(state=state)
    if region:
        queryset = queryset.filter(party__country__region__code=region)
    if theme:
        queryset = queryset.filter(themes__slug=theme)
    if assistance_type:
        queryset = queryset.filter(assistance_types__slug=assistance_type)
    if convention:
        queryset = queryset.filter(conventions__code=convention)
    if party:
        queryset = queryset.filter(party__country__iso3=party)
    if overdue:
        queryset = queryset.filter(service_levels.overdue_q(today or timezone.localdate()))
    if theme or assistance_type or convention:
        queryset = queryset.distinct()
    return _with_relations(queryset).order_by("-submitted_at", "-created_at")


def party_requests(user):
    """ "Our requests": the requests of the Parties the user acts for, newest first."""
    return request_list(user).filter(party__in=_parties_of(user))


def assigned_requests(user):
    """ "Assigned to us": requests (out of draft) assigned to an organisation the user is a member of."""
    assigned = request_list(user).filter(assignments__organisation__memberships__user=user)
    return assigned.exclude(state=State.DRAFT).distinct()


def request_for_notification(request_id):
    return TARequest.objects.select_related("party__country", "owner", "created_by").get(pk=request_id)


def notification_recipients(request, audience):
    """The active users to tell: the Party's contact points and the filer; the Secretariat owner (or the
    administrators while no one owns it); the members of assigned providers."""
    recipients = User.objects.none()
    if "party" in audience:
        recipients |= User.objects.filter(Q(contact_points__party=request.party) | Q(pk=request.created_by_id))
    if "secretariat" in audience:
        if request.owner_id:
            recipients |= User.objects.filter(pk=request.owner_id)
        else:
            recipients |= User.objects.filter(staff_roles__role=StaffRole.Role.ADMINISTRATOR)
    if "providers" in audience:
        recipients |= User.objects.filter(memberships__organisation__assignments__request=request)
    return recipients.filter(is_active=True).distinct().order_by("email")


def overdue_requests(today=None):
    """Requests waiting on the Secretariat past their service level, for the daily reminder."""
    today = today or timezone.localdate()
    return TARequest.objects.filter(service_levels.overdue_q(today)).select_related("owner")


def age_in_days(request, today=None):
    start = request.submitted_at or request.created_at
    return ((today or timezone.localdate()) - start.date()).days if start else 0


def request_timeline(request):
    """Every recorded move of the request, oldest first: when, who, to which state, and the audit reason."""
    records = request.history.select_related("history_user").order_by("history_date")
    timeline, previous = [], None
    for record in records:
        if record.state != previous:
            timeline.append(record)
            previous = record.state
    return timeline


def assignments_reportable_by(user, request):
    """The assignments of `request` a person may report on: their organisation's; all of them for staff."""
    queryset = request.assignments.select_related("organisation")
    if is_secretariat(user):
        return queryset
    return queryset.filter(organisation__memberships__user=user)


def delivery_record(organisation):
    """[(year, requests)] delivered or closed with this organisation assigned: its public assistance record."""
    return list(
        TARequest.objects.filter(assignments__organisation=organisation, state__in=[State.DELIVERED, State.CLOSED])
        .annotate(year=ExtractYear("delivered_at"))
        .values_list("year")
        .annotate(n=Count("pk", distinct=True))
        .order_by("year")
    )


def provider_search(query, *, limit=20):
    """Providers to assign whose name, acronym or country of seat contains `query`, by name (at most `limit`)."""
    from tahub.directory.models import Organisation

    query = (query or "").strip()
    if not query:
        return []
    matches = Q(name__icontains=query) | Q(short_name__icontains=query) | Q(country__name__icontains=query)
    return list(
        Organisation.objects.filter(matches)
        .select_related("country")
        .prefetch_related("themes", "assistance_types")
        .order_by("name", "pk")[:limit]
    )


def delivery_report_get(request, pk):
    """A delivery report of `request` (already checked visible), or 404."""
    from .models import DeliveryReport

    return get_object_or_404(
        DeliveryReport.objects.select_related("assignment__organisation").prefetch_related("parties_benefited"),
        assignment__request=request,
        pk=pk,
    )
