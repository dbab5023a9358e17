"""Evaluation and follow-up surveys: answered once, by attendees only, on the questionnaire in force."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import surveys
from .models import SurveyAnswer, SurveyResponse

NOT_ATTENDEE = _("Only participants recorded as attending the event can answer its surveys.")
ALREADY = _("You have already answered this survey. Thank you: each participant answers once.")
NOT_YET = _("This survey opens once the event is over.")
FOLLOW_UP_NOT_YET = _("The follow-up survey opens %(days)s days after the event.")
RATING = _("Choose a rating from 1 (not at all) to 5 (very much).")


def check_may_answer(registration, kind, now=None):
    """Raise unless this participant may answer survey `kind` now (and has not already)."""
    event = registration.event
    if not registration.attended:
        raise PermissionDenied(NOT_ATTENDEE)
    if (now or timezone.now()) < event.end:
        raise ValidationError(NOT_YET)
    if kind == "follow-up" and not event.follow_up_open(now):
        raise ValidationError(FOLLOW_UP_NOT_YET % {"days": event.follow_up_after_days})
    if registration.survey_responses.filter(kind=kind).exists():
        raise ValidationError(ALREADY)


def _clean(survey, answers):
    errors, cleaned = {}, []
    for question in survey.questions:
        value = answers.get(question.code)
        if question.kind == "rating":
            if value in (None, ""):
                if question.required:
                    errors[question.code] = RATING
                continue
            try:
                rating = int(value)
            except (TypeError, ValueError):
                rating = 0
            if rating not in range(1, 6):
                errors[question.code] = RATING
                continue
            cleaned.append(SurveyAnswer(question=question.code, rating=rating))
        elif value and str(value).strip():
            cleaned.append(SurveyAnswer(question=question.code, text=str(value).strip()[:5000]))
    if errors:
        raise ValidationError(errors)
    return cleaned


@transaction.atomic
def submit_survey(registration, *, kind, answers, now=None):
    """Record one attendee's answers to the evaluation (or follow-up) survey; a second answer is refused."""
    check_may_answer(registration, kind, now)
    survey = surveys.current(kind)
    cleaned = _clean(survey, answers)
    try:
        with transaction.atomic():
            response = SurveyResponse(registration=registration, survey=survey.key, kind=kind)
            response._change_reason = f"events.survey.{kind}"
            response.save()
    except IntegrityError:  # answered twice at the same moment
        raise ValidationError(ALREADY) from None
    for answer in cleaned:
        answer.response = response
    SurveyAnswer.objects.bulk_create(cleaned)
    return response
