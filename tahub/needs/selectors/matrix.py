"""One Party's picture, theme by theme: its need this cycle → the offers that cover its region → its technical
assistance requests (by status) → what was delivered (requests delivered or closed, and events its nominees
attended). A fixed number of statements, whatever the Party's history."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.apps import apps
from django.db.models import Count

from tahub.assistance.models import State, TARequest
from tahub.vocabularies.models import Theme

from . import analysis
from .delivery import DELIVERED

if TYPE_CHECKING:
    from tahub.parties.models import Party

    from ..models import Cycle

NOT_PURSUED = (State.DECLINED, State.WITHDRAWN, State.DRAFT)


@dataclass
class MatrixRow:
    theme: str
    theme_name: str
    level: str = ""
    offers: int | None = 0
    requests: dict[str, int] = field(default_factory=dict)  # state → count
    events: int = 0

    @property
    def level_label(self) -> Any:
        return analysis.Level(self.level).label if self.level else ""

    @property
    def open_requests(self) -> int:
        return sum(n for state, n in self.requests.items() if state not in (*DELIVERED, *NOT_PURSUED))

    @property
    def delivered(self) -> int:
        return sum(self.requests.get(state, 0) for state in DELIVERED)

    @property
    def requests_total(self) -> int:
        return sum(n for state, n in self.requests.items() if state != State.DRAFT)

    @property
    def unmet(self) -> bool:
        """A high or medium need with nothing delivered and nothing under way."""
        return (
            self.level in analysis.WEIGHTS
            and analysis.WEIGHTS[self.level] > 0
            and not (self.delivered or self.open_requests or self.events)
        )

    @property
    def empty(self) -> bool:
        return not (self.level or self.offers or self.requests or self.events)


def _events_by_theme(party: Party) -> dict[str, int]:
    """{theme slug: published events the Party's nominees attended}, once the events app is installed: one
    aggregate (each event once per theme, however many nominees attended), as
    `events.selectors.events_delivered_to_party` lists them, without loading every event."""
    if not apps.is_installed("tahub.events"):
        return {}
    from tahub.events.models import EventState, Registration

    attended = Registration.objects.filter(
        party=party, attended=True, event__state=EventState.PUBLISHED, event__themes__isnull=False
    )
    return dict(attended.values_list("event__themes__slug").annotate(n=Count("event", distinct=True)).order_by())


def party_matrix(cycle: Cycle, party: Party, *, show_offers: bool = True) -> list[MatrixRow]:
    """[MatrixRow] for every theme the Party has a need, an offer, a request or an event on; needs first."""
    levels = {
        slug: level
        for _c, slug, _name, _key, level, _n in analysis.party_theme_levels([cycle.pk], party_id=party.pk, group=None)
    }
    region = party.country.region.code if party.country.region else None
    offers: dict[Any, int] = analysis.offer_counts(cycle, region=region) if show_offers and region else {}
    requests = (
        TARequest.objects.filter(party=party, themes__isnull=False)
        .exclude(state=State.DRAFT)  # a draft is the Party's alone: not a request until submitted
        .values_list("themes__slug", "state")
        .annotate(n=Count("pk"))
        .order_by()
    )
    by_request: dict[str, dict[str, int]] = {}
    for slug, state, n in requests:
        by_request.setdefault(slug, {})[state] = n
    events = _events_by_theme(party)
    rows = [
        MatrixRow(
            theme=slug,
            theme_name=name,
            level=levels.get(slug, ""),
            offers=offers.get((slug, region), 0) if show_offers else None,
            requests=by_request.get(slug, {}),
            events=events.get(slug, 0),
        )
        for slug, name in Theme.objects.order_by("name").values_list("slug", "name")
    ]
    rank = {level: r for level, r in analysis.RANKS.items()}
    return sorted((row for row in rows if not row.empty), key=lambda r: (-rank.get(r.level, -1), r.theme_name))
