import html

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.views.generic import DetailView, TemplateView
from rules.contrib.views import PermissionRequiredMixin

from tahub.core.links import url_pattern

from . import selectors
from .forms import PartyFilterForm
from .models import Eligibility

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
    translated: 150,000 calls a page); here the URL pattern and the labels are made once a page and a row costs
    a few calls, its country's name escaped. The markup is the template's: a link to the Party, its regional
    group, its class and its entry into force (YYYY-MM-DD), "—" for what is not known."""
    url = url_pattern("parties:detail")
    labels = {choice.value: escape(str(choice.label)) for choice in Eligibility} | {"": NONE}  # translated once
    groups = {}
    rows = []
    for party in parties:
        region = party["region"]
        if region not in groups:
            groups[region] = escape(region) if region else NONE
        day = party["entry_into_force"]
        rows.append(
            f'<tr><td><a href="{html.escape(url.format(party["iso3"]))}">{html.escape(party["name"])}</a>'
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
            self._object = selectors.party_get(self.kwargs["iso3"])
        return self._object
