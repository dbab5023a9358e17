"""Which language to use, for whom: one answer for pages, e-mails and files (issue 14).

A page is in the language its reader chose (the cookie set by the language switch, else the browser's), or, when
they are signed in, their account's preferred language (`User.language`). Whatever is sent to a person (an e-mail,
a file attached to one) is in *their* language, not the language of the page whose action caused it; a file a
person downloads may be asked for in another of the offered languages with `?lang=`.
"""

import functools

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import translation
from django.utils.translation import trans_real

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


def language_parameter():
    """`?lang=` as an OpenAPI parameter (tahub/api.py declares it on every operation)."""
    codes = [code for code, _name in settings.LANGUAGES]
    return {
        "in": "query",
        "name": LANGUAGE_PARAMETER,
        "required": False,
        # Not an enum: a code not offered is ignored (the request's language answers), not refused.
        "schema": {"type": "string", "examples": codes},
        "description": translation.gettext(
            "The language of the answer and of its error messages; else Accept-Language, else the account's"
        ),
    }


def in_requested_language(run):
    """A django-ninja view decorator (`api.add_decorator(in_requested_language, mode="view")`): the API
    operation, the writing of its answer included, in the language of `?lang=xx` when it is one of the offered
    ones, else in the request's (Accept-Language, the account's); the answer's Content-Language says which."""

    @functools.wraps(run)
    def in_language(request, *args, **kwargs):
        language = requested_language(request)
        with translation.override(language):
            response = run(request, *args, **kwargs)
        response.headers["Content-Language"] = language  # LocaleMiddleware would name the request's language
        return response

    return in_language


def is_right_to_left(code):
    return translation.get_language_info(offered(code) or settings.LANGUAGE_CODE)["bidi"]


def catalogue():
    """The active language's translation catalogue: the key of what is translated once per process and language.
    A new catalogue (the development server's reload of a changed .mo, a test's marking translation) is a new key."""
    return trans_real.translation(translation.get_language())
