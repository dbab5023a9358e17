"""Plans, bienniums and activities for the planning tests, made through the services as staff would."""

from decimal import Decimal

from tahub.parties.models import Convention, Region
from tahub.planning import services
from tahub.planning.models import DecisionParagraph
from tahub.vocabularies.models import Theme


def paragraph(decision="SC-5/20", number="8"):
    return DecisionParagraph.objects.get(decision__number=decision, number=number)


def plan_2026(by):
    plan = services.create_plan(by=by, data={"start_year": 2026, "end_year": 2029, "title": "TA plan 2026–2029"})
    objective = services.create_objective(by=by, data={"plan": plan, "number": 1, "title": "Capacity to implement"})
    biennium = services.create_biennium(by=by, data={"start_year": 2026, "end_year": 2027, "plan": plan})
    return plan, objective, biennium


def activity(by, biennium, number, **extra):
    data = {
        "biennium": biennium,
        "number": number,
        "title": f"Regional workshops {number}",
        "conventions": [Convention.objects.get(code="SC")],
        "legal_basis": [paragraph()],
        "themes": [Theme.objects.get(slug="nip")],
        "regions": [Region.objects.get(code="AFR")],
        "approved_budget": Decimal("1190000.00"),
        "status": "ongoing",
    } | extra
    return services.create_activity(by=by, data=data)
