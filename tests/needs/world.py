"""Needs-assessment data for tests: the 2024 questionnaire loaded from its file, and a cycle opened on it."""

import datetime
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from tahub.needs import selectors
from tahub.needs.models import Cycle, Question
from tahub.needs.selectors import respondents
from tahub.needs.services.questionnaires import load_questionnaire

QUESTIONNAIRE = Path(settings.BASE_DIR) / "tahub" / "core" / "data" / "questionnaires" / "needs-2024.json"
OFFERS_QUESTIONNAIRE = QUESTIONNAIRE.parent / "offers-2024.json"
CYCLE = "needs-2026"


def questionnaire():
    return load_questionnaire(QUESTIONNAIRE)[0]


def offers_questionnaire():
    return load_questionnaire(OFFERS_QUESTIONNAIRE)[0]


def complete_offers(types=("training", "workshop"), themes=("nip", "ddt")):
    """An offers response: the types offered for some themes, the regions and languages (the required ones)."""
    answers = {f"{theme}-offer": list(types) for theme in themes}
    return {**answers, "regions": ["AFR", "GRULAC"], "languages": ["en", "fr"], "offer-text": "Trainers on call."}


def cycle():
    """The test cycle, made on first use (for tests outside this package, such as the permission matrix)."""
    existing = Cycle.objects.filter(slug=CYCLE).first()
    if existing:
        return existing
    made = Cycle.objects.create(
        slug=CYCLE,
        title="Needs assessment 2026",
        period="2026-2029",
        deadline=timezone.localdate() + datetime.timedelta(days=90),
        questionnaire=questionnaire(),
        offers_questionnaire=offers_questionnaire(),
    )
    made.invited.set(selectors.eligible_parties())
    parties, organisations = respondents.default_offer_invitees()
    made.offers_invited_parties.set(parties)
    made.offers_invited_organisations.set(organisations)
    return made


def complete_answers(cycle, level="high"):
    """A level for every level question, and a text for one."""
    questions = Question.objects.filter(questionnaire=cycle.questionnaire)
    answers = {q.code: level for q in questions if q.kind == Question.Kind.LEVEL}
    answers["nip-text"] = "Our plan dates from 2010."
    return answers
