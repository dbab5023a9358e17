"""A centre's endorsements by the COP: a region's nomination of an institution (endorsed, when the institution
becomes a centre, or not), and the renewal of a centre's endorsement for another term."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from tahub.core import workflow
from tahub.core.rules import require
from tahub.directory.models import Organisation

from ..models import Endorsement, Nomination, RegionalCentre

if TYPE_CHECKING:
    from tahub.accounts.models import User
    from tahub.planning.models import Decision


ENDORSEMENT_YEARS = 4  # the COP endorses a centre for four years: four calendar years, 2026–2029


def term_end(start_year: int) -> int:
    """The last year of a term that starts in `start_year`: a term of four years from 2026 runs 2026–2029."""
    return start_year + ENDORSEMENT_YEARS - 1


@transaction.atomic
def nominate_centre(*, by: User, data: dict[str, Any]) -> Nomination:
    """The Secretariat records a region's nomination of an institution, with its dossier."""
    require(by, "centres.evaluate")
    nomination = Nomination(**data)
    nomination.full_clean(exclude=["state"])
    nomination._change_reason = "centres.nomination.submitted"
    nomination.save()
    return nomination


@transaction.atomic
def endorse_nomination(nomination: Nomination, *, by: User, decision: Decision | None, start_year: int) -> Nomination:
    """The COP endorsed the nomination: the institution becomes a centre (and a provider in the directory),
    endorsed for four years by `decision`."""
    workflow.require_transition(by, nomination, "endorse")
    code = _free_code(f"scrc-{slugify(nomination.host_country.name)}-{start_year}")
    organisation = Organisation.objects.create(
        slug=code, name=nomination.institution, kind=Organisation.Kind.REGIONAL_CENTRE, country=nomination.host_country
    )
    centre = RegionalCentre.objects.create(
        code=code,
        name=nomination.institution,
        host_country=nomination.host_country,
        city=nomination.city,
        host_institution=nomination.institution,
        organisation=organisation,
        region=nomination.region,
    )
    _endorse(centre, decision, start_year)
    return workflow.move(
        Nomination, nomination, "endorse", by=by, reason="centres.nomination.endorsed",
        changes={"decision": decision, "centre": centre},
    )  # fmt: skip


def _free_code(base: str) -> str:
    """The first of base, base-2, base-3… that neither a centre nor an organisation uses: two institutions of one
    country can be endorsed in the same year."""
    taken = set(RegionalCentre.objects.filter(code__startswith=base).values_list("code", flat=True))
    taken |= set(Organisation.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    code, n = base, 1
    while code in taken:
        n += 1
        code = f"{base}-{n}"
    return code


@transaction.atomic
def decline_nomination(nomination: Nomination, *, by: User, decision: Decision | None, note: str) -> Nomination:
    workflow.require_transition(by, nomination, "decline")
    if not note.strip():
        raise ValidationError({"note": _("Say why the nomination was not endorsed.")})
    return workflow.move(
        Nomination, nomination, "decline", by=by, reason="centres.nomination.not_endorsed",
        changes={"decision": decision, "note": note},
    )  # fmt: skip


@transaction.atomic
def renew_endorsement(
    centre: RegionalCentre, *, by: User, decision: Decision | None, start_year: int | None = None
) -> Endorsement:
    """After its evaluation, the COP renews a centre's endorsement for another four years. The renewal follows
    on from the current term (it starts the year after that term ends, the default) and never overlaps it."""
    require(by, "centres.evaluate")
    if start_year is None:
        latest = centre.endorsements.order_by("-end_year").first()
        if latest is None:
            raise ValidationError({"start_year": _("Give the first year of the term.")})
        start_year = latest.end_year + 1
    return _endorse(centre, decision, start_year)


def _endorse(centre: RegionalCentre, decision: Decision | None, start_year: int) -> Endorsement:
    if decision is None:
        raise ValidationError({"decision": _("Name the COP decision.")})
    if centre.endorsements.filter(start_year=start_year).exists():
        raise ValidationError({"start_year": _("The centre already has an endorsement starting in %s.") % start_year})
    end_year = term_end(start_year)
    overlapping = centre.endorsements.filter(start_year__lte=end_year, end_year__gte=start_year).first()
    if overlapping:
        raise ValidationError(
            {
                "start_year": _(
                    "A term from %(start)s would overlap the term %(from)s–%(until)s: a renewal starts in %(next)s "
                    "at the earliest, the year after that term ends."
                )
                % {
                    "start": start_year,
                    "from": overlapping.start_year,
                    "until": overlapping.end_year,
                    "next": overlapping.end_year + 1,
                }
            }
        )
    endorsement = Endorsement(
        centre=centre,
        decision=decision,
        decision_reference=decision.number,
        start_year=start_year,
        end_year=end_year,
    )
    endorsement.full_clean()
    endorsement._change_reason = "centres.endorsement.recorded"
    endorsement.save()
    return endorsement
