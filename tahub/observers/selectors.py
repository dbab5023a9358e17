"""Reads of observer admission, shared by pages, API and exports."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from django.db.models import Case, Exists, OuterRef, Prefetch, Q, QuerySet, Value, When
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from tahub.directory.models import Organisation

from . import un_system
from .models import Exemption, FocalPoint, ObserverApplication, ObserverMeeting, Registration

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from tahub.accounts.models import User

STATUS_LABELS = {"exempt": _("Exempt from admission"), "admitted": _("Admitted")}


def meeting_list() -> QuerySet[ObserverMeeting]:
    return ObserverMeeting.objects.select_related("meeting").order_by("-start")


def meeting_get(code: str) -> ObserverMeeting:
    return get_object_or_404(meeting_list(), code=code)


def exemptions() -> QuerySet[Exemption]:
    """Exemptions by category and by organisation, for display and for the admission check."""
    return Exemption.objects.select_related("organisation").order_by("kind", "organisation__name")


def exempt_by_status() -> list[tuple[Organisation, un_system.Standing]]:
    """[(organisation, Standing)]: the directory's bodies exempt by their status in the UN system (SC-2/16
    paragraph 5, as data in un_system.csv), by name."""
    standings = un_system.standings()
    found = Organisation.objects.filter(slug__in=un_system.exempt_codes()).order_by("name")
    return [(organisation, standings[organisation.slug]) for organisation in found]


def exemption_of(organisation: Organisation) -> un_system.Standing | Exemption | None:
    """Why the organisation needs no admission: its Standing (paragraph 5 covers its status), its Exemption
    by name or by category, or None."""
    standing = un_system.standing(organisation)
    if standing and standing.exempt:
        return standing
    return (
        Exemption.objects.filter(Q(kind=organisation.kind) | Q(organisation=organisation))
        .order_by("kind")  # by name ("" first) before by category
        .first()
    )


def admitted_ids() -> set[int | None]:
    return set(
        ObserverApplication.objects.filter(state=ObserverApplication.State.ADMITTED).values_list(
            "organisation_id", flat=True
        )
    )


def admission_status(organisation: Organisation) -> str | None:
    """'exempt', 'admitted' or None: whether the organisation may register representatives."""
    if exemption_of(organisation) is not None:
        return "exempt"
    if organisation.observer_applications.filter(state=ObserverApplication.State.ADMITTED).exists():
        return "admitted"
    return None


def admitted_bodies() -> QuerySet[Organisation]:
    """Bodies admitted as observers (by an application), by name: public."""
    return (
        Organisation.objects.filter(observer_applications__state=ObserverApplication.State.ADMITTED)
        .select_related("country")
        .distinct()
        .order_by("name")
    )


def meeting_observers(meeting: ObserverMeeting) -> QuerySet[Organisation]:
    """The organisations with at least one approved representative at the meeting: public, no personal data."""
    return (
        Organisation.objects.filter(
            observer_registrations__meeting=meeting, observer_registrations__state=Registration.State.APPROVED
        )
        .select_related("country")
        .distinct()
        .order_by("name")
    )


def meeting_observers_with_representatives(meeting: ObserverMeeting) -> QuerySet[Organisation]:
    """For the Secretariat: the same bodies, each with `representatives` (approved, by name)."""
    approved = Registration.objects.filter(meeting=meeting, state=Registration.State.APPROVED).order_by("name")
    return meeting_observers(meeting).prefetch_related(
        Prefetch("observer_registrations", queryset=approved, to_attr="representatives")
    )


def meeting_observers_with_admission(meeting: ObserverMeeting) -> QuerySet[Any]:  # Any: `admission` annotated
    """For the API's staff list: the bodies with their approved `representatives` and their `admission`
    ('exempt' or 'admitted', computed in the query, so a page of them costs the same as one)."""
    exempt = Exemption.objects.filter(Q(kind=OuterRef("kind")) | Q(organisation=OuterRef("pk")))
    admitted = ObserverApplication.objects.filter(organisation=OuterRef("pk"), state=ObserverApplication.State.ADMITTED)
    return meeting_observers_with_representatives(meeting).annotate(
        admission=Case(
            When(Exists(exempt) | Q(slug__in=un_system.exempt_codes()), then=Value("exempt")),
            When(Exists(admitted), then=Value("admitted")),
            default=Value(""),
        )
    )


def applications_to_review() -> QuerySet[ObserverApplication]:
    return ObserverApplication.objects.select_related("country", "organisation").prefetch_related(
        "documents", "messages__author", "messages__documents"
    )


def application_by_token(token: str) -> ObserverApplication:
    return get_object_or_404(applications_to_review(), token=token)


def organisations_acting_for(user: User | AnonymousUser) -> QuerySet[Organisation]:
    """Organisations the user is a member or observer focal point of."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    focal = FocalPoint.objects.filter(user=user).values("organisation_id")
    return Organisation.objects.filter(Q(memberships__user=user) | Q(pk__in=focal)).distinct().order_by("name")


def registrations_of(organisation: Organisation, meeting: ObserverMeeting) -> QuerySet[Registration]:
    return (
        Registration.objects.filter(organisation=organisation, meeting=meeting)
        .select_related("registered_by", "approved_by")
        .order_by("name")
    )


def admission_statuses(organisations: Sequence[Organisation]) -> dict[int, str]:
    """{organisation id: 'exempt' | 'admitted'} for a list of organisations, in two queries (none for none)."""
    if not organisations:
        return {}
    exempt = list(Exemption.objects.values_list("kind", "organisation_id"))
    kinds = {kind for kind, _pk in exempt if kind}
    exempt_ids = {pk for _kind, pk in exempt if pk}
    by_status = un_system.exempt_codes()
    admitted = admitted_ids()
    statuses: dict[int, str] = {}
    for organisation in organisations:
        if organisation.kind in kinds or organisation.pk in exempt_ids or organisation.slug in by_status:
            statuses[organisation.pk] = "exempt"
        elif organisation.pk in admitted:
            statuses[organisation.pk] = "admitted"
    return statuses


def applications_of(user: User | AnonymousUser) -> QuerySet[ObserverApplication]:
    """Applications a signed-in person sent: they follow them here as well as by the private link."""
    if not user.is_authenticated:
        return ObserverApplication.objects.none()
    return ObserverApplication.objects.filter(submitted_by=user).order_by("-created_at")
