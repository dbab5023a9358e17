"""Evaluating a centre on the COP's score sheet: opening it (counts pre-filled), scoring each criterion,
finalising it."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tahub.core.rules import require

from .. import selectors
from ..models import Criterion, Evaluation, RegionalCentre, Score

if TYPE_CHECKING:
    from tahub.accounts.models import User


@transaction.atomic
def start_evaluation(*, centre: RegionalCentre, by: User, start: datetime.date, end: datetime.date) -> Evaluation:
    """Open a score sheet for a centre over a period, with the countable indicators pre-filled from the
    activities the centre logged in submitted reports (and linked to them on the sheet)."""
    require(by, "centres.evaluate")
    if end < start:
        raise ValidationError({"end": _("The period must end after it starts.")})
    evaluation = Evaluation.objects.create(centre=centre, start=start, end=end, evaluator=by)
    counts = selectors.countable_indicators(centre, start, end)
    for criterion in Criterion.objects.all():
        count = counts.get(criterion.counts)
        score = criterion.score_for(count) if count is not None else None
        Score.objects.create(evaluation=evaluation, criterion=criterion, count=count, score=score)
    return evaluation


@transaction.atomic
def score_criterion(score: Score, *, by: User, value: int, comment: str = "") -> Score:
    """The evaluator sets a criterion's score (within its range) and comments."""
    require(by, "centres.evaluate")
    score = Score.objects.select_for_update().select_related("criterion", "evaluation").get(pk=score.pk)
    if score.evaluation.finalised_at:
        raise ValidationError(_("This evaluation is final."))
    if value is None or not 0 <= value <= score.criterion.max_score:
        raise ValidationError(
            {"score": _("Give a score from 0 to %(max)d for this criterion.") % {"max": score.criterion.max_score}}
        )
    score.score, score.comment = value, comment
    score._change_reason = "centres.evaluation.scored"
    score.save()
    return score


@transaction.atomic
def finalise_evaluation(evaluation: Evaluation, *, by: User) -> Evaluation:
    require(by, "centres.evaluate")
    evaluation = Evaluation.objects.select_for_update().get(pk=evaluation.pk)
    missing = [s.criterion.code for s in evaluation.scores.select_related("criterion") if s.score is None]
    if missing:
        raise ValidationError(_("Score every criterion first: %s.") % ", ".join(missing))
    evaluation.finalised_at = timezone.now()
    evaluation._change_reason = "centres.evaluation.finalised"
    evaluation.save()
    return evaluation
