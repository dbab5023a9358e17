"""Publishing a cycle's results (staff): the aggregates the public sees are computed once and stored
(`PublishedResults`, read by `selectors.published`); publishing again refreshes them; withdrawing deletes them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tahub.core.rules import require

from ..models import Cycle, PublishedResults
from ..selectors import analysis, delivery
from ..selectors.published import compute, published_cycles

if TYPE_CHECKING:
    from tahub.accounts.models import User


NOT_PUBLISHED = _("The results of this cycle are not published: there is nothing to withdraw.")


@transaction.atomic
def publish_results(cycle: Cycle, *, by: User) -> Cycle:
    """Staff publish the cycle's aggregates (the gap analysis): until then only the Secretariat sees them. The
    figures the public sees are computed now and stored (`published`); publishing again refreshes them (answers
    entered late, a response reopened, assistance delivered since), keeping the date of first publication."""
    require(by, "needs.open_cycle")
    cycle = Cycle.objects.select_for_update().get(pk=cycle.pk)
    again = cycle.results_published_at is not None
    cycle.results_published_at = cycle.results_published_at or timezone.now()
    cycle._change_reason = "needs.cycle.results_republished" if again else "needs.cycle.results_published"
    cycle.save()
    cycles = published_cycles(besides=cycle)
    store(cycle, by=by, published=cycles)
    refresh_following(cycle, by=by, published=cycles)
    return cycle


@transaction.atomic
def withdraw_results(cycle: Cycle, *, by: User) -> Cycle:
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
    refresh_following(cycle, by=by, published=published_cycles())
    return cycle


def store(cycle: Cycle, *, by: User | None, published: list[Cycle]) -> PublishedResults:
    """Compute and write the cycle's PublishedResults (replacing any): `published` as for `compute`."""
    data, since = compute(cycle, published)
    results, _created = PublishedResults.objects.update_or_create(
        cycle=cycle,
        defaults={"data": data, "delivered_since": since, "computed_at": timezone.now(), "computed_by": by},
    )
    return results


def refresh_following(cycle: Cycle, *, by: User | None, published: list[Cycle]) -> None:
    """After `cycle` was published or withdrawn: recompute the next published cycle when its window of
    assistance delivered moved (its previous published cycle changed)."""
    later = [c for c in published if (c.deadline, c.slug) > (cycle.deadline, cycle.slug)]
    if not later:
        return
    following = later[0]
    window = delivery.window_start(analysis.previous_cycle(following, published))
    stored = PublishedResults.objects.filter(cycle=following).values_list("delivered_since", flat=True).first()
    if stored != window:
        store(following, by=by, published=published)


def store_all(*, by: User | None = None) -> int:
    """Compute the PublishedResults of every published cycle (the data generator's published cycles)."""
    cycles = published_cycles()
    for cycle in cycles:
        store(cycle, by=by, published=cycles)
    return len(cycles)
