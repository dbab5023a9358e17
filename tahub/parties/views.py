import html

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.views.generic import DetailView, TemplateView
from rules.contrib.views import PermissionRequiredMixin

from tahub.core.links import url_pattern

from . import selectors
from .forms import PartyFilterForm
from .models import Eligibility, Party

NONE = "—"


class PartyListView(PermissionRequiredMixin, TemplateView):
    """The Parties, filtered by region, eligibility and name, with how many there are in each class."""

    permission_required = "parties.view_party"
    template_name = "parties/party_list.html"

    def get_context_data(self, **kwargs):
        form = PartyFilterForm(self.request.GET or None)
        parties = selectors.party_rows(**form.filters())
        return super().get_context_data(
            form=form,
            parties=parties,
            rows=party_rows_html(parties),
            counts=selectors.eligibility_counts(parties),
            **kwargs,
        )


def party_rows_html(parties):
    """The table's rows (`selectors.party_rows`) as HTML. Written here, not in the template: there, each of the
    185 rows cost ~750 Python calls (five variables looked up, a URL reversed, a date formatted, a label
    translated: 150,000 calls a page); here the URL pattern and the labels are made once a page, the codes and
    names escaped together, and a row costs ~15 calls. The markup is the template's: a link to the Party, its regional
    group, its class and its entry into force (YYYY-MM-DD), "—" for what is not known."""
    if not parties:
        return mark_safe("")
    url = html.escape(url_pattern("parties:detail"))
    labels = {choice.value: escape(str(choice.label)) for choice in Eligibility} | {"": NONE}  # translated once
    groups = {}
    # The codes and names escaped in one go, not two html.escape (six calls each) a row: NUL, the separator,
    # is in no stored text (PostgreSQL refuses it) and html.escape leaves it as it is.
    codes = html.escape("\0".join(party["iso3"] for party in parties)).split("\0")
    names = html.escape("\0".join(party["name"] for party in parties)).split("\0")
    rows = []
    for party, code, name in zip(parties, codes, names, strict=True):
        region = party["region"]
        if region not in groups:
            groups[region] = escape(region) if region else NONE
        day = party["entry_into_force"]
        rows.append(
            f'<tr><td><a href="{url.format(code)}">{name}</a>'
            f"<td>{groups[region]}<td>{labels[party['eligibility']]}<td>{day.isoformat() if day else NONE}\n"
        )
    return mark_safe("".join(rows))  # noqa: S308 (every value above is escaped)


class PartyDetailView(PermissionRequiredMixin, DetailView):
    """One Party: its region, eligibility and where it comes from, dates; the regional centres near it and whom to
    contact are the centres' and accounts' parts of the page (their template tags, in the included partials)."""

    permission_required = "parties.view_party"
    template_name = "parties/party_detail.html"
    context_object_name = "party"

    def get_object(self, queryset=None):
        # Read once: the permission check (object-level) and the page both ask for it.
        if not hasattr(self, "_object"):
            self._object = selectors.party_page(self.kwargs["iso3"])
        return self._object

    def get_context_data(self, **kwargs):
        # The choices' labels as get_<field>_display gives them, without rebuilding each field's choices (~175
        # Python calls each).
        party, classes = self.object, dict(Eligibility.choices)
        labels = {
            "action": dict(Party.Action.choices).get(party.action, party.action),
            "eligibility_class": classes.get(party.country.eligibility_class, party.country.eligibility_class),
            "eligibility_override": classes.get(party.country.eligibility_override, party.country.eligibility_override),
        }
        return super().get_context_data(labels=labels, **kwargs)
