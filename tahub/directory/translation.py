"""A directory entry's description in each language (issue 14.3); names stay as the organisation writes them."""

from modeltranslation.translator import TranslationOptions, register

from tahub.directory.models import Organisation


@register([Organisation, Organisation.history.model])  # the history keeps every language too
class OrganisationTranslation(TranslationOptions):
    fields = ("summary",)
