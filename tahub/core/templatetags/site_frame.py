"""base.html's parts that are the same on every page in a language, written once per language (`core.frame`)."""

from django import template

from .. import frame

register = template.Library()


@register.simple_tag(takes_context=True)
def page_language(context):
    return frame.part(context.get("request"), "language")


@register.simple_tag(takes_context=True)
def page_direction(context):
    """The direction of the page's language: "rtl" or "ltr"."""
    return frame.part(context.get("request"), "direction")


@register.simple_tag(takes_context=True)
def site_name(context):
    return frame.part(context.get("request"), "name")


@register.simple_tag(takes_context=True)
def stylesheet(context):
    """The address of the site's stylesheet (`{% static %}`)."""
    return frame.part(context.get("request"), "stylesheet")


@register.simple_tag(takes_context=True)
def site_footer(context):
    return frame.part(context.get("request"), "footer")
