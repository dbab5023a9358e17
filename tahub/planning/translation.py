"""The planning content held in each language (issue 14.3): a column per language, `title` reads the reader's."""

from modeltranslation.translator import TranslationOptions, register

from tahub.planning.models import Decision, DecisionParagraph, Objective, ProgrammeActivity, TAPlan


@register([Decision, Decision.history.model])  # the history keeps every language too
class DecisionTranslation(TranslationOptions):
    fields = ("title",)


@register([DecisionParagraph, DecisionParagraph.history.model])
class DecisionParagraphTranslation(TranslationOptions):
    fields = ("text",)  # only as a source gives it: blank in every language where none was read


@register([TAPlan, TAPlan.history.model, Objective, Objective.history.model])
class PlanTitleTranslation(TranslationOptions):
    fields = ("title",)


@register([ProgrammeActivity, ProgrammeActivity.history.model])  # the history keeps every language too
class ProgrammeActivityTranslation(TranslationOptions):
    fields = ("title",)
