"""The programme of work: the list, filtered, and an activity with what delivered it; the staff add or edit an
activity (through the services, audited)."""

import html
from decimal import ROUND_HALF_UP, Decimal

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import numberformat
from django.utils.formats import get_format
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views import View
from rules.contrib.views import LoginRequiredMixin

from tahub.core.forms import add_service_errors
from tahub.core.links import url_pattern
from tahub.core.pagination import paginate
from tahub.core.rules import require

from .. import selectors, services
from ..forms import ActivityFilterForm, ActivityForm
from ..models import ProgrammeActivity

CENTS = Decimal("0.01")
VIEW = "planning.view_programme"
EDIT = "planning.change_programme"


class ActivityListView(View):
    """The programme of work, filtered by biennium, status, convention, objective or cited paragraph; 50 a page."""

    def get(self, request):
        require(request.user, VIEW)
        form = ActivityFilterForm(request.GET or None)
        page, query = paginate(request, selectors.activity_rows(**form.filters()))
        activities = list(page.object_list)
        context = {
            "form": form,
            "page": page,
            "activities": activities,
            "rows": activity_rows_html(activities),
            "query": query,
        }
        return render(request, "planning/activity_list.html", context)


def activity_rows_html(activities):
    """A page of the programme's rows (`selectors.activity_rows`) as HTML: the biennium, the number linking to
    the activity, the title, the conventions (", " between them), the legal basis ("; "), the approved budget
    (two decimals, grouped as the reader's language groups them) and the status; "—" for what is not known.
    Written here, not in the template: there, a row cost ~2,300 Python calls (an activity and its biennium,
    objective, fund and lead organisation as model instances, a URL reversed, each paragraph's label translated,
    the status looked up among the choices); here the URL pattern and the labels are made once a page."""
    url = url_pattern("plan:activity", placeholders=(1111, 2222))  # the biennium's first year, the number
    conventions, basis = selectors.activity_labels(a["id"] for a in activities)
    statuses = {choice.value: html.escape(str(choice.label)) for choice in ProgrammeActivity.Status}  # translated once
    money = budget_format()
    untitled = _("Title not in the data")  # not escaped: the template's literal was not either
    paragraph = _("%(decision)s, paragraph %(number)s")  # DecisionParagraph.__str__, translated once
    rows = []
    for a in activities:
        names = conventions.get(a["id"])
        cited = basis.get(a["id"], ())
        budget = a["approved_budget"]
        rows.append(
            f"<tr><td>{a['start_year']}–{a['end_year']}</td>"
            f'<td><a href="{html.escape(url.format(a["start_year"], a["number"]))}">{a["number"]}</a></td>\n'
            f"<td>{html.escape(a['title']) if a['title'] else untitled}</td>\n"
            f"<td>{', '.join([html.escape(name) for name in names]) if names else '—'}</td>\n"
            f"<td>{'; '.join([html.escape(paragraph % {'decision': d, 'number': n}) for d, n in cited]) or '—'}</td>\n"
            f"<td>{money(budget) if budget is not None else '—'}</td>"
            f"<td>{statuses.get(a['status']) or html.escape(a['status'])}</td></tr>\n"
        )
    return mark_safe("".join(rows))  # noqa: S308 (every value above is escaped)


def budget_format():
    """A function writing an amount as `floatformat:"2g"` does (rounded half up to two decimals, grouped by the
    reader's language), its separators looked up once a page rather than once an amount (~80 calls each)."""
    language = get_language()
    separator = get_format("DECIMAL_SEPARATOR", language)
    grouping = get_format("NUMBER_GROUPING", language)
    thousands = get_format("THOUSAND_SEPARATOR", language)

    def money(amount):
        rounded = Decimal(amount).quantize(CENTS, ROUND_HALF_UP)
        return numberformat.format(
            f"{rounded:f}", separator, 2, grouping, thousands, force_grouping=True, use_l10n=True
        )

    return money


class ActivityView(View):
    def get(self, request, start_year, number):
        require(request.user, VIEW)
        activity = selectors.activity_get(start_year, number)
        context = {
            "activity": activity,
            "delivery": selectors.delivery_of(activity, request.user),
            "may_change": request.user.has_perm(EDIT),
        }
        return render(request, "planning/activity_detail.html", context)


class ActivityFormView(LoginRequiredMixin, View):
    """Staff add or edit a programme activity (through the services, audited)."""

    activity = None

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        require(request.user, EDIT)
        if "pk" in kwargs:
            self.activity = get_object_or_404(selectors.activity_list(), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def render_form(self, request, form, status=200):
        context = {"form": form, "activity": self.activity}
        return render(request, "planning/activity_form.html", context, status=status)

    def get(self, request, **kwargs):
        return self.render_form(request, ActivityForm(instance=self.activity))

    def post(self, request, **kwargs):
        form = ActivityForm(request.POST, instance=self.activity)
        if form.is_valid():
            try:
                activity = self.save(request, form)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Activity saved."))
                return redirect(activity.get_absolute_url())
        return self.render_form(request, form, status=400)

    def save(self, request, form):
        data = form.data_for_service()
        if self.activity is None:
            return services.create_activity(by=request.user, data=data)
        version = form.cleaned_data.get("version")
        return services.update_activity(self.activity, by=request.user, data=data, version=version)
