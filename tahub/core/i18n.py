"""Which language to use, for whom: one answer for pages, e-mails and files (issue 14).

A page is in the language its reader chose (the cookie set by the language switch, else the browser's), or, when
they are signed in, their account's preferred language (`User.language`). Whatever is sent to a person (an e-mail,
a file attached to one) is in *their* language, not the language of the page whose action caused it; a file a
person downloads may be asked for in another of the offered languages with `?lang=`.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import translation

LANGUAGE_PARAMETER = "lang"


def offered(code):
    """`code` as the settings.LANGUAGES code it names ("zh_Hans", "ZH-HANS" → "zh-hans"), or "" if not offered."""
    code = str(code or "").strip().lower().replace("_", "-")
    return code if code in dict(settings.LANGUAGES) else ""


def language_of(person, fallback=""):
    """The language to write to `person` (a user, or None) in: their preferred language if it is offered, else
    `fallback` (for example the language they registered in) if offered, else settings.LANGUAGE_CODE."""
    own = getattr(person, "language", "") if person is not None else ""
    return offered(own) or offered(fallback) or settings.LANGUAGE_CODE


def account_languages(addresses):
    """{address (lower case): preferred language} of the accounts among `addresses` that have one (one query)."""
    wanted = {str(address).lower() for address in addresses if address}
    if not wanted:
        return {}
    rows = get_user_model().objects.filter(email__in=wanted).exclude(language="").values_list("email", "language")
    return {email.lower(): offered(language) for email, language in rows if offered(language)}


def requested_language(request):
    """The language a download was asked in (`?lang=xx`, one of the offered ones), else the page's language."""
    return offered(request.GET.get(LANGUAGE_PARAMETER)) or translation.get_language() or settings.LANGUAGE_CODE


def is_right_to_left(code):
    return translation.get_language_info(offered(code) or settings.LANGUAGE_CODE)["bidi"]
