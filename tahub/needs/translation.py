"""A questionnaire's questions in each language (issue 14.3): the question and its section's title."""

from modeltranslation.translator import TranslationOptions, register

from tahub.needs.models import Question


@register([Question, Question.history.model])  # the history keeps every language too
class QuestionTranslation(TranslationOptions):
    fields = ("label", "section_title")
    required_languages = {"en": ("label", "section_title")}
