"""URLs for rows written in Python (issue 13): reversed once a page, not once a row; the URLs on every page
(navigation, middleware) reversed once per process."""

from django.urls import NoReverseMatch, get_resolver, get_script_prefix, get_urlconf, reverse

_REVERSED: dict = {}


def urlconf_key():
    """What the URLs reversed depend on: the URLconf (its resolver) and the script prefix."""
    return get_resolver(get_urlconf()), get_script_prefix()


def cached_reverse(name, *, missing_ok=False):
    """reverse(name) of a URL without arguments, reversed once per URLconf and script prefix: a reverse() costs
    ~35 Python calls, a look-up here five. A name the URLconf lacks raises NoReverseMatch, as reverse() does, or
    gives None with `missing_ok`."""
    key = (get_resolver(get_urlconf()), get_script_prefix(), name)
    try:
        url = _REVERSED[key]
    except KeyError:
        try:
            url = reverse(name)
        except NoReverseMatch:
            url = None
        _REVERSED[key] = url
    if url is None and not missing_ok:
        raise NoReverseMatch(f"Reverse for {name!r} not found.")
    return url


def url_pattern(name, *args, placeholders=("X",)):
    """The URL named `name`, its varying arguments left as "{}" for str.format: `url_pattern("parties:detail")` is
    "/parties/{}/". A reverse() costs ~60 Python calls; a format, one. `args` are the URL's arguments, the
    varying ones written as `placeholders` (added last when not among them) and formatted in that order; each
    placeholder must fit its argument's converter and appear nowhere after its place in the URL. (reverse()
    percent-encodes braces, so the rest of the URL holds none.)"""
    args = (*args, *(p for p in placeholders if p not in args))
    head, tails = reverse(name, args=args), []
    for placeholder in reversed(placeholders):  # from the right: a placeholder's text may occur earlier
        head, _, tail = head.rpartition(str(placeholder))
        tails.append(tail)
    return head + "{}" + "{}".join(reversed(tails))
