"""A regional centre's name in each language where it has an official one (issue 14.3)."""

from modeltranslation.translator import TranslationOptions, register

from tahub.centres.models import RegionalCentre


@register([RegionalCentre, RegionalCentre.history.model])  # the history keeps every language too
class RegionalCentreTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = {"en": ("name",)}
