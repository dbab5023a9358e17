"""What participants said afterwards: one response a questionnaire (evaluation, follow-up), its answers."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from tahub.core.models import DomainModel

from .registrations import Registration


class SurveyResponse(DomainModel):
    """One participant's answers to one questionnaire (evaluation, or follow-up), given once."""

    registration = models.ForeignKey(Registration, models.CASCADE, related_name="survey_responses")
    survey = models.CharField(_("questionnaire"), max_length=60, help_text=_("For example: event-evaluation-v1"))
    kind = models.CharField(_("kind"), max_length=20)

    class Meta:
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")
        constraints = [models.UniqueConstraint(fields=["registration", "kind"], name="survey_answered_once")]


class SurveyAnswer(models.Model):
    response = models.ForeignKey(SurveyResponse, models.CASCADE, related_name="answers")
    question = models.CharField(max_length=60)
    rating = models.PositiveSmallIntegerField(null=True, blank=True)
    text = models.TextField(blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["response", "question"], name="survey_answer_once")]

    def __str__(self):
        return self.question
