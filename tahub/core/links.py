"""URLs for rows written in Python (issue 13): reversed once a page, not once a row; the URLs on every page
(navigation, middleware) reversed once per process."""

from django.urls import NoReverseMatch, get_resolver, get_script_prefix, get_urlconf, reverse

_REVERSED: dict = {}


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


def url_pattern(name, *args, placeholder="X"):
    """The URL named `name`, its varying argument left as "{}" for str.format: `url_pattern("parties:detail")` is
    "/parties/{}/". A reverse() costs ~60 Python calls; a format, one. `args` are the URL's arguments, the
    varying one written as `placeholder` (last when it is not among them); the placeholder must fit that
    argument's converter and appear nowhere after it in the URL. (reverse() percent-encodes braces, so the rest
    of the URL holds none.)"""
    if placeholder not in args:
        args = (*args, placeholder)
    head, _, tail = reverse(name, args=args).rpartition(str(placeholder))
    return f"{head}{{}}{tail}"
