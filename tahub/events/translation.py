"""An event's title and description in each language (issue 14.3); English is required, as the title was."""

from modeltranslation.translator import TranslationOptions, register

from tahub.events.models import Event


@register([Event, Event.history.model])  # the history keeps every language too
class EventTranslation(TranslationOptions):
    fields = ("title", "description")
    required_languages = {"en": ("title",)}
