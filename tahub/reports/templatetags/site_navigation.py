"""The site's header and navigation written out in Python (issue 13): the same HTML as the template loops it
replaces (tests/core/test_navigation_html.py compares them, anonymous and signed in, in every language), on every
page. The areas of the programme and the navigation's own texts are the same for everyone: their HTML is written
once per language, URLconf and current section (`navigation.current`), so a visitor's navigation costs a few dozen
Python calls, not ~1,900; a signed-in person's adds their own work."""

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from tahub.core import frame
from tahub.core.i18n import catalogue
from tahub.core.links import cached_reverse, urlconf_key

from .. import navigation

register = template.Library()
_WRITTEN: dict = {}


def _current(item):
    return f' aria-current="{escape(item["current"])}"' if item["current"] else ""


def _texts():
    """The navigation's own texts and links as HTML, the same for everyone in a language."""
    # Translated outside the f-strings: xgettext does not read calls inside them.
    mine, waiting = escape(gettext("My work")), escape(gettext("waiting for you"))
    yours, out, sign_in = escape(gettext("Your account")), escape(gettext("Sign out")), escape(gettext("Sign in"))
    account, sign_out = escape(cached_reverse("accounts:profile")), escape(cached_reverse("account_logout"))
    return {
        "mine": f'<li class="nav-group nav-mine"><span class="nav-label" id="nav-mine">{mine}'
        '</span>\n        <ul aria-labelledby="nav-mine">\n          ',
        "waiting": waiting,
        "account": f'<li><a href="{account}">{yours}</a></li>'
        f'\n          <li><a href="{sign_out}">{out}</a></li>\n        </ul></li>',
        "sign_in": f'<li class="nav-group nav-single"><a href="{escape(cached_reverse("account_login"))}">'
        f"{sign_in}</a></li>",
    }


def _my_work(items, texts):
    """The signed-in person's own group: their work, their account, signing out."""
    waiting = texts["waiting"]
    parts = [texts["mine"]]
    for item in items:
        count = item["count"]
        counted = (
            ""
            if count is None
            else f' <span class="count">{escape(count)}<span class="visually-hidden"> {waiting}</span></span>'
        )
        parts.append(
            f'<li><a href="{escape(item["url"])}"{_current(item)}>{escape(item["label"])}{counted}</a></li>\n          '
        )
    parts.append(texts["account"])
    return "".join(parts)


def _groups(groups):
    parts = []
    for counter, group in enumerate(groups, start=1):
        links, label = group["links"], str(group["label"])
        if len(links) == 1 and str(links[0]["label"]) == label:
            link = links[0]
            parts.append(
                f'<li class="nav-group nav-single"><a href="{escape(link["url"])}"{_current(link)}>'
                f"{escape(link['label'])}</a></li>\n      "
            )
            continue
        parts.append(
            f'<li class="nav-group"><span class="nav-label" id="nav-group-{counter}">{escape(label)}</span>'
            f'\n        <ul aria-labelledby="nav-group-{counter}">\n          '
        )
        parts.extend(
            f'<li><a href="{escape(link["url"])}"{_current(link)}>{escape(link["label"])}</a></li>\n          '
            for link in links
        )
        parts.append("\n        </ul></li>\n      ")
    return "".join(parts)


def _written_for(request):
    """(the areas' HTML, the navigation's texts) for this request's page, written once per language, URLconf and
    current section."""
    key = (catalogue(), *urlconf_key(), *navigation.current(request))
    try:
        return _WRITTEN[key]
    except KeyError:
        written = _WRITTEN[key] = _groups(navigation.groups(request)), _texts()
        return written


@register.simple_tag(takes_context=True)
def site_navigation(context):
    """The main navigation's items (inside its <ul class="nav-groups">): the person's own work once signed in,
    every area of the programme, and a way to sign in for a visitor. Rendered with a request, the areas are the
    navigation's own (`navigation.groups`); without one, the context's `nav_groups`."""
    my_work = context.get("my_work")
    user = context.get("user")
    request = context.get("request")
    if request is not None:
        groups, texts = _written_for(request)
    else:
        groups, texts = _groups(context.get("nav_groups") or []), _texts()
    parts = [_my_work(my_work, texts) if my_work else "", "\n      ", groups, "\n      "]
    if not (user is not None and user.is_authenticated):
        parts.append(texts["sign_in"])
    return mark_safe("".join(parts))  # noqa: S308 (every value escaped above)


@register.simple_tag(takes_context=True)
def site_header(context):
    """The skip link and the header: the site's name, the language form and the navigation (`core.frame`)."""
    return frame.header(context.get("request"), context.get("csrf_token"), site_navigation(context))
