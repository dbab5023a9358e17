"""Suggested providers for a request, ranked by fit, each with the reasons for its score.

Fit is computed from the shared vocabularies, not typed: the themes and types of assistance a provider
offers (in the directory, and in its submitted offers response of the latest needs-assessment cycle), the
regions and Parties it serves, its working languages, and what it has delivered before on requests with the
same themes (and how satisfied those Parties were).
"""

from dataclasses import dataclass, field

from django.db.models import Avg, Count, Prefetch, Q
from django.template.defaultfilters import floatformat
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tahub.directory.models import Organisation

from .models import State

WEIGHTS = {"theme": 3, "type": 2, "party": 3, "region": 2, "language": 1, "delivered": 2, "offered": 2}
MAX_PAST_DELIVERIES_COUNTED = 3


def no_offers(theme_ids, type_ids):
    return None, {}


# What providers offered outside the directory: f(theme_ids, type_ids) -> (cycle, {organisation pk: (themes,
# types)}). The needs app, above this one, plugs in its offers questionnaire (NeedsConfig.ready calls
# use_offers), so that assistance does not import needs.
_offers_matching = no_offers


def use_offers(source):
    """Take what providers offered from `source` (see `_offers_matching`)."""
    global _offers_matching
    _offers_matching = source


@dataclass
class Suggestion:
    organisation: Organisation
    score: int = 0
    reasons: list = field(default_factory=list)

    def add(self, points, reason):
        self.score += points
        self.reasons.append(reason)


def _candidates(request, theme_ids, type_ids, offered=()):
    """Providers that offer one of the themes or types, serve the Party or its region, or delivered before."""
    region_id = request.party.country.region_id
    delivered = Q(
        assignments__request__state__in=[State.DELIVERED, State.CLOSED],
        assignments__request__themes__in=theme_ids,
    )
    return (
        Organisation.objects.filter(
            Q(themes__in=theme_ids)
            | Q(assistance_types__in=type_ids)
            | Q(parties_served=request.party)
            | Q(regions_served=region_id)
            | Q(regional_centre__region=region_id)
            | delivered
            | Q(pk__in=list(offered))
        )
        .distinct()
        .select_related("country")
        .prefetch_related(
            Prefetch("themes"), Prefetch("assistance_types"), "regions_served", "parties_served", "regional_centre"
        )
    )


def _past_deliveries(theme_ids):
    """Organisation id → (similar requests delivered, average satisfaction) over delivered or closed requests."""
    rows = (
        Organisation.objects.filter(
            assignments__request__state__in=[State.DELIVERED, State.CLOSED],
            assignments__request__themes__in=theme_ids,
        )
        .annotate(
            n=Count("assignments__request", distinct=True), satisfaction=Avg("assignments__request__satisfaction")
        )
        .values_list("pk", "n", "satisfaction")
    )
    return {pk: (n, satisfaction) for pk, n, satisfaction in rows}


def suggest_providers(request, *, limit=10):
    """The best-fitting providers for `request`, highest score first (ties by name)."""
    theme_ids = {t.pk for t in request.themes.all()}
    type_ids = {t.pk for t in request.assistance_types.all()}
    history = _past_deliveries(theme_ids)
    cycle, offers = _offers_matching(theme_ids, type_ids)
    suggestions = []
    for org in _candidates(request, theme_ids, type_ids, offers):
        suggestion = _score(request, org, theme_ids, type_ids, history)
        _score_offers(suggestion, cycle, offers.get(org.pk))
        suggestions.append(suggestion)
    suggestions.sort(key=lambda s: (-s.score, s.organisation.name))
    return [s for s in suggestions if s.score > 0][:limit]


def _score(request, organisation, theme_ids, type_ids, history):
    suggestion = Suggestion(organisation)
    themes = [t.name for t in organisation.themes.all() if t.pk in theme_ids]
    if themes:
        suggestion.add(WEIGHTS["theme"] * len(themes), _("offers %s") % "; ".join(themes))
    types = [t.name for t in organisation.assistance_types.all() if t.pk in type_ids]
    if types:
        suggestion.add(WEIGHTS["type"] * len(types), _("provides %s") % "; ".join(types))
    _score_reach(request, organisation, suggestion)
    languages = set(organisation.language_list)
    centre = getattr(organisation, "regional_centre", None)
    if centre is not None:
        languages |= set(centre.language_list)
    if request.language in languages:
        suggestion.add(WEIGHTS["language"], _("works in %s") % request.get_language_display())
    delivered, satisfaction = history.get(organisation.pk, (0, None))
    if delivered:
        if satisfaction:
            reason = ngettext(
                "answered %(n)d similar request; Parties' satisfaction %(s)s/5",
                "answered %(n)d similar requests; Parties' satisfaction %(s)s/5",
                delivered,
            ) % {"n": delivered, "s": floatformat(satisfaction, 1)}
        else:
            reason = ngettext("answered %(n)d similar request", "answered %(n)d similar requests", delivered) % {
                "n": delivered
            }
        suggestion.add(WEIGHTS["delivered"] * min(delivered, MAX_PAST_DELIVERIES_COUNTED), reason)
    return suggestion


def _score_offers(suggestion, cycle, offered):
    """Points for what the organisation offered in the latest needs assessment's offers questionnaire."""
    if not offered:
        return
    themes, types = offered
    what = "; ".join(sorted(themes) + sorted(types))
    suggestion.add(
        WEIGHTS["offered"] * (len(themes) + len(types)),
        _("offered %(what)s in the %(cycle)s offers questionnaire") % {"what": what, "cycle": cycle.title},
    )


def _score_reach(request, organisation, suggestion):
    region_id = request.party.country.region_id
    centre = getattr(organisation, "regional_centre", None)
    if any(p.pk == request.party_id for p in organisation.parties_served.all()):
        suggestion.add(WEIGHTS["party"], _("serves %s") % request.party.country.name)
    elif any(r.pk == region_id for r in organisation.regions_served.all()):
        suggestion.add(WEIGHTS["region"], _("serves the region"))
    elif centre is not None and centre.region_id == region_id:
        suggestion.add(WEIGHTS["region"], _("regional centre of the region"))
