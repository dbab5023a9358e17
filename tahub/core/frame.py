"""The parts of base.html that are the same on every page in a language (issue 13): the html element's language
and direction, the site's name, the stylesheet, the header with the language form, the footer. Their texts, URLs
and options (before: a dozen `{% translate %}`, six `{% url %}`, a `{% static %}` and an included template, ~90
Python calls each) are written once per translation catalogue, URLconf and script prefix; a page adds only its
own: the CSRF token, its address in the language form, the navigation. The same HTML as the template
(tests/core/test_frame_html.py compares them)."""

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.templatetags.static import static
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_bidi, gettext

from .i18n import catalogue
from .links import cached_reverse, urlconf_key
from .templatetags.language_options import language_options

_PARTS: dict = {}


@receiver(setting_changed)
def _forget(**kwargs):
    """A test's settings (LANGUAGES, STORAGES, STATIC_URL, ...) may change what the parts say."""
    _PARTS.clear()


def _written():
    """{part: HTML} in the active language, with the URLs of the URLconf in use."""
    # Translated outside the f-strings: xgettext does not read calls inside them.
    text = {
        "name": gettext("TA Hub"),
        "skip": gettext("Skip to content"),
        "language": gettext("Language"),
        "change": gettext("Change"),
        "main": gettext("Main"),
        "about": gettext(
            "TA Hub supports technical assistance under Article 12 of the Stockholm Convention on "
            "Persistent Organic Pollutants."
        ),
        "data": gettext("About the data"),
        "api": gettext("API"),
        "join": gettext("List your organisation"),
    }
    t = {key: escape(value) for key, value in text.items()}
    url = {name: escape(cached_reverse(name)) for name in ("home", "set_language", "data_notes", "api:openapi-view",
                                                          "directory:join")}  # fmt: skip
    return {
        "language": escape(get_language()),
        "direction": "rtl" if get_language_bidi() else "ltr",
        "name": t["name"],
        "stylesheet": escape(static("css/tahub.css")),
        "header": (
            f'<a class="skip" href="#main">{t["skip"]}</a>\n<header class="site">\n'
            f'  <a class="brand" href="{url["home"]}">{t["name"]}</a>\n  \n'
            f'<form class="language" action="{url["set_language"]}" method="post">'
        ),
        "form": (
            f'">\n  <label for="language-select">{t["language"]}</label>\n'
            f'  <select id="language-select" name="language">\n    {language_options()}\n  </select>\n'
            f'  <button type="submit">{t["change"]}</button>\n</form>\n\n'
            f'  <nav class="site-nav" aria-label="{t["main"]}">\n    <ul class="nav-groups">\n      '
        ),
        "footer": (
            f'<footer class="site">\n  <p>{t["about"]}\n  <a href="{url["data_notes"]}">{t["data"]}</a>'
            f' · <a href="{url["api:openapi-view"]}">{t["api"]}</a>'
            f' · <a href="{url["directory:join"]}">{t["join"]}</a></p>\n</footer>'
        ),
    }


def _parts(request):
    """The parts, written once per catalogue, URLconf and script prefix; the request remembers them for its other
    parts while its language is the same (its URLconf and script prefix are)."""
    language = catalogue()
    remembered = getattr(request, "_tahub_frame", None)
    if remembered is not None and remembered[0] is language:
        return remembered[1]
    key = (language, *urlconf_key())
    try:
        parts = _PARTS[key]
    except KeyError:
        parts = _PARTS[key] = _written()
    if request is not None:
        request._tahub_frame = language, parts
    return parts


def part(request, name):
    """One part of the frame (see `_written`) for this request (or None)."""
    return mark_safe(_parts(request)[name])  # noqa: S308 (every text and URL escaped in _written)


def header(request, csrf_token, navigation):
    """The skip link and the header: the site's name, the language form (the page's own CSRF token and address
    in it) and `navigation`, the items of the main navigation (HTML)."""
    token = (
        f'<input type="hidden" name="csrfmiddlewaretoken" value="{escape(csrf_token)}">'
        if csrf_token and csrf_token != "NOTPROVIDED"
        else ""
    )
    page = escape(request.get_full_path()) if request is not None else ""
    parts = _parts(request)
    return mark_safe(  # noqa: S308 (the parts are escaped, the token and the address here, the navigation by its tag)
        f'{parts["header"]}{token}\n  <input name="next" type="hidden" value="{page}{parts["form"]}{navigation}'
        "\n    </ul>\n  </nav>\n</header>"
    )
