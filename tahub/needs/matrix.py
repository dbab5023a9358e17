"""One Party's picture, theme by theme: its need this cycle → the offers that cover its region → its technical
assistance requests (by status) → what was delivered (requests delivered or closed, and events its nominees
attended). A fixed number of statements, whatever the Party's history."""

from dataclasses import dataclass, field

from django.apps import apps
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from tahub.assistance.models import State, TARequest
from tahub.vocabularies.models import Theme

from . import analysis
from .delivery import DELIVERED
from .exporters import Table

NOT_PURSUED = (State.DECLINED, State.WITHDRAWN, State.DRAFT)


@dataclass
class MatrixRow:
    theme: str
    theme_name: str
    level: str = ""
    offers: int | None = 0
    requests: dict = field(default_factory=dict)  # state → count
    events: int = 0

    @property
    def level_label(self):
        return analysis.Level(self.level).label if self.level else ""

    @property
    def open_requests(self):
        return sum(n for state, n in self.requests.items() if state not in (*DELIVERED, *NOT_PURSUED))

    @property
    def delivered(self):
        return sum(self.requests.get(state, 0) for state in DELIVERED)

    @property
    def requests_total(self):
        return sum(n for state, n in self.requests.items() if state != State.DRAFT)

    @property
    def unmet(self):
        """A high or medium need with nothing delivered and nothing under way."""
        return (
            self.level in analysis.WEIGHTS
            and analysis.WEIGHTS[self.level] > 0
            and not (self.delivered or self.open_requests or self.events)
        )

    @property
    def empty(self):
        return not (self.level or self.offers or self.requests or self.events)


def _events_by_theme(party):
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


def party_matrix(cycle, party, *, show_offers=True):
    """[MatrixRow] for every theme the Party has a need, an offer, a request or an event on; needs first."""
    levels = {
        slug: level
        for _c, slug, _name, _key, level, _n in analysis.party_theme_levels([cycle.pk], party_id=party.pk, group=None)
    }
    region = party.country.region.code if party.country.region_id else None
    offers = analysis.offer_counts(cycle, region=region) if show_offers and region else {}
    requests = (
        TARequest.objects.filter(party=party, themes__isnull=False)
        .exclude(state=State.DRAFT)  # a draft is the Party's alone: not a request until submitted
        .values_list("themes__slug", "state")
        .annotate(n=Count("pk"))
        .order_by()
    )
    by_request = {}
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


def matrix_table(party, rows):
    header = [_("Theme"), _("Need this cycle"), _("Offers covering the region"), _("Requests"),
              _("Requests under way"), _("Requests delivered"), _("Events attended"), _("Need unmet")]  # fmt: skip
    body = [
        [row.theme_name, str(row.level_label), "" if row.offers is None else row.offers, row.requests_total,
         row.open_requests, row.delivered, row.events, str(_("yes")) if row.unmet else ""]
        for row in rows
    ]  # fmt: skip
    return Table(
        "matrix", _("%(party)s: needs, offers, requests and assistance delivered") % {"party": party}, header, body
    )
