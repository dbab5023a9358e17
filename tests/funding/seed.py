"""The seed proposal (seed 003), made through the services as staff would draft it."""

from decimal import Decimal

from tahub.funding import services
from tahub.funding.models import TrustFund
from tahub.parties.models import Convention
from tahub.planning.models import Decision, DecisionParagraph, ProgrammeActivity

TITLE = (
    "Technical assistance programme including Secretariat activities aimed at the provision of technical "
    "assistance to parties and seek the involvement of appropriate partners and stakeholders including "
    "delivery of capacity building programmes"
)
LINES = [
    {"component": "Overall coordination of the capacity building programme", "amount": Decimal("20000")},
    {"component": "Development of training materials/tools", "amount": Decimal("50000")},
    {"component": "Regional Workshops (10 nos.)", "amount": Decimal("930000")},
]


def seed_data():
    return {
        "convention": Convention.objects.get(code="SC"),
        "title": TITLE,
        "decisions": list(Decision.objects.filter(number__in=["SC-5/28", "SC-5/20"])),
        "legal_basis": list(DecisionParagraph.objects.filter(decision__number="SC-5/20", number="8")),
        "activities": list(ProgrammeActivity.objects.filter(biennium__start_year=2012, number__in=[11, 12, 33])),
        "legal_basis_notes": "SC-5/20: Guidance on technical assistance (paragraph 8)",
        "work_programme_activities": "11, 12, 33",
        "background": "Paragraph 1 of Article 12 of the Convention states that the Parties recognize …",
        "proposed_activities": "Overall coordination of the capacity building programme\nWebinars followed by "
        "regional workshops in collaboration with regional centres",
        "results": "Parties to the Stockholm Convention have the capacities and capabilities to meet their "
        "obligations under the Convention\nVarious guidance and technical guidelines are implemented by parties",
        "currency": "USD",
        "approved_budget": Decimal("1190000"),
        "trust_fund": TrustFund.objects.get(code="SV"),
    }


def seed_proposal(by, *, publish=False, title=TITLE):
    proposal = services.draft_proposal(
        by=by,
        data=seed_data() | {"title": title},
        lines=LINES,
        co_funding=[{"donor_name": "Pledged co-funding", "amount": Decimal("362562")}],
    )
    if publish:
        services.move_proposal(proposal, by=by, action="submit")
        proposal = services.move_proposal(proposal, by=by, action="publish")
    return proposal
