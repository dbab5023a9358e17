"""The site's one navigation, grouped as its users think of the programme, and — once signed in — the person's
own work first, with counts of what waits for them.

`navigation` is a template context processor. Its counts are computed lazily (a page that shows no navigation
spends nothing), once per request however often templates are rendered (cached on the request), and in one
query (`dashboard.work_counts`).
"""

import rules
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from tahub.core.i18n import catalogue
from tahub.core.links import cached_reverse, urlconf_key

from . import dashboard

# (group label, [(URL name, link label, the URL namespaces/names that count as this section)])
GROUPS = [
    (
        _("Get assistance"),
        [
            ("assistance:create", _("Ask for assistance"), ()),
            ("assistance:statistics", _("Requests in figures"), ("assistance:statistics",)),
            ("needs:index", _("Needs assessment"), ("needs", "needs_staff")),
            ("parties:list", _("Parties"), ("parties",)),
        ],
    ),
    (
        _("Who helps"),
        [
            ("directory:list", _("Partners"), ("directory", "directory_staff")),
            ("centres:list", _("Regional centres"), ("centres", "centres_staff")),
        ],
    ),
    (_("Capacity building"), [("events:calendar", _("Events"), ("events", "events_staff"))]),
    (
        _("Plan and funding"),
        [
            ("plan:plans", _("Technical assistance plan"), ("plan:plans", "plan:plan", "plan:coverage")),
            ("plan:activities", _("Programme of work"), ("plan:activities", "plan:activity", "planning_staff")),
            ("funding:list", _("Proposals"), ("funding:list", "funding:detail", "funding_staff")),
            ("funding:contributions", _("Contributions"), ("funding:contributions", "funding:trust_funds")),
        ],
    ),
    (_("Decisions"), [("planning:decisions", _("Decisions"), ("planning",))]),
    (_("Observers"), [("observers:index", _("Observers"), ("observers", "observers_staff"))]),
]
CONTACT = "contact"  # the contact page, linked once it exists
# The labels of a signed-in person's own items, translated once per catalogue (`_work_labels`), not per request.
WORK_LABELS = {
    "dashboard": _("My dashboard"),
    "requests": _("My requests"),
    "questionnaire": _("Our questionnaire"),
    "assigned": _("Assigned to us"),
    "pledges": _("Our pledges"),
    "review": _("To review"),
    "programme": _("Programme overview"),
    "staff": _("Secretariat tools"),
    "translations": _("Missing translations"),
    "tokens": _("API tokens"),
}
_TRANSLATED: dict = {}


def _in_section(match, sections):
    if match is None:
        return False
    full = f"{match.namespace}:{match.url_name}"
    return any(s == match.namespace or s == full for s in sections)


def _link(name, label, sections, request, match):
    url = cached_reverse(name)
    current = "page" if request.path == url else ("true" if _in_section(match, sections) else "")
    return {"url": url, "label": label, "current": current}


def groups(request):
    """[{label, links: [{url, label, current}]}]: every area of the programme, the current one marked."""
    match = getattr(request, "resolver_match", None)
    result = [{"label": label, "links": [_link(*link, request, match) for link in links]} for label, links in GROUPS]
    contact = cached_reverse(CONTACT, missing_ok=True)
    if contact is None:
        return result
    current = "page" if request.path == contact else ""
    result.append({"label": _("Contact"), "links": [{"url": contact, "label": _("Contact"), "current": current}]})
    return result


_MARKS: dict = {}


def _marks():
    """({URL: its link's place}, {section: the places of the links it marks}), the contact page last; per URLconf
    and script prefix."""
    key = urlconf_key()
    try:
        return _MARKS[key]
    except KeyError:
        pages, sections = {}, {}
        links = [link for _label, group in GROUPS for link in group]
        for place, (name, _label, marks) in enumerate(links):
            pages.setdefault(cached_reverse(name), place)
            for section in marks:
                sections.setdefault(section, []).append(place)
        contact = cached_reverse(CONTACT, missing_ok=True)
        if contact is not None:
            pages.setdefault(contact, len(links))
        _MARKS[key] = pages, sections
        return pages, sections


def current(request):
    """All that `groups(request)` takes from the request, hashable: the place of the link to this very page, and
    those of the links whose section this page is in (so the groups' HTML can be written once per answer)."""
    pages, sections = _marks()
    match = getattr(request, "resolver_match", None)
    if match is None:
        return pages.get(request.path), ()
    namespace = sections.get(match.namespace, ())
    return pages.get(request.path), (*namespace, *sections.get(f"{match.namespace}:{match.url_name}", ()))


def _work_labels():
    """WORK_LABELS in the active language."""
    key = catalogue()
    try:
        return _TRANSLATED[key]
    except KeyError:
        labels = _TRANSLATED[key] = {name: str(label) for name, label in WORK_LABELS.items()}
        return labels


def _work(request):
    """The signed-in person's own work, first: [{url, label, count}] (count None where nothing is counted)."""
    user = request.user
    if not user.is_authenticated:
        return []
    counts, label = dashboard.work_counts(user), _work_labels()
    home = cached_reverse("dashboard:home")
    items = [{"url": home, "label": label["dashboard"], "count": None}]
    mine = cached_reverse("assistance:mine")
    if counts.get("parties"):
        items.append({"url": mine, "label": label["requests"], "count": counts["my_requests"]})
        questionnaires = f"{home}#questionnaires"
        items.append({"url": questionnaires, "label": label["questionnaire"], "count": counts["questionnaires"]})
    if counts.get("memberships"):
        items.append({"url": mine, "label": label["assigned"], "count": counts["assigned"]})
    if counts.get("donors"):
        items.append({"url": cached_reverse("funding:our_pledges"), "label": label["pledges"], "count": None})
    # The rule itself, not user.has_perm: that also asks Django's model permissions (two queries on every page).
    if rules.has_perm("accounts.view_staff_pages", user):
        items.append({"url": f"{home}#review", "label": label["review"], "count": counts["to_review"]})
        items.append({"url": cached_reverse("dashboard:programme"), "label": label["programme"], "count": None})
        items.append({"url": cached_reverse("accounts:staff_home"), "label": label["staff"], "count": None})
        items.append({"url": cached_reverse("missing_translations"), "label": label["translations"], "count": None})
    items.append({"url": cached_reverse("accounts:api_tokens"), "label": label["tokens"], "count": None})
    path = request.path
    for item in items:
        item["current"] = "page" if item["url"] == path else ""
    return items


def navigation(request):
    """Context processor: `nav_groups` and `my_work`, computed at most once per request."""

    def cached(key, compute):
        def value():
            store = request.__dict__.setdefault("_tahub_navigation", {})
            if key not in store:
                store[key] = compute(request)
            return store[key]

        return SimpleLazyObject(value)

    return {"nav_groups": cached("groups", groups), "my_work": cached("work", _work)}
