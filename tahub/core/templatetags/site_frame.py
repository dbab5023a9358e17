"""base.html's parts that are the same on every page in a language, written once per language (`core.frame`)."""

from django import template

from .. import frame

register = template.Library()


@register.simple_tag(takes_context=True)
def frame_part(context, name):
    """One part of the frame by its name in `core.frame._written`: "language", "direction" ("rtl" or "ltr"),
    "name" (the site's), "stylesheet" (its address, as `{% static %}` gives it), "footer"."""
    return frame.part(context.get("request"), name)
