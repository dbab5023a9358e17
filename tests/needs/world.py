"""Needs-assessment data for tests: the 2024 questionnaire loaded from its file, and a cycle opened on it."""

import datetime
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from tahub.needs import selectors
from tahub.needs.models import Cycle, Question
from tahub.needs.questionnaires import load_questionnaire

QUESTIONNAIRE = Path(settings.BASE_DIR) / "tahub" / "core" / "data" / "questionnaires" / "needs-2024.json"
CYCLE = "needs-2026"


def questionnaire():
    return load_questionnaire(QUESTIONNAIRE)[0]


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
    )
    made.invited.set(selectors.eligible_parties())
    return made


def complete_answers(cycle, level="high"):
    """A level for every level question, and a text for one."""
    questions = Question.objects.filter(questionnaire=cycle.questionnaire)
    answers = {q.code: level for q in questions if q.kind == Question.Kind.LEVEL}
    answers["nip-text"] = "Our plan dates from 2010."
    return answers
