"""Content held in each language (issue 14.3, modeltranslation; the fields are listed in tahub/*/translation.py).

`title` reads the reader's language, else English, else any other (settings.MODELTRANSLATION_FALLBACK_LANGUAGES);
`title_en`, `title_fr`, ... are the texts themselves. Staff forms edit the texts, one field per language, grouped
by field and labelled with the language's name; English is required where the field itself was.
"""

from django.conf import settings
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname, resolution_order

FIELD_IN_LANGUAGE = _("%(field)s (%(language)s)")


def languages():
    """The codes of the languages content is held in, English first (settings.LANGUAGES)."""
    return [code for code, _name in settings.LANGUAGES]


def language_fields(*fields):
    """The per-language field names of `fields`, grouped by field: title_en, title_fr, ..., description_en, ..."""
    return [build_localized_fieldname(field, code) for field in fields for code in languages()]


def reading_order(model, field):
    """The per-language names of `model`'s translated `field` in the order `obj.<field>` reads them (the reader's
    language, then the fallbacks of settings.MODELTRANSLATION_FALLBACK_LANGUAGES): the first not blank of a row's
    values is what the reader sees. For rows read as values, worked out once a page, not once a row."""
    fallbacks = getattr(model, field).fallback_languages  # modeltranslation's descriptor on the class
    return tuple(build_localized_fieldname(field, code) for code in resolution_order(get_language(), fallbacks))


def label_language_fields(form, *fields, required=()):
    """Label each per-language field of `form` "Title (French)" and require English for the fields in `required`."""
    names = dict(settings.LANGUAGES)
    form.language_groups = getattr(form, "language_groups", {})
    for field in fields:
        label = form._meta.model._meta.get_field(field).verbose_name
        for code in languages():
            form_field = form.fields.get(build_localized_fieldname(field, code))
            if form_field is None:
                continue
            form_field.label = FIELD_IN_LANGUAGE % {"field": str(label).capitalize(), "language": names[code]}
            form_field.required = code == settings.LANGUAGE_CODE and field in required
            form_field.empty_value = ""  # the columns are nullable: store a missing text as "", as the API reads it
        names_of_field = [build_localized_fieldname(field, code) for code in languages()]
        form.language_groups[field] = (str(label).capitalize(), [n for n in names_of_field if n in form.fields])


class LanguagesSideBySide:
    """A form mixin: `as_div` shows each translated field's languages side by side, in one fieldset with the field's
    name as its legend (a grid: several columns on a wide screen, one on a phone); the other fields as Django does."""

    template_name_div = "core/forms/languages_side_by_side.html"

    def field_groups(self):
        """[(legend, bound fields)]: a translated field's languages together under its name; any other field alone,
        with no legend; in the form's order."""
        groups = getattr(self, "language_groups", {})
        field_of = {name: field for field, (_legend, names) in groups.items() for name in names}
        result, seen = [], set()
        for bound in self.visible_fields():
            field = field_of.get(bound.name)
            if field is None:
                result.append((None, [bound]))
            elif field not in seen:
                seen.add(field)
                legend, names = groups[field]
                result.append((legend, [self[name] for name in names]))
        return result


def missing_languages(obj, field):
    """The names of the languages `obj` has no text of `field` in (an empty list when it has all)."""
    names = dict(settings.LANGUAGES)
    return [names[code] for code in languages() if not getattr(obj, build_localized_fieldname(field, code))]


def in_english(fields, *names):
    """`fields` with the base names among `names` ("title": the API's and the data files' name for the English
    text) stored as their English field ("title_en"), whatever language the request is read in; setting `title`
    itself would write the reader's language."""
    return {(build_localized_fieldname(key, "en") if key in names else key): value for key, value in fields.items()}


def in_any_language(field, lookup, value):
    """A Q matching `value` in any language's text of `field` (a search finds an entry by its French description
    also on an English page); `Q(title__icontains=...)` alone would search the reader's language only."""
    condition = Q()
    for name in language_fields(field):
        condition |= Q(**{f"{name}__{lookup}": value})
    return condition
